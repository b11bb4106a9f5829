/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-ui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "sm-demo.h"
#include "sm-ui-test-util.h"

static void
test_no_display (void)
{
  g_test_skip ("No display; run the UI tests under xvfb-run");
}

/* Starts GTest and GTK. Without a display there is nothing to show a
 * window on: the program then reports a skip and the caller returns 77,
 * which meson counts as skipped, not passed. */
gboolean
sm_ui_test_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/no-display", test_no_display);
      g_test_run ();
      return FALSE;
    }
  return TRUE;
}

/* Removes a test's temporary folder and the files in it. */
void
sm_ui_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static gboolean
on_deadline_cb (gpointer user_data)
{
  gboolean *passed = user_data;

  *passed = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waiting without sleeping: iterate the main context until @done says so,
 * or until the deadline has passed. */
gboolean
sm_ui_test_wait_until (SmUiCondition done,
                       gpointer      data)
{
  gboolean passed = FALSE;
  guint deadline;

  deadline = g_timeout_add_seconds (20, on_deadline_cb, &passed);
  while (!done (data) && !passed)
    g_main_context_iteration (NULL, TRUE);

  if (!passed)
    g_source_remove (deadline);

  return done (data);
}

/* A widget has been allocated once the first frame is laid out. */
gboolean
sm_ui_test_is_painted (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
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

/* A mapped label or inscription under @widget whose text is @text, with
 * an ancestor of @ancestor_type unless that is G_TYPE_INVALID. */
GtkWidget *
sm_ui_test_find_text (GtkWidget  *widget,
                      GType       ancestor_type,
                      const char *text)
{
  const char *shown = get_widget_text (widget);

  if (shown != NULL && g_str_equal (shown, text) && gtk_widget_get_mapped (widget) &&
      (ancestor_type == G_TYPE_INVALID || gtk_widget_get_ancestor (widget, ancestor_type) != NULL))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sm_ui_test_find_text (child, ancestor_type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget of @type under @widget, @widget included. */
GtkWidget *
sm_ui_test_find_type (GtkWidget *widget,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sm_ui_test_find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The widget under @widget whose name (gtk_widget_set_name) is @name. */
GtkWidget *
sm_ui_test_find_named (GtkWidget  *widget,
                       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sm_ui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* An open window of @type, such as a dialog the program opened. */
GtkWidget *
sm_ui_test_find_window (GType type)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  g_object_ref (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
has_window (gpointer data)
{
  return sm_ui_test_find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
has_no_window (gpointer data)
{
  return sm_ui_test_find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

/* Waits for the program to open a window of @type, such as a dialog. */
GtkWidget *
sm_ui_test_wait_for_window (GType type)
{
  g_assert_true (sm_ui_test_wait_until (has_window, GSIZE_TO_POINTER (type)));
  return sm_ui_test_find_window (type);
}

/* Waits for the program to close its window of @type. */
void
sm_ui_test_wait_for_no_window (GType type)
{
  g_assert_true (sm_ui_test_wait_until (has_no_window, GSIZE_TO_POINTER (type)));
}

/* The widget named @name under @root, which must be there. */
GtkWidget *
sm_ui_test_get_named (GtkWidget  *root,
                      const char *name)
{
  GtkWidget *widget = sm_ui_test_find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s” under %s", name, G_OBJECT_TYPE_NAME (root));
  return widget;
}

/* Types @text into the entry named @name under @root, replacing what it
 * held. */
void
sm_ui_test_set_text (GtkWidget  *root,
                     const char *name,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sm_ui_test_get_named (root, name)), text);
}

/**
 * sm_ui_test_open_demo:
 * @name: names the temporary folder
 * @dir: (out): the folder, for sm_ui_test_remove_dir()
 *
 * Returns: (transfer full): a new database in a temporary folder, filled
 *   with the demo's made-up students and offers
 */
SmSqliteStore *
sm_ui_test_open_demo (const char  *name,
                      guint        n_students,
                      guint        n_offers,
                      guint64      seed,
                      char       **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSqliteStore) store = NULL;
  g_autofree char *template = g_strdup_printf ("stagematch-test-%s-XXXXXX", name);
  g_autofree char *path = NULL;
  SmDemoOptions options = { .n_students = n_students, .n_offers = n_offers, .seed = seed };

  *dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "test.db", NULL);
  store = sm_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sm_demo_generate (SM_STORE (store), &options, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}
