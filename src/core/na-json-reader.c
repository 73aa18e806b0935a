/* na-json-reader.c — a strict streaming JSON tokenizer (RFC 8259), for large library files
 *
 * JsonParser builds a tree of the whole document, several times the size of the file; this
 * reader hands out one token at a time from a window of a few hundred KiB (or from a buffer
 * already in memory), so a loader can build its objects as it goes. It accepts exactly RFC 8259
 * JSON in UTF-8: no comments, no trailing commas, no raw control characters in strings, no
 * unpaired surrogates. Errors say "NAME:LINE:COLUMN: what", the column counted in characters.
 */
#define G_LOG_DOMAIN "na-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "na-json-reader.h"

typedef enum
{
  ST_VALUE,           /* a value must come: at the start, after ':' and after ',' in an array */
  ST_VALUE_OR_END,    /* just after '[' */
  ST_KEY,             /* after ',' in an object */
  ST_KEY_OR_END,      /* just after '{' */
  ST_AFTER_VALUE,     /* ',' or the end of the container, or the end of the input */
  ST_DONE,
  ST_FAILED,
} State;

struct _NaJsonReader
{
  char          *name;

  /* The input: all of it (data), or a window onto the stream refilled chunk by chunk. */
  GInputStream  *stream;
  GCancellable  *cancellable;
  guchar        *chunk;
  gsize          chunk_size;
  const guchar  *buf;
  gsize          pos;
  gsize          len;
  guint64        base;          /* offset in the input of buf[0] */
  gboolean       at_end;        /* nothing more after buf */
  GError        *read_error;

  /* Line breaks only occur between tokens and continuation bytes only inside strings, so
   * counting both as they pass gives the column in characters without looking back. */
  guint          line;
  guint64        line_start;
  guint64        line_continuations;
  guint          token_line;
  guint          token_column;

  State          state;
  guint          depth;
  guint8         stack[NA_JSON_READER_MAX_DEPTH];

  GString       *scratch;
  const char    *str;           /* KEY, STRING: into buf when unescaped, else into scratch */
  gsize          str_len;
  gint64         int_value;
  double         double_value;
  gboolean       bool_value;
};

G_DEFINE_QUARK (na-json-reader-error-quark, na_json_reader_error)

/* Bytes that stand for themselves inside a string: printable ASCII but '"' and '\\'. */
static const guint8 plain[256] = {
  [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static NaJsonReader *
reader_new (const char *name)
{
  NaJsonReader *self = g_new0 (NaJsonReader, 1);

  self->name = g_strdup (name);
  self->line = 1;
  self->state = ST_VALUE;
  self->scratch = g_string_sized_new (256);
  return self;
}

/**
 * na_json_reader_new_for_data:
 * @data: the document; must stay alive and unchanged while the reader is used
 * @name: how to name the input in error messages
 */
NaJsonReader *
na_json_reader_new_for_data (const char *data,
                             gsize       length,
                             const char *name)
{
  NaJsonReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = reader_new (name);
  self->buf = (const guchar *) data;
  self->len = length;
  self->at_end = TRUE;
  return self;
}

/**
 * na_json_reader_new_for_stream:
 * @chunk_size: how much to read at a time, 0 for the default (256 KiB)
 *
 * Only @chunk_size bytes of the input are in memory at any time.
 */
NaJsonReader *
na_json_reader_new_for_stream (GInputStream *stream,
                               gsize         chunk_size,
                               const char   *name,
                               GCancellable *cancellable)
{
  NaJsonReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = reader_new (name);
  self->stream = g_object_ref (stream);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->chunk_size = chunk_size ? chunk_size : 256 * 1024;
  self->chunk = g_malloc (self->chunk_size);
  self->buf = self->chunk;
  return self;
}

void
na_json_reader_free (NaJsonReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->read_error);
  g_string_free (self->scratch, TRUE);
  g_free (self->chunk);
  g_free (self->name);
  g_free (self);
}

/* Makes sure buf[pos] exists, reading the next chunk when the window is used up. */
static gboolean
fill (NaJsonReader *self)
{
  gssize n;

  if (self->pos < self->len)
    return TRUE;
  if (self->at_end)
    return FALSE;

  self->base += self->len;
  self->pos = self->len = 0;
  n = g_input_stream_read (self->stream, self->chunk, self->chunk_size, self->cancellable,
                           &self->read_error);
  if (n <= 0)
    {
      self->at_end = TRUE;
      return FALSE;
    }

  self->len = n;
  return TRUE;
}

/* The current byte, or -1 at the end of the input (or after a read error). */
static inline int
peek (NaJsonReader *self)
{
  if (self->pos < self->len || fill (self))
    return self->buf[self->pos];
  return -1;
}

static inline guint64
offset (NaJsonReader *self)
{
  return self->base + self->pos;
}

static guint
column_at (NaJsonReader *self,
           guint64       at)
{
  return (guint) (at - self->line_start - self->line_continuations) + 1;
}

/* Reports an error at byte @at of the current line; a read error, if any, takes precedence
 * since it is why the input looks cut short. */
static NaJsonToken
fail_at (NaJsonReader  *self,
         GError       **error,
         int            code,
         guint64        at,
         const char    *message)
{
  self->state = ST_FAILED;
  if (self->read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->read_error));
      return NA_JSON_TOKEN_ERROR;
    }

  g_set_error (error, NA_JSON_READER_ERROR, code, "%s:%u:%u: %s",
               self->name, self->line, column_at (self, at), message);
  return NA_JSON_TOKEN_ERROR;
}

G_GNUC_PRINTF (3, 4)
static NaJsonToken
fail (NaJsonReader  *self,
      GError       **error,
      const char    *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, offset (self), message);
}

static NaJsonToken
fail_utf8 (NaJsonReader  *self,
           GError       **error,
           guint64        at,
           guchar         byte)
{
  g_autofree char *message = NULL;

  /* a plain %llu: xgettext cannot see through G_GUINT64_FORMAT */
  message = g_strdup_printf (_("invalid UTF-8 (byte 0x%02X at offset %llu)"),
                             byte, (unsigned long long) at);
  return fail_at (self, error, NA_JSON_READER_ERROR_UTF8, at, message);
}

/* Length of the well-formed UTF-8 sequence at @p (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF), 0 when it is not one, -1 when @avail ends inside it. */
static int
utf8_sequence (const guchar *p,
               gsize         avail)
{
  guchar lo = 0x80, hi = 0xBF;
  int n;

  if (p[0] >= 0xC2 && p[0] <= 0xDF)
    n = 2;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF)
    {
      n = 3;
      if (p[0] == 0xE0)
        lo = 0xA0;
      else if (p[0] == 0xED)
        hi = 0x9F;
    }
  else if (p[0] >= 0xF0 && p[0] <= 0xF4)
    {
      n = 4;
      if (p[0] == 0xF0)
        lo = 0x90;
      else if (p[0] == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  for (int i = 1; i < n; i++)
    {
      if ((gsize) i >= avail)
        return -1;
      if (p[i] < lo || p[i] > hi)
        return 0;
      lo = 0x80, hi = 0xBF;
    }
  return n;
}

/* Consumes the UTF-8 sequence at the current byte, which may straddle two chunks, appending it
 * to @out when given. */
static gboolean
take_utf8 (NaJsonReader  *self,
           GString       *out,
           GError       **error)
{
  guint64 at = offset (self);
  guchar seq[4];
  int n = 0;

  for (;;)
    {
      int c = peek (self);
      int length;

      if (c < 0)
        {
          fail_utf8 (self, error, at, seq[0]);
          return FALSE;
        }
      seq[n++] = c;
      length = utf8_sequence (seq, n);
      if (length == 0)
        {
          fail_utf8 (self, error, at, seq[0]);
          return FALSE;
        }
      self->pos++;
      if (length == n)
        break;
    }

  self->line_continuations += n - 1;
  if (out != NULL)
    g_string_append_len (out, (const char *) seq, n);
  return TRUE;
}

/* Names the character at the current position for a message, or reports it as bad UTF-8.
 * Returns NULL after reporting. */
static char *
describe_here (NaJsonReader  *self,
               GError       **error)
{
  guint64 at = offset (self);
  int c = peek (self);
  gsize before;

  if (c < 0)
    return g_strdup (_("the end of the file"));
  if (c == 0)
    {
      fail_utf8 (self, error, at, 0);
      return NULL;
    }
  if (c < 0x20 || c == 0x7F)
    return g_strdup_printf (_("the control character U+%04X"), c);
  if (c < 0x80)
    return g_strdup_printf ("“%c”", c);

  before = self->scratch->len;
  if (!take_utf8 (self, self->scratch, error))
    return NULL;
  return g_strdup_printf ("“%s”", self->scratch->str + before);
}

G_GNUC_PRINTF (3, 4)
static NaJsonToken
fail_unexpected (NaJsonReader  *self,
                 GError       **error,
                 const char    *format,
                 ...)
{
  guint64 at = offset (self);
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  va_list args;

  g_string_truncate (self->scratch, 0);
  if ((found = describe_here (self, error)) == NULL)
    return NA_JSON_TOKEN_ERROR;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s says what was expected, the second what came instead. */
  message = g_strdup_printf (_("%s, found %s"), expected, found);
  return fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at, message);
}

static void
skip_whitespace (NaJsonReader *self)
{
  for (;;)
    {
      while (self->pos < self->len)
        {
          guchar c = self->buf[self->pos];

          if (c == ' ' || c == '\t' || c == '\r')
            self->pos++;
          else if (c == '\n')
            {
              self->pos++;
              self->line++;
              self->line_start = offset (self);
              self->line_continuations = 0;
            }
          else
            return;
        }
      if (!fill (self))
        return;
    }
}

static int
hex_value (int c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the XXXX of \uXXXX. */
static gboolean
read_hex4 (NaJsonReader  *self,
           gunichar      *value,
           GError       **error)
{
  *value = 0;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (peek (self));

      if (digit < 0)
        {
          fail_unexpected (self, error, _("expected four hexadecimal digits after “\\u”"));
          return FALSE;
        }
      *value = *value * 16 + digit;
      self->pos++;
    }
  return TRUE;
}

/* Reads one escape sequence (the current byte is its backslash) into the scratch string. */
static gboolean
read_escape (NaJsonReader  *self,
             GError       **error)
{
  guint64 at = offset (self);
  gunichar ch, low;
  char utf8[6];
  int c;

  self->pos++;
  switch ((c = peek (self)))
    {
    case '"': case '\\': case '/':
      ch = c;
      break;
    case 'b': ch = '\b'; break;
    case 'f': ch = '\f'; break;
    case 'n': ch = '\n'; break;
    case 'r': ch = '\r'; break;
    case 't': ch = '\t'; break;
    case 'u':
      self->pos++;
      if (!read_hex4 (self, &ch, error))
        return FALSE;
      if (ch >= 0xDC00 && ch <= 0xDFFF)
        {
          fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at,
                   _("invalid escape: a low surrogate (\\uDC00–\\uDFFF) without a high one "
                     "before it"));
          return FALSE;
        }
      if (ch >= 0xD800 && ch <= 0xDBFF)
        {
          if (peek (self) != '\\' || (self->pos++, peek (self) != 'u'))
            {
              fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at,
                       _("invalid escape: a high surrogate (\\uD800–\\uDBFF) must be followed "
                         "by a low one (\\uDC00–\\uDFFF)"));
              return FALSE;
            }
          self->pos++;
          if (!read_hex4 (self, &low, error))
            return FALSE;
          if (low < 0xDC00 || low > 0xDFFF)
            {
              fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at,
                       _("invalid escape: a high surrogate (\\uD800–\\uDBFF) must be followed "
                         "by a low one (\\uDC00–\\uDFFF)"));
              return FALSE;
            }
          ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
        }
      if (ch == 0)
        {
          /* Valid JSON, but every string here is a C string. */
          fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at,
                   _("“\\u0000” (a null character) is not allowed in strings"));
          return FALSE;
        }
      g_string_append_len (self->scratch, utf8, g_unichar_to_utf8 (ch, utf8));
      return TRUE;
    default:
      if (c < 0)
        fail (self, error, _("the file ends inside a string"));
      else
        fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at,
                 _("invalid escape: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX"));
      return FALSE;
    }

  self->pos++;
  g_string_append_c (self->scratch, ch);
  return TRUE;
}

/* The rest of a string that has escapes or crosses a chunk boundary, into the scratch string. */
static gboolean
read_string_slow (NaJsonReader  *self,
                  GError       **error)
{
  for (;;)
    {
      gsize start = self->pos;
      int c;

      while (self->pos < self->len && plain[self->buf[self->pos]])
        self->pos++;
      g_string_append_len (self->scratch, (const char *) self->buf + start, self->pos - start);

      c = peek (self);
      if (c == '"')
        break;
      else if (c == '\\')
        {
          if (!read_escape (self, error))
            return FALSE;
        }
      else if (c >= 0x80)
        {
          if (!take_utf8 (self, self->scratch, error))
            return FALSE;
        }
      else if (c < 0)
        {
          fail (self, error, _("the file ends inside a string"));
          return FALSE;
        }
      else if (c == 0)
        {
          fail_utf8 (self, error, offset (self), 0);
          return FALSE;
        }
      else if (c < 0x20)
        {
          if (c == '\n')
            fail (self, error, _("line break inside a string (write it as \\n)"));
          else
            fail (self, error, _("control character U+%04X inside a string (escape it as "
                                 "\\u%04X)"), c, c);
          return FALSE;
        }
    }

  self->pos++;
  self->str = self->scratch->str;
  self->str_len = self->scratch->len;
  return TRUE;
}

/* Reads a string; the current byte is its opening quote. Most strings have no escapes and lie
 * within the window: those are handed out in place, without a copy. */
static gboolean
read_string (NaJsonReader  *self,
             GError       **error)
{
  const guchar *buf = self->buf;
  gsize start = ++self->pos;
  gsize p = start;

  for (;;)
    {
      int n;

      while (p < self->len && plain[buf[p]])
        p++;
      if (p == self->len)
        break;
      if (buf[p] == '"')
        {
          self->str = (const char *) buf + start;
          self->str_len = p - start;
          self->pos = p + 1;
          return TRUE;
        }
      if (buf[p] < 0x80 || (n = utf8_sequence (buf + p, self->len - p)) <= 0)
        break;
      self->line_continuations += n - 1;
      p += n;
    }

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, (const char *) buf + start, p - start);
  self->pos = p;
  return read_string_slow (self, error);
}

static gboolean
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

/* Appends the current byte to the scratch string and moves on. */
static int
advance (NaJsonReader *self)
{
  g_string_append_c (self->scratch, self->buf[self->pos]);
  self->pos++;
  return peek (self);
}

static NaJsonToken
read_number (NaJsonReader  *self,
             GError       **error)
{
  guint64 at = offset (self);
  gboolean integer = TRUE;
  const char *p;
  guint64 magnitude = 0;
  int c = peek (self);

  g_string_truncate (self->scratch, 0);
  if (c == '-')
    c = advance (self);
  if (c == '0')
    {
      if (is_digit (c = advance (self)))
        return fail (self, error, _("invalid number: leading zeros are not allowed"));
    }
  else if (is_digit (c))
    {
      while (is_digit (c))
        c = advance (self);
    }
  else
    return fail_unexpected (self, error, _("invalid number: expected a digit after “-”"));

  if (c == '.')
    {
      integer = FALSE;
      if (!is_digit (c = advance (self)))
        return fail_unexpected (self, error, _("invalid number: expected a digit after “.”"));
      while (is_digit (c))
        c = advance (self);
    }
  if (c == 'e' || c == 'E')
    {
      integer = FALSE;
      c = advance (self);
      if (c == '+' || c == '-')
        c = advance (self);
      if (!is_digit (c))
        return fail_unexpected (self, error,
                                _("invalid number: expected a digit in the exponent"));
      while (is_digit (c))
        c = advance (self);
    }

  if (!integer)
    {
      self->double_value = g_ascii_strtod (self->scratch->str, NULL);
      if (!isfinite (self->double_value))
        return fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at,
                        _("number out of range"));
      return NA_JSON_TOKEN_DOUBLE;
    }

  p = self->scratch->str + (self->scratch->str[0] == '-');
  for (; *p; p++)
    {
      guint digit = *p - '0';

      if (magnitude > (G_MAXUINT64 - digit) / 10)
        break;
      magnitude = magnitude * 10 + digit;
    }
  if (self->scratch->str[0] == '-')
    {
      if (*p != '\0' || magnitude > (guint64) G_MAXINT64 + 1)
        return fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at,
                        _("integer out of range (below −9223372036854775808)"));
      self->int_value = magnitude == (guint64) G_MAXINT64 + 1 ? G_MININT64
                                                             : -(gint64) magnitude;
    }
  else
    {
      if (*p != '\0' || magnitude > G_MAXINT64)
        return fail_at (self, error, NA_JSON_READER_ERROR_SYNTAX, at,
                        _("integer out of range (above 9223372036854775807)"));
      self->int_value = magnitude;
    }
  return NA_JSON_TOKEN_INTEGER;
}

static NaJsonToken
read_literal (NaJsonReader  *self,
              const char    *word,
              NaJsonToken    token,
              GError       **error)
{
  for (const char *w = word; *w; w++)
    {
      if (peek (self) != *w)
        return fail_unexpected (self, error, _("expected “%s”"), word);
      self->pos++;
    }

  self->bool_value = word[0] == 't';
  return token;
}

static NaJsonToken
begin_container (NaJsonReader  *self,
                 int            c,
                 GError       **error)
{
  if (self->depth == NA_JSON_READER_MAX_DEPTH)
    return fail (self, error, _("nested too deeply (more than %d levels)"),
                 NA_JSON_READER_MAX_DEPTH);

  self->stack[self->depth++] = c;
  self->pos++;
  self->state = c == '{' ? ST_KEY_OR_END : ST_VALUE_OR_END;
  return c == '{' ? NA_JSON_TOKEN_BEGIN_OBJECT : NA_JSON_TOKEN_BEGIN_ARRAY;
}

static NaJsonToken
end_container (NaJsonReader *self)
{
  self->pos++;
  self->state = ST_AFTER_VALUE;
  return self->stack[--self->depth] == '{' ? NA_JSON_TOKEN_END_OBJECT : NA_JSON_TOKEN_END_ARRAY;
}

static NaJsonToken
read_value (NaJsonReader  *self,
            int            c,
            GError       **error)
{
  NaJsonToken token;

  switch (c)
    {
    case '{':
    case '[':
      return begin_container (self, c, error);
    case '"':
      if (!read_string (self, error))
        return NA_JSON_TOKEN_ERROR;
      token = NA_JSON_TOKEN_STRING;
      break;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      token = read_number (self, error);
      break;
    case 't':
      token = read_literal (self, "true", NA_JSON_TOKEN_BOOLEAN, error);
      break;
    case 'f':
      token = read_literal (self, "false", NA_JSON_TOKEN_BOOLEAN, error);
      break;
    case 'n':
      token = read_literal (self, "null", NA_JSON_TOKEN_NULL, error);
      break;
    case ']':
      if (self->depth > 0 && self->stack[self->depth - 1] == '[')
        return fail (self, error, _("trailing comma before “]”"));
      return fail_unexpected (self, error, _("expected a value"));
    case -1:
      if (self->depth == 0 && self->read_error == NULL)
        {
          /* Nothing but white space: the caller decides what an empty input means. */
          self->state = ST_DONE;
          return NA_JSON_TOKEN_EOF;
        }
      return fail_unexpected (self, error, _("expected a value"));
    default:
      return fail_unexpected (self, error, _("expected a value"));
    }

  if (token != NA_JSON_TOKEN_ERROR)
    self->state = ST_AFTER_VALUE;
  return token;
}

/**
 * na_json_reader_next:
 *
 * Reads the next token. %NA_JSON_TOKEN_EOF comes once the top-level value has ended and only
 * white space follows it, or straight away for an input of nothing but white space.
 *
 * Returns: the token, or %NA_JSON_TOKEN_ERROR with @error set; after an error every call fails
 */
NaJsonToken
na_json_reader_next (NaJsonReader  *self,
                     GError       **error)
{
  int c;

  g_return_val_if_fail (self != NULL, NA_JSON_TOKEN_ERROR);

  if (self->state == ST_FAILED)
    {
      g_set_error (error, NA_JSON_READER_ERROR, NA_JSON_READER_ERROR_SYNTAX,
                   _("%s: reading stopped at an earlier error"), self->name);
      return NA_JSON_TOKEN_ERROR;
    }
  if (self->state == ST_DONE)
    return NA_JSON_TOKEN_EOF;

again:
  skip_whitespace (self);
  self->token_line = self->line;
  self->token_column = column_at (self, offset (self));
  c = peek (self);

  switch (self->state)
    {
    case ST_AFTER_VALUE:
      if (self->depth == 0)
        {
          if (c >= 0 || self->read_error != NULL)
            return fail_unexpected (self, error, _("expected the end of the file after the "
                                                   "top-level value"));
          self->state = ST_DONE;
          return NA_JSON_TOKEN_EOF;
        }
      if (c == ',')
        {
          self->pos++;
          self->state = self->stack[self->depth - 1] == '{' ? ST_KEY : ST_VALUE;
          goto again;
        }
      if (c == (self->stack[self->depth - 1] == '{' ? '}' : ']'))
        return end_container (self);
      if (self->stack[self->depth - 1] == '{')
        return fail_unexpected (self, error, _("expected “,” or “}”"));
      return fail_unexpected (self, error, _("expected “,” or “]”"));

    case ST_KEY_OR_END:
      if (c == '}')
        return end_container (self);
      G_GNUC_FALLTHROUGH;
    case ST_KEY:
      if (c == '}')
        return fail (self, error, _("trailing comma before “}”"));
      if (c != '"')
        return fail_unexpected (self, error, _("expected a member name in double quotes"));
      if (!read_string (self, error))
        return NA_JSON_TOKEN_ERROR;
      if (self->str != self->scratch->str &&
          (self->pos == self->len || self->buf[self->pos] != ':'))
        {
          /* Looking for the ':' may read the next chunk over the name: keep a copy. */
          g_string_truncate (self->scratch, 0);
          g_string_append_len (self->scratch, self->str, self->str_len);
          self->str = self->scratch->str;
        }
      skip_whitespace (self);
      if (peek (self) != ':')
        return fail_unexpected (self, error, _("expected “:” after the member name"));
      self->pos++;
      self->state = ST_VALUE;
      return NA_JSON_TOKEN_KEY;

    case ST_VALUE_OR_END:
      if (c == ']')
        return end_container (self);
      G_GNUC_FALLTHROUGH;
    case ST_VALUE:
      return read_value (self, c, error);

    case ST_DONE:
    case ST_FAILED:
    default:
      g_assert_not_reached ();
    }
}

/**
 * na_json_reader_skip_value:
 * @first: the token just read, the first of the value to skip
 *
 * Skips the rest of a value (all of an object or array) without building anything; the input
 * is still checked in full.
 */
gboolean
na_json_reader_skip_value (NaJsonReader  *self,
                           NaJsonToken    first,
                           GError       **error)
{
  guint depth;

  g_return_val_if_fail (self != NULL, FALSE);

  if (first == NA_JSON_TOKEN_ERROR)
    return FALSE;
  if (first != NA_JSON_TOKEN_BEGIN_OBJECT && first != NA_JSON_TOKEN_BEGIN_ARRAY)
    return TRUE;

  depth = self->depth - 1;
  for (;;)
    {
      NaJsonToken token = na_json_reader_next (self, error);

      if (token == NA_JSON_TOKEN_ERROR)
        return FALSE;
      if ((token == NA_JSON_TOKEN_END_OBJECT || token == NA_JSON_TOKEN_END_ARRAY) &&
          self->depth == depth)
        return TRUE;
    }
}

/**
 * na_json_reader_get_string:
 *
 * Returns: (transfer none): the text of the current KEY or STRING token, not nul-terminated
 *   and valid until the next call; it has no embedded nul
 */
const char *
na_json_reader_get_string (NaJsonReader *self,
                           gsize        *length)
{
  g_return_val_if_fail (self != NULL, NULL);

  *length = self->str_len;
  return self->str;
}

/* Whether the current KEY or STRING token is @str; cheaper than a copy and strcmp(). */
gboolean
na_json_reader_string_equal (NaJsonReader *self,
                             const char   *str)
{
  return str[0] == (self->str_len ? self->str[0] : '\0') &&
         strncmp (str, self->str, self->str_len) == 0 && str[self->str_len] == '\0';
}

char *
na_json_reader_dup_string (NaJsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strndup (self->str, self->str_len);
}

gint64
na_json_reader_get_int (NaJsonReader *self)
{
  return self->int_value;
}

double
na_json_reader_get_double (NaJsonReader *self)
{
  return self->double_value;
}

gboolean
na_json_reader_get_boolean (NaJsonReader *self)
{
  return self->bool_value;
}

/* How many containers are open. */
guint
na_json_reader_get_depth (NaJsonReader *self)
{
  return self->depth;
}

/* Line of the current token's first character, from 1. */
guint
na_json_reader_get_line (NaJsonReader *self)
{
  return self->token_line;
}

/* Column of the current token's first character, in characters, from 1. */
guint
na_json_reader_get_column (NaJsonReader *self)
{
  return self->token_column;
}

/* What a value starting with @token is, for messages: "a string", "an array", … */
const char *
na_json_token_describe (NaJsonToken token)
{
  switch (token)
    {
    case NA_JSON_TOKEN_BEGIN_OBJECT: return _("an object");
    case NA_JSON_TOKEN_BEGIN_ARRAY: return _("an array");
    case NA_JSON_TOKEN_STRING: return _("a string");
    case NA_JSON_TOKEN_INTEGER:
    case NA_JSON_TOKEN_DOUBLE: return _("a number");
    case NA_JSON_TOKEN_BOOLEAN: return _("a boolean");
    case NA_JSON_TOKEN_NULL: return _("null");
    case NA_JSON_TOKEN_ERROR:
    case NA_JSON_TOKEN_EOF:
    case NA_JSON_TOKEN_END_OBJECT:
    case NA_JSON_TOKEN_END_ARRAY:
    case NA_JSON_TOKEN_KEY:
    default:
      return _("a value");
    }
}
