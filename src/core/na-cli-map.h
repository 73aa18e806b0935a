/* na-cli-map.h — `natoasia --export-map`: the map as PNG or SVG, without a display */
#pragma once

#include "na-library.h"

G_BEGIN_DECLS

int   na_cli_export_map          (NaLibrary    *library,
                                  GVariantDict *options);
char *na_map_describe_selection  (NaLibrary          *library,
                                  const char * const *essay_ids);

G_END_DECLS
