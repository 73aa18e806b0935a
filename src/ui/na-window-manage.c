/* na-window-manage.c — the window's actions that manage the user's essays: a new essay from a
 * PDF (its form pre-filled from the PDF's information dictionary), delete one of the user's
 * own essays (after asking) and detach an essay's attached text. All are edits of the user
 * store, so Undo brings them back; the files on disk are never touched. */
#define G_LOG_DOMAIN "na-window"

#include "config.h"

#include <glib/gi18n.h>

#include "na-pdf-page.h"
#include "na-window-reader-private.h"

/* The user's essay with @essay_id, or NULL: bundled essays cannot be deleted. */
static NaEssay *
lookup_user_essay (NaWindowReader *self,
                   const char     *essay_id)
{
  GListModel *mine;

  if (self->store == NULL || essay_id == NULL)
    return NULL;
  mine = na_user_store_get_essays (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (mine); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (mine, i);

      if (g_strcmp0 (na_essay_get_id (essay), essay_id) == 0)
        return essay;  /* the store keeps it */
    }
  return NULL;
}

static gboolean
has_attachment (NaWindowReader *self,
                const char     *essay_id)
{
  return self->store != NULL && essay_id != NULL
         && na_user_store_get_attachment (self->store, essay_id, NULL) != NULL;
}

/* Texts whose attachment went away (detached, or its essay deleted) leave the cache and the
 * search index, so the search does not find a text the user took away. */
static void
forget_detached_texts (NaWindowReader *self)
{
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->texts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      NaEssay *essay;

      if (has_attachment (self, id))
        continue;
      essay = self->library ? na_library_lookup_essay (self->library, id) : NULL;
      if (essay == NULL)
        essay = lookup_user_essay (self, id);
      if (essay != NULL)
        na_search_set_essay (self->search, essay, NULL);
      else
        na_search_remove_essay (self->search, id);
      g_hash_table_iter_remove (&iter);
    }
}

/* "Read" only where it leads somewhere: on the page of an essay with an attached text, in the
 * Essay view. The other views have no text to read, and the reader is already reading. */
void
_na_window_manage_sync_read (NaWindowReader *self)
{
  const char *id = self->essay ? na_essay_get_id (self->essay) : NULL;
  const char *view = adw_view_stack_get_visible_child_name (self->w.view_stack);
  const char *page = gtk_stack_get_visible_child_name (self->w.content_stack);

  gtk_widget_set_visible (self->w.read_button,
                          has_attachment (self, id)
                          && g_strcmp0 (view, "essay") == 0 && g_strcmp0 (page, "essay") == 0);
}

/* After every change of the store or of the selected essay: what can be read, deleted and
 * detached; back to the essay's page if the text being read was detached. */
void
_na_window_manage_sync (NaWindowReader *self)
{
  const char *id = self->essay ? na_essay_get_id (self->essay) : NULL;
  gboolean attached = has_attachment (self, id);

  forget_detached_texts (self);
  _na_window_manage_sync_read (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "win.detach-text", attached);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "win.delete-essay",
                                 lookup_user_essay (self, id) != NULL);
  if (self->essay != NULL && !attached
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->w.content_stack), "reader") == 0)
    gtk_stack_set_visible_child_name (self->w.content_stack, "essay");
}

/* win.detach-text: the selected essay no longer has an attached text; the file stays. */
static void
detach_text_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);

  if (self->essay == NULL || !has_attachment (self, na_essay_get_id (self->essay)))
    return;
  na_user_store_set_attachment (self->store, na_essay_get_id (self->essay), NULL, NULL);
}

/* win.remove-essay (s): deletes the user's essay with that id, without asking (the dialog of
 * win.delete-essay asks); the annotations on it are kept, so Undo restores everything. */
static void
remove_essay_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (lookup_user_essay (self, id) == NULL)
    return;
  g_hash_table_remove (self->texts, id);
  na_search_remove_essay (self->search, id);
  na_user_store_remove_essay (self->store, id);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    NaWindowReader   *self)
{
  if (g_strcmp0 (response, "delete") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.remove-essay", "s",
                                g_object_get_data (G_OBJECT (dialog), "id"));
}

/* win.delete-essay: asks before deleting the selected essay, one of the user's own. */
static void
delete_essay_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  NaEssay *essay = self->essay ? lookup_user_essay (self, na_essay_get_id (self->essay)) : NULL;
  GtkWidget *dialog;

  if (essay == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Delete Essay?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the title of one of the user's essays */
                                  _("“%s” will be removed from your library. Its text file "
                                    "stays where it is, and Undo brings the essay back."),
                                  na_essay_get_title (essay) ? na_essay_get_title (essay)
                                                             : na_essay_get_id (essay));
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (na_essay_get_id (essay)), g_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new essay from a PDF */

typedef struct
{
  NaWindowReader *self;
  GFile          *file;
  char           *password;
  char           *title;
  char           *authors;
  char           *date;
} PdfFormData;

static void
pdf_form_data_free (PdfFormData *data)
{
  g_clear_object (&data->file);
  g_free (data->password);
  g_free (data->title);
  g_free (data->authors);
  g_free (data->date);
  g_free (data);
}

static void
pdf_opened_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PdfFormData *data = task_data;
  g_autoptr(NaPdfDocument) document = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *author = NULL;
  GError *error = NULL;

  document = na_pdf_document_new_from_file (data->file, data->password, cancellable, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->title = na_pdf_document_dup_title (document);
  author = na_pdf_document_dup_author (document);
  data->authors = na_names_dup_form_text (author);
  if ((created = na_pdf_document_dup_creation_date (document)) != NULL)
    data->date = g_date_time_format (created, "%Y-%m-%d");
  g_task_return_boolean (task, TRUE);
}

static void open_pdf_for_essay (NaWindowReader *self, GFile *file, const char *password);

static void
pdf_password_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          PdfFormData      *data)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "unlock") == 0)
    open_pdf_for_essay (data->self, data->file, gtk_editable_get_text (entry));
  pdf_form_data_free (data);
}

static void
ask_pdf_password (NaWindowReader *self,
                  PdfFormData    *data,
                  const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Password Required"),
                                              message);
  /* Not GtkPasswordEntry: see the Source view's password dialog (GTK 4.8). */
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  g_signal_connect (dialog, "response", G_CALLBACK (pdf_password_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void create_essay_from_pdf (NaWindowReader *self, GVariant *form, GtkWidget *dialog);

static void
pdf_form_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      NaWindowReader   *self)
{
  g_autoptr(GVariant) values = NULL;

  if (g_strcmp0 (response, "add") != 0)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  values = g_variant_ref_sink (_na_window_essay_form_get_values (GTK_WIDGET (dialog)));
  create_essay_from_pdf (self, values, GTK_WIDGET (dialog));
}

/* The new-essay form, filled in from what the PDF says of itself. */
static void
show_pdf_form (NaWindowReader *self,
               PdfFormData    *data)
{
  GtkWidget *dialog = _na_window_essay_form_new (self, _("New Essay from PDF"), data->file,
                                                 data->title, data->authors, data->date);

  g_object_set_data_full (G_OBJECT (dialog), "password", g_strdup (data->password), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (pdf_form_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pdf_opened_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = G_TASK (result);
  PdfFormData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Cancelled: the window is gone, and data->self with it. */
  if (g_task_propagate_boolean (task, &error))
    show_pdf_form (data->self, data);
  else if (g_error_matches (error, NA_PDF_ERROR, NA_PDF_ERROR_ENCRYPTED)
           || g_error_matches (error, NA_PDF_ERROR, NA_PDF_ERROR_BAD_PASSWORD))
    {
      PdfFormData *again = g_new0 (PdfFormData, 1);

      again->self = data->self;
      again->file = g_object_ref (data->file);
      ask_pdf_password (data->self, again, error->message);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _na_window_reader_show_message (data->self, _("Could Not Open the PDF"), error->message);
}

/* Opens @file in a worker thread (a long or damaged PDF must not stall the window). */
static void
open_pdf_for_essay (NaWindowReader *self,
                    GFile          *file,
                    const char     *password)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, pdf_opened_cb, NULL);
  PdfFormData *data = g_new0 (PdfFormData, 1);

  data->self = self;
  data->file = g_object_ref (file);
  data->password = g_strdup (password);
  g_task_set_source_tag (task, open_pdf_for_essay);
  g_task_set_task_data (task, data, (GDestroyNotify) pdf_form_data_free);
  g_task_run_in_thread (task, pdf_opened_thread);
}

/* win.new-essay-from-pdf-file (s): the path, for the chooser's response and for tests. */
static void
new_essay_from_pdf_file_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (self->store != NULL)
    open_pdf_for_essay (self, file, NULL);
}

static void
pdf_chosen_cb (GtkNativeDialog *chooser,
               int              response,
               NaWindowReader  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self->window), "win.new-essay-from-pdf-file",
                                    "s", path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* win.new-essay-from-pdf: choose a PDF, then the form. */
static void
new_essay_from_pdf_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Essay from PDF"), GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The essay @form describes (its title, authors, date, venue and url, the PDF's path and
 * password, if it has one) is added to the user's library, then shown in the Source view,
 * where the PDF is attached to it. A date or link that is not one is refused, saying why on
 * the form (@dialog, if any). */
static void
create_essay_from_pdf (NaWindowReader *self,
                       GVariant       *form,
                       GtkWidget      *dialog)
{
  NaPdfPage *page = na_window_get_pdf_page (self->window);
  const char *path = NULL, *password = NULL;
  g_autoptr(NaEssay) essay = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *stack;

  g_variant_lookup (form, "path", "&s", &path);
  g_variant_lookup (form, "password", "&s", &password);
  if (self->store == NULL || path == NULL)
    goto done;
  if ((essay = _na_window_essay_from_form (form, path, &error)) == NULL)
    {
      _na_window_essay_form_show_error (self, dialog, error->message);
      return;
    }
  na_user_store_add_essay (self->store, essay);
  na_window_select_essay (self->window, na_essay_get_id (essay));
  /* A search may hide it from the list: the Source view shows it all the same. */
  if (na_pdf_page_get_essay (page) != essay)
    na_pdf_page_set_essay (page, essay);
  stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "pdf");
  file = g_file_new_for_path (path);
  na_pdf_page_attach_file_full (page, file, password);
done:
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* win.create-essay-from-pdf (a{ss}): the form's fields, for the form and for tests. */
static void
create_essay_from_pdf_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  create_essay_from_pdf (_na_window_reader_get (widget), parameter, NULL);
}

void
_na_window_manage_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.detach-text", NULL, detach_text_action);
  gtk_widget_class_install_action (widget_class, "win.delete-essay", NULL, delete_essay_action);
  gtk_widget_class_install_action (widget_class, "win.remove-essay", "s", remove_essay_action);
  gtk_widget_class_install_action (widget_class, "win.new-essay-from-pdf", NULL,
                                   new_essay_from_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.new-essay-from-pdf-file", "s",
                                   new_essay_from_pdf_file_action);
  gtk_widget_class_install_action (widget_class, "win.create-essay-from-pdf", "a{ss}",
                                   create_essay_from_pdf_action);
}
