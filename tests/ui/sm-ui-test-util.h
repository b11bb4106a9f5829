/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-sqlite-store.h"

G_BEGIN_DECLS

/* Helpers the UI tests share. */

typedef gboolean (*SmUiCondition) (gpointer data);

gboolean sm_ui_test_init        (int           *argc,
                                 char        ***argv);
void     sm_ui_test_remove_dir  (const char    *path);
gboolean sm_ui_test_wait_until  (SmUiCondition  done,
                                 gpointer       data);
gboolean sm_ui_test_is_painted  (gpointer       widget);

GtkWidget *sm_ui_test_find_text   (GtkWidget  *widget,
                                   GType       ancestor_type,
                                   const char *text);
GtkWidget *sm_ui_test_find_type   (GtkWidget  *widget,
                                   GType       type);
GtkWidget *sm_ui_test_find_named  (GtkWidget  *widget,
                                   const char *name);
GtkWidget *sm_ui_test_find_window (GType       type);

GtkWidget *sm_ui_test_wait_for_window    (GType       type);
void       sm_ui_test_wait_for_no_window (GType       type);
GtkWidget *sm_ui_test_get_named          (GtkWidget  *root,
                                          const char *name);
void       sm_ui_test_set_text           (GtkWidget  *root,
                                          const char *name,
                                          const char *text);

SmSqliteStore *sm_ui_test_open_demo (const char  *name,
                                     guint        n_students,
                                     guint        n_offers,
                                     guint64      seed,
                                     char       **dir);

G_END_DECLS
