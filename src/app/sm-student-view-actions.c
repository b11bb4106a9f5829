/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-student-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-bulk-editor.h"
#include "sm-change-set.h"
#include "sm-record-editor.h"
#include "sm-student-view-private.h"
#include "sm-window.h"

/*
 * What the coordinator does to students from the list: add one, edit
 * one, delete some with a question first and an Undo after, and set the
 * class, level, programme or supervisor of several at once.
 */

static GtkWindow *
get_parent_window (SmStudentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static SmToast *
get_toast (SmStudentView *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SM_TYPE_WINDOW);

  return window != NULL ? sm_window_get_toast (SM_WINDOW (window)) : NULL;
}

static void
show_error (SmStudentView *self,
            const char    *title,
            const char    *message)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (get_parent_window (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", title);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

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

typedef struct
{
  GWeakRef   view;
  SmStore   *store;
  GPtrArray *records;   /* copies as they were */
  gboolean   deleted;   /* stored again as new records */
} Undo;

static void
undo_free (Undo *undo)
{
  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->store);
  g_clear_pointer (&undo->records, g_ptr_array_unref);
  g_free (undo);
}

static Undo *
undo_new (SmStudentView *self,
          GPtrArray     *records,
          gboolean       deleted)
{
  Undo *undo = g_new0 (Undo, 1);

  g_weak_ref_init (&undo->view, self);
  undo->store = g_object_ref (self->store);
  undo->records = g_ptr_array_ref (records);
  undo->deleted = deleted;
  return undo;
}

static void
undo_cb (gpointer user_data)
{
  Undo *undo = user_data;
  g_autoptr(SmStudentView) self = g_weak_ref_get (&undo->view);
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) restored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_debug ("Undoing a change to %u students", undo->records->len);
  for (guint i = 0; i < undo->records->len; i++)
    {
      g_autoptr(SmRecord) record = sm_record_dup (g_ptr_array_index (undo->records, i));

      /* A deleted student comes back as a new record with all its
       * fields; nothing referred to it, or it could not have been
       * deleted. */
      if (undo->deleted)
        sm_record_set_id (record, 0);
      sm_change_set_save (changes, record);
      g_ptr_array_add (restored, g_steal_pointer (&record));
    }

  if (!sm_store_apply (undo->store, changes, &error))
    {
      if (self != NULL)
        show_error (self, _("Could Not Undo"), error->message);
      else
        g_warning ("Could not undo: %s", error->message);
      return;
    }

  if (self != NULL)
    {
      g_autoptr(GPtrArray) stored = g_ptr_array_new ();

      for (guint i = 0; i < restored->len; i++)
        {
          SmRecord *record = g_ptr_array_index (restored, i);
          SmRecord *in_store = sm_store_lookup (undo->store, G_OBJECT_TYPE (record), sm_record_get_id (record));

          if (in_store != NULL)
            g_ptr_array_add (stored, in_store);
        }
      _sm_student_view_select (self, stored);
    }
}

static void
show_undo (SmStudentView *self,
           const char    *title,
           GPtrArray     *records,
           gboolean       deleted)
{
  SmToast *toast = get_toast (self);

  if (toast != NULL)
    sm_toast_show (toast, title, undo_cb, undo_new (self, records, deleted), (GDestroyNotify) undo_free);
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
  SmRecordEditor *editor = sm_record_editor_new (get_parent_window (self), self->store, student);

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
delete_students (SmStudentView *self,
                 GPtrArray     *students)
{
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

  if (!sm_store_apply (self->store, changes, &error))
    {
      show_error (self,
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

typedef struct
{
  SmStudentView *view;
  GPtrArray     *students;
} DeleteRequest;

static void
on_delete_response_cb (GtkDialog     *dialog,
                       int            response,
                       DeleteRequest *request)
{
  if (response == GTK_RESPONSE_ACCEPT && request->view->store != NULL)
    delete_students (request->view, request->students);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (request->view);
  g_ptr_array_unref (request->students);
  g_free (request);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmStudentView *self = SM_STUDENT_VIEW (widget);
  g_autoptr(GPtrArray) selected = _sm_student_view_dup_selected (self);
  DeleteRequest *request;
  GtkWidget *dialog;
  GtkWidget *button;

  if (selected->len == 0)
    return;

  if (selected->len == 1)
    {
      g_autofree char *name = sm_student_dup_full_name (g_ptr_array_index (selected, 0));

      /* Translators: %s is the name of a student. */
      dialog = gtk_message_dialog_new (get_parent_window (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                       _("Delete “%s”?"), name);
    }
  else
    dialog = gtk_message_dialog_new (get_parent_window (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                     GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                     /* Translators: %u is a number of students, more than one. */
                                     ngettext ("Delete %u student?", "Delete %u students?", selected->len),
                                     selected->len);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("All their details are removed from this database. "
                                              "Students with a placement, a candidacy or preferences "
                                              "cannot be deleted. You can undo this for a few seconds."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);

  request = g_new0 (DeleteRequest, 1);
  request->view = g_object_ref (self);
  request->students = g_ptr_array_ref (selected);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
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

  editor = sm_bulk_editor_new (get_parent_window (self), self->store, selected);
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
