/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-placement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-enums.h"
#include "sm-match-run.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-student.h"

/* A student placed on an offer, from proposal to completion. A locked
 * placement was fixed by the coordinator and is left alone by matching. */
struct _SmPlacement
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmPlacement, sm_placement, SM_TYPE_RECORD)

static const SmField placement_fields[] = {
  [SM_PLACEMENT_FIELD_STUDENT_ID] = { "student_id", SM_FIELD_REF, N_("Student"), SM_FIELD_REQUIRED, .get_type = sm_student_get_type },
  [SM_PLACEMENT_FIELD_OFFER_ID] = { "offer_id", SM_FIELD_REF, N_("Offer"), SM_FIELD_REQUIRED, .get_type = sm_offer_get_type },
  [SM_PLACEMENT_FIELD_STATUS] = { "status", SM_FIELD_ENUM, N_("Status"), 0, .get_type = sm_placement_status_get_type },
  [SM_PLACEMENT_FIELD_START_DATE] = { "start_date", SM_FIELD_DATE, N_("Start date"), 0 },
  [SM_PLACEMENT_FIELD_END_DATE] = { "end_date", SM_FIELD_DATE, N_("End date"), 0 },
  [SM_PLACEMENT_FIELD_COMPANY_MENTOR] = { "company_mentor", SM_FIELD_STRING, N_("Company mentor"), 0, .max = 80 },
  [SM_PLACEMENT_FIELD_SUPERVISOR] = { "supervisor", SM_FIELD_STRING, N_("School supervisor"), 0, .max = 80 },
  [SM_PLACEMENT_FIELD_AGREEMENT_SIGNED] = { "agreement_signed", SM_FIELD_BOOLEAN, N_("Internship agreement signed"), 0 },
  [SM_PLACEMENT_FIELD_LOCKED] = { "locked", SM_FIELD_BOOLEAN, N_("Fixed by the coordinator"), 0 },
  [SM_PLACEMENT_FIELD_SCORE] = { "score", SM_FIELD_INT, N_("Score"), 0, .min = 0, .max = 1000 },
  [SM_PLACEMENT_FIELD_RUN_ID] = { "run_id", SM_FIELD_REF, N_("Matching run"), 0, .get_type = sm_match_run_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (placement_fields) == SM_PLACEMENT_N_FIELDS);

static gboolean
sm_placement_validate_record (SmRecord  *record,
                              GError   **error)
{
  SmPlacementStatus status = sm_placement_get_status (SM_PLACEMENT (record));
  const char *start = sm_record_get_string (record, SM_PLACEMENT_FIELD_START_DATE);
  const char *end = sm_record_get_string (record, SM_PLACEMENT_FIELD_END_DATE);

  if (start != NULL && end != NULL && g_strcmp0 (start, end) > 0)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("End date: %s is before the start date, %s"), end, start);
      return FALSE;
    }

  /* The praktijkovereenkomst must be signed before the internship starts. */
  if ((status == SM_PLACEMENT_STATUS_STARTED || status == SM_PLACEMENT_STATUS_COMPLETED) &&
      !sm_record_get_int (record, SM_PLACEMENT_FIELD_AGREEMENT_SIGNED))
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("Status: an internship can only start once the internship agreement is signed"));
      return FALSE;
    }

  return TRUE;
}

static void
sm_placement_class_init (SmPlacementClass *klass)
{
  SmRecordClass *record_class = SM_RECORD_CLASS (klass);

  record_class->validate_record = sm_placement_validate_record;

  sm_record_class_install_fields (record_class, "placements", placement_fields, G_N_ELEMENTS (placement_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("placement"), N_("placements"));
}

static void
sm_placement_init (SmPlacement *self)
{
}

SmPlacement *
sm_placement_new (void)
{
  return g_object_new (SM_TYPE_PLACEMENT, NULL);
}

gint64
sm_placement_get_student_id (SmPlacement *self)
{
  return sm_record_get_int (SM_RECORD (self), SM_PLACEMENT_FIELD_STUDENT_ID);
}

gint64
sm_placement_get_offer_id (SmPlacement *self)
{
  return sm_record_get_int (SM_RECORD (self), SM_PLACEMENT_FIELD_OFFER_ID);
}

SmPlacementStatus
sm_placement_get_status (SmPlacement *self)
{
  return (SmPlacementStatus) sm_record_get_int (SM_RECORD (self), SM_PLACEMENT_FIELD_STATUS);
}

const char *
sm_placement_status_get_display_name (SmPlacementStatus status)
{
  switch (status)
    {
    case SM_PLACEMENT_STATUS_PROPOSED:
      return _("Proposed");
    case SM_PLACEMENT_STATUS_CONFIRMED:
      return _("Confirmed");
    case SM_PLACEMENT_STATUS_STARTED:
      return _("Started");
    case SM_PLACEMENT_STATUS_COMPLETED:
      return _("Completed");
    case SM_PLACEMENT_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}
