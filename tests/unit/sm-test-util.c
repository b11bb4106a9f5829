/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-test-util"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sm-test-util.h"

/* Temporary folders */

/* A fresh folder under the temporary folder, named after @name. */
char *
sm_test_make_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("stagematch-test-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes @path and, if it is a folder, everything in it; a symbolic
 * link is removed, not followed. Failures are left for the caller to
 * find, by checking that @path is gone. */
void
sm_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      sm_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* Stores */

SmSqliteStore *
sm_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SmSqliteStore *store = sm_sqlite_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Raw SQLite */

sqlite3 *
sm_test_raw_open (const char *path,
                  int         flags)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    g_error ("Could not open %s: %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 5000);
  return db;
}

void
sm_test_raw_exec (sqlite3    *db,
                  const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

/* The first column of the first row @sql gives, which must give one. */
gint64
sm_test_raw_int (sqlite3    *db,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("“%s” gave no row: %s", sql, sqlite3_errmsg (db));
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

/* sm_test_raw_int() on the database file @path, opened read-only. */
gint64
sm_test_file_int (const char *path,
                  const char *sql)
{
  sqlite3 *db = sm_test_raw_open (path, SQLITE_OPEN_READONLY);
  gint64 result = sm_test_raw_int (db, sql);

  sqlite3_close (db);
  return result;
}

/* The rows of @tables (all tables if %NULL) with the type of every value,
 * and their schema, in a stable order: two dumps are equal only if the
 * contents are. The file is opened read-only. */
char *
sm_test_dump_tables (const char         *path,
                     const char * const *tables)
{
  sqlite3 *db = sm_test_raw_open (path, SQLITE_OPEN_READONLY);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Could not list the tables: %s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      if (tables != NULL && !g_strv_contains (tables, name))
        continue;
      g_string_append_printf (out, "%s %s: %s\n", type, name, sql != NULL ? sql : "-");
      if (g_str_equal (type, "table"))
        g_ptr_array_add (names, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  for (guint t = 0; t < names->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", (char *) names->pdata[t]);

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
      g_string_append_printf (out, "rows %s\n", (char *) names->pdata[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              int type = sqlite3_column_type (stmt, i);

              g_string_append_printf (out, "%s%d:", i ? "|" : "", type);
              if (type != SQLITE_NULL)
                g_string_append_len (out, sqlite3_column_blob (stmt, i), sqlite3_column_bytes (stmt, i));
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Compares two dumps and names the first line that differs, instead of
 * printing both whole. */
void
sm_test_assert_same_dump (const char *before,
                          const char *after)
{
  g_auto(GStrv) a = g_strsplit (before, "\n", -1);
  g_auto(GStrv) b = g_strsplit (after, "\n", -1);

  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    if (a[i] == NULL || b[i] == NULL || strcmp (a[i], b[i]) != 0)
      g_error ("The database changed at line %u of its dump: “%s” became “%s”",
               i + 1, a[i] != NULL ? a[i] : "(end)", b[i] != NULL ? b[i] : "(end)");
}

/* Records */

void
sm_test_set_text (SmRecord   *record,
                  const char *name,
                  const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!sm_record_set_from_text (record, name, text, &error))
    g_error ("Setting %s to “%s” failed: %s", name, text, error->message);
}

/* Sets the field @name of @record to the id of the stored @target. */
void
sm_test_set_id (SmRecord   *record,
                const char *name,
                SmRecord   *target)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sm_record_get_id (target));

  g_assert_cmpint (sm_record_get_id (target), >, 0);
  sm_test_set_text (record, name, id);
}

/* The id of the stored @record, as text. */
char *
sm_test_id_text (SmRecord *record)
{
  g_assert_cmpint (sm_record_get_id (record), >, 0);
  return g_strdup_printf ("%" G_GINT64_FORMAT, sm_record_get_id (record));
}

void
sm_test_save (SmStore  *store,
              SmRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!sm_store_save (store, record, &error))
    g_error ("Saving %s failed: %s", G_OBJECT_TYPE_NAME (record), error->message);
}

void
sm_test_apply (SmStore     *store,
               SmChangeSet *changes)
{
  g_autoptr(GError) error = NULL;

  if (!sm_store_apply (store, changes, &error))
    g_error ("Applying failed: %s", error->message);
}
