/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-level.h"
#include "sm-record.h"

G_BEGIN_DECLS

typedef enum
{
  SM_STUDENT_FIELD_STUDENT_NUMBER,
  SM_STUDENT_FIELD_GIVEN_NAME,
  SM_STUDENT_FIELD_NAME_PREFIX,
  SM_STUDENT_FIELD_FAMILY_NAME,
  SM_STUDENT_FIELD_DATE_OF_BIRTH,
  SM_STUDENT_FIELD_EMAIL,
  SM_STUDENT_FIELD_PHONE,
  SM_STUDENT_FIELD_STREET,
  SM_STUDENT_FIELD_POSTCODE,
  SM_STUDENT_FIELD_CITY,
  SM_STUDENT_FIELD_CLASS_NAME,
  SM_STUDENT_FIELD_LEVEL,
  SM_STUDENT_FIELD_PATHWAY,
  SM_STUDENT_FIELD_PROGRAMME,
  SM_STUDENT_FIELD_SUPERVISOR,
  SM_STUDENT_FIELD_AVAILABLE_FROM,
  SM_STUDENT_FIELD_AVAILABLE_UNTIL,
  SM_STUDENT_FIELD_HOURS_PER_WEEK,
  SM_STUDENT_FIELD_MAX_TRAVEL_KM,
  SM_STUDENT_FIELD_SKILLS,
  SM_STUDENT_FIELD_SECTOR_INTERESTS,
  SM_STUDENT_FIELD_DRIVING_LICENCE,
  SM_STUDENT_FIELD_VOG,
  SM_STUDENT_FIELD_CERTIFICATES,
  SM_STUDENT_FIELD_MOTIVATION,
  SM_STUDENT_FIELD_ACCOMMODATIONS,
  SM_STUDENT_N_FIELDS
} SmStudentField;

#define SM_TYPE_STUDENT (sm_student_get_type ())
G_DECLARE_FINAL_TYPE (SmStudent, sm_student, SM, STUDENT, SmRecord)

SmStudent  *sm_student_new                (void);
const char *sm_student_get_student_number (SmStudent *self);
char       *sm_student_dup_full_name      (SmStudent *self);
SmLevel     sm_student_get_level          (SmStudent *self);
SmPathway   sm_student_get_pathway        (SmStudent *self);
const char *sm_student_get_programme      (SmStudent *self);
const char *sm_student_get_class_name     (SmStudent *self);
const char *sm_student_get_postcode       (SmStudent *self);

G_END_DECLS
