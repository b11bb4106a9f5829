/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include <gtk/gtk.h>

#include "sm-demo.h"
#include "sm-record-editor.h"
#include "sm-screenshot.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-student-view.h"
#include "sm-ui-test-util.h"
#include "sm-window.h"

/* The window for people who work with the keyboard, a screen reader, the
 * dark style or large text: every icon-only button says what it does,
 * Tab follows the order on screen, and every view draws in the dark style
 * at twice the text size without a warning. Set SM_TEST_SCREENSHOTS to a
 * folder to keep a picture of each view for a person to look at. */

typedef struct
{
  char          *dir;
  SmSqliteStore *store;
  SmWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = sm_ui_test_open_demo ("accessibility", 60, 30, 3, &fixture->dir);

  fixture->window = sm_window_new (NULL, SM_STORE (fixture->store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  sm_ui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
is_icon_only (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL;
  if (GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
           gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL;
  return FALSE;
}

/* Collects the icon-only buttons under @widget that have no tooltip. */
static void
find_unexplained (GtkWidget *widget,
                  GString   *found)
{
  /* The title bar and spin buttons bring GTK's own names; what is hidden
   * is not there for anyone. */
  if (GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SPIN_BUTTON (widget) || !gtk_widget_get_visible (widget))
    return;

  if (is_icon_only (widget) && gtk_widget_get_tooltip_text (widget) == NULL)
    g_string_append_printf (found, "%s%s in %s", found->len > 0 ? ", " : "",
                            GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL ?
                            gtk_button_get_icon_name (GTK_BUTTON (widget)) : G_OBJECT_TYPE_NAME (widget),
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_unexplained (child, found);
}

static void
assert_buttons_explained (GtkWidget *root)
{
  g_autoptr(GString) found = g_string_new (NULL);

  find_unexplained (root, found);
  if (found->len > 0)
    g_error ("Icon-only buttons without a tooltip: %s", found->str);
}

/* Every view of the window, and the editor, explain their icon-only
 * buttons. */
static void
test_accessibility_tooltips (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char * const *views = sm_window_get_view_names ();
  GtkWidget *view;
  GtkWidget *editor;

  for (guint i = 0; views[i] != NULL; i++)
    {
      sm_window_set_view (fixture->window, views[i]);
      g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, fixture->window));
      assert_buttons_explained (GTK_WIDGET (fixture->window));
    }

  sm_window_set_view (fixture->window, "students");
  view = sm_ui_test_find_type (GTK_WIDGET (fixture->window), SM_TYPE_STUDENT_VIEW);
  gtk_widget_activate_action (view, "students.new", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, editor));
  assert_buttons_explained (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Tab goes from the search to the buttons beside it, then the filters
 * below them, then the list, as they are on screen. */
static void
test_accessibility_tab_order (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *view;
  GtkWidget *search;
  GtkWidget *dropdown;
  GtkWidget *column_view;
  int search_at = -1, add_at = -1, filter_at = -1, list_at = -1;

  sm_window_set_view (fixture->window, "students");
  view = sm_ui_test_find_type (GTK_WIDGET (fixture->window), SM_TYPE_STUDENT_VIEW);
  search = sm_ui_test_find_type (view, GTK_TYPE_SEARCH_ENTRY);
  dropdown = sm_ui_test_find_type (view, GTK_TYPE_DROP_DOWN);
  column_view = sm_ui_test_find_type (view, GTK_TYPE_COLUMN_VIEW);
  sm_student_view_focus_search (SM_STUDENT_VIEW (view));

  for (int step = 0; step < 40 && list_at < 0; step++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

      if (focus != NULL && gtk_widget_is_ancestor (focus, search) && search_at < 0)
        search_at = step;
      else if (focus != NULL && GTK_IS_BUTTON (focus) &&
               g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "students.new") == 0)
        add_at = step;
      else if (focus != NULL && (focus == dropdown || gtk_widget_is_ancestor (focus, dropdown)) && filter_at < 0)
        filter_at = step;
      else if (focus != NULL && gtk_widget_is_ancestor (focus, column_view))
        list_at = step;

      gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
    }

  g_assert_cmpint (search_at, ==, 0);
  g_assert_cmpint (add_at, >, search_at);
  g_assert_cmpint (filter_at, >, add_at);
  g_assert_cmpint (list_at, >, filter_at);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  sm_screenshot_save_finish (GTK_WIDGET (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A picture for a person to look at, when asked for. */
static void
maybe_save_picture (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("SM_TEST_SCREENSHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  gboolean done = FALSE;

  if (dir == NULL)
    return;

  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  sm_screenshot_save_async (widget, path, NULL, on_saved_cb, &done);
  g_assert_true (sm_ui_test_wait_until (is_true, &done));
}

/* Every view, and the editor, in the dark style with text twice as
 * large: drawn without a warning (warnings are fatal here). */
static void
test_accessibility_dark_large_text (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  const char * const *views = sm_window_get_view_names ();
  int dpi = 0;
  GtkWidget *view;
  GtkWidget *editor;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings,
                "gtk-application-prefer-dark-theme", TRUE,
                "gtk-xft-dpi", 2 * 96 * 1024,
                NULL);

  for (guint i = 0; views[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("dark-large-%s", views[i]);

      sm_window_set_view (fixture->window, views[i]);
      g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, fixture->window));
      maybe_save_picture (GTK_WIDGET (fixture->window), name);
    }

  sm_window_set_view (fixture->window, "students");
  view = sm_ui_test_find_type (GTK_WIDGET (fixture->window), SM_TYPE_STUDENT_VIEW);
  gtk_widget_activate_action (view, "students.new", NULL);
  editor = sm_ui_test_wait_for_window (SM_TYPE_RECORD_EDITOR);
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, editor));
  maybe_save_picture (editor, "dark-large-editor");
  gtk_window_destroy (GTK_WINDOW (editor));

  g_object_set (settings,
                "gtk-application-prefer-dark-theme", FALSE,
                "gtk-xft-dpi", dpi,
                NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!sm_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/accessibility/tooltips", Fixture, NULL,
              fixture_set_up, test_accessibility_tooltips, fixture_tear_down);
  g_test_add ("/accessibility/tab-order", Fixture, NULL,
              fixture_set_up, test_accessibility_tab_order, fixture_tear_down);
  g_test_add ("/accessibility/dark-large-text", Fixture, NULL,
              fixture_set_up, test_accessibility_dark_large_text, fixture_tear_down);

  return g_test_run ();
}
