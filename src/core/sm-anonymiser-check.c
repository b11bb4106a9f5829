/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-anonymiser"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sm-anonymiser-private.h"

/* The check that fails closed before an output leaves the program, and
 * the search for requirements that stand in for origin. */

/* The leak check */

/* Undoes JSON escapes and XML character references, so that "\nBerg" or
 * "&#xF6;" cannot hide a name from the check. */
static char *
unescape_output (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; )
    {
      if (p[0] == '\\' && p[1] == 'u' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]))
        {
          char hex[5] = { p[2], p[3], p[4], p[5], '\0' };
          gunichar c = (gunichar) g_ascii_strtoull (hex, NULL, 16);

          g_string_append_unichar (out, g_unichar_validate (c) && c != 0 ? c : ' ');
          p += 6;
        }
      else if (p[0] == '\\' && p[1] != '\0')
        {
          g_string_append_c (out, ' ');
          p += 2;
        }
      else if (p[0] == '&' && p[1] == '#')
        {
          const char *digits = p + 2;
          gboolean hex = (*digits == 'x' || *digits == 'X');
          char *end = NULL;
          guint64 c = g_ascii_strtoull (hex ? digits + 1 : digits, &end, hex ? 16 : 10);

          if (end != NULL && *end == ';' && end > digits + (hex ? 1 : 0))
            {
              g_string_append_unichar (out, c > 0 && c <= G_MAXUINT32 && g_unichar_validate ((gunichar) c) ? (gunichar) c : ' ');
              p = end + 1;
            }
          else
            g_string_append_c (out, *p++);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static gboolean
matches_word (const char *text,
              const char *alternatives)
{
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) regex = NULL;

  if (alternatives == NULL || *alternatives == '\0')
    return FALSE;
  pattern = g_strconcat ("(?<![\\p{L}\\p{M}\\p{N}_])(?:", alternatives, ")(?![\\p{L}\\p{M}\\p{N}_])", NULL);
  /* Compiling to machine code pays only on long texts, such as the
   * profiles of a whole offer. */
  regex = g_regex_new (pattern, G_REGEX_CASELESS | (strlen (text) > 65536 ? G_REGEX_OPTIMIZE : 0), 0, NULL);
  /* A pattern that cannot be made is a hit: fail closed. */
  return regex == NULL || g_regex_match (regex, text, 0, NULL);
}

static gboolean
has_name (SmAnonymiser       *self,
          const char         *text,
          const char * const *names)
{
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *alternatives = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    sm_anonymiser_add_variants (self, variants, seen, names[i], FALSE);
  if (variants->len == 0)
    return FALSE;
  alternatives = sm_anonymiser_variants_pattern (variants);
  return matches_word (text, alternatives);
}

static gboolean
has_literal_word (const char *text,
                  const char *value)
{
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autofree char *composed = NULL;

  if (value == NULL)
    return FALSE;
  composed = sm_anonymiser_normalise (value);
  g_strstrip (composed);
  if (*composed == '\0')
    return FALSE;
  sm_anonymiser_append_literal (pattern, composed, -1);
  return matches_word (text, pattern->str);
}

static gboolean
is_phone_gap (gunichar c)
{
  switch (c)
    {
    case ' ': case '\t': case '.': case '-': case '/': case '(': case ')': case '+':
    case 0x00A0: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x202F:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Runs of digits, whatever stands between them if it is short and no
 * letter, hold @needle: "06-1234 5678" and "+31 (0)6 12 34 56 78" both
 * hold "612345678". */
static gboolean
has_digits (const char *text,
            const char *needle)
{
  g_autoptr(GString) run = g_string_new (NULL);
  guint gap = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (run, (char) c);
          gap = 0;
          continue;
        }
      if (c != 0 && run->len > 0 && gap < 3 && is_phone_gap (c))
        {
          gap++;
          continue;
        }
      if (run->len > 0 && strstr (run->str, needle) != NULL)
        return TRUE;
      g_string_truncate (run, 0);
      gap = 0;
      if (c == 0)
        break;
    }
  return FALSE;
}

static gboolean
has_phone (const char *text,
           const char *phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  if (phone == NULL)
    return FALSE;
  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  /* The last nine digits are the number without 0, +31 or 0031. */
  if (digits->len < 7)
    return has_literal_word (text, phone);
  return has_digits (text, digits->str + (digits->len > 9 ? digits->len - 9 : 0));
}

static gboolean
has_postcode (const char *text,
              const char *postcode)
{
  g_autofree char *compact = NULL;
  g_autofree char *pattern = NULL;
  guint n = 0;

  if (postcode == NULL)
    return FALSE;
  compact = g_strdup (postcode);
  for (const char *p = postcode; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      compact[n++] = *p;
  compact[n] = '\0';
  if (n != 6)
    return has_literal_word (text, postcode);
  pattern = g_strdup_printf ("%.4s[ \\t\\-]*%.2s", compact, compact + 4);
  return matches_word (text, pattern);
}

static gboolean
has_street (const char *text,
            const char *street)
{
  g_autofree char *name = NULL;
  const char *p;

  if (street == NULL)
    return FALSE;
  if (has_literal_word (text, street))
    return TRUE;

  /* The street without its number: "Kerkstraat" of "Kerkstraat 12a". */
  for (p = street; *p != '\0' && !g_ascii_isdigit (*p); p++)
    ;
  name = g_strstrip (g_strndup (street, (gsize) (p - street)));
  return g_utf8_strlen (name, -1) >= 3 && has_literal_word (text, name);
}

static gboolean
year_matches (const char *text,
              int         year)
{
  const char *digits = text[0] == '\'' ? text + 1 : text;
  int value = atoi (digits);

  if (strlen (digits) == 2)
    return value == year % 100;
  return value == year;
}

static gboolean
has_date_of_birth (SmAnonymiser *self,
                   const char   *text,
                   const char   *date_of_birth)
{
  g_autoptr(GMatchInfo) info = NULL;
  char iso_compact[9], dutch_compact[9], short_compact[7];
  int year, month, day;

  if (date_of_birth == NULL || sscanf (date_of_birth, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return FALSE;

  /* 2008-03-14, 14-03-2008, 14/3/2008, 14.03.08, 3/14/2008 */
  g_regex_match (self->date_numeric, text, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *a = g_match_info_fetch (info, 1);
      g_autofree char *b = g_match_info_fetch (info, 2);
      g_autofree char *c = g_match_info_fetch (info, 3);
      int na = atoi (a), nb = atoi (b), nc = atoi (c[0] == '\'' ? c + 1 : c);

      if (strlen (a) == 4 && na == year && nb == month && nc == day)
        return TRUE;
      if (strlen (a) <= 2 && year_matches (c, year) &&
          ((na == day && nb == month) || (na == month && nb == day)))
        return TRUE;
      g_match_info_next (info, NULL);
    }
  g_clear_pointer (&info, g_match_info_free);

  /* 14032008, 20080314, 140308 */
  g_snprintf (iso_compact, sizeof iso_compact, "%04d%02d%02d", year, month, day);
  g_snprintf (dutch_compact, sizeof dutch_compact, "%02d%02d%04d", day, month, year);
  g_snprintf (short_compact, sizeof short_compact, "%02d%02d%02d", day, month, year % 100);
  g_regex_match (self->date_compact, text, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *digits = g_match_info_fetch (info, 1);

      if (strcmp (digits, iso_compact) == 0 || strcmp (digits, dutch_compact) == 0 ||
          strcmp (digits, short_compact) == 0)
        return TRUE;
      g_match_info_next (info, NULL);
    }
  g_clear_pointer (&info, g_match_info_free);

  /* 14 maart 2008, 14th of March 2008 */
  g_regex_match (self->date_day_month, text, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *d = g_match_info_fetch (info, 1);
      g_autofree char *m = g_match_info_fetch (info, 2);
      g_autofree char *y = g_match_info_fetch (info, 3);

      if (atoi (d) == day && sm_anonymiser_month_number (m) == month && year_matches (y, year))
        return TRUE;
      g_match_info_next (info, NULL);
    }
  g_clear_pointer (&info, g_match_info_free);

  /* March 14, 2008 */
  g_regex_match (self->date_month_day, text, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *m = g_match_info_fetch (info, 1);
      g_autofree char *d = g_match_info_fetch (info, 2);
      g_autofree char *y = g_match_info_fetch (info, 3);

      if (atoi (d) == day && sm_anonymiser_month_number (m) == month && year_matches (y, year))
        return TRUE;
      g_match_info_next (info, NULL);
    }
  return FALSE;
}

/* An output as the check reads it: composed, with escapes undone, and
 * folded once for all the students checked against it. */
typedef struct
{
  char *text;
  char *folded;
} Output;

static void
output_init (Output     *output,
             const char *text)
{
  g_autofree char *normalised = sm_anonymiser_normalise (text);

  output->folded = NULL;
  if (strchr (normalised, '\\') != NULL || strstr (normalised, "&#") != NULL)
    {
      g_autofree char *unescaped = unescape_output (normalised);

      output->text = sm_anonymiser_normalise (unescaped);
    }
  else
    output->text = g_steal_pointer (&normalised);
}

static void
output_clear (Output *output)
{
  g_clear_pointer (&output->text, g_free);
  g_clear_pointer (&output->folded, g_free);
}

static gboolean
has_email (Output     *output,
           const char *email)
{
  g_autofree char *needle = NULL;

  if (email == NULL || *email == '\0')
    return FALSE;
  if (output->folded == NULL)
    output->folded = g_utf8_casefold (output->text, -1);
  needle = g_utf8_casefold (email, -1);
  return strstr (output->folded, needle) != NULL;
}

static int
find_leak_in (SmAnonymiser *self,
              SmStudent    *student,
              Output       *output)
{
  SmRecord *record = SM_RECORD (student);
  const char *text = output->text;
  const char *given = sm_record_get_string (record, SM_STUDENT_FIELD_GIVEN_NAME);
  const char *prefix = sm_record_get_string (record, SM_STUDENT_FIELD_NAME_PREFIX);
  const char *family = sm_record_get_string (record, SM_STUDENT_FIELD_FAMILY_NAME);
  g_autofree char *prefixed = prefix != NULL && family != NULL ? g_strconcat (prefix, " ", family, NULL) : NULL;
  const char *given_names[] = { given, NULL };
  const char *family_names[] = { family, prefixed, NULL };

  if (given != NULL && has_name (self, text, given_names))
    return SM_STUDENT_FIELD_GIVEN_NAME;
  if (family != NULL && has_name (self, text, family_names))
    return SM_STUDENT_FIELD_FAMILY_NAME;
  if (has_literal_word (text, sm_student_get_student_number (student)))
    return SM_STUDENT_FIELD_STUDENT_NUMBER;
  if (has_email (output, sm_record_get_string (record, SM_STUDENT_FIELD_EMAIL)))
    return SM_STUDENT_FIELD_EMAIL;
  if (has_phone (text, sm_record_get_string (record, SM_STUDENT_FIELD_PHONE)))
    return SM_STUDENT_FIELD_PHONE;
  if (has_street (text, sm_record_get_string (record, SM_STUDENT_FIELD_STREET)))
    return SM_STUDENT_FIELD_STREET;
  if (has_postcode (text, sm_record_get_string (record, SM_STUDENT_FIELD_POSTCODE)))
    return SM_STUDENT_FIELD_POSTCODE;
  if (has_date_of_birth (self, text, sm_record_get_string (record, SM_STUDENT_FIELD_DATE_OF_BIRTH)))
    return SM_STUDENT_FIELD_DATE_OF_BIRTH;
  return -1;
}

/**
 * sm_anonymiser_find_leak:
 * @student: the student the text is about
 * @text: (nullable): any output: a profile, a part of one
 *
 * Looks in @text for every identifying detail of @student: given name,
 * family name with and without prefix (whole words, any case, with or
 * without accents), student number, e-mail address, phone number in any
 * grouping, street with and without house number, postcode with and
 * without space, and date of birth in the common Dutch and English
 * formats. JSON escapes and XML character references are read as the
 * characters they stand for. Fields that are not set are skipped.
 *
 * Returns: the #SmStudentField found first, or -1 if there is none
 */
int
sm_anonymiser_find_leak (SmAnonymiser *self,
                         SmStudent    *student,
                         const char   *text)
{
  Output output;
  int field;

  g_return_val_if_fail (SM_IS_ANONYMISER (self), -1);
  g_return_val_if_fail (SM_IS_STUDENT (student), -1);

  if (text == NULL)
    return -1;

  output_init (&output, text);
  field = find_leak_in (self, student, &output);
  output_clear (&output);
  return field;
}

/**
 * sm_anonymiser_find_leak_of_any:
 * @students: (element-type SmStudent): the students an output is about
 * @text: (nullable): the output, such as the profiles of one offer
 * @index: (out) (optional): where the position of the student found goes
 *
 * Does what sm_anonymiser_find_leak() does for each of @students, reading
 * @text once: a list of profiles must not give away any student in it,
 * also not in the text of another.
 *
 * Returns: the #SmStudentField found first, or -1 if there is none
 */
int
sm_anonymiser_find_leak_of_any (SmAnonymiser *self,
                                GPtrArray    *students,
                                const char   *text,
                                guint        *index)
{
  Output output;
  int field = -1;

  g_return_val_if_fail (SM_IS_ANONYMISER (self), -1);
  g_return_val_if_fail (students != NULL, -1);

  if (text == NULL)
    return -1;

  for (guint i = 0; i < students->len; i++)
    g_return_val_if_fail (SM_IS_STUDENT (students->pdata[i]), -1);

  output_init (&output, text);
  for (guint i = 0; i < students->len && field < 0; i++)
    {
      field = find_leak_in (self, students->pdata[i], &output);
      if (field >= 0 && index != NULL)
        *index = i;
    }
  output_clear (&output);
  return field;
}

/**
 * sm_anonymiser_describe_field:
 * @field: a #SmStudentField that sm_anonymiser_find_leak() returned
 *
 * Returns: what the field is, for a sentence: "family name"
 */
const char *
sm_anonymiser_describe_field (int field)
{
  switch (field)
    {
    case SM_STUDENT_FIELD_GIVEN_NAME:
      return _("given name");
    case SM_STUDENT_FIELD_NAME_PREFIX:
    case SM_STUDENT_FIELD_FAMILY_NAME:
      return _("family name");
    case SM_STUDENT_FIELD_STUDENT_NUMBER:
      return _("student number");
    case SM_STUDENT_FIELD_EMAIL:
      return _("e-mail address");
    case SM_STUDENT_FIELD_PHONE:
      return _("phone number");
    case SM_STUDENT_FIELD_STREET:
      return _("street");
    case SM_STUDENT_FIELD_POSTCODE:
      return _("postcode");
    case SM_STUDENT_FIELD_DATE_OF_BIRTH:
      return _("date of birth");
    default:
      return _("personal details");
    }
}

/**
 * sm_anonymiser_check_output:
 * @student: the student the output is about
 * @output: the whole output, as it would leave the program
 *
 * The last check before a profile is shown, printed or exported: fails
 * closed if anything identifying of @student is in @output, with a
 * message that says which detail to remove.
 *
 * Returns: %TRUE if @output may be shown; %FALSE with
 *   %SM_ANONYMISER_ERROR_LEAK otherwise
 */
gboolean
sm_anonymiser_check_output (SmAnonymiser  *self,
                            SmStudent     *student,
                            const char    *output,
                            GError       **error)
{
  int field;

  g_return_val_if_fail (SM_IS_ANONYMISER (self), FALSE);
  g_return_val_if_fail (SM_IS_STUDENT (student), FALSE);

  field = sm_anonymiser_find_leak (self, student, output);
  if (field < 0)
    return TRUE;

  g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_LEAK,
               _("The profile would show the student’s %s; edit the motivation (or the context note) before sharing it"),
               sm_anonymiser_describe_field (field));
  return FALSE;
}

/* Proxy requirements */

static void
collect_proxies (SmAnonymiser *self,
                 const char   *text,
                 GPtrArray    *found,
                 GHashTable   *seen)
{
  g_autofree char *normalised = NULL;
  g_autoptr(GMatchInfo) info = NULL;

  if (text == NULL)
    return;
  normalised = sm_anonymiser_normalise (text);
  g_regex_match (self->proxies, normalised, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *phrase = g_match_info_fetch (info, 0);
      g_auto(GStrv) words = g_regex_split_simple ("\\s+", phrase, 0, 0);
      g_autofree char *joined = g_strjoinv (" ", words);

      if (g_hash_table_add (seen, sm_anonymiser_fold (joined)))
        g_ptr_array_add (found, g_steal_pointer (&joined));
      g_match_info_next (info, NULL);
    }
}

/**
 * sm_anonymiser_find_proxy_requirements:
 * @requirements: (nullable) (array zero-terminated=1): an offer's
 *   requirements
 * @description: (nullable): more text of the offer: its title or
 *   description
 *
 * Finds requirements that can act as a proxy for origin: "native
 * speaker", "Nederlandse achternaam", "geen hoofddoek", ...
 *
 * Returns: (transfer full) (element-type utf8): the phrases found, as
 *   written, each once; empty if there are none
 */
GPtrArray *
sm_anonymiser_find_proxy_requirements (SmAnonymiser       *self,
                                       const char * const *requirements,
                                       const char         *description)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (SM_IS_ANONYMISER (self), found);

  for (guint i = 0; requirements != NULL && requirements[i] != NULL; i++)
    collect_proxies (self, requirements[i], found, seen);
  collect_proxies (self, description, found, seen);
  return found;
}
