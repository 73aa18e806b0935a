/* test-json-reader.c — the streaming JSON tokenizer: tokens, escapes, chunk boundaries, errors */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "na-json-reader.h"

/* A stream that hands out one byte per read, whatever was asked: every token, escape and
 * UTF-8 sequence is split across reads. Optionally fails after @fail_after bytes. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
  gssize        fail_after;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize size;
  const guchar *data = g_bytes_get_data (self->bytes, &size);

  if (self->fail_after >= 0 && self->pos >= (gsize) self->fail_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "disk on fire");
      return -1;
    }
  if (self->pos >= size || count == 0)
    return 0;
  ((guchar *) buffer)[0] = data[self->pos++];
  return 1;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  g_bytes_unref (TEST_TRICKLE_STREAM (object)->bytes);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
  self->fail_after = -1;
}

static GInputStream *
trickle_stream_new (const char *data,
                    gsize       length,
                    gssize      fail_after)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_new (data, length);
  self->fail_after = fail_after;
  return G_INPUT_STREAM (self);
}

/* Writes the token stream as text: one token a line, with its value, or "error: MESSAGE". */
static char *
dump (NaJsonReader *reader)
{
  GString *out = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      NaJsonToken t = na_json_reader_next (reader, &error);
      g_autofree char *s = NULL;

      switch (t)
        {
        case NA_JSON_TOKEN_ERROR:
          g_string_append_printf (out, "error %d: %s\n", error->code, error->message);
          return g_string_free (out, FALSE);
        case NA_JSON_TOKEN_EOF:
          g_string_append (out, "eof\n");
          return g_string_free (out, FALSE);
        case NA_JSON_TOKEN_BEGIN_OBJECT: g_string_append (out, "{\n"); break;
        case NA_JSON_TOKEN_END_OBJECT: g_string_append (out, "}\n"); break;
        case NA_JSON_TOKEN_BEGIN_ARRAY: g_string_append (out, "[\n"); break;
        case NA_JSON_TOKEN_END_ARRAY: g_string_append (out, "]\n"); break;
        case NA_JSON_TOKEN_KEY:
        case NA_JSON_TOKEN_STRING:
          s = na_json_reader_dup_string (reader);
          g_string_append_printf (out, "%s <%s>\n", t == NA_JSON_TOKEN_KEY ? "key" : "string", s);
          break;
        case NA_JSON_TOKEN_INTEGER:
          g_string_append_printf (out, "int %" G_GINT64_FORMAT "\n",
                                  na_json_reader_get_int (reader));
          break;
        case NA_JSON_TOKEN_DOUBLE:
          g_string_append_printf (out, "double %g\n", na_json_reader_get_double (reader));
          break;
        case NA_JSON_TOKEN_BOOLEAN:
          g_string_append_printf (out, "bool %d\n", na_json_reader_get_boolean (reader));
          break;
        case NA_JSON_TOKEN_NULL:
          g_string_append (out, "null\n");
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* The token stream of @json read from memory; also checks that reading it one byte at a time
 * from a stream gives exactly the same tokens and errors. */
static char *
tokens (const char *json)
{
  g_autoptr(NaJsonReader) reader = na_json_reader_new_for_data (json, strlen (json), "x.json");
  g_autoptr(GInputStream) stream = trickle_stream_new (json, strlen (json), -1);
  g_autoptr(NaJsonReader) streamed = NULL;
  g_autofree char *from_stream = NULL;
  char *from_data;

  streamed = na_json_reader_new_for_stream (stream, 0, "x.json", NULL);
  from_data = dump (reader);
  from_stream = dump (streamed);
  g_assert_cmpstr (from_data, ==, from_stream);
  return from_data;
}

static void
assert_tokens (const char *json,
               const char *expected)
{
  g_autofree char *actual = tokens (json);

  g_assert_cmpstr (actual, ==, expected);
}

/* Asserts that @json fails with @code and a message containing @message. */
static void
assert_error (const char *json,
              int         code,
              const char *message)
{
  g_autofree char *actual = tokens (json);
  g_autofree char *prefix = g_strdup_printf ("error %d: ", code);
  const char *line = strstr (actual, "error ");

  if (line == NULL || !g_str_has_prefix (line, prefix) || strstr (line, message) == NULL)
    g_error ("“%s” gave\n%s\nexpected error %d with “%s”", json, actual, code, message);
}

static void
test_every_token (void)
{
  assert_tokens (" {\"a\": [1, -2.5e3, \"s\", true, false, null, {}, []], \"b\": 0}\n",
                 "{\nkey <a>\n[\nint 1\ndouble -2500\nstring <s>\nbool 1\nbool 0\nnull\n{\n}\n"
                 "[\n]\n]\nkey <b>\nint 0\n}\neof\n");
  assert_tokens ("42", "int 42\neof\n");
  assert_tokens ("\"top\"", "string <top>\neof\n");
  assert_tokens ("[0.5, 1E2, 1e-2, -0, -0.0]",
                 "[\ndouble 0.5\ndouble 100\ndouble 0.01\nint 0\ndouble -0\n]\neof\n");
}

static void
test_empty (void)
{
  assert_tokens ("", "eof\n");
  assert_tokens (" \n\t\r ", "eof\n");
}

static void
test_escapes (void)
{
  assert_tokens ("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", "[\nstring <\"\\/\b\f\n\r\t>\n]\neof\n");
  /* é, €, and U+1F600 from a surrogate pair; in lower and upper case hex */
  assert_tokens ("[\"caf\\u00e9 \\u20AC \\uD83D\\uDE00\"]",
                 "[\nstring <café € \xF0\x9F\x98\x80>\n]\neof\n");
  /* UTF-8 as is, with escapes between */
  assert_tokens ("[\"a\xC3\xA9\\n\xE2\x82\xAC\\t\xF0\x9F\x98\x80\"]",
                 "[\nstring <a\xC3\xA9\n\xE2\x82\xAC\t\xF0\x9F\x98\x80>\n]\neof\n");
}

static void
test_invalid_escapes (void)
{
  assert_error ("[\"a\\x\"]", NA_JSON_READER_ERROR_SYNTAX, "x.json:1:4: invalid escape");
  assert_error ("[\"\\u12G4\"]", NA_JSON_READER_ERROR_SYNTAX,
                "expected four hexadecimal digits after “\\u”, found “G”");
  assert_error ("[\"\\uD83D\"]", NA_JSON_READER_ERROR_SYNTAX,
                "x.json:1:3: invalid escape: a high surrogate");
  assert_error ("[\"\\uD83D\\u0041\"]", NA_JSON_READER_ERROR_SYNTAX,
                "must be followed by a low one");
  assert_error ("[\"\\uDE00\"]", NA_JSON_READER_ERROR_SYNTAX, "a low surrogate");
  assert_error ("[\"\\u0000\"]", NA_JSON_READER_ERROR_SYNTAX, "null character");
  assert_error ("[\"\\", NA_JSON_READER_ERROR_SYNTAX, "the file ends inside a string");
}

static void
test_strings (void)
{
  assert_error ("[\"a\tb\"]", NA_JSON_READER_ERROR_SYNTAX,
                "x.json:1:4: control character U+0009 inside a string");
  assert_error ("[\"a\nb\"]", NA_JSON_READER_ERROR_SYNTAX, "x.json:1:4: line break inside");
  assert_error ("[\"abc", NA_JSON_READER_ERROR_SYNTAX, "x.json:1:6: the file ends inside");
  assert_error ("['a']", NA_JSON_READER_ERROR_SYNTAX, "expected a value, found “'”");
  assert_error ("{a: 1}", NA_JSON_READER_ERROR_SYNTAX,
                "x.json:1:2: expected a member name in double quotes, found “a”");
}

static void
test_invalid_utf8 (void)
{
  /* A bad continuation byte, an overlong '/', an encoded surrogate, a cut sequence, a
   * byte that never starts one, and bad UTF-8 outside a string. */
  assert_error ("[\"caf\xC3\x28\"]", NA_JSON_READER_ERROR_UTF8,
                "x.json:1:6: invalid UTF-8 (byte 0xC3 at offset 5)");
  assert_error ("[\"\xC0\xAF\"]", NA_JSON_READER_ERROR_UTF8, "byte 0xC0 at offset 2");
  assert_error ("[\"\xED\xA0\x80\"]", NA_JSON_READER_ERROR_UTF8, "byte 0xED at offset 2");
  assert_error ("[\"\xE2\x82", NA_JSON_READER_ERROR_UTF8, "byte 0xE2 at offset 2");
  assert_error ("[\"\xFF\"]", NA_JSON_READER_ERROR_UTF8, "byte 0xFF");
  assert_error ("[1, \xE9]", NA_JSON_READER_ERROR_UTF8, "x.json:1:5: invalid UTF-8");
  assert_error ("[1, \xC3\xA9]", NA_JSON_READER_ERROR_SYNTAX, "expected a value, found “é”");

  /* A nul byte is not UTF-8 text either (as for g_utf8_validate()). */
  {
    static const char nul[] = "[\"a\", \"b\0\"]";
    g_autoptr(NaJsonReader) reader = na_json_reader_new_for_data (nul, sizeof nul - 1, "x.json");
    g_autofree char *result = dump (reader);

    g_assert_nonnull (strstr (result, "x.json:1:9: invalid UTF-8 (byte 0x00 at offset 8)"));
  }
}

static void
test_syntax (void)
{
  assert_error ("[1, 2,]", NA_JSON_READER_ERROR_SYNTAX, "x.json:1:7: trailing comma before “]”");
  assert_error ("{\"a\": 1,}", NA_JSON_READER_ERROR_SYNTAX, "trailing comma before “}”");
  assert_error ("[1 2]", NA_JSON_READER_ERROR_SYNTAX, "expected “,” or “]”, found “2”");
  assert_error ("{\"a\" 1}", NA_JSON_READER_ERROR_SYNTAX, "expected “:” after the member name");
  assert_error ("{\"a\": 1 \"b\": 2}", NA_JSON_READER_ERROR_SYNTAX, "expected “,” or “}”");
  assert_error ("[1] [2]", NA_JSON_READER_ERROR_SYNTAX,
                "x.json:1:5: expected the end of the file after the top-level value");
  assert_error ("[1, /* no */ 2]", NA_JSON_READER_ERROR_SYNTAX, "found “/”");
  assert_error ("[tru]", NA_JSON_READER_ERROR_SYNTAX, "expected “true”, found “]”");
  assert_error ("[nul", NA_JSON_READER_ERROR_SYNTAX, "expected “null”, found the end of the file");
  assert_error ("[1,", NA_JSON_READER_ERROR_SYNTAX, "x.json:1:4: expected a value, found the end");
  assert_error ("[1", NA_JSON_READER_ERROR_SYNTAX, "expected “,” or “]”, found the end of the");
  assert_error ("[\x01]", NA_JSON_READER_ERROR_SYNTAX, "the control character U+0001");
}

static void
test_numbers (void)
{
  assert_tokens ("[9223372036854775807, -9223372036854775808, 1e-400]",
                 "[\nint 9223372036854775807\nint -9223372036854775808\ndouble 0\n]\neof\n");
  assert_error ("[9223372036854775808]", NA_JSON_READER_ERROR_SYNTAX,
                "x.json:1:2: integer out of range");
  assert_error ("[-9223372036854775809]", NA_JSON_READER_ERROR_SYNTAX, "integer out of range");
  assert_error ("[123456789012345678901234567890]", NA_JSON_READER_ERROR_SYNTAX,
                "integer out of range");
  assert_error ("[1e400]", NA_JSON_READER_ERROR_SYNTAX, "number out of range");
  assert_error ("[-1e400]", NA_JSON_READER_ERROR_SYNTAX, "number out of range");
  assert_error ("[01]", NA_JSON_READER_ERROR_SYNTAX, "leading zeros are not allowed");
  assert_error ("[1.]", NA_JSON_READER_ERROR_SYNTAX, "expected a digit after “.”");
  assert_error ("[-]", NA_JSON_READER_ERROR_SYNTAX, "expected a digit after “-”");
  assert_error ("[1e+]", NA_JSON_READER_ERROR_SYNTAX, "expected a digit in the exponent");
  assert_error ("[.5]", NA_JSON_READER_ERROR_SYNTAX, "expected a value, found “.”");
  assert_error ("[+1]", NA_JSON_READER_ERROR_SYNTAX, "expected a value, found “+”");
  assert_error ("[0x10]", NA_JSON_READER_ERROR_SYNTAX, "expected “,” or “]”, found “x”");
}

static void
test_line_and_column (void)
{
  /* Columns count characters, not bytes, and tabs as one. */
  assert_error ("{\n  \"a\": tru }", NA_JSON_READER_ERROR_SYNTAX, "x.json:2:11: expected “true”");
  assert_error ("[\"\xC3\xA9\xE2\x82\xAC\", x]", NA_JSON_READER_ERROR_SYNTAX, "x.json:1:8:");
  assert_error ("[\r\n\t1,\r\n\t\t2,\r\n]", NA_JSON_READER_ERROR_SYNTAX, "x.json:4:1: trailing");
  assert_error ("[\n\"\xF0\x9F\x98\x80\", \"\\q\"]", NA_JSON_READER_ERROR_SYNTAX, "x.json:2:7:");
}

static void
test_token_position (void)
{
  static const char json[] = "{\n  \"key\": [\"\xC3\xA9\", 12]\n}";
  g_autoptr(NaJsonReader) reader = na_json_reader_new_for_data (json, strlen (json), "x.json");

  g_assert_cmpint (na_json_reader_next (reader, NULL), ==, NA_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpuint (na_json_reader_get_line (reader), ==, 1);
  g_assert_cmpint (na_json_reader_next (reader, NULL), ==, NA_JSON_TOKEN_KEY);
  g_assert_true (na_json_reader_string_equal (reader, "key"));
  g_assert_false (na_json_reader_string_equal (reader, "ke"));
  g_assert_false (na_json_reader_string_equal (reader, "keys"));
  g_assert_cmpuint (na_json_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (na_json_reader_get_column (reader), ==, 3);
  g_assert_cmpint (na_json_reader_next (reader, NULL), ==, NA_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpuint (na_json_reader_get_depth (reader), ==, 2);
  g_assert_cmpint (na_json_reader_next (reader, NULL), ==, NA_JSON_TOKEN_STRING);
  g_assert_cmpint (na_json_reader_next (reader, NULL), ==, NA_JSON_TOKEN_INTEGER);
  g_assert_cmpuint (na_json_reader_get_column (reader), ==, 16);
}

static void
test_nesting_limit (void)
{
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *result = NULL;

  for (guint i = 0; i < NA_JSON_READER_MAX_DEPTH; i++)
    g_string_append_c (ok, i % 2 ? '[' : '{'), g_string_append (ok, i % 2 ? "" : "\"k\":");
  g_string_append (ok, "null");
  for (guint i = NA_JSON_READER_MAX_DEPTH; i > 0; i--)
    g_string_append_c (ok, (i - 1) % 2 ? ']' : '}');
  result = tokens (ok->str);
  g_assert_true (g_str_has_suffix (result, "}\neof\n"));

  for (guint i = 0; i <= NA_JSON_READER_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  assert_error (deep->str, NA_JSON_READER_ERROR_SYNTAX, "x.json:1:513: nested too deeply");
}

static void
test_skip_value (void)
{
  static const char json[] = "{\"skip\": {\"a\": [1, {\"b\": [[], {}]}], \"c\": \"d\"}, "
                             "\"keep\": 7}";
  g_autoptr(NaJsonReader) reader = na_json_reader_new_for_data (json, strlen (json), "x.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_KEY);
  g_assert_true (na_json_reader_skip_value (reader, na_json_reader_next (reader, &error),
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_KEY);
  g_assert_true (na_json_reader_string_equal (reader, "keep"));
  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_INTEGER);
  g_assert_cmpint (na_json_reader_get_int (reader), ==, 7);
  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_END_OBJECT);
  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_EOF);
  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_EOF);

  /* A syntax error inside a skipped value is still one. */
  {
    static const char bad[] = "[{\"a\": [1,]}]";
    g_autoptr(NaJsonReader) r = na_json_reader_new_for_data (bad, strlen (bad), "x.json");
    g_autoptr(GError) e = NULL;

    g_assert_cmpint (na_json_reader_next (r, &e), ==, NA_JSON_TOKEN_BEGIN_ARRAY);
    g_assert_false (na_json_reader_skip_value (r, na_json_reader_next (r, &e), &e));
    g_assert_error (e, NA_JSON_READER_ERROR, NA_JSON_READER_ERROR_SYNTAX);
  }
}

/* Long strings and keys across the 256 KiB windows of a real stream, at every offset mod 7. */
static void
test_chunk_boundaries (void)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(NaJsonReader) from_data = NULL;
  g_autoptr(NaJsonReader) reader = NULL;
  g_autoptr(NaJsonReader) small = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *actual_small = NULL;

  for (guint i = 0; json->len < 600 * 1024; i++)
    g_string_append_printf (json, "%s{\"k\xC3\xA9y%u\": \"%.*s\\u20AC\xE2\x82\xAC\", \"n\": %u}",
                            i ? ",\n" : "", i, (int) (i % 7 + 1), "abcdefg", i);
  g_string_append (json, "]");

  from_data = na_json_reader_new_for_data (json->str, json->len, "x.json");
  expected = dump (from_data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (json->str, json->len), json->len,
                                                g_free);
  reader = na_json_reader_new_for_stream (stream, 0, "x.json", NULL);
  actual = dump (reader);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_true (g_str_has_suffix (actual, "]\neof\n"));

  /* Odd window sizes split every kind of token somewhere. */
  g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, NULL, NULL);
  small = na_json_reader_new_for_stream (stream, 13, "x.json", NULL);
  actual_small = dump (small);
  g_assert_cmpstr (actual_small, ==, expected);
}

static void
test_read_error (void)
{
  static const char json[] = "[\"abc\", 1, 2]";
  g_autoptr(GInputStream) stream = trickle_stream_new (json, strlen (json), 4);
  g_autoptr(NaJsonReader) reader = na_json_reader_new_for_stream (stream, 0, "x.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_ERROR);
  /* The stream's own error, not a syntax error about a string cut short. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (na_json_reader_next (reader, &error), ==, NA_JSON_TOKEN_ERROR);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/every-token", test_every_token);
  g_test_add_func ("/json-reader/empty", test_empty);
  g_test_add_func ("/json-reader/escapes", test_escapes);
  g_test_add_func ("/json-reader/invalid-escapes", test_invalid_escapes);
  g_test_add_func ("/json-reader/strings", test_strings);
  g_test_add_func ("/json-reader/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/json-reader/syntax", test_syntax);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/line-and-column", test_line_and_column);
  g_test_add_func ("/json-reader/token-position", test_token_position);
  g_test_add_func ("/json-reader/nesting-limit", test_nesting_limit);
  g_test_add_func ("/json-reader/skip-value", test_skip_value);
  g_test_add_func ("/json-reader/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/json-reader/read-error", test_read_error);

  return g_test_run ();
}
