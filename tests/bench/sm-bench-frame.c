/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-bench-frame"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* sm-bench-frame: how long the program takes to show a large school,
 * against a small one in the same run. Two databases are made with
 * stagematch-cli (init, then demo with half as many offers as students,
 * as its defaults have it); then the real program runs as
 * `stagematch --database FILE --screenshot PNG --view VIEW`, which draws
 * the window once, writes the picture after its first complete frame and
 * quits. Each run is timed from fork() to the PNG appearing (inotify) and
 * to the exit of the process (wait4(), which also gives its peak RSS and
 * CPU time). The target is on the first: the time until the first frame
 * is on disk. The exit adds closing the window and freeing every record,
 * which nobody waits for; it is shown beside it. Sizes are run in turn,
 * so that noise on the machine falls on both.
 *
 * It needs a display: run it under xvfb-run. */

#ifndef STAGEMATCH_BINARY
#error "STAGEMATCH_BINARY must name the built program"
#endif
#ifndef STAGEMATCH_CLI
#error "STAGEMATCH_CLI must name the built stagematch-cli"
#endif

#define TARGET_RATIO 1.5

static int opt_students = 20000;
static int opt_small = 200;
static gint64 opt_seed = 20261124;
static int opt_repeats = 5;
static char **opt_views = NULL;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "students", 's', 0, G_OPTION_ARG_INT, &opt_students, "Students of the large school (20000)", "N" },
  { "small", 0, 0, G_OPTION_ARG_INT, &opt_small, "Students of the small school (200)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the demo data", "SEED" },
  { "repeats", 'r', 0, G_OPTION_ARG_INT, &opt_repeats, "Runs per size and view; the median and the best are shown (5)", "N" },
  { "view", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_views, "A view to show (students and offers)", "NAME" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the databases and pictures and print where they are", NULL },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, (gsize) n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
minimum (const double *values,
         int           n)
{
  double best = values[0];

  for (int i = 1; i < n; i++)
    best = MIN (best, values[i]);
  return best;
}

/* Making the databases */

static gboolean
run_cli (const char  *database,
         const char  *command,
         int          students,
         GError     **error)
{
  g_autofree char *students_arg = g_strdup_printf ("%d", students);
  g_autofree char *offers_arg = g_strdup_printf ("%d", students / 2);
  g_autofree char *seed_arg = g_strdup_printf ("%" G_GINT64_FORMAT, opt_seed);
  const char *argv[] = {
    STAGEMATCH_CLI, "--database", database, command,
    "--students", students_arg, "--offers", offers_arg, "--seed", seed_arg,
    NULL
  };
  g_autofree char *err = NULL;
  int status;

  if (g_str_equal (command, "init"))
    argv[4] = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "stagematch-cli %s failed: %s", command, err);
      return FALSE;
    }
  return TRUE;
}

static char *
make_database (const char  *dir,
               int          students,
               GError     **error)
{
  g_autofree char *name = g_strdup_printf ("school-%d.db", students);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  double start = now_ms ();

  if (!run_cli (path, "init", students, error) ||
      !run_cli (path, "demo", students, error))
    return NULL;

  printf ("  %s: %d students, %d offers, made in %.1f s\n",
          name, students, students / 2, (now_ms () - start) / 1000.0);
  return g_steal_pointer (&path);
}

/* Running the program */

typedef struct
{
  double frame_ms;  /* fork() to the PNG in place */
  double exit_ms;   /* fork() to the end of the process */
  double cpu_ms;    /* user and system time of the process */
  double rss_mib;
} Run;

/* Runs the program once; @run gets its times. The PNG is written to a
 * temporary name and renamed into place, which inotify reports as a
 * move into the folder. */
static gboolean
run_program (const char  *database,
             const char  *view,
             const char  *dir,
             Run         *run,
             GError     **error)
{
  g_autofree char *png_name = g_strdup_printf ("%s.png", view);
  g_autofree char *png = g_build_filename (dir, png_name, NULL);
  const char *argv[] = {
    STAGEMATCH_BINARY, "--database", database, "--screenshot", png, "--view", view, NULL
  };
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  struct rusage usage;
  GStatBuf buf;
  double start;
  int status = 0;
  int watch;
  pid_t pid;
  pid_t done;

  g_unlink (png);
  watch = inotify_init1 (IN_CLOEXEC);
  if (watch < 0 || inotify_add_watch (watch, dir, IN_MOVED_TO | IN_CLOSE_WRITE) < 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "inotify: %s", g_strerror (errno));
      return FALSE;
    }

  run->frame_ms = -1;
  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      close (watch);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "fork: %s", g_strerror (errno));
      return FALSE;
    }
  if (pid == 0)
    {
      execv (argv[0], (char **) argv);
      _exit (127);
    }

  /* The picture is the last thing the program writes before it quits;
   * a program that fails writes none, hence the look at the child. */
  for (;;)
    {
      struct pollfd poll_fd = { watch, POLLIN, 0 };

      if (poll (&poll_fd, 1, 100) > 0)
        {
          gssize n = read (watch, buffer, sizeof buffer);

          for (char *p = buffer; n > 0 && p < buffer + n; )
            {
              const struct inotify_event *event = (const struct inotify_event *) p;

              if (event->len > 0 && g_str_equal (event->name, png_name))
                run->frame_ms = now_ms () - start;
              p += sizeof *event + event->len;
            }
        }
      if (run->frame_ms >= 0)
        {
          done = wait4 (pid, &status, 0, &usage);
          break;
        }
      done = wait4 (pid, &status, WNOHANG, &usage);
      if (done != 0)
        break;
    }
  close (watch);

  if (done != pid)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "wait4: %s", g_strerror (errno));
      return FALSE;
    }
  run->exit_ms = now_ms () - start;
  run->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  run->rss_mib = usage.ru_maxrss / 1024.0;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "stagematch --view %s on %s ended with status %d",
                   view, database, WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      return FALSE;
    }
  if (g_stat (png, &buf) != 0 || buf.st_size == 0 || run->frame_ms < 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "stagematch --view %s on %s wrote no picture", view, database);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  double frame_median, frame_min;
  double exit_median, exit_min;
  double cpu_median;
  double rss_mib;
} Figures;

static void
summarise (Run     *runs,
           int      n,
           Figures *figures)
{
  g_autofree double *frame = g_new (double, n);
  g_autofree double *exit = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  g_autofree double *rss = g_new (double, n);

  for (int i = 0; i < n; i++)
    {
      frame[i] = runs[i].frame_ms;
      exit[i] = runs[i].exit_ms;
      cpu[i] = runs[i].cpu_ms;
      rss[i] = runs[i].rss_mib;
    }
  figures->frame_min = minimum (frame, n);
  figures->exit_min = minimum (exit, n);
  figures->frame_median = median (frame, n);
  figures->exit_median = median (exit, n);
  figures->cpu_median = median (cpu, n);
  figures->rss_mib = median (rss, n);
}

static void
print_row (const char *what,
           double      small,
           double      large,
           const char *unit)
{
  printf ("  %-24s %10.0f %-3s %10.0f %-3s %7.2f×\n", what, small, unit, large, unit, large / small);
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
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the first frame of Stagematch");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *small_db = NULL;
  g_autofree char *large_db = NULL;
  static const char *default_views[] = { "students", "offers", NULL };
  const char * const *views;
  gboolean met = TRUE;
  Run warm_up;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_students < 1 || opt_small < 1 || opt_repeats < 1)
    {
      g_printerr ("Sizes and --repeats must be at least 1\n");
      return 2;
    }
  views = opt_views != NULL ? (const char * const *) opt_views : default_views;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run this under xvfb-run -a -s \"-screen 0 1280x1024x24\"\n");
      return 2;
    }

  /* As the UI tests run it: no accessibility bus to wait for, and the
   * window at its default size rather than the size the user left it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, TRUE);

  cpu = first_line_of ("/proc/cpuinfo", "model name");
  printf ("sm-bench-frame: stagematch --screenshot, %d against %d students, %d runs each\n",
          opt_students, opt_small, opt_repeats);
  printf ("machine: %ld CPUs, %s; GSK_RENDERER=%s\n\n",
          sysconf (_SC_NPROCESSORS_ONLN), cpu,
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(unset: GTK's choice)");
  fflush (stdout);

  dir = g_dir_make_tmp ("sm-bench-frame-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  small_db = make_database (dir, opt_small, &error);
  if (small_db != NULL)
    large_db = make_database (dir, opt_students, &error);
  /* The first start pays for loading the libraries from disk. */
  if (large_db == NULL || !run_program (small_db, views[0], dir, &warm_up, &error))
    {
      g_printerr ("%s\n", error->message);
      remove_dir (dir);
      return 1;
    }

  for (guint v = 0; views[v] != NULL; v++)
    {
      g_autofree Run *small_runs = g_new0 (Run, opt_repeats);
      g_autofree Run *large_runs = g_new0 (Run, opt_repeats);
      g_autofree char *small_label = g_strdup_printf ("%d st.", opt_small);
      g_autofree char *large_label = g_strdup_printf ("%d st.", opt_students);
      Figures small, large;

      for (int i = 0; i < opt_repeats; i++)
        if (!run_program (small_db, views[v], dir, &small_runs[i], &error) ||
            !run_program (large_db, views[v], dir, &large_runs[i], &error))
          {
            g_printerr ("%s\n", error->message);
            remove_dir (dir);
            return 1;
          }

      summarise (small_runs, opt_repeats, &small);
      summarise (large_runs, opt_repeats, &large);

      printf ("\n--view %s\n", views[v]);
      printf ("  %-24s %14s %14s %8s\n", "", small_label, large_label, "ratio");
      print_row ("PNG written, median", small.frame_median, large.frame_median, "ms");
      print_row ("PNG written, best", small.frame_min, large.frame_min, "ms");
      print_row ("exit, median", small.exit_median, large.exit_median, "ms");
      print_row ("exit, best", small.exit_min, large.exit_min, "ms");
      print_row ("CPU time to exit, median", small.cpu_median, large.cpu_median, "ms");
      printf ("  %-24s %10.1f MiB %10.1f MiB %7.2f×\n", "peak RSS, median",
              small.rss_mib, large.rss_mib, large.rss_mib / small.rss_mib);

      printf ("  first frame within %.1f×: %s\n", TARGET_RATIO,
              large.frame_median / small.frame_median > TARGET_RATIO ? "NOT MET" : "met");
      if (large.frame_median / small.frame_median > TARGET_RATIO)
        met = FALSE;
    }

  printf ("\ntarget: first frame (spawn to PNG written) of %d students within %.1f× of %d students, every view: %s\n",
          opt_students, TARGET_RATIO, opt_small, met ? "met" : "NOT MET");

  if (opt_keep)
    printf ("kept: %s\n", dir);
  else
    remove_dir (dir);

  return 0;
}
