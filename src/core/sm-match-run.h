/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_MATCH_MODE_OPTIMAL, /*< nick=optimal >*/
  SM_MATCH_MODE_STABLE,  /*< nick=stable >*/
} SmMatchMode;

typedef enum
{
  SM_MATCH_RUN_FIELD_MODE,
  SM_MATCH_RUN_FIELD_SEED,
  SM_MATCH_RUN_FIELD_STARTED_AT,
  SM_MATCH_RUN_FIELD_ASSIGNED,
  SM_MATCH_RUN_FIELD_UNASSIGNED,
  SM_MATCH_RUN_FIELD_TOTAL_SCORE,
  SM_MATCH_RUN_FIELD_WEIGHTS,
  SM_MATCH_RUN_N_FIELDS
} SmMatchRunField;

#define SM_TYPE_MATCH_RUN (sm_match_run_get_type ())
G_DECLARE_FINAL_TYPE (SmMatchRun, sm_match_run, SM, MATCH_RUN, SmRecord)

SmMatchRun  *sm_match_run_new      (void);
SmMatchMode  sm_match_run_get_mode (SmMatchRun *self);
guint64      sm_match_run_get_seed (SmMatchRun *self);

G_END_DECLS
