/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dutch"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "sm-demo.h"
#include "sm-sqlite-store.h"
#include "sm-student.h"
#include "sm-student-view.h"
#include "sm-ui-test-util.h"
#include "sm-window.h"

/* The main window as a Dutch coordinator sees it. meson runs this with
 * LANGUAGE=nl and a Dutch locale; the translations are the ones built
 * from po/nl.po in the build tree (SM_TEST_LOCALEDIR), since nothing is
 * installed when the tests run. Every check names the English text too,
 * so that a missing translation reads as such. */

#ifndef SM_TEST_LOCALEDIR
#error "SM_TEST_LOCALEDIR must name the build tree's locale folder"
#endif

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const SmDemoOptions options = { .n_students = 12, .n_offers = 5, .seed = 1 };

  fixture->dir = g_dir_make_tmp ("stagematch-test-dutch-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = sm_sqlite_store_new (fixture->path, &error);
  g_assert_no_error (error);

  /* With students the view shows its table, not the empty page. */
  sm_demo_generate (SM_STORE (fixture->store), &options, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  sm_ui_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static const char *
get_widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return NULL;
}

/* A mapped label or inscription under @widget, inside an @ancestor_type,
 * whose text is @text. */
static GtkWidget *
find_text (GtkWidget  *widget,
           GType       ancestor_type,
           const char *text)
{
  const char *shown = get_widget_text (widget);

  if (shown != NULL && g_str_equal (shown, text) && gtk_widget_get_mapped (widget) &&
      gtk_widget_get_ancestor (widget, ancestor_type) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, ancestor_type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  GType       ancestor_type;
  const char *text;
} Query;

static gboolean
text_is_shown (gpointer data)
{
  Query *query = data;

  return find_text (query->root, query->ancestor_type, query->text) != NULL;
}

/* Waits until @dutch is shown under @root inside an @ancestor_type; if it
 * never is, says whether the English @english is shown instead. */
static void
assert_shown (GtkWidget  *root,
              GType       ancestor_type,
              const char *dutch,
              const char *english)
{
  Query query = { root, ancestor_type, dutch };

  if (sm_ui_test_wait_until (text_is_shown, &query))
    return;

  query.text = english;
  if (text_is_shown (&query))
    g_error ("“%s” is shown in English instead of “%s”: the Dutch translation was not "
             "loaded from %s", english, dutch, SM_TEST_LOCALEDIR);
  g_error ("Neither “%s” nor “%s” is shown in a %s", dutch, english, g_type_name (ancestor_type));
}

/* Before any window: the catalogue is there and the locale is Dutch, so
 * that a failure below is about the program, not the machine. */
static void
test_dutch_catalogue (void)
{
  g_autofree char *mo = g_build_filename (SM_TEST_LOCALEDIR, "nl", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: the build did not compile po/nl.po", mo);

  /* In the C locale gettext ignores LANGUAGE. */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    g_error ("The locale is “%s”: install nl_NL.UTF-8 (locale-gen) to test the Dutch interface",
             messages != NULL ? messages : "(none)");

  g_assert_cmpstr (_("Students"), ==, "Studenten");
}

static void
test_dutch_window (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GtkColumnViewColumn) number_column = NULL;
  g_autofree char *count = NULL;
  g_autofree char *english_count = NULL;
  g_autofree char *placeholder = NULL;
  SmWindow *window;
  GtkWidget *view;
  GtkWidget *entry;
  GtkWidget *column_view;
  GListModel *students;
  guint n;

  window = sm_window_new (NULL, SM_STORE (fixture->store));
  sm_window_set_view (window, "students");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));

  /* The sidebar, from the window's template. */
  assert_shown (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW, "Studenten", "Students");
  assert_shown (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW,
                "Leerbedrijven & stageplaatsen", "Companies & offers");

  view = find_widget (GTK_WIDGET (window), SM_TYPE_STUDENT_VIEW);
  g_assert_nonnull (view);
  entry = find_widget (view, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  column_view = find_widget (view, GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (column_view);

  /* The search entry's placeholder, from the view's template. */
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, !=, "Search by name, student number or class");
  g_assert_cmpstr (placeholder, ==, "Zoeken op naam, studentnummer of klas");

  /* The column titles, as the header shows them. */
  number_column = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view)), 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (number_column), ==, "Studentnummer");
  assert_shown (column_view, GTK_TYPE_COLUMN_VIEW, "Studentnummer", "Student number");
  assert_shown (column_view, GTK_TYPE_COLUMN_VIEW, "Opleiding", "Programme");

  /* Texts the program makes in C: the count, with a plural, and the
   * first choice of a filter. */
  students = sm_store_list (SM_STORE (fixture->store), SM_TYPE_STUDENT, NULL);
  g_assert_nonnull (students);
  n = g_list_model_get_n_items (students);
  g_assert_cmpuint (n, >, 1);
  count = g_strdup_printf ("%u studenten", n);
  english_count = g_strdup_printf ("%u students", n);
  assert_shown (view, SM_TYPE_STUDENT_VIEW, count, english_count);
  assert_shown (view, GTK_TYPE_DROP_DOWN, "Alle niveaus", "All levels");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* What the program's main() does, with the build tree's catalogue. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, SM_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!sm_ui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/dutch/catalogue", test_dutch_catalogue);
  g_test_add ("/dutch/window", Fixture, NULL,
              fixture_set_up, test_dutch_window, fixture_tear_down);

  return g_test_run ();
}
