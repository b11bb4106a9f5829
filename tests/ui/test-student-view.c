/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-student-view"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "sm-company.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-student-detail.h"
#include "sm-student-view.h"
#include "sm-ui-test-util.h"
#include "sm-window.h"

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *store;
} Fixture;

static const struct {
  const char *number;
  const char *given;
  const char *prefix;
  const char *family;
  const char *class_name;
  SmLevel     level;
  SmPathway   pathway;
} students[] = {
  { "S1001", "Fatima", "el", "Amrani", "ICT1A", SM_LEVEL_MBO_4, SM_PATHWAY_BOL },
  { "S1002", "Daan", "van der", "Berg", "ICT1A", SM_LEVEL_MBO_2, SM_PATHWAY_BBL },
  { "S1003", "Sanne", "de", "Vries", "ZW2B", SM_LEVEL_MBO_3, SM_PATHWAY_BOL },
  { "S1004", "Mohammed", NULL, "Yilmaz", "ICT2C", SM_LEVEL_MBO_4, SM_PATHWAY_BOL },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stagematch-test-student-view-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = sm_sqlite_store_new (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  sm_ui_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
add_students (SmStore *store)
{
  g_autoptr(SmProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  programme = sm_programme_new ("25604", "Software developer", SM_EDUCATION_MBO, SM_SECTOR_ICT);
  sm_store_save (store, SM_RECORD (programme), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (students); i++)
    {
      g_autoptr(SmStudent) student = sm_student_new ();
      SmRecord *record = SM_RECORD (student);

      sm_record_set_string (record, SM_STUDENT_FIELD_STUDENT_NUMBER, students[i].number);
      sm_record_set_string (record, SM_STUDENT_FIELD_GIVEN_NAME, students[i].given);
      sm_record_set_string (record, SM_STUDENT_FIELD_NAME_PREFIX, students[i].prefix);
      sm_record_set_string (record, SM_STUDENT_FIELD_FAMILY_NAME, students[i].family);
      sm_record_set_string (record, SM_STUDENT_FIELD_CLASS_NAME, students[i].class_name);
      sm_record_set_int (record, SM_STUDENT_FIELD_LEVEL, students[i].level);
      sm_record_set_int (record, SM_STUDENT_FIELD_PATHWAY, students[i].pathway);
      sm_record_set_string (record, SM_STUDENT_FIELD_PROGRAMME, "25604");
      if (i == 0)
        sm_record_set_string (record, SM_STUDENT_FIELD_EMAIL, "fatima.elamrani@example.nl");
      sm_store_save (store, record, &error);
      g_assert_no_error (error);
    }
}

typedef struct
{
  GtkWidget  *root;
  GType       ancestor_type;
  const char *text;
  GListModel *model;
  guint       n_items;
} Query;

static gboolean
text_is_shown (gpointer data)
{
  Query *query = data;

  return sm_ui_test_find_text (query->root, query->ancestor_type, query->text) != NULL;
}

static gboolean
model_has_n_items_and_text (gpointer data)
{
  Query *query = data;

  return g_list_model_get_n_items (query->model) == query->n_items &&
         text_is_shown (query);
}

static SmWindow *
show_students (SmStore *store)
{
  SmWindow *window = sm_window_new (NULL, store);

  sm_window_set_view (window, "students");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));

  return window;
}

static void
test_student_view_list (Fixture       *fixture,
                        gconstpointer  user_data)
{
  SmWindow *window;
  GtkWidget *view;
  GtkWidget *entry;
  GtkWidget *column_view;
  GtkWidget *focus;
  GListModel *model;
  Query query;

  add_students (SM_STORE (fixture->store));
  window = show_students (SM_STORE (fixture->store));

  view = sm_ui_test_find_type (GTK_WIDGET (window), SM_TYPE_STUDENT_VIEW);
  g_assert_nonnull (view);
  column_view = sm_ui_test_find_type (view, GTK_TYPE_COLUMN_VIEW);
  entry = sm_ui_test_find_type (view, GTK_TYPE_SEARCH_ENTRY);
  model = sm_student_view_get_model (SM_STUDENT_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (students));

  /* The rows show real text, not empty cells. */
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Fatima el Amrani", model, 4 };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "S1003";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "mbo 2";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "Software developer";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query = (Query) { view, G_TYPE_INVALID, "4 students", model, 4 };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* By class, case-insensitively. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ict1");
  query = (Query) { view, G_TYPE_INVALID, "2 of 4 students", model, 2 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Daan van der Berg", model, 2 };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* Typing on narrows it: by name. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ict1 ");
  gtk_editable_set_text (GTK_EDITABLE (entry), "VAN DER");
  query = (Query) { view, G_TYPE_INVALID, "1 of 4 students", model, 1 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* By student number. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "s1004");
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Mohammed Yilmaz", model, 1 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* Nothing matches: an honest message, not an empty table. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody");
  query = (Query) { view, G_TYPE_INVALID, "No Matching Students", model, 0 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* Cleared, every student is back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  query = (Query) { view, G_TYPE_INVALID, "4 students", model, 4 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* Sorting by name goes by family name. */
  {
    g_autoptr(GtkColumnViewColumn) name_column = NULL;
    g_autoptr(SmStudent) first = NULL;
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));

    name_column = g_list_model_get_item (columns, 1);
    g_assert_cmpstr (gtk_column_view_column_get_title (name_column), ==, "Name");
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), name_column, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (sm_student_get_student_number (first), ==, "S1004");
  }

  /* Ctrl+F's action puts the cursor in the search entry. */
  g_assert_true (gtk_widget_activate_action (view, "students.focus-search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
set_text (SmRecord   *record,
          const char *name,
          const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_record_set_from_text (record, name, text, &error));
  g_assert_no_error (error);
}

static void
save_record (SmStore  *store,
             SmRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_store_save (store, record, &error));
  g_assert_no_error (error);
}

/* A company with one offer, for placements to refer to. */
static SmRecord *
add_offer (SmStore *store)
{
  g_autoptr(SmRecord) company = SM_RECORD (sm_company_new ());
  SmRecord *offer = SM_RECORD (sm_offer_new ());
  g_autofree char *company_id = NULL;

  set_text (company, "name", "Bits en Bytes BV");
  set_text (company, "kvk_number", "12345678");
  save_record (store, company);

  company_id = g_strdup_printf ("%" G_GINT64_FORMAT, sm_record_get_id (company));
  set_text (offer, "company_id", company_id);
  set_text (offer, "title", "Junior developer");
  set_text (offer, "levels", "mbo-2,mbo-3,mbo-4");
  set_text (offer, "start_date", "2025-09-01");
  set_text (offer, "end_date", "2026-01-31");
  save_record (store, offer);

  return offer;
}

static void
add_placement (SmStore    *store,
               SmRecord   *offer,
               const char *student_number,
               const char *status)
{
  g_autoptr(SmRecord) placement = SM_RECORD (sm_placement_new ());
  SmRecord *student = sm_store_lookup_key (store, SM_TYPE_STUDENT, student_number);
  g_autofree char *student_id = NULL;
  g_autofree char *offer_id = NULL;

  g_assert_nonnull (student);
  student_id = g_strdup_printf ("%" G_GINT64_FORMAT, sm_record_get_id (student));
  offer_id = g_strdup_printf ("%" G_GINT64_FORMAT, sm_record_get_id (offer));
  set_text (placement, "student_id", student_id);
  set_text (placement, "offer_id", offer_id);
  set_text (placement, "status", status);
  set_text (placement, "agreement_signed", "yes");
  save_record (store, placement);
}

static GtkWidget *
find_dropdown (GtkWidget  *widget,
               const char *tooltip)
{
  if (GTK_IS_DROP_DOWN (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_dropdown (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
find_choice (GtkWidget  *dropdown,
             const char *text)
{
  GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (gtk_string_object_get_string (choice), text))
        return i;
    }

  g_assert_not_reached ();
}

static void
select_choice (GtkWidget  *dropdown,
               const char *text)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), find_choice (dropdown, text));
}

static void
test_student_view_filters (Fixture       *fixture,
                           gconstpointer  user_data)
{
  SmStore *store = SM_STORE (fixture->store);
  g_autoptr(SmRecord) offer = NULL;
  SmWindow *window;
  GtkWidget *view;
  GtkWidget *column_view;
  GtkWidget *entry;
  GtkWidget *level;
  GtkWidget *class;
  GtkWidget *programme;
  GtkWidget *placement;
  GListModel *model;
  Query query;

  add_students (store);
  offer = add_offer (store);
  add_placement (store, offer, "S1003", "confirmed");
  add_placement (store, offer, "S1001", "cancelled");
  window = show_students (store);

  view = sm_ui_test_find_type (GTK_WIDGET (window), SM_TYPE_STUDENT_VIEW);
  column_view = sm_ui_test_find_type (view, GTK_TYPE_COLUMN_VIEW);
  entry = sm_ui_test_find_type (view, GTK_TYPE_SEARCH_ENTRY);
  model = sm_student_view_get_model (SM_STUDENT_VIEW (view));
  level = find_dropdown (view, "Show only the students of one level");
  class = find_dropdown (view, "Show only the students of one class");
  programme = find_dropdown (view, "Show only the students of one programme");
  placement = find_dropdown (view, "Show only the students with this placement status");
  g_assert_nonnull (level);
  g_assert_nonnull (class);
  g_assert_nonnull (programme);
  g_assert_nonnull (placement);

  /* "All …" first; the classes and programmes that are there. */
  g_assert_cmpuint (find_choice (level, "All levels"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (level))), ==, 11);
  g_assert_cmpuint (find_choice (class, "All classes"), ==, 0);
  g_assert_cmpuint (find_choice (class, "ICT1A"), ==, 1);
  g_assert_cmpuint (find_choice (class, "ICT2C"), ==, 2);
  g_assert_cmpuint (find_choice (class, "ZW2B"), ==, 3);
  g_assert_cmpuint (find_choice (programme, "Software developer"), ==, 1);
  g_assert_cmpuint (find_choice (placement, "Not placed"), ==, 1);

  /* The placement column: confirmed, and cancelled counts as not placed. */
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Confirmed", model, 4 };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "Not placed";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* A level narrows the list… */
  select_choice (level, "mbo 4");
  query = (Query) { view, G_TYPE_INVALID, "2 of 4 students", model, 2 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Mohammed Yilmaz", model, 2 };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "Fatima el Amrani";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* …the search within it further… */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ict2");
  query = (Query) { view, G_TYPE_INVALID, "1 of 4 students", model, 1 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Mohammed Yilmaz", model, 1 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* …and a search outside the level finds nobody. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "vries");
  query = (Query) { view, G_TYPE_INVALID, "No Matching Students", model, 0 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* "All levels" lets the search alone decide again. */
  select_choice (level, "All levels");
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Sanne de Vries", model, 1 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  query = (Query) { view, G_TYPE_INVALID, "4 students", model, 4 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* Class and programme. */
  select_choice (class, "ICT1A");
  query = (Query) { view, G_TYPE_INVALID, "2 of 4 students", model, 2 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  select_choice (class, "All classes");
  select_choice (programme, "Software developer");
  query = (Query) { view, G_TYPE_INVALID, "4 students", model, 4 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  select_choice (programme, "All programmes");

  /* The placement status filter finds the confirmed student. */
  select_choice (placement, "Confirmed");
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Sanne de Vries", model, 1 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query.text = "Confirmed";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  select_choice (placement, "Not placed");
  query = (Query) { view, G_TYPE_INVALID, "3 of 4 students", model, 3 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* A new placement moves its student out of "Not placed" and shows at
   * once. */
  add_placement (store, offer, "S1002", "proposed");
  query = (Query) { view, G_TYPE_INVALID, "2 of 4 students", model, 2 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  select_choice (placement, "All placement statuses");
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Proposed", model, 4 };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* Sorting by placement puts the placed students last. */
  {
    g_autoptr(GtkColumnViewColumn) placement_column = NULL;
    g_autoptr(SmStudent) last = NULL;
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));

    placement_column = g_list_model_get_item (columns, 5);
    g_assert_cmpstr (gtk_column_view_column_get_title (placement_column), ==, "Placement");
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), placement_column, GTK_SORT_ASCENDING);
    last = g_list_model_get_item (model, 3);
    g_assert_cmpstr (sm_student_get_student_number (last), ==, "S1003");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_student_view_empty (Fixture       *fixture,
                         gconstpointer  user_data)
{
  SmWindow *window;
  GtkWidget *view;
  Query query;

  window = show_students (SM_STORE (fixture->store));

  query = (Query) { GTK_WIDGET (window), SM_TYPE_STUDENT_VIEW, "No Students Yet", NULL, 0 };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  view = sm_ui_test_find_type (GTK_WIDGET (window), SM_TYPE_STUDENT_VIEW);
  g_assert_cmpuint (g_list_model_get_n_items (sm_student_view_get_model (SM_STUDENT_VIEW (view))), ==, 0);
  g_assert_false (gtk_widget_get_mapped (sm_ui_test_find_type (view, GTK_TYPE_COLUMN_VIEW)));

  /* Students that arrive later replace the message by the list. */
  add_students (SM_STORE (fixture->store));
  query = (Query) { GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, "Sanne de Vries", NULL, 0 };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data) && !gtk_widget_get_mapped (data);
}

static void
test_student_view_detail (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRecord) copy = NULL;
  SmWindow *window;
  GtkWidget *view;
  GtkWidget *column_view;
  GtkWidget *detail;
  GtkSelectionModel *selection;
  SmStudent *selected;
  GListModel *model;
  Query query;
  guint position = GTK_INVALID_LIST_POSITION;

  add_students (SM_STORE (fixture->store));
  window = show_students (SM_STORE (fixture->store));

  view = sm_ui_test_find_type (GTK_WIDGET (window), SM_TYPE_STUDENT_VIEW);
  column_view = sm_ui_test_find_type (view, GTK_TYPE_COLUMN_VIEW);
  detail = sm_ui_test_find_type (view, SM_TYPE_STUDENT_DETAIL);
  g_assert_nonnull (detail);
  model = sm_student_view_get_model (SM_STUDENT_VIEW (view));

  /* Nothing selected: no pane. */
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  g_assert_true (GTK_IS_MULTI_SELECTION (selection));
  {
    g_autoptr(GtkBitset) selected_rows = gtk_selection_model_get_selection (selection);

    g_assert_true (gtk_bitset_is_empty (selected_rows));
  }
  g_assert_false (gtk_widget_get_visible (detail));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmStudent) student = g_list_model_get_item (model, i);

      if (g_str_equal (sm_student_get_student_number (student), "S1001"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  /* Selected, the pane shows every group and the student's values. */
  gtk_selection_model_select_item (selection, position, TRUE);
  query = (Query) { detail, SM_TYPE_STUDENT_DETAIL, "fatima.elamrani@example.nl", NULL, 0 };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  g_assert_true (gtk_widget_get_visible (detail));
  selected = sm_student_detail_get_student (SM_STUDENT_DETAIL (detail));
  g_assert_cmpstr (sm_student_get_student_number (selected), ==, "S1001");
  for (guint i = 0; i < 9; i++)
    {
      static const char *texts[] = {
        "Identity", "Contact", "School", "Internship wishes", "Requirements",
        "Only for the coordinator", "E-mail", "Amrani", "Software developer (25604)",
      };

      query.text = texts[i];
      g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
    }
  /* Unset fields show a dash, not an empty space. */
  query.text = "—";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* The store changes its cached student in place; the pane follows. */
  copy = sm_record_dup (SM_RECORD (selected));
  sm_record_set_string (copy, SM_STUDENT_FIELD_FAMILY_NAME, "Jansen");
  g_assert_true (sm_store_save (SM_STORE (fixture->store), copy, &error));
  g_assert_no_error (error);
  query.text = "Jansen";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "Fatima el Jansen";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* Unselected, the pane goes away. */
  gtk_selection_model_unselect_all (selection);
  g_assert_true (sm_ui_test_wait_until (is_hidden, detail));
  g_assert_null (sm_student_detail_get_student (SM_STUDENT_DETAIL (detail)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!sm_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/student-view/list", Fixture, NULL,
              fixture_set_up, test_student_view_list, fixture_tear_down);
  g_test_add ("/student-view/filters", Fixture, NULL,
              fixture_set_up, test_student_view_filters, fixture_tear_down);
  g_test_add ("/student-view/detail", Fixture, NULL,
              fixture_set_up, test_student_view_detail, fixture_tear_down);
  g_test_add ("/student-view/empty", Fixture, NULL,
              fixture_set_up, test_student_view_empty, fixture_tear_down);

  return g_test_run ();
}
