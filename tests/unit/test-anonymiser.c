/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-anonymiser"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sm-anonymiser.h"
#include "sm-offer.h"
#include "sm-student.h"
#include "sm-test-util.h"

/* The anonymiser on small texts with exactly known results, in Dutch and
 * English: each kind of removal, words that must stay, idempotence, the
 * leak check in many formats and the flagging of proxy requirements. */

typedef struct
{
  const char *input;
  const char *expected;
} Case;

static const char * const daan_names[] = { "Daan", "van den", "Berg", "van den Berg", NULL };
static const char * const daan_places[] = { "Capelle aan den IJssel", NULL };

static SmAnonymiser *
anonymiser (void)
{
  SmAnonymiser *self = sm_anonymiser_get_default ();

  g_assert_nonnull (self);
  return self;
}

static void
assert_scrubs (const Case         *cases,
               guint               n_cases,
               const char * const *names,
               const char * const *places)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *once = sm_anonymiser_scrub (anonymiser (), cases[i].input, names, places);
      g_autofree char *twice = sm_anonymiser_scrub (anonymiser (), once, names, places);

      if (g_strcmp0 (once, cases[i].expected) != 0)
        g_error ("“%s” became “%s”, expected “%s”", cases[i].input, once, cases[i].expected);
      /* Scrubbing twice is scrubbing once. */
      if (g_strcmp0 (once, twice) != 0)
        g_error ("“%s” became “%s” the second time", once, twice);
    }
}

static void
test_unchanged (void)
{
  static const Case cases[] = {
    { "Ik werk graag in de zorg.", "Ik werk graag in de zorg." },
    { "I can work with Excel, Python and ASP.NET or Node.js.", "I can work with Excel, Python and ASP.NET or Node.js." },
    { "Ik heb 3 jaar ervaring en volg een 4-jarige opleiding.", "Ik heb 3 jaar ervaring en volg een 4-jarige opleiding." },
    { "In 2008 en 2009 werkte ik 32 uur per week, 1500 km verderop.", "In 2008 en 2009 werkte ik 32 uur per week, 1500 km verderop." },
    { "Ik ben 32 uur per week beschikbaar, vanaf september.", "Ik ben 32 uur per week beschikbaar, vanaf september." },
    { "Meer dan genoeg. Dan ga ik naar huis.", "Meer dan genoeg. Dan ga ik naar huis." },
    { "Ik spreek Nederlands, Engels en Duits.", "Ik spreek Nederlands, Engels en Duits." },
    { "I polish shoes and we eat turkey.", "I polish shoes and we eat turkey." },
    { "Een roos, een bas en een mark.", "Een roos, een bas en een mark." },
    { "Will you hire me? I will work hard.", "Will you hire me? I will work hard." },
    { "Ik heb mijn VCA, BHV en HACCP.", "Ik heb mijn VCA, BHV en HACCP." },
    { "Ik geloof dat ik goed pas bij jullie team.", "Ik geloof dat ik goed pas bij jullie team." },
  };

  assert_scrubs (cases, G_N_ELEMENTS (cases), daan_names, daan_places);
  g_assert_null (sm_anonymiser_scrub (anonymiser (), NULL, daan_names, daan_places));
}

static void
test_own_names (void)
{
  static const Case cases[] = {
    { "Mijn naam is Daan van den Berg.", "Mijn naam is [naam]." },
    { "Hoi, ik ben Daan!", "Hoi, ik ben [naam]!" },
    { "DAAN werkt hard en daan is op tijd.", "[naam] werkt hard en [naam] is op tijd." },
    { "Van den Berg is mijn achternaam.", "[naam] is mijn achternaam." },
    { "Daan's fiets en Daans laptop.", "[naam] fiets en [naam] laptop." },
    { "Mijn moeder heet Berg-Jansen.", "Mijn moeder heet [naam]." },
    { "Ik ben lid van de bergsportclub.", "Ik ben lid van de bergsportclub." },
  };
  static const Case accents[] = {
    { "Busra Yilmaz en Büşra Yılmaz.", "[naam] en [naam]." },
  };
  static const Case short_names[] = {
    { "Li werkt graag met Linux.", "[naam] werkt graag met Linux." },
  };
  static const char * const turkish[] = { "Büşra", "Yılmaz", NULL };
  static const char * const chinese[] = { "Li", "Wu", NULL };

  assert_scrubs (cases, G_N_ELEMENTS (cases), daan_names, daan_places);
  assert_scrubs (accents, G_N_ELEMENTS (accents), turkish, NULL);
  assert_scrubs (short_names, G_N_ELEMENTS (short_names), chinese, NULL);
}

static void
test_other_names (void)
{
  static const Case cases[] = {
    { "Mijn broer Ahmed en mijn vriendin Fatima el Amrani werken bij Albert Heijn.",
      "Mijn broer [naam] en mijn vriendin [naam] werken bij Albert Heijn." },
    { "Roos en Bas werken hard.", "[naam] en [naam] werken hard." },
    { "Mark helps me. I mark the papers.", "[naam] helps me. I mark the papers." },
    { "Jan de Vries en Emma van der Meer.", "[naam] en [naam]." },
    { "Samen met Kwame Mensah en Oleksandr Kovalenko.", "Samen met [naam] en [naam]." },
    { "My name is Xandrijn Oduya.", "My name is [naam]." },
    { "Groetjes,\nXandrijn Oduya", "Groetjes,\n[naam]" },
    { "Mijn oom Gerbrand helpt me.", "Mijn oom [naam] helpt me." },
  };

  assert_scrubs (cases, G_N_ELEMENTS (cases), NULL, NULL);
}

static void
test_contact (void)
{
  static const Case cases[] = {
    { "Mail daan.berg@gmail.com of d.berg [at] school [punt] nl.", "Mail [e-mail] of [e-mail]." },
    { "Bel 0612345678, 06-12345678 of 06 1234 5678.", "Bel [telefoon], [telefoon] of [telefoon]." },
    { "Bel 06.12.34.56.78 of (06) 12345678 of 06 - 12 34 56 78.", "Bel [telefoon] of [telefoon] of [telefoon]." },
    { "Call +31 6 12345678, +31 (0)6 1234 5678 or 0031 6 1234 5678.", "Call [telefoon], [telefoon] or [telefoon]." },
    { "Thuis: 010-1234567, (010) 123 45 67 of 0174-123456.", "Thuis: [telefoon], [telefoon] of [telefoon]." },
    { "Zie www.daanberg.nl, https://github.com/daanberg of linkedin.com/in/daan.",
      "Zie [website], [website] of [website]." },
  };

  assert_scrubs (cases, G_N_ELEMENTS (cases), NULL, NULL);
}

static void
test_addresses (void)
{
  static const Case cases[] = {
    { "Postcode 3511 AB, 3511AB of 3511 ab.", "Postcode [postcode], [postcode] of [postcode]." },
    { "Ik woon op de Kerkstraat 12a.", "Ik woon op de [adres]." },
    { "Dorpsstraat 3-2 en Singel 12 B.", "[adres] en [adres]." },
    { "Laan van Meerdervoort 123 of Prinses Margrietlaan 5.", "[adres] of [adres]." },
    { "I live at 12 Baker Street.", "I live at [adres]." },
    { "Ik woon aan de Dorpsstraat.", "Ik woon aan de [adres]." },
  };

  assert_scrubs (cases, G_N_ELEMENTS (cases), NULL, NULL);
}

static void
test_dates_and_ages (void)
{
  static const Case cases[] = {
    { "Geboren op 14 maart 2008.", "Geboren op [datum]." },
    { "14-03-2008, 2008-03-14, 14/3/2008, 14.03.2008 en 3/14/2008.", "[datum], [datum], [datum], [datum] en [datum]." },
    { "Sinds maart 2008 en 1e april.", "Sinds [datum] en [datum]." },
    { "Born on March 14, 2008 or the 14th of March 2008.", "Born on [datum] or the [datum]." },
    { "Ik ben geboren in 2008.", "Ik ben geboren in [datum]." },
    { "Ik ben 17 jaar, een 17-jarige.", "Ik ben [leeftijd], een [leeftijd]." },
    { "Ik ben 17. Ik ben zeventien.", "Ik ben [leeftijd]. Ik ben [leeftijd]." },
    { "I am 17 years old, aged 17, a 17-year-old.", "I am [leeftijd], [leeftijd], a [leeftijd]." },
    { "I'm sixteen and sixteen years old.", "I'm [leeftijd] and [leeftijd]." },
  };

  assert_scrubs (cases, G_N_ELEMENTS (cases), NULL, NULL);
}

static void
test_places (void)
{
  static const Case cases[] = {
    { "Ik woon in Capelle aan den IJssel, dichtbij Capelle.", "Ik woon in [plaats], dichtbij [plaats]." },
    { "Ik werk in Den Haag, in den Haag en in 's-Hertogenbosch.", "Ik werk in [plaats], in [plaats] en in [plaats]." },
    { "Een echte Rotterdammer uit de Schilderswijk.", "Een echte [plaats] uit de [plaats]." },
  };

  assert_scrubs (cases, G_N_ELEMENTS (cases), daan_names, daan_places);
}

static void
test_origin (void)
{
  static const Case cases[] = {
    { "Mijn vader komt uit Marokko en mijn moeder is Turks.", "[herkomst] en mijn moeder is [herkomst]." },
    { "Ik ben moslim en draag een hoofddoek.", "Ik ben [herkomst] en draag een [herkomst]." },
    { "Ik ben een Surinaamse en Hindoestaanse meid.", "Ik ben een [herkomst] en [herkomst] meid." },
    { "Mijn Marokkaans-Nederlandse familie gaat naar de moskee.", "Mijn [herkomst] familie gaat naar de [herkomst]." },
    { "We vieren het Suikerfeest en de Ramadan.", "We vieren het [herkomst] en de [herkomst]." },
    { "Ik spreek Arabisch, Tigrinya en Papiamento.", "Ik spreek [herkomst], [herkomst] en [herkomst]." },
    { "I am a Muslim and my parents come from Syria.", "I am a [herkomst] and [herkomst]." },
    { "I was born in Kabul. My family is Polish.", "[herkomst]. My family is [herkomst]." },
    { "We go to church and to the mosque.", "We go to [herkomst] and to the [herkomst]." },
  };

  assert_scrubs (cases, G_N_ELEMENTS (cases), NULL, NULL);

  g_assert_true (sm_anonymiser_reveals_origin (anonymiser (), "Arabisch"));
  g_assert_true (sm_anonymiser_reveals_origin (anonymiser (), "Turkish"));
  g_assert_false (sm_anonymiser_reveals_origin (anonymiser (), "Python"));
  g_assert_false (sm_anonymiser_reveals_origin (anonymiser (), "Engels"));
  g_assert_false (sm_anonymiser_reveals_origin (anonymiser (), NULL));
}

/* Every kind of removal in one text, and a text of random bits of all
 * of them: scrubbing twice is scrubbing once. */
static void
test_idempotent (void)
{
  static const char * const pieces[] = {
    "Mijn naam is Daan van den Berg", "Groetjes, Daan", "daan.berg@gmail.com", "06-1234 5678",
    "+31 (0)6 12 34 56 78", "3511 AB", "Kerkstraat 12a", "14 maart 2008", "14-03-2008", "ik ben 17",
    "17 jaar", "Capelle aan den IJssel", "Den Haag", "mijn vader komt uit Marokko", "moslim",
    "www.example.nl", "Fatima el Amrani", "van der", "de", "Van", "[naam]", "en", ",", ".", "\n",
    "Laan van Meerdervoort 5", "sixteen years old", "Turks-Nederlandse", "Ahmed's", "ik heet",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250614);

  for (guint round = 0; round < 500; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *once = NULL;
      g_autofree char *twice = NULL;
      guint n = (guint) g_rand_int_range (rand, 1, 12);

      for (guint i = 0; i < n; i++)
        {
          g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          g_string_append_c (text, g_rand_boolean (rand) ? ' ' : '\n');
        }
      once = sm_anonymiser_scrub (anonymiser (), text->str, daan_names, daan_places);
      twice = sm_anonymiser_scrub (anonymiser (), once, daan_names, daan_places);
      if (g_strcmp0 (once, twice) != 0)
        g_error ("“%s” became “%s”, then “%s”", text->str, once, twice);
    }
}

/* The leak check */

static SmStudent *
new_student (void)
{
  SmStudent *student = sm_student_new ();
  SmRecord *record = SM_RECORD (student);

  sm_test_set_text (record, "student_number", "123456");
  sm_test_set_text (record, "given_name", "Daan");
  sm_test_set_text (record, "name_prefix", "van den");
  sm_test_set_text (record, "family_name", "Berg");
  sm_test_set_text (record, "date_of_birth", "2008-03-14");
  sm_test_set_text (record, "email", "dvdb@example.nl");
  sm_test_set_text (record, "phone", "06-12345678");
  sm_test_set_text (record, "street", "Kerkstraat 12a");
  sm_test_set_text (record, "postcode", "3511 AB");
  sm_test_set_text (record, "city", "Utrecht");
  return student;
}

static void
assert_leak (SmStudent  *student,
             const char *text,
             int         field)
{
  int found = sm_anonymiser_find_leak (anonymiser (), student, text);

  if (found != field)
    g_error ("In “%s” the check found field %d, expected %d", text, found, field);
}

static void
test_leaks (void)
{
  g_autoptr(SmStudent) student = new_student ();
  static const struct { const char *text; int field; } cases[] = {
    { "Daan", SM_STUDENT_FIELD_GIVEN_NAME },
    { "ik ben DAAN.", SM_STUDENT_FIELD_GIVEN_NAME },
    { "Daantje en Daniel", -1 },
    { "Berg", SM_STUDENT_FIELD_FAMILY_NAME },
    { "van den berg", SM_STUDENT_FIELD_FAMILY_NAME },
    { "Van Den Berg-Jansen", SM_STUDENT_FIELD_FAMILY_NAME },
    { "Bergen op Zoom, bergen en Berger", -1 },
    { "leerling 123456", SM_STUDENT_FIELD_STUDENT_NUMBER },
    { "leerling 1234567 of 0123456", -1 },
    { "mail: DVDB@Example.NL", SM_STUDENT_FIELD_EMAIL },
    { "06 1234 5678", SM_STUDENT_FIELD_PHONE },
    { "06-12345678", SM_STUDENT_FIELD_PHONE },
    { "0612345678", SM_STUDENT_FIELD_PHONE },
    { "+31 6 12345678", SM_STUDENT_FIELD_PHONE },
    { "+31 (0)6 12 34 56 78", SM_STUDENT_FIELD_PHONE },
    { "0031612345678", SM_STUDENT_FIELD_PHONE },
    { "(06) 12 34 56 78", SM_STUDENT_FIELD_PHONE },
    { "06.12.34.56.78", SM_STUDENT_FIELD_PHONE },
    { "6 1234 5678", SM_STUDENT_FIELD_PHONE },
    { "06 1234 5679", -1 },
    { "kerkstraat 12A", SM_STUDENT_FIELD_STREET },
    { "aan de Kerkstraat", SM_STUDENT_FIELD_STREET },
    { "3511 AB", SM_STUDENT_FIELD_POSTCODE },
    { "3511ab", SM_STUDENT_FIELD_POSTCODE },
    { "3511 ab", SM_STUDENT_FIELD_POSTCODE },
    { "3511-AB", SM_STUDENT_FIELD_POSTCODE },
    { "3511 AC of 3511", -1 },
    { "2008-03-14", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14-03-2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14-3-2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14/03/2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14/3/2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14.03.2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "3/14/2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14 maart 2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14 mrt. 2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14 March 2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14th of March 2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "March 14, 2008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "14032008", SM_STUDENT_FIELD_DATE_OF_BIRTH },
    { "15-03-2008, 14-03-2009 en 2026-03-14", -1 },
    /* Escapes of JSON and XML do not hide anything. */
    { "\"motivation\" : \"Hallo\\nBerg\"", SM_STUDENT_FIELD_FAMILY_NAME },
    { "<motivation>&#68;aan</motivation>", SM_STUDENT_FIELD_GIVEN_NAME },
    { "Ik werk graag in de zorg.", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_leak (student, cases[i].text, cases[i].field);
  assert_leak (student, NULL, -1);
}

static void
test_leak_names (void)
{
  g_autoptr(SmStudent) chinese = sm_student_new ();
  g_autoptr(SmStudent) turkish = sm_student_new ();
  g_autoptr(SmStudent) empty = sm_student_new ();

  /* A 2-letter given name still counts, as whole words. */
  sm_test_set_text (SM_RECORD (chinese), "given_name", "Li");
  sm_test_set_text (SM_RECORD (chinese), "family_name", "Wu");
  assert_leak (chinese, "Li", SM_STUDENT_FIELD_GIVEN_NAME);
  assert_leak (chinese, "I like Linux and lists.", -1);
  assert_leak (chinese, "Mr WU", SM_STUDENT_FIELD_FAMILY_NAME);

  /* With or without accents, in any case. */
  sm_test_set_text (SM_RECORD (turkish), "given_name", "Büşra");
  sm_test_set_text (SM_RECORD (turkish), "family_name", "Öztürk");
  assert_leak (turkish, "BUSRA", SM_STUDENT_FIELD_GIVEN_NAME);
  assert_leak (turkish, "ÖZTÜRK", SM_STUDENT_FIELD_FAMILY_NAME);
  assert_leak (turkish, "ozturk", SM_STUDENT_FIELD_FAMILY_NAME);
  assert_leak (turkish, "{\"a\": \"\\u00d6zt\\u00fcrk\"}", SM_STUDENT_FIELD_FAMILY_NAME);

  /* A student with nothing set gives nothing away and breaks nothing. */
  assert_leak (empty, "Daan van den Berg 06-12345678 2008-03-14", -1);
}

static void
test_check_output (void)
{
  g_autoptr(SmStudent) student = new_student ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_anonymiser_check_output (anonymiser (), student, "Ik werk graag in de zorg.", &error));
  g_assert_no_error (error);

  g_assert_false (sm_anonymiser_check_output (anonymiser (), student, "Groeten van Berg", &error));
  g_assert_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_LEAK);
  g_assert_cmpstr (error->message, ==,
                   "The profile would show the student’s family name; edit the motivation (or the context note) before sharing it");
}

/* Proxy requirements */

static void
assert_phrases (GPtrArray          *found,
                const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < found->len; i++)
    g_test_message ("Found “%s”", (const char *) found->pdata[i]);
  g_assert_cmpuint (found->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (found->pdata[i], ==, expected[i]);
}

static void
test_proxies (void)
{
  static const char * const requirements[] = { "Native speaker", "Rijbewijs B", "Accentloos Nederlands", NULL };
  static const char * const expected[] = { "Native speaker", "Accentloos", "Nederlandse achternaam", "zonder hoofddoek", NULL };
  static const char * const fair[] = { "VCA", "Rijbewijs B", "Goed Nederlands en Engels", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) nothing = NULL;
  g_autoptr(GPtrArray) english = NULL;
  static const char * const english_expected[] = { "no headscarf", "born in the Netherlands", "Dutch surname", NULL };

  found = sm_anonymiser_find_proxy_requirements (anonymiser (), requirements,
                                                 "Wij zoeken iemand met een Nederlandse achternaam, zonder hoofddoek.");
  assert_phrases (found, expected);

  nothing = sm_anonymiser_find_proxy_requirements (anonymiser (), fair, "Een leuk team in de zorg, met een eigen praktijkopleider.");
  assert_phrases (nothing, none);

  english = sm_anonymiser_find_proxy_requirements (anonymiser (), NULL,
                                                   "Requirements: no headscarf, born in the Netherlands, a Dutch surname.");
  assert_phrases (english, english_expected);
}

static void
test_offer_needs_confirmation (void)
{
  g_autoptr(SmOffer) offer = sm_offer_new ();
  SmRecord *record = SM_RECORD (offer);
  g_autoptr(GError) error = NULL;

  sm_test_set_text (record, "company_id", "1");
  sm_test_set_text (record, "title", "Medewerker klantenservice");
  sm_test_set_text (record, "levels", "mbo-3,mbo-4");
  sm_test_set_text (record, "start_date", "2026-09-01");
  sm_test_set_text (record, "end_date", "2027-01-31");
  sm_test_set_text (record, "requirements", "Rijbewijs B,native speaker");

  g_assert_false (sm_record_validate (record, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_NEEDS_CONFIRMATION);
  g_assert_cmpstr (error->message, ==,
                   "Other requirements: “native speaker” can act as a proxy for origin; check that the work needs it, "
                   "then confirm with proxy_confirmed=yes");
  g_clear_error (&error);

  /* In the description too. */
  sm_test_set_text (record, "requirements", "Rijbewijs B");
  sm_test_set_text (record, "description", "Je hebt een representatief uiterlijk en geen hoofddoek.");
  g_assert_false (sm_record_validate (record, &error));
  g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_NEEDS_CONFIRMATION);
  g_assert_cmpstr (error->message, ==,
                   "Description: “representatief uiterlijk”, “geen hoofddoek” can act as proxies for origin; "
                   "check that the work needs them, then confirm with proxy_confirmed=yes");
  g_clear_error (&error);

  /* Once confirmed, the offer is valid. */
  sm_test_set_text (record, "proxy_confirmed", "yes");
  g_assert_true (sm_record_validate (record, &error));
  g_assert_no_error (error);

  /* An offer without such requirements needs nothing. */
  sm_test_set_text (record, "proxy_confirmed", "no");
  sm_test_set_text (record, "description", "Je werkt in een klein team.");
  g_assert_true (sm_record_validate (record, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anonymiser/scrub/unchanged", test_unchanged);
  g_test_add_func ("/anonymiser/scrub/own-names", test_own_names);
  g_test_add_func ("/anonymiser/scrub/other-names", test_other_names);
  g_test_add_func ("/anonymiser/scrub/contact", test_contact);
  g_test_add_func ("/anonymiser/scrub/addresses", test_addresses);
  g_test_add_func ("/anonymiser/scrub/dates-and-ages", test_dates_and_ages);
  g_test_add_func ("/anonymiser/scrub/places", test_places);
  g_test_add_func ("/anonymiser/scrub/origin", test_origin);
  g_test_add_func ("/anonymiser/scrub/idempotent", test_idempotent);
  g_test_add_func ("/anonymiser/leak/fields", test_leaks);
  g_test_add_func ("/anonymiser/leak/names", test_leak_names);
  g_test_add_func ("/anonymiser/leak/check-output", test_check_output);
  g_test_add_func ("/anonymiser/proxy/find", test_proxies);
  g_test_add_func ("/anonymiser/proxy/offer", test_offer_needs_confirmation);

  return g_test_run ();
}
