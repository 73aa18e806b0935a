/* na-annotation.h — what the user adds to an essay: a highlight with colour, note and tags, or
 * their own argument or recommendation, anchored to a passage of the attached text and/or to a
 * page and rectangles of the attached PDF */
#pragma once

#include <glib-object.h>

#include "na-enums.h"

G_BEGIN_DECLS

#define NA_TYPE_ANNOTATION (na_annotation_get_type ())

G_DECLARE_FINAL_TYPE (NaAnnotation, na_annotation, NA, ANNOTATION, GObject)

typedef enum
{
  NA_ANNOTATION_HIGHLIGHT,
  NA_ANNOTATION_ARGUMENT,
  NA_ANNOTATION_RECOMMENDATION,
} NaAnnotationKind;

NaAnnotation *       na_annotation_new             (NaAnnotationKind kind);
NaAnnotation *       na_annotation_copy            (NaAnnotation *self);
NaAnnotationKind     na_annotation_get_kind        (NaAnnotation *self);
const char *         na_annotation_get_id          (NaAnnotation *self);
void                 na_annotation_set_id          (NaAnnotation *self, const char *id);
const char *         na_annotation_get_essay_id    (NaAnnotation *self);
void                 na_annotation_set_essay_id    (NaAnnotation *self, const char *essay_id);
int                  na_annotation_get_start       (NaAnnotation *self);
int                  na_annotation_get_end         (NaAnnotation *self);
void                 na_annotation_set_range       (NaAnnotation *self, int start, int end);
const char *         na_annotation_get_quote       (NaAnnotation *self);
void                 na_annotation_set_quote       (NaAnnotation *self, const char *quote);
const char *         na_annotation_get_prefix      (NaAnnotation *self);
void                 na_annotation_set_prefix      (NaAnnotation *self, const char *prefix);
const char *         na_annotation_get_suffix      (NaAnnotation *self);
void                 na_annotation_set_suffix      (NaAnnotation *self, const char *suffix);
const char *         na_annotation_get_color       (NaAnnotation *self);
void                 na_annotation_set_color       (NaAnnotation *self, const char *color);
const char *         na_annotation_get_note        (NaAnnotation *self);
void                 na_annotation_set_note        (NaAnnotation *self, const char *note);
const char * const * na_annotation_get_tags        (NaAnnotation *self);
void                 na_annotation_set_tags        (NaAnnotation *self, const char * const *tags);
const char *         na_annotation_get_question_id (NaAnnotation *self);
void                 na_annotation_set_question_id (NaAnnotation *self, const char *question_id);
NaStance             na_annotation_get_stance      (NaAnnotation *self);
void                 na_annotation_set_stance      (NaAnnotation *self, NaStance stance);
const char *         na_annotation_get_claim       (NaAnnotation *self);
void                 na_annotation_set_claim       (NaAnnotation *self, const char *claim);
NaActor              na_annotation_get_actor       (NaAnnotation *self);
void                 na_annotation_set_actor       (NaAnnotation *self, NaActor actor);
const char *         na_annotation_get_action      (NaAnnotation *self);
void                 na_annotation_set_action      (NaAnnotation *self, const char *action);
const char * const * na_annotation_get_countries   (NaAnnotation *self);
void                 na_annotation_set_countries   (NaAnnotation *self,
                                                    const char * const *countries);
int                  na_annotation_get_page        (NaAnnotation *self);
void                 na_annotation_set_page        (NaAnnotation *self, int page);
GArray *             na_annotation_get_rects       (NaAnnotation *self);
void                 na_annotation_set_rects       (NaAnnotation *self, GArray *rects);

G_END_DECLS
