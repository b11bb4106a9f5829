/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "sm-change-set.h"
#include "sm-record.h"
#include "sm-sqlite-store.h"
#include "sm-store.h"

G_BEGIN_DECLS

/* Helpers shared by the unit tests. Every one of them fails the test
 * (g_error() or an assertion) instead of returning an error. */

/* Temporary folders */

char          *sm_test_make_dir     (const char *name);
void           sm_test_remove_tree  (const char *path);

/* Stores */

SmSqliteStore *sm_test_open_store   (const char *path);

/* Raw SQLite, to go around the store */

sqlite3       *sm_test_raw_open     (const char *path,
                                     int         flags);
void           sm_test_raw_exec     (sqlite3    *db,
                                     const char *sql);
gint64         sm_test_raw_int      (sqlite3    *db,
                                     const char *sql);
gint64         sm_test_file_int     (const char *path,
                                     const char *sql);
char          *sm_test_dump_tables  (const char         *path,
                                     const char * const *tables);
void           sm_test_assert_same_dump (const char *before,
                                         const char *after);

/* Records */

void           sm_test_set_text     (SmRecord   *record,
                                     const char *name,
                                     const char *text);
void           sm_test_set_id       (SmRecord   *record,
                                     const char *name,
                                     SmRecord   *target);
char          *sm_test_id_text      (SmRecord   *record);
void           sm_test_save         (SmStore    *store,
                                     SmRecord   *record);
void           sm_test_apply        (SmStore     *store,
                                     SmChangeSet *changes);

G_END_DECLS
