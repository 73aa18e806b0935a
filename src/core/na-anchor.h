/* na-anchor.h — where a passage sits in a source, after the W3C Web Annotation selectors */
#pragma once

#include <glib-object.h>


G_BEGIN_DECLS

#define NA_TYPE_ANCHOR (na_anchor_get_type ())

G_DECLARE_FINAL_TYPE (NaAnchor, na_anchor, NA, ANCHOR, GObject)

NaAnchor *   na_anchor_new        (void);
const char * na_anchor_get_exact  (NaAnchor *self);
void         na_anchor_set_exact  (NaAnchor *self, const char *exact);
const char * na_anchor_get_prefix (NaAnchor *self);
void         na_anchor_set_prefix (NaAnchor *self, const char *prefix);
const char * na_anchor_get_suffix (NaAnchor *self);
void         na_anchor_set_suffix (NaAnchor *self, const char *suffix);
int          na_anchor_get_start  (NaAnchor *self);
void         na_anchor_set_start  (NaAnchor *self, int start);
int          na_anchor_get_end    (NaAnchor *self);
void         na_anchor_set_end    (NaAnchor *self, int end);
int          na_anchor_get_page   (NaAnchor *self);
void         na_anchor_set_page   (NaAnchor *self, int page);

G_END_DECLS
