/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-preferences-window-private.h"
#include "sm-reason-code.h"

/* The Reason codes page: the reasons a company can give for a decision.
 * Adding, retiring and using a reason again go through the store exactly
 * as `stagematch-cli reasons --add/--retire` do. A reason is never
 * deleted: the decisions that gave it keep referring to it. */

typedef struct
{
  SmPreferencesWindow *window;
  SmRecord            *reason;
  GtkWidget           *title;
  GtkWidget           *retired_label;
  GtkWidget           *button;
  GtkLabel            *error;
} ReasonRow;

static void
reason_row_free (gpointer data)
{
  ReasonRow *row = data;

  g_clear_object (&row->reason);
  g_free (row);
}

static void
update_reason_row (ReasonRow *row)
{
  g_autofree char *accessible_label = NULL;
  const char *code = sm_record_get_string (row->reason, SM_REASON_CODE_FIELD_CODE);
  gboolean active = sm_record_get_int (row->reason, SM_REASON_CODE_FIELD_ACTIVE) != 0;

  gtk_widget_set_visible (row->retired_label, !active);
  if (active)
    gtk_widget_remove_css_class (row->title, "dim-label");
  else
    gtk_widget_add_css_class (row->title, "dim-label");

  if (active)
    {
      gtk_button_set_label (GTK_BUTTON (row->button), _("Retire"));
      gtk_widget_set_tooltip_text (row->button, _("Stop offering this reason; earlier decisions keep it"));
      /* Translators: read out for the Retire button of a reason code;
       * %s is the code, such as "too-far". */
      accessible_label = g_strdup_printf (_("Retire %s"), code);
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (row->button), _("Use Again"));
      gtk_widget_set_tooltip_text (row->button, _("Offer this reason again for new decisions"));
      /* Translators: read out for the Use Again button of a reason code;
       * %s is the code, such as "too-far". */
      accessible_label = g_strdup_printf (_("Use %s again"), code);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (row->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
}

static void
on_reason_notify_cb (GObject    *object,
                     GParamSpec *pspec,
                     GtkWidget  *widget)
{
  ReasonRow *row = g_object_get_data (G_OBJECT (widget), "sm-reason-row");
  SmRecord *record = row->reason;

  /* The store updates the listed record in place. */
  gtk_label_set_label (GTK_LABEL (row->title),
                       sm_record_get_string (record, SM_REASON_CODE_FIELD_LABEL));
  update_reason_row (row);
}

static void
on_reason_toggle_clicked_cb (GtkButton *button,
                             ReasonRow *row)
{
  g_autoptr(SmRecord) changed = sm_record_dup (row->reason);
  g_autoptr(GError) error = NULL;
  gboolean active = sm_record_get_int (row->reason, SM_REASON_CODE_FIELD_ACTIVE) != 0;

  sm_record_set_int (changed, SM_REASON_CODE_FIELD_ACTIVE, !active);
  if (!sm_store_save (row->window->store, changed, &error))
    {
      _sm_preferences_window_show_error (row->error, NULL, error->message);
      return;
    }

  _sm_preferences_window_show_error (row->error, NULL, NULL);
}

static GtkWidget *
create_reason_row (gpointer item,
                   gpointer user_data)
{
  SmPreferencesWindow *self = user_data;
  SmRecord *record = item;
  ReasonRow *row = g_new0 (ReasonRow, 1);
  GtkWidget *widget;
  GtkWidget *box;
  GtkWidget *line;
  GtkWidget *titles;
  GtkWidget *code;
  GtkWidget *error;

  row->window = self;
  row->reason = g_object_ref (record);

  row->title = gtk_label_new (sm_record_get_string (record, SM_REASON_CODE_FIELD_LABEL));
  gtk_label_set_xalign (GTK_LABEL (row->title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (row->title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (row->title), 40);

  code = gtk_label_new (sm_record_get_string (record, SM_REASON_CODE_FIELD_CODE));
  gtk_label_set_xalign (GTK_LABEL (code), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (code), TRUE);
  gtk_widget_set_focusable (code, FALSE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "caption");
  gtk_widget_add_css_class (code, "monospace");

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (titles), row->title);
  gtk_box_append (GTK_BOX (titles), code);

  row->retired_label = gtk_label_new (_("Retired"));
  gtk_widget_set_valign (row->retired_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->retired_label, "dim-label");
  gtk_widget_add_css_class (row->retired_label, "caption");

  row->button = gtk_button_new ();
  gtk_widget_set_valign (row->button, GTK_ALIGN_CENTER);
  g_signal_connect (row->button, "clicked", G_CALLBACK (on_reason_toggle_clicked_cb), row);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (line), titles);
  gtk_box_append (GTK_BOX (line), row->retired_label);
  gtk_box_append (GTK_BOX (line), row->button);

  error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (error), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error), 40);
  gtk_label_set_wrap_mode (GTK_LABEL (error), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  row->error = GTK_LABEL (error);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "sm-preferences-row");
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), error);

  widget = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), FALSE);
  gtk_widget_set_focusable (widget, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (widget), box);
  g_object_set_data_full (G_OBJECT (widget), "sm-reason-row", row, reason_row_free);

  g_signal_connect_object (record, "notify", G_CALLBACK (on_reason_notify_cb), widget, 0);
  update_reason_row (row);

  return widget;
}

/* Adding */

static void
clear_add_errors (SmPreferencesWindow *self)
{
  _sm_preferences_window_show_error (self->reason_code_error, GTK_WIDGET (self->reason_code_entry), NULL);
  _sm_preferences_window_show_error (self->reason_label_error, GTK_WIDGET (self->reason_label_entry), NULL);
  _sm_preferences_window_show_error (self->reason_add_error, NULL, NULL);
}

static gboolean
set_field (SmRecord   *record,
           guint       field,
           const char *name,
           const char *text,
           GtkLabel   *error_label,
           GtkEntry   *entry)
{
  g_autoptr(GError) error = NULL;

  if (!sm_record_set_from_text (record, name, text, &error) ||
      !sm_record_validate_field (record, field, &error))
    {
      _sm_preferences_window_show_error (error_label, GTK_WIDGET (entry), error->message);
      return FALSE;
    }

  return TRUE;
}

static void
add_reason (SmPreferencesWindow *self)
{
  g_autoptr(SmReasonCode) reason = sm_reason_code_new ();
  g_autoptr(GError) error = NULL;
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->reason_code_entry));
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->reason_label_entry));
  gboolean valid;

  clear_add_errors (self);

  /* Both fields are checked, so that both messages show at once. */
  valid = set_field (SM_RECORD (reason), SM_REASON_CODE_FIELD_CODE, "code", code,
                     self->reason_code_error, self->reason_code_entry);
  valid &= set_field (SM_RECORD (reason), SM_REASON_CODE_FIELD_LABEL, "label", label,
                      self->reason_label_error, self->reason_label_entry);
  if (!valid)
    return;

  if (!sm_store_save (self->store, SM_RECORD (reason), &error))
    {
      /* The code is what can clash with a reason that is already there. */
      if (g_error_matches (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT))
        _sm_preferences_window_show_error (self->reason_code_error,
                                           GTK_WIDGET (self->reason_code_entry),
                                           error->message);
      else
        _sm_preferences_window_show_error (self->reason_add_error, NULL, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->reason_code_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_label_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_code_entry));
}

static void
on_reason_add_clicked_cb (GtkButton           *button,
                          SmPreferencesWindow *self)
{
  add_reason (self);
}

static void
on_reason_entry_activate_cb (GtkEntry            *entry,
                             SmPreferencesWindow *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->reason_add_button)))
    add_reason (self);
  else if (entry == self->reason_code_entry)
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_label_entry));
}

static void
on_reason_entry_changed_cb (GtkEditable         *editable,
                            SmPreferencesWindow *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->reason_code_entry));
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->reason_label_entry));

  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_add_button), *code != '\0' && *label != '\0');
}

static GtkWidget *
placeholder_new (void)
{
  GtkWidget *label = gtk_label_new (_("No reason codes yet"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "sm-preferences-row");

  return label;
}

void
_sm_preferences_window_reasons_load (SmPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *reasons;

  gtk_list_box_set_placeholder (self->reasons_list, placeholder_new ());

  reasons = sm_store_list (self->store, SM_TYPE_REASON_CODE, &error);
  if (reasons == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason, as the database gave it. */
      message = g_strdup_printf (_("Stagematch could not read the reason codes: %s"), error->message);
      _sm_preferences_window_show_error (self->reasons_error, NULL, message);
      gtk_widget_set_visible (GTK_WIDGET (self->reasons_list), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reason_code_entry), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reason_label_entry), FALSE);
      return;
    }

  self->reason_codes = g_object_ref (reasons);
  gtk_list_box_bind_model (self->reasons_list, self->reason_codes,
                           create_reason_row, self, NULL);
}

void
_sm_preferences_window_reasons_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, reasons_error);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, reason_code_entry);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, reason_code_error);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, reason_label_entry);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, reason_label_error);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, reason_add_button);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, reason_add_error);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_entry_changed_cb);
}
