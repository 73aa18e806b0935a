/* na-arena.h — one large allocation for the many small strings of a loaded library
 *
 * Not public API. A library of 10 000 essays holds over a million strings; allocated one by
 * one they cost a malloc header each and, on the first touch of every page, a page fault. The
 * loader copies them into an arena instead, and the items that point into it hold a reference
 * to it. Their setters free an old value only when the arena does not own it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NaArena NaArena;

NaArena  *na_arena_new          (void);
NaArena  *na_arena_ref          (NaArena        *self);
void      na_arena_unref        (NaArena        *self);
gpointer  na_arena_alloc        (NaArena        *self,
                                 gsize           size,
                                 gsize           align);
char     *na_arena_strndup      (NaArena        *self,
                                 const char     *str,
                                 gsize           length);
gboolean  na_arena_owns         (NaArena        *self,
                                 gconstpointer   pointer);
gsize     na_arena_get_size     (NaArena        *self);
void      na_arena_clear_string (NaArena        *self,
                                 char          **string);
void      na_arena_clear_strv   (NaArena        *self,
                                 char         ***strv);
gboolean  na_arena_set_string   (NaArena        *self,
                                 char          **dest,
                                 const char     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaArena, na_arena_unref)

G_END_DECLS
