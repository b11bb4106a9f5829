/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-demo"

#include "config.h"

#include <string.h>

#include "sm-company.h"
#include "sm-demo-private.h"
#include "sm-offer.h"

/* The companies of the demo and their internship offers; see sm-demo.c. */

/* Companies */

/* "van den Berg" → "Van den Berg", as written without a given name. */
static char *
capitalise_first (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *rest = g_utf8_next_char (text);
  char buffer[8];
  int len = g_unichar_to_utf8 (g_unichar_toupper (c), buffer);

  return g_strdup_printf ("%.*s%s", len, buffer, rest);
}

static char *
make_landline (Demo     *demo,
               guint     town)
{
  const char *area_code = sm_demo_towns[town].area_code;

  /* Area code and subscriber number have ten digits together. */
  if (strlen (area_code) == 3)
    return g_strdup_printf ("%s-%d%06d", area_code, sm_demo_rand_between (demo, 2, 9), sm_demo_rand_between (demo, 0, 999999));
  return g_strdup_printf ("%s-%d%05d", area_code, sm_demo_rand_between (demo, 2, 9), sm_demo_rand_between (demo, 0, 99999));
}

static char *
expand_company_template (Demo     *demo,
                         SmSector  sector)
{
  const DemoList *templates = &sm_demo_sector_companies[sector];
  const char *tmpl = templates->items[sm_demo_rand_below (demo, templates->n_items)];
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = tmpl; *p != '\0'; p++)
    {
      if (*p != '$' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      switch (*++p)
        {
        case 'F':
          {
            const DemoNames *names = sm_demo_pick_names (demo);
            g_autofree char *family = capitalise_first (names->family[sm_demo_rand_below (demo, names->n_family)]);
            g_string_append (out, family);
          }
          break;
        case 'G':
          {
            const DemoNames *names = sm_demo_pick_names (demo);
            g_string_append (out, names->given[sm_demo_rand_below (demo, names->n_given)]);
          }
          break;
        case 'T':
          g_string_append (out, PICK (demo, sm_demo_house_names));
          break;
        case 'W':
          g_string_append (out, PICK (demo, sm_demo_name_words));
          break;
        case 'R':
          g_string_append (out, PICK (demo, sm_demo_regions));
          break;
        case 'P':
          g_string_append (out, PICK (demo, sm_demo_port_areas));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Returns the company's name; @base is the name without the branch,
 * which the branches of one firm share. */
static char *
make_company_name (Demo      *demo,
                   SmSector   sector,
                   guint      town,
                   char     **base)
{
  char *name = NULL;

  /* Mostly a new firm; when the names run out, a second "Hotel Rijnmond"
   * is a branch, named after its town. */
  for (guint tries = 0; tries < 4; tries++)
    {
      g_clear_pointer (base, g_free);
      *base = expand_company_template (demo, sector);
      if (!g_hash_table_contains (demo->used_company_names, *base))
        break;
    }
  if (g_hash_table_contains (demo->used_company_names, *base))
    {
      g_autofree char *branch = g_strdup_printf ("%s vestiging %s", *base, sm_demo_towns[town].name);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (demo->branches, branch)) + 1;

      /* No template says "vestiging", so a branch never takes the name of
       * another firm. */
      g_hash_table_insert (demo->branches, g_string_chunk_insert_const (demo->strings, branch), GUINT_TO_POINTER (n));
      name = n == 1 ? g_strdup (branch) : g_strdup_printf ("%s %u", branch, n);
    }
  else
    {
      name = g_strdup (*base);
      g_hash_table_add (demo->used_company_names, g_string_chunk_insert (demo->strings, name));
    }
  return name;
}

static char *
make_kvk (Demo *demo)
{
  for (;;)
    {
      guint number = 10000000 + sm_demo_rand_below (demo, 90000000);

      if (g_hash_table_add (demo->used_kvk, GUINT_TO_POINTER (number)))
        return g_strdup_printf ("%08u", number);
    }
}

void
sm_demo_add_company (Demo        *demo,
                     CompanyInfo *info)
{
  g_autoptr(SmCompany) company = sm_company_new ();
  SmRecord *record = SM_RECORD (company);
  g_auto(DemoPerson) contact = { NULL };
  g_autofree char *postcode = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *kvk = NULL;
  g_autofree char *street = NULL;
  g_autofree char *domain_name = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *email = NULL;
  g_autofree char *email_family = NULL;
  g_autofree char *email_given = NULL;
  g_autofree char *phone = NULL;

  info->sector = (SmSector) sm_demo_pick_weighted (demo, sm_demo_sector_weight, SM_N_SECTORS, demo->sector_total);
  info->sbb = sm_demo_chance (demo, 0.85);
  postcode = sm_demo_make_postcode (demo, &info->town);
  name = make_company_name (demo, info->sector, info->town, &base_name);
  kvk = make_kvk (demo);
  street = sm_demo_make_street (demo, &sm_demo_business_streets);
  sm_demo_make_person (demo, &contact);
  info->contact = sm_demo_person_full_name (&contact);

  domain_name = sm_demo_ascii_fold (base_name);
  if (strlen (domain_name) > 40)
    domain_name[40] = '\0';
  domain = g_strdup_printf ("%s.example.nl", *domain_name != '\0' ? domain_name : "bedrijf");
  email_given = sm_demo_ascii_fold (contact.given);
  {
    g_autofree char *family_text = g_strconcat (contact.prefix != NULL ? contact.prefix : "", contact.family, NULL);
    email_family = sm_demo_ascii_fold (family_text);
  }
  email = g_strdup_printf ("%c.%s@%s", email_given[0] != '\0' ? email_given[0] : 'x', email_family, domain);
  phone = sm_demo_chance (demo, 0.7) ? make_landline (demo, info->town) : sm_demo_make_mobile (demo);

  sm_record_set_string (record, SM_COMPANY_FIELD_NAME, name);
  sm_record_set_string (record, SM_COMPANY_FIELD_KVK_NUMBER, kvk);
  sm_record_set_int (record, SM_COMPANY_FIELD_SBB_RECOGNISED, info->sbb);
  sm_record_set_int (record, SM_COMPANY_FIELD_SECTOR, info->sector);
  sm_record_set_string (record, SM_COMPANY_FIELD_STREET, street);
  sm_record_set_string (record, SM_COMPANY_FIELD_POSTCODE, postcode);
  sm_record_set_string (record, SM_COMPANY_FIELD_CITY, sm_demo_towns[info->town].name);
  sm_record_set_string (record, SM_COMPANY_FIELD_CONTACT_NAME, info->contact);
  sm_record_set_string (record, SM_COMPANY_FIELD_CONTACT_EMAIL, email);
  sm_record_set_string (record, SM_COMPANY_FIELD_CONTACT_PHONE, phone);

  sm_change_set_save (demo->changes, record);
  info->record = record;
}

/* Offers */

typedef enum
{
  OFFER_VMBO,
  OFFER_MBO,
  OFFER_HBO,
  OFFER_SECTOR_ONLY,
} OfferKind;

static void
offer_add_programme (OfferInfo *info,
                     guint      programme)
{
  for (guint i = 0; i < info->n_programmes; i++)
    if (info->programmes[i] == programme)
      return;
  if (info->n_programmes < G_N_ELEMENTS (info->programmes))
    info->programmes[info->n_programmes++] = programme;
}

/* Adds up to @n more programmes of the same sector and education whose
 * level the offer accepts. */
static void
offer_add_related (Demo      *demo,
                   OfferInfo *info,
                   GArray    *candidates,
                   guint      n)
{
  for (guint tries = 0; tries < 2 * n && info->n_programmes < 1 + n; tries++)
    {
      guint p = g_array_index (candidates, guint, sm_demo_rand_below (demo, candidates->len));
      const DemoProgramme *programme = &sm_demo_programmes[p];
      SmLevel level;

      if (programme->education == SM_EDUCATION_MBO)
        level = SM_LEVEL_MBO_1 + programme->level - 1;
      else if (programme->education == SM_EDUCATION_HBO)
        level = programme->level ? SM_LEVEL_HBO_BACHELOR : SM_LEVEL_HBO_AD;
      else
        level = SM_LEVEL_VMBO_BB;
      if (programme->education == SM_EDUCATION_VMBO || (info->levels & (1u << level)))
        offer_add_programme (info, p);
    }
}

static char *
lower_first (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *rest = g_utf8_next_char (text);
  char buffer[8];
  int len;

  /* Keep "HBO-ICT" and "ICT" as they are. */
  if (g_unichar_isupper (g_utf8_get_char (rest)))
    return g_strdup (text);
  len = g_unichar_to_utf8 (g_unichar_tolower (c), buffer);
  return g_strdup_printf ("%.*s%s", len, buffer, rest);
}

static int
period_weeks (const DemoPeriod *period)
{
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (!sm_date_parse (period->start, &start) || !sm_date_parse (period->end, &end))
    g_assert_not_reached ();
  /* The same count as the offer's validation. */
  return (g_date_days_between (&start, &end) + 1) / 7;
}

void
sm_demo_add_offer (Demo      *demo,
                   OfferInfo *info,
                   guint      company)
{
  g_autoptr(SmOffer) offer = sm_offer_new ();
  SmRecord *record = SM_RECORD (offer);
  CompanyInfo *owner = &demo->companies[company];
  g_autoptr(GStrvBuilder) programmes_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) requirements_builder = g_strv_builder_new ();
  g_auto(GStrv) programme_list = NULL;
  g_auto(GStrv) requirement_list = NULL;
  g_autofree char *title = NULL;
  g_autofree char *postcode = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  OfferKind kind;
  int weeks, min_weeks, hours;
  guint town;
  gboolean licence, vog;
  double r;

  info->company = company;
  info->sector = sm_demo_chance (demo, 0.92)
    ? owner->sector
    : (SmSector) sm_demo_pick_weighted (demo, sm_demo_sector_weight, SM_N_SECTORS, demo->sector_total);
  info->pathways = SM_PATHWAY_FLAG_BOL | SM_PATHWAY_FLAG_BBL;

  /* Only an SBB-recognised company may train mbo students. */
  r = g_rand_double (demo->rand);
  if (r < 0.08)
    kind = OFFER_SECTOR_ONLY;
  else if (r < 0.30)
    kind = OFFER_VMBO;
  else if (r < 0.83)
    kind = OFFER_MBO;
  else
    kind = OFFER_HBO;
  if (kind == OFFER_MBO && !owner->sbb)
    kind = sm_demo_chance (demo, 0.5) ? OFFER_VMBO : OFFER_HBO;
  if (kind == OFFER_VMBO && demo->by_sector[info->sector][SM_EDUCATION_VMBO]->len == 0)
    kind = owner->sbb ? OFFER_MBO : OFFER_SECTOR_ONLY;
  if (kind == OFFER_HBO && demo->by_sector[info->sector][SM_EDUCATION_HBO]->len == 0)
    kind = owner->sbb ? OFFER_MBO : OFFER_SECTOR_ONLY;

  switch (kind)
    {
    case OFFER_VMBO:
      {
        GArray *candidates = demo->by_sector[info->sector][SM_EDUCATION_VMBO];
        guint p = sm_demo_pick_programme (demo, candidates);
        g_autofree char *name = lower_first (sm_demo_programmes[p].name);

        r = g_rand_double (demo->rand);
        if (r < 0.4)
          info->levels = SM_LEVEL_FLAG_VMBO_BB | SM_LEVEL_FLAG_VMBO_KB;
        else if (r < 0.6)
          info->levels = SM_LEVEL_FLAG_VMBO_GL | SM_LEVEL_FLAG_VMBO_TL;
        else
          info->levels = SM_LEVEL_FLAG_VMBO_BB | SM_LEVEL_FLAG_VMBO_KB | SM_LEVEL_FLAG_VMBO_GL | SM_LEVEL_FLAG_VMBO_TL;
        offer_add_programme (info, p);
        if (sm_demo_chance (demo, 0.2))
          offer_add_related (demo, info, candidates, 1);
        if (sm_demo_chance (demo, 0.7))
          {
            info->period = &PICK (demo, sm_demo_vmbo_periods);
            weeks = period_weeks (info->period);
            min_weeks = MAX (1, weeks - 2);
          }
        else
          {
            info->period = &sm_demo_full_year;
            weeks = 4;
            min_weeks = 2;
          }
        hours = 16 + 4 * sm_demo_rand_between (demo, 0, 4);
        title = g_strdup_printf ("%s %s", weeks <= 2 ? "Snuffelstage" : "Beroepsoriënterende stage", name);
      }
      break;

    case OFFER_MBO:
      {
        GArray *candidates = demo->by_sector[info->sector][SM_EDUCATION_MBO];
        guint p = sm_demo_pick_programme (demo, candidates);
        guint level = sm_demo_programmes[p].level;

        info->levels = 1u << (SM_LEVEL_MBO_1 + level - 1);
        if (level < 4 && sm_demo_chance (demo, 0.25))
          info->levels |= 1u << (SM_LEVEL_MBO_1 + level);
        else if (level > 2 && sm_demo_chance (demo, 0.2))
          info->levels |= 1u << (SM_LEVEL_MBO_1 + level - 2);
        offer_add_programme (info, p);
        offer_add_related (demo, info, candidates, sm_demo_rand_between (demo, 0, 2));

        r = g_rand_double (demo->rand);
        if (level >= 2 && r < 0.12)
          {
            /* A work-based place: a job for the whole year. */
            info->pathways = SM_PATHWAY_FLAG_BBL;
            info->period = &sm_demo_full_year;
            weeks = period_weeks (info->period);
            min_weeks = 30;
            title = g_strdup_printf ("BBL-leerbaan %s", sm_demo_programmes[p].name);
          }
        else
          {
            if (r < 0.25)
              info->pathways = SM_PATHWAY_FLAG_BOL;
            if (sm_demo_chance (demo, 0.65))
              {
                info->period = &PICK (demo, sm_demo_mbo_periods);
                weeks = period_weeks (info->period);
                min_weeks = MAX (6, weeks / 2);
              }
            else
              {
                info->period = &sm_demo_full_year;
                weeks = 20;
                min_weeks = 10;
              }
            title = g_strdup_printf ("Stage %s", sm_demo_programmes[p].name);
          }
        hours = 24 + 4 * sm_demo_rand_between (demo, 0, 4);
      }
      break;

    case OFFER_HBO:
      {
        GArray *candidates = demo->by_sector[info->sector][SM_EDUCATION_HBO];
        guint p = sm_demo_pick_programme (demo, candidates);
        gboolean bachelor = sm_demo_programmes[p].level != 0;

        info->levels = bachelor ? SM_LEVEL_FLAG_HBO_BACHELOR : SM_LEVEL_FLAG_HBO_AD;
        if (sm_demo_chance (demo, 0.3))
          info->levels = SM_LEVEL_FLAG_HBO_AD | SM_LEVEL_FLAG_HBO_BACHELOR;
        offer_add_programme (info, p);
        offer_add_related (demo, info, candidates, sm_demo_rand_between (demo, 0, 1));
        if (sm_demo_chance (demo, 0.7))
          {
            info->period = &PICK (demo, sm_demo_hbo_periods);
            weeks = period_weeks (info->period);
            min_weeks = weeks - 4;
          }
        else
          {
            info->period = &sm_demo_full_year;
            weeks = 20;
            min_weeks = 17;
          }
        hours = 32 + 4 * sm_demo_rand_between (demo, 0, 2);
        title = g_strdup_printf ("%s %s", bachelor && sm_demo_chance (demo, 0.5) ? "Afstudeerstage" : "Meewerkstage",
                                 sm_demo_programmes[p].name);
      }
      break;

    case OFFER_SECTOR_ONLY:
    default:
      {
        static const guint spans[] = {
          SM_LEVEL_FLAG_VMBO_BB | SM_LEVEL_FLAG_VMBO_KB | SM_LEVEL_FLAG_VMBO_GL | SM_LEVEL_FLAG_VMBO_TL,
          SM_LEVEL_FLAG_MBO_2 | SM_LEVEL_FLAG_MBO_3,
          SM_LEVEL_FLAG_MBO_2 | SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4,
          SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4,
          SM_LEVEL_FLAG_MBO_4 | SM_LEVEL_FLAG_HBO_AD | SM_LEVEL_FLAG_HBO_BACHELOR,
        };
        g_autofree char *sector_name = g_utf8_strdown (sm_sector_get_name_for_language (info->sector, "nl"), -1);

        do
          info->levels = spans[sm_demo_rand_below (demo, G_N_ELEMENTS (spans))];
        while (!owner->sbb && (info->levels & (SM_LEVEL_FLAG_MBO_1 | SM_LEVEL_FLAG_MBO_2 |
                                               SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4)));
        info->period = &sm_demo_full_year;
        weeks = 20;
        min_weeks = 4;
        hours = 24 + 4 * sm_demo_rand_between (demo, 0, 4);
        title = g_strdup_printf ("Stageplaats %s", sector_name);
      }
      break;
    }

  weeks = sm_demo_rand_between (demo, MIN (min_weeks, weeks), weeks);
  info->places = 1 + (sm_demo_chance (demo, 0.45) ? sm_demo_rand_between (demo, 1, 3) : 0);

  for (guint i = 0; i < info->n_programmes; i++)
    g_strv_builder_add (programmes_builder, sm_demo_programmes[info->programmes[i]].code);
  programme_list = g_strv_builder_end (programmes_builder);

  switch (info->sector)
    {
    case SM_SECTOR_LOGISTICS:
      licence = sm_demo_chance (demo, 0.25);
      vog = sm_demo_chance (demo, 0.05);
      if (sm_demo_chance (demo, 0.25))
        g_strv_builder_add (requirements_builder, "Heftruckcertificaat");
      break;
    case SM_SECTOR_CARE:
      licence = sm_demo_chance (demo, 0.15);
      vog = sm_demo_chance (demo, 0.9);
      break;
    case SM_SECTOR_EDUCATION:
      licence = FALSE;
      vog = TRUE;
      break;
    case SM_SECTOR_SECURITY:
      licence = sm_demo_chance (demo, 0.1);
      vog = sm_demo_chance (demo, 0.5);
      break;
    case SM_SECTOR_TECHNOLOGY:
    case SM_SECTOR_CONSTRUCTION:
      licence = sm_demo_chance (demo, 0.15);
      vog = FALSE;
      if (sm_demo_chance (demo, 0.3))
        g_strv_builder_add (requirements_builder, "VCA");
      break;
    default:
      licence = sm_demo_chance (demo, 0.03);
      vog = sm_demo_chance (demo, 0.05);
      break;
    }
  /* Nobody under eighteen holds a driving licence. */
  if (info->levels & ~(SM_LEVEL_FLAG_HBO_AD | SM_LEVEL_FLAG_HBO_BACHELOR | SM_LEVEL_FLAG_MBO_3 | SM_LEVEL_FLAG_MBO_4))
    licence = FALSE;
  if (sm_demo_chance (demo, 0.05))
    g_strv_builder_add (requirements_builder, "BHV");
  requirement_list = g_strv_builder_end (requirements_builder);

  if (sm_demo_chance (demo, 0.85))
    {
      postcode = g_strdup (sm_record_get_string (owner->record, SM_COMPANY_FIELD_POSTCODE));
      town = owner->town;
    }
  else
    postcode = sm_demo_make_postcode (demo, &town);

  g_string_append_printf (description, "Bij %s in %s werk je mee in een team van ervaren collega's. %s",
                          sm_record_get_string (owner->record, SM_COMPANY_FIELD_NAME),
                          sm_demo_towns[town].name, sm_demo_sector_task[info->sector]);
  if (sm_demo_chance (demo, 0.6))
    g_string_append (description, " Je krijgt een vaste praktijkopleider die je begeleidt.");

  sm_record_set_string (record, SM_OFFER_FIELD_TITLE, title);
  sm_record_set_string (record, SM_OFFER_FIELD_DESCRIPTION, description->str);
  sm_record_set_int (record, SM_OFFER_FIELD_SECTOR, info->sector);
  sm_record_set_int (record, SM_OFFER_FIELD_LEVELS, info->levels);
  sm_record_set_int (record, SM_OFFER_FIELD_PATHWAYS, info->pathways);
  sm_record_set_strv (record, SM_OFFER_FIELD_PROGRAMMES, (const char * const *) programme_list);
  sm_record_set_string (record, SM_OFFER_FIELD_POSTCODE, postcode);
  sm_record_set_string (record, SM_OFFER_FIELD_START_DATE, info->period->start);
  sm_record_set_string (record, SM_OFFER_FIELD_END_DATE, info->period->end);
  sm_record_set_int (record, SM_OFFER_FIELD_REQUIRED_WEEKS, weeks);
  sm_record_set_int (record, SM_OFFER_FIELD_HOURS_PER_WEEK, hours);
  sm_record_set_int (record, SM_OFFER_FIELD_PLACES, info->places);
  sm_record_set_int (record, SM_OFFER_FIELD_REQUIRES_DRIVING_LICENCE, licence);
  sm_record_set_int (record, SM_OFFER_FIELD_REQUIRES_VOG, vog);
  sm_record_set_strv (record, SM_OFFER_FIELD_REQUIREMENTS, (const char * const *) requirement_list);
  sm_record_set_int (record, SM_OFFER_FIELD_STATUS, SM_OFFER_STATUS_OPEN);
  sm_record_set_int (record, SM_OFFER_FIELD_SELECTION_MODE,
                     sm_demo_chance (demo, 0.9) ? SM_SELECTION_MODE_ANONYMISED : SM_SELECTION_MODE_OPEN);

  /* Most offers name two or three skills of their sector that matching
   * can compare with the students' own. */
  if (sm_demo_chance (demo, 0.8))
    {
      g_autoptr(GStrvBuilder) skills_builder = g_strv_builder_new ();
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
      g_auto(GStrv) skill_list = NULL;

      sm_demo_add_skills (demo, skills_builder, &sm_demo_sector_skills[info->sector], (guint) sm_demo_rand_between (demo, 2, 3), chosen);
      skill_list = g_strv_builder_end (skills_builder);
      sm_record_set_strv (record, SM_OFFER_FIELD_SKILLS, (const char * const *) skill_list);
    }

  sm_change_set_save (demo->changes, record);
  sm_change_set_link (demo->changes, record, SM_OFFER_FIELD_COMPANY_ID, owner->record);
  info->record = record;

  for (guint l = 0; l < SM_N_LEVELS; l++)
    if (info->levels & (1u << l))
      {
        guint index = info - demo->offers;
        g_array_append_val (demo->offers_by_level[l], index);
      }
}
