/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-reason-code"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-enums.h"
#include "sm-reason-code.h"

/* A reason a company may give for a decision; a rejection needs one. The
 * list is the coordinator's to edit; a code no longer in use stays for the
 * decisions that gave it. */
struct _SmReasonCode
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmReasonCode, sm_reason_code, SM_TYPE_RECORD)

static const SmField reason_code_fields[] = {
  [SM_REASON_CODE_FIELD_CODE] = { "code", SM_FIELD_STRING, N_("Code"), SM_FIELD_REQUIRED, .max = 60, .validate = sm_validate_key },
  [SM_REASON_CODE_FIELD_LABEL] = { "label", SM_FIELD_STRING, N_("Description"), SM_FIELD_REQUIRED, .max = 120 },
  [SM_REASON_CODE_FIELD_ACTIVE] = { "active", SM_FIELD_BOOLEAN, N_("In use"), 0, .default_value = TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (reason_code_fields) == SM_REASON_CODE_N_FIELDS);

static void
sm_reason_code_class_init (SmReasonCodeClass *klass)
{
  sm_record_class_install_fields (SM_RECORD_CLASS (klass), "reason_codes",
                                  reason_code_fields, G_N_ELEMENTS (reason_code_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("reason code"), N_("reason codes"));
  sm_record_class_set_key_field (SM_RECORD_CLASS (klass), SM_REASON_CODE_FIELD_CODE);
}

static void
sm_reason_code_init (SmReasonCode *self)
{
}

SmReasonCode *
sm_reason_code_new (void)
{
  return g_object_new (SM_TYPE_REASON_CODE, NULL);
}
