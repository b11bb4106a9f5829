/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "sm-company.h"
#include "sm-decision.h"
#include "sm-demo.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-test-util.h"

#define N_STUDENTS 2000
#define N_OFFERS   1000

static GType
record_type (guint i)
{
  switch (i)
    {
    case 0: return SM_TYPE_PROGRAMME;
    case 1: return SM_TYPE_STUDENT;
    case 2: return SM_TYPE_COMPANY;
    case 3: return SM_TYPE_OFFER;
    case 4: return SM_TYPE_PLACEMENT;
    case 5: return SM_TYPE_DECISION;
    default: return G_TYPE_INVALID;
    }
}

#define N_RECORD_TYPES 6

/* A store in a fresh temporary folder, removed with it. */
typedef struct
{
  char          *dir;
  SmSqliteStore *store;
} Fixture;

static void
fixture_open (Fixture *fixture)
{
  g_autofree char *path = NULL;

  fixture->dir = sm_test_make_dir ("demo");
  path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->store = sm_test_open_store (path);
}

static void
fixture_close (Fixture *fixture)
{
  g_clear_object (&fixture->store);
  if (fixture->dir == NULL)
    return;

  /* The database with its -wal and -shm files; all of them must go. */
  sm_test_remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->dir, g_free);
}

static void
generate (Fixture *fixture,
          guint    n_students,
          guint    n_offers,
          guint64  seed)
{
  SmDemoOptions options = { n_students, n_offers, seed };
  g_autoptr(GError) error = NULL;

  fixture_open (fixture);
  g_assert_true (sm_demo_generate (SM_STORE (fixture->store), &options, &error));
  g_assert_no_error (error);
}

/* Every field of every record of every list, as text, in id order. */
static char *
dump_store (SmStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) areas = NULL;
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < N_RECORD_TYPES; t++)
    {
      GListModel *list = sm_store_list (store, record_type (t), &error);
      SmRecordClass *klass = g_type_class_ref (record_type (t));
      guint n_fields;

      g_assert_no_error (error);
      sm_record_class_get_fields (klass, &n_fields);
      g_string_append_printf (out, "[%s]\n", sm_record_class_get_table (klass));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(SmRecord) record = g_list_model_get_item (list, i);

          g_string_append_printf (out, "%" G_GINT64_FORMAT, sm_record_get_id (record));
          for (guint f = 0; f < n_fields; f++)
            {
              g_autofree char *text = sm_record_dup_text (record, f);
              g_string_append_printf (out, "\t%s", text != NULL ? text : "(null)");
            }
          g_string_append_c (out, '\n');
        }
      g_type_class_unref (klass);
    }

  areas = sm_store_load_postcode_areas (store, &error);
  g_assert_no_error (error);
  g_string_append (out, "[postcode_areas]\n");
  for (guint i = 0; i < areas->len; i++)
    {
      const SmPostcodeArea *area = &g_array_index (areas, SmPostcodeArea, i);
      g_string_append_printf (out, "%u\t%.6f\t%.6f\n", area->code, area->latitude, area->longitude);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count (SmStore *store,
       GType    type)
{
  return g_list_model_get_n_items (sm_store_list (store, type, NULL));
}

static void
test_demo_same_seed (void)
{
  Fixture a = { NULL }, b = { NULL }, c = { NULL };
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_c = NULL;

  generate (&a, N_STUDENTS, N_OFFERS, 20261124);
  generate (&b, N_STUDENTS, N_OFFERS, 20261124);
  generate (&c, N_STUDENTS, N_OFFERS, 20261125);

  dump_a = dump_store (SM_STORE (a.store));
  dump_b = dump_store (SM_STORE (b.store));
  dump_c = dump_store (SM_STORE (c.store));

  g_assert_cmpuint (strlen (dump_a), >, 100000);
  g_assert_true (strcmp (dump_a, dump_b) == 0);
  g_assert_true (strcmp (dump_a, dump_c) != 0);

  fixture_close (&a);
  fixture_close (&b);
  fixture_close (&c);
}

/* A seed is 64 bits: seeds that differ only in the high half differ. */
static void
test_demo_seed_high_bits (void)
{
  Fixture a = { NULL }, b = { NULL };
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;

  generate (&a, 50, 20, 7);
  generate (&b, 50, 20, 7 | (G_GUINT64_CONSTANT (1) << 40));
  dump_a = dump_store (SM_STORE (a.store));
  dump_b = dump_store (SM_STORE (b.store));
  g_assert_true (strcmp (dump_a, dump_b) != 0);

  fixture_close (&a);
  fixture_close (&b);
}

static void
test_demo_valid (void)
{
  Fixture fixture = { NULL };
  SmStore *store;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) areas = NULL;
  g_autoptr(GHashTable) area_codes = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) emails = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean seen_level[SM_N_LEVELS] = { FALSE };
  gboolean seen_bbl = FALSE;
  guint n_prefixed = 0, n_named_in_motivation = 0;
  GListModel *students;

  generate (&fixture, N_STUDENTS, N_OFFERS, 42);

  /* A fresh store reads back what was written, not the cached lists. */
  {
    g_autofree char *path = g_strdup (sm_sqlite_store_get_path (fixture.store));
    g_clear_object (&fixture.store);
    fixture.store = sm_test_open_store (path);
  }
  store = SM_STORE (fixture.store);

  g_assert_true (sm_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpuint (count (store, SM_TYPE_STUDENT), ==, N_STUDENTS);
  g_assert_cmpuint (count (store, SM_TYPE_OFFER), ==, N_OFFERS);
  g_assert_cmpuint (count (store, SM_TYPE_COMPANY), ==, N_OFFERS / 2);
  g_assert_cmpuint (count (store, SM_TYPE_PROGRAMME), >=, 50);
  g_assert_cmpuint (count (store, SM_TYPE_PLACEMENT), >, N_STUDENTS / 50);
  g_assert_cmpuint (count (store, SM_TYPE_DECISION), >, N_STUDENTS / 20);

  /* Every record passes the model's validation. */
  for (guint t = 0; t < N_RECORD_TYPES; t++)
    {
      GListModel *list = sm_store_list (store, record_type (t), &error);

      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(SmRecord) record = g_list_model_get_item (list, i);

          sm_record_validate (record, &error);
          g_assert_no_error (error);
        }
    }

  areas = sm_store_load_postcode_areas (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, >=, 200);
  for (guint i = 0; i < areas->len; i++)
    g_hash_table_add (area_codes, GUINT_TO_POINTER (g_array_index (areas, SmPostcodeArea, i).code));

  students = sm_store_list (store, SM_TYPE_STUDENT, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(SmStudent) student = g_list_model_get_item (students, i);
      SmRecord *record = SM_RECORD (student);
      SmProgramme *programme = SM_PROGRAMME (sm_store_lookup_key (store, SM_TYPE_PROGRAMME,
                                                                  sm_student_get_programme (student)));
      SmLevel level = sm_student_get_level (student);
      g_autofree char *area = sm_postcode_area (sm_student_get_postcode (student));
      const char *email = sm_record_get_string (record, SM_STUDENT_FIELD_EMAIL);
      const char *motivation = sm_record_get_string (record, SM_STUDENT_FIELD_MOTIVATION);
      gint64 hours = sm_record_get_int (record, SM_STUDENT_FIELD_HOURS_PER_WEEK);
      gint64 travel = sm_record_get_int (record, SM_STUDENT_FIELD_MAX_TRAVEL_KM);

      seen_level[level] = TRUE;
      if (sm_student_get_pathway (student) == SM_PATHWAY_BBL)
        seen_bbl = TRUE;

      /* The programme exists and suits the level. */
      g_assert_nonnull (programme);
      g_assert_cmpint (sm_programme_get_education (programme), ==, sm_level_get_education (level));

      /* The home address is in the region that the PC4 table covers. */
      g_assert_nonnull (area);
      g_assert_true (g_hash_table_contains (area_codes, GUINT_TO_POINTER (atoi (area))));

      /* E-mail addresses are plain lower-case ASCII and unique. */
      g_assert_true (g_str_has_suffix (email, "@student.example.nl"));
      for (const char *p = email; *p != '\0'; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '@');
      g_assert_true (g_hash_table_add (emails, (gpointer) email));

      g_assert_cmpint (hours, >=, 16);
      g_assert_cmpint (hours, <=, 40);
      g_assert_cmpint (travel, >=, 10);
      g_assert_cmpint (travel, <=, 40);

      if (sm_record_get_string (record, SM_STUDENT_FIELD_NAME_PREFIX) != NULL)
        n_prefixed++;
      if (strstr (motivation, sm_record_get_string (record, SM_STUDENT_FIELD_GIVEN_NAME)) != NULL ||
          strstr (motivation, sm_record_get_string (record, SM_STUDENT_FIELD_CITY)) != NULL)
        n_named_in_motivation++;
    }

  for (guint l = 0; l < SM_N_LEVELS; l++)
    {
      if (!seen_level[l])
        g_test_message ("no student at level %s", sm_level_to_key (l));
      g_assert_true (seen_level[l]);
    }
  g_assert_true (seen_bbl);
  g_assert_cmpuint (n_prefixed, >, 0);
  /* The anonymiser has names and towns to remove. */
  g_assert_cmpuint (n_named_in_motivation, >, N_STUDENTS / 10);

  fixture_close (&fixture);
}

/* Offers name the levels of the programmes they list. */
static void
test_demo_offers_consistent (void)
{
  Fixture fixture = { NULL };
  SmStore *store;
  GListModel *offers;
  GListModel *placements;

  generate (&fixture, 500, N_OFFERS, 99);
  store = SM_STORE (fixture.store);

  offers = sm_store_list (store, SM_TYPE_OFFER, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(SmOffer) offer = g_list_model_get_item (offers, i);
      SmRecord *record = SM_RECORD (offer);
      const char * const *programmes = sm_record_get_strv (record, SM_OFFER_FIELD_PROGRAMMES);
      SmLevelFlags levels = sm_offer_get_levels (offer);

      g_assert_nonnull (sm_store_lookup (store, SM_TYPE_COMPANY, sm_offer_get_company_id (offer)));
      g_assert_cmpuint (sm_offer_get_places (offer), >=, 1);
      g_assert_cmpuint (sm_offer_get_places (offer), <=, 4);
      g_assert_cmpstr (sm_record_get_string (record, SM_OFFER_FIELD_START_DATE), >=, "2026-09-01");
      g_assert_cmpstr (sm_record_get_string (record, SM_OFFER_FIELD_END_DATE), <=, "2027-07-10");

      for (guint p = 0; programmes[p] != NULL; p++)
        {
          SmProgramme *programme = SM_PROGRAMME (sm_store_lookup_key (store, SM_TYPE_PROGRAMME, programmes[p]));
          gboolean accepted = FALSE;

          g_assert_nonnull (programme);
          for (guint l = 0; l < SM_N_LEVELS; l++)
            if ((levels & (1u << l)) && sm_level_get_education (l) == sm_programme_get_education (programme))
              accepted = TRUE;
          g_assert_true (accepted);
        }
    }

  placements = sm_store_list (store, SM_TYPE_PLACEMENT, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(SmPlacement) placement = g_list_model_get_item (placements, i);
      SmStudent *student = SM_STUDENT (sm_store_lookup (store, SM_TYPE_STUDENT,
                                                        sm_placement_get_student_id (placement)));
      SmOffer *offer = SM_OFFER (sm_store_lookup (store, SM_TYPE_OFFER, sm_placement_get_offer_id (placement)));

      g_assert_nonnull (student);
      g_assert_nonnull (offer);
      g_assert_true (sm_offer_get_levels (offer) & (1u << sm_student_get_level (student)));
    }

  fixture_close (&fixture);
}

static void
test_demo_empty (void)
{
  Fixture fixture = { NULL };
  SmStore *store;

  generate (&fixture, 0, 0, 1);
  store = SM_STORE (fixture.store);

  g_assert_cmpuint (count (store, SM_TYPE_STUDENT), ==, 0);
  g_assert_cmpuint (count (store, SM_TYPE_OFFER), ==, 0);
  g_assert_cmpuint (count (store, SM_TYPE_COMPANY), ==, 1);
  g_assert_cmpuint (count (store, SM_TYPE_PROGRAMME), >, 0);

  fixture_close (&fixture);
}

static void
test_demo_too_many (void)
{
  Fixture fixture = { NULL };
  SmDemoOptions options = { 1000001, 10, 1 };
  g_autoptr(GError) error = NULL;

  fixture_open (&fixture);
  g_assert_false (sm_demo_generate (SM_STORE (fixture.store), &options, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  options.n_students = 10;
  options.n_offers = G_MAXUINT;
  g_assert_false (sm_demo_generate (SM_STORE (fixture.store), &options, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);

  /* Nothing was written. */
  g_assert_cmpuint (count (SM_STORE (fixture.store), SM_TYPE_PROGRAMME), ==, 0);

  fixture_close (&fixture);
}

/* The same seed twice on one store: the student numbers clash, and the
 * store refuses the whole set. */
static void
test_demo_twice (void)
{
  Fixture fixture = { NULL };
  SmDemoOptions options = { 20, 10, 5 };
  g_autoptr(GError) error = NULL;

  generate (&fixture, options.n_students, options.n_offers, options.seed);
  g_assert_false (sm_demo_generate (SM_STORE (fixture.store), &options, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
  g_assert_cmpuint (count (SM_STORE (fixture.store), SM_TYPE_STUDENT), ==, 20);

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/same-seed", test_demo_same_seed);
  g_test_add_func ("/demo/seed-high-bits", test_demo_seed_high_bits);
  g_test_add_func ("/demo/valid", test_demo_valid);
  g_test_add_func ("/demo/offers-consistent", test_demo_offers_consistent);
  g_test_add_func ("/demo/empty", test_demo_empty);
  g_test_add_func ("/demo/too-many", test_demo_too_many);
  g_test_add_func ("/demo/twice", test_demo_twice);

  return g_test_run ();
}
