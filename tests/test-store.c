/* test-store.c — the user store: round trip, autosave, undo and redo, a broken file kept
 * aside, an unwritable folder that keeps edits and retries. */
#include "config.h"

#include <glib/gstdio.h>

#include "na-attachments.h"
#include "na-user-store.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("natoasia-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static NaAnnotation *
highlight (const char *note)
{
  NaAnnotation *a = na_annotation_new (NA_ANNOTATION_HIGHLIGHT);
  const char *tags[] = { "deterrence", "japan", NULL };

  na_annotation_set_essay_id (a, "essay-1");
  na_annotation_set_range (a, 10, 42);
  na_annotation_set_quote (a, "a quote of the passage");
  na_annotation_set_color (a, "green");
  na_annotation_set_note (a, note);
  na_annotation_set_tags (a, tags);
  return a;
}

static void
wait_until_saved (NaUserStore *store)
{
  gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (na_user_store_get_dirty (store) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_store_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaUserStore) again = NULL;
  g_autoptr(NaAnnotation) a = highlight ("Key point on deterrence");
  g_autoptr(NaAnnotation) arg = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  g_autoptr(NaAnnotation) over = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  g_autoptr(NaDate) date = na_date_new (2024, 3, 0);
  const char *countries[] = { "JPN", "KOR", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  NaAnnotation *loaded;
  const char *sha = NULL;

  g_assert_true (na_user_store_load (store, &error));
  g_assert_no_error (error);
  id = g_strdup (na_user_store_add_annotation (store, a));
  g_assert_nonnull (id);

  na_annotation_set_essay_id (arg, "essay-1");
  na_annotation_set_question_id (arg, "q-engage");
  na_annotation_set_stance (arg, NA_STANCE_OPPOSES);
  na_annotation_set_claim (arg, "NATO should stay in its own region");
  na_annotation_set_countries (arg, countries);
  na_user_store_add_annotation (store, arg);

  na_annotation_set_id (over, "bundled-arg-1");
  na_annotation_set_claim (over, "My better wording");
  na_user_store_set_override (store, over);
  {
    g_autoptr(NaAnnotation) rec_over = na_annotation_new (NA_ANNOTATION_RECOMMENDATION);

    na_annotation_set_id (rec_over, "bundled-rec-1");
    na_annotation_set_essay_id (rec_over, "essay-1");
    na_annotation_set_actor (rec_over, NA_ACTOR_EU);
    na_annotation_set_action (rec_over, "Fund joint research");
    na_user_store_set_override (store, rec_over);
  }

  g_ptr_array_add (authors, na_name_new ("Writer", "Ann", NULL));
  na_essay_set_title (essay, "My Own Essay");
  na_essay_set_authors (essay, authors);
  na_essay_set_issued (essay, date);
  na_essay_set_url (essay, "https://example.org/essay");
  na_user_store_add_essay (store, essay);
  na_user_store_set_attachment (store, na_essay_get_id (essay), "/tmp/x.txt", "abc123");

  g_assert_true (na_user_store_flush (store));
  g_assert_false (na_user_store_get_dirty (store));

  again = na_user_store_new (dir);
  g_assert_true (na_user_store_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (again)), ==, 2);
  loaded = na_user_store_lookup_annotation (again, id);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (na_annotation_get_note (loaded), ==, "Key point on deterrence");
  g_assert_cmpstr (na_annotation_get_color (loaded), ==, "green");
  g_assert_cmpint (na_annotation_get_start (loaded), ==, 10);
  g_assert_cmpint (na_annotation_get_end (loaded), ==, 42);
  g_assert_cmpstr (na_annotation_get_tags (loaded)[1], ==, "japan");
  loaded = g_list_model_get_item (na_user_store_get_annotations (again), 1);
  g_assert_cmpint (na_annotation_get_kind (loaded), ==, NA_ANNOTATION_ARGUMENT);
  g_assert_cmpint (na_annotation_get_stance (loaded), ==, NA_STANCE_OPPOSES);
  g_assert_cmpstr (na_annotation_get_countries (loaded)[1], ==, "KOR");
  g_object_unref (loaded);
  g_assert_cmpstr (na_annotation_get_claim (na_user_store_lookup_override (again,
                                                                          "bundled-arg-1")),
                   ==, "My better wording");
  /* An edited recommendation keeps its kind, actor and action. */
  loaded = na_user_store_lookup_override (again, "bundled-rec-1");
  g_assert_nonnull (loaded);
  g_assert_cmpint (na_annotation_get_kind (loaded), ==, NA_ANNOTATION_RECOMMENDATION);
  g_assert_cmpint (na_annotation_get_actor (loaded), ==, NA_ACTOR_EU);
  g_assert_cmpstr (na_annotation_get_action (loaded), ==, "Fund joint research");
  g_assert_cmpstr (na_annotation_get_essay_id (loaded), ==, "essay-1");
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (again)), ==, 1);
  {
    g_autoptr(NaEssay) e = g_list_model_get_item (na_user_store_get_essays (again), 0);

    g_assert_cmpstr (na_essay_get_title (e), ==, "My Own Essay");
    g_assert_cmpint (na_essay_get_issued (e)->year, ==, 2024);
    g_assert_cmpint (na_essay_get_issued (e)->month, ==, 3);
    g_assert_cmpstr (na_essay_get_url (e), ==, "https://example.org/essay");
    g_assert_cmpstr (na_user_store_get_attachment (again, na_essay_get_id (e), &sha), ==,
                     "/tmp/x.txt");
    g_assert_cmpstr (sha, ==, "abc123");
  }

  /* Restore original drops the user's version, and that is saved too. */
  g_assert_true (na_user_store_restore_original (again, "bundled-arg-1"));
  g_assert_null (na_user_store_lookup_override (again, "bundled-arg-1"));
}

static void
test_store_autosave (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaAnnotation) a = highlight ("saved by itself");
  g_autofree char *data = NULL;
  gint64 start;

  na_user_store_add_annotation (store, a);
  g_assert_true (na_user_store_get_dirty (store));
  start = g_get_monotonic_time ();
  wait_until_saved (store);
  g_assert_false (na_user_store_get_dirty (store));
  /* The default delay: saved within a second of the change. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_true (g_file_get_contents (na_user_store_get_path (store), &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "saved by itself"));
  g_assert_nonnull (strstr (data, NA_USER_STORE_FORMAT));
}

static void
test_store_undo_redo (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaAnnotation) a = highlight ("first");
  g_autoptr(NaAnnotation) edited = NULL;
  GListModel *model = na_user_store_get_annotations (store);
  g_autofree char *id = NULL;

  g_assert_false (na_user_store_can_undo (store));
  id = g_strdup (na_user_store_add_annotation (store, a));
  edited = na_annotation_copy (na_user_store_lookup_annotation (store, id));
  na_annotation_set_note (edited, "second");
  g_assert_true (na_user_store_replace_annotation (store, edited));
  g_assert_cmpstr (na_annotation_get_note (na_user_store_lookup_annotation (store, id)), ==,
                   "second");
  g_assert_true (na_user_store_remove_annotation (store, id));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_assert_true (na_user_store_undo (store));   /* the delete */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (na_annotation_get_note (na_user_store_lookup_annotation (store, id)), ==,
                   "second");
  g_assert_true (na_user_store_undo (store));   /* the edit */
  g_assert_cmpstr (na_annotation_get_note (na_user_store_lookup_annotation (store, id)), ==,
                   "first");
  g_assert_true (na_user_store_undo (store));   /* the creation */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_false (na_user_store_undo (store));
  g_assert_true (na_user_store_can_redo (store));

  g_assert_true (na_user_store_redo (store));
  g_assert_true (na_user_store_redo (store));
  g_assert_cmpstr (na_annotation_get_note (na_user_store_lookup_annotation (store, id)), ==,
                   "second");
  /* A new edit clears what could be redone. */
  na_user_store_remove_annotation (store, id);
  g_assert_false (na_user_store_can_redo (store));

  /* Undo is saved like any edit. */
  na_user_store_undo (store);
  g_assert_true (na_user_store_flush (store));
  {
    g_autoptr(NaUserStore) again = na_user_store_new (dir);

    g_assert_true (na_user_store_load (again, NULL));
    g_assert_nonnull (na_user_store_lookup_annotation (again, id));
  }

  /* Deleting an essay and detaching a text are undone too; undoing an edit that left the
   * essays alone keeps the same essay objects (a window showing one does not lose it). */
  {
    g_autoptr(NaEssay) essay = na_essay_new ();
    g_autoptr(NaEssay) before = NULL;
    g_autoptr(NaEssay) after = NULL;
    GListModel *essays = na_user_store_get_essays (store);
    g_autofree char *essay_id = NULL;

    na_essay_set_title (essay, "Kept by undo");
    essay_id = g_strdup (na_user_store_add_essay (store, essay));
    na_user_store_set_attachment (store, essay_id, "/tmp/kept.txt", "00");
    before = g_list_model_get_item (essays, 0);
    na_user_store_set_attachment (store, essay_id, NULL, NULL);
    g_assert_null (na_user_store_get_attachment (store, essay_id, NULL));
    g_assert_true (na_user_store_undo (store));
    g_assert_cmpstr (na_user_store_get_attachment (store, essay_id, NULL), ==, "/tmp/kept.txt");
    after = g_list_model_get_item (essays, 0);
    g_assert_true (before == after);
    g_assert_true (na_user_store_remove_essay (store, essay_id));
    g_assert_cmpuint (g_list_model_get_n_items (essays), ==, 0);
    g_assert_true (na_user_store_undo (store));
    g_assert_cmpuint (g_list_model_get_n_items (essays), ==, 1);
    g_assert_cmpstr (na_user_store_get_attachment (store, essay_id, NULL), ==, "/tmp/kept.txt");
  }
}

static void
test_store_broken_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaAnnotation) a = highlight ("after the accident");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_data = NULL;
  const char *garbage = "{\"format\": \"org.example.NatoAsia.user-data\", \"annotations\": [";
  const char *name;

  g_assert_true (g_file_set_contents (na_user_store_get_path (store), garbage, -1, NULL));
  g_assert_false (na_user_store_load (store, &error));
  g_assert_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN);
  g_assert_nonnull (strstr (error->message, na_user_store_get_path (store)));
  g_assert_nonnull (strstr (error->message, ".broken-"));
  g_assert_nonnull (strstr (error->message, "line 1, column"));
  g_assert_false (g_file_test (na_user_store_get_path (store), G_FILE_TEST_EXISTS));

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)))
    if (strstr (name, ".broken-"))
      aside = g_build_filename (dir, name, NULL);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &aside_data, NULL, NULL));
  g_assert_cmpstr (aside_data, ==, garbage);

  /* The app goes on with an empty store, and saving leaves the kept file alone. */
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (store)), ==, 0);
  na_user_store_add_annotation (store, a);
  g_assert_true (na_user_store_flush (store));
  g_clear_pointer (&aside_data, g_free);
  g_assert_true (g_file_get_contents (aside, &aside_data, NULL, NULL));
  g_assert_cmpstr (aside_data, ==, garbage);
}

static void
test_store_wrong_format (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (na_user_store_get_path (store),
                                      "{\"format\": \"something.else\", \"version\": 1}", -1,
                                      NULL));
  g_assert_false (na_user_store_load (store, &error));
  g_assert_nonnull (strstr (error->message, "not a NatoAsia user data file"));

  g_clear_error (&error);
  g_assert_true (g_file_set_contents (na_user_store_get_path (store),
                                      "{\"format\": \"org.example.NatoAsia.user-data\", "
                                      "\"version\": 9}", -1, NULL));
  g_assert_false (na_user_store_load (store, &error));
  g_assert_nonnull (strstr (error->message, "version 9"));
}

/* A folder that cannot be created stands for a read-only or full disk (this works as root,
 * where permissions would not stop the write). */
static void
test_store_unwritable (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_autofree char *target = g_build_filename (blocker, "natoasia", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (target);
  g_autoptr(NaAnnotation) a = highlight ("kept in memory");
  g_autoptr(NaUserStore) again = NULL;
  gint64 until;
  guint notified = 0;

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  na_user_store_set_save_delay (store, 10, 50);
  g_signal_connect_swapped (store, "notify::save-error", G_CALLBACK (g_atomic_int_inc),
                            &notified);
  na_user_store_add_annotation (store, a);

  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (na_user_store_get_save_error (store));
  g_assert_nonnull (strstr (na_user_store_get_save_error (store), target));
  g_assert_true (na_user_store_get_dirty (store));
  /* Reported once, though retried several times meanwhile. */
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (store)), ==, 1);

  /* Quitting now would not lose them: an emergency copy goes elsewhere. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *copy = na_user_store_save_emergency_copy (store, &error);
    g_autofree char *data = NULL;

    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (copy, &data, NULL, NULL));
    g_assert_nonnull (strstr (data, "kept in memory"));
    g_unlink (copy);
  }

  /* The disk comes back: the retry saves without another edit. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  wait_until_saved (store);
  g_assert_false (na_user_store_get_dirty (store));
  g_assert_null (na_user_store_get_save_error (store));
  again = na_user_store_new (target);
  g_assert_true (na_user_store_load (again, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_annotations (again)), ==, 1);
}

/* Quitting with a disk that will not take the file: an emergency copy in the cache folder. */
static void
test_store_close_unwritable (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_autofree char *target = g_build_filename (blocker, "natoasia", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (target);
  g_autoptr(NaAnnotation) a = highlight ("typed just before quitting");
  g_autoptr(GDir) cache = NULL;
  const char *name;
  gboolean found = FALSE;

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  na_user_store_add_annotation (store, a);
  na_user_store_close (store);
  g_assert_false (na_user_store_get_dirty (store));

  cache = g_dir_open (g_get_user_cache_dir (), 0, NULL);
  g_assert_nonnull (cache);
  while ((name = g_dir_read_name (cache)))
    if (g_str_has_prefix (name, "natoasia-unsaved-annotations-"))
      {
        g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
        g_autofree char *data = NULL;

        g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
        found |= strstr (data, "typed just before quitting") != NULL;
      }
  g_assert_true (found);
}

/* PDF annotations: a page and rectangles that may run over two pages, kept in the store. */
static void
test_store_pdf_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaUserStore) again = NULL;
  g_autoptr(NaAnnotation) arg = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
  NaPdfRect r1 = { 2, 72.5, 600.25, 540, 614 }, r2 = { 3, 72, 80, 300.125, 94 };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *id = NULL;
  NaAnnotation *loaded;
  GArray *got;

  g_array_append_val (rects, r1);
  g_array_append_val (rects, r2);
  na_annotation_set_essay_id (arg, "essay-1");
  na_annotation_set_quote (arg, "a passage that runs over the page break");
  na_annotation_set_prefix (arg, "words before ");
  na_annotation_set_suffix (arg, " and after, with “quotes”");
  na_annotation_set_claim (arg, "Ports matter");
  na_annotation_set_stance (arg, NA_STANCE_SUPPORTS);
  na_annotation_set_page (arg, 2);
  na_annotation_set_rects (arg, rects);
  /* Copied: undo replaces the store's objects. */
  id = g_strdup (na_user_store_add_annotation (store, arg));
  g_assert_true (na_user_store_save (store, &error));
  g_assert_no_error (error);

  /* Pages from 1 in the file, as the format document says. */
  g_assert_true (g_file_get_contents (na_user_store_get_path (store), &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "\"page\" : 3"));

  again = na_user_store_new (dir);
  g_assert_true (na_user_store_load (again, &error));
  g_assert_no_error (error);
  loaded = na_user_store_lookup_annotation (again, id);
  g_assert_nonnull (loaded);
  g_assert_cmpint (na_annotation_get_page (loaded), ==, 2);
  g_assert_cmpint (na_annotation_get_start (loaded), ==, -1);
  got = na_annotation_get_rects (loaded);
  g_assert_nonnull (got);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpint (g_array_index (got, NaPdfRect, 0).page, ==, 2);
  g_assert_cmpfloat (g_array_index (got, NaPdfRect, 0).x1, ==, 72.5);
  g_assert_cmpfloat (g_array_index (got, NaPdfRect, 0).y1, ==, 600.25);
  g_assert_cmpint (g_array_index (got, NaPdfRect, 1).page, ==, 3);
  g_assert_cmpfloat (g_array_index (got, NaPdfRect, 1).x2, ==, 300.125);
  g_assert_cmpstr (na_annotation_get_claim (loaded), ==, "Ports matter");
  /* The quote's surroundings, spaces at the junctions included. */
  g_assert_cmpstr (na_annotation_get_prefix (loaded), ==, "words before ");
  g_assert_cmpstr (na_annotation_get_suffix (loaded), ==, " and after, with “quotes”");

  /* Undo takes the rectangles away with the annotation, redo brings them back. */
  g_assert_true (na_user_store_undo (store));
  g_assert_null (na_user_store_lookup_annotation (store, id));
  g_assert_true (na_user_store_redo (store));
  loaded = na_user_store_lookup_annotation (store, id);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (na_annotation_get_rects (loaded)->len, ==, 2);
}

/* A file written before annotations had pages still loads; nonsense rectangles are skipped. */
static void
test_store_old_file_loads (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "annotations.json", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(GError) error = NULL;
  NaAnnotation *a;
  const char *old =
    "{\"format\": \"org.example.NatoAsia.user-data\", \"version\": 1,"
    " \"annotations\": [{\"id\": \"old-1\", \"essay\": \"e\", \"kind\": \"highlight\","
    "   \"start\": 3, \"end\": 9, \"quote\": \"a word\", \"color\": \"blue\"},"
    "  {\"id\": \"odd-2\", \"essay\": \"e\", \"kind\": \"highlight\", \"page\": 0,"
    "   \"rects\": [[1, 2, 3], \"x\", [0, 1, 2, 3, 4], [2, 10, 20, 30, 40]]}],"
    " \"overrides\": [], \"essays\": [], \"attachments\": []}";

  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  g_assert_true (na_user_store_load (store, &error));
  g_assert_no_error (error);
  a = na_user_store_lookup_annotation (store, "old-1");
  g_assert_nonnull (a);
  g_assert_cmpint (na_annotation_get_page (a), ==, -1);
  g_assert_null (na_annotation_get_rects (a));
  g_assert_cmpint (na_annotation_get_start (a), ==, 3);
  g_assert_cmpstr (na_annotation_get_color (a), ==, "blue");
  a = na_user_store_lookup_annotation (store, "odd-2");
  g_assert_nonnull (a);
  g_assert_cmpint (na_annotation_get_page (a), ==, -1);
  g_assert_cmpuint (na_annotation_get_rects (a)->len, ==, 1);
  g_assert_cmpint (g_array_index (na_annotation_get_rects (a), NaPdfRect, 0).page, ==, 1);
}

/* attachments.json as older versions wrote it, with two highlights on one essay and one on
 * another. */
static const char old_attachments[] =
  "{\"format\": \"org.example.NatoAsia.attachments\", \"version\": 1, \"attachments\": {"
  " \"essay-1\": {\"path\": \"/nowhere/one.pdf\", \"sha256\": \"ab\", \"pages\": {\"a1\": 2},"
  "   \"highlights\": [{\"page\": 1, \"text\": \"first passage\", \"note\": \"mine\","
  "                     \"rects\": [[10, 20, 30, 40]]},"
  "                    {\"page\": 3, \"text\": \"second passage\","
  "                     \"rects\": [[11, 21, 31, 41], [12, 22, 32, 42]]}]},"
  " \"essay-2\": {\"path\": \"/nowhere/two.pdf\","
  "   \"highlights\": [{\"page\": 2, \"text\": \"third passage\", \"rects\": [[1, 2, 3, 4]]}]}"
  "}}";

static guint
count_kind (NaUserStore      *store,
            NaAnnotationKind  kind)
{
  GListModel *model = na_user_store_get_annotations (store);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (model, i);

      n += na_annotation_get_kind (a) == kind;
    }
  return n;
}

static NaAnnotation *
find_quote (NaUserStore *store,
            const char  *quote)
{
  GListModel *model = na_user_store_get_annotations (store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (model, i);

      if (g_strcmp0 (na_annotation_get_quote (a), quote) == 0)
        return a;  /* the store keeps it */
    }
  return NULL;
}

static void
test_store_migrate_highlights (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *att_path = g_build_filename (dir, "attachments.json", NULL);
  g_autoptr(GFile) att_file = g_file_new_for_path (att_path);
  g_autoptr(NaAttachments) attachments = na_attachments_new (att_file);
  g_autoptr(NaAttachments) reread = na_attachments_new (att_file);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaUserStore) again = NULL;
  g_autoptr(GError) error = NULL;
  guint moved = 99;
  NaAnnotation *a;
  GArray *rects;

  g_assert_true (g_file_set_contents (att_path, old_attachments, -1, NULL));
  g_assert_true (na_attachments_load (attachments, &error));
  g_assert_no_error (error);
  /* The user already had an annotation: it stays. */
  {
    g_autoptr(NaAnnotation) h = highlight ("already there");

    na_user_store_add_annotation (store, h);
  }

  g_assert_true (na_attachments_migrate_highlights (attachments, store, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 3);

  /* Everything reached the store on disk, with page, text, note and rectangles. */
  again = na_user_store_new (dir);
  g_assert_true (na_user_store_load (again, NULL));
  g_assert_cmpuint (count_kind (again, NA_ANNOTATION_HIGHLIGHT), ==, 4);
  a = find_quote (again, "first passage");
  g_assert_nonnull (a);
  g_assert_cmpstr (na_annotation_get_essay_id (a), ==, "essay-1");
  g_assert_cmpstr (na_annotation_get_note (a), ==, "mine");
  g_assert_cmpint (na_annotation_get_page (a), ==, 0);
  rects = na_annotation_get_rects (a);
  g_assert_cmpuint (rects->len, ==, 1);
  g_assert_cmpint (g_array_index (rects, NaPdfRect, 0).page, ==, 0);
  g_assert_cmpfloat (g_array_index (rects, NaPdfRect, 0).y2, ==, 40);
  a = find_quote (again, "second passage");
  g_assert_cmpint (na_annotation_get_page (a), ==, 2);
  g_assert_cmpuint (na_annotation_get_rects (a)->len, ==, 2);
  g_assert_null (na_annotation_get_note (a));
  a = find_quote (again, "third passage");
  g_assert_cmpstr (na_annotation_get_essay_id (a), ==, "essay-2");
  /* Moving is not an edit to undo. */
  g_assert_false (na_user_store_can_undo (store));

  /* Then gone from attachments.json, the rest of which is untouched. */
  g_assert_true (na_attachments_load (reread, NULL));
  g_assert_cmpuint (na_attachments_get_n_highlights (reread, "essay-1"), ==, 0);
  g_assert_cmpuint (na_attachments_get_n_highlights (reread, "essay-2"), ==, 0);
  g_assert_cmpstr (na_attachments_get_path (reread, "essay-1"), ==, "/nowhere/one.pdf");
  g_assert_cmpint (na_attachments_get_page (reread, "essay-1", "a1"), ==, 2);

  /* Twice is once: nothing more to move, nothing added. */
  g_assert_true (na_attachments_migrate_highlights (reread, again, &moved, &error));
  g_assert_cmpuint (moved, ==, 0);
  g_assert_cmpuint (count_kind (again, NA_ANNOTATION_HIGHLIGHT), ==, 4);
}

/* The store cannot be written: attachments.json keeps every highlight, and once the store can
 * be written, moving again does not duplicate those already in it. */
static void
test_store_migrate_store_unwritable (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *att_path = g_build_filename (dir, "attachments.json", NULL);
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_autofree char *target = g_build_filename (blocker, "natoasia", NULL);
  g_autoptr(GFile) att_file = g_file_new_for_path (att_path);
  g_autoptr(NaAttachments) attachments = na_attachments_new (att_file);
  g_autoptr(NaUserStore) store = na_user_store_new (target);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint moved = 99;

  g_assert_true (g_file_set_contents (att_path, old_attachments, -1, NULL));
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  g_assert_true (na_attachments_load (attachments, NULL));

  g_assert_false (na_attachments_migrate_highlights (attachments, store, &moved, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (moved, ==, 0);
  g_clear_error (&error);
  /* The file on disk is exactly as it was, and so is the store in memory. */
  g_assert_true (g_file_get_contents (att_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, old_attachments);
  g_assert_cmpuint (na_attachments_get_n_highlights (attachments, "essay-1"), ==, 2);
  g_assert_cmpuint (count_kind (store, NA_ANNOTATION_HIGHLIGHT), ==, 3);

  /* The disk comes back; the next start moves them, without doubles. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_true (na_attachments_migrate_highlights (attachments, store, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 3);
  g_assert_cmpuint (count_kind (store, NA_ANNOTATION_HIGHLIGHT), ==, 3);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (att_path, &after, NULL, NULL));
  g_assert_null (strstr (after, "first passage"));
  g_assert_nonnull (strstr (after, "/nowhere/two.pdf"));
}

/* What one gesture changes (a new essay and its text) is undone and redone in one step. */
static void
test_store_undo_group (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autoptr(NaAnnotation) later = highlight ("later");
  g_autofree char *id = NULL;

  na_essay_set_title (essay, "Grouped");
  na_user_store_begin_group (store);
  id = g_strdup (na_user_store_add_essay (store, essay));
  na_user_store_begin_group (store);   /* groups nest */
  na_user_store_set_attachment (store, id, "/texts/grouped.txt", "abc");
  na_user_store_end_group (store);
  na_user_store_end_group (store);
  na_user_store_add_annotation (store, later);

  g_assert_true (na_user_store_undo (store));   /* the highlight, on its own */
  g_assert_nonnull (na_user_store_get_attachment (store, id, NULL));
  g_assert_true (na_user_store_undo (store));   /* essay and text together */
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 0);
  g_assert_null (na_user_store_get_attachment (store, id, NULL));
  g_assert_false (na_user_store_can_undo (store));
  g_assert_true (na_user_store_redo (store));
  g_assert_cmpuint (g_list_model_get_n_items (na_user_store_get_essays (store)), ==, 1);
  g_assert_cmpstr (na_user_store_get_attachment (store, id, NULL), ==, "/texts/grouped.txt");
  na_user_store_close (store);
}

/* A save killed half-way leaves annotations.json.XXXXXX: the next start removes it, and
 * keeps files set aside on purpose. */
static void
test_store_stale_temporaries (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autofree char *stale = g_build_filename (dir, "annotations.json.Ab12Cd", NULL);
  g_autofree char *aside = g_build_filename (dir, "annotations.json.broken-20261123-101010",
                                             NULL);
  g_autofree char *other = g_build_filename (dir, "annotations.json.notes", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (na_user_store_get_path (store),
                                      "{ \"format\": \"" NA_USER_STORE_FORMAT "\", "
                                      "\"version\": 1, \"annotations\": [] }", -1, NULL));
  g_assert_true (g_file_set_contents (stale, "{ \"format\": \"org.exa", -1, NULL));
  g_assert_true (g_file_set_contents (aside, "kept", -1, NULL));
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
  g_assert_true (na_user_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  na_user_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/close-unwritable", test_store_close_unwritable);
  g_test_add_func ("/store/round-trip", test_store_round_trip);
  g_test_add_func ("/store/autosave", test_store_autosave);
  g_test_add_func ("/store/undo-redo", test_store_undo_redo);
  g_test_add_func ("/store/broken-file", test_store_broken_file);
  g_test_add_func ("/store/wrong-format", test_store_wrong_format);
  g_test_add_func ("/store/unwritable", test_store_unwritable);
  g_test_add_func ("/store/pdf-round-trip", test_store_pdf_round_trip);
  g_test_add_func ("/store/old-file-loads", test_store_old_file_loads);
  g_test_add_func ("/store/migrate-highlights", test_store_migrate_highlights);
  g_test_add_func ("/store/migrate-store-unwritable", test_store_migrate_store_unwritable);
  g_test_add_func ("/store/undo-group", test_store_undo_group);
  g_test_add_func ("/store/stale-temporaries", test_store_stale_temporaries);
  return g_test_run ();
}
