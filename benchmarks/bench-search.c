/* bench-search.c — `natoasia-bench search`: 10 000 synthetic essays of about 2 000 words, a
 * fixed set of queries through the app's search (NaSearch) and through a bare SQLite FTS5 table
 * holding the same texts, in the same run. Goal: app p95 ≤ 1.0 × bare FTS5 p95. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "na-search.h"
#include "natoasia-bench.h"

#define N_WORDS 2000
#define N_ROUNDS 5

static const char *syllables[] = {
  "al", "li", "an", "ce", "pa", "ci", "fic", "mar", "it", "ime", "de", "ter", "ren", "se",
  "cu", "ri", "ty", "co", "op", "era", "tion", "str", "ate", "gy", "na", "to", "ja", "pan",
  "kor", "ea", "ind", "ia", "aus", "tra", "chi",
};

/* A vocabulary of 8 000 made-up words; drawn with a Zipf-like skew as in real prose. */
static char **
make_vocabulary (GRand *rand,
                 guint  n)
{
  char **vocab = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      GString *w = g_string_new (NULL);
      guint parts = 2 + g_rand_int_range (rand, 0, 3);

      for (guint p = 0; p < parts; p++)
        g_string_append (w, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      g_string_append_printf (w, "%c", 'a' + i % 26);
      vocab[i] = g_string_free (w, FALSE);
    }
  return vocab;
}

static const char *
pick (GRand  *rand,
      char  **vocab,
      guint   n)
{
  double u = g_rand_double (rand);

  return vocab[(guint) (n * u * u * u)];
}

static char *
make_text (GRand  *rand,
           char  **vocab,
           guint   n_vocab,
           guint   n_words)
{
  GString *s = g_string_sized_new (n_words * 8);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (s, pick (rand, vocab, n_vocab));
      g_string_append_c (s, i % 17 == 16 ? '.' : ' ');
    }
  return g_string_free (s, FALSE);
}

static double
time_bare (sqlite3_stmt *stmt,
           const char   *match,
           guint        *n_results)
{
  double start = bench_now_ms ();

  *n_results = 0;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      (void) sqlite3_column_int64 (stmt, 0);
      (*n_results)++;
    }
  sqlite3_reset (stmt);
  return bench_now_ms () - start;
}

int
bench_search (int    argc,
              char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(NaSearch) search = na_search_new ();
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) vocab = NULL;
  g_auto(GStrv) queries = NULL;
  g_autoptr(GStrvBuilder) qb = g_strv_builder_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL, *query = NULL;
  guint n_vocab = 8000;
  guint N_ESSAYS = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  double start, app_build, bare_build, p50a, p95a, p50b, p95b;

  vocab = make_vocabulary (rand, n_vocab);
  sqlite3_open (":memory:", &db);
  sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5(body)", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO t (rowid, body) VALUES (?, ?)", -1, &insert, NULL);
  sqlite3_prepare_v2 (db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank", -1, &query, NULL);

  printf ("building %u essays of about %u words…\n", N_ESSAYS, N_WORDS);
  fflush (stdout);
  app_build = bare_build = 0;
  for (guint e = 0; e < N_ESSAYS; e++)
    {
      g_autoptr(NaEssay) essay = na_essay_new ();
      g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
      g_autofree char *id = g_strdup_printf ("e%u", e);
      g_autofree char *family = g_strdup_printf ("Author%u", e % 997);
      g_autofree char *title = make_text (rand, vocab, n_vocab, 8);
      g_autofree char *abstract = make_text (rand, vocab, n_vocab, 60);
      g_autofree char *body = make_text (rand, vocab, n_vocab, N_WORDS - 70);
      g_autofree char *all = NULL;
      const char *keywords[] = { vocab[e % 50], vocab[(e * 7) % 300], NULL };

      g_ptr_array_add (authors, na_name_new (family, "A.", NULL));
      na_essay_set_id (essay, id);
      na_essay_set_title (essay, title);
      na_essay_set_authors (essay, authors);
      na_essay_set_keywords (essay, keywords);
      na_essay_set_abstract (essay, abstract);

      start = bench_now_ms ();
      na_search_set_essay (search, essay, body);
      app_build += bench_now_ms () - start;

      /* The same texts in one column of a bare table. */
      all = g_strjoin (" ", title, family, keywords[0], keywords[1], abstract, body, NULL);
      start = bench_now_ms ();
      sqlite3_bind_int64 (insert, 1, e + 1);
      sqlite3_bind_text (insert, 2, all, -1, SQLITE_STATIC);
      sqlite3_step (insert);
      sqlite3_reset (insert);
      bare_build += bench_now_ms () - start;
    }
  printf ("indexed: app %.1f s, bare FTS5 %.1f s\n", app_build / 1e3, bare_build / 1e3);

  /* Fixed queries: common, middling and rare words, two and three words, prefixes, authors. */
  for (guint i = 0; i < 8; i++)
    g_strv_builder_add (qb, vocab[i * 3]);
  for (guint i = 0; i < 8; i++)
    g_strv_builder_add (qb, vocab[400 + i * 250]);
  for (guint i = 0; i < 6; i++)
    g_strv_builder_add (qb, vocab[6000 + i * 300]);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *q = g_strdup_printf ("%s %s", vocab[i * 5], vocab[200 + i * 400]);
      g_strv_builder_add (qb, q);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *q = g_strdup_printf ("%s %s %s", vocab[i], vocab[100 + i], vocab[900 + i]);
      g_strv_builder_add (qb, q);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *q = g_strndup (vocab[50 + i * 700], 4);
      g_strv_builder_add (qb, q);
    }
  g_strv_builder_add (qb, "Author42");
  g_strv_builder_add (qb, "author9");
  queries = g_strv_builder_end (qb);

  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint i = 0; queries[i]; i++)
      {
        g_autofree char *match = na_search_build_match (queries[i]);
        g_autoptr(GPtrArray) ids = NULL;
        guint n_bare;
        double t;

        /* Alternate which goes first so caches favour neither. */
        if ((round + i) % 2 == 0)
          {
            t = bench_now_ms ();
            ids = na_search_query (search, queries[i], NULL);
            t = bench_now_ms () - t;
            g_array_append_val (app_ms, t);
            t = time_bare (query, match, &n_bare);
            g_array_append_val (bare_ms, t);
          }
        else
          {
            t = time_bare (query, match, &n_bare);
            g_array_append_val (bare_ms, t);
            t = bench_now_ms ();
            ids = na_search_query (search, queries[i], NULL);
            t = bench_now_ms () - t;
            g_array_append_val (app_ms, t);
          }
        if (round == 0 && ids->len != n_bare)
          printf ("  note: “%s”: app %u results, bare %u\n", queries[i], ids->len, n_bare);
      }

  p50a = bench_percentile (app_ms, 0.5);
  p95a = bench_percentile (app_ms, 0.95);
  p50b = bench_percentile (bare_ms, 0.5);
  p95b = bench_percentile (bare_ms, 0.95);
  printf ("%u queries × %u rounds over %u essays\n", g_strv_length (queries), N_ROUNDS,
          N_ESSAYS);
  printf ("app search (NaSearch): p50 %.2f ms, p95 %.2f ms\n", p50a, p95a);
  printf ("bare SQLite FTS5:      p50 %.2f ms, p95 %.2f ms\n", p50b, p95b);
  printf ("ratio p95 app/FTS5: %.2fx (p50 %.2fx); goal ≤ 1.0x: %s\n", p95a / p95b, p50a / p50b,
          p95a <= p95b ? "met" : "NOT met");

  sqlite3_finalize (insert);
  sqlite3_finalize (query);
  sqlite3_close (db);
  return 0;
}
