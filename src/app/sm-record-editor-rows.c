/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-record-editor"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "sm-choice.h"
#include "sm-choice-list.h"
#include "sm-company.h"
#include "sm-enums.h"
#include "sm-level.h"
#include "sm-offer.h"
#include "sm-record-editor-private.h"
#include "sm-student.h"

/*
 * The rows of SmRecordEditor: which fields go together under a heading,
 * and for each field the widget that fits its kind, with its label and
 * the line for its message.
 */

typedef struct
{
  const char  *title;
  const guint *fields;
  guint        n_fields;
} Group;

#define GROUP(title, fields) { title, fields, G_N_ELEMENTS (fields) }

static const guint student_identity[] = {
  SM_STUDENT_FIELD_STUDENT_NUMBER, SM_STUDENT_FIELD_GIVEN_NAME, SM_STUDENT_FIELD_NAME_PREFIX,
  SM_STUDENT_FIELD_FAMILY_NAME, SM_STUDENT_FIELD_DATE_OF_BIRTH,
};
static const guint student_contact[] = {
  SM_STUDENT_FIELD_EMAIL, SM_STUDENT_FIELD_PHONE, SM_STUDENT_FIELD_STREET,
  SM_STUDENT_FIELD_POSTCODE, SM_STUDENT_FIELD_CITY,
};
static const guint student_school[] = {
  SM_STUDENT_FIELD_CLASS_NAME, SM_STUDENT_FIELD_LEVEL, SM_STUDENT_FIELD_PATHWAY,
  SM_STUDENT_FIELD_PROGRAMME, SM_STUDENT_FIELD_SUPERVISOR,
};
static const guint student_wishes[] = {
  SM_STUDENT_FIELD_AVAILABLE_FROM, SM_STUDENT_FIELD_AVAILABLE_UNTIL, SM_STUDENT_FIELD_HOURS_PER_WEEK,
  SM_STUDENT_FIELD_MAX_TRAVEL_KM, SM_STUDENT_FIELD_SECTOR_INTERESTS, SM_STUDENT_FIELD_SKILLS,
};
static const guint student_requirements[] = {
  SM_STUDENT_FIELD_DRIVING_LICENCE, SM_STUDENT_FIELD_VOG, SM_STUDENT_FIELD_CERTIFICATES,
};
static const guint student_notes[] = {
  SM_STUDENT_FIELD_MOTIVATION, SM_STUDENT_FIELD_ACCOMMODATIONS,
};

static const Group student_groups[] = {
  GROUP (N_("Student"), student_identity),
  GROUP (N_("Contact"), student_contact),
  GROUP (N_("School"), student_school),
  GROUP (N_("Wishes"), student_wishes),
  GROUP (N_("Certificates"), student_requirements),
  GROUP (N_("Notes"), student_notes),
};

static const guint company_main[] = {
  SM_COMPANY_FIELD_NAME, SM_COMPANY_FIELD_KVK_NUMBER, SM_COMPANY_FIELD_SECTOR,
  SM_COMPANY_FIELD_SBB_RECOGNISED,
};
static const guint company_address[] = {
  SM_COMPANY_FIELD_STREET, SM_COMPANY_FIELD_POSTCODE, SM_COMPANY_FIELD_CITY,
};
static const guint company_contact[] = {
  SM_COMPANY_FIELD_CONTACT_NAME, SM_COMPANY_FIELD_CONTACT_EMAIL, SM_COMPANY_FIELD_CONTACT_PHONE,
};

static const Group company_groups[] = {
  GROUP (N_("Company"), company_main),
  GROUP (N_("Address"), company_address),
  GROUP (N_("Contact"), company_contact),
};

static const guint offer_main[] = {
  SM_OFFER_FIELD_COMPANY_ID, SM_OFFER_FIELD_TITLE, SM_OFFER_FIELD_DESCRIPTION,
  SM_OFFER_FIELD_SECTOR, SM_OFFER_FIELD_STATUS, SM_OFFER_FIELD_SELECTION_MODE,
};
static const guint offer_students[] = {
  SM_OFFER_FIELD_LEVELS, SM_OFFER_FIELD_PATHWAYS, SM_OFFER_FIELD_PROGRAMMES,
};
static const guint offer_period[] = {
  SM_OFFER_FIELD_POSTCODE, SM_OFFER_FIELD_START_DATE, SM_OFFER_FIELD_END_DATE,
  SM_OFFER_FIELD_REQUIRED_WEEKS, SM_OFFER_FIELD_HOURS_PER_WEEK, SM_OFFER_FIELD_PLACES,
};
static const guint offer_requirements[] = {
  SM_OFFER_FIELD_REQUIRES_DRIVING_LICENCE, SM_OFFER_FIELD_REQUIRES_VOG,
  SM_OFFER_FIELD_REQUIREMENTS, SM_OFFER_FIELD_SKILLS,
};

static const Group offer_groups[] = {
  GROUP (N_("Offer"), offer_main),
  GROUP (N_("Students"), offer_students),
  GROUP (N_("Place and period"), offer_period),
  GROUP (N_("Requirements"), offer_requirements),
};

void
_sm_record_editor_row_free (Row *row)
{
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_clear_pointer (&row->values, g_array_unref);
  g_clear_pointer (&row->choices, sm_choice_list_free);
  g_free (row);
}

const char *
_sm_record_editor_field_label (const SmField *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

static const Group *
get_groups (SmRecord *record,
            guint    *n_groups)
{
  if (SM_IS_STUDENT (record))
    {
      *n_groups = G_N_ELEMENTS (student_groups);
      return student_groups;
    }
  if (SM_IS_COMPANY (record))
    {
      *n_groups = G_N_ELEMENTS (company_groups);
      return company_groups;
    }
  if (SM_IS_OFFER (record))
    {
      *n_groups = G_N_ELEMENTS (offer_groups);
      return offer_groups;
    }

  *n_groups = 0;
  return NULL;
}

static void
on_editable_changed_cb (GtkEditable *editable,
                        Row         *row)
{
  _sm_record_editor_row_changed (row->editor, row);
}

static void
on_widget_changed_cb (GtkWidget  *widget,
                      GParamSpec *pspec,
                      Row        *row)
{
  _sm_record_editor_row_changed (row->editor, row);
}

static void
on_toggled_cb (GtkCheckButton *button,
               Row            *row)
{
  _sm_record_editor_row_changed (row->editor, row);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      Row           *row)
{
  _sm_record_editor_row_changed (row->editor, row);
}

static void
on_day_selected_cb (GtkCalendar *calendar,
                    gpointer     user_data)
{
  Row *row = user_data;
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row->entry), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The calendar opens on the date in the entry, or today. */
static void
on_calendar_show_cb (GtkWidget *calendar,
                     gpointer   user_data)
{
  Row *row = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->entry));
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (sscanf (text, "%d-%d-%d", &year, &month, &day) == 3 && g_date_valid_dmy (day, month, year))
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (calendar, on_day_selected_cb, row);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  g_signal_handlers_unblock_by_func (calendar, on_day_selected_cb, row);
}

/* Building the rows */

static GtkWidget *
string_entry_new (Row        *row,
                  const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect (entry, "changed", G_CALLBACK (on_editable_changed_cb), row);
  return entry;
}

static GtkWidget *
dropdown_new (Row                 *row,
              GtkStringList       *labels,
              guint                selected,
              gboolean             searchable)
{
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (labels)), NULL);

  if (searchable)
    {
      gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown),
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_hexpand (dropdown, TRUE);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_widget_changed_cb), row);
  return dropdown;
}

static GtkWidget *
enum_dropdown_new (SmRecordEditor *self,
                   Row            *row)
{
  row->choices = sm_choice_list_new_for_enum (row->field->get_type ());

  return dropdown_new (row, row->choices->labels,
                       sm_choice_list_find_value (row->choices, sm_record_get_int (self->record, row->index)),
                       FALSE);
}

/* A company for an offer, or a programme for a student: the records of
 * that kind by name, with a search as there can be thousands. */
static GtkWidget *
record_dropdown_new (SmRecordEditor *self,
                     Row            *row)
{
  g_autoptr(GError) error = NULL;
  gboolean is_key = row->field->kind == SM_FIELD_STRING;
  const char *current_key = is_key ? sm_record_get_string (self->record, row->index) : NULL;
  guint selected;

  row->choices = sm_choice_list_new_for_records (self->store, row->field->get_type (),
                                                 is_key && !(row->field->flags & SM_FIELD_REQUIRED),
                                                 &error);
  if (row->choices == NULL)
    {
      /* The field keeps its value; the message says why it cannot be
       * changed. */
      g_autofree char *message = NULL;
      GtkWidget *label;

      /* Translators: %s is the reason, such as a database error. */
      message = g_strdup_printf (_("The choices could not be read: %s"), error->message);
      label = gtk_label_new (message);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "error");
      return label;
    }

  if (is_key)
    {
      selected = sm_choice_list_find_key (row->choices, current_key);

      /* A key that names nothing in the store stays, so it is not lost. */
      if (selected == GTK_INVALID_LIST_POSITION && current_key != NULL)
        {
          gint64 none = 0;

          selected = row->choices->values->len;
          gtk_string_list_append (row->choices->labels, current_key);
          g_array_append_val (row->choices->values, none);
          g_ptr_array_add (row->choices->keys, g_strdup (current_key));
        }
    }
  else
    selected = sm_choice_list_find_value (row->choices, sm_record_get_int (self->record, row->index));

  return dropdown_new (row, row->choices->labels, selected, TRUE);
}

static GtkWidget *
flags_new (SmRecordEditor *self,
           Row            *row)
{
  g_autoptr(GFlagsClass) flags_class = g_type_class_ref (row->field->get_type ());
  gint64 current = sm_record_get_int (self->record, row->index);
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  row->checks = g_ptr_array_new ();
  row->values = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < flags_class->n_values; i++)
    {
      gint64 value = flags_class->values[i].value;
      const char *label = sm_choice_get_label (row->field->get_type (), value);
      GtkWidget *check;

      /* Levels go by their short names, as in the lists; the full name
       * is in the tooltip and read out. */
      if (row->field->get_type () == SM_TYPE_LEVEL_FLAGS)
        {
          check = gtk_check_button_new_with_label (sm_level_get_short_name (g_bit_nth_lsf ((gulong) value, -1)));
          gtk_widget_set_tooltip_text (check, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }
      else
        check = gtk_check_button_new_with_label (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (current & value) == value);
      g_signal_connect (check, "toggled", G_CALLBACK (on_toggled_cb), row);
      gtk_grid_attach (GTK_GRID (grid), check, i % 4, i / 4, 1, 1);
      g_ptr_array_add (row->checks, check);
      g_array_append_val (row->values, value);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _sm_record_editor_field_label (row->field),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row->message, NULL,
                                  -1);
  return grid;
}

static GtkWidget *
date_new (SmRecordEditor *self,
          Row            *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  row->entry = string_entry_new (row, sm_record_get_string (self->record, row->index));
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->entry), _("YYYY-MM-DD"));
  gtk_box_append (GTK_BOX (box), row->entry);

  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), row);
  g_signal_connect (calendar, "show", G_CALLBACK (on_calendar_show_cb), row);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a date"),
                                  -1);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "linked");

  return box;
}

static GtkWidget *
text_new (SmRecordEditor *self,
          Row            *row,
          GtkWidget     **focus)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *text = sm_record_get_string (self->record, row->index);

  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), row);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 90);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_hexpand (scrolled, TRUE);

  *focus = view;
  return scrolled;
}

static GtkWidget *
spin_new (SmRecordEditor *self,
          Row            *row)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (row->field->min, row->field->max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), sm_record_get_int (self->record, row->index));
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_halign (spin, GTK_ALIGN_START);
  g_signal_connect (spin, "notify::value", G_CALLBACK (on_widget_changed_cb), row);
  return spin;
}

static void
add_row (SmRecordEditor *self,
         GtkGrid        *grid,
         guint           index,
         int             line)
{
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self->record);
  const SmField *fields = sm_record_class_get_fields (klass, NULL);
  Row *row = g_new0 (Row, 1);
  GtkWidget *label = NULL;
  GtkWidget *child = NULL;
  GtkWidget *focus = NULL;

  row->editor = self;
  row->index = index;
  row->field = &fields[index];
  row->touched = sm_record_get_id (self->original) != 0;
  g_ptr_array_add (self->rows, row);

  row->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->message, 0.0f);
  gtk_label_set_wrap (row->message, TRUE);
  gtk_label_set_wrap_mode (row->message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (row->message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (row->message), "caption");
  gtk_widget_set_visible (GTK_WIDGET (row->message), FALSE);

  switch (row->field->kind)
    {
    case SM_FIELD_STRING:
      if (row->field->get_type != NULL)
        child = record_dropdown_new (self, row);
      else
        {
          child = string_entry_new (row, sm_record_get_string (self->record, index));
          if (row->field->max > 0)
            gtk_entry_set_max_length (GTK_ENTRY (child), row->field->max);
        }
      break;
    case SM_FIELD_TEXT:
      child = text_new (self, row, &focus);
      break;
    case SM_FIELD_DATE:
      child = date_new (self, row);
      focus = row->entry;
      break;
    case SM_FIELD_INT:
      child = spin_new (self, row);
      break;
    case SM_FIELD_REF:
      child = record_dropdown_new (self, row);
      break;
    case SM_FIELD_BOOLEAN:
      label = gtk_label_new (NULL);
      gtk_size_group_add_widget (self->labels, label);
      gtk_grid_attach (grid, label, 0, line, 1, 1);
      child = gtk_check_button_new_with_label (_sm_record_editor_field_label (row->field));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), sm_record_get_int (self->record, index));
      g_signal_connect (child, "toggled", G_CALLBACK (on_toggled_cb), row);
      break;
    case SM_FIELD_ENUM:
      child = enum_dropdown_new (self, row);
      break;
    case SM_FIELD_FLAGS:
      child = flags_new (self, row);
      break;
    case SM_FIELD_STRV:
      {
        g_autofree char *text = sm_record_dup_text (self->record, index);
        g_autofree char *spaced = NULL;
        g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

        spaced = g_strjoinv (", ", parts);
        child = string_entry_new (row, spaced);
        gtk_entry_set_placeholder_text (GTK_ENTRY (child), _("Separate with commas"));
      }
      break;
    default:
      g_assert_not_reached ();
    }

  row->widget = focus != NULL ? focus : child;
  gtk_widget_set_name (row->entry != NULL ? row->entry : row->widget, row->field->name);

  if (row->field->kind != SM_FIELD_BOOLEAN)
    {
      g_autofree char *text = NULL;

      /* Translators: a field label before its value; a required field is
       * marked with an asterisk. */
      text = g_strdup_printf ((row->field->flags & SM_FIELD_REQUIRED) ? _("%s *") : "%s",
                              _sm_record_editor_field_label (row->field));
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_set_valign (label, row->field->kind == SM_FIELD_TEXT || row->field->kind == SM_FIELD_FLAGS ?
                                    GTK_ALIGN_START : GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_size_group_add_widget (self->labels, label);
      gtk_grid_attach (grid, label, 0, line, 1, 1);

      if (row->field->kind != SM_FIELD_FLAGS)
        {
          GtkWidget *target = row->entry != NULL ? row->entry : row->widget;

          gtk_accessible_update_relation (GTK_ACCESSIBLE (target),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                          GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row->message, NULL,
                                          -1);
        }
    }

  gtk_grid_attach (grid, child, 1, line, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (row->message), 1, line + 1, 1, 1);
}

void
_sm_record_editor_build_rows (SmRecordEditor *self)
{
  const Group *groups;
  guint n_groups;

  groups = get_groups (self->record, &n_groups);
  for (guint g = 0; g < n_groups; g++)
    {
      GtkWidget *heading = gtk_label_new (g_dgettext (GETTEXT_PACKAGE, groups[g].title));
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);

      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
      for (guint i = 0; i < groups[g].n_fields; i++)
        add_row (self, GTK_GRID (grid), groups[g].fields[i], i * 2);
      gtk_box_append (GTK_BOX (box), grid);

      gtk_box_append (self->groups_box, box);

      /* The warning about proxies of origin sits with the requirements. */
      if (SM_IS_OFFER (self->record) && g == n_groups - 1)
        {
          g_object_ref (self->proxy_revealer);
          gtk_box_remove (self->groups_box, GTK_WIDGET (self->proxy_revealer));
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->proxy_revealer));
          g_object_unref (self->proxy_revealer);
        }
    }
}
