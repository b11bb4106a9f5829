/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-change-set"

#include "config.h"

#include "sm-change-set.h"

/* SmChangeSet collects saves and deletes that a store applies together, in
 * one transaction: all of them or none. A record can refer to another
 * record of the same set that has no id yet (an offer of a new company);
 * the link is resolved once the other record has been stored. */

typedef struct
{
  SmRecord *record;
  guint     field;
  SmRecord *target;
} Link;

typedef struct
{
  SmChangeKind  kind;
  SmRecord     *record;
  GArray       *links;
} Change;

struct _SmChangeSet
{
  GObject    parent_instance;
  GArray    *changes;
  GArray    *logs;     /* SmChangeLog, owning copies */
  GPtrArray *strings;  /* the texts the logs point to */
};

G_DEFINE_FINAL_TYPE (SmChangeSet, sm_change_set, G_TYPE_OBJECT)

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->record);
  if (change->links != NULL)
    {
      for (guint i = 0; i < change->links->len; i++)
        g_object_unref (g_array_index (change->links, Link, i).target);
      g_array_unref (change->links);
    }
}

static void
log_clear (gpointer data)
{
  SmChangeLog *log = data;

  g_clear_object (&log->offer);
  g_clear_object (&log->student);
  g_clear_object (&log->candidate);
  g_clear_object (&log->decision);
  g_clear_object (&log->placement);
}

static void
sm_change_set_finalize (GObject *object)
{
  SmChangeSet *self = SM_CHANGE_SET (object);

  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->logs, g_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_change_set_parent_class)->finalize (object);
}

static void
sm_change_set_class_init (SmChangeSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sm_change_set_finalize;
}

static void
sm_change_set_init (SmChangeSet *self)
{
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, change_clear);
  self->logs = g_array_new (FALSE, TRUE, sizeof (SmChangeLog));
  g_array_set_clear_func (self->logs, log_clear);
  self->strings = g_ptr_array_new_with_free_func (g_free);
}

SmChangeSet *
sm_change_set_new (void)
{
  return g_object_new (SM_TYPE_CHANGE_SET, NULL);
}

static Change *
add_change (SmChangeSet  *self,
            SmChangeKind  kind,
            SmRecord     *record)
{
  Change change = { kind, g_object_ref (record), NULL };

  g_array_append_val (self->changes, change);
  return &g_array_index (self->changes, Change, self->changes->len - 1);
}

/**
 * sm_change_set_save:
 * @record: a record; one without an id is added, one with an id replaces
 *   the stored version
 *
 * Once the set is applied, a new record carries the id it was given.
 */
void
sm_change_set_save (SmChangeSet *self,
                    SmRecord    *record)
{
  g_return_if_fail (SM_IS_CHANGE_SET (self));
  g_return_if_fail (SM_IS_RECORD (record));

  add_change (self, SM_CHANGE_SAVE, record);
}

void
sm_change_set_delete (SmChangeSet *self,
                      SmRecord    *record)
{
  g_return_if_fail (SM_IS_CHANGE_SET (self));
  g_return_if_fail (SM_IS_RECORD (record));
  g_return_if_fail (sm_record_get_id (record) > 0);

  add_change (self, SM_CHANGE_DELETE, record);
}

/**
 * sm_change_set_link:
 * @record: a record saved earlier in this set
 * @field: a reference field of @record
 * @target: a record saved earlier in this set, before @record
 *
 * Makes @field of @record refer to @target once @target has its id.
 */
void
sm_change_set_link (SmChangeSet *self,
                    SmRecord    *record,
                    guint        field,
                    SmRecord    *target)
{
  Link link = { record, field, NULL };

  g_return_if_fail (SM_IS_CHANGE_SET (self));
  g_return_if_fail (SM_IS_RECORD (target));

  for (guint i = self->changes->len; i > 0; i--)
    {
      Change *change = &g_array_index (self->changes, Change, i - 1);

      if (change->record == record)
        {
          if (change->links == NULL)
            change->links = g_array_new (FALSE, FALSE, sizeof (Link));
          link.target = g_object_ref (target);
          g_array_append_val (change->links, link);
          return;
        }
    }

  g_critical ("%s: the record is not part of this change set", G_STRFUNC);
}

guint
sm_change_set_get_n_changes (SmChangeSet *self)
{
  g_return_val_if_fail (SM_IS_CHANGE_SET (self), 0);
  return self->changes->len;
}

SmChangeKind
sm_change_set_get_kind (SmChangeSet *self,
                        guint        position)
{
  g_return_val_if_fail (SM_IS_CHANGE_SET (self), SM_CHANGE_SAVE);
  g_return_val_if_fail (position < self->changes->len, SM_CHANGE_SAVE);

  return g_array_index (self->changes, Change, position).kind;
}

SmRecord *
sm_change_set_get_record (SmChangeSet *self,
                          guint        position)
{
  g_return_val_if_fail (SM_IS_CHANGE_SET (self), NULL);
  g_return_val_if_fail (position < self->changes->len, NULL);

  return g_array_index (self->changes, Change, position).record;
}

/**
 * sm_change_set_resolve_links:
 *
 * Copies the ids of linked records into the reference fields of the
 * record at @position. Stores call this just before they write it.
 */
void
sm_change_set_resolve_links (SmChangeSet *self,
                             guint        position)
{
  Change *change;

  g_return_if_fail (SM_IS_CHANGE_SET (self));
  g_return_if_fail (position < self->changes->len);

  change = &g_array_index (self->changes, Change, position);
  if (change->links == NULL)
    return;

  for (guint i = 0; i < change->links->len; i++)
    {
      Link *link = &g_array_index (change->links, Link, i);
      sm_record_set_int (change->record, link->field, sm_record_get_id (link->target));
    }
}

static const char *
keep_string (SmChangeSet *self,
             const char  *text)
{
  if (text == NULL)
    return NULL;
  g_ptr_array_add (self->strings, g_strdup (text));
  return g_ptr_array_index (self->strings, self->strings->len - 1);
}

static SmRecord *
ref_or_null (SmRecord *record)
{
  return record != NULL ? g_object_ref (record) : NULL;
}

/**
 * sm_change_set_log:
 * @entry: what to record; copied
 *
 * Adds an entry for the decision log, which the store appends in the same
 * transaction as the changes, after them.
 */
void
sm_change_set_log (SmChangeSet       *self,
                   const SmChangeLog *entry)
{
  SmChangeLog copy;

  g_return_if_fail (SM_IS_CHANGE_SET (self));
  g_return_if_fail (entry != NULL && entry->action != NULL);

  copy.action = keep_string (self, entry->action);
  copy.actor = keep_string (self, entry->actor);
  copy.details = keep_string (self, entry->details);
  copy.offer = ref_or_null (entry->offer);
  copy.student = ref_or_null (entry->student);
  copy.candidate = ref_or_null (entry->candidate);
  copy.decision = ref_or_null (entry->decision);
  copy.placement = ref_or_null (entry->placement);
  g_array_append_val (self->logs, copy);
}

guint
sm_change_set_get_n_logs (SmChangeSet *self)
{
  g_return_val_if_fail (SM_IS_CHANGE_SET (self), 0);
  return self->logs->len;
}

const SmChangeLog *
sm_change_set_get_log (SmChangeSet *self,
                       guint        position)
{
  g_return_val_if_fail (SM_IS_CHANGE_SET (self), NULL);
  g_return_val_if_fail (position < self->logs->len, NULL);

  return &g_array_index (self->logs, SmChangeLog, position);
}
