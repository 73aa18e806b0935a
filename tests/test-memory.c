/* test-memory.c — freed page-sized buffers stay with the process until given back */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "na-memory.h"

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>

/* A page at 200%: the size the viewer allocates and frees while scrolling. */
#define PAGE_BYTES (8 * 1024 * 1024)

static void
test_keep_and_give_back (void)
{
  struct mallinfo2 before, allocated, freed, given_back;
  char *buffer;

  na_memory_keep_freed_pages ();
  g_assert_true (na_memory_keeps_freed_pages ());

  before = mallinfo2 ();
  buffer = g_malloc (PAGE_BYTES);
  memset (buffer, 0xff, PAGE_BYTES);
  allocated = mallinfo2 ();
  /* From the heap, not a mapping of its own (which glibc would unmap on free). */
  g_assert_cmpuint (allocated.hblkhd, ==, before.hblkhd);
  g_assert_cmpuint (allocated.arena, >=, before.arena + PAGE_BYTES);

  g_free (buffer);
  freed = mallinfo2 ();
  /* Kept: the heap did not shrink, and the buffer is free space in it. */
  g_assert_cmpuint (freed.arena, ==, allocated.arena);
  g_assert_cmpuint (freed.fordblks, >=, PAGE_BYTES);

  /* Reused: the same size again does not grow the heap. */
  buffer = g_malloc (PAGE_BYTES);
  g_assert_cmpuint (mallinfo2 ().arena, ==, allocated.arena);
  g_free (buffer);

  na_memory_give_back ();
  given_back = mallinfo2 ();
  /* Given back: trimmed from the top of the heap or released inside it. */
  g_assert_true (given_back.arena < freed.arena ||
                 given_back.keepcost < freed.keepcost ||
                 given_back.fordblks < freed.fordblks);
}

static void
given_back_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (na_memory_give_back_finish (result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
allocate_and_free (void)
{
  char *buffer = g_malloc (PAGE_BYTES);

  memset (buffer, 0xff, PAGE_BYTES);
  g_free (buffer);
}

/* The same from a worker thread, as the viewer does it: the freed pages leave the process. */
static void
test_give_back_in_background (void)
{
  gboolean done = FALSE;
  gsize kept, given_back;

  na_memory_keep_freed_pages ();
  allocate_and_free ();
  kept = na_memory_resident_bytes ();

  na_memory_give_back_async (given_back_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  given_back = na_memory_resident_bytes ();
  g_test_message ("resident: %" G_GSIZE_FORMAT " kB kept, %" G_GSIZE_FORMAT " kB given back",
                  kept / 1024, given_back / 1024);
  g_assert_cmpuint (given_back + PAGE_BYTES / 2, <, kept);
}

static void
reserved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  int *outcome = user_data;

  *outcome = na_memory_reserve_finish (result, &error) ? 1 : 0;
  g_assert_no_error (error);
}

static gboolean
reserve (gsize bytes)
{
  int outcome = -1;

  na_memory_reserve_async (bytes, reserved_cb, &outcome);
  while (outcome < 0)
    g_main_context_iteration (NULL, TRUE);
  return outcome == 1;
}

/* Page faults taken by allocating @bytes on this thread, writing them and freeing them. */
static long
faults_allocating (gsize bytes)
{
  struct rusage before, after;
  char *buffer;

  getrusage (RUSAGE_SELF, &before);
  buffer = g_malloc (bytes);
  memset (buffer, 0xff, bytes);
  g_free (buffer);
  getrusage (RUSAGE_SELF, &after);
  return after.ru_minflt - before.ru_minflt;
}

/* The viewer reserves what GTK's software renderer allocates on each frame: once reserved,
 * allocations of that much on the main thread find their pages already in RAM, also after
 * memory was given back. Without the reserve, the heap grows for them, a fault a page. */
static void
test_reserve_for_frames (void)
{
  const gsize frame = 2 * PAGE_BYTES;
  long faults;

  na_memory_keep_freed_pages ();
  /* As after a scroll that stopped: the heap's free memory has gone back. */
  na_memory_give_back ();

  g_assert_true (reserve (4 * PAGE_BYTES));
  faults = faults_allocating (frame);
  g_test_message ("%ld page faults for %" G_GSIZE_FORMAT " kB after the reserve", faults,
                  frame / 1024);
  g_assert_cmpint (faults, <, 64);

  na_memory_give_back ();
  faults = faults_allocating (frame);
  g_test_message ("%ld page faults after giving memory back", faults);
  g_assert_cmpint (faults, <, 64);

  /* No larger than the reserve already made: nothing to do. */
  g_assert_false (reserve (PAGE_BYTES));

  /* Asked for while one is being made (a window resized by dragging): made after it, one
   * block at a time. */
  {
    int first = -1, second = -1;

    na_memory_reserve_async (6 * PAGE_BYTES, reserved_cb, &first);
    na_memory_reserve_async (8 * PAGE_BYTES, reserved_cb, &second);
    while (first < 0 || second < 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (first, ==, 1);
    g_assert_cmpint (second, ==, 0);
    /* The larger one is under way now, or made. */
    g_assert_false (reserve (8 * PAGE_BYTES));
  }
}
#else
static void
test_keep_and_give_back (void)
{
  g_test_skip ("not glibc's allocator (another C library, or AddressSanitizer's)");
}

static void
test_give_back_in_background (void)
{
  g_test_skip ("not glibc's allocator (another C library, or AddressSanitizer's)");
}

static void
test_reserve_for_frames (void)
{
  g_test_skip ("not glibc's allocator (another C library, or AddressSanitizer's)");
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/memory/keep-and-give-back", test_keep_and_give_back);
  g_test_add_func ("/memory/give-back-in-background", test_give_back_in_background);
  g_test_add_func ("/memory/reserve-for-frames", test_reserve_for_frames);
  return g_test_run ();
}
