/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-stable"

#include "config.h"

#include "sm-stable.h"

/* Stable placement: student-proposing deferred acceptance with
 * capacities (Gale and Shapley 1962; the hospitals/residents problem).
 * Only edges are acceptable pairs. A student prefers a higher score, an
 * offer a higher offer score. Ties are broken by one lottery per run,
 * drawn from the seed: a ticket for every student and one for every
 * offer, and the lower ticket wins. With those strict preferences the
 * result is the student-optimal stable matching, which does not depend
 * on the order of the proposals; the caller stores the seed so that the
 * run can be repeated exactly.
 *
 * Work is O(edges) plus O(log) per proposal: a student's first choice
 * comes from one scan of its edges; only a student who is rejected
 * builds a heap of its edges to take the next ones from, as packed
 * integer keys. An offer keeps its accepted students in a heap with the
 * least wanted on top. */

/**
 * sm_stable_draw_lottery:
 * @seed: the seed of the run
 * @student_tickets: (array length=n_students) (out caller-allocates):
 *   a permutation of 0 .. @n_students − 1
 * @offer_tickets: (array length=n_offers) (out caller-allocates): a
 *   permutation of 0 .. @n_offers − 1
 *
 * Draws the lottery that sm_stable_solve() uses to break ties: between
 * two students at an offer, or two offers in a student's list, the lower
 * ticket wins. Students are drawn first, then offers, both with one
 * #GRand seeded with the two halves of @seed, so a lottery can be shown
 * to a coordinator and drawn again from the stored seed.
 */
void
sm_stable_draw_lottery (guint64  seed,
                        guint    n_students,
                        guint    n_offers,
                        guint32 *student_tickets,
                        guint32 *offer_tickets)
{
  const guint32 seed_array[2] = { (guint32) (seed & 0xffffffff), (guint32) (seed >> 32) };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed_array, G_N_ELEMENTS (seed_array));
  guint32 *tickets[2] = { student_tickets, offer_tickets };
  guint sizes[2] = { n_students, n_offers };

  g_return_if_fail (n_students == 0 || student_tickets != NULL);
  g_return_if_fail (n_offers == 0 || offer_tickets != NULL);

  for (guint k = 0; k < 2; k++)
    {
      g_autofree guint32 *order = g_new (guint32, MAX (sizes[k], 1));

      /* Fisher–Yates: order[i] is the one who draws ticket i. */
      for (guint i = 0; i < sizes[k]; i++)
        order[i] = i;
      for (guint i = sizes[k]; i > 1; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
          guint32 tmp = order[i - 1];

          order[i - 1] = order[j];
          order[j] = tmp;
        }
      for (guint i = 0; i < sizes[k]; i++)
        tickets[k][order[i]] = i;
    }
}

/* An accepted student, and the offer's slice of slots: kept together so
 * that a proposal touches few cache lines. */
typedef struct
{
  gint32  student;
  guint16 offer_score;
  guint16 score;
} Slot;

typedef struct
{
  guint32 first_slot;
  guint32 fill;
  guint32 capacity;
} Place;

typedef struct
{
  SmProblem     *problem;
  const guint32 *student_ticket;
  const guint32 *rank;        /* per offer, its ticket, or G_MAXUINT32 without places */

  /* Per student: the proposals it can still make */
  guint64       *heap;        /* per edge; only rows of rejected students are used */
  guint32       *heap_len;
  guint8        *state;

  /* Per offer: accepted students in a heap, least wanted on top */
  Place         *places;
  Slot          *slots;
} Stable;

enum
{
  STATE_NEW,           /* has not proposed */
  STATE_FIRST,         /* proposed to its first choice, heap not built */
  STATE_HEAP,          /* takes its next choices from its heap */
};

/* A student's preference for one of its edges as one number, smaller is
 * better: the score (high first), then the offer's ticket (low first).
 * The offer score rides along at the bottom, so that a proposal needs
 * neither the edge nor the row again: the ticket gives the offer. */
#define TICKET_BITS 27
#define SCORE_BITS 10
#define SCORE_MASK ((G_GUINT64_CONSTANT (1) << SCORE_BITS) - 1)
#define TICKET_MASK ((G_GUINT64_CONSTANT (1) << TICKET_BITS) - 1)

G_STATIC_ASSERT (SM_PROBLEM_MAX_SIZE <= TICKET_MASK);
G_STATIC_ASSERT (SM_PROBLEM_MAX_SCORE <= SCORE_MASK);

static inline guint64
edge_key (const SmEdge *edge,
          guint32       ticket)
{
  return (guint64) (SM_PROBLEM_MAX_SCORE - edge->score) << (TICKET_BITS + SCORE_BITS) |
         (guint64) ticket << SCORE_BITS | edge->offer_score;
}

static inline guint16
key_score (guint64 key)
{
  return (guint16) (SM_PROBLEM_MAX_SCORE - (key >> (TICKET_BITS + SCORE_BITS)));
}

static inline guint32
key_ticket (guint64 key)
{
  return (guint32) ((key >> SCORE_BITS) & TICKET_MASK);
}

static inline guint16
key_offer_score (guint64 key)
{
  return (guint16) (key & SCORE_MASK);
}

static void
key_heap_down (guint64 *heap,
               guint    n,
               guint    i)
{
  guint64 item = heap[i];

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && heap[child + 1] < heap[child])
        child++;
      if (heap[child] >= item)
        break;
      heap[i] = heap[child];
      i = child;
    }
  heap[i] = item;
}

/* The key of the next edge @student proposes along, or G_MAXUINT64 when
 * its list is done. Offers without places are skipped: they can accept
 * nobody. */
static guint64
next_choice (Stable *st,
             guint   student,
             gsize   row_start)
{
  guint n_edges;
  const SmEdge *row = sm_problem_get_edges (st->problem, student, &n_edges);
  guint64 *heap = st->heap + row_start;
  guint n;

  if (st->state[student] == STATE_NEW)
    {
      guint64 best = G_MAXUINT64;

      st->state[student] = STATE_FIRST;
      for (guint i = 0; i < n_edges; i++)
        {
          guint32 ticket = st->rank[row[i].offer];

          if (ticket != G_MAXUINT32)
            best = MIN (best, edge_key (&row[i], ticket));
        }
      return best;
    }

  if (st->state[student] == STATE_FIRST)
    {
      guint best = 0;

      /* Rejected once: a heap of all its edges, less the first choice,
       * which is the smallest key. */
      st->state[student] = STATE_HEAP;
      n = 0;
      for (guint i = 0; i < n_edges; i++)
        {
          guint32 ticket = st->rank[row[i].offer];

          if (ticket == G_MAXUINT32)
            continue;
          heap[n] = edge_key (&row[i], ticket);
          if (heap[n] < heap[best])
            best = n;
          n++;
        }
      if (n > 0)
        heap[best] = heap[--n];
      for (guint i = n / 2; i > 0; i--)
        key_heap_down (heap, n, i - 1);
      st->heap_len[student] = n;
    }

  n = st->heap_len[student];
  if (n == 0)
    return G_MAXUINT64;

  {
    guint64 top = heap[0];

    st->heap_len[student] = --n;
    heap[0] = heap[n];
    if (n > 0)
      key_heap_down (heap, n, 0);
    return top;
  }
}

/* Does the offer want @a less than @b? */
static inline gboolean
offer_wants_less (const Stable *st,
                  const Slot   *a,
                  const Slot   *b)
{
  return a->offer_score < b->offer_score ||
         (a->offer_score == b->offer_score && st->student_ticket[a->student] > st->student_ticket[b->student]);
}

static void
offer_heap_down (Stable *st,
                 Slot   *heap,
                 guint   n,
                 guint   i)
{
  Slot item = heap[i];

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && offer_wants_less (st, &heap[child + 1], &heap[child]))
        child++;
      if (!offer_wants_less (st, &heap[child], &item))
        break;
      heap[i] = heap[child];
      i = child;
    }
  heap[i] = item;
}

static void
offer_heap_up (Stable *st,
               Slot   *heap,
               guint   i)
{
  Slot item = heap[i];

  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (!offer_wants_less (st, &item, &heap[parent]))
        break;
      heap[i] = heap[parent];
      i = parent;
    }
  heap[i] = item;
}

/**
 * sm_stable_solve:
 * @problem: a finished problem
 * @seed: the seed of the lottery that breaks ties, see
 *   sm_stable_draw_lottery()
 * @solution: (out): where to put the placement
 * @cancellable: (nullable): to stop early
 *
 * Finds the student-optimal stable placement by student-proposing
 * deferred acceptance: no student and offer that share an edge both
 * prefer each other to what they have, and every student does as well
 * as in any stable placement. The same problem and seed always give the
 * same placement.
 *
 * Returns: %TRUE, or %FALSE when cancelled
 */
gboolean
sm_stable_solve (SmProblem     *problem,
                 guint64        seed,
                 SmSolution   **solution,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(SmSolution) result = NULL;
  g_autofree guint32 *student_ticket = NULL;
  g_autofree guint32 *offer_ticket = NULL;
  g_autofree guint32 *rank = NULL;
  g_autofree guint32 *offer_by_ticket = NULL;
  g_autofree gsize *row_start = NULL;
  g_autofree guint32 *stack = NULL;
  Stable st = { NULL };
  guint n_students, n_offers, n_stack = 0;
  guint64 total_places = 0, n_proposals = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (sm_problem_is_finished (problem), FALSE);
  g_return_val_if_fail (solution != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_students = sm_problem_get_n_students (problem);
  n_offers = sm_problem_get_n_offers (problem);

  student_ticket = g_new (guint32, MAX (n_students, 1));
  offer_ticket = g_new (guint32, MAX (n_offers, 1));
  sm_stable_draw_lottery (seed, n_students, n_offers, student_ticket, offer_ticket);

  row_start = g_new (gsize, n_students + 1);
  row_start[0] = 0;
  for (guint s = 0; s < n_students; s++)
    {
      guint n_edges;

      sm_problem_get_edges (problem, s, &n_edges);
      row_start[s + 1] = row_start[s] + n_edges;
    }

  rank = g_new (guint32, MAX (n_offers, 1));
  offer_by_ticket = g_new (guint32, MAX (n_offers, 1));
  st.places = g_new0 (Place, MAX (n_offers, 1));
  for (guint o = 0; o < n_offers; o++)
    {
      Place *place = &st.places[o];

      /* Places beyond an offer's candidates are never used; this bounds
       * the slots. */
      place->capacity = MIN (sm_problem_get_capacity (problem, o), sm_problem_get_n_candidates (problem, o));
      place->first_slot = (guint32) total_places;
      total_places += place->capacity;
      rank[o] = place->capacity > 0 ? offer_ticket[o] : G_MAXUINT32;
      offer_by_ticket[offer_ticket[o]] = o;
    }

  st.problem = problem;
  st.student_ticket = student_ticket;
  st.rank = rank;
  /* Not cleared: only the rows of rejected students are ever touched. */
  st.heap = g_new (guint64, MAX (row_start[n_students], 1));
  st.heap_len = g_new0 (guint32, MAX (n_students, 1));
  st.state = g_new0 (guint8, MAX (n_students, 1));
  st.slots = g_new (Slot, MAX (total_places, 1));

  /* Proposals in any order give the same result; this one is simple. */
  stack = g_new (guint32, MAX (n_students, 1));
  for (guint s = n_students; s > 0; s--)
    stack[n_stack++] = s - 1;

  while (n_stack > 0)
    {
      gint32 student = (gint32) stack[--n_stack];

      for (;;)
        {
          guint64 key = next_choice (&st, (guint) student, row_start[student]);
          Slot proposal = { student, key_offer_score (key), key_score (key) };
          Place *place;
          Slot *heap;

          if (key == G_MAXUINT64)
            break;  /* unplaced */

          if ((++n_proposals & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              goto out;
            }

          place = &st.places[offer_by_ticket[key_ticket (key)]];
          heap = st.slots + place->first_slot;
          if (place->fill < place->capacity)
            {
              heap[place->fill] = proposal;
              offer_heap_up (&st, heap, place->fill++);
              break;
            }
          if (offer_wants_less (&st, &heap[0], &proposal))
            {
              /* The least wanted makes way and proposes on. */
              student = heap[0].student;
              heap[0] = proposal;
              offer_heap_down (&st, heap, place->fill, 0);
            }
        }
    }

  result = sm_solution_new (n_students);
  for (guint o = 0; o < n_offers; o++)
    for (guint32 k = st.places[o].first_slot; k < st.places[o].first_slot + st.places[o].fill; k++)
      {
        result->offers[st.slots[k].student] = (gint32) o;
        result->n_assigned++;
        result->total_score += st.slots[k].score;
      }
  *solution = g_steal_pointer (&result);

out:
  g_free (st.places);
  g_free (st.heap);
  g_free (st.heap_len);
  g_free (st.state);
  g_free (st.slots);
  return ok;
}
