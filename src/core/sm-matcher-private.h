/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-matcher.h"

G_BEGIN_DECLS

/* The matcher's compact copy of what matching may read. It is filled from
 * job-relevant fields only (see sm-matcher.c, read_job_field()); nothing
 * that identifies a person is copied. */

typedef struct
{
  guint32 *items;  /* interned, sorted, without duplicates */
  guint    n;
} MSet;

typedef struct
{
  SmStudent *record;
  guint      level;
  guint      pathway;
  int        programme;   /* interned code, or -1 */
  int        sector;      /* sector of the programme, or -1 */
  guint32    interests;   /* a bit per sector */
  int        from;        /* Julian days; 0 when open */
  int        until;
  int        hours;
  int        max_km;
  gboolean   located;
  double     lat;
  double     lon;
  gboolean   licence;
  gboolean   vog;
  MSet       certificates;
  MSet       skills;
  guint      first_pref;  /* into SmMatcher.prefs, sorted by offer */
  guint      n_prefs;
  gboolean   fixed;       /* placed already, by a kept placement */
} MStudent;

typedef struct
{
  SmOffer   *record;
  guint32    levels;
  guint32    pathways;
  MSet       programmes;
  int        sector;
  int        start;
  int        end;
  int        required_days;
  int        hours;
  int        free_places;
  gboolean   located;
  double     lat;
  double     lon;
  gboolean   licence;
  gboolean   vog;
  MSet       requirements; /* in the offer's order, not sorted */
  MSet       skills;
  gboolean   open;
  guint      first_ranked; /* into SmMatcher.offer_prefs, sorted by student */
  guint      n_ranked;
} MOffer;

typedef struct
{
  guint index;  /* an offer (student's list) or a student (offer's list) */
  guint rank;
} MPref;

struct _SmMatcher
{
  GObject         parent_instance;

  SmStore        *store;
  SmMatchWeights  weights;

  GPtrArray      *names;       /* interned text, by id */
  GHashTable     *name_ids;    /* folded text → id + 1 */
  GPtrArray      *programme_codes; /* interned code → SmProgramme, or NULL */

  MStudent       *students;    /* by student number */
  guint           n_students;
  MOffer         *offers;      /* in a content order independent of ids */
  guint           n_offers;
  GHashTable     *student_index; /* SmStudent → index + 1 */
  GHashTable     *offer_index;   /* SmOffer → index + 1 */
  GArray         *prefs;        /* MPref, students' rankings of offers */
  GArray         *offer_prefs;  /* MPref, offers' rankings of students */
  guint           n_fixed;

  /* Feasible pairs with their scores, by student then offer */
  guint          *cand_start;
  guint          *cand_offer;
  guint16        *cand_score;
  guint64         n_candidates;
  double          candidate_seconds;
};

gboolean sm_matcher_check_pair   (SmMatcher          *self,
                                  const MStudent     *student,
                                  const MOffer       *offer,
                                  SmMatchExplanation *explanation);
guint    sm_matcher_score_pair   (SmMatcher          *self,
                                  const MStudent     *student,
                                  const MOffer       *offer,
                                  guint               student_index,
                                  guint               offer_index,
                                  SmMatchExplanation *explanation);
int      sm_matcher_distance_m   (const MStudent     *student,
                                  const MOffer       *offer);
gboolean sm_matcher_build_candidates (SmMatcher      *self,
                                      GError        **error);

G_END_DECLS
