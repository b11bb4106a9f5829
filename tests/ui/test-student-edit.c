/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-student-edit"

#include "config.h"

#include <gtk/gtk.h>

#include "sm-bulk-editor.h"
#include "sm-demo.h"
#include "sm-matcher.h"
#include "sm-record-editor.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-student-view.h"
#include "sm-ui-test-util.h"
#include "sm-window.h"

/* Adding, editing, deleting and changing several students through the
 * real window, its dialogs and its toast, checked against the store. */

typedef struct
{
  char          *dir;
  SmSqliteStore *store;
  SmWindow      *window;
  GtkWidget     *view;
  GtkSelectionModel *selection;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = sm_ui_test_open_demo ("student-edit", 40, 20, 7, &fixture->dir);

  fixture->window = sm_window_new (NULL, SM_STORE (fixture->store));
  sm_window_set_view (fixture->window, "students");
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, fixture->window));

  fixture->view = sm_ui_test_find_type (GTK_WIDGET (fixture->window), SM_TYPE_STUDENT_VIEW);
  g_assert_nonnull (fixture->view);
  fixture->selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (sm_ui_test_find_type (fixture->view,
                                                                                          GTK_TYPE_COLUMN_VIEW)));
}

static gboolean
no_dialogs (gpointer data)
{
  return sm_ui_test_find_window (SM_TYPE_RECORD_EDITOR) == NULL &&
         sm_ui_test_find_window (SM_TYPE_BULK_EDITOR) == NULL &&
         sm_ui_test_find_window (GTK_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (sm_ui_test_wait_until (no_dialogs, NULL));
  g_clear_object (&fixture->store);
  sm_ui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static SmStudent *
select_row (Fixture *fixture,
            guint    position)
{
  g_autoptr(SmStudent) student = g_list_model_get_item (G_LIST_MODEL (fixture->selection), position);

  g_assert_nonnull (student);
  gtk_selection_model_select_item (fixture->selection, position, TRUE);
  return student;
}

static guint
count_students (Fixture *fixture)
{
  return g_list_model_get_n_items (sm_store_list (SM_STORE (fixture->store), SM_TYPE_STUDENT, NULL));
}

/* The postcode field says what is wrong and Save stays off until it is
 * right; the new student is then in the store. */
static void
test_student_edit_add (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *editor;
  GtkWidget *save;
  GtkWidget *postcode;
  SmRecord *stored;
  guint before = count_students (fixture);

  g_assert_nonnull (sm_window_get_settings (fixture->window));
  g_settings_set_int (sm_window_get_settings (fixture->window), "default-max-travel-km", 40);

  gtk_widget_activate_action (fixture->view, "students.new", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  save = sm_ui_test_get_named (editor, "save-button");
  g_assert_false (gtk_widget_get_sensitive (save));

  sm_ui_test_set_text (editor, "student_number", "T-0001");
  sm_ui_test_set_text (editor, "given_name", "Noor");
  sm_ui_test_set_text (editor, "family_name", "Haddad");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* The travel distance comes from the preferences. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (sm_ui_test_get_named (editor, "max_travel_km"))),
                   ==, 40);

  sm_ui_test_set_text (editor, "postcode", "12345");
  postcode = sm_ui_test_get_named (editor, "postcode");
  g_assert_true (gtk_widget_has_css_class (postcode, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (sm_ui_test_find_text (editor, G_TYPE_INVALID,
                                          "“12345” is not a Dutch postcode; write it as 1234 AB"));
  g_assert_false (sm_record_editor_save (SM_RECORD_EDITOR (editor)));
  g_assert_cmpuint (count_students (fixture), ==, before);

  sm_ui_test_set_text (editor, "postcode", "2611 AB");
  g_assert_false (gtk_widget_has_css_class (postcode, "error"));
  g_assert_true (gtk_widget_get_sensitive (save));

  gtk_widget_activate (save);
  sm_ui_test_wait_for_no_window (SM_TYPE_RECORD_EDITOR);

  g_assert_cmpuint (count_students (fixture), ==, before + 1);
  stored = sm_store_lookup_key (SM_STORE (fixture->store), SM_TYPE_STUDENT, "T-0001");
  g_assert_nonnull (stored);
  g_assert_cmpstr (sm_record_get_string (stored, SM_STUDENT_FIELD_FAMILY_NAME), ==, "Haddad");
  g_assert_cmpstr (sm_record_get_string (stored, SM_STUDENT_FIELD_POSTCODE), ==, "2611 AB");

  /* The new student is the one selected. */
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (fixture->selection);
    g_autoptr(GObject) item = NULL;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    item = g_list_model_get_item (G_LIST_MODEL (fixture->selection), gtk_bitset_get_nth (selected, 0));
    g_assert_true (item == (GObject *) stored);
  }
}

/* Ctrl+N adds a student also when the focus is in the sidebar. */
static void
test_student_edit_new_from_window (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  GtkWidget *sidebar = sm_ui_test_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX);
  GtkWidget *editor;

  gtk_widget_grab_focus (sidebar);
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), fixture->view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "window.new-record", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  g_assert_true (SM_IS_STUDENT (sm_record_editor_get_record (SM_RECORD_EDITOR (editor))));
  g_assert_cmpint (sm_record_get_id (sm_record_editor_get_record (SM_RECORD_EDITOR (editor))), ==, 0);
  gtk_window_close (GTK_WINDOW (editor));
}

/* Two students with one student number would be one student twice. */
static void
test_student_edit_duplicate (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SmStudent) other = g_list_model_get_item (G_LIST_MODEL (fixture->selection), 3);
  const char *number = sm_student_get_student_number (other);
  g_autofree char *name = sm_student_dup_full_name (other);
  g_autofree char *message = g_strdup_printf ("Already in use by %s", name);
  GtkWidget *editor;

  gtk_widget_activate_action (fixture->view, "students.new", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  sm_ui_test_set_text (editor, "given_name", "Noor");
  sm_ui_test_set_text (editor, "family_name", "Haddad");
  sm_ui_test_set_text (editor, "student_number", number);

  g_assert_nonnull (sm_ui_test_find_text (editor, G_TYPE_INVALID, message));
  g_assert_false (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));

  sm_ui_test_set_text (editor, "student_number", "T-0002");
  g_assert_true (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_null (sm_store_lookup_key (SM_STORE (fixture->store), SM_TYPE_STUDENT, "T-0002"));
}

/* Editing changes the store's student; cancelling leaves it alone. */
static void
test_student_edit_change (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *search = sm_ui_test_find_type (fixture->view, GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *family = NULL;
  SmStudent *student;
  GtkWidget *editor;

  /* A search reads every student's name once and keeps it. */
  gtk_editable_set_text (GTK_EDITABLE (search), "x");
  g_signal_emit_by_name (search, "search-changed");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");

  student = select_row (fixture, 2);
  family = g_strdup (sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_FAMILY_NAME));
  gtk_widget_activate_action (fixture->view, "students.edit", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  sm_ui_test_set_text (editor, "family_name", "Changed-but-cancelled");
  gtk_widget_activate_action (editor, "window.close", NULL);
  sm_ui_test_wait_for_no_window (SM_TYPE_RECORD_EDITOR);
  g_assert_cmpstr (sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_FAMILY_NAME), ==, family);

  gtk_widget_activate_action (fixture->view, "students.edit", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  sm_ui_test_set_text (editor, "family_name", "Bouzid");
  sm_ui_test_set_text (editor, "hours_per_week", "24");
  gtk_spin_button_update (GTK_SPIN_BUTTON (sm_ui_test_get_named (editor, "hours_per_week")));
  gtk_widget_activate (sm_ui_test_get_named (editor, "save-button"));
  sm_ui_test_wait_for_no_window (SM_TYPE_RECORD_EDITOR);

  g_assert_cmpstr (sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_FAMILY_NAME), ==, "Bouzid");
  g_assert_cmpint (sm_record_get_int (SM_RECORD (student), SM_STUDENT_FIELD_HOURS_PER_WEEK), ==, 24);

  /* The search finds the student by the new name, not the old. */
  {
    GListModel *shown = sm_student_view_get_model (SM_STUDENT_VIEW (fixture->view));
    g_autofree char *old_name = g_utf8_strdown (family, -1);
    g_autoptr(SmStudent) found = NULL;

    gtk_editable_set_text (GTK_EDITABLE (search), "bouzid");
    g_signal_emit_by_name (search, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
    for (guint i = 0; i < g_list_model_get_n_items (shown) && found == NULL; i++)
      {
        g_autoptr(SmStudent) item = g_list_model_get_item (shown, i);

        if (item == student)
          found = g_steal_pointer (&item);
      }
    g_assert_nonnull (found);

    gtk_editable_set_text (GTK_EDITABLE (search), old_name);
    g_signal_emit_by_name (search, "search-changed");
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(SmStudent) item = g_list_model_get_item (shown, i);

        g_assert_true (item != student);
      }
  }

  /* And it is in the file, not only in memory. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (fixture->dir, "test.db", NULL);
    g_autoptr(SmSqliteStore) reopened = sm_sqlite_store_new (path, &error);
    SmRecord *again;

    g_assert_no_error (error);
    again = sm_store_lookup_key (SM_STORE (reopened), SM_TYPE_STUDENT,
                                 sm_student_get_student_number (student));
    g_assert_nonnull (again);
    g_assert_cmpstr (sm_record_get_string (again, SM_STUDENT_FIELD_FAMILY_NAME), ==, "Bouzid");
  }
}

static gboolean
toast_is_shown (gpointer data)
{
  return sm_toast_get_shown (data);
}

static gboolean
toast_is_hidden (gpointer data)
{
  return !sm_toast_get_shown (data);
}

/* Delete asks first; Undo brings the student back with every field. */
static void
test_student_edit_delete_undo (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(SmRecord) copy = NULL;
  SmToast *toast = sm_window_get_toast (fixture->window);
  const SmField *fields;
  guint n_fields;
  GtkWidget *dialog;
  SmRecord *back;
  GtkWidget *undo;
  guint before = count_students (fixture);
  g_autofree char *number = NULL;

  /* A student without placements, candidacies or preferences. */
  for (guint i = 0; copy == NULL; i++)
    {
      SmStudent *student = select_row (fixture, i);

      gtk_widget_activate_action (fixture->view, "students.delete", NULL);
      dialog = sm_ui_test_wait_for_window (GTK_TYPE_MESSAGE_DIALOG);
      number = g_strdup (sm_student_get_student_number (student));
      copy = sm_record_dup (SM_RECORD (student));
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

      if (sm_store_lookup_key (SM_STORE (fixture->store), SM_TYPE_STUDENT, number) != NULL)
        {
          /* Refused, with a message that says why. */
          GtkWidget *error = sm_ui_test_wait_for_window (GTK_TYPE_MESSAGE_DIALOG);

          gtk_dialog_response (GTK_DIALOG (error), GTK_RESPONSE_CLOSE);
          sm_ui_test_wait_for_no_window (GTK_TYPE_MESSAGE_DIALOG);
          g_clear_object (&copy);
          g_clear_pointer (&number, g_free);
        }
    }

  g_assert_cmpuint (count_students (fixture), ==, before - 1);
  g_assert_true (sm_ui_test_wait_until (toast_is_shown, toast));
  g_assert_true (g_str_has_suffix (sm_toast_get_title (toast), "was deleted"));

  /* A button clicks a moment after it is activated, once it is on
   * screen. */
  undo = sm_ui_test_get_named (GTK_WIDGET (fixture->window), "toast-undo");
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, undo));
  g_assert_true (gtk_widget_activate (undo));
  g_assert_true (sm_ui_test_wait_until (toast_is_hidden, toast));
  g_assert_cmpuint (count_students (fixture), ==, before);
  back = sm_store_lookup_key (SM_STORE (fixture->store), SM_TYPE_STUDENT, number);
  g_assert_nonnull (back);

  fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (back), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *was = sm_record_dup_text (copy, i);
      g_autofree char *is = sm_record_dup_text (back, i);

      g_assert_cmpstr (is, ==, was);
      (void) fields;
    }
}

/* A bulk change sets the class and level of every selected student in
 * one go, and Undo puts back what each had. */
static void
test_student_edit_bulk (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *editor;
  GtkWidget *level;
  SmToast *toast = sm_window_get_toast (fixture->window);

  for (guint i = 5; i < 8; i++)
    {
      SmStudent *student = g_list_model_get_item (G_LIST_MODEL (fixture->selection), i);

      g_ptr_array_add (chosen, student);
      g_ptr_array_add (classes, g_strdup (sm_student_get_class_name (student)));
      gtk_selection_model_select_item (fixture->selection, i, FALSE);
    }

  gtk_widget_activate_action (fixture->view, "students.bulk-edit", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_BULK_EDITOR);
  g_assert_false (sm_bulk_editor_get_can_apply (SM_BULK_EDITOR (editor)));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (sm_ui_test_get_named (editor, "class-check")), TRUE);
  sm_ui_test_set_text (editor, "class-entry", "NEW1");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sm_ui_test_get_named (editor, "level-check")), TRUE);
  level = sm_ui_test_get_named (editor, "level-dropdown");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (level), SM_LEVEL_MBO_3);
  g_assert_true (sm_bulk_editor_get_can_apply (SM_BULK_EDITOR (editor)));

  gtk_widget_activate (sm_ui_test_get_named (editor, "apply-button"));
  sm_ui_test_wait_for_no_window (SM_TYPE_BULK_EDITOR);

  for (guint i = 0; i < chosen->len; i++)
    {
      SmStudent *student = g_ptr_array_index (chosen, i);

      g_assert_cmpstr (sm_student_get_class_name (student), ==, "NEW1");
      g_assert_cmpint (sm_student_get_level (student), ==, SM_LEVEL_MBO_3);
    }

  g_assert_true (sm_ui_test_wait_until (toast_is_shown, toast));
  g_assert_cmpstr (sm_toast_get_title (toast), ==, "3 students were changed");

  /* Moved to a level without pathways, they leave theirs behind. */
  g_assert_true (sm_toast_undo (toast));
  for (guint i = 0; i < chosen->len; i++)
    gtk_selection_model_select_item (fixture->selection,
                                     5 + i, i == 0);
  gtk_widget_activate_action (fixture->view, "students.bulk-edit", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_BULK_EDITOR);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sm_ui_test_get_named (editor, "level-check")), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sm_ui_test_get_named (editor, "level-dropdown")), SM_LEVEL_VMBO_TL);
  g_assert_true (sm_bulk_editor_apply (SM_BULK_EDITOR (editor)));
  for (guint i = 0; i < chosen->len; i++)
    {
      SmStudent *student = g_ptr_array_index (chosen, i);

      g_assert_cmpint (sm_student_get_level (student), ==, SM_LEVEL_VMBO_TL);
      g_assert_cmpint (sm_record_get_int (SM_RECORD (student), SM_STUDENT_FIELD_PATHWAY), ==, SM_PATHWAY_NONE);
    }
  g_assert_true (sm_toast_undo (toast));
  for (guint i = 0; i < chosen->len; i++)
    g_assert_cmpstr (sm_student_get_class_name (g_ptr_array_index (chosen, i)), ==,
                     g_ptr_array_index (classes, i));
}

static gboolean
matches_are_counted (gpointer data)
{
  Fixture *fixture = data;

  return sm_ui_test_find_text (fixture->view, GTK_TYPE_COLUMN_VIEW, "–") == NULL;
}

/* Once the list is on screen every student's matches are counted, as the
 * matcher counts them. */
static void
test_student_edit_matches (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmMatcher) matcher = sm_matcher_new (SM_STORE (fixture->store), &error);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (sm_ui_test_find_type (fixture->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  GtkColumnViewColumn *matches = NULL;
  guint n = g_list_model_get_n_items (columns);
  guint max = 0;

  g_assert_no_error (error);
  g_assert_true (sm_ui_test_wait_until (matches_are_counted, fixture));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Matches") == 0)
        matches = column;
    }
  g_assert_nonnull (matches);

  /* Sorted by matches, most first, the top row has the highest count. */
  gtk_column_view_sort_by_column (column_view, matches, GTK_SORT_DESCENDING);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->selection)); i++)
    {
      g_autoptr(SmStudent) student = g_list_model_get_item (G_LIST_MODEL (fixture->selection), i);
      guint count = sm_matcher_count_candidates (matcher, student);
      g_autoptr(GArray) listed = sm_matcher_list_candidates (matcher, student);

      g_assert_cmpuint (count, ==, listed->len);
      if (i == 0)
        max = count;
      g_assert_cmpuint (count, <=, max);
    }
  g_assert_cmpuint (max, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!sm_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/student-edit/add", Fixture, NULL,
              fixture_set_up, test_student_edit_add, fixture_tear_down);
  g_test_add ("/student-edit/new-from-window", Fixture, NULL,
              fixture_set_up, test_student_edit_new_from_window, fixture_tear_down);
  g_test_add ("/student-edit/duplicate", Fixture, NULL,
              fixture_set_up, test_student_edit_duplicate, fixture_tear_down);
  g_test_add ("/student-edit/change", Fixture, NULL,
              fixture_set_up, test_student_edit_change, fixture_tear_down);
  g_test_add ("/student-edit/delete-undo", Fixture, NULL,
              fixture_set_up, test_student_edit_delete_undo, fixture_tear_down);
  g_test_add ("/student-edit/bulk", Fixture, NULL,
              fixture_set_up, test_student_edit_bulk, fixture_tear_down);
  g_test_add ("/student-edit/matches", Fixture, NULL,
              fixture_set_up, test_student_edit_matches, fixture_tear_down);

  return g_test_run ();
}
