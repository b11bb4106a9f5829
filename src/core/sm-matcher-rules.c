/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sm-matcher-private.h"
#include "sm-programme.h"
#include "sm-sector.h"

/* The rules of matching: when a student and an offer fit, and what the
 * pair scores. One function answers each question, both for the fast
 * search over all pairs (no explanation asked) and for a coordinator who
 * asks why (every reason, every component), so the two cannot disagree. */

void
sm_match_explanation_clear (SmMatchExplanation *self)
{
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
}

/**
 * sm_match_explanation_format:
 *
 * Returns: the components of a fitting pair joined with " · ", or the
 *   reasons of a pair that does not fit, one per line
 */
char *
sm_match_explanation_format (const SmMatchExplanation *self)
{
  GPtrArray *lines = self->feasible ? self->parts : self->reasons;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      if (i > 0)
        g_string_append (out, self->feasible ? " · " : "\n");
      g_string_append (out, lines->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
set_contains (const MSet *set,
              guint32     item)
{
  guint lo = 0, hi = set->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (set->items[mid] == item)
        return TRUE;
      if (set->items[mid] < item)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

static guint
set_overlap (const MSet *a,
             const MSet *b)
{
  guint i = 0, j = 0, n = 0;

  while (i < a->n && j < b->n)
    {
      if (a->items[i] == b->items[j])
        n++, i++, j++;
      else if (a->items[i] < b->items[j])
        i++;
      else
        j++;
    }
  return n;
}

/* Great-circle distance between the centres of two PC4 areas. Metres, as
 * an integer, so that scores do not depend on floating-point rounding in
 * later arithmetic. */
int
sm_matcher_distance_m (const MStudent *student,
                       const MOffer   *offer)
{
  const double radius_m = 6371008.8;
  double phi1, phi2, dphi, dlambda, a;

  if (!student->located || !offer->located)
    return -1;

  phi1 = student->lat * G_PI / 180.0;
  phi2 = offer->lat * G_PI / 180.0;
  dphi = phi2 - phi1;
  dlambda = (offer->lon - student->lon) * G_PI / 180.0;
  a = sin (dphi / 2) * sin (dphi / 2) + cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);
  return (int) lround (2 * radius_m * asin (MIN (1.0, sqrt (a))));
}

/* Lists are named as the offer spells them, in its order, so that an
 * explanation does not depend on which record was read first. */
static char *
join_offer_list (const MOffer *offer,
                 guint         field)
{
  const char * const *items = sm_record_get_strv (SM_RECORD (offer->record), field);

  return g_strjoinv (", ", (char **) items);
}

static void
add_reason (SmMatchExplanation *explanation,
            char               *reason)
{
  g_ptr_array_add (explanation->reasons, reason);
}

static const char *
sector_name (int sector)
{
  return sector >= 0 ? sm_sector_get_display_name ((SmSector) sector) : _("no sector");
}

/**
 * sm_matcher_check_pair:
 * @explanation: (nullable): receives every reason when not %NULL
 *
 * Returns: %TRUE if @student and @offer fit. Without @explanation it stops
 *   at the first reason against.
 */
gboolean
sm_matcher_check_pair (SmMatcher          *self,
                       const MStudent     *student,
                       const MOffer       *offer,
                       SmMatchExplanation *explanation)
{
  gboolean fits = TRUE;
  int distance_m;

#define FAIL(...) G_STMT_START {                         \
    fits = FALSE;                                        \
    if (explanation == NULL)                             \
      return FALSE;                                      \
    add_reason (explanation, g_strdup_printf (__VA_ARGS__)); \
  } G_STMT_END

  if (!offer->open)
    FAIL ("%s", _("The offer is not open."));
  if (student->fixed)
    FAIL ("%s", _("The student is already placed."));

  if (!(offer->levels & (1u << student->level)))
    FAIL (_("The offer does not accept %s."), sm_level_get_display_name (student->level));
  else if (sm_level_get_education (student->level) == SM_EDUCATION_MBO &&
           student->pathway != SM_PATHWAY_NONE &&
           !(offer->pathways & (1u << (student->pathway - 1))))
    FAIL (_("The offer does not take mbo students on the %s pathway."),
          sm_pathway_get_display_name (student->pathway));

  if (student->programme < 0)
    FAIL ("%s", _("The student has no programme on record."));
  else if (offer->programmes.n > 0)
    {
      if (!set_contains (&offer->programmes, (guint32) student->programme))
        {
          g_autofree char *listed = join_offer_list (offer, SM_OFFER_FIELD_PROGRAMMES);
          FAIL (_("The offer is for %s; the student follows %s."),
                listed, (const char *) self->names->pdata[student->programme]);
        }
    }
  else if (student->sector != offer->sector)
    FAIL (_("The offer is for the sector %s; the student’s programme is in %s."),
          sector_name (offer->sector), sector_name (student->sector));

  {
    int first = MAX (offer->start, student->from > 0 ? student->from : offer->start);
    int last = MIN (offer->end, student->until > 0 ? student->until : offer->end);
    int overlap = last >= first ? last - first + 1 : 0;

    if (overlap == 0)
      FAIL ("%s", _("The student is not available in the period of the offer."));
    else if (overlap < offer->required_days)
      FAIL (_("The periods overlap for %d weeks; the offer needs %d."),
            overlap / 7, offer->required_days / 7);
  }

  if (student->hours < offer->hours)
    FAIL (_("The offer asks %d hours a week; the student is available for %d."),
          offer->hours, student->hours);

  distance_m = sm_matcher_distance_m (student, offer);
  if (distance_m >= 0 && distance_m > student->max_km * 1000)
    FAIL (_("The offer is %d km away; the student travels at most %d km."),
          (distance_m + 500) / 1000, student->max_km);

  if (offer->licence && !student->licence)
    FAIL ("%s", _("The offer needs a driving licence."));
  if (offer->vog && !student->vog)
    FAIL ("%s", _("The offer needs a certificate of conduct (VOG)."));
  /* The offer's requirements are kept in its own order and spelling. */
  for (guint i = 0; i < offer->requirements.n; i++)
    if (!set_contains (&student->certificates, offer->requirements.items[i]))
      FAIL (_("The offer asks for %s, which the student does not have."),
            sm_record_get_strv (SM_RECORD (offer->record), SM_OFFER_FIELD_REQUIREMENTS)[i]);

  if (offer->free_places <= 0)
    FAIL ("%s", _("All places of the offer are taken."));

#undef FAIL

  if (explanation != NULL)
    {
      explanation->feasible = fits;
      explanation->distance_m = distance_m;
    }
  return fits;
}

static guint
student_rank_of (SmMatcher      *self,
                 const MStudent *student,
                 guint           offer_index)
{
  const MPref *prefs = &g_array_index (self->prefs, MPref, student->first_pref);
  guint lo = 0, hi = student->n_prefs;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (prefs[mid].index == offer_index)
        return prefs[mid].rank;
      if (prefs[mid].index < offer_index)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

/* The preference component counts the student's first five choices: the
 * first earns the whole weight, the fifth a fifth of it. */
#define RANKS_COUNTED 5

/**
 * sm_matcher_score_pair:
 * @explanation: (nullable): receives the components when not %NULL
 *
 * Returns: the score of a fitting pair, 0 to 1000, in integers so that
 *   results are exact and the same on every machine
 */
guint
sm_matcher_score_pair (SmMatcher          *self,
                       const MStudent     *student,
                       const MOffer       *offer,
                       guint               student_index,
                       guint               offer_index,
                       SmMatchExplanation *explanation)
{
  const guint *w = self->weights.weight;
  guint points[SM_MATCH_N_COMPONENTS] = { 0 };
  guint total = 0;
  int distance_m = sm_matcher_distance_m (student, offer);
  guint rank = student->n_prefs > 0 ? student_rank_of (self, student, offer_index) : 0;
  guint skills_shared = 0;

  if (offer->programmes.n > 0)
    points[SM_MATCH_COMPONENT_PROGRAMME] = w[SM_MATCH_COMPONENT_PROGRAMME];
  else
    points[SM_MATCH_COMPONENT_PROGRAMME] = w[SM_MATCH_COMPONENT_PROGRAMME] / 2;

  if (offer->sector >= 0 && (student->interests & (1u << offer->sector)))
    points[SM_MATCH_COMPONENT_SECTOR] = w[SM_MATCH_COMPONENT_SECTOR];

  if (distance_m >= 0)
    {
      gint64 max_m = MAX (1, student->max_km) * 1000;
      gint64 left = MAX (0, max_m - distance_m);
      points[SM_MATCH_COMPONENT_DISTANCE] = (guint) (w[SM_MATCH_COMPONENT_DISTANCE] * left / max_m);
    }

  if (offer->skills.n > 0)
    {
      skills_shared = set_overlap (&student->skills, &offer->skills);
      points[SM_MATCH_COMPONENT_SKILLS] = w[SM_MATCH_COMPONENT_SKILLS] * skills_shared / offer->skills.n;
    }

  if (rank >= 1 && rank <= RANKS_COUNTED)
    points[SM_MATCH_COMPONENT_PREFERENCE] = w[SM_MATCH_COMPONENT_PREFERENCE] * (RANKS_COUNTED + 1 - rank) / RANKS_COUNTED;

  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    total += points[i];
  g_assert (total <= SM_MATCH_MAX_SCORE);

  if (explanation != NULL)
    {
      GPtrArray *parts = explanation->parts;
      const char *code = student->programme >= 0 ? self->names->pdata[student->programme] : "";

      memcpy (explanation->points, points, sizeof points);
      explanation->score = total;

      if (offer->programmes.n > 0 && sm_validate_crebo (code, NULL, NULL))
        g_ptr_array_add (parts, g_strdup_printf (_("Programme: crebo %s listed (+%u)"), code,
                                                 points[SM_MATCH_COMPONENT_PROGRAMME]));
      else if (offer->programmes.n > 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Programme: %s listed (+%u)"), code,
                                                 points[SM_MATCH_COMPONENT_PROGRAMME]));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("Programme: sector %s fits (+%u)"),
                                                 sector_name (offer->sector),
                                                 points[SM_MATCH_COMPONENT_PROGRAMME]));

      if (points[SM_MATCH_COMPONENT_SECTOR] > 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Sector interest: %s (+%u)"), sector_name (offer->sector),
                                                 points[SM_MATCH_COMPONENT_SECTOR]));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("Sector interest: %s not named (+0)"), sector_name (offer->sector)));

      if (distance_m >= 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Distance %d km (+%u)"), (distance_m + 500) / 1000,
                                                 points[SM_MATCH_COMPONENT_DISTANCE]));
      else
        g_ptr_array_add (parts, g_strdup (_("Distance unknown (+0)")));

      if (offer->skills.n > 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Skills: %u of %u (+%u)"), skills_shared, offer->skills.n,
                                                 points[SM_MATCH_COMPONENT_SKILLS]));
      else
        g_ptr_array_add (parts, g_strdup (_("Skills: none asked (+0)")));

      if (rank > 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Student’s choice no. %u (+%u)"), rank,
                                                 points[SM_MATCH_COMPONENT_PREFERENCE]));
      else
        g_ptr_array_add (parts, g_strdup (_("Student’s choice: not ranked (+0)")));
    }

  return total;
}
