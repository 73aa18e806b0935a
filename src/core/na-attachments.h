/* na-attachments.h — which PDF holds each essay's source, with its content hash and the pages
 * its anchors resolved to */
#pragma once

#include <gio/gio.h>

#include "na-library.h"
#include "na-pdf-document.h"
#include "na-user-store.h"

G_BEGIN_DECLS

#define NA_TYPE_ATTACHMENTS (na_attachments_get_type ())
#define NA_ATTACHMENTS_ERROR (na_attachments_error_quark ())

G_DECLARE_FINAL_TYPE (NaAttachments, na_attachments, NA, ATTACHMENTS, GObject)

/* One essay's attachment, whole, while it is out of the store (see na_attachments_take). */
typedef struct _NaAttachmentsEntry NaAttachmentsEntry;

typedef enum
{
  NA_ATTACHMENTS_ERROR_UNREADABLE,   /* the store could not be read; it was moved aside */
  NA_ATTACHMENTS_ERROR_READ_ONLY,    /* the store could not be read nor moved: not saved */
} NaAttachmentsError;

#define NA_ATTACHMENTS_FORMAT "org.example.NatoAsia.attachments"

GQuark         na_attachments_error_quark (void);
GFile         *na_attachments_default_file (void);
NaAttachments *na_attachments_new         (GFile         *file);
gboolean       na_attachments_load        (NaAttachments *self,
                                           GError       **error);
gboolean       na_attachments_load_read_only (NaAttachments *self,
                                           GError       **error);
gboolean       na_attachments_save        (NaAttachments *self,
                                           GError       **error);
GFile         *na_attachments_get_file    (NaAttachments *self);
const char    *na_attachments_get_path    (NaAttachments *self,
                                           const char    *essay_id);
const char    *na_attachments_get_sha256  (NaAttachments *self,
                                           const char    *essay_id);
void           na_attachments_set         (NaAttachments *self,
                                           const char    *essay_id,
                                           const char    *path,
                                           const char    *sha256);
gboolean       na_attachments_remove      (NaAttachments *self,
                                           const char    *essay_id);
NaAttachmentsEntry *na_attachments_take   (NaAttachments *self,
                                           const char    *essay_id);
void           na_attachments_put         (NaAttachments *self,
                                           const char    *essay_id,
                                           NaAttachmentsEntry *entry);
void           na_attachments_entry_free  (NaAttachmentsEntry *entry);
void           na_attachments_set_page    (NaAttachments *self,
                                           const char    *essay_id,
                                           const char    *item_id,
                                           int            page);
int            na_attachments_get_page    (NaAttachments *self,
                                           const char    *essay_id,
                                           const char    *item_id);
gboolean       na_attachments_get_page_range (NaAttachments *self,
                                           const char    *essay_id,
                                           int           *first,
                                           int           *last);
guint          na_attachments_get_n_sharing (NaAttachments *self,
                                           const char    *path);
guint          na_attachments_apply_pages (NaAttachments *self,
                                           NaLibrary     *library);
guint          na_attachments_add_highlight (NaAttachments *self,
                                             const char    *essay_id,
                                             int            page,
                                             const char    *text,
                                             const char    *note,
                                             GArray        *rects);
guint          na_attachments_get_n_highlights (NaAttachments *self,
                                             const char    *essay_id);
gboolean       na_attachments_get_highlight (NaAttachments *self,
                                             const char    *essay_id,
                                             guint          index,
                                             int           *page,
                                             const char   **text,
                                             const char   **note,
                                             GArray       **rects);
gboolean       na_attachments_remove_highlight (NaAttachments *self,
                                             const char    *essay_id,
                                             guint          index);
gboolean       na_attachments_migrate_highlights (NaAttachments *self,
                                             NaUserStore   *store,
                                             guint         *n_moved,
                                             GError       **error);
char          *na_attachments_hash_file   (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaAttachmentsEntry, na_attachments_entry_free)

G_END_DECLS
