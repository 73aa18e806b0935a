/* na-attachments.c — the user's PDF attachments, kept apart from the library file
 *
 * $XDG_DATA_HOME/natoasia/attachments.json:
 *   { "format": "org.example.NatoAsia.attachments", "version": 1,
 *     "attachments": { ESSAY-ID: { "path": "/abs/file.pdf", "sha256": "…",
 *                                  "pages": { ITEM-ID: 12, … },
 *                                  "highlights": [ { "page": 1, "text": "…", "note": "…",
 *                                                    "rects": [[x1, y1, x2, y2], …] } ] } } }
 * (highlight pages from 1, rectangles in PDF points from the page's top-left corner)
 * Written whole to a temporary file and renamed over the old one (g_file_set_contents_full
 * with CONSISTENT|DURABLE), so a crash leaves the old or the new file, never half of one.
 * A store that cannot be read is the user's data all the same: it is moved aside, never
 * overwritten, and the caller is told where it went.
 * The "highlights" are read for old files only: they now live in the user store
 * (annotations.json), where na_attachments_migrate_highlights() moves them.
 */
#define G_LOG_DOMAIN "na-attachments"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "na-attachments.h"
#include "na-util.h"

typedef struct
{
  int     page;    /* from 0 */
  char   *text;
  char   *note;
  GArray *rects;   /* NaPdfRect */
} Highlight;

typedef struct _NaAttachmentsEntry Entry;

struct _NaAttachmentsEntry
{
  char       *path;
  char       *sha256;
  GHashTable *pages;       /* item id → GINT_TO_POINTER (page) */
  GPtrArray  *highlights;  /* Highlight, the user's own, made from selections */
};

static void
highlight_free (Highlight *highlight)
{
  g_free (highlight->text);
  g_free (highlight->note);
  g_array_unref (highlight->rects);
  g_free (highlight);
}

struct _NaAttachments
{
  GObject     parent_instance;

  GFile      *file;
  GHashTable *entries;    /* essay id → Entry */
  gboolean    read_only;  /* an unreadable store is still in place: never replace it */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (NaAttachments, na_attachments, G_TYPE_OBJECT)
G_DEFINE_QUARK (na-attachments-error-quark, na_attachments_error)

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_free (entry->sha256);
  g_hash_table_unref (entry->pages);
  g_ptr_array_unref (entry->highlights);
  g_free (entry);
}

static Entry *
entry_new (void)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  entry->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) highlight_free);
  return entry;
}

static void
na_attachments_finalize (GObject *object)
{
  NaAttachments *self = NA_ATTACHMENTS (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (na_attachments_parent_class)->finalize (object);
}

static void
na_attachments_class_init (NaAttachmentsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = na_attachments_finalize;

  /**
   * NaAttachments::changed:
   * @essay_id: (nullable): the essay whose PDF changed, %NULL when all may have
   *
   * An essay was given a PDF, another one, or none (pages and highlights do not count).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
na_attachments_init (NaAttachments *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) entry_free);
}

/**
 * na_attachments_default_file:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/natoasia/attachments.json
 */
GFile *
na_attachments_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "natoasia",
                                            "attachments.json", NULL);

  return g_file_new_for_path (path);
}

/**
 * na_attachments_new:
 * @file: (nullable): where the store lives; %NULL for the default place
 *
 * Returns: (transfer full): an empty store; call na_attachments_load() to read it
 */
NaAttachments *
na_attachments_new (GFile *file)
{
  NaAttachments *self = g_object_new (NA_TYPE_ATTACHMENTS, NULL);

  self->file = file ? g_object_ref (file) : na_attachments_default_file ();
  return self;
}

GFile *
na_attachments_get_file (NaAttachments *self)
{
  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), NULL);
  return self->file;
}

/* Highlights that do not make sense (no rectangles, no page) are skipped, not fatal: the
 * rest of the user's store is still good. */
static void
parse_highlights (Entry    *entry,
                  JsonNode *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *obj;
      JsonNode *rects;
      Highlight *highlight;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      obj = json_node_get_object (item);
      rects = json_object_get_member (obj, "rects");
      if (json_object_get_int_member_with_default (obj, "page", 0) < 1 || rects == NULL ||
          !JSON_NODE_HOLDS_ARRAY (rects))
        continue;

      highlight = g_new0 (Highlight, 1);
      highlight->page = json_object_get_int_member (obj, "page") - 1;
      highlight->text = g_strdup (json_object_get_string_member_with_default (obj, "text", ""));
      highlight->note = g_strdup (json_object_get_string_member_with_default (obj, "note",
                                                                              NULL));
      highlight->rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
      for (guint r = 0; r < json_array_get_length (json_node_get_array (rects)); r++)
        {
          JsonNode *quad = json_array_get_element (json_node_get_array (rects), r);
          JsonArray *q;
          NaPdfRect rect = { highlight->page };

          if (!JSON_NODE_HOLDS_ARRAY (quad) ||
              json_array_get_length (q = json_node_get_array (quad)) != 4)
            continue;
          rect.x1 = json_array_get_double_element (q, 0);
          rect.y1 = json_array_get_double_element (q, 1);
          rect.x2 = json_array_get_double_element (q, 2);
          rect.y2 = json_array_get_double_element (q, 3);
          g_array_append_val (highlight->rects, rect);
        }
      g_ptr_array_add (entry->highlights, highlight);
    }
}

static gboolean
parse (NaAttachments  *self,
       const char     *data,
       gsize           length,
       GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *attachments;
  JsonNode *node;
  g_autoptr(GList) ids = NULL;

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the file is not valid UTF-8"));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node),
                                                              "format", ""),
                 NA_ATTACHMENTS_FORMAT) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("it is not a NatoAsia attachments file (no “format”: “%s”)"),
                   NA_ATTACHMENTS_FORMAT);
      return FALSE;
    }
  root = json_node_get_object (node);
  if (json_object_get_int_member_with_default (root, "version", 0) != 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("its version is not 1"));
      return FALSE;
    }

  node = json_object_get_member (root, "attachments");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("“attachments” is missing or not an object"));
      return FALSE;
    }

  attachments = json_node_get_object (node);
  ids = json_object_get_members (attachments);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (attachments, l->data);
      JsonObject *obj;
      JsonNode *pages;
      Entry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (value) ||
          json_object_get_string_member_with_default (json_node_get_object (value), "path",
                                                      NULL) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the attachment of “%s” has no “path”"), (const char *) l->data);
          return FALSE;
        }

      obj = json_node_get_object (value);
      entry = entry_new ();
      entry->path = g_strdup (json_object_get_string_member (obj, "path"));
      entry->sha256 = g_strdup (json_object_get_string_member_with_default (obj, "sha256",
                                                                            NULL));
      pages = json_object_get_member (obj, "pages");
      if (pages != NULL && JSON_NODE_HOLDS_OBJECT (pages))
        {
          JsonObject *pobj = json_node_get_object (pages);
          g_autoptr(GList) items = json_object_get_members (pobj);

          for (const GList *i = items; i != NULL; i = i->next)
            {
              gint64 page = json_object_get_int_member_with_default (pobj, i->data, 0);

              if (page > 0 && page <= G_MAXINT)
                g_hash_table_insert (entry->pages, g_strdup (i->data), GINT_TO_POINTER (page));
            }
        }
      parse_highlights (entry, json_object_get_member (obj, "highlights"));
      g_hash_table_replace (self->entries, g_strdup (l->data), entry);
    }

  return TRUE;
}

/* Moves an unreadable store out of the way, next to it, under a name that says why. */
static GFile *
move_aside (NaAttachments  *self,
            GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_file_get_basename (self->file);
  g_autofree char *name = g_strdup_printf ("%s.unreadable-%s", base, stamp);
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autoptr(GFile) aside = g_file_get_child (parent, name);

  if (!g_file_move (self->file, aside, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&aside);
}

/* The file's entries, none if there is no file; on error, none and the error. */
static gboolean
read_entries (NaAttachments  *self,
              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_hash_table_remove_all (self->entries);
  if ((g_file_load_contents (self->file, NULL, &contents, &length, NULL, &local_error) &&
       parse (self, contents, length, &local_error)) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_hash_table_remove_all (self->entries);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * na_attachments_load:
 *
 * Reads the store. A missing file is an empty store. An unreadable or invalid one is moved
 * aside (the error says where) and the store starts empty; when it cannot even be moved, the
 * store refuses to save, so the file is never overwritten.
 *
 * Returns: %FALSE with @error in %NA_ATTACHMENTS_ERROR when the file was not usable
 */
gboolean
na_attachments_load (NaAttachments  *self,
                     GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) move_error = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), FALSE);

  self->read_only = FALSE;
  if (read_entries (self, &local_error))
    {
      g_signal_emit (self, signals[CHANGED], 0, NULL);
      return TRUE;
    }

  g_signal_emit (self, signals[CHANGED], 0, NULL);
  name = g_file_get_parse_name (self->file);

  /* A file we may not read is not ours to move either: leave it and never write over it. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      (aside = move_aside (self, &move_error)) == NULL)
    {
      self->read_only = TRUE;
      g_set_error (error, NA_ATTACHMENTS_ERROR, NA_ATTACHMENTS_ERROR_READ_ONLY,
                   _("Could not read the attachments file “%s”: %s. It was left as it is, and "
                     "new attachments will not be saved until it is fixed or removed."),
                   name, na_error_get_reason (local_error, name));
      return FALSE;
    }

  {
    g_autofree char *aside_name = g_file_get_parse_name (aside);

    g_set_error (error, NA_ATTACHMENTS_ERROR, NA_ATTACHMENTS_ERROR_UNREADABLE,
                 _("Could not read the attachments file “%s”: %s. It was moved to “%s”; "
                   "attachments start afresh."),
                 name, na_error_get_reason (local_error, name), aside_name);
  }
  return FALSE;
}

/**
 * na_attachments_load_read_only:
 *
 * Reads the attachments without ever changing the file, for the command line's exports: a
 * file that cannot be read is an error naming it, left where it is, and this object will not
 * save over it. A missing file is no attachments.
 */
gboolean
na_attachments_load_read_only (NaAttachments  *self,
                               GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), FALSE);

  self->read_only = TRUE;
  if (read_entries (self, &local_error))
    return TRUE;

  {
    g_autofree char *name = g_file_get_parse_name (self->file);

    g_set_error (error, NA_ATTACHMENTS_ERROR, NA_ATTACHMENTS_ERROR_READ_ONLY,
                 _("Could not read the attachments file “%s”: %s"), name,
                 na_error_get_reason (local_error, name));
  }
  return FALSE;
}

static void
add_highlight_json (JsonBuilder *builder,
                    Highlight   *highlight)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, highlight->page + 1);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, highlight->text);
  if (highlight->note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, highlight->note);
    }
  json_builder_set_member_name (builder, "rects");
  json_builder_begin_array (builder);
  for (guint r = 0; r < highlight->rects->len; r++)
    {
      NaPdfRect *rect = &g_array_index (highlight->rects, NaPdfRect, r);

      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, rect->x1);
      json_builder_add_double_value (builder, rect->y1);
      json_builder_add_double_value (builder, rect->x2);
      json_builder_add_double_value (builder, rect->y2);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static JsonNode *
to_json (NaAttachments *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GList) ids = g_hash_table_get_keys (self->entries);

  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, NA_ATTACHMENTS_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_object (builder);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      Entry *entry = g_hash_table_lookup (self->entries, l->data);
      g_autoptr(GList) items = g_hash_table_get_keys (entry->pages);

      json_builder_set_member_name (builder, l->data);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, entry->path);
      if (entry->sha256 != NULL)
        {
          json_builder_set_member_name (builder, "sha256");
          json_builder_add_string_value (builder, entry->sha256);
        }
      json_builder_set_member_name (builder, "pages");
      json_builder_begin_object (builder);
      items = g_list_sort (items, (GCompareFunc) g_strcmp0);
      for (const GList *i = items; i != NULL; i = i->next)
        {
          json_builder_set_member_name (builder, i->data);
          json_builder_add_int_value (builder,
                                      GPOINTER_TO_INT (g_hash_table_lookup (entry->pages,
                                                                            i->data)));
        }
      json_builder_end_object (builder);
      if (entry->highlights->len > 0)
        {
          json_builder_set_member_name (builder, "highlights");
          json_builder_begin_array (builder);
          for (guint h = 0; h < entry->highlights->len; h++)
            add_highlight_json (builder, g_ptr_array_index (entry->highlights, h));
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * na_attachments_save:
 *
 * Replaces the file atomically and durably with the store's contents.
 */
gboolean
na_attachments_save (NaAttachments  *self,
                     GError        **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), FALSE);

  path = g_file_get_path (self->file);
  if (self->read_only)
    {
      g_set_error (error, NA_ATTACHMENTS_ERROR, NA_ATTACHMENTS_ERROR_READ_ONLY,
                   _("Did not save the attachments: “%s” could not be read and would be lost"),
                   path);
      return FALSE;
    }

  root = to_json (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  parent = g_file_get_parent (self->file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save the attachments to “%s”: %s"), path,
                   na_error_get_reason (local_error, path));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save the attachments to “%s”: %s"), path,
                   na_error_get_reason (local_error, path));
      return FALSE;
    }

  return TRUE;
}

const char *
na_attachments_get_path (NaAttachments *self,
                         const char    *essay_id)
{
  Entry *entry;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), NULL);

  entry = essay_id ? g_hash_table_lookup (self->entries, essay_id) : NULL;
  return entry ? entry->path : NULL;
}

const char *
na_attachments_get_sha256 (NaAttachments *self,
                           const char    *essay_id)
{
  Entry *entry;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), NULL);

  entry = essay_id ? g_hash_table_lookup (self->entries, essay_id) : NULL;
  return entry ? entry->sha256 : NULL;
}

/**
 * na_attachments_set:
 * @path: an absolute path
 *
 * Records @essay_id's PDF. Pages recorded for the essay's anchors are forgotten when the
 * content changes: they belonged to another file.
 */
void
na_attachments_set (NaAttachments *self,
                    const char    *essay_id,
                    const char    *path,
                    const char    *sha256)
{
  Entry *entry;

  g_return_if_fail (NA_IS_ATTACHMENTS (self));
  g_return_if_fail (essay_id != NULL && path != NULL);

  entry = g_hash_table_lookup (self->entries, essay_id);
  if (entry == NULL)
    {
      entry = entry_new ();
      g_hash_table_insert (self->entries, g_strdup (essay_id), entry);
    }
  else if (g_strcmp0 (entry->sha256, sha256) != 0)
    g_hash_table_remove_all (entry->pages);

  g_free (entry->path);
  entry->path = g_strdup (path);
  g_free (entry->sha256);
  entry->sha256 = g_strdup (sha256);
  g_signal_emit (self, signals[CHANGED], 0, essay_id);
}

gboolean
na_attachments_remove (NaAttachments *self,
                       const char    *essay_id)
{
  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), FALSE);

  if (!g_hash_table_remove (self->entries, essay_id))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, essay_id);
  return TRUE;
}

/**
 * na_attachments_take:
 *
 * Removes @essay_id's attachment and hands it over whole (file, hash, pages), so that a
 * removal can be undone with na_attachments_put().
 *
 * Returns: (transfer full) (nullable): the attachment, %NULL if there was none
 */
NaAttachmentsEntry *
na_attachments_take (NaAttachments *self,
                     const char    *essay_id)
{
  gpointer key = NULL, entry = NULL;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), NULL);

  if (essay_id == NULL || !g_hash_table_steal_extended (self->entries, essay_id, &key, &entry))
    return NULL;
  g_signal_emit (self, signals[CHANGED], 0, essay_id);
  g_free (key);
  return entry;
}

/**
 * na_attachments_put:
 * @entry: (transfer full): from na_attachments_take()
 *
 * Gives @essay_id back the attachment taken from it, replacing any other.
 */
void
na_attachments_put (NaAttachments      *self,
                    const char         *essay_id,
                    NaAttachmentsEntry *entry)
{
  g_return_if_fail (NA_IS_ATTACHMENTS (self));
  g_return_if_fail (essay_id != NULL && entry != NULL);

  g_hash_table_replace (self->entries, g_strdup (essay_id), entry);
  g_signal_emit (self, signals[CHANGED], 0, essay_id);
}

void
na_attachments_entry_free (NaAttachmentsEntry *entry)
{
  if (entry != NULL)
    entry_free (entry);
}

/**
 * na_attachments_set_page:
 * @page: the page from 1, or 0 when the anchor did not resolve
 */
void
na_attachments_set_page (NaAttachments *self,
                         const char    *essay_id,
                         const char    *item_id,
                         int            page)
{
  Entry *entry;

  g_return_if_fail (NA_IS_ATTACHMENTS (self));

  entry = g_hash_table_lookup (self->entries, essay_id);
  g_return_if_fail (entry != NULL);

  if (page > 0)
    g_hash_table_insert (entry->pages, g_strdup (item_id), GINT_TO_POINTER (page));
  else
    g_hash_table_remove (entry->pages, item_id);
}

int
na_attachments_get_page (NaAttachments *self,
                         const char    *essay_id,
                         const char    *item_id)
{
  Entry *entry;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), 0);

  entry = essay_id ? g_hash_table_lookup (self->entries, essay_id) : NULL;
  return entry ? GPOINTER_TO_INT (g_hash_table_lookup (entry->pages, item_id)) : 0;
}

static guint
apply_to (NaAttachments *self,
          GListModel    *items)
{
  guint n = g_list_model_get_n_items (items), applied = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *id = NULL;
      g_autofree char *essay_id = NULL;
      g_autoptr(NaAnchor) anchor = NULL;
      int page;

      g_object_get (item, "id", &id, "essay-id", &essay_id, "anchor", &anchor, NULL);
      page = na_attachments_get_page (self, essay_id, id);
      if (anchor != NULL && page > 0)
        {
          na_anchor_set_page (anchor, page);
          applied++;
        }
    }

  return applied;
}

/**
 * na_attachments_get_page_range:
 * @first: (out): the first page from 1 that one of the essay's items resolved to
 * @last: (out): the last one
 *
 * Returns: %FALSE when none of the essay's items has a page
 */
gboolean
na_attachments_get_page_range (NaAttachments *self,
                               const char    *essay_id,
                               int           *first,
                               int           *last)
{
  Entry *entry;
  GHashTableIter iter;
  gpointer page;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), FALSE);

  *first = *last = 0;
  entry = essay_id ? g_hash_table_lookup (self->entries, essay_id) : NULL;
  if (entry == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, entry->pages);
  while (g_hash_table_iter_next (&iter, NULL, &page))
    {
      int p = GPOINTER_TO_INT (page);

      if (p <= 0)
        continue;
      *first = *first == 0 ? p : MIN (*first, p);
      *last = MAX (*last, p);
    }
  return *first > 0;
}

/**
 * na_attachments_get_n_sharing:
 *
 * Returns: how many essays have the PDF at @path: more than one for the chapters of a volume
 */
guint
na_attachments_get_n_sharing (NaAttachments *self,
                              const char    *path)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), 0);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += g_strcmp0 (((Entry *) value)->path, path) == 0;
  return n;
}

/**
 * na_attachments_apply_pages:
 *
 * Sets the page of every anchor in @library whose essay has an attached PDF where it
 * resolved, so the essay page, the comparison and the exports can say "p. 12".
 *
 * Returns: how many anchors got a page
 */
guint
na_attachments_apply_pages (NaAttachments *self,
                            NaLibrary     *library)
{
  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), 0);
  g_return_val_if_fail (NA_IS_LIBRARY (library), 0);

  return apply_to (self, na_library_get_arguments (library)) +
         apply_to (self, na_library_get_recommendations (library));
}

/**
 * na_attachments_add_highlight:
 * @page: from 0
 * @note: (nullable): the user's note
 * @rects: (element-type NaPdfRect): where the passage is on @page
 *
 * Records a passage the user highlighted in @essay_id's attached PDF.
 *
 * Returns: its index
 */
guint
na_attachments_add_highlight (NaAttachments *self,
                              const char    *essay_id,
                              int            page,
                              const char    *text,
                              const char    *note,
                              GArray        *rects)
{
  Entry *entry;
  Highlight *highlight;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), 0);
  g_return_val_if_fail (rects != NULL && page >= 0, 0);

  entry = g_hash_table_lookup (self->entries, essay_id);
  g_return_val_if_fail (entry != NULL, 0);

  highlight = g_new0 (Highlight, 1);
  highlight->page = page;
  highlight->text = g_strdup (text ? text : "");
  highlight->note = note && note[0] ? g_strdup (note) : NULL;
  highlight->rects = g_array_copy (rects);
  g_ptr_array_add (entry->highlights, highlight);
  return entry->highlights->len - 1;
}

guint
na_attachments_get_n_highlights (NaAttachments *self,
                                 const char    *essay_id)
{
  Entry *entry;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), 0);

  entry = essay_id ? g_hash_table_lookup (self->entries, essay_id) : NULL;
  return entry ? entry->highlights->len : 0;
}

/**
 * na_attachments_get_highlight:
 * @page: (out) (optional): from 0
 * @text: (out) (optional) (transfer none):
 * @note: (out) (optional) (transfer none) (nullable):
 * @rects: (out) (optional) (transfer none) (element-type NaPdfRect):
 */
gboolean
na_attachments_get_highlight (NaAttachments  *self,
                              const char     *essay_id,
                              guint           index,
                              int            *page,
                              const char    **text,
                              const char    **note,
                              GArray        **rects)
{
  Entry *entry;
  Highlight *highlight;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), FALSE);

  entry = essay_id ? g_hash_table_lookup (self->entries, essay_id) : NULL;
  if (entry == NULL || index >= entry->highlights->len)
    return FALSE;

  highlight = g_ptr_array_index (entry->highlights, index);
  if (page)
    *page = highlight->page;
  if (text)
    *text = highlight->text;
  if (note)
    *note = highlight->note;
  if (rects)
    *rects = highlight->rects;
  return TRUE;
}

gboolean
na_attachments_remove_highlight (NaAttachments *self,
                                 const char    *essay_id,
                                 guint          index)
{
  Entry *entry;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), FALSE);

  entry = essay_id ? g_hash_table_lookup (self->entries, essay_id) : NULL;
  if (entry == NULL || index >= entry->highlights->len)
    return FALSE;
  g_ptr_array_remove_index (entry->highlights, index);
  return TRUE;
}

/* The same highlight always gets the same id, so moving it twice (the store was written, the
 * attachments file not) does not make two of it. */
static char *
highlight_id (const char *essay_id,
              guint       index,
              Highlight  *highlight)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *head = g_strdup_printf ("%s\n%u\n%d\n", essay_id, index, highlight->page);

  g_checksum_update (sum, (const guchar *) head, -1);
  g_checksum_update (sum, (const guchar *) highlight->text, -1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
  if (highlight->note != NULL)
    g_checksum_update (sum, (const guchar *) highlight->note, -1);
  for (guint r = 0; r < highlight->rects->len; r++)
    {
      NaPdfRect *rect = &g_array_index (highlight->rects, NaPdfRect, r);
      /* In thousandths of a point: the same in every locale. */
      g_autofree char *text = g_strdup_printf ("\n%d %ld %ld %ld %ld", rect->page,
                                               (long) (rect->x1 * 1000), (long) (rect->y1 * 1000),
                                               (long) (rect->x2 * 1000), (long) (rect->y2 * 1000));

      g_checksum_update (sum, (const guchar *) text, -1);
    }
  return g_strdup_printf ("pdf-%.24s", g_checksum_get_string (sum));
}

static NaAnnotation *
highlight_to_annotation (const char *essay_id,
                         guint       index,
                         Highlight  *highlight)
{
  NaAnnotation *a = na_annotation_new (NA_ANNOTATION_HIGHLIGHT);
  g_autofree char *id = highlight_id (essay_id, index, highlight);

  na_annotation_set_id (a, id);
  na_annotation_set_essay_id (a, essay_id);
  na_annotation_set_quote (a, highlight->text);
  na_annotation_set_note (a, highlight->note);
  na_annotation_set_page (a, highlight->page);
  na_annotation_set_rects (a, highlight->rects);
  return a;
}

/**
 * na_attachments_migrate_highlights:
 * @n_moved: (out) (optional): how many highlights left this store
 *
 * Moves the user's PDF highlights kept here by older versions into @store, safely: @store is
 * written to disk first, and only then are they dropped from this file. When writing @store
 * fails, this file keeps them (they are in @store's memory, which goes on retrying), and a
 * later call does not add them twice.
 *
 * Returns: %FALSE with @error when a file could not be written
 */
gboolean
na_attachments_migrate_highlights (NaAttachments  *self,
                                   NaUserStore    *store,
                                   guint          *n_moved,
                                   GError        **error)
{
  g_autoptr(GList) ids = NULL;
  guint n = 0;

  g_return_val_if_fail (NA_IS_ATTACHMENTS (self), FALSE);
  g_return_val_if_fail (NA_IS_USER_STORE (store), FALSE);

  if (n_moved != NULL)
    *n_moved = 0;
  ids = g_list_sort (g_hash_table_get_keys (self->entries), (GCompareFunc) g_strcmp0);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      Entry *entry = g_hash_table_lookup (self->entries, l->data);

      for (guint i = 0; i < entry->highlights->len; i++)
        {
          g_autoptr(NaAnnotation) a =
            highlight_to_annotation (l->data, i, g_ptr_array_index (entry->highlights, i));

          na_user_store_import_annotation (store, a);
          n++;
        }
    }
  if (n == 0)
    return TRUE;

  if (!na_user_store_save (store, error))
    return FALSE;

  for (const GList *l = ids; l != NULL; l = l->next)
    {
      Entry *entry = g_hash_table_lookup (self->entries, l->data);

      g_ptr_array_set_size (entry->highlights, 0);
    }
  if (n_moved != NULL)
    *n_moved = n;
  return na_attachments_save (self, error);
}

/**
 * na_attachments_hash_file:
 *
 * Returns: (transfer full) (nullable): the SHA-256 of @file's content, in hexadecimal
 */
char *
na_attachments_hash_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, error);

  return bytes ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;
}
