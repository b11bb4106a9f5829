/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-ui-test"

#include "config.h"

#include <glib/gstdio.h>

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
