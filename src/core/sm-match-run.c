/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-match-run"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-enums.h"
#include "sm-match-run.h"

/* An applied matching run: its mode, the seed of its lottery and the
 * weights it used, so that the same data gives the same placements again. */
struct _SmMatchRun
{
  SmRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SmMatchRun, sm_match_run, SM_TYPE_RECORD)

static const SmField match_run_fields[] = {
  [SM_MATCH_RUN_FIELD_MODE] = { "mode", SM_FIELD_ENUM, N_("Mode"), 0, .get_type = sm_match_mode_get_type },
  [SM_MATCH_RUN_FIELD_SEED] = { "seed", SM_FIELD_INT, N_("Seed"), 0, .min = 0, .max = G_MAXINT64 },
  [SM_MATCH_RUN_FIELD_STARTED_AT] = { "started_at", SM_FIELD_STRING, N_("Started at"), SM_FIELD_REQUIRED, .max = 40 },
  [SM_MATCH_RUN_FIELD_ASSIGNED] = { "assigned", SM_FIELD_INT, N_("Placed"), 0, .min = 0, .max = G_MAXINT32 },
  [SM_MATCH_RUN_FIELD_UNASSIGNED] = { "unassigned", SM_FIELD_INT, N_("Not placed"), 0, .min = 0, .max = G_MAXINT32 },
  [SM_MATCH_RUN_FIELD_TOTAL_SCORE] = { "total_score", SM_FIELD_INT, N_("Total score"), 0, .min = 0, .max = G_MAXINT64 },
  [SM_MATCH_RUN_FIELD_WEIGHTS] = { "weights", SM_FIELD_STRING, N_("Weights"), 0, .max = 200 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (match_run_fields) == SM_MATCH_RUN_N_FIELDS);

static void
sm_match_run_class_init (SmMatchRunClass *klass)
{
  sm_record_class_install_fields (SM_RECORD_CLASS (klass), "match_runs",
                                  match_run_fields, G_N_ELEMENTS (match_run_fields));
  sm_record_class_set_nouns (SM_RECORD_CLASS (klass), N_("matching run"), N_("matching runs"));
}

static void
sm_match_run_init (SmMatchRun *self)
{
}

SmMatchRun *
sm_match_run_new (void)
{
  return g_object_new (SM_TYPE_MATCH_RUN, NULL);
}

SmMatchMode
sm_match_run_get_mode (SmMatchRun *self)
{
  return (SmMatchMode) sm_record_get_int (SM_RECORD (self), SM_MATCH_RUN_FIELD_MODE);
}

guint64
sm_match_run_get_seed (SmMatchRun *self)
{
  return (guint64) sm_record_get_int (SM_RECORD (self), SM_MATCH_RUN_FIELD_SEED);
}
