/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-sqlite-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "sm-audit.h"
#include "sm-candidate.h"
#include "sm-company.h"
#include "sm-criterion.h"
#include "sm-core-resources.h"
#include "sm-decision.h"
#include "sm-match-run.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-programme.h"
#include "sm-reason-code.h"
#include "sm-review.h"
#include "sm-sqlite-store.h"
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

typedef struct
{
  GType         type;
  SmRecordClass *klass;
  sqlite3_stmt *select_all;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *delete;
  sqlite3_stmt *select_key;
  GListStore   *list;     /* NULL until first asked for */
  GHashTable   *by_key;   /* natural key → record, while list is loaded */
  GHashTable   *key_of;   /* record → the key it is indexed under */
} Table;

struct _SmSqliteStore
{
  GObject   parent_instance;

  char     *path;
  char     *backup_path;
  sqlite3  *db;
  int       schema_version;
  GArray   *tables;       /* of Table */

  /* The decision log; prepared when first needed. */
  sqlite3_stmt *log_placement_status;
  sqlite3_stmt *log_candidate_id;
};

static void sm_sqlite_store_iface_init (SmStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmSqliteStore, sm_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SM_TYPE_STORE, sm_sqlite_store_iface_init))

static gboolean
db_error (SmSqliteStore  *self,
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

static gboolean
exec (SmSqliteStore  *self,
      const char     *sql,
      GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_error (self, error, _("change the database"));
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
    return db_error (self, error, _("read the database"));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (self, error, _("read the database"));
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

static sqlite3_stmt *
prepare (SmSqliteStore  *self,
         const char     *sql,
         GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      db_error (self, error, _("prepare a statement"));
      return NULL;
    }
  return stmt;
}

static gboolean
table_prepare (SmSqliteStore  *self,
               Table          *table,
               GError        **error)
{
  const char *name = table->klass->table;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) assignments = g_string_new (NULL);
  g_autofree char *select_all = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;

  for (guint i = 0; i < table->klass->n_fields; i++)
    {
      const char *column = table->klass->fields[i].name;

      g_string_append_printf (columns, "%s%s", i ? ", " : "", column);
      g_string_append_printf (params, "%s?%u", i ? ", " : "", i + 1);
      g_string_append_printf (assignments, "%s%s = ?%u", i ? ", " : "", column, i + 1);
    }

  select_all = g_strdup_printf ("SELECT id, %s FROM %s ORDER BY id", columns->str, name);
  insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", name, columns->str, params->str);
  update = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?%u", name, assignments->str, table->klass->n_fields + 1);
  delete = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", name);

  if (!(table->select_all = prepare (self, select_all, error)) ||
      !(table->insert = prepare (self, insert, error)) ||
      !(table->update = prepare (self, update, error)) ||
      !(table->delete = prepare (self, delete, error)))
    return FALSE;

  if (table->klass->key_field >= 0)
    {
      g_autofree char *select_key = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", name,
                                                     table->klass->fields[table->klass->key_field].name);
      if (!(table->select_key = prepare (self, select_key, error)))
        return FALSE;
    }

  return TRUE;
}

static Table *
find_table (SmSqliteStore *self,
            GType          type)
{
  for (guint i = 0; i < self->tables->len; i++)
    {
      Table *table = &g_array_index (self->tables, Table, i);
      if (table->type == type)
        return table;
    }
  return NULL;
}

/* Values: how each kind of field sits in a column */

static char *
flags_to_text (GType type,
               guint flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    if ((flags & klass->values[i].value) == klass->values[i].value)
      g_string_append_printf (out, "%s%s", out->len ? "," : "", klass->values[i].value_nick);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
flags_from_text (GType       type,
                 const char *text)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  guint flags = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GFlagsValue *value = g_flags_get_value_by_nick (klass, parts[i]);
      if (value != NULL)
        flags |= value->value;
    }
  return flags;
}

static void
bind_field (sqlite3_stmt  *stmt,
            int            param,
            const SmField *field,
            const GValue  *value)
{
  switch (field->kind)
    {
    case SM_FIELD_STRING:
    case SM_FIELD_TEXT:
    case SM_FIELD_DATE:
      if (g_value_get_string (value) != NULL)
        sqlite3_bind_text (stmt, param, g_value_get_string (value), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, param);
      break;
    case SM_FIELD_INT:
      sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      break;
    case SM_FIELD_REF:
      if (g_value_get_int64 (value) > 0)
        sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      else
        sqlite3_bind_null (stmt, param);
      break;
    case SM_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, param, g_value_get_boolean (value) ? 1 : 0);
      break;
    case SM_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (G_VALUE_TYPE (value));
        GEnumValue *enum_value = g_enum_get_value (klass, g_value_get_enum (value));
        sqlite3_bind_text (stmt, param, enum_value != NULL ? enum_value->value_nick : "", -1, SQLITE_TRANSIENT);
      }
      break;
    case SM_FIELD_FLAGS:
      sqlite3_bind_text (stmt, param, flags_to_text (G_VALUE_TYPE (value), g_value_get_flags (value)), -1, g_free);
      break;
    case SM_FIELD_STRV:
      {
        const char * const *items = g_value_get_boxed (value);
        if (items != NULL && items[0] != NULL)
          sqlite3_bind_text (stmt, param, g_strjoinv ("\n", (char **) items), -1, g_free);
        else
          sqlite3_bind_null (stmt, param);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_field (sqlite3_stmt  *stmt,
            int            column,
            const SmField *field,
            GValue        *value)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  switch (field->kind)
    {
    case SM_FIELD_STRING:
    case SM_FIELD_TEXT:
    case SM_FIELD_DATE:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text);
      break;
    case SM_FIELD_INT:
    case SM_FIELD_REF:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
      break;
    case SM_FIELD_BOOLEAN:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
      break;
    case SM_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->get_type ());
        GEnumValue *enum_value = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

        g_value_init (value, field->get_type ());
        g_value_set_enum (value, enum_value != NULL ? enum_value->value : (int) field->default_value);
      }
      break;
    case SM_FIELD_FLAGS:
      g_value_init (value, field->get_type ());
      g_value_set_flags (value, flags_from_text (field->get_type (), text));
      break;
    case SM_FIELD_STRV:
      g_value_init (value, G_TYPE_STRV);
      if (text != NULL && *text != '\0')
        g_value_take_boxed (value, g_strsplit (text, "\n", -1));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_record (Table    *table,
             sqlite3_stmt *stmt,
             SmRecord *record)
{
  for (guint i = 0; i < table->klass->n_fields; i++)
    bind_field (stmt, i + 1, &table->klass->fields[i], sm_record_peek_value (record, i));
}

static const char *
record_key (Table    *table,
            SmRecord *record)
{
  if (table->klass->key_field < 0)
    return NULL;
  return sm_record_get_string (record, table->klass->key_field);
}

/* The natural-key index holds copies of the keys: a record may be edited
 * in place before it is saved, and its key with it. */
static void
index_remove (Table    *table,
              SmRecord *record)
{
  const char *key;

  if (table->by_key == NULL)
    return;
  key = g_hash_table_lookup (table->key_of, record);
  if (key != NULL)
    {
      g_hash_table_remove (table->by_key, key);
      g_hash_table_remove (table->key_of, record);
    }
}

static void
index_add (Table    *table,
           SmRecord *record)
{
  const char *key = record_key (table, record);
  char *copy;

  if (table->by_key == NULL || key == NULL)
    return;
  copy = g_strdup (key);
  g_hash_table_replace (table->by_key, copy, record);
  g_hash_table_replace (table->key_of, record, copy);
}

/* Lists */

static GListStore *
table_load (SmSqliteStore  *self,
            Table          *table,
            GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (table->list != NULL)
    return table->list;

  sqlite3_reset (table->select_all);
  while ((rc = sqlite3_step (table->select_all)) == SQLITE_ROW)
    {
      SmRecord *record = g_object_new (table->type, NULL);

      sm_record_set_id (record, sqlite3_column_int64 (table->select_all, 0));
      for (guint i = 0; i < table->klass->n_fields; i++)
        {
          GValue value = G_VALUE_INIT;

          read_field (table->select_all, i + 1, &table->klass->fields[i], &value);
          sm_record_load_value (record, i, &value);
        }
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (table->select_all);

  if (rc != SQLITE_DONE)
    {
      db_error (self, error, _("read the database"));
      return NULL;
    }

  table->list = g_list_store_new (table->type);
  g_list_store_splice (table->list, 0, 0, records->pdata, records->len);

  if (table->klass->key_field >= 0)
    {
      table->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      table->key_of = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < records->len; i++)
        index_add (table, records->pdata[i]);
    }

  return table->list;
}

static GListModel *
sm_sqlite_store_list (SmStore  *store,
                      GType     record_type,
                      GError  **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  Table *table = find_table (self, record_type);

  if (table == NULL)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                   "No table holds records of type %s", g_type_name (record_type));
      return NULL;
    }

  return G_LIST_MODEL (table_load (self, table, error));
}

static SmRecord *
sm_sqlite_store_lookup_key (SmStore    *store,
                            GType       record_type,
                            const char *key)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  Table *table = find_table (self, record_type);

  if (table == NULL || table->klass->key_field < 0 || table_load (self, table, NULL) == NULL)
    return NULL;
  return g_hash_table_lookup (table->by_key, key);
}

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
    return db_error (self, error, _("read the database"));
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (self, error, _("read the database"));
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
  const char *key = record_key (table, record);

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
        return db_error (self, error, _("read the database"));

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
      target = find_table (self, field->get_type ());
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
            return db_error (self, error, _("read the database"));
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
            return db_error (self, error, _("read the database"));
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
    return db_error (self, error, _("read the database"));
  sqlite3_bind_int64 (stmt, 1, sm_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    old_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (self, error, _("read the database"));

  if (old_key == NULL || g_strcmp0 (old_key, record_key (table, record)) == 0)
    return TRUE;
  return check_not_referred (self, table, record, old_key, FALSE, error);
}

static gboolean
step_done (SmSqliteStore  *self,
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
  return db_error (self, error, _("write the change"));
}

static gboolean
apply_change (SmSqliteStore  *self,
              SmChangeSet    *changes,
              guint           position,
              GError        **error)
{
  SmRecord *record = sm_change_set_get_record (changes, position);
  Table *table = find_table (self, G_OBJECT_TYPE (record));
  gint64 id = sm_record_get_id (record);

  g_assert (table != NULL);

  if (sm_change_set_get_kind (changes, position) == SM_CHANGE_DELETE)
    {
      if (!check_not_referred (self, table, record, record_key (table, record), TRUE, error))
        return FALSE;
      sqlite3_bind_int64 (table->delete, 1, id);
      return step_done (self, table->delete, error);
    }

  sm_change_set_resolve_links (changes, position);
  if (!sm_record_validate (record, error) ||
      !check_references (self, table, record, error))
    return FALSE;

  if (id == 0)
    {
      bind_record (table, table->insert, record);
      if (!step_done (self, table->insert, error))
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

  bind_record (table, table->update, record);
  sqlite3_bind_int64 (table->update, table->klass->n_fields + 1, id);
  if (!step_done (self, table->update, error))
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
      Table *table = find_table (self, G_OBJECT_TYPE (record));
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
              index_remove (table, cached);
              g_list_store_remove (table->list, position);
            }
        }
      else if (cached != NULL)
        {
          index_remove (table, cached);
          if (cached != record)
            sm_record_copy_from (cached, record);
          index_add (table, cached);
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
          index_add (table, copy);
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

/* The decision log
 *
 * Entries are written in the transaction of the changes they record, after
 * those changes, so that new records already have their ids and a failure
 * anywhere leaves neither. The store adds entries of its own for what must
 * always be logged, whoever makes the change: every new decision, and
 * every placement that is added, changes status or is deleted. */

/* An entry the store adds by itself. */
typedef struct
{
  const char *action;
  char       *actor;
  SmRecord   *record;      /* the decision or placement */
  gint64      offer_id;
  gint64      student_id;
  char       *details;
} AutoLog;

static void
auto_log_free (gpointer data)
{
  AutoLog *log = data;

  g_free (log->actor);
  g_free (log->details);
  g_free (log);
}

typedef struct
{
  sqlite3_stmt *insert;
  gint64        last_id;
  char         *last_hash;
  char         *at;
} LogWriter;

static void
log_writer_clear (LogWriter *writer)
{
  g_clear_pointer (&writer->insert, sqlite3_finalize);
  g_clear_pointer (&writer->last_hash, g_free);
  g_clear_pointer (&writer->at, g_free);
}

/* Reads where the chain ends inside the transaction, so that no other
 * program can append in between. */
static gboolean
log_writer_begin (SmSqliteStore  *self,
                  LogWriter      *writer,
                  GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error, _("read the decision log"));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      writer->last_id = sqlite3_column_int64 (stmt, 0);
      writer->last_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (self, error, _("read the decision log"));
  if (writer->last_hash == NULL)
    writer->last_hash = g_strdup (SM_AUDIT_GENESIS_HASH);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO audit_log (id, at, actor, action, offer_id, student_id, candidate_id, "
                          "decision_id, placement_id, details, prev_hash, hash) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                          -1, &writer->insert, NULL) != SQLITE_OK)
    return db_error (self, error, _("write the decision log"));

  writer->at = sm_audit_dup_now ();
  return TRUE;
}

static void
bind_log_id (sqlite3_stmt *stmt,
             int           param,
             gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, param, id);
  else
    sqlite3_bind_null (stmt, param);
}

static void
bind_log_text (sqlite3_stmt *stmt,
               int           param,
               const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, param);
}

/* Appends @entry, whose id, time and hashes are filled in here. The entry
 * only borrows its strings. */
static gboolean
log_append (SmSqliteStore  *self,
            LogWriter      *writer,
            SmAuditEntry   *entry,
            GError        **error)
{
  g_autofree char *hash = NULL;

  entry->id = writer->last_id + 1;
  entry->at = writer->at;
  entry->prev_hash = writer->last_hash;
  hash = sm_audit_entry_compute_hash (entry);

  sqlite3_bind_int64 (writer->insert, 1, entry->id);
  bind_log_text (writer->insert, 2, entry->at);
  bind_log_text (writer->insert, 3, entry->actor);
  bind_log_text (writer->insert, 4, entry->action);
  bind_log_id (writer->insert, 5, entry->offer_id);
  bind_log_id (writer->insert, 6, entry->student_id);
  bind_log_id (writer->insert, 7, entry->candidate_id);
  bind_log_id (writer->insert, 8, entry->decision_id);
  bind_log_id (writer->insert, 9, entry->placement_id);
  bind_log_text (writer->insert, 10, entry->details);
  bind_log_text (writer->insert, 11, entry->prev_hash);
  bind_log_text (writer->insert, 12, hash);
  if (!step_done (self, writer->insert, error))
    return FALSE;

  writer->last_id = entry->id;
  g_free (writer->last_hash);
  writer->last_hash = g_steal_pointer (&hash);
  return TRUE;
}

static gboolean
log_prepare_lookups (SmSqliteStore  *self,
                     GError        **error)
{
  if (self->log_placement_status == NULL &&
      !(self->log_placement_status = prepare (self, "SELECT status FROM placements WHERE id = ?1", error)))
    return FALSE;
  if (self->log_candidate_id == NULL &&
      !(self->log_candidate_id = prepare (self, "SELECT id FROM candidates WHERE offer_id = ?1 AND code = ?2",
                                          error)))
    return FALSE;
  return TRUE;
}

/* The status of a placement as stored, before a change overwrites it;
 * NULL if there is no such placement. */
static gboolean
read_placement_status (SmSqliteStore  *self,
                       gint64          id,
                       char          **status,
                       GError        **error)
{
  int rc;

  *status = NULL;
  if (!log_prepare_lookups (self, error))
    return FALSE;
  sqlite3_bind_int64 (self->log_placement_status, 1, id);
  rc = sqlite3_step (self->log_placement_status);
  if (rc == SQLITE_ROW)
    *status = g_strdup ((const char *) sqlite3_column_text (self->log_placement_status, 0));
  sqlite3_reset (self->log_placement_status);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (self, error, _("read the database"));
  return TRUE;
}

/* The candidate a decision is about, found by its code on the offer; 0
 * for decisions recorded without a candidate. */
static gboolean
find_candidate_id (SmSqliteStore  *self,
                   SmRecord       *decision,
                   gint64         *candidate_id,
                   GError        **error)
{
  int rc;

  *candidate_id = 0;
  if (!log_prepare_lookups (self, error))
    return FALSE;
  sqlite3_bind_int64 (self->log_candidate_id, 1, sm_record_get_int (decision, SM_DECISION_FIELD_OFFER_ID));
  bind_log_text (self->log_candidate_id, 2, sm_record_get_string (decision, SM_DECISION_FIELD_CANDIDATE_CODE));
  rc = sqlite3_step (self->log_candidate_id);
  if (rc == SQLITE_ROW)
    *candidate_id = sqlite3_column_int64 (self->log_candidate_id, 0);
  sqlite3_reset (self->log_candidate_id);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (self, error, _("read the database"));
  return TRUE;
}

/* Notes what the store must log of the change at @position, which has
 * just been written. @old_id is the record's id before, @old_status the
 * placement's stored status before. */
static void
collect_auto_log (SmChangeSet *changes,
                  guint        position,
                  gint64       old_id,
                  const char  *old_status,
                  GPtrArray   *autos)
{
  SmRecord *record = sm_change_set_get_record (changes, position);
  gboolean deleted = sm_change_set_get_kind (changes, position) == SM_CHANGE_DELETE;
  AutoLog *log;

  if (G_OBJECT_TYPE (record) == SM_TYPE_DECISION && !deleted && old_id == 0)
    {
      g_autofree char *kind = sm_record_dup_text (record, SM_DECISION_FIELD_KIND);
      const char *reason = sm_record_get_string (record, SM_DECISION_FIELD_REASON);
      gint64 corrects = sm_record_get_int (record, SM_DECISION_FIELD_CORRECTS_ID);
      GString *details = g_string_new (NULL);

      g_string_append_printf (details, "kind=%s", kind);
      if (reason != NULL)
        g_string_append_printf (details, ";reason=%s", reason);
      if (corrects > 0)
        g_string_append_printf (details, ";corrects=%" G_GINT64_FORMAT, corrects);

      log = g_new0 (AutoLog, 1);
      log->action = SM_AUDIT_DECISION;
      log->actor = g_strdup (sm_record_get_string (record, SM_DECISION_FIELD_DECIDED_BY));
      log->record = record;
      log->offer_id = sm_record_get_int (record, SM_DECISION_FIELD_OFFER_ID);
      log->student_id = sm_record_get_int (record, SM_DECISION_FIELD_STUDENT_ID);
      log->details = g_string_free (details, FALSE);
      g_ptr_array_add (autos, log);
    }
  else if (G_OBJECT_TYPE (record) == SM_TYPE_PLACEMENT)
    {
      g_autofree char *status = deleted ? g_strdup ("deleted")
                                        : sm_record_dup_text (record, SM_PLACEMENT_FIELD_STATUS);
      char *details;

      if (old_id == 0)
        details = g_strdup_printf ("status=%s", status);
      else if (old_status != NULL && g_strcmp0 (old_status, status) != 0)
        details = g_strdup_printf ("status=%s;from=%s", status, old_status);
      else
        return;

      log = g_new0 (AutoLog, 1);
      log->action = SM_AUDIT_PLACEMENT_STATUS;
      log->record = record;
      log->offer_id = sm_record_get_int (record, SM_PLACEMENT_FIELD_OFFER_ID);
      log->student_id = sm_record_get_int (record, SM_PLACEMENT_FIELD_STUDENT_ID);
      log->details = details;
      g_ptr_array_add (autos, log);
    }
}

/* An entry the caller wrote for the same decision or placement takes the
 * place of the store's own. */
static gboolean
auto_log_replaced (SmChangeSet   *changes,
                   const AutoLog *log)
{
  for (guint i = 0; i < sm_change_set_get_n_logs (changes); i++)
    {
      const SmChangeLog *entry = sm_change_set_get_log (changes, i);

      if (g_strcmp0 (entry->action, log->action) == 0 &&
          (entry->decision == log->record || entry->placement == log->record))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_logs (SmChangeSet  *changes,
            GError      **error)
{
  for (guint i = 0; i < sm_change_set_get_n_logs (changes); i++)
    {
      const SmChangeLog *entry = sm_change_set_get_log (changes, i);

      if (*entry->action == '\0' || !sm_audit_details_are_valid (entry->details))
        {
          g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                       _("The log entry “%s” was refused: its details “%s” are not key=value pairs"),
                       entry->action, entry->details != NULL ? entry->details : "");
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
log_record_id (SmRecord *record)
{
  return record != NULL ? sm_record_get_id (record) : 0;
}

/* Forgets what the store keeps of an erased student outside the record
 * fields: the hash of the personal code, and the notes of decisions about
 * them, which are free text that may name them. This is the one change a
 * decision ever gets; its kind, reason, author and time stay, so the
 * statistics do not change. */
static gboolean
erase_hidden (SmSqliteStore  *self,
              gint64          student_id,
              GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *trigger = NULL;
  gint64 n_notes = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "UPDATE students SET personal_code_hash = NULL WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error, _("erase personal data"));
  sqlite3_bind_int64 (stmt, 1, student_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, _("erase personal data"));

  if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM decisions WHERE student_id = ?1 AND note IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error, _("erase personal data"));
  sqlite3_bind_int64 (stmt, 1, student_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_notes = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (n_notes == 0)
    return TRUE;

  /* The trigger that keeps decisions unchanged steps aside for this one
   * statement; it is put back, as it was, in the same transaction. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'decisions_never_updated'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error, _("erase personal data"));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    trigger = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (trigger != NULL && !exec (self, "DROP TRIGGER decisions_never_updated", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "UPDATE decisions SET note = NULL WHERE student_id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error, _("erase personal data"));
  sqlite3_bind_int64 (stmt, 1, student_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error, _("erase personal data"));
  if (trigger != NULL && !exec (self, trigger, error))
    return FALSE;

  return TRUE;
}

/* Writes the store's own entries, then those of the set, in order. */
static gboolean
write_logs (SmSqliteStore  *self,
            SmChangeSet    *changes,
            GPtrArray      *autos,
            GArray         *erased,
            GError        **error)
{
  LogWriter writer = { NULL };
  gboolean ok = FALSE;

  if (autos->len == 0 && sm_change_set_get_n_logs (changes) == 0)
    return TRUE;

  for (guint i = 0; i < sm_change_set_get_n_logs (changes); i++)
    {
      const SmChangeLog *log = sm_change_set_get_log (changes, i);
      gint64 student_id = log_record_id (log->student);

      if (g_strcmp0 (log->action, SM_AUDIT_ERASURE) == 0 && student_id > 0)
        {
          if (!erase_hidden (self, student_id, error))
            return FALSE;
          g_array_append_val (erased, student_id);
        }
    }

  if (!log_writer_begin (self, &writer, error))
    goto out;

  for (guint i = 0; i < autos->len; i++)
    {
      AutoLog *log = autos->pdata[i];
      SmAuditEntry entry = { 0 };

      if (auto_log_replaced (changes, log))
        continue;

      entry.action = (char *) log->action;
      entry.actor = log->actor;
      entry.offer_id = log->offer_id;
      entry.student_id = log->student_id;
      entry.details = log->details;
      if (G_OBJECT_TYPE (log->record) == SM_TYPE_DECISION)
        {
          entry.decision_id = sm_record_get_id (log->record);
          if (!find_candidate_id (self, log->record, &entry.candidate_id, error))
            goto out;
        }
      else
        entry.placement_id = sm_record_get_id (log->record);

      if (!log_append (self, &writer, &entry, error))
        goto out;
    }

  for (guint i = 0; i < sm_change_set_get_n_logs (changes); i++)
    {
      const SmChangeLog *log = sm_change_set_get_log (changes, i);
      SmAuditEntry entry = { 0 };

      entry.action = (char *) log->action;
      entry.actor = (char *) log->actor;
      entry.offer_id = log_record_id (log->offer);
      entry.student_id = log_record_id (log->student);
      entry.candidate_id = log_record_id (log->candidate);
      entry.decision_id = log_record_id (log->decision);
      entry.placement_id = log_record_id (log->placement);
      entry.details = (char *) log->details;

      if (!log_append (self, &writer, &entry, error))
        goto out;
    }

  ok = TRUE;

out:
  log_writer_clear (&writer);
  return ok;
}

/* After an erasure: the cached decisions lose their notes as the stored
 * ones did, and the write-ahead log, which still holds the pages as they
 * were, is emptied into the database (where secure_delete has overwritten
 * the old content) and cut to nothing. */
static void
finish_erasure (SmSqliteStore *self,
                GArray        *erased,
                GHashTable    *changed_types)
{
  Table *table = find_table (self, SM_TYPE_DECISION);
  int rc;

  if (erased->len == 0)
    return;

  if (table->list != NULL)
    {
      GListModel *list = G_LIST_MODEL (table->list);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(SmRecord) decision = g_list_model_get_item (list, i);
          gint64 student_id = sm_record_get_int (decision, SM_DECISION_FIELD_STUDENT_ID);

          if (sm_record_get_string (decision, SM_DECISION_FIELD_NOTE) == NULL)
            continue;
          for (guint j = 0; j < erased->len; j++)
            if (g_array_index (erased, gint64, j) == student_id)
              sm_record_set_string (decision, SM_DECISION_FIELD_NOTE, NULL);
        }
    }
  g_hash_table_add (changed_types, GSIZE_TO_POINTER (SM_TYPE_DECISION));

  /* Another program reading the database can keep the checkpoint from
   * finishing; the next one that does finish removes the old pages. */
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    g_debug ("The write-ahead log could not be emptied after an erasure: %s", sqlite3_errmsg (self->db));
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

static gboolean
sm_sqlite_store_apply (SmStore      *store,
                       SmChangeSet  *changes,
                       GError      **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  guint n = sm_change_set_get_n_changes (changes);
  g_autoptr(GHashTable) changed_types = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) autos = g_ptr_array_new_with_free_func (auto_log_free);
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
      if (find_table (self, G_OBJECT_TYPE (record)) == NULL)
        {
          g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                       "No table holds records of type %s", G_OBJECT_TYPE_NAME (record));
          return FALSE;
        }
    }
  if (!check_logs (changes, error))
    return FALSE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      SmRecord *record = sm_change_set_get_record (changes, i);
      g_autofree char *old_status = NULL;

      /* A placement's status before the change, to log a change of it. */
      if (G_OBJECT_TYPE (record) == SM_TYPE_PLACEMENT && old_ids[i] > 0 &&
          !read_placement_status (self, old_ids[i], &old_status, error))
        {
          rollback (self, changes, old_ids);
          return FALSE;
        }

      if (!apply_change (self, changes, i, error))
        {
          rollback (self, changes, old_ids);
          return FALSE;
        }
      collect_auto_log (changes, i, old_ids[i], old_status, autos);
    }

  if (!write_logs (self, changes, autos, erased, error) ||
      !exec (self, "COMMIT", error))
    {
      rollback (self, changes, old_ids);
      return FALSE;
    }

  update_lists (self, changes, changed_types);
  finish_erasure (self, erased, changed_types);

  g_hash_table_iter_init (&iter, changed_types);
  while (g_hash_table_iter_next (&iter, &type, NULL))
    g_signal_emit_by_name (self, "changed", (GType) GPOINTER_TO_SIZE (type));

  return TRUE;
}

static GPtrArray *
sm_sqlite_store_load_audit_log (SmStore  *store,
                                GError  **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_audit_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, at, actor, action, offer_id, student_id, candidate_id, decision_id, "
                          "placement_id, details, prev_hash, hash FROM audit_log ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      db_error (self, error, _("read the decision log"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmAuditEntry *entry = g_new0 (SmAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->offer_id = sqlite3_column_int64 (stmt, 4);
      entry->student_id = sqlite3_column_int64 (stmt, 5);
      entry->candidate_id = sqlite3_column_int64 (stmt, 6);
      entry->decision_id = sqlite3_column_int64 (stmt, 7);
      entry->placement_id = sqlite3_column_int64 (stmt, 8);
      entry->details = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      entry->prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      entry->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      db_error (self, error, _("read the decision log"));
      return NULL;
    }

  return g_steal_pointer (&entries);
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
      db_error (self, error, _("read the postcode areas"));
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
      db_error (self, error, _("read the postcode areas"));
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

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!exec (self, "DELETE FROM postcode_areas", error))
    goto fail;
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO postcode_areas (code, latitude, longitude) VALUES (?1, ?2, ?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      db_error (self, error, _("write the postcode areas"));
      goto fail;
    }
  for (guint i = 0; i < areas->len; i++)
    {
      const SmPostcodeArea *area = &g_array_index (areas, SmPostcodeArea, i);

      sqlite3_bind_int (stmt, 1, (int) area->code);
      sqlite3_bind_double (stmt, 2, area->latitude);
      sqlite3_bind_double (stmt, 3, area->longitude);
      if (!step_done (self, stmt, error))
        goto fail;
    }
  sqlite3_finalize (stmt);
  return exec (self, "COMMIT", error) || (sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL), FALSE);

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
        return db_error (self, error, _("write a setting"));
    }
  else
    {
      if (sqlite3_prepare_v2 (self->db,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              -1, &stmt, NULL) != SQLITE_OK)
        return db_error (self, error, _("write a setting"));
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return db_error (self, error, _("write a setting"));
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
    return db_error (self, error, _("check the database"));
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
    return db_error (self, error, _("check the database"));
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
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int version = from + 1; version <= SM_SQLITE_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf (RESOURCE_SCHEMA "%04d.sql", version);
      g_autoptr(GBytes) sql = g_resource_lookup_data (sm_core_get_resource (), name, 0, NULL);
      g_autofree char *text = NULL;

      g_assert (sql != NULL);
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      if (!exec (self, text, error))
        {
          g_prefix_error (error, _("Updating to schema version %d failed: "), version);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                                SM_SQLITE_STORE_SCHEMA_VERSION, APPLICATION_ID);
    if (!exec (self, pragmas, error) || !exec (self, "COMMIT", error))
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
      return db_error (self, error, _("open the database"));
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
        return db_error (self, error, _("open the database"));
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
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error))
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
      if (!table_prepare (self, &g_array_index (self->tables, Table, self->tables->len - 1), error))
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
