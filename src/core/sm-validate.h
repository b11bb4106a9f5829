/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each validator checks one value as a coordinator typed it. On success it
 * may return the normalised form in @normalised (NULL when unchanged); on
 * failure it sets @error to a sentence without the field name, which the
 * caller prefixes. */
typedef gboolean (*SmValidateFunc) (const char  *text,
                                    char       **normalised,
                                    GError     **error);

gboolean sm_validate_postcode       (const char  *text,
                                     char       **normalised,
                                     GError     **error);
gboolean sm_validate_email          (const char  *text,
                                     char       **normalised,
                                     GError     **error);
gboolean sm_validate_phone          (const char  *text,
                                     char       **normalised,
                                     GError     **error);
gboolean sm_validate_kvk            (const char  *text,
                                     char       **normalised,
                                     GError     **error);
gboolean sm_validate_crebo          (const char  *text,
                                     char       **normalised,
                                     GError     **error);
gboolean sm_validate_date           (const char  *text,
                                     char       **normalised,
                                     GError     **error);
gboolean sm_validate_student_number (const char  *text,
                                     char       **normalised,
                                     GError     **error);
gboolean sm_validate_key            (const char  *text,
                                     char       **normalised,
                                     GError     **error);

gboolean sm_date_parse              (const char  *text,
                                     GDate       *date);
char    *sm_postcode_area           (const char  *postcode);

G_END_DECLS
