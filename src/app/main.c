/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "stagematch"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SmApplication) application = NULL;
  int status;

  /* Follow the desktop's language. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Stagematch"));

  application = sm_application_new ();
  status = g_application_run (G_APPLICATION (application), argc, argv);

  return status != 0 ? status : sm_application_get_exit_status (application);
}
