/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-sqlite-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sm-candidate.h"
#include "sm-company.h"
#include "sm-core-resources.h"
#include "sm-criterion.h"
#include "sm-decision.h"
#include "sm-match-run.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-programme.h"
#include "sm-reason-code.h"
#include "sm-review.h"
#include "sm-sqlite-store-private.h"
#include "sm-student.h"

/* SmSqliteStore keeps everything in one SQLite file, which only its owner
 * may read (mode 0600). Each record type has a table whose columns are the
 * fields of its class; the statements are built once from those static
 * field names and always bound with parameters, never with typed text.
 * Lists are loaded on first use and then kept in step with every change
 * that is applied, so views see items-changed for exactly what changed. */

#define APPLICATION_ID   0x534d4154 /* "SMAT" */
#define BUSY_TIMEOUT_MS  1500
#define RESOURCE_SCHEMA  "/io/github/stagematch/Stagematch/schema/"

static void sm_sqlite_store_iface_init (SmStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmSqliteStore, sm_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SM_TYPE_STORE, sm_sqlite_store_iface_init))

gboolean
sm_sqlite_store_db_error (SmSqliteStore  *self,
                          GError        **error,
                          const char     *doing)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  SmStoreError store_code = SM_STORE_ERROR_FAILED;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_LOCKED,
                   _("The database “%s” is in use by another program; close it and try again"),
                   self->path);
      return FALSE;
    }
  if (primary == SQLITE_READONLY)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written; check that you may change the file and its folder"),
                   self->path);
      return FALSE;
    }
  if (primary == SQLITE_NOTADB)
    store_code = SM_STORE_ERROR_NOT_STAGEMATCH;

  g_set_error (error, SM_STORE_ERROR, store_code,
               _("Could not %s in “%s”: %s"), doing, self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
sm_sqlite_store_exec (SmSqliteStore  *self,
                      const char     *sql,
                      GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("change the database"));
  return TRUE;
}

static gboolean
query_int (SmSqliteStore  *self,
           const char     *sql,
           gint64         *result,
           GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("read the database"));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("read the database"));
  return TRUE;
}

static void
table_clear (gpointer data)
{
  Table *table = data;

  g_clear_pointer (&table->select_all, sqlite3_finalize);
  g_clear_pointer (&table->insert, sqlite3_finalize);
  g_clear_pointer (&table->update, sqlite3_finalize);
  g_clear_pointer (&table->delete, sqlite3_finalize);
  g_clear_pointer (&table->select_key, sqlite3_finalize);
  g_clear_pointer (&table->count, sqlite3_finalize);
  g_clear_pointer (&table->count_by, g_hash_table_unref);
  g_clear_object (&table->list);
  g_clear_pointer (&table->by_key, g_hash_table_unref);
  g_clear_pointer (&table->key_of, g_hash_table_unref);
  g_type_class_unref (table->klass);
}

static void
sm_sqlite_store_finalize (GObject *object)
{
  SmSqliteStore *self = SM_SQLITE_STORE (object);

  g_clear_pointer (&self->tables, g_array_unref);
  g_clear_pointer (&self->log_placement_status, sqlite3_finalize);
  g_clear_pointer (&self->log_candidate_id, sqlite3_finalize);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (sm_sqlite_store_parent_class)->finalize (object);
}

static void
sm_sqlite_store_class_init (SmSqliteStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sm_sqlite_store_finalize;
}

static void
sm_sqlite_store_init (SmSqliteStore *self)
{
  self->tables = g_array_new (FALSE, TRUE, sizeof (Table));
  g_array_set_clear_func (self->tables, table_clear);
}

/* Statements */

sqlite3_stmt *
sm_sqlite_store_prepare (SmSqliteStore  *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sm_sqlite_store_db_error (self, error, _("prepare a statement"));
      return NULL;
    }
  return stmt;
}

gboolean
sm_sqlite_store_step_done (SmSqliteStore  *self,
                           sqlite3_stmt   *stmt,
                           GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT,
                   _("The change was refused: %s"), sqlite3_errmsg (self->db));
      return FALSE;
    }
  return sm_sqlite_store_db_error (self, error, _("write the change"));
}

/* Postcode areas and settings */

static GArray *
sm_sqlite_store_load_postcode_areas (SmStore  *store,
                                     GError  **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (SmPostcodeArea));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT code, latitude, longitude FROM postcode_areas ORDER BY code",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sm_sqlite_store_db_error (self, error, _("read the postcode areas"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmPostcodeArea area = {
        (guint) sqlite3_column_int (stmt, 0),
        sqlite3_column_double (stmt, 1),
        sqlite3_column_double (stmt, 2),
      };
      g_array_append_val (areas, area);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sm_sqlite_store_db_error (self, error, _("read the postcode areas"));
      return NULL;
    }

  return g_steal_pointer (&areas);
}

static gboolean
sm_sqlite_store_replace_postcode_areas (SmStore  *store,
                                        GArray   *areas,
                                        GError  **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < areas->len; i++)
    {
      const SmPostcodeArea *area = &g_array_index (areas, SmPostcodeArea, i);

      if (area->code < 1000 || area->code > 9999 ||
          area->latitude < -90 || area->latitude > 90 ||
          area->longitude < -180 || area->longitude > 180)
        {
          g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                       _("Postcode area %u: %g, %g is not a valid four-digit area with coordinates"),
                       area->code, area->latitude, area->longitude);
          return FALSE;
        }
    }

  if (!sm_sqlite_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!sm_sqlite_store_exec (self, "DELETE FROM postcode_areas", error))
    goto fail;
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO postcode_areas (code, latitude, longitude) VALUES (?1, ?2, ?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sm_sqlite_store_db_error (self, error, _("write the postcode areas"));
      goto fail;
    }
  for (guint i = 0; i < areas->len; i++)
    {
      const SmPostcodeArea *area = &g_array_index (areas, SmPostcodeArea, i);

      sqlite3_bind_int (stmt, 1, (int) area->code);
      sqlite3_bind_double (stmt, 2, area->latitude);
      sqlite3_bind_double (stmt, 3, area->longitude);
      if (!sm_sqlite_store_step_done (self, stmt, error))
        goto fail;
    }
  sqlite3_finalize (stmt);
  return sm_sqlite_store_exec (self, "COMMIT", error) || (sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL), FALSE);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static char *
sm_sqlite_store_dup_setting (SmStore    *store,
                             const char *key)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM settings WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
sm_sqlite_store_set_setting (SmStore     *store,
                             const char  *key,
                             const char  *value,
                             GError     **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  sqlite3_stmt *stmt = NULL;

  if (value == NULL)
    {
      if (sqlite3_prepare_v2 (self->db, "DELETE FROM settings WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
        return sm_sqlite_store_db_error (self, error, _("write a setting"));
    }
  else
    {
      if (sqlite3_prepare_v2 (self->db,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              -1, &stmt, NULL) != SQLITE_OK)
        return sm_sqlite_store_db_error (self, error, _("write a setting"));
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return sm_sqlite_store_db_error (self, error, _("write a setting"));
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Checking */

static gboolean
collect_rows (SmSqliteStore  *self,
              const char     *sql,
              GPtrArray      *rows,
              GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("check the database"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (row, "%s%s", i ? " " : "",
                                sqlite3_column_text (stmt, i) != NULL ? (const char *) sqlite3_column_text (stmt, i) : "-");
      g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("check the database"));
  return TRUE;
}

/* Every field of every record class must have its column. */
static gboolean
check_columns (SmSqliteStore  *self,
               GPtrArray      *problems,
               GError        **error)
{
  for (guint t = 0; t < self->tables->len; t++)
    {
      Table *table = &g_array_index (self->tables, Table, t);
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", table->klass->table);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

      if (!collect_rows (self, sql, columns, error))
        return FALSE;
      for (guint i = 0; i < table->klass->n_fields; i++)
        if (!g_ptr_array_find_with_equal_func (columns, table->klass->fields[i].name, g_str_equal, NULL))
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Table %s has no column %s"),
                                            table->klass->table, table->klass->fields[i].name));
    }
  return TRUE;
}

static gboolean
sm_sqlite_store_check (SmStore    *store,
                       GPtrArray  *problems,
                       GError    **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  gint64 version = 0, app_id = 0;

  if (!collect_rows (self, "PRAGMA integrity_check", rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (rows->pdata[i], "ok") != 0)
      g_ptr_array_add (problems, g_strdup_printf (_("Integrity: %s"), (char *) rows->pdata[i]));

  g_ptr_array_set_size (rows, 0);
  if (!collect_rows (self, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rows->pdata[i], " ", 3);
      g_ptr_array_add (problems,
                       g_strdup_printf (_("Row %s of table %s refers to a missing row of table %s"),
                                        parts[1], parts[0], parts[2]));
    }

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error))
    return FALSE;
  if (version != SM_SQLITE_STORE_SCHEMA_VERSION)
    g_ptr_array_add (problems, g_strdup_printf (_("Schema version is %lld; expected %d"),
                                                (long long) version, SM_SQLITE_STORE_SCHEMA_VERSION));
  if (app_id != APPLICATION_ID)
    g_ptr_array_add (problems, g_strdup (_("The file is not marked as a Stagematch database")));

  return check_columns (self, problems, error);
}

static char *
sm_sqlite_store_dup_location (SmStore *store)
{
  return g_strdup (SM_SQLITE_STORE (store)->path);
}

static void
sm_sqlite_store_iface_init (SmStoreInterface *iface)
{
  iface->list = sm_sqlite_store_list;
  iface->count = sm_sqlite_store_count;
  iface->count_by = sm_sqlite_store_count_by;
  iface->lookup_key = sm_sqlite_store_lookup_key;
  iface->apply = sm_sqlite_store_apply;
  iface->load_postcode_areas = sm_sqlite_store_load_postcode_areas;
  iface->replace_postcode_areas = sm_sqlite_store_replace_postcode_areas;
  iface->dup_setting = sm_sqlite_store_dup_setting;
  iface->set_setting = sm_sqlite_store_set_setting;
  iface->check = sm_sqlite_store_check;
  iface->dup_location = sm_sqlite_store_dup_location;
  iface->load_audit_log = sm_sqlite_store_load_audit_log;
}

/* Opening and migrating */

/* Creates @path, readable and writable by its owner only, unless it
 * exists. SQLite gives its -wal and -shm files the same mode. */
static gboolean
create_private_file (const char  *path,
                     gboolean    *created,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  *created = FALSE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      *created = TRUE;
      close (fd);
      return TRUE;
    }
  if (errno == EEXIST)
    return TRUE;

  {
    int saved = errno;
    g_set_error (error, SM_STORE_ERROR,
                 saved == EACCES || saved == EROFS ? SM_STORE_ERROR_READ_ONLY : SM_STORE_ERROR_FAILED,
                 _("Could not create the database “%s”: %s"), path, g_strerror (saved));
  }
  return FALSE;
}

static gboolean
backup (SmSqliteStore  *self,
        int             version,
        GError        **error)
{
  g_autofree char *path = g_strdup_printf ("%s.v%d.bak", self->path, version);
  sqlite3 *dest = NULL;
  sqlite3_backup *job;
  gboolean created;
  int rc;

  /* An older backup of the same version stays: it is the one closest to
   * what the coordinator had before. */
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s.v%d-%u.bak", self->path, version, n);
    }

  if (!create_private_file (path, &created, error))
    return FALSE;
  if (sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                   _("Could not write a backup to “%s”: %s"), path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }

  job = sqlite3_backup_init (dest, "main", self->db, "main");
  rc = job != NULL ? sqlite3_backup_step (job, -1) : sqlite3_errcode (dest);
  if (job != NULL)
    sqlite3_backup_finish (job);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                   _("Could not write a backup to “%s”: %s"), path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (path);
      return FALSE;
    }
  sqlite3_close (dest);

  self->backup_path = g_steal_pointer (&path);
  return TRUE;
}

static gboolean
migrate (SmSqliteStore  *self,
         int             from,
         GError        **error)
{
  if (!sm_sqlite_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int version = from + 1; version <= SM_SQLITE_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf (RESOURCE_SCHEMA "%04d.sql", version);
      g_autoptr(GBytes) sql = g_resource_lookup_data (sm_core_get_resource (), name, 0, NULL);
      g_autofree char *text = NULL;

      g_assert (sql != NULL);
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      if (!sm_sqlite_store_exec (self, text, error))
        {
          g_prefix_error (error, _("Updating to schema version %d failed: "), version);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                                SM_SQLITE_STORE_SCHEMA_VERSION, APPLICATION_ID);
    if (!sm_sqlite_store_exec (self, pragmas, error) || !sm_sqlite_store_exec (self, "COMMIT", error))
      {
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }

  self->schema_version = SM_SQLITE_STORE_SCHEMA_VERSION;
  return TRUE;
}

static gboolean
open_database (SmSqliteStore  *self,
               GError        **error)
{
  gint64 app_id = 0, version = 0, n_objects = 0;
  gboolean created;
  GType record_types[12];

  if (!create_private_file (self->path, &created, error))
    return FALSE;

  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                       _("Could not open “%s”: out of memory"), self->path);
          return FALSE;
        }
      return sm_sqlite_store_db_error (self, error, _("open the database"));
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  if (!query_int (self, "PRAGMA application_id", &app_id, NULL) ||
      !query_int (self, "PRAGMA user_version", &version, NULL) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    {
      int primary = sqlite3_errcode (self->db);

      g_clear_error (error);
      if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return sm_sqlite_store_db_error (self, error, _("open the database"));
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_STAGEMATCH,
                   _("“%s” is not a Stagematch database; choose another file"), self->path);
      return FALSE;
    }

  if (app_id != APPLICATION_ID && !(app_id == 0 && version == 0 && n_objects == 0))
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_STAGEMATCH,
                   _("“%s” is not a Stagematch database; choose another file"), self->path);
      return FALSE;
    }

  if (version > SM_SQLITE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was made by a newer version of Stagematch (schema %lld"
                     "; this version knows up to %d); install the newer version to open it"),
                   self->path, (long long) version, SM_SQLITE_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written; check that you may change the file and its folder"),
                   self->path);
      return FALSE;
    }

  /* secure_delete overwrites deleted content with zeros, so that erased
   * personal data does not linger in free space of the file. */
  if (!sm_sqlite_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !sm_sqlite_store_exec (self, "PRAGMA secure_delete = ON", error) ||
      !sm_sqlite_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !sm_sqlite_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;

  self->schema_version = (int) version;
  if (version < SM_SQLITE_STORE_SCHEMA_VERSION)
    {
      if (version > 0 && !backup (self, (int) version, error))
        return FALSE;
      if (!migrate (self, (int) version, error))
        return FALSE;
    }

  record_types[0] = SM_TYPE_PROGRAMME;
  record_types[1] = SM_TYPE_STUDENT;
  record_types[2] = SM_TYPE_COMPANY;
  record_types[3] = SM_TYPE_OFFER;
  record_types[4] = SM_TYPE_PLACEMENT;
  record_types[5] = SM_TYPE_DECISION;
  record_types[6] = SM_TYPE_PREFERENCE;
  record_types[7] = SM_TYPE_MATCH_RUN;
  record_types[8] = SM_TYPE_CANDIDATE;
  record_types[9] = SM_TYPE_CRITERION;
  record_types[10] = SM_TYPE_REVIEW;
  record_types[11] = SM_TYPE_REASON_CODE;
  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    {
      Table table = { record_types[i], g_type_class_ref (record_types[i]) };

      g_array_append_val (self->tables, table);
      if (!sm_sqlite_store_table_prepare (self, &g_array_index (self->tables, Table, self->tables->len - 1), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sm_sqlite_store_new:
 * @path: the database file; created, with mode 0600, if it does not exist
 *
 * Opens a Stagematch database, bringing an older one up to the current
 * schema after writing a backup copy beside it.
 *
 * Returns: (transfer full): the store, or %NULL with @error saying why:
 *   %SM_STORE_ERROR_LOCKED, %SM_STORE_ERROR_READ_ONLY,
 *   %SM_STORE_ERROR_NEWER_SCHEMA or %SM_STORE_ERROR_NOT_STAGEMATCH
 */
SmSqliteStore *
sm_sqlite_store_new (const char  *path,
                     GError     **error)
{
  g_autoptr(SmSqliteStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SM_TYPE_SQLITE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sm_sqlite_store_dup_default_path:
 *
 * Returns: the database of the current user: stagematch/stagematch.db in
 *   the user data folder ($XDG_DATA_HOME)
 */
char *
sm_sqlite_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "stagematch", "stagematch.db", NULL);
}

const char *
sm_sqlite_store_get_path (SmSqliteStore *self)
{
  g_return_val_if_fail (SM_IS_SQLITE_STORE (self), NULL);
  return self->path;
}

int
sm_sqlite_store_get_schema_version (SmSqliteStore *self)
{
  g_return_val_if_fail (SM_IS_SQLITE_STORE (self), 0);
  return self->schema_version;
}

/**
 * sm_sqlite_store_get_backup_path:
 *
 * Returns: (nullable): the backup written before a migration on opening
 */
const char *
sm_sqlite_store_get_backup_path (SmSqliteStore *self)
{
  g_return_val_if_fail (SM_IS_SQLITE_STORE (self), NULL);
  return self->backup_path;
}
