/* na-date.h — a publication date with its precision, after CSL-JSON's date variable */
#pragma once

#include <glib-object.h>

#include "na-enums.h"

G_BEGIN_DECLS

#define NA_TYPE_DATE (na_date_get_type ())

typedef struct _NaDate NaDate;

/* year/month/day are 0 when not known; end_year is 0 unless the date is a range of years. */
struct _NaDate
{
  int       year;
  int       month;
  int       day;
  int       end_year;
  gboolean  circa;
  char     *season;
};

GType           na_date_get_type      (void) G_GNUC_CONST;
NaDate         *na_date_new           (int            year,
                                       int            month,
                                       int            day);
NaDate         *na_date_new_from_iso  (const char    *text);
NaDate         *na_date_copy          (const NaDate  *date);
void            na_date_free          (NaDate        *date);
gboolean        na_date_equal         (const NaDate  *a,
                                       const NaDate  *b);
NaDatePrecision na_date_get_precision (const NaDate  *date);
int             na_date_compare       (const NaDate  *a,
                                       const NaDate  *b);
char           *na_date_dup_display   (const NaDate  *date);
char           *na_date_dup_iso       (const NaDate  *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaDate, na_date_free)

G_END_DECLS
