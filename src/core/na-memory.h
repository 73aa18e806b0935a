/* na-memory.h — how the process keeps and gives back the memory of large buffers */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     na_memory_keep_freed_pages (void);
gboolean na_memory_keeps_freed_pages (void);
void     na_memory_give_back        (void);

G_END_DECLS
