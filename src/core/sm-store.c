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
