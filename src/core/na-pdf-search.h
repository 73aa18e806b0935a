/* na-pdf-search.h — a find in a PDF's text, page by page in a worker thread, its matches
 * delivered to the main context as they are found */
#pragma once

#include "na-pdf-document.h"

G_BEGIN_DECLS

#define NA_TYPE_PDF_SEARCH (na_pdf_search_get_type ())

G_DECLARE_FINAL_TYPE (NaPdfSearch, na_pdf_search, NA, PDF_SEARCH, GObject)

NaPdfSearch   *na_pdf_search_new              (NaPdfDocument *document,
                                               const char    *needle);
void           na_pdf_search_start            (NaPdfSearch   *self);
void           na_pdf_search_cancel           (NaPdfSearch   *self);
NaPdfDocument *na_pdf_search_get_document     (NaPdfSearch   *self);
const char    *na_pdf_search_get_needle       (NaPdfSearch   *self);
guint          na_pdf_search_get_n_matches    (NaPdfSearch   *self);
int            na_pdf_search_get_pages_searched (NaPdfSearch *self);
gboolean       na_pdf_search_get_finished     (NaPdfSearch   *self);
void           na_pdf_search_get_match        (NaPdfSearch   *self,
                                               guint          index,
                                               int           *page,
                                               int           *start,
                                               int           *end);
GArray        *na_pdf_search_get_match_rects  (NaPdfSearch   *self,
                                               guint          index);
char          *na_pdf_search_dup_match_snippet (NaPdfSearch  *self,
                                               guint          index);

char          *na_pdf_snippet_markup          (const char    *text,
                                               int            start,
                                               int            end,
                                               int            context);

G_END_DECLS
