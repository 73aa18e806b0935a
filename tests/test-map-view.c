/* test-map-view.c — the map page under a display: it opens on the Asia-Pacific with the
 * bundled library's figures, lists the countries, picks one by pointer position, lists what
 * the essays say about it and opens the reader from there; saves screenshots (light, dark) */
#include "config.h"

#include <adwaita.h>

#include "na-application.h"
#include "na-test-display.h"
#include "na-map-canvas.h"
#include "na-cli-map.h"
#include "na-comparison-view.h"
#include "na-map-view.h"
#include "na-user-store.h"
#include "na-window.h"

/* The list of a country's items: the list view whose first row is an essay heading. */
static GtkListView *
find_item_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
      g_autoptr(GObject) first = model ? g_list_model_get_item (model, 0) : NULL;

      if (NA_IS_ESSAY (first))
        return GTK_LIST_VIEW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_item_list (child);

      if (found)
        return found;
    }

  return NULL;
}

/* The list of countries: the list view of country codes (not of a drop-down's choices). */
static GListModel *
find_country_codes (GtkWidget  *widget,
                    NaWorldMap *map)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
      g_autoptr(GObject) first = model ? g_list_model_get_item (model, 0) : NULL;
      const char *code = GTK_IS_STRING_OBJECT (first)
                         ? gtk_string_object_get_string (GTK_STRING_OBJECT (first)) : NULL;

      if (code != NULL && na_world_map_lookup_code (map, code) >= 0)
        return model;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GListModel *found = find_country_codes (child, map);

      if (found)
        return found;
    }

  return NULL;
}

/* The country list goes from the most arguments to the fewest, countries with as many in the
 * alphabetical order of the names it shows (not of their codes); there are such ties. */
static void
assert_countries_by_name (NaWindow    *window,
                          NaMapCanvas *canvas,
                          GtkWidget   *view)
{
  NaWorldMap *map = na_map_canvas_get_map (canvas);
  GListModel *codes = find_country_codes (view, map);
  g_autoptr(NaMapFigures) figures = na_map_figures_new (na_window_get_library (window), NULL);
  guint n_ties = 0;

  g_assert_nonnull (codes);
  g_assert_cmpuint (g_list_model_get_n_items (codes), >, 2);
  for (guint i = 1; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(GtkStringObject) a = g_list_model_get_item (codes, i - 1);
      g_autoptr(GtkStringObject) b = g_list_model_get_item (codes, i);
      const char *ca = gtk_string_object_get_string (a), *cb = gtk_string_object_get_string (b);
      guint va = na_map_figures_get_value (figures, ca, NA_MAP_METRIC_ARGUMENTS);
      guint vb = na_map_figures_get_value (figures, cb, NA_MAP_METRIC_ARGUMENTS);
      const char *na = na_world_map_get_name_for_code (map, ca);
      const char *nb = na_world_map_get_name_for_code (map, cb);

      g_assert_cmpuint (va, >=, vb);
      if (va != vb || na == NULL || nb == NULL)
        continue;
      n_ties++;
      if (g_utf8_collate (na, nb) > 0)
        g_error ("%s (%s) listed before %s (%s), with as many arguments", na, ca, nb, cb);
    }
  g_assert_cmpuint (n_ties, >, 0);
}

/* Widget coordinates of a longitude and latitude on the canvas. */
static void
canvas_point (NaMapCanvas *canvas,
              double       longitude,
              double       latitude,
              double      *x,
              double      *y)
{
  double mx, my;

  na_map_project (longitude, latitude, &mx, &my);
  na_map_viewport_from_map (na_map_canvas_get_viewport (canvas), mx, my, x, y);
}

/* One application for all cases: it can register only once per process. */
static NaApplication *app;

static void
test_map_view (void)
{
  NaWindow *window;
  AdwViewStack *stack;
  NaMapView *view;
  NaMapCanvas *canvas;
  GtkWidget *essay_page;
  double x, y;
  int index;

  window = na_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));

  stack = ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  view = NA_MAP_VIEW (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_MAP_VIEW));
  canvas = NA_MAP_CANVAS (na_test_find_widget (GTK_WIDGET (view), NA_TYPE_MAP_CANVAS));
  adw_view_stack_set_visible_child_name (stack, "map");

  /* The countries load in a thread. */
  for (guint i = 0; i < 200 && na_map_canvas_get_map (canvas) == NULL; i++)
    na_test_iterate (50);
  for (guint i = 0; i < 100 && na_map_canvas_get_viewport (canvas)->width < 1; i++)
    na_test_iterate (50);
  na_test_iterate (300);
  g_assert_nonnull (na_map_canvas_get_map (canvas));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (canvas)));
  g_assert_true (na_map_view_get_library (view) == na_window_get_library (window));

  /* It opens on the Asia-Pacific: Tokyo, Canberra and Singapore are on screen. */
  canvas_point (canvas, 139.7, 35.7, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (canvas)));
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (canvas)));
  index = na_map_canvas_pick (canvas, x, y);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpstr (na_world_map_get_code (na_map_canvas_get_map (canvas), index), ==, "JPN");
  canvas_point (canvas, 149.13, -35.28, &x, &y);
  index = na_map_canvas_pick (canvas, x, y);
  g_assert_cmpstr (na_world_map_get_code (na_map_canvas_get_map (canvas), index), ==, "AUS");
  canvas_point (canvas, 103.82, 1.35, &x, &y);
  index = na_map_canvas_pick (canvas, x, y);
  g_assert_cmpstr (na_world_map_get_code (na_map_canvas_get_map (canvas), index), ==, "SGP");

  /* The country list gives the figures in words; China, the most discussed, is listed. */
  g_assert_true (na_test_wait_for_label (GTK_WIDGET (view), "China"));
  g_assert_true (na_test_wait_for_label (GTK_WIDGET (view), "Arguments concerning the country"));
  assert_countries_by_name (window, canvas, GTK_WIDGET (view));
  na_test_save_screenshot (GTK_WIDGET (window), "map-view.png");

  /* Picking Japan lists what the essays say about it, grouped by essay. */
  na_map_view_select_country (view, "JPN");
  na_test_iterate (400);
  g_assert_cmpstr (na_map_canvas_get_selected_code (canvas), ==, "JPN");
  g_assert_true (na_test_wait_for_label (GTK_WIDGET (view), "Japan"));
  g_assert_true (na_test_wait_for_label (GTK_WIDGET (view), "Argument"));
  na_test_save_screenshot (GTK_WIDGET (window), "map-view-japan.png");

  /* Zooming keeps the point under the centre, and reset returns to the Asia-Pacific. */
  {
    double scale = na_map_canvas_get_viewport (canvas)->scale;

    gtk_widget_activate_action (GTK_WIDGET (view), "map.zoom-in", NULL);
    g_assert_cmpfloat_with_epsilon (na_map_canvas_get_viewport (canvas)->scale, scale * 1.25,
                                    1e-6 * scale);
    gtk_widget_activate_action (GTK_WIDGET (view), "map.reset", NULL);
    g_assert_cmpfloat_with_epsilon (na_map_canvas_get_viewport (canvas)->scale, scale,
                                    1e-6 * scale);
  }

  /* The keyboard: the canvas takes focus, shows it, and its actions (bound to the arrow keys
   * and +/−/0) pan and zoom. */
  {
    double cx = na_map_canvas_get_viewport (canvas)->center_x;
    double scale = na_map_canvas_get_viewport (canvas)->scale;

    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (canvas)));
    gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
    gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.pan", "(dd)", 1.0, 0.0);
    g_assert_cmpfloat (na_map_canvas_get_viewport (canvas)->center_x, >, cx);
    gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom", "d", 0.8);
    g_assert_cmpfloat (na_map_canvas_get_viewport (canvas)->scale, <, scale);
    na_test_iterate (300);
    na_test_save_screenshot (GTK_WIDGET (window), "map-view-keyboard.png");
    gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.reset", NULL);
    g_assert_cmpfloat_with_epsilon (na_map_canvas_get_viewport (canvas)->scale, scale,
                                    1e-6 * scale);
  }

  /* Dark mode redraws with the dark palette. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  na_test_iterate (400);
  na_test_save_screenshot (GTK_WIDGET (window), "map-view-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Activating an item of the side list opens the reader on its essay. */
  {
    GtkListView *items = find_item_list (GTK_WIDGET (view));
    GListModel *model;
    g_autoptr(GObject) header = NULL;
    g_autoptr(GObject) item = NULL;
    NaEssay *essay;

    g_assert_nonnull (items);
    model = G_LIST_MODEL (gtk_list_view_get_model (items));
    g_assert_cmpuint (g_list_model_get_n_items (model), >, 2);
    header = g_list_model_get_item (model, 0);
    item = g_list_model_get_item (model, 1);
    g_assert_true (NA_IS_ESSAY (header));
    g_assert_true (NA_IS_ARGUMENT (item));
    essay = na_library_lookup_essay (na_window_get_library (window),
                                     na_argument_get_essay_id (NA_ARGUMENT (item)));
    g_assert_true (essay == NA_ESSAY (header));

    /* The header is not an item: activating it leaves the map shown. */
    g_signal_emit_by_name (items, "activate", 0);
    na_test_iterate (200);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "map");

    g_signal_emit_by_name (items, "activate", 1);
    na_test_iterate (500);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "essay");
    essay_page = adw_view_stack_get_visible_child (stack);
    g_assert_true (gtk_widget_get_mapped (essay_page));
    g_assert_true (na_test_wait_for_label (essay_page, na_essay_get_title (essay)));
    g_assert_true (na_map_view_get_essay (view) == essay);

    /* Mapping only the selected essay: its title names the selection. */
    adw_view_stack_set_visible_child_name (stack, "map");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (na_test_find_widget (GTK_WIDGET (view),
                                                                    GTK_TYPE_DROP_DOWN)), 1);
    na_test_iterate (300);
    {
      g_autofree char *title = na_essay_dup_full_title (essay);

      g_assert_true (na_test_wait_for_label (GTK_WIDGET (view), title));
      g_assert_false (na_test_has_mapped_label (GTK_WIDGET (view), "Whole library (18 essays)"));
    }
    na_test_save_screenshot (GTK_WIDGET (window), "map-view-essay.png");

    /* "Compared Essays" maps what the comparison view compares, as the window tells it. */
    {
      const char *compared[] = { "burton-2020", "jenne-2020", NULL };
      NaComparisonView *comparison_view =
        NA_COMPARISON_VIEW (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_COMPARISON_VIEW));
      g_autofree char *expected = NULL;

      na_comparison_view_choose_essays (comparison_view, compared);
      na_test_iterate (300);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (na_test_find_widget (GTK_WIDGET (view),
                                                                      GTK_TYPE_DROP_DOWN)), 2);
      na_test_iterate (300);
      expected = na_map_describe_selection (na_window_get_library (window), compared);
      g_assert_true (na_test_wait_for_label (GTK_WIDGET (view), expected));
    }
  }

  /* Narrowed, the window folds the country list away so the map stays visible, and picking
   * a country brings the list out over it. */
  {
    AdwFlap *flap = ADW_FLAP (na_test_find_widget (GTK_WIDGET (view), ADW_TYPE_FLAP));

    adw_view_stack_set_visible_child_name (stack, "map");
    gtk_window_set_default_size (GTK_WINDOW (window), 640, 700);
    for (guint i = 0; i < 50 && !adw_flap_get_folded (flap); i++)
      na_test_iterate (100);
    na_test_iterate (300);
    g_assert_true (adw_flap_get_folded (flap));
    g_assert_false (adw_flap_get_reveal_flap (flap));
    na_test_save_screenshot (GTK_WIDGET (window), "map-view-narrow.png");
    na_map_view_select_country (view, "AUS");
    g_assert_true (adw_flap_get_reveal_flap (flap));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* The countries of the user's own arguments are mapped too, and leave the map on undo. */
static void
test_map_user_analysis (void)
{
  g_autofree char *dir = g_dir_make_tmp ("natoasia-map-user-XXXXXX", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaAnnotation) mine = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  const char *chile[] = { "CHL", NULL };
  NaWindow *window = na_window_new (app);
  NaMapView *view;
  AdwViewStack *stack;

  na_window_set_user_store (window, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  stack = ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  view = NA_MAP_VIEW (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_MAP_VIEW));
  adw_view_stack_set_visible_child_name (stack, "map");
  g_assert_true (na_map_view_get_user_store (view) == store);
  g_assert_true (na_test_wait_for_label (GTK_WIDGET (view), "China"));
  /* No bundled essay names Chile. */
  g_assert_false (na_test_has_mapped_label (GTK_WIDGET (view), "Chile"));

  na_annotation_set_essay_id (mine, "lorenz-2020");
  na_annotation_set_question_id (mine, "q-partners");
  na_annotation_set_stance (mine, NA_STANCE_SUPPORTS);
  na_annotation_set_claim (mine, "Chile belongs among the partners too.");
  na_annotation_set_countries (mine, chile);
  na_user_store_add_annotation (store, mine);
  g_assert_true (na_test_wait_for_label (GTK_WIDGET (view), "Chile"));
  na_map_view_select_country (view, "CHL");
  g_assert_true (na_test_wait_for_label (GTK_WIDGET (view),
                                         "Chile belongs among the partners too."));
  /* The side panel slides over from the country list; a busy machine takes its time. */
  for (guint i = 0; i < 50 && na_test_has_mapped_label (GTK_WIDGET (view), "China"); i++)
    na_test_iterate (100);
  na_test_save_screenshot (GTK_WIDGET (window), "map-view-user-argument.png");

  g_assert_true (na_user_store_undo (store));
  na_test_iterate (500);
  g_assert_false (na_test_has_mapped_label (GTK_WIDGET (view),
                                            "Chile belongs among the partners too."));

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
  na_user_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  na_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = na_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_test_add_func ("/map-view/opens-on-asia-pacific", test_map_view);
  g_test_add_func ("/map-view/user-analysis", test_map_user_analysis);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
