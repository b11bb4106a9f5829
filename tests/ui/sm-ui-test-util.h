/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers the UI tests share. */

typedef gboolean (*SmUiCondition) (gpointer data);

gboolean sm_ui_test_init        (int           *argc,
                                 char        ***argv);
void     sm_ui_test_remove_dir  (const char    *path);
gboolean sm_ui_test_wait_until  (SmUiCondition  done,
                                 gpointer       data);
gboolean sm_ui_test_is_painted  (gpointer       widget);

G_END_DECLS
