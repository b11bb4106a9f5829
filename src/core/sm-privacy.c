/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-privacy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sm-audit.h"
#include "sm-candidate.h"
#include "sm-company.h"
#include "sm-decision.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-preference.h"
#include "sm-privacy.h"
#include "sm-programme.h"
#include "sm-review.h"

/* The rights of a student over their data: erasure and access.
 *
 * Erasure removes what identifies the student and keeps what the anonymous
 * statistics are made of. Gone: every field flagged personal (names, date
 * of birth, contact details, address, motivation, accommodations), the
 * student number (the school's administration knows the student by it, so
 * it identifies them as much as a name), the hash of the personal code,
 * the context notes of their candidacies and the notes of decisions about
 * them (free text that may name them). Kept: the id, class, level,
 * pathway, programme, availability, skills and interests, and every
 * placement, candidacy (code and times), decision (kind, reason, who,
 * when), review and preference, so that the fairness report reads the
 * same. The decision log never held names, so its chain stays valid; the
 * erasure is appended to it.
 *
 * Access writes everything stored about one student to a JSON file. */

/**
 * sm_privacy_student_is_erased:
 *
 * Returns: whether @student's personal data have been erased
 */
gboolean
sm_privacy_student_is_erased (SmStudent *student)
{
  const char *number;

  g_return_val_if_fail (SM_IS_STUDENT (student), FALSE);

  number = sm_student_get_student_number (student);
  return number != NULL && g_str_has_prefix (number, SM_PRIVACY_ERASED_NUMBER_PREFIX) &&
         g_strcmp0 (sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_FAMILY_NAME),
                    SM_PRIVACY_ERASED_FAMILY_NAME) == 0;
}

static gboolean
check_stored (SmStore    *store,
              SmStudent  *student,
              GError    **error)
{
  gint64 id = sm_record_get_id (SM_RECORD (student));

  if (id <= 0 || sm_store_lookup (store, SM_TYPE_STUDENT, id) == NULL)
    {
      g_set_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND,
                   _("Student %s is not in the database"),
                   sm_student_get_student_number (student) != NULL ? sm_student_get_student_number (student) : "?");
      return FALSE;
    }
  return TRUE;
}

/**
 * sm_privacy_erase_student:
 * @store: the store that holds @student
 * @student: a stored student
 * @actor: (nullable): who erases, for the decision log
 *
 * Removes the student's personal data in one change, logged as
 * %SM_AUDIT_ERASURE with the student's id only. The names become
 * %SM_PRIVACY_ERASED_GIVEN_NAME and %SM_PRIVACY_ERASED_FAMILY_NAME, the
 * student number "erased-" and the id; every other personal field is
 * emptied. Everything the anonymous statistics are made of stays.
 *
 * Returns: whether the data were erased
 */
gboolean
sm_privacy_erase_student (SmStore     *store,
                          SmStudent   *student,
                          const char  *actor,
                          GError     **error)
{
  g_autoptr(SmChangeSet) changes = NULL;
  g_autoptr(SmRecord) erased = NULL;
  g_autofree char *number = NULL;
  g_autofree char *details = NULL;
  GListModel *candidates;
  const SmField *fields;
  guint n_fields, n_notes = 0;
  gint64 id;
  SmChangeLog log = { SM_AUDIT_ERASURE, actor };

  g_return_val_if_fail (SM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SM_IS_STUDENT (student), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stored (store, student, error))
    return FALSE;
  candidates = sm_store_list (store, SM_TYPE_CANDIDATE, error);
  if (candidates == NULL)
    return FALSE;

  id = sm_record_get_id (SM_RECORD (student));
  changes = sm_change_set_new ();

  /* A copy, so that the student in the lists only changes once the change
   * is stored. */
  erased = sm_record_dup (SM_RECORD (student));
  fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (erased), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (!(fields[i].flags & SM_FIELD_PERSONAL))
        continue;
      g_assert (fields[i].kind == SM_FIELD_STRING || fields[i].kind == SM_FIELD_TEXT ||
                fields[i].kind == SM_FIELD_DATE);
      sm_record_set_string (erased, i, NULL);
    }
  sm_record_set_string (erased, SM_STUDENT_FIELD_GIVEN_NAME, SM_PRIVACY_ERASED_GIVEN_NAME);
  sm_record_set_string (erased, SM_STUDENT_FIELD_FAMILY_NAME, SM_PRIVACY_ERASED_FAMILY_NAME);
  number = g_strdup_printf (SM_PRIVACY_ERASED_NUMBER_PREFIX "%" G_GINT64_FORMAT, id);
  sm_record_set_string (erased, SM_STUDENT_FIELD_STUDENT_NUMBER, number);
  sm_change_set_save (changes, erased);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(SmRecord) candidate = g_list_model_get_item (candidates, i);
      g_autoptr(SmRecord) cleared = NULL;

      if (sm_record_get_int (candidate, SM_CANDIDATE_FIELD_STUDENT_ID) != id ||
          sm_record_get_string (candidate, SM_CANDIDATE_FIELD_NOTE) == NULL)
        continue;
      cleared = sm_record_dup (candidate);
      sm_record_set_string (cleared, SM_CANDIDATE_FIELD_NOTE, NULL);
      sm_change_set_save (changes, cleared);
      n_notes++;
    }

  /* The store also forgets, on seeing this entry, what it keeps of the
   * student outside the fields: the personal code's hash and the notes
   * of decisions. */
  details = g_strdup_printf ("candidate-notes=%u", n_notes);
  log.student = erased;
  log.details = details;
  sm_change_set_log (changes, &log);

  return sm_store_apply (store, changes, error);
}

/* Access */

static void
add_record_members (JsonBuilder *builder,
                    SmRecord    *record)
{
  guint n_fields;
  const SmField *fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (record), &n_fields);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sm_record_get_id (record));

  for (guint i = 0; i < n_fields; i++)
    {
      json_builder_set_member_name (builder, fields[i].name);
      switch (fields[i].kind)
        {
        case SM_FIELD_INT:
        case SM_FIELD_REF:
          json_builder_add_int_value (builder, sm_record_get_int (record, i));
          break;
        case SM_FIELD_BOOLEAN:
          json_builder_add_boolean_value (builder, sm_record_get_int (record, i) != 0);
          break;
        case SM_FIELD_STRV:
          {
            const char * const *items = sm_record_get_strv (record, i);

            json_builder_begin_array (builder);
            for (guint j = 0; items != NULL && items[j] != NULL; j++)
              json_builder_add_string_value (builder, items[j]);
            json_builder_end_array (builder);
          }
          break;
        case SM_FIELD_STRING:
        case SM_FIELD_TEXT:
        case SM_FIELD_DATE:
        case SM_FIELD_ENUM:
        case SM_FIELD_FLAGS:
        default:
          {
            g_autofree char *text = sm_record_dup_text (record, i);

            if (text != NULL)
              json_builder_add_string_value (builder, text);
            else
              json_builder_add_null_value (builder);
          }
          break;
        }
    }
}

/* An offer as a student would name it: its title and company. */
static void
add_offer_summary (JsonBuilder *builder,
                   SmStore     *store,
                   gint64       offer_id)
{
  SmRecord *offer = sm_store_lookup (store, SM_TYPE_OFFER, offer_id);
  SmRecord *company = NULL;

  json_builder_set_member_name (builder, "offer");
  if (offer == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  company = sm_store_lookup (store, SM_TYPE_COMPANY, sm_record_get_int (offer, SM_OFFER_FIELD_COMPANY_ID));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, offer_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, sm_record_get_string (offer, SM_OFFER_FIELD_TITLE));
  json_builder_set_member_name (builder, "company");
  if (company != NULL)
    json_builder_add_string_value (builder, sm_record_get_string (company, SM_COMPANY_FIELD_NAME));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* Adds the records of @type whose @field is one of @ids as an array under
 * @name; @ids_out, if given, collects their ids. */
static gboolean
add_records (JsonBuilder  *builder,
             SmStore      *store,
             const char   *name,
             GType         type,
             guint         field,
             GHashTable   *ids,
             int           offer_field,
             GHashTable   *ids_out,
             GError      **error)
{
  GListModel *list = sm_store_list (store, type, error);

  if (list == NULL)
    return FALSE;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SmRecord) record = g_list_model_get_item (list, i);
      gint64 key = sm_record_get_int (record, field);

      if (!g_hash_table_contains (ids, &key))
        continue;

      json_builder_begin_object (builder);
      add_record_members (builder, record);
      if (offer_field >= 0)
        add_offer_summary (builder, store, sm_record_get_int (record, offer_field));
      json_builder_end_object (builder);

      if (ids_out != NULL)
        {
          gint64 *id = g_new (gint64, 1);
          *id = sm_record_get_id (record);
          g_hash_table_add (ids_out, id);
        }
    }
  json_builder_end_array (builder);
  return TRUE;
}

static void
add_id_member (JsonBuilder *builder,
               const char  *name,
               gint64       id)
{
  json_builder_set_member_name (builder, name);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * sm_privacy_student_to_json:
 * @store: the store that holds @student
 * @student: a stored student
 *
 * Everything stored about @student: every field, the programme, the
 * placements, candidacies (the code per offer), the decisions about them,
 * the reviews of their candidacies, their preferences and the entries of
 * the decision log that refer to them. Placements, candidacies, decisions
 * and preferences name their offer by title and company. The salted hash
 * of the personal code is left out: it tells nothing about the student,
 * and in a file it would let anyone try codes against it.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
sm_privacy_student_to_json (SmStore    *store,
                            SmStudent  *student,
                            GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) student_ids = id_set_new ();
  g_autoptr(GHashTable) candidate_ids = id_set_new ();
  g_autoptr(GHashTable) decision_ids = id_set_new ();
  g_autoptr(GHashTable) placement_ids = id_set_new ();
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *now = sm_audit_dup_now ();
  gint64 *id;
  SmRecord *programme;

  g_return_val_if_fail (SM_IS_STORE (store), NULL);
  g_return_val_if_fail (SM_IS_STUDENT (student), NULL);

  if (!check_stored (store, student, error))
    return NULL;
  id = g_new (gint64, 1);
  *id = sm_record_get_id (SM_RECORD (student));
  g_hash_table_add (student_ids, id);

  json_builder_begin_object (builder);
  add_string_member (builder, "format", "stagematch-personal-data");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_string_member (builder, "exported_at", now);

  json_builder_set_member_name (builder, "student");
  json_builder_begin_object (builder);
  add_record_members (builder, SM_RECORD (student));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "programme");
  programme = sm_store_lookup_key (store, SM_TYPE_PROGRAMME, sm_student_get_programme (student));
  if (programme != NULL)
    {
      json_builder_begin_object (builder);
      add_record_members (builder, programme);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  if (!add_records (builder, store, "placements", SM_TYPE_PLACEMENT, SM_PLACEMENT_FIELD_STUDENT_ID,
                    student_ids, SM_PLACEMENT_FIELD_OFFER_ID, placement_ids, error) ||
      !add_records (builder, store, "candidacies", SM_TYPE_CANDIDATE, SM_CANDIDATE_FIELD_STUDENT_ID,
                    student_ids, SM_CANDIDATE_FIELD_OFFER_ID, candidate_ids, error) ||
      !add_records (builder, store, "decisions", SM_TYPE_DECISION, SM_DECISION_FIELD_STUDENT_ID,
                    student_ids, SM_DECISION_FIELD_OFFER_ID, decision_ids, error) ||
      !add_records (builder, store, "reviews", SM_TYPE_REVIEW, SM_REVIEW_FIELD_CANDIDATE_ID,
                    candidate_ids, -1, NULL, error) ||
      !add_records (builder, store, "preferences", SM_TYPE_PREFERENCE, SM_PREFERENCE_FIELD_STUDENT_ID,
                    student_ids, SM_PREFERENCE_FIELD_OFFER_ID, NULL, error))
    return NULL;

  log = sm_store_load_audit_log (store, error);
  if (log == NULL)
    return NULL;

  json_builder_set_member_name (builder, "log");
  json_builder_begin_array (builder);
  for (guint i = 0; i < log->len; i++)
    {
      const SmAuditEntry *entry = log->pdata[i];

      if (!g_hash_table_contains (student_ids, &entry->student_id) &&
          !g_hash_table_contains (candidate_ids, &entry->candidate_id) &&
          !g_hash_table_contains (decision_ids, &entry->decision_id) &&
          !g_hash_table_contains (placement_ids, &entry->placement_id))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, entry->id);
      add_string_member (builder, "at", entry->at);
      add_string_member (builder, "actor", entry->actor);
      add_string_member (builder, "action", entry->action);
      add_id_member (builder, "offer_id", entry->offer_id);
      add_id_member (builder, "student_id", entry->student_id);
      add_id_member (builder, "candidate_id", entry->candidate_id);
      add_id_member (builder, "decision_id", entry->decision_id);
      add_id_member (builder, "placement_id", entry->placement_id);
      add_string_member (builder, "details", entry->details);
      add_string_member (builder, "hash", entry->hash);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * sm_privacy_export_student:
 * @store: the store that holds @student
 * @student: a stored student
 * @actor: (nullable): who exports, for the decision log
 * @path: the JSON file to write; replaced if it exists
 *
 * Writes sm_privacy_student_to_json() to @path, readable by its owner
 * only, in one step (a reader never sees half a file), then logs
 * %SM_AUDIT_EXPORT_PERSONAL. When the file cannot be written nothing is
 * logged; when the log cannot be written the file is removed again.
 *
 * Returns: whether the file was written and the export logged
 */
gboolean
sm_privacy_export_student (SmStore     *store,
                           SmStudent   *student,
                           const char  *actor,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(SmChangeSet) changes = NULL;
  g_autoptr(GError) write_error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  SmChangeLog log = { SM_AUDIT_EXPORT_PERSONAL, actor };

  g_return_val_if_fail (SM_IS_STORE (store), FALSE);
  g_return_val_if_fail (SM_IS_STUDENT (student), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = sm_privacy_student_to_json (store, student, error);
  if (root == NULL)
    return FALSE;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  if (!g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &write_error))
    {
      /* GLib names its temporary file; name the one that was asked for. */
      g_set_error (error, G_FILE_ERROR, write_error->code,
                   _("Could not write “%s”: check that the folder exists and that you may write in it"), path);
      return FALSE;
    }

  changes = sm_change_set_new ();
  log.student = SM_RECORD (student);
  log.details = "format=json";
  sm_change_set_log (changes, &log);
  if (!sm_store_apply (store, changes, error))
    {
      /* An export that is not in the log must not exist. */
      g_unlink (path);
      return FALSE;
    }

  return TRUE;
}
