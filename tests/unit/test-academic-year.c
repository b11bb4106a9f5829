/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-academic-year"

#include "config.h"

#include <string.h>

#include "sm-academic-year.h"
#include "sm-test-util.h"

static void
assert_normal_form (const char *text,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;

  if (!sm_academic_year_validate (text, &normalised, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_cmpstr (normalised != NULL ? normalised : text, ==, expected);
}

static void
assert_refused (const char *text,
                const char *quoted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;

  g_assert_false (sm_academic_year_validate (text, &normalised, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_assert_null (normalised);
  /* The message quotes what was typed, and shows the way. */
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_nonnull (strstr (error->message, "-"));
}

static void
test_academic_year_validate (void)
{
  assert_normal_form ("2026-2027", "2026-2027");
  assert_normal_form ("  2026-2027 ", "2026-2027");
  assert_normal_form ("2026–2027", "2026-2027");
  assert_normal_form ("2026/2027", "2026-2027");
  assert_normal_form ("1999-2000", "1999-2000");

  assert_refused ("2026-2028", "2026-2028");
  assert_refused ("2027-2026", "2027-2026");
  assert_refused ("2026-2026", "2026-2026");
  assert_refused ("2026", "2026");
  assert_refused ("26-27", "26-27");
  assert_refused ("2026-27", "2026-27");
  assert_refused ("2026 2027", "2026 2027");
  assert_refused ("abcd-efgh", "abcd-efgh");
  assert_refused ("2026-2027-2028", "2026-2027-2028");
  assert_refused ("", "");
}

static void
test_academic_year_store (void)
{
  g_autofree char *dir = sm_test_make_dir ("academic-year");
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(SmSqliteStore) store = sm_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;

  /* None until one is saved. */
  g_assert_null (sm_academic_year_load (SM_STORE (store)));

  g_assert_true (sm_academic_year_save (SM_STORE (store), " 2026/2027", &error));
  g_assert_no_error (error);
  year = sm_academic_year_load (SM_STORE (store));
  g_assert_cmpstr (year, ==, "2026-2027");

  /* A wrong one is refused with the field's name and changes nothing. */
  g_assert_false (sm_academic_year_save (SM_STORE (store), "2026-2028", &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Academic year: "));
  g_clear_error (&error);
  g_clear_pointer (&year, g_free);
  year = sm_academic_year_load (SM_STORE (store));
  g_assert_cmpstr (year, ==, "2026-2027");

  /* Empty removes it. */
  g_assert_true (sm_academic_year_save (SM_STORE (store), "", &error));
  g_assert_no_error (error);
  g_assert_null (sm_academic_year_load (SM_STORE (store)));

  g_clear_object (&store);
  sm_test_remove_tree (dir);
}

static void
test_academic_year_for_date (void)
{
  g_autoptr(GDateTime) july = g_date_time_new_utc (2026, 7, 31, 12, 0, 0);
  g_autoptr(GDateTime) august = g_date_time_new_utc (2026, 8, 1, 12, 0, 0);
  g_autofree char *before = sm_academic_year_for_date (july);
  g_autofree char *after = sm_academic_year_for_date (august);

  g_assert_cmpstr (before, ==, "2025-2026");
  g_assert_cmpstr (after, ==, "2026-2027");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/academic-year/validate", test_academic_year_validate);
  g_test_add_func ("/academic-year/store", test_academic_year_store);
  g_test_add_func ("/academic-year/for-date", test_academic_year_for_date);

  return g_test_run ();
}
