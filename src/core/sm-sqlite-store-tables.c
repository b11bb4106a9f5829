/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-sqlite-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-sqlite-store-private.h"

/* The tables of SmSqliteStore: the statements of each record type, how its
 * fields sit in columns, and the lists and natural-key indexes loaded from
 * them. */

/* Statements */

gboolean
sm_sqlite_store_table_prepare (SmSqliteStore  *self,
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
  g_autofree char *count = NULL;

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
  count = g_strdup_printf ("SELECT count(*) FROM %s", name);

  if (!(table->select_all = sm_sqlite_store_prepare (self, select_all, error)) ||
      !(table->insert = sm_sqlite_store_prepare (self, insert, error)) ||
      !(table->update = sm_sqlite_store_prepare (self, update, error)) ||
      !(table->delete = sm_sqlite_store_prepare (self, delete, error)) ||
      !(table->count = sm_sqlite_store_prepare (self, count, error)))
    return FALSE;

  if (table->klass->key_field >= 0)
    {
      g_autofree char *select_key = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", name,
                                                     table->klass->fields[table->klass->key_field].name);
      if (!(table->select_key = sm_sqlite_store_prepare (self, select_key, error)))
        return FALSE;
    }

  return TRUE;
}

Table *
sm_sqlite_store_find_table (SmSqliteStore *self,
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

/* The nicks between the commas of @text; unknown ones are left out. It
 * reads every flags column of every row, so it splits in place. */
static guint
flags_from_text (GType       type,
                 const char *text)
{
  g_autoptr(GFlagsClass) klass = NULL;
  guint flags = 0;

  if (text == NULL || *text == '\0')
    return 0;

  klass = g_type_class_ref (type);
  for (const char *part = text; part != NULL; )
    {
      const char *comma = strchr (part, ',');
      gsize len = comma != NULL ? (gsize) (comma - part) : strlen (part);

      for (guint i = 0; len > 0 && i < klass->n_values; i++)
        {
          const char *nick = klass->values[i].value_nick;

          if (strncmp (nick, part, len) == 0 && nick[len] == '\0')
            {
              flags |= klass->values[i].value;
              break;
            }
        }
      part = comma != NULL ? comma + 1 : NULL;
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

/* Numbers are read as numbers: asking SQLite for their text would make
 * it convert them. */
static void
read_field (sqlite3_stmt  *stmt,
            int            column,
            const SmField *field,
            GValue        *value)
{
  const char *text = NULL;

  if (field->kind != SM_FIELD_INT && field->kind != SM_FIELD_REF && field->kind != SM_FIELD_BOOLEAN)
    text = (const char *) sqlite3_column_text (stmt, column);

  switch (field->kind)
    {
    case SM_FIELD_STRING:
    case SM_FIELD_TEXT:
    case SM_FIELD_DATE:
      g_value_init (value, G_TYPE_STRING);
      /* SQLite knows the length, and ends its text with a NUL. */
      if (text != NULL)
        g_value_take_string (value, g_memdup2 (text, (gsize) sqlite3_column_bytes (stmt, column) + 1));
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

void
sm_sqlite_store_bind_record (Table        *table,
                             sqlite3_stmt *stmt,
                             SmRecord     *record)
{
  for (guint i = 0; i < table->klass->n_fields; i++)
    bind_field (stmt, i + 1, &table->klass->fields[i], sm_record_peek_value (record, i));
}

const char *
sm_sqlite_store_record_key (Table    *table,
                            SmRecord *record)
{
  if (table->klass->key_field < 0)
    return NULL;
  return sm_record_get_string (record, table->klass->key_field);
}

/* The natural-key index holds copies of the keys: a record may be edited
 * in place before it is saved, and its key with it. */
void
sm_sqlite_store_index_remove (Table    *table,
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

void
sm_sqlite_store_index_add (Table    *table,
                           SmRecord *record)
{
  const char *key = sm_sqlite_store_record_key (table, record);
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
      GValue *values = g_new0 (GValue, table->klass->n_fields);

      for (guint i = 0; i < table->klass->n_fields; i++)
        read_field (table->select_all, i + 1, &table->klass->fields[i], &values[i]);
      sm_record_load (record, sqlite3_column_int64 (table->select_all, 0), values);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (table->select_all);

  if (rc != SQLITE_DONE)
    {
      sm_sqlite_store_db_error (self, error, _("read the database"));
      return NULL;
    }

  table->list = g_list_store_new (table->type);
  g_list_store_splice (table->list, 0, 0, records->pdata, records->len);

  if (table->klass->key_field >= 0)
    {
      table->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      table->key_of = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < records->len; i++)
        sm_sqlite_store_index_add (table, records->pdata[i]);
    }

  return table->list;
}

GListModel *
sm_sqlite_store_list (SmStore  *store,
                      GType     record_type,
                      GError  **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  Table *table = sm_sqlite_store_find_table (self, record_type);

  if (table == NULL)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                   "No table holds records of type %s", g_type_name (record_type));
      return NULL;
    }

  return G_LIST_MODEL (table_load (self, table, error));
}

guint
sm_sqlite_store_count (SmStore  *store,
                       GType     record_type,
                       GError  **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  Table *table = sm_sqlite_store_find_table (self, record_type);
  gint64 n = 0;
  int rc;

  if (table == NULL)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                   "No table holds records of type %s", g_type_name (record_type));
      return 0;
    }

  /* A loaded list is kept in step with the table. */
  if (table->list != NULL)
    return g_list_model_get_n_items (G_LIST_MODEL (table->list));

  rc = sqlite3_step (table->count);
  if (rc != SQLITE_ROW)
    {
      sm_sqlite_store_db_error (self, error, _("read the database"));
      sqlite3_reset (table->count);
      return 0;
    }
  n = sqlite3_column_int64 (table->count, 0);
  sqlite3_reset (table->count);

  return (guint) CLAMP (n, 0, G_MAXUINT);
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* One statement per pair of fields, kept for the next time: a view
 * counts again after every change. */
static sqlite3_stmt *
prepare_count_by (SmSqliteStore  *self,
                  Table          *table,
                  guint           ref_field,
                  int             sum_field,
                  GError        **error)
{
  gpointer key = GUINT_TO_POINTER ((ref_field << 16) | (guint) (sum_field + 1));
  const char *ref = table->klass->fields[ref_field].name;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (table->count_by == NULL)
    table->count_by = g_hash_table_new_full (NULL, NULL, NULL, statement_free);

  stmt = g_hash_table_lookup (table->count_by, key);
  if (stmt != NULL)
    return stmt;

  sql = g_strdup_printf ("SELECT %s, count(*), %s%s%s FROM %s WHERE %s IS NOT NULL GROUP BY %s",
                         ref,
                         sum_field >= 0 ? "sum(" : "0",
                         sum_field >= 0 ? table->klass->fields[sum_field].name : "",
                         sum_field >= 0 ? ")" : "",
                         table->klass->table, ref, ref);
  stmt = sm_sqlite_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (table->count_by, key, stmt);

  return stmt;
}

GHashTable *
sm_sqlite_store_count_by (SmStore  *store,
                          GType     record_type,
                          guint     ref_field,
                          int       sum_field,
                          GError  **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  Table *table = sm_sqlite_store_find_table (self, record_type);
  g_autoptr(GHashTable) counts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (table == NULL)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                   "No table holds records of type %s", g_type_name (record_type));
      return NULL;
    }

  stmt = prepare_count_by (self, table, ref_field, sum_field, error);
  if (stmt == NULL)
    return NULL;

  /* The key is in the value, as in the store's own fallback. */
  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmStoreCount *count = g_new (SmStoreCount, 1);

      count->id = sqlite3_column_int64 (stmt, 0);
      count->count = (guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT);
      count->sum = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (counts, &count->id, count);
    }

  if (rc != SQLITE_DONE)
    {
      sm_sqlite_store_db_error (self, error, _("read the database"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&counts);
}

SmRecord *
sm_sqlite_store_lookup_key (SmStore    *store,
                            GType       record_type,
                            const char *key)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  Table *table = sm_sqlite_store_find_table (self, record_type);

  if (table == NULL || table->klass->key_field < 0 || table_load (self, table, NULL) == NULL)
    return NULL;
  return g_hash_table_lookup (table->by_key, key);
}
