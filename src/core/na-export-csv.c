/* na-export-csv.c — a comparison as CSV (RFC 4180): one row per essay × question × argument
 *
 * CRLF line ends; every field quoted, with quotes doubled, so commas, quotes and line breaks
 * inside a field survive. An essay silent on a question still gets a row, with its position
 * "silent" and the argument fields empty, so the grid is complete. Column names and position
 * values are stable identifiers, not translated, for spreadsheets and scripts.
 *
 * Like the essay's citation and the question's title, the user's notes on the essay (its
 * highlights' notes) and on the question repeat on each of their rows; `note` is the
 * argument's. The note columns added later come last, so older scripts find theirs in place.
 */
#define G_LOG_DOMAIN "na-export"

#include "config.h"

#include "na-export-private.h"

static const char *columns[] = {
  "essay_id", "essay", "question_id", "question", "position", "agreement", "argument_id",
  "stance", "claim", "grounds", "page", "quote", "countries", "note", "essay_note",
  "question_note",
};

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, last ? "\"\r\n" : "\",");
}

static void
csv_row (NaExport   *export,
         GString    *out,
         guint       e,
         guint       q,
         NaArgument *arg)
{
  NaComparison *cmp = export->comparison;
  NaEssay *essay = na_comparison_get_essay (cmp, e);
  NaQuestion *question = na_comparison_get_question (cmp, q);
  NaAnchor *anchor = arg ? na_argument_get_anchor (arg) : NULL;
  g_autofree char *citation = na_essay_dup_citation (essay);
  g_autofree char *page = NULL;
  g_autofree char *countries = NULL;

  if (anchor != NULL && na_anchor_get_page (anchor) > 0)
    page = g_strdup_printf ("%d", na_anchor_get_page (anchor));
  if (arg != NULL && na_argument_get_countries (arg) != NULL)
    countries = g_strjoinv (" ", (char **) na_argument_get_countries (arg));

  csv_field (out, na_essay_get_id (essay), FALSE);
  csv_field (out, citation, FALSE);
  csv_field (out, na_question_get_id (question), FALSE);
  csv_field (out, na_question_get_title (question), FALSE);
  csv_field (out, na_position_to_nick (na_comparison_get_position (cmp, e, q)), FALSE);
  csv_field (out, na_agreement_to_nick (na_comparison_get_agreement (cmp, q)), FALSE);
  csv_field (out, arg ? na_argument_get_id (arg) : NULL, FALSE);
  csv_field (out, arg ? na_position_to_nick ((NaPosition) na_argument_get_stance (arg)) : NULL,
             FALSE);
  csv_field (out, arg ? na_argument_get_claim (arg) : NULL, FALSE);
  csv_field (out, arg ? na_argument_get_grounds (arg) : NULL, FALSE);
  csv_field (out, page, FALSE);
  csv_field (out, anchor ? na_anchor_get_exact (anchor) : NULL, FALSE);
  csv_field (out, countries, FALSE);
  csv_field (out, arg ? _na_export_note (export, na_argument_get_id (arg)) : NULL, FALSE);
  csv_field (out, _na_export_note (export, na_essay_get_id (essay)), FALSE);
  csv_field (out, _na_export_note (export, na_question_get_id (question)), TRUE);
}

GBytes *
_na_export_csv (NaExport *export)
{
  NaComparison *cmp = export->comparison;
  GString *out = g_string_sized_new (128 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    csv_field (out, columns[i], i + 1 == G_N_ELEMENTS (columns));

  for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
    for (guint q = 0; q < na_comparison_get_n_questions (cmp); q++)
      {
        guint n;
        NaArgument * const *args = na_comparison_get_arguments (cmp, e, q, &n);

        if (n == 0)
          csv_row (export, out, e, q, NULL);
        for (guint i = 0; i < n; i++)
          csv_row (export, out, e, q, args[i]);
      }

  return g_string_free_to_bytes (out);
}
