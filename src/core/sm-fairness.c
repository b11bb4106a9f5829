/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-fairness"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sm-audit.h"
#include "sm-candidate.h"
#include "sm-company.h"
#include "sm-decision.h"
#include "sm-fairness-private.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-review.h"

/* Fairness signals that need no data about origin: they are computed from
 * the decisions, candidacies, placements and reviews and from the decision
 * log, and name students by id only. The definitions:
 *
 * Decisions that stand: a decision that a later one corrects is left out.
 *
 * Per student: the rejections that stand; flagged at three or more. Days
 * until placement: calendar days, by the UTC date, from the first of
 * (put forward as a candidate, any decision about them, the first
 * placement proposed to them) to the first of (an acceptance that stands,
 * a placement of theirs becoming confirmed, started or completed, as the
 * log tells). A student with neither end is not placed.
 *
 * Per company, over its candidacies (an offer of the company and a
 * student) on which it made a decision that stands — invite, reserve,
 * reject or accept; a decline is the student's:
 *
 *   rejection rate = candidacies with a rejection / candidacies
 *
 *   A decision is made after the reveal when the candidacy's identity was
 *   revealed before it: by the order of the log entries when both are
 *   logged, else by their times.
 *
 *   blind selection rate = candidacies whose last decision before the
 *     reveal was invite or accept / candidacies with a decision before
 *     the reveal
 *
 *   selection rate after the reveal = candidacies selected while blind,
 *     revealed, whose last decision after the reveal was invite or accept
 *     / candidacies selected while blind, revealed, and decided on after
 *     the reveal (reject or reserve after the reveal: dropped)
 *
 *   Four-fifths rule: flagged when the rate after the reveal divided by
 *   the company's own blind rate, or by the rate after the reveal of all
 *   companies together, is below 4/5. Compared in whole numbers, so that
 *   exactly 4/5 is never flagged by rounding. Candidates selected while
 *   anonymous have passed a first screening, so their rate after the
 *   reveal should not be lower than the blind rate; a much lower one is
 *   what the rule catches.
 *
 * Per reviewer: the number of scores, their mean and standard deviation.
 * No reviewer is flagged: a sound test of one spread against the others
 * needs many scores of the same candidates per reviewer, which a round
 * rarely has, so the figures are shown for the coordinator to judge. */

#define NO_TIME G_MININT64

typedef struct
{
  gint64          id;
  SmDecisionKind  kind;
  const char     *reason;
  gint64          log_id;
  gint64          time;
} Decision;

typedef struct
{
  gint64    offer_id;
  gint64    student_id;
  gboolean  revealed;
  gint64    reveal_log_id;
  gint64    reveal_time;
  GArray   *decisions;   /* Decision that stand, in the order recorded */
} Candidacy;

typedef struct
{
  gint64 first_start;
  gint64 first_end;
  gboolean placed;
  guint n_decisions;
  guint n_rejections;
} StudentTrack;

static void
candidacy_free (gpointer data)
{
  Candidacy *candidacy = data;

  g_array_unref (candidacy->decisions);
  g_free (candidacy);
}

static void
reason_free (gpointer data)
{
  SmFairnessReason *reason = data;

  g_free (reason->code);
  g_free (reason);
}

static void
company_free (gpointer data)
{
  SmFairnessCompany *company = data;

  g_free (company->name);
  g_clear_pointer (&company->reasons, g_ptr_array_unref);
  g_free (company);
}

static void
reviewer_free (gpointer data)
{
  SmFairnessReviewer *reviewer = data;

  g_free (reviewer->reviewer);
  g_free (reviewer);
}

/**
 * sm_fairness_report_free:
 */
void
sm_fairness_report_free (SmFairnessReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->students, g_array_unref);
  g_clear_pointer (&self->companies, g_ptr_array_unref);
  g_clear_pointer (&self->reviewers, g_ptr_array_unref);
  g_free (self);
}

/**
 * sm_fairness_rate_get_value:
 *
 * Returns: @rate as a fraction from 0 to 1, or NAN when it counts nothing
 */
double
sm_fairness_rate_get_value (const SmFairnessRate *rate)
{
  g_return_val_if_fail (rate != NULL, NAN);

  if (rate->total == 0)
    return NAN;
  return (double) rate->selected / rate->total;
}

/**
 * sm_fairness_company_get_rejection_rate:
 *
 * Returns: the share of the company's candidacies it rejected at least
 *   once, or NAN when it decided on none
 */
double
sm_fairness_company_get_rejection_rate (const SmFairnessCompany *company)
{
  g_return_val_if_fail (company != NULL, NAN);

  if (company->n_candidacies == 0)
    return NAN;
  return (double) company->n_rejected / company->n_candidacies;
}

/* Times: an ISO 8601 time ("2026-09-14T10:00:00Z") or a date, taken as
 * UTC when it names no zone; NO_TIME when it is neither. */
static gint64
parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL || *text == '\0')
    return NO_TIME;

  parsed = g_date_time_new_from_iso8601 (text, utc);
  if (parsed == NULL && strlen (text) == 10)
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00Z", NULL);
      parsed = g_date_time_new_from_iso8601 (midnight, utc);
    }
  return parsed != NULL ? g_date_time_to_unix (parsed) : NO_TIME;
}

static void
keep_earliest (gint64 *earliest,
               gint64  time)
{
  if (time != NO_TIME && (*earliest == NO_TIME || time < *earliest))
    *earliest = time;
}

/* Calendar days between the UTC dates of two times. */
static int
days_between (gint64 start,
              gint64 end)
{
  gint64 start_day = start / 86400 - (start % 86400 < 0);
  gint64 end_day = end / 86400 - (end % 86400 < 0);

  return (int) MAX (0, end_day - start_day);
}

static char *
candidacy_key (gint64 offer_id,
               gint64 student_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, offer_id, student_id);
}

static Candidacy *
ensure_candidacy (GHashTable *candidacies,
                  gint64      offer_id,
                  gint64      student_id)
{
  g_autofree char *key = candidacy_key (offer_id, student_id);
  Candidacy *candidacy = g_hash_table_lookup (candidacies, key);

  if (candidacy == NULL)
    {
      candidacy = g_new0 (Candidacy, 1);
      candidacy->offer_id = offer_id;
      candidacy->student_id = student_id;
      candidacy->reveal_time = NO_TIME;
      candidacy->decisions = g_array_new (FALSE, FALSE, sizeof (Decision));
      g_hash_table_insert (candidacies, g_steal_pointer (&key), candidacy);
    }
  return candidacy;
}

static StudentTrack *
ensure_track (GHashTable *tracks,
              gint64      student_id)
{
  StudentTrack *track = g_hash_table_lookup (tracks, &student_id);

  if (track == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = student_id;
      track = g_new0 (StudentTrack, 1);
      track->first_start = NO_TIME;
      track->first_end = NO_TIME;
      g_hash_table_insert (tracks, key, track);
    }
  return track;
}

static gboolean
is_company_decision (SmDecisionKind kind)
{
  return kind != SM_DECISION_DECLINED;
}

static gboolean
is_selected (SmDecisionKind kind)
{
  return kind == SM_DECISION_INVITE || kind == SM_DECISION_ACCEPT;
}

static gboolean
after_reveal (const Candidacy *candidacy,
              const Decision  *decision)
{
  if (!candidacy->revealed)
    return FALSE;
  if (decision->log_id > 0 && candidacy->reveal_log_id > 0)
    return decision->log_id > candidacy->reveal_log_id;
  if (decision->time != NO_TIME && candidacy->reveal_time != NO_TIME)
    return decision->time > candidacy->reveal_time;
  return FALSE;
}

/* @a / @b below four fifths of @c / @d, in whole numbers. */
static gboolean
below_four_fifths (guint a,
                   guint b,
                   guint c,
                   guint d)
{
  return (guint64) SM_FAIRNESS_RULE_DENOMINATOR * a * d < (guint64) SM_FAIRNESS_RULE_NUMERATOR * b * c;
}

static SmFairnessCompany *
ensure_company (GHashTable *companies,
                SmStore    *store,
                gint64      offer_id)
{
  SmRecord *offer = sm_store_lookup (store, SM_TYPE_OFFER, offer_id);
  gint64 company_id = offer != NULL ? sm_record_get_int (offer, SM_OFFER_FIELD_COMPANY_ID) : 0;
  SmFairnessCompany *company = g_hash_table_lookup (companies, &company_id);

  if (company == NULL)
    {
      SmRecord *record = sm_store_lookup (store, SM_TYPE_COMPANY, company_id);
      gint64 *key = g_new (gint64, 1);

      *key = company_id;
      company = g_new0 (SmFairnessCompany, 1);
      company->company_id = company_id;
      company->name = g_strdup (record != NULL ? sm_record_get_string (record, SM_COMPANY_FIELD_NAME) : "?");
      company->reasons = g_ptr_array_new_with_free_func (reason_free);
      company->ratio_own = NAN;
      company->ratio_all = NAN;
      g_hash_table_insert (companies, key, company);
    }
  return company;
}

static void
count_reason (SmFairnessCompany *company,
              const char        *code)
{
  SmFairnessReason *reason;

  if (code == NULL)
    code = "";
  for (guint i = 0; i < company->reasons->len; i++)
    {
      reason = company->reasons->pdata[i];
      if (strcmp (reason->code, code) == 0)
        {
          reason->count++;
          return;
        }
    }
  reason = g_new0 (SmFairnessReason, 1);
  reason->code = g_strdup (code);
  reason->count = 1;
  g_ptr_array_add (company->reasons, reason);
}

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const SmFairnessReason *x = *(SmFairnessReason * const *) a;
  const SmFairnessReason *y = *(SmFairnessReason * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->code, y->code);
}

static int
compare_companies (gconstpointer a,
                   gconstpointer b)
{
  const SmFairnessCompany *x = *(SmFairnessCompany * const *) a;
  const SmFairnessCompany *y = *(SmFairnessCompany * const *) b;
  int by_name = strcmp (x->name, y->name);

  if (by_name != 0)
    return by_name;
  return x->company_id < y->company_id ? -1 : x->company_id > y->company_id;
}

static int
compare_reviewers (gconstpointer a,
                   gconstpointer b)
{
  const SmFairnessReviewer *x = *(SmFairnessReviewer * const *) a;
  const SmFairnessReviewer *y = *(SmFairnessReviewer * const *) b;

  return strcmp (x->reviewer, y->reviewer);
}

static int
compare_students (gconstpointer a,
                  gconstpointer b)
{
  const SmFairnessStudent *x = a;
  const SmFairnessStudent *y = b;

  return x->student_id < y->student_id ? -1 : x->student_id > y->student_id;
}

static gboolean
status_is_placed (const char *status)
{
  return g_strcmp0 (status, "confirmed") == 0 || g_strcmp0 (status, "started") == 0 ||
         g_strcmp0 (status, "completed") == 0;
}

/* Reads the log: where each decision and reveal stands in it, and when the
 * placements of each student were proposed and confirmed. */
static void
read_log (SmStore    *store,
          GPtrArray  *log,
          GHashTable *decision_log_ids,
          GHashTable *candidacies,
          GHashTable *tracks)
{
  for (guint i = 0; i < log->len; i++)
    {
      const SmAuditEntry *entry = log->pdata[i];

      if (g_strcmp0 (entry->action, SM_AUDIT_DECISION) == 0 && entry->decision_id > 0)
        {
          if (!g_hash_table_contains (decision_log_ids, &entry->decision_id))
            {
              gint64 *key = g_memdup2 (&entry->decision_id, sizeof (gint64));
              gint64 *value = g_memdup2 (&entry->id, sizeof (gint64));
              g_hash_table_insert (decision_log_ids, key, value);
            }
        }
      else if (g_strcmp0 (entry->action, SM_AUDIT_REVEAL) == 0)
        {
          gint64 offer_id = entry->offer_id, student_id = entry->student_id;
          Candidacy *candidacy;

          if ((offer_id <= 0 || student_id <= 0) && entry->candidate_id > 0)
            {
              SmRecord *candidate = sm_store_lookup (store, SM_TYPE_CANDIDATE, entry->candidate_id);

              if (candidate != NULL)
                {
                  offer_id = sm_record_get_int (candidate, SM_CANDIDATE_FIELD_OFFER_ID);
                  student_id = sm_record_get_int (candidate, SM_CANDIDATE_FIELD_STUDENT_ID);
                }
            }
          if (offer_id <= 0 || student_id <= 0)
            continue;

          /* The first reveal counts; later ones show what was known. */
          candidacy = ensure_candidacy (candidacies, offer_id, student_id);
          if (candidacy->reveal_log_id == 0)
            {
              candidacy->revealed = TRUE;
              candidacy->reveal_log_id = entry->id;
              if (candidacy->reveal_time == NO_TIME)
                candidacy->reveal_time = parse_time (entry->at);
            }
        }
      else if (g_strcmp0 (entry->action, SM_AUDIT_PLACEMENT_STATUS) == 0 && entry->student_id > 0)
        {
          StudentTrack *track = ensure_track (tracks, entry->student_id);
          g_autofree char *status = sm_audit_entry_dup_detail (entry, "status");
          gint64 at = parse_time (entry->at);

          keep_earliest (&track->first_start, at);
          if (status_is_placed (status))
            {
              keep_earliest (&track->first_end, at);
              track->placed = TRUE;
            }
        }
    }
}

static void
add_company_counts (GHashTable       *companies,
                    SmStore          *store,
                    Candidacy        *candidacy)
{
  SmFairnessCompany *company;
  const Decision *last_blind = NULL, *last_after = NULL;
  gboolean any_company = FALSE, rejected = FALSE, declined_after = FALSE;

  for (guint i = 0; i < candidacy->decisions->len; i++)
    if (is_company_decision (g_array_index (candidacy->decisions, Decision, i).kind))
      any_company = TRUE;
  if (!any_company)
    return;

  company = ensure_company (companies, store, candidacy->offer_id);
  company->n_candidacies++;

  for (guint i = 0; i < candidacy->decisions->len; i++)
    {
      const Decision *decision = &g_array_index (candidacy->decisions, Decision, i);
      gboolean after = after_reveal (candidacy, decision);

      if (decision->kind == SM_DECISION_REJECT)
        {
          rejected = TRUE;
          count_reason (company, decision->reason);
        }
      if (!is_company_decision (decision->kind))
        declined_after |= after;
      else if (after)
        last_after = decision;
      else
        last_blind = decision;
    }
  if (rejected)
    company->n_rejected++;

  if (last_blind == NULL)
    return;
  company->blind.total++;
  if (!is_selected (last_blind->kind))
    return;
  company->blind.selected++;

  if (!candidacy->revealed)
    return;
  if (last_after != NULL)
    {
      company->after_reveal.total++;
      if (is_selected (last_after->kind))
        company->after_reveal.selected++;
    }
  if (declined_after)
    company->n_declined_after_reveal++;
}

static void
finish_companies (SmFairnessReport *self,
                  GHashTable       *companies)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, companies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SmFairnessCompany *company = value;

      self->blind.selected += company->blind.selected;
      self->blind.total += company->blind.total;
      self->after_reveal.selected += company->after_reveal.selected;
      self->after_reveal.total += company->after_reveal.total;
    }

  g_hash_table_iter_init (&iter, companies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SmFairnessCompany *company = value;
      const SmFairnessRate *after = &company->after_reveal;

      g_ptr_array_sort (company->reasons, compare_reasons);
      if (after->total > 0 && company->blind.selected > 0)
        {
          company->ratio_own = sm_fairness_rate_get_value (after) / sm_fairness_rate_get_value (&company->blind);
          company->flag_own = below_four_fifths (after->selected, after->total,
                                                 company->blind.selected, company->blind.total);
        }
      if (after->total > 0 && self->after_reveal.selected > 0)
        {
          company->ratio_all = sm_fairness_rate_get_value (after) / sm_fairness_rate_get_value (&self->after_reveal);
          company->flag_all = below_four_fifths (after->selected, after->total,
                                                 self->after_reveal.selected, self->after_reveal.total);
        }
    }
}

static gboolean
add_reviewers (SmFairnessReport  *self,
               SmStore           *store,
               GError           **error)
{
  GListModel *reviews = sm_store_list (store, SM_TYPE_REVIEW, error);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_reviews;

  if (reviews == NULL)
    return FALSE;
  n_reviews = g_list_model_get_n_items (reviews);

  /* Two passes: the means first, then the squared distances from them. */
  for (guint i = 0; i < n_reviews; i++)
    {
      g_autoptr(SmRecord) review = g_list_model_get_item (reviews, i);
      const char *name = sm_record_get_string (review, SM_REVIEW_FIELD_REVIEWER);
      SmFairnessReviewer *reviewer = g_hash_table_lookup (by_name, name);

      if (reviewer == NULL)
        {
          reviewer = g_new0 (SmFairnessReviewer, 1);
          reviewer->reviewer = g_strdup (name);
          g_ptr_array_add (self->reviewers, reviewer);
          g_hash_table_insert (by_name, reviewer->reviewer, reviewer);
        }
      reviewer->n_scores++;
      reviewer->mean += (double) sm_record_get_int (review, SM_REVIEW_FIELD_SCORE);
    }
  for (guint r = 0; r < self->reviewers->len; r++)
    {
      SmFairnessReviewer *reviewer = self->reviewers->pdata[r];
      reviewer->mean /= reviewer->n_scores;
    }

  for (guint i = 0; i < n_reviews; i++)
    {
      g_autoptr(SmRecord) review = g_list_model_get_item (reviews, i);
      SmFairnessReviewer *reviewer = g_hash_table_lookup (by_name,
                                                          sm_record_get_string (review, SM_REVIEW_FIELD_REVIEWER));
      double distance = (double) sm_record_get_int (review, SM_REVIEW_FIELD_SCORE) - reviewer->mean;

      reviewer->stddev += distance * distance;
    }
  for (guint r = 0; r < self->reviewers->len; r++)
    {
      SmFairnessReviewer *reviewer = self->reviewers->pdata[r];
      reviewer->stddev = sqrt (reviewer->stddev / reviewer->n_scores);
    }

  g_ptr_array_sort (self->reviewers, compare_reviewers);
  return TRUE;
}

/**
 * sm_fairness_report_new:
 * @store: the store to read
 *
 * Computes the fairness signals, as defined at the top of sm-fairness.c
 * and in the text of sm_fairness_report_to_text(), from the decisions,
 * candidacies, placements, reviews and the decision log.
 *
 * Returns: (transfer full): the report, or %NULL if the store could not
 *   be read
 */
SmFairnessReport *
sm_fairness_report_new (SmStore  *store,
                        GError  **error)
{
  g_autoptr(SmFairnessReport) self = g_new0 (SmFairnessReport, 1);
  g_autoptr(GHashTable) candidacies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, candidacy_free);
  g_autoptr(GHashTable) tracks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) decision_log_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) corrected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) companies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) log = NULL;
  GListModel *decisions, *candidates, *placements;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SM_IS_STORE (store), NULL);

  self->students = g_array_new (FALSE, TRUE, sizeof (SmFairnessStudent));
  self->companies = g_ptr_array_new_with_free_func (company_free);
  self->reviewers = g_ptr_array_new_with_free_func (reviewer_free);

  if (!(decisions = sm_store_list (store, SM_TYPE_DECISION, error)) ||
      !(candidates = sm_store_list (store, SM_TYPE_CANDIDATE, error)) ||
      !(placements = sm_store_list (store, SM_TYPE_PLACEMENT, error)) ||
      !(log = sm_store_load_audit_log (store, error)))
    return NULL;

  /* Candidacies put forward, and whether they were revealed. */
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(SmRecord) candidate = g_list_model_get_item (candidates, i);
      gint64 student_id = sm_record_get_int (candidate, SM_CANDIDATE_FIELD_STUDENT_ID);
      Candidacy *candidacy = ensure_candidacy (candidacies,
                                               sm_record_get_int (candidate, SM_CANDIDATE_FIELD_OFFER_ID),
                                               student_id);
      const char *revealed_at = sm_record_get_string (candidate, SM_CANDIDATE_FIELD_REVEALED_AT);

      keep_earliest (&ensure_track (tracks, student_id)->first_start,
                     parse_time (sm_record_get_string (candidate, SM_CANDIDATE_FIELD_ADDED_AT)));
      if (revealed_at != NULL)
        {
          candidacy->revealed = TRUE;
          candidacy->reveal_time = parse_time (revealed_at);
        }
    }

  read_log (store, log, decision_log_ids, candidacies, tracks);

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SmRecord) decision = g_list_model_get_item (decisions, i);
      gint64 corrects = sm_record_get_int (decision, SM_DECISION_FIELD_CORRECTS_ID);

      if (corrects > 0)
        g_hash_table_add (corrected, g_memdup2 (&corrects, sizeof corrects));
    }

  /* Decisions, in the order they were recorded (their ids). */
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SmRecord) record = g_list_model_get_item (decisions, i);
      gint64 student_id = sm_record_get_int (record, SM_DECISION_FIELD_STUDENT_ID);
      StudentTrack *track = ensure_track (tracks, student_id);
      Decision decision = { sm_record_get_id (record) };
      gint64 *log_id;

      decision.kind = sm_decision_get_kind (SM_DECISION (record));
      decision.reason = sm_record_get_string (record, SM_DECISION_FIELD_REASON);
      decision.time = parse_time (sm_record_get_string (record, SM_DECISION_FIELD_DECIDED_AT));
      log_id = g_hash_table_lookup (decision_log_ids, &decision.id);
      decision.log_id = log_id != NULL ? *log_id : 0;

      /* Even a corrected decision shows the student was in selection. */
      keep_earliest (&track->first_start, decision.time);
      if (g_hash_table_contains (corrected, &decision.id))
        continue;

      track->n_decisions++;
      if (decision.kind == SM_DECISION_REJECT)
        track->n_rejections++;
      if (decision.kind == SM_DECISION_ACCEPT)
        {
          keep_earliest (&track->first_end, decision.time);
          track->placed = TRUE;
        }
      g_array_append_val (ensure_candidacy (candidacies, sm_record_get_int (record, SM_DECISION_FIELD_OFFER_ID),
                                            student_id)->decisions, decision);
    }

  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(SmRecord) placement = g_list_model_get_item (placements, i);
      g_autofree char *status = sm_record_dup_text (placement, SM_PLACEMENT_FIELD_STATUS);
      StudentTrack *track = ensure_track (tracks, sm_record_get_int (placement, SM_PLACEMENT_FIELD_STUDENT_ID));

      if (status_is_placed (status))
        track->placed = TRUE;
    }

  g_hash_table_iter_init (&iter, candidacies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    add_company_counts (companies, store, value);
  finish_companies (self, companies);

  g_hash_table_iter_init (&iter, companies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (self->companies, value);
  g_ptr_array_sort (self->companies, compare_companies);

  g_hash_table_iter_init (&iter, tracks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const StudentTrack *track = value;
      SmFairnessStudent student = { *(gint64 *) key };

      student.n_decisions = track->n_decisions;
      student.n_rejections = track->n_rejections;
      student.many_rejections = track->n_rejections >= SM_FAIRNESS_MANY_REJECTIONS;
      student.placed = track->placed;
      student.days_to_placement = -1;
      if (track->first_start != NO_TIME && track->first_end != NO_TIME)
        student.days_to_placement = days_between (track->first_start, track->first_end);
      g_array_append_val (self->students, student);
    }
  g_array_sort (self->students, compare_students);

  if (!add_reviewers (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
sm_fairness_report_get_n_students (SmFairnessReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->students->len;
}

const SmFairnessStudent *
sm_fairness_report_get_student (SmFairnessReport *self,
                                guint             position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->students->len, NULL);
  return &g_array_index (self->students, SmFairnessStudent, position);
}

/**
 * sm_fairness_report_find_student:
 *
 * Returns: (nullable): the signals of the student with @student_id, or
 *   %NULL if nothing was decided or proposed about them
 */
const SmFairnessStudent *
sm_fairness_report_find_student (SmFairnessReport *self,
                                 gint64            student_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->students->len; i++)
    if (g_array_index (self->students, SmFairnessStudent, i).student_id == student_id)
      return &g_array_index (self->students, SmFairnessStudent, i);
  return NULL;
}

guint
sm_fairness_report_get_n_companies (SmFairnessReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->companies->len;
}

const SmFairnessCompany *
sm_fairness_report_get_company (SmFairnessReport *self,
                                guint             position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->companies->len, NULL);
  return self->companies->pdata[position];
}

/**
 * sm_fairness_report_find_company:
 *
 * Returns: (nullable): the signals of the company with @company_id, or
 *   %NULL if it decided on no candidate
 */
const SmFairnessCompany *
sm_fairness_report_find_company (SmFairnessReport *self,
                                 gint64            company_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->companies->len; i++)
    if (((SmFairnessCompany *) self->companies->pdata[i])->company_id == company_id)
      return self->companies->pdata[i];
  return NULL;
}

guint
sm_fairness_report_get_n_reviewers (SmFairnessReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->reviewers->len;
}

const SmFairnessReviewer *
sm_fairness_report_get_reviewer (SmFairnessReport *self,
                                 guint             position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->reviewers->len, NULL);
  return self->reviewers->pdata[position];
}

/**
 * sm_fairness_report_find_reviewer:
 *
 * Returns: (nullable): the scores of @reviewer, or %NULL if they gave none
 */
const SmFairnessReviewer *
sm_fairness_report_find_reviewer (SmFairnessReport *self,
                                  const char       *reviewer)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->reviewers->len; i++)
    if (g_strcmp0 (((SmFairnessReviewer *) self->reviewers->pdata[i])->reviewer, reviewer) == 0)
      return self->reviewers->pdata[i];
  return NULL;
}

/**
 * sm_fairness_report_get_blind:
 *
 * Returns: the blind selection rate of all companies together
 */
const SmFairnessRate *
sm_fairness_report_get_blind (SmFairnessReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->blind;
}

/**
 * sm_fairness_report_get_after_reveal:
 *
 * Returns: the selection rate after the reveal of all companies together
 */
const SmFairnessRate *
sm_fairness_report_get_after_reveal (SmFairnessReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->after_reveal;
}
