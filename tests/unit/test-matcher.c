/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-matcher"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sm-change-set.h"
#include "sm-company.h"
#include "sm-demo.h"
#include "sm-match-count.h"
#include "sm-match-run.h"
#include "sm-match-weights.h"
#include "sm-matcher.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-programme.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-test-util.h"

/* Tests of the matcher: every rule on hand-made pairs with the exact
 * sentence a coordinator reads, scores recomputed from the weights, the
 * candidate index against a loop over all pairs, the optimal mode against
 * a max-flow and an optimality check written here, determinism under
 * shuffled insertion, fairness by rewriting everything personal, storing
 * a run, and the stable mode with rankings. */

#define DEMO_STUDENTS 1500
#define DEMO_OFFERS   800

/* A store in a fresh temporary folder */

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *sqlite;
  SmStore       *store;
  gint64         company_id;
} Fixture;

static void
fixture_open (Fixture *fx)
{
  fx->dir = sm_test_make_dir ("matcher");
  fx->path = g_build_filename (fx->dir, "stagematch.db", NULL);
  fx->sqlite = sm_test_open_store (fx->path);
  fx->store = SM_STORE (fx->sqlite);
}

static void
fixture_close (Fixture *fx)
{
  fx->store = NULL;
  g_clear_object (&fx->sqlite);
  if (fx->dir != NULL)
    {
      sm_test_remove_tree (fx->dir);
      g_assert_false (g_file_test (fx->dir, G_FILE_TEST_EXISTS));
    }
  g_clear_pointer (&fx->dir, g_free);
  g_clear_pointer (&fx->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_close)

static void
fixture_open_demo (Fixture *fx,
                   guint64  seed)
{
  g_autoptr(GError) error = NULL;
  SmDemoOptions options = { DEMO_STUDENTS, DEMO_OFFERS, seed };

  fixture_open (fx);
  if (!sm_demo_generate (fx->store, &options, &error))
    g_error ("The demo data of seed %" G_GUINT64_FORMAT " could not be made: %s", seed, error->message);
}

/* Raw SQLite (see sm-test-util.h), to see what was stored without the
 * store's caches */

/* Every row the query gives, every column as text, one row a line. */
static char *
raw_rows (sqlite3    *db,
          const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s%s", i ? "|" : "", text != NULL ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Records */

/* @pairs: field names and values; a %NULL value clears the field */
static void
set_pairs (SmRecord           *record,
           const char * const *pairs)
{
  SmRecordClass *klass = SM_RECORD_GET_CLASS (record);
  guint n_fields;
  const SmField *fields = sm_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
    {
      int field;

      if (pairs[i + 1] != NULL)
        {
          sm_test_set_text (record, pairs[i], pairs[i + 1]);
          continue;
        }
      field = sm_record_class_find_field (klass, pairs[i]);
      g_assert_cmpint (field, >=, 0);
      if (fields[field].kind == SM_FIELD_STRV)
        sm_record_set_strv (record, (guint) field, NULL);
      else
        sm_record_set_string (record, (guint) field, NULL);
    }
}

static void
apply_changes (SmStore     *store,
               SmChangeSet *changes)
{
  g_autoptr(GError) error = NULL;

  if (!sm_store_apply (store, changes, &error))
    g_error ("The changes were refused: %s", error->message);
}

/* Saves @record and returns the store's own copy, which is what the
 * matcher knows. */
static SmRecord *
save (SmStore  *store,
      SmRecord *record)
{
  g_autoptr(GError) error = NULL;
  SmRecord *stored;

  if (!sm_store_save (store, record, &error))
    g_error ("Saving failed: %s", error->message);
  stored = sm_store_lookup (store, G_OBJECT_TYPE (record), sm_record_get_id (record));
  g_assert_nonnull (stored);
  return stored;
}

/* Three programmes, one company, a few PC4 areas around Rotterdam and
 * Den Haag. */
static void
add_basics (Fixture *fx)
{
  static const SmPostcodeArea areas[] = {
    { 2511, 52.08, 4.31 },
    { 3011, 51.92, 4.48 },
    { 3012, 51.92, 4.47 },
  };
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(SmProgramme) software = sm_programme_new ("25604", "Software developer", SM_EDUCATION_MBO, SM_SECTOR_ICT);
  g_autoptr(SmProgramme) care = sm_programme_new ("25655", "Verzorgende IG", SM_EDUCATION_MBO, SM_SECTOR_CARE);
  g_autoptr(SmProgramme) vmbo = sm_programme_new ("zorg-en-welzijn", "Zorg en welzijn", SM_EDUCATION_VMBO, SM_SECTOR_CARE);
  g_autoptr(SmCompany) company = sm_company_new ();
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (SmPostcodeArea));
  g_autoptr(GError) error = NULL;

  sm_test_set_text (SM_RECORD (company), "name", "Bits en Bytes BV");
  sm_test_set_text (SM_RECORD (company), "kvk_number", "12345678");
  sm_change_set_save (changes, SM_RECORD (software));
  sm_change_set_save (changes, SM_RECORD (care));
  sm_change_set_save (changes, SM_RECORD (vmbo));
  sm_change_set_save (changes, SM_RECORD (company));
  apply_changes (fx->store, changes);
  fx->company_id = sm_record_get_id (SM_RECORD (company));

  g_array_append_vals (list, areas, G_N_ELEMENTS (areas));
  if (!sm_store_replace_postcode_areas (fx->store, list, &error))
    g_error ("The postcode areas were refused: %s", error->message);
}

/* A student who fits the base offer: mbo 4, BOL, software developer,
 * living in 3011, 32 hours, 10 km, autumn 2026. */
static SmStudent *
add_student (Fixture            *fx,
             const char         *number,
             const char * const *pairs)
{
  g_autoptr(SmStudent) student = sm_student_new ();
  SmRecord *record = SM_RECORD (student);

  sm_test_set_text (record, "student_number", number);
  sm_test_set_text (record, "given_name", "Fatima");
  sm_test_set_text (record, "family_name", "Amrani");
  sm_test_set_text (record, "level", "mbo-4");
  sm_test_set_text (record, "pathway", "bol");
  sm_test_set_text (record, "programme", "25604");
  sm_test_set_text (record, "postcode", "3011 AB");
  sm_test_set_text (record, "available_from", "2026-09-01");
  sm_test_set_text (record, "available_until", "2027-01-31");
  sm_test_set_text (record, "hours_per_week", "32");
  sm_test_set_text (record, "max_travel_km", "10");
  sm_test_set_text (record, "skills", "Python,SQL");
  sm_test_set_text (record, "sector_interests", "ict");
  set_pairs (record, pairs);
  return SM_STUDENT (save (fx->store, record));
}

/* The base offer: mbo 3 and 4, crebo 25604, ICT, in 3012, 32 hours, one
 * place, autumn 2026, looking for Python and Git. */
static SmOffer *
add_offer (Fixture            *fx,
           const char         *title,
           const char * const *pairs)
{
  g_autoptr(SmOffer) offer = sm_offer_new ();
  SmRecord *record = SM_RECORD (offer);

  sm_record_set_int (record, SM_OFFER_FIELD_COMPANY_ID, fx->company_id);
  sm_test_set_text (record, "title", title);
  sm_test_set_text (record, "levels", "mbo-3,mbo-4");
  sm_test_set_text (record, "programmes", "25604");
  sm_test_set_text (record, "sector", "ict");
  sm_test_set_text (record, "postcode", "3012 CD");
  sm_test_set_text (record, "start_date", "2026-09-01");
  sm_test_set_text (record, "end_date", "2027-01-31");
  sm_test_set_text (record, "hours_per_week", "32");
  sm_test_set_text (record, "places", "1");
  sm_test_set_text (record, "skills", "Python,Git");
  set_pairs (record, pairs);
  return SM_OFFER (save (fx->store, record));
}

static SmPlacement *
add_placement (Fixture    *fx,
               SmStudent  *student,
               SmOffer    *offer,
               const char *status,
               gboolean    locked)
{
  g_autoptr(SmPlacement) placement = sm_placement_new ();
  SmRecord *record = SM_RECORD (placement);

  sm_record_set_int (record, SM_PLACEMENT_FIELD_STUDENT_ID, sm_record_get_id (SM_RECORD (student)));
  sm_record_set_int (record, SM_PLACEMENT_FIELD_OFFER_ID, sm_record_get_id (SM_RECORD (offer)));
  sm_test_set_text (record, "status", status);
  sm_record_set_int (record, SM_PLACEMENT_FIELD_LOCKED, locked);
  return SM_PLACEMENT (save (fx->store, record));
}

static void
add_preference (Fixture          *fx,
                SmStudent        *student,
                SmOffer          *offer,
                SmPreferenceSide  side,
                guint             rank)
{
  g_autoptr(SmPreference) preference = sm_preference_new (sm_record_get_id (SM_RECORD (student)),
                                                          sm_record_get_id (SM_RECORD (offer)),
                                                          side, rank);
  save (fx->store, SM_RECORD (preference));
}

static SmMatcher *
new_matcher (SmStore *store)
{
  g_autoptr(GError) error = NULL;
  SmMatcher *matcher = sm_matcher_new (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matcher);
  return matcher;
}

static GArray *
run_matcher (SmMatcher   *matcher,
             SmMatchMode  mode,
             guint64      seed)
{
  g_autoptr(GError) error = NULL;
  GArray *placements = NULL;

  if (!sm_matcher_run (matcher, mode, seed, &placements, &error))
    g_error ("Matching failed: %s", error->message);
  g_assert_nonnull (placements);
  return placements;
}

/* The great-circle distance, written again here from the haversine
 * formula with the mean Earth radius, in whole metres. */
static int
expected_distance_m (double lat1,
                     double lon1,
                     double lat2,
                     double lon2)
{
  const double radius_m = 6371008.8;
  double phi1 = lat1 * G_PI / 180, phi2 = lat2 * G_PI / 180;
  double dphi = phi2 - phi1, dlambda = (lon2 - lon1) * G_PI / 180;
  double a = pow (sin (dphi / 2), 2) + cos (phi1) * cos (phi2) * pow (sin (dlambda / 2), 2);

  return (int) lround (2 * radius_m * asin (MIN (1.0, sqrt (a))));
}

static char *
explain (SmMatcher *matcher,
         SmStudent *student,
         SmOffer   *offer,
         gboolean  *feasible,
         guint     *score)
{
  g_auto(SmMatchExplanation) explanation = { 0 };

  sm_matcher_explain (matcher, student, offer, &explanation);
  if (feasible != NULL)
    *feasible = explanation.feasible;
  if (score != NULL)
    *score = explanation.score;
  return sm_match_explanation_format (&explanation);
}

static void
assert_feasible (SmMatcher  *matcher,
                 SmStudent  *student,
                 SmOffer    *offer,
                 const char *expected,
                 guint       expected_score)
{
  gboolean feasible;
  guint score;
  g_autofree char *text = explain (matcher, student, offer, &feasible, &score);

  if (!feasible)
    g_error ("%s and “%s” should fit, but: %s", sm_student_get_student_number (student),
             sm_offer_get_title (offer), text);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (score, ==, expected_score);
}

/* The score that sm_matcher_list_candidates() gives the pair, or -1 */
static int
candidate_score (SmMatcher *matcher,
                 SmStudent *student,
                 SmOffer   *offer)
{
  g_autoptr(GArray) candidates = sm_matcher_list_candidates (matcher, student);

  for (guint i = 0; i < candidates->len; i++)
    if (g_array_index (candidates, SmMatchPlacement, i).offer == offer)
      return (int) g_array_index (candidates, SmMatchPlacement, i).score;
  return -1;
}

/* 1. Rules */

typedef enum
{
  CASE_PLAIN,
  CASE_OFFER_FULL,       /* another student's confirmed placement fills it */
  CASE_STUDENT_PLACED,   /* the student has a locked placement elsewhere */
} CaseSetup;

typedef struct
{
  const char  *name;
  const char  *student[8];
  const char  *offer[8];
  CaseSetup    setup;
  const char  *reason;
} RuleCase;

static void
test_rules_each (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(SmMatcher) matcher = NULL;
  g_autofree char *distance_reason = NULL;
  g_autofree char *overlap_reason = NULL;
  int distance_m = expected_distance_m (52.08, 4.31, 51.92, 4.47);
  GDate from, until;
  int overlap_days;
  SmStudent *base_student;
  SmOffer *base_offer;
  SmStudent *students[32];
  SmOffer *offers[32];

  /* 3012 to 2511: 20.9 km, which the reason rounds to 21. */
  g_assert_cmpint ((distance_m + 500) / 1000, ==, 21);
  distance_reason = g_strdup_printf ("The offer is %d km away; the student travels at most 10 km.",
                                     (distance_m + 500) / 1000);

  /* From 1 November to the offer's end, 31 January: 92 days, 13 weeks. */
  g_date_clear (&from, 1);
  g_date_clear (&until, 1);
  g_date_set_dmy (&from, 1, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&until, 31, G_DATE_JANUARY, 2027);
  overlap_days = g_date_days_between (&from, &until) + 1;
  g_assert_cmpint (overlap_days / 7, ==, 13);
  overlap_reason = g_strdup_printf ("The periods overlap for %d weeks; the offer needs 20.", overlap_days / 7);

  {
    const RuleCase cases[] = {
      { "level", { NULL }, { "levels", "mbo-3", NULL }, CASE_PLAIN,
        "The offer does not accept mbo level 4." },
      { "pathway", { NULL }, { "pathways", "bbl", NULL }, CASE_PLAIN,
        "The offer does not take mbo students on the BOL (school-based) pathway." },
      { "no-programme", { "programme", NULL, NULL }, { NULL }, CASE_PLAIN,
        "The student has no programme on record." },
      { "crebo", { NULL }, { "programmes", "25655", NULL }, CASE_PLAIN,
        "The offer is for 25655; the student follows 25604." },
      { "sector", { NULL }, { "programmes", NULL, "sector", "care", NULL }, CASE_PLAIN,
        "The offer is for the sector Care and welfare; the student’s programme is in ICT and media." },
      { "no-overlap", { "available_from", "2027-03-01", "available_until", "2027-06-30", NULL }, { NULL }, CASE_PLAIN,
        "The student is not available in the period of the offer." },
      { "short-overlap", { "available_from", "2026-11-01", NULL }, { "required_weeks", "20", NULL }, CASE_PLAIN,
        overlap_reason },
      { "hours", { NULL }, { "hours_per_week", "36", NULL }, CASE_PLAIN,
        "The offer asks 36 hours a week; the student is available for 32." },
      { "distance", { "postcode", "2511 AB", NULL }, { NULL }, CASE_PLAIN,
        distance_reason },
      { "licence", { NULL }, { "requires_driving_licence", "yes", NULL }, CASE_PLAIN,
        "The offer needs a driving licence." },
      { "vog", { NULL }, { "requires_vog", "yes", NULL }, CASE_PLAIN,
        "The offer needs a certificate of conduct (VOG)." },
      { "requirement", { "certificates", "VCA", NULL }, { "requirements", "BHV", NULL }, CASE_PLAIN,
        "The offer asks for BHV, which the student does not have." },
      { "places", { NULL }, { NULL }, CASE_OFFER_FULL,
        "All places of the offer are taken." },
      { "not-open", { NULL }, { "status", "draft", NULL }, CASE_PLAIN,
        "The offer is not open." },
      { "placed", { NULL }, { NULL }, CASE_STUDENT_PLACED,
        "The student is already placed." },
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (cases) <= G_N_ELEMENTS (students));

    fixture_open (&fx);
    add_basics (&fx);
    base_student = add_student (&fx, "BASE", NULL);
    base_offer = add_offer (&fx, "Base", NULL);

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *number = g_strdup_printf ("C%02u", i);

        students[i] = add_student (&fx, number, cases[i].student);
        offers[i] = add_offer (&fx, cases[i].name, cases[i].offer);

        if (cases[i].setup == CASE_OFFER_FULL)
          {
            g_autofree char *other_number = g_strdup_printf ("C%02u-OTHER", i);
            SmStudent *other = add_student (&fx, other_number, (const char *[]) { "programme", "25655", NULL });
            add_placement (&fx, other, offers[i], "confirmed", FALSE);
          }
        else if (cases[i].setup == CASE_STUDENT_PLACED)
          {
            SmOffer *elsewhere = add_offer (&fx, "Elsewhere", (const char *[]) { "programmes", "25655", NULL });
            add_placement (&fx, students[i], elsewhere, "proposed", TRUE);
          }
      }

    matcher = new_matcher (fx.store);

    /* Without the change each case makes, the pair fits. */
    {
      gboolean feasible;
      g_autofree char *text = explain (matcher, base_student, base_offer, &feasible, NULL);
      g_assert_true (feasible);
    }

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(SmMatchExplanation) explanation = { 0 };

        g_test_message ("Case %s", cases[i].name);
        sm_matcher_explain (matcher, students[i], offers[i], &explanation);
        g_assert_false (explanation.feasible);
        g_assert_cmpuint (explanation.reasons->len, ==, 1);
        g_assert_cmpstr (explanation.reasons->pdata[0], ==, cases[i].reason);
        g_assert_cmpint (candidate_score (matcher, students[i], offers[i]), ==, -1);
      }
  }
}

static void
test_rules_several (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(SmMatcher) matcher = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  int distance_m = expected_distance_m (52.08, 4.31, 51.92, 4.47);
  gboolean feasible;
  SmStudent *student;
  SmOffer *offer;

  fixture_open (&fx);
  add_basics (&fx);
  student = add_student (&fx, "S1", (const char *[]) {
    "level", "mbo-2", "hours_per_week", "24", "postcode", "2511 AB", "certificates", "VCA", NULL });
  offer = add_offer (&fx, "Everything wrong", (const char *[]) {
    "status", "draft", "hours_per_week", "36", "requires_driving_licence", "yes", "requires_vog", "yes",
    "requirements", "BHV", NULL });

  matcher = new_matcher (fx.store);
  text = explain (matcher, student, offer, &feasible, NULL);
  expected = g_strdup_printf ("The offer is not open.\n"
                              "The offer does not accept mbo level 2.\n"
                              "The offer asks 36 hours a week; the student is available for 24.\n"
                              "The offer is %d km away; the student travels at most 10 km.\n"
                              "The offer needs a driving licence.\n"
                              "The offer needs a certificate of conduct (VOG).\n"
                              "The offer asks for BHV, which the student does not have.",
                              (distance_m + 500) / 1000);
  g_assert_false (feasible);
  g_assert_cmpstr (text, ==, expected);
}

/* The points sm_matcher_score_pair() gives, recomputed from the rules */
static guint
distance_points (guint weight,
                 int   distance_m,
                 int   max_km)
{
  gint64 max_m = (gint64) MAX (1, max_km) * 1000;

  return (guint) (weight * MAX (0, max_m - distance_m) / max_m);
}

static guint
preference_points (guint weight,
                   guint rank)
{
  return rank >= 1 && rank <= 5 ? weight * (6 - rank) / 5 : 0;
}

static void
test_rules_unknown_distance (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(SmMatcher) matcher = NULL;
  SmMatchWeights w;
  SmStudent *unknown, *no_postcode, *base;
  SmOffer *offer, *nowhere;
  g_autofree char *expected = NULL;
  guint expected_score;

  sm_match_weights_init_default (&w);
  fixture_open (&fx);
  add_basics (&fx);
  /* 9999 is not in the table; 1 km would exclude the offer if the
   * distance were taken as anything. */
  unknown = add_student (&fx, "S1", (const char *[]) { "postcode", "9999 ZZ", "max_travel_km", "1", NULL });
  no_postcode = add_student (&fx, "S2", (const char *[]) { "postcode", NULL, "max_travel_km", "1", NULL });
  base = add_student (&fx, "S3", NULL);
  offer = add_offer (&fx, "Base", NULL);
  nowhere = add_offer (&fx, "No postcode", (const char *[]) { "postcode", NULL, NULL });
  matcher = new_matcher (fx.store);

  expected_score = w.weight[SM_MATCH_COMPONENT_PROGRAMME] + w.weight[SM_MATCH_COMPONENT_SECTOR] +
                   w.weight[SM_MATCH_COMPONENT_SKILLS] * 1 / 2;
  g_assert_cmpuint (expected_score, ==, 525);
  expected = g_strdup_printf ("Programme: crebo 25604 listed (+%u) · Sector interest: ICT and media (+%u) · "
                              "Distance unknown (+0) · Skills: 1 of 2 (+%u) · Student’s choice: not ranked (+0)",
                              w.weight[SM_MATCH_COMPONENT_PROGRAMME], w.weight[SM_MATCH_COMPONENT_SECTOR],
                              w.weight[SM_MATCH_COMPONENT_SKILLS] / 2);

  assert_feasible (matcher, unknown, offer, expected, expected_score);
  assert_feasible (matcher, no_postcode, offer, expected, expected_score);
  assert_feasible (matcher, base, nowhere, expected, expected_score);
  g_assert_cmpint (candidate_score (matcher, unknown, offer), ==, (int) expected_score);
  g_assert_cmpint (candidate_score (matcher, no_postcode, offer), ==, (int) expected_score);
  g_assert_cmpint (candidate_score (matcher, base, nowhere), ==, (int) expected_score);

  {
    g_auto(SmMatchExplanation) explanation = { 0 };

    sm_matcher_explain (matcher, unknown, offer, &explanation);
    g_assert_cmpint (explanation.distance_m, ==, -1);
    g_assert_cmpuint (explanation.points[SM_MATCH_COMPONENT_DISTANCE], ==, 0);
  }
}

static void
test_rules_explanation (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(SmMatcher) matcher = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_other = NULL;
  g_autofree char *expected_vmbo = NULL;
  SmMatchWeights w;
  SmStudent *student, *other, *vmbo;
  SmOffer *offer, *sector_only, *vmbo_offer;
  int near_m = expected_distance_m (51.92, 4.48, 51.92, 4.47);
  guint points[SM_MATCH_N_COMPONENTS];
  guint score = 0;

  sm_match_weights_init_default (&w);
  fixture_open (&fx);
  add_basics (&fx);
  student = add_student (&fx, "S1", NULL);
  offer = add_offer (&fx, "Base", NULL);
  add_preference (&fx, student, offer, SM_PREFERENCE_SIDE_STUDENT, 1);

  /* 3011 to 3012: 686 m of the 10 km the student travels. */
  points[SM_MATCH_COMPONENT_PROGRAMME] = w.weight[SM_MATCH_COMPONENT_PROGRAMME];
  points[SM_MATCH_COMPONENT_SECTOR] = w.weight[SM_MATCH_COMPONENT_SECTOR];
  points[SM_MATCH_COMPONENT_DISTANCE] = distance_points (w.weight[SM_MATCH_COMPONENT_DISTANCE], near_m, 10);
  points[SM_MATCH_COMPONENT_SKILLS] = w.weight[SM_MATCH_COMPONENT_SKILLS] * 1 / 2;
  points[SM_MATCH_COMPONENT_PREFERENCE] = preference_points (w.weight[SM_MATCH_COMPONENT_PREFERENCE], 1);
  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    score += points[i];
  g_assert_cmpint (near_m, ==, 686);
  g_assert_cmpuint (points[SM_MATCH_COMPONENT_DISTANCE], ==, 186);
  g_assert_cmpuint (score, ==, 911);
  expected = g_strdup_printf ("Programme: crebo 25604 listed (+%u) · Sector interest: ICT and media (+%u) · "
                              "Distance %d km (+%u) · Skills: 1 of 2 (+%u) · Student’s choice no. 1 (+%u)",
                              points[0], points[1], (near_m + 500) / 1000, points[2], points[3], points[4]);

  /* A sector-only offer in the student's own area, no skills asked,
   * ranked third by a student who named another sector. */
  other = add_student (&fx, "S2", (const char *[]) { "sector_interests", "care", NULL });
  sector_only = add_offer (&fx, "Sector only", (const char *[]) {
    "programmes", NULL, "postcode", "3011 XY", "skills", NULL, NULL });
  add_preference (&fx, other, sector_only, SM_PREFERENCE_SIDE_STUDENT, 3);
  expected_other = g_strdup_printf ("Programme: sector ICT and media fits (+%u) · "
                                    "Sector interest: ICT and media not named (+0) · Distance 0 km (+%u) · "
                                    "Skills: none asked (+0) · Student’s choice no. 3 (+%u)",
                                    w.weight[SM_MATCH_COMPONENT_PROGRAMME] / 2,
                                    w.weight[SM_MATCH_COMPONENT_DISTANCE],
                                    preference_points (w.weight[SM_MATCH_COMPONENT_PREFERENCE], 3));

  /* A vmbo profile is a programme too. */
  vmbo = add_student (&fx, "S3", (const char *[]) {
    "level", "vmbo-kb", "pathway", "none", "programme", "zorg-en-welzijn", "sector_interests", "care",
    "skills", "Git", NULL });
  vmbo_offer = add_offer (&fx, "Zorg", (const char *[]) {
    "levels", "vmbo-kb", "programmes", "zorg-en-welzijn", "sector", "care", NULL });
  expected_vmbo = g_strdup_printf ("Programme: zorg-en-welzijn listed (+%u) · Sector interest: Care and welfare (+%u) · "
                                   "Distance %d km (+%u) · Skills: 1 of 2 (+%u) · Student’s choice: not ranked (+0)",
                                   points[0], points[1], (near_m + 500) / 1000, points[2], points[3]);

  matcher = new_matcher (fx.store);
  assert_feasible (matcher, student, offer, expected, score);
  g_assert_cmpstr (expected, ==, "Programme: crebo 25604 listed (+300) · Sector interest: ICT and media (+150) · "
                                 "Distance 1 km (+186) · Skills: 1 of 2 (+75) · Student’s choice no. 1 (+200)");
  assert_feasible (matcher, other, sector_only, expected_other, 150 + 200 + 120);
  assert_feasible (matcher, vmbo, vmbo_offer, expected_vmbo, points[0] + points[1] + points[2] + points[3]);

  {
    g_autoptr(GArray) candidates = sm_matcher_list_candidates (matcher, student);
    g_auto(SmMatchExplanation) explanation = { 0 };

    /* The student fits both ICT offers; the ranked one comes first. */
    g_assert_cmpuint (candidates->len, ==, 2);
    g_assert_true (g_array_index (candidates, SmMatchPlacement, 0).offer == offer);
    g_assert_cmpuint (g_array_index (candidates, SmMatchPlacement, 0).score, ==, score);
    g_assert_true (g_array_index (candidates, SmMatchPlacement, 0).student == student);

    sm_matcher_explain (matcher, student, offer, &explanation);
    g_assert_cmpmem (explanation.points, sizeof explanation.points, points, sizeof points);
    g_assert_cmpint (explanation.distance_m, ==, near_m);
    g_assert_cmpuint (explanation.reasons->len, ==, 0);
  }
}

static void
test_rules_weights (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(SmMatcher) with_defaults = NULL;
  g_autoptr(SmMatcher) with_weights = NULL;
  g_autoptr(SmMatcher) with_stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  int near_m = expected_distance_m (51.92, 4.48, 51.92, 4.47);
  SmMatchWeights w;
  SmStudent *student;
  SmOffer *offer;
  guint distance, score;

  fixture_open (&fx);
  add_basics (&fx);
  student = add_student (&fx, "S1", NULL);
  offer = add_offer (&fx, "Base", NULL);
  add_preference (&fx, student, offer, SM_PREFERENCE_SIDE_STUDENT, 2);

  sm_match_weights_init_default (&w);
  g_assert_true (sm_match_weights_parse (&w, "programme=100, distance=400", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_PROGRAMME], ==, 100);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_SECTOR], ==, 150);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_DISTANCE], ==, 400);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_SKILLS], ==, 150);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_PREFERENCE], ==, 200);

  distance = distance_points (400, near_m, 10);
  g_assert_cmpuint (distance, ==, 372);
  score = 100 + 150 + distance + 75 + preference_points (200, 2);
  expected = g_strdup_printf ("Programme: crebo 25604 listed (+100) · Sector interest: ICT and media (+150) · "
                              "Distance 1 km (+%u) · Skills: 1 of 2 (+75) · Student’s choice no. 2 (+160)",
                              distance);

  with_defaults = new_matcher (fx.store);
  assert_feasible (with_defaults, student, offer,
                   "Programme: crebo 25604 listed (+300) · Sector interest: ICT and media (+150) · "
                   "Distance 1 km (+186) · Skills: 1 of 2 (+75) · Student’s choice no. 2 (+160)",
                   300 + 150 + 186 + 75 + 160);

  with_weights = sm_matcher_new_with_weights (fx.store, &w, &error);
  g_assert_no_error (error);
  assert_feasible (with_weights, student, offer, expected, score);
  g_assert_cmpint (candidate_score (with_weights, student, offer), ==, (int) score);

  /* Stored weights are what sm_matcher_new() scores with. */
  g_assert_true (sm_match_weights_save (&w, fx.store, &error));
  g_assert_no_error (error);
  with_stored = new_matcher (fx.store);
  assert_feasible (with_stored, student, offer, expected, score);

  /* Weights that are not valid make no matcher. */
  {
    SmMatchWeights bad = { { 300, 150, 200, 150, 201 } };
    g_autoptr(SmMatcher) refused = sm_matcher_new_with_weights (fx.store, &bad, &error);

    g_assert_null (refused);
    g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  }
}

static void
test_weights_validate (void)
{
  g_autoptr(GError) error = NULL;
  SmMatchWeights w, before;
  guint total = 0;

  sm_match_weights_init_default (&w);
  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    total += w.weight[i];
  g_assert_cmpuint (total, ==, 1000);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_PROGRAMME], ==, 300);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_SECTOR], ==, 150);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_DISTANCE], ==, 200);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_SKILLS], ==, 150);
  g_assert_cmpuint (w.weight[SM_MATCH_COMPONENT_PREFERENCE], ==, 200);
  g_assert_true (sm_match_weights_validate (&w, &error));
  g_assert_no_error (error);

  w.weight[SM_MATCH_COMPONENT_PREFERENCE] = 201;
  g_assert_false (sm_match_weights_validate (&w, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Weights: together they are 1001; they may add up to at most 1000");
  g_clear_error (&error);

  w = (SmMatchWeights) { { 1001, 0, 0, 0, 0 } };
  g_assert_false (sm_match_weights_validate (&w, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Weight of Programme: 1001 is more than 1000");
  g_clear_error (&error);

  w = (SmMatchWeights) { { 0, 0, 1000, 0, 0 } };
  g_assert_true (sm_match_weights_validate (&w, &error));
  g_assert_no_error (error);

  /* A refused text leaves the weights as they were. */
  sm_match_weights_init_default (&w);
  before = w;
  g_assert_false (sm_match_weights_parse (&w, "programme=1001", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sm_match_weights_parse (&w, "skills=151", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sm_match_weights_parse (&w, "colour=10", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sm_match_weights_parse (&w, "programme", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpmem (&w, sizeof w, &before, sizeof before);
}

static void
test_weights_store (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SmMatchWeights w, loaded, defaults;

  fixture_open (&fx);
  sm_match_weights_init_default (&defaults);

  /* Nothing stored: the defaults. */
  memset (&loaded, 0xff, sizeof loaded);
  g_assert_true (sm_match_weights_load (&loaded, fx.store, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&loaded, sizeof loaded, &defaults, sizeof defaults);

  w = (SmMatchWeights) { { 250, 100, 300, 150, 200 } };
  g_assert_true (sm_match_weights_save (&w, fx.store, &error));
  g_assert_no_error (error);

  /* Invalid weights are not stored. */
  {
    SmMatchWeights bad = { { 500, 500, 1, 0, 0 } };
    g_assert_false (sm_match_weights_save (&bad, fx.store, &error));
    g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Read back from the file by a new store. */
  g_clear_object (&fx.sqlite);
  fx.sqlite = sm_test_open_store (fx.path);
  fx.store = SM_STORE (fx.sqlite);
  memset (&loaded, 0, sizeof loaded);
  g_assert_true (sm_match_weights_load (&loaded, fx.store, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&loaded, sizeof loaded, &w, sizeof w);
  text = sm_match_weights_to_string (&loaded);
  g_assert_cmpstr (text, ==, "programme=250,sector=100,distance=300,skills=150,preference=200");
}

/* Demo helpers */

static SmRecord **
list_items (SmStore *store,
            GType    type,
            guint   *n_items)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = sm_store_list (store, type, &error);
  SmRecord **items;
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (model);
  items = g_new (SmRecord *, MAX (n, 1));
  /* The list keeps a reference of its own. */
  for (guint i = 0; i < n; i++)
    {
      items[i] = g_list_model_get_item (model, i);
      g_object_unref (items[i]);
    }
  *n_items = n;
  return items;
}

/* Placements that matching must keep: locked, or confirmed and beyond */
static gboolean
placement_is_kept (SmPlacement *placement)
{
  SmPlacementStatus status = sm_placement_get_status (placement);

  if (status == SM_PLACEMENT_STATUS_CANCELLED)
    return FALSE;
  return status != SM_PLACEMENT_STATUS_PROPOSED || sm_record_get_int (SM_RECORD (placement), SM_PLACEMENT_FIELD_LOCKED);
}

/* Offers the matcher takes in an order of their content; this test
 * names an offer the same way, by its company's KvK number and every
 * other field. */
static char *
offer_key (SmStore *store,
           SmOffer *offer)
{
  SmRecord *company = sm_store_lookup (store, SM_TYPE_COMPANY, sm_offer_get_company_id (offer));
  g_autoptr(GString) key = NULL;

  g_assert_nonnull (company);
  key = g_string_new (sm_company_get_kvk_number (SM_COMPANY (company)));
  for (guint i = 0; i < SM_OFFER_N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (i == SM_OFFER_FIELD_COMPANY_ID)
        continue;
      text = sm_record_dup_text (SM_RECORD (offer), i);
      g_string_append_printf (key, "|%s", text != NULL ? text : "");
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Student number → "offer key <tab> score", or "-" when not placed */
static GHashTable *
describe_result (SmStore *store,
                 GArray  *placements)
{
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);
      char *value;

      if (placement->offer != NULL)
        {
          g_autofree char *key = offer_key (store, placement->offer);
          value = g_strdup_printf ("%s\t%u", key, placement->score);
        }
      else
        value = g_strdup ("-");
      g_assert_true (g_hash_table_insert (result, g_strdup (sm_student_get_student_number (placement->student)), value));
    }
  return result;
}

static void
assert_same_table (GHashTable *a,
                   GHashTable *b,
                   const char *what)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *other = g_hash_table_lookup (b, key);

      if (g_strcmp0 (value, other) != 0)
        {
          g_auto(GStrv) lines_a = g_strsplit (value, "\n", -1);
          g_auto(GStrv) lines_b = g_strsplit (other != NULL ? other : "(missing)", "\n", -1);
          guint i = 0;

          /* Name the first line that differs, not the whole text. */
          while (lines_a[i] != NULL && lines_b[i] != NULL && strcmp (lines_a[i], lines_b[i]) == 0)
            i++;
          /* Fails the test but lets the others run. */
          g_test_fail_printf ("%s of %s differ at line %u:\n  %s\nand\n  %s", what, (const char *) key, i + 1,
                              lines_a[i] != NULL ? lines_a[i] : "(end)", lines_b[i] != NULL ? lines_b[i] : "(end)");
          return;
        }
    }
}

/* A student's candidates, best first, each with its offer, score and
 * explanation. */
static char *
describe_candidates (SmMatcher *matcher,
                     SmStore   *store,
                     SmStudent *student)
{
  g_autoptr(GArray) candidates = sm_matcher_list_candidates (matcher, student);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      const SmMatchPlacement *candidate = &g_array_index (candidates, SmMatchPlacement, i);
      g_autofree char *key = offer_key (store, candidate->offer);
      g_autofree char *text = NULL;
      gboolean feasible;
      guint score;

      text = explain (matcher, student, candidate->offer, &feasible, &score);
      g_assert_true (feasible);
      g_assert_cmpuint (score, ==, candidate->score);
      g_string_append_printf (out, "%s\t%u\t%s\n", key, candidate->score, text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Student number → candidates with explanations */
static GHashTable *
describe_all_candidates (SmMatcher *matcher,
                         SmStore   *store)
{
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_students;
  g_autofree SmRecord **students = list_items (store, SM_TYPE_STUDENT, &n_students);

  for (guint s = 0; s < n_students; s++)
    g_hash_table_insert (result, g_strdup (sm_student_get_student_number (SM_STUDENT (students[s]))),
                         describe_candidates (matcher, store, SM_STUDENT (students[s])));
  return result;
}

typedef struct
{
  char    *key;
  SmOffer *offer;
} KeyedOffer;

static int
compare_keyed_offers (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (((const KeyedOffer *) a)->key, ((const KeyedOffer *) b)->key);
}

/* Student number → the explanation of the pair with every @stride-th
 * offer, feasible or not. Offers are chosen and ordered by content, so
 * that two stores with the same data give the same text. */
static GHashTable *
describe_pairs (SmMatcher *matcher,
                SmStore   *store,
                guint      stride)
{
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_students, n_offers, n_chosen = 0;
  g_autofree SmRecord **students = list_items (store, SM_TYPE_STUDENT, &n_students);
  g_autofree SmRecord **offers = list_items (store, SM_TYPE_OFFER, &n_offers);
  g_autofree KeyedOffer *chosen = g_new0 (KeyedOffer, MAX (n_offers, 1));

  for (guint o = 0; o < n_offers; o++)
    {
      char *key = offer_key (store, SM_OFFER (offers[o]));

      if (g_str_hash (key) % stride != 0)
        {
          g_free (key);
          continue;
        }
      chosen[n_chosen++] = (KeyedOffer) { key, SM_OFFER (offers[o]) };
    }
  qsort (chosen, n_chosen, sizeof (KeyedOffer), compare_keyed_offers);

  for (guint s = 0; s < n_students; s++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      SmStudent *student = SM_STUDENT (students[s]);

      for (guint o = 0; o < n_chosen; o++)
        {
          g_autofree char *text = NULL;
          gboolean feasible;
          guint score;

          text = explain (matcher, student, chosen[o].offer, &feasible, &score);
          g_string_append_printf (out, "%s\t%d\t%u\t%s\n", chosen[o].key, feasible, score, text);
        }
      g_hash_table_insert (result, g_strdup (sm_student_get_student_number (student)),
                           g_string_free (g_steal_pointer (&out), FALSE));
    }

  for (guint o = 0; o < n_chosen; o++)
    g_free (chosen[o].key);
  return result;
}

/* Rankings for about a quarter of the students who have none yet (up to
 * three of their candidates, now and then also an offer that does not
 * fit them) and a quarter of the offers (up to three students who fit),
 * so that the preference component and the stable mode's rankings are
 * exercised. */
static void
add_random_preferences (SmStore *store,
                        guint32  seed)
{
  g_autoptr(SmMatcher) matcher = new_matcher (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GHashTable) offer_index = g_hash_table_new (NULL, NULL);
  guint n_students, n_offers;
  g_autofree SmRecord **students = list_items (store, SM_TYPE_STUDENT, &n_students);
  g_autofree SmRecord **offers = list_items (store, SM_TYPE_OFFER, &n_offers);
  g_autofree GArray **fitting = g_new0 (GArray *, MAX (n_offers, 1));
  guint n_added = 0;

  guint n_existing;
  g_autofree SmRecord **existing = list_items (store, SM_TYPE_PREFERENCE, &n_existing);
  g_autoptr(GHashTable) ranking = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) ranked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *existing_ids = g_new (gint64, MAX (n_existing, 1) * 2);

  /* Students who ranked already (the demo makes some rankings) and the
   * students that offers ranked keep their rankings. */
  for (guint i = 0; i < n_existing; i++)
    {
      SmPreference *preference = SM_PREFERENCE (existing[i]);

      existing_ids[2 * i] = sm_preference_get_student_id (preference);
      existing_ids[2 * i + 1] = sm_preference_get_offer_id (preference);
      if (sm_preference_get_side (preference) == SM_PREFERENCE_SIDE_STUDENT)
        g_hash_table_add (ranking, &existing_ids[2 * i]);
      else
        g_hash_table_add (ranked, &existing_ids[2 * i + 1]);
    }

  for (guint o = 0; o < n_offers; o++)
    g_hash_table_insert (offer_index, offers[o], GUINT_TO_POINTER (o + 1));

  for (guint s = 0; s < n_students; s++)
    {
      g_autoptr(GArray) candidates = sm_matcher_list_candidates (matcher, SM_STUDENT (students[s]));
      gint64 student_id = sm_record_get_id (students[s]);
      guint k;

      for (guint i = 0; i < candidates->len; i++)
        {
          guint o = GPOINTER_TO_UINT (g_hash_table_lookup (offer_index, g_array_index (candidates, SmMatchPlacement, i).offer)) - 1;

          if (fitting[o] == NULL)
            fitting[o] = g_array_new (FALSE, FALSE, sizeof (guint));
          if (fitting[o]->len > 0 && g_array_index (fitting[o], guint, fitting[o]->len - 1) == s)
            g_error ("Student %s has offer %" G_GINT64_FORMAT " twice among the candidates",
                     sm_student_get_student_number (SM_STUDENT (students[s])), sm_record_get_id (offers[o]));
          g_array_append_val (fitting[o], s);
        }

      if (candidates->len == 0 || g_rand_int_range (rand, 0, 4) != 0 ||
          g_hash_table_contains (ranking, &student_id))
        continue;

      k = MIN (3, candidates->len);
      for (guint j = 0; j < k; j++)
        {
          guint r = (guint) g_rand_int_range (rand, (gint32) j, (gint32) candidates->len);
          SmMatchPlacement swap = g_array_index (candidates, SmMatchPlacement, j);
          g_autoptr(SmPreference) preference = NULL;

          g_array_index (candidates, SmMatchPlacement, j) = g_array_index (candidates, SmMatchPlacement, r);
          g_array_index (candidates, SmMatchPlacement, r) = swap;
          preference = sm_preference_new (student_id,
                                          sm_record_get_id (SM_RECORD (g_array_index (candidates, SmMatchPlacement, j).offer)),
                                          SM_PREFERENCE_SIDE_STUDENT, j + 1);
          sm_change_set_save (changes, SM_RECORD (preference));
          n_added++;
        }

      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          SmRecord *offer = offers[g_rand_int_range (rand, 0, (gint32) n_offers)];
          gboolean fits = FALSE;

          for (guint i = 0; i < candidates->len; i++)
            fits |= SM_RECORD (g_array_index (candidates, SmMatchPlacement, i).offer) == offer;
          if (!fits)
            {
              g_autoptr(SmPreference) preference = sm_preference_new (student_id, sm_record_get_id (offer),
                                                                      SM_PREFERENCE_SIDE_STUDENT, k + 1);
              sm_change_set_save (changes, SM_RECORD (preference));
              n_added++;
            }
        }
    }

  for (guint o = 0; o < n_offers; o++)
    {
      GArray *list = fitting[o];

      gint64 offer_id = sm_record_get_id (offers[o]);

      if (list != NULL && list->len >= 2 && g_rand_int_range (rand, 0, 4) == 0 &&
          !g_hash_table_contains (ranked, &offer_id))
        {
          for (guint j = 0; j < MIN (3, list->len); j++)
            {
              guint r = (guint) g_rand_int_range (rand, (gint32) j, (gint32) list->len);
              guint swap = g_array_index (list, guint, j);
              g_autoptr(SmPreference) preference = NULL;

              g_array_index (list, guint, j) = g_array_index (list, guint, r);
              g_array_index (list, guint, r) = swap;
              preference = sm_preference_new (sm_record_get_id (students[g_array_index (list, guint, j)]),
                                              sm_record_get_id (offers[o]), SM_PREFERENCE_SIDE_OFFER, j + 1);
              sm_change_set_save (changes, SM_RECORD (preference));
              n_added++;
            }
        }
      g_clear_pointer (&fitting[o], g_array_unref);
    }

  g_assert_cmpuint (n_added, >, 100);
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < sm_change_set_get_n_changes (changes); i++)
      {
        SmPreference *p = SM_PREFERENCE (sm_change_set_get_record (changes, i));
        char *k = g_strdup_printf ("%ld %ld %d", (long) sm_preference_get_student_id (p), (long) sm_preference_get_offer_id (p), sm_preference_get_side (p));
        if (!g_hash_table_add (seen, k)) g_printerr ("DUP %s rank %u\n", k, sm_preference_get_rank (p));
      }
  }
  apply_changes (store, changes);
}

/* 2. Candidate generation equals brute force */

static void
check_candidates_by_brute_force (SmStore *store)
{
  g_autoptr(SmMatcher) matcher = new_matcher (store);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  guint n_students, n_offers;
  g_autofree SmRecord **students = list_items (store, SM_TYPE_STUDENT, &n_students);
  g_autofree SmRecord **offers = list_items (store, SM_TYPE_OFFER, &n_offers);
  guint64 n_listed = 0, n_feasible = 0;

  g_assert_cmpuint (sm_matcher_get_n_students (matcher), ==, n_students);
  g_assert_cmpuint (sm_matcher_get_n_offers (matcher), ==, n_offers);

  for (guint s = 0; s < n_students; s++)
    {
      SmStudent *student = SM_STUDENT (students[s]);
      g_autoptr(GArray) candidates = sm_matcher_list_candidates (matcher, student);

      g_hash_table_remove_all (listed);
      for (guint i = 0; i < candidates->len; i++)
        {
          const SmMatchPlacement *candidate = &g_array_index (candidates, SmMatchPlacement, i);

          g_assert_true (candidate->student == student);
          g_assert_nonnull (candidate->offer);
          g_assert_cmpuint (candidate->score, <=, 1000);
          if (i > 0)
            g_assert_cmpuint (g_array_index (candidates, SmMatchPlacement, i - 1).score, >=, candidate->score);
          g_assert_false (g_hash_table_contains (listed, candidate->offer));
          g_hash_table_insert (listed, candidate->offer, GUINT_TO_POINTER (candidate->score + 1));
        }
      n_listed += candidates->len;

      for (guint o = 0; o < n_offers; o++)
        {
          g_auto(SmMatchExplanation) explanation = { 0 };
          guint found;

          sm_matcher_explain (matcher, student, SM_OFFER (offers[o]), &explanation);
          found = GPOINTER_TO_UINT (g_hash_table_lookup (listed, offers[o]));
          if (explanation.feasible != (found != 0) || (found != 0 && explanation.score != found - 1))
            {
              g_autofree char *text = sm_match_explanation_format (&explanation);
              g_error ("Student %s and offer %" G_GINT64_FORMAT ": explained as %s with score %u (%s); "
                       "among the candidates %s with score %d",
                       sm_student_get_student_number (student), sm_record_get_id (offers[o]),
                       explanation.feasible ? "fitting" : "not fitting", explanation.score, text,
                       found != 0 ? "listed" : "not listed", (int) found - 1);
            }
          if (explanation.feasible)
            {
              n_feasible++;
              g_assert_cmpuint (explanation.reasons->len, ==, 0);
              g_assert_cmpuint (explanation.parts->len, ==, SM_MATCH_N_COMPONENTS);
            }
          else
            g_assert_cmpuint (explanation.reasons->len, >, 0);
        }
    }

  g_test_message ("%" G_GUINT64_FORMAT " feasible pairs of %u", n_feasible, n_students * n_offers);
  g_assert_cmpuint (n_feasible, ==, n_listed);
  g_assert_cmpuint (sm_matcher_get_n_candidates (matcher), ==, n_listed);
  /* Enough pairs for the comparison to mean something. */
  g_assert_cmpuint (n_listed, >, n_students);
}

static void
test_candidates_brute_force (void)
{
  static const guint64 seeds[] = { 1, 2, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_auto(Fixture) fx = { 0 };

      fixture_open_demo (&fx, seeds[i]);
      /* Rankings change scores; the second seed also has other weights. */
      add_random_preferences (fx.store, (guint32) seeds[i]);
      if (i == 1)
        {
          g_autoptr(GError) error = NULL;
          SmMatchWeights w = { { 100, 250, 400, 50, 200 } };

          g_assert_true (sm_match_weights_save (&w, fx.store, &error));
          g_assert_no_error (error);
        }
      check_candidates_by_brute_force (fx.store);
    }
}

/* 3. The optimal mode against a max-flow and an optimality check */

/* The candidate graph of the students that matching places, with the
 * free places of the offers, and an assignment on it. */
typedef struct
{
  guint    n_students;
  guint    n_offers;
  GArray  *start;     /* guint, n_students + 1 */
  GArray  *offer;     /* guint, per edge */
  GArray  *score;     /* guint, per edge */
  int     *capacity;  /* by offer */
  int     *assigned;  /* by student: an offer or -1 */
  GArray **holders;   /* by offer: the students assigned */
  guint   *seen;      /* by offer: the search that visited it last */
  guint    stamp;
} Flow;

static void
flow_clear (Flow *flow)
{
  g_clear_pointer (&flow->start, g_array_unref);
  g_clear_pointer (&flow->offer, g_array_unref);
  g_clear_pointer (&flow->score, g_array_unref);
  g_clear_pointer (&flow->capacity, g_free);
  g_clear_pointer (&flow->assigned, g_free);
  for (guint o = 0; flow->holders != NULL && o < flow->n_offers; o++)
    g_array_unref (flow->holders[o]);
  g_clear_pointer (&flow->holders, g_free);
  g_clear_pointer (&flow->seen, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Flow, flow_clear)

#define EDGE_BEGIN(flow, s) g_array_index ((flow)->start, guint, (s))
#define EDGE_END(flow, s) g_array_index ((flow)->start, guint, (s) + 1)
#define EDGE_OFFER(flow, e) g_array_index ((flow)->offer, guint, (e))
#define EDGE_SCORE(flow, e) g_array_index ((flow)->score, guint, (e))

static void
flow_reset (Flow *flow)
{
  for (guint s = 0; s < flow->n_students; s++)
    flow->assigned[s] = -1;
  for (guint o = 0; o < flow->n_offers; o++)
    g_array_set_size (flow->holders[o], 0);
}

static void
flow_assign (Flow *flow,
             guint s,
             guint o)
{
  g_assert_cmpint (flow->assigned[s], ==, -1);
  flow->assigned[s] = (int) o;
  g_array_append_val (flow->holders[o], s);
}

/* Kuhn's augmenting path from student @s: a free place, or a student
 * who can move on to make room. Visiting each offer once per search is
 * enough, since a student is reached only through their own offer. */
static gboolean
flow_augment (Flow  *flow,
              guint  s)
{
  for (guint e = EDGE_BEGIN (flow, s); e < EDGE_END (flow, s); e++)
    {
      guint o = EDGE_OFFER (flow, e);
      GArray *holders = flow->holders[o];

      if (flow->seen[o] == flow->stamp)
        continue;
      flow->seen[o] = flow->stamp;
      if ((int) holders->len < flow->capacity[o])
        {
          g_array_append_val (holders, s);
          flow->assigned[s] = (int) o;
          return TRUE;
        }
      for (guint k = 0; k < holders->len; k++)
        {
          guint t = g_array_index (holders, guint, k);

          flow->assigned[t] = -1;
          if (flow_augment (flow, t))
            {
              g_array_index (holders, guint, k) = s;
              flow->assigned[s] = (int) o;
              return TRUE;
            }
          flow->assigned[t] = (int) o;
        }
    }
  return FALSE;
}

static void
flow_maximise (Flow *flow)
{
  for (guint s = 0; s < flow->n_students; s++)
    if (flow->assigned[s] < 0)
      {
        flow->stamp++;
        flow_augment (flow, s);
      }
}

static guint
flow_count (Flow   *flow,
            gint64 *total)
{
  guint n = 0;

  *total = 0;
  for (guint s = 0; s < flow->n_students; s++)
    for (guint e = EDGE_BEGIN (flow, s); e < EDGE_END (flow, s); e++)
      if (flow->assigned[s] == (int) EDGE_OFFER (flow, e))
        {
          n++;
          *total += EDGE_SCORE (flow, e);
        }
  return n;
}

static int
compare_edges_by_score (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  Flow *flow = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (EDGE_SCORE (flow, x) != EDGE_SCORE (flow, y))
    return EDGE_SCORE (flow, x) > EDGE_SCORE (flow, y) ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* Best pair first, while student and place are free */
static void
flow_greedy (Flow *flow)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), flow->offer->len);
  g_autofree guint *edge_student = g_new (guint, MAX (flow->offer->len, 1));

  for (guint s = 0; s < flow->n_students; s++)
    for (guint e = EDGE_BEGIN (flow, s); e < EDGE_END (flow, s); e++)
      {
        edge_student[e] = s;
        g_array_append_val (order, e);
      }
  g_array_sort_with_data (order, compare_edges_by_score, flow);

  flow_reset (flow);
  for (guint i = 0; i < order->len; i++)
    {
      guint e = g_array_index (order, guint, i);
      guint s = edge_student[e], o = EDGE_OFFER (flow, e);

      if (flow->assigned[s] < 0 && (int) flow->holders[o]->len < flow->capacity[o])
        flow_assign (flow, s, o);
    }
}

typedef struct
{
  guint from;
  guint to;
  gint64 cost;
} Arc;

/* The assignment is a flow of the most students; it has the highest
 * total score among those if and only if its residual network, with
 * minus the score as cost, has no cycle of negative cost. Bellman-Ford
 * from every node at once finds one if there is one. */
static gboolean
flow_has_negative_cycle (Flow *flow)
{
  guint source = 0, sink = 1, first_student = 2, first_offer = 2 + flow->n_students;
  guint n_nodes = first_offer + flow->n_offers;
  g_autoptr(GArray) arcs = g_array_new (FALSE, FALSE, sizeof (Arc));
  g_autofree gint64 *distance = g_new0 (gint64, n_nodes);

  for (guint s = 0; s < flow->n_students; s++)
    {
      Arc arc = flow->assigned[s] < 0 ? (Arc) { source, first_student + s, 0 } : (Arc) { first_student + s, source, 0 };

      g_array_append_val (arcs, arc);
      for (guint e = EDGE_BEGIN (flow, s); e < EDGE_END (flow, s); e++)
        {
          guint o = EDGE_OFFER (flow, e);
          gint64 score = EDGE_SCORE (flow, e);

          if (flow->assigned[s] == (int) o)
            arc = (Arc) { first_offer + o, first_student + s, score };
          else
            arc = (Arc) { first_student + s, first_offer + o, -score };
          g_array_append_val (arcs, arc);
        }
    }
  for (guint o = 0; o < flow->n_offers; o++)
    {
      Arc arc;

      if ((int) flow->holders[o]->len < flow->capacity[o])
        {
          arc = (Arc) { first_offer + o, sink, 0 };
          g_array_append_val (arcs, arc);
        }
      if (flow->holders[o]->len > 0)
        {
          arc = (Arc) { sink, first_offer + o, 0 };
          g_array_append_val (arcs, arc);
        }
    }

  for (guint round = 0; round < n_nodes; round++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < arcs->len; i++)
        {
          const Arc *arc = &g_array_index (arcs, Arc, i);

          if (distance[arc->from] + arc->cost < distance[arc->to])
            {
              distance[arc->to] = distance[arc->from] + arc->cost;
              changed = TRUE;
            }
        }
      if (!changed)
        return FALSE;
    }
  return TRUE;
}

static void
check_optimal (SmStore *store)
{
  g_autoptr(SmMatcher) matcher = new_matcher (store);
  g_autoptr(GArray) result = run_matcher (matcher, SM_MATCH_MODE_OPTIMAL, 0);
  g_autoptr(GHashTable) offer_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) fixed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) seen_students = g_hash_table_new (NULL, NULL);
  g_auto(Flow) flow = { 0 };
  guint n_students, n_offers, n_placements;
  g_autofree SmRecord **students = list_items (store, SM_TYPE_STUDENT, &n_students);
  g_autofree SmRecord **offers = list_items (store, SM_TYPE_OFFER, &n_offers);
  g_autofree SmRecord **placements = list_items (store, SM_TYPE_PLACEMENT, &n_placements);
  g_autofree int *result_offer = NULL;
  g_autofree guint *used = NULL;
  guint n_placed = 0, n_max, n_greedy, n_augmented;
  gint64 total = 0, flow_total, greedy_total, augmented_total;

  flow.n_offers = n_offers;
  flow.capacity = g_new0 (int, MAX (n_offers, 1));
  flow.holders = g_new0 (GArray *, MAX (n_offers, 1));
  flow.seen = g_new0 (guint, MAX (n_offers, 1));
  used = g_new0 (guint, MAX (n_offers, 1));
  for (guint o = 0; o < n_offers; o++)
    {
      g_hash_table_insert (offer_index, offers[o], GUINT_TO_POINTER (o + 1));
      flow.capacity[o] = (int) sm_offer_get_places (SM_OFFER (offers[o]));
      flow.holders[o] = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  /* Places taken by kept placements, and students placed by them */
  for (guint p = 0; p < n_placements; p++)
    {
      SmPlacement *placement = SM_PLACEMENT (placements[p]);
      SmRecord *offer;

      if (!placement_is_kept (placement))
        continue;
      g_hash_table_add (fixed, g_memdup2 (&(gint64) { sm_placement_get_student_id (placement) }, sizeof (gint64)));
      offer = sm_store_lookup (store, SM_TYPE_OFFER, sm_placement_get_offer_id (placement));
      flow.capacity[GPOINTER_TO_UINT (g_hash_table_lookup (offer_index, offer)) - 1]--;
    }
  g_assert_cmpuint (sm_matcher_get_n_fixed (matcher), ==, g_hash_table_size (fixed));
  g_assert_cmpuint (g_hash_table_size (fixed), >, 0);

  /* One entry for every student matching places, and no other */
  g_assert_cmpuint (result->len, ==, n_students - g_hash_table_size (fixed));
  flow.n_students = result->len;
  flow.start = g_array_new (FALSE, FALSE, sizeof (guint));
  flow.offer = g_array_new (FALSE, FALSE, sizeof (guint));
  flow.score = g_array_new (FALSE, FALSE, sizeof (guint));
  flow.assigned = g_new (int, MAX (result->len, 1));
  result_offer = g_new (int, MAX (result->len, 1));

  for (guint p = 0; p < result->len; p++)
    {
      const SmMatchPlacement *placement = &g_array_index (result, SmMatchPlacement, p);
      g_autoptr(GArray) candidates = sm_matcher_list_candidates (matcher, placement->student);
      gint64 student_id = sm_record_get_id (SM_RECORD (placement->student));
      guint start = flow.offer->len;

      g_assert_false (g_hash_table_contains (fixed, &student_id));
      g_assert_true (g_hash_table_add (seen_students, placement->student));
      g_array_append_val (flow.start, start);
      for (guint i = 0; i < candidates->len; i++)
        {
          const SmMatchPlacement *candidate = &g_array_index (candidates, SmMatchPlacement, i);
          guint o = GPOINTER_TO_UINT (g_hash_table_lookup (offer_index, candidate->offer)) - 1;
          guint score = candidate->score;

          g_array_append_val (flow.offer, o);
          g_array_append_val (flow.score, score);
        }

      result_offer[p] = -1;
      if (placement->offer != NULL)
        {
          gboolean feasible;
          guint score;
          g_autofree char *text = explain (matcher, placement->student, placement->offer, &feasible, &score);

          if (!feasible)
            g_error ("Student %s was placed where they do not fit: %s",
                     sm_student_get_student_number (placement->student), text);
          g_assert_cmpuint (score, ==, placement->score);
          result_offer[p] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (offer_index, placement->offer)) - 1;
          used[result_offer[p]]++;
          n_placed++;
          total += placement->score;
        }
    }
  {
    guint end = flow.offer->len;
    g_array_append_val (flow.start, end);
  }

  for (guint o = 0; o < n_offers; o++)
    g_assert_cmpint ((int) used[o], <=, MAX (0, flow.capacity[o]));

  /* As many as a maximum matching places */
  flow_reset (&flow);
  flow_maximise (&flow);
  n_max = flow_count (&flow, &flow_total);
  g_test_message ("placed %u, maximum %u, total score %" G_GINT64_FORMAT, n_placed, n_max, total);
  g_assert_cmpuint (n_placed, ==, n_max);
  g_assert_cmpuint (n_placed, >, 100);

  /* The highest total among those: no improving cycle */
  flow_reset (&flow);
  for (guint p = 0; p < result->len; p++)
    if (result_offer[p] >= 0)
      flow_assign (&flow, p, (guint) result_offer[p]);
  g_assert_false (flow_has_negative_cycle (&flow));

  /* A greedy assignment places no more students; where it places as many
   * its total is no higher. Completed to a maximum matching, it never
   * beats the optimum. */
  flow_greedy (&flow);
  n_greedy = flow_count (&flow, &greedy_total);
  g_assert_cmpuint (n_greedy, <=, n_placed);
  if (n_greedy == n_placed)
    g_assert_cmpint (total, >=, greedy_total);
  flow_maximise (&flow);
  n_augmented = flow_count (&flow, &augmented_total);
  g_test_message ("greedy %u with %" G_GINT64_FORMAT ", completed %u with %" G_GINT64_FORMAT,
                  n_greedy, greedy_total, n_augmented, augmented_total);
  g_assert_cmpuint (n_augmented, ==, n_placed);
  g_assert_cmpint (total, >=, augmented_total);

  /* The check itself finds a better assignment where there is one: the
   * greedy one, completed, rarely is optimal. */
  if (augmented_total < total)
    g_assert_true (flow_has_negative_cycle (&flow));
}

static void
test_optimal_demo (void)
{
  static const guint64 seeds[] = { 11, 12 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_auto(Fixture) fx = { 0 };

      fixture_open_demo (&fx, seeds[i]);
      add_random_preferences (fx.store, (guint32) seeds[i]);
      check_optimal (fx.store);
    }
}

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The counts made beside the window, through a connection of their own,
 * are the matcher's own counts, which are the lengths of its lists. */
static void
test_count_async (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(SmMatcher) matcher = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *students;
  guint total = 0;

  fixture_open_demo (&fx, 21);
  matcher = sm_matcher_new (fx.store, &error);
  g_assert_no_error (error);

  sm_match_count_async (fx.store, NULL, on_counted_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  counts = sm_match_count_finish (fx.store, result, &error);
  g_assert_no_error (error);

  students = sm_store_list (fx.store, SM_TYPE_STUDENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, g_list_model_get_n_items (students));
  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(SmStudent) student = g_list_model_get_item (students, i);
      g_autoptr(GArray) listed = sm_matcher_list_candidates (matcher, student);
      gint64 id = sm_record_get_id (SM_RECORD (student));
      gpointer value = NULL;

      g_assert_true (g_hash_table_lookup_extended (counts, &id, NULL, &value));
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, listed->len);
      g_assert_cmpuint (sm_matcher_count_candidates (matcher, student), ==, listed->len);
      total += listed->len;
    }
  g_assert_cmpuint (total, ==, sm_matcher_get_n_candidates (matcher));
  g_assert_cmpuint (total, >, 0);
}

/* 4. Determinism under shuffled insertion */

/* Weights that give every pair of a kind the same score, so that ties
 * are everywhere and only the order of students and offers and the
 * lottery decide: what must not depend on entry order or on anything
 * personal. */
#define FLAT_WEIGHTS "programme=1000,sector=0,distance=0,skills=0,preference=0"

static void
store_weights (SmStore    *store,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  SmMatchWeights w;

  sm_match_weights_init_default (&w);
  if (!sm_match_weights_parse (&w, text, &error) || !sm_match_weights_save (&w, store, &error))
    g_error ("The weights “%s” were refused: %s", text, error->message);
}

static void
shuffle (GRand     *rand,
         SmRecord **items,
         guint      n)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      SmRecord *swap = items[i - 1];

      items[i - 1] = items[j];
      items[j] = swap;
    }
}

/* Copies what matching reads from @from into the empty @to, each kind of
 * record in a shuffled order, so that every id differs. */
static void
copy_shuffled (SmStore *from,
               SmStore *to,
               guint32  seed)
{
  const GType types[] = {
    SM_TYPE_PROGRAMME, SM_TYPE_STUDENT, SM_TYPE_COMPANY, SM_TYPE_OFFER, SM_TYPE_PLACEMENT, SM_TYPE_PREFERENCE,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GHashTable) copies = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) areas = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      guint n;
      g_autofree SmRecord **items = list_items (from, types[t], &n);
      guint n_fields;
      const SmField *fields = sm_record_class_get_fields (g_type_class_peek (types[t]), &n_fields);

      shuffle (rand, items, n);
      for (guint i = 0; i < n; i++)
        {
          SmRecord *copy = sm_record_dup (items[i]);

          sm_record_set_id (copy, 0);
          sm_change_set_save (changes, copy);
          for (guint f = 0; f < n_fields; f++)
            {
              gint64 id;
              SmRecord *target;

              if (fields[f].kind != SM_FIELD_REF || (id = sm_record_get_int (items[i], f)) <= 0)
                continue;
              target = sm_store_lookup (from, fields[f].get_type (), id);
              g_assert_nonnull (target);
              g_assert_true (g_hash_table_contains (copies, target));
              sm_change_set_link (changes, copy, f, g_hash_table_lookup (copies, target));
            }
          g_hash_table_insert (copies, items[i], copy);
        }
    }
  apply_changes (to, changes);

  areas = sm_store_load_postcode_areas (from, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, >, 0);
  g_assert_true (sm_store_replace_postcode_areas (to, areas, &error));
  g_assert_no_error (error);
}

static void
test_determinism_shuffled (gconstpointer data)
{
  const char *weights = data;
  g_auto(Fixture) a = { 0 };
  g_auto(Fixture) b = { 0 };
  g_autoptr(SmMatcher) matcher_a = NULL;
  g_autoptr(SmMatcher) matcher_b = NULL;
  const SmMatchMode modes[] = { SM_MATCH_MODE_OPTIMAL, SM_MATCH_MODE_STABLE };
  guint n_students, n_moved = 0;
  g_autofree SmRecord **students = NULL;

  fixture_open_demo (&a, 31);
  add_random_preferences (a.store, 31);
  fixture_open (&b);
  copy_shuffled (a.store, b.store, 4242);
  if (weights != NULL)
    {
      store_weights (a.store, weights);
      store_weights (b.store, weights);
    }

  /* The copy holds the same students under other ids. */
  students = list_items (a.store, SM_TYPE_STUDENT, &n_students);
  for (guint s = 0; s < n_students; s++)
    {
      SmRecord *other = sm_store_lookup_key (b.store, SM_TYPE_STUDENT,
                                             sm_student_get_student_number (SM_STUDENT (students[s])));
      g_assert_nonnull (other);
      n_moved += sm_record_get_id (other) != sm_record_get_id (students[s]);
    }
  g_assert_cmpuint (n_moved, >, n_students * 9 / 10);

  matcher_a = new_matcher (a.store);
  matcher_b = new_matcher (b.store);
  g_assert_cmpuint (sm_matcher_get_n_candidates (matcher_a), ==, sm_matcher_get_n_candidates (matcher_b));
  g_assert_cmpuint (sm_matcher_get_n_fixed (matcher_a), ==, sm_matcher_get_n_fixed (matcher_b));

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(GArray) result_a = run_matcher (matcher_a, modes[m], 77);
      g_autoptr(GArray) result_b = run_matcher (matcher_b, modes[m], 77);
      g_autoptr(GHashTable) table_a = describe_result (a.store, result_a);
      g_autoptr(GHashTable) table_b = describe_result (b.store, result_b);

      assert_same_table (table_a, table_b, modes[m] == SM_MATCH_MODE_OPTIMAL ? "Optimal placements" : "Stable placements");
    }

  {
    g_autoptr(GHashTable) candidates_a = describe_all_candidates (matcher_a, a.store);
    g_autoptr(GHashTable) candidates_b = describe_all_candidates (matcher_b, b.store);

    assert_same_table (candidates_a, candidates_b, "Candidates");
  }

  {
    g_autoptr(GHashTable) pairs_a = describe_pairs (matcher_a, a.store, 4);
    g_autoptr(GHashTable) pairs_b = describe_pairs (matcher_b, b.store, 4);

    assert_same_table (pairs_a, pairs_b, "Explanations of pairs");
  }
}

/* The words of a reason do not depend on the order of entry either: two
 * students spell a certificate differently and follow different
 * programmes; only which of them was entered first differs. */
static void
test_determinism_spelling (void)
{
  g_auto(Fixture) first = { 0 };
  g_auto(Fixture) second = { 0 };
  Fixture *fixtures[2] = { &first, &second };
  char *requirement[2] = { NULL, NULL };
  char *programmes[2] = { NULL, NULL };

  for (guint k = 0; k < 2; k++)
    {
      Fixture *fx = fixtures[k];
      g_autoptr(SmMatcher) matcher = NULL;
      SmStudent *lacking, *vmbo;
      SmOffer *needs_bhv, *listed;
      gboolean feasible;

      fixture_open (fx);
      add_basics (fx);
      for (guint i = 0; i < 2; i++)
        {
          if ((i + k) % 2 == 0)
            add_student (fx, "A1", (const char *[]) { "certificates", "bhv", "programme", "25655", NULL });
          else
            add_student (fx, "A2", (const char *[]) { "certificates", "Bhv", "programme", "25604", NULL });
        }
      lacking = add_student (fx, "B1", NULL);
      vmbo = add_student (fx, "B2", (const char *[]) {
        "level", "vmbo-kb", "pathway", "none", "programme", "zorg-en-welzijn", NULL });
      needs_bhv = add_offer (fx, "Needs BHV", (const char *[]) { "requirements", "BHV", NULL });
      listed = add_offer (fx, "Listed", (const char *[]) { "levels", "vmbo-kb,mbo-4", "programmes", "25655,25604", NULL });

      matcher = new_matcher (fx->store);
      requirement[k] = explain (matcher, lacking, needs_bhv, &feasible, NULL);
      g_assert_false (feasible);
      programmes[k] = explain (matcher, vmbo, listed, &feasible, NULL);
      g_assert_false (feasible);
    }

  g_test_message ("%s / %s", requirement[0], requirement[1]);
  g_test_message ("%s / %s", programmes[0], programmes[1]);
  g_assert_true (g_str_equal (programmes[0], "The offer is for 25655, 25604; the student follows zorg-en-welzijn.") ||
                 g_str_equal (programmes[0], "The offer is for 25604, 25655; the student follows zorg-en-welzijn."));
  if (g_strcmp0 (requirement[0], requirement[1]) != 0)
    g_test_fail_printf ("The reason depends on the order of entry: “%s” and “%s”", requirement[0], requirement[1]);
  if (g_strcmp0 (programmes[0], programmes[1]) != 0)
    g_test_fail_printf ("The reason depends on the order of entry: “%s” and “%s”", programmes[0], programmes[1]);

  for (guint k = 0; k < 2; k++)
    {
      g_free (requirement[k]);
      g_free (programmes[k]);
    }
}

/* 5. Fairness by construction */

/* Gives every student other names, date of birth, contact details,
 * street, town, postcode letters, motivation and accommodations, in one
 * change set. */
static void
rewrite_personal_fields (SmStore *store,
                         guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  guint n_students;
  g_autofree SmRecord **students = list_items (store, SM_TYPE_STUDENT, &n_students);

  for (guint i = 0; i < n_students; i++)
    {
      g_autoptr(SmRecord) copy = sm_record_dup (students[i]);
      const char *postcode = sm_record_get_string (copy, SM_STUDENT_FIELD_POSTCODE);
      g_autofree char *given = g_strdup_printf ("Naam%05u", n_students - i);
      g_autofree char *family = g_strdup_printf ("Achternaam%05u", (i * 7919) % n_students);
      g_autofree char *birth = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1990, 2010),
                                                g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_autofree char *email = g_strdup_printf ("leerling%u@voorbeeld.org", i);
      g_autofree char *phone = g_strdup_printf ("06-%08u", 10000000 + i);
      g_autofree char *street = g_strdup_printf ("Andere Laan %u", i + 1);
      g_autofree char *new_postcode = NULL;
      g_autofree char *motivation = g_strdup_printf ("Een heel andere motivatie, nummer %u.\nOp twee regels.", i);

      if (postcode != NULL)
        {
          char letters[3] = { 0 };

          do
            {
              letters[0] = (char) ('A' + g_rand_int_range (rand, 0, 26));
              letters[1] = (char) ('A' + g_rand_int_range (rand, 0, 26));
            }
          while (strcmp (letters, "SA") == 0 || strcmp (letters, "SD") == 0 || strcmp (letters, "SS") == 0 ||
                 strcmp (letters, postcode + 5) == 0);
          new_postcode = g_strdup_printf ("%.4s %s", postcode, letters);
        }

      set_pairs (copy, (const char *[]) {
        "given_name", given,
        "name_prefix", i % 2 ? "ter" : NULL,
        "family_name", family,
        "date_of_birth", birth,
        "email", email,
        "phone", phone,
        "street", street,
        "city", i % 3 ? "Elders" : "Nergenshuizen",
        "postcode", new_postcode,
        "motivation", motivation,
        "accommodations", i % 3 ? "Iets heel anders" : NULL,
        NULL });
      sm_change_set_save (changes, copy);
    }
  apply_changes (store, changes);
}

static void
test_fairness_rewrite (gconstpointer data)
{
  const char *weights = data;
  g_auto(Fixture) fx = { 0 };
  g_autoptr(SmMatcher) before = NULL;
  g_autoptr(SmMatcher) after = NULL;
  g_autoptr(GHashTable) candidates_before = NULL;
  g_autoptr(GHashTable) candidates_after = NULL;
  g_autoptr(GHashTable) pairs_before = NULL;
  g_autoptr(GHashTable) pairs_after = NULL;
  g_autoptr(GHashTable) optimal_before = NULL;
  g_autoptr(GHashTable) optimal_after = NULL;
  g_autoptr(GHashTable) stable_before = NULL;
  g_autoptr(GHashTable) stable_after = NULL;
  g_autofree char *old_postcode = NULL;
  g_autofree char *old_name = NULL;
  SmStudent *first;

  fixture_open_demo (&fx, 41);
  add_random_preferences (fx.store, 41);
  if (weights != NULL)
    store_weights (fx.store, weights);

  before = new_matcher (fx.store);
  candidates_before = describe_all_candidates (before, fx.store);
  pairs_before = describe_pairs (before, fx.store, 8);
  {
    g_autoptr(GArray) optimal = run_matcher (before, SM_MATCH_MODE_OPTIMAL, 0);
    g_autoptr(GArray) stable = run_matcher (before, SM_MATCH_MODE_STABLE, 5);

    optimal_before = describe_result (fx.store, optimal);
    stable_before = describe_result (fx.store, stable);
  }
  g_clear_object (&before);

  {
    guint n;
    g_autofree SmRecord **students = list_items (fx.store, SM_TYPE_STUDENT, &n);

    first = SM_STUDENT (students[0]);
  }
  old_postcode = g_strdup (sm_student_get_postcode (first));
  old_name = sm_student_dup_full_name (first);

  rewrite_personal_fields (fx.store, 41);

  /* The store's students did change. */
  {
    g_autofree char *name = sm_student_dup_full_name (first);

    g_assert_cmpstr (name, !=, old_name);
    g_assert_true (g_str_has_prefix (sm_record_get_string (SM_RECORD (first), SM_STUDENT_FIELD_EMAIL), "leerling"));
    if (old_postcode != NULL)
      {
        g_assert_cmpstr (sm_student_get_postcode (first), !=, old_postcode);
        g_assert_true (strncmp (sm_student_get_postcode (first), old_postcode, 4) == 0);
      }
  }

  after = new_matcher (fx.store);
  candidates_after = describe_all_candidates (after, fx.store);
  pairs_after = describe_pairs (after, fx.store, 8);
  {
    g_autoptr(GArray) optimal = run_matcher (after, SM_MATCH_MODE_OPTIMAL, 0);
    g_autoptr(GArray) stable = run_matcher (after, SM_MATCH_MODE_STABLE, 5);

    optimal_after = describe_result (fx.store, optimal);
    stable_after = describe_result (fx.store, stable);
  }

  assert_same_table (candidates_before, candidates_after, "Candidates");
  assert_same_table (pairs_before, pairs_after, "Explanations of pairs");
  assert_same_table (optimal_before, optimal_after, "Optimal placements");
  assert_same_table (stable_before, stable_after, "Stable placements");
}

/* 6. Applying a result */

static SmMatchPlacement *
find_entry (GArray    *placements,
            SmStudent *student)
{
  for (guint i = 0; i < placements->len; i++)
    if (g_array_index (placements, SmMatchPlacement, i).student == student)
      return &g_array_index (placements, SmMatchPlacement, i);
  return NULL;
}

static void
count_placed (GArray *placements,
              guint  *n_placed,
              gint64 *total)
{
  *n_placed = 0;
  *total = 0;
  for (guint i = 0; i < placements->len; i++)
    if (g_array_index (placements, SmMatchPlacement, i).offer != NULL)
      {
        (*n_placed)++;
        *total += g_array_index (placements, SmMatchPlacement, i).score;
      }
}

static gint64
raw_count (sqlite3    *db,
           const char *table,
           const char *condition)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table, condition);

  return sm_test_raw_int (db, sql);
}

/* Every stored placement of @run is one of @placements, and the other
 * way round. */
static void
assert_run_stored (sqlite3 *db,
                   gint64   run_id,
                   GArray  *placements)
{
  g_autofree char *of_run = g_strdup_printf ("run_id = %" G_GINT64_FORMAT, run_id);
  guint n_placed;
  gint64 total;

  count_placed (placements, &n_placed, &total);
  g_assert_cmpint (raw_count (db, "placements", of_run), ==, n_placed);
  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);
      g_autofree char *condition = NULL;

      if (placement->offer == NULL)
        continue;
      condition = g_strdup_printf ("run_id = %" G_GINT64_FORMAT " AND student_id = %" G_GINT64_FORMAT
                                   " AND offer_id = %" G_GINT64_FORMAT " AND score = %u"
                                   " AND status = 'proposed' AND locked = 0"
                                   " AND start_date IS '%s' AND end_date IS '%s'",
                                   run_id, sm_record_get_id (SM_RECORD (placement->student)),
                                   sm_record_get_id (SM_RECORD (placement->offer)), placement->score,
                                   sm_record_get_string (SM_RECORD (placement->offer), SM_OFFER_FIELD_START_DATE),
                                   sm_record_get_string (SM_RECORD (placement->offer), SM_OFFER_FIELD_END_DATE));
      g_assert_cmpint (raw_count (db, "placements", condition), ==, 1);
    }
}

static void
assert_run_record (SmMatchRun  *run,
                   SmMatchMode  mode,
                   guint64      seed,
                   GArray      *placements)
{
  guint n_placed;
  gint64 total;

  count_placed (placements, &n_placed, &total);
  g_assert_nonnull (run);
  g_assert_cmpint (sm_record_get_id (SM_RECORD (run)), >, 0);
  g_assert_cmpint (sm_match_run_get_mode (run), ==, mode);
  g_assert_cmpuint (sm_match_run_get_seed (run), ==, seed);
  g_assert_cmpint (sm_record_get_int (SM_RECORD (run), SM_MATCH_RUN_FIELD_ASSIGNED), ==, n_placed);
  g_assert_cmpint (sm_record_get_int (SM_RECORD (run), SM_MATCH_RUN_FIELD_UNASSIGNED), ==, placements->len - n_placed);
  g_assert_cmpint (sm_record_get_int (SM_RECORD (run), SM_MATCH_RUN_FIELD_TOTAL_SCORE), ==, total);
  g_assert_cmpstr (sm_record_get_string (SM_RECORD (run), SM_MATCH_RUN_FIELD_WEIGHTS), ==,
                   "programme=300,sector=150,distance=200,skills=150,preference=200");
  g_assert_nonnull (sm_record_get_string (SM_RECORD (run), SM_MATCH_RUN_FIELD_STARTED_AT));
}

static void
test_apply (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmMatchRun) run1 = NULL;
  g_autoptr(SmMatchRun) run2 = NULL;
  g_autoptr(SmMatchRun) run3 = NULL;
  g_autoptr(GArray) result1 = NULL;
  g_autoptr(GArray) result2 = NULL;
  g_autoptr(GArray) result3 = NULL;
  g_autofree char *others_sql = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *stale_condition = NULL;
  g_autofree char *all_before = NULL;
  g_autofree char *all_after = NULL;
  g_autofree char *others_after = NULL;
  g_autofree char *run1_condition = NULL;
  g_autofree char *run2_condition = NULL;
  SmStudent *picked[4];
  SmOffer *picked_offer[4];
  SmPlacement *locked, *confirmed, *stale, *cancelled;
  guint n_picked = 0, n_fixed_demo, n_placed1, n_placed2;
  gint64 total1, total2, n_stored_before;
  sqlite3 *db;

  fixture_open_demo (&fx, 21);

  /* Four students without a kept placement, each with an offer that fits */
  {
    g_autoptr(SmMatcher) matcher = new_matcher (fx.store);
    guint n_students;
    g_autofree SmRecord **students = list_items (fx.store, SM_TYPE_STUDENT, &n_students);

    n_fixed_demo = sm_matcher_get_n_fixed (matcher);
    g_assert_cmpuint (n_fixed_demo, >, 0);
    for (guint s = 0; s < n_students && n_picked < G_N_ELEMENTS (picked); s++)
      {
        g_autoptr(GArray) candidates = sm_matcher_list_candidates (matcher, SM_STUDENT (students[s]));

        if (candidates->len == 0)
          continue;
        picked[n_picked] = SM_STUDENT (students[s]);
        picked_offer[n_picked] = g_array_index (candidates, SmMatchPlacement, 0).offer;
        n_picked++;
      }
    g_assert_cmpuint (n_picked, ==, G_N_ELEMENTS (picked));
  }

  locked = add_placement (&fx, picked[0], picked_offer[0], "proposed", TRUE);
  confirmed = add_placement (&fx, picked[1], picked_offer[1], "confirmed", FALSE);
  stale = add_placement (&fx, picked[2], picked_offer[2], "proposed", FALSE);
  cancelled = add_placement (&fx, picked[3], picked_offer[3], "cancelled", FALSE);
  g_assert_nonnull (locked);
  g_assert_nonnull (confirmed);
  g_assert_nonnull (cancelled);

  db = sm_test_raw_open (fx.path, SQLITE_OPEN_READWRITE);
  stale_condition = g_strdup_printf ("id = %" G_GINT64_FORMAT, sm_record_get_id (SM_RECORD (stale)));
  /* Every placement there was before matching, but the stale proposal */
  others_sql = g_strdup_printf ("SELECT * FROM placements WHERE id <> %" G_GINT64_FORMAT
                                " AND id <= %" G_GINT64_FORMAT " ORDER BY id",
                                sm_record_get_id (SM_RECORD (stale)), sm_test_raw_int (db, "SELECT max(id) FROM placements"));
  others_before = raw_rows (db, others_sql);
  n_stored_before = raw_count (db, "placements", "1");

  /* The first run: locked and confirmed students are not placed again. */
  {
    g_autoptr(SmMatcher) matcher = new_matcher (fx.store);
    guint n_students = sm_matcher_get_n_students (matcher);

    g_assert_cmpuint (sm_matcher_get_n_fixed (matcher), ==, n_fixed_demo + 2);
    result1 = run_matcher (matcher, SM_MATCH_MODE_OPTIMAL, 7);
    g_assert_cmpuint (result1->len, ==, n_students - n_fixed_demo - 2);
    g_assert_null (find_entry (result1, picked[0]));
    g_assert_null (find_entry (result1, picked[1]));
    g_assert_nonnull (find_entry (result1, picked[2]));
    g_assert_nonnull (find_entry (result1, picked[3]));

    g_assert_true (sm_matcher_apply (matcher, SM_MATCH_MODE_OPTIMAL, 7, result1, &run1, &error));
    g_assert_no_error (error);
  }
  count_placed (result1, &n_placed1, &total1);
  g_assert_cmpuint (n_placed1, >, 0);
  assert_run_record (run1, SM_MATCH_MODE_OPTIMAL, 7, result1);
  g_assert_cmpint (raw_count (db, "match_runs", "1"), ==, 1);
  {
    g_autofree char *condition = g_strdup_printf ("id = %" G_GINT64_FORMAT " AND mode = 'optimal' AND seed = 7"
                                                  " AND assigned = %u AND total_score = %" G_GINT64_FORMAT,
                                                  sm_record_get_id (SM_RECORD (run1)), n_placed1, total1);
    g_assert_cmpint (raw_count (db, "match_runs", condition), ==, 1);
  }
  assert_run_stored (db, sm_record_get_id (SM_RECORD (run1)), result1);

  /* The stale proposal is gone; everything else is as it was. */
  g_assert_cmpint (raw_count (db, "placements", stale_condition), ==, 0);
  others_after = raw_rows (db, others_sql);
  g_assert_cmpstr (others_after, ==, others_before);
  g_assert_cmpint (raw_count (db, "placements", "1"), ==, n_stored_before - 1 + n_placed1);

  /* Applying again replaces the proposals that nobody fixed. */
  {
    g_autoptr(SmMatcher) matcher = new_matcher (fx.store);

    g_assert_cmpuint (sm_matcher_get_n_fixed (matcher), ==, n_fixed_demo + 2);
    result2 = run_matcher (matcher, SM_MATCH_MODE_STABLE, 8);
    g_assert_true (sm_matcher_apply (matcher, SM_MATCH_MODE_STABLE, 8, result2, &run2, &error));
    g_assert_no_error (error);
  }
  count_placed (result2, &n_placed2, &total2);
  assert_run_record (run2, SM_MATCH_MODE_STABLE, 8, result2);
  assert_run_stored (db, sm_record_get_id (SM_RECORD (run2)), result2);
  run1_condition = g_strdup_printf ("run_id = %" G_GINT64_FORMAT, sm_record_get_id (SM_RECORD (run1)));
  run2_condition = g_strdup_printf ("run_id = %" G_GINT64_FORMAT, sm_record_get_id (SM_RECORD (run2)));
  g_assert_cmpint (raw_count (db, "placements", run1_condition), ==, 0);
  g_assert_cmpint (raw_count (db, "placements", run2_condition), ==, n_placed2);
  g_assert_cmpint (raw_count (db, "placements", "status = 'proposed' AND locked = 0"), ==, n_placed2);
  g_assert_cmpint (raw_count (db, "placements", "1"), ==, n_stored_before - 1 + n_placed2);
  g_assert_cmpint (raw_count (db, "match_runs", "1"), ==, 2);
  g_clear_pointer (&others_after, g_free);
  others_after = raw_rows (db, others_sql);
  g_assert_cmpstr (others_after, ==, others_before);

  /* The store's own list is in step. */
  {
    guint n_placements, n_of_run = 0;
    g_autofree SmRecord **placements = list_items (fx.store, SM_TYPE_PLACEMENT, &n_placements);

    for (guint p = 0; p < n_placements; p++)
      n_of_run += sm_record_get_int (placements[p], SM_PLACEMENT_FIELD_RUN_ID) == sm_record_get_id (SM_RECORD (run2));
    g_assert_cmpuint (n_of_run, ==, n_placed2);
    g_assert_cmpuint (n_placements, ==, n_stored_before - 1 + n_placed2);
  }

  /* All or nothing: an offer of the result disappears behind the store's
   * back, so that storing its placement fails after the earlier
   * proposals were deleted and the run was added. */
  {
    g_autoptr(SmMatcher) matcher = new_matcher (fx.store);
    g_autofree char *delete_sql = NULL;
    SmOffer *gone = NULL;

    result3 = run_matcher (matcher, SM_MATCH_MODE_OPTIMAL, 9);
    for (guint i = result3->len; i > 0 && gone == NULL; i--)
      gone = g_array_index (result3, SmMatchPlacement, i - 1).offer;
    g_assert_nonnull (gone);

    delete_sql = g_strdup_printf ("PRAGMA foreign_keys = OFF; DELETE FROM offers WHERE id = %" G_GINT64_FORMAT,
                                  sm_record_get_id (SM_RECORD (gone)));
    sm_test_raw_exec (db, delete_sql);
    all_before = raw_rows (db, "SELECT * FROM placements ORDER BY id");
    g_assert_cmpint (raw_count (db, "match_runs", "1"), ==, 2);

    g_assert_false (sm_matcher_apply (matcher, SM_MATCH_MODE_OPTIMAL, 9, result3, &run3, &error));
    g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND);
    g_assert_null (run3);
  }
  all_after = raw_rows (db, "SELECT * FROM placements ORDER BY id");
  g_assert_cmpstr (all_after, ==, all_before);
  g_assert_cmpint (raw_count (db, "match_runs", "1"), ==, 2);
  g_assert_cmpint (raw_count (db, "placements", run2_condition), ==, n_placed2);

  sqlite3_close (db);
}

/* 7. The stable mode with rankings */

static SmOffer *
placed_at (GArray    *placements,
           SmStudent *student)
{
  SmMatchPlacement *entry = find_entry (placements, student);

  g_assert_nonnull (entry);
  return entry->offer;
}

static guint
pair_score (SmMatcher *matcher,
            SmStudent *student,
            SmOffer   *offer)
{
  gboolean feasible;
  guint score;
  g_autofree char *text = explain (matcher, student, offer, &feasible, &score);

  if (!feasible)
    g_error ("%s and “%s” should fit: %s", sm_student_get_student_number (student), sm_offer_get_title (offer), text);
  return score;
}

static void
test_stable_rankings (void)
{
  g_auto(Fixture) fx = { 0 };
  g_autoptr(SmMatcher) matcher = NULL;
  g_autoptr(GArray) optimal = NULL;
  g_autoptr(GArray) stable = NULL;
  SmStudent *p1, *q1, *q2, *v1, *v2;
  SmOffer *high, *low, *care, *tie;
  guint v1_wins = 0, v2_wins = 0;

  fixture_open (&fx);
  add_basics (&fx);

  /* A student who puts an offer with a lower score first */
  p1 = add_student (&fx, "P1", NULL);
  high = add_offer (&fx, "High", NULL);
  low = add_offer (&fx, "Low", (const char *[]) { "programmes", NULL, "skills", NULL, NULL });
  add_preference (&fx, p1, low, SM_PREFERENCE_SIDE_STUDENT, 1);
  add_preference (&fx, p1, high, SM_PREFERENCE_SIDE_STUDENT, 2);

  /* An offer that ranks first the student with the lower score */
  q1 = add_student (&fx, "Q1", (const char *[]) { "programme", "25655", "sector_interests", "care", NULL });
  q2 = add_student (&fx, "Q2", (const char *[]) { "programme", "25655", "sector_interests", NULL, NULL });
  care = add_offer (&fx, "Care", (const char *[]) { "programmes", "25655", "sector", "care", NULL });
  add_preference (&fx, q2, care, SM_PREFERENCE_SIDE_OFFER, 1);
  add_preference (&fx, q1, care, SM_PREFERENCE_SIDE_OFFER, 2);

  /* Two students equal in everything matching sees, for one place */
  v1 = add_student (&fx, "V1", (const char *[]) {
    "level", "vmbo-bb", "pathway", "none", "programme", "zorg-en-welzijn", NULL });
  v2 = add_student (&fx, "V2", (const char *[]) {
    "level", "vmbo-bb", "pathway", "none", "programme", "zorg-en-welzijn", NULL });
  tie = add_offer (&fx, "Tie", (const char *[]) {
    "levels", "vmbo-bb", "programmes", "zorg-en-welzijn", "sector", "care", NULL });

  matcher = new_matcher (fx.store);
  g_assert_cmpuint (pair_score (matcher, p1, low), <, pair_score (matcher, p1, high));
  g_assert_cmpuint (pair_score (matcher, q1, care), >, pair_score (matcher, q2, care));
  g_assert_cmpuint (pair_score (matcher, v1, tie), ==, pair_score (matcher, v2, tie));
  g_assert_cmpuint (sm_matcher_get_n_candidates (matcher), ==, 2 + 2 + 2);

  /* The optimal mode goes by score ... */
  optimal = run_matcher (matcher, SM_MATCH_MODE_OPTIMAL, 1);
  g_assert_cmpuint (optimal->len, ==, 5);
  g_assert_true (placed_at (optimal, p1) == high);
  g_assert_true (placed_at (optimal, q1) == care);
  g_assert_null (placed_at (optimal, q2));
  g_assert_true ((placed_at (optimal, v1) == tie) != (placed_at (optimal, v2) == tie));

  /* ... the stable mode by the rankings. */
  stable = run_matcher (matcher, SM_MATCH_MODE_STABLE, 1);
  g_assert_true (placed_at (stable, p1) == low);
  g_assert_cmpuint (find_entry (stable, p1)->score, ==, pair_score (matcher, p1, low));
  g_assert_true (placed_at (stable, q2) == care);
  g_assert_null (placed_at (stable, q1));

  /* The lottery breaks the tie: the same seed the same way, and over
   * many seeds both ways. */
  for (guint64 seed = 1; seed <= 64; seed++)
    {
      g_autoptr(GArray) once = run_matcher (matcher, SM_MATCH_MODE_STABLE, seed);
      g_autoptr(GArray) again = run_matcher (matcher, SM_MATCH_MODE_STABLE, seed);
      g_autoptr(GHashTable) table_once = describe_result (fx.store, once);
      g_autoptr(GHashTable) table_again = describe_result (fx.store, again);

      assert_same_table (table_once, table_again, "Stable placements with the same seed");
      g_assert_true ((placed_at (once, v1) == tie) != (placed_at (once, v2) == tie));
      v1_wins += placed_at (once, v1) == tie;
      v2_wins += placed_at (once, v2) == tie;
      g_assert_true (placed_at (once, p1) == low);
      g_assert_true (placed_at (once, q2) == care);
    }
  g_test_message ("V1 won %u times, V2 %u times", v1_wins, v2_wins);
  g_assert_cmpuint (v1_wins, >, 0);
  g_assert_cmpuint (v2_wins, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matcher/rules/each", test_rules_each);
  g_test_add_func ("/matcher/rules/several", test_rules_several);
  g_test_add_func ("/matcher/rules/unknown-distance", test_rules_unknown_distance);
  g_test_add_func ("/matcher/rules/explanation", test_rules_explanation);
  g_test_add_func ("/matcher/rules/weights", test_rules_weights);
  g_test_add_func ("/matcher/weights/validate", test_weights_validate);
  g_test_add_func ("/matcher/weights/store", test_weights_store);
  g_test_add_func ("/matcher/candidates/brute-force", test_candidates_brute_force);
  g_test_add_func ("/matcher/optimal/demo", test_optimal_demo);
  g_test_add_func ("/matcher/count-async", test_count_async);
  g_test_add_data_func ("/matcher/fairness/rewrite", NULL, test_fairness_rewrite);
  g_test_add_data_func ("/matcher/fairness/rewrite-ties", FLAT_WEIGHTS, test_fairness_rewrite);
  g_test_add_func ("/matcher/apply/result", test_apply);
  g_test_add_func ("/matcher/stable/rankings", test_stable_rankings);
  g_test_add_data_func ("/matcher/determinism/shuffled", NULL, test_determinism_shuffled);
  g_test_add_data_func ("/matcher/determinism/shuffled-ties", FLAT_WEIGHTS, test_determinism_shuffled);
  g_test_add_func ("/matcher/determinism/spelling", test_determinism_spelling);

  return g_test_run ();
}
