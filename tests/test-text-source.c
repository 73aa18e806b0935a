/* test-text-source.c — bad input for attached texts: each refused with a message naming the
 * file, never a crash; the files are made here at run time. */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "na-text-source.h"
#include "na-text-index.h"

static char *tmpdir;

static char *
write_file (const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = na_text_source_load (path, 0, NULL, &error);
  g_autofree char *display = g_filename_display_name (path);

  g_assert_null (text);
  g_assert_error (error, NA_TEXT_SOURCE_ERROR, code);
  g_assert_nonnull (strstr (error->message, display));
  g_assert_nonnull (strstr (error->message, words));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
load_async (const char  *path,
            char       **sha256,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  na_text_source_load_async (path, 0, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return na_text_source_load_finish (result, sha256, error);
}

/* The same text, digest and refusals off the main thread as on it. */
static void
test_text_async (void)
{
  g_autofree char *path = write_file ("async.txt", "Liaison offices\r\nand staff talks.\n", -1);
  g_autofree char *bad = write_file ("async-bad.txt", "caf\xe9\n", -1);
  g_autofree char *display = g_filename_display_name (bad);
  g_autofree char *sync_sha = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sync_text = na_text_source_load (path, 0, &sync_sha, NULL);
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;
  g_autoptr(GError) error = NULL;

  text = load_async (path, &sha, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Liaison offices\nand staff talks.\n");
  g_assert_cmpstr (text, ==, sync_text);
  g_assert_cmpstr (sha, ==, sync_sha);

  none = load_async (bad, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, NA_TEXT_SOURCE_ERROR, NA_TEXT_SOURCE_ERROR_UTF8);
  g_assert_nonnull (strstr (error->message, display));
}

static void
test_text_good (void)
{
  g_autofree char *path = write_file ("good.md",
                                      "\xEF\xBB\xBF# A Fixture\r\nNATO and its partners in the "
                                      "Pacific meet twice a year.\r\n", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *text = na_text_source_load (path, 0, &sha, &error);
  g_autoptr(NaTextIndex) index = NULL;
  int start, end;

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "# A Fixture\nNATO and its partners in the Pacific meet twice a "
                             "year.\n");
  g_assert_cmpuint (strlen (sha), ==, 64);
  /* Anchoring works on the loaded text. */
  index = na_text_index_new (text, -1);
  g_assert_cmpint (na_text_index_find (index, "partners in the Pacific", NULL, NULL, -1,
                                       &start, &end), ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (end - start, ==, strlen ("partners in the Pacific"));
}

static void
test_text_empty (void)
{
  g_autofree char *empty = write_file ("empty.txt", "", 0);
  g_autofree char *blank = write_file ("blank.txt", "  \n\t\n", -1);

  assert_refused (empty, NA_TEXT_SOURCE_ERROR_EMPTY, "empty");
  assert_refused (blank, NA_TEXT_SOURCE_ERROR_EMPTY, "empty");
}

static void
test_text_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autofree char *path = write_file ("picture.txt", png, sizeof png);

  assert_refused (path, NA_TEXT_SOURCE_ERROR_BINARY, "binary");
}

static void
test_text_invalid_utf8 (void)
{
  g_autofree char *path = write_file ("latin1.txt", "First line\nCaf\xe9 society\n", -1);

  assert_refused (path, NA_TEXT_SOURCE_ERROR_UTF8, "line 2, column 4");
}

static void
test_text_huge (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "huge.txt", NULL);
  FILE *f = fopen (path, "w");
  g_autofree char *line = g_strnfill (99, 'a');

  g_assert_nonnull (f);
  /* 100 MB of real text, so the size check is what refuses it. */
  for (guint i = 0; i < 1000 * 1000; i++)
    fprintf (f, "%s\n", line);
  fclose (f);
  assert_refused (path, NA_TEXT_SOURCE_ERROR_TOO_LARGE, "too large");
  g_unlink (path);
}

static void
test_text_missing (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "no-such-file.txt", NULL);

  assert_refused (path, NA_TEXT_SOURCE_ERROR_MISSING, "does not exist");
  assert_refused (tmpdir, NA_TEXT_SOURCE_ERROR_UNREADABLE, "not a regular file");
}

static void
test_text_unreadable (void)
{
  g_autofree char *path = write_file ("secret.txt", "a perfectly good text\n", -1);

  g_chmod (path, 0);
  if (access (path, R_OK) == 0)
    {
      g_test_skip ("running with privileges that read any file");
      return;
    }
  assert_refused (path, NA_TEXT_SOURCE_ERROR_UNREADABLE, "ermission");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("natoasia-text-XXXXXX", NULL);
  g_test_add_func ("/text-source/good", test_text_good);
  g_test_add_func ("/text-source/empty", test_text_empty);
  g_test_add_func ("/text-source/binary", test_text_binary);
  g_test_add_func ("/text-source/invalid-utf8", test_text_invalid_utf8);
  g_test_add_func ("/text-source/huge", test_text_huge);
  g_test_add_func ("/text-source/missing", test_text_missing);
  g_test_add_func ("/text-source/unreadable", test_text_unreadable);
  g_test_add_func ("/text-source/async", test_text_async);
  status = g_test_run ();
  g_free (tmpdir);
  return status;
}
