/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-student-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-bulk-editor.h"
#include "sm-change-set.h"
#include "sm-record-editor.h"
#include "sm-student-view-private.h"
#include "sm-view-commands.h"
#include "sm-window.h"

/*
 * What the coordinator does to students from the list: add one, edit
 * one, delete some with a question first and an Undo after, and set the
 * class, level, programme or supervisor of several at once.
 */

void
_sm_student_view_update_actions (SmStudentView *self)
{
  g_autoptr(GPtrArray) selected = _sm_student_view_dup_selected (self);
  gboolean can_edit = self->store != NULL && self->students != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "students.new", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "students.edit", can_edit && selected->len == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "students.delete", can_edit && selected->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "students.bulk-edit", can_edit && selected->len > 0);
}

/* Undo */

static void
select_records (GtkWidget *view,
                GPtrArray *records)
{
  _sm_student_view_select (SM_STUDENT_VIEW (view), records);
}

static void
show_undo (SmStudentView *self,
           const char    *title,
           GPtrArray     *records,
           gboolean       deleted)
{
  sm_view_offer_undo (GTK_WIDGET (self), self->store, title, records, deleted, select_records);
}

/* New and edit */

static void
on_editor_saved_cb (SmRecordEditor *editor,
                    SmRecord       *record,
                    SmStudentView  *self)
{
  g_autoptr(GPtrArray) students = g_ptr_array_new ();

  g_ptr_array_add (students, record);
  _sm_student_view_select (self, students);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
open_editor (SmStudentView *self,
             SmRecord      *student)
{
  SmRecordEditor *editor = sm_record_editor_new (sm_view_get_window (GTK_WIDGET (self)), self->store, student);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SmStudentView *self = SM_STUDENT_VIEW (widget);
  g_autoptr(SmStudent) student = sm_student_new ();
  GSettings *settings;
  GtkWidget *window;

  /* A coordinator looking at one class or level is most likely adding a
   * student to it. */
  if (self->class_filter != NULL)
    sm_record_set_string (SM_RECORD (student), SM_STUDENT_FIELD_CLASS_NAME, self->class_filter);
  if (self->level_filter >= 0)
    sm_record_set_int (SM_RECORD (student), SM_STUDENT_FIELD_LEVEL, self->level_filter);
  if (self->programme_filter != NULL)
    sm_record_set_string (SM_RECORD (student), SM_STUDENT_FIELD_PROGRAMME, self->programme_filter);

  /* The school's usual travel distance, from the preferences. */
  window = gtk_widget_get_ancestor (widget, SM_TYPE_WINDOW);
  settings = window != NULL ? sm_window_get_settings (SM_WINDOW (window)) : NULL;
  if (settings != NULL)
    sm_record_set_int (SM_RECORD (student), SM_STUDENT_FIELD_MAX_TRAVEL_KM,
                       g_settings_get_int (settings, "default-max-travel-km"));

  open_editor (self, SM_RECORD (student));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SmStudentView *self = SM_STUDENT_VIEW (widget);
  g_autoptr(GPtrArray) selected = _sm_student_view_dup_selected (self);

  if (selected->len == 1)
    open_editor (self, g_ptr_array_index (selected, 0));
}

static void
on_row_activated_cb (GtkColumnView *column_view,
                     guint          position,
                     SmStudentView *self)
{
  g_autoptr(SmRecord) student = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (student != NULL && self->store != NULL)
    open_editor (self, student);
}

/* Delete */

static void
delete_students (GtkWidget *view,
                 GPtrArray *students)
{
  SmStudentView *self = SM_STUDENT_VIEW (view);
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < students->len; i++)
    {
      SmRecord *student = g_ptr_array_index (students, i);

      g_ptr_array_add (copies, sm_record_dup (student));
      sm_change_set_delete (changes, student);
    }

  if (self->store == NULL)
    return;

  if (!sm_store_apply (self->store, changes, &error))
    {
      sm_view_show_error (GTK_WIDGET (self),
                          g_dngettext (GETTEXT_PACKAGE, "The Student Was Not Deleted", "The Students Were Not Deleted",
                               students->len),
                  error->message);
      return;
    }

  if (students->len == 1)
    {
      g_autofree char *name = sm_student_dup_full_name (g_ptr_array_index (copies, 0));

      /* Translators: %s is the name of a student. */
      title = g_strdup_printf (_("“%s” was deleted"), name);
    }
  else
    /* Translators: %u is a number of students, more than one. */
    title = g_strdup_printf (ngettext ("%u student was deleted", "%u students were deleted", students->len),
                             students->len);

  show_undo (self, title, copies, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmStudentView *self = SM_STUDENT_VIEW (widget);
  g_autoptr(GPtrArray) selected = _sm_student_view_dup_selected (self);
  g_autofree char *question = NULL;

  if (selected->len == 0)
    return;

  if (selected->len == 1)
    {
      g_autofree char *name = sm_student_dup_full_name (g_ptr_array_index (selected, 0));

      /* Translators: %s is the name of a student. */
      question = g_strdup_printf (_("Delete “%s”?"), name);
    }
  else
    /* Translators: %u is a number of students, more than one. */
    question = g_strdup_printf (ngettext ("Delete %u student?", "Delete %u students?", selected->len),
                                selected->len);

  sm_view_ask_delete (widget, question,
                      _("All their details are removed from this database. "
                        "Students with a placement, a candidacy or preferences "
                        "cannot be deleted. You can undo this for a few seconds."),
                      selected, delete_students);
}

/* Change several */

static void
on_bulk_applied_cb (SmBulkEditor  *editor,
                    GPtrArray     *before,
                    SmStudentView *self)
{
  g_autofree char *title = NULL;

  /* Translators: %u is a number of students. */
  title = g_strdup_printf (ngettext ("%u student was changed", "%u students were changed", before->len),
                           before->len);
  show_undo (self, title, before, FALSE);
}

static void
bulk_edit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SmStudentView *self = SM_STUDENT_VIEW (widget);
  g_autoptr(GPtrArray) selected = _sm_student_view_dup_selected (self);
  SmBulkEditor *editor;

  if (selected->len == 0)
    return;

  editor = sm_bulk_editor_new (sm_view_get_window (GTK_WIDGET (self)), self->store, selected);
  g_signal_connect_object (editor, "applied", G_CALLBACK (on_bulk_applied_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
_sm_student_view_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "students.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "students.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "students.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "students.bulk-edit", NULL, bulk_edit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "students.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "students.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "students.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "students.edit", NULL);
}
