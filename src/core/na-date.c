/* na-date.c — a publication date with its precision */
#define G_LOG_DOMAIN "na-date"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "na-date.h"

G_DEFINE_BOXED_TYPE (NaDate, na_date, na_date_copy, na_date_free)

NaDate *
na_date_new (int year,
             int month,
             int day)
{
  NaDate *self = g_new0 (NaDate, 1);

  self->year = year;
  self->month = month;
  self->day = day;
  return self;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month and day of one or two digits), as the essay form
 * takes a date; NULL unless the text is exactly that and names a real day: what a person
 * typed is never clamped into a date they did not mean (2013-13-45 is not 31 December 2013). */
NaDate *
na_date_new_from_iso (const char *text)
{
  int parts[3] = { 0, 0, 0 };
  const char *p = text;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);

  for (n = 0; n < 3 && *p != '\0'; n++)
    {
      guint digits = 0;

      if (n > 0 && *p++ != '-')
        return NULL;
      for (; g_ascii_isdigit (*p) && digits < 4; p++, digits++)
        parts[n] = parts[n] * 10 + g_ascii_digit_value (*p);
      if (n == 0 ? digits != 4 : (digits < 1 || digits > 2))
        return NULL;
    }
  /* Year 0 does not exist in the library format either. */
  if (n == 0 || *p != '\0' || parts[0] < 1
      || (n > 1 && !g_date_valid_month (parts[1]))
      || (n > 2 && !g_date_valid_dmy (parts[2], parts[1], parts[0])))
    return NULL;
  return na_date_new (parts[0], parts[1], parts[2]);
}

NaDate *
na_date_copy (const NaDate *date)
{
  NaDate *copy;

  g_return_val_if_fail (date != NULL, NULL);

  copy = g_memdup2 (date, sizeof *date);
  copy->season = g_strdup (date->season);
  return copy;
}

void
na_date_free (NaDate *date)
{
  if (date == NULL)
    return;

  g_free (date->season);
  g_free (date);
}

gboolean
na_date_equal (const NaDate *a,
               const NaDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->end_year == b->end_year && !a->circa == !b->circa &&
         g_strcmp0 (a->season, b->season) == 0;
}

NaDatePrecision
na_date_get_precision (const NaDate *date)
{
  if (date == NULL || date->year == 0)
    return NA_DATE_PRECISION_NONE;
  if (date->month == 0)
    return NA_DATE_PRECISION_YEAR;
  if (date->day == 0)
    return NA_DATE_PRECISION_MONTH;
  return NA_DATE_PRECISION_DAY;
}

/* Orders by the earliest day a date can stand for; unknown dates sort first. */
int
na_date_compare (const NaDate *a,
                 const NaDate *b)
{
  int ka = a ? a->year * 10000 + a->month * 100 + a->day : 0;
  int kb = b ? b->year * 10000 + b->month * 100 + b->day : 0;

  return (ka > kb) - (ka < kb);
}

char *
na_date_dup_display (const NaDate *date)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  switch (na_date_get_precision (date))
    {
    case NA_DATE_PRECISION_NONE:
      return g_strdup (_("Undated"));

    case NA_DATE_PRECISION_YEAR:
      if (date->end_year != 0)
        text = g_strdup_printf ("%d–%d", date->year, date->end_year);
      else if (date->season != NULL)
        text = g_strdup_printf ("%s %d", date->season, date->year);
      else
        text = g_strdup_printf ("%d", date->year);
      break;

    case NA_DATE_PRECISION_MONTH:
      dt = g_date_time_new_utc (date->year, date->month, 1, 0, 0, 0);
      /* Translators: a month and year, see g_date_time_format() */
      text = dt ? g_date_time_format (dt, _("%B %Y")) : g_strdup_printf ("%d", date->year);
      break;

    case NA_DATE_PRECISION_DAY:
      dt = g_date_time_new_utc (date->year, date->month, date->day, 0, 0, 0);
      /* Translators: a full date, see g_date_time_format() */
      text = dt ? g_date_time_format (dt, _("%-d %B %Y")) : g_strdup_printf ("%d", date->year);
      break;

    default:
      g_assert_not_reached ();
    }

  if (date->circa)
    /* Translators: an approximate date, "c." for circa */
    return g_strdup_printf (_("c. %s"), text);

  return g_steal_pointer (&text);
}

/* ISO 8601 to the date's precision: "2021-12-01", "2020-10", "2013"; empty when unknown. */
char *
na_date_dup_iso (const NaDate *date)
{
  switch (na_date_get_precision (date))
    {
    case NA_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case NA_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case NA_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case NA_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}
