/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-matcher"

#include "config.h"

#include "sm-matcher-private.h"

/* Finding every feasible pair without looking at every pair. Offers are
 * put in buckets by what a student must match exactly — each programme an
 * offer lists, or its sector when it lists none — and within a bucket
 * sorted by latitude. A student looks only into the buckets of their
 * programme and its sector, and only at offers within a band of latitude
 * as wide as their travel distance; offers without coordinates are always
 * looked at, since an unknown distance excludes nobody. The full rules
 * then decide. With 20,000 students and 10,000 offers this checks a few
 * million pairs instead of 200 million. */

typedef struct
{
  guint *offers;     /* located offers by latitude, then the others */
  guint  n;
  guint  n_located;
} Bucket;

typedef struct
{
  guint   offer;
  guint16 score;
} Candidate;

static int
compare_by_latitude (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const MOffer *offers = user_data;
  const MOffer *x = &offers[*(const guint *) a];
  const MOffer *y = &offers[*(const guint *) b];

  if (x->located != y->located)
    return x->located ? -1 : 1;
  if (x->located && x->lat != y->lat)
    return x->lat < y->lat ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static void
bucket_finish (Bucket  *bucket,
               GArray  *list,
               MOffer  *offers)
{
  g_array_sort_with_data (list, compare_by_latitude, offers);
  bucket->n = list->len;
  bucket->offers = (guint *) g_array_free (list, FALSE);
  bucket->n_located = 0;
  while (bucket->n_located < bucket->n && offers[bucket->offers[bucket->n_located]].located)
    bucket->n_located++;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return x->offer < y->offer ? -1 : x->offer > y->offer;
}

static void
consider (SmMatcher *self,
          guint      s,
          guint      o,
          GArray    *found)
{
  const MStudent *student = &self->students[s];
  const MOffer *offer = &self->offers[o];

  if (sm_matcher_check_pair (self, student, offer, NULL))
    {
      Candidate candidate = { o, (guint16) sm_matcher_score_pair (self, student, offer, s, o, NULL) };
      g_array_append_val (found, candidate);
    }
}

static void
search_bucket (SmMatcher    *self,
               guint         s,
               const Bucket *bucket,
               GArray       *found)
{
  const MStudent *student = &self->students[s];
  guint i = 0;

  if (bucket->n == 0)
    return;

  if (student->located)
    {
      /* A degree of latitude is at least 110.5 km anywhere. */
      double band = (student->max_km + 1) / 110.5;
      guint lo = 0, hi = bucket->n_located;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (self->offers[bucket->offers[mid]].lat < student->lat - band)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (i = lo; i < bucket->n_located && self->offers[bucket->offers[i]].lat <= student->lat + band; i++)
        consider (self, s, bucket->offers[i], found);
      i = bucket->n_located;
    }

  for (; i < bucket->n; i++)
    consider (self, s, bucket->offers[i], found);
}

gboolean
sm_matcher_build_candidates (SmMatcher  *self,
                             GError    **error)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n_programmes = self->names->len;
  g_autofree Bucket *by_programme = g_new0 (Bucket, MAX (n_programmes, 1));
  Bucket by_sector[SM_N_SECTORS] = { { 0 } };
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) offer_list = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) score_list = g_array_new (FALSE, FALSE, sizeof (guint16));
  GArray **programme_lists = g_new0 (GArray *, MAX (n_programmes, 1));
  GArray *sector_lists[SM_N_SECTORS] = { NULL };

  for (guint o = 0; o < self->n_offers; o++)
    {
      const MOffer *offer = &self->offers[o];

      /* Offers that cannot take anyone are left out of the buckets. */
      if (!offer->open || offer->free_places <= 0)
        continue;

      if (offer->programmes.n > 0)
        {
          for (guint i = 0; i < offer->programmes.n; i++)
            {
              guint p = offer->programmes.items[i];
              if (programme_lists[p] == NULL)
                programme_lists[p] = g_array_new (FALSE, FALSE, sizeof (guint));
              g_array_append_val (programme_lists[p], o);
            }
        }
      else if (offer->sector >= 0)
        {
          if (sector_lists[offer->sector] == NULL)
            sector_lists[offer->sector] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (sector_lists[offer->sector], o);
        }
    }

  for (guint p = 0; p < n_programmes; p++)
    if (programme_lists[p] != NULL)
      bucket_finish (&by_programme[p], programme_lists[p], self->offers);
  for (guint c = 0; c < SM_N_SECTORS; c++)
    if (sector_lists[c] != NULL)
      bucket_finish (&by_sector[c], sector_lists[c], self->offers);
  g_free (programme_lists);

  self->cand_start = g_new (guint, self->n_students + 1);
  for (guint s = 0; s < self->n_students; s++)
    {
      const MStudent *student = &self->students[s];

      self->cand_start[s] = offer_list->len;
      if (student->fixed || student->programme < 0)
        continue;

      g_array_set_size (found, 0);
      search_bucket (self, s, &by_programme[student->programme], found);
      if (student->sector >= 0)
        search_bucket (self, s, &by_sector[student->sector], found);

      /* Buckets are disjoint for one student (an offer is in programme
       * buckets or in a sector bucket), so sorting is all that is left. */
      g_array_sort (found, compare_candidates);
      for (guint i = 0; i < found->len; i++)
        {
          const Candidate *candidate = &g_array_index (found, Candidate, i);
          g_array_append_val (offer_list, candidate->offer);
          g_array_append_val (score_list, candidate->score);
        }
    }
  self->cand_start[self->n_students] = offer_list->len;
  self->n_candidates = offer_list->len;
  self->cand_offer = (guint *) g_array_free (g_steal_pointer (&offer_list), FALSE);
  self->cand_score = (guint16 *) g_array_free (g_steal_pointer (&score_list), FALSE);

  for (guint p = 0; p < n_programmes; p++)
    g_free (by_programme[p].offers);
  for (guint c = 0; c < SM_N_SECTORS; c++)
    g_free (by_sector[c].offers);

  self->candidate_seconds = g_timer_elapsed (timer, NULL);
  return TRUE;
}
