/* na-pdf-view.h — continuous, lazily laid out and rendered view of a PDF's pages */
#pragma once

#include <adwaita.h>

#include "na-pdf-document.h"

G_BEGIN_DECLS

#define NA_TYPE_PDF_VIEW (na_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (NaPdfView, na_pdf_view, NA, PDF_VIEW, GtkWidget)

typedef enum
{
  NA_PDF_SIZING_FREE,
  NA_PDF_SIZING_FIT_WIDTH,
  NA_PDF_SIZING_FIT_PAGE,
} NaPdfSizing;

typedef enum
{
  NA_PDF_HIGHLIGHT_ANCHOR,     /* the essay's arguments and recommendations */
  NA_PDF_HIGHLIGHT_MATCH,      /* find results */
  NA_PDF_HIGHLIGHT_CURRENT,    /* the current find result */
  NA_PDF_HIGHLIGHT_USER,       /* the user's own highlights and notes */
  NA_PDF_N_HIGHLIGHTS,
} NaPdfHighlight;

#define NA_PDF_ZOOM_MIN 0.25
#define NA_PDF_ZOOM_MAX 4.0

GtkWidget     *na_pdf_view_new              (void);
NaPdfDocument *na_pdf_view_get_document     (NaPdfView      *self);
void           na_pdf_view_set_document     (NaPdfView      *self,
                                             NaPdfDocument  *document);
double         na_pdf_view_get_zoom         (NaPdfView      *self);
void           na_pdf_view_set_zoom         (NaPdfView      *self,
                                             double          zoom);
NaPdfSizing    na_pdf_view_get_sizing       (NaPdfView      *self);
void           na_pdf_view_set_sizing       (NaPdfView      *self,
                                             NaPdfSizing     sizing);
void           na_pdf_view_zoom_in          (NaPdfView      *self);
void           na_pdf_view_zoom_out         (NaPdfView      *self);
int            na_pdf_view_get_page         (NaPdfView      *self);
void           na_pdf_view_scroll_to        (NaPdfView      *self,
                                             int             page,
                                             double          y);
void           na_pdf_view_set_highlights   (NaPdfView      *self,
                                             NaPdfHighlight  kind,
                                             GArray         *rects);
void           na_pdf_view_clear_notes      (NaPdfView      *self);
void           na_pdf_view_add_note         (NaPdfView      *self,
                                             GArray         *rects,
                                             const char     *text);
const char    *na_pdf_view_get_note_at      (NaPdfView      *self,
                                             int             page,
                                             double          x,
                                             double          y);
char          *na_pdf_view_dup_selection    (NaPdfView      *self);
gboolean       na_pdf_view_dup_selection_context (NaPdfView *self,
                                             char          **prefix,
                                             char          **suffix);
GArray        *na_pdf_view_dup_selection_rects (NaPdfView   *self,
                                             int            *page);
void           na_pdf_view_select           (NaPdfView      *self,
                                             int             page,
                                             int             start,
                                             int             end);
void           na_pdf_view_select_range     (NaPdfView      *self,
                                             int             first_page,
                                             int             start,
                                             int             last_page,
                                             int             end);
void           na_pdf_view_select_between   (NaPdfView      *self,
                                             int             page1,
                                             double          x1,
                                             double          y1,
                                             int             page2,
                                             double          x2,
                                             double          y2);
void           na_pdf_view_select_area      (NaPdfView      *self,
                                             int             page,
                                             double          x1,
                                             double          y1,
                                             double          x2,
                                             double          y2);
gboolean       na_pdf_view_activate_link_at (NaPdfView      *self,
                                             int             page,
                                             double          x,
                                             double          y);
guint          na_pdf_view_get_n_rendered   (NaPdfView      *self);
gsize          na_pdf_view_get_cache_bytes  (NaPdfView      *self);
guint          na_pdf_view_get_n_pending    (NaPdfView      *self);
gboolean       na_pdf_view_get_page_pixels  (NaPdfView      *self,
                                             int             page,
                                             int            *width,
                                             int            *height);
GdkTexture    *na_pdf_texture_new_for_surface (cairo_surface_t *surface);

G_END_DECLS
