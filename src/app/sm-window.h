/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-store.h"
#include "sm-toast.h"

G_BEGIN_DECLS

#define SM_TYPE_WINDOW (sm_window_get_type ())
G_DECLARE_FINAL_TYPE (SmWindow, sm_window, SM, WINDOW, GtkApplicationWindow)

SmWindow           *sm_window_new            (GtkApplication *application,
                                              SmStore        *store);
SmStore            *sm_window_get_store      (SmWindow       *self);
const char         *sm_window_get_view       (SmWindow       *self);
void                sm_window_set_view       (SmWindow       *self,
                                              const char     *view);
const char         *sm_window_get_subtitle   (SmWindow       *self);
void                sm_window_set_subtitle   (SmWindow       *self,
                                              const char     *subtitle);

SmToast            *sm_window_get_toast      (SmWindow       *self);
GSettings          *sm_window_get_settings   (SmWindow       *self);

const char * const *sm_window_get_view_names (void);
gboolean            sm_window_is_view_name   (const char     *name);

G_END_DECLS
