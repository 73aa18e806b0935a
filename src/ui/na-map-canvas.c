/* na-map-canvas.c — the map: draws the core's cairo renderer through GtkSnapshot, zooms
 * (scroll, pinch, keys), pans (drag, arrow keys), shows the hovered country and picks one
 *
 * The map is rendered by the core into a texture kept until the view,
 * the figures or the colours change; hovering only redraws the outline on top, so the
 * pointer stays smooth.
 */
#define G_LOG_DOMAIN "na-map-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "na-map-canvas.h"

#define ZOOM_STEP 1.25
#define PAN_STEP 80.0
#define CLICK_SLOP 4.0

struct _NaMapCanvas
{
  GtkWidget      parent_instance;

  /* Owned references */
  NaWorldMap    *map;
  NaMapFigures  *figures;
  GdkTexture    *map_texture;    /* the map as last drawn, until something changes */
  GskRenderNode *legend_node;

  NaMapMetric    metric;
  NaMapViewport  viewport;
  gboolean       fitted;         /* the viewport has been fitted to a real size */
  int            hovered;
  int            selected;
  double         pointer_x, pointer_y;
  double         drag_center_x, drag_center_y;
  double         zoom_start_scale;
  gboolean       dark;
};

G_DEFINE_FINAL_TYPE (NaMapCanvas, na_map_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_CODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
na_map_canvas_new (void)
{
  return g_object_new (NA_TYPE_MAP_CANVAS, NULL);
}

static void
invalidate (NaMapCanvas *self)
{
  g_clear_object (&self->map_texture);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
palette_for (NaMapCanvas  *self,
             NaMapPalette *palette)
{
  na_map_palette_init (palette, self->dark);
}

static GdkTexture *
draw_map_texture (NaMapCanvas *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = self->viewport.width * scale, height = self->viewport.height * scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  NaMapViewport viewport = self->viewport;
  NaMapPalette palette;
  g_autoptr(GBytes) bytes = NULL;

  /* At the monitor's scale, so the map is sharp on high-resolution screens. */
  viewport.scale *= scale;
  viewport.width = width;
  viewport.height = height;
  palette_for (self, &palette);
  na_world_map_render (self->map, surface, &viewport, self->figures, self->metric, &palette);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * cairo_image_surface_get_stride (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static GskRenderNode *
draw_legend_node (NaMapCanvas *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  NaMapPalette palette;
  cairo_t *cr;

  palette_for (self, &palette);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->viewport.width,
                                                                  self->viewport.height));
  na_world_map_draw_legend (cr, 12, self->viewport.height - 12, self->figures, self->metric,
                            &palette, NULL, NULL);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
na_map_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  NaMapCanvas *self = NA_MAP_CANVAS (widget);
  NaMapPalette palette;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->map == NULL || width <= 0 || height <= 0)
    return;

  if (self->map_texture == NULL)
    self->map_texture = draw_map_texture (self);
  if (self->legend_node == NULL && height > 240)
    self->legend_node = draw_legend_node (self);

  gtk_snapshot_append_texture (snapshot, self->map_texture,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));

  palette_for (self, &palette);
  if (self->hovered >= 0 || self->selected >= 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, 0, width, height));

      if (self->selected >= 0)
        na_world_map_draw_outline (self->map, cr, &self->viewport, self->selected,
                                   &palette.highlight);
      if (self->hovered >= 0 && self->hovered != self->selected)
        na_world_map_draw_outline (self->map, cr, &self->viewport, self->hovered,
                                   &palette.text);
      cairo_destroy (cr);
    }

  if (self->legend_node)
    gtk_snapshot_append_node (snapshot, self->legend_node);

  /* Keyboard users need to see that the arrow keys and +/− now move the map. */
  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA color = { palette.highlight.r, palette.highlight.g, palette.highlight.b, 1 };
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { color, color, color, color };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2,
                                                                       height - 2), 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
na_map_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  NaMapCanvas *self = NA_MAP_CANVAS (widget);

  if (width == self->viewport.width && height == self->viewport.height)
    return;

  /* Open on the Asia-Pacific; later resizes keep what the user was looking at. */
  if (!self->fitted)
    {
      na_map_viewport_fit_asia_pacific (&self->viewport, width, height);
      self->fitted = TRUE;
    }
  else
    {
      self->viewport.width = width;
      self->viewport.height = height;
      na_map_viewport_clamp (&self->viewport);
    }
  invalidate (self);
}

/* Returns: the country under the widget point, or -1 */
int
na_map_canvas_pick (NaMapCanvas *self,
                    double       x,
                    double       y)
{
  double mx, my;

  g_return_val_if_fail (NA_IS_MAP_CANVAS (self), -1);

  if (self->map == NULL || !self->fitted)
    return -1;
  na_map_viewport_to_map (&self->viewport, x, y, &mx, &my);
  return na_world_map_hit_test (self->map, mx, my, self->viewport.scale);
}

static void
set_hovered (NaMapCanvas *self,
             int          hovered)
{
  if (self->hovered == hovered)
    return;
  self->hovered = hovered;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
na_map_canvas_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  NaMapCanvas *self = NA_MAP_CANVAS (widget);
  int index = na_map_canvas_pick (self, x, y);
  const char *code;
  g_autofree char *figures = NULL;
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;

  code = na_world_map_get_code (self->map, index);
  figures = na_map_figure_describe (self->figures ? na_map_figures_lookup (self->figures, code)
                                                  : NULL);
  text = g_markup_printf_escaped ("<b>%s</b>\n%s", na_world_map_get_name (self->map, index),
                                  figures);
  gtk_tooltip_set_markup (tooltip, text);
  return TRUE;
}

static void
motion_cb (NaMapCanvas *self,
           double       x,
           double       y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  set_hovered (self, na_map_canvas_pick (self, x, y));
}

static void
leave_cb (NaMapCanvas *self)
{
  set_hovered (self, -1);
}

static void
zoom_at (NaMapCanvas *self,
         double       factor,
         double       x,
         double       y)
{
  if (!self->fitted)
    return;
  na_map_viewport_zoom (&self->viewport, factor, x, y);
  invalidate (self);
}

static gboolean
scroll_cb (NaMapCanvas              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  zoom_at (self, pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
zoom_begin_cb (NaMapCanvas *self)
{
  self->zoom_start_scale = self->viewport.scale;
}

static void
zoom_scale_changed_cb (NaMapCanvas    *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = self->viewport.width / 2;
      y = self->viewport.height / 2;
    }
  zoom_at (self, self->zoom_start_scale * scale / self->viewport.scale, x, y);
}

static void
drag_begin_cb (NaMapCanvas *self,
               double       x,
               double       y)
{
  self->drag_center_x = self->viewport.center_x;
  self->drag_center_y = self->viewport.center_y;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (NaMapCanvas *self,
                double       offset_x,
                double       offset_y)
{
  if (hypot (offset_x, offset_y) < CLICK_SLOP)
    return;
  self->viewport.center_x = self->drag_center_x - offset_x / self->viewport.scale;
  self->viewport.center_y = self->drag_center_y - offset_y / self->viewport.scale;
  na_map_viewport_clamp (&self->viewport);
  invalidate (self);
}

/* A drag that barely moved is a click: it selects the country under it (or none). */
static void
drag_end_cb (NaMapCanvas    *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  double x, y;
  int index;

  if (hypot (offset_x, offset_y) >= CLICK_SLOP)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  index = na_map_canvas_pick (self, x, y);
  na_map_canvas_set_selected_code (self, index >= 0 ? na_world_map_get_code (self->map, index)
                                                    : NULL);
}

void
na_map_canvas_zoom (NaMapCanvas *self,
                    double       factor)
{
  g_return_if_fail (NA_IS_MAP_CANVAS (self));

  zoom_at (self, factor, self->viewport.width / 2, self->viewport.height / 2);
}

void
na_map_canvas_reset (NaMapCanvas *self)
{
  g_return_if_fail (NA_IS_MAP_CANVAS (self));

  if (!self->fitted)
    return;
  na_map_viewport_fit_asia_pacific (&self->viewport, self->viewport.width,
                                    self->viewport.height);
  invalidate (self);
}

const NaMapViewport *
na_map_canvas_get_viewport (NaMapCanvas *self)
{
  g_return_val_if_fail (NA_IS_MAP_CANVAS (self), NULL);

  return &self->viewport;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  na_map_canvas_zoom (NA_MAP_CANVAS (widget), g_variant_get_double (parameter));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  na_map_canvas_reset (NA_MAP_CANVAS (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  NaMapCanvas *self = NA_MAP_CANVAS (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  self->viewport.center_x += dx * PAN_STEP / self->viewport.scale;
  self->viewport.center_y += dy * PAN_STEP / self->viewport.scale;
  na_map_viewport_clamp (&self->viewport);
  invalidate (self);
}

NaWorldMap *
na_map_canvas_get_map (NaMapCanvas *self)
{
  g_return_val_if_fail (NA_IS_MAP_CANVAS (self), NULL);

  return self->map;
}

void
na_map_canvas_set_map (NaMapCanvas *self,
                       NaWorldMap  *map)
{
  g_return_if_fail (NA_IS_MAP_CANVAS (self));

  if (map == self->map)
    return;
  if (map)
    na_world_map_ref (map);
  g_clear_pointer (&self->map, na_world_map_unref);
  self->map = map;
  self->hovered = self->selected = -1;
  invalidate (self);
}

void
na_map_canvas_set_figures (NaMapCanvas  *self,
                           NaMapFigures *figures,
                           NaMapMetric   metric)
{
  g_return_if_fail (NA_IS_MAP_CANVAS (self));

  if (figures)
    na_map_figures_ref (figures);
  g_clear_pointer (&self->figures, na_map_figures_unref);
  self->figures = figures;
  self->metric = metric;
  invalidate (self);
}

/* Returns: (nullable): the ISO code of the selected country */
const char *
na_map_canvas_get_selected_code (NaMapCanvas *self)
{
  g_return_val_if_fail (NA_IS_MAP_CANVAS (self), NULL);

  return self->map && self->selected >= 0 ? na_world_map_get_code (self->map, self->selected)
                                          : NULL;
}

void
na_map_canvas_set_selected_code (NaMapCanvas *self,
                                 const char  *code)
{
  int selected;

  g_return_if_fail (NA_IS_MAP_CANVAS (self));

  selected = self->map ? na_world_map_lookup_code (self->map, code) : -1;
  if (selected == self->selected)
    return;
  self->selected = selected;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_CODE]);
}

static void
dark_changed_cb (NaMapCanvas     *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
  self->dark = adw_style_manager_get_dark (manager);
  invalidate (self);
}

static void
na_map_canvas_finalize (GObject *object)
{
  NaMapCanvas *self = (NaMapCanvas *)object;

  g_clear_pointer (&self->map, na_world_map_unref);
  g_clear_pointer (&self->figures, na_map_figures_unref);
  g_clear_object (&self->map_texture);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);

  G_OBJECT_CLASS (na_map_canvas_parent_class)->finalize (object);
}

static void
na_map_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NaMapCanvas *self = NA_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SELECTED_CODE:
      g_value_set_string (value, na_map_canvas_get_selected_code (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_map_canvas_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NaMapCanvas *self = NA_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SELECTED_CODE:
      na_map_canvas_set_selected_code (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_map_canvas_class_init (NaMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = na_map_canvas_finalize;
  object_class->get_property = na_map_canvas_get_property;
  object_class->set_property = na_map_canvas_set_property;

  widget_class->snapshot = na_map_canvas_snapshot;
  widget_class->size_allocate = na_map_canvas_size_allocate;
  widget_class->query_tooltip = na_map_canvas_query_tooltip;

  properties [PROP_SELECTED_CODE] =
    g_param_spec_string ("selected-code", NULL, "ISO code of the selected country",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "canvas.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "canvas.pan", "(dd)", pan_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom", "d",
                                       ZOOM_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom", "d",
                                       ZOOM_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom", "d",
                                       ZOOM_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom", "d",
                                       1 / ZOOM_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.zoom",
                                       "d", 1 / ZOOM_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "canvas.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "canvas.pan", "(dd)",
                                       -1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "canvas.pan", "(dd)",
                                       1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "canvas.pan", "(dd)",
                                       0.0, -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "canvas.pan", "(dd)",
                                       0.0, 1.0);

  gtk_widget_class_set_css_name (widget_class, "namapcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
na_map_canvas_init (NaMapCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->hovered = self->selected = -1;
  self->metric = NA_MAP_METRIC_ARGUMENTS;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the countries the essays discuss"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The list of countries beside the map gives the same "
                                    "figures"),
                                  -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (invalidate), NULL);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), NULL);
  self->dark = adw_style_manager_get_dark (manager);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
