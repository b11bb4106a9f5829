/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-store.h"

G_BEGIN_DECLS

/**
 * SmDemoOptions:
 * @n_students: how many students to make
 * @n_offers: how many internship offers to make
 * @seed: the same seed gives the same data
 */
typedef struct
{
  guint   n_students;
  guint   n_offers;
  guint64 seed;
} SmDemoOptions;

gboolean sm_demo_generate (SmStore              *store,
                           const SmDemoOptions  *options,
                           GError              **error);

G_END_DECLS
