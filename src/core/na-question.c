/* na-question.c — a shared question that essays take positions on */
#define G_LOG_DOMAIN "na-question"

#include "config.h"

#include "na-util.h"
#include "na-question.h"

struct _NaQuestion
{
  GObject parent_instance;

  char *id;
  char *title;
  char *label;
  char *description;
};

G_DEFINE_FINAL_TYPE (NaQuestion, na_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_LABEL,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
na_question_finalize (GObject *object)
{
  NaQuestion *self = (NaQuestion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (na_question_parent_class)->finalize (object);
}

static void
na_question_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NaQuestion *self = NA_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, na_question_get_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, na_question_get_title (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, na_question_get_label (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, na_question_get_description (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_question_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NaQuestion *self = NA_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      na_question_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      na_question_set_title (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      na_question_set_label (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      na_question_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_question_class_init (NaQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_question_finalize;
  object_class->get_property = na_question_get_property;
  object_class->set_property = na_question_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, "Identifier",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The question",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, "Short label",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, "What is at stake",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_question_init (NaQuestion *self)
{
}

NaQuestion *
na_question_new (void)
{
  return g_object_new (NA_TYPE_QUESTION, NULL);
}

const char *
na_question_get_id (NaQuestion *self)
{
  g_return_val_if_fail (NA_QUESTION (self), NULL);

  return self->id;
}

void
na_question_set_id (NaQuestion *self,
                    const char *id)
{
  g_return_if_fail (NA_QUESTION (self));

  if (na_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
na_question_get_title (NaQuestion *self)
{
  g_return_val_if_fail (NA_QUESTION (self), NULL);

  return self->title;
}

void
na_question_set_title (NaQuestion *self,
                       const char *title)
{
  g_return_if_fail (NA_QUESTION (self));

  if (na_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
na_question_get_label (NaQuestion *self)
{
  g_return_val_if_fail (NA_QUESTION (self), NULL);

  return self->label;
}

void
na_question_set_label (NaQuestion *self,
                       const char *label)
{
  g_return_if_fail (NA_QUESTION (self));

  if (na_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

const char *
na_question_get_description (NaQuestion *self)
{
  g_return_val_if_fail (NA_QUESTION (self), NULL);

  return self->description;
}

void
na_question_set_description (NaQuestion *self,
                             const char *description)
{
  g_return_if_fail (NA_QUESTION (self));

  if (na_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}
