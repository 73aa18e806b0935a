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
    malloc_trim (0);
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
