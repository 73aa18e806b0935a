/* test-crash.c — the store survives SIGKILL at random moments: after every kill it loads and
 * holds every annotation whose save the writer had reported complete (200 trials). */
#include "config.h"

#include "crash-trials.h"

static void
test_crash_kill (void)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "store-writer", NULL);
  g_autoptr(GError) error = NULL;
  CrashStats stats;

  crash_run_trials (writer, 200, g_test_rand_int (), &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.trials, ==, 200);
  /* The test means something only if most kills hit a writer that had saved. */
  g_assert_cmpuint (stats.trials_with_saves, >=, 100);
  g_test_message ("%u trials, %u with saves, %u saved annotations checked",
                  stats.trials, stats.trials_with_saves, stats.saves_checked);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash-kill", test_crash_kill);
  return g_test_run ();
}
