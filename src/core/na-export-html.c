/* na-export-html.c — a comparison summary as one self-contained HTML file
 *
 * Inline CSS only (no scripts, no fetched resources), light and dark through
 * prefers-color-scheme, and print rules that repeat table headers and keep rows whole. The
 * markup is also well-formed XML (polyglot HTML5), which the tests check with an XML parser;
 * every string from the library or the user goes through html_text().
 */
#define G_LOG_DOMAIN "na-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "na-export-private.h"

static const char style[] =
  ":root{color-scheme:light dark;--fg:#1e1e1e;--bg:#fafafa;--muted:#5e5c64;--line:#d0d0d4;"
  "--head:#ebebed;--sup-bg:#d5f2dd;--sup-fg:#1d5e2e;--opp-bg:#fbdada;--opp-fg:#8a1c1c;"
  "--mix-bg:#fcecc8;--mix-fg:#6e4a00;--neu-bg:#e3e7ee;--neu-fg:#34414f;}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#eeeeee;--bg:#242424;--muted:#b0afb5;"
  "--line:#4a4a4f;--head:#303034;--sup-bg:#1f4a2b;--sup-fg:#b9efc8;--opp-bg:#5a2323;"
  "--opp-fg:#ffc9c9;--mix-bg:#574216;--mix-fg:#ffe3a6;--neu-bg:#39414d;--neu-fg:#d9e2ee;}}\n"
  "body{font-family:Cantarell,'Noto Sans',sans-serif;color:var(--fg);background:var(--bg);"
  "max-width:70em;margin:2em auto;padding:0 1em;line-height:1.45;}\n"
  "h1{font-size:1.8em;margin-bottom:0.2em;}h2{margin-top:1.8em;border-bottom:1px solid "
  "var(--line);}h3{margin-top:1.4em;}\n"
  ".meta,.silent,.where{color:var(--muted);}.where{font-size:0.9em;}\n"
  "table{border-collapse:collapse;width:100%;margin:0.5em 0 1em;}\n"
  "th,td{border:1px solid var(--line);padding:0.3em 0.5em;text-align:left;vertical-align:top;}\n"
  "th{background:var(--head);}td.num{text-align:right;}\n"
  ".badge{display:inline-block;padding:0 0.5em;border-radius:0.8em;font-size:0.85em;"
  "font-weight:bold;white-space:nowrap;}\n"
  ".supports{background:var(--sup-bg);color:var(--sup-fg);}"
  ".opposes{background:var(--opp-bg);color:var(--opp-fg);}"
  ".mixed{background:var(--mix-bg);color:var(--mix-fg);}"
  ".neutral,.silent-badge{background:var(--neu-bg);color:var(--neu-fg);}\n"
  ".note{border-left:3px solid var(--line);padding-left:0.5em;font-style:italic;}\n"
  "@media print{body{max-width:none;margin:0;color:#000;background:#fff;font-size:10pt;}"
  "thead{display:table-header-group;}tr,li{break-inside:avoid;}h2,h3{break-after:avoid;}"
  ".badge{border:1px solid #000;}}\n";

static void
html_text (GString    *out,
           const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      case '\r': break;
      case '\n': g_string_append (out, "<br/>"); break;
      default: g_string_append_c (out, *p);
      }
}

static void
html_element (GString    *out,
              const char *tag,
              const char *class,
              const char *text)
{
  if (class)
    g_string_append_printf (out, "<%s class=\"%s\">", tag, class);
  else
    g_string_append_printf (out, "<%s>", tag);
  html_text (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

static void
html_note (NaExport   *export,
           GString    *out,
           const char *id)
{
  const char *note = _na_export_note (export, id);

  if (note == NULL)
    return;
  g_string_append (out, "<div class=\"note\"><strong>");
  html_text (out, _("Note:"));
  g_string_append (out, "</strong> ");
  html_text (out, note);
  g_string_append (out, "</div>");
}

static void
html_badge (GString    *out,
            NaPosition  position)
{
  g_string_append_printf (out, "<span class=\"badge %s\">",
                          position == NA_POSITION_SILENT ? "silent-badge"
                                                         : na_position_to_nick (position));
  html_text (out, na_position_to_label (position));
  g_string_append (out, "</span>");
}

static void
html_header (GString     *out,
             const char **cells)
{
  g_string_append (out, "<table><thead><tr>");
  for (guint i = 0; cells[i] != NULL; i++)
    html_element (out, "th", NULL, cells[i]);
  g_string_append (out, "</tr></thead><tbody>\n");
}

static void
html_essays (NaExport *export,
             GString  *out)
{
  NaComparison *cmp = export->comparison;

  html_element (out, "h2", NULL, _("Essays Compared"));
  g_string_append (out, "<ol>\n");
  for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
    {
      NaEssay *essay = na_comparison_get_essay (cmp, e);
      g_autofree char *citation = na_essay_dup_citation (essay);

      g_string_append (out, "<li>");
      html_text (out, citation);
      html_note (export, out, na_essay_get_id (essay));
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n");
}

static void
html_question (NaExport *export,
               GString  *out,
               guint     q)
{
  NaComparison *cmp = export->comparison;
  NaQuestion *question = na_comparison_get_question (cmp, q);
  g_autofree char *counts = _na_export_dup_counts (cmp, q);
  g_autofree char *silent = _na_export_dup_silent (cmp, q);
  const char *header[] = { _("Essay"), _("Position"), _("Claims"), _("Where"), NULL };

  html_element (out, "h3", NULL, na_question_get_title (question));
  html_note (export, out, na_question_get_id (question));
  g_string_append (out, "<p><strong>");
  html_text (out, na_agreement_to_label (na_comparison_get_agreement (cmp, q)));
  g_string_append (out, "</strong> — ");
  html_text (out, counts);
  g_string_append (out, "</p>\n");

  if (na_comparison_get_count (cmp, q, NA_POSITION_SILENT) < na_comparison_get_n_essays (cmp))
    {
      html_header (out, header);
      for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
        {
          guint n;
          NaArgument * const *args = na_comparison_get_arguments (cmp, e, q, &n);
          g_autofree char *name = NULL;

          if (n == 0)
            continue;
          name = _na_export_dup_essay_short (na_comparison_get_essay (cmp, e));
          g_string_append (out, "<tr>");
          html_element (out, "td", NULL, name);
          g_string_append (out, "<td>");
          html_badge (out, na_comparison_get_position (cmp, e, q));
          g_string_append (out, "</td><td>");
          for (guint i = 0; i < n; i++)
            {
              g_string_append (out, "<p>");
              if (n > 1)
                {
                  html_badge (out, (NaPosition) na_argument_get_stance (args[i]));
                  g_string_append_c (out, ' ');
                }
              html_text (out, na_argument_get_claim (args[i]));
              g_string_append (out, "</p>");
              html_note (export, out, na_argument_get_id (args[i]));
            }
          g_string_append (out, "</td><td class=\"where\">");
          for (guint i = 0; i < n; i++)
            {
              g_autofree char *where = _na_export_dup_locator (na_argument_get_anchor (args[i]));

              html_element (out, "p", NULL, where);
            }
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody></table>\n");
    }

  if (silent != NULL)
    {
      g_string_append (out, "<p class=\"silent\"><strong>");
      html_text (out, _("Silent:"));
      g_string_append (out, "</strong> ");
      html_text (out, silent);
      g_string_append (out, "</p>\n");
    }
}

static void
html_agreement (NaExport *export,
                GString  *out)
{
  NaComparison *cmp = export->comparison;
  const char *header[] = { _("Question"), na_position_to_label (NA_POSITION_SUPPORTS),
                           na_position_to_label (NA_POSITION_OPPOSES),
                           na_position_to_label (NA_POSITION_MIXED),
                           na_position_to_label (NA_POSITION_NEUTRAL),
                           na_position_to_label (NA_POSITION_SILENT), _("Agreement"), NULL };

  html_element (out, "h2", NULL, _("Agreement Summary"));
  html_header (out, header);
  for (guint q = 0; q < na_comparison_get_n_questions (cmp); q++)
    {
      g_string_append (out, "<tr>");
      html_element (out, "td", NULL, na_question_get_title (na_comparison_get_question (cmp, q)));
      for (NaPosition p = 0; p < NA_N_POSITIONS; p++)
        g_string_append_printf (out, "<td class=\"num\">%u</td>",
                                na_comparison_get_count (cmp, q, p));
      html_element (out, "td", NULL, na_agreement_to_label (na_comparison_get_agreement (cmp, q)));
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
html_closeness (NaExport *export,
                GString  *out)
{
  NaComparison *cmp = export->comparison;
  g_autofree char *aligned = _na_export_dup_pair (export, na_comparison_get_most_aligned (cmp));
  g_autofree char *opposed = _na_export_dup_pair (export, na_comparison_get_most_opposed (cmp));
  const char *header[] = { _("Essay"), _("Essay"), _("Shared"), _("Same"), _("Opposite"),
                           _("Closeness"), NULL };

  html_element (out, "h2", NULL, _("Closeness"));
  g_string_append (out, "<ul><li><strong>");
  html_text (out, _("Most aligned:"));
  g_string_append (out, "</strong> ");
  html_text (out, aligned);
  g_string_append (out, "</li><li><strong>");
  html_text (out, _("Most opposed:"));
  g_string_append (out, "</strong> ");
  html_text (out, opposed);
  g_string_append (out, "</li></ul>\n");
  if (export->ranked_pairs->len == 0)
    return;

  html_header (out, header);
  for (guint i = 0; i < export->ranked_pairs->len; i++)
    {
      const NaComparisonPair *pair = export->ranked_pairs->pdata[i];
      NaEssay *essay_a = na_comparison_get_essay (cmp, pair->essay_a);
      NaEssay *essay_b = na_comparison_get_essay (cmp, pair->essay_b);
      g_autofree char *a = _na_export_dup_essay_short (essay_a);
      g_autofree char *b = _na_export_dup_essay_short (essay_b);

      g_string_append (out, "<tr>");
      html_element (out, "td", NULL, a);
      html_element (out, "td", NULL, b);
      g_string_append_printf (out, "<td class=\"num\">%u</td><td class=\"num\">%u</td>"
                              "<td class=\"num\">%u</td><td class=\"num\">%.0f %%</td></tr>\n",
                              pair->n_shared, pair->n_same, pair->n_opposite,
                              100 * na_comparison_pair_get_closeness (pair));
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
html_recommendations (NaExport *export,
                      GString  *out)
{
  NaComparison *cmp = export->comparison;
  NaLibrary *library = na_comparison_get_library (cmp);
  const char *header[] = { _("Essay"), _("Recommendation"), _("Countries"), _("Where"), NULL };

  html_element (out, "h2", NULL, _("Recommendations by Actor"));
  for (NaActor actor = 0; actor < NA_N_ACTORS; actor++)
    {
      GListModel *recs = na_comparison_get_recommendations (cmp, actor);
      guint n = g_list_model_get_n_items (recs);

      if (n == 0)
        continue;
      html_element (out, "h3", NULL, na_actor_to_label (actor));
      html_header (out, header);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);
          NaEssay *essay = na_library_lookup_essay (library, na_recommendation_get_essay_id (rec));
          g_autofree char *name = _na_export_dup_essay_short (essay);
          g_autofree char *countries =
            _na_export_dup_countries (export, na_recommendation_get_countries (rec));
          g_autofree char *where = _na_export_dup_locator (na_recommendation_get_anchor (rec));

          g_string_append (out, "<tr>");
          html_element (out, "td", NULL, name);
          g_string_append (out, "<td>");
          html_text (out, na_recommendation_get_action (rec));
          html_note (export, out, na_recommendation_get_id (rec));
          g_string_append (out, "</td>");
          html_element (out, "td", NULL, countries);
          html_element (out, "td", "where", where);
          g_string_append (out, "</tr>\n");
        }
      g_string_append (out, "</tbody></table>\n");
    }
}

static void
html_countries (NaExport *export,
                GString  *out)
{
  GListModel *countries = na_comparison_get_countries (export->comparison);
  guint n = g_list_model_get_n_items (countries);
  const char *header[] = { _("Country"), _("Code"), _("Mentions"), NULL };

  html_element (out, "h2", NULL, _("Countries Concerned"));
  if (n == 0)
    {
      html_element (out, "p", NULL, _("None."));
      return;
    }
  html_header (out, header);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaCountry) country = g_list_model_get_item (countries, i);

      g_string_append (out, "<tr>");
      html_element (out, "td", NULL, na_country_get_name (country));
      html_element (out, "td", NULL, na_country_get_code (country));
      g_string_append_printf (out, "<td class=\"num\">%u</td></tr>\n",
                              na_comparison_get_country_mentions (export->comparison,
                                                                  na_country_get_code (country)));
    }
  g_string_append (out, "</tbody></table>\n");
}

GBytes *
_na_export_html (NaExport *export)
{
  GString *out = g_string_sized_new (128 * 1024);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"viewport\" "
                        "content=\"width=device-width, initial-scale=1\"/>\n"
                        "<meta name=\"generator\" content=\"NatoAsia " PACKAGE_VERSION "\"/>\n");
  html_element (out, "title", NULL, export->title);
  g_string_append (out, "\n<style>\n");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n<body>\n");
  html_element (out, "h1", NULL, export->title);
  g_string_append_printf (out, "\n<p class=\"meta\">%s <time datetime=\"%s\">%s</time></p>\n",
                          _("Made on"), export->timestamp, export->date);

  html_essays (export, out);
  html_element (out, "h2", NULL, _("Positions by Question"));
  for (guint q = 0; q < na_comparison_get_n_questions (export->comparison); q++)
    html_question (export, out, q);
  html_agreement (export, out);
  html_closeness (export, out);
  html_recommendations (export, out);
  html_countries (export, out);
  g_string_append (out, "</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}
