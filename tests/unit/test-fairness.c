/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fairness"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sm-audit.h"
#include "sm-candidate.h"
#include "sm-company.h"
#include "sm-decision.h"
#include "sm-enums.h"
#include "sm-fairness.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-review.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-test-util.h"

/* The fairness report on hand-built schools whose counts are known: exact
 * rates, flags exactly at their thresholds (three rejections flagged, two
 * not; a ratio of 0.79 flagged, 0.8 not), days until placement, reviewer
 * spread, and the fields of the JSON. */

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *sqlite;
  SmStore       *store;
  guint          n_students;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = sm_test_make_dir ("fairness");
  fx->path = g_build_filename (fx->dir, "stagematch.db", NULL);
  fx->sqlite = sm_test_open_store (fx->path);
  fx->store = SM_STORE (fx->sqlite);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->sqlite);
  sm_test_remove_tree (fx->dir);
  g_clear_pointer (&fx->dir, g_free);
  g_clear_pointer (&fx->path, g_free);
}

/* Records */

static SmRecord *
add_student (Fixture *fx)
{
  SmRecord *record = SM_RECORD (sm_student_new ());
  g_autofree char *number = g_strdup_printf ("ST-%05u", ++fx->n_students);

  sm_test_set_text (record, "student_number", number);
  sm_test_set_text (record, "given_name", "Sam");
  sm_test_set_text (record, "family_name", "Jansen");
  sm_test_set_text (record, "level", "mbo-4");
  sm_test_set_text (record, "pathway", "bol");
  sm_test_save (fx->store, record);
  return record;
}

static SmRecord *
add_offer (Fixture    *fx,
           SmRecord   *company,
           const char *title)
{
  SmRecord *record = SM_RECORD (sm_offer_new ());

  sm_test_set_id (record, "company_id", company);
  sm_test_set_text (record, "title", title);
  sm_test_set_text (record, "levels", "mbo-3,mbo-4");
  sm_test_set_text (record, "start_date", "2024-09-01");
  sm_test_set_text (record, "end_date", "2025-01-31");
  sm_test_save (fx->store, record);
  return record;
}

static SmRecord *
add_company (Fixture    *fx,
             const char *name,
             const char *kvk)
{
  SmRecord *record = SM_RECORD (sm_company_new ());

  sm_test_set_text (record, "name", name);
  sm_test_set_text (record, "kvk_number", kvk);
  sm_test_save (fx->store, record);
  return record;
}

static SmRecord *
new_decision (SmRecord       *offer,
              SmRecord       *student,
              const char     *code,
              SmDecisionKind  kind,
              const char     *reason,
              const char     *at)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (sm_decision_kind_get_type ());
  SmRecord *record = SM_RECORD (sm_decision_new ());

  sm_test_set_id (record, "offer_id", offer);
  sm_test_set_id (record, "student_id", student);
  sm_test_set_text (record, "candidate_code", code);
  sm_test_set_text (record, "kind", g_enum_get_value (klass, kind)->value_nick);
  if (reason != NULL)
    sm_test_set_text (record, "reason", reason);
  sm_test_set_text (record, "decided_by", "Sanne Bakker");
  sm_test_set_text (record, "decided_at", at);
  return record;
}

static SmRecord *
add_decision (Fixture        *fx,
              SmRecord       *offer,
              SmRecord       *student,
              SmDecisionKind  kind,
              const char     *reason,
              const char     *at)
{
  SmRecord *record = new_decision (offer, student, "K-0000", kind, reason, at);

  sm_test_save (fx->store, record);
  return record;
}

/* A round: @count candidates are put forward for @offer and decided on
 * while anonymous (@blind); those with @reveal are revealed, and then get
 * @after (or nothing, for -1). Each step is a change set of its own, so
 * the log holds them in that order. */
typedef struct
{
  guint           count;
  SmDecisionKind  blind;
  const char     *blind_reason;
  gboolean        reveal;
  int             after;
  const char     *after_reason;
} Plan;

static GPtrArray *
run_round (Fixture    *fx,
           SmRecord   *offer,
           const Plan *plans,
           guint       n_plans)
{
  g_autoptr(SmChangeSet) put_forward = sm_change_set_new ();
  g_autoptr(SmChangeSet) reveal = sm_change_set_new ();
  g_autoptr(SmChangeSet) after = sm_change_set_new ();
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) students = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  for (guint p = 0; p < n_plans; p++)
    for (guint i = 0; i < plans[p].count; i++, n++)
      {
        g_autoptr(SmRecord) candidate = SM_RECORD (sm_candidate_new ());
        g_autoptr(SmRecord) decision = NULL;
        g_autofree char *code = g_strdup_printf ("K-%04u", n);
        SmRecord *student = add_student (fx);

        g_ptr_array_add (students, student);
        sm_test_set_id (candidate, "offer_id", offer);
        sm_test_set_id (candidate, "student_id", student);
        sm_test_set_text (candidate, "code", code);
        sm_test_set_text (candidate, "added_at", "2024-03-01T08:00:00Z");
        sm_change_set_save (put_forward, candidate);
        decision = new_decision (offer, student, code, plans[p].blind, plans[p].blind_reason, "2024-03-01T10:00:00Z");
        sm_change_set_save (put_forward, decision);
        g_ptr_array_add (candidates, g_steal_pointer (&candidate));
      }
  sm_test_apply (fx->store, put_forward);

  n = 0;
  for (guint p = 0; p < n_plans; p++)
    for (guint i = 0; i < plans[p].count; i++, n++)
      {
        SmRecord *candidate = candidates->pdata[n];
        SmRecord *student = students->pdata[n];
        SmChangeLog log = { SM_AUDIT_REVEAL, "J. de Vries", .offer = offer, .student = student,
                            .candidate = candidate };

        if (!plans[p].reveal)
          continue;
        sm_test_set_text (candidate, "revealed_at", "2024-03-02T10:00:00Z");
        sm_change_set_save (reveal, candidate);
        sm_change_set_log (reveal, &log);

        if (plans[p].after >= 0)
          {
            g_autoptr(SmRecord) decision = new_decision (offer, student,
                                                         sm_record_get_string (candidate, SM_CANDIDATE_FIELD_CODE),
                                                         plans[p].after, plans[p].after_reason,
                                                         "2024-03-03T10:00:00Z");
            sm_change_set_save (after, decision);
          }
      }
  sm_test_apply (fx->store, reveal);
  sm_test_apply (fx->store, after);

  return candidates;
}

static void
add_review (Fixture    *fx,
            SmRecord   *candidate,
            const char *reviewer,
            int         score)
{
  g_autoptr(SmRecord) review = SM_RECORD (sm_review_new ());
  g_autofree char *text = g_strdup_printf ("%d", score);

  sm_test_set_id (review, "candidate_id", candidate);
  sm_test_set_text (review, "reviewer", reviewer);
  sm_test_set_text (review, "criterion", "motivation");
  sm_test_set_text (review, "score", text);
  sm_test_set_text (review, "reviewed_at", "2024-03-01T09:00:00Z");
  sm_test_save (fx->store, review);
}

static SmFairnessReport *
make_report (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  SmFairnessReport *report = sm_fairness_report_new (fx->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static JsonObject *
find_company_json (JsonObject *root,
                   gint64      company_id)
{
  JsonArray *companies = json_object_get_array_member (root, "companies");

  for (guint i = 0; i < json_array_get_length (companies); i++)
    {
      JsonObject *company = json_array_get_object_element (companies, i);

      if (json_object_get_int_member (company, "company_id") == company_id)
        return company;
    }
  g_error ("Company %" G_GINT64_FORMAT " is not in the JSON", company_id);
}

static JsonObject *
find_student_json (JsonObject *root,
                   gint64      student_id)
{
  JsonArray *students = json_object_get_array_member (root, "students");

  for (guint i = 0; i < json_array_get_length (students); i++)
    {
      JsonObject *student = json_array_get_object_element (students, i);

      if (json_object_get_int_member (student, "student_id") == student_id)
        return student;
    }
  g_error ("Student %" G_GINT64_FORMAT " is not in the JSON", student_id);
}

/* The school: company A's rate after the reveal is exactly four fifths of
 * its blind rate, company B's is 0.79 of it; company C's students have
 * three, two and (after a correction) two rejections. */
static void
test_report (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(SmRecord) company_a = add_company (fx, "Alfa Bouw", "10000001");
  g_autoptr(SmRecord) company_b = add_company (fx, "Bravo Zorg", "10000002");
  g_autoptr(SmRecord) company_c = add_company (fx, "Charlie Retail", "10000003");
  g_autoptr(SmRecord) offer_a = add_offer (fx, company_a, "Timmerman");
  g_autoptr(SmRecord) offer_b = add_offer (fx, company_b, "Helpende");
  SmRecord *offers_c[3];
  const Plan plans_a[] = {
    { 4, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_ACCEPT, NULL },
    { 1, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_REJECT, "motivation" },
  };
  const Plan plans_b[] = {
    { 47, SM_DECISION_INVITE, NULL, FALSE, -1, NULL },
    { 1, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_ACCEPT, NULL },
    { 1, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_REJECT, "motivation" },
    { 1, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_DECLINED, NULL },
    { 20, SM_DECISION_REJECT, "distance", FALSE, -1, NULL },
    { 9, SM_DECISION_REJECT, "position-filled", FALSE, -1, NULL },
  };
  g_autoptr(GPtrArray) candidates_a = NULL;
  g_autoptr(GPtrArray) candidates_b = NULL;
  g_autoptr(SmRecord) three = add_student (fx);
  g_autoptr(SmRecord) two = add_student (fx);
  g_autoptr(SmRecord) corrected = add_student (fx);
  g_autoptr(SmRecord) days = add_student (fx);
  g_autoptr(SmRecord) date_only = add_student (fx);
  g_autoptr(SmRecord) placed = add_student (fx);
  g_autoptr(SmRecord) idle = add_student (fx);
  g_autoptr(SmRecord) placement = NULL;
  g_autoptr(SmFairnessReport) report = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  const SmFairnessStudent *student;
  const SmFairnessCompany *company;
  const SmFairnessReviewer *reviewer;
  JsonObject *root, *object;

  for (guint i = 0; i < G_N_ELEMENTS (offers_c); i++)
    offers_c[i] = add_offer (fx, company_c, "Verkoper");

  candidates_a = run_round (fx, offer_a, plans_a, G_N_ELEMENTS (plans_a));
  candidates_b = run_round (fx, offer_b, plans_b, G_N_ELEMENTS (plans_b));

  for (guint i = 0; i < 3; i++)
    g_object_unref (add_decision (fx, offers_c[i], three, SM_DECISION_REJECT, "other", "2024-04-01T10:00:00Z"));
  for (guint i = 0; i < 2; i++)
    g_object_unref (add_decision (fx, offers_c[i], two, SM_DECISION_REJECT, "other", "2024-04-01T10:00:00Z"));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SmRecord) reject = add_decision (fx, offers_c[i], corrected, SM_DECISION_REJECT, "other",
                                                 "2024-04-01T10:00:00Z");

      /* The third rejection was a mistake, corrected into an invitation. */
      if (i == 2)
        {
          g_autoptr(SmRecord) invite = new_decision (offers_c[i], corrected, "K-0000", SM_DECISION_INVITE, NULL,
                                                     "2024-04-02T10:00:00Z");
          sm_test_set_id (invite, "corrects_id", reject);
          sm_test_save (fx->store, invite);
        }
    }

  /* Put forward on 1 September, accepted on 15 September at an earlier
   * hour: 14 calendar days. */
  {
    g_autoptr(SmRecord) candidate = SM_RECORD (sm_candidate_new ());

    sm_test_set_id (candidate, "offer_id", offers_c[0]);
    sm_test_set_id (candidate, "student_id", days);
    sm_test_set_text (candidate, "code", "K-DAYS");
    sm_test_set_text (candidate, "added_at", "2024-09-01T15:00:00Z");
    sm_test_save (fx->store, candidate);
    g_object_unref (add_decision (fx, offers_c[0], days, SM_DECISION_INVITE, NULL, "2024-09-03T10:00:00Z"));
    g_object_unref (add_decision (fx, offers_c[0], days, SM_DECISION_ACCEPT, NULL, "2024-09-15T09:00:00Z"));
  }
  g_object_unref (add_decision (fx, offers_c[1], date_only, SM_DECISION_INVITE, NULL, "2024-10-01"));
  g_object_unref (add_decision (fx, offers_c[1], date_only, SM_DECISION_ACCEPT, NULL, "2024-10-11"));

  /* Proposed by matching and confirmed: placed, on the same day. */
  placement = SM_RECORD (sm_placement_new ());
  sm_test_set_id (placement, "student_id", placed);
  sm_test_set_id (placement, "offer_id", offers_c[2]);
  sm_test_save (fx->store, placement);
  sm_test_set_text (placement, "status", "confirmed");
  sm_test_save (fx->store, placement);

  add_review (fx, candidates_a->pdata[0], "R. Jansen", 1);
  add_review (fx, candidates_a->pdata[1], "R. Jansen", 3);
  add_review (fx, candidates_a->pdata[2], "R. Jansen", 5);
  add_review (fx, candidates_a->pdata[0], "M. Bakker", 4);
  add_review (fx, candidates_a->pdata[1], "M. Bakker", 4);

  report = make_report (fx);

  /* Students */
  student = sm_fairness_report_find_student (report, sm_record_get_id (three));
  g_assert_cmpuint (student->n_decisions, ==, 3);
  g_assert_cmpuint (student->n_rejections, ==, 3);
  g_assert_true (student->many_rejections);
  g_assert_false (student->placed);
  g_assert_cmpint (student->days_to_placement, ==, -1);

  student = sm_fairness_report_find_student (report, sm_record_get_id (two));
  g_assert_cmpuint (student->n_rejections, ==, 2);
  g_assert_false (student->many_rejections);

  student = sm_fairness_report_find_student (report, sm_record_get_id (corrected));
  g_assert_cmpuint (student->n_decisions, ==, 3);
  g_assert_cmpuint (student->n_rejections, ==, 2);
  g_assert_false (student->many_rejections);

  student = sm_fairness_report_find_student (report, sm_record_get_id (days));
  g_assert_true (student->placed);
  g_assert_cmpint (student->days_to_placement, ==, 14);

  student = sm_fairness_report_find_student (report, sm_record_get_id (date_only));
  g_assert_cmpint (student->days_to_placement, ==, 10);

  student = sm_fairness_report_find_student (report, sm_record_get_id (placed));
  g_assert_true (student->placed);
  g_assert_cmpint (student->days_to_placement, ==, 0);
  g_assert_cmpuint (student->n_decisions, ==, 0);

  g_assert_null (sm_fairness_report_find_student (report, sm_record_get_id (idle)));
  g_assert_cmpuint (sm_fairness_report_get_n_students (report), ==, 5 + 79 + 6);

  /* Accepted two days after being put forward, in company A's round. */
  student = sm_fairness_report_find_student (report, sm_record_get_int (candidates_a->pdata[0],
                                                                        SM_CANDIDATE_FIELD_STUDENT_ID));
  g_assert_cmpint (student->days_to_placement, ==, 2);

  /* Company A: 5 of 5 blind, 4 of 5 after the reveal: exactly 0.8. */
  company = sm_fairness_report_find_company (report, sm_record_get_id (company_a));
  g_assert_cmpstr (company->name, ==, "Alfa Bouw");
  g_assert_cmpuint (company->n_candidacies, ==, 5);
  g_assert_cmpuint (company->n_rejected, ==, 1);
  g_assert_cmpfloat_with_epsilon (sm_fairness_company_get_rejection_rate (company), 0.2, 1e-12);
  g_assert_cmpuint (company->blind.selected, ==, 5);
  g_assert_cmpuint (company->blind.total, ==, 5);
  g_assert_cmpuint (company->after_reveal.selected, ==, 4);
  g_assert_cmpuint (company->after_reveal.total, ==, 5);
  g_assert_cmpfloat_with_epsilon (company->ratio_own, 0.8, 1e-12);
  g_assert_false (company->flag_own);
  g_assert_cmpfloat_with_epsilon (company->ratio_all, 0.8 / (5.0 / 7.0), 1e-12);
  g_assert_false (company->flag_all);
  g_assert_cmpuint (company->reasons->len, ==, 1);

  /* Company B: 50 of 79 blind, 1 of 2 after the reveal (a decline is not
   * counted): (1/2) / (50/79) = 0.79. */
  company = sm_fairness_report_find_company (report, sm_record_get_id (company_b));
  g_assert_cmpuint (company->n_candidacies, ==, 79);
  g_assert_cmpuint (company->n_rejected, ==, 30);
  g_assert_cmpfloat_with_epsilon (sm_fairness_company_get_rejection_rate (company), 30.0 / 79.0, 1e-12);
  g_assert_cmpuint (company->blind.selected, ==, 50);
  g_assert_cmpuint (company->blind.total, ==, 79);
  g_assert_cmpuint (company->after_reveal.selected, ==, 1);
  g_assert_cmpuint (company->after_reveal.total, ==, 2);
  g_assert_cmpuint (company->n_declined_after_reveal, ==, 1);
  g_assert_cmpfloat_with_epsilon (company->ratio_own, 0.79, 1e-12);
  g_assert_true (company->flag_own);
  g_assert_cmpfloat_with_epsilon (company->ratio_all, 0.7, 1e-12);
  g_assert_true (company->flag_all);
  g_assert_cmpuint (company->reasons->len, ==, 3);
  g_assert_cmpstr (((SmFairnessReason *) company->reasons->pdata[0])->code, ==, "distance");
  g_assert_cmpuint (((SmFairnessReason *) company->reasons->pdata[0])->count, ==, 20);
  g_assert_cmpstr (((SmFairnessReason *) company->reasons->pdata[1])->code, ==, "position-filled");
  g_assert_cmpuint (((SmFairnessReason *) company->reasons->pdata[1])->count, ==, 9);
  g_assert_cmpstr (((SmFairnessReason *) company->reasons->pdata[2])->code, ==, "motivation");
  g_assert_cmpuint (((SmFairnessReason *) company->reasons->pdata[2])->count, ==, 1);

  /* Company C: never revealed, so no ratio and no flag. */
  company = sm_fairness_report_find_company (report, sm_record_get_id (company_c));
  g_assert_cmpuint (company->n_candidacies, ==, 10);
  g_assert_cmpuint (company->n_rejected, ==, 7);
  g_assert_cmpuint (company->blind.selected, ==, 3);
  g_assert_cmpuint (company->blind.total, ==, 10);
  g_assert_cmpuint (company->after_reveal.total, ==, 0);
  g_assert_true (isnan (company->ratio_own));
  g_assert_true (isnan (company->ratio_all));
  g_assert_false (company->flag_own || company->flag_all);
  g_assert_cmpuint (company->reasons->len, ==, 1);
  g_assert_cmpuint (((SmFairnessReason *) company->reasons->pdata[0])->count, ==, 7);

  g_assert_cmpuint (sm_fairness_report_get_n_companies (report), ==, 3);
  g_assert_cmpstr (sm_fairness_report_get_company (report, 0)->name, ==, "Alfa Bouw");
  g_assert_cmpuint (sm_fairness_report_get_blind (report)->selected, ==, 58);
  g_assert_cmpuint (sm_fairness_report_get_blind (report)->total, ==, 94);
  g_assert_cmpuint (sm_fairness_report_get_after_reveal (report)->selected, ==, 5);
  g_assert_cmpuint (sm_fairness_report_get_after_reveal (report)->total, ==, 7);

  /* Reviewers: 1, 3, 5 and 4, 4. */
  g_assert_cmpuint (sm_fairness_report_get_n_reviewers (report), ==, 2);
  reviewer = sm_fairness_report_find_reviewer (report, "R. Jansen");
  g_assert_cmpuint (reviewer->n_scores, ==, 3);
  g_assert_cmpfloat_with_epsilon (reviewer->mean, 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (reviewer->stddev, sqrt (8.0 / 3.0), 1e-12);
  reviewer = sm_fairness_report_find_reviewer (report, "M. Bakker");
  g_assert_cmpfloat_with_epsilon (reviewer->mean, 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (reviewer->stddev, 0.0, 1e-12);
  g_assert_cmpstr (sm_fairness_report_get_reviewer (report, 0)->reviewer, ==, "M. Bakker");

  /* Text: one student and one company flagged. */
  text = sm_fairness_report_to_text (report);
  g_assert_cmpuint (count_occurrences (text, "FLAGGED: many rejections"), ==, 1);
  g_assert_cmpuint (count_occurrences (text, "FLAGGED: below four fifths"), ==, 1);
  g_assert_nonnull (strstr (text, "Bravo Zorg"));
  g_assert_nonnull (strstr (text, "50 of 79 (63.3%)"));
  g_assert_nonnull (strstr (text, "Ratio to its own blind rate: 0.79"));
  g_assert_null (strstr (text, "Sam"));
  g_assert_null (strstr (text, "ST-0"));

  /* JSON */
  node = sm_fairness_report_to_json (report);
  root = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (root, "many_rejections"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "four_fifths"), 0.8, 1e-12);
  object = json_object_get_object_member (json_object_get_object_member (root, "all_companies"), "after_reveal");
  g_assert_cmpint (json_object_get_int_member (object, "selected"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 7);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "rate"), 5.0 / 7.0, 1e-12);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "students")), ==, 90);
  object = find_student_json (root, sm_record_get_id (three));
  g_assert_cmpint (json_object_get_int_member (object, "rejections"), ==, 3);
  g_assert_true (json_object_get_boolean_member (object, "many_rejections"));
  g_assert_false (json_object_get_boolean_member (object, "placed"));
  g_assert_true (json_object_get_null_member (object, "days_to_placement"));
  object = find_student_json (root, sm_record_get_id (two));
  g_assert_false (json_object_get_boolean_member (object, "many_rejections"));
  object = find_student_json (root, sm_record_get_id (days));
  g_assert_cmpint (json_object_get_int_member (object, "days_to_placement"), ==, 14);
  g_assert_false (json_object_has_member (object, "student_number"));

  object = find_company_json (root, sm_record_get_id (company_b));
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Bravo Zorg");
  g_assert_cmpint (json_object_get_int_member (object, "candidates"), ==, 79);
  g_assert_cmpint (json_object_get_int_member (object, "rejected"), ==, 30);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "rejection_rate"), 30.0 / 79.0, 1e-12);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "reasons"), "distance"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "reasons"), "position-filled"),
                   ==, 9);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "blind"), "selected"), ==, 50);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "blind"), "total"), ==, 79);
  g_assert_cmpint (json_object_get_int_member (object, "dropped_after_reveal"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "declined_after_reveal"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "ratio_to_own_blind"), 0.79, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "ratio_to_all_companies"), 0.7, 1e-12);
  g_assert_true (json_object_get_boolean_member (object, "flag_own"));
  g_assert_true (json_object_get_boolean_member (object, "flag_all"));
  g_assert_true (json_object_get_boolean_member (object, "flagged"));

  object = find_company_json (root, sm_record_get_id (company_a));
  g_assert_false (json_object_get_boolean_member (object, "flagged"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "ratio_to_own_blind"), 0.8, 1e-12);
  object = find_company_json (root, sm_record_get_id (company_c));
  g_assert_true (json_object_get_null_member (object, "ratio_to_own_blind"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object, "after_reveal"), "rate"));

  object = json_array_get_object_element (json_object_get_array_member (root, "reviewers"), 1);
  g_assert_cmpstr (json_object_get_string_member (object, "reviewer"), ==, "R. Jansen");
  g_assert_cmpint (json_object_get_int_member (object, "scores"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "mean"), 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "stddev"), sqrt (8.0 / 3.0), 1e-12);

  for (guint i = 0; i < G_N_ELEMENTS (offers_c); i++)
    g_object_unref (offers_c[i]);
}

/* The rule against all companies together, exactly at four fifths and
 * just below: company X keeps 1 of 2 after the reveal, company Y 4 of 6
 * (all: 5 of 8, X / all = 0.8) or 49 of 77 (all: 50 of 79, X / all =
 * 0.79). */
static void
test_four_fifths_all (Fixture       *fx,
                      gconstpointer  data)
{
  gboolean below = GPOINTER_TO_INT (data);
  g_autoptr(SmRecord) company_x = add_company (fx, "Xenon", "20000001");
  g_autoptr(SmRecord) company_y = add_company (fx, "Yarrow", "20000002");
  g_autoptr(SmRecord) offer_x = add_offer (fx, company_x, "X");
  g_autoptr(SmRecord) offer_y = add_offer (fx, company_y, "Y");
  const Plan plans_x[] = {
    { 1, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_ACCEPT, NULL },
    { 1, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_RESERVE, NULL },
  };
  const Plan plans_y[] = {
    { below ? 49 : 4, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_INVITE, NULL },
    { below ? 28 : 2, SM_DECISION_INVITE, NULL, TRUE, SM_DECISION_REJECT, "other" },
  };
  g_autoptr(GPtrArray) x = run_round (fx, offer_x, plans_x, G_N_ELEMENTS (plans_x));
  g_autoptr(GPtrArray) y = run_round (fx, offer_y, plans_y, G_N_ELEMENTS (plans_y));
  g_autoptr(SmFairnessReport) report = make_report (fx);
  const SmFairnessCompany *company = sm_fairness_report_find_company (report, sm_record_get_id (company_x));

  g_assert_cmpuint (company->after_reveal.selected, ==, 1);
  g_assert_cmpuint (company->after_reveal.total, ==, 2);
  /* Put on reserve after the reveal is dropped, as much as rejected. */
  g_assert_cmpuint (company->n_rejected, ==, 0);
  g_assert_cmpfloat_with_epsilon (company->ratio_all, below ? 0.79 : 0.8, 1e-12);
  g_assert_true (company->flag_all == below);
  /* Its own blind rate was 2 of 2: 0.5 is far below either way. */
  g_assert_true (company->flag_own);
}

/* What was decided after the reveal is told by the order of the log, not
 * by the date a decision claims. */
static void
test_order_by_log (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(SmRecord) company = add_company (fx, "Delta", "30000001");
  g_autoptr(SmRecord) offer = add_offer (fx, company, "D");
  const Plan plans[] = {
    { 1, SM_DECISION_INVITE, NULL, TRUE, -1, NULL },
  };
  g_autoptr(GPtrArray) candidates = run_round (fx, offer, plans, G_N_ELEMENTS (plans));
  g_autoptr(SmRecord) student = g_object_ref (sm_store_lookup (fx->store, SM_TYPE_STUDENT,
                                                               sm_record_get_int (candidates->pdata[0],
                                                                                  SM_CANDIDATE_FIELD_STUDENT_ID)));
  g_autoptr(SmRecord) backdated = add_decision (fx, offer, student, SM_DECISION_REJECT, "other",
                                                "2024-01-01T10:00:00Z");
  g_autoptr(SmFairnessReport) report = make_report (fx);
  const SmFairnessCompany *found = sm_fairness_report_find_company (report, sm_record_get_id (company));

  g_assert_cmpuint (found->blind.selected, ==, 1);
  g_assert_cmpuint (found->blind.total, ==, 1);
  g_assert_cmpuint (found->after_reveal.selected, ==, 0);
  g_assert_cmpuint (found->after_reveal.total, ==, 1);
  g_assert_true (found->flag_own);
}

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(SmFairnessReport) report = make_report (fx);
  g_autofree char *text = sm_fairness_report_to_text (report);
  g_autofree char *json = sm_fairness_report_to_json_data (report);

  g_assert_cmpuint (sm_fairness_report_get_n_students (report), ==, 0);
  g_assert_cmpuint (sm_fairness_report_get_n_companies (report), ==, 0);
  g_assert_cmpuint (sm_fairness_report_get_n_reviewers (report), ==, 0);
  g_assert_true (isnan (sm_fairness_rate_get_value (sm_fairness_report_get_blind (report))));
  g_assert_nonnull (strstr (text, "Fairness signals"));
  g_assert_nonnull (strstr (json, "\"students\""));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/fairness/empty", test_empty, NULL);
  ADD ("/fairness/report", test_report, NULL);
  ADD ("/fairness/four-fifths/all-exact", test_four_fifths_all, GINT_TO_POINTER (FALSE));
  ADD ("/fairness/four-fifths/all-below", test_four_fifths_all, GINT_TO_POINTER (TRUE));
  ADD ("/fairness/order-by-log", test_order_by_log, NULL);

#undef ADD

  return g_test_run ();
}
