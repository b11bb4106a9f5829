/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_STATUS_PAGE (sm_status_page_get_type ())
G_DECLARE_FINAL_TYPE (SmStatusPage, sm_status_page, SM, STATUS_PAGE, GtkWidget)

GtkWidget  *sm_status_page_new             (void);
const char *sm_status_page_get_icon_name   (SmStatusPage *self);
void        sm_status_page_set_icon_name   (SmStatusPage *self,
                                            const char   *icon_name);
const char *sm_status_page_get_title       (SmStatusPage *self);
void        sm_status_page_set_title       (SmStatusPage *self,
                                            const char   *title);
const char *sm_status_page_get_description (SmStatusPage *self);
void        sm_status_page_set_description (SmStatusPage *self,
                                            const char   *description);

G_END_DECLS
