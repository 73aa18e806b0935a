/* test-pdf.c — PDF sources: opening (and refusing) files, metadata, anchors resolved to pages
 * and rectangles, find, rendering off the main thread, the attachments store and the PDF
 * commands of the command line. Every PDF is made here, from fixture text written for it. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "na-attachments.h"
#include "na-memory.h"
#include "na-pdf-document.h"
#include "na-render-queue.h"
#include "na-test-pdf.h"

static char *tmpdir;
static char *fixture_path;

static NaPdfDocument *
open_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture_path);
  NaPdfDocument *document = na_pdf_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static NaAnchor *
anchor_new (const char *exact,
            const char *prefix)
{
  NaAnchor *anchor = na_anchor_new ();

  na_anchor_set_exact (anchor, exact);
  na_anchor_set_prefix (anchor, prefix);
  return anchor;
}

static void
test_metadata (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  g_autofree char *title = na_pdf_document_dup_title (document);
  g_autofree char *author = na_pdf_document_dup_author (document);
  g_autoptr(GDateTime) date = na_pdf_document_dup_creation_date (document);
  double w, h;

  g_assert_cmpint (na_pdf_document_get_n_pages (document), ==, 3);
  g_assert_cmpstr (title, ==, "The Harbour Lantern Report");
  g_assert_cmpstr (author, ==, "Ada Quill");
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_year (date), ==, 2021);
  g_assert_cmpint (g_date_time_get_month (date), ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 4);
  na_pdf_document_get_page_size (document, 1, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595, 1);
  g_assert_cmpfloat_with_epsilon (h, 842, 1);
  g_assert_cmpuint (strlen (na_pdf_document_get_sha256 (document)), ==, 64);
}

/* The words under @rects, by poppler's own text extraction, in the canonical form. */
static char *
text_under (NaPdfDocument *document,
            GArray        *rects)
{
  PopplerDocument *poppler = na_pdf_document_get_poppler (document);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rects->len; i++)
    {
      NaPdfRect *r = &g_array_index (rects, NaPdfRect, i);
      PopplerPage *page = poppler_document_get_page (poppler, r->page);
      /* Shrink a little so neighbouring glyphs outside the box are not caught. */
      PopplerRectangle area = { r->x1 + 0.5, r->y1 + 1, r->x2 - 0.5, r->y2 - 1 };
      g_autofree char *part = poppler_page_get_text_for_area (page, &area);

      g_string_append_printf (text, "%s ", part);
      g_object_unref (page);
    }

  return na_text_normalize (text->str);
}

static const struct
{
  const char *exact;
  int         page;        /* from 1 */
  double      min_x;       /* every rectangle starts right of this */
} fixture_anchors[] = {
  /* across a line break and a word hyphenated at the line's end */
  { "partners in the Pacific should meet informally before any formal commitment", 1, 60 },
  /* typographic quotes in the PDF, straight ones in the quote */
  { "describe an \"open table\" where", 1, 60 },
  /* ligature-prone words in the left column */
  { "the efficient office should remain small", 2, 50 },
  /* the right column, over three lines: only right if reading order follows columns */
  { "such drills, the authors insist, build trust faster than any communique", 2, 300 },
  { "recommends a standing secretariat, located in a neutral city", 3, 60 },
  { "information flows without waiting", 3, 60 },
};

static void
test_anchors_resolve_to_pages_and_rects (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();

  for (guint i = 0; i < G_N_ELEMENTS (fixture_anchors); i++)
    {
      g_autoptr(NaAnchor) anchor = anchor_new (fixture_anchors[i].exact, NULL);
      g_autoptr(GArray) rects = NULL;
      g_autofree char *under = NULL;
      g_autofree char *expected = na_text_normalize (fixture_anchors[i].exact);
      NaAnchorStatus status;

      status = na_pdf_document_resolve_anchor (document, anchor, &rects);
      if (status != NA_ANCHOR_STATUS_RESOLVED)
        g_error ("not resolved: %s", fixture_anchors[i].exact);
      g_assert_cmpint (na_anchor_get_page (anchor), ==, fixture_anchors[i].page);
      g_assert_cmpuint (rects->len, >=, 1);

      for (guint j = 0; j < rects->len; j++)
        {
          NaPdfRect *r = &g_array_index (rects, NaPdfRect, j);

          g_assert_cmpint (r->page, ==, fixture_anchors[i].page - 1);
          g_assert_cmpfloat (r->x1, >=, fixture_anchors[i].min_x);
          g_assert_cmpfloat (r->x1, <, r->x2);
          g_assert_cmpfloat (r->y1, <, r->y2);
          g_assert_cmpfloat (r->x2, <=, 595);
          g_assert_cmpfloat (r->y1, >=, 0);
          g_assert_cmpfloat (r->y2, <=, 842);
        }

      /* What lies under the rectangles is the quote (hyphens and quotes canonical). */
      under = text_under (document, rects);
      if (g_strcmp0 (under, expected) != 0)
        g_error ("text under the rectangles of “%s” is “%s”", expected, under);
    }
}

static void
test_two_columns_keep_their_order (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  const char *text = na_pdf_document_get_page_text (document, 1);
  const char *left = strstr (text, "spring by an independent panel");
  const char *right = strstr (text, "The second column");

  /* Poppler reads the left column to its end before the right one. */
  g_assert_nonnull (left);
  g_assert_nonnull (right);
  g_assert_true (left < right);
}

static void
test_unresolved_and_ambiguous (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  g_autoptr(NaAnchor) missing = anchor_new ("a sentence nobody wrote", NULL);
  g_autoptr(NaAnchor) twice = anchor_new ("The", NULL);
  g_autoptr(NaAnchor) disambiguated = anchor_new ("column", "The second");
  g_autoptr(GArray) rects = NULL;

  g_assert_cmpint (na_pdf_document_resolve_anchor (document, missing, &rects), ==,
                   NA_ANCHOR_STATUS_NOT_FOUND);
  g_assert_null (rects);
  g_assert_cmpint (na_anchor_get_page (missing), <=, 0);
  g_assert_cmpint (na_pdf_document_resolve_anchor (document, twice, NULL), ==,
                   NA_ANCHOR_STATUS_AMBIGUOUS);
  g_assert_cmpint (na_pdf_document_resolve_anchor (document, disambiguated, &rects), ==,
                   NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (na_anchor_get_page (disambiguated), ==, 2);
  g_assert_cmpfloat (g_array_index (rects, NaPdfRect, 0).x1, >=, 300);
}

static void
test_find (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  g_autoptr(GArray) found = na_pdf_document_find (document, "THE  report");
  g_autoptr(GArray) none = na_pdf_document_find (document, "zeppelin");
  int page, offset;

  /* "The Harbour Lantern Report" does not match: only "the report" on page 3 does. */
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (na_pdf_document_offset_to_page (document, g_array_index (found, int, 0),
                                                 &page, &offset));
  g_assert_cmpint (page, ==, 2);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
assert_open_fails (const char *path,
                   const char *password,
                   NaPdfError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NaPdfDocument) document = na_pdf_document_new_from_file (file, password, NULL,
                                                                     &error);

  g_assert_null (document);
  g_assert_error (error, NA_PDF_ERROR, (int) code);
  /* The message names the file. */
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name %s", error->message, path);
  g_test_message ("%s", error->message);
}

static void
test_bad_files (void)
{
  g_autofree char *empty = g_build_filename (tmpdir, "empty.pdf", NULL);
  g_autofree char *garbage = g_build_filename (tmpdir, "garbage.pdf", NULL);
  g_autofree char *truncated = g_build_filename (tmpdir, "truncated.pdf", NULL);
  g_autofree char *damaged = g_build_filename (tmpdir, "damaged.pdf", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.pdf", NULL);
  g_autofree char *data = NULL;
  gsize length;

  write_file (empty, "", 0);
  write_file (garbage, "<html><body>Not a PDF at all</body></html>\n", -1);
  g_assert_true (g_file_get_contents (fixture_path, &data, &length, NULL));
  write_file (truncated, data, length / 2);
  write_file (damaged, "%PDF-1.5\n1 0 obj << /Nonsense >> endobj\n%%EOF\n", -1);

  assert_open_fails (empty, NULL, NA_PDF_ERROR_EMPTY);
  assert_open_fails (garbage, NULL, NA_PDF_ERROR_NOT_PDF);
  assert_open_fails (truncated, NULL, NA_PDF_ERROR_TRUNCATED);
  assert_open_fails (damaged, NULL, NA_PDF_ERROR_DAMAGED);
  assert_open_fails (missing, NULL, NA_PDF_ERROR_IO);
}

static void
test_encrypted (void)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *encrypted = g_build_filename (tmpdir, "locked.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (encrypted);
  g_autoptr(NaPdfDocument) document = NULL;
  g_autoptr(NaAnchor) anchor = anchor_new ("the efficient office should remain small", NULL);
  int status;

  if (qpdf == NULL)
    {
      g_test_skip ("SKIPPED: qpdf is not installed (Debian package qpdf)");
      return;
    }

  {
    const char *argv[] = { qpdf, "--encrypt", "harbour", "owner-secret", "256", "--",
                           fixture_path, encrypted, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  /* A distinct error, so the viewer asks for the password; a wrong one is told apart. */
  assert_open_fails (encrypted, NULL, NA_PDF_ERROR_ENCRYPTED);
  assert_open_fails (encrypted, "wrong", NA_PDF_ERROR_BAD_PASSWORD);

  document = na_pdf_document_new_from_file (file, "harbour", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (na_pdf_document_get_n_pages (document), ==, 3);
  g_assert_cmpint (na_pdf_document_resolve_anchor (document, anchor, NULL), ==,
                   NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (na_anchor_get_page (anchor), ==, 2);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray *results = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = na_render_queue_render_finish (NA_RENDER_QUEUE (object), result,
                                                            &error);

  if (surface == NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_ptr_array_add (results, surface);
}

/* Fraction of pixels that are not white. */
static double
ink (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      n += *(const guint32 *) (data + y * stride + 4 * x) != 0xffffffff;
  return (double) n / (w * h);
}

static void
test_render_queue (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  g_autoptr(NaRenderQueue) queue = na_render_queue_new (document, 2);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GPtrArray) results = g_ptr_array_new ();
  cairo_surface_t *page1;
  int w, h;

  g_cancellable_cancel (cancelled);
  na_render_queue_render_async (queue, 0, 2.0, 0, NULL, rendered_cb, results);
  na_render_queue_render_async (queue, 1, 1.0, 5, cancelled, rendered_cb, results);
  while (results->len < 2)
    g_main_context_iteration (NULL, TRUE);

  /* The cancelled job gives nothing; the other, the page at twice the size, with text. */
  page1 = g_ptr_array_index (results, 0) ? g_ptr_array_index (results, 0)
                                         : g_ptr_array_index (results, 1);
  g_assert_true (g_ptr_array_index (results, 0) == NULL || g_ptr_array_index (results, 1) == NULL);
  g_assert_nonnull (page1);
  na_render_page_size (document, 0, 2.0, &w, &h);
  g_assert_cmpint (cairo_image_surface_get_width (page1), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (page1), ==, 1684);
  g_assert_cmpfloat (ink (page1), >, 0.002);
  g_assert_cmpfloat (ink (page1), <, 0.2);
  cairo_surface_destroy (page1);
}

static cairo_surface_t *
bare_render (NaPdfDocument   *document,
             PopplerDocument *bare,
             int              index,
             double           scale)
{
  int w, h;

  na_render_page_size (document, index, scale, &w, &h);
  return na_test_pdf_bare_render (bare, index, w, h, scale);
}

static void
assert_same_pixels (cairo_surface_t *got,
                    cairo_surface_t *want)
{
  int h = cairo_image_surface_get_height (want);
  int stride = cairo_image_surface_get_stride (want);

  g_assert_nonnull (got);
  g_assert_cmpint (cairo_image_surface_get_height (got), ==, h);
  g_assert_cmpint (cairo_image_surface_get_stride (got), ==, stride);
  g_assert_true (memcmp (cairo_image_surface_get_data (got), cairo_image_surface_get_data (want),
                         (gsize) h * stride) == 0);
}

/* The nice value of thread @tid of this process, from /proc; G_MININT when unknown. */
static int
thread_nice (const char *tid)
{
  g_autofree char *path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (end = strrchr (stat, ')')) == NULL)
    return G_MININT;
  /* After the command's name: state is field 3, nice field 19. */
  fields = g_strsplit (end + 2, " ", 0);
  if (g_strv_length (fields) < 17)
    return G_MININT;
  return atoi (fields[16]);
}

/* Whether thread @tid of this process is named as the render queue names its workers. */
static gboolean
is_render_thread (const char *tid)
{
  g_autofree char *path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
  g_autofree char *comm = NULL;

  return g_file_get_contents (path, &comm, NULL, NULL) &&
         g_str_has_prefix (comm, "natoasia-render");
}

static guint
count_render_threads (void)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *name;
  guint n = 0;

  while (tasks != NULL && (name = g_dir_read_name (tasks)) != NULL)
    n += is_render_thread (name);
  return n;
}

/* Waits up to 10 s for the number of render workers to come down to @n; returns it. */
static guint
wait_for_render_threads (guint n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (count_render_threads () > n && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  return count_render_threads ();
}

/* Render workers run at a lower priority than the main thread, so that on a machine whose
 * processors are all busy a frame does not wait for a page being rendered; the main thread
 * keeps its own. */
static void
test_render_queue_workers_yield (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  g_autoptr(NaRenderQueue) queue = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cairo_surface_destroy);
  g_autofree char *self_tid = g_strdup_printf ("%d", (int) getpid ());
  int main_nice = thread_nice (self_tid);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint workers, lower;

  if (main_nice == G_MININT)
    {
      g_test_skip ("no /proc/self/task to read threads' priorities from");
      return;
    }
  if (main_nice >= 19)
    {
      g_test_skip ("running at the lowest priority already: no lower for the workers");
      return;
    }

  g_assert_cmpuint (wait_for_render_threads (0), ==, 0);
  queue = na_render_queue_new (document, 2);
  na_render_queue_render_async (queue, 0, 1.0, 0, NULL, rendered_cb, results);
  na_render_queue_render_async (queue, 1, 1.0, 0, NULL, rendered_cb, results);
  while (results->len < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (g_ptr_array_index (results, 0));

  /* Each worker lowers its priority as it starts. */
  for (;;)
    {
      g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
      const char *name;

      g_assert_nonnull (tasks);
      workers = lower = 0;
      while ((name = g_dir_read_name (tasks)) != NULL)
        if (is_render_thread (name))
          {
            workers++;
            lower += thread_nice (name) > main_nice;
          }
      if (lower == workers || g_get_monotonic_time () >= deadline)
        break;
      g_usleep (1000);
    }

  g_test_message ("%u of %u workers below the main thread's priority (nice %d)", lower,
                  workers, main_nice);
  g_assert_cmpuint (workers, ==, 2);
  g_assert_cmpuint (lower, ==, workers);
  g_assert_cmpint (thread_nice (self_tid), ==, main_nice);
}

/* The viewer lets go of its queue while a page is being rendered (a PDF closed, a zoom):
 * the job's task then holds the last reference, often dropped by the worker itself, which
 * is still whitening a buffer for the next page after handing this one over. The queue
 * must still end every worker; one cannot wait for itself. */
static void
test_render_queue_freed_from_a_worker (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cairo_surface_destroy);

  if (!g_file_test ("/proc/self/task", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no /proc/self/task to count threads in");
      return;
    }

  /* Earlier tests' queues are gone; a worker that dropped the last reference to its queue
   * may still be on its way out. */
  g_assert_cmpuint (wait_for_render_threads (0), ==, 0);
  for (int round = 0; round < 5; round++)
    {
      NaRenderQueue *queue = na_render_queue_new (document, 2);
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      /* A thread takes its name as it starts. */
      while (count_render_threads () < 2 && g_get_monotonic_time () < deadline)
        g_usleep (1000);
      g_assert_cmpuint (count_render_threads (), ==, 2);
      /* At 400 %, whitening the next buffer takes the worker a while after the result. */
      na_render_queue_render_async (queue, round % 3, 4.0, 0, NULL, rendered_cb, results);
      g_object_unref (queue);
      while (results->len < (guint) round + 1)
        g_main_context_iteration (NULL, TRUE);
      g_assert_nonnull (g_ptr_array_index (results, round));

      g_assert_cmpuint (wait_for_render_threads (0), ==, 0);
    }
}

/* Pixel memory is reused from render to render and whitened ahead in slices that stop when
 * a job waits: every page must still come out exactly as a bare render on white, whatever a
 * reused buffer held before. */
static void
test_render_queue_reuses_buffers (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  g_autoptr(NaRenderQueue) queue = na_render_queue_new (document, 1);
  g_autoptr(GError) error = NULL;
  PopplerDocument *bare = na_pdf_document_open_poppler (document, &error);
  int n = na_pdf_document_get_n_pages (document);
  cairo_surface_t *expected[3];

  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);
  g_assert_true (na_render_queue_open_documents (queue, &error));
  g_assert_no_error (error);

  for (int i = 0; i < n; i++)
    expected[i] = bare_render (document, bare, i, 2.0);

  /* Batches queued back to back (no whitening ahead) and one at a time (whitening ahead,
   * mostly cut short by the next request: at 200 % a page's buffer takes longer to whiten
   * than a result takes to come back), each batch's surfaces freed before the next, so
   * later pages land on used buffers. */
  for (int batch = 0; batch < 8; batch++)
    {
      g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (
        (GDestroyNotify) cairo_surface_destroy);

      for (int k = 0; k < 6; k++)
        {
          na_render_queue_render_async (queue, (k + batch) % n, 2.0, 0, NULL, rendered_cb,
                                        results);
          if (batch % 2)
            while (results->len < (guint) k + 1)
              g_main_context_iteration (NULL, TRUE);
        }
      while (results->len < 6)
        g_main_context_iteration (NULL, TRUE);

      for (int k = 0; k < 6; k++)
        assert_same_pixels (g_ptr_array_index (results, k), expected[(k + batch) % n]);
    }

  for (int i = 0; i < n; i++)
    cairo_surface_destroy (expected[i]);
  g_object_unref (bare);
}

/* A worker keeps the pages it rendered last, and lets go of older ones: a page rendered
 * again, kept or let go and fetched anew, comes out exactly as a bare render. Twelve pages
 * are more than it keeps. */
static void
test_render_queue_keeps_pages (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "twelve.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NaPdfDocument) document = NULL;
  g_autoptr(NaRenderQueue) queue = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cairo_surface_destroy);
  static const int order[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11, 10, 0, 0, 5, 1 };
  PopplerDocument *bare;

  na_test_pdf_write_long (path, 12);
  document = na_pdf_document_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  bare = na_pdf_document_open_poppler (document, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 12; i++)
    g_ptr_array_add (expected, bare_render (document, bare, i, 1.5));

  queue = na_render_queue_new (document, 1);
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (
        (GDestroyNotify) cairo_surface_destroy);

      na_render_queue_render_async (queue, order[k], 1.5, 0, NULL, rendered_cb, results);
      while (results->len < 1)
        g_main_context_iteration (NULL, TRUE);
      assert_same_pixels (g_ptr_array_index (results, 0), g_ptr_array_index (expected,
                                                                             order[k]));
    }
  g_object_unref (bare);
  g_unlink (path);
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

#ifndef __SANITIZE_ADDRESS__
/* The process's mapped address space, in bytes. */
static rlim_t
virtual_bytes (void)
{
  g_autofree char *statm = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  return g_ascii_strtoull (statm, NULL, 10) * (rlim_t) sysconf (_SC_PAGESIZE);
}

static void
oom_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GError **error = user_data;
  cairo_surface_t *surface = na_render_queue_render_finish (NA_RENDER_QUEUE (object), result,
                                                            error);

  g_assert_null (surface);
  g_assert_nonnull (*error);
}
#endif

/* Once the view and its queue let go of a PDF's pages, their memory leaves the process (it
 * is unmapped on a thread of its own, soon after): it is not kept in a worker's heap. */
static void
test_render_queue_gives_pages_back (void)
{
  g_autoptr(NaPdfDocument) document = open_fixture ();
  NaRenderQueue *queue = na_render_queue_new (document, 1);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cairo_surface_destroy);
  gsize page_bytes, holding;
  gboolean late = FALSE;
  guint timeout;

  /* Twelve pages at 300 %, each 4.5 MB, all held at once: more than the queue keeps for
   * reuse. */
  for (int k = 0; k < 12; k++)
    na_render_queue_render_async (queue, k % 3, 3.0, 0, NULL, rendered_cb, results);
  while (results->len < 12)
    g_main_context_iteration (NULL, TRUE);
  page_bytes = (gsize) cairo_image_surface_get_stride (g_ptr_array_index (results, 0)) *
               cairo_image_surface_get_height (g_ptr_array_index (results, 0));
  holding = na_memory_resident_bytes ();

  g_ptr_array_set_size (results, 0);
  g_object_unref (queue);
  timeout = g_timeout_add_seconds (10, timed_out, &late);
  while (!late && na_memory_resident_bytes () + 8 * page_bytes > holding)
    g_main_context_iteration (NULL, FALSE);
  g_test_message ("resident: %" G_GSIZE_FORMAT " MB holding twelve pages, %" G_GSIZE_FORMAT
                  " MB after", holding >> 20, na_memory_resident_bytes () >> 20);
  g_assert_false (late);
  g_source_remove (timeout);
}

/* A page too large for the memory left is refused with an error naming it, not a crash. The
 * address space is limited in a subprocess, so the page's mapping fails there. */
static void
test_render_queue_out_of_memory (void)
{
#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer needs more address space than the limit leaves");
#else
  if (g_test_subprocess ())
    {
      g_autoptr(NaPdfDocument) document = open_fixture ();
      g_autoptr(NaRenderQueue) queue = na_render_queue_new (document, 1);
      g_autoptr(GPtrArray) results = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      struct rlimit limit;

      g_assert_true (na_render_queue_open_documents (queue, &error));
      /* 64 MB more than is mapped now; the page at 2000 % needs 800 MB. */
      limit.rlim_cur = limit.rlim_max = virtual_bytes () + (rlim_t) 64 * 1024 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
      na_render_queue_render_async (queue, 0, 20.0, 0, NULL, oom_cb, &error);
      while (error == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_print ("%s\n", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* "?": "×", which the C locale prints as "?". */
  g_test_trap_assert_stdout ("No memory for page 1 at 11900 ? 16840 pixels: *");
#endif
}

static void
count_changed_cb (NaAttachments *attachments,
                  const char    *essay_id,
                  GPtrArray     *seen)
{
  g_ptr_array_add (seen, g_strdup (essay_id ? essay_id : "(all)"));
}

/* What the library search needs of attachments: a signal when an essay's PDF changes, the
 * pages its anchors span, whether a volume is shared; and the text of a range of pages. */
static void
test_attachments_changes_and_ranges (void)
{
  g_autoptr(NaAttachments) store = na_attachments_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NaPdfDocument) document = open_fixture ();
  NaAttachmentsEntry *entry;
  g_autofree char *all = NULL, *second = NULL;
  int first, last;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), seen);
  na_attachments_set (store, "ch-1", "/data/volume.pdf", "aaa");
  na_attachments_set (store, "ch-2", "/data/volume.pdf", "aaa");
  na_attachments_set (store, "solo", "/data/solo.pdf", "bbb");
  /* Pages and highlights are not a change of PDF. */
  na_attachments_set_page (store, "ch-2", "ch-2-a1", 12);
  na_attachments_set_page (store, "ch-2", "ch-2-a2", 0);
  na_attachments_set_page (store, "ch-2", "ch-2-r1", 9);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "solo");

  g_assert_cmpuint (na_attachments_get_n_sharing (store, "/data/volume.pdf"), ==, 2);
  g_assert_cmpuint (na_attachments_get_n_sharing (store, "/data/solo.pdf"), ==, 1);
  g_assert_cmpuint (na_attachments_get_n_sharing (store, "/data/none.pdf"), ==, 0);
  g_assert_true (na_attachments_get_page_range (store, "ch-2", &first, &last));
  g_assert_cmpint (first, ==, 9);
  g_assert_cmpint (last, ==, 12);
  g_assert_false (na_attachments_get_page_range (store, "ch-1", &first, &last));
  g_assert_false (na_attachments_get_page_range (store, "nobody", &first, &last));

  entry = na_attachments_take (store, "ch-1");
  g_assert_nonnull (entry);
  g_assert_cmpuint (na_attachments_get_n_sharing (store, "/data/volume.pdf"), ==, 1);
  na_attachments_put (store, "ch-1", entry);
  g_assert_true (na_attachments_remove (store, "solo"));
  g_assert_false (na_attachments_remove (store, "solo"));
  g_assert_cmpuint (seen->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "ch-1");
  g_assert_cmpstr (g_ptr_array_index (seen, 5), ==, "solo");

  all = na_pdf_document_dup_text (document, 0, -1);
  second = na_pdf_document_dup_text (document, 1, 1);
  g_assert_nonnull (strstr (all, "Harbour Lantern"));
  g_assert_null (strstr (second, "Harbour Lantern"));
  g_assert_nonnull (strstr (all, second));
  g_assert_cmpstr (second, ==, na_pdf_document_get_page_text (document, 1));
  g_assert_cmpint (strlen (all), ==, strlen (na_pdf_document_get_page_text (document, 0)) +
                                     strlen (second) +
                                     strlen (na_pdf_document_get_page_text (document, 2)) + 2);
}

static void
test_attachments_round_trip (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "store", "attachments.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NaAttachments) store = na_attachments_new (file);
  g_autoptr(NaAttachments) again = na_attachments_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (na_attachments_load (store, &error));   /* missing: empty */
  g_assert_no_error (error);
  na_attachments_set (store, "essay-1", "/data/one.pdf", "abc123");
  na_attachments_set_page (store, "essay-1", "essay-1-a1", 12);
  na_attachments_set_page (store, "essay-1", "essay-1-a2", 0);
  g_assert_true (na_attachments_save (store, &error));
  g_assert_no_error (error);

  g_assert_true (na_attachments_load (again, &error));
  g_assert_cmpstr (na_attachments_get_path (again, "essay-1"), ==, "/data/one.pdf");
  g_assert_cmpstr (na_attachments_get_sha256 (again, "essay-1"), ==, "abc123");
  g_assert_cmpint (na_attachments_get_page (again, "essay-1", "essay-1-a1"), ==, 12);
  g_assert_cmpint (na_attachments_get_page (again, "essay-1", "essay-1-a2"), ==, 0);
  g_assert_null (na_attachments_get_path (again, "essay-2"));

  /* The user's highlights keep their page, text, note and rectangles. */
  {
    g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
    NaPdfRect r = { 2, 72.5, 400, 300.25, 412 };
    g_autoptr(NaAttachments) third = na_attachments_new (file);
    const char *text, *note;
    GArray *back;
    int page;

    g_array_append_val (rects, r);
    g_assert_cmpuint (na_attachments_add_highlight (again, "essay-1", 2, "a passage", "mine",
                                                    rects), ==, 0);
    na_attachments_add_highlight (again, "essay-1", 0, "another", NULL, rects);
    g_assert_true (na_attachments_save (again, &error));
    g_assert_true (na_attachments_load (third, &error));
    g_assert_cmpuint (na_attachments_get_n_highlights (third, "essay-1"), ==, 2);
    g_assert_true (na_attachments_get_highlight (third, "essay-1", 0, &page, &text, &note,
                                                 &back));
    g_assert_cmpint (page, ==, 2);
    g_assert_cmpstr (text, ==, "a passage");
    g_assert_cmpstr (note, ==, "mine");
    g_assert_cmpuint (back->len, ==, 1);
    g_assert_cmpfloat (g_array_index (back, NaPdfRect, 0).x1, ==, 72.5);
    g_assert_cmpfloat (g_array_index (back, NaPdfRect, 0).x2, ==, 300.25);
    g_assert_cmpint (g_array_index (back, NaPdfRect, 0).page, ==, 2);
    g_assert_true (na_attachments_get_highlight (third, "essay-1", 1, NULL, NULL, &note, NULL));
    g_assert_null (note);
    g_assert_true (na_attachments_remove_highlight (third, "essay-1", 0));
    g_assert_cmpuint (na_attachments_get_n_highlights (third, "essay-1"), ==, 1);
    g_assert_false (na_attachments_get_highlight (third, "essay-1", 1, NULL, NULL, NULL, NULL));
  }

  /* Another file's content: the old pages meant nothing for it. */
  na_attachments_set (again, "essay-1", "/data/one.pdf", "def456");
  g_assert_cmpint (na_attachments_get_page (again, "essay-1", "essay-1-a1"), ==, 0);
}

static void
test_attachments_unreadable_moved_aside (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "broken-store", NULL);
  g_autofree char *path = g_build_filename (dir, "attachments.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NaAttachments) store = na_attachments_new (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean found_aside = FALSE;

  g_mkdir_with_parents (dir, 0755);
  write_file (path, "{ \"format\": \"org.example.NatoAsia.attachments\", \"vers", -1);

  g_assert_false (na_attachments_load (store, &error));
  g_assert_error (error, NA_ATTACHMENTS_ERROR, NA_ATTACHMENTS_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* The broken file is kept beside, byte for byte; the new store can be saved. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "attachments.json.unreadable-"))
      {
        g_autofree char *aside = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
        g_assert_true (g_str_has_suffix (contents, "\"vers"));
        found_aside = TRUE;
      }
  g_assert_true (found_aside);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  na_attachments_set (store, "e", "/x.pdf", NULL);
  g_assert_true (na_attachments_save (store, &error));
  g_assert_no_error (error);
}

static void
test_attachments_apply_pages (void)
{
  g_autoptr(NaLibrary) library = na_library_new_bundled (NULL);
  g_autoptr(NaAttachments) store = na_attachments_new (NULL);
  GListModel *arguments = na_library_get_arguments (library);
  g_autoptr(NaArgument) argument = g_list_model_get_item (arguments, 0);
  const char *essay_id = na_argument_get_essay_id (argument);

  na_attachments_set (store, essay_id, "/x.pdf", "00");
  na_attachments_set_page (store, essay_id, na_argument_get_id (argument), 7);
  g_assert_cmpuint (na_attachments_apply_pages (store, library), ==, 1);
  g_assert_cmpint (na_anchor_get_page (na_argument_get_anchor (argument)), ==, 7);
}

/* The command line, in a process of its own with its own data directory. */
static int
run_natoasia (const char * const *args,
              char              **out,
              char              **err)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *data_home = g_build_filename (tmpdir, "xdg-data", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_strv_builder_add (builder, g_getenv ("NATOASIA_BIN"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static const char fixture_library[] =
  "{\"format\": \"org.example.NatoAsia.library\", \"version\": 1,"
  " \"questions\": [{\"id\": \"q\", \"title\": \"Should harbours cooperate?\"}],"
  " \"countries\": [], \"essays\": [{\"id\": \"lantern\", \"type\": \"report\","
  " \"title\": \"The Harbour Lantern Report\", \"author\": [{\"family\": \"Quill\"}]},"
  " {\"id\": \"beacon\", \"type\": \"report\", \"title\": \"The Beacon Memo\","
  "  \"author\": [{\"family\": \"Reed\"}]}],"
  " \"arguments\": ["
  "  {\"id\": \"lantern-a1\", \"essay\": \"lantern\", \"question\": \"q\","
  "   \"stance\": \"supports\", \"claim\": \"Meet informally first.\","
  "   \"anchor\": {\"exact\": \"partners in the Pacific should meet informally\"}},"
  "  {\"id\": \"lantern-a2\", \"essay\": \"lantern\", \"question\": \"q\","
  "   \"stance\": \"supports\", \"claim\": \"Drills build trust.\","
  "   \"anchor\": {\"exact\": \"such drills, the authors insist, build trust\"}},"
  "  {\"id\": \"lantern-a3\", \"essay\": \"lantern\", \"question\": \"q\","
  "   \"stance\": \"neutral\", \"claim\": \"Not in the text.\","
  "   \"anchor\": {\"exact\": \"a sentence nobody wrote\"}},"
  "  {\"id\": \"beacon-a1\", \"essay\": \"beacon\", \"question\": \"q\","
  "   \"stance\": \"opposes\", \"claim\": \"Lights are enough.\","
  "   \"anchor\": {\"exact\": \"a lit beacon on every headland will do\"}}],"
  " \"recommendations\": ["
  "  {\"id\": \"lantern-r1\", \"essay\": \"lantern\", \"actor\": \"nato\","
  "   \"action\": \"Set up a secretariat.\","
  "   \"anchor\": {\"exact\": \"recommends a standing secretariat\"}}]}";

static void
test_cli_attach_and_check (void)
{
  g_autofree char *library = g_build_filename (tmpdir, "lantern.json", NULL);
  g_autofree char *store = g_build_filename (tmpdir, "xdg-data", "natoasia", "attachments.json",
                                             NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL, *contents = NULL;
  g_autofree char *garbage = g_build_filename (tmpdir, "garbage.txt.pdf", NULL);

  write_file (library, fixture_library, -1);
  g_assert_cmpint (run_natoasia ((const char *[]) { "--library", library, "--attach", "lantern",
                                                    fixture_path, NULL }, &out, &err), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (out, "3 pages"));
  g_assert_nonnull (strstr (out, "lantern-a3 unresolved\n"));
  g_assert_true (g_str_has_suffix (out, "anchors: 3/4 resolved\n"));
  g_assert_true (g_file_get_contents (store, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, fixture_path));

  g_assert_cmpint (run_natoasia ((const char *[]) { "--library", library, "--check-anchors",
                                                    "lantern", NULL }, &out2, &err2), ==, 0);
  g_assert_cmpstr (out2, ==,
                   "lantern-a1 resolved page 1\n"
                   "lantern-a2 resolved page 2\n"
                   "lantern-a3 unresolved\n"
                   "lantern-r1 resolved page 3\n"
                   "anchors: 3/4 resolved\n");

  /* A bad file is refused with its name; the attachment on record stays. */
  write_file (garbage, "plain words", -1);
  g_assert_cmpint (run_natoasia ((const char *[]) { "--library", library, "--attach", "lantern",
                                                    garbage, NULL }, &out3, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, garbage));
  g_assert_nonnull (strstr (err3, "not a PDF"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (store, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, fixture_path));
}

/* A PDF holding none of an essay's anchors is likely another essay's: --attach records it all
 * the same but warns, naming the essay and the file, and exits with 3; so does
 * --check-anchors. A missing file is named once, with its problem once. */
static void
test_cli_attach_wrong_pdf (void)
{
  g_autofree char *library = g_build_filename (tmpdir, "lantern.json", NULL);
  g_autofree char *store = g_build_filename (tmpdir, "xdg-data", "natoasia", "attachments.json",
                                             NULL);
  g_autofree char *copy = g_build_filename (tmpdir, "copy of lantern.pdf", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "nowhere.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL;
  g_autofree char *out5 = NULL, *err5 = NULL;
  g_autofree char *contents = NULL, *data = NULL;
  g_autofree char *not_found = NULL;
  gsize length;

  write_file (library, fixture_library, -1);
  g_assert_true (g_file_get_contents (fixture_path, &data, &length, NULL));
  write_file (copy, data, length);

  g_assert_cmpint (run_natoasia ((const char *[]) { "--library", library, "--attach", "beacon",
                                                    fixture_path, NULL }, &out, &err), ==, 3);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_str_has_suffix (out, "beacon-a1 unresolved\nanchors: 0/1 resolved\n"));
  not_found = g_strdup_printf ("natoasia: warning: none of the anchors of beacon "
                               "(“The Beacon Memo”) were found in “%s”", fixture_path);
  g_assert_true (g_str_has_prefix (err, not_found));
  g_assert_nonnull (strstr (err, "may not be this essay's source"));
  g_assert_true (g_str_has_suffix (err, "natoasia: it was attached all the same\n"));
  g_assert_true (g_file_get_contents (store, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"beacon\""));

  /* Another file in its place: the warning says which one it replaced. */
  g_assert_cmpint (run_natoasia ((const char *[]) { "--library", library, "--attach", "beacon",
                                                    copy, NULL }, &out2, &err2), ==, 3);
  g_assert_nonnull (strstr (err2, copy));
  g_assert_nonnull (strstr (err2, "replacing"));
  g_assert_nonnull (strstr (err2, fixture_path));

  g_assert_cmpint (run_natoasia ((const char *[]) { "--library", library, "--check-anchors",
                                                    "beacon", NULL }, &out3, &err3), ==, 3);
  g_assert_cmpstr (out3, ==, "beacon-a1 unresolved\nanchors: 0/1 resolved\n");
  g_assert_nonnull (strstr (err3, "none of the anchors of beacon"));
  g_assert_nonnull (strstr (err3, copy));

  /* The right PDF: no warning. */
  g_assert_cmpint (run_natoasia ((const char *[]) { "--library", library, "--attach", "lantern",
                                                    copy, NULL }, &out4, &err4), ==, 0);
  g_assert_cmpstr (err4, ==, "");

  g_assert_cmpint (run_natoasia ((const char *[]) { "--library", library, "--attach", "lantern",
                                                    missing, NULL }, &out5, &err5), ==, 1);
  g_assert_cmpstr (out5, ==, "");
  {
    g_autofree char *expected = g_strdup_printf ("natoasia: Could not read “%s”: No such file "
                                                 "or directory\n", missing);

    g_assert_cmpstr (err5, ==, expected);
  }
}

/* The shared source PDFs, when present: how many bundled anchors resolve in them. */
static void
test_shared_sources (void)
{
  const char *sources = g_getenv ("NA_SOURCES_DIR");
  g_autofree char *pdf_dir = sources ? g_build_filename (sources, "pdf", NULL) : NULL;
  g_autoptr(NaLibrary) library = NULL;
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  GListModel *lists[2];
  guint resolved = 0, total = 0;

  if (pdf_dir == NULL || !g_file_test (pdf_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *why = g_strdup_printf ("SKIPPED: the source PDFs (%s) are not here, so "
                                              "the bundled anchors were not resolved in them",
                                              pdf_dir ? pdf_dir : "NA_SOURCES_DIR unset");
      g_test_skip (why);
      return;
    }

  library = na_library_new_bundled (NULL);
  documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  lists[0] = na_library_get_arguments (library);
  lists[1] = na_library_get_recommendations (library);
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_autofree char *id = NULL, *essay_id = NULL, *base = NULL, *path = NULL;
        g_autoptr(NaAnchor) anchor = NULL;
        NaEssay *essay;
        NaPdfDocument *document;

        g_object_get (item, "id", &id, "essay-id", &essay_id, "anchor", &anchor, NULL);
        essay = na_library_lookup_essay (library, essay_id);
        total++;
        if (na_essay_get_source (essay) == NULL)
          continue;
        base = g_strdup (na_essay_get_source (essay));
        if (g_str_has_suffix (base, ".txt"))
          base[strlen (base) - 4] = '\0';
        path = g_strdup_printf ("%s/%s.pdf", pdf_dir, base);
        document = g_hash_table_lookup (documents, path);
        if (document == NULL)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GFile) file = g_file_new_for_path (path);

            document = na_pdf_document_new_from_file (file, NULL, NULL, &error);
            g_assert_no_error (error);
            g_hash_table_insert (documents, g_strdup (path), document);
          }
        if (na_pdf_document_resolve_anchor (document, anchor, NULL) == NA_ANCHOR_STATUS_RESOLVED)
          resolved++;
        else
          g_string_append_printf (failures, "  %s: %s\n", id, na_anchor_get_exact (anchor));
      }

  g_test_message ("corpus: bundled anchors resolved in the source PDFs: %u/%u", resolved,
                  total);
  if (failures->len > 0)
    g_test_message ("unresolved in the PDFs:\n%s", failures->str);
  g_assert_cmpuint (resolved, ==, total);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Large buffers as the app allocates them (see main.c). */
  na_memory_keep_freed_pages ();
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("natoasia-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  fixture_path = g_build_filename (tmpdir, "lantern.pdf", NULL);
  na_test_pdf_write_fixture (fixture_path);

  g_test_add_func ("/pdf/metadata", test_metadata);
  g_test_add_func ("/pdf/anchors-resolve-to-pages-and-rects",
                   test_anchors_resolve_to_pages_and_rects);
  g_test_add_func ("/pdf/two-columns-keep-their-order", test_two_columns_keep_their_order);
  g_test_add_func ("/pdf/unresolved-and-ambiguous", test_unresolved_and_ambiguous);
  g_test_add_func ("/pdf/find", test_find);
  g_test_add_func ("/pdf/bad-files", test_bad_files);
  g_test_add_func ("/pdf/encrypted", test_encrypted);
  g_test_add_func ("/pdf/render-queue", test_render_queue);
  g_test_add_func ("/pdf/render-queue/reuses-buffers", test_render_queue_reuses_buffers);
  g_test_add_func ("/pdf/render-queue/workers-yield", test_render_queue_workers_yield);
  g_test_add_func ("/pdf/render-queue/freed-from-a-worker",
                   test_render_queue_freed_from_a_worker);
  g_test_add_func ("/pdf/render-queue/keeps-pages", test_render_queue_keeps_pages);
  g_test_add_func ("/pdf/render-queue/gives-pages-back", test_render_queue_gives_pages_back);
  g_test_add_func ("/pdf/render-queue/out-of-memory", test_render_queue_out_of_memory);
  g_test_add_func ("/attachments/round-trip", test_attachments_round_trip);
  g_test_add_func ("/attachments/changes-and-ranges", test_attachments_changes_and_ranges);
  g_test_add_func ("/attachments/unreadable-moved-aside",
                   test_attachments_unreadable_moved_aside);
  g_test_add_func ("/attachments/apply-pages", test_attachments_apply_pages);
  g_test_add_func ("/pdf/cli-attach-and-check", test_cli_attach_and_check);
  g_test_add_func ("/pdf/cli-attach-wrong-pdf", test_cli_attach_wrong_pdf);
  g_test_add_func ("/pdf/shared-sources", test_shared_sources);

  status = g_test_run ();

  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return status;
}
