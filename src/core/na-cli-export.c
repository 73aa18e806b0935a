/* na-cli-export.c — `natoasia --export-comparison FILE [--essays …] [--questions …]
 * [--format md|html|pdf|csv|json] [--notes] [--bundled-only]`: a comparison summary written
 * without a display
 *
 * The format comes from --format, else from FILE's extension; "-" writes to standard output
 * (then --format is needed). Unknown ids or formats are errors that name what was wrong. Like
 * the window, the summary covers the user's own analysis from their annotations file, read
 * without ever changing it, unless --bundled-only; --notes adds their notes.
 */
#define G_LOG_DOMAIN "na-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "na-attachments.h"
#include "na-cli-export.h"
#include "na-comparison.h"
#include "na-export.h"
#include "na-user-analysis.h"

/* "a, b,,c" → { "a", "b", "c" }; NULL when @list is NULL (meaning: all). */
static char **
split_ids (const char *list)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) parts = NULL;

  if (list == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/**
 * na_cli_user_library:
 * @store: (out) (optional) (transfer full): the user's store, %NULL with --bundled-only
 *
 * What an export works on, like the window: @library with the user's own analysis merged in,
 * read from their annotations file without ever changing it, and the pages its anchors
 * resolved to in the PDFs they attached; @library itself with --bundled-only. A file that cannot be read is an error naming it, printed here.
 *
 * Returns: (transfer full) (nullable): the library, or %NULL after printing the error
 */
NaLibrary *
na_cli_user_library (NaLibrary     *library,
                     GVariantDict  *options,
                     NaUserStore  **store)
{
  g_autoptr(NaUserStore) user = NULL;
  g_autoptr(NaAttachments) attachments = NULL;
  g_autoptr(GError) error = NULL;
  NaLibrary *merged;

  if (g_variant_dict_contains (options, "bundled-only"))
    {
      if (store != NULL)
        *store = NULL;
      return g_object_ref (library);
    }
  user = na_user_store_new (NULL);
  if (!na_user_store_load_read_only (user, &error))
    {
      g_printerr (_("natoasia: %s; use --bundled-only to export without it\n"), error->message);
      return NULL;
    }
  /* The pages the anchors resolved to in the user's PDFs (--attach), as the window shows. */
  attachments = na_attachments_new (NULL);
  if (!na_attachments_load_read_only (attachments, &error))
    {
      g_printerr (_("natoasia: %s; use --bundled-only to export without it\n"), error->message);
      return NULL;
    }
  if (store != NULL)
    *store = g_object_ref (user);
  merged = na_user_analysis_merge (library, user);
  na_attachments_apply_pages (attachments, merged);
  return merged;
}

int
na_cli_export_comparison (NaLibrary    *library,
                          GVariantDict *options,
                          const char   *path)
{
  g_autofree char *essays = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) essay_ids = NULL;
  g_auto(GStrv) question_ids = NULL;
  g_autoptr(NaComparison) comparison = NULL;
  g_autoptr(NaUserStore) store = NULL;
  g_autoptr(NaLibrary) merged = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GError) error = NULL;
  NaExportOptions export_options = { 0 };
  gboolean with_notes = g_variant_dict_contains (options, "notes");
  NaExportFormat format;

  g_return_val_if_fail (NA_IS_LIBRARY (library), 1);

  g_variant_dict_lookup (options, "essays", "s", &essays);
  g_variant_dict_lookup (options, "questions", "s", &questions);
  g_variant_dict_lookup (options, "format", "s", &format_name);

  if (format_name != NULL)
    {
      if (!na_export_format_from_name (format_name, &format))
        {
          g_printerr (_("natoasia: unknown export format “%s” "
                        "(use md, html, pdf, csv or json)\n"), format_name);
          return 1;
        }
    }
  else if (g_strcmp0 (path, "-") == 0 || !na_export_format_from_path (path, &format))
    {
      g_printerr (_("natoasia: cannot tell the format of “%s” from its name; give --format "
                    "md, html, pdf, csv or json\n"), path);
      return 1;
    }

  essay_ids = split_ids (essays);
  question_ids = split_ids (questions);
  if ((essay_ids && !essay_ids[0]) || (question_ids && !question_ids[0]))
    {
      g_printerr (_("natoasia: --essays and --questions need at least one id\n"));
      return 1;
    }

  if (with_notes && g_variant_dict_contains (options, "bundled-only"))
    {
      g_printerr (_("natoasia: --notes and --bundled-only cannot be used together\n"));
      return 1;
    }
  if ((merged = na_cli_user_library (library, options, &store)) == NULL)
    return 1;
  library = merged;
  if (with_notes)
    notes = na_user_analysis_dup_notes (library, store);
  export_options.notes = notes;

  comparison = na_comparison_new (library, (const char * const *) essay_ids,
                                  (const char * const *) question_ids, &error);
  if (comparison == NULL)
    {
      g_printerr ("natoasia: %s\n", error->message);
      return 1;
    }

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      const char *data;

      bytes = na_export_comparison (comparison, format, &export_options, &error);
      if (bytes == NULL)
        {
          g_printerr ("natoasia: %s\n", error->message);
          return 1;
        }
      data = g_bytes_get_data (bytes, &length);
      return fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0 ? 0 : 1;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      if (!na_export_comparison_to_file (comparison, format, &export_options, file, NULL,
                                         &error))
        {
          g_printerr ("natoasia: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}
