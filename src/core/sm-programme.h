/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-level.h"
#include "sm-record.h"
#include "sm-sector.h"

G_BEGIN_DECLS

typedef enum
{
  SM_PROGRAMME_FIELD_CODE,
  SM_PROGRAMME_FIELD_NAME,
  SM_PROGRAMME_FIELD_EDUCATION,
  SM_PROGRAMME_FIELD_SECTOR,
  SM_PROGRAMME_N_FIELDS
} SmProgrammeField;

#define SM_TYPE_PROGRAMME (sm_programme_get_type ())
G_DECLARE_FINAL_TYPE (SmProgramme, sm_programme, SM, PROGRAMME, SmRecord)

SmProgramme *sm_programme_new           (const char  *code,
                                         const char  *name,
                                         SmEducation  education,
                                         SmSector     sector);
const char  *sm_programme_get_code      (SmProgramme *self);
const char  *sm_programme_get_name      (SmProgramme *self);
SmEducation  sm_programme_get_education (SmProgramme *self);
SmSector     sm_programme_get_sector    (SmProgramme *self);

G_END_DECLS
