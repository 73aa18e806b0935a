/* na-export-json.c — a comparison summary as JSON, in the schema of docs/comparison-format.md
 *
 * Keys and enumerated values are stable identifiers; labels for people are given beside them
 * where a reader would otherwise need our translations. Notes appear only when given.
 */
#define G_LOG_DOMAIN "na-export"

#include "config.h"

#include <json-glib/json-glib.h>

#include "na-export-private.h"

#define NA_COMPARISON_FORMAT "org.example.NatoAsia.comparison"
#define NA_COMPARISON_VERSION 1

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
add_note (NaExport    *export,
          JsonBuilder *b,
          const char  *id)
{
  const char *note = _na_export_note (export, id);

  if (note != NULL)
    add_string (b, "note", note);
}

static void
add_strv (JsonBuilder        *b,
          const char         *key,
          const char * const *values)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

/* "page" when known, "quote" when the anchor has one. */
static void
add_anchor (JsonBuilder *b,
            NaAnchor    *anchor)
{
  if (anchor == NULL)
    return;
  if (na_anchor_get_page (anchor) > 0)
    add_int (b, "page", na_anchor_get_page (anchor));
  if (na_anchor_get_exact (anchor) != NULL)
    add_string (b, "quote", na_anchor_get_exact (anchor));
}

static void
json_essays (NaExport    *export,
             JsonBuilder *b)
{
  NaComparison *cmp = export->comparison;

  json_builder_set_member_name (b, "essays");
  json_builder_begin_array (b);
  for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
    {
      NaEssay *essay = na_comparison_get_essay (cmp, e);
      g_autofree char *citation = na_essay_dup_citation (essay);
      g_autofree char *authors = na_essay_dup_authors_display (essay);

      json_builder_begin_object (b);
      add_string (b, "id", na_essay_get_id (essay));
      add_string (b, "title", na_essay_get_title (essay));
      add_string (b, "authors", authors);
      json_builder_set_member_name (b, "year");
      if (na_essay_get_year (essay) > 0)
        json_builder_add_int_value (b, na_essay_get_year (essay));
      else
        json_builder_add_null_value (b);
      add_string (b, "citation", citation);
      add_note (export, b, na_essay_get_id (essay));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_question (NaExport    *export,
               JsonBuilder *b,
               guint        q)
{
  NaComparison *cmp = export->comparison;
  NaQuestion *question = na_comparison_get_question (cmp, q);
  NaAgreement agreement = na_comparison_get_agreement (cmp, q);

  json_builder_begin_object (b);
  add_string (b, "id", na_question_get_id (question));
  add_string (b, "title", na_question_get_title (question));
  add_note (export, b, na_question_get_id (question));
  add_string (b, "agreement", na_agreement_to_nick (agreement));
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  for (NaPosition p = 0; p < NA_N_POSITIONS; p++)
    add_int (b, na_position_to_nick (p), na_comparison_get_count (cmp, q, p));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "positions");
  json_builder_begin_array (b);
  for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
    {
      guint n;
      NaArgument * const *args = na_comparison_get_arguments (cmp, e, q, &n);

      json_builder_begin_object (b);
      add_string (b, "essay", na_essay_get_id (na_comparison_get_essay (cmp, e)));
      add_string (b, "position", na_position_to_nick (na_comparison_get_position (cmp, e, q)));
      json_builder_set_member_name (b, "arguments");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          json_builder_begin_object (b);
          add_string (b, "id", na_argument_get_id (args[i]));
          add_string (b, "stance",
                      na_position_to_nick ((NaPosition) na_argument_get_stance (args[i])));
          add_string (b, "claim", na_argument_get_claim (args[i]));
          add_string (b, "grounds", na_argument_get_grounds (args[i]));
          add_anchor (b, na_argument_get_anchor (args[i]));
          add_strv (b, "countries", na_argument_get_countries (args[i]));
          add_note (export, b, na_argument_get_id (args[i]));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_pair (NaExport               *export,
          JsonBuilder            *b,
          const NaComparisonPair *pair)
{
  NaComparison *cmp = export->comparison;

  if (pair == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "essays");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, na_essay_get_id (na_comparison_get_essay (cmp, pair->essay_a)));
  json_builder_add_string_value (b, na_essay_get_id (na_comparison_get_essay (cmp, pair->essay_b)));
  json_builder_end_array (b);
  add_int (b, "shared", pair->n_shared);
  add_int (b, "same", pair->n_same);
  add_int (b, "opposite", pair->n_opposite);
  json_builder_set_member_name (b, "closeness");
  json_builder_add_double_value (b, na_comparison_pair_get_closeness (pair));
  json_builder_end_object (b);
}

static void
json_closeness (NaExport    *export,
                JsonBuilder *b)
{
  json_builder_set_member_name (b, "closeness");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "most-aligned");
  add_pair (export, b, na_comparison_get_most_aligned (export->comparison));
  json_builder_set_member_name (b, "most-opposed");
  add_pair (export, b, na_comparison_get_most_opposed (export->comparison));
  json_builder_set_member_name (b, "pairs");
  json_builder_begin_array (b);
  for (guint i = 0; i < export->ranked_pairs->len; i++)
    add_pair (export, b, export->ranked_pairs->pdata[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
json_recommendations (NaExport    *export,
                      JsonBuilder *b)
{
  json_builder_set_member_name (b, "recommendations");
  json_builder_begin_array (b);
  for (NaActor actor = 0; actor < NA_N_ACTORS; actor++)
    {
      GListModel *recs = na_comparison_get_recommendations (export->comparison, actor);
      guint n = g_list_model_get_n_items (recs);

      if (n == 0)
        continue;
      json_builder_begin_object (b);
      add_string (b, "actor", na_enum_to_nick (NA_TYPE_ACTOR, actor));
      add_string (b, "label", na_actor_to_label (actor));
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);

          json_builder_begin_object (b);
          add_string (b, "id", na_recommendation_get_id (rec));
          add_string (b, "essay", na_recommendation_get_essay_id (rec));
          add_string (b, "action", na_recommendation_get_action (rec));
          add_string (b, "question", na_recommendation_get_question_id (rec));
          add_strv (b, "countries", na_recommendation_get_countries (rec));
          add_anchor (b, na_recommendation_get_anchor (rec));
          add_note (export, b, na_recommendation_get_id (rec));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_countries (NaExport    *export,
                JsonBuilder *b)
{
  GListModel *countries = na_comparison_get_countries (export->comparison);
  guint n = g_list_model_get_n_items (countries);

  json_builder_set_member_name (b, "countries");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaCountry) country = g_list_model_get_item (countries, i);
      const char *code = na_country_get_code (country);

      json_builder_begin_object (b);
      add_string (b, "code", code);
      add_string (b, "name", na_country_get_name (country));
      add_int (b, "mentions", na_comparison_get_country_mentions (export->comparison, code));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

GBytes *
_na_export_json (NaExport *export)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  json_builder_begin_object (b);
  add_string (b, "format", NA_COMPARISON_FORMAT);
  add_int (b, "version", NA_COMPARISON_VERSION);
  add_string (b, "title", export->title);
  add_string (b, "created", export->timestamp);
  add_string (b, "library", na_library_get_title (na_comparison_get_library (export->comparison)));
  json_essays (export, b);
  json_builder_set_member_name (b, "questions");
  json_builder_begin_array (b);
  for (guint q = 0; q < na_comparison_get_n_questions (export->comparison); q++)
    json_question (export, b, q);
  json_builder_end_array (b);
  json_closeness (export, b);
  json_recommendations (export, b);
  json_countries (export, b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}
