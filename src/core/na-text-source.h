/* na-text-source.h — reading a user's text file (.txt, .md) safely: size limit, text checks */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NA_TEXT_SOURCE_ERROR (na_text_source_error_quark ())

typedef enum
{
  NA_TEXT_SOURCE_ERROR_MISSING,
  NA_TEXT_SOURCE_ERROR_UNREADABLE,
  NA_TEXT_SOURCE_ERROR_TOO_LARGE,
  NA_TEXT_SOURCE_ERROR_EMPTY,
  NA_TEXT_SOURCE_ERROR_BINARY,
  NA_TEXT_SOURCE_ERROR_UTF8,
} NaTextSourceError;

/* Larger texts are refused: a book is a few MB; 100 MB is not an essay. */
#define NA_TEXT_SOURCE_MAX_BYTES (32 * 1024 * 1024)

GQuark  na_text_source_error_quark (void);
char   *na_text_source_load        (const char  *path,
                                    gsize        max_bytes,
                                    char       **sha256,
                                    GError     **error);
void    na_text_source_load_async  (const char           *path,
                                    gsize                 max_bytes,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
char   *na_text_source_load_finish (GAsyncResult         *result,
                                    char                **sha256,
                                    GError              **error);

G_END_DECLS
