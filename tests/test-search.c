/* test-search.c — search finds essays by title, author, keyword, abstract and attached text,
 * ranks title matches first, takes what users type literally and as a prefix. */
#include "config.h"

#include "na-search.h"

static NaEssay *
make_essay (const char *id,
            const char *title,
            const char *family,
            const char *keyword,
            const char *abstract)
{
  NaEssay *essay = na_essay_new ();
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  const char *keywords[] = { keyword, NULL };

  g_ptr_array_add (authors, na_name_new (family, "A.", NULL));
  na_essay_set_id (essay, id);
  na_essay_set_title (essay, title);
  na_essay_set_authors (essay, authors);
  na_essay_set_keywords (essay, keywords);
  na_essay_set_abstract (essay, abstract);
  return essay;
}

static NaSearch *
make_search (void)
{
  NaSearch *search = na_search_new ();
  g_autoptr(NaEssay) a = make_essay ("a", "Submarines in the Pacific", "Okafor", "maritime",
                                     "How navies watch the sea lanes.");
  g_autoptr(NaEssay) b = make_essay ("b", "Cyber Defence Pledges", "Lindqvist", "cyber",
                                     "Partners share warnings about submarines and malware.");
  g_autoptr(NaEssay) c = make_essay ("c", "Summits and Communiqués", "Tanaka", "diplomacy",
                                     "What the leaders signed.");

  na_search_set_essay (search, a, NULL);
  na_search_set_essay (search, b, NULL);
  na_search_set_essay (search, c, "The full text mentions the Vilnius summit and kelp farms.");
  return search;
}

static void
assert_results (NaSearch   *search,
                const char *query,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = na_search_query (search, query, &error);
  g_autoptr(GString) got = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (got, "%s%s", i ? "," : "", (char *) ids->pdata[i]);
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_search_fields (void)
{
  g_autoptr(NaSearch) search = make_search ();

  assert_results (search, "Lindqvist", "b");         /* author */
  assert_results (search, "diplomacy", "c");         /* keyword */
  assert_results (search, "sea lanes", "a");         /* abstract, both words */
  assert_results (search, "kelp", "c");              /* attached text */
  assert_results (search, "communiques", "c");       /* without the accent */
  assert_results (search, "nothing-like-this", "");
  assert_results (search, "   ", "");
}

static void
test_search_ranking (void)
{
  g_autoptr(NaSearch) search = make_search ();

  /* In a's title, in b's abstract: the title match ranks first. */
  assert_results (search, "submarines", "a,b");
}

static void
test_search_as_you_type (void)
{
  g_autoptr(NaSearch) search = make_search ();

  assert_results (search, "Subm", "a,b");
  assert_results (search, "cyber def", "b");
  /* Operators and quotes are text, not syntax. */
  assert_results (search, "\"cyber\" AND (", "b");
  assert_results (search, "NEAR(x", "");
}

static void
test_search_update (void)
{
  g_autoptr(NaSearch) search = make_search ();

  na_search_set_text (search, "a", "A new attached text about kelp.");
  assert_results (search, "kelp", "a,c");
  na_search_set_text (search, "a", NULL);
  assert_results (search, "kelp", "c");
  na_search_remove_essay (search, "c");
  assert_results (search, "kelp", "");
  g_assert_cmpuint (na_search_get_n_essays (search), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search/fields", test_search_fields);
  g_test_add_func ("/search/ranking", test_search_ranking);
  g_test_add_func ("/search/as-you-type", test_search_as_you_type);
  g_test_add_func ("/search/update", test_search_update);
  return g_test_run ();
}
