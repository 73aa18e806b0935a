/* na-annotation.c — what the user adds to an essay: highlight, note, tags, or their own
 * argument or recommendation */
#define G_LOG_DOMAIN "na-annotation"

#include "config.h"

#include <string.h>

#include "na-enum-types.h"
#include "na-pdf-document.h"
#include "na-util.h"
#include "na-annotation.h"

enum {
  PROP_0,
  /* String properties first: they live in self->strings, indexed by property id. */
  PROP_ID,
  PROP_ESSAY_ID,
  PROP_QUOTE,
  PROP_COLOR,
  PROP_NOTE,
  PROP_QUESTION_ID,
  PROP_CLAIM,
  PROP_ACTION,
  PROP_PREFIX,
  PROP_SUFFIX,
  N_STRING_PROPS,
  PROP_KIND = N_STRING_PROPS,
  PROP_START,
  PROP_END,
  PROP_TAGS,
  PROP_STANCE,
  PROP_ACTOR,
  PROP_COUNTRIES,
  PROP_PAGE,
  PROP_RECTS,
  N_PROPS
};

struct _NaAnnotation
{
  GObject parent_instance;

  char *strings[N_STRING_PROPS];
  NaAnnotationKind kind;
  int start;
  int end;
  char **tags;
  NaStance stance;
  NaActor actor;
  char **countries;
  int page;        /* in the attached PDF, from 0; -1 when not made there */
  GArray *rects;   /* NaPdfRect, each with its own page: a passage may cross pages */
};

G_DEFINE_FINAL_TYPE (NaAnnotation, na_annotation, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
set_string (NaAnnotation *self,
            guint         prop_id,
            const char   *value)
{
  if (na_set_string (&self->strings[prop_id], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
na_annotation_finalize (GObject *object)
{
  NaAnnotation *self = (NaAnnotation *)object;

  for (guint i = 0; i < N_STRING_PROPS; i++)
    g_clear_pointer (&self->strings[i], g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->countries, g_strfreev);
  g_clear_pointer (&self->rects, g_array_unref);

  G_OBJECT_CLASS (na_annotation_parent_class)->finalize (object);
}

static void
na_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NaAnnotation *self = NA_ANNOTATION (object);

  if (prop_id > PROP_0 && prop_id < N_STRING_PROPS)
    {
      g_value_set_string (value, self->strings[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_START:
      g_value_set_int (value, self->start);
      break;

    case PROP_END:
      g_value_set_int (value, self->end);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;

    case PROP_ACTOR:
      g_value_set_enum (value, self->actor);
      break;

    case PROP_COUNTRIES:
      g_value_set_boxed (value, self->countries);
      break;

    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;

    case PROP_RECTS:
      g_value_set_boxed (value, self->rects);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NaAnnotation *self = NA_ANNOTATION (object);

  if (prop_id > PROP_0 && prop_id < N_STRING_PROPS)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_START:
      na_annotation_set_range (self, g_value_get_int (value), self->end);
      break;

    case PROP_END:
      na_annotation_set_range (self, self->start, g_value_get_int (value));
      break;

    case PROP_TAGS:
      na_annotation_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_STANCE:
      na_annotation_set_stance (self, g_value_get_enum (value));
      break;

    case PROP_ACTOR:
      na_annotation_set_actor (self, g_value_get_enum (value));
      break;

    case PROP_COUNTRIES:
      na_annotation_set_countries (self, g_value_get_boxed (value));
      break;

    case PROP_PAGE:
      na_annotation_set_page (self, g_value_get_int (value));
      break;

    case PROP_RECTS:
      na_annotation_set_rects (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_annotation_class_init (NaAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *string_names[N_STRING_PROPS] = {
    NULL, "id", "essay-id", "quote", "color", "note", "question-id", "claim", "action",
    /* the quote's surroundings where it was taken, to tell it from the same words elsewhere */
    "prefix", "suffix",
  };
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = na_annotation_finalize;
  object_class->get_property = na_annotation_get_property;
  object_class->set_property = na_annotation_set_property;

  for (guint i = PROP_ID; i < N_STRING_PROPS; i++)
    properties [i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);
  properties [PROP_KIND] =
    g_param_spec_int ("kind", NULL, "Highlight, argument or recommendation",
                      NA_ANNOTATION_HIGHLIGHT, NA_ANNOTATION_RECOMMENDATION,
                      NA_ANNOTATION_HIGHLIGHT,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_START] =
    g_param_spec_int ("start", NULL, "Character offset of the passage in the attached text",
                      -1, G_MAXINT, -1, flags);
  properties [PROP_END] =
    g_param_spec_int ("end", NULL, "Character offset just after the passage",
                      -1, G_MAXINT, -1, flags);
  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL, NA_TYPE_STANCE, 0, flags);
  properties [PROP_ACTOR] =
    g_param_spec_enum ("actor", NULL, NULL, NA_TYPE_ACTOR, 0, flags);
  properties [PROP_COUNTRIES] =
    g_param_spec_boxed ("countries", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_PAGE] =
    g_param_spec_int ("page", NULL, "Page of the passage in the attached PDF, from 0, or -1",
                      -1, G_MAXINT, -1, flags);
  properties [PROP_RECTS] =
    g_param_spec_boxed ("rects", NULL, "Where the passage is in the PDF (NaPdfRect)",
                        G_TYPE_ARRAY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_annotation_init (NaAnnotation *self)
{
  self->start = -1;
  self->end = -1;
  self->page = -1;
}

NaAnnotation *
na_annotation_new (NaAnnotationKind kind)
{
  return g_object_new (NA_TYPE_ANNOTATION, "kind", kind, NULL);
}

/* A deep copy, so the store can keep the state before an edit for undo. */
NaAnnotation *
na_annotation_copy (NaAnnotation *self)
{
  NaAnnotation *copy;

  g_return_val_if_fail (NA_IS_ANNOTATION (self), NULL);

  copy = na_annotation_new (self->kind);
  for (guint i = PROP_ID; i < N_STRING_PROPS; i++)
    copy->strings[i] = g_strdup (self->strings[i]);
  copy->start = self->start;
  copy->end = self->end;
  copy->tags = g_strdupv (self->tags);
  copy->stance = self->stance;
  copy->actor = self->actor;
  copy->countries = g_strdupv (self->countries);
  copy->page = self->page;
  copy->rects = self->rects ? g_array_copy (self->rects) : NULL;

  return copy;
}

NaAnnotationKind
na_annotation_get_kind (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), 0);
  return self->kind;
}

#define STRING_ACCESSORS(name, PROP)                                   \
const char *                                                           \
na_annotation_get_##name (NaAnnotation *self)                          \
{                                                                      \
  g_return_val_if_fail (NA_IS_ANNOTATION (self), NULL);                \
  return self->strings[PROP];                                          \
}                                                                      \
                                                                       \
void                                                                   \
na_annotation_set_##name (NaAnnotation *self,                          \
                          const char   *value)                         \
{                                                                      \
  g_return_if_fail (NA_IS_ANNOTATION (self));                          \
  set_string (self, PROP, value);                                      \
}

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (essay_id, PROP_ESSAY_ID)
STRING_ACCESSORS (prefix, PROP_PREFIX)
STRING_ACCESSORS (suffix, PROP_SUFFIX)
STRING_ACCESSORS (quote, PROP_QUOTE)
STRING_ACCESSORS (color, PROP_COLOR)
STRING_ACCESSORS (note, PROP_NOTE)
STRING_ACCESSORS (question_id, PROP_QUESTION_ID)
STRING_ACCESSORS (claim, PROP_CLAIM)
STRING_ACCESSORS (action, PROP_ACTION)

int
na_annotation_get_start (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), -1);
  return self->start;
}

int
na_annotation_get_end (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), -1);
  return self->end;
}

void
na_annotation_set_range (NaAnnotation *self,
                         int           start,
                         int           end)
{
  g_return_if_fail (NA_IS_ANNOTATION (self));

  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END]);
    }
}

static void
set_strv (NaAnnotation        *self,
          char              ***dest,
          const char * const  *value,
          guint                prop_id)
{
  if (na_strv_equal0 ((const char * const *) *dest, value))
    return;

  g_strfreev (*dest);
  *dest = value && value[0] ? g_strdupv ((char **) value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

const char * const *
na_annotation_get_tags (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), NULL);
  return (const char * const *) self->tags;
}

/* Tags are a set: "pivot, US, Pivot" is two tags, spelt as first typed. */
void
na_annotation_set_tags (NaAnnotation       *self,
                        const char * const *tags)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) unique = NULL;

  g_return_if_fail (NA_IS_ANNOTATION (self));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (g_hash_table_add (seen, na_fold (tags[i])))
      g_strv_builder_add (b, tags[i]);
  unique = g_strv_builder_end (b);
  set_strv (self, &self->tags, (const char * const *) unique, PROP_TAGS);
}

const char * const *
na_annotation_get_countries (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), NULL);
  return (const char * const *) self->countries;
}

void
na_annotation_set_countries (NaAnnotation       *self,
                             const char * const *countries)
{
  g_return_if_fail (NA_IS_ANNOTATION (self));
  set_strv (self, &self->countries, countries, PROP_COUNTRIES);
}

NaStance
na_annotation_get_stance (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), 0);
  return self->stance;
}

void
na_annotation_set_stance (NaAnnotation *self,
                          NaStance      stance)
{
  g_return_if_fail (NA_IS_ANNOTATION (self));

  if (self->stance != stance)
    {
      self->stance = stance;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STANCE]);
    }
}

NaActor
na_annotation_get_actor (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), 0);
  return self->actor;
}

void
na_annotation_set_actor (NaAnnotation *self,
                         NaActor       actor)
{
  g_return_if_fail (NA_IS_ANNOTATION (self));

  if (self->actor != actor)
    {
      self->actor = actor;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTOR]);
    }
}

int
na_annotation_get_page (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), -1);
  return self->page;
}

void
na_annotation_set_page (NaAnnotation *self,
                        int           page)
{
  g_return_if_fail (NA_IS_ANNOTATION (self));

  page = MAX (page, -1);
  if (self->page != page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
    }
}

/**
 * na_annotation_get_rects:
 *
 * Returns: (transfer none) (nullable) (element-type NaPdfRect): where the passage is in the
 *   attached PDF, in PDF points; each rectangle says its own page
 */
GArray *
na_annotation_get_rects (NaAnnotation *self)
{
  g_return_val_if_fail (NA_IS_ANNOTATION (self), NULL);
  return self->rects;
}

/**
 * na_annotation_set_rects:
 * @rects: (nullable) (element-type NaPdfRect): copied
 */
void
na_annotation_set_rects (NaAnnotation *self,
                         GArray       *rects)
{
  g_return_if_fail (NA_IS_ANNOTATION (self));
  g_return_if_fail (rects == NULL || g_array_get_element_size (rects) == sizeof (NaPdfRect));

  if (rects == NULL && self->rects == NULL)
    return;
  if (rects != NULL && self->rects != NULL && rects->len == self->rects->len
      && memcmp (rects->data, self->rects->data, rects->len * sizeof (NaPdfRect)) == 0)
    return;
  g_clear_pointer (&self->rects, g_array_unref);
  if (rects != NULL && rects->len > 0)
    self->rects = g_array_copy (rects);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECTS]);
}
