/* na-essay-page.h — the bibliographic page of one essay */
#pragma once

#include <adwaita.h>

#include "na-library.h"

G_BEGIN_DECLS

#define NA_TYPE_ESSAY_PAGE (na_essay_page_get_type ())

G_DECLARE_FINAL_TYPE (NaEssayPage, na_essay_page, NA, ESSAY_PAGE, AdwBin)

NaEssay *na_essay_page_get_essay   (NaEssayPage *self);
void     na_essay_page_set_essay   (NaEssayPage *self,
                                    NaEssay     *essay);
void     na_essay_page_set_library (NaEssayPage *self,
                                    NaLibrary   *library);

G_END_DECLS
