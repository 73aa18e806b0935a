/* na-render-queue.h — renders PDF pages in worker threads, most urgent first */
#pragma once

#include <cairo.h>

#include "na-pdf-document.h"

G_BEGIN_DECLS

#define NA_TYPE_RENDER_QUEUE (na_render_queue_get_type ())

G_DECLARE_FINAL_TYPE (NaRenderQueue, na_render_queue, NA, RENDER_QUEUE, GObject)

NaRenderQueue   *na_render_queue_new           (NaPdfDocument        *document,
                                                guint                 n_threads);
NaPdfDocument   *na_render_queue_get_document  (NaRenderQueue        *self);
gboolean         na_render_queue_open_documents (NaRenderQueue       *self,
                                                GError              **error);
void             na_render_queue_render_async  (NaRenderQueue        *self,
                                                int                   page,
                                                double                scale,
                                                int                   priority,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
cairo_surface_t *na_render_queue_render_finish (NaRenderQueue        *self,
                                                GAsyncResult         *result,
                                                GError              **error);
void             na_render_queue_get_job_times (GAsyncResult         *result,
                                                gint64               *requested,
                                                gint64               *started,
                                                gint64               *finished);
void             na_render_page_size           (NaPdfDocument        *document,
                                                int                   page,
                                                double                scale,
                                                int                  *width,
                                                int                  *height);

G_END_DECLS
