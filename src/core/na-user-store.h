/* na-user-store.h — everything the user adds: annotations, their own essays, attached texts,
 * edits of the bundled analysis; kept safe in the XDG data directory, with undo and redo */
#pragma once

#include <gio/gio.h>

#include "na-annotation.h"
#include "na-essay.h"

G_BEGIN_DECLS

#define NA_TYPE_USER_STORE (na_user_store_get_type ())
#define NA_USER_STORE_ERROR (na_user_store_error_quark ())

G_DECLARE_FINAL_TYPE (NaUserStore, na_user_store, NA, USER_STORE, GObject)

typedef enum
{
  NA_USER_STORE_ERROR_BROKEN,
  NA_USER_STORE_ERROR_NOT_FOUND,
} NaUserStoreError;

#define NA_USER_STORE_FORMAT "org.example.NatoAsia.user-data"
#define NA_USER_STORE_VERSION 1

GQuark        na_user_store_error_quark        (void);
NaUserStore  *na_user_store_new                (const char    *directory);
const char   *na_user_store_get_path           (NaUserStore   *self);
gboolean      na_user_store_load               (NaUserStore   *self,
                                                GError       **error);
gboolean      na_user_store_load_read_only     (NaUserStore   *self,
                                                GError       **error);
gboolean      na_user_store_save               (NaUserStore   *self,
                                                GError       **error);
gboolean      na_user_store_flush              (NaUserStore   *self);
void          na_user_store_close              (NaUserStore   *self);
char         *na_user_store_save_emergency_copy (NaUserStore  *self,
                                                GError       **error);
gboolean      na_user_store_get_dirty          (NaUserStore   *self);
const char   *na_user_store_get_save_error     (NaUserStore   *self);
void          na_user_store_set_save_delay     (NaUserStore   *self,
                                                guint          delay_ms,
                                                guint          retry_ms);

GListModel   *na_user_store_get_annotations    (NaUserStore   *self);
NaAnnotation *na_user_store_lookup_annotation  (NaUserStore   *self,
                                                const char    *id);
GListModel   *na_user_store_dup_annotations_for_essay (NaUserStore *self,
                                                const char    *essay_id);
const char   *na_user_store_add_annotation     (NaUserStore   *self,
                                                NaAnnotation  *annotation);
gboolean      na_user_store_replace_annotation (NaUserStore   *self,
                                                NaAnnotation  *annotation);
gboolean      na_user_store_remove_annotation  (NaUserStore   *self,
                                                const char    *id);
gboolean      na_user_store_import_annotation  (NaUserStore   *self,
                                                NaAnnotation  *annotation);

NaAnnotation *na_user_store_lookup_override    (NaUserStore   *self,
                                                const char    *item_id);
void          na_user_store_set_override       (NaUserStore   *self,
                                                NaAnnotation  *edited);
gboolean      na_user_store_restore_original   (NaUserStore   *self,
                                                const char    *item_id);

GListModel   *na_user_store_get_essays         (NaUserStore   *self);
const char   *na_user_store_add_essay          (NaUserStore   *self,
                                                NaEssay       *essay);
gboolean      na_user_store_remove_essay       (NaUserStore   *self,
                                                const char    *essay_id);

void          na_user_store_set_attachment     (NaUserStore   *self,
                                                const char    *essay_id,
                                                const char    *path,
                                                const char    *sha256);
const char   *na_user_store_get_attachment     (NaUserStore   *self,
                                                const char    *essay_id,
                                                const char   **sha256);

void          na_user_store_begin_group        (NaUserStore   *self);
void          na_user_store_end_group          (NaUserStore   *self);
gboolean      na_user_store_can_undo           (NaUserStore   *self);
gboolean      na_user_store_can_redo           (NaUserStore   *self);
gboolean      na_user_store_undo               (NaUserStore   *self);
gboolean      na_user_store_redo               (NaUserStore   *self);

G_END_DECLS
