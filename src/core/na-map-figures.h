/* na-map-figures.h — what a selection of essays says about each country, for the map */
#pragma once

#include "na-library.h"

G_BEGIN_DECLS

typedef enum
{
  NA_MAP_METRIC_ARGUMENTS,
  NA_MAP_METRIC_RECOMMENDATIONS,
  NA_MAP_METRIC_ESSAYS,
} NaMapMetric;

#define NA_MAP_N_METRICS 3
#define NA_MAP_MAX_CLASSES 7

typedef struct
{
  guint      arguments;
  guint      recommendations;
  guint      essays;
  GPtrArray *items;   /* the NaArgument and NaRecommendation objects, essay by essay */
} NaMapFigure;

/* One class of the colour scale: the values lower..upper. */
typedef struct
{
  guint lower;
  guint upper;
} NaMapClass;

typedef struct _NaMapFigures NaMapFigures;

/* The name shown for a country's @code, or %NULL if it has none. */
typedef const char *(*NaMapNameFunc) (const char *code,
                                      gpointer    user_data);

gboolean           na_map_metric_from_string   (const char          *string,
                                                NaMapMetric         *metric);
const char        *na_map_metric_to_string     (NaMapMetric          metric);
const char        *na_map_metric_get_label     (NaMapMetric          metric);
const char        *na_map_metric_get_legend    (NaMapMetric          metric);

NaMapFigures      *na_map_figures_new          (NaLibrary           *library,
                                                const char * const  *essay_ids);
NaMapFigures      *na_map_figures_ref          (NaMapFigures        *self);
void               na_map_figures_unref        (NaMapFigures        *self);
guint              na_map_figures_get_n_essays (NaMapFigures        *self);
const NaMapFigure *na_map_figures_lookup       (NaMapFigures        *self,
                                                const char          *code);
guint              na_map_figures_get_value    (NaMapFigures        *self,
                                                const char          *code,
                                                NaMapMetric          metric);
guint              na_map_figures_get_max      (NaMapFigures        *self,
                                                NaMapMetric          metric);
char             **na_map_figures_dup_codes    (NaMapFigures        *self,
                                                NaMapMetric          metric,
                                                NaMapNameFunc        name_func,
                                                gpointer             user_data);
guint              na_map_figures_get_classes  (NaMapFigures        *self,
                                                NaMapMetric          metric,
                                                NaMapClass           classes[NA_MAP_MAX_CLASSES]);
int                na_map_class_find           (const NaMapClass    *classes,
                                                guint                n_classes,
                                                guint                value);
char              *na_map_figure_describe      (const NaMapFigure   *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaMapFigures, na_map_figures_unref)

G_END_DECLS
