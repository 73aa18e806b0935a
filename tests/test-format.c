/* test-format.c — the library format: round trips, and a precise message for every mistake */
#include "config.h"

#include <glib/gstdio.h>

#include "na-library.h"

/* JSON fixtures use ' for " so they read well in C; no fixture needs an apostrophe. */
static GBytes *
fixture (const char *json)
{
  char *text = g_strdup (json);

  g_strdelimit (text, "'", '"');
  return g_bytes_new_take (text, strlen (text));
}

#define HEAD "{'format': 'org.example.NatoAsia.library', 'version': 1, "
#define QUESTIONS "'questions': [{'id': 'q-china', 'title': 'China?'}], "
#define COUNTRIES "'countries': [{'code': 'CHN', 'name': 'China'}, {'code': 'JPN', 'name': 'Japan'}], "
#define ESSAY "{'id': 'e1', 'type': 'article', 'title': 'T', 'author': []}"
#define ARG(fields) "{'id': 'e1-a1', 'essay': 'e1', 'question': 'q-china', 'stance': 'supports', " \
                    "'claim': 'C'" fields "}"
#define VALID HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY "], 'arguments': [" ARG ("") "], " \
              "'recommendations': []}"

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *message;
} Malformed;

static const Malformed malformed[] = {
  { "syntax", "{\n'format': 'x',,\n}", NA_LIBRARY_ERROR_SYNTAX, "lib.json:2:" },
  { "empty", "", NA_LIBRARY_ERROR_SYNTAX, "lib.json: the file is empty" },
  { "not-an-object", "[1, 2]", NA_LIBRARY_ERROR_FORMAT,
    "lib.json: $: expected an object at the top level, found an array" },
  { "wrong-format", "{'format': 'zotero', 'version': 1}", NA_LIBRARY_ERROR_FORMAT,
    "$.format: not a NatoAsia library (format is “zotero”" },
  { "future-version", "{'format': 'org.example.NatoAsia.library', 'version': 2}",
    NA_LIBRARY_ERROR_VERSION, "$.version: unsupported version 2" },
  { "version-type", "{'format': 'org.example.NatoAsia.library', 'version': '1'}",
    NA_LIBRARY_ERROR_TYPE, "$.version: expected an integer, found a string" },
  { "missing-section", HEAD QUESTIONS COUNTRIES "'arguments': [], 'recommendations': []}",
    NA_LIBRARY_ERROR_MISSING, "lib.json: $: missing required member “essays”" },
  { "missing-title", HEAD QUESTIONS COUNTRIES "'essays': [{'id': 'e1', 'type': 'article', "
    "'author': []}], 'arguments': [], 'recommendations': []}",
    NA_LIBRARY_ERROR_MISSING, "$.essays[0]: missing required member “title”" },
  { "title-type", HEAD QUESTIONS COUNTRIES "'essays': [{'id': 'e1', 'type': 'article', "
    "'title': 12, 'author': []}], 'arguments': [], 'recommendations': []}",
    NA_LIBRARY_ERROR_TYPE, "$.essays[0].title: expected a string, found a number" },
  { "unknown-kind", HEAD QUESTIONS COUNTRIES "'essays': [{'id': 'e1', 'type': 'blog', "
    "'title': 'T', 'author': []}], 'arguments': [], 'recommendations': []}",
    NA_LIBRARY_ERROR_ENUM, "$.essays[0].type: unknown value “blog” (expected one of: article, "
    "op-ed, chapter, foreword, introduction, report)" },
  { "unknown-stance", HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY "], 'arguments': [{'id': 'a', "
    "'essay': 'e1', 'question': 'q-china', 'stance': 'agree', 'claim': 'C'}], "
    "'recommendations': []}",
    NA_LIBRARY_ERROR_ENUM, "$.arguments[0].stance: unknown value “agree”" },
  { "duplicate-id", HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY ", " ESSAY "], 'arguments': [], "
    "'recommendations': []}",
    NA_LIBRARY_ERROR_DUPLICATE, "$.essays[1].id: duplicate id “e1” (first used at $.essays[0])" },
  { "invalid-id", HEAD QUESTIONS COUNTRIES "'essays': [{'id': 'Essay One', 'type': 'article', "
    "'title': 'T', 'author': []}], 'arguments': [], 'recommendations': []}",
    NA_LIBRARY_ERROR_INVALID_ID, "$.essays[0].id: invalid id “Essay One”" },
  { "unknown-essay", HEAD QUESTIONS COUNTRIES "'essays': [], 'arguments': [" ARG ("") "], "
    "'recommendations': []}",
    NA_LIBRARY_ERROR_REFERENCE, "$.arguments[0].essay: unknown essay “e1”" },
  { "unknown-question", HEAD "'questions': [], " COUNTRIES "'essays': [" ESSAY "], "
    "'arguments': [" ARG ("") "], 'recommendations': []}",
    NA_LIBRARY_ERROR_REFERENCE, "$.arguments[0].question: unknown question “q-china”" },
  { "malformed-country", HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY "], "
    "'arguments': [" ARG (", 'countries': ['CHN', 'jp']") "], 'recommendations': []}",
    NA_LIBRARY_ERROR_COUNTRY, "$.arguments[0].countries[1]: malformed country code “jp”" },
  { "unknown-country", HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY "], "
    "'arguments': [" ARG (", 'countries': ['XYZ']") "], 'recommendations': []}",
    NA_LIBRARY_ERROR_REFERENCE, "$.arguments[0].countries[0]: unknown country “XYZ”" },
  { "bad-date", HEAD QUESTIONS COUNTRIES "'essays': [{'id': 'e1', 'type': 'article', "
    "'title': 'T', 'author': [], 'issued': {'date-parts': [[2020, 13]]}}], 'arguments': [], "
    "'recommendations': []}",
    NA_LIBRARY_ERROR_VALUE, "$.essays[0].issued.date-parts[0]: not a valid date" },
  { "anchor-half-position", HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY "], "
    "'arguments': [" ARG (", 'anchor': {'exact': 'q', 'start': 4}") "], 'recommendations': []}",
    NA_LIBRARY_ERROR_VALUE, "$.arguments[0].anchor: “start” and “end” must be given together" },
  { "anchor-without-quote", HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY "], "
    "'arguments': [" ARG (", 'anchor': {'page': 3}") "], 'recommendations': []}",
    NA_LIBRARY_ERROR_MISSING, "$.arguments[0].anchor: missing required member “exact”" },
  { "unknown-actor", HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY "], 'arguments': [], "
    "'recommendations': [{'id': 'r', 'essay': 'e1', 'actor': 'china', 'action': 'A'}]}",
    NA_LIBRARY_ERROR_ENUM, "$.recommendations[0].actor: unknown value “china”" },
  { "author-without-family", HEAD QUESTIONS COUNTRIES "'essays': [{'id': 'e1', "
    "'type': 'article', 'title': 'T', 'author': [{'given': 'Joe'}]}], 'arguments': [], "
    "'recommendations': []}",
    NA_LIBRARY_ERROR_MISSING, "$.essays[0].author[0]: missing required member “family”" },
  { "control-character", "{'format': 'a\tb', 'version': 1}", NA_LIBRARY_ERROR_SYNTAX,
    "lib.json:1:14: control character U+0009 inside a string" },
  { "trailing-comma", "{'format': 'x',}", NA_LIBRARY_ERROR_SYNTAX,
    "lib.json:1:16: trailing comma before “}”" },
  { "comment", "{'format': 'x' /* why */}", NA_LIBRARY_ERROR_SYNTAX, "lib.json:1:16:" },
  { "number-as-id", HEAD QUESTIONS COUNTRIES "'essays': [{'id': 5, 'type': 'article', "
    "'title': 'T', 'author': []}], 'arguments': [], 'recommendations': []}",
    NA_LIBRARY_ERROR_TYPE, "$.essays[0].id: expected a string, found a number" },
  { "duplicate-section", HEAD QUESTIONS COUNTRIES "'essays': [], 'essays': [], 'arguments': [], "
    "'recommendations': []}", NA_LIBRARY_ERROR_DUPLICATE, "lib.json: $.essays: given twice" },
  { "forward-reference", HEAD "'arguments': [" ARG ("") "], 'recommendations': [], " QUESTIONS
    COUNTRIES "'essays': []}",
    NA_LIBRARY_ERROR_REFERENCE, "lib.json: $.arguments[0].essay: unknown essay “e1”" },
  { "trailing-garbage", VALID " x", NA_LIBRARY_ERROR_SYNTAX, "expected the end of the file" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autoptr(GBytes) bytes = fixture (m->json);
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_from_bytes (bytes, "lib.json", &error);

  g_assert_null (library);
  g_assert_error (error, NA_LIBRARY_ERROR, m->code);
  if (strstr (error->message, m->message) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, m->message);
}

static void
test_valid_fixture (void)
{
  g_autoptr(GBytes) bytes = fixture (VALID);
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_from_bytes (bytes, "lib.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (na_library_get_arguments (library)), ==, 1);
}

static void
test_invalid_utf8 (void)
{
  static const char data[] = "{\n  \"format\": \"caf\xC3\x28\"\n}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_from_bytes (bytes, "lib.json", &error);

  g_assert_null (library);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_UTF8);
  g_assert_nonnull (strstr (error->message, "lib.json:2:17: invalid UTF-8 (byte 0xC3"));
}

static void
test_all_problems_reported (void)
{
  g_autoptr(GBytes) bytes = fixture (HEAD QUESTIONS COUNTRIES "'essays': [{'id': 'e1'}], "
                                     "'arguments': [{'id': 'a'}], 'recommendations': 5}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_from_bytes (bytes, "lib.json", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (library);
  lines = g_strsplit (error->message, "\n", -1);
  /* essay: type, title, author; argument: essay, question, stance, claim; recommendations */
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  for (guint i = 0; lines[i]; i++)
    g_assert_true (g_str_has_prefix (lines[i], "lib.json: $."));
}

/* Sections in any order, referring forwards: the loader must not need them in format order. */
static void
test_any_order (void)
{
  g_autoptr(GBytes) bytes = fixture ("{'recommendations': [{'id': 'r', 'essay': 'e1', "
                                     "'actor': 'nato', 'action': 'A', 'countries': ['JPN'], "
                                     "'question': 'q-china'}], 'arguments': [" ARG (", "
                                     "'countries': ['CHN'], 'extra': {'x': [1, {'y': null}]}")
                                     "], 'essays': [" ESSAY "], " COUNTRIES QUESTIONS
                                     "'version': 1, 'format': 'org.example.NatoAsia.library'}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_from_bytes (bytes, "lib.json", &error);
  NaArgument *a;

  g_assert_no_error (error);
  a = na_library_lookup_argument (library, "e1-a1");
  g_assert_nonnull (a);
  g_assert_cmpstr (na_argument_get_countries (a)[0], ==, "CHN");
  g_assert_cmpstr (na_recommendation_get_question_id (na_library_lookup_recommendation (library,
                                                                                        "r")),
                   ==, "q-china");
  g_assert_cmpuint (g_list_model_get_n_items (na_library_get_countries (library)), ==, 2);
}

/* Problems are listed in the format's order whatever the file's, and the error code is that
 * of the first. */
static void
test_problem_order (void)
{
  g_autoptr(GBytes) bytes = fixture (HEAD "'arguments': [{'id': 'a', 'essay': 'e1', "
                                     "'question': 'q-china', 'claim': 'C', 'stance': 'yes', "
                                     "'countries': ['XYZ']}], 'essays': [{'title': 'T', "
                                     "'author': [], 'type': 'article', 'id': 'e1', 'page': 1}], "
                                     QUESTIONS "'recommendations': [], " COUNTRIES "'title': 7}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_from_bytes (bytes, "lib.json", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (library);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_TYPE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "lib.json: $.title: expected a string, found a number");
  g_assert_cmpstr (lines[1], ==, "lib.json: $.essays[0].page: expected a string, found a number");
  g_assert_true (g_str_has_prefix (lines[2], "lib.json: $.arguments[0].stance: unknown value"));
  g_assert_cmpstr (lines[3], ==, "lib.json: $.arguments[0].countries[0]: unknown country “XYZ”: "
                                 "it is not in $.countries");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A loaded item makes its anchor when first asked: it must behave as if it had it all along. */
static void
test_loaded_anchor (void)
{
  g_autoptr(GBytes) bytes = fixture (HEAD QUESTIONS COUNTRIES "'essays': [" ESSAY "], "
                                     "'arguments': [" ARG (", 'anchor': {'exact': 'q', "
                                     "'start': 1, 'end': 2}") "], 'recommendations': "
                                     "[{'id': 'r', 'essay': 'e1', 'actor': 'nato', 'action': 'A', "
                                     "'anchor': {'exact': 'w', 'page': 4}}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_from_bytes (bytes, "lib.json", &error);
  NaArgument *a = na_library_lookup_argument (library, "e1-a1");
  NaRecommendation *r = na_library_lookup_recommendation (library, "r");
  g_autoptr(NaAnchor) other = na_anchor_new ();
  NaAnchor *anchor;
  guint notified = 0;

  g_assert_no_error (error);
  anchor = na_argument_get_anchor (a);
  g_assert_nonnull (anchor);
  g_assert_true (na_argument_get_anchor (a) == anchor);
  g_assert_cmpstr (na_anchor_get_exact (anchor), ==, "q");
  g_assert_cmpint (na_anchor_get_end (anchor), ==, 2);
  /* Its strings live in the loader's arena: replacing one must not free that. */
  na_anchor_set_exact (anchor, "changed");
  g_assert_cmpstr (na_anchor_get_exact (anchor), ==, "changed");
  na_argument_set_claim (a, "New claim");
  g_assert_cmpstr (na_argument_get_claim (a), ==, "New claim");

  /* Removing an anchor nobody asked for yet is still a change. */
  g_signal_connect (r, "notify::anchor", G_CALLBACK (count_notify), &notified);
  na_recommendation_set_anchor (r, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (na_recommendation_get_anchor (r));
  na_recommendation_set_anchor (r, other);
  g_assert_true (na_recommendation_get_anchor (r) == other);
  g_assert_cmpuint (notified, ==, 2);
}

/* Every duplicate names where its id was first used, however many there are. */
static void
test_duplicates (void)
{
  static const char * const ids[] = { "e1", "e2", "e1", "e3", "e2", "e3", "e3" };
  g_autoptr(GString) json = g_string_new (HEAD QUESTIONS COUNTRIES "'essays': [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_string_append_printf (json, "%s{'id': '%s', 'type': 'article', 'title': 'T', "
                            "'author': []}", i ? ", " : "", ids[i]);
  g_string_append (json, "], 'arguments': [], 'recommendations': []}");
  bytes = fixture (json->str);
  library = na_library_new_from_bytes (bytes, "lib.json", &error);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_DUPLICATE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "lib.json: $.essays[2].id: duplicate id “e1” (first used at "
                                 "$.essays[0])");
  g_assert_cmpstr (lines[1], ==, "lib.json: $.essays[4].id: duplicate id “e2” (first used at "
                                 "$.essays[1])");
  g_assert_cmpstr (lines[2], ==, "lib.json: $.essays[5].id: duplicate id “e3” (first used at "
                                 "$.essays[3])");
  g_assert_cmpstr (lines[3], ==, "lib.json: $.essays[6].id: duplicate id “e3” (first used at "
                                 "$.essays[3])");
}

/* Past 50 problems the message says how many more there are. */
static void
test_too_many_problems (void)
{
  g_autoptr(GString) json = g_string_new (HEAD QUESTIONS COUNTRIES "'essays': [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (json, "%s{'id': 'e%u', 'type': 'article', 'author': []}",
                            i ? ", " : "", i);
  g_string_append (json, "], 'arguments': [], 'recommendations': []}");
  bytes = fixture (json->str);
  library = na_library_new_from_bytes (bytes, "lib.json", &error);
  g_assert_null (library);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_MISSING);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 51);
  g_assert_cmpstr (lines[0], ==, "lib.json: $.essays[0]: missing required member “title”");
  g_assert_cmpstr (lines[49], ==, "lib.json: $.essays[49]: missing required member “title”");
  g_assert_cmpstr (lines[50], ==, "lib.json: and 10 more problems");
}

static void
test_unreadable_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dir/lib.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_from_file (file, NULL, &error);

  g_assert_null (library);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/lib.json: cannot read the file"));
}

static void
test_unwritable_file (void)
{
  g_autoptr(NaLibrary) library = na_library_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dir/out.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (na_library_save_to_file (library, file, NULL, &error));
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/out.json: cannot write the file"));
}

/* A library using every field of the format, with text that needs escaping. */
static NaLibrary *
build_full_library (void)
{
  NaLibrary *library = na_library_new ();
  g_autoptr(NaQuestion) q = na_question_new ();
  g_autoptr(NaCountry) c = na_country_new ();
  g_autoptr(NaEssay) e = na_essay_new ();
  g_autoptr(NaArgument) a = na_argument_new ();
  g_autoptr(NaRecommendation) r = na_recommendation_new ();
  g_autoptr(NaAnchor) anchor = na_anchor_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  g_autoptr(NaDate) date = na_date_new (2009, 0, 0);
  const char *keywords[] = { "Quad", "“Asian NATO”", NULL };
  const char *countries[] = { "JPN", NULL };

  na_library_set_title (library, "Fixture \"library\"\nwith a newline");
  na_question_set_id (q, "q-1");
  na_question_set_title (q, "Should it?");
  na_question_set_label (q, "It");
  na_question_set_description (q, "Tab\tand backslash \\");
  na_library_add_question (library, q);
  na_country_set_code (c, "JPN");
  na_country_set_name (c, "Japan");
  na_country_set_region (c, "East Asia");
  na_library_add_country (library, c);

  g_ptr_array_add (names, na_name_new ("Bağbaşlıoğlu", "Arif", "Some University"));
  g_ptr_array_add (names, na_name_new ("Doe", NULL, NULL));
  date->end_year = 2010;
  date->circa = TRUE;
  date->season = g_strdup ("Fall");
  na_essay_set_id (e, "e-1");
  na_essay_set_kind (e, NA_ESSAY_KIND_INTRODUCTION);
  na_essay_set_title (e, "Title <b>bold</b>");
  na_essay_set_subtitle (e, "Sub");
  na_essay_set_authors (e, names);
  na_essay_set_editors (e, names);
  na_essay_set_issued (e, date);
  na_essay_set_container_title (e, "Volume");
  na_essay_set_publisher (e, "Publisher");
  na_essay_set_page (e, "12-19");
  na_essay_set_url (e, "https://example.org/e?a=1&b=2");
  na_essay_set_abstract (e, "Abstract.");
  na_essay_set_keywords (e, keywords);
  na_essay_set_note (e, "Note.");
  na_essay_set_source (e, "e.txt");
  na_library_add_essay (library, e);

  na_anchor_set_exact (anchor, "a quote");
  na_anchor_set_prefix (anchor, "before ");
  na_anchor_set_suffix (anchor, " after");
  na_anchor_set_start (anchor, 10);
  na_anchor_set_end (anchor, 17);
  na_anchor_set_page (anchor, 3);
  na_argument_set_id (a, "e-1-a1");
  na_argument_set_essay_id (a, "e-1");
  na_argument_set_question_id (a, "q-1");
  na_argument_set_stance (a, NA_STANCE_OPPOSES);
  na_argument_set_claim (a, "Claim");
  na_argument_set_grounds (a, "Grounds");
  na_argument_set_countries (a, countries);
  na_argument_set_anchor (a, anchor);
  na_library_add_argument (library, a);

  na_recommendation_set_id (r, "e-1-r1");
  na_recommendation_set_essay_id (r, "e-1");
  na_recommendation_set_actor (r, NA_ACTOR_PARTNERS);
  na_recommendation_set_action (r, "Act");
  na_recommendation_set_countries (r, countries);
  na_recommendation_set_question_id (r, "q-1");
  na_recommendation_set_anchor (r, anchor);
  na_library_add_recommendation (library, r);

  return library;
}

static void
test_round_trip (void)
{
  g_autoptr(NaLibrary) original = build_full_library ();
  g_autoptr(NaLibrary) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;
  NaEssay *e;
  NaArgument *a;
  const NaDate *date;

  first = na_library_to_data (original, &length);
  bytes = g_bytes_new_static (first, length);
  reread = na_library_new_from_bytes (bytes, "round-trip", &error);
  g_assert_no_error (error);
  second = na_library_to_data (reread, NULL);
  g_assert_cmpstr (first, ==, second);

  /* Identical bytes could hide a field that is neither written nor read: check the values. */
  e = na_library_lookup_essay (reread, "e-1");
  g_assert_cmpstr (na_essay_get_title (e), ==, "Title <b>bold</b>");
  g_assert_cmpint (na_essay_get_kind (e), ==, NA_ESSAY_KIND_INTRODUCTION);
  g_assert_cmpstr (((NaName *) g_ptr_array_index (na_essay_get_authors (e), 0))->family, ==,
                   "Bağbaşlıoğlu");
  g_assert_cmpuint (na_essay_get_editors (e)->len, ==, 2);
  date = na_essay_get_issued (e);
  g_assert_true (date->circa && date->end_year == 2010 && g_str_equal (date->season, "Fall"));
  g_assert_cmpstr (na_essay_get_url (e), ==, "https://example.org/e?a=1&b=2");
  g_assert_cmpstr (na_library_get_title (reread), ==, "Fixture \"library\"\nwith a newline");
  a = na_library_lookup_argument (reread, "e-1-a1");
  g_assert_cmpint (na_argument_get_stance (a), ==, NA_STANCE_OPPOSES);
  g_assert_cmpint (na_anchor_get_page (na_argument_get_anchor (a)), ==, 3);
  g_assert_cmpint (na_anchor_get_end (na_argument_get_anchor (a)), ==, 17);
  g_assert_cmpstr (na_anchor_get_suffix (na_argument_get_anchor (a)), ==, " after");
  g_assert_cmpint (na_recommendation_get_actor (na_library_lookup_recommendation (reread,
                                                                                  "e-1-r1")),
                   ==, NA_ACTOR_PARTNERS);
}

static void
test_bundled_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_bundled (&error);
  g_autoptr(GBytes) shipped = NULL;
  g_autofree char *written = NULL;
  gsize length;

  g_assert_no_error (error);
  shipped = g_resources_lookup_data ("/org/example/NatoAsia/library/natoasia-library.json", 0,
                                     &error);
  g_assert_no_error (error);
  written = na_library_to_data (library, &length);
  /* The shipped file is kept in canonical form, so export gives back the same bytes. */
  g_assert_cmpmem (written, length, g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
}

/* A library much larger than the reader's 256 KiB window, saved and loaded back from disk. */
static void
test_large_file (void)
{
  g_autoptr(NaLibrary) library = na_library_new ();
  g_autoptr(NaLibrary) loaded = NULL;
  g_autoptr(NaQuestion) q = na_question_new ();
  g_autoptr(NaCountry) c = na_country_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("natoasia-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lib.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  g_autofree char *reread = NULL;
  g_autofree char *broken = NULL;
  const char *countries[] = { "JPN", NULL };
  gsize length;
  char *last;

  na_question_set_id (q, "q");
  na_question_set_title (q, "Q?");
  na_library_add_question (library, q);
  na_country_set_code (c, "JPN");
  na_country_set_name (c, "Japan");
  na_library_add_country (library, c);
  for (guint e = 0; e < 40; e++)
    {
      g_autoptr(NaEssay) essay = na_essay_new ();
      g_autofree char *essay_id = g_strdup_printf ("essay-%u", e);

      na_essay_set_id (essay, essay_id);
      na_essay_set_title (essay, "Über “quotes” — and \\ backslashes\t");
      na_library_add_essay (library, essay);
      for (guint i = 0; i < 50; i++)
        {
          g_autoptr(NaArgument) a = na_argument_new ();
          g_autoptr(NaAnchor) anchor = na_anchor_new ();
          g_autofree char *id = g_strdup_printf ("%s-a%u", essay_id, i);
          g_autofree char *claim = g_strdup_printf ("Claim %u: déjà vu, 東京, 😀 %*s.", i,
                                                    (int) (i * 3), "");

          na_anchor_set_exact (anchor, "quoted \"words\"");
          na_anchor_set_start (anchor, i);
          na_anchor_set_end (anchor, i + 5);
          na_argument_set_id (a, id);
          na_argument_set_essay_id (a, essay_id);
          na_argument_set_question_id (a, "q");
          na_argument_set_claim (a, claim);
          na_argument_set_countries (a, countries);
          na_argument_set_anchor (a, anchor);
          na_library_add_argument (library, a);
        }
    }

  g_assert_true (na_library_save_to_file (library, file, NULL, &error));
  g_assert_no_error (error);
  written = na_library_to_data (library, &length);
  g_assert_cmpuint (length, >, 3 * 256 * 1024);
  loaded = na_library_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  reread = na_library_to_data (loaded, NULL);
  g_assert_cmpstr (reread, ==, written);

  /* A syntax error near the end: its line is counted across every window. */
  broken = g_strdup (written);
  last = strrchr (broken, '}');
  *last = ',';
  g_assert_true (g_file_set_contents (path, broken, length, &error));
  g_clear_object (&loaded);
  loaded = na_library_new_from_file (file, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_SYNTAX);
  {
    guint lines = 0;
    g_autofree char *expected = NULL;

    for (const char *p = written; *p; p++)
      lines += *p == '\n';
    /* after the last line break */
    expected = g_strdup_printf ("%s:%u:1: expected a member name", path, lines + 1);
    if (!g_str_has_prefix (error->message, expected))
      g_error ("“%s” does not start with “%s”", error->message, expected);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* Reading from a file reports what reading from memory does, and stops when cancelled. */
static void
test_file_errors (void)
{
  static const char data[] = "{\n  \"format\": \"caf\xC3\x28\"\n}";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("natoasia-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lib.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:2:17: invalid UTF-8 (byte 0xC3 at offset 18)",
                                               path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NaLibrary) library = NULL;

  g_assert_true (g_file_set_contents (path, data, sizeof data - 1, &error));
  library = na_library_new_from_file (file, NULL, &error);
  g_assert_null (library);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_UTF8);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  library = na_library_new_from_file (file, NULL, &error);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_SYNTAX);
  g_assert_true (g_str_has_suffix (error->message, "lib.json: the file is empty"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  library = na_library_new_from_file (file, cancellable, &error);
  g_assert_null (library);
  g_assert_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "lib.json: cannot read the file"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_and_load_file (void)
{
  g_autoptr(NaLibrary) library = build_full_library ();
  g_autoptr(NaLibrary) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("natoasia-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lib.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (na_library_save_to_file (library, file, NULL, &error));
  g_assert_no_error (error);
  loaded = na_library_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (na_library_lookup_essay (loaded, "e-1"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/format/malformed/%s", malformed[i].name);

      g_test_add_data_func (path, &malformed[i], test_malformed);
    }
  g_test_add_func ("/format/malformed/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/format/malformed/all-problems-reported", test_all_problems_reported);
  g_test_add_func ("/format/malformed/problem-order", test_problem_order);
  g_test_add_func ("/format/malformed/too-many-problems", test_too_many_problems);
  g_test_add_func ("/format/malformed/duplicates", test_duplicates);
  g_test_add_func ("/format/any-order", test_any_order);
  g_test_add_func ("/format/loaded-anchor", test_loaded_anchor);
  g_test_add_func ("/format/io/large-file", test_large_file);
  g_test_add_func ("/format/io/file-errors", test_file_errors);
  g_test_add_func ("/format/io/unreadable", test_unreadable_file);
  g_test_add_func ("/format/io/unwritable", test_unwritable_file);
  g_test_add_func ("/format/io/save-and-load", test_save_and_load_file);
  g_test_add_func ("/format/valid-fixture", test_valid_fixture);
  g_test_add_func ("/format/round-trip", test_round_trip);
  g_test_add_func ("/format/bundled-round-trip", test_bundled_round_trip);

  return g_test_run ();
}
