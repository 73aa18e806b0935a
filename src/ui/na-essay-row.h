/* na-essay-row.h — one essay in the library list */
#pragma once

#include <gtk/gtk.h>

#include "na-essay.h"

G_BEGIN_DECLS

#define NA_TYPE_ESSAY_ROW (na_essay_row_get_type ())

G_DECLARE_FINAL_TYPE (NaEssayRow, na_essay_row, NA, ESSAY_ROW, GtkWidget)

NaEssay *na_essay_row_get_essay (NaEssayRow *self);
void     na_essay_row_set_essay (NaEssayRow *self,
                                 NaEssay    *essay);

G_END_DECLS
