/* na-window-reader.h — the window's library search, filters, reader and annotation actions
 * (private to NaWindow; split out by concern) */
#pragma once

#include "na-attachments.h"
#include "na-comparison-view.h"
#include "na-map-view.h"
#include "na-reader.h"
#include "na-search.h"
#include "na-user-store.h"
#include "na-window.h"

G_BEGIN_DECLS

typedef struct _NaWindowReader NaWindowReader;

typedef struct
{
  GtkSearchEntry *search_entry;
  GtkDropDown    *sort_dropdown;
  GtkDropDown    *question_dropdown;
  GtkDropDown    *country_dropdown;
  GtkStack       *content_stack;
  NaReader       *reader;
  GtkWidget      *read_button;
  GtkStack       *list_stack;
  NaComparisonView *comparison_view;
  NaMapView      *map_view;
  AdwViewStack   *view_stack;
} NaWindowReaderWidgets;

void            _na_window_reader_class_init (GtkWidgetClass              *widget_class);
NaWindowReader *_na_window_reader_new        (NaWindow                    *window,
                                              const NaWindowReaderWidgets *widgets);
void            _na_window_reader_free       (NaWindowReader              *self);
void            _na_window_reader_set_attachments (NaWindowReader              *self,
                                                   NaAttachments               *attachments);
GListModel     *_na_window_reader_set_library (NaWindowReader             *self,
                                              NaLibrary                   *library);
void            _na_window_reader_essay_changed (NaWindowReader           *self,
                                              NaEssay                     *essay);
const char     *_na_window_reader_essay_of_item (NaWindowReader          *self,
                                              const char                  *item_id);
gboolean        _na_window_reader_show_item  (NaWindowReader              *self,
                                              const char                  *item_id);

G_END_DECLS
