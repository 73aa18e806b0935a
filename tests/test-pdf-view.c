/* test-pdf-view.c — the Source view under a display: a generated PDF attached to an essay,
 * its anchors highlighted on the right pages, zoom, find, selection and copy, error pages,
 * lazy rendering of a long PDF, keys and wheel pressed for real, a HiDPI scale; screenshots
 * saved for a person to look at. */
#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "na-application.h"
#include "na-memory.h"
#include "na-note-editor.h"
#include "na-pdf-page.h"
#include "na-render-queue.h"
#include "na-test-display.h"
#include "na-test-pdf.h"
#include "na-window.h"

static char *tmpdir;
static char *fixture_path;
/* One application for the cases that need the real window: it can register only once per
 * process. */
static NaApplication *app;

static const char fixture_library[] =
  "{\"format\": \"org.example.NatoAsia.library\", \"version\": 1,"
  " \"questions\": [{\"id\": \"q\", \"title\": \"Should harbours cooperate?\"}],"
  " \"countries\": [], \"essays\": [{\"id\": \"lantern\", \"type\": \"report\","
  " \"title\": \"The Harbour Lantern Report\", \"author\": [{\"family\": \"Quill\"}]}],"
  " \"arguments\": ["
  "  {\"id\": \"lantern-a1\", \"essay\": \"lantern\", \"question\": \"q\","
  "   \"stance\": \"supports\", \"claim\": \"Partners should meet informally first.\","
  "   \"anchor\": {\"exact\": \"partners in the Pacific should meet informally\"}},"
  "  {\"id\": \"lantern-a2\", \"essay\": \"lantern\", \"question\": \"q\","
  "   \"stance\": \"supports\", \"claim\": \"Joint drills build trust fastest.\","
  "   \"anchor\": {\"exact\": \"such drills, the authors insist, build trust\"}}],"
  " \"recommendations\": ["
  "  {\"id\": \"lantern-r1\", \"essay\": \"lantern\", \"actor\": \"nato\","
  "   \"action\": \"Set up a standing secretariat in a neutral city.\","
  "   \"anchor\": {\"exact\": \"recommends a standing secretariat\"}}]}";

/* Whether a mapped label inside @widget shows @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* A label on screen inside @widget whose text ends with @end, or NULL. */
static GtkWidget *
find_label_ending (GtkWidget  *widget,
                   const char *end)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), end))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_ending (c, end);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many widgets of @type are on screen inside @widget. */
static guint
count_mapped (GtkWidget *widget,
              GType      type)
{
  guint n = 0;

  na_test_find_mapped (widget, type, &n);
  return n;
}

/* The first mapped label or button inside @widget that shows @text (a button's label with
 * its mnemonic underscore), or NULL. */
static GtkWidget *
find_shown (GtkWidget  *widget,
            GType       type,
            const char *text)
{
  const char *shown = NULL;

  if (gtk_widget_get_mapped (widget) && G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    shown = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
            : GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;
  if (g_strcmp0 (shown, text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown (c, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

#define find_label(widget, text) find_shown ((widget), GTK_TYPE_LABEL, (text))
#define find_button(widget, text) find_shown ((widget), GTK_TYPE_BUTTON, (text))

/* The viewer's controls (page entry, zoom, find, annotate, sidebar: toggles and menu buttons
 * all hold a GtkToggleButton) are hidden without a document, not greyed out; only the
 * attachment menu may show (@attachment_menu), for a file that failed to open. */
static void
assert_no_viewer_controls (NaPdfPage *page,
                           gboolean   attachment_menu)
{
  g_assert_cmpuint (count_mapped (GTK_WIDGET (page), GTK_TYPE_ENTRY), ==, 0);
  g_assert_cmpuint (count_mapped (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON), ==,
                    attachment_menu ? 1 : 0);
  g_assert_false (has_label (GTK_WIDGET (page), "100%"));
}

/* The markup of the first mapped label inside @widget whose markup contains @part, or NULL. */
static const char *
markup_with (GtkWidget  *widget,
             const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_label_get_use_markup (GTK_LABEL (widget)) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), part) != NULL)
    return gtk_label_get_label (GTK_LABEL (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *found = markup_with (c, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where the view has a tooltip: the bounds of the widget's points (every other one) whose
 * tooltip query says yes; FALSE when none does. */
static gboolean
tooltip_bounds (GtkWidget       *view,
                graphene_rect_t *bounds)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -1, y2 = -1;

  for (int y = 0; y < gtk_widget_get_height (view); y += 2)
    for (int x = 0; x < gtk_widget_get_width (view); x += 2)
      {
        gboolean shown = FALSE;

        g_signal_emit_by_name (view, "query-tooltip", x, y, FALSE, tooltip, &shown);
        if (!shown)
          continue;
        x1 = MIN (x1, x);
        y1 = MIN (y1, y);
        x2 = MAX (x2, x);
        y2 = MAX (y2, y);
      }
  g_object_unref (tooltip);
  graphene_rect_init (bounds, x1, y1, x2 - x1, y2 - y1);
  return x2 >= 0;
}

typedef struct
{
  GtkWindow       *window;
  AdwToastOverlay *overlay;
  NaPdfPage     *page;
  NaLibrary     *library;
  NaAttachments *attachments;
  NaUserStore   *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (fixture_library, sizeof fixture_library - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *store = g_build_filename (tmpdir, "attachments.json", NULL);
  g_autoptr(GFile) store_file = g_file_new_for_path (store);

  f->library = na_library_new_from_bytes (bytes, "lantern.json", &error);
  g_assert_no_error (error);
  f->attachments = na_attachments_new (store_file);
  na_attachments_load (f->attachments, NULL);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->page = g_object_new (NA_TYPE_PDF_PAGE, NULL);
  /* As in the window: the page's toasts go to an overlay above it. */
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->page));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->overlay));
  na_pdf_page_set_library (f->page, f->library);
  na_pdf_page_set_attachments (f->page, f->attachments);
  f->store = na_user_store_new (tmpdir);
  na_pdf_page_set_user_store (f->page, f->store);
  na_pdf_page_set_essay (f->page, na_library_lookup_essay (f->library, "lantern"));
  gtk_window_present (f->window);
  na_test_iterate (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  na_test_iterate (100);
  g_clear_object (&f->library);
  g_clear_object (&f->attachments);
  g_clear_object (&f->store);
}

static void
test_attach_view_zoom_find_select (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  NaPdfView *view = na_pdf_page_get_view (f->page);
  g_autofree char *selected = NULL;
  g_autofree char *copied = NULL;
  NaArgument *argument;

  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "empty");
  g_assert_true (has_label (GTK_WIDGET (f->page), "No PDF Attached"));
  /* Nothing to view yet: no toolbar, only the empty page's call to attach a PDF. */
  assert_no_viewer_controls (f->page, FALSE);
  g_assert_true (has_label (GTK_WIDGET (f->page), "Attach PDF…"));
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-empty.png");

  na_pdf_page_attach_file (f->page, file);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "view");
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  na_test_iterate (200);

  /* Recorded with its hash; the anchors' pages reached the library and the side list. */
  g_assert_cmpstr (na_attachments_get_path (f->attachments, "lantern"), ==, fixture_path);
  g_assert_cmpuint (strlen (na_attachments_get_sha256 (f->attachments, "lantern")), ==, 64);
  argument = na_library_lookup_argument (f->library, "lantern-a2");
  g_assert_cmpint (na_anchor_get_page (na_argument_get_anchor (argument)), ==, 2);
  g_assert_true (has_label (GTK_WIDGET (f->page), "p. 3"));
  g_assert_true (has_label (GTK_WIDGET (f->page), "Joint drills build trust fastest."));
  g_assert_true (has_label (GTK_WIDGET (f->page), "of 3"));
  g_assert_cmpuint (count_mapped (GTK_WIDGET (f->page), GTK_TYPE_ENTRY), ==, 1);
  /* The file's name in the toolbar, whole, its full path in the tooltip. */
  {
    GtkWidget *name = find_label (GTK_WIDGET (f->page), "lantern.pdf");

    g_assert_nonnull (name);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (name), ==, fixture_path);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (name))));
  }
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-attached.png");

  /* Zoom: the renders at the new scale arrive; Ctrl+minus goes a step down. */
  na_pdf_view_set_zoom (view, 2.0);
  g_assert_cmpfloat (na_pdf_view_get_zoom (view), ==, 2.0);
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  na_test_iterate (100);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-zoom-200.png");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "pdf-page.zoom-out", NULL);
  g_assert_cmpfloat (na_pdf_view_get_zoom (view), ==, 1.5);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "pdf-page.fit-width", NULL);
  na_test_iterate (100);
  g_assert_cmpint (na_pdf_view_get_sizing (view), ==, NA_PDF_SIZING_FIT_WIDTH);

  /* The anchor side list jumps to the third page. */
  na_pdf_view_scroll_to (view, 2, 400);
  na_test_iterate (200);
  g_assert_cmpint (na_pdf_view_get_page (view), ==, 2);
  na_pdf_view_scroll_to (view, 0, 0);
  na_test_iterate (100);

  /* Find: matches listed and highlighted; next wraps round. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "pdf-page.find", NULL);
  na_pdf_page_find (f->page, "the report");
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  na_test_iterate (200);
  g_assert_cmpuint (na_pdf_page_get_n_matches (f->page), ==, 1);
  g_assert_true (has_label (GTK_WIDGET (f->page), "1 of 1"));
  na_pdf_page_find (f->page, "column");
  na_test_iterate (200);
  g_assert_cmpuint (na_pdf_page_get_n_matches (f->page), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "pdf-page.find-next", NULL);
  na_test_iterate (200);
  g_assert_true (has_label (GTK_WIDGET (f->page), "2 of 2"));
  /* Each result in its context: whole words, the match in bold, "…" where cut. */
  {
    const char *result = markup_with (GTK_WIDGET (f->page), "<b>column</b>");

    g_assert_nonnull (result);
    g_test_message ("find result: %s", result);
    g_assert_true (g_str_has_prefix (result, "The first <b>column</b> discusses the financial"));
    g_assert_true (g_str_has_suffix (result, "…"));
  }
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-find.png");


  /* Selecting by points, as a drag does: from the title's first letter to its last. */
  {
    guint n;
    const PopplerRectangle *boxes =
      na_pdf_document_get_page_layout (na_pdf_view_get_document (view), 0, &n);
    g_autofree char *dragged = NULL;

    g_assert_cmpuint (n, >, 26);
    na_pdf_view_select_area (view, 0, (boxes[0].x1 + boxes[0].x2) / 2,
                             (boxes[0].y1 + boxes[0].y2) / 2,
                             (boxes[25].x1 + boxes[25].x2) / 2,
                             (boxes[25].y1 + boxes[25].y2) / 2);
    dragged = na_pdf_view_dup_selection (view);
    g_assert_cmpstr (dragged, ==, "The Harbour Lantern Report");
  }

  /* Selection and copy. */
  na_pdf_view_select (view, 0, 0, 26);
  selected = na_pdf_view_dup_selection (view);
  g_assert_cmpstr (selected, ==, "The Harbour Lantern Report");
  gtk_widget_activate_action (GTK_WIDGET (view), "pdf.copy", NULL);
  copied = na_test_read_clipboard (gtk_widget_get_clipboard (GTK_WIDGET (view)));
  g_assert_cmpstr (copied, ==, "The Harbour Lantern Report");
  na_pdf_view_scroll_to (view, 0, 0);
  na_test_iterate (200);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-selection.png");

  /* The selection becomes the user's highlight, with a note, kept in the user store. */
  g_assert_true (na_pdf_page_highlight_selection (f->page, "the report's name"));
  g_assert_false (na_pdf_page_highlight_selection (f->page, NULL));   /* nothing selected */
  na_test_iterate (200);
  {
    g_autoptr(NaAnnotation) a =
      g_list_model_get_item (na_user_store_get_annotations (f->store), 0);

    g_assert_nonnull (a);
    g_assert_cmpint (na_annotation_get_page (a), ==, 0);
    g_assert_cmpstr (na_annotation_get_quote (a), ==, "The Harbour Lantern Report");
    g_assert_cmpstr (na_annotation_get_note (a), ==, "the report's name");
    g_assert_cmpuint (na_annotation_get_rects (a)->len, ==, 1);
  }
  g_assert_true (has_label (GTK_WIDGET (f->page),
                            "“The Harbour Lantern Report” — the report's name"));

  /* On the page, the note has a marker left of its passage, and is the tooltip of both. */
  {
    g_autoptr(NaAnnotation) a =
      g_list_model_get_item (na_user_store_get_annotations (f->store), 0);
    NaPdfRect *r = &g_array_index (na_annotation_get_rects (a), NaPdfRect, 0);
    double middle = (r->y1 + r->y2) / 2;
    graphene_rect_t bounds;

    g_assert_cmpstr (na_pdf_view_get_note_at (view, 0, (r->x1 + r->x2) / 2, middle), ==,
                     "the report's name");
    g_assert_cmpstr (na_pdf_view_get_note_at (view, 0, r->x1 - 8 / na_pdf_view_get_zoom (view),
                                              middle), ==, "the report's name");
    g_assert_null (na_pdf_view_get_note_at (view, 0, r->x2 + 20, middle));
    g_assert_null (na_pdf_view_get_note_at (view, 0, (r->x1 + r->x2) / 2, r->y2 + 20));
    g_assert_null (na_pdf_view_get_note_at (view, 1, (r->x1 + r->x2) / 2, middle));

    /* The pointer, in the widget, is mapped to the page: the tooltip is over the passage
     * and its marker (12 pixels and a gap of 3), at the zoom's scale, and nowhere else. */
    g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (view)));
    g_assert_true (tooltip_bounds (GTK_WIDGET (view), &bounds));
    g_test_message ("tooltip over %g×%g pixels at %g, %g", bounds.size.width,
                    bounds.size.height, bounds.origin.x, bounds.origin.y);
    g_assert_cmpfloat_with_epsilon (bounds.size.width,
                                    (r->x2 - r->x1) * na_pdf_view_get_zoom (view) + 15, 4);
    g_assert_cmpfloat_with_epsilon (bounds.size.height,
                                    MAX ((r->y2 - r->y1) * na_pdf_view_get_zoom (view), 12), 4);

    /* A zoom later, the same, in proportion. */
    na_pdf_view_set_zoom (view, 2.0);
    na_pdf_view_scroll_to (view, 0, 0);
    na_test_iterate_until (na_test_pdf_view_idle, f->page);
    na_test_iterate (100);
    g_assert_true (tooltip_bounds (GTK_WIDGET (view), &bounds));
    g_assert_cmpfloat_with_epsilon (bounds.size.width, (r->x2 - r->x1) * 2 + 15, 4);
    na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-note-marker.png");
    na_pdf_view_set_zoom (view, 1.0);
    na_test_iterate (100);
  }
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-user-highlight.png");

  /* Without the note, no marker and no tooltip. */
  {
    g_autoptr(NaAnnotation) a =
      g_list_model_get_item (na_user_store_get_annotations (f->store), 0);
    graphene_rect_t bounds;

    g_assert_true (na_user_store_remove_annotation (f->store, na_annotation_get_id (a)));
    g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (view)));
    g_assert_false (tooltip_bounds (GTK_WIDGET (view), &bounds));
  }
}

static void
test_error_pages (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (tmpdir, "not-a-pdf.pdf", NULL);
  g_autofree char *moved = g_build_filename (tmpdir, "moved-away.pdf", NULL);
  g_autoptr(GFile) file = NULL;

  g_assert_true (g_file_set_contents (garbage, "just some words", -1, NULL));
  file = g_file_new_for_path (garbage);
  na_pdf_page_open_file (f->page, file, NULL);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "error");
  g_assert_true (has_label (GTK_WIDGET (f->page), "Could Not Open the PDF"));
  /* The toolbar names the file that failed, its full path in the tooltip, with the
   * attachment menu; nothing to view or zoom. */
  assert_no_viewer_controls (f->page, TRUE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_label (GTK_WIDGET (f->page),
                                                            "not-a-pdf.pdf")), ==, garbage);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-error.png");

  /* A remembered file that is gone asks to be located. */
  na_attachments_set (f->attachments, "lantern", moved, "00");
  na_pdf_page_set_attachments (f->page, f->attachments);
  na_test_iterate (200);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "error");
  g_assert_true (has_label (GTK_WIDGET (f->page), "The PDF Has Moved"));
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-moved.png");
}

/* A long file name in a Source view as narrow as the window's default size leaves it (the
 * essay list beside it): the toolbar still shows a good part of the name, its beginning and
 * end, and the whole path in the tooltip. */
static void
test_long_file_name (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "2021-nato-association-of-canada-asia-"
                                            "pacific-volume.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  NaPdfPage *page = g_object_new (NA_TYPE_PDF_PAGE, NULL);
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *label;

  na_test_pdf_write_fixture (path);
  gtk_window_set_default_size (window, 650, 500);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
  na_pdf_page_open_file (page, file, NULL);
  na_test_iterate_until (na_test_pdf_page_settled, page);
  na_test_iterate (200);
  label = find_label (GTK_WIDGET (page), name);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, path);
  g_test_message ("file name: %d pixels", gtk_widget_get_width (label));
  g_assert_cmpint (gtk_widget_get_width (label), >=, 100);
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-long-file-name.png");
  gtk_window_destroy (window);
  na_test_iterate (100);
  g_unlink (path);
}

static gboolean
note_dialog_shown (gpointer data)
{
  GtkWidget *dialog = na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  *(GtkWidget **) data = dialog;
  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

/* Runs what @widget's own shortcut for @accel does, as pressing it would. */
static gboolean
press_shortcut (GtkWidget  *widget,
                const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, accel) != NULL)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 NULL);
        }
    }
  return FALSE;
}

/* Shift+Ctrl+H on a selection: a dialog for a note of several lines, added with Ctrl+Enter;
 * then on the page, its marker's tooltip has both lines. */
static void
test_note_dialog (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  NaPdfView *view = na_pdf_page_get_view (f->page);
  GtkWidget *dialog = NULL, *editor, *focus;
  g_autoptr(NaAnnotation) a = NULL;
  NaPdfRect *r;

  na_pdf_page_attach_file (f->page, file);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_pdf_view_select (view, 0, 0, 26);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "pdf-page.note", NULL));
  na_test_iterate_until (note_dialog_shown, &dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Harbour Lantern Report");

  /* The note is typed first, in a text of several lines. */
  editor = na_test_find_widget (dialog, NA_TYPE_NOTE_EDITOR);
  g_assert_nonnull (editor);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_TEXT_VIEW (focus) && gtk_widget_is_ancestor (focus, editor));
  na_note_editor_set_text (NA_NOTE_EDITOR (editor), "The title says it all.\nOr does it?");
  na_test_iterate (200);
  na_test_save_screenshot (dialog, "pdf-note-dialog.png");

  /* Ctrl+Enter adds it (Enter is a new line), and closes the dialog. */
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  na_test_iterate (300);
  g_assert_null (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  a = g_list_model_get_item (na_user_store_get_annotations (f->store), 0);
  g_assert_nonnull (a);
  g_assert_cmpstr (na_annotation_get_note (a), ==, "The title says it all.\nOr does it?");
  r = &g_array_index (na_annotation_get_rects (a), NaPdfRect, 0);
  g_assert_cmpstr (na_pdf_view_get_note_at (view, 0, (r->x1 + r->x2) / 2, (r->y1 + r->y2) / 2),
                   ==, "The title says it all.\nOr does it?");
}

static gboolean locked_dialog_shown (gpointer data);

static void
test_relocate (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *original = g_build_filename (tmpdir, "to-move.pdf", NULL);
  g_autofree char *moved = g_build_filename (tmpdir, "moved-here.pdf", NULL);
  g_autofree char *other = g_build_filename (tmpdir, "other.pdf", NULL);
  g_autoptr(GFile) original_file = g_file_new_for_path (original);
  g_autoptr(GFile) moved_file = g_file_new_for_path (moved);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autofree char *sha = NULL;
  AdwMessageDialog *dialog = NULL;

  na_test_pdf_write_fixture (original);
  na_test_pdf_write_long (other, 2);
  na_pdf_page_attach_file (f->page, original_file);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "view");
  sha = g_strdup (na_attachments_get_sha256 (f->attachments, "lantern"));

  /* The file moves: the page asks for it. */
  g_assert_cmpint (g_rename (original, moved), ==, 0);
  na_pdf_page_set_essay (f->page, NULL);
  na_pdf_page_set_essay (f->page, na_library_lookup_essay (f->library, "lantern"));
  na_test_iterate (200);
  g_assert_true (has_label (GTK_WIDGET (f->page), "The PDF Has Moved"));

  /* Another file is not taken without asking; cancelling keeps the attachment. */
  na_pdf_page_relocate_file (f->page, other_file);
  na_test_iterate_until (locked_dialog_shown, &dialog);
  g_assert_true (has_label (GTK_WIDGET (dialog), "A Different File"));
  adw_message_dialog_response (dialog, "cancel");
  na_test_iterate (200);
  g_assert_cmpstr (na_attachments_get_path (f->attachments, "lantern"), ==, original);

  /* The same content at its new place is taken and remembered there. */
  na_pdf_page_relocate_file (f->page, moved_file);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "view");
  g_assert_cmpstr (na_attachments_get_path (f->attachments, "lantern"), ==, moved);
  g_assert_cmpstr (na_attachments_get_sha256 (f->attachments, "lantern"), ==, sha);
}

static void
reserved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(int *) user_data = na_memory_reserve_finish (result, NULL) ? 1 : 0;
}

/* Under the Cairo renderer, the view keeps faulted in what GTK allocates for each frame (see
 * na_memory_reserve_async()): once it is shown, a reserve of its own pixel size is covered
 * already and not made again. */
static void
test_reserves_frame_memory (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  NaPdfView *view = na_pdf_page_get_view (f->page);
  GtkNative *native;
  int outcome = -1;

  if (!na_memory_keeps_freed_pages ())
    {
      g_test_skip ("not glibc's allocator: no heap to keep memory in");
      return;
    }
  na_pdf_page_open_file (f->page, file, NULL);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  native = gtk_widget_get_native (GTK_WIDGET (view));
  g_assert_nonnull (native);
  if (!GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    {
      g_test_skip ("the window does not draw with Cairo");
      return;
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 0);

  na_memory_reserve_async ((gsize) gtk_widget_get_width (GTK_WIDGET (view)) *
                           gtk_widget_get_height (GTK_WIDGET (view)) * 4,
                           reserved_cb, &outcome);
  while (outcome < 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (outcome, ==, 0);
}

static void
test_internal_link (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmpdir, "linked.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NaPdfView *view = na_pdf_page_get_view (f->page);

  na_test_pdf_write_linked (path);
  na_pdf_page_open_file (f->page, file, NULL);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_pdf_view_scroll_to (view, 2, 0);
  na_test_iterate (200);
  g_assert_cmpint (na_pdf_view_get_page (view), ==, 2);

  /* Nothing to follow beside the link; the link leads back to page 1. */
  g_assert_false (na_pdf_view_activate_link_at (view, 2, 300, 300));
  g_assert_true (na_pdf_view_activate_link_at (view, 2, 100, 606));
  na_test_iterate (200);
  g_assert_cmpint (na_pdf_view_get_page (view), ==, 0);
}

static gboolean
locked_dialog_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      {
        *(gpointer *) data = l->data;
        return TRUE;
      }
  return FALSE;
}

static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *locked = g_build_filename (tmpdir, "locked.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (locked);
  AdwMessageDialog *dialog = NULL;
  GtkWidget *entry;
  int status;

  if (qpdf == NULL)
    {
      g_test_skip ("SKIPPED: qpdf is not installed (Debian package qpdf)");
      return;
    }
  {
    const char *argv[] = { qpdf, "--encrypt", "harbour", "owner-secret", "256", "--",
                           fixture_path, locked, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, NULL));
  }

  na_pdf_page_open_file (f->page, file, NULL);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "error");
  g_assert_true (has_label (GTK_WIDGET (f->page), "This PDF Is Locked"));

  /* The password dialog asks; the right password opens the PDF. */
  na_test_iterate_until (locked_dialog_shown, &dialog);
  na_test_iterate (200);
  na_test_save_screenshot (GTK_WIDGET (dialog), "pdf-password.png");
  entry = na_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "harbour");
  adw_message_dialog_response (dialog, "unlock");
  na_test_iterate (100);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "view");
  g_assert_cmpint (na_pdf_document_get_n_pages (na_pdf_view_get_document (
                     na_pdf_page_get_view (f->page))), ==, 3);
}

static void
test_long_pdf_renders_only_visible (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmpdir, "long.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NaPdfView *view = na_pdf_page_get_view (f->page);
  int reading_width;

  na_test_pdf_write_long (path, 300);
  na_pdf_page_open_file (f->page, file, NULL);
  /* Shown at once; reading 300 pages' text takes far longer than the frame that shows them,
   * and meanwhile the side list says it is reading, and how far it is, not that the essay
   * has no passages. */
  na_test_iterate_until (na_test_pdf_page_shown, f->page);
  g_assert_true (na_pdf_page_get_busy (f->page));
  na_test_iterate (50);
  g_assert_true (has_label (GTK_WIDGET (f->page), "Finding the essay’s passages…"));
  g_assert_nonnull (find_label_ending (GTK_WIDGET (f->page), " of 300 pages read"));
  g_assert_null (find_label_ending (GTK_WIDGET (f->page), "mark it as an argument."));
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-reading-text.png");
  reading_width = gtk_widget_get_width (GTK_WIDGET (view));
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_test_iterate (100);
  /* Then the essay's anchors, none of which this PDF holds; the pages did not move aside
   * (a wider placeholder would have re-rendered them at another fit-width zoom). */
  g_assert_false (has_label (GTK_WIDGET (f->page), "Finding the essay’s passages…"));
  g_assert_true (has_label (GTK_WIDGET (f->page), "not found"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), ==, reading_width);
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  na_test_iterate (300);

  /* 300 pages laid out, a handful rendered; the outline has the chapters. */
  g_assert_cmpint (na_pdf_document_get_n_pages (na_pdf_view_get_document (view)), ==, 300);
  g_assert_cmpuint (na_pdf_view_get_n_rendered (view), <=, 4);
  g_assert_true (has_label (GTK_WIDGET (f->page), "of 300"));

  na_pdf_view_scroll_to (view, 250, 0);
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  na_test_iterate (200);
  g_assert_cmpint (na_pdf_view_get_page (view), ==, 250);
  g_assert_cmpuint (na_pdf_view_get_n_rendered (view), <=, 8);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-long.png");

  /* The sidebar's thumbnails and outline (the generator makes a chapter every 10 pages). */
  {
    GtkWidget *switcher = na_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_STACK_SWITCHER);
    GtkStack *stack;

    g_assert_nonnull (switcher);
    stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher));
    g_assert_nonnull (stack);
    gtk_stack_set_visible_child_name (stack, "outline");
    na_test_iterate (200);
    g_assert_true (has_label (GTK_WIDGET (f->page), "Chapter 30"));
    na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-outline.png");
    na_pdf_view_scroll_to (view, 0, 0);
    gtk_stack_set_visible_child_name (stack, "thumbnails");
    na_test_iterate (1500);
    na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-thumbnails.png");
  }
}

/* Pages are rendered with a pixel per device pixel: zoom × the display's scale factor. The
 * suite runs this at scale 1, and again with GDK_SCALE=2 (NA_TEST_SCALE says which to
 * expect), as on a HiDPI screen. */
static void
test_hidpi (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  NaPdfView *view = na_pdf_page_get_view (f->page);
  const char *expected = g_getenv ("NA_TEST_SCALE");
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  static const double zooms[] = { 1.0, 1.5 };

  if (expected != NULL)
    g_assert_cmpint (factor, ==, atoi (expected));
  g_test_message ("scale factor %d", factor);

  na_pdf_page_attach_file (f->page, file);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      NaPdfDocument *document;
      int width, height, want_width, want_height;

      na_pdf_view_set_zoom (view, zooms[z]);
      na_test_iterate_until (na_test_pdf_view_idle, f->page);
      na_test_iterate (100);
      document = na_pdf_view_get_document (view);
      g_assert_true (na_pdf_view_get_page_pixels (view, 0, &width, &height));
      na_render_page_size (document, 0, zooms[z] * factor, &want_width, &want_height);
      g_assert_cmpint (width, ==, want_width);
      g_assert_cmpint (height, ==, want_height);
      /* Not the logical size stretched: a point of the page is zoom × factor pixels. */
      {
        double page_width, page_height;

        na_pdf_document_get_page_size (document, 0, &page_width, &page_height);
        g_assert_cmpfloat (fabs (width - page_width * zooms[z] * factor), <, 1.0);
      }
    }
  na_test_save_device_screenshot (GTK_WIDGET (f->window),
                                  factor == 1 ? "pdf-scale-1.png" : "pdf-scale-2.png");
}

/* Runs xdotool on the test's window (found by its title) with @args: real key presses and
 * wheel clicks through the X server, as GTK 4 cannot make input events itself. */
static void
xdo (const char *title,
     const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool search --sync --name '^%s$' "
                                              "windowfocus --sync %s", title, args);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  na_test_iterate (200);
}

/* The viewer's keys and wheel, pressed for real: Page Down and Page Up scroll a screen,
 * Ctrl+plus, Ctrl+minus, Ctrl+0 and Ctrl+wheel zoom, and the page number entry jumps. */
static void
test_keys_and_wheel (Fixture       *f,
                     gconstpointer  data)
{
  static const char title[] = "NatoAsia viewer keys";
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  NaPdfView *view = na_pdf_page_get_view (f->page);
  GtkAdjustment *vadjustment;
  double top, screen, zoom;
  gboolean x11 = FALSE;

#ifdef GDK_WINDOWING_X11
  x11 = GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (view)));
#endif
  if (xdotool == NULL || !x11)
    {
      g_test_skip ("SKIPPED: needs xdotool (Debian package xdotool) and an X11 display, to "
                   "press keys for real");
      return;
    }
  gtk_window_set_title (f->window, title);
  na_pdf_page_attach_file (f->page, file);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_test_iterate_until (na_test_pdf_view_idle, f->page);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  na_test_iterate (100);

  /* Page Down: a screenful further (less a little overlap); Page Up: back. */
  top = gtk_adjustment_get_value (vadjustment);
  screen = gtk_adjustment_get_page_size (vadjustment);
  xdo (title, "key Page_Down");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, top + screen / 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <=, top + screen);
  xdo (title, "key Page_Down key Page_Down key Page_Down");
  g_assert_cmpint (na_pdf_view_get_page (view), >=, 1);
  xdo (title, "key Page_Up key Page_Up key Page_Up key Page_Up");
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (vadjustment) - top), <, 0.5);

  /* Ctrl+0 is 100 %; Ctrl+plus and Ctrl+minus step from there. */
  xdo (title, "key ctrl+0");
  g_assert_cmpfloat (na_pdf_view_get_zoom (view), ==, 1.0);
  xdo (title, "key ctrl+plus");
  g_assert_cmpfloat (na_pdf_view_get_zoom (view), >, 1.0);
  xdo (title, "key ctrl+minus key ctrl+minus");
  g_assert_cmpfloat (na_pdf_view_get_zoom (view), <, 1.0);
  xdo (title, "key ctrl+0");

  /* Ctrl+wheel over the page zooms; the wheel alone scrolls. */
  xdo (title, "mousemove --window %1 700 400");
  zoom = na_pdf_view_get_zoom (view);
  xdo (title, "keydown ctrl click 4 keyup ctrl");
  g_assert_cmpfloat (na_pdf_view_get_zoom (view), >, zoom);
  xdo (title, "keydown ctrl click 5 click 5 keyup ctrl");
  g_assert_cmpfloat (na_pdf_view_get_zoom (view), <, zoom);
  zoom = na_pdf_view_get_zoom (view);
  top = gtk_adjustment_get_value (vadjustment);
  xdo (title, "click 5 click 5");
  g_assert_cmpfloat (na_pdf_view_get_zoom (view), ==, zoom);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, top);

  /* The page number entry: 3, Enter, and the third page is at the top. */
  {
    GtkWidget *entry = na_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_ENTRY);

    g_assert_nonnull (entry);
    gtk_widget_grab_focus (entry);
    xdo (title, "key ctrl+a type 3");
    xdo (title, "key Return");
    na_test_iterate_until (na_test_pdf_view_idle, f->page);
    g_assert_cmpint (na_pdf_view_get_page (view), ==, 2);
  }
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-keys-page-3.png");
}

static void check_window_shared_source (NaWindow *window);

static void
test_window_has_source_view (void)
{
  NaWindow *window;

  window = na_window_new (app);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  na_window_select_essay (window, "klodkowski-2020");
  na_test_iterate (300);

  /* Nothing attached in a fresh data directory: the Source view offers to attach. */
  g_assert_nonnull (na_window_get_pdf_page (window));
  g_assert_cmpstr (na_pdf_page_get_state (na_window_get_pdf_page (window)), ==, "empty");
  g_assert_true (has_label (GTK_WIDGET (window), "Source"));
  check_window_shared_source (window);
  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* The real window on the bundled library, with a shared source PDF attached (skipped where
 * ../shared/sources/pdf is absent): every anchor of the essay found, the first one shown. */
static void
check_window_shared_source (NaWindow *window)
{
  const char *sources = g_getenv ("NA_SOURCES_DIR");
  g_autofree char *path = sources ? g_build_filename (sources, "pdf",
                                                      "2020-nato-association-canada-volume.pdf",
                                                      NULL) : NULL;
  g_autoptr(GFile) file = NULL;
  NaPdfPage *page;
  GtkWidget *list;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_message ("SKIPPED: the shared source PDFs are not here; no PDF attached in the "
                      "window");
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_STACK)),
                                         "pdf");
  page = na_window_get_pdf_page (window);
  file = g_file_new_for_path (path);
  na_pdf_page_attach_file (page, file);
  na_test_iterate_until (na_test_pdf_page_settled, page);
  g_assert_cmpstr (na_pdf_page_get_state (page), ==, "view");

  /* No anchor of the essay is left unfound; the first one is on its page. */
  g_assert_false (has_label (GTK_WIDGET (page), "not found"));
  list = na_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);

  /* The essay is a chapter deep in the volume: the view opened at its first anchored page,
   * not at the cover. */
  {
    int first = G_MAXINT;
    GtkListBoxRow *row;

    for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)); i++)
      first = MIN (first, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "page")));
    g_assert_cmpint (first, >, 1);
    na_test_iterate_until (na_test_pdf_view_idle, page);
    g_assert_cmpint (na_pdf_view_get_page (na_pdf_page_get_view (page)), ==, first - 1);
  }
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_signal_emit_by_name (list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  na_test_iterate_until (na_test_pdf_view_idle, page);
  na_test_iterate (300);
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-window-shared-source.png");
}

/* Ctrl+F is the window's shortcut for the library search, and the window's shortcuts come
 * before a view's own: in the Source view, it must still find in the PDF. */
static void
test_window_ctrl_f_finds_in_pdf (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  g_auto(GStrv) actions = NULL;
  NaWindow *window;
  NaPdfPage *page;
  GtkWidget *focus, *entry;

  window = na_window_new (app);
  na_window_load_bundled (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  na_window_select_essay (window, "klodkowski-2020");
  na_test_iterate (300);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_STACK)),
                                         "pdf");
  page = na_window_get_pdf_page (window);
  na_pdf_page_attach_file (page, file);
  na_test_iterate_until (na_test_pdf_page_settled, page);
  g_assert_cmpstr (na_pdf_page_get_state (page), ==, "view");

  /* Whatever action Ctrl+F is bound to, pressed here, it opens the PDF's find. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>f");
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[0], NULL));
  na_test_iterate (200);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (entry, GTK_WIDGET (page)));
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-window-ctrl-f.png");

  /* Out of the Source view, it is the library search again. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_STACK)),
                                         "essay");
  na_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[0], NULL));
  na_test_iterate (200);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* Whether the library sidebar lists @id. */
static gboolean
is_listed (NaWindow   *window,
           const char *id)
{
  GListModel *listed = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (
                                       na_test_find_essay_list (GTK_WIDGET (window)))));

  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (listed, i);

      if (g_strcmp0 (na_essay_get_id (essay), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The search answers after a short delay, and the library loads in the background. */
static void
no_results_shown (NaWindow *window)
{
  for (guint i = 0; i < 50; i++)
    {
      na_test_iterate (100);
      if (na_test_has_mapped_label (GTK_WIDGET (window), "No Results Found"))
        return;
    }
  g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window), "No Results Found"));
}

/* The library search finds words of an attached PDF, read in a worker thread, and forgets
 * them when the PDF is detached. */
static void
test_window_searches_attached_pdf (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "ferries.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkEditable *entry;
  NaWindow *window;
  NaPdfPage *page;

  window = na_window_new (app);
  na_window_load_bundled (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  na_window_select_essay (window, "chan-2013");
  na_test_iterate (300);
  na_test_pdf_write_long (path, 3);
  entry = GTK_EDITABLE (na_test_find_widget (gtk_widget_get_ancestor (
                                               na_test_find_essay_list (GTK_WIDGET (window)),
                                               GTK_TYPE_BOX),
                                             GTK_TYPE_SEARCH_ENTRY));

  /* A word of this PDF only: not in the library's analysis, nor in the PDFs other cases
   * attach. */
  gtk_editable_set_text (entry, "ferries");
  no_results_shown (window);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_STACK)),
                                         "pdf");
  page = na_window_get_pdf_page (window);
  na_pdf_page_attach_file (page, file);
  na_test_iterate_until (na_test_pdf_page_settled, page);
  for (guint i = 0; i < 50 && !is_listed (window, "chan-2013"); i++)
    na_test_iterate (100);
  g_assert_true (is_listed (window, "chan-2013"));
  g_assert_false (na_test_has_mapped_label (GTK_WIDGET (window), "No Results Found"));

  gtk_widget_activate_action (GTK_WIDGET (page), "pdf-page.detach", NULL);
  no_results_shown (window);

  gtk_editable_set_text (entry, "");
  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* A PDF that holds none of the essay's passages stays attached, but a toast says so and
 * offers to detach it; the right PDF gives no such toast. */
static void
test_wrong_pdf_warns (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmpdir, "wrong.pdf", NULL);
  g_autoptr(GFile) wrong = g_file_new_for_path (path);
  g_autoptr(GFile) right = g_file_new_for_path (fixture_path);
  GtkWidget *detach;

  na_test_pdf_write_long (path, 2);
  na_pdf_page_attach_file (f->page, wrong);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_test_iterate (300);
  g_assert_cmpstr (na_attachments_get_path (f->attachments, "lantern"), ==, path);
  detach = find_button (GTK_WIDGET (f->overlay), "_Detach");
  g_assert_nonnull (detach);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-wrong-pdf-toast.png");
  g_signal_emit_by_name (detach, "clicked");
  na_test_iterate (300);
  g_assert_null (na_attachments_get_path (f->attachments, "lantern"));
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "empty");

  na_test_iterate (300);
  na_pdf_page_attach_file (f->page, right);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_test_iterate (300);
  g_assert_null (find_button (GTK_WIDGET (f->overlay), "_Detach"));
}

/* Detaching a PDF forgets it and its pages, keeps the file, and the toast's Undo brings both
 * back. */
static void
test_detach (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  g_autoptr(GFile) store_file = g_file_dup (na_attachments_get_file (f->attachments));
  NaAnchor *anchor = na_argument_get_anchor (na_library_lookup_argument (f->library,
                                                                         "lantern-a2"));
  GtkWidget *undo;

  na_pdf_page_attach_file (f->page, file);
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_test_iterate (200);
  g_assert_cmpstr (na_attachments_get_path (f->attachments, "lantern"), ==, fixture_path);
  g_assert_cmpint (na_anchor_get_page (anchor), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "pdf-page.detach", NULL);
  na_test_iterate (300);
  g_assert_null (na_attachments_get_path (f->attachments, "lantern"));
  g_assert_cmpint (na_anchor_get_page (anchor), ==, 0);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "empty");
  assert_no_viewer_controls (f->page, FALSE);
  g_assert_true (g_file_test (fixture_path, G_FILE_TEST_EXISTS));
  {
    /* Saved so: a fresh read of the file has no attachment either. */
    g_autoptr(NaAttachments) reread = na_attachments_new (store_file);

    g_assert_true (na_attachments_load (reread, NULL));
    g_assert_null (na_attachments_get_path (reread, "lantern"));
  }
  undo = find_button (GTK_WIDGET (f->overlay), "_Undo");
  g_assert_nonnull (undo);
  na_test_save_screenshot (GTK_WIDGET (f->window), "pdf-detached.png");

  g_signal_emit_by_name (undo, "clicked");
  na_test_iterate_until (na_test_pdf_page_settled, f->page);
  na_test_iterate (200);
  g_assert_cmpstr (na_attachments_get_path (f->attachments, "lantern"), ==, fixture_path);
  g_assert_cmpint (na_anchor_get_page (anchor), ==, 2);
  g_assert_cmpstr (na_pdf_page_get_state (f->page), ==, "view");
  {
    g_autoptr(NaAttachments) reread = na_attachments_new (store_file);

    g_assert_true (na_attachments_load (reread, NULL));
    g_assert_cmpstr (na_attachments_get_path (reread, "lantern"), ==, fixture_path);
    g_assert_cmpint (na_attachments_get_page (reread, "lantern", "lantern-a2"), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The window keeps attachments in the user's data directory: never the real one here
   * (gtk_test_init does not pass G_TEST_OPTION_ISOLATE_DIRS on to g_test_init). */
  tmpdir = g_dir_make_tmp ("natoasia-pdf-view-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }
  /* As the app does before its threads start. */
  na_memory_keep_freed_pages ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fixture_path = g_build_filename (tmpdir, "lantern.pdf", NULL);
  na_test_pdf_write_fixture (fixture_path);
  app = na_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add ("/pdf-view/attach-view-zoom-find-select", Fixture, NULL, fixture_set_up,
              test_attach_view_zoom_find_select, fixture_tear_down);
  g_test_add ("/pdf-view/detach", Fixture, NULL, fixture_set_up, test_detach,
              fixture_tear_down);
  g_test_add ("/pdf-view/wrong-pdf-warns", Fixture, NULL, fixture_set_up, test_wrong_pdf_warns,
              fixture_tear_down);
  g_test_add ("/pdf-view/error-pages", Fixture, NULL, fixture_set_up, test_error_pages,
              fixture_tear_down);
  g_test_add_func ("/pdf-view/long-file-name", test_long_file_name);
  g_test_add ("/pdf-view/note-dialog", Fixture, NULL, fixture_set_up, test_note_dialog,
              fixture_tear_down);
  g_test_add ("/pdf-view/relocate", Fixture, NULL, fixture_set_up, test_relocate,
              fixture_tear_down);
  g_test_add ("/pdf-view/internal-link", Fixture, NULL, fixture_set_up, test_internal_link,
              fixture_tear_down);
  g_test_add ("/pdf-view/reserves-frame-memory", Fixture, NULL, fixture_set_up,
              test_reserves_frame_memory, fixture_tear_down);
  g_test_add ("/pdf-view/password", Fixture, NULL, fixture_set_up, test_password,
              fixture_tear_down);
  g_test_add ("/pdf-view/long-pdf-renders-only-visible", Fixture, NULL, fixture_set_up,
              test_long_pdf_renders_only_visible, fixture_tear_down);
  g_test_add ("/pdf-view/keys-and-wheel", Fixture, NULL, fixture_set_up, test_keys_and_wheel,
              fixture_tear_down);
  g_test_add ("/pdf-view/hidpi", Fixture, NULL, fixture_set_up, test_hidpi, fixture_tear_down);
  g_test_add_func ("/pdf-view/window-has-source-view", test_window_has_source_view);
  g_test_add_func ("/pdf-view/window-ctrl-f-finds-in-pdf", test_window_ctrl_f_finds_in_pdf);
  g_test_add_func ("/pdf-view/window-searches-attached-pdf",
                   test_window_searches_attached_pdf);

  status = g_test_run ();
  g_clear_object (&app);
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return status;
}
