/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sm-offer-detail.h"
#include "sm-offer-view.h"
#include "sm-status-page.h"

G_BEGIN_DECLS

/* SmOfferView is split by concern: the models of the tree, the search
 * and the filters in sm-offer-view.c; the index of offers by company and
 * the store's counts in sm-offer-view-index.c; the cells and the sorting
 * in sm-offer-view-cells.c; adding, editing and deleting companies and
 * offers in sm-offer-view-actions.c. */

typedef enum
{
  COLUMN_NAME = 1,
  COLUMN_SECTOR,
  COLUMN_TOWN,
  COLUMN_LEVELS,
  COLUMN_PLACES,
  COLUMN_PERIOD,
  COLUMN_STATUS,
  COLUMN_OFFERS,
} Column;

typedef struct
{
  gint64      company_id;
  GListStore *offers;   /* the same as items, made when the company's row first asks */
  GPtrArray  *items;    /* the offers of the company, in id order; empty until they are read */
  GPtrArray  *pending;  /* while the index is rebuilt */
  /* What the rows show: counted by the store until the offers are read,
   * then taken from items */
  guint       n_offers;
  guint       n_places;
} CompanyEntry;

struct _SmOfferView
{
  GtkWidget            parent_instance;

  SmStore             *store;
  gboolean             loaded;           /* the store's companies have been read */
  GListModel          *companies;
  GListModel          *offers;           /* NULL until the offers are read, after the first frame */
  GHashTable          *entries;          /* company id → CompanyEntry */
  gboolean             probing;          /* a row asks whether it opens, and does not open */
  guint                figures_idle_id;
  /* What the search looks in, made when it is first needed */
  gboolean             texts_ready;
  guint                texts_idle_id;
  GHashTable          *company_text;     /* company id → casefolded name, KvK number, town */
  GHashTable          *offer_text;       /* SmOffer → casefolded title */
  GHashTable          *collation;        /* SmRecord → collation keys of the text columns */

  /* The store's companies → sorted → searched → remade → tree, in which
   * each opened company has its own offers, searched and sorted. */
  GtkSorter           *sorter;           /* the column view's, for companies and offers */
  GtkSortListModel    *sort_model;
  GtkCustomFilter     *company_filter;
  GtkFilterListModel  *company_model;    /* the companies shown */
  GtkCustomFilter     *offer_filter;     /* shared by the offers of every opened company */
  GtkCustomFilter     *remake_filter;
  GtkFilterListModel  *remake_model;
  GHashTable          *remaking;         /* ids of companies whose rows are made anew */
  GtkTreeListModel    *tree_model;
  GtkSingleSelection  *selection;
  GHashTable          *bound_cells;      /* GtkListItem → Column */
  GHashTable          *auto_expanded;    /* ids of companies opened by a search */
  GHashTable          *expanded;         /* ids of opened companies, while rows are made anew */
  SmRecord            *selected_record;
  SmRecord            *reselect;         /* selected while rows are made anew */
  char                *search;           /* casefolded, never NULL */

  /* Filters; -1 when they let everything through */
  int                  sector_filter;
  int                  status_filter;

  /* Template children */
  GtkStack            *stack;
  GtkStack            *results_stack;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *sector_column;
  GtkColumnViewColumn *town_column;
  GtkColumnViewColumn *levels_column;
  GtkColumnViewColumn *places_column;
  GtkColumnViewColumn *period_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *offers_column;
  GtkDropDown         *sector_dropdown;
  GtkDropDown         *status_dropdown;
  SmStatusPage        *empty_page;
  SmOfferDetail       *detail;
};

static inline char *
_sm_offer_view_casefold (const char *text)
{
  return g_utf8_casefold (text != NULL ? text : "", -1);
}

CompanyEntry *_sm_offer_view_lookup_entry        (SmOfferView    *self,
                                                  gint64          company_id);
void          _sm_offer_view_ensure_offers       (SmOfferView    *self);
SmRecord     *_sm_offer_view_get_selected_company (SmOfferView   *self);
void          _sm_offer_view_select_record       (SmOfferView    *self,
                                                  SmRecord       *record);

char         *_sm_offer_view_format_count        (guint           n);
void          _sm_offer_view_cells_class_init    (GtkWidgetClass *widget_class);
void          _sm_offer_view_cells_init          (SmOfferView    *self);
void          _sm_offer_view_refresh_cells       (SmOfferView    *self);
void          _sm_offer_view_refresh_expanders   (SmOfferView    *self);
void          _sm_offer_view_resort              (SmOfferView    *self);

void          _sm_offer_view_actions_class_init  (GtkWidgetClass *widget_class);
void          _sm_offer_view_update_actions      (SmOfferView    *self);

void          _sm_offer_view_company_entry_free  (gpointer        data);
gboolean      _sm_offer_view_apply_counts        (SmOfferView    *self,
                                                  GHashTable     *counts);
GHashTable   *_sm_offer_view_count_offers        (SmOfferView    *self,
                                                  GError        **error);
gboolean      _sm_offer_view_rebuild_index       (SmOfferView    *self);

G_END_DECLS
