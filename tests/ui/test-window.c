/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "sm-company.h"
#include "sm-application.h"
#include "sm-demo.h"
#include "sm-offer.h"
#include "sm-offer-view.h"
#include "sm-placement.h"
#include "sm-sqlite-store.h"
#include "sm-status-page.h"
#include "sm-student.h"
#include "sm-student-view.h"
#include "sm-ui-test-util.h"
#include "sm-window.h"

/* The sidebar as a coordinator reads it, in order, with the view each
 * entry shows and, where it is not the entry's title, the title of that
 * view in an empty database. */
static const struct {
  const char *title;
  const char *view;
  const char *page;
} sidebar_entries[] = {
  { "Students", "students" },
  { "Companies & offers", "offers", "No Companies Yet" },
  { "Matching", "matching" },
  { "Selection", "selection" },
  { "Placements", "placements" },
  { "Reports", "reports" },
};

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

  fixture->dir = g_dir_make_tmp ("stagematch-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = sm_sqlite_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
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

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Every label under @widget, depth first, in the order they are shown. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GPtrArray *
dup_labels_in (GtkWidget *root,
               GType      ancestor_type)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect_labels (root, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_ancestor (all->pdata[i], ancestor_type) != NULL)
      g_ptr_array_add (found, all->pdata[i]);

  return found;
}

/* The label with @text inside the visible page, if it is shown. */
typedef struct
{
  GtkWidget  *window;
  const char *text;
} LabelQuery;

static gboolean
page_label_is_mapped (gpointer data)
{
  LabelQuery *query = data;
  g_autoptr(GPtrArray) labels = dup_labels_in (query->window, SM_TYPE_STATUS_PAGE);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        strstr (gtk_label_get_text (labels->pdata[i]), query->text) != NULL)
      return TRUE;

  return FALSE;
}

/* The same, inside the students view. */
static gboolean
view_label_is_mapped (gpointer data)
{
  LabelQuery *query = data;
  g_autoptr(GPtrArray) labels = dup_labels_in (query->window, SM_TYPE_STUDENT_VIEW);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_str_equal (gtk_label_get_text (labels->pdata[i]), query->text))
      return TRUE;

  return FALSE;
}

/* The same, inside the companies and offers view. */
static gboolean
offer_view_label_is_mapped (gpointer data)
{
  LabelQuery *query = data;
  g_autoptr(GPtrArray) labels = dup_labels_in (query->window, SM_TYPE_OFFER_VIEW);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_str_equal (gtk_label_get_text (labels->pdata[i]), query->text))
      return TRUE;

  return FALSE;
}

static SmWindow *
show_window (SmStore *store)
{
  SmWindow *window = sm_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (is_mapped, window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));

  return window;
}

static void
test_window_sidebar (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SmWindow *window;

  window = show_window (SM_STORE (fixture->store));
  g_assert_true (sm_window_get_store (window) == SM_STORE (fixture->store));

  /* Each entry of the sidebar, by the text a person sees. */
  labels = dup_labels_in (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW);
  g_assert_cmpuint (labels->len, ==, G_N_ELEMENTS (sidebar_entries));
  rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (sidebar_entries); i++)
    {
      GtkWidget *label = labels->pdata[i];

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, sidebar_entries[i].title);
      g_assert_true (gtk_widget_get_mapped (label));
      g_ptr_array_add (rows, gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW));
    }

  /* Choosing an entry shows its page, with its own title. */
  for (guint i = G_N_ELEMENTS (sidebar_entries); i > 0; i--)
    {
      GtkListBoxRow *row = rows->pdata[i - 1];
      GtkWidget *list_box = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_LIST_BOX);
      LabelQuery query = { GTK_WIDGET (window), sidebar_entries[i - 1].page != NULL
                           ? sidebar_entries[i - 1].page : sidebar_entries[i - 1].title };

      gtk_list_box_select_row (GTK_LIST_BOX (list_box), row);
      g_assert_cmpstr (sm_window_get_view (window), ==, sidebar_entries[i - 1].view);
      g_assert_true (sm_ui_test_wait_until (page_label_is_mapped, &query));
    }

  /* The view action, which the keyboard shortcuts use, moves the
   * sidebar's selection along. */
  for (guint i = 0; i < G_N_ELEMENTS (sidebar_entries); i++)
    {
      GtkListBoxRow *row = rows->pdata[i];
      GtkWidget *list_box = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_LIST_BOX);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view",
                                                 "s", sidebar_entries[i].view));
      g_assert_cmpstr (sm_window_get_view (window), ==, sidebar_entries[i].view);
      g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list_box)) == row);
    }

  sm_window_set_view (window, "placements");
  g_assert_cmpstr (sm_window_get_view (window), ==, "placements");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_empty_database (Fixture       *fixture,
                            gconstpointer  user_data)
{
  LabelQuery query;
  SmWindow *window;

  window = show_window (SM_STORE (fixture->store));

  query = (LabelQuery) { GTK_WIDGET (window), "This database holds no students yet." };
  g_assert_true (sm_ui_test_wait_until (page_label_is_mapped, &query));

  sm_window_set_view (window, "offers");
  query = (LabelQuery) { GTK_WIDGET (window), "holds no companies or internship offers yet." };
  g_assert_true (sm_ui_test_wait_until (page_label_is_mapped, &query));

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
dup_placements_text (guint n)
{
  if (n == 1)
    return g_strdup ("This database holds 1 placement.");
  return g_strdup_printf ("This database holds %u placements.", n);
}

static void
test_window_counts (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *students = NULL;
  g_autofree char *companies = NULL;
  g_autofree char *placements = NULL;
  g_autofree char *fewer_placements = NULL;
  g_autoptr(SmRecord) placement = NULL;
  const SmDemoOptions options = { .n_students = 12, .n_offers = 5, .seed = 1 };
  SmStore *store = SM_STORE (fixture->store);
  LabelQuery query;
  SmWindow *window;
  GtkWidget *student_view;
  GListModel *list;
  guint n_placements;

  sm_demo_generate (store, &options, &error);
  g_assert_no_error (error);

  /* The pages tell the numbers in the store, not made-up ones. */
  list = sm_store_list (store, SM_TYPE_STUDENT, &error);
  g_assert_no_error (error);
  students = g_strdup_printf ("%u students", g_list_model_get_n_items (list));
  list = sm_store_list (store, SM_TYPE_COMPANY, &error);
  g_assert_no_error (error);
  companies = g_strdup_printf ("%u companies", g_list_model_get_n_items (list));

  /* A small demo has no placements yet: two of its own. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SmRecord) student = g_list_model_get_item (sm_store_list (store, SM_TYPE_STUDENT, NULL), i);
      g_autoptr(SmRecord) offer = g_list_model_get_item (sm_store_list (store, SM_TYPE_OFFER, NULL), 0);

      g_clear_object (&placement);
      placement = SM_RECORD (sm_placement_new ());
      sm_record_set_int (placement, SM_PLACEMENT_FIELD_STUDENT_ID, sm_record_get_id (student));
      sm_record_set_int (placement, SM_PLACEMENT_FIELD_OFFER_ID, sm_record_get_id (offer));
      if (!sm_store_save (store, placement, &error))
        g_error ("Saving a placement failed: %s", error->message);
    }

  /* Opened on another view, the window does not wait for the students:
   * their view reads them when it is first shown. */
  window = sm_window_new (NULL, store);
  sm_window_set_view (window, "placements");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));
  student_view = sm_ui_test_find_type (GTK_WIDGET (window), SM_TYPE_STUDENT_VIEW);
  g_assert_cmpuint (g_list_model_get_n_items (sm_student_view_get_model (SM_STUDENT_VIEW (student_view))), ==, 0);

  /* The page counted them before anything read the placements. */
  list = sm_store_list (store, SM_TYPE_PLACEMENT, &error);
  g_assert_no_error (error);
  n_placements = g_list_model_get_n_items (list);
  g_assert_cmpuint (n_placements, >=, 2);
  placements = dup_placements_text (n_placements);
  fewer_placements = dup_placements_text (n_placements - 1);

  query = (LabelQuery) { GTK_WIDGET (window), placements };
  g_assert_true (sm_ui_test_wait_until (page_label_is_mapped, &query));

  /* The count follows a change in the store. */
  if (!sm_store_delete (store, placement, &error))
    g_error ("Deleting a placement failed: %s", error->message);
  query = (LabelQuery) { GTK_WIDGET (window), fewer_placements };
  g_assert_true (sm_ui_test_wait_until (page_label_is_mapped, &query));

  sm_window_set_view (window, "students");
  query = (LabelQuery) { GTK_WIDGET (window), students };
  g_assert_true (sm_ui_test_wait_until (view_label_is_mapped, &query));

  sm_window_set_view (window, "offers");
  query = (LabelQuery) { GTK_WIDGET (window), companies };
  g_assert_true (sm_ui_test_wait_until (offer_view_label_is_mapped, &query));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs the built program; its path comes from meson, in the environment. */
static GSubprocess *
run_program (const char * const  *args,
             char               **out,
             char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("STAGEMATCH_BINARY");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  subprocess = g_subprocess_newv ((const char * const *) argv->pdata,
                                  G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                  &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (subprocess, NULL, NULL, out, err, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&subprocess);
}

static gboolean
have_program (void)
{
  if (g_getenv ("STAGEMATCH_BINARY") == NULL)
    {
      g_test_skip ("STAGEMATCH_BINARY is not set; run this test with meson test");
      return FALSE;
    }
  return TRUE;
}

static void
test_program_screenshot (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize length = 0;

  if (!have_program ())
    return;

  /* The program must open the database itself. */
  g_clear_object (&fixture->store);
  shot = g_build_filename (fixture->dir, "shot.png", NULL);

  subprocess = run_program ((const char * const []) {
                              "--database", fixture->path,
                              "--screenshot", shot,
                              "--view", "students",
                              NULL
                            }, &out, &err);
  if (!g_subprocess_get_if_exited (subprocess) || g_subprocess_get_exit_status (subprocess) != 0)
    g_test_message ("stderr: %s", err);
  g_assert_true (g_subprocess_get_if_exited (subprocess));
  g_assert_cmpint (g_subprocess_get_exit_status (subprocess), ==, 0);

  g_file_get_contents (shot, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, sizeof png_signature);
  g_assert_cmpmem (contents, sizeof png_signature, png_signature, sizeof png_signature);

  /* A whole window, not a sliver. */
  texture = gdk_texture_new_from_filename (shot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 640);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 480);
}

static void
test_program_not_stagematch (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hello = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_program ())
    return;

  hello = g_build_filename (fixture->dir, "hello.txt", NULL);
  g_file_set_contents (hello, "hello", -1, &error);
  g_assert_no_error (error);
  shot = g_build_filename (fixture->dir, "shot.png", NULL);

  subprocess = run_program ((const char * const []) {
                              "--database", hello,
                              "--screenshot", shot,
                              NULL
                            }, &out, &err);

  /* No picture, a message that names the file, and status 3. */
  g_assert_true (g_subprocess_get_if_exited (subprocess));
  g_assert_cmpint (g_subprocess_get_exit_status (subprocess), ==, 3);
  g_assert_nonnull (err);
  g_assert_nonnull (strstr (err, "hello.txt"));
  g_assert_false (g_file_test (shot, G_FILE_TEST_EXISTS));
}

static void
test_program_unknown_view (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_program ())
    return;

  g_clear_object (&fixture->store);
  shot = g_build_filename (fixture->dir, "shot.png", NULL);

  subprocess = run_program ((const char * const []) {
                              "--database", fixture->path,
                              "--screenshot", shot,
                              "--view", "nonsense",
                              NULL
                            }, &out, &err);

  g_assert_true (g_subprocess_get_if_exited (subprocess));
  g_assert_cmpint (g_subprocess_get_exit_status (subprocess), ==, 2);
  g_assert_nonnull (strstr (err, "nonsense"));
  g_assert_false (g_file_test (shot, G_FILE_TEST_EXISTS));
}

static void
test_program_version (void)
{
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_program ())
    return;

  subprocess = run_program ((const char * const []) { "--version", NULL }, &out, &err);
  g_assert_true (g_subprocess_get_if_exited (subprocess));
  g_assert_cmpint (g_subprocess_get_exit_status (subprocess), ==, 0);
  g_assert_cmpstr (out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

/* Without a session bus, as on a test machine, the application says so
 * and runs on: that warning is expected, any other is not. */
static gboolean
allow_no_session_bus (const char     *log_domain,
                      GLogLevelFlags  log_level,
                      const char     *message,
                      gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0 && strstr (message, "session bus") != NULL);
}

static gboolean
has_demo_window (gpointer data)
{
  return gtk_application_get_windows (data) != NULL;
}

/* The empty state's and the menu's “open the demo” opens a new window on
 * made-up students and offers. */
static void
test_window_open_demo (void)
{
  g_autoptr(SmApplication) application = sm_application_new ();
  g_autoptr(GError) error = NULL;
  GListModel *students;
  SmWindow *window;

  g_test_log_set_fatal_handler (allow_no_session_bus, NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "open-demo"));

  g_action_group_activate_action (G_ACTION_GROUP (application), "open-demo", NULL);
  g_assert_true (sm_ui_test_wait_until (has_demo_window, application));
  window = SM_WINDOW (gtk_application_get_windows (GTK_APPLICATION (application))->data);
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));

  students = sm_store_list (sm_window_get_store (window), SM_TYPE_STUDENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (students), >, 0);
  g_assert_cmpstr (sm_window_get_subtitle (window), ==, "Demo data, deleted when Stagematch quits");
  g_assert_cmpstr (sm_window_get_view (window), ==, "students");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!sm_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/window/sidebar", Fixture, NULL,
              fixture_set_up, test_window_sidebar, fixture_tear_down);
  g_test_add ("/window/empty-database", Fixture, NULL,
              fixture_set_up, test_window_empty_database, fixture_tear_down);
  g_test_add ("/window/counts", Fixture, NULL,
              fixture_set_up, test_window_counts, fixture_tear_down);
  g_test_add ("/program/screenshot", Fixture, NULL,
              fixture_set_up, test_program_screenshot, fixture_tear_down);
  g_test_add ("/program/not-stagematch", Fixture, NULL,
              fixture_set_up, test_program_not_stagematch, fixture_tear_down);
  g_test_add ("/program/unknown-view", Fixture, NULL,
              fixture_set_up, test_program_unknown_view, fixture_tear_down);
  g_test_add_func ("/program/version", test_program_version);
  g_test_add_func ("/window/open-demo", test_window_open_demo);

  return g_test_run ();
}
