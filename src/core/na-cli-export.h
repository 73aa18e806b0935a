/* na-cli-export.h — `natoasia --export-comparison`, called from na-cli.c, and the library an
 * export works on */
#pragma once

#include <gio/gio.h>

#include "na-library.h"
#include "na-user-store.h"

G_BEGIN_DECLS

NaLibrary *na_cli_user_library      (NaLibrary     *library,
                                    GVariantDict  *options,
                                    NaUserStore  **store);
int        na_cli_export_comparison (NaLibrary     *library,
                                    GVariantDict  *options,
                                    const char    *path);

G_END_DECLS
