/* test-layout.c — the main window's layout under a display, on the bundled library: every view
 * fits a phone, 360 px wide; the header's Read button only where reading applies; no text
 * selected that the user did not select. Screenshots saved for a person to look at
 * (NA_SCREENSHOT_DIR). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "na-application.h"
#include "na-pdf-page.h"
#include "na-reader.h"
#include "na-test-display.h"
#include "na-test-pdf.h"
#include "na-window.h"

/* GNOME's narrowest window: a phone's. */
#define PHONE_WIDTH 360

/* One application for all cases: it can register only once per process. */
static NaApplication *app;

/* A text to attach (our own words): the reader only needs something to show. */
static const char fixture_text[] =
  "A Fixture Text\n\n"
  "Harbours along the strait keep their lights on all night, and the ships that pass them "
  "are counted by volunteers who write the numbers on a board by the quay.\n";

/* The first widget inside @widget whose action is @action_name. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_actionable (c, action_name);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
text_attached (gpointer window)
{
  return na_user_store_get_attachment (na_window_get_user_store (window), "klodkowski-2020",
                                       NULL) != NULL;
}

/* Attaching a text opens the reader once the text is read, in a worker thread. */
static gboolean
reader_shown (gpointer window)
{
  return na_test_find_mapped (window, NA_TYPE_READER, NULL) != NULL;
}

static void
show_view (NaWindow   *window,
           const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window),
                                                             ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, name);
  na_test_iterate (200);
}

/* A window on the bundled library, an essay with a text attached, its reader open. */
static NaWindow *
open_window_reading (int width)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "fixture.txt", NULL);
  NaWindow *window = na_window_new (app);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, fixture_text, -1, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (600);
  g_assert_nonnull (na_window_get_user_store (window));
  na_window_select_essay (window, "klodkowski-2020");
  na_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.attach-file", "s", path));
  na_test_iterate_until (text_attached, window);
  na_test_iterate_until (reader_shown, window);
  na_test_iterate (300);
  return window;
}

/* The window, as it is now, can be no wider than a phone and is not: saved as @name. */
static void
assert_fits_phone (NaWindow   *window,
                   const char *name)
{
  int min = 0;

  na_test_iterate (300);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d", name, min);
  g_assert_cmpint (min, <=, PHONE_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, PHONE_WIDTH);
  na_test_save_screenshot (GTK_WIDGET (window), name);
}

/* The longest question's title, chosen in the sidebar's filter. */
static void
filter_longest_question (NaWindow *window)
{
  GtkWidget *sidebar = gtk_widget_get_ancestor (na_test_find_essay_list (GTK_WIDGET (window)),
                                                GTK_TYPE_BOX);
  GtkDropDown *sort = GTK_DROP_DOWN (na_test_find_widget (sidebar, GTK_TYPE_DROP_DOWN));
  GtkDropDown *questions = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (sort)));
  GListModel *titles = gtk_drop_down_get_model (questions);
  guint longest = 0;
  gsize length = 0;

  for (guint i = 0; i < g_list_model_get_n_items (titles); i++)
    {
      const char *title = gtk_string_list_get_string (GTK_STRING_LIST (titles), i);

      if (strlen (title) > length)
        {
          length = strlen (title);
          longest = i;
        }
    }
  g_assert_cmpuint (length, >, 60);
  gtk_drop_down_set_selected (questions, longest);
}

/* Every view at 360 px: the Essay view (the sidebar over it, a long question chosen; the
 * essay's page, its Read button; the reader), Source (nothing attached, then a PDF), Compare
 * and Map. The window's minimum width stays within a phone's in each. */
static void
test_views_fit_phone (void)
{
  g_autofree char *pdf_path = g_build_filename (g_get_user_data_dir (), "fixture.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  NaWindow *window = open_window_reading (PHONE_WIDTH);
  NaPdfPage *page = na_window_get_pdf_page (window);
  GtkWidget *header = na_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkToggleButton *sidebar_button;
  NaReader *reader;

  assert_fits_phone (window, "layout-phone-reader.png");
  /* The list of items, folded away, comes over the text. */
  reader = NA_READER (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_READER));
  g_assert_false (na_reader_get_reveal_items (reader));
  na_reader_set_reveal_items (reader, TRUE);
  assert_fits_phone (window, "layout-phone-reader-items.png");
  na_reader_set_reveal_items (reader, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-essay", NULL);
  na_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (find_actionable (header, "win.read")));
  assert_fits_phone (window, "layout-phone-essay.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  filter_longest_question (window);
  assert_fits_phone (window, "layout-phone-sidebar.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);

  show_view (window, "pdf");
  assert_fits_phone (window, "layout-phone-source-empty.png");
  na_test_pdf_write_fixture (pdf_path);
  na_pdf_page_attach_file (page, pdf);
  na_test_iterate_until (na_test_pdf_page_settled, page);
  na_test_iterate_until (na_test_pdf_view_idle, page);
  g_assert_cmpstr (na_pdf_page_get_state (page), ==, "view");
  assert_fits_phone (window, "layout-phone-source.png");
  /* The sidebar, folded away, comes over the pages. */
  sidebar_button = GTK_TOGGLE_BUTTON (na_test_find_widget (GTK_WIDGET (page),
                                                         GTK_TYPE_TOGGLE_BUTTON));
  g_assert_false (gtk_toggle_button_get_active (sidebar_button));
  gtk_toggle_button_set_active (sidebar_button, TRUE);
  assert_fits_phone (window, "layout-phone-source-sidebar.png");
  gtk_toggle_button_set_active (sidebar_button, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-listed", NULL);
  na_test_iterate (500);
  assert_fits_phone (window, "layout-phone-compare.png");

  show_view (window, "map");
  assert_fits_phone (window, "layout-phone-map.png");

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* "Read" shows on the page of an essay with an attached text, in the Essay view only: not in
 * Source, Compare or Map, where it did nothing useful, nor in the reader itself. */
static void
test_read_button_follows_view (void)
{
  NaWindow *window = open_window_reading (1100);
  GtkWidget *header = na_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *read = find_actionable (header, "win.read");

  g_assert_nonnull (read);
  /* Attaching opened the reader. */
  g_assert_false (gtk_widget_get_visible (read));
  /* Back from reading, the focus is on Read, not on the essay's selectable title. */
  gtk_widget_grab_focus (na_test_find_widget (na_test_find_widget (GTK_WIDGET (window),
                                                                   NA_TYPE_READER),
                                              GTK_TYPE_TEXT_VIEW));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-essay", NULL);
  na_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (read));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == read);

  show_view (window, "pdf");
  g_assert_false (gtk_widget_get_visible (read));
  show_view (window, "compare");
  g_assert_false (gtk_widget_get_visible (read));
  show_view (window, "map");
  g_assert_false (gtk_widget_get_visible (read));
  show_view (window, "essay");
  g_assert_true (gtk_widget_get_visible (read));

  /* An essay with nothing attached has nothing to read. */
  na_window_select_essay (window, "ashtakala-2023");
  na_test_iterate (200);
  g_assert_false (gtk_widget_get_visible (read));
  na_window_select_essay (window, "klodkowski-2020");
  na_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (read));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.read", NULL);
  na_test_iterate (200);
  g_assert_false (gtk_widget_get_visible (read));

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* The selectable label inside @widget that has a selection, if any. */
static GtkWidget *
find_selected_label (GtkWidget *widget)
{
  int start, end;

  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget))
      && gtk_label_get_selection_bounds (GTK_LABEL (widget), &start, &end))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_selected_label (c);

      if (found)
        return found;
    }
  return NULL;
}

static void
grab_focus_on_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget))
      && gtk_widget_get_mapped (widget))
    g_assert_true (gtk_widget_grab_focus (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    grab_focus_on_labels (c);
}

/* The focus lands on the essay page's selectable labels when the view it was in goes away,
 * or when a dialog closes: their text stays unselected, and they stay focusable. */
static void
test_focus_selects_nothing (void)
{
  NaWindow *window = na_window_new (app);
  GtkWidget *stack, *focus;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (600);
  na_window_select_essay (window, "klodkowski-2020");
  na_test_iterate (300);
  stack = na_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  /* The focus in the Map view, then the Essay view: the stack focuses its first label. */
  show_view (window, "map");
  g_assert_true (gtk_widget_grab_focus (na_test_find_mapped (stack, GTK_TYPE_TOGGLE_BUTTON,
                                                             NULL)));
  show_view (window, "essay");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LABEL (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, stack));
  g_assert_null (find_selected_label (GTK_WIDGET (window)));

  /* Each label given the focus, as GTK does when a dialog closes. */
  grab_focus_on_labels (stack);
  na_test_iterate (100);
  g_assert_null (find_selected_label (GTK_WIDGET (window)));
  na_test_save_screenshot (GTK_WIDGET (window), "layout-label-focus.png");

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  na_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = na_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/layout/views-fit-phone", test_views_fit_phone);
  g_test_add_func ("/layout/read-button-follows-view", test_read_button_follows_view);
  g_test_add_func ("/layout/focus-selects-nothing", test_focus_selects_nothing);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
