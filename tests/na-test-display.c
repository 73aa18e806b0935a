/* na-test-display.c — helpers shared by the display tests (see na-test-display.h) */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "na-pdf-page.h"
#include "na-test-display.h"

/* gtk_test_init() does not pass G_TEST_OPTION_ISOLATE_DIRS on: point XDG at a fresh directory
 * before GLib caches the user directories, so no developer's annotations leak in. Call it
 * first in main(). */
void
na_test_isolate_xdg (void)
{
  g_autofree char *home = g_dir_make_tmp ("natoasia-test-XXXXXX", NULL);

  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
}

/* Runs the main loop for @ms milliseconds of wall time, however busy the machine. */
void
na_test_iterate (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Iterates until @done (@data) holds, or 15 s; fails on timeout, however slow the machine
 * may be otherwise. */
void
na_test_iterate_until (gboolean (*done) (gpointer),
                       gpointer   data)
{
  gint64 until = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* The first widget of @type in @widget's tree, depth first, mapped or not. */
GtkWidget *
na_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = na_test_find_widget (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The first mapped widget of @type; @count (nullable) gets how many are mapped. */
GtkWidget *
na_test_find_mapped (GtkWidget *widget,
                     GType      type,
                     guint     *count)
{
  GtkWidget *found = NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    {
      if (count)
        (*count)++;
      found = widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *f = na_test_find_mapped (c, type, count);

      if (found == NULL)
        found = f;
    }
  return found;
}

GtkWidget *
na_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
    }
  return NULL;
}

/* The sidebar's essay list: the list view whose rows are essay rows (drop-downs and other
 * views have list views of their own). */
GtkWidget *
na_test_find_essay_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkListItemFactory *factory = gtk_list_view_get_factory (GTK_LIST_VIEW (widget));

      if (GTK_IS_BUILDER_LIST_ITEM_FACTORY (factory) &&
          g_strcmp0 (gtk_builder_list_item_factory_get_resource (
                       GTK_BUILDER_LIST_ITEM_FACTORY (factory)),
                     "/org/example/NatoAsia/na-essay-row-item.ui") == 0)
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = na_test_find_essay_list (c);

      if (found)
        return found;
    }
  return NULL;
}

guint
na_test_count_mapped_labels (GtkWidget  *widget,
                             const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += na_test_count_mapped_labels (c, text);
  return n;
}

/* Whether a label showing exactly @text is on screen inside @widget. */
gboolean
na_test_has_mapped_label (GtkWidget  *widget,
                          const char *text)
{
  return na_test_count_mapped_labels (widget, text) > 0;
}

gboolean
na_test_has_mapped_label_prefix (GtkWidget  *widget,
                                 const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (na_test_has_mapped_label_prefix (c, prefix))
      return TRUE;
  return FALSE;
}

/* Whether the label shows up within five seconds: lists create their rows when laid out,
 * which a busy machine may delay. */
gboolean
na_test_wait_for_label (GtkWidget  *widget,
                        const char *text)
{
  for (guint i = 0; i < 50; i++)
    {
      if (na_test_has_mapped_label (widget, text))
        return TRUE;
      na_test_iterate (100);
    }
  return FALSE;
}

/* Renders @widget as it is on screen into NA_SCREENSHOT_DIR/@name, for a person to look at,
 * @factor PNG pixels per logical pixel; nothing without NA_SCREENSHOT_DIR. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name,
                 int         factor)
{
  const char *dir = g_getenv ("NA_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = 0, height = 0;
  GskRenderer *renderer;

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  /* A widget that has not been drawn since it changed gives no node yet, and a window (or a
   * popover) just presented has no size yet: let it draw, then measure again. */
  for (guint i = 0; node == NULL && i < 50; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (i > 0)
        na_test_iterate (100);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gtk_snapshot_scale (snapshot, factor, factor);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * factor,
                                                              height * factor));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* In logical pixels. */
void
na_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  save_screenshot (widget, name, 1);
}

/* As the screen shows it: a PNG pixel per device pixel, so HiDPI sharpness can be seen. */
void
na_test_save_device_screenshot (GtkWidget  *widget,
                                const char *name)
{
  save_screenshot (widget, name, gtk_widget_get_scale_factor (widget));
}

static void
clipboard_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* The message dialog whose heading is @heading, among the toplevels, or NULL. */
GtkWidget *
na_test_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0)
        return w;
    }
  return NULL;
}

/* For na_test_iterate_until(): whether the message dialog headed @heading is up. */
gboolean
na_test_message_dialog_shown (gpointer heading)
{
  return na_test_find_message_dialog (heading) != NULL;
}

/* The clipboard's text ("" when it holds none), read as a paste would. */
char *
na_test_read_clipboard (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_cb, &text);
  na_test_iterate_until (is_set, &text);
  return text;
}

/* Opened (or failed) and done resolving the anchors. */
gboolean
na_test_pdf_page_settled (gpointer page)
{
  return !na_pdf_page_get_busy (page);
}

/* Showing the pages (not an error, a spinner or the empty state). */
gboolean
na_test_pdf_page_shown (gpointer page)
{
  return g_strcmp0 (na_pdf_page_get_state (page), "view") == 0;
}

/* Every render asked for is done, and at least one page is drawn. */
gboolean
na_test_pdf_view_idle (gpointer page)
{
  NaPdfView *view = na_pdf_page_get_view (page);

  return na_pdf_view_get_n_pending (view) == 0 && na_pdf_view_get_n_rendered (view) > 0;
}
