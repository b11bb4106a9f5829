/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sm-record.h"
#include "sm-validate.h"

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

/**
 * sm_validate_postcode:
 *
 * A Dutch postcode is four digits, the first not zero, and two capital
 * letters; the space between them is optional on input and always present
 * once normalised ("1234 AB"). SA, SD and SS are not issued.
 */
gboolean
sm_validate_postcode (const char  *text,
                      char       **normalised,
                      GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char digits[5] = { 0 };
  char letters[3] = { 0 };
  guint n_digits = 0, n_letters = 0;

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (*p == ' ' && n_digits == 4 && n_letters == 0)
        continue;
      if (g_ascii_isdigit (*p) && n_digits < 4 && n_letters == 0)
        digits[n_digits++] = *p;
      else if (g_ascii_isalpha (*p) && n_digits == 4 && n_letters < 2)
        letters[n_letters++] = g_ascii_toupper (*p);
      else
        goto bad;
    }

  if (n_digits != 4 || n_letters != 2 || digits[0] == '0')
    goto bad;
  if (strcmp (letters, "SA") == 0 || strcmp (letters, "SD") == 0 || strcmp (letters, "SS") == 0)
    goto bad;

  if (normalised != NULL)
    *normalised = g_strdup_printf ("%s %s", digits, letters);
  return TRUE;

bad:
  return invalid (error, _("“%s” is not a Dutch postcode; write it as 1234 AB"), text);
}

/**
 * sm_postcode_area:
 * @postcode: a valid postcode
 *
 * Returns: (nullable): the four-digit area (PC4) of @postcode
 */
char *
sm_postcode_area (const char *postcode)
{
  g_autofree char *normalised = NULL;

  if (postcode == NULL || !sm_validate_postcode (postcode, &normalised, NULL))
    return NULL;
  return g_strndup (normalised, 4);
}

gboolean
sm_validate_email (const char  *text,
                   char       **normalised,
                   GError     **error)
{
  const char *at = strchr (text, '@');
  const char *dot;

  /* A plausible shape, not RFC 5322: local part, one @, a domain with a dot
   * that is neither first nor last, and no spaces. */
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strpbrk (text, " \t,;<>") != NULL)
    goto bad;
  dot = strrchr (at + 1, '.');
  if (dot == NULL || dot == at + 1 || dot[1] == '\0' || strlen (dot + 1) < 2)
    goto bad;
  if (strstr (at, "..") != NULL)
    goto bad;

  if (normalised != NULL)
    {
      g_autofree char *domain = g_ascii_strdown (at, -1);
      *normalised = g_strdup_printf ("%.*s%s", (int) (at - text), text, domain);
    }
  return TRUE;

bad:
  return invalid (error, _("“%s” does not look like an e-mail address, such as name@example.nl"), text);
}

gboolean
sm_validate_phone (const char  *text,
                   char       **normalised,
                   GError     **error)
{
  guint n_digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p == '+' && p == text)
        continue;
      else if (strchr (" -()", *p) == NULL)
        goto bad;
    }
  if (n_digits < 10 || n_digits > 15)
    goto bad;

  return TRUE;

bad:
  return invalid (error, _("“%s” is not a phone number of 10 to 15 digits"), text);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
sm_validate_kvk (const char  *text,
                 char       **normalised,
                 GError     **error)
{
  if (!all_digits (text, 8))
    return invalid (error, _("“%s” is not a KvK number; it has exactly 8 digits"), text);
  return TRUE;
}

gboolean
sm_validate_crebo (const char  *text,
                   char       **normalised,
                   GError     **error)
{
  if (!all_digits (text, 5))
    return invalid (error, _("“%s” is not a crebo code; it has exactly 5 digits"), text);
  return TRUE;
}

/**
 * sm_date_parse:
 * @text: a date as YYYY-MM-DD or DD-MM-YYYY (also with / or .)
 * @date: (out): the date
 *
 * Returns: %TRUE if @text is a real calendar date
 */
gboolean
sm_date_parse (const char *text,
               GDate      *date)
{
  guint a, b, c;
  char sep1, sep2;
  int consumed = 0;

  if (text == NULL)
    return FALSE;
  if (sscanf (text, "%u%c%u%c%u%n", &a, &sep1, &b, &sep2, &c, &consumed) != 5 || text[consumed] != '\0')
    return FALSE;
  if (sep1 != sep2 || strchr ("-/.", sep1) == NULL)
    return FALSE;

  if (a >= 1000) /* year first */
    {
      if (!g_date_valid_dmy (c, b, a))
        return FALSE;
      g_date_set_dmy (date, c, b, a);
    }
  else
    {
      if (c < 1000 || !g_date_valid_dmy (a, b, c))
        return FALSE;
      g_date_set_dmy (date, a, b, c);
    }

  return g_date_get_year (date) >= 1900 && g_date_get_year (date) <= 2200;
}

gboolean
sm_validate_date (const char  *text,
                  char       **normalised,
                  GError     **error)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!sm_date_parse (text, &date))
    return invalid (error, _("“%s” is not a date; write it as 2025-09-01 or 01-09-2025"), text);

  if (normalised != NULL)
    *normalised = g_strdup_printf ("%04u-%02u-%02u",
                                   g_date_get_year (&date),
                                   g_date_get_month (&date),
                                   g_date_get_day (&date));
  return TRUE;
}

gboolean
sm_validate_student_number (const char  *text,
                            char       **normalised,
                            GError     **error)
{
  gsize len = strlen (text);

  if (len == 0 || len > 20)
    goto bad;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      goto bad;
  return TRUE;

bad:
  return invalid (error, _("“%s” is not a student number; use up to 20 letters, digits or hyphens"), text);
}

/* Keys name programmes and reason codes: lower-case letters, digits and
 * hyphens, so they survive files and command lines unchanged. */
gboolean
sm_validate_key (const char  *text,
                 char       **normalised,
                 GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  if (*lower == '\0' || strlen (lower) > 60)
    goto bad;
  for (const char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      goto bad;

  if (normalised != NULL && strcmp (lower, text) != 0)
    *normalised = g_steal_pointer (&lower);
  return TRUE;

bad:
  return invalid (error, _("“%s” is not a valid code; use letters, digits and hyphens"), text);
}
