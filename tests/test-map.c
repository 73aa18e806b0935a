/* test-map.c — the map's core without a display: TopoJSON decoding (fixtures written here and
 * the vendored Natural Earth file), the Equal Earth projection, hit-testing, the choropleth
 * figures of a fixture library, and natoasia --export-map writing PNG and SVG */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "na-map-figures.h"
#include "na-projection.h"
#include "na-topojson.h"
#include "na-world-map.h"
#include "na-user-store.h"

/* Two squares sharing an edge (arc 1, used reversed by the second), and a multipolygon whose
 * first polygon has a hole; quantized (scale 0.5 × 0.25, translate 100, −10), delta-encoded. */
static const char quantized_fixture[] =
  "{\"type\":\"Topology\","
  " \"transform\":{\"scale\":[0.5,0.25],\"translate\":[100,-10]},"
  " \"objects\":{\"shapes\":{\"type\":\"GeometryCollection\",\"geometries\":["
  "   {\"type\":\"Polygon\",\"id\":\"392\",\"properties\":{\"name\":\"East\"},\"arcs\":[[0,1]]},"
  "   {\"type\":\"Polygon\",\"id\":36,\"properties\":{\"name\":\"West\"},\"arcs\":[[2,-2]]},"
  "   {\"type\":\"MultiPolygon\",\"properties\":{\"name\":\"Holed\"},"
  "    \"arcs\":[[[3],[4]],[[5]]]},"
  "   {\"type\":null,\"properties\":{\"name\":\"Nothing\"}}]}},"
  " \"arcs\":["
  "   [[0,0],[20,0],[0,40],[-20,0]],"
  "   [[0,40],[0,-40]],"
  "   [[0,40],[-20,0],[0,-40],[20,0]],"
  "   [[40,0],[20,0],[0,40],[-20,0],[0,-40]],"
  "   [[48,16],[0,8],[4,0],[0,-8],[-4,0]],"
  "   [[80,32],[4,0],[0,8],[-4,0],[0,-8]]]}";

static void
assert_point (NaTopoGeometry *geometry,
              guint           index,
              double          x,
              double          y)
{
  NaTopoPoint *p = &g_array_index (geometry->points, NaTopoPoint, index);

  g_assert_cmpfloat_with_epsilon (p->x, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->y, y, 1e-9);
}

static void
test_topojson_quantized (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaTopology) topology = na_topology_new_from_data (quantized_fixture, -1, NULL,
                                                              &error);
  NaTopoGeometry *east, *west, *holed, *nothing;
  NaTopoRing *ring;

  g_assert_no_error (error);
  g_assert_cmpuint (na_topology_get_n_arcs (topology), ==, 6);
  g_assert_cmpuint (na_topology_get_n_geometries (topology), ==, 4);

  /* Deltas summed, then scaled and translated. */
  east = na_topology_get_geometry (topology, 0);
  g_assert_cmpstr (east->id, ==, "392");
  g_assert_cmpstr (east->name, ==, "East");
  g_assert_cmpuint (east->rings->len, ==, 1);
  g_assert_cmpuint (east->n_arcs, ==, 2);
  g_assert_cmpuint (east->points->len, ==, 5);   /* the shared end point is kept once */
  assert_point (east, 0, 100, -10);
  assert_point (east, 1, 110, -10);
  assert_point (east, 2, 110, 0);
  assert_point (east, 3, 100, 0);
  assert_point (east, 4, 100, -10);
  g_assert_cmpfloat (east->x_min, ==, 100);
  g_assert_cmpfloat (east->x_max, ==, 110);
  g_assert_cmpfloat (east->y_min, ==, -10);
  g_assert_cmpfloat (east->y_max, ==, 0);

  /* ~1 is arc 1 walked backwards; a numeric id becomes its ISO three-digit string. */
  west = na_topology_get_geometry (topology, 1);
  g_assert_cmpstr (west->id, ==, "036");
  g_assert_cmpuint (west->points->len, ==, 5);
  assert_point (west, 0, 100, 0);
  assert_point (west, 1, 90, 0);
  assert_point (west, 2, 90, -10);
  assert_point (west, 3, 100, -10);
  assert_point (west, 4, 100, 0);
  g_assert_cmpint (g_array_index (west->arc_refs, gint, 1), ==, -2);
  g_assert_cmpfloat (west->x_min, ==, 90);
  g_assert_cmpfloat (west->x_max, ==, 100);

  /* A multipolygon: two polygons, the first with a hole. */
  holed = na_topology_lookup_name (topology, "Holed");
  g_assert_nonnull (holed);
  g_assert_null (holed->id);
  g_assert_cmpuint (holed->n_polygons, ==, 2);
  g_assert_cmpuint (holed->rings->len, ==, 3);
  g_assert_cmpuint (holed->n_arcs, ==, 3);
  ring = &g_array_index (holed->rings, NaTopoRing, 1);
  g_assert_cmpuint (ring->polygon, ==, 0);
  g_assert_cmpuint (ring->n_points, ==, 5);
  assert_point (holed, ring->first, 124, -6);
  assert_point (holed, ring->first + 2, 126, -4);
  g_assert_cmpuint (g_array_index (holed->rings, NaTopoRing, 2).polygon, ==, 1);
  g_assert_cmpfloat (holed->x_min, ==, 120);
  g_assert_cmpfloat (holed->x_max, ==, 142);
  g_assert_cmpfloat (holed->y_min, ==, -10);
  g_assert_cmpfloat (holed->y_max, ==, 0);

  /* A null geometry stays, empty, so indices match the file's. */
  nothing = na_topology_get_geometry (topology, 3);
  g_assert_cmpstr (nothing->name, ==, "Nothing");
  g_assert_cmpuint (nothing->rings->len, ==, 0);
}

static void
test_topojson_absolute (void)
{
  const char *data =
    "{\"type\":\"Topology\",\"objects\":{\"one\":{\"type\":\"Polygon\",\"arcs\":[[~0]]}},"
    " \"arcs\":[[[1.5,2],[3,2],[3,4],[1.5,2]]]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(NaTopology) topology = NULL;
  NaTopoGeometry *geometry;

  /* "~0" is not JSON: the file is refused with a clear message. */
  topology = na_topology_new_from_data (data, -1, NULL, &error);
  g_assert_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_SYNTAX);
  g_assert_null (topology);
  g_clear_error (&error);

  /* Without a transform, positions are absolute, not deltas; -1 is arc 0 reversed. */
  data = "{\"type\":\"Topology\",\"objects\":{\"one\":{\"type\":\"Polygon\",\"arcs\":[[-1]]}},"
         " \"arcs\":[[[1.5,2],[3,2],[3,4],[1.5,2]]]}";
  topology = na_topology_new_from_data (data, -1, "one", &error);
  g_assert_no_error (error);
  geometry = na_topology_get_geometry (topology, 0);
  g_assert_cmpuint (geometry->points->len, ==, 4);
  assert_point (geometry, 0, 1.5, 2);
  assert_point (geometry, 1, 3, 4);
  assert_point (geometry, 2, 3, 2);
}

static void
test_topojson_errors (void)
{
  const struct { const char *data; const char *message; } cases[] = {
    { "{\"type\":\"FeatureCollection\"}", "not a TopoJSON topology" },
    { "{\"type\":\"Topology\",\"objects\":{}}", "“arcs”" },
    { "{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"a\":{\"type\":\"Polygon\","
      "\"arcs\":[[4]]}}}", "refers to arc 4, but there are only 0" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0]]],\"objects\":{}}", "arc 0 is not" },
    { "{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"a\":{\"type\":\"GeometryCollection\","
      "\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[\"x\"]]}]}}}", "not an integer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NaTopology) topology = na_topology_new_from_data (cases[i].data, -1, NULL,
                                                                  &error);

      g_assert_null (topology);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }
}

static NaTopology *
load_vendored (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (NA_WORLD_MAP_RESOURCE, 0, &error);
  NaTopology *topology;

  g_assert_no_error (error);
  topology = na_topology_new_from_bytes (bytes, "countries", &error);
  g_assert_no_error (error);
  return topology;
}

static void
test_topojson_vendored (void)
{
  g_autoptr(NaTopology) topology = load_vendored ();
  NaTopoGeometry *japan, *australia, *singapore;

  g_assert_cmpuint (na_topology_get_n_geometries (topology), ==, 241);
  g_assert_cmpuint (na_topology_get_n_arcs (topology), ==, 1959);

  japan = na_topology_lookup_name (topology, "Japan");
  g_assert_cmpstr (japan->id, ==, "392");
  g_assert_cmpuint (japan->n_arcs, ==, 34);
  g_assert_cmpfloat_with_epsilon (japan->x_min, 123.681, 0.01);
  g_assert_cmpfloat_with_epsilon (japan->y_min, 24.266, 0.01);
  g_assert_cmpfloat_with_epsilon (japan->x_max, 145.832, 0.01);
  g_assert_cmpfloat_with_epsilon (japan->y_max, 45.510, 0.01);

  australia = na_topology_lookup_name (topology, "Australia");
  g_assert_cmpstr (australia->id, ==, "036");
  g_assert_cmpuint (australia->n_polygons, ==, 42);
  g_assert_cmpfloat_with_epsilon (australia->x_min, 112.910, 0.01);
  g_assert_cmpfloat_with_epsilon (australia->y_min, -54.749, 0.01);   /* Macquarie Island */
  g_assert_cmpfloat_with_epsilon (australia->x_max, 158.958, 0.01);
  g_assert_cmpfloat_with_epsilon (australia->y_max, -10.053, 0.01);

  singapore = na_topology_lookup_name (topology, "Singapore");
  g_assert_cmpstr (singapore->id, ==, "702");
  g_assert_cmpuint (singapore->rings->len, ==, 1);
  g_assert_cmpfloat (singapore->x_max - singapore->x_min, <, 0.4);
}

static void
test_projection (void)
{
  double x, y, lon, lat;

  /* Values from the published formulas (central meridian 0). */
  na_equal_earth_forward (0, 10, 45, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.12887272212255374, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.8602310855220102, 1e-12);
  na_equal_earth_forward (0, 180, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, NA_EQUAL_EARTH_X_MAX, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-12);
  na_equal_earth_forward (0, 0, -90, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, -NA_EQUAL_EARTH_Y_MAX, 1e-12);

  /* Centred on 150°E: 150°E is the middle, 30°W the edges, 170°W east of the date line. */
  na_equal_earth_forward (150, 150, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-12);
  na_equal_earth_forward (150, -170, 20, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  na_equal_earth_forward (150, -31, 0, &x, &y);
  g_assert_cmpfloat (x, >, 2.6);
  na_equal_earth_forward (150, -29, 0, &x, &y);
  g_assert_cmpfloat (x, <, -2.6);

  /* Inverse: round trips over the globe, and nothing outside the map. */
  for (int lo = -179; lo < 180; lo += 7)
    for (int la = -89; la < 90; la += 7)
      {
        g_assert_true (na_equal_earth_inverse (150, 0, 0, &lon, &lat));
        na_equal_earth_forward (150, lo, la, &x, &y);
        g_assert_true (na_equal_earth_inverse (150, x, y, &lon, &lat));
        g_assert_cmpfloat_with_epsilon (na_longitude_wrap (lon - lo), 0, 1e-8);
        g_assert_cmpfloat_with_epsilon (lat, la, 1e-8);
      }
  g_assert_false (na_equal_earth_inverse (150, 2.7, 1.0, &lon, &lat));
  g_assert_false (na_equal_earth_inverse (150, 0, 1.5, &lon, &lat));
}

static NaWorldMap *
shared_map (void)
{
  static NaWorldMap *map;

  if (map == NULL)
    {
      g_autoptr(GError) error = NULL;

      map = na_world_map_new_bundled (&error);
      g_assert_no_error (error);
    }
  return map;
}

/* The code of the country at a longitude and latitude, at @scale pixels per map unit. */
static const char *
code_at (double longitude,
         double latitude,
         double scale)
{
  NaWorldMap *map = shared_map ();
  double x, y;
  int index;

  na_map_project (longitude, latitude, &x, &y);
  index = na_world_map_hit_test (map, x, y, scale);
  return index < 0 ? NULL : na_world_map_get_code (map, index);
}

static void
test_hit_testing (void)
{
  NaWorldMap *map = shared_map ();
  const double world = 350, region = 900, close_up = 200000;

  g_assert_cmpuint (na_world_map_get_n_countries (map), ==, 242);   /* 241 and Tuvalu */

  g_assert_cmpstr (code_at (139.69, 35.69, region), ==, "JPN");      /* Tokyo */
  g_assert_cmpstr (code_at (149.13, -35.28, region), ==, "AUS");     /* Canberra */
  g_assert_cmpstr (code_at (116.40, 39.90, world), ==, "CHN");       /* Beijing */
  g_assert_null (code_at (-135, 20, region));                         /* the open Pacific */
  g_assert_null (code_at (150, -45, region));                         /* the Tasman Sea */

  /* Singapore: a marker at map scales, its polygon close up; the sea beside it is sea. */
  g_assert_true (na_world_map_is_tiny (map, na_world_map_lookup_code (map, "SGP"), region));
  g_assert_cmpstr (code_at (103.82, 1.35, region), ==, "SGP");
  g_assert_false (na_world_map_is_tiny (map, na_world_map_lookup_code (map, "SGP"), close_up));
  g_assert_cmpstr (code_at (103.82, 1.35, close_up), ==, "SGP");
  g_assert_null (code_at (103.82, 1.15, close_up));
  g_assert_cmpstr (code_at (179.20, -8.52, region), ==, "TUV");      /* a marker only */
  g_assert_cmpstr (code_at (134.58, 7.51, region), ==, "PLW");       /* Palau */

  /* Across the seam (30°W) and the date line: both halves are the same country. */
  g_assert_cmpstr (code_at (-45, 70, world), ==, "GRL");
  g_assert_cmpstr (code_at (-25, 72, world), ==, "GRL");
  g_assert_cmpstr (code_at (178.0, -17.8, region), ==, "FJI");
  g_assert_cmpstr (code_at (170.0, 66.0, world), ==, "RUS");
  g_assert_cmpstr (code_at (-172.0, 66.0, region), ==, "RUS");       /* Chukotka, east of 180° */
  g_assert_cmpstr (code_at (0, -80, world), ==, "ATA");
  g_assert_cmpstr (code_at (-60, -80, world), ==, "ATA");

  /* Names come translated through iso-codes (here the C locale: English common names). */
  g_assert_cmpstr (na_world_map_get_name_for_code (map, "KOR"), ==, "South Korea");
  g_assert_cmpstr (na_world_map_get_name_for_code (map, "TWN"), ==, "Taiwan");
  g_assert_null (na_world_map_get_name_for_code (map, "XXX"));
}

static void
test_bounds_and_viewport (void)
{
  NaWorldMap *map = shared_map ();
  NaMapViewport viewport;
  double x0, y0, x1, y1, jx, jy, sx, sy;
  int japan = na_world_map_lookup_code (map, "JPN");

  /* Japan's projected box holds Tokyo and lies north (up: smaller y) of the equator. */
  na_world_map_get_bounds (map, japan, &x0, &y0, &x1, &y1);
  na_map_project (139.69, 35.69, &jx, &jy);
  g_assert_cmpfloat (x0, <, jx);
  g_assert_cmpfloat (jx, <, x1);
  g_assert_cmpfloat (y0, <, jy);
  g_assert_cmpfloat (jy, <, y1);
  g_assert_cmpfloat (y1, <, 0);

  /* The opening view holds India, Japan, New Zealand and Tuvalu. */
  na_map_viewport_fit_asia_pacific (&viewport, 1000, 700);
  for (guint i = 0; i < 4; i++)
    {
      const double places[4][2] = { { 77, 20 }, { 139.7, 35.7 }, { 174.8, -41.3 },
                                    { 179.2, -8.5 } };

      na_map_project (places[i][0], places[i][1], &jx, &jy);
      na_map_viewport_from_map (&viewport, jx, jy, &sx, &sy);
      g_assert_cmpfloat (sx, >, 0);
      g_assert_cmpfloat (sx, <, 1000);
      g_assert_cmpfloat (sy, >, 0);
      g_assert_cmpfloat (sy, <, 700);
    }

  /* Zooming keeps the point under the pointer. */
  na_map_viewport_to_map (&viewport, 300, 200, &jx, &jy);
  na_map_viewport_zoom (&viewport, 2, 300, 200);
  na_map_viewport_to_map (&viewport, 300, 200, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, jx, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, jy, 1e-9);
}

static const char fixture_library[] =
  "{\"format\":\"org.example.NatoAsia.library\",\"version\":1,"
  " \"questions\":[{\"id\":\"q-1\",\"title\":\"Should NATO look east?\"}],"
  " \"countries\":[{\"code\":\"JPN\",\"name\":\"Japan\"},{\"code\":\"AUS\",\"name\":\"Australia\"},"
  "   {\"code\":\"SGP\",\"name\":\"Singapore\"}],"
  " \"essays\":["
  "   {\"id\":\"e1\",\"type\":\"article\",\"title\":\"First\",\"author\":[]},"
  "   {\"id\":\"e2\",\"type\":\"article\",\"title\":\"Second\",\"author\":[]}],"
  " \"arguments\":["
  "   {\"id\":\"e1-a1\",\"essay\":\"e1\",\"question\":\"q-1\",\"stance\":\"supports\","
  "    \"claim\":\"Japan and Australia matter.\",\"countries\":[\"JPN\",\"AUS\"]},"
  "   {\"id\":\"e1-a2\",\"essay\":\"e1\",\"question\":\"q-1\",\"stance\":\"mixed\","
  "    \"claim\":\"Japan again.\",\"countries\":[\"JPN\",\"JPN\"]},"
  "   {\"id\":\"e2-a1\",\"essay\":\"e2\",\"question\":\"q-1\",\"stance\":\"opposes\","
  "    \"claim\":\"Japan, seen from elsewhere.\",\"countries\":[\"JPN\"]}],"
  " \"recommendations\":["
  "   {\"id\":\"e2-r1\",\"essay\":\"e2\",\"actor\":\"nato\",\"action\":\"Talk to Singapore.\","
  "    \"countries\":[\"SGP\",\"JPN\"]},"
  "   {\"id\":\"e1-r1\",\"essay\":\"e1\",\"actor\":\"allies\",\"action\":\"No country.\"}]}";

static NaLibrary *
load_fixture_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (fixture_library, strlen (fixture_library));
  NaLibrary *library = na_library_new_from_bytes (bytes, "fixture", &error);

  g_assert_no_error (error);
  return library;
}

static void
test_figures (void)
{
  g_autoptr(NaLibrary) library = load_fixture_library ();
  g_autoptr(NaMapFigures) all = na_map_figures_new (library, NULL);
  const char *only_e2[] = { "e2", NULL };
  g_autoptr(NaMapFigures) second = na_map_figures_new (library, only_e2);
  const NaMapFigure *japan;
  g_auto(GStrv) codes = NULL;
  g_autofree char *text = NULL;
  NaMapClass classes[NA_MAP_MAX_CLASSES];
  NaMapMetric metric;

  /* Whole library: an item naming Japan twice counts once. */
  japan = na_map_figures_lookup (all, "JPN");
  g_assert_cmpuint (japan->arguments, ==, 3);
  g_assert_cmpuint (japan->recommendations, ==, 1);
  g_assert_cmpuint (japan->essays, ==, 2);
  g_assert_cmpuint (japan->items->len, ==, 4);
  /* Grouped by essay in library order, arguments before recommendations. */
  g_assert_true (NA_IS_ARGUMENT (g_ptr_array_index (japan->items, 0)));
  g_assert_cmpstr (na_argument_get_essay_id (g_ptr_array_index (japan->items, 1)), ==, "e1");
  g_assert_cmpstr (na_argument_get_id (g_ptr_array_index (japan->items, 2)), ==, "e2-a1");
  g_assert_true (NA_IS_RECOMMENDATION (g_ptr_array_index (japan->items, 3)));
  g_assert_cmpuint (na_map_figures_get_value (all, "AUS", NA_MAP_METRIC_ARGUMENTS), ==, 1);
  g_assert_cmpuint (na_map_figures_get_value (all, "SGP", NA_MAP_METRIC_ARGUMENTS), ==, 0);
  g_assert_cmpuint (na_map_figures_get_value (all, "SGP", NA_MAP_METRIC_RECOMMENDATIONS), ==, 1);
  g_assert_null (na_map_figures_lookup (all, "CHN"));
  g_assert_cmpuint (na_map_figures_get_max (all, NA_MAP_METRIC_ARGUMENTS), ==, 3);
  g_assert_cmpuint (na_map_figures_get_max (all, NA_MAP_METRIC_ESSAYS), ==, 2);
  g_assert_cmpuint (na_map_figures_get_n_essays (all), ==, 2);

  codes = na_map_figures_dup_codes (all, NA_MAP_METRIC_ARGUMENTS, NULL, NULL);
  g_assert_cmpuint (g_strv_length (codes), ==, 3);
  g_assert_cmpstr (codes[0], ==, "JPN");
  g_assert_cmpstr (codes[1], ==, "AUS");
  g_assert_cmpstr (codes[2], ==, "SGP");

  text = na_map_figure_describe (japan);
  g_assert_cmpstr (text, ==, "3 arguments, 1 recommendation, in 2 essays");

  /* One essay only. */
  g_assert_cmpuint (na_map_figures_get_value (second, "JPN", NA_MAP_METRIC_ARGUMENTS), ==, 1);
  g_assert_cmpuint (na_map_figures_get_value (second, "AUS", NA_MAP_METRIC_ARGUMENTS), ==, 0);
  g_assert_cmpuint (na_map_figures_get_value (second, "SGP", NA_MAP_METRIC_ESSAYS), ==, 1);

  /* Classes: one per value when few, doubling ranges when many. */
  g_assert_cmpuint (na_map_figures_get_classes (all, NA_MAP_METRIC_ARGUMENTS, classes), ==, 3);
  g_assert_cmpint (na_map_class_find (classes, 3, 2), ==, 1);
  g_assert_cmpint (na_map_class_find (classes, 3, 0), ==, -1);

  g_assert_true (na_map_metric_from_string ("essays", &metric));
  g_assert_cmpint (metric, ==, NA_MAP_METRIC_ESSAYS);
  g_assert_false (na_map_metric_from_string ("countries", &metric));
}

/* Equal counts, codes in one order and names in another, one country unnamed. */
static const char ties_library[] =
  "{\"format\":\"org.example.NatoAsia.library\",\"version\":1,"
  " \"questions\":[{\"id\":\"q-1\",\"title\":\"Who counts?\"}],"
  " \"countries\":[{\"code\":\"GEO\",\"name\":\"Georgia\"},"
  "   {\"code\":\"HUN\",\"name\":\"Hungary\"},{\"code\":\"KHM\",\"name\":\"Cambodia\"},"
  "   {\"code\":\"AAA\",\"name\":\"Zed\"},{\"code\":\"JPN\",\"name\":\"Japan\"}],"
  " \"essays\":[{\"id\":\"e1\",\"type\":\"article\",\"title\":\"One\",\"author\":[]}],"
  " \"arguments\":["
  "   {\"id\":\"a1\",\"essay\":\"e1\",\"question\":\"q-1\",\"stance\":\"supports\","
  "    \"claim\":\"All of them.\",\"countries\":[\"HUN\",\"GEO\",\"KHM\",\"AAA\",\"JPN\"]},"
  "   {\"id\":\"a2\",\"essay\":\"e1\",\"question\":\"q-1\",\"stance\":\"opposes\","
  "    \"claim\":\"Japan once more.\",\"countries\":[\"JPN\"]}],"
  " \"recommendations\":[]}";

/* The library's name of @code; Zed (AAA) has none, so it is listed as its code. */
static const char *
library_country_name (const char *code,
                      gpointer    user_data)
{
  NaCountry *country = na_library_lookup_country (user_data, code);

  return country && g_strcmp0 (code, "AAA") != 0 ? na_country_get_name (country) : NULL;
}

/* Countries with equal counts are listed by the names shown, not by their codes. */
static void
test_figures_ties_by_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (ties_library, strlen (ties_library));
  g_autoptr(NaLibrary) library = na_library_new_from_bytes (bytes, "ties", &error);
  g_autoptr(NaMapFigures) figures = NULL;
  g_auto(GStrv) by_name = NULL;
  g_auto(GStrv) by_code = NULL;
  const char *expected_by_name[] = { "JPN", "AAA", "KHM", "GEO", "HUN", NULL };
  const char *expected_by_code[] = { "JPN", "AAA", "GEO", "HUN", "KHM", NULL };

  g_assert_no_error (error);
  figures = na_map_figures_new (library, NULL);
  by_name = na_map_figures_dup_codes (figures, NA_MAP_METRIC_ARGUMENTS, library_country_name,
                                      library);
  g_assert_cmpstrv (by_name, expected_by_name);
  /* Without names, the codes themselves. */
  by_code = na_map_figures_dup_codes (figures, NA_MAP_METRIC_ARGUMENTS, NULL, NULL);
  g_assert_cmpstrv (by_code, expected_by_code);
}

static void
test_figures_bundled_classes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_bundled (&error);
  g_autoptr(NaMapFigures) figures = NULL;
  NaMapClass classes[NA_MAP_MAX_CLASSES];
  guint n, max;

  g_assert_no_error (error);
  figures = na_map_figures_new (library, NULL);
  max = na_map_figures_get_max (figures, NA_MAP_METRIC_ARGUMENTS);
  n = na_map_figures_get_classes (figures, NA_MAP_METRIC_ARGUMENTS, classes);
  g_assert_cmpuint (max, >, 6);
  g_assert_cmpuint (n, <=, NA_MAP_MAX_CLASSES);
  g_assert_cmpuint (classes[0].lower, ==, 1);
  g_assert_cmpuint (classes[n - 1].upper, ==, max);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (classes[i].lower, ==, classes[i - 1].upper + 1);
  /* Every country the library names is on the map (Tuvalu as a marker). */
  for (guint i = 0; i < g_list_model_get_n_items (na_library_get_countries (library)); i++)
    {
      g_autoptr(NaCountry) country = g_list_model_get_item (na_library_get_countries (library), i);

      if (na_world_map_lookup_code (shared_map (), na_country_get_code (country)) < 0)
        g_error ("%s is not on the map", na_country_get_code (country));
    }
}

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static const char *cli_data_home;

static void
run_natoasia (Run                *run,
              const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) argvv = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_strv_builder_add (argv, g_getenv ("NATOASIA_BIN"));
  g_strv_builder_addv (argv, (const char **) args);
  argvv = g_strv_builder_end (argv);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  /* Never the developer's own annotations: each test says whose data the command sees. */
  env = g_environ_setenv (env, "XDG_DATA_HOME", cli_data_home ? cli_data_home : "/nonexistent",
                          TRUE);

  g_spawn_sync (NULL, argvv, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static guint32
read_be32 (const guchar *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The colour of the exported PNG at a longitude and latitude, as 0xRRGGBB. */
static guint32
png_color_at (cairo_surface_t *image,
              double           longitude,
              double           latitude)
{
  NaMapViewport viewport;
  double mx, my, x, y;
  guint32 pixel;

  na_map_viewport_fit_asia_pacific (&viewport, 1600, 1000);
  na_map_project (longitude, latitude, &mx, &my);
  na_map_viewport_from_map (&viewport, mx, my, &x, &y);
  pixel = *(guint32 *) (cairo_image_surface_get_data (image) +
                        (int) y * cairo_image_surface_get_stride (image) + (int) x * 4);
  return pixel & 0xffffff;
}

static guint32
rgb_of (const NaRgba *color)
{
  return (guint32) (color->r * 255 + 0.5) << 16 | (guint32) (color->g * 255 + 0.5) << 8 |
         (guint32) (color->b * 255 + 0.5);
}

/* What the exported map shows: each country in its class's colour, the sea as sea. */
static void
check_png_colors (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_bundled (&error);
  g_autoptr(NaMapFigures) figures = na_map_figures_new (library, NULL);
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  NaMapClass classes[NA_MAP_MAX_CLASSES];
  guint n = na_map_figures_get_classes (figures, NA_MAP_METRIC_ARGUMENTS, classes);
  const struct { const char *code; double lon, lat; } places[] = {
    { "JPN", 138.0, 36.2 }, { "AUS", 134.0, -25.0 }, { "CHN", 105.0, 33.0 },
    { "IND", 78.0, 22.0 }, { "THA", 101.0, 15.5 },
  };
  NaMapPalette palette;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  na_map_palette_init (&palette, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      guint value = na_map_figures_get_value (figures, places[i].code, NA_MAP_METRIC_ARGUMENTS);
      int k = na_map_class_find (classes, n, value);
      NaRgba expected = palette.land;

      if (k >= 0)
        na_map_palette_class_color (&palette, k, n, &expected);
      g_assert_cmphex (png_color_at (image, places[i].lon, places[i].lat), ==,
                       rgb_of (&expected));
    }
  g_assert_cmphex (png_color_at (image, 160, -40), ==, rgb_of (&palette.sea));
  cairo_surface_destroy (image);
}

static void
test_cli_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("natoasia-map-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *txt = g_build_filename (dir, "map.txt", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "map.png", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) xml = NULL;
  GMarkupParser parser = { 0 };
  Run run = { 0 };
  gsize length;

  /* PNG: the signature, then an IHDR of 1600 × 1000. */
  run_natoasia (&run, (const char *[]) { "--export-map", png, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
  g_assert_true (g_file_get_contents (png, &data, &length, &error));
  g_assert_cmpuint (length, >, 20000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 ((guchar *) data + 16), ==, 1600);
  g_assert_cmpuint (read_be32 ((guchar *) data + 20), ==, 1000);
  g_clear_pointer (&data, g_free);
  check_png_colors (png);

  /* SVG of one essay, by recommendations: well-formed XML with an <svg> root. */
  run_natoasia (&run, (const char *[]) { "--export-map", svg, "--essays", "ashtakala-2023",
                                         "--metric", "recommendations", NULL });
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (svg, &data, &length, &error));
  g_assert_nonnull (strstr (data, "<svg"));
  xml = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (xml, data, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (xml, &error));
  g_assert_no_error (error);

  /* Clear errors, a non-zero status and no file for bad input. */
  run_natoasia (&run, (const char *[]) { "--export-map", png, "--metric", "countries", NULL });
  g_assert_cmpint (run.status, ==, 1);
  /* (In the C locale g_printerr() transliterates the typographic quotes.) */
  g_assert_nonnull (strstr (run.err, "unknown metric"));
  g_assert_nonnull (strstr (run.err, "countries"));
  run_clear (&run);

  run_natoasia (&run, (const char *[]) { "--export-map", png, "--essays", "nobody-1999", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no essay has the id"));
  g_assert_nonnull (strstr (run.err, "nobody-1999"));
  run_clear (&run);

  run_natoasia (&run, (const char *[]) { "--export-map", txt, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "must end in .png or .svg"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* --format overrides the extension: an SVG in a file named .txt, and no other formats. */
  run_natoasia (&run, (const char *[]) { "--export-map", txt, "--format", "svg", NULL });
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (txt, &data, &length, &error));
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_nonnull (strstr (data, "<svg"));
  g_unlink (txt);
  run_natoasia (&run, (const char *[]) { "--export-map", png, "--format", "jpeg", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "jpeg"));
  run_clear (&run);

  run_natoasia (&run, (const char *[]) { "--export-map", nowhere, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, nowhere));
  g_assert_nonnull (strstr (run.err, "No such file or directory"));
  run_clear (&run);

  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

/* --export-map maps the user's own essays and arguments too, unless --bundled-only. */
static void
test_cli_user_analysis (void)
{
  g_autofree char *home = g_dir_make_tmp ("natoasia-map-cli-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (home, "natoasia", NULL);
  g_autofree char *png = g_build_filename (home, "mine.png", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autoptr(NaAnnotation) mine = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  g_autoptr(GError) error = NULL;
  const char *chile[] = { "CHL", NULL };
  g_autofree char *essay_id = NULL;
  Run run = { 0 };

  na_essay_set_title (essay, "My notes on the Pacific");
  essay_id = g_strdup (na_user_store_add_essay (store, essay));
  na_annotation_set_essay_id (mine, essay_id);
  na_annotation_set_question_id (mine, "q-partners");
  na_annotation_set_stance (mine, NA_STANCE_SUPPORTS);
  na_annotation_set_claim (mine, "Chile should be a partner.");
  na_annotation_set_countries (mine, chile);
  na_user_store_add_annotation (store, mine);
  g_assert_true (na_user_store_save (store, &error));
  g_assert_no_error (error);
  cli_data_home = home;

  run_natoasia (&run, (const char *[]) { "--export-map", png, "--essays", essay_id, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_unlink (png);

  run_natoasia (&run, (const char *[]) { "--export-map", png, "--essays", essay_id,
                                         "--bundled-only", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, essay_id));
  run_clear (&run);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  /* A broken annotations file: named, and no map written. */
  g_assert_true (g_file_set_contents (na_user_store_get_path (store), "[1,", -1, NULL));
  run_natoasia (&run, (const char *[]) { "--export-map", png, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, na_user_store_get_path (store)));
  run_clear (&run);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  cli_data_home = NULL;
  na_user_store_close (store);
  g_unlink (na_user_store_get_path (store));
  g_rmdir (dir);
  g_rmdir (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/topojson/quantized", test_topojson_quantized);
  g_test_add_func ("/map/topojson/absolute", test_topojson_absolute);
  g_test_add_func ("/map/topojson/errors", test_topojson_errors);
  g_test_add_func ("/map/topojson/vendored", test_topojson_vendored);
  g_test_add_func ("/map/projection", test_projection);
  g_test_add_func ("/map/hit-testing", test_hit_testing);
  g_test_add_func ("/map/bounds-and-viewport", test_bounds_and_viewport);
  g_test_add_func ("/map/figures", test_figures);
  g_test_add_func ("/map/figures-ties-by-name", test_figures_ties_by_name);
  g_test_add_func ("/map/figures-bundled", test_figures_bundled_classes);
  g_test_add_func ("/map/cli-export", test_cli_export);
  g_test_add_func ("/map/cli-user-analysis", test_cli_user_analysis);

  return g_test_run ();
}
