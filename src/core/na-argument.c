/* na-argument.c — an argument an essay makes on a question */
#define G_LOG_DOMAIN "na-argument"

#include "config.h"

#include "na-arena.h"
#include "na-model-private.h"
#include "na-util.h"
#include "na-argument.h"

struct _NaArgument
{
  GObject parent_instance;

  char *id;
  char *essay_id;
  char *question_id;
  NaStance stance;
  char *claim;
  char *grounds;
  char **countries;
  NaAnchor *anchor;

  /* Owned reference: holds the strings of a loaded item (see na-arena.h) */
  NaArena *arena;
  /* In the arena: the anchor read from the file, until it is first asked for */
  const NaAnchorData *anchor_data;
};

G_DEFINE_FINAL_TYPE (NaArgument, na_argument, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ESSAY_ID,
  PROP_QUESTION_ID,
  PROP_STANCE,
  PROP_CLAIM,
  PROP_GROUNDS,
  PROP_COUNTRIES,
  PROP_ANCHOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
na_argument_finalize (GObject *object)
{
  NaArgument *self = (NaArgument *)object;

  na_arena_clear_string (self->arena, &self->id);
  na_arena_clear_string (self->arena, &self->essay_id);
  na_arena_clear_string (self->arena, &self->question_id);
  na_arena_clear_string (self->arena, &self->claim);
  na_arena_clear_string (self->arena, &self->grounds);
  na_arena_clear_strv (self->arena, &self->countries);
  g_clear_object (&self->anchor);

  g_clear_pointer (&self->arena, na_arena_unref);

  G_OBJECT_CLASS (na_argument_parent_class)->finalize (object);
}

static void
na_argument_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NaArgument *self = NA_ARGUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, na_argument_get_id (self));
      break;

    case PROP_ESSAY_ID:
      g_value_set_string (value, na_argument_get_essay_id (self));
      break;

    case PROP_QUESTION_ID:
      g_value_set_string (value, na_argument_get_question_id (self));
      break;

    case PROP_STANCE:
      g_value_set_enum (value, na_argument_get_stance (self));
      break;

    case PROP_CLAIM:
      g_value_set_string (value, na_argument_get_claim (self));
      break;

    case PROP_GROUNDS:
      g_value_set_string (value, na_argument_get_grounds (self));
      break;

    case PROP_COUNTRIES:
      g_value_set_boxed (value, na_argument_get_countries (self));
      break;

    case PROP_ANCHOR:
      g_value_set_object (value, na_argument_get_anchor (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_argument_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NaArgument *self = NA_ARGUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      na_argument_set_id (self, g_value_get_string (value));
      break;

    case PROP_ESSAY_ID:
      na_argument_set_essay_id (self, g_value_get_string (value));
      break;

    case PROP_QUESTION_ID:
      na_argument_set_question_id (self, g_value_get_string (value));
      break;

    case PROP_STANCE:
      na_argument_set_stance (self, g_value_get_enum (value));
      break;

    case PROP_CLAIM:
      na_argument_set_claim (self, g_value_get_string (value));
      break;

    case PROP_GROUNDS:
      na_argument_set_grounds (self, g_value_get_string (value));
      break;

    case PROP_COUNTRIES:
      na_argument_set_countries (self, g_value_get_boxed (value));
      break;

    case PROP_ANCHOR:
      na_argument_set_anchor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_argument_class_init (NaArgumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_argument_finalize;
  object_class->get_property = na_argument_get_property;
  object_class->set_property = na_argument_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, "Identifier",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ESSAY_ID] =
    g_param_spec_string ("essay-id", NULL, "Essay making the argument",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_QUESTION_ID] =
    g_param_spec_string ("question-id", NULL, "Question addressed",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, "Answer to the question",
                       NA_TYPE_STANCE, NA_STANCE_NEUTRAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLAIM] =
    g_param_spec_string ("claim", NULL, "What is argued",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_GROUNDS] =
    g_param_spec_string ("grounds", NULL, "Reasons and evidence",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COUNTRIES] =
    g_param_spec_boxed ("countries", NULL, "Alpha-3 codes of the countries concerned",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ANCHOR] =
    g_param_spec_object ("anchor", NULL, "Passage in the source",
                         NA_TYPE_ANCHOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_argument_init (NaArgument *self)
{
  self->stance = NA_STANCE_NEUTRAL;
}

NaArgument *
na_argument_new (void)
{
  return g_object_new (NA_TYPE_ARGUMENT, NULL);
}

const char *
na_argument_get_id (NaArgument *self)
{
  g_return_val_if_fail (NA_ARGUMENT (self), NULL);

  return self->id;
}

void
na_argument_set_id (NaArgument *self,
                    const char *id)
{
  g_return_if_fail (NA_ARGUMENT (self));

  if (na_arena_set_string (self->arena, &self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
na_argument_get_essay_id (NaArgument *self)
{
  g_return_val_if_fail (NA_ARGUMENT (self), NULL);

  return self->essay_id;
}

void
na_argument_set_essay_id (NaArgument *self,
                          const char *essay_id)
{
  g_return_if_fail (NA_ARGUMENT (self));

  if (na_arena_set_string (self->arena, &self->essay_id, essay_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ESSAY_ID]);
}

const char *
na_argument_get_question_id (NaArgument *self)
{
  g_return_val_if_fail (NA_ARGUMENT (self), NULL);

  return self->question_id;
}

void
na_argument_set_question_id (NaArgument *self,
                             const char *question_id)
{
  g_return_if_fail (NA_ARGUMENT (self));

  if (na_arena_set_string (self->arena, &self->question_id, question_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUESTION_ID]);
}

NaStance
na_argument_get_stance (NaArgument *self)
{
  g_return_val_if_fail (NA_ARGUMENT (self), 0);

  return self->stance;
}

void
na_argument_set_stance (NaArgument *self,
                        NaStance stance)
{
  g_return_if_fail (NA_ARGUMENT (self));

  if (self->stance == stance)
    return;

  self->stance = stance;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STANCE]);
}

const char *
na_argument_get_claim (NaArgument *self)
{
  g_return_val_if_fail (NA_ARGUMENT (self), NULL);

  return self->claim;
}

void
na_argument_set_claim (NaArgument *self,
                       const char *claim)
{
  g_return_if_fail (NA_ARGUMENT (self));

  if (na_arena_set_string (self->arena, &self->claim, claim))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLAIM]);
}

const char *
na_argument_get_grounds (NaArgument *self)
{
  g_return_val_if_fail (NA_ARGUMENT (self), NULL);

  return self->grounds;
}

void
na_argument_set_grounds (NaArgument *self,
                         const char *grounds)
{
  g_return_if_fail (NA_ARGUMENT (self));

  if (na_arena_set_string (self->arena, &self->grounds, grounds))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUNDS]);
}

const char * const *
na_argument_get_countries (NaArgument *self)
{
  g_return_val_if_fail (NA_ARGUMENT (self), NULL);

  return (const char * const *) self->countries;
}

void
na_argument_set_countries (NaArgument *self,
                           const char * const *countries)
{
  g_return_if_fail (NA_ARGUMENT (self));

  if (na_strv_equal0 ((const char * const *) self->countries, countries))
    return;

  na_arena_clear_strv (self->arena, &self->countries);
  self->countries = g_strdupv ((char **) countries);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTRIES]);
}

NaAnchor *
na_argument_get_anchor (NaArgument *self)
{
  g_return_val_if_fail (NA_ARGUMENT (self), NULL);

  if (self->anchor == NULL && self->anchor_data != NULL)
    return _na_anchor_ensure (&self->anchor, self->arena, self->anchor_data);
  return self->anchor;
}

void
na_argument_set_anchor (NaArgument *self,
                        NaAnchor *anchor)
{
  gboolean had_unmade;

  g_return_if_fail (NA_ARGUMENT (self));

  /* An anchor not made yet is still a value that changes. */
  had_unmade = self->anchor == NULL && self->anchor_data != NULL;
  self->anchor_data = NULL;
  if (g_set_object (&self->anchor, anchor) || had_unmade)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANCHOR]);
}

NaArgument *
_na_argument_new_take (NaArena             *arena,
                       char                *id,
                       char                *essay_id,
                       char                *question_id,
                       NaStance             stance,
                       char                *claim,
                       char                *grounds,
                       char               **countries,
                       const NaAnchorData  *anchor)
{
  NaArgument *self = g_object_new (NA_TYPE_ARGUMENT, NULL);

  self->arena = arena ? na_arena_ref (arena) : NULL;

  self->id = id;
  self->essay_id = essay_id;
  self->question_id = question_id;
  self->stance = stance;
  self->claim = claim;
  self->grounds = grounds;
  if (countries != NULL && countries[0] == NULL)
    na_arena_clear_strv (arena, &countries);
  self->countries = countries;
  self->anchor_data = anchor;
  return self;
}
