/* na-topojson.c — decoding TopoJSON polygons
 *
 * TopoJSON (https://github.com/topojson/topojson-specification) stores each shared border once,
 * as an "arc"; geometries list the arcs of their rings by index, ~i meaning arc i reversed.
 * With a "transform", arc positions are quantized integers, each one a delta from the previous
 * position of its arc. We decode everything up front into absolute coordinates per geometry,
 * since the map projects them once and never looks at the topology again.
 */
#define G_LOG_DOMAIN "na-topojson"

#include "config.h"

#include <json-glib/json-glib.h>

#include "na-topojson.h"

struct _NaTopology
{
  GPtrArray *arcs;         /* GArray of NaTopoPoint, decoded */
  GPtrArray *geometries;   /* NaTopoGeometry */
};

G_DEFINE_QUARK (na-topojson-error-quark, na_topojson_error)

static void
geometry_free (NaTopoGeometry *geometry)
{
  g_free (geometry->id);
  g_free (geometry->name);
  g_array_unref (geometry->points);
  g_array_unref (geometry->rings);
  g_array_unref (geometry->arc_refs);
  g_free (geometry);
}

void
na_topology_free (NaTopology *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->arcs);
  g_ptr_array_unref (self->geometries);
  g_free (self);
}

static gboolean
read_position (JsonArray   *position,
               double      *x,
               double      *y)
{
  JsonNode *nx, *ny;

  if (position == NULL || json_array_get_length (position) < 2)
    return FALSE;
  nx = json_array_get_element (position, 0);
  ny = json_array_get_element (position, 1);
  if (!JSON_NODE_HOLDS_VALUE (nx) || !JSON_NODE_HOLDS_VALUE (ny))
    return FALSE;

  *x = json_node_get_double (nx);
  *y = json_node_get_double (ny);
  return TRUE;
}

/* Reads "transform": scale and translate, or the identity when absent. */
static gboolean
read_transform (JsonObject  *root,
                gboolean    *quantized,
                double       scale[2],
                double       translate[2],
                GError     **error)
{
  JsonObject *transform;
  JsonNode *node = json_object_get_member (root, "transform");

  *quantized = FALSE;
  scale[0] = scale[1] = 1;
  translate[0] = translate[1] = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  transform = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (transform == NULL ||
      !json_object_has_member (transform, "scale") ||
      !json_object_has_member (transform, "translate") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (transform, "scale")) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (transform, "translate")) ||
      !read_position (json_object_get_array_member (transform, "scale"), &scale[0], &scale[1]) ||
      !read_position (json_object_get_array_member (transform, "translate"),
                      &translate[0], &translate[1]))
    {
      g_set_error_literal (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                           "“transform” needs “scale” and “translate”, two numbers each");
      return FALSE;
    }

  *quantized = TRUE;
  return TRUE;
}

static gboolean
decode_arcs (NaTopology  *self,
             JsonObject  *root,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "arcs");
  JsonArray *arcs;
  double scale[2], translate[2];
  gboolean quantized;

  if (!read_transform (root, &quantized, scale, translate, error))
    return FALSE;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                           "a topology needs an “arcs” array");
      return FALSE;
    }

  arcs = json_node_get_array (node);
  for (guint i = 0, n = json_array_get_length (arcs); i < n; i++)
    {
      JsonNode *arc_node = json_array_get_element (arcs, i);
      JsonArray *arc = JSON_NODE_HOLDS_ARRAY (arc_node) ? json_node_get_array (arc_node) : NULL;
      guint n_positions = arc ? json_array_get_length (arc) : 0;
      g_autoptr(GArray) points = NULL;
      double x = 0, y = 0;

      if (arc == NULL || n_positions < 2)
        {
          g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                       "arc %u is not an array of at least two positions", i);
          return FALSE;
        }

      points = g_array_sized_new (FALSE, FALSE, sizeof (NaTopoPoint), n_positions);
      for (guint j = 0; j < n_positions; j++)
        {
          JsonNode *position = json_array_get_element (arc, j);
          NaTopoPoint point;
          double px, py;

          if (!JSON_NODE_HOLDS_ARRAY (position) ||
              !read_position (json_node_get_array (position), &px, &py))
            {
              g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                           "position %u of arc %u is not a pair of numbers", j, i);
              return FALSE;
            }

          if (quantized)
            {
              x += px;
              y += py;
              point.x = x * scale[0] + translate[0];
              point.y = y * scale[1] + translate[1];
            }
          else
            {
              point.x = px;
              point.y = py;
            }
          g_array_append_val (points, point);
        }

      g_ptr_array_add (self->arcs, g_steal_pointer (&points));
    }

  return TRUE;
}

static void
update_bounds (NaTopoGeometry    *geometry,
               const NaTopoPoint *point)
{
  geometry->x_min = MIN (geometry->x_min, point->x);
  geometry->y_min = MIN (geometry->y_min, point->y);
  geometry->x_max = MAX (geometry->x_max, point->x);
  geometry->y_max = MAX (geometry->y_max, point->y);
}

/* Appends the ring made of the arcs listed in @ring_node to @geometry. */
static gboolean
decode_ring (NaTopology      *self,
             NaTopoGeometry  *geometry,
             JsonNode        *ring_node,
             guint            geometry_index,
             GError         **error)
{
  JsonArray *ring = JSON_NODE_HOLDS_ARRAY (ring_node) ? json_node_get_array (ring_node) : NULL;
  NaTopoRing r = { geometry->points->len, 0, geometry->n_polygons };

  if (ring == NULL || json_array_get_length (ring) == 0)
    {
      g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                   "geometry %u (“%s”) has a ring that is not a non-empty array of arc indices",
                   geometry_index, geometry->name ? geometry->name : "");
      return FALSE;
    }

  for (guint k = 0, n = json_array_get_length (ring); k < n; k++)
    {
      JsonNode *index_node = json_array_get_element (ring, k);
      gint64 index;
      gboolean reversed;
      GArray *arc;
      gint ref;

      if (!JSON_NODE_HOLDS_VALUE (index_node) ||
          json_node_get_value_type (index_node) != G_TYPE_INT64)
        {
          g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                       "geometry %u (“%s”) has an arc index that is not an integer",
                       geometry_index, geometry->name ? geometry->name : "");
          return FALSE;
        }

      index = json_node_get_int (index_node);
      reversed = index < 0;
      if (reversed)
        index = ~index;
      if (index >= self->arcs->len)
        {
          g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                       "geometry %u (“%s”) refers to arc %" G_GINT64_FORMAT
                       ", but there are only %u",
                       geometry_index, geometry->name ? geometry->name : "", index,
                       self->arcs->len);
          return FALSE;
        }

      arc = g_ptr_array_index (self->arcs, index);
      geometry->n_arcs++;
      ref = reversed ? ~(gint) index : (gint) index;
      g_array_append_val (geometry->arc_refs, ref);
      /* Consecutive arcs share their end points: keep only the first occurrence. */
      for (guint j = k == 0 ? 0 : 1; j < arc->len; j++)
        {
          guint at = reversed ? arc->len - 1 - j : j;
          const NaTopoPoint *point = &g_array_index (arc, NaTopoPoint, at);

          g_array_append_val (geometry->points, *point);
          update_bounds (geometry, point);
        }
    }

  r.n_points = geometry->points->len - r.first;
  g_array_append_val (geometry->rings, r);
  return TRUE;
}

static gboolean
decode_polygon (NaTopology      *self,
                NaTopoGeometry  *geometry,
                JsonNode        *polygon_node,
                guint            geometry_index,
                GError         **error)
{
  JsonArray *polygon;

  if (!JSON_NODE_HOLDS_ARRAY (polygon_node))
    {
      g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                   "geometry %u (“%s”) has a polygon that is not an array of rings",
                   geometry_index, geometry->name ? geometry->name : "");
      return FALSE;
    }

  polygon = json_node_get_array (polygon_node);
  for (guint i = 0, n = json_array_get_length (polygon); i < n; i++)
    if (!decode_ring (self, geometry, json_array_get_element (polygon, i), geometry_index, error))
      return FALSE;

  geometry->n_polygons++;
  return TRUE;
}

static NaTopoGeometry *
decode_geometry (NaTopology  *self,
                 JsonObject  *object,
                 guint        index,
                 GError     **error)
{
  NaTopoGeometry *geometry = g_new0 (NaTopoGeometry, 1);
  const char *type = json_object_get_string_member_with_default (object, "type", NULL);
  JsonNode *id = json_object_get_member (object, "id");
  JsonNode *properties = json_object_get_member (object, "properties");
  JsonNode *arcs = json_object_get_member (object, "arcs");

  geometry->points = g_array_new (FALSE, FALSE, sizeof (NaTopoPoint));
  geometry->rings = g_array_new (FALSE, FALSE, sizeof (NaTopoRing));
  geometry->arc_refs = g_array_new (FALSE, FALSE, sizeof (gint));
  geometry->x_min = geometry->y_min = G_MAXDOUBLE;
  geometry->x_max = geometry->y_max = -G_MAXDOUBLE;

  if (id != NULL && JSON_NODE_HOLDS_VALUE (id))
    {
      if (json_node_get_value_type (id) == G_TYPE_STRING)
        geometry->id = json_node_dup_string (id);
      else if (json_node_get_value_type (id) == G_TYPE_INT64)
        geometry->id = g_strdup_printf ("%03" G_GINT64_FORMAT, json_node_get_int (id));
    }
  if (properties != NULL && JSON_NODE_HOLDS_OBJECT (properties))
    geometry->name = g_strdup (json_object_get_string_member_with_default (
                                 json_node_get_object (properties), "name", NULL));

  if (g_strcmp0 (type, "Polygon") == 0 || g_strcmp0 (type, "MultiPolygon") == 0)
    {
      gboolean multi = type[0] == 'M';
      JsonArray *list = arcs && JSON_NODE_HOLDS_ARRAY (arcs) ? json_node_get_array (arcs) : NULL;

      if (list == NULL)
        {
          g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                       "geometry %u (“%s”) is a %s without an “arcs” array",
                       index, geometry->name ? geometry->name : "", type);
          geometry_free (geometry);
          return NULL;
        }

      if (!multi)
        {
          if (!decode_polygon (self, geometry, arcs, index, error))
            g_clear_pointer (&geometry, geometry_free);
        }
      else
        for (guint i = 0, n = json_array_get_length (list); i < n && geometry; i++)
          if (!decode_polygon (self, geometry, json_array_get_element (list, i), index, error))
            g_clear_pointer (&geometry, geometry_free);
    }
  /* Points, lines and null geometries have no area to draw: kept, empty, so indices hold. */

  return geometry;
}

static JsonObject *
find_object (JsonObject  *root,
             const char  *object_name,
             GError     **error)
{
  JsonNode *objects = json_object_get_member (root, "objects");
  JsonObject *object;
  JsonNode *node;

  if (objects == NULL || !JSON_NODE_HOLDS_OBJECT (objects))
    {
      g_set_error_literal (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                           "a topology needs an “objects” object");
      return NULL;
    }

  object = json_node_get_object (objects);
  if (object_name != NULL)
    node = json_object_get_member (object, object_name);
  else
    {
      g_autoptr(GList) names = json_object_get_members (object);

      node = names ? json_object_get_member (object, names->data) : NULL;
    }

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                   "the topology has no object “%s”", object_name ? object_name : "");
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * na_topology_new_from_data:
 * @data: TopoJSON text
 * @length: its length, or -1 when nul-terminated
 * @object_name: (nullable): the object to decode, or %NULL for the first one
 * @error: return location for an error
 *
 * Decodes the polygons of one object of a topology: a GeometryCollection, each of its
 * geometries becoming one #NaTopoGeometry, or a single geometry.
 *
 * Returns: (transfer full): the decoded topology, or %NULL with @error set
 */
NaTopology *
na_topology_new_from_data (const char  *data,
                           gssize       length,
                           const char  *object_name,
                           GError     **error)
{
  g_autoptr(NaTopology) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root_node;
  JsonObject *root, *object;
  JsonArray *geometries;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_SYNTAX,
                   "not valid JSON: %s", local_error->message);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root_node),
                                                             "type", NULL), "Topology") != 0)
    {
      g_set_error_literal (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                           "not a TopoJSON topology (no “type”: “Topology”)");
      return NULL;
    }

  self = g_new0 (NaTopology, 1);
  self->arcs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->geometries = g_ptr_array_new_with_free_func ((GDestroyNotify) geometry_free);

  root = json_node_get_object (root_node);
  if (!decode_arcs (self, root, error) || !(object = find_object (root, object_name, error)))
    return NULL;

  if (g_strcmp0 (json_object_get_string_member_with_default (object, "type", NULL),
                 "GeometryCollection") != 0)
    {
      NaTopoGeometry *geometry = decode_geometry (self, object, 0, error);

      if (geometry == NULL)
        return NULL;
      g_ptr_array_add (self->geometries, geometry);
      return g_steal_pointer (&self);
    }

  if (!json_object_has_member (object, "geometries") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "geometries")))
    {
      g_set_error_literal (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                           "a GeometryCollection needs a “geometries” array");
      return NULL;
    }

  geometries = json_object_get_array_member (object, "geometries");
  for (guint i = 0, n = json_array_get_length (geometries); i < n; i++)
    {
      JsonNode *node = json_array_get_element (geometries, i);
      NaTopoGeometry *geometry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, NA_TOPOJSON_ERROR, NA_TOPOJSON_ERROR_FORMAT,
                       "geometry %u is not an object", i);
          return NULL;
        }
      if (!(geometry = decode_geometry (self, json_node_get_object (node), i, error)))
        return NULL;
      g_ptr_array_add (self->geometries, geometry);
    }

  return g_steal_pointer (&self);
}

NaTopology *
na_topology_new_from_bytes (GBytes      *bytes,
                            const char  *object_name,
                            GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return na_topology_new_from_data (data ? data : "", length, object_name, error);
}

guint
na_topology_get_n_arcs (NaTopology *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->arcs->len;
}

guint
na_topology_get_n_geometries (NaTopology *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->geometries->len;
}

NaTopoGeometry *
na_topology_get_geometry (NaTopology *self,
                          guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->geometries->len, NULL);

  return g_ptr_array_index (self->geometries, index);
}

/* The first geometry whose properties.name is @name, for tests and look-ups by name. */
NaTopoGeometry *
na_topology_lookup_name (NaTopology *self,
                         const char *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->geometries->len; i++)
    {
      NaTopoGeometry *geometry = g_ptr_array_index (self->geometries, i);

      if (g_strcmp0 (geometry->name, name) == 0)
        return geometry;
    }

  return NULL;
}

/**
 * na_topology_get_arc:
 * @n_points: (out): the number of points
 *
 * Returns: the decoded points of arc @index, in its own direction
 */
const NaTopoPoint *
na_topology_get_arc (NaTopology *self,
                     guint       index,
                     guint      *n_points)
{
  GArray *arc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->arcs->len, NULL);

  arc = g_ptr_array_index (self->arcs, index);
  *n_points = arc->len;
  return (const NaTopoPoint *) arc->data;
}
