/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-fairness"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sm-fairness-private.h"

/* Rendering the report: text for people, JSON for tools. */

/* Text */

/* Appends @text wrapped at 76 columns, each line indented by @indent. */
static void
append_paragraph (GString    *out,
                  const char *text,
                  guint       indent)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint width = g_utf8_strlen (words[i], -1);

      if (column > 0 && column + 1 + width > 76)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      if (column == 0)
        {
          for (guint j = 0; j < indent; j++)
            g_string_append_c (out, ' ');
          column = indent;
        }
      else
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += width;
    }
  g_string_append (out, "\n");
}

static void
append_rate (GString              *out,
             const SmFairnessRate *rate)
{
  if (rate->total == 0)
    g_string_append (out, "–");
  else
    /* Translators: a rate: "3 of 4 (75.0%)" */
    g_string_append_printf (out, _("%u of %u (%.1f%%)"), rate->selected, rate->total,
                            100.0 * rate->selected / rate->total);
}

/* Rows of cells, padded to the widest cell of each column. */
static void
append_table (GString   *out,
              GPtrArray *rows)
{
  g_autofree guint *widths = NULL;
  guint n_columns;

  if (rows->len == 0)
    return;
  n_columns = g_strv_length (rows->pdata[0]);
  widths = g_new0 (guint, n_columns);
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = MAX (widths[c], g_utf8_strlen (((char **) rows->pdata[r])[c], -1));

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      g_autoptr(GString) line = g_string_new ("  ");

      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < n_columns)
            for (guint pad = g_utf8_strlen (row[c], -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
    }
}

static char **
make_row (const char *first,
          ...) G_GNUC_NULL_TERMINATED;

static char **
make_row (const char *first,
          ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_strv_builder_add (builder, cell);
  va_end (args);
  return g_strv_builder_end (builder);
}

static void
append_students (GString          *out,
                 SmFairnessReport *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *rule = NULL;
  guint n_flagged = 0;

  g_string_append_printf (out, "%s\n", _("Students"));
  rule = g_strdup_printf (_("A student with %d or more rejections is flagged. Days until placement: "
                            "calendar days (UTC) from the first time the student was put forward, "
                            "decided on or proposed a placement, to the first acceptance or "
                            "confirmed placement."),
                          SM_FAIRNESS_MANY_REJECTIONS);
  append_paragraph (out, rule, 2);
  if (self->students->len == 0)
    {
      g_string_append_printf (out, "  %s\n", _("No student was put forward or decided on yet."));
      return;
    }

  g_ptr_array_add (rows, make_row (_("Student"), _("Decisions"), _("Rejections"), _("Days until placement"),
                                   "", NULL));
  for (guint i = 0; i < self->students->len; i++)
    {
      const SmFairnessStudent *student = &g_array_index (self->students, SmFairnessStudent, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, student->student_id);
      g_autofree char *n_decisions = g_strdup_printf ("%u", student->n_decisions);
      g_autofree char *n_rejections = g_strdup_printf ("%u", student->n_rejections);
      g_autofree char *days = NULL;

      if (student->days_to_placement >= 0)
        days = g_strdup_printf ("%d", student->days_to_placement);
      else
        days = g_strdup (student->placed ? _("placed, not known") : _("not placed"));
      if (student->many_rejections)
        n_flagged++;
      g_ptr_array_add (rows, make_row (id, n_decisions, n_rejections, days,
                                       student->many_rejections ? _("FLAGGED: many rejections") : "", NULL));
    }
  append_table (out, rows);
  g_string_append (out, "  ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u student flagged", "%u students flagged", n_flagged),
                          n_flagged);
  g_string_append (out, "\n");
}

static void
append_companies (GString          *out,
                  SmFairnessReport *self)
{
  g_string_append_printf (out, "\n%s\n", _("Companies"));
  append_paragraph (out,
                    _("Rejection rate: of the candidates a company decided on, those it rejected. "
                      "Blind: of the candidates it decided on while they were anonymous, those whose "
                      "last decision before the reveal was invite or accept. After the reveal: of the "
                      "candidates it selected while anonymous and decided on again after their identity "
                      "was revealed, those it still invited or accepted; the others were dropped "
                      "(rejected or put on reserve). A decline by the student is not counted. "
                      "Four-fifths rule: a company is flagged when its rate after the reveal is below "
                      "4/5 of its own blind rate, or below 4/5 of the rate after the reveal of all "
                      "companies together."),
                    2);

  g_string_append_printf (out, "  %s ", _("All companies: blind"));
  append_rate (out, &self->blind);
  g_string_append_printf (out, "; %s ", _("after the reveal"));
  append_rate (out, &self->after_reveal);
  g_string_append (out, "\n");
  if (self->companies->len == 0)
    g_string_append_printf (out, "  %s\n", _("No company decided on a candidate yet."));

  for (guint i = 0; i < self->companies->len; i++)
    {
      const SmFairnessCompany *company = self->companies->pdata[i];
      SmFairnessRate rejected = { company->n_rejected, company->n_candidacies };

      g_string_append_printf (out, "\n  %s (%" G_GINT64_FORMAT ")", company->name, company->company_id);
      if (company->flag_own || company->flag_all)
        g_string_append_printf (out, "  %s", _("FLAGGED: below four fifths"));
      g_string_append_printf (out, "\n    %s ", _("Rejection rate:"));
      append_rate (out, &rejected);
      g_string_append_c (out, '\n');
      if (company->reasons->len > 0)
        {
          g_string_append_printf (out, "    %s", _("Reasons:"));
          for (guint r = 0; r < company->reasons->len; r++)
            {
              const SmFairnessReason *reason = company->reasons->pdata[r];
              g_string_append_printf (out, "%s %s %u", r ? "," : "", *reason->code ? reason->code : "-",
                                      reason->count);
            }
          g_string_append_c (out, '\n');
        }
      g_string_append_printf (out, "    %s ", _("Blind:"));
      append_rate (out, &company->blind);
      g_string_append_printf (out, "; %s ", _("after the reveal:"));
      append_rate (out, &company->after_reveal);
      g_string_append_c (out, '\n');
      if (company->after_reveal.total > company->after_reveal.selected || company->n_declined_after_reveal > 0)
        {
          g_string_append (out, "    ");
          g_string_append_printf (out, _("Dropped after the reveal: %u; declined by the student after the reveal: %u"),
                                  company->after_reveal.total - company->after_reveal.selected,
                                  company->n_declined_after_reveal);
          g_string_append_c (out, '\n');
        }
      if (!isnan (company->ratio_own) || !isnan (company->ratio_all))
        {
          g_string_append (out, "    ");
          if (!isnan (company->ratio_own))
            g_string_append_printf (out, _("Ratio to its own blind rate: %.2f"), company->ratio_own);
          if (!isnan (company->ratio_own) && !isnan (company->ratio_all))
            g_string_append (out, "; ");
          if (!isnan (company->ratio_all))
            g_string_append_printf (out, _("ratio to all companies: %.2f"), company->ratio_all);
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_reviewers (GString          *out,
                  SmFairnessReport *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_string_append_printf (out, "\n%s\n", _("Reviewers"));
  append_paragraph (out,
                    _("The spread is the standard deviation of a reviewer's scores (1 to 5). No reviewer "
                      "is flagged: with the few scores of a round a difference in spread says little, so "
                      "compare them yourself."),
                    2);
  if (self->reviewers->len == 0)
    {
      g_string_append_printf (out, "  %s\n", _("No scores were given yet."));
      return;
    }

  g_ptr_array_add (rows, make_row (_("Reviewer"), _("Scores"), _("Mean"), _("Spread"), NULL));
  for (guint i = 0; i < self->reviewers->len; i++)
    {
      const SmFairnessReviewer *reviewer = self->reviewers->pdata[i];
      g_autofree char *n_scores = g_strdup_printf ("%u", reviewer->n_scores);
      g_autofree char *mean = g_strdup_printf ("%.2f", reviewer->mean);
      g_autofree char *stddev = g_strdup_printf ("%.2f", reviewer->stddev);

      g_ptr_array_add (rows, make_row (reviewer->reviewer, n_scores, mean, stddev, NULL));
    }
  append_table (out, rows);
}

/**
 * sm_fairness_report_to_text:
 *
 * Returns: the report for people, with the definitions of its figures
 */
char *
sm_fairness_report_to_text (SmFairnessReport *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "%s\n", _("Fairness signals"));
  append_paragraph (out,
                    _("Computed from decisions, candidates, placements, reviews and the decision log; no "
                      "data about origin is used. Students are named by their id only. A decision that a "
                      "later one corrects is not counted."),
                    0);
  g_string_append_c (out, '\n');
  append_students (out, self);
  append_companies (out, self);
  append_reviewers (out, self);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* JSON */

static void
add_double_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_rate (JsonBuilder          *builder,
          const char           *name,
          const SmFairnessRate *rate)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "selected");
  json_builder_add_int_value (builder, rate->selected);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, rate->total);
  add_double_or_null (builder, "rate", sm_fairness_rate_get_value (rate));
  json_builder_end_object (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/**
 * sm_fairness_report_to_json:
 *
 * The report as a JSON object: "students", "companies" and "reviewers"
 * arrays, "all_companies" with the pooled rates, and the thresholds used
 * ("many_rejections", "four_fifths"). Rates are fractions from 0 to 1,
 * null when they count nothing.
 *
 * Returns: (transfer full): the report
 */
JsonNode *
sm_fairness_report_to_json (SmFairnessReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_int (builder, "many_rejections", SM_FAIRNESS_MANY_REJECTIONS);
  json_builder_set_member_name (builder, "four_fifths");
  json_builder_add_double_value (builder, (double) SM_FAIRNESS_RULE_NUMERATOR / SM_FAIRNESS_RULE_DENOMINATOR);

  json_builder_set_member_name (builder, "all_companies");
  json_builder_begin_object (builder);
  add_rate (builder, "blind", &self->blind);
  add_rate (builder, "after_reveal", &self->after_reveal);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "students");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->students->len; i++)
    {
      const SmFairnessStudent *student = &g_array_index (self->students, SmFairnessStudent, i);

      json_builder_begin_object (builder);
      add_int (builder, "student_id", student->student_id);
      add_int (builder, "decisions", student->n_decisions);
      add_int (builder, "rejections", student->n_rejections);
      add_boolean (builder, "many_rejections", student->many_rejections);
      add_boolean (builder, "placed", student->placed);
      json_builder_set_member_name (builder, "days_to_placement");
      if (student->days_to_placement >= 0)
        json_builder_add_int_value (builder, student->days_to_placement);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "companies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->companies->len; i++)
    {
      const SmFairnessCompany *company = self->companies->pdata[i];

      json_builder_begin_object (builder);
      add_int (builder, "company_id", company->company_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, company->name);
      add_int (builder, "candidates", company->n_candidacies);
      add_int (builder, "rejected", company->n_rejected);
      add_double_or_null (builder, "rejection_rate", sm_fairness_company_get_rejection_rate (company));
      json_builder_set_member_name (builder, "reasons");
      json_builder_begin_object (builder);
      for (guint r = 0; r < company->reasons->len; r++)
        {
          const SmFairnessReason *reason = company->reasons->pdata[r];
          add_int (builder, reason->code, reason->count);
        }
      json_builder_end_object (builder);
      add_rate (builder, "blind", &company->blind);
      add_rate (builder, "after_reveal", &company->after_reveal);
      add_int (builder, "dropped_after_reveal", company->after_reveal.total - company->after_reveal.selected);
      add_int (builder, "declined_after_reveal", company->n_declined_after_reveal);
      add_double_or_null (builder, "ratio_to_own_blind", company->ratio_own);
      add_double_or_null (builder, "ratio_to_all_companies", company->ratio_all);
      add_boolean (builder, "flag_own", company->flag_own);
      add_boolean (builder, "flag_all", company->flag_all);
      add_boolean (builder, "flagged", company->flag_own || company->flag_all);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->reviewers->len; i++)
    {
      const SmFairnessReviewer *reviewer = self->reviewers->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reviewer");
      json_builder_add_string_value (builder, reviewer->reviewer);
      add_int (builder, "scores", reviewer->n_scores);
      json_builder_set_member_name (builder, "mean");
      json_builder_add_double_value (builder, reviewer->mean);
      json_builder_set_member_name (builder, "stddev");
      json_builder_add_double_value (builder, reviewer->stddev);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * sm_fairness_report_to_json_data:
 *
 * Returns: sm_fairness_report_to_json() as indented text
 */
char *
sm_fairness_report_to_json_data (SmFairnessReport *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  root = sm_fairness_report_to_json (self);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
