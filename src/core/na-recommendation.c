/* na-recommendation.c — a recommendation an essay gives: who should do what */
#define G_LOG_DOMAIN "na-recommendation"

#include "config.h"

#include "na-arena.h"
#include "na-model-private.h"
#include "na-util.h"
#include "na-recommendation.h"

struct _NaRecommendation
{
  GObject parent_instance;

  char *id;
  char *essay_id;
  NaActor actor;
  char *action;
  char **countries;
  char *question_id;
  NaAnchor *anchor;

  /* Owned reference: holds the strings of a loaded item (see na-arena.h) */
  NaArena *arena;
  /* In the arena: the anchor read from the file, until it is first asked for */
  const NaAnchorData *anchor_data;
};

G_DEFINE_FINAL_TYPE (NaRecommendation, na_recommendation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ESSAY_ID,
  PROP_ACTOR,
  PROP_ACTION,
  PROP_COUNTRIES,
  PROP_QUESTION_ID,
  PROP_ANCHOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
na_recommendation_finalize (GObject *object)
{
  NaRecommendation *self = (NaRecommendation *)object;

  na_arena_clear_string (self->arena, &self->id);
  na_arena_clear_string (self->arena, &self->essay_id);
  na_arena_clear_string (self->arena, &self->action);
  na_arena_clear_strv (self->arena, &self->countries);
  na_arena_clear_string (self->arena, &self->question_id);
  g_clear_object (&self->anchor);

  g_clear_pointer (&self->arena, na_arena_unref);

  G_OBJECT_CLASS (na_recommendation_parent_class)->finalize (object);
}

static void
na_recommendation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NaRecommendation *self = NA_RECOMMENDATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, na_recommendation_get_id (self));
      break;

    case PROP_ESSAY_ID:
      g_value_set_string (value, na_recommendation_get_essay_id (self));
      break;

    case PROP_ACTOR:
      g_value_set_enum (value, na_recommendation_get_actor (self));
      break;

    case PROP_ACTION:
      g_value_set_string (value, na_recommendation_get_action (self));
      break;

    case PROP_COUNTRIES:
      g_value_set_boxed (value, na_recommendation_get_countries (self));
      break;

    case PROP_QUESTION_ID:
      g_value_set_string (value, na_recommendation_get_question_id (self));
      break;

    case PROP_ANCHOR:
      g_value_set_object (value, na_recommendation_get_anchor (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_recommendation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NaRecommendation *self = NA_RECOMMENDATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      na_recommendation_set_id (self, g_value_get_string (value));
      break;

    case PROP_ESSAY_ID:
      na_recommendation_set_essay_id (self, g_value_get_string (value));
      break;

    case PROP_ACTOR:
      na_recommendation_set_actor (self, g_value_get_enum (value));
      break;

    case PROP_ACTION:
      na_recommendation_set_action (self, g_value_get_string (value));
      break;

    case PROP_COUNTRIES:
      na_recommendation_set_countries (self, g_value_get_boxed (value));
      break;

    case PROP_QUESTION_ID:
      na_recommendation_set_question_id (self, g_value_get_string (value));
      break;

    case PROP_ANCHOR:
      na_recommendation_set_anchor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_recommendation_class_init (NaRecommendationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_recommendation_finalize;
  object_class->get_property = na_recommendation_get_property;
  object_class->set_property = na_recommendation_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, "Identifier",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ESSAY_ID] =
    g_param_spec_string ("essay-id", NULL, "Essay giving it",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTOR] =
    g_param_spec_enum ("actor", NULL, "Who should act",
                       NA_TYPE_ACTOR, NA_ACTOR_NATO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTION] =
    g_param_spec_string ("action", NULL, "What they should do",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COUNTRIES] =
    g_param_spec_boxed ("countries", NULL, "Alpha-3 codes of the countries addressed",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_QUESTION_ID] =
    g_param_spec_string ("question-id", NULL, "Question it bears on",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ANCHOR] =
    g_param_spec_object ("anchor", NULL, "Passage in the source",
                         NA_TYPE_ANCHOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_recommendation_init (NaRecommendation *self)
{
  self->actor = NA_ACTOR_NATO;
}

NaRecommendation *
na_recommendation_new (void)
{
  return g_object_new (NA_TYPE_RECOMMENDATION, NULL);
}

const char *
na_recommendation_get_id (NaRecommendation *self)
{
  g_return_val_if_fail (NA_RECOMMENDATION (self), NULL);

  return self->id;
}

void
na_recommendation_set_id (NaRecommendation *self,
                          const char *id)
{
  g_return_if_fail (NA_RECOMMENDATION (self));

  if (na_arena_set_string (self->arena, &self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
na_recommendation_get_essay_id (NaRecommendation *self)
{
  g_return_val_if_fail (NA_RECOMMENDATION (self), NULL);

  return self->essay_id;
}

void
na_recommendation_set_essay_id (NaRecommendation *self,
                                const char *essay_id)
{
  g_return_if_fail (NA_RECOMMENDATION (self));

  if (na_arena_set_string (self->arena, &self->essay_id, essay_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ESSAY_ID]);
}

NaActor
na_recommendation_get_actor (NaRecommendation *self)
{
  g_return_val_if_fail (NA_RECOMMENDATION (self), 0);

  return self->actor;
}

void
na_recommendation_set_actor (NaRecommendation *self,
                             NaActor actor)
{
  g_return_if_fail (NA_RECOMMENDATION (self));

  if (self->actor == actor)
    return;

  self->actor = actor;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTOR]);
}

const char *
na_recommendation_get_action (NaRecommendation *self)
{
  g_return_val_if_fail (NA_RECOMMENDATION (self), NULL);

  return self->action;
}

void
na_recommendation_set_action (NaRecommendation *self,
                              const char *action)
{
  g_return_if_fail (NA_RECOMMENDATION (self));

  if (na_arena_set_string (self->arena, &self->action, action))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTION]);
}

const char * const *
na_recommendation_get_countries (NaRecommendation *self)
{
  g_return_val_if_fail (NA_RECOMMENDATION (self), NULL);

  return (const char * const *) self->countries;
}

void
na_recommendation_set_countries (NaRecommendation *self,
                                 const char * const *countries)
{
  g_return_if_fail (NA_RECOMMENDATION (self));

  if (na_strv_equal0 ((const char * const *) self->countries, countries))
    return;

  na_arena_clear_strv (self->arena, &self->countries);
  self->countries = g_strdupv ((char **) countries);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTRIES]);
}

const char *
na_recommendation_get_question_id (NaRecommendation *self)
{
  g_return_val_if_fail (NA_RECOMMENDATION (self), NULL);

  return self->question_id;
}

void
na_recommendation_set_question_id (NaRecommendation *self,
                                   const char *question_id)
{
  g_return_if_fail (NA_RECOMMENDATION (self));

  if (na_arena_set_string (self->arena, &self->question_id, question_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUESTION_ID]);
}

NaAnchor *
na_recommendation_get_anchor (NaRecommendation *self)
{
  g_return_val_if_fail (NA_RECOMMENDATION (self), NULL);

  if (self->anchor == NULL && self->anchor_data != NULL)
    return _na_anchor_ensure (&self->anchor, self->arena, self->anchor_data);
  return self->anchor;
}

void
na_recommendation_set_anchor (NaRecommendation *self,
                              NaAnchor *anchor)
{
  gboolean had_unmade;

  g_return_if_fail (NA_RECOMMENDATION (self));

  /* An anchor not made yet is still a value that changes. */
  had_unmade = self->anchor == NULL && self->anchor_data != NULL;
  self->anchor_data = NULL;
  if (g_set_object (&self->anchor, anchor) || had_unmade)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANCHOR]);
}

NaRecommendation *
_na_recommendation_new_take (NaArena             *arena,
                             char                *id,
                             char                *essay_id,
                             NaActor              actor,
                             char                *action,
                             char               **countries,
                             char                *question_id,
                             const NaAnchorData  *anchor)
{
  NaRecommendation *self = g_object_new (NA_TYPE_RECOMMENDATION, NULL);

  self->arena = arena ? na_arena_ref (arena) : NULL;

  self->id = id;
  self->essay_id = essay_id;
  self->actor = actor;
  self->action = action;
  if (countries != NULL && countries[0] == NULL)
    na_arena_clear_strv (arena, &countries);
  self->countries = countries;
  self->question_id = question_id;
  self->anchor_data = anchor;
  return self;
}
