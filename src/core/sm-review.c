/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-candidate.h"
#include "sm-enums.h"
#include "sm-review.h"

/* One reviewer's score, 1 to 5, of one candidate on one criterion. */
struct _SmReview
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmReview, sm_review, SM_TYPE_RECORD)

static const SmField review_fields[] = {
  [SM_REVIEW_FIELD_CANDIDATE_ID] = { "candidate_id", SM_FIELD_REF, N_("Candidate"), SM_FIELD_REQUIRED, .get_type = sm_candidate_get_type },
  [SM_REVIEW_FIELD_REVIEWER] = { "reviewer", SM_FIELD_STRING, N_("Reviewer"), SM_FIELD_REQUIRED, .max = 80 },
  [SM_REVIEW_FIELD_CRITERION] = { "criterion", SM_FIELD_STRING, N_("Criterion"), SM_FIELD_REQUIRED, .max = 60 },
  [SM_REVIEW_FIELD_SCORE] = { "score", SM_FIELD_INT, N_("Score"), 0, .min = 1, .max = 5, .default_value = 3 },
  [SM_REVIEW_FIELD_REVIEWED_AT] = { "reviewed_at", SM_FIELD_STRING, N_("Reviewed at"), SM_FIELD_REQUIRED, .max = 40 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (review_fields) == SM_REVIEW_N_FIELDS);

static void
sm_review_class_init (SmReviewClass *klass)
{
  sm_record_class_install_fields (SM_RECORD_CLASS (klass), "reviews",
                                  review_fields, G_N_ELEMENTS (review_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("review"), N_("reviews"));
}

static void
sm_review_init (SmReview *self)
{
}

SmReview *
sm_review_new (void)
{
  return g_object_new (SM_TYPE_REVIEW, NULL);
}
