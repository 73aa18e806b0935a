/* na-reader.c — the attached text of an essay, read-only, with the analysed passages and the
 * user's annotations highlighted; beside it every item, found or not */
#define G_LOG_DOMAIN "na-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "na-text-index.h"
#include "na-reader.h"

typedef struct
{
  int start;
  int end;
} Range;

struct _NaReader
{
  AdwBin             parent_instance;

  /* Template widgets */
  AdwFlap           *flap;
  GtkScrolledWindow *text_scroller;
  GtkTextView       *text_view;
  GtkListBox        *items_list;

  /* Owned references */
  NaLibrary         *library;
  NaUserStore       *store;
  NaEssay           *essay;
  NaTextIndex       *index;
  GHashTable        *ranges;      /* item id → Range */
  guint              n_missing;
  guint              n_highlighted;
};

G_DEFINE_FINAL_TYPE (NaReader, na_reader, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REVEAL_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Translucent backgrounds over the theme's own text colour read in light and dark alike. */
static const struct { const char *name; const char *rgba; } tag_colors[] = {
  { "argument", "rgba(53,132,228,0.22)" },
  { "recommendation", "rgba(46,194,126,0.24)" },
  { "yellow", "rgba(246,211,45,0.40)" },
  { "green", "rgba(87,227,137,0.35)" },
  { "blue", "rgba(98,160,234,0.35)" },
  { "red", "rgba(237,51,59,0.30)" },
  { "purple", "rgba(192,97,203,0.32)" },
};

static void
clear_list (NaReader *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);
}

static void
add_header (NaReader   *self,
            const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->items_list, row);
}

static GtkWidget *
small_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Highlights the passage of @item_id and adds its row; unresolved items are listed with a
 * warning so the user sees what the text does not contain. */
static void
add_item (NaReader   *self,
          const char *item_id,
          const char *badge,
          const char *badge_class,
          const char *title,
          const char *exact,
          const char *prefix,
          const char *suffix,
          int         start,
          int         end,
          const char *tag,
          gboolean    deletable)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gboolean found = FALSE;
  GtkTextIter s, e;

  if (start >= 0 && end > start)
    found = TRUE;
  else if (exact != NULL && self->index != NULL
           && na_text_index_find_quote (self->index, exact, prefix, suffix, -1, &start, &end)
              == NA_ANCHOR_STATUS_RESOLVED)
    found = TRUE;

  if (found)
    {
      Range *range = g_new (Range, 1);

      range->start = start;
      range->end = end;
      g_hash_table_replace (self->ranges, g_strdup (item_id), range);
      gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
      gtk_text_buffer_apply_tag_by_name (buffer, tag, &s, &e);
      self->n_highlighted++;
    }
  else
    self->n_missing++;

  if (badge != NULL)
    {
      GtkWidget *b = small_label (badge, "stance");

      gtk_label_set_wrap (GTK_LABEL (b), FALSE);
      gtk_widget_add_css_class (b, badge_class);
      gtk_widget_set_valign (b, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (top), b);
    }
  /* Text and quote in one label: wrapping labels nested in boxes make layout slow. */
  {
    g_autofree char *escaped = g_markup_escape_text (title ? title : "", -1);
    g_autofree char *quote = exact ? g_markup_escape_text (exact, -1) : NULL;
    g_autofree char *markup = NULL;
    GtkWidget *label = small_label (NULL, NULL);

    if (quote != NULL)
      markup = g_strdup_printf ("%s\n<span size=\"small\" alpha=\"65%%\">“%s”</span>",
                                escaped, quote);
    gtk_label_set_markup (GTK_LABEL (label), markup ? markup : escaped);
    gtk_widget_set_hexpand (label, TRUE);
    gtk_box_append (GTK_BOX (top), label);
  }
  gtk_box_append (GTK_BOX (box), top);
  if (!found)
    gtk_box_append (GTK_BOX (box), small_label (_("Passage not found in this text"), "warning"));
  if (deletable)
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));
      GtkWidget *del = gtk_button_new_with_mnemonic (_("_Delete"));

      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", item_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-annotation");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (del), "s", item_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (del), "win.delete-annotation");
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_add_css_class (del, "flat");
      gtk_box_append (GTK_BOX (buttons), edit);
      gtk_box_append (GTK_BOX (buttons), del);
      gtk_box_append (GTK_BOX (box), buttons);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), found);
  g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (item_id), g_free);
  gtk_list_box_append (self->items_list, row);
}

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

static void
add_arguments (NaReader *self)
{
  const char *essay_id = na_essay_get_id (self->essay);
  GListModel *questions = na_library_get_questions (self->library);

  /* Grouped by question, in the library's order of questions. */
  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(NaQuestion) question = g_list_model_get_item (questions, q);
      g_autoptr(GListModel) args =
        na_library_dup_arguments (self->library, essay_id, na_question_get_id (question), NULL);
      guint n = g_list_model_get_n_items (args);

      if (n == 0)
        continue;
      add_header (self, na_question_get_title (question));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NaArgument) arg = g_list_model_get_item (args, i);
          NaAnnotation *over = self->store
                               ? na_user_store_lookup_override (self->store,
                                                                na_argument_get_id (arg))
                               : NULL;
          NaAnchor *anchor = na_argument_get_anchor (arg);
          NaStance stance = over ? na_annotation_get_stance (over) : na_argument_get_stance (arg);
          const char *claim = over && na_annotation_get_claim (over)
                              ? na_annotation_get_claim (over) : na_argument_get_claim (arg);

          add_item (self, na_argument_get_id (arg), na_stance_to_label (stance),
                    stance_class (stance), claim,
                    anchor ? na_anchor_get_exact (anchor) : NULL,
                    anchor ? na_anchor_get_prefix (anchor) : NULL,
                    anchor ? na_anchor_get_suffix (anchor) : NULL,
                    -1, -1, "argument", FALSE);
        }
    }
}

static void
add_recommendations (NaReader *self)
{
  g_autoptr(GListModel) recs =
    na_library_dup_recommendations (self->library, na_essay_get_id (self->essay), NULL, NULL);
  guint n = g_list_model_get_n_items (recs);

  if (n > 0)
    add_header (self, _("Recommendations"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);
      NaAnchor *anchor = na_recommendation_get_anchor (rec);
      NaAnnotation *over = self->store
                           ? na_user_store_lookup_override (self->store,
                                                            na_recommendation_get_id (rec))
                           : NULL;
      NaActor actor = over ? na_annotation_get_actor (over) : na_recommendation_get_actor (rec);
      const char *action = over && na_annotation_get_action (over)
                           ? na_annotation_get_action (over) : na_recommendation_get_action (rec);

      add_item (self, na_recommendation_get_id (rec), na_actor_to_label (actor),
                "stance-neutral", action,
                anchor ? na_anchor_get_exact (anchor) : NULL,
                anchor ? na_anchor_get_prefix (anchor) : NULL,
                anchor ? na_anchor_get_suffix (anchor) : NULL,
                -1, -1, "recommendation", FALSE);
    }
}

static void
add_annotations (NaReader *self)
{
  g_autoptr(GListModel) notes =
    na_user_store_dup_annotations_for_essay (self->store, na_essay_get_id (self->essay));
  guint n = g_list_model_get_n_items (notes);

  if (n > 0)
    add_header (self, _("Your Annotations"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (notes, i);
      NaAnnotationKind kind = na_annotation_get_kind (a);
      const char * const *tags = na_annotation_get_tags (a);
      g_autofree char *tags_text = tags ? g_strjoinv (", ", (char **) tags) : NULL;
      g_autofree char *title = NULL;
      const char *badge = NULL, *badge_class = "stance-neutral", *main_text;
      const char *color = na_annotation_get_color (a);
      gboolean known_color = FALSE;

      if (kind == NA_ANNOTATION_ARGUMENT)
        {
          badge = na_stance_to_label (na_annotation_get_stance (a));
          badge_class = stance_class (na_annotation_get_stance (a));
          main_text = na_annotation_get_claim (a);
          color = "argument";
        }
      else if (kind == NA_ANNOTATION_RECOMMENDATION)
        {
          badge = na_actor_to_label (na_annotation_get_actor (a));
          main_text = na_annotation_get_action (a);
          color = "recommendation";
        }
      else
        main_text = na_annotation_get_note (a);

      for (guint c = 0; color && c < G_N_ELEMENTS (tag_colors); c++)
        known_color |= g_str_equal (color, tag_colors[c].name);
      if (!known_color)
        color = "yellow";

      if (tags_text != NULL)
        title = g_strdup_printf ("%s\n%s %s", main_text ? main_text : _("Highlight"),
                                 _("Tags:"), tags_text);
      else
        title = g_strdup (main_text ? main_text : _("Highlight"));
      /* Made in the PDF: its page says where, even when this text does not hold the quote. */
      if (na_annotation_get_page (a) >= 0)
        {
          g_autofree char *plain = g_steal_pointer (&title);

          /* Translators: an annotation's text, then the page of the PDF it was made on */
          title = g_strdup_printf (_("%s (p. %d)"), plain, na_annotation_get_page (a) + 1);
        }
      add_item (self, na_annotation_get_id (a), badge, badge_class, title,
                na_annotation_get_quote (a), na_annotation_get_prefix (a),
                na_annotation_get_suffix (a), na_annotation_get_start (a),
                na_annotation_get_end (a), color, TRUE);
    }
}

/* Rebuilds highlights and the list from the library and the store (after every edit). */
void
na_reader_refresh (NaReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (NA_IS_READER (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (buffer, &start, &end);
  clear_list (self);
  g_hash_table_remove_all (self->ranges);
  self->n_missing = 0;
  self->n_highlighted = 0;

  if (self->essay == NULL)
    return;
  if (self->library != NULL)
    {
      add_arguments (self);
      add_recommendations (self);
    }
  if (self->store != NULL)
    add_annotations (self);
}

void
na_reader_show (NaReader    *self,
                NaLibrary   *library,
                NaUserStore *store,
                NaEssay     *essay,
                const char  *text)
{
  g_return_if_fail (NA_IS_READER (self));

  g_set_object (&self->library, library);
  g_set_object (&self->store, store);
  g_set_object (&self->essay, essay);
  g_clear_pointer (&self->index, na_text_index_unref);
  if (text != NULL)
    self->index = na_text_index_new (text, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
  na_reader_refresh (self);
}

NaEssay *
na_reader_get_essay (NaReader *self)
{
  g_return_val_if_fail (NA_IS_READER (self), NULL);
  return self->essay;
}

/* Scrolls to the passage of an argument, recommendation or annotation and selects it. */
gboolean
na_reader_scroll_to_item (NaReader   *self,
                          const char *item_id)
{
  Range *range;

  g_return_val_if_fail (NA_IS_READER (self), FALSE);

  if ((range = g_hash_table_lookup (self->ranges, item_id)) == NULL)
    return FALSE;
  na_reader_select_range (self, range->start, range->end);
  return TRUE;
}

void
na_reader_select_range (NaReader *self,
                        int       start,
                        int       end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter s, e;
  GtkTextMark *mark;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &s, &e);
  /* A mark, not an iter: the view may not have laid out the lines yet. */
  mark = gtk_text_buffer_get_mark (buffer, "scroll-target");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "scroll-target", &s, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &s);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.1, TRUE, 0.0, 0.3);
}

/* The selected passage, as character offsets and text; FALSE when nothing is selected. */
gboolean
na_reader_get_selection (NaReader  *self,
                         int       *start,
                         int       *end,
                         char     **quote)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_val_if_fail (NA_IS_READER (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (self->essay == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return FALSE;
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  if (quote != NULL)
    *quote = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  return TRUE;
}

/**
 * na_reader_dup_selection_context:
 * @prefix: (out) (transfer full): the text just before the selection
 * @suffix: (out) (transfer full): the text just after it
 *
 * The selection's surroundings, kept with a quote made from it (see na_text_dup_context()).
 *
 * Returns: whether there is a selection
 */
gboolean
na_reader_dup_selection_context (NaReader  *self,
                                 char     **prefix,
                                 char     **suffix)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e, before, after;

  g_return_val_if_fail (NA_IS_READER (self), FALSE);
  g_return_val_if_fail (prefix != NULL && suffix != NULL, FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (self->essay == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return FALSE;
  before = s;
  gtk_text_iter_backward_chars (&before, NA_TEXT_CONTEXT_LENGTH);
  after = e;
  gtk_text_iter_forward_chars (&after, NA_TEXT_CONTEXT_LENGTH);
  *prefix = gtk_text_buffer_get_text (buffer, &before, &s, FALSE);
  *suffix = gtk_text_buffer_get_text (buffer, &e, &after, FALSE);
  g_strdelimit (*prefix, "\n\r\f\t", ' ');
  g_strdelimit (*suffix, "\n\r\f\t", ' ');
  return TRUE;
}

guint
na_reader_get_n_missing (NaReader *self)
{
  g_return_val_if_fail (NA_IS_READER (self), 0);
  return self->n_missing;
}

guint
na_reader_get_n_highlighted (NaReader *self)
{
  g_return_val_if_fail (NA_IS_READER (self), 0);
  return self->n_highlighted;
}

/* The item whose passage holds @offset (the shortest, when passages overlap), or NULL. */
const char *
na_reader_item_at_offset (NaReader *self,
                          int       offset)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  int best_length = G_MAXINT;

  g_return_val_if_fail (NA_IS_READER (self), NULL);

  g_hash_table_iter_init (&iter, self->ranges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Range *range = value;

      if (range->start <= offset && offset < range->end && range->end - range->start < best_length)
        {
          best = key;
          best_length = range->end - range->start;
        }
    }
  return best;
}

/* Selects and shows the row of @item_id in the list (folded away on a narrow window, it comes
 * over the text): from a passage back to its item. */
gboolean
na_reader_reveal_item (NaReader   *self,
                       const char *item_id)
{
  g_return_val_if_fail (NA_IS_READER (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->items_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && g_strcmp0 (g_object_get_data (G_OBJECT (row), "item-id"), item_id) == 0)
      {
        na_reader_set_reveal_items (self, TRUE);
        gtk_list_box_select_row (self->items_list, GTK_LIST_BOX_ROW (row));
        gtk_widget_grab_focus (row);
        return TRUE;
      }
  return FALSE;
}

/* Whether the list of items shows, beside the text or (on a narrow window) over it. */
gboolean
na_reader_get_reveal_items (NaReader *self)
{
  g_return_val_if_fail (NA_IS_READER (self), FALSE);
  return adw_flap_get_reveal_flap (self->flap);
}

void
na_reader_set_reveal_items (NaReader *self,
                            gboolean  reveal_items)
{
  g_return_if_fail (NA_IS_READER (self));
  adw_flap_set_reveal_flap (self->flap, reveal_items);
}

static void
on_text_released (NaReader        *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  const char *id;
  int bx, by;

  /* A drag selects text to annotate; only a plain click follows a passage to its item. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;
  if ((id = na_reader_item_at_offset (self, gtk_text_iter_get_offset (&iter))) != NULL)
    na_reader_reveal_item (self, id);
}

static void
on_row_activated (NaReader      *self,
                  GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "item-id");

  if (id != NULL && na_reader_scroll_to_item (self, id))
    {
      /* Over the text on a narrow window: out of the way of the passage once chosen. */
      if (adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
    }
}

static void
on_reveal_flap_changed (NaReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVEAL_ITEMS]);
}

static void
na_reader_dispose (GObject *object)
{
  NaReader *self = (NaReader *)object;

  /* The bin's child is a bound template child: let go of it before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NA_TYPE_READER);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_object (&self->essay);
  g_clear_pointer (&self->index, na_text_index_unref);
  g_clear_pointer (&self->ranges, g_hash_table_unref);

  G_OBJECT_CLASS (na_reader_parent_class)->dispose (object);
}

static void
na_reader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NaReader *self = NA_READER (object);

  switch (prop_id)
    {
    case PROP_REVEAL_ITEMS:
      g_value_set_boolean (value, na_reader_get_reveal_items (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_reader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NaReader *self = NA_READER (object);

  switch (prop_id)
    {
    case PROP_REVEAL_ITEMS:
      na_reader_set_reveal_items (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_reader_class_init (NaReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = na_reader_dispose;
  object_class->get_property = na_reader_get_property;
  object_class->set_property = na_reader_set_property;

  properties [PROP_REVEAL_ITEMS] =
    g_param_spec_boolean ("reveal-items", NULL, "Whether the list of items shows",
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NatoAsia/na-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, NaReader, flap);
  gtk_widget_class_bind_template_child (widget_class, NaReader, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, NaReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, NaReader, items_list);
}

static void
na_reader_init (NaReader *self)
{
  GtkTextBuffer *buffer;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  buffer = gtk_text_view_get_buffer (self->text_view);
  for (guint i = 0; i < G_N_ELEMENTS (tag_colors); i++)
    gtk_text_buffer_create_tag (buffer, tag_colors[i].name,
                                "background", tag_colors[i].rgba, NULL);
  g_signal_connect_object (self->items_list, "row-activated", G_CALLBACK (on_row_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_reveal_flap_changed),
                           self, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (on_text_released), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
}
