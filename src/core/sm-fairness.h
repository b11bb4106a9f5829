/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sm-store.h"

G_BEGIN_DECLS

/* A student with this many rejections or more is flagged. */
#define SM_FAIRNESS_MANY_REJECTIONS 3

/* The four-fifths rule: a selection rate below 4/5 of the rate it is
 * compared with is flagged. */
#define SM_FAIRNESS_RULE_NUMERATOR   4
#define SM_FAIRNESS_RULE_DENOMINATOR 5

/**
 * SmFairnessRate:
 * @selected: how many were selected (invited or accepted)
 * @total: out of how many
 *
 * A selection rate, @selected / @total; it has no value when @total is 0.
 */
typedef struct
{
  guint selected;
  guint total;
} SmFairnessRate;

/**
 * SmFairnessStudent:
 * @student_id: the student, by id only
 * @n_decisions: decisions about the student that stand (not corrected)
 * @n_rejections: of which rejections
 * @many_rejections: @n_rejections is %SM_FAIRNESS_MANY_REJECTIONS or more
 * @placed: the student was accepted or has had a confirmed placement
 * @days_to_placement: calendar days (UTC) from the first time the student
 *   was put forward, decided on or proposed a placement to the first
 *   acceptance or confirmed placement; -1 when not placed or not known
 */
typedef struct
{
  gint64    student_id;
  guint     n_decisions;
  guint     n_rejections;
  gboolean  many_rejections;
  gboolean  placed;
  int       days_to_placement;
} SmFairnessStudent;

/**
 * SmFairnessReason:
 * @code: a reason code, as given with rejections
 * @count: how many rejections gave it
 */
typedef struct
{
  char  *code;
  guint  count;
} SmFairnessReason;

/**
 * SmFairnessCompany:
 * @company_id: the company
 * @name: its name
 * @n_candidacies: candidates (offer and student) the company decided on
 * @n_rejected: of which it rejected at least once
 * @reasons: (element-type SmFairnessReason): the reasons of its
 *   rejections, the most given first
 * @blind: of the candidates it decided on while anonymous, those whose
 *   last decision before the reveal was invite or accept
 * @after_reveal: of the candidates it selected while anonymous and that
 *   it decided on again after the reveal, those whose last decision after
 *   the reveal was invite or accept (the others were dropped: rejected or
 *   put on reserve)
 * @n_declined_after_reveal: candidates selected while anonymous who
 *   declined after the reveal; the student's choice, so not in the rates
 * @ratio_own: the rate of @after_reveal divided by that of @blind, or NAN
 * @ratio_all: the rate of @after_reveal divided by the rate after the
 *   reveal of all companies together, or NAN
 * @flag_own: @ratio_own is below four fifths
 * @flag_all: @ratio_all is below four fifths
 */
typedef struct
{
  gint64          company_id;
  char           *name;
  guint           n_candidacies;
  guint           n_rejected;
  GPtrArray      *reasons;
  SmFairnessRate  blind;
  SmFairnessRate  after_reveal;
  guint           n_declined_after_reveal;
  double          ratio_own;
  double          ratio_all;
  gboolean        flag_own;
  gboolean        flag_all;
} SmFairnessCompany;

/**
 * SmFairnessReviewer:
 * @reviewer: the reviewer's name
 * @n_scores: how many scores they gave
 * @mean: the mean of their scores
 * @stddev: the (population) standard deviation of their scores
 */
typedef struct
{
  char   *reviewer;
  guint   n_scores;
  double  mean;
  double  stddev;
} SmFairnessReviewer;

typedef struct _SmFairnessReport SmFairnessReport;

double                    sm_fairness_rate_get_value            (const SmFairnessRate *rate);
double                    sm_fairness_company_get_rejection_rate (const SmFairnessCompany *company);

SmFairnessReport         *sm_fairness_report_new                (SmStore           *store,
                                                                 GError           **error);
void                      sm_fairness_report_free               (SmFairnessReport  *self);

guint                     sm_fairness_report_get_n_students     (SmFairnessReport  *self);
const SmFairnessStudent  *sm_fairness_report_get_student        (SmFairnessReport  *self,
                                                                 guint              position);
const SmFairnessStudent  *sm_fairness_report_find_student       (SmFairnessReport  *self,
                                                                 gint64             student_id);
guint                     sm_fairness_report_get_n_companies    (SmFairnessReport  *self);
const SmFairnessCompany  *sm_fairness_report_get_company        (SmFairnessReport  *self,
                                                                 guint              position);
const SmFairnessCompany  *sm_fairness_report_find_company       (SmFairnessReport  *self,
                                                                 gint64             company_id);
guint                     sm_fairness_report_get_n_reviewers    (SmFairnessReport  *self);
const SmFairnessReviewer *sm_fairness_report_get_reviewer       (SmFairnessReport  *self,
                                                                 guint              position);
const SmFairnessReviewer *sm_fairness_report_find_reviewer      (SmFairnessReport  *self,
                                                                 const char        *reviewer);
const SmFairnessRate     *sm_fairness_report_get_blind          (SmFairnessReport  *self);
const SmFairnessRate     *sm_fairness_report_get_after_reveal   (SmFairnessReport  *self);

char                     *sm_fairness_report_to_text            (SmFairnessReport  *self);
JsonNode                 *sm_fairness_report_to_json            (SmFairnessReport  *self);
char                     *sm_fairness_report_to_json_data       (SmFairnessReport  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmFairnessReport, sm_fairness_report_free)

G_END_DECLS
