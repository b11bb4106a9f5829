/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-criterion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-criterion.h"
#include "sm-enums.h"
#include "sm-offer.h"

/* A criterion of an offer's rubric: reviewers score every candidate on it
 * from 1 to 5. Structure is what makes an anonymous selection fair: every
 * candidate is judged on the same job-relevant points. */
struct _SmCriterion
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmCriterion, sm_criterion, SM_TYPE_RECORD)

static const SmField criterion_fields[] = {
  [SM_CRITERION_FIELD_OFFER_ID] = { "offer_id", SM_FIELD_REF, N_("Offer"), SM_FIELD_REQUIRED, .get_type = sm_offer_get_type },
  [SM_CRITERION_FIELD_NAME] = { "name", SM_FIELD_STRING, N_("Criterion"), SM_FIELD_REQUIRED, .max = 60 },
  [SM_CRITERION_FIELD_POSITION] = { "position", SM_FIELD_INT, N_("Position"), 0, .min = 0, .max = 100 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (criterion_fields) == SM_CRITERION_N_FIELDS);

static void
sm_criterion_class_init (SmCriterionClass *klass)
{
  sm_record_class_install_fields (SM_RECORD_CLASS (klass), "criteria",
                                  criterion_fields, G_N_ELEMENTS (criterion_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("criterion"), N_("criteria"));
}

static void
sm_criterion_init (SmCriterion *self)
{
}

SmCriterion *
sm_criterion_new (void)
{
  return g_object_new (SM_TYPE_CRITERION, NULL);
}
