/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

/* Who ranks: a student ranks offers, an offer (its company) ranks
 * students. */
typedef enum
{
  SM_PREFERENCE_SIDE_STUDENT, /*< nick=student >*/
  SM_PREFERENCE_SIDE_OFFER,   /*< nick=offer >*/
} SmPreferenceSide;

typedef enum
{
  SM_PREFERENCE_FIELD_STUDENT_ID,
  SM_PREFERENCE_FIELD_OFFER_ID,
  SM_PREFERENCE_FIELD_SIDE,
  SM_PREFERENCE_FIELD_RANK,
  SM_PREFERENCE_N_FIELDS
} SmPreferenceField;

#define SM_TYPE_PREFERENCE (sm_preference_get_type ())
G_DECLARE_FINAL_TYPE (SmPreference, sm_preference, SM, PREFERENCE, SmRecord)

SmPreference     *sm_preference_new            (gint64            student_id,
                                                gint64            offer_id,
                                                SmPreferenceSide  side,
                                                guint             rank);
gint64            sm_preference_get_student_id (SmPreference     *self);
gint64            sm_preference_get_offer_id   (SmPreference     *self);
SmPreferenceSide  sm_preference_get_side       (SmPreference     *self);
guint             sm_preference_get_rank       (SmPreference     *self);

G_END_DECLS
