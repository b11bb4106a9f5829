/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-student-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-match-count.h"
#include "sm-student-view-private.h"

/*
 * The Matches column: how many offers each student could be placed at,
 * counted beside the window once the list is on screen and again after
 * changes.
 */

/* How many offers a student could go to, or -1 while that is not known. */
int
_sm_student_view_get_match_count (SmStudentView *self,
                                  SmStudent     *student)
{
  gint64 id = sm_record_get_id (SM_RECORD (student));
  gpointer value;

  if (self->match_counts == NULL ||
      !g_hash_table_lookup_extended (self->match_counts, &id, NULL, &value))
    return -1;

  return (int) GPOINTER_TO_UINT (value);
}

void
_sm_student_view_set_match_cell (SmStudentView *self,
                                 GtkListItem   *item)
{
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  int n = _sm_student_view_get_match_count (self, gtk_list_item_get_item (item));
  g_autofree char *text = n >= 0 ? g_strdup_printf ("%d", n) : NULL;

  /* An en dash while counting, or when matching cannot run. */
  gtk_inscription_set_text (cell, text != NULL ? text : "–");
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell), self->matches_error);
}

static void
update_match_cells (SmStudentView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->match_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    _sm_student_view_set_match_cell (self, item);
  gtk_sorter_changed (self->matches_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void start_match_count (SmStudentView *self);

static void
on_matches_counted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SmStudentView) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *counts;

  counts = sm_match_count_finish (SM_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->matches_cancellable);
  g_clear_pointer (&self->matches_error, g_free);

  if (counts == NULL)
    /* Translators: %s is the reason, such as a database error. */
    self->matches_error = g_strdup_printf (_("Matches could not be counted: %s"), error->message);
  else
    {
      g_clear_pointer (&self->match_counts, g_hash_table_unref);
      self->match_counts = counts;
    }
  update_match_cells (self);

  /* Changes that came in while counting need another count. */
  if (self->matches_again)
    {
      self->matches_again = FALSE;
      start_match_count (self);
    }
}

/* Counts every student's matches with the matcher the placement run
 * uses, so the column and a run agree. The counting runs beside the
 * window; the counts shown stay until the new ones are there. */
static void
start_match_count (SmStudentView *self)
{
  if (self->store == NULL || self->students == NULL)
    return;

  self->matches_cancellable = g_cancellable_new ();
  sm_match_count_async (self->store, self->matches_cancellable, on_matches_counted_cb, g_object_ref (self));
}

static gboolean
match_count_idle_cb (gpointer user_data)
{
  SmStudentView *self = user_data;

  self->matches_idle_id = 0;
  start_match_count (self);
  return G_SOURCE_REMOVE;
}

/* Counting waits until the list is on screen, and runs once for a burst
 * of changes. */
void
_sm_student_view_schedule_match_count (SmStudentView *self)
{
  if (!self->painted || self->store == NULL)
    return;

  if (self->matches_cancellable != NULL)
    self->matches_again = TRUE;
  else if (self->matches_idle_id == 0)
    self->matches_idle_id = g_idle_add (match_count_idle_cb, self);
}

void
_sm_student_view_cancel_match_count (SmStudentView *self)
{
  g_clear_handle_id (&self->matches_idle_id, g_source_remove);
  if (self->matches_cancellable != NULL)
    g_cancellable_cancel (self->matches_cancellable);
  g_clear_object (&self->matches_cancellable);
  self->matches_again = FALSE;
}

