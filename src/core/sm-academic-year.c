/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-academic-year"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-academic-year.h"
#include "sm-record.h"

/* The academic year the school's data is about, such as "2026-2027". It
 * lives in the database, beside the students and placements of that year,
 * so that it travels with the file and every seat shows the same year. */
#define SETTING_KEY "academic-year"

/* The month in which a Dutch school year starts. */
#define FIRST_MONTH 8

static gboolean
parse_year (const char *text,
            gsize       length,
            guint      *year)
{
  guint value = 0;

  if (length != 4)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) g_ascii_digit_value (text[i]);
    }
  if (value < 1000)
    return FALSE;

  *year = value;
  return TRUE;
}

/**
 * sm_academic_year_validate:
 * @text: an academic year as a coordinator typed it
 * @normalised: (out) (optional): the year as "YYYY-YYYY" when @text
 *   differs from it, otherwise %NULL
 *
 * An academic year is two consecutive years, "2026-2027". Spaces around
 * it, and an en dash or a slash between the years, are accepted and
 * normalised away.
 *
 * Returns: %TRUE if @text is an academic year; otherwise @error says why,
 *   without naming the field
 */
gboolean
sm_academic_year_validate (const char  *text,
                           char       **normalised,
                           GError     **error)
{
  g_autofree char *copy = NULL;
  const char *separator;
  gsize separator_length = 0;
  guint first;
  guint second;

  g_return_val_if_fail (text != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));

  if ((separator = strstr (copy, "–")) != NULL)
    separator_length = strlen ("–");
  else if ((separator = strpbrk (copy, "-/")) != NULL)
    separator_length = 1;

  if (separator == NULL ||
      !parse_year (copy, (gsize) (separator - copy), &first) ||
      !parse_year (separator + separator_length, strlen (separator + separator_length), &second))
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   /* Translators: %s is what was typed. */
                   _("“%s” is not an academic year; write two years, such as 2026-2027"),
                   copy);
      return FALSE;
    }

  if (second != first + 1)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   /* Translators: %u are years, as in "2026-2028 is not one year:
                    * the second year must follow the first, such as 2026-2027". */
                   _("%u-%u is not one year: the second year must follow the first, such as %u-%u"),
                   first, second, first, first + 1);
      return FALSE;
    }

  if (normalised != NULL)
    {
      g_autofree char *canonical = g_strdup_printf ("%u-%u", first, second);

      *normalised = strcmp (canonical, text) != 0 ? g_steal_pointer (&canonical) : NULL;
    }

  return TRUE;
}

/**
 * sm_academic_year_load:
 *
 * Returns: (transfer full) (nullable): the academic year stored in @store,
 *   or %NULL when none is
 */
char *
sm_academic_year_load (SmStore *store)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SM_IS_STORE (store), NULL);

  text = sm_store_dup_setting (store, SETTING_KEY);
  if (text == NULL || *text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

/**
 * sm_academic_year_save:
 * @text: (nullable): an academic year such as "2026-2027"; %NULL or empty
 *   text removes it
 *
 * Stores the academic year in its normal form, after checking it.
 */
gboolean
sm_academic_year_save (SmStore     *store,
                       const char  *text,
                       GError     **error)
{
  g_autofree char *normalised = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SM_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    return sm_store_set_setting (store, SETTING_KEY, NULL, error);

  if (!sm_academic_year_validate (stripped, &normalised, error))
    {
      g_prefix_error (error, _("Academic year: "));
      return FALSE;
    }

  return sm_store_set_setting (store, SETTING_KEY,
                               normalised != NULL ? normalised : stripped,
                               error);
}

/**
 * sm_academic_year_for_date:
 *
 * Returns: (transfer full): the academic year @date falls in; a year
 *   starts on 1 August
 */
char *
sm_academic_year_for_date (GDateTime *date)
{
  int year;

  g_return_val_if_fail (date != NULL, NULL);

  year = g_date_time_get_year (date);
  if (g_date_time_get_month (date) < FIRST_MONTH)
    year--;

  return g_strdup_printf ("%d-%d", year, year + 1);
}
