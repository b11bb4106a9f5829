/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-store.h"

G_BEGIN_DECLS

#define SM_TYPE_BULK_EDITOR (sm_bulk_editor_get_type ())
G_DECLARE_FINAL_TYPE (SmBulkEditor, sm_bulk_editor, SM, BULK_EDITOR, GtkWindow)

SmBulkEditor *sm_bulk_editor_new       (GtkWindow    *parent,
                                        SmStore      *store,
                                        GPtrArray    *students);
gboolean      sm_bulk_editor_get_can_apply (SmBulkEditor *self);
gboolean      sm_bulk_editor_apply     (SmBulkEditor *self);

G_END_DECLS
