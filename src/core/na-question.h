/* na-question.h — a shared question that essays take positions on */
#pragma once

#include <glib-object.h>


G_BEGIN_DECLS

#define NA_TYPE_QUESTION (na_question_get_type ())

G_DECLARE_FINAL_TYPE (NaQuestion, na_question, NA, QUESTION, GObject)

NaQuestion * na_question_new             (void);
const char * na_question_get_id          (NaQuestion *self);
void         na_question_set_id          (NaQuestion *self, const char *id);
const char * na_question_get_title       (NaQuestion *self);
void         na_question_set_title       (NaQuestion *self, const char *title);
const char * na_question_get_label       (NaQuestion *self);
void         na_question_set_label       (NaQuestion *self, const char *label);
const char * na_question_get_description (NaQuestion *self);
void         na_question_set_description (NaQuestion *self, const char *description);

G_END_DECLS
