/* na-window-annotate.c — the window's annotation actions: highlights, notes and tags, the
 * user's own arguments and recommendations, versions of bundled arguments, undo and redo.
 * The parametrised actions make the edit; the dialogs only collect what to pass them. */
#define G_LOG_DOMAIN "na-window"

#include "config.h"

#include <glib/gi18n.h>

#include "na-note-editor.h"
#include "na-pdf-page.h"
#include "na-text-index.h"
#include "na-util.h"
#include "na-window-reader-private.h"

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Reads a Countries field into ISO alpha-3 codes (@codes, optional). Returns FALSE when an
 * entry names no country or several; then @problem (optional) says which, to be shown under
 * the field: nothing is stored that the map and the exports would take for a code. */
static gboolean
read_countries (NaWindowReader   *self,
                const char       *text,
                char           ***codes,
                char            **problem)
{
  GListModel *known = self->library ? na_library_get_countries (self->library) : NULL;
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) ambiguous = NULL;
  g_auto(GStrv) parsed = na_country_parse_list (text, known, &unknown, &ambiguous);
  g_autoptr(GString) message = NULL;
  guint n_unknown, n_ambiguous;

  n_unknown = g_strv_length (unknown);
  n_ambiguous = g_strv_length (ambiguous);
  if (n_unknown == 0 && n_ambiguous == 0)
    {
      if (codes != NULL)
        *codes = g_steal_pointer (&parsed);
      return TRUE;
    }
  if (problem == NULL)
    return FALSE;

  message = g_string_new (NULL);
  if (n_unknown > 0)
    {
      g_autofree char *list = g_strjoinv (", ", unknown);

      /* Translators: entries of the Countries field that are no country's code or name */
      g_string_append_printf (message, ngettext ("Unknown country: %s",
                                                 "Unknown countries: %s", n_unknown), list);
    }
  if (n_ambiguous > 0)
    {
      g_autofree char *list = g_strjoinv (", ", ambiguous);

      if (message->len > 0)
        g_string_append_c (message, '\n');
      /* Translators: entries of the Countries field that could be several countries
       * ("Korea"); a code (KOR, PRK) says which */
      g_string_append_printf (message, ngettext ("Ambiguous, type a code: %s",
                                                 "Ambiguous, type codes: %s", n_ambiguous),
                              list);
    }
  *problem = g_string_free (g_steal_pointer (&message), FALSE);
  return FALSE;
}

/* How far into the PDF's text the passage of @a is, from 0 to 1 (-1 if unknown): where to
 * look first in the attached text when the quote is there more than once. */
static double
position_in_pdf (NaPdfPage    *page,
                 NaAnnotation *a)
{
  NaPdfDocument *document = na_pdf_view_get_document (na_pdf_page_get_view (page));
  GArray *rects = na_annotation_get_rects (a);
  int n_pages, first, total, start, end;

  /* The PDF's text is extracted in a worker thread: not waited for here. */
  if (document == NULL || na_pdf_page_get_busy (page) || rects == NULL || rects->len == 0)
    return -1;
  n_pages = na_pdf_document_get_n_pages (document);
  first = g_array_index (rects, NaPdfRect, 0).page;
  total = na_pdf_document_get_page_offset (document, n_pages);
  if (total <= 0)
    return -1;
  /* The quote in the text of its first page (a passage running over the page break is not
   * all there: then the page's end stands for it). */
  start = na_pdf_document_get_page_offset (document, first + 1);
  {
    g_autoptr(NaTextIndex) index =
      na_text_index_new (na_pdf_document_get_page_text (document, first), -1);
    int in_page;

    if (na_text_index_find (index, na_annotation_get_quote (a), NULL, NULL, 0, &in_page, &end)
        == NA_ANCHOR_STATUS_RESOLVED)
      start = na_pdf_document_get_page_offset (document, first) + in_page;
  }
  return (double) start / total;
}

/* An annotation made in the PDF shows in the reader too: where the essay's text (when loaded)
 * holds its quote, found tolerantly like an anchor, it gets that range. Otherwise the reader
 * looks for the quote itself when it opens, and lists it with its page if it is not there. */
static void
place_in_text (NaWindowReader *self,
               NaAnnotation   *a,
               double          position)
{
  const char *text = g_hash_table_lookup (self->texts, na_annotation_get_essay_id (a));
  g_autoptr(NaTextIndex) index = NULL;
  int start, end, hint;

  if (text == NULL || na_annotation_get_quote (a) == NULL)
    return;
  index = na_text_index_new (text, -1);
  /* A quote found more than once: where the surroundings agree with the PDF's, else the
   * place nearest its position in the PDF. */
  hint = position >= 0 ? (int) (position * g_utf8_strlen (text, -1)) : -1;
  if (na_text_index_find_quote (index, na_annotation_get_quote (a), na_annotation_get_prefix (a),
                                na_annotation_get_suffix (a), hint, &start, &end)
      == NA_ANCHOR_STATUS_RESOLVED)
    na_annotation_set_range (a, start, end);
}

/* A new annotation on the selection: the reader's, or the Source view's (with page and
 * rectangles); NULL (and a toast-free beep) when none. */
static NaAnnotation *
annotation_for_selection (NaWindowReader   *self,
                          NaAnnotationKind  kind)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  NaPdfPage *pdf_page = _na_window_reader_visible_pdf_page (self);
  NaAnnotation *a;
  int start, end;

  if (self->store != NULL && pdf_page != NULL
      && (a = na_pdf_page_dup_selection_annotation (pdf_page, kind)) != NULL)
    {
      place_in_text (self, a, position_in_pdf (pdf_page, a));
      return a;
    }
  if (self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->w.reader))
      || !na_reader_get_selection (self->w.reader, &start, &end, &quote) || start == end)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->window));
      return NULL;
    }
  a = na_annotation_new (kind);
  na_annotation_set_essay_id (a, na_essay_get_id (na_reader_get_essay (self->w.reader)));
  na_annotation_set_range (a, start, end);
  na_annotation_set_quote (a, quote);
  if (na_reader_dup_selection_context (self->w.reader, &prefix, &suffix))
    {
      na_annotation_set_prefix (a, *prefix != '\0' ? prefix : NULL);
      na_annotation_set_suffix (a, *suffix != '\0' ? suffix : NULL);
    }
  return a;
}

/* Stores @a; a selection in the Source view gives way to the annotation drawn there. */
static void
add_annotation (NaWindowReader *self,
                NaAnnotation   *a)
{
  NaPdfPage *pdf_page = _na_window_reader_visible_pdf_page (self);

  na_user_store_add_annotation (self->store, a);
  if (pdf_page != NULL && na_annotation_get_rects (a) != NULL)
    na_pdf_page_clear_selection (pdf_page);
}

static void
add_highlight_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  g_autoptr(NaAnnotation) a = annotation_for_selection (self, NA_ANNOTATION_HIGHLIGHT);

  if (a == NULL)
    return;
  na_annotation_set_color (a, g_variant_get_string (parameter, NULL));
  add_annotation (self, a);
}

/* win.add-note: the selection, the reader's or the Source view's, kept with a note; from the
 * Source view, also placed in the essay's attached text, as win.add-highlight does. */
static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  g_autoptr(NaAnnotation) a = annotation_for_selection (self, NA_ANNOTATION_HIGHLIGHT);
  const char *note = g_variant_get_string (parameter, NULL);

  if (a == NULL)
    return;
  na_annotation_set_color (a, "yellow");
  na_annotation_set_note (a, *note != '\0' ? note : NULL);
  add_annotation (self, a);
}

static void
add_argument_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  g_autoptr(NaAnnotation) a = NULL;
  const char *question, *stance, *claim, *countries;
  g_auto(GStrv) codes = NULL;
  int value = NA_STANCE_NEUTRAL;

  g_variant_get (parameter, "(&s&s&s&s)", &question, &stance, &claim, &countries);
  /* The dialog offers Mark only for a claim and known countries; other callers get a beep. */
  if (is_blank (claim) || !read_countries (self, countries, &codes, NULL))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if ((a = annotation_for_selection (self, NA_ANNOTATION_ARGUMENT)) == NULL)
    return;
  na_enum_from_nick (NA_TYPE_STANCE, stance, &value);
  na_annotation_set_question_id (a, *question ? question : NULL);
  na_annotation_set_stance (a, value);
  na_annotation_set_claim (a, claim);
  na_annotation_set_countries (a, (const char * const *) codes);
  add_annotation (self, a);
}

static void
add_recommendation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  g_autoptr(NaAnnotation) a = NULL;
  const char *actor, *action, *countries;
  g_auto(GStrv) codes = NULL;
  int value = NA_ACTOR_NATO;

  g_variant_get (parameter, "(&s&s&s)", &actor, &action, &countries);
  if (is_blank (action) || !read_countries (self, countries, &codes, NULL))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if ((a = annotation_for_selection (self, NA_ANNOTATION_RECOMMENDATION)) == NULL)
    return;
  na_enum_from_nick (NA_TYPE_ACTOR, actor, &value);
  na_annotation_set_actor (a, value);
  na_annotation_set_action (a, action);
  na_annotation_set_countries (a, (const char * const *) codes);
  add_annotation (self, a);
}

/* win.set-annotation (ssss): id, note (or claim, or action), tags separated by commas, and
 * the colour of a highlight ("" keeps it); one edit, one undo step. */
static void
set_annotation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  const char *id, *note, *tags, *color;
  g_autoptr(NaAnnotation) edited = NULL;
  g_auto(GStrv) list = NULL;
  NaAnnotation *a;

  g_variant_get (parameter, "(&s&s&s&s)", &id, &note, &tags, &color);
  if (self->store == NULL || (a = na_user_store_lookup_annotation (self->store, id)) == NULL)
    return;
  /* A note may go; an argument's claim or a recommendation's action may not. */
  if (na_annotation_get_kind (a) != NA_ANNOTATION_HIGHLIGHT && is_blank (note))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  edited = na_annotation_copy (a);
  list = na_split_list (tags);
  if (na_annotation_get_kind (a) == NA_ANNOTATION_ARGUMENT)
    na_annotation_set_claim (edited, note);
  else if (na_annotation_get_kind (a) == NA_ANNOTATION_RECOMMENDATION)
    na_annotation_set_action (edited, note);
  else
    na_annotation_set_note (edited, *note ? note : NULL);
  na_annotation_set_tags (edited, (const char * const *) list);
  if (*color != '\0')
    na_annotation_set_color (edited, color);
  na_user_store_replace_annotation (self->store, edited);
}

/* win.delete-annotation (s): deletes one of the user's annotations at once, and says so with
 * Undo at hand, as GNOME apps do rather than asking first. */
static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  NaAnnotation *a;
  const char *title;
  AdwToast *toast;

  if (self->store == NULL || (a = na_user_store_lookup_annotation (self->store, id)) == NULL)
    return;
  switch (na_annotation_get_kind (a))
    {
    case NA_ANNOTATION_ARGUMENT:
      title = _("Argument deleted");
      break;
    case NA_ANNOTATION_RECOMMENDATION:
      title = _("Recommendation deleted");
      break;
    case NA_ANNOTATION_HIGHLIGHT:
    default:
      title = na_annotation_get_note (a) ? _("Note deleted") : _("Highlight deleted");
      break;
    }
  if (!na_user_store_remove_annotation (self->store, id))
    return;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  na_window_add_toast (self->window, toast);
}

/* win.override-argument (sss): a bundled argument's id, the user's stance and claim. */
static void
override_argument_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  g_autoptr(NaAnnotation) over = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  const char *id, *stance, *claim;
  NaArgument *arg;
  int value;

  g_variant_get (parameter, "(&s&s&s)", &id, &stance, &claim);
  if (self->store == NULL || self->library == NULL
      || (arg = na_library_lookup_argument (self->library, id)) == NULL)
    return;
  if (!na_enum_from_nick (NA_TYPE_STANCE, stance, &value))
    value = na_argument_get_stance (arg);
  na_annotation_set_id (over, id);
  na_annotation_set_essay_id (over, na_argument_get_essay_id (arg));
  na_annotation_set_question_id (over, na_argument_get_question_id (arg));
  na_annotation_set_stance (over, value);
  na_annotation_set_claim (over, *claim ? claim : na_argument_get_claim (arg));
  na_user_store_set_override (self->store, over);
}

/* win.override-recommendation (sss): a bundled recommendation's id, the user's actor (nick)
 * and action; kept as an override like an edited argument. */
static void
override_recommendation_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  g_autoptr(NaAnnotation) over = na_annotation_new (NA_ANNOTATION_RECOMMENDATION);
  const char *id, *actor, *action;
  NaRecommendation *rec;
  int value;

  g_variant_get (parameter, "(&s&s&s)", &id, &actor, &action);
  if (self->store == NULL || self->library == NULL
      || (rec = na_library_lookup_recommendation (self->library, id)) == NULL)
    return;
  if (!na_enum_from_nick (NA_TYPE_ACTOR, actor, &value))
    value = na_recommendation_get_actor (rec);
  na_annotation_set_id (over, id);
  na_annotation_set_essay_id (over, na_recommendation_get_essay_id (rec));
  na_annotation_set_question_id (over, na_recommendation_get_question_id (rec));
  na_annotation_set_countries (over, na_recommendation_get_countries (rec));
  na_annotation_set_actor (over, value);
  na_annotation_set_action (over, *action ? action : na_recommendation_get_action (rec));
  na_user_store_set_override (self->store, over);
}

static void
restore_original_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);

  if (self->store != NULL)
    na_user_store_restore_original (self->store, g_variant_get_string (parameter, NULL));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);

  if (self->store != NULL)
    na_user_store_undo (self->store);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);

  if (self->store != NULL)
    na_user_store_redo (self->store);
}

/* Dialogs */

static const char *color_names[] = { "yellow", "green", "blue", "red", "purple" };

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NaWindowReader   *self)
{
  GtkWidget *note = g_object_get_data (G_OBJECT (dialog), "note");
  GtkEditable *tags = g_object_get_data (G_OBJECT (dialog), "tags");
  GtkDropDown *color = g_object_get_data (G_OBJECT (dialog), "color");
  const char *id = g_object_get_data (G_OBJECT (dialog), "id");
  guint pos = color ? gtk_drop_down_get_selected (color) : G_N_ELEMENTS (color_names);
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  /* A highlight's note, on several lines; an argument's claim or a recommendation's action. */
  text = NA_IS_NOTE_EDITOR (note) ? na_note_editor_dup_text (NA_NOTE_EDITOR (note))
                                  : g_strdup (gtk_editable_get_text (GTK_EDITABLE (note)));
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.set-annotation", "(ssss)", id,
                              text, gtk_editable_get_text (tags),
                              pos < G_N_ELEMENTS (color_names) ? color_names[pos] : "");
}

/* A highlight's note in a form: a text of several lines under its label, shared with the
 * Source view's Add a Note dialog. */
static GtkWidget *
form_note (GtkWidget  *grid,
           int         row,
           const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Note"));
  GtkWidget *editor = na_note_editor_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), editor);
  na_note_editor_set_text (NA_NOTE_EDITOR (editor), text);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), editor, 1, row, 1, 1);
  return editor;
}

/* Keeps the dialog's @response (the data) offered only while @editable says something. */
static void
require_text_cb (GtkEditable *editable,
                 const char  *response)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (editable), ADW_TYPE_MESSAGE_DIALOG);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response,
                                           !is_blank (gtk_editable_get_text (editable)));
}

static void
edit_annotation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const char * const *tags;
  g_autofree char *tags_text = NULL;
  GtkWidget *dialog, *grid, *note, *tag_entry;
  NaAnnotation *a;
  NaAnnotationKind kind;

  if (self->store == NULL || (a = na_user_store_lookup_annotation (self->store, id)) == NULL)
    return;
  kind = na_annotation_get_kind (a);
  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Edit Annotation"),
                                   na_annotation_get_quote (a));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  if (kind == NA_ANNOTATION_HIGHLIGHT)
    note = form_note (grid, 0, na_annotation_get_note (a));
  else
    {
      note = _na_window_form_entry (grid, 0, kind == NA_ANNOTATION_ARGUMENT ? _("_Claim")
                                                                           : _("_Action"), "");
      gtk_editable_set_text (GTK_EDITABLE (note), kind == NA_ANNOTATION_ARGUMENT
                                                  ? na_annotation_get_claim (a)
                                                  : na_annotation_get_action (a));
    }
  tag_entry = _na_window_form_entry (grid, 1, _("_Tags"), _("Separated by commas"));
  tags = na_annotation_get_tags (a);
  tags_text = tags ? g_strjoinv (", ", (char **) tags) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (tag_entry), tags_text);
  if (kind == NA_ANNOTATION_HIGHLIGHT)
    {
      const char *labels[] = { _("Yellow"), _("Green"), _("Blue"), _("Red"), _("Purple"), NULL };
      GtkWidget *color = _na_window_form_dropdown (grid, 2, _("C_olor"), labels);

      for (guint i = 0; i < G_N_ELEMENTS (color_names); i++)
        if (g_strcmp0 (na_annotation_get_color (a), color_names[i]) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (color), i);
      g_object_set_data (G_OBJECT (dialog), "color", color);
    }
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_object_set_data (G_OBJECT (dialog), "tags", tag_entry);
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (id), g_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  if (kind != NA_ANNOTATION_HIGHLIGHT)
    g_signal_connect (note, "changed", G_CALLBACK (require_text_cb), (gpointer) "save");
  g_signal_connect (dialog, "response", G_CALLBACK (edit_response_cb), self);
  gtk_window_set_focus (GTK_WINDOW (dialog), note);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
_na_window_form_dropdown (GtkWidget          *grid,
                          int                 row,
                          const char         *label_text,
                          const char * const *items)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), dropdown, 1, row, 1, 1);
  return dropdown;
}

static void
mark_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NaWindowReader   *self)
{
  GtkDropDown *first = g_object_get_data (G_OBJECT (dialog), "first");
  GtkDropDown *stance = g_object_get_data (G_OBJECT (dialog), "stance");
  GtkEditable *text = g_object_get_data (G_OBJECT (dialog), "text");
  GtkEditable *countries = g_object_get_data (G_OBJECT (dialog), "countries");
  guint pos = gtk_drop_down_get_selected (first);

  if (g_strcmp0 (response, "mark") != 0)
    return;
  if (stance != NULL)
    {
      const char *question = pos + 1 < self->question_ids->len
                             ? self->question_ids->pdata[pos + 1] : "";

      gtk_widget_activate_action (GTK_WIDGET (self->window), "win.add-argument", "(ssss)",
                                  question,
                                  na_enum_to_nick (NA_TYPE_STANCE,
                                                   gtk_drop_down_get_selected (stance)),
                                  gtk_editable_get_text (text),
                                  gtk_editable_get_text (countries));
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.add-recommendation", "(sss)",
                                na_enum_to_nick (NA_TYPE_ACTOR, pos),
                                gtk_editable_get_text (text),
                                gtk_editable_get_text (countries));
}

/* Mark is offered once the claim (or action) says something and each country is known; what
 * is not shows under the Countries field. */
static void
update_mark_form (AdwMessageDialog *dialog,
                  NaWindowReader   *self)
{
  GtkEditable *text = g_object_get_data (G_OBJECT (dialog), "text");
  GtkWidget *countries = g_object_get_data (G_OBJECT (dialog), "countries");
  GtkWidget *problem_label = g_object_get_data (G_OBJECT (dialog), "countries-problem");
  g_autofree char *problem = NULL;
  gboolean known = read_countries (self, gtk_editable_get_text (GTK_EDITABLE (countries)),
                                   NULL, &problem);

  gtk_label_set_text (GTK_LABEL (problem_label), problem ? problem : "");
  gtk_widget_set_visible (problem_label, !known);
  if (known)
    gtk_widget_remove_css_class (countries, "error");
  else
    gtk_widget_add_css_class (countries, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (countries), GTK_ACCESSIBLE_STATE_INVALID,
                               known ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  adw_message_dialog_set_response_enabled (dialog, "mark",
                                           known && !is_blank (gtk_editable_get_text (text)));
}

static void
mark_form_changed_cb (GtkEditable    *editable,
                      NaWindowReader *self)
{
  update_mark_form (ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (editable),
                                                                 ADW_TYPE_MESSAGE_DIALOG)),
                    self);
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  gboolean argument = g_str_equal (action_name, "win.mark-argument");
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  g_autofree char *quote = NULL;
  g_autoptr(NaAnnotation) in_pdf = NULL;
  NaPdfPage *pdf_page = _na_window_reader_visible_pdf_page (self);
  GtkWidget *dialog, *grid, *text, *countries, *problem_label;
  int start, end;

  /* The same dialog for a passage selected in the Source view: win.add-argument and
   * win.add-recommendation take the selection from whichever view shows. */
  if (pdf_page != NULL
      && (in_pdf = na_pdf_page_dup_selection_annotation (pdf_page, NA_ANNOTATION_HIGHLIGHT)))
    quote = g_strdup (na_annotation_get_quote (in_pdf));
  else if (!gtk_widget_get_mapped (GTK_WIDGET (self->w.reader))
           || !na_reader_get_selection (self->w.reader, &start, &end, &quote))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window),
                                   argument ? _("Mark as Argument")
                                            : _("Mark as Recommendation"), quote);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  if (argument)
    {
      GListModel *questions = self->library ? na_library_get_questions (self->library) : NULL;
      const char *stances[] = { na_stance_to_label (NA_STANCE_SUPPORTS),
                                na_stance_to_label (NA_STANCE_OPPOSES),
                                na_stance_to_label (NA_STANCE_MIXED),
                                na_stance_to_label (NA_STANCE_NEUTRAL), NULL };

      for (guint i = 0; questions && i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(NaQuestion) q = g_list_model_get_item (questions, i);

          g_strv_builder_add (b, na_question_get_title (q));
        }
      items = g_strv_builder_end (b);
      g_object_set_data (G_OBJECT (dialog), "first",
                         _na_window_form_dropdown (grid, 0, _("_Question"),
                                                   (const char * const *) items));
      g_object_set_data (G_OBJECT (dialog), "stance",
                         _na_window_form_dropdown (grid, 1, _("_Stance"), stances));
      text = _na_window_form_entry (grid, 2, _("_Claim"), "");
    }
  else
    {
      for (int actor = NA_ACTOR_NATO; actor <= NA_ACTOR_OTHER; actor++)
        g_strv_builder_add (b, na_actor_to_label (actor));
      items = g_strv_builder_end (b);
      g_object_set_data (G_OBJECT (dialog), "first",
                         _na_window_form_dropdown (grid, 0, _("_Who"),
                                                   (const char * const *) items));
      text = _na_window_form_entry (grid, 2, _("_Action"), "");
    }
  countries = _na_window_form_entry (grid, 3, _("C_ountries"),
                                     _("Codes or names, e.g. JPN, South Korea"));
  problem_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (problem_label), 0);
  gtk_label_set_wrap (GTK_LABEL (problem_label), TRUE);
  gtk_widget_add_css_class (problem_label, "caption");
  gtk_widget_add_css_class (problem_label, "error");
  gtk_grid_attach (GTK_GRID (grid), problem_label, 1, 4, 1, 1);
  g_object_set_data (G_OBJECT (dialog), "text", text);
  g_object_set_data (G_OBJECT (dialog), "countries", countries);
  g_object_set_data (G_OBJECT (dialog), "countries-problem", problem_label);
  g_signal_connect (text, "changed", G_CALLBACK (mark_form_changed_cb), self);
  g_signal_connect (countries, "changed", G_CALLBACK (mark_form_changed_cb), self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "mark", _("_Mark"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mark",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  update_mark_form (ADW_MESSAGE_DIALOG (dialog), self);
  g_signal_connect (dialog, "response", G_CALLBACK (mark_response_cb), self);
  /* What the user writes first is the claim (or action); the drop-downs have defaults. */
  gtk_window_set_focus (GTK_WINDOW (dialog), text);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_item_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       NaWindowReader   *self)
{
  GtkDropDown *first = g_object_get_data (G_OBJECT (dialog), "first");
  GtkEditable *text = g_object_get_data (G_OBJECT (dialog), "text");
  const char *id = g_object_get_data (G_OBJECT (dialog), "id");
  gboolean argument = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "argument"));
  guint selected = gtk_drop_down_get_selected (first);

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (argument)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.override-argument", "(sss)", id,
                                na_enum_to_nick (NA_TYPE_STANCE, selected),
                                gtk_editable_get_text (text));
  else
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.override-recommendation",
                                "(sss)", id, na_enum_to_nick (NA_TYPE_ACTOR, selected),
                                gtk_editable_get_text (text));
}

/* The Edit dialog's form: a drop-down (stance or actor) and a text (claim or action). */
static GtkWidget *
edit_item_dialog (NaWindowReader     *self,
                  const char         *id,
                  gboolean            argument,
                  const char * const *choices,
                  guint               selected,
                  const char         *text)
{
  GtkWidget *dialog, *grid, *first, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window),
                                   argument ? _("Edit Argument") : _("Edit Recommendation"),
                                   _("Your version is kept apart from the bundled analysis; "
                                     "“Restore Original” brings the original back."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  first = _na_window_form_dropdown (grid, 0, argument ? _("_Stance") : _("_Who"), choices);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (first), selected);
  entry = _na_window_form_entry (grid, 1, argument ? _("_Claim") : _("_Action"), "");
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  g_object_set_data (G_OBJECT (dialog), "first", first);
  g_object_set_data (G_OBJECT (dialog), "text", entry);
  g_object_set_data (G_OBJECT (dialog), "argument", GINT_TO_POINTER (argument));
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (id), g_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_signal_connect (dialog, "response", G_CALLBACK (edit_item_response_cb), self);
  return dialog;
}

/* win.edit-item (s): the user's version of a bundled argument or recommendation, kept apart
 * from the original. */
static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GtkWidget *dialog = NULL;
  NaAnnotation *over;
  NaArgument *arg;
  NaRecommendation *rec;

  if (self->store == NULL || self->library == NULL)
    return;
  over = na_user_store_lookup_override (self->store, id);
  if ((arg = na_library_lookup_argument (self->library, id)) != NULL)
    {
      const char *stances[] = { na_stance_to_label (NA_STANCE_SUPPORTS),
                                na_stance_to_label (NA_STANCE_OPPOSES),
                                na_stance_to_label (NA_STANCE_MIXED),
                                na_stance_to_label (NA_STANCE_NEUTRAL), NULL };

      dialog = edit_item_dialog (self, id, TRUE, stances,
                                 over ? na_annotation_get_stance (over)
                                      : na_argument_get_stance (arg),
                                 over ? na_annotation_get_claim (over)
                                      : na_argument_get_claim (arg));
    }
  else if ((rec = na_library_lookup_recommendation (self->library, id)) != NULL)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      g_auto(GStrv) actors = NULL;

      for (int actor = NA_ACTOR_NATO; actor <= NA_ACTOR_OTHER; actor++)
        g_strv_builder_add (b, na_actor_to_label (actor));
      actors = g_strv_builder_end (b);
      dialog = edit_item_dialog (self, id, FALSE, (const char * const *) actors,
                                 over ? na_annotation_get_actor (over)
                                      : na_recommendation_get_actor (rec),
                                 over ? na_annotation_get_action (over)
                                      : na_recommendation_get_action (rec));
    }
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

void
_na_window_annotate_update_undo (NaWindowReader *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "win.undo",
                                 self->store && na_user_store_can_undo (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "win.redo",
                                 self->store && na_user_store_can_redo (self->store));
}

void
_na_window_annotate_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-highlight", "s",
                                   add_highlight_action);
  gtk_widget_class_install_action (widget_class, "win.add-note", "s", add_note_action);
  gtk_widget_class_install_action (widget_class, "win.add-argument", "(ssss)",
                                   add_argument_action);
  gtk_widget_class_install_action (widget_class, "win.add-recommendation", "(sss)",
                                   add_recommendation_action);
  gtk_widget_class_install_action (widget_class, "win.mark-argument", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "win.mark-recommendation", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "win.set-annotation", "(ssss)",
                                   set_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.edit-annotation", "s",
                                   edit_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", "s",
                                   delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.override-argument", "(sss)",
                                   override_argument_action);
  gtk_widget_class_install_action (widget_class, "win.override-recommendation", "(sss)",
                                   override_recommendation_action);
  gtk_widget_class_install_action (widget_class, "win.edit-item", "s", edit_item_action);
  gtk_widget_class_install_action (widget_class, "win.restore-original", "s",
                                   restore_original_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
}
