/* na-pdf-page-annotate.c — the Source view's side of the user's annotations: drawn and listed
 * from the user store, placed in the PDF when made in the reader, and the selection's actions
 * (highlight, note, copy, context menu, delete) */
#define G_LOG_DOMAIN "na-pdf-page"

#include "config.h"

#include <glib/gi18n.h>

#include "na-note-editor.h"
#include "na-pdf-page-private.h"

/* Where an annotation made in the reader is in this PDF: its quote found like an anchor's,
 * once per quote and document (the text must be extracted: not while resolving). A quote
 * found more than once is taken where its surroundings agree with those it was selected in,
 * else nearest its offset in the attached text, which roughly follows the PDF's text. */
static GArray *
place_quote (NaPdfPage    *self,
             NaAnnotation *a)
{
  NaPdfDocument *document = na_pdf_view_get_document (self->view);
  const char *quote = na_annotation_get_quote (a);
  g_autoptr(NaAnchor) anchor = NULL;
  g_autofree char *key = NULL;
  GArray *rects = NULL;

  if (quote == NULL || *quote == '\0' || document == NULL || self->resolving)
    return NULL;
  key = g_strdup_printf ("%d\n%s\n%s\n%s", na_annotation_get_start (a), quote,
                         na_annotation_get_prefix (a) ? na_annotation_get_prefix (a) : "",
                         na_annotation_get_suffix (a) ? na_annotation_get_suffix (a) : "");
  if ((rects = g_hash_table_lookup (self->placed, key)) != NULL)
    return rects->len > 0 ? rects : NULL;
  anchor = na_anchor_new ();
  na_anchor_set_exact (anchor, quote);
  na_anchor_set_prefix (anchor, na_annotation_get_prefix (a));
  na_anchor_set_suffix (anchor, na_annotation_get_suffix (a));
  na_anchor_set_start (anchor, na_annotation_get_start (a));
  if (na_pdf_document_resolve_anchor (document, anchor, &rects) != NA_ANCHOR_STATUS_RESOLVED)
    g_clear_pointer (&rects, g_array_unref);
  if (rects == NULL)
    rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
  g_hash_table_replace (self->placed, g_steal_pointer (&key), rects);
  return rects->len > 0 ? rects : NULL;
}

/* What a row of the side list says of one of the user's annotations. */
static char *
dup_annotation_label (NaAnnotation *a)
{
  const char *quote = na_annotation_get_quote (a) ? na_annotation_get_quote (a) : "";

  switch (na_annotation_get_kind (a))
    {
    case NA_ANNOTATION_ARGUMENT:
      /* Translators: the user's own argument: its stance, claim, then the passage */
      return g_strdup_printf (_("%s: %s — “%s”"),
                              na_stance_to_label (na_annotation_get_stance (a)),
                              na_annotation_get_claim (a) ? na_annotation_get_claim (a) : "",
                              quote);
    case NA_ANNOTATION_RECOMMENDATION:
      /* Translators: the user's own recommendation: who, what, then the passage */
      return g_strdup_printf (_("%s: %s — “%s”"),
                              na_actor_to_label (na_annotation_get_actor (a)),
                              na_annotation_get_action (a) ? na_annotation_get_action (a) : "",
                              quote);
    case NA_ANNOTATION_HIGHLIGHT:
    default:
      /* Translators: a passage the user highlighted, then the user's note on it */
      return na_annotation_get_note (a) ? g_strdup_printf (_("“%s” — %s"), quote,
                                                           na_annotation_get_note (a))
                                        : g_strdup_printf (_("“%s”"), quote);
    }
}

/* The user's annotations of the essay, from the store: those made here with their own
 * rectangles, those made in the reader where their quote is found; drawn in the user's
 * colour and listed after the anchors. */
void
_na_pdf_page_show_user_highlights (NaPdfPage *self)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
  g_autoptr(GListModel) notes = NULL;
  const char *essay_id = self->essay ? na_essay_get_id (self->essay) : NULL;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->anchors_list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (g_object_get_data (G_OBJECT (child), "user") != NULL)
        gtk_list_box_remove (self->anchors_list, child);
      child = next;
    }

  na_pdf_view_clear_notes (self->view);
  if (self->is_attachment && self->store != NULL && essay_id != NULL)
    notes = na_user_store_dup_annotations_for_essay (self->store, essay_id);
  for (guint i = 0; notes && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (notes, i);
      GArray *rects = na_annotation_get_rects (a);
      g_autofree char *prefix = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row;
      int page;

      if (rects == NULL)
        rects = place_quote (self, a);
      if (rects == NULL && na_annotation_get_page (a) < 0)
        {
          /* Made in the reader, and not (or not yet) found here. */
          if (self->resolving)
            continue;
          prefix = g_strdup (_("not found"));
          page = -1;
        }
      else
        {
          page = rects ? g_array_index (rects, NaPdfRect, 0).page : na_annotation_get_page (a);
          prefix = g_strdup_printf (_("p. %d"), page + 1);
        }
      if (rects != NULL)
        g_array_append_vals (all, rects->data, rects->len);
      /* A note shows on the page too: a marker by the passage, the note as its tooltip. */
      if (rects != NULL && na_annotation_get_kind (a) == NA_ANNOTATION_HIGHLIGHT
          && na_annotation_get_note (a) != NULL && *na_annotation_get_note (a) != '\0')
        na_pdf_view_add_note (self->view, rects, na_annotation_get_note (a));
      label = dup_annotation_label (a);
      row = _na_pdf_page_jump_row_new (prefix, label, page,
                          rects ? g_array_index (rects, NaPdfRect, 0).y1 : 0, 0);
      g_object_set_data (G_OBJECT (row), "user", GINT_TO_POINTER (1));
      g_object_set_data_full (G_OBJECT (row), "annotation-id",
                              g_strdup (na_annotation_get_id (a)), g_free);
      gtk_widget_add_css_class (row, "user-highlight");
      gtk_widget_set_tooltip_text (row, _("Your annotation (Delete removes it)"));
      gtk_list_box_append (self->anchors_list, row);
    }
  na_pdf_view_set_highlights (self->view, NA_PDF_HIGHLIGHT_USER, all);
}

/**
 * na_pdf_page_dup_selection_annotation:
 *
 * A new annotation of @kind on the selected passage of the essay's attached PDF: its text as
 * the quote, its page and its rectangles (which may run over several pages). Not yet stored.
 *
 * Returns: (transfer full) (nullable): %NULL when nothing is selected in the attachment
 */
NaAnnotation *
na_pdf_page_dup_selection_annotation (NaPdfPage        *self,
                                      NaAnnotationKind  kind)
{
  g_autoptr(GArray) rects = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  NaAnnotation *a;
  int page;

  g_return_val_if_fail (NA_IS_PDF_PAGE (self), NULL);

  if (!self->is_attachment || self->essay == NULL
      || (rects = na_pdf_view_dup_selection_rects (self->view, &page)) == NULL
      || (text = na_pdf_view_dup_selection (self->view)) == NULL)
    return NULL;

  /* One line of quote, as the reader's passages are matched: line ends are spaces. */
  g_strdelimit (text, "\n\r\f\t", ' ');
  a = na_annotation_new (kind);
  na_annotation_set_essay_id (a, na_essay_get_id (self->essay));
  na_annotation_set_quote (a, g_strstrip (text));
  if (na_pdf_view_dup_selection_context (self->view, &prefix, &suffix))
    {
      na_annotation_set_prefix (a, *prefix != '\0' ? prefix : NULL);
      na_annotation_set_suffix (a, *suffix != '\0' ? suffix : NULL);
    }
  na_annotation_set_page (a, rects->len > 0 ? g_array_index (rects, NaPdfRect, 0).page : page);
  na_annotation_set_rects (a, rects);
  return a;
}

/* After the selection became an annotation: it shows as one, no longer as a selection. */
void
na_pdf_page_clear_selection (NaPdfPage *self)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));

  na_pdf_view_select (self->view, -1, 0, 0);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "anchors");
}

/**
 * na_pdf_page_highlight_selection:
 * @note: (nullable): a note to keep with it
 *
 * Keeps the selected passage, with its page and rectangles, in the user store (one undo step).
 *
 * Returns: whether there was a selection in the essay's attached PDF to keep
 */
gboolean
na_pdf_page_highlight_selection (NaPdfPage  *self,
                                 const char *note)
{
  g_autoptr(NaAnnotation) a = NULL;

  g_return_val_if_fail (NA_IS_PDF_PAGE (self), FALSE);

  if (self->store == NULL
      || (a = na_pdf_page_dup_selection_annotation (self, NA_ANNOTATION_HIGHLIGHT)) == NULL)
    return FALSE;

  na_annotation_set_color (a, "yellow");
  na_annotation_set_note (a, note && *note ? note : NULL);
  na_user_store_add_annotation (self->store, a);
  na_pdf_page_clear_selection (self);
  return TRUE;
}

static void
note_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NaPdfPage        *self)
{
  NaNoteEditor *editor = g_object_get_data (G_OBJECT (dialog), "note");

  if (g_strcmp0 (response, "add") == 0)
    {
      g_autofree char *note = na_note_editor_dup_text (editor);

      /* In the window, the passage is also placed in the essay's attached text; the window
       * clears the selection once the note is stored. A selection still there (no window, or
       * one that could not take it) is stored here, so the note is never dropped. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.add-note", "s", note ? note : "");
      na_pdf_page_highlight_selection (self, note);
    }
}

static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NaPdfPage *self = NA_PDF_PAGE (widget);
  g_autofree char *text = na_pdf_view_dup_selection (self->view);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *editor;

  if (text == NULL || !self->is_attachment || self->store == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (g_str_equal (action_name, "pdf-page.highlight") || !GTK_IS_WINDOW (root))
    {
      /* In the window, as the reader's Ctrl+H does: the passage is then also placed in the
       * essay's attached text. */
      if (!gtk_widget_activate_action (widget, "win.add-highlight", "s", "yellow"))
        na_pdf_page_highlight_selection (self, NULL);
      return;
    }

  g_strdelimit (text, "\n\r\f\t", ' ');
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Add a Note"), g_strstrip (text));
  /* Several lines, as the reader's Edit Annotation dialog has (Ctrl+Enter adds it). */
  editor = na_note_editor_new ();
  g_object_set_data (G_OBJECT (dialog), "note", editor);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), editor);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add Note"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  /* Nothing to add to once the page is gone (its window closed under the dialog). */
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_response_cb), self, 0);
  gtk_window_set_focus (GTK_WINDOW (dialog), editor);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
popup_context_menu (NaPdfPage *self,
                    double     x,
                    double     y)
{
  g_autofree char *text = na_pdf_view_dup_selection (self->view);

  /* The menu acts on a selection: without one there is nothing to offer. */
  if (text == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
context_click_cb (NaPdfPage       *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  double px, py;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->view), GTK_WIDGET (self), x, y,
                                         &px, &py))
    return;
  popup_context_menu (self, px, py);
}

/* Shift+F10 or the Menu key: the same menu, over the middle of the pages. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NaPdfPage *self = NA_PDF_PAGE (widget);
  double x, y;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->view), widget,
                                         gtk_widget_get_width (GTK_WIDGET (self->view)) / 2.0,
                                         gtk_widget_get_height (GTK_WIDGET (self->view)) / 3.0,
                                         &x, &y))
    return;
  popup_context_menu (self, x, y);
}

/* pdf-page.delete-annotation (s): one of the user's annotations, by id (Delete on its row in
 * the side list); one edit of the store, so Ctrl+Z brings it back. In a window, the window's
 * win.delete-annotation does it, which says so with Undo, as everywhere else. */
static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  NaPdfPage *self = NA_PDF_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->store == NULL || na_user_store_lookup_annotation (self->store, id) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_widget_activate_action (widget, "win.delete-annotation", "s", id);
  if (na_user_store_lookup_annotation (self->store, id) != NULL)
    na_user_store_remove_annotation (self->store, id);
}

static gboolean
delete_selected_row_cb (GtkWidget *list,
                        GVariant  *args,
                        gpointer   user_data)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  const char *id = row ? g_object_get_data (G_OBJECT (row), "annotation-id") : NULL;

  if (id == NULL)
    return FALSE;
  return gtk_widget_activate_action (list, "pdf-page.delete-annotation", "s", id);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action (GTK_WIDGET (NA_PDF_PAGE (widget)->view), "pdf.copy", NULL);
}

void
_na_pdf_page_annotate_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pdf-page.highlight", NULL, highlight_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.note", NULL, highlight_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.delete-annotation", "s",
                                   delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.context-menu", NULL,
                                   context_menu_action);
}

void
_na_pdf_page_annotate_init (NaPdfPage *self)
{
  /* Delete on one of the user's rows removes that annotation. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                        gtk_callback_action_new (delete_selected_row_cb, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->anchors_list), keys);
  }

  /* The selection's context menu: right click, Shift+F10, the Menu key. */
  self->context_menu = gtk_popover_menu_new_from_model (self->annotate_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect_object (click, "pressed", G_CALLBACK (context_click_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));
  }
}
