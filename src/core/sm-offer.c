/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-offer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-anonymiser.h"
#include "sm-company.h"
#include "sm-enums.h"
#include "sm-offer.h"

/* An internship offer: what a company offers, to which levels and
 * programmes, where, when and how many places. */
struct _SmOffer
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmOffer, sm_offer, SM_TYPE_RECORD)

static const SmField offer_fields[] = {
  [SM_OFFER_FIELD_COMPANY_ID] = { "company_id", SM_FIELD_REF, N_("Company"), SM_FIELD_REQUIRED, .get_type = sm_company_get_type },
  [SM_OFFER_FIELD_TITLE] = { "title", SM_FIELD_STRING, N_("Title"), SM_FIELD_REQUIRED, .max = 120 },
  [SM_OFFER_FIELD_DESCRIPTION] = { "description", SM_FIELD_TEXT, N_("Description"), 0 },
  [SM_OFFER_FIELD_SECTOR] = { "sector", SM_FIELD_ENUM, N_("Sector"), 0, .get_type = sm_sector_get_type },
  [SM_OFFER_FIELD_LEVELS] = { "levels", SM_FIELD_FLAGS, N_("Accepted levels"), SM_FIELD_REQUIRED, .get_type = sm_level_flags_get_type },
  [SM_OFFER_FIELD_PATHWAYS] = { "pathways", SM_FIELD_FLAGS, N_("Accepted mbo pathways"), 0, .get_type = sm_pathway_flags_get_type, .default_value = SM_PATHWAY_FLAG_BOL | SM_PATHWAY_FLAG_BBL },
  [SM_OFFER_FIELD_PROGRAMMES] = { "programmes", SM_FIELD_STRV, N_("Crebo codes or programmes"), 0, .validate = sm_validate_key },
  [SM_OFFER_FIELD_POSTCODE] = { "postcode", SM_FIELD_STRING, N_("Location postcode"), 0, .max = 7, .validate = sm_validate_postcode },
  [SM_OFFER_FIELD_START_DATE] = { "start_date", SM_FIELD_DATE, N_("Start date"), SM_FIELD_REQUIRED },
  [SM_OFFER_FIELD_END_DATE] = { "end_date", SM_FIELD_DATE, N_("End date"), SM_FIELD_REQUIRED },
  [SM_OFFER_FIELD_REQUIRED_WEEKS] = { "required_weeks", SM_FIELD_INT, N_("Required weeks"), 0, .min = 1, .max = 104, .default_value = 10 },
  [SM_OFFER_FIELD_HOURS_PER_WEEK] = { "hours_per_week", SM_FIELD_INT, N_("Hours per week"), 0, .min = 4, .max = 60, .default_value = 32 },
  [SM_OFFER_FIELD_PLACES] = { "places", SM_FIELD_INT, N_("Places"), 0, .min = 1, .max = 200, .default_value = 1 },
  [SM_OFFER_FIELD_REQUIRES_DRIVING_LICENCE] = { "requires_driving_licence", SM_FIELD_BOOLEAN, N_("Driving licence required"), 0 },
  [SM_OFFER_FIELD_REQUIRES_VOG] = { "requires_vog", SM_FIELD_BOOLEAN, N_("Certificate of conduct (VOG) required"), 0 },
  [SM_OFFER_FIELD_REQUIREMENTS] = { "requirements", SM_FIELD_STRV, N_("Other requirements"), 0 },
  [SM_OFFER_FIELD_STATUS] = { "status", SM_FIELD_ENUM, N_("Status"), 0, .get_type = sm_offer_status_get_type, .default_value = SM_OFFER_STATUS_OPEN },
  [SM_OFFER_FIELD_SELECTION_MODE] = { "selection_mode", SM_FIELD_ENUM, N_("Selection"), 0, .get_type = sm_selection_mode_get_type, .default_value = SM_SELECTION_MODE_ANONYMISED },
  [SM_OFFER_FIELD_SKILLS] = { "skills", SM_FIELD_STRV, N_("Skills looked for"), 0 },
  [SM_OFFER_FIELD_PROXY_CONFIRMED] = { "proxy_confirmed", SM_FIELD_BOOLEAN, N_("Requirements checked for proxies of origin"), 0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (offer_fields) == SM_OFFER_N_FIELDS);

/* A requirement that can stand in for origin ("native speaker", "geen
 * hoofddoek") is refused until the coordinator confirms that the work
 * needs it. */
static gboolean
check_proxy_requirements (SmRecord  *record,
                          GError   **error)
{
  static const guint fields[] = { SM_OFFER_FIELD_REQUIREMENTS, SM_OFFER_FIELD_TITLE, SM_OFFER_FIELD_DESCRIPTION };
  SmAnonymiser *anonymiser = sm_anonymiser_get_default ();

  if (anonymiser == NULL || sm_record_get_int (record, SM_OFFER_FIELD_PROXY_CONFIRMED))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GString) phrases = NULL;

      if (fields[i] == SM_OFFER_FIELD_REQUIREMENTS)
        found = sm_anonymiser_find_proxy_requirements (anonymiser, sm_record_get_strv (record, fields[i]), NULL);
      else
        found = sm_anonymiser_find_proxy_requirements (anonymiser, NULL, sm_record_get_string (record, fields[i]));
      if (found->len == 0)
        continue;

      phrases = g_string_new (NULL);
      for (guint j = 0; j < found->len; j++)
        g_string_append_printf (phrases, "%s“%s”", j > 0 ? ", " : "", (const char *) found->pdata[j]);
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_NEEDS_CONFIRMATION,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %s can act as a proxy for origin; check that the work needs it, then confirm with proxy_confirmed=yes",
                                "%s: %s can act as proxies for origin; check that the work needs them, then confirm with proxy_confirmed=yes",
                                found->len),
                   g_dgettext (GETTEXT_PACKAGE, offer_fields[fields[i]].label), phrases->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sm_offer_validate_record (SmRecord  *record,
                          GError   **error)
{
  const char *start = sm_record_get_string (record, SM_OFFER_FIELD_START_DATE);
  const char *end = sm_record_get_string (record, SM_OFFER_FIELD_END_DATE);
  gint64 weeks = sm_record_get_int (record, SM_OFFER_FIELD_REQUIRED_WEEKS);
  GDate start_date, end_date;

  if (g_strcmp0 (start, end) > 0)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("End date: %s is before the start date, %s"), end, start);
      return FALSE;
    }

  g_date_clear (&start_date, 1);
  g_date_clear (&end_date, 1);
  if (sm_date_parse (start, &start_date) && sm_date_parse (end, &end_date))
    {
      gint64 period_weeks = (g_date_days_between (&start_date, &end_date) + 1) / 7;

      if (weeks > period_weeks)
        {
          g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                       _("Required weeks: %lld weeks do not fit in a period of %lld weeks"),
                       (long long) weeks, (long long) period_weeks);
          return FALSE;
        }
    }

  return check_proxy_requirements (record, error);
}

static char *
sm_offer_dup_title (SmRecord *record)
{
  return g_strdup (sm_offer_get_title (SM_OFFER (record)));
}

static void
sm_offer_class_init (SmOfferClass *klass)
{
  SmRecordClass *record_class = SM_RECORD_CLASS (klass);

  record_class->validate_record = sm_offer_validate_record;
  record_class->dup_title = sm_offer_dup_title;

  sm_record_class_install_fields (record_class, "offers", offer_fields, G_N_ELEMENTS (offer_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("offer"), N_("offers"));
}

static void
sm_offer_init (SmOffer *self)
{
}

SmOffer *
sm_offer_new (void)
{
  return g_object_new (SM_TYPE_OFFER, NULL);
}

gint64
sm_offer_get_company_id (SmOffer *self)
{
  return sm_record_get_int (SM_RECORD (self), SM_OFFER_FIELD_COMPANY_ID);
}

const char *
sm_offer_get_title (SmOffer *self)
{
  return sm_record_get_string (SM_RECORD (self), SM_OFFER_FIELD_TITLE);
}

SmLevelFlags
sm_offer_get_levels (SmOffer *self)
{
  return (SmLevelFlags) sm_record_get_int (SM_RECORD (self), SM_OFFER_FIELD_LEVELS);
}

guint
sm_offer_get_places (SmOffer *self)
{
  return (guint) sm_record_get_int (SM_RECORD (self), SM_OFFER_FIELD_PLACES);
}

SmSelectionMode
sm_offer_get_selection_mode (SmOffer *self)
{
  return (SmSelectionMode) sm_record_get_int (SM_RECORD (self), SM_OFFER_FIELD_SELECTION_MODE);
}

SmOfferStatus
sm_offer_get_status (SmOffer *self)
{
  return (SmOfferStatus) sm_record_get_int (SM_RECORD (self), SM_OFFER_FIELD_STATUS);
}

const char *
sm_offer_status_get_display_name (SmOfferStatus status)
{
  switch (status)
    {
    case SM_OFFER_STATUS_DRAFT:
      /* Translators: the status of an internship offer. */
      return _("Draft");
    case SM_OFFER_STATUS_OPEN:
      /* Translators: the status of an internship offer. */
      return _("Open");
    case SM_OFFER_STATUS_CLOSED:
      /* Translators: the status of an internship offer. */
      return _("Closed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sm_selection_mode_get_display_name (SmSelectionMode mode)
{
  switch (mode)
    {
    case SM_SELECTION_MODE_ANONYMISED:
      return _("Anonymised candidates");
    case SM_SELECTION_MODE_OPEN:
      return _("Candidates with their names");
    default:
      g_return_val_if_reached (NULL);
    }
}
