/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-migration"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sm-company.h"
#include "sm-decision.h"
#include "sm-enums.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-test-util.h"

#define APPLICATION_ID 0x534d4154 /* "SMAT" */
#define NOBODY         65534

/* Files */

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static char *
read_fixture (void)
{
  g_autofree char *path = g_build_filename (UNIT_FIXTURES_DIR, "schema-v1.sql", NULL);

  return read_file (path);
}

/* Writes a database of schema version 1, as Stagematch 0.1 made it. */
static void
make_v1_database (const char *path)
{
  g_autofree char *sql = read_fixture ();
  sqlite3 *db = sm_test_raw_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  sm_test_raw_exec (db, sql);
  sqlite3_close (db);
  g_assert_cmpint (sm_test_file_int (path, "PRAGMA user_version"), ==, 1);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Fixture */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = sm_test_make_dir ("migration");
  fx->path = g_build_filename (fx->dir, "stagematch.db", NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  sm_test_remove_tree (fx->dir);
  g_assert_false (g_file_test (fx->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fx->dir, g_free);
  g_clear_pointer (&fx->path, g_free);
}

/* Tests */

static void
test_empty_file (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (fx->path, "", 0, NULL));
  store = sm_test_open_store (fx->path);

  g_assert_cmpint (sm_sqlite_store_get_schema_version (store), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  /* Nothing to keep a copy of */
  g_assert_null (sm_sqlite_store_get_backup_path (store));

  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READONLY);
  g_assert_cmpint (sm_test_raw_int (db, "PRAGMA user_version"), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sm_test_raw_int (db, "PRAGMA application_id"), ==, APPLICATION_ID);
  g_assert_cmpint (sm_test_raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                                "('programmes', 'students', 'companies', 'offers', 'placements', "
                                "'decisions', 'postcode_areas', 'settings', 'preferences', "
                                "'match_runs')"), ==, 10);
  g_assert_cmpint (sm_test_raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==, 4);
  sqlite3_close (db);

  g_assert_cmpuint (g_list_model_get_n_items (sm_store_list (SM_STORE (store), SM_TYPE_STUDENT, NULL)), ==, 0);
  g_assert_true (sm_store_check (SM_STORE (store), problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Databases made by version 1 must stay readable: the fixture is the
 * schema that was released, unchanged. */
static void
test_fixture_is_schema_v1 (void)
{
  g_autofree char *schema_path = g_build_filename (UNIT_SCHEMA_DIR, "0001-students-companies-offers.sql", NULL);
  g_autofree char *schema = read_file (schema_path);
  g_autofree char *fixture = read_fixture ();

  g_assert_true (g_str_has_prefix (fixture, schema));
  g_assert_nonnull (strstr (fixture + strlen (schema), "PRAGMA user_version=1;"));
  g_assert_nonnull (strstr (fixture + strlen (schema), "PRAGMA application_id=1397571924;"));
  g_assert_cmpint (1397571924, ==, APPLICATION_ID);
}

static void
test_from_v1 (Fixture       *fx,
              gconstpointer  data)
{
  /* Offers gained columns in later versions, and sqlite_sequence counts
   * the reason codes that version 4 brings; offers are compared field by
   * field below. */
  static const char * const v1_tables[] = {
    "programmes", "students", "companies", NULL
  };
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *v1_dump = NULL;
  g_autofree char *v1_rows = NULL;
  g_autofree char *backup_dump = NULL;
  g_autofree char *migrated_rows = NULL;
  g_autofree char *backup = NULL;
  GListModel *list;
  SmRecord *record;
  GStatBuf st;
  mode_t old_umask;

  make_v1_database (fx->path);
  v1_dump = sm_test_dump_tables (fx->path, NULL);
  v1_rows = sm_test_dump_tables (fx->path, v1_tables);

  old_umask = umask (0);
  store = sm_test_open_store (fx->path);
  umask (old_umask);
  g_assert_cmpint (sm_sqlite_store_get_schema_version (store), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sm_test_file_int (fx->path, "PRAGMA user_version"), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sm_test_file_int (fx->path, "PRAGMA application_id"), ==, APPLICATION_ID);

  /* The rows are still there, and read as records. */
  list = sm_store_list (SM_STORE (store), SM_TYPE_STUDENT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  record = sm_store_lookup_key (SM_STORE (store), SM_TYPE_STUDENT, "100001");
  g_assert_nonnull (record);
  {
    g_autofree char *name = sm_student_dup_full_name (SM_STUDENT (record));
    g_autofree char *skills = sm_record_dup_text (record, SM_STUDENT_FIELD_SKILLS);

    g_assert_cmpstr (name, ==, "Fatima el Amrani");
    g_assert_cmpstr (skills, ==, "Python,SQL");
  }
  g_assert_cmpint (sm_student_get_level (SM_STUDENT (record)), ==, SM_LEVEL_MBO_4);
  g_assert_cmpint (sm_student_get_pathway (SM_STUDENT (record)), ==, SM_PATHWAY_BOL);
  g_assert_cmpstr (sm_student_get_programme (SM_STUDENT (record)), ==, "25604");
  g_assert_cmpstr (sm_student_get_postcode (SM_STUDENT (record)), ==, "1234 AB");
  g_assert_true (sm_record_validate (record, NULL));
  record = sm_store_lookup_key (SM_STORE (store), SM_TYPE_STUDENT, "100002");
  g_assert_nonnull (record);
  g_assert_cmpint (sm_student_get_level (SM_STUDENT (record)), ==, SM_LEVEL_MBO_3);
  g_assert_cmpint (sm_student_get_pathway (SM_STUDENT (record)), ==, SM_PATHWAY_BBL);
  g_assert_true (sm_record_validate (record, NULL));

  record = sm_store_lookup_key (SM_STORE (store), SM_TYPE_PROGRAMME, "25604");
  g_assert_nonnull (record);
  g_assert_cmpstr (sm_programme_get_name (SM_PROGRAMME (record)), ==, "Software developer");
  g_assert_cmpint (sm_programme_get_sector (SM_PROGRAMME (record)), ==, SM_SECTOR_ICT);

  record = sm_store_lookup_key (SM_STORE (store), SM_TYPE_COMPANY, "12345678");
  g_assert_nonnull (record);
  g_assert_cmpstr (sm_company_get_name (SM_COMPANY (record)), ==, "Bits en Bytes BV");

  list = sm_store_list (SM_STORE (store), SM_TYPE_OFFER, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  record = sm_store_lookup (SM_STORE (store), SM_TYPE_OFFER, 1);
  g_assert_nonnull (record);
  g_assert_cmpint (sm_offer_get_company_id (SM_OFFER (record)), ==, 1);
  g_assert_cmpuint (sm_offer_get_levels (SM_OFFER (record)), ==, SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4);
  g_assert_cmpuint (sm_offer_get_places (SM_OFFER (record)), ==, 2);
  g_assert_true (sm_record_validate (record, NULL));

  /* Unchanged, row for row */
  migrated_rows = sm_test_dump_tables (fx->path, v1_tables);
  sm_test_assert_same_dump (v1_rows, migrated_rows);

  /* A copy of the old file was kept, private, as it was. */
  g_assert_nonnull (sm_sqlite_store_get_backup_path (store));
  backup = g_strdup (sm_sqlite_store_get_backup_path (store));
  g_assert_true (g_str_has_prefix (backup, fx->dir));
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (sm_test_file_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sm_test_file_int (backup, "PRAGMA application_id"), ==, APPLICATION_ID);
  backup_dump = sm_test_dump_tables (backup, NULL);
  sm_test_assert_same_dump (v1_dump, backup_dump);

  /* The new tables work, with the old rows. */
  {
    g_autoptr(SmPlacement) placement = sm_placement_new ();
    g_autoptr(GError) error = NULL;

    sm_record_set_int (SM_RECORD (placement), SM_PLACEMENT_FIELD_STUDENT_ID, 1);
    sm_record_set_int (SM_RECORD (placement), SM_PLACEMENT_FIELD_OFFER_ID, 1);
    if (!sm_store_save (SM_STORE (store), SM_RECORD (placement), &error))
      g_error ("Saving a placement failed: %s", error->message);
  }
  g_assert_true (sm_store_check (SM_STORE (store), problems, NULL));
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("Problem: %s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Opened again, there is nothing to migrate and no new copy. */
  g_clear_object (&store);
  store = sm_test_open_store (fx->path);
  g_assert_cmpint (sm_sqlite_store_get_schema_version (store), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_null (sm_sqlite_store_get_backup_path (store));
  g_assert_cmpuint (g_list_model_get_n_items (sm_store_list (SM_STORE (store), SM_TYPE_PLACEMENT, NULL)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sm_store_list (SM_STORE (store), SM_TYPE_STUDENT, NULL)), ==, 2);
  g_clear_object (&store);
  /* The database (perhaps with its -wal and -shm) and one backup */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(GDir) dir = g_dir_open (fx->dir, 0, NULL);
    const char *name;
    guint n_backups = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".bak"))
        n_backups++;
    g_assert_cmpuint (n_backups, ==, 1);
  }
}

/* Databases of schema version 2 (placements, decisions) come forward to
 * the matching schema with their rows; new columns take their defaults. */
static void
test_from_v2 (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (UNIT_FIXTURES_DIR, "schema-v2.sql", NULL);
  g_autofree char *v1_schema_path = g_build_filename (UNIT_SCHEMA_DIR, "0001-students-companies-offers.sql", NULL);
  g_autofree char *v2_schema_path = g_build_filename (UNIT_SCHEMA_DIR, "0002-placements-decisions-areas.sql", NULL);
  g_autofree char *sql = read_file (path);
  g_autofree char *v1_schema = read_file (v1_schema_path);
  g_autofree char *v2_schema = read_file (v2_schema_path);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRecord) offer = NULL;
  SmRecord *placement;
  sqlite3 *db;

  /* The fixture is the released schema, unchanged. */
  g_assert_true (g_str_has_prefix (sql, v1_schema));
  g_assert_true (g_str_has_prefix (sql + strlen (v1_schema), v2_schema));

  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sm_test_raw_exec (db, sql);
  sqlite3_close (db);
  g_assert_cmpint (sm_test_file_int (fx->path, "PRAGMA user_version"), ==, 2);

  store = sm_test_open_store (fx->path);
  g_assert_cmpint (sm_sqlite_store_get_schema_version (store), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_nonnull (sm_sqlite_store_get_backup_path (store));
  g_assert_cmpint (sm_test_file_int (sm_sqlite_store_get_backup_path (store), "PRAGMA user_version"), ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (sm_store_list (SM_STORE (store), SM_TYPE_PLACEMENT, NULL)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sm_store_list (SM_STORE (store), SM_TYPE_DECISION, NULL)), ==, 1);
  placement = sm_store_lookup (SM_STORE (store), SM_TYPE_PLACEMENT, 1);
  g_assert_nonnull (placement);
  g_assert_cmpint (sm_placement_get_status (SM_PLACEMENT (placement)), ==, SM_PLACEMENT_STATUS_CONFIRMED);
  g_assert_cmpint (sm_record_get_int (placement, SM_PLACEMENT_FIELD_SCORE), ==, 0);
  g_assert_cmpint (sm_record_get_int (placement, SM_PLACEMENT_FIELD_RUN_ID), ==, 0);

  /* The new offer column can be written. */
  offer = sm_record_dup (sm_store_lookup (SM_STORE (store), SM_TYPE_OFFER, 1));
  g_assert_true (sm_record_set_from_text (offer, "skills", "Python,teamwork", NULL));
  if (!sm_store_save (SM_STORE (store), offer, &error))
    g_error ("Saving an offer failed: %s", error->message);

  g_assert_true (sm_store_check (SM_STORE (store), problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A second migration of the same version keeps the first backup. */
static void
test_backup_kept (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *first_dump = NULL;
  g_autofree char *second = NULL;
  g_autofree char *second_dump = NULL;
  g_autofree char *v1_dump = NULL;
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fx->path, "-shm", NULL);
  sqlite3 *db;

  make_v1_database (fx->path);
  {
    g_autoptr(SmSqliteStore) store = sm_test_open_store (fx->path);

    first = g_strdup (sm_sqlite_store_get_backup_path (store));
  }
  g_assert_nonnull (first);
  first_dump = sm_test_dump_tables (first, NULL);

  /* The coordinator puts back a different old file. */
  g_assert_cmpint (g_remove (fx->path), ==, 0);
  g_remove (wal);
  g_remove (shm);
  make_v1_database (fx->path);
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "UPDATE students SET family_name = 'Changed' WHERE id = 2");
  sqlite3_close (db);
  v1_dump = sm_test_dump_tables (fx->path, NULL);

  {
    g_autoptr(SmSqliteStore) store = sm_test_open_store (fx->path);

    second = g_strdup (sm_sqlite_store_get_backup_path (store));
    g_assert_cmpint (sm_sqlite_store_get_schema_version (store), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  }
  g_assert_nonnull (second);
  g_assert_cmpstr (first, !=, second);

  /* The first backup is as it was; the second holds the second file. */
  second_dump = sm_test_dump_tables (first, NULL);
  sm_test_assert_same_dump (first_dump, second_dump);
  g_free (second_dump);
  second_dump = sm_test_dump_tables (second, NULL);
  sm_test_assert_same_dump (v1_dump, second_dump);
}

/* A migration that fails leaves the old database as it was. */
static void
test_failed_migration (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSqliteStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  /* Someone added a table of the name that version 2 creates. */
  make_v1_database (fx->path);
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "CREATE TABLE settings (name TEXT); INSERT INTO settings VALUES ('mine')");
  sqlite3_close (db);
  before = sm_test_dump_tables (fx->path, NULL);

  store = sm_sqlite_store_new (fx->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SM_STORE_ERROR);
  g_test_message ("%s", error->message);

  after = sm_test_dump_tables (fx->path, NULL);
  sm_test_assert_same_dump (before, after);
  g_assert_cmpint (sm_test_file_int (fx->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sm_test_file_int (fx->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'placements'"), ==, 0);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSqliteStore) store = sm_sqlite_store_new (path, &error);

  g_assert_null (store);
  g_assert_error (error, SM_STORE_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_not_a_database (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  GStatBuf before, after;

  g_assert_true (g_file_set_contents (fx->path, "hello world\n", -1, NULL));
  g_assert_cmpint (g_stat (fx->path, &before), ==, 0);

  assert_refused (fx->path, SM_STORE_ERROR_NOT_STAGEMATCH);

  contents = read_file (fx->path);
  g_assert_cmpstr (contents, ==, "hello world\n");
  g_assert_cmpint (g_stat (fx->path, &after), ==, 0);
  g_assert_cmpint (before.st_mode, ==, after.st_mode);
  g_assert_cmpint (before.st_size, ==, after.st_size);
  /* No backup or journal left behind */
  g_assert_cmpuint (count_files (fx->dir), ==, 1);
}

static void
test_other_program (Fixture       *fx,
                    gconstpointer  data)
{
  sqlite3 *db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sm_test_raw_exec (db, "CREATE TABLE foo (bar TEXT); INSERT INTO foo VALUES ('baz')");
  sqlite3_close (db);
  before = sm_test_dump_tables (fx->path, NULL);

  assert_refused (fx->path, SM_STORE_ERROR_NOT_STAGEMATCH);

  after = sm_test_dump_tables (fx->path, NULL);
  sm_test_assert_same_dump (before, after);
  g_assert_cmpint (sm_test_file_int (fx->path, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (sm_test_file_int (fx->path, "PRAGMA application_id"), ==, 0);

  /* A program that uses user_version as well */
  g_remove (fx->path);
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sm_test_raw_exec (db, "PRAGMA user_version = 1; CREATE TABLE students (name TEXT)");
  sqlite3_close (db);
  assert_refused (fx->path, SM_STORE_ERROR_NOT_STAGEMATCH);
  g_assert_cmpint (count_files (fx->dir), ==, 1);
}

static void
test_newer_schema (Fixture       *fx,
                   gconstpointer  data)
{
  sqlite3 *db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSqliteStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sm_test_raw_exec (db, "PRAGMA application_id = 1397571924; PRAGMA user_version = 99; "
                "CREATE TABLE students (id INTEGER PRIMARY KEY, something_new TEXT)");
  sqlite3_close (db);
  before = sm_test_dump_tables (fx->path, NULL);

  store = sm_sqlite_store_new (fx->path, &error);
  g_assert_null (store);
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer"));

  after = sm_test_dump_tables (fx->path, NULL);
  sm_test_assert_same_dump (before, after);
  g_assert_cmpint (sm_test_file_int (fx->path, "PRAGMA user_version"), ==, 99);
  g_assert_cmpuint (count_files (fx->dir), ==, 1);
}

/* Read-only files */

/* Returns 0 when @path is refused as read-only, 1 otherwise. */
static int
open_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSqliteStore) store = sm_sqlite_store_new (path, &error);

  if (store != NULL)
    {
      g_printerr ("A read-only database was opened for writing\n");
      return 1;
    }
  if (!g_error_matches (error, SM_STORE_ERROR, SM_STORE_ERROR_READ_ONLY))
    {
      g_printerr ("Expected SM_STORE_ERROR_READ_ONLY, got %s %d: %s\n",
                  g_quark_to_string (error->domain), error->code, error->message);
      return 1;
    }
  return 0;
}

static void
test_read_only (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  int result;

  /* A database with something in it, closed again */
  {
    g_autoptr(SmSqliteStore) store = sm_test_open_store (fx->path);
    g_autoptr(SmStudent) student = sm_student_new ();

    sm_record_set_from_text (SM_RECORD (student), "student_number", "100001", NULL);
    sm_record_set_from_text (SM_RECORD (student), "given_name", "Fatima", NULL);
    sm_record_set_from_text (SM_RECORD (student), "family_name", "Amrani", NULL);
    sm_record_set_from_text (SM_RECORD (student), "level", "mbo-3", NULL);
    g_assert_true (sm_store_save (SM_STORE (store), SM_RECORD (student), NULL));
  }
  before = read_bytes (fx->path);
  g_assert_cmpint (g_chmod (fx->path, 0400), ==, 0);

  if (geteuid () != 0)
    result = open_read_only (fx->path);
  else
    {
      /* Root may write any file, so the test drops to an ordinary user in
       * a child process, who owns the folder and the read-only file. */
      pid_t pid;
      int status = 0;

      g_assert_cmpint (chown (fx->dir, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (fx->path, NOBODY, NOBODY), ==, 0);

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0 || geteuid () == 0)
            _exit (77);
          _exit (open_read_only (fx->path));
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
        {
          g_test_skip ("Running as root, and could not become an ordinary user to test a read-only file");
          return;
        }
      g_assert_true (WIFEXITED (status));
      result = WEXITSTATUS (status);
    }

  g_assert_cmpint (result, ==, 0);
  /* Not a byte of the file changed. */
  after = read_bytes (fx->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_chmod (fx->path, 0600), ==, 0);
}

/* Locked databases */

static void
test_locked_migration (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSqliteStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;
  gint64 start, elapsed;

  make_v1_database (fx->path);
  before = sm_test_dump_tables (fx->path, NULL);

  /* Another program is writing to the old database. */
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "BEGIN EXCLUSIVE");

  start = g_get_monotonic_time ();
  store = sm_sqlite_store_new (fx->path, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_null (store);
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, fx->path));
  /* It waited a moment before giving up, but not for ever. */
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 20 * G_USEC_PER_SEC);
  g_clear_error (&error);

  sm_test_raw_exec (db, "ROLLBACK");
  sqlite3_close (db);

  after = sm_test_dump_tables (fx->path, NULL);
  sm_test_assert_same_dump (before, after);
  g_assert_cmpint (sm_test_file_int (fx->path, "PRAGMA user_version"), ==, 1);

  /* Once the other program is done, it opens. */
  store = sm_test_open_store (fx->path);
  g_assert_cmpint (sm_sqlite_store_get_schema_version (store), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_nonnull (sm_sqlite_store_get_backup_path (store));
  g_assert_cmpuint (g_list_model_get_n_items (sm_store_list (SM_STORE (store), SM_TYPE_STUDENT, NULL)), ==, 2);
}

static void
test_locked_write (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(SmSqliteStore) store = sm_test_open_store (fx->path);
  g_autoptr(SmProgramme) programme = sm_programme_new ("25604", "Software developer",
                                                       SM_EDUCATION_MBO, SM_SECTOR_ICT);
  g_autoptr(GError) error = NULL;
  GListModel *list = sm_store_list (SM_STORE (store), SM_TYPE_PROGRAMME, NULL);
  sqlite3 *db;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "BEGIN IMMEDIATE");

  g_assert_false (sm_store_save (SM_STORE (store), SM_RECORD (programme), &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_LOCKED);
  g_assert_false (sm_store_error_is_bad_input (error));
  g_assert_cmpint (sm_record_get_id (SM_RECORD (programme)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_error (&error);

  /* Settings and postcode areas wait their turn, too. */
  g_assert_false (sm_store_set_setting (SM_STORE (store), "school.name", "ROC", &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  sm_test_raw_exec (db, "ROLLBACK");
  sqlite3_close (db);

  if (!sm_store_save (SM_STORE (store), SM_RECORD (programme), &error))
    g_error ("Saving failed once the lock was gone: %s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/migration/fixture-is-schema-v1", test_fixture_is_schema_v1);
  ADD ("/migration/empty-file", test_empty_file);
  ADD ("/migration/from-v1", test_from_v1);
  ADD ("/migration/from-v2", test_from_v2);
  ADD ("/migration/backup-kept", test_backup_kept);
  ADD ("/migration/failed", test_failed_migration);
  ADD ("/migration/refused/not-a-database", test_not_a_database);
  ADD ("/migration/refused/other-program", test_other_program);
  ADD ("/migration/refused/newer-schema", test_newer_schema);
  ADD ("/migration/refused/read-only", test_read_only);
  ADD ("/migration/locked/migration", test_locked_migration);
  ADD ("/migration/locked/write", test_locked_write);

#undef ADD

  return g_test_run ();
}
