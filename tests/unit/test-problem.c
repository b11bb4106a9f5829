/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-problem"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "sm-problem.h"

/* SmProblem: building, the text format of `stagematch-cli solve` with a
 * message for every kind of mistake, and checking solutions. */

static SmProblem *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  SmProblem *problem = sm_problem_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problem);
  return problem;
}

static void
assert_edges (SmProblem    *problem,
              guint         student,
              const SmEdge *expected,
              guint         n_expected)
{
  guint n_edges;
  const SmEdge *edges = sm_problem_get_edges (problem, student, &n_edges);

  g_assert_cmpuint (n_edges, ==, n_expected);
  for (guint i = 0; i < n_edges; i++)
    {
      g_assert_cmpint (edges[i].offer, ==, expected[i].offer);
      g_assert_cmpuint (edges[i].score, ==, expected[i].score);
      g_assert_cmpuint (edges[i].offer_score, ==, expected[i].offer_score);
    }
}

static void
test_parse_good (void)
{
  /* Comments, blank and white lines, tabs, CRLF, a last line without a
   * newline, and edges out of order. */
  const char *text =
    "c a small problem\n"
    "\n"
    "p 3 4\r\n"
    "   \t \n"
    "o 2 3\n"
    "o 3 0\n"
    "c offer 1 keeps its one place\n"
    "e 1 3 20 30\n"
    "e\t0  2\t1000\n"
    "e 1 0 0 1000\n"
    "e 0 0 7 8\r\n"
    "e 1 2 500";
  g_autoptr(SmProblem) problem = parse (text);
  const SmEdge row0[] = { { 0, 7, 8 }, { 2, 1000, 1000 } };
  const SmEdge row1[] = { { 0, 0, 1000 }, { 2, 500, 500 }, { 3, 20, 30 } };
  guint n_edges;

  g_assert_true (sm_problem_is_finished (problem));
  g_assert_cmpuint (sm_problem_get_n_students (problem), ==, 3);
  g_assert_cmpuint (sm_problem_get_n_offers (problem), ==, 4);
  g_assert_cmpuint (sm_problem_get_n_edges (problem), ==, 5);
  g_assert_cmpuint (sm_problem_get_capacity (problem, 0), ==, 1);
  g_assert_cmpuint (sm_problem_get_capacity (problem, 1), ==, 1);
  g_assert_cmpuint (sm_problem_get_capacity (problem, 2), ==, 3);
  g_assert_cmpuint (sm_problem_get_capacity (problem, 3), ==, 0);
  assert_edges (problem, 0, row0, G_N_ELEMENTS (row0));
  assert_edges (problem, 1, row1, G_N_ELEMENTS (row1));
  g_assert_nonnull (sm_problem_get_edges (problem, 2, &n_edges));
  g_assert_cmpuint (n_edges, ==, 0);
}

static void
test_parse_empty_problem (void)
{
  g_autoptr(SmProblem) none = parse ("p 0 0\n");
  g_autoptr(SmProblem) no_offers = parse ("p 5 0\n");

  g_assert_cmpuint (sm_problem_get_n_students (none), ==, 0);
  g_assert_cmpuint (sm_problem_get_n_edges (none), ==, 0);
  g_assert_cmpuint (sm_problem_get_n_students (no_offers), ==, 5);
  g_assert_cmpuint (sm_problem_get_n_offers (no_offers), ==, 0);
}

typedef struct
{
  const char *text;
  int         code;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "p 2 10\ne 0 1 5\n\nc\n\n\ne 1 12 5\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 7: offer 12 is out of range (the problem has 10 offers)" },
  { "p 2 1\ne 0 1 5\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: offer 1 is out of range (the problem has 1 offer)" },
  { "p 2 2\ne 2 0 5\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: student 2 is out of range (the problem has 2 students)" },
  { "p 2 2\ne -1 0 5\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: student -1 is out of range (the problem has 2 students)" },
  { "p 2 2\no -3 1\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: offer -3 is out of range (the problem has 2 offers)" },
  { "p 2 2\no 2 1\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: offer 2 is out of range (the problem has 2 offers)" },
  { "p 2 2\ne 0 0 1001\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: the score 1001 is out of range (from 0 to 1000)" },
  { "p 2 2\ne 0 0 -1\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: the score -1 is out of range (from 0 to 1000)" },
  { "p 2 2\ne 0 0 5 -5\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: the offer’s score -5 is out of range (from 0 to 1000)" },
  { "p 2 2\ne 0 0 5 99999999999999999999\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: the offer’s score “99999999999999999999” is far out of range" },
  { "p 2 2\ne 0 0 5 99999999999999999999x\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: the offer’s score “99999999999999999999x” is not a whole number" },
  { "p 2 2\ne 0 0 5 -12345678901234\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: the offer’s score -12345678901234 is out of range (from 0 to 1000)" },
  { "p 2 2\ne 0 4294967296 5\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: offer 4294967296 is out of range (the problem has 2 offers)" },
  { "p 2 2\no 1 -2\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: the capacity of offer 1 is negative (-2); an offer without places has capacity 0" },
  { "p 2 2\no 1 10000001\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: the capacity of offer 1 is more than 10000000" },
  { "p 10000001 2\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 1: the number of students must be from 0 to 10000000" },
  { "c\np 1 -1\n", SM_PROBLEM_ERROR_OUT_OF_RANGE,
    "line 2: the number of offers must be from 0 to 10000000" },
  { "p 2 2\nc\np 2 2\n", SM_PROBLEM_ERROR_DUPLICATE,
    "line 3: a second p line (the first is on line 1)" },
  { "c x\np 2 2\no 0 2\no 1 1\no 0 3\n", SM_PROBLEM_ERROR_DUPLICATE,
    "line 5: a second capacity for offer 0 (the first is on line 3)" },
  { "p 3 3\ne 0 0 1\ne 0 1 2\ne 1 1 3\nc\ne 0 1 9\ne 2 2 1\n", SM_PROBLEM_ERROR_DUPLICATE,
    "line 6: a second edge from student 0 to offer 1 (the first is on line 3)" },
  { "c first\ne 0 0 1\np 1 1\n", SM_PROBLEM_ERROR_MISSING_SIZE,
    "line 2: the p line with the numbers of students and offers must come first" },
  { "o 0 1\n", SM_PROBLEM_ERROR_MISSING_SIZE,
    "line 1: the p line with the numbers of students and offers must come first" },
  { "c nothing\n\nc else\n", SM_PROBLEM_ERROR_MISSING_SIZE,
    "line 3: the problem ends without a p line" },
  { "", SM_PROBLEM_ERROR_MISSING_SIZE,
    "The problem is empty; it needs at least a p line" },
  { "p 2 2\ne 0 0 5 6 7\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: “7” after the last field was not expected" },
  { "p 2 2 x\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 1: “x” after the last field was not expected" },
  { "p 2 2\no 0 1 1\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: “1” after the last field was not expected" },
  { "p 2 2\ne 0 x 5\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: the offer “x” is not a whole number" },
  { "p 2 2\ne 0 1 5.5\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: the score “5.5” is not a whole number" },
  { "p 2 2\ne 0 1 -\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: the score “-” is not a whole number" },
  { "p 2 2\ne 0 1 5 +5\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: the offer’s score “+5” is not a whole number" },
  { "p two 2\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 1: the number of students “two” is not a whole number" },
  { "p 2 2\ne 0 0\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: the score is missing" },
  { "p 2 2\ne\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: the student is missing" },
  { "p 2 2\no 1\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: the capacity is missing" },
  { "p 2\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 1: the number of offers is missing" },
  { "p 2 2\n\r\n\nx 1 2\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 4: “x” is not a kind of line; a line starts with c, p, o or e" },
  { "p 2 2\nedge 0 0 1\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 2: “edge” is not a kind of line; a line starts with c, p, o or e" },
  { "comment\n", SM_PROBLEM_ERROR_SYNTAX,
    "line 1: “comment” is not a kind of line; a line starts with c, p, o or e" },
};

static void
test_parse_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmProblem) problem = NULL;

      problem = sm_problem_new_from_data (bad_cases[i].text, -1, &error);
      if (problem != NULL)
        g_error ("“%s” was accepted", bad_cases[i].text);
      g_assert_error (error, SM_PROBLEM_ERROR, bad_cases[i].code);
      g_assert_cmpstr (error->message, ==, bad_cases[i].message);
    }
}

/* The last line may lack its newline, also when it is the one that is
 * wrong; a token that is not UTF-8 or very long is shown safely. */
static void
test_parse_bad_edges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmProblem) problem = NULL;
  g_autofree char *long_line = NULL;

  problem = sm_problem_new_from_data ("p 1 1\ne 0 0 5 6", -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&problem, sm_problem_unref);

  problem = sm_problem_new_from_data ("p 1 1\ne 0 0 5 6 x", -1, &error);
  g_assert_null (problem);
  g_assert_cmpstr (error->message, ==, "line 2: “x” after the last field was not expected");
  g_clear_error (&error);

  problem = sm_problem_new_from_data ("p 1 1\n\xff\xfe 0\n", -1, &error);
  g_assert_null (problem);
  g_assert_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_SYNTAX);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "line 2: "));
  g_clear_error (&error);

  /* A nul inside the data is not the end of it. */
  problem = sm_problem_new_from_data ("p 1 1\ne 0 0\0 5\n", 13, &error);
  g_assert_null (problem);
  g_assert_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "line 2: "));
  g_clear_error (&error);

  long_line = g_strnfill (500, 'z');
  {
    g_autofree char *text = g_strconcat ("p 1 1\n", long_line, "\n", NULL);

    problem = sm_problem_new_from_data (text, -1, &error);
    g_assert_null (problem);
    g_assert_true (g_str_has_prefix (error->message, "line 2: “zzzz"));
    g_assert_cmpuint (strlen (error->message), <, 200);
    g_clear_error (&error);
  }
}

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("test-problem-XXXXXX.txt", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Files are read in blocks: a large file, with lines across the block
 * boundaries, reads as the same problem as the same text in memory, and
 * errors name the same lines. */
static void
test_parse_file (void)
{
  g_autoptr(GString) text = g_string_new ("c big\np 5000 300\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(SmProblem) from_data = NULL;
  g_autoptr(SmProblem) from_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  guint n_lines;

  for (guint o = 0; o < 300; o += 7)
    g_string_append_printf (text, "o %u %u\n", o, o % 5);
  for (guint s = 0; s < 5000; s++)
    for (guint o = s % 11; o < 300; o += 1 + g_rand_int_range (rand, 0, 12))
      g_string_append_printf (text, "e %u %u %d   %d\n", s, o,
                              g_rand_int_range (rand, 0, 1001), g_rand_int_range (rand, 0, 1001));
  g_assert_cmpuint (text->len, >, 3 * 1024 * 1024);

  from_data = parse (text->str);
  path = write_temp (text->str, (gssize) text->len);
  from_file = sm_problem_new_from_file (path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sm_problem_get_n_edges (from_file), ==, sm_problem_get_n_edges (from_data));
  for (guint o = 0; o < 300; o++)
    g_assert_cmpuint (sm_problem_get_capacity (from_file, o), ==, sm_problem_get_capacity (from_data, o));
  for (guint s = 0; s < 5000; s++)
    {
      guint n;
      const SmEdge *row = sm_problem_get_edges (from_data, s, &n);
      assert_edges (from_file, s, row, n);
    }

  /* A duplicate far into the file: the second pass finds both lines. */
  n_lines = 0;
  for (const char *p = text->str; *p; p++)
    n_lines += *p == '\n';
  g_string_append (text, "c\ne 4999 0 1 1\ne 17 5 3\n");
  {
    guint n;
    const SmEdge *row = sm_problem_get_edges (from_data, 17, &n);
    g_autofree char *expected = NULL;
    guint first_line = 0, line = 1;
    g_autofree char *needle = g_strdup_printf ("e 17 %d ", row[0].offer);

    g_assert_cmpint (row[0].offer, ==, 6);
    for (const char *p = text->str; *p; p++)
      {
        if ((p == text->str || p[-1] == '\n') && g_str_has_prefix (p, needle))
          {
            first_line = line;
            break;
          }
        line += *p == '\n';
      }
    g_assert_cmpuint (first_line, >, 0);

    g_string_append_printf (text, "e 17 6 4\n");
    expected = g_strdup_printf ("line %u: a second edge from student 17 to offer 6 (the first is on line %u)",
                                n_lines + 4, first_line);
    bad_path = write_temp (text->str, (gssize) text->len);
    g_clear_pointer (&from_file, sm_problem_unref);
    from_file = sm_problem_new_from_file (bad_path, &error);
    g_assert_null (from_file);
    g_assert_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_DUPLICATE);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);

    g_clear_pointer (&from_data, sm_problem_unref);
    from_data = sm_problem_new_from_data (text->str, -1, &error);
    g_assert_null (from_data);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
  }

  g_unlink (path);
  g_unlink (bad_path);
}

static void
test_parse_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmProblem) problem = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-problem-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *path = NULL;
  g_autofree char *huge = NULL;

  problem = sm_problem_new_from_file (missing, &error);
  g_assert_null (problem);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* A directory opens but does not read. */
  problem = sm_problem_new_from_file (dir, &error);
  g_assert_null (problem);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  /* A line that does not end (a binary file, say) stops at 1 MiB. */
  huge = g_strnfill (3 * 1024 * 1024, 'c');
  huge[0] = 'p';
  huge[1] = ' ';
  path = write_temp (huge, -1);
  problem = sm_problem_new_from_file (path, &error);
  g_assert_null (problem);
  g_assert_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 1: the line is longer than 1048576 bytes");
  g_clear_error (&error);

  g_unlink (path);
  g_rmdir (dir);
}

/* The order in which edges are added does not matter. */
typedef struct
{
  guint student, offer, score, offer_score;
} Quad;

/* Short rows, and long rows whose offers need more than one byte. */
static void
check_build_order (guint n_students,
                   guint n_offers,
                   int   one_in)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11 + n_offers);
  g_autoptr(SmProblem) sorted = sm_problem_new (n_students, n_offers);
  g_autoptr(SmProblem) shuffled = sm_problem_new (n_students, n_offers);
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Quad));
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < n_students; s++)
    for (guint o = 0; o < n_offers; o++)
      if (g_rand_int_range (rand, 0, one_in) == 0)
        {
          Quad e = { s, o, (guint) g_rand_int_range (rand, 0, 1001), (guint) g_rand_int_range (rand, 0, 1001) };

          g_array_append_val (edges, e);
          sm_problem_add_edge (sorted, s, o, e.score, e.offer_score);
        }
  for (guint i = edges->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      Quad tmp = g_array_index (edges, Quad, i - 1);

      g_array_index (edges, Quad, i - 1) = g_array_index (edges, Quad, j);
      g_array_index (edges, Quad, j) = tmp;
    }
  for (guint i = 0; i < edges->len; i++)
    {
      const Quad *e = &g_array_index (edges, Quad, i);
      sm_problem_add_edge (shuffled, e->student, e->offer, e->score, e->offer_score);
    }
  g_assert_cmpuint (sm_problem_get_n_edges (shuffled), ==, edges->len);
  g_assert_false (sm_problem_is_finished (shuffled));

  g_assert_true (sm_problem_finish (sorted, &error));
  g_assert_true (sm_problem_finish (shuffled, &error));
  g_assert_no_error (error);

  for (guint s = 0; s < n_students; s++)
    {
      guint n;
      const SmEdge *row = sm_problem_get_edges (sorted, s, &n);

      for (guint i = 1; i < n; i++)
        g_assert_cmpint (row[i - 1].offer, <, row[i].offer);
      assert_edges (shuffled, s, row, n);
    }
}

static void
test_build_order (void)
{
  check_build_order (40, 30, 3);
  check_build_order (30, 3000, 15);
  check_build_order (5, 70000, 200);
}

static void
test_build_duplicate (void)
{
  g_autoptr(SmProblem) problem = sm_problem_new (3, 3);
  g_autoptr(GError) error = NULL;

  sm_problem_add_edge (problem, 2, 1, 5, 5);
  sm_problem_add_edge (problem, 0, 1, 5, 5);
  sm_problem_add_edge (problem, 2, 1, 7, 9);
  g_assert_false (sm_problem_finish (problem, &error));
  g_assert_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "Student 2 has two edges to offer 1");
  g_assert_false (sm_problem_is_finished (problem));
}

static void
test_boxed (void)
{
  g_autoptr(SmProblem) problem = parse ("p 1 1\ne 0 0 3\n");
  SmProblem *copy;

  g_assert_true (G_TYPE_IS_BOXED (SM_TYPE_PROBLEM));
  copy = g_boxed_copy (SM_TYPE_PROBLEM, problem);
  g_assert_true (copy == problem);
  g_boxed_free (SM_TYPE_PROBLEM, copy);
  g_assert_cmpuint (sm_problem_get_n_edges (problem), ==, 1);
}

static void
assert_invalid (SmProblem        *problem,
                const SmSolution *solution,
                const char       *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sm_problem_check_solution (problem, solution, &error));
  g_assert_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_check_solution (void)
{
  g_autoptr(SmProblem) problem = parse ("p 3 2\no 1 0\ne 0 0 10\ne 1 0 20\ne 2 0 30\ne 2 1 40\n");
  g_autoptr(SmSolution) solution = sm_solution_new (3);
  g_autoptr(SmSolution) other = sm_solution_new (2);
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < 3; s++)
    g_assert_cmpint (solution->offers[s], ==, -1);
  g_assert_true (sm_problem_check_solution (problem, solution, &error));
  g_assert_no_error (error);

  solution->offers[1] = 0;
  solution->n_assigned = 1;
  solution->total_score = 20;
  g_assert_true (sm_problem_check_solution (problem, solution, &error));

  solution->total_score = 21;
  assert_invalid (problem, solution,
                  "The solution claims 1 placed and a total score of 21; its placements give 1 and 20");
  solution->total_score = 20;

  solution->offers[2] = 0;
  assert_invalid (problem, solution, "Offer 0 has more students than its 1 places");
  solution->offers[2] = 1;
  assert_invalid (problem, solution, "Offer 1 has more students than its 0 places");
  solution->offers[2] = -1;
  solution->offers[0] = 1;
  assert_invalid (problem, solution, "Student 0 is placed at offer 1, which is not one of their edges");
  solution->offers[0] = 7;
  assert_invalid (problem, solution, "Student 0 is placed at offer 7, which is not one of their edges");
  assert_invalid (problem, other, "The solution has 2 students, the problem 3");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/problem/parse/good", test_parse_good);
  g_test_add_func ("/problem/parse/empty-problem", test_parse_empty_problem);
  g_test_add_func ("/problem/parse/bad", test_parse_bad);
  g_test_add_func ("/problem/parse/bad-edges", test_parse_bad_edges);
  g_test_add_func ("/problem/parse/file", test_parse_file);
  g_test_add_func ("/problem/parse/file-errors", test_parse_file_errors);
  g_test_add_func ("/problem/build/order", test_build_order);
  g_test_add_func ("/problem/build/duplicate", test_build_duplicate);
  g_test_add_func ("/problem/boxed", test_boxed);
  g_test_add_func ("/problem/check-solution", test_check_solution);

  return g_test_run ();
}
