/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_TOAST (sm_toast_get_type ())
G_DECLARE_FINAL_TYPE (SmToast, sm_toast, SM, TOAST, GtkWidget)

typedef void (*SmToastUndoFunc) (gpointer user_data);

GtkWidget  *sm_toast_new       (void);
void        sm_toast_show      (SmToast         *self,
                                const char      *title,
                                SmToastUndoFunc  undo,
                                gpointer         user_data,
                                GDestroyNotify   destroy);
void        sm_toast_dismiss   (SmToast         *self);
gboolean    sm_toast_undo      (SmToast         *self);
const char *sm_toast_get_title (SmToast         *self);
gboolean    sm_toast_get_shown (SmToast         *self);

G_END_DECLS
