/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-store.h"

G_BEGIN_DECLS

#define SM_TYPE_STUDENT_VIEW (sm_student_view_get_type ())
G_DECLARE_FINAL_TYPE (SmStudentView, sm_student_view, SM, STUDENT_VIEW, GtkWidget)

GtkWidget  *sm_student_view_new          (void);
SmStore    *sm_student_view_get_store    (SmStudentView *self);
void        sm_student_view_set_store    (SmStudentView *self,
                                          SmStore       *store);
GListModel *sm_student_view_get_model    (SmStudentView *self);
void        sm_student_view_focus_search (SmStudentView *self);

G_END_DECLS
