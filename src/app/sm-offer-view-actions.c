/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-offer-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-change-set.h"
#include "sm-company.h"
#include "sm-offer-view-private.h"
#include "sm-offer.h"
#include "sm-record-editor.h"
#include "sm-view-commands.h"

/*
 * What the coordinator does to companies and offers from the tree: add a
 * company, add an offer to a company, edit either, and delete one with a
 * question first and an Undo after.
 */

/**
 * _sm_offer_view_get_selected_company:
 *
 * Returns: (transfer none) (nullable): the selected company, or the
 *   company of the selected offer
 */
SmRecord *
_sm_offer_view_get_selected_company (SmOfferView *self)
{
  if (self->selected_record == NULL || self->store == NULL)
    return NULL;

  if (SM_IS_COMPANY (self->selected_record))
    return self->selected_record;

  return sm_store_lookup (self->store, SM_TYPE_COMPANY,
                          sm_offer_get_company_id (SM_OFFER (self->selected_record)));
}

static gboolean
is_same_record (GtkTreeListRow *row,
                SmRecord       *record)
{
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  return G_OBJECT_TYPE (item) == G_OBJECT_TYPE (record) &&
         sm_record_get_id (SM_RECORD (item)) == sm_record_get_id (record);
}

static void
scroll_to (SmOfferView *self,
           guint        position)
{
  /* The column view scrolls through the list view inside it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/**
 * _sm_offer_view_select_record:
 * @record: a company or an offer of the store
 *
 * Selects @record where the search and the filters show it, opening its
 * company for an offer.
 */
void
_sm_offer_view_select_record (SmOfferView *self,
                              SmRecord    *record)
{
  g_autoptr(GtkTreeListRow) company_row = NULL;
  guint position = GTK_INVALID_LIST_POSITION;
  gint64 company_id;
  guint n;

  company_id = SM_IS_COMPANY (record) ? sm_record_get_id (record) : sm_offer_get_company_id (SM_OFFER (record));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->remake_model));
  for (guint i = 0; i < n && company_row == NULL; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i);
      g_autoptr(SmRecord) company = gtk_tree_list_row_get_item (row);

      if (sm_record_get_id (company) == company_id)
        company_row = g_steal_pointer (&row);
    }

  if (company_row == NULL)
    return;

  if (SM_IS_COMPANY (record))
    position = gtk_tree_list_row_get_position (company_row);
  else
    {
      gtk_tree_list_row_set_expanded (company_row, TRUE);
      for (guint i = 0; position == GTK_INVALID_LIST_POSITION; i++)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_row_get_child_row (company_row, i);

          if (row == NULL)
            break;
          if (is_same_record (row, record))
            position = gtk_tree_list_row_get_position (row);
        }
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
}

void
_sm_offer_view_update_actions (SmOfferView *self)
{
  gboolean can_edit = self->store != NULL && self->companies != NULL;
  gboolean has_selection = can_edit && self->selected_record != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offers.new-company", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offers.new", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offers.new-offer",
                                 has_selection && _sm_offer_view_get_selected_company (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offers.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offers.delete", has_selection);
}

/* Undo */

static void
select_restored (GtkWidget *view,
                 GPtrArray *records)
{
  if (records->len > 0)
    _sm_offer_view_select_record (SM_OFFER_VIEW (view), g_ptr_array_index (records, 0));
}

/* New and edit */

static void
on_editor_saved_cb (SmRecordEditor *editor,
                    SmRecord       *record,
                    SmOfferView    *self)
{
  _sm_offer_view_select_record (self, record);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
open_editor (SmOfferView *self,
             SmRecord    *record)
{
  SmRecordEditor *editor;

  if (self->store == NULL)
    return;

  editor = sm_record_editor_new (sm_view_get_window (GTK_WIDGET (self)), self->store, record);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_company (SmOfferView *self)
{
  g_autoptr(SmCompany) company = sm_company_new ();

  /* A coordinator looking at one sector is most likely adding to it. */
  if (self->sector_filter >= 0)
    sm_record_set_int (SM_RECORD (company), SM_COMPANY_FIELD_SECTOR, self->sector_filter);

  open_editor (self, SM_RECORD (company));
}

static void
new_offer (SmOfferView *self,
           SmRecord    *company)
{
  g_autoptr(SmOffer) offer = sm_offer_new ();
  SmRecord *record = SM_RECORD (offer);

  /* Most offers are at the company's own address and in its sector; the
   * dates differ from offer to offer, so they start empty. */
  sm_record_set_int (record, SM_OFFER_FIELD_COMPANY_ID, sm_record_get_id (company));
  sm_record_set_string (record, SM_OFFER_FIELD_POSTCODE,
                        sm_record_get_string (company, SM_COMPANY_FIELD_POSTCODE));
  sm_record_set_int (record, SM_OFFER_FIELD_SECTOR, sm_record_get_int (company, SM_COMPANY_FIELD_SECTOR));
  sm_record_set_string (record, SM_OFFER_FIELD_START_DATE, NULL);
  sm_record_set_string (record, SM_OFFER_FIELD_END_DATE, NULL);

  open_editor (self, record);
}

static void
new_company_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  new_company (SM_OFFER_VIEW (widget));
}

static void
new_offer_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SmOfferView *self = SM_OFFER_VIEW (widget);
  SmRecord *company = _sm_offer_view_get_selected_company (self);

  if (company != NULL)
    new_offer (self, company);
}

/* Ctrl+N: an offer for the company at hand, or else a company. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SmOfferView *self = SM_OFFER_VIEW (widget);
  SmRecord *company = _sm_offer_view_get_selected_company (self);

  if (company != NULL)
    new_offer (self, company);
  else
    new_company (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SmOfferView *self = SM_OFFER_VIEW (widget);

  if (self->selected_record != NULL)
    open_editor (self, self->selected_record);
}

static void
on_row_activated_cb (GtkColumnView *column_view,
                     guint          position,
                     SmOfferView   *self)
{
  g_autoptr(SmRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (record != NULL)
    open_editor (self, record);
}

/* Delete */

static void
delete_records (GtkWidget *view,
                GPtrArray *records)
{
  SmOfferView *self = SM_OFFER_VIEW (view);
  SmRecord *record = g_ptr_array_index (records, 0);
  g_autoptr(SmChangeSet) changes = sm_change_set_new ();
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = sm_record_dup_title (record);
  g_autofree char *title = NULL;
  gboolean is_company = SM_IS_COMPANY (record);

  if (self->store == NULL)
    return;

  g_ptr_array_add (before, sm_record_dup (record));
  sm_change_set_delete (changes, record);
  if (!sm_store_apply (self->store, changes, &error))
    {
      g_autofree char *message = NULL;
      const char *advice = NULL;

      /* The store names what still refers to the record; say how to get
       * it out of the way. */
      if (g_error_matches (error, SM_STORE_ERROR, SM_STORE_ERROR_CONFLICT))
        advice = is_company
                 ? _("Delete the company’s offers first, or set them to Closed and keep the company.")
                 : _("Set the offer’s status to Closed instead: it then takes no new candidates "
                     "and its placements stay on record.");
      message = advice != NULL ? g_strdup_printf ("%s\n\n%s", error->message, advice) : g_strdup (error->message);
      sm_view_show_error (view,
                          is_company ? _("The Company Was Not Deleted") : _("The Offer Was Not Deleted"),
                          message);
      return;
    }

  /* Translators: %s is the name of a company or the title of an
   * internship offer. */
  title = g_strdup_printf (_("“%s” was deleted"), name);
  sm_view_offer_undo (view, self->store, title, before, TRUE, select_restored);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmOfferView *self = SM_OFFER_VIEW (widget);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *name = NULL;
  g_autofree char *question = NULL;

  if (self->selected_record == NULL || self->store == NULL)
    return;

  name = sm_record_dup_title (self->selected_record);
  /* Translators: %s is the name of a company or the title of an
   * internship offer. */
  question = g_strdup_printf (_("Delete “%s”?"), name);
  g_ptr_array_add (records, g_object_ref (self->selected_record));
  sm_view_ask_delete (widget, question,
                      SM_IS_COMPANY (self->selected_record)
                      ? _("The company and its details are removed from this database. "
                          "A company with internship offers cannot be deleted. "
                          "You can undo this for a few seconds.")
                      : _("The offer is removed from this database. An offer with "
                          "candidates or placements cannot be deleted. "
                          "You can undo this for a few seconds."),
                      records, delete_records);
}

void
_sm_offer_view_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "offers.new-company", NULL, new_company_action);
  gtk_widget_class_install_action (widget_class, "offers.new-offer", NULL, new_offer_action);
  gtk_widget_class_install_action (widget_class, "offers.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "offers.delete", NULL, delete_action);

  gtk_widget_class_install_action (widget_class, "offers.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "offers.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "offers.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "offers.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "offers.edit", NULL);
}
