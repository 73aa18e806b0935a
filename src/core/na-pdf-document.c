/* na-pdf-document.c — a PDF source publication, wrapping PopplerDocument
 *
 * The whole file is read into memory once: its SHA-256 identifies the attachment, and the
 * renderer opens one PopplerDocument per worker thread from the same bytes (a PopplerDocument
 * must not be used from two threads at once). Everything here that touches this object's own
 * PopplerDocument holds its lock, so text extraction may run in a GTask while the main thread
 * asks for links or sizes.
 *
 * The text of the document is the pages' texts, in poppler's reading order (which follows
 * columns), separated by form feeds; page_offsets records where each page starts, in
 * characters, so a match of the tolerant text index maps back to a page and to the character
 * boxes poppler_page_get_text_layout gives for that page's text.
 */
#define G_LOG_DOMAIN "na-pdf-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "na-pdf-document.h"
#include "na-util.h"

typedef struct
{
  double            width;
  double            height;
  char             *text;      /* NULL until extracted; set last, atomically (see below) */
  PopplerRectangle *layout;    /* one box per character of text */
  guint             n_layout;
} PageData;

struct _NaPdfDocument
{
  GObject          parent_instance;

  GMutex           lock;
  GMutex           index_lock;    /* held while the whole text is put together */
  GFile           *file;
  char            *display_name;
  GBytes          *bytes;
  char            *password;
  char            *sha256;
  PopplerDocument *document;
  int              n_pages;
  PageData        *pages;

  NaTextIndex     *index;         /* whole text, built on demand */
  int             *page_offsets;  /* n_pages + 1 character offsets into the index's text */
  gunichar        *folded;        /* lower-cased characters of the whole text, for find */
  glong            n_folded;
};

G_DEFINE_FINAL_TYPE (NaPdfDocument, na_pdf_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (na-pdf-error-quark, na_pdf_error)

static void
na_pdf_document_finalize (GObject *object)
{
  NaPdfDocument *self = NA_PDF_DOCUMENT (object);

  for (int i = 0; i < self->n_pages; i++)
    {
      g_free (self->pages[i].text);
      g_free (self->pages[i].layout);
    }
  g_free (self->pages);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->index, na_text_index_unref);
  g_free (self->page_offsets);
  g_free (self->folded);
  g_free (self->display_name);
  g_free (self->sha256);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->index_lock);

  G_OBJECT_CLASS (na_pdf_document_parent_class)->finalize (object);
}

static void
na_pdf_document_class_init (NaPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = na_pdf_document_finalize;
}

static void
na_pdf_document_init (NaPdfDocument *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->index_lock);
}

/* Whether the last kilobyte holds the end-of-file marker every complete PDF ends with. */
static gboolean
has_eof_marker (const char *data,
                gsize       length)
{
  gsize tail = MIN (length, 1024);

  return g_strstr_len (data + length - tail, tail, "%%EOF") != NULL;
}

static PopplerDocument *
open_poppler (GBytes      *bytes,
              const char  *name,
              const char  *password,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* Not poppler_document_new_from_bytes: in poppler 22.12 it frees its stream when a wrong
   * password fails, then reads it again to retry, and crashes. The stream variant is safe. */
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

    document = poppler_document_new_from_stream (stream, length, password, NULL, &local_error);
  }
  if (document != NULL)
    return document;

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password != NULL && password[0] != '\0')
        g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_BAD_PASSWORD,
                     _("The password for “%s” is not correct"), name);
      else
        g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_ENCRYPTED,
                     _("“%s” is protected by a password"), name);
    }
  else if (!has_eof_marker (data, length))
    g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_TRUNCATED,
                 _("“%s” is truncated: the PDF file ends before its end marker (%s)"),
                 name, local_error->message);
  else
    g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_DAMAGED,
                 _("“%s” is a damaged PDF file: %s"), name, local_error->message);

  return NULL;
}

/**
 * na_pdf_document_new_from_bytes:
 * @display_name: how to name the file in messages
 * @password: (nullable): the password of an encrypted PDF
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error in %NA_PDF_ERROR
 */
NaPdfDocument *
na_pdf_document_new_from_bytes (GBytes      *bytes,
                                const char  *display_name,
                                const char  *password,
                                GError     **error)
{
  g_autoptr(NaPdfDocument) self = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_EMPTY, _("“%s” is empty"), display_name);
      return NULL;
    }
  /* PDF readers accept the header anywhere in the first kilobyte. */
  if (g_strstr_len (data, MIN (length, 1024), "%PDF-") == NULL)
    {
      g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file (it has no “%%PDF-” header)"), display_name);
      return NULL;
    }
  /* Poppler rebuilds a cut file's cross-reference table and shows what is left; a source
   * whose end is missing would silently lose pages and anchors, so say so instead. */
  if (!has_eof_marker (data, length))
    {
      g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_TRUNCATED,
                   _("“%s” is truncated: the PDF file ends before its end marker"),
                   display_name);
      return NULL;
    }

  self = g_object_new (NA_TYPE_PDF_DOCUMENT, NULL);
  self->document = open_poppler (bytes, display_name, password, error);
  if (self->document == NULL)
    return NULL;

  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);
  self->password = g_strdup (password);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  self->n_pages = poppler_document_get_n_pages (self->document);
  if (self->n_pages <= 0)
    {
      g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_DAMAGED,
                   _("“%s” is a damaged PDF file: it has no pages"), display_name);
      return NULL;
    }

  /* Page sizes up front: the viewer lays out all pages without rendering any. */
  self->pages = g_new0 (PageData, self->n_pages);
  for (int i = 0; i < self->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (self->document, i);

      if (page != NULL)
        poppler_page_get_size (page, &self->pages[i].width, &self->pages[i].height);
      g_clear_object (&page);
      if (self->pages[i].width <= 0 || self->pages[i].height <= 0)
        {
          self->pages[i].width = 612;
          self->pages[i].height = 792;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * na_pdf_document_new_from_file:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error naming the file
 */
NaPdfDocument *
na_pdf_document_new_from_file (GFile         *file,
                               const char    *password,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NaPdfDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, NA_PDF_ERROR, NA_PDF_ERROR_IO, _("Could not read “%s”: %s"),
                   name, na_error_get_reason (local_error, name));
      return NULL;
    }

  self = na_pdf_document_new_from_bytes (bytes, name, password, error);
  if (self != NULL)
    self->file = g_object_ref (file);
  return self;
}

/**
 * na_pdf_document_open_poppler:
 *
 * Opens another PopplerDocument on the same bytes, for a thread of its own.
 *
 * Returns: (transfer full) (nullable): a new document
 */
PopplerDocument *
na_pdf_document_open_poppler (NaPdfDocument  *self,
                              GError        **error)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);

  return open_poppler (self->bytes, self->display_name, self->password, error);
}

GFile *
na_pdf_document_get_file (NaPdfDocument *self)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);
  return self->file;
}

const char *
na_pdf_document_get_display_name (NaPdfDocument *self)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);
  return self->display_name;
}

GBytes *
na_pdf_document_get_bytes (NaPdfDocument *self)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);
  return self->bytes;
}

const char *
na_pdf_document_get_password (NaPdfDocument *self)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);
  return self->password;
}

const char *
na_pdf_document_get_sha256 (NaPdfDocument *self)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);
  return self->sha256;
}

int
na_pdf_document_get_n_pages (NaPdfDocument *self)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), 0);
  return self->n_pages;
}

void
na_pdf_document_get_page_size (NaPdfDocument *self,
                               int            page,
                               double        *width,
                               double        *height)
{
  g_return_if_fail (NA_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);

  if (width)
    *width = self->pages[page].width;
  if (height)
    *height = self->pages[page].height;
}

/* Metadata strings may be empty or all blanks in the wild; those mean "not given". */
static char *
nonempty (char *s)
{
  if (s != NULL && g_strstrip (s)[0] == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

char *
na_pdf_document_dup_title (NaPdfDocument *self)
{
  char *s;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);

  g_mutex_lock (&self->lock);
  s = poppler_document_get_title (self->document);
  g_mutex_unlock (&self->lock);
  return nonempty (s);
}

char *
na_pdf_document_dup_author (NaPdfDocument *self)
{
  char *s;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);

  g_mutex_lock (&self->lock);
  s = poppler_document_get_author (self->document);
  g_mutex_unlock (&self->lock);
  return nonempty (s);
}

GDateTime *
na_pdf_document_dup_creation_date (NaPdfDocument *self)
{
  GDateTime *date;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);

  g_mutex_lock (&self->lock);
  date = poppler_document_get_creation_date_time (self->document);
  g_mutex_unlock (&self->lock);
  return date;
}

/**
 * na_pdf_document_lock:
 *
 * Takes the lock of the document returned by na_pdf_document_get_poppler(), for callers
 * that use it directly (links, outline).
 */
void
na_pdf_document_lock (NaPdfDocument *self)
{
  g_mutex_lock (&self->lock);
}

void
na_pdf_document_unlock (NaPdfDocument *self)
{
  g_mutex_unlock (&self->lock);
}

PopplerDocument *
na_pdf_document_get_poppler (NaPdfDocument *self)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);
  return self->document;
}

/* A page's text and boxes never change once extracted, and the text pointer is published
 * last, atomically: a page already extracted is read without the lock, so the main thread
 * never waits for the extraction of another page going on in a worker. */
static PageData *
extracted_page (NaPdfDocument *self,
                int            index)
{
  PageData *data = &self->pages[index];

  return g_atomic_pointer_get (&data->text) != NULL ? data : NULL;
}

/* Called with the lock held. */
static PageData *
ensure_page_text (NaPdfDocument *self,
                  int            index)
{
  PageData *data = &self->pages[index];
  PopplerPage *page = NULL;
  char *valid = NULL;
  glong n_chars;

  if (data->text != NULL)
    return data;

  page = poppler_document_get_page (self->document, index);
  if (page != NULL)
    {
      char *text = poppler_page_get_text (page);

      valid = text ? g_utf8_make_valid (text, -1) : NULL;
      g_free (text);
      if (!poppler_page_get_text_layout (page, &data->layout, &data->n_layout))
        data->n_layout = 0;
      g_object_unref (page);
    }
  if (valid == NULL)
    valid = g_strdup ("");

  /* Each box belongs to one character of the text; never index past either. */
  n_chars = g_utf8_strlen (valid, -1);
  if (data->n_layout != (guint) n_chars)
    g_debug ("page %d: %u boxes for %ld characters", index + 1, data->n_layout, n_chars);
  data->n_layout = MIN (data->n_layout, (guint) n_chars);
  g_atomic_pointer_set (&data->text, valid);
  return data;
}

/**
 * na_pdf_document_get_page_text:
 * @page: the page number, from 0
 *
 * Returns: (transfer none): the page's text in poppler's reading order
 */
const char *
na_pdf_document_get_page_text (NaPdfDocument *self,
                               int            page)
{
  const char *text;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, NULL);

  if (extracted_page (self, page) != NULL)
    return self->pages[page].text;
  g_mutex_lock (&self->lock);
  text = ensure_page_text (self, page)->text;
  g_mutex_unlock (&self->lock);
  return text;
}

/**
 * na_pdf_document_dup_text:
 * @first: the first page, from 0
 * @last: the last page, from 0; -1 for the document's last
 *
 * Returns: (transfer full): the text of the pages from @first to @last, a form feed between
 *   pages, as a search index takes it
 */
char *
na_pdf_document_dup_text (NaPdfDocument *self,
                          int            first,
                          int            last)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);

  if (last < 0 || last >= self->n_pages)
    last = self->n_pages - 1;
  for (int i = MAX (first, 0); i <= last; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\f');
      g_string_append (text, na_pdf_document_get_page_text (self, i));
    }
  return g_string_free (text, FALSE);
}

/**
 * na_pdf_document_get_page_layout:
 * @n_chars: (out): the number of boxes
 *
 * Returns: (transfer none): one box per character of the page's text, in PDF points from
 *   the page's top-left corner
 */
const PopplerRectangle *
na_pdf_document_get_page_layout (NaPdfDocument *self,
                                 int            page,
                                 guint         *n_chars)
{
  PageData *data;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, NULL);

  data = extracted_page (self, page);
  if (data == NULL)
    {
      g_mutex_lock (&self->lock);
      data = ensure_page_text (self, page);
      g_mutex_unlock (&self->lock);
    }
  *n_chars = data->n_layout;
  return data->layout;
}

/**
 * na_pdf_document_get_text_index:
 *
 * Extracts the text of every page (once) and indexes it for tolerant quote matching.
 *
 * Returns: (transfer none): the index of the whole document's text
 */
NaTextIndex *
na_pdf_document_get_text_index (NaPdfDocument *self)
{
  g_autoptr(GString) text = NULL;
  int *page_offsets;
  int offset = 0;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NULL);

  if (g_atomic_pointer_get (&self->index) != NULL)
    return self->index;

  g_mutex_lock (&self->index_lock);
  if (self->index != NULL)
    {
      g_mutex_unlock (&self->index_lock);
      return self->index;
    }

  /* The page lock is taken page by page, not for the whole text: the main thread and a
   * search in another thread wait for one page's extraction at most, never for all. */
  text = g_string_new (NULL);
  page_offsets = g_new0 (int, self->n_pages + 1);
  for (int i = 0; i < self->n_pages; i++)
    {
      const char *page_text = na_pdf_document_get_page_text (self, i);

      page_offsets[i] = offset;
      g_string_append (text, page_text);
      offset += g_utf8_strlen (page_text, -1);
      /* A page break is white space, so a passage may run on to the next page. */
      g_string_append_c (text, '\f');
      offset++;
    }
  page_offsets[self->n_pages] = offset;
  self->page_offsets = page_offsets;

  self->folded = g_utf8_to_ucs4_fast (text->str, text->len, &self->n_folded);
  for (glong i = 0; i < self->n_folded; i++)
    self->folded[i] = g_unichar_isspace (self->folded[i]) ? ' '
                                                          : g_unichar_tolower (self->folded[i]);

  g_atomic_pointer_set (&self->index, na_text_index_new (text->str, text->len));
  g_mutex_unlock (&self->index_lock);
  return self->index;
}

/**
 * na_pdf_document_has_page_text:
 *
 * Returns: whether @page's text has been extracted already (asking for it would not wait)
 */
gboolean
na_pdf_document_has_page_text (NaPdfDocument *self,
                               int            page)
{
  gboolean has;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, FALSE);

  has = extracted_page (self, page) != NULL;
  return has;
}

/* Character offset of @page's text in the index's text. */
int
na_pdf_document_get_page_offset (NaPdfDocument *self,
                                 int            page)
{
  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), 0);
  g_return_val_if_fail (page >= 0 && page <= self->n_pages, 0);

  na_pdf_document_get_text_index (self);
  return self->page_offsets[page];
}

/**
 * na_pdf_document_offset_to_page:
 * @offset: a character offset in the index's text
 * @page: (out): the page it falls on
 * @page_offset: (out): the character offset in that page's text
 */
gboolean
na_pdf_document_offset_to_page (NaPdfDocument *self,
                                int            offset,
                                int           *page,
                                int           *page_offset)
{
  int lo = 0, hi;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), FALSE);

  na_pdf_document_get_text_index (self);
  hi = self->n_pages - 1;
  if (offset < 0 || offset >= self->page_offsets[self->n_pages])
    return FALSE;

  while (lo < hi)
    {
      int mid = (lo + hi + 1) / 2;

      if (self->page_offsets[mid] <= offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  *page = lo;
  *page_offset = offset - self->page_offsets[lo];
  return TRUE;
}

static gboolean
boxes_on_one_line (const NaPdfRect        *line,
                   const PopplerRectangle *box)
{
  double overlap = MIN (line->y2, box->y2) - MAX (line->y1, box->y1);
  double height = MIN (line->y2 - line->y1, box->y2 - box->y1);

  /* Same line: vertical overlap of most of the smaller height, and not to the left. */
  return overlap > 0.5 * height && box->x1 >= line->x1 - 1;
}

/**
 * na_pdf_document_get_page_rects:
 * @start: first character, in the page's text
 * @end: character after the last
 *
 * Returns: (transfer full) (element-type NaPdfRect): one rectangle per line of the range
 */
GArray *
na_pdf_document_get_page_rects (NaPdfDocument *self,
                                int            page,
                                int            start,
                                int            end)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
  const PopplerRectangle *layout;
  const char *text;
  const char *p;
  guint n;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), rects);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, rects);

  text = na_pdf_document_get_page_text (self, page);
  layout = na_pdf_document_get_page_layout (self, page, &n);
  start = CLAMP (start, 0, (int) n);
  end = CLAMP (end, start, (int) n);
  p = g_utf8_offset_to_pointer (text, start);

  for (int i = start; i < end; i++, p = g_utf8_next_char (p))
    {
      const PopplerRectangle *box = &layout[i];
      NaPdfRect *last = rects->len ? &g_array_index (rects, NaPdfRect, rects->len - 1) : NULL;

      /* Line breaks have boxes of their own, at the line's end: they add nothing. */
      if (*p == '\n' || *p == '\r' || box->x2 <= box->x1 || box->y2 <= box->y1)
        continue;

      if (last != NULL && boxes_on_one_line (last, box))
        {
          last->x1 = MIN (last->x1, box->x1);
          last->x2 = MAX (last->x2, box->x2);
          last->y1 = MIN (last->y1, box->y1);
          last->y2 = MAX (last->y2, box->y2);
        }
      else
        {
          NaPdfRect r = { page, box->x1, box->y1, box->x2, box->y2 };

          g_array_append_val (rects, r);
        }
    }

  return rects;
}

/**
 * na_pdf_document_get_rects:
 * @start: first character, in the index's text
 * @end: character after the last
 *
 * Returns: (transfer full) (element-type NaPdfRect): the range's rectangles on every page
 *   it spans
 */
GArray *
na_pdf_document_get_rects (NaPdfDocument *self,
                           int            start,
                           int            end)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
  int page, offset;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), rects);

  if (!na_pdf_document_offset_to_page (self, start, &page, &offset))
    return rects;

  for (; page < self->n_pages && self->page_offsets[page] < end; page++)
    {
      int from = MAX (start, self->page_offsets[page]) - self->page_offsets[page];
      int to = MIN (end, self->page_offsets[page + 1]) - self->page_offsets[page];
      g_autoptr(GArray) part = na_pdf_document_get_page_rects (self, page, from, to);

      g_array_append_vals (rects, part->data, part->len);
    }

  return rects;
}

typedef struct
{
  char *word;    /* canonical form */
  int   start;   /* character offsets in the index's text */
  int   end;
} Token;

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->word);
}

/* The words of the document's text, a word hyphenated at a line's end joined again. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;
  int offset = 0;

  g_array_set_clear_func (tokens, token_clear);
  while (*p)
    {
      const char *start;
      int start_offset;
      g_autofree char *raw = NULL;
      Token token;

      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p), offset++;
      if (!*p)
        break;
      start = p;
      start_offset = offset;
      while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p), offset++;
      raw = g_strndup (start, p - start);
      token.word = na_text_normalize (raw);
      token.start = start_offset;
      token.end = offset;

      if (tokens->len > 0)
        {
          Token *last = &g_array_index (tokens, Token, tokens->len - 1);
          gsize len = strlen (last->word);

          if (len > 1 && last->word[len - 1] == '-' && g_ascii_isalpha (last->word[len - 2]) &&
              g_ascii_isalpha (token.word[0]))
            {
              last->word[len - 1] = '\0';
              {
                char *joined = g_strconcat (last->word, token.word, NULL);

                g_free (last->word);
                last->word = joined;
              }
              last->end = token.end;
              g_free (token.word);
              continue;
            }
        }
      g_array_append_val (tokens, token);
    }

  return tokens;
}

#define MAX_SKIPPED 4

/* A quote may start or end inside a word ("NATO" in "NATO."): the first word of the quote
 * may end a token, the last may begin one. */
static gboolean
word_matches (const char *token,
              const char *word,
              gboolean    first,
              gboolean    last)
{
  return g_str_equal (token, word) ||
         (first && g_str_has_suffix (token, word)) ||
         (last && g_str_has_prefix (token, word));
}

/* Where the quote's words occur in order with a few foreign words between them: what a
 * passage looks like when poppler's reading order runs a line of the next column, a page
 * number or a running head into it. Returns the matched tokens' runs, only when unique. */
static gboolean
find_with_gaps (NaPdfDocument *self,
                const char    *exact,
                GArray        *runs)
{
  g_autofree char *quote = na_text_normalize (exact);
  g_auto(GStrv) words = g_strsplit (quote, " ", -1);
  guint n_words = g_strv_length (words);
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_found = 0;

  /* Short quotes with gaps allowed would match anywhere. */
  if (n_words < 5)
    return FALSE;

  tokens = tokenize (na_text_index_get_text (self->index));
  for (guint i = 0; i < tokens->len && n_found < 2; i++)
    {
      g_autoptr(GArray) matched = g_array_new (FALSE, FALSE, sizeof (int));
      guint w = 0, t = i, skipped = 0;

      if (!word_matches (g_array_index (tokens, Token, i).word, words[0], TRUE, FALSE))
        continue;
      while (w < n_words && t < tokens->len && skipped <= MAX_SKIPPED)
        {
          if (word_matches (g_array_index (tokens, Token, t).word, words[w], w == 0,
                            w == n_words - 1))
            {
              g_array_append_val (matched, t);
              w++;
            }
          else
            skipped++;
          t++;
        }
      if (w == n_words && skipped > 0 && skipped <= MAX_SKIPPED)
        {
          n_found++;
          g_array_set_size (best, 0);
          g_array_append_vals (best, matched->data, matched->len);
        }
    }

  if (n_found != 1)
    return FALSE;

  /* Consecutive matched tokens make one run: [start, end) pairs of characters. */
  for (guint k = 0; k < best->len; k++)
    {
      int t = g_array_index (best, int, k);
      Token *token = &g_array_index (tokens, Token, t);

      if (k > 0 && g_array_index (best, int, k - 1) == t - 1)
        g_array_index (runs, int, runs->len - 1) = token->end;
      else
        {
          int pair[2] = { token->start, token->end };

          g_array_append_vals (runs, pair, 2);
        }
    }
  return TRUE;
}

/**
 * na_pdf_document_resolve_anchor:
 * @rects: (out) (optional) (transfer full) (element-type NaPdfRect): where the passage is
 *
 * Finds @anchor's quote in the document, tolerant to line breaks, hyphenation, ligatures and
 * typographic quotes, and stores its page (from 1) on the anchor. The anchor's start and end
 * keep their meaning (offsets in the text source). Of several occurrences, the one whose
 * surroundings agree longest with the anchor's prefix and suffix wins, then the one nearest
 * its start.
 *
 * Returns: the outcome; the anchor's page is set only when resolved
 */
NaAnchorStatus
na_pdf_document_resolve_anchor (NaPdfDocument  *self,
                                NaAnchor       *anchor,
                                GArray        **rects)
{
  NaTextIndex *index;
  NaAnchorStatus status;
  int start = -1, end = -1, page, offset;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), NA_ANCHOR_STATUS_NOT_FOUND);
  g_return_val_if_fail (NA_IS_ANCHOR (anchor), NA_ANCHOR_STATUS_NOT_FOUND);

  if (rects != NULL)
    *rects = NULL;

  index = na_pdf_document_get_text_index (self);
  /* The context as a preference: a PDF's page breaks, running heads and footnote marks may
   * sit right beside a passage that the text source has whole. */
  status = na_text_index_find_quote (index, na_anchor_get_exact (anchor),
                                     na_anchor_get_prefix (anchor), na_anchor_get_suffix (anchor),
                                     na_anchor_get_start (anchor), &start, &end);
  if (status == NA_ANCHOR_STATUS_NOT_FOUND)
    {
      g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (int));

      if (!find_with_gaps (self, na_anchor_get_exact (anchor), runs) ||
          !na_pdf_document_offset_to_page (self, g_array_index (runs, int, 0), &page, &offset))
        return NA_ANCHOR_STATUS_NOT_FOUND;

      na_anchor_set_page (anchor, page + 1);
      if (rects != NULL)
        {
          *rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
          for (guint i = 0; i < runs->len; i += 2)
            {
              g_autoptr(GArray) part = na_pdf_document_get_rects (self,
                                                                  g_array_index (runs, int, i),
                                                                  g_array_index (runs, int,
                                                                                 i + 1));

              g_array_append_vals (*rects, part->data, part->len);
            }
        }
      return NA_ANCHOR_STATUS_RESOLVED;
    }

  if (status != NA_ANCHOR_STATUS_RESOLVED ||
      !na_pdf_document_offset_to_page (self, start, &page, &offset))
    return status == NA_ANCHOR_STATUS_RESOLVED ? NA_ANCHOR_STATUS_NOT_FOUND : status;

  na_anchor_set_page (anchor, page + 1);
  if (rects != NULL)
    *rects = na_pdf_document_get_rects (self, start, end);
  return NA_ANCHOR_STATUS_RESOLVED;
}

/* Lower-cases @text into a new array of characters, every white space a space. */
static gunichar *
fold (const char *text,
      glong      *n)
{
  gunichar *folded = g_utf8_to_ucs4_fast (text, -1, n);

  for (glong i = 0; i < *n; i++)
    folded[i] = g_unichar_isspace (folded[i]) ? ' ' : g_unichar_tolower (folded[i]);
  return folded;
}

/* The needle folded, its runs of white space collapsed and trimmed; NULL when empty. */
static gunichar *
fold_pattern (const char *needle,
              glong      *n_pattern)
{
  gunichar *pattern;
  glong n_chars = 0, n = 0;

  pattern = fold (needle, &n_chars);
  for (glong i = 0; i < n_chars; i++)
    {
      if (pattern[i] == ' ' && (n == 0 || pattern[n - 1] == ' '))
        continue;
      pattern[n++] = pattern[i];
    }
  while (n > 0 && pattern[n - 1] == ' ')
    n--;
  *n_pattern = n;
  if (n == 0)
    g_clear_pointer (&pattern, g_free);
  return pattern;
}

/* Appends the start and end of every match of @pattern in @text to @found. */
static void
find_folded (const gunichar *text,
             glong           n_text,
             const gunichar *pattern,
             glong           n,
             GArray         *found)
{
  for (glong i = 0; i + n <= n_text; i++)
    {
      glong j = 0, k = i;

      while (j < n && k < n_text)
        {
          if (pattern[j] == ' ')
            {
              if (text[k] != ' ')
                break;
              while (k < n_text && text[k] == ' ')
                k++;
              j++;
              continue;
            }
          if (text[k] != pattern[j])
            break;
          j++;
          k++;
        }
      if (j == n)
        {
          int pair[2] = { i, k };

          g_array_append_vals (found, pair, 2);
          i = k - 1;
        }
    }
}

/**
 * na_pdf_document_find:
 * @needle: the text to find, in any case; runs of white space match any white space
 *
 * Returns: (transfer full) (element-type int): start and end character offsets in the index's
 *   text of every match, in pairs, in document order
 */
GArray *
na_pdf_document_find (NaPdfDocument *self,
                      const char    *needle)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree gunichar *pattern = NULL;
  glong n = 0;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), found);
  g_return_val_if_fail (needle != NULL, found);

  na_pdf_document_get_text_index (self);
  pattern = fold_pattern (needle, &n);
  if (pattern != NULL)
    find_folded (self->folded, self->n_folded, pattern, n, found);
  return found;
}

/**
 * na_pdf_document_find_page:
 * @page: from 0
 * @needle: the text to find, as for na_pdf_document_find()
 *
 * Finds @needle in one page's text, extracting that page (only) if it has not been yet: a
 * search may go page by page, in a thread of its own, while the rest is being extracted.
 * Matches do not run over to the next page.
 *
 * Returns: (transfer full) (element-type int): start and end character offsets in the
 *   page's text of every match, in pairs
 */
GArray *
na_pdf_document_find_page (NaPdfDocument *self,
                           int            page,
                           const char    *needle)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree gunichar *pattern = NULL;
  g_autofree gunichar *text = NULL;
  glong n = 0, n_text = 0;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (self), found);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, found);
  g_return_val_if_fail (needle != NULL, found);

  pattern = fold_pattern (needle, &n);
  if (pattern == NULL)
    return found;
  text = fold (na_pdf_document_get_page_text (self, page), &n_text);
  find_folded (text, n_text, pattern, n, found);
  return found;
}
