/* na-renderer-choice.h — which GSK renderer draws NatoAsia's windows on a display */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    na_gl_renderer_is_software (const char  *gl_renderer);
const char *na_renderer_choose         (GdkDisplay  *display,
                                        char       **reason);

G_END_DECLS
