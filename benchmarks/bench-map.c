/* bench-map.c — `natoasia-bench map`: decoding the bundled countries, drawing one full
 * 1920×1080 frame with the cairo renderer (goal ≤ 8 ms) and one hit test (goal ≤ 50 µs).
 * `natoasia-bench map FILE.png` also saves the frames drawn, to look at. */
#include "config.h"

#include <stdio.h>

#include "na-world-map.h"
#include "natoasia-bench.h"

#define FRAME_GOAL_MS 8.0
#define HIT_GOAL_US 50.0

static double
time_frame (NaWorldMap          *map,
            cairo_surface_t     *surface,
            const NaMapViewport *viewport,
            NaMapFigures        *figures,
            const NaMapPalette  *palette)
{
  double start = bench_now_ms ();

  na_world_map_render (map, surface, viewport, figures, NA_MAP_METRIC_ARGUMENTS, palette);
  return bench_now_ms () - start;
}

static void
report (const char *what,
        double      value,
        const char *unit,
        double      goal)
{
  printf ("%-44s %9.3f %s   (goal ≤ %g %s: %s)\n", what, value, unit, goal, unit,
          value <= goal ? "met" : "NOT met");
}

int
bench_map (int    argc,
           char **argv)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NaTopology) topology = NULL;
  g_autoptr(NaWorldMap) map = NULL;
  g_autoptr(NaLibrary) library = NULL;
  g_autoptr(NaMapFigures) figures = NULL;
  g_autoptr(GArray) decode = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  /* Frames as the window draws them (na_world_map_render), on the view it opens on and on
   * the whole world, which has the most countries in sight. */
  const struct { const char *name; gboolean world; } views[] = {
    { "frame 1920×1080, Asia-Pacific (median of 30)", FALSE },
    { "frame 1920×1080, whole world (median of 30)", TRUE },
  };
  cairo_surface_t *surface;
  NaMapPalette palette;
  gboolean all_met = TRUE;

  bytes = g_resources_lookup_data (NA_WORLD_MAP_RESOURCE, 0, &error);
  library = na_library_new_bundled (&error);
  g_assert_no_error (error);
  figures = na_map_figures_new (library, NULL);

  for (guint i = 0; i < 5; i++)
    {
      double t0 = bench_now_ms (), t1;

      g_clear_pointer (&topology, na_topology_free);
      topology = na_topology_new_from_bytes (bytes, "countries", &error);
      g_assert_no_error (error);
      t1 = bench_now_ms ();
      g_clear_pointer (&map, na_world_map_unref);
      map = na_world_map_new (topology);
      g_array_append_val (decode, (double) { t1 - t0 });
      g_array_append_val (build, (double) { bench_now_ms () - t1 });
    }

  printf ("countries-50m.json: %u geometries, %u arcs; %u map countries, %u projected points\n",
          na_topology_get_n_geometries (topology), na_topology_get_n_arcs (topology),
          na_world_map_get_n_countries (map), na_world_map_get_n_points (map));
  printf ("%-44s %9.3f ms\n", "decode TopoJSON (median of 5)", bench_median (decode));
  printf ("%-44s %9.3f ms\n", "project, build paths (median of 5, once)", bench_median (build));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  na_map_palette_init (&palette, FALSE);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
      NaMapViewport viewport;
      double median;

      if (views[v].world)
        na_map_viewport_fit (&viewport, 1920, 1080, -29.9, -90, 329.9, 90);
      else
        na_map_viewport_fit_asia_pacific (&viewport, 1920, 1080);

      time_frame (map, surface, &viewport, figures, &palette);   /* warm-up */
      for (guint i = 0; i < 30; i++)
        g_array_append_val (frames, (double) { time_frame (map, surface, &viewport, figures,
                                                           &palette) });
      median = bench_median (frames);
      report (views[v].name, median, "ms", FRAME_GOAL_MS);
      all_met &= median <= FRAME_GOAL_MS;

      if (argc > 1)
        {
          g_autofree char *path = g_strdup_printf ("%s-%u.png", argv[1], v);

          cairo_surface_write_to_png (surface, path);
          printf ("  saved %s\n", path);
        }
    }

  /* Hit tests over a grid of the Asia-Pacific view, land and sea alike, at its scale. */
  {
    NaMapViewport viewport;
    const guint n = 100;
    guint hits = 0;
    double start, per_test_us;

    na_map_viewport_fit_asia_pacific (&viewport, 1920, 1080);
    start = bench_now_ms ();
    for (guint rep = 0; rep < 10; rep++)
      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < n; j++)
          {
            double mx, my;

            na_map_viewport_to_map (&viewport, 1920.0 * i / n, 1080.0 * j / n, &mx, &my);
            hits += na_world_map_hit_test (map, mx, my, viewport.scale) >= 0;
          }
    per_test_us = (bench_now_ms () - start) * 1000 / (10 * n * n);
    printf ("(%u of %u grid points on land)\n", hits / 10, n * n);
    report ("hit test (mean over a 100×100 grid)", per_test_us, "µs", HIT_GOAL_US);
    all_met &= per_test_us <= HIT_GOAL_US;
  }

  cairo_surface_destroy (surface);
  printf ("all goals: %s\n", all_met ? "met" : "NOT met");
  return 0;
}
