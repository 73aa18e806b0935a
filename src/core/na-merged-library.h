/* na-merged-library.h — a library kept merged with the user's analysis as both change */
#pragma once

#include "na-library.h"
#include "na-user-store.h"

G_BEGIN_DECLS

#define NA_TYPE_MERGED_LIBRARY (na_merged_library_get_type ())

G_DECLARE_FINAL_TYPE (NaMergedLibrary, na_merged_library, NA, MERGED_LIBRARY, GObject)

NaMergedLibrary *na_merged_library_new            (void);
NaLibrary       *na_merged_library_get_library    (NaMergedLibrary *self);
void             na_merged_library_set_library    (NaMergedLibrary *self,
                                                   NaLibrary       *library);
NaUserStore     *na_merged_library_get_user_store (NaMergedLibrary *self);
void             na_merged_library_set_user_store (NaMergedLibrary *self,
                                                   NaUserStore     *store);
NaLibrary       *na_merged_library_get_merged     (NaMergedLibrary *self);

G_END_DECLS
