/* test-pdf-annotate.c — under a display, in the real window: a passage selected in a PDF the
 * test makes is marked as an argument with the reader's dialog, kept in the user store with its
 * page and rectangles, drawn in the PDF, shown in the reader and on the essay's page, and undone;
 * a reader highlight found in the PDF; a new essay made from a PDF's metadata. Fixture texts
 * are our own words; screenshots saved for a person to look at. */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "na-application.h"
#include "na-pdf-page.h"
#include "na-reader.h"
#include "na-test-display.h"
#include "na-window.h"

static NaApplication *app;
static char *home;
static char *pdf_path;
static char *text_path;

/* The same sentences in the PDF and in the attached text, so a passage marked in one is found
 * in the other. */
static const char *pdf_page1[] = {
  "The Quiet Strait Papers",
  "",
  "Navies that share a narrow strait learn each other's habits.",
  "Coastal states should publish their patrol schedules a week ahead.",
  "Such notice lowers the risk of collisions at night.",
  "Patrols matter.",
  NULL
};

static const char *pdf_page2[] = {
  "Second thoughts",
  "",
  "Fishing fleets follow the patrols and their catches grow.",
  "A joint rescue centre would answer distress calls in any language.",
  "Patrols matter.",
  NULL
};

static const char fixture_text[] =
  "The Quiet Strait Papers\n\n"
  "Navies that share a narrow strait learn each other's habits. Coastal states should "
  "publish their patrol schedules a week ahead. Such notice lowers the risk of collisions at "
  "night. Patrols matter.\n\n"
  "Second thoughts\n\n"
  "Fishing fleets follow the patrols and their catches grow. A joint rescue centre would "
  "answer distress calls in any language. Patrols matter.\n";

static const char marked[] = "Coastal states should publish their patrol schedules a week ahead.";

static gboolean
page_settled (gpointer data)
{
  return !na_pdf_page_get_busy (data) && g_strcmp0 (na_pdf_page_get_state (data), "view") == 0;
}

/* The menu that is open (buttons have menus of their own, closed). */
static GtkWidget *
find_open_menu (GtkWidget *widget)
{
  if (GTK_IS_POPOVER_MENU (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_open_menu (c);

      if (found)
        return found;
    }
  return NULL;
}

/* Whether a mapped label inside @widget shows text starting with @text. */
static gboolean
has_label_prefix (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label_prefix (c, text))
      return TRUE;
  return FALSE;
}

/* Whether one row of a list inside @widget shows both texts (at the start of its labels). */
static gboolean
has_row_with (GtkWidget  *widget,
              const char *first,
              const char *second)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return has_label_prefix (widget, first) && has_label_prefix (widget, second);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_row_with (c, first, second))
      return TRUE;
  return FALSE;
}

/* Two pages of our sentences, with an information dictionary (title, author, date). */
static void
write_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Serif 12px");
  const char **pages[] = { pdf_page1, pdf_page2 };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "The Quiet Strait Papers");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  "Mira Okonkwo and Tomas Reyes");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  "2023-04-05T12:00:00");
  pango_layout_set_font_description (layout, font);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      for (guint i = 0; pages[p][i] != NULL; i++)
        {
          pango_layout_set_text (layout, pages[p][i], -1);
          cairo_move_to (cr, 72, 90 + i * 18);
          pango_cairo_show_layout (cr, layout);
        }
      cairo_show_page (cr);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static NaLibrary *
make_library (void)
{
  NaLibrary *library = na_library_new ();
  g_autoptr(NaQuestion) q = na_question_new ();
  g_autoptr(NaEssay) essay = na_essay_new ();

  na_library_set_title (library, "Strait Library");
  na_question_set_id (q, "q-strait");
  na_question_set_title (q, "Should patrols be announced?");
  na_library_add_question (library, q);
  na_essay_set_id (essay, "strait");
  na_essay_set_title (essay, "The Quiet Strait Papers");
  na_library_add_essay (library, essay);
  return library;
}

/* A window on @library with @store, shown. */
static NaWindow *
present_window (NaLibrary   *library,
                NaUserStore *store)
{
  NaWindow *window;

  g_assert_true (na_user_store_load (store, NULL));
  window = na_window_new (app);
  na_window_set_user_store (window, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  na_window_set_library (window, library);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (300);
  return window;
}

static void
show_view (NaWindow   *window,
           const char *name)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (na_window_get_pdf_page (window)),
                                              ADW_TYPE_VIEW_STACK);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
  na_test_iterate (200);
}

static gboolean
text_attached (gpointer store)
{
  return na_user_store_get_attachment (store, "strait", NULL) != NULL;
}

static guint
n_annotations (NaUserStore *store)
{
  return g_list_model_get_n_items (na_user_store_get_annotations (store));
}

/* Selects @sentence on @page (from 0) of the PDF shown, as a drag over it does. */
static void
select_sentence (NaPdfPage  *page,
                 int         page_index,
                 const char *sentence)
{
  NaPdfView *view = na_pdf_page_get_view (page);
  const char *text = na_pdf_document_get_page_text (na_pdf_view_get_document (view), page_index);
  const char *at = strstr (text, sentence);
  int start;
  g_autofree char *selected = NULL;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  na_pdf_view_select (view, page_index, start, start + g_utf8_strlen (sentence, -1));
  selected = na_pdf_view_dup_selection (view);
  g_assert_cmpstr (selected, ==, sentence);
}

/* Page 2's "Patrols matter." (the first page ends with it too) noted with the Source view's
 * own Note dialog. */
static void
note_second_patrols (NaPdfPage  *page,
                     const char *note)
{
  GtkWidget *dialog, *editor;
  GtkTextView *view;

  select_sentence (page, 1, "Patrols matter.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pdf-page.note", NULL));
  na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "Add a Note");
  dialog = na_test_find_message_dialog ("Add a Note");
  editor = g_object_get_data (G_OBJECT (dialog), "note");
  view = GTK_TEXT_VIEW (na_test_find_widget (editor, GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), note, -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  na_test_iterate (200);
}

static void
test_mark_argument_in_pdf (void)
{
  g_autoptr(NaLibrary) library = make_library ();
  g_autofree char *data_dir = g_build_filename (home, "mark", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (data_dir);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *id = NULL;
  NaWindow *window;
  NaPdfPage *page;
  NaReader *reader;
  GtkWidget *dialog;
  NaAnnotation *a;
  GArray *rects;

  window = present_window (library, store);
  na_test_iterate (100);
  page = na_window_get_pdf_page (window);
  reader = NA_READER (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_READER));

  /* The essay has our text attached, and the PDF in the Source view. */
  na_window_select_essay (window, "strait");
  na_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.attach-file", "s",
                                             text_path));
  na_test_iterate_until (text_attached, store);
  na_test_iterate (200);
  show_view (window, "pdf");
  na_pdf_page_attach_file (page, pdf);
  na_test_iterate_until (page_settled, page);
  na_test_iterate_until (na_test_pdf_view_idle, page);

  /* Select a sentence: its context menu (Shift+F10 here) offers what can be done with it. */
  select_sentence (page, 0, marked);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pdf-page.context-menu", NULL));
  na_test_iterate (300);
  {
    GtkWidget *menu = find_open_menu (GTK_WIDGET (page));

    g_assert_nonnull (menu);
    g_assert_true (has_label_prefix (menu, "Mark as Argument"));
    g_assert_true (has_label_prefix (menu, "Mark as Recommendation"));
    na_test_save_screenshot (menu, "pdf-annotate-context-menu.png");
    gtk_popover_popdown (GTK_POPOVER (menu));
    na_test_iterate (200);
  }

  /* Mark it with the reader's own dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-argument", NULL));
  na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "Mark as Argument");
  dialog = na_test_find_message_dialog ("Mark as Argument");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, marked);
  /* The claim is typed first, and is needed: Mark waits for it. */
  {
    GtkWidget *claim = g_object_get_data (G_OBJECT (dialog), "text");
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, claim));
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                             "mark"));
    gtk_editable_set_text (GTK_EDITABLE (claim), "Announce patrols ahead");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                            "mark"));
  }
  na_test_save_screenshot (dialog, "pdf-annotate-mark-dialog.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  na_test_iterate (300);

  /* In the store: an argument with its quote, page and rectangles, and the range of the same
   * sentence in the attached text. */
  g_assert_cmpuint (n_annotations (store), ==, 1);
  a = g_list_model_get_item (na_user_store_get_annotations (store), 0);
  g_object_unref (a);  /* the store keeps it */
  id = g_strdup (na_annotation_get_id (a));
  g_assert_cmpint (na_annotation_get_kind (a), ==, NA_ANNOTATION_ARGUMENT);
  g_assert_cmpstr (na_annotation_get_essay_id (a), ==, "strait");
  g_assert_cmpstr (na_annotation_get_quote (a), ==, marked);
  g_assert_cmpstr (na_annotation_get_claim (a), ==, "Announce patrols ahead");
  g_assert_cmpstr (na_annotation_get_question_id (a), ==, "q-strait");
  g_assert_cmpint (na_annotation_get_page (a), ==, 0);
  rects = na_annotation_get_rects (a);
  g_assert_nonnull (rects);
  g_assert_cmpuint (rects->len, >=, 1);
  g_assert_cmpint (g_array_index (rects, NaPdfRect, 0).page, ==, 0);
  g_assert_cmpfloat (g_array_index (rects, NaPdfRect, 0).x1, >=, 60);
  g_assert_cmpfloat (g_array_index (rects, NaPdfRect, 0).y1, >, 90);
  g_assert_cmpint (na_annotation_get_start (a), ==,
                   g_utf8_pointer_to_offset (fixture_text, strstr (fixture_text, marked)));
  g_assert_cmpint (na_annotation_get_end (a) - na_annotation_get_start (a), ==,
                   g_utf8_strlen (marked, -1));

  /* Drawn in the PDF and listed beside it; the selection gave way to it. */
  g_assert_null (na_pdf_view_dup_selection (na_pdf_page_get_view (page)));
  g_assert_true (has_label_prefix (GTK_WIDGET (page), "Supports: Announce patrols ahead"));
  na_test_iterate_until (na_test_pdf_view_idle, page);
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-annotate-argument.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  na_test_iterate (200);
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-annotate-argument-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  na_test_iterate (100);

  /* Removed from the Source view's list (Delete on its row), then back with Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pdf-page.delete-annotation",
                                             "s", id));
  g_assert_cmpuint (n_annotations (store), ==, 0);
  g_assert_false (has_label_prefix (GTK_WIDGET (page), "Supports: Announce patrols ahead"));
  /* Said in a toast with Undo, as a deletion anywhere else in the window. */
  g_assert_true (has_label_prefix (GTK_WIDGET (window), "Argument deleted"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_annotations (store), ==, 1);
  g_assert_true (has_label_prefix (GTK_WIDGET (page), "Supports: Announce patrols ahead"));

  /* In the reader: highlighted at the same sentence, with its page. */
  show_view (window, "essay");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.read", NULL));
  na_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  g_assert_cmpuint (na_reader_get_n_highlighted (reader), ==, 1);
  g_assert_true (has_label_prefix (GTK_WIDGET (reader), "Announce patrols ahead (p. 1)"));
  g_assert_true (na_reader_scroll_to_item (reader, id));
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-annotate-reader.png");

  /* On the essay's page, with the user's own arguments, "p. 1". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-essay", NULL));
  na_test_iterate (400);
  g_assert_true (has_label_prefix (GTK_WIDGET (window), "Announce patrols ahead\n“Coastal"));
  {
    g_autofree char *expected = g_strdup_printf ("Announce patrols ahead\n“%s” (p. 1)", marked);

    g_assert_true (has_label_prefix (GTK_WIDGET (window), expected));
  }
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-annotate-essay-page.png");

  /* Conversely, a highlight made in the reader is found and drawn in the PDF. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.read", NULL));
  na_test_iterate (200);
  {
    const char *rescue = "A joint rescue centre would answer distress calls";
    int start = g_utf8_pointer_to_offset (fixture_text, strstr (fixture_text, rescue));

    na_reader_select_range (reader, start, start + g_utf8_strlen (rescue, -1));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-highlight", "s",
                                               "green"));
    na_test_iterate (200);
    g_assert_cmpuint (n_annotations (store), ==, 2);
    show_view (window, "pdf");
    g_assert_true (has_label_prefix (GTK_WIDGET (page), "“A joint rescue centre"));
  }

  /* A reader highlight on a sentence both pages hold: drawn on the page matching its place
   * in the text (the second), not refused as ambiguous. */
  show_view (window, "essay");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.read", NULL));
  na_test_iterate (200);
  {
    int start = g_utf8_pointer_to_offset (fixture_text,
                                          g_strrstr (fixture_text, "Patrols matter."));

    na_reader_select_range (reader, start, start + strlen ("Patrols matter."));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-highlight", "s",
                                               "yellow"));
    na_test_iterate (200);
    g_assert_cmpuint (n_annotations (store), ==, 3);
    show_view (window, "pdf");
    g_assert_true (has_row_with (GTK_WIDGET (page), "p. 2", "“Patrols matter.”"));
    g_assert_false (has_row_with (GTK_WIDGET (page), "p. 1", "“Patrols matter.”"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    na_test_iterate (100);
  }

  /* Undo (Ctrl+Z's action) takes back the highlight, then the argument, in both views. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  na_test_iterate (200);
  g_assert_false (has_label_prefix (GTK_WIDGET (page), "“A joint rescue centre"));
  g_assert_true (has_label_prefix (GTK_WIDGET (page), "Supports: Announce patrols ahead"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  na_test_iterate (200);
  g_assert_cmpuint (n_annotations (store), ==, 0);
  g_assert_false (has_label_prefix (GTK_WIDGET (page), "Supports: Announce patrols ahead"));
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-annotate-undone.png");

  /* A sentence both pages end with, highlighted with the Source view's own action (Ctrl+H):
   * in the text, the occurrence where it is in the PDF. */
  select_sentence (page, 1, "Patrols matter.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pdf-page.highlight", NULL));
  g_assert_cmpuint (n_annotations (store), ==, 1);
  {
    g_autoptr(NaAnnotation) twice =
      g_list_model_get_item (na_user_store_get_annotations (store), 0);

    g_assert_cmpint (na_annotation_get_page (twice), ==, 1);
    g_assert_cmpint (na_annotation_get_start (twice), ==,
                     g_utf8_pointer_to_offset (fixture_text,
                                               g_strrstr (fixture_text, "Patrols matter.")));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_annotations (store), ==, 0);

  /* The same with a note, from the Source view's own Note dialog: placed in the text at the
   * same occurrence, and highlighted there when the reader opens. */
  note_second_patrols (page, "Said twice, on purpose");
  g_assert_cmpuint (n_annotations (store), ==, 1);
  {
    g_autoptr(NaAnnotation) noted =
      g_list_model_get_item (na_user_store_get_annotations (store), 0);
    int second = g_utf8_pointer_to_offset (fixture_text,
                                           g_strrstr (fixture_text, "Patrols matter."));

    g_assert_cmpstr (na_annotation_get_note (noted), ==, "Said twice, on purpose");
    g_assert_cmpint (na_annotation_get_page (noted), ==, 1);
    g_assert_cmpint (na_annotation_get_start (noted), ==, second);
    show_view (window, "essay");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.read", NULL));
    na_test_iterate (300);
    g_assert_cmpuint (na_reader_get_n_highlighted (reader), ==, 1);
    g_assert_true (has_label_prefix (GTK_WIDGET (reader), "Said twice, on purpose (p. 2)"));
    show_view (window, "pdf");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_annotations (store), ==, 0);

  /* Nothing selected: the action only beeps, nothing is added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-argument",
                                             "(ssss)", "q-strait", "supports", "x", ""));
  g_assert_cmpuint (n_annotations (store), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* A note made in the PDF before the essay had a text attached: nothing could place it in the
 * text then. Its quote is a sentence both pages end with; once the text is attached, the
 * reader tells the occurrence from the other by the words around it in the PDF. */
static void
test_note_before_text (void)
{
  g_autoptr(NaLibrary) library = make_library ();
  g_autofree char *data_dir = g_build_filename (home, "note-first", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (data_dir);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(NaAnnotation) noted = NULL;
  int first = g_utf8_pointer_to_offset (fixture_text, strstr (fixture_text, "Patrols matter."));
  int second = g_utf8_pointer_to_offset (fixture_text,
                                         g_strrstr (fixture_text, "Patrols matter."));
  NaWindow *window;
  NaPdfPage *page;
  NaReader *reader;

  window = present_window (library, store);
  page = na_window_get_pdf_page (window);
  reader = NA_READER (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_READER));

  /* Only the PDF: the note on page 2's "Patrols matter." has no place in a text yet. */
  na_window_select_essay (window, "strait");
  na_test_iterate (200);
  show_view (window, "pdf");
  na_pdf_page_attach_file (page, pdf);
  na_test_iterate_until (page_settled, page);
  na_test_iterate_until (na_test_pdf_view_idle, page);
  /* The essay has no anchors and no annotations yet: the side list says how to add one. */
  g_assert_true (has_label_prefix (GTK_WIDGET (page), "No anchored passages or annotations yet"));
  note_second_patrols (page, "Noted before the text");
  g_assert_false (has_label_prefix (GTK_WIDGET (page), "No anchored passages or annotations"));
  g_assert_cmpuint (n_annotations (store), ==, 1);
  noted = g_list_model_get_item (na_user_store_get_annotations (store), 0);
  g_assert_cmpint (na_annotation_get_page (noted), ==, 1);
  g_assert_cmpint (na_annotation_get_start (noted), ==, -1);
  /* Kept with the words around it on its page. */
  {
    g_autofree char *prefix = g_strdup (na_annotation_get_prefix (noted));

    g_assert_nonnull (prefix);
    g_assert_true (g_str_has_suffix (g_strstrip (prefix), "in any language."));
  }

  /* The text attached later: the reader highlights the second occurrence, not the first,
   * and does not call the passage missing. */
  show_view (window, "essay");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.attach-file", "s",
                                             text_path));
  na_test_iterate_until (text_attached, store);
  na_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.read", NULL));
  na_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  g_assert_cmpuint (na_reader_get_n_missing (reader), ==, 0);
  g_assert_cmpuint (na_reader_get_n_highlighted (reader), ==, 1);
  g_assert_cmpstr (na_reader_item_at_offset (reader, second + 2), ==, na_annotation_get_id (noted));
  g_assert_null (na_reader_item_at_offset (reader, first + 2));
  g_assert_true (has_label_prefix (GTK_WIDGET (reader), "Noted before the text (p. 2)"));
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-annotate-note-before-text.png");

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

static GtkEditable *
form_entry (GtkWidget  *dialog,
            const char *key)
{
  return GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), key));
}

static gboolean
source_shows_pdf (gpointer window)
{
  NaPdfPage *page = na_window_get_pdf_page (window);

  return na_pdf_page_get_essay (page) != NULL && page_settled (page);
}

static void
test_new_essay_from_pdf (void)
{
  g_autoptr(NaLibrary) library = make_library ();
  g_autofree char *data_dir = g_build_filename (home, "new-essay", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (data_dir);
  g_autofree char *garbage = g_build_filename (home, "not-a-pdf.pdf", NULL);
  g_autofree char *attachments = NULL;
  NaWindow *window;
  GtkWidget *dialog;
  NaEssay *essay;
  g_autofree char *att_path = g_build_filename (g_get_user_data_dir (), "natoasia",
                                                "attachments.json", NULL);

  window = present_window (library, store);

  /* A file that is no PDF: said so, naming it; no essay. */
  g_assert_true (g_file_set_contents (garbage, "just some words, no PDF at all", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-essay-from-pdf-file",
                                             "s", garbage));
  na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "Could Not Open the PDF");
  dialog = na_test_find_message_dialog ("Could Not Open the PDF");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "not-a-pdf.pdf"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 0);

  /* The form comes pre-filled from the PDF's information dictionary. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-essay-from-pdf-file",
                                             "s", pdf_path));
  na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "New Essay from PDF");
  dialog = na_test_find_message_dialog ("New Essay from PDF");
  g_assert_cmpstr (gtk_editable_get_text (form_entry (dialog, "title")), ==,
                   "The Quiet Strait Papers");
  g_assert_cmpstr (gtk_editable_get_text (form_entry (dialog, "authors")), ==,
                   "Mira Okonkwo; Tomas Reyes");
  g_assert_cmpstr (gtk_editable_get_text (form_entry (dialog, "date")), ==, "2023-04-05");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  /* The same checks as New Essay from Text File: no 30 February, Add refused meanwhile. */
  gtk_editable_set_text (form_entry (dialog, "date"), "2023-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (form_entry (dialog, "date")), "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (form_entry (dialog, "date"), "2023-04-05");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (form_entry (dialog, "venue"), "Strait Review");
  na_test_save_screenshot (dialog, "pdf-annotate-new-essay-form.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");

  /* The essay is the user's, with authors and date, and its PDF shows in the Source view. */
  na_test_iterate_until (source_shows_pdf, window);
  g_assert_null (na_test_find_message_dialog ("New Essay from PDF"));
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 1);
  essay = g_list_model_get_item (na_user_store_get_essays (store), 0);
  g_object_unref (essay);  /* the store keeps it */
  g_assert_cmpstr (na_essay_get_title (essay), ==, "The Quiet Strait Papers");
  g_assert_cmpstr (na_essay_get_container_title (essay), ==, "Strait Review");
  g_assert_cmpuint (na_essay_get_authors (essay)->len, ==, 2);
  g_assert_cmpstr (((NaName *) g_ptr_array_index (na_essay_get_authors (essay), 1))->family, ==,
                   "Reyes");
  g_assert_cmpint (na_essay_get_issued (essay)->year, ==, 2023);
  g_assert_cmpint (na_essay_get_issued (essay)->month, ==, 4);
  g_assert_true (na_pdf_page_get_essay (na_window_get_pdf_page (window)) == essay);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (na_window_get_pdf_page (window))));
  na_test_iterate_until (na_test_pdf_view_idle, na_window_get_pdf_page (window));
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-annotate-new-essay.png");

  /* Attached: the window's attachments file names the PDF for the new essay. */
  g_assert_true (g_file_get_contents (att_path, &attachments, NULL, NULL));
  g_assert_nonnull (strstr (attachments, na_essay_get_id (essay)));
  g_assert_nonnull (strstr (attachments, pdf_path));

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* An encrypted PDF: the password is asked for, then the form is filled in as usual. */
static void
test_new_essay_from_locked_pdf (void)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *locked = g_build_filename (home, "locked.pdf", NULL);
  g_autoptr(NaLibrary) library = make_library ();
  NaWindow *window;
  GtkWidget *dialog;

  if (qpdf == NULL)
    {
      g_test_skip ("SKIPPED: qpdf is not installed (Debian package qpdf)");
      return;
    }
  {
    const char *argv[] = { qpdf, "--encrypt", "strait", "owner-secret", "256", "--",
                           pdf_path, locked, NULL };
    int wait_status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL,
                                 &wait_status, NULL));
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }

  window = na_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  na_window_set_library (window, library);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-essay-from-pdf-file",
                                             "s", locked));
  na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "Password Required");
  dialog = na_test_find_message_dialog ("Password Required");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "locked.pdf"));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "entry")), "strait");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "New Essay from PDF");
  dialog = na_test_find_message_dialog ("New Essay from PDF");
  g_assert_cmpstr (gtk_editable_get_text (form_entry (dialog, "title")), ==,
                   "The Quiet Strait Papers");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* attachments.json from an older version, with a highlight: when the window starts, it moves
 * into the application's user store, and shows in the Source view from there. */
static void
test_migrate_at_start_up (void)
{
  g_autoptr(NaLibrary) library = make_library ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "natoasia", NULL);
  g_autofree char *att_path = g_build_filename (dir, "attachments.json", NULL);
  g_autofree char *old = NULL;
  g_autofree char *after = NULL;
  NaUserStore *store;
  NaWindow *window;
  NaPdfPage *page;
  guint before;

  old = g_strdup_printf ("{\"format\": \"org.example.NatoAsia.attachments\", \"version\": 1,"
                         " \"attachments\": {\"strait\": {\"path\": \"%s\", \"highlights\": ["
                         "  {\"page\": 2, \"text\": \"Fishing fleets follow the patrols\","
                         "   \"note\": \"kept since last year\","
                         "   \"rects\": [[72, 126, 260, 140]]}]}}}", pdf_path);
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (att_path, old, -1, NULL));
  store = na_application_get_user_store (app);
  before = n_annotations (store);

  window = na_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  na_window_set_library (window, library);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (300);

  /* In the store (and its file), out of attachments.json, which keeps the attachment. */
  g_assert_cmpuint (n_annotations (store), ==, before + 1);
  g_assert_false (na_user_store_get_dirty (store));
  g_assert_true (g_file_get_contents (att_path, &after, NULL, NULL));
  g_assert_null (strstr (after, "Fishing fleets"));
  g_assert_nonnull (strstr (after, pdf_path));

  /* Shown in the Source view, on its page. */
  page = na_window_get_pdf_page (window);
  na_window_select_essay (window, "strait");
  show_view (window, "pdf");
  na_test_iterate_until (page_settled, page);
  na_test_iterate_until (na_test_pdf_view_idle, page);
  g_assert_true (has_label_prefix (GTK_WIDGET (page), "“Fishing fleets follow the patrols” — "
                                   "kept since last year"));
  na_test_save_screenshot (GTK_WIDGET (window), "pdf-annotate-migrated.png");

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = g_dir_make_tmp ("natoasia-pdf-annotate-XXXXXX", NULL);
  /* gtk_test_init() does not isolate the user directories: the window keeps attachments and
   * annotations there, so point them at a fresh folder before GLib caches them. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  pdf_path = g_build_filename (home, "strait.pdf", NULL);
  text_path = g_build_filename (home, "strait.md", NULL);
  write_pdf (pdf_path);
  g_assert_true (g_file_set_contents (text_path, fixture_text, -1, NULL));
  app = na_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/pdf-annotate/mark-argument-in-pdf", test_mark_argument_in_pdf);
  g_test_add_func ("/pdf-annotate/note-before-text", test_note_before_text);
  g_test_add_func ("/pdf-annotate/new-essay-from-pdf", test_new_essay_from_pdf);
  g_test_add_func ("/pdf-annotate/new-essay-from-locked-pdf", test_new_essay_from_locked_pdf);
  g_test_add_func ("/pdf-annotate/migrate-at-start-up", test_migrate_at_start_up);

  status = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", home, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  g_clear_object (&app);
  return status;
}
