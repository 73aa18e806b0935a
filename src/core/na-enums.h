/* na-enums.h — enumerations of the NatoAsia model
 *
 * The nicks of these values are the strings of the library format, so keep them in step with
 * docs/library-format.md.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  NA_ESSAY_KIND_ARTICLE,
  NA_ESSAY_KIND_OP_ED,
  NA_ESSAY_KIND_CHAPTER,
  NA_ESSAY_KIND_FOREWORD,
  NA_ESSAY_KIND_INTRODUCTION,
  NA_ESSAY_KIND_REPORT,
} NaEssayKind;

typedef enum
{
  NA_STANCE_SUPPORTS,
  NA_STANCE_OPPOSES,
  NA_STANCE_MIXED,
  NA_STANCE_NEUTRAL,
} NaStance;

typedef enum
{
  NA_ACTOR_NATO,
  NA_ACTOR_ALLIES,
  NA_ACTOR_EUROPEAN_ALLIES,
  NA_ACTOR_UNITED_STATES,
  NA_ACTOR_CANADA,
  NA_ACTOR_PARTNERS,
  NA_ACTOR_REGIONAL_STATES,
  NA_ACTOR_EU,
  NA_ACTOR_OTHER,
} NaActor;

typedef enum
{
  NA_DATE_PRECISION_NONE,
  NA_DATE_PRECISION_YEAR,
  NA_DATE_PRECISION_MONTH,
  NA_DATE_PRECISION_DAY,
} NaDatePrecision;

const char *na_enum_to_nick        (GType        enum_type,
                                    int          value);
gboolean    na_enum_from_nick      (GType        enum_type,
                                    const char  *nick,
                                    int         *value);
const char *na_essay_kind_to_label (NaEssayKind  kind);
const char *na_stance_to_label     (NaStance     stance);
const char *na_actor_to_label      (NaActor      actor);

G_END_DECLS
