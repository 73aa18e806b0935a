/* na-country.h — a country the essays discuss */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define NA_TYPE_COUNTRY (na_country_get_type ())

G_DECLARE_FINAL_TYPE (NaCountry, na_country, NA, COUNTRY, GObject)

NaCountry *  na_country_new        (void);
const char * na_country_get_code   (NaCountry *self);
void         na_country_set_code   (NaCountry *self, const char *code);
const char * na_country_get_name   (NaCountry *self);
void         na_country_set_name   (NaCountry *self, const char *name);
const char * na_country_get_region (NaCountry *self);
void         na_country_set_region (NaCountry *self, const char *region);

char       **na_country_parse_list (const char   *text,
                                    GListModel   *countries,
                                    char       ***unknown,
                                    char       ***ambiguous);

JsonArray   *na_country_load_iso_3166 (GError    **error);

G_END_DECLS
