/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-sqlite-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-audit.h"
#include "sm-decision.h"
#include "sm-placement.h"
#include "sm-sqlite-store-private.h"

/* The decision log
 *
 * Entries are written in the transaction of the changes they record, after
 * those changes, so that new records already have their ids and a failure
 * anywhere leaves neither. The store adds entries of its own for what must
 * always be logged, whoever makes the change: every new decision, and
 * every placement that is added, changes status or is deleted. */

/* An entry the store adds by itself. */
typedef struct
{
  const char *action;
  char       *actor;
  SmRecord   *record;      /* the decision or placement */
  gint64      offer_id;
  gint64      student_id;
  char       *details;
} AutoLog;

void
sm_sqlite_store_auto_log_free (gpointer data)
{
  AutoLog *log = data;

  g_free (log->actor);
  g_free (log->details);
  g_free (log);
}

typedef struct
{
  sqlite3_stmt *insert;
  gint64        last_id;
  char         *last_hash;
  char         *at;
} LogWriter;

static void
log_writer_clear (LogWriter *writer)
{
  g_clear_pointer (&writer->insert, sqlite3_finalize);
  g_clear_pointer (&writer->last_hash, g_free);
  g_clear_pointer (&writer->at, g_free);
}

/* Reads where the chain ends inside the transaction, so that no other
 * program can append in between. */
static gboolean
log_writer_begin (SmSqliteStore  *self,
                  LogWriter      *writer,
                  GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("read the decision log"));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      writer->last_id = sqlite3_column_int64 (stmt, 0);
      writer->last_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("read the decision log"));
  if (writer->last_hash == NULL)
    writer->last_hash = g_strdup (SM_AUDIT_GENESIS_HASH);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO audit_log (id, at, actor, action, offer_id, student_id, candidate_id, "
                          "decision_id, placement_id, details, prev_hash, hash) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                          -1, &writer->insert, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("write the decision log"));

  writer->at = sm_audit_dup_now ();
  return TRUE;
}

static void
bind_log_id (sqlite3_stmt *stmt,
             int           param,
             gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, param, id);
  else
    sqlite3_bind_null (stmt, param);
}

static void
bind_log_text (sqlite3_stmt *stmt,
               int           param,
               const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, param);
}

/* Appends @entry, whose id, time and hashes are filled in here. The entry
 * only borrows its strings. */
static gboolean
log_append (SmSqliteStore  *self,
            LogWriter      *writer,
            SmAuditEntry   *entry,
            GError        **error)
{
  g_autofree char *hash = NULL;

  entry->id = writer->last_id + 1;
  entry->at = writer->at;
  entry->prev_hash = writer->last_hash;
  hash = sm_audit_entry_compute_hash (entry);

  sqlite3_bind_int64 (writer->insert, 1, entry->id);
  bind_log_text (writer->insert, 2, entry->at);
  bind_log_text (writer->insert, 3, entry->actor);
  bind_log_text (writer->insert, 4, entry->action);
  bind_log_id (writer->insert, 5, entry->offer_id);
  bind_log_id (writer->insert, 6, entry->student_id);
  bind_log_id (writer->insert, 7, entry->candidate_id);
  bind_log_id (writer->insert, 8, entry->decision_id);
  bind_log_id (writer->insert, 9, entry->placement_id);
  bind_log_text (writer->insert, 10, entry->details);
  bind_log_text (writer->insert, 11, entry->prev_hash);
  bind_log_text (writer->insert, 12, hash);
  if (!sm_sqlite_store_step_done (self, writer->insert, error))
    return FALSE;

  writer->last_id = entry->id;
  g_free (writer->last_hash);
  writer->last_hash = g_steal_pointer (&hash);
  return TRUE;
}

static gboolean
log_prepare_lookups (SmSqliteStore  *self,
                     GError        **error)
{
  if (self->log_placement_status == NULL &&
      !(self->log_placement_status = sm_sqlite_store_prepare (self, "SELECT status FROM placements WHERE id = ?1",
                                                              error)))
    return FALSE;
  if (self->log_candidate_id == NULL &&
      !(self->log_candidate_id = sm_sqlite_store_prepare (self,
                                                          "SELECT id FROM candidates WHERE offer_id = ?1 AND code = ?2",
                                                          error)))
    return FALSE;
  return TRUE;
}

/* The status of a placement as stored, before a change overwrites it;
 * NULL if there is no such placement. */
gboolean
sm_sqlite_store_read_placement_status (SmSqliteStore  *self,
                                       gint64          id,
                                       char          **status,
                                       GError        **error)
{
  int rc;

  *status = NULL;
  if (!log_prepare_lookups (self, error))
    return FALSE;
  sqlite3_bind_int64 (self->log_placement_status, 1, id);
  rc = sqlite3_step (self->log_placement_status);
  if (rc == SQLITE_ROW)
    *status = g_strdup ((const char *) sqlite3_column_text (self->log_placement_status, 0));
  sqlite3_reset (self->log_placement_status);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("read the database"));
  return TRUE;
}

/* The candidate a decision is about, found by its code on the offer; 0
 * for decisions recorded without a candidate. */
static gboolean
find_candidate_id (SmSqliteStore  *self,
                   SmRecord       *decision,
                   gint64         *candidate_id,
                   GError        **error)
{
  int rc;

  *candidate_id = 0;
  if (!log_prepare_lookups (self, error))
    return FALSE;
  sqlite3_bind_int64 (self->log_candidate_id, 1, sm_record_get_int (decision, SM_DECISION_FIELD_OFFER_ID));
  bind_log_text (self->log_candidate_id, 2, sm_record_get_string (decision, SM_DECISION_FIELD_CANDIDATE_CODE));
  rc = sqlite3_step (self->log_candidate_id);
  if (rc == SQLITE_ROW)
    *candidate_id = sqlite3_column_int64 (self->log_candidate_id, 0);
  sqlite3_reset (self->log_candidate_id);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("read the database"));
  return TRUE;
}

/* Notes what the store must log of the change at @position, which has
 * just been written. @old_id is the record's id before, @old_status the
 * placement's stored status before. */
void
sm_sqlite_store_collect_auto_log (SmChangeSet *changes,
                                  guint        position,
                                  gint64       old_id,
                                  const char  *old_status,
                                  GPtrArray   *autos)
{
  SmRecord *record = sm_change_set_get_record (changes, position);
  gboolean deleted = sm_change_set_get_kind (changes, position) == SM_CHANGE_DELETE;
  AutoLog *log;

  if (G_OBJECT_TYPE (record) == SM_TYPE_DECISION && !deleted && old_id == 0)
    {
      g_autofree char *kind = sm_record_dup_text (record, SM_DECISION_FIELD_KIND);
      const char *reason = sm_record_get_string (record, SM_DECISION_FIELD_REASON);
      gint64 corrects = sm_record_get_int (record, SM_DECISION_FIELD_CORRECTS_ID);
      GString *details = g_string_new (NULL);

      g_string_append_printf (details, "kind=%s", kind);
      if (reason != NULL)
        g_string_append_printf (details, ";reason=%s", reason);
      if (corrects > 0)
        g_string_append_printf (details, ";corrects=%" G_GINT64_FORMAT, corrects);

      log = g_new0 (AutoLog, 1);
      log->action = SM_AUDIT_DECISION;
      log->actor = g_strdup (sm_record_get_string (record, SM_DECISION_FIELD_DECIDED_BY));
      log->record = record;
      log->offer_id = sm_record_get_int (record, SM_DECISION_FIELD_OFFER_ID);
      log->student_id = sm_record_get_int (record, SM_DECISION_FIELD_STUDENT_ID);
      log->details = g_string_free (details, FALSE);
      g_ptr_array_add (autos, log);
    }
  else if (G_OBJECT_TYPE (record) == SM_TYPE_PLACEMENT)
    {
      g_autofree char *status = deleted ? g_strdup ("deleted")
                                        : sm_record_dup_text (record, SM_PLACEMENT_FIELD_STATUS);
      char *details;

      if (old_id == 0)
        details = g_strdup_printf ("status=%s", status);
      else if (old_status != NULL && g_strcmp0 (old_status, status) != 0)
        details = g_strdup_printf ("status=%s;from=%s", status, old_status);
      else
        return;

      log = g_new0 (AutoLog, 1);
      log->action = SM_AUDIT_PLACEMENT_STATUS;
      log->record = record;
      log->offer_id = sm_record_get_int (record, SM_PLACEMENT_FIELD_OFFER_ID);
      log->student_id = sm_record_get_int (record, SM_PLACEMENT_FIELD_STUDENT_ID);
      log->details = details;
      g_ptr_array_add (autos, log);
    }
}

/* An entry the caller wrote for the same decision or placement takes the
 * place of the store's own. */
static gboolean
auto_log_replaced (SmChangeSet   *changes,
                   const AutoLog *log)
{
  for (guint i = 0; i < sm_change_set_get_n_logs (changes); i++)
    {
      const SmChangeLog *entry = sm_change_set_get_log (changes, i);

      if (g_strcmp0 (entry->action, log->action) == 0 &&
          (entry->decision == log->record || entry->placement == log->record))
        return TRUE;
    }
  return FALSE;
}

gboolean
sm_sqlite_store_check_logs (SmChangeSet  *changes,
                            GError      **error)
{
  for (guint i = 0; i < sm_change_set_get_n_logs (changes); i++)
    {
      const SmChangeLog *entry = sm_change_set_get_log (changes, i);

      if (*entry->action == '\0' || !sm_audit_details_are_valid (entry->details))
        {
          g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED,
                       _("The log entry “%s” was refused: its details “%s” are not key=value pairs"),
                       entry->action, entry->details != NULL ? entry->details : "");
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
log_record_id (SmRecord *record)
{
  return record != NULL ? sm_record_get_id (record) : 0;
}

/* Forgets what the store keeps of an erased student outside the record
 * fields: the hash of the personal code, and the notes of decisions about
 * them, which are free text that may name them. This is the one change a
 * decision ever gets; its kind, reason, author and time stay, so the
 * statistics do not change. */
static gboolean
erase_hidden (SmSqliteStore  *self,
              gint64          student_id,
              GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *trigger = NULL;
  gint64 n_notes = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "UPDATE students SET personal_code_hash = NULL WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("erase personal data"));
  sqlite3_bind_int64 (stmt, 1, student_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("erase personal data"));

  if (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM decisions WHERE student_id = ?1 AND note IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("erase personal data"));
  sqlite3_bind_int64 (stmt, 1, student_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_notes = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (n_notes == 0)
    return TRUE;

  /* The trigger that keeps decisions unchanged steps aside for this one
   * statement; it is put back, as it was, in the same transaction. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'decisions_never_updated'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("erase personal data"));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    trigger = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (trigger != NULL && !sm_sqlite_store_exec (self, "DROP TRIGGER decisions_never_updated", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "UPDATE decisions SET note = NULL WHERE student_id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sm_sqlite_store_db_error (self, error, _("erase personal data"));
  sqlite3_bind_int64 (stmt, 1, student_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sm_sqlite_store_db_error (self, error, _("erase personal data"));
  if (trigger != NULL && !sm_sqlite_store_exec (self, trigger, error))
    return FALSE;

  return TRUE;
}

/* Writes the store's own entries, then those of the set, in order. */
gboolean
sm_sqlite_store_write_logs (SmSqliteStore  *self,
                            SmChangeSet    *changes,
                            GPtrArray      *autos,
                            GArray         *erased,
                            GError        **error)
{
  LogWriter writer = { NULL };
  gboolean ok = FALSE;

  if (autos->len == 0 && sm_change_set_get_n_logs (changes) == 0)
    return TRUE;

  for (guint i = 0; i < sm_change_set_get_n_logs (changes); i++)
    {
      const SmChangeLog *log = sm_change_set_get_log (changes, i);
      gint64 student_id = log_record_id (log->student);

      if (g_strcmp0 (log->action, SM_AUDIT_ERASURE) == 0 && student_id > 0)
        {
          if (!erase_hidden (self, student_id, error))
            return FALSE;
          g_array_append_val (erased, student_id);
        }
    }

  if (!log_writer_begin (self, &writer, error))
    goto out;

  for (guint i = 0; i < autos->len; i++)
    {
      AutoLog *log = autos->pdata[i];
      SmAuditEntry entry = { 0 };

      if (auto_log_replaced (changes, log))
        continue;

      entry.action = (char *) log->action;
      entry.actor = log->actor;
      entry.offer_id = log->offer_id;
      entry.student_id = log->student_id;
      entry.details = log->details;
      if (G_OBJECT_TYPE (log->record) == SM_TYPE_DECISION)
        {
          entry.decision_id = sm_record_get_id (log->record);
          if (!find_candidate_id (self, log->record, &entry.candidate_id, error))
            goto out;
        }
      else
        entry.placement_id = sm_record_get_id (log->record);

      if (!log_append (self, &writer, &entry, error))
        goto out;
    }

  for (guint i = 0; i < sm_change_set_get_n_logs (changes); i++)
    {
      const SmChangeLog *log = sm_change_set_get_log (changes, i);
      SmAuditEntry entry = { 0 };

      entry.action = (char *) log->action;
      entry.actor = (char *) log->actor;
      entry.offer_id = log_record_id (log->offer);
      entry.student_id = log_record_id (log->student);
      entry.candidate_id = log_record_id (log->candidate);
      entry.decision_id = log_record_id (log->decision);
      entry.placement_id = log_record_id (log->placement);
      entry.details = (char *) log->details;

      if (!log_append (self, &writer, &entry, error))
        goto out;
    }

  ok = TRUE;

out:
  log_writer_clear (&writer);
  return ok;
}

/* After an erasure: the cached decisions lose their notes as the stored
 * ones did, and the write-ahead log, which still holds the pages as they
 * were, is emptied into the database (where secure_delete has overwritten
 * the old content) and cut to nothing. */
void
sm_sqlite_store_finish_erasure (SmSqliteStore *self,
                                GArray        *erased,
                                GHashTable    *changed_types)
{
  Table *table = sm_sqlite_store_find_table (self, SM_TYPE_DECISION);
  int rc;

  if (erased->len == 0)
    return;

  if (table->list != NULL)
    {
      GListModel *list = G_LIST_MODEL (table->list);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(SmRecord) decision = g_list_model_get_item (list, i);
          gint64 student_id = sm_record_get_int (decision, SM_DECISION_FIELD_STUDENT_ID);

          if (sm_record_get_string (decision, SM_DECISION_FIELD_NOTE) == NULL)
            continue;
          for (guint j = 0; j < erased->len; j++)
            if (g_array_index (erased, gint64, j) == student_id)
              sm_record_set_string (decision, SM_DECISION_FIELD_NOTE, NULL);
        }
    }
  g_hash_table_add (changed_types, GSIZE_TO_POINTER (SM_TYPE_DECISION));

  /* Another program reading the database can keep the checkpoint from
   * finishing; the next one that does finish removes the old pages. */
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    g_debug ("The write-ahead log could not be emptied after an erasure: %s", sqlite3_errmsg (self->db));
}

GPtrArray *
sm_sqlite_store_load_audit_log (SmStore  *store,
                                GError  **error)
{
  SmSqliteStore *self = SM_SQLITE_STORE (store);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_audit_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, at, actor, action, offer_id, student_id, candidate_id, decision_id, "
                          "placement_id, details, prev_hash, hash FROM audit_log ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sm_sqlite_store_db_error (self, error, _("read the decision log"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmAuditEntry *entry = g_new0 (SmAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->offer_id = sqlite3_column_int64 (stmt, 4);
      entry->student_id = sqlite3_column_int64 (stmt, 5);
      entry->candidate_id = sqlite3_column_int64 (stmt, 6);
      entry->decision_id = sqlite3_column_int64 (stmt, 7);
      entry->placement_id = sqlite3_column_int64 (stmt, 8);
      entry->details = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      entry->prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      entry->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sm_sqlite_store_db_error (self, error, _("read the decision log"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}
