/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SmSector:
 *
 * The sector of the labour market that a programme prepares for and that
 * an offer belongs to.
 */
typedef enum
{
  SM_SECTOR_CARE,          /*< nick=care >*/
  SM_SECTOR_TECHNOLOGY,    /*< nick=technology >*/
  SM_SECTOR_CONSTRUCTION,  /*< nick=construction >*/
  SM_SECTOR_ICT,           /*< nick=ict >*/
  SM_SECTOR_COMMERCE,      /*< nick=commerce >*/
  SM_SECTOR_HOSPITALITY,   /*< nick=hospitality >*/
  SM_SECTOR_GREEN,         /*< nick=green >*/
  SM_SECTOR_LOGISTICS,     /*< nick=logistics >*/
  SM_SECTOR_EDUCATION,     /*< nick=education >*/
  SM_SECTOR_SECURITY,      /*< nick=security >*/
  SM_SECTOR_CREATIVE,      /*< nick=creative >*/
  SM_SECTOR_BEAUTY,        /*< nick=beauty >*/
} SmSector;

#define SM_N_SECTORS (SM_SECTOR_BEAUTY + 1)

const char *sm_sector_to_key                (SmSector    sector);
gboolean    sm_sector_from_key              (const char *key,
                                             SmSector   *sector);
const char *sm_sector_get_display_name      (SmSector    sector);
const char *sm_sector_get_name_for_language (SmSector    sector,
                                             const char *language);
gboolean    sm_sector_validate_key          (const char  *text,
                                             char       **normalised,
                                             GError     **error);

G_END_DECLS
