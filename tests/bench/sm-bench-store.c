/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-bench-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sm-company.h"
#include "sm-decision.h"
#include "sm-demo.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"

/* sm-bench-store: how long the store takes at the scale of a large mbo
 * school. It writes a demo database, opens it again and loads every list
 * into its GListModel, and compares loading the students with a plain
 * SQLite loop that reads the same table into C structs, without GObject,
 * so the ratio is the price of the model. Generation runs in a child
 * process so that each peak RSS belongs to one phase. */

static int opt_students = 20000;
static int opt_offers = 10000;
static gint64 opt_seed = 20261124;
static int opt_repeats = 3;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "students", 's', 0, G_OPTION_ARG_INT, &opt_students, "Number of students (20000)", "N" },
  { "offers", 'o', 0, G_OPTION_ARG_INT, &opt_offers, "Number of offers (10000)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the demo data", "SEED" },
  { "repeats", 'r', 0, G_OPTION_ARG_INT, &opt_repeats, "Load this often and report the best (3)", "N" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the database and print where it is", NULL },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Peak resident set size in MiB, of this process or its children. */
static double
peak_rss_mib (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_maxrss / 1024.0; /* Linux reports KiB */
}

static GType
record_type (guint i)
{
  switch (i)
    {
    case 0: return SM_TYPE_PROGRAMME;
    case 1: return SM_TYPE_STUDENT;
    case 2: return SM_TYPE_COMPANY;
    case 3: return SM_TYPE_OFFER;
    case 4: return SM_TYPE_PLACEMENT;
    case 5: return SM_TYPE_DECISION;
    default: return G_TYPE_INVALID;
    }
}

#define N_RECORD_TYPES 6

/* Generation, in a child process */

static int
generate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSqliteStore) store = NULL;
  SmDemoOptions options = { (guint) opt_students, (guint) opt_offers, (guint64) opt_seed };
  double start;

  store = sm_sqlite_store_new (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = now_ms ();
  if (!sm_demo_generate (SM_STORE (store), &options, &error))
    {
      g_printerr ("Generating failed: %s\n", error->message);
      return 1;
    }
  printf ("generate      %9.1f ms  (%d students, %d offers, one transaction, + PC4 table)\n",
          now_ms () - start, opt_students, opt_offers);
  g_clear_object (&store);
  printf ("  peak RSS    %9.1f MiB\n", peak_rss_mib (RUSAGE_SELF));
  fflush (stdout);
  return 0;
}

/* The peer: the students table into plain structs */

typedef struct
{
  gint64  id;
  char   *fields[SM_STUDENT_N_FIELDS];
} PlainStudent;

static void
plain_student_clear (PlainStudent *student)
{
  for (guint i = 0; i < SM_STUDENT_N_FIELDS; i++)
    g_free (student->fields[i]);
}

/* Every column as text, as a plain program would keep it: no types,
 * no validation, no objects. */
static guint
plain_load_students (const char *path,
                     double     *elapsed)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  SmRecordClass *klass = g_type_class_ref (SM_TYPE_STUDENT);
  const SmField *fields;
  guint n_fields;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GArray *students;
  guint n;
  double start;

  fields = sm_record_class_get_fields (klass, &n_fields);
  g_assert (n_fields == SM_STUDENT_N_FIELDS);
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", %s", fields[i].name);
  g_string_append (sql, " FROM students ORDER BY id");
  g_type_class_unref (klass);

  start = now_ms ();
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Plain SQLite: %s", sqlite3_errmsg (db));

  students = g_array_new (FALSE, FALSE, sizeof (PlainStudent));
  g_array_set_clear_func (students, (GDestroyNotify) plain_student_clear);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlainStudent student;

      student.id = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < SM_STUDENT_N_FIELDS; i++)
        student.fields[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i + 1));
      g_array_append_val (students, student);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  *elapsed = now_ms () - start;

  n = students->len;
  g_array_unref (students);
  return n;
}

/* The model: open a store and load every list */

typedef struct
{
  double open;
  double lists[N_RECORD_TYPES];
  guint  n_items[N_RECORD_TYPES];
  double total;
} ModelRun;

static void
model_load (const char *path,
            ModelRun   *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSqliteStore) store = NULL;
  double start = now_ms (), t;

  store = sm_sqlite_store_new (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  run->open = now_ms () - start;

  for (guint i = 0; i < N_RECORD_TYPES; i++)
    {
      GListModel *list;

      t = now_ms ();
      list = sm_store_list (SM_STORE (store), record_type (i), &error);
      if (list == NULL)
        g_error ("%s", error->message);
      run->lists[i] = now_ms () - t;
      run->n_items[i] = g_list_model_get_n_items (list);
    }
  run->total = now_ms () - start;
}

static char *
first_line_of (const char *path,
               const char *prefix)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("unknown");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      {
        const char *colon = strchr (lines[i], ':');
        return g_strstrip (g_strdup (colon != NULL ? colon + 1 : lines[i]));
      }
  return g_strdup ("unknown");
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the Stagematch store");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cpu = NULL;
  ModelRun best = { 0 };
  double best_plain = G_MAXDOUBLE;
  guint n_plain = 0;
  int status;
  pid_t child;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_students < 0 || opt_offers < 0 || opt_repeats < 1)
    {
      g_printerr ("Counts must not be negative, and --repeats at least 1\n");
      return 2;
    }

  dir = g_dir_make_tmp ("sm-bench-store-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "bench.db", NULL);

  cpu = first_line_of ("/proc/cpuinfo", "model name");
  printf ("sm-bench-store: %d students, %d offers, seed %" G_GINT64_FORMAT "\n",
          opt_students, opt_offers, opt_seed);
  printf ("machine: %ld CPUs, %s; SQLite %s, GLib %u.%u.%u\n\n",
          sysconf (_SC_NPROCESSORS_ONLN), cpu, sqlite3_libversion (),
          glib_major_version, glib_minor_version, glib_micro_version);
  fflush (stdout);

  /* Nothing GLib starts threads before this, so fork() is safe. */
  child = fork ();
  if (child < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (child == 0)
    _exit (generate (path));
  if (waitpid (child, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("Generating the demo database failed\n");
      remove_dir (dir);
      return 1;
    }

  {
    GStatBuf buf;
    if (g_stat (path, &buf) == 0)
      printf ("  file        %9.1f MiB\n", buf.st_size / (1024.0 * 1024.0));
  }

  /* Best of a few runs: the first pays for cold caches. */
  for (int r = 0; r < opt_repeats; r++)
    {
      ModelRun run = { 0 };
      double plain;

      model_load (path, &run);
      if (r == 0 || run.total < best.total)
        best = run;

      n_plain = plain_load_students (path, &plain);
      best_plain = MIN (best_plain, plain);
    }

  printf ("\nbest of %d runs:\n", opt_repeats);
  printf ("open store    %9.1f ms  (new SmSqliteStore on the file)\n", best.open);
  for (guint i = 0; i < N_RECORD_TYPES; i++)
    printf ("  list %-9s%9.1f ms  %7u records\n", g_type_name (record_type (i)) + 2, best.lists[i], best.n_items[i]);
  printf ("open + lists  %9.1f ms\n", best.total);
  printf ("  peak RSS    %9.1f MiB\n", peak_rss_mib (RUSAGE_SELF));

  printf ("\npeer: plain sqlite3 loop, students into C structs (text columns, no GObject)\n");
  printf ("  students    %9.1f ms  %7u records\n", best_plain, n_plain);
  printf ("ratio model/plain, students: %.1f×\n", best.lists[1] / MAX (best_plain, 0.001));

  if (opt_keep)
    printf ("\ndatabase kept: %s\n", path);
  else
    remove_dir (dir);

  return 0;
}
