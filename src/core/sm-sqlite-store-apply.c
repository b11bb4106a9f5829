/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-sqlite-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-decision.h"
#include "sm-placement.h"
#include "sm-sqlite-store-private.h"

/* Applying changes */

static char *
record_name (SmRecord *record)
{
  g_autofree char *title = sm_record_dup_title (record);

  if (title == NULL || *title == '\0')
    return g_strdup_printf ("#%" G_GINT64_FORMAT, sm_record_get_id (record));
  return g_steal_pointer (&title);
}

static gboolean
row_exists (SmSqliteStore  *self,
            Table          *table,
            gint64          id,
            gboolean       *exists,
            GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table->klass->table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("read the database"));
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("read the database"));
  return TRUE;
}

/* Checks what the schema also enforces, to say it in words: a duplicate
 * natural key, or a reference to something that is not there. */
static gboolean
check_references (SmSqliteStore  *self,
                  Table          *table,
                  SmRecord       *record,
                  GError        **error)
{
  const char *key = sm_sqlite_store_record_key (table, record);

  if (key != NULL)
    {
      int rc;
      gint64 other = 0;

      sqlite3_reset (table->select_key);
      sqlite3_bind_text (table->select_key, 1, key, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (table->select_key);
      if (rc == SQLITE_ROW)
        other = sqlite3_column_int64 (table->select_key, 0);
      sqlite3_reset (table->select_key);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sm_sqlite_store_db_error (self, error, _("read the database"));

      if (other != 0 && other != sm_record_get_id (record))
        {
          const SmField *field = &table->klass->fields[table->klass->key_field];
          g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT,
                       _("%s: “%s” is already in use; each must be unique"),
                       g_dgettext (GETTEXT_PACKAGE, field->label), key);
          return FALSE;
        }
    }

  for (guint i = 0; i < table->klass->n_fields; i++)
    {
      const SmField *field = &table->klass->fields[i];
      Table *target;

      if (field->get_type == NULL || field->kind == SM_FIELD_ENUM || field->kind == SM_FIELD_FLAGS)
        continue;
      target = sm_sqlite_store_find_table (self, field->get_type ());
      g_assert (target != NULL);

      if (field->kind == SM_FIELD_REF)
        {
          gint64 id = sm_record_get_int (record, i);
          gboolean exists = FALSE;

          if (id <= 0)
            continue;
          if (!row_exists (self, target, id, &exists, error))
            return FALSE;
          if (!exists)
            {
              g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND,
                           _("%s: there is no record with number %lld"),
                           g_dgettext (GETTEXT_PACKAGE, field->label), (long long) id);
              return FALSE;
            }
        }
      else if (field->kind == SM_FIELD_STRING && sm_record_get_string (record, i) != NULL)
        {
          const char *value = sm_record_get_string (record, i);
          int rc;

          sqlite3_reset (target->select_key);
          sqlite3_bind_text (target->select_key, 1, value, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (target->select_key);
          sqlite3_reset (target->select_key);
          if (rc == SQLITE_DONE)
            {
              g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND,
                           _("%s: “%s” is not known; add it first"),
                           g_dgettext (GETTEXT_PACKAGE, field->label), value);
              return FALSE;
            }
          if (rc != SQLITE_ROW)
            return sm_sqlite_store_db_error (self, error, _("read the database"));
        }
    }

  return TRUE;
}

/* Says which records still refer to one that is to be deleted. */
static gboolean
check_not_referred (SmSqliteStore  *self,
                    Table          *table,
                    SmRecord       *record,
                    const char     *key,
                    gboolean        deleting,
                    GError        **error)
{
  g_autoptr(GString) users = g_string_new (NULL);

  for (guint t = 0; t < self->tables->len; t++)
    {
      Table *other = &g_array_index (self->tables, Table, t);

      for (guint i = 0; i < other->klass->n_fields; i++)
        {
          const SmField *field = &other->klass->fields[i];
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt = NULL;
          gint64 count = 0;

          if (field->get_type == NULL || field->kind == SM_FIELD_ENUM || field->kind == SM_FIELD_FLAGS ||
              field->get_type () != table->type)
            continue;
          /* A new key only matters to those that refer by key. */
          if (!deleting && field->kind == SM_FIELD_REF)
            continue;

          sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1", other->klass->table, field->name);
          if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
            return sm_sqlite_store_db_error (self, error, _("read the database"));
          if (field->kind == SM_FIELD_REF)
            sqlite3_bind_int64 (stmt, 1, sm_record_get_id (record));
          else
            sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            count = sqlite3_column_int64 (stmt, 0);
          sqlite3_finalize (stmt);

          if (count > 0)
            g_string_append_printf (users, "%s%" G_GINT64_FORMAT " %s", users->len ? ", " : "",
                                    count, count == 1 ? sm_record_class_get_noun (other->klass)
                                                      : sm_record_class_get_plural (other->klass));
        }
    }

  if (users->len > 0)
    {
      g_autofree char *name = record_name (record);
      if (deleting)
        g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT,
                     _("“%s” cannot be deleted while other records refer to it: %s"), name, users->str);
      else
        g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT,
                     _("%s: “%s” cannot change while other records refer to it: %s"),
                     g_dgettext (GETTEXT_PACKAGE, table->klass->fields[table->klass->key_field].label),
                     key, users->str);
      return FALSE;
    }

  return TRUE;
}

/* The natural key of a record that others refer to by that key (the code
 * of a programme) cannot change under them. */
static gboolean
check_key_change (SmSqliteStore  *self,
                  Table          *table,
                  SmRecord       *record,
                  GError        **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *old_key = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (table->klass->key_field < 0)
    return TRUE;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                         table->klass->fields[table->klass->key_field].name, table->klass->table);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("read the database"));
  sqlite3_bind_int64 (stmt, 1, sm_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    old_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("read the database"));

  if (old_key == NULL || g_strcmp0 (old_key, sm_sqlite_store_record_key (table, record)) == 0)
    return TRUE;
  return check_not_referred (self, table, record, old_key, FALSE, error);
}

static gboolean
apply_change (SmSqliteStore  *self,
              SmChangeSet    *changes,
              guint           position,
              GError        **error)
{
  SmRecord *record = sm_change_set_get_record (changes, position);
  Table *table = sm_sqlite_store_find_table (self, G_OBJECT_TYPE (record));
  gint64 id = sm_record_get_id (record);

  g_assert (table != NULL);

  if (sm_change_set_get_kind (changes, position) == SM_CHANGE_DELETE)
    {
      if (!check_not_referred (self, table, record, sm_sqlite_store_record_key (table, record), TRUE, error))
        return FALSE;
      sqlite3_bind_int64 (table->delete, 1, id);
      return sm_sqlite_store_step_done (self, table->delete, error);
    }

  sm_change_set_resolve_links (changes, position);
  if (!sm_record_validate (record, error) ||
      !check_references (self, table, record, error))
    return FALSE;

  if (id == 0)
    {
      sm_sqlite_store_bind_record (table, table->insert, record);
      if (!sm_sqlite_store_step_done (self, table->insert, error))
        return FALSE;
      sm_record_set_id (record, sqlite3_last_insert_rowid (self->db));
      return TRUE;
    }

  if (G_OBJECT_TYPE (record) == SM_TYPE_DECISION)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT,
                   _("Decisions are never edited; record a new decision that corrects it"));
      return FALSE;
    }

  if (!check_key_change (self, table, record, error))
    return FALSE;

  sm_sqlite_store_bind_record (table, table->update, record);
  sqlite3_bind_int64 (table->update, table->klass->n_fields + 1, id);
  if (!sm_sqlite_store_step_done (self, table->update, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *name = record_name (record);
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the database"), name);
      return FALSE;
    }
  return TRUE;
}

/* Brings the loaded lists in step with changes that were committed. New
 * records of a type are added with one splice, so a large import is one
 * items-changed. */
static void
update_lists (SmSqliteStore *self,
              SmChangeSet   *changes,
              GHashTable    *changed_types)
{
  g_autoptr(GHashTable) added = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < sm_change_set_get_n_changes (changes); i++)
    {
      SmRecord *record = sm_change_set_get_record (changes, i);
      Table *table = sm_sqlite_store_find_table (self, G_OBJECT_TYPE (record));
      gint64 id = sm_record_get_id (record);
      SmRecord *cached;

      g_hash_table_add (changed_types, GSIZE_TO_POINTER (table->type));
      if (table->list == NULL)
        continue;

      cached = sm_store_lookup (SM_STORE (self), table->type, id);

      if (sm_change_set_get_kind (changes, i) == SM_CHANGE_DELETE)
        {
          guint position;

          if (cached != NULL && g_list_store_find (table->list, cached, &position))
            {
              sm_sqlite_store_index_remove (table, cached);
              g_list_store_remove (table->list, position);
            }
        }
      else if (cached != NULL)
        {
          sm_sqlite_store_index_remove (table, cached);
          if (cached != record)
            sm_record_copy_from (cached, record);
          sm_sqlite_store_index_add (table, cached);
        }
      else
        {
          GPtrArray *list = g_hash_table_lookup (added, table);
          SmRecord *copy = sm_record_dup (record);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (added, table, list);
            }
          g_ptr_array_add (list, copy);
          sm_sqlite_store_index_add (table, copy);
        }
    }

  g_hash_table_iter_init (&iter, added);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Table *table = key;
      GPtrArray *list = value;

      g_list_store_splice (table->list, g_list_model_get_n_items (G_LIST_MODEL (table->list)), 0,
                           list->pdata, list->len);
    }
}

static void
rollback (SmSqliteStore *self,
          SmChangeSet   *changes,
          const gint64  *old_ids)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  /* Nothing was stored, so no record keeps an id it was given. */
  for (guint j = 0; j < sm_change_set_get_n_changes (changes); j++)
    sm_record_set_id (sm_change_set_get_record (changes, j), old_ids[j]);
}

gboolean
sm_sqlite_store_apply (SmStore      *store,
                       SmChangeSet  *changes,
                       GError      **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  guint n = sm_change_set_get_n_changes (changes);
  g_autoptr(GHashTable) changed_types = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) autos = g_ptr_array_new_with_free_func (sm_sqlite_store_auto_log_free);
  g_autoptr(GArray) erased = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *old_ids = g_new0 (gint64, MAX (n, 1));
  GHashTableIter iter;
  gpointer type;

  /* A set may hold only log entries (a reveal, an export): those are
   * written all the same. */
  if (n == 0 && sm_change_set_get_n_logs (changes) == 0)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      SmRecord *record = sm_change_set_get_record (changes, i);

      old_ids[i] = sm_record_get_id (record);
      if (sm_sqlite_store_find_table (self, G_OBJECT_TYPE (record)) == NULL)
        {
          g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                       "No table holds records of type %s", G_OBJECT_TYPE_NAME (record));
          return FALSE;
        }
    }
  if (!sm_sqlite_store_check_logs (changes, error))
    return FALSE;

  if (!sm_sqlite_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      SmRecord *record = sm_change_set_get_record (changes, i);
      g_autofree char *old_status = NULL;

      /* A placement's status before the change, to log a change of it. */
      if (G_OBJECT_TYPE (record) == SM_TYPE_PLACEMENT && old_ids[i] > 0 &&
          !sm_sqlite_store_read_placement_status (self, old_ids[i], &old_status, error))
        {
          rollback (self, changes, old_ids);
          return FALSE;
        }

      if (!apply_change (self, changes, i, error))
        {
          rollback (self, changes, old_ids);
          return FALSE;
        }
      sm_sqlite_store_collect_auto_log (changes, i, old_ids[i], old_status, autos);
    }

  if (!sm_sqlite_store_write_logs (self, changes, autos, erased, error) ||
      !sm_sqlite_store_exec (self, "COMMIT", error))
    {
      rollback (self, changes, old_ids);
      return FALSE;
    }

  update_lists (self, changes, changed_types);
  sm_sqlite_store_finish_erasure (self, erased, changed_types);

  g_hash_table_iter_init (&iter, changed_types);
  while (g_hash_table_iter_next (&iter, &type, NULL))
    g_signal_emit_by_name (self, "changed", (GType) GPOINTER_TO_SIZE (type));

  return TRUE;
}
