/* na-cli-pdf.c — `natoasia --attach ID FILE` and `natoasia --check-anchors ID`
 *
 * --attach records FILE as the source of essay ID (path and SHA-256 in the attachments
 * store), resolves every anchor of the essay in it and remembers the pages. --check-anchors
 * resolves them again in the attached file and prints one line per anchor, for scripts:
 *   <item-id> resolved page N | <item-id> unresolved
 *   anchors: R/T resolved
 * When the essay has anchors and none is found, both warn on stderr and exit with
 * NO_ANCHOR_FOUND: most likely the PDF is another essay's.
 */
#define G_LOG_DOMAIN "na-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "na-attachments.h"
#include "na-cli-pdf.h"
#include "na-pdf-document.h"

/* Exit status when none of the essay's anchors is in the PDF (--help and the README say so):
 * not 1, since --attach did record the file, but not 0, so that scripts notice. */
#define NO_ANCHOR_FOUND 3

gboolean
na_cli_pdf_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "attach") ||
         g_variant_dict_contains (options, "check-anchors");
}

/* Resolves the anchors of @essay_id's arguments, then its recommendations, in @document;
 * records their pages in @attachments and appends a line per item to @out. @anchored counts
 * the items that have an anchor to look for, @total all of them. */
static void
resolve_items (NaPdfDocument *document,
               GListModel    *items,
               NaAttachments *attachments,
               const char    *essay_id,
               GString       *out,
               guint         *resolved,
               guint         *anchored,
               guint         *total)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *id = NULL;
      g_autoptr(NaAnchor) anchor = NULL;
      int page = 0;

      g_object_get (item, "id", &id, "anchor", &anchor, NULL);
      (*total)++;
      if (anchor != NULL)
        (*anchored)++;
      if (anchor != NULL &&
          na_pdf_document_resolve_anchor (document, anchor, NULL) == NA_ANCHOR_STATUS_RESOLVED)
        page = na_anchor_get_page (anchor);

      if (page > 0)
        {
          (*resolved)++;
          g_string_append_printf (out, "%s resolved page %d\n", id, page);
        }
      else
        g_string_append_printf (out, "%s unresolved\n", id);

      na_attachments_set_page (attachments, essay_id, id, page);
    }
}

static void
resolve_essay (NaPdfDocument *document,
               NaLibrary     *library,
               NaAttachments *attachments,
               const char    *essay_id,
               GString       *out,
               guint         *resolved,
               guint         *anchored,
               guint         *total)
{
  g_autoptr(GListModel) arguments = na_library_dup_arguments (library, essay_id, NULL, NULL);
  g_autoptr(GListModel) recommendations = na_library_dup_recommendations (library, essay_id,
                                                                          NULL, NULL);

  *resolved = *anchored = *total = 0;
  resolve_items (document, arguments, attachments, essay_id, out, resolved, anchored, total);
  resolve_items (document, recommendations, attachments, essay_id, out, resolved, anchored,
                 total);
}

/* Not one of the essay's anchors is in @path: say which essay and which file, since the likely
 * cause is a PDF attached to the wrong essay. */
static void
warn_no_anchor_found (NaLibrary  *library,
                      const char *essay_id,
                      const char *path)
{
  NaEssay *essay = na_library_lookup_essay (library, essay_id);
  g_autofree char *title = na_essay_dup_full_title (essay);

  g_printerr (_("natoasia: warning: none of the anchors of %s (“%s”) were found in “%s”: it "
                "may not be this essay's source, or its text cannot be extracted (a scan)\n"),
              essay_id, title, path);
}

static gboolean
write_out (const char *data,
           gsize       length)
{
  return fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0;
}

static NaAttachments *
load_attachments (void)
{
  g_autoptr(GError) error = NULL;
  NaAttachments *attachments = na_attachments_new (NULL);

  /* An unreadable store was moved aside (or is left alone): say so, and carry on. */
  if (!na_attachments_load (attachments, &error))
    g_printerr ("natoasia: %s\n", error->message);
  return attachments;
}

static int
open_failed (GError *error)
{
  g_printerr ("natoasia: %s\n", error->message);
  if (g_error_matches (error, NA_PDF_ERROR, NA_PDF_ERROR_ENCRYPTED))
    g_printerr (_("natoasia: give its password with --password\n"));
  return 1;
}

static int
cli_attach (NaLibrary    *library,
            const char   *essay_id,
            const char   *path,
            const char   *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(NaAttachments) attachments = NULL;
  g_autoptr(NaPdfDocument) document = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *abs_path = g_file_get_path (file);
  g_autofree char *title = NULL;
  g_autofree char *previous = NULL;
  g_auto(GStrv) split = NULL;
  guint resolved, anchored, total;

  if (abs_path == NULL)
    {
      g_printerr (_("natoasia: “%s” is not a local file\n"), path);
      return 1;
    }

  document = na_pdf_document_new_from_file (file, password, NULL, &error);
  if (document == NULL)
    return open_failed (error);

  attachments = load_attachments ();
  previous = g_strdup (na_attachments_get_path (attachments, essay_id));
  na_attachments_set (attachments, essay_id, abs_path, na_pdf_document_get_sha256 (document));
  resolve_essay (document, library, attachments, essay_id, lines, &resolved, &anchored, &total);
  if (!na_attachments_save (attachments, &error))
    {
      g_printerr ("natoasia: %s\n", error->message);
      return 1;
    }

  /* The summary, then the anchors that did not resolve: those are what needs a look. */
  title = na_pdf_document_dup_title (document);
  g_string_printf (out, _("Attached “%s” to %s: %d pages, SHA-256 %s\n"), abs_path, essay_id,
                   na_pdf_document_get_n_pages (document), na_pdf_document_get_sha256 (document));
  if (title != NULL)
    g_string_append_printf (out, _("PDF title: %s\n"), title);
  split = g_strsplit (lines->str, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (g_str_has_suffix (split[i], " unresolved"))
      g_string_append_printf (out, "%s\n", split[i]);
  g_string_append_printf (out, "anchors: %u/%u resolved\n", resolved, total);
  if (!write_out (out->str, out->len))
    return 1;

  /* Still attached: the user may know better (the text of a scan cannot be searched, say). */
  if (anchored > 0 && resolved == 0)
    {
      warn_no_anchor_found (library, essay_id, abs_path);
      if (previous != NULL && g_strcmp0 (previous, abs_path) != 0)
        g_printerr (_("natoasia: it was attached all the same, replacing “%s”\n"), previous);
      else
        g_printerr (_("natoasia: it was attached all the same\n"));
      return NO_ANCHOR_FOUND;
    }
  return 0;
}

static int
cli_check_anchors (NaLibrary  *library,
                   const char *essay_id,
                   const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaAttachments) attachments = load_attachments ();
  g_autoptr(NaPdfDocument) document = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  const char *path = na_attachments_get_path (attachments, essay_id);
  const char *sha256 = na_attachments_get_sha256 (attachments, essay_id);
  guint resolved, anchored, total;

  if (path == NULL)
    {
      g_printerr (_("natoasia: no PDF is attached to %s; attach one with --attach %s FILE\n"),
                  essay_id, essay_id);
      return 1;
    }

  file = g_file_new_for_path (path);
  document = na_pdf_document_new_from_file (file, password, NULL, &error);
  if (document == NULL)
    return open_failed (error);

  if (sha256 != NULL && g_strcmp0 (sha256, na_pdf_document_get_sha256 (document)) != 0)
    g_printerr (_("natoasia: warning: “%s” changed since it was attached\n"), path);

  resolve_essay (document, library, attachments, essay_id, lines, &resolved, &anchored, &total);
  g_string_append_printf (lines, "anchors: %u/%u resolved\n", resolved, total);

  /* Remember the pages found now; failing to is not this command's failure. */
  if (!na_attachments_save (attachments, &error))
    g_printerr ("natoasia: %s\n", error->message);

  if (!write_out (lines->str, lines->len))
    return 1;
  if (anchored > 0 && resolved == 0)
    {
      warn_no_anchor_found (library, essay_id, path);
      return NO_ANCHOR_FOUND;
    }
  return 0;
}

/**
 * na_cli_pdf_run:
 *
 * Returns: the exit status of --attach or --check-anchors
 */
int
na_cli_pdf_run (GVariantDict *options,
                NaLibrary    *library)
{
  g_autofree char *attach_id = NULL;
  g_autofree char *check_id = NULL;
  g_autofree char *password = NULL;
  g_autofree char **rest = NULL;
  const char *essay_id;

  g_variant_dict_lookup (options, "attach", "s", &attach_id);
  g_variant_dict_lookup (options, "check-anchors", "s", &check_id);
  g_variant_dict_lookup (options, "password", "s", &password);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest);

  essay_id = attach_id ? attach_id : check_id;
  if (na_library_lookup_essay (library, essay_id) == NULL)
    {
      g_printerr (_("natoasia: no essay has the id “%s” (see --list)\n"), essay_id);
      return 1;
    }

  if (attach_id != NULL)
    {
      if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
        {
          g_printerr (_("natoasia: --attach takes an essay id and one PDF file: "
                        "--attach ID FILE\n"));
          return 2;
        }
      return cli_attach (library, attach_id, rest[0], password);
    }

  return cli_check_anchors (library, check_id, password);
}
