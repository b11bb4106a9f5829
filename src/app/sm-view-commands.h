/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-store.h"

G_BEGIN_DECLS

typedef void (*SmViewRecordsFunc) (GtkWidget *view,
                                   GPtrArray *records);

GtkWindow *sm_view_get_window  (GtkWidget         *view);
void       sm_view_show_error  (GtkWidget         *view,
                                const char        *title,
                                const char        *message);
void       sm_view_ask_delete  (GtkWidget         *view,
                                const char        *question,
                                const char        *details,
                                GPtrArray         *records,
                                SmViewRecordsFunc  delete_records);
void       sm_view_offer_undo  (GtkWidget         *view,
                                SmStore           *store,
                                const char        *title,
                                GPtrArray         *before,
                                gboolean           deleted,
                                SmViewRecordsFunc  restored);

G_END_DECLS
