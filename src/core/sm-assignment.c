/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-assignment"

#include "config.h"

#include <string.h>

#include "sm-assignment.h"

/* Optimal placement: as many students as possible and, among those
 * placements, the highest total score, within the offers' capacities.
 *
 * The model is a min-cost flow. Every student has one unit to send: to
 * an offer o along an edge, at cost −score, or to a bypass ("unplaced")
 * at cost B; offer o passes at most capacity(o) units to the sink. With
 * B > 1000·k, where k bounds the number of placed students, one more
 * placement outweighs any difference in score, so the cheapest flow is
 * the lexicographic optimum (count first, then score). We take
 * B = 2000·k + 1: then an augmenting path through a free offer is
 * always shorter than one that ends in a bypass, so a search ends in a
 * bypass only when no free offer can be reached at all. Every student
 * can take its bypass, so "every student sends its unit" is feasible
 * and the problem is a transportation problem.
 *
 * Why successive shortest paths, student by student (the Jonker–Volgenant
 * scheme on a sparse graph, with native capacities), after an auction-
 * like start: at school scale there are about 1.1 places per student and
 * most students get one of their best offers, so the start (augmenting
 * row reduction, extended to offers with several places) places nearly
 * everybody by bidding, keeping exact prices. Only the contested rest
 * needs a Dijkstra search, which stops at the first free offer it can
 * prove nearest. Each search keeps a heap of offers (8,800 at school
 * scale, so it fits in cache), scans only the students it reaches, and
 * reads each student's edges best first, so it stops reading a row as
 * soon as no edge can beat the path already found (see scan()).
 * Capacities stay on the offer nodes (one price per offer) instead of
 * copying each offer per place, which would multiply the edges by the
 * mean capacity. Cost scaling and the full auction would need
 * ε-optimality, scaling phases and, for an unbalanced problem with
 * unplaceable students, a reverse phase; this method is exact in
 * integers at every step, deterministic and short enough to read. On
 * the benchmark instance (tests/bench) it is about five times as fast
 * as LEMON's network simplex, in a third of the memory.
 *
 * Invariants (exact dual feasibility, with prices p(o) ≥ 0 on offers and
 * the profit of student s at o being score(s, o) − p(o)):
 *   - a placed student's offer has the highest profit among its edges,
 *     and that profit is at least −B, the profit of being unplaced;
 *   - an offer with a free place has price 0; prices only rise, and an
 *     offer never loses a student, so a priced offer stays full;
 *   - an unplaced student's offers all have profit at most −B.
 * The potential of a placed student is its profit, that of an unplaced
 * one −B, so student potentials need no storage. A search from a new
 * student s finds the shortest path in reduced costs to the sink, either
 * through a free offer or through the bypass of a student it displaces
 * (possibly s itself); only offers it settled change price, as in LAPJV.
 * The generic successive shortest path argument (Ahuja, Magnanti and
 * Orlin, Network Flows, ch. 9) gives optimality once every student has
 * sent its unit. */

/* Bids per student in the start before it waits for a search. */
#define MAX_BIDS 6

#define SETTLED (-2)
#define NOT_IN_HEAP (-1)

typedef struct
{
  gint64  dist;
  guint32 stamp;     /* dist and pos are valid in the search with this stamp */
  gint32  pos;       /* in the heap, or NOT_IN_HEAP, or SETTLED */
  gint32  pred;      /* the student that reached this offer */
  guint32 fill;      /* students placed here */
  guint32 capacity;  /* places that can be used: at most its candidates */
  guint32 first_slot;
  guint16 pred_score;
} Offer;

typedef struct
{
  guint      n_students;
  guint      n_offers;
  gint64     bypass;       /* B */

  /* Each student's edges to offers with places, best score first */
  gsize     *row_start;
  SmEdge    *rows;

  Offer     *offers;
  gint64    *price;        /* per offer; apart from the rest, so that scans stay in cache */
  gint32    *slots;        /* students placed at offer o: slots[first_slot .. first_slot + fill) */
  gint32    *offer_of;     /* per student, or -1 */
  guint32   *slot_of;
  guint16   *score_of;
  gint64    *price_floor;  /* per student, at most the price of any of its offers */
  gint64    *margin;       /* in the start: how much the offer may rise before it is no longer best */
  guint8    *bids;

  /* The search */
  guint32    stamp;
  gint32    *heap;
  guint      heap_len;
  gint32    *settled;
  guint      n_settled;
} Solver;

/* Copies the rows of @problem without offers that have no place, each
 * sorted by score from high to low; equal scores keep the order by offer
 * (a stable counting sort). */
static void
build_rows (Solver    *solver,
            SmProblem *problem)
{
  guint counts[SM_PROBLEM_MAX_SCORE + 2];
  gsize n = 0;

  solver->row_start = g_new (gsize, solver->n_students + 1);
  solver->rows = g_new (SmEdge, MAX (sm_problem_get_n_edges (problem), 1));

  for (guint s = 0; s < solver->n_students; s++)
    {
      guint n_edges, len = 0;
      const SmEdge *edges = sm_problem_get_edges (problem, s, &n_edges);
      SmEdge *row = solver->rows + n;

      solver->row_start[s] = n;
      if (n_edges <= 32)
        {
          /* Insertion sort, stable, for short rows. */
          for (guint i = 0; i < n_edges; i++)
            {
              SmEdge edge = edges[i];
              guint j;

              if (solver->offers[edge.offer].capacity == 0)
                continue;
              for (j = len++; j > 0 && row[j - 1].score < edge.score; j--)
                row[j] = row[j - 1];
              row[j] = edge;
            }
        }
      else
        {
          memset (counts, 0, sizeof counts);
          for (guint i = 0; i < n_edges; i++)
            if (solver->offers[edges[i].offer].capacity > 0)
              counts[SM_PROBLEM_MAX_SCORE - edges[i].score + 1]++;
          for (guint k = 1; k <= SM_PROBLEM_MAX_SCORE + 1; k++)
            counts[k] += counts[k - 1];
          for (guint i = 0; i < n_edges; i++)
            if (solver->offers[edges[i].offer].capacity > 0)
              row[counts[SM_PROBLEM_MAX_SCORE - edges[i].score]++] = edges[i];
          len = counts[SM_PROBLEM_MAX_SCORE + 1];
        }
      n += len;
    }
  solver->row_start[solver->n_students] = n;
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

/* The start: augmenting row reduction (Jonker and Volgenant 1987) for
 * offers with several places. A free student takes the offer of highest
 * profit. If it is full, the student among its occupants and the bidder
 * that loses least by leaving (the smallest margin over its next best
 * option) makes way, and the price rises by the smallest margin of those
 * who stay, so that the offer stays their best. Prices stay exact, so
 * the searches can start from them. Returns the student who is now free,
 * or -1. */
static gint32
bid (Solver *solver,
     gint32  student)
{
  const SmEdge *row = solver->rows + solver->row_start[student];
  const SmEdge *end = solver->rows + solver->row_start[student + 1];
  gint64 v1 = G_MININT64, v2 = G_MININT64;
  const SmEdge *best = NULL;
  Offer *offer;
  gint32 loser = student;
  gint64 loser_margin, delta;

  for (; row < end; row++)
    {
      gint64 profit;

      /* Profit is at most the score: nothing further can count. */
      if (row->score < v2 || (row->score == v2 && v1 > v2))
        break;
      profit = (gint64) row->score - solver->price[row->offer];
      if (profit > v1 || (profit == v1 && best != NULL && row->offer < best->offer))
        {
          v2 = v1;
          v1 = profit;
          best = row;
        }
      else if (profit > v2)
        v2 = profit;
    }
  v2 = MAX (v2, -solver->bypass);
  if (best == NULL || v1 <= -solver->bypass)
    return student;

  offer = &solver->offers[best->offer];
  if (offer->fill < offer->capacity)
    {
      place (solver, student, best->offer, offer->first_slot + offer->fill++, best->score);
      solver->margin[student] = v1 - v2;
      return -1;
    }

  /* Who makes way: the smallest margin, the bidder on a tie. */
  loser_margin = v1 - v2;
  for (guint32 k = offer->first_slot; k < offer->first_slot + offer->fill; k++)
    if (solver->margin[solver->slots[k]] < loser_margin)
      {
        loser = solver->slots[k];
        loser_margin = solver->margin[loser];
      }

  delta = loser == student ? G_MAXINT64 : v1 - v2;
  for (guint32 k = offer->first_slot; k < offer->first_slot + offer->fill; k++)
    if (solver->slots[k] != loser)
      delta = MIN (delta, solver->margin[solver->slots[k]]);

  solver->price[best->offer] += delta;
  for (guint32 k = offer->first_slot; k < offer->first_slot + offer->fill; k++)
    solver->margin[solver->slots[k]] -= delta;

  if (loser != student)
    {
      guint32 slot = solver->slot_of[loser];

      solver->offer_of[loser] = -1;
      place (solver, student, best->offer, slot, best->score);
      solver->margin[student] = v1 - v2 - delta;
    }
  return loser;
}

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

static void
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

  /* Nothing at or beyond the best end found so far can be on the path. */
  if (dist >= target->dist)
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
      target->dist = dist;
      target->offer = o;
      target->displaced = -1;
      return;
    }

  if (offer->pos == NOT_IN_HEAP)
    {
      offer->pos = (gint32) solver->heap_len;
      solver->heap[solver->heap_len++] = o;
    }
  heap_up (solver, (guint) offer->pos);
}

/* Relaxes the edges of @student, reached at @dist with potential
 * @profit, except the one to the offer it sits at. The row is sorted by
 * score and every price in it is at least the student's price floor, so
 * once @dist + @profit + floor − score reaches the target the rest of
 * the row cannot improve anything. In contested parts prices are high,
 * and the floor lets a search skip most of each row there. */
static inline void
scan (Solver *solver,
      Target *target,
      gint32  student,
      gint32  own_offer,
      gint64  dist,
      gint64  profit)
{
  const SmEdge *row = solver->rows + solver->row_start[student];
  const SmEdge *end = solver->rows + solver->row_start[student + 1];
  gint64 base = dist + profit + solver->price_floor[student];
  gint64 lowest = G_MAXINT64;

  for (; row < end; row++)
    {
      gint64 price;

      if (base - row->score >= target->dist)
        return;
      price = solver->price[row->offer];
      lowest = MIN (lowest, price);
      if (row->offer != own_offer)
        relax (solver, target, student, row->offer, row->score,
               dist + profit - row->score + price);
    }
  /* Prices only rise, so the lowest one seen stays a lower bound. */
  if (lowest != G_MAXINT64)
    solver->price_floor[student] = lowest;
}

/* Places @source, a free student, along a shortest path. */
static void
augment_from (Solver *solver,
              gint32  source)
{
  const SmEdge *row = solver->rows + solver->row_start[source];
  const SmEdge *end = solver->rows + solver->row_start[source + 1];
  gint64 best = G_MININT64;
  Target target;

  for (; row < end && row->score > best; row++)
    best = MAX (best, (gint64) row->score - solver->price[row->offer]);
  if (best == G_MININT64)
    return;  /* no offer with a place: unplaced */

  /* Dijkstra in reduced costs. The potential of the source is its best
   * profit, so its edges cost best − profit ≥ 0; its own bypass costs
   * B + best. */
  solver->stamp++;
  solver->heap_len = 0;
  solver->n_settled = 0;
  target.dist = solver->bypass + best;
  target.offer = -1;
  target.displaced = source;

  scan (solver, &target, source, -1, 0, best);

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
          gint64 profit = (gint64) solver->score_of[s] - solver->price[o];

          if (dist + solver->bypass + profit < target.dist)
            {
              target.dist = dist + solver->bypass + profit;
              target.offer = -1;
              target.displaced = s;
            }
          scan (solver, &target, s, o, dist, profit);
        }
    }

  /* New prices keep every reduced cost non-negative and make the path
   * tight. */
  for (guint i = 0; i < solver->n_settled; i++)
    {
      gint32 o = solver->settled[i];
      solver->price[o] += target.dist - solver->offers[o].dist;
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
  g_autofree gint32 *waiting = NULL;
  guint n_waiting = 0;
  Solver solver = { 0 };
  guint64 total_places = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (sm_problem_is_finished (problem), FALSE);
  g_return_val_if_fail (solution != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  solver.n_students = sm_problem_get_n_students (problem);
  solver.n_offers = sm_problem_get_n_offers (problem);

  solver.offers = g_new0 (Offer, MAX (solver.n_offers, 1));
  solver.price = g_new0 (gint64, MAX (solver.n_offers, 1));
  for (guint o = 0; o < solver.n_offers; o++)
    {
      Offer *offer = &solver.offers[o];

      /* More places than candidates are never used; this bounds the slots. */
      offer->capacity = MIN (sm_problem_get_capacity (problem, o), sm_problem_get_n_candidates (problem, o));
      offer->first_slot = (guint32) total_places;
      total_places += offer->capacity;
    }

  /* B = 2000·k + 1 with k = the most students that can be placed. */
  solver.bypass = 2 * (gint64) SM_PROBLEM_MAX_SCORE * (gint64) MIN (total_places, (guint64) solver.n_students) + 1;

  build_rows (&solver, problem);
  solver.slots = g_new (gint32, MAX (total_places, 1));
  solver.offer_of = g_new (gint32, MAX (solver.n_students, 1));
  solver.slot_of = g_new (guint32, MAX (solver.n_students, 1));
  solver.score_of = g_new0 (guint16, MAX (solver.n_students, 1));
  solver.margin = g_new (gint64, MAX (solver.n_students, 1));
  solver.price_floor = g_new0 (gint64, MAX (solver.n_students, 1));
  solver.bids = g_new0 (guint8, MAX (solver.n_students, 1));
  solver.heap = g_new (gint32, MAX (solver.n_offers, 1));
  solver.settled = g_new (gint32, MAX (solver.n_offers, 1));
  for (guint s = 0; s < solver.n_students; s++)
    solver.offer_of[s] = -1;

  /* The start: each student bids, and one who is pushed out bids again
   * at once, until it has bid MAX_BIDS times; then it waits. */
  waiting = g_new (gint32, MAX (solver.n_students, 1));
  for (guint s = 0; s < solver.n_students; s++)
    {
      gint32 student = (gint32) s;

      if ((s & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          goto out;
        }
      while (student >= 0)
        {
          if (solver.bids[student] == MAX_BIDS)
            {
              waiting[n_waiting++] = student;
              break;
            }
          solver.bids[student]++;
          student = bid (&solver, student);
        }
    }
  g_clear_pointer (&solver.margin, g_free);
  g_clear_pointer (&solver.bids, g_free);

  /* Then a shortest path for each student still free. */
  for (guint i = 0; i < n_waiting; i++)
    {
      if ((i & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          goto out;
        }
      augment_from (&solver, waiting[i]);
    }

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

out:
  g_free (solver.row_start);
  g_free (solver.rows);
  g_free (solver.offers);
  g_free (solver.price);
  g_free (solver.slots);
  g_free (solver.offer_of);
  g_free (solver.slot_of);
  g_free (solver.score_of);
  g_free (solver.margin);
  g_free (solver.price_floor);
  g_free (solver.bids);
  g_free (solver.heap);
  g_free (solver.settled);
  return ok;
}
