/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-match-run.h"
#include "sm-match-weights.h"
#include "sm-offer.h"
#include "sm-store.h"
#include "sm-student.h"

G_BEGIN_DECLS

/**
 * SmMatchExplanation:
 * @feasible: whether the pair fits
 * @score: the score, 0 to 1000, when it fits
 * @points: what each component added
 * @parts: (element-type utf8): one phrase per component, such as
 *   "Programme: crebo 25604 listed (+300)"
 * @reasons: (element-type utf8): why the pair does not fit, one sentence
 *   per reason
 * @distance_m: the distance in metres, or -1 when unknown
 */
typedef struct
{
  gboolean   feasible;
  guint      score;
  guint      points[SM_MATCH_N_COMPONENTS];
  GPtrArray *parts;
  GPtrArray *reasons;
  int        distance_m;
} SmMatchExplanation;

void  sm_match_explanation_clear  (SmMatchExplanation *self);
char *sm_match_explanation_format (const SmMatchExplanation *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SmMatchExplanation, sm_match_explanation_clear)

/**
 * SmMatchPlacement:
 * @student: the student
 * @offer: the offer, or %NULL when the student is not placed
 * @score: the score of the pair
 */
typedef struct
{
  SmStudent *student;
  SmOffer   *offer;
  guint      score;
} SmMatchPlacement;

#define SM_TYPE_MATCHER (sm_matcher_get_type ())
G_DECLARE_FINAL_TYPE (SmMatcher, sm_matcher, SM, MATCHER, GObject)

SmMatcher  *sm_matcher_new                 (SmStore             *store,
                                            GError             **error);
SmMatcher  *sm_matcher_new_with_weights    (SmStore             *store,
                                            const SmMatchWeights *weights,
                                            GError             **error);
guint       sm_matcher_get_n_students      (SmMatcher           *self);
guint       sm_matcher_get_n_offers        (SmMatcher           *self);
guint64     sm_matcher_get_n_candidates    (SmMatcher           *self);
guint       sm_matcher_get_n_fixed         (SmMatcher           *self);
double      sm_matcher_get_candidate_seconds (SmMatcher         *self);
void        sm_matcher_explain             (SmMatcher           *self,
                                            SmStudent           *student,
                                            SmOffer             *offer,
                                            SmMatchExplanation  *explanation);
GArray     *sm_matcher_list_candidates     (SmMatcher           *self,
                                            SmStudent           *student);
guint       sm_matcher_count_candidates    (SmMatcher           *self,
                                            SmStudent           *student);
gboolean    sm_matcher_run                 (SmMatcher           *self,
                                            SmMatchMode          mode,
                                            guint64              seed,
                                            GArray             **placements,
                                            GError             **error);
gboolean    sm_matcher_apply               (SmMatcher           *self,
                                            SmMatchMode          mode,
                                            guint64              seed,
                                            GArray              *placements,
                                            SmMatchRun         **run,
                                            GError             **error);

G_END_DECLS
