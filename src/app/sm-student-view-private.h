/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-status-page.h"
#include "sm-student-detail.h"
#include "sm-student.h"
#include "sm-student-view.h"

G_BEGIN_DECLS

/* SmStudentView is split by concern: the list, its cells and its search
 * in sm-student-view.c; the drop-down filters and their choices in
 * sm-student-view-filters.c; the Matches column in
 * sm-student-view-matches.c; adding, editing, deleting and changing
 * several students at once in sm-student-view-actions.c. */

/* Placement filter values besides the placement statuses. */
#define PLACEMENT_ANY        (-2)
#define PLACEMENT_NOT_PLACED (-1)
struct _SmStudentView
{
  GtkWidget            parent_instance;

  SmStore             *store;
  gboolean             loaded;           /* the models are the store's */
  GListModel          *students;
  GListModel          *programmes;
  GHashTable          *programme_names;  /* code → name */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  char                *search;           /* casefolded, never NULL */
  GHashTable          *search_texts;     /* SmStudent → casefolded text */

  /* Placements: student id → most advanced status + 1 */
  GListModel          *placements;
  GHashTable          *placement_status;
  GtkSorter           *placement_sorter;
  GHashTable          *placement_cells;  /* bound GtkListItems */

  /* Matches: student id → number of offers, counted once the list is
   * on screen */
  GHashTable          *match_counts;
  GHashTable          *match_cells;      /* bound GtkListItems */
  GtkSorter           *matches_sorter;
  guint                matches_idle_id;
  GCancellable        *matches_cancellable;  /* while counting */
  gboolean             matches_again;        /* changed while counting */
  gulong               after_paint_id;
  gboolean             painted;
  char                *matches_error;

  GtkMultiSelection   *selection;

  /* Filters; -1, NULL or PLACEMENT_ANY when they let everyone through */
  int                  level_filter;
  char                *class_filter;
  char                *programme_filter;
  int                  placement_filter;
  GtkStringList       *class_choices;
  GtkStringList       *programme_choices;
  GPtrArray           *programme_codes;  /* of choice n + 1 */
  gboolean             updating_choices;

  /* Template children */
  GtkStack            *stack;
  GtkStack            *results_stack;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *class_column;
  GtkColumnViewColumn *level_column;
  GtkColumnViewColumn *programme_column;
  GtkColumnViewColumn *placement_column;
  GtkColumnViewColumn *matches_column;
  GtkDropDown         *level_dropdown;
  GtkDropDown         *class_dropdown;
  GtkDropDown         *programme_dropdown;
  GtkDropDown         *placement_dropdown;
  SmStatusPage        *empty_page;
  SmStudentDetail     *detail;
};

void       _sm_student_view_actions_class_init (GtkWidgetClass *widget_class);
void       _sm_student_view_setup_filters      (SmStudentView  *self);
void       _sm_student_view_update_choices     (SmStudentView  *self);
int        _sm_student_view_get_match_count    (SmStudentView  *self,
                                                SmStudent      *student);
void       _sm_student_view_set_match_cell     (SmStudentView  *self,
                                                GtkListItem    *item);
void       _sm_student_view_schedule_match_count (SmStudentView *self);
void       _sm_student_view_cancel_match_count (SmStudentView  *self);
void       _sm_student_view_update_actions     (SmStudentView  *self);
GPtrArray *_sm_student_view_dup_selected       (SmStudentView  *self);
void       _sm_student_view_select             (SmStudentView  *self,
                                                GPtrArray      *students);

G_END_DECLS
