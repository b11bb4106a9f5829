/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-match-weights"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-match-weights.h"
#include "sm-record.h"

/* The weights live in the database, in one setting, so that a change is
 * one write and every seat of a school matches with the same weights. */
#define SETTING_KEY "match-weights"

static const struct
{
  const char *key;
  const char *label;
  guint       default_weight;
} components[SM_MATCH_N_COMPONENTS] = {
  { "programme", N_("Programme"), 300 },
  { "sector", N_("Sector interest"), 150 },
  { "distance", N_("Distance"), 200 },
  { "skills", N_("Skills"), 150 },
  { "preference", N_("Student’s choice"), 200 },
};

const char *
sm_match_component_to_key (SmMatchComponent component)
{
  g_return_val_if_fail (component < SM_MATCH_N_COMPONENTS, NULL);
  return components[component].key;
}

const char *
sm_match_component_get_label (SmMatchComponent component)
{
  g_return_val_if_fail (component < SM_MATCH_N_COMPONENTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, components[component].label);
}

/**
 * sm_match_weights_init_default:
 *
 * Programme 300, sector interest 150, distance 200, skills 150 and the
 * student's own choice 200: together 1000. The programme weighs most
 * because an internship must count for the student's qualification.
 */
void
sm_match_weights_init_default (SmMatchWeights *self)
{
  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    self->weight[i] = components[i].default_weight;
}

gboolean
sm_match_weights_validate (const SmMatchWeights  *self,
                           GError               **error)
{
  guint total = 0;

  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    {
      if (self->weight[i] > SM_MATCH_MAX_SCORE)
        {
          g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                       _("Weight of %s: %u is more than 1000"),
                       sm_match_component_get_label (i), self->weight[i]);
          return FALSE;
        }
      total += self->weight[i];
    }

  if (total > SM_MATCH_MAX_SCORE)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("Weights: together they are %u; they may add up to at most 1000"), total);
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_match_weights_parse:
 * @text: weights as "programme=300,distance=200"; components not named
 *   keep their value
 *
 * Returns: %TRUE if every part names a component and a whole number and
 *   the result is valid; otherwise @self is unchanged
 */
gboolean
sm_match_weights_parse (SmMatchWeights  *self,
                        const char      *text,
                        GError         **error)
{
  SmMatchWeights parsed = *self;
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], "=", 2);
      g_autofree char *key = NULL;
      guint64 value;
      guint c;

      if (g_strstrip (parts[i])[0] == '\0')
        continue;
      if (pair[1] == NULL)
        {
          g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                       _("Weights: “%s” is not NAME=NUMBER"), parts[i]);
          return FALSE;
        }
      key = g_strstrip (g_ascii_strdown (pair[0], -1));
      for (c = 0; c < SM_MATCH_N_COMPONENTS; c++)
        if (strcmp (key, components[c].key) == 0)
          break;
      if (c == SM_MATCH_N_COMPONENTS)
        {
          g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                       _("Weights: “%s” is not one of programme, sector, distance, skills, preference"), key);
          return FALSE;
        }
      if (!g_ascii_string_to_unsigned (g_strstrip (pair[1]), 10, 0, SM_MATCH_MAX_SCORE, &value, NULL))
        {
          g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                       _("Weight of %s: “%s” is not a whole number from 0 to 1000"),
                       sm_match_component_get_label (c), pair[1]);
          return FALSE;
        }
      parsed.weight[c] = (guint) value;
    }

  if (!sm_match_weights_validate (&parsed, error))
    return FALSE;

  *self = parsed;
  return TRUE;
}

char *
sm_match_weights_to_string (const SmMatchWeights *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    g_string_append_printf (out, "%s%s=%u", i ? "," : "", components[i].key, self->weight[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sm_match_weights_load:
 *
 * Reads the weights stored in @store, or the defaults when none are.
 */
gboolean
sm_match_weights_load (SmMatchWeights  *self,
                       SmStore         *store,
                       GError         **error)
{
  g_autofree char *text = sm_store_dup_setting (store, SETTING_KEY);

  sm_match_weights_init_default (self);
  if (text == NULL)
    return TRUE;
  if (!sm_match_weights_parse (self, text, error))
    {
      g_prefix_error (error, _("The stored matching weights are damaged: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
sm_match_weights_save (const SmMatchWeights  *self,
                       SmStore               *store,
                       GError               **error)
{
  g_autofree char *text = NULL;

  if (!sm_match_weights_validate (self, error))
    return FALSE;
  text = sm_match_weights_to_string (self);
  return sm_store_set_setting (store, SETTING_KEY, text, error);
}
