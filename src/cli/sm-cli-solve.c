/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "stagematch-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "sm-assignment.h"
#include "sm-cli.h"
#include "sm-problem.h"
#include "sm-stable.h"

/* stagematch-cli solve: the solvers on a plain problem file, without a
 * database, so that they can be checked against known optima and
 * benchmarked on their own. The output is for programs:
 *
 *   objective <total score>
 *   assigned <count>
 *   a <student> <offer>      for every placed student, in student order
 */

int
sm_cli_solve (const SmCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autofree char *mode = NULL;
  g_autofree char *seed_text = NULL;
  const GOptionEntry entries[] = {
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &mode,
      N_("optimal: most students, then the highest total score (default); "
         "stable: deferred acceptance, students proposing"), N_("MODE") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the lottery that breaks ties in stable mode (default 1)"), "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("solve", entries);
  g_autoptr(SmProblem) problem = NULL;
  g_autoptr(SmSolution) solution = NULL;
  GError *error = NULL;
  gboolean stable = FALSE;
  guint64 seed = 1;
  const char *path;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return sm_cli_usage_error (context, "%s", _("Give the file with the problem"));
  if (argc > 2)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[2]);

  if (mode == NULL || g_str_equal (mode, "optimal"))
    stable = FALSE;
  else if (g_str_equal (mode, "stable"))
    stable = TRUE;
  else
    return sm_cli_usage_error (context, _("--mode is optimal or stable, not “%s”"), mode);

  if (seed_text != NULL)
    {
      if (!stable)
        return sm_cli_usage_error (context, "%s", _("--seed is only used with --mode stable"));
      if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
        return sm_cli_usage_error (context, _("--seed needs a whole number from 0 to %llu, not “%s”"),
                                   (unsigned long long) G_MAXUINT64, seed_text);
    }

  path = argv[1];
  problem = sm_problem_new_from_file (path, &error);
  if (problem == NULL)
    {
      /* Parse errors name the line; say which file they are in. */
      g_strdelimit (error->message, "\r\n", ' ');
      if (error->domain == SM_PROBLEM_ERROR)
        fprintf (stderr, "stagematch-cli: %s: %s\n", path, error->message);
      else
        fprintf (stderr, "stagematch-cli: %s\n", error->message);
      g_error_free (error);
      return SM_CLI_BAD_INPUT;
    }

  if (stable ? !sm_stable_solve (problem, seed, &solution, NULL, &error)
             : !sm_assignment_solve (problem, &solution, NULL, &error))
    return sm_cli_fail (error);

  printf ("objective %" G_GINT64_FORMAT "\n", solution->total_score);
  printf ("assigned %u\n", solution->n_assigned);
  for (guint s = 0; s < solution->n_students; s++)
    if (solution->offers[s] >= 0)
      printf ("a %u %d\n", s, solution->offers[s]);

  if (fflush (stdout) != 0)
    {
      fprintf (stderr, "stagematch-cli: ");
      fprintf (stderr, _("Could not write the result: %s"), g_strerror (errno));
      fprintf (stderr, "\n");
      return SM_CLI_BAD_INPUT;
    }
  return SM_CLI_OK;
}
