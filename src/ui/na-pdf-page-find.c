/* na-pdf-page-find.c — find in the Source view: a search running page by page in a worker
 * thread (NaPdfSearch) while the text is still being extracted, its matches listed and
 * highlighted as they come */
#define G_LOG_DOMAIN "na-pdf-page"

#include "config.h"

#include <glib/gi18n.h>

#include "na-pdf-page-private.h"

static void
update_match_label (NaPdfPage *self)
{
  g_autofree char *label = NULL;
  guint n = self->search ? na_pdf_search_get_n_matches (self->search) : 0;

  if (self->search == NULL)
    label = g_strdup ("");
  else if (!na_pdf_search_get_finished (self->search))
    {
      NaPdfDocument *document = na_pdf_search_get_document (self->search);

      /* Translators: the progress of a find: the matches so far, the pages searched so
       * far and the number of pages */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match, page %d of %d…",
                                            "%u matches, page %d of %d…", n),
                               n, na_pdf_search_get_pages_searched (self->search),
                               na_pdf_document_get_n_pages (document));
    }
  else if (n == 0)
    label = g_strdup (_("No matches"));
  else
    /* Translators: the current match and the number of matches */
    label = g_strdup_printf (_("%u of %u"), self->current_match + 1, n);
  gtk_label_set_text (self->match_label, label);
}

static void
show_match (NaPdfPage *self)
{
  GArray *rects;
  guint n = self->search ? na_pdf_search_get_n_matches (self->search) : 0;

  if (n == 0)
    {
      na_pdf_view_set_highlights (self->view, NA_PDF_HIGHLIGHT_CURRENT, NULL);
      update_match_label (self);
      return;
    }

  self->current_match = (self->current_match + n) % n;
  rects = na_pdf_search_get_match_rects (self->search, self->current_match);
  na_pdf_view_set_highlights (self->view, NA_PDF_HIGHLIGHT_CURRENT, rects);
  if (rects->len > 0)
    {
      NaPdfRect *r = &g_array_index (rects, NaPdfRect, 0);

      na_pdf_view_scroll_to (self->view, r->page, r->y1);
    }
  update_match_label (self);
}

void
_na_pdf_page_stop_search (NaPdfPage *self)
{
  if (self->search != NULL)
    {
      na_pdf_search_cancel (self->search);
      g_signal_handlers_disconnect_by_data (self->search, self);
      g_clear_object (&self->search);
    }
  g_clear_pointer (&self->match_rects, g_array_unref);
}

/* New matches from the search: listed and highlighted; the first one shown. */
static void
matches_added_cb (NaPdfSearch *search,
                  guint        first,
                  guint        n_added,
                  NaPdfPage   *self)
{
  for (guint i = first; i < first + n_added; i++)
    {
      GArray *rects = na_pdf_search_get_match_rects (search, i);
      int page_index;

      na_pdf_search_get_match (search, i, &page_index, NULL, NULL);
      g_array_append_vals (self->match_rects, rects->data, rects->len);
      /* The list shows each match in its context; a few hundred are plenty to scan. */
      if (i < 300 && rects->len > 0)
        {
          g_autofree char *snippet = na_pdf_search_dup_match_snippet (search, i);
          g_autofree char *page = g_strdup_printf (_("p. %d"), page_index + 1);
          GtkWidget *row;

          row = _na_pdf_page_jump_row_new_markup (page, snippet, page_index,
                                                  g_array_index (rects, NaPdfRect, 0).y1);
          g_object_set_data (G_OBJECT (row), "match", GUINT_TO_POINTER (i));
          gtk_list_box_append (self->results_list, row);
        }
    }
  na_pdf_view_set_highlights (self->view, NA_PDF_HIGHLIGHT_MATCH, self->match_rects);
  if (first == 0)
    {
      self->current_match = 0;
      show_match (self);
    }
  else
    update_match_label (self);
}

static void
search_progress_cb (NaPdfPage *self)
{
  update_match_label (self);
}

/**
 * na_pdf_page_find:
 *
 * Starts finding @text in the PDF, in a worker thread, even while its text is still being
 * extracted; the matches are listed and highlighted as they are found.
 */
void
na_pdf_page_find (NaPdfPage  *self,
                  const char *text)
{
  NaPdfDocument *document = na_pdf_view_get_document (self->view);

  g_return_if_fail (NA_IS_PDF_PAGE (self));

  _na_pdf_page_stop_search (self);
  _na_pdf_page_clear_list (self->results_list);
  na_pdf_view_set_highlights (self->view, NA_PDF_HIGHLIGHT_MATCH, NULL);
  if (document == NULL || text == NULL || text[0] == '\0')
    {
      show_match (self);
      return;
    }

  self->current_match = 0;
  self->match_rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
  self->search = na_pdf_search_new (document, text);
  g_signal_connect (self->search, "matches-added", G_CALLBACK (matches_added_cb), self);
  g_signal_connect_swapped (self->search, "notify::pages-searched",
                            G_CALLBACK (search_progress_cb), self);
  g_signal_connect_swapped (self->search, "notify::finished",
                            G_CALLBACK (update_match_label), self);
  na_pdf_search_start (self->search);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
  show_match (self);
}

/* The matches found so far. */
guint
na_pdf_page_get_n_matches (NaPdfPage *self)
{
  return self->search ? na_pdf_search_get_n_matches (self->search) : 0;
}

/* Whether a find is still going through the pages. */
gboolean
na_pdf_page_get_finding (NaPdfPage *self)
{
  return self->search != NULL && !na_pdf_search_get_finished (self->search);
}

static void
search_changed_cb (NaPdfPage *self)
{
  na_pdf_page_find (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_next_cb (NaPdfPage *self)
{
  self->current_match++;
  show_match (self);
}

static void
search_previous_cb (NaPdfPage *self)
{
  self->current_match--;
  show_match (self);
}

static void
search_activate_cb (NaPdfPage *self)
{
  search_next_cb (self);
}

static void
result_row_activated_cb (NaPdfPage     *self,
                         GtkListBoxRow *row)
{
  self->current_match = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "match"));
  show_match (self);
  _na_pdf_page_sidebar_done (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NaPdfPage *self = NA_PDF_PAGE (widget);

  if (g_str_equal (action_name, "pdf-page.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else if (g_str_equal (action_name, "pdf-page.find-next"))
    search_next_cb (self);
  else
    search_previous_cb (self);
}

void
_na_pdf_page_find_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pdf-page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "pdf-page.find-previous", NULL, find_action);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_row_activated_cb);
}
