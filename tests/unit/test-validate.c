/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <locale.h>
#include <glib.h>
#include <string.h>

#include "sm-record.h"
#include "sm-validate.h"

/* Checks that @validate accepts @text and normalises it to @expected;
 * %NULL for @expected means the text is already in its normal form, which
 * a validator may report either by leaving @normalised unset or by
 * returning the same text. */
static void
assert_good (SmValidateFunc  validate,
             const char     *text,
             const char     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;
  gboolean ok;

  ok = validate (text, &normalised, &error);
  if (!ok)
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_no_error (error);

  if (expected == NULL)
    g_assert_true (normalised == NULL || g_str_equal (normalised, text));
  else
    g_assert_cmpstr (normalised != NULL ? normalised : text, ==, expected);

  /* Without a place for the normal form, and without an error, too. */
  g_assert_true (validate (text, NULL, NULL));
}

static void
assert_bad (SmValidateFunc  validate,
            const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;

  if (validate (text, &normalised, &error))
    g_error ("“%s” was accepted as “%s”", text, normalised != NULL ? normalised : text);
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
  g_assert_null (normalised);
  g_assert_nonnull (error->message);
  /* The message quotes what was typed, so a coordinator can find it. */
  if (*text != '\0')
    g_assert_nonnull (strstr (error->message, text));
  /* A sentence without the field name: callers prefix the label. */
  g_assert_false (g_str_has_prefix (error->message, ":"));

  g_assert_false (validate (text, NULL, NULL));
}

static void
test_postcode_good (void)
{
  assert_good (sm_validate_postcode, "1234AB", "1234 AB");
  assert_good (sm_validate_postcode, "1234 ab", "1234 AB");
  assert_good (sm_validate_postcode, "1234 AB", "1234 AB");
  assert_good (sm_validate_postcode, "1234aB", "1234 AB");
  assert_good (sm_validate_postcode, "9999 ZZ", "9999 ZZ");
  assert_good (sm_validate_postcode, "1000 AA", "1000 AA");
  /* SA, SD and SS are not issued, but other pairs with an S are. */
  assert_good (sm_validate_postcode, "1234 SB", "1234 SB");
  assert_good (sm_validate_postcode, "1234 AS", "1234 AS");
}

static void
test_postcode_surrounding_space (void)
{
  /* A coordinator typed it with spaces around it, or it came from a
   * spreadsheet cell that way. */
  assert_good (sm_validate_postcode, " 1234 AB ", "1234 AB");
  assert_good (sm_validate_postcode, "1234ab ", "1234 AB");

  {
    g_autofree char *area = sm_postcode_area (" 1234 ab ");
    g_assert_cmpstr (area, ==, "1234");
  }
}

static void
test_postcode_bad (void)
{
  static const char * const bad[] = {
    "0123 AB", "1234 SA", "1234 SD", "1234 SS", "1234 sa", "12345", "1234 A",
    "ABCD EF", "", "1234", "123 AB", "12345 AB", "1234 ABC", "1234-AB",
    "AB 1234", "1234 A1", "1234 ÄB", "12 34 AB",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad (sm_validate_postcode, bad[i]);
}

static void
test_postcode_area (void)
{
  g_autofree char *a = sm_postcode_area ("1234 AB");
  g_autofree char *b = sm_postcode_area ("9876zx");
  g_autofree char *c = sm_postcode_area ("12AB");
  g_autofree char *d = sm_postcode_area (NULL);
  g_autofree char *e = sm_postcode_area ("0123 AB");
  g_autofree char *f = sm_postcode_area ("");

  g_assert_cmpstr (a, ==, "1234");
  g_assert_cmpstr (b, ==, "9876");
  g_assert_null (c);
  g_assert_null (d);
  g_assert_null (e);
  g_assert_null (f);
}

static void
test_email (void)
{
  static const char * const bad[] = {
    "", "jan", "@example.nl", "jan@", "jan@example", "jan@@example.nl",
    "jan@exa@mple.nl", "jan@example.n", "jan @example.nl", "jan@example.nl.",
    "jan@.nl", "jan@example..nl", "jan@example,nl", "jan;piet@example.nl",
    "<jan@example.nl>", "jan@example.nl\t",
  };

  assert_good (sm_validate_email, "jan@example.nl", NULL);
  assert_good (sm_validate_email, "j.de.vries@school.example.com", NULL);
  assert_good (sm_validate_email, "stage+2025@bedrijf.nl", NULL);
  /* The domain is not case-sensitive and is written in lower case; the
   * local part is kept as typed. */
  assert_good (sm_validate_email, "Jan.Jansen@Example.NL", "Jan.Jansen@example.nl");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad (sm_validate_email, bad[i]);
}

static void
test_phone (void)
{
  static const char * const bad[] = {
    "", "12345", "061234567", "06-1234567a", "0612+345678", "1234567890123456",
    "06/12345678", "++31612345678", "tel 0612345678",
  };

  assert_good (sm_validate_phone, "0612345678", NULL);
  assert_good (sm_validate_phone, "06-12345678", NULL);
  assert_good (sm_validate_phone, "+31 6 12345678", NULL);
  assert_good (sm_validate_phone, "(020) 123-4567", NULL);
  assert_good (sm_validate_phone, "+31612345678", NULL);
  assert_good (sm_validate_phone, "123456789012345", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad (sm_validate_phone, bad[i]);
}

static void
test_kvk (void)
{
  static const char * const bad[] = {
    "", "1234567", "123456789", "1234567a", "1234 5678", "12.345.678", "abcdefgh",
  };

  assert_good (sm_validate_kvk, "12345678", NULL);
  assert_good (sm_validate_kvk, "01234567", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad (sm_validate_kvk, bad[i]);
}

static void
test_crebo (void)
{
  static const char * const bad[] = {
    "", "2560", "256045", "2560a", "25 604", "abcde", "-2560",
  };

  assert_good (sm_validate_crebo, "25604", NULL);
  assert_good (sm_validate_crebo, "01234", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad (sm_validate_crebo, bad[i]);
}

static void
test_date_good (void)
{
  assert_good (sm_validate_date, "2025-09-01", "2025-09-01");
  assert_good (sm_validate_date, "01-09-2025", "2025-09-01");
  assert_good (sm_validate_date, "31/12/2025", "2025-12-31");
  assert_good (sm_validate_date, "1.9.2025", "2025-09-01");
  assert_good (sm_validate_date, "2025-9-1", "2025-09-01");
  assert_good (sm_validate_date, "2024-02-29", "2024-02-29");
  assert_good (sm_validate_date, "29-02-2024", "2024-02-29");
}

static void
test_date_bad (void)
{
  static const char * const bad[] = {
    "", "2025-02-30", "2025-13-01", "2025-00-10", "2025-01-00", "2025-02-29",
    "tomorrow", "1-2-3", "01-09-25", "2025-09-01x", "2025-09/01", "2025 09 01",
    "2025-09", "32-01-2025", "1899-12-31", "2025-09-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad (sm_validate_date, bad[i]);
}

static void
test_date_parse (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (sm_date_parse ("31/12/2025", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 31);
  g_assert_cmpuint (g_date_get_month (&date), ==, 12);
  g_assert_cmpuint (g_date_get_year (&date), ==, 2025);

  g_date_clear (&date, 1);
  g_assert_true (sm_date_parse ("2025-03-04", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 4);
  g_assert_cmpuint (g_date_get_month (&date), ==, 3);

  /* Day first: 04-03 is the fourth of March, not the third of April. */
  g_date_clear (&date, 1);
  g_assert_true (sm_date_parse ("04-03-2025", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 4);
  g_assert_cmpuint (g_date_get_month (&date), ==, 3);

  g_assert_false (sm_date_parse (NULL, &date));
  g_assert_false (sm_date_parse ("2025-02-30", &date));
  g_assert_false (sm_date_parse ("tomorrow", &date));
}

static void
test_student_number (void)
{
  static const char * const bad[] = {
    "", "12 34", "123456789012345678901", "ab_cd", "ö12", "12/34", "12.34",
  };

  assert_good (sm_validate_student_number, "123456", NULL);
  assert_good (sm_validate_student_number, "ST-2025-001", NULL);
  assert_good (sm_validate_student_number, "abc", NULL);
  assert_good (sm_validate_student_number, "12345678901234567890", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad (sm_validate_student_number, bad[i]);
}

static void
test_key (void)
{
  g_autofree char *long_key = g_strnfill (61, 'a');
  g_autofree char *longest_key = g_strnfill (60, 'a');
  static const char * const bad[] = {
    "", "a b", "a_b", "é", "zorg/welzijn", "key.", " abc",
  };

  assert_good (sm_validate_key, "zorg-en-welzijn", NULL);
  assert_good (sm_validate_key, "25604", NULL);
  assert_good (sm_validate_key, "ABC", "abc");
  assert_good (sm_validate_key, "Zorg-En-Welzijn", "zorg-en-welzijn");
  assert_good (sm_validate_key, longest_key, NULL);

  assert_bad (sm_validate_key, long_key);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad (sm_validate_key, bad[i]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/postcode/good", test_postcode_good);
  g_test_add_func ("/validate/postcode/surrounding-space", test_postcode_surrounding_space);
  g_test_add_func ("/validate/postcode/bad", test_postcode_bad);
  g_test_add_func ("/validate/postcode/area", test_postcode_area);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/kvk", test_kvk);
  g_test_add_func ("/validate/crebo", test_crebo);
  g_test_add_func ("/validate/date/good", test_date_good);
  g_test_add_func ("/validate/date/bad", test_date_bad);
  g_test_add_func ("/validate/date/parse", test_date_parse);
  g_test_add_func ("/validate/student-number", test_student_number);
  g_test_add_func ("/validate/key", test_key);

  return g_test_run ();
}
