/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-student"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-enums.h"
#include "sm-programme.h"
#include "sm-sector.h"
#include "sm-student.h"

struct _SmStudent
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmStudent, sm_student, SM_TYPE_RECORD)

/* Origin, nationality, religion, gender and the BSN are not fields: the
 * program never needs them, so it never holds them. */
static const SmField student_fields[] = {
  [SM_STUDENT_FIELD_STUDENT_NUMBER] = { "student_number", SM_FIELD_STRING, N_("Student number"), SM_FIELD_REQUIRED, .max = 20, .validate = sm_validate_student_number },
  [SM_STUDENT_FIELD_GIVEN_NAME] = { "given_name", SM_FIELD_STRING, N_("Given name"), SM_FIELD_REQUIRED | SM_FIELD_PERSONAL, .max = 80 },
  [SM_STUDENT_FIELD_NAME_PREFIX] = { "name_prefix", SM_FIELD_STRING, N_("Name prefix"), SM_FIELD_PERSONAL, .max = 20 },
  [SM_STUDENT_FIELD_FAMILY_NAME] = { "family_name", SM_FIELD_STRING, N_("Family name"), SM_FIELD_REQUIRED | SM_FIELD_PERSONAL, .max = 80 },
  [SM_STUDENT_FIELD_DATE_OF_BIRTH] = { "date_of_birth", SM_FIELD_DATE, N_("Date of birth"), SM_FIELD_PERSONAL },
  [SM_STUDENT_FIELD_EMAIL] = { "email", SM_FIELD_STRING, N_("E-mail"), SM_FIELD_PERSONAL, .max = 120, .validate = sm_validate_email },
  [SM_STUDENT_FIELD_PHONE] = { "phone", SM_FIELD_STRING, N_("Phone"), SM_FIELD_PERSONAL, .max = 30, .validate = sm_validate_phone },
  [SM_STUDENT_FIELD_STREET] = { "street", SM_FIELD_STRING, N_("Street and number"), SM_FIELD_PERSONAL, .max = 120 },
  [SM_STUDENT_FIELD_POSTCODE] = { "postcode", SM_FIELD_STRING, N_("Postcode"), SM_FIELD_PERSONAL, .max = 7, .validate = sm_validate_postcode },
  [SM_STUDENT_FIELD_CITY] = { "city", SM_FIELD_STRING, N_("Town"), SM_FIELD_PERSONAL, .max = 80 },
  [SM_STUDENT_FIELD_CLASS_NAME] = { "class_name", SM_FIELD_STRING, N_("Class"), 0, .max = 40 },
  [SM_STUDENT_FIELD_LEVEL] = { "level", SM_FIELD_ENUM, N_("Level"), SM_FIELD_REQUIRED, .get_type = sm_level_get_type, .default_value = SM_LEVEL_MBO_2 },
  [SM_STUDENT_FIELD_PATHWAY] = { "pathway", SM_FIELD_ENUM, N_("Pathway"), 0, .get_type = sm_pathway_get_type, .default_value = SM_PATHWAY_BOL },
  [SM_STUDENT_FIELD_PROGRAMME] = { "programme", SM_FIELD_STRING, N_("Programme"), 0, .max = 60, .get_type = sm_programme_get_type, .validate = sm_validate_key },
  [SM_STUDENT_FIELD_SUPERVISOR] = { "supervisor", SM_FIELD_STRING, N_("School supervisor"), 0, .max = 80 },
  [SM_STUDENT_FIELD_AVAILABLE_FROM] = { "available_from", SM_FIELD_DATE, N_("Available from"), 0 },
  [SM_STUDENT_FIELD_AVAILABLE_UNTIL] = { "available_until", SM_FIELD_DATE, N_("Available until"), 0 },
  [SM_STUDENT_FIELD_HOURS_PER_WEEK] = { "hours_per_week", SM_FIELD_INT, N_("Hours per week"), 0, .min = 0, .max = 60, .default_value = 32 },
  [SM_STUDENT_FIELD_MAX_TRAVEL_KM] = { "max_travel_km", SM_FIELD_INT, N_("Maximum travel distance (km)"), 0, .min = 0, .max = 300, .default_value = 25 },
  [SM_STUDENT_FIELD_SKILLS] = { "skills", SM_FIELD_STRV, N_("Skills"), 0 },
  [SM_STUDENT_FIELD_SECTOR_INTERESTS] = { "sector_interests", SM_FIELD_STRV, N_("Sector interests"), 0, .validate = sm_sector_validate_key },
  [SM_STUDENT_FIELD_DRIVING_LICENCE] = { "driving_licence", SM_FIELD_BOOLEAN, N_("Driving licence"), 0 },
  [SM_STUDENT_FIELD_VOG] = { "vog", SM_FIELD_BOOLEAN, N_("Certificate of conduct (VOG)"), 0 },
  [SM_STUDENT_FIELD_CERTIFICATES] = { "certificates", SM_FIELD_STRV, N_("Other certificates"), 0 },
  [SM_STUDENT_FIELD_MOTIVATION] = { "motivation", SM_FIELD_TEXT, N_("Motivation"), SM_FIELD_PERSONAL },
  [SM_STUDENT_FIELD_ACCOMMODATIONS] = { "accommodations", SM_FIELD_TEXT, N_("Accommodations"), SM_FIELD_PERSONAL | SM_FIELD_CONFIDENTIAL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (student_fields) == SM_STUDENT_N_FIELDS);

static gboolean
sm_student_validate_record (SmRecord  *record,
                            GError   **error)
{
  SmStudent *self = SM_STUDENT (record);
  SmLevel level = sm_student_get_level (self);
  SmPathway pathway = sm_student_get_pathway (self);
  const char *from = sm_record_get_string (record, SM_STUDENT_FIELD_AVAILABLE_FROM);
  const char *until = sm_record_get_string (record, SM_STUDENT_FIELD_AVAILABLE_UNTIL);
  const char *birth = sm_record_get_string (record, SM_STUDENT_FIELD_DATE_OF_BIRTH);

  if (sm_level_get_education (level) == SM_EDUCATION_MBO && pathway == SM_PATHWAY_NONE)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("Pathway: choose BOL or BBL for an mbo student"));
      return FALSE;
    }
  if (sm_level_get_education (level) != SM_EDUCATION_MBO && pathway != SM_PATHWAY_NONE)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("Pathway: only mbo students follow BOL or BBL; choose none"));
      return FALSE;
    }
  /* ISO dates compare as text. */
  if (from != NULL && until != NULL && g_strcmp0 (from, until) > 0)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("Available until: %s is before the first available day, %s"), until, from);
      return FALSE;
    }
  if (birth != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      if (g_strcmp0 (birth, today) >= 0)
        {
          g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                       _("Date of birth: %s is not in the past"), birth);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
sm_student_dup_title (SmRecord *record)
{
  return sm_student_dup_full_name (SM_STUDENT (record));
}

static void
sm_student_class_init (SmStudentClass *klass)
{
  SmRecordClass *record_class = SM_RECORD_CLASS (klass);

  record_class->validate_record = sm_student_validate_record;
  record_class->dup_title = sm_student_dup_title;

  sm_record_class_install_fields (record_class, "students", student_fields, G_N_ELEMENTS (student_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("student"), N_("students"));
  sm_record_class_set_key_field (record_class, SM_STUDENT_FIELD_STUDENT_NUMBER);
}

static void
sm_student_init (SmStudent *self)
{
}

SmStudent *
sm_student_new (void)
{
  return g_object_new (SM_TYPE_STUDENT, NULL);
}

const char *
sm_student_get_student_number (SmStudent *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_STUDENT_FIELD_STUDENT_NUMBER);
}

/**
 * sm_student_dup_full_name:
 *
 * Returns: the name as written in Dutch: given name, prefix, family name
 *   ("Fatima el Amrani", "Daan van der Berg")
 */
char *
sm_student_dup_full_name (SmStudent *self)
{
  SmRecord *record = SM_RECORD (self);
  const char *parts[4] = { NULL };
  guint n = 0;

  g_return_val_if_fail (SM_IS_STUDENT (self), NULL);

  if (sm_record_get_string (record, SM_STUDENT_FIELD_GIVEN_NAME) != NULL)
    parts[n++] = sm_record_get_string (record, SM_STUDENT_FIELD_GIVEN_NAME);
  if (sm_record_get_string (record, SM_STUDENT_FIELD_NAME_PREFIX) != NULL)
    parts[n++] = sm_record_get_string (record, SM_STUDENT_FIELD_NAME_PREFIX);
  if (sm_record_get_string (record, SM_STUDENT_FIELD_FAMILY_NAME) != NULL)
    parts[n++] = sm_record_get_string (record, SM_STUDENT_FIELD_FAMILY_NAME);

  return g_strjoinv (" ", (char **) parts);
}

SmLevel
sm_student_get_level (SmStudent *self)
{
  return (SmLevel) sm_record_get_int (SM_RECORD (self), SM_STUDENT_FIELD_LEVEL);
}

SmPathway
sm_student_get_pathway (SmStudent *self)
{
  return (SmPathway) sm_record_get_int (SM_RECORD (self), SM_STUDENT_FIELD_PATHWAY);
}

const char *
sm_student_get_programme (SmStudent *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_STUDENT_FIELD_PROGRAMME);
}

const char *
sm_student_get_class_name (SmStudent *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_STUDENT_FIELD_CLASS_NAME);
}

const char *
sm_student_get_postcode (SmStudent *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_STUDENT_FIELD_POSTCODE);
}
