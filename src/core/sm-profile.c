/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-profile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>

#include "sm-anonymiser.h"
#include "sm-enums.h"
#include "sm-offer.h"
#include "sm-profile.h"
#include "sm-programme.h"
#include "sm-sector.h"
#include "sm-student.h"
#include "sm-validate.h"

/* The anonymised profile of a candidate: what a company sees before it
 * decides. It is built from a short list of job-relevant facts and
 * nothing else of the student record; free text goes through the
 * anonymiser; and every rendering is checked for the student's
 * identifying details before it is handed out, so that a profile that
 * would give the student away is refused here, in the core, whatever
 * shows it. */

typedef struct
{
  char     *key;    /* "driving-licence", "vog" or "other" */
  char     *label;
  gboolean  met;
} Requirement;

struct _SmProfile
{
  GObject       parent_instance;

  SmAnonymiser *anonymiser;
  /* Only for the final check of every output; nothing of it is written. */
  SmStudent    *student;

  char         *code;
  SmLevel       level;
  SmPathway     pathway;
  char         *programme_code;
  char         *programme_title;
  GStrv         skills;
  GArray       *sectors;          /* SmSector */
  char         *available_from;
  char         *available_until;
  int           hours_per_week;
  const char   *distance_band;    /* untranslated */
  GArray       *requirements;     /* Requirement */
  char         *context_note;
  char         *motivation;
};

G_DEFINE_FINAL_TYPE (SmProfile, sm_profile, G_TYPE_OBJECT)

static void
requirement_clear (Requirement *requirement)
{
  g_clear_pointer (&requirement->key, g_free);
  g_clear_pointer (&requirement->label, g_free);
}

static void
sm_profile_dispose (GObject *object)
{
  SmProfile *self = SM_PROFILE (object);

  g_clear_object (&self->anonymiser);
  g_clear_object (&self->student);

  G_OBJECT_CLASS (sm_profile_parent_class)->dispose (object);
}

static void
sm_profile_finalize (GObject *object)
{
  SmProfile *self = SM_PROFILE (object);

  g_free (self->code);
  g_free (self->programme_code);
  g_free (self->programme_title);
  g_strfreev (self->skills);
  g_array_unref (self->sectors);
  g_free (self->available_from);
  g_free (self->available_until);
  g_array_unref (self->requirements);
  g_free (self->context_note);
  g_free (self->motivation);

  G_OBJECT_CLASS (sm_profile_parent_class)->finalize (object);
}

static void
sm_profile_class_init (SmProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_profile_dispose;
  object_class->finalize = sm_profile_finalize;
}

static void
sm_profile_init (SmProfile *self)
{
  self->sectors = g_array_new (FALSE, FALSE, sizeof (SmSector));
  self->requirements = g_array_new (FALSE, TRUE, sizeof (Requirement));
  g_array_set_clear_func (self->requirements, (GDestroyNotify) requirement_clear);
  self->distance_band = sm_profile_distance_band_for_metres (-1);
}

/* Distance */

static const char * const distance_bands[] = {
  N_("0–5 km"), N_("5–10 km"), N_("10–20 km"), N_("20–40 km"), N_("over 40 km"), N_("unknown"),
};

/**
 * sm_profile_distance_band_for_metres:
 * @metres: a distance, or -1 if it is not known
 *
 * Returns: the band a company sees instead of an address: "0–5 km",
 *   "5–10 km", "10–20 km", "20–40 km", "over 40 km" or "unknown",
 *   untranslated; a distance on a boundary falls in the band above it
 */
const char *
sm_profile_distance_band_for_metres (int metres)
{
  if (metres < 0)
    return distance_bands[5];
  if (metres < 5000)
    return distance_bands[0];
  if (metres < 10000)
    return distance_bands[1];
  if (metres < 20000)
    return distance_bands[2];
  if (metres < 40000)
    return distance_bands[3];
  return distance_bands[4];
}

static const SmPostcodeArea *
find_area (GArray     *areas,
           const char *postcode)
{
  g_autofree char *pc4 = sm_postcode_area (postcode);
  guint code, lo = 0, hi;

  if (pc4 == NULL || areas == NULL)
    return NULL;
  code = (guint) g_ascii_strtoull (pc4, NULL, 10);

  /* The areas come sorted by code. */
  hi = areas->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SmPostcodeArea *area = &g_array_index (areas, SmPostcodeArea, mid);

      if (area->code == code)
        return area;
      if (area->code < code)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* Great-circle distance between the centres of two PC4 areas, in whole
 * metres, as the matcher computes it. */
static int
distance_m (const SmPostcodeArea *a,
            const SmPostcodeArea *b)
{
  const double radius_m = 6371008.8;
  double phi1 = a->latitude * G_PI / 180.0;
  double phi2 = b->latitude * G_PI / 180.0;
  double dphi = phi2 - phi1;
  double dlambda = (b->longitude - a->longitude) * G_PI / 180.0;
  double h = sin (dphi / 2) * sin (dphi / 2) + cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);

  return (int) lround (2 * radius_m * asin (MIN (1.0, sqrt (h))));
}

/* Building */

static gboolean
strv_contains_folded (const char * const *items,
                      const char         *wanted)
{
  g_autofree char *key = g_utf8_casefold (wanted, -1);

  g_strstrip (key);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_utf8_casefold (items[i], -1);

      if (strcmp (g_strstrip (item), key) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_requirement (SmProfile  *self,
                 const char *key,
                 const char *label,
                 gboolean    met)
{
  Requirement requirement = { g_strdup (key), g_strdup (label), met };

  g_array_append_val (self->requirements, requirement);
}

static char *
scrub (SmProfile   *self,
       const char  *text,
       const char  *part,
       GError     **error)
{
  SmRecord *student = SM_RECORD (self->student);
  const char *given = sm_record_get_string (student, SM_STUDENT_FIELD_GIVEN_NAME);
  const char *prefix = sm_record_get_string (student, SM_STUDENT_FIELD_NAME_PREFIX);
  const char *family = sm_record_get_string (student, SM_STUDENT_FIELD_FAMILY_NAME);
  g_autofree char *prefixed = prefix != NULL && family != NULL ? g_strconcat (prefix, " ", family, NULL) : NULL;
  const char *names[4] = { NULL };
  const char *places[2] = { sm_record_get_string (student, SM_STUDENT_FIELD_CITY), NULL };
  guint n = 0;
  char *scrubbed;

  if (text == NULL)
    return NULL;
  if (given != NULL)
    names[n++] = given;
  if (family != NULL)
    names[n++] = family;
  if (prefixed != NULL)
    names[n++] = prefixed;

  scrubbed = sm_anonymiser_scrub (self->anonymiser, text, names, places);
  if (scrubbed == NULL)
    g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_LEAK,
                 _("Candidate %s: the %s could not be anonymised; shorten or edit it before sharing the profile"),
                 self->code, part);
  return scrubbed;
}

/**
 * sm_profile_new:
 * @store: where the candidate, the offer and the student are
 * @candidate: a stored candidate
 *
 * Builds the anonymised profile of @candidate: the candidate code, level
 * and pathway, programme, skills, sector interests, availability, hours
 * per week, the distance band between the student's and the offer's PC4
 * areas, which of the offer's requirements are met, and the context note
 * and motivation with personal details removed. Nothing else of the
 * student is in it.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with @error
 *   set
 */
SmProfile *
sm_profile_new (SmStore      *store,
                SmCandidate  *candidate,
                GError      **error)
{
  g_autoptr(SmProfile) self = NULL;
  g_autoptr(GArray) areas = NULL;
  SmRecord *record = SM_RECORD (candidate);
  SmRecord *offer;
  SmRecord *student;
  SmRecord *programme;
  const char *code;
  const char * const *skills;
  const char * const *certificates;
  const char * const *interests;
  const char * const *named;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  const SmPostcodeArea *home, *work;
  SmAnonymiser *anonymiser;

  g_return_val_if_fail (SM_IS_STORE (store), NULL);
  g_return_val_if_fail (SM_IS_CANDIDATE (candidate), NULL);

  code = sm_record_get_string (record, SM_CANDIDATE_FIELD_CODE);
  offer = sm_store_lookup (store, SM_TYPE_OFFER, sm_record_get_int (record, SM_CANDIDATE_FIELD_OFFER_ID));
  student = sm_store_lookup (store, SM_TYPE_STUDENT, sm_record_get_int (record, SM_CANDIDATE_FIELD_STUDENT_ID));
  if (code == NULL || offer == NULL || student == NULL)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND,
                   _("Candidate %s: its offer or student is not in the database"), code != NULL ? code : "?");
      return NULL;
    }

  anonymiser = sm_anonymiser_get_default ();
  if (anonymiser == NULL)
    {
      g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_WORD_LIST,
                   _("The anonymiser could not be set up; no profile can be shared"));
      return NULL;
    }

  self = g_object_new (SM_TYPE_PROFILE, NULL);
  self->anonymiser = g_object_ref (anonymiser);
  self->student = g_object_ref (SM_STUDENT (student));
  self->code = g_strdup (code);
  self->level = sm_student_get_level (SM_STUDENT (student));
  self->pathway = sm_student_get_pathway (SM_STUDENT (student));
  self->programme_code = g_strdup (sm_student_get_programme (SM_STUDENT (student)));
  programme = sm_store_lookup_key (store, SM_TYPE_PROGRAMME, self->programme_code);
  if (programme != NULL)
    self->programme_title = g_strdup (sm_programme_get_name (SM_PROGRAMME (programme)));

  /* A skill such as "Arabisch" tells where a student comes from. */
  skills = sm_record_get_strv (student, SM_STUDENT_FIELD_SKILLS);
  for (guint i = 0; skills[i] != NULL; i++)
    if (!sm_anonymiser_reveals_origin (anonymiser, skills[i]))
      g_strv_builder_add (kept, skills[i]);
  self->skills = g_strv_builder_end (kept);

  interests = sm_record_get_strv (student, SM_STUDENT_FIELD_SECTOR_INTERESTS);
  for (guint i = 0; interests[i] != NULL; i++)
    {
      SmSector sector;

      if (sm_sector_from_key (interests[i], &sector))
        g_array_append_val (self->sectors, sector);
    }

  self->available_from = g_strdup (sm_record_get_string (student, SM_STUDENT_FIELD_AVAILABLE_FROM));
  self->available_until = g_strdup (sm_record_get_string (student, SM_STUDENT_FIELD_AVAILABLE_UNTIL));
  self->hours_per_week = (int) sm_record_get_int (student, SM_STUDENT_FIELD_HOURS_PER_WEEK);

  areas = sm_store_load_postcode_areas (store, error);
  if (areas == NULL)
    return NULL;
  home = find_area (areas, sm_student_get_postcode (SM_STUDENT (student)));
  work = find_area (areas, sm_record_get_string (offer, SM_OFFER_FIELD_POSTCODE));
  self->distance_band = sm_profile_distance_band_for_metres (home != NULL && work != NULL ? distance_m (home, work) : -1);

  if (sm_record_get_int (offer, SM_OFFER_FIELD_REQUIRES_DRIVING_LICENCE))
    add_requirement (self, "driving-licence", _("Driving licence"),
                     sm_record_get_int (student, SM_STUDENT_FIELD_DRIVING_LICENCE) != 0);
  if (sm_record_get_int (offer, SM_OFFER_FIELD_REQUIRES_VOG))
    add_requirement (self, "vog", _("Certificate of conduct (VOG)"),
                     sm_record_get_int (student, SM_STUDENT_FIELD_VOG) != 0);
  certificates = sm_record_get_strv (student, SM_STUDENT_FIELD_CERTIFICATES);
  named = sm_record_get_strv (offer, SM_OFFER_FIELD_REQUIREMENTS);
  for (guint i = 0; named[i] != NULL; i++)
    add_requirement (self, "other", named[i],
                     strv_contains_folded (certificates, named[i]) || strv_contains_folded (skills, named[i]));

  self->context_note = scrub (self, sm_record_get_string (record, SM_CANDIDATE_FIELD_NOTE), _("context note"), error);
  if (self->context_note == NULL && sm_record_get_string (record, SM_CANDIDATE_FIELD_NOTE) != NULL)
    return NULL;
  self->motivation = scrub (self, sm_record_get_string (student, SM_STUDENT_FIELD_MOTIVATION), _("motivation"), error);
  if (self->motivation == NULL && sm_record_get_string (student, SM_STUDENT_FIELD_MOTIVATION) != NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sm_profile_get_code:
 *
 * Returns: the candidate code, the only name a company has for the
 *   candidate until it decides
 */
const char *
sm_profile_get_code (SmProfile *self)
{
  g_return_val_if_fail (SM_IS_PROFILE (self), NULL);
  return self->code;
}

/**
 * sm_profile_get_skills:
 *
 * Returns: (transfer none): the student's skills, less those that tell
 *   where the student comes from ("Arabisch")
 */
const char * const *
sm_profile_get_skills (SmProfile *self)
{
  g_return_val_if_fail (SM_IS_PROFILE (self), NULL);
  return (const char * const *) self->skills;
}

/**
 * sm_profile_get_distance_band:
 *
 * Returns: the distance band, untranslated, as
 *   sm_profile_distance_band_for_metres() gives it
 */
const char *
sm_profile_get_distance_band (SmProfile *self)
{
  g_return_val_if_fail (SM_IS_PROFILE (self), NULL);
  return self->distance_band;
}

/**
 * sm_profile_get_context_note:
 *
 * Returns: (nullable): the candidate's context note, scrubbed
 */
const char *
sm_profile_get_context_note (SmProfile *self)
{
  g_return_val_if_fail (SM_IS_PROFILE (self), NULL);
  return self->context_note;
}

/**
 * sm_profile_get_motivation:
 *
 * Returns: (nullable): the student's motivation, scrubbed
 */
const char *
sm_profile_get_motivation (SmProfile *self)
{
  g_return_val_if_fail (SM_IS_PROFILE (self), NULL);
  return self->motivation;
}

static const char *
pathway_key (SmPathway pathway)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SM_TYPE_PATHWAY);
  GEnumValue *value = g_enum_get_value (klass, pathway);

  return value != NULL ? value->value_nick : NULL;
}

/* JSON */

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_keyed (JsonBuilder *builder,
           const char  *key_name,
           const char  *key,
           const char  *label)
{
  json_builder_begin_object (builder);
  add_string_member (builder, key_name, key);
  add_string_member (builder, "label", label);
  json_builder_end_object (builder);
}

static void
build_json (SmProfile   *self,
            JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "candidate", self->code);

  json_builder_set_member_name (builder, "level");
  add_keyed (builder, "key", sm_level_to_key (self->level), sm_level_get_display_name (self->level));
  json_builder_set_member_name (builder, "pathway");
  if (self->pathway != SM_PATHWAY_NONE)
    add_keyed (builder, "key", pathway_key (self->pathway), sm_pathway_get_display_name (self->pathway));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "programme");
  if (self->programme_code != NULL)
    add_keyed (builder, "code", self->programme_code, self->programme_title);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  for (guint i = 0; self->skills[i] != NULL; i++)
    json_builder_add_string_value (builder, self->skills[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sector_interests");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->sectors->len; i++)
    {
      SmSector sector = g_array_index (self->sectors, SmSector, i);

      add_keyed (builder, "key", sm_sector_to_key (sector), sm_sector_get_display_name (sector));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "availability");
  json_builder_begin_object (builder);
  add_string_member (builder, "from", self->available_from);
  add_string_member (builder, "until", self->available_until);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "hours_per_week");
  json_builder_add_int_value (builder, self->hours_per_week);
  add_string_member (builder, "distance", self->distance_band);

  json_builder_set_member_name (builder, "requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->requirements->len; i++)
    {
      const Requirement *requirement = &g_array_index (self->requirements, Requirement, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "key", requirement->key);
      add_string_member (builder, "label", requirement->label);
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, requirement->met);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string_member (builder, "context_note", self->context_note);
  add_string_member (builder, "motivation", self->motivation);
  json_builder_end_object (builder);
}

static char *
render_json (GPtrArray *profiles,
             gboolean   list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  if (list)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "profiles");
      json_builder_begin_array (builder);
    }
  for (guint i = 0; i < profiles->len; i++)
    build_json (profiles->pdata[i], builder);
  if (list)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* XML */

/* Characters that XML 1.0 cannot hold become spaces. */
static char *
xml_safe (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_element (xmlTextWriterPtr  writer,
               const char       *name,
               const char       *attribute,
               const char       *attribute_value,
               const char       *text)
{
  g_autofree char *safe = xml_safe (text);
  g_autofree char *safe_attribute = xml_safe (attribute_value);
  gboolean ok = xmlTextWriterStartElement (writer, BAD_CAST name) >= 0;

  if (attribute != NULL && safe_attribute != NULL)
    ok &= xmlTextWriterWriteAttribute (writer, BAD_CAST attribute, BAD_CAST safe_attribute) >= 0;
  if (safe != NULL)
    ok &= xmlTextWriterWriteString (writer, BAD_CAST safe) >= 0;
  ok &= xmlTextWriterEndElement (writer) >= 0;
  return ok;
}

static gboolean
build_xml (SmProfile        *self,
           xmlTextWriterPtr  writer)
{
  gboolean ok = xmlTextWriterStartElement (writer, BAD_CAST "profile") >= 0;
  char hours[16];

  ok &= write_element (writer, "candidate", NULL, NULL, self->code);
  ok &= write_element (writer, "level", "key", sm_level_to_key (self->level), sm_level_get_display_name (self->level));
  if (self->pathway != SM_PATHWAY_NONE)
    ok &= write_element (writer, "pathway", "key", pathway_key (self->pathway), sm_pathway_get_display_name (self->pathway));
  if (self->programme_code != NULL)
    ok &= write_element (writer, "programme", "code", self->programme_code, self->programme_title);

  ok &= xmlTextWriterStartElement (writer, BAD_CAST "skills") >= 0;
  for (guint i = 0; self->skills[i] != NULL; i++)
    ok &= write_element (writer, "skill", NULL, NULL, self->skills[i]);
  ok &= xmlTextWriterEndElement (writer) >= 0;

  ok &= xmlTextWriterStartElement (writer, BAD_CAST "sector-interests") >= 0;
  for (guint i = 0; i < self->sectors->len; i++)
    {
      SmSector sector = g_array_index (self->sectors, SmSector, i);

      ok &= write_element (writer, "sector", "key", sm_sector_to_key (sector), sm_sector_get_display_name (sector));
    }
  ok &= xmlTextWriterEndElement (writer) >= 0;

  ok &= xmlTextWriterStartElement (writer, BAD_CAST "availability") >= 0;
  if (self->available_from != NULL)
    ok &= xmlTextWriterWriteAttribute (writer, BAD_CAST "from", BAD_CAST self->available_from) >= 0;
  if (self->available_until != NULL)
    ok &= xmlTextWriterWriteAttribute (writer, BAD_CAST "until", BAD_CAST self->available_until) >= 0;
  ok &= xmlTextWriterEndElement (writer) >= 0;

  g_snprintf (hours, sizeof hours, "%d", self->hours_per_week);
  ok &= write_element (writer, "hours-per-week", NULL, NULL, hours);
  ok &= write_element (writer, "distance", NULL, NULL, self->distance_band);

  ok &= xmlTextWriterStartElement (writer, BAD_CAST "requirements") >= 0;
  for (guint i = 0; i < self->requirements->len; i++)
    {
      const Requirement *requirement = &g_array_index (self->requirements, Requirement, i);
      g_autofree char *label = xml_safe (requirement->label);

      ok &= xmlTextWriterStartElement (writer, BAD_CAST "requirement") >= 0;
      ok &= xmlTextWriterWriteAttribute (writer, BAD_CAST "key", BAD_CAST requirement->key) >= 0;
      ok &= xmlTextWriterWriteAttribute (writer, BAD_CAST "met", BAD_CAST (requirement->met ? "true" : "false")) >= 0;
      ok &= xmlTextWriterWriteString (writer, BAD_CAST label) >= 0;
      ok &= xmlTextWriterEndElement (writer) >= 0;
    }
  ok &= xmlTextWriterEndElement (writer) >= 0;

  if (self->context_note != NULL)
    ok &= write_element (writer, "context-note", NULL, NULL, self->context_note);
  if (self->motivation != NULL)
    ok &= write_element (writer, "motivation", NULL, NULL, self->motivation);

  ok &= xmlTextWriterEndElement (writer) >= 0;
  return ok;
}

static char *
render_xml (GPtrArray  *profiles,
            gboolean    list,
            GError    **error)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  gboolean ok = writer != NULL;
  char *result = NULL;

  if (ok)
    {
      xmlTextWriterSetIndent (writer, 1);
      xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
      ok &= xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL) >= 0;
      if (list)
        ok &= xmlTextWriterStartElement (writer, BAD_CAST "profiles") >= 0;
      for (guint i = 0; i < profiles->len; i++)
        ok &= build_xml (profiles->pdata[i], writer);
      if (list)
        ok &= xmlTextWriterEndElement (writer) >= 0;
      ok &= xmlTextWriterEndDocument (writer) >= 0;
      /* Freeing the writer flushes it into the buffer. */
      xmlFreeTextWriter (writer);
    }
  if (ok)
    result = g_strdup ((const char *) xmlBufferContent (buffer));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The profiles could not be written as XML"));
  if (buffer != NULL)
    xmlBufferFree (buffer);
  return result;
}

/* Text */

static void
append_line (GString    *out,
             const char *label,
             const char *value)
{
  g_string_append_printf (out, "%s: %s\n", label, value != NULL ? value : "–");
}

/* Free text, indented under its label so that a line of it cannot pass
 * for a field. */
static void
append_block (GString    *out,
              const char *label,
              const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return;
  g_string_append_printf (out, "%s:\n", label);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "  %s\n", g_strchomp (lines[i]));
}

static void
build_text (SmProfile *self,
            GString   *out)
{
  g_autoptr(GString) sectors = g_string_new (NULL);
  g_autofree char *skills = g_strjoinv (", ", self->skills);
  g_autofree char *level = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *availability = NULL;
  g_autofree char *hours = g_strdup_printf ("%d", self->hours_per_week);

  level = self->pathway != SM_PATHWAY_NONE
          ? g_strdup_printf ("%s, %s", sm_level_get_display_name (self->level), sm_pathway_get_display_name (self->pathway))
          : g_strdup (sm_level_get_display_name (self->level));
  if (self->programme_code != NULL)
    programme = self->programme_title != NULL ? g_strdup_printf ("%s (%s)", self->programme_title, self->programme_code)
                                              : g_strdup (self->programme_code);
  for (guint i = 0; i < self->sectors->len; i++)
    g_string_append_printf (sectors, "%s%s", i > 0 ? ", " : "",
                            sm_sector_get_display_name (g_array_index (self->sectors, SmSector, i)));
  availability = g_strdup_printf ("%s – %s", self->available_from != NULL ? self->available_from : "…",
                                  self->available_until != NULL ? self->available_until : "…");

  append_line (out, _("Candidate"), self->code);
  append_line (out, _("Level"), level);
  append_line (out, _("Programme"), programme);
  append_line (out, _("Skills"), *skills != '\0' ? skills : NULL);
  append_line (out, _("Sector interests"), sectors->len > 0 ? sectors->str : NULL);
  append_line (out, _("Available"), availability);
  append_line (out, _("Hours per week"), hours);
  append_line (out, _("Distance"), g_dgettext (GETTEXT_PACKAGE, self->distance_band));
  if (self->requirements->len > 0)
    {
      g_string_append_printf (out, "%s:\n", _("Requirements"));
      for (guint i = 0; i < self->requirements->len; i++)
        {
          const Requirement *requirement = &g_array_index (self->requirements, Requirement, i);

          g_string_append_printf (out, "  %s: %s\n", requirement->label,
                                  requirement->met ? _("met") : _("not met"));
        }
    }
  append_block (out, _("Context note"), self->context_note);
  append_block (out, _("Motivation"), self->motivation);
}

static char *
render_text (GPtrArray *profiles)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < profiles->len; i++)
    {
      if (i > 0)
        g_string_append (out, "\n――――――――――――――――――――――――――――――――――――――――\n\n");
      build_text (profiles->pdata[i], out);
    }
  return g_string_free (out, FALSE);
}

/* The check before anything leaves */

/* Words of the program and the offer, not of the student: labels,
 * levels, programme and sector names, the offer's requirements. A family
 * name "Groen" in the sector "groen" gives no one away. */
static GPtrArray *
collect_vocabulary (GPtrArray *profiles)
{
  static const char * const names[] = {
    "profiles", "profile", "candidate", "level", "pathway", "programme", "skills", "skill",
    "sector_interests", "sector-interests", "sector", "availability", "from", "until",
    "hours_per_week", "hours-per-week", "distance", "requirements", "requirement", "key", "label",
    "code", "met", "true", "false", "null", "context_note", "context-note", "motivation", "xml",
    "version", "encoding", "UTF-8",
  };
  const char *labels[] = {
    _("Candidate"), _("Level"), _("Programme"), _("Skills"), _("Sector interests"), _("Available"),
    _("Hours per week"), _("Distance"), _("Requirements"), _("met"), _("not met"), _("Context note"),
    _("Motivation"), _("Driving licence"), _("Certificate of conduct (VOG)"),
  };
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (words, g_strdup (names[i]));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_ptr_array_add (words, g_strdup (labels[i]));
  for (guint i = 0; i < G_N_ELEMENTS (distance_bands); i++)
    {
      g_ptr_array_add (words, g_strdup (distance_bands[i]));
      g_ptr_array_add (words, g_strdup (g_dgettext (GETTEXT_PACKAGE, distance_bands[i])));
    }

  for (guint i = 0; i < profiles->len; i++)
    {
      SmProfile *self = profiles->pdata[i];

      g_ptr_array_add (words, g_strdup (sm_level_to_key (self->level)));
      g_ptr_array_add (words, g_strdup (sm_level_get_display_name (self->level)));
      g_ptr_array_add (words, g_strdup (pathway_key (self->pathway)));
      g_ptr_array_add (words, g_strdup (sm_pathway_get_display_name (self->pathway)));
      if (self->programme_title != NULL)
        g_ptr_array_add (words, g_strdup (self->programme_title));
      for (guint j = 0; j < self->sectors->len; j++)
        {
          SmSector sector = g_array_index (self->sectors, SmSector, j);

          g_ptr_array_add (words, g_strdup (sm_sector_to_key (sector)));
          g_ptr_array_add (words, g_strdup (sm_sector_get_display_name (sector)));
        }
      for (guint j = 0; j < self->requirements->len; j++)
        g_ptr_array_add (words, g_strdup (g_array_index (self->requirements, Requirement, j).label));
    }
  return words;
}

static gint
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  gsize la = strlen (*(const char * const *) a);
  gsize lb = strlen (*(const char * const *) b);

  return la > lb ? -1 : la < lb;
}

/* @output less every whole-word occurrence of the vocabulary. */
static char *
mask_vocabulary (GPtrArray  *profiles,
                 const char *output)
{
  g_autoptr(GPtrArray) words = collect_vocabulary (profiles);
  g_autoptr(GString) pattern = g_string_new ("(?<![\\p{L}\\p{M}\\p{N}_])(?:");
  g_autoptr(GRegex) regex = NULL;
  gboolean first = TRUE;

  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  g_ptr_array_sort (words, compare_longest_first);
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = words->pdata[i];
      g_autofree char *escaped = NULL;

      /* Each once: a list of many profiles repeats most of them. */
      if (word == NULL || *word == '\0' || !g_hash_table_add (seen, g_utf8_casefold (word, -1)))
        continue;
      escaped = g_regex_escape_string (word, -1);
      g_string_append_printf (pattern, "%s%s", first ? "" : "|", escaped);
      first = FALSE;
    }
  g_string_append (pattern, ")(?![\\p{L}\\p{M}\\p{N}_])");

  regex = g_regex_new (pattern->str, G_REGEX_CASELESS, 0, &error);
  /* Without a mask nothing is forgiven. */
  if (regex == NULL)
    {
      g_warning ("Could not make a pattern of the profile’s own words: %s", error->message);
      return g_strdup (output);
    }
  return g_regex_replace_literal (regex, output, -1, 0, " ", 0, NULL);
}

typedef struct
{
  const char *name;
  char       *text;
} Part;

/* Names the part of a profile in which @student's @field shows, for a
 * message the coordinator can act on. */
static gboolean
locate_leak (GPtrArray  *profiles,
             SmProfile  *owner,
             int         field,
             GError    **error)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      SmProfile *self = profiles->pdata[i];
      Part parts[] = {
        { _("motivation"), g_strdup (self->motivation) },
        { _("context note"), g_strdup (self->context_note) },
        { _("skills"), g_strjoinv ("\n", self->skills) },
        { _("availability"), g_strjoin ("\n", self->available_from != NULL ? self->available_from : "",
                                         self->available_until != NULL ? self->available_until : "", NULL) },
        { _("candidate code"), g_strdup (self->code) },
      };
      const char *found = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        {
          if (found == NULL && sm_anonymiser_find_leak (owner->anonymiser, owner->student, parts[j].text) == field)
            found = parts[j].name;
          g_free (parts[j].text);
        }
      if (found == NULL)
        continue;

      if (self == owner)
        g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_LEAK,
                     _("Candidate %s: the profile would show the student’s %s in the %s; edit the %s before sharing it"),
                     owner->code, sm_anonymiser_describe_field (field), found, found);
      else
        g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_LEAK,
                     _("Candidate %s: the profile would show the %s of candidate %s in the %s; edit the %s before sharing it"),
                     self->code, sm_anonymiser_describe_field (field), owner->code, found, found);
      return TRUE;
    }
  return FALSE;
}

/* The fail-closed rule: the whole output is checked for every student in
 * it, also in the text of another candidate. A hit that disappears once
 * the program's own words are taken out came from those words, not from
 * a student; any other hit refuses the output. */
static gboolean
check_rendering (GPtrArray   *profiles,
                 const char  *output,
                 GError     **error)
{
  SmProfile *first = profiles->pdata[0];
  g_autoptr(GPtrArray) students = g_ptr_array_new ();
  g_autoptr(GError) leak = NULL;
  g_autofree char *masked = NULL;
  SmProfile *owner;
  guint index = 0;
  int field;

  for (guint i = 0; i < profiles->len; i++)
    g_ptr_array_add (students, ((SmProfile *) profiles->pdata[i])->student);

  if (profiles->len == 1)
    {
      if (sm_anonymiser_check_output (first->anonymiser, first->student, output, &leak))
        return TRUE;
    }
  else if (sm_anonymiser_find_leak_of_any (first->anonymiser, students, output, NULL) < 0)
    return TRUE;

  masked = mask_vocabulary (profiles, output);
  field = sm_anonymiser_find_leak_of_any (first->anonymiser, students, masked, &index);
  if (field < 0)
    return TRUE;

  owner = profiles->pdata[index];
  if (!locate_leak (profiles, owner, field, error))
    {
      if (leak == NULL)
        sm_anonymiser_check_output (owner->anonymiser, owner->student, masked, &leak);
      if (leak != NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&leak), _("Candidate %s: "), owner->code);
      else
        g_set_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_LEAK,
                     _("Candidate %s: the profile would show the student’s %s; edit the motivation (or the context note) before sharing it"),
                     owner->code, sm_anonymiser_describe_field (field));
    }
  return FALSE;
}

static gboolean
check_profiles (GPtrArray  *profiles,
                GError    **error)
{
  g_return_val_if_fail (profiles != NULL, FALSE);

  for (guint i = 0; i < profiles->len; i++)
    g_return_val_if_fail (SM_IS_PROFILE (profiles->pdata[i]), FALSE);
  return TRUE;
}

static char *
checked (GPtrArray  *profiles,
         char       *output,
         GError    **error)
{
  if (output != NULL && profiles->len > 0 && !check_rendering (profiles, output, error))
    g_clear_pointer (&output, g_free);
  return output;
}

/**
 * sm_profile_list_to_json:
 * @profiles: (element-type SmProfile): profiles, usually of one offer
 *
 * Writes the profiles as `{"profiles": [...]}`, then checks the whole
 * text for the identifying details of every student in it.
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL with
 *   %SM_ANONYMISER_ERROR_LEAK naming what to edit
 */
char *
sm_profile_list_to_json (GPtrArray  *profiles,
                         GError    **error)
{
  if (!check_profiles (profiles, error))
    return NULL;
  return checked (profiles, render_json (profiles, TRUE), error);
}

/**
 * sm_profile_list_to_xml:
 * @profiles: (element-type SmProfile): profiles, usually of one offer
 *
 * Writes the profiles as a `<profiles>` document, then checks it as
 * sm_profile_list_to_json() does.
 *
 * Returns: (transfer full) (nullable): the XML text, or %NULL with @error
 */
char *
sm_profile_list_to_xml (GPtrArray  *profiles,
                        GError    **error)
{
  if (!check_profiles (profiles, error))
    return NULL;
  return checked (profiles, render_xml (profiles, TRUE, error), error);
}

/**
 * sm_profile_list_to_text:
 * @profiles: (element-type SmProfile): profiles, usually of one offer
 *
 * Writes the profiles as labelled lines for the screen or paper, in the
 * language of the program, then checks them as sm_profile_list_to_json()
 * does.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with @error
 */
char *
sm_profile_list_to_text (GPtrArray  *profiles,
                         GError    **error)
{
  if (!check_profiles (profiles, error))
    return NULL;
  return checked (profiles, render_text (profiles), error);
}

/**
 * sm_profile_to_json:
 *
 * Writes the profile as one JSON object and checks it for the student's
 * identifying details.
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL with
 *   %SM_ANONYMISER_ERROR_LEAK naming what to edit
 */
char *
sm_profile_to_json (SmProfile  *self,
                    GError    **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (SM_IS_PROFILE (self), NULL);

  g_ptr_array_add (one, self);
  return checked (one, render_json (one, FALSE), error);
}

/**
 * sm_profile_to_xml:
 *
 * Writes the profile as a `<profile>` document and checks it.
 *
 * Returns: (transfer full) (nullable): the XML text, or %NULL with @error
 */
char *
sm_profile_to_xml (SmProfile  *self,
                   GError    **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (SM_IS_PROFILE (self), NULL);

  g_ptr_array_add (one, self);
  return checked (one, render_xml (one, FALSE, error), error);
}

/**
 * sm_profile_to_text:
 *
 * Writes the profile as labelled lines for the screen or paper and
 * checks it.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with @error
 */
char *
sm_profile_to_text (SmProfile  *self,
                    GError    **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (SM_IS_PROFILE (self), NULL);

  g_ptr_array_add (one, self);
  return checked (one, render_text (one), error);
}
