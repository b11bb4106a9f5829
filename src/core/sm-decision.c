/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-decision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-decision.h"
#include "sm-enums.h"
#include "sm-offer.h"
#include "sm-student.h"

/* A selection decision on a candidate for an offer. Decisions are never
 * edited: a correction is a new decision that names the one it corrects,
 * and the store refuses to change a stored one. */
struct _SmDecision
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmDecision, sm_decision, SM_TYPE_RECORD)

static const SmField decision_fields[] = {
  [SM_DECISION_FIELD_OFFER_ID] = { "offer_id", SM_FIELD_REF, N_("Offer"), SM_FIELD_REQUIRED, .get_type = sm_offer_get_type },
  [SM_DECISION_FIELD_STUDENT_ID] = { "student_id", SM_FIELD_REF, N_("Student"), SM_FIELD_REQUIRED, .get_type = sm_student_get_type },
  [SM_DECISION_FIELD_CANDIDATE_CODE] = { "candidate_code", SM_FIELD_STRING, N_("Candidate code"), SM_FIELD_REQUIRED, .max = 20 },
  [SM_DECISION_FIELD_KIND] = { "kind", SM_FIELD_ENUM, N_("Decision"), 0, .get_type = sm_decision_kind_get_type },
  [SM_DECISION_FIELD_REASON] = { "reason", SM_FIELD_STRING, N_("Reason"), 0, .max = 60, .validate = sm_validate_key },
  [SM_DECISION_FIELD_NOTE] = { "note", SM_FIELD_TEXT, N_("Note"), 0 },
  [SM_DECISION_FIELD_DECIDED_BY] = { "decided_by", SM_FIELD_STRING, N_("Decided by"), SM_FIELD_REQUIRED, .max = 80 },
  [SM_DECISION_FIELD_DECIDED_AT] = { "decided_at", SM_FIELD_STRING, N_("Decided at"), 0, .max = 40 },
  [SM_DECISION_FIELD_CORRECTS_ID] = { "corrects_id", SM_FIELD_REF, N_("Corrects decision"), 0, .get_type = sm_decision_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (decision_fields) == SM_DECISION_N_FIELDS);

static gboolean
sm_decision_validate_record (SmRecord  *record,
                             GError   **error)
{
  if (sm_decision_get_kind (SM_DECISION (record)) == SM_DECISION_REJECT &&
      sm_record_get_string (record, SM_DECISION_FIELD_REASON) == NULL)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_REQUIRED,
                   _("Reason: a rejection needs a reason code"));
      return FALSE;
    }

  return TRUE;
}

static void
sm_decision_class_init (SmDecisionClass *klass)
{
  SmRecordClass *record_class = SM_RECORD_CLASS (klass);

  record_class->validate_record = sm_decision_validate_record;

  sm_record_class_install_fields (record_class, "decisions", decision_fields, G_N_ELEMENTS (decision_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("decision"), N_("decisions"));
}

static void
sm_decision_init (SmDecision *self)
{
}

SmDecision *
sm_decision_new (void)
{
  return g_object_new (SM_TYPE_DECISION, NULL);
}

SmDecisionKind
sm_decision_get_kind (SmDecision *self)
{
  return (SmDecisionKind) sm_record_get_int (SM_RECORD (self), SM_DECISION_FIELD_KIND);
}

const char *
sm_decision_kind_get_display_name (SmDecisionKind kind)
{
  switch (kind)
    {
    case SM_DECISION_INVITE:
      return _("Invite");
    case SM_DECISION_RESERVE:
      return _("Reserve");
    case SM_DECISION_REJECT:
      return _("Reject");
    case SM_DECISION_ACCEPT:
      return _("Accept");
    case SM_DECISION_DECLINED:
      return _("Declined by student");
    default:
      g_return_val_if_reached (NULL);
    }
}
