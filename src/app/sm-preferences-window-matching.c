/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-preferences-window-private.h"

/* The Matching page: the weights of the match score, read and written
 * through the core's SmMatchWeights exactly as `stagematch-cli weights`
 * does, so that both check them the same way. The default travel distance
 * on this page is bound to GSettings in sm-preferences-window.c. */

/* What each component rewards, in the order of SmMatchComponent. */
static const char * const component_explanations[SM_MATCH_N_COMPONENTS] = {
  N_("The offer lists the student’s programme"),
  N_("The offer is in a sector the student is interested in"),
  N_("Nearer is better, within the student’s maximum travel distance"),
  N_("The share of the offer’s skills that the student has"),
  N_("How high the student ranked the offer"),
};

static void
get_shown_weights (SmPreferencesWindow *self,
                   SmMatchWeights      *weights)
{
  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    weights->weight[i] = (guint) gtk_spin_button_get_value_as_int (self->weight_spins[i]);
}

static void
show_weights (SmPreferencesWindow  *self,
              const SmMatchWeights *weights)
{
  self->loading = TRUE;
  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    gtk_spin_button_set_value (self->weight_spins[i], weights->weight[i]);
  self->loading = FALSE;
}

static void
update_total (SmPreferencesWindow *self)
{
  SmMatchWeights weights;
  g_autofree char *text = NULL;
  guint total = 0;

  get_shown_weights (self, &weights);
  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    total += weights.weight[i];

  if (total > SM_MATCH_MAX_SCORE)
    /* Translators: %u is the sum of the weights, more than 1000. */
    text = g_strdup_printf (_("Together %u: lower a weight, at most 1000 in all"), total);
  else
    /* Translators: %u is the sum of the weights, at most 1000. */
    text = g_strdup_printf (_("Together %u of at most 1000"), total);

  gtk_label_set_label (self->weights_total_label, text);
  if (total > SM_MATCH_MAX_SCORE)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->weights_total_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->weights_total_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->weights_total_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->weights_total_label), "dim-label");
    }
}

static void
clear_weight_errors (SmPreferencesWindow *self)
{
  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    _sm_preferences_window_show_error (self->weight_errors[i],
                                       GTK_WIDGET (self->weight_spins[i]),
                                       NULL);
  _sm_preferences_window_show_error (self->weights_error, NULL, NULL);
}

/* Saves the weights as shown. Weights that together pass 1000 are not
 * saved: the message stands beside the weight that was changed last until
 * another change brings the total down. */
static void
on_weight_value_changed_cb (GtkSpinButton       *spin,
                            SmPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SmMatchWeights weights;

  if (self->loading)
    return;

  update_total (self);
  get_shown_weights (self, &weights);

  if (!sm_match_weights_save (&weights, self->store, &error))
    {
      for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
        if (self->weight_spins[i] == spin)
          _sm_preferences_window_show_error (self->weight_errors[i], GTK_WIDGET (spin), error->message);
        else
          _sm_preferences_window_show_error (self->weight_errors[i], GTK_WIDGET (self->weight_spins[i]), NULL);
      return;
    }

  clear_weight_errors (self);
}

static void
on_weights_reset_clicked_cb (GtkButton           *button,
                             SmPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SmMatchWeights weights;

  sm_match_weights_init_default (&weights);
  show_weights (self, &weights);
  update_total (self);
  clear_weight_errors (self);

  if (!sm_match_weights_save (&weights, self->store, &error))
    _sm_preferences_window_show_error (self->weights_error, NULL, error->message);
}

static GtkWidget *
weight_row_new (SmPreferencesWindow *self,
                SmMatchComponent     component)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *line;
  GtkWidget *titles;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *spin;
  GtkWidget *error;

  /* Wrapping labels are capped in width, so that a long text wraps
   * instead of widening the page. */
  title = gtk_label_new (sm_match_component_get_label (component));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);

  subtitle = gtk_label_new (_(component_explanations[component]));
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), subtitle);

  spin = gtk_spin_button_new_with_range (0, SM_MATCH_MAX_SCORE, 10);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle, NULL,
                                  -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_weight_value_changed_cb), self);

  error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (error), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error), 40);
  gtk_label_set_wrap_mode (GTK_LABEL (error), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (line), titles);
  gtk_box_append (GTK_BOX (line), spin);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "sm-preferences-row");
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), error);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  self->weight_spins[component] = GTK_SPIN_BUTTON (spin);
  self->weight_errors[component] = GTK_LABEL (error);

  return row;
}

void
_sm_preferences_window_matching_load (SmPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SmMatchWeights weights;

  for (guint i = 0; i < SM_MATCH_N_COMPONENTS; i++)
    gtk_list_box_append (self->weights_list, weight_row_new (self, i));

  /* Damaged weights show the defaults, which the next change saves. */
  if (!sm_match_weights_load (&weights, self->store, &error))
    _sm_preferences_window_show_error (self->weights_error, NULL, error->message);

  show_weights (self, &weights);
  update_total (self);
}

void
_sm_preferences_window_matching_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, travel_row);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, travel_spin);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, weights_list);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, weights_total_label);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, weights_error);
  gtk_widget_class_bind_template_callback (widget_class, on_weights_reset_clicked_cb);
}
