/* na-world-map.c — the world's countries, projected once and hit-tested
 *
 * Built once from the TopoJSON: every ring is cut at the map's edge (30°W, in the Atlantic,
 * opposite the central meridian), densified so long edges follow the projection's curves,
 * projected with Equal Earth, and kept twice: as points with bounding boxes for hit-testing,
 * and as cairo paths at a few levels of detail for drawing. A frame then only culls, picks a
 * level and appends ready-made paths, so the widget, the PNG and the SVG export share one
 * renderer and none of them re-projects anything.
 */
#define G_LOG_DOMAIN "na-world-map"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libintl.h>
#include <math.h>
#include <string.h>

#include "na-country.h"
#include "na-projection.h"
#include "na-world-map-private.h"

#define ISO_DOMAIN "iso_3166-1"
#define SEAM (NA_MAP_CENTRAL_MERIDIAN - 180.0)
#define DENSIFY_DEGREES 1.0
/* Simplification tolerances in map units; a frame takes the coarsest one under a pixel. */
static const double lod_tolerance[N_LODS] = { 0.0, 0.00025, 0.0005, 0.001, 0.002, 0.004, 0.008 };

/* Too small for Natural Earth's 1:50m countries, but discussed: shown as markers only. */
static const struct
{
  const char *numeric;
  double      longitude;
  double      latitude;
} point_countries[] = {
  { "798", 179.20, -8.52 },   /* Tuvalu (Funafuti) */
};

/* ISO 3166-1 numeric → alpha-3 and English name, from Debian's iso-codes. */
typedef struct
{
  char *alpha_3;
  char *name;
} IsoEntry;

static void
iso_entry_free (IsoEntry *entry)
{
  g_free (entry->alpha_3);
  g_free (entry->name);
  g_free (entry);
}

static GHashTable *
iso_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) iso_entry_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonArray) array = na_country_load_iso_3166 (&error);

      bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");
      if (array == NULL)
        g_warning ("Country names will not be translated: %s", error->message);
      else
        {
          for (guint i = 0, n = json_array_get_length (array); i < n; i++)
            {
              JsonObject *o = json_array_get_object_element (array, i);
              const char *numeric = json_object_get_string_member_with_default (o, "numeric",
                                                                                NULL);
              const char *alpha_3 = json_object_get_string_member_with_default (o, "alpha_3",
                                                                                NULL);
              const char *name = json_object_get_string_member_with_default (o, "common_name",
                                                                             NULL);
              IsoEntry *entry;

              if (name == NULL)
                name = json_object_get_string_member_with_default (o, "name", NULL);
              if (numeric == NULL || alpha_3 == NULL || name == NULL)
                continue;
              entry = g_new0 (IsoEntry, 1);
              entry->alpha_3 = g_strdup (alpha_3);
              entry->name = g_strdup (name);
              g_hash_table_insert (t, g_strdup (numeric), entry);
            }
        }

      g_once_init_leave (&table, t);
    }

  return table;
}

void
na_map_project (double  longitude,
                double  latitude,
                double *map_x,
                double *map_y)
{
  double y;

  na_equal_earth_forward (NA_MAP_CENTRAL_MERIDIAN, longitude, latitude, map_x, &y);
  *map_y = -y;
}

gboolean
na_map_unproject (double  map_x,
                  double  map_y,
                  double *longitude,
                  double *latitude)
{
  return na_equal_earth_inverse (NA_MAP_CENTRAL_MERIDIAN, map_x, -map_y, longitude, latitude);
}

/* Projects a point of a ring piece that lies between two seams: @offset brings its longitude
 * into [-180, 180] around the central meridian, a point on a seam going to the piece's side. */
static Point
project_piece_point (double longitude,
                     double latitude,
                     double offset)
{
  Point p;
  double y;

  na_equal_earth_forward (0.0, CLAMP (longitude + offset, -180.0, 180.0), latitude, &p.x, &y);
  p.y = -y;
  return p;
}

static void
country_free (Country *country)
{
  g_free (country->code);
  g_free (country->name);
  g_array_unref (country->points);
  g_array_unref (country->rings);
  for (guint i = 0; i < N_LODS; i++)
    if (country->paths[i])
      {
        g_free (country->paths[i]->data);
        g_free (country->paths[i]);
      }
  g_free (country);
}

static double
ring_signed_area (const Point *p,
                  guint        n)
{
  double sum = 0;

  for (guint i = 0; i + 1 < n; i++)
    sum += p[i].x * p[i + 1].y - p[i + 1].x * p[i].y;
  return sum / 2;
}

/* Densifies, projects and stores one piece of a ring that lies on one side of the seam. */
static void
add_piece (Country           *country,
           const NaTopoPoint *points,
           guint              n_points,
           double             offset,
           gboolean           hole)
{
  Ring ring = { country->points->len, 0, hole, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE,
                -G_MAXDOUBLE };
  Point p;

  if (n_points < 3)
    return;

  for (guint i = 0; i < n_points; i++)
    {
      const NaTopoPoint *a = &points[i];
      const NaTopoPoint *b = &points[(i + 1) % n_points];
      double span = MAX (fabs (b->x - a->x), fabs (b->y - a->y));
      guint steps = span > DENSIFY_DEGREES ? (guint) ceil (span / DENSIFY_DEGREES) : 1;

      /* The last point closes the ring: it gets no segment of its own. */
      if (i == n_points - 1)
        steps = 1;
      for (guint s = 0; s < steps; s++)
        {
          double t = (double) s / steps;

          p = project_piece_point (a->x + t * (b->x - a->x), a->y + t * (b->y - a->y), offset);
          g_array_append_val (country->points, p);
          ring.x_min = MIN (ring.x_min, p.x);
          ring.y_min = MIN (ring.y_min, p.y);
          ring.x_max = MAX (ring.x_max, p.x);
          ring.y_max = MAX (ring.y_max, p.y);
        }
    }

  /* Close explicitly, so hit-testing and paths can walk edges i → i+1. */
  p = g_array_index (country->points, Point, ring.first);
  g_array_append_val (country->points, p);
  ring.n_points = country->points->len - ring.first;
  g_array_append_val (country->rings, ring);

  country->x_min = MIN (country->x_min, ring.x_min);
  country->y_min = MIN (country->y_min, ring.y_min);
  country->x_max = MAX (country->x_max, ring.x_max);
  country->y_max = MAX (country->y_max, ring.y_max);
}

/* Sutherland–Hodgman against the meridian @seam: the part of the ring west (or east) of it.
 * For filling, the zero-width bridges this can leave along the seam are harmless. */
static GArray *
clip_at_seam (const NaTopoPoint *points,
              guint              n_points,
              double             seam,
              gboolean           keep_west)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (NaTopoPoint));

  for (guint i = 0; i < n_points; i++)
    {
      const NaTopoPoint *p = &points[i];
      const NaTopoPoint *q = &points[(i + 1) % n_points];
      gboolean p_in = keep_west ? p->x <= seam : p->x >= seam;
      gboolean q_in = keep_west ? q->x <= seam : q->x >= seam;

      if (p_in != q_in)
        {
          NaTopoPoint cut;
          double t = (seam - p->x) / (q->x - p->x);

          cut.x = seam;
          cut.y = p->y + t * (q->y - p->y);
          g_array_append_val (out, cut);
        }
      if (q_in)
        g_array_append_val (out, *q);
    }

  return out;
}

/* Stores a ring, cut where it crosses the map's edge. Rings that cross the date line (as
 * Fiji's do) are first made continuous, so that 179.9°E → 179.9°W is a short step east and
 * not a line across the world; rings around a pole (Antarctica's) are left as they are. */
static void
add_ring (Country           *country,
          const NaTopoPoint *points,
          guint              n_points,
          gboolean           hole)
{
  g_autoptr(GArray) ring = g_array_sized_new (FALSE, FALSE, sizeof (NaTopoPoint), n_points);
  NaTopoPoint *p;
  double lon_min = G_MAXDOUBLE, lon_max = -G_MAXDOUBLE, shift, high_seam;

  /* Rings arrive closed; the pieces are closed again when stored. */
  if (n_points > 1 && points[0].x == points[n_points - 1].x &&
      points[0].y == points[n_points - 1].y)
    n_points--;
  if (n_points < 3)
    return;

  g_array_append_vals (ring, points, n_points);
  p = (NaTopoPoint *) ring->data;
  for (guint i = 1; i < n_points; i++)
    {
      double step = points[i].x - points[i - 1].x;

      p[i].x = p[i - 1].x + na_longitude_wrap (step);
    }
  if (fabs (p[n_points - 1].x + na_longitude_wrap (p[0].x - p[n_points - 1].x) - p[0].x) > 1)
    memcpy (p, points, n_points * sizeof (NaTopoPoint));   /* around a pole */

  for (guint i = 0; i < n_points; i++)
    {
      lon_min = MIN (lon_min, p[i].x);
      lon_max = MAX (lon_max, p[i].x);
    }

  /* Move the ring so it starts east of the western seam; the eastern seam may cut it. */
  shift = 360.0 * floor ((lon_min - SEAM) / 360.0);
  for (guint i = 0; i < n_points; i++)
    p[i].x -= shift;
  lon_max -= shift;
  high_seam = SEAM + 360.0;

  if (lon_max <= high_seam)
    add_piece (country, p, n_points, -NA_MAP_CENTRAL_MERIDIAN, hole);
  else
    {
      g_autoptr(GArray) west = clip_at_seam (p, n_points, high_seam, TRUE);
      g_autoptr(GArray) east = clip_at_seam (p, n_points, high_seam, FALSE);

      add_piece (country, (NaTopoPoint *) west->data, west->len,
                 -NA_MAP_CENTRAL_MERIDIAN, hole);
      add_piece (country, (NaTopoPoint *) east->data, east->len,
                 -NA_MAP_CENTRAL_MERIDIAN - 360.0, hole);
    }
}

static void
append_data (GArray                 *data,
             cairo_path_data_type_t  type,
             const Point            *point)
{
  cairo_path_data_t header, value;

  header.header.type = type;
  header.header.length = point ? 2 : 1;
  g_array_append_val (data, header);
  if (point)
    {
      value.point.x = point->x;
      value.point.y = point->y;
      g_array_append_val (data, value);
    }
}

static cairo_path_t *
path_from_data (GArray *data)
{
  cairo_path_t *path = g_new0 (cairo_path_t, 1);

  path->status = CAIRO_STATUS_SUCCESS;
  path->num_data = data->len;
  path->data = (cairo_path_data_t *) g_array_free (data, FALSE);
  return path;
}

typedef struct
{
  guint  a, b;
  double limit;
} Span;

/* Douglas–Peucker for every tolerance at once: @importance[i] becomes the largest tolerance
 * at which point i survives (its own distance, capped by those of the points that split the
 * line before it); the two ends survive any. Simplifying to t then keeps the points whose
 * importance exceeds t: one pass instead of one per level of detail. */
static void
rank_points (const Point *p,
             guint        n,
             double      *importance)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; i < n; i++)
    importance[i] = 0;
  importance[0] = importance[n - 1] = G_MAXDOUBLE;
  g_array_append_val (stack, ((Span) { 0, n - 1, G_MAXDOUBLE }));

  while (stack->len > 0)
    {
      Span span = g_array_index (stack, Span, stack->len - 1);
      double dx = p[span.b].x - p[span.a].x, dy = p[span.b].y - p[span.a].y;
      double len2 = dx * dx + dy * dy, best = 0;
      guint farthest = 0;

      g_array_set_size (stack, stack->len - 1);
      for (guint i = span.a + 1; i < span.b; i++)
        {
          double ex = p[i].x - p[span.a].x, ey = p[i].y - p[span.a].y, d2;

          /* Distance to the segment, or to the point when it closes a ring. */
          if (len2 > 0)
            {
              double cross = ex * dy - ey * dx;

              d2 = cross * cross / len2;
            }
          else
            d2 = ex * ex + ey * ey;
          if (d2 > best)
            {
              best = d2;
              farthest = i;
            }
        }

      if (farthest > 0)
        {
          double rank = MIN (span.limit, sqrt (best));

          importance[farthest] = rank;
          g_array_append_val (stack, ((Span) { span.a, farthest, rank }));
          g_array_append_val (stack, ((Span) { farthest, span.b, rank }));
        }
    }
}

/* The country's rings as a cairo path simplified to @tolerance, rings smaller than it dropped
 * whole (markers stand in for them). */
static cairo_path_t *
build_path (Country      *country,
            const double *importance,
            double        tolerance)
{
  GArray *data = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));

  for (guint r = 0; r < country->rings->len; r++)
    {
      const Ring *ring = &g_array_index (country->rings, Ring, r);
      const Point *p = &g_array_index (country->points, Point, ring->first);
      const double *rank = importance + ring->first;
      guint kept = 0;

      if (tolerance > 0 &&
          MAX (ring->x_max - ring->x_min, ring->y_max - ring->y_min) < tolerance)
        continue;

      for (guint i = 0; i + 1 < ring->n_points; i++)
        kept += rank[i] > tolerance;
      if (kept < 3)
        continue;

      append_data (data, CAIRO_PATH_MOVE_TO, p);
      for (guint i = 1; i + 1 < ring->n_points; i++)
        if (rank[i] > tolerance)
          append_data (data, CAIRO_PATH_LINE_TO, &p[i]);
      append_data (data, CAIRO_PATH_CLOSE_PATH, NULL);
    }

  return path_from_data (data);
}

static void
finish_country (Country *country)
{
  g_autofree double *importance = NULL;
  double largest = 0;

  /* Size by the largest ring: polar rings (Antarctica's) make exterior-minus-holes
   * meaningless in the plane, and a scatter of islands is as small as its largest one. */
  country->area = 0;
  for (guint r = 0; r < country->rings->len; r++)
    {
      const Ring *ring = &g_array_index (country->rings, Ring, r);
      const Point *p = &g_array_index (country->points, Point, ring->first);
      double area = fabs (ring_signed_area (p, ring->n_points));

      country->area = MAX (country->area, area);
      /* The marker sits in the middle of the largest piece of land. */
      if (!ring->hole && area >= largest)
        {
          double a = 0, cx = 0, cy = 0;

          for (guint i = 0; i + 1 < ring->n_points; i++)
            {
              double cross = p[i].x * p[i + 1].y - p[i + 1].x * p[i].y;

              a += cross;
              cx += (p[i].x + p[i + 1].x) * cross;
              cy += (p[i].y + p[i + 1].y) * cross;
            }
          largest = area;
          if (fabs (a) > 1e-18)
            {
              country->marker_x = cx / (3 * a);
              country->marker_y = cy / (3 * a);
            }
          else
            {
              country->marker_x = (ring->x_min + ring->x_max) / 2;
              country->marker_y = (ring->y_min + ring->y_max) / 2;
            }
        }
    }

  importance = g_new (double, MAX (country->points->len, 1));
  for (guint r = 0; r < country->rings->len; r++)
    {
      const Ring *ring = &g_array_index (country->rings, Ring, r);

      rank_points (&g_array_index (country->points, Point, ring->first), ring->n_points,
                   importance + ring->first);
    }
  for (guint i = 0; i < N_LODS; i++)
    country->paths[i] = build_path (country, importance, lod_tolerance[i]);
}

static Country *
country_new (const char *numeric,
             const char *fallback_name)
{
  Country *country = g_new0 (Country, 1);
  IsoEntry *entry = numeric ? g_hash_table_lookup (iso_table (), numeric) : NULL;

  country->points = g_array_new (FALSE, FALSE, sizeof (Point));
  country->rings = g_array_new (FALSE, FALSE, sizeof (Ring));
  country->x_min = country->y_min = G_MAXDOUBLE;
  country->x_max = country->y_max = -G_MAXDOUBLE;

  if (entry != NULL)
    {
      country->code = g_strdup (entry->alpha_3);
      country->name = g_strdup (dgettext (ISO_DOMAIN, entry->name));
    }
  else
    country->name = g_strdup (fallback_name ? fallback_name : "");

  return country;
}

static void
add_country (NaWorldMap *self,
             Country    *country)
{
  g_ptr_array_add (self->countries, country);
  self->n_points += country->points->len;
  if (country->code && !g_hash_table_contains (self->by_code, country->code))
    g_hash_table_insert (self->by_code, country->code, GUINT_TO_POINTER (self->countries->len));
  else if (country->code)
    country->secondary = TRUE;
}

static void
free_path (cairo_path_t *path)
{
  if (path == NULL)
    return;
  g_free (path->data);
  g_free (path);
}

static void
border_free (Border *border)
{
  for (guint i = 0; i < N_LODS; i++)
    free_path (border->paths[i]);
  g_free (border);
}

static void
border_add_point (Border  *border,
                  GArray  *piece,
                  double   longitude,
                  double   latitude,
                  double   offset)
{
  Point p = project_piece_point (longitude, latitude, offset);

  g_array_append_val (piece, p);
  border->x_min = MIN (border->x_min, p.x);
  border->y_min = MIN (border->y_min, p.y);
  border->x_max = MAX (border->x_max, p.x);
  border->y_max = MAX (border->y_max, p.y);
}

/* Projects a border arc as one or two polylines (cut at the map's edge), densified. */
static Border *
border_new (const NaTopoPoint *points,
            guint              n_points)
{
  Border *border = g_new0 (Border, 1);
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) ranks = NULL;
  g_autoptr(GArray) lon = g_array_sized_new (FALSE, FALSE, sizeof (double), n_points);
  double high_seam = SEAM + 360.0, lon_min = G_MAXDOUBLE, shift, offset;
  GArray *piece;

  border->x_min = border->y_min = G_MAXDOUBLE;
  border->x_max = border->y_max = -G_MAXDOUBLE;

  /* Continuous across the date line, then moved east of the western seam, as rings are. */
  g_array_append_val (lon, points[0].x);
  for (guint i = 1; i < n_points; i++)
    g_array_append_val (lon, (double) { g_array_index (lon, double, i - 1) +
                                        na_longitude_wrap (points[i].x - points[i - 1].x) });
  for (guint i = 0; i < n_points; i++)
    lon_min = MIN (lon_min, g_array_index (lon, double, i));
  shift = 360.0 * floor ((lon_min - SEAM) / 360.0);

  piece = g_array_new (FALSE, FALSE, sizeof (Point));
  g_ptr_array_add (pieces, piece);
  offset = g_array_index (lon, double, 0) - shift <= high_seam ? -NA_MAP_CENTRAL_MERIDIAN
                                                              : -NA_MAP_CENTRAL_MERIDIAN - 360;
  border_add_point (border, piece, g_array_index (lon, double, 0) - shift, points[0].y, offset);

  for (guint i = 1; i < n_points; i++)
    {
      double ax = g_array_index (lon, double, i - 1) - shift, ay = points[i - 1].y;
      double bx = g_array_index (lon, double, i) - shift, by = points[i].y;
      double span = MAX (fabs (bx - ax), fabs (by - ay));
      guint steps = span > DENSIFY_DEGREES ? (guint) ceil (span / DENSIFY_DEGREES) : 1;

      if ((ax <= high_seam) != (bx <= high_seam))
        {
          /* Crossing the edge: end this polyline there and start the next on the far side. */
          double t = (high_seam - ax) / (bx - ax);
          double cy = ay + t * (by - ay);

          border_add_point (border, piece, high_seam, cy, offset);
          offset = bx <= high_seam ? -NA_MAP_CENTRAL_MERIDIAN : -NA_MAP_CENTRAL_MERIDIAN - 360;
          piece = g_array_new (FALSE, FALSE, sizeof (Point));
          g_ptr_array_add (pieces, piece);
          border_add_point (border, piece, high_seam, cy, offset);
          border_add_point (border, piece, bx, by, offset);
          continue;
        }

      for (guint s = 1; s <= steps; s++)
        border_add_point (border, piece, ax + (bx - ax) * s / steps, ay + (by - ay) * s / steps,
                          offset);
    }

  ranks = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < pieces->len; k++)
    {
      GArray *pp = g_ptr_array_index (pieces, k);
      double *rank = g_new (double, MAX (pp->len, 1));

      if (pp->len >= 2)
        rank_points ((const Point *) pp->data, pp->len, rank);
      g_ptr_array_add (ranks, rank);
    }

  for (guint l = 0; l < N_LODS; l++)
    {
      GArray *data = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));

      for (guint k = 0; k < pieces->len; k++)
        {
          GArray *pp = g_ptr_array_index (pieces, k);
          const Point *p = (const Point *) pp->data;
          const double *rank = g_ptr_array_index (ranks, k);

          if (pp->len < 2)
            continue;
          append_data (data, CAIRO_PATH_MOVE_TO, p);
          for (guint i = 1; i < pp->len; i++)
            if (rank[i] > lod_tolerance[l])
              append_data (data, CAIRO_PATH_LINE_TO, &p[i]);
        }
      border->paths[l] = path_from_data (data);
    }

  return border;
}

/* The arcs two different countries share are the land borders. */
static void
build_borders (NaWorldMap *self,
               NaTopology *topology)
{
  guint n_arcs = na_topology_get_n_arcs (topology);
  g_autofree int *owner = g_new (int, n_arcs);
  g_autofree gboolean *shared = g_new0 (gboolean, n_arcs);

  for (guint i = 0; i < n_arcs; i++)
    owner[i] = -1;

  for (guint g = 0; g < na_topology_get_n_geometries (topology); g++)
    {
      NaTopoGeometry *geometry = na_topology_get_geometry (topology, g);

      for (guint k = 0; k < geometry->arc_refs->len; k++)
        {
          gint ref = g_array_index (geometry->arc_refs, gint, k);
          guint arc = ref < 0 ? ~ref : ref;

          if (owner[arc] < 0)
            owner[arc] = g;
          else if (owner[arc] != (int) g)
            shared[arc] = TRUE;
        }
    }

  for (guint i = 0; i < n_arcs; i++)
    if (shared[i])
      {
        guint n_points;
        const NaTopoPoint *points = na_topology_get_arc (topology, i, &n_points);

        g_ptr_array_add (self->borders, border_new (points, n_points));
      }
}

static cairo_path_t *
build_outline (void)
{
  GArray *data = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));
  Point p;

  for (int lat = 90; lat >= -90; lat--)
    {
      na_equal_earth_forward (0, -180, lat, &p.x, &p.y);
      p.y = -p.y;
      append_data (data, lat == 90 ? CAIRO_PATH_MOVE_TO : CAIRO_PATH_LINE_TO, &p);
    }
  for (int lat = -90; lat <= 90; lat++)
    {
      na_equal_earth_forward (0, 180, lat, &p.x, &p.y);
      p.y = -p.y;
      append_data (data, CAIRO_PATH_LINE_TO, &p);
    }
  append_data (data, CAIRO_PATH_CLOSE_PATH, NULL);

  return path_from_data (data);
}

/**
 * na_world_map_new:
 * @topology: decoded country polygons, longitude and latitude in degrees, ids ISO numeric
 *
 * Projects every country once. Countries of iso-codes missing from @topology because they
 * are too small for its scale, but which essays discuss, are added as markers.
 *
 * Returns: (transfer full): the map
 */
NaWorldMap *
na_world_map_new (NaTopology *topology)
{
  NaWorldMap *self;

  g_return_val_if_fail (topology != NULL, NULL);

  self = g_new0 (NaWorldMap, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) country_free);
  self->borders = g_ptr_array_new_with_free_func ((GDestroyNotify) border_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->outline = build_outline ();

  for (guint g = 0; g < na_topology_get_n_geometries (topology); g++)
    {
      NaTopoGeometry *geometry = na_topology_get_geometry (topology, g);
      Country *country = country_new (geometry->id, geometry->name);
      guint polygon = G_MAXUINT;

      for (guint r = 0; r < geometry->rings->len; r++)
        {
          const NaTopoRing *ring = &g_array_index (geometry->rings, NaTopoRing, r);

          add_ring (country, &g_array_index (geometry->points, NaTopoPoint, ring->first),
                    ring->n_points, ring->polygon == polygon);
          polygon = ring->polygon;
        }

      finish_country (country);
      add_country (self, country);
    }

  build_borders (self, topology);

  for (guint i = 0; i < G_N_ELEMENTS (point_countries); i++)
    {
      Country *country = country_new (point_countries[i].numeric, NULL);

      if (country->code == NULL || g_hash_table_contains (self->by_code, country->code))
        {
          country_free (country);
          continue;
        }
      na_map_project (point_countries[i].longitude, point_countries[i].latitude,
                      &country->marker_x, &country->marker_y);
      country->x_min = country->x_max = country->marker_x;
      country->y_min = country->y_max = country->marker_y;
      finish_country (country);
      add_country (self, country);
    }

  return self;
}

NaWorldMap *
na_world_map_new_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NaTopology) topology = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resources_lookup_data (NA_WORLD_MAP_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  topology = na_topology_new_from_bytes (bytes, "countries", &local_error);
  if (topology == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", NA_WORLD_MAP_RESOURCE, local_error->message);
      return NULL;
    }

  return na_world_map_new (topology);
}

static void
load_bundled_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  NaWorldMap *map = na_world_map_new_bundled (&error);

  if (map == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, map, (GDestroyNotify) na_world_map_unref);
}

/* Decodes and projects the bundled countries in a worker thread (about a tenth of a second). */
void
na_world_map_load_bundled_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, na_world_map_load_bundled_async);
  g_task_run_in_thread (task, load_bundled_thread);
}

NaWorldMap *
na_world_map_load_bundled_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

NaWorldMap *
na_world_map_ref (NaWorldMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
na_world_map_unref (NaWorldMap *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->countries);
  g_ptr_array_unref (self->borders);
  g_hash_table_unref (self->by_code);
  g_free (self->outline->data);
  g_free (self->outline);
  g_free (self);
}

guint
na_world_map_get_n_countries (NaWorldMap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->countries->len;
}

/* Returns: (nullable): the country's ISO alpha-3 code; %NULL for areas without one */
const char *
na_world_map_get_code (NaWorldMap *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL && index < self->countries->len, NULL);

  return ((Country *) g_ptr_array_index (self->countries, index))->code;
}

/* Returns: the country's name, translated through iso-codes where it has one */
const char *
na_world_map_get_name (NaWorldMap *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL && index < self->countries->len, NULL);

  return ((Country *) g_ptr_array_index (self->countries, index))->name;
}

/* Returns: the index of the (first) country with @code, or -1 */
int
na_world_map_lookup_code (NaWorldMap *self,
                          const char *code)
{
  g_return_val_if_fail (self != NULL, -1);

  return code ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code)) - 1 : -1;
}

/* Returns: (nullable): the translated name of @code's country, %NULL if not on the map */
const char *
na_world_map_get_name_for_code (NaWorldMap *self,
                                const char *code)
{
  int index = na_world_map_lookup_code (self, code);

  return index < 0 ? NULL : na_world_map_get_name (self, index);
}

void
na_world_map_get_bounds (NaWorldMap *self,
                         guint       index,
                         double     *x_min,
                         double     *y_min,
                         double     *x_max,
                         double     *y_max)
{
  Country *country;

  g_return_if_fail (self != NULL && index < self->countries->len);

  country = g_ptr_array_index (self->countries, index);
  *x_min = country->x_min;
  *y_min = country->y_min;
  *x_max = country->x_max;
  *y_max = country->y_max;
}

guint
na_world_map_get_n_points (NaWorldMap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_points;
}

/* Whether the country is too small to see at @scale (pixels per map unit): a marker then. */
gboolean
na_world_map_is_tiny (NaWorldMap *self,
                      guint       index,
                      double      scale)
{
  g_return_val_if_fail (self != NULL && index < self->countries->len, FALSE);

  return _na_country_is_tiny (g_ptr_array_index (self->countries, index), scale);
}

/* Even-odd point in polygon over all the country's rings. */
static gboolean
country_contains (const Country *country,
                  double         x,
                  double         y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < country->rings->len; r++)
    {
      const Ring *ring = &g_array_index (country->rings, Ring, r);
      const Point *p = &g_array_index (country->points, Point, ring->first);

      if (x < ring->x_min || x > ring->x_max || y < ring->y_min || y > ring->y_max)
        continue;

      for (guint i = 0; i + 1 < ring->n_points; i++)
        {
          const Point *a = &p[i], *b = &p[i + 1];

          if ((a->y > y) != (b->y > y) &&
              x < a->x + (y - a->y) * (b->x - a->x) / (b->y - a->y))
            inside = !inside;
        }
    }

  return inside;
}

/**
 * na_world_map_hit_test:
 * @map_x: (in map units)
 * @map_y:
 * @scale: the current scale in pixels per map unit, which decides which countries are
 *   markers and how large those are
 *
 * Returns: the index of the country at the point, or -1 (sea, or off the map)
 */
int
na_world_map_hit_test (NaWorldMap *self,
                       double      map_x,
                       double      map_y,
                       double      scale)
{
  double reach, best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (scale > 0, -1);

  for (guint i = 0; i < self->countries->len; i++)
    {
      const Country *country = g_ptr_array_index (self->countries, i);

      if (map_x < country->x_min || map_x > country->x_max ||
          map_y < country->y_min || map_y > country->y_max || _na_country_is_tiny (country, scale))
        continue;
      if (country_contains (country, map_x, map_y))
        return i;
    }

  /* Markers: a little larger than drawn, so a finger or a shaky hand still gets them. */
  reach = (NA_MAP_MARKER_RADIUS_PX + 3) / scale;
  for (guint i = 0; i < self->countries->len; i++)
    {
      const Country *country = g_ptr_array_index (self->countries, i);
      double dx = map_x - country->marker_x, dy = map_y - country->marker_y;
      double d2 = dx * dx + dy * dy;

      if (!country->secondary && _na_country_is_tiny (country, scale) &&
          d2 <= reach * reach && d2 < best)
        {
          best = d2;
          found = i;
        }
    }

  return found;
}

/* The coarsest level of detail whose simplification stays under a pixel at @scale. */
int
_na_world_map_choose_lod (double scale)
{
  for (int i = N_LODS - 1; i > 0; i--)
    if (lod_tolerance[i] * scale <= 1.0)
      return i;
  return 0;
}
