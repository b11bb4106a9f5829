/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "stagematch-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sm-cli.h"
#include "sm-company.h"
#include "sm-demo.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-student.h"

/* The commands that create, show, change and check records. */

GType
sm_cli_record_type_from_kind (const char *kind)
{
  static const struct { const char *singular, *plural; } kinds[] = {
    { "student", "students" },
    { "company", "companies" },
    { "offer", "offers" },
    { "placement", "placements" },
    { "programme", "programmes" },
  };
  GType types[] = { SM_TYPE_STUDENT, SM_TYPE_COMPANY, SM_TYPE_OFFER, SM_TYPE_PLACEMENT, SM_TYPE_PROGRAMME };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].singular) == 0 || g_strcmp0 (kind, kinds[i].plural) == 0)
      return types[i];
  return G_TYPE_INVALID;
}

int
sm_cli_init (const SmCliGlobals *globals,
             int                 argc,
             char              **argv)
{
  g_autoptr(GOptionContext) context = sm_cli_option_context ("init", NULL);
  g_autoptr(SmSqliteStore) store = NULL;
  GError *error = NULL;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);

  if (sm_sqlite_store_get_backup_path (store) != NULL)
    printf (_("The database was updated; the earlier version is kept in %s\n"),
            sm_sqlite_store_get_backup_path (store));
  printf (_("Database %s is ready (schema version %d)\n"),
          sm_sqlite_store_get_path (store), sm_sqlite_store_get_schema_version (store));
  return SM_CLI_OK;
}

static gboolean
store_is_empty (SmStore *store)
{
  GType types[] = { SM_TYPE_STUDENT, SM_TYPE_COMPANY, SM_TYPE_OFFER, SM_TYPE_PROGRAMME };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GListModel *model = sm_store_list (store, types[i], NULL);
      if (model == NULL || g_list_model_get_n_items (model) > 0)
        return FALSE;
    }
  return TRUE;
}

int
sm_cli_demo (const SmCliGlobals *globals,
             int                 argc,
             char              **argv)
{
  int n_students = 1000;
  int n_offers = 500;
  gint64 seed = 1;
  const GOptionEntry entries[] = {
    { "students", 0, 0, G_OPTION_ARG_INT, &n_students, N_("Number of students (default 1000)"), "N" },
    { "offers", 0, 0, G_OPTION_ARG_INT, &n_offers, N_("Number of internship offers (default 500)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The same seed gives the same data (default 1)"), "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("demo", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(GTimer) timer = NULL;
  SmDemoOptions options;
  GError *error = NULL;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);
  if (n_students < 0 || n_students > 1000000)
    {
      fprintf (stderr, "stagematch-cli: %s\n", _("--students: give a number from 0 to 1,000,000"));
      return SM_CLI_BAD_INPUT;
    }
  if (n_offers < 0 || n_offers > 1000000)
    {
      fprintf (stderr, "stagematch-cli: %s\n", _("--offers: give a number from 0 to 1,000,000"));
      return SM_CLI_BAD_INPUT;
    }

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);

  if (!store_is_empty (SM_STORE (store)))
    {
      fprintf (stderr, "stagematch-cli: ");
      fprintf (stderr, _("%s already holds data; demonstration data goes into a new database"),
               sm_sqlite_store_get_path (store));
      fprintf (stderr, "\n");
      return SM_CLI_BAD_INPUT;
    }

  options.n_students = (guint) n_students;
  options.n_offers = (guint) n_offers;
  options.seed = (guint64) seed;

  timer = g_timer_new ();
  if (!sm_demo_generate (SM_STORE (store), &options, &error))
    return sm_cli_fail (error);

  printf (_("Made %u students and %u offers in %s (seed %lld, %.1f s)\n"),
          g_list_model_get_n_items (sm_store_list (SM_STORE (store), SM_TYPE_STUDENT, NULL)),
          g_list_model_get_n_items (sm_store_list (SM_STORE (store), SM_TYPE_OFFER, NULL)),
          sm_sqlite_store_get_path (store), (long long) seed, g_timer_elapsed (timer, NULL));
  return SM_CLI_OK;
}

/* Tables for people: columns padded to the widest cell. */

static void
print_table (GPtrArray *rows)
{
  g_autofree guint *widths = NULL;
  guint n_columns;

  if (rows->len == 0)
    return;

  n_columns = g_strv_length (rows->pdata[0]);
  widths = g_new0 (guint, n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < n_columns)
            for (guint pad = g_utf8_strlen (row[c], -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      printf ("%s\n", line->str);
    }
}

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

static void
builder_take (GStrvBuilder *builder,
              char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static char **
row_for (SmStore  *store,
         SmRecord *record)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **row;

  builder_take (builder, g_strdup_printf ("%" G_GINT64_FORMAT, sm_record_get_id (record)));

  if (SM_IS_STUDENT (record))
    {
      SmStudent *student = SM_STUDENT (record);

      builder_take (builder, dup_or_empty (sm_student_get_student_number (student)));
      builder_take (builder, sm_student_dup_full_name (student));
      builder_take (builder, dup_or_empty (sm_student_get_class_name (student)));
      g_strv_builder_add (builder, sm_level_get_short_name (sm_student_get_level (student)));
      builder_take (builder, dup_or_empty (sm_student_get_programme (student)));
    }
  else if (SM_IS_COMPANY (record))
    {
      builder_take (builder, sm_record_dup_text (record, SM_COMPANY_FIELD_KVK_NUMBER));
      builder_take (builder, sm_record_dup_text (record, SM_COMPANY_FIELD_NAME));
      builder_take (builder, sm_record_dup_text (record, SM_COMPANY_FIELD_SECTOR));
      builder_take (builder, dup_or_empty (sm_record_get_string (record, SM_COMPANY_FIELD_CITY)));
    }
  else if (SM_IS_OFFER (record))
    {
      SmRecord *company = sm_store_lookup (store, SM_TYPE_COMPANY, sm_offer_get_company_id (SM_OFFER (record)));

      builder_take (builder, company != NULL ? sm_record_dup_title (company) : g_strdup ("?"));
      builder_take (builder, sm_record_dup_text (record, SM_OFFER_FIELD_TITLE));
      builder_take (builder, sm_record_dup_text (record, SM_OFFER_FIELD_LEVELS));
      builder_take (builder, sm_record_dup_text (record, SM_OFFER_FIELD_PLACES));
      builder_take (builder, g_strdup_printf ("%s – %s",
                                                     sm_record_get_string (record, SM_OFFER_FIELD_START_DATE),
                                                     sm_record_get_string (record, SM_OFFER_FIELD_END_DATE)));
    }
  else if (SM_IS_PLACEMENT (record))
    {
      SmPlacement *placement = SM_PLACEMENT (record);
      SmRecord *student = sm_store_lookup (store, SM_TYPE_STUDENT, sm_placement_get_student_id (placement));
      SmRecord *offer = sm_store_lookup (store, SM_TYPE_OFFER, sm_placement_get_offer_id (placement));

      builder_take (builder, student != NULL ? dup_or_empty (sm_student_get_student_number (SM_STUDENT (student))) : g_strdup ("?"));
      builder_take (builder, offer != NULL ? sm_record_dup_title (offer) : g_strdup ("?"));
      g_strv_builder_add (builder, sm_placement_status_get_display_name (sm_placement_get_status (placement)));
    }
  else if (SM_IS_PROGRAMME (record))
    {
      builder_take (builder, sm_record_dup_text (record, SM_PROGRAMME_FIELD_CODE));
      builder_take (builder, sm_record_dup_text (record, SM_PROGRAMME_FIELD_EDUCATION));
      builder_take (builder, sm_record_dup_text (record, SM_PROGRAMME_FIELD_SECTOR));
      builder_take (builder, sm_record_dup_text (record, SM_PROGRAMME_FIELD_NAME));
    }

  row = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return row;
}

static char **
header_for (GType type)
{
  const char *students[] = { N_("ID"), N_("Student number"), N_("Name"), N_("Class"), N_("Level"), N_("Programme"), NULL };
  const char *companies[] = { N_("ID"), N_("KvK number"), N_("Name"), N_("Sector"), N_("Town"), NULL };
  const char *offers[] = { N_("ID"), N_("Company"), N_("Title"), N_("Levels"), N_("Places"), N_("Period"), NULL };
  const char *placements[] = { N_("ID"), N_("Student number"), N_("Offer"), N_("Status"), NULL };
  const char *programmes[] = { N_("ID"), N_("Code"), N_("Type of education"), N_("Sector"), N_("Name"), NULL };
  const char **header;
  char **out;
  guint n;

  if (type == SM_TYPE_STUDENT)
    header = students;
  else if (type == SM_TYPE_COMPANY)
    header = companies;
  else if (type == SM_TYPE_OFFER)
    header = offers;
  else if (type == SM_TYPE_PLACEMENT)
    header = placements;
  else
    header = programmes;

  n = g_strv_length ((char **) header);
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (_(header[i]));
  return out;
}

int
sm_cli_list (const SmCliGlobals *globals,
             int                 argc,
             char              **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print every field as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sm_cli_option_context ("list", entries);
  g_autoptr(SmSqliteStore) store = NULL;
  GListModel *model;
  GError *error = NULL;
  GType type;
  int status;

  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sm_cli_usage_error (context, _("Say what to list: students, companies, offers, placements or programmes"));

  type = sm_cli_record_type_from_kind (argv[1]);
  if (type == G_TYPE_INVALID)
    return sm_cli_usage_error (context, _("“%s” cannot be listed; use students, companies, offers, placements or programmes"), argv[1]);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  model = sm_store_list (SM_STORE (store), type, &error);
  if (model == NULL)
    return sm_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SmRecord) record = g_list_model_get_item (model, i);
          json_array_add_element (array, sm_cli_record_to_json (record));
        }
      json_node_set_array (root, array);
      sm_cli_print_json (root);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_ptr_array_add (rows, header_for (type));
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SmRecord) record = g_list_model_get_item (model, i);
          g_ptr_array_add (rows, row_for (SM_STORE (store), record));
        }
      print_table (rows);
    }

  return SM_CLI_OK;
}

int
sm_cli_add (const SmCliGlobals *globals,
            int                 argc,
            char              **argv)
{
  g_autoptr(GOptionContext) context = sm_cli_option_context ("add", NULL);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(SmRecord) record = NULL;
  g_autofree char *title = NULL;
  GError *error = NULL;
  GType type;
  int status;

  g_option_context_set_description (context,
                                    _("Fields are given as KEY=VALUE, for example\n"
                                      "  stagematch-cli add student student_number=123456 given_name=Sara "
                                      "family_name=Yilmaz level=mbo-3 pathway=bol postcode=\"3011 AB\"\n"
                                      "Lists are separated by commas; yes/no for choices; dates as 2026-09-01.\n\n"
                                      "Exit status: 0 done, 1 wrong usage, 2 bad input, 3 database error."));
  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return sm_cli_usage_error (context, _("Say what to add: student, company, offer, programme or placement"));

  type = sm_cli_record_type_from_kind (argv[1]);
  if (type == G_TYPE_INVALID)
    return sm_cli_usage_error (context, _("“%s” cannot be added; use student, company, offer, programme or placement"), argv[1]);

  record = g_object_new (type, NULL);
  for (int i = 2; i < argc; i++)
    {
      const char *equals = strchr (argv[i], '=');
      g_autofree char *key = NULL;

      if (equals == NULL || equals == argv[i])
        return sm_cli_usage_error (context, _("“%s” is not KEY=VALUE"), argv[i]);
      key = g_strndup (argv[i], equals - argv[i]);
      if (g_strcmp0 (key, "id") == 0)
        return sm_cli_usage_error (context, _("The id is given by the database and cannot be set"));
      if (!sm_record_set_from_text (record, key, equals + 1, &error))
        return sm_cli_fail (error);
    }

  /* Validate before the database is opened, so that bad input never
   * creates or changes a file. */
  if (!sm_record_validate (record, &error))
    return sm_cli_fail (error);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  if (!sm_store_save (SM_STORE (store), record, &error))
    return sm_cli_fail (error);

  title = sm_record_dup_title (record);
  printf (_("Added %s “%s” (id %lld)\n"),
          sm_record_class_get_noun (SM_RECORD_GET_CLASS (record)), title, (long long) sm_record_get_id (record));
  return SM_CLI_OK;
}

int
sm_cli_delete (const SmCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  g_autoptr(GOptionContext) context = sm_cli_option_context ("delete", NULL);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autofree char *title = NULL;
  SmRecord *record;
  GError *error = NULL;
  gint64 id;
  GType type;
  int status;

  g_option_context_set_description (context,
                                    _("ID is the number in the first column of “list”. A student can also be "
                                      "named by student number, a company by KvK number and a programme by code; "
                                      "those are tried first.\n\n"
                                      "Exit status: 0 done, 1 wrong usage, 2 bad input, 3 database error."));
  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sm_cli_usage_error (context, _("Say what to delete: KIND ID, for example “delete student 123456”"));

  type = sm_cli_record_type_from_kind (argv[1]);
  if (type == G_TYPE_INVALID)
    return sm_cli_usage_error (context, _("“%s” cannot be deleted; use student, company, offer, programme or placement"), argv[1]);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);

  record = sm_store_lookup_key (SM_STORE (store), type, argv[2]);
  if (record == NULL && g_ascii_string_to_signed (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    record = sm_store_lookup (SM_STORE (store), type, id);
  if (record == NULL)
    {
      fprintf (stderr, "stagematch-cli: ");
      fprintf (stderr, _("There is no %s “%s”"), argv[1], argv[2]);
      fprintf (stderr, "\n");
      return SM_CLI_BAD_INPUT;
    }

  title = sm_record_dup_title (record);
  if (!sm_store_delete (SM_STORE (store), record, &error))
    return sm_cli_fail (error);

  printf (_("Deleted %s “%s”\n"), argv[1], title);
  return SM_CLI_OK;
}

int
sm_cli_check (const SmCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(GOptionContext) context = sm_cli_option_context ("check", NULL);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  int status;

  g_option_context_set_description (context,
                                    _("Runs SQLite's integrity and foreign key checks and compares the schema "
                                      "version. Exit status: 0 in order, 1 wrong usage, 3 problems found or the "
                                      "database could not be opened."));
  if (!sm_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sm_cli_usage_error (context, _("“%s” was not expected"), argv[1]);

  store = sm_cli_open_store (globals, &error);
  if (store == NULL)
    return sm_cli_fail (error);
  if (!sm_store_check (SM_STORE (store), problems, &error))
    return sm_cli_fail (error);

  for (guint i = 0; i < problems->len; i++)
    fprintf (stderr, "stagematch-cli: %s\n", (char *) problems->pdata[i]);
  if (problems->len > 0)
    return SM_CLI_DB_ERROR;

  printf (_("%s is in order: integrity and foreign keys checked, schema version %d\n"),
          sm_sqlite_store_get_path (store), sm_sqlite_store_get_schema_version (store));
  return SM_CLI_OK;
}
