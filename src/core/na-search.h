/* na-search.h — full-text search over essays: title, authors, keywords, abstract and the
 * text of attached sources, ranked; SQLite FTS5 in memory */
#pragma once

#include <gio/gio.h>

#include "na-essay.h"

G_BEGIN_DECLS

#define NA_TYPE_SEARCH (na_search_get_type ())

G_DECLARE_FINAL_TYPE (NaSearch, na_search, NA, SEARCH, GObject)

NaSearch   *na_search_new          (void);
void        na_search_set_essay    (NaSearch    *self,
                                    NaEssay     *essay,
                                    const char  *full_text);
void        na_search_set_text     (NaSearch    *self,
                                    const char  *essay_id,
                                    const char  *full_text);
void        na_search_remove_essay (NaSearch    *self,
                                    const char  *essay_id);
guint       na_search_get_n_essays (NaSearch    *self);
GPtrArray  *na_search_query        (NaSearch    *self,
                                    const char  *text,
                                    GError     **error);
char       *na_search_build_match  (const char  *text);

G_END_DECLS
