/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Exit statuses of the program, besides 0 for success. */
typedef enum
{
  SM_EXIT_FAILURE        = 1, /* something else went wrong */
  SM_EXIT_USAGE          = 2, /* the command line is wrong */
  SM_EXIT_NO_DATABASE    = 3, /* the database could not be opened */
  SM_EXIT_NO_SCREENSHOT  = 4, /* the screenshot could not be written */
} SmExitStatus;

#define SM_TYPE_APPLICATION (sm_application_get_type ())
G_DECLARE_FINAL_TYPE (SmApplication, sm_application, SM, APPLICATION, GtkApplication)

SmApplication *sm_application_new             (void);
int            sm_application_get_exit_status (SmApplication *self);

G_END_DECLS
