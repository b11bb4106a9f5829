/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-store.h"

G_BEGIN_DECLS

/**
 * SmMatchComponent:
 *
 * The parts of a match score. Each earns up to its weight; the weights add
 * up to at most 1000, so a score is an integer from 0 to 1000.
 */
typedef enum
{
  SM_MATCH_COMPONENT_PROGRAMME,   /* the offer lists the student's programme */
  SM_MATCH_COMPONENT_SECTOR,      /* the student named the offer's sector */
  SM_MATCH_COMPONENT_DISTANCE,    /* nearer is better, within the student's maximum */
  SM_MATCH_COMPONENT_SKILLS,      /* share of the offer's skills the student has */
  SM_MATCH_COMPONENT_PREFERENCE,  /* the student's own ranking of the offer */
  SM_MATCH_N_COMPONENTS
} SmMatchComponent;

typedef struct
{
  guint weight[SM_MATCH_N_COMPONENTS];
} SmMatchWeights;

#define SM_MATCH_MAX_SCORE 1000

void        sm_match_weights_init_default   (SmMatchWeights       *self);
gboolean    sm_match_weights_load           (SmMatchWeights       *self,
                                             SmStore              *store,
                                             GError              **error);
gboolean    sm_match_weights_save           (const SmMatchWeights *self,
                                             SmStore              *store,
                                             GError              **error);
gboolean    sm_match_weights_parse          (SmMatchWeights       *self,
                                             const char           *text,
                                             GError              **error);
char       *sm_match_weights_to_string      (const SmMatchWeights *self);
gboolean    sm_match_weights_validate       (const SmMatchWeights *self,
                                             GError              **error);
const char *sm_match_component_to_key       (SmMatchComponent      component);
const char *sm_match_component_get_label    (SmMatchComponent      component);

G_END_DECLS
