/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-choice-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-choice.h"
#include "sm-choice-list.h"
#include "sm-record.h"

/*
 * The choices for a drop-down that sets an enumeration field (a level, a
 * sector) or names another record (the company of an offer, the programme
 * of a student), in the order people look for them.
 */

static SmChoiceList *
choice_list_new (void)
{
  SmChoiceList *self = g_new0 (SmChoiceList, 1);

  self->labels = gtk_string_list_new (NULL);
  self->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

void
sm_choice_list_free (SmChoiceList *self)
{
  g_clear_object (&self->labels);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_free (self);
}

SmChoiceList *
sm_choice_list_new_for_enum (GType type)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  SmChoiceList *self = choice_list_new ();

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      gint64 value = enum_class->values[i].value;

      g_array_append_val (self->values, value);
      gtk_string_list_append (self->labels, sm_choice_get_label (type, value));
    }

  return self;
}

typedef struct
{
  char     *title;
  SmRecord *record;
} Choice;

static void
choice_clear (Choice *choice)
{
  g_free (choice->title);
}

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (((const Choice *) a)->title, ((const Choice *) b)->title);
}

/**
 * sm_choice_list_new_for_records:
 * @with_none: whether the first choice is “None”, for an optional field
 *
 * The records of @record_type by their titles, in alphabetical order.
 */
SmChoiceList *
sm_choice_list_new_for_records (SmStore   *store,
                                GType      record_type,
                                gboolean   with_none,
                                GError   **error)
{
  g_autoptr(SmChoiceList) self = choice_list_new ();
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  GListModel *records;
  guint n;

  records = sm_store_list (store, record_type, error);
  if (records == NULL)
    return NULL;

  g_array_set_clear_func (choices, (GDestroyNotify) choice_clear);
  self->keys = g_ptr_array_new_with_free_func (g_free);

  if (with_none)
    {
      gint64 none = 0;

      gtk_string_list_append (self->labels, C_("choice", "None"));
      g_array_append_val (self->values, none);
      g_ptr_array_add (self->keys, NULL);
    }

  /* The store holds its records for as long as the choices are used. */
  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRecord) record = g_list_model_get_item (records, i);
      Choice choice = { sm_record_dup_title (record), record };

      g_array_append_val (choices, choice);
    }
  g_array_sort (choices, compare_choices);

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = &g_array_index (choices, Choice, i);
      gint64 id = sm_record_get_id (choice->record);
      int key_field = sm_record_class_get_key_field (SM_RECORD_GET_CLASS (choice->record));

      gtk_string_list_append (self->labels, choice->title);
      g_array_append_val (self->values, id);
      g_ptr_array_add (self->keys, key_field >= 0 ? g_strdup (sm_record_get_string (choice->record, key_field)) : NULL);
    }

  return g_steal_pointer (&self);
}

/* Returns: the position of @value, or GTK_INVALID_LIST_POSITION */
guint
sm_choice_list_find_value (SmChoiceList *self,
                           gint64        value)
{
  for (guint i = 0; i < self->values->len; i++)
    if (g_array_index (self->values, gint64, i) == value)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Returns: the position of the record with @key (NULL: “None”), or
 * GTK_INVALID_LIST_POSITION */
guint
sm_choice_list_find_key (SmChoiceList *self,
                         const char   *key)
{
  for (guint i = 0; self->keys != NULL && i < self->keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->keys, i), key) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}
