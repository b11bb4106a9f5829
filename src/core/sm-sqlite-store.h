/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-store.h"

G_BEGIN_DECLS

#define SM_SQLITE_STORE_SCHEMA_VERSION 4

#define SM_TYPE_SQLITE_STORE (sm_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (SmSqliteStore, sm_sqlite_store, SM, SQLITE_STORE, GObject)

SmSqliteStore *sm_sqlite_store_new              (const char  *path,
                                                 GError     **error);
char          *sm_sqlite_store_dup_default_path (void);
const char    *sm_sqlite_store_get_path         (SmSqliteStore *self);
int            sm_sqlite_store_get_schema_version (SmSqliteStore *self);
const char    *sm_sqlite_store_get_backup_path  (SmSqliteStore *self);

G_END_DECLS
