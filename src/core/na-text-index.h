/* na-text-index.h — tolerant quote matching in a source text, for resolving anchors */
#pragma once

#include "na-anchor.h"

G_BEGIN_DECLS

#define NA_TYPE_TEXT_INDEX (na_text_index_get_type ())

typedef struct _NaTextIndex NaTextIndex;

typedef enum
{
  NA_ANCHOR_STATUS_RESOLVED,
  NA_ANCHOR_STATUS_NOT_FOUND,
  NA_ANCHOR_STATUS_AMBIGUOUS,
} NaAnchorStatus;

/* Characters of context kept on each side of a user's quote (the W3C selectors suggest 32). */
#define NA_TEXT_CONTEXT_LENGTH 32

GType          na_text_index_get_type     (void) G_GNUC_CONST;
NaTextIndex   *na_text_index_new          (const char   *text,
                                           gssize        length);
NaTextIndex   *na_text_index_ref          (NaTextIndex  *self);
void           na_text_index_unref        (NaTextIndex  *self);
const char    *na_text_index_get_text     (NaTextIndex  *self);
guint          na_text_index_count        (NaTextIndex  *self,
                                           const char   *exact,
                                           const char   *prefix,
                                           const char   *suffix);
NaAnchorStatus na_text_index_find         (NaTextIndex  *self,
                                           const char   *exact,
                                           const char   *prefix,
                                           const char   *suffix,
                                           int           hint,
                                           int          *start,
                                           int          *end);
NaAnchorStatus na_text_index_find_quote   (NaTextIndex  *self,
                                           const char   *exact,
                                           const char   *prefix,
                                           const char   *suffix,
                                           int           hint,
                                           int          *start,
                                           int          *end);
NaAnchorStatus na_text_index_resolve      (NaTextIndex  *self,
                                           NaAnchor     *anchor);
void           na_text_dup_context        (const char   *text,
                                           int           start,
                                           int           end,
                                           char        **prefix,
                                           char        **suffix);
char          *na_text_normalize          (const char   *text);
guint          na_text_count_words        (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaTextIndex, na_text_index_unref)

G_END_DECLS
