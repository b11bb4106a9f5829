/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sm-store.h"

G_BEGIN_DECLS

void        sm_match_count_async  (SmStore              *store,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GHashTable *sm_match_count_finish (SmStore              *store,
                                   GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
