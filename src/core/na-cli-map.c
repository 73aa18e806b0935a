/* na-cli-map.c — `natoasia --export-map FILE.png|FILE.svg [--essays ID,…] [--metric M]`
 * (the shared --format png|svg overrides the extension)
 *
 * Writes the same map the window shows (the Asia-Pacific, light colours, with its legend),
 * drawn by the core's cairo renderer, so it works over ssh and in scripts.
 */
#define G_LOG_DOMAIN "na-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "na-cli-map.h"
#include "na-world-map.h"

/**
 * na_map_describe_selection:
 * @essay_ids: (nullable): the selected essays, %NULL for the whole library
 *
 * Returns: (transfer full): a caption for the selection, e.g. "Whole library (18 essays)"
 */
char *
na_map_describe_selection (NaLibrary          *library,
                           const char * const *essay_ids)
{
  guint n_all = g_list_model_get_n_items (na_library_get_essays (library));
  guint n = essay_ids ? g_strv_length ((char **) essay_ids) : 0;
  NaEssay *essay;

  if (essay_ids == NULL)
    return g_strdup_printf (ngettext ("Whole library (%u essay)", "Whole library (%u essays)",
                                      n_all), n_all);

  if (n == 1 && (essay = na_library_lookup_essay (library, essay_ids[0])) != NULL)
    return na_essay_dup_full_title (essay);

  return g_strdup_printf (ngettext ("%u essay", "%u selected essays", n), n);
}

/* Splits "a,b , c" into ids; every one must name an essay of the library. */
static char **
parse_essays (NaLibrary   *library,
              const char  *list,
              GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; parts[i]; i++)
    {
      char *id = g_strstrip (parts[i]);

      if (*id == '\0')
        continue;
      if (na_library_lookup_essay (library, id) == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--essays: no essay has the id “%s” (see --list)"), id);
          return NULL;
        }
      g_strv_builder_add (ids, id);
      n++;
    }

  if (n == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--essays: give at least one essay id"));
      return NULL;
    }

  return g_strv_builder_end (ids);
}

int
na_cli_export_map (NaLibrary    *library,
                   GVariantDict *options)
{
  g_autofree char *path = NULL;
  g_autofree char *metric_name = NULL;
  g_autofree char *essays_list = NULL;
  g_autofree char *format = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *caption = NULL;
  g_auto(GStrv) essay_ids = NULL;
  g_autoptr(NaWorldMap) map = NULL;
  g_autoptr(NaMapFigures) figures = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  NaMapMetric metric = NA_MAP_METRIC_ARGUMENTS;

  g_return_val_if_fail (NA_IS_LIBRARY (library), 1);

  g_variant_dict_lookup (options, "export-map", "^ay", &path);
  g_return_val_if_fail (path != NULL, 1);

  if (g_variant_dict_lookup (options, "metric", "s", &metric_name) &&
      !na_map_metric_from_string (metric_name, &metric))
    {
      g_printerr (_("natoasia: --metric: unknown metric “%s”; use arguments, "
                    "recommendations or essays\n"), metric_name);
      return 1;
    }

  if (g_variant_dict_lookup (options, "essays", "s", &essays_list) &&
      !(essay_ids = parse_essays (library, essays_list, &error)))
    {
      g_printerr ("natoasia: %s\n", error->message);
      return 1;
    }

  /* The shared --format option overrides the file name's extension. */
  g_variant_dict_lookup (options, "format", "s", &format);
  if (format != NULL && g_ascii_strcasecmp (format, "png") != 0 &&
      g_ascii_strcasecmp (format, "svg") != 0)
    {
      g_printerr (_("natoasia: --format: the map is exported as png or svg, not “%s”\n"),
                  format);
      return 1;
    }

  map = na_world_map_new_bundled (&error);
  if (map == NULL)
    {
      g_printerr (_("natoasia: could not load the map: %s\n"), error->message);
      return 1;
    }

  figures = na_map_figures_new (library, (const char * const *) essay_ids);
  selection = na_map_describe_selection (library, (const char * const *) essay_ids);
  /* Translators: the exported map's heading: "Arguments — Whole library (18 essays)" */
  caption = g_strdup_printf (_("%s — %s"), na_map_metric_get_label (metric), selection);
  file = g_file_new_for_commandline_arg (path);
  if (!na_world_map_export (map, figures, metric, caption, format, file, &error))
    {
      g_printerr ("natoasia: %s\n", error->message);
      return 1;
    }

  return 0;
}
