/* bench-load.c — `natoasia-bench load`: how fast, and in how much memory, the real loader
 * reads libraries of 100, 1 000 and 10 000 essays (20 arguments and 5 recommendations each).
 * Goal at 10 000 essays: ≤ 1 s and ≤ 300 MB on the project's 2-core machines. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "na-library.h"
#include "natoasia-bench.h"

static const char *words[] = {
  "alliance", "partners", "maritime", "security", "deterrence", "cooperation", "Pacific",
  "strategy", "cohesion", "resources", "dialogue", "interoperability", "China", "Japan",
  "Australia", "Korea", "India", "cyber", "exercises", "institutions", "balance", "region",
};

/* Appends @n pseudo-random words, escaped for JSON (they need none). */
static void
append_words (GString *out,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
}

/* A library shaped like the bundled one, with claims, grounds and quotes of realistic length. */
char *
bench_synthetic_library (guint  n_essays,
                         guint  n_arguments,
                         guint  n_recommendations,
                         gsize *length)
{
  static const char *countries[] = { "AUS", "CHN", "IND", "JPN", "KOR", "NZL", "USA" };
  static const char *stances[] = { "supports", "opposes", "mixed", "neutral" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  GString *out = g_string_sized_new (n_essays * 12000);

  g_string_append (out, "{\"format\":\"org.example.NatoAsia.library\",\"version\":1,\n"
                        "\"questions\":[");
  for (guint q = 0; q < 20; q++)
    {
      g_string_append_printf (out, "%s{\"id\":\"q-%u\",\"title\":\"Should NATO ", q ? "," : "",
                              q);
      append_words (out, rand, 8);
      g_string_append (out, "?\"}");
    }
  g_string_append (out, "],\n\"countries\":[");
  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    g_string_append_printf (out, "%s{\"code\":\"%s\",\"name\":\"%s\"}", c ? "," : "",
                            countries[c], countries[c]);

  g_string_append (out, "],\n\"essays\":[");
  for (guint e = 0; e < n_essays; e++)
    {
      g_string_append_printf (out, "%s\n{\"id\":\"e%u\",\"type\":\"chapter\",\"title\":\"", e ? "," : "", e);
      append_words (out, rand, 8);
      g_string_append_printf (out, "\",\"author\":[{\"family\":\"Author%u\",\"given\":\"A.\"}],"
                              "\"issued\":{\"date-parts\":[[%u,%u]]},"
                              "\"container-title\":\"Synthetic Volume\",\"abstract\":\"",
                              e, 1990 + e % 35, 1 + e % 12);
      append_words (out, rand, 60);
      g_string_append (out, "\",\"keywords\":[\"alliance\",\"Pacific\",\"security\"]}");
    }

  g_string_append (out, "],\n\"arguments\":[");
  for (guint e = 0; e < n_essays; e++)
    for (guint a = 0; a < n_arguments; a++)
      {
        g_string_append_printf (out, "%s\n{\"id\":\"e%u-a%u\",\"essay\":\"e%u\",\"question\":"
                                "\"q-%u\",\"stance\":\"%s\",\"claim\":\"",
                                e || a ? "," : "", e, a, e, (e + a) % 20,
                                stances[g_rand_int_range (rand, 0, 4)]);
        append_words (out, rand, 25);
        g_string_append (out, "\",\"grounds\":\"");
        append_words (out, rand, 35);
        g_string_append_printf (out, "\",\"countries\":[\"%s\",\"%s\"],\"anchor\":{\"exact\":\"",
                                countries[a % 7], countries[(a + e) % 7]);
        append_words (out, rand, 15);
        g_string_append (out, "\"}}");
      }

  g_string_append (out, "],\n\"recommendations\":[");
  for (guint e = 0; e < n_essays; e++)
    for (guint r = 0; r < n_recommendations; r++)
      {
        g_string_append_printf (out, "%s\n{\"id\":\"e%u-r%u\",\"essay\":\"e%u\",\"actor\":\"nato\","
                                "\"action\":\"", e || r ? "," : "", e, r, e);
        append_words (out, rand, 20);
        g_string_append_printf (out, "\",\"countries\":[\"%s\"],\"anchor\":{\"exact\":\"",
                                countries[r % 7]);
        append_words (out, rand, 15);
        g_string_append (out, "\"}}");
      }
  g_string_append (out, "]}\n");

  *length = out->len;
  return g_string_free (out, FALSE);
}

/* Runs in a fresh process so the peak RSS is that of one load alone. */
int
bench_load_one (int    argc,
                char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = NULL;
  double start, elapsed;

  if (argc != 2)
    return 2;

  file = g_file_new_for_path (argv[1]);
  start = bench_now_ms ();
  library = na_library_new_from_file (file, NULL, &error);
  elapsed = bench_now_ms () - start;
  if (library == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("%.1f %zu %u\n", elapsed, bench_peak_rss_kb (),
          g_list_model_get_n_items (na_library_get_arguments (library)));
  return 0;
}

int
bench_load (int    argc,
            char **argv)
{
  static const guint sizes[] = { 100, 1000, 10000 };
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_dir_make_tmp ("natoasia-bench-XXXXXX", NULL);
  gboolean met = TRUE;

  printf ("natoasia-bench load: the real loader (na_library_new_from_file), one fresh process "
          "per size\n");
  printf ("%8s %10s %12s %12s %10s\n", "essays", "file MB", "load ms", "peak RSS MB",
          "arguments");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/library-%u.json", dir, sizes[i]);
      g_autofree char *data = NULL;
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      const char *child[] = { self, "load-one", path, NULL };
      double ms = 0;
      gsize rss_kb = 0;
      guint n_args = 0;
      gsize length;
      int status;

      data = bench_synthetic_library (sizes[i], 20, 5, &length);
      if (!g_file_set_contents (path, data, length, &error) ||
          !g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          fprintf (stderr, "natoasia-bench: %s\n", error->message);
          return 1;
        }
      sscanf (out, "%lf %zu %u", &ms, &rss_kb, &n_args);
      printf ("%8u %10.1f %12.1f %12.1f %10u\n", sizes[i], length / 1e6, ms, rss_kb / 1024.0,
              n_args);
      if (sizes[i] == 10000)
        {
          met = ms <= 1000 && rss_kb / 1024.0 <= 300;
          printf ("goal at 10 000 essays: load ≤ 1000 ms and peak RSS ≤ 300 MB: %s\n",
                  met ? "met" : "NOT met");
        }
      g_unlink (path);
    }

  g_rmdir (dir);
  return 0;
}

/* `natoasia-bench generate N FILE`: writes a synthetic library, to profile or try by hand. */
int
bench_generate (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (argc != 3)
    {
      fprintf (stderr, "usage: natoasia-bench generate N-ESSAYS FILE\n");
      return 2;
    }

  data = bench_synthetic_library (atoi (argv[1]), 20, 5, &length);
  if (!g_file_set_contents (argv[2], data, length, &error))
    {
      fprintf (stderr, "natoasia-bench: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* `natoasia-bench parse-jsonglib FILE`: what JsonParser alone takes on a file, for comparison
 * with the streaming loader (which builds the whole library in that time). */
int
bench_parse_jsonglib (int    argc,
                      char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  double start, elapsed;

  if (argc != 2)
    {
      fprintf (stderr, "usage: natoasia-bench parse-jsonglib FILE\n");
      return 2;
    }

  start = bench_now_ms ();
  if (!json_parser_load_from_file (parser, argv[1], &error))
    {
      fprintf (stderr, "natoasia-bench: %s\n", error->message);
      return 1;
    }
  elapsed = bench_now_ms () - start;
  printf ("JsonParser: %.1f ms, peak RSS %.1f MB\n", elapsed, bench_peak_rss_kb () / 1024.0);
  return 0;
}
