/* na-essay-analysis.h — an essay's arguments grouped by question, with stance badges, and its
 * recommendations; each with its anchoring quote, the user's edits and "Restore Original" */
#pragma once

#include <adwaita.h>

#include "na-library.h"

G_BEGIN_DECLS

#define NA_TYPE_ESSAY_ANALYSIS (na_essay_analysis_get_type ())

G_DECLARE_FINAL_TYPE (NaEssayAnalysis, na_essay_analysis, NA, ESSAY_ANALYSIS, AdwBin)

void na_essay_analysis_set_essay   (NaEssayAnalysis *self,
                                    NaEssay         *essay);
void na_essay_analysis_set_library (NaEssayAnalysis *self,
                                    NaLibrary       *library);

G_END_DECLS
