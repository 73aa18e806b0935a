/* na-projection.c — the Equal Earth projection
 *
 * Šavrič, Patterson and Jenny, "The Equal Earth map projection", International Journal of
 * Geographical Information Science 33 (2019). Equal-area, so a choropleth does not inflate
 * high-latitude countries as Mercator would. Coordinates are in degrees; projected units are
 * those of the unit sphere, y pointing north.
 */
#define G_LOG_DOMAIN "na-projection"

#include "config.h"

#include <math.h>

#include "na-projection.h"

#define A1 1.340264
#define A2 (-0.081106)
#define A3 0.000893
#define A4 0.003796
#define M 0.8660254037844386   /* sqrt(3) / 2 */

/* Brings @longitude into [-180, 180). */
double
na_longitude_wrap (double longitude)
{
  double wrapped = fmod (longitude + 180.0, 360.0);

  if (wrapped < 0)
    wrapped += 360.0;
  return wrapped - 180.0;
}

void
na_equal_earth_forward (double  central_meridian,
                        double  longitude,
                        double  latitude,
                        double *x,
                        double *y)
{
  double lambda, theta, t2, t6;

  /* Exactly ±180° from the centre is the map's edge: keep the side the caller meant. */
  lambda = longitude - central_meridian;
  if (lambda < -180.0 || lambda > 180.0)
    lambda = na_longitude_wrap (lambda);
  lambda *= G_PI / 180.0;

  theta = asin (M * sin (CLAMP (latitude, -90.0, 90.0) * G_PI / 180.0));
  t2 = theta * theta;
  t6 = t2 * t2 * t2;
  *x = lambda * cos (theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  *y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

/**
 * na_equal_earth_inverse:
 *
 * Returns: %FALSE when (@x, @y) lies outside the map, leaving the outputs unset
 */
gboolean
na_equal_earth_inverse (double  central_meridian,
                        double  x,
                        double  y,
                        double *longitude,
                        double *latitude)
{
  double theta = y / A1;
  double lambda;

  if (fabs (y) > NA_EQUAL_EARTH_Y_MAX + 1e-12)
    return FALSE;

  /* Newton's method on y(θ); converges in a handful of steps over the whole range. */
  for (guint i = 0; i < 12; i++)
    {
      double t2 = theta * theta, t6 = t2 * t2 * t2;
      double fy = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
      double fpy = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
      double delta = fy / fpy;

      theta -= delta;
      if (fabs (delta) < 1e-12)
        break;
    }

  {
    double t2 = theta * theta, t6 = t2 * t2 * t2;

    lambda = M * x * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)) / cos (theta);
  }

  if (fabs (lambda) > G_PI + 1e-9)
    return FALSE;

  *longitude = na_longitude_wrap (central_meridian + lambda * 180.0 / G_PI);
  *latitude = asin (CLAMP (sin (theta) / M, -1.0, 1.0)) * 180.0 / G_PI;
  return TRUE;
}
