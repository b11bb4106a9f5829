/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sm-problem.h"

G_BEGIN_DECLS

gboolean sm_assignment_solve (SmProblem     *problem,
                              SmSolution   **solution,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
