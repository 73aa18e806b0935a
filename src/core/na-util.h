/* na-util.h — small helpers shared inside the core (not public API) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean na_set_string   (char              **dest,
                          const char         *value);
gboolean na_strv_equal0  (const char * const *a,
                          const char * const *b);
gboolean na_names_equal  (GPtrArray          *a,
                          GPtrArray          *b);
char   **na_split_list   (const char         *text);
char    *na_fold         (const char         *text);

const char *na_error_get_reason (const GError *error,
                                 const char   *name);

G_END_DECLS
