/* na-map-view.h — the map page: the choropleth, its controls and the country lists */
#pragma once

#include <adwaita.h>

#include "na-library.h"
#include "na-user-store.h"

G_BEGIN_DECLS

#define NA_TYPE_MAP_VIEW (na_map_view_get_type ())

G_DECLARE_FINAL_TYPE (NaMapView, na_map_view, NA, MAP_VIEW, GtkWidget)

NaLibrary  *na_map_view_get_library      (NaMapView   *self);
void        na_map_view_set_library      (NaMapView   *self,
                                          NaLibrary   *library);
NaUserStore *na_map_view_get_user_store  (NaMapView   *self);
void        na_map_view_set_user_store   (NaMapView   *self,
                                          NaUserStore *store);
NaEssay    *na_map_view_get_essay        (NaMapView   *self);
void        na_map_view_set_essay        (NaMapView   *self,
                                          NaEssay     *essay);
void        na_map_view_set_compared_essays (NaMapView          *self,
                                             const char * const *essay_ids);
void        na_map_view_select_country   (NaMapView   *self,
                                          const char  *code);
void        na_map_view_export           (NaMapView   *self);

G_END_DECLS
