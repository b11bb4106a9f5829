/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-stable"

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "sm-problem.h"
#include "sm-stable.h"

/* The stable solver: student-proposing deferred acceptance with
 * capacities and a seeded lottery for ties. Checked against the
 * definition (no blocking pair), against all stable matchings found by
 * exhaustive search (the result is the student-optimal one), against
 * the two examples of Gale and Shapley (1962), and for reproducibility
 * from the seed. */

/* Preferences after the lottery, as the solver must see them. */
typedef struct
{
  SmProblem *problem;
  guint32   *student_ticket;
  guint32   *offer_ticket;
} Prefs;

static void
prefs_init (Prefs     *prefs,
            SmProblem *problem,
            guint64    seed)
{
  prefs->problem = problem;
  prefs->student_ticket = g_new (guint32, sm_problem_get_n_students (problem) + 1);
  prefs->offer_ticket = g_new (guint32, sm_problem_get_n_offers (problem) + 1);
  sm_stable_draw_lottery (seed, sm_problem_get_n_students (problem), sm_problem_get_n_offers (problem),
                          prefs->student_ticket, prefs->offer_ticket);
}

static void
prefs_clear (Prefs *prefs)
{
  g_free (prefs->student_ticket);
  g_free (prefs->offer_ticket);
}

static const SmEdge *
edge_of (SmProblem *problem,
         guint      student,
         gint32     offer)
{
  guint n;
  const SmEdge *row = sm_problem_get_edges (problem, student, &n);

  for (guint i = 0; i < n; i++)
    if (row[i].offer == offer)
      return &row[i];
  return NULL;
}

/* Does the student strictly prefer edge @a to edge @b (NULL: unplaced)? */
static gboolean
student_prefers (const Prefs  *prefs,
                 const SmEdge *a,
                 const SmEdge *b)
{
  if (b == NULL)
    return TRUE;
  return a->score > b->score ||
         (a->score == b->score && prefs->offer_ticket[a->offer] < prefs->offer_ticket[b->offer]);
}

/* Does the offer strictly prefer student @a (edge @ea) to @b (edge @eb)? */
static gboolean
offer_prefers (const Prefs  *prefs,
               guint         a,
               const SmEdge *ea,
               guint         b,
               const SmEdge *eb)
{
  return ea->offer_score > eb->offer_score ||
         (ea->offer_score == eb->offer_score && prefs->student_ticket[a] < prefs->student_ticket[b]);
}

/* Returns a blocking pair as "student offer", or NULL. With @strict
 * FALSE, ties count as indifference (no lottery): a pair blocks only if
 * both strictly gain by score. */
static char *
find_blocking_pair (const Prefs  *prefs,
                    const gint32 *offers,
                    gboolean      strict)
{
  SmProblem *problem = prefs->problem;
  guint n_students = sm_problem_get_n_students (problem);

  for (guint s = 0; s < n_students; s++)
    {
      guint n;
      const SmEdge *row = sm_problem_get_edges (problem, s, &n);
      const SmEdge *current = offers[s] >= 0 ? edge_of (problem, s, offers[s]) : NULL;

      for (guint i = 0; i < n; i++)
        {
          const SmEdge *e = &row[i];
          guint capacity = sm_problem_get_capacity (problem, (guint) e->offer);
          guint taken = 0;
          gboolean wants_s = FALSE;

          if (e->offer == offers[s] || capacity == 0)
            continue;
          if (strict ? !student_prefers (prefs, e, current) : (current != NULL && e->score <= current->score))
            continue;

          for (guint t = 0; t < n_students; t++)
            if (offers[t] == e->offer)
              {
                const SmEdge *et = edge_of (problem, t, e->offer);

                taken++;
                if (strict ? offer_prefers (prefs, s, e, t, et) : e->offer_score > et->offer_score)
                  wants_s = TRUE;
              }
          if (taken < capacity || wants_s)
            return g_strdup_printf ("%u %d", s, e->offer);
        }
    }
  return NULL;
}

static SmSolution *
solve (SmProblem *problem,
       guint64    seed)
{
  g_autoptr(GError) error = NULL;
  SmSolution *solution = NULL;
  Prefs prefs;
  g_autofree char *strict_pair = NULL;
  g_autofree char *weak_pair = NULL;

  g_assert_true (sm_stable_solve (problem, seed, &solution, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sm_problem_check_solution (problem, solution, &error));
  g_assert_no_error (error);

  /* Every result is stable under its lottery, and so also without it. */
  prefs_init (&prefs, problem, seed);
  strict_pair = find_blocking_pair (&prefs, solution->offers, TRUE);
  weak_pair = find_blocking_pair (&prefs, solution->offers, FALSE);
  prefs_clear (&prefs);
  if (strict_pair != NULL || weak_pair != NULL)
    g_error ("blocking pair %s", strict_pair != NULL ? strict_pair : weak_pair);
  return solution;
}

/* All matchings by exhaustive search; keeps the stable ones. */
typedef struct
{
  Prefs   *prefs;
  guint   *left;
  gint32  *offers;
  GArray  *stable;  /* of gint32[n_students], flattened */
} Enumeration;

static void
enumerate (Enumeration *en,
           guint        student)
{
  SmProblem *problem = en->prefs->problem;
  guint n_students = sm_problem_get_n_students (problem);
  guint n;
  const SmEdge *row;

  if (student == n_students)
    {
      g_autofree char *pair = find_blocking_pair (en->prefs, en->offers, TRUE);

      if (pair == NULL)
        g_array_append_vals (en->stable, en->offers, n_students);
      return;
    }

  en->offers[student] = -1;
  enumerate (en, student + 1);
  row = sm_problem_get_edges (problem, student, &n);
  for (guint i = 0; i < n; i++)
    if (en->left[row[i].offer] > 0)
      {
        en->left[row[i].offer]--;
        en->offers[student] = row[i].offer;
        enumerate (en, student + 1);
        en->left[row[i].offer]++;
      }
  en->offers[student] = -1;
}

/* The stable matchings of @problem under the lottery of @seed, as an
 * array of n_students × count offers. */
static GArray *
all_stable (SmProblem *problem,
            guint64    seed)
{
  guint n_students = sm_problem_get_n_students (problem);
  g_autofree guint *left = g_new (guint, sm_problem_get_n_offers (problem) + 1);
  g_autofree gint32 *offers = g_new (gint32, n_students + 1);
  Prefs prefs;
  Enumeration en = { &prefs, left, offers, g_array_new (FALSE, FALSE, sizeof (gint32)) };

  prefs_init (&prefs, problem, seed);
  for (guint o = 0; o < sm_problem_get_n_offers (problem); o++)
    left[o] = sm_problem_get_capacity (problem, o);
  enumerate (&en, 0);
  prefs_clear (&prefs);
  return en.stable;
}

/* The result is one of the stable matchings, and every student does at
 * least as well in it as in any of them. */
static void
assert_student_optimal (SmProblem        *problem,
                        guint64           seed,
                        const SmSolution *solution)
{
  guint n_students = sm_problem_get_n_students (problem);
  g_autoptr(GArray) stable = all_stable (problem, seed);
  guint n_stable = n_students > 0 ? stable->len / n_students : 1;
  gboolean found = n_students == 0;
  Prefs prefs;

  g_assert_cmpuint (n_stable, >=, 1);
  prefs_init (&prefs, problem, seed);
  for (guint k = 0; k < n_stable && n_students > 0; k++)
    {
      const gint32 *other = &g_array_index (stable, gint32, k * n_students);

      found |= memcmp (other, solution->offers, n_students * sizeof (gint32)) == 0;
      for (guint s = 0; s < n_students; s++)
        {
          const SmEdge *mine = solution->offers[s] >= 0 ? edge_of (problem, s, solution->offers[s]) : NULL;
          const SmEdge *theirs = other[s] >= 0 ? edge_of (problem, s, other[s]) : NULL;

          if (theirs != NULL && (mine == NULL || student_prefers (&prefs, theirs, mine)))
            g_error ("student %u does better in another stable matching: offer %d instead of %d",
                     s, other[s], solution->offers[s]);
        }
    }
  prefs_clear (&prefs);
  g_assert_true (found);
}

static SmProblem *
random_problem (GRand *rand,
                guint  max_students,
                guint  max_offers,
                guint  max_capacity,
                guint  n_values)
{
  guint n_students = (guint) g_rand_int_range (rand, 0, (gint32) max_students + 1);
  guint n_offers = (guint) g_rand_int_range (rand, 0, (gint32) max_offers + 1);
  double density = g_rand_double_range (rand, 0.2, 0.95);
  SmProblem *problem = sm_problem_new (n_students, n_offers);
  g_autoptr(GError) error = NULL;

  for (guint o = 0; o < n_offers; o++)
    sm_problem_set_capacity (problem, o, (guint) g_rand_int_range (rand, 0, (gint32) max_capacity + 1));
  for (guint s = 0; s < n_students; s++)
    for (guint o = 0; o < n_offers; o++)
      if (g_rand_double (rand) < density)
        sm_problem_add_edge (problem, s, o,
                             (guint) g_rand_int_range (rand, 0, (gint32) n_values) * (1000 / (n_values - 1)),
                             (guint) g_rand_int_range (rand, 0, (gint32) n_values) * (1000 / (n_values - 1)));
  g_assert_true (sm_problem_finish (problem, &error));
  return problem;
}

static SmProblem *
complete_problem (GRand *rand,
                  guint  n)
{
  SmProblem *problem = sm_problem_new (n, n);
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < n; s++)
    for (guint o = 0; o < n; o++)
      sm_problem_add_edge (problem, s, o, (guint) g_rand_int_range (rand, 0, 1001),
                           (guint) g_rand_int_range (rand, 0, 1001));
  g_assert_true (sm_problem_finish (problem, &error));
  return problem;
}

static void
test_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1962);
  guint n_several = 0;

  for (guint i = 0; i < 1500; i++)
    {
      /* Few score values give ties everywhere, for the lottery to break;
       * complete lists with one place each give several stable
       * matchings more often. */
      g_autoptr(SmProblem) problem = i % 3 == 2 ? complete_problem (rand, 3 + i % 4)
                                                : random_problem (rand, 6, 4, 2, i % 3 ? 3 : 11);
      guint64 seed = g_rand_int (rand);
      g_autoptr(SmSolution) solution = solve (problem, seed);
      g_autoptr(GArray) stable = all_stable (problem, seed);

      assert_student_optimal (problem, seed, solution);
      if (sm_problem_get_n_students (problem) > 0 &&
          stable->len / sm_problem_get_n_students (problem) > 1)
        n_several++;
    }
  /* Enough instances where being student-optimal is a real choice. */
  g_assert_cmpuint (n_several, >, 100);
}

/* The examples of Gale and Shapley, "College Admissions and the
 * Stability of Marriage" (1962). Men α β γ δ are students, women A B C D
 * offers; each cell is (the man's rank of the woman, the woman's rank of
 * the man), 1 best. Ranks become scores 1000 − 100 · rank. */
static SmProblem *
marriage_problem (guint            n,
                  const guint      ranks[][4][2],
                  gboolean         women_propose)
{
  SmProblem *problem = sm_problem_new (n, n);
  g_autoptr(GError) error = NULL;

  for (guint man = 0; man < n; man++)
    for (guint woman = 0; woman < n; woman++)
      {
        guint man_score = 1000 - 100 * ranks[man][woman][0];
        guint woman_score = 1000 - 100 * ranks[man][woman][1];

        if (women_propose)
          sm_problem_add_edge (problem, woman, man, woman_score, man_score);
        else
          sm_problem_add_edge (problem, man, woman, man_score, woman_score);
      }
  g_assert_true (sm_problem_finish (problem, &error));
  return problem;
}

static void
assert_marriage (SmProblem    *problem,
                 const gint32 *expected,
                 guint         n_stable)
{
  g_autoptr(GArray) stable = all_stable (problem, 1);

  for (guint64 seed = 0; seed < 5; seed++)
    {
      g_autoptr(SmSolution) solution = solve (problem, seed);

      g_assert_cmpmem (solution->offers, sm_problem_get_n_students (problem) * sizeof (gint32),
                       expected, sm_problem_get_n_students (problem) * sizeof (gint32));
      assert_student_optimal (problem, seed, solution);
    }
  g_assert_cmpuint (stable->len / sm_problem_get_n_students (problem), ==, n_stable);
}

static void
test_gale_shapley_example_1 (void)
{
  const guint ranks[3][4][2] = {
    { { 1, 3 }, { 2, 2 }, { 3, 1 } },   /* α */
    { { 3, 1 }, { 1, 3 }, { 2, 2 } },   /* β */
    { { 2, 2 }, { 3, 1 }, { 1, 3 } },   /* γ */
  };
  /* Men proposing: every man gets his first choice, αA βB γC. */
  const gint32 men_optimal[] = { 0, 1, 2 };
  /* Women proposing: every woman gets hers, αC βA γB, that is A→β,
   * B→γ, C→α. */
  const gint32 women_optimal[] = { 1, 2, 0 };
  g_autoptr(SmProblem) men = marriage_problem (3, ranks, FALSE);
  g_autoptr(SmProblem) women = marriage_problem (3, ranks, TRUE);

  /* Three stable matchings in all: these two and αB βC γA, where
   * everybody has a second choice (found by the exhaustive search). */
  assert_marriage (men, men_optimal, 3);
  assert_marriage (women, women_optimal, 3);
}

static void
test_gale_shapley_example_2 (void)
{
  const guint ranks[4][4][2] = {
    { { 1, 3 }, { 2, 3 }, { 3, 2 }, { 4, 3 } },   /* α */
    { { 1, 4 }, { 4, 1 }, { 3, 3 }, { 2, 2 } },   /* β */
    { { 2, 2 }, { 1, 4 }, { 3, 4 }, { 4, 1 } },   /* γ */
    { { 4, 1 }, { 2, 2 }, { 3, 1 }, { 1, 4 } },   /* δ */
  };
  /* The only stable matching, as the paper states: αC βD γA δB; from
   * the women's side A→γ, B→δ, C→α, D→β. */
  const gint32 men_result[] = { 2, 3, 0, 1 };
  const gint32 women_result[] = { 2, 3, 0, 1 };
  g_autoptr(SmProblem) men = marriage_problem (4, ranks, FALSE);
  g_autoptr(SmProblem) women = marriage_problem (4, ranks, TRUE);

  assert_marriage (men, men_result, 1);
  assert_marriage (women, women_result, 1);
}

/* An independent deferred acceptance for larger instances: full
 * preference lists sorted up front, rounds in which every free student
 * proposes, offers keep their best. Slow and obvious. */
static gint32 *
naive_deferred_acceptance (SmProblem *problem,
                           guint64    seed)
{
  guint n_students = sm_problem_get_n_students (problem);
  guint n_offers = sm_problem_get_n_offers (problem);
  g_autofree guint *next = g_new0 (guint, n_students + 1);
  gint32 *offers = g_new (gint32, n_students + 1);
  GPtrArray *lists = g_ptr_array_new_with_free_func (g_free);
  gboolean changed = TRUE;
  Prefs prefs;

  prefs_init (&prefs, problem, seed);
  for (guint s = 0; s < n_students; s++)
    {
      guint n;
      const SmEdge *row = sm_problem_get_edges (problem, s, &n);
      SmEdge *list = g_new (SmEdge, n + 1);

      memcpy (list, row, sizeof (SmEdge) * n);

      for (guint i = 1; i < n; i++)
        for (guint j = i; j > 0 && student_prefers (&prefs, &list[j], &list[j - 1]); j--)
          {
            SmEdge tmp = list[j];
            list[j] = list[j - 1];
            list[j - 1] = tmp;
          }
      g_ptr_array_add (lists, list);
      offers[s] = -1;
    }

  while (changed)
    {
      changed = FALSE;
      for (guint s = 0; s < n_students; s++)
        {
          guint n;

          sm_problem_get_edges (problem, s, &n);
          if (offers[s] >= 0 || next[s] >= n)
            continue;
          offers[s] = ((SmEdge *) lists->pdata[s])[next[s]++].offer;
          changed = TRUE;
        }
      /* Each offer keeps its best applicants up to its capacity. */
      for (guint o = 0; o < n_offers; o++)
        for (;;)
          {
            guint count = 0;
            gint32 worst = -1;

            for (guint s = 0; s < n_students; s++)
              if (offers[s] == (gint32) o)
                {
                  count++;
                  if (worst < 0 || offer_prefers (&prefs, (guint) worst, edge_of (problem, (guint) worst, (gint32) o),
                                                  s, edge_of (problem, s, (gint32) o)))
                    worst = (gint32) s;
                }
            if (count <= sm_problem_get_capacity (problem, o))
              break;
            offers[worst] = -1;
          }
    }

  prefs_clear (&prefs);
  g_ptr_array_unref (lists);
  return offers;
}

static void
test_naive (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(SmProblem) problem = random_problem (rand, 150, 60, 4, i % 3 ? 4 : 1001);
      guint64 seed = g_rand_int (rand);
      g_autoptr(SmSolution) solution = solve (problem, seed);
      g_autofree gint32 *expected = naive_deferred_acceptance (problem, seed);

      g_assert_cmpmem (solution->offers, sm_problem_get_n_students (problem) * sizeof (gint32),
                       expected, sm_problem_get_n_students (problem) * sizeof (gint32));
    }
}

static void
test_lottery (void)
{
  guint32 students[50], offers[20], again[50], other[50], offers_again[20];
  gboolean seen[50] = { FALSE };

  sm_stable_draw_lottery (42, 50, 20, students, offers);
  sm_stable_draw_lottery (42, 50, 20, again, offers_again);
  sm_stable_draw_lottery (43, 50, 20, other, offers_again);
  g_assert_cmpmem (students, sizeof students, again, sizeof again);
  g_assert_true (memcmp (students, other, sizeof students) != 0);
  for (guint i = 0; i < 50; i++)
    {
      g_assert_cmpuint (students[i], <, 50);
      g_assert_false (seen[students[i]]);
      seen[students[i]] = TRUE;
    }

  /* Seeds differ in their high half too. */
  sm_stable_draw_lottery (G_GUINT64_CONSTANT (1) << 40 | 42, 50, 0, other, NULL);
  g_assert_true (memcmp (students, other, sizeof students) != 0);
}

/* Two students, one place, the same score: the lower ticket wins. */
static void
test_tie_goes_to_lower_ticket (void)
{
  g_autoptr(SmProblem) problem = sm_problem_new (2, 1);
  g_autoptr(GError) error = NULL;
  guint wins[2] = { 0, 0 };

  sm_problem_add_edge (problem, 0, 0, 300, 400);
  sm_problem_add_edge (problem, 1, 0, 300, 400);
  g_assert_true (sm_problem_finish (problem, &error));

  for (guint64 seed = 0; seed < 40; seed++)
    {
      g_autoptr(SmSolution) solution = solve (problem, seed);
      guint32 tickets[2], offer_ticket[1];
      guint winner = solution->offers[0] == 0 ? 0 : 1;

      sm_stable_draw_lottery (seed, 2, 1, tickets, offer_ticket);
      g_assert_cmpuint (solution->n_assigned, ==, 1);
      g_assert_cmpuint (tickets[winner], <, tickets[1 - winner]);
      wins[winner]++;
    }
  g_assert_cmpuint (wins[0], >, 0);
  g_assert_cmpuint (wins[1], >, 0);
}

/* The same seed gives the same result; without ties every seed does;
 * with ties some seeds differ. */
static void
test_seeds (void)
{
  g_autoptr(SmProblem) strict = sm_problem_new (40, 15);
  g_autoptr(SmProblem) tied = sm_problem_new (40, 15);
  g_autoptr(SmSolution) first_strict = NULL;
  g_autoptr(SmSolution) first_tied = NULL;
  g_autoptr(GError) error = NULL;
  gboolean tied_differs = FALSE;

  for (guint s = 0; s < 40; s++)
    for (guint o = 0; o < 15; o++)
      if ((s * 7 + o * 3) % 4 != 0)
        {
          /* Distinct per student and per offer. */
          sm_problem_add_edge (strict, s, o, (s * 13 + o * 29) % 15 * 60 + o, (o * 17 + s * 31) % 40 * 20 + s % 20);
          sm_problem_add_edge (tied, s, o, 500, 500);
        }
  for (guint o = 0; o < 15; o++)
    {
      sm_problem_set_capacity (strict, o, 1 + o % 3);
      sm_problem_set_capacity (tied, o, 1 + o % 3);
    }
  g_assert_true (sm_problem_finish (strict, &error));
  g_assert_true (sm_problem_finish (tied, &error));

  first_strict = solve (strict, 0);
  first_tied = solve (tied, 0);
  for (guint64 seed = 0; seed < 12; seed++)
    {
      g_autoptr(SmSolution) a = solve (strict, seed);
      g_autoptr(SmSolution) b = solve (tied, seed);
      g_autoptr(SmSolution) b_again = solve (tied, seed);

      g_assert_cmpmem (a->offers, 40 * sizeof (gint32), first_strict->offers, 40 * sizeof (gint32));
      g_assert_cmpmem (b->offers, 40 * sizeof (gint32), b_again->offers, 40 * sizeof (gint32));
      tied_differs |= memcmp (b->offers, first_tied->offers, 40 * sizeof (gint32)) != 0;
    }
  g_assert_true (tied_differs);
}

/* Offers without places take nobody; students without edges stay
 * unplaced; the empty problem is fine. */
static void
test_edges_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmProblem) problem = sm_problem_new_from_data ("p 3 2\no 0 0\ne 0 0 900\ne 0 1 10\ne 1 0 800\n", -1, &error);
  g_autoptr(SmProblem) empty = sm_problem_new_from_data ("p 0 0\n", -1, &error);
  g_autoptr(SmSolution) solution = solve (problem, 3);
  g_autoptr(SmSolution) none = solve (empty, 3);
  const gint32 expected[] = { 1, -1, -1 };

  g_assert_cmpmem (solution->offers, sizeof expected, expected, sizeof expected);
  g_assert_cmpuint (solution->n_assigned, ==, 1);
  g_assert_cmpint (solution->total_score, ==, 10);
  g_assert_cmpuint (none->n_assigned, ==, 0);
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SmProblem) problem = sm_problem_new (70000, 1);
  g_autoptr(GError) error = NULL;
  SmSolution *solution = NULL;

  /* Enough proposals to reach a check: everybody wants the one place. */
  for (guint s = 0; s < 70000; s++)
    sm_problem_add_edge (problem, s, 0, 10, s % 1000);
  g_assert_true (sm_problem_finish (problem, &error));

  g_cancellable_cancel (cancellable);
  g_assert_false (sm_stable_solve (problem, 1, &solution, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (solution);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stable/brute-force", test_brute_force);
  g_test_add_func ("/stable/gale-shapley/example-1", test_gale_shapley_example_1);
  g_test_add_func ("/stable/gale-shapley/example-2", test_gale_shapley_example_2);
  g_test_add_func ("/stable/naive", test_naive);
  g_test_add_func ("/stable/lottery", test_lottery);
  g_test_add_func ("/stable/tie-goes-to-lower-ticket", test_tie_goes_to_lower_ticket);
  g_test_add_func ("/stable/seeds", test_seeds);
  g_test_add_func ("/stable/edge-cases", test_edges_cases);
  g_test_add_func ("/stable/cancel", test_cancel);

  return g_test_run ();
}
