/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-offer-view"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sm-company.h"
#include "sm-level.h"
#include "sm-offer-view-private.h"
#include "sm-offer.h"
#include "sm-sector.h"

/*
 * The cells of the offers view and its order: what each column shows of a
 * company and of an offer, and how the column headers sort them. Companies
 * are sorted among themselves and each company's offers among themselves;
 * a company and an offer are never compared.
 */

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

/* The columns of text, which sort by it. */
static const char *
peek_text (SmRecord *record,
           gboolean  is_company,
           Column    column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return is_company ? sm_company_get_name (SM_COMPANY (record)) : sm_offer_get_title (SM_OFFER (record));
    case COLUMN_SECTOR:
      return get_sector_name (record, is_company ? SM_COMPANY_FIELD_SECTOR : SM_OFFER_FIELD_SECTOR);
    case COLUMN_TOWN:
      return sm_record_get_string (record, is_company ? SM_COMPANY_FIELD_CITY : SM_OFFER_FIELD_POSTCODE);
    default:
      g_assert_not_reached ();
    }
}

static char *
dup_cell_text (SmOfferView *self,
               gpointer     item,
               Column       column)
{
  SmRecord *record = item;
  gboolean is_company = SM_IS_COMPANY (item);
  CompanyEntry *entry = NULL;

  if (is_company && (column == COLUMN_PLACES || column == COLUMN_OFFERS))
    entry = _sm_offer_view_lookup_entry (self, sm_record_get_id (record));

  switch (column)
    {
    case COLUMN_NAME:
    case COLUMN_SECTOR:
    case COLUMN_TOWN:
      return g_strdup (peek_text (record, is_company, column));
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
      return is_company ? g_strdup_printf ("%u", entry != NULL ? entry->n_offers : 0) : NULL;
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

static GtkWidget *
cell_new (Column column)
{
  gboolean numeric = column == COLUMN_PLACES || column == COLUMN_OFFERS;
  GtkWidget *cell = inscription_new (numeric ? 1.0f : 0.0f);

  /* The name's cell, in the same font, gives the row its height: the
   * others need not measure a line each. */
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 0);
  if (numeric)
    gtk_widget_add_css_class (cell, "numeric");

  return cell;
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

/* The tree passes the records through, so that a row that comes back
 * after a search keeps its widgets; the expander asks the tree for the
 * row at the cell's position. */
static void
update_expander (SmOfferView *self,
                 GtkListItem *item)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(GtkTreeListRow) row = NULL;

  if (position != GTK_INVALID_LIST_POSITION)
    row = gtk_tree_list_model_get_row (self->tree_model, position);
  /* The expander only asks whether the row opens: that needs the
   * company's number of offers, not the offers. */
  self->probing = TRUE;
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  self->probing = FALSE;
}

static void
update_cell (SmOfferView *self,
             GtkListItem *item,
             Column       column)
{
  GObject *record = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (record == NULL)
    return;

  text = dup_cell_text (self, record, column);

  if (column == COLUMN_NAME)
    {
      update_expander (self, item);
      child = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
    }
  else if (child == NULL)
    {
      /* A cell gets its inscription once it has something to show. The
       * list makes a couple of hundred rows at once, and the rows of
       * companies leave the columns of the offers empty. */
      if (text == NULL)
        return;
      child = cell_new (column);
      gtk_list_item_set_child (item, child);
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
bind_cell (SmOfferView *self,
           GtkListItem *item,
           Column       column)
{
  update_cell (self, item, column);
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
void
_sm_offer_view_refresh_cells (SmOfferView *self)
{
  GHashTableIter iter;
  gpointer item, column;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, &column))
    update_cell (self, item, GPOINTER_TO_INT (column));
}

/* After the tree changed: a cell that stayed may hold a row the tree has
 * made anew. */
void
_sm_offer_view_refresh_expanders (SmOfferView *self)
{
  GHashTableIter iter;
  gpointer item, column;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, &column))
    if (GPOINTER_TO_INT (column) == COLUMN_NAME)
      update_expander (self, item);
}

/* Sorting. Custom sorters with cached collation keys: a string sorter
 * would make the keys anew for every comparison. */

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
      g_autofree char *folded = _sm_offer_view_casefold (peek_text (record, SM_IS_COMPANY (record), column));

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

  entry = _sm_offer_view_lookup_entry (self, sm_record_get_id ((SmRecord *) record));
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

  entry = _sm_offer_view_lookup_entry (self, sm_record_get_id ((SmRecord *) record));
  return entry != NULL ? entry->n_offers : 0;
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
void
_sm_offer_view_resort (SmOfferView *self)
{
  g_hash_table_remove_all (self->collation);
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

void
_sm_offer_view_cells_init (SmOfferView *self)
{
  self->collation = g_hash_table_new_full (NULL, NULL, NULL, collation_keys_free);
  self->bound_cells = g_hash_table_new (NULL, NULL);

  set_sorter (self, self->name_column, compare_name);
  set_sorter (self, self->sector_column, compare_sector);
  set_sorter (self, self->town_column, compare_town);
  set_sorter (self, self->levels_column, compare_levels);
  set_sorter (self, self->places_column, compare_places);
  set_sorter (self, self->period_column, compare_period);
  set_sorter (self, self->status_column, compare_status);
  set_sorter (self, self->offers_column, compare_offers);
}

void
_sm_offer_view_cells_class_init (GtkWidgetClass *widget_class)
{
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
}
