/* na-export.h — comparison summaries written as Markdown, HTML, PDF, CSV or JSON */
#pragma once

#include <gio/gio.h>

#include "na-comparison.h"

G_BEGIN_DECLS

#define NA_EXPORT_ERROR (na_export_error_quark ())

typedef enum
{
  NA_EXPORT_ERROR_FORMAT,
  NA_EXPORT_ERROR_RENDER,
  NA_EXPORT_ERROR_WRITE,
} NaExportError;

typedef enum
{
  NA_EXPORT_FORMAT_MARKDOWN,
  NA_EXPORT_FORMAT_HTML,
  NA_EXPORT_FORMAT_PDF,
  NA_EXPORT_FORMAT_CSV,
  NA_EXPORT_FORMAT_JSON,
  NA_N_EXPORT_FORMATS
} NaExportFormat;

typedef enum
{
  NA_PAPER_A4,
  NA_PAPER_LETTER,
} NaPaperSize;

/* What to put in a summary besides the comparison; zero-initialised means the defaults. */
typedef struct
{
  const char *title;  /* NULL: "Comparison of N essays" */
  GDateTime  *date;   /* NULL: now */
  GHashTable *notes;  /* (nullable) item id (essay, question, argument, recommendation) → note */
  NaPaperSize paper;
} NaExportOptions;

GQuark      na_export_error_quark          (void);
gboolean    na_export_format_from_name     (const char             *name,
                                            NaExportFormat         *format);
gboolean    na_export_format_from_path     (const char             *path,
                                            NaExportFormat         *format);
const char *na_export_format_get_name      (NaExportFormat          format);
const char *na_export_format_get_label     (NaExportFormat          format);
const char *na_export_format_get_mime_type (NaExportFormat          format);
GBytes     *na_export_comparison           (NaComparison           *comparison,
                                            NaExportFormat          format,
                                            const NaExportOptions  *options,
                                            GError                **error);
gboolean    na_export_comparison_to_file   (NaComparison           *comparison,
                                            NaExportFormat          format,
                                            const NaExportOptions  *options,
                                            GFile                  *file,
                                            GCancellable           *cancellable,
                                            GError                **error);

G_END_DECLS
