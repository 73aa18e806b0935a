/* natoasia-bench.c — NatoAsia's benchmarks: `natoasia-bench COMMAND`, each prints its figures
 * and, where an issue sets a goal, whether it is met. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "na-memory.h"
#include "natoasia-bench.h"

static const struct
{
  const char *name;
  BenchFunc   func;
  const char *summary;
} commands[] = {
  { "load", bench_load, "load synthetic libraries of 100, 1 000 and 10 000 essays" },
  { "load-one", bench_load_one, "(internal) load one library file and report time and RSS" },
  { "generate", bench_generate, "write a synthetic library of N essays to FILE" },
  { "parse-jsonglib", bench_parse_jsonglib, "parse FILE with JsonParser alone, for comparison" },
  { "compare", bench_compare, "build a 1 000-essay comparison; export the bundled one" },
  { "map", bench_map, "decode the countries, draw a 1920×1080 map frame, hit-test" },
  { "pdf", bench_pdf, "PDF FILE: viewer render vs bare poppler, pixels, scroll stall, memory" },
  { "search", bench_search, "search 10 000 essays of 2 000 words: app vs bare SQLite FTS5" },
  { "crash", bench_crash, "kill the store writer 1 000 times; every completed save survives" },
};

double
bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Peak resident set of this process, from /proc (VmHWM), in KiB. */
gsize
bench_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_percentile (GArray *values_ms,
                  double  p)
{
  guint i;

  if (values_ms->len == 0)
    return 0;
  g_array_sort (values_ms, compare_doubles);
  i = (guint) (p * (values_ms->len - 1) + 0.5);
  return g_array_index (values_ms, double, MIN (i, values_ms->len - 1));
}

double
bench_median (GArray *values_ms)
{
  return bench_percentile (values_ms, 0.5);
}

static void
usage (void)
{
  fprintf (stderr, "usage: natoasia-bench COMMAND [ARGS…]\n\ncommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stderr, "  %-10s %s\n", commands[i].name, commands[i].summary);
}

int
main (int   argc,
      char *argv[])
{
  /* As the app does (src/ui/main.c): the benchmarks measure it as it runs. */
  na_memory_keep_freed_pages ();

  if (argc < 2)
    {
      usage ();
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  usage ();
  return 2;
}
