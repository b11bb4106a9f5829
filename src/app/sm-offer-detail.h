/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-store.h"

G_BEGIN_DECLS

#define SM_TYPE_OFFER_DETAIL (sm_offer_detail_get_type ())
G_DECLARE_FINAL_TYPE (SmOfferDetail, sm_offer_detail, SM, OFFER_DETAIL, GtkWidget)

GtkWidget *sm_offer_detail_new        (void);
SmRecord  *sm_offer_detail_get_record (SmOfferDetail *self);
void       sm_offer_detail_set_record (SmOfferDetail *self,
                                       SmRecord      *record);
SmStore   *sm_offer_detail_get_store  (SmOfferDetail *self);
void       sm_offer_detail_set_store  (SmOfferDetail *self,
                                       SmStore       *store);

G_END_DECLS
