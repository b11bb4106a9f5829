/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-screenshot.h"

/*
 * A widget draws itself into a PNG file, with the renderer of its own
 * window: what people and tests see without a screen grabber.
 *
 * A GtkWidgetPaintable holds what the widget drew the last time it was
 * drawn after the paintable was made, so the picture is taken after the
 * next frame: when the paintable says its contents changed.
 */

typedef struct
{
  char         *path;
  GdkPaintable *paintable;
  gulong        invalidate_id;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  if (save->paintable != NULL)
    g_clear_signal_handler (&save->invalidate_id, save->paintable);
  g_clear_object (&save->paintable);
  g_free (save->path);
  g_free (save);
}

static gboolean
save_paintable (GdkPaintable  *paintable,
                GtkWidget     *widget,
                const char    *path,
                GError       **error)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  GskRenderer *renderer = NULL;
  GtkNative *native;
  int width;
  int height;

  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  native = gtk_widget_get_native (widget);
  if (native != NULL)
    renderer = gtk_native_get_renderer (native);

  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The window has not been drawn."));
      return FALSE;
    }

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The window drew nothing."));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);

  return g_file_set_contents (path,
                              g_bytes_get_data (png, NULL),
                              g_bytes_get_size (png),
                              error);
}

static gboolean
save_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  SaveData *save = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  if (save_paintable (save->paintable, g_task_get_source_object (task), save->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  return G_SOURCE_REMOVE;
}

static void
on_invalidate_contents_cb (GdkPaintable *paintable,
                           GTask        *task)
{
  SaveData *save = g_task_get_task_data (task);

  g_clear_signal_handler (&save->invalidate_id, paintable);

  /* Draw once the frame is done, not from inside it, but before the
   * low-priority work that widgets start after their first frame (such
   * as counting every student's matches), which this frame does not
   * show. The idle takes over the reference that kept the task alive
   * while waiting. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_idle_cb, task, g_object_unref);
}

/**
 * sm_screenshot_save_async:
 * @widget: a widget that is or will be shown
 * @path: the PNG file to write
 *
 * Waits until @widget has been drawn, then draws it into a PNG file.
 */
void
sm_screenshot_save_async (GtkWidget           *widget,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_screenshot_save_async);

  save = g_new0 (SaveData, 1);
  save->path = g_strdup (path);
  save->paintable = gtk_widget_paintable_new (widget);
  g_task_set_task_data (task, save, save_data_free);

  /* This reference keeps the task alive until the picture is taken. */
  save->invalidate_id = g_signal_connect (save->paintable, "invalidate-contents",
                                          G_CALLBACK (on_invalidate_contents_cb),
                                          g_object_ref (task));
  gtk_widget_queue_draw (widget);
}

gboolean
sm_screenshot_save_finish (GtkWidget     *widget,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, widget), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
