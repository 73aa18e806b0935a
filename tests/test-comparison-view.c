/* test-comparison-view.c — the Compare view under a display, on the bundled library: 12
 * question rows, fewer with "Only disagreements", a claim opens the reader, the export dialog
 * previews; screenshots saved for a person to look at (NA_SCREENSHOT_DIR). */
#include "config.h"

#include <adwaita.h>

#include "na-application.h"
#include "na-test-display.h"
#include "na-comparison-view.h"
#include "na-export-dialog.h"
#include "na-user-store.h"
#include "na-window.h"

/* One application for all cases: it can register only once per process. */
static NaApplication *app;

/* Mapped boxes carrying @css_class: the question rows, cells, … */
static guint
count_boxes (GtkWidget  *widget,
             const char *css_class)
{
  guint n = 0;

  if (GTK_IS_BOX (widget) && gtk_widget_has_css_class (widget, css_class) &&
      gtk_widget_get_mapped (widget))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_boxes (child, css_class);
  return n;
}

static GtkWidget *
find_claim (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "comparison-claim") &&
      gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_claim (child);

      if (found)
        return found;
    }
  return NULL;
}

/* The scrolled window with the tallest content: the view's body. */
static GtkScrolledWindow *
find_tallest_scroller (GtkWidget         *widget,
                       GtkScrolledWindow *best)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkScrolledWindow *sw = GTK_SCROLLED_WINDOW (widget);

      if (best == NULL ||
          gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (sw)) >
          gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (best)))
        best = sw;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    best = find_tallest_scroller (child, best);
  return best;
}

static void
test_comparison_view (void)
{
  NaWindow *window;
  NaComparisonView *view;
  AdwViewStack *stack;
  GtkWidget *claim;
  guint all_rows, dissent_rows;
  const char *two[] = { "burton-2020", "lorenz-2020", NULL };

  window = na_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (500);

  stack = ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "compare"));
  adw_view_stack_set_visible_child_name (stack, "compare");
  na_test_iterate (800);
  view = NA_COMPARISON_VIEW (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_COMPARISON_VIEW));
  g_assert_nonnull (view);

  /* All 18 essays on all 12 questions by default. */
  g_assert_nonnull (na_comparison_view_get_comparison (view));
  g_assert_cmpuint (na_comparison_get_n_essays (na_comparison_view_get_comparison (view)), ==, 18);
  all_rows = count_boxes (GTK_WIDGET (view), "comparison-row");
  g_assert_cmpuint (all_rows, ==, 12);
  g_assert_cmpuint (count_boxes (GTK_WIDGET (view), "comparison-cell"), ==, 12 * 18);
  g_assert_cmpuint (count_boxes (GTK_WIDGET (view), "comparison-essay"), ==, 18);
  g_assert_cmpuint (count_boxes (GTK_WIDGET (view), "silent-cell"), >, 0);
  na_test_save_screenshot (GTK_WIDGET (window), "comparison-all.png");

  /* Only disagreements, through the toggle's action. */
  gtk_widget_activate_action (GTK_WIDGET (view), "comparison.only-disagreements", NULL);
  na_test_iterate (800);
  g_assert_true (na_comparison_view_get_only_disagreements (view));
  dissent_rows = count_boxes (GTK_WIDGET (view), "comparison-row");
  g_assert_cmpuint (dissent_rows, >, 0);
  g_assert_cmpuint (dissent_rows, <, all_rows);
  g_assert_cmpuint (dissent_rows, ==,
                    na_comparison_get_n_disagreements (na_comparison_view_get_comparison (view)));
  na_test_save_screenshot (GTK_WIDGET (window), "comparison-disagreements.png");

  /* Below the rows: closeness, recommendations by actor, countries; in dark too. */
  {
    GtkScrolledWindow *body = find_tallest_scroller (GTK_WIDGET (view), NULL);
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (body);

    gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
    na_test_iterate (800);
    g_assert_true (na_test_has_mapped_label_prefix (GTK_WIDGET (view), "Most aligned:"));
    na_test_save_screenshot (GTK_WIDGET (window), "comparison-sections-dark.png");
    gtk_adjustment_set_value (vadj, 0);
    na_test_iterate (500);
    na_test_save_screenshot (GTK_WIDGET (window), "comparison-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_DEFAULT);
  }
  gtk_widget_activate_action (GTK_WIDGET (view), "comparison.only-disagreements", NULL);
  na_test_iterate (300);

  /* A narrow window still shows the question column and scrolls sideways. */
  na_comparison_view_choose_essays (view, two);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  na_test_iterate (800);
  g_assert_cmpuint (count_boxes (GTK_WIDGET (view), "comparison-essay"), ==, 2);
  na_test_save_screenshot (GTK_WIDGET (window), "comparison-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  na_test_iterate (800);

  /* The export dialog previews what it will write. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-comparison", NULL);
  na_test_iterate (300);
  {
    GList *toplevels = gtk_window_list_toplevels ();
    NaExportDialog *dialog = NULL;
    GtkPicture *picture;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (NA_IS_EXPORT_DIALOG (l->data))
        dialog = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (dialog);
    /* The summary is made in a thread: wait for it, however slow the machine. */
    for (guint i = 0; i < 100 && *na_export_dialog_get_preview (dialog) == '\0'; i++)
      na_test_iterate (100);
    g_assert_cmpuint (na_comparison_get_n_essays (na_export_dialog_get_comparison (dialog)), ==, 2);
    g_assert_true (g_str_has_prefix (na_export_dialog_get_preview (dialog),
                                     "# Comparison of 2 essays"));
    na_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog.png");
    /* PDF: a rendered first page instead of text. */
    gtk_drop_down_set_selected (GTK_DROP_DOWN (na_test_find_widget (GTK_WIDGET (dialog),
                                                                    GTK_TYPE_DROP_DOWN)), 2);
    picture = GTK_PICTURE (na_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_PICTURE));
    for (guint i = 0; i < 100 && gtk_picture_get_paintable (picture) == NULL; i++)
      na_test_iterate (100);
    na_test_iterate (300);
    g_assert_nonnull (gtk_picture_get_paintable (picture));
    na_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog-pdf.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
    na_test_iterate (200);
  }

  /* A claim opens its essay in the reader. */
  claim = find_claim (GTK_WIDGET (view));
  g_assert_nonnull (claim);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (claim)), ==, "win.show-item");
  g_signal_emit_by_name (claim, "clicked");
  na_test_iterate (500);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "essay");

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* The first question @essay is silent on, in the bundled comparison of @essays. */
static guint
silent_question (NaComparison *cmp,
                 guint         essay)
{
  for (guint q = 0; q < na_comparison_get_n_questions (cmp); q++)
    if (na_comparison_get_position (cmp, essay, q) == NA_POSITION_SILENT)
      return q;
  g_assert_not_reached ();
}

static NaExportDialog *
find_export_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  NaExportDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (NA_IS_EXPORT_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

/* The user's own arguments take part in the comparison, marked as theirs, follow their edits
 * and undo, and their notes go into the summary when they ask. */
static void
test_user_analysis (void)
{
  g_autofree char *dir = g_dir_make_tmp ("natoasia-compare-user-XXXXXX", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaAnnotation) mine = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  g_autoptr(NaAnnotation) rec = na_annotation_new (NA_ANNOTATION_RECOMMENDATION);
  g_autoptr(NaAnnotation) other = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  const char *two[] = { "burton-2020", "lorenz-2020", NULL };
  NaComparisonView *view;
  NaComparison *cmp;
  NaExportDialog *dialog;
  GtkWidget *notes_check;
  AdwViewStack *stack;
  NaWindow *window;
  const char *question_id;
  guint q;

  window = na_window_new (app);
  na_window_set_user_store (window, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (300);
  stack = ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "compare");
  view = NA_COMPARISON_VIEW (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_COMPARISON_VIEW));
  g_assert_true (na_comparison_view_get_user_store (view) == store);
  na_comparison_view_choose_essays (view, two);
  na_test_iterate (300);
  cmp = na_comparison_view_get_comparison (view);
  q = silent_question (cmp, 0);
  question_id = na_question_get_id (na_comparison_get_question (cmp, q));
  g_assert_false (na_test_has_mapped_label_prefix (GTK_WIDGET (view), "Yours"));

  /* Burton was silent on that question; the user reads a position into the essay. */
  na_annotation_set_essay_id (mine, "burton-2020");
  na_annotation_set_question_id (mine, question_id);
  na_annotation_set_stance (mine, NA_STANCE_OPPOSES);
  na_annotation_set_claim (mine, "Read between the lines, Burton would say no.");
  na_annotation_set_quote (mine, "a passage");
  na_annotation_set_note (mine, "To raise at the seminar <b>Tuesday</b>");
  na_user_store_add_annotation (store, mine);
  na_test_iterate (500);
  cmp = na_comparison_view_get_comparison (view);
  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 2);
  g_assert_cmpint (na_comparison_get_position (cmp, 0, q), ==, NA_POSITION_OPPOSES);
  g_assert_true (na_test_has_mapped_label_prefix (GTK_WIDGET (view), "Yours"));
  g_assert_true (na_test_has_mapped_label_prefix (GTK_WIDGET (view), "Read between the lines"));
  g_assert_cmpuint (na_test_count_mapped_labels (GTK_WIDGET (view), "Yours"), ==, 1);
  na_test_save_screenshot (GTK_WIDGET (window), "comparison-user-argument.png");

  /* Their recommendation joins NATO's, badged too. */
  na_annotation_set_essay_id (rec, "lorenz-2020");
  na_annotation_set_actor (rec, NA_ACTOR_NATO);
  na_annotation_set_action (rec, "Open a liaison office in Canberra.");
  na_user_store_add_annotation (store, rec);
  na_test_iterate (500);
  g_assert_true (na_test_has_mapped_label_prefix (GTK_WIDGET (view), "Open a liaison office"));
  g_assert_cmpuint (na_test_count_mapped_labels (GTK_WIDGET (view), "Yours"), ==, 2);
  g_assert_true (na_user_store_undo (store));
  na_test_iterate (500);
  g_assert_false (na_test_has_mapped_label_prefix (GTK_WIDGET (view), "Open a liaison office"));

  /* The summary leaves the note out unless asked. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-comparison", NULL);
  na_test_iterate (300);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  for (guint i = 0; i < 100 && *na_export_dialog_get_preview (dialog) == '\0'; i++)
    na_test_iterate (100);
  g_assert_nonnull (strstr (na_export_dialog_get_preview (dialog),
                            "Read between the lines, Burton would say no."));
  g_assert_null (strstr (na_export_dialog_get_preview (dialog), "seminar"));
  notes_check = na_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (notes_check);
  g_assert_true (gtk_widget_get_visible (notes_check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (notes_check), TRUE);
  for (guint i = 0; i < 100 && strstr (na_export_dialog_get_preview (dialog), "seminar") == NULL;
       i++)
    na_test_iterate (100);
  g_assert_nonnull (strstr (na_export_dialog_get_preview (dialog),
                            "To raise at the seminar"));
  na_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog-notes.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  na_test_iterate (200);

  /* Undo takes the argument out of the comparison again. */
  g_assert_true (na_user_store_undo (store));
  na_test_iterate (500);
  cmp = na_comparison_view_get_comparison (view);
  g_assert_cmpint (na_comparison_get_position (cmp, 0, q), ==, NA_POSITION_SILENT);
  g_assert_false (na_test_has_mapped_label_prefix (GTK_WIDGET (view), "Yours"));

  /* A note on an essay left out of the comparison is not offered. */
  na_annotation_set_essay_id (other, "cottey-2020");
  na_annotation_set_question_id (other, question_id);
  na_annotation_set_stance (other, NA_STANCE_SUPPORTS);
  na_annotation_set_claim (other, "Cottey would agree.");
  na_annotation_set_quote (other, "another passage");
  na_annotation_set_note (other, "Only about Cottey");
  na_user_store_add_annotation (store, other);
  na_test_iterate (500);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-comparison", NULL);
  na_test_iterate (300);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  notes_check = na_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_widget_get_visible (notes_check));
  gtk_window_destroy (GTK_WINDOW (dialog));
  na_test_iterate (200);

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
  na_user_store_close (store);
}

static NaEssay *
named_essay (const char *id,
             const char *given,
             const char *family,
             const char *title,
             int         year)
{
  NaEssay *essay = na_essay_new ();
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  g_autoptr(NaDate) date = na_date_new (year, 0, 0);

  if (id != NULL)
    na_essay_set_id (essay, id);
  na_essay_set_title (essay, title);
  g_ptr_array_add (authors, na_name_new (family, given, NULL));
  na_essay_set_authors (essay, authors);
  na_essay_set_issued (essay, date);
  return essay;
}

static void
add_named_essay (NaLibrary  *library,
                 const char *id,
                 const char *given,
                 const char *family,
                 const char *title,
                 int         year)
{
  g_autoptr(NaEssay) essay = named_essay (id, given, family, title, year);

  g_assert_true (na_library_add_essay (library, essay));
}

/* The text a check button shows, its labels' lines joined by newlines. */
static void
append_labels (GtkWidget *widget,
               GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "",
                            gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, text);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found)
        return found;
    }
  return NULL;
}

#define LONG_TITLE \
  "Another title, long enough to be cut short in the popover rather than widen it past the edge"

/* An author's two essays of one year can be told apart in the Essays popover, whose entries
 * are ordered as the library's list orders by author, the user's own essays among them; the
 * grid's columns follow. Fixture essays, not the bundled ones. */
static void
test_essay_choices (void)
{
  g_autofree char *dir = g_dir_make_tmp ("natoasia-compare-choices-XXXXXX", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaLibrary) library = na_library_new ();
  g_autoptr(NaEssay) own = named_essay (NULL, "Bea", "Baker", "Notes of my own", 2015);
  g_autoptr(NaQuestion) question = na_question_new ();
  const char *expected[] = {
    "Ada Adams (2010)\nA first fixture essay",
    "Bea Baker (2015)\nNotes of my own",
    "Cy Chan (2020)\nThe later one",
    "Cy Chan (2013)\n" LONG_TITLE,
    "Cy Chan (2013)\nOne title",
  };
  GtkWidget *window = gtk_window_new ();
  NaComparisonView *view = NA_COMPARISON_VIEW (na_comparison_view_new ());
  GtkWidget *popover, *long_label;
  NaComparison *cmp;
  guint n = 0;

  /* Library order on purpose neither by author nor by date. */
  add_named_essay (library, "chan-2013b", "Cy", "Chan", "One title", 2013);
  add_named_essay (library, "chan-2020", "Cy", "Chan", "The later one", 2020);
  add_named_essay (library, "adams-2010", "Ada", "Adams", "A first fixture essay", 2010);
  add_named_essay (library, "chan-2013a", "Cy", "Chan", LONG_TITLE, 2013);
  na_question_set_id (question, "q1");
  na_question_set_title (question, "Should the fixture hold?");
  g_assert_true (na_library_add_question (library, question));
  na_user_store_add_essay (store, own);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  na_comparison_view_set_library (view, library);
  na_comparison_view_set_user_store (view, store);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (500);

  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (
                          na_test_find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON))));
  gtk_popover_popup (GTK_POPOVER (popover));
  na_test_iterate (300);
  for (GtkWidget *check = na_test_find_widget (popover, GTK_TYPE_CHECK_BUTTON);
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      append_labels (check, text);
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (text->str, ==, expected[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  /* A long title is cut short rather than widening the popover. */
  g_assert_cmpint (gtk_widget_get_width (popover), <, 600);
  long_label = find_label (popover, LONG_TITLE);
  g_assert_nonnull (long_label);
  g_assert_true (gtk_widget_get_mapped (long_label));
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (long_label))));
  na_test_save_screenshot (popover, "comparison-essay-choices.png");
  gtk_popover_popdown (GTK_POPOVER (popover));

  cmp = na_comparison_view_get_comparison (view);
  g_assert_nonnull (cmp);
  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 5);
  g_assert_cmpstr (na_essay_get_id (na_comparison_get_essay (cmp, 0)), ==, "adams-2010");
  g_assert_cmpstr (na_essay_get_id (na_comparison_get_essay (cmp, 4)), ==, "chan-2013b");

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
  na_user_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  na_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = na_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_test_add_func ("/comparison-view/bundled", test_comparison_view);
  g_test_add_func ("/comparison-view/user-analysis", test_user_analysis);
  g_test_add_func ("/comparison-view/essay-choices", test_essay_choices);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
