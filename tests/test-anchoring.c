/* test-anchoring.c — resolving quotes in source texts, on fixtures written for the tests */
#include "config.h"

#include "na-text-index.h"

/* Our own fixture prose, laid out the way extracted texts are: hard line breaks, a word
 * hyphenated at a line end, doubled spaces, typographic quotes, a ligature, a repeated line. */
static const char fixture[] =
  "The  alliance  met in a cold\n"
  "harbour town. Its members spoke of “shared re-\n"
  "sponsibility” and of the need to look\n"
  "east.  The ﬁrst speaker said the sea lanes\n"
  "matter to everyone.\n"
  "\n"
  "Later, a second speaker said the sea lanes\n"
  "matter to everyone, and asked for patience.\n";

static int
offset_of (const char *needle)
{
  return g_utf8_pointer_to_offset (fixture, strstr (fixture, needle));
}

static void
test_line_breaks_and_spaces (void)
{
  g_autoptr(NaTextIndex) index = na_text_index_new (fixture, -1);
  int start, end;

  g_assert_cmpint (na_text_index_find (index, "The alliance met in a cold harbour town.", NULL,
                                       NULL, -1, &start, &end), ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, offset_of ("town.") + 5);
}

static void
test_hyphenation_and_quotes (void)
{
  g_autoptr(NaTextIndex) index = na_text_index_new (fixture, -1);
  int start, end;

  /* Straight quotes, no hyphen: matches "“shared re-\nsponsibility”". */
  g_assert_cmpint (na_text_index_find (index, "\"shared responsibility\"", NULL, NULL, -1,
                                       &start, &end), ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, offset_of ("“shared"));
  g_assert_cmpint (end, ==, offset_of ("sponsibility”") + 13);
  /* The text as printed, hyphen and line break included, matches too. */
  g_assert_cmpuint (na_text_index_count (index, "shared re-\nsponsibility", NULL, NULL), ==, 1);
}

static void
test_ligature (void)
{
  g_autoptr(NaTextIndex) index = na_text_index_new (fixture, -1);

  g_assert_cmpuint (na_text_index_count (index, "The first speaker", NULL, NULL), ==, 1);
}

static void
test_ambiguity (void)
{
  g_autoptr(NaTextIndex) index = na_text_index_new (fixture, -1);
  g_autoptr(NaAnchor) anchor = na_anchor_new ();
  int start, end;

  g_assert_cmpuint (na_text_index_count (index, "speaker said the sea lanes matter to everyone",
                                         NULL, NULL), ==, 2);
  g_assert_cmpint (na_text_index_find (index, "said the sea lanes matter", NULL, NULL, -1,
                                       &start, &end), ==, NA_ANCHOR_STATUS_AMBIGUOUS);

  /* A prefix picks one; so does a suffix; so does a position hint. */
  na_anchor_set_exact (anchor, "said the sea lanes matter to everyone");
  na_anchor_set_prefix (anchor, "a second speaker");
  g_assert_cmpint (na_text_index_resolve (index, anchor), ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (na_anchor_get_start (anchor), ==, offset_of ("said the sea lanes\nmatter to everyone,"));

  g_assert_cmpuint (na_text_index_count (index, "said the sea lanes matter to everyone", NULL,
                                         ".\n\nLater"), ==, 1);
  g_assert_cmpuint (na_text_index_count (index, "said the sea lanes matter to everyone", NULL,
                                         ", and nothing"), ==, 0);
  g_assert_cmpuint (na_text_index_count (index, "the sea lanes matter to everyone", NULL,
                                         ", and asked"), ==, 1);
  g_assert_cmpint (na_text_index_find (index, "the sea lanes", NULL, NULL, 5, &start, &end),
                   ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, offset_of ("the sea lanes"));
}

/* A quote the user took from another copy of the text: its surroundings choose among the
 * occurrences, and need not match whole. */
static void
test_quote_with_context (void)
{
  g_autoptr(NaTextIndex) index = na_text_index_new (fixture, -1);
  const char *quote = "said the sea lanes matter to everyone";
  int second = offset_of ("said the sea lanes\nmatter to everyone,");
  int start = -1, end = -1;

  /* Context of the second occurrence, as another copy has it: a line broken elsewhere, and a
   * word at the far end of the suffix that this copy does not have. */
  g_assert_cmpint (na_text_index_find_quote (index, quote, "Later, a second speaker\n",
                                             ", and asked for haste", -1, &start, &end),
                   ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, second);
  g_assert_cmpint (end - start, ==, g_utf8_strlen ("said the sea lanes\nmatter to everyone", -1));
  /* The strict finder refuses that suffix. */
  g_assert_cmpint (na_text_index_find (index, quote, NULL, ", and asked for haste", -1, &start,
                                       &end), ==, NA_ANCHOR_STATUS_NOT_FOUND);

  /* A prefix alone; then a suffix alone (the first is followed by a full stop). */
  g_assert_cmpint (na_text_index_find_quote (index, quote, "The ﬁrst speaker ", NULL, -1, &start,
                                             &end), ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, offset_of ("said the sea lanes\nmatter to everyone."));
  g_assert_cmpint (na_text_index_find_quote (index, quote, NULL, ", and", -1, &start, &end),
                   ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, second);

  /* Surroundings that agree with neither: the hint decides, or nothing does. */
  g_assert_cmpint (na_text_index_find_quote (index, quote, "unrelated words", "elsewhere", -1,
                                             &start, &end), ==, NA_ANCHOR_STATUS_AMBIGUOUS);
  g_assert_cmpint (na_text_index_find_quote (index, quote, "unrelated words", "elsewhere",
                                             second + 3, &start, &end),
                   ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, second);
  /* Agreeing surroundings win over the hint. */
  g_assert_cmpint (na_text_index_find_quote (index, quote, "The ﬁrst speaker ", NULL, second,
                                             &start, &end), ==, NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, offset_of ("said the sea lanes\nmatter to everyone."));

  /* Found once: context does not matter; not at all: not found. */
  g_assert_cmpint (na_text_index_find_quote (index, "asked for patience", "nothing like it",
                                             NULL, -1, &start, &end), ==,
                   NA_ANCHOR_STATUS_RESOLVED);
  g_assert_cmpint (start, ==, offset_of ("asked for patience"));
  g_assert_cmpint (na_text_index_find_quote (index, "asked for haste", NULL, NULL, -1, &start,
                                             &end), ==, NA_ANCHOR_STATUS_NOT_FOUND);
}

static void
test_context (void)
{
  static const char text[] = "Première ligne,\nsuivie d’une autre où l’on lit ceci et cela.";
  int start = g_utf8_pointer_to_offset (text, strstr (text, "ceci"));
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *p2 = NULL;
  g_autofree char *s2 = NULL;

  /* Characters, not bytes; line breaks as spaces; no more than the length on each side. */
  na_text_dup_context (text, start, start + 4, &prefix, &suffix);
  g_assert_cmpstr (suffix, ==, " et cela.");
  g_assert_cmpint (NA_TEXT_CONTEXT_LENGTH, ==, 32);
  g_assert_cmpstr (prefix, ==, " suivie d’une autre où l’on lit ");

  /* At the text's ends, and with offsets past them: what there is. */
  na_text_dup_context (text, 0, 8, &p2, &s2);
  g_assert_cmpstr (p2, ==, "");
  g_assert_cmpstr (s2, ==, " ligne, suivie d’une autre où l’");
  g_clear_pointer (&p2, g_free);
  g_clear_pointer (&s2, g_free);
  na_text_dup_context (text, 1000, 2000, &p2, &s2);
  g_assert_cmpstr (s2, ==, "");
  g_assert_true (g_str_has_suffix (p2, "ceci et cela."));
}

static void
test_not_found (void)
{
  g_autoptr(NaTextIndex) index = na_text_index_new (fixture, -1);
  g_autoptr(NaAnchor) anchor = na_anchor_new ();

  na_anchor_set_exact (anchor, "a warm harbour town");
  g_assert_cmpint (na_text_index_resolve (index, anchor), ==, NA_ANCHOR_STATUS_NOT_FOUND);
  g_assert_cmpint (na_anchor_get_start (anchor), ==, -1);
  /* Case matters: quotes are exact. */
  g_assert_cmpuint (na_text_index_count (index, "the alliance met", NULL, NULL), ==, 0);
  g_assert_cmpuint (na_text_index_count (index, "", NULL, NULL), ==, 0);
}

static void
test_real_hyphens_kept_apart (void)
{
  static const char text[] = "a well - known fact and a well-known fact";
  g_autoptr(NaTextIndex) index = na_text_index_new (text, -1);

  /* A dash between spaces is not a hyphen inside a word. */
  g_assert_cmpuint (na_text_index_count (index, "well - known", NULL, NULL), ==, 1);
  g_assert_cmpuint (na_text_index_count (index, "wellknown", NULL, NULL), ==, 1);
}

static void
test_invalid_utf8 (void)
{
  static const char text[] = "caf\xC3\x28 au lait";
  g_autoptr(NaTextIndex) index = na_text_index_new (text, -1);

  g_assert_true (g_utf8_validate (na_text_index_get_text (index), -1, NULL));
  g_assert_cmpuint (na_text_index_count (index, "au lait", NULL, NULL), ==, 1);
}

static void
test_word_count (void)
{
  g_assert_cmpuint (na_text_count_words ("  one two\nthree  "), ==, 3);
  g_assert_cmpuint (na_text_count_words (""), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchoring/line-breaks-and-spaces", test_line_breaks_and_spaces);
  g_test_add_func ("/anchoring/hyphenation-and-quotes", test_hyphenation_and_quotes);
  g_test_add_func ("/anchoring/ligature", test_ligature);
  g_test_add_func ("/anchoring/ambiguity", test_ambiguity);
  g_test_add_func ("/anchoring/not-found", test_not_found);
  g_test_add_func ("/anchoring/quote-with-context", test_quote_with_context);
  g_test_add_func ("/anchoring/context", test_context);
  g_test_add_func ("/anchoring/real-hyphens", test_real_hyphens_kept_apart);
  g_test_add_func ("/anchoring/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/anchoring/word-count", test_word_count);

  return g_test_run ();
}
