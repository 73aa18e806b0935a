/* na-window.h — the main window: the library list and the selected essay */
#pragma once

#include <adwaita.h>

#include "na-application.h"
#include "na-pdf-page.h"
#include "na-library.h"
#include "na-user-store.h"

G_BEGIN_DECLS

#define NA_TYPE_WINDOW (na_window_get_type ())

G_DECLARE_FINAL_TYPE (NaWindow, na_window, NA, WINDOW, AdwApplicationWindow)

NaWindow  *na_window_new            (NaApplication *application);
NaLibrary *na_window_get_library    (NaWindow      *self);
void       na_window_set_library    (NaWindow      *self,
                                     NaLibrary     *library);
void       na_window_load_bundled   (NaWindow      *self);
void       na_window_open_library   (NaWindow      *self,
                                     GFile         *file);
void       na_window_show_library_error (NaWindow   *self,
                                         const char *message);
NaPdfPage *na_window_get_pdf_page   (NaWindow      *self);
void       na_window_select_essay   (NaWindow      *self,
                                     const char    *essay_id);
void       na_window_add_toast      (NaWindow      *self,
                                     AdwToast      *toast);
/* na-window-reader.c */
void         na_window_set_user_store (NaWindow    *self,
                                       NaUserStore *store);
NaUserStore *na_window_get_user_store (NaWindow    *self);

G_END_DECLS
