/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sm-types.h"
#include "sm-validate.h"

G_BEGIN_DECLS

#define SM_RECORD_ERROR (sm_record_error_quark ())

typedef enum
{
  SM_RECORD_ERROR_INVALID,
  SM_RECORD_ERROR_REQUIRED,
  SM_RECORD_ERROR_UNKNOWN_FIELD,
  SM_RECORD_ERROR_NEEDS_CONFIRMATION,  /* valid, once a person confirms it */
} SmRecordError;

typedef enum
{
  SM_FIELD_STRING,   /* one line of text */
  SM_FIELD_TEXT,     /* free text, several lines */
  SM_FIELD_DATE,     /* YYYY-MM-DD, or unset */
  SM_FIELD_INT,      /* a number within min..max */
  SM_FIELD_REF,      /* the id of another record */
  SM_FIELD_BOOLEAN,
  SM_FIELD_ENUM,
  SM_FIELD_FLAGS,
  SM_FIELD_STRV,     /* a list of short texts */
} SmFieldKind;

typedef enum /*< flags >*/
{
  SM_FIELD_REQUIRED     = 1 << 0,
  /* Identifies a person: never read by matching, removed by erasure. */
  SM_FIELD_PERSONAL     = 1 << 1,
  /* Seen by the coordinator only, never by companies or in student mode. */
  SM_FIELD_CONFIDENTIAL = 1 << 2,
} SmFieldFlags;

/**
 * SmField:
 * @name: property and column name, in snake_case
 * @kind: how the value is held
 * @label: the label shown to people, marked with N_()
 * @flags: #SmFieldFlags
 * @min: lowest value of an INT field
 * @max: highest value of an INT field, or the longest STRING (0: 200)
 * @get_type: the GType of an ENUM or FLAGS field; for a REF field, or a
 *   STRING field that holds a natural key, the type of record referred to
 * @validate: optional check of a STRING field, which may normalise it
 * @default_value: the initial value of an INT, BOOLEAN or ENUM field
 *
 * Describes one field of a record; a record class is a table of these, and
 * the same table serves properties, validation, storage and text input.
 */
typedef struct
{
  const char     *name;
  SmFieldKind     kind;
  const char     *label;
  SmFieldFlags    flags;
  gint64          min;
  gint64          max;
  GType         (*get_type) (void);
  SmValidateFunc  validate;
  gint64          default_value;
} SmField;

#define SM_TYPE_RECORD (sm_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (SmRecord, sm_record, SM, RECORD, GObject)

struct _SmRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char    *table;
  const SmField *fields;
  guint          n_fields;
  guint          first_prop;
  GParamSpec   **pspecs;
  int            key_field;
  const char    *noun;
  const char    *plural;

  /*< public >*/
  gboolean (*validate_record) (SmRecord  *self,
                               GError   **error);
  char    *(*dup_title)       (SmRecord  *self);
};

GQuark          sm_record_error_quark          (void);

void            sm_record_class_install_fields (SmRecordClass  *klass,
                                                const char     *table,
                                                const SmField  *fields,
                                                guint           n_fields);
void            sm_record_class_set_key_field  (SmRecordClass  *klass,
                                                guint           field);
int             sm_record_class_get_key_field  (SmRecordClass  *klass);
void            sm_record_class_set_nouns      (SmRecordClass  *klass,
                                                const char     *noun,
                                                const char     *plural);
const char     *sm_record_class_get_noun       (SmRecordClass  *klass);
const char     *sm_record_class_get_plural     (SmRecordClass  *klass);
const SmField  *sm_record_class_get_fields     (SmRecordClass  *klass,
                                                guint          *n_fields);
const char     *sm_record_class_get_table      (SmRecordClass  *klass);
int             sm_record_class_find_field     (SmRecordClass  *klass,
                                                const char     *name);

gint64          sm_record_get_id               (SmRecord       *self);
void            sm_record_set_id               (SmRecord       *self,
                                                gint64          id);
const char     *sm_record_get_string           (SmRecord       *self,
                                                guint           field);
void            sm_record_set_string           (SmRecord       *self,
                                                guint           field,
                                                const char     *value);
gint64          sm_record_get_int              (SmRecord       *self,
                                                guint           field);
void            sm_record_set_int              (SmRecord       *self,
                                                guint           field,
                                                gint64          value);
const char * const *sm_record_get_strv         (SmRecord       *self,
                                                guint           field);
void            sm_record_set_strv             (SmRecord       *self,
                                                guint           field,
                                                const char * const *value);
const GValue   *sm_record_peek_value           (SmRecord       *self,
                                                guint           field);

gboolean        sm_record_set_from_text        (SmRecord       *self,
                                                const char     *name,
                                                const char     *text,
                                                GError        **error);
char           *sm_record_dup_text             (SmRecord       *self,
                                                guint           field);
char           *sm_record_dup_title            (SmRecord       *self);

gboolean        sm_record_validate_field       (SmRecord       *self,
                                                guint           field,
                                                GError        **error);
gboolean        sm_record_validate             (SmRecord       *self,
                                                GError        **error);

/* For stores: takes the id and every field's value without checks or
 * notification, while a record is being read. */
void            sm_record_load                 (SmRecord       *self,
                                                gint64          id,
                                                GValue         *values);

void            sm_record_copy_from            (SmRecord       *self,
                                                SmRecord       *other);
SmRecord       *sm_record_dup                  (SmRecord       *self);

G_END_DECLS
