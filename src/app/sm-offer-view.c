/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-offer-view"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sm-company.h"
#include "sm-level.h"
#include "sm-offer-detail.h"
#include "sm-offer-view.h"
#include "sm-offer.h"
#include "sm-sector.h"
#include "sm-status-page.h"

/*
 * SmOfferView:
 *
 * The companies of a store in a sortable tree, each with its internship
 * offers beneath it, a search entry that narrows it down as the
 * coordinator types, and drop-downs that keep only one sector or one
 * offer status. It reads the store's list models only; it never asks the
 * database itself.
 *
 * The offers of each company come from an index over the store's list of
 * offers. When that list changes the index is rebuilt and each company's
 * list of offers is changed only where it differs, so the rows on screen
 * stay as they are. The search filters the rows of the sorted tree, not
 * the companies beneath it: a search hides and shows rows, and never
 * makes the tree, its opened companies or its order anew.
 */

/* A search or a filter that leaves at most this many companies shows them
 * opened, with their offers. */
#define AUTO_EXPAND_MAX 25

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
  GListStore *offers;   /* of the company, in id order */
  GPtrArray  *items;    /* the same offers, for quick filtering */
  GPtrArray  *pending;  /* while the index is rebuilt */
  guint       n_places;
} CompanyEntry;

struct _SmOfferView
{
  GtkWidget            parent_instance;

  SmStore             *store;
  GListModel          *companies;
  GListModel          *offers;
  GHashTable          *entries;          /* company id → CompanyEntry */
  GHashTable          *company_text;     /* company id → casefolded name, KvK number, town */
  GHashTable          *offer_text;       /* SmOffer → casefolded title */
  GHashTable          *collation;        /* SmRecord → collation keys of the text columns */
  GtkCustomFilter     *company_filter;
  GtkCustomFilter     *row_filter;
  GtkFilterListModel  *company_model;    /* the companies shown, to count them */
  GtkFilterListModel  *root_model;       /* the companies, whatever the store */
  GtkTreeListModel    *tree_model;
  GtkSortListModel    *sort_model;
  GtkSorter           *row_sorter;
  GtkFilterListModel  *row_model;        /* the rows shown */
  GHashTable          *bound_cells;      /* GtkListItem → Column */
  GHashTable          *auto_expanded;    /* ids of companies opened by a search */
  SmRecord            *selected_record;
  char                *search;           /* casefolded, never NULL */

  /* Filters; -1 when they let everything through */
  int                  sector_filter;
  int                  status_filter;
  gboolean             filtering_rows;

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

G_DEFINE_FINAL_TYPE (SmOfferView, sm_offer_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
company_entry_free (gpointer data)
{
  CompanyEntry *entry = data;

  g_object_unref (entry->offers);
  g_ptr_array_unref (entry->items);
  g_ptr_array_unref (entry->pending);
  g_free (entry);
}

static CompanyEntry *
lookup_entry (SmOfferView *self,
              gint64       company_id)
{
  return self->entries != NULL ? g_hash_table_lookup (self->entries, &company_id) : NULL;
}

static CompanyEntry *
ensure_entry (SmOfferView *self,
              gint64       company_id)
{
  CompanyEntry *entry = lookup_entry (self, company_id);

  if (entry == NULL)
    {
      entry = g_new0 (CompanyEntry, 1);
      entry->offers = g_list_store_new (SM_TYPE_OFFER);
      entry->items = g_ptr_array_new_with_free_func (g_object_unref);
      entry->pending = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->entries, g_memdup2 (&company_id, sizeof company_id), entry);
    }

  return entry;
}

static char *
casefold (const char *text)
{
  return g_utf8_casefold (text != NULL ? text : "", -1);
}

/* The index */

static void refresh_cells (SmOfferView *self,
                           gboolean     expanders);

/* Puts each offer under its company. Returns whether a company got its
 * first offer or lost its last, which changes whether it opens. */
static gboolean
rebuild_index (SmOfferView *self)
{
  GHashTableIter iter;
  gpointer value;
  gboolean expandable_changed = FALSE;
  guint n = self->offers != NULL ? g_list_model_get_n_items (self->offers) : 0;

  g_hash_table_remove_all (self->offer_text);

  for (guint i = 0; i < n; i++)
    {
      SmOffer *offer = g_list_model_get_item (self->offers, i);
      CompanyEntry *entry = ensure_entry (self, sm_offer_get_company_id (offer));

      /* Both hold a reference. */
      g_hash_table_insert (self->offer_text, offer, casefold (sm_offer_get_title (offer)));
      g_ptr_array_add (entry->pending, g_object_ref (offer));
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CompanyEntry *entry = value;
      GPtrArray *swap;
      gboolean same = entry->items->len == entry->pending->len;

      for (guint i = 0; same && i < entry->items->len; i++)
        same = entry->items->pdata[i] == entry->pending->pdata[i];

      if (!same)
        {
          if ((entry->items->len == 0) != (entry->pending->len == 0))
            expandable_changed = TRUE;
          g_list_store_splice (entry->offers, 0, entry->items->len,
                               entry->pending->pdata, entry->pending->len);
        }

      swap = entry->items;
      entry->items = entry->pending;
      entry->pending = swap;
      g_ptr_array_set_size (entry->pending, 0);

      entry->n_places = 0;
      for (guint i = 0; i < entry->items->len; i++)
        entry->n_places += sm_offer_get_places (entry->items->pdata[i]);
    }

  return expandable_changed;
}

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
      g_hash_table_insert (self->company_text, g_memdup2 (&id, sizeof id), casefold (text));
    }
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

  entry = lookup_entry (self, id);
  if (entry == NULL)
    return FALSE;

  for (guint i = 0; i < entry->items->len; i++)
    if (offer_passes (self, entry->items->pdata[i], self->search[0] != '\0' && company_matches))
      return TRUE;

  return FALSE;
}

static gboolean
match_row (gpointer item,
           gpointer user_data)
{
  g_autoptr(GObject) record = gtk_tree_list_row_get_item (item);

  if (SM_IS_COMPANY (record))
    return match_company (record, user_data);

  return match_offer (record, user_data);
}

static GListModel *
create_offers_model (gpointer item,
                     gpointer user_data)
{
  SmOfferView *self = user_data;
  CompanyEntry *entry;

  if (!SM_IS_COMPANY (item))
    return NULL;

  /* Without offers there is nothing to open. */
  entry = lookup_entry (self, sm_record_get_id (item));
  if (entry == NULL || entry->items->len == 0)
    return NULL;

  return g_object_ref (G_LIST_MODEL (entry->offers));
}

static gint64
get_row_company_id (GtkTreeListRow *row)
{
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  return SM_IS_COMPANY (item) ? sm_record_get_id (SM_RECORD (item)) : -1;
}

static void
collapse_auto_expanded (SmOfferView *self)
{
  guint n;

  if (g_hash_table_size (self->auto_expanded) == 0)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->root_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i);
      gint64 id;

      if (row == NULL || !gtk_tree_list_row_get_expanded (row))
        continue;
      id = get_row_company_id (row);
      if (g_hash_table_contains (self->auto_expanded, &id))
        gtk_tree_list_row_set_expanded (row, FALSE);
    }

  g_hash_table_remove_all (self->auto_expanded);
}

/* The position of @company in the store's list, which is in id order. */
static guint
find_company (SmOfferView *self,
              SmRecord    *company)
{
  gint64 id = sm_record_get_id (company);
  guint lo = 0;
  guint hi = g_list_model_get_n_items (self->companies);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(SmRecord) record = g_list_model_get_item (self->companies, mid);
      gint64 mid_id = sm_record_get_id (record);

      if (mid_id == id)
        return mid;
      if (mid_id < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return GTK_INVALID_LIST_POSITION;
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

  n = g_list_model_get_n_items (G_LIST_MODEL (self->company_model));
  if (self->companies == NULL || n > AUTO_EXPAND_MAX)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRecord) company = g_list_model_get_item (G_LIST_MODEL (self->company_model), i);
      g_autoptr(GtkTreeListRow) row = NULL;
      guint position = find_company (self, company);
      gint64 id;

      if (position != GTK_INVALID_LIST_POSITION)
        row = gtk_tree_list_model_get_child_row (self->tree_model, position);
      if (row == NULL || gtk_tree_list_row_get_expanded (row) || !gtk_tree_list_row_is_expandable (row))
        continue;

      id = sm_record_get_id (company);
      gtk_tree_list_row_set_expanded (row, TRUE);
      g_hash_table_add (self->auto_expanded, g_memdup2 (&id, sizeof id));
    }
}

static void
filters_changed (SmOfferView     *self,
                 GtkFilterChange  change)
{
  gboolean active = filters_are_active (self);

  gtk_filter_changed (GTK_FILTER (self->company_filter), change);

  /* Without a search or a filter every row shows, and the filter model
   * need not look at them. */
  if (active == self->filtering_rows)
    gtk_filter_changed (GTK_FILTER (self->row_filter), change);
  else
    {
      self->filtering_rows = active;
      if (active)
        gtk_custom_filter_set_filter_func (self->row_filter, match_row, self, NULL);
      else
        gtk_custom_filter_set_filter_func (self->row_filter, NULL, NULL, NULL);
    }

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

/* Cell texts */

static char *
format_short_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (text);

  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (text);

  /* Translators: a short date in a table, as in "3 Mar 2026"; see
   * g_date_time_format().
   * xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static char *
format_period (SmOffer *offer)
{
  SmRecord *record = SM_RECORD (offer);
  g_autofree char *start = format_short_date (sm_record_get_string (record, SM_OFFER_FIELD_START_DATE));
  g_autofree char *end = format_short_date (sm_record_get_string (record, SM_OFFER_FIELD_END_DATE));

  if (start == NULL && end == NULL)
    return NULL;

  /* Translators: the period of an internship, from the first date to the
   * second, as in "1 Sep 2026 – 29 Jan 2027". */
  return g_strdup_printf (_("%s – %s"), start != NULL ? start : "", end != NULL ? end : "");
}

static char *
format_levels (SmLevelFlags levels)
{
  GString *text = g_string_new (NULL);

  for (SmLevel level = 0; level < SM_N_LEVELS; level++)
    if (levels & (1u << level))
      {
        if (text->len > 0)
          /* Translators: separates the items of a list, such as skills. */
          g_string_append (text, _(", "));
        g_string_append (text, sm_level_get_short_name (level));
      }

  return g_string_free (text, FALSE);
}

static const char *
get_sector_name (SmRecord *record,
                 guint     field)
{
  SmSector sector = sm_record_get_int (record, field);

  return sector < SM_N_SECTORS ? sm_sector_get_display_name (sector) : NULL;
}

static char *
dup_cell_text (SmOfferView *self,
               gpointer     item,
               Column       column)
{
  SmRecord *record = item;
  gboolean is_company = SM_IS_COMPANY (item);
  CompanyEntry *entry = is_company ? lookup_entry (self, sm_record_get_id (record)) : NULL;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (is_company ? sm_company_get_name (item) : sm_offer_get_title (item));
    case COLUMN_SECTOR:
      return g_strdup (get_sector_name (record, is_company ? SM_COMPANY_FIELD_SECTOR : SM_OFFER_FIELD_SECTOR));
    case COLUMN_TOWN:
      return g_strdup (sm_record_get_string (record, is_company ? SM_COMPANY_FIELD_CITY : SM_OFFER_FIELD_POSTCODE));
    case COLUMN_LEVELS:
      return is_company ? NULL : format_levels (sm_offer_get_levels (item));
    case COLUMN_PLACES:
      if (is_company)
        return entry != NULL && entry->n_places > 0 ? g_strdup_printf ("%u", entry->n_places) : NULL;
      return g_strdup_printf ("%u", sm_offer_get_places (item));
    case COLUMN_PERIOD:
      return is_company ? NULL : format_period (item);
    case COLUMN_STATUS:
      return is_company ? NULL : g_strdup (sm_offer_status_get_display_name (sm_offer_get_status (item)));
    case COLUMN_OFFERS:
      return is_company ? g_strdup_printf ("%u", entry != NULL ? entry->items->len : 0) : NULL;
    default:
      g_assert_not_reached ();
    }
}

/* Cells */

static GtkWidget *
inscription_new (float xalign)
{
  /* GtkInscription does not measure its text: quick with many rows. */
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);

  return cell;
}

static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SmOfferView              *self)
{
  gtk_list_item_set_child (item, inscription_new (0.0f));
}

static void
on_setup_number_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    SmOfferView              *self)
{
  GtkWidget *cell = inscription_new (1.0f);

  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (item, cell);
}

static void
on_setup_name_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SmOfferView              *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *cell = inscription_new (0.0f);

  /* The name takes the width the indentation leaves. */
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), cell);
  gtk_list_item_set_child (item, expander);
}

static void
update_cell (SmOfferView *self,
             GtkListItem *item,
             Column       column,
             gboolean     expander)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autoptr(GObject) record = NULL;
  g_autofree char *text = NULL;

  if (row == NULL)
    return;

  record = gtk_tree_list_row_get_item (row);
  text = dup_cell_text (self, record, column);

  if (column == COLUMN_NAME)
    {
      /* The expander asks again whether the row opens. */
      if (expander)
        gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), NULL);
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), row);
      child = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
bind_cell (SmOfferView *self,
           GtkListItem *item,
           Column       column)
{
  update_cell (self, item, column, FALSE);
  g_hash_table_insert (self->bound_cells, item, GINT_TO_POINTER (column));
}

static void
on_unbind_cell_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SmOfferView              *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), NULL);
  g_hash_table_remove (self->bound_cells, item);
}

#define DEFINE_BIND(name, column)                                 \
  static void                                                     \
  on_bind_##name##_cb (GtkSignalListItemFactory *factory,         \
                       GtkListItem              *item,            \
                       SmOfferView              *self)            \
  {                                                               \
    bind_cell (self, item, column);                               \
  }

DEFINE_BIND (name, COLUMN_NAME)
DEFINE_BIND (sector, COLUMN_SECTOR)
DEFINE_BIND (town, COLUMN_TOWN)
DEFINE_BIND (levels, COLUMN_LEVELS)
DEFINE_BIND (places, COLUMN_PLACES)
DEFINE_BIND (period, COLUMN_PERIOD)
DEFINE_BIND (status, COLUMN_STATUS)
DEFINE_BIND (offers, COLUMN_OFFERS)

/* Only the cells on screen: the rows stay as they are. */
static void
refresh_cells (SmOfferView *self,
               gboolean     expanders)
{
  GHashTableIter iter;
  gpointer item, column;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, &column))
    update_cell (self, item, GPOINTER_TO_INT (column), expanders);
}

/* Sorting; a company and an offer are never compared, only siblings.
 * Custom sorters with cached collation keys: a string sorter would make
 * the keys anew for every comparison of the tree's rows. */

#define N_TEXT_COLUMNS 3  /* name, sector and town */

static void
collation_keys_free (gpointer data)
{
  char **keys = data;

  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    g_free (keys[i]);
  g_free (keys);
}

static const char *
get_collation_key (SmOfferView *self,
                   SmRecord    *record,
                   Column       column)
{
  char **keys = g_hash_table_lookup (self->collation, record);
  guint index = column - COLUMN_NAME;

  g_assert (index < N_TEXT_COLUMNS);

  if (keys == NULL)
    {
      keys = g_new0 (char *, N_TEXT_COLUMNS);
      g_hash_table_insert (self->collation, record, keys);
    }

  if (keys[index] == NULL)
    {
      g_autofree char *text = dup_cell_text (self, record, column);
      g_autofree char *folded = casefold (text);

      keys[index] = g_utf8_collate_key (folded, -1);
    }

  return keys[index];
}

static int
compare_uint (guint a,
              guint b)
{
  return (a > b) - (a < b);
}

static int
compare_name (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (get_collation_key (user_data, (SmRecord *) a, COLUMN_NAME),
                 get_collation_key (user_data, (SmRecord *) b, COLUMN_NAME));
}

static int
compare_sector (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return strcmp (get_collation_key (user_data, (SmRecord *) a, COLUMN_SECTOR),
                 get_collation_key (user_data, (SmRecord *) b, COLUMN_SECTOR));
}

static int
compare_town (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (get_collation_key (user_data, (SmRecord *) a, COLUMN_TOWN),
                 get_collation_key (user_data, (SmRecord *) b, COLUMN_TOWN));
}

static const char *
get_start_date (gpointer record)
{
  const char *date = NULL;

  if (SM_IS_OFFER (record))
    date = sm_record_get_string ((SmRecord *) record, SM_OFFER_FIELD_START_DATE);

  return date != NULL ? date : "";
}

static int
compare_period (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  /* ISO dates sort as they are. */
  return strcmp (get_start_date ((gpointer) a), get_start_date ((gpointer) b));
}

static guint
get_lowest_level (gpointer record)
{
  if (!SM_IS_OFFER (record))
    return 0;

  return g_bit_nth_lsf (sm_offer_get_levels ((SmOffer *) record), -1) + 1;
}

static int
compare_levels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_uint (get_lowest_level ((gpointer) a), get_lowest_level ((gpointer) b));
}

static guint
get_places (SmOfferView *self,
            gpointer     record)
{
  CompanyEntry *entry;

  if (SM_IS_OFFER (record))
    return sm_offer_get_places ((SmOffer *) record);

  entry = lookup_entry (self, sm_record_get_id ((SmRecord *) record));
  return entry != NULL ? entry->n_places : 0;
}

static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_uint (get_places (user_data, (gpointer) a), get_places (user_data, (gpointer) b));
}

static guint
get_status (gpointer record)
{
  return SM_IS_OFFER (record) ? sm_offer_get_status ((SmOffer *) record) : 0;
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_uint (get_status ((gpointer) a), get_status ((gpointer) b));
}

static guint
get_n_offers (SmOfferView *self,
              gpointer     record)
{
  CompanyEntry *entry;

  if (!SM_IS_COMPANY (record))
    return 0;

  entry = lookup_entry (self, sm_record_get_id ((SmRecord *) record));
  return entry != NULL ? entry->items->len : 0;
}

static int
compare_offers (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_uint (get_n_offers (user_data, (gpointer) a), get_n_offers (user_data, (gpointer) b));
}

static void
set_sorter (SmOfferView         *self,
            GtkColumnViewColumn *column,
            GCompareDataFunc     compare)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, self, NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

/* After the records changed: new texts, new order. */
static void
resort (SmOfferView *self)
{
  g_hash_table_remove_all (self->collation);
  gtk_sorter_changed (self->row_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

/* State */

/* "20,000" or "20.000" as the locale writes it; grouped with commas where
 * the locale does not say (the C locale). */
static char *
format_count (guint n)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = NULL;
  GString *text;
  gsize len;

  if (separator != NULL && *separator != '\0')
    return g_strdup_printf ("%'u", n);

  digits = g_strdup_printf ("%u", n);
  len = strlen (digits);
  text = g_string_new (NULL);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

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

  total_text = format_count (total);
  if (shown == total)
    /* Translators: %s is a number, such as "4,000". */
    text = g_strdup_printf (ngettext ("%s company", "%s companies", total), total_text);
  else
    {
      g_autofree char *shown_text = format_count (shown);

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
  rebuild_company_text (self);
  g_hash_table_remove_all (self->collation);
  if (removed != added)
    update_state (self);
}

static void
on_offers_changed_cb (SmOfferView *self,
                      guint        position,
                      guint        removed,
                      guint        added,
                      GListModel  *model)
{
  gboolean expandable_changed = rebuild_index (self);

  refresh_cells (self, expandable_changed);
  if (filters_are_active (self))
    filters_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
  resort (self);
}

static void
on_store_changed_cb (SmStore     *store,
                     GType        record_type,
                     SmOfferView *self)
{
  gboolean expandable_changed = FALSE;

  /* Records also change in place, without items-changed: names, titles,
   * statuses and an offer's company. */
  if (record_type == SM_TYPE_OFFER)
    expandable_changed = rebuild_index (self);
  else if (record_type == SM_TYPE_COMPANY)
    rebuild_company_text (self);
  else
    return;

  refresh_cells (self, expandable_changed);
  if (filters_are_active (self))
    filters_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
  resort (self);
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

  if (self->company_model != NULL)
    gtk_filter_list_model_set_model (self->company_model, NULL);
  if (self->root_model != NULL)
    gtk_filter_list_model_set_model (self->root_model, NULL);
  g_clear_object (&self->companies);
  g_clear_object (&self->offers);
  if (self->entries != NULL)
    g_hash_table_remove_all (self->entries);
  if (self->company_text != NULL)
    g_hash_table_remove_all (self->company_text);
  if (self->offer_text != NULL)
    g_hash_table_remove_all (self->offer_text);
  if (self->collation != NULL)
    g_hash_table_remove_all (self->collation);
  if (self->auto_expanded != NULL)
    g_hash_table_remove_all (self->auto_expanded);
}

static void
load_store (SmOfferView *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *companies;
  GListModel *offers = NULL;

  sm_offer_detail_set_store (self->detail, self->store);

  if (self->store == NULL)
    {
      sm_status_page_set_description (self->empty_page, _("No database is open."));
      update_state (self);
      return;
    }

  companies = sm_store_list (self->store, SM_TYPE_COMPANY, &error);
  if (companies != NULL)
    offers = sm_store_list (self->store, SM_TYPE_OFFER, &error);
  if (offers == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the reason, as the database gave it. */
      text = g_strdup_printf (_("Stagematch could not read the companies and offers: %s"), error->message);
      sm_status_page_set_title (self->empty_page, _("Companies Could Not Be Read"));
      sm_status_page_set_description (self->empty_page, text);
      update_state (self);
      return;
    }

  /* The index and the search text are ready before the filter looks at
   * the companies; the handlers run before the models' own. */
  self->offers = g_object_ref (offers);
  g_signal_connect_object (offers, "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_index (self);

  self->companies = g_object_ref (companies);
  g_signal_connect_object (companies, "items-changed",
                           G_CALLBACK (on_companies_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_company_text (self);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed_cb), self, 0);
  g_signal_connect_object (self->company_model, "items-changed",
                           G_CALLBACK (on_shown_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->company_model, companies);
  gtk_filter_list_model_set_model (self->root_model, companies);

  sm_status_page_set_title (self->empty_page, _("No Companies Yet"));
  sm_status_page_set_description (self->empty_page,
                                  _("This database holds no companies or internship offers yet.\n"
                                    "Run “stagematch-cli demo” to fill a new database with made-up "
                                    "companies and offers to try Stagematch with, or add a company "
                                    "with “stagematch-cli add company”."));
  update_state (self);
  expand_results (self);
}

/* Selection */

static void
on_selected_item_changed_cb (SmOfferView        *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(SmRecord) record = NULL;

  if (row != NULL)
    record = SM_RECORD (gtk_tree_list_row_get_item (row));

  /* The pane is there only while something is selected. */
  sm_offer_detail_set_record (self->detail, record);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), record != NULL);

  if (g_set_object (&self->selected_record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RECORD]);
}

static void
sm_offer_view_dispose (GObject *object)
{
  SmOfferView *self = SM_OFFER_VIEW (object);

  clear_models (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_OFFER_VIEW);

  g_clear_object (&self->row_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->root_model);
  g_clear_object (&self->company_model);
  g_clear_object (&self->row_sorter);
  g_clear_object (&self->company_filter);
  g_clear_object (&self->row_filter);
  g_clear_object (&self->selected_record);
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
  g_hash_table_unref (self->auto_expanded);

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
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_sector_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_town_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_levels_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_places_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_period_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_status_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_offers_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "offers.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "offers.focus-search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sm_offer_view_init (SmOfferView *self)
{
  GtkSingleSelection *selection;

  self->search = g_strdup ("");
  self->sector_filter = -1;
  self->status_filter = -1;
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, company_entry_free);
  self->company_text = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->offer_text = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->collation = g_hash_table_new_full (NULL, NULL, NULL, collation_keys_free);
  self->bound_cells = g_hash_table_new (NULL, NULL);
  self->auto_expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* The template sets the column factories; the model comes after. */
  gtk_widget_init_template (GTK_WIDGET (self));

  set_sorter (self, self->name_column, compare_name);
  set_sorter (self, self->sector_column, compare_sector);
  set_sorter (self, self->town_column, compare_town);
  set_sorter (self, self->levels_column, compare_levels);
  set_sorter (self, self->places_column, compare_places);
  set_sorter (self, self->period_column, compare_period);
  set_sorter (self, self->status_column, compare_status);
  set_sorter (self, self->offers_column, compare_offers);

  setup_filters (self);

  self->company_filter = gtk_custom_filter_new (match_company, self, NULL);
  self->company_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->company_filter)));
  /* Without a filter: passes the store's companies on as they are. */
  self->root_model = gtk_filter_list_model_new (NULL, NULL);
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->root_model)),
                                              FALSE, FALSE, create_offers_model, self, NULL);
  /* The row sorter keeps each offer under its company. */
  self->row_sorter = GTK_SORTER (gtk_tree_list_row_sorter_new (g_object_ref (gtk_column_view_get_sorter (self->column_view))));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->tree_model)),
                                              g_object_ref (self->row_sorter));
  /* Lets every row through until a search or a filter is set. */
  self->row_filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->row_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                               g_object_ref (GTK_FILTER (self->row_filter)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->row_model)));
  /* Nothing is selected until the coordinator picks a row. */
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_object (selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Companies by name, as a coordinator looks them up. */
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  load_store (self);
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
  load_store (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sm_offer_view_get_model:
 *
 * Returns: (transfer none): the rows as shown, searched and sorted: a
 *   #GtkTreeListRow for each company, and for each offer of an opened
 *   company
 */
GListModel *
sm_offer_view_get_model (SmOfferView *self)
{
  g_return_val_if_fail (SM_IS_OFFER_VIEW (self), NULL);

  return G_LIST_MODEL (self->row_model);
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
