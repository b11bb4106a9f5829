/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* Runs the real stagematch-cli and checks exit statuses, the one-line
 * messages for bad input, and that a failing command changes nothing. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run_argv (Result      *result,
          const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SM_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_exit_status (process);
}

#define run(result, ...) G_STMT_START { \
  const char *args_[] = { __VA_ARGS__, NULL }; \
  run_argv (result, args_); \
} G_STMT_END

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* Bad input: status 2 and exactly one line on stderr containing @needle. */
static void
assert_bad_input (Result     *result,
                  const char *needle)
{
  if (result->status != 2 || strstr (result->err, needle) == NULL)
    g_error ("expected status 2 and “%s”, got %d: %s", needle, result->status, result->err);
  g_assert_cmpuint (count_lines (result->err), ==, 1);
}

static char *
list_json (Fixture    *fixture,
           const char *kind)
{
  g_auto(Result) result = { 0 };

  run (&result, "--database", fixture->db, "list", kind, "--json");
  g_assert_cmpint (result.status, ==, 0);
  return g_steal_pointer (&result.out);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stagematch-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "school.db", NULL);

  run (&result, "--database", fixture->db, "add", "programme", "code=25604",
       "name=Medewerker ICT support", "education=mbo", "sector=ict");
  g_assert_cmpint (result.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static void
add_student (Fixture    *fixture,
             const char *number)
{
  g_autofree char *arg = g_strdup_printf ("student_number=%s", number);
  g_auto(Result) result = { 0 };

  run (&result, "--database", fixture->db, "add", "student", arg, "given_name=Sara",
       "family_name=Yilmaz", "level=mbo-3", "pathway=bol", "programme=25604", "postcode=3011ab");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Sara Yilmaz"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Result) none = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) no_kind = { 0 };
  g_auto(Result) bad_kind = { 0 };
  g_auto(Result) no_equals = { 0 };
  g_auto(Result) bad_option = { 0 };

  run (&none, "--database", fixture->db, NULL);
  g_assert_cmpint (none.status, ==, 1);
  run (&unknown, "--database", fixture->db, "frobnicate");
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  run (&no_kind, "--database", fixture->db, "list");
  g_assert_cmpint (no_kind.status, ==, 1);
  run (&bad_kind, "--database", fixture->db, "list", "teachers");
  g_assert_cmpint (bad_kind.status, ==, 1);
  g_assert_nonnull (strstr (bad_kind.err, "teachers"));
  run (&no_equals, "--database", fixture->db, "add", "student", "given_name");
  g_assert_cmpint (no_equals.status, ==, 1);
  run (&bad_option, "--database", fixture->db, "list", "students", "--colour");
  g_assert_cmpint (bad_option.status, ==, 1);
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const char *commands[] = { "init", "demo", "list", "add", "delete", "check", "match", "explain", "weights", "solve",
                             "round", "review", "decide", "reveal", "reasons" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Result) result = { 0 };

      run (&result, commands[i], "--help");
      g_assert_cmpint (result.status, ==, 0);
      g_assert_nonnull (strstr (result.out, commands[i]));
      g_assert_nonnull (strstr (result.out, "Exit status"));
    }
}

static void
test_add_bad_input (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) postcode = { 0 };
  g_auto(Result) field = { 0 };
  g_auto(Result) level = { 0 };
  g_auto(Result) programme = { 0 };
  g_auto(Result) duplicate = { 0 };
  g_auto(Result) missing = { 0 };
  g_auto(Result) kvk = { 0 };
  g_auto(Result) places = { 0 };

  add_student (fixture, "100001");
  before = list_json (fixture, "students");

  run (&postcode, "--database", fixture->db, "add", "student", "student_number=100002",
       "given_name=Daan", "family_name=Jansen", "level=mbo-2", "pathway=bbl", "postcode=12AB");
  assert_bad_input (&postcode, "Postcode: “12AB” is not a Dutch postcode");

  run (&field, "--database", fixture->db, "add", "student", "shoe_size=44");
  assert_bad_input (&field, "shoe_size");

  run (&level, "--database", fixture->db, "add", "student", "student_number=100003",
       "given_name=Daan", "family_name=Jansen", "level=mbo-7");
  assert_bad_input (&level, "Level: “mbo-7” is not one of: vmbo-bb");

  run (&programme, "--database", fixture->db, "add", "student", "student_number=100004",
       "given_name=Daan", "family_name=Jansen", "level=mbo-2", "pathway=bol", "programme=99999");
  assert_bad_input (&programme, "Programme: “99999”");

  run (&duplicate, "--database", fixture->db, "add", "student", "student_number=100001",
       "given_name=Noor", "family_name=Bakker", "level=mbo-2", "pathway=bol");
  assert_bad_input (&duplicate, "Student number: “100001” is already in use");

  run (&missing, "--database", fixture->db, "add", "student", "student_number=100005", "given_name=Noor");
  assert_bad_input (&missing, "Family name: must be filled in");

  run (&kvk, "--database", fixture->db, "add", "company", "name=Bakkerij Yilmaz", "kvk_number=1234");
  assert_bad_input (&kvk, "KvK number: “1234”");

  run (&places, "--database", fixture->db, "add", "offer", "company_id=1", "title=Stage",
       "levels=mbo-2", "start_date=2026-09-01", "end_date=2027-01-31", "places=0");
  assert_bad_input (&places, "Places: 0 is not between 1 and");

  after = list_json (fixture, "students");
  g_assert_cmpstr (before, ==, after);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Result) company = { 0 };
  g_auto(Result) offer = { 0 };
  g_auto(Result) refused = { 0 };
  g_auto(Result) missing = { 0 };
  g_auto(Result) deleted = { 0 };
  g_auto(Result) offer_deleted = { 0 };
  g_autofree char *companies = NULL;
  g_autofree char *students = NULL;

  add_student (fixture, "200001");

  run (&company, "--database", fixture->db, "add", "company", "name=Techniek Rijnmond BV",
       "kvk_number=24123456", "sector=technology");
  g_assert_cmpint (company.status, ==, 0);
  run (&offer, "--database", fixture->db, "add", "offer", "company_id=1", "title=Monteur",
       "levels=mbo-2,mbo-3", "start_date=01-09-2026", "end_date=31-01-2027", "programmes=25604");
  g_assert_cmpint (offer.status, ==, 0);

  run (&refused, "--database", fixture->db, "delete", "company", "24123456");
  assert_bad_input (&refused, "other records refer to it: 1 offer");
  companies = list_json (fixture, "companies");
  g_assert_nonnull (strstr (companies, "Techniek Rijnmond BV"));

  run (&missing, "--database", fixture->db, "delete", "student", "999999");
  assert_bad_input (&missing, "999999");

  run (&deleted, "--database", fixture->db, "delete", "student", "200001");
  g_assert_cmpint (deleted.status, ==, 0);
  students = list_json (fixture, "students");
  g_assert_null (strstr (students, "200001"));

  run (&offer_deleted, "--database", fixture->db, "delete", "offer", "1");
  g_assert_cmpint (offer_deleted.status, ==, 0);
}

static void
test_list_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_auto(Result) table = { 0 };
  JsonArray *array;
  JsonObject *first;

  add_student (fixture, "300001");
  add_student (fixture, "300002");

  json = list_json (fixture, "students");
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "student_number"), ==, "300001");
  g_assert_cmpstr (json_object_get_string_member (first, "postcode"), ==, "3011 AB");
  g_assert_cmpstr (json_object_get_string_member (first, "level"), ==, "mbo-3");

  run (&table, "--database", fixture->db, "list", "students");
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "300002"));
  g_assert_cmpuint (count_lines (table.out), ==, 3);
}

static void
test_demo_and_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.db", NULL);
  g_auto(Result) demo = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) check = { 0 };
  g_auto(Result) not_number = { 0 };
  g_auto(Result) negative = { 0 };

  run (&not_number, "--database", path, "demo", "--students", "many");
  g_assert_cmpint (not_number.status, ==, 1);
  run (&negative, "--database", path, "demo", "--students", "-5");
  assert_bad_input (&negative, "--students");

  run (&demo, "--database", path, "demo", "--students", "300", "--offers", "150", "--seed", "7");
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "300 students"));

  run (&again, "--database", path, "demo");
  assert_bad_input (&again, "already holds data");

  run (&check, "--database", path, "check");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "in order"));
}

static void
test_database_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (text, "Stagelijst klas 3B\n", -1, &error);
  g_assert_no_error (error);

  run (&result, "--database", text, "list", "students");
  g_assert_cmpint (result.status, ==, 3);
  g_assert_nonnull (strstr (result.err, "is not a Stagematch database"));
  g_assert_cmpuint (count_lines (result.err), ==, 1);

  g_file_get_contents (text, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "Stagelijst klas 3B\n");
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_match (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.db", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_auto(Result) demo = { 0 };
  g_auto(Result) optimal = { 0 };
  g_auto(Result) stable1 = { 0 };
  g_auto(Result) stable2 = { 0 };
  g_auto(Result) bad_mode = { 0 };
  g_auto(Result) bad_seed = { 0 };
  g_auto(Result) text = { 0 };
  JsonObject *result;
  JsonArray *placements;
  gint64 assigned, unassigned, total = 0;

  run (&demo, "--database", path, "demo", "--students", "400", "--offers", "200", "--seed", "3");
  g_assert_cmpint (demo.status, ==, 0);

  run (&optimal, "--database", path, "match", "--json");
  g_assert_cmpint (optimal.status, ==, 0);
  result = parse_object (parser, optimal.out);
  assigned = json_object_get_int_member (result, "assigned");
  unassigned = json_object_get_int_member (result, "unassigned");
  g_assert_cmpint (assigned, >, 0);
  g_assert_cmpint (assigned + unassigned + json_object_get_int_member (result, "already_placed"), ==, 400);
  placements = json_object_get_array_member (result, "placements");
  g_assert_cmpint (json_array_get_length (placements), ==, assigned);
  for (guint i = 0; i < json_array_get_length (placements); i++)
    {
      JsonObject *placement = json_array_get_object_element (placements, i);

      g_assert_true (json_object_has_member (placement, "student"));
      g_assert_cmpint (json_object_get_int_member (placement, "offer"), >, 0);
      total += json_object_get_int_member (placement, "score");
    }
  g_assert_cmpint (total, ==, json_object_get_int_member (result, "total_score"));

  /* The same seed gives the same stable result, and it can be stored. */
  run (&stable1, "--database", path, "match", "--mode", "stable", "--seed", "42", "--json");
  run (&stable2, "--database", path, "match", "--mode", "stable", "--seed", "42", "--json", "--apply");
  g_assert_cmpint (stable1.status, ==, 0);
  g_assert_cmpint (stable2.status, ==, 0);
  result = parse_object (parser2, stable2.out);
  g_assert_cmpint (json_object_get_int_member (result, "seed"), ==, 42);
  g_assert_true (json_object_has_member (result, "run"));
  json_object_remove_member (result, "run");
  {
    g_autoptr(JsonParser) first = json_parser_new ();
    JsonObject *object = parse_object (first, stable1.out);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    json_generator_set_root (generator, json_parser_get_root (first));
    a = json_generator_to_data (generator, NULL);
    json_generator_set_root (generator, json_parser_get_root (parser2));
    b = json_generator_to_data (generator, NULL);
    g_assert_cmpstr (a, ==, b);
    g_assert_nonnull (object);
  }

  run (&text, "--database", path, "match");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Placed: "));

  run (&bad_mode, "--database", path, "match", "--mode", "fastest");
  g_assert_cmpint (bad_mode.status, ==, 1);
  g_assert_nonnull (strstr (bad_mode.err, "fastest"));
  run (&bad_seed, "--database", path, "match", "--seed", "-7");
  assert_bad_input (&bad_seed, "--seed");
}

static void
test_explain_and_weights (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.db", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Result) demo = { 0 };
  g_auto(Result) students = { 0 };
  g_auto(Result) explain = { 0 };
  g_auto(Result) missing = { 0 };
  g_auto(Result) no_offer = { 0 };
  g_auto(Result) why = { 0 };
  g_auto(Result) too_much = { 0 };
  g_auto(Result) not_number = { 0 };
  g_auto(Result) set = { 0 };
  g_auto(Result) show = { 0 };
  g_auto(Result) match = { 0 };
  g_autofree char *number = NULL;
  JsonArray *array;

  run (&demo, "--database", path, "demo", "--students", "300", "--offers", "150");
  g_assert_cmpint (demo.status, ==, 0);
  run (&students, "--database", path, "list", "students", "--json");
  json_parser_load_from_data (parser, students.out, -1, NULL);
  array = json_node_get_array (json_parser_get_root (parser));
  number = g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0), "student_number"));

  run (&explain, "--database", path, "explain", number);
  g_assert_cmpint (explain.status, ==, 0);
  g_assert_nonnull (strstr (explain.out, number));
  g_assert_nonnull (strstr (explain.out, "fit"));

  run (&why, "--database", path, "explain", number, "--offer", "1");
  g_assert_cmpint (why.status, ==, 0);
  g_assert_true (strstr (why.out, "fits, score") != NULL || strstr (why.out, "does not fit") != NULL);

  run (&missing, "--database", path, "explain", "no-such-student");
  assert_bad_input (&missing, "no-such-student");
  run (&no_offer, "--database", path, "explain", number, "--offer", "99999");
  assert_bad_input (&no_offer, "99999");

  run (&too_much, "--database", path, "weights", "--set", "programme=900");
  assert_bad_input (&too_much, "at most 1000");
  run (&not_number, "--database", path, "weights", "--set", "distance=far");
  assert_bad_input (&not_number, "far");
  run (&set, "--database", path, "weights", "--set", "programme=250,skills=200");
  g_assert_cmpint (set.status, ==, 0);
  run (&show, "--database", path, "weights");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "programme     250"));
  g_assert_nonnull (strstr (show.out, "skills        200"));

  run (&match, "--database", path, "match", "--json", "--apply");
  g_assert_cmpint (match.status, ==, 0);
}

static void
test_solve (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.txt", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_auto(Result) optimal = { 0 };
  g_auto(Result) stable = { 0 };
  g_auto(Result) malformed = { 0 };
  g_auto(Result) unreadable = { 0 };
  g_auto(Result) bad_mode = { 0 };
  g_autoptr(GError) error = NULL;

  /* Two students want offer 0, which has one place; student 1 can also go
   * to offer 1. The best total places both: 0→0 (900) and 1→1 (500). */
  g_file_set_contents (good,
                       "c a small instance\n"
                       "p 2 2\n"
                       "o 0 1\n"
                       "e 0 0 900\n"
                       "e 1 0 950 100\n"
                       "e 1 1 500\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "p 2 2\ne 0 0 900\ne 0 5 10\n", -1, &error);
  g_assert_no_error (error);

  run (&optimal, "solve", "--mode", "optimal", good);
  g_assert_cmpint (optimal.status, ==, 0);
  g_assert_cmpstr (optimal.out, ==, "objective 1400\nassigned 2\na 0 0\na 1 1\n");

  /* Stable: student 1 prefers offer 0 but the offer prefers student 0
   * (900 against 100), so student 1 goes to offer 1. */
  run (&stable, "solve", "--mode", "stable", "--seed", "3", good);
  g_assert_cmpint (stable.status, ==, 0);
  g_assert_cmpstr (stable.out, ==, "objective 1400\nassigned 2\na 0 0\na 1 1\n");

  run (&malformed, "solve", bad);
  assert_bad_input (&malformed, "line 3");
  run (&unreadable, "solve", missing);
  assert_bad_input (&unreadable, "missing.txt");
  run (&bad_mode, "solve", "--mode", "greedy", good);
  g_assert_cmpint (bad_mode.status, ==, 1);
}

/* The first line of @text that starts with @prefix, without it. */
static char *
line_after (const char *text,
            const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

/* A whole anonymised round, as a coordinator runs it. */
static void
test_selection_round (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "round.db", NULL);
  g_autofree char *profiles = g_build_filename (fixture->dir, "profiles.json", NULL);
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  g_autofree char *contents = NULL;
  g_auto(Result) demo = { 0 };
  g_auto(Result) students = { 0 };
  g_auto(Result) add = { 0 };
  g_auto(Result) list = { 0 };
  g_auto(Result) early = { 0 };
  g_auto(Result) review1 = { 0 };
  g_auto(Result) review2 = { 0 };
  g_auto(Result) bad_score = { 0 };
  g_auto(Result) no_reason = { 0 };
  g_auto(Result) decide = { 0 };
  g_auto(Result) reveal = { 0 };
  g_auto(Result) anonymise = { 0 };
  g_auto(Result) verify = { 0 };
  g_auto(Result) report = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  run (&demo, "--database", path, "demo", "--students", "200", "--offers", "100");
  g_assert_cmpint (demo.status, ==, 0);
  run (&students, "--database", path, "list", "students", "--json");
  json_parser_load_from_data (parser, students.out, -1, NULL);
  array = json_node_get_array (json_parser_get_root (parser));
  number = g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0), "student_number"));

  run (&add, "--database", path, "round", "add", "--offer", "1", "--student", number, "--by", "J. de Vries");
  g_assert_cmpint (add.status, ==, 0);
  code = line_after (add.out, number);
  g_assert_nonnull (code);
  g_assert_true (g_str_has_prefix (code, "K-"));

  run (&list, "--database", path, "round", "list", "--offer", "1", "--reviewer", "Sanne");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, code));
  g_assert_null (strstr (list.out, number));

  run (&early, "--database", path, "reveal", "--offer", "1", "--candidate", code);
  assert_bad_input (&early, "no decision yet");

  run (&review1, "--database", path, "review", "--offer", "1", "--reviewer", "Sanne", "--candidate", code,
       "--criterion", "Motivation", "--score", "4");
  g_assert_cmpint (review1.status, ==, 0);
  run (&review2, "--database", path, "review", "--offer", "1", "--reviewer", "Ahmed", "--candidate", code,
       "--criterion", "availability", "--score", "5");
  g_assert_cmpint (review2.status, ==, 0);
  run (&bad_score, "--database", path, "review", "--offer", "1", "--reviewer", "Ahmed", "--candidate", code,
       "--criterion", "availability", "--score", "9");
  assert_bad_input (&bad_score, "--score");

  run (&anonymise, "--database", path, "anonymise", "--offer", "1", "-o", profiles);
  g_assert_cmpint (anonymise.status, ==, 0);
  g_assert_true (g_file_get_contents (profiles, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, code));
  g_assert_null (strstr (contents, number));

  run (&no_reason, "--database", path, "decide", "--offer", "1", "--candidate", code, "--decision", "reject",
       "--by", "Sanne");
  assert_bad_input (&no_reason, "reason");
  run (&decide, "--database", path, "decide", "--offer", "1", "--candidate", code, "--decision", "invite",
       "--by", "Sanne");
  g_assert_cmpint (decide.status, ==, 0);

  run (&reveal, "--database", path, "reveal", "--offer", "1", "--candidate", code, "--by", "Sanne");
  g_assert_cmpint (reveal.status, ==, 0);
  g_assert_nonnull (strstr (reveal.out, number));

  {
    g_auto(Result) rank = { 0 };
    g_auto(Result) blind = { 0 };
    g_auto(Result) no_apply = { 0 };

    run (&rank, "--database", path, "round", "rank", "--offer", "1");
    g_assert_cmpint (rank.status, ==, 0);
    run (&no_apply, "--database", path, "match", "--reveal");
    g_assert_cmpint (no_apply.status, ==, 1);
    run (&blind, "--database", path, "match", "--mode", "stable", "--seed", "1", "--apply", "--reveal");
    g_assert_cmpint (blind.status, ==, 0);
    g_assert_nonnull (strstr (blind.out, "revealed"));
  }

  run (&verify, "--database", path, "audit", "verify");
  g_assert_cmpint (verify.status, ==, 0);
  run (&report, "--database", path, "report", "fairness", "--json");
  g_assert_cmpint (report.status, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/cli/help", Fixture, NULL, fixture_set_up, test_help, fixture_tear_down);
  g_test_add ("/cli/add/bad-input", Fixture, NULL, fixture_set_up, test_add_bad_input, fixture_tear_down);
  g_test_add ("/cli/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/cli/list/json", Fixture, NULL, fixture_set_up, test_list_json, fixture_tear_down);
  g_test_add ("/cli/demo-and-check", Fixture, NULL, fixture_set_up, test_demo_and_check, fixture_tear_down);
  g_test_add ("/cli/database-errors", Fixture, NULL, fixture_set_up, test_database_errors, fixture_tear_down);
  g_test_add ("/cli/selection-round", Fixture, NULL, fixture_set_up, test_selection_round, fixture_tear_down);
  g_test_add ("/cli/solve", Fixture, NULL, fixture_set_up, test_solve, fixture_tear_down);
  g_test_add ("/cli/match", Fixture, NULL, fixture_set_up, test_match, fixture_tear_down);
  g_test_add ("/cli/explain-and-weights", Fixture, NULL, fixture_set_up, test_explain_and_weights, fixture_tear_down);

  return g_test_run ();
}
