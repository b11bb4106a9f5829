/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-offer-view"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "sm-company.h"
#include "sm-demo.h"
#include "sm-offer-detail.h"
#include "sm-offer-view.h"
#include "sm-offer.h"
#include "sm-sqlite-store.h"
#include "sm-ui-test-util.h"
#include "sm-window.h"

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stagematch-test-offer-view-XXXXXX", &error);
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

static SmRecord *
add_company (SmStore    *store,
             const char *name,
             const char *kvk_number,
             const char *city)
{
  SmRecord *company = SM_RECORD (sm_company_new ());

  set_text (company, "name", name);
  set_text (company, "kvk_number", kvk_number);
  set_text (company, "city", city);
  set_text (company, "sector", "hospitality");
  save_record (store, company);

  return company;
}

static SmRecord *
offer_new (SmRecord   *company,
           const char *title)
{
  SmRecord *offer = SM_RECORD (sm_offer_new ());
  g_autofree char *company_id = NULL;

  company_id = g_strdup_printf ("%" G_GINT64_FORMAT, sm_record_get_id (company));
  set_text (offer, "company_id", company_id);
  set_text (offer, "title", title);
  set_text (offer, "levels", "mbo-2,mbo-3");
  set_text (offer, "postcode", "8011 AB");
  set_text (offer, "start_date", "2026-09-01");
  set_text (offer, "end_date", "2027-01-29");
  set_text (offer, "places", "3");

  return offer;
}

static void
add_offer (SmStore    *store,
           SmRecord   *company,
           const char *title)
{
  g_autoptr(SmRecord) offer = offer_new (company, title);

  save_record (store, offer);
}

/* A demo database, and one company whose names the tests know. */
static void
fill_store (SmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRecord) company = NULL;
  const SmDemoOptions options = { .n_students = 20, .n_offers = 40, .seed = 7 };

  g_assert_true (sm_demo_generate (store, &options, &error));
  g_assert_no_error (error);

  company = add_company (store, "Bakkerij Zonneveld", "87654321", "Zwolle");
  add_offer (store, company, "Broodbakker in opleiding");
  add_offer (store, company, "Banketbakker");
}

static const char *
get_widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return NULL;
}

/* A mapped label or inscription under @widget whose text is @text, or
 * contains it when @partial. */
static GtkWidget *
find_text (GtkWidget  *widget,
           GType       ancestor_type,
           const char *text,
           gboolean    partial)
{
  const char *shown = get_widget_text (widget);

  if (shown != NULL &&
      (partial ? strstr (shown, text) != NULL : g_str_equal (shown, text)) &&
      gtk_widget_get_mapped (widget) &&
      (ancestor_type == G_TYPE_INVALID || gtk_widget_get_ancestor (widget, ancestor_type) != NULL))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, ancestor_type, text, partial);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  GType       ancestor_type;
  const char *text;
  GListModel *model;
  guint       n_items;
  gboolean    partial;
} Query;

static gboolean
text_is_shown (gpointer data)
{
  Query *query = data;

  return find_text (query->root, query->ancestor_type, query->text, query->partial) != NULL;
}

static gboolean
model_has_n_items_and_text (gpointer data)
{
  Query *query = data;

  return g_list_model_get_n_items (query->model) == query->n_items &&
         text_is_shown (query);
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data) && !gtk_widget_get_mapped (data);
}

static SmWindow *
show_offers (SmStore *store)
{
  SmWindow *window = sm_window_new (NULL, store);

  sm_window_set_view (window, "offers");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));

  return window;
}

static guint
count_items (SmStore *store,
             GType    type)
{
  return g_list_model_get_n_items (sm_store_list (store, type, NULL));
}

/* The row of the model whose company or offer is called @name. */
static guint
find_row (GListModel *model,
          const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *title = sm_record_dup_title (SM_RECORD (item));

      if (g_strcmp0 (title, name) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Every offer sits under its own company. */
static void
assert_offers_under_companies (GListModel *model)
{
  g_autoptr(GObject) company = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (model), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (SM_IS_COMPANY (item))
        {
          g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 0);
          g_set_object (&company, item);
        }
      else
        {
          g_assert_true (SM_IS_OFFER (item));
          g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 1);
          g_assert_nonnull (company);
          g_assert_cmpint (sm_offer_get_company_id (SM_OFFER (item)), ==,
                           sm_record_get_id (SM_RECORD (company)));
        }
    }
}

static void
test_offer_view_template (void)
{
  GtkWidget *view = sm_offer_view_new ();
  GtkWidget *window = gtk_window_new ();
  Query query;

  /* Without a store the view says so. */
  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));

  g_assert_null (sm_offer_view_get_store (SM_OFFER_VIEW (view)));
  g_assert_null (sm_offer_view_get_selected_record (SM_OFFER_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (sm_offer_view_get_model (SM_OFFER_VIEW (view))), ==, 0);
  query = (Query) { view, G_TYPE_INVALID, "No database is open.", NULL, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (view);
}

static void
test_offer_view_tree (Fixture       *fixture,
                      gconstpointer  user_data)
{
  SmStore *store = SM_STORE (fixture->store);
  g_autofree char *count = NULL;
  g_autofree char *filtered_count = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;
  SmWindow *window;
  GtkWidget *view;
  GtkWidget *column_view;
  GtkWidget *entry;
  GtkWidget *focus;
  GListModel *model;
  guint n_companies;
  guint position;
  Query query;

  fill_store (store);
  n_companies = count_items (store, SM_TYPE_COMPANY);
  window = show_offers (store);

  view = find_widget (GTK_WIDGET (window), SM_TYPE_OFFER_VIEW);
  g_assert_nonnull (view);
  g_assert_true (sm_offer_view_get_store (SM_OFFER_VIEW (view)) == store);
  column_view = find_widget (view, GTK_TYPE_COLUMN_VIEW);
  entry = find_widget (view, GTK_TYPE_SEARCH_ENTRY);
  model = sm_offer_view_get_model (SM_OFFER_VIEW (view));

  /* The companies, closed, by name. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_companies);
  count = g_strdup_printf ("%u companies", n_companies);
  query = (Query) { view, G_TYPE_INVALID, count, model, n_companies, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  assert_offers_under_companies (model);

  /* Opening a company shows its offers beneath it. */
  position = find_row (model, "Bakkerij Zonneveld");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (model), position);
  g_assert_true (gtk_tree_list_row_is_expandable (row));
  gtk_tree_list_row_set_expanded (row, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_companies + 2);
  g_assert_cmpuint (find_row (model, "Broodbakker in opleiding"), >, position);
  g_assert_cmpuint (find_row (model, "Banketbakker"), >, position);
  assert_offers_under_companies (model);
  gtk_tree_list_row_set_expanded (row, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_companies);

  /* By company name, case-insensitively: the company opens by itself. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ZONNEVELD");
  filtered_count = g_strdup_printf ("1 of %u companies", n_companies);
  query = (Query) { view, G_TYPE_INVALID, filtered_count, model, 3, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Broodbakker in opleiding", model, 3, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query.text = "Zwolle";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "8011 AB";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "mbo 2, mbo 3";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "1 Sep 2026 – 29 Jan 2027";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "Open";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* By an offer's title: the company, with only that offer. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "broodbakker");
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Broodbakker in opleiding", model, 2, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query.text = "Bakkerij Zonneveld";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  g_assert_cmpuint (find_row (model, "Banketbakker"), ==, GTK_INVALID_LIST_POSITION);

  /* By KvK number and by town. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "87654321");
  query = (Query) { view, G_TYPE_INVALID, filtered_count, model, 3, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  gtk_editable_set_text (GTK_EDITABLE (entry), "zwolle");
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Bakkerij Zonneveld", NULL, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* Nothing matches: an honest message, not an empty table. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such company anywhere");
  query = (Query) { view, G_TYPE_INVALID, "No Matching Companies or Offers", model, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* Cleared, every company is back, closed again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  query = (Query) { view, G_TYPE_INVALID, count, model, n_companies, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  /* A new offer shows under its company at once. */
  {
    g_autoptr(GtkTreeListRow) bakery = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (model),
                                                                           find_row (model, "Bakkerij Zonneveld"));
    SmRecord *company = sm_store_lookup_key (store, SM_TYPE_COMPANY, "87654321");
    g_autoptr(GtkColumnViewColumn) name_column = NULL;

    gtk_tree_list_row_set_expanded (bakery, TRUE);
    add_offer (store, company, "Winkelmedewerker bakkerij");
    query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Winkelmedewerker bakkerij", model,
                      n_companies + 3, FALSE };
    g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
    assert_offers_under_companies (model);

    /* Sorted the other way, the offers stay with their company. */
    name_column = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view)), 0);
    g_assert_cmpstr (gtk_column_view_column_get_title (name_column), ==, "Name");
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), name_column, GTK_SORT_DESCENDING);
    assert_offers_under_companies (model);
    g_assert_cmpuint (find_row (model, "Winkelmedewerker bakkerij"), <, find_row (model, "Banketbakker"));
    gtk_tree_list_row_set_expanded (bakery, FALSE);
  }

  /* Ctrl+F's action puts the cursor in the search entry. */
  g_assert_true (gtk_widget_activate_action (view, "offers.focus-search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_window_destroy (GTK_WINDOW (window));
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

static void
select_choice (GtkWidget  *dropdown,
               const char *text)
{
  GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (gtk_string_object_get_string (choice), text))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_offer_view_filters (Fixture       *fixture,
                         gconstpointer  user_data)
{
  SmStore *store = SM_STORE (fixture->store);
  g_autoptr(SmRecord) company = NULL;
  g_autoptr(SmRecord) closed = NULL;
  g_autofree char *count = NULL;
  g_autofree char *all_count = NULL;
  SmWindow *window;
  GtkWidget *view;
  GtkWidget *column_view;
  GtkWidget *sector;
  GtkWidget *status;
  GListModel *model;
  guint n_companies;
  Query query;

  fill_store (store);
  company = add_company (store, "Hotel De Gouden Leeuw", "11223344", "Deventer");
  closed = offer_new (company, "Receptionist");
  set_text (closed, "status", "closed");
  set_text (closed, "sector", "hospitality");
  save_record (store, closed);
  n_companies = count_items (store, SM_TYPE_COMPANY);
  window = show_offers (store);

  view = find_widget (GTK_WIDGET (window), SM_TYPE_OFFER_VIEW);
  column_view = find_widget (view, GTK_TYPE_COLUMN_VIEW);
  model = sm_offer_view_get_model (SM_OFFER_VIEW (view));
  sector = find_dropdown (view, "Show only the companies and offers of one sector");
  status = find_dropdown (view, "Show only the offers with this status");
  g_assert_nonnull (sector);
  g_assert_nonnull (status);

  /* Only the closed offer, under its company, opened. */
  select_choice (status, "Closed");
  count = g_strdup_printf ("1 of %u companies", n_companies);
  query = (Query) { view, G_TYPE_INVALID, count, model, 2, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Receptionist", model, 2, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));
  query.text = "Closed";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* A sector keeps the companies of that sector. */
  select_choice (status, "All offer statuses");
  select_choice (sector, "Hospitality and tourism");
  query = (Query) { column_view, GTK_TYPE_COLUMN_VIEW, "Hotel De Gouden Leeuw", NULL, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "Bakkerij Zonneveld";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  select_choice (sector, "All sectors");
  all_count = g_strdup_printf ("%u companies", n_companies);
  query = (Query) { view, G_TYPE_INVALID, all_count, model, n_companies, FALSE };
  g_assert_true (sm_ui_test_wait_until (model_has_n_items_and_text, &query));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_offer_view_detail (Fixture       *fixture,
                        gconstpointer  user_data)
{
  SmStore *store = SM_STORE (fixture->store);
  g_autoptr(GtkTreeListRow) row = NULL;
  SmWindow *window;
  GtkWidget *view;
  GtkWidget *column_view;
  GtkWidget *detail;
  GtkSingleSelection *selection;
  GListModel *model;
  SmRecord *selected;
  guint position;
  Query query;

  fill_store (store);
  window = show_offers (store);

  view = find_widget (GTK_WIDGET (window), SM_TYPE_OFFER_VIEW);
  column_view = find_widget (view, GTK_TYPE_COLUMN_VIEW);
  detail = find_widget (view, SM_TYPE_OFFER_DETAIL);
  g_assert_nonnull (detail);
  model = sm_offer_view_get_model (SM_OFFER_VIEW (view));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));

  /* Nothing selected: no pane. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (gtk_widget_get_visible (detail));

  /* A company: its fields and its offers. */
  position = find_row (model, "Bakkerij Zonneveld");
  gtk_single_selection_set_selected (selection, position);
  query = (Query) { detail, SM_TYPE_OFFER_DETAIL, "87654321", NULL, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  selected = sm_offer_view_get_selected_record (SM_OFFER_VIEW (view));
  g_assert_true (SM_IS_COMPANY (selected));
  g_assert_cmpstr (sm_company_get_name (SM_COMPANY (selected)), ==, "Bakkerij Zonneveld");
  for (guint i = 0; i < 6; i++)
    {
      static const char *texts[] = {
        "Company", "Address", "Contact", "KvK number", "Internship offers", "Banketbakker",
      };

      query.text = texts[i];
      g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
    }

  /* An offer: its title, with its company's name. */
  row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (model), position);
  gtk_tree_list_row_set_expanded (row, TRUE);
  position = find_row (model, "Broodbakker in opleiding");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, position);
  query = (Query) { detail, SM_TYPE_OFFER_DETAIL, "Broodbakker in opleiding", NULL, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  selected = sm_offer_view_get_selected_record (SM_OFFER_VIEW (view));
  g_assert_true (SM_IS_OFFER (selected));
  for (guint i = 0; i < 7; i++)
    {
      static const char *texts[] = {
        "Bakkerij Zonneveld", "Who can apply", "Place and period", "Requirements",
        "mbo level 2, mbo level 3", "1 September 2026", "Open",
      };

      query.text = texts[i];
      g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
    }
  /* Unset fields show a dash, not an empty space. */
  query.text = "—";
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* Unselected, the pane goes away. */
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_assert_true (sm_ui_test_wait_until (is_hidden, detail));
  g_assert_null (sm_offer_view_get_selected_record (SM_OFFER_VIEW (view)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An offer that asks for a native speaker cannot be saved unconfirmed;
 * the pane warns about one that reaches it. */
static void
test_offer_detail_proxy_warning (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  SmStore *store = SM_STORE (fixture->store);
  g_autoptr(SmRecord) company = add_company (store, "Callcenter Noord", "55667788", "Groningen");
  g_autoptr(SmRecord) offer = offer_new (company, "Klantenservice");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *detail = sm_offer_detail_new ();
  Query query = { detail, G_TYPE_INVALID, "proxy for origin", NULL, 0, TRUE };

  sm_offer_detail_set_store (SM_OFFER_DETAIL (detail), store);
  gtk_window_set_child (GTK_WINDOW (window), detail);
  gtk_window_present (GTK_WINDOW (window));

  sm_offer_detail_set_record (SM_OFFER_DETAIL (detail), offer);
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));
  g_assert_false (text_is_shown (&query));

  set_text (offer, "requirements", "native speaker");
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "Callcenter Noord";
  query.partial = FALSE;
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  /* Confirmed, the warning goes. */
  set_text (offer, "proxy_confirmed", "yes");
  query.text = "proxy for origin";
  query.partial = TRUE;
  g_assert_false (text_is_shown (&query));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The lists are read when the view is first shown, not when it gets its
 * store; once shown, a new store is read at once. */
static void
test_offer_view_lazy (Fixture       *fixture,
                      gconstpointer  user_data)
{
  SmStore *store = SM_STORE (fixture->store);
  GtkWidget *view = sm_offer_view_new ();
  GtkWidget *window = gtk_window_new ();
  GListModel *model = sm_offer_view_get_model (SM_OFFER_VIEW (view));
  guint n_companies;

  fill_store (store);
  n_companies = count_items (store, SM_TYPE_COMPANY);

  g_object_ref_sink (view);
  sm_offer_view_set_store (SM_OFFER_VIEW (view), store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_companies);

  sm_offer_view_set_store (SM_OFFER_VIEW (view), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  sm_offer_view_set_store (SM_OFFER_VIEW (view), store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_companies);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (view);
}

/* The row widget of the column view that shows @name, or NULL. */
static GtkWidget *
find_row_widget (GtkWidget  *column_view,
                 const char *name)
{
  GtkWidget *widget = find_text (column_view, GTK_TYPE_COLUMN_VIEW, name, FALSE);

  while (widget != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)))
    widget = gtk_widget_get_parent (widget);

  return widget;
}

/* The text of the cell in column @column (0 is the name) of @row_widget,
 * or "" for a cell that shows nothing. */
static const char *
get_cell_text (GtkWidget *row_widget,
               guint      column)
{
  GtkWidget *cell = gtk_widget_get_first_child (row_widget);
  GtkWidget *inscription;

  for (guint i = 0; i < column && cell != NULL; i++)
    cell = gtk_widget_get_next_sibling (cell);
  g_assert_nonnull (cell);

  inscription = find_widget (cell, GTK_TYPE_INSCRIPTION);
  if (inscription == NULL || gtk_inscription_get_text (GTK_INSCRIPTION (inscription)) == NULL)
    return "";
  return gtk_inscription_get_text (GTK_INSCRIPTION (inscription));
}

/* Whether the expander of @row_widget shows the arrow that opens it. */
static gboolean
row_has_arrow (GtkWidget *row_widget)
{
  GtkWidget *expander = find_widget (row_widget, GTK_TYPE_TREE_EXPANDER);

  g_assert_nonnull (expander);
  for (GtkWidget *child = gtk_widget_get_first_child (expander);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_css_name (child), "expander"))
      return TRUE;

  return FALSE;
}

#define COLUMN_PLACES 4
#define COLUMN_OFFERS 7

typedef struct
{
  GtkWidget  *column_view;
  const char *name;
  const char *places;
  const char *offers;
  gboolean    arrow;
} RowFigures;

static gboolean
row_shows (gpointer data)
{
  RowFigures *figures = data;
  GtkWidget *row_widget = find_row_widget (figures->column_view, figures->name);

  return row_widget != NULL &&
         g_str_equal (get_cell_text (row_widget, COLUMN_PLACES), figures->places) &&
         g_str_equal (get_cell_text (row_widget, COLUMN_OFFERS), figures->offers) &&
         row_has_arrow (row_widget) == figures->arrow;
}

static void
assert_row_shows (GtkWidget  *column_view,
                  const char *name,
                  const char *places,
                  const char *offers,
                  gboolean    arrow)
{
  RowFigures figures = { column_view, name, places, offers, arrow };
  GtkWidget *row_widget;

  if (sm_ui_test_wait_until (row_shows, &figures))
    return;

  row_widget = find_row_widget (column_view, name);
  g_assert_nonnull (row_widget);
  g_assert_cmpstr (get_cell_text (row_widget, COLUMN_PLACES), ==, places);
  g_assert_cmpstr (get_cell_text (row_widget, COLUMN_OFFERS), ==, offers);
  g_assert_cmpint (row_has_arrow (row_widget), ==, arrow);
}

/* Always ready at a higher priority than the view's reading of the offers
 * after its first frame: while it runs, the offers are not read. */
static gboolean
hold_back_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* The first frame shows each company's offers and places as the store
 * counts them; the offers are read after it. The figures are right
 * before and after that, and follow new offers either way. */
static void
test_offer_view_counts (Fixture       *fixture,
                        gconstpointer  user_data)
{
  SmStore *store = SM_STORE (fixture->store);
  g_autoptr(SmRecord) bakery = add_company (store, "Bakkerij Zonneveld", "87654321", "Zwolle");
  g_autoptr(SmRecord) hotel = add_company (store, "Hotel De Gouden Leeuw", "11223344", "Deventer");
  g_autoptr(SmRecord) garage = add_company (store, "Garage Oosterhof", "22334455", "Kampen");
  g_autoptr(SmRecord) one_place = offer_new (hotel, "Receptionist");
  g_autoptr(GtkTreeListRow) row = NULL;
  GListModel *model;
  SmWindow *window;
  GtkWidget *view;
  GtkWidget *column_view;
  gboolean read = FALSE;
  guint hold_back;

  add_offer (store, bakery, "Broodbakker in opleiding");
  add_offer (store, bakery, "Banketbakker");
  set_text (one_place, "places", "1");
  save_record (store, one_place);

  /* Before the offers are read */
  hold_back = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, hold_back_cb, NULL, NULL);
  window = show_offers (store);
  view = find_widget (GTK_WIDGET (window), SM_TYPE_OFFER_VIEW);
  column_view = find_widget (view, GTK_TYPE_COLUMN_VIEW);
  model = sm_offer_view_get_model (SM_OFFER_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  assert_row_shows (column_view, "Bakkerij Zonneveld", "6", "2", TRUE);
  assert_row_shows (column_view, "Hotel De Gouden Leeuw", "1", "1", TRUE);
  assert_row_shows (column_view, "Garage Oosterhof", "", "0", FALSE);

  /* A new offer, and a company's first, before they are read */
  add_offer (store, hotel, "Kamermeisje");
  add_offer (store, garage, "Monteur");
  assert_row_shows (column_view, "Hotel De Gouden Leeuw", "4", "2", TRUE);
  assert_row_shows (column_view, "Garage Oosterhof", "3", "1", TRUE);
  assert_row_shows (column_view, "Bakkerij Zonneveld", "6", "2", TRUE);

  /* After they are read, the same figures */
  g_source_remove (hold_back);
  g_idle_add_full (G_PRIORITY_LOW, set_flag_cb, &read, NULL);
  g_assert_true (sm_ui_test_wait_until (flag_is_set, &read));
  assert_row_shows (column_view, "Bakkerij Zonneveld", "6", "2", TRUE);
  assert_row_shows (column_view, "Hotel De Gouden Leeuw", "4", "2", TRUE);
  assert_row_shows (column_view, "Garage Oosterhof", "3", "1", TRUE);

  /* A new offer after they are read, under its opened company */
  row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (model), find_row (model, "Garage Oosterhof"));
  gtk_tree_list_row_set_expanded (row, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  add_offer (store, garage, "Leerling autotechnicus");
  assert_row_shows (column_view, "Garage Oosterhof", "6", "2", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpuint (find_row (model, "Leerling autotechnicus"), !=, GTK_INVALID_LIST_POSITION);
  assert_offers_under_companies (model);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A company opened before the offers are read shows its offers at once. */
static void
test_offer_view_open_early (Fixture       *fixture,
                            gconstpointer  user_data)
{
  SmStore *store = SM_STORE (fixture->store);
  g_autoptr(SmRecord) bakery = add_company (store, "Bakkerij Zonneveld", "87654321", "Zwolle");
  g_autoptr(GtkTreeListRow) row = NULL;
  GListModel *model;
  SmWindow *window;
  GtkWidget *view;
  guint hold_back;

  add_offer (store, bakery, "Broodbakker in opleiding");
  add_offer (store, bakery, "Banketbakker");

  hold_back = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, hold_back_cb, NULL, NULL);
  window = show_offers (store);
  view = find_widget (GTK_WIDGET (window), SM_TYPE_OFFER_VIEW);
  model = sm_offer_view_get_model (SM_OFFER_VIEW (view));

  row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (model), 0);
  gtk_tree_list_row_set_expanded (row, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (find_row (model, "Banketbakker"), ==, 1);
  g_assert_cmpuint (find_row (model, "Broodbakker in opleiding"), ==, 2);
  assert_offers_under_companies (model);

  g_source_remove (hold_back);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_offer_view_empty (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(SmRecord) company = NULL;
  SmWindow *window;
  GtkWidget *view;
  Query query;

  window = show_offers (SM_STORE (fixture->store));

  query = (Query) { GTK_WIDGET (window), SM_TYPE_OFFER_VIEW, "No Companies Yet", NULL, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query.text = "stagematch-cli demo";
  query.partial = TRUE;
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  view = find_widget (GTK_WIDGET (window), SM_TYPE_OFFER_VIEW);
  g_assert_cmpuint (g_list_model_get_n_items (sm_offer_view_get_model (SM_OFFER_VIEW (view))), ==, 0);
  g_assert_false (gtk_widget_get_mapped (find_widget (view, GTK_TYPE_COLUMN_VIEW)));

  /* A company that arrives later replaces the message by the list. */
  company = add_company (SM_STORE (fixture->store), "Bakkerij Zonneveld", "87654321", "Zwolle");
  query = (Query) { GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, "Bakkerij Zonneveld", NULL, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));
  query = (Query) { view, G_TYPE_INVALID, "1 company", NULL, 0, FALSE };
  g_assert_true (sm_ui_test_wait_until (text_is_shown, &query));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!sm_ui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/offer-view/template", test_offer_view_template);
  g_test_add ("/offer-view/tree", Fixture, NULL,
              fixture_set_up, test_offer_view_tree, fixture_tear_down);
  g_test_add ("/offer-view/filters", Fixture, NULL,
              fixture_set_up, test_offer_view_filters, fixture_tear_down);
  g_test_add ("/offer-view/detail", Fixture, NULL,
              fixture_set_up, test_offer_view_detail, fixture_tear_down);
  g_test_add ("/offer-view/proxy-warning", Fixture, NULL,
              fixture_set_up, test_offer_detail_proxy_warning, fixture_tear_down);
  g_test_add ("/offer-view/lazy", Fixture, NULL,
              fixture_set_up, test_offer_view_lazy, fixture_tear_down);
  g_test_add ("/offer-view/empty", Fixture, NULL,
              fixture_set_up, test_offer_view_empty, fixture_tear_down);
  g_test_add ("/offer-view/counts", Fixture, NULL,
              fixture_set_up, test_offer_view_counts, fixture_tear_down);
  g_test_add ("/offer-view/open-early", Fixture, NULL,
              fixture_set_up, test_offer_view_open_early, fixture_tear_down);

  return g_test_run ();
}
