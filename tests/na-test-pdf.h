/* na-test-pdf.h — PDFs made by the tests themselves, from fixture text written for them */
#pragma once

#include <cairo.h>
#include <poppler.h>

G_BEGIN_DECLS

void na_test_pdf_write_fixture (const char *path);
void na_test_pdf_write_linked  (const char *path);
void na_test_pdf_write_long    (const char *path,
                                guint       n_pages);

cairo_surface_t *na_test_pdf_bare_render (PopplerDocument *document,
                                          int              index,
                                          int              width,
                                          int              height,
                                          double           scale);

G_END_DECLS
