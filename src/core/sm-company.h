/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-record.h"
#include "sm-sector.h"

G_BEGIN_DECLS

typedef enum
{
  SM_COMPANY_FIELD_NAME,
  SM_COMPANY_FIELD_KVK_NUMBER,
  SM_COMPANY_FIELD_SBB_RECOGNISED,
  SM_COMPANY_FIELD_SECTOR,
  SM_COMPANY_FIELD_STREET,
  SM_COMPANY_FIELD_POSTCODE,
  SM_COMPANY_FIELD_CITY,
  SM_COMPANY_FIELD_CONTACT_NAME,
  SM_COMPANY_FIELD_CONTACT_EMAIL,
  SM_COMPANY_FIELD_CONTACT_PHONE,
  SM_COMPANY_N_FIELDS
} SmCompanyField;

#define SM_TYPE_COMPANY (sm_company_get_type ())
G_DECLARE_FINAL_TYPE (SmCompany, sm_company, SM, COMPANY, SmRecord)

SmCompany  *sm_company_new            (void);
const char *sm_company_get_name       (SmCompany *self);
const char *sm_company_get_kvk_number (SmCompany *self);

G_END_DECLS
