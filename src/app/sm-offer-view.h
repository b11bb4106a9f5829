/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sm-store.h"

G_BEGIN_DECLS

#define SM_TYPE_OFFER_VIEW (sm_offer_view_get_type ())
G_DECLARE_FINAL_TYPE (SmOfferView, sm_offer_view, SM, OFFER_VIEW, GtkWidget)

GtkWidget  *sm_offer_view_new                 (void);
SmStore    *sm_offer_view_get_store           (SmOfferView *self);
void        sm_offer_view_set_store           (SmOfferView *self,
                                               SmStore     *store);
GListModel *sm_offer_view_get_model           (SmOfferView *self);
SmRecord   *sm_offer_view_get_selected_record (SmOfferView *self);
void        sm_offer_view_focus_search        (SmOfferView *self);

G_END_DECLS
