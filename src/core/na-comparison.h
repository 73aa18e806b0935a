/* na-comparison.h — chosen essays side by side on chosen questions */
#pragma once

#include <gio/gio.h>

#include "na-library.h"

G_BEGIN_DECLS

#define NA_TYPE_COMPARISON (na_comparison_get_type ())
#define NA_COMPARISON_ERROR (na_comparison_error_quark ())

G_DECLARE_FINAL_TYPE (NaComparison, na_comparison, NA, COMPARISON, GObject)

typedef enum
{
  NA_COMPARISON_ERROR_UNKNOWN_ESSAY,
  NA_COMPARISON_ERROR_UNKNOWN_QUESTION,
} NaComparisonError;

/* An essay's position on a question: the stances of NaStance, or silent. */
typedef enum
{
  NA_POSITION_SUPPORTS = NA_STANCE_SUPPORTS,
  NA_POSITION_OPPOSES  = NA_STANCE_OPPOSES,
  NA_POSITION_MIXED    = NA_STANCE_MIXED,
  NA_POSITION_NEUTRAL  = NA_STANCE_NEUTRAL,
  NA_POSITION_SILENT,
  NA_N_POSITIONS
} NaPosition;

typedef enum
{
  NA_AGREEMENT_INSUFFICIENT,  /* fewer than two essays take a side */
  NA_AGREEMENT_CONSENSUS,     /* no essay opposes what another supports */
  NA_AGREEMENT_DISSENT,       /* one supports what another opposes */
} NaAgreement;

#define NA_N_ACTORS (NA_ACTOR_OTHER + 1)

/* Two compared essays (indices into the comparison) and how their positions meet on the
 * questions both address. */
typedef struct
{
  guint essay_a;
  guint essay_b;
  guint n_shared;    /* questions both address */
  guint n_same;      /* … where they take the same position */
  guint n_opposite;  /* … where one supports and the other opposes */
} NaComparisonPair;

GQuark                  na_comparison_error_quark        (void);
NaComparison           *na_comparison_new                (NaLibrary          *library,
                                                          const char * const *essay_ids,
                                                          const char * const *question_ids,
                                                          GError            **error);
NaLibrary              *na_comparison_get_library        (NaComparison       *self);
guint                   na_comparison_get_n_essays       (NaComparison       *self);
NaEssay                *na_comparison_get_essay          (NaComparison       *self,
                                                          guint               essay);
guint                   na_comparison_get_n_questions    (NaComparison       *self);
NaQuestion             *na_comparison_get_question       (NaComparison       *self,
                                                          guint               question);
NaArgument * const     *na_comparison_get_arguments      (NaComparison       *self,
                                                          guint               essay,
                                                          guint               question,
                                                          guint              *n_arguments);
GListModel             *na_comparison_dup_arguments      (NaComparison       *self,
                                                          guint               essay,
                                                          guint               question);
NaPosition              na_comparison_get_position       (NaComparison       *self,
                                                          guint               essay,
                                                          guint               question);
guint                   na_comparison_get_count          (NaComparison       *self,
                                                          guint               question,
                                                          NaPosition          position);
NaAgreement             na_comparison_get_agreement      (NaComparison       *self,
                                                          guint               question);
guint                   na_comparison_get_n_disagreements (NaComparison      *self);
GArray                 *na_comparison_dup_question_rows  (NaComparison       *self,
                                                          gboolean            only_disagreements);
const NaComparisonPair *na_comparison_get_pairs          (NaComparison       *self,
                                                          guint              *n_pairs);
const NaComparisonPair *na_comparison_get_most_aligned   (NaComparison       *self);
const NaComparisonPair *na_comparison_get_most_opposed   (NaComparison       *self);
GListModel             *na_comparison_get_recommendations (NaComparison      *self,
                                                          NaActor             actor);
GListModel             *na_comparison_get_countries      (NaComparison       *self);
guint                   na_comparison_get_country_mentions (NaComparison     *self,
                                                          const char         *code);

gboolean                na_comparison_has_notes          (NaComparison       *self,
                                                          GHashTable         *notes);

double                  na_comparison_pair_get_closeness (const NaComparisonPair *pair);
double                  na_comparison_pair_get_opposition (const NaComparisonPair *pair);
const char             *na_position_to_label             (NaPosition          position);
const char             *na_position_to_nick              (NaPosition          position);
const char             *na_agreement_to_label            (NaAgreement         agreement);
const char             *na_agreement_to_nick             (NaAgreement         agreement);

G_END_DECLS
