/* na-text-index.c — tolerant quote matching in a source text, for resolving anchors
 *
 * Source texts come from PDFs and web pages: lines break anywhere, words are hyphenated at
 * line ends, spaces repeat, quotes are typographic, ligatures are single glyphs. A quote
 * typed or copied by a person has none of that. Both sides are brought to one canonical form
 * (below) and matched there; a map from canonical bytes back to the original text gives the
 * passage's real position, as Unicode character offsets (the W3C TextPositionSelector unit).
 *
 * Canonical form: typographic quotes become ASCII, ligatures their letters, no-break spaces
 * spaces; a hyphen between two letters (with any white space after it) disappears, so
 * "hyphen-\nated", "hyphen-ated" and "hyphenated" all match; every run of white space is one
 * space. Case is kept: quotes are exact.
 */
#define G_LOG_DOMAIN "na-text-index"

#include "config.h"

#include <string.h>

#include "na-text-index.h"

struct _NaTextIndex
{
  gatomicrefcount  ref_count;
  char            *text;       /* the original text */
  GString         *canon;      /* its canonical form */
  GArray          *map;        /* guint32: canonical byte → original byte offset */
};

G_DEFINE_BOXED_TYPE (NaTextIndex, na_text_index, na_text_index_ref, na_text_index_unref)

static const char *
canonical_replacement (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return "\"";
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    default:
      return NULL;
    }
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x00AD || c == 0x2010;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

static void
push (GString    *canon,
      GArray     *map,
      const char *bytes,
      gsize       n,
      guint32     origin)
{
  g_string_append_len (canon, bytes, n);
  if (map != NULL)
    for (gsize i = 0; i < n; i++)
      g_array_append_val (map, origin);
}

/* Builds the canonical form of @text into @canon, and the byte map when @map is not NULL. */
static void
canonicalize (const char *text,
              gsize       length,
              GString    *canon,
              GArray     *map)
{
  const char *end = text + length;
  const char *p = text;
  gunichar prev = 0;
  gboolean pending_space = FALSE;
  guint32 space_origin = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      const char *replacement;
      char buf[6];

      if (is_space (c))
        {
          if (!pending_space)
            space_origin = p - text;
          pending_space = TRUE;
          prev = c;
          p = next;
          continue;
        }

      if (is_hyphen (c) && g_unichar_isalpha (prev))
        {
          /* Look past the hyphen and any white space: a letter there joins the word. */
          const char *q = next;

          while (q < end && is_space (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          if (q < end && g_unichar_isalpha (g_utf8_get_char (q)))
            {
              p = q;
              continue;
            }
        }
      else if (c == 0x00AD)
        {
          p = next;
          continue;
        }

      if (pending_space)
        {
          push (canon, map, " ", 1, space_origin);
          pending_space = FALSE;
        }

      replacement = canonical_replacement (c);
      if (replacement != NULL)
        push (canon, map, replacement, strlen (replacement), p - text);
      else
        push (canon, map, buf, g_unichar_to_utf8 (c, buf), p - text);

      prev = c;
      p = next;
    }
}

/* The canonical form of @text with no leading or trailing space. */
char *
na_text_normalize (const char *text)
{
  GString *canon = g_string_new (NULL);

  if (text != NULL)
    canonicalize (text, strlen (text), canon, NULL);
  g_strstrip (canon->str);
  canon->len = strlen (canon->str);
  return g_string_free (canon, FALSE);
}

guint
na_text_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gboolean space = is_space (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/**
 * na_text_index_new:
 * @text: a UTF-8 text (invalid sequences are replaced)
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Returns: (transfer full): an index to resolve quotes in @text
 */
NaTextIndex *
na_text_index_new (const char *text,
                   gssize      length)
{
  NaTextIndex *self;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  self = g_new0 (NaTextIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_utf8_make_valid (text, length);
  self->canon = g_string_sized_new (length);
  self->map = g_array_sized_new (FALSE, FALSE, sizeof (guint32), length);
  canonicalize (self->text, strlen (self->text), self->canon, self->map);
  return self;
}

NaTextIndex *
na_text_index_ref (NaTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
na_text_index_unref (NaTextIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->text);
  g_string_free (self->canon, TRUE);
  g_array_unref (self->map);
  g_free (self);
}

const char *
na_text_index_get_text (NaTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/* Whether the canonical text around [at, at + len) agrees with the context, ignoring the
 * white space at the junction (a prefix may or may not end with a space). */
static gboolean
context_matches (NaTextIndex *self,
                 gsize        at,
                 gsize        len,
                 const char  *prefix,
                 const char  *suffix)
{
  const char *canon = self->canon->str;

  if (prefix != NULL && prefix[0] != '\0')
    {
      gsize plen = strlen (prefix);
      gsize before = at;

      while (before > 0 && canon[before - 1] == ' ')
        before--;
      if (before < plen || memcmp (canon + before - plen, prefix, plen) != 0)
        return FALSE;
    }

  if (suffix != NULL && suffix[0] != '\0')
    {
      gsize slen = strlen (suffix);
      gsize after = at + len;

      while (after < self->canon->len && canon[after] == ' ')
        after++;
      if (self->canon->len - after < slen || memcmp (canon + after, suffix, slen) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Collects into @found the canonical byte ranges where the quote matches; returns the count. */
static guint
find_all (NaTextIndex *self,
          const char  *exact,
          const char  *prefix,
          const char  *suffix,
          GArray      *found)
{
  g_autofree char *e = na_text_normalize (exact);
  g_autofree char *pre = na_text_normalize (prefix);
  g_autofree char *suf = na_text_normalize (suffix);
  gsize elen = strlen (e);
  const char *hay = self->canon->str;
  const char *hit;
  guint n = 0;

  if (elen == 0)
    return 0;

  for (hit = strstr (hay, e); hit != NULL; hit = strstr (hit + 1, e))
    {
      gsize at = hit - hay;

      if (!context_matches (self, at, elen, pre, suf))
        continue;
      n++;
      if (found != NULL)
        {
          guint32 pair[2] = { at, at + elen };

          g_array_append_vals (found, pair, 2);
        }
    }

  return n;
}

guint
na_text_index_count (NaTextIndex *self,
                     const char  *exact,
                     const char  *prefix,
                     const char  *suffix)
{
  g_return_val_if_fail (self != NULL, 0);

  return find_all (self, exact, prefix, suffix, NULL);
}

/* Original character offsets of the canonical byte range [from, to). */
static void
to_original (NaTextIndex *self,
             guint32      from,
             guint32      to,
             int         *start,
             int         *end)
{
  guint32 first = g_array_index (self->map, guint32, from);
  guint32 last = g_array_index (self->map, guint32, to - 1);
  const char *last_char = self->text + last;

  *start = g_utf8_pointer_to_offset (self->text, self->text + first);
  *end = g_utf8_pointer_to_offset (self->text, g_utf8_next_char (last_char));
}

/**
 * na_text_index_find:
 * @hint: a character offset where the passage is expected, or -1; when the quote occurs more
 *   than once, the occurrence nearest @hint wins (the W3C selectors' fallback)
 * @start: (out): character offset of the passage's start
 * @end: (out): character offset just past its end
 *
 * Returns: whether the quote was found once, not at all, or several times with no hint
 */
NaAnchorStatus
na_text_index_find (NaTextIndex *self,
                    const char  *exact,
                    const char  *prefix,
                    const char  *suffix,
                    int          hint,
                    int         *start,
                    int         *end)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n;
  int best_distance = G_MAXINT;

  g_return_val_if_fail (self != NULL, NA_ANCHOR_STATUS_NOT_FOUND);
  g_return_val_if_fail (start != NULL && end != NULL, NA_ANCHOR_STATUS_NOT_FOUND);

  n = find_all (self, exact, prefix, suffix, found);
  if (n == 0)
    return NA_ANCHOR_STATUS_NOT_FOUND;
  if (n > 1 && hint < 0)
    return NA_ANCHOR_STATUS_AMBIGUOUS;

  for (guint i = 0; i < n; i++)
    {
      int s, e;

      to_original (self, g_array_index (found, guint32, 2 * i),
                   g_array_index (found, guint32, 2 * i + 1), &s, &e);
      if (ABS (s - hint) < best_distance)
        {
          best_distance = ABS (s - hint);
          *start = s;
          *end = e;
        }
    }

  return NA_ANCHOR_STATUS_RESOLVED;
}

/* How many canonical bytes before @at agree with the end of @prefix, and after @at + @len
 * with the start of @suffix (white space at the junctions aside). */
static gsize
context_score (NaTextIndex *self,
               gsize        at,
               gsize        len,
               const char  *prefix,
               const char  *suffix)
{
  const char *canon = self->canon->str;
  gsize score = 0;

  if (prefix != NULL)
    {
      gsize i = strlen (prefix);
      gsize j = at;

      while (i > 0 && prefix[i - 1] == ' ')
        i--;
      while (j > 0 && canon[j - 1] == ' ')
        j--;
      for (; i > 0 && j > 0 && prefix[i - 1] == canon[j - 1]; i--, j--)
        score++;
    }
  if (suffix != NULL)
    {
      gsize i = 0;
      gsize j = at + len;

      while (suffix[i] == ' ')
        i++;
      while (j < self->canon->len && canon[j] == ' ')
        j++;
      for (; suffix[i] != '\0' && j < self->canon->len && suffix[i] == canon[j]; i++, j++)
        score++;
    }
  return score;
}

/**
 * na_text_index_find_quote:
 * @prefix: (nullable): the text just before the quote where it was taken
 * @suffix: (nullable): the text just after it
 * @hint: a character offset where the passage is expected, or -1
 *
 * Finds a quote the user took from another copy of the text (the attached PDF, or a text
 * file of it). The copies may differ around the passage (a page's running head, a footnote
 * mark), so its context is not required to match, as na_text_index_find() requires; it
 * chooses among several occurrences: the one whose surroundings agree longest with it, then
 * the one nearest @hint.
 *
 * Returns: whether the quote was found, not at all, or several times with nothing to choose
 */
NaAnchorStatus
na_text_index_find_quote (NaTextIndex *self,
                          const char  *exact,
                          const char  *prefix,
                          const char  *suffix,
                          int          hint,
                          int         *start,
                          int         *end)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree gsize *scores = NULL;
  g_autofree char *pre = NULL;
  g_autofree char *suf = NULL;
  gsize best = 0;
  int best_distance = G_MAXINT;
  guint n, n_best = 0;

  g_return_val_if_fail (self != NULL, NA_ANCHOR_STATUS_NOT_FOUND);
  g_return_val_if_fail (start != NULL && end != NULL, NA_ANCHOR_STATUS_NOT_FOUND);

  n = find_all (self, exact, NULL, NULL, found);
  if (n == 0)
    return NA_ANCHOR_STATUS_NOT_FOUND;

  pre = na_text_normalize (prefix);
  suf = na_text_normalize (suffix);
  scores = g_new (gsize, n);
  for (guint i = 0; i < n; i++)
    {
      guint32 from = g_array_index (found, guint32, 2 * i);

      scores[i] = context_score (self, from, g_array_index (found, guint32, 2 * i + 1) - from,
                                 pre, suf);
      best = MAX (best, scores[i]);
    }

  /* Among the occurrences in the best agreeing surroundings, the one nearest the hint. */
  for (guint i = 0; i < n; i++)
    {
      int s, e;

      if (scores[i] < best)
        continue;
      n_best++;
      to_original (self, g_array_index (found, guint32, 2 * i),
                   g_array_index (found, guint32, 2 * i + 1), &s, &e);
      if (n_best == 1 || (hint >= 0 && ABS (s - hint) < best_distance))
        {
          best_distance = hint >= 0 ? ABS (s - hint) : G_MAXINT;
          *start = s;
          *end = e;
        }
    }

  return n_best > 1 && hint < 0 ? NA_ANCHOR_STATUS_AMBIGUOUS : NA_ANCHOR_STATUS_RESOLVED;
}

/**
 * na_text_dup_context:
 * @text: a text
 * @start: character offset of a passage in it
 * @end: character offset just past the passage
 * @prefix: (out) (transfer full): up to %NA_TEXT_CONTEXT_LENGTH characters before it, on one line
 * @suffix: (out) (transfer full): as many after it
 *
 * The passage's surroundings, kept with a quote so that na_text_index_find_quote() can tell
 * its place from other occurrences of the same words (the W3C TextQuoteSelector's prefix and
 * suffix). Line breaks become spaces.
 */
void
na_text_dup_context (const char  *text,
                     int          start,
                     int          end,
                     char       **prefix,
                     char       **suffix)
{
  glong length;
  const char *s, *e, *from, *to;

  g_return_if_fail (text != NULL && prefix != NULL && suffix != NULL);

  length = g_utf8_strlen (text, -1);
  start = CLAMP (start, 0, length);
  end = CLAMP (end, start, length);
  s = g_utf8_offset_to_pointer (text, start);
  e = g_utf8_offset_to_pointer (s, end - start);
  from = g_utf8_offset_to_pointer (text, MAX (start - NA_TEXT_CONTEXT_LENGTH, 0));
  to = g_utf8_offset_to_pointer (e, MIN (NA_TEXT_CONTEXT_LENGTH, length - end));

  *prefix = g_strndup (from, s - from);
  *suffix = g_strndup (e, to - e);
  g_strdelimit (*prefix, "\n\r\f\t", ' ');
  g_strdelimit (*suffix, "\n\r\f\t", ' ');
}

/**
 * na_text_index_resolve:
 *
 * Finds @anchor's passage and stores its position in the anchor's start and end.
 *
 * Returns: the outcome; the anchor is changed only when resolved
 */
NaAnchorStatus
na_text_index_resolve (NaTextIndex *self,
                       NaAnchor    *anchor)
{
  NaAnchorStatus status;
  int start = -1, end = -1;

  g_return_val_if_fail (self != NULL, NA_ANCHOR_STATUS_NOT_FOUND);
  g_return_val_if_fail (NA_IS_ANCHOR (anchor), NA_ANCHOR_STATUS_NOT_FOUND);

  status = na_text_index_find (self, na_anchor_get_exact (anchor), na_anchor_get_prefix (anchor),
                               na_anchor_get_suffix (anchor), na_anchor_get_start (anchor),
                               &start, &end);
  if (status == NA_ANCHOR_STATUS_RESOLVED)
    {
      g_object_freeze_notify (G_OBJECT (anchor));
      na_anchor_set_start (anchor, start);
      na_anchor_set_end (anchor, end);
      g_object_thaw_notify (G_OBJECT (anchor));
    }

  return status;
}
