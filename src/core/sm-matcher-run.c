/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-assignment.h"
#include "sm-matcher-private.h"
#include "sm-placement.h"
#include "sm-problem.h"
#include "sm-stable.h"

/* Solving the placement for the whole school and storing it. */

typedef struct
{
  guint  edge;   /* position in the candidate arrays */
  guint  rank;   /* explicit rank, or G_MAXUINT when not ranked */
  guint  score;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return 0;
}

/* Turns a list of pairs, ordered best first, into preference values from
 * 1000 down: ranked pairs above unranked ones, unranked ones by score,
 * equal pairs equal so that the lottery breaks the tie. */
static void
dense_values (Ranked *list,
              guint   n,
              guint  *values)
{
  guint level = 0;

  qsort (list, n, sizeof (Ranked), compare_ranked);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && compare_ranked (&list[i - 1], &list[i]) != 0)
        level++;
      values[list[i].edge] = SM_PROBLEM_MAX_SCORE - MIN (level, SM_PROBLEM_MAX_SCORE);
    }
}

static guint
rank_in (const MPref *prefs,
         guint        n,
         guint        index)
{
  for (guint i = 0; i < n; i++)
    if (prefs[i].index == index)
      return prefs[i].rank;
  return G_MAXUINT;
}

/* In the stable mode a side that ranked uses its ranking and a side that
 * did not uses the scores. */
static void
stable_preferences (SmMatcher *self,
                    guint     *student_values,
                    guint     *offer_values)
{
  g_autofree guint *offer_count = g_new0 (guint, self->n_offers + 1);
  g_autofree guint *by_offer = g_new (guint, MAX (self->n_candidates, 1));
  g_autofree guint *edge_student = g_new (guint, MAX (self->n_candidates, 1));
  g_autofree Ranked *list = NULL;
  guint longest = 0;

  for (guint s = 0; s < self->n_students; s++)
    longest = MAX (longest, self->cand_start[s + 1] - self->cand_start[s]);
  for (guint i = 0; i < self->n_candidates; i++)
    offer_count[self->cand_offer[i] + 1]++;
  for (guint o = 0; o < self->n_offers; o++)
    {
      longest = MAX (longest, offer_count[o + 1]);
      offer_count[o + 1] += offer_count[o];
    }
  list = g_new (Ranked, MAX (longest, 1));

  for (guint s = 0; s < self->n_students; s++)
    {
      const MStudent *student = &self->students[s];
      const MPref *prefs = &g_array_index (self->prefs, MPref, student->first_pref);
      guint n = 0;

      for (guint i = self->cand_start[s]; i < self->cand_start[s + 1]; i++)
        {
          student_values[i] = self->cand_score[i];
          if (student->n_prefs > 0)
            list[n++] = (Ranked) { i, rank_in (prefs, student->n_prefs, self->cand_offer[i]), self->cand_score[i] };
        }
      if (n > 0)
        dense_values (list, n, student_values);
    }

  {
    g_autofree guint *fill = g_memdup2 (offer_count, (self->n_offers + 1) * sizeof (guint));
    for (guint s = 0; s < self->n_students; s++)
      for (guint i = self->cand_start[s]; i < self->cand_start[s + 1]; i++)
        {
          by_offer[fill[self->cand_offer[i]]++] = i;
          edge_student[i] = s;
        }
  }

  for (guint o = 0; o < self->n_offers; o++)
    {
      const MOffer *offer = &self->offers[o];
      const MPref *ranked = &g_array_index (self->offer_prefs, MPref, offer->first_ranked);
      guint n = 0;

      for (guint k = offer_count[o]; k < offer_count[o + 1]; k++)
        {
          guint i = by_offer[k];

          offer_values[i] = self->cand_score[i];
          if (offer->n_ranked == 0)
            continue;
          list[n++] = (Ranked) { i, rank_in (ranked, offer->n_ranked, edge_student[i]), self->cand_score[i] };
        }
      if (n > 0)
        dense_values (list, n, offer_values);
    }
}

/**
 * sm_matcher_run:
 * @mode: optimal or stable
 * @seed: the seed of the lottery that breaks ties in the stable mode
 * @placements: (out) (element-type SmMatchPlacement): one entry for every
 *   student who is not placed already, with the offer or %NULL
 *
 * Solves the placement of every student without a kept placement, over
 * the free places of the offers.
 */
gboolean
sm_matcher_run (SmMatcher    *self,
                SmMatchMode   mode,
                guint64       seed,
                GArray      **placements,
                GError      **error)
{
  g_autoptr(SmProblem) problem = NULL;
  g_autoptr(SmSolution) solution = NULL;
  g_autofree guint *problem_student = g_new (guint, MAX (self->n_students, 1));
  g_autofree guint *student_values = NULL;
  g_autofree guint *offer_values = NULL;
  g_autoptr(GArray) result = NULL;
  guint n = 0;

  g_return_val_if_fail (SM_IS_MATCHER (self), FALSE);

  for (guint s = 0; s < self->n_students; s++)
    if (!self->students[s].fixed)
      problem_student[n++] = s;

  if (mode == SM_MATCH_MODE_STABLE)
    {
      student_values = g_new (guint, MAX (self->n_candidates, 1));
      offer_values = g_new (guint, MAX (self->n_candidates, 1));
      stable_preferences (self, student_values, offer_values);
    }

  problem = sm_problem_new (n, self->n_offers);
  for (guint o = 0; o < self->n_offers; o++)
    sm_problem_set_capacity (problem, o, (guint) MAX (0, self->offers[o].free_places));
  for (guint p = 0; p < n; p++)
    {
      guint s = problem_student[p];

      for (guint i = self->cand_start[s]; i < self->cand_start[s + 1]; i++)
        {
          if (mode == SM_MATCH_MODE_STABLE)
            sm_problem_add_edge (problem, p, self->cand_offer[i], student_values[i], offer_values[i]);
          else
            sm_problem_add_edge (problem, p, self->cand_offer[i], self->cand_score[i], self->cand_score[i]);
        }
    }
  if (!sm_problem_finish (problem, error))
    return FALSE;

  if (mode == SM_MATCH_MODE_STABLE ? !sm_stable_solve (problem, seed, &solution, NULL, error)
                                   : !sm_assignment_solve (problem, &solution, NULL, error))
    return FALSE;

  result = g_array_sized_new (FALSE, FALSE, sizeof (SmMatchPlacement), n);
  for (guint p = 0; p < n; p++)
    {
      guint s = problem_student[p];
      SmMatchPlacement placement = { self->students[s].record, NULL, 0 };
      int o = solution->offers[p];

      if (o >= 0)
        {
          placement.offer = self->offers[o].record;
          for (guint i = self->cand_start[s]; i < self->cand_start[s + 1]; i++)
            if (self->cand_offer[i] == (guint) o)
              placement.score = self->cand_score[i];
        }
      g_array_append_val (result, placement);
    }

  *placements = g_steal_pointer (&result);
  return TRUE;
}

/**
 * sm_matcher_apply:
 * @placements: (element-type SmMatchPlacement): the result of
 *   sm_matcher_run()
 * @run: (out) (optional): the stored run
 *
 * Stores the result as proposed placements, in one transaction: earlier
 * proposals that nobody fixed are replaced; locked, confirmed and later
 * placements are left alone. The run is stored with its mode, seed and
 * weights, so that it can be reproduced.
 */
gboolean
sm_matcher_apply (SmMatcher    *self,
                  SmMatchMode   mode,
                  guint64       seed,
                  GArray       *placements,
                  SmMatchRun  **run,
                  GError      **error)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(SmMatchRun) match_run = sm_match_run_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *started_at = g_date_time_format_iso8601 (now);
  g_autofree char *weights = sm_match_weights_to_string (&self->weights);
  GListModel *existing;
  guint assigned = 0;
  gint64 total = 0;

  g_return_val_if_fail (SM_IS_MATCHER (self), FALSE);

  existing = sm_store_list (self->store, SM_TYPE_PLACEMENT, error);
  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);
      if (placement->offer != NULL)
        assigned++, total += placement->score;
    }

  sm_record_set_int (SM_RECORD (match_run), SM_MATCH_RUN_FIELD_MODE, mode);
  sm_record_set_int (SM_RECORD (match_run), SM_MATCH_RUN_FIELD_SEED, (gint64) (seed & G_MAXINT64));
  sm_record_set_string (SM_RECORD (match_run), SM_MATCH_RUN_FIELD_STARTED_AT, started_at);
  sm_record_set_int (SM_RECORD (match_run), SM_MATCH_RUN_FIELD_ASSIGNED, assigned);
  sm_record_set_int (SM_RECORD (match_run), SM_MATCH_RUN_FIELD_UNASSIGNED, placements->len - assigned);
  sm_record_set_int (SM_RECORD (match_run), SM_MATCH_RUN_FIELD_TOTAL_SCORE, total);
  sm_record_set_string (SM_RECORD (match_run), SM_MATCH_RUN_FIELD_WEIGHTS, weights);
  sm_change_set_save (changes, SM_RECORD (match_run));

  for (guint i = 0; i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr(SmPlacement) placement = g_list_model_get_item (existing, i);

      if (sm_placement_get_status (placement) == SM_PLACEMENT_STATUS_PROPOSED &&
          !sm_record_get_int (SM_RECORD (placement), SM_PLACEMENT_FIELD_LOCKED))
        sm_change_set_delete (changes, SM_RECORD (placement));
    }

  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);
      g_autoptr(SmPlacement) record = NULL;
      const char *supervisor;

      if (placement->offer == NULL)
        continue;

      record = sm_placement_new ();
      supervisor = sm_record_get_string (SM_RECORD (placement->student), SM_STUDENT_FIELD_SUPERVISOR);
      sm_record_set_int (SM_RECORD (record), SM_PLACEMENT_FIELD_STUDENT_ID, sm_record_get_id (SM_RECORD (placement->student)));
      sm_record_set_int (SM_RECORD (record), SM_PLACEMENT_FIELD_OFFER_ID, sm_record_get_id (SM_RECORD (placement->offer)));
      sm_record_set_int (SM_RECORD (record), SM_PLACEMENT_FIELD_STATUS, SM_PLACEMENT_STATUS_PROPOSED);
      sm_record_set_int (SM_RECORD (record), SM_PLACEMENT_FIELD_SCORE, placement->score);
      sm_record_set_string (SM_RECORD (record), SM_PLACEMENT_FIELD_START_DATE,
                            sm_record_get_string (SM_RECORD (placement->offer), SM_OFFER_FIELD_START_DATE));
      sm_record_set_string (SM_RECORD (record), SM_PLACEMENT_FIELD_END_DATE,
                            sm_record_get_string (SM_RECORD (placement->offer), SM_OFFER_FIELD_END_DATE));
      sm_record_set_string (SM_RECORD (record), SM_PLACEMENT_FIELD_SUPERVISOR, supervisor);
      sm_change_set_save (changes, SM_RECORD (record));
      sm_change_set_link (changes, SM_RECORD (record), SM_PLACEMENT_FIELD_RUN_ID, SM_RECORD (match_run));
    }

  if (!sm_store_apply (self->store, changes, error))
    return FALSE;

  if (run != NULL)
    *run = g_steal_pointer (&match_run);
  return TRUE;
}
