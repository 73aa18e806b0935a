/* na-export.c — comparison summaries: format names, shared wording, writing to a file
 *
 * Each format lives in its own na-export-<format>.c; they all say the same things (the order
 * and content of a summary are described in docs/comparison-format.md) and escape every string
 * that comes from the library or the user for their own syntax.
 */
#define G_LOG_DOMAIN "na-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "na-export-private.h"
#include "na-util.h"

G_DEFINE_QUARK (na-export-error-quark, na_export_error)

static const struct
{
  const char *name;
  const char *extensions[3];
  const char *label;
  const char *mime_type;
} formats[] = {
  [NA_EXPORT_FORMAT_MARKDOWN] = { "md", { "md", "markdown", NULL }, N_("Markdown"),
                                  "text/markdown" },
  [NA_EXPORT_FORMAT_HTML] = { "html", { "html", "htm", NULL }, N_("HTML"), "text/html" },
  [NA_EXPORT_FORMAT_PDF] = { "pdf", { "pdf", NULL }, N_("PDF"), "application/pdf" },
  [NA_EXPORT_FORMAT_CSV] = { "csv", { "csv", NULL }, N_("CSV"), "text/csv" },
  [NA_EXPORT_FORMAT_JSON] = { "json", { "json", NULL }, N_("JSON"), "application/json" },
};

/* Accepts the names the command line documents (md, html, pdf, csv, json) and the extensions. */
gboolean
na_export_format_from_name (const char     *name,
                            NaExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint e = 0; formats[f].extensions[e] != NULL; e++)
      if (g_ascii_strcasecmp (name, formats[f].extensions[e]) == 0)
        {
          *format = f;
          return TRUE;
        }
  return FALSE;
}

gboolean
na_export_format_from_path (const char     *path,
                            NaExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  return na_export_format_from_name (dot + 1, format);
}

const char *
na_export_format_get_name (NaExportFormat format)
{
  g_return_val_if_fail (format < NA_N_EXPORT_FORMATS, NULL);
  return formats[format].name;
}

const char *
na_export_format_get_label (NaExportFormat format)
{
  g_return_val_if_fail (format < NA_N_EXPORT_FORMATS, NULL);
  return _(formats[format].label);
}

const char *
na_export_format_get_mime_type (NaExportFormat format)
{
  g_return_val_if_fail (format < NA_N_EXPORT_FORMATS, NULL);
  return formats[format].mime_type;
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const NaComparisonPair *pa = *(const NaComparisonPair **) a;
  const NaComparisonPair *pb = *(const NaComparisonPair **) b;
  guint64 x = (guint64) pa->n_same * pb->n_shared, y = (guint64) pb->n_same * pa->n_shared;

  if (x != y)
    return x > y ? -1 : 1;
  if (pa->n_shared != pb->n_shared)
    return pa->n_shared > pb->n_shared ? -1 : 1;
  return pa < pb ? -1 : pa > pb;
}

void
_na_export_init (NaExport              *export,
                 NaComparison          *comparison,
                 const NaExportOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *date = options && options->date ? options->date : now;
  const NaComparisonPair *pairs;
  guint n_pairs;

  export->comparison = g_object_ref (comparison);
  if (options && options->title && *options->title)
    export->title = g_strdup (options->title);
  else
    export->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Comparison of %u essay",
                                                  "Comparison of %u essays",
                                                  na_comparison_get_n_essays (comparison)),
                                     na_comparison_get_n_essays (comparison));
  export->date = g_date_time_format (date, "%Y-%m-%d");
  /* Whole seconds: microseconds only clutter a summary. */
  export->timestamp = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  export->notes = options && options->notes ? g_hash_table_ref (options->notes) : NULL;
  export->paper = options ? options->paper : NA_PAPER_A4;

  /* Only pairs that share a question say anything about closeness. */
  pairs = na_comparison_get_pairs (comparison, &n_pairs);
  export->ranked_pairs = g_ptr_array_new ();
  for (guint i = 0; i < n_pairs; i++)
    if (pairs[i].n_shared > 0)
      g_ptr_array_add (export->ranked_pairs, (gpointer) &pairs[i]);
  g_ptr_array_sort (export->ranked_pairs, compare_pairs);
}

void
_na_export_clear (NaExport *export)
{
  g_clear_object (&export->comparison);
  g_clear_pointer (&export->title, g_free);
  g_clear_pointer (&export->date, g_free);
  g_clear_pointer (&export->timestamp, g_free);
  g_clear_pointer (&export->notes, g_hash_table_unref);
  g_clear_pointer (&export->ranked_pairs, g_ptr_array_unref);
}

/* The user's note on @id, or NULL when there is none (empty notes count as none). */
const char *
_na_export_note (NaExport   *export,
                 const char *id)
{
  const char *note;

  if (export->notes == NULL || id == NULL)
    return NULL;
  note = g_hash_table_lookup (export->notes, id);
  return note && *note ? note : NULL;
}

/* Where a claim sits: its page when known, else its anchoring quote. */
char *
_na_export_dup_locator (NaAnchor *anchor)
{
  if (anchor == NULL)
    return g_strdup ("");
  if (na_anchor_get_page (anchor) > 0)
    /* Translators: a page number in a comparison summary */
    return g_strdup_printf (_("p. %d"), na_anchor_get_page (anchor));
  if (na_anchor_get_exact (anchor) != NULL)
    return g_strdup_printf ("“%s”", na_anchor_get_exact (anchor));
  return g_strdup ("");
}

/* "Author (2020)", to name an essay where a full citation would not fit. */
char *
_na_export_dup_essay_short (NaEssay *essay)
{
  g_autofree char *authors = na_essay_dup_authors_display (essay);
  int year = na_essay_get_year (essay);

  if (authors == NULL || *authors == '\0')
    {
      g_free (authors);
      authors = g_strdup (na_essay_get_title (essay));
    }
  if (year > 0)
    return g_strdup_printf ("%s (%d)", authors, year);
  /* Translators: an author with no date of publication, as in a citation */
  return g_strdup_printf (_("%s (n.d.)"), authors);
}

/* "3 support, 1 opposes, 0 mixed, 0 neutral, 14 silent" */
char *
_na_export_dup_counts (NaComparison *comparison,
                       guint         question)
{
  GString *str = g_string_new (NULL);

  for (NaPosition p = 0; p < NA_N_POSITIONS; p++)
    g_string_append_printf (str, "%s%s: %u", p ? ", " : "", na_position_to_label (p),
                            na_comparison_get_count (comparison, question, p));
  return g_string_free (str, FALSE);
}

/* The essays silent on @question, by short name, or NULL when none is. */
char *
_na_export_dup_silent (NaComparison *comparison,
                       guint         question)
{
  GString *str = NULL;

  for (guint e = 0; e < na_comparison_get_n_essays (comparison); e++)
    if (na_comparison_get_position (comparison, e, question) == NA_POSITION_SILENT)
      {
        g_autofree char *name =
          _na_export_dup_essay_short (na_comparison_get_essay (comparison, e));

        if (str == NULL)
          str = g_string_new (name);
        else
          g_string_append_printf (str, "; %s", name);
      }
  return str ? g_string_free (str, FALSE) : NULL;
}

/* "Cottey (2020) and Tan (2020): same position on 4 of 5 questions (80 %)" */
char *
_na_export_dup_pair (NaExport               *export,
                     const NaComparisonPair *pair)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (pair == NULL)
    return g_strdup (_("none"));
  a = _na_export_dup_essay_short (na_comparison_get_essay (export->comparison, pair->essay_a));
  b = _na_export_dup_essay_short (na_comparison_get_essay (export->comparison, pair->essay_b));
  /* Translators: two essays, how many questions they agree on, of how many both address,
   * and the percentage */
  return g_strdup_printf (_("%s and %s: same position on %u of %u shared questions (%.0f %%), "
                            "opposite on %u"),
                          a, b, pair->n_same, pair->n_shared,
                          100 * na_comparison_pair_get_closeness (pair), pair->n_opposite);
}

/* Country names for @codes, comma-separated. */
char *
_na_export_dup_countries (NaExport           *export,
                          const char * const *codes)
{
  NaLibrary *library = na_comparison_get_library (export->comparison);
  GString *str = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      NaCountry *country = na_library_lookup_country (library, codes[i]);

      g_string_append_printf (str, "%s%s", i ? ", " : "",
                              country ? na_country_get_name (country) : codes[i]);
    }
  return g_string_free (str, FALSE);
}

/**
 * na_export_comparison:
 * @options: (nullable): the title, date, notes and paper size; %NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL with @error set
 */
GBytes *
na_export_comparison (NaComparison          *comparison,
                      NaExportFormat         format,
                      const NaExportOptions *options,
                      GError               **error)
{
  g_auto(NaExport) export = { 0 };

  g_return_val_if_fail (NA_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _na_export_init (&export, comparison, options);
  switch (format)
    {
    case NA_EXPORT_FORMAT_MARKDOWN: return _na_export_markdown (&export);
    case NA_EXPORT_FORMAT_HTML: return _na_export_html (&export);
    case NA_EXPORT_FORMAT_PDF: return _na_export_pdf (&export, error);
    case NA_EXPORT_FORMAT_CSV: return _na_export_csv (&export);
    case NA_EXPORT_FORMAT_JSON: return _na_export_json (&export);
    case NA_N_EXPORT_FORMATS:
    default:
      g_set_error (error, NA_EXPORT_ERROR, NA_EXPORT_ERROR_FORMAT,
                   _("Unknown export format %d"), format);
      return NULL;
    }
}

/* Writes through a temporary file that replaces @file only once complete, so a failed export
 * never leaves a truncated summary where a good one was. */
gboolean
na_export_comparison_to_file (NaComparison          *comparison,
                              NaExportFormat         format,
                              const NaExportOptions *options,
                              GFile                 *file,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = na_export_comparison (comparison, format, options, error);
  if (bytes == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable,
                                &local_error))
    {
      name = g_file_get_parse_name (file);
      g_set_error (error, NA_EXPORT_ERROR, NA_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name,
                   na_error_get_reason (local_error, name));
      return FALSE;
    }
  return TRUE;
}
