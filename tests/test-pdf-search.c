/* test-pdf-search.c — finding in a PDF page by page, in a worker thread, while its text is
 * still being extracted; on PDFs the test generates */
#include "config.h"

#include <glib/gstdio.h>
#include <pango/pango.h>
#include <string.h>

#include "na-pdf-search.h"
#include "na-test-pdf.h"

#define N_PAGES 120

static char *tmpdir;
static char *long_path;
static char *fixture_path;

static NaPdfDocument *
open_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NaPdfDocument *document = na_pdf_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Page by page, the same matches as in the whole text, page-relative. */
static void
test_find_page (void)
{
  g_autoptr(NaPdfDocument) document = open_document (fixture_path);
  g_autoptr(GArray) page0 = NULL;
  g_autoptr(GArray) page1 = NULL;
  g_autoptr(GArray) whole = NULL;
  const char *text;

  g_assert_false (na_pdf_document_has_page_text (document, 1));
  page1 = na_pdf_document_find_page (document, 1, "  COLUMN ");
  /* Only that page was extracted. */
  g_assert_true (na_pdf_document_has_page_text (document, 1));
  g_assert_false (na_pdf_document_has_page_text (document, 0));
  g_assert_cmpuint (page1->len, ==, 4);
  text = na_pdf_document_get_page_text (document, 1);
  for (guint i = 0; i < page1->len; i += 2)
    {
      const char *from = g_utf8_offset_to_pointer (text, g_array_index (page1, int, i));
      const char *to = g_utf8_offset_to_pointer (text, g_array_index (page1, int, i + 1));
      g_autofree char *found = g_strndup (from, to - from);

      g_assert_cmpstr (found, ==, "column");
    }
  page0 = na_pdf_document_find_page (document, 0, "zeppelin");
  g_assert_cmpuint (page0->len, ==, 0);
  g_clear_pointer (&page0, g_array_unref);
  page0 = na_pdf_document_find_page (document, 0, "   ");
  g_assert_cmpuint (page0->len, ==, 0);

  /* The whole-text find agrees: the same two matches, shifted by the page's offset. */
  whole = na_pdf_document_find (document, "column");
  g_assert_cmpuint (whole->len, ==, 4);
  for (guint i = 0; i < whole->len; i++)
    g_assert_cmpint (g_array_index (whole, int, i) - na_pdf_document_get_page_offset (document, 1),
                     ==, g_array_index (page1, int, i));
}

typedef struct
{
  GArray  *counts;    /* the number of matches after each delivery */
} Progress;

static void
matches_added_cb (NaPdfSearch *search,
                  guint        first,
                  guint        n_added,
                  Progress    *progress)
{
  guint n = na_pdf_search_get_n_matches (search);

  g_assert_cmpuint (first + n_added, ==, n);
  g_assert_cmpuint (n_added, >, 0);
  g_array_append_val (progress->counts, n);
}

static gpointer
extract_all (gpointer data)
{
  na_pdf_document_get_text_index (data);
  return NULL;
}

/* A search running while another thread extracts the whole text: its matches arrive in
 * batches, in page order, and in the end are all of them. */
static void
test_search_while_extracting (void)
{
  g_autoptr(NaPdfDocument) document = open_document (long_path);
  g_autoptr(NaPdfSearch) search = na_pdf_search_new (document, "of the LONG report");
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  GThread *extractor = g_thread_new ("extract", extract_all, document);
  int last_page = -1;
  int last_searched = 0;

  g_signal_connect (search, "matches-added", G_CALLBACK (matches_added_cb), &progress);
  na_pdf_search_start (search);
  while (!na_pdf_search_get_finished (search))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (na_pdf_search_get_pages_searched (search), >=, last_searched);
      last_searched = na_pdf_search_get_pages_searched (search);
    }
  g_thread_join (extractor);

  /* Each page's heading says "Page N of the long report", eight times. */
  g_assert_cmpuint (na_pdf_search_get_n_matches (search), ==, 8 * N_PAGES);
  g_assert_cmpint (na_pdf_search_get_pages_searched (search), ==, N_PAGES);
  for (guint i = 0; i < na_pdf_search_get_n_matches (search); i++)
    {
      GArray *rects = na_pdf_search_get_match_rects (search, i);
      int page, start, end;

      na_pdf_search_get_match (search, i, &page, &start, &end);
      g_assert_cmpint (page, >=, last_page);
      g_assert_cmpint (page, ==, (int) i / 8);
      g_assert_cmpint (end - start, ==, (int) strlen ("of the long report"));
      g_assert_cmpuint (rects->len, ==, 1);
      g_assert_cmpint (g_array_index (rects, NaPdfRect, 0).page, ==, page);
      last_page = page;
    }
  /* More than one delivery, growing; the last one has everything. */
  g_test_message ("%u deliveries", progress.counts->len);
  g_assert_cmpuint (progress.counts->len, >=, 1);
  for (guint i = 1; i < progress.counts->len; i++)
    g_assert_cmpuint (g_array_index (progress.counts, guint, i), >,
                      g_array_index (progress.counts, guint, i - 1));
  g_array_unref (progress.counts);

  /* The text the extraction put together is still whole and in order. */
  g_assert_cmpint (na_pdf_document_get_page_offset (document, N_PAGES - 1), >, 0);
  {
    g_autoptr(GArray) all = na_pdf_document_find (document, "of the long report");

    g_assert_cmpuint (all->len, ==, 2 * 8 * N_PAGES);
  }
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A cancelled search delivers nothing more and never finishes. */
static void
test_search_cancel (void)
{
  g_autoptr(NaPdfDocument) document = open_document (long_path);
  g_autoptr(NaPdfSearch) search = na_pdf_search_new (document, "long report");
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  gboolean timeout = FALSE;

  g_signal_connect (search, "matches-added", G_CALLBACK (matches_added_cb), &progress);
  na_pdf_search_start (search);
  na_pdf_search_cancel (search);
  g_timeout_add (300, quit_cb, &timeout);
  while (!timeout)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (na_pdf_search_get_finished (search));
  g_assert_cmpuint (na_pdf_search_get_n_matches (search), ==, 0);
  g_assert_cmpuint (progress.counts->len, ==, 0);
  g_array_unref (progress.counts);
}

/* The snippet of @needle's first occurrence in @text, checked to be valid markup whose text
 * has single spaces only, none at either end. */
static char *
snippet (const char *text,
         const char *needle,
         int         context)
{
  const char *at = strstr (text, needle);
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  char *markup;
  int start;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  markup = na_pdf_snippet_markup (text, start, start + g_utf8_strlen (needle, -1), context);
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (plain, "  "));
  g_assert_false (g_ascii_isspace (plain[0]));
  g_assert_false (g_ascii_isspace (plain[strlen (plain) - 1]));
  return markup;
}

/* A find result's snippet: whole words of context, "…" where text is left out, the match in
 * bold, line ends as spaces, markup escaped. */
static void
test_snippet (void)
{
  const char *text = "The committee met in March. Its territorial complications with Taiwan were "
                     "discussed at length, and so were the fisheries.";
  const char *url = "see https://example.org/a/very/long/path/to/the/report.pdf now";
  char *s;

  /* Cut at word boundaries, not in "March." nor in "discussed". */
  s = snippet (text, "complications", 20);
  g_assert_cmpstr (s, ==, "…Its territorial <b>complications</b> with Taiwan were…");
  g_free (s);

  /* At the page's start and end: nothing left out there. */
  s = snippet ("Taiwan and the islands", "Taiwan", 40);
  g_assert_cmpstr (s, ==, "<b>Taiwan</b> and the islands");
  g_free (s);
  s = snippet ("Taiwan and the islands", "islands", 40);
  g_assert_cmpstr (s, ==, "Taiwan and the <b>islands</b>");
  g_free (s);

  /* Line ends and runs of spaces are single spaces, also inside the match; the page's text
   * is escaped. */
  s = snippet ("Research & development\n  <budgets>\nrose\n\nsharply", "budgets>\nrose", 40);
  g_assert_cmpstr (s, ==, "Research &amp; development &lt;<b>budgets&gt; rose</b> sharply");
  g_free (s);

  /* A match inside a word: the snippet starts with that word. */
  s = snippet ("Many territorial claims remain open.", "rial", 10);
  g_assert_cmpstr (s, ==, "…territo<b>rial</b> claims…");
  g_free (s);

  /* A word longer than the context on either side is cut, with "…". */
  s = snippet (url, "long", 5);
  g_assert_cmpstr (s, ==, "…very/<b>long</b>/path…");
  g_free (s);

  /* Characters, not bytes: the context counts letters of any script. */
  s = snippet ("Über die Straße von Taiwan und weiter nach Süden", "Taiwan", 12);
  g_assert_cmpstr (s, ==, "…Straße von <b>Taiwan</b> und weiter…");
  g_free (s);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("natoasia-pdf-search-XXXXXX", &error);
  g_assert_no_error (error);
  long_path = g_build_filename (tmpdir, "long.pdf", NULL);
  fixture_path = g_build_filename (tmpdir, "lantern.pdf", NULL);
  na_test_pdf_write_long (long_path, N_PAGES);
  na_test_pdf_write_fixture (fixture_path);

  g_test_add_func ("/pdf-search/find-page", test_find_page);
  g_test_add_func ("/pdf-search/while-extracting", test_search_while_extracting);
  g_test_add_func ("/pdf-search/cancel", test_search_cancel);
  g_test_add_func ("/pdf-search/snippet", test_snippet);
  status = g_test_run ();

  g_unlink (long_path);
  g_unlink (fixture_path);
  g_rmdir (tmpdir);
  return status;
}
