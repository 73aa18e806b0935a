/* na-pdf-page.c — the "Source" view: an essay's attached PDF with its anchors highlighted
 *
 * Opening reads and parses the file, then resolves the essay's anchors, in a GTask thread
 * (NaPdfDocument locks its own PopplerDocument); the page shows a spinner meanwhile. Failures
 * get a status page naming the file: a password-protected PDF asks for the password, a file
 * that moved since it was attached asks to be located (its SHA-256 is checked), anything else
 * says what is wrong with it.
 *
 * Split by concern (na-pdf-page-private.h): the user's annotations and the selection's actions
 * in na-pdf-page-annotate.c, find in na-pdf-page-find.c, thumbnails in na-pdf-page-thumbs.c.
 */
#define G_LOG_DOMAIN "na-pdf-page"

#include "config.h"

#include <glib/gi18n.h>

#include "na-pdf-page-private.h"

G_DEFINE_FINAL_TYPE (NaPdfPage, na_pdf_page, GTK_TYPE_WIDGET)

typedef struct
{
  char   *id;
  char   *text;
  int     page;     /* from 1; 0 when unresolved */
  GArray *rects;
} AnchorResult;

typedef struct
{
  GFile         *file;
  char          *password;
  OpenMode       mode;
  GPtrArray     *anchors;   /* NaAnchor copies, resolved in the thread */
  GPtrArray     *ids;
  GPtrArray     *texts;
  NaPdfDocument *document;
  GPtrArray     *results;   /* AnchorResult */
  gboolean       record;    /* the pages found go to the attachments store */
} OpenData;

static void
anchor_result_free (AnchorResult *result)
{
  g_free (result->id);
  g_free (result->text);
  g_clear_pointer (&result->rects, g_array_unref);
  g_free (result);
}

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  g_free (data->password);
  g_clear_pointer (&data->anchors, g_ptr_array_unref);
  g_clear_pointer (&data->ids, g_ptr_array_unref);
  g_clear_pointer (&data->texts, g_ptr_array_unref);
  g_clear_object (&data->document);
  g_clear_pointer (&data->results, g_ptr_array_unref);
  g_free (data);
}

NaPdfView *
na_pdf_page_get_view (NaPdfPage *self)
{
  g_return_val_if_fail (NA_IS_PDF_PAGE (self), NULL);
  return self->view;
}

/* Whether the page is opening a PDF or resolving its anchors. */
gboolean
na_pdf_page_get_busy (NaPdfPage *self)
{
  g_return_val_if_fail (NA_IS_PDF_PAGE (self), FALSE);
  return self->resolving ||
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0;
}

/* "empty", "loading", "error" or "view" */
const char *
na_pdf_page_get_state (NaPdfPage *self)
{
  g_return_val_if_fail (NA_IS_PDF_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

NaEssay *
na_pdf_page_get_essay (NaPdfPage *self)
{
  g_return_val_if_fail (NA_IS_PDF_PAGE (self), NULL);
  return self->essay;
}

/* The toolbar names the file shown, or that failed to open, with its full path in the
 * tooltip: the name is cut (in the middle) only when the toolbar is narrow. */
static void
show_file_name (NaPdfPage *self,
                gboolean   changed)
{
  g_autofree char *where = self->file ? g_file_get_parse_name (self->file) : NULL;
  g_autofree char *name = where ? g_path_get_basename (where) : NULL;
  g_autofree char *text = NULL;

  if (changed)
    text = g_strdup_printf (_("%s (changed since it was attached)"), name);
  gtk_label_set_text (self->file_label, text ? text : name ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), where);
}

static void
show_error (NaPdfPage  *self,
            const char *title,
            const char *description,
            gboolean    locked,
            gboolean    moved)
{
  adw_status_page_set_title (self->error_status, title);
  adw_status_page_set_description (self->error_status, description);
  adw_status_page_set_icon_name (self->error_status, locked ? "dialog-password-symbolic"
                                                            : "dialog-warning-symbolic");
  gtk_widget_set_visible (self->unlock_button, locked);
  gtk_widget_set_visible (self->relocate_button, moved);
  show_file_name (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Copies of the essay's anchors, with the label each gets in the side list. */
static void
collect_anchors (NaPdfPage *self,
                 OpenData  *data)
{
  const char *essay_id = na_essay_get_id (self->essay);
  g_autoptr(GListModel) arguments = na_library_dup_arguments (self->library, essay_id, NULL,
                                                              NULL);
  g_autoptr(GListModel) recommendations =
    na_library_dup_recommendations (self->library, essay_id, NULL, NULL);
  GListModel *lists[] = { arguments, recommendations };

  data->anchors = g_ptr_array_new_with_free_func (g_object_unref);
  data->ids = g_ptr_array_new_with_free_func (g_free);
  data->texts = g_ptr_array_new_with_free_func (g_free);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_autoptr(NaAnchor) anchor = NULL;
        NaAnchor *copy = na_anchor_new ();
        char *id = NULL;

        g_object_get (item, "id", &id, "anchor", &anchor, NULL);
        if (anchor != NULL)
          {
            na_anchor_set_exact (copy, na_anchor_get_exact (anchor));
            na_anchor_set_prefix (copy, na_anchor_get_prefix (anchor));
            na_anchor_set_suffix (copy, na_anchor_get_suffix (anchor));
            na_anchor_set_start (copy, na_anchor_get_start (anchor));
          }
        g_ptr_array_add (data->anchors, copy);
        g_ptr_array_add (data->ids, id);
        g_ptr_array_add (data->texts,
                         g_strdup (NA_IS_ARGUMENT (item)
                                   ? na_argument_get_claim (NA_ARGUMENT (item))
                                   : na_recommendation_get_action (NA_RECOMMENDATION (item))));
      }
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;

  data->document = na_pdf_document_new_from_file (data->file, data->password, cancellable,
                                                  &error);
  if (data->document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* In reading order: by page, then down the page; those not found last. */
static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const AnchorResult *ra = *(AnchorResult **) a;
  const AnchorResult *rb = *(AnchorResult **) b;
  double ya = ra->rects && ra->rects->len ? g_array_index (ra->rects, NaPdfRect, 0).y1 : 0;
  double yb = rb->rects && rb->rects->len ? g_array_index (rb->rects, NaPdfRect, 0).y1 : 0;
  int pa = ra->page > 0 ? ra->page : G_MAXINT;
  int pb = rb->page > 0 ? rb->page : G_MAXINT;

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return (ya > yb) - (ya < yb);
}

/* Text extraction of every page, then the anchors: for a long PDF this takes seconds, so the
 * pages show first and the highlights follow. */
static void
resolve_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenData *data = task_data;

  na_pdf_document_get_text_index (data->document);
  data->results = g_ptr_array_new_with_free_func ((GDestroyNotify) anchor_result_free);
  for (guint i = 0; data->anchors && i < data->anchors->len; i++)
    {
      AnchorResult *result = g_new0 (AnchorResult, 1);
      NaAnchor *anchor = g_ptr_array_index (data->anchors, i);

      result->id = g_strdup (g_ptr_array_index (data->ids, i));
      result->text = g_strdup (g_ptr_array_index (data->texts, i));
      if (na_anchor_get_exact (anchor) != NULL &&
          na_pdf_document_resolve_anchor (data->document, anchor, &result->rects) ==
          NA_ANCHOR_STATUS_RESOLVED)
        result->page = na_anchor_get_page (anchor);
      g_ptr_array_add (data->results, result);
    }
  g_ptr_array_sort (data->results, compare_results);

  g_task_return_boolean (task, TRUE);
}

void
_na_pdf_page_clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Rows only: gtk_list_box_remove() on the placeholder would drop the empty state too. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* A place in the sidebar was chosen: over the pages on a narrow window, the sidebar gets out of
 * the way of it. */
void
_na_pdf_page_sidebar_done (NaPdfPage *self)
{
  if (adw_flap_get_folded (self->sidebar_flap))
    adw_flap_set_reveal_flap (self->sidebar_flap, FALSE);
}

/* A side-list row that jumps to @page (from 0) at @y points when activated; its label is
 * returned in @label to be filled. */
static GtkWidget *
jump_row_build (const char *prefix,
                int         page,
                double      y,
                int         indent,
                GtkLabel  **label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  *label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_margin_start (box, 6 + 12 * indent);
  if (prefix != NULL)
    {
      GtkWidget *dim = gtk_label_new (prefix);

      gtk_widget_add_css_class (dim, "dim-label");
      gtk_widget_add_css_class (dim, "numeric");
      gtk_label_set_yalign (GTK_LABEL (dim), 0);
      gtk_box_append (GTK_BOX (box), dim);
    }
  gtk_label_set_wrap (*label, TRUE);
  gtk_label_set_lines (*label, 3);
  gtk_label_set_ellipsize (*label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (*label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (*label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*label));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), page >= 0);
  g_object_set_data (G_OBJECT (row), "page", GINT_TO_POINTER (page + 1));
  g_object_set_data_full (G_OBJECT (row), "y", g_memdup2 (&y, sizeof y), g_free);
  return row;
}

/* A side-list row that jumps to @page (from 0) at @y points when activated. */
GtkWidget *
_na_pdf_page_jump_row_new (const char *prefix,
                           const char *text,
                           int         page,
                           double      y,
                           int         indent)
{
  GtkLabel *label;
  GtkWidget *row = jump_row_build (prefix, page, y, indent, &label);

  gtk_label_set_text (label, text);
  return row;
}

/* The same, its text Pango markup (a find result's snippet, its match in bold). */
GtkWidget *
_na_pdf_page_jump_row_new_markup (const char *prefix,
                                  const char *markup,
                                  int         page,
                                  double      y)
{
  GtkLabel *label;
  GtkWidget *row = jump_row_build (prefix, page, y, 0, &label);

  gtk_label_set_markup (label, markup);
  return row;
}

static void
jump_row_activated_cb (NaPdfPage     *self,
                       GtkListBoxRow *row)
{
  int page = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "page")) - 1;
  double *y = g_object_get_data (G_OBJECT (row), "y");

  if (page >= 0)
    {
      na_pdf_view_scroll_to (self->view, page, y ? *y : 0);
      _na_pdf_page_sidebar_done (self);
    }
}

static void
add_outline (NaPdfPage        *self,
             PopplerDocument  *poppler,
             PopplerIndexIter *iter,
             int               depth)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;
      int page = -1;

      if (action->type == POPPLER_ACTION_GOTO_DEST && action->goto_dest.dest != NULL)
        {
          PopplerDest *dest = action->goto_dest.dest;

          if (dest->type == POPPLER_DEST_NAMED)
            {
              PopplerDest *named = poppler_document_find_dest (poppler, dest->named_dest);

              page = named ? named->page_num - 1 : -1;
              g_clear_pointer (&named, poppler_dest_free);
            }
          else
            page = dest->page_num - 1;
        }
      if (action->any.title != NULL)
        gtk_list_box_append (self->outline_list,
                             _na_pdf_page_jump_row_new (NULL, action->any.title, page, 0, depth));
      poppler_action_free (action);

      child = poppler_index_iter_get_child (iter);
      if (child != NULL && depth < 6)
        add_outline (self, poppler, child, depth + 1);
      g_clear_pointer (&child, poppler_index_iter_free);
    }
  while (poppler_index_iter_next (iter));
}

static void
fill_outline (NaPdfPage     *self,
              NaPdfDocument *document)
{
  PopplerIndexIter *iter;

  _na_pdf_page_clear_list (self->outline_list);
  na_pdf_document_lock (document);
  iter = poppler_index_iter_new (na_pdf_document_get_poppler (document));
  if (iter != NULL)
    {
      add_outline (self, na_pdf_document_get_poppler (document), iter, 0);
      poppler_index_iter_free (iter);
    }
  na_pdf_document_unlock (document);
  gtk_stack_set_visible_child_name (self->outline_stack, iter ? "list" : "none");
}

static void
fill_anchors (NaPdfPage *self,
              GPtrArray *results)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));

  _na_pdf_page_clear_list (self->anchors_list);
  for (guint i = 0; results && i < results->len; i++)
    {
      AnchorResult *result = g_ptr_array_index (results, i);
      g_autofree char *prefix = result->page > 0 ? g_strdup_printf (_("p. %d"), result->page)
                                                 : g_strdup (_("not found"));
      double y = result->rects && result->rects->len
                 ? g_array_index (result->rects, NaPdfRect, 0).y1 : 0;

      gtk_list_box_append (self->anchors_list,
                           _na_pdf_page_jump_row_new (prefix, result->text, result->page - 1, y, 0));
      if (result->rects != NULL)
        g_array_append_vals (all, result->rects->data, result->rects->len);
    }
  na_pdf_view_set_highlights (self->view, NA_PDF_HIGHLIGHT_ANCHOR, all);
}

static void save_attachments (NaPdfPage *self);

/* Highlights older versions kept in attachments.json move to the store, once: the store is
 * written first, then they leave attachments.json (see na_attachments_migrate_highlights). */
static void
migrate_highlights (NaPdfPage *self)
{
  g_autoptr(GError) error = NULL;
  guint moved = 0;

  if (self->store == NULL || self->attachments == NULL)
    return;
  if (!na_attachments_migrate_highlights (self->attachments, self->store, &moved, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_autofree char *body =
        g_strdup_printf (_("Your PDF highlights are shown, but they stay in the attachments file "
                           "until your annotations can be saved: %s"), error->message);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                       : NULL,
                                                  _("PDF Highlights Not Moved Yet"), body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (moved > 0)
    g_message ("Moved %u PDF highlights into %s", moved, na_user_store_get_path (self->store));
}

/**
 * na_pdf_page_set_user_store:
 *
 * Where the user's annotations are kept: those of the essay are drawn and listed, and follow
 * every change of the store (undo and redo included).
 */
void
na_pdf_page_set_user_store (NaPdfPage   *self,
                            NaUserStore *store)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));
  g_return_if_fail (store == NULL || NA_IS_USER_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (_na_pdf_page_show_user_highlights), self);
  migrate_highlights (self);
  _na_pdf_page_show_user_highlights (self);
}

/* Pages where anchors resolved go to the store and to the library's anchors ("p. 12"). */
static void
record_pages (NaPdfPage *self,
              GPtrArray *results)
{
  const char *essay_id = na_essay_get_id (self->essay);

  for (guint i = 0; i < results->len; i++)
    {
      AnchorResult *result = g_ptr_array_index (results, i);

      na_attachments_set_page (self->attachments, essay_id, result->id, result->page);
    }
  na_attachments_apply_pages (self->attachments, self->library);
  save_attachments (self);
}

static void
save_attachments (NaPdfPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!na_attachments_save (self->attachments, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                       : NULL,
                                                  _("Could Not Save the Attachment"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static const char * const viewer_actions[] = {
  "pdf-page.zoom-in", "pdf-page.zoom-out", "pdf-page.zoom-reset", "pdf-page.fit-width",
  "pdf-page.fit-page", "pdf-page.zoom", "pdf-page.find", "pdf-page.find-next",
  "pdf-page.find-previous", "pdf-page.highlight", "pdf-page.note",
};

static void
set_document (NaPdfPage     *self,
              NaPdfDocument *document)
{
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);
  g_autofree char *of = NULL;

  g_hash_table_remove_all (self->thumbs);
  self->thumb_bytes = 0;
  {
    GHashTableIter iter;
    gpointer cancellable;

    g_hash_table_iter_init (&iter, self->thumb_pending);
    while (g_hash_table_iter_next (&iter, NULL, &cancellable))
      g_cancellable_cancel (cancellable);
  }
  g_hash_table_remove_all (self->thumb_pending);
  g_hash_table_remove_all (self->bound);
  g_clear_object (&self->thumb_queue);
  _na_pdf_page_stop_search (self);
  g_hash_table_remove_all (self->placed);
  _na_pdf_page_clear_list (self->results_list);
  gtk_label_set_text (self->match_label, "");
  na_pdf_view_set_document (self->view, document);

  /* Without a document the viewer's controls have nothing to act on: hidden rather than
   * greyed out, so an empty or failed page shows only what can be done there. */
  {
    GtkWidget *controls[] = {
      GTK_WIDGET (self->sidebar_button), GTK_WIDGET (self->page_entry),
      GTK_WIDGET (self->n_pages_label), GTK_WIDGET (self->zoom_button),
      self->highlight_button, self->note_button,
      GTK_WIDGET (self->annotate_button), GTK_WIDGET (self->find_button),
    };

    for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
      gtk_widget_set_visible (controls[i], document != NULL);
  }
  for (guint i = 0; i < G_N_ELEMENTS (viewer_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), viewer_actions[i], document != NULL);
  if (document == NULL)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_list_view_set_model (self->thumbnails_view, NULL);
      gtk_label_set_text (self->n_pages_label, "");
      gtk_label_set_text (self->file_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->page_entry), "");
      return;
    }

  self->thumb_queue = na_render_queue_new (document, 1);
  for (int i = 0; i < na_pdf_document_get_n_pages (document); i++)
    gtk_string_list_take (pages, g_strdup_printf ("%d", i + 1));
  gtk_list_view_set_model (self->thumbnails_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             G_LIST_MODEL (g_steal_pointer (&pages)))));
  fill_outline (self, document);

  of = g_strdup_printf (_("of %d"), na_pdf_document_get_n_pages (document));
  gtk_label_set_text (self->n_pages_label, of);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), "1");
}

static void password_dialog (NaPdfPage *self, GFile *file, OpenMode mode);

/* While the text is read, the side list says so and how far it is, rather than that the
 * essay has no passages: a long PDF takes seconds. Pages are counted as the worker
 * publishes them, a few times a second. */
static gboolean
update_reading (gpointer data)
{
  NaPdfPage *self = data;
  NaPdfDocument *document = na_pdf_view_get_document (self->view);
  g_autofree char *text = NULL;
  int n, done = 0;

  if (document == NULL)
    return G_SOURCE_CONTINUE;
  n = na_pdf_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    done += na_pdf_document_has_page_text (document, i);
  /* Translators: while the PDF's text is extracted: pages done, of how many */
  text = g_strdup_printf (ngettext ("%d of %d page read", "%d of %d pages read", n), done, n);
  gtk_label_set_text (self->reading_label, text);
  return G_SOURCE_CONTINUE;
}

static void
set_resolving (NaPdfPage *self,
               gboolean   resolving)
{
  gboolean can_find = na_pdf_view_get_document (self->view) != NULL;

  self->resolving = resolving;
  /* Find works while the text is being extracted: it searches page by page itself. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), can_find);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf-page.find", can_find);

  gtk_stack_set_visible_child_name (self->anchors_placeholder, resolving ? "reading" : "empty");
  g_clear_handle_id (&self->reading_id, g_source_remove);
  if (resolving)
    {
      update_reading (self);
      self->reading_id = g_timeout_add (250, update_reading, self);
    }
}

/* An essay that is a chapter of a volume starts many pages in: unless the user has moved
 * already, open at the first page the essay's anchors are on rather than at the cover. */
static void
show_first_anchored_page (NaPdfPage *self,
                          GPtrArray *results)
{
  int first = 0;

  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      AnchorResult *result = g_ptr_array_index (results, i);

      if (result->page > 0 && (first == 0 || result->page < first))
        first = result->page;
    }
  if (first > 1 && na_pdf_view_get_page (self->view) == 0)
    na_pdf_view_scroll_to (self->view, first - 1, 0);
}

static void
detach_clicked (NaPdfPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "pdf-page.detach", NULL);
}

/* A PDF that holds none of the essay's passages is most likely another publication: say so
 * once, when it is attached, and offer to take it back (a scan without text finds none
 * either, so it stays attached unless the user says). */
static void
warn_if_no_anchor_found (NaPdfPage *self,
                         GPtrArray *results)
{
  GtkWidget *overlay;
  AdwToast *toast;

  if (results == NULL || results->len == 0)
    return;
  for (guint i = 0; i < results->len; i++)
    if (((AnchorResult *) g_ptr_array_index (results, i))->page > 0)
      return;
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (_("None of the essay’s passages are in this PDF: is it the right one?"));
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Detach"));
  /* The toast lives above this page, out of reach of its actions. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (detach_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  NaPdfPage *self = NA_PDF_PAGE (object);
  OpenData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL) ||
      na_pdf_view_get_document (self->view) != data->document)
    return;

  fill_anchors (self, data->results);
  show_first_anchored_page (self, data->results);
  if (data->record)
    {
      record_pages (self, data->results);
      warn_if_no_anchor_found (self, data->results);
    }
  /* The text is there now: the reader's annotations can be found in it. */
  set_resolving (self, FALSE);
  _na_pdf_page_show_user_highlights (self);
}

static void
start_resolve (NaPdfPage *self,
               OpenData  *open,
               gboolean   record)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, resolved_cb, NULL);
  OpenData *data = g_new0 (OpenData, 1);

  data->document = g_object_ref (open->document);
  data->file = g_object_ref (open->file);
  data->anchors = g_steal_pointer (&open->anchors);
  data->ids = g_steal_pointer (&open->ids);
  data->texts = g_steal_pointer (&open->texts);
  data->record = record;
  set_resolving (self, TRUE);
  g_task_set_source_tag (task, start_resolve);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, resolve_thread);
}

static void
commit_open (NaPdfPage *self,
             OpenData  *data)
{
  g_autofree char *path = g_file_get_path (data->file);
  const char *essay_id = self->essay ? na_essay_get_id (self->essay) : NULL;
  const char *attached = self->attachments && essay_id
                         ? na_attachments_get_path (self->attachments, essay_id) : NULL;
  const char *remembered = self->attachments && essay_id
                           ? na_attachments_get_sha256 (self->attachments, essay_id) : NULL;
  /* Only the essay's own attachment speaks for its anchors' pages. */
  gboolean is_attachment = data->mode != MODE_OPEN || g_strcmp0 (path, attached) == 0;
  gboolean changed = data->mode == MODE_OPEN && is_attachment && remembered != NULL &&
                     g_strcmp0 (remembered, na_pdf_document_get_sha256 (data->document)) != 0;

  g_set_object (&self->file, data->file);
  set_document (self, data->document);
  _na_pdf_page_clear_list (self->anchors_list);
  gtk_stack_set_visible_child_name (self->stack, "view");

  if (data->mode != MODE_OPEN && self->attachments != NULL && path != NULL && essay_id)
    {
      na_attachments_set (self->attachments, essay_id, path,
                          na_pdf_document_get_sha256 (data->document));
      save_attachments (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf-page.detach", TRUE);
    }
  self->is_attachment = is_attachment && essay_id != NULL && self->attachments != NULL;
  start_resolve (self, data, self->attachments != NULL && path != NULL && essay_id &&
                             is_attachment && !changed);

  show_file_name (self, changed);
}

/* The task, kept until the user answers: it owns the opened document. */
static void
relocate_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GTask            *task)
{
  if (g_strcmp0 (response, "use") == 0)
    commit_open (g_task_get_source_object (task), g_task_get_task_data (task));
  g_object_unref (task);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  NaPdfPage *self = NA_PDF_PAGE (object);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (data->file);
  const char *remembered;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_set_object (&self->file, data->file);
      set_document (self, NULL);
      if (g_error_matches (error, NA_PDF_ERROR, NA_PDF_ERROR_ENCRYPTED) ||
          g_error_matches (error, NA_PDF_ERROR, NA_PDF_ERROR_BAD_PASSWORD))
        {
          show_error (self, _("This PDF Is Locked"), error->message, TRUE, FALSE);
          g_object_set_data (G_OBJECT (self), "locked-mode", GINT_TO_POINTER (data->mode));
          password_dialog (self, data->file, data->mode);
        }
      else
        show_error (self, _("Could Not Open the PDF"), error->message, FALSE, FALSE);
      return;
    }

  /* A located file must be the one attached; if it is not, ask before replacing it. */
  remembered = self->attachments ? na_attachments_get_sha256 (self->attachments,
                                                              na_essay_get_id (self->essay))
                                 : NULL;
  if (data->mode == MODE_RELOCATE && remembered != NULL &&
      g_strcmp0 (remembered, na_pdf_document_get_sha256 (data->document)) != 0)
    {
      GtkWidget *dialog;
      g_autofree char *body = g_strdup_printf (_("“%s” is not the file that was attached: its "
                                                 "content differs. Use it anyway? The anchors "
                                                 "will be resolved again in it."), name);

      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("A Different File"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "use", _("_Use This File"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use",
                                                  ADW_RESPONSE_SUGGESTED);
      g_signal_connect (dialog, "response", G_CALLBACK (relocate_response_cb),
                        g_object_ref (result));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  commit_open (self, data);
}

static void
start_open (NaPdfPage  *self,
            GFile      *file,
            const char *password,
            OpenMode    mode)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data = g_new0 (OpenData, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_resolving (self, FALSE);

  data->file = g_object_ref (file);
  data->password = g_strdup (password);
  data->mode = mode;
  if (self->essay != NULL && self->library != NULL)
    collect_anchors (self, data);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, opened_cb, NULL);
  g_task_set_source_tag (task, start_open);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * na_pdf_page_open_file:
 *
 * Shows @file without recording it as the essay's attachment.
 */
void
na_pdf_page_open_file (NaPdfPage  *self,
                       GFile      *file,
                       const char *password)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  start_open (self, file, password, MODE_OPEN);
}

/**
 * na_pdf_page_attach_file:
 *
 * Opens @file and, when it opens, records it as the essay's source PDF.
 */
void
na_pdf_page_attach_file (NaPdfPage *self,
                         GFile     *file)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  start_open (self, file, NULL, MODE_ATTACH);
}

/**
 * na_pdf_page_attach_file_full:
 * @password: (nullable): for a PDF that needs one
 *
 * Like na_pdf_page_attach_file(), for a file already unlocked once (a new essay from a PDF).
 */
void
na_pdf_page_attach_file_full (NaPdfPage  *self,
                              GFile      *file,
                              const char *password)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  start_open (self, file, password, MODE_ATTACH);
}

/**
 * na_pdf_page_relocate_file:
 *
 * Opens @file as the essay's attachment found elsewhere: when its content is not the one
 * attached, the user is asked before it replaces the attachment.
 */
void
na_pdf_page_relocate_file (NaPdfPage *self,
                           GFile     *file)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  start_open (self, file, NULL, MODE_RELOCATE);
}

typedef struct
{
  NaPdfPage *self;
  GFile     *file;
  OpenMode   mode;
  GtkWidget *entry;
} PasswordData;

static void
password_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PasswordData     *data)
{
  if (g_strcmp0 (response, "unlock") == 0)
    start_open (data->self, data->file,
                gtk_editable_get_text (GTK_EDITABLE (data->entry)), data->mode);
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void
password_dialog (NaPdfPage *self,
                 GFile     *file,
                 OpenMode   mode)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = g_strdup_printf (_("“%s” is protected by a password."), name);
  PasswordData *data = g_new0 (PasswordData, 1);
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Password Required"), body);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->mode = mode;
  /* Not GtkPasswordEntry: in GTK 4.8 it leaves a handler behind on the keyboard device when
   * its dialog is destroyed, which then runs on a finalized entry. */
  data->entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (data->entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (data->entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  g_object_set (data->entry, "activates-default", TRUE, NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), data->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  g_signal_connect (dialog, "response", G_CALLBACK (password_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_essay (NaPdfPage *self)
{
  const char *path;
  g_autoptr(GFile) file = NULL;
  g_autofree char *description = NULL;

  g_cancellable_cancel (self->cancellable);
  set_resolving (self, FALSE);
  set_document (self, NULL);
  self->is_attachment = FALSE;
  g_clear_object (&self->file);
  _na_pdf_page_clear_list (self->anchors_list);
  show_file_name (self, FALSE);
  gtk_label_set_text (self->n_pages_label, "");

  path = self->essay && self->attachments
         ? na_attachments_get_path (self->attachments, na_essay_get_id (self->essay)) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf-page.attach", self->essay != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf-page.detach", path != NULL);
  if (path == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  file = g_file_new_for_path (path);
  if (!g_file_query_exists (file, NULL))
    {
      g_set_object (&self->file, file);
      description = g_strdup_printf (_("“%s” is no longer there. Locate it to read it again; "
                                       "its content is checked against the attached file."),
                                     path);
      show_error (self, _("The PDF Has Moved"), description, FALSE, TRUE);
      return;
    }

  start_open (self, file, NULL, MODE_OPEN);
}

void
na_pdf_page_set_essay (NaPdfPage *self,
                       NaEssay   *essay)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));

  if (!g_set_object (&self->essay, essay))
    return;
  show_essay (self);
}

void
na_pdf_page_set_library (NaPdfPage *self,
                         NaLibrary *library)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));

  g_set_object (&self->library, library);
  if (library != NULL && self->attachments != NULL)
    na_attachments_apply_pages (self->attachments, library);
}

void
na_pdf_page_set_attachments (NaPdfPage     *self,
                             NaAttachments *attachments)
{
  g_return_if_fail (NA_IS_PDF_PAGE (self));

  g_set_object (&self->attachments, attachments);
  if (self->library != NULL && attachments != NULL)
    na_attachments_apply_pages (attachments, self->library);
  migrate_highlights (self);
  show_essay (self);
}

/* Toolbar */

/* The toolbar shows with a PDF, or a file that failed (its name, the attachment menu); an
 * essay without one has the empty page's call to attach one, and nothing else. */
static void
update_toolbar (NaPdfPage *self)
{
  const char *state = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_set_visible (self->toolbar,
                          g_strcmp0 (state, "view") == 0 || g_strcmp0 (state, "error") == 0);
}

static void
page_entry_activate_cb (NaPdfPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  gint64 page = g_ascii_strtoll (text, NULL, 10);

  if (page >= 1)
    na_pdf_view_scroll_to (self->view, page - 1, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* The toolbar follows the view after the frame: the view changes zoom and page while it is
 * being allocated, when other widgets must not change size. */
static gboolean
sync_toolbar (gpointer data)
{
  NaPdfPage *self = data;
  /* Translators: the zoom level; write the percentage as your language does. */
  g_autofree char *zoom = g_strdup_printf (_("%d%%"),
                                           (int) (na_pdf_view_get_zoom (self->view) * 100 + 0.5));
  g_autofree char *page = g_strdup_printf ("%d", na_pdf_view_get_page (self->view) + 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->sync_id = 0;
  if (g_strcmp0 (gtk_menu_button_get_label (self->zoom_button), zoom) != 0)
    gtk_menu_button_set_label (self->zoom_button, zoom);
  if (na_pdf_view_get_document (self->view) != NULL &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->page_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), page);
  return G_SOURCE_REMOVE;
}

static void
on_view_changed (NaPdfPage *self)
{
  if (self->sync_id == 0)
    self->sync_id = g_idle_add (sync_toolbar, self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NaPdfPage *self = NA_PDF_PAGE (widget);

  if (g_str_equal (action_name, "pdf-page.zoom-in"))
    na_pdf_view_zoom_in (self->view);
  else if (g_str_equal (action_name, "pdf-page.zoom-out"))
    na_pdf_view_zoom_out (self->view);
  else if (g_str_equal (action_name, "pdf-page.fit-width"))
    na_pdf_view_set_sizing (self->view, NA_PDF_SIZING_FIT_WIDTH);
  else if (g_str_equal (action_name, "pdf-page.fit-page"))
    na_pdf_view_set_sizing (self->view, NA_PDF_SIZING_FIT_PAGE);
  else if (g_str_equal (action_name, "pdf-page.zoom-reset"))
    na_pdf_view_set_zoom (self->view, 1.0);
  else
    na_pdf_view_set_zoom (self->view, g_variant_get_double (parameter));
}

static void
chosen_cb (GtkNativeDialog *dialog,
           int              response,
           NaPdfPage       *self)
{
  OpenMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "mode"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      start_open (self, file, NULL, mode);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (NaPdfPage  *self,
             const char *title,
             OpenMode    mode)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "mode", GINT_TO_POINTER (mode));
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NaPdfPage *self = NA_PDF_PAGE (widget);

  if (self->essay == NULL)
    return;
  if (g_str_equal (action_name, "pdf-page.attach"))
    choose_file (self, _("Attach the Essay’s PDF"), MODE_ATTACH);
  else if (g_str_equal (action_name, "pdf-page.relocate"))
    choose_file (self, _("Locate the Attached PDF"), MODE_RELOCATE);
  else if (self->file != NULL)
    password_dialog (self, self->file,
                     GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "locked-mode")));
}

/* The anchors of @essay_id no longer have pages once its PDF is detached. */
static void
clear_pages (NaLibrary  *library,
             const char *essay_id)
{
  GListModel *lists[] = { na_library_get_arguments (library),
                          na_library_get_recommendations (library) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_autofree char *item_essay = NULL;
        g_autoptr(NaAnchor) anchor = NULL;

        g_object_get (item, "essay-id", &item_essay, "anchor", &anchor, NULL);
        if (anchor != NULL && g_strcmp0 (item_essay, essay_id) == 0)
          na_anchor_set_page (anchor, 0);
      }
}

/* The toast's Undo: the detached PDF is the essay's again, with its pages. */
static void
undo_detach (NaPdfPage *self)
{
  if (self->detached == NULL || self->attachments == NULL)
    return;
  na_attachments_put (self->attachments, self->detached_essay, g_steal_pointer (&self->detached));
  g_clear_pointer (&self->detached_essay, g_free);
  if (self->library != NULL)
    na_attachments_apply_pages (self->attachments, self->library);
  save_attachments (self);
  show_essay (self);
}

/* pdf-page.detach: the essay no longer has a PDF; the file itself stays where it is. A toast
 * offers to undo. */
static void
detach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NaPdfPage *self = NA_PDF_PAGE (widget);
  const char *essay_id = self->essay ? na_essay_get_id (self->essay) : NULL;
  NaAttachmentsEntry *entry;
  GtkWidget *overlay;

  if (self->attachments == NULL || essay_id == NULL ||
      (entry = na_attachments_take (self->attachments, essay_id)) == NULL)
    return;

  g_clear_pointer (&self->detached, na_attachments_entry_free);
  self->detached = entry;
  g_free (self->detached_essay);
  self->detached_essay = g_strdup (essay_id);
  if (self->library != NULL)
    clear_pages (self->library, essay_id);
  save_attachments (self);
  show_essay (self);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("PDF detached"));

      adw_toast_set_button_label (toast, _("_Undo"));
      /* The toast lives above this page, out of reach of its actions. */
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_detach), self,
                               G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
na_pdf_page_dispose (GObject *object)
{
  NaPdfPage *self = NA_PDF_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->view != NULL)
    set_document (self, NULL);
  _na_pdf_page_thumbs_dispose (self);
  _na_pdf_page_stop_search (self);
  /* Before the template goes: the progress is shown in its list. */
  g_clear_handle_id (&self->reading_id, g_source_remove);
  /* The stack changes page as it goes, while the toolbar may be gone already. */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, update_toolbar, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NA_TYPE_PDF_PAGE);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  /* The template's top box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (na_pdf_page_parent_class)->dispose (object);
}

static void
na_pdf_page_finalize (GObject *object)
{
  NaPdfPage *self = NA_PDF_PAGE (object);

  g_clear_object (&self->library);
  g_clear_object (&self->attachments);
  g_clear_pointer (&self->detached, na_attachments_entry_free);
  g_clear_pointer (&self->detached_essay, g_free);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->placed, g_hash_table_unref);
  g_clear_object (&self->essay);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->thumb_queue);
  g_clear_pointer (&self->thumbs, g_hash_table_unref);
  g_clear_pointer (&self->thumb_pending, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  _na_pdf_page_stop_search (self);

  G_OBJECT_CLASS (na_pdf_page_parent_class)->finalize (object);
}

static void
na_pdf_page_class_init (NaPdfPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_plus, GDK_CONTROL_MASK, "pdf-page.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "pdf-page.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf-page.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "pdf-page.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf-page.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "pdf-page.zoom-reset" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "pdf-page.find" },
    { GDK_KEY_g, GDK_CONTROL_MASK, "pdf-page.find-next" },
    { GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "pdf-page.find-previous" },
    { GDK_KEY_F3, 0, "pdf-page.find-next" },
    { GDK_KEY_h, GDK_CONTROL_MASK, "pdf-page.highlight" },
    { GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "pdf-page.note" },
    { GDK_KEY_F10, GDK_SHIFT_MASK, "pdf-page.context-menu" },
    { GDK_KEY_Menu, 0, "pdf-page.context-menu" },
  };

  object_class->dispose = na_pdf_page_dispose;
  object_class->finalize = na_pdf_page_finalize;

  g_type_ensure (NA_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/NatoAsia/na-pdf-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, page_entry);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, file_label);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, highlight_button);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, note_button);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, find_button);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, annotate_button);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, annotate_menu);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, match_label);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, relocate_button);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, anchors_list);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, thumbnails_view);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, outline_stack);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, outline_list);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, NaPdfPage, view);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "pdf-page.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.fit-page", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.attach", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.relocate", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.unlock", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.detach", NULL, detach_action);
  _na_pdf_page_find_class_init (widget_class);
  _na_pdf_page_thumbs_class_init (widget_class);
  _na_pdf_page_annotate_class_init (widget_class);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods,
                                         keys[i].action, NULL);
}

static void
na_pdf_page_init (NaPdfPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  _na_pdf_page_thumbs_init (self);

  /* An essay with neither anchors nor annotations says so, and how to add one; while the
   * text is read, the list says that instead. */
  {
    GtkWidget *empty = gtk_label_new (_("No anchored passages or annotations yet. Select text "
                                        "to highlight it or mark it as an argument."));
    GtkWidget *reading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *spinner = gtk_spinner_new ();
    GtkWidget *title = gtk_label_new (_("Finding the essay’s passages…"));
    GtkWidget *stack = gtk_stack_new ();

    gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
    gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
    gtk_widget_add_css_class (empty, "dim-label");
    gtk_spinner_start (GTK_SPINNER (spinner));
    gtk_label_set_wrap (GTK_LABEL (title), TRUE);
    gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
    self->reading_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_widget_add_css_class (GTK_WIDGET (self->reading_label), "dim-label");
    gtk_widget_add_css_class (GTK_WIDGET (self->reading_label), "caption");
    gtk_box_append (GTK_BOX (reading), spinner);
    gtk_box_append (GTK_BOX (reading), title);
    gtk_box_append (GTK_BOX (reading), GTK_WIDGET (self->reading_label));
    gtk_stack_add_named (GTK_STACK (stack), empty, "empty");
    gtk_stack_add_named (GTK_STACK (stack), reading, "reading");
    /* Each measured alone: a hidden wrapped label measured for the height of the other
     * would ask for its whole text on one line. */
    gtk_stack_set_hhomogeneous (GTK_STACK (stack), FALSE);
    gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
    gtk_widget_set_margin_top (stack, 18);
    gtk_widget_set_margin_start (stack, 12);
    gtk_widget_set_margin_end (stack, 12);
    self->anchors_placeholder = GTK_STACK (stack);
    gtk_list_box_set_placeholder (self->anchors_list, stack);
  }

  _na_pdf_page_annotate_init (self);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->view));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->view, "notify::page", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::zoom", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (update_toolbar), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_label (self->zoom_button, "100%");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf-page.attach", FALSE);
  set_document (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_toolbar (self);
}
