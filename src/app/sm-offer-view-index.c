/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-offer-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-company.h"
#include "sm-offer.h"
#include "sm-offer-view-private.h"

/*
 * The index of offers by company, which the company rows' figures and
 * the offers beneath them come from, and the store's counts that stand
 * in for it until the offers have been read.
 */

void
_sm_offer_view_company_entry_free (gpointer data)
{
  CompanyEntry *entry = data;

  g_clear_object (&entry->offers);
  g_ptr_array_unref (entry->items);
  g_ptr_array_unref (entry->pending);
  g_free (entry);
}

CompanyEntry *
_sm_offer_view_lookup_entry (SmOfferView *self,
                             gint64       company_id)
{
  return self->entries != NULL ? g_hash_table_lookup (self->entries, &company_id) : NULL;
}

static CompanyEntry *
ensure_entry (SmOfferView *self,
              gint64       company_id)
{
  CompanyEntry *entry = _sm_offer_view_lookup_entry (self, company_id);

  if (entry == NULL)
    {
      entry = g_new0 (CompanyEntry, 1);
      entry->company_id = company_id;
      entry->items = g_ptr_array_new_with_free_func (g_object_unref);
      entry->pending = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->entries, &entry->company_id, entry);
    }

  return entry;
}

/* The index */

/* Sets what a company's row shows. A company that got its first offer or
 * lost its last is noted in remaking: whether its row opens changes.
 * Returns whether a figure changed. */
static gboolean
set_figures (SmOfferView  *self,
             CompanyEntry *entry,
             guint         n_offers,
             guint         n_places)
{
  gboolean changed = entry->n_offers != n_offers || entry->n_places != n_places;

  if ((entry->n_offers == 0) != (n_offers == 0))
    g_hash_table_add (self->remaking, g_memdup2 (&entry->company_id, sizeof (gint64)));
  entry->n_offers = n_offers;
  entry->n_places = n_places;

  return changed;
}

/* The figures as the store counts them, before the offers are read.
 * Returns whether a figure changed. */
gboolean
_sm_offer_view_apply_counts (SmOfferView *self,
                             GHashTable  *counts)
{
  GHashTableIter iter;
  gpointer value;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ensure_entry (self, ((SmStoreCount *) value)->id);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CompanyEntry *entry = value;
      SmStoreCount *count = g_hash_table_lookup (counts, &entry->company_id);

      if (count != NULL)
        changed |= set_figures (self, entry, count->count, (guint) CLAMP (count->sum, 0, G_MAXUINT));
      else
        changed |= set_figures (self, entry, 0, 0);
    }

  return changed;
}

GHashTable *
_sm_offer_view_count_offers (SmOfferView  *self,
                             GError      **error)
{
  return sm_store_count_by (self->store, SM_TYPE_OFFER, SM_OFFER_FIELD_COMPANY_ID,
                            SM_OFFER_FIELD_PLACES, error);
}

/* Puts each offer under its company, in one pass, and counts its places.
 * Returns whether a figure changed. */
gboolean
_sm_offer_view_rebuild_index (SmOfferView *self)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = self->offers != NULL ? g_list_model_get_n_items (self->offers) : 0;
  CompanyEntry *last = NULL;
  gboolean changed = FALSE;

  for (guint i = 0; i < n; i++)
    {
      SmOffer *offer = g_list_model_get_item (self->offers, i);
      gint64 company_id = sm_offer_get_company_id (offer);

      /* A company's offers often come one after another. */
      if (last == NULL || last->company_id != company_id)
        last = ensure_entry (self, company_id);
      g_ptr_array_add (last->pending, offer);
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CompanyEntry *entry = value;
      GPtrArray *swap;
      gboolean same = entry->items->len == entry->pending->len;
      guint n_places = 0;

      for (guint i = 0; same && i < entry->items->len; i++)
        same = entry->items->pdata[i] == entry->pending->pdata[i];

      if (!same && entry->offers != NULL)
        g_list_store_splice (entry->offers, 0, entry->items->len,
                             entry->pending->pdata, entry->pending->len);

      /* An offer's places also change in place. */
      for (guint i = 0; i < entry->pending->len; i++)
        n_places += sm_offer_get_places (entry->pending->pdata[i]);
      changed |= set_figures (self, entry, entry->pending->len, n_places);

      swap = entry->items;
      entry->items = entry->pending;
      entry->pending = swap;
      g_ptr_array_set_size (entry->pending, 0);
    }

  return changed;
}

