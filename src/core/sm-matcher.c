/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-matcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-assignment.h"
#include "sm-company.h"
#include "sm-matcher-private.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-problem.h"
#include "sm-programme.h"
#include "sm-stable.h"

/* SmMatcher takes a snapshot of what matching may know — students' levels,
 * programmes, availability, skills and PC4 areas; offers and their free
 * places; rankings — finds every feasible pair with its score, and solves
 * the placement for the whole school in the optimal or the stable mode.
 *
 * Fairness by construction: every field is read through job_field(),
 * which refuses fields marked personal (names, date of birth, contact
 * details, address, motivation and other free text about the person).
 * The one exception is the postcode, of which only the four-digit area is
 * kept, in student_area(). Students are taken in the order of their
 * student numbers and offers in an order of their content, never of row
 * ids, so the same data gives the same result however it was entered. */

G_DEFINE_FINAL_TYPE (SmMatcher, sm_matcher, G_TYPE_OBJECT)

static void
mset_clear (MSet *set)
{
  g_clear_pointer (&set->items, g_free);
  set->n = 0;
}

static void
sm_matcher_finalize (GObject *object)
{
  SmMatcher *self = SM_MATCHER (object);

  for (guint i = 0; i < self->n_students; i++)
    {
      mset_clear (&self->students[i].certificates);
      mset_clear (&self->students[i].skills);
      g_clear_object (&self->students[i].record);
    }
  for (guint i = 0; i < self->n_offers; i++)
    {
      mset_clear (&self->offers[i].programmes);
      mset_clear (&self->offers[i].requirements);
      mset_clear (&self->offers[i].skills);
      g_clear_object (&self->offers[i].record);
    }
  g_free (self->students);
  g_free (self->offers);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->name_ids, g_hash_table_unref);
  g_clear_pointer (&self->student_index, g_hash_table_unref);
  g_clear_pointer (&self->offer_index, g_hash_table_unref);
  g_clear_pointer (&self->prefs, g_array_unref);
  g_clear_pointer (&self->offer_prefs, g_array_unref);
  g_free (self->cand_start);
  g_free (self->cand_offer);
  g_free (self->cand_score);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_matcher_parent_class)->finalize (object);
}

static void
sm_matcher_class_init (SmMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sm_matcher_finalize;
}

static void
sm_matcher_init (SmMatcher *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->name_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->student_index = g_hash_table_new (NULL, NULL);
  self->offer_index = g_hash_table_new (NULL, NULL);
  self->prefs = g_array_new (FALSE, FALSE, sizeof (MPref));
  self->offer_prefs = g_array_new (FALSE, FALSE, sizeof (MPref));
}

/* Reading records */

static void
job_field (SmRecord *record,
           guint     field)
{
  guint n_fields;
  const SmField *fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (record), &n_fields);

  g_assert (field < n_fields);
  g_assert (!(fields[field].flags & SM_FIELD_PERSONAL));
}

static const char *
job_string (gpointer record,
            guint    field)
{
  job_field (record, field);
  return sm_record_get_string (record, field);
}

static gint64
job_int (gpointer record,
         guint    field)
{
  job_field (record, field);
  return sm_record_get_int (record, field);
}

static const char * const *
job_strv (gpointer record,
          guint    field)
{
  job_field (record, field);
  return sm_record_get_strv (record, field);
}

/* The only personal field matching reads: of the home postcode it keeps
 * the four digits of the area, which is what distances are measured
 * between. */
static guint
student_area (SmStudent *student)
{
  const char *postcode = sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_POSTCODE);
  g_autofree char *area = sm_postcode_area (postcode);

  return area != NULL ? (guint) g_ascii_strtoull (area, NULL, 10) : 0;
}

static guint
offer_area (SmOffer *offer)
{
  g_autofree char *area = sm_postcode_area (job_string (offer, SM_OFFER_FIELD_POSTCODE));

  return area != NULL ? (guint) g_ascii_strtoull (area, NULL, 10) : 0;
}

/* Skills, certificates and requirements are compared without regard to
 * case or surrounding space: "BHV" is "bhv ". */
static guint32
intern (SmMatcher  *self,
        const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);
  gpointer id;

  if (g_hash_table_lookup_extended (self->name_ids, folded, NULL, &id))
    return GPOINTER_TO_UINT (id) - 1;

  g_ptr_array_add (self->names, g_steal_pointer (&stripped));
  g_hash_table_insert (self->name_ids, g_steal_pointer (&folded), GUINT_TO_POINTER (self->names->len));
  return self->names->len - 1;
}

static int
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* A list in its own order, one id per item: the requirements of an offer,
 * named back in explanations as the offer spells them. */
static void
mset_init_ordered (SmMatcher          *self,
                   MSet               *set,
                   const char * const *items)
{
  set->n = items != NULL ? g_strv_length ((char **) items) : 0;
  set->items = set->n > 0 ? g_new (guint32, set->n) : NULL;
  for (guint i = 0; i < set->n; i++)
    set->items[i] = intern (self, items[i]);
}

static void
mset_init (SmMatcher          *self,
           MSet               *set,
           const char * const *items)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n = 0;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      guint32 id = intern (self, items[i]);
      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_guint32);
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, guint32, i) != g_array_index (ids, guint32, n - 1))
      g_array_index (ids, guint32, n++) = g_array_index (ids, guint32, i);
  set->n = n;
  set->items = n > 0 ? g_memdup2 (ids->data, n * sizeof (guint32)) : NULL;
}

static int
julian_day (const char *date)
{
  GDate parsed;

  g_date_clear (&parsed, 1);
  if (date == NULL || !sm_date_parse (date, &parsed))
    return 0;
  return (int) g_date_get_julian (&parsed);
}

typedef struct
{
  gboolean located;
  double   lat;
  double   lon;
} Area;

static void
locate (const Area *areas,
        guint       code,
        gboolean   *located,
        double     *lat,
        double     *lon)
{
  *located = code >= 1000 && code <= 9999 && areas[code].located;
  if (*located)
    {
      *lat = areas[code].lat;
      *lon = areas[code].lon;
    }
}

static int
compare_students (gconstpointer a,
                  gconstpointer b)
{
  const MStudent *x = a, *y = b;

  return g_strcmp0 (sm_student_get_student_number (x->record), sm_student_get_student_number (y->record));
}

typedef struct
{
  MOffer *offer;
  char   *key;
} KeyedOffer;

static int
compare_keyed_offers (gconstpointer a,
                      gconstpointer b)
{
  const KeyedOffer *x = a, *y = b;
  int cmp = strcmp (x->key, y->key);

  /* Two offers equal in every field are interchangeable. */
  if (cmp == 0)
    cmp = sm_record_get_id (SM_RECORD (x->offer->record)) < sm_record_get_id (SM_RECORD (y->offer->record)) ? -1 : 1;
  return cmp;
}

/* An order of offers that depends on what they are, not on when they were
 * entered: the company's KvK number, then every field of the offer. */
static char *
offer_content_key (SmMatcher *self,
                   SmOffer   *offer)
{
  SmRecord *company = sm_store_lookup (self->store, SM_TYPE_COMPANY, sm_offer_get_company_id (offer));
  g_autoptr(GString) key = g_string_new (company != NULL ? sm_company_get_kvk_number (SM_COMPANY (company)) : "");

  for (guint i = 0; i < SM_OFFER_N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (i == SM_OFFER_FIELD_COMPANY_ID)
        continue;
      text = sm_record_dup_text (SM_RECORD (offer), i);
      g_string_append_c (key, '\x1f');
      g_string_append (key, text != NULL ? text : "");
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
load_students (SmMatcher   *self,
               const Area  *areas,
               GError     **error)
{
  GListModel *model = sm_store_list (self->store, SM_TYPE_STUDENT, error);

  if (model == NULL)
    return FALSE;

  self->n_students = g_list_model_get_n_items (model);
  self->students = g_new0 (MStudent, MAX (self->n_students, 1));
  for (guint i = 0; i < self->n_students; i++)
    {
      MStudent *m = &self->students[i];
      SmStudent *student = g_list_model_get_item (model, i);
      const char *code = job_string (student, SM_STUDENT_FIELD_PROGRAMME);
      const char * const *interests = job_strv (student, SM_STUDENT_FIELD_SECTOR_INTERESTS);

      m->record = student;
      m->level = (guint) job_int (student, SM_STUDENT_FIELD_LEVEL);
      m->pathway = (guint) job_int (student, SM_STUDENT_FIELD_PATHWAY);
      m->programme = code != NULL ? (int) intern (self, code) : -1;
      m->sector = -1;
      if (code != NULL)
        {
          SmRecord *programme = sm_store_lookup_key (self->store, SM_TYPE_PROGRAMME, code);
          if (programme != NULL)
            m->sector = (int) sm_programme_get_sector (SM_PROGRAMME (programme));
        }
      for (guint j = 0; interests[j] != NULL; j++)
        {
          SmSector sector;
          if (sm_sector_from_key (interests[j], &sector))
            m->interests |= 1u << sector;
        }
      m->from = julian_day (job_string (student, SM_STUDENT_FIELD_AVAILABLE_FROM));
      m->until = julian_day (job_string (student, SM_STUDENT_FIELD_AVAILABLE_UNTIL));
      m->hours = (int) job_int (student, SM_STUDENT_FIELD_HOURS_PER_WEEK);
      m->max_km = (int) job_int (student, SM_STUDENT_FIELD_MAX_TRAVEL_KM);
      locate (areas, student_area (student), &m->located, &m->lat, &m->lon);
      m->licence = job_int (student, SM_STUDENT_FIELD_DRIVING_LICENCE) != 0;
      m->vog = job_int (student, SM_STUDENT_FIELD_VOG) != 0;
      mset_init (self, &m->certificates, job_strv (student, SM_STUDENT_FIELD_CERTIFICATES));
      mset_init (self, &m->skills, job_strv (student, SM_STUDENT_FIELD_SKILLS));
    }

  qsort (self->students, self->n_students, sizeof (MStudent), compare_students);
  for (guint i = 0; i < self->n_students; i++)
    g_hash_table_insert (self->student_index, self->students[i].record, GUINT_TO_POINTER (i + 1));
  return TRUE;
}

static gboolean
load_offers (SmMatcher   *self,
             const Area  *areas,
             GError     **error)
{
  GListModel *model = sm_store_list (self->store, SM_TYPE_OFFER, error);
  g_autofree MOffer *loaded = NULL;
  g_autofree KeyedOffer *keyed = NULL;

  if (model == NULL)
    return FALSE;

  self->n_offers = g_list_model_get_n_items (model);
  loaded = g_new0 (MOffer, MAX (self->n_offers, 1));
  keyed = g_new0 (KeyedOffer, MAX (self->n_offers, 1));
  for (guint i = 0; i < self->n_offers; i++)
    {
      MOffer *m = &loaded[i];
      SmOffer *offer = g_list_model_get_item (model, i);
      int weeks = (int) job_int (offer, SM_OFFER_FIELD_REQUIRED_WEEKS);

      m->record = offer;
      m->levels = (guint32) job_int (offer, SM_OFFER_FIELD_LEVELS);
      m->pathways = (guint32) job_int (offer, SM_OFFER_FIELD_PATHWAYS);
      mset_init (self, &m->programmes, job_strv (offer, SM_OFFER_FIELD_PROGRAMMES));
      m->sector = (int) job_int (offer, SM_OFFER_FIELD_SECTOR);
      m->start = julian_day (job_string (offer, SM_OFFER_FIELD_START_DATE));
      m->end = julian_day (job_string (offer, SM_OFFER_FIELD_END_DATE));
      m->required_days = weeks * 7;
      m->hours = (int) job_int (offer, SM_OFFER_FIELD_HOURS_PER_WEEK);
      m->free_places = (int) job_int (offer, SM_OFFER_FIELD_PLACES);
      locate (areas, offer_area (offer), &m->located, &m->lat, &m->lon);
      m->licence = job_int (offer, SM_OFFER_FIELD_REQUIRES_DRIVING_LICENCE) != 0;
      m->vog = job_int (offer, SM_OFFER_FIELD_REQUIRES_VOG) != 0;
      mset_init_ordered (self, &m->requirements, job_strv (offer, SM_OFFER_FIELD_REQUIREMENTS));
      mset_init (self, &m->skills, job_strv (offer, SM_OFFER_FIELD_SKILLS));
      m->open = job_int (offer, SM_OFFER_FIELD_STATUS) == SM_OFFER_STATUS_OPEN;

      keyed[i].offer = m;
      keyed[i].key = offer_content_key (self, offer);
    }

  qsort (keyed, self->n_offers, sizeof (KeyedOffer), compare_keyed_offers);
  self->offers = g_new0 (MOffer, MAX (self->n_offers, 1));
  for (guint i = 0; i < self->n_offers; i++)
    {
      self->offers[i] = *keyed[i].offer;
      g_free (keyed[i].key);
      g_hash_table_insert (self->offer_index, self->offers[i].record, GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

static int
student_of (SmMatcher *self,
            gint64     id)
{
  SmRecord *record = sm_store_lookup (self->store, SM_TYPE_STUDENT, id);

  return record != NULL ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->student_index, record)) - 1 : -1;
}

static int
offer_of (SmMatcher *self,
          gint64     id)
{
  SmRecord *record = sm_store_lookup (self->store, SM_TYPE_OFFER, id);

  return record != NULL ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->offer_index, record)) - 1 : -1;
}

/* Placements that matching keeps: fixed by the coordinator, or confirmed
 * and beyond. Their students are placed already and their places taken. */
static gboolean
placement_is_kept (SmPlacement *placement)
{
  SmPlacementStatus status = sm_placement_get_status (placement);

  if (status == SM_PLACEMENT_STATUS_CANCELLED)
    return FALSE;
  return status != SM_PLACEMENT_STATUS_PROPOSED || sm_record_get_int (SM_RECORD (placement), SM_PLACEMENT_FIELD_LOCKED);
}

static gboolean
load_placements (SmMatcher  *self,
                 GError    **error)
{
  GListModel *model = sm_store_list (self->store, SM_TYPE_PLACEMENT, error);

  if (model == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmPlacement) placement = g_list_model_get_item (model, i);
      int s, o;

      if (!placement_is_kept (placement))
        continue;
      s = student_of (self, sm_placement_get_student_id (placement));
      o = offer_of (self, sm_placement_get_offer_id (placement));
      if (s >= 0 && !self->students[s].fixed)
        {
          self->students[s].fixed = TRUE;
          self->n_fixed++;
        }
      if (o >= 0)
        self->offers[o].free_places--;
    }
  return TRUE;
}

static int
compare_prefs (gconstpointer a,
               gconstpointer b)
{
  const guint *x = a, *y = b;

  /* owner, then the one ranked */
  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

static gboolean
load_preferences (SmMatcher  *self,
                  GError    **error)
{
  GListModel *model = sm_store_list (self->store, SM_TYPE_PREFERENCE, error);
  g_autoptr(GArray) by_student = g_array_new (FALSE, FALSE, 3 * sizeof (guint));
  g_autoptr(GArray) by_offer = g_array_new (FALSE, FALSE, 3 * sizeof (guint));

  if (model == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmPreference) preference = g_list_model_get_item (model, i);
      int s = student_of (self, sm_preference_get_student_id (preference));
      int o = offer_of (self, sm_preference_get_offer_id (preference));
      guint row[3];

      if (s < 0 || o < 0)
        continue;
      if (sm_preference_get_side (preference) == SM_PREFERENCE_SIDE_STUDENT)
        {
          row[0] = (guint) s, row[1] = (guint) o, row[2] = sm_preference_get_rank (preference);
          g_array_append_vals (by_student, row, 1);
        }
      else
        {
          row[0] = (guint) o, row[1] = (guint) s, row[2] = sm_preference_get_rank (preference);
          g_array_append_vals (by_offer, row, 1);
        }
    }

  g_array_sort (by_student, compare_prefs);
  g_array_sort (by_offer, compare_prefs);

  for (guint i = 0; i < by_student->len; i++)
    {
      const guint *row = (const guint *) by_student->data + 3 * i;
      MPref pref = { row[1], row[2] };
      MStudent *student = &self->students[row[0]];

      if (student->n_prefs == 0)
        student->first_pref = self->prefs->len;
      student->n_prefs++;
      g_array_append_val (self->prefs, pref);
    }
  for (guint i = 0; i < by_offer->len; i++)
    {
      const guint *row = (const guint *) by_offer->data + 3 * i;
      MPref pref = { row[1], row[2] };
      MOffer *offer = &self->offers[row[0]];

      if (offer->n_ranked == 0)
        offer->first_ranked = self->offer_prefs->len;
      offer->n_ranked++;
      g_array_append_val (self->offer_prefs, pref);
    }
  return TRUE;
}

static gboolean
load_areas (SmMatcher  *self,
            Area       *areas,
            GError    **error)
{
  g_autoptr(GArray) list = sm_store_load_postcode_areas (self->store, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      const SmPostcodeArea *area = &g_array_index (list, SmPostcodeArea, i);
      if (area->code >= 1000 && area->code <= 9999)
        areas[area->code] = (Area) { TRUE, area->latitude, area->longitude };
    }
  return TRUE;
}

/**
 * sm_matcher_new_with_weights:
 * @weights: (nullable): the weights to score with; %NULL for those stored
 *
 * Reads what matching needs from @store and finds every feasible pair.
 */
SmMatcher *
sm_matcher_new_with_weights (SmStore               *store,
                             const SmMatchWeights  *weights,
                             GError               **error)
{
  g_autoptr(SmMatcher) self = NULL;
  g_autofree Area *areas = g_new0 (Area, 10000);

  g_return_val_if_fail (SM_IS_STORE (store), NULL);

  self = g_object_new (SM_TYPE_MATCHER, NULL);
  self->store = g_object_ref (store);

  if (weights != NULL)
    {
      if (!sm_match_weights_validate (weights, error))
        return NULL;
      self->weights = *weights;
    }
  else if (!sm_match_weights_load (&self->weights, store, error))
    return NULL;

  if (!load_areas (self, areas, error) ||
      !load_students (self, areas, error) ||
      !load_offers (self, areas, error) ||
      !load_placements (self, error) ||
      !load_preferences (self, error) ||
      !sm_matcher_build_candidates (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

SmMatcher *
sm_matcher_new (SmStore  *store,
                GError  **error)
{
  return sm_matcher_new_with_weights (store, NULL, error);
}

guint
sm_matcher_get_n_students (SmMatcher *self)
{
  g_return_val_if_fail (SM_IS_MATCHER (self), 0);
  return self->n_students;
}

guint
sm_matcher_get_n_offers (SmMatcher *self)
{
  g_return_val_if_fail (SM_IS_MATCHER (self), 0);
  return self->n_offers;
}

guint64
sm_matcher_get_n_candidates (SmMatcher *self)
{
  g_return_val_if_fail (SM_IS_MATCHER (self), 0);
  return self->n_candidates;
}

/**
 * sm_matcher_get_n_fixed:
 *
 * Returns: how many students have a placement that matching keeps
 */
guint
sm_matcher_get_n_fixed (SmMatcher *self)
{
  g_return_val_if_fail (SM_IS_MATCHER (self), 0);
  return self->n_fixed;
}

double
sm_matcher_get_candidate_seconds (SmMatcher *self)
{
  g_return_val_if_fail (SM_IS_MATCHER (self), 0);
  return self->candidate_seconds;
}

/**
 * sm_matcher_explain:
 * @explanation: (out caller-allocates): the answer; clear it with
 *   sm_match_explanation_clear()
 *
 * Says whether @student and @offer fit and why: every reason against, or
 * every component of the score.
 */
void
sm_matcher_explain (SmMatcher          *self,
                    SmStudent          *student,
                    SmOffer            *offer,
                    SmMatchExplanation *explanation)
{
  int s, o;

  g_return_if_fail (SM_IS_MATCHER (self));

  memset (explanation, 0, sizeof *explanation);
  explanation->parts = g_ptr_array_new_with_free_func (g_free);
  explanation->reasons = g_ptr_array_new_with_free_func (g_free);
  explanation->distance_m = -1;

  s = (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->student_index, student)) - 1;
  o = (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->offer_index, offer)) - 1;
  g_return_if_fail (s >= 0 && o >= 0);

  if (sm_matcher_check_pair (self, &self->students[s], &self->offers[o], explanation))
    sm_matcher_score_pair (self, &self->students[s], &self->offers[o], (guint) s, (guint) o, explanation);
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  const SmMatchPlacement *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return 0;
}

/**
 * sm_matcher_list_candidates:
 *
 * Returns: (transfer full) (element-type SmMatchPlacement): the offers that
 *   fit @student, best score first
 */
/**
 * sm_matcher_count_candidates:
 *
 * Returns: how many offers @student could be placed at, as
 *   sm_matcher_list_candidates() lists them, without listing them
 */
guint
sm_matcher_count_candidates (SmMatcher *self,
                             SmStudent *student)
{
  int s;

  g_return_val_if_fail (SM_IS_MATCHER (self), 0);

  s = (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->student_index, student)) - 1;
  if (s < 0)
    return 0;
  return self->cand_start[s + 1] - self->cand_start[s];
}

GArray *
sm_matcher_list_candidates (SmMatcher *self,
                            SmStudent *student)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (SmMatchPlacement));
  int s;

  g_return_val_if_fail (SM_IS_MATCHER (self), list);

  s = (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->student_index, student)) - 1;
  if (s < 0)
    return list;

  for (guint i = self->cand_start[s]; i < self->cand_start[s + 1]; i++)
    {
      SmMatchPlacement placement = { student, self->offers[self->cand_offer[i]].record, self->cand_score[i] };
      g_array_append_val (list, placement);
    }
  /* Stable: equal scores stay in offer order. */
  g_array_sort (list, compare_by_score);
  return list;
}
