/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-store"

#include "config.h"

#include "sm-store.h"

G_DEFINE_QUARK (sm-store-error-quark, sm_store_error)

G_DEFINE_INTERFACE (SmStore, sm_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sm_store_default_init (SmStoreInterface *iface)
{
  /**
   * SmStore::changed:
   * @record_type: the type of the records that changed
   *
   * Emitted once per record type after a set of changes was applied.
   * The lists have been updated by then.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_INTERFACE (iface),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_GTYPE);
}

/**
 * sm_store_error_is_bad_input:
 *
 * Returns: %TRUE if @error comes from what a person entered (an invalid
 *   field, a duplicate, a missing record) rather than from the database
 */
gboolean
sm_store_error_is_bad_input (const GError *error)
{
  if (error == NULL)
    return FALSE;
  if (error->domain == SM_RECORD_ERROR)
    return TRUE;
  return error->domain == SM_STORE_ERROR &&
         (error->code == SM_STORE_ERROR_NOT_FOUND || error->code == SM_STORE_ERROR_CONFLICT);
}

/**
 * sm_store_list:
 * @record_type: a type derived from #SmRecord
 *
 * Returns: (transfer none): the records of @record_type, kept up to date
 */
GListModel *
sm_store_list (SmStore  *self,
               GType     record_type,
               GError  **error)
{
  g_return_val_if_fail (SM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, SM_TYPE_RECORD), NULL);

  return SM_STORE_GET_IFACE (self)->list (self, record_type, error);
}

/**
 * sm_store_count:
 * @record_type: a type derived from #SmRecord
 *
 * Counts the records of @record_type without loading them, for a figure
 * that does not need the records themselves. Once the list of that type
 * is loaded, the count is its length.
 *
 * Returns: the number of records of @record_type; 0 with @error set if
 *   they could not be counted
 */
guint
sm_store_count (SmStore  *self,
                GType     record_type,
                GError  **error)
{
  SmStoreInterface *iface;
  GListModel *list;

  g_return_val_if_fail (SM_IS_STORE (self), 0);
  g_return_val_if_fail (g_type_is_a (record_type, SM_TYPE_RECORD), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  iface = SM_STORE_GET_IFACE (self);
  if (iface->count != NULL)
    return iface->count (self, record_type, error);

  /* A store that cannot count on its own loads the list. */
  list = iface->list (self, record_type, error);
  return list != NULL ? g_list_model_get_n_items (list) : 0;
}

static gboolean
check_count_by_fields (GType    record_type,
                       guint    ref_field,
                       int      sum_field,
                       GError **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);
  const SmField *fields;
  guint n_fields = 0;

  fields = sm_record_class_get_fields (SM_RECORD_CLASS (klass), &n_fields);
  if (ref_field >= n_fields || fields[ref_field].kind != SM_FIELD_REF ||
      sum_field >= (int) n_fields || (sum_field >= 0 && fields[sum_field].kind != SM_FIELD_INT))
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                   "Records of type %s cannot be counted by field %u with field %d summed",
                   g_type_name (record_type), ref_field, sum_field);
      return FALSE;
    }

  return TRUE;
}

/* The table sm_store_count_by() returns; the key is in the value. */
static GHashTable *
count_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
}

/* What a store that cannot count on its own does: one pass over the
 * loaded list. */
static GHashTable *
count_by_walking (GListModel *list,
                  guint       ref_field,
                  int         sum_field)
{
  GHashTable *counts = count_table_new ();
  guint n = g_list_model_get_n_items (list);
  SmStoreCount *last = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRecord) record = g_list_model_get_item (list, i);
      gint64 id = sm_record_get_int (record, ref_field);

      /* No reference */
      if (id <= 0)
        continue;

      /* Records that refer to the same one often come together. */
      if (last == NULL || last->id != id)
        {
          last = g_hash_table_lookup (counts, &id);
          if (last == NULL)
            {
              last = g_new0 (SmStoreCount, 1);
              last->id = id;
              g_hash_table_insert (counts, &last->id, last);
            }
        }
      last->count++;
      if (sum_field >= 0)
        last->sum += sm_record_get_int (record, sum_field);
    }

  return counts;
}

/**
 * sm_store_count_by:
 * @record_type: a type derived from #SmRecord
 * @ref_field: a field of @record_type that refers to other records
 * @sum_field: a number field of @record_type to add up, or -1
 *
 * Counts the records of @record_type per record they refer to in
 * @ref_field, and adds up their @sum_field, without loading them: the
 * number of offers of each company and their places, say. Records that
 * refer to nothing are left out, and so are records nothing refers to.
 *
 * Returns: (transfer full) (element-type gint64 SmStoreCount): the id of
 *   each record referred to → its #SmStoreCount; %NULL with @error set if
 *   the records could not be counted
 */
GHashTable *
sm_store_count_by (SmStore  *self,
                   GType     record_type,
                   guint     ref_field,
                   int       sum_field,
                   GError  **error)
{
  SmStoreInterface *iface;
  GListModel *list;

  g_return_val_if_fail (SM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, SM_TYPE_RECORD), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_count_by_fields (record_type, ref_field, sum_field, error))
    return NULL;

  iface = SM_STORE_GET_IFACE (self);
  if (iface->count_by != NULL)
    return iface->count_by (self, record_type, ref_field, sum_field, error);

  /* A store that cannot count on its own loads the list. */
  list = iface->list (self, record_type, error);
  return list != NULL ? count_by_walking (list, ref_field, sum_field) : NULL;
}

/**
 * sm_store_lookup:
 *
 * Returns: (transfer none) (nullable): the record of @record_type with @id
 */
SmRecord *
sm_store_lookup (SmStore *self,
                 GType    record_type,
                 gint64   id)
{
  GListModel *model;
  guint lo = 0, hi;

  g_return_val_if_fail (SM_IS_STORE (self), NULL);

  model = sm_store_list (self, record_type, NULL);
  if (model == NULL)
    return NULL;

  /* The lists are in id order. */
  hi = g_list_model_get_n_items (model);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(SmRecord) record = g_list_model_get_item (model, mid);
      gint64 mid_id = sm_record_get_id (record);

      if (mid_id == id)
        return record;
      if (mid_id < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

/**
 * sm_store_lookup_key:
 * @key: a student number, KvK number or programme code
 *
 * Returns: (transfer none) (nullable): the record with that natural key
 */
SmRecord *
sm_store_lookup_key (SmStore    *self,
                     GType       record_type,
                     const char *key)
{
  g_return_val_if_fail (SM_IS_STORE (self), NULL);

  if (key == NULL)
    return NULL;
  return SM_STORE_GET_IFACE (self)->lookup_key (self, record_type, key);
}

/**
 * sm_store_apply:
 * @changes: the changes to make together
 *
 * Validates every record, then writes all changes in one transaction. If
 * anything fails nothing is written and the lists are unchanged.
 */
gboolean
sm_store_apply (SmStore      *self,
                SmChangeSet  *changes,
                GError      **error)
{
  g_return_val_if_fail (SM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SM_IS_CHANGE_SET (changes), FALSE);

  return SM_STORE_GET_IFACE (self)->apply (self, changes, error);
}

gboolean
sm_store_save (SmStore   *self,
               SmRecord  *record,
               GError   **error)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();

  sm_change_set_save (changes, record);
  return sm_store_apply (self, changes, error);
}

gboolean
sm_store_delete (SmStore   *self,
                 SmRecord  *record,
                 GError   **error)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();

  sm_change_set_delete (changes, record);
  return sm_store_apply (self, changes, error);
}

/**
 * sm_store_load_postcode_areas:
 *
 * Returns: (transfer full) (element-type SmPostcodeArea): the PC4 areas
 *   with coordinates, sorted by code
 */
GArray *
sm_store_load_postcode_areas (SmStore  *self,
                              GError  **error)
{
  g_return_val_if_fail (SM_IS_STORE (self), NULL);
  return SM_STORE_GET_IFACE (self)->load_postcode_areas (self, error);
}

gboolean
sm_store_replace_postcode_areas (SmStore  *self,
                                 GArray   *areas,
                                 GError  **error)
{
  g_return_val_if_fail (SM_IS_STORE (self), FALSE);
  return SM_STORE_GET_IFACE (self)->replace_postcode_areas (self, areas, error);
}

char *
sm_store_dup_setting (SmStore    *self,
                      const char *key)
{
  g_return_val_if_fail (SM_IS_STORE (self), NULL);
  return SM_STORE_GET_IFACE (self)->dup_setting (self, key);
}

gboolean
sm_store_set_setting (SmStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_return_val_if_fail (SM_IS_STORE (self), FALSE);
  return SM_STORE_GET_IFACE (self)->set_setting (self, key, value, error);
}

/**
 * sm_store_check:
 * @problems: (element-type utf8): receives a sentence per problem found
 *
 * Returns: %FALSE only if the check itself could not run
 */
gboolean
sm_store_check (SmStore    *self,
                GPtrArray  *problems,
                GError    **error)
{
  g_return_val_if_fail (SM_IS_STORE (self), FALSE);
  return SM_STORE_GET_IFACE (self)->check (self, problems, error);
}

char *
sm_store_dup_location (SmStore *self)
{
  g_return_val_if_fail (SM_IS_STORE (self), NULL);
  return SM_STORE_GET_IFACE (self)->dup_location (self);
}

/**
 * sm_store_load_audit_log:
 *
 * Returns: (transfer full) (element-type SmAuditEntry): the decision log,
 *   oldest entry first
 */
GPtrArray *
sm_store_load_audit_log (SmStore  *self,
                         GError  **error)
{
  g_return_val_if_fail (SM_IS_STORE (self), NULL);
  return SM_STORE_GET_IFACE (self)->load_audit_log (self, error);
}
