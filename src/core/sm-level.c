/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-level"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-enums.h"
#include "sm-level.h"

typedef struct
{
  const char *short_name;
  const char *name_en;
  const char *name_nl;
} LevelInfo;

/* The English names are the translatable source; the Dutch names are the
 * official ones, used on documents that must be in Dutch whatever the
 * desktop language is. */
static const LevelInfo level_info[SM_N_LEVELS] = {
  { N_("vmbo BB"), N_("vmbo basic vocational track (BB)"), "vmbo basisberoepsgerichte leerweg (BB)" },
  { N_("vmbo KB"), N_("vmbo advanced vocational track (KB)"), "vmbo kaderberoepsgerichte leerweg (KB)" },
  { N_("vmbo GL"), N_("vmbo combined track (GL)"), "vmbo gemengde leerweg (GL)" },
  { N_("vmbo TL"), N_("vmbo theoretical track (TL)"), "vmbo theoretische leerweg (TL)" },
  { N_("mbo 1"), N_("mbo level 1 (Entry)"), "mbo niveau 1 (Entree)" },
  { N_("mbo 2"), N_("mbo level 2"), "mbo niveau 2" },
  { N_("mbo 3"), N_("mbo level 3"), "mbo niveau 3" },
  { N_("mbo 4"), N_("mbo level 4"), "mbo niveau 4" },
  { N_("hbo Ad"), N_("hbo Associate degree"), "hbo Associate degree" },
  { N_("hbo bachelor"), N_("hbo bachelor"), "hbo bachelor" },
};

/**
 * sm_level_to_key:
 * @level: a level
 *
 * Returns: the stable key of @level, such as "mbo-3", used in files and on
 *   the command line
 */
const char *
sm_level_to_key (SmLevel level)
{
  GEnumClass *klass = g_type_class_ref (SM_TYPE_LEVEL);
  GEnumValue *value = g_enum_get_value (klass, level);

  g_type_class_unref (klass);
  return value != NULL ? value->value_nick : NULL;
}

/**
 * sm_level_from_key:
 * @key: a key such as "vmbo-kb" (case is ignored)
 * @level: (out): the level
 *
 * Returns: %TRUE if @key names a level
 */
gboolean
sm_level_from_key (const char *key,
                   SmLevel    *level)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *lower = NULL;
  GEnumValue *value;

  if (key == NULL)
    return FALSE;

  klass = g_type_class_ref (SM_TYPE_LEVEL);
  lower = g_ascii_strdown (key, -1);
  g_strstrip (lower);
  value = g_enum_get_value_by_nick (klass, lower);
  if (value == NULL)
    return FALSE;

  *level = value->value;
  return TRUE;
}

const char *
sm_level_get_display_name (SmLevel level)
{
  g_return_val_if_fail (level < SM_N_LEVELS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, level_info[level].name_en);
}

const char *
sm_level_get_short_name (SmLevel level)
{
  g_return_val_if_fail (level < SM_N_LEVELS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, level_info[level].short_name);
}

/**
 * sm_level_get_name_for_language:
 * @level: a level
 * @language: "nl" or "en"
 *
 * Returns: the name of @level in @language, whatever the desktop language
 */
const char *
sm_level_get_name_for_language (SmLevel     level,
                                const char *language)
{
  g_return_val_if_fail (level < SM_N_LEVELS, NULL);

  if (g_strcmp0 (language, "nl") == 0)
    return level_info[level].name_nl;
  return level_info[level].name_en;
}

SmEducation
sm_level_get_education (SmLevel level)
{
  if (level <= SM_LEVEL_VMBO_TL)
    return SM_EDUCATION_VMBO;
  if (level <= SM_LEVEL_MBO_4)
    return SM_EDUCATION_MBO;
  return SM_EDUCATION_HBO;
}

const char *
sm_pathway_get_display_name (SmPathway pathway)
{
  switch (pathway)
    {
    case SM_PATHWAY_BOL:
      return _("BOL (school-based)");
    case SM_PATHWAY_BBL:
      return _("BBL (work-based)");
    case SM_PATHWAY_NONE:
    default:
      return _("None");
    }
}
