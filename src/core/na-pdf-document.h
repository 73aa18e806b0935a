/* na-pdf-document.h — a PDF source publication: opening with clear errors, metadata, text by
 * page, and anchors resolved to a page and rectangles on it */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

#include "na-text-index.h"

G_BEGIN_DECLS

#define NA_TYPE_PDF_DOCUMENT (na_pdf_document_get_type ())
#define NA_PDF_ERROR (na_pdf_error_quark ())

G_DECLARE_FINAL_TYPE (NaPdfDocument, na_pdf_document, NA, PDF_DOCUMENT, GObject)

typedef enum
{
  NA_PDF_ERROR_IO,
  NA_PDF_ERROR_EMPTY,
  NA_PDF_ERROR_NOT_PDF,
  NA_PDF_ERROR_TRUNCATED,
  NA_PDF_ERROR_DAMAGED,
  NA_PDF_ERROR_ENCRYPTED,      /* needs a password: ask for one */
  NA_PDF_ERROR_BAD_PASSWORD,   /* a password was given and it is wrong */
} NaPdfError;

/* A rectangle on a page, in PDF points from the page's top-left corner. */
typedef struct
{
  int    page;
  double x1, y1, x2, y2;
} NaPdfRect;

GQuark         na_pdf_error_quark              (void);
NaPdfDocument *na_pdf_document_new_from_file   (GFile          *file,
                                                const char     *password,
                                                GCancellable   *cancellable,
                                                GError        **error);
NaPdfDocument *na_pdf_document_new_from_bytes  (GBytes         *bytes,
                                                const char     *display_name,
                                                const char     *password,
                                                GError        **error);
GFile         *na_pdf_document_get_file        (NaPdfDocument  *self);
const char    *na_pdf_document_get_display_name (NaPdfDocument *self);
GBytes        *na_pdf_document_get_bytes       (NaPdfDocument  *self);
const char    *na_pdf_document_get_password    (NaPdfDocument  *self);
const char    *na_pdf_document_get_sha256      (NaPdfDocument  *self);
int            na_pdf_document_get_n_pages     (NaPdfDocument  *self);
void           na_pdf_document_get_page_size   (NaPdfDocument  *self,
                                                int             page,
                                                double         *width,
                                                double         *height);
char          *na_pdf_document_dup_title       (NaPdfDocument  *self);
char          *na_pdf_document_dup_author      (NaPdfDocument  *self);
GDateTime     *na_pdf_document_dup_creation_date (NaPdfDocument *self);
PopplerDocument *na_pdf_document_open_poppler  (NaPdfDocument  *self,
                                                GError        **error);
void           na_pdf_document_lock            (NaPdfDocument  *self);
void           na_pdf_document_unlock          (NaPdfDocument  *self);
PopplerDocument *na_pdf_document_get_poppler   (NaPdfDocument  *self);
char          *na_pdf_document_dup_text        (NaPdfDocument  *self,
                                                int             first,
                                                int             last);
const char    *na_pdf_document_get_page_text   (NaPdfDocument  *self,
                                                int             page);
const PopplerRectangle *na_pdf_document_get_page_layout (NaPdfDocument *self,
                                                int             page,
                                                guint          *n_chars);
NaTextIndex   *na_pdf_document_get_text_index  (NaPdfDocument  *self);
int            na_pdf_document_get_page_offset (NaPdfDocument  *self,
                                                int             page);
gboolean       na_pdf_document_offset_to_page  (NaPdfDocument  *self,
                                                int             offset,
                                                int            *page,
                                                int            *page_offset);
GArray        *na_pdf_document_get_rects       (NaPdfDocument  *self,
                                                int             start,
                                                int             end);
GArray        *na_pdf_document_get_page_rects  (NaPdfDocument  *self,
                                                int             page,
                                                int             start,
                                                int             end);
NaAnchorStatus na_pdf_document_resolve_anchor  (NaPdfDocument  *self,
                                                NaAnchor       *anchor,
                                                GArray        **rects);
GArray        *na_pdf_document_find            (NaPdfDocument  *self,
                                                const char     *needle);
GArray        *na_pdf_document_find_page       (NaPdfDocument  *self,
                                                int             page,
                                                const char     *needle);
gboolean       na_pdf_document_has_page_text   (NaPdfDocument  *self,
                                                int             page);

G_END_DECLS
