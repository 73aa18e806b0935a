/* test-window.c — the main window under a display: the 18 essays listed, a page shown,
 * and a screenshot saved for a person to look at (NA_SCREENSHOT_DIR). */
#include "config.h"

#include <adwaita.h>

#include "na-application.h"
#include "na-comparison-view.h"
#include "na-essay-row.h"
#include "na-window.h"

static void
iterate (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type,
                    guint     *count)
{
  GtkWidget *found = NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    {
      (*count)++;
      found = widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *f = find_child_of_type (child, type, count);

      if (found == NULL)
        found = f;
    }

  return found;
}

/* Whether a label showing exactly @text is on screen inside @widget. */
static gboolean
has_mapped_label (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_mapped_label (child, text))
      return TRUE;

  return FALSE;
}

/* Renders @widget as it is on screen and writes a PNG, so a person can look at it. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("NA_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  if (dir == NULL)
    return;

  /* A widget waiting for its layout draws nothing: wait for the frame rather than a fixed time
   * (slow under AddressSanitizer). */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      g_autoptr(GtkSnapshot) attempt = gtk_snapshot_new ();

      if (tries > 0)
        iterate (100);
      gdk_paintable_snapshot (paintable, attempt, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&attempt));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

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
  iterate (1500);

  essays = na_library_get_essays (na_window_get_library (window));
  g_assert_cmpuint (g_list_model_get_n_items (essays), ==, 18);

  /* The list shows rows for the essays (as many as fit), newest first. */
  row = find_child_of_type (GTK_WIDGET (window), NA_TYPE_ESSAY_ROW, &n_rows);
  g_assert_cmpuint (n_rows, >=, 5);
  g_assert_cmpstr (na_essay_get_id (na_essay_row_get_essay (NA_ESSAY_ROW (row))), ==,
                   "ashtakala-2023");

  /* Selecting an essay shows its page, with the title and the bibliographic facts. */
  na_window_select_essay (window, "klodkowski-2020");
  iterate (500);
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "An India-NATO Alliance?"));
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "Lessons from the Sino-Indian War of 1962"));
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "Piotr Kłodkowski"));
  g_assert_false (has_mapped_label (GTK_WIDGET (window), "No Essay Selected"));
  save_screenshot (GTK_WIDGET (window), "window-library.png");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (100);
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
  iterate (300);

  g_assert_false (has_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate (300);
  g_assert_true (has_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));

  g_assert_false (has_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  iterate (300);
  g_assert_true (has_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));

  g_assert_cmpstr (gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                          "win.open-library")[0], ==,
                   "<Control>o");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (100);
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
  iterate (100);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  gtk_window_destroy (GTK_WINDOW (first));

  second = na_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  gtk_window_destroy (GTK_WINDOW (second));
  iterate (100);
}

/* The sidebar's essay list (the list whose rows are essays). */
static GtkListView *
find_essay_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkListItemFactory *factory = gtk_list_view_get_factory (GTK_LIST_VIEW (widget));

      if (GTK_IS_BUILDER_LIST_ITEM_FACTORY (factory) &&
          g_strcmp0 (gtk_builder_list_item_factory_get_resource (
                       GTK_BUILDER_LIST_ITEM_FACTORY (factory)),
                     "/org/example/NatoAsia/na-essay-row-item.ui") == 0)
        return GTK_LIST_VIEW (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_essay_list (child);

      if (found)
        return found;
    }
  return NULL;
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
  iterate (800);

  list = find_essay_list (GTK_WIDGET (window));
  g_assert_nonnull (list);
  model = gtk_list_view_get_model (list);
  g_assert_true (GTK_IS_MULTI_SELECTION (model));
  third = g_list_model_get_item (G_LIST_MODEL (model), 2);
  stack = ADW_VIEW_STACK (find_child_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, &n_found));

  /* One essay is nothing to compare: the action does nothing. */
  gtk_selection_model_select_item (model, 0, TRUE);
  iterate (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-selected", NULL);
  iterate (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "essay");

  /* One, then two more without dropping the first. */
  gtk_selection_model_select_item (model, 0, TRUE);
  gtk_selection_model_select_item (model, 2, FALSE);
  gtk_selection_model_select_item (model, 4, FALSE);
  iterate (300);
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "3 Essays Selected"));
  save_screenshot (GTK_WIDGET (window), "window-select-several.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-selected", NULL);
  iterate (800);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "compare");
  view = NA_COMPARISON_VIEW (find_child_of_type (GTK_WIDGET (window), NA_TYPE_COMPARISON_VIEW,
                                                 &n_found));
  cmp = na_comparison_view_get_comparison (view);
  g_assert_nonnull (cmp);
  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 3);

  /* Ctrl+click on two of them again: one is left, and its page shows. */
  gtk_selection_model_unselect_item (model, 0);
  gtk_selection_model_unselect_item (model, 4);
  adw_view_stack_set_visible_child_name (stack, "essay");
  iterate (300);
  g_assert_false (has_mapped_label (GTK_WIDGET (window), "3 Essays Selected"));
  g_assert_true (has_mapped_label (GTK_WIDGET (window), na_essay_get_title (third)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("natoasia-window-XXXXXX", NULL);
  int status;

  /* Never the developer's own annotations: XDG at a fresh directory before GLib caches it. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = na_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/lists-bundled-library", test_window_lists_bundled_library);
  g_test_add_func ("/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/select-several", test_select_several);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
