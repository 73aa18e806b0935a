/* na-argument.h — an argument an essay makes on a question */
#pragma once

#include <glib-object.h>

#include "na-enums.h"
#include "na-enum-types.h"
#include "na-anchor.h"

G_BEGIN_DECLS

#define NA_TYPE_ARGUMENT (na_argument_get_type ())

G_DECLARE_FINAL_TYPE (NaArgument, na_argument, NA, ARGUMENT, GObject)

NaArgument *         na_argument_new             (void);
const char *         na_argument_get_id          (NaArgument *self);
void                 na_argument_set_id          (NaArgument *self, const char *id);
const char *         na_argument_get_essay_id    (NaArgument *self);
void                 na_argument_set_essay_id    (NaArgument *self, const char *essay_id);
const char *         na_argument_get_question_id (NaArgument *self);
void                 na_argument_set_question_id (NaArgument *self, const char *question_id);
NaStance             na_argument_get_stance      (NaArgument *self);
void                 na_argument_set_stance      (NaArgument *self, NaStance stance);
const char *         na_argument_get_claim       (NaArgument *self);
void                 na_argument_set_claim       (NaArgument *self, const char *claim);
const char *         na_argument_get_grounds     (NaArgument *self);
void                 na_argument_set_grounds     (NaArgument *self, const char *grounds);
const char * const * na_argument_get_countries   (NaArgument *self);
void                 na_argument_set_countries   (NaArgument *self, const char * const *countries);
NaAnchor *           na_argument_get_anchor      (NaArgument *self);
void                 na_argument_set_anchor      (NaArgument *self, NaAnchor *anchor);

G_END_DECLS
