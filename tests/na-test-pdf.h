/* na-test-pdf.h — PDFs made by the tests themselves, from fixture text written for them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void na_test_pdf_write_fixture (const char *path);
void na_test_pdf_write_linked  (const char *path);
void na_test_pdf_write_long    (const char *path,
                                guint       n_pages);

G_END_DECLS
