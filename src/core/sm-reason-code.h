/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_REASON_CODE_FIELD_CODE,
  SM_REASON_CODE_FIELD_LABEL,
  SM_REASON_CODE_FIELD_ACTIVE,
  SM_REASON_CODE_N_FIELDS
} SmReasonCodeField;

#define SM_TYPE_REASON_CODE (sm_reason_code_get_type ())
G_DECLARE_FINAL_TYPE (SmReasonCode, sm_reason_code, SM, REASON_CODE, SmRecord)

SmReasonCode *sm_reason_code_new (void);

G_END_DECLS
