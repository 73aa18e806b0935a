/* na-cli-export.h — `natoasia --export-comparison`, called from na-cli.c */
#pragma once

#include <gio/gio.h>

#include "na-library.h"

G_BEGIN_DECLS

int na_cli_export_comparison (NaLibrary    *library,
                              GVariantDict *options,
                              const char   *path);

G_END_DECLS
