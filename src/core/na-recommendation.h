/* na-recommendation.h — a recommendation an essay gives: who should do what */
#pragma once

#include <glib-object.h>

#include "na-enums.h"
#include "na-enum-types.h"
#include "na-anchor.h"

G_BEGIN_DECLS

#define NA_TYPE_RECOMMENDATION (na_recommendation_get_type ())

G_DECLARE_FINAL_TYPE (NaRecommendation, na_recommendation, NA, RECOMMENDATION, GObject)

NaRecommendation *   na_recommendation_new             (void);
const char *         na_recommendation_get_id          (NaRecommendation *self);
void                 na_recommendation_set_id          (NaRecommendation *self, const char *id);
const char *         na_recommendation_get_essay_id    (NaRecommendation *self);
void                 na_recommendation_set_essay_id    (NaRecommendation *self, const char *essay_id);
NaActor              na_recommendation_get_actor       (NaRecommendation *self);
void                 na_recommendation_set_actor       (NaRecommendation *self, NaActor actor);
const char *         na_recommendation_get_action      (NaRecommendation *self);
void                 na_recommendation_set_action      (NaRecommendation *self, const char *action);
const char * const * na_recommendation_get_countries   (NaRecommendation *self);
void                 na_recommendation_set_countries   (NaRecommendation *self, const char * const *countries);
const char *         na_recommendation_get_question_id (NaRecommendation *self);
void                 na_recommendation_set_question_id (NaRecommendation *self, const char *question_id);
NaAnchor *           na_recommendation_get_anchor      (NaRecommendation *self);
void                 na_recommendation_set_anchor      (NaRecommendation *self, NaAnchor *anchor);

G_END_DECLS
