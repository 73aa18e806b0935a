/* comparison-fixture.h — a small library, written for the comparison and export tests, whose
 * positions, agreements and closeness are worked out by hand in test-comparison.c.
 *
 *          q1          q2                  q3                 q4
 *   e1     supports    supports + neutral  supports + opposes neutral
 *   e2     supports    mixed               —                  neutral
 *   e3     opposes     —                   —                  neutral
 *   e4     —           supports            —                  neutral
 */
#pragma once

#include "na-library.h"

static void
fixture_essay (NaLibrary  *library,
               const char *id,
               const char *family,
               const char *title,
               int         year)
{
  g_autoptr(NaEssay) essay = na_essay_new ();
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  g_autoptr(NaDate) date = na_date_new (year, 0, 0);

  na_essay_set_id (essay, id);
  na_essay_set_title (essay, title);
  g_ptr_array_add (authors, na_name_new (family, "Alex", NULL));
  na_essay_set_authors (essay, authors);
  na_essay_set_issued (essay, date);
  na_essay_set_container_title (essay, "Fixture Papers");
  g_assert_true (na_library_add_essay (library, essay));
}

static void
fixture_question (NaLibrary  *library,
                  const char *id,
                  const char *title)
{
  g_autoptr(NaQuestion) question = na_question_new ();

  na_question_set_id (question, id);
  na_question_set_title (question, title);
  g_assert_true (na_library_add_question (library, question));
}

static void
fixture_argument (NaLibrary  *library,
                  const char *id,
                  const char *essay,
                  const char *question,
                  NaStance    stance,
                  const char *claim,
                  const char *country,
                  int         page)
{
  g_autoptr(NaArgument) argument = na_argument_new ();
  g_autoptr(NaAnchor) anchor = na_anchor_new ();
  const char *countries[] = { country, NULL };
  g_autofree char *quote = g_strdup_printf ("quoted words for %s", id);

  na_argument_set_id (argument, id);
  na_argument_set_essay_id (argument, essay);
  na_argument_set_question_id (argument, question);
  na_argument_set_stance (argument, stance);
  na_argument_set_claim (argument, claim);
  na_argument_set_grounds (argument, "Because the fixture says so, with \"quotes\", commas.");
  na_argument_set_countries (argument, country ? countries : NULL);
  na_anchor_set_exact (anchor, quote);
  if (page > 0)
    na_anchor_set_page (anchor, page);
  na_argument_set_anchor (argument, anchor);
  g_assert_true (na_library_add_argument (library, argument));
}

static void
fixture_recommendation (NaLibrary  *library,
                        const char *id,
                        const char *essay,
                        NaActor     actor,
                        const char *question,
                        const char *country,
                        const char *action)
{
  g_autoptr(NaRecommendation) rec = na_recommendation_new ();
  g_autoptr(NaAnchor) anchor = na_anchor_new ();
  const char *countries[] = { country, NULL };

  na_recommendation_set_id (rec, id);
  na_recommendation_set_essay_id (rec, essay);
  na_recommendation_set_actor (rec, actor);
  na_recommendation_set_question_id (rec, question);
  na_recommendation_set_countries (rec, country ? countries : NULL);
  na_recommendation_set_action (rec, action);
  na_anchor_set_exact (anchor, "recommended words");
  na_recommendation_set_anchor (rec, anchor);
  g_assert_true (na_library_add_recommendation (library, rec));
}

static void
fixture_country (NaLibrary  *library,
                 const char *code,
                 const char *name)
{
  g_autoptr(NaCountry) country = na_country_new ();

  na_country_set_code (country, code);
  na_country_set_name (country, name);
  g_assert_true (na_library_add_country (library, country));
}

/* @hostile: put markup, pipes, quotes, commas and line breaks into the user-visible strings. */
static NaLibrary *
fixture_library (gboolean hostile)
{
  NaLibrary *library = na_library_new ();

  na_library_set_title (library, "Fixture library");
  fixture_country (library, "JPN", "Japan");
  fixture_country (library, "AUS", "Australia");
  fixture_country (library, "KOR", "South Korea");
  fixture_essay (library, "e1", "Alpha", hostile ? "Alpha <b>bold</b> & \"co\", | one\nline two?"
                                                 : "Alpha on the Pacific", 2019);
  fixture_essay (library, "e2", "Bravo", "Bravo on partners", 2020);
  fixture_essay (library, "e3", "Charlie", "Charlie against", 2021);
  fixture_essay (library, "e4", "Delta", "Delta later", 2022);
  fixture_question (library, "q1", hostile ? "Should <i>NATO</i> | go, \"east\"?"
                                           : "Should NATO go east?");
  fixture_question (library, "q2", "Should partners be closer?");
  fixture_question (library, "q3", "Should NATO deter China?");
  fixture_question (library, "q4", "Is the region stable?");

  fixture_argument (library, "e1-a1", "e1", "q1", NA_STANCE_SUPPORTS,
                    hostile ? "Claim with <script>alert(1)</script>, a | pipe and \"quotes\"\n"
                              "over two lines" : "Alpha says go east.", "JPN", 3);
  fixture_argument (library, "e1-a2", "e1", "q2", NA_STANCE_SUPPORTS, "Alpha: closer.", "JPN", 0);
  fixture_argument (library, "e1-a3", "e1", "q2", NA_STANCE_NEUTRAL, "Alpha: it depends.", NULL, 0);
  fixture_argument (library, "e1-a4", "e1", "q3", NA_STANCE_SUPPORTS, "Alpha: deter.", NULL, 0);
  fixture_argument (library, "e1-a5", "e1", "q3", NA_STANCE_OPPOSES, "Alpha: do not.", NULL, 0);
  fixture_argument (library, "e1-a6", "e1", "q4", NA_STANCE_NEUTRAL, "Alpha: unclear.", NULL, 0);
  fixture_argument (library, "e2-a1", "e2", "q1", NA_STANCE_SUPPORTS, "Bravo says go.", "AUS", 7);
  fixture_argument (library, "e2-a2", "e2", "q2", NA_STANCE_MIXED, "Bravo: partly.", "KOR", 0);
  fixture_argument (library, "e2-a3", "e2", "q4", NA_STANCE_NEUTRAL, "Bravo: unclear.", NULL, 0);
  fixture_argument (library, "e3-a1", "e3", "q1", NA_STANCE_OPPOSES, "Charlie says stay.", "JPN",
                    0);
  fixture_argument (library, "e3-a2", "e3", "q4", NA_STANCE_NEUTRAL, "Charlie: unclear.", NULL, 0);
  fixture_argument (library, "e4-a1", "e4", "q2", NA_STANCE_SUPPORTS, "Delta: closer.", NULL, 0);
  fixture_argument (library, "e4-a2", "e4", "q4", NA_STANCE_NEUTRAL, "Delta: unclear.", NULL, 0);

  fixture_recommendation (library, "e1-r1", "e1", NA_ACTOR_NATO, "q1", "JPN",
                          hostile ? "Hold talks | now, \"soon\" <em>please</em>"
                                  : "Hold talks with Japan.");
  fixture_recommendation (library, "e2-r1", "e2", NA_ACTOR_PARTNERS, NULL, "AUS",
                          "Partners should ask for a forum.");
  fixture_recommendation (library, "e3-r1", "e3", NA_ACTOR_NATO, "q2", NULL, "Stay home.");
  fixture_recommendation (library, "e1-r2", "e1", NA_ACTOR_NATO, "q3", "KOR", "Deter, carefully.");
  return library;
}
