/* natoasia-bench.h — shared helpers of the benchmark program */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef int (*BenchFunc) (int argc, char **argv);

double bench_now_ms           (void);
gsize  bench_peak_rss_kb      (void);
char  *bench_synthetic_library (guint n_essays,
                                guint n_arguments,
                                guint n_recommendations,
                                gsize *length);
double bench_median           (GArray *values_ms);
double bench_percentile       (GArray *values_ms,
                               double  p);

int    bench_load             (int argc, char **argv);
int    bench_load_one         (int argc, char **argv);
int    bench_generate         (int argc, char **argv);
int    bench_parse_jsonglib   (int argc, char **argv);
int    bench_compare          (int argc, char **argv);
int    bench_map              (int argc, char **argv);
int    bench_pdf              (int argc, char **argv);
int    bench_search           (int argc, char **argv);
int    bench_crash            (int argc, char **argv);

G_END_DECLS
