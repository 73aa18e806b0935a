/* na-memory.c — how the process keeps and gives back the memory of large buffers
 *
 * Scrolling a PDF allocates and frees buffers of a megabyte or more many times a second:
 * rendered pages, texture bands in the GL driver, GTK's frame surfaces. By default glibc
 * serves each from a fresh mmap and unmaps it on free, so every new buffer is faulted in and
 * zeroed by the kernel page by page again. Under virtualisation a page fault is expensive:
 * measured here, that was most of a software-rendered frame and the cause of its longest
 * stalls. So freed memory is kept in the heap, to be reused without faults, and given back
 * to the system in one go when the work is over (na_memory_give_back()).
 */
#define G_LOG_DOMAIN "na-memory"

#include "config.h"

#include <unistd.h>

#include "na-memory.h"

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#define HAVE_GLIBC_MALLOC 1
#endif

/* Above a page at 400% of A4 (33 MB), so no page-sized buffer is mapped on its own. */
#define MMAP_THRESHOLD (64 * 1024 * 1024)
/* Freed memory at the top of the heap is kept up to this much until given back. */
#define TRIM_THRESHOLD (512 * 1024 * 1024)

static gboolean keeping;
/* Bytes of the main heap's top kept in RAM through na_memory_give_back(), as a pointer for
 * atomic access: the give-back runs in a worker. See na_memory_reserve_async(). */
static gpointer reserve_pad;
/* The largest reserve made so far, whether one is being made, and the largest asked for
 * meanwhile; main thread only. */
static gsize reserved;
static gboolean reserving;
static gsize wanted;

/**
 * na_memory_keep_freed_pages:
 *
 * Makes large allocations come from the heap and freed memory stay there for reuse. Call
 * once at start-up, before threads allocate. Does nothing where the C library is not glibc
 * (or under AddressSanitizer, which has its own allocator).
 */
void
na_memory_keep_freed_pages (void)
{
#ifdef HAVE_GLIBC_MALLOC
  /* Either setting alone is not enough: a fixed mmap threshold turns off glibc's dynamic
   * trim threshold, which would then give the top of the heap back at every free. */
  keeping = mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 &&
            mallopt (M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
  if (!keeping)
    g_debug ("mallopt refused the thresholds; large buffers stay mapped one by one");
#endif
}

/**
 * na_memory_keeps_freed_pages:
 *
 * Returns: whether na_memory_keep_freed_pages() took effect
 */
gboolean
na_memory_keeps_freed_pages (void)
{
  return keeping;
}

/**
 * na_memory_give_back:
 *
 * Returns the heap's free memory to the system: for when the work that freed it is over
 * (the viewer calls it a few seconds after scrolling stops, and when it closes a PDF).
 */
void
na_memory_give_back (void)
{
#ifdef HAVE_GLIBC_MALLOC
  if (keeping)
    malloc_trim (GPOINTER_TO_SIZE (g_atomic_pointer_get (&reserve_pad)));
#endif
}

static void
give_back_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  na_memory_give_back ();
  g_task_return_boolean (task, TRUE);
}

/**
 * na_memory_give_back_async:
 * @callback: (nullable): called on the caller's main context once it is done
 *
 * na_memory_give_back() in a worker thread. It walks every heap arena and returns each free
 * page to the kernel: 30 ms measured on the main thread after the viewer let go of a PDF, a
 * dropped frame if the user scrolls meanwhile. The main thread may still wait for it if it
 * allocates from the arena being trimmed at that moment, but not for the whole walk.
 */
void
na_memory_give_back_async (GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_source_tag (task, na_memory_give_back_async);
  g_task_run_in_thread (task, give_back_thread);
}

gboolean
na_memory_give_back_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  guchar *block;
  gsize   bytes;
} Reserve;

static void
touch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Reserve *reserve = task_data;
  volatile guchar *block = reserve->block;
  gsize page = (gsize) sysconf (_SC_PAGESIZE);

  /* One write a page faults it in. */
  for (gsize i = 0; i < reserve->bytes; i += page)
    block[i] = 0;
  g_task_return_boolean (task, TRUE);
}

static void
touched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = G_TASK (result);
  g_autoptr(GTask) outer = user_data;
  gsize next;

  /* Freed here, on the main thread: the block goes back to the main heap, faulted in, for
   * the main thread's next allocations. */
  g_free (((Reserve *) g_task_get_task_data (task))->block);
  reserving = FALSE;
  /* One block at a time: a window resized by dragging asks at every step. */
  next = wanted;
  wanted = 0;
  if (next > reserved)
    na_memory_reserve_async (next, NULL, NULL);
  g_task_return_boolean (outer, TRUE);
}

/**
 * na_memory_reserve_async:
 * @bytes: how much the main thread allocates and frees on each frame
 * @callback: (nullable): called on the caller's main context once it is done
 *
 * Keeps @bytes of the main thread's heap in RAM, ready for its next allocations. GTK's
 * software renderer allocates a window-sized surface or two on every frame; the first frames
 * of a scroll grow the heap for them, and each new page of it is a page fault, expensive
 * under virtualisation (12 ms for a 1000 × 800 window, measured here). The block is allocated
 * on the calling thread, which must be the main thread, written to page by page in a worker,
 * and freed back on the calling thread. na_memory_give_back() keeps it. Does nothing for
 * @bytes no larger than an earlier reserve, nor where na_memory_keep_freed_pages() did not
 * take effect. While a reserve is being made, a larger one asked for is made after it.
 */
void
na_memory_reserve_async (gsize               bytes,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr(GTask) outer = g_task_new (NULL, NULL, callback, user_data);
  g_autoptr(GTask) task = NULL;
  Reserve *reserve;
  guchar *block;

  g_task_set_source_tag (outer, na_memory_reserve_async);
  if (keeping && reserving)
    wanted = MAX (wanted, bytes);
  if (!keeping || reserving || bytes <= reserved || (block = g_try_malloc (bytes)) == NULL)
    {
      g_task_return_boolean (outer, FALSE);
      return;
    }
  reserved = bytes;
  reserving = TRUE;
  g_atomic_pointer_set (&reserve_pad, GSIZE_TO_POINTER (bytes));

  task = g_task_new (NULL, NULL, touched_cb, g_steal_pointer (&outer));
  reserve = g_new (Reserve, 1);
  reserve->block = block;
  reserve->bytes = bytes;
  g_task_set_task_data (task, reserve, g_free);
  g_task_run_in_thread (task, touch_thread);
}

/**
 * na_memory_reserve_finish:
 *
 * Returns: whether a block was reserved (%FALSE when an earlier reserve covers @bytes, when
 *   one was being made, which makes this one after it, or when memory is not kept)
 */
gboolean
na_memory_reserve_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * na_memory_resident_bytes:
 *
 * Returns: the memory the process holds in RAM now, in bytes (0 where the system does not
 *   say): what giving memory back lowers
 */
gsize
na_memory_resident_bytes (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return 0;
  fields = g_strsplit (statm, " ", 3);
  if (g_strv_length (fields) < 2)
    return 0;
  return g_ascii_strtoull (fields[1], NULL, 10) * (gsize) sysconf (_SC_PAGESIZE);
}
