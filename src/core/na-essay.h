/* na-essay.h — a publication with its bibliographic data, after CSL-JSON */
#pragma once

#include <glib-object.h>

#include "na-name.h"
#include "na-date.h"
#include "na-enums.h"
#include "na-enum-types.h"

G_BEGIN_DECLS

#define NA_TYPE_ESSAY (na_essay_get_type ())

G_DECLARE_FINAL_TYPE (NaEssay, na_essay, NA, ESSAY, GObject)

NaEssay *            na_essay_new                 (void);
const char *         na_essay_get_id              (NaEssay *self);
void                 na_essay_set_id              (NaEssay *self, const char *id);
NaEssayKind          na_essay_get_kind            (NaEssay *self);
void                 na_essay_set_kind            (NaEssay *self, NaEssayKind kind);
const char *         na_essay_get_title           (NaEssay *self);
void                 na_essay_set_title           (NaEssay *self, const char *title);
const char *         na_essay_get_subtitle        (NaEssay *self);
void                 na_essay_set_subtitle        (NaEssay *self, const char *subtitle);
GPtrArray *          na_essay_get_authors         (NaEssay *self);
void                 na_essay_set_authors         (NaEssay *self, GPtrArray *authors);
GPtrArray *          na_essay_get_editors         (NaEssay *self);
void                 na_essay_set_editors         (NaEssay *self, GPtrArray *editors);
const NaDate *       na_essay_get_issued          (NaEssay *self);
void                 na_essay_set_issued          (NaEssay *self, const NaDate *issued);
const char *         na_essay_get_container_title (NaEssay *self);
void                 na_essay_set_container_title (NaEssay *self, const char *container_title);
const char *         na_essay_get_publisher       (NaEssay *self);
void                 na_essay_set_publisher       (NaEssay *self, const char *publisher);
const char *         na_essay_get_page            (NaEssay *self);
void                 na_essay_set_page            (NaEssay *self, const char *page);
const char *         na_essay_get_url             (NaEssay *self);
void                 na_essay_set_url             (NaEssay *self, const char *url);
const char *         na_essay_get_abstract        (NaEssay *self);
void                 na_essay_set_abstract        (NaEssay *self, const char *abstract);
const char * const * na_essay_get_keywords        (NaEssay *self);
void                 na_essay_set_keywords        (NaEssay *self, const char * const *keywords);
const char *         na_essay_get_note            (NaEssay *self);
void                 na_essay_set_note            (NaEssay *self, const char *note);
const char *         na_essay_get_source          (NaEssay *self);
void                 na_essay_set_source          (NaEssay *self, const char *source);

G_END_DECLS

G_BEGIN_DECLS

char *na_essay_dup_authors_display (NaEssay *self);
char *na_essay_dup_full_title      (NaEssay *self);
int   na_essay_get_year            (NaEssay *self);
char *na_essay_dup_citation        (NaEssay *self);

int   na_essay_compare_newest_first (NaEssay *a,
                                     NaEssay *b);
int   na_essay_compare_by_author    (NaEssay *a,
                                     NaEssay *b);

gboolean na_essay_url_is_web       (const char *url);

G_END_DECLS
