/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sm-problem.h"

G_BEGIN_DECLS

gboolean sm_stable_solve         (SmProblem     *problem,
                                  guint64        seed,
                                  SmSolution   **solution,
                                  GCancellable  *cancellable,
                                  GError       **error);
void     sm_stable_draw_lottery  (guint64        seed,
                                  guint          n_students,
                                  guint          n_offers,
                                  guint32       *student_tickets,
                                  guint32       *offer_tickets);

G_END_DECLS
