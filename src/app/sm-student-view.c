/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-student-view"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sm-level.h"
#include "sm-programme.h"
#include "sm-status-page.h"
#include "sm-student-detail.h"
#include "sm-student.h"
#include "sm-student-view.h"

/*
 * SmStudentView:
 *
 * The students of a store in a sortable table, with a search entry that
 * narrows it down as the coordinator types. It reads the store's list
 * models only; it never asks the database itself.
 */
struct _SmStudentView
{
  GtkWidget            parent_instance;

  SmStore             *store;
  GListModel          *students;
  GListModel          *programmes;
  GHashTable          *programme_names;  /* code → name */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  char                *search;           /* casefolded, never NULL */

  /* Template children */
  GtkStack            *stack;
  GtkStack            *results_stack;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *class_column;
  GtkColumnViewColumn *level_column;
  GtkColumnViewColumn *programme_column;
  SmStatusPage        *empty_page;
  SmStudentDetail     *detail;
};

G_DEFINE_FINAL_TYPE (SmStudentView, sm_student_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Search */

static gboolean
field_contains (SmStudent  *student,
                guint       field,
                const char *needle)
{
  const char *value = sm_record_get_string (SM_RECORD (student), field);
  g_autofree char *folded = NULL;

  if (value == NULL)
    return FALSE;

  folded = g_utf8_casefold (value, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
match_student (gpointer item,
               gpointer user_data)
{
  SmStudentView *self = user_data;
  SmStudent *student = item;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;

  if (self->search[0] == '\0')
    return TRUE;

  if (field_contains (student, SM_STUDENT_FIELD_STUDENT_NUMBER, self->search) ||
      field_contains (student, SM_STUDENT_FIELD_CLASS_NAME, self->search))
    return TRUE;

  name = sm_student_dup_full_name (student);
  folded = g_utf8_casefold (name != NULL ? name : "", -1);
  return strstr (folded, self->search) != NULL;
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

  total_text = format_count (total);
  if (shown == total)
    /* Translators: %s is a number, such as "20,000". */
    text = g_strdup_printf (ngettext ("%s student", "%s students", total), total_text);
  else
    {
      g_autofree char *shown_text = format_count (shown);

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
on_programmes_changed_cb (SmStudentView *self,
                          guint          position,
                          guint          removed,
                          guint          added,
                          GListModel    *model)
{
  update_programme_names (self);
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

  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->students);
  g_clear_object (&self->programmes);
  g_clear_pointer (&self->programme_names, g_hash_table_unref);
}

static void
load_store (SmStudentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) programme_error = NULL;
  GListModel *students;
  GListModel *programmes;

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

  self->students = g_object_ref (students);
  g_signal_connect_object (students, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filter_model, students);

  sm_status_page_set_title (self->empty_page, _("No Students Yet"));
  sm_status_page_set_description (self->empty_page,
                                  _("This database holds no students yet.\n"
                                    "Run “stagematch-cli demo” to fill it with made-up students "
                                    "to try Stagematch with; importing the school’s student list "
                                    "will come in a later version."));
  update_state (self);
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
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sm_student_view_parent_class)->dispose (object);
}

static void
sm_student_view_finalize (GObject *object)
{
  SmStudentView *self = SM_STUDENT_VIEW (object);

  g_free (self->search);

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
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SmStudentView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_class_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_level_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_programme_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "students.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "students.focus-search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Selection */

static void
on_selected_item_changed_cb (SmStudentView      *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  SmStudent *student = gtk_single_selection_get_selected_item (selection);

  /* The pane is there only while a student is selected. */
  sm_student_detail_set_student (self->detail, student);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), student != NULL);
}

static void
sm_student_view_init (SmStudentView *self)
{
  GtkSingleSelection *selection;
  GtkSorter *numeric;

  self->search = g_strdup ("");

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

  self->filter = gtk_custom_filter_new (match_student, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  /* Nothing is selected until the coordinator picks a student. */
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_object (selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

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

  return G_LIST_MODEL (self->sort_model);
}

void
sm_student_view_focus_search (SmStudentView *self)
{
  g_return_if_fail (SM_IS_STUDENT_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
