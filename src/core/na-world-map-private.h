/* na-world-map-private.h — what the files of the world map share: the projected countries */
#pragma once

#include <math.h>

#include "na-world-map.h"

G_BEGIN_DECLS

#define N_LODS 7

typedef struct
{
  double x, y;
} Point;

typedef struct
{
  guint    first;
  guint    n_points;
  gboolean hole;
  double   x_min, y_min, x_max, y_max;
} Ring;

typedef struct
{
  char         *code;    /* ISO 3166-1 alpha-3, or NULL */
  char         *name;    /* translated */
  GArray       *points;  /* Point, projected */
  GArray       *rings;   /* Ring */
  cairo_path_t *paths[N_LODS];
  double        x_min, y_min, x_max, y_max;
  double        area;    /* of the largest ring */
  double        marker_x, marker_y;
  gboolean      secondary;   /* a further piece of a country listed before (Ashmore, AUS) */
} Country;

/* A land border, shared by two countries: stroked once, where each country stroking its own
 * outline would draw it twice and every coastline too, at several times the cost. */
typedef struct
{
  double        x_min, y_min, x_max, y_max;
  cairo_path_t *paths[N_LODS];
} Border;

struct _NaWorldMap
{
  gatomicrefcount ref_count;
  GPtrArray      *countries;   /* Country */
  GPtrArray      *borders;     /* Border */
  GHashTable     *by_code;     /* code → index + 1 */
  cairo_path_t   *outline;     /* the globe's edge */
  guint           n_points;
};

static inline gboolean
_na_country_is_tiny (const Country *country,
                     double         scale)
{
  return sqrt (country->area) * scale < NA_MAP_MARKER_MIN_PX;
}

int _na_world_map_choose_lod (double scale);

G_END_DECLS
