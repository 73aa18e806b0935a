/* test-reader.c — under a display: attach a text, see anchored passages highlighted and the
 * unfound one listed; create, edit, undo, redo and delete annotations through the window's
 * actions; "restart" on the same data directory and find them again; search the sidebar.
 * Fixture texts are written here (our own words). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "na-application.h"
#include "na-test-display.h"
#include "na-essay-analysis.h"
#include "na-essay-row.h"
#include "na-note-editor.h"
#include "na-reader.h"
#include "na-comparison-view.h"
#include "na-window.h"

static const char fixture[] =
  "Harbour Lights: A Fixture Essay\n\n"
  "The alliance has spent decades watching the northern seas. Its planners now look east, "
  "where shipping lanes carry most of the world's trade.\n\n"
  "Some members argue that partnership with Pacific democracies should deepen through shared "
  "exercises and common standards for equipment.\n\n"
  "Others warn that an alliance stretched across two oceans protects neither well, and that "
  "Europe's own neighbourhood needs every ship it has.\n\n"
  "A modest path exists: regular staff talks, a liaison office in the region, and joint work "
  "on cyber defence and kelp farming research.\n";

static NaApplication *app;

/* The mapped button under @widget bound to @action with the string target @target. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action,
                    const char *target)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
          && g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *id;
  gboolean    present;
} OwnProbe;

/* Whether the Delete button of the user's item is there (or gone), as the probe asks. */
static gboolean
own_button_is (gpointer data)
{
  OwnProbe *probe = data;

  return (find_action_button (probe->widget, "win.delete-annotation", probe->id) != NULL)
         == probe->present;
}

static NaAnchor *
anchor (const char *exact)
{
  NaAnchor *a = na_anchor_new ();

  na_anchor_set_exact (a, exact);
  return a;
}

static void
add_argument (NaLibrary  *library,
              const char *id,
              const char *essay,
              NaStance    stance,
              const char *claim,
              const char *quote)
{
  g_autoptr(NaArgument) arg = na_argument_new ();
  g_autoptr(NaAnchor) a = anchor (quote);
  const char *countries[] = { "JPN", NULL };

  na_argument_set_id (arg, id);
  na_argument_set_essay_id (arg, essay);
  na_argument_set_question_id (arg, "q-reach");
  na_argument_set_stance (arg, stance);
  na_argument_set_claim (arg, claim);
  na_argument_set_countries (arg, countries);
  na_argument_set_anchor (arg, a);
  g_assert_true (na_library_add_argument (library, arg));
}

/* A small library of our own: two essays, one question, anchors into the fixture text. */
static NaLibrary *
make_library (void)
{
  NaLibrary *library = na_library_new ();
  g_autoptr(NaQuestion) q = na_question_new ();
  g_autoptr(NaCountry) jpn = na_country_new ();
  g_autoptr(NaEssay) e1 = na_essay_new ();
  g_autoptr(NaEssay) e2 = na_essay_new ();
  g_autoptr(NaDate) d1 = na_date_new (2021, 5, 0);
  g_autoptr(NaDate) d2 = na_date_new (2019, 0, 0);
  g_autoptr(NaRecommendation) rec = na_recommendation_new ();
  g_autoptr(NaAnchor) rec_anchor = anchor ("a liaison office in the region");

  na_library_set_title (library, "Fixture Library");
  na_question_set_id (q, "q-reach");
  na_question_set_title (q, "Should the alliance reach into the Pacific?");
  na_library_add_question (library, q);
  na_country_set_code (jpn, "JPN");
  na_country_set_name (jpn, "Japan");
  na_library_add_country (library, jpn);
  na_essay_set_id (e1, "harbour");
  na_essay_set_title (e1, "Harbour Lights");
  na_essay_set_issued (e1, d1);
  na_library_add_essay (library, e1);
  na_essay_set_id (e2, "mountain");
  na_essay_set_title (e2, "Mountain Passes and Treaties");
  na_essay_set_issued (e2, d2);
  na_library_add_essay (library, e2);

  add_argument (library, "harbour-a1", "harbour", NA_STANCE_SUPPORTS,
                "Partnership with Pacific democracies should deepen",
                "partnership with Pacific democracies should deepen");
  add_argument (library, "harbour-a2", "harbour", NA_STANCE_OPPOSES,
                "Two oceans are too many", "stretched across two oceans protects neither well");
  add_argument (library, "harbour-a3", "harbour", NA_STANCE_MIXED,
                "A sentence this text does not hold", "words that appear nowhere in the fixture");
  na_recommendation_set_id (rec, "harbour-r1");
  na_recommendation_set_essay_id (rec, "harbour");
  na_recommendation_set_action (rec, "Open a liaison office");
  na_recommendation_set_anchor (rec, rec_anchor);
  na_library_add_recommendation (library, rec);
  return library;
}

static NaWindow *
open_window (NaApplication *application,
             NaLibrary     *library,
             NaUserStore   *store)
{
  NaWindow *window = na_window_new (application);

  if (store != NULL)
    na_window_set_user_store (window, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  na_window_set_library (window, library);
  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (600);
  return window;
}

static gboolean
activate (NaWindow   *window,
          const char *name,
          GVariant   *parameter)
{
  return gtk_widget_activate_action_variant (GTK_WIDGET (window), name, parameter);
}

static NaAnnotation *
nth_annotation (NaUserStore *store,
                guint        i)
{
  g_autoptr(NaAnnotation) a = g_list_model_get_item (na_user_store_get_annotations (store), i);

  return a;  /* the store keeps it alive */
}

static guint
n_annotations (NaUserStore *store)
{
  return g_list_model_get_n_items (na_user_store_get_annotations (store));
}

static int
offset_of (const char *needle)
{
  const char *p = strstr (fixture, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (fixture, p);
}

static GtkWidget *sidebar_of (NaWindow *window);
static guint      n_listed   (NaWindow *window);

static void
test_reader_annotate_restart (void)
{
  g_autoptr(NaLibrary) library = make_library ();
  g_autofree char *text_path = g_build_filename (g_get_user_data_dir (), "harbour.md", NULL);
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "annotate", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (data_dir);
  g_autoptr(NaUserStore) store2 = NULL;
  g_autofree char *id = NULL;
  NaWindow *window;
  NaReader *reader;
  NaAnnotation *a;
  int start, end, s, e;
  g_autofree char *quote = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (text_path, fixture, -1, NULL));
  g_assert_true (na_user_store_load (store, NULL));
  window = open_window (app, library, store);
  reader = NA_READER (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_READER));

  /* The application's own store found the broken file (written in main()): the first window
   * says which file and where it was kept, and the file is not overwritten. */
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    const char *body;

    g_assert_nonnull (dialog);
    body = adw_message_dialog_get_body (dialog);
    g_assert_nonnull (strstr (body, "annotations.json"));
    g_assert_nonnull (strstr (body, ".broken-"));
    na_test_save_screenshot (GTK_WIDGET (dialog), "store-broken.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Attach the text to the first essay: the reader opens with its passages highlighted,
   * and the argument whose quote is not in the text listed as not found. */
  na_window_select_essay (window, "harbour");
  na_test_iterate (200);
  g_assert_true (activate (window, "win.attach-file", g_variant_new_string (text_path)));
  /* Read in a worker thread: nothing is attached until the main loop hears back. */
  g_assert_null (na_user_store_get_attachment (store, "harbour", NULL));
  na_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  g_assert_cmpuint (na_reader_get_n_highlighted (reader), ==, 3);
  g_assert_cmpuint (na_reader_get_n_missing (reader), ==, 1);

  /* win.show-item scrolls the reader to the argument's passage and selects it. */
  activate (window, "win.show-item", g_variant_new_string ("harbour-a2"));
  na_test_iterate (200);
  g_assert_true (na_reader_get_selection (reader, &s, &e, &quote));
  g_assert_cmpstr (quote, ==, "stretched across two oceans protects neither well");
  /* And back: a click on a passage selects its item in the list. */
  g_assert_cmpstr (na_reader_item_at_offset (reader, offset_of ("Pacific democracies")), ==,
                   "harbour-a1");
  g_assert_null (na_reader_item_at_offset (reader, offset_of ("northern seas")));
  g_assert_true (na_reader_reveal_item (reader, "harbour-a1"));

  /* Create: a highlight on a selection. */
  start = offset_of ("planners now look east");
  end = start + strlen ("planners now look east");
  na_reader_select_range (reader, start, end);
  g_assert_true (activate (window, "win.add-highlight", g_variant_new_string ("green")));
  g_assert_cmpuint (n_annotations (store), ==, 1);
  a = nth_annotation (store, 0);
  id = g_strdup (na_annotation_get_id (a));
  g_assert_cmpstr (na_annotation_get_quote (a), ==, "planners now look east");
  g_assert_cmpstr (na_annotation_get_color (a), ==, "green");
  g_assert_cmpint (na_annotation_get_start (a), ==, start);
  na_test_iterate (100);
  g_assert_cmpuint (na_reader_get_n_highlighted (reader), ==, 4);

  /* Edit: note and tags. */
  activate (window, "win.set-annotation",
            g_variant_new ("(ssss)", id, "The turn to the east", "strategy, east, Strategy",
                           "blue"));
  a = na_user_store_lookup_annotation (store, id);
  g_assert_cmpstr (na_annotation_get_note (a), ==, "The turn to the east");
  g_assert_cmpstr (na_annotation_get_tags (a)[1], ==, "east");
  g_assert_null (na_annotation_get_tags (a)[2]);  /* a tag typed twice is kept once */
  g_assert_cmpstr (na_annotation_get_color (a), ==, "blue");
  /* One edit, one undo step: note, tags and colour come back together. */
  activate (window, "win.undo", NULL);
  a = na_user_store_lookup_annotation (store, id);
  g_assert_null (na_annotation_get_note (a));
  g_assert_cmpstr (na_annotation_get_color (a), ==, "green");
  activate (window, "win.redo", NULL);
  a = na_user_store_lookup_annotation (store, id);
  g_assert_cmpstr (na_annotation_get_color (a), ==, "blue");

  /* The Edit Annotation dialog, as a user would: change the note, on two lines, Save. */
  activate (window, "win.edit-annotation", g_variant_new_string (id));
  na_test_iterate (300);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    GtkWidget *note;
    g_autofree char *shown = NULL;

    g_assert_nonnull (dialog);
    note = na_test_find_widget (GTK_WIDGET (dialog), NA_TYPE_NOTE_EDITOR);
    g_assert_nonnull (note);
    shown = na_note_editor_dup_text (NA_NOTE_EDITOR (note));
    g_assert_cmpstr (shown, ==, "The turn to the east");
    na_note_editor_set_text (NA_NOTE_EDITOR (note), "The turn to the east,\nand its cost\n");
    na_test_iterate (300);
    na_test_save_screenshot (GTK_WIDGET (dialog), "edit-annotation.png");
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    na_test_iterate (100);
  }
  a = na_user_store_lookup_annotation (store, id);
  g_assert_cmpstr (na_annotation_get_note (a), ==, "The turn to the east,\nand its cost");
  g_assert_cmpstr (na_annotation_get_color (a), ==, "blue");

  /* Mark a passage as the user's own argument. */
  start = offset_of ("Europe's own neighbourhood");
  na_reader_select_range (reader, start, start + strlen ("Europe's own neighbourhood"));
  activate (window, "win.add-argument",
            g_variant_new ("(ssss)", "q-reach", "opposes", "Europe first", "JPN, KOR"));
  g_assert_cmpuint (n_annotations (store), ==, 2);
  a = nth_annotation (store, 1);
  g_assert_cmpint (na_annotation_get_kind (a), ==, NA_ANNOTATION_ARGUMENT);
  g_assert_cmpint (na_annotation_get_stance (a), ==, NA_STANCE_OPPOSES);
  g_assert_cmpstr (na_annotation_get_countries (a)[1], ==, "KOR");
  /* Its claim cannot be emptied: the Edit dialog offers Save only with one, the action
   * refuses a blank one (and makes no undo step). */
  activate (window, "win.edit-annotation", g_variant_new_string (na_annotation_get_id (a)));
  na_test_iterate (300);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    GtkEditable *claim = GTK_EDITABLE (na_test_find_widget (GTK_WIDGET (dialog),
                                                            GTK_TYPE_ENTRY));

    g_assert_cmpstr (gtk_editable_get_text (claim), ==, "Europe first");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
    gtk_editable_set_text (claim, " ");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    na_test_iterate (100);
  }
  activate (window, "win.set-annotation",
            g_variant_new ("(ssss)", na_annotation_get_id (a), " ", "", ""));
  g_assert_cmpstr (na_annotation_get_claim (nth_annotation (store, 1)), ==, "Europe first");

  /* The essay page lists it under the user's own items, with Edit and Delete; Delete takes it
   * away at once and says so, with Undo, which brings it back. */
  g_assert_true (activate (window, "win.back-to-essay", NULL));
  na_test_iterate (200);
  {
    g_autofree char *own_id = g_strdup (na_annotation_get_id (nth_annotation (store, 1)));
    GtkWidget *analysis = na_test_find_widget (GTK_WIDGET (window), NA_TYPE_ESSAY_ANALYSIS);
    GtkWidget *edit, *del;
    OwnProbe own_probe;

    g_assert_nonnull (analysis);
    g_assert_true (na_test_has_mapped_label (analysis, "Your Arguments and Recommendations"));
    edit = find_action_button (analysis, "win.edit-annotation", own_id);
    del = find_action_button (analysis, "win.delete-annotation", own_id);
    g_assert_nonnull (edit);
    g_assert_nonnull (del);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (del), ==, "Delete");
    na_test_save_screenshot (GTK_WIDGET (window), "own-argument.png");
    g_assert_true (gtk_widget_activate (del));
    na_test_iterate (300);
    g_assert_cmpuint (n_annotations (store), ==, 1);
    g_assert_null (na_user_store_lookup_annotation (store, own_id));
    g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window), "Argument deleted"));
    /* The page is rebuilt in a low-priority idle. */
    own_probe = (OwnProbe) { analysis, own_id, FALSE };
    na_test_iterate_until (own_button_is, &own_probe);
    g_assert_null (find_action_button (analysis, "win.delete-annotation", own_id));
    na_test_iterate (500);   /* the toast slides in */
    na_test_save_screenshot (GTK_WIDGET (window), "own-argument-deleted.png");
    g_assert_true (activate (window, "win.undo", NULL));
    na_test_iterate (300);
    g_assert_cmpuint (n_annotations (store), ==, 2);
    own_probe.present = TRUE;
    na_test_iterate_until (own_button_is, &own_probe);
    g_assert_nonnull (find_action_button (analysis, "win.delete-annotation", own_id));
    g_assert_true (activate (window, "win.read", NULL));
    na_test_iterate (200);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  }

  /* Undo, redo, delete, undo the delete. */
  g_assert_true (activate (window, "win.undo", NULL));
  g_assert_cmpuint (n_annotations (store), ==, 1);
  g_assert_true (activate (window, "win.redo", NULL));
  g_assert_cmpuint (n_annotations (store), ==, 2);
  activate (window, "win.delete-annotation", g_variant_new_string (id));
  g_assert_cmpuint (n_annotations (store), ==, 1);
  g_assert_null (na_user_store_lookup_annotation (store, id));
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (n_annotations (store), ==, 2);
  g_assert_cmpstr (na_annotation_get_note (na_user_store_lookup_annotation (store, id)), ==,
                   "The turn to the east,\nand its cost");

  /* Edit a bundled argument; restore the original; undo that. */
  activate (window, "win.override-argument",
            g_variant_new ("(sss)", "harbour-a1", "mixed", "My own reading"));
  g_assert_cmpstr (na_annotation_get_claim (na_user_store_lookup_override (store,
                                                                          "harbour-a1")),
                   ==, "My own reading");
  activate (window, "win.restore-original", g_variant_new_string ("harbour-a1"));
  g_assert_null (na_user_store_lookup_override (store, "harbour-a1"));
  activate (window, "win.undo", NULL);
  g_assert_nonnull (na_user_store_lookup_override (store, "harbour-a1"));

  /* Edit a bundled recommendation the same way: the user's version, undo, redo, restore. */
  activate (window, "win.override-recommendation",
            g_variant_new ("(sss)", "harbour-r1", "partners", "Open two liaison offices"));
  a = na_user_store_lookup_override (store, "harbour-r1");
  g_assert_nonnull (a);
  g_assert_cmpint (na_annotation_get_kind (a), ==, NA_ANNOTATION_RECOMMENDATION);
  g_assert_cmpint (na_annotation_get_actor (a), ==, NA_ACTOR_PARTNERS);
  g_assert_cmpstr (na_annotation_get_action (a), ==, "Open two liaison offices");
  g_assert_cmpstr (na_annotation_get_essay_id (a), ==, "harbour");
  g_assert_cmpstr (na_recommendation_get_action (na_library_lookup_recommendation (library,
                                                                                   "harbour-r1")),
                   ==, "Open a liaison office");
  g_assert_true (activate (window, "win.undo", NULL));
  g_assert_null (na_user_store_lookup_override (store, "harbour-r1"));
  g_assert_true (activate (window, "win.redo", NULL));
  g_assert_nonnull (na_user_store_lookup_override (store, "harbour-r1"));
  activate (window, "win.restore-original", g_variant_new_string ("harbour-r1"));
  g_assert_null (na_user_store_lookup_override (store, "harbour-r1"));
  /* The Edit dialog, as a user would: it offers the original action; change it, Save. */
  activate (window, "win.edit-item", g_variant_new_string ("harbour-r1"));
  na_test_iterate (300);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    GtkEditable *entry;

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Edit Recommendation");
    entry = GTK_EDITABLE (na_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Open a liaison office");
    gtk_editable_set_text (entry, "Open a liaison office soon");
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    na_test_iterate (100);
  }
  a = na_user_store_lookup_override (store, "harbour-r1");
  g_assert_nonnull (a);
  g_assert_cmpstr (na_annotation_get_action (a), ==, "Open a liaison office soon");

  /* The essay page shows the arguments by question, the user's version marked. */
  activate (window, "win.back-to-essay", NULL);
  na_test_iterate (400);
  g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window),
                                           "Should the alliance reach into the Pacific?"));
  g_assert_true (na_test_has_mapped_label_prefix (GTK_WIDGET (window),
                                                  "My own reading\n“partnership with Pacific "
                                                  "democracies should deepen”\nYour version"));
  g_assert_true (na_test_has_mapped_label_prefix (GTK_WIDGET (window),
                                                  "Two oceans are too many\n"));
  /* The user's own argument is listed too, and leads to its passage. */
  g_assert_true (na_test_has_mapped_label_prefix (GTK_WIDGET (window), "Europe first\n"
                                                  "“Europe's own neighbourhood”"));
  g_assert_false (na_test_has_mapped_label_prefix (GTK_WIDGET (window),
                                                   "Partnership with Pacific democracies should "
                                                   "deepen"));
  g_assert_true (na_test_has_mapped_label_prefix (GTK_WIDGET (window),
                                                  "Open a liaison office soon\n"
                                                  "“a liaison office in the region”\n"
                                                  "Your version"));
  na_test_save_screenshot (GTK_WIDGET (window), "essay-analysis.png");
  activate (window, "win.show-item",
            g_variant_new_string (na_annotation_get_id (nth_annotation (store, 1))));
  na_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  g_clear_pointer (&quote, g_free);
  g_assert_true (na_reader_get_selection (reader, &s, &e, &quote));
  g_assert_cmpstr (quote, ==, "Europe's own neighbourhood");

  /* A recommendation of the user's own too. */
  start = offset_of ("regular staff talks");
  na_reader_select_range (reader, start, start + strlen ("regular staff talks"));
  activate (window, "win.add-recommendation",
            g_variant_new ("(sss)", "partners", "Hold staff talks every year", ""));
  g_assert_cmpuint (n_annotations (store), ==, 3);
  na_test_iterate (500);
  na_test_save_screenshot (GTK_WIDGET (window), "reader-highlights.png");
  /* Highlights and badges must read in the dark style too. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  na_test_iterate (300);
  na_test_save_screenshot (GTK_WIDGET (window), "reader-highlights-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Saved within a second, without quitting. */
  na_test_iterate (900);
  g_assert_false (na_user_store_get_dirty (store));

  /* "Restart": a new store on the same data directory, a new window. */
  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
  g_clear_object (&store);
  store2 = na_user_store_new (data_dir);
  g_assert_true (na_user_store_load (store2, NULL));
  /* At once, before the texts read at start have arrived: win.show-item reads the text in a
   * worker thread and then scrolls the reader to the item. */
  window = na_window_new (app);
  na_window_set_user_store (window, store2);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  na_window_set_library (window, library);
  gtk_window_present (GTK_WINDOW (window));
  reader = NA_READER (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_READER));
  na_window_select_essay (window, "harbour");
  activate (window, "win.show-item", g_variant_new_string ("harbour-a2"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  for (guint i = 0; i < 50 && !gtk_widget_get_mapped (GTK_WIDGET (reader)); i++)
    na_test_iterate (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  g_clear_pointer (&quote, g_free);
  g_assert_true (na_reader_get_selection (reader, &s, &e, &quote));
  g_assert_cmpstr (quote, ==, "stretched across two oceans protects neither well");
  activate (window, "win.back-to-essay", NULL);
  na_test_iterate (300);
  /* The attached text, read in a worker thread at start, is searched: a word only it has. */
  {
    GtkEditable *entry = GTK_EDITABLE (na_test_find_widget (sidebar_of (window),
                                                            GTK_TYPE_SEARCH_ENTRY));

    gtk_editable_set_text (entry, "kelp");
    na_test_iterate (400);
    g_assert_cmpuint (n_listed (window), ==, 1);
    gtk_editable_set_text (entry, "");
    na_test_iterate (400);
    g_assert_cmpuint (n_listed (window), ==, 2);
  }
  na_window_select_essay (window, "harbour");
  na_test_iterate (200);
  g_assert_true (activate (window, "win.read", NULL));
  na_test_iterate (300);
  g_assert_cmpuint (n_annotations (store2), ==, 3);
  /* The note's two lines too. */
  g_assert_cmpstr (na_annotation_get_note (na_user_store_lookup_annotation (store2, id)), ==,
                   "The turn to the east,\nand its cost");
  g_assert_nonnull (na_user_store_lookup_override (store2, "harbour-a1"));
  g_assert_cmpstr (na_annotation_get_action (na_user_store_lookup_override (store2,
                                                                           "harbour-r1")),
                   ==, "Open a liaison office soon");
  /* 3 anchored library items + 3 annotations. */
  g_assert_cmpuint (na_reader_get_n_highlighted (reader), ==, 6);
  g_assert_cmpuint (na_reader_get_n_missing (reader), ==, 1);
  /* Everything but the creation of the argument undone: the user's choice survives. */
  activate (window, "win.delete-annotation", g_variant_new_string (id));
  g_assert_cmpuint (n_annotations (store2), ==, 2);

  /* Reading one essay, the user picks another that has a text too: its page shows, not the
   * reader still on the first essay's text. */
  {
    g_autofree char *other = g_build_filename (g_get_user_data_dir (), "mountain.md", NULL);

    g_assert_true (g_file_set_contents (other, "Mountain Notes\n\nPasses and ridges.\n", -1,
                                        NULL));
    na_window_select_essay (window, "mountain");
    na_test_iterate (200);
    g_assert_true (activate (window, "win.attach-file", g_variant_new_string (other)));
    for (guint i = 0; i < 50 && !gtk_widget_get_mapped (GTK_WIDGET (reader)); i++)
      na_test_iterate (100);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
    g_assert_true (na_reader_get_essay (reader) == na_library_lookup_essay (library, "mountain"));
    na_window_select_essay (window, "harbour");
    na_test_iterate (300);
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (reader)));
    g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window),
                                             "Should the alliance reach into the Pacific?"));
    g_unlink (other);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* The library sidebar: search entry, sort and filters, essay list (other views have their
 * own entries and drop-downs). */
static GtkWidget *
sidebar_of (NaWindow *window)
{
  return gtk_widget_get_ancestor (na_test_find_essay_list (GTK_WIDGET (window)), GTK_TYPE_BOX);
}

static guint
n_listed (NaWindow *window)
{
  GtkListView *list = GTK_LIST_VIEW (na_test_find_essay_list (GTK_WIDGET (window)));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

static void
test_reader_search_and_new_essay (void)
{
  g_autoptr(NaLibrary) library = make_library ();
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "search", NULL);
  g_autofree char *own_path = g_build_filename (g_get_user_data_dir (), "own.txt", NULL);
  g_autofree char *bad_path = g_build_filename (g_get_user_data_dir (), "bad.txt", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (data_dir);
  GtkSearchEntry *entry;
  GVariantBuilder b;
  NaWindow *window;
  GtkWidget *dropdown;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (own_path, "My own notes on lighthouse diplomacy and "
                                      "the quiet work of coastguards.\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, "caf\xe9\n", -1, NULL));
  window = open_window (app, library, store);
  entry = GTK_SEARCH_ENTRY (na_test_find_widget (sidebar_of (window), GTK_TYPE_SEARCH_ENTRY));
  g_assert_cmpuint (n_listed (window), ==, 2);

  /* "Listed" compares what the sidebar lists: both essays now, and once a search leaves one,
   * nothing (a comparison needs two). */
  {
    NaComparisonView *view =
      NA_COMPARISON_VIEW (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_COMPARISON_VIEW));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-listed", NULL);
    na_test_iterate (200);
    g_assert_nonnull (na_comparison_view_get_comparison (view));
    g_assert_cmpuint (na_comparison_get_n_essays (na_comparison_view_get_comparison (view)), ==, 2);
    gtk_editable_set_text (GTK_EDITABLE (entry), "mountain");
    na_test_iterate (400);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-listed", NULL);
    na_test_iterate (200);
    g_assert_null (na_comparison_view_get_comparison (view));
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    adw_view_stack_set_visible_child_name (
      ADW_VIEW_STACK (na_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "essay");
    na_test_iterate (400);
  }

  /* An essay of the user's own, from a text file with the metadata form's fields. */
  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&b, "{ss}", "title", "Lighthouses");
  g_variant_builder_add (&b, "{ss}", "authors", "Ada Keeper; Bo Warden");
  g_variant_builder_add (&b, "{ss}", "date", "2024-02");
  g_variant_builder_add (&b, "{ss}", "venue", "Coastal Review");
  g_variant_builder_add (&b, "{ss}", "url", "https://example.org/lighthouses");
  g_variant_builder_add (&b, "{ss}", "path", own_path);
  activate (window, "win.create-essay", g_variant_builder_end (&b));
  /* The text is read in a worker thread: the essay comes when the main loop hears back. */
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 0);
  na_test_iterate (200);
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 1);
  g_assert_cmpuint (n_listed (window), ==, 3);

  /* Through the dialog, as a user would: select, Mark as Recommendation, fill in, Mark. */
  g_assert_true (activate (window, "win.read", NULL));
  na_test_iterate (300);
  {
    NaReader *reader = NA_READER (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_READER));
    AdwMessageDialog *dialog;
    NaAnnotation *a;

    GtkEditable *action, *countries;
    GtkWidget *focus, *problem;

    na_reader_select_range (reader, 3, 11);  /* "own note" */
    g_assert_true (activate (window, "win.mark-recommendation", NULL));
    na_test_iterate (300);
    dialog = ADW_MESSAGE_DIALOG (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    action = g_object_get_data (G_OBJECT (dialog), "text");
    countries = g_object_get_data (G_OBJECT (dialog), "countries");
    problem = g_object_get_data (G_OBJECT (dialog), "countries-problem");
    /* The action is typed first; nothing to mark until it says something. */
    focus = gtk_root_get_focus (GTK_ROOT (dialog));
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (action)));
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "mark"));
    gtk_editable_set_text (action, "   ");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "mark"));
    gtk_editable_set_text (action, "Write more notes");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "mark"));
    /* Countries are codes or names; what is neither, or could be two, is named under the
     * field and keeps Mark off until fixed. */
    gtk_editable_set_text (countries, "XYZ, jpn, Korea");
    na_test_iterate (100);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "mark"));
    g_assert_true (gtk_widget_get_mapped (problem));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (countries), "error"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "XYZ"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "Korea"));
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (problem)), "jpn"));
    na_test_save_screenshot (GTK_WIDGET (dialog), "mark-unknown-countries.png");
    gtk_editable_set_text (countries, "kor, Vietnam, viet nam");
    na_test_iterate (100);
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "mark"));
    g_assert_false (gtk_widget_get_visible (problem));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (countries), "error"));
    adw_message_dialog_response (dialog, "mark");
    gtk_window_destroy (GTK_WINDOW (dialog));
    na_test_iterate (100);
    g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (store)), ==, 1);
    a = g_list_model_get_item (na_user_store_get_annotations (store), 0);
    g_assert_cmpint (na_annotation_get_kind (a), ==, NA_ANNOTATION_RECOMMENDATION);
    g_assert_cmpstr (na_annotation_get_action (a), ==, "Write more notes");
    g_assert_cmpstr (na_annotation_get_quote (a), ==, "own note");
    g_assert_cmpstr (na_annotation_get_countries (a)[0], ==, "KOR");
    g_assert_cmpstr (na_annotation_get_countries (a)[1], ==, "VNM");
    g_assert_null (na_annotation_get_countries (a)[2]);
    g_object_unref (a);

    /* The action refuses what the dialog would not offer: an empty claim, a made-up code. */
    na_reader_select_range (reader, 3, 11);
    activate (window, "win.add-recommendation", g_variant_new ("(sss)", "nato", " ", ""));
    activate (window, "win.add-argument",
              g_variant_new ("(ssss)", "q-reach", "supports", "Coastguards", "XYZ"));
    g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (store)), ==, 1);
  }

  /* Search as the user types: title, then the full text of the attached file. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "mountain");
  na_test_iterate (400);
  g_assert_cmpuint (n_listed (window), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "coastg");
  na_test_iterate (400);
  g_assert_cmpuint (n_listed (window), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Keeper");
  na_test_iterate (400);
  g_assert_cmpuint (n_listed (window), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "zeppelins");
  na_test_iterate (400);
  g_assert_cmpuint (n_listed (window), ==, 0);
  g_assert_true (na_test_has_mapped_label (GTK_WIDGET (window), "No Results Found"));
  na_test_save_screenshot (GTK_WIDGET (window), "search-no-results.png");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  na_test_iterate (400);
  g_assert_cmpuint (n_listed (window), ==, 3);
  g_assert_false (na_test_has_mapped_label (GTK_WIDGET (window), "No Results Found"));

  /* The question filter keeps only essays with arguments on it. */
  dropdown = gtk_widget_get_next_sibling (na_test_find_widget (sidebar_of (window),
                                                               GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  na_test_iterate (100);
  g_assert_cmpuint (n_listed (window), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  na_test_iterate (100);
  g_assert_cmpuint (n_listed (window), ==, 3);

  /* The filters count the user's own arguments too: one on their essay, on the question and
   * about Japan, lists it under both; undoing it takes it out again. */
  {
    g_autoptr(NaEssay) own = g_list_model_get_item (na_user_store_get_essays (store), 0);
    NaReader *reader = NA_READER (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_READER));
    GtkWidget *countries = gtk_widget_get_next_sibling (dropdown);

    g_assert_true (GTK_IS_DROP_DOWN (countries));
    na_window_select_essay (window, na_essay_get_id (own));
    na_test_iterate (200);
    g_assert_true (activate (window, "win.read", NULL));
    na_test_iterate (300);
    na_reader_select_range (reader, 0, 7);  /* "My own " */
    activate (window, "win.add-argument",
              g_variant_new ("(ssss)", "q-reach", "supports", "Coastguards count", "JPN"));
    g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (store)), ==, 2);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
    na_test_iterate (100);
    g_assert_cmpuint (n_listed (window), ==, 2);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (countries), 1);
    na_test_iterate (100);
    g_assert_cmpuint (n_listed (window), ==, 2);
    g_assert_true (activate (window, "win.undo", NULL));
    na_test_iterate (100);
    g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (store)), ==, 1);
    g_assert_cmpuint (n_listed (window), ==, 1);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (countries), 0);
    na_test_iterate (100);
    g_assert_cmpuint (n_listed (window), ==, 3);
  }
  na_test_iterate (800);
  na_test_save_screenshot (GTK_WIDGET (window), "reader-library.png");

  /* A file that is not UTF-8: nothing attached, a message naming the file. */
  na_window_select_essay (window, "mountain");
  na_test_iterate (100);
  activate (window, "win.attach-file", g_variant_new_string (bad_path));
  na_test_iterate (300);
  g_assert_null (na_user_store_get_attachment (store, "mountain", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (w)
            && strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w)), "bad.txt")
            && strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w)), "UTF-8"))
          {
            found = TRUE;
            na_test_save_screenshot (GTK_WIDGET (w), "reader-bad-file.png");
            gtk_window_destroy (w);
          }
      }
    g_assert_true (found);
  }

  /* A bundled essay cannot be deleted: no dialog, nothing removed. */
  activate (window, "win.delete-essay", NULL);
  na_test_iterate (200);
  g_assert_null (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_listed (window), ==, 3);

  /* Detach the text of the user's essay: the file stays, the reader and the full-text match
   * go; Undo attaches it again. */
  {
    g_autoptr(NaEssay) own = g_list_model_get_item (na_user_store_get_essays (store), 0);
    g_autofree char *own_id = g_strdup (na_essay_get_id (own));
    NaReader *reader = NA_READER (na_test_find_widget (GTK_WIDGET (window), NA_TYPE_READER));
    AdwMessageDialog *dialog;

    na_window_select_essay (window, own_id);
    na_test_iterate (200);
    g_assert_true (activate (window, "win.read", NULL));
    na_test_iterate (300);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
    g_assert_true (activate (window, "win.detach-text", NULL));
    na_test_iterate (300);
    g_assert_null (na_user_store_get_attachment (store, own_id, NULL));
    g_assert_true (g_file_test (own_path, G_FILE_TEST_EXISTS));
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (reader)));
    gtk_editable_set_text (GTK_EDITABLE (entry), "coastg");
    na_test_iterate (400);
    g_assert_cmpuint (n_listed (window), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    na_test_iterate (400);
    na_window_select_essay (window, own_id);
    na_test_iterate (200);
    activate (window, "win.read", NULL);
    na_test_iterate (200);
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (reader)));
    g_assert_true (activate (window, "win.undo", NULL));
    na_test_iterate (200);
    g_assert_cmpstr (na_user_store_get_attachment (store, own_id, NULL), ==, own_path);
    g_assert_true (activate (window, "win.read", NULL));
    /* The text left the cache when detached: it is read again in a worker thread. */
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (reader)));
    na_test_iterate (300);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));

    /* Delete it: asked first; Cancel keeps it, Delete removes it, Undo brings it back with
     * the annotation made on it. */
    activate (window, "win.delete-essay", NULL);
    na_test_iterate (300);
    dialog = ADW_MESSAGE_DIALOG (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Essay?");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Lighthouses"));
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    na_test_iterate (100);
    g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 1);

    activate (window, "win.delete-essay", NULL);
    na_test_iterate (300);
    dialog = ADW_MESSAGE_DIALOG (na_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    na_test_save_screenshot (GTK_WIDGET (dialog), "delete-essay.png");
    adw_message_dialog_response (dialog, "delete");
    gtk_window_destroy (GTK_WINDOW (dialog));
    na_test_iterate (200);
    g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 0);
    g_assert_cmpuint (n_listed (window), ==, 2);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Keeper");
    na_test_iterate (400);
    g_assert_cmpuint (n_listed (window), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    na_test_iterate (400);
    g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (store)), ==, 1);

    g_assert_true (activate (window, "win.undo", NULL));
    na_test_iterate (200);
    g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 1);
    g_assert_cmpuint (n_listed (window), ==, 3);
    g_assert_cmpstr (na_user_store_get_attachment (store, own_id, NULL), ==, own_path);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Keeper");
    na_test_iterate (400);
    g_assert_cmpuint (n_listed (window), ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    na_test_iterate (400);
  }

  /* The shortcuts window lists the new shortcuts (looked at in its screenshot). */
  g_assert_true (activate (window, "win.show-help-overlay", NULL));
  na_test_iterate (500);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (w))
          {
            found = TRUE;
            g_assert_true (na_test_has_mapped_label (GTK_WIDGET (w), "Search Essays"));
            g_assert_true (na_test_has_mapped_label (GTK_WIDGET (w), "Undo"));
            na_test_save_screenshot (GTK_WIDGET (w), "shortcuts.png");
            gtk_window_destroy (w);
          }
      }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

/* A dialog's response button, to click as the user would (which closes the dialog first). */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

static GtkEditable *
form_entry (GtkWidget  *dialog,
            const char *key)
{
  return GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), key));
}

static gboolean
marked_wrong (GtkWidget  *dialog,
              const char *key)
{
  return gtk_widget_has_css_class (GTK_WIDGET (form_entry (dialog, key)), "error");
}

static gboolean
can_add (GtkWidget *dialog)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add");
}

/* The form is on screen again, saying why Add failed. */
static gboolean
form_says_why (gpointer dialog)
{
  GtkLabel *message = g_object_get_data (G_OBJECT (dialog), "message");

  return gtk_widget_get_mapped (dialog) && strstr (gtk_label_get_text (message), "UTF-8");
}

static gboolean
store_has_essay (gpointer store)
{
  return g_list_model_get_n_items (na_user_store_get_essays (store)) > 0;
}

/* New Essay from Text File as the user meets it: a file that is not there is said before the
 * form; a date or link that is not one is marked as typed and Add refused; a file that fails
 * at Add brings the form back with all that was typed. */
static void
test_new_essay_form (void)
{
  g_autoptr(NaLibrary) library = make_library ();
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "new-essay", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "harbour-notes.txt", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no-notes.txt", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (data_dir);
  GListModel *mine = na_user_store_get_essays (store);
  const char *text = "Notes on harbour lights and the ships they guide home.\n";
  GtkWidget *dialog, *add;
  const NaDate *issued;
  NaWindow *window;
  NaEssay *essay;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (na_user_store_load (store, NULL));
  window = open_window (app, library, store);

  /* A file that is not there: said at once, naming it; no form to fill in for nothing. */
  g_assert_true (activate (window, "win.new-essay-from-file", g_variant_new_string (missing)));
  na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "Could Not Open the Text Source");
  dialog = na_test_find_message_dialog ("Could Not Open the Text Source");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "no-notes.txt"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "does not exist"));
  g_assert_null (na_test_find_message_dialog ("New Essay"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The form; empty fields are fine (the title falls back to the file's name). */
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (activate (window, "win.new-essay-from-file", g_variant_new_string (path)));
  na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "New Essay");
  dialog = na_test_find_message_dialog ("New Essay");
  add = find_button (dialog, "_Add Essay");
  g_assert_nonnull (add);
  g_assert_true (can_add (dialog));

  /* No such day, no such address: marked as typed, said in words, Add refused. */
  gtk_editable_set_text (form_entry (dialog, "title"), "Harbour Notes");
  gtk_editable_set_text (form_entry (dialog, "date"), "2013-13-45");
  g_assert_true (marked_wrong (dialog, "date"));
  g_assert_false (can_add (dialog));
  g_assert_false (gtk_widget_is_sensitive (add));
  g_assert_true (na_test_has_mapped_label_prefix (dialog, "The date is not a real day"));
  gtk_editable_set_text (form_entry (dialog, "url"), "notaurl");
  g_assert_true (marked_wrong (dialog, "url"));
  na_test_iterate (300);  /* the dialog grows to the message: let the window follow */
  na_test_save_screenshot (dialog, "new-essay-invalid-date.png");
  /* Enter in a field (Add is the default) adds nothing either. */
  gtk_widget_activate (GTK_WIDGET (form_entry (dialog, "date")));
  na_test_iterate (200);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 0);
  g_assert_true (gtk_widget_get_mapped (dialog));

  /* On its way to a date, what is typed is not flagged while the user is still in the field;
   * what no more typing can mend is, and so is anything unfinished left behind. */
  gtk_editable_set_text (form_entry (dialog, "url"), "");
  gtk_widget_grab_focus (GTK_WIDGET (form_entry (dialog, "date")));
  gtk_editable_set_text (form_entry (dialog, "date"), "2013-1");
  gtk_editable_set_text (form_entry (dialog, "date"), "2013-11-");
  g_assert_false (marked_wrong (dialog, "date"));
  g_assert_false (can_add (dialog));
  g_assert_false (gtk_widget_get_visible (g_object_get_data (G_OBJECT (dialog), "message")));
  gtk_editable_set_text (form_entry (dialog, "date"), "2013-11-45");
  g_assert_true (marked_wrong (dialog, "date"));
  gtk_editable_set_text (form_entry (dialog, "date"), "2013-11-");
  g_assert_false (marked_wrong (dialog, "date"));
  gtk_widget_grab_focus (GTK_WIDGET (form_entry (dialog, "url")));
  g_assert_true (marked_wrong (dialog, "date"));
  gtk_editable_set_text (form_entry (dialog, "url"), "https://");
  g_assert_false (marked_wrong (dialog, "url"));
  gtk_widget_grab_focus (GTK_WIDGET (form_entry (dialog, "title")));
  g_assert_true (marked_wrong (dialog, "url"));
  gtk_editable_set_text (form_entry (dialog, "url"), "notaurl");

  gtk_editable_set_text (form_entry (dialog, "date"), "2013-11-05");
  g_assert_false (marked_wrong (dialog, "date"));
  g_assert_false (can_add (dialog));
  g_assert_true (na_test_has_mapped_label_prefix (dialog, "The link is not a web address"));
  gtk_editable_set_text (form_entry (dialog, "url"), " https://example.org/harbour ");
  g_assert_false (marked_wrong (dialog, "url"));
  g_assert_true (can_add (dialog));
  g_assert_true (gtk_widget_is_sensitive (add));

  /* The file went bad after it was chosen: Add fails, and the form comes back as the user
   * left it, saying why; nothing is added. */
  g_assert_true (g_file_set_contents (path, "caf\xe9\n", -1, NULL));
  na_test_iterate (300);  /* the user takes a moment; the window settles to the fields */
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (gtk_widget_get_mapped (dialog));
  g_assert_false (can_add (dialog));  /* no second Add while this one reads the file */
  na_test_iterate_until (form_says_why, dialog);
  g_assert_true (can_add (dialog));
  g_assert_true (na_test_find_message_dialog ("New Essay") == dialog);
  g_assert_cmpstr (gtk_editable_get_text (form_entry (dialog, "title")), ==, "Harbour Notes");
  g_assert_cmpstr (gtk_editable_get_text (form_entry (dialog, "date")), ==, "2013-11-05");
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 0);
  na_test_iterate (300);
  na_test_save_screenshot (dialog, "new-essay-add-failed.png");

  /* Put right, Add again: the essay, with the date and the link as typed; the form goes. */
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_signal_emit_by_name (add, "clicked");
  na_test_iterate_until (store_has_essay, store);
  na_test_iterate (100);
  g_assert_null (na_test_find_message_dialog ("New Essay"));
  essay = g_list_model_get_item (mine, 0);
  g_object_unref (essay);  /* the store keeps it */
  g_assert_cmpstr (na_essay_get_title (essay), ==, "Harbour Notes");
  g_assert_cmpstr (na_essay_get_url (essay), ==, "https://example.org/harbour");
  issued = na_essay_get_issued (essay);
  g_assert_cmpint (issued->year, ==, 2013);
  g_assert_cmpint (issued->month, ==, 11);
  g_assert_cmpint (issued->day, ==, 5);

  /* The action refuses what the form would, saying why: 2013-13-45 is not 31 December 2013,
   * and "notaurl" is no link. */
  for (guint i = 0; i < 2; i++)
    {
      GVariantBuilder b;

      g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
      g_variant_builder_add (&b, "{ss}", "title", "Not Added");
      g_variant_builder_add (&b, "{ss}", "date", i == 0 ? "2013-13-45" : "2013");
      g_variant_builder_add (&b, "{ss}", "url", i == 0 ? "" : "notaurl");
      g_variant_builder_add (&b, "{ss}", "path", path);
      g_assert_true (activate (window, "win.create-essay", g_variant_builder_end (&b)));
      na_test_iterate (300);
      g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
      dialog = na_test_find_message_dialog ("Could Not Add the Essay");
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                i == 0 ? "date" : "link"));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* Cancel and Escape still close the form, adding nothing. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (activate (window, "win.new-essay-from-file", g_variant_new_string (path)));
      na_test_iterate_until (na_test_message_dialog_shown, (gpointer) "New Essay");
      dialog = na_test_find_message_dialog ("New Essay");
      gtk_editable_set_text (form_entry (dialog, "title"), "Never Added");
      if (i == 0)
        g_signal_emit_by_name (find_button (dialog, "_Cancel"), "clicked");
      else
        gtk_window_close (GTK_WINDOW (dialog));
      na_test_iterate (200);
      g_assert_null (na_test_find_message_dialog ("New Essay"));
      g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  na_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("natoasia-reader-XXXXXX", NULL);

  /* gtk_test_init() does not pass G_TEST_OPTION_ISOLATE_DIRS on: point XDG at a fresh
   * directory ourselves, before GLib caches the user directories. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A broken annotations file where the application will look: kept aside, and said so. */
  {
    g_autofree char *dir = g_build_filename (home, "natoasia", NULL);
    g_autofree char *path = g_build_filename (dir, "annotations.json", NULL);

    g_mkdir_with_parents (dir, 0700);
    g_file_set_contents (path, "{ \"format\": \"org.example.NatoAsia.user-data\", \"anno", -1,
                         NULL);
  }
  /* One application for all cases: it can register only once per process. */
  app = na_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/reader/annotate-restart", test_reader_annotate_restart);
  g_test_add_func ("/reader/search-new-essay", test_reader_search_and_new_essay);
  g_test_add_func ("/reader/new-essay-form", test_new_essay_form);

  return g_test_run ();
}
