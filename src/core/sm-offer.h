/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-level.h"
#include "sm-record.h"
#include "sm-sector.h"

G_BEGIN_DECLS

typedef enum
{
  SM_OFFER_STATUS_DRAFT,   /*< nick=draft >*/
  SM_OFFER_STATUS_OPEN,    /*< nick=open >*/
  SM_OFFER_STATUS_CLOSED,  /*< nick=closed >*/
} SmOfferStatus;

/* Anonymised is the default: a company sees a candidate's name only after
 * it has decided. */
typedef enum
{
  SM_SELECTION_MODE_ANONYMISED, /*< nick=anonymised >*/
  SM_SELECTION_MODE_OPEN,       /*< nick=open >*/
} SmSelectionMode;

typedef enum
{
  SM_OFFER_FIELD_COMPANY_ID,
  SM_OFFER_FIELD_TITLE,
  SM_OFFER_FIELD_DESCRIPTION,
  SM_OFFER_FIELD_SECTOR,
  SM_OFFER_FIELD_LEVELS,
  SM_OFFER_FIELD_PATHWAYS,
  SM_OFFER_FIELD_PROGRAMMES,
  SM_OFFER_FIELD_POSTCODE,
  SM_OFFER_FIELD_START_DATE,
  SM_OFFER_FIELD_END_DATE,
  SM_OFFER_FIELD_REQUIRED_WEEKS,
  SM_OFFER_FIELD_HOURS_PER_WEEK,
  SM_OFFER_FIELD_PLACES,
  SM_OFFER_FIELD_REQUIRES_DRIVING_LICENCE,
  SM_OFFER_FIELD_REQUIRES_VOG,
  SM_OFFER_FIELD_REQUIREMENTS,
  SM_OFFER_FIELD_STATUS,
  SM_OFFER_FIELD_SELECTION_MODE,
  SM_OFFER_FIELD_SKILLS,
  SM_OFFER_FIELD_PROXY_CONFIRMED,
  SM_OFFER_N_FIELDS
} SmOfferField;

#define SM_TYPE_OFFER (sm_offer_get_type ())
G_DECLARE_FINAL_TYPE (SmOffer, sm_offer, SM, OFFER, SmRecord)

SmOffer         *sm_offer_new                (void);
gint64           sm_offer_get_company_id     (SmOffer *self);
const char      *sm_offer_get_title          (SmOffer *self);
SmLevelFlags     sm_offer_get_levels         (SmOffer *self);
guint            sm_offer_get_places         (SmOffer *self);
SmSelectionMode  sm_offer_get_selection_mode (SmOffer *self);
SmOfferStatus    sm_offer_get_status         (SmOffer *self);

const char      *sm_offer_status_get_display_name   (SmOfferStatus   status);
const char      *sm_selection_mode_get_display_name (SmSelectionMode mode);

G_END_DECLS
