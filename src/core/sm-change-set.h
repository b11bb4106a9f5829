/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_CHANGE_SAVE,
  SM_CHANGE_DELETE,
} SmChangeKind;

#define SM_TYPE_CHANGE_SET (sm_change_set_get_type ())
G_DECLARE_FINAL_TYPE (SmChangeSet, sm_change_set, SM, CHANGE_SET, GObject)

SmChangeSet  *sm_change_set_new            (void);
void          sm_change_set_save           (SmChangeSet  *self,
                                            SmRecord     *record);
void          sm_change_set_delete         (SmChangeSet  *self,
                                            SmRecord     *record);
void          sm_change_set_link           (SmChangeSet  *self,
                                            SmRecord     *record,
                                            guint         field,
                                            SmRecord     *target);
guint         sm_change_set_get_n_changes  (SmChangeSet  *self);
SmChangeKind  sm_change_set_get_kind       (SmChangeSet  *self,
                                            guint         position);
SmRecord     *sm_change_set_get_record     (SmChangeSet  *self,
                                            guint         position);
void          sm_change_set_resolve_links  (SmChangeSet  *self,
                                            guint         position);

G_END_DECLS
