/* na-window-reader.c — the window's side of reading: searching and filtering the library,
 * attaching texts, the reader, annotations with undo; everything goes through win.* actions */
#define G_LOG_DOMAIN "na-window"

#include "config.h"

#include <glib/gi18n.h>

#include "na-application.h"
#include "na-essay-analysis.h"
#include "na-text-source.h"
#include "na-window-reader-private.h"

NaWindowReader *
_na_window_reader_get (GtkWidget *window)
{
  return g_object_get_data (G_OBJECT (window), "na-window-reader");
}

void
_na_window_reader_show_message (NaWindowReader *self,
                                const char     *heading,
                                const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Search and filters */

/* Whether one of the user's own arguments or recommendations on @essay_id has @question (if
 * not NULL) or @country (if not NULL) — the filters consider what the user marked too. */
static gboolean
own_items_match (NaWindowReader *self,
                 const char     *essay_id,
                 const char     *question,
                 const char     *country)
{
  GListModel *notes;

  if (self->store == NULL)
    return FALSE;
  notes = na_user_store_get_annotations (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (notes, i);

      if (na_annotation_get_kind (a) == NA_ANNOTATION_HIGHLIGHT
          || g_strcmp0 (na_annotation_get_essay_id (a), essay_id) != 0)
        continue;
      if (question != NULL && g_strcmp0 (na_annotation_get_question_id (a), question) == 0)
        return TRUE;
      if (country != NULL && na_annotation_get_countries (a) != NULL
          && g_strv_contains (na_annotation_get_countries (a), country))
        return TRUE;
    }
  return FALSE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  NaWindowReader *self = user_data;
  const char *id = na_essay_get_id (item);
  const char *question, *country;
  GHashTable *set;
  guint pos;

  if (self->ranks != NULL && !g_hash_table_contains (self->ranks, id))
    return FALSE;

  pos = gtk_drop_down_get_selected (self->w.question_dropdown);
  question = pos > 0 && pos < self->question_ids->len ? self->question_ids->pdata[pos] : NULL;
  if (question != NULL
      && ((set = g_hash_table_lookup (self->questions, id)) == NULL
          || !g_hash_table_contains (set, question))
      && !own_items_match (self, id, question, NULL))
    return FALSE;

  pos = gtk_drop_down_get_selected (self->w.country_dropdown);
  country = pos > 0 && pos < self->country_codes->len ? self->country_codes->pdata[pos] : NULL;
  if (country != NULL
      && ((set = g_hash_table_lookup (self->countries, id)) == NULL
          || !g_hash_table_contains (set, country))
      && !own_items_match (self, id, NULL, country))
    return FALSE;

  return TRUE;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  NaWindowReader *self = user_data;
  NaEssay *ea = (NaEssay *) a, *eb = (NaEssay *) b;
  guint mode = gtk_drop_down_get_selected (self->w.sort_dropdown);

  /* The same orders as other lists of essays (the Compare view's), from the core. */
  if (mode == SORT_AUTHOR)
    return na_essay_compare_by_author (ea, eb);
  if (mode == SORT_RELEVANCE && self->ranks != NULL)
    {
      guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, na_essay_get_id (ea)));
      guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, na_essay_get_id (eb)));

      if (ra != rb)
        return ra < rb ? -1 : 1;
    }
  return na_essay_compare_newest_first (ea, eb);
}

static void
on_search_changed (NaWindowReader *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->w.search_entry));
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->ranks, g_hash_table_unref);
  if (text != NULL && *text != '\0')
    {
      ids = na_search_query (self->search, text, &error);
      self->ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; ids && i < ids->len; i++)
        g_hash_table_insert (self->ranks, g_strdup (ids->pdata[i]), GUINT_TO_POINTER (i + 1));
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* An empty list says why: nothing matches the search or filters (not "no essays"). */
static void
on_results_changed (NaWindowReader *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->w.list_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint question = gtk_drop_down_get_selected (self->w.question_dropdown);
  guint country = gtk_drop_down_get_selected (self->w.country_dropdown);
  /* Position 0 is "All …"; no position at all before the library is known. */
  gboolean narrowed = self->ranks != NULL
                      || (question != GTK_INVALID_LIST_POSITION && question > 0)
                      || (country != GTK_INVALID_LIST_POSITION && country > 0);

  if (g_strcmp0 (visible, "loading") == 0)
    return;
  if (n == 0 && narrowed)
    gtk_stack_set_visible_child_name (self->w.list_stack, "no-results");
  else if (n > 0)
    gtk_stack_set_visible_child_name (self->w.list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->w.list_stack, "empty");
}

static void
on_filters_changed (NaWindowReader *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_sort_changed (NaWindowReader *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
add_to_set (GHashTable *map,
            const char *essay_id,
            const char *value)
{
  GHashTable *set;

  if (value == NULL)
    return;
  if ((set = g_hash_table_lookup (map, essay_id)) == NULL)
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (map, (gpointer) essay_id, set);
    }
  g_hash_table_add (set, (gpointer) value);
}

/* Which questions and countries each essay speaks to, for the filters; strings are the
 * library's. */
static void
index_library (NaWindowReader *self)
{
  GListModel *args = na_library_get_arguments (self->library);
  GListModel *recs = na_library_get_recommendations (self->library);
  GListModel *list;
  g_autoptr(GtkStringList) q_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) c_names = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (args); i++)
    {
      g_autoptr(NaArgument) a = g_list_model_get_item (args, i);
      const char * const *cs = na_argument_get_countries (a);

      add_to_set (self->questions, na_argument_get_essay_id (a), na_argument_get_question_id (a));
      for (guint c = 0; cs && cs[c]; c++)
        add_to_set (self->countries, na_argument_get_essay_id (a), cs[c]);
    }
  for (guint i = 0; i < g_list_model_get_n_items (recs); i++)
    {
      g_autoptr(NaRecommendation) r = g_list_model_get_item (recs, i);
      const char * const *cs = na_recommendation_get_countries (r);

      add_to_set (self->questions, na_recommendation_get_essay_id (r),
                  na_recommendation_get_question_id (r));
      for (guint c = 0; cs && cs[c]; c++)
        add_to_set (self->countries, na_recommendation_get_essay_id (r), cs[c]);
    }

  g_ptr_array_set_size (self->question_ids, 0);
  g_ptr_array_add (self->question_ids, NULL);
  gtk_string_list_append (q_names, _("All Questions"));
  list = na_library_get_questions (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NaQuestion) q = g_list_model_get_item (list, i);

      g_ptr_array_add (self->question_ids, g_strdup (na_question_get_id (q)));
      gtk_string_list_append (q_names, na_question_get_title (q));
    }
  g_ptr_array_set_size (self->country_codes, 0);
  g_ptr_array_add (self->country_codes, NULL);
  gtk_string_list_append (c_names, _("All Countries"));
  list = na_library_get_countries (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NaCountry) c = g_list_model_get_item (list, i);

      g_ptr_array_add (self->country_codes, g_strdup (na_country_get_code (c)));
      gtk_string_list_append (c_names, na_country_get_name (c));
    }
  gtk_drop_down_set_model (self->w.question_dropdown, G_LIST_MODEL (q_names));
  gtk_drop_down_set_model (self->w.country_dropdown, G_LIST_MODEL (c_names));
}

static void
index_essay (NaWindowReader *self,
             NaEssay        *essay)
{
  const char *id = na_essay_get_id (essay);
  const char *text = g_hash_table_lookup (self->texts, id);

  /* An attached text is the essay's own; its PDF's text is searched when there is none. */
  if (text == NULL)
    text = g_hash_table_lookup (self->pdf_texts, id);
  na_search_set_essay (self->search, essay, text);
}

/* An attached text being read in a worker thread, for the reader or the search. */
typedef struct
{
  NaWindowReader *self;
  char           *essay_id;
  char           *path;
  char           *item_id;     /* (nullable) for the reader: the item to scroll to */
  guint           generation;
} AttachData;

static AttachData *
attach_data_new (NaWindowReader *self,
                 const char     *essay_id,
                 const char     *path)
{
  AttachData *data = g_new0 (AttachData, 1);

  data->self = self;
  data->essay_id = g_strdup (essay_id);
  data->path = g_strdup (path);
  data->generation = self->generation;
  return data;
}

static void
attach_data_free (AttachData *data)
{
  g_free (data->essay_id);
  g_free (data->path);
  g_free (data->item_id);
  g_free (data);
}

static NaEssay *
lookup_any_essay (NaWindowReader *self,
                  const char     *essay_id)
{
  NaEssay *essay = self->library ? na_library_lookup_essay (self->library, essay_id) : NULL;
  GListModel *mine = self->store ? na_user_store_get_essays (self->store) : NULL;

  for (guint i = 0; essay == NULL && mine && i < g_list_model_get_n_items (mine); i++)
    {
      g_autoptr(NaEssay) e = g_list_model_get_item (mine, i);

      if (g_strcmp0 (na_essay_get_id (e), essay_id) == 0)
        essay = e;  /* the store keeps it */
    }
  return essay;
}

static void
index_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AttachData *data = user_data;
  NaWindowReader *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = na_text_source_load_finish (result, NULL, &error);
  const char *path, *query;
  NaEssay *essay;

  /* Cancelled (the window is gone), unreadable (the reader says why when opened), or
   * stale: a newer rebuild, a changed attachment, or already loaded by the reader. */
  if (text == NULL || data->generation != self->generation || self->store == NULL
      || (path = na_user_store_get_attachment (self->store, data->essay_id, NULL)) == NULL
      || g_strcmp0 (path, data->path) != 0
      || g_hash_table_contains (self->texts, data->essay_id)
      || (essay = lookup_any_essay (self, data->essay_id)) == NULL)
    goto out;
  g_hash_table_insert (self->texts, g_strdup (data->essay_id), g_steal_pointer (&text));
  index_essay (self, essay);
  query = gtk_editable_get_text (GTK_EDITABLE (self->w.search_entry));
  if (query != NULL && *query != '\0')
    on_search_changed (self);
out:
  attach_data_free (data);
}

/* Attached texts are searched too: they are read in worker threads and indexed as they
 * arrive; those that cannot be read are skipped (the reader says what is wrong when the user
 * opens them). */
static void
index_attached_texts (NaWindowReader *self)
{
  GListModel *model = G_LIST_MODEL (self->sources);

  for (guint s = 0; s < g_list_model_get_n_items (model); s++)
    {
      g_autoptr(GListModel) essays = g_list_model_get_item (model, s);

      for (guint i = 0; i < g_list_model_get_n_items (essays); i++)
        {
          g_autoptr(NaEssay) essay = g_list_model_get_item (essays, i);
          const char *id = na_essay_get_id (essay);
          const char *path = self->store ? na_user_store_get_attachment (self->store, id, NULL)
                                         : NULL;

          if (path != NULL && !g_hash_table_contains (self->texts, id))
            na_text_source_load_async (path, 0, self->cancellable, index_loaded_cb,
                                       attach_data_new (self, id, path));
          index_essay (self, essay);
        }
    }
}

static void rebuild_sources (NaWindowReader *self);

/* An attached PDF's text being extracted in a worker thread, for the search. */
typedef struct
{
  NaWindowReader *self;
  char           *essay_id;
  char           *path;
  int             first;       /* pages from 0; last -1 for the document's end */
  int             last;
  guint           generation;
} PdfTextData;

static void
pdf_text_data_free (PdfTextData *data)
{
  g_free (data->essay_id);
  g_free (data->path);
  g_free (data);
}

static void
pdf_text_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PdfTextData *data = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (data->path);
  g_autoptr(NaPdfDocument) document = NULL;
  GError *error = NULL;

  document = na_pdf_document_new_from_file (file, NULL, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, na_pdf_document_dup_text (document, data->first, data->last),
                           g_free);
}

static void
pdf_text_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PdfTextData *data = g_task_get_task_data (G_TASK (result));
  NaWindowReader *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);
  const char *query;
  NaEssay *essay;

  /* Cancelled (the window is gone), unreadable or locked (the Source view says why when the
   * user opens it), or stale: a newer rebuild, or the essay has another PDF now. */
  if (text == NULL || data->generation != self->generation || self->attachments == NULL
      || g_strcmp0 (na_attachments_get_path (self->attachments, data->essay_id),
                    data->path) != 0
      || (essay = lookup_any_essay (self, data->essay_id)) == NULL)
    return;
  g_hash_table_replace (self->pdf_texts, g_strdup (data->essay_id), g_steal_pointer (&text));
  index_essay (self, essay);
  query = gtk_editable_get_text (GTK_EDITABLE (self->w.search_entry));
  if (query != NULL && *query != '\0')
    on_search_changed (self);
}

/* Extracts the text of @essay_id's PDF for the search. A volume shared by several chapters
 * gives each chapter the pages its anchors span, not the whole book; until they are known,
 * the chapter waits (its anchors are resolved when it is first shown). */
static void
index_attached_pdf (NaWindowReader *self,
                    const char     *essay_id)
{
  const char *path = na_attachments_get_path (self->attachments, essay_id);
  g_autoptr(GTask) task = NULL;
  PdfTextData *data;
  int first = 1, last = 0;

  if (path == NULL)
    return;
  if (na_attachments_get_n_sharing (self->attachments, path) > 1
      && !na_attachments_get_page_range (self->attachments, essay_id, &first, &last))
    return;

  data = g_new0 (PdfTextData, 1);
  data->self = self;
  data->essay_id = g_strdup (essay_id);
  data->path = g_strdup (path);
  data->first = first - 1;
  data->last = last - 1;
  data->generation = self->generation;
  task = g_task_new (NULL, self->cancellable, pdf_text_done_cb, NULL);
  g_task_set_source_tag (task, index_attached_pdf);
  g_task_set_task_data (task, data, (GDestroyNotify) pdf_text_data_free);
  g_task_run_in_thread (task, pdf_text_thread);
}

static void
index_attached_pdfs (NaWindowReader *self)
{
  GListModel *model = G_LIST_MODEL (self->sources);

  if (self->attachments == NULL)
    return;
  for (guint s = 0; s < g_list_model_get_n_items (model); s++)
    {
      g_autoptr(GListModel) essays = g_list_model_get_item (model, s);

      for (guint i = 0; i < g_list_model_get_n_items (essays); i++)
        {
          g_autoptr(NaEssay) essay = g_list_model_get_item (essays, i);

          if (!g_hash_table_contains (self->pdf_texts, na_essay_get_id (essay)))
            index_attached_pdf (self, na_essay_get_id (essay));
        }
    }
}

/* A PDF attached, replaced or detached: the essay is searched with its new text, or none. */
static void
on_attachments_changed (NaWindowReader *self,
                        const char     *essay_id)
{
  NaEssay *essay;

  if (essay_id == NULL)
    {
      g_hash_table_remove_all (self->pdf_texts);
      rebuild_sources (self);
      return;
    }
  g_hash_table_remove (self->pdf_texts, essay_id);
  if ((essay = lookup_any_essay (self, essay_id)) != NULL)
    index_essay (self, essay);
  index_attached_pdf (self, essay_id);
  on_search_changed (self);
}

void
_na_window_reader_set_attachments (NaWindowReader *self,
                                   NaAttachments  *attachments)
{
  if (self->attachments != NULL)
    g_signal_handlers_disconnect_by_data (self->attachments, self);
  g_set_object (&self->attachments, attachments);
  if (attachments != NULL)
    g_signal_connect_swapped (attachments, "changed", G_CALLBACK (on_attachments_changed),
                              self);
  g_hash_table_remove_all (self->pdf_texts);
  rebuild_sources (self);
}

static void
rebuild_sources (NaWindowReader *self)
{
  /* A fresh index: the essays of a library opened before must not be found. */
  g_clear_object (&self->search);
  self->search = na_search_new ();
  self->generation++;
  g_list_store_remove_all (self->sources);
  if (self->library != NULL)
    g_list_store_append (self->sources, na_library_get_essays (self->library));
  if (self->store != NULL)
    g_list_store_append (self->sources, na_user_store_get_essays (self->store));
  index_attached_texts (self);
  index_attached_pdfs (self);
  on_search_changed (self);
}

GListModel *
_na_window_reader_set_library (NaWindowReader *self,
                               NaLibrary      *library)
{
  g_set_object (&self->library, library);
  g_hash_table_remove_all (self->questions);
  g_hash_table_remove_all (self->countries);
  if (library != NULL)
    index_library (self);
  rebuild_sources (self);
  return G_LIST_MODEL (self->sorted);
}

static void
on_store_changed (NaWindowReader *self)
{
  GListModel *mine = na_user_store_get_essays (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (mine); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (mine, i);

      index_essay (self, essay);
    }
  _na_window_manage_sync (self);
  /* The user's own items count for the filters: an active filter looks again. */
  if (gtk_drop_down_get_selected (self->w.question_dropdown) > 0
      || gtk_drop_down_get_selected (self->w.country_dropdown) > 0)
    on_filters_changed (self);
  if (self->essay != NULL
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->w.content_stack), "reader") == 0)
    na_reader_refresh (self->w.reader);
}

static void
on_save_error (NaWindowReader *self)
{
  const char *message = na_user_store_get_save_error (self->store);

  if (message != NULL)
    _na_window_reader_show_message (self, _("Annotations Not Saved Yet"), message);
}

void
na_window_set_user_store (NaWindow    *window,
                          NaUserStore *store)
{
  NaWindowReader *self = _na_window_reader_get (GTK_WIDGET (window));

  g_return_if_fail (!store || NA_IS_USER_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
      g_signal_connect_swapped (store, "notify::save-error", G_CALLBACK (on_save_error), self);
      g_signal_connect_swapped (store, "notify::can-undo", G_CALLBACK (_na_window_annotate_update_undo),
                                self);
      g_signal_connect_swapped (store, "notify::can-redo", G_CALLBACK (_na_window_annotate_update_undo),
                                self);
    }
  _na_window_annotate_update_undo (self);
  /* The comparison, the map and the Source view cover the user's own analysis too. */
  na_comparison_view_set_user_store (self->w.comparison_view, store);
  na_map_view_set_user_store (self->w.map_view, store);
  na_pdf_page_set_user_store (na_window_get_pdf_page (window), store);
  g_hash_table_remove_all (self->texts);
  rebuild_sources (self);
}

NaUserStore *
na_window_get_user_store (NaWindow *window)
{
  return _na_window_reader_get (GTK_WIDGET (window))->store;
}

/* The selected essay changed: back to its page; "Read" only when a text is attached. */
void
_na_window_reader_essay_changed (NaWindowReader *self,
                                 NaEssay        *essay)
{
  g_set_object (&self->essay, essay);
  _na_window_manage_sync (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->window), "win.attach-source", essay != NULL);
}

/* The reader on the essay's text, once read (texts are read in worker threads). */
static gboolean
open_reader (NaWindowReader *self)
{
  const char *text;

  if (self->essay == NULL
      || (text = g_hash_table_lookup (self->texts, na_essay_get_id (self->essay))) == NULL)
    return FALSE;
  if (na_reader_get_essay (self->w.reader) != self->essay)
    na_reader_show (self->w.reader, self->library, self->store, self->essay, text);
  else
    na_reader_refresh (self->w.reader);
  gtk_stack_set_visible_child_name (self->w.content_stack, "reader");
  return TRUE;
}

/* The essay of one of the user's annotations, or of one of their essays; NULL if none. */
const char *
_na_window_reader_essay_of_item (NaWindowReader *self,
                                 const char     *item_id)
{
  NaAnnotation *a;
  GListModel *mine;

  if (self->store == NULL)
    return NULL;
  if ((a = na_user_store_lookup_annotation (self->store, item_id)) != NULL)
    return na_annotation_get_essay_id (a);
  mine = na_user_store_get_essays (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (mine); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (mine, i);

      if (g_strcmp0 (na_essay_get_id (essay), item_id) == 0)
        return na_essay_get_id (essay);  /* the store keeps the essay */
    }
  return NULL;
}

static void read_text_async (NaWindowReader *self,
                             const char     *path,
                             const char     *item_id);

/* win.show-item, when the essay has a text: the reader, scrolled to the item's passage; a
 * text not read yet is read in a worker thread first, the essay page showing meanwhile. */
gboolean
_na_window_reader_show_item (NaWindowReader *self,
                             const char     *item_id)
{
  const char *path;

  if (self->essay == NULL || self->store == NULL
      || (path = na_user_store_get_attachment (self->store, na_essay_get_id (self->essay),
                                               NULL)) == NULL)
    return FALSE;
  if (!g_hash_table_contains (self->texts, na_essay_get_id (self->essay)))
    {
      read_text_async (self, path, item_id);
      return TRUE;
    }
  if (!open_reader (self))
    return FALSE;
  return na_reader_scroll_to_item (self->w.reader, item_id);
}

/* Actions: reading */

static void
back_to_essay_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);

  gtk_stack_set_visible_child_name (self->w.content_stack, self->essay ? "essay" : "none");
  /* Back where the reader was opened from. Left to itself, the stack would give the focus to
   * the page's first focusable widget, the selectable title, whose caret then shows. */
  if (gtk_widget_get_visible (self->w.read_button))
    gtk_widget_grab_focus (self->w.read_button);
}

/* The Source view, when it is what the user sees. */
NaPdfPage *
_na_window_reader_visible_pdf_page (NaWindowReader *self)
{
  NaPdfPage *page = na_window_get_pdf_page (self->window);

  return page != NULL && gtk_widget_get_mapped (GTK_WIDGET (page)) ? page : NULL;
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  NaPdfPage *pdf_page = _na_window_reader_visible_pdf_page (self);

  /* Ctrl+F is the window's shortcut, which comes before the Source view's own: there, it
   * finds in the PDF, as the Source view's Find button says. */
  if (pdf_page != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (pdf_page), "pdf-page.find", NULL);
      return;
    }

  /* The sidebar holds the search field: show it first when it is hidden. */
  g_action_group_change_action_state (G_ACTION_GROUP (widget), "toggle-sidebar",
                                      g_variant_new_boolean (TRUE));
  gtk_widget_grab_focus (GTK_WIDGET (self->w.search_entry));
}

static void
attach_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AttachData *data = user_data;
  NaWindowReader *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  char *text = na_text_source_load_finish (result, &sha, &error);

  /* Cancelled: the window is gone, and @self with it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto out;
  if (text == NULL)
    {
      _na_window_reader_show_message (self, _("Could Not Attach the Text Source"), error->message);
      goto out;
    }
  if (self->store == NULL)
    {
      g_free (text);
      goto out;
    }
  g_hash_table_replace (self->texts, g_strdup (data->essay_id), text);
  na_user_store_set_attachment (self->store, data->essay_id, data->path, sha);
  if (self->essay != NULL && g_strcmp0 (na_essay_get_id (self->essay), data->essay_id) == 0)
    {
      index_essay (self, self->essay);
      na_reader_show (self->w.reader, NULL, NULL, NULL, NULL);
      _na_window_reader_essay_changed (self, self->essay);
      open_reader (self);
    }
out:
  attach_data_free (data);
}

static void
read_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AttachData *data = user_data;
  NaWindowReader *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *text = na_text_source_load_finish (result, &sha, &error);
  const char *path, *stored_sha = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto out;
  if (text == NULL)
    {
      _na_window_reader_show_message (self, _("Could Not Open the Text Source"), error->message);
      goto out;
    }
  /* Detached or attached again while it was read: this text is no longer the essay's. */
  if (self->store == NULL
      || (path = na_user_store_get_attachment (self->store, data->essay_id,
                                               &stored_sha)) == NULL
      || g_strcmp0 (path, data->path) != 0)
    goto out;
  if (stored_sha != NULL && g_strcmp0 (stored_sha, sha) != 0)
    g_message ("“%s” changed since it was attached; anchors are resolved again", path);
  g_hash_table_replace (self->texts, g_strdup (data->essay_id), g_steal_pointer (&text));
  /* Still the essay shown (the user may have moved on while it was read). */
  if (self->essay != NULL && g_strcmp0 (na_essay_get_id (self->essay), data->essay_id) == 0)
    {
      index_essay (self, self->essay);
      if (open_reader (self) && data->item_id != NULL)
        na_reader_scroll_to_item (self->w.reader, data->item_id);
    }
out:
  attach_data_free (data);
}

static void
read_text_async (NaWindowReader *self,
                 const char     *path,
                 const char     *item_id)
{
  AttachData *data = attach_data_new (self, na_essay_get_id (self->essay), path);

  data->item_id = g_strdup (item_id);
  na_text_source_load_async (data->path, 0, self->cancellable, read_loaded_cb, data);
}

/* win.read: the reader on the attached text; a text not read yet is read in a worker thread
 * first (after a detach and undo, for instance). */
static void
read_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  const char *path;

  if (self->essay == NULL || self->store == NULL
      || g_hash_table_contains (self->texts, na_essay_get_id (self->essay))
      || (path = na_user_store_get_attachment (self->store, na_essay_get_id (self->essay),
                                               NULL)) == NULL)
    {
      open_reader (self);
      return;
    }
  read_text_async (self, path, NULL);
}

/* win.attach-file (s): the path, for the chooser's response and for tests. */
static void
attach_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  AttachData *data;

  if (self->essay == NULL || self->store == NULL)
    return;
  data = g_new0 (AttachData, 1);
  data->self = self;
  data->essay_id = g_strdup (na_essay_get_id (self->essay));
  data->path = g_strdup (g_variant_get_string (parameter, NULL));
  na_text_source_load_async (data->path, 0, self->cancellable, attach_loaded_cb, data);
}

static GtkFileChooserNative *
text_chooser (NaWindowReader *self,
              const char     *title)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Text and Markdown files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
attach_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  NaWindowReader  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      gtk_widget_activate_action (GTK_WIDGET (self->window), "win.attach-file", "s", path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
attach_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  GtkFileChooserNative *chooser = text_chooser (self, _("Attach Text Source"));

  g_signal_connect (chooser, "response", G_CALLBACK (attach_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A new essay from a text file */

typedef struct
{
  NaWindowReader *self;
  NaEssay        *essay;
  char           *path;
  GtkWidget      *form;     /* (nullable) the form it came from, open until this is done */
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_clear_object (&data->essay);
  g_free (data->path);
  g_clear_object (&data->form);
  g_free (data);
}

static void
create_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CreateData *data = user_data;
  NaWindowReader *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *text = na_text_source_load_finish (result, &sha, &error);
  const char *id;

  /* Cancelled: the window is gone, and @self with it (and the form with the window). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (text == NULL)
    _na_window_essay_form_show_error (self, data->form, error->message);
  else
    {
      if (self->store != NULL)
        {
          /* One gesture, one undo step: the essay goes with its text. */
          na_user_store_begin_group (self->store);
          id = na_user_store_add_essay (self->store, data->essay);
          g_hash_table_replace (self->texts, g_strdup (id), g_steal_pointer (&text));
          na_user_store_set_attachment (self->store, id, data->path, sha);
          na_user_store_end_group (self->store);
          index_essay (self, data->essay);
          na_window_select_essay (self->window, id);
        }
      if (data->form != NULL)
        gtk_window_destroy (GTK_WINDOW (data->form));
    }
  create_data_free (data);
}

/* The essay @form describes, with the text at its path read and checked in a worker thread;
 * added once it reads well. */
static void
create_essay (NaWindowReader *self,
              GVariant       *form,
              GtkWidget      *dialog)
{
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  CreateData *data;
  NaEssay *essay;

  g_variant_lookup (form, "path", "&s", &path);
  if (self->store == NULL || path == NULL)
    {
      if (dialog != NULL)
        gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  if ((essay = _na_window_essay_from_form (form, path, &error)) == NULL)
    {
      _na_window_essay_form_show_error (self, dialog, error->message);
      return;
    }
  data = g_new0 (CreateData, 1);
  data->self = self;
  data->essay = essay;
  data->path = g_strdup (path);
  data->form = dialog ? g_object_ref (dialog) : NULL;
  na_text_source_load_async (data->path, 0, self->cancellable, create_loaded_cb, data);
}

/* win.create-essay (a{ss}): title, authors, date, venue, url and path; for the form and tests.
 * A date or link that is not one is refused, saying why. */
static void
create_essay_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  create_essay (_na_window_reader_get (widget), parameter, NULL);
}

GtkWidget *
_na_window_form_entry (GtkWidget  *grid,
                       int         row,
                       const char *label_text,
                       const char *placeholder)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, row, 1, 1);
  return entry;
}

static void
essay_form_response_cb (AdwMessageDialog *dialog,
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
  create_essay (self, values, GTK_WIDGET (dialog));
}

typedef struct
{
  NaWindowReader *self;
  GFile          *file;
} CheckData;

/* The file is read and checked before the form (and again at Add, in case it changed): what
 * is wrong with it is said before the user types anything, in the words the attach uses. */
static void
new_essay_checked_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CheckData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = na_text_source_load_finish (result, NULL, &error);
  GtkWidget *dialog;

  /* Cancelled: the window is gone, and data->self with it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (text == NULL)
    _na_window_reader_show_message (data->self, _("Could Not Open the Text Source"),
                                    error->message);
  else
    {
      dialog = _na_window_essay_form_new (data->self, _("New Essay"), data->file,
                                          NULL, NULL, NULL);
      g_signal_connect (dialog, "response", G_CALLBACK (essay_form_response_cb), data->self);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (data->file);
  g_free (data);
}

/* win.new-essay-from-file (s): the path, for the chooser's response and for tests. */
static void
new_essay_from_file_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  CheckData *data;

  if (self->store == NULL)
    return;
  data = g_new0 (CheckData, 1);
  data->self = self;
  data->file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  na_text_source_load_async (g_variant_get_string (parameter, NULL), 0, self->cancellable,
                             new_essay_checked_cb, data);
}

static void
new_essay_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     NaWindowReader  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self->window), "win.new-essay-from-file", "s",
                                    path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
new_essay_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NaWindowReader *self = _na_window_reader_get (widget);
  GtkFileChooserNative *chooser = text_chooser (self, _("New Essay from Text File"));

  g_signal_connect (chooser, "response", G_CALLBACK (new_essay_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_na_window_reader_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (NA_TYPE_READER);
  g_type_ensure (NA_TYPE_ESSAY_ANALYSIS);

  gtk_widget_class_install_action (widget_class, "win.read", NULL, read_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-essay", NULL,
                                   back_to_essay_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.attach-source", NULL,
                                   attach_source_action);
  gtk_widget_class_install_action (widget_class, "win.attach-file", "s", attach_file_action);
  gtk_widget_class_install_action (widget_class, "win.new-essay", NULL, new_essay_action);
  gtk_widget_class_install_action (widget_class, "win.new-essay-from-file", "s",
                                   new_essay_from_file_action);
  gtk_widget_class_install_action (widget_class, "win.create-essay", "a{ss}",
                                   create_essay_action);
  _na_window_annotate_class_init (widget_class);
  _na_window_manage_class_init (widget_class);
}

static void
on_application_changed (NaWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  g_autofree char *problem = NULL;

  if (!NA_IS_APPLICATION (app) || na_window_get_user_store (window) != NULL)
    return;
  na_window_set_user_store (window, na_application_get_user_store (NA_APPLICATION (app)));
  if ((problem = na_application_take_user_store_problem (NA_APPLICATION (app))) != NULL)
    _na_window_reader_show_message (_na_window_reader_get (GTK_WIDGET (window)),
                                    _("Annotations Could Not Be Read"), problem);
}

NaWindowReader *
_na_window_reader_new (NaWindow                    *window,
                       const NaWindowReaderWidgets *widgets)
{
  NaWindowReader *self = g_new0 (NaWindowReader, 1);

  self->window = window;
  self->w = *widgets;
  self->sources = g_list_store_new (G_TYPE_LIST_MODEL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (
    G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->sources)))),
    GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (g_object_ref (self->sorter)));
  self->questions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) g_hash_table_unref);
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) g_hash_table_unref);
  self->question_ids = g_ptr_array_new_with_free_func (g_free);
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pdf_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->search = na_search_new ();
  self->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (window), "na-window-reader", self);

  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (on_results_changed),
                            self);
  g_signal_connect_swapped (self->w.search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->w.sort_dropdown, "notify::selected",
                            G_CALLBACK (on_sort_changed), self);
  g_signal_connect_swapped (self->w.question_dropdown, "notify::selected",
                            G_CALLBACK (on_filters_changed), self);
  g_signal_connect_swapped (self->w.country_dropdown, "notify::selected",
                            G_CALLBACK (on_filters_changed), self);
  /* "Read" follows what is shown: the view, and the essay's page or its reader. */
  g_signal_connect_swapped (self->w.view_stack, "notify::visible-child-name",
                            G_CALLBACK (_na_window_manage_sync_read), self);
  g_signal_connect_swapped (self->w.content_stack, "notify::visible-child-name",
                            G_CALLBACK (_na_window_manage_sync_read), self);

  /* The application's store, once the window belongs to one (after construction). */
  g_signal_connect (window, "notify::application", G_CALLBACK (on_application_changed), NULL);
  _na_window_annotate_update_undo (self);
  _na_window_reader_essay_changed (self, NULL);
  return self;
}

void
_na_window_reader_free (NaWindowReader *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The stacks outlive us (the template goes after): they must not call back. */
  g_signal_handlers_disconnect_by_data (self->w.view_stack, self);
  g_signal_handlers_disconnect_by_data (self->w.content_stack, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->attachments != NULL)
    g_signal_handlers_disconnect_by_data (self->attachments, self);
  g_clear_object (&self->attachments);
  g_clear_pointer (&self->pdf_texts, g_hash_table_unref);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_object (&self->search);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->sources);
  g_clear_object (&self->essay);
  g_clear_pointer (&self->questions, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->question_ids, g_ptr_array_unref);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_free (self);
}
