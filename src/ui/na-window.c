/* na-window.c — the main window: the library list and the selected essay */
#define G_LOG_DOMAIN "na-window"

#include "config.h"

#include <glib/gi18n.h>

#include "na-comparison-view.h"
#include "na-essay-page.h"
#include "na-export-dialog.h"
#include "na-essay-row.h"
#include "na-map-view.h"
#include "na-pdf-page.h"
#include "na-user-analysis.h"
#include "na-window.h"
#include "na-window-reader.h"

struct _NaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwFlap              *flap;
  GtkStack             *list_stack;
  GtkListView          *essay_list;
  GtkStack             *content_stack;
  AdwStatusPage        *selection_page;
  NaEssayPage          *essay_page;
  NaComparisonView     *comparison_view;
  NaMapView            *map_view;
  NaPdfPage            *pdf_page;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *sort_dropdown;
  GtkDropDown          *question_dropdown;
  GtkDropDown          *country_dropdown;
  NaReader             *reader;
  GtkWidget            *read_button;
  GtkWidget            *open_button;

  /* Owned references */
  NaLibrary            *library;
  GtkMultiSelection    *selection;
  NaEssay              *current;    /* the essay shown: the one selected, or the last chosen
                                     * of several */
  GSettings            *settings;
  GCancellable         *cancellable;
  NaAttachments        *attachments;
  NaWindowReader       *reader_state;

  gboolean              compact;      /* the header keeps to what fits a phone */
};

G_DEFINE_FINAL_TYPE (NaWindow, na_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

NaWindow *
na_window_new (NaApplication *application)
{
  return g_object_new (NA_TYPE_WINDOW, "application", application, NULL);
}

/* The ids of the essays selected in the sidebar, in list order. */
static char **
dup_selected_ids (NaWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkBitsetIter iter;
  guint i;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &i);
       ok;
       ok = gtk_bitset_iter_next (&iter, &i))
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      g_strv_builder_add (builder, na_essay_get_id (essay));
    }
  return g_strv_builder_end (builder);
}

/* The sidebar selects like a file list: a click one essay, Ctrl+click and Shift+click several.
 * One selected essay is shown; several are offered for comparison, and the views that show one
 * essay keep the last one chosen. */
static void
update_content (NaWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
                                    GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  g_autoptr(NaEssay) essay = NULL;
  gboolean changed;

  if (n == 1)
    essay = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                   gtk_bitset_get_minimum (selected));
  else if (n > 1 && self->current != NULL)
    {
      /* Keep the shown essay while it stays among the selected, else take the first. */
      guint first = gtk_bitset_get_minimum (selected);
      GtkBitsetIter iter;
      guint i;

      for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &i);
           ok && essay == NULL;
           ok = gtk_bitset_iter_next (&iter, &i))
        {
          g_autoptr(NaEssay) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

          if (item == self->current)
            essay = g_steal_pointer (&item);
        }
      if (essay == NULL)
        essay = g_list_model_get_item (G_LIST_MODEL (self->selection), first);
    }
  else if (n > 1)
    essay = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                   gtk_bitset_get_minimum (selected));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-selected", n >= 2);
  if (n > 1)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u Essay Selected",
                                                             "%u Essays Selected", (guint) n),
                                                (guint) n);

      adw_status_page_set_title (self->selection_page, title);
    }

  changed = essay != self->current;
  if (changed)
    {
      g_set_object (&self->current, essay);
      na_essay_page_set_essay (self->essay_page, essay);
      na_map_view_set_essay (self->map_view, essay);
      na_pdf_page_set_essay (self->pdf_page, essay);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.attach-pdf", essay != NULL);
      _na_window_reader_essay_changed (self->reader_state, essay);
    }
  if (n > 1)
    gtk_stack_set_visible_child_name (self->content_stack, "selection");
  /* The reader stays only while its essay does (the list re-sorted, a search typed). */
  else if (changed || g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack),
                                 "reader") != 0)
    gtk_stack_set_visible_child_name (self->content_stack, essay ? "essay" : "none");

  /* On a narrow window the sidebar covers the page: get it out of the way once chosen. */
  if (n == 1 && adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_selection_changed (NaWindow *self)
{
  update_content (self);
}

NaLibrary *
na_window_get_library (NaWindow *self)
{
  g_return_val_if_fail (NA_IS_WINDOW (self), NULL);

  return self->library;
}

void
na_window_set_library (NaWindow  *self,
                       NaLibrary *library)
{
  GListModel *sorted;
  GListModel *essays;
  const char *title;

  g_return_if_fail (NA_IS_WINDOW (self));
  g_return_if_fail (!library || NA_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  essays = library ? na_library_get_essays (library) : NULL;
  /* Searched, filtered and sorted, with the user's own essays (na-window-reader.c). */
  sorted = _na_window_reader_set_library (self->reader_state, library);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (sorted));
  na_essay_page_set_library (self->essay_page, library);
  na_comparison_view_set_library (self->comparison_view, library);
  na_map_view_set_library (self->map_view, library);
  na_pdf_page_set_library (self->pdf_page, library);

  title = library ? na_library_get_title (library) : NULL;
  adw_view_switcher_title_set_subtitle (self->switcher_title, title ? title : "");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    essays && g_list_model_get_n_items (essays) ? "list"
                                                                                : "empty");
  /* With room for both panes, open on the newest essay rather than an empty page. */
  if (!adw_flap_get_folded (self->flap) && g_list_model_get_n_items (G_LIST_MODEL (sorted)) > 0)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  update_content (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
}

/* Selects the essay with @essay_id in the list, scrolling it into view. */
void
na_window_select_essay (NaWindow   *self,
                        const char *essay_id)
{
  GListModel *model;
  guint n;

  g_return_if_fail (NA_IS_WINDOW (self));

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (model, i);

      if (g_strcmp0 (na_essay_get_id (essay), essay_id) == 0)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self->essay_list), "list.scroll-to-item",
                                      "u", i);
          return;
        }
    }
}

/* win.show-item: opens the essay an argument or recommendation belongs to, on its page.
 * Other views (comparison, map) use it to send the user to the source of what they show. */
static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NaWindow *self = NA_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  NaArgument *argument;
  NaRecommendation *recommendation;
  const char *essay_id = NULL;

  if (self->library == NULL)
    return;

  if ((argument = na_library_lookup_argument (self->library, id)) != NULL)
    essay_id = na_argument_get_essay_id (argument);
  else if ((recommendation = na_library_lookup_recommendation (self->library, id)) != NULL)
    essay_id = na_recommendation_get_essay_id (recommendation);
  else if (na_library_lookup_essay (self->library, id) != NULL)
    essay_id = id;
  else
    essay_id = _na_window_reader_essay_of_item (self->reader_state, id);

  if (essay_id == NULL)
    return;

  na_window_select_essay (self, essay_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "essay");
  /* With a text attached, the reader shows the item's passage. */
  _na_window_reader_show_item (self->reader_state, id);
}

/**
 * na_window_add_toast:
 * @toast: (transfer full): a toast, as adw_toast_overlay_add_toast() takes it
 *
 * Shows @toast over the window's content.
 */
void
na_window_add_toast (NaWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (NA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
comparison_saved_cb (NaWindow *self,
                     GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Summary saved as “%s”"), name);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* win.export-comparison: the export dialog for what the comparison view shows. */
static void
export_comparison_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  NaWindow *self = NA_WINDOW (widget);
  NaComparison *comparison = na_comparison_view_get_comparison (self->comparison_view);
  NaExportDialog *dialog;

  if (comparison == NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "compare");
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose at least two essays to compare")));
      return;
    }

  dialog = na_export_dialog_new (GTK_WINDOW (self), comparison);
  if (na_window_get_user_store (self) != NULL)
    {
      g_autoptr(GHashTable) notes =
        na_user_analysis_dup_notes (na_comparison_get_library (comparison),
                                    na_window_get_user_store (self));

      na_export_dialog_set_notes (dialog, notes);
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (comparison_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.compare-selected: compare the essays selected in the sidebar. */
static void
compare_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NaWindow *self = NA_WINDOW (widget);
  g_auto(GStrv) ids = dup_selected_ids (self);

  if (g_strv_length (ids) < 2)
    return;
  na_comparison_view_choose_essays (self->comparison_view, (const char * const *) ids);
  adw_view_stack_set_visible_child_name (self->view_stack, "compare");
}

/* win.compare-listed: compare all the essays the sidebar lists, as searched and filtered. */
static void
compare_listed_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NaWindow *self = NA_WINDOW (widget);
  GListModel *listed = G_LIST_MODEL (self->selection);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (listed, i);

      g_strv_builder_add (builder, na_essay_get_id (essay));
    }
  ids = g_strv_builder_end (builder);
  na_comparison_view_choose_essays (self->comparison_view, (const char * const *) ids);
  adw_view_stack_set_visible_child_name (self->view_stack, "compare");
}

static void
show_error (NaWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Says over this window why a library could not be opened (@message names the file). */
void
na_window_show_library_error (NaWindow   *self,
                              const char *message)
{
  g_return_if_fail (NA_IS_WINDOW (self));

  show_error (self, _("Could Not Open Library"), message);
}

void
na_window_load_bundled (NaWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = NULL;

  g_return_if_fail (NA_IS_WINDOW (self));

  library = na_library_new_bundled (&error);
  if (library == NULL)
    {
      show_error (self, _("Could Not Load the Bundled Library"), error->message);
      return;
    }

  na_window_set_library (self, library);
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = NULL;

  library = na_library_load_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (library == NULL)
    {
      /* Keep what the window showed, and say which file failed and why. A window opened for
       * this file alone shows what a window shows at start, not an empty library. */
      if (self->library == NULL)
        na_window_load_bundled (self);
      gtk_stack_set_visible_child_name (self->list_stack, self->library ? "list" : "empty");
      na_window_show_library_error (self, error->message);
      return;
    }

  na_window_set_library (self, library);
}

void
na_window_open_library (NaWindow *self,
                        GFile    *file)
{
  g_return_if_fail (NA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  na_library_load_file_async (file, self->cancellable, library_loaded_cb, g_object_ref (self));
}

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                NaWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      na_window_open_library (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NaWindow *self = NA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Library File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("NatoAsia libraries (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  na_window_load_bundled (NA_WINDOW (widget));
}

/* win.attach-pdf: the selected essay's source PDF, shown in the Source view. */
static void
attach_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NaWindow *self = NA_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "pdf");
  gtk_widget_activate_action (GTK_WIDGET (self->pdf_page), "pdf-page.attach", NULL);
}

NaPdfPage *
na_window_get_pdf_page (NaWindow *self)
{
  g_return_val_if_fail (NA_IS_WINDOW (self), NULL);

  return self->pdf_page;
}

static void
export_map_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  na_map_view_export (NA_WINDOW (widget)->map_view);
}

/* The map can show the essays being compared: keep it told which they are. */
static void
on_comparison_changed (NaWindow *self)
{
  NaComparison *comparison = na_comparison_view_get_comparison (self->comparison_view);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; comparison != NULL && i < na_comparison_get_n_essays (comparison); i++)
    g_strv_builder_add (builder, na_essay_get_id (na_comparison_get_essay (comparison, i)));
  ids = g_strv_builder_end (builder);
  na_map_view_set_compared_essays (self->map_view, (const char * const *) ids);
}

/* A phone-sized window keeps to what fits a phone's header: Open stays in the main menu
 * (Ctrl+O), and Read shrinks to its icon. */
static void
set_compact (NaWindow *self,
             gboolean  compact)
{
  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_widget_set_visible (self->open_button, !compact);
  if (compact)
    gtk_button_set_icon_name (GTK_BUTTON (self->read_button), "text-x-generic-symbolic");
  else
    gtk_button_set_label (GTK_BUTTON (self->read_button), _("_Read"));
}

/* Compact when the sidebar folds over the page. Decided here, before the header is laid out:
 * the flap folds in its own allocation, after the header's, by this rule (its default
 * fold-threshold-policy, on minimum sizes). */
static void
na_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  NaWindow *self = NA_WINDOW (widget);
  int flap_min, content_min, separator_min;

  gtk_widget_measure (adw_flap_get_flap (self->flap), GTK_ORIENTATION_HORIZONTAL, -1,
                      &flap_min, NULL, NULL, NULL);
  gtk_widget_measure (adw_flap_get_content (self->flap), GTK_ORIENTATION_HORIZONTAL, -1,
                      &content_min, NULL, NULL, NULL);
  gtk_widget_measure (adw_flap_get_separator (self->flap), GTK_ORIENTATION_HORIZONTAL, -1,
                      &separator_min, NULL, NULL, NULL);
  set_compact (self, width < flap_min + content_min + separator_min);

  GTK_WIDGET_CLASS (na_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
na_window_dispose (GObject *object)
{
  NaWindow *self = (NaWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->reader_state, _na_window_reader_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), NA_TYPE_WINDOW);

  G_OBJECT_CLASS (na_window_parent_class)->dispose (object);
}

static void
na_window_finalize (GObject *object)
{
  NaWindow *self = (NaWindow *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->selection);
  g_clear_object (&self->current);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->attachments);

  G_OBJECT_CLASS (na_window_parent_class)->finalize (object);
}

static void
na_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NaWindow *self = NA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NaWindow *self = NA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      na_window_set_library (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_window_class_init (NaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = na_window_dispose;
  object_class->finalize = na_window_finalize;
  object_class->get_property = na_window_get_property;
  object_class->set_property = na_window_set_property;
  widget_class->size_allocate = na_window_size_allocate;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, "The library shown",
                         NA_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NA_TYPE_ESSAY_PAGE);
  g_type_ensure (NA_TYPE_ESSAY_ROW);
  g_type_ensure (NA_TYPE_COMPARISON_VIEW);
  g_type_ensure (NA_TYPE_MAP_VIEW);
  g_type_ensure (NA_TYPE_PDF_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NatoAsia/na-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, selection_page);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, essay_list);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, essay_page);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, comparison_view);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, pdf_page);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, question_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, read_button);
  gtk_widget_class_bind_template_child (widget_class, NaWindow, open_button);
  _na_window_reader_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.compare-selected", NULL,
                                   compare_selected_action);
  gtk_widget_class_install_action (widget_class, "win.compare-listed", NULL,
                                   compare_listed_action);
  gtk_widget_class_install_action (widget_class, "win.export-comparison", NULL,
                                   export_comparison_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-comparison", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL, export_map_action);
  gtk_widget_class_install_action (widget_class, "win.attach-pdf", NULL, attach_pdf_action);
}

static void
na_window_init (NaWindow *self)
{
  g_autoptr(GPropertyAction) toggle_sidebar = NULL;
  NaWindowReaderWidgets reader_widgets;

  gtk_widget_init_template (GTK_WIDGET (self));

  reader_widgets = (NaWindowReaderWidgets) {
    self->search_entry, self->sort_dropdown, self->question_dropdown, self->country_dropdown,
    self->content_stack, self->reader, self->read_button, self->list_stack,
    self->comparison_view, self->map_view, self->view_stack,
  };
  self->reader_state = _na_window_reader_new (self, &reader_widgets);

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_multi_selection_new (NULL);
  gtk_list_view_set_model (self->essay_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-selected", FALSE);

  g_signal_connect_object (self->comparison_view, "notify::comparison",
                           G_CALLBACK (on_comparison_changed), self, G_CONNECT_SWAPPED);
  /* The user's PDF attachments; an unreadable store was moved aside: say where. */
  {
    g_autoptr(GError) error = NULL;

    self->attachments = na_attachments_new (NULL);
    if (!na_attachments_load (self->attachments, &error))
      {
        AdwToast *toast = adw_toast_new (error->message);

        adw_toast_set_timeout (toast, 0);
        adw_toast_overlay_add_toast (self->toast_overlay, toast);
      }
    na_pdf_page_set_attachments (self->pdf_page, self->attachments);
    _na_window_reader_set_attachments (self->reader_state, self->attachments);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.attach-pdf", FALSE);
  }

  toggle_sidebar = g_property_action_new ("toggle-sidebar", self->flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (toggle_sidebar));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}
