/* na-comparison.c — chosen essays side by side on chosen questions
 *
 * Everything is computed once, at construction, into flat arrays indexed by essay and question,
 * so views and exporters read it in constant time and a thousand essays build in milliseconds.
 *
 * An essay's position on a question is the stance of its arguments there when they agree;
 * arguments that support and oppose (or any mixed one) make it mixed; a neutral argument beside
 * supporting ones does not change "supports". A question is in dissent when one compared essay
 * supports what another opposes; when at least two take a side (supports, opposes, mixed) and
 * none do that, it is a consensus (mixed views qualify it without contradicting it).
 */
#define G_LOG_DOMAIN "na-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "na-comparison.h"

struct _NaComparison
{
  GObject parent_instance;

  NaLibrary *library;
  GPtrArray *essays;             /* NaEssay, in comparison order */
  GPtrArray *questions;          /* NaQuestion */

  /* Arguments of cell (e, q) = e * n_questions + q are args[offsets[cell] .. offsets[cell+1]) */
  guint      *offsets;
  NaArgument **args;
  guint8     *positions;         /* NaPosition per cell */
  guint      *counts;            /* per question × NA_N_POSITIONS */
  guint8     *agreements;        /* NaAgreement per question */
  guint       n_disagreements;

  guint64    *masks;             /* per essay × position: its questions, when ≤ 64 questions */
  GArray     *pairs;             /* NaComparisonPair, made when first asked for */
  /* The extremes, among pairs sharing ≥ 2 questions ([0]) and ≥ 1 ([1]). */
  NaComparisonPair aligned[2];
  NaComparisonPair opposed[2];
  gboolean    has_aligned[2];
  gboolean    has_opposed[2];

  GListStore *recommendations[NA_N_ACTORS];
  GListStore *countries;         /* NaCountry, most mentioned first */
  GHashTable *country_mentions;  /* code → count */
};

G_DEFINE_FINAL_TYPE (NaComparison, na_comparison, G_TYPE_OBJECT)
G_DEFINE_QUARK (na-comparison-error-quark, na_comparison_error)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
na_comparison_finalize (GObject *object)
{
  NaComparison *self = (NaComparison *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->essays, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->offsets, g_free);
  g_clear_pointer (&self->args, g_free);
  g_clear_pointer (&self->positions, g_free);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->agreements, g_free);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->masks, g_free);
  for (guint i = 0; i < NA_N_ACTORS; i++)
    g_clear_object (&self->recommendations[i]);
  g_clear_object (&self->countries);
  g_clear_pointer (&self->country_mentions, g_hash_table_unref);

  G_OBJECT_CLASS (na_comparison_parent_class)->finalize (object);
}

static void
na_comparison_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NaComparison *self = NA_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_comparison_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NaComparison *self = NA_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_comparison_class_init (NaComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_comparison_finalize;
  object_class->get_property = na_comparison_get_property;
  object_class->set_property = na_comparison_set_property;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, "The library the compared essays come from",
                         NA_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_comparison_init (NaComparison *self)
{
  self->essays = g_ptr_array_new_with_free_func (g_object_unref);
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < NA_N_ACTORS; i++)
    self->recommendations[i] = g_list_store_new (NA_TYPE_RECOMMENDATION);
  self->countries = g_list_store_new (NA_TYPE_COUNTRY);
  self->country_mentions = g_hash_table_new (g_str_hash, g_str_equal);
}

typedef gpointer (*LookupFunc) (NaLibrary *, const char *);

/* Fills @items (and @index: id → position + 1) from @ids, or from the whole @model. */
static gboolean
choose (GPtrArray          *items,
        GHashTable         *index,
        GListModel         *model,
        const char * const *ids,
        LookupFunc          lookup,
        const char *      (*get_id) (gpointer),
        NaLibrary          *library,
        GError            **error,
        int                 code)
{
  if (ids == NULL)
    {
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (model, i));
    }
  else
    for (guint i = 0; ids[i] != NULL; i++)
      {
        gpointer item = lookup (library, ids[i]);

        if (item == NULL)
          {
            g_set_error (error, NA_COMPARISON_ERROR, code,
                         code == NA_COMPARISON_ERROR_UNKNOWN_ESSAY
                         ? _("No essay with the id “%s” in the library")
                         : _("No question with the id “%s” in the library"), ids[i]);
            return FALSE;
          }
        if (!g_ptr_array_find (items, item, NULL))
          g_ptr_array_add (items, g_object_ref (item));
      }

  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (index, (gpointer) get_id (items->pdata[i]), GUINT_TO_POINTER (i + 1));
  return TRUE;
}

static NaPosition
position_of (NaArgument * const *args,
             guint               n)
{
  gboolean sup = FALSE, opp = FALSE, mixed = FALSE;

  if (n == 0)
    return NA_POSITION_SILENT;
  for (guint i = 0; i < n; i++)
    switch (na_argument_get_stance (args[i]))
      {
      case NA_STANCE_SUPPORTS: sup = TRUE; break;
      case NA_STANCE_OPPOSES: opp = TRUE; break;
      case NA_STANCE_MIXED: mixed = TRUE; break;
      case NA_STANCE_NEUTRAL: default: break;
      }
  if (mixed || (sup && opp))
    return NA_POSITION_MIXED;
  return sup ? NA_POSITION_SUPPORTS : opp ? NA_POSITION_OPPOSES : NA_POSITION_NEUTRAL;
}

static void
add_countries (NaComparison       *self,
               const char * const *codes)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      gpointer n = g_hash_table_lookup (self->country_mentions, codes[i]);

      /* Keys borrowed from the library's items, which live as long as we hold the library. */
      g_hash_table_insert (self->country_mentions, (gpointer) codes[i],
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }
}

static void
build_cells (NaComparison *self,
             GHashTable   *essay_index,
             GHashTable   *question_index)
{
  GListModel *all = na_library_get_arguments (self->library);
  guint n_all = g_list_model_get_n_items (all);
  guint nq = self->questions->len;
  guint n_cells = self->essays->len * nq;
  g_autofree guint *cell_of = g_new (guint, n_all);
  g_autofree NaArgument **all_args = g_new (NaArgument *, MAX (n_all, 1));
  g_autofree guint *fill = NULL;

  self->offsets = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < n_all; i++)
    {
      /* Borrowed: the library, which we hold, owns its arguments. */
      NaArgument *arg = all_args[i] = g_list_model_get_item (all, i);
      guint e;
      guint q;

      g_object_unref (arg);
      e = GPOINTER_TO_UINT (g_hash_table_lookup (essay_index, na_argument_get_essay_id (arg)));
      q = GPOINTER_TO_UINT (g_hash_table_lookup (question_index,
                                                 na_argument_get_question_id (arg)));

      cell_of[i] = (e && q) ? (e - 1) * nq + (q - 1) : G_MAXUINT;
      if (cell_of[i] != G_MAXUINT)
        self->offsets[cell_of[i] + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    self->offsets[c + 1] += self->offsets[c];

  self->args = g_new (NaArgument *, MAX (self->offsets[n_cells], 1));
  fill = g_memdup2 (self->offsets, sizeof (guint) * (n_cells + 1));
  for (guint i = 0; i < n_all; i++)
    if (cell_of[i] != G_MAXUINT)
      {
        self->args[fill[cell_of[i]]++] = all_args[i];
        add_countries (self, na_argument_get_countries (all_args[i]));
      }

  self->positions = g_new (guint8, MAX (n_cells, 1));
  self->counts = g_new0 (guint, nq * NA_N_POSITIONS + 1);
  for (guint c = 0; c < n_cells; c++)
    {
      NaPosition p = position_of (self->args + self->offsets[c],
                                  self->offsets[c + 1] - self->offsets[c]);

      self->positions[c] = p;
      self->counts[(c % nq) * NA_N_POSITIONS + p]++;
    }
}

static void
build_agreement (NaComparison *self)
{
  guint nq = self->questions->len;

  self->agreements = g_new0 (guint8, MAX (nq, 1));
  for (guint q = 0; q < nq; q++)
    {
      const guint *c = self->counts + q * NA_N_POSITIONS;
      guint sides = c[NA_POSITION_SUPPORTS] + c[NA_POSITION_OPPOSES] + c[NA_POSITION_MIXED];

      if (sides < 2)
        self->agreements[q] = NA_AGREEMENT_INSUFFICIENT;
      else if (c[NA_POSITION_SUPPORTS] == 0 || c[NA_POSITION_OPPOSES] == 0)
        self->agreements[q] = NA_AGREEMENT_CONSENSUS;
      else
        {
          self->agreements[q] = NA_AGREEMENT_DISSENT;
          self->n_disagreements++;
        }
    }
}

/* Bits set in @x. popcount64 becomes a library call without -mpopcnt, which we
 * cannot assume; this branch-free count is as fast as it gets without the instruction. */
static inline guint
popcount64 (guint64 x)
{
  x = x - ((x >> 1) & G_GUINT64_CONSTANT (0x5555555555555555));
  x = (x & G_GUINT64_CONSTANT (0x3333333333333333)) +
      ((x >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  x = (x + (x >> 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);
  return (x * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56;
}

/* With up to 64 questions each essay's positions fit in bit masks, one per position, and a
 * pair is a handful of popcounts: half a million pairs in a few milliseconds. */
static void
build_masks (NaComparison *self)
{
  guint ne = self->essays->len;
  guint nq = self->questions->len;

  self->masks = g_new0 (guint64, MAX ((gsize) ne * NA_N_POSITIONS, 1));
  for (guint e = 0; e < ne; e++)
    for (guint q = 0; q < nq; q++)
      self->masks[e * NA_N_POSITIONS + self->positions[e * nq + q]] |=
        G_GUINT64_CONSTANT (1) << q;
}

static inline void
compute_pair (NaComparison     *self,
              guint             a,
              guint             b,
              NaComparisonPair *pair)
{
  pair->essay_a = a;
  pair->essay_b = b;

  if (self->masks != NULL)
    {
      const guint64 *ma = self->masks + a * NA_N_POSITIONS;
      const guint64 *mb = self->masks + b * NA_N_POSITIONS;

      pair->n_shared = popcount64 ((ma[0] | ma[1] | ma[2] | ma[3]) &
                                   (mb[0] | mb[1] | mb[2] | mb[3]));
      pair->n_same = popcount64 (ma[0] & mb[0]) + popcount64 (ma[1] & mb[1]) +
                     popcount64 (ma[2] & mb[2]) + popcount64 (ma[3] & mb[3]);
      pair->n_opposite = popcount64 (ma[NA_POSITION_SUPPORTS] & mb[NA_POSITION_OPPOSES]) +
                         popcount64 (ma[NA_POSITION_OPPOSES] & mb[NA_POSITION_SUPPORTS]);
      return;
    }

  pair->n_shared = pair->n_same = pair->n_opposite = 0;
  for (guint q = 0, nq = self->questions->len; q < nq; q++)
    {
      guint8 pa = self->positions[a * nq + q], pb = self->positions[b * nq + q];

      if (pa == NA_POSITION_SILENT || pb == NA_POSITION_SILENT)
        continue;
      pair->n_shared++;
      pair->n_same += pa == pb;
      pair->n_opposite += (pa == NA_POSITION_SUPPORTS && pb == NA_POSITION_OPPOSES) ||
                          (pa == NA_POSITION_OPPOSES && pb == NA_POSITION_SUPPORTS);
    }
}

/* Compares two ratios n1/d1 and n2/d2 exactly. */
static int
cmp_ratio (guint n1, guint d1, guint n2, guint d2)
{
  guint64 x = (guint64) n1 * d2, y = (guint64) n2 * d1;

  return (x > y) - (x < y);
}

/* Whether @p beats @best on @n / shared, ties going to more shared questions; pairs come in
 * order, so among equals the first stays. */
static inline gboolean
beats (const NaComparisonPair *p,
       guint                   n,
       const NaComparisonPair *best,
       guint                   best_n)
{
  int c = cmp_ratio (n, p->n_shared, best_n, best->n_shared);

  return c > 0 || (c == 0 && p->n_shared > best->n_shared);
}

/* The extremes are found in one streaming pass, without storing the n² pairs. They count only
 * pairs sharing at least two questions when any do, so that one question in common does not
 * make a "100 %" pair. */
static void
rank_pairs (NaComparison *self)
{
  guint ne = self->essays->len;

  for (guint a = 0; a < ne; a++)
    for (guint b = a + 1; b < ne; b++)
      {
        NaComparisonPair p;

        compute_pair (self, a, b, &p);
        if (p.n_shared == 0)
          continue;
        for (guint k = p.n_shared >= 2 ? 0 : 1; k < 2; k++)
          {
            if (!self->has_aligned[k] || beats (&p, p.n_same, &self->aligned[k],
                                                self->aligned[k].n_same))
              {
                self->aligned[k] = p;
                self->has_aligned[k] = TRUE;
              }
            if (p.n_opposite > 0 &&
                (!self->has_opposed[k] || beats (&p, p.n_opposite, &self->opposed[k],
                                                 self->opposed[k].n_opposite)))
              {
                self->opposed[k] = p;
                self->has_opposed[k] = TRUE;
              }
          }
      }
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  NaComparison *self = user_data;
  guint na = na_comparison_get_country_mentions (self, na_country_get_code ((NaCountry *) a));
  guint nb = na_comparison_get_country_mentions (self, na_country_get_code ((NaCountry *) b));

  if (na != nb)
    return na > nb ? -1 : 1;
  return g_utf8_collate (na_country_get_name ((NaCountry *) a),
                         na_country_get_name ((NaCountry *) b));
}

static void
build_recommendations (NaComparison *self,
                       GHashTable   *essay_index,
                       GHashTable   *question_index,
                       gboolean      all_questions)
{
  GListModel *all = na_library_get_recommendations (self->library);
  guint n = g_list_model_get_n_items (all);
  GHashTableIter iter;
  gpointer code;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaRecommendation) rec = g_list_model_get_item (all, i);
      const char *question_id = na_recommendation_get_question_id (rec);
      NaActor actor = na_recommendation_get_actor (rec);

      if (!g_hash_table_contains (essay_index, na_recommendation_get_essay_id (rec)))
        continue;
      /* Recommendations tied to no question belong to every selection of questions. */
      if (!all_questions && question_id != NULL &&
          !g_hash_table_contains (question_index, question_id))
        continue;
      g_list_store_append (self->recommendations[MIN (actor, NA_ACTOR_OTHER)], rec);
      add_countries (self, na_recommendation_get_countries (rec));
    }

  g_hash_table_iter_init (&iter, self->country_mentions);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      NaCountry *country = na_library_lookup_country (self->library, code);

      if (country != NULL)
        g_list_store_append (self->countries, country);
      else
        {
          g_autoptr(NaCountry) unknown = na_country_new ();

          na_country_set_code (unknown, code);
          na_country_set_name (unknown, code);
          g_list_store_append (self->countries, unknown);
        }
    }
  g_list_store_sort (self->countries, compare_countries, self);
}

static const char *
essay_id (gpointer item)
{
  return na_essay_get_id (item);
}

static const char *
question_id (gpointer item)
{
  return na_question_get_id (item);
}

/**
 * na_comparison_new:
 * @library: the library
 * @essay_ids: (nullable): the essays to compare, in this order; %NULL for all
 * @question_ids: (nullable): the questions, in this order; %NULL for all
 * @error: set when an id names nothing in @library
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with @error set
 */
NaComparison *
na_comparison_new (NaLibrary          *library,
                   const char * const *essay_ids,
                   const char * const *question_ids,
                   GError            **error)
{
  g_autoptr(NaComparison) self = NULL;
  g_autoptr(GHashTable) essay_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) question_index = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (NA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (NA_TYPE_COMPARISON, "library", library, NULL);
  if (!choose (self->essays, essay_index, na_library_get_essays (library), essay_ids,
               (LookupFunc) na_library_lookup_essay, essay_id, library, error,
               NA_COMPARISON_ERROR_UNKNOWN_ESSAY) ||
      !choose (self->questions, question_index, na_library_get_questions (library),
               question_ids, (LookupFunc) na_library_lookup_question, question_id, library,
               error, NA_COMPARISON_ERROR_UNKNOWN_QUESTION))
    return NULL;

  build_cells (self, essay_index, question_index);
  build_agreement (self);
  if (self->questions->len <= 64)
    build_masks (self);
  rank_pairs (self);
  build_recommendations (self, essay_index, question_index, question_ids == NULL);

  return g_steal_pointer (&self);
}

NaLibrary *
na_comparison_get_library (NaComparison *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);

  return self->library;
}

guint
na_comparison_get_n_essays (NaComparison *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), 0);

  return self->essays->len;
}

NaEssay *
na_comparison_get_essay (NaComparison *self,
                         guint         essay)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (essay < self->essays->len, NULL);

  return self->essays->pdata[essay];
}

guint
na_comparison_get_n_questions (NaComparison *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), 0);

  return self->questions->len;
}

NaQuestion *
na_comparison_get_question (NaComparison *self,
                            guint         question)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (question < self->questions->len, NULL);

  return self->questions->pdata[question];
}

/**
 * na_comparison_get_arguments:
 * @n_arguments: (out): how many
 *
 * Returns: (transfer none) (array length=n_arguments): the essay's arguments on the question,
 *   in library order
 */
NaArgument * const *
na_comparison_get_arguments (NaComparison *self,
                             guint         essay,
                             guint         question,
                             guint        *n_arguments)
{
  guint cell;

  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (essay < self->essays->len, NULL);
  g_return_val_if_fail (question < self->questions->len, NULL);
  g_return_val_if_fail (n_arguments != NULL, NULL);

  cell = essay * self->questions->len + question;
  *n_arguments = self->offsets[cell + 1] - self->offsets[cell];
  return self->args + self->offsets[cell];
}

/**
 * na_comparison_dup_arguments:
 *
 * Returns: (transfer full): a new list of the essay's arguments on the question
 */
GListModel *
na_comparison_dup_arguments (NaComparison *self,
                             guint         essay,
                             guint         question)
{
  GListStore *store = g_list_store_new (NA_TYPE_ARGUMENT);
  NaArgument * const *args;
  guint n = 0;

  args = na_comparison_get_arguments (self, essay, question, &n);
  if (n > 0)
    g_list_store_splice (store, 0, 0, (gpointer *) args, n);
  return G_LIST_MODEL (store);
}

NaPosition
na_comparison_get_position (NaComparison *self,
                            guint         essay,
                            guint         question)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NA_POSITION_SILENT);
  g_return_val_if_fail (essay < self->essays->len, NA_POSITION_SILENT);
  g_return_val_if_fail (question < self->questions->len, NA_POSITION_SILENT);

  return self->positions[essay * self->questions->len + question];
}

/* How many of the compared essays take @position on @question. */
guint
na_comparison_get_count (NaComparison *self,
                         guint         question,
                         NaPosition    position)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), 0);
  g_return_val_if_fail (question < self->questions->len, 0);
  g_return_val_if_fail (position < NA_N_POSITIONS, 0);

  return self->counts[question * NA_N_POSITIONS + position];
}

NaAgreement
na_comparison_get_agreement (NaComparison *self,
                             guint         question)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NA_AGREEMENT_INSUFFICIENT);
  g_return_val_if_fail (question < self->questions->len, NA_AGREEMENT_INSUFFICIENT);

  return self->agreements[question];
}

guint
na_comparison_get_n_disagreements (NaComparison *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), 0);

  return self->n_disagreements;
}

/**
 * na_comparison_dup_question_rows:
 * @only_disagreements: keep only the questions in dissent
 *
 * Returns: (transfer full) (element-type guint): the question indices to show, in order
 */
GArray *
na_comparison_dup_question_rows (NaComparison *self,
                                 gboolean      only_disagreements)
{
  GArray *rows;

  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);

  rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint q = 0; q < self->questions->len; q++)
    if (!only_disagreements || self->agreements[q] == NA_AGREEMENT_DISSENT)
      g_array_append_val (rows, q);
  return rows;
}

/**
 * na_comparison_get_pairs:
 * @n_pairs: (out): how many: n × (n − 1) / 2 for n essays
 *
 * Returns: (transfer none) (array length=n_pairs): every pair of compared essays, (0, 1),
 *   (0, 2), … (1, 2), …
 */
const NaComparisonPair *
na_comparison_get_pairs (NaComparison *self,
                         guint        *n_pairs)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (n_pairs != NULL, NULL);

  if (self->pairs == NULL)
    {
      guint ne = self->essays->len;

      self->pairs = g_array_sized_new (FALSE, FALSE, sizeof (NaComparisonPair),
                                       ne > 1 ? ne * (ne - 1) / 2 : 0);
      for (guint a = 0; a < ne; a++)
        for (guint b = a + 1; b < ne; b++)
          {
            NaComparisonPair p;

            compute_pair (self, a, b, &p);
            g_array_append_val (self->pairs, p);
          }
    }

  *n_pairs = self->pairs->len;
  return (const NaComparisonPair *) (gpointer) self->pairs->data;
}

/* The pair with the highest closeness (ties: more questions shared), or %NULL. */
const NaComparisonPair *
na_comparison_get_most_aligned (NaComparison *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);

  /* Pairs sharing one question only count when no pair shares two. */
  if (self->has_aligned[0])
    return &self->aligned[0];
  return self->has_aligned[1] ? &self->aligned[1] : NULL;
}

/* The pair that most often takes opposite sides, or %NULL when no pair ever does. */
const NaComparisonPair *
na_comparison_get_most_opposed (NaComparison *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);

  if (self->has_aligned[0])
    return self->has_opposed[0] ? &self->opposed[0] : NULL;
  return self->has_opposed[1] ? &self->opposed[1] : NULL;
}

/**
 * na_comparison_get_recommendations:
 *
 * Returns: (transfer none): the compared essays' recommendations addressed to @actor
 */
GListModel *
na_comparison_get_recommendations (NaComparison *self,
                                   NaActor       actor)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (actor < NA_N_ACTORS, NULL);

  return G_LIST_MODEL (self->recommendations[actor]);
}

/**
 * na_comparison_get_countries:
 *
 * Returns: (transfer none): the countries the compared arguments and recommendations
 *   concern, most mentioned first
 */
GListModel *
na_comparison_get_countries (NaComparison *self)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->countries);
}

guint
na_comparison_get_country_mentions (NaComparison *self,
                                    const char   *code)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->country_mentions, code));
}

/* The share, 0 to 1, of the questions both address where they take the same position. */
double
na_comparison_pair_get_closeness (const NaComparisonPair *pair)
{
  g_return_val_if_fail (pair != NULL, 0);

  return pair->n_shared ? (double) pair->n_same / pair->n_shared : 0;
}

double
na_comparison_pair_get_opposition (const NaComparisonPair *pair)
{
  g_return_val_if_fail (pair != NULL, 0);

  return pair->n_shared ? (double) pair->n_opposite / pair->n_shared : 0;
}

const char *
na_position_to_label (NaPosition position)
{
  if (position == NA_POSITION_SILENT)
    /* Translators: an essay that says nothing on a question */
    return _("Silent");
  return na_stance_to_label ((NaStance) position);
}

/* Stable, untranslated names, for the CSV and JSON exports. */
const char *
na_position_to_nick (NaPosition position)
{
  static const char *nicks[] = { "supports", "opposes", "mixed", "neutral", "silent" };

  g_return_val_if_fail (position < NA_N_POSITIONS, NULL);
  return nicks[position];
}

const char *
na_agreement_to_label (NaAgreement agreement)
{
  switch (agreement)
    {
    case NA_AGREEMENT_CONSENSUS: return _("Consensus");
    case NA_AGREEMENT_DISSENT: return _("Dissent");
    case NA_AGREEMENT_INSUFFICIENT: return _("Too few positions");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
na_agreement_to_nick (NaAgreement agreement)
{
  static const char *nicks[] = { "insufficient", "consensus", "dissent" };

  g_return_val_if_fail (agreement <= NA_AGREEMENT_DISSENT, NULL);
  return nicks[agreement];
}

static gboolean
has_note (GHashTable *notes,
          const char *id)
{
  const char *note = id != NULL ? g_hash_table_lookup (notes, id) : NULL;

  return note != NULL && *note != '\0';
}

/**
 * na_comparison_has_notes:
 * @notes: (nullable): item id → note, as NaExportOptions.notes
 *
 * Whether an export of this comparison would carry any of @notes: a note on a compared
 * essay or question, or on an argument or recommendation the comparison shows. The export
 * dialog offers the notes only then.
 */
gboolean
na_comparison_has_notes (NaComparison *self,
                         GHashTable   *notes)
{
  g_return_val_if_fail (NA_IS_COMPARISON (self), FALSE);

  if (notes == NULL || g_hash_table_size (notes) == 0)
    return FALSE;

  for (guint e = 0; e < na_comparison_get_n_essays (self); e++)
    {
      if (has_note (notes, na_essay_get_id (na_comparison_get_essay (self, e))))
        return TRUE;
      for (guint q = 0; q < na_comparison_get_n_questions (self); q++)
        {
          guint n;
          NaArgument * const *args = na_comparison_get_arguments (self, e, q, &n);

          for (guint i = 0; i < n; i++)
            if (has_note (notes, na_argument_get_id (args[i])))
              return TRUE;
        }
    }
  for (guint q = 0; q < na_comparison_get_n_questions (self); q++)
    if (has_note (notes, na_question_get_id (na_comparison_get_question (self, q))))
      return TRUE;
  for (guint actor = 0; actor < NA_N_ACTORS; actor++)
    {
      GListModel *recs = na_comparison_get_recommendations (self, actor);

      for (guint i = 0; i < g_list_model_get_n_items (recs); i++)
        {
          g_autoptr(NaRecommendation) rec = g_list_model_get_item (recs, i);

          if (has_note (notes, na_recommendation_get_id (rec)))
            return TRUE;
        }
    }
  return FALSE;
}
