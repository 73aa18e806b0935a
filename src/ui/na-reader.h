/* na-reader.h — an essay's attached text, with its analysed passages and the user's
 * annotations highlighted, and the list of them beside it */
#pragma once

#include <adwaita.h>

#include "na-library.h"
#include "na-user-store.h"

G_BEGIN_DECLS

#define NA_TYPE_READER (na_reader_get_type ())

G_DECLARE_FINAL_TYPE (NaReader, na_reader, NA, READER, AdwBin)

void        na_reader_show          (NaReader    *self,
                                     NaLibrary   *library,
                                     NaUserStore *store,
                                     NaEssay     *essay,
                                     const char  *text);
void        na_reader_refresh       (NaReader    *self);
NaEssay    *na_reader_get_essay     (NaReader    *self);
gboolean    na_reader_scroll_to_item (NaReader   *self,
                                     const char  *item_id);
gboolean    na_reader_get_selection (NaReader    *self,
                                     int         *start,
                                     int         *end,
                                     char       **quote);
gboolean    na_reader_dup_selection_context (NaReader *self,
                                     char       **prefix,
                                     char       **suffix);
void        na_reader_select_range  (NaReader    *self,
                                     int          start,
                                     int          end);
const char *na_reader_item_at_offset (NaReader  *self,
                                      int        offset);
gboolean    na_reader_reveal_item   (NaReader    *self,
                                     const char  *item_id);
gboolean    na_reader_get_reveal_items (NaReader *self);
void        na_reader_set_reveal_items (NaReader *self,
                                        gboolean  reveal_items);
guint       na_reader_get_n_missing (NaReader    *self);
guint       na_reader_get_n_highlighted (NaReader *self);

G_END_DECLS
