/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-record.h"
#include "sm-store.h"

G_BEGIN_DECLS

#define SM_TYPE_RECORD_EDITOR (sm_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (SmRecordEditor, sm_record_editor, SM, RECORD_EDITOR, GtkWindow)

SmRecordEditor *sm_record_editor_new        (GtkWindow      *parent,
                                             SmStore        *store,
                                             SmRecord       *record);
SmStore        *sm_record_editor_get_store  (SmRecordEditor *self);
SmRecord       *sm_record_editor_get_record (SmRecordEditor *self);
gboolean        sm_record_editor_get_can_save (SmRecordEditor *self);
gboolean        sm_record_editor_save       (SmRecordEditor *self);

G_END_DECLS
