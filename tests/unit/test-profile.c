/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-profile"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <locale.h>
#include <string.h>

#include "sm-anonymiser.h"
#include "sm-candidate.h"
#include "sm-change-set.h"
#include "sm-company.h"
#include "sm-offer.h"
#include "sm-profile.h"
#include "sm-programme.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-test-util.h"

/* Anonymised profiles: a thousand generated students whose motivations
 * are full of their own names, addresses, numbers, birth dates, ages and
 * words of origin, in Dutch and English, must come out with none of it,
 * and without refusal; a profile that would still show the student is
 * refused; nothing of the student record is in a profile but what
 * belongs there; distance bands are right. */

#define N_STUDENTS 1000
#define LIST_PATH "/io/github/stagematch/Stagematch/anonymiser/"

/* Fixture */

typedef struct
{
  char          *dir;
  SmSqliteStore *sqlite;
  SmStore       *store;
  SmRecord      *offer;
} Fixture;

/* PC4 areas at known distances north of the offer's area 1011: a
 * hundredth of a degree of latitude is 1.11 km. */
static const SmPostcodeArea areas[] = {
  { 1011, 52.3700, 4.9000 },
  { 1012, 52.3900, 4.9000 },  /*  2.2 km */
  { 1013, 52.4200, 4.9000 },  /*  5.6 km */
  { 1014, 52.4800, 4.9000 },  /* 12.2 km */
  { 1015, 52.6000, 4.9000 },  /* 25.6 km */
  { 1016, 52.9000, 4.9000 },  /* 58.9 km */
};

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) table = g_array_new (FALSE, FALSE, sizeof (SmPostcodeArea));
  g_autoptr(SmRecord) programme = SM_RECORD (sm_programme_new ("25604", "Software developer", SM_EDUCATION_MBO, SM_SECTOR_ICT));
  g_autoptr(SmRecord) company = SM_RECORD (sm_company_new ());
  g_autofree char *company_id = NULL;

  fx->dir = sm_test_make_dir ("profile");
  {
    g_autofree char *path = g_build_filename (fx->dir, "stagematch.db", NULL);

    fx->sqlite = sm_test_open_store (path);
  }
  fx->store = SM_STORE (fx->sqlite);

  g_array_append_vals (table, areas, G_N_ELEMENTS (areas));
  g_assert_true (sm_store_replace_postcode_areas (fx->store, table, &error));
  g_assert_no_error (error);

  sm_test_save (fx->store, programme);
  sm_test_set_text (company, "name", "Bits en Bytes BV");
  sm_test_set_text (company, "kvk_number", "12345678");
  sm_test_save (fx->store, company);

  company_id = sm_test_id_text (company);
  fx->offer = SM_RECORD (sm_offer_new ());
  sm_test_set_text (fx->offer, "company_id", company_id);
  sm_test_set_text (fx->offer, "title", "Junior developer");
  sm_test_set_text (fx->offer, "levels", "mbo-3,mbo-4");
  sm_test_set_text (fx->offer, "programmes", "25604");
  sm_test_set_text (fx->offer, "postcode", "1011 AB");
  sm_test_set_text (fx->offer, "start_date", "2026-09-01");
  sm_test_set_text (fx->offer, "end_date", "2027-01-31");
  sm_test_set_text (fx->offer, "requires_driving_licence", "yes");
  sm_test_set_text (fx->offer, "requires_vog", "yes");
  sm_test_set_text (fx->offer, "requirements", "VCA");
  sm_test_save (fx->store, fx->offer);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->offer);
  g_clear_object (&fx->sqlite);
  sm_test_remove_tree (fx->dir);
  g_clear_pointer (&fx->dir, g_free);
}

static SmRecord *
new_student (const char *number)
{
  SmRecord *record = SM_RECORD (sm_student_new ());

  sm_test_set_text (record, "student_number", number);
  sm_test_set_text (record, "given_name", "Daan");
  sm_test_set_text (record, "name_prefix", "van den");
  sm_test_set_text (record, "family_name", "Berg");
  sm_test_set_text (record, "date_of_birth", "2008-03-14");
  sm_test_set_text (record, "email", "dvdb@example.nl");
  sm_test_set_text (record, "phone", "06-12345678");
  sm_test_set_text (record, "street", "Kerkstraat 12a");
  sm_test_set_text (record, "postcode", "1012 AB");
  sm_test_set_text (record, "city", "Utrecht");
  sm_test_set_text (record, "level", "mbo-4");
  sm_test_set_text (record, "pathway", "bol");
  sm_test_set_text (record, "programme", "25604");
  sm_test_set_text (record, "skills", "Python,Arabisch,SQL");
  sm_test_set_text (record, "certificates", "VCA");
  sm_test_set_text (record, "vog", "yes");
  sm_test_set_text (record, "sector_interests", "ict,creative");
  sm_test_set_text (record, "available_from", "2026-09-01");
  sm_test_set_text (record, "available_until", "2027-01-31");
  sm_test_set_text (record, "motivation", "Ik ben Daan en ik werk graag met computers.");
  return record;
}

static SmRecord *
new_candidate (SmRecord   *offer,
               SmRecord   *student,
               const char *code)
{
  SmRecord *record = SM_RECORD (sm_candidate_new ());
  g_autofree char *offer_id = sm_test_id_text (offer);
  g_autofree char *student_id = sm_test_id_text (student);

  sm_test_set_text (record, "offer_id", offer_id);
  sm_test_set_text (record, "student_id", student_id);
  sm_test_set_text (record, "code", code);
  sm_test_set_text (record, "added_at", "2026-06-01T10:00:00Z");
  return record;
}

/* Word lists */

static GPtrArray *
load_list (const char *name)
{
  g_autofree char *path = g_strconcat (LIST_PATH, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        g_ptr_array_add (entries, g_strdup (line));
    }
  return entries;
}

/* The words of origin that can go into a sentence as they are: one word,
 * no pattern. */
static GPtrArray *
load_origin_words (void)
{
  g_autoptr(GPtrArray) entries = load_list ("origin.txt");
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      const char *entry = entries->pdata[i];

      if (strpbrk (entry, " ()*+'") == NULL)
        g_ptr_array_add (words, g_strdup (entry));
    }
  g_assert_cmpuint (words->len, >, 200);
  return words;
}

/* Output checks */

static gboolean
contains_word (const char *text,
               const char *word)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<![\\p{L}\\p{M}\\p{N}_])%s(?![\\p{L}\\p{M}\\p{N}_])", escaped);

  return g_regex_match_simple (pattern, text, G_REGEX_CASELESS, 0);
}

static gboolean
contains_text (const char *text,
               const char *needle)
{
  g_autofree char *escaped = g_regex_escape_string (needle, -1);

  return g_regex_match_simple (escaped, text, G_REGEX_CASELESS, 0);
}

static const char * const forbidden_keys[] = {
  "name", "given_name", "given-name", "name_prefix", "name-prefix", "family_name", "family-name",
  "full_name", "student_number", "student-number", "student_id", "student-id", "date_of_birth",
  "date-of-birth", "birth", "age", "email", "e-mail", "phone", "street", "address", "postcode",
  "city", "town", "class_name", "class", "supervisor", "accommodations", "max_travel_km", "certificates",
  NULL,
};

static void
assert_json_keys (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          if (g_strv_contains (forbidden_keys, l->data))
            g_error ("The JSON profile has a key “%s”", (const char *) l->data);
          assert_json_keys (json_object_get_member (object, l->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_json_keys (json_array_get_element (array, i));
    }
}

static void
assert_json_profile (const char *json)
{
  static const char * const allowed[] = {
    "candidate", "level", "pathway", "programme", "skills", "sector_interests", "availability",
    "hours_per_week", "distance", "requirements", "context_note", "motivation", NULL,
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  assert_json_keys (json_parser_get_root (parser));

  /* Exactly the fields of an anonymised profile, and no others. */
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (members), ==, g_strv_length ((char **) allowed));
  for (GList *l = members; l != NULL; l = l->next)
    g_assert_true (g_strv_contains (allowed, l->data));
}

static void
assert_xml_names (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_strv_contains (forbidden_keys, (const char *) node->name))
        g_error ("The XML profile has an element <%s>", node->name);
      for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
        if (g_strv_contains (forbidden_keys, (const char *) attribute->name))
          g_error ("The XML profile has an attribute %s", attribute->name);
      assert_xml_names (node->children);
    }
}

static void
assert_xml_profile (const char *xml)
{
  xmlDocPtr doc = xmlReadMemory (xml, (int) strlen (xml), "profile.xml", "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "profile");
  assert_xml_names (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
}

static void
assert_text_profile (const char *text)
{
  static const char * const labels[] = {
    "Name:", "Given name:", "Family name:", "Student number:", "Date of birth:", "Age:", "E-mail:",
    "Phone:", "Street", "Address:", "Postcode:", "Town:", "City:", "Class:", "Supervisor:", NULL,
  };
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    for (guint j = 0; labels[j] != NULL; j++)
      if (g_str_has_prefix (lines[i], labels[j]))
        g_error ("The text profile has a line “%s”", lines[i]);
}

/* Generated students */

static const char * const towns[] = {
  "Rotterdam", "Den Haag", "Capelle aan den IJssel", "Alphen aan den Rijn", "'s-Hertogenbosch",
  "Zoetermeer", "Utrecht", "Lelystad", "Almere", "Tilburg", "Schiedam", "Vlaardingen", "Gouda",
  "Delft", "Leiden", "Amersfoort", "Nieuwegein", "Spijkenisse",
};
static const char * const streets[] = {
  "Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsplein", "Beatrixlaan", "Oudegracht", "Havenkade",
  "Noordsingel", "Zeedijk", "Kloosterhof", "Achtersteeg", "Jaagpad", "Eikendreef", "Rozenpark",
  "Laan van Meerdervoort", "Prinses Margrietlaan", "Jan Steenstraat", "Burgemeester de Raadtsingel",
};
static const char * const prefixes[] = { "van", "de", "van der", "van den", "el", "ter", "van 't", "da" };
static const char * const skill_names[] = { "Python", "SQL", "JavaScript", "HTML en CSS", "netwerken", "Excel", "Linux" };
static const char * const months_nl[] = {
  "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
  "november", "december",
};
static const char * const months_en[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
};

/* Everything a motivation may not give away, and the motivation. */
typedef struct
{
  SmRecord  *record;
  GPtrArray *words;    /* names, town, origin: whole words */
  GPtrArray *strings;  /* formatted details: anywhere */
} Generated;

static void
generated_free (Generated *generated)
{
  g_clear_object (&generated->record);
  g_ptr_array_unref (generated->words);
  g_ptr_array_unref (generated->strings);
  g_free (generated);
}

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n)
{
  return items[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, array) pick (rand, array, G_N_ELEMENTS (array))

/* A name on no list, so that only the student's own names can catch it. */
static char *
invented_name (GRand *rand)
{
  static const char * const syllables[] = {
    "zor", "vik", "ame", "lun", "dra", "kes", "tho", "ril", "bau", "nej", "quo", "fes", "gry", "wan",
  };
  g_autofree char *lower = g_strconcat (PICK (rand, syllables), PICK (rand, syllables), PICK (rand, syllables), NULL);

  lower[0] = g_ascii_toupper (lower[0]);
  return g_steal_pointer (&lower);
}

static char *
ascii_word (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
  if (out->len == 0)
    g_string_append (out, "x");
  return g_string_free (out, FALSE);
}

static char *
format_phone (GRand      *rand,
              const char *digits)  /* 8 digits after 06 */
{
  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0: return g_strdup_printf ("06-%s", digits);
    case 1: return g_strdup_printf ("06 %.4s %s", digits, digits + 4);
    case 2: return g_strdup_printf ("06 %.2s %.2s %.2s %.2s", digits, digits + 2, digits + 4, digits + 6);
    case 3: return g_strdup_printf ("06.%.2s.%.2s.%.2s.%.2s", digits, digits + 2, digits + 4, digits + 6);
    case 4: return g_strdup_printf ("+31 6 %s", digits);
    case 5: return g_strdup_printf ("+31 (0)6 %.4s %s", digits, digits + 4);
    case 6: return g_strdup_printf ("0031 6 %s", digits);
    case 7: return g_strdup_printf ("(06) %s", digits);
    case 8: return g_strdup_printf ("+316%s", digits);
    default: return g_strdup_printf ("06%s", digits);
    }
}

static char *
format_postcode (GRand      *rand,
                 guint       area,
                 const char *letters)
{
  g_autofree char *lower = g_ascii_strdown (letters, -1);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0: return g_strdup_printf ("%u %s", area, letters);
    case 1: return g_strdup_printf ("%u%s", area, letters);
    case 2: return g_strdup_printf ("%u %s", area, lower);
    default: return g_strdup_printf ("%u%s", area, lower);
    }
}

static char *
format_date (GRand *rand,
             int    year,
             int    month,
             int    day)
{
  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0: return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    case 1: return g_strdup_printf ("%02d-%02d-%04d", day, month, year);
    case 2: return g_strdup_printf ("%d-%d-%04d", day, month, year);
    case 3: return g_strdup_printf ("%d/%d/%04d", day, month, year);
    case 4: return g_strdup_printf ("%02d.%02d.%04d", day, month, year);
    case 5: return g_strdup_printf ("%d %s %04d", day, months_nl[month - 1], year);
    case 6: return g_strdup_printf ("%d %s %04d", day, months_en[month - 1], year);
    case 7: return g_strdup_printf ("%s %d, %04d", months_en[month - 1], day, year);
    default: return g_strdup_printf ("%d/%d/%04d", month, day, year);
    }
}

static char *
format_age (GRand *rand,
            int    age,
            gboolean dutch)
{
  if (dutch)
    switch (g_rand_int_range (rand, 0, 3))
      {
      case 0: return g_strdup_printf ("%d jaar", age);
      case 1: return g_strdup_printf ("een %d-jarige", age);
      default: return g_strdup_printf ("%d jaar oud", age);
      }
  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0: return g_strdup_printf ("%d years old", age);
    case 1: return g_strdup_printf ("aged %d", age);
    default: return g_strdup_printf ("a %d-year-old", age);
    }
}

static char *
capitalised (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

static Generated *
generate_student (GRand     *rand,
                  guint      n,
                  GPtrArray *given_names,
                  GPtrArray *family_names,
                  GPtrArray *origin_words)
{
  Generated *generated = g_new0 (Generated, 1);
  SmRecord *record = SM_RECORD (sm_student_new ());
  g_autoptr(GString) motivation = g_string_new (NULL);
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  const char *prefix = NULL;
  g_autofree char *prefixed = NULL;
  g_autofree char *full = NULL;
  g_autofree char *number = g_strdup_printf ("%u", 400000 + n * 7);
  g_autofree char *email = NULL;
  g_autofree char *digits = g_strdup_printf ("%08u", (guint) g_rand_int_range (rand, 10000000, 99999999));
  g_autofree char *stored_phone = g_strdup_printf ("06-%s", digits);
  g_autofree char *phone = format_phone (rand, digits);
  g_autofree char *street = NULL;
  const SmPostcodeArea *area = &areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))];
  char letters[3] = { 0 };
  g_autofree char *stored_postcode = NULL;
  g_autofree char *postcode = NULL;
  const char *town = PICK (rand, towns);
  int year = g_rand_int_range (rand, 2004, 2011), month = g_rand_int_range (rand, 1, 13), day = g_rand_int_range (rand, 1, 29);
  g_autofree char *iso_birth = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  g_autofree char *birth = format_date (rand, year, month, day);
  gboolean dutch = g_rand_boolean (rand);
  g_autofree char *age = format_age (rand, 2026 - year, dutch);
  const char *origin = origin_words->pdata[g_rand_int_range (rand, 0, (gint32) origin_words->len)];
  g_autofree char *origin_capitalised = g_unichar_isupper (g_utf8_get_char (origin)) ? g_strdup (origin) : capitalised (origin);
  g_autofree char *skill_list = g_strdup_printf ("%s,%s", PICK (rand, skill_names), PICK (rand, skill_names));

  /* Postcode letters that spell no word: "2611 en" is left to the leak
   * check, which refuses it. */
  do
    {
      static const char consonants[] = "BCDFGHJKLMNPRTVWXZ";

      letters[0] = consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)];
      letters[1] = consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)];
    }
  while (strstr (" HR KM MM CM KG PM TM ", (char[]) { ' ', letters[0], letters[1], ' ', '\0' }) != NULL);
  stored_postcode = g_strdup_printf ("%u %s", area->code, letters);
  postcode = format_postcode (rand, area->code, letters);

  /* Names of many origins from the lists, and now and then one that is
   * on no list, a prefix or a double family name. */
  given = g_rand_int_range (rand, 0, 10) == 0 ? invented_name (rand)
          : g_strdup (given_names->pdata[g_rand_int_range (rand, 0, (gint32) given_names->len)]);
  family = g_rand_int_range (rand, 0, 10) == 0 ? invented_name (rand)
           : g_strdup (family_names->pdata[g_rand_int_range (rand, 0, (gint32) family_names->len)]);
  if (g_rand_int_range (rand, 0, 8) == 0)
    {
      char *double_name = g_strdup_printf ("%s-%s", family,
                                           (const char *) family_names->pdata[g_rand_int_range (rand, 0, (gint32) family_names->len)]);
      g_free (family);
      family = double_name;
    }
  if (g_rand_int_range (rand, 0, 4) == 0)
    prefix = PICK (rand, prefixes);
  prefixed = prefix != NULL ? g_strdup_printf ("%s %s", prefix, family) : g_strdup (family);
  full = g_strdup_printf ("%s %s", given, prefixed);
  {
    g_autofree char *a = ascii_word (given);
    g_autofree char *b = ascii_word (prefixed);

    email = g_strdup_printf ("%s.%s%u@leerling.example.nl", a, b, n);
  }
  street = g_strdup_printf ("%s %d%s", PICK (rand, streets), g_rand_int_range (rand, 1, 300),
                            g_rand_boolean (rand) ? "" : "a");

  sm_test_set_text (record, "student_number", number);
  sm_test_set_text (record, "given_name", given);
  if (prefix != NULL)
    sm_test_set_text (record, "name_prefix", prefix);
  sm_test_set_text (record, "family_name", family);
  sm_test_set_text (record, "date_of_birth", iso_birth);
  sm_test_set_text (record, "email", email);
  sm_test_set_text (record, "phone", stored_phone);
  sm_test_set_text (record, "street", street);
  sm_test_set_text (record, "postcode", stored_postcode);
  sm_test_set_text (record, "city", town);
  sm_test_set_text (record, "level", g_rand_boolean (rand) ? "mbo-3" : "mbo-4");
  sm_test_set_text (record, "pathway", g_rand_boolean (rand) ? "bol" : "bbl");
  sm_test_set_text (record, "programme", "25604");
  sm_test_set_text (record, "skills", skill_list);
  sm_test_set_text (record, "sector_interests", "ict");
  sm_test_set_text (record, "available_from", "2026-09-01");
  sm_test_set_text (record, "available_until", "2027-01-31");

  /* Every kind of detail, each in Dutch or English. */
  if (g_rand_boolean (rand))
    g_string_append_printf (motivation, "Mijn naam is %s en ik woon in %s. ", full, town);
  else
    g_string_append_printf (motivation, "My name is %s and I live in %s. ", full, town);
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      {
        g_autofree char *start = capitalised (prefixed);
        g_string_append_printf (motivation, "%s is mijn achternaam. ", start);
      }
      break;
    case 1: g_string_append_printf (motivation, "%s's motivation: I want to learn. ", given); break;
    case 2: g_string_append_printf (motivation, "Hoi, ik ben %s! ", given); break;
    default: g_string_append_printf (motivation, "Iedereen noemt mij %s. ", family); break;
    }
  if (dutch)
    g_string_append_printf (motivation, "Ik ben %s en geboren op %s. ", age, birth);
  else
    g_string_append_printf (motivation, "I am %s and was born on %s. ", age, birth);
  if (g_rand_boolean (rand))
    g_string_append_printf (motivation, "U kunt mij mailen op %s of bellen naar %s. ", email, phone);
  else
    g_string_append_printf (motivation, "Email me at %s or call %s. ", email, phone);
  if (g_rand_boolean (rand))
    g_string_append_printf (motivation, "Mijn adres is %s, %s %s. ", street, postcode, town);
  else
    g_string_append_printf (motivation, "I live at %s, %s %s. ", street, postcode, town);
  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0: g_string_append_printf (motivation, "Ik ben trots op mijn %s achtergrond. ", origin); break;
    case 1: g_string_append_printf (motivation, "%s is part of who I am. ", origin_capitalised); break;
    default: g_string_append_printf (motivation, "Thuis zijn we %s. ", origin); break;
    }
  g_string_append (motivation, g_rand_boolean (rand) ? "Ik werk graag in een team en leer snel.\n"
                                                     : "I like working in a team and learn fast.\n");
  g_string_append_printf (motivation, g_rand_boolean (rand) ? "Groetjes, %s" : "Kind regards,\n%s", given);
  sm_test_set_text (record, "motivation", motivation->str);

  generated->record = record;
  generated->words = g_ptr_array_new_with_free_func (g_free);
  generated->strings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (generated->words, g_strdup (given));
  g_ptr_array_add (generated->words, g_strdup (family));
  g_ptr_array_add (generated->words, g_strdup (prefixed));
  g_ptr_array_add (generated->words, g_strdup (full));
  g_ptr_array_add (generated->words, g_strdup (town));
  g_ptr_array_add (generated->words, g_strdup (origin));
  g_ptr_array_add (generated->words, g_strdup (number));
  g_ptr_array_add (generated->strings, g_strdup (email));
  g_ptr_array_add (generated->strings, g_strdup (phone));
  g_ptr_array_add (generated->strings, g_strdup (stored_phone));
  g_ptr_array_add (generated->strings, g_strdup (digits));
  g_ptr_array_add (generated->strings, g_strdup (street));
  g_ptr_array_add (generated->strings, g_strdup (postcode));
  g_ptr_array_add (generated->strings, g_strdup (stored_postcode));
  g_ptr_array_add (generated->strings, g_strdup (birth));
  g_ptr_array_add (generated->strings, g_strdup (iso_birth));
  g_ptr_array_add (generated->strings, g_strdup (age));
  return generated;
}

static void
assert_nothing_of (Generated  *generated,
                   const char *output,
                   const char *format)
{
  for (guint i = 0; i < generated->words->len; i++)
    if (contains_word (output, generated->words->pdata[i]))
      g_error ("The %s profile shows “%s”:\n%s", format, (const char *) generated->words->pdata[i], output);
  for (guint i = 0; i < generated->strings->len; i++)
    if (contains_text (output, generated->strings->pdata[i]))
      g_error ("The %s profile shows “%s”:\n%s", format, (const char *) generated->strings->pdata[i], output);
}

static void
test_thousand_students (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260901);
  g_autoptr(GPtrArray) given_names = load_list ("given-names.txt");
  g_autoptr(GPtrArray) family_names = load_list ("family-names.txt");
  g_autoptr(GPtrArray) origin_words = load_origin_words ();
  g_autoptr(GPtrArray) students = g_ptr_array_new_with_free_func ((GDestroyNotify) generated_free);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmChangeSet) student_changes = sm_change_set_new ();
  g_autoptr(SmChangeSet) candidate_changes = sm_change_set_new ();
  g_autoptr(GError) error = NULL;
  guint n_markers = 0;

  for (guint i = 0; i < N_STUDENTS; i++)
    {
      Generated *generated = generate_student (rand, i, given_names, family_names, origin_words);

      g_ptr_array_add (students, generated);
      sm_change_set_save (student_changes, generated->record);
    }
  g_assert_true (sm_store_apply (fx->store, student_changes, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_STUDENTS; i++)
    {
      Generated *generated = students->pdata[i];
      /* Codes as the selection round makes them: never a word. */
      g_autofree char *code = g_strdup_printf ("K-%u%c%u%c", i % 10, 'A' + (i / 10) % 26, (i / 260) % 10, 'Q');
      SmRecord *candidate = new_candidate (fx->offer, generated->record, code);

      g_ptr_array_add (candidates, candidate);
      sm_change_set_save (candidate_changes, candidate);
    }
  g_assert_true (sm_store_apply (fx->store, candidate_changes, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_STUDENTS; i++)
    {
      Generated *generated = students->pdata[i];
      g_autoptr(SmProfile) profile = sm_profile_new (fx->store, SM_CANDIDATE (candidates->pdata[i]), &error);
      g_autofree char *json = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (profile);

      /* Not refused: the anonymiser removed everything first. */
      json = sm_profile_to_json (profile, &error);
      g_assert_no_error (error);
      xml = sm_profile_to_xml (profile, &error);
      g_assert_no_error (error);
      text = sm_profile_to_text (profile, &error);
      g_assert_no_error (error);

      assert_nothing_of (generated, json, "JSON");
      assert_nothing_of (generated, xml, "XML");
      assert_nothing_of (generated, text, "text");
      assert_json_profile (json);
      assert_xml_profile (xml);
      assert_text_profile (text);

      if (strstr (text, "[naam]") != NULL)
        n_markers++;
      if (i < 3)
        g_test_message ("%s", text);
    }
  /* The motivations lost their names, not their sense. */
  g_assert_cmpuint (n_markers, ==, N_STUDENTS);
}

static void
test_fields (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(SmRecord) student = new_student ("100001");
  g_autoptr(SmRecord) candidate = NULL;
  g_autoptr(SmProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  const char * const *skills;

  sm_test_save (fx->store, student);
  candidate = new_candidate (fx->offer, student, "K-7Q2M");
  sm_test_save (fx->store, candidate);

  profile = sm_profile_new (fx->store, SM_CANDIDATE (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_profile_get_code (profile), ==, "K-7Q2M");
  g_assert_cmpstr (sm_profile_get_motivation (profile), ==, "Ik ben [naam] en ik werk graag met computers.");
  g_assert_null (sm_profile_get_context_note (profile));

  /* A language that tells where the student comes from is left out. */
  skills = sm_profile_get_skills (profile);
  g_assert_cmpuint (g_strv_length ((char **) skills), ==, 2);
  g_assert_cmpstr (skills[0], ==, "Python");
  g_assert_cmpstr (skills[1], ==, "SQL");

  json = sm_profile_to_json (profile, &error);
  g_assert_no_error (error);
  assert_json_profile (json);
  g_assert_nonnull (strstr (json, "\"distance\" : \"0–5 km\""));
  g_assert_null (strstr (json, "Arabisch"));
  g_assert_null (strstr (json, "1012"));
  g_assert_null (strstr (json, "Utrecht"));

  text = sm_profile_to_text (profile, &error);
  g_assert_no_error (error);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Candidate: K-7Q2M\n"));
  g_assert_nonnull (strstr (text, "Level: mbo level 4, BOL (school-based)\n"));
  g_assert_nonnull (strstr (text, "Programme: Software developer (25604)\n"));
  g_assert_nonnull (strstr (text, "  Driving licence: not met\n"));
  g_assert_nonnull (strstr (text, "  Certificate of conduct (VOG): met\n"));
  g_assert_nonnull (strstr (text, "  VCA: met\n"));
}

/* A profile that still shows the student is refused, whatever the
 * format, with the field to edit named. */
static void
test_refused (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(SmRecord) student = new_student ("100002");
  g_autoptr(SmRecord) other = new_student ("100003");
  g_autoptr(SmRecord) candidate = NULL;
  g_autoptr(SmRecord) other_candidate = NULL;
  g_autoptr(SmProfile) profile = NULL;
  g_autoptr(SmProfile) other_profile = NULL;
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *(*outputs[]) (SmProfile *, GError **) = { sm_profile_to_json, sm_profile_to_xml, sm_profile_to_text };

  sm_test_save (fx->store, student);
  sm_test_set_text (other, "given_name", "Xandrijn");
  sm_test_set_text (other, "name_prefix", "");
  sm_test_set_text (other, "family_name", "Oduya");
  sm_test_set_text (other, "phone", "06-87654321");
  sm_test_set_text (other, "email", "xo@example.nl");
  sm_test_set_text (other, "street", "Dorpsstraat 1");
  sm_test_set_text (other, "date_of_birth", "2007-05-01");
  sm_test_set_text (other, "postcode", "1013 CD");
  sm_test_save (fx->store, other);

  /* Written so that no phone pattern knows it, but still the number. */
  candidate = new_candidate (fx->offer, student, "K-3R8T");
  sm_test_set_text (candidate, "note", "Bereikbaar via WhatsApp: 6 1234 5678.");
  sm_test_save (fx->store, candidate);

  profile = sm_profile_new (fx->store, SM_CANDIDATE (candidate), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *output = outputs[i] (profile, &error);

      g_assert_null (output);
      g_assert_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_LEAK);
      g_assert_cmpstr (error->message, ==,
                       "Candidate K-3R8T: the profile would show the student’s phone number in the context note; "
                       "edit the context note before sharing it");
      g_clear_error (&error);
    }

  /* One candidate's note must not give away another candidate either. */
  other_candidate = new_candidate (fx->offer, other, "K-9W4P");
  sm_test_set_text (other_candidate, "note", "Komt samen met de student van 6 1234 5678.");
  sm_test_save (fx->store, other_candidate);
  sm_test_set_text (candidate, "note", "");
  sm_test_save (fx->store, candidate);

  g_clear_object (&profile);
  profile = sm_profile_new (fx->store, SM_CANDIDATE (candidate), &error);
  g_assert_no_error (error);
  other_profile = sm_profile_new (fx->store, SM_CANDIDATE (other_candidate), &error);
  g_assert_no_error (error);
  g_ptr_array_add (both, profile);
  g_ptr_array_add (both, other_profile);
  {
    g_autofree char *alone = sm_profile_to_json (other_profile, &error);

    g_assert_no_error (error);
    g_assert_nonnull (alone);
  }
  {
    g_autofree char *list = sm_profile_list_to_json (both, &error);

    g_assert_null (list);
    g_assert_error (error, SM_ANONYMISER_ERROR, SM_ANONYMISER_ERROR_LEAK);
    g_assert_cmpstr (error->message, ==,
                     "Candidate K-9W4P: the profile would show the phone number of candidate K-3R8T in the context note; "
                     "edit the context note before sharing it");
    g_clear_error (&error);
  }
}

/* A family name "Kok" and the programme "Kok" are not the same thing:
 * the program's own words give no one away. */
static void
test_own_words (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(SmRecord) programme = SM_RECORD (sm_programme_new ("25180", "Kok", SM_EDUCATION_MBO, SM_SECTOR_HOSPITALITY));
  g_autoptr(SmRecord) student = new_student ("100004");
  g_autoptr(SmRecord) candidate = NULL;
  g_autoptr(SmProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  sm_test_save (fx->store, programme);
  sm_test_set_text (student, "family_name", "Kok");
  sm_test_set_text (student, "name_prefix", "");
  sm_test_set_text (student, "programme", "25180");
  sm_test_save (fx->store, student);
  candidate = new_candidate (fx->offer, student, "K-5T6U");
  sm_test_save (fx->store, candidate);

  profile = sm_profile_new (fx->store, SM_CANDIDATE (candidate), &error);
  g_assert_no_error (error);
  text = sm_profile_to_text (profile, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Programme: Kok (25180)\n"));
  json = sm_profile_to_json (profile, &error);
  g_assert_no_error (error);
  assert_json_profile (json);

  /* But the name in the motivation is still refused. */
  sm_test_set_text (candidate, "note", "Ook bekend als Kok.");
  sm_test_save (fx->store, candidate);
  g_clear_object (&profile);
  profile = sm_profile_new (fx->store, SM_CANDIDATE (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_profile_get_context_note (profile), ==, "Ook bekend als [naam].");
}

static void
test_distance_bands (Fixture       *fx,
                     gconstpointer  data)
{
  static const struct { const char *postcode; const char *band; } cases[] = {
    { "1011 CD", "0–5 km" },
    { "1012 AB", "0–5 km" },
    { "1013 AB", "5–10 km" },
    { "1014 AB", "10–20 km" },
    { "1015 AB", "20–40 km" },
    { "1016 AB", "over 40 km" },
    { "1017 AB", "unknown" },  /* not in the table */
    { NULL, "unknown" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = g_strdup_printf ("2000%02u", i);
      g_autofree char *code = g_strdup_printf ("K-%uD%uB", i, i);
      g_autoptr(SmRecord) student = new_student (number);
      g_autoptr(SmRecord) candidate = NULL;
      g_autoptr(SmProfile) profile = NULL;
      g_autoptr(GError) error = NULL;

      sm_record_set_string (student, SM_STUDENT_FIELD_POSTCODE, cases[i].postcode);
      sm_test_save (fx->store, student);
      candidate = new_candidate (fx->offer, student, code);
      sm_test_save (fx->store, candidate);
      profile = sm_profile_new (fx->store, SM_CANDIDATE (candidate), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sm_profile_get_distance_band (profile), ==, cases[i].band);
    }

  g_assert_cmpstr (sm_profile_distance_band_for_metres (-1), ==, "unknown");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (0), ==, "0–5 km");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (4999), ==, "0–5 km");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (5000), ==, "5–10 km");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (9999), ==, "5–10 km");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (10000), ==, "10–20 km");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (19999), ==, "10–20 km");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (20000), ==, "20–40 km");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (39999), ==, "20–40 km");
  g_assert_cmpstr (sm_profile_distance_band_for_metres (40000), ==, "over 40 km");
}

/* An offer in an area the table does not know has no distance either. */
static void
test_distance_unknown_offer (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(SmRecord) student = new_student ("300001");
  g_autoptr(SmRecord) candidate = NULL;
  g_autoptr(SmProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  sm_test_set_text (fx->offer, "postcode", "9999 ZZ");
  sm_test_save (fx->store, fx->offer);
  sm_test_save (fx->store, student);
  candidate = new_candidate (fx->offer, student, "K-8H7J");
  sm_test_save (fx->store, candidate);
  profile = sm_profile_new (fx->store, SM_CANDIDATE (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sm_profile_get_distance_band (profile), ==, "unknown");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/profile/fields", test_fields);
  ADD ("/profile/refused", test_refused);
  ADD ("/profile/own-words", test_own_words);
  ADD ("/profile/distance-bands", test_distance_bands);
  ADD ("/profile/distance-unknown-offer", test_distance_unknown_offer);
  ADD ("/profile/thousand-students", test_thousand_students);

#undef ADD

  return g_test_run ();
}
