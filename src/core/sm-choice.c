/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-choice.h"
#include "sm-decision.h"
#include "sm-enums.h"
#include "sm-level.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-sector.h"

/*
 * The names people see for the values of the enumerations that records
 * hold, so an editor or a list can offer a field's choices without knowing
 * which field it is. A flag has the name of the value with the same nick:
 * the "mbo-2" flag of accepted levels reads as the level MBO 2.
 */

static const char *
enum_label (GType type,
            guint value)
{
  if (type == SM_TYPE_LEVEL)
    return value < SM_N_LEVELS ? sm_level_get_display_name (value) : NULL;
  if (type == SM_TYPE_PATHWAY)
    return value == SM_PATHWAY_NONE ? C_("pathway", "None") : sm_pathway_get_display_name (value);
  if (type == SM_TYPE_SECTOR)
    return value < SM_N_SECTORS ? sm_sector_get_display_name (value) : NULL;
  if (type == SM_TYPE_OFFER_STATUS)
    return sm_offer_status_get_display_name (value);
  if (type == SM_TYPE_SELECTION_MODE)
    return sm_selection_mode_get_display_name (value);
  if (type == SM_TYPE_PLACEMENT_STATUS)
    return sm_placement_status_get_display_name (value);
  if (type == SM_TYPE_DECISION_KIND)
    return sm_decision_kind_get_display_name (value);
  return NULL;
}

/**
 * sm_choice_get_label:
 * @type: an enumeration or flags type of a record field
 * @value: one value, or one flag
 *
 * Returns: the translated name of @value, or its nick for a type without
 *   names of its own; %NULL for a value the type does not have
 */
const char *
sm_choice_get_label (GType type,
                     guint value)
{
  const char *label = NULL;
  const char *nick = NULL;

  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) flags_class = g_type_class_ref (type);
      GFlagsValue *flag = g_flags_get_first_value (flags_class, value);
      GType enum_type = G_TYPE_INVALID;

      if (flag == NULL || flag->value != value)
        return NULL;
      nick = flag->value_nick;

      if (type == SM_TYPE_LEVEL_FLAGS)
        enum_type = SM_TYPE_LEVEL;
      else if (type == SM_TYPE_PATHWAY_FLAGS)
        enum_type = SM_TYPE_PATHWAY;

      if (enum_type != G_TYPE_INVALID)
        {
          g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
          GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, nick);

          if (enum_value != NULL)
            label = enum_label (enum_type, enum_value->value);
        }
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, value);

      if (enum_value == NULL)
        return NULL;
      nick = enum_value->value_nick;
      label = enum_label (type, value);
    }
  else
    g_return_val_if_reached (NULL);

  return label != NULL ? label : nick;
}
