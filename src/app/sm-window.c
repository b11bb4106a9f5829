/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-decision.h"
#include "sm-offer-view.h"
#include "sm-placement.h"
#include "sm-preferences-window.h"
#include "sm-sqlite-store.h"
#include "sm-status-page.h"
#include "sm-student.h"
#include "sm-student-view.h"
#include "sm-toast.h"
#include "sm-window.h"

/*
 * SmWindow:
 *
 * The main window: a sidebar with the views of the coordinator's work and
 * a stack that shows one of them. It shows the records of one store.
 */

/* The records the status pages count */
typedef enum
{
  COUNT_DECISIONS,
  COUNT_PLACEMENTS,
  N_COUNTS
} CountKind;

struct _SmWindow
{
  GtkApplicationWindow  parent_instance;

  SmStore              *store;
  GSettings            *settings;
  GListModel           *pages;
  guint                 counts[N_COUNTS];
  char                 *count_errors[N_COUNTS];  /* NULL once counted */
  char                 *subtitle;

  /* Template children */
  GtkLabel             *subtitle_label;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  SmStudentView        *student_view;
  SmToast              *toast;
  SmOfferView          *offer_view;
  SmStatusPage         *matching_page;
  SmStatusPage         *selection_page;
  SmStatusPage         *placements_page;
  SmStatusPage         *reports_page;
};

G_DEFINE_FINAL_TYPE (SmWindow, sm_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the sidebar; the names of the pages in sm-window.ui. */
static const char * const view_names[] = {
  "students",
  "offers",
  "matching",
  "selection",
  "placements",
  "reports",
  NULL
};

/**
 * sm_window_get_view_names:
 *
 * Returns: (transfer none): the names of the views, in sidebar order
 */
const char * const *
sm_window_get_view_names (void)
{
  return view_names;
}

gboolean
sm_window_is_view_name (const char *name)
{
  return name != NULL && g_strv_contains (view_names, name);
}

static GSettings *
dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  /* An uninstalled build runs without its schema: it then simply does not
   * remember the window's size. */
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* Puts a count sentence and a sentence about what is to come on two lines. */
static void
set_description (SmStatusPage *page,
                 const char   *now,
                 const char   *later)
{
  g_autofree char *text = NULL;

  if (now != NULL)
    text = g_strdup_printf ("%s\n%s", now, later);
  else
    text = g_strdup (later);

  sm_status_page_set_description (page, text);
}

static char *
dup_read_error (SmWindow  *self,
                CountKind  kind)
{
  /* Translators: %s is the reason, as the database gave it. */
  return g_strdup_printf (_("Stagematch could not count these records: %s"),
                          self->count_errors[kind]);
}

static void
update_selection_page (SmWindow *self)
{
  g_autofree char *now = NULL;
  guint n = self->counts[COUNT_DECISIONS];

  if (self->count_errors[COUNT_DECISIONS] != NULL)
    now = dup_read_error (self, COUNT_DECISIONS);
  else if (n == 0)
    now = g_strdup (_("No selection decisions are recorded in this database yet."));
  else
    now = g_strdup_printf (ngettext ("%u selection decision is recorded in this database.",
                                     "%u selection decisions are recorded in this database.", n),
                           n);

  set_description (self->selection_page, now,
                   _("Companies will judge anonymised candidates here, and a name will be "
                     "revealed only after a decision, in a later version of Stagematch."));
}

static void
update_placements_page (SmWindow *self)
{
  g_autofree char *now = NULL;
  guint n = self->counts[COUNT_PLACEMENTS];

  if (self->count_errors[COUNT_PLACEMENTS] != NULL)
    now = dup_read_error (self, COUNT_PLACEMENTS);
  else if (n == 0)
    now = g_strdup (_("This database holds no placements yet."));
  else
    now = g_strdup_printf (ngettext ("This database holds %u placement.",
                                     "This database holds %u placements.", n),
                           n);

  set_description (self->placements_page, now,
                   _("The overview of placements, grouped by class, company or supervisor, "
                     "ready to print, will appear here in a later version of Stagematch."));
}

static void
update_pages (SmWindow *self)
{
  update_selection_page (self);
  update_placements_page (self);

  set_description (self->matching_page, NULL,
                   _("Matching will propose an internship for every student, and explain "
                     "each proposal, in a later version of Stagematch."));
  set_description (self->reports_page, NULL,
                   _("Placement progress and fairness signals will be shown here as charts "
                     "in a later version of Stagematch."));
}

static void
update_subtitle (SmWindow *self)
{
  g_autofree char *location = NULL;
  g_autofree char *basename = NULL;
  const char *text = self->subtitle;

  if (self->store != NULL)
    location = sm_store_dup_location (self->store);

  if (text == NULL && location != NULL)
    {
      if (SM_IS_SQLITE_STORE (self->store))
        basename = g_path_get_basename (location);
      text = basename != NULL ? basename : location;
    }

  gtk_label_set_label (self->subtitle_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), location);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), text != NULL && *text != '\0');
}

static GType
get_count_type (CountKind kind)
{
  switch (kind)
    {
    case COUNT_DECISIONS:
      return SM_TYPE_DECISION;
    case COUNT_PLACEMENTS:
      return SM_TYPE_PLACEMENT;
    case N_COUNTS:
    default:
      g_assert_not_reached ();
    }
}

/* The store counts the records without loading them: the window needs
 * only the numbers. */
static void
update_count (SmWindow  *self,
              CountKind  kind)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->count_errors[kind], g_free);
  self->counts[kind] = sm_store_count (self->store, get_count_type (kind), &error);
  if (error != NULL)
    self->count_errors[kind] = g_strdup (error->message);
}

static void
on_store_changed_cb (SmStore  *store,
                     GType     record_type,
                     SmWindow *self)
{
  for (CountKind kind = 0; kind < N_COUNTS; kind++)
    if (record_type == get_count_type (kind))
      {
        update_count (self, kind);
        update_pages (self);
      }
}

static void
watch_counts (SmWindow *self)
{
  for (CountKind kind = 0; kind < N_COUNTS; kind++)
    update_count (self, kind);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
select_sidebar_row (SmWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  guint n = g_list_model_get_n_items (self->pages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (self->pages, i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == child)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, i);

          if (row != NULL && row != gtk_list_box_get_selected_row (self->sidebar))
            gtk_list_box_select_row (self->sidebar, row);
          break;
        }
    }
}

static void
on_sidebar_row_selected_cb (GtkListBox    *sidebar,
                            GtkListBoxRow *row,
                            SmWindow      *self)
{
  g_autoptr(GObject) page = NULL;

  if (row == NULL)
    return;

  page = g_list_model_get_item (self->pages, gtk_list_box_row_get_index (row));
  if (page != NULL)
    gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
}

static void
on_stack_visible_child_cb (GtkStack   *stack,
                           GParamSpec *pspec,
                           SmWindow   *self)
{
  /* The stack notifies while the template is still being built. */
  if (self->pages == NULL)
    return;

  select_sidebar_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  /* The label names the row; the icon only decorates it. */
  image = g_object_new (GTK_TYPE_IMAGE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  g_object_bind_property (page, "icon-name", image, "icon-name", G_BINDING_SYNC_CREATE);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);
  /* With large text a long title is cut short; the tooltip has it all. */
  g_object_bind_property (page, "title", row, "tooltip-text", G_BINDING_SYNC_CREATE);

  return row;
}

static void
restore_state (SmWindow *self)
{
  g_autofree char *view = NULL;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (sm_window_is_view_name (view))
    gtk_stack_set_visible_child_name (self->stack, view);
}

static void
save_state (SmWindow *self)
{
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_delay (self->settings);

  /* The size before maximising is what a window comes back to. */
  if (!maximized)
    {
      int width;
      int height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_set_string (self->settings, "last-view", sm_window_get_view (self));
  g_settings_apply (self->settings);
}

static gboolean
sm_window_close_request (GtkWindow *window)
{
  save_state (SM_WINDOW (window));

  return GTK_WINDOW_CLASS (sm_window_parent_class)->close_request (window);
}

static void
sm_window_constructed (GObject *object)
{
  SmWindow *self = SM_WINDOW (object);

  G_OBJECT_CLASS (sm_window_parent_class)->constructed (object);

  sm_student_view_set_store (self->student_view, self->store);
  sm_offer_view_set_store (self->offer_view, self->store);

  if (self->store != NULL)
    watch_counts (self);
  else
    for (guint i = 0; i < N_COUNTS; i++)
      self->count_errors[i] = g_strdup (_("No database is open."));

  update_pages (self);
  update_subtitle (self);
}

static void
sm_window_dispose (GObject *object)
{
  SmWindow *self = SM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_WINDOW);

  g_clear_object (&self->pages);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_window_parent_class)->dispose (object);
}

static void
sm_window_finalize (GObject *object)
{
  SmWindow *self = SM_WINDOW (object);

  for (guint i = 0; i < N_COUNTS; i++)
    g_free (self->count_errors[i]);
  g_free (self->subtitle);

  G_OBJECT_CLASS (sm_window_parent_class)->finalize (object);
}

static void
sm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SmWindow *self = SM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_VIEW:
      g_value_set_string (value, sm_window_get_view (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SmWindow *self = SM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_VIEW:
      sm_window_set_view (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE:
      sm_window_set_subtitle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Ctrl+N adds to the visible view also when the focus is elsewhere,
 * such as in the sidebar. */
static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  if (visible == GTK_WIDGET (self->student_view))
    gtk_widget_activate_action (visible, "students.new", NULL);
  else if (visible == GTK_WIDGET (self->offer_view))
    gtk_widget_activate_action (visible, "offers.new", NULL);
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SmWindow *self = SM_WINDOW (widget);
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  /* Only views with a search entry take Ctrl+F. */
  if (visible == GTK_WIDGET (self->student_view))
    sm_student_view_focus_search (self->student_view);
  else if (visible == GTK_WIDGET (self->offer_view))
    sm_offer_view_focus_search (self->offer_view);
  else
    return FALSE;

  return TRUE;
}

static void
show_preferences_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SmWindow *self = SM_WINDOW (widget);
  SmPreferencesWindow *preferences;

  if (self->store == NULL)
    return;

  preferences = sm_preferences_window_new (GTK_WINDOW (self), self->store, self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
sm_window_class_init (SmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sm_window_constructed;
  object_class->dispose = sm_window_dispose;
  object_class->finalize = sm_window_finalize;
  object_class->get_property = sm_window_get_property;
  object_class->set_property = sm_window_set_property;

  window_class->close_request = sm_window_close_request;

  /**
   * SmWindow:store:
   *
   * The store whose records the window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SM_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SmWindow:view:
   *
   * The name of the visible view, one of sm_window_get_view_names().
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "students",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SmWindow:subtitle:
   *
   * The line under the title; %NULL shows the name of the database.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SM_TYPE_STATUS_PAGE);
  g_type_ensure (SM_TYPE_STUDENT_VIEW);
  g_type_ensure (SM_TYPE_OFFER_VIEW);
  g_type_ensure (SM_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stagematch/Stagematch/sm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, student_view);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, toast);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, offer_view);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, matching_page);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, selection_page);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, placements_page);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, reports_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");

  for (guint i = 0; view_names[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.view", "s", view_names[i]);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                focus_search_cb, NULL);
  gtk_widget_class_install_action (widget_class, "window.new-record", NULL, new_record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "window.new-record", NULL);

  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, show_preferences_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
}

static void
sm_window_init (SmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  gtk_list_box_bind_model (self->sidebar, self->pages,
                           create_sidebar_row, self, NULL);

  self->settings = dup_settings ();
  restore_state (self);
  select_sidebar_row (self);
}

/**
 * sm_window_new:
 * @application: (nullable): the application the window belongs to
 * @store: the store whose records the window shows
 *
 * Returns: (transfer floating): a new main window
 */
SmWindow *
sm_window_new (GtkApplication *application,
               SmStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SM_IS_STORE (store), NULL);

  return g_object_new (SM_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * sm_window_get_store:
 *
 * Returns: (transfer none): the store whose records the window shows
 */
SmStore *
sm_window_get_store (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * sm_window_get_view:
 *
 * Returns: the name of the visible view
 */
const char *
sm_window_get_view (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sm_window_set_view:
 * @view: one of sm_window_get_view_names()
 *
 * Shows the view called @view.
 */
void
sm_window_set_view (SmWindow   *self,
                    const char *view)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (sm_window_is_view_name (view));

  /* The stack's notification updates the sidebar and notifies :view. */
  gtk_stack_set_visible_child_name (self->stack, view);
}

const char *
sm_window_get_subtitle (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->subtitle;
}

/**
 * sm_window_set_subtitle:
 * @subtitle: (nullable): the line under the title, or %NULL for the name
 *   of the database
 */
void
sm_window_set_subtitle (SmWindow   *self,
                        const char *subtitle)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  if (g_strcmp0 (subtitle, self->subtitle) == 0)
    return;

  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * sm_window_get_toast:
 *
 * Returns: (transfer none): where the views say what they did, with Undo
 */
SmToast *
sm_window_get_toast (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->toast;
}

/**
 * sm_window_get_settings:
 *
 * Returns: (transfer none) (nullable): the program's settings, or %NULL
 *   when their schema is not installed
 */
GSettings *
sm_window_get_settings (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->settings;
}
