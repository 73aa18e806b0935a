/* na-pdf-search.c — a find in a PDF's text, page by page in a worker thread
 *
 * Extracting the text of a long PDF takes seconds, and a find used to wait for all of it. A
 * search goes through the pages in order in a GTask thread, extracting each page it needs
 * (NaPdfDocument locks page by page, so this runs alongside the anchors' extraction and the
 * main thread), and hands what it found, with the matches' rectangles, to the main context
 * in batches: a few per second, so the find bar fills as pages arrive without the main thread
 * doing any of the searching. "matches-added" says which matches are new; "pages-searched"
 * and "finished" are the progress.
 */
#define G_LOG_DOMAIN "na-pdf-search"

#include "config.h"

#include <string.h>

#include "na-pdf-search.h"

/* How long the worker collects matches before handing them over, in microseconds. */
#define BATCH_USEC (50 * 1000)

/* Characters of a match's context on either side in its snippet, at most: with the match,
 * about three lines of the side list. */
#define SNIPPET_CONTEXT 40

typedef struct
{
  int     page;
  int     start;   /* characters in the page's text */
  int     end;
  GArray *rects;   /* NaPdfRect */
} Match;

struct _NaPdfSearch
{
  GObject        parent_instance;

  NaPdfDocument *document;
  char          *needle;
  GCancellable  *cancellable;
  GMainContext  *context;       /* where results are delivered */
  gboolean       started;

  /* The main context's view */
  GArray        *matches;       /* Match */
  int            pages_searched;
  gboolean       finished;

  /* Handed over by the worker, under the lock */
  GMutex         lock;
  GArray        *incoming;      /* Match */
  int            incoming_pages;
  guint          deliver_id;
};

G_DEFINE_FINAL_TYPE (NaPdfSearch, na_pdf_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_MATCHES,
  PROP_PAGES_SEARCHED,
  PROP_FINISHED,
  N_PROPS
};

enum {
  MATCHES_ADDED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
match_clear (gpointer data)
{
  g_clear_pointer (&((Match *) data)->rects, g_array_unref);
}

static GArray *
matches_new (void)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));

  g_array_set_clear_func (matches, match_clear);
  return matches;
}

/* In the main context: what the worker found since last time. */
static gboolean
deliver (gpointer data)
{
  NaPdfSearch *self = data;
  g_autoptr(GArray) incoming = NULL;
  guint first = self->matches->len;
  int pages;

  g_mutex_lock (&self->lock);
  incoming = g_steal_pointer (&self->incoming);
  self->incoming = matches_new ();
  pages = self->incoming_pages;
  self->deliver_id = 0;
  g_mutex_unlock (&self->lock);

  if (g_cancellable_is_cancelled (self->cancellable))
    return G_SOURCE_REMOVE;

  /* The array's elements move over; their rectangles with them, not freed. */
  g_array_append_vals (self->matches, incoming->data, incoming->len);
  g_array_set_clear_func (incoming, NULL);
  if (incoming->len > 0)
    {
      g_signal_emit (self, signals [MATCHES_ADDED], 0, first, incoming->len);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MATCHES]);
    }
  if (pages != self->pages_searched)
    {
      self->pages_searched = pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGES_SEARCHED]);
    }
  return G_SOURCE_REMOVE;
}

/* Called with the lock held. */
static void
schedule_delivery (NaPdfSearch *self)
{
  GSource *source;

  if (self->deliver_id != 0)
    return;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[natoasia] pdf search results");
  self->deliver_id = g_source_attach (source, self->context);
  g_source_unref (source);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NaPdfSearch *self = source_object;
  int n_pages = na_pdf_document_get_n_pages (self->document);
  g_autoptr(GArray) batch = matches_new ();
  gint64 last = g_get_monotonic_time ();

  for (int page = 0; page < n_pages; page++)
    {
      g_autoptr(GArray) found = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      found = na_pdf_document_find_page (self->document, page, self->needle);
      for (guint i = 0; i < found->len; i += 2)
        {
          Match match = { page, g_array_index (found, int, i),
                          g_array_index (found, int, i + 1), NULL };

          match.rects = na_pdf_document_get_page_rects (self->document, page, match.start,
                                                        match.end);
          g_array_append_val (batch, match);
        }

      if (page == n_pages - 1 || g_get_monotonic_time () - last >= BATCH_USEC)
        {
          g_mutex_lock (&self->lock);
          g_array_append_vals (self->incoming, batch->data, batch->len);
          self->incoming_pages = page + 1;
          schedule_delivery (self);
          g_mutex_unlock (&self->lock);
          g_array_set_clear_func (batch, NULL);
          g_array_set_size (batch, 0);
          g_array_set_clear_func (batch, match_clear);
          last = g_get_monotonic_time ();
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  NaPdfSearch *self = NA_PDF_SEARCH (object);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  /* Whatever is still waiting to be delivered, then the end. */
  deliver (self);
  self->finished = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINISHED]);
}

static void
na_pdf_search_finalize (GObject *object)
{
  NaPdfSearch *self = NA_PDF_SEARCH (object);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->incoming, g_array_unref);
  g_free (self->needle);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (na_pdf_search_parent_class)->finalize (object);
}

static void
na_pdf_search_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NaPdfSearch *self = NA_PDF_SEARCH (object);

  switch (prop_id)
    {
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;
    case PROP_PAGES_SEARCHED:
      g_value_set_int (value, self->pages_searched);
      break;
    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_pdf_search_class_init (NaPdfSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_pdf_search_finalize;
  object_class->get_property = na_pdf_search_get_property;

  properties [PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PAGES_SEARCHED] =
    g_param_spec_int ("pages-searched", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NaPdfSearch::matches-added:
   * @first: the index of the first new match
   * @n_added: how many were added
   */
  signals [MATCHES_ADDED] =
    g_signal_new ("matches-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
na_pdf_search_init (NaPdfSearch *self)
{
  g_mutex_init (&self->lock);
  self->cancellable = g_cancellable_new ();
  self->matches = matches_new ();
  self->incoming = matches_new ();
}

/**
 * na_pdf_search_new:
 * @needle: the text to find, as for na_pdf_document_find()
 *
 * Returns: (transfer full): a search, not started
 */
NaPdfSearch *
na_pdf_search_new (NaPdfDocument *document,
                   const char    *needle)
{
  NaPdfSearch *self;

  g_return_val_if_fail (NA_IS_PDF_DOCUMENT (document), NULL);
  g_return_val_if_fail (needle != NULL, NULL);

  self = g_object_new (NA_TYPE_PDF_SEARCH, NULL);
  self->document = g_object_ref (document);
  self->needle = g_strdup (needle);
  return self;
}

/**
 * na_pdf_search_start:
 *
 * Starts searching in a worker thread; results arrive in the thread-default main context
 * of the caller.
 */
void
na_pdf_search_start (NaPdfSearch *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NA_IS_PDF_SEARCH (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  self->context = g_main_context_ref_thread_default ();
  task = g_task_new (self, self->cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, na_pdf_search_start);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, search_thread);
}

/* Stops the worker at the next page; nothing more is delivered. */
void
na_pdf_search_cancel (NaPdfSearch *self)
{
  g_return_if_fail (NA_IS_PDF_SEARCH (self));
  g_cancellable_cancel (self->cancellable);
}

NaPdfDocument *
na_pdf_search_get_document (NaPdfSearch *self)
{
  g_return_val_if_fail (NA_IS_PDF_SEARCH (self), NULL);
  return self->document;
}

const char *
na_pdf_search_get_needle (NaPdfSearch *self)
{
  g_return_val_if_fail (NA_IS_PDF_SEARCH (self), NULL);
  return self->needle;
}

/* The matches delivered so far. */
guint
na_pdf_search_get_n_matches (NaPdfSearch *self)
{
  g_return_val_if_fail (NA_IS_PDF_SEARCH (self), 0);
  return self->matches->len;
}

/* How many pages, from the first, the delivered matches cover. */
int
na_pdf_search_get_pages_searched (NaPdfSearch *self)
{
  g_return_val_if_fail (NA_IS_PDF_SEARCH (self), 0);
  return self->pages_searched;
}

gboolean
na_pdf_search_get_finished (NaPdfSearch *self)
{
  g_return_val_if_fail (NA_IS_PDF_SEARCH (self), FALSE);
  return self->finished;
}

/**
 * na_pdf_search_get_match:
 * @page: (out) (optional): its page, from 0
 * @start: (out) (optional): its first character in the page's text
 * @end: (out) (optional): the character after its last
 */
void
na_pdf_search_get_match (NaPdfSearch *self,
                         guint        index,
                         int         *page,
                         int         *start,
                         int         *end)
{
  Match *match;

  g_return_if_fail (NA_IS_PDF_SEARCH (self));
  g_return_if_fail (index < self->matches->len);

  match = &g_array_index (self->matches, Match, index);
  if (page)
    *page = match->page;
  if (start)
    *start = match->start;
  if (end)
    *end = match->end;
}

/**
 * na_pdf_search_get_match_rects:
 *
 * Returns: (transfer none) (element-type NaPdfRect): where the match is on its page
 */
GArray *
na_pdf_search_get_match_rects (NaPdfSearch *self,
                               guint        index)
{
  g_return_val_if_fail (NA_IS_PDF_SEARCH (self), NULL);
  g_return_val_if_fail (index < self->matches->len, NULL);

  return g_array_index (self->matches, Match, index).rects;
}

static gboolean
is_space (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Whether a word begins at @p (a character of @text, or its end). */
static gboolean
is_word_start (const char *text,
               const char *p)
{
  return *p != '\0' && !is_space (p) && (p == text || is_space (g_utf8_prev_char (p)));
}

/* Whether a word ends just before @p. */
static gboolean
is_word_end (const char *text,
             const char *p)
{
  return p > text && !is_space (g_utf8_prev_char (p)) && (*p == '\0' || is_space (p));
}

/* Up to @n characters back from @p, not before @text. */
static const char *
back (const char *text,
      const char *p,
      int         n)
{
  for (; n > 0 && p > text; n--)
    p = g_utf8_prev_char (p);
  return p;
}

static const char *
forward (const char *p,
         int         n)
{
  for (; n > 0 && *p != '\0'; n--)
    p = g_utf8_next_char (p);
  return p;
}

/* Whether anything but white space lies between @from and @to. */
static gboolean
has_text (const char *from,
          const char *to)
{
  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    if (!is_space (p))
      return TRUE;
  return FALSE;
}

/* Appends @from to @to as markup, each run of white space (line ends included) as one space;
 * *@space carries a run over from the part before, written outside this part's tags. */
static void
append_part (GString    *out,
             const char *open,
             const char *close,
             const char *from,
             const char *to,
             gboolean   *space)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  gboolean lead = FALSE;

  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    {
      if (is_space (p))
        {
          *space = TRUE;
          continue;
        }
      if (*space && plain->len == 0)
        lead = out->len > 0;
      else if (*space)
        g_string_append_c (plain, ' ');
      *space = FALSE;
      g_string_append_unichar (plain, g_utf8_get_char (p));
    }
  if (plain->len == 0)
    return;
  if (lead)
    g_string_append_c (out, ' ');
  escaped = g_markup_escape_text (plain->str, plain->len);
  g_string_append (out, open);
  g_string_append (out, escaped);
  g_string_append (out, close);
}

/* Where a snippet begins: at the first word that begins within @context characters before
 * @match; else (the match is inside a long word) at that word's beginning, if it is no more
 * than @context further back, or right at the limit. */
static const char *
snippet_start (const char *text,
               const char *match,
               int         context)
{
  const char *limit = back (text, match, context);
  const char *p;

  for (p = limit; p <= match; p = g_utf8_next_char (p))
    if (p == text || is_word_start (text, p))
      return p;
  p = limit;
  for (int n = 0; n < context; n++)
    {
      if (p == text || is_word_start (text, p))
        return p;
      p = g_utf8_prev_char (p);
    }
  return limit;
}

/* Where a snippet ends: after the last word that ends within @context characters after
 * @match_end, likewise. */
static const char *
snippet_end (const char *text,
             const char *match_end,
             int         context)
{
  const char *limit = forward (match_end, context);
  const char *p;

  for (p = limit; ; p = g_utf8_prev_char (p))
    {
      if (*p == '\0' || is_word_end (text, p))
        return p;
      if (p == match_end)
        break;
    }
  p = limit;
  for (int n = 0; n < context; n++)
    {
      if (*p == '\0' || is_word_end (text, p))
        return p;
      p = g_utf8_next_char (p);
    }
  return limit;
}

/**
 * na_pdf_snippet_markup:
 * @text: a page's text
 * @start: the match's first character
 * @end: the character after its last
 * @context: how many characters to show on either side, at most
 *
 * The match with some of its context, as Pango markup: the match in bold, the context cut at
 * word boundaries (a word longer than @context is cut), "…" where text was left out, line
 * ends and runs of spaces as single spaces.
 *
 * Returns: (transfer full): the markup
 */
char *
na_pdf_snippet_markup (const char *text,
                       int         start,
                       int         end,
                       int         context)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *match, *match_end, *from, *to;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  match = forward (text, MAX (start, 0));
  match_end = forward (match, MAX (end - start, 0));
  from = snippet_start (text, match, context);
  to = snippet_end (text, match_end, context);

  if (has_text (text, from))
    g_string_append (out, "…");
  append_part (out, "", "", from, match, &space);
  append_part (out, "<b>", "</b>", match, match_end, &space);
  append_part (out, "", "", match_end, to, &space);
  if (has_text (to, to + strlen (to)))
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * na_pdf_search_dup_match_snippet:
 *
 * Returns: (transfer full): the match in its context on its page, as Pango markup (see
 *   na_pdf_snippet_markup())
 */
char *
na_pdf_search_dup_match_snippet (NaPdfSearch *self,
                                 guint        index)
{
  Match *match;

  g_return_val_if_fail (NA_IS_PDF_SEARCH (self), NULL);
  g_return_val_if_fail (index < self->matches->len, NULL);

  match = &g_array_index (self->matches, Match, index);
  return na_pdf_snippet_markup (na_pdf_document_get_page_text (self->document, match->page),
                                match->start, match->end, SNIPPET_CONTEXT);
}
