/* na-test-pdf.c — PDFs made by the tests themselves with Cairo's PDF surface and Pango
 *
 * The fixture is our own prose, set line by line so the tests know exactly where lines break:
 * words hyphenated at line ends, typographic quotes, words a serif font sets with ligatures
 * (office, efficient, flows), and a page in two columns.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "na-test-pdf.h"

#define PAGE_W 595.0
#define PAGE_H 842.0
#define LINE_H 16.0

static const char *page1[] = {
  "The Harbour Lantern Report",
  "",
  "Maritime cooperation between distant alliances has grown",
  "steadily since the early two-thousands, and the present",
  "study argues that partners in the Pacific should meet in-",
  "formally before any formal commitment is made. Officials",
  "from the coastal ministries describe an \xe2\x80\x9copen table\xe2\x80\x9d where",
  "difficult questions can be raised without fear of publicity.",
  NULL
};

static const char *page2_left[] = {
  "The first column discusses the",
  "financial side of the proposal,",
  "noting that the efficient office",
  "should remain small and cheap.",
  "Budgets would be reviewed each",
  "spring by an independent panel.",
  NULL
};

static const char *page2_right[] = {
  "The second column turns to the",
  "training exercises that bring",
  "sailors together; such drills,",
  "the authors insist, build trust",
  "faster than any communique.",
  NULL
};

static const char *page3[] = {
  "Finally, the report recommends a standing secre-",
  "tariat, located in a neutral city, with a rotating chair,",
  "so that information flows without waiting for summits.",
  NULL
};

static void
draw_lines (cairo_t             *cr,
            PangoLayout         *layout,
            const char * const  *lines,
            double               x,
            double               y)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      pango_layout_set_text (layout, lines[i], -1);
      cairo_move_to (cr, x, y + i * LINE_H);
      pango_cairo_show_layout (cr, layout);
    }
}

static PangoLayout *
make_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Serif 11px");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static void
write_fixture (const char *path,
               gboolean    with_link)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = make_layout (cr);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  "The Harbour Lantern Report");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Ada Quill");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  "2021-05-04T10:30:00Z");

  draw_lines (cr, layout, page1, 72, 72);
  cairo_show_page (cr);
  /* Two columns with a wide gutter; the right one starts higher than the left ends. */
  draw_lines (cr, layout, page2_left, 60, 100);
  draw_lines (cr, layout, page2_right, 320, 100);
  cairo_show_page (cr);
  draw_lines (cr, layout, page3, 72, 400);
  if (with_link)
    {
      /* An internal link back to the first page. Cairo 1.16 writes a cross-reference table
       * that qpdf calls damaged whenever tags are used (poppler copes), so only the link
       * test's copy has one. */
      cairo_tag_begin (cr, CAIRO_TAG_LINK, "page=1 pos=[72 72]");
      draw_lines (cr, layout, (const char *[]) { "Back to the opening page.", NULL }, 72, 600);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
  cairo_show_page (cr);

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
na_test_pdf_write_fixture (const char *path)
{
  write_fixture (path, FALSE);
}

/* The fixture with an internal link on its third page, at (72, 600)-(218, 613), to page 1. */
void
na_test_pdf_write_linked (const char *path)
{
  write_fixture (path, TRUE);
}

/* A long document of numbered pages of filler, with an outline of its chapters. */
void
na_test_pdf_write_long (const char *path,
                        guint       n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = make_layout (cr);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *heading = g_strdup_printf ("Page %u of the long report", p + 1);
      const char *lines[] = {
        heading,
        "",
        "Each page of this long report repeats the same sentences so that the",
        "renderer has real text to draw: alliances, partners, harbours, ferries,",
        "officials and efficient offices appear on every one of these pages.",
        NULL
      };

      if (p % 10 == 0)
        {
          g_autofree char *name = g_strdup_printf ("Chapter %u", p / 10 + 1);
          g_autofree char *attrs = g_strdup_printf ("page=%u", p + 1);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, attrs, 0);
        }
      for (guint block = 0; block < 8; block++)
        draw_lines (cr, layout, lines, 72, 72 + block * 90);
      cairo_rectangle (cr, 60, 60, PAGE_W - 120, PAGE_H - 120);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_show_page (cr);
    }

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

/**
 * na_test_pdf_bare_render:
 *
 * @index of @document at @scale into a new @width × @height image on white, with nothing but
 * poppler_page_render: what pdftocairo draws, and the floor the viewer's renders are held to.
 */
cairo_surface_t *
na_test_pdf_bare_render (PopplerDocument *document,
                         int              index,
                         int              width,
                         int              height,
                         double           scale)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (page);
  return surface;
}
