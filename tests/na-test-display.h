/* na-test-display.h — what the display tests share: running the main loop for a while,
 * finding widgets, checking what is on screen, saving screenshots, isolating XDG */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        na_test_isolate_xdg               (void);
void        na_test_iterate                   (guint       ms);
void        na_test_iterate_until             (gboolean  (*done) (gpointer),
                                               gpointer    data);
GtkWidget  *na_test_find_widget               (GtkWidget  *widget,
                                               GType       type);
GtkWidget  *na_test_find_mapped               (GtkWidget  *widget,
                                               GType       type,
                                               guint      *count);
GtkWidget  *na_test_find_toplevel             (GType       type);
GtkWidget  *na_test_find_essay_list           (GtkWidget  *widget);
GtkWidget  *na_test_find_message_dialog       (const char *heading);
gboolean    na_test_message_dialog_shown      (gpointer    heading);
gboolean    na_test_has_mapped_label          (GtkWidget  *widget,
                                               const char *text);
gboolean    na_test_has_mapped_label_prefix   (GtkWidget  *widget,
                                               const char *prefix);
guint       na_test_count_mapped_labels       (GtkWidget  *widget,
                                               const char *text);
gboolean    na_test_wait_for_label            (GtkWidget  *widget,
                                               const char *text);
void        na_test_save_screenshot           (GtkWidget  *widget,
                                               const char *name);
void        na_test_save_device_screenshot    (GtkWidget  *widget,
                                               const char *name);
char       *na_test_read_clipboard            (GdkClipboard *clipboard);

/* For na_test_iterate_until() on an NaPdfPage (the Source view). */
gboolean    na_test_pdf_page_settled          (gpointer    page);
gboolean    na_test_pdf_page_shown            (gpointer    page);
gboolean    na_test_pdf_view_idle             (gpointer    page);

G_END_DECLS
