/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-assignment"

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "sm-assignment.h"
#include "sm-problem.h"

/* The optimal solver: as many students as possible, then the highest
 * total score. It must equal an exhaustive search on thousands of small
 * random instances, an independent min-cost flow on larger ones, and
 * hand-computed optima; and it must not depend on the order of input. */

static SmSolution *
solve (SmProblem *problem)
{
  g_autoptr(GError) error = NULL;
  SmSolution *solution = NULL;

  g_assert_true (sm_assignment_solve (problem, &solution, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (solution);
  /* Every result keeps to the edges and the capacities, and its count
   * and total are its own. */
  g_assert_true (sm_problem_check_solution (problem, solution, &error));
  g_assert_no_error (error);
  return solution;
}

static SmProblem *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  SmProblem *problem = sm_problem_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  return problem;
}

static void
assert_optimum (const char   *text,
                guint         assigned,
                gint64        total,
                const gint32 *offers)
{
  g_autoptr(SmProblem) problem = parse (text);
  g_autoptr(SmSolution) solution = solve (problem);

  g_assert_cmpuint (solution->n_assigned, ==, assigned);
  g_assert_cmpint (solution->total_score, ==, total);
  if (offers != NULL)
    for (guint s = 0; s < solution->n_students; s++)
      g_assert_cmpint (solution->offers[s], ==, offers[s]);
}

/* Hand-computed optima */

static void
test_greedy_loses_a_place (void)
{
  /* Student 0 likes offer 0 best (900), but student 1 can only go
   * there. Taking the best score first places one student (900); the
   * optimum places both, 0 at offer 1 (100) and 1 at offer 0 (800),
   * also 900 in total. */
  const gint32 offers[] = { 1, 0 };

  assert_optimum ("p 2 2\n"
                  "e 0 0 900\n"
                  "e 0 1 100\n"
                  "e 1 0 800\n",
                  2, 900, offers);
}

static void
test_count_before_score (void)
{
  /* The highest total of any placement is 1000 (student 0 at offer 0,
   * student 1 unplaced). Placing both forces 0 to offer 1 (10) and 1 to
   * offer 0 (10): two students, 20 in total, which is the optimum. */
  const gint32 offers[] = { 1, 0 };

  assert_optimum ("p 2 2\n"
                  "e 0 0 1000\n"
                  "e 0 1 10\n"
                  "e 1 0 10\n",
                  2, 20, offers);

  /* The same with nothing to gain in score: 0 beats 1000. */
  assert_optimum ("p 2 2\n"
                  "e 0 0 1000\n"
                  "e 0 1 0\n"
                  "e 1 0 0\n",
                  2, 0, offers);
}

static void
test_three_by_three (void)
{
  /* Scores        offer 0  1  2
   *   student 0         9  2  7
   *   student 1         6  4  3
   *   student 2         5  8  1
   * The six permutations give 14, 20, 9, 10, 21 and 16; the best, 21,
   * is 0→2 (7), 1→0 (6), 2→1 (8). The row maxima (9, 6, 8) collide on
   * offer 0, so the greedy start cannot finish it alone. */
  const gint32 offers[] = { 2, 0, 1 };

  assert_optimum ("p 3 3\n"
                  "e 0 0 9\ne 0 1 2\ne 0 2 7\n"
                  "e 1 0 6\ne 1 1 4\ne 1 2 3\n"
                  "e 2 0 5\ne 2 1 8\ne 2 2 1\n",
                  3, 21, offers);
}

static void
test_capacities (void)
{
  /* Offer 0 has two places and three students who want it (500 each);
   * offer 1 has one place, for student 2 (100) or student 3 (600). Four
   * students, three places: three are placed. Student 3 at offer 1 and
   * two of 0, 1, 2 at offer 0 give 1600; giving offer 1 to student 2
   * gives at most 1100. */
  g_autoptr(SmProblem) problem = parse ("p 4 2\n"
                                        "o 0 2\n"
                                        "e 0 0 500\ne 1 0 500\ne 2 0 500\ne 2 1 100\n"
                                        "e 3 1 600\n");
  g_autoptr(SmSolution) solution = solve (problem);

  g_assert_cmpuint (solution->n_assigned, ==, 3);
  g_assert_cmpint (solution->total_score, ==, 1600);
  g_assert_cmpint (solution->offers[3], ==, 1);
}

static void
test_chain (void)
{
  /* Students 0–4 each like offer i (1000) and offer i + 1 (900);
   * student 5 can only go to offer 0. Placing all six forces the whole
   * chain one offer on: 1000 + 5 × 900 = 5500. Student 5 comes last, so
   * its path runs through every other student. */
  const gint32 offers[] = { 1, 2, 3, 4, 5, 0 };

  assert_optimum ("p 6 6\n"
                  "e 0 0 1000\ne 0 1 900\n"
                  "e 1 1 1000\ne 1 2 900\n"
                  "e 2 2 1000\ne 2 3 900\n"
                  "e 3 3 1000\ne 3 4 900\n"
                  "e 4 4 1000\ne 4 5 900\n"
                  "e 5 0 1000\n",
                  6, 5500, offers);
}

static void
test_displace (void)
{
  /* One place, two students: the one with 1000 must win even though
   * the one with 0 comes first; it has no other place to go. */
  const gint32 offers[] = { -1, 0 };

  assert_optimum ("p 2 1\ne 0 0 0\ne 1 0 1000\n", 1, 1000, offers);
}

static void
test_zero_capacity (void)
{
  /* Offer 0 has no places: student 0 stays unplaced, student 1 takes
   * offer 1 (10) instead of its better 500. */
  const gint32 offers[] = { -1, 1 };

  assert_optimum ("p 2 2\no 0 0\ne 0 0 1000\ne 1 0 500\ne 1 1 10\n", 1, 10, offers);
}

static void
test_ties_and_empty (void)
{
  const gint32 none[] = { -1, -1, -1 };

  /* Five students, three places, all scores 7: three placed, 21. */
  assert_optimum ("p 5 3\n"
                  "e 0 0 7\ne 0 1 7\ne 1 1 7\ne 1 2 7\ne 2 0 7\n"
                  "e 3 2 7\ne 4 0 7\ne 4 1 7\ne 4 2 7\n",
                  3, 21, NULL);
  assert_optimum ("p 0 0\n", 0, 0, NULL);
  assert_optimum ("p 0 4\n", 0, 0, NULL);
  assert_optimum ("p 3 0\n", 0, 0, none);
  assert_optimum ("p 3 2\no 0 5\n", 0, 0, none);
}

/* Exhaustive search: every student unplaced or at one of its offers,
 * within the capacities; the best (count, total) in lexicographic
 * order. */

typedef struct
{
  SmProblem *problem;
  guint     *left;
  guint      best_count;
  gint64     best_total;
} Brute;

static void
brute_step (Brute  *brute,
            guint   student,
            guint   count,
            gint64  total)
{
  guint n_edges;
  const SmEdge *edges;

  if (student == sm_problem_get_n_students (brute->problem))
    {
      if (count > brute->best_count || (count == brute->best_count && total > brute->best_total))
        {
          brute->best_count = count;
          brute->best_total = total;
        }
      return;
    }

  brute_step (brute, student + 1, count, total);
  edges = sm_problem_get_edges (brute->problem, student, &n_edges);
  for (guint i = 0; i < n_edges; i++)
    if (brute->left[edges[i].offer] > 0)
      {
        brute->left[edges[i].offer]--;
        brute_step (brute, student + 1, count + 1, total + edges[i].score);
        brute->left[edges[i].offer]++;
      }
}

static void
brute_force (SmProblem *problem,
             guint     *count,
             gint64    *total)
{
  g_autofree guint *left = g_new (guint, sm_problem_get_n_offers (problem) + 1);
  Brute brute = { problem, left, 0, 0 };

  for (guint o = 0; o < sm_problem_get_n_offers (problem); o++)
    left[o] = sm_problem_get_capacity (problem, o);
  brute_step (&brute, 0, 0, 0);
  *count = brute.best_count;
  *total = brute.best_total;
}

/* A random problem: scores from a handful of values (many ties) or
 * from the whole range; capacities 0 to 3; some students without
 * edges. */
static SmProblem *
random_problem (GRand *rand,
                guint  max_students,
                guint  max_offers)
{
  static const guint few[] = { 0, 1, 2, 500, 1000 };
  guint n_students = (guint) g_rand_int_range (rand, 0, (gint32) max_students + 1);
  guint n_offers = (guint) g_rand_int_range (rand, 0, (gint32) max_offers + 1);
  gboolean ties = g_rand_boolean (rand);
  double density = g_rand_double_range (rand, 0.15, 0.9);
  SmProblem *problem = sm_problem_new (n_students, n_offers);
  g_autoptr(GError) error = NULL;

  for (guint o = 0; o < n_offers; o++)
    {
      int r = g_rand_int_range (rand, 0, 20);
      sm_problem_set_capacity (problem, o, r < 2 ? 0 : r < 12 ? 1 : r < 17 ? 2 : 3);
    }
  for (guint s = 0; s < n_students; s++)
    for (guint o = 0; o < n_offers; o++)
      if (g_rand_double (rand) < density)
        {
          guint score = ties ? few[g_rand_int_range (rand, 0, G_N_ELEMENTS (few))]
                             : (guint) g_rand_int_range (rand, 0, 1001);
          sm_problem_add_edge (problem, s, o, score, (guint) g_rand_int_range (rand, 0, 1001));
        }
  g_assert_true (sm_problem_finish (problem, &error));
  return problem;
}

static void
test_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  guint n_nonempty = 0, n_short = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(SmProblem) problem = random_problem (rand, 7, 4);
      g_autoptr(SmSolution) solution = solve (problem);
      guint count;
      gint64 total;

      brute_force (problem, &count, &total);
      if (solution->n_assigned != count || solution->total_score != total)
        g_error ("instance %u: solver %u/%" G_GINT64_FORMAT ", exhaustive %u/%" G_GINT64_FORMAT,
                 i, solution->n_assigned, solution->total_score, count, total);
      n_nonempty += count > 0;
      n_short += count < sm_problem_get_n_students (problem);
    }
  /* The instances are not trivial: most place someone, many not all. */
  g_assert_cmpuint (n_nonempty, >, 1100);
  g_assert_cmpuint (n_short, >, 1000);
}

/* An independent reference for larger instances: a textbook min-cost
 * max-flow from a super source, with Bellman–Ford (queue based) on an
 * explicit residual graph and arc costs −(K + score), K above any sum
 * of scores, so the cheapest maximum flow is the lexicographic optimum.
 * It shares nothing with the solver but the problem. */

typedef struct
{
  guint  to;
  gint   cap;
  gint64 cost;
  guint  rev;
} Arc;

typedef struct
{
  GArray **out;   /* per node, an array of Arc */
  guint    n_nodes;
} Network;

static void
network_add (Network *net,
             guint    from,
             guint    to,
             gint     cap,
             gint64   cost)
{
  Arc forward = { to, cap, cost, net->out[to]->len + (from == to) };
  Arc backward = { from, 0, -cost, net->out[from]->len };

  g_array_append_val (net->out[from], forward);
  g_array_append_val (net->out[to], backward);
}

static void
reference (SmProblem *problem,
           guint     *count,
           gint64    *total)
{
  guint n_students = sm_problem_get_n_students (problem);
  guint n_offers = sm_problem_get_n_offers (problem);
  guint source = n_students + n_offers, sink = source + 1;
  gint64 big = 1001 * (gint64) (n_students + 1);
  Network net = { g_new (GArray *, sink + 1), sink + 1 };
  g_autofree gint64 *dist = g_new (gint64, sink + 1);
  g_autofree guint *pred_node = g_new (guint, sink + 1);
  g_autofree guint *pred_arc = g_new (guint, sink + 1);
  g_autofree gboolean *queued = g_new (gboolean, sink + 1);
  g_autoptr(GQueue) queue = g_queue_new ();

  for (guint v = 0; v <= sink; v++)
    net.out[v] = g_array_new (FALSE, FALSE, sizeof (Arc));
  for (guint s = 0; s < n_students; s++)
    {
      guint n_edges;
      const SmEdge *edges = sm_problem_get_edges (problem, s, &n_edges);

      network_add (&net, source, s, 1, 0);
      for (guint i = 0; i < n_edges; i++)
        network_add (&net, s, n_students + (guint) edges[i].offer, 1, -(big + edges[i].score));
    }
  for (guint o = 0; o < n_offers; o++)
    network_add (&net, n_students + o, sink, (gint) sm_problem_get_capacity (problem, o), 0);

  *count = 0;
  *total = 0;
  for (;;)
    {
      for (guint v = 0; v <= sink; v++)
        {
          dist[v] = G_MAXINT64;
          queued[v] = FALSE;
        }
      dist[source] = 0;
      g_queue_push_tail (queue, GUINT_TO_POINTER (source));
      while (!g_queue_is_empty (queue))
        {
          guint v = GPOINTER_TO_UINT (g_queue_pop_head (queue));

          queued[v] = FALSE;
          for (guint i = 0; i < net.out[v]->len; i++)
            {
              const Arc *arc = &g_array_index (net.out[v], Arc, i);

              if (arc->cap > 0 && dist[v] + arc->cost < dist[arc->to])
                {
                  dist[arc->to] = dist[v] + arc->cost;
                  pred_node[arc->to] = v;
                  pred_arc[arc->to] = i;
                  if (!queued[arc->to])
                    {
                      queued[arc->to] = TRUE;
                      g_queue_push_tail (queue, GUINT_TO_POINTER (arc->to));
                    }
                }
            }
        }
      if (dist[sink] == G_MAXINT64)
        break;
      for (guint v = sink; v != source; v = pred_node[v])
        {
          Arc *arc = &g_array_index (net.out[pred_node[v]], Arc, pred_arc[v]);

          arc->cap--;
          g_array_index (net.out[v], Arc, arc->rev).cap++;
        }
      (*count)++;
      *total += -dist[sink] - big;
    }

  for (guint v = 0; v <= sink; v++)
    g_array_unref (net.out[v]);
  g_free (net.out);
}

static void
test_reference (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(SmProblem) problem = random_problem (rand, i < 150 ? 40 : 120, i < 150 ? 16 : 45);
      g_autoptr(SmSolution) solution = solve (problem);
      guint count;
      gint64 total;

      reference (problem, &count, &total);
      if (solution->n_assigned != count || solution->total_score != total)
        g_error ("instance %u: solver %u/%" G_GINT64_FORMAT ", reference %u/%" G_GINT64_FORMAT,
                 i, solution->n_assigned, solution->total_score, count, total);
    }
}

/* The reference agrees with the exhaustive search, so that its
 * agreement with the solver means something. */
static void
test_reference_is_right (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(SmProblem) problem = random_problem (rand, 6, 4);
      guint count, ref_count;
      gint64 total, ref_total;

      brute_force (problem, &count, &total);
      reference (problem, &ref_count, &ref_total);
      g_assert_cmpuint (ref_count, ==, count);
      g_assert_cmpint (ref_total, ==, total);
    }
}

/* Same problem, edges added in another order: the same placement, not
 * just the same value. Many ties make this a real test. */
typedef struct
{
  guint student, offer, score;
} Triple;

static void
test_deterministic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31337);
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Triple));
  g_autoptr(SmSolution) first = NULL;
  guint n_students = 300, n_offers = 110;

  for (guint s = 0; s < n_students; s++)
    for (guint k = 0; k < 12; k++)
      {
        Triple e = { s, (guint) g_rand_int_range (rand, 0, (gint32) n_offers),
                     (guint) g_rand_int_range (rand, 0, 4) * 100 };
        gboolean seen = FALSE;

        for (guint i = edges->len; i > 0 && g_array_index (edges, Triple, i - 1).student == s; i--)
          seen |= g_array_index (edges, Triple, i - 1).offer == e.offer;
        if (!seen)
          g_array_append_val (edges, e);
      }

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(SmProblem) problem = sm_problem_new (n_students, n_offers);
      g_autoptr(SmSolution) solution = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = edges->len; i > 1 && round > 0; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
          Triple tmp = g_array_index (edges, Triple, i - 1);

          g_array_index (edges, Triple, i - 1) = g_array_index (edges, Triple, j);
          g_array_index (edges, Triple, j) = tmp;
        }
      for (guint o = 0; o < n_offers; o++)
        sm_problem_set_capacity (problem, o, 1 + o % 3);
      for (guint i = 0; i < edges->len; i++)
        {
          const Triple *e = &g_array_index (edges, Triple, i);
          sm_problem_add_edge (problem, e->student, e->offer, e->score, e->score);
        }
      g_assert_true (sm_problem_finish (problem, &error));

      solution = solve (problem);
      if (first == NULL)
        {
          guint count;
          gint64 total;

          reference (problem, &count, &total);
          g_assert_cmpuint (solution->n_assigned, ==, count);
          g_assert_cmpint (solution->total_score, ==, total);
          first = g_steal_pointer (&solution);
          continue;
        }
      g_assert_cmpmem (solution->offers, n_students * sizeof (gint32), first->offers, n_students * sizeof (gint32));
    }
}

static void
test_cancel (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(SmProblem) problem = random_problem (rand, 30, 10);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SmSolution *solution = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (sm_assignment_solve (problem, &solution, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (solution);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assignment/hand/greedy-loses-a-place", test_greedy_loses_a_place);
  g_test_add_func ("/assignment/hand/count-before-score", test_count_before_score);
  g_test_add_func ("/assignment/hand/three-by-three", test_three_by_three);
  g_test_add_func ("/assignment/hand/capacities", test_capacities);
  g_test_add_func ("/assignment/hand/chain", test_chain);
  g_test_add_func ("/assignment/hand/displace", test_displace);
  g_test_add_func ("/assignment/hand/zero-capacity", test_zero_capacity);
  g_test_add_func ("/assignment/hand/ties-and-empty", test_ties_and_empty);
  g_test_add_func ("/assignment/brute-force", test_brute_force);
  g_test_add_func ("/assignment/reference", test_reference);
  g_test_add_func ("/assignment/reference-is-right", test_reference_is_right);
  g_test_add_func ("/assignment/deterministic", test_deterministic);
  g_test_add_func ("/assignment/cancel", test_cancel);

  return g_test_run ();
}
