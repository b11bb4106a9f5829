/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-student-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sm-company.h"
#include "sm-format.h"
#include "sm-level.h"
#include "sm-offer.h"
#include "sm-placement.h"
#include "sm-programme.h"
#include "sm-status-page.h"
#include "sm-student-detail.h"
#include "sm-student.h"
#include "sm-student-view-private.h"

/*
 * SmStudentView:
 *
 * The students of a store in a sortable table, with a search entry that
 * narrows it down as the coordinator types, and drop-downs that keep
 * only one level, class, programme or placement status. It reads the
 * store's list models only; it never asks the database itself.
 */

G_DEFINE_FINAL_TYPE (SmStudentView, sm_student_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_store (SmStudentView *self);

static const char *
get_programme_name (SmStudentView *self,
                    SmStudent     *student)
{
  const char *code = sm_student_get_programme (student);
  const char *name = NULL;

  if (code == NULL)
    return NULL;
  if (self->programme_names != NULL)
    name = g_hash_table_lookup (self->programme_names, code);

  return name != NULL ? name : code;
}

static void
update_programme_names (SmStudentView *self)
{
  guint n;

  g_clear_pointer (&self->programme_names, g_hash_table_unref);
  if (self->programmes == NULL)
    return;

  self->programme_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  n = g_list_model_get_n_items (self->programmes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmProgramme) programme = g_list_model_get_item (self->programmes, i);
      const char *code = sm_programme_get_code (programme);

      if (code != NULL)
        g_hash_table_insert (self->programme_names, g_strdup (code),
                             g_strdup (sm_programme_get_name (programme)));
    }
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   SmStudentView *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  self->painted = TRUE;
  _sm_student_view_schedule_match_count (self);
}

/* Columns of short values are as wide as their text needs, so they stay
 * readable with large text. */
static void
update_column_widths (SmStudentView *self)
{
  static const struct {
    gsize offset;
    int   chars;
  } widths[] = {
    { G_STRUCT_OFFSET (SmStudentView, number_column), 20 },
    { G_STRUCT_OFFSET (SmStudentView, class_column), 13 },
    { G_STRUCT_OFFSET (SmStudentView, level_column), 15 },
    { G_STRUCT_OFFSET (SmStudentView, placement_column), 16 },
    { G_STRUCT_OFFSET (SmStudentView, matches_column), 11 },
  };
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (metrics));

  pango_font_metrics_unref (metrics);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    gtk_column_view_column_set_fixed_width (G_STRUCT_MEMBER (GtkColumnViewColumn *, self, widths[i].offset),
                                            widths[i].chars * char_width);
}

static void
sm_student_view_realize (GtkWidget *widget)
{
  SmStudentView *self = SM_STUDENT_VIEW (widget);

  GTK_WIDGET_CLASS (sm_student_view_parent_class)->realize (widget);

  update_column_widths (self);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-xft-dpi",
                           G_CALLBACK (update_column_widths), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-font-name",
                           G_CALLBACK (update_column_widths), self, G_CONNECT_SWAPPED);

  if (!self->painted && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (on_after_paint_cb), self);
}

/* The students are read when the view is first shown, before its first
 * frame, so that a window opened on another view does not wait for
 * them. */
static void
sm_student_view_map (GtkWidget *widget)
{
  SmStudentView *self = SM_STUDENT_VIEW (widget);

  if (!self->loaded)
    load_store (self);

  GTK_WIDGET_CLASS (sm_student_view_parent_class)->map (widget);
}

static void
sm_student_view_unrealize (GtkWidget *widget)
{
  SmStudentView *self = SM_STUDENT_VIEW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), update_column_widths, self);

  GTK_WIDGET_CLASS (sm_student_view_parent_class)->unrealize (widget);
}

/* Placements */

/* The most advanced placement that is not cancelled, or
 * PLACEMENT_NOT_PLACED. */
static int
get_placement_status (SmStudentView *self,
                      SmStudent     *student)
{
  gint64 id = sm_record_get_id (SM_RECORD (student));
  gpointer value;

  if (self->placement_status == NULL ||
      !g_hash_table_lookup_extended (self->placement_status, &id, NULL, &value))
    return PLACEMENT_NOT_PLACED;

  return GPOINTER_TO_INT (value) - 1;
}

static const char *
get_placement_text (SmStudentView *self,
                    SmStudent     *student)
{
  int status = get_placement_status (self, student);

  if (status == PLACEMENT_NOT_PLACED)
    return _("Not placed");

  return sm_placement_status_get_display_name (status);
}

static void
update_placement_status (SmStudentView *self)
{
  guint n;

  g_clear_pointer (&self->placement_status, g_hash_table_unref);
  if (self->placements == NULL)
    return;

  self->placement_status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  n = g_list_model_get_n_items (self->placements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmPlacement) placement = g_list_model_get_item (self->placements, i);
      SmPlacementStatus status = sm_placement_get_status (placement);
      gint64 student_id = sm_placement_get_student_id (placement);
      gpointer old;

      if (status == SM_PLACEMENT_STATUS_CANCELLED)
        continue;

      /* The statuses are in the order a placement goes through them. */
      if (g_hash_table_lookup_extended (self->placement_status, &student_id, NULL, &old) &&
          GPOINTER_TO_INT (old) - 1 >= (int) status)
        continue;

      g_hash_table_insert (self->placement_status, g_memdup2 (&student_id, sizeof student_id),
                           GINT_TO_POINTER ((int) status + 1));
    }
}

static void
on_store_changed_cb (SmStore       *store,
                     GType          record_type,
                     SmStudentView *self)
{
  GHashTableIter iter;
  gpointer item;

  /* A student changed in place searches by its new name. */
  if (record_type == SM_TYPE_STUDENT)
    g_hash_table_remove_all (self->search_texts);

  /* What a student can be matched with depends on all of these. */
  if (record_type == SM_TYPE_STUDENT || record_type == SM_TYPE_OFFER ||
      record_type == SM_TYPE_COMPANY || record_type == SM_TYPE_PLACEMENT ||
      record_type == SM_TYPE_PROGRAMME)
    _sm_student_view_schedule_match_count (self);

  if (record_type != SM_TYPE_PLACEMENT)
    return;

  update_placement_status (self);

  /* Only the cells on screen and the order and filter change: the rows
   * stay as they are. */
  g_hash_table_iter_init (&iter, self->placement_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                              get_placement_text (self, gtk_list_item_get_item (item)));

  gtk_sorter_changed (self->placement_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  if (self->placement_filter != PLACEMENT_ANY)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Sort keys */

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

static char *
dup_number_key (SmStudent *student,
                gpointer   user_data)
{
  return g_strdup (sm_student_get_student_number (student));
}

static char *
dup_name_key (SmStudent *student,
              gpointer   user_data)
{
  SmRecord *record = SM_RECORD (student);

  /* Dutch lists go by family name without its prefix: "van der Berg"
   * under B. */
  return g_strjoin (" ",
                    nonnull (sm_record_get_string (record, SM_STUDENT_FIELD_FAMILY_NAME)),
                    nonnull (sm_record_get_string (record, SM_STUDENT_FIELD_GIVEN_NAME)),
                    nonnull (sm_record_get_string (record, SM_STUDENT_FIELD_NAME_PREFIX)),
                    NULL);
}

static char *
dup_class_key (SmStudent *student,
               gpointer   user_data)
{
  return g_strdup (sm_student_get_class_name (student));
}

static int
get_level_key (SmStudent *student,
               gpointer   user_data)
{
  return sm_student_get_level (student);
}

static char *
dup_programme_key (SmStudent *student,
                   gpointer   user_data)
{
  return g_strdup (get_programme_name (user_data, student));
}

static int
get_placement_key (SmStudent *student,
                   gpointer   user_data)
{
  return get_placement_status (user_data, student);
}

static int
get_matches_key (SmStudent *student,
                 gpointer   user_data)
{
  return _sm_student_view_get_match_count (user_data, student);
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   GtkSorter           *sorter)
{
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
}

static GtkSorter *
string_sorter_new (GCallback callback,
                   gpointer  user_data)
{
  GtkExpression *expression;

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            callback, user_data, NULL);
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

/* Cells */

static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SmStudentView            *self)
{
  /* GtkInscription does not measure its text: quick with many rows. */
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0.0f);
  gtk_list_item_set_child (item, cell);
}

static void
on_setup_number_cell_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         SmStudentView            *self)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0f);
  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (item, cell);
}

static void
on_bind_matches_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    SmStudentView            *self)
{
  _sm_student_view_set_match_cell (self, item);
  g_hash_table_add (self->match_cells, item);
}

static void
on_unbind_matches_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      SmStudentView            *self)
{
  g_hash_table_remove (self->match_cells, item);
}

static void
set_cell_text (GtkListItem *item,
               const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static void
on_bind_number_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SmStudentView            *self)
{
  set_cell_text (item, sm_student_get_student_number (gtk_list_item_get_item (item)));
}

static void
on_bind_name_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SmStudentView            *self)
{
  g_autofree char *name = sm_student_dup_full_name (gtk_list_item_get_item (item));

  set_cell_text (item, name);
}

static void
on_bind_class_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SmStudentView            *self)
{
  set_cell_text (item, sm_student_get_class_name (gtk_list_item_get_item (item)));
}

static void
on_bind_level_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SmStudentView            *self)
{
  SmLevel level = sm_student_get_level (gtk_list_item_get_item (item));

  set_cell_text (item, level < SM_N_LEVELS ? sm_level_get_short_name (level) : NULL);
}

static void
on_bind_programme_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      SmStudentView            *self)
{
  set_cell_text (item, get_programme_name (self, gtk_list_item_get_item (item)));
}

static void
on_bind_placement_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      SmStudentView            *self)
{
  set_cell_text (item, get_placement_text (self, gtk_list_item_get_item (item)));
  g_hash_table_add (self->placement_cells, item);
}

static void
on_unbind_placement_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        SmStudentView            *self)
{
  g_hash_table_remove (self->placement_cells, item);
}

/* Search */

/* What the search looks in, casefolded once per student: number, class
 * and name, apart so that a search cannot run from one into the next. */
static const char *
get_search_text (SmStudentView *self,
                 SmStudent     *student)
{
  const char *text = g_hash_table_lookup (self->search_texts, student);

  if (text == NULL)
    {
      g_autofree char *name = sm_student_dup_full_name (student);
      g_autofree char *joined = NULL;
      char *folded;

      joined = g_strjoin ("\n",
                          nonnull (sm_student_get_student_number (student)),
                          nonnull (sm_student_get_class_name (student)),
                          nonnull (name),
                          NULL);
      folded = g_utf8_casefold (joined, -1);
      g_hash_table_insert (self->search_texts, student, folded);
      text = folded;
    }

  return text;
}

static gboolean
match_student (gpointer item,
               gpointer user_data)
{
  SmStudentView *self = user_data;
  SmStudent *student = item;

  if (self->level_filter >= 0 && (int) sm_student_get_level (student) != self->level_filter)
    return FALSE;
  if (self->class_filter != NULL &&
      g_strcmp0 (sm_student_get_class_name (student), self->class_filter) != 0)
    return FALSE;
  if (self->programme_filter != NULL &&
      g_strcmp0 (sm_student_get_programme (student), self->programme_filter) != 0)
    return FALSE;
  if (self->placement_filter != PLACEMENT_ANY &&
      get_placement_status (self, student) != self->placement_filter)
    return FALSE;

  if (self->search[0] == '\0')
    return TRUE;

  return strstr (get_search_text (self, student), self->search) != NULL;
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      SmStudentView  *self)
{
  g_autofree char *old = g_steal_pointer (&self->search);
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkFilterChange change;

  self->search = g_utf8_casefold (stripped, -1);
  if (g_str_equal (old, self->search))
    return;

  /* Typing on narrows the rows already shown, deleting widens them: the
   * filter model then only looks at the rows that can change. */
  if (strstr (self->search, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old, self->search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_stop_search_cb (GtkSearchEntry *entry,
                   SmStudentView  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* State */

static void
update_state (SmStudentView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *total_text = NULL;
  guint total;
  guint shown;

  if (self->students == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  total = g_list_model_get_n_items (self->students);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, shown > 0 || total == 0 ? "results" : "no-results");

  total_text = sm_format_count (total);
  if (shown == total)
    /* Translators: %s is a number, such as "20,000". */
    text = g_strdup_printf (ngettext ("%s student", "%s students", total), total_text);
  else
    {
      g_autofree char *shown_text = sm_format_count (shown);

      /* Translators: the search shows the first number of students out of
       * the second, such as "3 of 20,000 students". */
      text = g_strdup_printf (ngettext ("%s of %s student", "%s of %s students", total),
                              shown_text, total_text);
    }

  gtk_label_set_label (self->count_label, text);
}

static void
on_items_changed_cb (SmStudentView *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  if (removed != added)
    update_state (self);
}

static void
on_students_changed_cb (SmStudentView *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  /* Classes and programmes come and go with their students; a removed
   * student's search text must not outlive it. */
  if (removed > 0)
    g_hash_table_remove_all (self->search_texts);
  _sm_student_view_update_choices (self);
}

static void
on_programmes_changed_cb (SmStudentView *self,
                          guint          position,
                          guint          removed,
                          guint          added,
                          GListModel    *model)
{
  update_programme_names (self);
  _sm_student_view_update_choices (self);
}

static void
clear_models (SmStudentView *self)
{
  if (self->students != NULL)
    g_signal_handlers_disconnect_by_data (self->students, self);
  if (self->programmes != NULL)
    g_signal_handlers_disconnect_by_data (self->programmes, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_sort_list_model_set_model (self->sort_model, NULL);
  g_clear_object (&self->students);
  g_clear_object (&self->programmes);
  g_clear_object (&self->placements);
  g_clear_pointer (&self->programme_names, g_hash_table_unref);
  g_clear_pointer (&self->placement_status, g_hash_table_unref);
  g_clear_pointer (&self->match_counts, g_hash_table_unref);
  g_hash_table_remove_all (self->search_texts);
  _sm_student_view_cancel_match_count (self);
  self->loaded = FALSE;
}

static void
load_store (SmStudentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) programme_error = NULL;
  g_autoptr(GError) placement_error = NULL;
  GListModel *students;
  GListModel *programmes;
  GListModel *placements;

  self->loaded = TRUE;
  sm_student_detail_set_store (self->detail, self->store);

  if (self->store == NULL)
    {
      sm_status_page_set_description (self->empty_page, _("No database is open."));
      update_state (self);
      return;
    }

  students = sm_store_list (self->store, SM_TYPE_STUDENT, &error);
  if (students == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the reason, as the database gave it. */
      text = g_strdup_printf (_("Stagematch could not read the students: %s"), error->message);
      sm_status_page_set_title (self->empty_page, _("Students Could Not Be Read"));
      sm_status_page_set_description (self->empty_page, text);
      update_state (self);
      return;
    }

  /* Without programme names the column shows the programme codes. */
  programmes = sm_store_list (self->store, SM_TYPE_PROGRAMME, &programme_error);
  if (programmes != NULL)
    {
      self->programmes = g_object_ref (programmes);
      g_signal_connect_object (programmes, "items-changed",
                               G_CALLBACK (on_programmes_changed_cb), self, G_CONNECT_SWAPPED);
      update_programme_names (self);
    }
  else
    g_debug ("No programme names: %s", programme_error->message);

  /* Without placements every student shows as not placed. */
  placements = sm_store_list (self->store, SM_TYPE_PLACEMENT, &placement_error);
  if (placements != NULL)
    {
      self->placements = g_object_ref (placements);
      update_placement_status (self);
    }
  else
    g_debug ("No placements: %s", placement_error->message);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed_cb), self, 0);

  self->students = g_object_ref (students);
  g_signal_connect_object (students, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (students, "items-changed",
                           G_CALLBACK (on_students_changed_cb), self, G_CONNECT_SWAPPED);
  _sm_student_view_update_choices (self);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_sort_list_model_set_model (self->sort_model, students);

  sm_status_page_set_title (self->empty_page, _("No Students Yet"));
  sm_status_page_set_description (self->empty_page,
                                  _("This database holds no students yet. Add them one by one, or "
                                    "open the demo to try Stagematch with made-up students first. "
                                    "Importing the school’s student list will come in a later version."));
  update_state (self);
  _sm_student_view_schedule_match_count (self);
  _sm_student_view_update_actions (self);
}

static void
sm_student_view_dispose (GObject *object)
{
  SmStudentView *self = SM_STUDENT_VIEW (object);

  clear_models (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_STUDENT_VIEW);

  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->placement_sorter);
  g_clear_object (&self->matches_sorter);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_student_view_parent_class)->dispose (object);
}

static void
sm_student_view_finalize (GObject *object)
{
  SmStudentView *self = SM_STUDENT_VIEW (object);

  g_free (self->search);
  g_free (self->class_filter);
  g_free (self->programme_filter);
  g_ptr_array_unref (self->programme_codes);
  g_hash_table_unref (self->placement_cells);
  g_hash_table_unref (self->match_cells);
  g_hash_table_unref (self->search_texts);
  g_free (self->matches_error);

  G_OBJECT_CLASS (sm_student_view_parent_class)->finalize (object);
}

static void
sm_student_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmStudentView *self = SM_STUDENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_student_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SmStudentView *self = SM_STUDENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sm_student_view_set_store (self, g_value_get_object (value));
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
  sm_student_view_focus_search (SM_STUDENT_VIEW (widget));
}

static void
sm_student_view_class_init (SmStudentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_student_view_dispose;
  object_class->finalize = sm_student_view_finalize;
  object_class->get_property = sm_student_view_get_property;
  object_class->set_property = sm_student_view_set_property;

  widget_class->realize = sm_student_view_realize;
  widget_class->map = sm_student_view_map;
  widget_class->unrealize = sm_student_view_unrealize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SM_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SM_TYPE_STATUS_PAGE);

  g_type_ensure (SM_TYPE_STUDENT_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stagematch/Stagematch/sm-student-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, stack);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, number_column);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, name_column);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, class_column);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, level_column);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, programme_column);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, placement_column);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, matches_column);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, placement_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_class_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_level_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_programme_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_placement_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_placement_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_number_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_matches_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_matches_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "students.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "students.focus-search", NULL);

  _sm_student_view_actions_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Selection */

/**
 * _sm_student_view_dup_selected:
 *
 * Returns: (transfer full): the selected students, in the order shown
 */
GPtrArray *
_sm_student_view_dup_selected (SmStudentView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *students = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (students, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return students;
}

/**
 * _sm_student_view_select:
 * @students: records of the store
 *
 * Selects these students where the search and filters show them.
 */
void
_sm_student_view_select (SmStudentView *self,
                         GPtrArray     *students)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < students->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (students, i));

  for (guint i = 0; i < n && g_hash_table_size (wanted) > 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_hash_table_remove (wanted, item))
        gtk_bitset_add (selected, i);
    }

  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
}

static void
on_selection_changed_cb (SmStudentView *self)
{
  g_autoptr(GPtrArray) students = _sm_student_view_dup_selected (self);
  SmStudent *student = students->len == 1 ? g_ptr_array_index (students, 0) : NULL;

  /* The pane is there only while one student is selected. */
  sm_student_detail_set_student (self->detail, student);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), student != NULL);
  _sm_student_view_update_actions (self);
}

static void
sm_student_view_init (SmStudentView *self)
{
  GtkSorter *numeric;

  self->search = g_strdup ("");
  self->level_filter = -1;
  self->placement_filter = PLACEMENT_ANY;
  self->programme_codes = g_ptr_array_new_with_free_func (g_free);
  self->placement_cells = g_hash_table_new (NULL, NULL);
  self->match_cells = g_hash_table_new (NULL, NULL);
  self->search_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  /* The template sets the column factories; the model comes after. */
  gtk_widget_init_template (GTK_WIDGET (self));

  set_column_sorter (self->number_column, string_sorter_new (G_CALLBACK (dup_number_key), NULL));
  set_column_sorter (self->name_column, string_sorter_new (G_CALLBACK (dup_name_key), NULL));
  set_column_sorter (self->class_column, string_sorter_new (G_CALLBACK (dup_class_key), NULL));
  numeric = GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                                             G_CALLBACK (get_level_key),
                                                                             NULL, NULL)));
  set_column_sorter (self->level_column, numeric);
  set_column_sorter (self->programme_column, string_sorter_new (G_CALLBACK (dup_programme_key), self));
  self->placement_sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                                                           G_CALLBACK (get_placement_key),
                                                                                           self, NULL)));
  gtk_column_view_column_set_sorter (self->placement_column, self->placement_sorter);
  self->matches_sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                                                         G_CALLBACK (get_matches_key),
                                                                                         self, NULL)));
  gtk_column_view_column_set_sorter (self->matches_column, self->matches_sorter);

  _sm_student_view_setup_filters (self);

  /* Sorted first, then filtered: a search then only takes rows away from
   * or gives them back to a list that is already in order, and nothing
   * is sorted again while the coordinator types. */
  self->filter = gtk_custom_filter_new (match_student, self, NULL);
  self->sort_model = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  /* Nothing is selected until the coordinator picks a student; several
   * can be picked to change them at once. */
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  load_store (self);
}

GtkWidget *
sm_student_view_new (void)
{
  return g_object_new (SM_TYPE_STUDENT_VIEW, NULL);
}

/**
 * sm_student_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store whose students are shown
 */
SmStore *
sm_student_view_get_store (SmStudentView *self)
{
  g_return_val_if_fail (SM_IS_STUDENT_VIEW (self), NULL);

  return self->store;
}

void
sm_student_view_set_store (SmStudentView *self,
                           SmStore       *store)
{
  g_return_if_fail (SM_IS_STUDENT_VIEW (self));
  g_return_if_fail (store == NULL || SM_IS_STORE (store));

  if (self->store == store)
    return;

  clear_models (self);
  g_set_object (&self->store, store);
  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_store (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sm_student_view_get_model:
 *
 * Returns: (transfer none): the students as shown, searched and sorted
 */
GListModel *
sm_student_view_get_model (SmStudentView *self)
{
  g_return_val_if_fail (SM_IS_STUDENT_VIEW (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

void
sm_student_view_focus_search (SmStudentView *self)
{
  g_return_if_fail (SM_IS_STUDENT_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
