/* na-projection.h — the Equal Earth projection, centred on any meridian */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The map's central meridian: 150°E puts the Asia-Pacific in the middle and the map's edge
 * (30°W) in the Atlantic. */
#define NA_MAP_CENTRAL_MERIDIAN 150.0

/* Half the width and half the height of the whole map, in projected units (unit sphere). */
#define NA_EQUAL_EARTH_X_MAX 2.7066299836960748
#define NA_EQUAL_EARTH_Y_MAX 1.3173627591574133

double   na_longitude_wrap            (double  longitude);
void     na_equal_earth_forward       (double  central_meridian,
                                       double  longitude,
                                       double  latitude,
                                       double *x,
                                       double *y);
gboolean na_equal_earth_inverse       (double  central_meridian,
                                       double  x,
                                       double  y,
                                       double *longitude,
                                       double *latitude);

G_END_DECLS
