/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-company"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-company.h"
#include "sm-enums.h"

/* A company (leerbedrijf) that offers internships; SBB recognition means it
 * may train mbo students. */
struct _SmCompany
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmCompany, sm_company, SM_TYPE_RECORD)

static const SmField company_fields[] = {
  [SM_COMPANY_FIELD_NAME] = { "name", SM_FIELD_STRING, N_("Company name"), SM_FIELD_REQUIRED, .max = 120 },
  [SM_COMPANY_FIELD_KVK_NUMBER] = { "kvk_number", SM_FIELD_STRING, N_("KvK number"), SM_FIELD_REQUIRED, .max = 8, .validate = sm_validate_kvk },
  [SM_COMPANY_FIELD_SBB_RECOGNISED] = { "sbb_recognised", SM_FIELD_BOOLEAN, N_("SBB recognised"), 0 },
  [SM_COMPANY_FIELD_SECTOR] = { "sector", SM_FIELD_ENUM, N_("Sector"), 0, .get_type = sm_sector_get_type },
  [SM_COMPANY_FIELD_STREET] = { "street", SM_FIELD_STRING, N_("Street and number"), 0, .max = 120 },
  [SM_COMPANY_FIELD_POSTCODE] = { "postcode", SM_FIELD_STRING, N_("Postcode"), 0, .max = 7, .validate = sm_validate_postcode },
  [SM_COMPANY_FIELD_CITY] = { "city", SM_FIELD_STRING, N_("Town"), 0, .max = 80 },
  [SM_COMPANY_FIELD_CONTACT_NAME] = { "contact_name", SM_FIELD_STRING, N_("Contact person"), 0, .max = 80 },
  [SM_COMPANY_FIELD_CONTACT_EMAIL] = { "contact_email", SM_FIELD_STRING, N_("Contact e-mail"), 0, .max = 120, .validate = sm_validate_email },
  [SM_COMPANY_FIELD_CONTACT_PHONE] = { "contact_phone", SM_FIELD_STRING, N_("Contact phone"), 0, .max = 30, .validate = sm_validate_phone },
};

G_STATIC_ASSERT (G_N_ELEMENTS (company_fields) == SM_COMPANY_N_FIELDS);

static char *
sm_company_dup_title (SmRecord *record)
{
  return g_strdup (sm_company_get_name (SM_COMPANY (record)));
}

static void
sm_company_class_init (SmCompanyClass *klass)
{
  SmRecordClass *record_class = SM_RECORD_CLASS (klass);

  record_class->dup_title = sm_company_dup_title;

  sm_record_class_install_fields (record_class, "companies", company_fields, G_N_ELEMENTS (company_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("company"), N_("companies"));
  sm_record_class_set_key_field (record_class, SM_COMPANY_FIELD_KVK_NUMBER);
}

static void
sm_company_init (SmCompany *self)
{
}

SmCompany *
sm_company_new (void)
{
  return g_object_new (SM_TYPE_COMPANY, NULL);
}

const char *
sm_company_get_name (SmCompany *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_COMPANY_FIELD_NAME);
}

const char *
sm_company_get_kvk_number (SmCompany *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_COMPANY_FIELD_KVK_NUMBER);
}
