/* bench-compare.c — `natoasia-bench compare`: building the comparison of 1 000 synthetic
 * essays × 20 questions (goal ≤ 50 ms), and exporting the bundled library's 18-essay
 * comparison to each format (goal: PDF ≤ 300 ms, the others ≤ 30 ms). Medians of several
 * runs. */
#include "config.h"

#include <stdio.h>

#include "na-comparison.h"
#include "na-export.h"
#include "natoasia-bench.h"

#define RUNS 9

static int
bench_build (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NaLibrary) library = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) table_times = g_array_new (FALSE, FALSE, sizeof (double));
  gsize length;
  char *data = bench_synthetic_library (1000, 20, 5, &length);
  guint n_pairs = 0;
  double median;

  bytes = g_bytes_new_take (data, length);
  library = na_library_new_from_bytes (bytes, "synthetic", &error);
  if (library == NULL)
    {
      fprintf (stderr, "natoasia-bench: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < RUNS; i++)
    {
      double start = bench_now_ms ();
      g_autoptr(NaComparison) cmp = na_comparison_new (library, NULL, NULL, &error);
      double ms = bench_now_ms () - start;

      g_assert (cmp != NULL);
      g_array_append_val (times, ms);
      start = bench_now_ms ();
      na_comparison_get_pairs (cmp, &n_pairs);
      ms = bench_now_ms () - start;
      g_array_append_val (table_times, ms);
    }
  median = bench_median (times);
  printf ("build: %u essays × %u questions, %u arguments, %u pairs: median %.1f ms "
          "(goal ≤ 50 ms): %s\n",
          g_list_model_get_n_items (na_library_get_essays (library)),
          g_list_model_get_n_items (na_library_get_questions (library)),
          g_list_model_get_n_items (na_library_get_arguments (library)), n_pairs, median,
          median <= 50 ? "met" : "NOT met");
  printf ("  (positions, counts, agreement, closeness extremes, recommendations, countries; the "
          "full table of %u pairs, made when first asked for, takes a further %.1f ms)\n",
          n_pairs, bench_median (table_times));
  return 0;
}

static int
bench_exports (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_bundled (&error);
  g_autoptr(NaComparison) cmp = NULL;

  if (library == NULL)
    {
      fprintf (stderr, "natoasia-bench: %s\n", error->message);
      return 1;
    }
  cmp = na_comparison_new (library, NULL, NULL, &error);
  printf ("export: the bundled library, %u essays × %u questions\n",
          na_comparison_get_n_essays (cmp), na_comparison_get_n_questions (cmp));

  for (NaExportFormat f = 0; f < NA_N_EXPORT_FORMATS; f++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      double goal = f == NA_EXPORT_FORMAT_PDF ? 300 : 30;
      gsize size = 0;
      double median;

      for (guint i = 0; i < RUNS; i++)
        {
          double start = bench_now_ms ();
          g_autoptr(GBytes) bytes = na_export_comparison (cmp, f, NULL, &error);
          double ms = bench_now_ms () - start;

          if (bytes == NULL)
            {
              fprintf (stderr, "natoasia-bench: %s\n", error->message);
              return 1;
            }
          size = g_bytes_get_size (bytes);
          g_array_append_val (times, ms);
        }
      median = bench_median (times);
      printf ("  %-5s %8.1f KB  median %6.1f ms (goal ≤ %.0f ms): %s\n",
              na_export_format_get_name (f), size / 1024.0, median, goal,
              median <= goal ? "met" : "NOT met");
    }
  return 0;
}

int
bench_compare (int    argc,
               char **argv)
{
  printf ("natoasia-bench compare: medians of %d runs\n", RUNS);
  if (bench_build () != 0)
    return 1;
  return bench_exports ();
}
