/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-audit"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "sm-audit.h"
#include "sm-candidate.h"
#include "sm-company.h"
#include "sm-decision.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-test-util.h"

/* The decision log: what the store appends by itself and on request, in
 * the transaction of the change; the triggers that refuse changes; and
 * that a change of any byte of any entry, or a missing entry, is found
 * and named by sm_audit_verify() and by `stagematch-cli audit verify`. */

/* Fixture */

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *sqlite;
  SmStore       *store;
  SmRecord      *company;
  SmRecord      *offer;
  SmRecord      *students[4];
} Fixture;

static SmRecord *
new_student (const char *number)
{
  SmRecord *record = SM_RECORD (sm_student_new ());

  sm_test_set_text (record, "student_number", number);
  sm_test_set_text (record, "given_name", "Fatima");
  sm_test_set_text (record, "family_name", "Amrani");
  sm_test_set_text (record, "level", "mbo-4");
  sm_test_set_text (record, "pathway", "bol");
  return record;
}

static SmRecord *
new_candidate (SmRecord   *offer,
               SmRecord   *student,
               const char *code)
{
  SmRecord *record = SM_RECORD (sm_candidate_new ());

  sm_test_set_id (record, "offer_id", offer);
  sm_test_set_id (record, "student_id", student);
  sm_test_set_text (record, "code", code);
  sm_test_set_text (record, "added_at", "2026-09-01T10:00:00Z");
  return record;
}

static SmRecord *
new_decision (SmRecord   *offer,
              SmRecord   *student,
              const char *code,
              const char *kind,
              const char *reason)
{
  SmRecord *record = SM_RECORD (sm_decision_new ());

  sm_test_set_id (record, "offer_id", offer);
  sm_test_set_id (record, "student_id", student);
  sm_test_set_text (record, "candidate_code", code);
  sm_test_set_text (record, "kind", kind);
  if (reason != NULL)
    sm_test_set_text (record, "reason", reason);
  sm_test_set_text (record, "decided_by", "Sanne Bakker");
  sm_test_set_text (record, "decided_at", "2026-09-02T10:00:00Z");
  return record;
}

static SmRecord *
new_placement (SmRecord *offer,
               SmRecord *student)
{
  SmRecord *record = SM_RECORD (sm_placement_new ());

  sm_test_set_id (record, "student_id", student);
  sm_test_set_id (record, "offer_id", offer);
  return record;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = sm_test_make_dir ("audit");
  fx->path = g_build_filename (fx->dir, "stagematch.db", NULL);
  fx->sqlite = sm_test_open_store (fx->path);
  fx->store = SM_STORE (fx->sqlite);

  fx->company = SM_RECORD (sm_company_new ());
  sm_test_set_text (fx->company, "name", "Bits en Bytes BV");
  sm_test_set_text (fx->company, "kvk_number", "12345678");
  sm_test_save (fx->store, fx->company);

  fx->offer = SM_RECORD (sm_offer_new ());
  sm_test_set_id (fx->offer, "company_id", fx->company);
  sm_test_set_text (fx->offer, "title", "Junior developer");
  sm_test_set_text (fx->offer, "levels", "mbo-3,mbo-4");
  sm_test_set_text (fx->offer, "start_date", "2026-09-01");
  sm_test_set_text (fx->offer, "end_date", "2027-01-31");
  sm_test_save (fx->store, fx->offer);

  for (guint i = 0; i < G_N_ELEMENTS (fx->students); i++)
    {
      g_autofree char *number = g_strdup_printf ("ST-%03u", i + 1);

      fx->students[i] = new_student (number);
      sm_test_save (fx->store, fx->students[i]);
    }
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->company);
  g_clear_object (&fx->offer);
  for (guint i = 0; i < G_N_ELEMENTS (fx->students); i++)
    g_clear_object (&fx->students[i]);
  g_clear_object (&fx->sqlite);

  sm_test_remove_tree (fx->dir);
  g_clear_pointer (&fx->dir, g_free);
  g_clear_pointer (&fx->path, g_free);
}

static GPtrArray *
load_log (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *log = sm_store_load_audit_log (fx->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (log);
  return log;
}

static gint64
verify (Fixture  *fx,
        guint64  *n_entries)
{
  g_autoptr(GError) error = NULL;
  gint64 first_bad = -1;

  g_assert_true (sm_audit_verify (fx->store, &first_bad, n_entries, &error));
  g_assert_no_error (error);
  return first_bad;
}

static void
assert_entry (const SmAuditEntry *entry,
              const char         *action,
              const char         *actor,
              const char         *details)
{
  g_assert_cmpstr (entry->action, ==, action);
  g_assert_cmpstr (entry->actor, ==, actor);
  g_assert_cmpstr (entry->details, ==, details);
  g_assert_nonnull (entry->at);
  g_assert_true (g_str_has_suffix (entry->at, "Z"));
  g_assert_cmpuint (strlen (entry->hash), ==, 64);
}

/* Fills the log with about twenty entries of every kind: decisions and
 * their corrections, placements added, changing status and deleted, and
 * entries written on request (a reveal, an export). */
static void
make_log (Fixture *fx)
{
  g_autoptr(SmRecord) placement = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fx->students); i++)
    {
      g_autoptr(SmChangeSet) changes = sm_change_set_new ();
      g_autofree char *code = g_strdup_printf ("K-%04u", i + 1);
      g_autoptr(SmRecord) candidate = new_candidate (fx->offer, fx->students[i], code);
      g_autoptr(SmRecord) invite = new_decision (fx->offer, fx->students[i], code, "invite", NULL);
      g_autoptr(SmRecord) reject = NULL;
      g_autoptr(SmChangeSet) reveal = sm_change_set_new ();
      SmChangeLog log = { SM_AUDIT_REVEAL, "J. de Vries" };
      SmChangeLog put_forward = { SM_AUDIT_CANDIDATE, "J. de Vries" };

      sm_change_set_save (changes, candidate);
      sm_change_set_save (changes, invite);
      put_forward.offer = fx->offer;
      put_forward.student = fx->students[i];
      put_forward.candidate = candidate;
      sm_change_set_log (changes, &put_forward);
      sm_test_apply (fx->store, changes);

      log.offer = fx->offer;
      log.student = fx->students[i];
      log.candidate = candidate;
      log.decision = invite;
      sm_test_set_text (candidate, "revealed_at", "2026-09-03T10:00:00Z");
      sm_change_set_save (reveal, candidate);
      sm_change_set_log (reveal, &log);
      sm_test_apply (fx->store, reveal);

      reject = new_decision (fx->offer, fx->students[i], code, "reject", "position-filled");
      sm_test_set_id (reject, "corrects_id", invite);
      sm_test_save (fx->store, reject);
    }

  placement = new_placement (fx->offer, fx->students[0]);
  sm_test_save (fx->store, placement);
  sm_test_set_text (placement, "status", "confirmed");
  sm_test_save (fx->store, placement);
  sm_test_set_text (placement, "agreement_signed", "yes");
  sm_test_set_text (placement, "status", "started");
  sm_test_save (fx->store, placement);
  sm_test_set_text (placement, "company_mentor", "Sanne Bakker");
  sm_test_save (fx->store, placement);
  sm_test_set_text (placement, "status", "cancelled");
  sm_test_save (fx->store, placement);

  {
    g_autoptr(SmChangeSet) changes = sm_change_set_new ();
    SmChangeLog log = { SM_AUDIT_EXPORT_PERSONAL, "J. de Vries", .student = fx->students[1], .details = "format=json" };

    sm_change_set_log (changes, &log);
    sm_test_apply (fx->store, changes);
  }
}

/* What the store logs by itself */

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) log = load_log (fx);
  guint64 n = 99;

  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpint (verify (fx, &n), ==, 0);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_decision_logged (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(SmRecord) candidate = new_candidate (fx->offer, fx->students[0], "K-AAAA");
  g_autoptr(SmRecord) invite = new_decision (fx->offer, fx->students[0], "K-AAAA", "invite", NULL);
  g_autoptr(SmRecord) reject = new_decision (fx->offer, fx->students[0], "K-AAAA", "reject", "position-filled");
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *corrects = NULL;
  const SmAuditEntry *entry;

  sm_test_save (fx->store, candidate);
  sm_test_save (fx->store, invite);
  sm_test_set_id (reject, "corrects_id", invite);
  sm_test_save (fx->store, reject);

  log = load_log (fx);
  g_assert_cmpuint (log->len, ==, 2);

  entry = log->pdata[0];
  g_assert_cmpint (entry->id, ==, 1);
  assert_entry (entry, SM_AUDIT_DECISION, "Sanne Bakker", "kind=invite");
  g_assert_cmpint (entry->offer_id, ==, sm_record_get_id (fx->offer));
  g_assert_cmpint (entry->student_id, ==, sm_record_get_id (fx->students[0]));
  g_assert_cmpint (entry->candidate_id, ==, sm_record_get_id (candidate));
  g_assert_cmpint (entry->decision_id, ==, sm_record_get_id (invite));
  g_assert_cmpint (entry->placement_id, ==, 0);
  g_assert_cmpstr (entry->prev_hash, ==, SM_AUDIT_GENESIS_HASH);

  entry = log->pdata[1];
  corrects = g_strdup_printf ("kind=reject;reason=position-filled;corrects=%" G_GINT64_FORMAT,
                              sm_record_get_id (invite));
  assert_entry (entry, SM_AUDIT_DECISION, "Sanne Bakker", corrects);
  g_assert_cmpint (entry->decision_id, ==, sm_record_get_id (reject));
  g_assert_cmpstr (entry->prev_hash, ==, ((SmAuditEntry *) log->pdata[0])->hash);

  for (guint i = 0; i < log->len; i++)
    {
      g_autofree char *hash = sm_audit_entry_compute_hash (log->pdata[i]);
      g_assert_cmpstr (hash, ==, ((SmAuditEntry *) log->pdata[i])->hash);
    }
  g_assert_cmpint (verify (fx, NULL), ==, 0);
}

static void
test_placement_logged (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(SmRecord) placement = new_placement (fx->offer, fx->students[0]);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "status=proposed",
    "status=confirmed;from=proposed",
    "status=deleted;from=confirmed",
  };

  sm_test_save (fx->store, placement);
  sm_test_set_text (placement, "status", "confirmed");
  sm_test_save (fx->store, placement);
  /* A change that leaves the status as it was is not a status change. */
  sm_test_set_text (placement, "supervisor", "J. de Vries");
  sm_test_save (fx->store, placement);
  g_assert_true (sm_store_delete (fx->store, placement, &error));
  g_assert_no_error (error);

  log = load_log (fx);
  g_assert_cmpuint (log->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < log->len; i++)
    {
      const SmAuditEntry *entry = log->pdata[i];

      assert_entry (entry, SM_AUDIT_PLACEMENT_STATUS, NULL, expected[i]);
      g_assert_cmpint (entry->placement_id, ==, sm_record_get_id (placement));
      g_assert_cmpint (entry->student_id, ==, sm_record_get_id (fx->students[0]));
      g_assert_cmpint (entry->offer_id, ==, sm_record_get_id (fx->offer));
    }
  g_assert_cmpint (verify (fx, NULL), ==, 0);
}

/* Entries of a set name records that only get their ids as it is
 * applied; a set of log entries alone is applied too. */
static void
test_explicit_logged (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(SmChangeSet) only_log = sm_change_set_new ();
  g_autoptr(SmRecord) candidate = new_candidate (fx->offer, fx->students[2], "K-BBBB");
  g_autoptr(GPtrArray) log = NULL;
  SmChangeLog put_forward = { SM_AUDIT_CANDIDATE, "J. de Vries", .offer = fx->offer,
                              .student = fx->students[2], .candidate = candidate };
  SmChangeLog export = { SM_AUDIT_EXPORT_PERSONAL, "J. de Vries", .student = fx->students[2],
                         .details = "format=json" };
  const SmAuditEntry *entry;

  sm_change_set_save (changes, candidate);
  sm_change_set_log (changes, &put_forward);
  sm_test_apply (fx->store, changes);
  sm_change_set_log (only_log, &export);
  sm_test_apply (fx->store, only_log);

  log = load_log (fx);
  g_assert_cmpuint (log->len, ==, 2);
  entry = log->pdata[0];
  assert_entry (entry, SM_AUDIT_CANDIDATE, "J. de Vries", NULL);
  g_assert_cmpint (entry->candidate_id, ==, sm_record_get_id (candidate));
  g_assert_cmpint (entry->candidate_id, >, 0);
  entry = log->pdata[1];
  assert_entry (entry, SM_AUDIT_EXPORT_PERSONAL, "J. de Vries", "format=json");
  g_assert_cmpint (entry->student_id, ==, sm_record_get_id (fx->students[2]));
  g_assert_cmpint (entry->offer_id, ==, 0);
  g_assert_cmpint (verify (fx, NULL), ==, 0);
}

/* A set that fails leaves no entry; an entry that fails leaves no
 * record. */
static void
test_rollback (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(SmRecord) decision = new_decision (fx->offer, fx->students[0], "K-CCCC", "invite", NULL);
  g_autoptr(SmRecord) broken = new_decision (fx->offer, fx->students[1], "K-DDDD", "invite", NULL);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  SmChangeLog with_name = { SM_AUDIT_REVEAL, "J. de Vries", .details = "name=Fatima Amrani;student=1" };
  SmChangeLog no_pairs = { SM_AUDIT_REVEAL, "J. de Vries", .details = "Fatima" };
  const SmChangeLog *bad_logs[] = { &with_name, &no_pairs };

  sm_change_set_save (changes, decision);
  sm_record_set_string (broken, SM_DECISION_FIELD_DECIDED_BY, NULL);
  sm_change_set_save (changes, broken);
  g_assert_false (sm_store_apply (fx->store, changes, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sm_record_get_id (decision), ==, 0);

  /* Details are key=value pairs without spaces, which keeps free text
   * out; other entries are refused before anything is written. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_logs); i++)
    {
      g_autoptr(SmChangeSet) bad = sm_change_set_new ();
      g_autoptr(SmRecord) other = new_decision (fx->offer, fx->students[2], "K-EEEE", "invite", NULL);

      sm_change_set_save (bad, other);
      sm_change_set_log (bad, bad_logs[i]);
      g_assert_false (sm_store_apply (fx->store, bad, &error));
      g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED);
      g_clear_error (&error);
      g_assert_cmpint (sm_record_get_id (other), ==, 0);
    }

  log = load_log (fx);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sm_store_list (fx->store, SM_TYPE_DECISION, NULL)), ==, 0);
}

static void
test_details (void)
{
  SmAuditEntry entry = { .details = (char *) "status=confirmed;from=proposed" };
  g_autofree char *status = sm_audit_entry_dup_detail (&entry, "status");
  g_autofree char *from = sm_audit_entry_dup_detail (&entry, "from");
  g_autofree char *missing = sm_audit_entry_dup_detail (&entry, "stat");

  g_assert_cmpstr (status, ==, "confirmed");
  g_assert_cmpstr (from, ==, "proposed");
  g_assert_null (missing);

  g_assert_true (sm_audit_details_are_valid (NULL));
  g_assert_true (sm_audit_details_are_valid (""));
  g_assert_true (sm_audit_details_are_valid ("kind=reject;reason=position-filled;corrects=12"));
  g_assert_false (sm_audit_details_are_valid ("Fatima"));
  g_assert_false (sm_audit_details_are_valid ("kind=reject;"));
  g_assert_false (sm_audit_details_are_valid ("Kind=reject"));
  g_assert_false (sm_audit_details_are_valid ("note=a\nb"));
  g_assert_false (sm_audit_details_are_valid ("a=b=c"));
  g_assert_false (sm_audit_details_are_valid ("name=Fatima Amrani"));
  g_assert_false (sm_audit_details_are_valid ("name=Jos\xc3\xa9"));
}

/* The hash covers every field, and tells NULL from an empty text. */
static void
test_hash (void)
{
  SmAuditEntry entry = {
    .id = 3, .at = (char *) "2026-09-01T10:00:00Z", .actor = NULL, .action = (char *) "decision",
    .offer_id = 1, .student_id = 2, .candidate_id = 3, .decision_id = 4, .placement_id = 5,
    .details = (char *) "kind=invite", .prev_hash = (char *) SM_AUDIT_GENESIS_HASH,
  };
  g_autofree char *hash = sm_audit_entry_compute_hash (&entry);
  g_autofree char *again = sm_audit_entry_compute_hash (&entry);
  g_autofree char *with_empty = NULL;

  g_assert_cmpuint (strlen (hash), ==, 64);
  g_assert_cmpstr (hash, ==, again);
  entry.actor = (char *) "";
  with_empty = sm_audit_entry_compute_hash (&entry);
  g_assert_cmpstr (hash, !=, with_empty);
}

/* Tampering */

static void
test_triggers (Fixture       *fx,
               gconstpointer  data)
{
  sqlite3 *db;

  make_log (fx);
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET actor = 'Someone else' WHERE id = 2", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "append-only"));
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log WHERE id = 2", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "append-only"));
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sm_test_raw_int (db, "SELECT count(*) FROM audit_log WHERE actor = 'Someone else'"), ==, 0);
  g_assert_cmpint (sm_test_raw_int (db, "SELECT count(*) FROM audit_log"), >=, 20);
  sqlite3_close (db);

  g_assert_cmpint (verify (fx, NULL), ==, 0);
}

typedef enum
{
  COLUMN_TEXT,
  COLUMN_INT,
  COLUMN_ID,
} ColumnKind;

static const struct
{
  const char *name;
  ColumnKind  kind;
} columns[] = {
  { "id", COLUMN_ID },
  { "at", COLUMN_TEXT },
  { "actor", COLUMN_TEXT },
  { "action", COLUMN_TEXT },
  { "offer_id", COLUMN_INT },
  { "student_id", COLUMN_INT },
  { "candidate_id", COLUMN_INT },
  { "decision_id", COLUMN_INT },
  { "placement_id", COLUMN_INT },
  { "details", COLUMN_TEXT },
  { "prev_hash", COLUMN_TEXT },
  { "hash", COLUMN_TEXT },
};

static gboolean
raw_set_text (sqlite3     *db,
              const char  *column,
              gint64       id,
              const char  *value,
              gsize        length)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE audit_log SET %s = ?1 WHERE id = ?2", column);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  if (value != NULL)
    sqlite3_bind_text (stmt, 1, value, (int) length, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  return rc == SQLITE_DONE;
}

static char *
raw_get_text (sqlite3    *db,
              const char *column,
              gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM audit_log WHERE id = %" G_GINT64_FORMAT, column, id);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

static void
expect_first_bad (Fixture    *fx,
                  gint64      expected,
                  const char *what)
{
  gint64 first_bad = verify (fx, NULL);

  if (first_bad != expected)
    g_error ("%s: verify named entry %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
             what, first_bad, expected);
}

/* Every column of every entry, changed in every byte of a text (one bit
 * of it) or by one in a number, is found and named; each change is undone
 * before the next. */
static void
test_every_byte (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  sqlite3 *db;
  guint n_cases = 0;
  guint64 n_entries = 0;

  make_log (fx);
  log = load_log (fx);
  g_assert_cmpuint (log->len, >=, 20);

  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "PRAGMA synchronous = OFF");
  sm_test_raw_exec (db, "DROP TRIGGER audit_log_never_updated; DROP TRIGGER audit_log_never_deleted");

  for (guint e = 0; e < log->len; e++)
    {
      gint64 id = ((SmAuditEntry *) log->pdata[e])->id;

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const char *column = columns[c].name;
          g_autofree char *what = NULL;

          if (columns[c].kind == COLUMN_TEXT)
            {
              g_autofree char *original = raw_get_text (db, column, id);

              /* An empty column gets one character. */
              if (original == NULL)
                {
                  what = g_strdup_printf ("entry %" G_GINT64_FORMAT " %s from NULL to “x”", id, column);
                  g_assert_true (raw_set_text (db, column, id, "x", 1));
                  expect_first_bad (fx, id, what);
                  g_assert_true (raw_set_text (db, column, id, NULL, 0));
                  n_cases++;
                  continue;
                }

              for (gsize b = 0; original[b] != '\0'; b++)
                {
                  g_autofree char *changed = g_strdup (original);

                  changed[b] ^= 1;
                  g_free (what);
                  what = g_strdup_printf ("entry %" G_GINT64_FORMAT " %s byte %" G_GSIZE_FORMAT, id, column, b);
                  g_assert_true (raw_set_text (db, column, id, changed, strlen (original)));
                  expect_first_bad (fx, id, what);
                  g_assert_true (raw_set_text (db, column, id, original, strlen (original)));
                  n_cases++;
                }
            }
          else if (columns[c].kind == COLUMN_INT)
            {
              g_autofree char *plus = g_strdup_printf ("UPDATE audit_log SET %s = coalesce(%s, 0) + 1 "
                                                       "WHERE id = %" G_GINT64_FORMAT, column, column, id);
              g_autofree char *original = raw_get_text (db, column, id);
              g_autofree char *restore = NULL;

              if (original != NULL)
                restore = g_strdup_printf ("UPDATE audit_log SET %s = %s WHERE id = %" G_GINT64_FORMAT,
                                           column, original, id);
              else
                restore = g_strdup_printf ("UPDATE audit_log SET %s = NULL WHERE id = %" G_GINT64_FORMAT,
                                           column, id);
              what = g_strdup_printf ("entry %" G_GINT64_FORMAT " %s plus one", id, column);
              sm_test_raw_exec (db, plus);
              expect_first_bad (fx, id, what);
              sm_test_raw_exec (db, restore);
              n_cases++;
            }
          else
            {
              /* The id is the key: by one where that id is free (the
               * last entry up, the first down), else moved far away. */
              gint64 moved = e + 1 == log->len ? id + 1 : (id == 1 ? 0 : id + 1000);
              g_autofree char *move = g_strdup_printf ("UPDATE audit_log SET id = %" G_GINT64_FORMAT
                                                       " WHERE id = %" G_GINT64_FORMAT, moved, id);
              g_autofree char *back = g_strdup_printf ("UPDATE audit_log SET id = %" G_GINT64_FORMAT
                                                       " WHERE id = %" G_GINT64_FORMAT, id, moved);

              what = g_strdup_printf ("entry %" G_GINT64_FORMAT " id moved to %" G_GINT64_FORMAT, id, moved);
              sm_test_raw_exec (db, move);
              expect_first_bad (fx, id, what);
              sm_test_raw_exec (db, back);
              n_cases++;
            }
        }
    }
  sqlite3_close (db);

  g_test_message ("%u changes, each found", n_cases);
  g_assert_cmpuint (n_cases, >, log->len * G_N_ELEMENTS (columns));
  g_assert_cmpint (verify (fx, &n_entries), ==, 0);
  g_assert_cmpuint (n_entries, ==, log->len);
}

static void
test_deleted_entry (Fixture       *fx,
                    gconstpointer  data)
{
  sqlite3 *db;
  guint64 n_entries = 0;

  make_log (fx);
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "DROP TRIGGER audit_log_never_deleted");

  sm_test_raw_exec (db, "DELETE FROM audit_log WHERE id = 10");
  g_assert_cmpint (verify (fx, &n_entries), ==, 10);

  sm_test_raw_exec (db, "DELETE FROM audit_log WHERE id = 1");
  g_assert_cmpint (verify (fx, &n_entries), ==, 1);
  sqlite3_close (db);
}

/* An entry added around the store, with a made-up hash, is found too. */
static void
test_forged_entry (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  const SmAuditEntry *last;

  make_log (fx);
  log = load_log (fx);
  last = log->pdata[log->len - 1];
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sql = g_strdup_printf ("INSERT INTO audit_log (id, at, action, prev_hash, hash) "
                         "VALUES (%" G_GINT64_FORMAT ", '2026-09-30T10:00:00Z', 'decision', '%s', '%s')",
                         last->id + 1, last->hash, SM_AUDIT_GENESIS_HASH);
  sm_test_raw_exec (db, sql);
  sqlite3_close (db);

  g_assert_cmpint (verify (fx, NULL), ==, last->id + 1);
}

/* stagematch-cli audit verify */

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
test_cli (Fixture       *fx,
          gconstpointer  data)
{
  g_autofree char *cli = cli_path ();
  g_autofree char *other = g_build_filename (fx->dir, "not-a-database.db", NULL);
  g_autofree char *expected = NULL;
  sqlite3 *db;
  guint64 n_entries = 0;

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("stagematch-cli has not been built");
      return;
    }

  make_log (fx);
  g_assert_cmpint (verify (fx, &n_entries), ==, 0);
  expected = g_strdup_printf ("The decision log is intact: %" G_GUINT64_FORMAT " entries\n", n_entries);

  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "audit", "verify");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_str_has_prefix (result.out, expected));
  }

  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "audit");
    g_assert_cmpint (result.status, ==, 1);
  }

  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "audit", "check");
    g_assert_cmpint (result.status, ==, 1);
  }

  g_assert_true (g_file_set_contents (other, "not a database, just text", -1, NULL));
  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", other, "audit", "verify");
    g_assert_cmpint (result.status, ==, 3);
  }

  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "DROP TRIGGER audit_log_never_updated");
  sm_test_raw_exec (db, "UPDATE audit_log SET details = 'kind=accept' WHERE id = 5");
  sqlite3_close (db);
  {
    g_auto(Result) result = { 0 };

    run (&result, "--database", fx->path, "audit", "verify");
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "Entry 5 does not match: it or the log before it was changed\n");
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

  g_test_add_func ("/audit/details", test_details);
  g_test_add_func ("/audit/hash", test_hash);
  ADD ("/audit/empty", test_empty);
  ADD ("/audit/logged/decision", test_decision_logged);
  ADD ("/audit/logged/placement", test_placement_logged);
  ADD ("/audit/logged/explicit", test_explicit_logged);
  ADD ("/audit/logged/rollback", test_rollback);
  ADD ("/audit/tamper/triggers", test_triggers);
  ADD ("/audit/tamper/every-byte", test_every_byte);
  ADD ("/audit/tamper/deleted-entry", test_deleted_entry);
  ADD ("/audit/tamper/forged-entry", test_forged_entry);
  ADD ("/audit/cli", test_cli);

#undef ADD

  return g_test_run ();
}
