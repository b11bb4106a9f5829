/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-store.h"

G_BEGIN_DECLS

/* The choices of a drop-down for a record field, with the value behind
 * each choice. */
typedef struct
{
  GtkStringList *labels;
  GArray        *values;  /* gint64: enum value, or record id (0: none) */
  GPtrArray     *keys;    /* records' natural keys, or NULL */
} SmChoiceList;

SmChoiceList *sm_choice_list_new_for_enum    (GType          type);
SmChoiceList *sm_choice_list_new_for_records (SmStore       *store,
                                              GType          record_type,
                                              gboolean       with_none,
                                              GError       **error);
guint         sm_choice_list_find_value      (SmChoiceList  *self,
                                              gint64         value);
guint         sm_choice_list_find_key        (SmChoiceList  *self,
                                              const char    *key);
void          sm_choice_list_free            (SmChoiceList  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmChoiceList, sm_choice_list_free)

G_END_DECLS
