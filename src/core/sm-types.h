/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SmRecord     SmRecord;
typedef struct _SmProgramme  SmProgramme;
typedef struct _SmStudent    SmStudent;
typedef struct _SmCompany    SmCompany;
typedef struct _SmOffer      SmOffer;
typedef struct _SmPlacement  SmPlacement;
typedef struct _SmDecision   SmDecision;
typedef struct _SmStore      SmStore;
typedef struct _SmSqliteStore SmSqliteStore;
typedef struct _SmContext    SmContext;

G_END_DECLS
