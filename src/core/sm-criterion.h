/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_CRITERION_FIELD_OFFER_ID,
  SM_CRITERION_FIELD_NAME,
  SM_CRITERION_FIELD_POSITION,
  SM_CRITERION_N_FIELDS
} SmCriterionField;

#define SM_TYPE_CRITERION (sm_criterion_get_type ())
G_DECLARE_FINAL_TYPE (SmCriterion, sm_criterion, SM, CRITERION, SmRecord)

SmCriterion *sm_criterion_new (void);

G_END_DECLS
