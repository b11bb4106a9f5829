/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sm-sqlite-store.h"

G_BEGIN_DECLS

/* Exit statuses, the same for every command. */
enum
{
  SM_CLI_OK         = 0,
  SM_CLI_USAGE      = 1,  /* wrong command line */
  SM_CLI_BAD_INPUT  = 2,  /* a field, line or value that is not right */
  SM_CLI_DB_ERROR   = 3,  /* the database could not be used */
};

typedef struct
{
  const char *database;  /* --database, or NULL for the default */
} SmCliGlobals;

typedef int (*SmCliFunc) (const SmCliGlobals *globals,
                          int                 argc,
                          char              **argv);

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  SmCliFunc   func;
} SmCliCommand;

int            sm_cli_fail            (GError             *error);
int            sm_cli_usage_error     (GOptionContext     *context,
                                       const char         *format,
                                       ...) G_GNUC_PRINTF (2, 3);
GOptionContext *sm_cli_option_context (const char         *name,
                                       const GOptionEntry *entries);
gboolean       sm_cli_parse           (GOptionContext     *context,
                                       int                *argc,
                                       char             ***argv,
                                       int                *status);
SmSqliteStore *sm_cli_open_store      (const SmCliGlobals *globals,
                                       GError            **error);
void           sm_cli_print_json      (JsonNode           *node);
JsonNode      *sm_cli_record_to_json  (SmRecord           *record);
GType          sm_cli_record_type_from_kind (const char   *kind);

int sm_cli_init    (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_demo    (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_list    (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_add     (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_delete  (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_check   (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_solve   (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_match   (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_explain (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_weights (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_round   (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_review  (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_decide  (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_reveal  (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_reasons (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_audit   (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_report  (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_erase   (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_export_personal (const SmCliGlobals *globals, int argc, char **argv);
int sm_cli_anonymise (const SmCliGlobals *globals, int argc, char **argv);

G_END_DECLS
