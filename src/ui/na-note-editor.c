/* na-note-editor.c — a note's text, over several lines, in the note dialogs
 *
 * A note is a thought about a passage, often more than a line long: the dialogs that add one
 * in the Source view and edit one from the reader share this field rather than a one-line
 * entry. Enter starts a new line, so Ctrl+Enter does what Enter did in an entry: it activates
 * the dialog's default response (Add Note, Save).
 */
#define G_LOG_DOMAIN "na-note-editor"

#include "config.h"

#include "na-note-editor.h"

struct _NaNoteEditor
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkWidget   *box;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (NaNoteEditor, na_note_editor, GTK_TYPE_WIDGET)

GtkWidget *
na_note_editor_new (void)
{
  return g_object_new (NA_TYPE_NOTE_EDITOR, NULL);
}

/**
 * na_note_editor_dup_text:
 *
 * Returns: (transfer full): the note, without blank lines or spaces at either end
 */
char *
na_note_editor_dup_text (NaNoteEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (NA_IS_NOTE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
na_note_editor_set_text (NaNoteEditor *self,
                         const char   *text)
{
  g_return_if_fail (NA_IS_NOTE_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

/* Focus goes to the text, also through a label's mnemonic. */
static gboolean
na_note_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (NA_NOTE_EDITOR (widget)->text_view));
}

static void
na_note_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NA_TYPE_NOTE_EDITOR);

  G_OBJECT_CLASS (na_note_editor_parent_class)->dispose (object);
}

static void
na_note_editor_class_init (NaNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = na_note_editor_dispose;
  widget_class->grab_focus = na_note_editor_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/NatoAsia/na-note-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, NaNoteEditor, box);
  gtk_widget_class_bind_template_child (widget_class, NaNoteEditor, text_view);
}

static void
na_note_editor_init (NaNoteEditor *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Before the text view, which would take Ctrl+Enter for a new line. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                      gtk_named_action_new ("default.activate")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
