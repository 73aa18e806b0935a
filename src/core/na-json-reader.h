/* na-json-reader.h — a strict streaming JSON tokenizer (RFC 8259), for large library files */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NA_JSON_READER_ERROR (na_json_reader_error_quark ())

/* Errors of the reader's own; read errors of the stream keep their GIO domain and code. */
typedef enum
{
  NA_JSON_READER_ERROR_SYNTAX,
  NA_JSON_READER_ERROR_UTF8,
} NaJsonReaderError;

typedef enum
{
  NA_JSON_TOKEN_ERROR,
  NA_JSON_TOKEN_EOF,
  NA_JSON_TOKEN_BEGIN_OBJECT,
  NA_JSON_TOKEN_END_OBJECT,
  NA_JSON_TOKEN_BEGIN_ARRAY,
  NA_JSON_TOKEN_END_ARRAY,
  NA_JSON_TOKEN_KEY,
  NA_JSON_TOKEN_STRING,
  NA_JSON_TOKEN_INTEGER,
  NA_JSON_TOKEN_DOUBLE,
  NA_JSON_TOKEN_BOOLEAN,
  NA_JSON_TOKEN_NULL,
} NaJsonToken;

/* Containers nest at most this deep; deeper input is refused rather than exhausting memory. */
#define NA_JSON_READER_MAX_DEPTH 512

typedef struct _NaJsonReader NaJsonReader;

GQuark        na_json_reader_error_quark     (void);
NaJsonReader *na_json_reader_new_for_data    (const char    *data,
                                              gsize          length,
                                              const char    *name);
NaJsonReader *na_json_reader_new_for_stream  (GInputStream  *stream,
                                              gsize          chunk_size,
                                              const char    *name,
                                              GCancellable  *cancellable);
void          na_json_reader_free            (NaJsonReader  *self);
NaJsonToken   na_json_reader_next            (NaJsonReader  *self,
                                              GError       **error);
gboolean      na_json_reader_skip_value      (NaJsonReader  *self,
                                              NaJsonToken    first,
                                              GError       **error);
const char   *na_json_reader_get_string      (NaJsonReader  *self,
                                              gsize         *length);
gboolean      na_json_reader_string_equal    (NaJsonReader  *self,
                                              const char    *str);
char         *na_json_reader_dup_string      (NaJsonReader  *self);
gint64        na_json_reader_get_int         (NaJsonReader  *self);
double        na_json_reader_get_double      (NaJsonReader  *self);
gboolean      na_json_reader_get_boolean     (NaJsonReader  *self);
guint         na_json_reader_get_depth       (NaJsonReader  *self);
guint         na_json_reader_get_line        (NaJsonReader  *self);
guint         na_json_reader_get_column      (NaJsonReader  *self);
const char   *na_json_token_describe         (NaJsonToken    token);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaJsonReader, na_json_reader_free)

G_END_DECLS
