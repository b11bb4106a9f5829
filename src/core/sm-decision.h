/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_DECISION_INVITE,    /*< nick=invite >*/
  SM_DECISION_RESERVE,   /*< nick=reserve >*/
  SM_DECISION_REJECT,    /*< nick=reject >*/
  SM_DECISION_ACCEPT,    /*< nick=accept >*/
  SM_DECISION_DECLINED,  /*< nick=declined >*/
} SmDecisionKind;

typedef enum
{
  SM_DECISION_FIELD_OFFER_ID,
  SM_DECISION_FIELD_STUDENT_ID,
  SM_DECISION_FIELD_CANDIDATE_CODE,
  SM_DECISION_FIELD_KIND,
  SM_DECISION_FIELD_REASON,
  SM_DECISION_FIELD_NOTE,
  SM_DECISION_FIELD_DECIDED_BY,
  SM_DECISION_FIELD_DECIDED_AT,
  SM_DECISION_FIELD_CORRECTS_ID,
  SM_DECISION_N_FIELDS
} SmDecisionField;

#define SM_TYPE_DECISION (sm_decision_get_type ())
G_DECLARE_FINAL_TYPE (SmDecision, sm_decision, SM, DECISION, SmRecord)

SmDecision     *sm_decision_new      (void);
SmDecisionKind  sm_decision_get_kind (SmDecision *self);
const char     *sm_decision_kind_get_display_name (SmDecisionKind kind);

G_END_DECLS
