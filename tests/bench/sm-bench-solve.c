/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-bench-solve"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sm-assignment.h"
#include "sm-problem.h"
#include "sm-stable.h"

/* sm-bench-solve: the solvers at the scale of a large mbo school, against
 * a strong general-purpose peer in the same run.
 *
 * A seeded generator makes an instance that looks like a school's: towns
 * of very different sizes, programmes grouped in sectors with popular
 * and rare ones, offers that take one programme or a whole sector and a
 * range of levels, students who travel a limited distance, and scores
 * built from programme fit, distance and a random part. The instance is
 * written in the format of `stagematch-cli solve`; our optimal solver
 * and LEMON's NetworkSimplex (tests/bench/lemon-peer.cc) each read it in
 * a child process of their own, so that the peak RSS of each is its own,
 * and their objectives must agree. Stable mode is timed in this process
 * on a larger instance from the same generator. */

static int opt_students = 20000;
static int opt_offers = 8800;
static double opt_places = 1.1;
static double opt_pairs = 3.5e6;
static gint64 opt_seed = 20261124;
static int opt_repeats = 3;
static int opt_stable_students = 100000;
static char *opt_write = NULL;
static char *opt_child = NULL;
static gboolean opt_no_peer = FALSE;
static gboolean opt_stable_only = FALSE;

static const GOptionEntry entries[] = {
  { "students", 's', 0, G_OPTION_ARG_INT, &opt_students, "Students (20000)", "N" },
  { "offers", 'o', 0, G_OPTION_ARG_INT, &opt_offers, "Offers (8800)", "N" },
  { "places", 0, 0, G_OPTION_ARG_DOUBLE, &opt_places, "Places per student (1.1)", "X" },
  { "pairs", 'p', 0, G_OPTION_ARG_DOUBLE, &opt_pairs, "Feasible pairs to aim for (3.5e6)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the generator", "SEED" },
  { "repeats", 'r', 0, G_OPTION_ARG_INT, &opt_repeats, "Run each solver this often, report the median (3)", "N" },
  { "stable-students", 0, 0, G_OPTION_ARG_INT, &opt_stable_students,
    "Students of the stable-mode instance (100000; 0 to skip)", "N" },
  { "write", 'w', 0, G_OPTION_ARG_FILENAME, &opt_write, "Only write the instance to FILE", "FILE" },
  { "no-peer", 0, 0, G_OPTION_ARG_NONE, &opt_no_peer, "Do not run the peer", NULL },
  { "stable-only", 0, 0, G_OPTION_ARG_NONE, &opt_stable_only, "Only time stable mode", NULL },
  { "child-optimal", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_child, NULL, NULL },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The generator */

#define N_SECTORS 12
#define PROGRAMMES_PER_SECTOR 5
#define N_PROGRAMMES (N_SECTORS * PROGRAMMES_PER_SECTOR)
#define N_TOWNS 60
#define WIDTH_KM 260.0
#define HEIGHT_KM 300.0

typedef struct
{
  double x, y;
  int    programme;
  int    level;       /* 1..4 */
  double travel;      /* km, before scaling */
  int    favourite;   /* a sector the student likes */
} Person;

typedef struct
{
  double x, y;
  int    programme;   /* -1: any programme of the sector */
  int    sector;
  int    min_level, max_level;
  guint  capacity;
  int    appeal;      /* some offers are better than others */
} Place;

typedef struct
{
  guint   n_students;
  guint   n_offers;
  Person *students;
  Place  *offers;
  GArray *by_programme[N_PROGRAMMES];  /* offers for one programme */
  GArray *by_sector[N_SECTORS];        /* offers for a whole sector */
} World;

typedef struct
{
  double x, y, spread, weight;
} Town;

static double
gaussian (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1.0);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

/* Most people live in or near a town, the towns in a Zipf-like size
 * distribution; the rest anywhere. */
static void
place_somewhere (GRand      *rand,
                 const Town *towns,
                 double      total_weight,
                 double     *x,
                 double     *y)
{
  if (g_rand_double (rand) < 0.15)
    {
      *x = g_rand_double_range (rand, 0, WIDTH_KM);
      *y = g_rand_double_range (rand, 0, HEIGHT_KM);
      return;
    }

  {
    double pick = g_rand_double_range (rand, 0, total_weight);
    guint t = 0;

    while (t + 1 < N_TOWNS && pick >= towns[t].weight)
      pick -= towns[t++].weight;
    *x = CLAMP (towns[t].x + gaussian (rand) * towns[t].spread, 0, WIDTH_KM);
    *y = CLAMP (towns[t].y + gaussian (rand) * towns[t].spread, 0, HEIGHT_KM);
  }
}

/* Programmes have Zipf-like popularity; students and offers use
 * different orders, so some programmes have too few places and others
 * too many, as in real life. */
static void
zipf_table (double  exponent,
            double *cumulative)
{
  double total = 0;

  for (int k = 0; k < N_PROGRAMMES; k++)
    cumulative[k] = total += pow (k + 1, -exponent);
  for (int k = 0; k < N_PROGRAMMES; k++)
    cumulative[k] /= total;
}

static int
draw_programme (GRand        *rand,
                const int    *order,
                const double *cumulative)
{
  double pick = g_rand_double (rand);
  int k = 0;

  while (k + 1 < N_PROGRAMMES && pick >= cumulative[k])
    k++;
  return order[k];
}

static World *
world_new (guint   n_students,
           guint   n_offers,
           double  places_per_student,
           guint64 seed)
{
  const guint32 seed_array[2] = { (guint32) seed, (guint32) (seed >> 32) };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed_array, 2);
  World *world = g_new0 (World, 1);
  Town towns[N_TOWNS];
  int student_order[N_PROGRAMMES], offer_order[N_PROGRAMMES];
  double student_zipf[N_PROGRAMMES], offer_zipf[N_PROGRAMMES];
  double total_weight = 0;
  guint64 total_places = 0, target;

  world->n_students = n_students;
  world->n_offers = n_offers;
  world->students = g_new (Person, MAX (n_students, 1));
  world->offers = g_new (Place, MAX (n_offers, 1));

  for (guint t = 0; t < N_TOWNS; t++)
    {
      towns[t].x = g_rand_double_range (rand, 10, WIDTH_KM - 10);
      towns[t].y = g_rand_double_range (rand, 10, HEIGHT_KM - 10);
      towns[t].weight = 1.0 / (t + 1);
      towns[t].spread = 3.0 + 12.0 * sqrt (towns[t].weight);
      total_weight += towns[t].weight;
    }

  zipf_table (1.0, student_zipf);
  zipf_table (0.9, offer_zipf);
  for (int k = 0; k < N_PROGRAMMES; k++)
    student_order[k] = offer_order[k] = k;
  for (int k = N_PROGRAMMES - 1; k > 0; k--)
    {
      int j = g_rand_int_range (rand, 0, k + 1), tmp = student_order[k];
      student_order[k] = student_order[j];
      student_order[j] = tmp;
    }
  /* Offers follow students' popularity loosely: swap a few neighbours. */
  memcpy (offer_order, student_order, sizeof offer_order);
  for (int k = 0; k + 1 < N_PROGRAMMES; k += 2)
    if (g_rand_boolean (rand))
      {
        int tmp = offer_order[k];
        offer_order[k] = offer_order[k + 1];
        offer_order[k + 1] = tmp;
      }

  for (guint s = 0; s < n_students; s++)
    {
      Person *p = &world->students[s];

      place_somewhere (rand, towns, total_weight, &p->x, &p->y);
      p->programme = draw_programme (rand, student_order, student_zipf);
      p->level = g_rand_int_range (rand, 1, 5);
      p->travel = g_rand_double_range (rand, 0.5, 1.5);
      p->favourite = g_rand_int_range (rand, 0, N_SECTORS);
    }

  for (int k = 0; k < N_PROGRAMMES; k++)
    world->by_programme[k] = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (int k = 0; k < N_SECTORS; k++)
    world->by_sector[k] = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint o = 0; o < n_offers; o++)
    {
      Place *p = &world->offers[o];
      int programme = draw_programme (rand, offer_order, offer_zipf);

      place_somewhere (rand, towns, total_weight, &p->x, &p->y);
      p->sector = programme / PROGRAMMES_PER_SECTOR;
      p->programme = g_rand_double (rand) < 0.35 ? -1 : programme;
      p->min_level = g_rand_int_range (rand, 1, 4);
      p->max_level = MIN (4, p->min_level + g_rand_int_range (rand, 1, 3));
      p->capacity = (guint) g_rand_int_range (rand, 1, 5);
      p->appeal = g_rand_int_range (rand, 0, 151);
      total_places += p->capacity;
      if (p->programme >= 0)
        g_array_append_val (world->by_programme[p->programme], o);
      else
        g_array_append_val (world->by_sector[p->sector], o);
    }

  /* Capacities 1–4 with the total asked for. */
  target = (guint64) llround (places_per_student * n_students);
  if (n_offers > 0)
    while (total_places != target)
      {
        Place *p = &world->offers[g_rand_int_range (rand, 0, (gint32) n_offers)];

        if (total_places < target && p->capacity < 4)
          p->capacity++, total_places++;
        else if (total_places > target && p->capacity > 1)
          p->capacity--, total_places--;
        if (total_places > 4 * (guint64) n_offers || total_places < n_offers)
          break;
      }
  return world;
}

static void
world_free (World *world)
{
  for (int k = 0; k < N_PROGRAMMES; k++)
    g_array_unref (world->by_programme[k]);
  for (int k = 0; k < N_SECTORS; k++)
    g_array_unref (world->by_sector[k]);
  g_free (world->students);
  g_free (world->offers);
  g_free (world);
}

/* A small deterministic hash, so the random part of a score belongs to
 * the pair and not to the order of generation. */
static guint32
pair_hash (guint32 a,
           guint32 b,
           guint32 salt)
{
  guint64 h = ((guint64) a << 32 | b) ^ ((guint64) salt * 0x9E3779B97F4A7C15ull);

  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return (guint32) h;
}

typedef void (*EdgeFunc) (guint student, guint offer, guint score, guint offer_score, gpointer data);

/* Calls @func for every feasible pair of @student within @radius_scale
 * times the student's travel distance; returns how many. */
static guint
world_edges (World    *world,
             guint     student,
             double    radius_scale,
             EdgeFunc  func,
             gpointer  data)
{
  const Person *p = &world->students[student];
  double reach = p->travel * radius_scale;
  GArray *lists[2] = { world->by_programme[p->programme],
                       world->by_sector[p->programme / PROGRAMMES_PER_SECTOR] };
  guint n = 0;

  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        guint o = g_array_index (lists[l], guint32, i);
        const Place *q = &world->offers[o];
        double dx = p->x - q->x, dy = p->y - q->y, d2 = dx * dx + dy * dy;
        guint32 h;
        int score, offer_score;
        double d;

        if (p->level < q->min_level || p->level > q->max_level || d2 > reach * reach)
          continue;
        n++;
        if (func == NULL)
          continue;

        d = sqrt (d2);
        h = pair_hash (student, o, 1);
        score = (q->programme >= 0 ? 350 : 180) +
                (int) (250.0 * (1.0 - d / reach)) +
                (int) (h % 201) +
                (p->favourite == q->sector ? 50 : 0) +
                q->appeal;
        offer_score = 300 + 100 * (p->level - q->min_level) +
                      (int) (pair_hash (student, o, 2) % 401) +
                      (int) (150.0 * (1.0 - d / reach));
        func (student, o, (guint) CLAMP (score, 0, 1000), (guint) CLAMP (offer_score, 0, 1000), data);
      }
  return n;
}

/* Scales the travel distances so that the instance has about @pairs
 * feasible pairs, by counting on a sample of students. */
static double
world_calibrate (World  *world,
                 double  pairs)
{
  double lo = 1, hi = 400, scale = 40;
  guint step = MAX (1, world->n_students / 2000);

  if (world->n_students == 0)
    return scale;
  for (int iteration = 0; iteration < 40; iteration++)
    {
      guint64 count = 0, sampled = 0;

      scale = sqrt (lo * hi);
      for (guint s = 0; s < world->n_students; s += step, sampled++)
        count += world_edges (world, s, scale, NULL, NULL);
      if ((double) count / sampled * world->n_students < pairs)
        lo = scale;
      else
        hi = scale;
    }
  return scale;
}

static void
add_to_problem (guint    student,
                guint    offer,
                guint    score,
                guint    offer_score,
                gpointer data)
{
  sm_problem_add_edge (data, student, offer, score, offer_score);
}

static void
add_to_file (guint    student,
             guint    offer,
             guint    score,
             guint    offer_score,
             gpointer data)
{
  fprintf (data, "e %u %u %u %u\n", student, offer, score, offer_score);
}

static SmProblem *
generate_problem (guint   n_students,
                  guint   n_offers,
                  double  pairs,
                  guint64 seed)
{
  World *world = world_new (n_students, n_offers, opt_places, seed);
  double scale = world_calibrate (world, pairs);
  SmProblem *problem = sm_problem_new (n_students, n_offers);
  g_autoptr(GError) error = NULL;

  for (guint o = 0; o < n_offers; o++)
    sm_problem_set_capacity (problem, o, world->offers[o].capacity);
  for (guint s = 0; s < n_students; s++)
    world_edges (world, s, scale, add_to_problem, problem);
  world_free (world);

  if (!sm_problem_finish (problem, &error))
    g_error ("%s", error->message);
  return problem;
}

static gboolean
write_instance (const char  *path,
                guint        n_students,
                guint        n_offers,
                double       pairs,
                guint64      seed,
                GError     **error)
{
  World *world = world_new (n_students, n_offers, opt_places, seed);
  double scale = world_calibrate (world, pairs);
  FILE *file = g_fopen (path, "w");

  if (file == NULL)
    {
      int saved_errno = errno;
      world_free (world);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not write %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  fprintf (file, "c sm-bench-solve: %u students, %u offers, %.2f places per student, seed %" G_GUINT64_FORMAT "\n",
           n_students, n_offers, opt_places, seed);
  fprintf (file, "p %u %u\n", n_students, n_offers);
  for (guint o = 0; o < n_offers; o++)
    if (world->offers[o].capacity != 1)
      fprintf (file, "o %u %u\n", o, world->offers[o].capacity);
  for (guint s = 0; s < n_students; s++)
    world_edges (world, s, scale, add_to_file, file);
  world_free (world);

  if (fclose (file) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not write %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The child that runs our optimal solver: the same output as the peer. */
static int
run_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmProblem) problem = NULL;
  g_autoptr(SmSolution) solution = NULL;
  double start = now_ms (), read_ms, solve_ms;

  problem = sm_problem_new_from_file (path, &error);
  if (problem == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  read_ms = now_ms () - start;

  start = now_ms ();
  if (!sm_assignment_solve (problem, &solution, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  solve_ms = now_ms () - start;

  printf ("read_ms %.1f solve_ms %.1f objective %" G_GINT64_FORMAT " assigned %u\n",
          read_ms, solve_ms, solution->total_score, solution->n_assigned);
  return 0;
}

typedef struct
{
  double  read_ms;
  double  solve_ms;
  double  wall_ms;
  double  rss_mib;
  gint64  objective;
  guint   assigned;
} Run;

/* Runs @argv in a child and reads its figures; the peak RSS is the
 * child's own, from wait4(). */
static gboolean
run_program (char * const *argv,
             Run          *run)
{
  int fds[2];
  pid_t pid;
  int status;
  struct rusage usage;
  char buffer[512];
  gssize n;
  gsize length = 0;
  double start;

  if (pipe (fds) != 0)
    return FALSE;
  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      execv (argv[0], argv);
      _exit (127);
    }
  close (fds[1]);
  while (length + 1 < sizeof buffer && (n = read (fds[0], buffer + length, sizeof buffer - 1 - length)) > 0)
    length += (gsize) n;
  buffer[length] = '\0';
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "%s failed\n", argv[0]);
      return FALSE;
    }
  run->wall_ms = now_ms () - start;
  run->rss_mib = usage.ru_maxrss / 1024.0;
  if (sscanf (buffer, "read_ms %lf solve_ms %lf objective %" G_GINT64_FORMAT " assigned %u",
              &run->read_ms, &run->solve_ms, &run->objective, &run->assigned) != 4)
    {
      fprintf (stderr, "%s printed “%s”\n", argv[0], buffer);
      return FALSE;
    }
  return TRUE;
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

/* Runs @argv @repeats times; @out gets the medians, @out_min and
 * @out_max the range of the solve times. */
static gboolean
measure (char * const *argv,
         int           repeats,
         Run          *out,
         double       *solve_min,
         double       *solve_max)
{
  g_autofree double *read = g_new (double, repeats);
  g_autofree double *solve = g_new (double, repeats);
  g_autofree double *wall = g_new (double, repeats);
  g_autofree double *rss = g_new (double, repeats);

  for (int i = 0; i < repeats; i++)
    {
      Run run;

      if (!run_program (argv, &run))
        return FALSE;
      read[i] = run.read_ms;
      solve[i] = run.solve_ms;
      wall[i] = run.wall_ms;
      rss[i] = run.rss_mib;
      if (i > 0 && (run.objective != out->objective || run.assigned != out->assigned))
        {
          fprintf (stderr, "%s gave two different results\n", argv[0]);
          return FALSE;
        }
      out->objective = run.objective;
      out->assigned = run.assigned;
    }
  out->read_ms = median (read, repeats);
  out->solve_ms = median (solve, repeats);
  out->wall_ms = median (wall, repeats);
  out->rss_mib = median (rss, repeats);
  *solve_min = solve[0];
  *solve_max = solve[repeats - 1];
  return TRUE;
}

static void
print_run (const char *name,
           const Run  *run,
           double      lo,
           double      hi)
{
  printf ("  %-28s %9.0f ms %9.0f ms (%.0f–%.0f) %9.0f ms %8.1f MiB  %" G_GINT64_FORMAT " / %u\n",
          name, run->read_ms, run->solve_ms, lo, hi, run->wall_ms, run->rss_mib, run->objective, run->assigned);
}

static int
bench_optimal (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self = NULL;
  g_autoptr(GError) error = NULL;
  Run ours = { 0 }, peer = { 0 };
  double ours_lo, ours_hi, peer_lo = 0, peer_hi = 0;
  gboolean have_peer = FALSE;
  double start;
  int status = 0;

  dir = g_dir_make_tmp ("sm-bench-solve-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "instance.txt", NULL);

  start = now_ms ();
  if (!write_instance (path, (guint) opt_students, (guint) opt_offers, opt_pairs, (guint64) opt_seed, &error))
    g_error ("%s", error->message);
  {
    GStatBuf buf;
    g_stat (path, &buf);
    printf ("Instance: %d students, %d offers, %.2f places per student, seed %" G_GINT64_FORMAT
            ", %.1f MiB, written in %.0f ms\n",
            opt_students, opt_offers, opt_places, opt_seed, buf.st_size / 1048576.0, now_ms () - start);
  }
  {
    g_autoptr(SmProblem) problem = sm_problem_new_from_file (path, &error);
    guint64 places = 0;

    if (problem == NULL)
      g_error ("%s", error->message);
    for (guint o = 0; o < sm_problem_get_n_offers (problem); o++)
      places += sm_problem_get_capacity (problem, o);
    printf ("          %zu feasible pairs (%.1f per student), %" G_GUINT64_FORMAT " places\n\n",
            sm_problem_get_n_edges (problem),
            (double) sm_problem_get_n_edges (problem) / MAX (opt_students, 1), places);
  }

  self = g_file_read_link ("/proc/self/exe", &error);
  if (self == NULL)
    g_error ("%s", error->message);

  printf ("  %-28s %12s %27s %12s %12s  %s\n", "optimal mode, median of runs",
          "read", "solve (range)", "wall", "peak RSS", "objective / assigned");
  {
    char *argv[] = { self, (char *) "--child-optimal", path, NULL };

    if (!measure (argv, opt_repeats, &ours, &ours_lo, &ours_hi))
      return 1;
    print_run ("stagematch (SSP, Dijkstra)", &ours, ours_lo, ours_hi);
  }

#ifdef LEMON_PEER
  if (!opt_no_peer)
    {
      char *argv[] = { (char *) LEMON_PEER, path, NULL };

      if (!measure (argv, opt_repeats, &peer, &peer_lo, &peer_hi))
        return 1;
      print_run ("LEMON NetworkSimplex", &peer, peer_lo, peer_hi);
      have_peer = TRUE;
    }
#else
  printf ("  (LEMON peer not built: no C++ compiler or no lemon headers)\n");
#endif

  if (have_peer)
    {
      printf ("\n  ratio ours/peer: solve %.2f×, read + solve %.2f×, wall %.2f×, peak RSS %.2f×\n",
              ours.solve_ms / peer.solve_ms,
              (ours.read_ms + ours.solve_ms) / (peer.read_ms + peer.solve_ms),
              ours.wall_ms / peer.wall_ms, ours.rss_mib / peer.rss_mib);
      if (ours.objective != peer.objective || ours.assigned != peer.assigned)
        {
          printf ("  RESULTS DIFFER: ours %" G_GINT64_FORMAT " / %u, peer %" G_GINT64_FORMAT " / %u\n",
                  ours.objective, ours.assigned, peer.objective, peer.assigned);
          status = 1;
        }
      else
        printf ("  same objective and number placed\n");
    }

  g_unlink (path);
  g_rmdir (dir);
  return status;
}

static int
bench_stable (void)
{
  guint n_students = (guint) opt_stable_students;
  guint n_offers = (guint) llround ((double) opt_offers * n_students / MAX (opt_students, 1));
  double pairs = opt_pairs * n_students / MAX (opt_students, 1);
  g_autoptr(SmProblem) problem = NULL;
  g_autofree double *times = g_new (double, opt_repeats);
  gint64 objective = -1;
  guint assigned = 0;
  double start;

  start = now_ms ();
  problem = generate_problem (n_students, n_offers, pairs, (guint64) opt_seed);
  printf ("\nStable mode: %u students, %u offers, %zu feasible pairs, generated in %.0f ms\n",
          n_students, n_offers, sm_problem_get_n_edges (problem), now_ms () - start);

  for (int i = 0; i < opt_repeats; i++)
    {
      g_autoptr(SmSolution) solution = NULL;
      g_autoptr(GError) error = NULL;

      start = now_ms ();
      if (!sm_stable_solve (problem, (guint64) opt_seed, &solution, NULL, &error))
        g_error ("%s", error->message);
      times[i] = now_ms () - start;
      if (!sm_problem_check_solution (problem, solution, &error))
        g_error ("%s", error->message);
      objective = solution->total_score;
      assigned = solution->n_assigned;
    }
  {
    double med = median (times, opt_repeats);
    printf ("  sm_stable_solve: %.0f ms median (%.0f–%.0f), %u placed, total score %" G_GINT64_FORMAT "\n",
            med, times[0], times[opt_repeats - 1], assigned, objective);
  }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark the placement solvers");
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (opt_child != NULL)
    return run_child (opt_child);

  if (opt_students < 0 || opt_offers < 0 || opt_repeats < 1 || opt_stable_students < 0 || opt_pairs < 0)
    {
      fprintf (stderr, "Sizes and repeats must not be negative\n");
      return 1;
    }

  if (opt_write != NULL)
    {
      if (!write_instance (opt_write, (guint) opt_students, (guint) opt_offers, opt_pairs, (guint64) opt_seed, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      return 0;
    }

  status = opt_stable_only ? 0 : bench_optimal ();
  if (status == 0 && opt_stable_students > 0)
    status = bench_stable ();
  return status;
}
