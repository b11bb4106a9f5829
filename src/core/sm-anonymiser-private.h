/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-anonymiser.h"

G_BEGIN_DECLS

/* Shared by the parts of the anonymiser: sm-anonymiser.c (the object,
 * its word lists and patterns), sm-anonymiser-scrub.c (scrubbing) and
 * sm-anonymiser-check.c (the leak check and the proxy requirements). */

/* Word boundaries of our own: PCRE's \b does not know that a marker's
 * brackets end a word, nor that a combining accent is part of one. */
#define NOT_AFTER_WORD  "(?<![\\p{L}\\p{M}\\p{N}_\\[])"
#define NOT_BEFORE_WORD "(?![\\p{L}\\p{M}\\p{N}_\\]])"
#define LETTERS         "[\\p{L}\\p{M}]"

typedef struct
{
  GRegex     *regex;
  const char *replacement;
} Rule;

struct _SmAnonymiser
{
  GObject     parent_instance;

  GHashTable *names;       /* folded given and family names, and ASCII forms */
  GHashTable *not_names;
  GHashTable *prefixes;    /* folded name prefixes */

  GArray     *contact_rules;  /* e-mail, web, dates, phones, postcodes, ages */
  GArray     *place_rules;    /* towns, addresses, origin */
  GArray     *name_rules;     /* names by their context ("mijn naam is") */
  GArray     *tidy_rules;     /* markers joined */
  GRegex     *name_token;
  GRegex     *origin;
  GRegex     *proxies;

  /* For the leak check */
  GRegex     *date_numeric;
  GRegex     *date_compact;
  GRegex     *date_day_month;
  GRegex     *date_month_day;
};

/* sm-anonymiser.c */
char     *sm_anonymiser_normalise             (const char    *text);
char     *sm_anonymiser_fold                  (const char    *word);
char     *sm_anonymiser_to_ascii              (const char    *text);
char     *sm_anonymiser_fold_ascii            (const char    *word);
gboolean  sm_anonymiser_starts_upper          (const char    *word);
void      sm_anonymiser_append_literal        (GString       *pattern,
                                               const char    *text,
                                               gssize         length);
gint      sm_anonymiser_compare_longest_first (gconstpointer  a,
                                               gconstpointer  b);
int       sm_anonymiser_month_number          (const char    *word);

/* sm-anonymiser-scrub.c */
void      sm_anonymiser_add_variants          (SmAnonymiser  *self,
                                               GPtrArray     *variants,
                                               GHashTable    *seen,
                                               const char    *text,
                                               gboolean       place);
char     *sm_anonymiser_variants_pattern      (GPtrArray     *variants);

G_END_DECLS
