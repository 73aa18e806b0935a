/* na-world-map-draw.c — drawing the world map with cairo: palettes, viewports, frames,
 * outlines, the legend, and PNG/SVG export
 *
 * One renderer for the window (through na_world_map_render), the export and the command
 * line. A frame only culls, picks a level of detail and appends ready-made paths: one fill
 * per country, one stroke for all land borders, markers for countries too small to see.
 */
#define G_LOG_DOMAIN "na-world-map"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "na-projection.h"
#include "na-util.h"
#include "na-world-map-private.h"

/* Palette */

static NaRgba
rgb (guint32 hex)
{
  return (NaRgba) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                    (hex & 0xff) / 255.0, 1.0 };
}

/**
 * na_map_palette_init:
 *
 * A single-hue blue scale (after ColorBrewer's "Blues"), readable with every common form of
 * colour blindness since it varies in lightness only. In dark mode it runs the other way,
 * dark to light, so that more always stands out more from the background.
 */
void
na_map_palette_init (NaMapPalette *palette,
                     gboolean      dark)
{
  if (!dark)
    {
      palette->background = rgb (0xfafafa);
      palette->sea = rgb (0xe8eef4);
      palette->land = rgb (0xd6d3cf);
      palette->border = rgb (0xffffff);
      palette->text = rgb (0x241f31);
      palette->highlight = rgb (0xe66100);
      palette->legend_background = (NaRgba) { 1, 1, 1, 0.92 };
      palette->ramp_low = rgb (0xb5d4e9);
      palette->ramp_mid = rgb (0x4292c6);
      palette->ramp_high = rgb (0x08306b);
    }
  else
    {
      palette->background = rgb (0x242424);
      palette->sea = rgb (0x1c232b);
      palette->land = rgb (0x474747);
      palette->border = rgb (0x242424);
      palette->text = rgb (0xffffff);
      palette->highlight = rgb (0xffa348);
      palette->legend_background = (NaRgba) { 0.19, 0.19, 0.19, 0.92 };
      palette->ramp_low = rgb (0x1f4e79);
      palette->ramp_mid = rgb (0x3d8fd6);
      palette->ramp_high = rgb (0xd8ebfb);
    }
}

static NaRgba
mix (NaRgba a,
     NaRgba b,
     double t)
{
  return (NaRgba) { a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b),
                    a.a + t * (b.a - a.a) };
}

void
na_map_palette_class_color (const NaMapPalette *palette,
                            guint               index,
                            guint               n_classes,
                            NaRgba             *color)
{
  double t = n_classes > 1 ? (double) index / (n_classes - 1) : 0.5;

  if (t <= 0.5)
    *color = mix (palette->ramp_low, palette->ramp_mid, t * 2);
  else
    *color = mix (palette->ramp_mid, palette->ramp_high, (t - 0.5) * 2);
}

static void
set_source (cairo_t      *cr,
            const NaRgba *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

/* Viewport */

void
na_map_viewport_to_map (const NaMapViewport *viewport,
                        double               x,
                        double               y,
                        double              *map_x,
                        double              *map_y)
{
  *map_x = viewport->center_x + (x - viewport->width / 2) / viewport->scale;
  *map_y = viewport->center_y + (y - viewport->height / 2) / viewport->scale;
}

void
na_map_viewport_from_map (const NaMapViewport *viewport,
                          double               map_x,
                          double               map_y,
                          double              *x,
                          double              *y)
{
  *x = (map_x - viewport->center_x) * viewport->scale + viewport->width / 2;
  *y = (map_y - viewport->center_y) * viewport->scale + viewport->height / 2;
}

/* Keeps the map on screen and the scale between "the whole world, small" and a city. */
void
na_map_viewport_clamp (NaMapViewport *viewport)
{
  double fit = MIN (viewport->width / (2 * NA_EQUAL_EARTH_X_MAX),
                    viewport->height / (2 * NA_EQUAL_EARTH_Y_MAX));

  fit = MAX (fit, 1.0);
  viewport->scale = CLAMP (viewport->scale, fit * 0.8, fit * 200);
  viewport->center_x = CLAMP (viewport->center_x, -NA_EQUAL_EARTH_X_MAX, NA_EQUAL_EARTH_X_MAX);
  viewport->center_y = CLAMP (viewport->center_y, -NA_EQUAL_EARTH_Y_MAX, NA_EQUAL_EARTH_Y_MAX);
}

/* Zooms by @factor keeping the map point under (@x, @y) where it is. */
void
na_map_viewport_zoom (NaMapViewport *viewport,
                      double         factor,
                      double         x,
                      double         y)
{
  double mx, my;

  na_map_viewport_to_map (viewport, x, y, &mx, &my);
  viewport->scale *= factor;
  na_map_viewport_clamp (viewport);
  viewport->center_x = mx - (x - viewport->width / 2) / viewport->scale;
  viewport->center_y = my - (y - viewport->height / 2) / viewport->scale;
  na_map_viewport_clamp (viewport);
}

/* Fits the longitude/latitude box into the area; @east may exceed 180 to cross the date line. */
void
na_map_viewport_fit (NaMapViewport *viewport,
                     double         width,
                     double         height,
                     double         west,
                     double         south,
                     double         east,
                     double         north)
{
  double x_min = G_MAXDOUBLE, y_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, y_max = -G_MAXDOUBLE;

  for (guint i = 0; i <= 16; i++)
    for (guint j = 0; j <= 16; j++)
      {
        double x, y;

        na_map_project (west + (east - west) * i / 16, south + (north - south) * j / 16, &x, &y);
        x_min = MIN (x_min, x);
        x_max = MAX (x_max, x);
        y_min = MIN (y_min, y);
        y_max = MAX (y_max, y);
      }

  viewport->width = width;
  viewport->height = height;
  viewport->center_x = (x_min + x_max) / 2;
  viewport->center_y = (y_min + y_max) / 2;
  viewport->scale = MIN (width / (x_max - x_min), height / (y_max - y_min));
  na_map_viewport_clamp (viewport);
}

/* From India to the central Pacific, from Mongolia to New Zealand. */
void
na_map_viewport_fit_asia_pacific (NaMapViewport *viewport,
                                  double         width,
                                  double         height)
{
  na_map_viewport_fit (viewport, width, height, 68, -47, 192, 52);
}

/* Drawing */

static void
draw_marker (cairo_t      *cr,
             double        x,
             double        y,
             double        radius,
             const NaRgba *fill,
             const NaRgba *outline,
             double        line_width)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  set_source (cr, fill);
  cairo_fill_preserve (cr);
  set_source (cr, outline);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static void
country_color (const Country      *country,
               NaMapFigures       *figures,
               NaMapMetric         metric,
               const NaMapPalette *palette,
               const NaMapClass   *classes,
               guint               n_classes,
               NaRgba             *color)
{
  guint value = figures ? na_map_figures_get_value (figures, country->code, metric) : 0;
  int k = na_map_class_find (classes, n_classes, value);

  if (k < 0)
    *color = palette->land;
  else
    na_map_palette_class_color (palette, k, n_classes, color);
}

/**
 * na_world_map_draw:
 * @figures: (nullable): what to colour by; %NULL draws every country plain
 * @hovered: index of a country to outline, or -1
 * @selected: index of another country to outline, or -1
 *
 * Draws the map as seen through @viewport onto @cr, from (0, 0) to (width, height) in its
 * current user space.
 */
void
na_world_map_draw (NaWorldMap          *self,
                   cairo_t             *cr,
                   const NaMapViewport *viewport,
                   NaMapFigures        *figures,
                   NaMapMetric          metric,
                   const NaMapPalette  *palette,
                   int                  hovered,
                   int                  selected)
{
  NaMapClass classes[NA_MAP_MAX_CLASSES];
  guint n_classes = figures ? na_map_figures_get_classes (figures, metric, classes) : 0;
  double s = viewport->scale;
  double x0, y0, x1, y1, lon, lat;
  int lod = _na_world_map_choose_lod (s);
  cairo_matrix_t device;
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (self != NULL && cr != NULL && viewport != NULL && palette != NULL);

  na_map_viewport_to_map (viewport, 0, 0, &x0, &y0);
  na_map_viewport_to_map (viewport, viewport->width, viewport->height, &x1, &y1);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  cairo_clip (cr);
  cairo_get_matrix (cr, &device);
  cairo_translate (cr, viewport->width / 2, viewport->height / 2);
  cairo_scale (cr, s, s);
  cairo_translate (cr, -viewport->center_x, -viewport->center_y);
  /* Cull against what is really drawn (the clip may be smaller than the viewport). */
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);

  /* The globe is convex: with all four corners on it, the sea fills the view, and a plain
   * paint spares rasterizing its outline over the whole frame. */
  if (na_map_unproject (x0, y0, &lon, &lat) && na_map_unproject (x1, y0, &lon, &lat) &&
      na_map_unproject (x0, y1, &lon, &lat) && na_map_unproject (x1, y1, &lon, &lat))
    {
      set_source (cr, &palette->sea);
      cairo_paint (cr);
    }
  else
    {
      set_source (cr, &palette->background);
      cairo_paint (cr);
      cairo_new_path (cr);
      cairo_append_path (cr, self->outline);
      set_source (cr, &palette->sea);
      cairo_fill (cr);
    }

  /* Countries and borders at cairo's "fast" antialiasing (4×4 samples a pixel): at map
   * scale it looks the same as the default and costs about half. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < self->countries->len; i++)
    {
      const Country *country = g_ptr_array_index (self->countries, i);
      NaRgba color;

      if (country->x_max < x0 || country->x_min > x1 ||
          country->y_max < y0 || country->y_min > y1)
        continue;
      if (_na_country_is_tiny (country, s))
        {
          /* A tiny outlying piece of a larger country would wear its colour misleadingly. */
          if (!country->secondary)
            g_array_append_val (markers, i);
          continue;
        }

      country_color (country, figures, metric, palette, classes, n_classes, &color);
      cairo_new_path (cr);
      cairo_append_path (cr, country->paths[lod]);
      set_source (cr, &color);
      cairo_fill (cr);
    }

  /* Land borders in one stroke; coastlines need none, the fill's edge is the coast. */
  cairo_new_path (cr);
  for (guint i = 0; i < self->borders->len; i++)
    {
      const Border *border = g_ptr_array_index (self->borders, i);

      if (border->x_max >= x0 && border->x_min <= x1 &&
          border->y_max >= y0 && border->y_min <= y1)
        cairo_append_path (cr, border->paths[lod]);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_width (cr, 0.8 / s);
  set_source (cr, &palette->border);
  cairo_stroke (cr);

  /* The hovered and selected countries on top, so their outline is not half covered. */
  cairo_set_line_width (cr, 2.0 / s);
  set_source (cr, &palette->highlight);
  for (guint k = 0; k < 2; k++)
    {
      int index = k == 0 ? hovered : selected;
      const Country *country;

      if (index < 0 || (guint) index >= self->countries->len)
        continue;
      country = g_ptr_array_index (self->countries, index);
      if (_na_country_is_tiny (country, s))
        continue;
      cairo_new_path (cr);
      cairo_append_path (cr, country->paths[lod]);
      cairo_stroke (cr);
    }

  /* Markers in device space, so they keep their size whatever the zoom. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_set_matrix (cr, &device);
  for (guint m = 0; m < markers->len; m++)
    {
      guint index = g_array_index (markers, guint, m);
      const Country *country = g_ptr_array_index (self->countries, index);
      gboolean lit = (int) index == hovered || (int) index == selected;
      gboolean discussed;
      NaRgba color, outline = palette->text;
      double x, y;

      discussed = figures && na_map_figures_get_value (figures, country->code, metric) > 0;
      country_color (country, figures, metric, palette, classes, n_classes, &color);
      na_map_viewport_from_map (viewport, country->marker_x, country->marker_y, &x, &y);
      /* Countries the selection does not discuss stay quiet: smaller, fainter outline. */
      if (!discussed)
        outline.a = 0.35;
      draw_marker (cr, x, y, discussed || lit ? NA_MAP_MARKER_RADIUS_PX : 3.0, &color,
                   lit ? &palette->highlight : &outline, lit ? 2.5 : 1.0);
    }

  cairo_restore (cr);
}

/**
 * na_world_map_render:
 * @image: an image surface as large as @viewport
 *
 * Draws a whole frame onto @image, as the window shows it. (Drawing it in parallel bands
 * was measured slower on our two-processor machines: a frame's cost is mostly geometry —
 * appending, stroking — which every band repeats, not filling pixels.)
 */
void
na_world_map_render (NaWorldMap          *self,
                     cairo_surface_t     *image,
                     const NaMapViewport *viewport,
                     NaMapFigures        *figures,
                     NaMapMetric          metric,
                     const NaMapPalette  *palette)
{
  cairo_t *cr;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE);

  cr = cairo_create (image);
  na_world_map_draw (self, cr, viewport, figures, metric, palette, -1, -1);
  cairo_destroy (cr);
  cairo_surface_flush (image);
}

/**
 * na_world_map_draw_outline:
 * @index: the country to outline
 *
 * Outlines one country (or rings its marker, when it is one at this scale) in @color: the
 * hovered or selected country, drawn over a map that stays cached.
 */
void
na_world_map_draw_outline (NaWorldMap          *self,
                           cairo_t             *cr,
                           const NaMapViewport *viewport,
                           guint                index,
                           const NaRgba        *color)
{
  const Country *country;
  double s = viewport->scale;

  g_return_if_fail (self != NULL && index < self->countries->len);

  country = g_ptr_array_index (self->countries, index);
  cairo_save (cr);
  set_source (cr, color);
  cairo_new_path (cr);
  if (_na_country_is_tiny (country, s))
    {
      double x, y;

      na_map_viewport_from_map (viewport, country->marker_x, country->marker_y, &x, &y);
      cairo_arc (cr, x, y, NA_MAP_MARKER_RADIUS_PX + 1.5, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2.5);
    }
  else
    {
      cairo_translate (cr, viewport->width / 2, viewport->height / 2);
      cairo_scale (cr, s, s);
      cairo_translate (cr, -viewport->center_x, -viewport->center_y);
      cairo_append_path (cr, country->paths[_na_world_map_choose_lod (s)]);
      cairo_set_line_width (cr, 2.0 / s);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static PangoLayout *
legend_layout (cairo_t    *cr,
               const char *text,
               gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell, Sans 10");

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/**
 * na_world_map_draw_legend:
 * @x: left edge of the legend
 * @y: bottom edge of the legend
 * @width: (out) (optional): its width
 * @height: (out) (optional): its height
 *
 * Draws the legend: what the colours count, and the numbers each colour stands for.
 */
void
na_world_map_draw_legend (cairo_t            *cr,
                          double              x,
                          double              y,
                          NaMapFigures       *figures,
                          NaMapMetric         metric,
                          const NaMapPalette *palette,
                          double             *width,
                          double             *height)
{
  const double pad = 10, swatch_w = 22, swatch_h = 14, gap = 8, row = 20;
  NaMapClass classes[NA_MAP_MAX_CLASSES];
  guint n_classes = figures ? na_map_figures_get_classes (figures, metric, classes) : 0;
  g_autoptr(PangoLayout) title = legend_layout (cr, na_map_metric_get_legend (metric), TRUE);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  int tw, th;
  double w, h, top;

  pango_layout_get_pixel_size (title, &tw, &th);
  w = tw;
  for (guint i = 0; i <= n_classes; i++)
    {
      g_autofree char *text = NULL;
      PangoLayout *layout;
      int lw, lh;

      if (i == n_classes)
        text = g_strdup (_("Not discussed"));
      else if (classes[i].lower == classes[i].upper)
        text = g_strdup_printf ("%u", classes[i].lower);
      else
        text = g_strdup_printf ("%u–%u", classes[i].lower, classes[i].upper);
      layout = legend_layout (cr, text, FALSE);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      w = MAX (w, swatch_w + gap + lw);
      g_ptr_array_add (labels, layout);
    }

  w += 2 * pad;
  h = pad + th + 6 + row * labels->len + pad - (row - swatch_h) / 2;
  top = y - h;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x + w - 8, top + 8, 8, -G_PI / 2, 0);
  cairo_arc (cr, x + w - 8, top + h - 8, 8, 0, G_PI / 2);
  cairo_arc (cr, x + 8, top + h - 8, 8, G_PI / 2, G_PI);
  cairo_arc (cr, x + 8, top + 8, 8, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_source (cr, &palette->legend_background);
  cairo_fill (cr);

  set_source (cr, &palette->text);
  cairo_move_to (cr, x + pad, top + pad);
  pango_cairo_show_layout (cr, title);

  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (labels, i);
      double ry = top + pad + th + 6 + i * row;
      NaRgba color = palette->land;
      int lw, lh;

      if (i < n_classes)
        na_map_palette_class_color (palette, i, n_classes, &color);
      cairo_rectangle (cr, x + pad, ry, swatch_w, swatch_h);
      set_source (cr, &color);
      cairo_fill_preserve (cr);
      set_source (cr, &palette->text);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &lw, &lh);
      cairo_move_to (cr, x + pad + swatch_w + gap, ry + (swatch_h - lh) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);

  if (width)
    *width = w;
  if (height)
    *height = h;
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_export (NaWorldMap   *self,
             cairo_t      *cr,
             double        width,
             double        height,
             NaMapFigures *figures,
             NaMapMetric   metric,
             const char   *caption)
{
  NaMapPalette palette;
  NaMapViewport viewport;
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) credit = NULL;
  int cw, ch;

  na_map_palette_init (&palette, FALSE);
  na_map_viewport_fit_asia_pacific (&viewport, width, height);
  na_world_map_draw (self, cr, &viewport, figures, metric, &palette, -1, -1);
  na_world_map_draw_legend (cr, 16, height - 16, figures, metric, &palette, NULL, NULL);

  if (caption != NULL)
    {
      int hw, hh;

      heading = legend_layout (cr, caption, TRUE);
      pango_layout_get_pixel_size (heading, &hw, &hh);
      cairo_rectangle (cr, 16, 16, hw + 20, hh + 12);
      set_source (cr, &palette.legend_background);
      cairo_fill (cr);
      set_source (cr, &palette.text);
      cairo_move_to (cr, 26, 22);
      pango_cairo_show_layout (cr, heading);
    }
  set_source (cr, &palette.text);
  credit = legend_layout (cr, _("Made with Natural Earth. Equal Earth projection."), FALSE);
  pango_layout_get_pixel_size (credit, &cw, &ch);
  cairo_move_to (cr, width - cw - 12, height - ch - 8);
  pango_cairo_show_layout (cr, credit);
}

/**
 * na_world_map_export:
 * @caption: (nullable): a heading, e.g. what the selection is
 * @format: (nullable): "png" or "svg", or %NULL to go by @file's extension
 * @file: where to write; without @format its name must end in .png or .svg
 *
 * Writes the Asia-Pacific view of the map with its legend, in light colours.
 *
 * Returns: %TRUE on success, else %FALSE with @error naming the file and the problem
 */
gboolean
na_world_map_export (NaWorldMap    *self,
                     NaMapFigures  *figures,
                     NaMapMetric    metric,
                     const char    *caption,
                     const char    *format,
                     GFile         *file,
                     GError       **error)
{
  const double width = 1600, height = 1000;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean svg;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  lower = g_utf8_strdown (name, -1);
  if (format != NULL)
    {
      if (g_ascii_strcasecmp (format, "svg") != 0 && g_ascii_strcasecmp (format, "png") != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Cannot export the map as “%s”: the formats are png and svg"), format);
          return FALSE;
        }
      svg = g_ascii_strcasecmp (format, "svg") == 0;
    }
  else if (g_str_has_suffix (lower, ".svg"))
    svg = TRUE;
  else if (g_str_has_suffix (lower, ".png"))
    svg = FALSE;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export the map to “%s”: the file name must end in .png or .svg"),
                   name);
      return FALSE;
    }

  if (svg)
    surface = cairo_svg_surface_create_for_stream (write_to_bytes, bytes, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  cr = cairo_create (surface);
  draw_export (self, cr, width, height, figures, metric, caption);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* Finishing the SVG surface writes it out; the image one is encoded as PNG. */
  if (status == CAIRO_STATUS_SUCCESS && svg)
    cairo_surface_finish (surface);
  else if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_bytes, bytes);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the map for “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write the map to “%s”: %s"), name,
                   na_error_get_reason (local_error, name));
      return FALSE;
    }

  return TRUE;
}
