/* na-map-canvas.h — the map itself: draws, zooms, pans, hovers and picks countries */
#pragma once

#include <gtk/gtk.h>

#include "na-world-map.h"

G_BEGIN_DECLS

#define NA_TYPE_MAP_CANVAS (na_map_canvas_get_type ())

G_DECLARE_FINAL_TYPE (NaMapCanvas, na_map_canvas, NA, MAP_CANVAS, GtkWidget)

GtkWidget    *na_map_canvas_new               (void);
NaWorldMap   *na_map_canvas_get_map           (NaMapCanvas  *self);
void          na_map_canvas_set_map           (NaMapCanvas  *self,
                                               NaWorldMap   *map);
void          na_map_canvas_set_figures       (NaMapCanvas  *self,
                                               NaMapFigures *figures,
                                               NaMapMetric   metric);
const char   *na_map_canvas_get_selected_code (NaMapCanvas  *self);
void          na_map_canvas_set_selected_code (NaMapCanvas  *self,
                                               const char   *code);
void          na_map_canvas_zoom              (NaMapCanvas  *self,
                                               double        factor);
void          na_map_canvas_reset             (NaMapCanvas  *self);
const NaMapViewport *na_map_canvas_get_viewport (NaMapCanvas *self);
int           na_map_canvas_pick              (NaMapCanvas  *self,
                                               double        x,
                                               double        y);

G_END_DECLS
