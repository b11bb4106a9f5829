/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-record-editor"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sm-anonymiser.h"
#include "sm-change-set.h"
#include "sm-choice.h"
#include "sm-choice-list.h"
#include "sm-company.h"
#include "sm-enums.h"
#include "sm-level.h"
#include "sm-offer.h"
#include "sm-programme.h"
#include "sm-record-editor.h"
#include "sm-student.h"

/*
 * SmRecordEditor:
 *
 * A dialog that edits one student, company or offer, or fills in a new
 * one. Its rows come from the record's field table: each field gets the
 * widget that fits its kind, and the record's own checks decide what is
 * valid, so the editor and the command line never disagree. A message
 * appears under the field it is about as soon as the field is wrong, and
 * Save stays insensitive until the whole record is valid. The editor
 * works on a copy: Cancel or Escape leaves the stored record as it was.
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

typedef struct
{
  SmRecordEditor *editor;
  guint          index;
  const SmField *field;
  GtkWidget     *widget;       /* takes the focus */
  GtkWidget     *entry;        /* DATE: the entry beside the calendar */
  GtkLabel      *message;
  GPtrArray     *checks;       /* FLAGS: one check button per flag */
  GArray        *values;       /* FLAGS: the flag of each check button */
  SmChoiceList  *choices;      /* ENUM, REF, or a STRING holding a key */
  gboolean       invalid;      /* the text could not be read */
  gboolean       touched;      /* edited, or stored before: show messages */
} Row;

struct _SmRecordEditor
{
  GtkWindow      parent_instance;

  SmStore       *store;
  SmRecord      *original;     /* as stored, or the new record */
  SmRecord      *record;       /* the copy being edited */
  gboolean       was_confirmed;
  gboolean       loading;
  GPtrArray     *rows;         /* of Row */
  GtkSizeGroup  *labels;       /* the fields line up across groups */

  /* Template children */
  GtkButton     *save_button;
  GtkRevealer   *banner_revealer;
  GtkLabel      *banner_label;
  GtkBox        *groups_box;
  GtkRevealer   *proxy_revealer;
  GtkLabel      *proxy_label;
  GtkCheckButton *proxy_check;
};

G_DEFINE_FINAL_TYPE (SmRecordEditor, sm_record_editor, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  PROP_CAN_SAVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_free (Row *row)
{
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_clear_pointer (&row->values, g_array_unref);
  g_clear_pointer (&row->choices, sm_choice_list_free);
  g_free (row);
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

static const char *
field_label (const SmField *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

/* The record's messages begin with the field's label, which the editor
 * already shows beside the field. */
static const char *
strip_label (const SmField *field,
             const char    *message)
{
  const char *label = field_label (field);
  gsize len = strlen (label);

  if (strncmp (message, label, len) == 0 && message[len] == ':')
    {
      const char *rest = message + len + 1;

      while (*rest == ' ')
        rest++;
      return rest;
    }
  return message;
}

/* Messages */

static void
set_message (Row        *row,
             const char *message)
{
  gboolean invalid;

  /* An empty form is not a mistake yet: a field shows what is wrong with
   * it once it has been edited. */
  if (!row->touched)
    message = NULL;
  invalid = message != NULL;

  gtk_label_set_label (row->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row->message), invalid);

  if (invalid)
    gtk_widget_add_css_class (row->entry != NULL ? row->entry : row->widget, "error");
  else
    gtk_widget_remove_css_class (row->entry != NULL ? row->entry : row->widget, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (row->entry != NULL ? row->entry : row->widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* A key that another record of the same kind already has: two students
 * with one student number would be one student twice. */
static char *
dup_duplicate_message (SmRecordEditor *self,
                       Row            *row)
{
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self->record);
  SmRecord *other;
  g_autofree char *title = NULL;
  const char *key;

  if (self->store == NULL || (int) row->index != sm_record_class_get_key_field (klass))
    return NULL;

  key = sm_record_get_string (self->record, row->index);
  if (key == NULL)
    return NULL;

  other = sm_store_lookup_key (self->store, G_OBJECT_TYPE (self->record), key);
  if (other == NULL || sm_record_get_id (other) == sm_record_get_id (self->record))
    return NULL;

  title = sm_record_dup_title (other);
  /* Translators: %s is the name of a student or company. */
  return g_strdup_printf (_("Already in use by %s"), title);
}

static gboolean
validate_row (SmRecordEditor *self,
              Row            *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *duplicate = NULL;

  /* What could not be read keeps its message until it can. */
  if (row->invalid)
    return FALSE;

  if (!sm_record_validate_field (self->record, row->index, &error))
    {
      set_message (row, strip_label (row->field, error->message));
      return FALSE;
    }

  duplicate = dup_duplicate_message (self, row);
  set_message (row, duplicate);
  return duplicate == NULL;
}

/* The proxies of origin among the offer's requirements, as one line. */
static char *
dup_proxy_phrases (SmRecord *record)
{
  static const guint fields[] = { SM_OFFER_FIELD_REQUIREMENTS, SM_OFFER_FIELD_TITLE, SM_OFFER_FIELD_DESCRIPTION };
  SmAnonymiser *anonymiser = sm_anonymiser_get_default ();
  g_autoptr(GString) phrases = g_string_new (NULL);

  if (anonymiser == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GPtrArray) found = NULL;

      if (fields[i] == SM_OFFER_FIELD_REQUIREMENTS)
        found = sm_anonymiser_find_proxy_requirements (anonymiser, sm_record_get_strv (record, fields[i]), NULL);
      else
        found = sm_anonymiser_find_proxy_requirements (anonymiser, NULL, sm_record_get_string (record, fields[i]));

      for (guint j = 0; j < found->len; j++)
        g_string_append_printf (phrases, "%s“%s”", phrases->len > 0 ? ", " : "",
                                (const char *) found->pdata[j]);
    }

  return phrases->len > 0 ? g_string_free (g_steal_pointer (&phrases), FALSE) : NULL;
}

static void
update_proxy (SmRecordEditor *self)
{
  g_autofree char *phrases = NULL;
  g_autofree char *text = NULL;

  if (!SM_IS_OFFER (self->record))
    return;

  phrases = dup_proxy_phrases (self->record);
  gtk_revealer_set_reveal_child (self->proxy_revealer, phrases != NULL);
  if (phrases == NULL)
    return;

  /* Translators: %s is a list of quoted phrases from an internship offer,
   * such as “native speaker”. */
  text = g_strdup_printf (_("%s can act as a proxy for origin and keep out students who could do "
                            "the work. Keep a requirement only when the work really needs it."),
                          phrases);
  gtk_label_set_label (self->proxy_label, text);
}

static void
update_can_save (SmRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = TRUE;
  gboolean was_sensitive = gtk_widget_get_sensitive (GTK_WIDGET (self->save_button));

  for (guint i = 0; i < self->rows->len; i++)
    if (!validate_row (self, g_ptr_array_index (self->rows, i)))
      valid = FALSE;

  update_proxy (self);

  if (valid && !sm_record_validate (self->record, &error))
    {
      valid = FALSE;

      /* A rule that joins fields names the field to change, such as the
       * end date before the start date: show it there. */
      if (!g_error_matches (error, SM_RECORD_ERROR, SM_RECORD_ERROR_NEEDS_CONFIRMATION))
        {
          gboolean shown = FALSE;

          for (guint i = 0; i < self->rows->len && !shown; i++)
            {
              Row *row = g_ptr_array_index (self->rows, i);
              const char *rest = strip_label (row->field, error->message);

              if (rest != error->message)
                {
                  set_message (row, rest);
                  shown = TRUE;
                }
            }
          if (!shown)
            {
              gtk_label_set_label (self->banner_label, error->message);
              gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
            }
        }
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
  if (was_sensitive != valid)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

/* Reading the widgets */

static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
read_strv (SmRecordEditor *self,
           Row            *row,
           const char     *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  items = g_strv_builder_end (builder);
  sm_record_set_strv (self->record, row->index, (const char * const *) items);
}

static void
read_row (SmRecordEditor *self,
          Row            *row)
{
  const SmField *field = row->field;

  row->invalid = FALSE;

  /* Without its choices a field keeps the value it had. */
  if (row->choices == NULL &&
      (field->kind == SM_FIELD_REF || field->kind == SM_FIELD_ENUM ||
       (field->kind == SM_FIELD_STRING && field->get_type != NULL)))
    return;

  switch (field->kind)
    {
    case SM_FIELD_STRING:
      if (field->get_type != NULL)
        {
          guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->widget));
          GPtrArray *keys = row->choices->keys;

          sm_record_set_string (self->record, row->index,
                                selected < keys->len ? g_ptr_array_index (keys, selected) : NULL);
        }
      else
        {
          g_autofree char *text = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (row->widget)));

          sm_record_set_string (self->record, row->index, *text != '\0' ? text : NULL);
        }
      break;

    case SM_FIELD_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->widget));
        GtkTextIter start, end;
        g_autofree char *text = NULL;
        g_autofree char *stripped = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        stripped = dup_stripped (text);
        sm_record_set_string (self->record, row->index, *stripped != '\0' ? text : NULL);
      }
      break;

    case SM_FIELD_DATE:
      {
        g_autofree char *text = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (row->entry)));
        g_autoptr(GError) error = NULL;

        if (*text == '\0')
          sm_record_set_string (self->record, row->index, NULL);
        else if (!sm_record_set_from_text (self->record, field->name, text, &error))
          {
            row->invalid = TRUE;
            set_message (row, strip_label (field, error->message));
          }
      }
      break;

    case SM_FIELD_INT:
      sm_record_set_int (self->record, row->index,
                         gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->widget)));
      break;

    case SM_FIELD_BOOLEAN:
      sm_record_set_int (self->record, row->index,
                         gtk_check_button_get_active (GTK_CHECK_BUTTON (row->widget)));
      break;

    case SM_FIELD_REF:
    case SM_FIELD_ENUM:
      {
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->widget));

        if (selected < row->choices->values->len)
          sm_record_set_int (self->record, row->index, g_array_index (row->choices->values, gint64, selected));
      }
      break;

    case SM_FIELD_FLAGS:
      {
        gint64 flags = 0;

        for (guint i = 0; i < row->checks->len; i++)
          if (gtk_check_button_get_active (g_ptr_array_index (row->checks, i)))
            flags |= g_array_index (row->values, gint64, i);
        sm_record_set_int (self->record, row->index, flags);
      }
      break;

    case SM_FIELD_STRV:
      read_strv (self, row, gtk_editable_get_text (GTK_EDITABLE (row->widget)));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A confirmation is about the requirements it was given for: when they
 * change, the coordinator confirms again. */
static gboolean
is_proxy_field (SmRecord *record,
                guint     index)
{
  return SM_IS_OFFER (record) &&
         (index == SM_OFFER_FIELD_REQUIREMENTS ||
          index == SM_OFFER_FIELD_TITLE ||
          index == SM_OFFER_FIELD_DESCRIPTION);
}

static void
on_row_changed (SmRecordEditor *self,
                Row            *row)
{
  if (self->loading)
    return;

  row->touched = TRUE;
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  read_row (self, row);

  if (is_proxy_field (self->record, row->index) &&
      gtk_check_button_get_active (self->proxy_check))
    gtk_check_button_set_active (self->proxy_check, FALSE);

  update_can_save (self);
}

static void
on_editable_changed_cb (GtkEditable *editable,
                        Row         *row)
{
  on_row_changed (row->editor, row);
}

static void
on_widget_changed_cb (GtkWidget  *widget,
                      GParamSpec *pspec,
                      Row        *row)
{
  on_row_changed (row->editor, row);
}

static void
on_toggled_cb (GtkCheckButton *button,
               Row            *row)
{
  on_row_changed (row->editor, row);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      Row           *row)
{
  on_row_changed (row->editor, row);
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
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (row->field),
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
      child = gtk_check_button_new_with_label (field_label (row->field));
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
                              field_label (row->field));
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

static void
build_rows (SmRecordEditor *self)
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

static void
update_title (SmRecordEditor *self)
{
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self->record);
  g_autofree char *title = NULL;

  if (sm_record_get_id (self->original) == 0)
    {
      if (SM_IS_STUDENT (self->record))
        title = g_strdup (_("New Student"));
      else if (SM_IS_COMPANY (self->record))
        title = g_strdup (_("New Company"));
      else if (SM_IS_OFFER (self->record))
        title = g_strdup (_("New Offer"));
      else
        /* Translators: %s is the kind of record, such as “student” */
        title = g_strdup_printf (_("New %s"), sm_record_class_get_noun (klass));
    }
  else
    {
      g_autofree char *name = sm_record_dup_title (self->original);

      /* Translators: the title of the editor; %s is the name of a
       * student, company or offer. */
      title = g_strdup_printf (_("Edit “%s”"), name);
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
load_record (SmRecordEditor *self)
{
  g_return_if_fail (self->rows->len == 0);

  self->record = sm_record_dup (self->original);
  if (SM_IS_OFFER (self->record))
    {
      self->was_confirmed = sm_record_get_int (self->record, SM_OFFER_FIELD_PROXY_CONFIRMED);
      gtk_check_button_set_active (self->proxy_check, self->was_confirmed);
    }

  self->loading = TRUE;
  build_rows (self);
  self->loading = FALSE;

  update_title (self);
  update_can_save (self);

  if (self->rows->len > 0)
    {
      Row *first = g_ptr_array_index (self->rows, 0);

      gtk_window_set_focus (GTK_WINDOW (self), first->entry != NULL ? first->entry : first->widget);
    }
}

static void
on_proxy_toggled_cb (SmRecordEditor *self)
{
  if (!SM_IS_OFFER (self->record))
    return;

  sm_record_set_int (self->record, SM_OFFER_FIELD_PROXY_CONFIRMED,
                     gtk_check_button_get_active (self->proxy_check));
  if (!self->loading)
    update_can_save (self);
}

/**
 * sm_record_editor_save:
 *
 * Stores the record if it is valid, as Save does. On failure the reason
 * is shown in the editor, which stays open.
 *
 * Returns: whether the record was stored
 */
gboolean
sm_record_editor_save (SmRecordEditor *self)
{
  g_autoptr(SmChangeSet) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SM_IS_RECORD_EDITOR (self), FALSE);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)) || self->store == NULL)
    return FALSE;

  changes = sm_change_set_new ();
  sm_change_set_save (changes, self->record);
  if (!sm_store_apply (self->store, changes, &error))
    {
      gtk_label_set_label (self->banner_label, error->message);
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
      return FALSE;
    }

  /* The store's own record, now up to date, for whoever opened the
   * editor. */
  {
    SmRecord *stored = sm_store_lookup (self->store, G_OBJECT_TYPE (self->record),
                                        sm_record_get_id (self->record));

    g_signal_emit (self, signals[SAVED], 0, stored != NULL ? stored : self->record);
  }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked_cb (SmRecordEditor *self)
{
  sm_record_editor_save (self);
}

static void
sm_record_editor_constructed (GObject *object)
{
  SmRecordEditor *self = SM_RECORD_EDITOR (object);

  G_OBJECT_CLASS (sm_record_editor_parent_class)->constructed (object);

  g_return_if_fail (SM_IS_RECORD (self->original));
  load_record (self);
}

static void
sm_record_editor_dispose (GObject *object)
{
  SmRecordEditor *self = SM_RECORD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_RECORD_EDITOR);

  G_OBJECT_CLASS (sm_record_editor_parent_class)->dispose (object);
}

static void
sm_record_editor_finalize (GObject *object)
{
  SmRecordEditor *self = SM_RECORD_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->labels);
  g_clear_object (&self->record);
  g_clear_object (&self->original);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_record_editor_parent_class)->finalize (object);
}

static void
sm_record_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmRecordEditor *self = SM_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->original);
      break;
    case PROP_CAN_SAVE:
      g_value_set_boolean (value, sm_record_editor_get_can_save (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_record_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SmRecordEditor *self = SM_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      self->original = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sm_record_editor_save (SM_RECORD_EDITOR (widget));
}

static void
sm_record_editor_class_init (SmRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sm_record_editor_constructed;
  object_class->dispose = sm_record_editor_dispose;
  object_class->finalize = sm_record_editor_finalize;
  object_class->get_property = sm_record_editor_get_property;
  object_class->set_property = sm_record_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         SM_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmRecordEditor::saved:
   * @record: the record as the store now holds it
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SM_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stagematch/Stagematch/sm-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SmRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmRecordEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, SmRecordEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, SmRecordEditor, groups_box);
  gtk_widget_class_bind_template_child (widget_class, SmRecordEditor, proxy_revealer);
  gtk_widget_class_bind_template_child (widget_class, SmRecordEditor, proxy_label);
  gtk_widget_class_bind_template_child (widget_class, SmRecordEditor, proxy_check);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_proxy_toggled_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
sm_record_editor_init (SmRecordEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/**
 * sm_record_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the record is saved
 * @record: the stored record to edit, or a new one (id 0), which may have
 *   fields filled in already, such as the company of a new offer
 */
SmRecordEditor *
sm_record_editor_new (GtkWindow *parent,
                      SmStore   *store,
                      SmRecord  *record)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SM_IS_STORE (store), NULL);
  g_return_val_if_fail (SM_IS_RECORD (record), NULL);

  return g_object_new (SM_TYPE_RECORD_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "record", record,
                       NULL);
}

SmStore *
sm_record_editor_get_store (SmRecordEditor *self)
{
  g_return_val_if_fail (SM_IS_RECORD_EDITOR (self), NULL);
  return self->store;
}

/**
 * sm_record_editor_get_record:
 *
 * Returns: (transfer none): the record the editor was opened on
 */
SmRecord *
sm_record_editor_get_record (SmRecordEditor *self)
{
  g_return_val_if_fail (SM_IS_RECORD_EDITOR (self), NULL);
  return self->original;
}

gboolean
sm_record_editor_get_can_save (SmRecordEditor *self)
{
  g_return_val_if_fail (SM_IS_RECORD_EDITOR (self), FALSE);
  return gtk_widget_get_sensitive (GTK_WIDGET (self->save_button));
}
