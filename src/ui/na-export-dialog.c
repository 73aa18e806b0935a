/* na-export-dialog.c — export a comparison summary: format, paper and title, a preview of
 * exactly the bytes that will be written, then a file chooser.
 *
 * The summary is made in a thread (the PDF takes a good part of a second on slow machines) and
 * the preview shows it as text, or the first PDF page rendered with poppler; Save writes those
 * same bytes, replacing the file only once they are all written.
 */
#define G_LOG_DOMAIN "na-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "na-export.h"
#include "na-export-dialog.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Enough for a person to judge; the whole file is written anyway. */
#define PREVIEW_MAX_CHARS (256 * 1024)

struct _NaExportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *format_dropdown;
  GtkDropDown     *paper_dropdown;
  GtkWidget       *paper_box;
  GtkCheckButton  *notes_check;
  GtkEntry        *title_entry;
  GtkStack        *preview_stack;
  GtkTextView     *preview_text;
  GtkPicture      *preview_picture;
  GtkLabel        *info_label;

  /* Owned references */
  NaComparison    *comparison;
  GBytes          *bytes;
  GCancellable    *cancellable;
  char            *preview;
  GHashTable      *notes;

  NaExportFormat   format;
};

G_DEFINE_FINAL_TYPE (NaExportDialog, na_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  NaComparison   *comparison;
  NaExportFormat  format;
  NaPaperSize     paper;
  char           *title;
  GHashTable     *notes;  /* read-only once made: safe to read from the worker */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->comparison);
  g_clear_pointer (&job->notes, g_hash_table_unref);
  g_free (job->title);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  NaExportOptions options = { job->title, NULL, job->notes, job->paper };
  GError *error = NULL;
  GBytes *bytes = na_export_comparison (job->comparison, job->format, &options, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static GdkTexture *
render_first_page (GBytes  *bytes,
                   int     *n_pages,
                   GError **error)
{
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (bytes, NULL, error);
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale = 1.25;
  GdkTexture *texture;

  if (doc == NULL)
    return NULL;
  *n_pages = poppler_document_get_n_pages (doc);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  /* Paper is white in light and dark alike. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface) *
                        cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, pixels,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static void
show_preview (NaExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *size = g_format_size (g_bytes_get_size (self->bytes));
  g_autofree char *info = NULL;

  if (self->format == NA_EXPORT_FORMAT_PDF)
    {
      int n_pages = 0;
      g_autoptr(GdkTexture) texture = render_first_page (self->bytes, &n_pages, &error);

      if (texture == NULL)
        {
          gtk_label_set_text (self->info_label, error->message);
          return;
        }
      gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->preview_stack, "page");
      /* Translators: e.g. "PDF, 12 pages, 204 kB: the first page is shown" */
      info = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s, %d page, %s: the first page is shown",
                                           "%s, %d pages, %s: the first page is shown", n_pages),
                              na_export_format_get_label (self->format), n_pages, size);
    }
  else
    {
      gsize length;
      const char *data = g_bytes_get_data (self->bytes, &length);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview_text);
      gsize shown = length;

      if (length > PREVIEW_MAX_CHARS)
        {
          const char *end = g_utf8_find_prev_char (data, data + PREVIEW_MAX_CHARS);

          shown = end ? (gsize) (end - data) : 0;
        }
      gtk_text_buffer_set_text (buffer, data, shown);
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
      if (shown < length)
        /* Translators: e.g. "HTML, 1.2 MB: the beginning is shown" */
        info = g_strdup_printf (_("%s, %s: the beginning is shown"),
                                na_export_format_get_label (self->format), size);
      else
        info = g_strdup_printf ("%s, %s", na_export_format_get_label (self->format), size);
    }
  gtk_label_set_text (self->info_label, info);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  NaExportDialog *self = NA_EXPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes == NULL)
    {
      gtk_label_set_text (self->info_label, error->message);
      return;
    }
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = bytes;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", TRUE);
  show_preview (self);
}

static void
update_preview (NaExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->bytes, g_bytes_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", FALSE);
  if (self->comparison == NULL)
    return;

  self->format = gtk_drop_down_get_selected (self->format_dropdown);
  gtk_widget_set_visible (self->paper_box, self->format == NA_EXPORT_FORMAT_PDF);
  gtk_stack_set_visible_child_name (self->preview_stack, "loading");

  job = g_new0 (ExportJob, 1);
  job->comparison = g_object_ref (self->comparison);
  job->format = self->format;
  job->paper = gtk_drop_down_get_selected (self->paper_dropdown) == 1 ? NA_PAPER_LETTER
                                                                       : NA_PAPER_A4;
  job->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  if (self->notes != NULL && gtk_check_button_get_active (self->notes_check))
    job->notes = g_hash_table_ref (self->notes);

  task = g_task_new (self, self->cancellable, export_done, NULL);
  g_task_set_source_tag (task, update_preview);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
write_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(NaExportDialog) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      g_autofree char *body = g_strdup_printf (_("Could not write “%s”: %s"), name,
                                               error->message);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Could Not Export Summary"), body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals [SAVED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                NaExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->bytes != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_replace_contents_bytes_async (file, self->bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                           self->cancellable, write_done, g_object_ref (self));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NaExportDialog *self = NA_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s.%s", _("comparison"),
                                           na_export_format_get_name (self->format));

  chooser = gtk_file_chooser_native_new (_("Save Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, na_export_format_get_label (self->format));
  gtk_file_filter_add_mime_type (filter, na_export_format_get_mime_type (self->format));
  gtk_file_filter_add_suffix (filter, na_export_format_get_name (self->format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

NaExportDialog *
na_export_dialog_new (GtkWindow    *parent,
                      NaComparison *comparison)
{
  g_return_val_if_fail (NA_IS_COMPARISON (comparison), NULL);

  return g_object_new (NA_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "comparison", comparison,
                       NULL);
}

NaComparison *
na_export_dialog_get_comparison (NaExportDialog *self)
{
  g_return_val_if_fail (NA_IS_EXPORT_DIALOG (self), NULL);

  return self->comparison;
}

/**
 * na_export_dialog_set_notes:
 * @notes: (nullable): the user's notes, item id → note (see NaExportOptions), not changed
 *   afterwards
 *
 * Offers to include the notes: the check box shows when any of them would appear in this
 * comparison's export, unchecked, since a summary handed to a colleague should not carry
 * private notes by surprise.
 */
void
na_export_dialog_set_notes (NaExportDialog *self,
                            GHashTable     *notes)
{
  gboolean any;

  g_return_if_fail (NA_IS_EXPORT_DIALOG (self));

  if (notes != NULL)
    g_hash_table_ref (notes);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  self->notes = notes;
  any = na_comparison_has_notes (self->comparison, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_check), any);
  if (!any)
    gtk_check_button_set_active (self->notes_check, FALSE);
  update_preview (self);
}

/* The text the preview shows (empty for a PDF, shown as a page). */
const char *
na_export_dialog_get_preview (NaExportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (NA_IS_EXPORT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->preview_text);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->preview);
  self->preview = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return self->preview;
}

static void
na_export_dialog_constructed (GObject *object)
{
  NaExportDialog *self = NA_EXPORT_DIALOG (object);
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (na_export_dialog_parent_class)->constructed (object);

  if (self->comparison != NULL)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Comparison of %u essay",
                                            "Comparison of %u essays",
                                            na_comparison_get_n_essays (self->comparison)),
                               na_comparison_get_n_essays (self->comparison));
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
    }
  g_signal_connect_object (self->format_dropdown, "notify::selected",
                           G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paper_dropdown, "notify::selected",
                           G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_entry, "changed",
                           G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_check, "toggled",
                           G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  update_preview (self);
}

static void
na_export_dialog_dispose (GObject *object)
{
  NaExportDialog *self = (NaExportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NA_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (na_export_dialog_parent_class)->dispose (object);
}

static void
na_export_dialog_finalize (GObject *object)
{
  NaExportDialog *self = (NaExportDialog *)object;

  g_clear_object (&self->comparison);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->preview, g_free);
  g_clear_pointer (&self->notes, g_hash_table_unref);

  G_OBJECT_CLASS (na_export_dialog_parent_class)->finalize (object);
}

static void
na_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NaExportDialog *self = NA_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NaExportDialog *self = NA_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      self->comparison = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_export_dialog_class_init (NaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = na_export_dialog_constructed;
  object_class->dispose = na_export_dialog_dispose;
  object_class->finalize = na_export_dialog_finalize;
  object_class->get_property = na_export_dialog_get_property;
  object_class->set_property = na_export_dialog_set_property;

  properties [PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, "The comparison to export",
                         NA_TYPE_COMPARISON,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted with the GFile once the summary is written. */
  signals [SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/NatoAsia/na-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, paper_box);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, notes_check);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, preview_text);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, NaExportDialog, info_label);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
na_export_dialog_init (NaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
