/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-candidate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-candidate.h"
#include "sm-enums.h"
#include "sm-offer.h"
#include "sm-student.h"

/* A student put forward for an offer. The company sees the code, which is
 * random and means nothing outside this offer, until it has decided. The
 * note gives context the coordinator chose to share (an accommodation the
 * work must allow, say) and goes through the same checks as a profile. */
struct _SmCandidate
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmCandidate, sm_candidate, SM_TYPE_RECORD)

static const SmField candidate_fields[] = {
  [SM_CANDIDATE_FIELD_OFFER_ID] = { "offer_id", SM_FIELD_REF, N_("Offer"), SM_FIELD_REQUIRED, .get_type = sm_offer_get_type },
  [SM_CANDIDATE_FIELD_STUDENT_ID] = { "student_id", SM_FIELD_REF, N_("Student"), SM_FIELD_REQUIRED, .get_type = sm_student_get_type },
  [SM_CANDIDATE_FIELD_CODE] = { "code", SM_FIELD_STRING, N_("Candidate code"), SM_FIELD_REQUIRED, .max = 20 },
  [SM_CANDIDATE_FIELD_NOTE] = { "note", SM_FIELD_TEXT, N_("Context note"), 0 },
  [SM_CANDIDATE_FIELD_ADDED_AT] = { "added_at", SM_FIELD_STRING, N_("Put forward at"), SM_FIELD_REQUIRED, .max = 40 },
  [SM_CANDIDATE_FIELD_REVEALED_AT] = { "revealed_at", SM_FIELD_STRING, N_("Revealed at"), 0, .max = 40 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (candidate_fields) == SM_CANDIDATE_N_FIELDS);

static void
sm_candidate_class_init (SmCandidateClass *klass)
{
  sm_record_class_install_fields (SM_RECORD_CLASS (klass), "candidates",
                                  candidate_fields, G_N_ELEMENTS (candidate_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("candidate"), N_("candidates"));
}

static void
sm_candidate_init (SmCandidate *self)
{
}

SmCandidate *
sm_candidate_new (void)
{
  return g_object_new (SM_TYPE_CANDIDATE, NULL);
}
