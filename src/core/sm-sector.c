/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-sector"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-enums.h"
#include "sm-record.h"
#include "sm-sector.h"

typedef struct
{
  const char *name_en;
  const char *name_nl;
} SectorInfo;

static const SectorInfo sector_info[SM_N_SECTORS] = {
  { N_("Care and welfare"), "Zorg en welzijn" },
  { N_("Engineering and technology"), "Techniek" },
  { N_("Construction and infrastructure"), "Bouw en infra" },
  { N_("ICT and media"), "ICT en media" },
  { N_("Business and retail"), "Economie en handel" },
  { N_("Hospitality and tourism"), "Horeca en toerisme" },
  { N_("Agriculture and nature"), "Groen" },
  { N_("Logistics and transport"), "Logistiek en transport" },
  { N_("Education"), "Onderwijs" },
  { N_("Safety and security"), "Veiligheid" },
  { N_("Creative industries"), "Creatieve industrie" },
  { N_("Hair and beauty"), "Uiterlijke verzorging" },
};

const char *
sm_sector_to_key (SmSector sector)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SM_TYPE_SECTOR);
  GEnumValue *value = g_enum_get_value (klass, sector);

  return value != NULL ? value->value_nick : NULL;
}

gboolean
sm_sector_from_key (const char *key,
                    SmSector   *sector)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *lower = NULL;
  GEnumValue *value;

  if (key == NULL)
    return FALSE;

  klass = g_type_class_ref (SM_TYPE_SECTOR);
  lower = g_ascii_strdown (key, -1);
  g_strstrip (lower);
  value = g_enum_get_value_by_nick (klass, lower);
  if (value == NULL)
    return FALSE;

  *sector = value->value;
  return TRUE;
}

const char *
sm_sector_get_display_name (SmSector sector)
{
  g_return_val_if_fail (sector < SM_N_SECTORS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, sector_info[sector].name_en);
}

const char *
sm_sector_get_name_for_language (SmSector    sector,
                                 const char *language)
{
  g_return_val_if_fail (sector < SM_N_SECTORS, NULL);

  if (g_strcmp0 (language, "nl") == 0)
    return sector_info[sector].name_nl;
  return sector_info[sector].name_en;
}

/* Validates a sector named by its key, for lists such as a student's
 * sector interests. */
gboolean
sm_sector_validate_key (const char  *text,
                        char       **normalised,
                        GError     **error)
{
  SmSector sector;

  if (!sm_sector_from_key (text, &sector))
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("“%s” is not a sector; use care, technology, construction, ict, commerce, "
                     "hospitality, green, logistics, education, security, creative or beauty"),
                   text);
      return FALSE;
    }
  if (normalised != NULL && g_strcmp0 (text, sm_sector_to_key (sector)) != 0)
    *normalised = g_strdup (sm_sector_to_key (sector));
  return TRUE;
}
