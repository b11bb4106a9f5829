/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_PLACEMENT_STATUS_PROPOSED,   /*< nick=proposed >*/
  SM_PLACEMENT_STATUS_CONFIRMED,  /*< nick=confirmed >*/
  SM_PLACEMENT_STATUS_STARTED,    /*< nick=started >*/
  SM_PLACEMENT_STATUS_COMPLETED,  /*< nick=completed >*/
  SM_PLACEMENT_STATUS_CANCELLED,  /*< nick=cancelled >*/
} SmPlacementStatus;

typedef enum
{
  SM_PLACEMENT_FIELD_STUDENT_ID,
  SM_PLACEMENT_FIELD_OFFER_ID,
  SM_PLACEMENT_FIELD_STATUS,
  SM_PLACEMENT_FIELD_START_DATE,
  SM_PLACEMENT_FIELD_END_DATE,
  SM_PLACEMENT_FIELD_COMPANY_MENTOR,
  SM_PLACEMENT_FIELD_SUPERVISOR,
  SM_PLACEMENT_FIELD_AGREEMENT_SIGNED,
  SM_PLACEMENT_FIELD_LOCKED,
  SM_PLACEMENT_FIELD_SCORE,
  SM_PLACEMENT_FIELD_RUN_ID,
  SM_PLACEMENT_N_FIELDS
} SmPlacementField;

#define SM_TYPE_PLACEMENT (sm_placement_get_type ())
G_DECLARE_FINAL_TYPE (SmPlacement, sm_placement, SM, PLACEMENT, SmRecord)

SmPlacement       *sm_placement_new            (void);
gint64             sm_placement_get_student_id (SmPlacement *self);
gint64             sm_placement_get_offer_id   (SmPlacement *self);
SmPlacementStatus  sm_placement_get_status     (SmPlacement *self);
const char        *sm_placement_status_get_display_name (SmPlacementStatus status);

G_END_DECLS
