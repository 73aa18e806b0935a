/* na-topojson.h — decoding TopoJSON polygons (quantized, delta-encoded, shared arcs) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NA_TOPOJSON_ERROR (na_topojson_error_quark ())

typedef enum
{
  NA_TOPOJSON_ERROR_SYNTAX,
  NA_TOPOJSON_ERROR_FORMAT,
} NaTopoJsonError;

typedef struct
{
  double x;   /* longitude, or whatever the file's untransformed x is */
  double y;   /* latitude */
} NaTopoPoint;

/* A closed ring: points[first .. first + n_points - 1] of its geometry; the last point repeats
 * the first. The first ring of each polygon is its exterior, the others its holes. */
typedef struct
{
  guint first;
  guint n_points;
  guint polygon;
} NaTopoRing;

typedef struct
{
  char   *id;          /* the geometry's "id" as a string, or NULL */
  char   *name;        /* properties.name, or NULL */
  GArray *points;      /* NaTopoPoint */
  GArray *rings;       /* NaTopoRing */
  guint   n_polygons;
  guint   n_arcs;      /* arc references used, counting repeats */
  GArray *arc_refs;    /* gint: the arcs referenced, in order, ~i for arc i reversed */
  double  x_min, y_min, x_max, y_max;
} NaTopoGeometry;

typedef struct _NaTopology NaTopology;

GQuark          na_topojson_error_quark        (void);
NaTopology     *na_topology_new_from_data      (const char   *data,
                                                gssize        length,
                                                const char   *object_name,
                                                GError      **error);
NaTopology     *na_topology_new_from_bytes     (GBytes       *bytes,
                                                const char   *object_name,
                                                GError      **error);
void            na_topology_free               (NaTopology   *self);
guint           na_topology_get_n_arcs         (NaTopology   *self);
guint           na_topology_get_n_geometries   (NaTopology   *self);
NaTopoGeometry *na_topology_get_geometry       (NaTopology   *self,
                                                guint         index);
NaTopoGeometry *na_topology_lookup_name        (NaTopology   *self,
                                                const char   *name);
const NaTopoPoint *na_topology_get_arc         (NaTopology   *self,
                                                guint         index,
                                                guint        *n_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaTopology, na_topology_free)

G_END_DECLS
