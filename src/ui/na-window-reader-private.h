/* na-window-reader-private.h — shared by the files of NaWindow's reading side
 * (na-window-reader.c, na-window-annotate.c, na-window-manage.c, na-window-essay-form.c) */
#pragma once

#include "na-window-reader.h"

G_BEGIN_DECLS

enum { SORT_DATE, SORT_AUTHOR, SORT_RELEVANCE };

struct _NaWindowReader
{
  NaWindow              *window;      /* unowned: it owns us */
  NaWindowReaderWidgets  w;

  NaLibrary             *library;
  NaUserStore           *store;
  NaSearch              *search;
  GListStore            *sources;     /* the library's essays, the user's essays */
  GtkFilterListModel    *filtered;
  GtkCustomFilter       *filter;
  GtkSortListModel      *sorted;
  GtkCustomSorter       *sorter;
  GHashTable            *ranks;       /* essay id → rank + 1, while a search is active */
  GHashTable            *questions;   /* essay id → set of question ids */
  GHashTable            *countries;   /* essay id → set of country codes */
  GPtrArray             *question_ids;
  GPtrArray             *country_codes;
  GHashTable            *texts;       /* essay id → loaded text */
  NaAttachments         *attachments; /* the window's PDFs */
  GHashTable            *pdf_texts;   /* essay id → its PDF pages' text, for the search */
  NaEssay               *essay;
  GCancellable          *cancellable; /* loads in flight; cancelled when the window goes */
  guint                  generation;  /* bumped by each rebuild of the sources: stale loads
                                       * are dropped */
};

NaWindowReader *_na_window_reader_get            (GtkWidget          *window);
NaPdfPage      *_na_window_reader_visible_pdf_page (NaWindowReader   *self);
void            _na_window_reader_show_message   (NaWindowReader     *self,
                                                  const char         *heading,
                                                  const char         *body);
GtkWidget      *_na_window_form_entry            (GtkWidget          *grid,
                                                  int                 row,
                                                  const char         *label_text,
                                                  const char         *placeholder);
GtkWidget      *_na_window_form_dropdown         (GtkWidget          *grid,
                                                  int                 row,
                                                  const char         *label_text,
                                                  const char * const *items);
void            _na_window_annotate_class_init   (GtkWidgetClass     *widget_class);
void            _na_window_annotate_update_undo  (NaWindowReader     *self);
void            _na_window_manage_class_init     (GtkWidgetClass     *widget_class);
void            _na_window_manage_sync           (NaWindowReader     *self);
void            _na_window_manage_sync_read      (NaWindowReader     *self);
NaEssay        *_na_window_essay_from_form       (GVariant           *form,
                                                  const char         *path,
                                                  GError            **error);
GtkWidget      *_na_window_essay_form_new        (NaWindowReader     *self,
                                                  const char         *heading,
                                                  GFile              *file,
                                                  const char         *title,
                                                  const char         *authors,
                                                  const char         *date);
GVariant       *_na_window_essay_form_get_values (GtkWidget          *dialog);
void            _na_window_essay_form_show_error (NaWindowReader     *self,
                                                  GtkWidget          *dialog,
                                                  const char         *message);

G_END_DECLS
