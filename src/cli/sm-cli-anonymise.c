/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "stagematch-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sm-anonymiser.h"
#include "sm-cli.h"
#include "sm-profile.h"
#include "sm-selection.h"
#include "sm-student.h"

/* anonymise: the anonymised profiles of an offer's candidates, in a file
 * for the company. The profiles are made and checked in memory first;
 * the file is written only when all of them pass, and then in one step,
 * so a refused profile leaves no file behind. */

typedef enum
{
  FORMAT_JSON,
  FORMAT_XML,
  FORMAT_TEXT,
} Format;

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

/* A profile that would give a student away is for the coordinator to
 * edit: bad input, not a database error. */
static int
fail (GError *error)
{
  if (error->domain == SM_ANONYMISER_ERROR && error->code == SM_ANONYMISER_ERROR_LEAK)
    {
      g_strdelimit (error->message, "\r\n", ' ');
      fprintf (stderr, "stagematch-cli: %s\n", error->message);
      g_error_free (error);
      return SM_CLI_BAD_INPUT;
    }
  return sm_cli_fail (error);
}

static gboolean
format_from_name (const char *path,
                  Format     *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json"))
    *format = FORMAT_JSON;
  else if (g_str_has_suffix (lower, ".xml"))
    *format = FORMAT_XML;
  else if (g_str_has_suffix (lower, ".txt"))
    *format = FORMAT_TEXT;
  else
    return FALSE;
  return TRUE;
}

int
sm_cli_anonymise (const SmCliGlobals *globals,
                  int                 argc,
                  char              **argv)
{
  gint64 offer_id = 0;
  g_autofree char *number = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "offer", 0, 0, G_OPTION_ARG_INT64, &offer_id, N_("The offer whose candidates to write"), "ID" },
    { "student", 0, 0, G_OPTION_ARG_STRING, &number, N_("Only the candidate who is this student"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .json, .xml or .txt"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("anonymise", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  GError *error = NULL;
  SmRecord *offer;
  Format format;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);
  if (offer_id == 0 || output == NULL)
    return sm_cli_usage_error (context, _("--offer and -o are needed"));
  if (!format_from_name (output, &format))
    return bad_input (_("-o: give a file name ending in .json, .xml or .txt"));

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);

  offer = offer_id > 0 ? sm_store_lookup (SM_STORE (store), SM_TYPE_OFFER, offer_id) : NULL;
  if (offer == NULL)
    return bad_input (_("--offer: there is no offer %lld"), (long long) offer_id);

  if (number != NULL)
    {
      SmRecord *student = sm_store_lookup_key (SM_STORE (store), SM_TYPE_STUDENT, number);
      SmCandidate *candidate;

      if (student == NULL)
        return bad_input (_("--student: there is no student with number %s"), number);
      candidate = sm_selection_find_student (SM_STORE (store), SM_OFFER (offer), SM_STUDENT (student));
      if (candidate == NULL)
        return bad_input (_("--student: student %s is not a candidate for offer %lld; put the student forward first with “stagematch-cli round add --offer %lld --student %s”"),
                          number, (long long) offer_id, (long long) offer_id, number);
      candidates = g_ptr_array_new ();
      g_ptr_array_add (candidates, candidate);
    }
  else
    {
      candidates = sm_selection_list_candidates (SM_STORE (store), SM_OFFER (offer));
      if (candidates->len == 0)
        return bad_input (_("Offer %lld has no candidates yet; put students forward first with “stagematch-cli round add --offer %lld --student N”"),
                          (long long) offer_id, (long long) offer_id);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      SmProfile *profile = sm_profile_new (SM_STORE (store), candidates->pdata[i], &error);

      if (profile == NULL)
        return fail (error);
      g_ptr_array_add (profiles, profile);
    }

  switch (format)
    {
    case FORMAT_JSON:
      text = sm_profile_list_to_json (profiles, &error);
      break;
    case FORMAT_XML:
      text = sm_profile_list_to_xml (profiles, &error);
      break;
    case FORMAT_TEXT:
    default:
      text = sm_profile_list_to_text (profiles, &error);
      break;
    }
  if (text == NULL)
    return fail (error);

  /* A temporary file in the same folder, renamed over the target. */
  if (!g_file_set_contents_full (output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
    return sm_cli_fail (error);

  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u anonymised profile to %s\n",
                       "Wrote %u anonymised profiles to %s\n", profiles->len),
          profiles->len, output);
  return SM_CLI_OK;
}
