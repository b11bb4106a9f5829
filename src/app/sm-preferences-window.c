/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-academic-year.h"
#include "sm-preferences-window-private.h"

/*
 * SmPreferencesWindow:
 *
 * The coordinator's preferences, on three pages: the school, matching and
 * the reason codes for decisions. Every change is saved as it is made;
 * a value that cannot be saved stays in its field with the reason beside
 * it.
 *
 * Where each preference lives:
 *
 * - In the database, through the store: what belongs to the school's data
 *   and must travel with the database file, so that every seat and the
 *   command line work with the same values. These are the academic year
 *   (the year the students and placements in the file are about), the
 *   weights of the match score and the reason codes (decisions refer to
 *   them).
 * - In GSettings: what belongs to this computer or this person. These are
 *   the school name and logo for printouts (the logo is a file on this
 *   computer, so its path means nothing elsewhere) and the default
 *   maximum travel distance, which new students start with when they are
 *   entered here; matching reads each student's own stored distance, so
 *   seats with other defaults still match alike.
 *
 * This file holds the window and the School page; the Matching page is in
 * sm-preferences-window-matching.c, the Reason codes page in
 * sm-preferences-window-reasons.c.
 */

G_DEFINE_FINAL_TYPE (SmPreferencesWindow, sm_preferences_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows @message under a field, or hides it when @message is %NULL; the
 * field is marked while the message stands. */
void
_sm_preferences_window_show_error (GtkLabel   *label,
                                   GtkWidget  *field,
                                   const char *message)
{
  gboolean shown = message != NULL && *message != '\0';

  gtk_label_set_label (label, shown ? message : NULL);
  gtk_widget_set_visible (GTK_WIDGET (label), shown);

  if (field == NULL)
    return;

  if (shown)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

/* Academic year */

static gboolean
academic_year_error_shown (SmPreferencesWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->academic_year_error));
}

/* Saves the typed year when it is valid. An invalid one is not saved; its
 * message waits until the year looks complete, or until @insist (the
 * coordinator pressed Enter, left the field or closed the window), so
 * that it does not interrupt typing. An empty field removes the year only
 * then too: retyping a year passes through an empty field. */
static void
save_academic_year (SmPreferencesWindow *self,
                    gboolean             insist)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->academic_year_entry))));

  if (*text == '\0' && !insist)
    return;

  if (*text != '\0' && !sm_academic_year_validate (text, NULL, &error))
    {
      if (insist || academic_year_error_shown (self) || g_utf8_strlen (text, -1) >= 9)
        _sm_preferences_window_show_error (self->academic_year_error,
                                           GTK_WIDGET (self->academic_year_entry),
                                           error->message);
      return;
    }

  if (!sm_academic_year_save (self->store, text, &error))
    {
      _sm_preferences_window_show_error (self->academic_year_error,
                                         GTK_WIDGET (self->academic_year_entry),
                                         error->message);
      return;
    }

  _sm_preferences_window_show_error (self->academic_year_error,
                                     GTK_WIDGET (self->academic_year_entry),
                                     NULL);
}

static void
on_academic_year_changed_cb (GtkEditable         *editable,
                             SmPreferencesWindow *self)
{
  if (!self->loading)
    save_academic_year (self, FALSE);
}

static void
on_academic_year_activate_cb (GtkEntry            *entry,
                              SmPreferencesWindow *self)
{
  save_academic_year (self, TRUE);
}

static void
on_academic_year_focus_leave_cb (GtkEventControllerFocus *controller,
                                 SmPreferencesWindow     *self)
{
  save_academic_year (self, TRUE);
}

static void
load_academic_year (SmPreferencesWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = sm_academic_year_load (self->store);
  g_autofree char *example = sm_academic_year_for_date (now);

  /* The year a coordinator most likely means, as an example. */
  gtk_entry_set_placeholder_text (self->academic_year_entry, example);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->academic_year_entry), year != NULL ? year : "");
  self->loading = FALSE;
}

/* Logo */

static void
show_logo (SmPreferencesWindow *self)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  path = g_settings_get_string (self->settings, "school-logo");
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_clear_button), *path != '\0');

  if (*path == '\0')
    {
      gtk_picture_set_paintable (self->logo_picture, NULL);
      gtk_stack_set_visible_child_name (self->logo_stack, "none");
      gtk_label_set_label (self->logo_subtitle, _("Printed at the top of overviews and reports"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->logo_subtitle), NULL);
      _sm_preferences_window_show_error (self->logo_error, NULL, NULL);
      return;
    }

  basename = g_filename_display_basename (path);
  gtk_label_set_label (self->logo_subtitle, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->logo_subtitle), path);

  file = g_file_new_for_path (path);
  texture = gdk_texture_new_from_file (file, &error);
  if (texture == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is a file name, the second the reason. */
      message = g_strdup_printf (_("The logo %s cannot be shown: %s. Choose the file again, or another one."),
                                 basename, error->message);
      gtk_picture_set_paintable (self->logo_picture, NULL);
      gtk_stack_set_visible_child_name (self->logo_stack, "none");
      _sm_preferences_window_show_error (self->logo_error, NULL, message);
      return;
    }

  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->logo_stack, "logo");
  _sm_preferences_window_show_error (self->logo_error, NULL, NULL);
}

static void
on_logo_setting_changed_cb (GSettings           *settings,
                            const char          *key,
                            SmPreferencesWindow *self)
{
  show_logo (self);
}

/* Stores the logo only when it can be read as an image: a file that
 * cannot be shown here cannot be printed either. */
static void
set_logo (SmPreferencesWindow *self,
          GFile               *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      _sm_preferences_window_show_error (self->logo_error, NULL,
                                         _("The logo must be a file on this computer. "
                                           "Copy it here first, then choose it again."));
      return;
    }

  if (!g_utf8_validate (path, -1, NULL))
    {
      _sm_preferences_window_show_error (self->logo_error, NULL,
                                         _("The name of this file or of a folder above it cannot be stored. "
                                           "Rename it without special characters and choose it again."));
      return;
    }

  texture = gdk_texture_new_from_file (file, &error);
  if (texture == NULL)
    {
      g_autofree char *basename = g_filename_display_basename (path);
      g_autofree char *message = NULL;

      /* Translators: the first %s is a file name, the second the reason. */
      message = g_strdup_printf (_("%s is not an image Stagematch can use: %s"),
                                 basename, error->message);
      _sm_preferences_window_show_error (self->logo_error, NULL, message);
      return;
    }

  g_settings_set_string (self->settings, "school-logo", path);
}

static void
on_logo_chooser_response_cb (GtkNativeDialog     *chooser,
                             int                  response,
                             SmPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        set_logo (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->logo_chooser);
}

static void
on_logo_choose_clicked_cb (GtkButton           *button,
                           SmPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *path = NULL;

  if (self->logo_chooser != NULL)
    return;

  self->logo_chooser = gtk_file_chooser_native_new (_("Choose a School Logo"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->logo_chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->logo_chooser), filter);

  /* Start where the current logo is. */
  path = g_settings_get_string (self->settings, "school-logo");
  if (*path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->logo_chooser), file, NULL);
    }

  g_signal_connect (self->logo_chooser, "response",
                    G_CALLBACK (on_logo_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->logo_chooser));
}

static void
on_logo_clear_clicked_cb (GtkButton           *button,
                          SmPreferencesWindow *self)
{
  g_settings_reset (self->settings, "school-logo");
  /* The keyboard focus was on the button that is now disabled. */
  gtk_widget_grab_focus (GTK_WIDGET (self->logo_choose_button));
}

/* GSettings */

static void
bind_settings (SmPreferencesWindow *self)
{
  /* An uninstalled build may run without the settings schema: then only
   * what lives in the database can be changed. */
  if (self->settings == NULL)
    {
      const char *reason = _("This setting cannot be changed: the settings of Stagematch are not installed.");

      gtk_widget_set_sensitive (GTK_WIDGET (self->school_name_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->logo_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->travel_row), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->school_name_row), reason);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->logo_row), reason);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->travel_row), reason);
      return;
    }

  g_settings_bind (self->settings, "school-name",
                   self->school_name_entry, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-max-travel-km",
                   self->travel_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::school-logo",
                           G_CALLBACK (on_logo_setting_changed_cb),
                           self, 0);
  show_logo (self);
}

/* GtkWindow */

static gboolean
sm_preferences_window_close_request (GtkWindow *window)
{
  SmPreferencesWindow *self = SM_PREFERENCES_WINDOW (window);

  save_academic_year (self, TRUE);

  return GTK_WINDOW_CLASS (sm_preferences_window_parent_class)->close_request (window);
}

/* GObject */

static void
sm_preferences_window_constructed (GObject *object)
{
  SmPreferencesWindow *self = SM_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (sm_preferences_window_parent_class)->constructed (object);

  g_assert (SM_IS_STORE (self->store));

  bind_settings (self);
  load_academic_year (self);
  _sm_preferences_window_matching_load (self);
  _sm_preferences_window_reasons_load (self);
}

static void
sm_preferences_window_dispose (GObject *object)
{
  SmPreferencesWindow *self = SM_PREFERENCES_WINDOW (object);

  if (self->logo_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->logo_chooser));
      g_clear_object (&self->logo_chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->reason_codes);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_preferences_window_parent_class)->dispose (object);
}

static void
sm_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SmPreferencesWindow *self = SM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SmPreferencesWindow *self = SM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_preferences_window_class_init (SmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sm_preferences_window_constructed;
  object_class->dispose = sm_preferences_window_dispose;
  object_class->get_property = sm_preferences_window_get_property;
  object_class->set_property = sm_preferences_window_set_property;

  window_class->close_request = sm_preferences_window_close_request;

  /**
   * SmPreferencesWindow:store:
   *
   * The store that holds the preferences of the school's data.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SM_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SmPreferencesWindow:settings:
   *
   * The settings of this computer, or %NULL when they are not installed.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stagematch/Stagematch/sm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, school_name_row);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, school_name_entry);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, academic_year_entry);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, academic_year_error);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, logo_stack);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, logo_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, logo_choose_button);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, logo_clear_button);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, logo_error);
  gtk_widget_class_bind_template_callback (widget_class, on_academic_year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_academic_year_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_academic_year_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clear_clicked_cb);

  _sm_preferences_window_matching_class_init (widget_class);
  _sm_preferences_window_reasons_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sm_preferences_window_init (SmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sm_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 * @store: the store of the school's data
 * @settings: (nullable): the settings of this computer
 *
 * Returns: (transfer floating): a new preferences window, modal for
 *   @parent and in the same application
 */
SmPreferencesWindow *
sm_preferences_window_new (GtkWindow *parent,
                           SmStore   *store,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SM_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "settings", settings,
                       NULL);
}

/**
 * sm_preferences_window_get_store:
 *
 * Returns: (transfer none): the store of the school's data
 */
SmStore *
sm_preferences_window_get_store (SmPreferencesWindow *self)
{
  g_return_val_if_fail (SM_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

/**
 * sm_preferences_window_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings of this computer
 */
GSettings *
sm_preferences_window_get_settings (SmPreferencesWindow *self)
{
  g_return_val_if_fail (SM_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
