/* na-pdf-page.h — the "Source" view: an essay's attached PDF with its anchors highlighted */
#pragma once

#include <adwaita.h>

#include "na-attachments.h"
#include "na-library.h"
#include "na-pdf-view.h"
#include "na-user-store.h"

G_BEGIN_DECLS

#define NA_TYPE_PDF_PAGE (na_pdf_page_get_type ())

G_DECLARE_FINAL_TYPE (NaPdfPage, na_pdf_page, NA, PDF_PAGE, GtkWidget)

void       na_pdf_page_set_library     (NaPdfPage     *self,
                                        NaLibrary     *library);
void       na_pdf_page_set_attachments (NaPdfPage     *self,
                                        NaAttachments *attachments);
void       na_pdf_page_set_essay       (NaPdfPage     *self,
                                        NaEssay       *essay);
NaEssay   *na_pdf_page_get_essay       (NaPdfPage     *self);
void       na_pdf_page_attach_file     (NaPdfPage     *self,
                                        GFile         *file);
void       na_pdf_page_attach_file_full (NaPdfPage    *self,
                                        GFile         *file,
                                        const char    *password);
void       na_pdf_page_relocate_file   (NaPdfPage     *self,
                                        GFile         *file);
void       na_pdf_page_open_file       (NaPdfPage     *self,
                                        GFile         *file,
                                        const char    *password);
NaPdfView *na_pdf_page_get_view        (NaPdfPage     *self);
const char *na_pdf_page_get_state      (NaPdfPage     *self);
gboolean   na_pdf_page_get_busy        (NaPdfPage     *self);
guint      na_pdf_page_get_n_matches   (NaPdfPage     *self);
gboolean   na_pdf_page_get_finding     (NaPdfPage     *self);
gsize      na_pdf_page_get_thumbnail_bytes (NaPdfPage *self,
                                        gsize         *limit);
void       na_pdf_page_find            (NaPdfPage     *self,
                                        const char    *text);
gboolean   na_pdf_page_highlight_selection (NaPdfPage *self,
                                        const char    *note);
void       na_pdf_page_set_user_store  (NaPdfPage     *self,
                                        NaUserStore   *store);
NaAnnotation *na_pdf_page_dup_selection_annotation (NaPdfPage        *self,
                                        NaAnnotationKind  kind);
void       na_pdf_page_clear_selection (NaPdfPage     *self);

G_END_DECLS
