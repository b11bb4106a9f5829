/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-choice-list.h"
#include "sm-record-editor.h"

G_BEGIN_DECLS

/* SmRecordEditor is split by concern: checking and saving the record in
 * sm-record-editor.c; the rows, a widget for each field, in
 * sm-record-editor-rows.c. */

typedef struct
{
  SmRecordEditor *editor;
  guint          index;
  const SmField *field;
  GtkWidget     *widget;       /* takes the focus */
  GtkWidget     *entry;        /* DATE: the entry beside the calendar */
  GtkLabel      *message;
  GPtrArray     *checks;       /* FLAGS: one check button per flag */
  GArray        *values;       /* FLAGS: the flag of each check button */
  SmChoiceList  *choices;      /* ENUM, REF, or a STRING holding a key */
  gboolean       invalid;      /* the text could not be read */
  gboolean       touched;      /* edited, or stored before: show messages */
} Row;

struct _SmRecordEditor
{
  GtkWindow      parent_instance;

  SmStore       *store;
  SmRecord      *original;     /* as stored, or the new record */
  SmRecord      *record;       /* the copy being edited */
  gboolean       was_confirmed;
  gboolean       loading;
  GPtrArray     *rows;         /* of Row */
  GtkSizeGroup  *labels;       /* the fields line up across groups */

  /* Template children */
  GtkButton     *save_button;
  GtkRevealer   *banner_revealer;
  GtkLabel      *banner_label;
  GtkBox        *groups_box;
  GtkRevealer   *proxy_revealer;
  GtkLabel      *proxy_label;
  GtkCheckButton *proxy_check;
};

void        _sm_record_editor_build_rows  (SmRecordEditor *self);
void        _sm_record_editor_row_free    (Row            *row);
void        _sm_record_editor_row_changed (SmRecordEditor *self,
                                           Row            *row);
const char *_sm_record_editor_field_label (const SmField  *field);

G_END_DECLS
