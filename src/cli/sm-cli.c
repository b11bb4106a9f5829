/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "stagematch-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sm-cli.h"
#include "sm-anonymiser.h"
#include "sm-selection.h"
#include "sm-store.h"

/* stagematch-cli: the same core as the application, for batch work,
 * scripts and tests. Every command opens the database, does one thing in
 * one transaction and exits with 0 (done), 1 (wrong usage), 2 (bad input,
 * one line on stderr naming the field, line or value) or 3 (the database
 * could not be used). */

static const SmCliCommand commands[] = {
  { "init", "", N_("Create the database, or bring it up to date"), sm_cli_init },
  { "demo", "", N_("Fill a new database with fictional demonstration data"), sm_cli_demo },
  { "list", N_("students|companies|offers|placements|programmes"), N_("List records"), sm_cli_list },
  { "add", N_("student|company|offer|programme|placement KEY=VALUE…"), N_("Add a record"), sm_cli_add },
  { "delete", N_("KIND ID"), N_("Delete a record"), sm_cli_delete },
  { "check", "", N_("Check the database for damage"), sm_cli_check },
  { "solve", N_("FILE"), N_("Solve a placement problem from a file, without a database"), sm_cli_solve },
  { "match", "", N_("Place every student: optimal or stable matching"), sm_cli_match },
  { "explain", N_("STUDENT_NUMBER"), N_("Show which offers fit a student, and why"), sm_cli_explain },
  { "weights", "", N_("Show or change the weights of the match score"), sm_cli_weights },
  { "round", N_("add|list|criteria|rank"), N_("Put candidates forward for an offer, list them, set the rubric"), sm_cli_round },
  { "review", "", N_("Score an anonymous candidate on a criterion"), sm_cli_review },
  { "decide", "", N_("Record a decision on a candidate"), sm_cli_decide },
  { "reveal", "", N_("Show who is behind a candidate code, after a decision"), sm_cli_reveal },
  { "anonymise", N_("--offer ID [--student N] -o FILE.json|FILE.xml|FILE.txt"), N_("Write the anonymised profiles of an offer's candidates"), sm_cli_anonymise },
  { "reasons", "", N_("List the reason codes for decisions"), sm_cli_reasons },
  { "audit", N_("verify"), N_("Check that the decision log was not changed"), sm_cli_audit },
  { "report", N_("fairness [--json]"), N_("Show the fairness signals of selection"), sm_cli_report },
  { "erase", N_("STUDENT_NUMBER"), N_("Erase a student's personal data, keeping the statistics"), sm_cli_erase },
  { "export-personal", N_("STUDENT_NUMBER -o FILE.json"), N_("Write everything stored about a student to a file"), sm_cli_export_personal },
};

static const SmCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_commands (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: stagematch-cli [--database FILE] COMMAND [OPTION…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “stagematch-cli COMMAND --help” for the options of a command."));
  fprintf (out, "%s\n", _("Without --database the database in the user data folder is used."));
}

int
sm_cli_fail (GError *error)
{
  int status;

  if (error->domain == G_OPTION_ERROR)
    status = SM_CLI_USAGE;
  else if (sm_store_error_is_bad_input (error) || error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR ||
           error->domain == SM_SELECTION_ERROR || error->domain == SM_ANONYMISER_ERROR)
    status = SM_CLI_BAD_INPUT;
  else
    status = SM_CLI_DB_ERROR;

  /* One line, so that scripts and people can read it. */
  g_strdelimit (error->message, "\r\n", ' ');
  fprintf (stderr, "stagematch-cli: %s\n", error->message);
  g_error_free (error);
  return status;
}

int
sm_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "stagematch-cli: %s\n", message);
  fprintf (stderr, "%s\n", _("Run with --help to see how to use it."));
  return SM_CLI_USAGE;
}

GOptionContext *
sm_cli_option_context (const char         *name,
                       const GOptionEntry *entries)
{
  const SmCliCommand *command = find_command (name);
  g_autofree char *parameters = NULL;
  GOptionContext *context;

  g_assert (command != NULL);

  parameters = g_strdup_printf ("%s %s", command->name,
                                *command->parameters ? _(command->parameters) : "");
  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_description (context,
                                    _("Exit status: 0 done, 1 wrong usage, 2 bad input, 3 database error."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses a command's options. Returns FALSE when the command should end
 * with @status: after --help (0) or on a wrong option (1). */
gboolean
sm_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = sm_cli_usage_error (context, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

SmSqliteStore *
sm_cli_open_store (const SmCliGlobals  *globals,
                   GError             **error)
{
  g_autofree char *path = NULL;

  path = globals->database != NULL ? g_strdup (globals->database) : sm_sqlite_store_dup_default_path ();
  return sm_sqlite_store_new (path, error);
}

void
sm_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/**
 * sm_cli_record_to_json:
 *
 * Every field of @record under its field name: numbers, booleans and
 * lists as JSON values, keys of enums as strings.
 */
JsonNode *
sm_cli_record_to_json (SmRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_fields;
  const SmField *fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (record), &n_fields);

  json_builder_begin_object (builder);
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
            for (guint j = 0; items[j] != NULL; j++)
              json_builder_add_string_value (builder, items[j]);
            json_builder_end_array (builder);
          }
          break;
        case SM_FIELD_FLAGS:
          {
            g_autofree char *text = sm_record_dup_text (record, i);
            g_auto(GStrv) items = g_strsplit (text, ",", -1);

            json_builder_begin_array (builder);
            for (guint j = 0; items[j] != NULL; j++)
              if (*items[j] != '\0')
                json_builder_add_string_value (builder, items[j]);
            json_builder_end_array (builder);
          }
          break;
        case SM_FIELD_STRING:
        case SM_FIELD_TEXT:
        case SM_FIELD_DATE:
        case SM_FIELD_ENUM:
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

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Takes --database FILE (or --database=FILE) out of the arguments,
 * wherever it stands, so that it works before and after the command. */
static gboolean
take_database_option (int     *argc,
                      char   **argv,
                      char   **database)
{
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (strcmp (argv[i], "--database") == 0 || strcmp (argv[i], "-d") == 0)
        {
          if (i + 1 >= *argc)
            return FALSE;
          g_free (*database);
          *database = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--database="))
        {
          g_free (*database);
          *database = g_strdup (argv[i] + strlen ("--database="));
        }
      else
        argv[out++] = argv[i];
    }
  *argc = out;
  argv[out] = NULL;
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL;
  SmCliGlobals globals = { NULL };
  const SmCliCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!take_database_option (&argc, argv, &database))
    {
      fprintf (stderr, "stagematch-cli: %s\n", _("--database needs a file name"));
      return SM_CLI_USAGE;
    }
  if (database != NULL && *database == '\0')
    {
      fprintf (stderr, "stagematch-cli: %s\n", _("--database needs a file name"));
      return SM_CLI_USAGE;
    }
  globals.database = database;

  if (argc < 2)
    {
      print_commands (stderr);
      return SM_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      if (argc > 2 && find_command (argv[2]) != NULL)
        {
          char *help_argv[] = { argv[0], argv[2], (char *) "--help", NULL };
          return find_command (argv[2])->func (&globals, 2, help_argv + 1);
        }
      print_commands (stdout);
      return SM_CLI_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("stagematch-cli %s\n", PACKAGE_VERSION);
      return SM_CLI_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      fprintf (stderr, "stagematch-cli: ");
      fprintf (stderr, _("“%s” is not a command"), argv[1]);
      fprintf (stderr, "\n");
      print_commands (stderr);
      return SM_CLI_USAGE;
    }

  /* The command sees itself as argv[0], as GOption expects. */
  return command->func (&globals, argc - 1, argv + 1);
}
