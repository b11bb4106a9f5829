/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sm-candidate.h"
#include "sm-store.h"

G_BEGIN_DECLS

#define SM_TYPE_PROFILE (sm_profile_get_type ())
G_DECLARE_FINAL_TYPE (SmProfile, sm_profile, SM, PROFILE, GObject)

SmProfile          *sm_profile_new                      (SmStore      *store,
                                                         SmCandidate  *candidate,
                                                         GError      **error);

const char         *sm_profile_get_code                 (SmProfile    *self);
const char * const *sm_profile_get_skills               (SmProfile    *self);
const char         *sm_profile_get_distance_band        (SmProfile    *self);
const char         *sm_profile_get_context_note         (SmProfile    *self);
const char         *sm_profile_get_motivation           (SmProfile    *self);

char               *sm_profile_to_json                  (SmProfile    *self,
                                                         GError      **error);
char               *sm_profile_to_xml                   (SmProfile    *self,
                                                         GError      **error);
char               *sm_profile_to_text                  (SmProfile    *self,
                                                         GError      **error);

char               *sm_profile_list_to_json             (GPtrArray    *profiles,
                                                         GError      **error);
char               *sm_profile_list_to_xml              (GPtrArray    *profiles,
                                                         GError      **error);
char               *sm_profile_list_to_text             (GPtrArray    *profiles,
                                                         GError      **error);

const char         *sm_profile_distance_band_for_metres (int           metres);

G_END_DECLS
