/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-programme"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-enums.h"
#include "sm-programme.h"

/* A programme is what a student follows: a vmbo profiel, an mbo
 * qualification (known by its crebo code) or an hbo programme. */
struct _SmProgramme
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmProgramme, sm_programme, SM_TYPE_RECORD)

static const SmField programme_fields[] = {
  [SM_PROGRAMME_FIELD_CODE] = { "code", SM_FIELD_STRING, N_("Code"), SM_FIELD_REQUIRED, .max = 60, .validate = sm_validate_key },
  [SM_PROGRAMME_FIELD_NAME] = { "name", SM_FIELD_STRING, N_("Name"), SM_FIELD_REQUIRED, .max = 120 },
  [SM_PROGRAMME_FIELD_EDUCATION] = { "education", SM_FIELD_ENUM, N_("Type of education"), 0, .get_type = sm_education_get_type, .default_value = SM_EDUCATION_MBO },
  [SM_PROGRAMME_FIELD_SECTOR] = { "sector", SM_FIELD_ENUM, N_("Sector"), 0, .get_type = sm_sector_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (programme_fields) == SM_PROGRAMME_N_FIELDS);

static gboolean
sm_programme_validate_record (SmRecord  *record,
                              GError   **error)
{
  SmProgramme *self = SM_PROGRAMME (record);
  g_autoptr(GError) local_error = NULL;

  if (sm_programme_get_education (self) == SM_EDUCATION_MBO &&
      !sm_validate_crebo (sm_programme_get_code (self), NULL, &local_error))
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   "%s: %s", _("Code"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

static char *
sm_programme_dup_title (SmRecord *record)
{
  SmProgramme *self = SM_PROGRAMME (record);

  return g_strdup_printf ("%s (%s)", sm_programme_get_name (self), sm_programme_get_code (self));
}

static void
sm_programme_class_init (SmProgrammeClass *klass)
{
  SmRecordClass *record_class = SM_RECORD_CLASS (klass);

  record_class->validate_record = sm_programme_validate_record;
  record_class->dup_title = sm_programme_dup_title;

  sm_record_class_install_fields (record_class, "programmes", programme_fields, G_N_ELEMENTS (programme_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("programme"), N_("programmes"));
  sm_record_class_set_key_field (record_class, SM_PROGRAMME_FIELD_CODE);
}

static void
sm_programme_init (SmProgramme *self)
{
}

SmProgramme *
sm_programme_new (const char  *code,
                  const char  *name,
                  SmEducation  education,
                  SmSector     sector)
{
  return g_object_new (SM_TYPE_PROGRAMME,
                       "code", code,
                       "name", name,
                       "education", education,
                       "sector", sector,
                       NULL);
}

const char *
sm_programme_get_code (SmProgramme *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_PROGRAMME_FIELD_CODE);
}

const char *
sm_programme_get_name (SmProgramme *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_PROGRAMME_FIELD_NAME);
}

SmEducation
sm_programme_get_education (SmProgramme *self)
{
  return (SmEducation) sm_record_get_int (SM_RECORD (self), SM_PROGRAMME_FIELD_EDUCATION);
}

SmSector
sm_programme_get_sector (SmProgramme *self)
{
  return (SmSector) sm_record_get_int (SM_RECORD (self), SM_PROGRAMME_FIELD_SECTOR);
}
