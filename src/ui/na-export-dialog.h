/* na-export-dialog.h — export a comparison summary, with a preview of what will be written */
#pragma once

#include <adwaita.h>

#include "na-comparison.h"

G_BEGIN_DECLS

#define NA_TYPE_EXPORT_DIALOG (na_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NaExportDialog, na_export_dialog, NA, EXPORT_DIALOG, AdwWindow)

NaExportDialog *na_export_dialog_new            (GtkWindow      *parent,
                                                 NaComparison   *comparison);
NaComparison   *na_export_dialog_get_comparison (NaExportDialog *self);
const char     *na_export_dialog_get_preview    (NaExportDialog *self);
void            na_export_dialog_set_notes      (NaExportDialog *self,
                                                 GHashTable     *notes);

G_END_DECLS
