/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-anonymiser"

#include "config.h"

#include <string.h>

#include "sm-anonymiser-private.h"

/* Scrubbing: the passes over free text that sm-anonymiser.c describes,
 * with the patterns it compiled and, per call, the student's own names
 * and places. */

static char *
apply_regex (GRegex     *regex,
             char       *text,
             const char *replacement)
{
  g_autoptr(GError) error = NULL;
  char *result;

  if (text == NULL)
    return NULL;
  result = g_regex_replace (regex, text, -1, 0, replacement, 0, &error);
  g_free (text);
  if (result == NULL)
    g_warning ("A pattern of the anonymiser failed: %s", error->message);
  return result;
}

static char *
apply_rules (GArray *rules,
             char   *text)
{
  for (guint i = 0; i < rules->len && text != NULL; i++)
    {
      Rule *rule = &g_array_index (rules, Rule, i);

      text = apply_regex (rule->regex, text, rule->replacement);
    }
  return text;
}

static gboolean
is_prefix (SmAnonymiser *self,
           const char   *word)
{
  g_autofree char *key = sm_anonymiser_fold (word);

  return g_hash_table_contains (self->prefixes, key);
}

static void
add_variant (GPtrArray  *variants,
             GHashTable *seen,
             const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (g_utf8_strlen (trimmed, -1) < 2)
    return;
  if (!g_hash_table_add (seen, sm_anonymiser_fold (trimmed)))
    return;
  g_ptr_array_add (variants, g_steal_pointer (&trimmed));
}

/* The ways a name or place can be written: whole, without accents, and
 * each of its words on its own ("van den Berg": "Berg"; "Capelle aan den
 * IJssel": "Capelle"). Prefixes and short words alone are no variant. */
void
sm_anonymiser_add_variants (SmAnonymiser *self,
                            GPtrArray    *variants,
                            GHashTable   *seen,
                            const char   *text,
                            gboolean      place)
{
  g_autofree char *composed = NULL;
  g_autofree char *ascii = NULL;
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return;
  composed = sm_anonymiser_normalise (text);
  g_strstrip (composed);
  if (*composed == '\0')
    return;

  ascii = sm_anonymiser_to_ascii (composed);
  add_variant (variants, seen, composed);
  add_variant (variants, seen, ascii);

  words = g_regex_split_simple ("[\\s\\-]+", composed, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      g_autofree char *word_ascii = NULL;

      if (place ? (g_utf8_strlen (word, -1) < 4 || !sm_anonymiser_starts_upper (word)) : is_prefix (self, word))
        continue;
      word_ascii = sm_anonymiser_to_ascii (word);
      add_variant (variants, seen, word);
      add_variant (variants, seen, word_ascii);
    }
}

char *
sm_anonymiser_variants_pattern (GPtrArray *variants)
{
  GString *pattern = g_string_new (NULL);

  g_ptr_array_sort (variants, sm_anonymiser_compare_longest_first);
  for (guint i = 0; i < variants->len; i++)
    {
      if (i > 0)
        g_string_append_c (pattern, '|');
      sm_anonymiser_append_literal (pattern, variants->pdata[i], -1);
    }
  return g_string_free (pattern, FALSE);
}

/* A pattern for the student's own names or places, in any case. */
static GRegex *
own_regex (SmAnonymiser       *self,
           const char * const *words,
           gboolean            place)
{
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *alternatives = NULL;
  g_autofree char *pattern = NULL;
  GRegex *regex;

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    sm_anonymiser_add_variants (self, variants, seen, words[i], place);
  if (variants->len == 0)
    return NULL;

  alternatives = sm_anonymiser_variants_pattern (variants);
  if (place)
    pattern = g_strconcat (NOT_AFTER_WORD "(?:", alternatives,
                           ")(?:se|s|er|ers|mer|mers|naar|naars)?" NOT_BEFORE_WORD, NULL);
  else
    pattern = g_strconcat (NOT_AFTER_WORD "(?:" LETTERS "+-)*(?:", alternatives, ")(?:-" LETTERS "+)*"
                           "(?:['’]s|['’]|s)?" NOT_BEFORE_WORD, NULL);

  regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, &error);
  if (regex == NULL)
    g_warning ("Could not make a pattern of a student’s names: %s", error->message);
  return regex;
}

static gboolean
is_listed_name (SmAnonymiser *self,
                const char   *word)
{
  g_autofree char *key = sm_anonymiser_fold (word);
  g_autofree char *ascii = sm_anonymiser_fold_ascii (word);
  gsize length;

  if (g_utf8_strlen (word, -1) < 2)
    return FALSE;
  if (g_hash_table_contains (self->not_names, key) || g_hash_table_contains (self->not_names, ascii))
    return FALSE;
  if (g_hash_table_contains (self->names, key) || g_hash_table_contains (self->names, ascii))
    return TRUE;

  /* The Dutch possessive: "Daans fiets". */
  length = strlen (key);
  if (g_utf8_strlen (word, -1) >= 4 && key[length - 1] == 's')
    {
      key[length - 1] = '\0';
      return !g_hash_table_contains (self->not_names, key) && g_hash_table_contains (self->names, key);
    }
  return FALSE;
}

static gboolean
token_is_name (SmAnonymiser *self,
               const char   *token)
{
  g_autofree char *word = g_strdup (token);
  g_auto(GStrv) parts = NULL;

  if (g_str_has_suffix (word, "'s"))
    word[strlen (word) - 2] = '\0';
  else if (g_str_has_suffix (word, "’s"))
    word[strlen (word) - strlen ("’s")] = '\0';
  else if (g_str_has_suffix (word, "'"))
    word[strlen (word) - 1] = '\0';
  else if (g_str_has_suffix (word, "’"))
    word[strlen (word) - strlen ("’")] = '\0';

  parts = g_strsplit (word, "-", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (sm_anonymiser_starts_upper (parts[i]) && is_listed_name (self, parts[i]))
      return TRUE;
  return FALSE;
}

static gboolean
replace_listed_name_cb (const GMatchInfo *info,
                        GString          *result,
                        gpointer          user_data)
{
  SmAnonymiser *self = user_data;
  g_autofree char *token = g_match_info_fetch (info, 0);

  g_string_append (result, token_is_name (self, token) ? "[naam]" : token);
  return FALSE;
}

/**
 * sm_anonymiser_scrub:
 * @text: (nullable): free text, such as a motivation
 * @own_names: (nullable) (array zero-terminated=1): the student's given
 *   name, prefix and family name, and names of relatives where known
 * @own_places: (nullable) (array zero-terminated=1): the student's town
 *   and other places that point to the student
 *
 * Removes from @text the student's own names (in any case, possessive and
 * hyphenated forms too), other personal names, e-mail and web addresses,
 * phone numbers, postcodes, street addresses, dates, ages, places and
 * words that reveal origin, nationality or religion. Each removal becomes
 * a marker: [naam], [e-mail], [website], [telefoon], [postcode], [adres],
 * [datum], [leeftijd], [plaats] or [herkomst]. Scrubbing the result again
 * changes nothing.
 *
 * Returns: (transfer full) (nullable): the scrubbed text; %NULL if @text
 *   is %NULL, or if it could not be scrubbed, in which case none of it
 *   may be shown
 */
char *
sm_anonymiser_scrub (SmAnonymiser       *self,
                     const char         *text,
                     const char * const *own_names,
                     const char * const *own_places)
{
  g_autoptr(GRegex) names = NULL;
  g_autoptr(GRegex) places = NULL;
  g_autoptr(GError) error = NULL;
  char *result;

  g_return_val_if_fail (SM_IS_ANONYMISER (self), NULL);

  if (text == NULL)
    return NULL;

  names = own_regex (self, own_names, FALSE);
  places = own_regex (self, own_places, TRUE);

  result = sm_anonymiser_normalise (text);
  result = apply_rules (self->contact_rules, result);
  if (places != NULL)
    result = apply_regex (places, result, "[plaats]");
  result = apply_rules (self->place_rules, result);
  result = apply_regex (self->origin, result, "[herkomst]");
  result = apply_rules (self->name_rules, result);
  if (names != NULL)
    result = apply_regex (names, result, "[naam]");
  if (result != NULL)
    {
      char *listed = g_regex_replace_eval (self->name_token, result, -1, 0, 0,
                                           replace_listed_name_cb, self, &error);
      g_free (result);
      result = listed;
      if (result == NULL)
        g_warning ("A pattern of the anonymiser failed: %s", error->message);
    }
  return apply_rules (self->tidy_rules, result);
}

/**
 * sm_anonymiser_reveals_origin:
 * @text: (nullable): a short text, such as a skill
 *
 * Returns: %TRUE if @text holds a word of origin, nationality or
 *   religion ("Arabisch", "Turks")
 */
gboolean
sm_anonymiser_reveals_origin (SmAnonymiser *self,
                              const char   *text)
{
  g_autofree char *normalised = NULL;

  g_return_val_if_fail (SM_IS_ANONYMISER (self), FALSE);

  if (text == NULL)
    return FALSE;
  normalised = sm_anonymiser_normalise (text);
  return g_regex_match (self->origin, normalised, 0, NULL);
}
