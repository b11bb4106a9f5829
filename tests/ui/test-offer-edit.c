/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-offer-edit"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "sm-company.h"
#include "sm-demo.h"
#include "sm-offer-view.h"
#include "sm-offer.h"
#include "sm-record-editor.h"
#include "sm-sqlite-store.h"
#include "sm-toast.h"
#include "sm-ui-test-util.h"
#include "sm-window.h"

/* Adding, editing and deleting companies and offers through the real
 * window, its editor, its dialogs and its toast, checked against the
 * store. */

typedef struct
{
  char               *dir;
  SmSqliteStore      *store;
  SmWindow           *window;
  GtkWidget          *view;
  GListModel         *model;
  GtkSingleSelection *selection;
  guint               hold_back;
} Fixture;

/* Always ready at a higher priority than the view's reading of the offers
 * after its first frame: while it runs, the offers are not read. */
static gboolean
hold_back_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = sm_ui_test_open_demo ("offer-edit", 20, 20, 7, &fixture->dir);

  /* "unread": the view has not read the offers yet when the test starts. */
  if (g_strcmp0 (user_data, "unread") == 0)
    fixture->hold_back = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, hold_back_cb, NULL, NULL);

  fixture->window = sm_window_new (NULL, SM_STORE (fixture->store));
  sm_window_set_view (fixture->window, "offers");
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, fixture->window));

  fixture->view = sm_ui_test_find_type (GTK_WIDGET (fixture->window), SM_TYPE_OFFER_VIEW);
  g_assert_nonnull (fixture->view);
  fixture->model = sm_offer_view_get_model (SM_OFFER_VIEW (fixture->view));
  fixture->selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (sm_ui_test_find_type (fixture->view, GTK_TYPE_COLUMN_VIEW))));
}

static gboolean
no_dialogs (gpointer data)
{
  return sm_ui_test_find_window (SM_TYPE_RECORD_EDITOR) == NULL &&
         sm_ui_test_find_window (GTK_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_handle_id (&fixture->hold_back, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (sm_ui_test_wait_until (no_dialogs, NULL));
  g_clear_object (&fixture->store);
  sm_ui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
save (GtkWidget *editor)
{
  GtkWidget *button = sm_ui_test_get_named (editor, "save-button");

  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
  sm_ui_test_wait_for_no_window (SM_TYPE_RECORD_EDITOR);
}

/* The first @n check buttons of a flags field, ticked. */
static void
tick_flags (GtkWidget  *editor,
            const char *name,
            guint       n)
{
  GtkWidget *grid = sm_ui_test_get_named (editor, name);
  guint ticked = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (grid);
       child != NULL && ticked < n;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child))
      {
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child), TRUE);
        ticked++;
      }

  g_assert_cmpuint (ticked, ==, n);
}

/* The row of the tree whose company or offer is called @name. */
static guint
find_row (GListModel *model,
          const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRecord) record = g_list_model_get_item (model, i);
      g_autofree char *title = sm_record_dup_title (record);

      if (g_strcmp0 (title, name) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static SmRecord *
add_company (Fixture    *fixture,
             const char *name,
             const char *kvk_number)
{
  g_autoptr(SmRecord) company = SM_RECORD (sm_company_new ());
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_record_set_from_text (company, "name", name, &error));
  g_assert_true (sm_record_set_from_text (company, "kvk_number", kvk_number, &error));
  g_assert_true (sm_store_save (SM_STORE (fixture->store), company, &error));
  g_assert_no_error (error);

  return sm_store_lookup_key (SM_STORE (fixture->store), SM_TYPE_COMPANY, kvk_number);
}

static SmRecord *
add_offer (Fixture    *fixture,
           SmRecord   *company,
           const char *title)
{
  g_autoptr(SmRecord) offer = SM_RECORD (sm_offer_new ());
  g_autoptr(GError) error = NULL;

  sm_record_set_int (offer, SM_OFFER_FIELD_COMPANY_ID, sm_record_get_id (company));
  g_assert_true (sm_record_set_from_text (offer, "title", title, &error));
  g_assert_true (sm_record_set_from_text (offer, "levels", "mbo-2", &error));
  g_assert_true (sm_record_set_from_text (offer, "start_date", "2026-09-01", &error));
  g_assert_true (sm_record_set_from_text (offer, "end_date", "2027-01-29", &error));
  g_assert_true (sm_store_save (SM_STORE (fixture->store), offer, &error));
  g_assert_no_error (error);

  return sm_store_lookup (SM_STORE (fixture->store), SM_TYPE_OFFER, sm_record_get_id (offer));
}

static void
select_name (Fixture    *fixture,
             const char *name)
{
  guint position = find_row (fixture->model, name);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (fixture->selection, position);
}

static guint
count_offers (Fixture *fixture)
{
  return g_list_model_get_n_items (sm_store_list (SM_STORE (fixture->store), SM_TYPE_OFFER, NULL));
}

/* A company through the editor, then an offer for it, which shows
 * beneath it, selected. */
static void
test_offer_edit_add (Fixture       *fixture,
                     gconstpointer  user_data)
{
  SmOfferView *view = SM_OFFER_VIEW (fixture->view);
  GtkWidget *editor;
  GtkWidget *kvk;
  GtkWidget *end;
  SmRecord *company;
  SmRecord *offer;
  guint position;

  /* Nothing selected: a company, with an invalid KvK number first. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "offers.new-company", NULL));
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  g_assert_false (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));
  sm_ui_test_set_text (editor, "name", "Timmerbedrijf De Zaagbok");
  sm_ui_test_set_text (editor, "kvk_number", "1234");
  kvk = sm_ui_test_get_named (editor, "kvk_number");
  g_assert_true (gtk_widget_has_css_class (kvk, "error"));
  g_assert_nonnull (sm_ui_test_find_text (editor, G_TYPE_INVALID,
                                          "“1234” is not a KvK number; it has exactly 8 digits"));
  g_assert_false (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));
  g_assert_false (sm_record_editor_save (SM_RECORD_EDITOR (editor)));

  sm_ui_test_set_text (editor, "kvk_number", "24681357");
  g_assert_false (gtk_widget_has_css_class (kvk, "error"));
  save (editor);

  company = sm_store_lookup_key (SM_STORE (fixture->store), SM_TYPE_COMPANY, "24681357");
  g_assert_nonnull (company);
  g_assert_cmpstr (sm_company_get_name (SM_COMPANY (company)), ==, "Timmerbedrijf De Zaagbok");
  g_assert_true (sm_offer_view_get_selected_record (view) == company);

  /* An offer for the selected company; an end before the start is
   * refused under the end date. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "offers.new-offer", NULL));
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  sm_ui_test_set_text (editor, "title", "Leerling timmerman");
  tick_flags (editor, "levels", 2);
  sm_ui_test_set_text (editor, "start_date", "2026-09-01");
  sm_ui_test_set_text (editor, "end_date", "2026-08-01");
  end = sm_ui_test_get_named (editor, "end_date");
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_nonnull (sm_ui_test_find_text (editor, G_TYPE_INVALID,
                                          "2026-08-01 is before the start date, 2026-09-01"));
  g_assert_false (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));

  sm_ui_test_set_text (editor, "end_date", "2027-01-29");
  g_assert_false (gtk_widget_has_css_class (end, "error"));
  save (editor);

  offer = sm_offer_view_get_selected_record (view);
  g_assert_true (SM_IS_OFFER (offer));
  g_assert_cmpstr (sm_offer_get_title (SM_OFFER (offer)), ==, "Leerling timmerman");
  g_assert_cmpint (sm_offer_get_company_id (SM_OFFER (offer)), ==, sm_record_get_id (company));
  g_assert_cmpuint (sm_offer_get_levels (SM_OFFER (offer)), !=, 0);
  g_assert_cmpstr (sm_record_get_string (offer, SM_OFFER_FIELD_START_DATE), ==, "2026-09-01");

  /* Beneath its company, which now opens. */
  position = find_row (fixture->model, "Timmerbedrijf De Zaagbok");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_row (fixture->model, "Leerling timmerman"), ==, position + 1);
  {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (fixture->model), position);

    g_assert_true (gtk_tree_list_row_is_expandable (row));
    g_assert_true (gtk_tree_list_row_get_expanded (row));
  }
}

static gboolean
proxy_warning_is_shown (gpointer data)
{
  GtkWidget *label = sm_ui_test_find_named (data, "proxy-label");
  GtkWidget *revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);

  return gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) &&
         strstr (gtk_label_get_text (GTK_LABEL (label)), "native speaker") != NULL;
}

/* A requirement that stands in for origin holds Save back until the
 * coordinator confirms it; changing the requirements asks again. */
static void
test_offer_edit_proxy (Fixture       *fixture,
                       gconstpointer  user_data)
{
  SmRecord *offer;
  GtkWidget *editor;
  GtkWidget *check;

  add_company (fixture, "Callcenter Noord", "55667788");
  select_name (fixture, "Callcenter Noord");

  /* With a company selected: an offer for it. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "offers.new-offer", NULL));
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  sm_ui_test_set_text (editor, "title", "Klantenservice");
  tick_flags (editor, "levels", 1);
  sm_ui_test_set_text (editor, "start_date", "2026-09-01");
  sm_ui_test_set_text (editor, "end_date", "2027-01-29");
  g_assert_true (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));

  sm_ui_test_set_text (editor, "requirements", "native speaker");
  g_assert_true (sm_ui_test_wait_until (proxy_warning_is_shown, editor));
  g_assert_false (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));

  check = sm_ui_test_get_named (editor, "proxy-check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));

  /* Changed requirements are not what was checked. */
  sm_ui_test_set_text (editor, "requirements", "native speaker, rijbewijs B");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (sm_record_editor_get_can_save (SM_RECORD_EDITOR (editor)));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  save (editor);

  offer = sm_offer_view_get_selected_record (SM_OFFER_VIEW (fixture->view));
  g_assert_true (SM_IS_OFFER (offer));
  g_assert_cmpstr (sm_offer_get_title (SM_OFFER (offer)), ==, "Klantenservice");
  g_assert_true (sm_record_get_int (offer, SM_OFFER_FIELD_PROXY_CONFIRMED));
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

/* Delete asks first; Undo brings the offer back beneath its company. */
static void
test_offer_edit_delete_undo (Fixture       *fixture,
                             gconstpointer  user_data)
{
  SmToast *toast = sm_window_get_toast (fixture->window);
  SmRecord *company = add_company (fixture, "Bakkerij Zonneveld", "87654321");
  SmRecord *selected;
  GtkWidget *dialog;
  GtkWidget *undo;
  guint before;

  add_offer (fixture, company, "Banketbakker");
  before = count_offers (fixture);

  /* The offer, selected through its opened company. */
  {
    g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (fixture->model),
                                                                 find_row (fixture->model, "Bakkerij Zonneveld"));

    gtk_tree_list_row_set_expanded (row, TRUE);
  }
  select_name (fixture, "Banketbakker");

  /* Cancelled, nothing happens. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "offers.delete", NULL));
  dialog = sm_ui_test_wait_for_window (GTK_TYPE_MESSAGE_DIALOG);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  sm_ui_test_wait_for_no_window (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (count_offers (fixture), ==, before);

  g_assert_true (gtk_widget_activate_action (fixture->view, "offers.delete", NULL));
  dialog = sm_ui_test_wait_for_window (GTK_TYPE_MESSAGE_DIALOG);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_cmpuint (count_offers (fixture), ==, before - 1);
  g_assert_cmpuint (find_row (fixture->model, "Banketbakker"), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (sm_ui_test_wait_until (toast_is_shown, toast));
  g_assert_cmpstr (sm_toast_get_title (toast), ==, "“Banketbakker” was deleted");

  /* A button clicks a moment after it is activated, once it is on
   * screen. */
  undo = sm_ui_test_get_named (GTK_WIDGET (fixture->window), "toast-undo");
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, undo));
  g_assert_true (gtk_widget_activate (undo));
  g_assert_true (sm_ui_test_wait_until (toast_is_hidden, toast));
  g_assert_cmpuint (count_offers (fixture), ==, before);

  selected = sm_offer_view_get_selected_record (SM_OFFER_VIEW (fixture->view));
  g_assert_true (SM_IS_OFFER (selected));
  g_assert_cmpstr (sm_offer_get_title (SM_OFFER (selected)), ==, "Banketbakker");
  g_assert_cmpint (sm_offer_get_company_id (SM_OFFER (selected)), ==, sm_record_get_id (company));
  g_assert_cmpuint (find_row (fixture->model, "Banketbakker"), ==,
                    find_row (fixture->model, "Bakkerij Zonneveld") + 1);
}

/* A company with offers stays, and the message says what to do. */
static void
test_offer_edit_delete_refused (Fixture       *fixture,
                                gconstpointer  user_data)
{
  SmRecord *company = add_company (fixture, "Bakkerij Zonneveld", "87654321");
  GtkWidget *dialog;
  GtkWidget *error;

  add_offer (fixture, company, "Banketbakker");
  select_name (fixture, "Bakkerij Zonneveld");

  g_assert_true (gtk_widget_activate_action (fixture->view, "offers.delete", NULL));
  dialog = sm_ui_test_wait_for_window (GTK_TYPE_MESSAGE_DIALOG);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  error = sm_ui_test_wait_for_window (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (sm_ui_test_find_text (error, G_TYPE_INVALID, "The Company Was Not Deleted"));
  {
    g_autofree char *secondary = NULL;

    g_object_get (error, "secondary-text", &secondary, NULL);
    g_assert_nonnull (strstr (secondary, "cannot be deleted"));
    g_assert_nonnull (strstr (secondary, "Delete the company’s offers first"));
  }
  gtk_dialog_response (GTK_DIALOG (error), GTK_RESPONSE_CLOSE);
  sm_ui_test_wait_for_no_window (GTK_TYPE_MESSAGE_DIALOG);

  g_assert_true (sm_store_lookup_key (SM_STORE (fixture->store), SM_TYPE_COMPANY, "87654321") == company);
  g_assert_cmpuint (find_row (fixture->model, "Bakkerij Zonneveld"), !=, GTK_INVALID_LIST_POSITION);
}

/* A company that gets its first offer while a search shows it can be
 * opened at once. */
static void
test_offer_edit_first_offer_searched (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  GtkWidget *entry = sm_ui_test_find_type (fixture->view, GTK_TYPE_SEARCH_ENTRY);
  SmRecord *company = add_company (fixture, "Garage Zonnestraal", "13572468");
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  gtk_editable_set_text (GTK_EDITABLE (entry), "zonnestraal");
  g_signal_emit_by_name (entry, "search-changed");
  position = find_row (fixture->model, "Garage Zonnestraal");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (fixture->model), position);
  g_assert_false (gtk_tree_list_row_is_expandable (row));

  add_offer (fixture, company, "Monteur");
  g_clear_object (&row);
  position = find_row (fixture->model, "Garage Zonnestraal");
  row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (fixture->model), position);
  g_assert_true (gtk_tree_list_row_is_expandable (row));
}

int
main (int   argc,
      char *argv[])
{
  if (!sm_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/offer-edit/add", Fixture, NULL,
              fixture_set_up, test_offer_edit_add, fixture_tear_down);
  g_test_add ("/offer-edit/add-unread", Fixture, "unread",
              fixture_set_up, test_offer_edit_add, fixture_tear_down);
  g_test_add ("/offer-edit/proxy", Fixture, NULL,
              fixture_set_up, test_offer_edit_proxy, fixture_tear_down);
  g_test_add ("/offer-edit/delete-undo", Fixture, NULL,
              fixture_set_up, test_offer_edit_delete_undo, fixture_tear_down);
  g_test_add ("/offer-edit/delete-refused", Fixture, NULL,
              fixture_set_up, test_offer_edit_delete_refused, fixture_tear_down);
  g_test_add ("/offer-edit/first-offer-searched", Fixture, NULL,
              fixture_set_up, test_offer_edit_first_offer_searched, fixture_tear_down);

  return g_test_run ();
}
