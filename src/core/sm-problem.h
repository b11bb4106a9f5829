/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The solvers work on this plain instance, not on the store, so that the
 * matcher, stagematch-cli solve and the benchmark share them. */

#define SM_TYPE_PROBLEM (sm_problem_get_type ())

#define SM_PROBLEM_ERROR (sm_problem_error_quark ())

typedef enum
{
  SM_PROBLEM_ERROR_SYNTAX,        /* a line that cannot be read */
  SM_PROBLEM_ERROR_MISSING_SIZE,  /* no p line, or not before the others */
  SM_PROBLEM_ERROR_DUPLICATE,     /* a second p line, capacity or edge */
  SM_PROBLEM_ERROR_OUT_OF_RANGE,  /* an id, capacity or score outside its range */
  SM_PROBLEM_ERROR_INVALID,       /* a solution that does not fit its problem */
} SmProblemError;

/* Highest score of an edge, and the most students or offers a problem
 * may have. */
#define SM_PROBLEM_MAX_SCORE 1000
#define SM_PROBLEM_MAX_SIZE  10000000

typedef struct _SmProblem SmProblem;

/* One feasible pair, in the row of its student. */
typedef struct
{
  gint32  offer;
  guint16 score;        /* how well the offer serves the student, 0..1000 */
  guint16 offer_score;  /* how much the offer wants the student, 0..1000 */
} SmEdge;

/* What a solver returns: an offer for every student, or -1. */
typedef struct
{
  guint   n_students;
  gint32 *offers;
  guint   n_assigned;
  gint64  total_score;
} SmSolution;

GQuark      sm_problem_error_quark     (void);
GType       sm_problem_get_type        (void) G_GNUC_CONST;

SmProblem  *sm_problem_new             (guint         n_students,
                                        guint         n_offers);
SmProblem  *sm_problem_new_from_file   (const char   *path,
                                        GError      **error);
SmProblem  *sm_problem_new_from_data   (const char   *data,
                                        gssize        length,
                                        GError      **error);
SmProblem  *sm_problem_ref             (SmProblem    *problem);
void        sm_problem_unref           (SmProblem    *problem);

void        sm_problem_set_capacity    (SmProblem    *problem,
                                        guint         offer,
                                        guint         capacity);
void        sm_problem_add_edge        (SmProblem    *problem,
                                        guint         student,
                                        guint         offer,
                                        guint         score,
                                        guint         offer_score);
gboolean    sm_problem_finish          (SmProblem    *problem,
                                        GError      **error);
gboolean    sm_problem_is_finished     (SmProblem    *problem);

guint       sm_problem_get_n_students  (SmProblem    *problem);
guint       sm_problem_get_n_offers    (SmProblem    *problem);
gsize       sm_problem_get_n_edges     (SmProblem    *problem);
guint       sm_problem_get_capacity    (SmProblem    *problem,
                                        guint         offer);
guint       sm_problem_get_n_candidates (SmProblem   *problem,
                                        guint         offer);
const SmEdge *sm_problem_get_edges     (SmProblem    *problem,
                                        guint         student,
                                        guint        *n_edges);
gboolean    sm_problem_check_solution  (SmProblem    *problem,
                                        const SmSolution *solution,
                                        GError      **error);

SmSolution *sm_solution_new            (guint         n_students);
void        sm_solution_free           (SmSolution   *solution);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmProblem, sm_problem_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmSolution, sm_solution_free)

G_END_DECLS
