/* na-pdf-page-thumbs.c — the Source view's thumbnails: rendered off the main thread for the
 * rows in view, kept within a bound in bytes, least recently shown dropped first */
#define G_LOG_DOMAIN "na-pdf-page"

#include "config.h"

#include <glib/gi18n.h>

#include "na-pdf-page-private.h"

typedef struct
{
  GWeakRef      self;
  int           page;
  GCancellable *cancellable;
} ThumbData;

/* Thumbnails are kept within this many bytes of pixels: a list of a thousand pages
 * scrolled through would otherwise keep them all. */
#define THUMB_BYTES (8 * 1024 * 1024)

typedef struct
{
  GdkTexture *texture;
  gsize       bytes;
  guint64     used;
} Thumb;

static void
thumb_free (Thumb *thumb)
{
  g_clear_object (&thumb->texture);
  g_free (thumb);
}

/* The rows in the thumbnail list's view, and half a screen either side. The list keeps up
 * to 200 rows bound, most out of view and some with stale positions, so this goes by the
 * scroll position: every row has the same height (the picture's size request). */
static gboolean
thumb_range (NaPdfPage *self,
             int       *first,
             int       *last)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (
                                GTK_SCROLLABLE (self->thumbnails_view));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->thumbnails_view));
  guint n = model ? g_list_model_get_n_items (model) : 0;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double row;

  if (n == 0 || page <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->thumbnails_view)))
    return FALSE;
  row = MAX (1, gtk_adjustment_get_upper (adjustment) / n);
  *first = CLAMP ((int) floor ((value - page / 2) / row), 0, (int) n - 1);
  *last = CLAMP ((int) ceil ((value + page * 1.5) / row), 0, (int) n - 1);
  return TRUE;
}

/* Drops the least recently shown thumbnails until within the bound; those in view were
 * shown last (check_thumbs), so those go last. They are rendered again when scrolled back
 * into view. */
static void
evict_thumbs (NaPdfPage *self)
{
  while (self->thumb_bytes > THUMB_BYTES)
    {
      GHashTableIter iter;
      gpointer key, value;
      Thumb *oldest = NULL;
      gpointer oldest_key = NULL;

      g_hash_table_iter_init (&iter, self->thumbs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (oldest == NULL || ((Thumb *) value)->used < oldest->used)
          {
            oldest = value;
            oldest_key = key;
          }
      if (oldest == NULL)
        break;
      /* A row out of view must not keep the pixels alive. */
      if (g_hash_table_lookup (self->bound, oldest_key) != NULL)
        gtk_picture_set_paintable (g_hash_table_lookup (self->bound, oldest_key), NULL);
      self->thumb_bytes -= oldest->bytes;
      g_hash_table_remove (self->thumbs, oldest_key);
    }
}

/* The bytes of thumbnail pixels kept, and their bound. */
gsize
na_pdf_page_get_thumbnail_bytes (NaPdfPage *self,
                                 gsize     *limit)
{
  g_return_val_if_fail (NA_IS_PDF_PAGE (self), 0);

  if (limit != NULL)
    *limit = THUMB_BYTES;
  return self->thumb_bytes;
}

static void
thumb_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ThumbData *data = user_data;
  g_autoptr(NaPdfPage) self = g_weak_ref_get (&data->self);
  cairo_surface_t *surface;
  Thumb *thumb;
  GtkPicture *picture;
  int page = data->page;
  g_autoptr(GCancellable) cancellable = data->cancellable;

  g_weak_ref_clear (&data->self);
  g_free (data);
  surface = na_render_queue_render_finish (NA_RENDER_QUEUE (object), result, NULL);
  if (surface == NULL || self == NULL || (GObject *) self->thumb_queue != object)
    {
      /* Not pending any more, unless requested again since. */
      if (self != NULL && g_hash_table_lookup (self->thumb_pending,
                                               GINT_TO_POINTER (page)) == cancellable)
        g_hash_table_remove (self->thumb_pending, GINT_TO_POINTER (page));
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }

  thumb = g_new0 (Thumb, 1);
  thumb->texture = na_pdf_texture_new_for_surface (surface);
  thumb->bytes = (gsize) cairo_image_surface_get_stride (surface) *
                 cairo_image_surface_get_height (surface);
  thumb->used = ++self->thumb_clock;
  cairo_surface_destroy (surface);
  g_hash_table_insert (self->thumbs, GINT_TO_POINTER (page), thumb);
  self->thumb_bytes += thumb->bytes;
  g_hash_table_remove (self->thumb_pending, GINT_TO_POINTER (page));
  picture = g_hash_table_lookup (self->bound, GINT_TO_POINTER (page));
  if (picture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (thumb->texture));
  evict_thumbs (self);
}

static void
thumb_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                NaPdfPage                *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (picture, 110, 150);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (picture, "card");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
request_thumb (NaPdfPage *self,
               int        page,
               int        priority)
{
  NaPdfDocument *document = na_pdf_view_get_document (self->view);
  ThumbData *data;
  double w;

  if (self->thumb_queue == NULL || document == NULL ||
      g_hash_table_contains (self->thumb_pending, GINT_TO_POINTER (page)))
    return;

  na_pdf_document_get_page_size (document, page, &w, NULL);
  data = g_new0 (ThumbData, 1);
  g_weak_ref_init (&data->self, self);
  data->page = page;
  data->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->thumb_pending, GINT_TO_POINTER (page),
                       g_object_ref (data->cancellable));
  na_render_queue_render_async (self->thumb_queue, page,
                                110.0 / w * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                priority, data->cancellable, thumb_done_cb, data);
}

/* After the list's layout: the rows in view get their thumbnails, rendered if need be
 * (evicted ones again), the topmost first. */
static void
check_thumbs (NaPdfPage *self)
{
  GHashTableIter iter;
  gpointer key, value;
  int first, last;

  if (!thumb_range (self, &first, &last))
    first = 0, last = -1;

  /* Renders for rows scrolled past are dropped before they start: the rows now in view
   * come first. */
  g_hash_table_iter_init (&iter, self->thumb_pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (key) < first || GPOINTER_TO_INT (key) > last)
      {
        g_cancellable_cancel (value);
        g_hash_table_iter_remove (&iter);
      }

  for (int page = first; page <= last; page++)
    {
      Thumb *thumb = g_hash_table_lookup (self->thumbs, GINT_TO_POINTER (page));
      GtkPicture *picture = g_hash_table_lookup (self->bound, GINT_TO_POINTER (page));

      if (thumb == NULL)
        {
          request_thumb (self, page, page - first);
          continue;
        }
      thumb->used = ++self->thumb_clock;
      if (picture != NULL && gtk_picture_get_paintable (picture) != GDK_PAINTABLE (thumb->texture))
        gtk_picture_set_paintable (picture, GDK_PAINTABLE (thumb->texture));
    }
}

static void
stop_thumb_check (NaPdfPage *self)
{
  if (self->thumb_clock_source != NULL)
    g_clear_signal_handler (&self->thumb_paint_id, self->thumb_clock_source);
  g_clear_object (&self->thumb_clock_source);
}

static void
thumbs_after_paint_cb (GdkFrameClock *clock,
                       NaPdfPage     *self)
{
  stop_thumb_check (self);
  check_thumbs (self);
}

/* Checks the rows in view once they are laid out where the scroll or resize put them: after
 * the next frame is painted. */
static void
schedule_thumb_check (NaPdfPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->thumbnails_view));

  if (clock == NULL || self->thumb_paint_id != 0)
    return;
  self->thumb_clock_source = g_object_ref (clock);
  self->thumb_paint_id = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (thumbs_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->thumbnails_view));
}

static void
thumb_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               NaPdfPage                *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkPicture *picture = GTK_PICTURE (gtk_widget_get_first_child (box));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_last_child (box));
  int page = gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  Thumb *thumb = g_hash_table_lookup (self->thumbs, GINT_TO_POINTER (page));

  gtk_label_set_text (label, number);
  gtk_picture_set_paintable (picture, thumb ? GDK_PAINTABLE (thumb->texture) : NULL);
  g_hash_table_insert (self->bound, GINT_TO_POINTER (page), picture);
  g_object_set_data (G_OBJECT (item), "page", GINT_TO_POINTER (page + 1));
  schedule_thumb_check (self);
}

static void
thumb_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 NaPdfPage                *self)
{
  int page = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "page")) - 1;
  GtkWidget *box = gtk_list_item_get_child (item);

  if (page >= 0)
    g_hash_table_remove (self->bound, GINT_TO_POINTER (page));
  /* Off screen, the row must not keep an evicted thumbnail's pixels alive. */
  if (box != NULL)
    gtk_picture_set_paintable (GTK_PICTURE (gtk_widget_get_first_child (box)), NULL);
}

static void
thumbnail_activate_cb (NaPdfPage *self,
                       guint      position)
{
  na_pdf_view_scroll_to (self->view, position, 0);
  _na_pdf_page_sidebar_done (self);
}

void
_na_pdf_page_thumbs_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_activate_cb);
}

void
_na_pdf_page_thumbs_init (NaPdfPage *self)
{
  GtkListItemFactory *factory;

  self->thumbs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) thumb_free);
  self->thumb_pending = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->bound = g_hash_table_new (NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (thumb_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (thumb_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (thumb_unbind_cb), self);
  gtk_list_view_set_factory (self->thumbnails_view, factory);
  /* Scrolled, or laid out anew (the adjustment is configured then: when the sidebar page
   * with the list is first shown, when the window is resized). */
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->thumbnails_view)),
                            "value-changed", G_CALLBACK (schedule_thumb_check), self);
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->thumbnails_view)),
                            "changed", G_CALLBACK (schedule_thumb_check), self);
  g_signal_connect_swapped (self->thumbnails_view, "map", G_CALLBACK (schedule_thumb_check),
                            self);
  g_signal_connect_swapped (self->thumbnails_view, "unrealize",
                            G_CALLBACK (stop_thumb_check), self);
  g_object_unref (factory);
}

void
_na_pdf_page_thumbs_dispose (NaPdfPage *self)
{
  if (self->thumbnails_view != NULL)
    g_signal_handlers_disconnect_by_func (
      gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->thumbnails_view)),
      schedule_thumb_check, self);
  stop_thumb_check (self);
}
