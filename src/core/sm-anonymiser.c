/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-anonymiser"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-anonymiser-private.h"
#include "sm-core-resources.h"

/* The anonymiser removes from free text what tells a company who a
 * student is or where the student comes from, and checks an output for
 * the identifying details of one student before it leaves the program.
 *
 * Scrubbing is a fixed sequence of passes, each replacing what it finds
 * with a marker such as [naam]: contact details, dates and ages first (an
 * e-mail address holds a name, a date holds digits that look like a phone
 * number), then places, addresses and words of origin, then names, and
 * last a tidy-up that joins neighbouring markers. Every pass leaves text
 * that no pass changes again, so scrubbing twice gives what scrubbing once
 * does. The patterns are compiled once; only the student's own names and
 * places make a pattern per call.
 *
 * The word lists are data in data/anonymiser/, compiled into the program
 * as a GResource, so the instance is the same everywhere and cannot be
 * changed behind the program's back.
 *
 * This file makes the anonymiser: word lists and patterns. Scrubbing is
 * in sm-anonymiser-scrub.c, the leak check in sm-anonymiser-check.c. */

#define LIST_PATH "/io/github/stagematch/Stagematch/anonymiser/"

#define DAY  "(?:[12][0-9]|3[01]|0?[1-9])"
#define MON  "(?:1[0-2]|0?[1-9])"
#define YEAR "(?:19|20)[0-9]{2}"
#define NOT_DIGIT_BEFORE "(?<![\\p{N}])(?<![\\p{N}][\\-/.])"

#define SEP "[ \\t.\\-/\\x{2013}\\x{00A0}]"

#define HOUSE_NUMBER \
  "[0-9]{1,5}(?:[ ]?-[ ]?[0-9]{1,4}(?![\\p{N}])|-?[a-zA-Z](?![\\p{L}\\p{M}\\p{N}])" \
  "|[ ](?:[A-Z]|bis|hs|huis|bg|bgg|zw|rd|I{1,3})(?![\\p{L}\\p{M}\\p{N}]))?"

#define STREET_TITLE \
  "(?:(?:Prinses|Prins|Koningin|Koning|Burgemeester|Burg\\.|Dokter|Dr\\.|Professor|Prof\\.|" \
  "Generaal|Graaf|Gravin|Hertog|Sint|St\\.|Oude|Nieuwe|Korte|Lange|Hoge|Lage|Groene|Grote|" \
  "Kleine|Binnen|Buiten|Jan|Pieter|Willem|Johan|Hendrik|Cornelis|Jacob|Anna|Maria|Mr\\.|" \
  "Meester|President|Admiraal|Kapitein|Van)[ \\t]+(?:(?:de|van|der|den|het|['’]t|la)[ \\t]+)*)"

#define NAME_WORDS \
  "\\p{Lu}[\\p{L}\\p{M}'’\\-]*(?:[ \\t]+(?:(?:van|de|der|den|ter|ten|el|al|da|dos|von|['’]t)[ \\t]+)*" \
  "\\p{Lu}[\\p{L}\\p{M}'’\\-]*){0,3}"

#define AGE_WORDS \
  "(?i:eenentwintig|tweeëntwintig|drieëntwintig|vierentwintig|vijfentwintig|twaalf|dertien|" \
  "veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|twenty-one|twenty-two|" \
  "twenty-three|twenty-four|twenty-five|thirteen|fourteen|fifteen|sixteen|seventeen|" \
  "eighteen|nineteen|twelve|twenty)"

/* What follows a phrase that ends in " +": the next word or place, and
 * any capitalised words after it ("uit Sint Maarten"); not a date ("ik
 * ben geboren in [datum]" says nothing of origin). */
#define NEXT_WORDS \
  "(?:[ \\t]+(?i:de|het|the|a|an)(?=[ \\t]))?[ \\t]+(?:\\[(?:plaats|herkomst)\\]|[\\p{L}\\p{M}'’][\\p{L}\\p{M}'’\\-]*)" \
  "(?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}'’\\-]*)*"

typedef struct
{
  const char *name;
  int         month;
} Month;

/* Full names and the usual abbreviations, Dutch and English. */
static const Month months[] = {
  { "januari", 1 }, { "january", 1 }, { "jan", 1 },
  { "februari", 2 }, { "february", 2 }, { "feb", 2 },
  { "maart", 3 }, { "march", 3 }, { "mrt", 3 }, { "mar", 3 },
  { "april", 4 }, { "apr", 4 },
  { "mei", 5 }, { "may", 5 },
  { "juni", 6 }, { "june", 6 }, { "jun", 6 },
  { "juli", 7 }, { "july", 7 }, { "jul", 7 },
  { "augustus", 8 }, { "august", 8 }, { "aug", 8 },
  { "september", 9 }, { "sept", 9 }, { "sep", 9 },
  { "oktober", 10 }, { "october", 10 }, { "okt", 10 }, { "oct", 10 },
  { "november", 11 }, { "nov", 11 },
  { "december", 12 }, { "dec", 12 },
};

G_DEFINE_FINAL_TYPE (SmAnonymiser, sm_anonymiser, G_TYPE_OBJECT)

G_DEFINE_QUARK (sm-anonymiser-error-quark, sm_anonymiser_error)

static void
rule_clear (Rule *rule)
{
  g_clear_pointer (&rule->regex, g_regex_unref);
}

static void
sm_anonymiser_finalize (GObject *object)
{
  SmAnonymiser *self = SM_ANONYMISER (object);

  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->not_names, g_hash_table_unref);
  g_clear_pointer (&self->prefixes, g_hash_table_unref);
  g_clear_pointer (&self->contact_rules, g_array_unref);
  g_clear_pointer (&self->place_rules, g_array_unref);
  g_clear_pointer (&self->name_rules, g_array_unref);
  g_clear_pointer (&self->tidy_rules, g_array_unref);
  g_clear_pointer (&self->name_token, g_regex_unref);
  g_clear_pointer (&self->origin, g_regex_unref);
  g_clear_pointer (&self->proxies, g_regex_unref);
  g_clear_pointer (&self->date_numeric, g_regex_unref);
  g_clear_pointer (&self->date_compact, g_regex_unref);
  g_clear_pointer (&self->date_day_month, g_regex_unref);
  g_clear_pointer (&self->date_month_day, g_regex_unref);

  G_OBJECT_CLASS (sm_anonymiser_parent_class)->finalize (object);
}

static void
sm_anonymiser_class_init (SmAnonymiserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sm_anonymiser_finalize;
}

static GArray *
rule_array_new (void)
{
  GArray *rules = g_array_new (FALSE, TRUE, sizeof (Rule));

  g_array_set_clear_func (rules, (GDestroyNotify) rule_clear);
  return rules;
}

static void
sm_anonymiser_init (SmAnonymiser *self)
{
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->not_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->contact_rules = rule_array_new ();
  self->place_rules = rule_array_new ();
  self->name_rules = rule_array_new ();
  self->tidy_rules = rule_array_new ();
}

/* Text helpers */

char *
sm_anonymiser_normalise (const char *text)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  return g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* The key under which a word is looked up: case folded, composed. */
char *
sm_anonymiser_fold (const char *word)
{
  g_autofree char *composed = g_utf8_normalize (word, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (composed != NULL ? composed : word, -1);
}

/* Without accents: "Büşra" is often typed "Busra", "Yılmaz" "Yilmaz".
 * Letters that do not decompose are spelled out first. */
char *
sm_anonymiser_to_ascii (const char *text)
{
  static const struct { gunichar letter; const char *ascii; } letters[] = {
    { 0x0131, "i" }, { 0x0130, "I" }, { 0x0142, "l" }, { 0x0141, "L" }, { 0x00F8, "o" },
    { 0x00D8, "O" }, { 0x0111, "d" }, { 0x0110, "D" }, { 0x00DF, "ss" }, { 0x00E6, "ae" },
    { 0x00C6, "AE" }, { 0x0153, "oe" }, { 0x0152, "OE" }, { 0x00FE, "th" }, { 0x00DE, "Th" },
  };
  g_autoptr(GString) spelled = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint i;

      for (i = 0; i < G_N_ELEMENTS (letters); i++)
        if (letters[i].letter == c)
          break;
      if (i < G_N_ELEMENTS (letters))
        g_string_append (spelled, letters[i].ascii);
      else
        g_string_append_unichar (spelled, c);
    }
  return g_str_to_ascii (spelled->str, "C");
}

char *
sm_anonymiser_fold_ascii (const char *word)
{
  g_autofree char *ascii = sm_anonymiser_to_ascii (word);

  return g_ascii_strdown (ascii, -1);
}

gboolean
sm_anonymiser_starts_upper (const char *word)
{
  return g_unichar_isupper (g_utf8_get_char (word));
}

/* Escapes @text for a pattern; runs of spaces match any white space and
 * both apostrophes are the same. */
void
sm_anonymiser_append_literal (GString    *pattern,
                              const char *text,
                              gssize      length)
{
  g_autofree char *escaped = g_regex_escape_string (text, (int) length);

  for (const char *p = escaped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        {
          while (p[1] == ' ')
            p++;
          g_string_append (pattern, "\\s+");
        }
      else if (c == '\'' || c == 0x2019)
        g_string_append (pattern, "['’]");
      else
        g_string_append_unichar (pattern, c);
    }
}

/* A copy that shares the strings of @array. */
static GPtrArray *
borrow_all (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_sized_new (array->len);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, array->pdata[i]);
  return copy;
}

gint
sm_anonymiser_compare_longest_first (gconstpointer a,
                                     gconstpointer b)
{
  const char *sa = *(const char * const *) a;
  const char *sb = *(const char * const *) b;
  glong la = g_utf8_strlen (sa, -1);
  glong lb = g_utf8_strlen (sb, -1);

  if (la != lb)
    return la > lb ? -1 : 1;
  return strcmp (sa, sb);
}

/* Word lists */

static GPtrArray *
load_list (const char  *name,
           GError     **error)
{
  g_autofree char *path = g_strconcat (LIST_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (sm_core_get_resource (), path, 0, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_WORD_LIST,
                   _("The word list %s is missing from the program"), name);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate (data, (gssize) size, NULL))
    {
      g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_WORD_LIST,
                   _("The word list %s is not UTF-8 text"), name);
      return NULL;
    }

  text = g_utf8_normalize (data, (gssize) size, G_NORMALIZE_DEFAULT_COMPOSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      g_ptr_array_add (entries, g_strdup (line));
    }
  return g_steal_pointer (&entries);
}

static void
add_folded (GHashTable *table,
            const char *word)
{
  g_hash_table_add (table, sm_anonymiser_fold (word));
  g_hash_table_add (table, sm_anonymiser_fold_ascii (word));
}

static GRegex *
compile (const char          *pattern,
         GRegexCompileFlags   flags,
         GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  GRegex *regex = g_regex_new (pattern, flags | G_REGEX_OPTIMIZE, 0, &local_error);

  if (regex == NULL)
    g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_WORD_LIST,
                 _("A pattern of the anonymiser is wrong: %s"), local_error->message);
  return regex;
}

static gboolean
add_rule (GArray      *rules,
          const char  *pattern,
          const char  *replacement,
          GError     **error)
{
  Rule rule = { NULL, replacement };

  rule.regex = compile (pattern, 0, error);
  if (rule.regex == NULL)
    return FALSE;
  g_array_append_val (rules, rule);
  return TRUE;
}

/* Entries of origin.txt and proxy-requirements.txt: words with "*" for
 * any ending, (a|b) for a choice, (a|) for an optional word, and " +"
 * at the end for the word after. */

static void append_phrase (GString *pattern, const char *phrase);

static gboolean
is_optional_group (const char *token)
{
  gsize length = strlen (token);

  return length >= 2 && token[0] == '(' && token[length - 1] == ')' &&
         strchr (token + 1, '(') == NULL && strchr (token, ')') == token + length - 1 &&
         (strstr (token, "||") != NULL || strstr (token, "(|") != NULL || strstr (token, "|)") != NULL);
}

static void
append_group (GString    *pattern,
              const char *content,
              gsize       length)
{
  g_autofree char *copy = g_strndup (content, length);
  g_auto(GStrv) choices = g_strsplit (copy, "|", -1);
  gboolean first = TRUE;

  g_string_append (pattern, "(?:");
  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (*choices[i] == '\0')
        continue;
      if (!first)
        g_string_append_c (pattern, '|');
      append_phrase (pattern, choices[i]);
      first = FALSE;
    }
  g_string_append_c (pattern, ')');
}

static void
append_token (GString    *pattern,
              const char *token)
{
  const char *p = token;

  while (*p != '\0')
    {
      if (*p == '(')
        {
          const char *close = strchr (p, ')');

          if (close == NULL)
            close = p + strlen (p);
          append_group (pattern, p + 1, (gsize) (close - p - 1));
          p = *close != '\0' ? close + 1 : close;
        }
      else if (*p == '*')
        {
          g_string_append (pattern, LETTERS "*");
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          sm_anonymiser_append_literal (pattern, p, next - p);
          p = next;
        }
    }
}

static GPtrArray *
split_tokens (const char *phrase)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  GString *token = g_string_new (NULL);
  int depth = 0;

  for (const char *p = phrase; ; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth = MAX (0, depth - 1);

      if (*p == '\0' || (depth == 0 && g_ascii_isspace (*p)))
        {
          if (token->len > 0)
            g_ptr_array_add (tokens, g_strdup (token->str));
          g_string_truncate (token, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (token, *p);
    }
  g_string_free (token, TRUE);
  return tokens;
}

static void
append_phrase (GString    *pattern,
               const char *phrase)
{
  g_autoptr(GPtrArray) tokens = split_tokens (phrase);
  gboolean need_space = FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *token = tokens->pdata[i];

      if (is_optional_group (token))
        {
          /* The optional word takes its space with it. */
          g_string_append (pattern, "(?:");
          if (need_space)
            g_string_append (pattern, "\\s+");
          append_group (pattern, token + 1, strlen (token) - 2);
          if (!need_space)
            g_string_append (pattern, "\\s+");
          g_string_append (pattern, ")?");
        }
      else
        {
          if (need_space)
            g_string_append (pattern, "\\s+");
          append_token (pattern, token);
          need_space = TRUE;
        }
    }
}

/* One word with a capital matches only with that capital: "Polish" is a
 * nationality, "polish" something done to shoes. */
static gboolean
entry_is_case_sensitive (const char *entry)
{
  if (strpbrk (entry, " \t()") != NULL)
    return FALSE;
  for (const char *p = entry; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static char *
entries_to_pattern (GPtrArray *entries,
                    gboolean   always_caseless)
{
  g_autoptr(GPtrArray) sorted = borrow_all (entries);
  GString *pattern = g_string_new (NULL);

  /* Longer entries first, so that a phrase wins over a word it starts
   * with. */
  g_ptr_array_sort (sorted, sm_anonymiser_compare_longest_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autofree char *entry = g_strdup (sorted->pdata[i]);
      gsize length = strlen (entry);
      gboolean next = FALSE;

      if (length > 2 && g_str_has_suffix (entry, " +"))
        {
          entry[length - 2] = '\0';
          g_strchomp (entry);
          next = TRUE;
        }

      if (i > 0)
        g_string_append_c (pattern, '|');
      g_string_append (pattern, !always_caseless && entry_is_case_sensitive (entry) ? "(?:" : "(?i:");
      append_phrase (pattern, entry);
      if (next)
        g_string_append (pattern, NEXT_WORDS);
      g_string_append_c (pattern, ')');
    }
  return g_string_free (pattern, FALSE);
}

static char *
month_pattern (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *pattern = g_string_new ("(?i:");

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    g_ptr_array_add (names, (gpointer) months[i].name);
  g_ptr_array_sort (names, sm_anonymiser_compare_longest_first);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (pattern, "%s%s", i > 0 ? "|" : "", (const char *) names->pdata[i]);
  g_string_append_c (pattern, ')');
  return g_string_free (pattern, FALSE);
}

int
sm_anonymiser_month_number (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strcmp (months[i].name, folded) == 0)
      return months[i].month;
  return 0;
}

static gboolean
add_contact_rules (SmAnonymiser  *self,
                   GError       **error)
{
  g_autofree char *month = month_pattern ();
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  static const char *ages[] = {
    "(?<![\\p{N}])(?:1[1-9]|[2-9][0-9])[ ]?(?:-[ ]?)?(?i:jaar(?:[ ]+oud)?|jr\\.?|jarige|years?(?:[ \\-]old)?|yrs?\\.?(?:[ \\-]old)?)(?![\\p{L}\\p{M}])",
    "(?<![\\p{L}\\p{M}])(?i:aged?|leeftijd)[ ]*:?[ ]*(?:1[0-9]|[2-9][0-9])(?![\\p{N}])",
    "(?<![\\p{L}\\p{M}])" AGE_WORDS "(?:[ ]+(?i:jaar(?:[ ]+oud)?|years?[ ]+old)|-(?i:jarige|year-old))(?![\\p{L}\\p{M}])",
  };
  static const char *ages_after_ik_ben[] = {
    "((?i:ik ben|i am|i['’]m)[ \\t]+)(?:1[0-9]|[2-9][0-9])(?![\\p{N}])(?![.,][0-9])"
    "(?![ \\t]*(?i:uur|u|hours?|hrs?|km|kilometers?|euro|procent|percent|%|keer|times|dagen|days|weken|weeks|maanden|months|minuten|minutes)(?![\\p{L}]))",
    "((?i:ik ben|i am|i['’]m)[ \\t]+)" AGE_WORDS "(?![\\p{L}\\p{M}\\-])(?![ \\t]+(?i:uur|hours?))",
  };

  /* E-mail addresses, also written "naam [at] school [punt] nl". */
  if (!add_rule (self->contact_rules,
                 "(?<![\\p{L}\\p{M}\\p{N}._%+\\-])[\\p{L}\\p{M}\\p{N}._%+\\-]+"
                 "(?:@|\\s*[\\[({]\\s*(?i:at|@|apenstaartje)\\s*[\\])}]\\s*)"
                 "[\\p{L}\\p{M}\\p{N}\\-]+"
                 "(?:(?:\\.|\\s*[\\[({]\\s*(?i:dot|punt)\\s*[\\])}]\\s*)[\\p{L}\\p{M}\\p{N}\\-]+)+",
                 "[e-mail]", error))
    return FALSE;

  /* Web addresses: with a scheme or www., or a bare domain with a
   * top-level domain in lower case ("ASP.NET" is a skill). */
  if (!add_rule (self->contact_rules,
                 "(?i:https?://|www\\.)[^\\s<>\"'\\[\\]]*[^\\s<>\"'\\[\\].,;:!?)]",
                 "[website]", error) ||
      !add_rule (self->contact_rules,
                 "(?<![\\p{L}\\p{M}\\p{N}_@./\\-])[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}\\-]*(?:\\.[\\p{L}\\p{M}\\p{N}\\-]+)*"
                 "\\.(?:nl|com|org|net|eu|be|de|info|io|nu|me|app|dev|tv|co\\.uk|uk|fr|ma|tr|sr|cw|aw|online|site|shop)"
                 "(?:/[^\\s<>\"'\\[\\]]*[^\\s<>\"'\\[\\].,;:!?)])?"
                 "(?![\\p{L}\\p{M}\\p{N}_\\-])",
                 "[website]", error))
    return FALSE;

  /* Dates, before phone numbers: "06-12-2008" is a date, not a number. */
  g_ptr_array_add (dates, g_strdup (NOT_DIGIT_BEFORE YEAR "([\\-/.])" MON "\\1" DAY "(?![\\p{N}])"));
  g_ptr_array_add (dates, g_strdup (NOT_DIGIT_BEFORE "(?:" DAY "([\\-/.])" MON "\\1|" MON "/" DAY "/)"
                                    "(?:" YEAR "|'?[0-9]{2})(?![\\p{N}])(?![\\-/.][\\p{N}])"));
  g_ptr_array_add (dates, g_strdup_printf (NOT_DIGIT_BEFORE DAY "(?:e|ste|de|st|nd|rd|th)?\\.?[ \\t]*(?:(?i:van|of)[ \\t]+)?%s"
                                           "(?:\\.(?=[ \\t]*[0-9']))?(?:[ \\t]*,?[ \\t]*(?:" YEAR "|'[0-9]{2}))?"
                                           "(?![\\p{L}\\p{M}\\p{N}])", month));
  g_ptr_array_add (dates, g_strdup ("(?<![\\p{L}\\p{M}])(?:January|February|March|April|May|June|July|August|September|"
                                    "October|November|December)[ \\t]+" DAY "(?:st|nd|rd|th)?(?:[ \\t]*,?[ \\t]*" YEAR ")?"
                                    "(?![\\p{L}\\p{M}\\p{N}])"));
  g_ptr_array_add (dates, g_strdup_printf ("(?<![\\p{L}\\p{M}\\p{N}])%s\\.?[ \\t]+(?:" YEAR "|'[0-9]{2})(?![\\p{N}])", month));
  for (guint i = 0; i < dates->len; i++)
    if (!add_rule (self->contact_rules, dates->pdata[i], "[datum]", error))
      return FALSE;
  if (!add_rule (self->contact_rules, "((?i:geboren|born)(?:[ \\t]+(?i:in|op|on))?[ \\t]+)" YEAR "(?![\\p{N}])",
                 "\\1[datum]", error))
    return FALSE;

  /* Phone numbers: Dutch mobile and landline numbers in any grouping,
   * with an area code in parentheses, or international. */
  if (!add_rule (self->contact_rules,
                 "(?<![\\p{L}\\p{M}\\p{N}_+])(?:"
                 "(?:\\+|00)[ ]?[1-9][0-9]{0,2}(?:[ ]?\\(0\\))?(?:" SEP "{0,3}[0-9]){7,12}"
                 "|\\([ ]?0[0-9]{1,3}[ ]?\\)(?:" SEP "{0,3}[0-9]){5,9}"
                 "|0[0-9](?:" SEP "{0,3}[0-9]){7,9}"
                 ")(?![\\p{N}])",
                 "[telefoon]", error))
    return FALSE;

  /* Postcodes: "1234 AB", "1234AB", "1234 ab", but not "2008 en". */
  if (!add_rule (self->contact_rules,
                 "(?<![\\p{L}\\p{M}\\p{N}_])[1-9][0-9]{3}(?:[ ]?[A-Z]{2}|[a-z][a-zA-Z]|[ ]"
                 "(?!(?:en|in|is|of|op|om|te|ik|je|ze|we|km|at|to|on|or|as|an|am|be|by|do|go|he|if|it|me|my|"
                 "no|so|up|us|al|nu|er|na|de|ga|zo|ja|uw|hr|pm|eu|mm|cm|kg|tm|ca|ex)(?![\\p{L}]))[a-z][a-zA-Z])"
                 "(?![\\p{L}\\p{M}\\p{N}_])",
                 "[postcode]", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    if (!add_rule (self->contact_rules, ages[i], "[leeftijd]", error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ages_after_ik_ben); i++)
    if (!add_rule (self->contact_rules, ages_after_ik_ben[i], "\\1[leeftijd]", error))
      return FALSE;

  return TRUE;
}

static gboolean
add_place_rules (SmAnonymiser  *self,
                 GPtrArray     *towns,
                 GPtrArray     *origin,
                 GError       **error)
{
  g_autoptr(GPtrArray) spellings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) pattern = g_string_new (NOT_AFTER_WORD "(?:");
  g_autofree char *origin_entries = NULL;
  g_autofree char *origin_pattern = NULL;

  /* "in den Haag" is written too. */
  for (guint i = 0; i < towns->len; i++)
    {
      const char *town = towns->pdata[i];

      g_ptr_array_add (spellings, g_strdup (town));
      if (g_str_has_prefix (town, "De ") || g_str_has_prefix (town, "Den ") || g_str_has_prefix (town, "Het "))
        {
          char *lower = g_strdup (town);

          lower[0] = g_ascii_tolower (lower[0]);
          g_ptr_array_add (spellings, lower);
        }
    }
  g_ptr_array_sort (spellings, sm_anonymiser_compare_longest_first);
  for (guint i = 0; i < spellings->len; i++)
    {
      if (i > 0)
        g_string_append_c (pattern, '|');
      sm_anonymiser_append_literal (pattern, spellings->pdata[i], -1);
    }
  g_string_append (pattern, ")(?:se|s|er|ers|mer|mers|naar|naars)?" NOT_BEFORE_WORD);
  if (!add_rule (self->place_rules, pattern->str, "[plaats]", error))
    return FALSE;

  /* Street addresses: a word ending in a street word, with or without a
   * house number; a bare street word with a number ("Singel 5"); the
   * English "12 Baker Street". */
  if (!add_rule (self->place_rules,
                 NOT_AFTER_WORD STREET_TITLE "?\\p{Lu}[\\p{L}\\p{M}'’\\-]*"
                 "(?:straat|straatweg|laan|weg|plein|gracht|kade|singel|dijk|hof|steeg|pad|dreef|park)"
                 "(?:[ \\t]+" HOUSE_NUMBER ")?" NOT_BEFORE_WORD,
                 "[adres]", error) ||
      !add_rule (self->place_rules,
                 NOT_AFTER_WORD "(?:Laan|Weg|Plein|Gracht|Kade|Singel|Dijk|Hof|Steeg|Pad|Dreef|Park|Markt|Straat)"
                 "(?:(?:[ \\t]+(?:van|der|den|de|het|op|te|ter|aan|bij|['’]t))+[ \\t]+\\p{Lu}[\\p{L}\\p{M}'’\\-]*"
                 "(?:[ \\t]+" HOUSE_NUMBER ")?|[ \\t]+" HOUSE_NUMBER ")" NOT_BEFORE_WORD,
                 "[adres]", error) ||
      !add_rule (self->place_rules,
                 NOT_AFTER_WORD "(?:[0-9]{1,5}[A-Za-z]?,?[ \\t]+)?(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*[ \\t]+){1,3}"
                 "(?:Street|Road|Avenue|Lane|Drive|Boulevard|Crescent|Square)(?:[ \\t]+[0-9]{1,5}[A-Za-z]?)?" NOT_BEFORE_WORD,
                 "[adres]", error))
    return FALSE;

  /* Origin, with the rest of a hyphenated word: "Turks-Nederlandse". */
  origin_entries = entries_to_pattern (origin, FALSE);
  origin_pattern = g_strconcat (NOT_AFTER_WORD "(?:" LETTERS "+-)*(?:", origin_entries,
                                ")(?:-" LETTERS "+)*" NOT_BEFORE_WORD, NULL);
  self->origin = compile (origin_pattern, 0, error);
  if (self->origin == NULL)
    return FALSE;

  return TRUE;
}

static gboolean
add_name_rules (SmAnonymiser  *self,
                GPtrArray     *prefixes,
                GError       **error)
{
  g_autoptr(GPtrArray) sorted = borrow_all (prefixes);
  g_autoptr(GString) prefix_pattern = g_string_new ("(?<![\\p{L}\\p{M}\\p{N}_])(?:(?i:");

  /* Names by what stands before them: an introduction, a greeting, a
   * relative or friend. These catch names that are on no list. */
  if (!add_rule (self->name_rules,
                 "((?i:mijn naam is|m['’]n naam is|ik heet|my name is|i am called|i['’]m called|call me|noem me)[ \\t]*:?[ \\t]+)"
                 NAME_WORDS, "\\1[naam]", error) ||
      !add_rule (self->name_rules,
                 "((?i:groetjes|groeten|groet|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|mvg|liefs|regards|"
                 "kind regards|best regards|warm regards|yours sincerely|sincerely|cheers|thanks|bedankt)[ \\t]*[,!.:]?\\s+)"
                 NAME_WORDS, "\\1[naam]", error) ||
      !add_rule (self->name_rules,
                 "((?i:mijn|m['’]n|my)[ \\t]+(?i:broer(?:tje)?|zus(?:je)?|zuster|vader|moeder|papa|mama|pa|ma|opa|oma|oom|"
                 "tante|neef(?:je)?|nicht(?:je)?|stiefvader|stiefmoeder|vriend(?:in)?|brother|sister|father|mother|dad|"
                 "mum|mom|uncle|aunt|cousin|grandpa|grandma|grandfather|grandmother|nephew|niece|stepfather|"
                 "stepmother|friend)[ \\t]*,?[ \\t]+)" NAME_WORDS, "\\1[naam]", error) ||
      /* "van der Meer", "ter Horst", "el Amrani": a prefix that only
       * stands before family names, and a capital after it. */
      !add_rule (self->name_rules,
                 "(?<![\\p{L}\\p{M}\\p{N}_])(?:van[ \\t]+(?:der|den|de|het|['’]t)|ter|ten|el|al|ait|ould)[ \\t]+"
                 "\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'’\\-]*", "[naam]", error) ||
      !add_rule (self->name_rules,
                 "((?i:ik ben)[ \\t]+)\\p{Lu}\\p{Ll}[\\p{L}\\p{M}]*"
                 "(?=[ \\t]*(?:[.,!?;:\\n]|$)|[ \\t]+(?:en|uit|van|and)(?![\\p{L}]))",
                 "\\1[naam]", error))
    return FALSE;

  /* Capitalised words, with hyphenated and apostrophe parts, for the
   * lists of names. */
  self->name_token = compile (NOT_AFTER_WORD "(?<![\\-'’@./])\\p{Lu}" LETTERS "*(?:[\\-'’]" LETTERS "+)*(?:['’](?!" LETTERS "))?"
                              NOT_BEFORE_WORD, 0, error);
  if (self->name_token == NULL)
    return FALSE;

  /* A prefix goes with the name after it, so that "el" or "van der" do
   * not stay behind; then neighbouring names become one. */
  g_ptr_array_sort (sorted, sm_anonymiser_compare_longest_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      if (i > 0)
        g_string_append_c (prefix_pattern, '|');
      sm_anonymiser_append_literal (prefix_pattern, sorted->pdata[i], -1);
    }
  g_string_append (prefix_pattern, ")(?:[ \\t]+|-))+(?=\\[naam\\])");
  if (!add_rule (self->tidy_rules, prefix_pattern->str, "", error) ||
      !add_rule (self->tidy_rules, "\\[naam\\](?:(?:[ \\t]+|[ \\t]*-[ \\t]*)\\[naam\\])+", "[naam]", error) ||
      !add_rule (self->tidy_rules, "\\[([\\p{Ll}\\-]+)\\](?:[ \\t]+\\[\\1\\])+", "[\\1]", error))
    return FALSE;

  return TRUE;
}

static gboolean
add_check_patterns (SmAnonymiser  *self,
                    GError       **error)
{
  g_autofree char *month = month_pattern ();
  g_autofree char *day_month = NULL;
  g_autofree char *month_day = NULL;

  self->date_numeric = compile ("(?<![\\p{N}])([0-9]{1,4})[\\-/. ]{1,2}([0-9]{1,2})[\\-/. ]{1,2}('?[0-9]{2,4})(?![\\p{N}])",
                                0, error);
  self->date_compact = compile ("(?<![\\p{N}])([0-9]{8}|[0-9]{6})(?![\\p{N}])", 0, error);
  day_month = g_strdup_printf ("(?<![\\p{N}])([0-9]{1,2})(?:e|ste|de|st|nd|rd|th)?\\.?\\s*(?:(?i:van|of)\\s+)?(%s)\\.?,?\\s*('?[0-9]{2,4})(?![\\p{N}])",
                               month);
  month_day = g_strdup_printf ("(?<![\\p{L}\\p{M}])(%s)\\.?\\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\\s+('?[0-9]{2,4})(?![\\p{N}])",
                               month);
  if (self->date_numeric == NULL || self->date_compact == NULL)
    return FALSE;
  self->date_day_month = compile (day_month, 0, error);
  if (self->date_day_month == NULL)
    return FALSE;
  self->date_month_day = compile (month_day, 0, error);
  return self->date_month_day != NULL;
}

/**
 * sm_anonymiser_new:
 *
 * Loads the word lists that are compiled into the program and prepares
 * the patterns. Most callers want sm_anonymiser_get_default().
 *
 * Returns: (transfer full) (nullable): a new anonymiser, or %NULL with
 *   @error set if a list is missing or broken
 */
SmAnonymiser *
sm_anonymiser_new (GError **error)
{
  g_autoptr(SmAnonymiser) self = g_object_new (SM_TYPE_ANONYMISER, NULL);
  g_autoptr(GPtrArray) given = NULL;
  g_autoptr(GPtrArray) family = NULL;
  g_autoptr(GPtrArray) not_names = NULL;
  g_autoptr(GPtrArray) prefixes = NULL;
  g_autoptr(GPtrArray) towns = NULL;
  g_autoptr(GPtrArray) origin = NULL;
  g_autoptr(GPtrArray) proxies = NULL;
  g_autofree char *proxy_entries = NULL;
  g_autofree char *proxy_pattern = NULL;

  if ((given = load_list ("given-names.txt", error)) == NULL ||
      (family = load_list ("family-names.txt", error)) == NULL ||
      (not_names = load_list ("not-names.txt", error)) == NULL ||
      (prefixes = load_list ("name-prefixes.txt", error)) == NULL ||
      (towns = load_list ("towns.txt", error)) == NULL ||
      (origin = load_list ("origin.txt", error)) == NULL ||
      (proxies = load_list ("proxy-requirements.txt", error)) == NULL)
    return NULL;

  for (guint i = 0; i < given->len; i++)
    add_folded (self->names, given->pdata[i]);
  for (guint i = 0; i < family->len; i++)
    add_folded (self->names, family->pdata[i]);
  for (guint i = 0; i < not_names->len; i++)
    add_folded (self->not_names, not_names->pdata[i]);
  for (guint i = 0; i < prefixes->len; i++)
    g_hash_table_add (self->prefixes, sm_anonymiser_fold (prefixes->pdata[i]));

  if (!add_contact_rules (self, error) ||
      !add_place_rules (self, towns, origin, error) ||
      !add_name_rules (self, prefixes, error) ||
      !add_check_patterns (self, error))
    return NULL;

  proxy_entries = entries_to_pattern (proxies, TRUE);
  proxy_pattern = g_strconcat ("(?<![\\p{L}\\p{M}\\p{N}_])(?:", proxy_entries, ")(?![\\p{L}\\p{M}\\p{N}_])", NULL);
  self->proxies = compile (proxy_pattern, 0, error);
  if (self->proxies == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sm_anonymiser_get_default:
 *
 * The anonymiser shared by the whole program, made on first use. It never
 * changes, so any thread may use it.
 *
 * Returns: (transfer none): the shared anonymiser
 */
SmAnonymiser *
sm_anonymiser_get_default (void)
{
  static gsize initialised = 0;
  static SmAnonymiser *instance = NULL;

  if (g_once_init_enter (&initialised))
    {
      g_autoptr(GError) error = NULL;

      instance = sm_anonymiser_new (&error);
      /* The lists are part of the program: without them it is broken. */
      if (instance == NULL)
        g_critical ("The anonymiser could not be set up: %s", error->message);
      g_once_init_leave (&initialised, 1);
    }
  return instance;
}
