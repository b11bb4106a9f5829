/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-offer-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sm-company.h"
#include "sm-format.h"
#include "sm-offer-view-private.h"
#include "sm-offer.h"
#include "sm-sector.h"

/*
 * SmOfferView:
 *
 * The companies of a store in a sortable tree, each with its internship
 * offers beneath it, a search entry that narrows it down as the
 * coordinator types, and drop-downs that keep only one sector or one
 * offer status. It reads the store's list models and counts; it never
 * asks the database itself.
 *
 * When it is first shown it reads the companies and has the store count
 * each company's offers and their places: that is all its first frame
 * shows. The offers themselves are read once that frame is on screen, or
 * as soon as something needs them: a company opened, a search, a filter.
 * Until then the figures are counted again whenever offers change.
 *
 * The offers of each company come from an index over the store's list of
 * offers. When that list changes the index is rebuilt and each company's
 * list of offers is changed only where it differs, so the rows on screen
 * stay as they are.
 *
 * The search filters the flat list of companies before the tree sees it,
 * and each opened company's own short list of offers: a keystroke costs
 * the tree only the companies that come or go, however many offers the
 * school has.
 */

/* A search or a filter that leaves at most this many companies shows them
 * opened, with their offers. */
#define AUTO_EXPAND_MAX 25

G_DEFINE_FINAL_TYPE (SmOfferView, sm_offer_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The search texts */

static void
rebuild_company_text (SmOfferView *self)
{
  guint n = self->companies != NULL ? g_list_model_get_n_items (self->companies) : 0;

  g_hash_table_remove_all (self->company_text);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmCompany) company = g_list_model_get_item (self->companies, i);
      SmRecord *record = SM_RECORD (company);
      gint64 id = sm_record_get_id (record);
      g_autofree char *text = NULL;

      /* One line per field, so that a search never matches across two. */
      text = g_strjoin ("\n",
                        sm_company_get_name (company) != NULL ? sm_company_get_name (company) : "",
                        sm_company_get_kvk_number (company) != NULL ? sm_company_get_kvk_number (company) : "",
                        sm_record_get_string (record, SM_COMPANY_FIELD_CITY) != NULL
                        ? sm_record_get_string (record, SM_COMPANY_FIELD_CITY) : "",
                        NULL);
      g_hash_table_insert (self->company_text, g_memdup2 (&id, sizeof id), _sm_offer_view_casefold (text));
    }
}

static void
rebuild_offer_text (SmOfferView *self)
{
  guint n = self->offers != NULL ? g_list_model_get_n_items (self->offers) : 0;

  g_hash_table_remove_all (self->offer_text);
  for (guint i = 0; i < n; i++)
    {
      SmOffer *offer = g_list_model_get_item (self->offers, i);

      /* The table holds the reference. */
      g_hash_table_insert (self->offer_text, offer, _sm_offer_view_casefold (sm_offer_get_title (offer)));
    }
}

/* The texts are made when the search first needs them, or once the
 * first frame is on screen, and are then kept up to date. */
static void
ensure_texts (SmOfferView *self)
{
  g_clear_handle_id (&self->texts_idle_id, g_source_remove);
  if (self->texts_ready)
    return;

  _sm_offer_view_ensure_offers (self);
  rebuild_company_text (self);
  rebuild_offer_text (self);
  self->texts_ready = TRUE;
}

static gboolean
texts_idle_cb (gpointer user_data)
{
  SmOfferView *self = user_data;

  self->texts_idle_id = 0;
  ensure_texts (self);

  return G_SOURCE_REMOVE;
}

/* Once the list is on screen, so that a company opened or a search typed
 * later finds the offers and the texts ready. */
static void
on_after_paint_cb (SmOfferView   *self,
                   GdkFrameClock *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, self);
  if (!self->texts_ready && self->texts_idle_id == 0)
    self->texts_idle_id = g_idle_add_full (G_PRIORITY_LOW, texts_idle_cb, self, NULL);
}

/* Filtering */

static gboolean
filters_are_active (SmOfferView *self)
{
  return self->search[0] != '\0' || self->sector_filter >= 0 || self->status_filter >= 0;
}

static gboolean
company_text_matches (SmOfferView *self,
                      gint64       company_id)
{
  const char *text = g_hash_table_lookup (self->company_text, &company_id);

  return text != NULL && strstr (text, self->search) != NULL;
}

/* @company_matches: whether the search found the offer's company, which
 * then shows all its offers. */
static gboolean
offer_passes (SmOfferView *self,
              SmOffer     *offer,
              gboolean     company_matches)
{
  const char *text;

  if (self->status_filter >= 0 && (int) sm_offer_get_status (offer) != self->status_filter)
    return FALSE;
  if (self->sector_filter >= 0 &&
      sm_record_get_int (SM_RECORD (offer), SM_OFFER_FIELD_SECTOR) != self->sector_filter)
    return FALSE;
  if (self->search[0] == '\0' || company_matches)
    return TRUE;

  text = g_hash_table_lookup (self->offer_text, offer);
  return text != NULL && strstr (text, self->search) != NULL;
}

static gboolean
match_offer (gpointer item,
             gpointer user_data)
{
  SmOfferView *self = user_data;
  SmOffer *offer = item;

  if (!filters_are_active (self))
    return TRUE;

  return offer_passes (self, offer,
                       self->search[0] != '\0' &&
                       company_text_matches (self, sm_offer_get_company_id (offer)));
}

/* A company shows when it matches by itself, or when one of its offers
 * does. An offer status asks for offers: a company without one that has
 * it does not show. */
static gboolean
match_company (gpointer item,
               gpointer user_data)
{
  SmOfferView *self = user_data;
  SmRecord *company = item;
  gint64 id = sm_record_get_id (company);
  CompanyEntry *entry;
  gboolean company_matches;

  if (!filters_are_active (self))
    return TRUE;

  company_matches = self->search[0] == '\0' || company_text_matches (self, id);
  if (company_matches && self->status_filter < 0 &&
      (self->sector_filter < 0 || sm_record_get_int (company, SM_COMPANY_FIELD_SECTOR) == self->sector_filter))
    return TRUE;

  entry = _sm_offer_view_lookup_entry (self, id);
  if (entry == NULL)
    return FALSE;

  for (guint i = 0; i < entry->items->len; i++)
    if (offer_passes (self, entry->items->pdata[i], self->search[0] != '\0' && company_matches))
      return TRUE;

  return FALSE;
}

/* The offers beneath a company: its own, searched and sorted. */
static GListModel *
create_offers_model (gpointer item,
                     gpointer user_data)
{
  SmOfferView *self = user_data;
  CompanyEntry *entry;
  GtkFilterListModel *filtered;

  if (!SM_IS_COMPANY (item))
    return NULL;

  /* The tree asks both when a row opens and when a row only wants to
   * know whether it can: only an opened row needs the offers. */
  if (!self->probing)
    _sm_offer_view_ensure_offers (self);

  /* Without offers there is nothing to open. */
  entry = _sm_offer_view_lookup_entry (self, sm_record_get_id (item));
  if (entry == NULL || entry->n_offers == 0)
    return NULL;

  if (entry->offers == NULL)
    {
      entry->offers = g_list_store_new (SM_TYPE_OFFER);
      g_list_store_splice (entry->offers, 0, 0, entry->items->pdata, entry->items->len);
    }

  /* Only asked whether it opens: the tree lets go of the model at once. */
  if (self->probing)
    return g_object_ref (G_LIST_MODEL (entry->offers));

  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (entry->offers)),
                                        g_object_ref (GTK_FILTER (self->offer_filter)));
  return G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (self->sorter)));
}

static gint64
get_row_id (GtkTreeListRow *row)
{
  g_autoptr(SmRecord) record = gtk_tree_list_row_get_item (row);

  return sm_record_get_id (record);
}

/* The rows of the tree are made anew, closed and unselected, when the
 * companies are sorted or searched again: the companies the coordinator
 * opened and the row they selected are noted before and put back after. */
static void
save_rows (SmOfferView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->remake_model));

  g_set_object (&self->reselect, self->selected_record);
  g_hash_table_remove_all (self->expanded);

  /* Nothing is open. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)) == n)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i);

      if (gtk_tree_list_row_get_expanded (row))
        {
          gint64 id = get_row_id (row);

          g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
        }
    }
}

static void
restore_rows (SmOfferView *self)
{
  g_autoptr(SmRecord) reselect = g_steal_pointer (&self->reselect);

  if (g_hash_table_size (self->expanded) > 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->remake_model));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i);
          gint64 id = get_row_id (row);

          if (g_hash_table_contains (self->expanded, &id))
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
      g_hash_table_remove_all (self->expanded);
    }

  if (reselect != NULL && self->selected_record == NULL)
    _sm_offer_view_select_record (self, reselect);
}

static void
on_sorter_changed_cb (SmOfferView *self)
{
  save_rows (self);
}

static void
on_sorter_changed_after_cb (SmOfferView *self)
{
  restore_rows (self);
}

/* Rows made anew. A row of the tree decides once whether it opens, so a
 * company that got its first offer, or lost its last, is taken out of the
 * tree and put back. */

static gboolean
match_remade (gpointer item,
              gpointer user_data)
{
  SmOfferView *self = user_data;
  gint64 id = sm_record_get_id (item);

  return !g_hash_table_contains (self->remaking, &id);
}

static void
remake_rows (SmOfferView *self)
{
  if (g_hash_table_size (self->remaking) == 0)
    return;

  save_rows (self);
  gtk_filter_changed (GTK_FILTER (self->remake_filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_hash_table_remove_all (self->remaking);
  gtk_filter_changed (GTK_FILTER (self->remake_filter), GTK_FILTER_CHANGE_LESS_STRICT);
  restore_rows (self);
}

static void
collapse_auto_expanded (SmOfferView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->remake_model));

  if (g_hash_table_size (self->auto_expanded) == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i);
      gint64 id;

      if (!gtk_tree_list_row_get_expanded (row))
        continue;
      id = get_row_id (row);
      if (g_hash_table_contains (self->auto_expanded, &id))
        gtk_tree_list_row_set_expanded (row, FALSE);
    }

  g_hash_table_remove_all (self->auto_expanded);
}

/* A few companies found show their offers at once; a long list stays
 * closed, so that the coordinator can still read it. */
static void
expand_results (SmOfferView *self)
{
  guint n;

  if (!filters_are_active (self))
    {
      collapse_auto_expanded (self);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->remake_model));
  if (n > AUTO_EXPAND_MAX)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i);
      gint64 id;

      if (row == NULL || gtk_tree_list_row_get_expanded (row) || !gtk_tree_list_row_is_expandable (row))
        continue;

      id = get_row_id (row);
      gtk_tree_list_row_set_expanded (row, TRUE);
      g_hash_table_add (self->auto_expanded, g_memdup2 (&id, sizeof id));
    }
}

static void
filters_changed (SmOfferView     *self,
                 GtkFilterChange  change)
{
  save_rows (self);
  /* The companies first: the offers of those that go need no look. */
  gtk_filter_changed (GTK_FILTER (self->company_filter), change);
  gtk_filter_changed (GTK_FILTER (self->offer_filter), change);
  restore_rows (self);
  expand_results (self);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      SmOfferView    *self)
{
  g_autofree char *old = g_steal_pointer (&self->search);
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkFilterChange change;

  self->search = g_utf8_casefold (stripped, -1);
  if (g_str_equal (old, self->search))
    return;

  /* The search looks in the offers too. */
  if (self->search[0] != '\0')
    ensure_texts (self);

  /* Typing on narrows the rows already shown, deleting widens them: the
   * filter models then only look at the rows that can change. */
  if (strstr (self->search, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old, self->search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  filters_changed (self, change);
}

static void
on_stop_search_cb (GtkSearchEntry *entry,
                   SmOfferView    *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
set_choice_filter (SmOfferView *self,
                   int         *filter,
                   guint        selected)
{
  int old = *filter;

  *filter = selected != GTK_INVALID_LIST_POSITION && selected > 0 ? (int) selected - 1 : -1;
  if (old == *filter)
    return;

  /* A company shows when one of its offers passes. */
  if (*filter >= 0)
    _sm_offer_view_ensure_offers (self);

  filters_changed (self,
                   old < 0 ? GTK_FILTER_CHANGE_MORE_STRICT :
                   *filter < 0 ? GTK_FILTER_CHANGE_LESS_STRICT :
                   GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_sector_selected_cb (SmOfferView *self)
{
  set_choice_filter (self, &self->sector_filter, gtk_drop_down_get_selected (self->sector_dropdown));
}

static void
on_status_selected_cb (SmOfferView *self)
{
  set_choice_filter (self, &self->status_filter, gtk_drop_down_get_selected (self->status_dropdown));
}

static void
setup_dropdown (SmOfferView   *self,
                GtkDropDown   *dropdown,
                GtkStringList *choices,
                const char    *accessible_label,
                GCallback      callback)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (dropdown, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_signal_connect_object (dropdown, "notify::selected", callback, self, G_CONNECT_SWAPPED);
}

static void
setup_filters (SmOfferView *self)
{
  g_autoptr(GtkStringList) sectors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  /* The same order as the filter values: "All …", then the enumeration. */
  gtk_string_list_append (sectors, _("All sectors"));
  for (SmSector sector = 0; sector < SM_N_SECTORS; sector++)
    gtk_string_list_append (sectors, sm_sector_get_display_name (sector));
  setup_dropdown (self, self->sector_dropdown, sectors, _("Sector filter"),
                  G_CALLBACK (on_sector_selected_cb));

  gtk_string_list_append (statuses, _("All offer statuses"));
  for (SmOfferStatus status = SM_OFFER_STATUS_DRAFT; status <= SM_OFFER_STATUS_CLOSED; status++)
    gtk_string_list_append (statuses, sm_offer_status_get_display_name (status));
  setup_dropdown (self, self->status_dropdown, statuses, _("Offer status filter"),
                  G_CALLBACK (on_status_selected_cb));
}

/* State */

static void
update_state (SmOfferView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *total_text = NULL;
  guint total;
  guint shown;

  if (self->companies == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  total = g_list_model_get_n_items (self->companies);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->company_model));

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, shown > 0 || total == 0 ? "results" : "no-results");

  total_text = sm_format_count (total);
  if (shown == total)
    /* Translators: %s is a number, such as "4,000". */
    text = g_strdup_printf (ngettext ("%s company", "%s companies", total), total_text);
  else
    {
      g_autofree char *shown_text = sm_format_count (shown);

      /* Translators: the search shows the first number of companies out
       * of the second, such as "3 of 4,000 companies". */
      text = g_strdup_printf (ngettext ("%s of %s company", "%s of %s companies", total),
                              shown_text, total_text);
    }

  gtk_label_set_label (self->count_label, text);
}

static void
on_shown_changed_cb (SmOfferView *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *model)
{
  if (removed != added)
    update_state (self);
}

static void
on_companies_changed_cb (SmOfferView *self,
                         guint        position,
                         guint        removed,
                         guint        added,
                         GListModel  *model)
{
  /* Before the filter sees the new companies: it searches this text. */
  if (self->texts_ready)
    rebuild_company_text (self);
  g_hash_table_remove_all (self->collation);
  if (removed != added)
    update_state (self);
}

static void
offers_changed (SmOfferView *self)
{
  _sm_offer_view_rebuild_index (self);
  if (self->texts_ready)
    rebuild_offer_text (self);
  _sm_offer_view_refresh_cells (self);
  if (filters_are_active (self))
    filters_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
  remake_rows (self);
  _sm_offer_view_resort (self);
}

/* The rows show new figures, in a new order. */
static void
figures_changed (SmOfferView *self)
{
  _sm_offer_view_refresh_cells (self);
  remake_rows (self);
  _sm_offer_view_resort (self);
}

static gboolean
figures_idle_cb (gpointer user_data)
{
  SmOfferView *self = user_data;

  self->figures_idle_id = 0;
  figures_changed (self);

  return G_SOURCE_REMOVE;
}

/* Before the offers are read: the store counts them again. */
static void
recount_offers (SmOfferView *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;

  counts = _sm_offer_view_count_offers (self, &error);
  if (counts == NULL)
    {
      /* The figures stay as they were; reading the offers sets them. */
      g_debug ("The offers could not be counted: %s", error->message);
      return;
    }

  if (_sm_offer_view_apply_counts (self, counts) || g_hash_table_size (self->remaking) > 0)
    figures_changed (self);
}

static void
on_offers_changed_cb (SmOfferView *self,
                      guint        position,
                      guint        removed,
                      guint        added,
                      GListModel  *model)
{
  offers_changed (self);
}

/**
 * _sm_offer_view_ensure_offers:
 *
 * Reads the store's offers, if they have not been read, and puts them
 * under their companies. The rows already show the counted figures; they
 * change only if the offers say otherwise.
 */
void
_sm_offer_view_ensure_offers (SmOfferView *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *offers;

  if (self->offers != NULL || self->companies == NULL || self->store == NULL)
    return;

  offers = sm_store_list (self->store, SM_TYPE_OFFER, &error);
  if (offers == NULL)
    {
      /* The companies still show, with their counted figures. */
      g_debug ("The offers could not be read: %s", error->message);
      return;
    }

  self->offers = g_object_ref (offers);
  g_signal_connect_object (offers, "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->texts_ready)
    rebuild_offer_text (self);

  if (!_sm_offer_view_rebuild_index (self) && g_hash_table_size (self->remaking) == 0)
    return;

  /* The tree may be opening a row: the rows are made anew after that. */
  if (self->figures_idle_id == 0)
    self->figures_idle_id = g_idle_add (figures_idle_cb, self);
}

static void
on_store_changed_cb (SmStore     *store,
                     GType        record_type,
                     SmOfferView *self)
{
  /* Records also change in place, without items-changed: names, titles,
   * statuses and an offer's company. */
  if (record_type == SM_TYPE_OFFER)
    {
      if (self->offers != NULL)
        offers_changed (self);
      else
        recount_offers (self);
      return;
    }
  if (record_type != SM_TYPE_COMPANY)
    return;

  if (self->texts_ready)
    rebuild_company_text (self);
  _sm_offer_view_refresh_cells (self);
  if (filters_are_active (self))
    filters_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
  _sm_offer_view_resort (self);
}

static void
clear_models (SmOfferView *self)
{
  if (self->companies != NULL)
    g_signal_handlers_disconnect_by_data (self->companies, self);
  if (self->offers != NULL)
    g_signal_handlers_disconnect_by_data (self->offers, self);
  if (self->company_model != NULL)
    g_signal_handlers_disconnect_by_data (self->company_model, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  if (self->sort_model != NULL)
    gtk_sort_list_model_set_model (self->sort_model, NULL);
  g_clear_object (&self->companies);
  g_clear_object (&self->offers);
  if (self->entries != NULL)
    g_hash_table_remove_all (self->entries);
  if (self->company_text != NULL)
    g_hash_table_remove_all (self->company_text);
  if (self->offer_text != NULL)
    g_hash_table_remove_all (self->offer_text);
  self->texts_ready = FALSE;
  g_clear_handle_id (&self->texts_idle_id, g_source_remove);
  g_clear_handle_id (&self->figures_idle_id, g_source_remove);
  if (self->collation != NULL)
    g_hash_table_remove_all (self->collation);
  if (self->remaking != NULL)
    g_hash_table_remove_all (self->remaking);
  if (self->auto_expanded != NULL)
    g_hash_table_remove_all (self->auto_expanded);
  self->loaded = FALSE;
}

static void
load_store (SmOfferView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;
  GListModel *companies;

  self->loaded = TRUE;
  sm_offer_detail_set_store (self->detail, self->store);

  if (self->store == NULL)
    {
      sm_status_page_set_description (self->empty_page, _("No database is open."));
      update_state (self);
      _sm_offer_view_update_actions (self);
      return;
    }

  companies = sm_store_list (self->store, SM_TYPE_COMPANY, &error);
  if (companies != NULL)
    counts = _sm_offer_view_count_offers (self, &error);
  if (counts == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the reason, as the database gave it. */
      text = g_strdup_printf (_("Stagematch could not read the companies and offers: %s"), error->message);
      sm_status_page_set_title (self->empty_page, _("Companies Could Not Be Read"));
      sm_status_page_set_description (self->empty_page, text);
      update_state (self);
      _sm_offer_view_update_actions (self);
      return;
    }

  /* The figures, and with a search or a filter the offers and the search
   * texts, are ready before the filter looks at the companies; the
   * handlers run before the models' own. */
  _sm_offer_view_apply_counts (self, counts);
  g_hash_table_remove_all (self->remaking);

  self->companies = g_object_ref (companies);
  g_signal_connect_object (companies, "items-changed",
                           G_CALLBACK (on_companies_changed_cb), self, G_CONNECT_SWAPPED);
  if (filters_are_active (self))
    {
      _sm_offer_view_ensure_offers (self);
      if (self->search[0] != '\0')
        ensure_texts (self);
    }
  else if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_after_paint_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed_cb), self, 0);
  g_signal_connect_object (self->company_model, "items-changed",
                           G_CALLBACK (on_shown_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_sort_list_model_set_model (self->sort_model, companies);

  sm_status_page_set_title (self->empty_page, _("No Companies Yet"));
  sm_status_page_set_description (self->empty_page,
                                  _("This database holds no companies or internship offers yet.\n"
                                    "Run “stagematch-cli demo” to fill a new database with made-up "
                                    "companies and offers to try Stagematch with, or add a company "
                                    "with “stagematch-cli add company”."));
  update_state (self);
  expand_results (self);
  _sm_offer_view_update_actions (self);
}

/* The lists are read when the view is first shown, before its first
 * frame: a window that opens on another view does not wait for them. */
static void
sm_offer_view_map (GtkWidget *widget)
{
  SmOfferView *self = SM_OFFER_VIEW (widget);

  if (!self->loaded)
    load_store (self);

  GTK_WIDGET_CLASS (sm_offer_view_parent_class)->map (widget);
}

/* Selection */

static void
on_selected_item_changed_cb (SmOfferView        *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  SmRecord *record = gtk_single_selection_get_selected_item (selection);

  /* The pane is there only while something is selected. */
  sm_offer_detail_set_record (self->detail, record);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), record != NULL);

  if (g_set_object (&self->selected_record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RECORD]);

  _sm_offer_view_update_actions (self);
}

static void
sm_offer_view_dispose (GObject *object)
{
  SmOfferView *self = SM_OFFER_VIEW (object);

  clear_models (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_OFFER_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->remake_model);
  g_clear_object (&self->company_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->remake_filter);
  g_clear_object (&self->company_filter);
  g_clear_object (&self->offer_filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->selected_record);
  g_clear_object (&self->reselect);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_offer_view_parent_class)->dispose (object);
}

static void
sm_offer_view_finalize (GObject *object)
{
  SmOfferView *self = SM_OFFER_VIEW (object);

  g_free (self->search);
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->company_text);
  g_hash_table_unref (self->offer_text);
  g_hash_table_unref (self->collation);
  g_hash_table_unref (self->bound_cells);
  g_hash_table_unref (self->remaking);
  g_hash_table_unref (self->auto_expanded);
  g_hash_table_unref (self->expanded);

  G_OBJECT_CLASS (sm_offer_view_parent_class)->finalize (object);
}

static void
sm_offer_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SmOfferView *self = SM_OFFER_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED_RECORD:
      g_value_set_object (value, self->selected_record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_offer_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SmOfferView *self = SM_OFFER_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sm_offer_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sm_offer_view_focus_search (SM_OFFER_VIEW (widget));
}

static void
sm_offer_view_class_init (SmOfferViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_offer_view_dispose;
  object_class->finalize = sm_offer_view_finalize;
  object_class->get_property = sm_offer_view_get_property;
  object_class->set_property = sm_offer_view_set_property;

  widget_class->map = sm_offer_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SM_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SmOfferView:selected-record:
   *
   * The selected company or offer, or %NULL.
   */
  properties[PROP_SELECTED_RECORD] =
    g_param_spec_object ("selected-record", NULL, NULL,
                         SM_TYPE_RECORD,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SM_TYPE_STATUS_PAGE);
  g_type_ensure (SM_TYPE_OFFER_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stagematch/Stagematch/sm-offer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, stack);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, name_column);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, sector_column);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, town_column);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, levels_column);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, places_column);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, period_column);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, status_column);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, offers_column);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SmOfferView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "offers.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "offers.focus-search", NULL);

  _sm_offer_view_cells_class_init (widget_class);
  _sm_offer_view_actions_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
on_tree_changed_cb (SmOfferView *self)
{
  _sm_offer_view_refresh_expanders (self);
}

static void
sm_offer_view_init (SmOfferView *self)
{
  GtkMultiSorter *sorter;

  self->search = g_strdup ("");
  self->sector_filter = -1;
  self->status_filter = -1;
  /* The key is in the entry. */
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, _sm_offer_view_company_entry_free);
  self->company_text = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->offer_text = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->remaking = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->auto_expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* The template sets the column factories; the model comes after. */
  gtk_widget_init_template (GTK_WIDGET (self));

  _sm_offer_view_cells_init (self);
  setup_filters (self);

  /* The column view's sorter, in one of our own that can be told that
   * the records changed. */
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->sorter = GTK_SORTER (sorter);
  /* Around the models' own handlers, which make the rows anew. */
  g_signal_connect_object (self->sorter, "changed", G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorter, "changed", G_CALLBACK (on_sorter_changed_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->sort_model = gtk_sort_list_model_new (NULL, g_object_ref (self->sorter));
  self->company_filter = gtk_custom_filter_new (match_company, self, NULL);
  self->company_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                   g_object_ref (GTK_FILTER (self->company_filter)));
  self->offer_filter = gtk_custom_filter_new (match_offer, self, NULL);
  self->remake_filter = gtk_custom_filter_new (match_remade, self, NULL);
  self->remake_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->company_model)),
                                                  g_object_ref (GTK_FILTER (self->remake_filter)));
  /* Closed: a company opens when the coordinator or a short search
   * opens it, never thousands at once. */
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->remake_model)),
                                              TRUE, FALSE, create_offers_model, self, NULL);
  g_signal_connect_object (self->tree_model, "items-changed", G_CALLBACK (on_tree_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree_model)));
  /* Nothing is selected until the coordinator picks a row. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Companies by name, as a coordinator looks them up. */
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  _sm_offer_view_update_actions (self);
}

GtkWidget *
sm_offer_view_new (void)
{
  return g_object_new (SM_TYPE_OFFER_VIEW, NULL);
}

/**
 * sm_offer_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store whose companies and
 *   offers are shown
 */
SmStore *
sm_offer_view_get_store (SmOfferView *self)
{
  g_return_val_if_fail (SM_IS_OFFER_VIEW (self), NULL);

  return self->store;
}

void
sm_offer_view_set_store (SmOfferView *self,
                         SmStore     *store)
{
  g_return_if_fail (SM_IS_OFFER_VIEW (self));
  g_return_if_fail (store == NULL || SM_IS_STORE (store));

  if (self->store == store)
    return;

  clear_models (self);
  g_set_object (&self->store, store);
  _sm_offer_view_update_actions (self);

  /* Read at once when shown, or else when first shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_store (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sm_offer_view_get_model:
 *
 * Returns: (transfer none): the companies and offers as shown, searched
 *   and sorted: a #GtkTreeListModel that passes the records through, each
 *   company followed by the offers of an opened company; its rows come
 *   from gtk_tree_list_model_get_row()
 */
GListModel *
sm_offer_view_get_model (SmOfferView *self)
{
  g_return_val_if_fail (SM_IS_OFFER_VIEW (self), NULL);

  return G_LIST_MODEL (self->tree_model);
}

/**
 * sm_offer_view_get_selected_record:
 *
 * Returns: (transfer none) (nullable): the selected company or offer
 */
SmRecord *
sm_offer_view_get_selected_record (SmOfferView *self)
{
  g_return_val_if_fail (SM_IS_OFFER_VIEW (self), NULL);

  return self->selected_record;
}

void
sm_offer_view_focus_search (SmOfferView *self)
{
  g_return_if_fail (SM_IS_OFFER_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
