/* na-comparison-view.c — chosen essays side by side: essays as columns under a sticky header,
 * questions as rows with the question column pinned, then closeness, recommendations by
 * actor and countries.
 *
 * The pinned column and the sticky header are separate widgets that share the cells'
 * horizontal adjustment; a vertical size group per question keeps a row's pinned cell and its
 * essay cells the same height. Everything is rebuilt (on idle) when the choice changes: with
 * 18 × 12 cells that is a few hundred widgets, well under a frame.
 *
 * With the user's store set, the comparison covers their own essays, arguments and
 * recommendations and their versions of bundled items (NaMergedLibrary), and follows edits.
 */
#define G_LOG_DOMAIN "na-comparison-view"

#include "config.h"

#include <glib/gi18n.h>

#include "na-comparison-view.h"
#include "na-merged-library.h"

#define QUESTION_WIDTH 220
#define COLUMN_WIDTH 260
#define LABEL_CHARS 26

struct _NaComparisonView
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkBox         *essay_checks;
  GtkBox         *question_checks;
  GtkLabel       *summary_label;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *corner_label;
  GtkScrolledWindow *header_scroller;
  GtkBox         *header_box;
  GtkBox         *question_box;
  GtkScrolledWindow *cells_scroller;
  GtkBox         *cells_box;
  GtkBox         *sections_box;
  GtkScrollbar   *hscrollbar;

  /* Owned references */
  NaMergedLibrary *merged;      /* the library with the user's analysis merged in */
  NaComparison   *comparison;

  gboolean        only_disagreements;
  guint           rebuild_id;
};

G_DEFINE_FINAL_TYPE (NaComparisonView, na_comparison_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_COMPARISON,
  PROP_ONLY_DISAGREEMENTS,
  PROP_USER_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
na_comparison_view_new (void)
{
  return g_object_new (NA_TYPE_COMPARISON_VIEW, NULL);
}

/* What is compared: the library with the user's own analysis. */
static NaLibrary *
compared (NaComparisonView *self)
{
  return na_merged_library_get_merged (self->merged);
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
dup_essay_short (NaEssay *essay)
{
  g_autofree char *authors = na_essay_dup_authors_display (essay);
  int year = na_essay_get_year (essay);

  if (year > 0)
    return g_strdup_printf ("%s (%d)", authors, year);
  /* Translators: an author with no date of publication */
  return g_strdup_printf (_("%s (n.d.)"), authors);
}

/* Exactly @width wide, whatever the content's natural width, so the header, the pinned
 * column and the cells line up. */
static GtkWidget *
fixed_width (GtkWidget *child,
             int        width)
{
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), width);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), width);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_widget_set_size_request (clamp, width, -1);
  gtk_widget_set_hexpand (clamp, FALSE);
  return clamp;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class,
               int         chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A natural width near the column's, so heights are measured for about the real width. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A badge always says its position in words; the colour only helps. */
static GtkWidget *
badge (const char *text,
       const char *kind)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "stance-badge");
  gtk_widget_add_css_class (label, kind);
  return label;
}

static GtkWidget *
position_badge (NaPosition position)
{
  return badge (na_position_to_label (position), na_position_to_nick (position));
}

static void
update_summary (NaComparisonView *self)
{
  g_autofree char *text = NULL;

  if (self->comparison == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  /* Translators: e.g. "18 essays · 12 questions · 5 in dissent" */
  text = g_strdup_printf (_("%u essays · %u questions · %u in dissent"),
                          na_comparison_get_n_essays (self->comparison),
                          na_comparison_get_n_questions (self->comparison),
                          na_comparison_get_n_disagreements (self->comparison));
  gtk_label_set_text (self->summary_label, text);
}

static void
build_headers (NaComparisonView *self)
{
  for (guint e = 0; e < na_comparison_get_n_essays (self->comparison); e++)
    {
      NaEssay *essay = na_comparison_get_essay (self->comparison, e);
      g_autofree char *authors = na_essay_dup_authors_display (essay);
      g_autofree char *citation = na_essay_dup_citation (essay);
      g_autofree char *year = na_essay_get_year (essay) > 0
                              ? g_strdup_printf ("%d", na_essay_get_year (essay))
                              : g_strdup (_("n.d."));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label;

      gtk_widget_add_css_class (box, "comparison-essay");
      gtk_widget_set_tooltip_text (box, citation);
      label = gtk_label_new (authors);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), badge (year, "year"));
      /* One line, so the sticky header keeps one height; the tooltip cites in full. */
      label = gtk_label_new (na_essay_get_title (essay));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (self->header_box, fixed_width (box, COLUMN_WIDTH));
    }
}

static GtkWidget *
build_question_cell (NaComparisonView *self,
                     guint             q)
{
  NaQuestion *question = na_comparison_get_question (self->comparison, q);
  NaAgreement agreement = na_comparison_get_agreement (self->comparison, q);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GString *counts = g_string_new (NULL);

  gtk_widget_add_css_class (box, "comparison-question");
  gtk_box_append (GTK_BOX (box), wrapped_label (na_question_get_title (question), "heading", 24));
  gtk_box_append (GTK_BOX (box), badge (na_agreement_to_label (agreement),
                                        na_agreement_to_nick (agreement)));
  for (NaPosition p = 0; p < NA_N_POSITIONS; p++)
    {
      guint n = na_comparison_get_count (self->comparison, q, p);

      if (n > 0)
        /* Translators: a count and a position, e.g. "3 Supports" */
        g_string_append_printf (counts, "%s%u %s", counts->len ? " · " : "", n,
                                na_position_to_label (p));
    }
  gtk_box_append (GTK_BOX (box), wrapped_label (counts->str, "caption", 24));
  g_string_free (counts, TRUE);
  return box;
}

/* Whose an argument is: the user's own, the user's version of a bundled one, or NULL. */
static const char *
ownership_label (NaComparisonView *self,
                 const char       *id)
{
  NaUserStore *store = na_merged_library_get_user_store (self->merged);

  if (store == NULL)
    return NULL;
  if (na_user_store_lookup_annotation (store, id) != NULL)
    return _("Yours");
  if (na_user_store_lookup_override (store, id) != NULL)
    return _("Your version");
  return NULL;
}

static GtkWidget *
build_argument (NaComparisonView *self,
                NaArgument       *argument)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *expander;
  const char *whose = ownership_label (self, na_argument_get_id (argument));

  gtk_box_append (GTK_BOX (badges),
                  position_badge ((NaPosition) na_argument_get_stance (argument)));
  if (whose != NULL)
    {
      GtkWidget *mine = badge (whose, "user-item");

      gtk_widget_set_tooltip_text (mine, g_str_equal (whose, _("Yours"))
                                         ? _("An argument you marked")
                                         : _("Your edit of the bundled analysis"));
      gtk_box_append (GTK_BOX (badges), mine);
    }
  gtk_box_append (GTK_BOX (box), badges);

  /* The claim opens its essay in the reader, at its passage. */
  gtk_button_set_child (GTK_BUTTON (button),
                        wrapped_label (na_argument_get_claim (argument), NULL, LABEL_CHARS));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "comparison-claim");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (na_argument_get_id (argument)));
  gtk_widget_set_tooltip_text (button, _("Open in the reader"));
  gtk_box_append (GTK_BOX (box), button);

  if (na_argument_get_grounds (argument) != NULL)
    {
      expander = gtk_expander_new (_("Grounds"));
      gtk_widget_add_css_class (expander, "caption");
      gtk_expander_set_child (GTK_EXPANDER (expander),
                              wrapped_label (na_argument_get_grounds (argument), "caption",
                                             LABEL_CHARS));
      gtk_box_append (GTK_BOX (box), expander);
    }
  return box;
}

static GtkWidget *
build_cell (NaComparisonView *self,
            guint             e,
            guint             q)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  NaArgument * const *args;
  guint n;

  gtk_widget_add_css_class (box, "comparison-cell");
  args = na_comparison_get_arguments (self->comparison, e, q, &n);
  if (n == 0)
    {
      GtkWidget *silent = position_badge (NA_POSITION_SILENT);

      gtk_widget_set_tooltip_text (silent, _("This essay says nothing on this question"));
      gtk_box_append (GTK_BOX (box), silent);
      gtk_widget_add_css_class (box, "silent-cell");
    }
  for (guint i = 0; i < n; i++)
    gtk_box_append (GTK_BOX (box), build_argument (self, args[i]));
  return box;
}

static GtkWidget *
section_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static GtkWidget *
item_row (const char *title,
          const char *subtitle,
          const char *item_id)
{
  GtkWidget *row = adw_action_row_new ();

  /* Library text is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  if (item_id != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-item");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (item_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return row;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
add_pair_row (NaComparisonView       *self,
              GtkWidget              *list,
              const char             *what,
              const NaComparisonPair *pair)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (pair == NULL)
    {
      g_autofree char *none = g_strdup_printf ("%s %s", what, _("none"));

      gtk_list_box_append (GTK_LIST_BOX (list), item_row (none, NULL, NULL));
      return;
    }
  a = dup_essay_short (na_comparison_get_essay (self->comparison, pair->essay_a));
  b = dup_essay_short (na_comparison_get_essay (self->comparison, pair->essay_b));
  /* Translators: "Most aligned: Burton (2020) and Lorenz (2020)" */
  title = g_strdup_printf (_("%s %s and %s"), what, a, b);
  /* Translators: how often two essays take the same or opposite positions */
  subtitle = g_strdup_printf (_("Same position on %u of %u shared questions (%.0f %%), "
                                "opposite on %u"),
                              pair->n_same, pair->n_shared,
                              100 * na_comparison_pair_get_closeness (pair), pair->n_opposite);
  gtk_list_box_append (GTK_LIST_BOX (list), item_row (title, subtitle, NULL));
}

static void
build_sections (NaComparisonView *self)
{
  GtkWidget *list = boxed_list ();
  GListModel *countries = na_comparison_get_countries (self->comparison);
  GString *names = g_string_new (NULL);

  gtk_box_append (self->sections_box, section_title (_("Closeness")));
  add_pair_row (self, list, _("Most aligned:"), na_comparison_get_most_aligned (self->comparison));
  add_pair_row (self, list, _("Most opposed:"), na_comparison_get_most_opposed (self->comparison));
  gtk_box_append (self->sections_box, list);

  gtk_box_append (self->sections_box, section_title (_("Recommendations by Actor")));
  for (NaActor actor = 0; actor < NA_N_ACTORS; actor++)
    {
      GListModel *recs = na_comparison_get_recommendations (self->comparison, actor);
      guint n = g_list_model_get_n_items (recs);
      GtkWidget *label;

      if (n == 0)
        continue;
      label = gtk_label_new (na_actor_to_label (actor));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (self->sections_box, label);
      list = boxed_list ();
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);
          NaEssay *essay = na_library_lookup_essay (compared (self),
                                                    na_recommendation_get_essay_id (rec));
          g_autofree char *name = essay ? dup_essay_short (essay) : NULL;
          const char *whose = ownership_label (self, na_recommendation_get_id (rec));
          GtkWidget *row = item_row (na_recommendation_get_action (rec), name,
                                     na_recommendation_get_id (rec));

          if (whose != NULL)
            {
              GtkWidget *mine = badge (whose, "user-item");

              gtk_widget_set_valign (mine, GTK_ALIGN_CENTER);
              adw_action_row_add_prefix (ADW_ACTION_ROW (row), mine);
            }
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (self->sections_box, list);
    }

  gtk_box_append (self->sections_box, section_title (_("Countries Concerned")));
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(NaCountry) country = g_list_model_get_item (countries, i);

      g_string_append_printf (names, "%s%s (%u)", i ? ", " : "", na_country_get_name (country),
                              na_comparison_get_country_mentions (self->comparison,
                                                                  na_country_get_code (country)));
    }
  gtk_box_append (self->sections_box,
                  wrapped_label (names->len ? names->str : _("None"), NULL, 60));
  g_string_free (names, TRUE);
}

static char **
checked_ids (GtkBox *box)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "id"));
  return g_strv_builder_end (builder);
}

static void
rebuild (NaComparisonView *self)
{
  g_auto(GStrv) essays = NULL;
  g_auto(GStrv) questions = NULL;
  g_autoptr(GArray) rows = NULL;

  remove_children (self->header_box);
  remove_children (self->question_box);
  remove_children (self->cells_box);
  remove_children (self->sections_box);
  g_clear_object (&self->comparison);

  essays = checked_ids (self->essay_checks);
  questions = checked_ids (self->question_checks);
  if (compared (self) != NULL && g_strv_length (essays) >= 2 && g_strv_length (questions) >= 1)
    self->comparison = na_comparison_new (compared (self), (const char * const *) essays,
                                          (const char * const *) questions, NULL);

  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPARISON]);
  if (self->comparison == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "grid");

  build_headers (self);
  rows = na_comparison_dup_question_rows (self->comparison, self->only_disagreements);
  if (rows->len == 0)
    {
      GtkWidget *label = wrapped_label (_("The chosen essays do not disagree on these questions"),
                                        "dim-label", 40);

      gtk_widget_set_margin_top (label, 24);
      gtk_widget_set_margin_start (label, 12);
      gtk_box_append (self->question_box, label);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      guint q = g_array_index (rows, guint, r);
      g_autoptr(GtkSizeGroup) group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
      GtkWidget *question = fixed_width (build_question_cell (self, q), QUESTION_WIDTH);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (row, "comparison-row");
      for (guint e = 0; e < na_comparison_get_n_essays (self->comparison); e++)
        {
          gtk_box_append (GTK_BOX (row), fixed_width (build_cell (self, e, q), COLUMN_WIDTH));
        }
      gtk_size_group_add_widget (group, question);
      gtk_size_group_add_widget (group, row);
      gtk_box_append (self->question_box, question);
      gtk_box_append (self->cells_box, row);
    }
  build_sections (self);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  NaComparisonView *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (NaComparisonView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static GtkWidget *
ellipsized_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

/* Who and when, then which essay on a second line: one author may have two essays in a year. */
static GtkWidget *
essay_check (NaEssay *essay)
{
  g_autofree char *name = dup_essay_short (essay);
  g_autofree char *title = na_essay_dup_full_title (essay);
  g_autofree char *accessible = NULL;
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title_label = ellipsized_label (title);

  gtk_box_append (GTK_BOX (box), ellipsized_label (name));
  gtk_widget_add_css_class (title_label, "caption");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  /* Translators: a checkbox's name for screen readers, e.g. "Smith (2013): On Alliances" */
  accessible = g_strdup_printf (_("%s: %s"), name, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return check;
}

static void
add_check (NaComparisonView *self,
           GtkBox           *box,
           GtkWidget        *check,
           const char       *tooltip,
           const char       *id)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_tooltip_text (check, tooltip);
  g_object_set_data_full (G_OBJECT (check), "id", g_strdup (id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  gtk_box_append (box, check);
}

/* The ids whose boxes are unchecked, so that a refill keeps the user's choice. */
static GHashTable *
dup_unchecked (GtkBox *box)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_hash_table_add (set, g_strdup (g_object_get_data (G_OBJECT (child), "id")));
  return set;
}

static void
uncheck (GtkBox     *box,
         GHashTable *ids)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_hash_table_contains (ids, g_object_get_data (G_OBJECT (child), "id")))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), FALSE);
}

static int
compare_essays (gconstpointer a,
                gconstpointer b)
{
  return na_essay_compare_by_author (*(NaEssay **) a, *(NaEssay **) b);
}

/* Boxes for every essay and question; those the user had unchecked stay unchecked, new ones
 * (an essay just added) start checked like all do. */
static void
fill_checks (NaComparisonView *self)
{
  GListModel *essays, *questions;
  g_autoptr(GHashTable) unchecked_essays = dup_unchecked (self->essay_checks);
  g_autoptr(GHashTable) unchecked_questions = dup_unchecked (self->question_checks);
  g_autoptr(GPtrArray) sorted = NULL;

  remove_children (self->essay_checks);
  remove_children (self->question_checks);
  if (compared (self) == NULL)
    return;

  /* Named by author, so ordered by author as the library's list "By Author" is, the user's
   * own essays among the others rather than after them; the grid's columns follow. */
  essays = na_library_get_essays (compared (self));
  sorted = g_ptr_array_new_full (g_list_model_get_n_items (essays), g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (essays); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (essays, i));
  g_ptr_array_sort (sorted, compare_essays);
  for (guint i = 0; i < sorted->len; i++)
    {
      NaEssay *essay = g_ptr_array_index (sorted, i);
      g_autofree char *citation = na_essay_dup_citation (essay);

      add_check (self, self->essay_checks, essay_check (essay), citation,
                 na_essay_get_id (essay));
    }
  questions = na_library_get_questions (compared (self));
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(NaQuestion) question = g_list_model_get_item (questions, i);

      add_check (self, self->question_checks,
                 gtk_check_button_new_with_label (na_question_get_title (question)),
                 na_question_get_description (question), na_question_get_id (question));
    }
  uncheck (self->essay_checks, unchecked_essays);
  uncheck (self->question_checks, unchecked_questions);
}

/* The library or the user's part changed: the checklist and the grid anew. */
static void
refresh (NaComparisonView *self)
{
  fill_checks (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
}

static void
set_all (GtkBox   *box,
         gboolean  active)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (child), active);
}

static void
select_all_essays_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_all (NA_COMPARISON_VIEW (widget)->essay_checks, TRUE);
}

static void
select_no_essays_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_all (NA_COMPARISON_VIEW (widget)->essay_checks, FALSE);
}

static void
select_all_questions_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  set_all (NA_COMPARISON_VIEW (widget)->question_checks, TRUE);
}

NaLibrary *
na_comparison_view_get_library (NaComparisonView *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON_VIEW (self), NULL);

  return na_merged_library_get_library (self->merged);
}

void
na_comparison_view_set_library (NaComparisonView *self,
                                NaLibrary        *library)
{
  g_return_if_fail (NA_IS_COMPARISON_VIEW (self));
  g_return_if_fail (!library || NA_IS_LIBRARY (library));

  if (na_merged_library_get_library (self->merged) == library)
    return;
  na_merged_library_set_library (self->merged, library);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
}

NaUserStore *
na_comparison_view_get_user_store (NaComparisonView *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON_VIEW (self), NULL);

  return na_merged_library_get_user_store (self->merged);
}

/**
 * na_comparison_view_set_user_store:
 * @store: (nullable): the user's data, whose analysis is compared with the library's
 */
void
na_comparison_view_set_user_store (NaComparisonView *self,
                                   NaUserStore      *store)
{
  g_return_if_fail (NA_IS_COMPARISON_VIEW (self));
  g_return_if_fail (!store || NA_IS_USER_STORE (store));

  if (na_merged_library_get_user_store (self->merged) == store)
    return;
  na_merged_library_set_user_store (self->merged, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_STORE]);
}

/**
 * na_comparison_view_get_comparison:
 *
 * Returns: (transfer none) (nullable): what the view shows, or %NULL when fewer than two
 *   essays or no question are chosen
 */
NaComparison *
na_comparison_view_get_comparison (NaComparisonView *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON_VIEW (self), NULL);

  return self->comparison;
}

gboolean
na_comparison_view_get_only_disagreements (NaComparisonView *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON_VIEW (self), FALSE);

  return self->only_disagreements;
}

void
na_comparison_view_set_only_disagreements (NaComparisonView *self,
                                           gboolean          only_disagreements)
{
  g_return_if_fail (NA_IS_COMPARISON_VIEW (self));

  only_disagreements = !!only_disagreements;
  if (self->only_disagreements == only_disagreements)
    return;
  self->only_disagreements = only_disagreements;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLY_DISAGREEMENTS]);
}

/* Chooses exactly the essays in @essay_ids (NULL: all), for tests and other views. */
void
na_comparison_view_choose_essays (NaComparisonView   *self,
                                  const char * const *essay_ids)
{
  g_return_if_fail (NA_IS_COMPARISON_VIEW (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->essay_checks));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                 essay_ids == NULL ||
                                 g_strv_contains (essay_ids,
                                                  g_object_get_data (G_OBJECT (child), "id")));
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
}

static void
na_comparison_view_dispose (GObject *object)
{
  NaComparisonView *self = (NaComparisonView *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->merged != NULL)
    g_signal_handlers_disconnect_by_data (self->merged, self);
  g_clear_object (&self->merged);
  gtk_widget_dispose_template (GTK_WIDGET (self), NA_TYPE_COMPARISON_VIEW);

  G_OBJECT_CLASS (na_comparison_view_parent_class)->dispose (object);
}

static void
na_comparison_view_finalize (GObject *object)
{
  NaComparisonView *self = (NaComparisonView *)object;

  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (na_comparison_view_parent_class)->finalize (object);
}

static void
na_comparison_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NaComparisonView *self = NA_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, na_merged_library_get_library (self->merged));
      break;

    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;

    case PROP_ONLY_DISAGREEMENTS:
      g_value_set_boolean (value, self->only_disagreements);
      break;

    case PROP_USER_STORE:
      g_value_set_object (value, na_merged_library_get_user_store (self->merged));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_comparison_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NaComparisonView *self = NA_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      na_comparison_view_set_library (self, g_value_get_object (value));
      break;

    case PROP_ONLY_DISAGREEMENTS:
      na_comparison_view_set_only_disagreements (self, g_value_get_boolean (value));
      break;

    case PROP_USER_STORE:
      na_comparison_view_set_user_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_comparison_view_class_init (NaComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = na_comparison_view_dispose;
  object_class->finalize = na_comparison_view_finalize;
  object_class->get_property = na_comparison_view_get_property;
  object_class->set_property = na_comparison_view_set_property;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, "The library whose essays are compared",
                         NA_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, "The comparison shown",
                         NA_TYPE_COMPARISON,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ONLY_DISAGREEMENTS] =
    g_param_spec_boolean ("only-disagreements", NULL, "Whether only questions in dissent show",
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_USER_STORE] =
    g_param_spec_object ("user-store", NULL, "The user's data, compared with the library's",
                         NA_TYPE_USER_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/NatoAsia/na-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, essay_checks);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, question_checks);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, stack);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, corner_label);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, header_scroller);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, header_box);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, question_box);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, cells_scroller);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, cells_box);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, NaComparisonView, hscrollbar);

  gtk_widget_class_install_action (widget_class, "comparison.select-all-essays", NULL,
                                   select_all_essays_action);
  gtk_widget_class_install_action (widget_class, "comparison.select-no-essays", NULL,
                                   select_no_essays_action);
  gtk_widget_class_install_action (widget_class, "comparison.select-all-questions", NULL,
                                   select_all_questions_action);
  gtk_widget_class_install_property_action (widget_class, "comparison.only-disagreements",
                                            "only-disagreements");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "comparison.only-disagreements", NULL);
}

static void
na_comparison_view_init (NaComparisonView *self)
{
  GtkAdjustment *hadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->merged = na_merged_library_new ();
  g_signal_connect_swapped (self->merged, "notify::merged", G_CALLBACK (refresh), self);

  /* The header and the scrollbar follow the cells sideways; the question column stays. */
  hadjustment = gtk_scrolled_window_get_hadjustment (self->cells_scroller);
  gtk_scrolled_window_set_hadjustment (self->header_scroller, hadjustment);
  gtk_scrollbar_set_adjustment (self->hscrollbar, hadjustment);
  gtk_widget_set_size_request (GTK_WIDGET (self->corner_label), QUESTION_WIDTH, -1);
}
