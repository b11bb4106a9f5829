/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sm-change-set.h"
#include "sm-record.h"

G_BEGIN_DECLS

#define SM_STORE_ERROR (sm_store_error_quark ())

typedef enum
{
  SM_STORE_ERROR_FAILED,          /* the database failed */
  SM_STORE_ERROR_NOT_FOUND,       /* no such record */
  SM_STORE_ERROR_CONFLICT,        /* duplicate, or still referred to */
  SM_STORE_ERROR_LOCKED,          /* another program holds the database */
  SM_STORE_ERROR_READ_ONLY,       /* the file cannot be written */
  SM_STORE_ERROR_NEWER_SCHEMA,    /* made by a newer Stagematch */
  SM_STORE_ERROR_NOT_STAGEMATCH,  /* not a Stagematch database */
} SmStoreError;

/**
 * SmPostcodeArea:
 * @code: the four digits of a PC4 area, 1000 to 9999
 * @latitude: degrees north of the area's centre
 * @longitude: degrees east of the area's centre
 */
typedef struct
{
  guint  code;
  double latitude;
  double longitude;
} SmPostcodeArea;

/**
 * SmStoreCount:
 * @id: the id of the record referred to
 * @count: how many records refer to it
 * @sum: the total of the summed field over those records, or 0
 *
 * One row of sm_store_count_by(): what refers to one record.
 */
typedef struct
{
  gint64 id;
  guint  count;
  gint64 sum;
} SmStoreCount;

#define SM_TYPE_STORE (sm_store_get_type ())
G_DECLARE_INTERFACE (SmStore, sm_store, SM, STORE, GObject)

/**
 * SmStoreInterface:
 * @list: the records of one type as a #GListModel, in id order, kept up
 *   to date as changes are applied
 * @count: how many records of one type there are, without loading them
 * @count_by: how many records of one type refer to each record, and the
 *   total of one of their fields, without loading them
 * @lookup_key: the record whose natural key (student number, KvK number,
 *   programme code) is @key
 * @apply: applies every change of a set, or none
 * @load_postcode_areas: the PC4 coordinate table
 * @replace_postcode_areas: replaces the PC4 table as one change
 * @dup_setting: a stored setting, or %NULL
 * @set_setting: stores a setting
 * @check: looks for damage; appends a sentence per problem
 * @dup_location: where the data lives, to show people
 * @load_audit_log: every entry of the decision log, in order, as
 *   #SmAuditEntry
 *
 * What views, matching and the command line need from storage, and no
 * more: a server database can be added by implementing it.
 */
struct _SmStoreInterface
{
  GTypeInterface parent_iface;

  GListModel *(*list)                   (SmStore      *self,
                                         GType         record_type,
                                         GError      **error);
  guint       (*count)                  (SmStore      *self,
                                         GType         record_type,
                                         GError      **error);
  GHashTable *(*count_by)               (SmStore      *self,
                                         GType         record_type,
                                         guint         ref_field,
                                         int           sum_field,
                                         GError      **error);
  SmRecord   *(*lookup_key)             (SmStore      *self,
                                         GType         record_type,
                                         const char   *key);
  gboolean    (*apply)                  (SmStore      *self,
                                         SmChangeSet  *changes,
                                         GError      **error);
  GArray     *(*load_postcode_areas)    (SmStore      *self,
                                         GError      **error);
  gboolean    (*replace_postcode_areas) (SmStore      *self,
                                         GArray       *areas,
                                         GError      **error);
  char       *(*dup_setting)            (SmStore      *self,
                                         const char   *key);
  gboolean    (*set_setting)            (SmStore      *self,
                                         const char   *key,
                                         const char   *value,
                                         GError      **error);
  gboolean    (*check)                  (SmStore      *self,
                                         GPtrArray    *problems,
                                         GError      **error);
  char       *(*dup_location)           (SmStore      *self);
  GPtrArray  *(*load_audit_log)         (SmStore      *self,
                                         GError      **error);
};

GQuark      sm_store_error_quark            (void);
gboolean    sm_store_error_is_bad_input     (const GError *error);

GListModel *sm_store_list                   (SmStore      *self,
                                             GType         record_type,
                                             GError      **error);
guint       sm_store_count                  (SmStore      *self,
                                             GType         record_type,
                                             GError      **error);
GHashTable *sm_store_count_by               (SmStore      *self,
                                             GType         record_type,
                                             guint         ref_field,
                                             int           sum_field,
                                             GError      **error);
SmRecord   *sm_store_lookup                 (SmStore      *self,
                                             GType         record_type,
                                             gint64        id);
SmRecord   *sm_store_lookup_key             (SmStore      *self,
                                             GType         record_type,
                                             const char   *key);
gboolean    sm_store_apply                  (SmStore      *self,
                                             SmChangeSet  *changes,
                                             GError      **error);
gboolean    sm_store_save                   (SmStore      *self,
                                             SmRecord     *record,
                                             GError      **error);
gboolean    sm_store_delete                 (SmStore      *self,
                                             SmRecord     *record,
                                             GError      **error);
GArray     *sm_store_load_postcode_areas    (SmStore      *self,
                                             GError      **error);
gboolean    sm_store_replace_postcode_areas (SmStore      *self,
                                             GArray       *areas,
                                             GError      **error);
char       *sm_store_dup_setting            (SmStore      *self,
                                             const char   *key);
gboolean    sm_store_set_setting            (SmStore      *self,
                                             const char   *key,
                                             const char   *value,
                                             GError      **error);
gboolean    sm_store_check                  (SmStore      *self,
                                             GPtrArray    *problems,
                                             GError      **error);
char       *sm_store_dup_location           (SmStore      *self);
GPtrArray  *sm_store_load_audit_log         (SmStore      *self,
                                             GError      **error);

G_END_DECLS
