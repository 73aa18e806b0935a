/* na-pdf-page-private.h — shared by the files of NaPdfPage, split by concern:
 * na-pdf-page.c (opening, anchors, toolbar), na-pdf-page-annotate.c (the user's annotations
 * and the selection's actions), na-pdf-page-find.c (find), na-pdf-page-thumbs.c (thumbnails) */
#pragma once

#include "na-pdf-page.h"
#include "na-pdf-search.h"
#include "na-render-queue.h"

G_BEGIN_DECLS

typedef enum
{
  MODE_OPEN,       /* the remembered attachment */
  MODE_ATTACH,     /* a new file for the essay */
  MODE_RELOCATE,   /* the attachment, found elsewhere */
} OpenMode;

struct _NaPdfPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget       *toolbar;
  GtkToggleButton *sidebar_button;
  GtkEntry        *page_entry;
  GtkLabel        *n_pages_label;
  GtkLabel        *file_label;
  GtkMenuButton   *zoom_button;
  GtkWidget       *highlight_button;
  GtkWidget       *note_button;
  GtkToggleButton *find_button;
  GtkMenuButton   *annotate_button;
  GMenuModel      *annotate_menu;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkLabel        *match_label;
  GtkStack        *stack;
  AdwStatusPage   *error_status;
  GtkWidget       *unlock_button;
  GtkWidget       *relocate_button;
  AdwFlap         *sidebar_flap;
  GtkStack        *sidebar_stack;
  GtkListBox      *anchors_list;
  GtkListView     *thumbnails_view;
  GtkStack        *outline_stack;
  GtkListBox      *outline_list;
  GtkListBox      *results_list;
  NaPdfView       *view;

  /* Owned references */
  NaLibrary       *library;
  NaAttachments   *attachments;
  NaUserStore     *store;
  GHashTable      *placed;        /* "hint\nquote" → GArray of NaPdfRect (empty: not found) */
  GtkWidget       *context_menu;
  NaEssay         *essay;
  GFile           *file;          /* the file shown, or that failed */
  GCancellable    *cancellable;
  NaRenderQueue   *thumb_queue;
  GHashTable      *thumbs;        /* page → Thumb */
  gsize            thumb_bytes;   /* their pixels */
  guint64          thumb_clock;   /* counts uses, for least recently used */
  GdkFrameClock   *thumb_clock_source;  /* whose after-paint checks the thumbnails */
  gulong           thumb_paint_id;
  GHashTable      *thumb_pending; /* page → GCancellable of its render */
  GHashTable      *bound;         /* page → GtkPicture showing it */
  NaPdfSearch     *search;        /* the find in progress or done */
  GArray          *match_rects;   /* every match's rectangles, for the highlights */
  int              current_match;
  guint            sync_id;
  gboolean         resolving;      /* the text is being extracted and the anchors resolved */
  GtkStack        *anchors_placeholder;  /* "empty", or "reading" while resolving */
  GtkLabel        *reading_label;  /* how many pages of text are read so far */
  guint            reading_id;     /* updates it */
  gboolean         is_attachment;  /* what is shown is the essay's attached PDF */
  /* The attachment last removed, until its toast's Undo or another removal. */
  NaAttachmentsEntry *detached;
  char            *detached_essay;
};

/* na-pdf-page.c */
void       _na_pdf_page_clear_list               (GtkListBox     *list);
void       _na_pdf_page_sidebar_done             (NaPdfPage      *self);
GtkWidget *_na_pdf_page_jump_row_new             (const char     *prefix,
                                                  const char     *text,
                                                  int             page,
                                                  double          y,
                                                  int             indent);
GtkWidget *_na_pdf_page_jump_row_new_markup      (const char     *prefix,
                                                  const char     *markup,
                                                  int             page,
                                                  double          y);

/* na-pdf-page-annotate.c */
void       _na_pdf_page_annotate_class_init      (GtkWidgetClass *widget_class);
void       _na_pdf_page_annotate_init            (NaPdfPage      *self);
void       _na_pdf_page_show_user_highlights     (NaPdfPage      *self);

/* na-pdf-page-find.c */
void       _na_pdf_page_find_class_init          (GtkWidgetClass *widget_class);
void       _na_pdf_page_stop_search              (NaPdfPage      *self);

/* na-pdf-page-thumbs.c */
void       _na_pdf_page_thumbs_class_init        (GtkWidgetClass *widget_class);
void       _na_pdf_page_thumbs_init              (NaPdfPage      *self);
void       _na_pdf_page_thumbs_dispose           (NaPdfPage      *self);

G_END_DECLS
