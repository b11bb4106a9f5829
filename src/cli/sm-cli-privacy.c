/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "stagematch-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sm-audit.h"
#include "sm-cli.h"
#include "sm-fairness.h"
#include "sm-privacy.h"
#include "sm-student.h"

/* The decision log, the fairness report and the rights of students:
 * audit verify, report fairness, erase and export-personal. */

static int
bad_input (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

static int
bad_input (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "stagematch-cli: %s\n", message);
  return SM_CLI_BAD_INPUT;
}

int
sm_cli_audit (const SmCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(GOptionContext) context = sm_cli_option_context ("audit", NULL);
  g_autoptr(SmSqliteStore) store = NULL;
  GError *error = NULL;
  gint64 first_bad = 0;
  guint64 n_entries = 0;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2 || strcmp (argv[1], "verify") != 0)
    return sm_cli_usage_error (context, _("Say what to do: audit verify"));
  if (argc > 2)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[2]);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  if (!sm_audit_verify (SM_STORE (store), &first_bad, &n_entries, &error))
    return sm_cli_fail (error);

  if (first_bad != 0)
    {
      printf (_("Entry %lld does not match: it or the log before it was changed\n"), (long long) first_bad);
      return 1;
    }

  printf (ngettext ("The decision log is intact: %llu entry\n",
                    "The decision log is intact: %llu entries\n", (unsigned long) MIN (n_entries, G_MAXULONG)),
          (unsigned long long) n_entries);
  if (n_entries > 0)
    {
      g_autoptr(GPtrArray) log = sm_store_load_audit_log (SM_STORE (store), NULL);

      /* Kept elsewhere, the last hash shows later whether entries were
       * cut off the end, which the chain itself cannot. */
      if (log != NULL && log->len > 0)
        {
          const SmAuditEntry *last = log->pdata[log->len - 1];
          printf (_("Last entry %lld has hash %s\n"), (long long) last->id, last->hash);
        }
    }
  return SM_CLI_OK;
}

int
sm_cli_report (const SmCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("report", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(SmFairnessReport) report = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2 || strcmp (argv[1], "fairness") != 0)
    return sm_cli_usage_error (context, _("Say which report: report fairness"));
  if (argc > 2)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[2]);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  report = sm_fairness_report_new (SM_STORE (store), &error);
  if (report == NULL)
    return sm_cli_fail (error);

  text = json ? sm_fairness_report_to_json_data (report) : sm_fairness_report_to_text (report);
  printf ("%s\n", text);
  return SM_CLI_OK;
}

static SmStudent *
find_student (SmStore    *store,
              const char *number,
              int        *status)
{
  SmRecord *student = sm_store_lookup_key (store, SM_TYPE_STUDENT, number);

  if (student == NULL)
    *status = bad_input (_("There is no student with student number “%s”"), number);
  return SM_STUDENT (student);
}

int
sm_cli_erase (const SmCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autofree char *by = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who erases (default: your user name)"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("erase", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autofree char *number = NULL;
  SmStudent *student;
  GError *error = NULL;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sm_cli_usage_error (context, _("Name one student by student number"));

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  student = find_student (SM_STORE (store), argv[1], &status);
  if (student == NULL)
    return status;

  if (!sm_privacy_erase_student (SM_STORE (store), student, by != NULL ? by : g_get_user_name (), &error))
    return sm_cli_fail (error);

  number = g_strdup (sm_student_get_student_number (student));
  printf (_("Erased the personal data of student %s, now known as %s\n"), argv[1], number);
  printf ("%s\n", _("Copies outside this database, such as backups and exported files, are not changed."));
  return SM_CLI_OK;
}

int
sm_cli_export_personal (const SmCliGlobals *globals,
                        int                 argc,
                        char              **argv)
{
  g_autofree char *by = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The JSON file to write"), "FILE" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who exports (default: your user name)"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("export-personal", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  SmStudent *student;
  GError *error = NULL;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sm_cli_usage_error (context, _("Name one student by student number"));
  if (output == NULL || *output == '\0')
    return sm_cli_usage_error (context, _("-o FILE.json is needed"));

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  student = find_student (SM_STORE (store), argv[1], &status);
  if (student == NULL)
    return status;

  if (!sm_privacy_export_student (SM_STORE (store), student, by != NULL ? by : g_get_user_name (), output, &error))
    return sm_cli_fail (error);

  printf (_("Wrote everything stored about student %s to %s\n"), argv[1], output);
  return SM_CLI_OK;
}
