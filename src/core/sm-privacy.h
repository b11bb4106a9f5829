/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sm-store.h"
#include "sm-student.h"

G_BEGIN_DECLS

/* What an erased student's required fields hold instead of the name: the
 * validation of a student needs both, and a list shows them as
 * "– (erased)". They are data, not translated. */
#define SM_PRIVACY_ERASED_GIVEN_NAME   "–"
#define SM_PRIVACY_ERASED_FAMILY_NAME  "(erased)"
/* An erased student's number is this prefix and the student's id. */
#define SM_PRIVACY_ERASED_NUMBER_PREFIX "erased-"

gboolean  sm_privacy_student_is_erased (SmStudent   *student);
gboolean  sm_privacy_erase_student     (SmStore     *store,
                                        SmStudent   *student,
                                        const char  *actor,
                                        GError     **error);
JsonNode *sm_privacy_student_to_json   (SmStore     *store,
                                        SmStudent   *student,
                                        GError     **error);
gboolean  sm_privacy_export_student    (SmStore     *store,
                                        SmStudent   *student,
                                        const char  *actor,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
