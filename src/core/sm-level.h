/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SmLevel:
 *
 * The education levels of Dutch secondary vocational (vmbo), vocational
 * (mbo) and higher professional (hbo) education.
 */
typedef enum
{
  SM_LEVEL_VMBO_BB,       /*< nick=vmbo-bb >*/
  SM_LEVEL_VMBO_KB,       /*< nick=vmbo-kb >*/
  SM_LEVEL_VMBO_GL,       /*< nick=vmbo-gl >*/
  SM_LEVEL_VMBO_TL,       /*< nick=vmbo-tl >*/
  SM_LEVEL_MBO_1,         /*< nick=mbo-1 >*/
  SM_LEVEL_MBO_2,         /*< nick=mbo-2 >*/
  SM_LEVEL_MBO_3,         /*< nick=mbo-3 >*/
  SM_LEVEL_MBO_4,         /*< nick=mbo-4 >*/
  SM_LEVEL_HBO_AD,        /*< nick=hbo-ad >*/
  SM_LEVEL_HBO_BACHELOR,  /*< nick=hbo-bachelor >*/
} SmLevel;

#define SM_N_LEVELS (SM_LEVEL_HBO_BACHELOR + 1)

/* The levels an offer accepts: bit n stands for SmLevel n. */
typedef enum /*< flags >*/
{
  SM_LEVEL_FLAG_VMBO_BB      = 1 << SM_LEVEL_VMBO_BB,      /*< nick=vmbo-bb >*/
  SM_LEVEL_FLAG_VMBO_KB      = 1 << SM_LEVEL_VMBO_KB,      /*< nick=vmbo-kb >*/
  SM_LEVEL_FLAG_VMBO_GL      = 1 << SM_LEVEL_VMBO_GL,      /*< nick=vmbo-gl >*/
  SM_LEVEL_FLAG_VMBO_TL      = 1 << SM_LEVEL_VMBO_TL,      /*< nick=vmbo-tl >*/
  SM_LEVEL_FLAG_MBO_1        = 1 << SM_LEVEL_MBO_1,        /*< nick=mbo-1 >*/
  SM_LEVEL_FLAG_MBO_2        = 1 << SM_LEVEL_MBO_2,        /*< nick=mbo-2 >*/
  SM_LEVEL_FLAG_MBO_3        = 1 << SM_LEVEL_MBO_3,        /*< nick=mbo-3 >*/
  SM_LEVEL_FLAG_MBO_4        = 1 << SM_LEVEL_MBO_4,        /*< nick=mbo-4 >*/
  SM_LEVEL_FLAG_HBO_AD       = 1 << SM_LEVEL_HBO_AD,       /*< nick=hbo-ad >*/
  SM_LEVEL_FLAG_HBO_BACHELOR = 1 << SM_LEVEL_HBO_BACHELOR, /*< nick=hbo-bachelor >*/
} SmLevelFlags;

/**
 * SmPathway:
 *
 * The learning pathway of an mbo student: school-based (BOL) or
 * work-based (BBL). Students of other levels have none.
 */
typedef enum
{
  SM_PATHWAY_NONE, /*< nick=none >*/
  SM_PATHWAY_BOL,  /*< nick=bol >*/
  SM_PATHWAY_BBL,  /*< nick=bbl >*/
} SmPathway;

typedef enum /*< flags >*/
{
  SM_PATHWAY_FLAG_BOL = 1 << 0, /*< nick=bol >*/
  SM_PATHWAY_FLAG_BBL = 1 << 1, /*< nick=bbl >*/
} SmPathwayFlags;

typedef enum
{
  SM_EDUCATION_VMBO, /*< nick=vmbo >*/
  SM_EDUCATION_MBO,  /*< nick=mbo >*/
  SM_EDUCATION_HBO,  /*< nick=hbo >*/
} SmEducation;

const char  *sm_level_to_key            (SmLevel      level);
gboolean     sm_level_from_key          (const char  *key,
                                         SmLevel     *level);
const char  *sm_level_get_display_name  (SmLevel      level);
const char  *sm_level_get_short_name    (SmLevel      level);
const char  *sm_level_get_name_for_language (SmLevel  level,
                                         const char  *language);
SmEducation  sm_level_get_education     (SmLevel      level);
const char  *sm_pathway_get_display_name (SmPathway   pathway);

G_END_DECLS
