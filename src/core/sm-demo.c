/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sm-demo-private.h"
#include "sm-programme.h"
#include "sm-student.h"

/* Demo data: a fictional school in the Rotterdam/Den Haag region in the
 * school year 2026-2027, for trying the program, for screenshots and for
 * tests and benchmarks at the scale of a large mbo school. Everything is
 * drawn from one GRand seeded by the caller, so a seed always gives the
 * same database, and everything is written through the store API, so the
 * records pass the same validation as typed ones. Every person, company,
 * address, KvK number and phone number is made up. */

#define DEMO_MAX_RECORDS 1000000

static void
demo_free (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_object (&demo->changes);
  g_clear_pointer (&demo->areas, g_array_unref);
  g_clear_pointer (&demo->area_town, g_array_unref);
  for (guint i = 0; i < SM_N_LEVELS; i++)
    {
      g_clear_pointer (&demo->by_level[i], g_array_unref);
      g_clear_pointer (&demo->offers_by_level[i], g_array_unref);
    }
  for (guint s = 0; s < SM_N_SECTORS; s++)
    for (guint e = 0; e < 3; e++)
      g_clear_pointer (&demo->by_sector[s][e], g_array_unref);
  g_clear_pointer (&demo->used_numbers, g_hash_table_unref);
  g_clear_pointer (&demo->used_emails, g_hash_table_unref);
  g_clear_pointer (&demo->used_kvk, g_hash_table_unref);
  g_clear_pointer (&demo->used_company_names, g_hash_table_unref);
  g_clear_pointer (&demo->branches, g_hash_table_unref);
  g_clear_pointer (&demo->used_codes, g_hash_table_unref);
  g_clear_pointer (&demo->strings, g_string_chunk_free);
  /* The records belong to the change set. */
  for (guint i = 0; i < demo->n_companies; i++)
    g_free (demo->companies[i].contact);
  g_free (demo->students);
  g_free (demo->companies);
  g_free (demo->offers);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/* Random helpers: everything goes through demo->rand, never g_random_*. */

guint
sm_demo_rand_below (Demo  *demo,
                    guint  n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

int
sm_demo_rand_between (Demo *demo,
                      int   lo,
                      int   hi)
{
  return g_rand_int_range (demo->rand, lo, hi + 1);
}

gboolean
sm_demo_chance (Demo   *demo,
                double  p)
{
  return g_rand_double (demo->rand) < p;
}

guint
sm_demo_pick_weighted (Demo        *demo,
                       const guint *weights,
                       guint        n,
                       guint        total)
{
  guint r = sm_demo_rand_below (demo, total);

  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  g_assert_not_reached ();
}

guint
sm_demo_pick_programme (Demo   *demo,
                        GArray *candidates)
{
  guint total = 0, r;

  for (guint i = 0; i < candidates->len; i++)
    total += sm_demo_programmes[g_array_index (candidates, guint, i)].weight;
  r = sm_demo_rand_below (demo, total);
  for (guint i = 0; i < candidates->len; i++)
    {
      guint p = g_array_index (candidates, guint, i);

      if (r < sm_demo_programmes[p].weight)
        return p;
      r -= sm_demo_programmes[p].weight;
    }
  g_assert_not_reached ();
}

/* Text helpers */

/* Replaces each '@' in @tmpl by the next of @args. */
static void
append_template (GString            *out,
                 const char         *tmpl,
                 const char * const *args)
{
  for (const char *p = tmpl; *p != '\0'; p++)
    {
      if (*p == '@' && *args != NULL)
        g_string_append (out, *args++);
      else
        g_string_append_c (out, *p);
    }
}

/* Lower-case ASCII letters and digits only: "Yılmaz" → "yilmaz",
 * "van 't Hof" → "vanthof". */
char *
sm_demo_ascii_fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autoptr(GString) out = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Splits "van der Linden" into the prefix "van der" and "Linden". */
static void
split_family (const char  *full,
              char       **prefix,
              char       **family)
{
  const char *rest = full;

  while (*rest != '\0' && !g_unichar_isupper (g_utf8_get_char (rest)))
    {
      const char *space = strchr (rest, ' ');
      if (space == NULL)
        break;
      rest = space + 1;
    }
  *prefix = rest > full ? g_strndup (full, rest - full - 1) : NULL;
  *family = g_strdup (rest);
}

void
sm_demo_person_clear (DemoPerson *person)
{
  g_clear_pointer (&person->given, g_free);
  g_clear_pointer (&person->prefix, g_free);
  g_clear_pointer (&person->family, g_free);
}

const DemoNames *
sm_demo_pick_names (Demo *demo)
{
  guint r = sm_demo_rand_below (demo, demo->names_total);

  for (guint i = 0; i < sm_demo_n_names; i++)
    {
      if (r < sm_demo_names[i].weight)
        return &sm_demo_names[i];
      r -= sm_demo_names[i].weight;
    }
  g_assert_not_reached ();
}

void
sm_demo_make_person (Demo       *demo,
                     DemoPerson *person)
{
  const DemoNames *names = sm_demo_pick_names (demo);
  /* Families mix: some given and family names come from different lists. */
  const DemoNames *family_names = sm_demo_chance (demo, 0.1) ? sm_demo_pick_names (demo) : names;

  person->given = g_strdup (names->given[sm_demo_rand_below (demo, names->n_given)]);
  split_family (family_names->family[sm_demo_rand_below (demo, family_names->n_family)],
                &person->prefix, &person->family);
}

char *
sm_demo_person_full_name (const DemoPerson *person)
{
  if (person->prefix != NULL)
    return g_strdup_printf ("%s %s %s", person->given, person->prefix, person->family);
  return g_strdup_printf ("%s %s", person->given, person->family);
}

char *
sm_demo_make_mobile (Demo *demo)
{
  return g_strdup_printf ("06-%d%07d", sm_demo_rand_between (demo, 1, 5), sm_demo_rand_between (demo, 0, 9999999));
}

char *
sm_demo_make_street (Demo           *demo,
                     const DemoList *streets)
{
  const char *street = streets->items[sm_demo_rand_below (demo, streets->n_items)];
  int number = sm_demo_rand_between (demo, 1, 199);

  if (sm_demo_chance (demo, 0.1))
    return g_strdup_printf ("%s %d%c", street, number, 'a' + sm_demo_rand_between (demo, 0, 2));
  if (sm_demo_chance (demo, 0.05))
    return g_strdup_printf ("%s %d-%d", street, number, sm_demo_rand_between (demo, 1, 3));
  return g_strdup_printf ("%s %d", street, number);
}

/* A full postcode in a PC4 area of the region; sets @town. Letters as
 * PostNL uses them (no F, I, O, Q, U, Y), never SA, SD or SS. */
char *
sm_demo_make_postcode (Demo  *demo,
                       guint *town)
{
  static const char letters[] = "ABCDEGHJKLMNPRSTVWXZ";
  guint area = sm_demo_rand_below (demo, demo->areas->len);
  char a, b;

  do
    {
      a = letters[sm_demo_rand_below (demo, sizeof letters - 1)];
      b = letters[sm_demo_rand_below (demo, sizeof letters - 1)];
    }
  while (a == 'S' && (b == 'A' || b == 'D' || b == 'S'));

  *town = g_array_index (demo->area_town, guint, area);
  return g_strdup_printf ("%04u %c%c", g_array_index (demo->areas, SmPostcodeArea, area).code, a, b);
}

/* Postcode areas */

static void
build_areas (Demo *demo)
{
  /* A sunflower spiral spreads the areas of a town evenly over a disc. It
   * does not use the seed: the map is the same for every demo. */
  const double golden_angle = G_PI * (3.0 - sqrt (5.0));

  demo->areas = g_array_new (FALSE, FALSE, sizeof (SmPostcodeArea));
  demo->area_town = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint t = 0; t < sm_demo_n_towns; t++)
    {
      const DemoTown *town = &sm_demo_towns[t];
      guint n = town->last - town->first + 1;

      for (guint k = 0; k < n; k++)
        {
          double r = town->radius_km * sqrt ((k + 0.5) / n);
          double theta = k * golden_angle;
          SmPostcodeArea area;

          area.code = town->first + k;
          area.latitude = town->latitude + r * sin (theta) / 111.2;
          area.longitude = town->longitude + r * cos (theta) / (111.2 * cos (town->latitude * G_PI / 180.0));
          g_array_append_val (demo->areas, area);
          g_array_append_val (demo->area_town, t);
        }
    }
}

/* Programmes */

static void
add_programmes (Demo *demo)
{
  for (guint i = 0; i < SM_N_LEVELS; i++)
    demo->by_level[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint s = 0; s < SM_N_SECTORS; s++)
    for (guint e = 0; e < 3; e++)
      demo->by_sector[s][e] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < sm_demo_n_programmes; i++)
    {
      const DemoProgramme *p = &sm_demo_programmes[i];
      g_autoptr(SmProgramme) programme = sm_programme_new (p->code, p->name, p->education, p->sector);

      sm_change_set_save (demo->changes, SM_RECORD (programme));
      g_array_append_val (demo->by_sector[p->sector][p->education], i);

      switch (p->education)
        {
        case SM_EDUCATION_VMBO:
          for (SmLevel l = SM_LEVEL_VMBO_BB; l <= SM_LEVEL_VMBO_TL; l++)
            g_array_append_val (demo->by_level[l], i);
          break;
        case SM_EDUCATION_MBO:
          g_array_append_val (demo->by_level[SM_LEVEL_MBO_1 + p->level - 1], i);
          break;
        case SM_EDUCATION_HBO:
          g_array_append_val (demo->by_level[p->level ? SM_LEVEL_HBO_BACHELOR : SM_LEVEL_HBO_AD], i);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Students */

static char *
make_student_number (Demo *demo)
{
  /* Six digits for a school of ordinary size, seven for a huge one. */
  guint range = MIN (9900000u, MAX (900000u, demo->n_students * 10));

  for (;;)
    {
      guint number = 100000 + sm_demo_rand_below (demo, range);

      if (g_hash_table_add (demo->used_numbers, GUINT_TO_POINTER (number)))
        return g_strdup_printf ("%u", number);
    }
}

static char *
make_email (Demo             *demo,
            const DemoPerson *person,
            const char       *domain)
{
  g_autofree char *given = sm_demo_ascii_fold (person->given);
  g_autofree char *family_text = g_strconcat (person->prefix != NULL ? person->prefix : "", person->family, NULL);
  g_autofree char *family = sm_demo_ascii_fold (family_text);
  g_autofree char *local = g_strdup_printf ("%s.%s", given, family);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (demo->used_emails, local)) + 1;

  /* The second Daan Jansen gets daan.jansen2@..., as at school. Names
   * have no digits, so that is never someone else's first address. */
  g_hash_table_insert (demo->used_emails, g_string_chunk_insert_const (demo->strings, local), GUINT_TO_POINTER (n));
  if (n == 1)
    return g_strdup_printf ("%s@%s", local, domain);
  return g_strdup_printf ("%s%u@%s", local, n, domain);
}

static char *
make_date_of_birth (Demo *demo,
                    int   age)
{
  GDate date;
  char text[16];

  /* @age on 1 September 2026. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2026 - age);
  g_date_subtract_days (&date, sm_demo_rand_between (demo, 0, 364));
  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

void
sm_demo_add_skills (Demo             *demo,
                    GStrvBuilder     *builder,
                    const DemoList   *list,
                    guint             n,
                    GPtrArray        *chosen)
{
  for (guint i = 0; i < n; i++)
    {
      const char *skill = list->items[sm_demo_rand_below (demo, list->n_items)];

      if (!g_ptr_array_find_with_equal_func (chosen, skill, g_str_equal, NULL))
        {
          g_ptr_array_add (chosen, (gpointer) skill);
          g_strv_builder_add (builder, skill);
        }
    }
}

/* @skills: the first @n_skills are the sector's, which read well in a
 * sentence; general ones ("flexibel") do not. */
static char *
make_motivation (Demo             *demo,
                 const DemoPerson *person,
                 SmSector          sector,
                 const char       *city,
                 GPtrArray        *skills,
                 guint             n_skills,
                 const char       *email,
                 const char       *phone)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *args[3] = { NULL };

  args[0] = sm_demo_sector_phrase[sector];
  append_template (out, PICK (demo, sm_demo_motivation_opening), args);

  if (n_skills > 0 && sm_demo_chance (demo, 0.55))
    {
      guint which = sm_demo_rand_below (demo, sm_demo_motivation_skills.n_items);
      guint a = sm_demo_rand_below (demo, n_skills);

      /* Only the template at 2 names two skills, and two different ones. */
      if (which == 2 && n_skills < 2)
        which = 0;
      args[0] = skills->pdata[a];
      args[1] = n_skills > 1 ? skills->pdata[(a + 1 + sm_demo_rand_below (demo, n_skills - 1)) % n_skills] : NULL;
      g_string_append_c (out, ' ');
      append_template (out, sm_demo_motivation_skills.items[which], args);
    }

  if (sm_demo_chance (demo, 0.3))
    {
      guint which = sm_demo_rand_below (demo, sm_demo_motivation_personal.n_items);
      g_autofree char *full = sm_demo_person_full_name (person);

      switch (which)
        {
        case 0:
          args[0] = full;
          args[1] = city;
          break;
        case 1:
          args[0] = city;
          break;
        default:
          args[0] = person->given;
          break;
        }
      g_string_append_c (out, ' ');
      append_template (out, sm_demo_motivation_personal.items[which], args);
    }
  else if (sm_demo_chance (demo, 0.06))
    {
      guint which = sm_demo_rand_below (demo, sm_demo_motivation_contact.n_items);

      args[0] = which == 0 ? email : phone;
      g_string_append_c (out, ' ');
      append_template (out, sm_demo_motivation_contact.items[which], args);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
make_class_name (Demo    *demo,
                 SmLevel  level,
                 guint    programme,
                 int      year)
{
  static const char * const vmbo_tracks[] = { "BB", "KB", "GL", "TL" };

  if (sm_level_get_education (level) == SM_EDUCATION_VMBO)
    return g_strdup_printf ("%d%s%d", year, vmbo_tracks[level - SM_LEVEL_VMBO_BB], sm_demo_rand_between (demo, 1, 4));
  return g_strdup_printf ("%s%d%c", sm_demo_programmes[programme].group, year, 'A' + sm_demo_rand_between (demo, 0, 3));
}

static void
add_student (Demo        *demo,
             StudentInfo *info)
{
  g_autoptr(SmStudent) student = sm_student_new ();
  SmRecord *record = SM_RECORD (student);
  g_auto(DemoPerson) person = { NULL };
  g_autoptr(GStrvBuilder) skills_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) interests_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) certificates_builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  g_auto(GStrv) skill_list = NULL;
  g_auto(GStrv) interest_list = NULL;
  g_auto(GStrv) certificate_list = NULL;
  g_autofree char *number = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *street = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *class_name = NULL;
  g_autofree char *motivation = NULL;
  SmLevel level;
  SmEducation education;
  const DemoProgramme *programme;
  SmSector sector;
  guint town, n_sector_skills;
  int year, age, hours, travel;
  gboolean licence, vog;

  level = (SmLevel) sm_demo_pick_weighted (demo, sm_demo_level_weight, SM_N_LEVELS, 100);
  education = sm_level_get_education (level);
  info->level = level;
  info->programme = sm_demo_pick_programme (demo, demo->by_level[level]);
  programme = &sm_demo_programmes[info->programme];
  sector = programme->sector;
  info->supervisor = PICK (demo, sm_demo_teachers);

  if (education == SM_EDUCATION_MBO)
    info->pathway = level >= SM_LEVEL_MBO_2 && sm_demo_chance (demo, 0.2) ? SM_PATHWAY_BBL : SM_PATHWAY_BOL;
  else
    info->pathway = SM_PATHWAY_NONE;

  /* Year of study and age on 1 September 2026. */
  switch (education)
    {
    case SM_EDUCATION_VMBO:
      year = sm_demo_rand_between (demo, 3, 4);
      age = 11 + year + (sm_demo_chance (demo, 0.2) ? 1 : 0);
      info->period = &PICK (demo, sm_demo_vmbo_periods);
      hours = 16 + 4 * sm_demo_rand_between (demo, 0, 4);
      travel = 10 + 5 * sm_demo_rand_between (demo, 0, 2);
      break;
    case SM_EDUCATION_MBO:
      year = sm_demo_rand_between (demo, 1, MAX (1, (int) programme->level));
      if (info->pathway == SM_PATHWAY_BBL)
        {
          age = 17 + year + sm_demo_rand_between (demo, 0, sm_demo_chance (demo, 0.3) ? 20 : 4);
          info->period = &sm_demo_full_year;
          hours = 24 + 4 * sm_demo_rand_between (demo, 0, 4);
        }
      else
        {
          age = 15 + year + sm_demo_rand_between (demo, 0, 2) + (level == SM_LEVEL_MBO_1 ? sm_demo_rand_between (demo, 0, 3) : 0);
          info->period = &PICK (demo, sm_demo_mbo_periods);
          hours = 24 + 4 * sm_demo_rand_between (demo, 0, 4);
        }
      travel = 10 + 5 * sm_demo_rand_between (demo, 0, 6);
      break;
    case SM_EDUCATION_HBO:
    default:
      year = level == SM_LEVEL_HBO_AD ? sm_demo_rand_between (demo, 1, 2) : sm_demo_rand_between (demo, 2, 4);
      age = 17 + year + sm_demo_rand_between (demo, 0, 3);
      info->period = &PICK (demo, sm_demo_hbo_periods);
      hours = 32 + 4 * sm_demo_rand_between (demo, 0, 2);
      travel = 15 + 5 * sm_demo_rand_between (demo, 0, 5);
      break;
    }
  travel = MIN (travel, 40);

  sm_demo_make_person (demo, &person);
  number = make_student_number (demo);
  email = make_email (demo, &person, "student.example.nl");
  phone = sm_demo_make_mobile (demo);
  street = sm_demo_make_street (demo, &sm_demo_streets);
  postcode = sm_demo_make_postcode (demo, &town);
  birth = make_date_of_birth (demo, age);
  class_name = make_class_name (demo, level, info->programme, year);

  /* Skills from the programme's sector, one general; interests start with
   * the own sector. */
  sm_demo_add_skills (demo, skills_builder, &sm_demo_sector_skills[sector], sm_demo_rand_between (demo, 2, 4), skills);
  n_sector_skills = skills->len;
  if (sm_demo_chance (demo, 0.7))
    {
      sm_demo_add_skills (demo, skills_builder, &sm_demo_general_skills, 1, skills);
    }
  skill_list = g_strv_builder_end (skills_builder);

  g_strv_builder_add (interests_builder, sm_sector_to_key (sector));
  for (int i = sm_demo_rand_between (demo, 0, 2); i > 0; i--)
    {
      SmSector other = (SmSector) sm_demo_pick_weighted (demo, sm_demo_sector_weight, SM_N_SECTORS, demo->sector_total);
      if (other != sector)
        g_strv_builder_add (interests_builder, sm_sector_to_key (other));
    }
  interest_list = g_strv_builder_end (interests_builder);

  if (age >= 18 && sm_demo_chance (demo, age < 20 ? 0.2 : age < 23 ? 0.45 : 0.7))
    licence = TRUE;
  else
    licence = FALSE;
  vog = (sector == SM_SECTOR_CARE || sector == SM_SECTOR_EDUCATION) ? sm_demo_chance (demo, 0.7) : sm_demo_chance (demo, 0.05);

  if (age >= 16 && sm_demo_chance (demo, 0.15))
    g_strv_builder_add (certificates_builder, "BHV");
  if (sm_demo_chance (demo, sector == SM_SECTOR_CARE || sector == SM_SECTOR_EDUCATION ? 0.35 : 0.1))
    g_strv_builder_add (certificates_builder, "EHBO");
  if ((sector == SM_SECTOR_TECHNOLOGY || sector == SM_SECTOR_CONSTRUCTION || sector == SM_SECTOR_LOGISTICS) &&
      age >= 16 && sm_demo_chance (demo, 0.4))
    g_strv_builder_add (certificates_builder, "VCA");
  if (sector == SM_SECTOR_LOGISTICS && age >= 18 && sm_demo_chance (demo, 0.3))
    g_strv_builder_add (certificates_builder, "Heftruckcertificaat");
  if (sector == SM_SECTOR_HOSPITALITY && age >= 18 && sm_demo_chance (demo, 0.2))
    g_strv_builder_add (certificates_builder, "Sociale Hygiëne");
  certificate_list = g_strv_builder_end (certificates_builder);

  motivation = make_motivation (demo, &person, sector, sm_demo_towns[town].name, skills, n_sector_skills,
                                email, phone);

  sm_record_set_string (record, SM_STUDENT_FIELD_STUDENT_NUMBER, number);
  sm_record_set_string (record, SM_STUDENT_FIELD_GIVEN_NAME, person.given);
  sm_record_set_string (record, SM_STUDENT_FIELD_NAME_PREFIX, person.prefix);
  sm_record_set_string (record, SM_STUDENT_FIELD_FAMILY_NAME, person.family);
  sm_record_set_string (record, SM_STUDENT_FIELD_DATE_OF_BIRTH, birth);
  sm_record_set_string (record, SM_STUDENT_FIELD_EMAIL, email);
  sm_record_set_string (record, SM_STUDENT_FIELD_PHONE, phone);
  sm_record_set_string (record, SM_STUDENT_FIELD_STREET, street);
  sm_record_set_string (record, SM_STUDENT_FIELD_POSTCODE, postcode);
  sm_record_set_string (record, SM_STUDENT_FIELD_CITY, sm_demo_towns[town].name);
  sm_record_set_string (record, SM_STUDENT_FIELD_CLASS_NAME, class_name);
  sm_record_set_int (record, SM_STUDENT_FIELD_LEVEL, level);
  sm_record_set_int (record, SM_STUDENT_FIELD_PATHWAY, info->pathway);
  sm_record_set_string (record, SM_STUDENT_FIELD_PROGRAMME, programme->code);
  sm_record_set_string (record, SM_STUDENT_FIELD_SUPERVISOR, info->supervisor);
  sm_record_set_string (record, SM_STUDENT_FIELD_AVAILABLE_FROM, info->period->start);
  sm_record_set_string (record, SM_STUDENT_FIELD_AVAILABLE_UNTIL, info->period->end);
  sm_record_set_int (record, SM_STUDENT_FIELD_HOURS_PER_WEEK, hours);
  sm_record_set_int (record, SM_STUDENT_FIELD_MAX_TRAVEL_KM, travel);
  sm_record_set_strv (record, SM_STUDENT_FIELD_SKILLS, (const char * const *) skill_list);
  sm_record_set_strv (record, SM_STUDENT_FIELD_SECTOR_INTERESTS, (const char * const *) interest_list);
  sm_record_set_int (record, SM_STUDENT_FIELD_DRIVING_LICENCE, licence);
  sm_record_set_int (record, SM_STUDENT_FIELD_VOG, vog);
  sm_record_set_strv (record, SM_STUDENT_FIELD_CERTIFICATES, (const char * const *) certificate_list);
  sm_record_set_string (record, SM_STUDENT_FIELD_MOTIVATION, motivation);
  if (sm_demo_chance (demo, 0.04))
    sm_record_set_string (record, SM_STUDENT_FIELD_ACCOMMODATIONS, PICK (demo, sm_demo_accommodations));

  sm_change_set_save (demo->changes, record);
  info->record = record;
}

/**
 * sm_demo_generate:
 * @store: an empty store
 * @options: how much to make, and the seed
 *
 * Fills @store with a fictional school year: programmes, students of
 * every level, companies, offers, some placements and selection
 * decisions, and a PC4 coordinate table for the Rotterdam/Den Haag region.
 * The same seed gives the same data. All records are written in one
 * transaction; the postcode areas are replaced afterwards, in a second
 * one, so that a refused set leaves the store as it was. If that second
 * step fails the records stay and @error says why.
 *
 * The student numbers and KvK numbers of a seed are always the same, so
 * a second run with the same seed on the same store is refused as a
 * conflict.
 *
 * Returns: %TRUE if everything was stored
 */
gboolean
sm_demo_generate (SmStore              *store,
                  const SmDemoOptions  *options,
                  GError              **error)
{
  g_autoptr(Demo) demo = NULL;
  guint32 seed[2];

  g_return_val_if_fail (SM_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->n_students > DEMO_MAX_RECORDS || options->n_offers > DEMO_MAX_RECORDS)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID,
                   _("Demo data: %u students and %u offers is too many; make at most %u of each"),
                   options->n_students, options->n_offers, DEMO_MAX_RECORDS);
      return FALSE;
    }

  demo = g_new0 (Demo, 1);
  seed[0] = (guint32) (options->seed & 0xffffffff);
  seed[1] = (guint32) (options->seed >> 32);
  demo->rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  demo->changes = sm_change_set_new ();
  demo->used_numbers = g_hash_table_new (NULL, NULL);
  /* The sets' strings live in one chunk: tens of thousands of small
   * frees would cost more than making the data. */
  demo->strings = g_string_chunk_new (64 * 1024);
  demo->used_emails = g_hash_table_new (g_str_hash, g_str_equal);
  demo->used_kvk = g_hash_table_new (NULL, NULL);
  demo->used_company_names = g_hash_table_new (g_str_hash, g_str_equal);
  demo->branches = g_hash_table_new (g_str_hash, g_str_equal);
  demo->used_codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < sm_demo_n_names; i++)
    demo->names_total += sm_demo_names[i].weight;
  for (guint i = 0; i < SM_N_SECTORS; i++)
    demo->sector_total += sm_demo_sector_weight[i];
  for (guint i = 0; i < SM_N_LEVELS; i++)
    demo->offers_by_level[i] = g_array_new (FALSE, FALSE, sizeof (guint));

  build_areas (demo);
  add_programmes (demo);

  /* Companies first: offers and decisions refer to them. */
  demo->n_students = options->n_students;
  demo->n_offers = options->n_offers;
  demo->n_companies = MAX (1, options->n_offers / 2);
  demo->students = g_new0 (StudentInfo, MAX (1, demo->n_students));
  demo->companies = g_new0 (CompanyInfo, demo->n_companies);
  demo->offers = g_new0 (OfferInfo, MAX (1, demo->n_offers));

  for (guint i = 0; i < demo->n_companies; i++)
    sm_demo_add_company (demo, &demo->companies[i]);
  for (guint i = 0; i < demo->n_students; i++)
    add_student (demo, &demo->students[i]);
  /* Every company has at least one offer; the rest are spread at random. */
  for (guint i = 0; i < demo->n_offers; i++)
    sm_demo_add_offer (demo, &demo->offers[i], i < demo->n_companies ? i : sm_demo_rand_below (demo, demo->n_companies));
  sm_demo_add_placements_and_decisions (demo);

  if (!sm_store_apply (store, demo->changes, error))
    return FALSE;

  return sm_store_replace_postcode_areas (store, demo->areas, error);
}
