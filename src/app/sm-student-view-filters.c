/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-student-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-level.h"
#include "sm-placement.h"
#include "sm-student-view-private.h"

/*
 * The drop-downs under the search that keep only one level, class,
 * programme or placement status, and their choices, which follow the
 * students in the store.
 */

/* Filters */

static void
filter_changed (SmStudentView *self,
                gboolean       was_any,
                gboolean       is_any)
{
  if (was_any && is_any)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter),
                      was_any ? GTK_FILTER_CHANGE_MORE_STRICT :
                      is_any ? GTK_FILTER_CHANGE_LESS_STRICT :
                      GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_level_selected_cb (SmStudentView *self)
{
  guint selected = gtk_drop_down_get_selected (self->level_dropdown);
  int old = self->level_filter;

  self->level_filter = selected != GTK_INVALID_LIST_POSITION && selected > 0 ? (int) selected - 1 : -1;
  if (old != self->level_filter)
    filter_changed (self, old < 0, self->level_filter < 0);
}

static void
on_placement_selected_cb (SmStudentView *self)
{
  guint selected = gtk_drop_down_get_selected (self->placement_dropdown);
  int old = self->placement_filter;

  /* All, not placed, then the statuses in order */
  self->placement_filter = selected != GTK_INVALID_LIST_POSITION && selected > 0 ?
                           (int) selected - 2 : PLACEMENT_ANY;
  if (old != self->placement_filter)
    filter_changed (self, old == PLACEMENT_ANY, self->placement_filter == PLACEMENT_ANY);
}

static void
set_string_filter (SmStudentView  *self,
                   char          **filter,
                   const char     *value)
{
  gboolean was_any = *filter == NULL;

  if (g_strcmp0 (*filter, value) == 0)
    return;

  g_free (*filter);
  *filter = g_strdup (value);
  filter_changed (self, was_any, value == NULL);
}

static void
on_class_selected_cb (SmStudentView *self)
{
  guint selected = gtk_drop_down_get_selected (self->class_dropdown);
  const char *value = NULL;

  if (self->updating_choices)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    value = gtk_string_list_get_string (self->class_choices, selected);
  set_string_filter (self, &self->class_filter, value);
}

static void
on_programme_selected_cb (SmStudentView *self)
{
  guint selected = gtk_drop_down_get_selected (self->programme_dropdown);
  const char *value = NULL;

  if (self->updating_choices)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->programme_codes->len)
    value = g_ptr_array_index (self->programme_codes, selected - 1);
  set_string_filter (self, &self->programme_filter, value);
}

typedef struct
{
  char *key;    /* g_utf8_collate_key() of the label */
  char *value;
} Choice;

static void
choice_clear (gpointer data)
{
  Choice *choice = data;

  g_free (choice->key);
  g_free (choice->value);
}

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Choice *) a)->key, ((const Choice *) b)->key);
}

/* The members of @set in the order of their labels (from @labels, or
 * themselves), as g_utf8_collate() puts them: a school has hundreds of
 * classes, so each label is prepared for collating once, not in every
 * comparison. */
static GPtrArray *
dup_sorted (GHashTable *set,
            GHashTable *labels)
{
  g_autoptr(GArray) choices = g_array_sized_new (FALSE, FALSE, sizeof (Choice), g_hash_table_size (set));
  GPtrArray *values = g_ptr_array_new_full (g_hash_table_size (set), g_free);
  GHashTableIter iter;
  gpointer member;

  g_array_set_clear_func (choices, choice_clear);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &member, NULL))
    {
      const char *label = labels != NULL ? g_hash_table_lookup (labels, member) : NULL;
      Choice choice = { g_utf8_collate_key (label != NULL ? label : member, -1), g_strdup (member) };

      g_array_append_val (choices, choice);
    }
  g_array_sort (choices, compare_choices);

  for (guint i = 0; i < choices->len; i++)
    g_ptr_array_add (values, g_steal_pointer (&g_array_index (choices, Choice, i).value));

  return values;
}

/* Replaces the choices after "All …", keeping the chosen one if it is
 * still there. */
static void
replace_choices (SmStudentView *self,
                 GtkDropDown   *dropdown,
                 GtkStringList *choices,
                 GPtrArray     *labels,
                 GPtrArray     *keys,
                 char         **filter)
{
  guint position = 0;

  g_ptr_array_add (labels, NULL);
  self->updating_choices = TRUE;
  gtk_string_list_splice (choices, 1, g_list_model_get_n_items (G_LIST_MODEL (choices)) - 1,
                          (const char * const *) labels->pdata);
  for (guint i = 0; *filter != NULL && i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), *filter))
      position = i + 1;
  gtk_drop_down_set_selected (dropdown, position);
  self->updating_choices = FALSE;

  if (position == 0)
    set_string_filter (self, filter, NULL);
}

void
_sm_student_view_update_choices (SmStudentView *self)
{
  g_autoptr(GHashTable) classes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) programmes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) class_names = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = self->students != NULL ? g_list_model_get_n_items (self->students) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmStudent) student = g_list_model_get_item (self->students, i);
      const char *class_name = sm_student_get_class_name (student);
      const char *code = sm_student_get_programme (student);

      /* The store keeps the records, so their strings outlive this. */
      if (class_name != NULL && *class_name != '\0')
        g_hash_table_add (classes, (gpointer) class_name);
      if (code != NULL && *code != '\0')
        g_hash_table_add (programmes, (gpointer) code);
    }

  class_names = dup_sorted (classes, NULL);
  codes = dup_sorted (programmes, self->programme_names);

  for (guint i = 0; i < class_names->len; i++)
    g_ptr_array_add (labels, g_ptr_array_index (class_names, i));
  replace_choices (self, self->class_dropdown, self->class_choices, labels, class_names,
                   &self->class_filter);

  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const char *name = self->programme_names != NULL ?
                         g_hash_table_lookup (self->programme_names, code) : NULL;

      g_ptr_array_add (labels, (gpointer) (name != NULL ? name : code));
    }
  g_ptr_array_unref (self->programme_codes);
  self->programme_codes = g_ptr_array_ref (codes);
  replace_choices (self, self->programme_dropdown, self->programme_choices, labels, codes,
                   &self->programme_filter);
}

static void
setup_dropdown (GtkDropDown   *dropdown,
                GtkStringList *choices,
                const char    *accessible_label,
                GCallback      callback,
                SmStudentView *self)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (dropdown, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_signal_connect_object (dropdown, "notify::selected", callback, self, G_CONNECT_SWAPPED);
}

void
_sm_student_view_setup_filters (SmStudentView *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_string_list_append (levels, _("All levels"));
  for (SmLevel level = 0; level < SM_N_LEVELS; level++)
    gtk_string_list_append (levels, sm_level_get_short_name (level));
  setup_dropdown (self->level_dropdown, levels, _("Level filter"),
                  G_CALLBACK (on_level_selected_cb), self);

  self->class_choices = gtk_string_list_new (NULL);
  gtk_string_list_append (self->class_choices, _("All classes"));
  setup_dropdown (self->class_dropdown, self->class_choices, _("Class filter"),
                  G_CALLBACK (on_class_selected_cb), self);
  g_object_unref (self->class_choices);

  self->programme_choices = gtk_string_list_new (NULL);
  gtk_string_list_append (self->programme_choices, _("All programmes"));
  setup_dropdown (self->programme_dropdown, self->programme_choices, _("Programme filter"),
                  G_CALLBACK (on_programme_selected_cb), self);
  g_object_unref (self->programme_choices);

  /* The same order as the filter values: PLACEMENT_ANY, PLACEMENT_NOT_PLACED,
   * then the statuses from proposed to completed. */
  gtk_string_list_append (statuses, _("All placement statuses"));
  gtk_string_list_append (statuses, _("Not placed"));
  for (SmPlacementStatus status = SM_PLACEMENT_STATUS_PROPOSED;
       status <= SM_PLACEMENT_STATUS_COMPLETED;
       status++)
    gtk_string_list_append (statuses, sm_placement_status_get_display_name (status));
  setup_dropdown (self->placement_dropdown, statuses, _("Placement status filter"),
                  G_CALLBACK (on_placement_selected_cb), self);
}

