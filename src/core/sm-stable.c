/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-stable"

#include "config.h"

#include <glib/gi18n-lib.h>

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
 * builds a heap of its edges to take the next ones from. An offer keeps
 * its accepted students in a heap with the least wanted on top. */

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

typedef struct
{
  SmProblem     *problem;
  const guint32 *student_ticket;
  const guint32 *offer_ticket;
  const guint   *capacity;

  /* Per student: the proposals it can still make */
  guint32       *heap;        /* per edge; only rows of rejected students are used */
  guint32       *heap_len;
  guint8        *state;

  /* Per offer: accepted students, least wanted first */
  guint32       *first_slot;
  guint32       *fill;
  gint32        *slot_student;
  guint16       *slot_offer_score;
  guint16       *slot_score;
} Stable;

enum
{
  STATE_NEW,           /* has not proposed */
  STATE_FIRST,         /* proposed to its first choice, heap not built */
  STATE_HEAP,          /* takes its next choices from its heap */
};

/* Does the student prefer edge @a to edge @b? */
static inline gboolean
student_prefers (const Stable *st,
                 const SmEdge *a,
                 const SmEdge *b)
{
  return a->score > b->score ||
         (a->score == b->score && st->offer_ticket[a->offer] < st->offer_ticket[b->offer]);
}

static void
student_heap_down (const Stable  *st,
                   const SmEdge  *row,
                   guint32       *heap,
                   guint          n,
                   guint          i)
{
  guint32 item = heap[i];

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && student_prefers (st, &row[heap[child + 1]], &row[heap[child]]))
        child++;
      if (!student_prefers (st, &row[heap[child]], &row[item]))
        break;
      heap[i] = heap[child];
      i = child;
    }
  heap[i] = item;
}

/* The next edge @student proposes along, or NULL when its list is done.
 * Offers without places are skipped: they can accept nobody. */
static const SmEdge *
next_choice (Stable *st,
             guint   student,
             gsize   row_start)
{
  guint n_edges;
  const SmEdge *row = sm_problem_get_edges (st->problem, student, &n_edges);
  guint32 *heap = st->heap + row_start;

  if (st->state[student] == STATE_NEW)
    {
      const SmEdge *best = NULL;

      st->state[student] = STATE_FIRST;
      for (guint i = 0; i < n_edges; i++)
        if (st->capacity[row[i].offer] > 0 && (best == NULL || student_prefers (st, &row[i], best)))
          best = &row[i];
      return best;
    }

  if (st->state[student] == STATE_FIRST)
    {
      guint n = 0;

      /* Rejected once: a heap of the others, without the first choice. */
      st->state[student] = STATE_HEAP;
      {
        const SmEdge *first = NULL;

        for (guint i = 0; i < n_edges; i++)
          if (st->capacity[row[i].offer] > 0 && (first == NULL || student_prefers (st, &row[i], first)))
            first = &row[i];
        for (guint i = 0; i < n_edges; i++)
          if (st->capacity[row[i].offer] > 0 && &row[i] != first)
            heap[n++] = i;
      }
      for (guint i = n / 2; i > 0; i--)
        student_heap_down (st, row, heap, n, i - 1);
      st->heap_len[student] = n;
    }

  if (st->heap_len[student] == 0)
    return NULL;

  {
    guint n = --st->heap_len[student];
    guint32 top = heap[0];

    heap[0] = heap[n];
    if (n > 0)
      student_heap_down (st, row, heap, n, 0);
    return &row[top];
  }
}

/* Does the offer want student @a (with offer score @sa) less than @b? */
static inline gboolean
offer_wants_less (const Stable *st,
                  gint32        a,
                  guint16       sa,
                  gint32        b,
                  guint16       sb)
{
  return sa < sb || (sa == sb && st->student_ticket[a] > st->student_ticket[b]);
}

static void
offer_heap_down (Stable  *st,
                 guint32  first,
                 guint    n,
                 guint    i)
{
  gint32 student = st->slot_student[first + i];
  guint16 offer_score = st->slot_offer_score[first + i];
  guint16 score = st->slot_score[first + i];

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n &&
          offer_wants_less (st, st->slot_student[first + child + 1], st->slot_offer_score[first + child + 1],
                            st->slot_student[first + child], st->slot_offer_score[first + child]))
        child++;
      if (!offer_wants_less (st, st->slot_student[first + child], st->slot_offer_score[first + child],
                             student, offer_score))
        break;
      st->slot_student[first + i] = st->slot_student[first + child];
      st->slot_offer_score[first + i] = st->slot_offer_score[first + child];
      st->slot_score[first + i] = st->slot_score[first + child];
      i = child;
    }
  st->slot_student[first + i] = student;
  st->slot_offer_score[first + i] = offer_score;
  st->slot_score[first + i] = score;
}

static void
offer_heap_up (Stable  *st,
               guint32  first,
               guint    i)
{
  gint32 student = st->slot_student[first + i];
  guint16 offer_score = st->slot_offer_score[first + i];
  guint16 score = st->slot_score[first + i];

  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (!offer_wants_less (st, student, offer_score,
                             st->slot_student[first + parent], st->slot_offer_score[first + parent]))
        break;
      st->slot_student[first + i] = st->slot_student[first + parent];
      st->slot_offer_score[first + i] = st->slot_offer_score[first + parent];
      st->slot_score[first + i] = st->slot_score[first + parent];
      i = parent;
    }
  st->slot_student[first + i] = student;
  st->slot_offer_score[first + i] = offer_score;
  st->slot_score[first + i] = score;
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
  g_autofree guint *capacity = NULL;
  g_autofree guint32 *in_degree = NULL;
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

  /* Places beyond an offer's edges are never used; this bounds the slots. */
  in_degree = g_new0 (guint32, MAX (n_offers, 1));
  row_start = g_new (gsize, n_students + 1);
  row_start[0] = 0;
  for (guint s = 0; s < n_students; s++)
    {
      guint n_edges;
      const SmEdge *edges = sm_problem_get_edges (problem, s, &n_edges);

      for (guint i = 0; i < n_edges; i++)
        in_degree[edges[i].offer]++;
      row_start[s + 1] = row_start[s] + n_edges;
    }

  capacity = g_new (guint, MAX (n_offers, 1));
  st.first_slot = g_new (guint32, MAX (n_offers, 1));
  st.fill = g_new0 (guint32, MAX (n_offers, 1));
  for (guint o = 0; o < n_offers; o++)
    {
      capacity[o] = MIN (sm_problem_get_capacity (problem, o), in_degree[o]);
      st.first_slot[o] = (guint32) total_places;
      total_places += capacity[o];
    }

  st.problem = problem;
  st.student_ticket = student_ticket;
  st.offer_ticket = offer_ticket;
  st.capacity = capacity;
  /* Not cleared: only the rows of rejected students are ever touched. */
  st.heap = g_new (guint32, MAX (row_start[n_students], 1));
  st.heap_len = g_new0 (guint32, MAX (n_students, 1));
  st.state = g_new0 (guint8, MAX (n_students, 1));
  st.slot_student = g_new (gint32, MAX (total_places, 1));
  st.slot_offer_score = g_new (guint16, MAX (total_places, 1));
  st.slot_score = g_new (guint16, MAX (total_places, 1));

  /* Proposals in any order give the same result; this one is simple. */
  stack = g_new (guint32, MAX (n_students, 1));
  for (guint s = n_students; s > 0; s--)
    stack[n_stack++] = s - 1;

  while (n_stack > 0)
    {
      gint32 student = (gint32) stack[--n_stack];

      for (;;)
        {
          const SmEdge *edge = next_choice (&st, (guint) student, row_start[student]);
          guint32 o, first;

          if (edge == NULL)
            break;  /* unplaced */

          if ((++n_proposals & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              goto out;
            }

          o = (guint32) edge->offer;
          first = st.first_slot[o];
          if (st.fill[o] < capacity[o])
            {
              guint i = st.fill[o]++;

              st.slot_student[first + i] = student;
              st.slot_offer_score[first + i] = edge->offer_score;
              st.slot_score[first + i] = edge->score;
              offer_heap_up (&st, first, i);
              break;
            }
          if (offer_wants_less (&st, st.slot_student[first], st.slot_offer_score[first],
                                student, edge->offer_score))
            {
              /* The least wanted makes way and proposes on. */
              gint32 rejected = st.slot_student[first];

              st.slot_student[first] = student;
              st.slot_offer_score[first] = edge->offer_score;
              st.slot_score[first] = edge->score;
              offer_heap_down (&st, first, st.fill[o], 0);
              student = rejected;
            }
        }
    }

  result = sm_solution_new (n_students);
  for (guint o = 0; o < n_offers; o++)
    for (guint32 k = st.first_slot[o]; k < st.first_slot[o] + st.fill[o]; k++)
      {
        result->offers[st.slot_student[k]] = (gint32) o;
        result->n_assigned++;
        result->total_score += st.slot_score[k];
      }
  *solution = g_steal_pointer (&result);

out:
  g_free (st.first_slot);
  g_free (st.fill);
  g_free (st.heap);
  g_free (st.heap_len);
  g_free (st.state);
  g_free (st.slot_student);
  g_free (st.slot_offer_score);
  g_free (st.slot_score);
  return ok;
}
