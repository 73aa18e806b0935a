/* na-world-map.h — the countries, projected once, drawn with cairo and hit-tested */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "na-map-figures.h"
#include "na-topojson.h"

G_BEGIN_DECLS

#define NA_WORLD_MAP_RESOURCE "/org/example/NatoAsia/geodata/countries-50m.json"

/* A country narrower than this many pixels (square root of its area) is drawn as a marker. */
#define NA_MAP_MARKER_MIN_PX 7.0
#define NA_MAP_MARKER_RADIUS_PX 4.5

typedef struct _NaWorldMap NaWorldMap;

typedef struct
{
  double r, g, b, a;
} NaRgba;

typedef struct
{
  NaRgba background;   /* outside the globe */
  NaRgba sea;
  NaRgba land;         /* countries the selection does not name */
  NaRgba border;
  NaRgba text;
  NaRgba highlight;    /* the hovered and the selected country */
  NaRgba legend_background;
  NaRgba ramp_low;     /* the colour scale runs low → mid → high */
  NaRgba ramp_mid;
  NaRgba ramp_high;
} NaMapPalette;

/* Where the map is looked at from: map point (center_x, center_y) sits in the middle of a
 * width × height area, at scale pixels per map unit. Map units: Equal Earth on the unit
 * sphere, x east, y south (as on screen). */
typedef struct
{
  double scale;
  double center_x;
  double center_y;
  double width;
  double height;
} NaMapViewport;

void         na_map_palette_init             (NaMapPalette        *palette,
                                              gboolean             dark);
void         na_map_palette_class_color      (const NaMapPalette  *palette,
                                              guint                index,
                                              guint                n_classes,
                                              NaRgba              *color);

void         na_map_viewport_fit             (NaMapViewport       *viewport,
                                              double               width,
                                              double               height,
                                              double               west,
                                              double               south,
                                              double               east,
                                              double               north);
void         na_map_viewport_fit_asia_pacific (NaMapViewport      *viewport,
                                              double               width,
                                              double               height);
void         na_map_viewport_to_map          (const NaMapViewport *viewport,
                                              double               x,
                                              double               y,
                                              double              *map_x,
                                              double              *map_y);
void         na_map_viewport_from_map        (const NaMapViewport *viewport,
                                              double               map_x,
                                              double               map_y,
                                              double              *x,
                                              double              *y);
void         na_map_viewport_zoom            (NaMapViewport       *viewport,
                                              double               factor,
                                              double               x,
                                              double               y);
void         na_map_viewport_clamp           (NaMapViewport       *viewport);

void         na_map_project                  (double               longitude,
                                              double               latitude,
                                              double              *map_x,
                                              double              *map_y);
gboolean     na_map_unproject                (double               map_x,
                                              double               map_y,
                                              double              *longitude,
                                              double              *latitude);

NaWorldMap  *na_world_map_new                (NaTopology          *topology);
NaWorldMap  *na_world_map_new_bundled        (GError             **error);
void         na_world_map_load_bundled_async (GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
NaWorldMap  *na_world_map_load_bundled_finish (GAsyncResult       *result,
                                              GError             **error);
NaWorldMap  *na_world_map_ref                (NaWorldMap          *self);
void         na_world_map_unref              (NaWorldMap          *self);
guint        na_world_map_get_n_countries    (NaWorldMap          *self);
const char  *na_world_map_get_code           (NaWorldMap          *self,
                                              guint                index);
const char  *na_world_map_get_name           (NaWorldMap          *self,
                                              guint                index);
int          na_world_map_lookup_code        (NaWorldMap          *self,
                                              const char          *code);
const char  *na_world_map_get_name_for_code  (NaWorldMap          *self,
                                              const char          *code);
void         na_world_map_get_bounds         (NaWorldMap          *self,
                                              guint                index,
                                              double              *x_min,
                                              double              *y_min,
                                              double              *x_max,
                                              double              *y_max);
gboolean     na_world_map_is_tiny            (NaWorldMap          *self,
                                              guint                index,
                                              double               scale);
int          na_world_map_hit_test           (NaWorldMap          *self,
                                              double               map_x,
                                              double               map_y,
                                              double               scale);
guint        na_world_map_get_n_points       (NaWorldMap          *self);
void         na_world_map_draw               (NaWorldMap          *self,
                                              cairo_t             *cr,
                                              const NaMapViewport *viewport,
                                              NaMapFigures        *figures,
                                              NaMapMetric          metric,
                                              const NaMapPalette  *palette,
                                              int                  hovered,
                                              int                  selected);
void         na_world_map_render             (NaWorldMap          *self,
                                              cairo_surface_t     *image,
                                              const NaMapViewport *viewport,
                                              NaMapFigures        *figures,
                                              NaMapMetric          metric,
                                              const NaMapPalette  *palette);
void         na_world_map_draw_outline       (NaWorldMap          *self,
                                              cairo_t             *cr,
                                              const NaMapViewport *viewport,
                                              guint                index,
                                              const NaRgba        *color);
void         na_world_map_draw_legend        (cairo_t             *cr,
                                              double               x,
                                              double               y,
                                              NaMapFigures        *figures,
                                              NaMapMetric          metric,
                                              const NaMapPalette  *palette,
                                              double              *width,
                                              double              *height);
gboolean     na_world_map_export             (NaWorldMap          *self,
                                              NaMapFigures        *figures,
                                              NaMapMetric          metric,
                                              const char          *caption,
                                              const char          *format,
                                              GFile               *file,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaWorldMap, na_world_map_unref)

G_END_DECLS
