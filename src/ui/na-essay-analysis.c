/* na-essay-analysis.c — an essay's arguments by question and its recommendations, as boxed
 * lists; activating an item shows it (in the reader, when a text is attached) */
#define G_LOG_DOMAIN "na-essay-analysis"

#include "config.h"

#include <glib/gi18n.h>

#include "na-window.h"
#include "na-user-store.h"
#include "na-essay-analysis.h"

struct _NaEssayAnalysis
{
  AdwBin       parent_instance;

  GtkWidget   *box;
  NaEssay     *essay;
  NaLibrary   *library;
  NaUserStore *store;
  guint        rebuild_source;
};

G_DEFINE_FINAL_TYPE (NaEssayAnalysis, na_essay_analysis, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ESSAY,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
stance_class (NaStance stance)
{
  switch (stance)
    {
    case NA_STANCE_SUPPORTS: return "stance-supports";
    case NA_STANCE_OPPOSES: return "stance-opposes";
    case NA_STANCE_MIXED: return "stance-mixed";
    case NA_STANCE_NEUTRAL:
    default: return "stance-neutral";
    }
}

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A badge longer than a short phrase ("European allies") wraps, in a column this wide. */
#define BADGE_LINE_CHARS 15
#define BADGE_WRAP_CHARS 12

/* An icon, as boxed lists' suffixes are: labels left the item's text too little room on a
 * phone, and none at all with two of them. */
static GtkWidget *
action_button (const char *icon_name,
               const char *tooltip,
               const char *action,
               const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

/* One item: badge, then one label with the text, its anchoring quote with page and whether
 * it is the user's version (one label, not a box of them: wrapping labels nested in boxes make
 * layout slow), then what the user can do with it. */
static GtkWidget *
item_row (const char *id,
          const char *badge,
          const char *badge_class,
          const char *text,
          NaAnchor   *anchor,
          gboolean    overridden,
          gboolean    editable,
          gboolean    own)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *b = label_new (badge, "stance", FALSE);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
  GtkWidget *t;

  g_string_append (markup, escaped);
  if (anchor != NULL && na_anchor_get_exact (anchor) != NULL)
    {
      g_autofree char *quote = g_markup_escape_text (na_anchor_get_exact (anchor), -1);

      if (na_anchor_get_page (anchor) > 0)
        /* Translators: an anchoring quote and the page it is on */
        g_string_append_printf (markup, _("\n<span size=\"small\" alpha=\"65%%\">“%s” "
                                          "(p. %d)</span>"),
                                quote, na_anchor_get_page (anchor));
      else
        g_string_append_printf (markup, "\n<span size=\"small\" alpha=\"65%%\">“%s”</span>",
                                quote);
    }
  if (overridden)
    {
      g_autofree char *mine = g_markup_escape_text (_("Your version"), -1);

      g_string_append_printf (markup, "\n<span size=\"small\" weight=\"bold\">%s</span>",
                              mine);
    }
  t = label_new (NULL, NULL, TRUE);
  gtk_label_set_markup (GTK_LABEL (t), markup->str);
  gtk_widget_set_hexpand (t, TRUE);
  gtk_widget_add_css_class (b, badge_class);
  gtk_widget_set_valign (b, GTK_ALIGN_START);
  /* A long badge ("Asia-Pacific states and bodies") wraps between words in a narrow column of
   * its own: on a phone the text beside it needs the room. A fixed width wraps it alike in
   * every row. */
  if (badge != NULL && g_utf8_strlen (badge, -1) > BADGE_LINE_CHARS)
    {
      gtk_label_set_wrap (GTK_LABEL (b), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (b), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (b), BADGE_WRAP_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (b), BADGE_WRAP_CHARS);
      gtk_label_set_justify (GTK_LABEL (b), GTK_JUSTIFY_CENTER);
      gtk_label_set_xalign (GTK_LABEL (b), 0.5);
    }
  gtk_box_append (GTK_BOX (hbox), b);
  gtk_box_append (GTK_BOX (hbox), t);
  if (overridden)
    gtk_box_append (GTK_BOX (hbox), action_button ("document-revert-symbolic",
                                                   _("Restore the Original"),
                                                   "win.restore-original", id));
  if (editable)
    gtk_box_append (GTK_BOX (hbox), action_button ("document-edit-symbolic", _("Edit…"),
                                                   "win.edit-item", id));
  /* The user's own items: edited and deleted as in the reader's list (Undo brings one back). */
  if (own)
    {
      gtk_box_append (GTK_BOX (hbox), action_button ("document-edit-symbolic", _("Edit…"),
                                                     "win.edit-annotation", id));
      gtk_box_append (GTK_BOX (hbox), action_button ("user-trash-symbolic", _("Delete"),
                                                     "win.delete-annotation", id));
    }

  gtk_widget_set_margin_top (hbox, 8);
  gtk_widget_set_margin_bottom (hbox, 8);
  gtk_widget_set_margin_start (hbox, 12);
  gtk_widget_set_margin_end (hbox, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
  return row;
}

static GtkWidget *
group (NaEssayAnalysis *self,
       const char      *title)
{
  GtkWidget *heading = label_new (title, "heading", TRUE);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_margin_top (heading, 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (self->box), heading);
  gtk_box_append (GTK_BOX (self->box), list);
  return list;
}

static void add_recommendations (NaEssayAnalysis *self, GListModel *recs);
static void add_own_items       (NaEssayAnalysis *self, const char *essay_id);

static void
rebuild (NaEssayAnalysis *self)
{
  GtkWidget *child;
  GListModel *questions;
  g_autoptr(GListModel) recs = NULL;
  const char *essay_id;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  if (self->essay == NULL || self->library == NULL)
    return;

  essay_id = na_essay_get_id (self->essay);
  questions = na_library_get_questions (self->library);
  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(NaQuestion) question = g_list_model_get_item (questions, q);
      g_autoptr(GListModel) args =
        na_library_dup_arguments (self->library, essay_id, na_question_get_id (question), NULL);
      GtkWidget *list;

      if (g_list_model_get_n_items (args) == 0)
        continue;
      list = group (self, na_question_get_title (question));
      for (guint i = 0; i < g_list_model_get_n_items (args); i++)
        {
          g_autoptr(NaArgument) arg = g_list_model_get_item (args, i);
          NaAnnotation *over = self->store
                               ? na_user_store_lookup_override (self->store,
                                                                na_argument_get_id (arg))
                               : NULL;
          NaStance stance = over ? na_annotation_get_stance (over) : na_argument_get_stance (arg);

          gtk_list_box_append (GTK_LIST_BOX (list),
                               item_row (na_argument_get_id (arg), na_stance_to_label (stance),
                                         stance_class (stance),
                                         over ? na_annotation_get_claim (over)
                                              : na_argument_get_claim (arg),
                                         na_argument_get_anchor (arg), over != NULL,
                                         self->store != NULL, FALSE));
        }
    }

  recs = na_library_dup_recommendations (self->library, essay_id, NULL, NULL);
  add_recommendations (self, recs);
  add_own_items (self, essay_id);
}

static void
add_recommendations (NaEssayAnalysis *self,
                     GListModel      *recs)
{
  if (g_list_model_get_n_items (recs) > 0)
    {
      GtkWidget *list = group (self, _("Recommendations"));

      for (guint i = 0; i < g_list_model_get_n_items (recs); i++)
        {
          g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);
          NaAnnotation *over = self->store
                               ? na_user_store_lookup_override (self->store,
                                                                na_recommendation_get_id (rec))
                               : NULL;
          NaActor actor = over ? na_annotation_get_actor (over)
                               : na_recommendation_get_actor (rec);

          gtk_list_box_append (GTK_LIST_BOX (list),
                               item_row (na_recommendation_get_id (rec), na_actor_to_label (actor),
                                         "stance-neutral",
                                         over ? na_annotation_get_action (over)
                                              : na_recommendation_get_action (rec),
                                         na_recommendation_get_anchor (rec), over != NULL,
                                         self->store != NULL, FALSE));
        }
    }
}

/* The user's own arguments and recommendations on this essay, marked in its text. */
static void
add_own_items (NaEssayAnalysis *self,
               const char      *essay_id)
{
  g_autoptr(GListModel) notes = NULL;
  GtkWidget *list = NULL;

  if (self->store == NULL)
    return;
  notes = na_user_store_dup_annotations_for_essay (self->store, essay_id);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (notes, i);
      NaAnnotationKind kind = na_annotation_get_kind (a);
      g_autoptr(NaAnchor) anchor = na_anchor_new ();

      if (kind == NA_ANNOTATION_HIGHLIGHT)
        continue;
      if (list == NULL)
        list = group (self, _("Your Arguments and Recommendations"));
      na_anchor_set_exact (anchor, na_annotation_get_quote (a));
      /* Made in the PDF: "p. N" like the bundled items whose anchors resolved there. */
      if (na_annotation_get_page (a) >= 0)
        na_anchor_set_page (anchor, na_annotation_get_page (a) + 1);
      if (kind == NA_ANNOTATION_ARGUMENT)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             item_row (na_annotation_get_id (a),
                                       na_stance_to_label (na_annotation_get_stance (a)),
                                       stance_class (na_annotation_get_stance (a)),
                                       na_annotation_get_claim (a), anchor, FALSE, FALSE,
                                       TRUE));
      else
        gtk_list_box_append (GTK_LIST_BOX (list),
                             item_row (na_annotation_get_id (a),
                                       na_actor_to_label (na_annotation_get_actor (a)),
                                       "stance-neutral", na_annotation_get_action (a), anchor,
                                       FALSE, FALSE, TRUE));
    }
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  NaEssayAnalysis *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* After the frame: the page's facts show at once, the (slower to lay out) items right after;
 * and the essay and library bindings, set one after the other, rebuild only once. */
static void
queue_rebuild (NaEssayAnalysis *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_LOW, rebuild_idle_cb, self, NULL);
}

/* The user's store comes from the window, known once this widget is in one. */
static void
on_map (NaEssayAnalysis *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  NaUserStore *store = NA_IS_WINDOW (root) ? na_window_get_user_store (NA_WINDOW (root)) : NULL;

  if (store != self->store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_swapped (store, "changed", G_CALLBACK (queue_rebuild), self);
      queue_rebuild (self);
    }
}

void
na_essay_analysis_set_essay (NaEssayAnalysis *self,
                             NaEssay         *essay)
{
  g_return_if_fail (NA_IS_ESSAY_ANALYSIS (self));

  if (!g_set_object (&self->essay, essay))
    return;
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ESSAY]);
}

void
na_essay_analysis_set_library (NaEssayAnalysis *self,
                               NaLibrary       *library)
{
  g_return_if_fail (NA_IS_ESSAY_ANALYSIS (self));

  if (!g_set_object (&self->library, library))
    return;
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
}

static void
na_essay_analysis_dispose (GObject *object)
{
  NaEssayAnalysis *self = (NaEssayAnalysis *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->essay);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (na_essay_analysis_parent_class)->dispose (object);
}

static void
na_essay_analysis_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NaEssayAnalysis *self = NA_ESSAY_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_ESSAY:
      g_value_set_object (value, self->essay);
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_essay_analysis_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NaEssayAnalysis *self = NA_ESSAY_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_ESSAY:
      na_essay_analysis_set_essay (self, g_value_get_object (value));
      break;

    case PROP_LIBRARY:
      na_essay_analysis_set_library (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_essay_analysis_class_init (NaEssayAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = na_essay_analysis_dispose;
  object_class->get_property = na_essay_analysis_get_property;
  object_class->set_property = na_essay_analysis_set_property;

  properties [PROP_ESSAY] =
    g_param_spec_object ("essay", NULL, NULL, NA_TYPE_ESSAY, flags);
  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, NA_TYPE_LIBRARY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_essay_analysis_init (NaEssayAnalysis *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  adw_bin_set_child (ADW_BIN (self), self->box);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}
