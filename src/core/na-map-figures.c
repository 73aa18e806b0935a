/* na-map-figures.c — counting, per country, what a selection of essays says about it
 *
 * For each country named by an argument or a recommendation of the selected essays: how many
 * arguments, how many recommendations, and how many distinct essays. The map colours by one
 * of the three; the side list shows the items themselves.
 */
#define G_LOG_DOMAIN "na-map-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "na-map-figures.h"

struct _NaMapFigures
{
  gatomicrefcount ref_count;
  GHashTable     *by_code;       /* code → NaMapFigure */
  GHashTable     *essays_seen;   /* "code\nessay" → itself, to count essays once */
  guint           n_essays;
  guint           max[NA_MAP_N_METRICS];
};

static const char *metric_names[NA_MAP_N_METRICS] = { "arguments", "recommendations", "essays" };

gboolean
na_map_metric_from_string (const char  *string,
                           NaMapMetric *metric)
{
  for (guint i = 0; i < NA_MAP_N_METRICS; i++)
    if (g_strcmp0 (string, metric_names[i]) == 0)
      {
        *metric = i;
        return TRUE;
      }

  return FALSE;
}

const char *
na_map_metric_to_string (NaMapMetric metric)
{
  g_return_val_if_fail (metric < NA_MAP_N_METRICS, NULL);

  return metric_names[metric];
}

/* The metric's name, for a drop-down. */
const char *
na_map_metric_get_label (NaMapMetric metric)
{
  switch (metric)
    {
    case NA_MAP_METRIC_ARGUMENTS:
      return _("Arguments");
    case NA_MAP_METRIC_RECOMMENDATIONS:
      return _("Recommendations");
    case NA_MAP_METRIC_ESSAYS:
      return _("Essays");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The legend's heading: what the colours count. */
const char *
na_map_metric_get_legend (NaMapMetric metric)
{
  switch (metric)
    {
    case NA_MAP_METRIC_ARGUMENTS:
      return _("Arguments concerning the country");
    case NA_MAP_METRIC_RECOMMENDATIONS:
      return _("Recommendations concerning the country");
    case NA_MAP_METRIC_ESSAYS:
      return _("Essays discussing the country");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
figure_free (NaMapFigure *figure)
{
  g_ptr_array_unref (figure->items);
  g_free (figure);
}

static void
count_item (NaMapFigures       *self,
            gpointer            item,
            const char         *essay_id,
            const char * const *countries,
            gboolean            is_argument)
{
  for (guint i = 0; countries && countries[i]; i++)
    {
      NaMapFigure *figure = g_hash_table_lookup (self->by_code, countries[i]);
      char *key;

      /* An item naming a country twice concerns it once. */
      if (g_strv_contains ((const char * const *) countries + i + 1, countries[i]))
        continue;

      if (figure == NULL)
        {
          figure = g_new0 (NaMapFigure, 1);
          figure->items = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->by_code, g_strdup (countries[i]), figure);
        }

      g_ptr_array_add (figure->items, g_object_ref (item));
      if (is_argument)
        figure->arguments++;
      else
        figure->recommendations++;

      key = g_strconcat (countries[i], "\n", essay_id, NULL);
      if (g_hash_table_add (self->essays_seen, key))
        figure->essays++;

      self->max[NA_MAP_METRIC_ARGUMENTS] = MAX (self->max[0], figure->arguments);
      self->max[NA_MAP_METRIC_RECOMMENDATIONS] = MAX (self->max[1], figure->recommendations);
      self->max[NA_MAP_METRIC_ESSAYS] = MAX (self->max[2], figure->essays);
    }
}

static int
compare_items_by_essay (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  GHashTable *essay_order = user_data;
  GObject *ia = *(GObject **) a, *ib = *(GObject **) b;
  const char *ea = NA_IS_ARGUMENT (ia) ? na_argument_get_essay_id (NA_ARGUMENT (ia))
                                       : na_recommendation_get_essay_id (NA_RECOMMENDATION (ia));
  const char *eb = NA_IS_ARGUMENT (ib) ? na_argument_get_essay_id (NA_ARGUMENT (ib))
                                       : na_recommendation_get_essay_id (NA_RECOMMENDATION (ib));
  int oa = GPOINTER_TO_INT (g_hash_table_lookup (essay_order, ea));
  int ob = GPOINTER_TO_INT (g_hash_table_lookup (essay_order, eb));

  /* Within an essay, arguments before recommendations, each in library order (stable sort). */
  if (oa != ob)
    return oa - ob;
  return NA_IS_ARGUMENT (ib) - NA_IS_ARGUMENT (ia);
}

/**
 * na_map_figures_new:
 * @library: the library
 * @essay_ids: (nullable): the selected essays, or %NULL for the whole library; unknown ids
 *   select nothing
 *
 * Returns: (transfer full): the figures of the selection
 */
NaMapFigures *
na_map_figures_new (NaLibrary          *library,
                    const char * const *essay_ids)
{
  NaMapFigures *self;
  GListModel *essays, *arguments, *recommendations;
  g_autoptr(GHashTable) essay_order = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  NaMapFigure *figure;

  g_return_val_if_fail (NA_IS_LIBRARY (library), NULL);

  self = g_new0 (NaMapFigures, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) figure_free);
  self->essays_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  essays = na_library_get_essays (library);
  for (guint i = 0, n = g_list_model_get_n_items (essays); i < n; i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (essays, i);
      const char *id = na_essay_get_id (essay);

      if (essay_ids == NULL || g_strv_contains (essay_ids, id))
        {
          /* Offset by one so that "not selected" (NULL) differs from the first essay. */
          g_hash_table_insert (essay_order, (gpointer) id, GINT_TO_POINTER (i + 1));
          self->n_essays++;
        }
    }

  arguments = na_library_get_arguments (library);
  for (guint i = 0, n = g_list_model_get_n_items (arguments); i < n; i++)
    {
      g_autoptr(NaArgument) argument = g_list_model_get_item (arguments, i);
      const char *essay_id = na_argument_get_essay_id (argument);

      if (g_hash_table_contains (essay_order, essay_id))
        count_item (self, argument, essay_id, na_argument_get_countries (argument), TRUE);
    }

  recommendations = na_library_get_recommendations (library);
  for (guint i = 0, n = g_list_model_get_n_items (recommendations); i < n; i++)
    {
      g_autoptr(NaRecommendation) recommendation = g_list_model_get_item (recommendations, i);
      const char *essay_id = na_recommendation_get_essay_id (recommendation);

      if (g_hash_table_contains (essay_order, essay_id))
        count_item (self, recommendation, essay_id,
                    na_recommendation_get_countries (recommendation), FALSE);
    }

  g_hash_table_iter_init (&iter, self->by_code);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &figure))
    g_ptr_array_sort_with_data (figure->items, compare_items_by_essay, essay_order);

  return self;
}

NaMapFigures *
na_map_figures_ref (NaMapFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
na_map_figures_unref (NaMapFigures *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->by_code);
  g_hash_table_unref (self->essays_seen);
  g_free (self);
}

/* How many essays the selection holds. */
guint
na_map_figures_get_n_essays (NaMapFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_essays;
}

/* Returns: (nullable): the figures of @code, or %NULL when the selection never names it */
const NaMapFigure *
na_map_figures_lookup (NaMapFigures *self,
                       const char   *code)
{
  g_return_val_if_fail (self != NULL, NULL);

  return code ? g_hash_table_lookup (self->by_code, code) : NULL;
}

static guint
figure_value (const NaMapFigure *figure,
              NaMapMetric        metric)
{
  if (figure == NULL)
    return 0;

  switch (metric)
    {
    case NA_MAP_METRIC_ARGUMENTS:
      return figure->arguments;
    case NA_MAP_METRIC_RECOMMENDATIONS:
      return figure->recommendations;
    case NA_MAP_METRIC_ESSAYS:
      return figure->essays;
    default:
      g_return_val_if_reached (0);
    }
}

guint
na_map_figures_get_value (NaMapFigures *self,
                          const char   *code,
                          NaMapMetric   metric)
{
  return figure_value (na_map_figures_lookup (self, code), metric);
}

guint
na_map_figures_get_max (NaMapFigures *self,
                        NaMapMetric   metric)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (metric < NA_MAP_N_METRICS, 0);

  return self->max[metric];
}

typedef struct
{
  NaMapFigures *figures;
  NaMapMetric   metric;
  GHashTable   *keys;     /* code → collation key of its name */
} SortData;

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortData *data = user_data;
  const char *ca = *(const char **) a, *cb = *(const char **) b;
  guint va = na_map_figures_get_value (data->figures, ca, data->metric);
  guint vb = na_map_figures_get_value (data->figures, cb, data->metric);
  int cmp;

  if (va != vb)
    return va > vb ? -1 : 1;
  cmp = strcmp (g_hash_table_lookup (data->keys, ca), g_hash_table_lookup (data->keys, cb));
  /* Two codes under one name still come in the same order every time. */
  return cmp != 0 ? cmp : g_strcmp0 (ca, cb);
}

/**
 * na_map_figures_dup_codes:
 * @name_func: (nullable) (scope call): the name a list shows for a code; %NULL (or a %NULL
 *   name) for the code itself
 *
 * Returns: (transfer full): the codes of the countries the selection names, the highest
 *   value of @metric first, then by name as the user's locale sorts it
 */
char **
na_map_figures_dup_codes (NaMapFigures  *self,
                          NaMapMetric    metric,
                          NaMapNameFunc  name_func,
                          gpointer       user_data)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  SortData data = { self, metric, keys };
  GHashTableIter iter;
  const char *code;

  g_return_val_if_fail (self != NULL, NULL);

  g_hash_table_iter_init (&iter, self->by_code);
  while (g_hash_table_iter_next (&iter, (gpointer *) &code, NULL))
    {
      const char *name = name_func ? name_func (code, user_data) : NULL;

      /* Collation keys once per country, not per comparison: ties sort as g_utf8_collate(). */
      g_hash_table_insert (keys, (gpointer) code, g_utf8_collate_key (name ? name : code, -1));
      g_ptr_array_add (codes, (gpointer) code);
    }
  g_ptr_array_sort_with_data (codes, compare_codes, &data);
  for (guint i = 0; i < codes->len; i++)
    codes->pdata[i] = g_strdup (codes->pdata[i]);
  g_ptr_array_add (codes, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

/**
 * na_map_figures_get_classes:
 * @classes: (out caller-allocates): filled with the classes, lowest first
 *
 * Splits 1..max of @metric into the classes of the colour scale: one class per value up to
 * 6, else doubling ranges (1, 2–3, 4–7, …), so that a few much-discussed countries do not
 * wash every other one out into the palest colour.
 *
 * Returns: the number of classes, 0 when the selection names no country
 */
guint
na_map_figures_get_classes (NaMapFigures *self,
                            NaMapMetric   metric,
                            NaMapClass    classes[NA_MAP_MAX_CLASSES])
{
  guint max = na_map_figures_get_max (self, metric);
  guint n = 0;

  if (max <= NA_MAP_MAX_CLASSES - 1)
    {
      for (guint v = 1; v <= max; v++, n++)
        classes[n] = (NaMapClass) { v, v };
      return n;
    }

  for (guint lower = 1; lower <= max && n < NA_MAP_MAX_CLASSES; lower *= 2, n++)
    classes[n] = (NaMapClass) { lower, MIN (lower * 2 - 1, max) };
  classes[n - 1].upper = max;
  return n;
}

/* Returns: the index of the class holding @value, or -1 (for 0, or out of range) */
int
na_map_class_find (const NaMapClass *classes,
                   guint             n_classes,
                   guint             value)
{
  for (guint i = 0; i < n_classes; i++)
    if (value >= classes[i].lower && value <= classes[i].upper)
      return i;

  return -1;
}

/* Returns: (transfer full): e.g. "3 arguments, 1 recommendation, in 2 essays" */
char *
na_map_figure_describe (const NaMapFigure *figure)
{
  guint a = figure ? figure->arguments : 0;
  guint r = figure ? figure->recommendations : 0;
  guint e = figure ? figure->essays : 0;
  g_autofree char *args = g_strdup_printf (ngettext ("%u argument", "%u arguments", a), a);
  g_autofree char *recs = g_strdup_printf (ngettext ("%u recommendation",
                                                     "%u recommendations", r), r);
  g_autofree char *essays = g_strdup_printf (ngettext ("in %u essay", "in %u essays", e), e);

  if (e == 0)
    return g_strdup (_("Not discussed in the selection"));

  /* Translators: "3 arguments, 1 recommendation, in 2 essays" */
  return g_strdup_printf (_("%s, %s, %s"), args, recs, essays);
}
