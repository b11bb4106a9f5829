/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-match-count"

#include "config.h"

#include "sm-match-count.h"
#include "sm-matcher.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"

/*
 * How many offers each student could be placed at, counted the way the
 * matcher lists them. With thousands of students that takes a moment, so
 * a database file is read again through a connection of its own in a
 * worker thread: the records the window shows are never touched from
 * there, and the window stays responsive while it counts.
 */

static GHashTable *
count_matches (SmStore  *store,
               GError  **error)
{
  g_autoptr(SmMatcher) matcher = NULL;
  g_autoptr(GHashTable) counts = NULL;
  GListModel *students;
  guint n;

  matcher = sm_matcher_new (store, error);
  if (matcher == NULL)
    return NULL;

  students = sm_store_list (store, SM_TYPE_STUDENT, error);
  if (students == NULL)
    return NULL;

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  n = g_list_model_get_n_items (students);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmStudent) student = g_list_model_get_item (students, i);
      gint64 id = sm_record_get_id (SM_RECORD (student));

      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (sm_matcher_count_candidates (matcher, student)));
    }

  return g_steal_pointer (&counts);
}

static void
count_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(SmSqliteStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *counts;

  reader = sm_sqlite_store_new (path, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  counts = count_matches (SM_STORE (reader), &error);
  if (counts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, counts, (GDestroyNotify) g_hash_table_unref);
}

/**
 * sm_match_count_async:
 *
 * Counts, for every student, the offers the matcher would consider for
 * them. A database file is read in a worker thread; any other store is
 * counted at once.
 */
void
sm_match_count_async (SmStore             *store,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *counts;

  g_return_if_fail (SM_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_match_count_async);

  if (SM_IS_SQLITE_STORE (store))
    {
      g_task_set_task_data (task, sm_store_dup_location (store), g_free);
      g_task_run_in_thread (task, count_in_thread);
      return;
    }

  counts = count_matches (store, &error);
  if (counts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, counts, (GDestroyNotify) g_hash_table_unref);
}

/**
 * sm_match_count_finish:
 *
 * Returns: (transfer full): student id (a gint64) → number of offers
 *   (GUINT_TO_POINTER), or %NULL with @error set
 */
GHashTable *
sm_match_count_finish (SmStore       *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
