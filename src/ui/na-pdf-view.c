/* na-pdf-view.c — continuous, lazily laid out and rendered view of a PDF's pages
 *
 * Every page's size is known when the document opens, so the layout of all pages is a column
 * of rectangles computed without rendering anything: a 1 000-page PDF opens at once. Only the
 * pages in view (and one either side) are rendered, by the NaRenderQueue's worker threads,
 * nearest first, at zoom × the monitor's scale factor so text is sharp on HiDPI screens.
 * Textures are kept in a cache bounded in bytes, least recently drawn evicted first. A zoom
 * change cancels the renders in flight; until the new ones arrive, the old texture is drawn
 * scaled, so the page never goes blank.
 */
#define G_LOG_DOMAIN "na-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "na-memory.h"
#include "na-pdf-view.h"
#include "na-render-queue.h"

#define SPACING 12.0
#define CACHE_BYTES (128 * 1024 * 1024)

/* Rows of device pixels per texture strip (see draw_strips). */
#define STRIP_HEIGHT 256

/* The side of a note's marker, in pixels at any zoom, and its gap to the passage. */
#define NOTE_MARKER 12.0
#define NOTE_GAP 3.0

/* A note on a passage: a marker beside its first rectangle, its text as their tooltip. */
typedef struct
{
  GArray *rects;    /* NaPdfRect */
  char   *text;
} Note;

typedef struct
{
  int              page;
  double           scale;
  cairo_surface_t *surface;
  GdkTexture     **strips;    /* textures over bands of the surface's rows, made when shown */
  guint            n_strips;
  gsize            bytes;
  gint64           used;
} CacheEntry;

struct _NaPdfView
{
  GtkWidget      parent_instance;

  NaPdfDocument *document;
  NaRenderQueue *queue;
  GCancellable  *cancellable;   /* renders at the current scale */
  GHashTable    *cache;         /* page → CacheEntry */
  GHashTable    *pending;       /* pages being rendered at the current scale */
  gsize          cache_bytes;
  guint          n_rendered;
  guint          give_back_id;  /* memory freed by evictions goes back to the system */
  gsize          frame_reserve; /* bytes asked of na_memory_reserve_async() */

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  double         zoom;
  NaPdfSizing    sizing;
  double        *page_y;        /* top of each page at zoom 1, without spacing */
  double         max_width;     /* widest page, points */
  double         max_height;
  int            current_page;

  GArray        *highlights[NA_PDF_N_HIGHLIGHTS];
  GArray        *notes;         /* Note */
  /* The selection runs from character sel_start of sel_page to character sel_end (excluded)
   * of sel_last_page, in each page's reading order; a drag keeps its starting point in
   * sel_anchor_page and sel_anchor, which Shift+click extends from. */
  int            sel_page;
  int            sel_start;
  int            sel_last_page;
  int            sel_end;
  int            sel_anchor_page;
  int            sel_anchor;
  GArray        *sel_rects;
};

static void na_pdf_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NaPdfView, na_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      na_pdf_view_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_SIZING,
  PROP_PAGE,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

static void
na_pdf_view_scrollable_init (GtkScrollableInterface *iface)
{
}

GtkWidget *
na_pdf_view_new (void)
{
  return g_object_new (NA_TYPE_PDF_VIEW, NULL);
}

static void
cache_entry_free (CacheEntry *entry)
{
  for (guint i = 0; i < entry->n_strips; i++)
    g_clear_object (&entry->strips[i]);
  g_free (entry->strips);
  g_clear_pointer (&entry->surface, cairo_surface_destroy);
  g_free (entry);
}

/* GdkMemoryTexture over the surface's pixels, without a copy: Cairo's ARGB32 is
 * GDK_MEMORY_DEFAULT (premultiplied BGRA in memory on little-endian machines). */
GdkTexture *
na_pdf_texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

static double
device_scale (NaPdfView *self)
{
  return self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static double
doc_height (NaPdfView *self)
{
  int n = self->document ? na_pdf_document_get_n_pages (self->document) : 0;

  return n ? self->page_y[n] * self->zoom + (n + 1) * SPACING : 0;
}

static double
doc_width (NaPdfView *self)
{
  return self->document ? self->max_width * self->zoom + 2 * SPACING : 0;
}

/* The page's rectangle in document (unscrolled) coordinates. */
static void
page_rect (NaPdfView       *self,
           int              page,
           graphene_rect_t *rect)
{
  double w, h;
  double width = MAX (doc_width (self), gtk_widget_get_width (GTK_WIDGET (self)));

  na_pdf_document_get_page_size (self->document, page, &w, &h);
  /* Whole pixels, so the texture's bands meet exactly. */
  graphene_rect_init (rect, floor ((width - w * self->zoom) / 2),
                      floor (self->page_y[page] * self->zoom + (page + 1) * SPACING),
                      w * self->zoom, h * self->zoom);
}

/* The first page whose bottom is below @y, by bisection: pages are in order. */
static int
page_at_y (NaPdfView *self,
           double     y)
{
  int lo = 0, hi = na_pdf_document_get_n_pages (self->document) - 1;

  while (lo < hi)
    {
      int mid = (lo + hi) / 2;
      double bottom = self->page_y[mid + 1] * self->zoom + (mid + 1) * SPACING;

      if (bottom < y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
visible_pages (NaPdfView *self,
               int       *first,
               int       *last)
{
  double top = gtk_adjustment_get_value (self->vadjustment);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));

  *first = page_at_y (self, top);
  *last = page_at_y (self, bottom);
}

static gboolean
give_back_cb (gpointer data)
{
  NaPdfView *self = data;

  self->give_back_id = 0;
  na_memory_give_back_async (NULL, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
give_back_later_cb (gpointer data)
{
  na_memory_give_back_async (NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Freed pages are kept by the allocator for the next renders (see na-memory.c); once the
 * view has been quiet for a few seconds, they go back to the system. */
static void
schedule_give_back (NaPdfView *self)
{
  g_clear_handle_id (&self->give_back_id, g_source_remove);
  self->give_back_id = g_timeout_add_seconds (5, give_back_cb, self);
}

static void
evict (NaPdfView *self)
{
  if (self->cache_bytes > CACHE_BYTES)
    schedule_give_back (self);
  while (self->cache_bytes > CACHE_BYTES && g_hash_table_size (self->cache) > 1)
    {
      GHashTableIter iter;
      gpointer key, value;
      CacheEntry *oldest = NULL;

      g_hash_table_iter_init (&iter, self->cache);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (oldest == NULL || ((CacheEntry *) value)->used < oldest->used)
          oldest = value;
      self->cache_bytes -= oldest->bytes;
      g_hash_table_remove (self->cache, GINT_TO_POINTER (oldest->page));
    }
}

typedef struct
{
  NaPdfView *self;
  int        page;
  double     scale;
} RenderData;

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RenderData *data = user_data;
  g_autoptr(NaPdfView) self = data->self;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  CacheEntry *entry;

  surface = na_render_queue_render_finish (NA_RENDER_QUEUE (object), result, &error);
  if (surface == NULL || object != (GObject *) self->queue)
    {
      if (surface == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not render page %d: %s", data->page + 1, error->message);
      g_clear_pointer (&surface, cairo_surface_destroy);
      g_free (data);
      return;
    }

  if (data->scale == device_scale (self))
    g_hash_table_remove (self->pending, GINT_TO_POINTER (data->page));

  entry = g_new0 (CacheEntry, 1);
  entry->page = data->page;
  entry->scale = data->scale;
  entry->n_strips = (cairo_image_surface_get_height (surface) + STRIP_HEIGHT - 1) /
                    STRIP_HEIGHT;
  entry->strips = g_new0 (GdkTexture *, entry->n_strips);
  entry->bytes = (gsize) cairo_image_surface_get_stride (surface) *
                 cairo_image_surface_get_height (surface);
  entry->used = g_get_monotonic_time ();
  entry->surface = surface;

  {
    CacheEntry *old = g_hash_table_lookup (self->cache, GINT_TO_POINTER (data->page));

    if (old != NULL)
      self->cache_bytes -= old->bytes;
  }
  g_hash_table_replace (self->cache, GINT_TO_POINTER (data->page), entry);
  self->cache_bytes += entry->bytes;
  self->n_rendered++;
  evict (self);
  g_free (data);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
request_render (NaPdfView *self,
                int        page,
                int        priority)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, GINT_TO_POINTER (page));
  double scale = device_scale (self);
  RenderData *data;

  if ((entry != NULL && entry->scale == scale) ||
      g_hash_table_contains (self->pending, GINT_TO_POINTER (page)))
    return;

  data = g_new0 (RenderData, 1);
  data->self = g_object_ref (self);
  data->page = page;
  data->scale = scale;
  g_hash_table_add (self->pending, GINT_TO_POINTER (page));
  na_render_queue_render_async (self->queue, page, scale, priority, self->cancellable,
                                render_done_cb, data);
}

/* Visible pages first, from the top, then one page beyond either end. */
static void
request_visible (NaPdfView *self)
{
  int first, last, n;

  if (self->document == NULL || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return;

  n = na_pdf_document_get_n_pages (self->document);
  visible_pages (self, &first, &last);
  for (int i = first; i <= last; i++)
    request_render (self, i, i - first);
  if (last + 1 < n)
    request_render (self, last + 1, 100);
  if (first > 0)
    request_render (self, first - 1, 101);

  if (self->current_page != first)
    {
      self->current_page = first;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
    }
}

/* A new scale: what is in flight is for the old one. */
static void
restart_renders (NaPdfView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->pending);
}

static void
configure_adjustments (NaPdfView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                                     MAX (0, doc_width (self) - width)),
                              0, MAX (doc_width (self), width), width * 0.1, width * 0.9,
                              width);
  if (self->vadjustment)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                     MAX (0, doc_height (self) - height)),
                              0, MAX (doc_height (self), height), 40, height * 0.9, height);
}

static double
fitting_zoom (NaPdfView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * SPACING;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * SPACING;
  double zoom = width / self->max_width;

  if (self->sizing == NA_PDF_SIZING_FIT_PAGE)
    zoom = MIN (zoom, height / self->max_height);
  return CLAMP (zoom, NA_PDF_ZOOM_MIN, NA_PDF_ZOOM_MAX);
}

static void
apply_zoom (NaPdfView *self,
            double     zoom)
{
  int page;
  double offset = 0;
  graphene_rect_t rect;

  zoom = CLAMP (zoom, NA_PDF_ZOOM_MIN, NA_PDF_ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-4)
    return;

  /* Keep the point at the top of the view where it is in the document. */
  page = self->document ? page_at_y (self, gtk_adjustment_get_value (self->vadjustment)) : 0;
  if (self->document)
    {
      page_rect (self, page, &rect);
      offset = (gtk_adjustment_get_value (self->vadjustment) - rect.origin.y) / self->zoom;
    }

  self->zoom = zoom;
  restart_renders (self);
  configure_adjustments (self);
  if (self->document)
    {
      page_rect (self, page, &rect);
      gtk_adjustment_set_value (self->vadjustment, rect.origin.y + offset * zoom);
    }
  request_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

/* GTK 4.8's software renderer allocates, on each frame, a surface the size of the window's
 * damage and copies of the Cairo nodes' pages where they show: a window and a view's worth
 * of pixels. Kept faulted in ahead, the first frames of a scroll need no fresh memory. */
static void
reserve_frame_memory (NaPdfView *self,
                      int        width,
                      int        height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkNative *native = gtk_widget_get_native (widget);
  gsize scale, bytes;

  if (native == NULL || !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    return;
  scale = gtk_widget_get_scale_factor (widget);
  bytes = ((gsize) gtk_widget_get_width (GTK_WIDGET (native)) *
           gtk_widget_get_height (GTK_WIDGET (native)) + (gsize) width * height) *
          scale * scale * 4 + 1024 * 1024;
  if (bytes <= self->frame_reserve)
    return;
  self->frame_reserve = bytes;
  na_memory_reserve_async (bytes, NULL, NULL);
}

static void
na_pdf_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  NaPdfView *self = NA_PDF_VIEW (widget);

  if (self->document != NULL && self->sizing != NA_PDF_SIZING_FREE)
    apply_zoom (self, fitting_zoom (self));
  configure_adjustments (self);
  request_visible (self);
  reserve_frame_memory (self, width, height);
}

static void
draw_highlights (NaPdfView       *self,
                 GtkSnapshot     *snapshot,
                 GArray          *rects,
                 int              page,
                 graphene_rect_t *area,
                 const GdkRGBA   *color)
{
  if (rects == NULL)
    return;

  for (guint i = 0; i < rects->len; i++)
    {
      NaPdfRect *r = &g_array_index (rects, NaPdfRect, i);

      if (r->page != page)
        continue;
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (area->origin.x + r->x1 * self->zoom,
                                                      area->origin.y + r->y1 * self->zoom,
                                                      (r->x2 - r->x1) * self->zoom,
                                                      (r->y2 - r->y1) * self->zoom));
    }
}

/* Where @note's marker is: left of its first rectangle, in the margin, centred on its line;
 * in points from the top-left corner of that rectangle's page. */
static void
note_marker_rect (NaPdfView       *self,
                  Note            *note,
                  graphene_rect_t *rect)
{
  NaPdfRect *r = &g_array_index (note->rects, NaPdfRect, 0);
  double size = NOTE_MARKER / self->zoom;

  graphene_rect_init (rect, MAX (r->x1 - (NOTE_MARKER + NOTE_GAP) / self->zoom, 0),
                      (r->y1 + r->y2 - size) / 2, size, size);
}

/* The markers of the notes on @page: a little note, yellow with lines on it. Only a handful
 * of colour nodes, for the pages in view. */
static void
draw_note_markers (NaPdfView       *self,
                   GtkSnapshot     *snapshot,
                   int              page,
                   graphene_rect_t *area)
{
  static const GdkRGBA paper = { 0.90, 0.65, 0.04, 1 };   /* GNOME's yellow 5 */
  static const GdkRGBA ink = { 0, 0, 0, 0.6 };

  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = &g_array_index (self->notes, Note, i);
      graphene_rect_t m;
      GskRoundedRect rounded;
      double x, y;

      if (g_array_index (note->rects, NaPdfRect, 0).page != page)
        continue;
      note_marker_rect (self, note, &m);
      x = floor (area->origin.x + m.origin.x * self->zoom);
      y = floor (area->origin.y + m.origin.y * self->zoom);
      gsk_rounded_rect_init_from_rect (&rounded,
                                       &GRAPHENE_RECT_INIT (x, y, NOTE_MARKER, NOTE_MARKER), 2);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &paper, &rounded.bounds);
      gtk_snapshot_pop (snapshot);
      for (int line = 0; line < 3; line++)
        gtk_snapshot_append_color (snapshot, &ink,
                                   &GRAPHENE_RECT_INIT (x + 3, y + 3 + line * 3,
                                                        line == 2 ? 4 : NOTE_MARKER - 6, 1));
    }
}

/* Band @k of the entry's rows, as a texture sharing the surface's pixels. */
static GdkTexture *
strip_texture (CacheEntry *entry,
               guint       k)
{
  if (entry->strips[k] == NULL)
    {
      int stride = cairo_image_surface_get_stride (entry->surface);
      int height = cairo_image_surface_get_height (entry->surface);
      int rows = MIN (STRIP_HEIGHT, height - (int) k * STRIP_HEIGHT);
      g_autoptr(GBytes) bytes = NULL;

      bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (entry->surface) +
                                          (gsize) k * STRIP_HEIGHT * stride,
                                          (gsize) stride * rows,
                                          (GDestroyNotify) cairo_surface_destroy,
                                          cairo_surface_reference (entry->surface));
      entry->strips[k] = gdk_memory_texture_new (cairo_image_surface_get_width (entry->surface),
                                                 rows, GDK_MEMORY_DEFAULT, bytes, stride);
    }
  return entry->strips[k];
}

/* The page's texture in bands of rows, only those in view (between @top and @bottom):
 * a GL renderer uploads a texture whole the first time it is drawn, and a page at 200% is
 * 8 MB, which a software GL (llvmpipe, as under Xvfb) takes tens of milliseconds to take
 * in, all in one frame. In bands, a scroll uploads only the rows it brings into view. */
static void
draw_strips (GtkSnapshot           *snapshot,
             CacheEntry            *entry,
             const graphene_rect_t *rect,
             double                 top,
             double                 bottom)
{
  double ratio = rect->size.height / cairo_image_surface_get_height (entry->surface);

  for (guint k = 0; k < entry->n_strips; k++)
    {
      double y = rect->origin.y + k * STRIP_HEIGHT * ratio;
      double h = MIN (STRIP_HEIGHT * ratio, rect->origin.y + rect->size.height - y);

      if (y + h < top || y > bottom)
        continue;
      gtk_snapshot_append_texture (snapshot, strip_texture (entry, k),
                                   &GRAPHENE_RECT_INIT (rect->origin.x, y, rect->size.width,
                                                        h));
    }
}

/* A frame's Cairo node paints a page through a raster-source pattern, which hands cairo the
 * page's surface when it draws and holds a reference meanwhile. Painted as a plain surface
 * pattern, the page would get a copy-on-write snapshot in the node's recording surface, and
 * letting go of it while a frame still holds the recording (a zoom replacing a page in view,
 * a closed PDF) would copy its pixels there and then: 8 MB at 200 %, tens of milliseconds on
 * the main thread. A raster source is recorded by reference, never copied. */
static cairo_surface_t *
page_source_acquire (cairo_pattern_t             *pattern,
                     void                        *page,
                     cairo_surface_t             *target,
                     const cairo_rectangle_int_t *extents)
{
  return cairo_surface_reference (page);
}

static void
page_source_release (cairo_pattern_t *pattern,
                     void            *page,
                     cairo_surface_t *surface)
{
  cairo_surface_destroy (surface);
}

static cairo_status_t
page_source_copy (cairo_pattern_t       *pattern,
                  void                  *page,
                  const cairo_pattern_t *other)
{
  cairo_surface_reference (page);
  return CAIRO_STATUS_SUCCESS;
}

static void
page_source_finish (cairo_pattern_t *pattern,
                    void            *page)
{
  cairo_surface_destroy (page);
}

static void
paint_page_in_frame (cairo_t         *cr,
                     cairo_surface_t *page)
{
  cairo_pattern_t *source =
    cairo_pattern_create_raster_source (cairo_surface_reference (page),
                                        CAIRO_CONTENT_COLOR_ALPHA,
                                        cairo_image_surface_get_width (page),
                                        cairo_image_surface_get_height (page));

  cairo_raster_source_pattern_set_acquire (source, page_source_acquire, page_source_release);
  cairo_raster_source_pattern_set_copy (source, page_source_copy);
  cairo_raster_source_pattern_set_finish (source, page_source_finish);
  cairo_set_source (cr, source);
  cairo_paint (cr);
  cairo_pattern_destroy (source);
}

/* A one-pixel frame just outside @rect. */
static void
append_edge (GtkSnapshot           *snapshot,
             const GdkRGBA         *color,
             const graphene_rect_t *rect)
{
  double x = rect->origin.x, y = rect->origin.y, w = rect->size.width, h = rect->size.height;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - 1, y - 1, w + 2, 1));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - 1, y + h, w + 2, 1));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - 1, y, 1, h));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + w, y, 1, h));
}

static void
na_pdf_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  NaPdfView *self = NA_PDF_VIEW (widget);
  /* Translucent colours that read on white paper in light and dark mode alike. */
  static const GdkRGBA colors[NA_PDF_N_HIGHLIGHTS] = {
    { 0.96, 0.83, 0.18, 0.40 },   /* anchors: yellow, as a highlighter */
    { 0.21, 0.52, 0.89, 0.25 },   /* matches */
    { 0.90, 0.38, 0.00, 0.45 },   /* current match */
    { 0.20, 0.82, 0.48, 0.35 },   /* the user's highlights: green */
  };
  static const GdkRGBA selection = { 0.21, 0.52, 0.89, 0.40 };
  static const GdkRGBA paper = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  GtkNative *native = gtk_widget_get_native (widget);
  gboolean software = native && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
  double scale_factor = gtk_widget_get_scale_factor (widget);
  int first, last;

  if (self->document == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (-gtk_adjustment_get_value (self->hadjustment),
                                                -gtk_adjustment_get_value (self->vadjustment)));
  visible_pages (self, &first, &last);
  for (int i = first; i <= last; i++)
    {
      CacheEntry *entry = g_hash_table_lookup (self->cache, GINT_TO_POINTER (i));
      graphene_rect_t rect;

      page_rect (self, i, &rect);
      /* A hairline edge rather than a blurred shadow: blurring a page-sized shadow costs
       * the software renderer milliseconds every frame. Four thin strips, not a rectangle
       * under the page, and paper only where no texture covers it: every covered pixel
       * drawn twice is work for a software GL (llvmpipe) on each frame of a scroll. */
      append_edge (snapshot, &shadow, &rect);
      if (entry == NULL)
        gtk_snapshot_append_color (snapshot, &paper, &rect);
      if (entry != NULL)
        {
          graphene_rect_t image = rect;

          /* At the current scale, the surface's pixels one for one (its size is the page's
           * rounded up): any other size resamples every pixel on every frame, blurred,
           * which for Cairo's software path is the slow bilinear filter. An old scale's
           * render is drawn scaled to the page until the new one arrives. */
          if (entry->scale == device_scale (self))
            graphene_rect_init (&image, rect.origin.x, rect.origin.y,
                                cairo_image_surface_get_width (entry->surface) / scale_factor,
                                cairo_image_surface_get_height (entry->surface) / scale_factor);
          entry->used = g_get_monotonic_time ();
          if (software)
            {
              /* GTK 4.8's software renderer converts a texture's every pixel on every
               * frame; a Cairo node paints the surface directly, only where it shows. */
              cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &rect);

              cairo_translate (cr, image.origin.x, image.origin.y);
              cairo_scale (cr, image.size.width / cairo_image_surface_get_width (entry->surface),
                           image.size.height / cairo_image_surface_get_height (entry->surface));
              paint_page_in_frame (cr, entry->surface);
              cairo_destroy (cr);
            }
          else
            {
              double top = gtk_adjustment_get_value (self->vadjustment);

              draw_strips (snapshot, entry, &image, top, top + gtk_widget_get_height (widget));
            }
        }

      for (int k = 0; k < NA_PDF_N_HIGHLIGHTS; k++)
        draw_highlights (self, snapshot, self->highlights[k], i, &rect, &colors[k]);
      draw_highlights (self, snapshot, self->sel_rects, i, &rect, &selection);
      draw_note_markers (self, snapshot, i, &rect);
    }
  gtk_snapshot_restore (snapshot);
}

/* Moved to a monitor of another scale: what is in flight is at the wrong resolution. */
static void
on_scale_factor_changed (NaPdfView *self)
{
  restart_renders (self);
  request_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_adjustment_value_changed (NaPdfView *self)
{
  request_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (NaPdfView      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (on_adjustment_value_changed), self);
  configure_adjustments (self);
}

NaPdfDocument *
na_pdf_view_get_document (NaPdfView *self)
{
  g_return_val_if_fail (NA_IS_PDF_VIEW (self), NULL);
  return self->document;
}

void
na_pdf_view_set_document (NaPdfView     *self,
                          NaPdfDocument *document)
{
  int n;

  g_return_if_fail (NA_IS_PDF_VIEW (self));
  g_return_if_fail (!document || NA_IS_PDF_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  restart_renders (self);
  if (self->cache_bytes > 0)
    schedule_give_back (self);
  g_hash_table_remove_all (self->cache);
  self->cache_bytes = 0;
  g_clear_object (&self->queue);
  g_clear_pointer (&self->page_y, g_free);
  for (int k = 0; k < NA_PDF_N_HIGHLIGHTS; k++)
    g_clear_pointer (&self->highlights[k], g_array_unref);
  g_clear_pointer (&self->sel_rects, g_array_unref);
  na_pdf_view_clear_notes (self);
  self->sel_page = self->sel_last_page = self->sel_anchor_page = -1;
  self->max_width = self->max_height = 0;
  self->current_page = 0;

  if (document != NULL)
    {
      n = na_pdf_document_get_n_pages (document);
      self->queue = na_render_queue_new (document, 0);
      self->page_y = g_new0 (double, n + 1);
      for (int i = 0; i < n; i++)
        {
          double w, h;

          na_pdf_document_get_page_size (document, i, &w, &h);
          self->page_y[i + 1] = self->page_y[i] + h;
          self->max_width = MAX (self->max_width, w);
          self->max_height = MAX (self->max_height, h);
        }
    }

  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}

double
na_pdf_view_get_zoom (NaPdfView *self)
{
  g_return_val_if_fail (NA_IS_PDF_VIEW (self), 1);
  return self->zoom;
}

void
na_pdf_view_set_zoom (NaPdfView *self,
                      double     zoom)
{
  g_return_if_fail (NA_IS_PDF_VIEW (self));

  na_pdf_view_set_sizing (self, NA_PDF_SIZING_FREE);
  apply_zoom (self, zoom);
}

NaPdfSizing
na_pdf_view_get_sizing (NaPdfView *self)
{
  g_return_val_if_fail (NA_IS_PDF_VIEW (self), NA_PDF_SIZING_FREE);
  return self->sizing;
}

void
na_pdf_view_set_sizing (NaPdfView   *self,
                        NaPdfSizing  sizing)
{
  g_return_if_fail (NA_IS_PDF_VIEW (self));

  if (self->sizing == sizing)
    return;
  self->sizing = sizing;
  if (sizing != NA_PDF_SIZING_FREE && self->document != NULL &&
      gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    apply_zoom (self, fitting_zoom (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZING]);
}

/* The usual steps of document viewers. */
static const double zoom_steps[] = { 0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

void
na_pdf_view_zoom_in (NaPdfView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 1e-3)
      {
        na_pdf_view_set_zoom (self, zoom_steps[i]);
        return;
      }
}

void
na_pdf_view_zoom_out (NaPdfView *self)
{
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom - 1e-3)
      {
        na_pdf_view_set_zoom (self, zoom_steps[i - 1]);
        return;
      }
}

/* The page at the top of the view, from 0. */
int
na_pdf_view_get_page (NaPdfView *self)
{
  g_return_val_if_fail (NA_IS_PDF_VIEW (self), 0);
  return self->current_page;
}

/**
 * na_pdf_view_scroll_to:
 * @page: from 0
 * @y: points from the page's top to bring to the top of the view (a little below it)
 */
void
na_pdf_view_scroll_to (NaPdfView *self,
                       int        page,
                       double     y)
{
  graphene_rect_t rect;

  g_return_if_fail (NA_IS_PDF_VIEW (self));

  if (self->document == NULL)
    return;
  page = CLAMP (page, 0, na_pdf_document_get_n_pages (self->document) - 1);
  configure_adjustments (self);
  page_rect (self, page, &rect);
  gtk_adjustment_set_value (self->vadjustment,
                            rect.origin.y + MAX (0, y * self->zoom - (y > 0 ? 48 : SPACING)));
  request_visible (self);
}

/**
 * na_pdf_view_set_highlights:
 * @rects: (nullable) (element-type NaPdfRect): the rectangles, or %NULL for none
 */
void
na_pdf_view_set_highlights (NaPdfView      *self,
                            NaPdfHighlight  kind,
                            GArray         *rects)
{
  g_return_if_fail (NA_IS_PDF_VIEW (self));
  g_return_if_fail (kind < NA_PDF_N_HIGHLIGHTS);

  g_clear_pointer (&self->highlights[kind], g_array_unref);
  self->highlights[kind] = rects ? g_array_ref (rects) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
note_clear (gpointer data)
{
  Note *note = data;

  g_clear_pointer (&note->rects, g_array_unref);
  g_clear_pointer (&note->text, g_free);
}

void
na_pdf_view_clear_notes (NaPdfView *self)
{
  g_return_if_fail (NA_IS_PDF_VIEW (self));

  if (self->notes->len == 0)
    return;
  g_array_set_size (self->notes, 0);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * na_pdf_view_add_note:
 * @rects: (element-type NaPdfRect): where the passage is, on one page or several
 * @text: the note
 *
 * Marks the passage as having a note: a marker beside its first rectangle, and the note as
 * the tooltip of the marker and the rectangles. (The passage's highlight is drawn with the
 * others: see na_pdf_view_set_highlights().)
 */
void
na_pdf_view_add_note (NaPdfView  *self,
                      GArray     *rects,
                      const char *text)
{
  Note note;

  g_return_if_fail (NA_IS_PDF_VIEW (self));
  g_return_if_fail (rects != NULL);
  g_return_if_fail (text != NULL);

  if (rects->len == 0)
    return;
  note.rects = g_array_ref (rects);
  note.text = g_strdup (text);
  g_array_append_val (self->notes, note);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the point of @page, in points, is on @note's marker or passage; then @area is the
 * rectangle it is in. */
static gboolean
note_hit (NaPdfView              *self,
          Note                   *note,
          int                     page,
          const graphene_point_t *point,
          graphene_rect_t        *area)
{
  if (g_array_index (note->rects, NaPdfRect, 0).page == page)
    {
      note_marker_rect (self, note, area);
      if (graphene_rect_contains_point (area, point))
        return TRUE;
    }
  for (guint k = 0; k < note->rects->len; k++)
    {
      NaPdfRect *r = &g_array_index (note->rects, NaPdfRect, k);

      graphene_rect_init (area, r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1);
      if (r->page == page && graphene_rect_contains_point (area, point))
        return TRUE;
    }
  return FALSE;
}

/* The note at the point (@x, @y) of @page, in points, and the rectangle it is in there; the
 * last added is on top. */
static Note *
note_at (NaPdfView       *self,
         int              page,
         double           x,
         double           y,
         graphene_rect_t *area)
{
  for (guint i = self->notes->len; i > 0; i--)
    {
      Note *note = &g_array_index (self->notes, Note, i - 1);

      if (note_hit (self, note, page, &GRAPHENE_POINT_INIT (x, y), area))
        return note;
    }
  return NULL;
}

/**
 * na_pdf_view_get_note_at:
 * @x: points from the page's left edge
 * @y: points from the page's top edge
 *
 * Returns: (nullable): the note whose passage (or marker) is at that point of @page: what the
 *   view's tooltip shows there
 */
const char *
na_pdf_view_get_note_at (NaPdfView *self,
                         int        page,
                         double     x,
                         double     y)
{
  graphene_rect_t area;
  Note *note;

  g_return_val_if_fail (NA_IS_PDF_VIEW (self), NULL);

  note = note_at (self, page, x, y, &area);
  return note ? note->text : NULL;
}

/* Whether the widget point (@x, @y) is on a page; then the page and the point in points. */
static gboolean
point_to_page (NaPdfView *self,
               double     x,
               double     y,
               int       *page,
               double    *px,
               double    *py)
{
  graphene_rect_t rect;

  if (self->document == NULL)
    return FALSE;
  x += gtk_adjustment_get_value (self->hadjustment);
  y += gtk_adjustment_get_value (self->vadjustment);
  *page = page_at_y (self, y);
  page_rect (self, *page, &rect);
  *px = (x - rect.origin.x) / self->zoom;
  *py = (y - rect.origin.y) / self->zoom;
  return graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y));
}

/* The character nearest a point of the page: the box holding it, else the nearest box on
 * the line, else the nearest box. */
static int
char_at (NaPdfView *self,
         int        page,
         double     x,
         double     y)
{
  guint n;
  const PopplerRectangle *boxes = na_pdf_document_get_page_layout (self->document, page, &n);
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = 0; i < n; i++)
    {
      const PopplerRectangle *b = &boxes[i];
      double dx = x < b->x1 ? b->x1 - x : x > b->x2 ? x - b->x2 : 0;
      double dy = y < b->y1 ? b->y1 - y : y > b->y2 ? y - b->y2 : 0;
      double d = dy * 10 + dx;

      if (d < best)
        {
          best = d;
          found = i;
          if (d == 0 && x < (b->x1 + b->x2) / 2)
            break;
        }
    }

  return found;
}

void
na_pdf_view_select (NaPdfView *self,
                    int        page,
                    int        start,
                    int        end)
{
  g_return_if_fail (NA_IS_PDF_VIEW (self));

  na_pdf_view_select_range (self, page, MIN (start, end), page, MAX (start, end));
}

/**
 * na_pdf_view_select_range:
 * @first_page: the page the selection starts on, from 0; -1 selects nothing
 * @start: its first character, in that page's text
 * @last_page: the page it ends on
 * @end: the character after its last, in that page's text
 *
 * Selects text that may run over several pages: the end of @first_page's text, the whole
 * text of the pages between, and the start of @last_page's.
 */
void
na_pdf_view_select_range (NaPdfView *self,
                          int        first_page,
                          int        start,
                          int        last_page,
                          int        end)
{
  int n;

  g_return_if_fail (NA_IS_PDF_VIEW (self));

  g_clear_pointer (&self->sel_rects, g_array_unref);
  n = self->document ? na_pdf_document_get_n_pages (self->document) : 0;
  if (first_page < 0 || first_page >= n || last_page < first_page || last_page >= n ||
      (first_page == last_page && end <= start))
    first_page = last_page = -1;
  self->sel_page = self->sel_anchor_page = first_page;
  self->sel_start = self->sel_anchor = first_page >= 0 ? MAX (start, 0) : 0;
  self->sel_last_page = last_page;
  self->sel_end = first_page >= 0 ? end : 0;

  for (int page = first_page; page >= 0 && page <= last_page; page++)
    {
      int from = page == first_page ? self->sel_start : 0;
      int to = page == last_page ? self->sel_end : G_MAXINT;
      g_autoptr(GArray) part = na_pdf_document_get_page_rects (self->document, page, from, to);

      if (self->sel_rects == NULL)
        self->sel_rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
      g_array_append_vals (self->sel_rects, part->data, part->len);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.copy", self->sel_rects != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * na_pdf_view_dup_selection_rects:
 * @page: (out) (optional): the selection's first page, from 0
 *
 * Returns: (transfer full) (nullable) (element-type NaPdfRect): the selection's rectangles,
 *   on every page it covers, each carrying its page
 */
GArray *
na_pdf_view_dup_selection_rects (NaPdfView *self,
                                 int       *page)
{
  g_return_val_if_fail (NA_IS_PDF_VIEW (self), NULL);

  if (self->sel_rects == NULL || self->sel_rects->len == 0)
    return NULL;
  if (page != NULL)
    *page = self->sel_page;
  return g_array_copy (self->sel_rects);
}

/**
 * na_pdf_view_dup_selection_context:
 * @prefix: (out) (transfer full): the text just before the selection, on its page
 * @suffix: (out) (transfer full): the text just after it, on the page it ends on
 *
 * The selection's surroundings, kept with a quote made from it (see na_text_dup_context()).
 *
 * Returns: whether there is a selection
 */
gboolean
na_pdf_view_dup_selection_context (NaPdfView  *self,
                                   char      **prefix,
                                   char      **suffix)
{
  g_autofree char *unused = NULL;

  g_return_val_if_fail (NA_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (prefix != NULL && suffix != NULL, FALSE);

  if (self->document == NULL || self->sel_page < 0)
    return FALSE;
  na_text_dup_context (na_pdf_document_get_page_text (self->document, self->sel_page),
                       self->sel_start, self->sel_start, prefix, &unused);
  g_clear_pointer (&unused, g_free);
  na_text_dup_context (na_pdf_document_get_page_text (self->document, self->sel_last_page),
                       self->sel_end, self->sel_end, &unused, suffix);
  return TRUE;
}

/**
 * na_pdf_view_dup_selection:
 *
 * Returns: (transfer full) (nullable): the selected text
 */
char *
na_pdf_view_dup_selection (NaPdfView *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (NA_IS_PDF_VIEW (self), NULL);

  if (self->document == NULL || self->sel_page < 0)
    return NULL;

  /* In reading order, page after page, a line break where one page's text ends. */
  text = g_string_new (NULL);
  for (int page = self->sel_page; page <= self->sel_last_page; page++)
    {
      const char *page_text = na_pdf_document_get_page_text (self->document, page);
      glong n = g_utf8_strlen (page_text, -1);
      int from = page == self->sel_page ? MIN (self->sel_start, n) : 0;
      int to = page == self->sel_last_page ? CLAMP (self->sel_end, from, n) : n;
      const char *p = g_utf8_offset_to_pointer (page_text, from);

      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append_len (text, p, g_utf8_offset_to_pointer (page_text, to) - p);
    }
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * na_pdf_view_select_area:
 *
 * Selects the text of @page from the character at (@x1, @y1) to the one at (@x2, @y2), in
 * points from the page's top-left corner, as a drag between those points does.
 */
void
na_pdf_view_select_area (NaPdfView *self,
                         int        page,
                         double     x1,
                         double     y1,
                         double     x2,
                         double     y2)
{
  int from, to;

  g_return_if_fail (NA_IS_PDF_VIEW (self));

  if (self->document == NULL)
    return;
  from = char_at (self, page, x1, y1);
  to = char_at (self, page, x2, y2);
  if (from < 0 || to < 0)
    return;
  na_pdf_view_select (self, page, from, to >= from ? to + 1 : to);
}

/* Selects from character @index1 of @page1 (the anchor, kept for Shift+click) to character
 * @index2 of @page2, whichever comes first in the document. */
static void
select_between_chars (NaPdfView *self,
                      int        page1,
                      int        index1,
                      int        page2,
                      int        index2)
{
  int anchor_page = page1, anchor = index1;

  if (index1 < 0 || index2 < 0)
    return;
  /* Forwards: from the anchor to the character under the pointer, included; backwards:
   * from that character to the anchor. */
  if (page2 > page1 || (page2 == page1 && index2 >= index1))
    na_pdf_view_select_range (self, page1, index1, page2, index2 + 1);
  else
    na_pdf_view_select_range (self, page2, index2, page1, index1);
  self->sel_anchor_page = anchor_page;
  self->sel_anchor = anchor;
}

/**
 * na_pdf_view_select_between:
 *
 * Selects the text from the character at (@x1, @y1) on @page1 to the one at (@x2, @y2) on
 * @page2, in points from each page's top-left corner, across the pages between: what a drag
 * from the first point to the second does.
 */
void
na_pdf_view_select_between (NaPdfView *self,
                            int        page1,
                            double     x1,
                            double     y1,
                            int        page2,
                            double     x2,
                            double     y2)
{
  int n;

  g_return_if_fail (NA_IS_PDF_VIEW (self));

  n = self->document ? na_pdf_document_get_n_pages (self->document) : 0;
  if (page1 < 0 || page1 >= n || page2 < 0 || page2 >= n)
    return;
  select_between_chars (self, page1, char_at (self, page1, x1, y1),
                        page2, char_at (self, page2, x2, y2));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               NaPdfView      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
                            GTK_EVENT_CONTROLLER (gesture));
  int page;
  double px, py;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!point_to_page (self, x, y, &page, &px, &py))
    {
      if (!(state & GDK_SHIFT_MASK))
        na_pdf_view_select (self, -1, 0, 0);
      self->sel_anchor_page = -1;
      return;
    }
  /* Shift+click extends the selection from where it was begun to here. */
  if ((state & GDK_SHIFT_MASK) && self->sel_anchor_page >= 0)
    {
      select_between_chars (self, self->sel_anchor_page, self->sel_anchor,
                            page, char_at (self, page, px, py));
      return;
    }
  self->sel_anchor_page = page;
  self->sel_anchor = char_at (self, page, px, py);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                NaPdfView      *self)
{
  double x, y, px, py;
  int page;

  if (self->sel_anchor_page < 0 || self->sel_anchor < 0 || (fabs (dx) < 3 && fabs (dy) < 3))
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  /* Off the pages too (in the gap between two, above or below): the nearest text counts. */
  point_to_page (self, x + dx, y + dy, &page, &px, &py);
  select_between_chars (self, self->sel_anchor_page, self->sel_anchor,
                        page, char_at (self, page, px, py));
}

/**
 * na_pdf_view_activate_link_at:
 * @x: points from the page's left edge
 * @y: points from the page's top edge
 *
 * Follows the internal link at that point of @page, if there is one.
 *
 * Returns: whether a link was followed
 */
gboolean
na_pdf_view_activate_link_at (NaPdfView *self,
                              int        index,
                              double     px,
                              double     py)
{
  PopplerDocument *poppler;
  PopplerPage *page;
  GList *links;
  int target = -1;
  double w, h, top = 0;

  g_return_val_if_fail (NA_IS_PDF_VIEW (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  na_pdf_document_get_page_size (self->document, index, &w, &h);
  na_pdf_document_lock (self->document);
  poppler = na_pdf_document_get_poppler (self->document);
  page = poppler_document_get_page (poppler, index);
  links = poppler_page_get_link_mapping (page);
  for (GList *l = links; l != NULL; l = l->next)
    {
      PopplerLinkMapping *link = l->data;
      PopplerDest *dest = NULL;

      /* Link areas count from the bottom of the page. */
      if (px < link->area.x1 || px > link->area.x2 ||
          h - py < link->area.y1 || h - py > link->area.y2 ||
          link->action->type != POPPLER_ACTION_GOTO_DEST)
        continue;
      dest = link->action->goto_dest.dest;
      if (dest->type == POPPLER_DEST_NAMED)
        dest = poppler_document_find_dest (poppler, dest->named_dest);
      else
        dest = poppler_dest_copy (dest);
      if (dest != NULL)
        {
          PopplerPage *target_page;
          double th = h;

          target = dest->page_num - 1;
          target_page = poppler_document_get_page (poppler, target);
          if (target_page != NULL)
            {
              poppler_page_get_size (target_page, NULL, &th);
              g_object_unref (target_page);
            }
          top = dest->change_top ? th - dest->top : 0;
          poppler_dest_free (dest);
        }
      break;
    }
  poppler_page_free_link_mapping (links);
  g_object_unref (page);
  na_pdf_document_unlock (self->document);

  if (target < 0)
    return FALSE;
  na_pdf_view_scroll_to (self, target, top);
  return TRUE;
}

/* A click, not a drag, follows an internal link. */
static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   NaPdfView       *self)
{
  int index;
  double px, py;

  if (point_to_page (self, x, y, &index, &px, &py))
    na_pdf_view_activate_link_at (self, index, px, py);
}

/* Over a note's passage or marker, the note. */
static gboolean
na_pdf_view_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip)
{
  NaPdfView *self = NA_PDF_VIEW (widget);
  graphene_rect_t on_page, area;
  double px, py;
  int page;
  Note *note;

  if (keyboard_mode || !point_to_page (self, x, y, &page, &px, &py)
      || (note = note_at (self, page, px, py, &area)) == NULL)
    return FALSE;
  /* Asked again once the pointer leaves that rectangle: next to it may be another note. */
  page_rect (self, page, &on_page);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
    floor (on_page.origin.x + area.origin.x * self->zoom -
           gtk_adjustment_get_value (self->hadjustment)),
    floor (on_page.origin.y + area.origin.y * self->zoom -
           gtk_adjustment_get_value (self->vadjustment)),
    ceil (area.size.width * self->zoom), ceil (area.size.height * self->zoom) });
  gtk_tooltip_set_text (tooltip, note->text);
  return TRUE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           NaPdfView                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
                            GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  na_pdf_view_set_zoom (self, self->zoom * (dy < 0 ? 1.1 : 1 / 1.1));
  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *text = na_pdf_view_dup_selection (NA_PDF_VIEW (widget));

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* The whole text of the page at the top of the view. */
static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NaPdfView *self = NA_PDF_VIEW (widget);
  const char *text;

  if (self->document == NULL)
    return;
  text = na_pdf_document_get_page_text (self->document, self->current_page);
  na_pdf_view_select (self, self->current_page, 0, g_utf8_strlen (text, -1));
}

static void
scroll_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NaPdfView *self = NA_PDF_VIEW (widget);
  int direction = g_variant_get_int32 (parameter);

  gtk_adjustment_set_value (self->vadjustment,
                            gtk_adjustment_get_value (self->vadjustment) +
                            direction * gtk_adjustment_get_page_increment (self->vadjustment));
}

guint
na_pdf_view_get_n_rendered (NaPdfView *self)
{
  return self->n_rendered;
}

gsize
na_pdf_view_get_cache_bytes (NaPdfView *self)
{
  return self->cache_bytes;
}

/**
 * na_pdf_view_get_page_pixels:
 * @width: (out): the width of @page's render in the cache, in pixels
 * @height: (out): its height
 *
 * How many pixels @page was rendered with, which the view draws over its page's size in
 * the widget: zoom × the scale factor per point, one pixel per device pixel, so sharp on
 * HiDPI screens.
 *
 * Returns: whether a render of @page is in the cache
 */
gboolean
na_pdf_view_get_page_pixels (NaPdfView *self,
                             int        page,
                             int       *width,
                             int       *height)
{
  CacheEntry *entry;

  g_return_val_if_fail (NA_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  entry = g_hash_table_lookup (self->cache, GINT_TO_POINTER (page));
  if (entry == NULL)
    return FALSE;
  *width = cairo_image_surface_get_width (entry->surface);
  *height = cairo_image_surface_get_height (entry->surface);
  return TRUE;
}

guint
na_pdf_view_get_n_pending (NaPdfView *self)
{
  return g_hash_table_size (self->pending);
}

static void
na_pdf_view_dispose (GObject *object)
{
  NaPdfView *self = NA_PDF_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  na_pdf_view_set_document (self, NULL);
  /* What this view freed still goes back, after it. */
  if (self->give_back_id != 0)
    {
      g_clear_handle_id (&self->give_back_id, g_source_remove);
      g_timeout_add_seconds (5, give_back_later_cb, NULL);
    }
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (na_pdf_view_parent_class)->dispose (object);
}

static void
na_pdf_view_finalize (GObject *object)
{
  NaPdfView *self = NA_PDF_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_array_unref);

  G_OBJECT_CLASS (na_pdf_view_parent_class)->finalize (object);
}

static void
na_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NaPdfView *self = NA_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SIZING:
      g_value_set_int (value, self->sizing);
      break;
    case PROP_PAGE:
      g_value_set_int (value, self->current_page);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NaPdfView *self = NA_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      na_pdf_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      na_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SIZING:
      na_pdf_view_set_sizing (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_pdf_view_class_init (NaPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = na_pdf_view_dispose;
  object_class->finalize = na_pdf_view_finalize;
  object_class->get_property = na_pdf_view_get_property;
  object_class->set_property = na_pdf_view_set_property;
  widget_class->size_allocate = na_pdf_view_size_allocate;
  widget_class->snapshot = na_pdf_view_snapshot;
  widget_class->query_tooltip = na_pdf_view_query_tooltip;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, NA_TYPE_PDF_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, NA_PDF_ZOOM_MIN, NA_PDF_ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SIZING] =
    g_param_spec_int ("sizing", NULL, NULL, NA_PDF_SIZING_FREE, NA_PDF_SIZING_FIT_PAGE,
                      NA_PDF_SIZING_FIT_WIDTH,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "pdf.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "pdf.scroll-page", "i", scroll_page_action);
  gtk_widget_class_install_action (widget_class, "pdf.select-all", NULL, select_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "pdf.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "pdf.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "pdf.scroll-page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "pdf.scroll-page", "i", -1);
  gtk_widget_class_set_css_name (widget_class, "napdfview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
na_pdf_view_init (NaPdfView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll;

  self->zoom = 1.0;
  self->sizing = NA_PDF_SIZING_FIT_WIDTH;
  self->sel_page = self->sel_last_page = self->sel_anchor_page = -1;
  self->cancellable = g_cancellable_new ();
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cache_entry_free);
  self->pending = g_hash_table_new (NULL, NULL);
  self->notes = g_array_new (FALSE, FALSE, sizeof (Note));
  g_array_set_clear_func (self->notes, note_clear);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "text");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.copy", FALSE);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}
