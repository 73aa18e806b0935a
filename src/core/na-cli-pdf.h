/* na-cli-pdf.h — the PDF commands of the command line: --attach and --check-anchors */
#pragma once

#include <gio/gio.h>

#include "na-library.h"

G_BEGIN_DECLS

gboolean na_cli_pdf_wanted (GVariantDict *options);
int      na_cli_pdf_run    (GVariantDict *options,
                            NaLibrary    *library);

G_END_DECLS
