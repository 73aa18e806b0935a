/* na-library-io.c — reading and writing the library format (docs/library-format.md)
 *
 * Reading validates everything a hand-edited file can get wrong and reports each problem with
 * the file name and either line:column (syntax, encoding) or the JSON path of the value, so a
 * user can go straight to it. All problems are collected, not just the first.
 */
#define G_LOG_DOMAIN "na-library-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "na-library.h"

#define MAX_REPORTED_ERRORS 50
#define BUNDLED_RESOURCE "/org/example/NatoAsia/library/natoasia-library.json"

/* A JSON path built on the stack as the reader descends; formatted only when reporting. */
typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *member;
  int         index;
};

typedef struct
{
  const char *name;
  GPtrArray  *errors;
  int         first_code;
  guint       n_errors;
  NaLibrary  *library;
  GHashTable *first_seen;   /* "kind\x1fid" → path string of its first use, for duplicates */
} Loader;

static void
path_append (GString    *str,
             const Path *path)
{
  if (path == NULL)
    {
      g_string_append_c (str, '$');
      return;
    }

  path_append (str, path->parent);
  if (path->member != NULL)
    g_string_append_printf (str, ".%s", path->member);
  else
    g_string_append_printf (str, "[%d]", path->index);
}

static char *
path_to_string (const Path *path)
{
  GString *str = g_string_new (NULL);

  path_append (str, path);
  return g_string_free (str, FALSE);
}

G_GNUC_PRINTF (4, 5)
static void
report (Loader     *l,
        int         code,
        const Path *path,
        const char *format,
        ...)
{
  g_autofree char *where = path_to_string (path);
  g_autofree char *what = NULL;
  va_list args;

  if (l->n_errors++ == 0)
    l->first_code = code;
  if (l->errors->len >= MAX_REPORTED_ERRORS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (l->errors, g_strdup_printf ("%s: %s: %s", l->name, where, what));
}

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return "an object";
    case JSON_NODE_ARRAY: return "an array";
    case JSON_NODE_NULL: return "null";
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node) == G_TYPE_STRING ? 's' :
              json_node_get_value_type (node) == G_TYPE_BOOLEAN ? 'b' : 'n')
        {
        case 's': return "a string";
        case 'b': return "a boolean";
        default: return "a number";
        }
    default:
      return "a value";
    }
}

/* Returns the member's node, reporting when a required one is absent. null counts as absent. */
static JsonNode *
member (Loader     *l,
        JsonObject *obj,
        const Path *path,
        const char *name,
        gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;

  if (required)
    report (l, NA_LIBRARY_ERROR_MISSING, path, _("missing required member “%s”"), name);
  return NULL;
}

static const char *
get_string (Loader     *l,
            JsonObject *obj,
            const Path *path,
            const char *name,
            gboolean    required)
{
  JsonNode *node = member (l, obj, path, name, required);
  Path here = { path, name, 0 };
  const char *value;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      report (l, NA_LIBRARY_ERROR_TYPE, &here, _("expected a string, found %s"),
              node_type_name (node));
      return NULL;
    }

  value = json_node_get_string (node);
  if (required && value[0] == '\0')
    {
      report (l, NA_LIBRARY_ERROR_VALUE, &here, _("must not be empty"));
      return NULL;
    }

  return value;
}

static gboolean
get_int (Loader     *l,
         JsonObject *obj,
         const Path *path,
         const char *name,
         gboolean    required,
         gint64     *value)
{
  JsonNode *node = member (l, obj, path, name, required);
  Path here = { path, name, 0 };

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      report (l, NA_LIBRARY_ERROR_TYPE, &here, _("expected an integer, found %s"),
              node_type_name (node));
      return FALSE;
    }

  *value = json_node_get_int (node);
  return TRUE;
}

static JsonArray *
get_array (Loader     *l,
           JsonObject *obj,
           const Path *path,
           const char *name,
           gboolean    required)
{
  JsonNode *node = member (l, obj, path, name, required);
  Path here = { path, name, 0 };

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (l, NA_LIBRARY_ERROR_TYPE, &here, _("expected an array, found %s"),
              node_type_name (node));
      return NULL;
    }

  return json_node_get_array (node);
}

/* The element of @array at @index as an object, or NULL after reporting. */
static JsonObject *
element_object (Loader     *l,
                JsonArray  *array,
                const Path *path,
                guint       index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, NA_LIBRARY_ERROR_TYPE, path, _("expected an object, found %s"),
              node_type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonObject *
get_object (Loader     *l,
            JsonObject *obj,
            const Path *path,
            const char *name,
            gboolean    required)
{
  JsonNode *node = member (l, obj, path, name, required);
  Path here = { path, name, 0 };

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (l, NA_LIBRARY_ERROR_TYPE, &here, _("expected an object, found %s"),
              node_type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
is_valid_id (const char *id)
{
  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_valid_country_code (const char *code)
{
  return strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/* Reads the "id" member and checks its form and uniqueness within @kind. */
static const char *
get_id (Loader     *l,
        JsonObject *obj,
        const Path *path,
        const char *kind)
{
  const char *id = get_string (l, obj, path, "id", TRUE);
  Path here = { path, "id", 0 };
  g_autofree char *key = NULL;
  const char *first;

  if (id == NULL)
    return NULL;

  if (!is_valid_id (id))
    {
      report (l, NA_LIBRARY_ERROR_INVALID_ID, &here,
              _("invalid id “%s”: use lower-case letters, digits and “-”"), id);
      return NULL;
    }

  key = g_strconcat (kind, "\x1f", id, NULL);
  first = g_hash_table_lookup (l->first_seen, key);
  if (first != NULL)
    {
      report (l, NA_LIBRARY_ERROR_DUPLICATE, &here, _("duplicate id “%s” (first used at %s)"),
              id, first);
      return NULL;
    }
  g_hash_table_insert (l->first_seen, g_steal_pointer (&key), path_to_string (path));

  return id;
}

static int
get_enum (Loader     *l,
          JsonObject *obj,
          const Path *path,
          const char *name,
          GType       enum_type,
          int         fallback)
{
  const char *nick = get_string (l, obj, path, name, TRUE);
  Path here = { path, name, 0 };
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) allowed = NULL;
  int value;

  if (nick == NULL)
    return fallback;
  if (na_enum_from_nick (enum_type, nick, &value))
    return value;

  klass = g_type_class_ref (enum_type);
  allowed = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
  report (l, NA_LIBRARY_ERROR_ENUM, &here, _("unknown value “%s” (expected one of: %s)"),
          nick, allowed->str);
  return fallback;
}

/* Reads an array of strings; returns a NULL-terminated vector, or NULL when absent or wrong. */
static char **
get_strv (Loader     *l,
          JsonObject *obj,
          const Path *path,
          const char *name)
{
  JsonArray *array = get_array (l, obj, path, name, FALSE);
  Path here = { path, name, 0 };
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      Path item = { &here, NULL, i };

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        report (l, NA_LIBRARY_ERROR_TYPE, &item, _("expected a string, found %s"),
                node_type_name (node));
      else
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

/* Country lists must be well-formed codes that the library's country table defines. */
static char **
get_countries (Loader     *l,
               JsonObject *obj,
               const Path *path)
{
  g_auto(GStrv) codes = get_strv (l, obj, path, "countries");
  Path here = { path, "countries", 0 };

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      Path item = { &here, NULL, i };

      if (!is_valid_country_code (codes[i]))
        report (l, NA_LIBRARY_ERROR_COUNTRY, &item,
                _("malformed country code “%s”: expected three upper-case letters "
                  "(ISO 3166-1 alpha-3)"), codes[i]);
      else if (na_library_lookup_country (l->library, codes[i]) == NULL)
        report (l, NA_LIBRARY_ERROR_REFERENCE, &item,
                _("unknown country “%s”: it is not in $.countries"), codes[i]);
    }

  return g_steal_pointer (&codes);
}

static GPtrArray *
get_names (Loader     *l,
           JsonObject *obj,
           const Path *path,
           const char *name,
           gboolean    required)
{
  JsonArray *array = get_array (l, obj, path, name, required);
  Path here = { path, name, 0 };
  GPtrArray *names;
  guint n;

  if (array == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      Path item = { &here, NULL, i };
      JsonObject *o = element_object (l, array, &item, i);
      const char *family;

      if (o == NULL)
        continue;
      family = get_string (l, o, &item, "family", TRUE);
      if (family != NULL)
        g_ptr_array_add (names, na_name_new (family,
                                             get_string (l, o, &item, "given", FALSE),
                                             get_string (l, o, &item, "affiliation", FALSE)));
    }

  return names;
}

/* Reads one [year, month?, day?] part of a CSL date into @parts. */
static gboolean
get_date_part (Loader     *l,
               JsonNode   *node,
               const Path *path,
               int         parts[3])
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (l, NA_LIBRARY_ERROR_TYPE, path, _("expected an array of 1 to 3 integers, found %s"),
              node_type_name (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 1 || n > 3)
    {
      report (l, NA_LIBRARY_ERROR_VALUE, path, _("expected 1 to 3 integers (year, month, day)"));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      Path item = { path, NULL, i };

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_INT64)
        {
          report (l, NA_LIBRARY_ERROR_TYPE, &item, _("expected an integer, found %s"),
                  node_type_name (e));
          return FALSE;
        }
      parts[i] = json_node_get_int (e);
    }

  if (parts[0] < 1 || parts[0] > 9999 || parts[1] < 0 || parts[1] > 12 ||
      parts[2] < 0 || parts[2] > 31 || (n == 3 && !g_date_valid_dmy (parts[2], parts[1], parts[0])))
    {
      report (l, NA_LIBRARY_ERROR_VALUE, path, _("not a valid date"));
      return FALSE;
    }

  return TRUE;
}

static NaDate *
get_date (Loader     *l,
          JsonObject *obj,
          const Path *path,
          const char *name)
{
  JsonObject *o = get_object (l, obj, path, name, FALSE);
  Path here = { path, name, 0 };
  Path parts_path = { &here, "date-parts", 0 };
  JsonArray *parts;
  int start[3] = { 0 }, end[3] = { 0 };
  NaDate *date;
  JsonNode *circa;
  guint n;

  if (o == NULL)
    return NULL;

  parts = get_array (l, o, &here, "date-parts", TRUE);
  if (parts == NULL)
    return NULL;

  n = json_array_get_length (parts);
  if (n < 1 || n > 2)
    {
      report (l, NA_LIBRARY_ERROR_VALUE, &parts_path,
              _("expected one date, or two for a range"));
      return NULL;
    }

  {
    Path p0 = { &parts_path, NULL, 0 };
    Path p1 = { &parts_path, NULL, 1 };

    if (!get_date_part (l, json_array_get_element (parts, 0), &p0, start))
      return NULL;
    if (n == 2 && !get_date_part (l, json_array_get_element (parts, 1), &p1, end))
      return NULL;
  }

  date = na_date_new (start[0], start[1], start[2]);
  date->end_year = end[0];
  date->season = g_strdup (get_string (l, o, &here, "season", FALSE));

  circa = member (l, o, &here, "circa", FALSE);
  if (circa != NULL)
    {
      Path cp = { &here, "circa", 0 };

      if (!JSON_NODE_HOLDS_VALUE (circa) || json_node_get_value_type (circa) != G_TYPE_BOOLEAN)
        report (l, NA_LIBRARY_ERROR_TYPE, &cp, _("expected a boolean, found %s"),
                node_type_name (circa));
      else
        date->circa = json_node_get_boolean (circa);
    }

  return date;
}

static NaAnchor *
get_anchor (Loader     *l,
            JsonObject *obj,
            const Path *path)
{
  JsonObject *o = get_object (l, obj, path, "anchor", FALSE);
  Path here = { path, "anchor", 0 };
  g_autoptr(NaAnchor) anchor = NULL;
  gint64 start = -1, end = -1, page = 0;
  gboolean has_start, has_end;

  if (o == NULL)
    return NULL;

  anchor = na_anchor_new ();
  na_anchor_set_exact (anchor, get_string (l, o, &here, "exact", TRUE));
  na_anchor_set_prefix (anchor, get_string (l, o, &here, "prefix", FALSE));
  na_anchor_set_suffix (anchor, get_string (l, o, &here, "suffix", FALSE));

  has_start = get_int (l, o, &here, "start", FALSE, &start);
  has_end = get_int (l, o, &here, "end", FALSE, &end);
  if (has_start != has_end || start > end || start < -1 || end > G_MAXINT)
    {
      report (l, NA_LIBRARY_ERROR_VALUE, &here,
              _("“start” and “end” must be given together, with 0 ≤ start ≤ end"));
    }
  else if (has_start)
    {
      na_anchor_set_start (anchor, start);
      na_anchor_set_end (anchor, end);
    }

  if (get_int (l, o, &here, "page", FALSE, &page))
    {
      Path pp = { &here, "page", 0 };

      if (page < 1 || page > G_MAXINT)
        report (l, NA_LIBRARY_ERROR_VALUE, &pp, _("page must be 1 or more"));
      else
        na_anchor_set_page (anchor, page);
    }

  return g_steal_pointer (&anchor);
}

static void
read_questions (Loader    *l,
                JsonArray *array,
                const Path *path)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      Path item = { path, NULL, i };
      JsonObject *o = element_object (l, array, &item, i);
      g_autoptr(NaQuestion) q = NULL;
      const char *id;

      if (o == NULL || (id = get_id (l, o, &item, "question")) == NULL)
        continue;

      q = na_question_new ();
      na_question_set_id (q, id);
      na_question_set_title (q, get_string (l, o, &item, "title", TRUE));
      na_question_set_label (q, get_string (l, o, &item, "label", FALSE));
      na_question_set_description (q, get_string (l, o, &item, "description", FALSE));
      na_library_add_question (l->library, q);
    }
}

static void
read_countries (Loader     *l,
                JsonArray  *array,
                const Path *path)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      Path item = { path, NULL, i };
      Path code_path = { &item, "code", 0 };
      JsonObject *o = element_object (l, array, &item, i);
      g_autoptr(NaCountry) c = NULL;
      const char *code;

      if (o == NULL || (code = get_string (l, o, &item, "code", TRUE)) == NULL)
        continue;

      if (!is_valid_country_code (code))
        {
          report (l, NA_LIBRARY_ERROR_COUNTRY, &code_path,
                  _("malformed country code “%s”: expected three upper-case letters "
                    "(ISO 3166-1 alpha-3)"), code);
          continue;
        }
      if (na_library_lookup_country (l->library, code) != NULL)
        {
          report (l, NA_LIBRARY_ERROR_DUPLICATE, &code_path, _("duplicate country “%s”"), code);
          continue;
        }

      c = na_country_new ();
      na_country_set_code (c, code);
      na_country_set_name (c, get_string (l, o, &item, "name", TRUE));
      na_country_set_region (c, get_string (l, o, &item, "region", FALSE));
      na_library_add_country (l->library, c);
    }
}

static void
read_essays (Loader     *l,
             JsonArray  *array,
             const Path *path)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      Path item = { path, NULL, i };
      JsonObject *o = element_object (l, array, &item, i);
      g_autoptr(NaEssay) e = NULL;
      g_autoptr(GPtrArray) authors = NULL;
      g_autoptr(GPtrArray) editors = NULL;
      g_autoptr(NaDate) issued = NULL;
      g_auto(GStrv) keywords = NULL;
      const char *id;

      if (o == NULL || (id = get_id (l, o, &item, "essay")) == NULL)
        continue;

      e = na_essay_new ();
      na_essay_set_id (e, id);
      na_essay_set_kind (e, get_enum (l, o, &item, "type", NA_TYPE_ESSAY_KIND,
                                      NA_ESSAY_KIND_ARTICLE));
      na_essay_set_title (e, get_string (l, o, &item, "title", TRUE));
      na_essay_set_subtitle (e, get_string (l, o, &item, "subtitle", FALSE));
      authors = get_names (l, o, &item, "author", TRUE);
      na_essay_set_authors (e, authors);
      editors = get_names (l, o, &item, "editor", FALSE);
      na_essay_set_editors (e, editors);
      issued = get_date (l, o, &item, "issued");
      na_essay_set_issued (e, issued);
      na_essay_set_container_title (e, get_string (l, o, &item, "container-title", FALSE));
      na_essay_set_publisher (e, get_string (l, o, &item, "publisher", FALSE));
      na_essay_set_page (e, get_string (l, o, &item, "page", FALSE));
      na_essay_set_url (e, get_string (l, o, &item, "URL", FALSE));
      na_essay_set_abstract (e, get_string (l, o, &item, "abstract", FALSE));
      keywords = get_strv (l, o, &item, "keywords");
      na_essay_set_keywords (e, (const char * const *) keywords);
      na_essay_set_note (e, get_string (l, o, &item, "note", FALSE));
      na_essay_set_source (e, get_string (l, o, &item, "source", FALSE));
      na_library_add_essay (l->library, e);
    }
}

/* Checks that @member of @o names an existing essay or question; returns it when it does. */
static const char *
get_reference (Loader     *l,
               JsonObject *o,
               const Path *path,
               const char *name,
               gboolean    required,
               gboolean    is_essay)
{
  const char *id = get_string (l, o, path, name, required);
  Path here = { path, name, 0 };

  if (id == NULL)
    return NULL;

  if (is_essay ? na_library_lookup_essay (l->library, id) == NULL
               : na_library_lookup_question (l->library, id) == NULL)
    {
      report (l, NA_LIBRARY_ERROR_REFERENCE, &here,
              is_essay ? _("unknown essay “%s”: no essay has this id")
                       : _("unknown question “%s”: no question has this id"), id);
      return NULL;
    }

  return id;
}

static void
read_arguments (Loader     *l,
                JsonArray  *array,
                const Path *path)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      Path item = { path, NULL, i };
      JsonObject *o = element_object (l, array, &item, i);
      g_autoptr(NaArgument) a = NULL;
      g_autoptr(NaAnchor) anchor = NULL;
      g_auto(GStrv) countries = NULL;
      const char *id;

      if (o == NULL || (id = get_id (l, o, &item, "argument")) == NULL)
        continue;

      a = na_argument_new ();
      na_argument_set_id (a, id);
      na_argument_set_essay_id (a, get_reference (l, o, &item, "essay", TRUE, TRUE));
      na_argument_set_question_id (a, get_reference (l, o, &item, "question", TRUE, FALSE));
      na_argument_set_stance (a, get_enum (l, o, &item, "stance", NA_TYPE_STANCE,
                                           NA_STANCE_NEUTRAL));
      na_argument_set_claim (a, get_string (l, o, &item, "claim", TRUE));
      na_argument_set_grounds (a, get_string (l, o, &item, "grounds", FALSE));
      countries = get_countries (l, o, &item);
      na_argument_set_countries (a, (const char * const *) countries);
      anchor = get_anchor (l, o, &item);
      na_argument_set_anchor (a, anchor);
      na_library_add_argument (l->library, a);
    }
}

static void
read_recommendations (Loader     *l,
                      JsonArray  *array,
                      const Path *path)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      Path item = { path, NULL, i };
      JsonObject *o = element_object (l, array, &item, i);
      g_autoptr(NaRecommendation) r = NULL;
      g_autoptr(NaAnchor) anchor = NULL;
      g_auto(GStrv) countries = NULL;
      const char *id;

      if (o == NULL || (id = get_id (l, o, &item, "recommendation")) == NULL)
        continue;

      r = na_recommendation_new ();
      na_recommendation_set_id (r, id);
      na_recommendation_set_essay_id (r, get_reference (l, o, &item, "essay", TRUE, TRUE));
      na_recommendation_set_actor (r, get_enum (l, o, &item, "actor", NA_TYPE_ACTOR,
                                                NA_ACTOR_OTHER));
      na_recommendation_set_action (r, get_string (l, o, &item, "action", TRUE));
      countries = get_countries (l, o, &item);
      na_recommendation_set_countries (r, (const char * const *) countries);
      na_recommendation_set_question_id (r, get_reference (l, o, &item, "question", FALSE, FALSE));
      anchor = get_anchor (l, o, &item);
      na_recommendation_set_anchor (r, anchor);
      na_library_add_recommendation (l->library, r);
    }
}

/* JSON-GLib can stop at bad UTF-8 with a vague message; find the first bad byte ourselves
 * and say where it is. */
static gboolean
check_utf8 (const char  *name,
            const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end;
  int line = 1, column = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        line++, column = 1;
      else if (((guchar) *p & 0xC0) != 0x80)
        column++;
    }

  g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_UTF8,
               _("%s:%d:%d: invalid UTF-8 (byte 0x%02X at offset %" G_GSIZE_FORMAT ")"),
               name, line, column, (guchar) *end, (gsize) (end - data));
  return FALSE;
}

static JsonNode *
parse_json (const char  *name,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* JSON-GLib says "<data>:LINE:COL: Parse error: …"; put the file's name in its place. */
      const char *msg = local_error->message;

      if (g_str_has_prefix (msg, "<data>:"))
        g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_SYNTAX, "%s:%s",
                     name, msg + strlen ("<data>:"));
      else
        g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_SYNTAX, "%s: %s", name, msg);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_SYNTAX,
                   _("%s: the file is empty"), name);
      return NULL;
    }

  return json_node_ref (root);
}

static gboolean
read_header (Loader     *l,
             JsonObject *root)
{
  const char *format = get_string (l, root, NULL, "format", TRUE);
  gint64 version = 0;
  Path fp = { NULL, "format", 0 };
  Path vp = { NULL, "version", 0 };

  if (format != NULL && g_strcmp0 (format, NA_LIBRARY_FORMAT) != 0)
    {
      report (l, NA_LIBRARY_ERROR_FORMAT, &fp,
              _("not a NatoAsia library (format is “%s”, expected “%s”)"),
              format, NA_LIBRARY_FORMAT);
      return FALSE;
    }

  if (get_int (l, root, NULL, "version", TRUE, &version) && version != NA_LIBRARY_VERSION)
    {
      report (l, NA_LIBRARY_ERROR_VERSION, &vp,
              _("unsupported version %" G_GINT64_FORMAT " (this NatoAsia reads version %d)"),
              version, NA_LIBRARY_VERSION);
      return FALSE;
    }

  return format != NULL && version == NA_LIBRARY_VERSION;
}

typedef void (*ReadSection) (Loader *, JsonArray *, const Path *);

/**
 * na_library_new_from_bytes:
 * @bytes: the file's contents
 * @display_name: how to name the file in messages
 *
 * Parses and validates a library.
 *
 * Returns: (transfer full): the library, or %NULL with @error listing every problem found,
 *   one per line
 */
NaLibrary *
na_library_new_from_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  static const struct { const char *name; ReadSection read; } sections[] = {
    /* Order matters: arguments and recommendations refer to the earlier sections. */
    { "questions", read_questions },
    { "countries", read_countries },
    { "essays", read_essays },
    { "arguments", read_arguments },
    { "recommendations", read_recommendations },
  };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(NaLibrary) library = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GHashTable) first_seen = NULL;
  JsonObject *obj;
  const char *data;
  gsize length;
  Loader l = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!check_utf8 (display_name, data, length, error))
    return NULL;

  if (!(root = parse_json (display_name, data, length, error)))
    return NULL;

  library = na_library_new ();
  errors = g_ptr_array_new_with_free_func (g_free);
  first_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l.name = display_name;
  l.errors = errors;
  l.library = library;
  l.first_seen = first_seen;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      report (&l, NA_LIBRARY_ERROR_FORMAT, NULL, _("expected an object at the top level, found %s"),
              node_type_name (root));
    }
  else if (read_header (&l, (obj = json_node_get_object (root))))
    {
      na_library_set_title (library, get_string (&l, obj, NULL, "title", FALSE));
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          Path p = { NULL, sections[i].name, 0 };
          JsonArray *array = get_array (&l, obj, NULL, sections[i].name, TRUE);

          if (array != NULL)
            sections[i].read (&l, array, &p);
        }
    }

  if (l.n_errors > 0)
    {
      g_autoptr(GString) msg = g_string_new (NULL);

      for (guint i = 0; i < errors->len; i++)
        g_string_append_printf (msg, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (errors, i));
      if (l.n_errors > errors->len)
        {
          guint more = l.n_errors - errors->len;

          g_string_append_printf (msg, "\n%s: ", display_name);
          g_string_append_printf (msg, ngettext ("and %u more problem", "and %u more problems",
                                                 more), more);
        }
      g_set_error_literal (error, NA_LIBRARY_ERROR, l.first_code, msg->str);
      return NULL;
    }

  return g_steal_pointer (&library);
}

NaLibrary *
na_library_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_IO,
                   _("%s: cannot read the file: %s"), name, local_error->message);
      return NULL;
    }

  return na_library_new_from_bytes (bytes, name, error);
}

NaLibrary *
na_library_new_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (BUNDLED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return na_library_new_from_bytes (bytes, _("bundled library"), error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  NaLibrary *library = na_library_new_from_file (task_data, cancellable, &error);

  if (library == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, library, g_object_unref);
}

/* Loads off the main thread: a large library must not freeze the window. */
void
na_library_load_file_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, na_library_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

NaLibrary *
na_library_load_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writing ------------------------------------------------------------------------------------ */

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
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
add_names (JsonBuilder *b,
           const char  *name,
           GPtrArray   *names,
           gboolean     always)
{
  if (!always && (names == NULL || names->len == 0))
    return;

  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      NaName *n = g_ptr_array_index (names, i);

      json_builder_begin_object (b);
      add_string (b, "family", n->family);
      add_string (b, "given", n->given);
      add_string (b, "affiliation", n->affiliation);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_date_part (JsonBuilder *b,
               int          year,
               int          month,
               int          day)
{
  json_builder_begin_array (b);
  json_builder_add_int_value (b, year);
  if (month != 0)
    json_builder_add_int_value (b, month);
  if (month != 0 && day != 0)
    json_builder_add_int_value (b, day);
  json_builder_end_array (b);
}

static void
add_date (JsonBuilder  *b,
          const NaDate *date)
{
  if (date == NULL || date->year == 0)
    return;

  json_builder_set_member_name (b, "issued");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "date-parts");
  json_builder_begin_array (b);
  add_date_part (b, date->year, date->month, date->day);
  if (date->end_year != 0)
    add_date_part (b, date->end_year, 0, 0);
  json_builder_end_array (b);
  if (date->circa)
    {
      json_builder_set_member_name (b, "circa");
      json_builder_add_boolean_value (b, TRUE);
    }
  add_string (b, "season", date->season);
  json_builder_end_object (b);
}

static void
add_anchor (JsonBuilder *b,
            NaAnchor    *anchor)
{
  if (anchor == NULL)
    return;

  json_builder_set_member_name (b, "anchor");
  json_builder_begin_object (b);
  add_string (b, "exact", na_anchor_get_exact (anchor));
  add_string (b, "prefix", na_anchor_get_prefix (anchor));
  add_string (b, "suffix", na_anchor_get_suffix (anchor));
  if (na_anchor_get_start (anchor) >= 0)
    {
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, na_anchor_get_start (anchor));
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, na_anchor_get_end (anchor));
    }
  if (na_anchor_get_page (anchor) > 0)
    {
      json_builder_set_member_name (b, "page");
      json_builder_add_int_value (b, na_anchor_get_page (anchor));
    }
  json_builder_end_object (b);
}

static void
add_enum (JsonBuilder *b,
          const char  *name,
          GType        type,
          int          value)
{
  add_string (b, name, na_enum_to_nick (type, value));
}

static void
build_essay (JsonBuilder *b,
             NaEssay     *e)
{
  json_builder_begin_object (b);
  add_string (b, "id", na_essay_get_id (e));
  add_enum (b, "type", NA_TYPE_ESSAY_KIND, na_essay_get_kind (e));
  add_string (b, "title", na_essay_get_title (e));
  add_string (b, "subtitle", na_essay_get_subtitle (e));
  add_names (b, "author", na_essay_get_authors (e), TRUE);
  add_names (b, "editor", na_essay_get_editors (e), FALSE);
  add_date (b, na_essay_get_issued (e));
  add_string (b, "container-title", na_essay_get_container_title (e));
  add_string (b, "publisher", na_essay_get_publisher (e));
  add_string (b, "page", na_essay_get_page (e));
  add_string (b, "URL", na_essay_get_url (e));
  add_string (b, "abstract", na_essay_get_abstract (e));
  add_strv (b, "keywords", na_essay_get_keywords (e));
  add_string (b, "note", na_essay_get_note (e));
  add_string (b, "source", na_essay_get_source (e));
  json_builder_end_object (b);
}

static void
build_argument (JsonBuilder *b,
                NaArgument  *a)
{
  json_builder_begin_object (b);
  add_string (b, "id", na_argument_get_id (a));
  add_string (b, "essay", na_argument_get_essay_id (a));
  add_string (b, "question", na_argument_get_question_id (a));
  add_enum (b, "stance", NA_TYPE_STANCE, na_argument_get_stance (a));
  add_string (b, "claim", na_argument_get_claim (a));
  add_string (b, "grounds", na_argument_get_grounds (a));
  add_strv (b, "countries", na_argument_get_countries (a));
  add_anchor (b, na_argument_get_anchor (a));
  json_builder_end_object (b);
}

static void
build_recommendation (JsonBuilder      *b,
                      NaRecommendation *r)
{
  json_builder_begin_object (b);
  add_string (b, "id", na_recommendation_get_id (r));
  add_string (b, "essay", na_recommendation_get_essay_id (r));
  add_enum (b, "actor", NA_TYPE_ACTOR, na_recommendation_get_actor (r));
  add_string (b, "action", na_recommendation_get_action (r));
  add_strv (b, "countries", na_recommendation_get_countries (r));
  add_string (b, "question", na_recommendation_get_question_id (r));
  add_anchor (b, na_recommendation_get_anchor (r));
  json_builder_end_object (b);
}

static void
build_question (JsonBuilder *b,
                NaQuestion  *q)
{
  json_builder_begin_object (b);
  add_string (b, "id", na_question_get_id (q));
  add_string (b, "title", na_question_get_title (q));
  add_string (b, "label", na_question_get_label (q));
  add_string (b, "description", na_question_get_description (q));
  json_builder_end_object (b);
}

static void
build_country (JsonBuilder *b,
               NaCountry   *c)
{
  json_builder_begin_object (b);
  add_string (b, "code", na_country_get_code (c));
  add_string (b, "name", na_country_get_name (c));
  add_string (b, "region", na_country_get_region (c));
  json_builder_end_object (b);
}

typedef void (*BuildItem) (JsonBuilder *, gpointer);

static void
add_list (JsonBuilder *b,
          const char  *name,
          GListModel  *model,
          BuildItem    build)
{
  guint n = g_list_model_get_n_items (model);

  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      build (b, item);
    }
  json_builder_end_array (b);
}

/**
 * na_library_to_data:
 *
 * Serialises the library in the documented format, members in documented order, so that
 * writing the same library twice gives the same bytes.
 *
 * Returns: (transfer full): UTF-8 JSON text, ending with a newline
 */
char *
na_library_to_data (NaLibrary *self,
                    gsize     *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char *data;

  g_return_val_if_fail (NA_IS_LIBRARY (self), NULL);

  json_builder_begin_object (b);
  add_string (b, "format", NA_LIBRARY_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, NA_LIBRARY_VERSION);
  add_string (b, "title", na_library_get_title (self));
  add_list (b, "questions", na_library_get_questions (self), (BuildItem) build_question);
  add_list (b, "countries", na_library_get_countries (self), (BuildItem) build_country);
  add_list (b, "essays", na_library_get_essays (self), (BuildItem) build_essay);
  add_list (b, "arguments", na_library_get_arguments (self), (BuildItem) build_argument);
  add_list (b, "recommendations", na_library_get_recommendations (self),
            (BuildItem) build_recommendation);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, NULL);

  data = g_strconcat (text, "\n", NULL);
  if (length != NULL)
    *length = strlen (data);
  return data;
}

/* Writes atomically (a temporary file renamed over the old one), so a crash or a full disk
 * never leaves a half-written library behind. */
gboolean
na_library_save_to_file (NaLibrary     *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (NA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = na_library_to_data (self, &length);
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, &local_error))
    {
      name = g_file_get_parse_name (file);
      g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_IO,
                   _("%s: cannot write the file: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
