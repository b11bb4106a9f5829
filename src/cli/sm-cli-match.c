/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "stagematch-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sm-cli.h"
#include "sm-company.h"
#include "sm-matcher.h"
#include "sm-selection.h"

/* match, explain and weights: matching from the command line. */

static gboolean
parse_mode (const char  *text,
            SmMatchMode *mode)
{
  if (text == NULL || g_strcmp0 (text, "optimal") == 0)
    *mode = SM_MATCH_MODE_OPTIMAL;
  else if (g_strcmp0 (text, "stable") == 0)
    *mode = SM_MATCH_MODE_STABLE;
  else
    return FALSE;
  return TRUE;
}

static char *
offer_label (SmStore *store,
             SmOffer *offer)
{
  SmRecord *company = sm_store_lookup (store, SM_TYPE_COMPANY, sm_offer_get_company_id (offer));

  return g_strdup_printf (_("%s at %s"), sm_offer_get_title (offer),
                          company != NULL ? sm_company_get_name (SM_COMPANY (company)) : "?");
}

static void
print_json_result (SmMatcher   *matcher,
                   SmMatchMode  mode,
                   guint64      seed,
                   GArray      *placements,
                   SmMatchRun  *run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint assigned = 0;
  gint64 total = 0;

  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);
      if (placement->offer != NULL)
        assigned++, total += placement->score;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, mode == SM_MATCH_MODE_STABLE ? "stable" : "optimal");
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, (gint64) (seed & G_MAXINT64));
  json_builder_set_member_name (builder, "assigned");
  json_builder_add_int_value (builder, assigned);
  json_builder_set_member_name (builder, "unassigned");
  json_builder_add_int_value (builder, placements->len - assigned);
  json_builder_set_member_name (builder, "already_placed");
  json_builder_add_int_value (builder, sm_matcher_get_n_fixed (matcher));
  json_builder_set_member_name (builder, "total_score");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "feasible_pairs");
  json_builder_add_int_value (builder, (gint64) sm_matcher_get_n_candidates (matcher));
  if (run != NULL)
    {
      json_builder_set_member_name (builder, "run");
      json_builder_add_int_value (builder, sm_record_get_id (SM_RECORD (run)));
    }

  json_builder_set_member_name (builder, "placements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);

      if (placement->offer == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "student");
      json_builder_add_string_value (builder, sm_student_get_student_number (placement->student));
      json_builder_set_member_name (builder, "offer");
      json_builder_add_int_value (builder, sm_record_get_id (SM_RECORD (placement->offer)));
      json_builder_set_member_name (builder, "score");
      json_builder_add_int_value (builder, placement->score);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "not_placed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);
      if (placement->offer == NULL)
        json_builder_add_string_value (builder, sm_student_get_student_number (placement->student));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  sm_cli_print_json (root);
}

static void
print_text_result (SmStore     *store,
                   SmMatcher   *matcher,
                   SmMatchMode  mode,
                   guint64      seed,
                   GArray      *placements,
                   SmMatchRun  *run)
{
  guint assigned = 0;
  gint64 total = 0;

  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);
      if (placement->offer != NULL)
        assigned++, total += placement->score;
    }

  for (guint i = 0; i < placements->len; i++)
    {
      const SmMatchPlacement *placement = &g_array_index (placements, SmMatchPlacement, i);

      if (placement->offer != NULL)
        {
          g_autofree char *label = offer_label (store, placement->offer);
          printf ("%-10s %6" G_GINT64_FORMAT "  %4u  %s\n", sm_student_get_student_number (placement->student),
                  sm_record_get_id (SM_RECORD (placement->offer)), placement->score, label);
        }
      else
        printf ("%-10s %6s  %4s  %s\n", sm_student_get_student_number (placement->student), "-", "-", _("not placed"));
    }

  printf ("\n");
  if (mode == SM_MATCH_MODE_STABLE)
    printf (_("Stable matching, lottery seed %llu\n"), (unsigned long long) seed);
  else
    printf ("%s\n", _("Optimal matching"));
  printf (_("Placed: %u · not placed: %u · already placed and kept: %u\n"),
          assigned, placements->len - assigned, sm_matcher_get_n_fixed (matcher));
  printf (_("Total score: %lld · feasible pairs: %llu, found in %.2f s\n"), (long long) total,
          (unsigned long long) sm_matcher_get_n_candidates (matcher), sm_matcher_get_candidate_seconds (matcher));
  if (run != NULL)
    printf (_("Stored as proposed placements of run %lld\n"), (long long) sm_record_get_id (SM_RECORD (run)));
}

int
sm_cli_match (const SmCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autofree char *mode_text = NULL;
  gint64 seed = -1;
  gboolean apply = FALSE;
  gboolean reveal = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode_text, N_("optimal (the default): as many students placed as possible, "
                                                         "then the highest total score; stable: no student and offer "
                                                         "would both rather have each other"), "MODE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the lottery that breaks ties in the stable mode; "
                                                  "without it a new seed is drawn and printed"), "S" },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply, N_("Store the result as proposed placements"), NULL },
    { "reveal", 0, 0, G_OPTION_ARG_NONE, &reveal, N_("With --apply: reveal the candidates who were matched "
                                                     "(blind until matched); the reveals are logged"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("match", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(SmMatcher) matcher = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(SmMatchRun) run = NULL;
  GError *error = NULL;
  SmMatchMode mode;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);
  if (reveal && !apply)
    return sm_cli_usage_error (context, "%s", _("--reveal needs --apply"));
  if (!parse_mode (mode_text, &mode))
    return sm_cli_usage_error (context, _("--mode: “%s” is not optimal or stable"), mode_text);
  if (seed < -1)
    {
      fprintf (stderr, "stagematch-cli: %s\n", _("--seed: give a number of 0 or more"));
      return SM_CLI_BAD_INPUT;
    }
  if (seed == -1)
    seed = mode == SM_MATCH_MODE_STABLE ? (gint64) (g_random_int () & G_MAXINT32) : 0;

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);

  matcher = sm_matcher_new (SM_STORE (store), &error);
  if (matcher == NULL || !sm_matcher_run (matcher, mode, (guint64) seed, &placements, &error))
    return sm_cli_fail (error);
  if (apply && !sm_matcher_apply (matcher, mode, (guint64) seed, placements, &run, &error))
    return sm_cli_fail (error);
  if (reveal)
    {
      guint n = sm_selection_reveal_matches (SM_STORE (store), run, NULL, &error);

      if (error != NULL)
        return sm_cli_fail (error);
      if (!json)
        printf (ngettext ("%u matched candidate revealed\n", "%u matched candidates revealed\n", n), n);
    }

  if (json)
    print_json_result (matcher, mode, (guint64) seed, placements, run);
  else
    print_text_result (SM_STORE (store), matcher, mode, (guint64) seed, placements, run);
  return SM_CLI_OK;
}

static void
print_explanation (SmStore            *store,
                   SmOffer            *offer,
                   SmMatchExplanation *explanation)
{
  g_autofree char *label = offer_label (store, offer);

  if (explanation->feasible)
    {
      g_autofree char *parts = sm_match_explanation_format (explanation);
      printf (_("Offer %lld, %s: fits, score %u\n  %s\n"),
              (long long) sm_record_get_id (SM_RECORD (offer)), label, explanation->score, parts);
    }
  else
    {
      printf (_("Offer %lld, %s: does not fit\n"), (long long) sm_record_get_id (SM_RECORD (offer)), label);
      for (guint i = 0; i < explanation->reasons->len; i++)
        printf ("  – %s\n", (const char *) explanation->reasons->pdata[i]);
    }
}

int
sm_cli_explain (const SmCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  gint64 offer_id = 0;
  int limit = 10;
  const GOptionEntry entries[] = {
    { "offer", 0, 0, G_OPTION_ARG_INT64, &offer_id, N_("Explain this offer: its score, or why it does not fit"), "ID" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("How many of the best offers to show (default 10)"), "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("explain", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(SmMatcher) matcher = NULL;
  g_autoptr(GArray) candidates = NULL;
  SmRecord *student;
  GError *error = NULL;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sm_cli_usage_error (context, _("Name one student by student number"));
  if (limit < 1)
    {
      fprintf (stderr, "stagematch-cli: %s\n", _("--limit: give a number of 1 or more"));
      return SM_CLI_BAD_INPUT;
    }

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);

  student = sm_store_lookup_key (SM_STORE (store), SM_TYPE_STUDENT, argv[1]);
  if (student == NULL)
    {
      fprintf (stderr, "stagematch-cli: ");
      fprintf (stderr, _("There is no student with student number “%s”"), argv[1]);
      fprintf (stderr, "\n");
      return SM_CLI_BAD_INPUT;
    }

  matcher = sm_matcher_new (SM_STORE (store), &error);
  if (matcher == NULL)
    return sm_cli_fail (error);

  if (offer_id != 0)
    {
      SmRecord *offer = sm_store_lookup (SM_STORE (store), SM_TYPE_OFFER, offer_id);
      g_auto(SmMatchExplanation) explanation = { 0 };

      if (offer == NULL)
        {
          fprintf (stderr, "stagematch-cli: ");
          fprintf (stderr, _("--offer: there is no offer %lld"), (long long) offer_id);
          fprintf (stderr, "\n");
          return SM_CLI_BAD_INPUT;
        }
      sm_matcher_explain (matcher, SM_STUDENT (student), SM_OFFER (offer), &explanation);
      printf (_("Student %s\n"), argv[1]);
      print_explanation (SM_STORE (store), SM_OFFER (offer), &explanation);
      return SM_CLI_OK;
    }

  candidates = sm_matcher_list_candidates (matcher, SM_STUDENT (student));
  printf (ngettext ("Student %s: %u offer fits\n", "Student %s: %u offers fit\n", candidates->len),
          argv[1], candidates->len);
  if (candidates->len == 0)
    printf ("%s\n", _("Run “explain STUDENT_NUMBER --offer ID” to see why an offer does not fit."));
  for (guint i = 0; i < candidates->len && i < (guint) limit; i++)
    {
      const SmMatchPlacement *candidate = &g_array_index (candidates, SmMatchPlacement, i);
      g_auto(SmMatchExplanation) explanation = { 0 };

      sm_matcher_explain (matcher, SM_STUDENT (student), candidate->offer, &explanation);
      print_explanation (SM_STORE (store), candidate->offer, &explanation);
    }
  return SM_CLI_OK;
}

int
sm_cli_weights (const SmCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autofree char *set = NULL;
  gboolean reset = FALSE;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set, N_("Change weights, for example programme=300,distance=200; "
                                                 "together at most 1000"), "NAME=N,…" },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset, N_("Go back to the default weights"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("weights", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  SmMatchWeights weights;
  GError *error = NULL;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);

  if (reset)
    sm_match_weights_init_default (&weights);
  else if (!sm_match_weights_load (&weights, SM_STORE (store), &error))
    return sm_cli_fail (error);

  if (set != NULL && !sm_match_weights_parse (&weights, set, &error))
    return sm_cli_fail (error);
  if ((set != NULL || reset) && !sm_match_weights_save (&weights, SM_STORE (store), &error))
    return sm_cli_fail (error);

  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    printf ("%-12s %4u  %s\n", sm_match_component_to_key (i), weights.weight[i], sm_match_component_get_label (i));
  return SM_CLI_OK;
}
