/* test-model.c — the GObject model: properties, notification, enums, library lookups */
#include "config.h"

#include "na-annotation.h"
#include "na-library.h"
#include "na-util.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_essay_properties (void)
{
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  g_autoptr(NaDate) date = na_date_new (2021, 12, 1);
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  const char *keywords[] = { "China", "Japan", NULL };
  guint notified = 0;
  NaEssayKind kind;

  g_signal_connect (essay, "notify", G_CALLBACK (count_notify), &notified);

  na_essay_set_title (essay, "NATO in the Pacific");
  na_essay_set_title (essay, "NATO in the Pacific");   /* unchanged: no second notify */
  g_assert_cmpuint (notified, ==, 1);

  na_essay_set_subtitle (essay, "A Test");
  title = na_essay_dup_full_title (essay);
  g_assert_cmpstr (title, ==, "NATO in the Pacific: A Test");

  g_ptr_array_add (authors, na_name_new ("Kłodkowski", "Piotr", NULL));
  g_ptr_array_add (authors, na_name_new ("Lai", "Christina", "Academia Sinica"));
  na_essay_set_authors (essay, authors);
  byline = na_essay_dup_authors_display (essay);
  g_assert_cmpstr (byline, ==, "Piotr Kłodkowski and Christina Lai");
  g_assert_cmpstr (((NaName *) g_ptr_array_index (na_essay_get_authors (essay), 1))->affiliation,
                   ==, "Academia Sinica");

  na_essay_set_issued (essay, date);
  g_assert_cmpint (na_essay_get_year (essay), ==, 2021);
  g_assert_cmpint (na_date_get_precision (na_essay_get_issued (essay)), ==,
                   NA_DATE_PRECISION_DAY);

  na_essay_set_keywords (essay, keywords);
  g_assert_true (g_strv_equal (na_essay_get_keywords (essay), keywords));

  g_object_set (essay, "kind", NA_ESSAY_KIND_OP_ED, NULL);
  g_object_get (essay, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, NA_ESSAY_KIND_OP_ED);
  g_assert_cmpuint (notified, ==, 6);
}

static void
test_title_punctuation (void)
{
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autofree char *full = NULL;

  na_essay_set_title (essay, "An India-NATO Alliance?");
  na_essay_set_subtitle (essay, "Lessons from 1962");
  full = na_essay_dup_full_title (essay);
  g_assert_cmpstr (full, ==, "An India-NATO Alliance? Lessons from 1962");
}

static void
test_enums (void)
{
  int value;

  g_assert_true (G_TYPE_IS_ENUM (NA_TYPE_STANCE));
  g_assert_true (G_TYPE_IS_ENUM (NA_TYPE_ACTOR));
  g_assert_true (G_TYPE_IS_ENUM (NA_TYPE_ESSAY_KIND));
  g_assert_cmpstr (na_enum_to_nick (NA_TYPE_ESSAY_KIND, NA_ESSAY_KIND_OP_ED), ==, "op-ed");
  g_assert_cmpstr (na_enum_to_nick (NA_TYPE_ACTOR, NA_ACTOR_EUROPEAN_ALLIES), ==,
                   "european-allies");
  g_assert_true (na_enum_from_nick (NA_TYPE_STANCE, "mixed", &value));
  g_assert_cmpint (value, ==, NA_STANCE_MIXED);
  g_assert_false (na_enum_from_nick (NA_TYPE_STANCE, "agree", &value));
  g_assert_null (na_enum_to_nick (NA_TYPE_STANCE, 42));
}

static void
test_dates (void)
{
  g_autoptr(NaDate) year = na_date_new (2013, 0, 0);
  g_autoptr(NaDate) month = na_date_new (2020, 10, 0);
  g_autoptr(NaDate) range = na_date_new (2009, 0, 0);
  g_autofree char *year_text = NULL;
  g_autofree char *range_text = NULL;
  g_autofree char *iso = NULL;

  range->end_year = 2010;
  range->circa = TRUE;

  g_assert_cmpint (na_date_get_precision (NULL), ==, NA_DATE_PRECISION_NONE);
  g_assert_cmpint (na_date_get_precision (year), ==, NA_DATE_PRECISION_YEAR);
  g_assert_cmpint (na_date_get_precision (month), ==, NA_DATE_PRECISION_MONTH);
  g_assert_cmpint (na_date_compare (year, month), <, 0);
  g_assert_cmpint (na_date_compare (NULL, year), <, 0);

  year_text = na_date_dup_display (year);
  g_assert_cmpstr (year_text, ==, "2013");
  range_text = na_date_dup_display (range);
  g_assert_cmpstr (range_text, ==, "c. 2009–2010");
  iso = na_date_dup_iso (month);
  g_assert_cmpstr (iso, ==, "2020-10");
}

/* Dates as the essay form takes them: exactly a real day, month or year, never clamped. */
static void
test_dates_from_iso (void)
{
  static const struct { const char *text; int year, month, day; } cases[] = {
    { "2013", 2013, 0, 0 },
    { "2020-10", 2020, 10, 0 },
    { "2021-12-01", 2021, 12, 1 },
    { "2024-2-5", 2024, 2, 5 },
    { "2012-02-29", 2012, 2, 29 },
    { "0001-01-01", 1, 1, 1 },
    /* Not a date: nothing, rather than the nearest one. */
    { "2013-13-45", 0, 0, 0 },
    { "2013-13", 0, 0, 0 },
    { "2013-12-32", 0, 0, 0 },
    { "2013-02-29", 0, 0, 0 },
    { "2013-04-31", 0, 0, 0 },
    { "2013-00", 0, 0, 0 },
    { "2013-01-00", 0, 0, 0 },
    { "0000", 0, 0, 0 },
    { "", 0, 0, 0 },
    { "13", 0, 0, 0 },
    { "20134", 0, 0, 0 },
    { "2013-", 0, 0, 0 },
    { "2013-1-", 0, 0, 0 },
    { "2013-001", 0, 0, 0 },
    { "2013-01-01-01", 0, 0, 0 },
    { "2013-01-01x", 0, 0, 0 },
    { "2013/01/01", 0, 0, 0 },
    { " 2013", 0, 0, 0 },
    { "-2013", 0, 0, 0 },
    { "c. 2013", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NaDate) date = na_date_new_from_iso (cases[i].text);

      g_test_message ("%s", cases[i].text);
      if (cases[i].year == 0)
        {
          g_assert_null (date);
          continue;
        }
      g_assert_nonnull (date);
      g_assert_cmpint (date->year, ==, cases[i].year);
      g_assert_cmpint (date->month, ==, cases[i].month);
      g_assert_cmpint (date->day, ==, cases[i].day);
    }

  /* What the form shows of a stored date reads back as the same date. */
  {
    g_autoptr(NaDate) date = na_date_new (2021, 12, 1);
    g_autofree char *iso = na_date_dup_iso (date);
    g_autoptr(NaDate) again = na_date_new_from_iso (iso);

    g_assert_true (na_date_equal (date, again));
  }
}

/* An essay's link is a web address a browser can open, or none. */
static void
test_url_is_web (void)
{
  static const char *web[] = {
    "https://example.org", "http://example.org/a/b?c=d#e", "HTTPS://Example.org/",
    "https://[2001:db8::1]:8443/x", NULL
  };
  static const char *not_web[] = {
    "notaurl", "example.org", "www.example.org/essay", "https://", "https:", "http:///path",
    "ftp://example.org/file", "file:///home/me/essay.pdf", "javascript:alert(1)",
    "mailto:me@example.org", "/essays/one", "https://exa mple.org", "", NULL
  };

  for (guint i = 0; web[i] != NULL; i++)
    g_assert_true (na_essay_url_is_web (web[i]));
  for (guint i = 0; not_web[i] != NULL; i++)
    {
      g_test_message ("%s", not_web[i]);
      g_assert_false (na_essay_url_is_web (not_web[i]));
    }
  g_assert_false (na_essay_url_is_web (NULL));
}

static NaArgument *
make_argument (const char *id,
               const char *essay,
               const char *question,
               const char *country)
{
  NaArgument *arg = na_argument_new ();
  const char *countries[] = { country, NULL };

  na_argument_set_id (arg, id);
  na_argument_set_essay_id (arg, essay);
  na_argument_set_question_id (arg, question);
  na_argument_set_claim (arg, "A claim.");
  na_argument_set_countries (arg, countries);
  return arg;
}

static void
test_library_lookups (void)
{
  g_autoptr(NaLibrary) library = na_library_new ();
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autoptr(NaEssay) again = na_essay_new ();
  g_autoptr(NaArgument) a1 = make_argument ("e1-a1", "e1", "q-china", "CHN");
  g_autoptr(NaArgument) a2 = make_argument ("e1-a2", "e1", "q-partners", "JPN");
  g_autoptr(NaArgument) a3 = make_argument ("e2-a1", "e2", "q-china", "JPN");
  g_autoptr(GListModel) by_question = NULL;
  g_autoptr(GListModel) by_country = NULL;
  g_autoptr(GListModel) by_both = NULL;

  na_essay_set_id (essay, "e1");
  na_essay_set_id (again, "e1");
  g_assert_true (na_library_add_essay (library, essay));
  g_assert_false (na_library_add_essay (library, again));
  g_assert_cmpuint (g_list_model_get_n_items (na_library_get_essays (library)), ==, 1);
  g_assert_true (na_library_lookup_essay (library, "e1") == essay);
  g_assert_null (na_library_lookup_essay (library, "nope"));
  g_assert_true (g_list_model_get_item_type (na_library_get_arguments (library)) ==
                 NA_TYPE_ARGUMENT);

  na_library_add_argument (library, a1);
  na_library_add_argument (library, a2);
  na_library_add_argument (library, a3);
  by_question = na_library_dup_arguments (library, NULL, "q-china", NULL);
  by_country = na_library_dup_arguments (library, NULL, NULL, "JPN");
  by_both = na_library_dup_arguments (library, "e1", NULL, "JPN");
  g_assert_cmpuint (g_list_model_get_n_items (by_question), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (by_country), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (by_both), ==, 1);
  g_assert_true (na_library_lookup_argument (library, "e2-a1") == a3);
}

/* Tags as the Edit Annotation dialog gives them: a list typed with commas, repeats dropped
 * whatever their case, the first spelling kept. */
static void
test_annotation_tags (void)
{
  g_autoptr(NaAnnotation) a = na_annotation_new (NA_ANNOTATION_HIGHLIGHT);
  g_auto(GStrv) typed = na_split_list ("pivot, US, Pivot;; us ,  PIVOT ,east");
  const char *expected[] = { "pivot", "US", "east", NULL };
  const char *none[] = { NULL };
  guint notified = 0;

  g_assert_cmpuint (g_strv_length (typed), ==, 6);
  na_annotation_set_tags (a, (const char * const *) typed);
  g_assert_true (g_strv_equal (na_annotation_get_tags (a), expected));

  /* The same set again is no change. */
  g_signal_connect (a, "notify::tags", G_CALLBACK (count_notify), &notified);
  na_annotation_set_tags (a, expected);
  g_assert_cmpuint (notified, ==, 0);
  na_annotation_set_tags (a, none);
  g_assert_null (na_annotation_get_tags (a));
  g_assert_cmpuint (notified, ==, 1);
}

static void
add_country (GListStore *countries,
             const char *code,
             const char *name)
{
  g_autoptr(NaCountry) country = na_country_new ();

  na_country_set_code (country, code);
  na_country_set_name (country, name);
  g_list_store_append (countries, country);
}

/* The Countries field of the Mark dialogs: codes and English names in any case, against
 * iso-codes and the library's own names; what names no country, or several, is given back to
 * be shown, never stored. Outputs are joined with commas here, "" for none. */
static void
test_country_parse (void)
{
  static const struct { const char *in, *codes, *unknown, *ambiguous; } cases[] = {
    { "XYZ, jpn, Korea", "JPN", "XYZ", "Korea" },
    { "JPN; japan ,JAPAN, Jpn", "JPN", "", "" },
    { "south korea, North Korea", "KOR,PRK", "", "" },
    { "Vietnam, viet nam, VNM", "VNM", "", "" },         /* the library's name and ISO's */
    { "xkx, Kosovo", "XKX", "", "" },                      /* in the library, not in ISO */
    { "fra, Germany, TÜRKIYE, iran", "FRA,DEU,TUR,IRN", "", "" },
    { "Taiwan, United States of America", "TWN,USA", "", "" },
    { "Virgin Islands, Congo", "COG", "", "Virgin Islands" },  /* ISO's name "Congo" wins */
    { "us, GB, Jp", "USA,GBR,JPN", "", "" },               /* two-letter codes too */
    /* Names in common use that ISO spells otherwise, and the usual initials. */
    { "Turkey; Russia, UK, Burma", "TUR,RUS,GBR,MMR", "", "" },
    { "DPRK, ROK, PRC", "PRK,KOR,CHN", "", "" },
    /* ISO's inverted names the natural way round, and an article left out. */
    { "Republic of Korea, Democratic Republic of the Congo", "KOR,COD", "", "" },
    { "the Philippines, The Netherlands, the", "PHL,NLD", "the", "" },
    { "Narnia, XY, JPNX", "", "Narnia,XY,JPNX", "" },
    { "  ;  , ", "", "", "" },
    { "", "", "", "" },
    { NULL, "", "", "" },
  };
  g_autofree char *path = g_build_filename (ISO_CODES_DIR, "iso_3166-1.json", NULL);
  g_autoptr(GListStore) countries = g_list_store_new (NA_TYPE_COUNTRY);

  /* Without iso-codes the core knows the library's countries only, and warns (fatal here). */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes not installed");
      return;
    }
  add_country (countries, "JPN", "Japan");
  add_country (countries, "KOR", "South Korea");
  add_country (countries, "VNM", "Vietnam");
  add_country (countries, "XKX", "Kosovo");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) unknown = NULL;
      g_auto(GStrv) ambiguous = NULL;
      g_auto(GStrv) codes = na_country_parse_list (cases[i].in, G_LIST_MODEL (countries),
                                                   &unknown, &ambiguous);
      g_autofree char *codes_text = g_strjoinv (",", codes);
      g_autofree char *unknown_text = g_strjoinv (",", unknown);
      g_autofree char *ambiguous_text = g_strjoinv (",", ambiguous);

      g_test_message ("%s", cases[i].in ? cases[i].in : "(null)");
      g_assert_cmpstr (codes_text, ==, cases[i].codes);
      g_assert_cmpstr (unknown_text, ==, cases[i].unknown);
      g_assert_cmpstr (ambiguous_text, ==, cases[i].ambiguous);
    }

  /* No library: iso-codes alone; the outputs are optional. */
  {
    g_auto(GStrv) codes = na_country_parse_list ("Japan, Vietnam, Kosovo", NULL, NULL, NULL);
    g_autofree char *codes_text = g_strjoinv (",", codes);

    g_assert_cmpstr (codes_text, ==, "JPN,VNM");
  }
}

static NaEssay *
essay_by (const char *family,
          const char *given,
          int         year)
{
  NaEssay *essay = na_essay_new ();
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  g_autoptr(NaDate) date = na_date_new (year, 0, 0);

  g_ptr_array_add (authors, na_name_new (family, given, NULL));
  na_essay_set_authors (essay, authors);
  na_essay_set_issued (essay, date);
  na_essay_set_title (essay, "A title");
  return essay;
}

/* "By Author" files people by family name: Zoe Adams before Arthur Chan; the same author's
 * essays newest first. */
static void
test_compare_by_author (void)
{
  g_autoptr(NaEssay) chan = essay_by ("Chan", "Arthur", 2013);
  g_autoptr(NaEssay) chan_later = essay_by ("Chan", "Arthur", 2020);
  g_autoptr(NaEssay) adams = essay_by ("Adams", "Zoe", 2001);
  g_autoptr(NaEssay) cuyper = essay_by ("de Cuyper", "Alexander", 2021);

  g_assert_cmpint (na_essay_compare_by_author (adams, chan), <, 0);
  g_assert_cmpint (na_essay_compare_by_author (chan, adams), >, 0);
  g_assert_cmpint (na_essay_compare_by_author (chan_later, chan), <, 0);
  g_assert_cmpint (na_essay_compare_by_author (chan, cuyper), <, 0);
  g_assert_cmpint (na_essay_compare_by_author (chan, chan), ==, 0);
}

static void
test_citation (void)
{
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  g_autoptr(NaDate) date = na_date_new (2020, 0, 0);
  g_autofree char *citation = NULL;

  g_ptr_array_add (authors, na_name_new ("Burton", "Joe", NULL));
  na_essay_set_authors (essay, authors);
  na_essay_set_title (essay, "Why Asia matters");
  na_essay_set_container_title (essay, "A Volume");
  na_essay_set_issued (essay, date);
  citation = na_essay_dup_citation (essay);
  g_assert_cmpstr (citation, ==, "Joe Burton (2020). “Why Asia matters.” In A Volume.");
}

/* A citation never doubles a title's own stop, and the title's double quotes, nested in the
 * citation's, become single ones. */
static void
test_citation_punctuation (void)
{
  static const struct
  {
    const char *title, *subtitle, *container, *publisher, *cited;
  } cases[] = {
    { "Is the “hub” model still \"useful\"?", NULL, NULL, NULL,
      "Ann Lee (2021). “Is the ‘hub’ model still ‘useful’?”" },
    { "Ports first!", NULL, NULL, NULL, "Ann Lee (2021). “Ports first!”" },
    { "Why \"partners\" matter", "A short note.", NULL, NULL,
      "Ann Lee (2021). “Why ‘partners’ matter: A short note.”" },
    { "Wait…", NULL, NULL, NULL, "Ann Lee (2021). “Wait…”" },
    /* The period goes inside a closing quote that ends the title, not inside an apostrophe. */
    { "Beyond the “pivot”", NULL, NULL, NULL, "Ann Lee (2021). “Beyond the ‘pivot.’”" },
    { "Beyond \"pivots?\"", NULL, NULL, NULL, "Ann Lee (2021). “Beyond ‘pivots?’”" },
    { "The members’", NULL, NULL, NULL, "Ann Lee (2021). “The members’.”" },
    { "(\"Hub\") and spokes", NULL, NULL, NULL, "Ann Lee (2021). “(‘Hub’) and spokes.”" },
    { "Harbours", NULL, "Which way now?", "Fixture Press Ltd.",
      "Ann Lee (2021). “Harbours.” In Which way now? Fixture Press Ltd." },
    { "Harbours", NULL, "Fixture Papers", "Fixture Press",
      "Ann Lee (2021). “Harbours.” In Fixture Papers. Fixture Press." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NaEssay) essay = na_essay_new ();
      g_autoptr(GPtrArray) authors =
        g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
      g_autoptr(NaDate) date = na_date_new (2021, 0, 0);
      g_autofree char *citation = NULL;

      g_ptr_array_add (authors, na_name_new ("Lee", "Ann", NULL));
      na_essay_set_authors (essay, authors);
      na_essay_set_issued (essay, date);
      na_essay_set_title (essay, cases[i].title);
      na_essay_set_subtitle (essay, cases[i].subtitle);
      na_essay_set_container_title (essay, cases[i].container);
      na_essay_set_publisher (essay, cases[i].publisher);
      citation = na_essay_dup_citation (essay);
      g_assert_cmpstr (citation, ==, cases[i].cited);
    }
}

/* Authors as PDFs' information dictionaries give them, as the essay form writes them. */
static void
test_names_form_text (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Smith, John", "John Smith" },
    { "de Cuyper, Alexander", "Alexander de Cuyper" },
    { "John Smith", "John Smith" },
    { "John Smith, Jane Doe", "John Smith; Jane Doe" },
    { "Smith, John; Doe, Jane", "John Smith; Jane Doe" },
    { "Smith, J. and Doe, K.", "J. Smith; K. Doe" },
    { "Anna Li & Bo Chen", "Anna Li; Bo Chen" },
    { "A. Lee, B. Park, C. Kim", "A. Lee; B. Park; C. Kim" },
    { "Jean Andrews AND Sam Dale", "Jean Andrews; Sam Dale" },
    { "Alexander, ", "Alexander" },
    { "  ;  , ", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = na_names_dup_form_text (cases[i].in);

      g_test_message ("%s", cases[i].in ? cases[i].in : "(null)");
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* A message naming a file keeps GIO's cause and drops GIO's repeat of the name. */
static void
test_error_reason (void)
{
  static const struct { const char *message, *name, *reason; } cases[] = {
    { "Error opening file /x.pdf: No such file or directory", "/x.pdf",
      "No such file or directory" },
    { "Error opening file “/out/a b.json”: Permission denied", "/out/a b.json",
      "Permission denied" },
    { "Failed to open file “/x.pdf”: Is a directory", "/x.pdf", "Is a directory" },
    /* Not about that file, or no cause after it: the whole message. */
    { "Error opening file /other.pdf: No such file or directory", "/x.pdf",
      "Error opening file /other.pdf: No such file or directory" },
    { "Failed to create file “/x.pdf.ABC123”: No space left on device", "/x.pdf",
      "Failed to create file “/x.pdf.ABC123”: No space left on device" },
    { "Error renaming /x.pdf to /y.pdf: Busy", "/x.pdf", "Error renaming /x.pdf to /y.pdf: Busy" },
    { "Unexpected end of /x.pdf:", "/x.pdf", "Unexpected end of /x.pdf:" },
    { "Operation not supported", NULL, "Operation not supported" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                     cases[i].message);

      g_assert_cmpstr (na_error_get_reason (error, cases[i].name), ==, cases[i].reason);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/essay/properties", test_essay_properties);
  g_test_add_func ("/model/util/error-reason", test_error_reason);
  g_test_add_func ("/model/names/form-text", test_names_form_text);
  g_test_add_func ("/model/essay/title-punctuation", test_title_punctuation);
  g_test_add_func ("/model/essay/citation", test_citation);
  g_test_add_func ("/model/essay/compare-by-author", test_compare_by_author);
  g_test_add_func ("/model/essay/citation-punctuation", test_citation_punctuation);
  g_test_add_func ("/model/enums", test_enums);
  g_test_add_func ("/model/dates", test_dates);
  g_test_add_func ("/model/dates/from-iso", test_dates_from_iso);
  g_test_add_func ("/model/essay/url-is-web", test_url_is_web);
  g_test_add_func ("/model/library/lookups", test_library_lookups);
  g_test_add_func ("/model/annotation/tags", test_annotation_tags);
  g_test_add_func ("/model/country/parse", test_country_parse);

  return g_test_run ();
}
