/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-view-commands"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-change-set.h"
#include "sm-view-commands.h"
#include "sm-window.h"

/*
 * What the list views' commands have in common: a question before a
 * delete, an error that says what to do, and Undo in the window's toast
 * after a change a person cannot see happening.
 */

/* Returns: (transfer none) (nullable): the window @view is in */
GtkWindow *
sm_view_get_window (GtkWidget *view)
{
  GtkRoot *root = gtk_widget_get_root (view);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
sm_view_show_error (GtkWidget  *view,
                    const char *title,
                    const char *message)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (sm_view_get_window (view),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", title);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Delete */

typedef struct
{
  GtkWidget         *view;
  GPtrArray         *records;
  SmViewRecordsFunc  delete_records;
} DeleteRequest;

static void
on_delete_response_cb (GtkDialog     *dialog,
                       int            response,
                       DeleteRequest *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    request->delete_records (request->view, request->records);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (request->view);
  g_ptr_array_unref (request->records);
  g_free (request);
}

/**
 * sm_view_ask_delete:
 * @question: such as “Delete “Anna de Vries”?”
 * @details: what deleting does and what cannot be deleted
 * @records: what to delete
 * @delete_records: called with @records if the coordinator says Delete
 *
 * Asks before a delete, with Cancel as the answer for Enter.
 */
void
sm_view_ask_delete (GtkWidget         *view,
                    const char        *question,
                    const char        *details,
                    GPtrArray         *records,
                    SmViewRecordsFunc  delete_records)
{
  DeleteRequest *request;
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (sm_view_get_window (view),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", details);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);

  request = g_new0 (DeleteRequest, 1);
  request->view = g_object_ref (view);
  request->records = g_ptr_array_ref (records);
  request->delete_records = delete_records;
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo */

typedef struct
{
  GWeakRef           view;
  SmStore           *store;
  GPtrArray         *records;   /* copies as they were */
  gboolean           deleted;   /* stored again as new records */
  SmViewRecordsFunc  restored;
} Undo;

static void
undo_free (Undo *undo)
{
  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->store);
  g_clear_pointer (&undo->records, g_ptr_array_unref);
  g_free (undo);
}

static void
undo_cb (gpointer user_data)
{
  Undo *undo = user_data;
  g_autoptr(GtkWidget) view = g_weak_ref_get (&undo->view);
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stored = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < undo->records->len; i++)
    {
      g_autoptr(SmRecord) record = sm_record_dup (g_ptr_array_index (undo->records, i));

      /* A deleted record comes back as a new one with all its fields;
       * nothing referred to it, or it could not have been deleted. */
      if (undo->deleted)
        sm_record_set_id (record, 0);
      sm_change_set_save (changes, record);
      g_ptr_array_add (copies, g_steal_pointer (&record));
    }

  if (!sm_store_apply (undo->store, changes, &error))
    {
      if (view != NULL)
        sm_view_show_error (view, _("Could Not Undo"), error->message);
      else
        g_warning ("Could not undo: %s", error->message);
      return;
    }

  if (view == NULL || undo->restored == NULL)
    return;

  for (guint i = 0; i < copies->len; i++)
    {
      SmRecord *copy = g_ptr_array_index (copies, i);
      SmRecord *record = sm_store_lookup (undo->store, G_OBJECT_TYPE (copy), sm_record_get_id (copy));

      if (record != NULL)
        g_ptr_array_add (stored, record);
    }
  undo->restored (view, stored);
}

/**
 * sm_view_offer_undo:
 * @title: what happened, such as “3 students were changed”
 * @before: copies of the records as they were before the change
 * @deleted: whether the change deleted them
 * @restored: (nullable): called with the store's records after an undo,
 *   to select them
 *
 * Says what happened in the window's toast, with Undo: the records are
 * stored again as they were.
 */
void
sm_view_offer_undo (GtkWidget         *view,
                    SmStore           *store,
                    const char        *title,
                    GPtrArray         *before,
                    gboolean           deleted,
                    SmViewRecordsFunc  restored)
{
  GtkWidget *window = gtk_widget_get_ancestor (view, SM_TYPE_WINDOW);
  Undo *undo;

  if (window == NULL)
    return;

  undo = g_new0 (Undo, 1);
  g_weak_ref_init (&undo->view, view);
  undo->store = g_object_ref (store);
  undo->records = g_ptr_array_ref (before);
  undo->deleted = deleted;
  undo->restored = restored;
  sm_toast_show (sm_window_get_toast (SM_WINDOW (window)), title, undo_cb, undo, (GDestroyNotify) undo_free);
}
