/* na-export-markdown.c — a comparison summary as CommonMark (with GFM-style pipe tables)
 *
 * Every string from the library or the user goes through md_text(): the ASCII punctuation
 * that Markdown could read as inline syntax is backslash-escaped (so "<script>" stays text and
 * "|" cannot end a table cell), and line breaks become <br>, the only raw HTML this file writes.
 */
#define G_LOG_DOMAIN "na-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "na-export-private.h"

static void
md_text (GString    *out,
         const char *text)
{
  text = text ? text : "";
  /* Block syntax only matters where a line starts, which in our output is a field's start. */
  if (*text != '\0' && strchr ("#+-=", *text) != NULL)
    g_string_append_c (out, '\\');
  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        g_string_append (out, "<br>");
      else if (strchr ("\\`*_[]<>|~&", *p) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, *p);
    }
}

static void
md_note (NaExport   *export,
         GString    *out,
         const char *id,
         gboolean    in_table)
{
  const char *note = _na_export_note (export, id);

  if (note == NULL)
    return;
  g_string_append (out, in_table ? "<br>*" : "\n> *");
  g_string_append (out, _("Note:"));
  g_string_append (out, "* ");
  md_text (out, note);
  if (!in_table)
    g_string_append (out, "\n");
}

static void
md_row (GString     *out,
        const char **cells)
{
  g_string_append (out, "|");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_string_append_c (out, ' ');
      md_text (out, cells[i]);
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

static void
md_header (GString     *out,
           const char **cells)
{
  md_row (out, cells);
  g_string_append (out, "|");
  for (guint i = 0; cells[i] != NULL; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
}

static void
md_essays (NaExport *export,
           GString  *out)
{
  NaComparison *cmp = export->comparison;

  g_string_append_printf (out, "## %s\n\n", _("Essays Compared"));
  for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
    {
      NaEssay *essay = na_comparison_get_essay (cmp, e);
      g_autofree char *citation = na_essay_dup_citation (essay);

      g_string_append_printf (out, "%u. ", e + 1);
      md_text (out, citation);
      g_string_append (out, " (`");
      g_string_append (out, na_essay_get_id (essay));
      g_string_append (out, "`)\n");
      if (_na_export_note (export, na_essay_get_id (essay)))
        {
          g_string_append (out, "   ");
          md_note (export, out, na_essay_get_id (essay), TRUE);
          g_string_append_c (out, '\n');
        }
    }
  g_string_append_c (out, '\n');
}

static void
md_question (NaExport *export,
             GString  *out,
             guint     q)
{
  NaComparison *cmp = export->comparison;
  NaQuestion *question = na_comparison_get_question (cmp, q);
  g_autofree char *counts = _na_export_dup_counts (cmp, q);
  g_autofree char *silent = _na_export_dup_silent (cmp, q);
  const char *header[] = { _("Essay"), _("Position"), _("Claims"), _("Where"), NULL };

  g_string_append (out, "### ");
  md_text (out, na_question_get_title (question));
  g_string_append (out, "\n\n");
  md_note (export, out, na_question_get_id (question), FALSE);
  g_string_append_printf (out, "**%s** — ",
                          na_agreement_to_label (na_comparison_get_agreement (cmp, q)));
  md_text (out, counts);
  g_string_append (out, "\n\n");

  if (na_comparison_get_count (cmp, q, NA_POSITION_SILENT) < na_comparison_get_n_essays (cmp))
    {
      md_header (out, header);
      for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
        {
          guint n;
          NaArgument * const *args = na_comparison_get_arguments (cmp, e, q, &n);
          g_autofree char *name = NULL;

          if (n == 0)
            continue;
          name = _na_export_dup_essay_short (na_comparison_get_essay (cmp, e));
          g_string_append (out, "| ");
          md_text (out, name);
          g_string_append (out, " | ");
          md_text (out, na_position_to_label (na_comparison_get_position (cmp, e, q)));
          g_string_append (out, " | ");
          for (guint i = 0; i < n; i++)
            {
              if (n > 1)
                g_string_append_printf (out, "%s%s: ", i ? "<br>" : "",
                                        na_stance_to_label (na_argument_get_stance (args[i])));
              md_text (out, na_argument_get_claim (args[i]));
              md_note (export, out, na_argument_get_id (args[i]), TRUE);
            }
          g_string_append (out, " | ");
          for (guint i = 0; i < n; i++)
            {
              g_autofree char *where = _na_export_dup_locator (na_argument_get_anchor (args[i]));

              if (i > 0)
                g_string_append (out, "<br>");
              md_text (out, where);
            }
          g_string_append (out, " |\n");
        }
      g_string_append_c (out, '\n');
    }

  if (silent != NULL)
    {
      g_string_append_printf (out, "*%s* ", _("Silent:"));
      md_text (out, silent);
      g_string_append (out, "\n\n");
    }
}

static void
md_agreement (NaExport *export,
              GString  *out)
{
  NaComparison *cmp = export->comparison;
  const char *header[] = { _("Question"), na_position_to_label (NA_POSITION_SUPPORTS),
                           na_position_to_label (NA_POSITION_OPPOSES),
                           na_position_to_label (NA_POSITION_MIXED),
                           na_position_to_label (NA_POSITION_NEUTRAL),
                           na_position_to_label (NA_POSITION_SILENT), _("Agreement"), NULL };

  g_string_append_printf (out, "## %s\n\n", _("Agreement Summary"));
  md_header (out, header);
  for (guint q = 0; q < na_comparison_get_n_questions (cmp); q++)
    {
      g_autofree char *c[NA_N_POSITIONS] = { NULL };
      const char *row[NA_N_POSITIONS + 3] = { NULL };

      row[0] = na_question_get_title (na_comparison_get_question (cmp, q));
      for (NaPosition p = 0; p < NA_N_POSITIONS; p++)
        row[p + 1] = c[p] = g_strdup_printf ("%u", na_comparison_get_count (cmp, q, p));
      row[NA_N_POSITIONS + 1] = na_agreement_to_label (na_comparison_get_agreement (cmp, q));
      md_row (out, row);
    }
  g_string_append_c (out, '\n');
}

static void
md_closeness (NaExport *export,
              GString  *out)
{
  NaComparison *cmp = export->comparison;
  g_autofree char *aligned = _na_export_dup_pair (export, na_comparison_get_most_aligned (cmp));
  g_autofree char *opposed = _na_export_dup_pair (export, na_comparison_get_most_opposed (cmp));
  const char *header[] = { _("Essay"), _("Essay"), _("Shared"), _("Same"), _("Opposite"),
                           _("Closeness"), NULL };

  g_string_append_printf (out, "## %s\n\n", _("Closeness"));
  g_string_append_printf (out, "- **%s** ", _("Most aligned:"));
  md_text (out, aligned);
  g_string_append_printf (out, "\n- **%s** ", _("Most opposed:"));
  md_text (out, opposed);
  g_string_append (out, "\n\n");
  if (export->ranked_pairs->len == 0)
    return;

  md_header (out, header);
  for (guint i = 0; i < export->ranked_pairs->len; i++)
    {
      const NaComparisonPair *pair = export->ranked_pairs->pdata[i];
      NaEssay *essay_a = na_comparison_get_essay (cmp, pair->essay_a);
      NaEssay *essay_b = na_comparison_get_essay (cmp, pair->essay_b);
      g_autofree char *a = _na_export_dup_essay_short (essay_a);
      g_autofree char *b = _na_export_dup_essay_short (essay_b);
      g_autofree char *shared = g_strdup_printf ("%u", pair->n_shared);
      g_autofree char *same = g_strdup_printf ("%u", pair->n_same);
      g_autofree char *opposite = g_strdup_printf ("%u", pair->n_opposite);
      g_autofree char *closeness =
        g_strdup_printf ("%.0f %%", 100 * na_comparison_pair_get_closeness (pair));
      const char *row[] = { a, b, shared, same, opposite, closeness, NULL };

      md_row (out, row);
    }
  g_string_append_c (out, '\n');
}

static void
md_recommendations (NaExport *export,
                    GString  *out)
{
  NaComparison *cmp = export->comparison;
  NaLibrary *library = na_comparison_get_library (cmp);
  const char *header[] = { _("Essay"), _("Recommendation"), _("Countries"), _("Where"), NULL };

  g_string_append_printf (out, "## %s\n\n", _("Recommendations by Actor"));
  for (NaActor actor = 0; actor < NA_N_ACTORS; actor++)
    {
      GListModel *recs = na_comparison_get_recommendations (cmp, actor);
      guint n = g_list_model_get_n_items (recs);

      if (n == 0)
        continue;
      g_string_append_printf (out, "### %s\n\n", na_actor_to_label (actor));
      md_header (out, header);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);
          NaEssay *essay = na_library_lookup_essay (library, na_recommendation_get_essay_id (rec));
          g_autofree char *name = _na_export_dup_essay_short (essay);
          g_autofree char *countries =
            _na_export_dup_countries (export, na_recommendation_get_countries (rec));
          g_autofree char *where = _na_export_dup_locator (na_recommendation_get_anchor (rec));

          g_string_append (out, "| ");
          md_text (out, name);
          g_string_append (out, " | ");
          md_text (out, na_recommendation_get_action (rec));
          md_note (export, out, na_recommendation_get_id (rec), TRUE);
          g_string_append (out, " | ");
          md_text (out, countries);
          g_string_append (out, " | ");
          md_text (out, where);
          g_string_append (out, " |\n");
        }
      g_string_append_c (out, '\n');
    }
}

static void
md_countries (NaExport *export,
              GString  *out)
{
  GListModel *countries = na_comparison_get_countries (export->comparison);
  guint n = g_list_model_get_n_items (countries);
  const char *header[] = { _("Country"), _("Code"), _("Mentions"), NULL };

  g_string_append_printf (out, "## %s\n\n", _("Countries Concerned"));
  if (n == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("None."));
      return;
    }
  md_header (out, header);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaCountry) country = g_list_model_get_item (countries, i);
      g_autofree char *mentions =
        g_strdup_printf ("%u", na_comparison_get_country_mentions (export->comparison,
                                                                   na_country_get_code (country)));
      const char *row[] = { na_country_get_name (country), na_country_get_code (country),
                            mentions, NULL };

      md_row (out, row);
    }
  g_string_append_c (out, '\n');
}

GBytes *
_na_export_markdown (NaExport *export)
{
  GString *out = g_string_sized_new (64 * 1024);

  g_string_append (out, "# ");
  md_text (out, export->title);
  g_string_append_printf (out, "\n\n%s %s\n\n", _("Made on"), export->date);

  md_essays (export, out);
  g_string_append_printf (out, "## %s\n\n", _("Positions by Question"));
  for (guint q = 0; q < na_comparison_get_n_questions (export->comparison); q++)
    md_question (export, out, q);
  md_agreement (export, out);
  md_closeness (export, out);
  md_recommendations (export, out);
  md_countries (export, out);

  return g_string_free_to_bytes (out);
}
