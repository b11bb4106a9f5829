/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-assignment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-assignment.h"

/* Optimal placement: as many students as possible and, among those
 * placements, the highest total score, within the offers' capacities.
 *
 * The model is a min-cost flow. Every student has one unit to send: to
 * an offer o along an edge, at cost −score, or to a bypass ("unplaced")
 * at cost B; offer o passes at most capacity(o) units to the sink. With
 * B > 1000·k, where k bounds the number of placed students, one more
 * placement always outweighs any difference in score, so the cheapest
 * flow is the lexicographic optimum (count first, then score). Because
 * every student can always take its bypass, "every student sends its
 * unit" is feasible and the problem is a transportation problem.
 *
 * Why successive shortest paths, student by student (the Jonker–Volgenant
 * scheme, on a sparse graph, with native capacities): a school's
 * instance has about 1.1 places per student and most students get one
 * of their best offers, so nearly all students are placed by a greedy
 * step that is itself a valid shortest path of length 0 (a free offer
 * with the student's best profit); only the contested rest needs a
 * Dijkstra search, which stops at the first free offer. Each search
 * visits the offers (8,800 at school scale, a heap that fits in cache)
 * and scans only the edges of the students it reaches. Capacities stay
 * on the offer nodes (one price per offer) instead of copying each offer
 * per place, which would multiply the edges by the mean capacity. Cost
 * scaling and the auction would need ε-optimality, scaling phases and,
 * for an unbalanced problem with unplaceable students, a reverse phase;
 * this method is exact in integers at every step, deterministic and
 * short enough to read.
 *
 * Invariants (dual feasibility, with prices p(o) ≥ 0 on offers and the
 * profit of student s at o being score(s, o) − p(o)):
 *   - a placed student's offer has the highest profit among its edges,
 *     and that profit is at least −B;
 *   - an offer with a free place has price 0; prices only rise, and an
 *     offer never loses a student, so a priced offer stays full;
 *   - an unplaced student's offers all have profit at most −B.
 * The potential of a placed student is its profit, that of an unplaced
 * one −B, so student potentials need no storage. A search from a new
 * student s finds the shortest path in reduced costs to the sink, either
 * through a free offer or through the bypass of some student it
 * displaces (possibly s itself); only offers it settled change price,
 * as in LAPJV. The generic successive shortest path argument (Ahuja,
 * Magnanti and Orlin, ch. 9) then gives optimality when every student
 * has been processed. */

#define SETTLED (-2)
#define NOT_IN_HEAP (-1)

typedef struct
{
  gint64  price;
  gint64  dist;
  guint32 stamp;     /* dist and pos are valid in the search with this stamp */
  gint32  pos;       /* in the heap, or NOT_IN_HEAP, or SETTLED */
  gint32  pred;      /* the student that reached this offer */
  guint32 fill;      /* students placed here */
  guint32 capacity;  /* places that can be used: at most the offer's edges */
  guint32 first_slot;
  guint16 pred_score;
} Offer;

typedef struct
{
  SmProblem *problem;
  guint      n_students;
  guint      n_offers;
  gint64     bypass;       /* B */

  Offer     *offers;
  gint32    *slots;        /* students placed at offer o: slots[first_slot .. first_slot + fill) */
  gint32    *offer_of;     /* per student, or -1 */
  guint32   *slot_of;
  guint16   *score_of;

  /* The search */
  guint32    stamp;
  gint32    *heap;
  guint      heap_len;
  gint32    *settled;
  guint      n_settled;
} Solver;

static inline gboolean
heap_less (const Solver *solver,
           gint32        a,
           gint32        b)
{
  const Offer *oa = &solver->offers[a], *ob = &solver->offers[b];

  /* Ties go to the lower offer id, so the result does not depend on
   * anything but the problem. */
  return oa->dist < ob->dist || (oa->dist == ob->dist && a < b);
}

static void
heap_up (Solver *solver,
         guint   i)
{
  gint32 o = solver->heap[i];

  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      gint32 p = solver->heap[parent];

      if (!heap_less (solver, o, p))
        break;
      solver->heap[i] = p;
      solver->offers[p].pos = (gint32) i;
      i = parent;
    }
  solver->heap[i] = o;
  solver->offers[o].pos = (gint32) i;
}

static gint32
heap_pop (Solver *solver)
{
  gint32 top = solver->heap[0];
  gint32 last = solver->heap[--solver->heap_len];
  guint n = solver->heap_len;
  guint i = 0;

  if (n > 0)
    {
      for (;;)
        {
          guint child = 2 * i + 1;

          if (child >= n)
            break;
          if (child + 1 < n && heap_less (solver, solver->heap[child + 1], solver->heap[child]))
            child++;
          if (!heap_less (solver, solver->heap[child], last))
            break;
          solver->heap[i] = solver->heap[child];
          solver->offers[solver->heap[i]].pos = (gint32) i;
          i = child;
        }
      solver->heap[i] = last;
      solver->offers[last].pos = (gint32) i;
    }
  solver->offers[top].pos = SETTLED;
  return top;
}

/* Moves @student into @slot of offer @o; the caller has emptied it. */
static inline void
place (Solver *solver,
       gint32  student,
       gint32  o,
       guint32 slot,
       guint16 score)
{
  solver->slots[slot] = student;
  solver->slot_of[student] = slot;
  solver->offer_of[student] = o;
  solver->score_of[student] = score;
}

/* Where a search ends: at an offer with a free place, or at the bypass
 * of a placed student that gives up its place. */
typedef struct
{
  gint64 dist;
  gint32 offer;
  gint32 displaced;
} Target;

static inline void
relax (Solver  *solver,
       Target  *target,
       gint32   student,
       gint32   o,
       guint16  score,
       gint64   dist)
{
  Offer *offer = &solver->offers[o];

  if (offer->capacity == 0)
    return;

  if (offer->stamp != solver->stamp)
    {
      offer->stamp = solver->stamp;
      offer->pos = NOT_IN_HEAP;
    }
  else if (offer->pos == SETTLED || dist >= offer->dist)
    return;

  offer->dist = dist;
  offer->pred = student;
  offer->pred_score = score;

  if (offer->fill < offer->capacity)
    {
      /* A free offer is never inside a shortest path: its edge to the
       * sink costs 0, so the path may as well end here. */
      if (dist < target->dist)
        {
          target->dist = dist;
          target->offer = o;
          target->displaced = -1;
        }
      return;
    }

  if (offer->pos == NOT_IN_HEAP)
    {
      offer->pos = (gint32) solver->heap_len;
      solver->heap[solver->heap_len++] = o;
    }
  heap_up (solver, (guint) offer->pos);
}

/* Places @source, a student not seen before, along a shortest path. */
static void
augment_from (Solver *solver,
              gint32  source)
{
  guint n_edges;
  const SmEdge *edges = sm_problem_get_edges (solver->problem, (guint) source, &n_edges);
  gint64 best = G_MININT64;
  gint32 best_free = -1;
  guint16 best_free_score = 0;
  Target target;

  for (guint i = 0; i < n_edges; i++)
    {
      const Offer *offer = &solver->offers[edges[i].offer];
      gint64 profit;

      if (offer->capacity == 0)
        continue;
      profit = (gint64) edges[i].score - offer->price;
      if (profit > best)
        {
          best = profit;
          best_free = -1;
        }
      if (profit == best && best_free < 0 && offer->fill < offer->capacity)
        {
          best_free = edges[i].offer;
          best_free_score = edges[i].score;
        }
    }

  if (best == G_MININT64)
    return;  /* no offer with a place: unplaced */

  /* The greedy step: a free offer of highest profit is a path of
   * length 0, and no price changes. */
  if (best_free >= 0)
    {
      Offer *offer = &solver->offers[best_free];
      place (solver, source, best_free, offer->first_slot + offer->fill++, best_free_score);
      return;
    }

  /* Dijkstra in reduced costs. The potential of the source is its best
   * profit, so its edges cost best − profit ≥ 0; its own bypass costs
   * B + best. */
  solver->stamp++;
  solver->heap_len = 0;
  solver->n_settled = 0;
  target.dist = solver->bypass + best;
  target.offer = -1;
  target.displaced = source;

  for (guint i = 0; i < n_edges; i++)
    relax (solver, &target, source, edges[i].offer, edges[i].score,
           best - ((gint64) edges[i].score - solver->offers[edges[i].offer].price));

  while (solver->heap_len > 0)
    {
      gint32 o = solver->heap[0];
      Offer *offer = &solver->offers[o];
      gint64 dist = offer->dist;

      if (dist >= target.dist)
        break;
      heap_pop (solver);
      solver->settled[solver->n_settled++] = o;

      /* Every student at @o is reached through its own edge, at no cost. */
      for (guint32 k = offer->first_slot; k < offer->first_slot + offer->fill; k++)
        {
          gint32 s = solver->slots[k];
          gint64 profit = (gint64) solver->score_of[s] - offer->price;
          const SmEdge *row;
          guint n_row;

          if (dist + solver->bypass + profit < target.dist)
            {
              target.dist = dist + solver->bypass + profit;
              target.offer = -1;
              target.displaced = s;
            }

          row = sm_problem_get_edges (solver->problem, (guint) s, &n_row);
          for (guint i = 0; i < n_row; i++)
            {
              gint32 o2 = row[i].offer;

              if (o2 != o)
                relax (solver, &target, s, o2, row[i].score,
                       dist + profit - ((gint64) row[i].score - solver->offers[o2].price));
            }
        }
    }

  /* New prices keep every reduced cost non-negative and make the path
   * tight. */
  for (guint i = 0; i < solver->n_settled; i++)
    {
      Offer *offer = &solver->offers[solver->settled[i]];
      offer->price += target.dist - offer->dist;
    }

  /* Walk the path back from its end, moving each student one offer on. */
  {
    gint32 o;
    guint32 slot;

    if (target.offer >= 0)
      {
        o = target.offer;
        slot = solver->offers[o].first_slot + solver->offers[o].fill++;
      }
    else
      {
        gint32 displaced = target.displaced;

        if (displaced == source)
          return;  /* no path beats leaving the source unplaced */
        o = solver->offer_of[displaced];
        slot = solver->slot_of[displaced];
        solver->offer_of[displaced] = -1;
      }

    for (;;)
      {
        Offer *offer = &solver->offers[o];
        gint32 s = offer->pred;
        gint32 prev_offer = solver->offer_of[s];
        guint32 prev_slot = solver->slot_of[s];

        place (solver, s, o, slot, offer->pred_score);
        if (s == source)
          break;
        g_assert (prev_offer >= 0);
        o = prev_offer;
        slot = prev_slot;
      }
  }
}

/**
 * sm_assignment_solve:
 * @problem: a finished problem
 * @solution: (out): where to put the placement
 * @cancellable: (nullable): to stop early
 *
 * Places as many students as possible and, among all placements with
 * that many, finds one with the highest total score. The same problem
 * always gives the same placement.
 *
 * Returns: %TRUE, or %FALSE when cancelled
 */
gboolean
sm_assignment_solve (SmProblem     *problem,
                     SmSolution   **solution,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(SmSolution) result = NULL;
  g_autofree guint32 *in_degree = NULL;
  Solver solver = { NULL };
  guint64 total_places = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (sm_problem_is_finished (problem), FALSE);
  g_return_val_if_fail (solution != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  solver.problem = problem;
  solver.n_students = sm_problem_get_n_students (problem);
  solver.n_offers = sm_problem_get_n_offers (problem);

  /* More places than edges can never be used; this bounds the slots. */
  in_degree = g_new0 (guint32, MAX (solver.n_offers, 1));
  for (guint s = 0; s < solver.n_students; s++)
    {
      guint n_edges;
      const SmEdge *edges = sm_problem_get_edges (problem, s, &n_edges);

      for (guint i = 0; i < n_edges; i++)
        in_degree[edges[i].offer]++;
    }

  solver.offers = g_new0 (Offer, MAX (solver.n_offers, 1));
  for (guint o = 0; o < solver.n_offers; o++)
    {
      Offer *offer = &solver.offers[o];

      offer->capacity = MIN (sm_problem_get_capacity (problem, o), in_degree[o]);
      offer->first_slot = (guint32) total_places;
      total_places += offer->capacity;
    }
  g_clear_pointer (&in_degree, g_free);

  /* B = 1000·k + 1 with k = the most students that can be placed. */
  solver.bypass = (gint64) SM_PROBLEM_MAX_SCORE * (gint64) MIN (total_places, (guint64) solver.n_students) + 1;

  solver.slots = g_new (gint32, MAX (total_places, 1));
  solver.offer_of = g_new (gint32, MAX (solver.n_students, 1));
  solver.slot_of = g_new (guint32, MAX (solver.n_students, 1));
  solver.score_of = g_new0 (guint16, MAX (solver.n_students, 1));
  solver.heap = g_new (gint32, MAX (solver.n_offers, 1));
  solver.settled = g_new (gint32, MAX (solver.n_offers, 1));
  for (guint s = 0; s < solver.n_students; s++)
    solver.offer_of[s] = -1;

  for (guint s = 0; s < solver.n_students; s++)
    {
      if ((s & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      augment_from (&solver, (gint32) s);
    }

  if (ok)
    {
      result = sm_solution_new (solver.n_students);
      for (guint s = 0; s < solver.n_students; s++)
        {
          result->offers[s] = solver.offer_of[s];
          if (solver.offer_of[s] >= 0)
            {
              result->n_assigned++;
              result->total_score += solver.score_of[s];
            }
        }
      *solution = g_steal_pointer (&result);
    }

  g_free (solver.offers);
  g_free (solver.slots);
  g_free (solver.offer_of);
  g_free (solver.slot_of);
  g_free (solver.score_of);
  g_free (solver.heap);
  g_free (solver.settled);
  return ok;
}
