/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-fairness.h"

G_BEGIN_DECLS

/* SmFairnessReport is split by concern: the report object and computing
 * the signals in sm-fairness.c; rendering it as text and JSON in
 * sm-fairness-output.c. */

struct _SmFairnessReport
{
  GArray         *students;   /* SmFairnessStudent, by id */
  GPtrArray      *companies;  /* SmFairnessCompany, by name */
  GPtrArray      *reviewers;  /* SmFairnessReviewer, by name */
  SmFairnessRate  blind;
  SmFairnessRate  after_reveal;
};

G_END_DECLS
