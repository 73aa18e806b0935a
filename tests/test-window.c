/* test-window.c — the main window under a display: the 18 essays listed, a page shown,
 * and a screenshot saved for a person to look at (NA_SCREENSHOT_DIR). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "na-application.h"
#include "na-test-display.h"
#include "na-comparison-view.h"
#include "na-essay-row.h"
#include "na-window.h"

/* One application for the whole program, as in the real app: a second one could not export
 * its actions on the bus under the same id. */
static NaApplication *app;

static void
test_window_lists_bundled_library (void)
{
  NaWindow *window;
  GtkWidget *row = NULL;
  guint n_rows = 0;
  GListModel *essays;

  window = na_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (1500);

  essays = na_library_get_essays (na_window_get_library (window));
  g_assert_cmpuint (g_list_model_get_n_items (essays), ==, 18);

  /* The list shows rows for the essays (as many as fit), newest first. */
  row = na_test_find_mapped (GTK_WIDGET (window), NA_TYPE_ESSAY_ROW, &n_rows);
  g_assert_cmpuint (n_rows, >=, 5);
  g_assert_cmpstr (na_essay_get_id (na_essay_row_get_essay (NA_ESSAY_ROW (row))), ==,
                   "ashtakala-2023");

  /* Selecting an essay shows its page, with the title and the bibliographic facts. */
  na_window_select_essay (window, "klodkowski-2020");
  na_test_iterate (500);
  g_assert_nonnull (na_test_find_mapped (GTK_WIDGET (window), NA_TYPE_ESSAY_ROW, NULL));
  g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window),
                                           "Lessons from the Sino-Indian War of 1962"));
  g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window), "Piotr Kłodkowski"));
  g_assert_false (na_test_has_mapped_label (GTK_WIDGET (window), "No Essay Selected"));
  na_test_save_screenshot (GTK_WIDGET (window), "window-library.png");

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

static gboolean
has_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }

  return FALSE;
}

static void
test_about_and_shortcuts (void)
{
  NaWindow *window;

  window = na_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (300);

  g_assert_false (has_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  na_test_iterate (300);
  g_assert_true (has_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  /* Where to learn more and report a problem, as the AppStream metainfo says. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (!ADW_IS_ABOUT_WINDOW (toplevel))
          continue;
        g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (toplevel)), ==,
                         "https://example.org/natoasia");
        g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (toplevel)), ==,
                         "https://example.org/natoasia/issues");
      }
  }

  g_assert_false (has_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  na_test_iterate (300);
  g_assert_true (has_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));

  g_assert_cmpstr (gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                          "win.open-library")[0], ==,
                   "<Control>o");
  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* The size the user left the window at is the size it opens at next time. */
static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NaWindow *first, *second;
  int width, height;

  first = na_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (first), 777, 555);
  na_test_iterate (100);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  gtk_window_destroy (GTK_WINDOW (first));

  second = na_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  gtk_window_destroy (GTK_WINDOW (second));
  na_test_iterate (100);
}

/* Several essays selected in the sidebar (as with Ctrl+click) are offered for comparison and
 * compared, in list order; one selected again shows its page. */
static void
test_select_several (void)
{
  NaWindow *window = na_window_new (app);
  GtkSelectionModel *model;
  GtkListView *list;
  AdwViewStack *stack;
  NaComparisonView *view;
  NaComparison *cmp;
  g_autoptr(NaEssay) third = NULL;
  guint n_found = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (800);

  list = GTK_LIST_VIEW (na_test_find_essay_list (GTK_WIDGET (window)));
  g_assert_nonnull (list);
  model = gtk_list_view_get_model (list);
  g_assert_true (GTK_IS_MULTI_SELECTION (model));
  third = g_list_model_get_item (G_LIST_MODEL (model), 2);
  stack = ADW_VIEW_STACK (na_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, &n_found));

  /* One essay is nothing to compare: the action does nothing. */
  gtk_selection_model_select_item (model, 0, TRUE);
  na_test_iterate (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-selected", NULL);
  na_test_iterate (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "essay");

  /* One, then two more without dropping the first. */
  gtk_selection_model_select_item (model, 0, TRUE);
  gtk_selection_model_select_item (model, 2, FALSE);
  gtk_selection_model_select_item (model, 4, FALSE);
  na_test_iterate (300);
  g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window), "3 Essays Selected"));
  na_test_save_screenshot (GTK_WIDGET (window), "window-select-several.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-selected", NULL);
  na_test_iterate (800);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "compare");
  view = NA_COMPARISON_VIEW (na_test_find_mapped (GTK_WIDGET (window), NA_TYPE_COMPARISON_VIEW,
                                                  &n_found));
  cmp = na_comparison_view_get_comparison (view);
  g_assert_nonnull (cmp);
  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 3);

  /* Ctrl+click on two of them again: one is left, and its page shows. */
  gtk_selection_model_unselect_item (model, 0);
  gtk_selection_model_unselect_item (model, 4);
  adw_view_stack_set_visible_child_name (stack, "essay");
  na_test_iterate (300);
  g_assert_false (na_test_has_mapped_label (GTK_WIDGET (window), "3 Essays Selected"));
  g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window), na_essay_get_title (third)));

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

static guint
n_app_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static GtkWidget *
library_error_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)),
                        "Could Not Open Library") == 0)
        return w;
    }
  return NULL;
}

static gboolean
library_error_shown (gpointer data)
{
  return library_error_dialog () != NULL;
}

static gboolean
has_n_windows (gpointer n)
{
  return n_app_windows () == GPOINTER_TO_UINT (n);
}

/* The window the error is over: the only one, showing the bundled library, not an empty one. */
static NaWindow *
check_error_over_library (const char *screenshot)
{
  GtkWidget *dialog;
  NaWindow *window;

  na_test_iterate_until (library_error_shown, NULL);
  na_test_iterate (500);
  g_assert_cmpuint (n_app_windows (), ==, 1);
  window = NA_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  dialog = library_error_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "broken.json"));
  g_assert_nonnull (na_window_get_library (window));
  g_assert_cmpuint (g_list_model_get_n_items (na_library_get_essays (
                      na_window_get_library (window))), ==, 18);
  g_assert_false (na_test_has_mapped_label (GTK_WIDGET (window), "No Essays"));
  g_assert_nonnull (na_test_find_mapped (GTK_WIDGET (window), NA_TYPE_ESSAY_ROW, NULL));
  if (screenshot != NULL)
    na_test_save_screenshot (dialog, screenshot);
  gtk_window_destroy (GTK_WINDOW (dialog));
  return window;
}

/* `natoasia broken.json`, at start or sent to the running application: the error shows over
 * a window with a library in it, never over a new, empty window; a good file still gets a
 * window of its own. */
static void
test_open_broken_library (void)
{
  g_autofree char *dir = g_dir_make_tmp ("natoasia-open-XXXXXX", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.json", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GBytes) bundled = g_resources_lookup_data ("/org/example/NatoAsia/library/"
                                                       "natoasia-library.json", 0, NULL);
  NaWindow *window;

  g_assert_true (g_file_set_contents (broken_path, "{ \"essays\": [ {", -1, NULL));
  g_assert_nonnull (bundled);
  g_assert_true (g_file_set_contents (good_path, g_bytes_get_data (bundled, NULL),
                                      g_bytes_get_size (bundled), NULL));
  g_assert_cmpuint (n_app_windows (), ==, 0);

  /* At start, no window yet: the window the application would open anyway, with the error. */
  g_application_open (G_APPLICATION (app), &broken, 1, "");
  window = check_error_over_library ("window-broken-library.png");

  /* Sent to the running application: the error over the window there, no other window. */
  g_application_open (G_APPLICATION (app), &broken, 1, "");
  g_assert_true (check_error_over_library (NULL) == window);

  /* A library that reads well opens in a window of its own, as before. */
  g_application_open (G_APPLICATION (app), &good, 1, "");
  na_test_iterate_until (has_n_windows, GUINT_TO_POINTER (2));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    g_assert_nonnull (na_window_get_library (l->data));
  g_assert_null (library_error_dialog ());

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  na_test_iterate (100);
  g_unlink (broken_path);
  g_unlink (good_path);
  g_rmdir (dir);
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

  g_test_add_func ("/window/lists-bundled-library", test_window_lists_bundled_library);
  g_test_add_func ("/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/select-several", test_select_several);
  g_test_add_func ("/window/open-broken-library", test_open_broken_library);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
