/* na-export-pdf.c — a comparison summary as a paginated PDF, through Cairo and Pango
 *
 * A small flow layout: paragraphs break between lines, table rows never break (a row that
 * would not fit starts the next page, under a repeated header row), headings stay with what
 * follows. Every page has a running header (title, date) and its number. Text is set as plain
 * text, never as Pango markup, so nothing in the library or a note can change the formatting;
 * Cairo embeds the fonts, so the text stays vector and searchable.
 */
#define G_LOG_DOMAIN "na-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "na-export-private.h"

#define MARGIN 54.0
#define PAD 3.0
#define MAX_COLUMNS 8

typedef struct
{
  NaExport             *export;
  GByteArray           *data;
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoContext         *context;
  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *h1;
  PangoFontDescription *h2;
  PangoFontDescription *h3;
  PangoLayout          *cells[MAX_COLUMNS];
  double                width;
  double                height;
  double                y;
  int                   page;
} Pdf;

typedef struct
{
  guint         n_columns;
  const double *widths;   /* fractions of the text width */
  const char  **header;
} Table;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static double
text_width (Pdf *pdf)
{
  return pdf->width - 2 * MARGIN;
}

static void
set_fg (Pdf *pdf, double grey)
{
  cairo_set_source_rgb (pdf->cr, grey, grey, grey);
}

static PangoLayout *
layout_new (Pdf                  *pdf,
            const char           *text,
            PangoFontDescription *font,
            double                width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static void
page_furniture (Pdf *pdf)
{
  g_autoptr(PangoLayout) title = layout_new (pdf, pdf->export->title, pdf->small,
                                             text_width (pdf) * 0.75);
  g_autoptr(PangoLayout) date = layout_new (pdf, pdf->export->date, pdf->small, -1);
  g_autofree char *number = g_strdup_printf (_("Page %d"), pdf->page);
  g_autoptr(PangoLayout) page = layout_new (pdf, number, pdf->small, -1);
  int w, h;

  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (page, -1);
  pango_layout_set_width (date, -1);
  set_fg (pdf, 0.35);
  cairo_move_to (pdf->cr, MARGIN, MARGIN - 30);
  pango_cairo_show_layout (pdf->cr, title);
  pango_layout_get_pixel_size (date, &w, &h);
  cairo_move_to (pdf->cr, pdf->width - MARGIN - w, MARGIN - 30);
  pango_cairo_show_layout (pdf->cr, date);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, MARGIN, MARGIN - 12);
  cairo_line_to (pdf->cr, pdf->width - MARGIN, MARGIN - 12);
  cairo_stroke (pdf->cr);
  pango_layout_get_pixel_size (page, &w, &h);
  cairo_move_to (pdf->cr, (pdf->width - w) / 2, pdf->height - MARGIN + 18);
  pango_cairo_show_layout (pdf->cr, page);
  set_fg (pdf, 0);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
  page_furniture (pdf);
}

static double
bottom (Pdf *pdf)
{
  return pdf->height - MARGIN;
}

/* Breaks the page unless @needed points are left. */
static void
ensure_space (Pdf    *pdf,
              double  needed)
{
  if (pdf->y + needed > bottom (pdf) && pdf->y > MARGIN)
    new_page (pdf);
}

/* A paragraph, breaking pages between its lines. */
static void
paragraph (Pdf                  *pdf,
           const char           *text,
           PangoFontDescription *font,
           double                indent,
           double                space_after)
{
  g_autoptr(PangoLayout) layout = layout_new (pdf, text, font, text_width (pdf) - indent);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int baseline = pango_layout_iter_get_baseline (iter);
      double line_h;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_h = (double) logical.height / PANGO_SCALE;
      if (pdf->y + line_h > bottom (pdf))
        new_page (pdf);
      /* The line's top is at pdf->y; Pango draws a line from its baseline. */
      cairo_move_to (pdf->cr, MARGIN + indent,
                     pdf->y + (double) (baseline - logical.y) / PANGO_SCALE);
      pango_cairo_show_layout_line (pdf->cr, line);
      pdf->y += line_h;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pdf->y += space_after;
}

static void
heading (Pdf                  *pdf,
         const char           *text,
         PangoFontDescription *font)
{
  /* Keep a heading with at least a few lines of what follows it. */
  ensure_space (pdf, 70);
  pdf->y += font == pdf->h3 ? 6 : 12;
  paragraph (pdf, text, font, 0, 4);
}

static void
table_row (Pdf          *pdf,
           const Table  *table,
           const char  **cells,
           const double *fill,
           gboolean      is_header);

static void
table_begin (Pdf         *pdf,
             const Table *table)
{
  ensure_space (pdf, 60);
  table_row (pdf, table, table->header, NULL, TRUE);
}

/* A row that does not fit moves whole to the next page, under the header again. @fill, when
 * given, is a light background for each cell (NULL entries for none). */
static void
draw_frame (Pdf          *pdf,
            const Table  *table,
            const double *widths,
            const double *fill,
            gboolean      is_header,
            double        height)
{
  double x = MARGIN;

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (is_header || (fill && fill[c] > 0))
        {
          set_fg (pdf, is_header ? 0.92 : fill[c]);
          cairo_rectangle (pdf->cr, x, pdf->y, widths[c], height);
          cairo_fill (pdf->cr);
        }
      set_fg (pdf, 0.7);
      cairo_set_line_width (pdf->cr, 0.5);
      cairo_rectangle (pdf->cr, x, pdf->y, widths[c], height);
      cairo_stroke (pdf->cr);
      x += widths[c];
    }
  set_fg (pdf, 0);
}

/* How far (Pango units, from the layout's top) the lines of @layout starting at @offset reach
 * within @space; at least one line, so a row always moves on. */
static int
lines_fitting (PangoLayout *layout,
               int          offset,
               int          space,
               gboolean    *more)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int reach = offset;

  *more = FALSE;
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (logical.y < offset)
        continue;
      if (logical.y + logical.height - offset > space && reach > offset)
        {
          *more = TRUE;
          break;
        }
      reach = logical.y + logical.height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return reach;
}

/* A row taller than a whole page: each page takes as many whole lines of each cell as fit,
 * under a repeated header row. The cells' layouts are copied because the header reuses ours. */
static void
split_row (Pdf          *pdf,
           const Table  *table,
           const double *widths,
           const double *fill)
{
  PangoLayout *layouts[MAX_COLUMNS];
  int offsets[MAX_COLUMNS] = { 0 };
  gboolean more = TRUE;

  for (guint c = 0; c < table->n_columns; c++)
    layouts[c] = pango_layout_copy (pdf->cells[c]);

  while (more)
    {
      int space = (int) ((bottom (pdf) - pdf->y - 2 * PAD) * PANGO_SCALE);
      int reach[MAX_COLUMNS];
      int used = 0;
      double x = MARGIN, height;

      more = FALSE;
      for (guint c = 0; c < table->n_columns; c++)
        {
          gboolean cell_more;

          reach[c] = lines_fitting (layouts[c], offsets[c], space, &cell_more);
          used = MAX (used, reach[c] - offsets[c]);
          more |= cell_more;
        }
      height = (double) used / PANGO_SCALE + 2 * PAD;
      draw_frame (pdf, table, widths, fill, FALSE, height);
      for (guint c = 0; c < table->n_columns; c++)
        {
          cairo_save (pdf->cr);
          cairo_rectangle (pdf->cr, x, pdf->y + PAD, widths[c],
                           (double) (reach[c] - offsets[c]) / PANGO_SCALE);
          cairo_clip (pdf->cr);
          cairo_move_to (pdf->cr, x + PAD, pdf->y + PAD - (double) offsets[c] / PANGO_SCALE);
          pango_cairo_show_layout (pdf->cr, layouts[c]);
          cairo_restore (pdf->cr);
          offsets[c] = reach[c];
          x += widths[c];
        }
      pdf->y += height;
      if (more)
        {
          new_page (pdf);
          table_row (pdf, table, table->header, NULL, TRUE);
        }
    }

  for (guint c = 0; c < table->n_columns; c++)
    g_object_unref (layouts[c]);
}

static void
table_row (Pdf          *pdf,
           const Table  *table,
           const char  **cells,
           const double *fill,
           gboolean      is_header)
{
  double x = MARGIN;
  double row_h = 0;
  double widths[MAX_COLUMNS];
  double page_body = bottom (pdf) - MARGIN;

  for (guint c = 0; c < table->n_columns; c++)
    {
      PangoLayout *layout = pdf->cells[c];
      int h;

      widths[c] = table->widths[c] * text_width (pdf);
      pango_layout_set_font_description (layout, is_header ? pdf->bold : pdf->body);
      pango_layout_set_width (layout, (int) ((widths[c] - 2 * PAD) * PANGO_SCALE));
      pango_layout_set_text (layout, cells[c] ? cells[c] : "", -1);
      pango_layout_get_pixel_size (layout, NULL, &h);
      row_h = MAX (row_h, h + 2 * PAD);
    }

  /* Rows taller than what is left of the page but not than a page move whole; taller ones
   * are split between lines. The header row of a table takes ~20 points of a fresh page. */
  if (!is_header && row_h > page_body - 40)
    {
      if (bottom (pdf) - pdf->y < 80)
        {
          new_page (pdf);
          table_row (pdf, table, table->header, NULL, TRUE);
          table_row (pdf, table, cells, fill, FALSE);
          return;
        }
      split_row (pdf, table, widths, fill);
      return;
    }

  if (pdf->y + row_h > bottom (pdf) && pdf->y > MARGIN)
    {
      new_page (pdf);
      if (!is_header)
        {
          /* The header row reuses the cell layouts: draw it, then lay this row out again. */
          table_row (pdf, table, table->header, NULL, TRUE);
          table_row (pdf, table, cells, fill, FALSE);
          return;
        }
    }

  draw_frame (pdf, table, widths, fill, is_header, row_h);
  for (guint c = 0; c < table->n_columns; c++)
    {
      cairo_move_to (pdf->cr, x + PAD, pdf->y + PAD);
      pango_cairo_show_layout (pdf->cr, pdf->cells[c]);
      x += widths[c];
    }
  pdf->y += row_h;
}

static void
table_end (Pdf *pdf)
{
  pdf->y += 8;
}

static void
pdf_essays (Pdf *pdf)
{
  NaComparison *cmp = pdf->export->comparison;

  heading (pdf, _("Essays Compared"), pdf->h2);
  for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
    {
      NaEssay *essay = na_comparison_get_essay (cmp, e);
      g_autofree char *citation = na_essay_dup_citation (essay);
      g_autofree char *item = g_strdup_printf ("%u. %s", e + 1, citation);
      const char *note = _na_export_note (pdf->export, na_essay_get_id (essay));

      paragraph (pdf, item, pdf->body, 0, 3);
      if (note != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s %s", _("Note:"), note);

          paragraph (pdf, text, pdf->small, 14, 3);
        }
    }
}

static double
position_fill (NaPosition position)
{
  /* Greys, not hues: the label says the position, the shade only helps the eye, and it prints. */
  switch (position)
    {
    case NA_POSITION_SUPPORTS: return 0.96;
    case NA_POSITION_OPPOSES: return 0.86;
    case NA_POSITION_MIXED: return 0.91;
    case NA_POSITION_NEUTRAL:
    case NA_POSITION_SILENT:
    case NA_N_POSITIONS:
    default: return 0;
    }
}

static void
pdf_question (Pdf   *pdf,
              guint  q)
{
  static const double widths[] = { 0.2, 0.12, 0.46, 0.22 };
  NaComparison *cmp = pdf->export->comparison;
  NaQuestion *question = na_comparison_get_question (cmp, q);
  g_autofree char *counts = _na_export_dup_counts (cmp, q);
  NaAgreement agreement = na_comparison_get_agreement (cmp, q);
  g_autofree char *summary = g_strdup_printf ("%s — %s", na_agreement_to_label (agreement),
                                              counts);
  g_autofree char *silent = _na_export_dup_silent (cmp, q);
  const char *header[] = { _("Essay"), _("Position"), _("Claims"), _("Where") };
  Table table = { 4, widths, header };
  const char *note = _na_export_note (pdf->export, na_question_get_id (question));

  heading (pdf, na_question_get_title (question), pdf->h3);
  if (note != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", _("Note:"), note);

      paragraph (pdf, text, pdf->small, 0, 3);
    }
  paragraph (pdf, summary, pdf->bold, 0, 4);

  if (na_comparison_get_count (cmp, q, NA_POSITION_SILENT) < na_comparison_get_n_essays (cmp))
    {
      table_begin (pdf, &table);
      for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
        {
          guint n;
          NaArgument * const *args = na_comparison_get_arguments (cmp, e, q, &n);
          NaPosition position = na_comparison_get_position (cmp, e, q);
          g_autofree char *name = NULL;
          g_autoptr(GString) claims = g_string_new (NULL);
          g_autoptr(GString) where = g_string_new (NULL);
          const char *row[4];
          double fill[4] = { 0, position_fill (position), 0, 0 };

          if (n == 0)
            continue;
          name = _na_export_dup_essay_short (na_comparison_get_essay (cmp, e));
          for (guint i = 0; i < n; i++)
            {
              g_autofree char *locator = _na_export_dup_locator (na_argument_get_anchor (args[i]));
              const char *arg_note = _na_export_note (pdf->export, na_argument_get_id (args[i]));

              if (i > 0)
                {
                  g_string_append (claims, "\n");
                  g_string_append (where, "\n");
                }
              if (n > 1)
                g_string_append_printf (claims, "%s: ",
                                        na_stance_to_label (na_argument_get_stance (args[i])));
              g_string_append (claims, na_argument_get_claim (args[i]));
              if (arg_note != NULL)
                g_string_append_printf (claims, "\n%s %s", _("Note:"), arg_note);
              g_string_append (where, locator);
            }
          row[0] = name;
          row[1] = na_position_to_label (position);
          row[2] = claims->str;
          row[3] = where->str;
          table_row (pdf, &table, row, fill, FALSE);
        }
      table_end (pdf);
    }

  if (silent != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", _("Silent:"), silent);

      paragraph (pdf, text, pdf->small, 0, 6);
    }
}

static void
pdf_agreement (Pdf *pdf)
{
  static const double widths[] = { 0.4, 0.1, 0.1, 0.08, 0.08, 0.08, 0.16 };
  NaComparison *cmp = pdf->export->comparison;
  const char *header[] = { _("Question"), na_position_to_label (NA_POSITION_SUPPORTS),
                           na_position_to_label (NA_POSITION_OPPOSES),
                           na_position_to_label (NA_POSITION_MIXED),
                           na_position_to_label (NA_POSITION_NEUTRAL),
                           na_position_to_label (NA_POSITION_SILENT), _("Agreement") };
  Table table = { 7, widths, header };

  heading (pdf, _("Agreement Summary"), pdf->h2);
  table_begin (pdf, &table);
  for (guint q = 0; q < na_comparison_get_n_questions (cmp); q++)
    {
      g_autofree char *c[NA_N_POSITIONS] = { NULL };
      const char *row[7];

      row[0] = na_question_get_title (na_comparison_get_question (cmp, q));
      for (NaPosition p = 0; p < NA_N_POSITIONS; p++)
        row[p + 1] = c[p] = g_strdup_printf ("%u", na_comparison_get_count (cmp, q, p));
      row[6] = na_agreement_to_label (na_comparison_get_agreement (cmp, q));
      table_row (pdf, &table, row, NULL, FALSE);
    }
  table_end (pdf);
}

static void
pdf_closeness (Pdf *pdf)
{
  static const double widths[] = { 0.28, 0.28, 0.11, 0.1, 0.11, 0.12 };
  NaExport *export = pdf->export;
  NaComparison *cmp = export->comparison;
  g_autofree char *aligned = _na_export_dup_pair (export, na_comparison_get_most_aligned (cmp));
  g_autofree char *opposed = _na_export_dup_pair (export, na_comparison_get_most_opposed (cmp));
  g_autofree char *aligned_text = g_strdup_printf ("%s %s", _("Most aligned:"), aligned);
  g_autofree char *opposed_text = g_strdup_printf ("%s %s", _("Most opposed:"), opposed);
  const char *header[] = { _("Essay"), _("Essay"), _("Shared"), _("Same"), _("Opposite"),
                           _("Closeness") };
  Table table = { 6, widths, header };

  heading (pdf, _("Closeness"), pdf->h2);
  paragraph (pdf, aligned_text, pdf->body, 0, 2);
  paragraph (pdf, opposed_text, pdf->body, 0, 6);
  if (export->ranked_pairs->len == 0)
    return;

  table_begin (pdf, &table);
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
      const char *row[] = { a, b, shared, same, opposite, closeness };

      table_row (pdf, &table, row, NULL, FALSE);
    }
  table_end (pdf);
}

static void
pdf_recommendations (Pdf *pdf)
{
  static const double widths[] = { 0.2, 0.45, 0.15, 0.2 };
  NaComparison *cmp = pdf->export->comparison;
  NaLibrary *library = na_comparison_get_library (cmp);
  const char *header[] = { _("Essay"), _("Recommendation"), _("Countries"), _("Where") };
  Table table = { 4, widths, header };

  heading (pdf, _("Recommendations by Actor"), pdf->h2);
  for (NaActor actor = 0; actor < NA_N_ACTORS; actor++)
    {
      GListModel *recs = na_comparison_get_recommendations (cmp, actor);
      guint n = g_list_model_get_n_items (recs);

      if (n == 0)
        continue;
      heading (pdf, na_actor_to_label (actor), pdf->h3);
      table_begin (pdf, &table);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);
          NaEssay *essay = na_library_lookup_essay (library, na_recommendation_get_essay_id (rec));
          g_autofree char *name = _na_export_dup_essay_short (essay);
          g_autofree char *countries =
            _na_export_dup_countries (pdf->export, na_recommendation_get_countries (rec));
          g_autofree char *where = _na_export_dup_locator (na_recommendation_get_anchor (rec));
          const char *note = _na_export_note (pdf->export, na_recommendation_get_id (rec));
          g_autofree char *action = note ? g_strdup_printf ("%s\n%s %s",
                                                            na_recommendation_get_action (rec),
                                                            _("Note:"), note)
                                         : g_strdup (na_recommendation_get_action (rec));
          const char *row[] = { name, action, countries, where };

          table_row (pdf, &table, row, NULL, FALSE);
        }
      table_end (pdf);
    }
}

static void
pdf_countries (Pdf *pdf)
{
  static const double widths[] = { 0.6, 0.2, 0.2 };
  GListModel *countries = na_comparison_get_countries (pdf->export->comparison);
  guint n = g_list_model_get_n_items (countries);
  const char *header[] = { _("Country"), _("Code"), _("Mentions") };
  Table table = { 3, widths, header };

  heading (pdf, _("Countries Concerned"), pdf->h2);
  if (n == 0)
    {
      paragraph (pdf, _("None."), pdf->body, 0, 4);
      return;
    }
  table_begin (pdf, &table);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaCountry) country = g_list_model_get_item (countries, i);
      g_autofree char *mentions =
        g_strdup_printf ("%u", na_comparison_get_country_mentions (pdf->export->comparison,
                                                                   na_country_get_code (country)));
      const char *row[] = { na_country_get_name (country), na_country_get_code (country),
                            mentions };

      table_row (pdf, &table, row, NULL, FALSE);
    }
  table_end (pdf);
}

static void
pdf_clear (Pdf *pdf)
{
  for (guint c = 0; c < MAX_COLUMNS; c++)
    g_clear_object (&pdf->cells[c]);
  g_clear_object (&pdf->context);
  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_clear_pointer (&pdf->surface, cairo_surface_destroy);
  g_clear_pointer (&pdf->data, g_byte_array_unref);
  g_clear_pointer (&pdf->body, pango_font_description_free);
  g_clear_pointer (&pdf->bold, pango_font_description_free);
  g_clear_pointer (&pdf->small, pango_font_description_free);
  g_clear_pointer (&pdf->h1, pango_font_description_free);
  g_clear_pointer (&pdf->h2, pango_font_description_free);
  g_clear_pointer (&pdf->h3, pango_font_description_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

GBytes *
_na_export_pdf (NaExport  *export,
                GError   **error)
{
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *made = NULL;
  cairo_status_t status;

  pdf.export = export;
  pdf.data = g_byte_array_sized_new (256 * 1024);
  /* Points: A4 is 210 × 297 mm, Letter 8.5 × 11 in. */
  pdf.width = export->paper == NA_PAPER_LETTER ? 612 : 595.276;
  pdf.height = export->paper == NA_PAPER_LETTER ? 792 : 841.89;
  pdf.surface = cairo_pdf_surface_create_for_stream (write_cb, pdf.data, pdf.width, pdf.height);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, export->title);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATE_DATE, export->timestamp);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR,
                                  "NatoAsia " PACKAGE_VERSION);
  pdf.cr = cairo_create (pdf.surface);
  pdf.context = pango_cairo_create_context (pdf.cr);
  /* Metrics independent of any screen, so the layout is the same everywhere. */
  pango_cairo_context_set_resolution (pdf.context, 72);
  pdf.body = pango_font_description_from_string ("Sans 9");
  pdf.bold = pango_font_description_from_string ("Sans Bold 9");
  pdf.small = pango_font_description_from_string ("Sans 8");
  pdf.h1 = pango_font_description_from_string ("Sans Bold 18");
  pdf.h2 = pango_font_description_from_string ("Sans Bold 14");
  pdf.h3 = pango_font_description_from_string ("Sans Bold 11");
  for (guint c = 0; c < MAX_COLUMNS; c++)
    pdf.cells[c] = layout_new (&pdf, "", pdf.body, 100);

  new_page (&pdf);
  paragraph (&pdf, export->title, pdf.h1, 0, 4);
  made = g_strdup_printf ("%s %s", _("Made on"), export->date);
  paragraph (&pdf, made, pdf.body, 0, 8);
  pdf_essays (&pdf);
  heading (&pdf, _("Positions by Question"), pdf.h2);
  for (guint q = 0; q < na_comparison_get_n_questions (export->comparison); q++)
    pdf_question (&pdf, q);
  pdf_agreement (&pdf);
  pdf_closeness (&pdf);
  pdf_recommendations (&pdf);
  pdf_countries (&pdf);

  cairo_show_page (pdf.cr);
  g_clear_pointer (&pdf.cr, cairo_destroy);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NA_EXPORT_ERROR, NA_EXPORT_ERROR_RENDER,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_bytes_new (pdf.data->data, pdf.data->len);
}
