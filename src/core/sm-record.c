/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sm-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-record.h"

/* SmRecord is the base of every stored object. A subclass describes its
 * fields once, in a table of SmField; from that table come the GObject
 * properties, validation with messages that name the field, parsing of
 * typed text (command line, imports) and the columns of the store. */

typedef struct
{
  gint64  id;
  GValue *values;
} SmRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SmRecord, sm_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_BASE_PROPS
};

static GParamSpec *id_pspec;

#define DEFAULT_MAX_STRING 200
#define MAX_TEXT           10000
#define MAX_LIST_ITEM      100

G_DEFINE_QUARK (sm-record-error-quark, sm_record_error)

static GType
field_value_type (const SmField *field)
{
  switch (field->kind)
    {
    case SM_FIELD_STRING:
    case SM_FIELD_TEXT:
    case SM_FIELD_DATE:
      return G_TYPE_STRING;
    case SM_FIELD_INT:
    case SM_FIELD_REF:
      return G_TYPE_INT64;
    case SM_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case SM_FIELD_ENUM:
    case SM_FIELD_FLAGS:
      return field->get_type ();
    case SM_FIELD_STRV:
      return G_TYPE_STRV;
    default:
      g_assert_not_reached ();
    }
}

static GValue *
record_values (SmRecord *self)
{
  SmRecordPrivate *priv = sm_record_get_instance_private (self);
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self);

  /* Allocated on first use: during instance init the class is not yet the
   * final one, so the number of fields is not known there. */
  if (priv->values == NULL)
    {
      priv->values = g_new0 (GValue, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          const SmField *field = &klass->fields[i];
          GValue *value = &priv->values[i];

          g_value_init (value, field_value_type (field));
          switch (field->kind)
            {
            case SM_FIELD_INT:
            case SM_FIELD_REF:
              g_value_set_int64 (value, field->default_value);
              break;
            case SM_FIELD_BOOLEAN:
              g_value_set_boolean (value, field->default_value != 0);
              break;
            case SM_FIELD_ENUM:
              g_value_set_enum (value, (int) field->default_value);
              break;
            case SM_FIELD_FLAGS:
              g_value_set_flags (value, (guint) field->default_value);
              break;
            case SM_FIELD_STRING:
            case SM_FIELD_TEXT:
            case SM_FIELD_DATE:
            case SM_FIELD_STRV:
            default:
              break;
            }
        }
    }

  return priv->values;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_STRV)
    return strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);
  if (G_TYPE_IS_FLAGS (type))
    return g_value_get_flags (a) == g_value_get_flags (b);
  g_assert_not_reached ();
}

/* Tidies a value before it is held: text is trimmed, empty text becomes
 * unset, and values with a normal form (postcodes, dates) take it when
 * they are valid. Invalid values are kept as typed so that validation can
 * quote them back. */
static void
normalise_value (const SmField *field,
                 GValue        *value)
{
  if (field->kind == SM_FIELD_STRING || field->kind == SM_FIELD_DATE)
    {
      const char *text = g_value_get_string (value);
      g_autofree char *copy = NULL;
      g_autofree char *normalised = NULL;
      SmValidateFunc validate = field->kind == SM_FIELD_DATE ? sm_validate_date : field->validate;

      if (text == NULL)
        return;
      copy = g_strstrip (g_strdup (text));
      if (*copy == '\0')
        {
          g_value_set_string (value, NULL);
          return;
        }
      if (validate != NULL && validate (copy, &normalised, NULL) && normalised != NULL)
        g_value_take_string (value, g_steal_pointer (&normalised));
      else if (strcmp (copy, text) != 0)
        g_value_take_string (value, g_steal_pointer (&copy));
    }
  else if (field->kind == SM_FIELD_TEXT)
    {
      const char *text = g_value_get_string (value);

      if (text != NULL && *text == '\0')
        g_value_set_string (value, NULL);
    }
  else if (field->kind == SM_FIELD_STRV)
    {
      const char * const *items = g_value_get_boxed (value);
      g_autoptr(GStrvBuilder) builder = NULL;

      if (items == NULL)
        return;
      builder = g_strv_builder_new ();
      for (guint i = 0; items[i] != NULL; i++)
        {
          g_autofree char *item = g_strstrip (g_strdup (items[i]));
          g_autofree char *normalised = NULL;

          if (*item == '\0')
            continue;
          if (field->validate != NULL && field->validate (item, &normalised, NULL) && normalised != NULL)
            g_strv_builder_add (builder, normalised);
          else
            g_strv_builder_add (builder, item);
        }
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
}

static void
set_field_value (SmRecord     *self,
                 guint         index,
                 const GValue *value)
{
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self);
  const SmField *field = &klass->fields[index];
  GValue *values = record_values (self);
  g_auto(GValue) copy = G_VALUE_INIT;

  g_value_init (&copy, G_VALUE_TYPE (&values[index]));
  g_value_copy (value, &copy);
  normalise_value (field, &copy);

  if (values_equal (&values[index], &copy))
    return;

  g_value_reset (&values[index]);
  g_value_copy (&copy, &values[index]);
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[index]);
}

static void
sm_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SmRecord *self = SM_RECORD (object);
  SmRecordPrivate *priv = sm_record_get_instance_private (self);
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, priv->id);
  else if (prop_id >= klass->first_prop && prop_id < klass->first_prop + klass->n_fields)
    g_value_copy (&record_values (self)[prop_id - klass->first_prop], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sm_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SmRecord *self = SM_RECORD (object);
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self);

  if (prop_id == PROP_ID)
    sm_record_set_id (self, g_value_get_int64 (value));
  else if (prop_id >= klass->first_prop && prop_id < klass->first_prop + klass->n_fields)
    set_field_value (self, prop_id - klass->first_prop, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sm_record_finalize (GObject *object)
{
  SmRecord *self = SM_RECORD (object);
  SmRecordPrivate *priv = sm_record_get_instance_private (self);
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (sm_record_parent_class)->finalize (object);
}

static char *
sm_record_real_dup_title (SmRecord *self)
{
  return g_strdup_printf ("#%" G_GINT64_FORMAT, sm_record_get_id (self));
}

static void
sm_record_class_init (SmRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sm_record_get_property;
  object_class->set_property = sm_record_set_property;
  object_class->finalize = sm_record_finalize;

  klass->dup_title = sm_record_real_dup_title;

  id_pspec = g_param_spec_int64 ("id", NULL, NULL,
                                 0, G_MAXINT64, 0,
                                 G_PARAM_READWRITE |
                                 G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_ID, id_pspec);
}

static void
sm_record_init (SmRecord *self)
{
}

/**
 * sm_record_class_install_fields:
 * @klass: the class of a record type, in its class_init
 * @table: the name of the store's table for this type
 * @fields: (array length=n_fields): static field descriptions
 * @n_fields: the number of fields
 *
 * Installs one property per field. Property names are the field names
 * with hyphens, as GObject writes them.
 */
void
sm_record_class_install_fields (SmRecordClass *klass,
                                const char    *table,
                                const SmField *fields,
                                guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;

  /* GObject gives every class its own property handlers; records share
   * the ones of SmRecord. */
  object_class->get_property = sm_record_get_property;
  object_class->set_property = sm_record_set_property;

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->first_prop = N_BASE_PROPS;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);
  klass->key_field = -1;

  for (guint i = 0; i < n_fields; i++)
    {
      const SmField *field = &fields[i];
      g_autofree char *name = g_strdelimit (g_strdup (field->name), "_", '-');
      GParamSpec *pspec;

      switch (field->kind)
        {
        case SM_FIELD_STRING:
        case SM_FIELD_TEXT:
        case SM_FIELD_DATE:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case SM_FIELD_INT:
        case SM_FIELD_REF:
          /* The full range: a value out of bounds must reach validation,
           * which names the field, instead of being clamped silently. */
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, field->default_value, flags);
          break;
        case SM_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, field->default_value != 0, flags);
          break;
        case SM_FIELD_ENUM:
          pspec = g_param_spec_enum (name, NULL, NULL, field->get_type (), (int) field->default_value, flags);
          break;
        case SM_FIELD_FLAGS:
          pspec = g_param_spec_flags (name, NULL, NULL, field->get_type (), (guint) field->default_value, flags);
          break;
        case SM_FIELD_STRV:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      klass->pspecs[i] = pspec;
      g_object_class_install_property (object_class, N_BASE_PROPS + i, pspec);
    }
}

/**
 * sm_record_class_set_key_field:
 * @field: a required, unique field that people use to name a record
 *
 * Sets the natural key: the student number of a student, the KvK number
 * of a company, the code of a programme.
 */
void
sm_record_class_set_key_field (SmRecordClass *klass,
                               guint          field)
{
  g_return_if_fail (field < klass->n_fields);
  klass->key_field = (int) field;
}

int
sm_record_class_get_key_field (SmRecordClass *klass)
{
  g_return_val_if_fail (SM_IS_RECORD_CLASS (klass), -1);
  return klass->key_field;
}

/**
 * sm_record_class_set_nouns:
 * @noun: what one record is called, marked with N_() ("student")
 * @plural: what several are called, marked with N_() ("students")
 */
void
sm_record_class_set_nouns (SmRecordClass *klass,
                           const char    *noun,
                           const char    *plural)
{
  klass->noun = noun;
  klass->plural = plural;
}

/**
 * sm_record_class_get_noun:
 *
 * Returns: the translated name of one record of @klass
 */
const char *
sm_record_class_get_noun (SmRecordClass *klass)
{
  g_return_val_if_fail (SM_IS_RECORD_CLASS (klass), NULL);
  return g_dgettext (GETTEXT_PACKAGE, klass->noun != NULL ? klass->noun : klass->table);
}

const char *
sm_record_class_get_plural (SmRecordClass *klass)
{
  g_return_val_if_fail (SM_IS_RECORD_CLASS (klass), NULL);
  return g_dgettext (GETTEXT_PACKAGE, klass->plural != NULL ? klass->plural : klass->table);
}

const SmField *
sm_record_class_get_fields (SmRecordClass *klass,
                            guint         *n_fields)
{
  g_return_val_if_fail (SM_IS_RECORD_CLASS (klass), NULL);

  if (n_fields != NULL)
    *n_fields = klass->n_fields;
  return klass->fields;
}

const char *
sm_record_class_get_table (SmRecordClass *klass)
{
  g_return_val_if_fail (SM_IS_RECORD_CLASS (klass), NULL);
  return klass->table;
}

/**
 * sm_record_class_find_field:
 * @name: a field name; hyphens and underscores are the same
 *
 * Returns: the index of the field, or -1
 */
int
sm_record_class_find_field (SmRecordClass *klass,
                            const char    *name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (SM_IS_RECORD_CLASS (klass), -1);

  if (name == NULL)
    return -1;
  wanted = g_strdelimit (g_ascii_strdown (name, -1), "-", '_');
  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].name, wanted) == 0)
      return (int) i;
  return -1;
}

gint64
sm_record_get_id (SmRecord *self)
{
  SmRecordPrivate *priv = sm_record_get_instance_private (self);

  g_return_val_if_fail (SM_IS_RECORD (self), 0);
  return priv->id;
}

void
sm_record_set_id (SmRecord *self,
                  gint64    id)
{
  SmRecordPrivate *priv = sm_record_get_instance_private (self);

  g_return_if_fail (SM_IS_RECORD (self));

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), id_pspec);
    }
}

const GValue *
sm_record_peek_value (SmRecord *self,
                      guint     field)
{
  g_return_val_if_fail (SM_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < SM_RECORD_GET_CLASS (self)->n_fields, NULL);

  return &record_values (self)[field];
}

const char *
sm_record_get_string (SmRecord *self,
                      guint     field)
{
  const GValue *value = sm_record_peek_value (self, field);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_STRING (value), NULL);
  return g_value_get_string (value);
}

void
sm_record_set_string (SmRecord   *self,
                      guint       field,
                      const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (SM_IS_RECORD (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  set_field_value (self, field, &value);
}

gint64
sm_record_get_int (SmRecord *self,
                   guint     field)
{
  const GValue *value = sm_record_peek_value (self, field);

  g_return_val_if_fail (value != NULL, 0);

  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_value_get_boolean (value);
  if (G_VALUE_HOLDS_ENUM (value))
    return g_value_get_enum (value);
  if (G_VALUE_HOLDS_FLAGS (value))
    return g_value_get_flags (value);

  g_return_val_if_reached (0);
}

void
sm_record_set_int (SmRecord *self,
                   guint     field,
                   gint64    number)
{
  const GValue *current = sm_record_peek_value (self, field);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (current != NULL);

  g_value_init (&value, G_VALUE_TYPE (current));
  if (G_VALUE_HOLDS_INT64 (&value))
    g_value_set_int64 (&value, number);
  else if (G_VALUE_HOLDS_BOOLEAN (&value))
    g_value_set_boolean (&value, number != 0);
  else if (G_VALUE_HOLDS_ENUM (&value))
    g_value_set_enum (&value, (int) number);
  else if (G_VALUE_HOLDS_FLAGS (&value))
    g_value_set_flags (&value, (guint) number);
  else
    g_return_if_reached ();

  set_field_value (self, field, &value);
}

const char * const *
sm_record_get_strv (SmRecord *self,
                    guint     field)
{
  static const char * const empty[] = { NULL };
  const GValue *value = sm_record_peek_value (self, field);
  const char * const *strv;

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS (value, G_TYPE_STRV), empty);

  strv = g_value_get_boxed (value);
  return strv != NULL ? strv : empty;
}

void
sm_record_set_strv (SmRecord           *self,
                    guint               field,
                    const char * const *strv)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (SM_IS_RECORD (self));

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  set_field_value (self, field, &value);
}

static gboolean
field_error (GError        **error,
             const SmField  *field,
             int             code,
             const char     *format,
             ...) G_GNUC_PRINTF (4, 5);

static gboolean
field_error (GError        **error,
             const SmField  *field,
             int             code,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SM_RECORD_ERROR, code, "%s: %s",
               g_dgettext (GETTEXT_PACKAGE, field->label), message);
  return FALSE;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *result)
{
  static const char * const yes[] = { "yes", "true", "1", "ja", "y", "j", NULL };
  static const char * const no[] = { "no", "false", "0", "nee", "n", NULL };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  g_strstrip (lower);
  if (g_strv_contains (yes, lower))
    *result = TRUE;
  else if (g_strv_contains (no, lower))
    *result = FALSE;
  else
    return FALSE;
  return TRUE;
}

static char *
list_nicks (GType type)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (out, "%s%s", i ? ", " : "", klass->values[i].value_nick);
    }
  else
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (out, "%s%s", i ? ", " : "", klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sm_record_set_from_text:
 * @name: the field name
 * @text: the value as a person typed it: numbers, yes/no, keys such as
 *   "mbo-3", lists separated by commas, dates as 2025-09-01 or 01-09-2025
 *
 * Sets one field from text. Text that cannot be read as the field's kind
 * is refused with an error naming the field; text that can be read but is
 * not valid (a bad postcode) is set and reported by validation.
 */
gboolean
sm_record_set_from_text (SmRecord    *self,
                         const char  *name,
                         const char  *text,
                         GError     **error)
{
  SmRecordClass *klass;
  const SmField *field;
  g_auto(GValue) value = G_VALUE_INIT;
  int index;

  g_return_val_if_fail (SM_IS_RECORD (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  klass = SM_RECORD_GET_CLASS (self);
  index = sm_record_class_find_field (klass, name);
  if (index < 0)
    {
      g_set_error (error, SM_RECORD_ERROR, SM_RECORD_ERROR_UNKNOWN_FIELD,
                   _("“%s” is not a field of a %s"), name, sm_record_class_get_noun (klass));
      return FALSE;
    }
  field = &klass->fields[index];
  g_value_init (&value, field_value_type (field));

  switch (field->kind)
    {
    case SM_FIELD_STRING:
    case SM_FIELD_TEXT:
      g_value_set_string (&value, text);
      break;

    case SM_FIELD_DATE:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        g_autofree char *normalised = NULL;
        g_autoptr(GError) local_error = NULL;

        if (*stripped != '\0' && !sm_validate_date (stripped, &normalised, &local_error))
          return field_error (error, field, SM_RECORD_ERROR_INVALID, "%s", local_error->message);
        g_value_set_string (&value, normalised);
      }
      break;

    case SM_FIELD_INT:
    case SM_FIELD_REF:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        gint64 number;

        if (!g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &number, NULL))
          return field_error (error, field, SM_RECORD_ERROR_INVALID,
                              _("“%s” is not a whole number"), text);
        g_value_set_int64 (&value, number);
      }
      break;

    case SM_FIELD_BOOLEAN:
      {
        gboolean flag;

        if (!parse_boolean (text, &flag))
          return field_error (error, field, SM_RECORD_ERROR_INVALID,
                              _("“%s” is not yes or no"), text);
        g_value_set_boolean (&value, flag);
      }
      break;

    case SM_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->get_type ());
        g_autofree char *lower = g_strstrip (g_ascii_strdown (text, -1));
        GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, lower);

        if (enum_value == NULL)
          {
            g_autofree char *nicks = list_nicks (field->get_type ());
            return field_error (error, field, SM_RECORD_ERROR_INVALID,
                                _("“%s” is not one of: %s"), text, nicks);
          }
        g_value_set_enum (&value, enum_value->value);
      }
      break;

    case SM_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) flags_class = g_type_class_ref (field->get_type ());
        g_auto(GStrv) parts = g_strsplit (text, ",", -1);
        guint flags = 0;

        for (guint i = 0; parts[i] != NULL; i++)
          {
            g_autofree char *lower = g_strstrip (g_ascii_strdown (parts[i], -1));
            GFlagsValue *flags_value;

            if (*lower == '\0')
              continue;
            flags_value = g_flags_get_value_by_nick (flags_class, lower);
            if (flags_value == NULL)
              {
                g_autofree char *nicks = list_nicks (field->get_type ());
                return field_error (error, field, SM_RECORD_ERROR_INVALID,
                                    _("“%s” is not one of: %s"), lower, nicks);
              }
            flags |= flags_value->value;
          }
        g_value_set_flags (&value, flags);
      }
      break;

    case SM_FIELD_STRV:
      {
        g_auto(GStrv) parts = g_strsplit (text, ",", -1);
        g_value_set_boxed (&value, parts);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  set_field_value (self, index, &value);
  return TRUE;
}

/**
 * sm_record_dup_text:
 *
 * Returns: the field's value as text that sm_record_set_from_text() reads
 *   back, or %NULL when a text field is unset
 */
char *
sm_record_dup_text (SmRecord *self,
                    guint     field)
{
  const GValue *value = sm_record_peek_value (self, field);
  SmRecordClass *klass = SM_RECORD_GET_CLASS (self);

  g_return_val_if_fail (value != NULL, NULL);

  switch (klass->fields[field].kind)
    {
    case SM_FIELD_STRING:
    case SM_FIELD_TEXT:
    case SM_FIELD_DATE:
      return g_value_dup_string (value);
    case SM_FIELD_INT:
    case SM_FIELD_REF:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case SM_FIELD_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? "yes" : "no");
    case SM_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
        GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));
        return g_strdup (enum_value != NULL ? enum_value->value_nick : "");
      }
    case SM_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) flags_class = g_type_class_ref (G_VALUE_TYPE (value));
        g_autoptr(GString) out = g_string_new (NULL);
        guint flags = g_value_get_flags (value);

        for (guint i = 0; i < flags_class->n_values; i++)
          if ((flags & flags_class->values[i].value) == flags_class->values[i].value)
            g_string_append_printf (out, "%s%s", out->len ? "," : "", flags_class->values[i].value_nick);
        return g_string_free (g_steal_pointer (&out), FALSE);
      }
    case SM_FIELD_STRV:
      {
        const char * const *strv = g_value_get_boxed (value);
        return strv != NULL ? g_strjoinv (",", (char **) strv) : g_strdup ("");
      }
    default:
      g_assert_not_reached ();
    }
}

char *
sm_record_dup_title (SmRecord *self)
{
  g_return_val_if_fail (SM_IS_RECORD (self), NULL);
  return SM_RECORD_GET_CLASS (self)->dup_title (self);
}

/**
 * sm_record_validate_field:
 * @field: the index of a field
 *
 * Checks one field, so an editor can show the message next to it.
 *
 * Returns: %TRUE if the field is valid; otherwise @error names the field
 */
gboolean
sm_record_validate_field (SmRecord  *self,
                          guint      index,
                          GError   **error)
{
  SmRecordClass *klass;
  const SmField *field;
  const GValue *value;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SM_IS_RECORD (self), FALSE);

  klass = SM_RECORD_GET_CLASS (self);
  g_return_val_if_fail (index < klass->n_fields, FALSE);
  field = &klass->fields[index];
  value = &record_values (self)[index];

  switch (field->kind)
    {
    case SM_FIELD_STRING:
    case SM_FIELD_TEXT:
    case SM_FIELD_DATE:
      {
        const char *text = g_value_get_string (value);
        gint64 max = field->kind == SM_FIELD_TEXT ? MAX_TEXT : (field->max > 0 ? field->max : DEFAULT_MAX_STRING);
        SmValidateFunc validate = field->kind == SM_FIELD_DATE ? sm_validate_date : field->validate;

        if (text == NULL)
          {
            if (field->flags & SM_FIELD_REQUIRED)
              return field_error (error, field, SM_RECORD_ERROR_REQUIRED, _("must be filled in"));
            return TRUE;
          }
        if (!g_utf8_validate (text, -1, NULL))
          return field_error (error, field, SM_RECORD_ERROR_INVALID, _("contains characters that are not text"));
        if (g_utf8_strlen (text, -1) > max)
          return field_error (error, field, SM_RECORD_ERROR_INVALID,
                              _("is longer than %lld characters"), (long long) max);
        if (field->kind != SM_FIELD_TEXT && strpbrk (text, "\r\n\t") != NULL)
          return field_error (error, field, SM_RECORD_ERROR_INVALID, _("must be on one line"));
        if (validate != NULL && !validate (text, NULL, &local_error))
          return field_error (error, field, local_error->code, "%s", local_error->message);
      }
      break;

    case SM_FIELD_INT:
      {
        gint64 number = g_value_get_int64 (value);

        if (number < field->min || number > field->max)
          return field_error (error, field, SM_RECORD_ERROR_INVALID,
                              _("%lld is not between %lld and %lld"),
                              (long long) number, (long long) field->min, (long long) field->max);
      }
      break;

    case SM_FIELD_REF:
      if (g_value_get_int64 (value) < 0 ||
          ((field->flags & SM_FIELD_REQUIRED) && g_value_get_int64 (value) == 0))
        return field_error (error, field, SM_RECORD_ERROR_REQUIRED, _("must be chosen"));
      break;

    case SM_FIELD_FLAGS:
      if ((field->flags & SM_FIELD_REQUIRED) && g_value_get_flags (value) == 0)
        return field_error (error, field, SM_RECORD_ERROR_REQUIRED, _("choose at least one"));
      break;

    case SM_FIELD_STRV:
      {
        const char * const *items = g_value_get_boxed (value);
        guint n = items != NULL ? g_strv_length ((char **) items) : 0;

        if (n == 0 && (field->flags & SM_FIELD_REQUIRED))
          return field_error (error, field, SM_RECORD_ERROR_REQUIRED, _("add at least one"));
        for (guint i = 0; i < n; i++)
          {
            if (!g_utf8_validate (items[i], -1, NULL) || g_utf8_strlen (items[i], -1) > MAX_LIST_ITEM)
              return field_error (error, field, SM_RECORD_ERROR_INVALID,
                                  _("“%s” is longer than %d characters"), items[i], MAX_LIST_ITEM);
            if (strpbrk (items[i], "\r\n\t,") != NULL)
              return field_error (error, field, SM_RECORD_ERROR_INVALID,
                                  _("“%s” may not contain commas or line breaks"), items[i]);
            if (field->validate != NULL && !field->validate (items[i], NULL, &local_error))
              return field_error (error, field, local_error->code, "%s", local_error->message);
          }
      }
      break;

    case SM_FIELD_BOOLEAN:
    case SM_FIELD_ENUM:
    default:
      break;
    }

  return TRUE;
}

/**
 * sm_record_validate:
 *
 * Checks every field and then the rules that join fields (dates in
 * order).
 *
 * Returns: %TRUE if the record may be stored; otherwise @error names the
 *   first field that is wrong
 */
gboolean
sm_record_validate (SmRecord  *self,
                    GError   **error)
{
  SmRecordClass *klass;

  g_return_val_if_fail (SM_IS_RECORD (self), FALSE);

  klass = SM_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!sm_record_validate_field (self, i, error))
      return FALSE;

  if (klass->validate_record != NULL)
    return klass->validate_record (self, error);
  return TRUE;
}

/**
 * sm_record_copy_from:
 * @other: a record of the same type
 *
 * Takes over the id and every field of @other, notifying only the fields
 * that change.
 */
void
sm_record_copy_from (SmRecord *self,
                     SmRecord *other)
{
  SmRecordClass *klass;
  GValue *values;

  g_return_if_fail (SM_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other));

  klass = SM_RECORD_GET_CLASS (self);
  values = record_values (other);

  g_object_freeze_notify (G_OBJECT (self));
  sm_record_set_id (self, sm_record_get_id (other));
  for (guint i = 0; i < klass->n_fields; i++)
    set_field_value (self, i, &values[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

SmRecord *
sm_record_dup (SmRecord *self)
{
  SmRecord *copy;

  g_return_val_if_fail (SM_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  sm_record_copy_from (copy, self);
  return copy;
}

/**
 * sm_record_load:
 * @id: the record's id
 * @values: (transfer full) (array): an array from g_new0() with one
 *   value per field, in the order of the fields, each initialised to the
 *   field's type
 *
 * Used by stores while reading a record that nobody observes yet: the
 * record takes over @values as they are, without checks, defaults or
 * notification, and frees the array when it no longer needs it.
 */
void
sm_record_load (SmRecord *self,
                gint64    id,
                GValue   *values)
{
  SmRecordPrivate *priv = sm_record_get_instance_private (self);

  g_return_if_fail (SM_IS_RECORD (self));
  g_return_if_fail (values != NULL);

  if (priv->values != NULL)
    {
      SmRecordClass *klass = SM_RECORD_GET_CLASS (self);

      for (guint i = 0; i < klass->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  priv->id = id;
  priv->values = values;
}
