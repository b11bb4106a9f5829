/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-application"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sm-application-private.h"
#include "sm-demo.h"
#include "sm-screenshot.h"
#include "sm-sqlite-store.h"
#include "sm-window.h"

/*
 * SmApplication:
 *
 * Reads the command line, opens a database and shows a window for it. A
 * second start of the program hands its command line to the first one,
 * except with --demo or --screenshot, which always run on their own.
 */

G_DEFINE_FINAL_TYPE (SmApplication, sm_application, GTK_TYPE_APPLICATION)

#define DEMO_STUDENTS 400
#define DEMO_OFFERS   200
#define DEMO_SEED     1

/* What a failed open offers to do next. */
enum {
  RESPONSE_QUIT = 1,
  RESPONSE_RETRY,
  RESPONSE_CHOOSE,
};

typedef struct
{
  SmApplication *application;
  char          *path;
  char          *view;
} OpenRequest;

static void open_or_explain (SmApplication *self,
                             const char    *path,
                             const char    *view);

static void
open_request_free (OpenRequest *request)
{
  g_clear_object (&request->application);
  g_free (request->path);
  g_free (request->view);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

static OpenRequest *
open_request_new (SmApplication *self,
                  const char    *path,
                  const char    *view)
{
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->application = g_object_ref (self);
  request->path = g_strdup (path);
  request->view = g_strdup (view);

  return request;
}

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the Stagematch database FILE"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a new database with made-up students and offers; it is deleted on quit"), NULL },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the view NAME: students, offers, matching, selection, placements or reports"), N_("NAME") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw the window into the PNG file FILE, then quit"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

/* A title, and a text that says what is wrong and what to do. The store's
 * messages already say what to do for the failures it knows. */
static void
describe_open_error (const GError  *error,
                     char         **title,
                     char         **text)
{
  const char *message = error->message;
  const char *end = "";
  const char *advice = NULL;

  if (*message != '\0' && strchr (".!?", message[strlen (message) - 1]) == NULL)
    end = ".";

  if (g_error_matches (error, SM_STORE_ERROR, SM_STORE_ERROR_LOCKED))
    *title = g_strdup (_("The Database Is in Use"));
  else if (g_error_matches (error, SM_STORE_ERROR, SM_STORE_ERROR_READ_ONLY))
    *title = g_strdup (_("The Database Cannot Be Changed"));
  else if (g_error_matches (error, SM_STORE_ERROR, SM_STORE_ERROR_NEWER_SCHEMA))
    *title = g_strdup (_("The Database Is Too New"));
  else if (g_error_matches (error, SM_STORE_ERROR, SM_STORE_ERROR_NOT_STAGEMATCH))
    *title = g_strdup (_("Not a Stagematch Database"));
  else
    {
      *title = g_strdup (_("The Database Cannot Be Opened"));
      advice = _("Choose another file, or ask your administrator for help.");
    }

  if (advice != NULL)
    *text = g_strdup_printf ("%s%s\n\n%s", message, end, advice);
  else
    *text = g_strdup_printf ("%s%s", message, end);
}

static SmWindow *
find_window (SmApplication *self,
             const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(GFile) other = NULL;
      SmStore *store;

      if (!SM_IS_WINDOW (l->data))
        continue;

      store = sm_window_get_store (l->data);
      if (!SM_IS_SQLITE_STORE (store))
        continue;

      other = g_file_new_for_path (sm_sqlite_store_get_path (SM_SQLITE_STORE (store)));
      if (g_file_equal (file, other))
        return l->data;
    }

  return NULL;
}

static SmWindow *
add_window (SmApplication *self,
            SmStore       *store,
            const char    *view)
{
  SmWindow *window = sm_window_new (GTK_APPLICATION (self), store);

  if (view != NULL)
    sm_window_set_view (window, view);

  return window;
}

static char *
dup_default_path (void)
{
  g_autofree char *path = sm_sqlite_store_dup_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  /* The first start: the user data directory may not exist yet. If this
   * fails, opening the database says why. */
  g_mkdir_with_parents (dir, 0700);

  return g_steal_pointer (&path);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Only files that SQLite made there: the database, its journal and
   * backups. */
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (path, name, NULL);

        if (g_remove (file) != 0)
          g_debug ("Could not remove %s: %s", file, g_strerror (errno));
      }

  if (g_rmdir (path) != 0)
    g_debug ("Could not remove %s: %s", path, g_strerror (errno));
}

static SmSqliteStore *
create_demo_store (SmApplication  *self,
                   GError        **error)
{
  g_autoptr(SmSqliteStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const SmDemoOptions options = {
    .n_students = DEMO_STUDENTS,
    .n_offers = DEMO_OFFERS,
    .seed = DEMO_SEED,
  };

  dir = g_dir_make_tmp ("stagematch-demo-XXXXXX", error);
  if (dir == NULL)
    return NULL;

  g_ptr_array_add (self->demo_dirs, g_strdup (dir));

  path = g_build_filename (dir, "demo.db", NULL);
  store = sm_sqlite_store_new (path, error);
  if (store == NULL)
    return NULL;

  if (!sm_demo_generate (SM_STORE (store), &options, error))
    return NULL;

  return g_steal_pointer (&store);
}

/**
 * _sm_application_open_demo:
 *
 * Opens a new window on a new database of made-up students and offers,
 * deleted when the program quits, as --demo does.
 *
 * Returns: (transfer none): the window, or %NULL with @error set
 */
SmWindow *
_sm_application_open_demo (SmApplication  *self,
                           GError        **error)
{
  g_autoptr(SmSqliteStore) store = create_demo_store (self, error);
  SmWindow *window;

  if (store == NULL)
    return NULL;

  window = add_window (self, SM_STORE (store), "students");
  sm_window_set_subtitle (window, _("Demo data, deleted when Stagematch quits"));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
on_choose_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(OpenRequest) request = user_data;
  GtkWindow *error_dialog = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  /* Cancelled: the error stays, so that one can choose again or quit. */
  if (path == NULL)
    return;

  open_or_explain (request->application, path, request->view);
  gtk_window_destroy (error_dialog);
}

static void
choose_database (GtkWindow   *error_dialog,
                 OpenRequest *request)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Stagematch Database"),
                                         error_dialog,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Stagematch databases"));
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (databases, "application/x-sqlite3");
  gtk_file_filter_add_suffix (databases, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response",
                    G_CALLBACK (on_choose_response_cb),
                    open_request_new (request->application, NULL, request->view));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_error_response_cb (GtkDialog   *dialog,
                           int          response,
                           OpenRequest *request)
{
  switch (response)
    {
    case RESPONSE_RETRY:
      open_or_explain (request->application, request->path, request->view);
      gtk_window_destroy (GTK_WINDOW (dialog));
      break;

    case RESPONSE_CHOOSE:
      choose_database (GTK_WINDOW (dialog), request);
      break;

    case RESPONSE_QUIT:
    default:
      gtk_window_destroy (GTK_WINDOW (dialog));
      break;
    }
}

static void
show_open_error (SmApplication *self,
                 const char    *path,
                 const char    *view,
                 const GError  *error)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  describe_open_error (error, &title, &text);

  dialog = gtk_message_dialog_new (NULL, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR,
                                   GTK_BUTTONS_NONE, "%s", title);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", text);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Stagematch"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));

  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Quit"), RESPONSE_QUIT);
  if (g_error_matches (error, SM_STORE_ERROR, SM_STORE_ERROR_LOCKED))
    {
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Try Again"), RESPONSE_RETRY);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_RETRY);
    }
  else
    {
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Choose Another File…"), RESPONSE_CHOOSE);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_CHOOSE);
    }

  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (on_open_error_response_cb),
                         open_request_new (self, path, view),
                         (GClosureNotify) (void (*) (void)) open_request_free,
                         0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows the database at @path in a window, or says why it cannot. */
static void
open_or_explain (SmApplication *self,
                 const char    *path,
                 const char    *view)
{
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SmWindow *window;

  window = find_window (self, path);
  if (window == NULL)
    {
      store = sm_sqlite_store_new (path, &error);
      if (store == NULL)
        {
          show_open_error (self, path, view, error);
          return;
        }

      window = add_window (self, SM_STORE (store), NULL);
    }

  if (view != NULL)
    sm_window_set_view (window, view);

  gtk_window_present (GTK_WINDOW (window));
}

static void
on_screenshot_saved_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SmApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = GTK_WIDGET (object);

  if (!sm_screenshot_save_finish (window, result, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      self->exit_status = SM_EXIT_NO_SCREENSHOT;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (self));
}

static int
sm_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  const char *view = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "view", "&s", &view) && !sm_window_is_view_name (view))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) sm_window_get_view_names ());

      /* Translators: the first %s is what was asked for, the second a
       * list of names. */
      g_printerr (_("There is no view called “%s”. Choose one of: %s.\n"), view, names);
      return SM_EXIT_USAGE;
    }

  if (g_variant_dict_contains (options, "demo") && g_variant_dict_contains (options, "database"))
    {
      g_printerr ("%s\n", _("Give either --database or --demo, not both."));
      return SM_EXIT_USAGE;
    }

  /* A picture or a throw-away database has nothing to do with a
   * Stagematch that is already running. */
  if (g_variant_dict_contains (options, "demo") || g_variant_dict_contains (options, "screenshot"))
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (sm_application_parent_class)->handle_local_options (application, options);
}

static int
sm_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  SmApplication *self = SM_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(SmSqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *screenshot = NULL;
  const char *database = NULL;
  const char *screenshot_arg = NULL;
  const char *view = NULL;
  gboolean demo;
  SmWindow *window;

  g_variant_dict_lookup (options, "database", "^&ay", &database);
  g_variant_dict_lookup (options, "screenshot", "^&ay", &screenshot_arg);
  g_variant_dict_lookup (options, "view", "&s", &view);
  demo = g_variant_dict_contains (options, "demo");

  if (screenshot_arg != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, screenshot_arg);

      screenshot = g_file_get_path (file);
    }

  if (database != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, database);

      path = g_file_get_path (file);
    }
  else if (!demo)
    {
      path = dup_default_path ();
    }

  /* Opening the same file twice would find it locked: show its window. */
  if (path != NULL && screenshot == NULL && (window = find_window (self, path)) != NULL)
    {
      if (view != NULL)
        sm_window_set_view (window, view);
      gtk_window_present (GTK_WINDOW (window));
      return EXIT_SUCCESS;
    }

  if (demo)
    store = create_demo_store (self, &error);
  else
    store = sm_sqlite_store_new (path, &error);

  if (store == NULL)
    {
      if (demo)
        {
          g_application_command_line_printerr (command_line,
                                               _("%s: could not make the demo database: %s\n"),
                                               g_get_prgname (), error->message);
          return SM_EXIT_FAILURE;
        }

      if (screenshot != NULL)
        {
          g_autofree char *title = NULL;
          g_autofree char *text = NULL;

          describe_open_error (error, &title, &text);
          g_application_command_line_printerr (command_line, "%s: %s\n%s\n",
                                               g_get_prgname (), title, text);
          return SM_EXIT_NO_DATABASE;
        }

      show_open_error (self, path, view, error);
      return EXIT_SUCCESS;
    }

  window = add_window (self, SM_STORE (store), view);
  if (demo)
    sm_window_set_subtitle (window, _("Demo data, deleted when Stagematch quits"));

  if (screenshot != NULL)
    {
      g_application_hold (application);
      sm_screenshot_save_async (GTK_WIDGET (window), screenshot, NULL,
                                on_screenshot_saved_cb, g_object_ref (self));
    }

  gtk_window_present (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}

static void
sm_application_activate (GApplication *application)
{
  SmApplication *self = SM_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = dup_default_path ();
  open_or_explain (self, path, NULL);
}

static void
sm_application_startup (GApplication *application)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (sm_application_parent_class)->startup (application);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/stagematch/Stagematch/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_window_set_default_icon_name (APP_ID);

  _sm_application_actions_init (SM_APPLICATION (application));
}

static void
sm_application_shutdown (GApplication *application)
{
  SmApplication *self = SM_APPLICATION (application);

  G_APPLICATION_CLASS (sm_application_parent_class)->shutdown (application);

  /* The windows, and with them the databases, are closed by now. */
  for (guint i = 0; i < self->demo_dirs->len; i++)
    remove_dir (g_ptr_array_index (self->demo_dirs, i));
  g_ptr_array_set_size (self->demo_dirs, 0);
}

static void
sm_application_finalize (GObject *object)
{
  SmApplication *self = SM_APPLICATION (object);

  g_clear_pointer (&self->demo_dirs, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_application_parent_class)->finalize (object);
}

static void
sm_application_class_init (SmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sm_application_finalize;

  application_class->activate = sm_application_activate;
  application_class->command_line = sm_application_command_line;
  application_class->handle_local_options = sm_application_handle_local_options;
  application_class->startup = sm_application_startup;
  application_class->shutdown = sm_application_shutdown;
}

static void
sm_application_init (SmApplication *self)
{
  self->demo_dirs = g_ptr_array_new_with_free_func (g_free);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Place students in internships, fairly."));
}

/**
 * sm_application_new:
 *
 * Returns: (transfer full): the application
 */
SmApplication *
sm_application_new (void)
{
  return g_object_new (SM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/stagematch/Stagematch",
                       NULL);
}

/**
 * sm_application_get_exit_status:
 *
 * The status for the program to exit with when g_application_run() has
 * returned 0: something that ends the program, such as --screenshot, may
 * fail after the command line has been handled.
 *
 * Returns: 0, or an #SmExitStatus
 */
int
sm_application_get_exit_status (SmApplication *self)
{
  g_return_val_if_fail (SM_IS_APPLICATION (self), SM_EXIT_FAILURE);

  return self->exit_status;
}
