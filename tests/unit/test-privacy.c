/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-privacy"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "sm-audit.h"
#include "sm-candidate.h"
#include "sm-company.h"
#include "sm-decision.h"
#include "sm-fairness.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-privacy.h"
#include "sm-programme.h"
#include "sm-review.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-test-util.h"

/* Erasure and access: erasing a student leaves none of their personal
 * data anywhere in the database files, keeps the log chain and the
 * fairness statistics as they were; exporting gives everything about
 * them; both are logged. */

/* The personal data of the student who asks to be erased. Distinctive,
 * so that a match in the file can only be theirs. */
#define NUMBER      "ZQ-48213"
#define GIVEN       "Xandrijntje"
#define PREFIX      "van der"
#define FAMILY      "Quorblatsma"
#define BIRTH       "2006-11-23"
#define EMAIL       "xandrijntje.q@example.nl"
#define PHONE       "0687654321"
#define STREET      "Zonnebloemlaan 77"
#define POSTCODE    "9712 QX"
#define CITY        "Zwartewaalsbroek"
#define MOTIVATION  "Ik ben Xandrijntje en wil graag bij jullie leren, bel 0687654321."
#define CARE        "Heeft een rolstoel; toegang via de zij-ingang nodig."
#define NOTE        "Moeder van Xandrijntje vraagt om begeleiding."
#define DECIDE_NOTE "Xandrijntje Quorblatsma kwam sterk over in het gesprek."
#define CODE_HASH   "pbkdf2$9f8e7d6c5b4a39281706f5e4d3c2b1a0$erasemeplease"

/* Fixture: a school with the student to be erased, another student, and
 * everything that can be stored about a student. */

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *sqlite;
  SmStore       *store;
  SmRecord      *programme;
  SmRecord      *company;
  SmRecord      *offers[2];
  SmRecord      *student;
  SmRecord      *other;
  SmRecord      *candidates[2];
  SmRecord      *placement;
} Fixture;

static SmRecord *
new_student (const char *number,
             const char *given)
{
  SmRecord *record = SM_RECORD (sm_student_new ());

  sm_test_set_text (record, "student_number", number);
  sm_test_set_text (record, "given_name", given);
  sm_test_set_text (record, "family_name", "Jansen");
  sm_test_set_text (record, "level", "mbo-4");
  sm_test_set_text (record, "pathway", "bol");
  sm_test_set_text (record, "programme", "25604");
  sm_test_set_text (record, "class_name", "SD4A");
  sm_test_set_text (record, "skills", "Python, SQL");
  sm_test_set_text (record, "sector_interests", "ict");
  sm_test_set_text (record, "available_from", "2026-09-01");
  sm_test_set_text (record, "available_until", "2027-01-31");
  return record;
}

static SmRecord *
new_decision (Fixture    *fx,
              SmRecord   *offer,
              SmRecord   *student,
              const char *code,
              const char *kind,
              const char *reason,
              const char *note,
              const char *at)
{
  SmRecord *record = SM_RECORD (sm_decision_new ());

  sm_test_set_id (record, "offer_id", offer);
  sm_test_set_id (record, "student_id", student);
  sm_test_set_text (record, "candidate_code", code);
  sm_test_set_text (record, "kind", kind);
  if (reason != NULL)
    sm_test_set_text (record, "reason", reason);
  if (note != NULL)
    sm_test_set_text (record, "note", note);
  sm_test_set_text (record, "decided_by", "Sanne Bakker");
  sm_test_set_text (record, "decided_at", at);
  sm_test_save (fx->store, record);
  return record;
}

static void
add_review (Fixture    *fx,
            SmRecord   *candidate,
            const char *reviewer,
            const char *criterion,
            const char *score)
{
  g_autoptr(SmRecord) review = SM_RECORD (sm_review_new ());

  sm_test_set_id (review, "candidate_id", candidate);
  sm_test_set_text (review, "reviewer", reviewer);
  sm_test_set_text (review, "criterion", criterion);
  sm_test_set_text (review, "score", score);
  sm_test_set_text (review, "reviewed_at", "2024-09-02T09:00:00Z");
  sm_test_save (fx->store, review);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRecord) invite = NULL;
  g_autoptr(SmRecord) reject = NULL;
  g_autoptr(SmRecord) accept = NULL;
  g_autoptr(SmRecord) preference = NULL;
  g_autoptr(SmChangeSet) reveal = sm_change_set_new ();
  const char *codes[] = { "K-7QX4", "K-2MPA" };
  sqlite3 *db;

  fx->dir = sm_test_make_dir ("privacy");
  fx->path = g_build_filename (fx->dir, "stagematch.db", NULL);
  fx->sqlite = sm_test_open_store (fx->path);
  fx->store = SM_STORE (fx->sqlite);

  fx->programme = SM_RECORD (sm_programme_new ("25604", "Software developer", SM_EDUCATION_MBO, SM_SECTOR_ICT));
  sm_test_save (fx->store, fx->programme);
  fx->company = SM_RECORD (sm_company_new ());
  sm_test_set_text (fx->company, "name", "Bits en Bytes BV");
  sm_test_set_text (fx->company, "kvk_number", "12345678");
  sm_test_save (fx->store, fx->company);
  for (guint i = 0; i < G_N_ELEMENTS (fx->offers); i++)
    {
      fx->offers[i] = SM_RECORD (sm_offer_new ());
      sm_test_set_id (fx->offers[i], "company_id", fx->company);
      sm_test_set_text (fx->offers[i], "title", i == 0 ? "Junior developer" : "Tester");
      sm_test_set_text (fx->offers[i], "levels", "mbo-3,mbo-4");
      sm_test_set_text (fx->offers[i], "start_date", "2026-09-01");
      sm_test_set_text (fx->offers[i], "end_date", "2027-01-31");
      sm_test_save (fx->store, fx->offers[i]);
    }

  fx->student = new_student (NUMBER, GIVEN);
  sm_test_set_text (fx->student, "name_prefix", PREFIX);
  sm_test_set_text (fx->student, "family_name", FAMILY);
  sm_test_set_text (fx->student, "date_of_birth", BIRTH);
  sm_test_set_text (fx->student, "email", EMAIL);
  sm_test_set_text (fx->student, "phone", PHONE);
  sm_test_set_text (fx->student, "street", STREET);
  sm_test_set_text (fx->student, "postcode", POSTCODE);
  sm_test_set_text (fx->student, "city", CITY);
  sm_test_set_text (fx->student, "motivation", MOTIVATION);
  sm_test_set_text (fx->student, "accommodations", CARE);
  sm_test_save (fx->store, fx->student);
  fx->other = new_student ("ST-0002", "Daan");
  sm_test_save (fx->store, fx->other);

  /* The personal code's hash is kept outside the record fields. */
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE students SET personal_code_hash = '%s' WHERE id = %"
                                            G_GINT64_FORMAT, CODE_HASH, sm_record_get_id (fx->student));
    sm_test_raw_exec (db, sql);
  }
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (fx->candidates); i++)
    {
      fx->candidates[i] = SM_RECORD (sm_candidate_new ());
      sm_test_set_id (fx->candidates[i], "offer_id", fx->offers[i]);
      sm_test_set_id (fx->candidates[i], "student_id", fx->student);
      sm_test_set_text (fx->candidates[i], "code", codes[i]);
      sm_test_set_text (fx->candidates[i], "added_at", "2024-09-01T08:00:00Z");
      if (i == 0)
        sm_test_set_text (fx->candidates[i], "note", NOTE);
      sm_test_save (fx->store, fx->candidates[i]);
    }

  add_review (fx, fx->candidates[0], "R. Jansen", "motivation", "4");
  add_review (fx, fx->candidates[0], "M. Bakker", "motivation", "5");
  add_review (fx, fx->candidates[1], "R. Jansen", "motivation", "2");

  invite = new_decision (fx, fx->offers[0], fx->student, codes[0], "invite", NULL, NULL, "2024-09-03T10:00:00Z");
  reject = new_decision (fx, fx->offers[1], fx->student, codes[1], "reject", "distance", NULL,
                         "2024-09-04T10:00:00Z");

  {
    SmChangeLog log = { SM_AUDIT_REVEAL, "J. de Vries", .offer = fx->offers[0], .student = fx->student,
                        .candidate = fx->candidates[0], .decision = invite };

    sm_test_set_text (fx->candidates[0], "revealed_at", "2024-09-05T10:00:00Z");
    sm_change_set_save (reveal, fx->candidates[0]);
    sm_change_set_log (reveal, &log);
    g_assert_true (sm_store_apply (fx->store, reveal, &error));
    g_assert_no_error (error);
  }

  accept = new_decision (fx, fx->offers[0], fx->student, codes[0], "accept", NULL, DECIDE_NOTE,
                         "2024-09-15T10:00:00Z");

  fx->placement = SM_RECORD (sm_placement_new ());
  sm_test_set_id (fx->placement, "student_id", fx->student);
  sm_test_set_id (fx->placement, "offer_id", fx->offers[0]);
  sm_test_save (fx->store, fx->placement);
  sm_test_set_text (fx->placement, "status", "confirmed");
  sm_test_save (fx->store, fx->placement);

  preference = SM_RECORD (sm_preference_new (sm_record_get_id (fx->student), sm_record_get_id (fx->offers[1]),
                                             SM_PREFERENCE_SIDE_STUDENT, 1));
  sm_test_save (fx->store, preference);

  /* The other student, whose data stay. */
  {
    g_autoptr(SmRecord) candidate = SM_RECORD (sm_candidate_new ());
    g_autoptr(SmRecord) decision = NULL;

    sm_test_set_id (candidate, "offer_id", fx->offers[0]);
    sm_test_set_id (candidate, "student_id", fx->other);
    sm_test_set_text (candidate, "code", "K-9ZZZ");
    sm_test_set_text (candidate, "note", "Daan fietst graag.");
    sm_test_set_text (candidate, "added_at", "2024-09-01T08:00:00Z");
    sm_test_save (fx->store, candidate);
    decision = new_decision (fx, fx->offers[0], fx->other, "K-9ZZZ", "reject", "position-filled",
                             "Daan mag het volgend jaar weer proberen.", "2024-09-16T10:00:00Z");
  }
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->programme);
  g_clear_object (&fx->company);
  for (guint i = 0; i < G_N_ELEMENTS (fx->offers); i++)
    g_clear_object (&fx->offers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (fx->candidates); i++)
    g_clear_object (&fx->candidates[i]);
  g_clear_object (&fx->student);
  g_clear_object (&fx->other);
  g_clear_object (&fx->placement);
  g_clear_object (&fx->sqlite);

  sm_test_remove_tree (fx->dir);
  g_clear_pointer (&fx->dir, g_free);
  g_clear_pointer (&fx->path, g_free);
}

static SmStudent *
stored_student (Fixture *fx)
{
  return SM_STUDENT (sm_store_lookup (fx->store, SM_TYPE_STUDENT, sm_record_get_id (fx->student)));
}

static void
erase (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_privacy_erase_student (fx->store, stored_student (fx), "J. de Vries", &error));
  g_assert_no_error (error);
}

static guint
count (Fixture *fx,
       GType    type)
{
  return g_list_model_get_n_items (sm_store_list (fx->store, type, NULL));
}

static gint64
verify (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  gint64 first_bad = -1;

  g_assert_true (sm_audit_verify (fx->store, &first_bad, NULL, &error));
  g_assert_no_error (error);
  return first_bad;
}

static GPtrArray *
load_log (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *log = sm_store_load_audit_log (fx->store, &error);

  g_assert_no_error (error);
  return log;
}

/* Every byte of the database and its write-ahead log. */
static GByteArray *
read_files (Fixture *fx)
{
  GByteArray *bytes = g_byte_array_new ();
  const char *suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fx->path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL))
        g_byte_array_append (bytes, (const guint8 *) contents, length);
    }
  return bytes;
}

static gboolean
contains (GByteArray *bytes,
          const char *text)
{
  gsize length = strlen (text);

  for (gsize i = 0; i + length <= bytes->len; i++)
    if (bytes->data[i] == (guint8) text[0] && memcmp (bytes->data + i, text, length) == 0)
      return TRUE;
  return FALSE;
}

static const char *personal_strings[] = {
  NUMBER, GIVEN, FAMILY, BIRTH, EMAIL, PHONE, STREET, POSTCODE, CITY, MOTIVATION, CARE, NOTE, DECIDE_NOTE,
  CODE_HASH, "Zonnebloemlaan", "rolstoel", "Moeder van",
};

/* Erasure */

static void
test_erase_fields (Fixture       *fx,
                   gconstpointer  data)
{
  SmRecord *student;
  g_autofree char *number = g_strdup_printf ("erased-%" G_GINT64_FORMAT, sm_record_get_id (fx->student));
  g_autoptr(GPtrArray) log = NULL;
  const SmAuditEntry *last;
  guint n_fields;
  const SmField *fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (fx->student), &n_fields);
  guint n_placements = count (fx, SM_TYPE_PLACEMENT), n_decisions = count (fx, SM_TYPE_DECISION);
  guint n_candidates = count (fx, SM_TYPE_CANDIDATE), n_reviews = count (fx, SM_TYPE_REVIEW);
  guint n_preferences = count (fx, SM_TYPE_PREFERENCE);
  g_autoptr(SmRecord) before = sm_record_dup (SM_RECORD (stored_student (fx)));
  sqlite3 *db;

  g_assert_false (sm_privacy_student_is_erased (SM_STUDENT (before)));
  erase (fx);
  student = SM_RECORD (stored_student (fx));
  g_assert_true (sm_privacy_student_is_erased (SM_STUDENT (student)));

  /* Names replaced, the number too; every other personal field empty;
   * the rest as it was. */
  g_assert_cmpstr (sm_record_get_string (student, SM_STUDENT_FIELD_GIVEN_NAME), ==, SM_PRIVACY_ERASED_GIVEN_NAME);
  g_assert_cmpstr (sm_record_get_string (student, SM_STUDENT_FIELD_FAMILY_NAME), ==, SM_PRIVACY_ERASED_FAMILY_NAME);
  g_assert_cmpstr (sm_student_get_student_number (SM_STUDENT (student)), ==, number);
  g_assert_true (sm_store_lookup_key (fx->store, SM_TYPE_STUDENT, NUMBER) == NULL);
  g_assert_true (sm_store_lookup_key (fx->store, SM_TYPE_STUDENT, number) == student);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *was = sm_record_dup_text (before, i);
      g_autofree char *is = sm_record_dup_text (student, i);

      if (i == SM_STUDENT_FIELD_GIVEN_NAME || i == SM_STUDENT_FIELD_FAMILY_NAME ||
          i == SM_STUDENT_FIELD_STUDENT_NUMBER)
        continue;
      if (fields[i].flags & SM_FIELD_PERSONAL)
        g_assert_null (is);
      else if (g_strcmp0 (was, is) != 0)
        g_error ("%s changed from “%s” to “%s”", fields[i].name, was, is);
    }

  /* Notes gone; candidacies, decisions, reviews, placements and
   * preferences all still there. */
  g_assert_null (sm_record_get_string (sm_store_lookup (fx->store, SM_TYPE_CANDIDATE,
                                                        sm_record_get_id (fx->candidates[0])),
                                       SM_CANDIDATE_FIELD_NOTE));
  g_assert_cmpuint (count (fx, SM_TYPE_PLACEMENT), ==, n_placements);
  g_assert_cmpuint (count (fx, SM_TYPE_DECISION), ==, n_decisions);
  g_assert_cmpuint (count (fx, SM_TYPE_CANDIDATE), ==, n_candidates);
  g_assert_cmpuint (count (fx, SM_TYPE_REVIEW), ==, n_reviews);
  g_assert_cmpuint (count (fx, SM_TYPE_PREFERENCE), ==, n_preferences);
  for (guint i = 0; i < n_decisions; i++)
    {
      g_autoptr(SmRecord) decision = g_list_model_get_item (sm_store_list (fx->store, SM_TYPE_DECISION, NULL), i);

      if (sm_record_get_int (decision, SM_DECISION_FIELD_STUDENT_ID) == sm_record_get_id (fx->student))
        g_assert_null (sm_record_get_string (decision, SM_DECISION_FIELD_NOTE));
      else
        g_assert_nonnull (sm_record_get_string (decision, SM_DECISION_FIELD_NOTE));
    }

  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM students WHERE personal_code_hash IS NULL "
                                            "AND id = %" G_GINT64_FORMAT, sm_record_get_id (fx->student));
    g_assert_cmpint (sm_test_raw_int (db, sql), ==, 1);
  }
  g_assert_cmpint (sm_test_raw_int (db, "SELECT count(*) FROM decisions WHERE note IS NOT NULL"), ==, 1);
  /* Decisions are still never edited otherwise. */
  g_assert_cmpint (sm_test_raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'decisions_never_updated'"),
                   ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE decisions SET kind = 'accept'", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  /* The erasure is logged, by id only, and the chain holds. */
  log = load_log (fx);
  last = log->pdata[log->len - 1];
  g_assert_cmpstr (last->action, ==, SM_AUDIT_ERASURE);
  g_assert_cmpstr (last->actor, ==, "J. de Vries");
  g_assert_cmpint (last->student_id, ==, sm_record_get_id (fx->student));
  g_assert_cmpstr (last->details, ==, "candidate-notes=1");
  g_assert_cmpint (verify (fx), ==, 0);
}

static void
assert_no_trace (Fixture *fx,
                 gboolean expect_gone)
{
  g_autoptr(GByteArray) bytes = read_files (fx);

  g_assert_cmpuint (bytes->len, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (personal_strings); i++)
    {
      gboolean found = contains (bytes, personal_strings[i]);

      if (expect_gone && found)
        g_error ("“%s” is still in the database files", personal_strings[i]);
      if (!expect_gone && !found)
        g_error ("“%s” is not in the database files before the erasure", personal_strings[i]);
    }
}

/* None of the former personal strings is anywhere in the files: not in
 * the tables, not in free space (secure_delete), not in the write-ahead
 * log (emptied after an erasure), with the store still open and after it
 * is closed. */
static void
test_erase_no_trace (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GByteArray) bytes = NULL;

  assert_no_trace (fx, FALSE);
  erase (fx);
  assert_no_trace (fx, TRUE);

  /* What the other student has is still there. */
  bytes = read_files (fx);
  g_assert_true (contains (bytes, "Daan fietst graag."));
  g_assert_true (contains (bytes, "ST-0002"));

  g_clear_object (&fx->sqlite);
  assert_no_trace (fx, TRUE);
  fx->sqlite = sm_test_open_store (fx->path);
  fx->store = SM_STORE (fx->sqlite);
  g_assert_cmpint (verify (fx), ==, 0);
}

/* The store's connection overwrites deleted content. */
static void
test_secure_delete (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(SmRecord) student = new_student ("ST-0099", "Ploeterwijn");
  g_autoptr(GError) error = NULL;

  sm_test_set_text (student, "motivation", "Vlinderbloemsoep is mijn lievelingseten.");
  g_assert_true (sm_store_save (fx->store, student, &error));
  g_clear_object (&fx->sqlite);
  fx->sqlite = sm_test_open_store (fx->path);
  fx->store = SM_STORE (fx->sqlite);

  student = g_object_ref (sm_store_lookup_key (fx->store, SM_TYPE_STUDENT, "ST-0099"));
  g_assert_true (sm_store_delete (fx->store, student, &error));
  g_assert_no_error (error);
  g_clear_object (&fx->sqlite);

  {
    g_autoptr(GByteArray) bytes = read_files (fx);
    g_assert_false (contains (bytes, "Vlinderbloemsoep"));
    g_assert_false (contains (bytes, "Ploeterwijn"));
  }
  fx->sqlite = sm_sqlite_store_new (fx->path, &error);
  fx->store = SM_STORE (fx->sqlite);
}

static void
test_erase_statistics (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmFairnessReport) before = sm_fairness_report_new (fx->store, &error);
  g_autoptr(SmFairnessReport) after = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;
  const SmFairnessStudent *student;

  g_assert_no_error (error);
  text_before = sm_fairness_report_to_text (before);
  json_before = sm_fairness_report_to_json_data (before);
  student = sm_fairness_report_find_student (before, sm_record_get_id (fx->student));
  g_assert_nonnull (student);
  g_assert_cmpuint (student->n_rejections, ==, 1);
  g_assert_cmpint (student->days_to_placement, ==, 14);

  erase (fx);
  after = sm_fairness_report_new (fx->store, &error);
  g_assert_no_error (error);
  text_after = sm_fairness_report_to_text (after);
  json_after = sm_fairness_report_to_json_data (after);

  g_assert_cmpstr (text_before, ==, text_after);
  g_assert_cmpstr (json_before, ==, json_after);
}

/* Access */

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

static void
test_export (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "export.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log_before = load_log (fx);
  g_autoptr(GPtrArray) log_after = NULL;
  JsonObject *root, *student;
  JsonArray *array;
  const SmAuditEntry *last;
  GStatBuf st;
  gboolean found_code = FALSE;

  g_assert_true (sm_privacy_export_student (fx->store, stored_student (fx), "J. de Vries", path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "stagematch-personal-data");

  student = member_object (root, "student");
  g_assert_cmpint (json_object_get_int_member (student, "id"), ==, sm_record_get_id (fx->student));
  g_assert_cmpstr (json_object_get_string_member (student, "student_number"), ==, NUMBER);
  g_assert_cmpstr (json_object_get_string_member (student, "given_name"), ==, GIVEN);
  g_assert_cmpstr (json_object_get_string_member (student, "family_name"), ==, FAMILY);
  g_assert_cmpstr (json_object_get_string_member (student, "email"), ==, EMAIL);
  g_assert_cmpstr (json_object_get_string_member (student, "motivation"), ==, MOTIVATION);
  g_assert_cmpstr (json_object_get_string_member (student, "accommodations"), ==, CARE);
  g_assert_cmpstr (json_object_get_string_member (student, "date_of_birth"), ==, BIRTH);
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "programme"), "code"), ==, "25604");

  array = json_object_get_array_member (root, "placements");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==,
                   "confirmed");
  g_assert_cmpstr (json_object_get_string_member (member_object (json_array_get_object_element (array, 0), "offer"),
                                                  "company"), ==, "Bits en Bytes BV");

  array = json_object_get_array_member (root, "candidacies");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, i), "code"), "K-7QX4") == 0)
      {
        found_code = TRUE;
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i), "note"), ==, NOTE);
      }
  g_assert_true (found_code);

  array = json_object_get_array_member (root, "decisions");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  array = json_object_get_array_member (root, "reviews");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  array = json_object_get_array_member (root, "preferences");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);

  /* The log entries about them: decisions, the reveal, the placement;
   * none about the other student. */
  array = json_object_get_array_member (root, "log");
  g_assert_cmpuint (json_array_get_length (array), ==, 6);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, i), "student_id"), ==,
                     sm_record_get_id (fx->student));

  /* Nothing of the other student, and not the personal code's hash. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_null (strstr (contents, "ST-0002"));
    g_assert_null (strstr (contents, "Daan"));
    g_assert_null (strstr (contents, CODE_HASH));
  }

  log_after = load_log (fx);
  g_assert_cmpuint (log_after->len, ==, log_before->len + 1);
  last = log_after->pdata[log_after->len - 1];
  g_assert_cmpstr (last->action, ==, SM_AUDIT_EXPORT_PERSONAL);
  g_assert_cmpint (last->student_id, ==, sm_record_get_id (fx->student));
  g_assert_cmpstr (last->actor, ==, "J. de Vries");
  g_assert_cmpint (verify (fx), ==, 0);
}

static void
test_export_bad_path (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "no-such-folder", "export.json", NULL);
  g_autoptr(GPtrArray) log_before = load_log (fx);
  g_autoptr(GPtrArray) log_after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (sm_privacy_export_student (fx->store, stored_student (fx), "J. de Vries", path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  log_after = load_log (fx);
  g_assert_cmpuint (log_after->len, ==, log_before->len);
}

/* The command line */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *
cli_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "cli", "stagematch-cli", NULL);
}

static void
run_cli (Result      *result,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_exit_status (process);
}

#define run(result, ...) G_STMT_START { \
  const char *args_[] = { __VA_ARGS__, NULL }; \
  run_cli (result, args_); \
} G_STMT_END

static void
assert_bad_input (Result *result)
{
  if (result->status != 2 || strchr (result->err, '\n') != result->err + strlen (result->err) - 1)
    g_error ("expected status 2 and one line, got %d: %s", result->status, result->err);
}

static guint
log_length (Fixture *fx)
{
  g_autoptr(GPtrArray) log = load_log (fx);
  return log->len;
}

static void
test_cli (Fixture       *fx,
          gconstpointer  data)
{
  g_autofree char *cli = cli_path ();
  g_autofree char *export = g_build_filename (fx->dir, "ZQ.json", NULL);
  g_autofree char *bad = g_build_filename (fx->dir, "missing", "ZQ.json", NULL);
  g_autofree char *erased = g_strdup_printf ("erased-%" G_GINT64_FORMAT, sm_record_get_id (fx->student));
  guint n_log = log_length (fx);

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("stagematch-cli has not been built");
      return;
    }

  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "export-personal", "NO-SUCH-1", "-o", export);
    assert_bad_input (&result);
  }
  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "erase", "NO-SUCH-1");
    assert_bad_input (&result);
  }
  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "export-personal", NUMBER, "-o", bad);
    assert_bad_input (&result);
  }
  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "export-personal", NUMBER);
    g_assert_cmpint (result.status, ==, 1);
  }
  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "erase");
    g_assert_cmpint (result.status, ==, 1);
  }
  g_assert_cmpuint (log_length (fx), ==, n_log);

  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "export-personal", NUMBER, "-o", export, "--by", "J. de Vries");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_file_test (export, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_cmpuint (log_length (fx), ==, n_log + 1);

  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "erase", NUMBER, "--by", "J. de Vries");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, erased));
  }
  g_assert_cmpuint (log_length (fx), ==, n_log + 2);

  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "erase", NUMBER);
    assert_bad_input (&result);
  }
  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "audit", "verify");
    g_assert_cmpint (result.status, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/privacy/erase/fields", test_erase_fields);
  ADD ("/privacy/erase/no-trace", test_erase_no_trace);
  ADD ("/privacy/erase/secure-delete", test_secure_delete);
  ADD ("/privacy/erase/statistics", test_erase_statistics);
  ADD ("/privacy/export", test_export);
  ADD ("/privacy/export/bad-path", test_export_bad_path);
  ADD ("/privacy/cli", test_cli);

#undef ADD

  return g_test_run ();
}
