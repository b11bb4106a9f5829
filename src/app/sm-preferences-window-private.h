/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-match-weights.h"
#include "sm-preferences-window.h"

G_BEGIN_DECLS

struct _SmPreferencesWindow
{
  GtkWindow             parent_instance;

  SmStore              *store;
  GSettings            *settings;

  /* Set while the window puts stored values into its fields, so that
   * doing so does not write them back. */
  gboolean              loading;

  /* School: sm-preferences-window.c */
  GtkEntry             *school_name_entry;
  GtkListBoxRow        *school_name_row;
  GtkEntry             *academic_year_entry;
  GtkLabel             *academic_year_error;
  GtkListBoxRow        *logo_row;
  GtkStack             *logo_stack;
  GtkPicture           *logo_picture;
  GtkLabel             *logo_subtitle;
  GtkButton            *logo_choose_button;
  GtkButton            *logo_clear_button;
  GtkLabel             *logo_error;
  GtkFileChooserNative *logo_chooser;

  /* Matching: sm-preferences-window-matching.c */
  GtkListBoxRow        *travel_row;
  GtkSpinButton        *travel_spin;
  GtkListBox           *weights_list;
  GtkLabel             *weights_total_label;
  GtkLabel             *weights_error;
  GtkSpinButton        *weight_spins[SM_MATCH_N_COMPONENTS];
  GtkLabel             *weight_errors[SM_MATCH_N_COMPONENTS];

  /* Reason codes: sm-preferences-window-reasons.c */
  GListModel           *reason_codes;
  GtkListBox           *reasons_list;
  GtkLabel             *reasons_error;
  GtkEntry             *reason_code_entry;
  GtkLabel             *reason_code_error;
  GtkEntry             *reason_label_entry;
  GtkLabel             *reason_label_error;
  GtkButton            *reason_add_button;
  GtkLabel             *reason_add_error;

  GtkStack             *stack;
};

void _sm_preferences_window_show_error            (GtkLabel            *label,
                                                   GtkWidget           *field,
                                                   const char          *message);

void _sm_preferences_window_matching_class_init   (GtkWidgetClass      *widget_class);
void _sm_preferences_window_matching_load         (SmPreferencesWindow *self);

void _sm_preferences_window_reasons_class_init    (GtkWidgetClass      *widget_class);
void _sm_preferences_window_reasons_load          (SmPreferencesWindow *self);

G_END_DECLS
