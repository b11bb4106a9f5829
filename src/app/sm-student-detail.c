/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-student-detail"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "sm-level.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-sector.h"
#include "sm-student-detail.h"

/*
 * SmStudentDetail:
 *
 * Every field of one student, read-only, grouped under headings. The
 * labels come from the student's field table, so they are written once.
 * It follows the student as the store updates it in place.
 */
struct _SmStudentDetail
{
  GtkWidget   parent_instance;

  SmStudent  *student;
  SmStore    *store;
  GListModel *placements;

  GtkLabel   *values[SM_STUDENT_N_FIELDS];

  /* Template children */
  GtkLabel   *title_label;
  GtkGrid    *identity_grid;
  GtkGrid    *contact_grid;
  GtkGrid    *school_grid;
  GtkGrid    *wishes_grid;
  GtkGrid    *requirements_grid;
  GtkLabel   *motivation_heading;
  GtkLabel   *motivation_label;
  GtkLabel   *accommodations_heading;
  GtkLabel   *accommodations_label;
  GtkLabel   *placements_heading;
  GtkGrid    *placements_grid;
};

G_DEFINE_FINAL_TYPE (SmStudentDetail, sm_student_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STUDENT,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define EMPTY_VALUE "—"

static const guint identity_fields[] = {
  SM_STUDENT_FIELD_STUDENT_NUMBER,
  SM_STUDENT_FIELD_GIVEN_NAME,
  SM_STUDENT_FIELD_NAME_PREFIX,
  SM_STUDENT_FIELD_FAMILY_NAME,
  SM_STUDENT_FIELD_DATE_OF_BIRTH,
};

static const guint contact_fields[] = {
  SM_STUDENT_FIELD_EMAIL,
  SM_STUDENT_FIELD_PHONE,
  SM_STUDENT_FIELD_STREET,
  SM_STUDENT_FIELD_POSTCODE,
  SM_STUDENT_FIELD_CITY,
};

static const guint school_fields[] = {
  SM_STUDENT_FIELD_CLASS_NAME,
  SM_STUDENT_FIELD_LEVEL,
  SM_STUDENT_FIELD_PATHWAY,
  SM_STUDENT_FIELD_PROGRAMME,
  SM_STUDENT_FIELD_SUPERVISOR,
};

static const guint wishes_fields[] = {
  SM_STUDENT_FIELD_AVAILABLE_FROM,
  SM_STUDENT_FIELD_AVAILABLE_UNTIL,
  SM_STUDENT_FIELD_HOURS_PER_WEEK,
  SM_STUDENT_FIELD_MAX_TRAVEL_KM,
  SM_STUDENT_FIELD_SECTOR_INTERESTS,
  SM_STUDENT_FIELD_SKILLS,
};

static const guint requirements_fields[] = {
  SM_STUDENT_FIELD_DRIVING_LICENCE,
  SM_STUDENT_FIELD_VOG,
  SM_STUDENT_FIELD_CERTIFICATES,
};

static const SmField *
get_fields (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (SM_TYPE_STUDENT);

  /* The field table is static: it outlives the class reference. */
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
fill_grid (SmStudentDetail *self,
           GtkGrid         *grid,
           const guint     *group,
           guint            n_group)
{
  const SmField *fields = get_fields ();

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
      self->values[field] = GTK_LABEL (value);
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

static char *
join_strv (const char * const *strv,
           gboolean            sectors)
{
  GString *text;

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; strv[i] != NULL; i++)
    {
      const char *item = strv[i];
      SmSector sector;

      if (sectors && sm_sector_from_key (item, &sector))
        item = sm_sector_get_display_name (sector);
      if (text->len > 0)
        /* Translators: separates the items of a list, such as skills. */
        g_string_append (text, _(", "));
      g_string_append (text, item);
    }

  return g_string_free (text, FALSE);
}

static char *
format_programme (SmStudentDetail *self,
                  const char      *code)
{
  SmRecord *programme = NULL;
  const char *name;

  if (code == NULL || *code == '\0')
    return NULL;

  if (self->store != NULL)
    programme = sm_store_lookup_key (self->store, SM_TYPE_PROGRAMME, code);
  name = programme != NULL ? sm_programme_get_name (SM_PROGRAMME (programme)) : NULL;
  if (name == NULL)
    return g_strdup (code);

  /* Translators: a programme's name and its code, as in
   * "Software developer (25604)". */
  return g_strdup_printf (_("%s (%s)"), name, code);
}

static char *
format_value (SmStudentDetail *self,
              guint            field)
{
  SmRecord *record = SM_RECORD (self->student);
  const SmField *fields = get_fields ();

  switch (field)
    {
    case SM_STUDENT_FIELD_LEVEL:
      {
        SmLevel level = sm_student_get_level (self->student);

        return level < SM_N_LEVELS ? g_strdup (sm_level_get_display_name (level)) : NULL;
      }
    case SM_STUDENT_FIELD_PATHWAY:
      {
        SmPathway pathway = sm_student_get_pathway (self->student);

        return pathway != SM_PATHWAY_NONE ? g_strdup (sm_pathway_get_display_name (pathway)) : NULL;
      }
    case SM_STUDENT_FIELD_PROGRAMME:
      return format_programme (self, sm_student_get_programme (self->student));
    case SM_STUDENT_FIELD_SECTOR_INTERESTS:
      return join_strv (sm_record_get_strv (record, field), TRUE);
    default:
      break;
    }

  switch (fields[field].kind)
    {
    case SM_FIELD_DATE:
      return format_date (sm_record_get_string (record, field));
    case SM_FIELD_BOOLEAN:
      return g_strdup (sm_record_get_int (record, field) ? _("Yes") : _("No"));
    case SM_FIELD_STRV:
      return join_strv (sm_record_get_strv (record, field), FALSE);
    default:
      return sm_record_dup_text (record, field);
    }
}

static void
update_values (SmStudentDetail *self)
{
  g_autofree char *title = NULL;

  for (guint field = 0; field < SM_STUDENT_N_FIELDS; field++)
    {
      g_autofree char *text = NULL;

      if (self->student != NULL)
        text = format_value (self, field);
      if (text != NULL)
        g_strstrip (text);

      gtk_label_set_text (self->values[field], text != NULL && *text != '\0' ? text : EMPTY_VALUE);
    }

  if (self->student != NULL)
    title = sm_student_dup_full_name (self->student);
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
}

static void
update_placements (SmStudentDetail *self)
{
  GtkWidget *child;
  gint64 student_id;
  guint n;
  guint row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->placements_grid))) != NULL)
    gtk_grid_remove (self->placements_grid, child);

  if (self->student != NULL && self->placements != NULL)
    {
      student_id = sm_record_get_id (SM_RECORD (self->student));
      n = g_list_model_get_n_items (self->placements);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SmPlacement) placement = g_list_model_get_item (self->placements, i);
          SmRecord *offer;
          GtkWidget *title;
          GtkWidget *status;

          if (sm_placement_get_student_id (placement) != student_id)
            continue;

          offer = sm_store_lookup (self->store, SM_TYPE_OFFER, sm_placement_get_offer_id (placement));
          title = value_label_new ();
          gtk_label_set_text (GTK_LABEL (title),
                              offer != NULL && sm_offer_get_title (SM_OFFER (offer)) != NULL
                              ? sm_offer_get_title (SM_OFFER (offer)) : EMPTY_VALUE);
          status = key_label_new (sm_placement_status_get_display_name (sm_placement_get_status (placement)));
          gtk_grid_attach (self->placements_grid, title, 0, row, 1, 1);
          gtk_grid_attach (self->placements_grid, status, 1, row, 1, 1);
          row++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->placements_heading), row > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->placements_grid), row > 0);
}

static void
on_student_notify_cb (SmStudentDetail *self,
                      GParamSpec      *pspec,
                      SmStudent       *student)
{
  update_values (self);
}

static void
on_placements_changed_cb (SmStudentDetail *self,
                          guint            position,
                          guint            removed,
                          guint            added,
                          GListModel      *model)
{
  update_placements (self);
}

static void
sm_student_detail_dispose (GObject *object)
{
  SmStudentDetail *self = SM_STUDENT_DETAIL (object);
  GtkWidget *child;

  if (self->student != NULL)
    g_signal_handlers_disconnect_by_data (self->student, self);
  if (self->placements != NULL)
    g_signal_handlers_disconnect_by_data (self->placements, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_STUDENT_DETAIL);
  /* The scrolled window is not bound, so the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->student);
  g_clear_object (&self->placements);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_student_detail_parent_class)->dispose (object);
}

static void
sm_student_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SmStudentDetail *self = SM_STUDENT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STUDENT:
      g_value_set_object (value, self->student);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_student_detail_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SmStudentDetail *self = SM_STUDENT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STUDENT:
      sm_student_detail_set_student (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      sm_student_detail_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_student_detail_class_init (SmStudentDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_student_detail_dispose;
  object_class->get_property = sm_student_detail_get_property;
  object_class->set_property = sm_student_detail_set_property;

  properties[PROP_STUDENT] =
    g_param_spec_object ("student", NULL, NULL,
                         SM_TYPE_STUDENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stagematch/Stagematch/sm-student-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, identity_grid);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, contact_grid);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, school_grid);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, wishes_grid);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, requirements_grid);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, motivation_heading);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, motivation_label);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, accommodations_heading);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, accommodations_label);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, placements_heading);
  gtk_widget_class_bind_template_child (widget_class, SmStudentDetail, placements_grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "studentdetail");
}

static void
sm_student_detail_init (SmStudentDetail *self)
{
  const SmField *fields = get_fields ();

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_grid (self, self->identity_grid, identity_fields, G_N_ELEMENTS (identity_fields));
  fill_grid (self, self->contact_grid, contact_fields, G_N_ELEMENTS (contact_fields));
  fill_grid (self, self->school_grid, school_fields, G_N_ELEMENTS (school_fields));
  fill_grid (self, self->wishes_grid, wishes_fields, G_N_ELEMENTS (wishes_fields));
  fill_grid (self, self->requirements_grid, requirements_fields, G_N_ELEMENTS (requirements_fields));

  gtk_label_set_text (self->motivation_heading,
                      g_dgettext (GETTEXT_PACKAGE, fields[SM_STUDENT_FIELD_MOTIVATION].label));
  gtk_label_set_text (self->accommodations_heading,
                      g_dgettext (GETTEXT_PACKAGE, fields[SM_STUDENT_FIELD_ACCOMMODATIONS].label));
  self->values[SM_STUDENT_FIELD_MOTIVATION] = self->motivation_label;
  self->values[SM_STUDENT_FIELD_ACCOMMODATIONS] = self->accommodations_label;

  for (guint field = 0; field < SM_STUDENT_N_FIELDS; field++)
    g_assert (self->values[field] != NULL);

  update_values (self);
  update_placements (self);
}

GtkWidget *
sm_student_detail_new (void)
{
  return g_object_new (SM_TYPE_STUDENT_DETAIL, NULL);
}

/**
 * sm_student_detail_get_student:
 *
 * Returns: (transfer none) (nullable): the student shown
 */
SmStudent *
sm_student_detail_get_student (SmStudentDetail *self)
{
  g_return_val_if_fail (SM_IS_STUDENT_DETAIL (self), NULL);

  return self->student;
}

void
sm_student_detail_set_student (SmStudentDetail *self,
                               SmStudent       *student)
{
  g_return_if_fail (SM_IS_STUDENT_DETAIL (self));
  g_return_if_fail (student == NULL || SM_IS_STUDENT (student));

  if (self->student == student)
    return;

  if (self->student != NULL)
    g_signal_handlers_disconnect_by_data (self->student, self);
  g_set_object (&self->student, student);
  /* The store changes its cached records in place. */
  if (student != NULL)
    g_signal_connect_object (student, "notify", G_CALLBACK (on_student_notify_cb),
                             self, G_CONNECT_SWAPPED);

  update_values (self);
  update_placements (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDENT]);
}

/**
 * sm_student_detail_get_store:
 *
 * Returns: (transfer none) (nullable): the store that names programmes,
 *   placements and offers
 */
SmStore *
sm_student_detail_get_store (SmStudentDetail *self)
{
  g_return_val_if_fail (SM_IS_STUDENT_DETAIL (self), NULL);

  return self->store;
}

void
sm_student_detail_set_store (SmStudentDetail *self,
                             SmStore         *store)
{
  g_return_if_fail (SM_IS_STUDENT_DETAIL (self));
  g_return_if_fail (store == NULL || SM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->placements != NULL)
    g_signal_handlers_disconnect_by_data (self->placements, self);
  g_clear_object (&self->placements);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_autoptr(GError) error = NULL;
      GListModel *placements = sm_store_list (store, SM_TYPE_PLACEMENT, &error);

      /* Without placements the pane still shows the student. */
      if (placements != NULL)
        {
          self->placements = g_object_ref (placements);
          g_signal_connect_object (placements, "items-changed",
                                   G_CALLBACK (on_placements_changed_cb), self, G_CONNECT_SWAPPED);
        }
      else
        g_debug ("No placements: %s", error->message);
    }

  update_values (self);
  update_placements (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
