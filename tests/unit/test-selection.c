/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-selection"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sm-audit.h"
#include "sm-candidate.h"
#include "sm-criterion.h"
#include "sm-demo.h"
#include "sm-matcher.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-reason-code.h"
#include "sm-review.h"
#include "sm-selection.h"
#include "sm-sqlite-store.h"
#include "sm-test-util.h"

/* Selection rounds: codes, rubric, reviewer orders, decisions and the
 * reveal rule, on a small demo school. */

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *sqlite;
  SmStore       *store;
  SmOffer       *offer;
  SmOffer       *other_offer;
  GPtrArray     *students;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmDemoOptions options = { 60, 20, 5 };
  GListModel *students;
  GListModel *offers;

  fx->dir = sm_test_make_dir ("selection");
  fx->path = g_build_filename (fx->dir, "school.db", NULL);
  fx->sqlite = sm_test_open_store (fx->path);
  fx->store = SM_STORE (fx->sqlite);
  g_assert_true (sm_demo_generate (fx->store, &options, &error));
  g_assert_no_error (error);

  offers = sm_store_list (fx->store, SM_TYPE_OFFER, NULL);
  fx->offer = g_list_model_get_item (offers, 0);
  fx->other_offer = g_list_model_get_item (offers, 1);
  students = sm_store_list (fx->store, SM_TYPE_STUDENT, NULL);
  fx->students = g_ptr_array_new ();
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(SmStudent) student = g_list_model_get_item (students, i);
      g_ptr_array_add (fx->students, student);
    }
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_ptr_array_unref (fx->students);
  g_clear_object (&fx->offer);
  g_clear_object (&fx->other_offer);
  g_clear_object (&fx->sqlite);
  sm_test_remove_tree (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

static GPtrArray *
put_forward (Fixture *fx,
             SmOffer *offer,
             guint    n)
{
  g_autoptr(GPtrArray) students = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *candidates = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (students, fx->students->pdata[i]);
  g_assert_true (sm_selection_put_forward (fx->store, offer, students, "coordinator", &candidates, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, n);
  return candidates;
}

static const char *
code_of (gpointer candidate)
{
  return sm_record_get_string (candidate, SM_CANDIDATE_FIELD_CODE);
}

static void
test_codes (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) first = put_forward (fx, fx->offer, 20);
  g_autoptr(GPtrArray) other = put_forward (fx, fx->other_offer, 20);
  g_autoptr(GPtrArray) again = put_forward (fx, fx->offer, 20);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) shape = g_regex_new ("^K-[2-9A-HJKMNP-Z]{4}$", 0, 0, NULL);
  guint same = 0;

  for (guint i = 0; i < first->len; i++)
    {
      const char *code = code_of (first->pdata[i]);
      const char *number = sm_student_get_student_number (fx->students->pdata[i]);

      g_assert_true (g_regex_match (shape, code, 0, NULL));
      g_assert_true (strpbrk (code + 2, "23456789") != NULL);
      /* Unique within the offer, and stable: the same student keeps it. */
      g_assert_false (g_hash_table_contains (seen, code));
      g_hash_table_add (seen, (gpointer) code);
      g_assert_cmpstr (code_of (again->pdata[i]), ==, code);
      g_assert_true (again->pdata[i] == first->pdata[i]);
      /* The code carries nothing of the student number: no digits of it
       * in order, and (below) another code for the same student elsewhere. */
      g_assert_null (strstr (number, code + 2));
      g_assert_null (strstr (code, number));
      if (g_strcmp0 (code, code_of (other->pdata[i])) == 0)
        same++;
    }
  /* Codes of one student differ between offers (a chance collision of
   * 4-character codes is under one in 40,000 per student). */
  g_assert_cmpuint (same, <=, 1);

  /* Found by code, in any case. */
  {
    g_autofree char *lower = g_ascii_strdown (code_of (first->pdata[3]), -1);
    g_assert_true (sm_selection_find_candidate (fx->store, fx->offer, lower) == first->pdata[3]);
    g_assert_null (sm_selection_find_candidate (fx->store, fx->other_offer, "K-0000"));
  }
}

static void
test_rubric (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) candidates = put_forward (fx, fx->offer, 3);
  g_autoptr(GPtrArray) criteria = sm_selection_list_criteria (fx->store, fx->offer);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Motivatie", "Vakkennis", NULL };

  g_assert_cmpuint (criteria->len, ==, 3);
  g_assert_cmpstr (sm_record_get_string (criteria->pdata[0], SM_CRITERION_FIELD_NAME), ==, "Motivation");
  g_assert_cmpstr (sm_record_get_string (criteria->pdata[1], SM_CRITERION_FIELD_NAME), ==, "Fit with the work");
  g_assert_cmpstr (sm_record_get_string (criteria->pdata[2], SM_CRITERION_FIELD_NAME), ==, "Availability");

  g_assert_true (sm_selection_set_criteria (fx->store, fx->offer, names, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (criteria);
  criteria = sm_selection_list_criteria (fx->store, fx->offer);
  g_assert_cmpuint (criteria->len, ==, 2);
  g_assert_cmpstr (sm_record_get_string (criteria->pdata[1], SM_CRITERION_FIELD_NAME), ==, "Vakkennis");

  /* Scores on a criterion not on the rubric are refused. */
  g_assert_false (sm_selection_review (fx->store, candidates->pdata[0], "Sanne", "Availability", 4, &error));
  g_assert_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_CRITERION);
  g_clear_error (&error);
  g_assert_false (sm_selection_review (fx->store, candidates->pdata[0], "Sanne", "vakkennis", 6, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sm_selection_review (fx->store, candidates->pdata[0], "  ", "vakkennis", 3, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_true (sm_selection_review (fx->store, candidates->pdata[0], "Sanne", "vakkennis", 3, &error));
  g_assert_no_error (error);

  /* Once scored, the rubric stays. */
  g_assert_false (sm_selection_set_criteria (fx->store, fx->offer, names, &error));
  g_assert_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_REVIEWS_EXIST);
}

static void
test_reviewer_order (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) candidates = put_forward (fx, fx->offer, 20);
  g_autoptr(GPtrArray) sanne = sm_selection_reviewer_order (fx->store, fx->offer, "Sanne");
  g_autoptr(GPtrArray) sanne_again = sm_selection_reviewer_order (fx->store, fx->offer, "Sanne");
  g_autoptr(GPtrArray) ahmed = sm_selection_reviewer_order (fx->store, fx->offer, "Ahmed");
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint differ = 0;

  g_assert_cmpuint (sanne->len, ==, 20);
  g_assert_cmpuint (ahmed->len, ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      g_assert_true (sanne->pdata[i] == sanne_again->pdata[i]);
      g_assert_true (g_ptr_array_find (candidates, ahmed->pdata[i], NULL));
      g_hash_table_add (seen, ahmed->pdata[i]);
      if (sanne->pdata[i] != ahmed->pdata[i])
        differ++;
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 20);
  /* Two random orders of 20 agree in every place with chance 1/20!. */
  g_assert_cmpuint (differ, >, 0);
}

static void
test_scores (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) candidates = put_forward (fx, fx->offer, 2);
  g_autoptr(GError) error = NULL;
  SmCandidate *a = candidates->pdata[0];
  guint n;

  g_assert_cmpfloat (sm_selection_candidate_score (fx->store, a, &n), ==, 0);
  g_assert_cmpuint (n, ==, 0);

  /* Sanne: 4, 5, 3 → 4; Ahmed: 2, 2, 2 → 2; the mean over reviewers: 3. */
  g_assert_true (sm_selection_review (fx->store, a, "Sanne", "Motivation", 4, &error));
  g_assert_true (sm_selection_review (fx->store, a, "Sanne", "Fit with the work", 5, &error));
  g_assert_true (sm_selection_review (fx->store, a, "Sanne", "Availability", 3, &error));
  g_assert_true (sm_selection_review (fx->store, a, "Ahmed", "Motivation", 2, &error));
  g_assert_true (sm_selection_review (fx->store, a, "Ahmed", "fit with the work", 2, &error));
  g_assert_true (sm_selection_review (fx->store, a, "Ahmed", "availability", 2, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (sm_selection_candidate_score (fx->store, a, &n), 3.0, 1e-9);
  g_assert_cmpuint (n, ==, 2);

  /* A reviewer may change their own score: Ahmed's motivation 2 → 5,
   * his mean 3, the candidate's 3.5. */
  g_assert_true (sm_selection_review (fx->store, a, "Ahmed", "Motivation", 5, &error));
  g_assert_cmpfloat_with_epsilon (sm_selection_candidate_score (fx->store, a, &n), 3.5, 1e-9);
  g_assert_cmpuint (g_list_model_get_n_items (sm_store_list (fx->store, SM_TYPE_REVIEW, NULL)), ==, 6);
}

static void
test_decisions (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) candidates = put_forward (fx, fx->offer, 2);
  g_autoptr(GPtrArray) others = put_forward (fx, fx->other_offer, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDecision) reject = NULL;
  g_autoptr(SmDecision) correction = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(SmRecord) retired = NULL;
  SmCandidate *a = candidates->pdata[0];

  g_assert_null (sm_selection_decide (fx->store, a, SM_DECISION_REJECT, NULL, NULL, "Sanne", 0, &error));
  g_assert_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_REASON);
  g_clear_error (&error);
  g_assert_null (sm_selection_decide (fx->store, a, SM_DECISION_REJECT, "looks", NULL, "Sanne", 0, &error));
  g_assert_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_REASON);
  g_assert_nonnull (strstr (error->message, "looks"));
  g_clear_error (&error);
  g_assert_null (sm_selection_decide (fx->store, a, SM_DECISION_INVITE, NULL, NULL, NULL, 0, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_REQUIRED);
  g_clear_error (&error);

  reject = sm_selection_decide (fx->store, a, SM_DECISION_REJECT, "position-filled", "Filled in May",
                                "Sanne", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reject);

  /* A correction names a decision of the same candidate. */
  g_assert_null (sm_selection_decide (fx->store, others->pdata[0], SM_DECISION_INVITE, NULL, NULL, "Sanne",
                                      sm_record_get_id (SM_RECORD (reject)), &error));
  g_assert_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_CORRECTION);
  g_clear_error (&error);
  correction = sm_selection_decide (fx->store, a, SM_DECISION_INVITE, NULL, "The place came free", "Sanne",
                                    sm_record_get_id (SM_RECORD (reject)), &error);
  g_assert_no_error (error);

  decisions = sm_selection_list_decisions (fx->store, a);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpint (sm_decision_get_kind (decisions->pdata[0]), ==, SM_DECISION_REJECT);
  g_assert_cmpint (sm_record_get_int (decisions->pdata[1], SM_DECISION_FIELD_CORRECTS_ID), ==,
                   sm_record_get_id (SM_RECORD (reject)));

  /* The first decision is as it was: decisions are never edited. */
  g_assert_cmpstr (sm_record_get_string (decisions->pdata[0], SM_DECISION_FIELD_NOTE), ==, "Filled in May");
  {
    g_autoptr(SmRecord) edited = sm_record_dup (decisions->pdata[0]);
    sm_record_set_string (edited, SM_DECISION_FIELD_NOTE, "changed");
    g_assert_false (sm_store_save (fx->store, edited, &error));
    g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
  }

  /* A retired reason is no longer offered. */
  retired = sm_record_dup (sm_store_lookup_key (fx->store, SM_TYPE_REASON_CODE, "distance"));
  sm_record_set_int (retired, SM_REASON_CODE_FIELD_ACTIVE, FALSE);
  g_assert_true (sm_store_save (fx->store, retired, &error));
  g_assert_null (sm_selection_decide (fx->store, candidates->pdata[1], SM_DECISION_REJECT, "distance", NULL,
                                      "Sanne", 0, &error));
  g_assert_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_REASON);
}

static guint
count_log (Fixture    *fx,
           const char *action)
{
  g_autoptr(GPtrArray) log = sm_store_load_audit_log (fx->store, NULL);
  guint n = 0;

  g_assert_nonnull (log);
  for (guint i = 0; i < log->len; i++)
    if (g_strcmp0 (((SmAuditEntry *) log->pdata[i])->action, action) == 0)
      n++;
  return n;
}

static void
test_reveal (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) candidates = put_forward (fx, fx->offer, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmDecision) decision = NULL;
  SmCandidate *a = candidates->pdata[0];
  SmStudent *student;
  guint reveals = count_log (fx, SM_AUDIT_REVEAL);

  /* Before a decision: refused, in the core, and nothing changes. */
  g_assert_null (sm_selection_reveal (fx->store, a, "Sanne", &error));
  g_assert_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_NOT_DECIDED);
  g_assert_nonnull (strstr (error->message, code_of (a)));
  g_clear_error (&error);
  g_assert_null (sm_record_get_string (SM_RECORD (a), SM_CANDIDATE_FIELD_REVEALED_AT));
  g_assert_cmpuint (count_log (fx, SM_AUDIT_REVEAL), ==, reveals);

  decision = sm_selection_decide (fx->store, a, SM_DECISION_INVITE, NULL, NULL, "Sanne", 0, &error);
  g_assert_no_error (error);
  student = sm_selection_reveal (fx->store, a, "Sanne", &error);
  g_assert_no_error (error);
  g_assert_true (student == fx->students->pdata[0]);
  g_assert_nonnull (sm_record_get_string (SM_RECORD (a), SM_CANDIDATE_FIELD_REVEALED_AT));
  g_assert_cmpuint (count_log (fx, SM_AUDIT_REVEAL), ==, reveals + 1);

  /* Every reveal is logged, also a second look. */
  g_assert_nonnull (sm_selection_reveal (fx->store, a, "Piet", &error));
  g_assert_cmpuint (count_log (fx, SM_AUDIT_REVEAL), ==, reveals + 2);

  /* The other candidate stays anonymous. */
  g_assert_null (sm_selection_reveal (fx->store, candidates->pdata[1], "Sanne", &error));
  g_assert_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_NOT_DECIDED);
}

/* Blind until matched: reviewers' scores become the offer's ranking, the
 * stable matcher uses it, and identities are revealed once matched. */
static void
test_blind_until_matched (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) candidates = put_forward (fx, fx->offer, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmMatcher) matcher = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(SmMatchRun) run = NULL;
  GListModel *preferences;
  guint offer_side = 0, revealed;

  for (guint i = 0; i < candidates->len; i++)
    g_assert_true (sm_selection_review (fx->store, candidates->pdata[i], "Sanne", "Motivation", 1 + (i % 4), &error));
  g_assert_no_error (error);
  g_assert_true (sm_selection_rank_by_reviews (fx->store, fx->offer, &error));
  g_assert_no_error (error);

  preferences = sm_store_list (fx->store, SM_TYPE_PREFERENCE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (preferences); i++)
    {
      g_autoptr(SmPreference) preference = g_list_model_get_item (preferences, i);

      if (sm_preference_get_side (preference) != SM_PREFERENCE_SIDE_OFFER)
        continue;
      offer_side++;
      /* The best scored (i = 3, score 4) ranks first. */
      if (sm_preference_get_student_id (preference) == sm_record_get_id (fx->students->pdata[3]))
        g_assert_cmpuint (sm_preference_get_rank (preference), ==, 1);
      if (sm_preference_get_student_id (preference) == sm_record_get_id (fx->students->pdata[0]))
        g_assert_cmpuint (sm_preference_get_rank (preference), ==, 4);
    }
  g_assert_cmpuint (offer_side, ==, 4);

  /* Ranking again replaces the earlier ranking. */
  g_assert_true (sm_selection_rank_by_reviews (fx->store, fx->offer, &error));
  g_assert_cmpuint (g_list_model_get_n_items (preferences), ==, g_list_model_get_n_items (preferences));

  matcher = sm_matcher_new (fx->store, &error);
  g_assert_no_error (error);
  g_assert_true (sm_matcher_run (matcher, SM_MATCH_MODE_STABLE, 11, &placements, &error));
  g_assert_true (sm_matcher_apply (matcher, SM_MATCH_MODE_STABLE, 11, placements, &run, &error));
  g_assert_no_error (error);

  revealed = sm_selection_reveal_matches (fx->store, run, "coordinator", &error);
  g_assert_no_error (error);
  for (guint i = 0, placed = 0; i < candidates->len; i++)
    {
      SmCandidate *candidate = candidates->pdata[i];
      gboolean matched = FALSE;

      for (guint j = 0; j < placements->len; j++)
        {
          SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, j);
          if (placement->offer != NULL &&
              sm_record_get_id (SM_RECORD (placement->offer)) == sm_record_get_id (SM_RECORD (fx->offer)) &&
              sm_record_get_id (SM_RECORD (placement->student)) == sm_record_get_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_STUDENT_ID))
            matched = TRUE;
        }
      /* Matched candidates are revealed; the others stay anonymous. */
      g_assert_cmpint (sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_REVEALED_AT) != NULL, ==, matched);
      placed += matched;
      if (i == candidates->len - 1)
        g_assert_cmpuint (placed, ==, revealed);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/selection/codes", test_codes);
  ADD ("/selection/rubric", test_rubric);
  ADD ("/selection/reviewer-order", test_reviewer_order);
  ADD ("/selection/scores", test_scores);
  ADD ("/selection/decisions", test_decisions);
  ADD ("/selection/reveal", test_reveal);
  ADD ("/selection/blind-until-matched", test_blind_until_matched);

#undef ADD

  return g_test_run ();
}
