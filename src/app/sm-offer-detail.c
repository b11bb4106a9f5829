/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-offer-detail"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "sm-company.h"
#include "sm-level.h"
#include "sm-offer-detail.h"
#include "sm-offer.h"
#include "sm-programme.h"
#include "sm-sector.h"

/*
 * SmOfferDetail:
 *
 * Every field of one company or one internship offer, read-only, grouped
 * under headings. The labels come from the records' field tables, so they
 * are written once. An offer whose requirements could stand in for
 * origin shows the coordinator a warning until it is confirmed. The pane
 * follows the record as the store updates it in place.
 */
struct _SmOfferDetail
{
  GtkWidget   parent_instance;

  SmRecord   *record;
  SmStore    *store;
  GListModel *offers;

  GtkLabel   *company_values[SM_COMPANY_N_FIELDS];
  GtkLabel   *offer_values[SM_OFFER_N_FIELDS];

  /* Template children */
  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkWidget  *warning_bar;
  GtkLabel   *warning_label;
  GtkWidget  *company_box;
  GtkGrid    *company_grid;
  GtkGrid    *address_grid;
  GtkGrid    *contact_grid;
  GtkLabel   *company_offers_heading;
  GtkGrid    *company_offers_grid;
  GtkWidget  *offer_box;
  GtkGrid    *offer_grid;
  GtkGrid    *students_grid;
  GtkGrid    *period_grid;
  GtkGrid    *requirements_grid;
  GtkLabel   *description_heading;
  GtkLabel   *description_label;
};

G_DEFINE_FINAL_TYPE (SmOfferDetail, sm_offer_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define EMPTY_VALUE "—"

static const guint company_fields[] = {
  SM_COMPANY_FIELD_NAME,
  SM_COMPANY_FIELD_KVK_NUMBER,
  SM_COMPANY_FIELD_SBB_RECOGNISED,
  SM_COMPANY_FIELD_SECTOR,
};

static const guint address_fields[] = {
  SM_COMPANY_FIELD_STREET,
  SM_COMPANY_FIELD_POSTCODE,
  SM_COMPANY_FIELD_CITY,
};

static const guint contact_fields[] = {
  SM_COMPANY_FIELD_CONTACT_NAME,
  SM_COMPANY_FIELD_CONTACT_EMAIL,
  SM_COMPANY_FIELD_CONTACT_PHONE,
};

static const guint offer_fields[] = {
  SM_OFFER_FIELD_COMPANY_ID,
  SM_OFFER_FIELD_TITLE,
  SM_OFFER_FIELD_SECTOR,
  SM_OFFER_FIELD_STATUS,
  SM_OFFER_FIELD_SELECTION_MODE,
};

static const guint students_fields[] = {
  SM_OFFER_FIELD_LEVELS,
  SM_OFFER_FIELD_PATHWAYS,
  SM_OFFER_FIELD_PROGRAMMES,
};

static const guint period_fields[] = {
  SM_OFFER_FIELD_POSTCODE,
  SM_OFFER_FIELD_START_DATE,
  SM_OFFER_FIELD_END_DATE,
  SM_OFFER_FIELD_REQUIRED_WEEKS,
  SM_OFFER_FIELD_HOURS_PER_WEEK,
  SM_OFFER_FIELD_PLACES,
};

static const guint requirements_fields[] = {
  SM_OFFER_FIELD_REQUIRES_DRIVING_LICENCE,
  SM_OFFER_FIELD_REQUIRES_VOG,
  SM_OFFER_FIELD_REQUIREMENTS,
  SM_OFFER_FIELD_SKILLS,
  SM_OFFER_FIELD_PROXY_CONFIRMED,
};

static const SmField *
get_fields (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  /* The field tables are static: they outlive the class reference. */
  return sm_record_class_get_fields (SM_RECORD_CLASS (klass), NULL);
}

static GtkWidget *
value_label_new (void)
{
  GtkWidget *label = gtk_label_new (EMPTY_VALUE);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);

  return label;
}

static GtkWidget *
key_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
fill_grid (GtkGrid     *grid,
           GType        type,
           const guint *group,
           guint        n_group,
           GtkLabel   **values)
{
  const SmField *fields = get_fields (type);

  for (guint i = 0; i < n_group; i++)
    {
      guint field = group[i];
      GtkWidget *key = key_label_new (g_dgettext (GETTEXT_PACKAGE, fields[field].label));
      GtkWidget *value = value_label_new ();

      gtk_grid_attach (grid, key, 0, i, 1, 1);
      gtk_grid_attach (grid, value, 1, i, 1, 1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, key, NULL,
                                      -1);
      values[field] = GTK_LABEL (value);
    }
}

/* Formatting */

static char *
format_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (text);

  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (text);

  /* Translators: a date, as in "3 March 2008"; see g_date_time_format().
   * xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static void
append_item (GString    *text,
             const char *item)
{
  if (text->len > 0)
    /* Translators: separates the items of a list, such as skills. */
    g_string_append (text, _(", "));
  g_string_append (text, item);
}

static char *
join_strv (const char * const *strv)
{
  GString *text;

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; strv[i] != NULL; i++)
    append_item (text, strv[i]);

  return g_string_free (text, FALSE);
}

static char *
format_levels (SmLevelFlags levels)
{
  GString *text = g_string_new (NULL);

  for (SmLevel level = 0; level < SM_N_LEVELS; level++)
    if (levels & (1u << level))
      append_item (text, sm_level_get_display_name (level));

  return g_string_free (text, FALSE);
}

static char *
format_pathways (SmPathwayFlags pathways)
{
  GString *text = g_string_new (NULL);

  if (pathways & SM_PATHWAY_FLAG_BOL)
    append_item (text, sm_pathway_get_display_name (SM_PATHWAY_BOL));
  if (pathways & SM_PATHWAY_FLAG_BBL)
    append_item (text, sm_pathway_get_display_name (SM_PATHWAY_BBL));

  return g_string_free (text, FALSE);
}

/* "Software developer (25604)" where the store knows the programme. */
static char *
format_programmes (SmOfferDetail       *self,
                   const char * const *codes)
{
  GString *text;

  if (codes == NULL || codes[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      SmRecord *programme = NULL;
      const char *name;

      if (self->store != NULL)
        programme = sm_store_lookup_key (self->store, SM_TYPE_PROGRAMME, codes[i]);
      name = programme != NULL ? sm_programme_get_name (SM_PROGRAMME (programme)) : NULL;
      if (name != NULL)
        {
          /* Translators: a programme's name and its code, as in
           * "Software developer (25604)". */
          g_autofree char *item = g_strdup_printf (_("%s (%s)"), name, codes[i]);

          append_item (text, item);
        }
      else
        append_item (text, codes[i]);
    }

  return g_string_free (text, FALSE);
}

static SmCompany *
lookup_company (SmOfferDetail *self,
                SmOffer       *offer)
{
  SmRecord *company = NULL;

  if (self->store != NULL)
    company = sm_store_lookup (self->store, SM_TYPE_COMPANY, sm_offer_get_company_id (offer));

  return company != NULL ? SM_COMPANY (company) : NULL;
}

/* The kinds that read the same for companies and offers. */
static char *
format_common (SmRecord      *record,
               const SmField *field,
               guint          index)
{
  switch (field->kind)
    {
    case SM_FIELD_DATE:
      return format_date (sm_record_get_string (record, index));
    case SM_FIELD_BOOLEAN:
      return g_strdup (sm_record_get_int (record, index) ? _("Yes") : _("No"));
    case SM_FIELD_STRV:
      return join_strv (sm_record_get_strv (record, index));
    default:
      return sm_record_dup_text (record, index);
    }
}

static char *
format_company_value (SmOfferDetail *self,
                      guint          field)
{
  const SmField *fields = get_fields (SM_TYPE_COMPANY);

  if (field == SM_COMPANY_FIELD_SECTOR)
    {
      SmSector sector = sm_record_get_int (self->record, field);

      return sector < SM_N_SECTORS ? g_strdup (sm_sector_get_display_name (sector)) : NULL;
    }

  return format_common (self->record, &fields[field], field);
}

static char *
format_offer_value (SmOfferDetail *self,
                    guint          field)
{
  SmOffer *offer = SM_OFFER (self->record);
  const SmField *fields = get_fields (SM_TYPE_OFFER);

  switch (field)
    {
    case SM_OFFER_FIELD_COMPANY_ID:
      {
        SmCompany *company = lookup_company (self, offer);

        return company != NULL ? g_strdup (sm_company_get_name (company)) : NULL;
      }
    case SM_OFFER_FIELD_SECTOR:
      {
        SmSector sector = sm_record_get_int (self->record, field);

        return sector < SM_N_SECTORS ? g_strdup (sm_sector_get_display_name (sector)) : NULL;
      }
    case SM_OFFER_FIELD_LEVELS:
      return format_levels (sm_offer_get_levels (offer));
    case SM_OFFER_FIELD_PATHWAYS:
      return format_pathways (sm_record_get_int (self->record, field));
    case SM_OFFER_FIELD_PROGRAMMES:
      return format_programmes (self, sm_record_get_strv (self->record, field));
    case SM_OFFER_FIELD_STATUS:
      return g_strdup (sm_offer_status_get_display_name (sm_offer_get_status (offer)));
    case SM_OFFER_FIELD_SELECTION_MODE:
      return g_strdup (sm_selection_mode_get_display_name (sm_offer_get_selection_mode (offer)));
    default:
      return format_common (self->record, &fields[field], field);
    }
}

static void
set_value (GtkLabel *label,
           char     *text)
{
  if (text != NULL)
    g_strstrip (text);
  gtk_label_set_text (label, text != NULL && *text != '\0' ? text : EMPTY_VALUE);
  g_free (text);
}

static void on_offers_changed_cb (SmOfferDetail *self,
                                  guint          position,
                                  guint          removed,
                                  guint          added,
                                  GListModel    *model);

/* The store's offers are read when a company is first shown, not when the
 * store is set: the pane is hidden until something is selected. */
static void
ensure_offers (SmOfferDetail *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *offers;

  if (self->offers != NULL || self->store == NULL)
    return;

  offers = sm_store_list (self->store, SM_TYPE_OFFER, &error);
  /* Without offers the pane still shows the company. */
  if (offers == NULL)
    {
      g_debug ("No offers: %s", error->message);
      return;
    }

  self->offers = g_object_ref (offers);
  g_signal_connect_object (offers, "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
update_company_offers (SmOfferDetail *self)
{
  GtkWidget *child;
  guint row = 0;

  if (SM_IS_COMPANY (self->record))
    ensure_offers (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->company_offers_grid))) != NULL)
    gtk_grid_remove (self->company_offers_grid, child);

  if (SM_IS_COMPANY (self->record) && self->offers != NULL)
    {
      gint64 company_id = sm_record_get_id (self->record);
      guint n = g_list_model_get_n_items (self->offers);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SmOffer) offer = g_list_model_get_item (self->offers, i);
          const char *title = sm_offer_get_title (offer);
          GtkWidget *title_label;
          GtkWidget *status_label;

          if (sm_offer_get_company_id (offer) != company_id)
            continue;

          title_label = value_label_new ();
          gtk_label_set_text (GTK_LABEL (title_label), title != NULL ? title : EMPTY_VALUE);
          status_label = key_label_new (sm_offer_status_get_display_name (sm_offer_get_status (offer)));
          gtk_grid_attach (self->company_offers_grid, title_label, 0, row, 1, 1);
          gtk_grid_attach (self->company_offers_grid, status_label, 1, row, 1, 1);
          row++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->company_offers_heading), row > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->company_offers_grid), row > 0);
}

/* An offer whose requirements, title or description could stand in for
 * origin cannot be saved again until a person confirms it; the pane says
 * so in the words of the check itself. */
static void
update_warning (SmOfferDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (SM_IS_OFFER (self->record) &&
      !sm_record_validate (self->record, &error) &&
      g_error_matches (error, SM_RECORD_ERROR, SM_RECORD_ERROR_NEEDS_CONFIRMATION))
    {
      gtk_label_set_text (self->warning_label, error->message);
      gtk_widget_set_visible (self->warning_bar, TRUE);
      return;
    }

  gtk_label_set_text (self->warning_label, "");
  gtk_widget_set_visible (self->warning_bar, FALSE);
}

static void
update_values (SmOfferDetail *self)
{
  gboolean is_company = SM_IS_COMPANY (self->record);
  gboolean is_offer = SM_IS_OFFER (self->record);
  const char *title = NULL;
  const char *subtitle = NULL;

  for (guint field = 0; field < SM_COMPANY_N_FIELDS; field++)
    set_value (self->company_values[field], is_company ? format_company_value (self, field) : NULL);
  for (guint field = 0; field < SM_OFFER_N_FIELDS; field++)
    set_value (self->offer_values[field], is_offer ? format_offer_value (self, field) : NULL);

  if (is_company)
    {
      title = sm_company_get_name (SM_COMPANY (self->record));
      subtitle = sm_record_get_string (self->record, SM_COMPANY_FIELD_CITY);
    }
  else if (is_offer)
    {
      SmCompany *company = lookup_company (self, SM_OFFER (self->record));

      title = sm_offer_get_title (SM_OFFER (self->record));
      subtitle = company != NULL ? sm_company_get_name (company) : NULL;
    }

  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  gtk_widget_set_visible (self->company_box, is_company);
  gtk_widget_set_visible (self->offer_box, is_offer);

  update_warning (self);
}

static void
on_record_notify_cb (SmOfferDetail *self,
                     GParamSpec    *pspec,
                     SmRecord      *record)
{
  update_values (self);
}

static void
on_offers_changed_cb (SmOfferDetail *self,
                      guint          position,
                      guint          removed,
                      guint          added,
                      GListModel    *model)
{
  if (SM_IS_COMPANY (self->record))
    update_company_offers (self);
}

static void
on_store_changed_cb (SmStore       *store,
                     GType          record_type,
                     SmOfferDetail *self)
{
  /* Offers change in place too: their titles and statuses in the list of
   * a company's offers, or an offer's company name. */
  if (SM_IS_COMPANY (self->record) && record_type == SM_TYPE_OFFER)
    update_company_offers (self);
  else if (SM_IS_OFFER (self->record) &&
           (record_type == SM_TYPE_COMPANY || record_type == SM_TYPE_PROGRAMME))
    update_values (self);
}

static void
sm_offer_detail_dispose (GObject *object)
{
  SmOfferDetail *self = SM_OFFER_DETAIL (object);
  GtkWidget *child;

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  if (self->offers != NULL)
    g_signal_handlers_disconnect_by_data (self->offers, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_OFFER_DETAIL);
  /* The scrolled window is not bound, so the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->record);
  g_clear_object (&self->offers);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_offer_detail_parent_class)->dispose (object);
}

static void
sm_offer_detail_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmOfferDetail *self = SM_OFFER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_offer_detail_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SmOfferDetail *self = SM_OFFER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      sm_offer_detail_set_record (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      sm_offer_detail_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_offer_detail_class_init (SmOfferDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_offer_detail_dispose;
  object_class->get_property = sm_offer_detail_get_property;
  object_class->set_property = sm_offer_detail_set_property;

  /**
   * SmOfferDetail:record:
   *
   * The company or the offer shown, or %NULL.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         SM_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stagematch/Stagematch/sm-offer-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, warning_bar);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, company_box);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, company_grid);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, address_grid);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, contact_grid);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, company_offers_heading);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, company_offers_grid);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, offer_box);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, offer_grid);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, students_grid);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, period_grid);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, requirements_grid);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, description_heading);
  gtk_widget_class_bind_template_child (widget_class, SmOfferDetail, description_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "offerdetail");
}

static void
sm_offer_detail_init (SmOfferDetail *self)
{
  const SmField *fields = get_fields (SM_TYPE_OFFER);

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_grid (self->company_grid, SM_TYPE_COMPANY, company_fields, G_N_ELEMENTS (company_fields),
             self->company_values);
  fill_grid (self->address_grid, SM_TYPE_COMPANY, address_fields, G_N_ELEMENTS (address_fields),
             self->company_values);
  fill_grid (self->contact_grid, SM_TYPE_COMPANY, contact_fields, G_N_ELEMENTS (contact_fields),
             self->company_values);

  fill_grid (self->offer_grid, SM_TYPE_OFFER, offer_fields, G_N_ELEMENTS (offer_fields),
             self->offer_values);
  fill_grid (self->students_grid, SM_TYPE_OFFER, students_fields, G_N_ELEMENTS (students_fields),
             self->offer_values);
  fill_grid (self->period_grid, SM_TYPE_OFFER, period_fields, G_N_ELEMENTS (period_fields),
             self->offer_values);
  fill_grid (self->requirements_grid, SM_TYPE_OFFER, requirements_fields, G_N_ELEMENTS (requirements_fields),
             self->offer_values);

  gtk_label_set_text (self->company_offers_heading, _("Internship offers"));
  gtk_label_set_text (self->description_heading,
                      g_dgettext (GETTEXT_PACKAGE, fields[SM_OFFER_FIELD_DESCRIPTION].label));
  self->offer_values[SM_OFFER_FIELD_DESCRIPTION] = self->description_label;

  for (guint field = 0; field < SM_COMPANY_N_FIELDS; field++)
    g_assert (self->company_values[field] != NULL);
  for (guint field = 0; field < SM_OFFER_N_FIELDS; field++)
    g_assert (self->offer_values[field] != NULL);

  update_values (self);
  update_company_offers (self);
}

GtkWidget *
sm_offer_detail_new (void)
{
  return g_object_new (SM_TYPE_OFFER_DETAIL, NULL);
}

/**
 * sm_offer_detail_get_record:
 *
 * Returns: (transfer none) (nullable): the company or offer shown
 */
SmRecord *
sm_offer_detail_get_record (SmOfferDetail *self)
{
  g_return_val_if_fail (SM_IS_OFFER_DETAIL (self), NULL);

  return self->record;
}

/**
 * sm_offer_detail_set_record:
 * @record: (nullable): an #SmCompany or an #SmOffer
 */
void
sm_offer_detail_set_record (SmOfferDetail *self,
                            SmRecord      *record)
{
  g_return_if_fail (SM_IS_OFFER_DETAIL (self));
  g_return_if_fail (record == NULL || SM_IS_COMPANY (record) || SM_IS_OFFER (record));

  if (self->record == record)
    return;

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_set_object (&self->record, record);
  /* The store changes its cached records in place. */
  if (record != NULL)
    g_signal_connect_object (record, "notify", G_CALLBACK (on_record_notify_cb),
                             self, G_CONNECT_SWAPPED);

  update_values (self);
  update_company_offers (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/**
 * sm_offer_detail_get_store:
 *
 * Returns: (transfer none) (nullable): the store that names companies,
 *   programmes and a company's offers
 */
SmStore *
sm_offer_detail_get_store (SmOfferDetail *self)
{
  g_return_val_if_fail (SM_IS_OFFER_DETAIL (self), NULL);

  return self->store;
}

void
sm_offer_detail_set_store (SmOfferDetail *self,
                           SmStore       *store)
{
  g_return_if_fail (SM_IS_OFFER_DETAIL (self));
  g_return_if_fail (store == NULL || SM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->offers != NULL)
    g_signal_handlers_disconnect_by_data (self->offers, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->offers);
  g_set_object (&self->store, store);

  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);

  update_values (self);
  update_company_offers (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
