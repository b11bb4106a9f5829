/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-record-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sm-anonymiser.h"
#include "sm-change-set.h"
#include "sm-company.h"
#include "sm-offer.h"
#include "sm-record-editor-private.h"
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

/* The record's messages begin with the field's label, which the editor
 * already shows beside the field. */
static const char *
strip_label (const SmField *field,
             const char    *message)
{
  const char *label = _sm_record_editor_field_label (field);
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

void
_sm_record_editor_row_changed (SmRecordEditor *self,
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
  _sm_record_editor_build_rows (self);
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
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _sm_record_editor_row_free);
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
