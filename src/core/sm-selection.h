/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-candidate.h"
#include "sm-decision.h"
#include "sm-match-run.h"
#include "sm-offer.h"
#include "sm-store.h"
#include "sm-student.h"

G_BEGIN_DECLS

#define SM_SELECTION_ERROR (sm_selection_error_quark ())

typedef enum
{
  SM_SELECTION_ERROR_NOT_DECIDED,    /* a reveal before any decision */
  SM_SELECTION_ERROR_NOT_CANDIDATE,  /* no such candidate for the offer */
  SM_SELECTION_ERROR_CRITERION,      /* not a criterion of the rubric */
  SM_SELECTION_ERROR_REASON,         /* a missing or unknown reason code */
  SM_SELECTION_ERROR_CORRECTION,     /* corrects a decision of another candidate */
  SM_SELECTION_ERROR_REVIEWS_EXIST,  /* the rubric is in use */
} SmSelectionError;

GQuark        sm_selection_error_quark          (void);

gboolean      sm_selection_put_forward          (SmStore        *store,
                                                 SmOffer        *offer,
                                                 GPtrArray      *students,
                                                 const char     *actor,
                                                 GPtrArray     **candidates,
                                                 GError        **error);
SmCandidate  *sm_selection_find_candidate       (SmStore        *store,
                                                 SmOffer        *offer,
                                                 const char     *code);
SmCandidate  *sm_selection_find_student         (SmStore        *store,
                                                 SmOffer        *offer,
                                                 SmStudent      *student);
GPtrArray    *sm_selection_list_candidates      (SmStore        *store,
                                                 SmOffer        *offer);
GPtrArray    *sm_selection_list_criteria        (SmStore        *store,
                                                 SmOffer        *offer);
gboolean      sm_selection_set_criteria         (SmStore        *store,
                                                 SmOffer        *offer,
                                                 const char * const *names,
                                                 GError        **error);
GPtrArray    *sm_selection_reviewer_order       (SmStore        *store,
                                                 SmOffer        *offer,
                                                 const char     *reviewer);
gboolean      sm_selection_review               (SmStore        *store,
                                                 SmCandidate    *candidate,
                                                 const char     *reviewer,
                                                 const char     *criterion,
                                                 guint           score,
                                                 GError        **error);
double        sm_selection_candidate_score      (SmStore        *store,
                                                 SmCandidate    *candidate,
                                                 guint          *n_reviewers);
GPtrArray    *sm_selection_list_decisions       (SmStore        *store,
                                                 SmCandidate    *candidate);
SmDecision   *sm_selection_decide               (SmStore        *store,
                                                 SmCandidate    *candidate,
                                                 SmDecisionKind  kind,
                                                 const char     *reason,
                                                 const char     *note,
                                                 const char     *decided_by,
                                                 gint64          corrects_id,
                                                 GError        **error);
SmStudent    *sm_selection_reveal               (SmStore        *store,
                                                 SmCandidate    *candidate,
                                                 const char     *actor,
                                                 GError        **error);
gboolean      sm_selection_rank_by_reviews      (SmStore        *store,
                                                 SmOffer        *offer,
                                                 GError        **error);
guint         sm_selection_reveal_matches       (SmStore        *store,
                                                 SmMatchRun     *run,
                                                 const char     *actor,
                                                 GError        **error);

G_END_DECLS
