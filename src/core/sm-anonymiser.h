/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sm-student.h"

G_BEGIN_DECLS

#define SM_ANONYMISER_ERROR (sm_anonymiser_error_quark ())

typedef enum
{
  SM_ANONYMISER_ERROR_LEAK,       /* an output would show who a student is */
  SM_ANONYMISER_ERROR_WORD_LIST,  /* a word list could not be read */
} SmAnonymiserError;

#define SM_TYPE_ANONYMISER (sm_anonymiser_get_type ())
G_DECLARE_FINAL_TYPE (SmAnonymiser, sm_anonymiser, SM, ANONYMISER, GObject)

GQuark        sm_anonymiser_error_quark             (void);

SmAnonymiser *sm_anonymiser_new                     (GError             **error);
SmAnonymiser *sm_anonymiser_get_default             (void);

char         *sm_anonymiser_scrub                   (SmAnonymiser        *self,
                                                     const char          *text,
                                                     const char * const  *own_names,
                                                     const char * const  *own_places);
gboolean      sm_anonymiser_reveals_origin          (SmAnonymiser        *self,
                                                     const char          *text);

int           sm_anonymiser_find_leak               (SmAnonymiser        *self,
                                                     SmStudent           *student,
                                                     const char          *text);
int           sm_anonymiser_find_leak_of_any        (SmAnonymiser        *self,
                                                     GPtrArray           *students,
                                                     const char          *text,
                                                     guint               *index);
const char   *sm_anonymiser_describe_field          (int                  field);
gboolean      sm_anonymiser_check_output            (SmAnonymiser        *self,
                                                     SmStudent           *student,
                                                     const char          *output,
                                                     GError             **error);

GPtrArray    *sm_anonymiser_find_proxy_requirements (SmAnonymiser        *self,
                                                     const char * const  *requirements,
                                                     const char          *description);

G_END_DECLS
