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
/**
 * SmChangeLog:
 * @action: what happened, one of the SM_AUDIT_ actions of sm-audit.h
 * @actor: (nullable): who did it
 * @offer: (nullable): the offer concerned
 * @student: (nullable): the student concerned
 * @candidate: (nullable): the candidate concerned
 * @decision: (nullable): the decision concerned
 * @placement: (nullable): the placement concerned
 * @details: (nullable): key=value pairs separated by ";", no personal data
 *
 * An entry for the decision log, written in the same transaction as the
 * changes of its set. Records may be new ones of the same set: their ids
 * are taken once they are stored.
 */
typedef struct
{
  const char *action;
  const char *actor;
  SmRecord   *offer;
  SmRecord   *student;
  SmRecord   *candidate;
  SmRecord   *decision;
  SmRecord   *placement;
  const char *details;
} SmChangeLog;

void          sm_change_set_log            (SmChangeSet       *self,
                                            const SmChangeLog *entry);
guint         sm_change_set_get_n_logs     (SmChangeSet       *self);
const SmChangeLog *sm_change_set_get_log   (SmChangeSet       *self,
                                            guint              position);
guint         sm_change_set_get_n_changes  (SmChangeSet  *self);
SmChangeKind  sm_change_set_get_kind       (SmChangeSet  *self,
                                            guint         position);
SmRecord     *sm_change_set_get_record     (SmChangeSet  *self,
                                            guint         position);
void          sm_change_set_resolve_links  (SmChangeSet  *self,
                                            guint         position);

G_END_DECLS
