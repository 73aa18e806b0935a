/* na-window-essay-form.c — the form that describes a new essay of the user's (title, authors,
 * date, venue, link), for a new essay from a text file and from a PDF. The date and the link
 * are checked as they are typed: one that names no real day or no web address marks its field,
 * says why, and keeps Add insensitive, so nothing is stored that the user did not mean. The
 * form stays open after Add until the essay is made: if that fails, it says why, with all that
 * was typed still there. */
#define G_LOG_DOMAIN "na-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "na-window-reader-private.h"

static const char * const field_keys[] = { "title", "authors", "date", "venue", "url" };

/* Why @text (trimmed) cannot be the essay's date, or NULL if it can; none is fine. */
static const char *
date_problem (const char *text)
{
  g_autoptr(NaDate) date = NULL;

  if (*text == '\0' || (date = na_date_new_from_iso (text)) != NULL)
    return NULL;
  return _("The date is not a real day, month or year: write it as YYYY-MM-DD, YYYY-MM or YYYY.");
}

/* Why @text (trimmed) cannot be the essay's link, or NULL if it can; none is fine. */
static const char *
url_problem (const char *text)
{
  if (*text == '\0' || na_essay_url_is_web (text))
    return NULL;
  return _("The link is not a web address: it starts with https:// or http://.");
}

/* The form's value for @key, without the spaces around it that a paste brings along. */
static char *
dup_field (GVariant   *form,
           const char *key)
{
  const char *value = NULL;

  g_variant_lookup (form, key, "&s", &value);
  return g_strstrip (g_strdup (value ? value : ""));
}

/* The user's essay the form describes: title (the file's name if none), authors ("Given
 * Family; Given Family"), date (YYYY[-MM[-DD]]), venue and link; NULL with @error if the date
 * or the link is not one. */
NaEssay *
_na_window_essay_from_form (GVariant    *form,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  g_autofree char *title = dup_field (form, "title");
  g_autofree char *authors = dup_field (form, "authors");
  g_autofree char *date = dup_field (form, "date");
  g_autofree char *venue = dup_field (form, "venue");
  g_autofree char *url = dup_field (form, "url");
  g_auto(GStrv) parts = NULL;
  const char *problem;

  if ((problem = date_problem (date)) != NULL || (problem = url_problem (url)) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, problem);
      return NULL;
    }

  if (*title == '\0')
    {
      g_autofree char *base = g_path_get_basename (path);

      na_essay_set_title (essay, base);
    }
  else
    na_essay_set_title (essay, title);
  /* "Given Family; Given Family": the last word is the family name. */
  parts = g_strsplit (authors, ";", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *name = g_strstrip (parts[i]);
      char *space = strrchr (name, ' ');

      if (*name == '\0')
        continue;
      if (space != NULL)
        {
          *space = '\0';
          g_ptr_array_add (names, na_name_new (space + 1, name, NULL));
        }
      else
        g_ptr_array_add (names, na_name_new (name, NULL, NULL));
    }
  na_essay_set_authors (essay, names);
  if (*date != '\0')
    {
      g_autoptr(NaDate) issued = na_date_new_from_iso (date);

      na_essay_set_issued (essay, issued);
    }
  na_essay_set_container_title (essay, *venue ? venue : NULL);
  na_essay_set_url (essay, *url ? url : NULL);
  return g_steal_pointer (&essay);
}

/* Whether @text, not a date, may still become one as the user types on ("201", "2013-"). */
static gboolean
date_unfinished (const char *text)
{
  static const char * const endings[] = { "0", "00", "000", "1", "01", "001" };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      g_autofree char *longer = g_strconcat (text, endings[i], NULL);
      g_autoptr(NaDate) date = na_date_new_from_iso (longer);

      if (date != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether @text, not a web address, may still become one as the user types on ("htt",
 * "https://"). */
static gboolean
url_unfinished (const char *text)
{
  g_autofree char *longer = g_strconcat (text, "x", NULL);
  gsize n = strlen (text);

  return (n < 8 && g_ascii_strncasecmp (text, "https://", n) == 0)
         || (n < 7 && g_ascii_strncasecmp (text, "http://", n) == 0)
         || na_essay_url_is_web (longer);
}

/* Marks @entry as wrong, for the eye and for screen readers, and says why in @said: at once
 * when @problem (NULL for none) cannot be typed away, else once the user leaves the field,
 * so a date is not flagged at every keystroke on its way ("201", "2013-"). */
static void
mark_entry (GtkWidget   *entry,
            const char  *text,
            const char  *problem,
            gboolean   (*unfinished) (const char *text),
            GString     *said)
{
  GtkEventControllerFocus *focus = g_object_get_data (G_OBJECT (entry), "focus");

  if (problem != NULL && gtk_event_controller_focus_contains_focus (focus) && unfinished (text))
    problem = NULL;
  if (problem != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      g_string_append_printf (said, "%s%s", said->len > 0 ? "\n" : "", problem);
    }
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               problem ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* After each keystroke, and as the focus moves: mark what is wrong in the date and the link,
 * say why under the fields, and offer Add only when all is right (and no Add is under way).
 * A message from a failed Add stays until the next Add. */
static void
update_form (AdwMessageDialog *dialog)
{
  GtkWidget *date = g_object_get_data (G_OBJECT (dialog), "date");
  GtkWidget *url = g_object_get_data (G_OBJECT (dialog), "url");
  GtkWidget *message = g_object_get_data (G_OBJECT (dialog), "message");
  const char *failure = g_object_get_data (G_OBJECT (dialog), "failure");
  gboolean adding = g_object_get_data (G_OBJECT (dialog), "adding") != NULL;
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (date))));
  g_autofree char *url_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (url))));
  const char *date_wrong = date_problem (date_text);
  const char *url_wrong = url_problem (url_text);
  g_autoptr(GString) said = g_string_new (NULL);

  mark_entry (date, date_text, date_wrong, date_unfinished, said);
  mark_entry (url, url_text, url_wrong, url_unfinished, said);
  if (said->len == 0 && failure != NULL)
    g_string_assign (said, failure);
  gtk_label_set_text (GTK_LABEL (message), said->str);
  gtk_widget_set_visible (message, said->len > 0);
  adw_message_dialog_set_response_enabled (dialog, "add",
                                           !adding && date_wrong == NULL && url_wrong == NULL);
}

/* Runs before the caller's handler: while an Add is under way, no second one. */
static void
on_response (AdwMessageDialog *dialog,
             const char       *response)
{
  if (g_strcmp0 (response, "add") != 0)
    return;
  g_object_set_data (G_OBJECT (dialog), "adding", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (dialog), "failure", NULL);
  update_form (dialog);
}

/* After AdwMessageDialog has sent Escape on as "cancel": a response never closes the form
 * itself, its handler does once done, so a failed Add leaves the form on screen as filled in. */
static gboolean
keep_open (GtkWindow *dialog)
{
  return TRUE;
}

/* The new-essay form for @file, its title, authors and date filled in from what is known
 * (NULL for none). Not presented yet; the caller connects "response", and destroys the form
 * once done with it: on "cancel", or once the essay is added. */
GtkWidget *
_na_window_essay_form_new (NaWindowReader *self,
                           const char     *heading,
                           GFile          *file,
                           const char     *title,
                           const char     *authors,
                           const char     *date)
{
  g_autofree char *base = g_file_get_basename (file);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, base);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *message = gtk_label_new (NULL);
  struct { const char *label, *placeholder, *value; } fields[] = {
    { _("_Title"), _("Title of the essay"), title },
    { _("_Authors"), _("Given Family; Given Family"), authors },
    { _("_Date"), _("YYYY-MM-DD, YYYY-MM or YYYY"), date },
    { _("_Venue"), _("Journal, book or website"), NULL },
    { _("_Link"), "https://", NULL },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (field_keys));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry = _na_window_form_entry (grid, i, fields[i].label, fields[i].placeholder);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_editable_set_text (GTK_EDITABLE (entry), fields[i].value ? fields[i].value : "");
      g_object_set_data (G_OBJECT (dialog), field_keys[i], entry);
      g_object_set_data (G_OBJECT (entry), "focus", focus);
      gtk_widget_add_controller (entry, focus);
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_form), dialog);
      g_signal_connect_swapped (focus, "notify::contains-focus", G_CALLBACK (update_form),
                                dialog);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, message, -1);
    }
  /* What is wrong, in words: the red outline alone says nothing of why. */
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (message), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 40);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_add_css_class (message, "error");
  gtk_grid_attach (GTK_GRID (grid), message, 1, G_N_ELEMENTS (fields), 1, 1);
  g_object_set_data (G_OBJECT (dialog), "message", message);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_file_get_path (file), g_free);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "add", _("_Add Essay"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  g_signal_connect_after (dialog, "close-request", G_CALLBACK (keep_open), NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  update_form (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_set_focus (GTK_WINDOW (dialog), g_object_get_data (G_OBJECT (dialog), "title"));
  return dialog;
}

/* The form's fields as win.create-essay and win.create-essay-from-pdf take them (a{ss}), with
 * the file's path and, if the form has one, the PDF's password. */
GVariant *
_na_window_essay_form_get_values (GtkWidget *dialog)
{
  const char *password = g_object_get_data (G_OBJECT (dialog), "password");
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    g_variant_builder_add (&b, "{ss}", field_keys[i],
                           gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog),
                                                                     field_keys[i])));
  g_variant_builder_add (&b, "{ss}", "path",
                         (const char *) g_object_get_data (G_OBJECT (dialog), "path"));
  if (password != NULL)
    g_variant_builder_add (&b, "{ss}", "password", password);
  return g_variant_builder_end (&b);
}

/* Add failed: the form says why, kept as the user left it; without a form (the action alone),
 * a dialog of its own says it. */
void
_na_window_essay_form_show_error (NaWindowReader *self,
                                  GtkWidget      *dialog,
                                  const char     *message)
{
  if (dialog == NULL)
    {
      _na_window_reader_show_message (self, _("Could Not Add the Essay"), message);
      return;
    }
  g_object_set_data (G_OBJECT (dialog), "adding", NULL);
  g_object_set_data_full (G_OBJECT (dialog), "failure", g_strdup (message), g_free);
  update_form (ADW_MESSAGE_DIALOG (dialog));
}
