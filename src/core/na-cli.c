/* na-cli.c — the command-line interface
 *
 * Every command works on the bundled library, or on the file given with --library, and runs
 * from GApplication's handle-local-options, before any display or bus is touched, so it works
 * over ssh, in scripts and in CI.
 */
#define G_LOG_DOMAIN "na-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "na-cli.h"
#include "na-cli-export.h"
#include "na-cli-map.h"
#include "na-cli-pdf.h"
#include "na-library.h"

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Work on this library file instead of the bundled one"), N_("FILE") },
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the essays, one a line: ID, year, authors, title, separated by tabs"), NULL },
  { "export-library", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the library in the NatoAsia library format (“-” for standard output)"),
    N_("FILE") },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a library file; exit 0 when it is valid, else 1 with its problems"), N_("FILE") },
  { "export-comparison", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a summary comparing essays (format from --format or the file name; “-” for "
       "standard output)"), N_("FILE") },
  /* Selection and format options shared by the export commands. */
  { "essays", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With an export: only these essays (comma-separated ids)"), N_("ID,…") },
  { "questions", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With an export: only these questions (comma-separated ids)"), N_("ID,…") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With an export: the output format (default: from the file name)"), N_("FORMAT") },
  { "notes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-comparison: include your notes"), NULL },
  { "bundled-only", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With an export: leave out your own essays, arguments, recommendations and edits"),
    NULL },
  { "export-map", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the map of the selected essays as PNG or SVG (by the file name's extension)"),
    N_("FILE") },
  { "metric", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-map: colour by arguments (default), recommendations or essays"),
    N_("METRIC") },
  { "attach", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Attach a PDF file to an essay and resolve its anchors in it: --attach ID FILE"),
    N_("ID") },
  { "check-anchors", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Resolve an essay's anchors in its attached PDF; print each one's page"), N_("ID") },
  { "password", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --attach or --check-anchors: the password of an encrypted PDF"), N_("PASSWORD") },
  /* Library files to open in windows; the PDF of --attach. The usage line shows this one
   * placeholder; the help's description says what the arguments are. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[LIBRARY-FILE…]") },
  { NULL }
};

const GOptionEntry *
na_cli_get_option_entries (void)
{
  return entries;
}

/* The end of --help: what the arguments are, and what the exit statuses mean. */
const char *
na_cli_get_help_description (void)
{
  return _("Each LIBRARY-FILE opens in a window. With --attach ID FILE, the one FILE is the "
           "essay's PDF.\n"
           "\n"
           "Exit status:\n"
           "  0  success\n"
           "  1  an error, explained on standard error\n"
           "  2  --attach without exactly one FILE\n"
           "  3  --attach or --check-anchors found none of the essay's anchors in the PDF "
           "(--attach records the PDF all the same)");
}

/* g_print() converts to the locale's charset, which would mangle names like Kłodkowski in a
 * C locale; data goes out as UTF-8 bytes. */
static gboolean
write_stdout (const char *data,
              gsize       length)
{
  return fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0;
}

static NaLibrary *
load_library (GVariantDict  *options,
              GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_variant_dict_lookup (options, "library", "^ay", &path))
    return na_library_new_bundled (error);

  file = g_file_new_for_commandline_arg (path);
  return na_library_new_from_file (file, NULL, error);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  NaEssay *ea = *(NaEssay **) a;
  NaEssay *eb = *(NaEssay **) b;
  int cmp = na_date_compare (na_essay_get_issued (eb), na_essay_get_issued (ea));

  return cmp != 0 ? cmp : g_strcmp0 (na_essay_get_id (ea), na_essay_get_id (eb));
}

static int
cli_list (NaLibrary *library)
{
  GListModel *essays = na_library_get_essays (library);
  guint n = g_list_model_get_n_items (essays);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (essays, i));
  g_ptr_array_sort (sorted, compare_newest_first);

  for (guint i = 0; i < sorted->len; i++)
    {
      NaEssay *essay = g_ptr_array_index (sorted, i);
      g_autofree char *authors = na_essay_dup_authors_display (essay);
      g_autofree char *title = na_essay_dup_full_title (essay);
      int year = na_essay_get_year (essay);

      /* Tabs and newlines inside fields would break the one-line-per-essay contract. */
      g_strdelimit (authors, "\t\n\r", ' ');
      g_strdelimit (title, "\t\n\r", ' ');
      if (year > 0)
        g_string_append_printf (out, "%s\t%d\t%s\t%s\n", na_essay_get_id (essay), year,
                                authors, title);
      else
        g_string_append_printf (out, "%s\tn.d.\t%s\t%s\n", na_essay_get_id (essay),
                                authors, title);
    }

  return write_stdout (out->str, out->len) ? 0 : 1;
}

static int
cli_export_library (NaLibrary  *library,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      gsize length;
      g_autofree char *data = na_library_to_data (library, &length);

      return write_stdout (data, length) ? 0 : 1;
    }

  file = g_file_new_for_commandline_arg (path);
  if (!na_library_save_to_file (library, file, NULL, &error))
    {
      g_printerr ("natoasia: %s\n", error->message);
      return 1;
    }

  return 0;
}

static int
cli_validate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(NaLibrary) library = na_library_new_from_file (file, NULL, &error);

  if (library == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print (_("%s: valid library: %u essays, %u questions, %u arguments, %u recommendations\n"),
           path,
           g_list_model_get_n_items (na_library_get_essays (library)),
           g_list_model_get_n_items (na_library_get_questions (library)),
           g_list_model_get_n_items (na_library_get_arguments (library)),
           g_list_model_get_n_items (na_library_get_recommendations (library)));
  return 0;
}

/**
 * na_cli_run:
 * @options: the parsed command-line options
 *
 * Runs the command the options ask for.
 *
 * Returns: the exit status, or -1 when no command was given and the window should open
 */
int
na_cli_run (GVariantDict *options)
{
  g_autoptr(NaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *validate_path = NULL;
  g_autofree char *comparison_path = NULL;
  gboolean list = FALSE;

  g_return_val_if_fail (options != NULL, 1);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("natoasia %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "validate", "^ay", &validate_path))
    return cli_validate (validate_path);

  if (g_variant_dict_contains (options, "export-map"))
    {
      g_autoptr(NaLibrary) mapped = NULL;

      library = load_library (options, &error);
      if (library == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* The user's own arguments name countries too, as on the window's map. */
      if ((mapped = na_cli_user_library (library, options, NULL)) == NULL)
        return 1;
      return na_cli_export_map (mapped, options);
    }

  list = g_variant_dict_contains (options, "list");
  g_variant_dict_lookup (options, "export-library", "^ay", &export_path);
  g_variant_dict_lookup (options, "export-comparison", "^ay", &comparison_path);
  if (!list && export_path == NULL && comparison_path == NULL && !na_cli_pdf_wanted (options))
    return -1;

  library = load_library (options, &error);
  if (library == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (list)
    return cli_list (library);

  if (comparison_path != NULL)
    return na_cli_export_comparison (library, options, comparison_path);
  if (na_cli_pdf_wanted (options))
    return na_cli_pdf_run (options, library);

  return cli_export_library (library, export_path);
}
