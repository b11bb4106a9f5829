/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-record"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sm-company.h"
#include "sm-decision.h"
#include "sm-enums.h"
#include "sm-level.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-record.h"
#include "sm-sector.h"
#include "sm-student.h"
#include "sm-test-util.h"

/* Examples */

static SmRecord *
make_student (void)
{
  SmRecord *record = SM_RECORD (sm_student_new ());

  sm_test_set_text (record, "student_number", "100001");
  sm_test_set_text (record, "given_name", "Fatima");
  sm_test_set_text (record, "family_name", "Amrani");
  sm_test_set_text (record, "level", "mbo-4");
  sm_test_set_text (record, "pathway", "bol");
  return record;
}

/* Every field differs from its default. */
static SmRecord *
make_full_student (void)
{
  SmRecord *record = SM_RECORD (sm_student_new ());

  sm_test_set_text (record, "student_number", "ST-2025-001");
  sm_test_set_text (record, "given_name", "Daan");
  sm_test_set_text (record, "name_prefix", "van der");
  sm_test_set_text (record, "family_name", "Berg");
  sm_test_set_text (record, "date_of_birth", "14-03-2007");
  sm_test_set_text (record, "email", "daan@example.nl");
  sm_test_set_text (record, "phone", "06-12345678");
  sm_test_set_text (record, "street", "Kerkstraat 12a");
  sm_test_set_text (record, "postcode", "3511ab");
  sm_test_set_text (record, "city", "Utrecht");
  sm_test_set_text (record, "class_name", "SD3B");
  sm_test_set_text (record, "level", "mbo-3");
  sm_test_set_text (record, "pathway", "bbl");
  sm_test_set_text (record, "programme", "25604");
  sm_test_set_text (record, "supervisor", "J. de Vries");
  sm_test_set_text (record, "available_from", "2025-09-01");
  sm_test_set_text (record, "available_until", "31-01-2026");
  sm_test_set_text (record, "hours_per_week", "24");
  sm_test_set_text (record, "max_travel_km", "15");
  sm_test_set_text (record, "skills", "Python, SQL");
  sm_test_set_text (record, "sector_interests", "ict,creative");
  sm_test_set_text (record, "driving_licence", "yes");
  sm_test_set_text (record, "vog", "ja");
  sm_test_set_text (record, "certificates", "BHV,VCA");
  sm_test_set_text (record, "motivation", "Ik bouw graag dingen.\nEn ik leer snel, echt.");
  sm_test_set_text (record, "accommodations", "Extra time to travel");
  return record;
}

static SmRecord *
make_programme (void)
{
  return SM_RECORD (sm_programme_new ("25604", "Software developer", SM_EDUCATION_MBO, SM_SECTOR_ICT));
}

static SmRecord *
make_company (void)
{
  SmRecord *record = SM_RECORD (sm_company_new ());

  sm_test_set_text (record, "name", "Bits en Bytes BV");
  sm_test_set_text (record, "kvk_number", "12345678");
  return record;
}

static SmRecord *
make_offer (void)
{
  SmRecord *record = SM_RECORD (sm_offer_new ());

  sm_test_set_text (record, "company_id", "1");
  sm_test_set_text (record, "title", "Junior developer");
  sm_test_set_text (record, "levels", "mbo-3,mbo-4");
  sm_test_set_text (record, "start_date", "2025-09-01");
  sm_test_set_text (record, "end_date", "2026-01-31");
  return record;
}

static SmRecord *
make_full_offer (void)
{
  SmRecord *record = SM_RECORD (sm_offer_new ());

  sm_test_set_text (record, "company_id", "7");
  sm_test_set_text (record, "title", "Junior developer");
  sm_test_set_text (record, "description", "Work on our web shop.\nWith a team, of four.");
  sm_test_set_text (record, "sector", "ict");
  sm_test_set_text (record, "levels", "mbo-3,mbo-4");
  sm_test_set_text (record, "pathways", "bbl");
  sm_test_set_text (record, "programmes", "25604,25187");
  sm_test_set_text (record, "postcode", "3511 ce");
  sm_test_set_text (record, "start_date", "01-09-2025");
  sm_test_set_text (record, "end_date", "2026-01-31");
  sm_test_set_text (record, "required_weeks", "20");
  sm_test_set_text (record, "hours_per_week", "36");
  sm_test_set_text (record, "places", "3");
  sm_test_set_text (record, "requires_driving_licence", "yes");
  sm_test_set_text (record, "requires_vog", "yes");
  sm_test_set_text (record, "requirements", "Safety shoes,Own laptop");
  sm_test_set_text (record, "status", "draft");
  sm_test_set_text (record, "selection_mode", "open");
  sm_test_set_text (record, "skills", "Python,teamwork");
  sm_test_set_text (record, "proxy_confirmed", "yes");
  return record;
}

static SmRecord *
make_placement (void)
{
  SmRecord *record = SM_RECORD (sm_placement_new ());

  sm_test_set_text (record, "student_id", "1");
  sm_test_set_text (record, "offer_id", "1");
  return record;
}

static SmRecord *
make_decision (void)
{
  SmRecord *record = SM_RECORD (sm_decision_new ());

  sm_test_set_text (record, "offer_id", "1");
  sm_test_set_text (record, "student_id", "1");
  sm_test_set_text (record, "candidate_code", "K-0001");
  sm_test_set_text (record, "kind", "invite");
  sm_test_set_text (record, "decided_by", "J. de Vries");
  return record;
}

typedef SmRecord *(*MakeFunc) (void);

typedef struct
{
  const char *name;
  MakeFunc    make;
  /* The required fields that can be left empty, with their labels. */
  const char *required[6][2];
} RecordType;

static const RecordType record_types[] = {
  { "student", make_student,
    { { "student_number", "Student number" }, { "given_name", "Given name" },
      { "family_name", "Family name" } } },
  { "programme", make_programme,
    { { "code", "Code" }, { "name", "Name" } } },
  { "company", make_company,
    { { "name", "Company name" }, { "kvk_number", "KvK number" } } },
  { "offer", make_offer,
    { { "company_id", "Company" }, { "title", "Title" }, { "levels", "Accepted levels" },
      { "start_date", "Start date" }, { "end_date", "End date" } } },
  { "placement", make_placement,
    { { "student_id", "Student" }, { "offer_id", "Offer" } } },
  { "decision", make_decision,
    { { "offer_id", "Offer" }, { "student_id", "Student" }, { "candidate_code", "Candidate code" },
      { "decided_by", "Decided by" } } },
};

/* Assertions */

static void
assert_valid (SmRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!sm_record_validate (record, &error))
    g_error ("A valid %s was refused: %s", G_OBJECT_TYPE_NAME (record), error->message);
}

/* The record is refused with @code and a message that starts with the
 * label of the field at fault, so an editor can put it beside the field. */
static void
assert_invalid (SmRecord   *record,
                int         code,
                const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: ", label);

  if (sm_record_validate (record, &error))
    g_error ("An invalid %s was accepted (expected an error on “%s”)", G_OBJECT_TYPE_NAME (record), label);
  g_assert_error (error, SM_RECORD_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  /* More than the label alone. */
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 3);
}

/* @quote: what the message must quote, or %NULL; @field_rule: whether the
 * field's own check finds it, or only the rules of the record as a whole */
static void
check_invalid_value (MakeFunc    make,
                     const char *name,
                     const char *text,
                     const char *label,
                     const char *quote,
                     gboolean    field_rule)
{
  g_autoptr(SmRecord) record = make ();
  g_autoptr(GError) error = NULL;
  int index = sm_record_class_find_field (SM_RECORD_GET_CLASS (record), name);

  g_assert_cmpint (index, >=, 0);
  sm_test_set_text (record, name, text);
  assert_invalid (record, SM_RECORD_ERROR_INVALID, label);

  g_assert_false (sm_record_validate (record, &error));
  if (quote != NULL && strstr (error->message, quote) == NULL)
    g_error ("“%s” does not quote “%s”", error->message, quote);
  g_clear_error (&error);

  /* The field's own check says the same. */
  if (field_rule)
    {
      g_assert_false (sm_record_validate_field (record, index, &error));
      g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, label));
    }
  else
    g_assert_true (sm_record_validate_field (record, index, NULL));
}

static void
assert_invalid_value (MakeFunc    make,
                      const char *name,
                      const char *text,
                      const char *label,
                      const char *quote)
{
  check_invalid_value (make, name, text, label, quote, TRUE);
}

static void
clear_field (SmRecord *record,
             guint     index)
{
  const SmField *field = &sm_record_class_get_fields (SM_RECORD_GET_CLASS (record), NULL)[index];

  switch (field->kind)
    {
    case SM_FIELD_STRING:
    case SM_FIELD_TEXT:
    case SM_FIELD_DATE:
      sm_record_set_string (record, index, NULL);
      break;
    case SM_FIELD_INT:
    case SM_FIELD_REF:
    case SM_FIELD_FLAGS:
      sm_record_set_int (record, index, 0);
      break;
    case SM_FIELD_STRV:
      sm_record_set_strv (record, index, NULL);
      break;
    case SM_FIELD_BOOLEAN:
    case SM_FIELD_ENUM:
    default:
      g_assert_not_reached ();
    }
}

static void
assert_same_fields (SmRecord *a,
                    SmRecord *b)
{
  guint n_fields;
  const SmField *fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (a), &n_fields);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text_a = sm_record_dup_text (a, i);
      g_autofree char *text_b = sm_record_dup_text (b, i);

      if (g_strcmp0 (text_a, text_b) != 0)
        g_error ("%s differs: “%s” and “%s”", fields[i].name, text_a, text_b);
      if (fields[i].kind == SM_FIELD_STRV)
        g_assert_true (g_strv_equal ((const char * const *) sm_record_get_strv (a, i),
                                     (const char * const *) sm_record_get_strv (b, i)));
    }
}

/* Valid examples and missing fields */

static void
test_valid_examples (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (record_types); t++)
    {
      g_autoptr(SmRecord) record = record_types[t].make ();
      guint n_fields;

      assert_valid (record);
      sm_record_class_get_fields (SM_RECORD_GET_CLASS (record), &n_fields);
      for (guint i = 0; i < n_fields; i++)
        g_assert_true (sm_record_validate_field (record, i, NULL));
    }

  {
    g_autoptr(SmRecord) student = make_full_student ();
    g_autoptr(SmRecord) offer = make_full_offer ();

    assert_valid (student);
    assert_valid (offer);
  }
}

static void
test_required (gconstpointer data)
{
  const RecordType *type = data;
  g_autoptr(SmRecord) example = type->make ();
  guint n_fields, n_tested = 0, n_listed = 0;
  const SmField *fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (example), &n_fields);

  while (n_listed < G_N_ELEMENTS (type->required) && type->required[n_listed][0] != NULL)
    n_listed++;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *label = NULL;
      g_autoptr(SmRecord) record = NULL;
      g_autoptr(GError) error = NULL;

      if (!(fields[i].flags & SM_FIELD_REQUIRED) ||
          fields[i].kind == SM_FIELD_ENUM || fields[i].kind == SM_FIELD_BOOLEAN)
        continue;

      for (guint j = 0; j < n_listed; j++)
        if (g_str_equal (type->required[j][0], fields[i].name))
          label = type->required[j][1];
      if (label == NULL)
        g_error ("%s: %s is required, but should not be", type->name, fields[i].name);

      record = sm_record_dup (example);
      clear_field (record, i);
      assert_invalid (record, SM_RECORD_ERROR_REQUIRED, label);

      g_assert_false (sm_record_validate_field (record, i, &error));
      g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_REQUIRED);
      g_assert_true (g_str_has_prefix (error->message, label));

      /* Text of nothing but spaces is as good as nothing. */
      if (fields[i].kind == SM_FIELD_STRING || fields[i].kind == SM_FIELD_DATE)
        {
          g_autoptr(SmRecord) spaces = sm_record_dup (example);

          sm_record_set_string (spaces, i, "   ");
          g_assert_null (sm_record_get_string (spaces, i));
          assert_invalid (spaces, SM_RECORD_ERROR_REQUIRED, label);
        }

      n_tested++;
    }

  g_assert_cmpuint (n_tested, ==, n_listed);
}

/* Invalid values */

static void
test_invalid_student (void)
{
  g_autofree char *long_name = g_strnfill (81, 'a');

  assert_invalid_value (make_student, "student_number", "12 34", "Student number", "12 34");
  assert_invalid_value (make_student, "given_name", "Fa\ntima", "Given name", NULL);
  assert_invalid_value (make_student, "family_name", long_name, "Family name", "80");
  assert_invalid_value (make_student, "email", "fatima.example.nl", "E-mail", "fatima.example.nl");
  assert_invalid_value (make_student, "phone", "12345", "Phone", "12345");
  assert_invalid_value (make_student, "postcode", "12AB", "Postcode", "12AB");
  assert_invalid_value (make_student, "postcode", "1234 SA", "Postcode", "1234 SA");
  assert_invalid_value (make_student, "programme", "software developer", "Programme", "software developer");
  assert_invalid_value (make_student, "hours_per_week", "61", "Hours per week", "61");
  assert_invalid_value (make_student, "hours_per_week", "-1", "Hours per week", "-1");
  assert_invalid_value (make_student, "max_travel_km", "301", "Maximum travel distance (km)", "301");
  assert_invalid_value (make_student, "sector_interests", "ict,cooking", "Sector interests", "cooking");
}

static void
test_invalid_others (void)
{
  g_autoptr(SmRecord) skills = make_student ();
  const char * const comma[] = { "Python", "SQL, Excel", NULL };

  /* An mbo programme is known by its crebo code. */
  check_invalid_value (make_programme, "code", "abc", "Code", "abc", FALSE);
  check_invalid_value (make_programme, "code", "2560", "Code", "2560", FALSE);
  assert_invalid_value (make_programme, "code", "zorg en welzijn", "Code", "zorg en welzijn");
  assert_invalid_value (make_company, "kvk_number", "1234567", "KvK number", "1234567");
  assert_invalid_value (make_company, "postcode", "0123 AB", "Postcode", "0123 AB");
  assert_invalid_value (make_company, "contact_email", "info@bedrijf", "Contact e-mail", "info@bedrijf");
  assert_invalid_value (make_company, "contact_phone", "030-12345", "Contact phone", "030-12345");
  assert_invalid_value (make_offer, "places", "0", "Places", "0");
  assert_invalid_value (make_offer, "hours_per_week", "2", "Hours per week", "2");
  assert_invalid_value (make_offer, "required_weeks", "0", "Required weeks", "0");
  assert_invalid_value (make_offer, "postcode", "12345", "Location postcode", "12345");
  assert_invalid_value (make_offer, "programmes", "25604,not a key", "Crebo codes or programmes", "not a key");
  assert_invalid_value (make_decision, "reason", "Not OK!", "Reason", "Not OK!");
  assert_invalid_value (make_placement, "company_mentor", "Jan\nJansen", "Company mentor", NULL);

  /* A list item with a comma could not be read back from text. */
  sm_record_set_strv (skills, SM_STUDENT_FIELD_SKILLS, comma);
  assert_invalid (skills, SM_RECORD_ERROR_INVALID, "Skills");

  /* An invalid programme code for a vmbo profiel is still a bad key,
   * while a key that is not a crebo code is fine there. */
  {
    g_autoptr(SmProgramme) vmbo = sm_programme_new ("zorg-en-welzijn", "Zorg en welzijn",
                                                    SM_EDUCATION_VMBO, SM_SECTOR_CARE);
    assert_valid (SM_RECORD (vmbo));
  }
}

/* Rules that join fields */

static void
test_cross_student (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *yesterday_text = g_date_time_format (yesterday, "%Y-%m-%d");
  SmRecord *record;

  /* mbo without a pathway */
  record = make_student ();
  sm_test_set_text (record, "level", "mbo-3");
  sm_test_set_text (record, "pathway", "none");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Pathway");
  sm_test_set_text (record, "pathway", "bbl");
  assert_valid (record);
  g_object_unref (record);

  /* vmbo and hbo with a pathway */
  record = make_student ();
  sm_test_set_text (record, "level", "vmbo-kb");
  sm_test_set_text (record, "pathway", "bol");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Pathway");
  sm_test_set_text (record, "pathway", "none");
  assert_valid (record);
  sm_test_set_text (record, "level", "hbo-ad");
  sm_test_set_text (record, "pathway", "bbl");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Pathway");
  g_object_unref (record);

  /* Available until before available from; the same day is fine. */
  record = make_student ();
  sm_test_set_text (record, "available_from", "2025-09-01");
  sm_test_set_text (record, "available_until", "31-08-2025");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Available until");
  sm_test_set_text (record, "available_until", "01-09-2025");
  assert_valid (record);
  /* Dates compare as dates, not as the text that was typed. */
  sm_test_set_text (record, "available_from", "02-09-2025");
  sm_test_set_text (record, "available_until", "10-10-2025");
  assert_valid (record);
  g_object_unref (record);

  /* Date of birth in the future, or today */
  record = make_student ();
  sm_test_set_text (record, "date_of_birth", tomorrow_text);
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Date of birth");
  sm_test_set_text (record, "date_of_birth", today_text);
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Date of birth");
  sm_test_set_text (record, "date_of_birth", yesterday_text);
  assert_valid (record);
  g_object_unref (record);
}

static void
test_cross_offer (void)
{
  SmRecord *record;

  record = make_offer ();
  sm_test_set_text (record, "start_date", "2026-02-01");
  sm_test_set_text (record, "end_date", "2026-01-31");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "End date");
  g_object_unref (record);

  /* 1 September to 9 November is 70 days: ten weeks fit, eleven do not. */
  record = make_offer ();
  sm_test_set_text (record, "start_date", "2025-09-01");
  sm_test_set_text (record, "end_date", "2025-11-09");
  sm_test_set_text (record, "required_weeks", "10");
  assert_valid (record);
  sm_test_set_text (record, "required_weeks", "11");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Required weeks");
  sm_test_set_text (record, "end_date", "16-11-2025");
  assert_valid (record);
  g_object_unref (record);

  /* Day-first dates are stored as ISO dates, so they compare correctly:
   * 31-01-2026 is after 01-09-2025. */
  record = make_offer ();
  sm_test_set_text (record, "start_date", "01-09-2025");
  sm_test_set_text (record, "end_date", "31-01-2026");
  assert_valid (record);
  g_object_unref (record);
}

static void
test_cross_placement (void)
{
  g_autoptr(SmRecord) record = make_placement ();

  sm_test_set_text (record, "status", "started");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Status");
  sm_test_set_text (record, "status", "completed");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Status");
  sm_test_set_text (record, "agreement_signed", "yes");
  assert_valid (record);
  sm_test_set_text (record, "status", "started");
  assert_valid (record);

  sm_test_set_text (record, "agreement_signed", "no");
  sm_test_set_text (record, "status", "confirmed");
  assert_valid (record);

  sm_test_set_text (record, "start_date", "2025-09-01");
  sm_test_set_text (record, "end_date", "2025-08-01");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "End date");
}

static void
test_cross_decision (void)
{
  g_autoptr(SmRecord) record = make_decision ();

  sm_test_set_text (record, "kind", "reject");
  assert_invalid (record, SM_RECORD_ERROR_REQUIRED, "Reason");
  sm_test_set_text (record, "reason", "  ");
  assert_invalid (record, SM_RECORD_ERROR_REQUIRED, "Reason");
  sm_test_set_text (record, "reason", "Not-Available");
  g_assert_cmpstr (sm_record_get_string (record, SM_DECISION_FIELD_REASON), ==, "not-available");
  assert_valid (record);

  /* Other decisions need no reason. */
  sm_test_set_text (record, "reason", "");
  for (guint kind = SM_DECISION_INVITE; kind <= SM_DECISION_DECLINED; kind++)
    {
      if (kind == SM_DECISION_REJECT)
        continue;
      sm_record_set_int (record, SM_DECISION_FIELD_KIND, kind);
      assert_valid (record);
    }
}

/* Notification */

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(SmRecord) record = make_student ();
  guint n_postcode = 0, n_any = 0;
  g_autofree char *value = NULL;

  g_signal_connect (record, "notify::postcode", G_CALLBACK (count_cb), &n_postcode);
  g_signal_connect (record, "notify", G_CALLBACK (count_cb), &n_any);

  sm_record_set_string (record, SM_STUDENT_FIELD_POSTCODE, "1234ab");
  g_assert_cmpstr (sm_student_get_postcode (SM_STUDENT (record)), ==, "1234 AB");
  g_assert_cmpuint (n_postcode, ==, 1);

  /* The same postcode, written differently, is no change. */
  sm_record_set_string (record, SM_STUDENT_FIELD_POSTCODE, "1234 AB");
  sm_record_set_string (record, SM_STUDENT_FIELD_POSTCODE, " 1234 ab ");
  g_object_set (record, "postcode", "1234AB", NULL);
  sm_test_set_text (record, "postcode", "1234 AB");
  g_assert_cmpuint (n_postcode, ==, 1);

  g_object_get (record, "postcode", &value, NULL);
  g_assert_cmpstr (value, ==, "1234 AB");

  sm_record_set_string (record, SM_STUDENT_FIELD_POSTCODE, "5678 CD");
  g_assert_cmpuint (n_postcode, ==, 2);
  sm_record_set_string (record, SM_STUDENT_FIELD_POSTCODE, NULL);
  sm_record_set_string (record, SM_STUDENT_FIELD_POSTCODE, "");
  g_assert_cmpuint (n_postcode, ==, 3);
  g_assert_cmpuint (n_any, ==, 3);

  /* Other kinds of field, too. */
  n_any = 0;
  sm_record_set_int (record, SM_STUDENT_FIELD_HOURS_PER_WEEK, 32);
  g_object_set (record, "hours-per-week", (gint64) 32, NULL);
  sm_test_set_text (record, "level", "mbo-4");
  sm_test_set_text (record, "skills", "");
  sm_test_set_text (record, "driving_licence", "no");
  g_assert_cmpuint (n_any, ==, 0);
  sm_test_set_text (record, "skills", "Python, SQL");
  sm_test_set_text (record, "skills", "Python,SQL");
  g_assert_cmpuint (n_any, ==, 1);
  sm_record_set_id (record, 0);
  g_assert_cmpuint (n_any, ==, 1);
  sm_record_set_id (record, 5);
  g_assert_cmpuint (n_any, ==, 2);
}

/* Text input */

static void
assert_text_error (SmRecord   *record,
                   const char *name,
                   const char *text,
                   const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: ", label);
  int index = sm_record_class_find_field (SM_RECORD_GET_CLASS (record), name);
  g_autofree char *before = sm_record_dup_text (record, index);
  g_autofree char *after = NULL;

  if (sm_record_set_from_text (record, name, text, &error))
    g_error ("%s: “%s” was accepted", name, text);
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, text) == NULL)
    g_error ("“%s” does not start with “%s” and quote “%s”", error->message, prefix, text);

  /* A refused value leaves the field as it was. */
  after = sm_record_dup_text (record, index);
  g_assert_cmpstr (before, ==, after);
}

static void
test_text_string (void)
{
  g_autoptr(SmRecord) record = make_student ();

  sm_test_set_text (record, "given_name", "  Fatima  ");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_GIVEN_NAME), ==, "Fatima");
  sm_test_set_text (record, "name_prefix", "");
  g_assert_null (sm_record_get_string (record, SM_STUDENT_FIELD_NAME_PREFIX));
  /* Hyphens and capitals in the name, as on a command line. */
  sm_test_set_text (record, "Family-Name", "El Amrani");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_FAMILY_NAME), ==, "El Amrani");

  /* Normalised when valid; kept as typed, for validation to quote, when
   * not. */
  sm_test_set_text (record, "postcode", " 1234ab ");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_POSTCODE), ==, "1234 AB");
  sm_test_set_text (record, "postcode", "12AB");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_POSTCODE), ==, "12AB");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Postcode");

  sm_test_set_text (record, "email", "Fatima@Example.NL");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_EMAIL), ==, "Fatima@example.nl");
  sm_test_set_text (record, "programme", "Zorg-En-Welzijn");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_PROGRAMME), ==, "zorg-en-welzijn");

  /* Free text keeps its lines. */
  sm_test_set_text (record, "motivation", "First line.\nSecond line.");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_MOTIVATION), ==, "First line.\nSecond line.");
  sm_test_set_text (record, "motivation", "");
  g_assert_null (sm_record_get_string (record, SM_STUDENT_FIELD_MOTIVATION));
}

static void
test_text_int (void)
{
  g_autoptr(SmRecord) record = make_student ();
  g_autoptr(SmRecord) offer = make_offer ();

  sm_test_set_text (record, "hours_per_week", " 24 ");
  g_assert_cmpint (sm_record_get_int (record, SM_STUDENT_FIELD_HOURS_PER_WEEK), ==, 24);
  assert_text_error (record, "hours_per_week", "abc", "Hours per week");
  assert_text_error (record, "hours_per_week", "12.5", "Hours per week");
  assert_text_error (record, "hours_per_week", "", "Hours per week");
  assert_text_error (record, "max_travel_km", "10km", "Maximum travel distance (km)");
  g_assert_cmpint (sm_record_get_int (record, SM_STUDENT_FIELD_HOURS_PER_WEEK), ==, 24);

  /* Read, then refused by validation: the range is the field's. */
  sm_test_set_text (record, "hours_per_week", "99");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Hours per week");

  /* References are numbers, too. */
  sm_test_set_text (offer, "company_id", "12");
  g_assert_cmpint (sm_offer_get_company_id (SM_OFFER (offer)), ==, 12);
  assert_text_error (offer, "company_id", "twelve", "Company");
}

static void
test_text_boolean (void)
{
  static const struct { const char *text; gboolean value; } cases[] = {
    { "yes", TRUE }, { "no", FALSE }, { "ja", TRUE }, { "nee", FALSE },
    { "YES", TRUE }, { " Nee ", FALSE }, { "true", TRUE }, { "false", FALSE },
    { "1", TRUE }, { "0", FALSE }, { "Ja", TRUE }, { "NO", FALSE },
  };
  g_autoptr(SmRecord) record = make_student ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      sm_test_set_text (record, "driving_licence", cases[i].text);
      if (sm_record_get_int (record, SM_STUDENT_FIELD_DRIVING_LICENCE) != cases[i].value)
        g_error ("“%s” was not read as %s", cases[i].text, cases[i].value ? "yes" : "no");
    }

  assert_text_error (record, "driving_licence", "misschien", "Driving licence");
  assert_text_error (record, "vog", "2", "Certificate of conduct (VOG)");
}

static void
assert_lists_all_nicks (const char *message,
                        GType       type)
{
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        if (strstr (message, klass->values[i].value_nick) == NULL)
          g_error ("“%s” does not list “%s”", message, klass->values[i].value_nick);
    }
  else
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        if (strstr (message, klass->values[i].value_nick) == NULL)
          g_error ("“%s” does not list “%s”", message, klass->values[i].value_nick);
    }
}

static void
test_text_enum (void)
{
  g_autoptr(SmRecord) record = make_student ();
  g_autoptr(SmRecord) offer = make_offer ();
  g_autoptr(GError) error = NULL;

  sm_test_set_text (record, "level", "mbo-3");
  g_assert_cmpint (sm_student_get_level (SM_STUDENT (record)), ==, SM_LEVEL_MBO_3);
  sm_test_set_text (record, "level", " VMBO-KB ");
  g_assert_cmpint (sm_student_get_level (SM_STUDENT (record)), ==, SM_LEVEL_VMBO_KB);
  sm_test_set_text (record, "pathway", "none");
  g_assert_cmpint (sm_student_get_pathway (SM_STUDENT (record)), ==, SM_PATHWAY_NONE);

  assert_text_error (record, "level", "mbo-9", "Level");
  g_assert_false (sm_record_set_from_text (record, "level", "mbo-9", &error));
  assert_lists_all_nicks (error->message, SM_TYPE_LEVEL);
  g_clear_error (&error);
  /* A display name is not a key. */
  assert_text_error (record, "level", "mbo level 3", "Level");

  sm_test_set_text (offer, "status", "closed");
  g_assert_cmpint (sm_record_get_int (offer, SM_OFFER_FIELD_STATUS), ==, SM_OFFER_STATUS_CLOSED);
  sm_test_set_text (offer, "sector", "hospitality");
  g_assert_cmpint (sm_record_get_int (offer, SM_OFFER_FIELD_SECTOR), ==, SM_SECTOR_HOSPITALITY);
  g_assert_false (sm_record_set_from_text (offer, "selection_mode", "blind", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Selection: "));
  assert_lists_all_nicks (error->message, sm_selection_mode_get_type ());
}

static void
test_text_flags (void)
{
  g_autoptr(SmRecord) offer = make_offer ();
  g_autoptr(GError) error = NULL;

  sm_test_set_text (offer, "levels", "mbo-3,mbo-4");
  g_assert_cmpuint (sm_offer_get_levels (SM_OFFER (offer)), ==, SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4);
  sm_test_set_text (offer, "levels", " VMBO-BB , hbo-bachelor,");
  g_assert_cmpuint (sm_offer_get_levels (SM_OFFER (offer)), ==, SM_LEVEL_FLAG_VMBO_BB | SM_LEVEL_FLAG_HBO_BACHELOR);
  sm_test_set_text (offer, "pathways", "bbl");
  g_assert_cmpuint (sm_record_get_int (offer, SM_OFFER_FIELD_PATHWAYS), ==, SM_PATHWAY_FLAG_BBL);
  sm_test_set_text (offer, "pathways", "");
  g_assert_cmpuint (sm_record_get_int (offer, SM_OFFER_FIELD_PATHWAYS), ==, 0);

  g_assert_false (sm_record_set_from_text (offer, "levels", "mbo-3,bogus", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Accepted levels: "));
  g_assert_nonnull (strstr (error->message, "bogus"));
  assert_lists_all_nicks (error->message, SM_TYPE_LEVEL_FLAGS);
  g_assert_cmpuint (sm_offer_get_levels (SM_OFFER (offer)), ==, SM_LEVEL_FLAG_VMBO_BB | SM_LEVEL_FLAG_HBO_BACHELOR);

  sm_test_set_text (offer, "levels", "");
  assert_invalid (offer, SM_RECORD_ERROR_REQUIRED, "Accepted levels");
}

static void
test_text_strv (void)
{
  g_autoptr(SmRecord) record = make_student ();
  const char * const expected[] = { "a", "b", "c", NULL };
  const char * const sectors[] = { "ict", "care", NULL };

  sm_test_set_text (record, "skills", "a, b,,c");
  g_assert_cmpstrv (sm_record_get_strv (record, SM_STUDENT_FIELD_SKILLS), expected);
  sm_test_set_text (record, "skills", " , ");
  g_assert_cmpuint (g_strv_length ((char **) sm_record_get_strv (record, SM_STUDENT_FIELD_SKILLS)), ==, 0);

  /* Items are normalised by the field's check. */
  sm_test_set_text (record, "sector_interests", "ICT, Care");
  g_assert_cmpstrv (sm_record_get_strv (record, SM_STUDENT_FIELD_SECTOR_INTERESTS), sectors);
}

static void
test_text_date (void)
{
  g_autoptr(SmRecord) record = make_student ();

  sm_test_set_text (record, "available_from", "01-09-2025");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_AVAILABLE_FROM), ==, "2025-09-01");
  sm_test_set_text (record, "available_from", " 31/12/2025 ");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_AVAILABLE_FROM), ==, "2025-12-31");
  assert_text_error (record, "available_from", "2025-02-30", "Available from");
  assert_text_error (record, "available_from", "tomorrow", "Available from");
  assert_text_error (record, "date_of_birth", "1-2-3", "Date of birth");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_AVAILABLE_FROM), ==, "2025-12-31");
  sm_test_set_text (record, "available_from", "");
  g_assert_null (sm_record_get_string (record, SM_STUDENT_FIELD_AVAILABLE_FROM));

  /* Set directly, a date is normalised too. */
  sm_record_set_string (record, SM_STUDENT_FIELD_AVAILABLE_UNTIL, "1.2.2026");
  g_assert_cmpstr (sm_record_get_string (record, SM_STUDENT_FIELD_AVAILABLE_UNTIL), ==, "2026-02-01");
  sm_record_set_string (record, SM_STUDENT_FIELD_AVAILABLE_UNTIL, "2026-02-30");
  assert_invalid (record, SM_RECORD_ERROR_INVALID, "Available until");
}

static void
test_text_unknown_field (void)
{
  g_autoptr(SmRecord) record = make_student ();
  g_autoptr(GError) error = NULL;

  g_assert_false (sm_record_set_from_text (record, "shoe_size", "44", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_UNKNOWN_FIELD);
  g_assert_nonnull (strstr (error->message, "shoe_size"));
  g_clear_error (&error);

  /* "id" is not a field that text may set. */
  g_assert_false (sm_record_set_from_text (record, "id", "4", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_UNKNOWN_FIELD);
  g_assert_cmpint (sm_record_get_id (record), ==, 0);

  g_assert_cmpint (sm_record_class_find_field (SM_RECORD_GET_CLASS (record), "shoe_size"), ==, -1);
  g_assert_cmpint (sm_record_class_find_field (SM_RECORD_GET_CLASS (record), NULL), ==, -1);
  g_assert_cmpint (sm_record_class_find_field (SM_RECORD_GET_CLASS (record), "max-travel-km"), ==,
                   SM_STUDENT_FIELD_MAX_TRAVEL_KM);
}

/* Text output */

static void
test_dup_text_round_trip (gconstpointer data)
{
  MakeFunc make = (MakeFunc) data;
  g_autoptr(SmRecord) full = make ();
  g_autoptr(SmRecord) blank = g_object_new (G_OBJECT_TYPE (full), NULL);
  g_autoptr(SmRecord) copy = g_object_new (G_OBJECT_TYPE (full), NULL);
  guint n_fields;
  const SmField *fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (full), &n_fields);

  assert_valid (full);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = sm_record_dup_text (full, i);
      g_autofree char *blank_text = sm_record_dup_text (blank, i);
      g_autoptr(GError) error = NULL;

      /* The example sets every field, so every kind is tried. */
      g_assert_nonnull (text);
      if (g_strcmp0 (text, blank_text) == 0)
        g_error ("The example leaves %s at its default, “%s”", fields[i].name, text);

      if (!sm_record_set_from_text (copy, fields[i].name, text, &error))
        g_error ("%s: “%s” could not be read back: %s", fields[i].name, text, error->message);
    }

  assert_same_fields (full, copy);
  assert_valid (copy);
}

static void
test_dup_text_values (void)
{
  g_autoptr(SmRecord) student = make_full_student ();
  g_autoptr(SmRecord) offer = make_full_offer ();
  g_autoptr(SmRecord) blank = make_student ();
  g_autofree char *skills = sm_record_dup_text (student, SM_STUDENT_FIELD_SKILLS);
  g_autofree char *level = sm_record_dup_text (student, SM_STUDENT_FIELD_LEVEL);
  g_autofree char *licence = sm_record_dup_text (student, SM_STUDENT_FIELD_DRIVING_LICENCE);
  g_autofree char *birth = sm_record_dup_text (student, SM_STUDENT_FIELD_DATE_OF_BIRTH);
  g_autofree char *hours = sm_record_dup_text (student, SM_STUDENT_FIELD_HOURS_PER_WEEK);
  g_autofree char *levels = sm_record_dup_text (offer, SM_OFFER_FIELD_LEVELS);
  g_autofree char *company = sm_record_dup_text (offer, SM_OFFER_FIELD_COMPANY_ID);
  g_autofree char *prefix = sm_record_dup_text (blank, SM_STUDENT_FIELD_NAME_PREFIX);
  g_autofree char *no_skills = sm_record_dup_text (blank, SM_STUDENT_FIELD_SKILLS);
  g_autofree char *full_name = sm_student_dup_full_name (SM_STUDENT (student));
  g_autofree char *title = sm_record_dup_title (offer);

  g_assert_cmpstr (skills, ==, "Python,SQL");
  g_assert_cmpstr (level, ==, "mbo-3");
  g_assert_cmpstr (licence, ==, "yes");
  g_assert_cmpstr (birth, ==, "2007-03-14");
  g_assert_cmpstr (hours, ==, "24");
  g_assert_cmpstr (levels, ==, "mbo-3,mbo-4");
  g_assert_cmpstr (company, ==, "7");
  g_assert_null (prefix);
  g_assert_cmpstr (no_skills, ==, "");
  g_assert_cmpstr (full_name, ==, "Daan van der Berg");
  g_assert_cmpstr (title, ==, "Junior developer");
}

/* Copies */

static void
test_copy (void)
{
  g_autoptr(SmRecord) full = make_full_student ();
  g_autoptr(SmRecord) dup = NULL;
  g_autoptr(SmRecord) other = NULL;
  guint n_any = 0, n_family_name = 0;

  sm_record_set_id (full, 42);
  dup = sm_record_dup (full);
  g_assert_true (dup != full);
  g_assert_true (SM_IS_STUDENT (dup));
  g_assert_cmpint (sm_record_get_id (dup), ==, 42);
  assert_same_fields (full, dup);

  /* The copy is independent of the original. */
  sm_test_set_text (dup, "family_name", "Jansen");
  sm_test_set_text (dup, "skills", "Excel");
  g_assert_cmpstr (sm_record_get_string (full, SM_STUDENT_FIELD_FAMILY_NAME), ==, "Berg");
  g_assert_cmpstr (sm_record_get_strv (full, SM_STUDENT_FIELD_SKILLS)[0], ==, "Python");

  /* Copying notifies only what differs, once each. */
  other = make_full_student ();
  g_signal_connect (other, "notify", G_CALLBACK (count_cb), &n_any);
  g_signal_connect (other, "notify::family-name", G_CALLBACK (count_cb), &n_family_name);
  sm_record_copy_from (other, dup);
  assert_same_fields (other, dup);
  g_assert_cmpint (sm_record_get_id (other), ==, 42);
  /* id, family-name and skills */
  g_assert_cmpuint (n_any, ==, 3);

  n_any = 0;
  sm_record_copy_from (other, dup);
  g_assert_cmpuint (n_any, ==, 0);

  g_assert_cmpuint (n_family_name, ==, 1);
}

/* Levels and sectors */

static void
test_levels (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  SmLevel level;

  for (guint i = 0; i < SM_N_LEVELS; i++)
    {
      const char *key = sm_level_to_key (i);
      g_autofree char *upper = NULL;

      g_assert_nonnull (key);
      g_assert_true (sm_level_from_key (key, &level));
      g_assert_cmpint (level, ==, i);
      upper = g_ascii_strup (key, -1);
      level = SM_N_LEVELS;
      g_assert_true (sm_level_from_key (upper, &level));
      g_assert_cmpint (level, ==, i);

      g_assert_nonnull (sm_level_get_display_name (i));
      g_assert_nonnull (sm_level_get_short_name (i));
      g_assert_nonnull (sm_level_get_name_for_language (i, "nl"));
      g_assert_nonnull (sm_level_get_name_for_language (i, "en"));
      /* Every level has a name of its own. */
      g_assert_false (g_hash_table_contains (names, sm_level_get_display_name (i)));
      g_hash_table_add (names, (gpointer) sm_level_get_display_name (i));
    }

  g_assert_cmpstr (sm_level_to_key (SM_LEVEL_MBO_3), ==, "mbo-3");
  g_assert_cmpstr (sm_level_to_key (SM_LEVEL_VMBO_KB), ==, "vmbo-kb");
  g_assert_cmpstr (sm_level_to_key (SM_LEVEL_HBO_AD), ==, "hbo-ad");
  g_assert_false (sm_level_from_key ("mbo-5", &level));
  g_assert_false (sm_level_from_key ("", &level));
  g_assert_false (sm_level_from_key (NULL, &level));

  /* English under LANGUAGE=C; Dutch on request, whatever the desktop. */
  g_assert_cmpstr (sm_level_get_display_name (SM_LEVEL_MBO_3), ==, "mbo level 3");
  g_assert_cmpstr (sm_level_get_display_name (SM_LEVEL_MBO_1), ==, "mbo level 1 (Entry)");
  g_assert_cmpstr (sm_level_get_short_name (SM_LEVEL_VMBO_TL), ==, "vmbo TL");
  g_assert_cmpstr (sm_level_get_name_for_language (SM_LEVEL_MBO_3, "nl"), ==, "mbo niveau 3");
  g_assert_cmpstr (sm_level_get_name_for_language (SM_LEVEL_MBO_1, "nl"), ==, "mbo niveau 1 (Entree)");
  g_assert_cmpstr (sm_level_get_name_for_language (SM_LEVEL_VMBO_BB, "nl"), ==,
                   "vmbo basisberoepsgerichte leerweg (BB)");
  g_assert_cmpstr (sm_level_get_name_for_language (SM_LEVEL_MBO_3, "en"), ==, "mbo level 3");

  g_assert_cmpint (sm_level_get_education (SM_LEVEL_VMBO_TL), ==, SM_EDUCATION_VMBO);
  g_assert_cmpint (sm_level_get_education (SM_LEVEL_MBO_1), ==, SM_EDUCATION_MBO);
  g_assert_cmpint (sm_level_get_education (SM_LEVEL_MBO_4), ==, SM_EDUCATION_MBO);
  g_assert_cmpint (sm_level_get_education (SM_LEVEL_HBO_AD), ==, SM_EDUCATION_HBO);

  g_assert_cmpstr (sm_pathway_get_display_name (SM_PATHWAY_BOL), ==, "BOL (school-based)");
  g_assert_cmpstr (sm_pathway_get_display_name (SM_PATHWAY_BBL), ==, "BBL (work-based)");

  /* A level flag is the bit of its level. */
  for (guint i = 0; i < SM_N_LEVELS; i++)
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (SM_TYPE_LEVEL_FLAGS);
      GFlagsValue *value = g_flags_get_value_by_nick (klass, sm_level_to_key (i));

      g_assert_nonnull (value);
      g_assert_cmpuint (value->value, ==, 1u << i);
    }
}

static void
test_sectors (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;
  SmSector sector;

  for (guint i = 0; i < SM_N_SECTORS; i++)
    {
      const char *key = sm_sector_to_key (i);

      g_assert_nonnull (key);
      g_assert_true (sm_sector_from_key (key, &sector));
      g_assert_cmpint (sector, ==, i);
      g_assert_true (sm_sector_validate_key (key, NULL, NULL));
      g_assert_nonnull (sm_sector_get_display_name (i));
      g_assert_nonnull (sm_sector_get_name_for_language (i, "nl"));
      g_assert_false (g_hash_table_contains (names, sm_sector_get_display_name (i)));
      g_hash_table_add (names, (gpointer) sm_sector_get_display_name (i));
    }

  g_assert_cmpstr (sm_sector_to_key (SM_SECTOR_ICT), ==, "ict");
  g_assert_cmpstr (sm_sector_get_display_name (SM_SECTOR_ICT), ==, "ICT and media");
  g_assert_cmpstr (sm_sector_get_display_name (SM_SECTOR_CARE), ==, "Care and welfare");
  g_assert_cmpstr (sm_sector_get_name_for_language (SM_SECTOR_CARE, "nl"), ==, "Zorg en welzijn");
  g_assert_cmpstr (sm_sector_get_name_for_language (SM_SECTOR_GREEN, "nl"), ==, "Groen");
  g_assert_cmpstr (sm_sector_get_name_for_language (SM_SECTOR_GREEN, "en"), ==, "Agriculture and nature");
  g_assert_true (sm_sector_from_key (" Hospitality ", &sector));
  g_assert_cmpint (sector, ==, SM_SECTOR_HOSPITALITY);
  g_assert_false (sm_sector_from_key ("cooking", &sector));
  g_assert_false (sm_sector_from_key (NULL, &sector));

  g_assert_true (sm_sector_validate_key ("ICT", &normalised, NULL));
  g_assert_cmpstr (normalised, ==, "ict");
  g_assert_false (sm_sector_validate_key ("cooking", NULL, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cooking"));
  /* The message that refuses a sector lists every key. */
  for (guint i = 0; i < SM_N_SECTORS; i++)
    if (strstr (error->message, sm_sector_to_key (i)) == NULL)
      g_error ("“%s” does not list “%s”", error->message, sm_sector_to_key (i));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/valid", test_valid_examples);
  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    {
      g_autofree char *path = g_strdup_printf ("/record/required/%s", record_types[i].name);
      g_test_add_data_func (path, &record_types[i], test_required);
    }
  g_test_add_func ("/record/invalid/student", test_invalid_student);
  g_test_add_func ("/record/invalid/others", test_invalid_others);
  g_test_add_func ("/record/cross-field/student", test_cross_student);
  g_test_add_func ("/record/cross-field/offer", test_cross_offer);
  g_test_add_func ("/record/cross-field/placement", test_cross_placement);
  g_test_add_func ("/record/cross-field/decision", test_cross_decision);
  g_test_add_func ("/record/notify", test_notify);
  g_test_add_func ("/record/text/string", test_text_string);
  g_test_add_func ("/record/text/int", test_text_int);
  g_test_add_func ("/record/text/boolean", test_text_boolean);
  g_test_add_func ("/record/text/enum", test_text_enum);
  g_test_add_func ("/record/text/flags", test_text_flags);
  g_test_add_func ("/record/text/strv", test_text_strv);
  g_test_add_func ("/record/text/date", test_text_date);
  g_test_add_func ("/record/text/unknown-field", test_text_unknown_field);
  g_test_add_data_func ("/record/text/round-trip/student", make_full_student, test_dup_text_round_trip);
  g_test_add_data_func ("/record/text/round-trip/offer", make_full_offer, test_dup_text_round_trip);
  g_test_add_func ("/record/text/values", test_dup_text_values);
  g_test_add_func ("/record/copy", test_copy);
  g_test_add_func ("/record/level", test_levels);
  g_test_add_func ("/record/sector", test_sectors);

  return g_test_run ();
}
