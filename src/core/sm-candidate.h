/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_CANDIDATE_FIELD_OFFER_ID,
  SM_CANDIDATE_FIELD_STUDENT_ID,
  SM_CANDIDATE_FIELD_CODE,
  SM_CANDIDATE_FIELD_NOTE,
  SM_CANDIDATE_FIELD_ADDED_AT,
  SM_CANDIDATE_FIELD_REVEALED_AT,
  SM_CANDIDATE_N_FIELDS
} SmCandidateField;

#define SM_TYPE_CANDIDATE (sm_candidate_get_type ())
G_DECLARE_FINAL_TYPE (SmCandidate, sm_candidate, SM, CANDIDATE, SmRecord)

SmCandidate *sm_candidate_new (void);

G_END_DECLS
