/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "stagematch-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sm-cli.h"
#include "sm-criterion.h"
#include "sm-enums.h"
#include "sm-reason-code.h"
#include "sm-selection.h"

/* Selection rounds from the command line: round (add, list, criteria),
 * review, decide, reveal and reasons. */

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

static SmOffer *
find_offer (SmStore *store,
            gint64   id,
            int     *status)
{
  SmRecord *offer = id > 0 ? sm_store_lookup (store, SM_TYPE_OFFER, id) : NULL;

  if (offer == NULL)
    *status = bad_input (_("--offer: there is no offer %lld"), (long long) id);
  return SM_OFFER (offer);
}

static SmCandidate *
find_candidate (SmStore    *store,
                SmOffer    *offer,
                const char *code,
                int        *status)
{
  SmCandidate *candidate = code != NULL ? sm_selection_find_candidate (store, offer, code) : NULL;

  if (candidate == NULL)
    *status = bad_input (_("--candidate: offer %lld has no candidate “%s”"),
                         (long long) sm_record_get_id (SM_RECORD (offer)), code != NULL ? code : "");
  return candidate;
}

static int
round_add (SmStore    *store,
           SmOffer    *offer,
           char      **numbers,
           const char *by)
{
  g_autoptr(GPtrArray) students = g_ptr_array_new ();
  g_autoptr(GPtrArray) candidates = NULL;
  GError *error = NULL;

  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      SmRecord *student = sm_store_lookup_key (store, SM_TYPE_STUDENT, numbers[i]);

      if (student == NULL)
        return bad_input (_("--student: there is no student with student number “%s”"), numbers[i]);
      g_ptr_array_add (students, student);
    }

  if (!sm_selection_put_forward (store, offer, students, by, &candidates, &error))
    return sm_cli_fail (error);

  for (guint i = 0; i < candidates->len; i++)
    printf ("%s  %s\n", sm_student_get_student_number (students->pdata[i]),
            sm_record_get_string (candidates->pdata[i], SM_CANDIDATE_FIELD_CODE));
  return SM_CLI_OK;
}

static int
round_list (SmStore    *store,
            SmOffer    *offer,
            const char *reviewer)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) criteria = sm_selection_list_criteria (store, offer);

  printf (_("Offer %lld, %s\n"), (long long) sm_record_get_id (SM_RECORD (offer)), sm_offer_get_title (offer));
  printf ("%s", _("Criteria:"));
  for (guint i = 0; i < criteria->len; i++)
    printf ("%s %s", i ? "," : "", sm_record_get_string (criteria->pdata[i], SM_CRITERION_FIELD_NAME));
  printf ("\n");

  candidates = reviewer != NULL ? sm_selection_reviewer_order (store, offer, reviewer)
                                : sm_selection_list_candidates (store, offer);
  for (guint i = 0; i < candidates->len; i++)
    {
      SmCandidate *candidate = candidates->pdata[i];
      g_autoptr(GPtrArray) decisions = sm_selection_list_decisions (store, candidate);
      guint n_reviewers;
      double score = sm_selection_candidate_score (store, candidate, &n_reviewers);
      const char *last = decisions->len > 0
                         ? sm_decision_kind_get_display_name (sm_decision_get_kind (decisions->pdata[decisions->len - 1]))
                         : _("no decision");

      /* Coordinators see who is behind a code; reviewers get only codes. */
      if (n_reviewers > 0)
        printf ("%s  %.2f (%u)  %s\n", sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE),
                score, n_reviewers, last);
      else
        printf ("%s  %s  %s\n", sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE),
                _("not scored"), last);
    }
  return SM_CLI_OK;
}

int
sm_cli_round (const SmCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  gint64 offer_id = 0;
  g_auto(GStrv) students = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *criteria = NULL;
  g_autofree char *by = NULL;
  const GOptionEntry entries[] = {
    { "offer", 0, 0, G_OPTION_ARG_INT64, &offer_id, N_("The offer"), "ID" },
    { "student", 0, 0, G_OPTION_ARG_STRING_ARRAY, &students, N_("add: a student number; give it again for more"), "N" },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, N_("list: in the order this reviewer sees them"), "NAME" },
    { "set", 0, 0, G_OPTION_ARG_STRING, &criteria, N_("criteria: the rubric, separated by commas"), "A,B,C" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who does it"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("round", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  GError *error = NULL;
  SmOffer *offer;
  int status;

  g_option_context_set_description (context,
                                    _("round add --offer ID --student N [--student N…]   put students forward\n"
                                      "round list --offer ID [--reviewer NAME]            candidates, scores, decisions\n"
                                      "round criteria --offer ID --set A,B,C              set the rubric\n"
                                      "round rank --offer ID                              rank candidates by their scores\n"
                                      "                                                   for stable matching (blind until matched)\n\n"
                                      "Exit status: 0 done, 1 wrong usage, 2 bad input, 3 database error."));
  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || (strcmp (argv[1], "add") != 0 && strcmp (argv[1], "list") != 0 &&
                    strcmp (argv[1], "criteria") != 0 && strcmp (argv[1], "rank") != 0))
    return sm_cli_usage_error (context, _("Say add, list, criteria or rank"));
  if (offer_id == 0)
    return sm_cli_usage_error (context, _("--offer is needed"));
  /* Numbers may also come as one list: --student 1,2,3 */
  if (students != NULL && g_strv_length (students) == 1 && strchr (students[0], ',') != NULL)
    {
      g_auto(GStrv) split = g_strsplit (students[0], ",", -1);
      g_strfreev (students);
      students = g_steal_pointer (&split);
    }
  if (strcmp (argv[1], "add") == 0 && (students == NULL || students[0] == NULL))
    return sm_cli_usage_error (context, _("--student is needed"));
  if (strcmp (argv[1], "criteria") == 0 && criteria == NULL)
    return sm_cli_usage_error (context, _("--set is needed"));

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  offer = find_offer (SM_STORE (store), offer_id, &status);
  if (offer == NULL)
    return status;

  if (strcmp (argv[1], "add") == 0)
    return round_add (SM_STORE (store), offer, students, by);
  if (strcmp (argv[1], "list") == 0)
    return round_list (SM_STORE (store), offer, reviewer);
  if (strcmp (argv[1], "rank") == 0)
    {
      if (!sm_selection_rank_by_reviews (SM_STORE (store), offer, &error))
        return sm_cli_fail (error);
      printf ("%s\n", _("The scored candidates are ranked; stable matching now follows this ranking for the offer."));
      return round_list (SM_STORE (store), offer, NULL);
    }

  {
    g_auto(GStrv) names = g_strsplit (criteria, ",", -1);
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) clean = NULL;

    for (guint i = 0; names[i] != NULL; i++)
      if (*g_strstrip (names[i]) != '\0')
        g_strv_builder_add (builder, names[i]);
    clean = g_strv_builder_end (builder);
    if (!sm_selection_set_criteria (SM_STORE (store), offer, (const char * const *) clean, &error))
      return sm_cli_fail (error);
    return round_list (SM_STORE (store), offer, NULL);
  }
}

int
sm_cli_review (const SmCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  gint64 offer_id = 0;
  g_autofree char *reviewer = NULL;
  g_autofree char *code = NULL;
  g_autofree char *criterion = NULL;
  int score = 0;
  const GOptionEntry entries[] = {
    { "offer", 0, 0, G_OPTION_ARG_INT64, &offer_id, N_("The offer"), "ID" },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, N_("The reviewer’s name"), "NAME" },
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &code, N_("The candidate code"), "CODE" },
    { "criterion", 0, 0, G_OPTION_ARG_STRING, &criterion, N_("A criterion of the offer’s rubric"), "NAME" },
    { "score", 0, 0, G_OPTION_ARG_INT, &score, N_("From 1 (poor) to 5 (excellent)"), "1-5" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("review", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  SmCandidate *candidate;
  GError *error = NULL;
  SmOffer *offer;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);
  if (offer_id == 0 || reviewer == NULL || code == NULL || criterion == NULL || score == 0)
    return sm_cli_usage_error (context, _("--offer, --reviewer, --candidate, --criterion and --score are needed"));
  if (score < 1 || score > 5)
    return bad_input (_("--score: %d is not a score from 1 to 5"), score);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  if ((offer = find_offer (SM_STORE (store), offer_id, &status)) == NULL ||
      (candidate = find_candidate (SM_STORE (store), offer, code, &status)) == NULL)
    return status;

  if (!sm_selection_review (SM_STORE (store), candidate, reviewer, criterion, (guint) score, &error))
    return sm_cli_fail (error);
  printf (_("%s scored %s on “%s”: %d\n"), reviewer,
          sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE), criterion, score);
  return SM_CLI_OK;
}

int
sm_cli_decide (const SmCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  gint64 offer_id = 0;
  gint64 corrects = 0;
  g_autofree char *code = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *note = NULL;
  g_autofree char *by = NULL;
  const GOptionEntry entries[] = {
    { "offer", 0, 0, G_OPTION_ARG_INT64, &offer_id, N_("The offer"), "ID" },
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &code, N_("The candidate code"), "CODE" },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("invite, reserve, reject, accept or declined"), "KIND" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("A reason code; needed to reject (see “reasons”)"), "CODE" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), "TEXT" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who decided"), "NAME" },
    { "corrects", 0, 0, G_OPTION_ARG_INT64, &corrects, N_("The decision this one corrects"), "ID" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("decide", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(SmDecision) decision = NULL;
  g_autoptr(GEnumClass) kinds = g_type_class_ref (SM_TYPE_DECISION_KIND);
  GEnumValue *kind;
  SmCandidate *candidate;
  GError *error = NULL;
  SmOffer *offer;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);
  if (offer_id == 0 || code == NULL || kind_text == NULL || by == NULL)
    return sm_cli_usage_error (context, _("--offer, --candidate, --decision and --by are needed"));
  kind = g_enum_get_value_by_nick (kinds, kind_text);
  if (kind == NULL)
    return bad_input (_("--decision: “%s” is not invite, reserve, reject, accept or declined"), kind_text);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  if ((offer = find_offer (SM_STORE (store), offer_id, &status)) == NULL ||
      (candidate = find_candidate (SM_STORE (store), offer, code, &status)) == NULL)
    return status;

  decision = sm_selection_decide (SM_STORE (store), candidate, (SmDecisionKind) kind->value,
                                  reason, note, by, corrects, &error);
  if (decision == NULL)
    return sm_cli_fail (error);
  printf (_("Decision %lld on %s: %s\n"), (long long) sm_record_get_id (SM_RECORD (decision)),
          sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE),
          sm_decision_kind_get_display_name ((SmDecisionKind) kind->value));
  return SM_CLI_OK;
}

int
sm_cli_reveal (const SmCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  gint64 offer_id = 0;
  g_autofree char *code = NULL;
  g_autofree char *by = NULL;
  const GOptionEntry entries[] = {
    { "offer", 0, 0, G_OPTION_ARG_INT64, &offer_id, N_("The offer"), "ID" },
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &code, N_("The candidate code"), "CODE" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who asks"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("reveal", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autofree char *name = NULL;
  SmCandidate *candidate;
  SmStudent *student;
  GError *error = NULL;
  SmOffer *offer;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);
  if (offer_id == 0 || code == NULL)
    return sm_cli_usage_error (context, _("--offer and --candidate are needed"));

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  if ((offer = find_offer (SM_STORE (store), offer_id, &status)) == NULL ||
      (candidate = find_candidate (SM_STORE (store), offer, code, &status)) == NULL)
    return status;

  student = sm_selection_reveal (SM_STORE (store), candidate, by, &error);
  if (student == NULL)
    return sm_cli_fail (error);

  name = sm_student_dup_full_name (student);
  printf ("%s: %s (%s)\n", sm_record_get_string (SM_RECORD (candidate), SM_CANDIDATE_FIELD_CODE),
          name, sm_student_get_student_number (student));
  if (sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_EMAIL) != NULL)
    printf ("  %s\n", sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_EMAIL));
  if (sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_PHONE) != NULL)
    printf ("  %s\n", sm_record_get_string (SM_RECORD (student), SM_STUDENT_FIELD_PHONE));
  return SM_CLI_OK;
}

int
sm_cli_reasons (const SmCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autofree char *add = NULL;
  g_autofree char *retire = NULL;
  const GOptionEntry entries[] = {
    { "add", 0, 0, G_OPTION_ARG_STRING, &add, N_("Add a reason: a code, “=”, and what it means"), "CODE=TEXT" },
    { "retire", 0, 0, G_OPTION_ARG_STRING, &retire, N_("Stop offering a reason; earlier decisions keep it"), "CODE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("reasons", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  GListModel *model;
  GError *error = NULL;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);
  if (add != NULL && strchr (add, '=') == NULL)
    return sm_cli_usage_error (context, _("--add: write CODE=TEXT"));

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);

  if (add != NULL)
    {
      g_autoptr(SmReasonCode) reason = sm_reason_code_new ();
      g_auto(GStrv) parts = g_strsplit (add, "=", 2);

      if (!sm_record_set_from_text (SM_RECORD (reason), "code", parts[0], &error) ||
          !sm_record_set_from_text (SM_RECORD (reason), "label", parts[1], &error) ||
          !sm_store_save (SM_STORE (store), SM_RECORD (reason), &error))
        return sm_cli_fail (error);
    }
  if (retire != NULL)
    {
      SmRecord *reason = sm_store_lookup_key (SM_STORE (store), SM_TYPE_REASON_CODE, retire);
      g_autoptr(SmRecord) changed = NULL;

      if (reason == NULL)
        return bad_input (_("--retire: “%s” is not a reason code"), retire);
      changed = sm_record_dup (reason);
      sm_record_set_int (changed, SM_REASON_CODE_FIELD_ACTIVE, FALSE);
      if (!sm_store_save (SM_STORE (store), changed, &error))
        return sm_cli_fail (error);
    }

  model = sm_store_list (SM_STORE (store), SM_TYPE_REASON_CODE, &error);
  if (model == NULL)
    return sm_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRecord) reason = g_list_model_get_item (model, i);

      printf ("%-26s %s%s\n", sm_record_get_string (reason, SM_REASON_CODE_FIELD_CODE),
              sm_record_get_string (reason, SM_REASON_CODE_FIELD_LABEL),
              sm_record_get_int (reason, SM_REASON_CODE_FIELD_ACTIVE) ? "" : _(" (no longer in use)"));
    }
  return SM_CLI_OK;
}
