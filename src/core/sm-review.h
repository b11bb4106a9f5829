/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_REVIEW_FIELD_CANDIDATE_ID,
  SM_REVIEW_FIELD_REVIEWER,
  SM_REVIEW_FIELD_CRITERION,
  SM_REVIEW_FIELD_SCORE,
  SM_REVIEW_FIELD_REVIEWED_AT,
  SM_REVIEW_N_FIELDS
} SmReviewField;

#define SM_TYPE_REVIEW (sm_review_get_type ())
G_DECLARE_FINAL_TYPE (SmReview, sm_review, SM, REVIEW, SmRecord)

SmReview *sm_review_new (void);

G_END_DECLS
