/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-selection"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-audit.h"
#include "sm-criterion.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-reason-code.h"
#include "sm-review.h"
#include "sm-selection.h"

/* Selection rounds: the coordinator puts candidates forward for an offer,
 * each under a code that is random and means nothing outside that offer;
 * named reviewers score them on the offer's rubric, each seeing them in an
 * order of their own; the company decides with a reason; and only then
 * may the identity behind a code be shown. These rules live here, in the
 * core, so that no view or command can go around them. */

G_DEFINE_QUARK (sm-selection-error-quark, sm_selection_error)

/* Not 0/O or 1/I/L: codes are read aloud and typed over. */
static const char code_alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
#define CODE_LENGTH 4

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format_iso8601 (now);
}

static gboolean
belongs_to (SmRecord *record,
            guint     field,
            SmOffer  *offer)
{
  return sm_record_get_int (record, field) == sm_record_get_id (SM_RECORD (offer));
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  SmRecord *x = *(SmRecord **) a, *y = *(SmRecord **) b;

  return g_strcmp0 (sm_record_get_string (x, SM_CANDIDATE_FIELD_CODE),
                    sm_record_get_string (y, SM_CANDIDATE_FIELD_CODE));
}

/**
 * sm_selection_list_candidates:
 *
 * Returns: (transfer container) (element-type SmCandidate): the candidates
 *   of @offer, by code
 */
GPtrArray *
sm_selection_list_candidates (SmStore *store,
                              SmOffer *offer)
{
  GListModel *model = sm_store_list (store, SM_TYPE_CANDIDATE, NULL);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRecord) candidate = g_list_model_get_item (model, i);

      if (belongs_to (candidate, SM_CANDIDATE_FIELD_OFFER_ID, offer))
        g_ptr_array_add (list, candidate);
    }
  g_ptr_array_sort (list, compare_codes);
  return list;
}

/**
 * sm_selection_find_candidate:
 * @code: a candidate code, in any case
 *
 * Returns: (transfer none) (nullable): the candidate of @offer with @code
 */
SmCandidate *
sm_selection_find_candidate (SmStore    *store,
                             SmOffer    *offer,
                             const char *code)
{
  g_autoptr(GPtrArray) list = sm_selection_list_candidates (store, offer);

  for (guint i = 0; i < list->len; i++)
    if (g_ascii_strcasecmp (sm_record_get_string (list->pdata[i], SM_CANDIDATE_FIELD_CODE), code) == 0)
      return list->pdata[i];
  return NULL;
}

/**
 * sm_selection_find_student:
 *
 * Returns: (transfer none) (nullable): @student's candidacy for @offer
 */
SmCandidate *
sm_selection_find_student (SmStore   *store,
                           SmOffer   *offer,
                           SmStudent *student)
{
  g_autoptr(GPtrArray) list = sm_selection_list_candidates (store, offer);

  for (guint i = 0; i < list->len; i++)
    if (sm_record_get_int (list->pdata[i], SM_CANDIDATE_FIELD_STUDENT_ID) == sm_record_get_id (SM_RECORD (student)))
      return list->pdata[i];
  return NULL;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  SmRecord *x = *(SmRecord **) a, *y = *(SmRecord **) b;
  gint64 px = sm_record_get_int (x, SM_CRITERION_FIELD_POSITION);
  gint64 py = sm_record_get_int (y, SM_CRITERION_FIELD_POSITION);

  return px < py ? -1 : px > py;
}

/**
 * sm_selection_list_criteria:
 *
 * Returns: (transfer container) (element-type SmCriterion): the rubric of
 *   @offer, in order
 */
GPtrArray *
sm_selection_list_criteria (SmStore *store,
                            SmOffer *offer)
{
  GListModel *model = sm_store_list (store, SM_TYPE_CRITERION, NULL);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRecord) criterion = g_list_model_get_item (model, i);

      if (belongs_to (criterion, SM_CRITERION_FIELD_OFFER_ID, offer))
        g_ptr_array_add (list, criterion);
    }
  g_ptr_array_sort (list, compare_positions);
  return list;
}

static void
add_criteria (SmChangeSet        *changes,
              SmOffer            *offer,
              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(SmCriterion) criterion = sm_criterion_new ();

      sm_record_set_int (SM_RECORD (criterion), SM_CRITERION_FIELD_OFFER_ID, sm_record_get_id (SM_RECORD (offer)));
      sm_record_set_string (SM_RECORD (criterion), SM_CRITERION_FIELD_NAME, names[i]);
      sm_record_set_int (SM_RECORD (criterion), SM_CRITERION_FIELD_POSITION, i);
      sm_change_set_save (changes, SM_RECORD (criterion));
    }
}

static char *
new_code (GHashTable *taken)
{
  for (;;)
    {
      char code[3 + CODE_LENGTH] = "K-";
      gboolean has_digit = FALSE;

      /* g_random is seeded from the system's random source; the code is
       * never derived from anything about the student. */
      for (guint i = 0; i < CODE_LENGTH; i++)
        {
          code[2 + i] = code_alphabet[g_random_int_range (0, sizeof code_alphabet - 1)];
          has_digit |= g_ascii_isdigit (code[2 + i]);
        }
      code[2 + CODE_LENGTH] = '\0';
      /* A code of letters only could spell a name ("K-EMMA"), which the
       * final check of a profile would then refuse for a student called
       * Emma; a digit rules that out. */
      if (!has_digit)
        continue;
      if (!g_hash_table_contains (taken, code))
        {
          g_hash_table_add (taken, g_strdup (code));
          return g_strdup (code);
        }
    }
}

/**
 * sm_selection_put_forward:
 * @students: (element-type SmStudent): the students to put forward
 * @actor: (nullable): who puts them forward
 * @candidates: (out) (optional) (transfer container) (element-type SmCandidate):
 *   the candidacies, new and existing, in the order of @students
 *
 * Makes each student a candidate of @offer under a new random code, unless
 * they are one already. An offer without a rubric gets the default one:
 * motivation, fit with the work, availability. One transaction.
 */
gboolean
sm_selection_put_forward (SmStore     *store,
                          SmOffer     *offer,
                          GPtrArray   *students,
                          const char  *actor,
                          GPtrArray  **candidates,
                          GError     **error)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) existing = sm_selection_list_candidates (store, offer);
  g_autoptr(GPtrArray) criteria = sm_selection_list_criteria (store, offer);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *now = now_utc ();

  g_return_val_if_fail (SM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SM_IS_OFFER (offer), FALSE);

  for (guint i = 0; i < existing->len; i++)
    g_hash_table_add (taken, g_strdup (sm_record_get_string (existing->pdata[i], SM_CANDIDATE_FIELD_CODE)));

  if (criteria->len == 0)
    {
      const char *defaults[] = { _("Motivation"), _("Fit with the work"), _("Availability"), NULL };
      add_criteria (changes, offer, defaults);
    }

  for (guint i = 0; i < students->len; i++)
    {
      SmStudent *student = students->pdata[i];
      SmCandidate *candidate = sm_selection_find_student (store, offer, student);
      g_autofree char *code = NULL;
      SmChangeLog log = { SM_AUDIT_CANDIDATE, actor };

      if (candidate != NULL)
        {
          g_ptr_array_add (result, g_object_ref (candidate));
          continue;
        }
      for (guint j = 0; j < i; j++)
        if (students->pdata[j] == student)
          {
            g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                         _("Student %s is named twice"), sm_student_get_student_number (student));
            return FALSE;
          }

      candidate = sm_candidate_new ();
      code = new_code (taken);
      sm_record_set_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_OFFER_ID, sm_record_get_id (SM_RECORD (offer)));
      sm_record_set_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_STUDENT_ID, sm_record_get_id (SM_RECORD (student)));
      sm_record_set_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE, code);
      sm_record_set_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_ADDED_AT, now);
      sm_change_set_save (changes, SM_RECORD (candidate));

      log.offer = SM_RECORD (offer);
      log.student = SM_RECORD (student);
      log.candidate = SM_RECORD (candidate);
      sm_change_set_log (changes, &log);
      g_ptr_array_add (result, candidate);
    }

  if (!sm_store_apply (store, changes, error))
    return FALSE;

  if (candidates != NULL)
    {
      /* Hand out the store's own records, which stay up to date. */
      GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < result->len; i++)
        {
          SmRecord *stored = sm_store_lookup (store, SM_TYPE_CANDIDATE, sm_record_get_id (result->pdata[i]));
          g_ptr_array_add (out, g_object_ref (stored != NULL ? stored : result->pdata[i]));
        }
      *candidates = out;
    }
  return TRUE;
}

static GPtrArray *
list_reviews (SmStore     *store,
              SmCandidate *candidate)
{
  GListModel *model = sm_store_list (store, SM_TYPE_REVIEW, NULL);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRecord) review = g_list_model_get_item (model, i);

      if (sm_record_get_int (review, SM_REVIEW_FIELD_CANDIDATE_ID) == sm_record_get_id (SM_RECORD (candidate)))
        g_ptr_array_add (list, review);
    }
  return list;
}

/**
 * sm_selection_set_criteria:
 * @names: the criteria, in order
 *
 * Replaces the rubric of @offer. Refused once a candidate of the offer
 * has been scored: everyone must be judged on the same points.
 */
gboolean
sm_selection_set_criteria (SmStore             *store,
                           SmOffer             *offer,
                           const char * const  *names,
                           GError             **error)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) criteria = sm_selection_list_criteria (store, offer);
  g_autoptr(GPtrArray) candidates = sm_selection_list_candidates (store, offer);

  if (names == NULL || names[0] == NULL)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_REQUIRED,
                   _("Criteria: name at least one"));
      return FALSE;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(GPtrArray) reviews = list_reviews (store, candidates->pdata[i]);
      if (reviews->len > 0)
        {
          g_set_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_REVIEWS_EXIST,
                       _("Criteria: candidates of this offer have been scored already; the rubric can no longer change"));
          return FALSE;
        }
    }

  for (guint i = 0; i < criteria->len; i++)
    sm_change_set_delete (changes, criteria->pdata[i]);
  add_criteria (changes, offer, names);
  return sm_store_apply (store, changes, error);
}

typedef struct
{
  SmCandidate *candidate;
  char        *key;
} Ordered;

static int
compare_ordered (gconstpointer a,
                 gconstpointer b)
{
  const Ordered *x = a, *y = b;

  return strcmp (x->key, y->key);
}

/**
 * sm_selection_reviewer_order:
 * @reviewer: the reviewer's name
 *
 * Each reviewer sees the candidates in an order of their own, so that no
 * candidate is always read first or last, when attention is freshest or
 * spent. The order is the SHA-256 of the offer, the reviewer and the
 * (random) code: random, and the same each time the reviewer looks.
 *
 * Returns: (transfer container) (element-type SmCandidate): the candidates
 *   of @offer in @reviewer's order
 */
GPtrArray *
sm_selection_reviewer_order (SmStore    *store,
                             SmOffer    *offer,
                             const char *reviewer)
{
  g_autoptr(GPtrArray) candidates = sm_selection_list_candidates (store, offer);
  g_autofree Ordered *ordered = g_new0 (Ordered, MAX (candidates->len, 1));
  g_autofree char *folded = g_utf8_casefold (reviewer != NULL ? reviewer : "", -1);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%s",
                                               sm_record_get_id (SM_RECORD (offer)), folded,
                                               sm_record_get_string (candidates->pdata[i], SM_CANDIDATE_FIELD_CODE));
      ordered[i].candidate = candidates->pdata[i];
      ordered[i].key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
    }
  qsort (ordered, candidates->len, sizeof (Ordered), compare_ordered);
  for (guint i = 0; i < candidates->len; i++)
    {
      g_ptr_array_add (list, ordered[i].candidate);
      g_free (ordered[i].key);
    }
  return list;
}

static SmOffer *
offer_of (SmStore     *store,
          SmCandidate *candidate)
{
  return SM_OFFER (sm_store_lookup (store, SM_TYPE_OFFER,
                                    sm_record_get_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_OFFER_ID)));
}

/**
 * sm_selection_review:
 * @score: 1 (poor) to 5 (excellent)
 *
 * Records @reviewer's score of @candidate on one criterion of the offer's
 * rubric. A reviewer may change their own score until the round is
 * decided; a score is not a decision.
 */
gboolean
sm_selection_review (SmStore      *store,
                     SmCandidate  *candidate,
                     const char   *reviewer,
                     const char   *criterion,
                     guint         score,
                     GError      **error)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(SmReview) review = NULL;
  g_autofree char *now = now_utc ();
  g_autofree char *name = NULL;
  const char *rubric_name = NULL;
  SmOffer *offer;

  g_return_val_if_fail (SM_IS_CANDIDATE (candidate), FALSE);

  offer = offer_of (store, candidate);
  g_return_val_if_fail (offer != NULL, FALSE);

  name = g_strstrip (g_strdup (reviewer != NULL ? reviewer : ""));
  if (*name == '\0')
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_REQUIRED, _("Reviewer: give the reviewer’s name"));
      return FALSE;
    }
  if (score < 1 || score > 5)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("Score: %u is not a score from 1 to 5"), score);
      return FALSE;
    }

  criteria = sm_selection_list_criteria (store, offer);
  for (guint i = 0; i < criteria->len && rubric_name == NULL; i++)
    {
      const char *candidate_name = sm_record_get_string (criteria->pdata[i], SM_CRITERION_FIELD_NAME);
      g_autofree char *a = g_utf8_casefold (candidate_name, -1);
      g_autofree char *b = g_utf8_casefold (criterion != NULL ? criterion : "", -1);

      if (strcmp (a, b) == 0)
        rubric_name = candidate_name;
    }
  if (rubric_name == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < criteria->len; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", sm_record_get_string (criteria->pdata[i], SM_CRITERION_FIELD_NAME));
      g_set_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_CRITERION,
                   _("Criterion: “%s” is not on this offer’s rubric (%s)"), criterion, names->str);
      return FALSE;
    }

  reviews = list_reviews (store, candidate);
  for (guint i = 0; i < reviews->len && review == NULL; i++)
    if (g_strcmp0 (sm_record_get_string (reviews->pdata[i], SM_REVIEW_FIELD_REVIEWER), name) == 0 &&
        g_strcmp0 (sm_record_get_string (reviews->pdata[i], SM_REVIEW_FIELD_CRITERION), rubric_name) == 0)
      review = SM_REVIEW (sm_record_dup (reviews->pdata[i]));

  if (review == NULL)
    {
      review = sm_review_new ();
      sm_record_set_int (SM_RECORD (review), SM_REVIEW_FIELD_CANDIDATE_ID, sm_record_get_id (SM_RECORD (candidate)));
      sm_record_set_string (SM_RECORD (review), SM_REVIEW_FIELD_REVIEWER, name);
      sm_record_set_string (SM_RECORD (review), SM_REVIEW_FIELD_CRITERION, rubric_name);
    }
  sm_record_set_int (SM_RECORD (review), SM_REVIEW_FIELD_SCORE, score);
  sm_record_set_string (SM_RECORD (review), SM_REVIEW_FIELD_REVIEWED_AT, now);
  return sm_store_save (store, SM_RECORD (review), error);
}

/**
 * sm_selection_candidate_score:
 * @n_reviewers: (out) (optional): how many reviewers scored the candidate
 *
 * Returns: the mean over reviewers of each reviewer's mean over the
 *   criteria, from 1 to 5, or 0 when nobody scored the candidate
 */
double
sm_selection_candidate_score (SmStore     *store,
                              SmCandidate *candidate,
                              guint       *n_reviewers)
{
  g_autoptr(GPtrArray) reviews = list_reviews (store, candidate);
  g_autoptr(GHashTable) sums = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  double total = 0;
  guint n = 0;

  for (guint i = 0; i < reviews->len; i++)
    {
      const char *reviewer = sm_record_get_string (reviews->pdata[i], SM_REVIEW_FIELD_REVIEWER);
      guint sum = GPOINTER_TO_UINT (g_hash_table_lookup (sums, reviewer));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, reviewer));

      g_hash_table_insert (sums, (gpointer) reviewer,
                           GUINT_TO_POINTER (sum + (guint) sm_record_get_int (reviews->pdata[i], SM_REVIEW_FIELD_SCORE)));
      g_hash_table_insert (counts, (gpointer) reviewer, GUINT_TO_POINTER (count + 1));
    }

  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      total += (double) GPOINTER_TO_UINT (value) / GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      n++;
    }

  if (n_reviewers != NULL)
    *n_reviewers = n;
  return n > 0 ? total / n : 0;
}

/**
 * sm_selection_list_decisions:
 *
 * Returns: (transfer container) (element-type SmDecision): the decisions on
 *   @candidate, oldest first
 */
GPtrArray *
sm_selection_list_decisions (SmStore     *store,
                             SmCandidate *candidate)
{
  GListModel *model = sm_store_list (store, SM_TYPE_DECISION, NULL);
  GPtrArray *list = g_ptr_array_new ();
  gint64 offer_id = sm_record_get_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_OFFER_ID);
  const char *code = sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRecord) decision = g_list_model_get_item (model, i);

      if (sm_record_get_int (decision, SM_DECISION_FIELD_OFFER_ID) == offer_id &&
          g_strcmp0 (sm_record_get_string (decision, SM_DECISION_FIELD_CANDIDATE_CODE), code) == 0)
        g_ptr_array_add (list, decision);
    }
  return list;
}

static SmDecision *
build_decision (SmStore         *store,
                SmCandidate     *candidate,
                SmDecisionKind   kind,
                const char      *reason,
                const char      *note,
                const char      *decided_by,
                gint64           corrects_id,
                GError         **error)
{
  g_autoptr(SmDecision) decision = sm_decision_new ();
  g_autofree char *now = now_utc ();

  if (reason != NULL && *reason != '\0')
    {
      SmRecord *code = sm_store_lookup_key (store, SM_TYPE_REASON_CODE, reason);

      if (code == NULL)
        {
          g_set_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_REASON,
                       _("Reason: “%s” is not a reason code; see the list of reasons"), reason);
          return NULL;
        }
      if (!sm_record_get_int (code, SM_REASON_CODE_FIELD_ACTIVE))
        {
          g_set_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_REASON,
                       _("Reason: “%s” is no longer in use; choose another reason"), reason);
          return NULL;
        }
    }
  else if (kind == SM_DECISION_REJECT)
    {
      g_set_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_REASON,
                   _("Reason: a rejection needs a reason code"));
      return NULL;
    }

  if (corrects_id != 0)
    {
      g_autoptr(GPtrArray) earlier = sm_selection_list_decisions (store, candidate);
      gboolean found = FALSE;

      for (guint i = 0; i < earlier->len && !found; i++)
        found = sm_record_get_id (earlier->pdata[i]) == corrects_id;
      if (!found)
        {
          g_set_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_CORRECTION,
                       _("Corrects: decision %lld is not a decision on this candidate"), (long long) corrects_id);
          return NULL;
        }
    }

  sm_record_set_int (SM_RECORD (decision), SM_DECISION_FIELD_OFFER_ID,
                     sm_record_get_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_OFFER_ID));
  sm_record_set_int (SM_RECORD (decision), SM_DECISION_FIELD_STUDENT_ID,
                     sm_record_get_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_STUDENT_ID));
  sm_record_set_string (SM_RECORD (decision), SM_DECISION_FIELD_CANDIDATE_CODE,
                        sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE));
  sm_record_set_int (SM_RECORD (decision), SM_DECISION_FIELD_KIND, kind);
  sm_record_set_string (SM_RECORD (decision), SM_DECISION_FIELD_REASON, reason);
  sm_record_set_string (SM_RECORD (decision), SM_DECISION_FIELD_NOTE, note);
  sm_record_set_string (SM_RECORD (decision), SM_DECISION_FIELD_DECIDED_BY, decided_by);
  sm_record_set_string (SM_RECORD (decision), SM_DECISION_FIELD_DECIDED_AT, now);
  sm_record_set_int (SM_RECORD (decision), SM_DECISION_FIELD_CORRECTS_ID, corrects_id);

  if (!sm_record_validate (SM_RECORD (decision), error))
    return NULL;
  return g_steal_pointer (&decision);
}

/**
 * sm_selection_decide:
 * @reason: (nullable): a reason code; required to reject
 * @note: (nullable): a note
 * @decided_by: who decided
 * @corrects_id: the decision this one corrects, or 0
 *
 * Records a decision on @candidate. Decisions are never edited: a
 * correction is a new decision that names the one it corrects. The store
 * writes it to the decision log in the same transaction.
 *
 * Returns: (transfer full): the decision
 */
SmDecision *
sm_selection_decide (SmStore         *store,
                     SmCandidate     *candidate,
                     SmDecisionKind   kind,
                     const char      *reason,
                     const char      *note,
                     const char      *decided_by,
                     gint64           corrects_id,
                     GError         **error)
{
  g_autoptr(SmDecision) decision = NULL;

  g_return_val_if_fail (SM_IS_CANDIDATE (candidate), NULL);

  decision = build_decision (store, candidate, kind, reason, note, decided_by, corrects_id, error);
  if (decision == NULL || !sm_store_save (store, SM_RECORD (decision), error))
    return NULL;
  return g_steal_pointer (&decision);
}

static void
add_reveal (SmChangeSet *changes,
            SmStore     *store,
            SmCandidate *candidate,
            SmRecord    *decision,
            const char  *actor,
            const char  *now)
{
  SmRecord *student = sm_store_lookup (store, SM_TYPE_STUDENT,
                                       sm_record_get_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_STUDENT_ID));
  SmChangeLog log = { SM_AUDIT_REVEAL, actor };

  if (sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_REVEALED_AT) == NULL)
    {
      g_autoptr(SmRecord) revealed = sm_record_dup (SM_RECORD (candidate));

      sm_record_set_string (revealed, SM_CANDIDATE_FIELD_REVEALED_AT, now);
      sm_change_set_save (changes, revealed);
    }

  log.offer = SM_RECORD (offer_of (store, candidate));
  log.student = student;
  log.candidate = SM_RECORD (candidate);
  log.decision = decision;
  sm_change_set_log (changes, &log);
}

/**
 * sm_selection_reveal:
 * @actor: (nullable): who asks
 *
 * Shows who is behind a candidate code — only once a decision on that
 * candidate has been recorded, and never without writing the reveal to the
 * decision log. An earlier reveal is refused here, in the core, whatever
 * asks for it.
 *
 * Returns: (transfer none): the student, or %NULL with
 *   %SM_SELECTION_ERROR_NOT_DECIDED
 */
SmStudent *
sm_selection_reveal (SmStore      *store,
                     SmCandidate  *candidate,
                     const char   *actor,
                     GError      **error)
{
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autofree char *now = now_utc ();

  g_return_val_if_fail (SM_IS_CANDIDATE (candidate), NULL);

  decisions = sm_selection_list_decisions (store, candidate);
  if (decisions->len == 0)
    {
      g_set_error (error, SM_SELECTION_ERROR, SM_SELECTION_ERROR_NOT_DECIDED,
                   _("Candidate %s has no decision yet; the identity is shown only after a decision is recorded"),
                   sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE));
      return NULL;
    }

  add_reveal (changes, store, candidate, decisions->pdata[decisions->len - 1], actor, now);
  if (!sm_store_apply (store, changes, error))
    return NULL;

  return SM_STUDENT (sm_store_lookup (store, SM_TYPE_STUDENT,
                                      sm_record_get_int (SM_RECORD (candidate), SM_CANDIDATE_FIELD_STUDENT_ID)));
}

typedef struct
{
  SmCandidate *candidate;
  double       score;
} Scored;

static int
compare_scored (gconstpointer a,
                gconstpointer b)
{
  const Scored *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return g_strcmp0 (sm_record_get_string (SM_RECORD (x->candidate), SM_CANDIDATE_FIELD_CODE),
                    sm_record_get_string (SM_RECORD (y->candidate), SM_CANDIDATE_FIELD_CODE));
}

/**
 * sm_selection_rank_by_reviews:
 *
 * Blind until matched: turns the reviewers' scores of the offer's
 * anonymous candidates into the offer's ranking of them (1 is best; equal
 * scores share a rank, for the matcher's lottery to break), which the
 * stable mode of the matcher reads. Earlier rankings of the offer are
 * replaced. Candidates nobody scored are not ranked.
 */
gboolean
sm_selection_rank_by_reviews (SmStore  *store,
                              SmOffer  *offer,
                              GError  **error)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) candidates = sm_selection_list_candidates (store, offer);
  g_autoptr(GArray) scored = g_array_new (FALSE, FALSE, sizeof (Scored));
  GListModel *preferences = sm_store_list (store, SM_TYPE_PREFERENCE, error);
  guint rank = 0;

  if (preferences == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (preferences); i++)
    {
      g_autoptr(SmPreference) preference = g_list_model_get_item (preferences, i);

      if (sm_preference_get_side (preference) == SM_PREFERENCE_SIDE_OFFER &&
          sm_preference_get_offer_id (preference) == sm_record_get_id (SM_RECORD (offer)))
        sm_change_set_delete (changes, SM_RECORD (preference));
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      guint n_reviewers;
      Scored item = { candidates->pdata[i], sm_selection_candidate_score (store, candidates->pdata[i], &n_reviewers) };

      if (n_reviewers > 0)
        g_array_append_val (scored, item);
    }
  g_array_sort (scored, compare_scored);

  for (guint i = 0; i < scored->len; i++)
    {
      const Scored *item = &g_array_index (scored, Scored, i);
      g_autoptr(SmPreference) preference = NULL;

      if (i == 0 || item->score != g_array_index (scored, Scored, i - 1).score)
        rank = i + 1;
      preference = sm_preference_new (sm_record_get_int (SM_RECORD (item->candidate), SM_CANDIDATE_FIELD_STUDENT_ID),
                                      sm_record_get_id (SM_RECORD (offer)), SM_PREFERENCE_SIDE_OFFER, rank);
      sm_change_set_save (changes, SM_RECORD (preference));
    }

  return sm_store_apply (store, changes, error);
}

/**
 * sm_selection_reveal_matches:
 * @run: an applied matching run
 *
 * Blind until matched: once a run has placed candidates, the match is the
 * decision. For every placement of @run whose student was a candidate of
 * the offer, an invitation is recorded (unless a decision exists) and the
 * identity revealed to both sides, all in one transaction.
 *
 * Returns: how many candidates were revealed, or 0 with @error set
 */
guint
sm_selection_reveal_matches (SmStore     *store,
                             SmMatchRun  *run,
                             const char  *actor,
                             GError     **error)
{
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autofree char *now = now_utc ();
  g_autofree char *note = g_strdup_printf (_("Matched in run %lld from the reviewers’ ranking"),
                                           (long long) sm_record_get_id (SM_RECORD (run)));
  GListModel *placements = sm_store_list (store, SM_TYPE_PLACEMENT, error);
  guint n = 0;

  if (placements == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(SmPlacement) placement = g_list_model_get_item (placements, i);
      g_autoptr(GPtrArray) decisions = NULL;
      g_autoptr(SmDecision) decision = NULL;
      SmRecord *offer, *student;
      SmCandidate *candidate;

      if (sm_record_get_int (SM_RECORD (placement), SM_PLACEMENT_FIELD_RUN_ID) != sm_record_get_id (SM_RECORD (run)))
        continue;
      offer = sm_store_lookup (store, SM_TYPE_OFFER, sm_placement_get_offer_id (placement));
      student = sm_store_lookup (store, SM_TYPE_STUDENT, sm_placement_get_student_id (placement));
      if (offer == NULL || student == NULL)
        continue;
      candidate = sm_selection_find_student (store, SM_OFFER (offer), SM_STUDENT (student));
      if (candidate == NULL)
        continue;

      decisions = sm_selection_list_decisions (store, candidate);
      if (decisions->len == 0)
        {
          decision = build_decision (store, candidate, SM_DECISION_INVITE, NULL, note,
                                     actor != NULL ? actor : _("Stagematch"), 0, error);
          if (decision == NULL)
            return 0;
          sm_change_set_save (changes, SM_RECORD (decision));
        }
      add_reveal (changes, store, candidate,
                  decision != NULL ? SM_RECORD (decision) : decisions->pdata[decisions->len - 1], actor, now);
      n++;
    }

  if (!sm_store_apply (store, changes, error))
    return 0;
  return n;
}
