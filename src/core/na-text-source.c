/* na-text-source.c — reading a user's text file safely: every refusal names the file and says
 * what is wrong with it, so the window can show it as it is */
#define G_LOG_DOMAIN "na-text-source"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "na-text-source.h"

G_DEFINE_QUARK (na-text-source-error-quark, na_text_source_error)

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Line and column (from 1) of byte @offset, to say where bad bytes are. */
static void
locate (const char *text,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

/* Line ends become "\n" and a byte-order mark is dropped, so offsets mean the same
 * everywhere; done in place. */
static gsize
normalize_newlines (char  *text,
                    gsize  length)
{
  gsize r = 0, w = 0;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    r = 3;
  for (; r < length; r++)
    {
      if (text[r] == '\r')
        {
          text[w++] = '\n';
          if (r + 1 < length && text[r + 1] == '\n')
            r++;
        }
      else
        text[w++] = text[r];
    }
  text[w] = '\0';
  return w;
}

/**
 * na_text_source_load:
 * @max_bytes: 0 for %NA_TEXT_SOURCE_MAX_BYTES
 * @sha256: (out) (optional): the SHA-256 of the file's bytes, in hex
 *
 * Returns: (transfer full): the file's text, valid UTF-8 with "\n" line ends, or %NULL with
 * @error naming the file: missing, unreadable, too large, empty, binary or not UTF-8.
 */
char *
na_text_source_load (const char  *path,
                     gsize        max_bytes,
                     char       **sha256,
                     GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  const char *end;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (max_bytes == 0)
    max_bytes = NA_TEXT_SOURCE_MAX_BYTES;
  display = g_filename_display_name (path);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, NA_TEXT_SOURCE_ERROR,
                   saved_errno == ENOENT ? NA_TEXT_SOURCE_ERROR_MISSING
                                         : NA_TEXT_SOURCE_ERROR_UNREADABLE,
                   saved_errno == ENOENT ? _("“%s” does not exist") : _("“%s” cannot be read: %s"),
                   display, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, NA_TEXT_SOURCE_ERROR, NA_TEXT_SOURCE_ERROR_UNREADABLE,
                   _("“%s” is not a regular file"), display);
      return NULL;
    }
  /* Checked before reading, so a huge file is refused without filling memory. */
  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *limit = g_format_size (max_bytes);

      g_set_error (error, NA_TEXT_SOURCE_ERROR, NA_TEXT_SOURCE_ERROR_TOO_LARGE,
                   _("“%s” is too large for a text source (%s; the limit is %s)"),
                   display, size, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      /* GLib's message already names the file and the cause. */
      g_set_error_literal (error, NA_TEXT_SOURCE_ERROR, NA_TEXT_SOURCE_ERROR_UNREADABLE,
                           local_error->message);
      return NULL;
    }
  if (length > max_bytes)
    {
      g_set_error (error, NA_TEXT_SOURCE_ERROR, NA_TEXT_SOURCE_ERROR_TOO_LARGE,
                   _("“%s” is too large for a text source"), display);
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, NA_TEXT_SOURCE_ERROR, NA_TEXT_SOURCE_ERROR_BINARY,
                   _("“%s” is not a text file: it holds binary data"), display);
      return NULL;
    }
  if (!g_utf8_validate (data, length, &end))
    {
      guint line, column;

      locate (data, end - data, &line, &column);
      g_set_error (error, NA_TEXT_SOURCE_ERROR, NA_TEXT_SOURCE_ERROR_UTF8,
                   _("“%s” is not UTF-8 text (invalid bytes at line %u, column %u); save it "
                     "as UTF-8 and attach it again"), display, line, column);
      return NULL;
    }
  if (is_blank (data))
    {
      g_set_error (error, NA_TEXT_SOURCE_ERROR, NA_TEXT_SOURCE_ERROR_EMPTY,
                   _("“%s” is empty"), display);
      return NULL;
    }

  if (sha256 != NULL)
    *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  normalize_newlines (data, length);
  return g_steal_pointer (&data);
}

/* Off the main thread: a large file must not freeze the window while it is read and checked. */

typedef struct
{
  char  *path;
  gsize  max_bytes;
  char  *text;
  char  *sha256;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->text);
  g_free (data->sha256);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  data->text = na_text_source_load (data->path, data->max_bytes, &data->sha256, &error);
  if (data->text == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * na_text_source_load_async:
 *
 * Like na_text_source_load(), in a worker thread; @callback runs in the caller's main context
 * and calls na_text_source_load_finish().
 */
void
na_text_source_load_async (const char          *path,
                           gsize                max_bytes,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, na_text_source_load_async);
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);
  data->max_bytes = max_bytes;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* The text (normalised as na_text_source_load() does) and its digest; NULL with @error naming
 * the file, or G_IO_ERROR_CANCELLED. */
char *
na_text_source_load_finish (GAsyncResult  *result,
                            char         **sha256,
                            GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == na_text_source_load_async,
                        NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (sha256 != NULL)
    *sha256 = g_steal_pointer (&data->sha256);
  return g_steal_pointer (&data->text);
}
