/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-demo"

#include "config.h"

#include <string.h>

#include "sm-decision.h"
#include "sm-demo-private.h"
#include "sm-placement.h"
#include "sm-preference.h"

/* Placements, selection decisions and students' preferences for the demo,
 * between the students and offers that sm-demo.c and sm-demo-offers.c
 * made. */

/* Whether @offer could take @student: level, pathway, programme or
 * sector, and an overlap of their periods. */
static gboolean
offer_fits (const OfferInfo   *offer,
            const StudentInfo *student)
{
  gboolean programme_fits = offer->n_programmes == 0 && offer->sector == sm_demo_programmes[student->programme].sector;

  if (!(offer->levels & (1u << student->level)))
    return FALSE;
  if (student->pathway == SM_PATHWAY_BOL && !(offer->pathways & SM_PATHWAY_FLAG_BOL))
    return FALSE;
  if (student->pathway == SM_PATHWAY_BBL && !(offer->pathways & SM_PATHWAY_FLAG_BBL))
    return FALSE;
  for (guint i = 0; i < offer->n_programmes && !programme_fits; i++)
    programme_fits = offer->programmes[i] == student->programme;
  if (!programme_fits)
    return FALSE;
  return strcmp (offer->period->start, student->period->end) <= 0 &&
         strcmp (student->period->start, offer->period->end) <= 0;
}

/* A random offer that fits @student, or -1. */
static int
find_offer (Demo              *demo,
            const StudentInfo *student,
            gboolean           need_place)
{
  GArray *candidates = demo->offers_by_level[student->level];

  if (candidates->len == 0)
    return -1;
  for (guint tries = 0; tries < 40; tries++)
    {
      guint index = g_array_index (candidates, guint, sm_demo_rand_below (demo, candidates->len));
      OfferInfo *offer = &demo->offers[index];

      if ((!need_place || offer->used < offer->places) && offer_fits (offer, student))
        return (int) index;
    }
  return -1;
}

static char *
make_candidate_code (Demo *demo)
{
  /* No 0/O, 1/I/L: codes are read aloud and typed over. */
  static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  /* Four characters give 923,521 codes; a huge demo uses six. */
  guint length = g_hash_table_size (demo->used_codes) < 300000 ? 4 : 6;
  char code[9] = "K-";

  for (;;)
    {
      for (guint i = 0; i < length; i++)
        code[2 + i] = alphabet[sm_demo_rand_below (demo, sizeof alphabet - 1)];
      code[2 + length] = '\0';
      if (!g_hash_table_contains (demo->used_codes, code))
        {
          g_hash_table_add (demo->used_codes, g_string_chunk_insert (demo->strings, code));
          return g_strdup (code);
        }
    }
}

/* A moment in the first weeks of the school year, before the demo's
 * today, in UTC. */
static char *
make_decided_at (Demo *demo,
                 int   min_day,
                 int   max_day)
{
  GDate date;
  char day[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, G_DATE_SEPTEMBER, 2026);
  g_date_add_days (&date, sm_demo_rand_between (demo, min_day, max_day));
  g_snprintf (day, sizeof day, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup_printf ("%sT%02d:%02d:00Z", day, sm_demo_rand_between (demo, 7, 15), sm_demo_rand_between (demo, 0, 59));
}

static void
add_preference (Demo        *demo,
                StudentInfo *student,
                OfferInfo   *offer,
                guint        rank)
{
  g_autoptr(SmPreference) preference = sm_preference_new (0, 0, SM_PREFERENCE_SIDE_STUDENT, rank);

  sm_change_set_save (demo->changes, SM_RECORD (preference));
  sm_change_set_link (demo->changes, SM_RECORD (preference), SM_PREFERENCE_FIELD_STUDENT_ID, student->record);
  sm_change_set_link (demo->changes, SM_RECORD (preference), SM_PREFERENCE_FIELD_OFFER_ID, offer->record);
}

static void
add_decision (Demo           *demo,
              StudentInfo    *student,
              OfferInfo      *offer,
              SmDecisionKind  kind,
              const char     *code,
              int             min_day,
              int             max_day)
{
  g_autoptr(SmDecision) decision = sm_decision_new ();
  SmRecord *record = SM_RECORD (decision);
  g_autofree char *decided_at = make_decided_at (demo, min_day, max_day);

  sm_record_set_string (record, SM_DECISION_FIELD_CANDIDATE_CODE, code);
  sm_record_set_int (record, SM_DECISION_FIELD_KIND, kind);
  if (kind == SM_DECISION_REJECT)
    sm_record_set_string (record, SM_DECISION_FIELD_REASON, PICK (demo, sm_demo_reject_reasons));
  if (sm_demo_chance (demo, 0.25))
    sm_record_set_string (record, SM_DECISION_FIELD_NOTE, PICK (demo, sm_demo_decision_notes));
  sm_record_set_string (record, SM_DECISION_FIELD_DECIDED_BY, demo->companies[offer->company].contact);
  sm_record_set_string (record, SM_DECISION_FIELD_DECIDED_AT, decided_at);

  sm_change_set_save (demo->changes, record);
  sm_change_set_link (demo->changes, record, SM_DECISION_FIELD_OFFER_ID, offer->record);
  sm_change_set_link (demo->changes, record, SM_DECISION_FIELD_STUDENT_ID, student->record);
}

#define MAX_DATE(a, b) (strcmp ((a), (b)) >= 0 ? (a) : (b))
#define MIN_DATE(a, b) (strcmp ((a), (b)) <= 0 ? (a) : (b))

static void
add_placement (Demo        *demo,
               StudentInfo *student,
               OfferInfo   *offer)
{
  g_autoptr(SmPlacement) placement = sm_placement_new ();
  SmRecord *record = SM_RECORD (placement);
  g_auto(DemoPerson) mentor = { NULL };
  g_autofree char *mentor_name = NULL;
  g_autofree char *code = make_candidate_code (demo);
  /* ISO dates compare as text: the overlap of both periods. */
  const char *start = MAX_DATE (offer->period->start, student->period->start);
  const char *end = MIN_DATE (offer->period->end, student->period->end);
  char today[16];
  gboolean started;

  g_snprintf (today, sizeof today, "%04d-%02d-%02d", DEMO_TODAY_YEAR, DEMO_TODAY_MONTH, DEMO_TODAY_DAY);
  started = strcmp (start, today) <= 0 && sm_demo_chance (demo, 0.8);

  sm_demo_make_person (demo, &mentor);
  mentor_name = sm_demo_person_full_name (&mentor);

  sm_record_set_int (record, SM_PLACEMENT_FIELD_STATUS,
                     started ? SM_PLACEMENT_STATUS_STARTED : SM_PLACEMENT_STATUS_CONFIRMED);
  sm_record_set_string (record, SM_PLACEMENT_FIELD_START_DATE, start);
  sm_record_set_string (record, SM_PLACEMENT_FIELD_END_DATE, end);
  sm_record_set_string (record, SM_PLACEMENT_FIELD_COMPANY_MENTOR, mentor_name);
  sm_record_set_string (record, SM_PLACEMENT_FIELD_SUPERVISOR, student->supervisor);
  /* The agreement must be signed before an internship starts. */
  sm_record_set_int (record, SM_PLACEMENT_FIELD_AGREEMENT_SIGNED, started || sm_demo_chance (demo, 0.5));
  sm_record_set_int (record, SM_PLACEMENT_FIELD_LOCKED, TRUE);

  sm_change_set_save (demo->changes, record);
  sm_change_set_link (demo->changes, record, SM_PLACEMENT_FIELD_STUDENT_ID, student->record);
  sm_change_set_link (demo->changes, record, SM_PLACEMENT_FIELD_OFFER_ID, offer->record);

  /* The company invited and then accepted the candidate. */
  add_decision (demo, student, offer, SM_DECISION_INVITE, code, 0, 29);
  add_decision (demo, student, offer, SM_DECISION_ACCEPT, code, 30, 60);

  student->placed = TRUE;
  offer->used++;
}

void
sm_demo_add_placements_and_decisions (Demo *demo)
{
  for (guint i = 0; i < demo->n_students; i++)
    {
      StudentInfo *student = &demo->students[i];
      int index;

      if (!sm_demo_chance (demo, 0.05))
        continue;
      index = find_offer (demo, student, TRUE);
      if (index >= 0)
        add_placement (demo, student, &demo->offers[index]);
    }

  /* Earlier rounds of selection for some of the students who are not
   * placed yet: invitations, reserves and rejections with a reason. */
  for (guint i = 0; i < demo->n_students; i++)
    {
      StudentInfo *student = &demo->students[i];

      if (student->placed || !sm_demo_chance (demo, 0.08))
        continue;
      for (int n = sm_demo_rand_between (demo, 1, 3); n > 0; n--)
        {
          int index = find_offer (demo, student, FALSE);
          g_autofree char *code = NULL;
          double r = g_rand_double (demo->rand);
          SmDecisionKind kind;

          if (index < 0)
            break;
          if (r < 0.4)
            kind = SM_DECISION_INVITE;
          else if (r < 0.55)
            kind = SM_DECISION_RESERVE;
          else if (r < 0.95)
            kind = SM_DECISION_REJECT;
          else
            kind = SM_DECISION_DECLINED;
          code = make_candidate_code (demo);
          add_decision (demo, student, &demo->offers[index], kind, code, 0, 60);
        }
    }

  /* A quarter of the students who are not placed ranked up to three
   * offers that could take them; matching counts those choices. */
  for (guint i = 0; i < demo->n_students; i++)
    {
      StudentInfo *student = &demo->students[i];
      int ranked[3] = { -1, -1, -1 };
      guint n = 0;

      if (student->placed || !sm_demo_chance (demo, 0.25))
        continue;
      for (int tries = sm_demo_rand_between (demo, 1, 3); tries > 0; tries--)
        {
          int index = find_offer (demo, student, FALSE);

          if (index < 0 || index == ranked[0] || index == ranked[1])
            continue;
          ranked[n++] = index;
          add_preference (demo, student, &demo->offers[index], n);
        }
    }
}
