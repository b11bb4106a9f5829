/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "sm-academic-year.h"
#include "sm-match-weights.h"
#include "sm-preferences-window.h"
#include "sm-reason-code.h"
#include "sm-sqlite-store.h"
#include "sm-ui-test-util.h"
#include "sm-window.h"

typedef struct
{
  char          *dir;
  char          *path;
  SmSqliteStore *store;
  GSettings     *settings;
} Fixture;

static const char * const setting_keys[] = {
  "school-name",
  "school-logo",
  "default-max-travel-km",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stagematch-test-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = sm_sqlite_store_new (fixture->path, &error);
  g_assert_no_error (error);

  /* GSETTINGS_BACKEND=memory: the values last as long as the process, so
   * every test starts from the defaults. */
  fixture->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    g_settings_reset (fixture->settings, setting_keys[i]);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  sm_ui_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Finding widgets as a person finds them: by the text beside them. */

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

/* A mapped label under @widget whose text is @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The row of a list whose title, or other text, is @text. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *text)
{
  GtkWidget *label = find_label (root, text);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message shown next to a field under @widget, or NULL. */
static const char *
find_error (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_widget_has_css_class (widget, "error"))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_error (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_icon_buttons_explained (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) == NULL &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      g_assert_nonnull (tooltip);
      g_assert_cmpstr (tooltip, !=, "");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_icon_buttons_explained (child);
}

static SmPreferencesWindow *
show_preferences (Fixture    *fixture,
                  const char *page)
{
  SmPreferencesWindow *window;
  GtkWidget *switcher;
  GtkStack *stack;

  window = sm_preferences_window_new (NULL, SM_STORE (fixture->store), fixture->settings);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));

  switcher = find_widget (GTK_WIDGET (window), GTK_TYPE_STACK_SWITCHER);
  g_assert_nonnull (switcher);
  stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher));
  gtk_stack_set_visible_child_name (stack, page);
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, gtk_stack_get_visible_child (stack)));

  return window;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  Fixture    *fixture;
  const char *key;
  guint       component;
  guint       weight;
} Query;

static gboolean
label_is_shown (gpointer data)
{
  Query *query = data;

  return find_label (query->root, query->text) != NULL;
}

static gboolean
error_is_shown (gpointer data)
{
  Query *query = data;
  const char *error = find_error (query->root);

  return error != NULL && strstr (error, query->text) != NULL;
}

static gboolean
no_error_is_shown (gpointer data)
{
  Query *query = data;

  return find_error (query->root) == NULL;
}

static void
test_preferences_template (Fixture       *fixture,
                           gconstpointer  user_data)
{
  static const struct {
    const char *page;
    const char *texts[4];
  } pages[] = {
    { "school", { "School", "Name", "Academic year", "Logo" } },
    { "matching", { "Default maximum distance", "Programme", "Student’s choice", "Together 1000 of at most 1000" } },
    { "reasons", { "Reason codes", "The place was filled", "position-filled", "New reason code" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      SmPreferencesWindow *window = show_preferences (fixture, pages[i].page);

      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Preferences");
      g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
      g_assert_true (sm_preferences_window_get_store (window) == SM_STORE (fixture->store));

      for (guint j = 0; j < G_N_ELEMENTS (pages[i].texts); j++)
        {
          Query query = { GTK_WIDGET (window), pages[i].texts[j] };

          g_assert_true (sm_ui_test_wait_until (label_is_shown, &query));
        }

      assert_icon_buttons_explained (GTK_WIDGET (window));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static gboolean
preferences_window_is_open (gpointer data)
{
  SmPreferencesWindow **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SM_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *found = SM_PREFERENCES_WINDOW (window);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
preferences_window_is_closed (gpointer data)
{
  SmPreferencesWindow *found = NULL;

  return !preferences_window_is_open (&found);
}

static void
test_preferences_open (Fixture       *fixture,
                       gconstpointer  user_data)
{
  SmPreferencesWindow *preferences = NULL;
  SmWindow *window;

  window = sm_window_new (NULL, SM_STORE (fixture->store));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sm_ui_test_wait_until (sm_ui_test_is_painted, window));

  /* The action of the menu item and of Ctrl+comma. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (sm_ui_test_wait_until (preferences_window_is_open, &preferences));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (preferences)));
  g_assert_true (sm_preferences_window_get_store (preferences) == SM_STORE (fixture->store));

  /* What Escape does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "window.close", NULL));
  g_assert_true (sm_ui_test_wait_until (preferences_window_is_closed, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
stored_weight_is (gpointer data)
{
  Query *query = data;
  g_autoptr(GError) error = NULL;
  SmMatchWeights weights;

  g_assert_true (sm_match_weights_load (&weights, SM_STORE (query->fixture->store), &error));
  g_assert_no_error (error);
  return weights.weight[query->component] == query->weight;
}

static void
test_preferences_weights (Fixture       *fixture,
                          gconstpointer  user_data)
{
  SmPreferencesWindow *window = show_preferences (fixture, "matching");
  GtkWidget *programme_row = find_row (GTK_WIDGET (window), "Programme");
  GtkWidget *distance_row = find_row (GTK_WIDGET (window), "Distance");
  GtkWidget *programme = find_widget (programme_row, GTK_TYPE_SPIN_BUTTON);
  GtkWidget *distance = find_widget (distance_row, GTK_TYPE_SPIN_BUTTON);
  Query query = { .fixture = fixture };
  SmMatchWeights defaults;

  sm_match_weights_init_default (&defaults);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (programme)), ==,
                     defaults.weight[SM_MATCH_COMPONENT_PROGRAMME]);

  /* A change is saved at once, through the store. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (programme), 250);
  query.component = SM_MATCH_COMPONENT_PROGRAMME;
  query.weight = 250;
  g_assert_true (sm_ui_test_wait_until (stored_weight_is, &query));
  query.root = GTK_WIDGET (window);
  query.text = "Together 950 of at most 1000";
  g_assert_true (sm_ui_test_wait_until (label_is_shown, &query));

  /* Past 1000 in all: the message stands beside the weight, and the
   * store keeps the last valid weights. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (programme), 400);
  query.root = programme_row;
  query.text = "they may add up to at most 1000";
  g_assert_true (sm_ui_test_wait_until (error_is_shown, &query));
  g_assert_true (gtk_widget_has_css_class (programme, "error"));
  query.weight = 250;
  g_assert_true (stored_weight_is (&query));

  /* Lowering another weight makes the whole valid again. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (distance), 50);
  query.weight = 400;
  g_assert_true (sm_ui_test_wait_until (stored_weight_is, &query));
  query.component = SM_MATCH_COMPONENT_DISTANCE;
  query.weight = 50;
  g_assert_true (stored_weight_is (&query));
  g_assert_true (sm_ui_test_wait_until (no_error_is_shown, &query));
  g_assert_false (gtk_widget_has_css_class (programme, "error"));

  /* Restore Defaults. */
  gtk_widget_activate (find_button (GTK_WIDGET (window), "_Restore Defaults"));
  query.weight = defaults.weight[SM_MATCH_COMPONENT_DISTANCE];
  g_assert_true (sm_ui_test_wait_until (stored_weight_is, &query));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (programme)), ==,
                     defaults.weight[SM_MATCH_COMPONENT_PROGRAMME]);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
reason_is_stored (gpointer data)
{
  Query *query = data;
  SmRecord *reason = sm_store_lookup_key (SM_STORE (query->fixture->store), SM_TYPE_REASON_CODE, query->key);

  return reason != NULL &&
         sm_record_get_int (reason, SM_REASON_CODE_FIELD_ACTIVE) == (gint64) query->weight;
}

static void
add_reason (GtkWidget  *window,
            GtkWidget  *code,
            GtkWidget  *description,
            const char *code_text,
            const char *description_text)
{
  GtkWidget *button;

  gtk_editable_set_text (GTK_EDITABLE (code), code_text);
  gtk_editable_set_text (GTK_EDITABLE (description), description_text);
  button = find_button (window, "_Add Reason Code");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
}

static void
test_preferences_reasons (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  SmPreferencesWindow *window = show_preferences (fixture, "reasons");
  GtkWidget *code_row = find_row (GTK_WIDGET (window), "Code");
  GtkWidget *description_row = find_row (GTK_WIDGET (window), "Description");
  GtkWidget *code = find_widget (code_row, GTK_TYPE_ENTRY);
  GtkWidget *description = find_widget (description_row, GTK_TYPE_ENTRY);
  GListModel *reasons = sm_store_list (SM_STORE (fixture->store), SM_TYPE_REASON_CODE, &error);
  guint n_reasons;
  GtkWidget *row;
  Query query = { .fixture = fixture, .weight = TRUE };

  g_assert_no_error (error);
  n_reasons = g_list_model_get_n_items (reasons);
  g_assert_cmpuint (n_reasons, >, 0);

  /* Nothing to add yet. */
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (window), "_Add Reason Code")));

  /* A code with a space is refused beside the code, and not stored. */
  add_reason (GTK_WIDGET (window), code, description, "te ver", "Too far to travel");
  query.root = code_row;
  query.text = "is not a valid code";
  g_assert_true (sm_ui_test_wait_until (error_is_shown, &query));
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  g_assert_null (find_error (description_row));
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==, n_reasons);

  /* A good one is stored and listed, and the fields are cleared. */
  add_reason (GTK_WIDGET (window), code, description, "too-far", "Too far to travel");
  query.key = "too-far";
  g_assert_true (sm_ui_test_wait_until (reason_is_stored, &query));
  query.root = GTK_WIDGET (window);
  query.text = "Too far to travel";
  g_assert_true (sm_ui_test_wait_until (label_is_shown, &query));
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==, n_reasons + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "");
  g_assert_null (find_error (code_row));
  g_assert_false (gtk_widget_has_css_class (code, "error"));

  /* The same code again is a conflict, shown beside the code. */
  add_reason (GTK_WIDGET (window), code, description, "too-far", "Too far away");
  query.root = code_row;
  query.text = "too-far";
  g_assert_true (sm_ui_test_wait_until (error_is_shown, &query));
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==, n_reasons + 1);

  /* Retire it, as `stagematch-cli reasons --retire` does… */
  row = find_row (GTK_WIDGET (window), "Too far to travel");
  gtk_widget_activate (find_button (row, "Retire"));
  query.weight = FALSE;
  g_assert_true (sm_ui_test_wait_until (reason_is_stored, &query));
  query.root = row;
  query.text = "Retired";
  g_assert_true (sm_ui_test_wait_until (label_is_shown, &query));

  /* …and use it again. */
  gtk_widget_activate (find_button (row, "Use Again"));
  query.weight = TRUE;
  g_assert_true (sm_ui_test_wait_until (reason_is_stored, &query));
  g_assert_nonnull (find_button (row, "Retire"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
stored_year_is (gpointer data)
{
  Query *query = data;
  g_autofree char *year = sm_academic_year_load (SM_STORE (query->fixture->store));

  return g_strcmp0 (year, query->key) == 0;
}

static void
test_preferences_academic_year (Fixture       *fixture,
                                gconstpointer  user_data)
{
  SmPreferencesWindow *window = show_preferences (fixture, "school");
  GtkWidget *row = find_row (GTK_WIDGET (window), "Academic year");
  GtkWidget *entry = find_widget (row, GTK_TYPE_ENTRY);
  Query query = { .root = row, .fixture = fixture };

  /* Two years that do not follow each other. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-2028");
  query.text = "2026-2028 is not one year";
  g_assert_true (sm_ui_test_wait_until (error_is_shown, &query));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  query.key = NULL;
  g_assert_true (stored_year_is (&query));

  /* Something else, confirmed with Enter. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "next year");
  /* What Enter does. */
  g_signal_emit_by_name (find_widget (entry, GTK_TYPE_TEXT), "activate");
  query.text = "is not an academic year";
  g_assert_true (sm_ui_test_wait_until (error_is_shown, &query));
  g_assert_true (stored_year_is (&query));

  /* A valid year is saved in its normal form, and the message goes. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026/2027");
  query.key = "2026-2027";
  g_assert_true (sm_ui_test_wait_until (stored_year_is, &query));
  g_assert_true (sm_ui_test_wait_until (no_error_is_shown, &query));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* Retyping it passes through an empty field and an incomplete year:
   * neither is saved over it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2027");
  g_assert_true (stored_year_is (&query));
  g_assert_null (find_error (row));

  /* Emptied and confirmed, the year is removed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (find_widget (entry, GTK_TYPE_TEXT), "activate");
  query.key = NULL;
  g_assert_true (sm_ui_test_wait_until (stored_year_is, &query));

  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-2027");
  query.key = "2026-2027";
  g_assert_true (sm_ui_test_wait_until (stored_year_is, &query));
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new window shows the stored year… */
  window = show_preferences (fixture, "school");
  row = find_row (GTK_WIDGET (window), "Academic year");
  entry = find_widget (row, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-2027");
  g_assert_null (find_error (row));

  /* …and an emptied field removes it when the window closes. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_window_close (GTK_WINDOW (window));
  query.key = NULL;
  g_assert_true (sm_ui_test_wait_until (stored_year_is, &query));
}

static gboolean
setting_is (gpointer data)
{
  Query *query = data;
  g_autofree char *value = g_settings_get_string (query->fixture->settings, query->key);

  return g_strcmp0 (value, query->text) == 0;
}

static gboolean
travel_setting_is (gpointer data)
{
  Query *query = data;

  return g_settings_get_int (query->fixture->settings, "default-max-travel-km") == (int) query->weight;
}

static gboolean
logo_is_shown (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *picture = find_widget (row, GTK_TYPE_PICTURE);

  return gtk_widget_get_mapped (picture) && gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL;
}

static char *
write_logo (Fixture *fixture)
{
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar data[4 * 4 * 4];
  char *path = g_build_filename (fixture->dir, "logo.png", NULL);

  memset (data, 0x80, sizeof data);
  pixels = g_bytes_new (data, sizeof data);
  texture = gdk_memory_texture_new (4, 4, GDK_MEMORY_R8G8B8A8, pixels, 4 * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

static void
test_preferences_settings (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *logo = write_logo (fixture);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.png", NULL);
  SmPreferencesWindow *window = show_preferences (fixture, "school");
  GtkWidget *name_row = find_row (GTK_WIDGET (window), "Name");
  GtkWidget *name = find_widget (name_row, GTK_TYPE_ENTRY);
  GtkWidget *logo_row = find_row (GTK_WIDGET (window), "Logo");
  GtkWidget *clear;
  GtkWidget *switcher;
  GtkWidget *travel;
  Query query = { .fixture = fixture };

  /* The school name goes to GSettings as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Da Vinci College");
  query.key = "school-name";
  query.text = "Da Vinci College";
  g_assert_true (sm_ui_test_wait_until (setting_is, &query));

  /* The logo: shown when set, and removed with its button. */
  g_assert_nonnull (find_button (logo_row, "_Choose…"));
  clear = find_by_tooltip (logo_row, "Remove the logo");
  g_assert_nonnull (clear);
  g_assert_false (gtk_widget_get_sensitive (clear));

  g_settings_set_string (fixture->settings, "school-logo", logo);
  g_assert_true (sm_ui_test_wait_until (logo_is_shown, logo_row));
  query.root = logo_row;
  query.text = "logo.png";
  g_assert_true (sm_ui_test_wait_until (label_is_shown, &query));
  g_assert_true (gtk_widget_get_sensitive (clear));

  /* A logo file that has gone away is said so, not shown as empty. */
  g_settings_set_string (fixture->settings, "school-logo", missing);
  query.text = "cannot be shown";
  g_assert_true (sm_ui_test_wait_until (error_is_shown, &query));

  gtk_widget_activate (clear);
  query.key = "school-logo";
  query.text = "";
  g_assert_true (sm_ui_test_wait_until (setting_is, &query));
  g_assert_true (sm_ui_test_wait_until (no_error_is_shown, &query));

  /* The default travel distance, on the Matching page. */
  switcher = find_widget (GTK_WIDGET (window), GTK_TYPE_STACK_SWITCHER);
  gtk_stack_set_visible_child_name (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher)), "matching");
  query.root = GTK_WIDGET (window);
  query.text = "Default maximum distance";
  g_assert_true (sm_ui_test_wait_until (label_is_shown, &query));
  travel = find_widget (find_row (GTK_WIDGET (window), "Default maximum distance"), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (travel), 40);
  query.weight = 40;
  g_assert_true (sm_ui_test_wait_until (travel_setting_is, &query));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!sm_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/preferences/template", Fixture, NULL,
              fixture_set_up, test_preferences_template, fixture_tear_down);
  g_test_add ("/preferences/open", Fixture, NULL,
              fixture_set_up, test_preferences_open, fixture_tear_down);
  g_test_add ("/preferences/weights", Fixture, NULL,
              fixture_set_up, test_preferences_weights, fixture_tear_down);
  g_test_add ("/preferences/reasons", Fixture, NULL,
              fixture_set_up, test_preferences_reasons, fixture_tear_down);
  g_test_add ("/preferences/academic-year", Fixture, NULL,
              fixture_set_up, test_preferences_academic_year, fixture_tear_down);
  g_test_add ("/preferences/settings", Fixture, NULL,
              fixture_set_up, test_preferences_settings, fixture_tear_down);

  return g_test_run ();
}
