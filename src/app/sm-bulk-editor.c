/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-bulk-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-bulk-editor.h"
#include "sm-change-set.h"
#include "sm-choice-list.h"
#include "sm-enums.h"
#include "sm-level.h"
#include "sm-programme.h"
#include "sm-student.h"

/*
 * SmBulkEditor:
 *
 * Sets the class, level, programme or school supervisor of several
 * students at once, as is needed after an import: the school's files do
 * not say at which level a student is. Only the fields that are ticked
 * change; the students are saved together, so either all change or none.
 */
struct _SmBulkEditor
{
  GtkWindow       parent_instance;

  SmStore        *store;
  GPtrArray      *students;
  SmChoiceList   *levels;
  SmChoiceList   *programmes;

  /* Template children */
  GtkLabel       *intro_label;
  GtkCheckButton *class_check;
  GtkEntry       *class_entry;
  GtkCheckButton *level_check;
  GtkDropDown    *level_dropdown;
  GtkCheckButton *programme_check;
  GtkDropDown    *programme_dropdown;
  GtkCheckButton *supervisor_check;
  GtkEntry       *supervisor_entry;
  GtkLabel       *message_label;
  GtkButton      *apply_button;
};

G_DEFINE_FINAL_TYPE (SmBulkEditor, sm_bulk_editor, GTK_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_entry_value (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Sets the ticked fields of @student, and checks them. */
static gboolean
change_student (SmBulkEditor  *self,
                SmRecord      *student,
                GError       **error)
{
  if (gtk_check_button_get_active (self->class_check))
    {
      g_autofree char *value = dup_entry_value (self->class_entry);

      sm_record_set_string (student, SM_STUDENT_FIELD_CLASS_NAME, value);
      if (!sm_record_validate_field (student, SM_STUDENT_FIELD_CLASS_NAME, error))
        return FALSE;
    }

  if (gtk_check_button_get_active (self->level_check))
    {
      guint selected = gtk_drop_down_get_selected (self->level_dropdown);

      if (selected < self->levels->values->len)
        {
          SmLevel level = g_array_index (self->levels->values, gint64, selected);

          sm_record_set_int (student, SM_STUDENT_FIELD_LEVEL, level);
          /* Only mbo has pathways: a student moved to vmbo or hbo leaves
           * BOL or BBL behind. */
          if (sm_level_get_education (level) != SM_EDUCATION_MBO)
            sm_record_set_int (student, SM_STUDENT_FIELD_PATHWAY, SM_PATHWAY_NONE);
        }
    }

  if (gtk_check_button_get_active (self->programme_check) && self->programmes != NULL)
    {
      guint selected = gtk_drop_down_get_selected (self->programme_dropdown);

      if (selected < self->programmes->keys->len)
        sm_record_set_string (student, SM_STUDENT_FIELD_PROGRAMME, g_ptr_array_index (self->programmes->keys, selected));
    }

  if (gtk_check_button_get_active (self->supervisor_check))
    {
      g_autofree char *value = dup_entry_value (self->supervisor_entry);

      sm_record_set_string (student, SM_STUDENT_FIELD_SUPERVISOR, value);
      if (!sm_record_validate_field (student, SM_STUDENT_FIELD_SUPERVISOR, error))
        return FALSE;
    }

  /* A level of another kind of school can make a pathway or programme
   * wrong: the student's own rules decide. */
  return sm_record_validate (student, error);
}

/* The students as they will be, or NULL with the first problem. */
static GPtrArray *
dup_changed (SmBulkEditor  *self,
             GError       **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->students->len; i++)
    {
      SmRecord *student = g_ptr_array_index (self->students, i);
      g_autoptr(SmRecord) copy = sm_record_dup (student);
      g_autoptr(GError) local_error = NULL;

      if (!change_student (self, copy, &local_error))
        {
          g_autofree char *name = sm_student_dup_full_name (SM_STUDENT (student));

          /* Translators: the first %s is a student's name, the second
           * what is wrong with the change for that student. */
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: %s"), name, local_error->message);
          return NULL;
        }
      g_ptr_array_add (changed, g_steal_pointer (&copy));
    }

  return g_steal_pointer (&changed);
}

static gboolean
any_ticked (SmBulkEditor *self)
{
  return gtk_check_button_get_active (self->class_check) ||
         gtk_check_button_get_active (self->level_check) ||
         gtk_check_button_get_active (self->programme_check) ||
         gtk_check_button_get_active (self->supervisor_check);
}

static void
show_message (SmBulkEditor *self,
              const char   *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_can_apply (SmBulkEditor *self)
{
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  gboolean can_apply = FALSE;

  if (any_ticked (self))
    {
      changed = dup_changed (self, &error);
      can_apply = changed != NULL;
    }

  show_message (self, error != NULL ? error->message : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), can_apply);
}

/* Typing in a field or choosing a value is meant to set it. */
static void
on_value_changed_cb (SmBulkEditor *self)
{
  GtkCheckButton *checks[] = { self->class_check, self->level_check, self->programme_check, self->supervisor_check };
  GtkWidget *values[] = { GTK_WIDGET (self->class_entry), GTK_WIDGET (self->level_dropdown),
                          GTK_WIDGET (self->programme_dropdown), GTK_WIDGET (self->supervisor_entry) };
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  for (guint i = 0; focus != NULL && i < G_N_ELEMENTS (values); i++)
    if (focus == values[i] || gtk_widget_is_ancestor (focus, values[i]))
      gtk_check_button_set_active (checks[i], TRUE);

  update_can_apply (self);
}

/**
 * sm_bulk_editor_apply:
 *
 * Saves the change to every student in one go, as Change does.
 *
 * Returns: whether the students were changed
 */
gboolean
sm_bulk_editor_apply (SmBulkEditor *self)
{
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SM_IS_BULK_EDITOR (self), FALSE);

  if (!any_ticked (self))
    return FALSE;

  changed = dup_changed (self, &error);
  if (changed == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }

  for (guint i = 0; i < changed->len; i++)
    {
      g_ptr_array_add (before, sm_record_dup (g_ptr_array_index (self->students, i)));
      sm_change_set_save (changes, g_ptr_array_index (changed, i));
    }

  if (!sm_store_apply (self->store, changes, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[APPLIED], 0, before);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_apply_clicked_cb (SmBulkEditor *self)
{
  sm_bulk_editor_apply (self);
}

gboolean
sm_bulk_editor_get_can_apply (SmBulkEditor *self)
{
  g_return_val_if_fail (SM_IS_BULK_EDITOR (self), FALSE);
  return gtk_widget_get_sensitive (GTK_WIDGET (self->apply_button));
}

static void
set_check_label (GtkCheckButton *check,
                 guint           field)
{
  const SmField *fields = sm_record_class_get_fields (g_type_class_peek (SM_TYPE_STUDENT), NULL);

  gtk_check_button_set_label (check, g_dgettext (GETTEXT_PACKAGE, fields[field].label));
}

static void
load (SmBulkEditor *self)
{
  SmRecord *first = g_ptr_array_index (self->students, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *title = NULL;
  guint n = self->students->len;

  /* Translators: the title of a dialog; %u is a number of students. */
  title = g_strdup_printf (ngettext ("Change %u Student", "Change %u Students", n), n);
  gtk_window_set_title (GTK_WINDOW (self), title);
  intro = g_strdup_printf (ngettext ("Tick what to set for the selected student. Everything else stays as it is.",
                                     "Tick what to set for all %u selected students. Everything else stays as it is.",
                                     n),
                           n);
  gtk_label_set_label (self->intro_label, intro);

  set_check_label (self->class_check, SM_STUDENT_FIELD_CLASS_NAME);
  set_check_label (self->level_check, SM_STUDENT_FIELD_LEVEL);
  set_check_label (self->programme_check, SM_STUDENT_FIELD_PROGRAMME);
  set_check_label (self->supervisor_check, SM_STUDENT_FIELD_SUPERVISOR);

  /* The first student's values are where most changes start from. */
  gtk_editable_set_text (GTK_EDITABLE (self->class_entry),
                         sm_record_get_string (first, SM_STUDENT_FIELD_CLASS_NAME) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->supervisor_entry),
                         sm_record_get_string (first, SM_STUDENT_FIELD_SUPERVISOR) ?: "");

  self->levels = sm_choice_list_new_for_enum (SM_TYPE_LEVEL);
  gtk_drop_down_set_model (self->level_dropdown, G_LIST_MODEL (self->levels->labels));
  gtk_drop_down_set_selected (self->level_dropdown,
                              sm_choice_list_find_value (self->levels, sm_record_get_int (first, SM_STUDENT_FIELD_LEVEL)));

  self->programmes = sm_choice_list_new_for_records (self->store, SM_TYPE_PROGRAMME, TRUE, &error);
  if (self->programmes != NULL)
    {
      gtk_drop_down_set_expression (self->programme_dropdown,
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      gtk_drop_down_set_model (self->programme_dropdown, G_LIST_MODEL (self->programmes->labels));
      gtk_drop_down_set_selected (self->programme_dropdown,
                                  sm_choice_list_find_key (self->programmes,
                                                           sm_record_get_string (first, SM_STUDENT_FIELD_PROGRAMME)));
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->programme_check), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->programme_dropdown), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->programme_dropdown), error->message);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->class_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->class_check, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->level_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->level_check, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->programme_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->programme_check, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->supervisor_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->supervisor_check, NULL, -1);

  /* Nothing is ticked yet: opening the dialog changes nothing. */
  gtk_check_button_set_active (self->class_check, FALSE);
  gtk_check_button_set_active (self->level_check, FALSE);
  gtk_check_button_set_active (self->programme_check, FALSE);
  gtk_check_button_set_active (self->supervisor_check, FALSE);
  update_can_apply (self);
}

static void
sm_bulk_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_BULK_EDITOR);

  G_OBJECT_CLASS (sm_bulk_editor_parent_class)->dispose (object);
}

static void
sm_bulk_editor_finalize (GObject *object)
{
  SmBulkEditor *self = SM_BULK_EDITOR (object);

  g_clear_pointer (&self->students, g_ptr_array_unref);
  g_clear_pointer (&self->levels, sm_choice_list_free);
  g_clear_pointer (&self->programmes, sm_choice_list_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_bulk_editor_parent_class)->finalize (object);
}

static void
sm_bulk_editor_class_init (SmBulkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_bulk_editor_dispose;
  object_class->finalize = sm_bulk_editor_finalize;

  /**
   * SmBulkEditor::applied:
   * @before: (element-type SmStudent): copies of the students as they
   *   were, for Undo
   */
  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stagematch/Stagematch/sm-bulk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, class_check);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, class_entry);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, level_check);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, programme_check);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, supervisor_check);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, supervisor_entry);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, SmBulkEditor, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, update_can_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sm_bulk_editor_init (SmBulkEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->apply_button));
}

/**
 * sm_bulk_editor_new:
 * @students: (element-type SmStudent): the store's students to change
 */
SmBulkEditor *
sm_bulk_editor_new (GtkWindow *parent,
                    SmStore   *store,
                    GPtrArray *students)
{
  SmBulkEditor *self;

  g_return_val_if_fail (SM_IS_STORE (store), NULL);
  g_return_val_if_fail (students != NULL && students->len > 0, NULL);

  self = g_object_new (SM_TYPE_BULK_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->students = g_ptr_array_ref (students);
  load (self);
  return self;
}
