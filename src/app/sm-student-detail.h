/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-store.h"
#include "sm-student.h"

G_BEGIN_DECLS

#define SM_TYPE_STUDENT_DETAIL (sm_student_detail_get_type ())
G_DECLARE_FINAL_TYPE (SmStudentDetail, sm_student_detail, SM, STUDENT_DETAIL, GtkWidget)

GtkWidget *sm_student_detail_new         (void);
SmStudent *sm_student_detail_get_student (SmStudentDetail *self);
void       sm_student_detail_set_student (SmStudentDetail *self,
                                          SmStudent       *student);
SmStore   *sm_student_detail_get_store   (SmStudentDetail *self);
void       sm_student_detail_set_store   (SmStudentDetail *self,
                                          SmStore         *store);

G_END_DECLS
