/* bench-crash.c — `natoasia-bench crash`: 1 000 SIGKILL trials of the store writer (the crash
 * test runs 200); every save the writer reported must survive each kill. */
#include "config.h"

#include <stdio.h>

#include "crash-trials.h"
#include "natoasia-bench.h"

int
bench_crash (int    argc,
             char **argv)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_path_get_dirname (self);
  g_autofree char *writer = g_build_filename (dir, "..", "tests", "store-writer", NULL);
  g_autoptr(GError) error = NULL;
  CrashStats stats;
  guint n = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  double start = bench_now_ms ();

  if (g_getenv ("NATOASIA_STORE_WRITER"))
    {
      g_free (writer);
      writer = g_strdup (g_getenv ("NATOASIA_STORE_WRITER"));
    }
  if (!g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE))
    {
      fprintf (stderr, "natoasia-bench crash: no writer at %s (build tests/store-writer, or set "
                       "NATOASIA_STORE_WRITER)\n", writer);
      return 1;
    }

  printf ("%u trials: kill the writer with SIGKILL at a random moment, reload, check…\n", n);
  fflush (stdout);
  crash_run_trials (writer, n, 1000, &stats, &error);
  printf ("%u trials in %.1f s, %u with completed saves, %u reported saves checked\n",
          stats.trials, (bench_now_ms () - start) / 1e3, stats.trials_with_saves,
          stats.saves_checked);
  if (error != NULL)
    {
      printf ("FAILED: %s\n", error->message);
      return 1;
    }
  printf ("every reported save survived every kill: met\n");
  return 0;
}
