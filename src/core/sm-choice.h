/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *sm_choice_get_label (GType type,
                                 guint value);

G_END_DECLS
