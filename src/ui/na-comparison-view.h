/* na-comparison-view.h — chosen essays side by side on chosen questions */
#pragma once

#include <adwaita.h>

#include "na-comparison.h"
#include "na-user-store.h"

G_BEGIN_DECLS

#define NA_TYPE_COMPARISON_VIEW (na_comparison_view_get_type ())

G_DECLARE_FINAL_TYPE (NaComparisonView, na_comparison_view, NA, COMPARISON_VIEW, AdwBin)

GtkWidget    *na_comparison_view_new                    (void);
NaLibrary    *na_comparison_view_get_library            (NaComparisonView   *self);
void          na_comparison_view_set_library            (NaComparisonView   *self,
                                                         NaLibrary          *library);
NaUserStore  *na_comparison_view_get_user_store         (NaComparisonView   *self);
void          na_comparison_view_set_user_store         (NaComparisonView   *self,
                                                         NaUserStore        *store);
NaComparison *na_comparison_view_get_comparison         (NaComparisonView   *self);
gboolean      na_comparison_view_get_only_disagreements (NaComparisonView   *self);
void          na_comparison_view_set_only_disagreements (NaComparisonView   *self,
                                                         gboolean            only_disagreements);
void          na_comparison_view_choose_essays          (NaComparisonView   *self,
                                                         const char * const *essay_ids);

G_END_DECLS
