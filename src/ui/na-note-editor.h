/* na-note-editor.h — a note's text, over several lines, in the note dialogs */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NA_TYPE_NOTE_EDITOR (na_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (NaNoteEditor, na_note_editor, NA, NOTE_EDITOR, GtkWidget)

GtkWidget *na_note_editor_new      (void);
char      *na_note_editor_dup_text (NaNoteEditor *self);
void       na_note_editor_set_text (NaNoteEditor *self,
                                    const char   *text);

G_END_DECLS
