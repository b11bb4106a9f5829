/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-format"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sm-format.h"

/**
 * sm_format_count:
 *
 * Returns: @n as the locale writes a count, such as "20,000" or
 *   "20.000"; grouped with commas where the locale does not say (the C
 *   locale)
 */
char *
sm_format_count (guint n)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = NULL;
  GString *text;
  gsize len;

  if (separator != NULL && *separator != '\0')
    return g_strdup_printf ("%'u", n);

  digits = g_strdup_printf ("%u", n);
  len = strlen (digits);
  text = g_string_new (NULL);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}
