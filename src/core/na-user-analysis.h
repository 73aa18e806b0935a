/* na-user-analysis.h — the library as the user sees it: the bundled analysis with the user's
 * edits, their own essays, arguments and recommendations; and their notes, for exports */
#pragma once

#include "na-library.h"
#include "na-user-store.h"

G_BEGIN_DECLS

NaLibrary  *na_user_analysis_merge     (NaLibrary   *library,
                                        NaUserStore *store);
GHashTable *na_user_analysis_dup_notes (NaLibrary   *library,
                                        NaUserStore *store);

G_END_DECLS
