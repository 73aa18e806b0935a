/* na-window-manage.c — the window's actions that take things away: delete one of the user's
 * own essays (after asking) and detach an essay's attached text. Both are edits of the user
 * store, so Undo brings them back; the files on disk are never touched. */
#define G_LOG_DOMAIN "na-window"

#include "config.h"

#include <glib/gi18n.h>

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

/* After every change of the store or of the selected essay: what can be read, deleted and
 * detached; back to the essay's page if the text being read was detached. */
void
_na_window_manage_sync (NaWindowReader *self)
{
  const char *id = self->essay ? na_essay_get_id (self->essay) : NULL;
  gboolean attached = has_attachment (self, id);

  forget_detached_texts (self);
  gtk_widget_set_visible (self->w.read_button, attached);
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

void
_na_window_manage_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.detach-text", NULL, detach_text_action);
  gtk_widget_class_install_action (widget_class, "win.delete-essay", NULL, delete_essay_action);
  gtk_widget_class_install_action (widget_class, "win.remove-essay", "s", remove_essay_action);
}
