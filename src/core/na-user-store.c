/* na-user-store.c — the user's own data, kept safe: JSON in the XDG data directory, replaced
 * atomically, saved shortly after every change, a broken file kept aside, never overwritten */
#define G_LOG_DOMAIN "na-user-store"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "na-enum-types.h"
#include "na-pdf-document.h"
#include "na-user-store.h"
#include "na-util.h"

#define MAX_UNDO 200

typedef struct
{
  char *path;
  char *sha256;
} Attachment;

struct _NaUserStore
{
  GObject     parent_instance;

  char       *path;
  GListStore *annotations;
  GHashTable *overrides;     /* bundled item id → NaAnnotation */
  GListStore *essays;
  GHashTable *attachments;   /* essay id → Attachment */

  /* Snapshots of the whole state (serialized), before each edit and after each undo. */
  GPtrArray  *undo;
  GPtrArray  *redo;

  char       *save_error;
  guint       save_source;
  guint       delay_ms;
  guint       retry_ms;
  guint       dirty : 1;
  /* The file on disk could not be read nor moved aside: never write over it. */
  guint       blocked : 1;
  /* Inside na_user_store_begin_group(): the edits so far share one undo step. */
  guint       group_depth;
  guint       group_snapshotted : 1;
};

G_DEFINE_FINAL_TYPE (NaUserStore, na_user_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (na-user-store-error-quark, na_user_store_error)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_SAVE_ERROR,
  PROP_DIRTY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void schedule_save (NaUserStore *self, guint delay_ms);

static void
attachment_free (gpointer data)
{
  Attachment *a = data;

  g_free (a->path);
  g_free (a->sha256);
  g_free (a);
}

/* Serialization */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_strv (JsonBuilder        *b,
          const char         *name,
          const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values[i]; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static const char *kind_nicks[] = { "highlight", "argument", "recommendation" };

/* Where an annotation made in the PDF is: "page" from 1, "rects" as [page, x1, y1, x2, y2]
 * in PDF points from the page's top-left corner, each with its own page (from 1). */
static void
build_pdf_place (JsonBuilder  *b,
                 NaAnnotation *a)
{
  GArray *rects = na_annotation_get_rects (a);

  if (na_annotation_get_page (a) >= 0)
    {
      json_builder_set_member_name (b, "page");
      json_builder_add_int_value (b, na_annotation_get_page (a) + 1);
    }
  if (rects == NULL || rects->len == 0)
    return;
  json_builder_set_member_name (b, "rects");
  json_builder_begin_array (b);
  for (guint i = 0; i < rects->len; i++)
    {
      NaPdfRect *r = &g_array_index (rects, NaPdfRect, i);

      json_builder_begin_array (b);
      json_builder_add_int_value (b, r->page + 1);
      json_builder_add_double_value (b, r->x1);
      json_builder_add_double_value (b, r->y1);
      json_builder_add_double_value (b, r->x2);
      json_builder_add_double_value (b, r->y2);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

static gboolean
is_number (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  return JSON_NODE_HOLDS_VALUE (node) && (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE);
}

/* Rectangles that make no sense are skipped: the rest of the annotation is still good. */
static void
read_pdf_place (JsonObject   *o,
                NaAnnotation *a)
{
  JsonNode *node = json_object_get_member (o, "rects");
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (NaPdfRect));
  gint64 page = json_object_get_int_member_with_default (o, "page", 0);
  JsonArray *array;

  if (page >= 1 && page <= G_MAXINT)
    na_annotation_set_page (a, page - 1);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      JsonArray *q = JSON_NODE_HOLDS_ARRAY (e) ? json_node_get_array (e) : NULL;
      NaPdfRect rect;
      gboolean ok = q != NULL && json_array_get_length (q) == 5;

      for (guint k = 0; ok && k < 5; k++)
        ok = is_number (json_array_get_element (q, k));
      if (!ok || json_array_get_int_element (q, 0) < 1
          || json_array_get_int_element (q, 0) > G_MAXINT)
        continue;
      rect.page = json_array_get_int_element (q, 0) - 1;
      rect.x1 = json_array_get_double_element (q, 1);
      rect.y1 = json_array_get_double_element (q, 2);
      rect.x2 = json_array_get_double_element (q, 3);
      rect.y2 = json_array_get_double_element (q, 4);
      g_array_append_val (rects, rect);
    }
  na_annotation_set_rects (a, rects->len > 0 ? rects : NULL);
}

static void
build_annotation (JsonBuilder  *b,
                  NaAnnotation *a)
{
  NaAnnotationKind kind = na_annotation_get_kind (a);

  json_builder_begin_object (b);
  add_string (b, "id", na_annotation_get_id (a));
  add_string (b, "essay", na_annotation_get_essay_id (a));
  add_string (b, "kind", kind_nicks[kind]);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, na_annotation_get_start (a));
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, na_annotation_get_end (a));
  add_string (b, "quote", na_annotation_get_quote (a));
  add_string (b, "prefix", na_annotation_get_prefix (a));
  add_string (b, "suffix", na_annotation_get_suffix (a));
  add_string (b, "color", na_annotation_get_color (a));
  add_string (b, "note", na_annotation_get_note (a));
  add_strv (b, "tags", na_annotation_get_tags (a));
  if (kind == NA_ANNOTATION_ARGUMENT)
    {
      add_string (b, "question", na_annotation_get_question_id (a));
      add_string (b, "stance", na_enum_to_nick (NA_TYPE_STANCE, na_annotation_get_stance (a)));
      add_string (b, "claim", na_annotation_get_claim (a));
    }
  else if (kind == NA_ANNOTATION_RECOMMENDATION)
    {
      add_string (b, "actor", na_enum_to_nick (NA_TYPE_ACTOR, na_annotation_get_actor (a)));
      add_string (b, "action", na_annotation_get_action (a));
      add_string (b, "question", na_annotation_get_question_id (a));
    }
  add_strv (b, "countries", na_annotation_get_countries (a));
  build_pdf_place (b, a);
  json_builder_end_object (b);
}

static void
build_essay (JsonBuilder *b,
             NaEssay     *essay)
{
  GPtrArray *authors = na_essay_get_authors (essay);
  const NaDate *issued = na_essay_get_issued (essay);

  json_builder_begin_object (b);
  add_string (b, "id", na_essay_get_id (essay));
  add_string (b, "title", na_essay_get_title (essay));
  json_builder_set_member_name (b, "author");
  json_builder_begin_array (b);
  for (guint i = 0; authors && i < authors->len; i++)
    {
      NaName *name = g_ptr_array_index (authors, i);

      json_builder_begin_object (b);
      add_string (b, "family", name->family);
      add_string (b, "given", name->given);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (issued != NULL && issued->year > 0)
    {
      json_builder_set_member_name (b, "issued");
      json_builder_begin_array (b);
      json_builder_add_int_value (b, issued->year);
      if (issued->month > 0)
        json_builder_add_int_value (b, issued->month);
      if (issued->month > 0 && issued->day > 0)
        json_builder_add_int_value (b, issued->day);
      json_builder_end_array (b);
    }
  add_string (b, "container-title", na_essay_get_container_title (essay));
  add_string (b, "URL", na_essay_get_url (essay));
  add_string (b, "abstract", na_essay_get_abstract (essay));
  json_builder_end_object (b);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The whole state as one JSON document; stable order so equal states serialize equally. */
static char *
serialize (NaUserStore *self,
           gsize       *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  json_builder_begin_object (b);
  add_string (b, "format", NA_USER_STORE_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, NA_USER_STORE_VERSION);

  json_builder_set_member_name (b, "annotations");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->annotations)); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);
      build_annotation (b, a);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "overrides");
  json_builder_begin_array (b);
  keys = g_hash_table_get_keys_as_array (self->overrides, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    build_annotation (b, g_hash_table_lookup (self->overrides, keys[i]));
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_free);

  json_builder_set_member_name (b, "essays");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->essays)); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (G_LIST_MODEL (self->essays), i);
      build_essay (b, essay);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "attachments");
  json_builder_begin_array (b);
  keys = g_hash_table_get_keys_as_array (self->attachments, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    {
      Attachment *att = g_hash_table_lookup (self->attachments, keys[i]);

      json_builder_begin_object (b);
      add_string (b, "essay", keys[i]);
      add_string (b, "path", att->path);
      add_string (b, "sha256", att->sha256);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, length);
}

/* Deserialization: into fresh containers, swapped in only when the whole file is good. */

typedef struct
{
  GPtrArray  *annotations;
  GHashTable *overrides;
  GPtrArray  *essays;
  GHashTable *attachments;
} State;

static void
state_clear (State *s)
{
  g_clear_pointer (&s->annotations, g_ptr_array_unref);
  g_clear_pointer (&s->overrides, g_hash_table_unref);
  g_clear_pointer (&s->essays, g_ptr_array_unref);
  g_clear_pointer (&s->attachments, g_hash_table_unref);
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char **
member_strv (JsonObject *o,
             const char *name)
{
  JsonNode *node = json_object_get_member (o, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (json_node_get_value_type (e) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (e));
    }
  return g_strv_builder_end (builder);
}

static NaAnnotation *
read_annotation (JsonNode  *node,
                 guint      index,
                 GError   **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(NaAnnotation) a = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) countries = NULL;
  const char *kind;
  int value;
  guint k;

  kind = o ? member_string (o, "kind") : NULL;
  for (k = 0; kind && k < G_N_ELEMENTS (kind_nicks); k++)
    if (g_str_equal (kind, kind_nicks[k]))
      break;
  if (o == NULL || member_string (o, "id") == NULL || kind == NULL
      || k == G_N_ELEMENTS (kind_nicks))
    {
      g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                   _("annotation %u has no valid “id” or “kind”"), index + 1);
      return NULL;
    }

  a = na_annotation_new (k);
  na_annotation_set_id (a, member_string (o, "id"));
  na_annotation_set_essay_id (a, member_string (o, "essay"));
  na_annotation_set_range (a,
                           json_object_get_int_member_with_default (o, "start", -1),
                           json_object_get_int_member_with_default (o, "end", -1));
  na_annotation_set_quote (a, member_string (o, "quote"));
  na_annotation_set_prefix (a, member_string (o, "prefix"));
  na_annotation_set_suffix (a, member_string (o, "suffix"));
  na_annotation_set_color (a, member_string (o, "color"));
  na_annotation_set_note (a, member_string (o, "note"));
  tags = member_strv (o, "tags");
  na_annotation_set_tags (a, (const char * const *) tags);
  na_annotation_set_question_id (a, member_string (o, "question"));
  na_annotation_set_claim (a, member_string (o, "claim"));
  na_annotation_set_action (a, member_string (o, "action"));
  if (na_enum_from_nick (NA_TYPE_STANCE, member_string (o, "stance"), &value))
    na_annotation_set_stance (a, value);
  if (na_enum_from_nick (NA_TYPE_ACTOR, member_string (o, "actor"), &value))
    na_annotation_set_actor (a, value);
  countries = member_strv (o, "countries");
  read_pdf_place (o, a);
  na_annotation_set_countries (a, (const char * const *) countries);

  return g_steal_pointer (&a);
}

static NaEssay *
read_essay (JsonNode  *node,
            guint      index,
            GError   **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(NaEssay) essay = NULL;
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  JsonNode *member;

  if (o == NULL || member_string (o, "id") == NULL || member_string (o, "title") == NULL)
    {
      g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                   _("essay %u has no “id” or “title”"), index + 1);
      return NULL;
    }

  essay = na_essay_new ();
  na_essay_set_id (essay, member_string (o, "id"));
  na_essay_set_title (essay, member_string (o, "title"));
  member = json_object_get_member (o, "author");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (e))
            g_ptr_array_add (authors,
                             na_name_new (member_string (json_node_get_object (e), "family"),
                                          member_string (json_node_get_object (e), "given"),
                                          NULL));
        }
    }
  na_essay_set_authors (essay, authors);
  member = json_object_get_member (o, "issued");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *parts = json_node_get_array (member);
      guint n = json_array_get_length (parts);
      g_autoptr(NaDate) date = na_date_new (n > 0 ? json_array_get_int_element (parts, 0) : 0,
                                            n > 1 ? json_array_get_int_element (parts, 1) : 0,
                                            n > 2 ? json_array_get_int_element (parts, 2) : 0);
      na_essay_set_issued (essay, date);
    }
  na_essay_set_container_title (essay, member_string (o, "container-title"));
  na_essay_set_url (essay, member_string (o, "URL"));
  na_essay_set_abstract (essay, member_string (o, "abstract"));

  return g_steal_pointer (&essay);
}

static JsonArray *
get_array (JsonObject *root,
           const char *name)
{
  JsonNode *node = json_object_get_member (root, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
deserialize (const char  *data,
             gsize        length,
             State       *s,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonObject *root;
  JsonArray *array;
  const char *format;

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                           _("the file is not valid UTF-8 text"));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      guint line = 0, column = 0;
      char rest[512] = "";

      /* JSON-GLib says "<data>:L:C: message"; say where in words. */
      if (sscanf (parse_error->message, "<data>:%u:%u: %511[^\n]", &line, &column, rest) == 3)
        g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                     _("line %u, column %u: %s"), line, column, rest);
      else
        g_propagate_error (error, g_steal_pointer (&parse_error));
      return FALSE;
    }

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  format = root ? member_string (root, "format") : NULL;
  if (g_strcmp0 (format, NA_USER_STORE_FORMAT) != 0)
    {
      g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                   _("it is not a NatoAsia user data file (no “format”: “%s”)"),
                   NA_USER_STORE_FORMAT);
      return FALSE;
    }
  if (json_object_get_int_member_with_default (root, "version", 0) != NA_USER_STORE_VERSION)
    {
      g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                   /* a plain %lld: xgettext cannot see through G_GINT64_FORMAT */
                   _("it has version %lld, this NatoAsia reads version %d"),
                   (long long) json_object_get_int_member_with_default (root, "version", 0),
                   NA_USER_STORE_VERSION);
      return FALSE;
    }

  s->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  s->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  s->essays = g_ptr_array_new_with_free_func (g_object_unref);
  s->attachments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, attachment_free);

  if ((array = get_array (root, "annotations")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        NaAnnotation *a = read_annotation (json_array_get_element (array, i), i, error);

        if (a == NULL)
          return FALSE;
        g_ptr_array_add (s->annotations, a);
      }
  if ((array = get_array (root, "overrides")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        NaAnnotation *a = read_annotation (json_array_get_element (array, i), i, error);

        if (a == NULL)
          return FALSE;
        g_hash_table_replace (s->overrides, g_strdup (na_annotation_get_id (a)), a);
      }
  if ((array = get_array (root, "essays")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        NaEssay *essay = read_essay (json_array_get_element (array, i), i, error);

        if (essay == NULL)
          return FALSE;
        g_ptr_array_add (s->essays, essay);
      }
  if ((array = get_array (root, "attachments")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *e = json_array_get_element (array, i);
        JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
        Attachment *att;

        if (o == NULL || !member_string (o, "essay") || !member_string (o, "path"))
          continue;
        att = g_new0 (Attachment, 1);
        att->path = g_strdup (member_string (o, "path"));
        att->sha256 = g_strdup (member_string (o, "sha256"));
        g_hash_table_replace (s->attachments, g_strdup (member_string (o, "essay")), att);
      }

  return TRUE;
}

static char *
essay_to_string (NaEssay *essay)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  build_essay (b, essay);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* Whether the store's essays are already those of @s: then undo keeps the very objects, so a
 * window does not lose the essay it shows when an unrelated edit is undone. */
static gboolean
same_essays (NaUserStore *self,
             State       *s)
{
  GListModel *model = G_LIST_MODEL (self->essays);

  if (g_list_model_get_n_items (model) != s->essays->len)
    return FALSE;
  for (guint i = 0; i < s->essays->len; i++)
    {
      g_autoptr(NaEssay) mine = g_list_model_get_item (model, i);
      g_autofree char *a = essay_to_string (mine);
      g_autofree char *b = essay_to_string (g_ptr_array_index (s->essays, i));

      if (g_strcmp0 (a, b) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
apply_state (NaUserStore *self,
             State       *s)
{
  g_list_store_splice (self->annotations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->annotations)),
                       s->annotations->pdata, s->annotations->len);
  if (!same_essays (self, s))
    g_list_store_splice (self->essays, 0, g_list_model_get_n_items (G_LIST_MODEL (self->essays)),
                         s->essays->pdata, s->essays->len);
  g_hash_table_unref (self->overrides);
  self->overrides = g_hash_table_ref (s->overrides);
  g_hash_table_unref (self->attachments);
  self->attachments = g_hash_table_ref (s->attachments);
}

/* Saving */

static void
set_save_error (NaUserStore *self,
                const char  *message)
{
  if (g_strcmp0 (self->save_error, message) == 0)
    return;
  g_free (self->save_error);
  self->save_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAVE_ERROR]);
}

static void
set_dirty (NaUserStore *self,
           gboolean     dirty)
{
  if (self->dirty == !!dirty)
    return;
  self->dirty = !!dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRTY]);
}

/**
 * na_user_store_save:
 *
 * Writes the whole state now: a temporary file in the same directory, flushed to disk, then
 * renamed over the old one, so a crash leaves either the old or the new file, never half of one.
 */
gboolean
na_user_store_save (NaUserStore  *self,
                    GError      **error)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);

  if (self->blocked)
    {
      g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                   _("“%s” could not be read nor moved aside, so it is not overwritten; your "
                     "changes are kept in memory"), self->path);
      return FALSE;
    }

  data = serialize (self, &length);
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (self->path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_dirty (self, FALSE);
  set_save_error (self, NULL);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  NaUserStore *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!self->dirty)
    return G_SOURCE_REMOVE;

  if (!na_user_store_save (self, &error))
    {
      /* Keep the edits in memory, say so once (the message only changes with the cause), and
       * try again: the disk may have been freed or remounted writable meanwhile. */
      g_autofree char *message =
        g_strdup_printf (_("Your annotations could not be saved to “%s”: %s. They are kept "
                           "while NatoAsia runs and saving is retried."),
                         self->path, na_error_get_reason (error, self->path));

      set_save_error (self, message);
      schedule_save (self, self->retry_ms);
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_save (NaUserStore *self,
               guint        delay_ms)
{
  if (self->save_source != 0)
    return;
  self->save_source = g_timeout_add (delay_ms, save_timeout_cb, self);
}

/**
 * na_user_store_flush:
 *
 * Saves now if anything is unsaved (on quit). Returns %FALSE when that failed.
 */
gboolean
na_user_store_flush (NaUserStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty)
    return TRUE;
  if (na_user_store_save (self, &error))
    return TRUE;

  /* Handled: the caller keeps the edits and reports (save-error, or an emergency copy). */
  g_debug ("%s", error->message);
  set_save_error (self, error->message);
  return FALSE;
}

/**
 * na_user_store_save_emergency_copy:
 *
 * When the real file cannot be written and the app must quit anyway: writes everything to a
 * new file in the cache folder, or failing that the temporary folder, so nothing is lost.
 *
 * Returns: (transfer full): the path written, or %NULL with @error
 */
char *
na_user_store_save_emergency_copy (NaUserStore  *self,
                                   GError      **error)
{
  const char *dirs[] = { g_get_user_cache_dir (), g_get_tmp_dir () };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("natoasia-unsaved-annotations-%s.json", stamp);
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);

  data = serialize (self, &length);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], name, NULL);
      g_autoptr(GError) local_error = NULL;

      g_mkdir_with_parents (dirs[i], 0700);
      if (g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_DURABLE, 0600,
                                    i + 1 < G_N_ELEMENTS (dirs) ? &local_error : error))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/**
 * na_user_store_close:
 *
 * On quit: saves what is unsaved; when the file cannot be written, writes an emergency copy
 * elsewhere and says where on stderr. Nothing typed is lost either way.
 */
void
na_user_store_close (NaUserStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;

  g_return_if_fail (NA_IS_USER_STORE (self));

  if (!self->dirty || na_user_store_flush (self))
    return;
  if ((copy = na_user_store_save_emergency_copy (self, &error)) != NULL)
    {
      g_printerr (_("NatoAsia: your annotations could not be saved to “%s”; they were written "
                    "to “%s” instead.\n"), self->path, copy);
      set_dirty (self, FALSE);
    }
  else
    g_printerr (_("NatoAsia: your annotations could not be saved to “%s” nor anywhere else: "
                  "%s\n"), self->path, na_error_get_reason (error, self->path));
}

/* Editing */

static void
notify_undo_redo (NaUserStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

static void
begin_edit (NaUserStore *self)
{
  if (self->group_depth > 0 && self->group_snapshotted)
    return;
  self->group_snapshotted = self->group_depth > 0;
  g_ptr_array_add (self->undo, serialize (self, NULL));
  if (self->undo->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

static void
end_edit (NaUserStore *self)
{
  set_dirty (self, TRUE);
  schedule_save (self, self->delay_ms);
  notify_undo_redo (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
find_annotation (NaUserStore *self,
                 const char  *id,
                 guint       *position)
{
  GListModel *model = G_LIST_MODEL (self->annotations);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (model, i);

      if (g_strcmp0 (na_annotation_get_id (a), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

GListModel *
na_user_store_get_annotations (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);
  return G_LIST_MODEL (self->annotations);
}

NaAnnotation *
na_user_store_lookup_annotation (NaUserStore *self,
                                 const char  *id)
{
  guint position;
  NaAnnotation *a;

  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);

  if (!find_annotation (self, id, &position))
    return NULL;
  /* The store keeps its own reference: hand out a borrowed one. */
  a = g_list_model_get_item (G_LIST_MODEL (self->annotations), position);
  g_object_unref (a);
  return a;
}

GListModel *
na_user_store_dup_annotations_for_essay (NaUserStore *self,
                                         const char  *essay_id)
{
  GListStore *result = g_list_store_new (NA_TYPE_ANNOTATION);
  GListModel *model = G_LIST_MODEL (self->annotations);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaAnnotation) a = g_list_model_get_item (model, i);

      if (g_strcmp0 (na_annotation_get_essay_id (a), essay_id) == 0)
        g_list_store_append (result, a);
    }
  return G_LIST_MODEL (result);
}

/* Adds a copy of @annotation (given a fresh id when it has none); returns the id. */
const char *
na_user_store_add_annotation (NaUserStore  *self,
                              NaAnnotation *annotation)
{
  g_autoptr(NaAnnotation) copy = NULL;
  guint position;

  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);
  g_return_val_if_fail (NA_IS_ANNOTATION (annotation), NULL);

  copy = na_annotation_copy (annotation);
  if (na_annotation_get_id (copy) == NULL
      || find_annotation (self, na_annotation_get_id (copy), &position))
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *id = g_strconcat ("user-", uuid, NULL);

      na_annotation_set_id (copy, id);
    }

  begin_edit (self);
  g_list_store_append (self->annotations, copy);
  end_edit (self);

  return na_annotation_get_id (copy);
}

/* Replaces the annotation with the same id by a copy of @annotation. */
gboolean
na_user_store_replace_annotation (NaUserStore  *self,
                                  NaAnnotation *annotation)
{
  g_autoptr(NaAnnotation) copy = NULL;
  guint position;

  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (NA_IS_ANNOTATION (annotation), FALSE);

  if (!find_annotation (self, na_annotation_get_id (annotation), &position))
    return FALSE;

  copy = na_annotation_copy (annotation);
  begin_edit (self);
  g_list_store_splice (self->annotations, position, 1, (gpointer *) &copy, 1);
  end_edit (self);
  return TRUE;
}

gboolean
na_user_store_remove_annotation (NaUserStore *self,
                                 const char  *id)
{
  guint position;

  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);

  if (!find_annotation (self, id, &position))
    return FALSE;

  begin_edit (self);
  g_list_store_remove (self->annotations, position);
  end_edit (self);
  return TRUE;
}

/**
 * na_user_store_import_annotation:
 *
 * Adds a copy of @annotation under its own id, unless the store already has that id: for
 * moving annotations kept elsewhere into the store, which is not an edit the user can undo
 * (undoing it would lose them once their old place is emptied). Saved like any change.
 *
 * Returns: %TRUE if it was added, %FALSE if the id was already there
 */
gboolean
na_user_store_import_annotation (NaUserStore  *self,
                                 NaAnnotation *annotation)
{
  g_autoptr(NaAnnotation) copy = NULL;
  guint position;

  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (NA_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (na_annotation_get_id (annotation) != NULL, FALSE);

  if (find_annotation (self, na_annotation_get_id (annotation), &position))
    return FALSE;
  copy = na_annotation_copy (annotation);
  g_list_store_append (self->annotations, copy);
  /* Older snapshots lack it: undoing past this point must not drop it. */
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  set_dirty (self, TRUE);
  schedule_save (self, self->delay_ms);
  notify_undo_redo (self);
  g_signal_emit (self, signals [CHANGED], 0);
  return TRUE;
}

/* Overrides: the user's version of a bundled argument or recommendation, by the item's id. */
NaAnnotation *
na_user_store_lookup_override (NaUserStore *self,
                               const char  *item_id)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);
  return g_hash_table_lookup (self->overrides, item_id);
}

void
na_user_store_set_override (NaUserStore  *self,
                            NaAnnotation *edited)
{
  g_return_if_fail (NA_IS_USER_STORE (self));
  g_return_if_fail (NA_IS_ANNOTATION (edited));
  g_return_if_fail (na_annotation_get_id (edited) != NULL);

  begin_edit (self);
  g_hash_table_replace (self->overrides, g_strdup (na_annotation_get_id (edited)),
                        na_annotation_copy (edited));
  end_edit (self);
}

gboolean
na_user_store_restore_original (NaUserStore *self,
                                const char  *item_id)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);

  if (!g_hash_table_contains (self->overrides, item_id))
    return FALSE;

  begin_edit (self);
  g_hash_table_remove (self->overrides, item_id);
  end_edit (self);
  return TRUE;
}

/* The user's own essays */
GListModel *
na_user_store_get_essays (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);
  return G_LIST_MODEL (self->essays);
}

const char *
na_user_store_add_essay (NaUserStore *self,
                         NaEssay     *essay)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);
  g_return_val_if_fail (NA_IS_ESSAY (essay), NULL);

  if (na_essay_get_id (essay) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *id = g_strconcat ("user-", uuid, NULL);

      na_essay_set_id (essay, id);
    }

  begin_edit (self);
  g_list_store_append (self->essays, essay);
  end_edit (self);
  return na_essay_get_id (essay);
}

gboolean
na_user_store_remove_essay (NaUserStore *self,
                            const char  *essay_id)
{
  GListModel *model = G_LIST_MODEL (self->essays);

  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NaEssay) essay = g_list_model_get_item (model, i);

      if (g_strcmp0 (na_essay_get_id (essay), essay_id) == 0)
        {
          begin_edit (self);
          g_list_store_remove (self->essays, i);
          g_hash_table_remove (self->attachments, essay_id);
          end_edit (self);
          return TRUE;
        }
    }
  return FALSE;
}

/* Attached text sources: the file's path and a digest of its content, to notice a change. */
void
na_user_store_set_attachment (NaUserStore *self,
                              const char  *essay_id,
                              const char  *path,
                              const char  *sha256)
{
  Attachment *att;

  g_return_if_fail (NA_IS_USER_STORE (self));
  g_return_if_fail (essay_id != NULL);

  begin_edit (self);
  if (path == NULL)
    g_hash_table_remove (self->attachments, essay_id);
  else
    {
      att = g_new0 (Attachment, 1);
      att->path = g_strdup (path);
      att->sha256 = g_strdup (sha256);
      g_hash_table_replace (self->attachments, g_strdup (essay_id), att);
    }
  end_edit (self);
}

const char *
na_user_store_get_attachment (NaUserStore  *self,
                              const char   *essay_id,
                              const char  **sha256)
{
  Attachment *att;

  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);

  att = essay_id ? g_hash_table_lookup (self->attachments, essay_id) : NULL;
  if (sha256 != NULL)
    *sha256 = att ? att->sha256 : NULL;
  return att ? att->path : NULL;
}

/* Undo and redo */

static gboolean
restore_snapshot (NaUserStore *self,
                  const char  *snapshot)
{
  State s = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = deserialize (snapshot, strlen (snapshot), &s, &error);
  if (ok)
    apply_state (self, &s);
  else
    g_critical ("Could not restore an undo snapshot: %s", error->message);
  state_clear (&s);
  return ok;
}

static gboolean
step (NaUserStore *self,
      GPtrArray   *from,
      GPtrArray   *to)
{
  g_autofree char *snapshot = NULL;

  if (from->len == 0)
    return FALSE;

  snapshot = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, serialize (self, NULL));
  restore_snapshot (self, snapshot);
  end_edit (self);
  return TRUE;
}

/**
 * na_user_store_begin_group:
 *
 * Until the matching na_user_store_end_group(), edits make one undo step: what the user did
 * in one gesture (a new essay and its text) is undone in one. Groups nest.
 */
void
na_user_store_begin_group (NaUserStore *self)
{
  g_return_if_fail (NA_IS_USER_STORE (self));

  self->group_depth++;
}

void
na_user_store_end_group (NaUserStore *self)
{
  g_return_if_fail (NA_IS_USER_STORE (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    self->group_snapshotted = FALSE;
}

gboolean
na_user_store_can_undo (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);
  return self->undo->len > 0;
}

gboolean
na_user_store_can_redo (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);
  return self->redo->len > 0;
}

gboolean
na_user_store_undo (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);
  return step (self, self->undo, self->redo);
}

gboolean
na_user_store_redo (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);
  return step (self, self->redo, self->undo);
}

/* Loading */

/* Reads the file into the store; a missing file is an empty store. */
static gboolean
read_file (NaUserStore  *self,
           GError      **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  State s = { 0 };
  gsize length;

  if (!g_file_get_contents (self->path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!deserialize (data, length, &s, error))
    {
      state_clear (&s);
      return FALSE;
    }
  apply_state (self, &s);
  state_clear (&s);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_undo_redo (self);
  g_signal_emit (self, signals [CHANGED], 0);
  return TRUE;
}

/* g_file_set_contents_full() writes FILE.XXXXXX, then renames it over FILE: a save killed
 * half-way leaves that temporary behind (FILE itself is whole). Only this process writes
 * here (the application is unique, the command line never writes), so at load any such file
 * is a leftover. Files kept aside (FILE.broken-DATE) do not match and stay. */
static void
remove_stale_temporaries (NaUserStore *self)
{
  g_autofree char *dirname = g_path_get_dirname (self->path);
  g_autofree char *basename = g_path_get_basename (self->path);
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  gsize prefix = strlen (basename);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gboolean temporary = strlen (name) == prefix + 7 && strncmp (name, basename, prefix) == 0
                           && name[prefix] == '.';

      for (gsize i = prefix + 1; temporary && name[i] != '\0'; i++)
        temporary = g_ascii_isalnum (name[i]);
      if (!temporary)
        continue;
      path = g_build_filename (dirname, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_unlink (path) == 0)
        g_debug ("Removed “%s”, left by a save that did not finish", path);
    }
}

/**
 * na_user_store_load:
 *
 * Reads the file. A missing file is an empty store. A file that cannot be parsed is renamed
 * aside (…broken-DATE) and never overwritten; then the store is empty and @error says which
 * file, what was wrong and where it was kept. Returns %FALSE only in that case.
 */
gboolean
na_user_store_load (NaUserStore  *self,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;

  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);

  remove_stale_temporaries (self);
  if (read_file (self, &local_error))
    return TRUE;

  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  aside = g_strdup_printf ("%s.broken-%s", self->path, stamp);
  if (g_rename (self->path, aside) == 0)
    g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                 _("Your annotations file “%s” could not be read (%s). It was kept as “%s” "
                   "and NatoAsia starts with no annotations."),
                 self->path, na_error_get_reason (local_error, self->path), aside);
  else
    {
      int saved_errno = errno;

      self->blocked = TRUE;
      g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
                   _("Your annotations file “%s” could not be read (%s) nor moved aside (%s). "
                     "It is left untouched; new annotations are kept in memory only."),
                   self->path, na_error_get_reason (local_error, self->path),
                   g_strerror (saved_errno));
    }
  return FALSE;
}

/**
 * na_user_store_load_read_only:
 *
 * Reads the file for a reader that must not change it (the command line, while the app may be
 * running): a broken file is left where it is, and the store never writes. On failure @error
 * names the file and the problem.
 */
gboolean
na_user_store_load_read_only (NaUserStore  *self,
                              GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);

  self->blocked = TRUE;
  if (read_file (self, &local_error))
    return TRUE;
  g_set_error (error, NA_USER_STORE_ERROR, NA_USER_STORE_ERROR_BROKEN,
               _("Your annotations file “%s” could not be read (%s)"),
               self->path, na_error_get_reason (local_error, self->path));
  return FALSE;
}

/* GObject */

static void
na_user_store_dispose (GObject *object)
{
  NaUserStore *self = (NaUserStore *)object;

  /* The last chance to save: the application holds the store until quit. */
  na_user_store_close (self);
  g_clear_handle_id (&self->save_source, g_source_remove);

  G_OBJECT_CLASS (na_user_store_parent_class)->dispose (object);
}

static void
na_user_store_finalize (GObject *object)
{
  NaUserStore *self = (NaUserStore *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_object (&self->essays);
  g_clear_pointer (&self->attachments, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (na_user_store_parent_class)->finalize (object);
}

static void
na_user_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NaUserStore *self = NA_USER_STORE (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, na_user_store_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, na_user_store_can_redo (self));
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_user_store_class_init (NaUserStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = na_user_store_dispose;
  object_class->finalize = na_user_store_finalize;
  object_class->get_property = na_user_store_get_property;

  properties [PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties [PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties [PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, "Why the last save failed, or NULL", NULL, flags);
  properties [PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, "Whether there are unsaved changes", FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
na_user_store_init (NaUserStore *self)
{
  self->annotations = g_list_store_new (NA_TYPE_ANNOTATION);
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->essays = g_list_store_new (NA_TYPE_ESSAY);
  self->attachments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, attachment_free);
  self->undo = g_ptr_array_new_with_free_func (g_free);
  self->redo = g_ptr_array_new_with_free_func (g_free);
  self->delay_ms = 500;
  self->retry_ms = 5000;
}

/**
 * na_user_store_new:
 * @directory: (nullable): where annotations.json lives; %NULL for $XDG_DATA_HOME/natoasia
 */
NaUserStore *
na_user_store_new (const char *directory)
{
  NaUserStore *self = g_object_new (NA_TYPE_USER_STORE, NULL);

  if (directory != NULL)
    self->path = g_build_filename (directory, "annotations.json", NULL);
  else
    self->path = g_build_filename (g_get_user_data_dir (), "natoasia", "annotations.json", NULL);
  return self;
}

const char *
na_user_store_get_path (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);
  return self->path;
}

gboolean
na_user_store_get_dirty (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), FALSE);
  return self->dirty;
}

const char *
na_user_store_get_save_error (NaUserStore *self)
{
  g_return_val_if_fail (NA_IS_USER_STORE (self), NULL);
  return self->save_error;
}

/* Tests use short delays; the app keeps the defaults (0.5 s after a change, retry every 5 s). */
void
na_user_store_set_save_delay (NaUserStore *self,
                              guint        delay_ms,
                              guint        retry_ms)
{
  g_return_if_fail (NA_IS_USER_STORE (self));
  self->delay_ms = delay_ms;
  self->retry_ms = retry_ms;
}
