/* na-library.c — a collection of essays with their questions, arguments and recommendations */
#define G_LOG_DOMAIN "na-library"

#include "config.h"

#include "na-library.h"
#include "na-model-private.h"
#include "na-util.h"

struct _NaLibrary
{
  GObject     parent_instance;

  char       *title;

  /* Owned references: the lists are what views bind to; the tables index them by id. */
  GListStore *essays;
  GListStore *questions;
  GListStore *countries;
  GListStore *arguments;
  GListStore *recommendations;
  GHashTable *essays_by_id;
  GHashTable *questions_by_id;
  GHashTable *countries_by_code;
  GHashTable *arguments_by_id;
  GHashTable *recommendations_by_id;
};

G_DEFINE_FINAL_TYPE (NaLibrary, na_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_QUARK (na-library-error-quark, na_library_error)

static void
na_library_finalize (GObject *object)
{
  NaLibrary *self = (NaLibrary *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->essays_by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->countries_by_code, g_hash_table_unref);
  g_clear_pointer (&self->arguments_by_id, g_hash_table_unref);
  g_clear_pointer (&self->recommendations_by_id, g_hash_table_unref);
  g_clear_object (&self->essays);
  g_clear_object (&self->questions);
  g_clear_object (&self->countries);
  g_clear_object (&self->arguments);
  g_clear_object (&self->recommendations);

  G_OBJECT_CLASS (na_library_parent_class)->finalize (object);
}

static void
na_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NaLibrary *self = NA_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_library_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NaLibrary *self = NA_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      na_library_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_library_class_init (NaLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_library_finalize;
  object_class->get_property = na_library_get_property;
  object_class->set_property = na_library_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Name of the collection",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_library_init (NaLibrary *self)
{
  self->essays = g_list_store_new (NA_TYPE_ESSAY);
  self->questions = g_list_store_new (NA_TYPE_QUESTION);
  self->countries = g_list_store_new (NA_TYPE_COUNTRY);
  self->arguments = g_list_store_new (NA_TYPE_ARGUMENT);
  self->recommendations = g_list_store_new (NA_TYPE_RECOMMENDATION);
  self->essays_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->questions_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->countries_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->arguments_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->recommendations_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

NaLibrary *
na_library_new (void)
{
  return g_object_new (NA_TYPE_LIBRARY, NULL);
}

const char *
na_library_get_title (NaLibrary *self)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return self->title;
}

void
na_library_set_title (NaLibrary  *self,
                      const char *title)
{
  g_return_if_fail (NA_IS_LIBRARY (self));

  if (na_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

GListModel *
na_library_get_essays (NaLibrary *self)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->essays);
}

GListModel *
na_library_get_questions (NaLibrary *self)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->questions);
}

GListModel *
na_library_get_countries (NaLibrary *self)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->countries);
}

GListModel *
na_library_get_arguments (NaLibrary *self)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->arguments);
}

GListModel *
na_library_get_recommendations (NaLibrary *self)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->recommendations);
}

/* Adds @item to @store under @id unless the id is taken; the one rule every list shares. */
static gboolean
add_unique (GListStore *store,
            GHashTable *index,
            const char *id,
            gpointer    item)
{
  if (id == NULL || g_hash_table_contains (index, id))
    return FALSE;

  g_hash_table_insert (index, g_strdup (id), item);
  g_list_store_append (store, item);
  return TRUE;
}

gboolean
na_library_add_essay (NaLibrary *self,
                      NaEssay   *essay)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (NA_IS_ESSAY (essay), FALSE);

  return add_unique (self->essays, self->essays_by_id, na_essay_get_id (essay), essay);
}

gboolean
na_library_add_question (NaLibrary  *self,
                         NaQuestion *question)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (NA_IS_QUESTION (question), FALSE);

  return add_unique (self->questions, self->questions_by_id,
                     na_question_get_id (question), question);
}

gboolean
na_library_add_country (NaLibrary *self,
                        NaCountry *country)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (NA_IS_COUNTRY (country), FALSE);

  return add_unique (self->countries, self->countries_by_code,
                     na_country_get_code (country), country);
}

gboolean
na_library_add_argument (NaLibrary  *self,
                         NaArgument *argument)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (NA_IS_ARGUMENT (argument), FALSE);

  return add_unique (self->arguments, self->arguments_by_id,
                     na_argument_get_id (argument), argument);
}

gboolean
na_library_add_recommendation (NaLibrary        *self,
                               NaRecommendation *recommendation)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (NA_IS_RECOMMENDATION (recommendation), FALSE);

  return add_unique (self->recommendations, self->recommendations_by_id,
                     na_recommendation_get_id (recommendation), recommendation);
}

NaEssay *
na_library_lookup_essay (NaLibrary  *self,
                         const char *id)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return id ? g_hash_table_lookup (self->essays_by_id, id) : NULL;
}

NaQuestion *
na_library_lookup_question (NaLibrary  *self,
                            const char *id)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return id ? g_hash_table_lookup (self->questions_by_id, id) : NULL;
}

NaCountry *
na_library_lookup_country (NaLibrary  *self,
                           const char *code)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return code ? g_hash_table_lookup (self->countries_by_code, code) : NULL;
}

NaArgument *
na_library_lookup_argument (NaLibrary  *self,
                            const char *id)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return id ? g_hash_table_lookup (self->arguments_by_id, id) : NULL;
}

NaRecommendation *
na_library_lookup_recommendation (NaLibrary  *self,
                                  const char *id)
{
  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  return id ? g_hash_table_lookup (self->recommendations_by_id, id) : NULL;
}

static gboolean
matches (const char          *essay_id,
         const char          *question_id,
         const char * const  *countries,
         const char          *want_essay,
         const char          *want_question,
         const char          *want_country)
{
  if (want_essay != NULL && g_strcmp0 (essay_id, want_essay) != 0)
    return FALSE;
  if (want_question != NULL && g_strcmp0 (question_id, want_question) != 0)
    return FALSE;
  if (want_country != NULL &&
      (countries == NULL || !g_strv_contains (countries, want_country)))
    return FALSE;
  return TRUE;
}

/**
 * na_library_dup_arguments:
 * @essay_id: (nullable): only the arguments of this essay
 * @question_id: (nullable): only those on this question
 * @country_code: (nullable): only those concerning this country
 *
 * Returns: (transfer full): a new list of the matching arguments, in library order
 */
GListModel *
na_library_dup_arguments (NaLibrary  *self,
                          const char *essay_id,
                          const char *question_id,
                          const char *country_code)
{
  GListModel *all;
  GListStore *result;
  guint n;

  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  result = g_list_store_new (NA_TYPE_ARGUMENT);
  all = G_LIST_MODEL (self->arguments);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaArgument) arg = g_list_model_get_item (all, i);

      if (matches (na_argument_get_essay_id (arg), na_argument_get_question_id (arg),
                   na_argument_get_countries (arg), essay_id, question_id, country_code))
        g_list_store_append (result, arg);
    }

  return G_LIST_MODEL (result);
}

/**
 * na_library_dup_recommendations:
 *
 * Like na_library_dup_arguments(), for recommendations.
 *
 * Returns: (transfer full): a new list of the matching recommendations
 */
GListModel *
na_library_dup_recommendations (NaLibrary  *self,
                                const char *essay_id,
                                const char *question_id,
                                const char *country_code)
{
  GListModel *all;
  GListStore *result;
  guint n;

  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  result = g_list_store_new (NA_TYPE_RECOMMENDATION);
  all = G_LIST_MODEL (self->recommendations);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaRecommendation) rec = g_list_model_get_item (all, i);

      if (matches (na_recommendation_get_essay_id (rec), na_recommendation_get_question_id (rec),
                   na_recommendation_get_countries (rec), essay_id, question_id, country_code))
        g_list_store_append (result, rec);
    }

  return G_LIST_MODEL (result);
}

/* Loading a file adds items in two steps: each to its index as soon as it is read (while its
 * id is in the cache), then all of a list at once (one items-changed, not one per item). The
 * caller guarantees that the ids are unique and new to the library. */
static gboolean
lookup_list (NaLibrary    *self,
             GType         item_type,
             GListStore  **store,
             GHashTable  **index)
{
  if (item_type == NA_TYPE_ARGUMENT)
    *store = self->arguments, *index = self->arguments_by_id;
  else if (item_type == NA_TYPE_RECOMMENDATION)
    *store = self->recommendations, *index = self->recommendations_by_id;
  else if (item_type == NA_TYPE_ESSAY)
    *store = self->essays, *index = self->essays_by_id;
  else if (item_type == NA_TYPE_QUESTION)
    *store = self->questions, *index = self->questions_by_id;
  else if (item_type == NA_TYPE_COUNTRY)
    *store = self->countries, *index = self->countries_by_code;
  else
    return FALSE;
  return TRUE;
}

void
_na_library_index_item (NaLibrary  *self,
                        gpointer    item,
                        const char *id)
{
  GListStore *store;
  GHashTable *index;

  if (!lookup_list (self, G_OBJECT_TYPE (item), &store, &index))
    g_return_if_reached ();
  if (!g_hash_table_insert (index, g_strdup (id), item))
    g_critical ("%s: “%s” is already in the library", G_STRFUNC, id);
}

void
_na_library_append_items (NaLibrary *self,
                          GType      item_type,
                          GPtrArray *items)
{
  GListStore *store;
  GHashTable *index;

  if (!lookup_list (self, item_type, &store, &index))
    g_return_if_reached ();
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, items->pdata,
                       items->len);
}
