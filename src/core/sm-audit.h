/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-store.h"

G_BEGIN_DECLS

/* What the decision log records. */
#define SM_AUDIT_DECISION          "decision"
#define SM_AUDIT_REVEAL            "reveal"
#define SM_AUDIT_PLACEMENT_STATUS  "placement-status"
#define SM_AUDIT_EXPORT_PERSONAL   "export-personal"
/* An erasure entry naming a student also makes the store forget what it
 * keeps of that student outside the record fields (the hash of the
 * personal code, the notes of decisions), in the same transaction. */
#define SM_AUDIT_ERASURE           "erasure"
#define SM_AUDIT_CANDIDATE         "candidate"

/**
 * SmAuditEntry:
 * @id: its place in the log, from 1
 * @at: when, in UTC, ISO 8601
 * @actor: (nullable): who, as they named themselves
 * @action: one of the SM_AUDIT_ actions
 * @offer_id: the offer concerned, or 0
 * @student_id: the student concerned, or 0
 * @candidate_id: the candidate concerned, or 0
 * @decision_id: the decision concerned, or 0
 * @placement_id: the placement concerned, or 0
 * @details: (nullable): key=value pairs separated by ";", never personal
 *   data
 * @prev_hash: the hash of the entry before, or 64 zeros for the first
 * @hash: SHA-256, in hex, of @prev_hash and this entry's content
 *
 * One entry of the append-only decision log. It holds ids, not names, so
 * that erasing a student's personal data leaves the log intact.
 */
typedef struct
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *action;
  gint64  offer_id;
  gint64  student_id;
  gint64  candidate_id;
  gint64  decision_id;
  gint64  placement_id;
  char   *details;
  char   *prev_hash;
  char   *hash;
} SmAuditEntry;

#define SM_AUDIT_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

void      sm_audit_entry_free          (SmAuditEntry        *entry);
char     *sm_audit_entry_compute_hash  (const SmAuditEntry  *entry);
char     *sm_audit_entry_dup_detail    (const SmAuditEntry  *entry,
                                        const char          *key);
gboolean  sm_audit_details_are_valid   (const char          *details);
char     *sm_audit_dup_now             (void);
gboolean  sm_audit_verify              (SmStore             *store,
                                        gint64              *first_bad,
                                        guint64             *n_entries,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmAuditEntry, sm_audit_entry_free)

G_END_DECLS
