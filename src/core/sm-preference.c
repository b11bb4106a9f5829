/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-preference"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-enums.h"
#include "sm-offer.h"
#include "sm-preference.h"
#include "sm-student.h"

/* A ranking: a student's place for an offer on their own list (1 is their
 * first choice), or an offer's place for a student. Stable matching reads
 * them; where a side has not ranked, matching uses the scores. */
struct _SmPreference
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmPreference, sm_preference, SM_TYPE_RECORD)

static const SmField preference_fields[] = {
  [SM_PREFERENCE_FIELD_STUDENT_ID] = { "student_id", SM_FIELD_REF, N_("Student"), SM_FIELD_REQUIRED, .get_type = sm_student_get_type },
  [SM_PREFERENCE_FIELD_OFFER_ID] = { "offer_id", SM_FIELD_REF, N_("Offer"), SM_FIELD_REQUIRED, .get_type = sm_offer_get_type },
  [SM_PREFERENCE_FIELD_SIDE] = { "side", SM_FIELD_ENUM, N_("Ranked by"), 0, .get_type = sm_preference_side_get_type },
  [SM_PREFERENCE_FIELD_RANK] = { "rank", SM_FIELD_INT, N_("Rank"), 0, .min = 1, .max = 999, .default_value = 1 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (preference_fields) == SM_PREFERENCE_N_FIELDS);

static void
sm_preference_class_init (SmPreferenceClass *klass)
{
  sm_record_class_install_fields (SM_RECORD_CLASS (klass), "preferences",
                                  preference_fields, G_N_ELEMENTS (preference_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("ranking"), N_("rankings"));
}

static void
sm_preference_init (SmPreference *self)
{
}

SmPreference *
sm_preference_new (gint64           student_id,
                   gint64           offer_id,
                   SmPreferenceSide side,
                   guint            rank)
{
  return g_object_new (SM_TYPE_PREFERENCE,
                       "student-id", student_id,
                       "offer-id", offer_id,
                       "side", side,
                       "rank", (gint64) rank,
                       NULL);
}

gint64
sm_preference_get_student_id (SmPreference *self)
{
  return sm_record_get_int (SM_RECORD (self), SM_PREFERENCE_FIELD_STUDENT_ID);
}

gint64
sm_preference_get_offer_id (SmPreference *self)
{
  return sm_record_get_int (SM_RECORD (self), SM_PREFERENCE_FIELD_OFFER_ID);
}

SmPreferenceSide
sm_preference_get_side (SmPreference *self)
{
  return (SmPreferenceSide) sm_record_get_int (SM_RECORD (self), SM_PREFERENCE_FIELD_SIDE);
}

guint
sm_preference_get_rank (SmPreference *self)
{
  return (guint) sm_record_get_int (SM_RECORD (self), SM_PREFERENCE_FIELD_RANK);
}
