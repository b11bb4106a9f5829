/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-problem"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "sm-problem.h"

/* SmProblem: students, offers with a number of places, and the feasible
 * pairs between them with two scores. Edges are added in any order and
 * then finished into one row per student, sorted by offer, so that
 * everything that reads a problem sees the same order whatever the order
 * of the input. */

typedef struct
{
  guint32 student;
  SmEdge  edge;
} PendingEdge;

struct _SmProblem
{
  gatomicrefcount ref_count;

  guint        n_students;
  guint        n_offers;
  guint       *capacity;

  /* While building */
  PendingEdge *pending;
  gsize        n_pending;
  gsize        pending_size;

  /* Once finished: row s is edges[row_start[s] .. row_start[s + 1]) */
  gboolean     finished;
  gboolean     broken;
  gsize       *row_start;
  SmEdge      *edges;
  guint32     *n_candidates;  /* per offer, the students with an edge to it */
};

G_DEFINE_QUARK (sm-problem-error-quark, sm_problem_error)
G_DEFINE_BOXED_TYPE (SmProblem, sm_problem, sm_problem_ref, sm_problem_unref)

/**
 * sm_problem_new:
 * @n_students: students, numbered from 0
 * @n_offers: offers, numbered from 0
 *
 * A problem without edges in which every offer has one place. Add edges
 * with sm_problem_add_edge(), then call sm_problem_finish().
 *
 * Returns: (transfer full): a new problem
 */
SmProblem *
sm_problem_new (guint n_students,
                guint n_offers)
{
  SmProblem *problem;

  g_return_val_if_fail (n_students <= SM_PROBLEM_MAX_SIZE, NULL);
  g_return_val_if_fail (n_offers <= SM_PROBLEM_MAX_SIZE, NULL);

  problem = g_new0 (SmProblem, 1);
  g_atomic_ref_count_init (&problem->ref_count);
  problem->n_students = n_students;
  problem->n_offers = n_offers;
  problem->capacity = g_new (guint, MAX (n_offers, 1));
  for (guint o = 0; o < n_offers; o++)
    problem->capacity[o] = 1;
  return problem;
}

/**
 * sm_problem_ref:
 *
 * Returns: (transfer full): @problem, with one more reference
 */
SmProblem *
sm_problem_ref (SmProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  g_atomic_ref_count_inc (&problem->ref_count);
  return problem;
}

/**
 * sm_problem_unref:
 *
 * Drops a reference; the last one frees the problem.
 */
void
sm_problem_unref (SmProblem *problem)
{
  g_return_if_fail (problem != NULL);

  if (!g_atomic_ref_count_dec (&problem->ref_count))
    return;

  g_free (problem->capacity);
  g_free (problem->pending);
  g_free (problem->row_start);
  g_free (problem->edges);
  g_free (problem->n_candidates);
  g_free (problem);
}

/**
 * sm_problem_set_capacity:
 * @capacity: places of @offer; 0 means the offer takes nobody
 */
void
sm_problem_set_capacity (SmProblem *problem,
                         guint      offer,
                         guint      capacity)
{
  g_return_if_fail (problem != NULL);
  g_return_if_fail (offer < problem->n_offers);
  g_return_if_fail (capacity <= SM_PROBLEM_MAX_SIZE);

  problem->capacity[offer] = capacity;
}

static inline void append_edge (SmProblem *problem,
                                guint      student,
                                guint      offer,
                                guint      score,
                                guint      offer_score);

/**
 * sm_problem_add_edge:
 * @score: how well @offer serves @student, 0 to %SM_PROBLEM_MAX_SCORE
 * @offer_score: how much @offer wants @student, in the same range; the
 *   stable solver ranks an offer's candidates by it
 *
 * Adds a feasible pair. A second edge between the same two makes
 * sm_problem_finish() fail.
 */
void
sm_problem_add_edge (SmProblem *problem,
                     guint      student,
                     guint      offer,
                     guint      score,
                     guint      offer_score)
{
  g_return_if_fail (problem != NULL);
  g_return_if_fail (!problem->finished && !problem->broken);
  g_return_if_fail (student < problem->n_students);
  g_return_if_fail (offer < problem->n_offers);
  g_return_if_fail (score <= SM_PROBLEM_MAX_SCORE);
  g_return_if_fail (offer_score <= SM_PROBLEM_MAX_SCORE);

  append_edge (problem, student, offer, score, offer_score);
}

/* sm_problem_add_edge() without the checks, for the parser, which has
 * made them already. */
static inline void
append_edge (SmProblem *problem,
             guint      student,
             guint      offer,
             guint      score,
             guint      offer_score)
{
  PendingEdge *pending;

  if (problem->n_pending == problem->pending_size)
    {
      problem->pending_size = MAX (1024, problem->pending_size * 2);
      problem->pending = g_renew (PendingEdge, problem->pending, problem->pending_size);
    }

  pending = &problem->pending[problem->n_pending++];
  pending->student = student;
  pending->edge.offer = (gint32) offer;
  pending->edge.score = (guint16) score;
  pending->edge.offer_score = (guint16) offer_score;
}

/* Sorts a row by offer. Rows often arrive sorted, so that is checked
 * first; short rows take an insertion sort, long ones a radix sort on
 * the bytes of the offer id through @scratch, linear in the row. */
static void
sort_row (SmEdge *row,
          gsize   n,
          guint   n_offers,
          SmEdge *scratch)
{
  gsize i;

  for (i = 1; i < n && row[i - 1].offer <= row[i].offer; i++)
    ;
  if (i >= n)
    return;

  if (n <= 32)
    {
      for (i = 1; i < n; i++)
        {
          SmEdge edge = row[i];
          gsize j;

          for (j = i; j > 0 && row[j - 1].offer > edge.offer; j--)
            row[j] = row[j - 1];
          row[j] = edge;
        }
      return;
    }

  {
    SmEdge *from = row, *to = scratch;

    for (guint shift = 0; shift < 32 && (n_offers - 1) >> shift > 0; shift += 8)
      {
        gsize counts[257] = { 0 };
        SmEdge *tmp;

        for (i = 0; i < n; i++)
          counts[(((guint32) from[i].offer >> shift) & 0xff) + 1]++;
        for (guint k = 1; k < 257; k++)
          counts[k] += counts[k - 1];
        for (i = 0; i < n; i++)
          to[counts[((guint32) from[i].offer >> shift) & 0xff]++] = from[i];
        tmp = from;
        from = to;
        to = tmp;
      }
    if (from != row)
      memcpy (row, from, n * sizeof (SmEdge));
  }
}

/* Sorts the pending edges into rows by (student, offer): a counting sort
 * by student, then each row by offer, so the order of the input does not
 * matter. Counts the candidates of each offer on the way. On a
 * duplicate, sets @dup_student and @dup_offer and returns FALSE. */
static gboolean
finish_rows (SmProblem *problem,
             guint     *dup_student,
             guint     *dup_offer)
{
  g_autofree SmEdge *scratch = NULL;
  gsize n = problem->n_pending;
  gsize longest = 0;

  problem->n_candidates = g_new0 (guint32, MAX (problem->n_offers, 1));
  problem->row_start = g_new0 (gsize, problem->n_students + 1);
  for (gsize i = 0; i < n; i++)
    {
      problem->row_start[problem->pending[i].student + 1]++;
      problem->n_candidates[problem->pending[i].edge.offer]++;
    }
  for (guint s = 0; s < problem->n_students; s++)
    problem->row_start[s + 1] += problem->row_start[s];

  problem->edges = g_new (SmEdge, MAX (n, 1));
  {
    g_autofree gsize *next = g_memdup2 (problem->row_start, sizeof (gsize) * (problem->n_students + 1));

    for (gsize i = 0; i < n; i++)
      problem->edges[next[problem->pending[i].student]++] = problem->pending[i].edge;
  }
  g_clear_pointer (&problem->pending, g_free);
  problem->n_pending = problem->pending_size = 0;

  for (guint s = 0; s < problem->n_students; s++)
    longest = MAX (longest, problem->row_start[s + 1] - problem->row_start[s]);
  scratch = g_new (SmEdge, MAX (longest, 1));

  for (guint s = 0; s < problem->n_students; s++)
    {
      SmEdge *row = problem->edges + problem->row_start[s];
      gsize len = problem->row_start[s + 1] - problem->row_start[s];

      sort_row (row, len, problem->n_offers, scratch);
      for (gsize e = 1; e < len; e++)
        if (row[e].offer == row[e - 1].offer)
          {
            *dup_student = s;
            *dup_offer = (guint) row[e].offer;
            g_clear_pointer (&problem->edges, g_free);
            g_clear_pointer (&problem->row_start, g_free);
            g_clear_pointer (&problem->n_candidates, g_free);
            problem->broken = TRUE;
            return FALSE;
          }
    }

  problem->finished = TRUE;
  return TRUE;
}

/**
 * sm_problem_finish:
 *
 * Ends building: sorts the edges and checks that no pair has two. After
 * this the problem can be solved and no longer changed; after a failure
 * it can do neither.
 *
 * Returns: %TRUE, or %FALSE with @error set for a duplicate edge
 */
gboolean
sm_problem_finish (SmProblem  *problem,
                   GError    **error)
{
  guint student = 0, offer = 0;

  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (!problem->finished && !problem->broken, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!finish_rows (problem, &student, &offer))
    {
      g_set_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_DUPLICATE,
                   _("Student %u has two edges to offer %u"), student, offer);
      return FALSE;
    }
  return TRUE;
}

/**
 * sm_problem_is_finished:
 *
 * Returns: whether sm_problem_finish() succeeded, so that the problem
 *   can be solved
 */
gboolean
sm_problem_is_finished (SmProblem *problem)
{
  g_return_val_if_fail (problem != NULL, FALSE);

  return problem->finished;
}

/**
 * sm_problem_get_n_students:
 *
 * Returns: the number of students, numbered from 0
 */
guint
sm_problem_get_n_students (SmProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);

  return problem->n_students;
}

/**
 * sm_problem_get_n_offers:
 *
 * Returns: the number of offers, numbered from 0
 */
guint
sm_problem_get_n_offers (SmProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);

  return problem->n_offers;
}

/**
 * sm_problem_get_n_edges:
 *
 * Returns: the number of edges, added so far or after finishing
 */
gsize
sm_problem_get_n_edges (SmProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);

  return problem->finished ? problem->row_start[problem->n_students] : problem->n_pending;
}

/**
 * sm_problem_get_capacity:
 *
 * Returns: the places of @offer, 1 unless set
 */
guint
sm_problem_get_capacity (SmProblem *problem,
                         guint      offer)
{
  g_return_val_if_fail (problem != NULL, 0);
  g_return_val_if_fail (offer < problem->n_offers, 0);

  return problem->capacity[offer];
}

/**
 * sm_problem_get_n_candidates:
 *
 * Only for a finished problem.
 *
 * Returns: how many students have an edge to @offer
 */
guint
sm_problem_get_n_candidates (SmProblem *problem,
                             guint      offer)
{
  g_return_val_if_fail (problem != NULL, 0);
  g_return_val_if_fail (problem->finished, 0);
  g_return_val_if_fail (offer < problem->n_offers, 0);

  return problem->n_candidates[offer];
}

/**
 * sm_problem_get_edges:
 * @n_edges: (out): the length of the row
 *
 * The edges of @student, sorted by offer. Only for a finished problem.
 *
 * Returns: (transfer none) (array length=n_edges): the row
 */
const SmEdge *
sm_problem_get_edges (SmProblem *problem,
                      guint      student,
                      guint     *n_edges)
{
  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (problem->finished, NULL);
  g_return_val_if_fail (student < problem->n_students, NULL);
  g_return_val_if_fail (n_edges != NULL, NULL);

  *n_edges = (guint) (problem->row_start[student + 1] - problem->row_start[student]);
  return problem->edges + problem->row_start[student];
}

static const SmEdge *
find_edge (SmProblem *problem,
           guint      student,
           gint32     offer)
{
  gsize lo = problem->row_start[student];
  gsize hi = problem->row_start[student + 1];

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (problem->edges[mid].offer < offer)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < problem->row_start[student + 1] && problem->edges[lo].offer == offer)
    return &problem->edges[lo];
  return NULL;
}

/**
 * sm_problem_check_solution:
 *
 * Checks that @solution places students only on their edges, fills no
 * offer beyond its capacity, and that its count and total score are
 * those of its placements.
 *
 * Returns: %TRUE, or %FALSE with @error saying what is wrong
 */
gboolean
sm_problem_check_solution (SmProblem         *problem,
                           const SmSolution  *solution,
                           GError           **error)
{
  g_autofree guint *used = NULL;
  gint64 total = 0;
  guint assigned = 0;

  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (problem->finished, FALSE);
  g_return_val_if_fail (solution != NULL, FALSE);

  if (solution->n_students != problem->n_students)
    {
      g_set_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_INVALID,
                   _("The solution has %u students, the problem %u"),
                   solution->n_students, problem->n_students);
      return FALSE;
    }

  used = g_new0 (guint, MAX (problem->n_offers, 1));
  for (guint s = 0; s < problem->n_students; s++)
    {
      gint32 offer = solution->offers[s];
      const SmEdge *edge;

      if (offer == -1)
        continue;
      edge = offer >= 0 && (guint) offer < problem->n_offers ? find_edge (problem, s, offer) : NULL;
      if (edge == NULL)
        {
          g_set_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_INVALID,
                       _("Student %u is placed at offer %d, which is not one of their edges"),
                       s, offer);
          return FALSE;
        }
      if (++used[offer] > problem->capacity[offer])
        {
          g_set_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_INVALID,
                       _("Offer %d has more students than its %u places"),
                       offer, problem->capacity[offer]);
          return FALSE;
        }
      assigned++;
      total += edge->score;
    }

  if (assigned != solution->n_assigned || total != solution->total_score)
    {
      g_set_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_INVALID,
                   _("The solution claims %u placed and a total score of %lld; its placements give %u and %lld"),
                   solution->n_assigned, (long long) solution->total_score, assigned, (long long) total);
      return FALSE;
    }
  return TRUE;
}

/**
 * sm_solution_new:
 *
 * Returns: (transfer full): a solution in which nobody is placed
 */
SmSolution *
sm_solution_new (guint n_students)
{
  SmSolution *solution = g_new0 (SmSolution, 1);

  solution->n_students = n_students;
  solution->offers = g_new (gint32, MAX (n_students, 1));
  for (guint s = 0; s < n_students; s++)
    solution->offers[s] = -1;
  return solution;
}

/**
 * sm_solution_free:
 * @solution: (nullable): a solution
 */
void
sm_solution_free (SmSolution *solution)
{
  if (solution == NULL)
    return;
  g_free (solution->offers);
  g_free (solution);
}

/* The text format, one item per line:
 *
 *   c <anything>                                  a comment
 *   p <students> <offers>                         once, before o and e lines
 *   o <offer> <capacity>                          an offer not listed has 1 place
 *   e <student> <offer> <score> [<offer_score>]
 *
 * Blank lines are allowed. Every mistake names its line. */

#define MAX_LINE_LENGTH (1024 * 1024)
#define MAX_QUOTED 40

typedef struct
{
  SmProblem *problem;
  guint      line;
  guint      p_line;
  guint     *capacity_line;  /* per offer, the line that set it, or 0 */
  GError    *error;

  /* The second pass after a duplicate edge finds its two lines. */
  gboolean   finding;
  guint      find_student;
  guint      find_offer;
  guint      found_lines[2];
  guint      n_found;
} Parser;

typedef struct
{
  const char *start;
  gsize       length;
} Token;

static void
parser_clear (Parser *parser)
{
  g_clear_pointer (&parser->problem, sm_problem_unref);
  g_clear_pointer (&parser->capacity_line, g_free);
  g_clear_error (&parser->error);
}

static gboolean
parser_fail (Parser     *parser,
             gint        code,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
parser_fail (Parser     *parser,
             gint        code,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: the first %u is a line number, then what is wrong with it */
  parser->error = g_error_new (SM_PROBLEM_ERROR, code, _("line %u: %s"), parser->line, message);
  return FALSE;
}

/* A token as a message can show it: valid UTF-8, not too long. */
static char *
quote_token (const Token *token)
{
  g_autofree char *valid = g_utf8_make_valid (token->start, (gssize) MIN (token->length, MAX_QUOTED * 4));

  if (g_utf8_strlen (valid, -1) > MAX_QUOTED || token->length > MAX_QUOTED * 4)
    {
      g_autofree char *cut = g_utf8_substring (valid, 0, MAX_QUOTED);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

static gboolean
next_token (const char **p,
            const char  *end,
            Token       *token)
{
  const char *q = *p;

  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  if (q == end)
    {
      *p = q;
      return FALSE;
    }
  token->start = q;
  while (q < end && *q != ' ' && *q != '\t')
    q++;
  token->length = (gsize) (q - token->start);
  *p = q;
  return TRUE;
}

typedef enum
{
  NUMBER_OK,
  NUMBER_INVALID,
  NUMBER_TOO_LARGE,
} NumberResult;

/* A whole number with an optional minus sign. */
static NumberResult
parse_number (const Token *token,
              gint64      *value)
{
  const char *q = token->start;
  const char *end = token->start + token->length;
  gboolean negative = FALSE;
  gint64 v = 0;

  if (q < end && *q == '-')
    {
      negative = TRUE;
      q++;
    }
  if (q == end)
    return NUMBER_INVALID;
  for (; q < end; q++)
    {
      if (*q < '0' || *q > '9')
        return NUMBER_INVALID;
      if (v > (G_MAXINT64 - 9) / 10)
        {
          /* Still say “not a number” for "99999999999999999999x". */
          for (; q < end; q++)
            if (*q < '0' || *q > '9')
              return NUMBER_INVALID;
          return NUMBER_TOO_LARGE;
        }
      v = v * 10 + (*q - '0');
    }
  *value = negative ? -v : v;
  return NUMBER_OK;
}

/* Reads the next field of a line, which must be there and a number;
 * @what names it in messages, untranslated: gettext costs more than
 * reading the line, so it waits for an error. */
static gboolean
field (Parser      *parser,
       const char **p,
       const char  *end,
       const char  *what,
       gint64      *value)
{
  Token token;

  if (!next_token (p, end, &token))
    /* TRANSLATORS: %s is what is missing, such as “the score” */
    return parser_fail (parser, SM_PROBLEM_ERROR_SYNTAX, _("%s is missing"), _(what));
  switch (parse_number (&token, value))
    {
    case NUMBER_OK:
      return TRUE;
    case NUMBER_TOO_LARGE:
      {
        g_autofree char *quoted = quote_token (&token);
        /* TRANSLATORS: the first %s names the field, such as “the score” */
        return parser_fail (parser, SM_PROBLEM_ERROR_OUT_OF_RANGE,
                            _("%s “%s” is far out of range"), _(what), quoted);
      }
    case NUMBER_INVALID:
    default:
      {
        g_autofree char *quoted = quote_token (&token);
        /* TRANSLATORS: the first %s names the field, such as “the score” */
        return parser_fail (parser, SM_PROBLEM_ERROR_SYNTAX,
                            _("%s “%s” is not a whole number"), _(what), quoted);
      }
    }
}

static gboolean
line_ends (Parser      *parser,
           const char **p,
           const char  *end)
{
  Token token;

  if (next_token (p, end, &token))
    {
      g_autofree char *quoted = quote_token (&token);
      return parser_fail (parser, SM_PROBLEM_ERROR_SYNTAX,
                          _("“%s” after the last field was not expected"), quoted);
    }
  return TRUE;
}

static gboolean
check_id (Parser     *parser,
          gint64      id,
          gboolean    is_offer)
{
  guint n;

  n = is_offer ? parser->problem->n_offers : parser->problem->n_students;
  if (id >= 0 && id < n)
    return TRUE;

  if (is_offer)
    return parser_fail (parser, SM_PROBLEM_ERROR_OUT_OF_RANGE,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "offer %lld is out of range (the problem has %u offer)",
                                     "offer %lld is out of range (the problem has %u offers)",
                                     n),
                        (long long) id, n);
  return parser_fail (parser, SM_PROBLEM_ERROR_OUT_OF_RANGE,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "student %lld is out of range (the problem has %u student)",
                                   "student %lld is out of range (the problem has %u students)",
                                   n),
                      (long long) id, n);
}

static gboolean
check_score (Parser     *parser,
             gint64      score,
             const char *what)
{
  if (score >= 0 && score <= SM_PROBLEM_MAX_SCORE)
    return TRUE;
  /* TRANSLATORS: %s names the field, such as “the score” */
  return parser_fail (parser, SM_PROBLEM_ERROR_OUT_OF_RANGE,
                      _("%s %lld is out of range (from 0 to %d)"),
                      _(what), (long long) score, SM_PROBLEM_MAX_SCORE);
}

static gboolean
need_size (Parser *parser)
{
  if (parser->problem != NULL)
    return TRUE;
  return parser_fail (parser, SM_PROBLEM_ERROR_MISSING_SIZE,
                      _("the p line with the numbers of students and offers must come first"));
}

static gboolean
parse_p_line (Parser     *parser,
              const char *p,
              const char *end)
{
  gint64 n_students, n_offers;

  if (parser->problem != NULL)
    return parser_fail (parser, SM_PROBLEM_ERROR_DUPLICATE,
                        _("a second p line (the first is on line %u)"), parser->p_line);
  if (!field (parser, &p, end, N_("the number of students"), &n_students) ||
      !field (parser, &p, end, N_("the number of offers"), &n_offers) ||
      !line_ends (parser, &p, end))
    return FALSE;
  if (n_students < 0 || n_students > SM_PROBLEM_MAX_SIZE)
    return parser_fail (parser, SM_PROBLEM_ERROR_OUT_OF_RANGE,
                        _("the number of students must be from 0 to %d"), SM_PROBLEM_MAX_SIZE);
  if (n_offers < 0 || n_offers > SM_PROBLEM_MAX_SIZE)
    return parser_fail (parser, SM_PROBLEM_ERROR_OUT_OF_RANGE,
                        _("the number of offers must be from 0 to %d"), SM_PROBLEM_MAX_SIZE);

  parser->p_line = parser->line;
  parser->problem = sm_problem_new ((guint) n_students, (guint) n_offers);
  parser->capacity_line = g_new0 (guint, MAX (n_offers, 1));
  return TRUE;
}

static gboolean
parse_o_line (Parser     *parser,
              const char *p,
              const char *end)
{
  gint64 offer, capacity;

  if (!need_size (parser) ||
      !field (parser, &p, end, N_("the offer"), &offer) ||
      !field (parser, &p, end, N_("the capacity"), &capacity) ||
      !line_ends (parser, &p, end) ||
      !check_id (parser, offer, TRUE))
    return FALSE;
  if (capacity < 0)
    return parser_fail (parser, SM_PROBLEM_ERROR_OUT_OF_RANGE,
                        _("the capacity of offer %lld is negative (%lld); "
                          "an offer without places has capacity 0"),
                        (long long) offer, (long long) capacity);
  if (capacity > SM_PROBLEM_MAX_SIZE)
    return parser_fail (parser, SM_PROBLEM_ERROR_OUT_OF_RANGE,
                        _("the capacity of offer %lld is more than %d"),
                        (long long) offer, SM_PROBLEM_MAX_SIZE);
  if (parser->capacity_line[offer] != 0)
    return parser_fail (parser, SM_PROBLEM_ERROR_DUPLICATE,
                        _("a second capacity for offer %lld (the first is on line %u)"),
                        (long long) offer, parser->capacity_line[offer]);

  parser->capacity_line[offer] = parser->line;
  sm_problem_set_capacity (parser->problem, (guint) offer, (guint) capacity);
  return TRUE;
}

/* Reads up to @n plain numbers separated by blanks, to the end of the
 * line; returns how many, or -1 for anything else (a sign, a letter, a
 * number too long), which the careful path then explains. */
static inline int
quick_numbers (const char *p,
               const char *end,
               gint64     *values,
               int         n)
{
  int count = 0;

  for (;;)
    {
      gint64 v = 0;
      int digits = 0;

      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p == end)
        return count;
      if (count == n)
        return -1;
      for (; p < end && *p >= '0' && *p <= '9' && digits < 12; p++, digits++)
        v = v * 10 + (*p - '0');
      if (digits == 0 || (p < end && *p != ' ' && *p != '\t'))
        return -1;
      values[count++] = v;
    }
}

static gboolean
parse_e_line (Parser     *parser,
              const char *p,
              const char *end)
{
  gint64 student, offer, score, offer_score;
  gint64 values[4];
  int n;
  Token token;

  /* Nearly every line of a large file is a plain edge. */
  n = parser->problem != NULL ? quick_numbers (p, end, values, 4) : -1;
  if (n >= 3 &&
      values[0] < parser->problem->n_students &&
      values[1] < parser->problem->n_offers &&
      values[2] <= SM_PROBLEM_MAX_SCORE &&
      (n == 3 || values[3] <= SM_PROBLEM_MAX_SCORE))
    {
      append_edge (parser->problem, (guint) values[0], (guint) values[1],
                   (guint) values[2], (guint) values[n == 4 ? 3 : 2]);
      return TRUE;
    }

  if (!need_size (parser) ||
      !field (parser, &p, end, N_("the student"), &student) ||
      !field (parser, &p, end, N_("the offer"), &offer) ||
      !field (parser, &p, end, N_("the score"), &score))
    return FALSE;

  offer_score = score;
  {
    const char *q = p;
    if (next_token (&q, end, &token) &&
        !field (parser, &p, end, N_("the offer’s score"), &offer_score))
      return FALSE;
  }
  if (!line_ends (parser, &p, end) ||
      !check_id (parser, student, FALSE) ||
      !check_id (parser, offer, TRUE) ||
      !check_score (parser, score, N_("the score")) ||
      !check_score (parser, offer_score, N_("the offer’s score")))
    return FALSE;

  append_edge (parser->problem, (guint) student, (guint) offer,
               (guint) score, (guint) offer_score);
  return TRUE;
}

/* In the second pass, only the e lines of the duplicate pair matter. */
static void
find_e_line (Parser     *parser,
             const char *p,
             const char *end)
{
  Token token;
  gint64 student, offer;

  if (next_token (&p, end, &token) && parse_number (&token, &student) == NUMBER_OK &&
      next_token (&p, end, &token) && parse_number (&token, &offer) == NUMBER_OK &&
      student == parser->find_student && offer == parser->find_offer &&
      parser->n_found < G_N_ELEMENTS (parser->found_lines))
    parser->found_lines[parser->n_found++] = parser->line;
}

static gboolean
parse_line (Parser     *parser,
            const char *p,
            const char *end)
{
  Token token;

  parser->line++;
  if (end > p && end[-1] == '\r')
    end--;
  if (!next_token (&p, end, &token))
    return TRUE;

  if (token.length == 1)
    {
      if (parser->finding)
        {
          if (*token.start == 'e')
            find_e_line (parser, p, end);
          return TRUE;
        }
      switch (*token.start)
        {
        case 'c':
          return TRUE;
        case 'p':
          return parse_p_line (parser, p, end);
        case 'o':
          return parse_o_line (parser, p, end);
        case 'e':
          return parse_e_line (parser, p, end);
        default:
          break;
        }
    }

  {
    g_autofree char *quoted = quote_token (&token);
    return parser_fail (parser, SM_PROBLEM_ERROR_SYNTAX,
                        _("“%s” is not a kind of line; a line starts with c, p, o or e"), quoted);
  }
}

static gboolean
parse_buffer (Parser     *parser,
              const char *data,
              gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = newline != NULL ? newline : end;

      if (!parse_line (parser, p, line_end))
        return FALSE;
      p = newline != NULL ? newline + 1 : end;
    }
  return TRUE;
}

static gboolean
read_error (GError     **error,
            int          saved_errno,
            const char  *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Reads the file in blocks, so that memory does not grow with its size. */
static gboolean
parse_file (Parser      *parser,
            const char  *path,
            GError     **error)
{
  g_autofree char *buffer = NULL;
  gsize size = 1024 * 1024;
  gsize length = 0;
  FILE *file;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  buffer = g_malloc (size);
  for (;;)
    {
      gsize n = fread (buffer + length, 1, size - length, file);
      const char *p = buffer, *end;

      if (n == 0)
        {
          if (ferror (file))
            {
              int saved_errno = errno;
              fclose (file);
              return read_error (error, saved_errno, path);
            }
          break;
        }
      length += n;
      end = buffer + length;

      for (const char *newline; (newline = memchr (p, '\n', (gsize) (end - p))) != NULL; p = newline + 1)
        if (!parse_line (parser, p, newline))
          {
            fclose (file);
            return FALSE;
          }

      length = (gsize) (end - p);
      memmove (buffer, p, length);
      if (length == size)
        {
          if (size >= MAX_LINE_LENGTH)
            {
              fclose (file);
              parser->line++;
              return parser_fail (parser, SM_PROBLEM_ERROR_SYNTAX,
                                  _("the line is longer than %d bytes"), MAX_LINE_LENGTH);
            }
          size *= 2;
          buffer = g_realloc (buffer, size);
        }
    }
  fclose (file);

  /* The last line may lack its newline. */
  if (length > 0 && !parse_line (parser, buffer, buffer + length))
    return FALSE;
  return TRUE;
}

/* Ends a successful first pass. On a duplicate edge, runs @second_pass
 * to find the lines of both edges, then fails. */
static SmProblem *
parser_end (Parser    *parser,
            gboolean (*second_pass) (Parser *parser, gpointer user_data),
            gpointer   user_data,
            GError   **error)
{
  guint student = 0, offer = 0;

  if (parser->problem == NULL)
    {
      if (parser->line == 0)
        g_set_error_literal (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_MISSING_SIZE,
                             _("The problem is empty; it needs at least a p line"));
      else
        g_set_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_MISSING_SIZE,
                     _("line %u: the problem ends without a p line"), parser->line);
      return NULL;
    }

  if (!finish_rows (parser->problem, &student, &offer))
    {
      guint n_lines = parser->line;

      parser->finding = TRUE;
      parser->find_student = student;
      parser->find_offer = offer;
      parser->line = 0;
      if (!second_pass (parser, user_data) || parser->n_found < 2)
        {
          /* The input changed under us; still say which pair. */
          parser->line = n_lines;
          g_set_error (error, SM_PROBLEM_ERROR, SM_PROBLEM_ERROR_DUPLICATE,
                       _("Student %u has two edges to offer %u"), student, offer);
          return NULL;
        }
      parser->line = parser->found_lines[1];
      parser_fail (parser, SM_PROBLEM_ERROR_DUPLICATE,
                   _("a second edge from student %u to offer %u (the first is on line %u)"),
                   student, offer, parser->found_lines[0]);
      g_propagate_error (error, g_steal_pointer (&parser->error));
      return NULL;
    }

  return sm_problem_ref (parser->problem);
}

typedef struct
{
  const char *data;
  gsize       length;
} DataSource;

static gboolean
second_pass_data (Parser   *parser,
                  gpointer  user_data)
{
  DataSource *source = user_data;

  return parse_buffer (parser, source->data, source->length);
}

static gboolean
second_pass_file (Parser   *parser,
                  gpointer  user_data)
{
  return parse_file (parser, user_data, NULL);
}

/**
 * sm_problem_new_from_data:
 * @data: the problem in the text format of `stagematch-cli solve`
 * @length: the length of @data, or -1 when it ends with a nul
 *
 * Reads a problem:
 *
 * |[
 * c a comment
 * p <students> <offers>
 * o <offer> <capacity>
 * e <student> <offer> <score> [<offer_score>]
 * ]|
 *
 * Ids start at 0, an offer without an o line has one place, and scores
 * are from 0 to 1000.
 *
 * Returns: (transfer full): the finished problem, or %NULL with @error
 *   set to a message that names the line
 */
SmProblem *
sm_problem_new_from_data (const char  *data,
                          gssize       length,
                          GError     **error)
{
  Parser parser = { NULL };
  DataSource source;
  SmProblem *problem = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source.data = data;
  source.length = length < 0 ? strlen (data) : (gsize) length;

  if (parse_buffer (&parser, source.data, source.length))
    problem = parser_end (&parser, second_pass_data, &source, error);
  else
    g_propagate_error (error, g_steal_pointer (&parser.error));

  parser_clear (&parser);
  return problem;
}

/**
 * sm_problem_new_from_file:
 * @path: a file in the format of sm_problem_new_from_data()
 *
 * Returns: (transfer full): the finished problem, or %NULL with @error
 *   set: %G_FILE_ERROR when the file cannot be read, %SM_PROBLEM_ERROR
 *   with the line number when it is not right
 */
SmProblem *
sm_problem_new_from_file (const char  *path,
                          GError     **error)
{
  Parser parser = { NULL };
  SmProblem *problem = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (parse_file (&parser, path, error))
    problem = parser_end (&parser, second_pass_file, (gpointer) path, error);
  else if (parser.error != NULL)
    g_propagate_error (error, g_steal_pointer (&parser.error));

  parser_clear (&parser);
  return problem;
}
