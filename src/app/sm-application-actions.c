/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-application-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-application-private.h"

static void
sm_application_actions_quit (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SmApplication *self = user_data;
  g_autolist(GtkWindow) windows = NULL;

  /* Closing, not destroying, lets each window remember its state. A window
   * leaves the application's list as it closes: walk a copy. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
sm_application_actions_about (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  SmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *authors[] = {
    _("The Stagematch developers"),
    NULL
  };

  gtk_show_about_dialog (parent,
                         "program-name", _("Stagematch"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Place students in internships, fairly"),
                         "website", "https://github.com/stagematch/stagematch",
                         "website-label", _("Website"),
                         "copyright", _("© 2026 The Stagematch developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: your names, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
sm_application_actions_open_demo (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  SmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (_sm_application_open_demo (self, &error) != NULL)
    return;

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", _("The Demo Could Not Be Opened"));
  /* Translators: %s is the reason, such as a full disk. */
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Stagematch makes the demo database in the folder for "
                                              "temporary files, which failed: %s. Make room there and "
                                              "try again."),
                                            error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = sm_application_actions_quit },
  { .name = "about", .activate = sm_application_actions_about },
  { .name = "open-demo", .activate = sm_application_actions_open_demo },
};

void
_sm_application_actions_init (SmApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries,
                                   G_N_ELEMENTS (app_entries),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  /* SmWindow binds it too; here it also shows in the menu. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.preferences", preferences_accels);
}
