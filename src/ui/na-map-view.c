/* na-map-view.c — the map page: which essays and what to count, the map, its legend, the
 * list of countries with their figures (the map's text alternative, for keyboard and
 * screen-reader users), and, for a picked country, what the essays say about it */
#define G_LOG_DOMAIN "na-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "na-cli-map.h"
#include "na-map-canvas.h"
#include "na-map-view.h"
#include "na-merged-library.h"
#include "na-util.h"

enum {
  SCOPE_LIBRARY,
  SCOPE_ESSAY,
  SCOPE_COMPARED,
};

struct _NaMapView
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkDropDown  *scope_dropdown;
  GtkDropDown  *metric_dropdown;
  GtkLabel     *selection_label;
  AdwFlap      *flap;
  GtkStack     *map_stack;
  NaMapCanvas  *canvas;
  AdwStatusPage *error_page;
  GtkStack     *side_stack;
  GtkLabel     *countries_heading;
  GtkStack     *countries_stack;
  AdwStatusPage *countries_empty;
  GtkListView  *country_list;
  GtkLabel     *country_title;
  GtkLabel     *country_figures;
  GtkListView  *item_list;

  /* Owned references */
  NaMergedLibrary *merged;    /* the library with the user's analysis merged in */
  NaEssay      *essay;
  char        **compared_ids;
  NaMapFigures *figures;
  GtkStringList *codes;
  GListStore   *items;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (NaMapView, na_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ESSAY,
  PROP_USER_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What is mapped: the library with the user's own essays, arguments and recommendations and
 * their edits, as the comparison shows them. */
static NaLibrary *
mapped (NaMapView *self)
{
  return na_merged_library_get_merged (self->merged);
}

static NaMapMetric
current_metric (NaMapView *self)
{
  guint selected = gtk_drop_down_get_selected (self->metric_dropdown);

  return selected < NA_MAP_N_METRICS ? (NaMapMetric) selected : NA_MAP_METRIC_ARGUMENTS;
}

/* Returns: (transfer full) (nullable): the selected essay ids, %NULL for the whole library */
static char **
dup_essay_ids (NaMapView *self)
{
  const char *ids[2] = { NULL, NULL };
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);

  if (scope == SCOPE_COMPARED)
    return g_strdupv (self->compared_ids ? self->compared_ids : (char *[]) { NULL });
  if (scope != SCOPE_ESSAY)
    return NULL;
  /* No essay selected: an empty selection, said so in the list's empty state. */
  ids[0] = self->essay ? na_essay_get_id (self->essay) : NULL;
  return g_strdupv ((char **) ids);
}

static const char *
country_name (NaMapView  *self,
              const char *code)
{
  NaWorldMap *map = na_map_canvas_get_map (self->canvas);
  const char *name = map ? na_world_map_get_name_for_code (map, code) : NULL;
  NaCountry *country;

  if (name == NULL && mapped (self) &&
      (country = na_library_lookup_country (mapped (self), code)) != NULL)
    name = na_country_get_name (country);
  return name ? name : code;
}

/* For na_map_figures_dup_codes(): ties in the list go by the name it shows. */
static const char *
country_name_func (const char *code,
                   gpointer    user_data)
{
  return country_name (user_data, code);
}

static void
show_country (NaMapView  *self,
              const char *code)
{
  const NaMapFigure *figure;
  g_autofree char *figures = NULL;
  const char *last_essay = NULL;

  g_list_store_remove_all (self->items);
  if (code == NULL || self->figures == NULL)
    {
      gtk_stack_set_visible_child_name (self->side_stack, "countries");
      return;
    }

  figure = na_map_figures_lookup (self->figures, code);
  figures = na_map_figure_describe (figure);
  gtk_label_set_label (self->country_title, country_name (self, code));
  gtk_label_set_label (self->country_figures, figures);

  /* Items come sorted essay by essay; each essay's title heads its group. */
  for (guint i = 0; figure && i < figure->items->len; i++)
    {
      GObject *item = g_ptr_array_index (figure->items, i);
      const char *essay_id = NA_IS_ARGUMENT (item)
        ? na_argument_get_essay_id (NA_ARGUMENT (item))
        : na_recommendation_get_essay_id (NA_RECOMMENDATION (item));

      if (g_strcmp0 (essay_id, last_essay) != 0)
        {
          NaEssay *essay = na_library_lookup_essay (mapped (self), essay_id);

          if (essay)
            g_list_store_append (self->items, essay);
          last_essay = essay_id;
        }
      g_list_store_append (self->items, item);
    }

  gtk_stack_set_visible_child_name (self->side_stack, "country");
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* On a narrow window the list would cover the map: folded, it starts hidden. */
static void
on_folded_changed (NaMapView *self)
{
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));
}

static void
on_selected_code_changed (NaMapView *self)
{
  show_country (self, na_map_canvas_get_selected_code (self->canvas));
}

static void
refresh (NaMapView *self)
{
  g_auto(GStrv) essay_ids = dup_essay_ids (self);
  g_auto(GStrv) codes = NULL;
  g_autofree char *selection = NULL;
  NaMapMetric metric = current_metric (self);

  g_clear_pointer (&self->figures, na_map_figures_unref);
  if (mapped (self) == NULL)
    {
      na_map_canvas_set_figures (self->canvas, NULL, metric);
      gtk_string_list_splice (self->codes, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->codes)), NULL);
      gtk_stack_set_visible_child_name (self->countries_stack, "empty");
      return;
    }

  self->figures = na_map_figures_new (mapped (self), (const char * const *) essay_ids);
  na_map_canvas_set_figures (self->canvas, self->figures, metric);

  if (essay_ids && essay_ids[0] == NULL)
    selection = g_strdup (_("No essay selected"));
  else
    selection = na_map_describe_selection (mapped (self), (const char * const *) essay_ids);
  gtk_label_set_label (self->selection_label, selection);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->selection_label), selection);
  gtk_label_set_label (self->countries_heading, na_map_metric_get_legend (metric));

  codes = na_map_figures_dup_codes (self->figures, metric, country_name_func, self);
  gtk_string_list_splice (self->codes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->codes)),
                          (const char * const *) codes);
  adw_status_page_set_description (self->countries_empty,
                                   essay_ids && essay_ids[0] == NULL
                                   ? _("Choose an essay in the library to map it")
                                   : _("The selected essays name no country"));
  gtk_stack_set_visible_child_name (self->countries_stack, codes[0] ? "list" : "empty");

  show_country (self, na_map_canvas_get_selected_code (self->canvas));
}

/* Country list rows: the name, and the figures under it. */
static void
setup_country_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *figures = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (figures), 0);
  gtk_label_set_wrap (GTK_LABEL (figures), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (figures), 36);
  gtk_widget_add_css_class (figures, "dim-label");
  gtk_widget_add_css_class (figures, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), figures);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_country_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  NaMapView                *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  const char *code = gtk_string_object_get_string (item);
  g_autofree char *figures = NULL;

  figures = na_map_figure_describe (self->figures ? na_map_figures_lookup (self->figures, code)
                                                  : NULL);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), country_name (self, code));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), figures);
}

static void
country_activated_cb (NaMapView   *self,
                      guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->codes), position);

  if (item)
    na_map_view_select_country (self, gtk_string_object_get_string (item));
}

/* Item list rows: essay titles as headings, then each argument's claim or recommendation's
 * action, with what it is under it. */
static void
setup_item_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  /* Wrapped labels ask for their whole text's width; keep the side list narrow. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), title);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item_row (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *kind = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_last_child (box);
  GObject *item = gtk_list_item_get_item (list_item);
  gboolean heading = NA_IS_ESSAY (item);

  gtk_list_item_set_activatable (list_item, !heading);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_widget_set_visible (kind, !heading);
  gtk_widget_set_margin_top (box, heading ? 12 : 3);
  if (heading)
    {
      g_autofree char *full = na_essay_dup_full_title (NA_ESSAY (item));

      gtk_label_set_label (GTK_LABEL (title), full);
      gtk_widget_add_css_class (title, "heading");
    }
  else
    {
      gtk_widget_remove_css_class (title, "heading");
      if (NA_IS_ARGUMENT (item))
        {
          gtk_label_set_label (GTK_LABEL (kind), _("Argument"));
          gtk_label_set_label (GTK_LABEL (title), na_argument_get_claim (NA_ARGUMENT (item)));
        }
      else
        {
          gtk_label_set_label (GTK_LABEL (kind), _("Recommendation"));
          gtk_label_set_label (GTK_LABEL (title),
                               na_recommendation_get_action (NA_RECOMMENDATION (item)));
        }
    }
}

/* Opens the reader at the item's passage, through the window's win.show-item. */
static void
item_activated_cb (NaMapView *self,
                   guint      position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  const char *id = NULL;

  if (NA_IS_ARGUMENT (item))
    id = na_argument_get_id (NA_ARGUMENT (item));
  else if (NA_IS_RECOMMENDATION (item))
    id = na_recommendation_get_id (NA_RECOMMENDATION (item));

  if (id)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s", id);
}

static void
map_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(NaMapView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NaWorldMap) map = na_world_map_load_bundled_finish (result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (map == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->map_stack, "error");
      return;
    }

  na_map_canvas_set_map (self->canvas, map);
  gtk_stack_set_visible_child_name (self->map_stack, "map");
  refresh (self);
}

NaLibrary *
na_map_view_get_library (NaMapView *self)
{
  g_return_val_if_fail (NA_IS_MAP_VIEW (self), NULL);

  return na_merged_library_get_library (self->merged);
}

void
na_map_view_set_library (NaMapView *self,
                         NaLibrary *library)
{
  g_return_if_fail (NA_IS_MAP_VIEW (self));
  g_return_if_fail (!library || NA_IS_LIBRARY (library));

  if (na_merged_library_get_library (self->merged) == library)
    return;

  na_map_canvas_set_selected_code (self->canvas, NULL);
  na_merged_library_set_library (self->merged, library);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
}

NaUserStore *
na_map_view_get_user_store (NaMapView *self)
{
  g_return_val_if_fail (NA_IS_MAP_VIEW (self), NULL);

  return na_merged_library_get_user_store (self->merged);
}

/**
 * na_map_view_set_user_store:
 * @store: (nullable): the user's data: their essays and the countries of their own arguments
 *   and recommendations are mapped too
 */
void
na_map_view_set_user_store (NaMapView   *self,
                            NaUserStore *store)
{
  g_return_if_fail (NA_IS_MAP_VIEW (self));
  g_return_if_fail (!store || NA_IS_USER_STORE (store));

  if (na_merged_library_get_user_store (self->merged) == store)
    return;
  na_merged_library_set_user_store (self->merged, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_STORE]);
}

NaEssay *
na_map_view_get_essay (NaMapView *self)
{
  g_return_val_if_fail (NA_IS_MAP_VIEW (self), NULL);

  return self->essay;
}

/* The essay selected in the window: what "Selected Essay" maps. */
void
na_map_view_set_essay (NaMapView *self,
                       NaEssay   *essay)
{
  g_return_if_fail (NA_IS_MAP_VIEW (self));
  g_return_if_fail (!essay || NA_IS_ESSAY (essay));

  if (!g_set_object (&self->essay, essay))
    return;

  if (gtk_drop_down_get_selected (self->scope_dropdown) == SCOPE_ESSAY)
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ESSAY]);
}

/* The essays the comparison view shows: what "Compared Essays" maps. */
void
na_map_view_set_compared_essays (NaMapView          *self,
                                 const char * const *essay_ids)
{
  g_return_if_fail (NA_IS_MAP_VIEW (self));

  if (na_strv_equal0 ((const char * const *) self->compared_ids, essay_ids))
    return;

  g_strfreev (self->compared_ids);
  self->compared_ids = g_strdupv ((char **) essay_ids);
  if (gtk_drop_down_get_selected (self->scope_dropdown) == SCOPE_COMPARED)
    refresh (self);
}

/* Selects @code's country on the map and lists what the essays say about it. */
void
na_map_view_select_country (NaMapView  *self,
                            const char *code)
{
  g_return_if_fail (NA_IS_MAP_VIEW (self));

  na_map_canvas_set_selected_code (self->canvas, code);
  show_country (self, na_map_canvas_get_selected_code (self->canvas) ? code : NULL);
}

static void
show_toast (NaMapView  *self,
            const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* The chosen file, with the extension of the chosen filter when the name has none we know. */
static GFile *
dup_export_file (GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  const char *extension;

  if (file == NULL || g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".svg"))
    return g_steal_pointer (&file);

  extension = filter && g_strcmp0 (gtk_file_filter_get_name (filter), _("SVG drawing")) == 0
              ? ".svg" : ".png";
  {
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree char *with_extension = g_strconcat (name, extension, NULL);

    return g_file_get_child (parent, with_extension);
  }
}

static void
export_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  NaMapView       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *caption = NULL;
  g_auto(GStrv) essay_ids = NULL;
  NaWorldMap *map = na_map_canvas_get_map (self->canvas);
  NaMapMetric metric = current_metric (self);

  if (response != GTK_RESPONSE_ACCEPT || map == NULL || mapped (self) == NULL)
    goto out;

  file = dup_export_file (GTK_FILE_CHOOSER (dialog));
  essay_ids = dup_essay_ids (self);
  selection = na_map_describe_selection (mapped (self), (const char * const *) essay_ids);
  caption = g_strdup_printf (_("%s — %s"), na_map_metric_get_label (metric), selection);

  if (!na_world_map_export (map, self->figures, metric, caption, NULL, file, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                        : NULL,
                                                   _("Could Not Export the Map"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Map exported to “%s”"), basename);

      show_toast (self, title);
    }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Asks where to save the map, as PNG or SVG by the name's extension. */
void
na_map_view_export (NaMapView *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();
  GtkRoot *root;

  g_return_if_fail (NA_IS_MAP_VIEW (self));

  if (na_map_canvas_get_map (self->canvas) == NULL || mapped (self) == NULL)
    {
      show_toast (self, _("The map is not ready to export yet"));
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                               : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (png, _("PNG image"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG drawing"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "natoasia-map.png");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  na_map_canvas_zoom (NA_MAP_VIEW (widget)->canvas, 1.25);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  na_map_canvas_zoom (NA_MAP_VIEW (widget)->canvas, 1 / 1.25);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  na_map_canvas_reset (NA_MAP_VIEW (widget)->canvas);
}

static void
show_countries_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  na_map_view_select_country (NA_MAP_VIEW (widget), NULL);
}

static void
na_map_view_dispose (GObject *object)
{
  NaMapView *self = (NaMapView *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->merged != NULL)
    g_signal_handlers_disconnect_by_data (self->merged, self);
  g_clear_object (&self->merged);
  gtk_widget_dispose_template (GTK_WIDGET (self), NA_TYPE_MAP_VIEW);
  /* The template's top box has no id, so dispose_template leaves it: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (na_map_view_parent_class)->dispose (object);
}

static void
na_map_view_finalize (GObject *object)
{
  NaMapView *self = (NaMapView *)object;


  g_clear_object (&self->essay);
  g_clear_pointer (&self->compared_ids, g_strfreev);
  g_clear_pointer (&self->figures, na_map_figures_unref);
  g_clear_object (&self->codes);
  g_clear_object (&self->items);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (na_map_view_parent_class)->finalize (object);
}

static void
na_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NaMapView *self = NA_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, na_merged_library_get_library (self->merged));
      break;

    case PROP_ESSAY:
      g_value_set_object (value, self->essay);
      break;

    case PROP_USER_STORE:
      g_value_set_object (value, na_merged_library_get_user_store (self->merged));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NaMapView *self = NA_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      na_map_view_set_library (self, g_value_get_object (value));
      break;

    case PROP_ESSAY:
      na_map_view_set_essay (self, g_value_get_object (value));
      break;

    case PROP_USER_STORE:
      na_map_view_set_user_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_map_view_class_init (NaMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = na_map_view_dispose;
  object_class->finalize = na_map_view_finalize;
  object_class->get_property = na_map_view_get_property;
  object_class->set_property = na_map_view_set_property;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, "The library mapped",
                         NA_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ESSAY] =
    g_param_spec_object ("essay", NULL, "The essay selected in the library",
                         NA_TYPE_ESSAY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_USER_STORE] =
    g_param_spec_object ("user-store", NULL, "The user's data, mapped with the library",
                         NA_TYPE_USER_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NA_TYPE_MAP_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/NatoAsia/na-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NaMapView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, flap);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, map_stack);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, canvas);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, error_page);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, countries_heading);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, countries_stack);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, countries_empty);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, country_list);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, country_title);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, country_figures);
  gtk_widget_class_bind_template_child (widget_class, NaMapView, item_list);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "map.show-countries", NULL,
                                   show_countries_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map.show-countries",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
na_map_view_init (NaMapView *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) countries = NULL;
  g_autoptr(GtkNoSelection) items = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->merged = na_merged_library_new ();
  self->cancellable = g_cancellable_new ();
  self->codes = gtk_string_list_new (NULL);
  self->items = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < NA_MAP_N_METRICS; i++)
    gtk_string_list_append (metrics, na_map_metric_get_label (i));
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (metrics));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_country_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_country_row), self);
  gtk_list_view_set_factory (self->country_list, factory);
  g_object_unref (factory);
  countries = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->codes)));
  gtk_list_view_set_model (self->country_list, GTK_SELECTION_MODEL (countries));
  g_signal_connect_swapped (self->country_list, "activate", G_CALLBACK (country_activated_cb),
                            self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_row), NULL);
  gtk_list_view_set_factory (self->item_list, factory);
  g_object_unref (factory);
  items = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_model (self->item_list, GTK_SELECTION_MODEL (items));
  g_signal_connect_swapped (self->item_list, "activate", G_CALLBACK (item_activated_cb), self);

  g_signal_connect_swapped (self->scope_dropdown, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->merged, "notify::merged", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->metric_dropdown, "notify::selected", G_CALLBACK (refresh),
                            self);
  g_signal_connect_swapped (self->canvas, "notify::selected-code",
                            G_CALLBACK (on_selected_code_changed), self);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (on_folded_changed), self);

  gtk_stack_set_visible_child_name (self->map_stack, "loading");
  na_world_map_load_bundled_async (self->cancellable, map_loaded_cb, g_object_ref (self));
}
