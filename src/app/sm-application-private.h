/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-application.h"
#include "sm-window.h"

G_BEGIN_DECLS

struct _SmApplication
{
  GtkApplication  parent_instance;

  /* Temporary directories of --demo databases, removed on shutdown. */
  GPtrArray      *demo_dirs;

  /* Set when something that ends the program fails after
   * GApplication::command-line has returned, e.g. --screenshot. */
  int             exit_status;
};

void      _sm_application_actions_init (SmApplication  *self);
SmWindow *_sm_application_open_demo    (SmApplication  *self,
                                        GError        **error);

G_END_DECLS
