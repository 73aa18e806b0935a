/* na-cli.h — the command-line interface, usable without a display or a session bus */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const GOptionEntry *na_cli_get_option_entries   (void);
const char         *na_cli_get_help_description (void);
int                 na_cli_run                  (GVariantDict *options);

G_END_DECLS
