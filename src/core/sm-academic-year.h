/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-store.h"

G_BEGIN_DECLS

gboolean  sm_academic_year_validate (const char  *text,
                                     char       **normalised,
                                     GError     **error);
char     *sm_academic_year_load     (SmStore     *store);
gboolean  sm_academic_year_save     (SmStore     *store,
                                     const char  *text,
                                     GError     **error);
char     *sm_academic_year_for_date (GDateTime   *date);

G_END_DECLS
