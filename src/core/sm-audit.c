/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-audit.h"

/* The decision log is a hash chain: every entry carries the SHA-256 of the
 * entry before it and of its own content. Changing any byte of an entry
 * changes its hash, which then no longer matches the stored one, nor the
 * prev_hash of the entry after it; so verification names the first entry
 * that was touched. SQLite triggers refuse UPDATE and DELETE; the chain
 * catches what goes around them. What the chain alone cannot show is the
 * newest entries cut off the end: keep a copy of the last hash (the
 * verify command prints it) to detect that. */

void
sm_audit_entry_free (SmAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->details);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}

/* Texts go into the hash with their length before them and a NULL as a
 * mark of its own, so that no two different entries hash the same
 * content, whatever characters their fields hold. */
static void
hash_text (GString    *content,
           const char *text)
{
  if (text == NULL)
    g_string_append (content, "-\n");
  else
    g_string_append_printf (content, "%" G_GSIZE_FORMAT ":%s\n", strlen (text), text);
}

static void
hash_int (GString *content,
          gint64   value)
{
  g_string_append_printf (content, "%" G_GINT64_FORMAT "\n", value);
}

/**
 * sm_audit_entry_compute_hash:
 * @entry: an entry with every field but its own hash set
 *
 * Returns: the SHA-256, in lower-case hex, of the previous hash and every
 *   field of @entry but its own hash
 */
char *
sm_audit_entry_compute_hash (const SmAuditEntry *entry)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) content = g_string_new ("stagematch-audit-1\n");

  g_return_val_if_fail (entry != NULL, NULL);

  hash_text (content, entry->prev_hash);
  hash_int (content, entry->id);
  hash_text (content, entry->at);
  hash_text (content, entry->actor);
  hash_text (content, entry->action);
  hash_int (content, entry->offer_id);
  hash_int (content, entry->student_id);
  hash_int (content, entry->candidate_id);
  hash_int (content, entry->decision_id);
  hash_int (content, entry->placement_id);
  hash_text (content, entry->details);

  g_checksum_update (checksum, (const guchar *) content->str, content->len);
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * sm_audit_entry_dup_detail:
 * @key: a key of the entry's details, such as "status"
 *
 * Returns: (nullable): the value of @key in the details
 *   ("status=confirmed;from=proposed"), or %NULL
 */
char *
sm_audit_entry_dup_detail (const SmAuditEntry *entry,
                           const char         *key)
{
  g_auto(GStrv) pairs = NULL;
  gsize key_len;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (entry->details == NULL)
    return NULL;

  key_len = strlen (key);
  pairs = g_strsplit (entry->details, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    if (strncmp (pairs[i], key, key_len) == 0 && pairs[i][key_len] == '=')
      return g_strdup (pairs[i] + key_len + 1);
  return NULL;
}

/**
 * sm_audit_details_are_valid:
 * @details: (nullable): the details of an entry
 *
 * The details are key=value pairs separated by ";": keys of lower-case
 * letters, digits and hyphens, values of printable ASCII without spaces,
 * ";" or "=". They hold ids, codes and states; the form keeps out names
 * and other free text, which the log must never hold.
 *
 * Returns: whether @details has that form; %NULL and "" have it
 */
gboolean
sm_audit_details_are_valid (const char *details)
{
  g_auto(GStrv) pairs = NULL;

  if (details == NULL || *details == '\0')
    return TRUE;

  pairs = g_strsplit (details, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');

      if (equals == NULL || equals == pairs[i])
        return FALSE;
      for (const char *p = pairs[i]; p < equals; p++)
        if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
          return FALSE;
      for (const char *p = equals + 1; *p != '\0'; p++)
        if (!g_ascii_isgraph (*p) || *p == '=')
          return FALSE;
    }
  return TRUE;
}

/**
 * sm_audit_dup_now:
 *
 * Returns: the current time in UTC, ISO 8601 to the second
 *   ("2026-09-14T10:21:07Z"), as log entries carry it
 */
char *
sm_audit_dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * sm_audit_verify:
 * @store: the store whose log to check
 * @first_bad: (out): the id of the first entry that does not match, or 0
 *   when the whole chain is intact
 * @n_entries: (out) (optional): how many entries were checked
 *
 * Recomputes the chain from the first entry. An entry does not match when
 * its hash is not that of its content, when it does not carry the hash of
 * the entry before it, or when it is not where its id says (an entry was
 * taken out or renumbered: the id that is missing is named).
 *
 * Returns: %FALSE only if the log could not be read; whether the chain is
 *   intact is told by @first_bad
 */
gboolean
sm_audit_verify (SmStore  *store,
                 gint64   *first_bad,
                 guint64  *n_entries,
                 GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  const char *previous = SM_AUDIT_GENESIS_HASH;
  gint64 expected_id = 1;

  g_return_val_if_fail (SM_IS_STORE (store), FALSE);
  g_return_val_if_fail (first_bad != NULL, FALSE);

  *first_bad = 0;
  if (n_entries != NULL)
    *n_entries = 0;

  entries = sm_store_load_audit_log (store, error);
  if (entries == NULL)
    return FALSE;
  if (n_entries != NULL)
    *n_entries = entries->len;

  for (guint i = 0; i < entries->len; i++)
    {
      const SmAuditEntry *entry = entries->pdata[i];
      g_autofree char *hash = sm_audit_entry_compute_hash (entry);

      /* Ids run from 1 without gaps: at the first one out of place an
       * entry was taken out or renumbered, and the id expected there is
       * where the chain breaks. */
      if (entry->id != expected_id)
        {
          *first_bad = expected_id;
          return TRUE;
        }
      if (g_strcmp0 (entry->prev_hash, previous) != 0 ||
          g_strcmp0 (entry->hash, hash) != 0)
        {
          *first_bad = entry->id;
          return TRUE;
        }
      previous = entry->hash;
      expected_id++;
    }

  return TRUE;
}
