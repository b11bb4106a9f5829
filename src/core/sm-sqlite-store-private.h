/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "sm-change-set.h"
#include "sm-record.h"
#include "sm-sqlite-store.h"

G_BEGIN_DECLS

/* SmSqliteStore is split by concern: opening, migrating, settings and
 * checking in sm-sqlite-store.c; the statements, values and lists of each
 * table in sm-sqlite-store-tables.c; applying change sets in
 * sm-sqlite-store-apply.c; the decision log and erasure in
 * sm-sqlite-store-log.c. */

typedef struct
{
  GType         type;
  SmRecordClass *klass;
  sqlite3_stmt *select_all;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *delete;
  sqlite3_stmt *select_key;
  sqlite3_stmt *count;
  GHashTable   *count_by; /* referring and summed field → statement, prepared when first asked for */
  GListStore   *list;     /* NULL until first asked for */
  GHashTable   *by_key;   /* natural key → record, while list is loaded */
  GHashTable   *key_of;   /* record → the key it is indexed under */
} Table;

struct _SmSqliteStore
{
  GObject   parent_instance;

  char     *path;
  char     *backup_path;
  sqlite3  *db;
  int       schema_version;
  GArray   *tables;       /* of Table */

  /* The decision log; prepared when first needed. */
  sqlite3_stmt *log_placement_status;
  sqlite3_stmt *log_candidate_id;
};

/* sm-sqlite-store.c */
gboolean      sm_sqlite_store_db_error   (SmSqliteStore  *self,
                                          GError        **error,
                                          const char     *doing);
gboolean      sm_sqlite_store_exec       (SmSqliteStore  *self,
                                          const char     *sql,
                                          GError        **error);
sqlite3_stmt *sm_sqlite_store_prepare    (SmSqliteStore  *self,
                                          const char     *sql,
                                          GError        **error);
gboolean      sm_sqlite_store_step_done  (SmSqliteStore  *self,
                                          sqlite3_stmt   *stmt,
                                          GError        **error);

/* sm-sqlite-store-tables.c */
gboolean      sm_sqlite_store_table_prepare (SmSqliteStore  *self,
                                             Table          *table,
                                             GError        **error);
Table        *sm_sqlite_store_find_table    (SmSqliteStore  *self,
                                             GType           type);
void          sm_sqlite_store_bind_record   (Table          *table,
                                             sqlite3_stmt   *stmt,
                                             SmRecord       *record);
const char   *sm_sqlite_store_record_key    (Table          *table,
                                             SmRecord       *record);
void          sm_sqlite_store_index_remove  (Table          *table,
                                             SmRecord       *record);
void          sm_sqlite_store_index_add     (Table          *table,
                                             SmRecord       *record);
GListModel   *sm_sqlite_store_list          (SmStore        *store,
                                             GType           record_type,
                                             GError        **error);
guint         sm_sqlite_store_count         (SmStore        *store,
                                             GType           record_type,
                                             GError        **error);
GHashTable   *sm_sqlite_store_count_by      (SmStore        *store,
                                             GType           record_type,
                                             guint           ref_field,
                                             int             sum_field,
                                             GError        **error);
SmRecord     *sm_sqlite_store_lookup_key    (SmStore        *store,
                                             GType           record_type,
                                             const char     *key);

/* sm-sqlite-store-apply.c */
gboolean      sm_sqlite_store_apply         (SmStore        *store,
                                             SmChangeSet    *changes,
                                             GError        **error);

/* sm-sqlite-store-log.c */
void          sm_sqlite_store_auto_log_free (gpointer        data);
gboolean      sm_sqlite_store_check_logs    (SmChangeSet    *changes,
                                             GError        **error);
gboolean      sm_sqlite_store_read_placement_status (SmSqliteStore  *self,
                                                     gint64          id,
                                                     char          **status,
                                                     GError        **error);
void          sm_sqlite_store_collect_auto_log (SmChangeSet *changes,
                                                guint        position,
                                                gint64       old_id,
                                                const char  *old_status,
                                                GPtrArray   *autos);
gboolean      sm_sqlite_store_write_logs    (SmSqliteStore  *self,
                                             SmChangeSet    *changes,
                                             GPtrArray      *autos,
                                             GArray         *erased,
                                             GError        **error);
void          sm_sqlite_store_finish_erasure (SmSqliteStore *self,
                                              GArray        *erased,
                                              GHashTable    *changed_types);
GPtrArray    *sm_sqlite_store_load_audit_log (SmStore       *store,
                                              GError       **error);

G_END_DECLS
