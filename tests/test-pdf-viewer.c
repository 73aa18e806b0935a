/* test-pdf-viewer.c — the PDF viewer under a display: a selection across pages, find while
 * the text is still being extracted, the thumbnails' memory bound; on PDFs the test makes.
 * Screenshots are saved for a person to look at when NA_SCREENSHOT_DIR is set. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "na-pdf-page.h"
#include "na-test-display.h"
#include "na-test-pdf.h"

static char *tmpdir;
static char *fixture_path;
static char *long_path;

#define LONG_PAGES 300

/* The helpers below are copies of those in test-pdf-view.c (see the README's housekeeping
 * note: they are to move to a shared file). */

/* The text of the first visible label inside @widget that ends with @suffix, or NULL. (Not
 * "mapped": the find bar's revealer maps its child only once its animation has begun.) */
static const char *
label_ending_with (GtkWidget  *widget,
                   const char *suffix)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), suffix))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *found = label_ending_with (c, suffix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWindow *window;
  NaPdfPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->page = g_object_new (NA_TYPE_PDF_PAGE, NULL);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  na_test_iterate (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  na_test_iterate (100);
}

/* The character offset of @needle in the page's text, and the middle of its box there. */
static int
locate (NaPdfDocument *document,
        int            page,
        const char    *needle,
        gboolean       last_char,
        double        *x,
        double        *y)
{
  const char *text = na_pdf_document_get_page_text (document, page);
  const char *at = strstr (text, needle);
  const PopplerRectangle *boxes;
  guint n;
  int index;

  g_assert_nonnull (at);
  index = g_utf8_pointer_to_offset (text, at) + (last_char ? g_utf8_strlen (needle, -1) - 1 : 0);
  boxes = na_pdf_document_get_page_layout (document, page, &n);
  g_assert_cmpint (index, <, (int) n);
  *x = (boxes[index].x1 + boxes[index].x2) / 2;
  *y = (boxes[index].y1 + boxes[index].y2) / 2;
  return index;
}

/* A drag from the last lines of page 1 onto page 2 selects the text of both, in reading
 * order; the rectangles are on both pages; the copy has both pages' text. */
static void
test_select_across_pages (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  NaPdfView *view = na_pdf_page_get_view (f->page);
  NaPdfDocument *document;
  g_autofree char *selected = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *backwards = NULL;
  g_autoptr(GArray) rects = NULL;
  gboolean on_page[3] = { FALSE, FALSE, FALSE };
  double x1, y1, x2, y2;
  int first = -1;
  const char *tail, *head;

  na_pdf_page_open_file (f->page, file, NULL);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  document = na_pdf_view_get_document (view);

  locate (document, 0, "difficult", FALSE, &x1, &y1);
  locate (document, 1, "discusses", TRUE, &x2, &y2);
  na_pdf_view_select_between (view, 0, x1, y1, 1, x2, y2);
  selected = na_pdf_view_dup_selection (view);
  g_test_message ("selected: %s", selected);
  g_assert_nonnull (selected);
  g_assert_true (g_str_has_prefix (selected, "difficult questions"));
  g_assert_true (g_str_has_suffix (selected, "discusses"));
  /* Page 1's end before page 2's beginning, nothing of page 3. */
  tail = strstr (selected, "without fear of publicity.");
  head = strstr (selected, "The first column");
  g_assert_nonnull (tail);
  g_assert_nonnull (head);
  g_assert_true (tail < head);
  g_assert_null (strstr (selected, "secre"));

  rects = na_pdf_view_dup_selection_rects (view, &first);
  g_assert_nonnull (rects);
  g_assert_cmpint (first, ==, 0);
  for (guint i = 0; i < rects->len; i++)
    on_page[g_array_index (rects, NaPdfRect, i).page] = TRUE;
  g_assert_true (on_page[0]);
  g_assert_true (on_page[1]);
  g_assert_false (on_page[2]);

  gtk_widget_activate_action (GTK_WIDGET (view), "pdf.copy", NULL);
  copied = na_test_read_clipboard (gtk_widget_get_clipboard (GTK_WIDGET (view)));
  g_assert_cmpstr (copied, ==, selected);

  /* Dragged the other way, from page 2 up to page 1: the same text but the anchor's
   * character, which a backwards drag leaves out, as in a text view. */
  na_pdf_view_select_between (view, 1, x2, y2, 0, x1, y1);
  backwards = na_pdf_view_dup_selection (view);
  g_assert_true (g_str_has_prefix (backwards, "difficult questions"));
  g_assert_true (g_str_has_suffix (backwards, "discusse"));

  /* Where the two pages meet, both parts of the selection show. */
  na_pdf_view_select_between (view, 0, x1, y1, 1, x2, y2);
  na_pdf_view_set_zoom (view, 0.5);
  na_pdf_view_scroll_to (view, 0, 0);
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  na_test_iterate (200);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-select-across-pages.png");

  /* Ctrl+A: the whole text of the page at the top of the view. */
  na_pdf_view_set_zoom (view, 1.0);
  na_pdf_view_scroll_to (view, 1, 0);
  na_test_iterate (100);
  g_assert_cmpint (na_pdf_view_get_page (view), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "pdf.select-all", NULL);
  g_clear_pointer (&selected, g_free);
  selected = na_pdf_view_dup_selection (view);
  g_assert_cmpstr (selected, ==, na_pdf_document_get_page_text (document, 1));
}

typedef struct
{
  NaPdfPage *page;
  guint      partial;   /* a count seen while the search went on */
  gboolean   progress_shown;
} FindWatch;

static gboolean
find_done (gpointer data)
{
  FindWatch *watch = data;
  guint n = na_pdf_page_get_n_matches (watch->page);

  if (na_pdf_page_get_finding (watch->page))
    {
      if (n > 0 && n < 8 * LONG_PAGES)
        watch->partial = n;
      if (label_ending_with (GTK_WIDGET (watch->page), "…") != NULL)
        watch->progress_shown = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* Find is there as soon as the pages show, while the text is being extracted; matches come
 * in as pages are searched, with the progress in the find bar, and in the end are all. */
static void
test_find_while_extracting (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (long_path);
  FindWatch watch = { f->page, 0, FALSE };

  na_pdf_page_open_file (f->page, file, NULL);
  na_test_iterate_until (na_test_pdf_page_shown, f->page);
  /* Still extracting (300 pages take a good second), and find is already enabled. */
  g_assert_true (na_pdf_page_get_busy (f->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "pdf-page.find", NULL));

  na_pdf_page_find (f->page, "of the long report");
  g_assert_true (na_pdf_page_get_finding (f->page));
  na_test_iterate_until (find_done, &watch);
  g_test_message ("seen %u matches before the end", watch.partial);
  g_assert_cmpuint (watch.partial, >, 0);
  g_assert_true (watch.progress_shown);
  g_assert_cmpuint (na_pdf_page_get_n_matches (f->page), ==, 8 * LONG_PAGES);
  g_assert_nonnull (label_ending_with (GTK_WIDGET (f->page), "1 of 2400"));
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-find-long.png");

  /* A new search replaces the one before, even mid-way. */
  na_pdf_page_find (f->page, "harbours");
  na_pdf_page_find (f->page, "Page 299 of");
  watch.partial = 0;
  na_test_iterate_until (find_done, &watch);
  g_assert_cmpuint (na_pdf_page_get_n_matches (f->page), ==, 8);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
}

static gboolean
first_thumbnail_shown (gpointer data)
{
  GtkWidget *picture = na_test_find_widget (data, GTK_TYPE_PICTURE);

  return picture != NULL && gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL;
}

/* The thumbnail list scrolled from top to bottom and back, a screenful at a time: the pixels
 * kept stay under the bound, and thumbnails come back when scrolled back to. */
static void
test_thumbnails_bounded (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (long_path);
  GtkWidget *list;
  GtkAdjustment *adjustment;
  GtkWidget *switcher;
  GtkStack *stack;
  gsize limit = 0, peak = 0, bytes;
  double upper;

  na_pdf_page_open_file (f->page, file, NULL);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  switcher = na_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_STACK_SWITCHER);
  g_assert_nonnull (switcher);
  stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher));
  g_assert_nonnull (stack);
  gtk_stack_set_visible_child_name (stack, "thumbnails");
  na_test_iterate (500);
  list = na_test_find_widget (gtk_stack_get_child_by_name (stack, "thumbnails"),
                              GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_assert_cmpfloat (na_pdf_page_get_thumbnail_bytes (f->page, &limit), >, 0);
  /* The bound is smaller than all the thumbnails: else it would not be tested. */
  g_assert_cmpuint (na_pdf_page_get_thumbnail_bytes (f->page, NULL) / 4 * LONG_PAGES, >, limit);

  upper = gtk_adjustment_get_upper (adjustment);
  for (double y = 0; y < upper; y += gtk_adjustment_get_page_size (adjustment))
    {
      gtk_adjustment_set_value (adjustment, y);
      na_test_iterate (60);
      bytes = na_pdf_page_get_thumbnail_bytes (f->page, NULL);
      g_assert_cmpuint (bytes, <=, limit);
      peak = MAX (peak, bytes);
    }
  na_test_iterate (500);
  g_assert_cmpuint (na_pdf_page_get_thumbnail_bytes (f->page, NULL), <=, limit);
  g_test_message ("thumbnails: peak %" G_GSIZE_FORMAT " bytes, bound %" G_GSIZE_FORMAT,
                  peak, limit);
  /* Close to the bound: the list was long enough to need evicting. */
  g_assert_cmpuint (peak, >, limit / 2);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-thumbnails-end.png");

  /* Back at the top, the first pages' thumbnails (evicted) are rendered again. */
  gtk_adjustment_set_value (adjustment, 0);
  na_test_iterate_until (first_thumbnail_shown, list);
  g_assert_cmpuint (na_pdf_page_get_thumbnail_bytes (f->page, NULL), <=, limit);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-thumbnails-top.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("natoasia-pdf-viewer-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fixture_path = g_build_filename (tmpdir, "lantern.pdf", NULL);
  long_path = g_build_filename (tmpdir, "long.pdf", NULL);
  na_test_pdf_write_fixture (fixture_path);
  na_test_pdf_write_long (long_path, LONG_PAGES);

  g_test_add ("/pdf-viewer/select-across-pages", Fixture, NULL, fixture_set_up,
              test_select_across_pages, fixture_tear_down);
  g_test_add ("/pdf-viewer/find-while-extracting", Fixture, NULL, fixture_set_up,
              test_find_while_extracting, fixture_tear_down);
  g_test_add ("/pdf-viewer/thumbnails-bounded", Fixture, NULL, fixture_set_up,
              test_thumbnails_bounded, fixture_tear_down);

  status = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return status;
}
