/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-toast"

#include "config.h"

#include "sm-toast.h"

/*
 * SmToast:
 *
 * A short message at the bottom of the window with an Undo button, shown
 * after something that cannot be seen happening, such as a delete. It
 * goes away by itself after a few seconds; until then Undo calls back
 * whoever showed it. A new message replaces the one before, whose undo is
 * then no longer offered.
 */

#define TIMEOUT_SECONDS 8

struct _SmToast
{
  GtkWidget        parent_instance;

  char            *title;
  SmToastUndoFunc  undo;
  gpointer         user_data;
  GDestroyNotify   destroy;
  guint            timeout_id;

  /* Template children */
  GtkRevealer     *revealer;
  GtkLabel        *title_label;
  GtkButton       *undo_button;
};

G_DEFINE_FINAL_TYPE (SmToast, sm_toast, GTK_TYPE_WIDGET)

static void
clear_undo (SmToast *self)
{
  GDestroyNotify destroy = self->destroy;
  gpointer user_data = self->user_data;

  self->undo = NULL;
  self->user_data = NULL;
  self->destroy = NULL;
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (destroy != NULL)
    destroy (user_data);
}

/**
 * sm_toast_dismiss:
 *
 * Hides the message; its undo is no longer offered.
 */
void
sm_toast_dismiss (SmToast *self)
{
  g_return_if_fail (SM_IS_TOAST (self));

  clear_undo (self);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  SmToast *self = user_data;

  self->timeout_id = 0;
  sm_toast_dismiss (self);
  return G_SOURCE_REMOVE;
}

/* Hidden, it takes no room and no clicks. */
static void
on_child_revealed_cb (SmToast *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), gtk_revealer_get_reveal_child (self->revealer) ||
                                             gtk_revealer_get_child_revealed (self->revealer));
}

/**
 * sm_toast_undo:
 *
 * Undoes what the message is about, as its Undo button does.
 *
 * Returns: whether there was something to undo
 */
gboolean
sm_toast_undo (SmToast *self)
{
  SmToastUndoFunc undo;
  gpointer user_data;

  g_return_val_if_fail (SM_IS_TOAST (self), FALSE);

  undo = self->undo;
  user_data = self->user_data;
  if (undo == NULL)
    return FALSE;

  /* Once: the message goes when its undo has run. */
  self->undo = NULL;
  undo (user_data);
  sm_toast_dismiss (self);
  return TRUE;
}

static void
on_undo_clicked_cb (SmToast *self)
{
  sm_toast_undo (self);
}

/**
 * sm_toast_show:
 * @title: what happened, such as “Deleted Anna de Vries”
 * @undo: (nullable): called when the coordinator clicks Undo
 * @destroy: frees @user_data once undo is no longer offered
 */
void
sm_toast_show (SmToast         *self,
               const char      *title,
               SmToastUndoFunc  undo,
               gpointer         user_data,
               GDestroyNotify   destroy)
{
  g_return_if_fail (SM_IS_TOAST (self));
  g_return_if_fail (title != NULL);

  clear_undo (self);

  g_free (self->title);
  self->title = g_strdup (title);
  self->undo = undo;
  self->user_data = user_data;
  self->destroy = destroy;

  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), undo != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  self->timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout_cb, self);
}

const char *
sm_toast_get_title (SmToast *self)
{
  g_return_val_if_fail (SM_IS_TOAST (self), NULL);
  return gtk_revealer_get_reveal_child (self->revealer) ? self->title : NULL;
}

gboolean
sm_toast_get_shown (SmToast *self)
{
  g_return_val_if_fail (SM_IS_TOAST (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

static void
sm_toast_dispose (GObject *object)
{
  SmToast *self = SM_TOAST (object);

  clear_undo (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_TOAST);

  G_OBJECT_CLASS (sm_toast_parent_class)->dispose (object);
}

static void
sm_toast_finalize (GObject *object)
{
  SmToast *self = SM_TOAST (object);

  g_free (self->title);

  G_OBJECT_CLASS (sm_toast_parent_class)->finalize (object);
}

static void
sm_toast_class_init (SmToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_toast_dispose;
  object_class->finalize = sm_toast_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stagematch/Stagematch/sm-toast.ui");
  gtk_widget_class_bind_template_child (widget_class, SmToast, revealer);
  gtk_widget_class_bind_template_child (widget_class, SmToast, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmToast, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_child_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sm_toast_dismiss);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sm-toast");
}

static void
sm_toast_init (SmToast *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sm_toast_new (void)
{
  return g_object_new (SM_TYPE_TOAST, NULL);
}
