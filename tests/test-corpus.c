/* test-corpus.c — the bundled library: complete, consistent, and anchored in the sources
 *
 * The anchor check reads the publications in ../shared/sources (NA_SOURCES_DIR), which the
 * project never ships; where that folder is absent the check says so and skips.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "na-library.h"
#include "na-text-index.h"

static NaLibrary *library;

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static void
test_totals (void)
{
  g_assert_cmpuint (n_items (na_library_get_essays (library)), ==, 18);
  g_assert_cmpuint (n_items (na_library_get_questions (library)), >=, 8);
  g_assert_cmpuint (n_items (na_library_get_questions (library)), <=, 12);
  g_test_message ("corpus: %u essays, %u questions, %u arguments, %u recommendations, "
                  "%u countries",
                  n_items (na_library_get_essays (library)),
                  n_items (na_library_get_questions (library)),
                  n_items (na_library_get_arguments (library)),
                  n_items (na_library_get_recommendations (library)),
                  n_items (na_library_get_countries (library)));
}

/* Every essay's main arguments: 3 or more, 2 for the foreword and the abstract-only entry. */
static void
test_every_essay_has_arguments (void)
{
  GListModel *essays = na_library_get_essays (library);

  for (guint i = 0; i < n_items (essays); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (essays, i);
      const char *id = na_essay_get_id (essay);
      g_autoptr(GListModel) args = na_library_dup_arguments (library, id, NULL, NULL);
      guint minimum = 3;

      if (na_essay_get_kind (essay) == NA_ESSAY_KIND_FOREWORD ||
          g_str_equal (id, "de-cuyper-driessens-2021"))
        minimum = 2;
      if (n_items (args) < minimum)
        g_error ("%s has %u arguments, fewer than %u", id, n_items (args), minimum);

      g_assert_nonnull (na_essay_get_abstract (essay));
      g_assert_nonnull (na_essay_get_keywords (essay));
      g_assert_nonnull (na_essay_get_source (essay));
    }
}

static void
test_abstract_only_entry_says_so (void)
{
  NaEssay *essay = na_library_lookup_essay (library, "de-cuyper-driessens-2021");

  g_assert_nonnull (essay);
  g_assert_nonnull (strstr (na_essay_get_note (essay), "abstract"));
}

/* Quotes are for locating passages: at most 25 words each. */
static void
check_anchor (const char *id,
              NaAnchor   *anchor)
{
  if (anchor == NULL)
    g_error ("%s has no anchor", id);
  if (na_text_count_words (na_anchor_get_exact (anchor)) > 25)
    g_error ("%s: quote of %u words", id, na_text_count_words (na_anchor_get_exact (anchor)));
}

static void
test_items_are_complete (void)
{
  GListModel *args = na_library_get_arguments (library);
  GListModel *recs = na_library_get_recommendations (library);
  g_autoptr(GHashTable) used_questions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_items (args); i++)
    {
      g_autoptr(NaArgument) arg = g_list_model_get_item (args, i);

      check_anchor (na_argument_get_id (arg), na_argument_get_anchor (arg));
      g_assert_nonnull (na_library_lookup_essay (library, na_argument_get_essay_id (arg)));
      g_assert_nonnull (na_library_lookup_question (library, na_argument_get_question_id (arg)));
      g_assert_nonnull (na_enum_to_nick (NA_TYPE_STANCE, na_argument_get_stance (arg)));
      g_assert_nonnull (na_argument_get_grounds (arg));
      /* An argument about China or India concerns that country, whatever else it names. */
      if (g_str_equal (na_argument_get_question_id (arg), "q-china") &&
          !g_strv_contains (na_argument_get_countries (arg), "CHN"))
        g_error ("%s is on China but does not name CHN", na_argument_get_id (arg));
      if (g_str_equal (na_argument_get_question_id (arg), "q-india") &&
          !g_strv_contains (na_argument_get_countries (arg), "IND"))
        g_error ("%s is on India but does not name IND", na_argument_get_id (arg));
      g_hash_table_add (used_questions, (gpointer) na_argument_get_question_id (arg));
    }

  for (guint i = 0; i < n_items (recs); i++)
    {
      g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);

      check_anchor (na_recommendation_get_id (rec), na_recommendation_get_anchor (rec));
      g_assert_nonnull (na_library_lookup_essay (library, na_recommendation_get_essay_id (rec)));
    }

  /* A question no essay answers has no place in the comparison. */
  g_assert_cmpuint (g_hash_table_size (used_questions), ==,
                    n_items (na_library_get_questions (library)));
}

/* Country codes must be real ISO 3166-1 alpha-3 codes, checked against Debian's iso-codes. */
static void
test_country_codes (void)
{
  g_autofree char *path = g_build_filename (ISO_CODES_DIR, "iso_3166-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GListModel *countries = na_library_get_countries (library);
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_autofree char *why = g_strdup_printf ("iso-codes not installed (%s): country codes "
                                              "not checked against it", error->message);

      g_test_skip (why);
      return;
    }

  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "3166-1");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_hash_table_add (codes, (gpointer) json_object_get_string_member (
                        json_array_get_object_element (array, i), "alpha_3"));

  for (guint i = 0; i < n_items (countries); i++)
    {
      g_autoptr(NaCountry) country = g_list_model_get_item (countries, i);

      if (!g_hash_table_contains (codes, na_country_get_code (country)))
        g_error ("%s is not an ISO 3166-1 alpha-3 code", na_country_get_code (country));
    }
}

static guint
resolve_all (GListModel  *items,
             GHashTable  *indexes,
             GString     *failures)
{
  guint resolved = 0;

  for (guint i = 0; i < n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *id = NULL;
      g_autofree char *essay_id = NULL;
      g_autoptr(NaAnchor) anchor = NULL;
      NaTextIndex *index;
      NaEssay *essay;

      g_object_get (item, "id", &id, "essay-id", &essay_id, "anchor", &anchor, NULL);
      essay = na_library_lookup_essay (library, essay_id);
      index = g_hash_table_lookup (indexes, na_essay_get_source (essay));
      switch (na_text_index_count (index, na_anchor_get_exact (anchor),
                                   na_anchor_get_prefix (anchor), na_anchor_get_suffix (anchor)))
        {
        case 1:
          resolved++;
          break;
        case 0:
          g_string_append_printf (failures, "%s: not found: %s\n", id,
                                  na_anchor_get_exact (anchor));
          break;
        default:
          g_string_append_printf (failures, "%s: found more than once: %s\n", id,
                                  na_anchor_get_exact (anchor));
        }
    }

  return resolved;
}

static void
test_anchors_resolve_in_sources (void)
{
  const char *dir = g_getenv ("NA_SOURCES_DIR");
  g_autoptr(GHashTable) indexes = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  GListModel *essays = na_library_get_essays (library);
  guint total, resolved;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *why = g_strdup_printf ("SKIPPED: the source texts (%s) are not here, so "
                                              "the bundled anchors were not checked against "
                                              "them", dir ? dir : "NA_SOURCES_DIR unset");

      g_printerr ("%s\n", why);
      g_test_skip (why);
      return;
    }

  indexes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) na_text_index_unref);
  for (guint i = 0; i < n_items (essays); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (essays, i);
      const char *source = na_essay_get_source (essay);
      g_autofree char *path = g_build_filename (dir, source, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (g_hash_table_contains (indexes, source))
        continue;
      if (!g_file_get_contents (path, &text, &length, &error))
        g_error ("%s", error->message);
      g_hash_table_insert (indexes, (gpointer) source, na_text_index_new (text, length));
    }

  total = n_items (na_library_get_arguments (library)) +
          n_items (na_library_get_recommendations (library));
  resolved = resolve_all (na_library_get_arguments (library), indexes, failures) +
             resolve_all (na_library_get_recommendations (library), indexes, failures);
  g_test_message ("corpus: anchors resolved to exactly one place: %u/%u", resolved, total);
  if (failures->len > 0)
    g_error ("unresolved anchors:\n%s", failures->str);
  g_assert_cmpuint (resolved, ==, total);
}

/* Lower-case ASCII words, as the content check of the project's hooks counts them. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p)
    {
      const char *start;

      while (*p && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (*p && g_ascii_isalnum (*p))
        p++;
      if (p > start)
        g_ptr_array_add (words, g_ascii_strdown (start, p - start));
    }

  return words;
}

static char *
join_gram (GPtrArray *words,
           guint      at,
           guint      n)
{
  GString *gram = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (gram, "%s%s", i ? " " : "", (char *) g_ptr_array_index (words, at + i));
  return g_string_free (gram, FALSE);
}

/* The essays are their authors': the bundled library may quote at most 25 words in a row. */
static void
test_no_long_passage_copied (void)
{
  const guint n = 12;
  const char *dir = g_getenv ("NA_SOURCES_DIR");
  g_autoptr(GHashTable) grams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) shipped = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint run = 0, longest = 0;

  if (dir == NULL || (d = g_dir_open (dir, 0, NULL)) == NULL)
    {
      g_printerr ("SKIPPED: the source texts are not here, so the bundled library was not "
                  "checked for copied passages\n");
      g_test_skip ("source texts absent");
      return;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) source = NULL;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      source = split_words (text);
      for (guint i = 0; i + n <= source->len; i++)
        g_hash_table_add (grams, join_gram (source, i, n));
    }

  shipped = g_resources_lookup_data ("/org/example/NatoAsia/library/natoasia-library.json", 0,
                                     NULL);
  words = split_words (g_bytes_get_data (shipped, NULL));
  for (guint i = 0; i + n <= words->len; i++)
    {
      g_autofree char *gram = join_gram (words, i, n);

      run = g_hash_table_contains (grams, gram) ? run + 1 : 0;
      if (run > 0 && run + n - 1 > 25)
        g_error ("a passage of %u words from the sources is in the bundled library, ending at "
                 "“%s”", run + n - 1, gram);
      longest = MAX (longest, run ? run + n - 1 : 0);
    }
  g_test_message ("corpus: longest run of words shared with the sources: %u (at most 25)",
                  longest);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  library = na_library_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/corpus/totals", test_totals);
  g_test_add_func ("/corpus/every-essay-has-arguments", test_every_essay_has_arguments);
  g_test_add_func ("/corpus/abstract-only-entry", test_abstract_only_entry_says_so);
  g_test_add_func ("/corpus/items-are-complete", test_items_are_complete);
  g_test_add_func ("/corpus/country-codes", test_country_codes);
  g_test_add_func ("/corpus/anchors-resolve-in-sources", test_anchors_resolve_in_sources);
  g_test_add_func ("/corpus/no-long-passage-copied", test_no_long_passage_copied);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
