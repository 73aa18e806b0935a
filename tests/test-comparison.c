/* test-comparison.c — NaComparison on a hand-made library (comparison-fixture.h) whose
 * positions, agreement and closeness are worked out by hand, and on the bundled library. */
#include "config.h"

#include <glib/gstdio.h>

#include "na-comparison.h"
#include "na-merged-library.h"
#include "na-user-analysis.h"
#include "comparison-fixture.h"

static const NaComparisonPair *
find_pair (NaComparison *cmp,
           guint         a,
           guint         b)
{
  guint n;
  const NaComparisonPair *pairs = na_comparison_get_pairs (cmp, &n);

  for (guint i = 0; i < n; i++)
    if (pairs[i].essay_a == a && pairs[i].essay_b == b)
      return &pairs[i];
  g_assert_not_reached ();
}

static void
test_positions_and_counts (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(NaComparison) cmp = na_comparison_new (library, NULL, NULL, &error);
  g_autoptr(GListModel) cell = NULL;
  NaArgument * const *args;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 4);
  g_assert_cmpuint (na_comparison_get_n_questions (cmp), ==, 4);

  /* Supports beside neutral stays supports; supports beside opposes is mixed. */
  g_assert_cmpint (na_comparison_get_position (cmp, 0, 0), ==, NA_POSITION_SUPPORTS);
  g_assert_cmpint (na_comparison_get_position (cmp, 0, 1), ==, NA_POSITION_SUPPORTS);
  g_assert_cmpint (na_comparison_get_position (cmp, 0, 2), ==, NA_POSITION_MIXED);
  g_assert_cmpint (na_comparison_get_position (cmp, 1, 1), ==, NA_POSITION_MIXED);
  g_assert_cmpint (na_comparison_get_position (cmp, 2, 0), ==, NA_POSITION_OPPOSES);
  g_assert_cmpint (na_comparison_get_position (cmp, 3, 0), ==, NA_POSITION_SILENT);
  g_assert_cmpint (na_comparison_get_position (cmp, 3, 3), ==, NA_POSITION_NEUTRAL);

  args = na_comparison_get_arguments (cmp, 0, 1, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (na_argument_get_id (args[0]), ==, "e1-a2");
  g_assert_cmpstr (na_argument_get_id (args[1]), ==, "e1-a3");
  na_comparison_get_arguments (cmp, 2, 1, &n);
  g_assert_cmpuint (n, ==, 0);
  cell = na_comparison_dup_arguments (cmp, 0, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cell), ==, 2);

  /* q1: two support, one opposes, one silent. */
  g_assert_cmpuint (na_comparison_get_count (cmp, 0, NA_POSITION_SUPPORTS), ==, 2);
  g_assert_cmpuint (na_comparison_get_count (cmp, 0, NA_POSITION_OPPOSES), ==, 1);
  g_assert_cmpuint (na_comparison_get_count (cmp, 0, NA_POSITION_MIXED), ==, 0);
  g_assert_cmpuint (na_comparison_get_count (cmp, 0, NA_POSITION_SILENT), ==, 1);
  /* q2: two support, one mixed, one silent. */
  g_assert_cmpuint (na_comparison_get_count (cmp, 1, NA_POSITION_SUPPORTS), ==, 2);
  g_assert_cmpuint (na_comparison_get_count (cmp, 1, NA_POSITION_MIXED), ==, 1);
  g_assert_cmpuint (na_comparison_get_count (cmp, 1, NA_POSITION_SILENT), ==, 1);
  /* q4: all neutral. */
  g_assert_cmpuint (na_comparison_get_count (cmp, 3, NA_POSITION_NEUTRAL), ==, 4);
  g_assert_cmpuint (na_comparison_get_count (cmp, 3, NA_POSITION_SILENT), ==, 0);
}

static void
test_agreement_and_filter (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autoptr(NaComparison) cmp = na_comparison_new (library, NULL, NULL, NULL);
  g_autoptr(NaComparison) sub = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) sub_rows = NULL;
  const char *essays[] = { "e1", "e2", NULL };

  g_assert_cmpint (na_comparison_get_agreement (cmp, 0), ==, NA_AGREEMENT_DISSENT);
  g_assert_cmpint (na_comparison_get_agreement (cmp, 1), ==, NA_AGREEMENT_CONSENSUS);
  g_assert_cmpint (na_comparison_get_agreement (cmp, 2), ==, NA_AGREEMENT_INSUFFICIENT);
  g_assert_cmpint (na_comparison_get_agreement (cmp, 3), ==, NA_AGREEMENT_INSUFFICIENT);
  g_assert_cmpuint (na_comparison_get_n_disagreements (cmp), ==, 1);

  all = na_comparison_dup_question_rows (cmp, FALSE);
  g_assert_cmpuint (all->len, ==, 4);
  rows = na_comparison_dup_question_rows (cmp, TRUE);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (g_array_index (rows, guint, 0), ==, 0);

  /* Without the opposing essay, q1 is a consensus and nothing is in dissent. */
  sub = na_comparison_new (library, essays, NULL, NULL);
  g_assert_cmpint (na_comparison_get_agreement (sub, 0), ==, NA_AGREEMENT_CONSENSUS);
  sub_rows = na_comparison_dup_question_rows (sub, TRUE);
  g_assert_cmpuint (sub_rows->len, ==, 0);
}

static void
test_closeness (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autoptr(NaComparison) cmp = na_comparison_new (library, NULL, NULL, NULL);
  const NaComparisonPair *p;
  guint n;

  na_comparison_get_pairs (cmp, &n);
  g_assert_cmpuint (n, ==, 6);

  p = find_pair (cmp, 0, 1);   /* e1, e2: q1 same, q2 supports/mixed, q4 same */
  g_assert_cmpuint (p->n_shared, ==, 3);
  g_assert_cmpuint (p->n_same, ==, 2);
  g_assert_cmpuint (p->n_opposite, ==, 0);
  g_assert_cmpfloat_with_epsilon (na_comparison_pair_get_closeness (p), 2.0 / 3, 1e-9);
  p = find_pair (cmp, 0, 2);   /* e1, e3: q1 opposite, q4 same */
  g_assert_cmpuint (p->n_shared, ==, 2);
  g_assert_cmpuint (p->n_same, ==, 1);
  g_assert_cmpuint (p->n_opposite, ==, 1);
  p = find_pair (cmp, 0, 3);   /* e1, e4: q2 and q4 same */
  g_assert_cmpuint (p->n_shared, ==, 2);
  g_assert_cmpfloat (na_comparison_pair_get_closeness (p), ==, 1.0);
  p = find_pair (cmp, 2, 3);   /* e3, e4: only q4 */
  g_assert_cmpuint (p->n_shared, ==, 1);
  g_assert_cmpuint (p->n_same, ==, 1);

  /* e3/e4 agree on their one shared question, but a pair sharing two wins. */
  p = na_comparison_get_most_aligned (cmp);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->essay_a, ==, 0);
  g_assert_cmpuint (p->essay_b, ==, 3);
  /* e1/e3 and e2/e3 both oppose on one of two; the first in order is named. */
  p = na_comparison_get_most_opposed (cmp);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->essay_a, ==, 0);
  g_assert_cmpuint (p->essay_b, ==, 2);
  g_assert_cmpfloat (na_comparison_pair_get_opposition (p), ==, 0.5);
}

static void
test_no_opposition (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  const char *essays[] = { "e1", "e4", NULL };
  g_autoptr(NaComparison) cmp = na_comparison_new (library, essays, NULL, NULL);

  g_assert_null (na_comparison_get_most_opposed (cmp));
  g_assert_nonnull (na_comparison_get_most_aligned (cmp));
}

static guint
n_recs (NaComparison *cmp,
        NaActor       actor)
{
  return g_list_model_get_n_items (na_comparison_get_recommendations (cmp, actor));
}

static void
test_recommendations_and_countries (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autoptr(NaComparison) cmp = na_comparison_new (library, NULL, NULL, NULL);
  g_autoptr(NaComparison) sub = NULL;
  const char *essays[] = { "e2", "e1", NULL };
  const char *questions[] = { "q1", "q2", NULL };
  g_autoptr(NaCountry) first = NULL;
  g_autoptr(NaCountry) second = NULL;
  g_autoptr(NaRecommendation) rec = NULL;
  GListModel *countries;

  g_assert_cmpuint (n_recs (cmp, NA_ACTOR_NATO), ==, 3);
  g_assert_cmpuint (n_recs (cmp, NA_ACTOR_PARTNERS), ==, 1);
  g_assert_cmpuint (n_recs (cmp, NA_ACTOR_EU), ==, 0);

  countries = na_comparison_get_countries (cmp);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 3);
  first = g_list_model_get_item (countries, 0);
  second = g_list_model_get_item (countries, 1);
  g_assert_cmpstr (na_country_get_code (first), ==, "JPN");
  g_assert_cmpuint (na_comparison_get_country_mentions (cmp, "JPN"), ==, 4);
  g_assert_cmpstr (na_country_get_code (second), ==, "AUS");   /* ties by name */
  g_assert_cmpuint (na_comparison_get_country_mentions (cmp, "KOR"), ==, 2);

  /* Essays in the order given; recommendations of other essays or questions left out, those
   * tied to no question kept. */
  sub = na_comparison_new (library, essays, questions, NULL);
  g_assert_cmpstr (na_essay_get_id (na_comparison_get_essay (sub, 0)), ==, "e2");
  g_assert_cmpuint (n_recs (sub, NA_ACTOR_NATO), ==, 1);
  rec = g_list_model_get_item (na_comparison_get_recommendations (sub, NA_ACTOR_NATO), 0);
  g_assert_cmpstr (na_recommendation_get_id (rec), ==, "e1-r1");
  g_assert_cmpuint (n_recs (sub, NA_ACTOR_PARTNERS), ==, 1);
  g_assert_cmpuint (na_comparison_get_country_mentions (sub, "KOR"), ==, 1);
}

/* The export dialog offers notes only when the comparison would show one of them. */
static void
test_has_notes (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  const char *essays[] = { "e2", "e1", NULL };
  const char *questions[] = { "q1", "q2", NULL };
  g_autoptr(NaComparison) sub = na_comparison_new (library, essays, questions, NULL);
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_false (na_comparison_has_notes (sub, NULL));
  g_assert_false (na_comparison_has_notes (sub, notes));
  /* On an essay, an argument and a question that are not compared. */
  g_hash_table_insert (notes, "e3", "about Charlie");
  g_hash_table_insert (notes, "e3-a1", "Charlie's claim");
  g_hash_table_insert (notes, "q4", "a question left out");
  g_hash_table_insert (notes, "e1-a1", "");   /* empty: no note */
  g_assert_false (na_comparison_has_notes (sub, notes));

  g_hash_table_insert (notes, "e1-a1", "on a compared argument");
  g_assert_true (na_comparison_has_notes (sub, notes));
  g_hash_table_remove (notes, "e1-a1");
  g_hash_table_insert (notes, "e1-r1", "on a compared recommendation");
  g_assert_true (na_comparison_has_notes (sub, notes));
  g_hash_table_remove (notes, "e1-r1");
  g_hash_table_insert (notes, "q2", "on a compared question");
  g_assert_true (na_comparison_has_notes (sub, notes));
  g_hash_table_remove (notes, "q2");
  g_hash_table_insert (notes, "e2", "highlights in a compared essay");
  g_assert_true (na_comparison_has_notes (sub, notes));
}

static void
test_unknown_ids (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autoptr(GError) error = NULL;
  const char *essays[] = { "e1", "nope", NULL };
  const char *questions[] = { "q9", NULL };
  NaComparison *cmp;

  cmp = na_comparison_new (library, essays, NULL, &error);
  g_assert_null (cmp);
  g_assert_error (error, NA_COMPARISON_ERROR, NA_COMPARISON_ERROR_UNKNOWN_ESSAY);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  cmp = na_comparison_new (library, NULL, questions, &error);
  g_assert_null (cmp);
  g_assert_error (error, NA_COMPARISON_ERROR, NA_COMPARISON_ERROR_UNKNOWN_QUESTION);
  g_assert_nonnull (strstr (error->message, "q9"));
}

static void
test_empty_selection (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  const char *none[] = { NULL };
  g_autoptr(NaComparison) cmp = na_comparison_new (library, none, none, NULL);
  guint n;

  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 0);
  na_comparison_get_pairs (cmp, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (na_comparison_get_most_aligned (cmp));
}

/* More questions than fit the 64-bit masks: the general path must agree. */
static void
test_many_questions (void)
{
  g_autoptr(NaLibrary) library = na_library_new ();
  g_autoptr(NaComparison) cmp = NULL;
  const NaComparisonPair *pairs, *p;
  guint n;

  fixture_essay (library, "a", "A", "A", 2001);
  fixture_essay (library, "b", "B", "B", 2002);
  fixture_essay (library, "c", "C", "C", 2003);
  for (guint q = 0; q < 70; q++)
    {
      g_autofree char *qid = g_strdup_printf ("q%u", q);
      g_autofree char *a = g_strdup_printf ("a-%u", q);
      g_autofree char *b = g_strdup_printf ("b-%u", q);
      g_autofree char *c = g_strdup_printf ("c-%u", q);

      fixture_question (library, qid, qid);
      fixture_argument (library, a, "a", qid, NA_STANCE_SUPPORTS, "yes", NULL, 0);
      if (q % 2 == 0)
        fixture_argument (library, b, "b", qid, NA_STANCE_SUPPORTS, "yes", NULL, 0);
      fixture_argument (library, c, "c", qid, NA_STANCE_OPPOSES, "no", NULL, 0);
    }
  cmp = na_comparison_new (library, NULL, NULL, NULL);
  pairs = na_comparison_get_pairs (cmp, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (pairs[0].n_shared, ==, 35);   /* a, b */
  g_assert_cmpuint (pairs[0].n_same, ==, 35);
  g_assert_cmpuint (pairs[1].n_shared, ==, 70);   /* a, c */
  g_assert_cmpuint (pairs[1].n_opposite, ==, 70);
  p = na_comparison_get_most_aligned (cmp);
  g_assert_cmpuint (p->essay_a, ==, 0);
  g_assert_cmpuint (p->essay_b, ==, 1);
  p = na_comparison_get_most_opposed (cmp);
  g_assert_cmpuint (p->essay_a, ==, 0);   /* a/c and b/c oppose always; a/c shares more */
  g_assert_cmpuint (p->essay_b, ==, 2);
  g_assert_cmpuint (na_comparison_get_n_disagreements (cmp), ==, 70);
}

static void
test_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_bundled (&error);
  g_autoptr(NaComparison) cmp = NULL;
  g_autoptr(GArray) dissent = NULL;
  guint n_pairs, n_args = 0;

  g_assert_no_error (error);
  cmp = na_comparison_new (library, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 18);
  g_assert_cmpuint (na_comparison_get_n_questions (cmp), ==, 12);
  na_comparison_get_pairs (cmp, &n_pairs);
  g_assert_cmpuint (n_pairs, ==, 18 * 17 / 2);

  for (guint q = 0; q < 12; q++)
    {
      guint sum = 0;

      for (NaPosition p = 0; p < NA_N_POSITIONS; p++)
        sum += na_comparison_get_count (cmp, q, p);
      g_assert_cmpuint (sum, ==, 18);
      for (guint e = 0; e < 18; e++)
        {
          guint n;

          na_comparison_get_arguments (cmp, e, q, &n);
          n_args += n;
        }
    }
  /* Every argument lands in exactly one cell. */
  g_assert_cmpuint (n_args, ==, g_list_model_get_n_items (na_library_get_arguments (library)));

  dissent = na_comparison_dup_question_rows (cmp, TRUE);
  g_assert_cmpuint (dissent->len, >, 0);
  g_assert_cmpuint (dissent->len, <, 12);
}

static NaAnnotation *
own_argument (const char *essay,
              const char *question,
              NaStance    stance,
              const char *claim,
              const char *note)
{
  NaAnnotation *a = na_annotation_new (NA_ANNOTATION_ARGUMENT);

  na_annotation_set_essay_id (a, essay);
  na_annotation_set_question_id (a, question);
  na_annotation_set_stance (a, stance);
  na_annotation_set_claim (a, claim);
  na_annotation_set_quote (a, "words the user marked");
  na_annotation_set_range (a, 10, 31);
  na_annotation_set_note (a, note);
  return a;
}

/* The user's own arguments and recommendations, their own essays and their edits of the
 * bundled analysis change positions, agreement and closeness; the original stays as it was. */
static void
test_user_analysis (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("natoasia-user-analysis-XXXXXX", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaAnnotation) on_e3 = own_argument ("e3", "q2", NA_STANCE_SUPPORTS,
                                                "Charlie, read closely, wants partners closer.",
                                                "My <note>, with \"quotes\"");
  g_autoptr(NaAnnotation) no_question = own_argument ("e4", NULL, NA_STANCE_OPPOSES,
                                                      "Not about any question.", NULL);
  g_autoptr(NaAnnotation) edit = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  g_autoptr(NaAnnotation) rec = na_annotation_new (NA_ANNOTATION_RECOMMENDATION);
  g_autoptr(NaAnnotation) highlight = na_annotation_new (NA_ANNOTATION_HIGHLIGHT);
  g_autoptr(NaAnnotation) highlight2 = na_annotation_new (NA_ANNOTATION_HIGHLIGHT);
  g_autoptr(NaEssay) own = na_essay_new ();
  g_autoptr(NaAnnotation) on_own = NULL;
  g_autoptr(NaLibrary) merged = NULL;
  g_autoptr(NaComparison) cmp = NULL;
  g_autoptr(NaComparison) before = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GListModel) nato = NULL;
  NaArgument * const *args;
  const char *own_id, *on_e3_id, *rec_id;
  guint n;

  na_annotation_set_page (on_e3, 2);
  on_e3_id = na_user_store_add_annotation (store, on_e3);
  na_user_store_add_annotation (store, no_question);

  /* The user's version of e1's "do not deter": now it supports, so e1 is no longer mixed. */
  na_annotation_set_id (edit, "e1-a5");
  na_annotation_set_essay_id (edit, "e1");
  na_annotation_set_question_id (edit, "q3");
  na_annotation_set_stance (edit, NA_STANCE_SUPPORTS);
  na_annotation_set_claim (edit, "Alpha deters after all.");
  na_annotation_set_note (edit, "Reread p. 4");
  na_user_store_set_override (store, edit);

  na_annotation_set_essay_id (rec, "e4");
  na_annotation_set_actor (rec, NA_ACTOR_NATO);
  na_annotation_set_action (rec, "Open a liaison office.");
  rec_id = na_user_store_add_annotation (store, rec);

  na_annotation_set_essay_id (highlight, "e2");
  na_annotation_set_quote (highlight, "second passage");
  na_annotation_set_range (highlight, 50, 64);
  na_annotation_set_note (highlight, "later one");
  na_user_store_add_annotation (store, highlight);
  na_annotation_set_essay_id (highlight2, "e2");
  na_annotation_set_quote (highlight2, "first passage");
  na_annotation_set_range (highlight2, 5, 18);
  na_annotation_set_note (highlight2, "earlier one");
  na_user_store_add_annotation (store, highlight2);

  na_essay_set_title (own, "My own essay");
  own_id = na_user_store_add_essay (store, own);
  on_own = own_argument (own_id, "q1", NA_STANCE_OPPOSES, "Mine says stay.", NULL);
  na_user_store_add_annotation (store, on_own);

  merged = na_user_analysis_merge (library, store);
  cmp = na_comparison_new (merged, NULL, NULL, NULL);
  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 5);

  /* e3 was silent on q2; now it supports with the user's claim, under its annotation id. */
  g_assert_cmpint (na_comparison_get_position (cmp, 2, 1), ==, NA_POSITION_SUPPORTS);
  args = na_comparison_get_arguments (cmp, 2, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (na_argument_get_id (args[0]), ==, on_e3_id);
  g_assert_cmpstr (na_anchor_get_exact (na_argument_get_anchor (args[0])), ==,
                   "words the user marked");
  /* Marked in the PDF's third page (counted from 0): "p. 3" like the bundled anchors. */
  g_assert_cmpint (na_anchor_get_page (na_argument_get_anchor (args[0])), ==, 3);
  /* e1 on q3: the edited argument replaces the bundled one. */
  g_assert_cmpint (na_comparison_get_position (cmp, 0, 2), ==, NA_POSITION_SUPPORTS);
  args = na_comparison_get_arguments (cmp, 0, 2, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (na_argument_get_claim (args[1]), ==, "Alpha deters after all.");
  g_assert_cmpstr (na_argument_get_grounds (args[1]), !=, NULL);
  /* The user's essay takes part, opposing on q1: three support or oppose now. */
  g_assert_cmpint (na_comparison_get_position (cmp, 4, 0), ==, NA_POSITION_OPPOSES);
  g_assert_cmpuint (na_comparison_get_count (cmp, 0, NA_POSITION_OPPOSES), ==, 2);
  /* An argument with no question is not comparable, and is left out. */
  g_assert_cmpint (na_comparison_get_position (cmp, 3, 3), ==, NA_POSITION_NEUTRAL);
  g_assert_cmpuint (g_list_model_get_n_items (na_library_get_arguments (merged)), ==,
                    g_list_model_get_n_items (na_library_get_arguments (library)) + 2);
  /* The user's recommendation is listed with NATO's. */
  nato = g_object_ref (na_comparison_get_recommendations (cmp, NA_ACTOR_NATO));
  n = g_list_model_get_n_items (nato);
  g_assert_cmpuint (n, ==, 4);
  g_assert_nonnull (na_library_lookup_recommendation (merged, rec_id));

  /* The original library is not touched. */
  before = na_comparison_new (library, NULL, NULL, NULL);
  g_assert_cmpuint (na_comparison_get_n_essays (before), ==, 4);
  g_assert_cmpint (na_comparison_get_position (before, 0, 2), ==, NA_POSITION_MIXED);
  g_assert_cmpint (na_comparison_get_position (before, 2, 1), ==, NA_POSITION_SILENT);

  /* Notes: per item, and the essay's highlights in text order, quote first. */
  notes = na_user_analysis_dup_notes (merged, store);
  g_assert_cmpstr (g_hash_table_lookup (notes, on_e3_id), ==, "My <note>, with \"quotes\"");
  g_assert_cmpstr (g_hash_table_lookup (notes, "e1-a5"), ==, "Reread p. 4");
  g_assert_cmpstr (g_hash_table_lookup (notes, "e2"), ==,
                   "“first passage” — earlier one\n\n“second passage” — later one");
  g_assert_null (g_hash_table_lookup (notes, "e1"));

  /* A deleted essay's arguments stay in the store (for undo) but leave the comparison. */
  g_assert_true (na_user_store_remove_essay (store, own_id));
  g_clear_object (&merged);
  g_clear_object (&cmp);
  merged = na_user_analysis_merge (library, store);
  cmp = na_comparison_new (merged, NULL, NULL, NULL);
  g_assert_cmpuint (na_comparison_get_n_essays (cmp), ==, 4);
  g_assert_cmpuint (na_comparison_get_count (cmp, 0, NA_POSITION_OPPOSES), ==, 1);

  na_user_store_close (store);
  g_remove (na_user_store_get_path (store));
  g_rmdir (dir);
}

/* The command line reads the user's file without ever moving or rewriting it. */
static void
test_read_only_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("natoasia-read-only-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "annotations.json", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  g_assert_false (na_user_store_load_read_only (store, &error));
  g_assert_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN);
  g_assert_nonnull (strstr (error->message, path));
  na_user_store_close (store);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "{ not json");
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  g_remove (path);
  g_rmdir (dir);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* NaMergedLibrary keeps the merge current: at once when the library or the store is replaced,
 * once per burst of edits otherwise. */
static void
test_merged_library (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("natoasia-merged-XXXXXX", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaMergedLibrary) merged = na_merged_library_new ();
  g_autoptr(NaEssay) own = na_essay_new ();
  g_autoptr(NaAnnotation) a = own_argument ("e3", "q2", NA_STANCE_SUPPORTS, "A claim.", NULL);
  g_autoptr(NaAnnotation) b = own_argument ("e4", "q1", NA_STANCE_OPPOSES, "Another.", NULL);
  NaLibrary *before;
  guint n_notify = 0;

  g_signal_connect_swapped (merged, "notify::merged", G_CALLBACK (count_notify), &n_notify);
  g_assert_null (na_merged_library_get_merged (merged));
  na_merged_library_set_library (merged, library);
  g_assert_true (na_merged_library_get_merged (merged) == library);
  g_assert_cmpuint (n_notify, ==, 1);

  na_essay_set_title (own, "Mine");
  na_user_store_add_essay (store, own);
  na_merged_library_set_user_store (merged, store);
  g_assert_cmpuint (n_notify, ==, 2);
  before = na_merged_library_get_merged (merged);
  g_assert_true (before != library);
  g_assert_cmpuint (g_list_model_get_n_items (na_library_get_essays (before)), ==, 5);

  /* Two edits in a row: one new merge, after the main loop turns. */
  na_user_store_add_annotation (store, a);
  na_user_store_add_annotation (store, b);
  g_assert_true (na_merged_library_get_merged (merged) == before);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_notify, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (na_library_get_arguments (
                      na_merged_library_get_merged (merged))), ==,
                    g_list_model_get_n_items (na_library_get_arguments (library)) + 2);

  /* Without the store, the library itself again. */
  na_merged_library_set_user_store (merged, NULL);
  g_assert_true (na_merged_library_get_merged (merged) == library);
  na_user_store_close (store);
  g_remove (na_user_store_get_path (store));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comparison/positions-and-counts", test_positions_and_counts);
  g_test_add_func ("/comparison/agreement-and-filter", test_agreement_and_filter);
  g_test_add_func ("/comparison/closeness", test_closeness);
  g_test_add_func ("/comparison/no-opposition", test_no_opposition);
  g_test_add_func ("/comparison/recommendations-and-countries", test_recommendations_and_countries);
  g_test_add_func ("/comparison/has-notes", test_has_notes);
  g_test_add_func ("/comparison/unknown-ids", test_unknown_ids);
  g_test_add_func ("/comparison/empty-selection", test_empty_selection);
  g_test_add_func ("/comparison/many-questions", test_many_questions);
  g_test_add_func ("/comparison/bundled", test_bundled);
  g_test_add_func ("/comparison/user-analysis", test_user_analysis);
  g_test_add_func ("/comparison/read-only-store", test_read_only_store);
  g_test_add_func ("/comparison/merged-library", test_merged_library);

  return g_test_run ();
}
