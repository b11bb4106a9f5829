/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-status-page"

#include "config.h"

#include "sm-status-page.h"

/*
 * SmStatusPage:
 *
 * A large icon, a title and a few sentences, centred: what a page shows
 * while it has nothing else to show. GTK 4.8 has no such widget of its
 * own and the program does not use libadwaita.
 */
struct _SmStatusPage
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkImage  *image;
  GtkLabel  *title_label;
  GtkLabel  *description_label;
};

G_DEFINE_FINAL_TYPE (SmStatusPage, sm_status_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sm_status_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_STATUS_PAGE);

  G_OBJECT_CLASS (sm_status_page_parent_class)->dispose (object);
}

static void
sm_status_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SmStatusPage *self = SM_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, sm_status_page_get_icon_name (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, sm_status_page_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, sm_status_page_get_description (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_status_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SmStatusPage *self = SM_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      sm_status_page_set_icon_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      sm_status_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      sm_status_page_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_status_page_class_init (SmStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_status_page_dispose;
  object_class->get_property = sm_status_page_get_property;
  object_class->set_property = sm_status_page_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stagematch/Stagematch/sm-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmStatusPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmStatusPage, image);
  gtk_widget_class_bind_template_child (widget_class, SmStatusPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmStatusPage, description_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statuspage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_status_page_init (SmStatusPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Shown once they have something to say. */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), FALSE);
}

GtkWidget *
sm_status_page_new (void)
{
  return g_object_new (SM_TYPE_STATUS_PAGE, NULL);
}

const char *
sm_status_page_get_icon_name (SmStatusPage *self)
{
  g_return_val_if_fail (SM_IS_STATUS_PAGE (self), NULL);

  return gtk_image_get_icon_name (self->image);
}

void
sm_status_page_set_icon_name (SmStatusPage *self,
                              const char   *icon_name)
{
  g_return_if_fail (SM_IS_STATUS_PAGE (self));

  if (g_strcmp0 (icon_name, gtk_image_get_icon_name (self->image)) == 0)
    return;

  gtk_image_set_from_icon_name (self->image, icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char *
sm_status_page_get_title (SmStatusPage *self)
{
  g_return_val_if_fail (SM_IS_STATUS_PAGE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
sm_status_page_set_title (SmStatusPage *self,
                          const char   *title)
{
  g_return_if_fail (SM_IS_STATUS_PAGE (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
sm_status_page_get_description (SmStatusPage *self)
{
  g_return_val_if_fail (SM_IS_STATUS_PAGE (self), NULL);

  return gtk_label_get_label (self->description_label);
}

void
sm_status_page_set_description (SmStatusPage *self,
                                const char   *description)
{
  g_return_if_fail (SM_IS_STATUS_PAGE (self));

  if (g_strcmp0 (description, gtk_label_get_label (self->description_label)) == 0)
    return;

  gtk_label_set_label (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
