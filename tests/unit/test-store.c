/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "sm-change-set.h"
#include "sm-company.h"
#include "sm-decision.h"
#include "sm-enums.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-test-util.h"

#define APPLICATION_ID 0x534d4154 /* "SMAT" */

/* Raw SQLite helpers */

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

/* Every row of every table, with the type of every value, and the
 * schema version, in a stable order: two dumps are equal only if the
 * contents are. */
static char *
dump_database (const char *path)
{
  g_autofree char *tables = sm_test_dump_tables (path, NULL);

  return g_strdup_printf ("user_version %" G_GINT64_FORMAT "\n%s",
                          sm_test_file_int (path, "PRAGMA user_version"), tables);
}

/* Fixture */

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = sm_test_make_dir ("store");
  fx->path = g_build_filename (fx->dir, "stagematch.db", NULL);
  fx->store = sm_test_open_store (fx->path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  sm_test_remove_tree (fx->dir);
  g_assert_false (g_file_test (fx->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fx->dir, g_free);
  g_clear_pointer (&fx->path, g_free);
}

static SmStore *
reopen (Fixture *fx)
{
  g_clear_object (&fx->store);
  fx->store = sm_test_open_store (fx->path);
  return SM_STORE (fx->store);
}

/* Records */

static SmRecord *
new_programme (const char *code)
{
  return SM_RECORD (sm_programme_new (code, "Software developer", SM_EDUCATION_MBO, SM_SECTOR_ICT));
}

static SmRecord *
new_student (const char *number,
             const char *programme)
{
  SmRecord *record = SM_RECORD (sm_student_new ());

  sm_test_set_text (record, "student_number", number);
  sm_test_set_text (record, "given_name", "Fatima");
  sm_test_set_text (record, "family_name", "Amrani");
  sm_test_set_text (record, "level", "mbo-4");
  sm_test_set_text (record, "pathway", "bol");
  if (programme != NULL)
    sm_test_set_text (record, "programme", programme);
  return record;
}

static SmRecord *
new_full_student (const char *number,
                  const char *programme)
{
  SmRecord *record = new_student (number, programme);

  sm_test_set_text (record, "given_name", "Daan");
  sm_test_set_text (record, "name_prefix", "van der");
  sm_test_set_text (record, "family_name", "Berg");
  sm_test_set_text (record, "date_of_birth", "14-03-2007");
  sm_test_set_text (record, "email", "daan@example.nl");
  sm_test_set_text (record, "phone", "06-12345678");
  sm_test_set_text (record, "street", "Kerkstraat 12a");
  sm_test_set_text (record, "postcode", "3511ab");
  sm_test_set_text (record, "city", "Utrecht");
  sm_test_set_text (record, "class_name", "SD3B");
  sm_test_set_text (record, "level", "mbo-3");
  sm_test_set_text (record, "pathway", "bbl");
  sm_test_set_text (record, "supervisor", "J. de Vries");
  sm_test_set_text (record, "available_from", "2025-09-01");
  sm_test_set_text (record, "available_until", "31-01-2026");
  sm_test_set_text (record, "hours_per_week", "24");
  sm_test_set_text (record, "max_travel_km", "15");
  sm_test_set_text (record, "skills", "Python, SQL");
  sm_test_set_text (record, "sector_interests", "ict,creative");
  sm_test_set_text (record, "driving_licence", "yes");
  sm_test_set_text (record, "vog", "yes");
  sm_test_set_text (record, "certificates", "BHV,VCA");
  sm_test_set_text (record, "motivation", "Ik bouw graag dingen.\nEn ik leer snel, echt. ‘Quotes’ and “more”.");
  sm_test_set_text (record, "accommodations", "Extra time to travel");
  return record;
}

static SmRecord *
new_company (const char *kvk)
{
  SmRecord *record = SM_RECORD (sm_company_new ());

  sm_test_set_text (record, "name", "Bits en Bytes BV");
  sm_test_set_text (record, "kvk_number", kvk);
  return record;
}

static SmRecord *
new_full_company (const char *kvk)
{
  SmRecord *record = new_company (kvk);

  sm_test_set_text (record, "sbb_recognised", "yes");
  sm_test_set_text (record, "sector", "ict");
  sm_test_set_text (record, "street", "Stationsplein 2");
  sm_test_set_text (record, "postcode", "3511 CE");
  sm_test_set_text (record, "city", "Utrecht");
  sm_test_set_text (record, "contact_name", "Sanne Bakker");
  sm_test_set_text (record, "contact_email", "stage@bitsenbytes.nl");
  sm_test_set_text (record, "contact_phone", "030-1234567");
  return record;
}

static SmRecord *
new_offer (SmRecord *company)
{
  SmRecord *record = SM_RECORD (sm_offer_new ());
  g_autofree char *company_id = sm_test_id_text (company);

  sm_test_set_text (record, "company_id", company_id);
  sm_test_set_text (record, "title", "Junior developer");
  sm_test_set_text (record, "levels", "mbo-3,mbo-4");
  sm_test_set_text (record, "start_date", "2025-09-01");
  sm_test_set_text (record, "end_date", "2026-01-31");
  return record;
}

static SmRecord *
new_full_offer (SmRecord *company)
{
  SmRecord *record = new_offer (company);

  sm_test_set_text (record, "description", "Work on our web shop.\nWith a team, of four.");
  sm_test_set_text (record, "sector", "ict");
  sm_test_set_text (record, "pathways", "bbl");
  sm_test_set_text (record, "programmes", "25604,25187");
  sm_test_set_text (record, "postcode", "3511 ce");
  sm_test_set_text (record, "required_weeks", "20");
  sm_test_set_text (record, "hours_per_week", "36");
  sm_test_set_text (record, "places", "3");
  sm_test_set_text (record, "requires_driving_licence", "yes");
  sm_test_set_text (record, "requires_vog", "yes");
  sm_test_set_text (record, "requirements", "Safety shoes,Own laptop");
  sm_test_set_text (record, "status", "draft");
  sm_test_set_text (record, "selection_mode", "open");
  return record;
}

static SmRecord *
new_placement (SmRecord *student,
               SmRecord *offer)
{
  SmRecord *record = SM_RECORD (sm_placement_new ());
  g_autofree char *student_id = sm_test_id_text (student);
  g_autofree char *offer_id = sm_test_id_text (offer);

  sm_test_set_text (record, "student_id", student_id);
  sm_test_set_text (record, "offer_id", offer_id);
  return record;
}

static SmRecord *
new_full_placement (SmRecord *student,
                    SmRecord *offer)
{
  SmRecord *record = new_placement (student, offer);

  sm_test_set_text (record, "status", "started");
  sm_test_set_text (record, "start_date", "2025-09-01");
  sm_test_set_text (record, "end_date", "2026-01-31");
  sm_test_set_text (record, "company_mentor", "Sanne Bakker");
  sm_test_set_text (record, "supervisor", "J. de Vries");
  sm_test_set_text (record, "agreement_signed", "yes");
  sm_test_set_text (record, "locked", "yes");
  return record;
}

static SmRecord *
new_decision (SmRecord *student,
              SmRecord *offer)
{
  SmRecord *record = SM_RECORD (sm_decision_new ());
  g_autofree char *student_id = sm_test_id_text (student);
  g_autofree char *offer_id = sm_test_id_text (offer);

  sm_test_set_text (record, "offer_id", offer_id);
  sm_test_set_text (record, "student_id", student_id);
  sm_test_set_text (record, "candidate_code", "K-0001");
  sm_test_set_text (record, "kind", "invite");
  sm_test_set_text (record, "decided_by", "J. de Vries");
  sm_test_set_text (record, "decided_at", "2025-06-01T10:00:00Z");
  return record;
}

static void
save (SmStore  *store,
      SmRecord *record)
{
  sm_test_save (store, record);
  g_assert_cmpint (sm_record_get_id (record), >, 0);
}

/* One of each, all stored, every field filled in. */
typedef struct
{
  SmRecord *programme;
  SmRecord *student;
  SmRecord *company;
  SmRecord *offer;
  SmRecord *placement;
  SmRecord *decision;
  SmRecord *correction;
} World;

static void
world_fill (World   *world,
            SmStore *store)
{
  world->programme = new_programme ("25604");
  save (store, world->programme);
  world->student = new_full_student ("ST-2025-001", "25604");
  save (store, world->student);
  world->company = new_full_company ("12345678");
  save (store, world->company);
  world->offer = new_full_offer (world->company);
  save (store, world->offer);
  world->placement = new_full_placement (world->student, world->offer);
  save (store, world->placement);
  world->decision = new_decision (world->student, world->offer);
  sm_test_set_text (world->decision, "note", "Came across well.\nSecond interview, maybe.");
  save (store, world->decision);

  {
    g_autofree char *corrects_id = sm_test_id_text (world->decision);

    world->correction = new_decision (world->student, world->offer);
    sm_test_set_text (world->correction, "kind", "reject");
    sm_test_set_text (world->correction, "reason", "no-places-left");
    sm_test_set_text (world->correction, "corrects_id", corrects_id);
    save (store, world->correction);
  }
}

static void
world_clear (World *world)
{
  g_clear_object (&world->programme);
  g_clear_object (&world->student);
  g_clear_object (&world->company);
  g_clear_object (&world->offer);
  g_clear_object (&world->placement);
  g_clear_object (&world->decision);
  g_clear_object (&world->correction);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (World, world_clear)

static SmRecord *
find_in_list (SmStore *store,
              GType    type,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = sm_store_list (store, type, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_true (g_list_model_get_item_type (list) == type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SmRecord) record = g_list_model_get_item (list, i);

      if (sm_record_get_id (record) == id)
        return record;
    }
  return NULL;
}

static guint
list_length (SmStore *store,
             GType    type)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = sm_store_list (store, type, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static void
assert_same_fields (SmRecord *expected,
                    SmRecord *actual)
{
  guint n_fields;
  const SmField *fields = sm_record_class_get_fields (SM_RECORD_GET_CLASS (expected), &n_fields);

  g_assert_true (G_OBJECT_TYPE (expected) == G_OBJECT_TYPE (actual));
  g_assert_cmpint (sm_record_get_id (expected), ==, sm_record_get_id (actual));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *a = sm_record_dup_text (expected, i);
      g_autofree char *b = sm_record_dup_text (actual, i);

      if (g_strcmp0 (a, b) != 0)
        g_error ("%s.%s: expected “%s”, found “%s”", G_OBJECT_TYPE_NAME (expected), fields[i].name, a, b);
    }
}

/* Checks that a store opened afresh on the file holds @record as it is. */
static void
assert_stored (Fixture  *fx,
               SmRecord *record)
{
  SmStore *store = reopen (fx);
  SmRecord *found = find_in_list (store, G_OBJECT_TYPE (record), sm_record_get_id (record));

  if (found == NULL)
    g_error ("%s %" G_GINT64_FORMAT " is not in the list after reopening",
             G_OBJECT_TYPE_NAME (record), sm_record_get_id (record));
  assert_same_fields (record, found);
  g_assert_true (sm_store_lookup (store, G_OBJECT_TYPE (record), sm_record_get_id (record)) == found);
}

static void
assert_error_prefix (const GError *error,
                     const char   *prefix)
{
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

/* Signal recorders */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  ItemsChanged change = { position, removed, added };

  g_array_append_val (log, change);
}

static void
store_changed_cb (SmStore *store,
                  GType    type,
                  GArray  *log)
{
  g_array_append_val (log, type);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* The file */

static void
test_file_mode (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "new", "stagematch.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(SmRecord) programme = new_programme ("25604");
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t old_umask;

  /* Whatever the umask, only the owner may read the database. */
  old_umask = umask (0);
  store = sm_sqlite_store_new (path, &error);
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_true (S_ISREG (st.st_mode));

  old_umask = umask (0);
  save (SM_STORE (store), programme);
  umask (old_umask);

  /* The write-ahead log holds the same data, so the same goes for it. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  g_assert_cmpstr (sm_sqlite_store_get_path (store), ==, path);
  {
    g_autofree char *location = sm_store_dup_location (SM_STORE (store));
    g_assert_cmpstr (location, ==, path);
  }
}

static void
test_file_pragmas (Fixture       *fx,
                   gconstpointer  data)
{
  sqlite3 *db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  g_autofree char *journal_mode = raw_text (db, "PRAGMA journal_mode");

  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (sm_test_raw_int (db, "PRAGMA user_version"), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sm_test_raw_int (db, "PRAGMA application_id"), ==, APPLICATION_ID);
  g_assert_cmpint (sm_test_raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                                "('programmes', 'students', 'companies', 'offers', 'placements', "
                                "'decisions', 'postcode_areas', 'settings')"), ==, 8);
  sqlite3_close (db);

  g_assert_cmpint (sm_sqlite_store_get_schema_version (fx->store), ==, SM_SQLITE_STORE_SCHEMA_VERSION);
  /* A new database needs no backup. */
  g_assert_null (sm_sqlite_store_get_backup_path (fx->store));

  /* Every record type has a list, empty for now. */
  {
    const GType types[] = {
      SM_TYPE_PROGRAMME, SM_TYPE_STUDENT, SM_TYPE_COMPANY,
      SM_TYPE_OFFER, SM_TYPE_PLACEMENT, SM_TYPE_DECISION,
    };

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      g_assert_cmpuint (list_length (SM_STORE (fx->store), types[i]), ==, 0);
  }
}

/* Round trips */

enum {
  KIND_PROGRAMME,
  KIND_STUDENT,
  KIND_COMPANY,
  KIND_OFFER,
  KIND_PLACEMENT,
  KIND_DECISION,
};

static SmRecord *
world_get (World *world,
           int    kind)
{
  switch (kind)
    {
    case KIND_PROGRAMME:
      return world->programme;
    case KIND_STUDENT:
      return world->student;
    case KIND_COMPANY:
      return world->company;
    case KIND_OFFER:
      return world->offer;
    case KIND_PLACEMENT:
      return world->placement;
    case KIND_DECISION:
      return world->decision;
    default:
      g_assert_not_reached ();
    }
}

/* Changes every kind of field that the type has, including emptying a
 * list and unsetting a text. */
static void
edit (SmRecord *record,
      int       kind)
{
  switch (kind)
    {
    case KIND_PROGRAMME:
      sm_test_set_text (record, "name", "Software developer (new)");
      sm_test_set_text (record, "sector", "creative");
      break;
    case KIND_STUDENT:
      sm_test_set_text (record, "family_name", "Bergen");
      sm_test_set_text (record, "name_prefix", "");
      sm_test_set_text (record, "level", "mbo-4");
      sm_test_set_text (record, "pathway", "bol");
      sm_test_set_text (record, "skills", "");
      sm_test_set_text (record, "sector_interests", "care");
      sm_test_set_text (record, "hours_per_week", "40");
      sm_test_set_text (record, "driving_licence", "no");
      sm_test_set_text (record, "available_until", "2026-06-30");
      sm_test_set_text (record, "motivation", "");
      break;
    case KIND_COMPANY:
      sm_test_set_text (record, "name", "Bits & Bytes B.V.");
      sm_test_set_text (record, "sbb_recognised", "no");
      sm_test_set_text (record, "contact_phone", "");
      break;
    case KIND_OFFER:
      sm_test_set_text (record, "title", "Medior developer");
      sm_test_set_text (record, "levels", "mbo-4,hbo-ad");
      sm_test_set_text (record, "pathways", "bol,bbl");
      sm_test_set_text (record, "programmes", "");
      sm_test_set_text (record, "places", "5");
      sm_test_set_text (record, "status", "closed");
      sm_test_set_text (record, "requires_vog", "no");
      break;
    case KIND_PLACEMENT:
      sm_test_set_text (record, "status", "completed");
      sm_test_set_text (record, "company_mentor", "");
      sm_test_set_text (record, "locked", "no");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  int kind = GPOINTER_TO_INT (data);
  g_auto(World) world = { NULL };
  SmRecord *record;

  world_fill (&world, SM_STORE (fx->store));
  record = world_get (&world, kind);

  /* As saved */
  assert_stored (fx, record);
  if (kind == KIND_DECISION)
    assert_stored (fx, world.correction);

  if (kind == KIND_DECISION)
    return;

  /* Updated, through a copy */
  {
    g_autoptr(SmRecord) copy = sm_record_dup (record);

    edit (copy, kind);
    save (SM_STORE (fx->store), copy);
    g_assert_cmpint (sm_record_get_id (copy), ==, sm_record_get_id (record));
    assert_stored (fx, copy);
  }
}

/* A record of each type that nothing refers to can be deleted, and stays
 * deleted; the others stay. */
static void
test_delete_round_trip (Fixture       *fx,
                        gconstpointer  data)
{
  int kind = GPOINTER_TO_INT (data);
  g_auto(World) world = { NULL };
  g_autoptr(SmRecord) extra = NULL;
  g_autoptr(GError) error = NULL;
  SmStore *store = SM_STORE (fx->store);
  GType type;
  guint n_before;
  gint64 id;

  world_fill (&world, store);
  switch (kind)
    {
    case KIND_PROGRAMME:
      extra = new_programme ("25187");
      break;
    case KIND_STUDENT:
      extra = new_full_student ("ST-2025-002", "25604");
      break;
    case KIND_COMPANY:
      extra = new_full_company ("87654321");
      break;
    case KIND_OFFER:
      extra = new_full_offer (world.company);
      break;
    case KIND_PLACEMENT:
      extra = new_full_placement (world.student, world.offer);
      break;
    default:
      g_assert_not_reached ();
    }
  type = G_OBJECT_TYPE (extra);
  save (store, extra);
  id = sm_record_get_id (extra);
  assert_stored (fx, extra);
  store = SM_STORE (fx->store);
  n_before = list_length (store, type);

  if (!sm_store_delete (store, extra, &error))
    g_error ("Deleting failed: %s", error->message);
  g_assert_cmpuint (list_length (store, type), ==, n_before - 1);
  g_assert_null (find_in_list (store, type, id));

  store = reopen (fx);
  g_assert_cmpuint (list_length (store, type), ==, n_before - 1);
  g_assert_null (find_in_list (store, type, id));
  g_assert_null (sm_store_lookup (store, type, id));
  /* The one of the world is still there. */
  assert_stored (fx, world_get (&world, kind));
}

/* Lists */

static void
test_list_items_changed (Fixture       *fx,
                         gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (GType));
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) students = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmRecord) first = new_student ("000001", NULL);
  g_autoptr(GError) error = NULL;
  GListModel *list;
  ItemsChanged *change;

  save (store, first);
  list = sm_store_list (store, SM_TYPE_STUDENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  /* The same list each time it is asked for. */
  g_assert_true (sm_store_list (store, SM_TYPE_STUDENT, NULL) == list);

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *number = g_strdup_printf ("1%05u", i);
      SmRecord *student = new_student (number, NULL);

      g_ptr_array_add (students, student);
      sm_change_set_save (changes, student);
    }
  g_assert_cmpuint (sm_change_set_get_n_changes (changes), ==, 100);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), changed);
  if (!sm_store_apply (store, changes, &error))
    g_error ("Applying failed: %s", error->message);

  /* One import, one change of the list. */
  g_assert_cmpuint (log->len, ==, 1);
  change = &g_array_index (log, ItemsChanged, 0);
  g_assert_cmpuint (change->position, ==, 1);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 100);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 101);

  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_true (g_array_index (changed, GType, 0) == SM_TYPE_STUDENT);

  /* In id order, each new record with its id, as saved. */
  for (guint i = 0; i < 100; i++)
    {
      SmRecord *saved = students->pdata[i];
      g_autoptr(SmRecord) item = g_list_model_get_item (list, i + 1);
      g_autoptr(SmRecord) previous = g_list_model_get_item (list, i);

      g_assert_cmpint (sm_record_get_id (saved), >, 0);
      g_assert_cmpint (sm_record_get_id (item), >, sm_record_get_id (previous));
      assert_same_fields (saved, item);
      g_assert_true (sm_store_lookup (store, SM_TYPE_STUDENT, sm_record_get_id (saved)) == item);
      g_assert_true (sm_store_lookup_key (store, SM_TYPE_STUDENT, sm_student_get_student_number (SM_STUDENT (saved))) == item);
    }

  g_signal_handlers_disconnect_by_data (list, log);
  g_signal_handlers_disconnect_by_data (store, changed);

  /* And after reopening, the same. */
  store = reopen (fx);
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 101);
}

static void
test_list_update_notifies (Fixture       *fx,
                           gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(SmRecord) a = new_student ("000001", NULL);
  g_autoptr(SmRecord) b = new_student ("000002", NULL);
  g_autoptr(SmRecord) cached = NULL;
  g_autoptr(SmRecord) copy = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  GListModel *list;
  guint n_family_name = 0, n_given_name = 0, n_any = 0;

  save (store, a);
  save (store, b);
  list = sm_store_list (store, SM_TYPE_STUDENT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  cached = g_list_model_get_item (list, 1);
  g_assert_cmpint (sm_record_get_id (cached), ==, sm_record_get_id (b));
  g_signal_connect (cached, "notify::family-name", G_CALLBACK (count_cb), &n_family_name);
  g_signal_connect (cached, "notify::given-name", G_CALLBACK (count_cb), &n_given_name);
  g_signal_connect (cached, "notify", G_CALLBACK (count_cb), &n_any);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);

  copy = sm_record_dup (cached);
  sm_test_set_text (copy, "family_name", "El Idrissi");
  /* Editing the copy leaves the list alone until it is saved. */
  g_assert_cmpuint (n_any, ==, 0);
  g_assert_cmpstr (sm_record_get_string (cached, SM_STUDENT_FIELD_FAMILY_NAME), ==, "Amrani");

  save (store, copy);
  g_assert_cmpuint (n_family_name, ==, 1);
  g_assert_cmpuint (n_given_name, ==, 0);
  g_assert_cmpuint (n_any, ==, 1);
  g_assert_cmpstr (sm_record_get_string (cached, SM_STUDENT_FIELD_FAMILY_NAME), ==, "El Idrissi");

  /* Still the same object at the same place. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(SmRecord) item = g_list_model_get_item (list, 1);
    g_assert_true (item == cached);
  }
  g_assert_true (sm_store_lookup (store, SM_TYPE_STUDENT, sm_record_get_id (b)) == cached);

  /* Saving it unchanged again notifies nothing. */
  save (store, copy);
  g_assert_cmpuint (n_any, ==, 1);

  /* Saving the list's own object works too. */
  sm_test_set_text (cached, "given_name", "Yasmina");
  g_assert_cmpuint (n_given_name, ==, 1);
  save (store, cached);
  g_assert_cmpuint (log->len, ==, 0);

  g_signal_handlers_disconnect_by_data (list, log);
  g_signal_handlers_disconnect_by_data (cached, &n_family_name);
  g_signal_handlers_disconnect_by_data (cached, &n_given_name);
  g_signal_handlers_disconnect_by_data (cached, &n_any);

  assert_stored (fx, cached);
}

static void
test_list_delete (Fixture       *fx,
                  gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (GType));
  g_autoptr(GError) error = NULL;
  GListModel *list;
  gint64 id;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("00000%u", i);
      g_autoptr(SmRecord) student = new_student (number, NULL);

      save (store, student);
    }
  list = sm_store_list (store, SM_TYPE_STUDENT, NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), changed);

  /* Deleting through a copy of the middle one */
  {
    g_autoptr(SmRecord) item = g_list_model_get_item (list, 1);
    g_autoptr(SmRecord) copy = sm_record_dup (item);

    id = sm_record_get_id (item);
    if (!sm_store_delete (store, copy, &error))
      g_error ("Deleting failed: %s", error->message);
  }

  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_null (sm_store_lookup (store, SM_TYPE_STUDENT, id));
  g_assert_null (sm_store_lookup_key (store, SM_TYPE_STUDENT, "000001"));
  g_assert_nonnull (sm_store_lookup_key (store, SM_TYPE_STUDENT, "000000"));
  g_assert_nonnull (sm_store_lookup_key (store, SM_TYPE_STUDENT, "000002"));
  g_assert_cmpuint (changed->len, ==, 1);

  /* Deleting the list's own object */
  {
    g_autoptr(SmRecord) item = g_list_model_get_item (list, 0);

    if (!sm_store_delete (store, item, &error))
      g_error ("Deleting failed: %s", error->message);
  }
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 1).position, ==, 0);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 1).removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_signal_handlers_disconnect_by_data (list, log);
  g_signal_handlers_disconnect_by_data (store, changed);

  store = reopen (fx);
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 1);
  g_assert_nonnull (sm_store_lookup_key (store, SM_TYPE_STUDENT, "000002"));
}

/* Counting */

static guint
count (SmStore *store,
       GType    type)
{
  g_autoptr(GError) error = NULL;
  guint n = sm_store_count (store, type, &error);

  g_assert_no_error (error);
  return n;
}

/* Counting agrees with the lists, whether or not they are loaded, and
 * follows every change. */
static void
test_count (Fixture       *fx,
            gconstpointer  data)
{
  g_auto(World) world = { NULL };
  g_autoptr(SmRecord) second = NULL;
  g_autoptr(SmRecord) third = NULL;
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GError) error = NULL;
  SmStore *store = SM_STORE (fx->store);

  g_assert_cmpuint (count (store, SM_TYPE_STUDENT), ==, 0);
  g_assert_cmpuint (count (store, SM_TYPE_DECISION), ==, 0);

  world_fill (&world, store);
  second = new_student ("ST-2025-002", "25604");
  third = new_student ("ST-2025-003", NULL);
  sm_change_set_save (changes, second);
  sm_change_set_save (changes, third);
  if (!sm_store_apply (store, changes, &error))
    g_error ("Saving failed: %s", error->message);

  /* From the database, with no list loaded */
  store = reopen (fx);
  g_assert_cmpuint (count (store, SM_TYPE_PROGRAMME), ==, 1);
  g_assert_cmpuint (count (store, SM_TYPE_STUDENT), ==, 3);
  g_assert_cmpuint (count (store, SM_TYPE_COMPANY), ==, 1);
  g_assert_cmpuint (count (store, SM_TYPE_OFFER), ==, 1);
  g_assert_cmpuint (count (store, SM_TYPE_PLACEMENT), ==, 1);
  g_assert_cmpuint (count (store, SM_TYPE_DECISION), ==, 2);

  /* A change applied while the list is not loaded */
  if (!sm_store_delete (store, third, &error))
    g_error ("Deleting failed: %s", error->message);
  g_assert_cmpuint (count (store, SM_TYPE_STUDENT), ==, 2);

  /* With the list loaded, and after a change to it */
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 2);
  g_assert_cmpuint (count (store, SM_TYPE_STUDENT), ==, 2);
  if (!sm_store_delete (store, second, &error))
    g_error ("Deleting failed: %s", error->message);
  g_assert_cmpuint (count (store, SM_TYPE_STUDENT), ==, 1);
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 1);

  /* A type the store does not keep */
  g_assert_cmpuint (sm_store_count (store, SM_TYPE_RECORD, &error), ==, 0);
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED);
}

/* Counting per record referred to */

/* What sm_store_count_by() should say, from the loaded list. */
static GHashTable *
count_by_hand (SmStore *store,
               GType    type,
               guint    ref_field,
               int      sum_field)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  GListModel *list = sm_store_list (store, type, NULL);

  g_assert_nonnull (list);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SmRecord) record = g_list_model_get_item (list, i);
      gint64 id = sm_record_get_int (record, ref_field);
      SmStoreCount *count = g_hash_table_lookup (counts, &id);

      if (count == NULL)
        {
          count = g_new0 (SmStoreCount, 1);
          count->id = id;
          g_hash_table_insert (counts, &count->id, count);
        }
      count->count++;
      if (sum_field >= 0)
        count->sum += sm_record_get_int (record, sum_field);
    }

  return counts;
}

static void
assert_counts_equal (GHashTable *counts,
                     GHashTable *expected)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_nonnull (counts);
  g_assert_cmpuint (g_hash_table_size (counts), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SmStoreCount *want = value;
      SmStoreCount *got = g_hash_table_lookup (counts, key);

      g_assert_nonnull (got);
      g_assert_cmpint (got->id, ==, want->id);
      g_assert_cmpuint (got->count, ==, want->count);
      g_assert_cmpint (got->sum, ==, want->sum);
    }
}

static GHashTable *
count_offers (SmStore *store)
{
  g_autoptr(GError) error = NULL;
  GHashTable *counts = sm_store_count_by (store, SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID,
                                          SM_OFFER_FIELD_PLACES, &error);

  g_assert_no_error (error);
  return counts;
}

static void
assert_offers (GHashTable *counts,
               SmRecord   *company,
               guint       n,
               gint64      places)
{
  gint64 id = sm_record_get_id (company);
  SmStoreCount *count = g_hash_table_lookup (counts, &id);

  if (n == 0)
    {
      g_assert_null (count);
      return;
    }
  g_assert_nonnull (count);
  g_assert_cmpint (count->id, ==, id);
  g_assert_cmpuint (count->count, ==, n);
  g_assert_cmpint (count->sum, ==, places);
}

/* The offers of each company and their places, from the database or the
 * loaded list, after every kind of change. */
static void
test_count_by (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(SmRecord) a = new_company ("12345678");
  g_autoptr(SmRecord) b = new_company ("23456789");
  g_autoptr(SmRecord) c = new_company ("34567890");
  g_autoptr(SmRecord) offer1 = NULL;
  g_autoptr(SmRecord) offer2 = NULL;
  g_autoptr(SmRecord) offer3 = NULL;
  g_autoptr(SmRecord) offer4 = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GError) error = NULL;
  SmStore *store = SM_STORE (fx->store);

  counts = count_offers (store);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_clear_pointer (&counts, g_hash_table_unref);

  save (store, a);
  save (store, b);
  save (store, c);
  offer1 = new_full_offer (a);
  save (store, offer1);
  offer2 = new_offer (a);
  save (store, offer2);
  offer3 = new_full_offer (b);
  sm_test_set_text (offer3, "places", "2");
  save (store, offer3);

  /* From the database, with no list loaded */
  store = reopen (fx);
  counts = count_offers (store);
  assert_offers (counts, a, 2, 3 + 1);
  assert_offers (counts, b, 1, 2);
  assert_offers (counts, c, 0, 0);
  g_clear_pointer (&counts, g_hash_table_unref);

  /* Changes applied while the list is not loaded: a new offer, more
   * places, an offer that moves to another company */
  offer4 = new_offer (c);
  sm_test_set_text (offer4, "places", "5");
  save (store, offer4);
  sm_test_set_text (offer1, "places", "7");
  save (store, offer1);
  {
    g_autofree char *b_id = sm_test_id_text (b);

    sm_test_set_text (offer2, "company_id", b_id);
    save (store, offer2);
  }
  counts = count_offers (store);
  assert_offers (counts, a, 1, 7);
  assert_offers (counts, b, 2, 2 + 1);
  assert_offers (counts, c, 1, 5);
  g_clear_pointer (&counts, g_hash_table_unref);

  /* The same as walking the list, and the same with the list loaded */
  expected = count_by_hand (store, SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID, SM_OFFER_FIELD_PLACES);
  counts = count_offers (store);
  assert_counts_equal (counts, expected);
  g_clear_pointer (&counts, g_hash_table_unref);
  g_clear_pointer (&expected, g_hash_table_unref);

  /* A delete with the list loaded: the last offer of a company */
  if (!sm_store_delete (store, offer4, &error))
    g_error ("Deleting failed: %s", error->message);
  counts = count_offers (store);
  assert_offers (counts, c, 0, 0);
  expected = count_by_hand (store, SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID, SM_OFFER_FIELD_PLACES);
  assert_counts_equal (counts, expected);
  g_clear_pointer (&counts, g_hash_table_unref);
  g_clear_pointer (&expected, g_hash_table_unref);

  /* Counting only */
  counts = sm_store_count_by (store, SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID, -1, &error);
  g_assert_no_error (error);
  expected = count_by_hand (store, SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID, -1);
  assert_counts_equal (counts, expected);
  assert_offers (counts, b, 2, 0);
  g_clear_pointer (&counts, g_hash_table_unref);

  /* Fields that do not refer, or cannot be added up */
  counts = sm_store_count_by (store, SM_TYPE_OFFER, SM_OFFER_FIELD_TITLE, -1, &error);
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED);
  g_assert_null (counts);
  g_clear_error (&error);
  counts = sm_store_count_by (store, SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID, SM_OFFER_FIELD_TITLE, &error);
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_FAILED);
  g_assert_null (counts);
}

/* A store that only hands out lists, as a new kind of store might at
 * first: sm_store_count_by() walks them. */

#define TEST_TYPE_LIST_STORE (test_list_store_get_type ())
G_DECLARE_FINAL_TYPE (TestListStore, test_list_store, TEST, LIST_STORE, GObject)

struct _TestListStore
{
  GObject  parent_instance;
  SmStore *inner;
};

static GListModel *
test_list_store_list (SmStore  *store,
                      GType     record_type,
                      GError  **error)
{
  return sm_store_list (TEST_LIST_STORE (store)->inner, record_type, error);
}

static void
test_list_store_iface_init (SmStoreInterface *iface)
{
  iface->list = test_list_store_list;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestListStore, test_list_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SM_TYPE_STORE, test_list_store_iface_init))

static void
test_list_store_dispose (GObject *object)
{
  g_clear_object (&TEST_LIST_STORE (object)->inner);
  G_OBJECT_CLASS (test_list_store_parent_class)->dispose (object);
}

static void
test_list_store_class_init (TestListStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = test_list_store_dispose;
}

static void
test_list_store_init (TestListStore *self)
{
}

static void
test_count_by_fallback (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(SmRecord) a = new_company ("12345678");
  g_autoptr(SmRecord) b = new_company ("23456789");
  g_autoptr(SmRecord) offer1 = NULL;
  g_autoptr(SmRecord) offer2 = NULL;
  g_autoptr(SmRecord) offer3 = NULL;
  g_autoptr(TestListStore) lists = g_object_new (TEST_TYPE_LIST_STORE, NULL);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GError) error = NULL;
  SmStore *store = SM_STORE (fx->store);

  save (store, a);
  save (store, b);
  offer1 = new_full_offer (a);
  save (store, offer1);
  offer2 = new_offer (b);
  save (store, offer2);
  offer3 = new_full_offer (a);
  sm_test_set_text (offer3, "places", "4");
  save (store, offer3);

  store = reopen (fx);
  lists->inner = g_object_ref (store);
  expected = sm_store_count_by (store, SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID, SM_OFFER_FIELD_PLACES, &error);
  g_assert_no_error (error);
  counts = sm_store_count_by (SM_STORE (lists), SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID,
                              SM_OFFER_FIELD_PLACES, &error);
  g_assert_no_error (error);
  assert_counts_equal (counts, expected);
  assert_offers (counts, a, 2, 3 + 4);
  assert_offers (counts, b, 1, 1);
  g_clear_pointer (&counts, g_hash_table_unref);

  /* And after a change */
  if (!sm_store_delete (store, offer1, &error))
    g_error ("Deleting failed: %s", error->message);
  counts = sm_store_count_by (SM_STORE (lists), SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID,
                              SM_OFFER_FIELD_PLACES, &error);
  g_assert_no_error (error);
  assert_offers (counts, a, 1, 4);
  assert_offers (counts, b, 1, 1);
}

/* Natural keys */

static void
test_lookup_key (Fixture       *fx,
                 gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_auto(World) world = { NULL };
  SmRecord *found;

  world_fill (&world, store);

  found = sm_store_lookup_key (store, SM_TYPE_STUDENT, "ST-2025-001");
  g_assert_nonnull (found);
  g_assert_cmpint (sm_record_get_id (found), ==, sm_record_get_id (world.student));
  found = sm_store_lookup_key (store, SM_TYPE_COMPANY, "12345678");
  g_assert_nonnull (found);
  g_assert_cmpint (sm_record_get_id (found), ==, sm_record_get_id (world.company));
  found = sm_store_lookup_key (store, SM_TYPE_PROGRAMME, "25604");
  g_assert_nonnull (found);
  g_assert_cmpint (sm_record_get_id (found), ==, sm_record_get_id (world.programme));

  g_assert_null (sm_store_lookup_key (store, SM_TYPE_STUDENT, "ST-2025-999"));
  g_assert_null (sm_store_lookup_key (store, SM_TYPE_COMPANY, "87654321"));
  g_assert_null (sm_store_lookup_key (store, SM_TYPE_PROGRAMME, "25187"));
  g_assert_null (sm_store_lookup_key (store, SM_TYPE_STUDENT, NULL));
  /* Offers have no natural key. */
  g_assert_null (sm_store_lookup_key (store, SM_TYPE_OFFER, "Junior developer"));

  /* A new student number is found, the old one no longer. */
  {
    g_autoptr(SmRecord) copy = sm_record_dup (world.student);

    sm_test_set_text (copy, "student_number", "ST-2025-100");
    save (store, copy);
    g_assert_null (sm_store_lookup_key (store, SM_TYPE_STUDENT, "ST-2025-001"));
    found = sm_store_lookup_key (store, SM_TYPE_STUDENT, "ST-2025-100");
    g_assert_nonnull (found);
    g_assert_cmpint (sm_record_get_id (found), ==, sm_record_get_id (world.student));
  }

  /* And the same from a freshly opened store, before any list was asked
   * for. */
  store = reopen (fx);
  g_assert_nonnull (sm_store_lookup_key (store, SM_TYPE_STUDENT, "ST-2025-100"));
  g_assert_null (sm_store_lookup_key (store, SM_TYPE_STUDENT, "ST-2025-001"));
  g_assert_nonnull (sm_store_lookup_key (store, SM_TYPE_COMPANY, "12345678"));
}

/* Change sets and the changed signal */

static void
test_changed_signal (Fixture       *fx,
                     gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (GType));
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(SmRecord) company = new_company ("12345678");
  g_autoptr(SmRecord) offer = SM_RECORD (sm_offer_new ());
  g_autoptr(SmRecord) offer2 = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_company = FALSE, saw_offer = FALSE;

  /* A new company with its offers, in one go: the offers refer to the
   * company before it has an id. */
  sm_test_set_text (offer, "title", "Junior developer");
  sm_test_set_text (offer, "levels", "mbo-3");
  sm_test_set_text (offer, "start_date", "2025-09-01");
  sm_test_set_text (offer, "end_date", "2026-01-31");
  offer2 = sm_record_dup (offer);
  sm_test_set_text (offer2, "title", "Service desk");
  sm_change_set_save (changes, company);
  sm_change_set_save (changes, offer);
  sm_change_set_link (changes, offer, SM_OFFER_FIELD_COMPANY_ID, company);
  sm_change_set_save (changes, offer2);
  sm_change_set_link (changes, offer2, SM_OFFER_FIELD_COMPANY_ID, company);

  /* Lists that were asked for are kept in step; others are not loaded. */
  g_assert_cmpuint (list_length (store, SM_TYPE_OFFER), ==, 0);

  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), changed);
  if (!sm_store_apply (store, changes, &error))
    g_error ("Applying failed: %s", error->message);

  /* Once per type */
  g_assert_cmpuint (changed->len, ==, 2);
  for (guint i = 0; i < changed->len; i++)
    {
      GType type = g_array_index (changed, GType, i);

      if (type == SM_TYPE_COMPANY && !saw_company)
        saw_company = TRUE;
      else if (type == SM_TYPE_OFFER && !saw_offer)
        saw_offer = TRUE;
      else
        g_error ("Unexpected changed signal for %s", g_type_name (type));
    }

  g_assert_cmpint (sm_record_get_id (company), >, 0);
  g_assert_cmpint (sm_offer_get_company_id (SM_OFFER (offer)), ==, sm_record_get_id (company));
  g_assert_cmpint (sm_offer_get_company_id (SM_OFFER (offer2)), ==, sm_record_get_id (company));
  g_assert_cmpuint (list_length (store, SM_TYPE_OFFER), ==, 2);
  g_assert_cmpuint (list_length (store, SM_TYPE_COMPANY), ==, 1);

  /* A failed change is no change. */
  g_array_set_size (changed, 0);
  {
    g_autoptr(SmRecord) bad = new_company ("1234");

    g_assert_false (sm_store_save (store, bad, &error));
    g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
    g_assert_cmpint (sm_record_get_id (bad), ==, 0);
  }
  g_assert_cmpuint (changed->len, ==, 0);

  /* An empty set changes nothing either. */
  {
    g_autoptr(SmChangeSet) empty = sm_change_set_new ();

    g_assert_true (sm_store_apply (store, empty, NULL));
  }
  g_assert_cmpuint (changed->len, ==, 0);

  g_signal_handlers_disconnect_by_data (store, changed);

  assert_stored (fx, offer);
  assert_stored (fx, offer2);
  assert_stored (fx, company);
}

/* Refused changes */

static void
test_conflict_key (Fixture       *fx,
                   gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(SmRecord) a = new_student ("100001", NULL);
  g_autoptr(SmRecord) b = new_student ("100001", NULL);
  g_autoptr(SmRecord) c = new_company ("12345678");
  g_autoptr(SmRecord) d = new_company ("12345678");
  g_autoptr(SmRecord) e = new_programme ("25604");
  g_autoptr(SmRecord) f = new_programme ("25604");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  save (store, a);
  save (store, c);
  save (store, e);
  before = dump_database (fx->path);

  sm_test_set_text (b, "given_name", "Someone else");
  g_assert_false (sm_store_save (store, b, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
  assert_error_prefix (error, "Student number: ");
  g_assert_nonnull (strstr (error->message, "100001"));
  g_assert_true (sm_store_error_is_bad_input (error));
  g_assert_cmpint (sm_record_get_id (b), ==, 0);
  g_clear_error (&error);

  g_assert_false (sm_store_save (store, d, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
  assert_error_prefix (error, "KvK number: ");
  g_clear_error (&error);

  g_assert_false (sm_store_save (store, f, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
  assert_error_prefix (error, "Code: ");
  g_clear_error (&error);

  /* Changing the number of a stored student to one in use, too. */
  {
    g_autoptr(SmRecord) g = new_student ("100002", NULL);
    g_autofree char *middle = NULL;

    save (store, g);
    middle = dump_database (fx->path);
    sm_test_set_text (g, "student_number", "100001");
    g_assert_false (sm_store_save (store, g, &error));
    g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
    assert_error_prefix (error, "Student number: ");
    g_clear_error (&error);
    g_free (before);
    before = g_steal_pointer (&middle);
  }

  after = dump_database (fx->path);
  sm_test_assert_same_dump (before, after);
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 2);
  g_assert_cmpuint (list_length (store, SM_TYPE_COMPANY), ==, 1);
  g_assert_cmpuint (list_length (store, SM_TYPE_PROGRAMME), ==, 1);
}

static void
test_not_found (Fixture       *fx,
                gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(SmRecord) student = new_student ("100001", "99999");
  g_autoptr(SmRecord) company = new_company ("12345678");
  g_autoptr(SmRecord) offer = NULL;
  g_autoptr(SmRecord) placement = SM_RECORD (sm_placement_new ());
  g_autoptr(SmRecord) ghost = new_student ("100002", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  save (store, company);
  before = dump_database (fx->path);

  /* A programme that is not there */
  g_assert_false (sm_store_save (store, student, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND);
  assert_error_prefix (error, "Programme: ");
  g_assert_nonnull (strstr (error->message, "99999"));
  g_assert_true (sm_store_error_is_bad_input (error));
  g_assert_cmpint (sm_record_get_id (student), ==, 0);
  g_clear_error (&error);

  /* A company that is not there */
  offer = new_offer (company);
  sm_test_set_text (offer, "company_id", "999");
  g_assert_false (sm_store_save (store, offer, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND);
  assert_error_prefix (error, "Company: ");
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);

  /* A student and offer that are not there */
  sm_test_set_text (placement, "student_id", "998");
  sm_test_set_text (placement, "offer_id", "999");
  g_assert_false (sm_store_save (store, placement, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND);
  assert_error_prefix (error, "Student: ");
  g_clear_error (&error);

  /* An update of a record that is no longer there */
  sm_record_set_id (ghost, 4242);
  g_assert_false (sm_store_save (store, ghost, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = dump_database (fx->path);
  sm_test_assert_same_dump (before, after);
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 0);
  g_assert_cmpuint (list_length (store, SM_TYPE_OFFER), ==, 0);
  g_assert_cmpuint (list_length (store, SM_TYPE_PLACEMENT), ==, 0);
}

static void
test_delete_referred (Fixture       *fx,
                      gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_auto(World) world = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (GType));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  world_fill (&world, store);
  before = dump_database (fx->path);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), changed);

  /* A company that still has offers */
  g_assert_false (sm_store_delete (store, world.company, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Bits en Bytes BV"));
  g_assert_nonnull (strstr (error->message, "offer"));
  g_clear_error (&error);

  /* A student with a placement and decisions */
  g_assert_false (sm_store_delete (store, world.student, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "placement"));
  g_clear_error (&error);

  /* A programme that students follow */
  g_assert_false (sm_store_delete (store, world.programme, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "student"));
  g_clear_error (&error);

  /* An offer with a placement, in a set with a deletion that would work
   * on its own: neither happens. */
  {
    g_autoptr(SmChangeSet) changes = sm_change_set_new ();

    sm_change_set_delete (changes, world.placement);
    sm_change_set_delete (changes, world.offer);
    g_assert_false (sm_store_apply (store, changes, &error));
    g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
  }

  g_assert_cmpuint (changed->len, ==, 0);
  g_signal_handlers_disconnect_by_data (store, changed);

  after = dump_database (fx->path);
  sm_test_assert_same_dump (before, after);
  g_assert_nonnull (sm_store_lookup_key (store, SM_TYPE_COMPANY, "12345678"));
  g_assert_nonnull (sm_store_lookup (store, SM_TYPE_COMPANY, sm_record_get_id (world.company)));
  g_assert_nonnull (sm_store_lookup (store, SM_TYPE_OFFER, sm_record_get_id (world.offer)));
  g_assert_nonnull (sm_store_lookup (store, SM_TYPE_PLACEMENT, sm_record_get_id (world.placement)));
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 1);

  store = reopen (fx);
  g_assert_nonnull (sm_store_lookup_key (store, SM_TYPE_COMPANY, "12345678"));
  g_assert_cmpuint (list_length (store, SM_TYPE_OFFER), ==, 1);
}

/* Foreign keys */

static void
test_foreign_keys_sql (Fixture       *fx,
                       gconstpointer  data)
{
  g_auto(World) world = { NULL };
  sqlite3 *db;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int rc;

  world_fill (&world, SM_STORE (fx->store));
  g_clear_object (&fx->store);
  before = dump_database (fx->path);

  /* The schema declares the references, so SQLite itself refuses rows
   * that break them. */
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "PRAGMA foreign_keys = ON");
  rc = sqlite3_exec (db, "INSERT INTO placements (student_id, offer_id, status, agreement_signed, locked) "
                         "VALUES (999, 1, 'proposed', 0, 0)", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "FOREIGN KEY"));
  rc = sqlite3_exec (db, "UPDATE offers SET company_id = 999", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  rc = sqlite3_exec (db, "UPDATE students SET programme = '99999'", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  rc = sqlite3_exec (db, "DELETE FROM companies", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  after = dump_database (fx->path);
  sm_test_assert_same_dump (before, after);
}

/* A programme's code is a key that students refer to; the schema passes a
 * new code on (ON UPDATE CASCADE), which only happens when the store's own
 * connection enforces foreign keys. Whatever the store does with a new
 * code, the file and the lists must agree afterwards. */
static void
test_foreign_keys_programme_code (Fixture       *fx,
                                  gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(SmRecord) programme = new_programme ("25604");
  g_autoptr(SmRecord) student = NULL;
  g_autoptr(SmRecord) renamed = NULL;
  g_autoptr(GError) error = NULL;
  SmRecord *cached;
  const char *code;

  save (store, programme);
  student = new_student ("100001", "25604");
  save (store, student);
  /* Both lists are loaded, as in the application. */
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 1);
  g_assert_cmpuint (list_length (store, SM_TYPE_PROGRAMME), ==, 1);

  renamed = sm_record_dup (programme);
  sm_test_set_text (renamed, "code", "25605");
  if (sm_store_save (store, renamed, &error))
    {
      sqlite3 *db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
      g_autofree char *stored = raw_text (db, "SELECT programme FROM students");

      g_assert_cmpstr (stored, ==, "25605");
      g_assert_cmpint (sm_test_raw_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      sqlite3_close (db);
      code = "25605";
    }
  else
    {
      /* Refusing is fine too, as long as it says why. */
      g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
      code = "25604";
    }

  g_assert_nonnull (sm_store_lookup_key (store, SM_TYPE_PROGRAMME, code));
  cached = sm_store_lookup (store, SM_TYPE_STUDENT, sm_record_get_id (student));
  g_assert_nonnull (cached);
  g_assert_cmpstr (sm_student_get_programme (SM_STUDENT (cached)), ==, code);

  /* The student, edited from the list, can still be saved. */
  {
    g_autoptr(SmRecord) copy = sm_record_dup (cached);
    g_autoptr(GError) save_error = NULL;

    sm_test_set_text (copy, "family_name", "Bakker");
    if (!sm_store_save (store, copy, &save_error))
      g_error ("Saving a student from the list failed: %s", save_error->message);
  }

  store = reopen (fx);
  cached = sm_store_lookup_key (store, SM_TYPE_STUDENT, "100001");
  g_assert_cmpstr (sm_student_get_programme (SM_STUDENT (cached)), ==, code);
}

/* All or nothing */

static void
test_atomic (Fixture       *fx,
             gconstpointer  data)
{
  const char *variant = data;
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(SmRecord) existing = new_student ("000001", NULL);
  g_autoptr(SmRecord) edited = NULL;
  g_autoptr(SmRecord) bad = NULL;
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) students = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (GType));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GListModel *list;
  SmRecord *cached;
  guint n_notify = 0;

  save (store, existing);
  list = sm_store_list (store, SM_TYPE_STUDENT, NULL);
  cached = sm_store_lookup (store, SM_TYPE_STUDENT, sm_record_get_id (existing));
  g_assert_nonnull (cached);

  /* An edit of a stored student, 50 new ones, then one that fails. */
  edited = sm_record_dup (cached);
  sm_test_set_text (edited, "family_name", "Changed");
  sm_change_set_save (changes, edited);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *number = g_strdup_printf ("2%05u", i);
      SmRecord *student = new_student (number, NULL);

      g_ptr_array_add (students, student);
      sm_change_set_save (changes, student);
    }
  if (g_str_equal (variant, "invalid"))
    {
      bad = new_student ("300000", NULL);
      sm_test_set_text (bad, "postcode", "12AB");
    }
  else if (g_str_equal (variant, "duplicate"))
    bad = new_student ("200025", NULL);
  else if (g_str_equal (variant, "missing-reference"))
    bad = new_student ("300000", "99999");
  else
    g_assert_not_reached ();
  sm_change_set_save (changes, bad);

  before = dump_database (fx->path);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), changed);
  g_signal_connect (cached, "notify", G_CALLBACK (count_cb), &n_notify);

  g_assert_false (sm_store_apply (store, changes, &error));
  g_assert_nonnull (error);
  g_assert_true (sm_store_error_is_bad_input (error));
  if (g_str_equal (variant, "invalid"))
    {
      g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
      assert_error_prefix (error, "Postcode: ");
    }
  else if (g_str_equal (variant, "duplicate"))
    {
      g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
      assert_error_prefix (error, "Student number: ");
    }
  else
    {
      g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND);
      assert_error_prefix (error, "Programme: ");
    }

  /* The file, byte for byte in every table, as before. */
  after = dump_database (fx->path);
  sm_test_assert_same_dump (before, after);

  /* No record keeps an id it was given for a moment. */
  for (guint i = 0; i < students->len; i++)
    g_assert_cmpint (sm_record_get_id (students->pdata[i]), ==, 0);
  g_assert_cmpint (sm_record_get_id (bad), ==, 0);
  g_assert_cmpint (sm_record_get_id (edited), ==, sm_record_get_id (existing));

  /* The lists are as they were, and said nothing. */
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_cmpuint (n_notify, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpstr (sm_record_get_string (cached, SM_STUDENT_FIELD_FAMILY_NAME), ==, "Amrani");
  g_assert_null (sm_store_lookup_key (store, SM_TYPE_STUDENT, "200000"));

  g_signal_handlers_disconnect_by_data (list, log);
  g_signal_handlers_disconnect_by_data (store, changed);
  g_signal_handlers_disconnect_by_data (cached, &n_notify);

  /* The same set without the bad record goes in whole. */
  {
    g_autoptr(SmChangeSet) good = sm_change_set_new ();

    sm_change_set_save (good, edited);
    for (guint i = 0; i < students->len; i++)
      sm_change_set_save (good, students->pdata[i]);
    if (!sm_store_apply (store, good, &error))
      g_error ("Applying failed: %s", error->message);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 51);
    g_assert_cmpstr (sm_record_get_string (cached, SM_STUDENT_FIELD_FAMILY_NAME), ==, "Changed");
  }

  store = reopen (fx);
  g_assert_cmpuint (list_length (store, SM_TYPE_STUDENT), ==, 51);
}

/* Decisions */

static void
test_decisions_immutable (Fixture       *fx,
                          gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_auto(World) world = { NULL };
  g_autoptr(SmRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;
  int rc;

  world_fill (&world, store);
  before = dump_database (fx->path);

  /* The store refuses to edit one ... */
  copy = sm_record_dup (world.decision);
  sm_test_set_text (copy, "kind", "accept");
  g_assert_false (sm_store_save (store, copy, &error));
  g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    SmRecord *cached = sm_store_lookup (store, SM_TYPE_DECISION, sm_record_get_id (world.decision));

    g_assert_nonnull (cached);
    g_assert_cmpint (sm_decision_get_kind (SM_DECISION (cached)), ==, SM_DECISION_INVITE);
  }

  /* ... or to delete one. */
  g_assert_false (sm_store_delete (store, world.correction, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (list_length (store, SM_TYPE_DECISION), ==, 2);

  /* So does the database itself, whoever asks. */
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  rc = sqlite3_exec (db, "UPDATE decisions SET kind = 'accept'", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "never edited"));
  rc = sqlite3_exec (db, "DELETE FROM decisions", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "never deleted"));
  sqlite3_close (db);

  after = dump_database (fx->path);
  sm_test_assert_same_dump (before, after);

  /* A correction is a new decision. */
  {
    g_autoptr(SmRecord) correction = new_decision (world.student, world.offer);
    g_autofree char *corrects_id = sm_test_id_text (world.correction);

    sm_test_set_text (correction, "kind", "accept");
    sm_test_set_text (correction, "corrects_id", corrects_id);
    save (store, correction);
    g_assert_cmpuint (list_length (store, SM_TYPE_DECISION), ==, 3);
    assert_stored (fx, correction);
    store = SM_STORE (fx->store);
  }

  /* It must correct a decision that exists. */
  {
    g_autoptr(SmRecord) correction = new_decision (world.student, world.offer);

    sm_test_set_text (correction, "corrects_id", "999");
    g_assert_false (sm_store_save (store, correction, &error));
    g_assert_error (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_FOUND);
    assert_error_prefix (error, "Corrects decision: ");
  }
}

/* Settings and postcode areas */

static void
test_settings (Fixture       *fx,
               gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(GError) error = NULL;
  char *value;

  g_assert_null (sm_store_dup_setting (store, "matching.weights"));

  g_assert_true (sm_store_set_setting (store, "matching.weights", "400,200,200,100,100", &error));
  g_assert_no_error (error);
  g_assert_true (sm_store_set_setting (store, "school.name", "ROC ‘De Brug’", &error));
  g_assert_no_error (error);
  value = sm_store_dup_setting (store, "matching.weights");
  g_assert_cmpstr (value, ==, "400,200,200,100,100");
  g_free (value);

  /* Replaced, not added */
  g_assert_true (sm_store_set_setting (store, "matching.weights", "1000,0,0,0,0", &error));
  g_assert_no_error (error);
  value = sm_store_dup_setting (store, "matching.weights");
  g_assert_cmpstr (value, ==, "1000,0,0,0,0");
  g_free (value);

  store = reopen (fx);
  value = sm_store_dup_setting (store, "matching.weights");
  g_assert_cmpstr (value, ==, "1000,0,0,0,0");
  g_free (value);
  value = sm_store_dup_setting (store, "school.name");
  g_assert_cmpstr (value, ==, "ROC ‘De Brug’");
  g_free (value);

  /* NULL removes it. */
  g_assert_true (sm_store_set_setting (store, "matching.weights", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (sm_store_dup_setting (store, "matching.weights"));
  store = reopen (fx);
  g_assert_null (sm_store_dup_setting (store, "matching.weights"));
  value = sm_store_dup_setting (store, "school.name");
  g_assert_nonnull (value);
  g_free (value);
}

static GArray *
make_areas (const SmPostcodeArea *areas,
            guint                 n_areas)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (SmPostcodeArea));

  g_array_append_vals (array, areas, n_areas);
  return array;
}

static void
assert_areas (SmStore              *store,
              const SmPostcodeArea *expected,
              guint                 n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) areas = sm_store_load_postcode_areas (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (areas);
  g_assert_cmpuint (areas->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const SmPostcodeArea *area = &g_array_index (areas, SmPostcodeArea, i);

      g_assert_cmpuint (area->code, ==, expected[i].code);
      g_assert_cmpfloat (area->latitude, ==, expected[i].latitude);
      g_assert_cmpfloat (area->longitude, ==, expected[i].longitude);
    }
}

static void
test_postcode_areas (Fixture       *fx,
                     gconstpointer  data)
{
  static const SmPostcodeArea unsorted[] = {
    { 3511, 52.0907, 5.1214 },
    { 1012, 52.3738, 4.8910 },
    { 9711, 53.2194, 6.5665 },
  };
  static const SmPostcodeArea sorted[] = {
    { 1012, 52.3738, 4.8910 },
    { 3511, 52.0907, 5.1214 },
    { 9711, 53.2194, 6.5665 },
  };
  static const SmPostcodeArea other[] = {
    { 6211, 50.8514, 5.6910 },
  };
  static const SmPostcodeArea bad_code[] = {
    { 6211, 50.8514, 5.6910 },
    { 999, 52.0, 5.0 },
  };
  static const SmPostcodeArea bad_latitude[] = {
    { 6211, 91.0, 5.6910 },
  };
  static const SmPostcodeArea bad_longitude[] = {
    { 6211, 50.8514, -180.5 },
  };
  static const SmPostcodeArea twice[] = {
    { 6211, 50.8514, 5.6910 },
    { 6211, 50.8514, 5.6910 },
  };
  SmStore *store = SM_STORE (fx->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) areas = make_areas (unsorted, G_N_ELEMENTS (unsorted));

  assert_areas (store, NULL, 0);

  g_assert_true (sm_store_replace_postcode_areas (store, areas, &error));
  g_assert_no_error (error);
  assert_areas (store, sorted, G_N_ELEMENTS (sorted));
  store = reopen (fx);
  assert_areas (store, sorted, G_N_ELEMENTS (sorted));

  /* Refused, and the table stays as it was */
  {
    const struct { const SmPostcodeArea *areas; guint n; } bad[] = {
      { bad_code, G_N_ELEMENTS (bad_code) },
      { bad_latitude, G_N_ELEMENTS (bad_latitude) },
      { bad_longitude, G_N_ELEMENTS (bad_longitude) },
      { twice, G_N_ELEMENTS (twice) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GArray) array = make_areas (bad[i].areas, bad[i].n);

        g_assert_false (sm_store_replace_postcode_areas (store, array, &error));
        g_assert_nonnull (error);
        g_clear_error (&error);
        assert_areas (store, sorted, G_N_ELEMENTS (sorted));
      }

    {
      g_autoptr(GArray) array = make_areas (bad_code, G_N_ELEMENTS (bad_code));

      g_assert_false (sm_store_replace_postcode_areas (store, array, &error));
      g_assert_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "999"));
      g_clear_error (&error);
    }
  }

  /* Replaced as a whole */
  {
    g_autoptr(GArray) array = make_areas (other, G_N_ELEMENTS (other));

    g_assert_true (sm_store_replace_postcode_areas (store, array, &error));
    g_assert_no_error (error);
    assert_areas (store, other, G_N_ELEMENTS (other));
  }
  {
    g_autoptr(GArray) array = make_areas (NULL, 0);

    g_assert_true (sm_store_replace_postcode_areas (store, array, &error));
    g_assert_no_error (error);
    assert_areas (store, NULL, 0);
  }
}

/* Checking */

static void
test_check (Fixture       *fx,
            gconstpointer  data)
{
  SmStore *store = SM_STORE (fx->store);
  g_auto(World) world = { NULL };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;
  sqlite3 *db;

  g_assert_true (sm_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  world_fill (&world, store);
  g_assert_true (sm_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("Problem: %s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Damage done behind the store's back */
  db = sm_test_raw_open (fx->path, SQLITE_OPEN_READWRITE);
  sm_test_raw_exec (db, "PRAGMA foreign_keys = OFF; UPDATE offers SET company_id = 999");
  sqlite3_close (db);

  g_assert_true (sm_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = problems->pdata[i];

      g_test_message ("Problem: %s", problem);
      if (strstr (problem, "offers") != NULL && strstr (problem, "companies") != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  /* A fresh store finds it too. */
  g_ptr_array_set_size (problems, 0);
  store = reopen (fx);
  g_assert_true (sm_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; int kind; } kinds[] = {
    { "programme", KIND_PROGRAMME },
    { "student", KIND_STUDENT },
    { "company", KIND_COMPANY },
    { "offer", KIND_OFFER },
    { "placement", KIND_PLACEMENT },
    { "decision", KIND_DECISION },
  };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/file/mode", test_file_mode, NULL);
  ADD ("/store/file/pragmas", test_file_pragmas, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/round-trip/%s", kinds[i].name);
      ADD (path, test_round_trip, GINT_TO_POINTER (kinds[i].kind));
      if (kinds[i].kind != KIND_DECISION)
        {
          g_autofree char *delete_path = g_strdup_printf ("/store/delete/%s", kinds[i].name);
          ADD (delete_path, test_delete_round_trip, GINT_TO_POINTER (kinds[i].kind));
        }
    }
  ADD ("/store/list/items-changed", test_list_items_changed, NULL);
  ADD ("/store/list/update-notifies", test_list_update_notifies, NULL);
  ADD ("/store/list/delete", test_list_delete, NULL);
  ADD ("/store/count", test_count, NULL);
  ADD ("/store/count-by", test_count_by, NULL);
  ADD ("/store/count-by/fallback", test_count_by_fallback, NULL);
  ADD ("/store/lookup-key", test_lookup_key, NULL);
  ADD ("/store/changed-signal", test_changed_signal, NULL);
  ADD ("/store/refused/duplicate-key", test_conflict_key, NULL);
  ADD ("/store/refused/not-found", test_not_found, NULL);
  ADD ("/store/refused/delete-referred", test_delete_referred, NULL);
  ADD ("/store/foreign-keys/sql", test_foreign_keys_sql, NULL);
  ADD ("/store/foreign-keys/programme-code", test_foreign_keys_programme_code, NULL);
  ADD ("/store/atomic/invalid", test_atomic, "invalid");
  ADD ("/store/atomic/duplicate", test_atomic, "duplicate");
  ADD ("/store/atomic/missing-reference", test_atomic, "missing-reference");
  ADD ("/store/decisions/immutable", test_decisions_immutable, NULL);
  ADD ("/store/settings", test_settings, NULL);
  ADD ("/store/postcode-areas", test_postcode_areas, NULL);
  ADD ("/store/check", test_check, NULL);

#undef ADD

  return g_test_run ();
}
