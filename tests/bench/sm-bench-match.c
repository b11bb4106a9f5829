/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-bench-match"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "sm-demo.h"
#include "sm-matcher-private.h"
#include "sm-sqlite-store.h"

/* Matching on a demo database of a large school: the time to find every
 * feasible pair with its score, against the plain way of checking every
 * student against every offer with the same rules (measured on a sample
 * of students and scaled up, since the full loop takes minutes), then the
 * optimal and the stable run. The sample also checks that the index
 * found exactly the pairs the plain loop finds. */

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int    argc,
      char **argv)
{
  int n_students = 20000;
  int n_offers = 10000;
  int sample_every = 40;
  gint64 seed = 20261124;
  gboolean keep = FALSE;
  const GOptionEntry entries[] = {
    { "students", 's', 0, G_OPTION_ARG_INT, &n_students, "Number of students (20000)", "N" },
    { "offers", 'o', 0, G_OPTION_ARG_INT, &n_offers, "Number of offers (10000)", "N" },
    { "sample", 0, 0, G_OPTION_ARG_INT, &sample_every, "Check every Nth student against all offers (40)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Demo seed", "S" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the database", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- matching benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(SmMatcher) matcher = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GArray) optimal = NULL;
  g_autoptr(GArray) stable = NULL;
  SmDemoOptions options;
  double load_s, optimal_s, stable_s, peer_s;
  guint64 peer_pairs = 0, peer_feasible = 0, index_feasible = 0;
  guint sampled = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || sample_every < 1)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : "--sample must be 1 or more");
      return 1;
    }

  dir = g_dir_make_tmp ("sm-bench-match-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  store = sm_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  options = (SmDemoOptions) { (guint) n_students, (guint) n_offers, (guint64) seed };
  if (!sm_demo_generate (SM_STORE (store), &options, &error))
    g_error ("%s", error->message);
  g_clear_object (&store);

  store = sm_sqlite_store_new (path, &error);
  g_assert_no_error (error);

  g_timer_start (timer);
  matcher = sm_matcher_new (SM_STORE (store), &error);
  g_assert_no_error (error);
  load_s = g_timer_elapsed (timer, NULL);

  /* The peer: every sampled student against every offer. */
  g_timer_start (timer);
  for (guint s = 0; s < matcher->n_students; s += (guint) sample_every)
    {
      const MStudent *student = &matcher->students[s];

      sampled++;
      index_feasible += matcher->cand_start[s + 1] - matcher->cand_start[s];
      for (guint o = 0; o < matcher->n_offers; o++)
        {
          peer_pairs++;
          if (sm_matcher_check_pair (matcher, student, &matcher->offers[o], NULL))
            {
              peer_feasible++;
              (void) sm_matcher_score_pair (matcher, student, &matcher->offers[o], s, o, NULL);
            }
        }
    }
  peer_s = g_timer_elapsed (timer, NULL) * ((double) matcher->n_students / MAX (sampled, 1));

  g_timer_start (timer);
  if (!sm_matcher_run (matcher, SM_MATCH_MODE_OPTIMAL, 0, &optimal, &error))
    g_error ("%s", error->message);
  optimal_s = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  if (!sm_matcher_run (matcher, SM_MATCH_MODE_STABLE, 7, &stable, &error))
    g_error ("%s", error->message);
  stable_s = g_timer_elapsed (timer, NULL);

  printf ("students %u, offers %u, feasible pairs %" G_GUINT64_FORMAT "\n",
          matcher->n_students, matcher->n_offers, matcher->n_candidates);
  printf ("load from store + candidates   %8.3f s\n", load_s);
  printf ("  of which candidates (index)  %8.3f s\n", matcher->candidate_seconds);
  printf ("peer: all pairs, same rules    %8.3f s  (measured on %u students, %" G_GUINT64_FORMAT " pairs, scaled)\n",
          peer_s, sampled, peer_pairs);
  printf ("ratio peer / index             %8.1f x\n", peer_s / MAX (matcher->candidate_seconds, 1e-9));
  printf ("sample agreement               %s (%" G_GUINT64_FORMAT " pairs by index, %" G_GUINT64_FORMAT " by peer)\n",
          index_feasible == peer_feasible ? "yes" : "NO", index_feasible, peer_feasible);
  printf ("optimal run (solve)            %8.3f s\n", optimal_s);
  printf ("stable run (solve)             %8.3f s\n", stable_s);
  printf ("peak RSS                       %8.1f MiB\n", peak_rss_mib ());

  g_clear_object (&matcher);
  g_clear_object (&store);
  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path), g_unlink (wal), g_unlink (shm), g_rmdir (dir);
    }
  else
    printf ("database kept: %s\n", path);

  return index_feasible == peer_feasible ? 0 : 1;
}
