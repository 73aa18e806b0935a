/* na-enums.c — nick and label helpers for the model's enumerations */
#define G_LOG_DOMAIN "na-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "na-enums.h"
#include "na-enum-types.h"

/* Returns the nick of @value, or %NULL when @value is not a member of @enum_type. */
const char *
na_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
na_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
na_essay_kind_to_label (NaEssayKind kind)
{
  switch (kind)
    {
    case NA_ESSAY_KIND_ARTICLE: return _("Article");
    case NA_ESSAY_KIND_OP_ED: return _("Op-ed");
    case NA_ESSAY_KIND_CHAPTER: return _("Chapter");
    case NA_ESSAY_KIND_FOREWORD: return _("Foreword");
    case NA_ESSAY_KIND_INTRODUCTION: return _("Introduction");
    case NA_ESSAY_KIND_REPORT: return _("Report");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
na_stance_to_label (NaStance stance)
{
  switch (stance)
    {
    case NA_STANCE_SUPPORTS: return _("Supports");
    case NA_STANCE_OPPOSES: return _("Opposes");
    case NA_STANCE_MIXED: return _("Mixed");
    case NA_STANCE_NEUTRAL: return _("Neutral");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
na_actor_to_label (NaActor actor)
{
  switch (actor)
    {
    case NA_ACTOR_NATO: return _("NATO");
    case NA_ACTOR_ALLIES: return _("NATO member states");
    case NA_ACTOR_EUROPEAN_ALLIES: return _("European allies");
    case NA_ACTOR_UNITED_STATES: return _("United States");
    case NA_ACTOR_CANADA: return _("Canada");
    case NA_ACTOR_PARTNERS: return _("Asia-Pacific partners");
    case NA_ACTOR_REGIONAL_STATES: return _("Asia-Pacific states and bodies");
    case NA_ACTOR_EU: return _("European Union");
    case NA_ACTOR_OTHER: return _("Others");
    default: g_return_val_if_reached (NULL);
    }
}
