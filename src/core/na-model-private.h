/* na-model-private.h — constructors for the loader's hot path (not public API)
 *
 * A large library holds hundreds of thousands of arguments and anchors; building each through
 * its setters copies every string and checks for changes nobody listens to yet. These take
 * ownership of what they are given and set the fields directly.
 */
#pragma once

#include "na-anchor.h"
#include "na-arena.h"
#include "na-argument.h"
#include "na-library.h"
#include "na-recommendation.h"

G_BEGIN_DECLS

/* An anchor as the loader reads it: in the arena, its strings too. An item keeps it until its
 * anchor is first asked for, then makes the NaAnchor from it (see _na_anchor_ensure()). */
typedef struct
{
  char *exact;
  char *prefix;
  char *suffix;
  int   start;
  int   end;
  int   page;
} NaAnchorData;

/* Strings are taken (NULL for absent), and may point into @arena (which may be NULL); an
 * empty @countries vector is stored as NULL, as the setters do. */
NaAnchor         *_na_anchor_new_take         (NaArena   *arena,
                                               char      *exact,
                                               char      *prefix,
                                               char      *suffix,
                                               int        start,
                                               int        end,
                                               int        page);
NaAnchor         *_na_anchor_ensure           (NaAnchor           **anchor,
                                               NaArena             *arena,
                                               const NaAnchorData  *data);
NaArgument       *_na_argument_new_take       (NaArena   *arena,
                                               char      *id,
                                               char      *essay_id,
                                               char      *question_id,
                                               NaStance   stance,
                                               char      *claim,
                                               char      *grounds,
                                               char     **countries,
                                               const NaAnchorData *anchor);
NaRecommendation *_na_recommendation_new_take (NaArena   *arena,
                                               char      *id,
                                               char      *essay_id,
                                               NaActor    actor,
                                               char      *action,
                                               char     **countries,
                                               char      *question_id,
                                               const NaAnchorData *anchor);
/* The loader's way to add items: each to its index, then all of a list (see na-library.c) */
void              _na_library_index_item      (NaLibrary  *self,
                                               gpointer    item,
                                               const char *id);
void              _na_library_append_items    (NaLibrary  *self,
                                               GType       item_type,
                                               GPtrArray  *items);

G_END_DECLS
