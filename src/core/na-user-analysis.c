/* na-user-analysis.c — the library as the user sees it
 *
 * The comparison, its exports and the command line work on one NaLibrary. The user's part
 * lives apart in the NaUserStore (so the bundled file is never rewritten): here the two are
 * put together into a new library that shares the unchanged objects with the original.
 */
#define G_LOG_DOMAIN "na-user-analysis"

#include "config.h"

#include "na-user-analysis.h"

/* The user's version of a bundled argument: their stance and claim, the rest as bundled. */
static NaArgument *
edited_argument (NaArgument   *original,
                 NaAnnotation *edit)
{
  NaArgument *arg = na_argument_new ();
  const char *claim = na_annotation_get_claim (edit);

  na_argument_set_id (arg, na_argument_get_id (original));
  na_argument_set_essay_id (arg, na_argument_get_essay_id (original));
  na_argument_set_question_id (arg, na_argument_get_question_id (original));
  na_argument_set_stance (arg, na_annotation_get_stance (edit));
  na_argument_set_claim (arg, claim && *claim ? claim : na_argument_get_claim (original));
  na_argument_set_grounds (arg, na_argument_get_grounds (original));
  na_argument_set_countries (arg, na_argument_get_countries (original));
  na_argument_set_anchor (arg, na_argument_get_anchor (original));
  return arg;
}

static NaRecommendation *
edited_recommendation (NaRecommendation *original,
                       NaAnnotation     *edit)
{
  NaRecommendation *rec = na_recommendation_new ();
  const char *action = na_annotation_get_action (edit);

  na_recommendation_set_id (rec, na_recommendation_get_id (original));
  na_recommendation_set_essay_id (rec, na_recommendation_get_essay_id (original));
  na_recommendation_set_question_id (rec, na_recommendation_get_question_id (original));
  na_recommendation_set_actor (rec, na_annotation_get_actor (edit));
  na_recommendation_set_action (rec, action && *action ? action
                                                       : na_recommendation_get_action (original));
  na_recommendation_set_countries (rec, na_recommendation_get_countries (original));
  na_recommendation_set_anchor (rec, na_recommendation_get_anchor (original));
  return rec;
}

/* The quote the user marked is the item's anchor, as for the bundled analysis. */
static NaAnchor *
anchor_of (NaAnnotation *a)
{
  NaAnchor *anchor;
  const char *quote = na_annotation_get_quote (a);

  if (quote == NULL || *quote == '\0')
    return NULL;
  anchor = na_anchor_new ();
  na_anchor_set_exact (anchor, quote);
  /* Marked in the PDF: its page shows in the comparison and the exports ("p. 12"). */
  if (na_annotation_get_page (a) >= 0)
    na_anchor_set_page (anchor, na_annotation_get_page (a) + 1);
  if (na_annotation_get_start (a) >= 0)
    {
      na_anchor_set_start (anchor, na_annotation_get_start (a));
      na_anchor_set_end (anchor, na_annotation_get_end (a));
    }
  return anchor;
}

static void
add_own_item (NaLibrary    *merged,
              NaAnnotation *a)
{
  g_autoptr(NaAnchor) anchor = NULL;
  const char *question_id = na_annotation_get_question_id (a);

  /* Items of a deleted essay are kept in the store for undo, but are not part of the library. */
  if (na_library_lookup_essay (merged, na_annotation_get_essay_id (a)) == NULL)
    return;
  if (question_id != NULL && na_library_lookup_question (merged, question_id) == NULL)
    question_id = NULL;

  anchor = anchor_of (a);
  if (na_annotation_get_kind (a) == NA_ANNOTATION_ARGUMENT)
    {
      g_autoptr(NaArgument) arg = na_argument_new ();

      /* An argument answers a question: one without is not comparable. */
      if (question_id == NULL)
        return;
      na_argument_set_id (arg, na_annotation_get_id (a));
      na_argument_set_essay_id (arg, na_annotation_get_essay_id (a));
      na_argument_set_question_id (arg, question_id);
      na_argument_set_stance (arg, na_annotation_get_stance (a));
      na_argument_set_claim (arg, na_annotation_get_claim (a));
      na_argument_set_countries (arg, na_annotation_get_countries (a));
      na_argument_set_anchor (arg, anchor);
      na_library_add_argument (merged, arg);
    }
  else if (na_annotation_get_kind (a) == NA_ANNOTATION_RECOMMENDATION)
    {
      g_autoptr(NaRecommendation) rec = na_recommendation_new ();

      na_recommendation_set_id (rec, na_annotation_get_id (a));
      na_recommendation_set_essay_id (rec, na_annotation_get_essay_id (a));
      na_recommendation_set_question_id (rec, question_id);
      na_recommendation_set_actor (rec, na_annotation_get_actor (a));
      na_recommendation_set_action (rec, na_annotation_get_action (a));
      na_recommendation_set_countries (rec, na_annotation_get_countries (a));
      na_recommendation_set_anchor (rec, anchor);
      na_library_add_recommendation (merged, rec);
    }
}

/**
 * na_user_analysis_merge:
 * @library: the bundled (or opened) library
 * @store: (nullable): the user's data
 *
 * Returns: (transfer full): a new library holding @library's essays, questions and countries,
 * the user's own essays, each bundled argument and recommendation in the user's version when
 * they edited it, and the user's own arguments (those with a question) and recommendations,
 * under their annotation ids. @library is not changed.
 */
NaLibrary *
na_user_analysis_merge (NaLibrary   *library,
                        NaUserStore *store)
{
  NaLibrary *merged;
  GListModel *model;

  g_return_val_if_fail (NA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (!store || NA_IS_USER_STORE (store), NULL);

  merged = na_library_new ();
  na_library_set_title (merged, na_library_get_title (library));

#define ADD_ALL(list, add, type)                                       \
  model = list;                                                        \
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)         \
    {                                                                  \
      g_autoptr(type) item = g_list_model_get_item (model, i);         \
      add (merged, item);                                              \
    }

  ADD_ALL (na_library_get_questions (library), na_library_add_question, NaQuestion);
  ADD_ALL (na_library_get_countries (library), na_library_add_country, NaCountry);
  ADD_ALL (na_library_get_essays (library), na_library_add_essay, NaEssay);
  if (store != NULL)
    {
      ADD_ALL (na_user_store_get_essays (store), na_library_add_essay, NaEssay);
    }
#undef ADD_ALL

  model = na_library_get_arguments (library);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaArgument) arg = g_list_model_get_item (model, i);
      NaAnnotation *edit = store ? na_user_store_lookup_override (store,
                                                                  na_argument_get_id (arg))
                                 : NULL;

      if (edit != NULL)
        {
          g_autoptr(NaArgument) mine = edited_argument (arg, edit);
          na_library_add_argument (merged, mine);
        }
      else
        na_library_add_argument (merged, arg);
    }

  model = na_library_get_recommendations (library);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaRecommendation) rec = g_list_model_get_item (model, i);
      NaAnnotation *edit = store ? na_user_store_lookup_override (
                                     store, na_recommendation_get_id (rec))
                                 : NULL;

      if (edit != NULL)
        {
          g_autoptr(NaRecommendation) mine = edited_recommendation (rec, edit);
          na_library_add_recommendation (merged, mine);
        }
      else
        na_library_add_recommendation (merged, rec);
    }

  if (store != NULL)
    {
      model = na_user_store_get_annotations (store);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(NaAnnotation) a = g_list_model_get_item (model, i);
          add_own_item (merged, a);
        }
    }

  return merged;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  NaAnnotation *x = *(NaAnnotation **) a;
  NaAnnotation *y = *(NaAnnotation **) b;

  return (na_annotation_get_start (x) > na_annotation_get_start (y))
         - (na_annotation_get_start (x) < na_annotation_get_start (y));
}

/**
 * na_user_analysis_dup_notes:
 * @library: the library the notes will be shown with (a merged one)
 * @store: the user's data
 *
 * The user's notes, keyed as NaExportOptions.notes wants them: the note of each of their
 * arguments and recommendations and of each edited bundled item under that item's id, and
 * under each essay's id the notes of its highlights, one paragraph each, quote first, in the
 * order of the text.
 *
 * Returns: (transfer full): item id → note
 */
GHashTable *
na_user_analysis_dup_notes (NaLibrary   *library,
                            NaUserStore *store)
{
  GHashTable *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) highlights = NULL;  /* essay id → GPtrArray of NaAnnotation */
  GListModel *model;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (NA_IS_LIBRARY (library), notes);
  g_return_val_if_fail (NA_IS_USER_STORE (store), notes);

  highlights = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  model = na_user_store_get_annotations (store);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (model, i);
      const char *note = na_annotation_get_note (a);
      const char *essay_id = na_annotation_get_essay_id (a);
      GPtrArray *list;

      if (note == NULL || *note == '\0' || essay_id == NULL)
        continue;
      if (na_annotation_get_kind (a) != NA_ANNOTATION_HIGHLIGHT)
        {
          g_hash_table_replace (notes, g_strdup (na_annotation_get_id (a)), g_strdup (note));
          continue;
        }
      if (na_library_lookup_essay (library, essay_id) == NULL)
        continue;
      list = g_hash_table_lookup (highlights, essay_id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (highlights, (gpointer) na_annotation_get_essay_id (a), list);
        }
      g_ptr_array_add (list, g_object_ref (a));
    }

  /* Notes given with an edit of the bundled analysis. */
  model = na_library_get_arguments (library);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaArgument) arg = g_list_model_get_item (model, i);
      NaAnnotation *edit = na_user_store_lookup_override (store, na_argument_get_id (arg));

      if (edit && na_annotation_get_note (edit) && *na_annotation_get_note (edit))
        g_hash_table_replace (notes, g_strdup (na_argument_get_id (arg)),
                              g_strdup (na_annotation_get_note (edit)));
    }
  model = na_library_get_recommendations (library);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaRecommendation) rec = g_list_model_get_item (model, i);
      const char *id = na_recommendation_get_id (rec);
      NaAnnotation *edit = na_user_store_lookup_override (store, id);

      if (edit && na_annotation_get_note (edit) && *na_annotation_get_note (edit))
        g_hash_table_replace (notes, g_strdup (id), g_strdup (na_annotation_get_note (edit)));
    }

  g_hash_table_iter_init (&iter, highlights);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;
      g_autoptr(GString) text = g_string_new (NULL);

      g_ptr_array_sort (list, compare_by_start);
      for (guint i = 0; i < list->len; i++)
        {
          NaAnnotation *a = g_ptr_array_index (list, i);
          const char *quote = na_annotation_get_quote (a);

          if (text->len > 0)
            g_string_append (text, "\n\n");
          if (quote != NULL && *quote != '\0')
            g_string_append_printf (text, "“%s” — ", quote);
          g_string_append (text, na_annotation_get_note (a));
        }
      g_hash_table_replace (notes, g_strdup (key), g_string_free (g_steal_pointer (&text),
                                                                  FALSE));
    }

  return notes;
}
