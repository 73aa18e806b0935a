/* na-memory.h — how the process keeps and gives back the memory of large buffers */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     na_memory_keep_freed_pages (void);
gboolean na_memory_keeps_freed_pages (void);
void     na_memory_give_back        (void);
void     na_memory_give_back_async  (GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean na_memory_give_back_finish (GAsyncResult        *result,
                                     GError             **error);
void     na_memory_reserve_async    (gsize                bytes,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean na_memory_reserve_finish   (GAsyncResult        *result,
                                     GError             **error);
gsize    na_memory_resident_bytes   (void);

G_END_DECLS
