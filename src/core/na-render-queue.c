/* na-render-queue.c — renders PDF pages in worker threads, most urgent first
 *
 * After GNOME Papers' job scheduler: worker threads of its own, at a lower priority than the
 * main thread, taking jobs from a queue sorted by priority (lower first: the viewer gives
 * visible pages 0 and pages further away larger numbers), results delivered to the main loop
 * through GTask, jobs whose GCancellable was cancelled (the zoom changed) dropped before they
 * start. A PopplerDocument must not render in two threads at once, so each worker takes a
 * PopplerDocument of its own, opened on the same bytes, from a pool (as many as threads),
 * opened ahead from the queue's creation on. Each keeps the pages it rendered last (see
 * WorkerDocument).
 */
#define G_LOG_DOMAIN "na-render-queue"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "na-render-queue.h"

struct _NaRenderQueue
{
  GObject        parent_instance;

  NaPdfDocument *document;
  GAsyncQueue   *jobs;            /* Job, sorted by compare_jobs() */
  GThread      **workers;         /* n_threads */
  GAsyncQueue   *free_documents;  /* WorkerDocument, one per worker once made */
  GMutex         lock;
  guint          n_documents;
  guint          n_threads;
  guint64        sequence;
  struct _Pool  *pool_buffers;
  int            closing;   /* atomic: finalizing, documents opened ahead not wanted */
};

/* Pixel memory reused from one render to the next: a fresh allocation of a page's size is
 * fresh pages from the kernel, zeroed and faulted in one by one, which costs as much as
 * rendering a simple page. Surfaces outlive the queue in the viewer's cache, so the pool is
 * reference-counted apart from it. */
typedef struct _Pool
{
  gatomicrefcount ref_count;
  GMutex          lock;
  GSList         *buffers;   /* Buffer, given back by destroyed surfaces */
  gsize           bytes;
} Pool;

typedef struct
{
  Pool    *pool;
  gsize    size;
  guchar  *data;
  gsize    white;   /* bytes from the start already opaque white, ready for the next page */
} Buffer;

#define MAX_POOLED_BYTES (24 * 1024 * 1024)

static const cairo_user_data_key_t buffer_key;

/* When a job was asked for, taken up by a worker and handed back (monotonic µs): the task's
 * data, for na_render_queue_get_job_times(). */
typedef struct
{
  gint64 requested;
  gint64 started;
  gint64 finished;
} JobTimes;

/* A job without a task opens a document for the workers ahead of the first render. */
typedef struct
{
  GTask   *task;
  gboolean stop;   /* tells the worker taking it to end */
  int      page;
  double   scale;
  int      priority;
  guint64  sequence;
} Job;

/* A worker's document, with the pages it rendered last. On a PopplerPage's first render,
 * poppler also lays out its text, for text queries on that object: a quarter of the render of
 * a page of text, which NatoAsia never asks that object for. A page kept skips that, and the
 * page's lookup, when it is rendered again: after a zoom, or scrolled back to once evicted. */
typedef struct
{
  PopplerDocument *poppler;
  GQueue           pages;   /* PopplerPage, the most recently rendered first */
} WorkerDocument;

/* The pages in view and around them, at a few hundred kilobytes of text layout each. */
#define KEPT_PAGES 8

/* How much nicer than the thread that made them workers are: enough that the main thread
 * wins a contended processor nine times in ten. */
#define WORKER_NICENESS 10

G_DEFINE_FINAL_TYPE (NaRenderQueue, na_render_queue, G_TYPE_OBJECT)

static WorkerDocument *
worker_document_new (PopplerDocument *poppler)
{
  WorkerDocument *document = g_new0 (WorkerDocument, 1);

  document->poppler = poppler;
  g_queue_init (&document->pages);
  return document;
}

static void
worker_document_free (WorkerDocument *document)
{
  g_queue_clear_full (&document->pages, g_object_unref);
  g_object_unref (document->poppler);
  g_free (document);
}

/* @index's page, kept for the next render of it (until worker_document_trim()). */
static PopplerPage *
worker_document_get_page (WorkerDocument *document,
                          int             index)
{
  PopplerPage *page;

  for (GList *l = document->pages.head; l != NULL; l = l->next)
    if (poppler_page_get_index (l->data) == index)
      {
        g_queue_unlink (&document->pages, l);
        g_queue_push_head_link (&document->pages, l);
        return l->data;
      }

  page = poppler_document_get_page (document->poppler, index);
  if (page != NULL)
    g_queue_push_head (&document->pages, page);
  return page;
}

/* Lets go of the pages rendered longest ago: after the page is handed over, since freeing a
 * page's text layout is thousands of small frees. */
static void
worker_document_trim (WorkerDocument *document)
{
  while (g_queue_get_length (&document->pages) > KEPT_PAGES)
    g_object_unref (g_queue_pop_tail (&document->pages));
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *ja = a, *jb = b;

  if (ja->priority != jb->priority)
    return ja->priority < jb->priority ? -1 : 1;
  return ja->sequence < jb->sequence ? -1 : ja->sequence > jb->sequence;
}

/**
 * na_render_page_size:
 *
 * The pixel size of @page rendered at @scale (pixels per point): rounded up, as pdftocairo
 * does, so the viewer's pages and the reference images compare pixel for pixel.
 */
void
na_render_page_size (NaPdfDocument *document,
                     int            page,
                     double         scale,
                     int           *width,
                     int           *height)
{
  double w, h;

  na_pdf_document_get_page_size (document, page, &w, &h);
  *width = MAX (1, (int) ceil (w * scale - 1e-6));
  *height = MAX (1, (int) ceil (h * scale - 1e-6));
}

/* Page buffers are mappings of their own, not heap memory: freed in a render worker's heap
 * arena, whose top glibc's malloc_trim() never gives back, tens of megabytes of a closed PDF
 * would stay with the process. A mapping goes back when it is unmapped. Keeping pages for
 * reuse, which the heap did to spare page faults, is the pool's job here. */
static Buffer *
buffer_new (gsize size)
{
  void *data = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  Buffer *buffer;

  if (data == MAP_FAILED)
    return NULL;
  buffer = g_new0 (Buffer, 1);
  buffer->size = size;
  buffer->data = data;
  return buffer;
}

/* Workers yield to the main thread: when the processors are all taken (by the workers, the
 * display server and the main thread), a frame must not wait for a page further down. Linux
 * keeps a nice value per thread. */
static void
lower_worker_priority (void)
{
  static GPrivate lowered;

  if (g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (1));
#ifdef __linux__
  {
    id_t tid = (id_t) syscall (SYS_gettid);
    int nice;

    /* Relative to the nice value the thread was born with (its creator's), so that an app
     * started with `nice` keeps its workers below its main thread, never above. */
    errno = 0;
    nice = getpriority (PRIO_PROCESS, tid);
    if (errno == 0 && nice < 19 &&
        setpriority (PRIO_PROCESS, tid, MIN (nice + WORKER_NICENESS, 19)) != 0)
      g_debug ("Could not lower the render worker's priority: %s", g_strerror (errno));
  }
#endif
}

static void
buffer_free (gpointer data,
             gpointer user_data)
{
  Buffer *buffer = data;

  lower_worker_priority ();
  munmap (buffer->data, buffer->size);
  g_free (buffer);
}

/* Giving a page-sized buffer back to the system unmaps it, which takes milliseconds; the
 * viewer evicts pages on the main thread, so that happens on a thread of its own. */
static void
buffer_free_later (Buffer *buffer)
{
  static GThreadPool *reaper;

  if (g_once_init_enter (&reaper))
    g_once_init_leave (&reaper, g_thread_pool_new ((GFunc) buffer_free, NULL, 1, TRUE,
                                                   NULL));
  g_thread_pool_push (reaper, buffer, NULL);
}

static Pool *
pool_ref (Pool *pool)
{
  g_atomic_ref_count_inc (&pool->ref_count);
  return pool;
}

static void
pool_unref (Pool *pool)
{
  if (!g_atomic_ref_count_dec (&pool->ref_count))
    return;
  for (GSList *l = pool->buffers; l != NULL; l = l->next)
    buffer_free_later (l->data);
  g_slist_free (pool->buffers);
  g_mutex_clear (&pool->lock);
  g_free (pool);
}

static void
buffer_release (gpointer data)
{
  Buffer *buffer = data;
  Pool *pool = buffer->pool;

  g_mutex_lock (&pool->lock);
  if (pool->bytes + buffer->size <= MAX_POOLED_BYTES)
    {
      pool->buffers = g_slist_prepend (pool->buffers, buffer);
      pool->bytes += buffer->size;
      buffer = NULL;
    }
  g_mutex_unlock (&pool->lock);

  if (buffer != NULL)
    buffer_free_later (buffer);
  pool_unref (pool);
}

/* A pooled buffer of @size bytes, the whitest first; NULL if none. */
static Buffer *
pool_take (Pool  *pool,
           gsize  size)
{
  Buffer *found = NULL;
  GSList *link = NULL;

  g_mutex_lock (&pool->lock);
  for (GSList *l = pool->buffers; l != NULL; l = l->next)
    {
      Buffer *buffer = l->data;

      if (buffer->size == size && (found == NULL || buffer->white > found->white))
        {
          found = buffer;
          link = l;
        }
    }
  if (found != NULL)
    {
      pool->buffers = g_slist_delete_link (pool->buffers, link);
      pool->bytes -= size;
    }
  g_mutex_unlock (&pool->lock);
  return found;
}

/* A surface for a page, already opaque white (or NULL when no memory can be had for it):
 * paper is white whatever the theme, and PDFs expect to be drawn on it. Opaque white in
 * ARGB32 is all bits set, so whitening is a memset, and only of what the buffer's last
 * preparation left undone. */
static cairo_surface_t *
create_white_surface (NaRenderQueue *self,
                      int            width,
                      int            height)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  gsize size = (gsize) stride * height;
  Buffer *buffer = pool_take (self->pool_buffers, size);
  cairo_surface_t *surface;

  if (buffer == NULL && (buffer = buffer_new (size)) == NULL)
    return NULL;
  buffer->pool = pool_ref (self->pool_buffers);
  memset (buffer->data + buffer->white, 0xff, size - buffer->white);
  buffer->white = 0;   /* from now on, it is drawn on */

  surface = cairo_image_surface_create_for_data (buffer->data, CAIRO_FORMAT_ARGB32, width,
                                                 height, stride);
  cairo_surface_set_user_data (surface, &buffer_key, buffer, buffer_release);
  return surface;
}

/* After a page is handed over, the worker whitens a buffer of the same size for the next one
 * (pages of a document mostly share a size), off the path from request to texture: at 200 %
 * that is 8 MB. It works in slices and stops as soon as a job waits, so the next page never
 * waits for it; the next render whitens what is left. */
#define WHITEN_SLICE (256 * 1024)

static void
prepare_white_buffer (NaRenderQueue *self,
                      gsize          size)
{
  Pool *pool = self->pool_buffers;
  Buffer *buffer;

  if (g_async_queue_length (self->jobs) > 0)
    return;
  buffer = pool_take (pool, size);
  if (buffer == NULL && (buffer = buffer_new (size)) == NULL)
    return;
  while (buffer->white < size && g_async_queue_length (self->jobs) <= 0)
    {
      gsize n = MIN (WHITEN_SLICE, size - buffer->white);

      memset (buffer->data + buffer->white, 0xff, n);
      buffer->white += n;
    }
  buffer->pool = pool_ref (pool);
  buffer_release (buffer);
}

/* A new document for the workers if they have fewer than one each; NULL, and no error, if
 * they have theirs. */
static WorkerDocument *
open_spare_document (NaRenderQueue  *self,
                     GError        **error)
{
  PopplerDocument *document;

  g_mutex_lock (&self->lock);
  if (self->n_documents >= self->n_threads)
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  self->n_documents++;
  g_mutex_unlock (&self->lock);

  document = na_pdf_document_open_poppler (self->document, error);
  if (document == NULL)
    {
      g_mutex_lock (&self->lock);
      self->n_documents--;
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  return worker_document_new (document);
}

static WorkerDocument *
take_document (NaRenderQueue  *self,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  WorkerDocument *document = g_async_queue_try_pop (self->free_documents);

  if (document != NULL)
    return document;

  document = open_spare_document (self, &local_error);
  if (document != NULL)
    return document;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_async_queue_pop (self->free_documents);
}

/* Opens a worker's document ahead of the first render, so the first page does not wait for
 * it. A failure is left for the render that needs the document to report. */
static void
open_document_ahead (NaRenderQueue *self)
{
  WorkerDocument *document;

  if (g_atomic_int_get (&self->closing))
    return;
  document = open_spare_document (self, NULL);
  if (document != NULL)
    g_async_queue_push (self->free_documents, document);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  NaRenderQueue *self = user_data;
  g_autoptr(GError) error = NULL;
  WorkerDocument *document;
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  if (job->task == NULL)
    {
      open_document_ahead (self);
      g_free (job);
      return;
    }

  ((JobTimes *) g_task_get_task_data (job->task))->started = g_get_monotonic_time ();
  if (g_task_return_error_if_cancelled (job->task))
    goto out;

  document = take_document (self, &error);
  if (document == NULL)
    {
      g_task_return_error (job->task, g_steal_pointer (&error));
      goto out;
    }

  na_render_page_size (self->document, job->page, job->scale, &width, &height);
  surface = create_white_surface (self, width, height);
  if (surface == NULL)
    {
      int saved_errno = errno;

      g_async_queue_push (self->free_documents, document);
      g_task_return_new_error (job->task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "No memory for page %d at %d × %d pixels: %s", job->page + 1,
                               width, height, g_strerror (saved_errno));
      goto out;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, job->scale, job->scale);
  page = worker_document_get_page (document, job->page);
  if (page != NULL)
    poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  ((JobTimes *) g_task_get_task_data (job->task))->finished = g_get_monotonic_time ();
  g_task_return_pointer (job->task, surface, (GDestroyNotify) cairo_surface_destroy);
  worker_document_trim (document);
  g_async_queue_push (self->free_documents, document);
  prepare_white_buffer (self, (gsize) cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32,
                                                                       width) * height);

out:
  g_object_unref (job->task);
  g_free (job);
}

static void
push_job (NaRenderQueue *self,
          Job           *job)
{
  g_async_queue_push_sorted (self->jobs, job, compare_jobs, NULL);
}

/* What a worker is started with. */
typedef struct
{
  NaRenderQueue *queue;
  GAsyncQueue   *jobs;   /* a reference of the worker's own */
} WorkerStart;

/* A worker thread of the queue's own, rather than a GThreadPool's: its priority is lowered
 * for good, and a pool's thread would go on to serve GLib's other pools once the queue is
 * freed. */
static gpointer
worker_main (gpointer data)
{
  WorkerStart *start = data;
  NaRenderQueue *self = start->queue;
  g_autoptr(GAsyncQueue) jobs = start->jobs;

  g_free (start);
  lower_worker_priority ();
  for (;;)
    {
      Job *job = g_async_queue_pop (jobs);

      if (job->stop)
        {
          g_free (job);
          break;
        }
      /* The job's task may hold the last reference to the queue, dropped at the job's end:
       * from here on, only the worker's own reference to the jobs is used. The next job is
       * then this worker's stop: the jobs opening documents ahead are queued first, so
       * taken before any render, and render jobs hold a reference to the queue. */
      run_job (job, self);
    }
  return NULL;
}

static void
na_render_queue_finalize (GObject *object)
{
  NaRenderQueue *self = NA_RENDER_QUEUE (object);
  WorkerDocument *document;

  /* Let running jobs finish (render jobs hold a reference to us through their task, so only
   * documents opened ahead can be left, and those are skipped), then stop the workers: one
   * stop each, sorted after every job. When a worker's job dropped the last reference, this
   * runs in that worker, which cannot wait for itself; it ends on its own once this returns. */
  g_atomic_int_set (&self->closing, TRUE);
  for (guint i = 0; i < self->n_threads; i++)
    {
      Job *stop = g_new0 (Job, 1);

      stop->stop = TRUE;
      stop->priority = G_MAXINT;
      stop->sequence = G_MAXUINT64;
      push_job (self, stop);
    }
  for (guint i = 0; i < self->n_threads; i++)
    {
      if (self->workers[i] == g_thread_self ())
        g_thread_unref (self->workers[i]);
      else
        g_thread_join (self->workers[i]);
    }
  g_free (self->workers);
  g_async_queue_unref (self->jobs);
  while ((document = g_async_queue_try_pop (self->free_documents)) != NULL)
    worker_document_free (document);
  g_async_queue_unref (self->free_documents);
  g_clear_object (&self->document);
  g_mutex_clear (&self->lock);
  pool_unref (self->pool_buffers);

  G_OBJECT_CLASS (na_render_queue_parent_class)->finalize (object);
}

static void
na_render_queue_class_init (NaRenderQueueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = na_render_queue_finalize;
}

static void
na_render_queue_init (NaRenderQueue *self)
{
  g_mutex_init (&self->lock);
  self->pool_buffers = g_new0 (Pool, 1);
  g_atomic_ref_count_init (&self->pool_buffers->ref_count);
  g_mutex_init (&self->pool_buffers->lock);
  self->free_documents = g_async_queue_new ();
  self->jobs = g_async_queue_new ();
}

/**
 * na_render_queue_new:
 * @n_threads: worker threads; 0 for one per processor but one (left to the main thread, so
 *   scrolling never waits for a core), at least 1 and at most 4
 *
 * Returns: (transfer full): a queue rendering @document's pages
 */
NaRenderQueue *
na_render_queue_new (NaPdfDocument *document,
                     guint          n_threads)
{
  NaRenderQueue *self;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (document), NULL);

  if (n_threads == 0)
    n_threads = CLAMP (g_get_num_processors () - 1, 1, 4);

  self = g_object_new (NA_TYPE_RENDER_QUEUE, NULL);
  self->document = g_object_ref (document);
  self->n_threads = n_threads;
  self->workers = g_new0 (GThread *, n_threads);
  for (guint i = 0; i < n_threads; i++)
    {
      WorkerStart *start = g_new0 (WorkerStart, 1);

      start->queue = self;
      start->jobs = g_async_queue_ref (self->jobs);
      self->workers[i] = g_thread_new ("natoasia-render", worker_main, start);
    }
  /* Open the workers' documents now, while the viewer lays itself out: first, since every
   * render needs one. */
  for (guint i = 0; i < n_threads; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->priority = G_MININT;
      job->sequence = self->sequence++;
      push_job (self, job);
    }
  return self;
}

NaPdfDocument *
na_render_queue_get_document (NaRenderQueue *self)
{
  g_return_val_if_fail (NA_IS_RENDER_QUEUE (self), NULL);
  return self->document;
}

/**
 * na_render_queue_open_documents:
 *
 * Blocks until the workers' documents are open. They open in the background from the
 * queue's creation on; a caller that must not count that in a first render (a benchmark
 * comparing with a document opened beforehand) waits for it here.
 *
 * Returns: %FALSE, with @error set, if the document cannot be opened
 */
gboolean
na_render_queue_open_documents (NaRenderQueue  *self,
                                GError        **error)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (NA_IS_RENDER_QUEUE (self), FALSE);

  for (guint i = 0; i < self->n_threads && ok; i++)
    {
      WorkerDocument *document = take_document (self, error);

      if (document != NULL)
        g_ptr_array_add (taken, document);
      else
        ok = FALSE;
    }
  for (guint i = 0; i < taken->len; i++)
    g_async_queue_push (self->free_documents, g_ptr_array_index (taken, i));
  return ok;
}

/**
 * na_render_queue_render_async:
 * @page: the page, from 0
 * @scale: pixels per PDF point (zoom × device scale)
 * @priority: lower runs first; equal priorities run in request order
 *
 * Renders @page on white into a new ARGB32 image surface, in a worker thread.
 */
void
na_render_queue_render_async (NaRenderQueue       *self,
                              int                  page,
                              double               scale,
                              int                  priority,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job;
  JobTimes *times;

  g_return_if_fail (NA_IS_RENDER_QUEUE (self));
  g_return_if_fail (page >= 0 && page < na_pdf_document_get_n_pages (self->document));
  g_return_if_fail (scale > 0);

  job = g_new0 (Job, 1);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, na_render_queue_render_async);
  /* The worker reports cancellation itself; do not report it twice. */
  g_task_set_check_cancellable (job->task, FALSE);
  job->page = page;
  job->scale = scale;
  job->priority = priority;
  job->sequence = self->sequence++;
  times = g_new0 (JobTimes, 1);
  times->requested = g_get_monotonic_time ();
  g_task_set_task_data (job->task, times, g_free);
  push_job (self, job);
}

/**
 * na_render_queue_render_finish:
 *
 * Returns: (transfer full) (nullable): the rendered page
 */
cairo_surface_t *
na_render_queue_render_finish (NaRenderQueue  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * na_render_queue_get_job_times:
 * @result: a result given to na_render_queue_render_async()'s callback
 * @requested: (out) (optional): when the render was asked for
 * @started: (out) (optional): when a worker took it up
 * @finished: (out) (optional): when the worker handed the page over
 *
 * Monotonic times (g_get_monotonic_time()) of a render, so a benchmark can tell the render
 * itself from the hand-offs between threads. A job cancelled before it started has
 * @finished 0.
 */
void
na_render_queue_get_job_times (GAsyncResult *result,
                               gint64       *requested,
                               gint64       *started,
                               gint64       *finished)
{
  JobTimes *times;

  g_return_if_fail (G_IS_TASK (result));

  times = g_task_get_task_data (G_TASK (result));
  if (requested != NULL)
    *requested = times->requested;
  if (started != NULL)
    *started = times->started;
  if (finished != NULL)
    *finished = times->finished;
}
