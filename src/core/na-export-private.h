/* na-export-private.h — what the exporters of na-export*.c share (not public API) */
#pragma once

#include "na-export.h"

G_BEGIN_DECLS

/* The options with defaults filled in, and things every format says the same way. */
typedef struct
{
  NaComparison *comparison;
  char         *title;
  char         *date;         /* ISO 8601 date, for people */
  char         *timestamp;    /* ISO 8601 date and time, for programs */
  GHashTable   *notes;
  NaPaperSize   paper;
  GPtrArray    *ranked_pairs; /* const NaComparisonPair *, closest first */
} NaExport;

void        _na_export_init            (NaExport              *export,
                                        NaComparison          *comparison,
                                        const NaExportOptions *options);
void        _na_export_clear           (NaExport              *export);
const char *_na_export_note            (NaExport              *export,
                                        const char            *id);
char       *_na_export_dup_locator     (NaAnchor              *anchor);
char       *_na_export_dup_essay_short (NaEssay               *essay);
char       *_na_export_dup_counts      (NaComparison          *comparison,
                                        guint                  question);
char       *_na_export_dup_silent      (NaComparison          *comparison,
                                        guint                  question);
char       *_na_export_dup_pair        (NaExport              *export,
                                        const NaComparisonPair *pair);
char       *_na_export_dup_countries   (NaExport              *export,
                                        const char * const    *codes);

GBytes     *_na_export_markdown        (NaExport              *export);
GBytes     *_na_export_html            (NaExport              *export);
GBytes     *_na_export_pdf             (NaExport              *export,
                                        GError               **error);
GBytes     *_na_export_csv             (NaExport              *export);
GBytes     *_na_export_json            (NaExport              *export);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NaExport, _na_export_clear)

G_END_DECLS
