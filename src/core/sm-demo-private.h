/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-demo.h"
#include "sm-level.h"
#include "sm-sector.h"

G_BEGIN_DECLS

/* Shared by the parts of the demo generator: sm-demo.c (the generator,
 * its helpers and the students), sm-demo-offers.c (companies and
 * offers), sm-demo-placements.c (placements, decisions and preferences)
 * and sm-demo-data.c (the tables they draw from). */

/* The demo is set on this day, whatever the clock says, so that the same
 * seed gives the same data in any year: internships before it may have
 * started, decisions were taken before it. */
#define DEMO_TODAY_YEAR  2026
#define DEMO_TODAY_MONTH 11
#define DEMO_TODAY_DAY   24

/* The tables, in sm-demo-data.c */

typedef struct
{
  const char  *code;
  const char  *name;
  SmEducation  education;
  SmSector     sector;
  guint8       level;   /* mbo: 1-4; hbo: 0 Ad, 1 bachelor; vmbo: unused */
  guint8       weight;  /* how many students follow it, relatively */
  const char  *group;   /* the start of a class name: "VIG" in "VIG2A" */
} DemoProgramme;

/* A town with its PC4 range. */
typedef struct
{
  const char *name;
  guint       first;
  guint       last;
  double      latitude;
  double      longitude;
  double      radius_km;
  const char *area_code;  /* of landline phone numbers */
} DemoTown;

typedef struct
{
  const char * const *items;
  guint               n_items;
} DemoList;

typedef struct
{
  const char * const *given;
  guint               n_given;
  const char * const *family;
  guint               n_family;
  guint               weight;
} DemoNames;

typedef struct
{
  const char *start;
  const char *end;
} DemoPeriod;

typedef struct
{
  const DemoPeriod *items;
  guint             n_items;
} DemoPeriods;

extern const DemoProgramme sm_demo_programmes[];
extern const guint         sm_demo_n_programmes;
extern const DemoTown      sm_demo_towns[];
extern const guint         sm_demo_n_towns;
extern const DemoList      sm_demo_streets;
extern const DemoList      sm_demo_business_streets;
extern const DemoNames     sm_demo_names[];
extern const guint         sm_demo_n_names;
extern const DemoList      sm_demo_teachers;

/* Indexed by SmSector */
extern const DemoList      sm_demo_sector_skills[SM_N_SECTORS];
extern const char * const  sm_demo_sector_phrase[SM_N_SECTORS];
extern const char * const  sm_demo_sector_task[SM_N_SECTORS];
extern const guint         sm_demo_sector_weight[SM_N_SECTORS];
extern const DemoList      sm_demo_sector_companies[SM_N_SECTORS];
extern const DemoList      sm_demo_general_skills;

extern const DemoList      sm_demo_house_names;
extern const DemoList      sm_demo_name_words;
extern const DemoList      sm_demo_regions;
extern const DemoList      sm_demo_port_areas;

extern const DemoList      sm_demo_motivation_opening;
extern const DemoList      sm_demo_motivation_skills;
extern const DemoList      sm_demo_motivation_personal;
extern const DemoList      sm_demo_motivation_contact;

extern const DemoList      sm_demo_accommodations;
extern const DemoList      sm_demo_reject_reasons;
extern const DemoList      sm_demo_decision_notes;

extern const DemoPeriods   sm_demo_vmbo_periods;
extern const DemoPeriods   sm_demo_mbo_periods;
extern const DemoPeriods   sm_demo_hbo_periods;
extern const DemoPeriod    sm_demo_full_year;

/* Indexed by SmLevel */
extern const guint         sm_demo_level_weight[SM_N_LEVELS];

/* The generator */

typedef struct
{
  SmRecord          *record;
  SmLevel            level;
  SmPathway          pathway;
  guint              programme;
  const DemoPeriod  *period;
  const char        *supervisor;
  gboolean           placed;
} StudentInfo;

typedef struct
{
  SmRecord  *record;
  char      *contact;
  guint      town;
  gboolean   sbb;
  SmSector   sector;
} CompanyInfo;

typedef struct
{
  SmRecord          *record;
  guint              company;
  guint              levels;
  guint              pathways;
  guint              programmes[3];
  guint              n_programmes;
  SmSector           sector;
  const DemoPeriod  *period;
  guint              places;
  guint              used;
} OfferInfo;

typedef struct
{
  GRand       *rand;
  SmChangeSet *changes;

  GArray      *areas;        /* of SmPostcodeArea */
  GArray      *area_town;    /* of guint, per area */

  GArray      *by_level[SM_N_LEVELS];              /* programme indices */
  GArray      *by_sector[SM_N_SECTORS][3];         /* per SmEducation */
  GArray      *offers_by_level[SM_N_LEVELS];       /* offer indices */
  guint        names_total;
  guint        sector_total;

  GStringChunk *strings;     /* keys of the sets below */
  GHashTable  *used_numbers;
  GHashTable  *used_emails;  /* local part → how many have it */
  GHashTable  *used_kvk;
  GHashTable  *used_company_names;
  GHashTable  *branches;     /* "name vestiging town" → how many */
  GHashTable  *used_codes;

  StudentInfo *students;
  guint        n_students;
  CompanyInfo *companies;
  guint        n_companies;
  OfferInfo   *offers;
  guint        n_offers;
} Demo;

typedef struct
{
  char *given;
  char *prefix;
  char *family;
} DemoPerson;

/* Random helpers: everything goes through demo->rand, never g_random_*. */
guint    sm_demo_rand_below    (Demo        *demo,
                                guint        n);
int      sm_demo_rand_between  (Demo        *demo,
                                int          lo,
                                int          hi);
gboolean sm_demo_chance        (Demo        *demo,
                                double       p);
guint    sm_demo_pick_weighted (Demo        *demo,
                                const guint *weights,
                                guint        n,
                                guint        total);
guint    sm_demo_pick_programme (Demo       *demo,
                                 GArray     *candidates);

/* An entry of a DemoList or DemoPeriods */
#define PICK(demo, list) ((list).items[sm_demo_rand_below ((demo), (list).n_items)])

char            *sm_demo_ascii_fold       (const char         *text);
void             sm_demo_person_clear     (DemoPerson         *person);
const DemoNames *sm_demo_pick_names       (Demo               *demo);
void             sm_demo_make_person      (Demo               *demo,
                                           DemoPerson         *person);
char            *sm_demo_person_full_name (const DemoPerson   *person);
char            *sm_demo_make_mobile      (Demo               *demo);
char            *sm_demo_make_street      (Demo               *demo,
                                           const DemoList     *streets);
char            *sm_demo_make_postcode    (Demo               *demo,
                                           guint              *town);
void             sm_demo_add_skills       (Demo               *demo,
                                           GStrvBuilder       *builder,
                                           const DemoList     *list,
                                           guint               n,
                                           GPtrArray          *chosen);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoPerson, sm_demo_person_clear)

/* sm-demo-offers.c */
void sm_demo_add_company (Demo        *demo,
                          CompanyInfo *info);
void sm_demo_add_offer   (Demo        *demo,
                          OfferInfo   *info,
                          guint        company);

/* sm-demo-placements.c */
void sm_demo_add_placements_and_decisions (Demo *demo);

G_END_DECLS
