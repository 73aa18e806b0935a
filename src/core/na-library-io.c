/* na-library-io.c — reading and writing the library format (docs/library-format.md)
 *
 * Reading validates everything a hand-edited file can get wrong and reports each problem with
 * the file name and either line:column (syntax, encoding) or the JSON path of the value, so a
 * user can go straight to it. All problems are collected, not just the first.
 *
 * Reading streams: NaJsonReader hands out one token at a time and each item is built as soon
 * as its object ends, so a library of 10 000 essays loads in a fraction of the memory a JSON
 * tree of it would take. Sections may come in any order and refer forwards; references to a
 * section not read yet are checked once the file has been read. Problems are sorted back into
 * the order of the format (header, title, questions, countries, essays, arguments,
 * recommendations; within an item, its members in documented order), whatever the file's order.
 * Writing builds a JsonNode tree with JsonBuilder: a library fits in memory anyway, and
 * JsonGenerator gives the canonical layout the bundled file is kept in.
 */
#define G_LOG_DOMAIN "na-library-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "na-arena.h"
#include "na-json-reader.h"
#include "na-library.h"
#include "na-model-private.h"
#include "na-util.h"

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

/* The sections, in the order the format documents them and problems are listed. */
typedef enum
{
  SECTION_QUESTIONS,
  SECTION_COUNTRIES,
  SECTION_ESSAYS,
  SECTION_ARGUMENTS,
  SECTION_RECOMMENDATIONS,
  N_SECTIONS
} Section;

static const char * const section_names[N_SECTIONS] = {
  "questions", "countries", "essays", "arguments", "recommendations",
};

/* Problems sort by (rank, item, field, sub), then by the order they were found. */
enum { RANK_HEADER, RANK_TITLE, RANK_FIRST_SECTION };

typedef struct
{
  guint64  key;
  guint64  serial;
  int      code;
  char    *message;
} Problem;

/* A reference to an item of a section not read yet, checked at the end. */
typedef struct
{
  const char *id;         /* owned by the item that refers, which the library holds */
  guint       item;
  guint8      section;
  guint8      field;
  guint8      target;     /* the section referred to */
  guint16     sub;
} Pending;

/* A member's value as read: scalars are kept, containers only named by their type. */
typedef struct
{
  NaJsonToken  type;      /* NA_JSON_TOKEN_ERROR when absent */
  char        *str;
  gboolean     in_arena;
  gint64       num;
  gboolean     boolean;
} Slot;

typedef struct
{
  const char    *name;
  NaJsonReader  *reader;
  GError        *fatal;         /* syntax, encoding or read error: it alone is reported */
  NaLibrary     *library;
  NaArena       *arena;         /* holds the strings of arguments and recommendations */
  gboolean       use_arena;     /* while reading those */

  GArray        *problems;      /* Problem, at most 2 × MAX_REPORTED_ERRORS kept */
  GArray        *item_problems; /* those of the item being read, dropped if its id is bad */
  guint          n_problems;
  guint64        serial;

  /* Where problems go: the current section and item (0 outside items, else index + 1). */
  guint          rank;
  guint          item_key;
  gboolean       in_item;

  gboolean       section_seen[N_SECTIONS];
  gboolean       section_done[N_SECTIONS];
  GArray        *item_indices;              /* of l->items in the file, for "first used at" */
  GHashTable    *first_index;               /* id → index + 1, built at a first duplicate */
  GArray        *pending;                   /* Pending */
  GPtrArray     *items;                     /* of the current section, added at its end */

  /* Scratch reused from item to item, to spare allocations. */
  GPtrArray     *codes;
  GArray        *code_indices;
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

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->serial < y->serial ? -1 : x->serial > y->serial;
}

static void
clear_problem (gpointer data)
{
  g_free (((Problem *) data)->message);
}

/* Keeps the problems that will be listed: those that sort first. */
static void
add_problem (Loader  *l,
             Problem *p)
{
  l->n_problems++;
  g_array_append_val (l->problems, *p);
  if (l->problems->len >= 2 * MAX_REPORTED_ERRORS)
    {
      g_array_sort (l->problems, compare_problems);
      g_array_set_size (l->problems, MAX_REPORTED_ERRORS);
    }
}

static guint64
make_key (guint rank,
          guint item_key,
          guint field,
          guint sub)
{
  return (guint64) rank << 60 | (guint64) item_key << 24 | (guint64) field << 16 |
         MIN (sub, 0xFFFF);
}

static void
report_valist (Loader     *l,
               int         code,
               guint64     key,
               gboolean    in_item,
               const Path *path,
               const char *format,
               va_list     args)
{
  g_autofree char *where = path_to_string (path);
  g_autofree char *what = g_strdup_vprintf (format, args);
  Problem p = { key, l->serial++, code, NULL };

  p.message = g_strdup_printf ("%s: %s: %s", l->name, where, what);
  if (in_item)
    g_array_append_val (l->item_problems, p);
  else
    add_problem (l, &p);
}

/* Reports a problem of @field (its rank in the format's member order) of the current item. */
G_GNUC_PRINTF (6, 7)
static void
report (Loader     *l,
        int         code,
        guint       field,
        guint       sub,
        const Path *path,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  report_valist (l, code, make_key (l->rank, l->item_key, field, sub), l->in_item, path,
                 format, args);
  va_end (args);
}

G_GNUC_PRINTF (5, 6)
static void
report_reference (Loader     *l,
                  guint64     key,
                  gboolean    in_item,
                  const Path *path,
                  const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  report_valist (l, NA_LIBRARY_ERROR_REFERENCE, key, in_item, path, format, args);
  va_end (args);
}

/* Ends an item: its problems count, unless its id was bad, in which case only the id's do
 * (the item is skipped, and what else is wrong with it would only be noise). */
static void
end_item (Loader   *l,
          gboolean  id_ok)
{
  for (guint i = 0; i < l->item_problems->len; i++)
    {
      Problem *p = &g_array_index (l->item_problems, Problem, i);

      if (id_ok || ((p->key >> 16) & 0xFF) == 0)
        add_problem (l, p);
      else
        g_free (p->message);
    }
  g_array_set_size (l->item_problems, 0);
  l->in_item = FALSE;
}

/* Forgets the problems found so far in @field of the current item: it is given again, and as
 * in JSON-GLib the last value of a repeated member wins. */
static void
drop_field_problems (Loader *l,
                     guint   field)
{
  for (guint i = l->item_problems->len; i > 0; i--)
    {
      Problem *p = &g_array_index (l->item_problems, Problem, i - 1);

      if (((p->key >> 16) & 0xFF) == field)
        {
          g_free (p->message);
          g_array_remove_index (l->item_problems, i - 1);
        }
    }
}

/* Token stream ------------------------------------------------------------------------------ */

static NaJsonToken
next (Loader *l)
{
  if (l->fatal != NULL)
    return NA_JSON_TOKEN_ERROR;
  return na_json_reader_next (l->reader, &l->fatal);
}

static gboolean
skip (Loader      *l,
      NaJsonToken  first)
{
  if (l->fatal != NULL)
    return FALSE;
  return na_json_reader_skip_value (l->reader, first, &l->fatal);
}

static void
slot_clear (Slot *slot)
{
  if (!slot->in_arena)
    g_free (slot->str);
  slot->str = NULL;
  slot->type = NA_JSON_TOKEN_ERROR;
}

/* A copy of the current string token: in the arena for arguments and recommendations. */
static char *
dup_string (Loader   *l,
            gboolean *in_arena)
{
  gsize length;
  const char *str = na_json_reader_get_string (l->reader, &length);

  if (in_arena != NULL)
    *in_arena = l->use_arena;
  if (l->use_arena)
    return na_arena_strndup (l->arena, str, length);
  return g_strndup (str, length);
}

/* Reads a member's value into @slot; a container is skipped, its type kept for messages. */
static gboolean
read_slot (Loader *l,
           Slot   *slot)
{
  NaJsonToken t = next (l);

  slot_clear (slot);
  switch (t)
    {
    case NA_JSON_TOKEN_ERROR:
      return FALSE;
    case NA_JSON_TOKEN_STRING:
      slot->str = dup_string (l, &slot->in_arena);
      break;
    case NA_JSON_TOKEN_INTEGER:
      slot->num = na_json_reader_get_int (l->reader);
      break;
    case NA_JSON_TOKEN_BOOLEAN:
      slot->boolean = na_json_reader_get_boolean (l->reader);
      break;
    case NA_JSON_TOKEN_NULL:
      /* null counts as absent */
      return TRUE;
    default:
      if (!skip (l, t))
        return FALSE;
    }

  slot->type = t;
  return TRUE;
}

static int
match_member (NaJsonReader       *reader,
              const char * const *names,
              guint               n_names)
{
  for (guint i = 0; i < n_names; i++)
    if (na_json_reader_string_equal (reader, names[i]))
      return i;
  return -1;
}

typedef const char * (*IdGetter) (gpointer item);

typedef gboolean (*ReadMember) (Loader *l, gpointer data, guint field, const Path *path);

/* Reads an object's members (its '{' just read): known scalars into @slots, the members in
 * @special through @read_member, the others skipped. */
static gboolean
read_members (Loader             *l,
              const char * const *names,
              guint               n_names,
              Slot               *slots,
              guint32             special,
              ReadMember          read_member,
              gpointer            data,
              const Path         *path)
{
  for (;;)
    {
      NaJsonToken t = next (l);
      int field;

      if (t == NA_JSON_TOKEN_END_OBJECT)
        return TRUE;
      if (t != NA_JSON_TOKEN_KEY)
        return FALSE;

      field = match_member (l->reader, names, n_names);
      if (field < 0)
        {
          if (!skip (l, next (l)))
            return FALSE;
        }
      else if (special & (1u << field))
        {
          if (!read_member (l, data, field, path))
            return FALSE;
        }
      else if (!read_slot (l, &slots[field]))
        return FALSE;
    }
}

/* Checks on values, in the order the format lists them ------------------------------------- */

static const char *
type_name (NaJsonToken type)
{
  return na_json_token_describe (type);
}

static gboolean
slot_present (Slot *slot)
{
  return slot->type != NA_JSON_TOKEN_ERROR;
}

/* Returns the slot's string, or NULL after reporting. */
static const char *
get_string (Loader     *l,
             Slot       *slot,
             guint       field,
             const Path *path,
             const char *name,
             gboolean    required)
{
  Path here = { path, name, 0 };

  if (!slot_present (slot))
    {
      if (required)
        report (l, NA_LIBRARY_ERROR_MISSING, field, 0, path,
                _("missing required member “%s”"), name);
      return NULL;
    }

  if (slot->type != NA_JSON_TOKEN_STRING)
    {
      report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &here, _("expected a string, found %s"),
              type_name (slot->type));
      return NULL;
    }

  if (required && slot->str[0] == '\0')
    {
      report (l, NA_LIBRARY_ERROR_VALUE, field, 0, &here, _("must not be empty"));
      return NULL;
    }

  return slot->str;
}

/* The same, stolen from the slot: in the arena when l->use_arena, else to be freed. */
static char *
take_string (Loader     *l,
             Slot       *slot,
             guint       field,
             const Path *path,
             const char *name,
             gboolean    required)
{
  if (get_string (l, slot, field, path, name, required) == NULL)
    return NULL;
  return g_steal_pointer (&slot->str);
}

static gboolean
get_int (Loader     *l,
         Slot       *slot,
         guint       field,
         const Path *path,
         const char *name,
         gboolean    required,
         gint64     *value)
{
  Path here = { path, name, 0 };

  if (!slot_present (slot))
    {
      if (required)
        report (l, NA_LIBRARY_ERROR_MISSING, field, 0, path,
                _("missing required member “%s”"), name);
      return FALSE;
    }

  if (slot->type != NA_JSON_TOKEN_INTEGER)
    {
      report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &here, _("expected an integer, found %s"),
              type_name (slot->type));
      return FALSE;
    }

  *value = slot->num;
  return TRUE;
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

static NaLibrary *
lookup_target (Loader     *l,
               Section     target,
               const char *id)
{
  switch (target)
    {
    case SECTION_ESSAYS:
      return na_library_lookup_essay (l->library, id) ? l->library : NULL;
    case SECTION_QUESTIONS:
      return na_library_lookup_question (l->library, id) ? l->library : NULL;
    case SECTION_COUNTRIES:
      return na_library_lookup_country (l->library, id) ? l->library : NULL;
    case SECTION_ARGUMENTS:
      return na_library_lookup_argument (l->library, id) ? l->library : NULL;
    case SECTION_RECOMMENDATIONS:
      return na_library_lookup_recommendation (l->library, id) ? l->library : NULL;
    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* Where the item with @id was first used in the section being read (a duplicate was just
 * found: rare enough to index the section's items only then). */
static guint
first_use (Loader     *l,
           Section     section,
           const char *id)
{
  static const IdGetter getters[N_SECTIONS] = {
    (IdGetter) na_question_get_id, (IdGetter) na_country_get_code, (IdGetter) na_essay_get_id,
    (IdGetter) na_argument_get_id, (IdGetter) na_recommendation_get_id,
  };

  if (l->first_index == NULL)
    {
      l->first_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < l->items->len; i++)
        g_hash_table_insert (l->first_index, (gpointer) getters[section] (l->items->pdata[i]),
                             GUINT_TO_POINTER (g_array_index (l->item_indices, guint, i)));
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (l->first_index, id));
}

/* Takes the "id" member (field 0) and checks its form and its uniqueness in @section. */
static char *
take_id (Loader     *l,
         Slot       *slot,
         Section     section,
         const Path *path)
{
  Path here = { path, "id", 0 };
  const char *id = get_string (l, slot, 0, path, "id", TRUE);

  if (id == NULL)
    return NULL;

  if (!is_valid_id (id))
    {
      report (l, NA_LIBRARY_ERROR_INVALID_ID, 0, 0, &here,
              _("invalid id “%s”: use lower-case letters, digits and “-”"), id);
      return NULL;
    }

  if (lookup_target (l, section, id) != NULL)
    {
      Path first_path = { NULL, NULL, first_use (l, section, id) };
      Path section_path = { NULL, section_names[section], 0 };
      g_autofree char *where = NULL;

      first_path.parent = &section_path;
      where = path_to_string (&first_path);
      report (l, NA_LIBRARY_ERROR_DUPLICATE, 0, 0, &here,
              _("duplicate id “%s” (first used at %s)"), id, where);
      return NULL;
    }

  return g_steal_pointer (&slot->str);
}

/* Adds @item to the library: to its index at once, to its list at the end of the section. */
static void
remember_id (Loader     *l,
             Section     section,
             gpointer    item,
             const char *id,
             guint       index)
{
  g_ptr_array_add (l->items, g_object_ref (item));
  g_array_append_val (l->item_indices, index);
  _na_library_index_item (l->library, item, id);
  if (l->first_index != NULL)
    g_hash_table_insert (l->first_index, (gpointer) id, GUINT_TO_POINTER (index));
}

static int
take_enum (Loader     *l,
           Slot       *slot,
           guint       field,
           const Path *path,
           const char *name,
           GType       enum_type,
           int         fallback)
{
  const char *nick = get_string (l, slot, field, path, name, TRUE);
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
  report (l, NA_LIBRARY_ERROR_ENUM, field, 0, &here, _("unknown value “%s” (expected one of: %s)"),
          nick, allowed->str);
  return fallback;
}


static void
report_unknown (Loader     *l,
                guint64     key,
                gboolean    in_item,
                const Path *path,
                Section     target,
                const char *id)
{
  if (target == SECTION_ESSAYS)
    report_reference (l, key, in_item, path, _("unknown essay “%s”: no essay has this id"), id);
  else if (target == SECTION_QUESTIONS)
    report_reference (l, key, in_item, path,
                      _("unknown question “%s”: no question has this id"), id);
  else
    report_reference (l, key, in_item, path,
                      _("unknown country “%s”: it is not in $.countries"), id);
}

/* Checks that @id names an item of @target now if that section has been read, else once the
 * whole file has; @id must live as long as the library (it belongs to the item referring). */
static void
check_reference (Loader     *l,
                 const char *id,
                 Section     target,
                 guint       field,
                 guint       sub,
                 const Path *path)
{
  Pending p = { id, l->item_key - 1, l->rank - RANK_FIRST_SECTION, field, target, sub };

  if (id == NULL)
    return;
  if (!l->section_done[target])
    g_array_append_val (l->pending, p);
  else if (lookup_target (l, target, id) == NULL)
    report_unknown (l, make_key (l->rank, l->item_key, field, sub), TRUE, path, target, id);
}

static void
check_pending (Loader *l)
{
  static const char * const fields[N_SECTIONS][8] = {
    [SECTION_ARGUMENTS] = { NULL, "essay", "question", NULL, NULL, NULL, "countries", NULL },
    [SECTION_RECOMMENDATIONS] = { NULL, "essay", NULL, NULL, "countries", "question", NULL },
  };

  for (guint i = 0; i < l->pending->len; i++)
    {
      Pending *p = &g_array_index (l->pending, Pending, i);
      Path section = { NULL, section_names[p->section], 0 };
      Path item = { &section, NULL, p->item };
      Path member = { &item, fields[p->section][p->field], 0 };
      Path element = { &member, NULL, p->sub - 1 };

      if (lookup_target (l, p->target, p->id) != NULL)
        continue;
      report_unknown (l, make_key (RANK_FIRST_SECTION + p->section, p->item + 1, p->field, p->sub),
                      FALSE, p->target == SECTION_COUNTRIES ? &element : &member, p->target, p->id);
    }
}

/* Nested values: lists, names, dates, anchors ---------------------------------------------- */

/* l->codes does not free its strings: steal_codes() hands them on. */
static void
codes_reset (Loader *l)
{
  for (guint i = 0; i < l->codes->len; i++)
    na_arena_clear_string (l->arena, (char **) &g_ptr_array_index (l->codes, i));
  g_ptr_array_set_size (l->codes, 0);
  g_array_set_size (l->code_indices, 0);
}

/* Reads an array of strings into l->codes (with their indices in l->code_indices); FALSE only
 * on a syntax error. *present says whether there was an array. */
static gboolean
read_strings (Loader     *l,
              guint       field,
              const Path *path,
              const char *name,
              gboolean   *present)
{
  Path here = { path, name, 0 };
  NaJsonToken t = next (l);
  guint index = 0;

  codes_reset (l);
  *present = FALSE;
  if (t == NA_JSON_TOKEN_NULL)
    return TRUE;
  if (t != NA_JSON_TOKEN_BEGIN_ARRAY)
    {
      if (t != NA_JSON_TOKEN_ERROR)
        report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &here, _("expected an array, found %s"),
                type_name (t));
      return skip (l, t);
    }

  *present = TRUE;
  while ((t = next (l)) != NA_JSON_TOKEN_END_ARRAY)
    {
      Path element = { &here, NULL, index };

      if (t == NA_JSON_TOKEN_STRING)
        {
          g_ptr_array_add (l->codes, dup_string (l, NULL));
          g_array_append_val (l->code_indices, index);
        }
      else if (t == NA_JSON_TOKEN_ERROR || !skip (l, t))
        return FALSE;
      else
        report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &element, _("expected a string, found %s"),
                type_name (t));
      index++;
    }
  return TRUE;
}

/* Moves l->codes into a new vector (NULL when empty: the model's setters store no empty list). */
static char **
steal_codes (Loader *l)
{
  char **strv;

  if (l->codes->len == 0)
    return NULL;
  if (l->use_arena)
    strv = na_arena_alloc (l->arena, (l->codes->len + 1) * sizeof (char *), sizeof (char *));
  else
    strv = g_new (char *, l->codes->len + 1);
  memcpy (strv, l->codes->pdata, l->codes->len * sizeof (char *));
  strv[l->codes->len] = NULL;
  g_ptr_array_set_size (l->codes, 0);
  return strv;
}

enum { NAME_FAMILY, NAME_GIVEN, NAME_AFFILIATION, N_NAME_FIELDS };
static const char * const name_members[] = { "family", "given", "affiliation" };

/* Reads an array of CSL names into *out (NULL when absent or not an array, after reporting);
 * *found is the type of the member's value. */
static gboolean
read_names (Loader      *l,
            guint        field,
            const Path  *path,
            const char  *name,
            GPtrArray  **out,
            NaJsonToken *found)
{
  Path here = { path, name, 0 };
  NaJsonToken t = next (l);
  guint index = 0;

  g_clear_pointer (out, g_ptr_array_unref);
  if (found != NULL)
    *found = t;
  if (t == NA_JSON_TOKEN_NULL)
    return TRUE;
  if (t != NA_JSON_TOKEN_BEGIN_ARRAY)
    {
      if (t != NA_JSON_TOKEN_ERROR)
        report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &here, _("expected an array, found %s"),
                type_name (t));
      return skip (l, t);
    }

  *out = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  while ((t = next (l)) != NA_JSON_TOKEN_END_ARRAY)
    {
      Path item = { &here, NULL, index++ };
      Slot s[N_NAME_FIELDS] = { { 0 } };
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;
      g_autofree char *affiliation = NULL;
      gboolean ok;

      if (t == NA_JSON_TOKEN_ERROR)
        return FALSE;
      if (t != NA_JSON_TOKEN_BEGIN_OBJECT)
        {
          report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &item, _("expected an object, found %s"),
                  type_name (t));
          if (!skip (l, t))
            return FALSE;
          continue;
        }

      ok = read_members (l, name_members, N_NAME_FIELDS, s, 0, NULL, NULL, &item);
      if (ok && (family = take_string (l, &s[NAME_FAMILY], field, &item, "family", TRUE)))
        {
          given = take_string (l, &s[NAME_GIVEN], field, &item, "given", FALSE);
          affiliation = take_string (l, &s[NAME_AFFILIATION], field, &item, "affiliation", FALSE);
          g_ptr_array_add (*out, na_name_new (family, given, affiliation));
        }
      for (guint i = 0; i < N_NAME_FIELDS; i++)
        slot_clear (&s[i]);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* "date-parts" as read: enough to check it as the format says, in the format's order. */
typedef struct
{
  NaJsonToken type;
  guint       n;
  struct
  {
    NaJsonToken type;
    guint       n;
    gint64      values[3];
    int         bad;          /* index of the first element that is not an integer, or -1 */
    NaJsonToken bad_type;
  } part[2];
} DateParts;

static gboolean
read_date_part (Loader *l,
                DateParts *raw,
                NaJsonToken t)
{
  guint i = raw->n++;
  guint n = 0;

  if (i >= 2 || t != NA_JSON_TOKEN_BEGIN_ARRAY)
    {
      if (i < 2)
        raw->part[i].type = t;
      return skip (l, t);
    }

  raw->part[i].type = t;
  raw->part[i].bad = -1;
  while ((t = next (l)) != NA_JSON_TOKEN_END_ARRAY)
    {
      if (t == NA_JSON_TOKEN_ERROR)
        return FALSE;
      if (t == NA_JSON_TOKEN_INTEGER && n < 3)
        raw->part[i].values[n] = na_json_reader_get_int (l->reader);
      else if (t != NA_JSON_TOKEN_INTEGER && raw->part[i].bad < 0)
        {
          raw->part[i].bad = n;
          raw->part[i].bad_type = t;
        }
      if (!skip (l, t))
        return FALSE;
      n++;
    }
  raw->part[i].n = n;
  return TRUE;
}

static gboolean
read_date_parts (Loader     *l,
                 gpointer    data,
                 guint       field,
                 const Path *path)
{
  DateParts *raw = data;
  NaJsonToken t = next (l);

  memset (raw, 0, sizeof *raw);
  if (t == NA_JSON_TOKEN_ERROR)
    return FALSE;
  if (t == NA_JSON_TOKEN_NULL)
    return TRUE;
  raw->type = t;
  if (t != NA_JSON_TOKEN_BEGIN_ARRAY)
    return skip (l, t);

  while ((t = next (l)) != NA_JSON_TOKEN_END_ARRAY)
    if (t == NA_JSON_TOKEN_ERROR || !read_date_part (l, raw, t))
      return FALSE;
  return TRUE;
}

/* Checks one [year, month?, day?] part of a CSL date into @parts. */
static gboolean
check_date_part (Loader     *l,
                 DateParts  *raw,
                 guint       i,
                 guint       field,
                 const Path *path,
                 int         parts[3])
{
  gint64 v[3] = { 0 };

  if (raw->part[i].type != NA_JSON_TOKEN_BEGIN_ARRAY)
    {
      report (l, NA_LIBRARY_ERROR_TYPE, field, 0, path,
              _("expected an array of 1 to 3 integers, found %s"), type_name (raw->part[i].type));
      return FALSE;
    }

  if (raw->part[i].n < 1 || raw->part[i].n > 3)
    {
      report (l, NA_LIBRARY_ERROR_VALUE, field, 0, path,
              _("expected 1 to 3 integers (year, month, day)"));
      return FALSE;
    }

  if (raw->part[i].bad >= 0)
    {
      Path item = { path, NULL, raw->part[i].bad };

      report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &item, _("expected an integer, found %s"),
              type_name (raw->part[i].bad_type));
      return FALSE;
    }

  memcpy (v, raw->part[i].values, raw->part[i].n * sizeof (gint64));
  if (v[0] < 1 || v[0] > 9999 || v[1] < 0 || v[1] > 12 || v[2] < 0 || v[2] > 31 ||
      (raw->part[i].n == 3 && !g_date_valid_dmy (v[2], v[1], v[0])))
    {
      report (l, NA_LIBRARY_ERROR_VALUE, field, 0, path, _("not a valid date"));
      return FALSE;
    }

  parts[0] = v[0], parts[1] = v[1], parts[2] = v[2];
  return TRUE;
}

enum { DATE_PARTS, DATE_SEASON, DATE_CIRCA, N_DATE_FIELDS };
static const char * const date_members[] = { "date-parts", "season", "circa" };

static gboolean
read_date (Loader      *l,
           guint        field,
           const Path  *path,
           const char  *name,
           NaDate     **out)
{
  Path here = { path, name, 0 };
  Path parts_path = { &here, "date-parts", 0 };
  Path p0 = { &parts_path, NULL, 0 };
  Path p1 = { &parts_path, NULL, 1 };
  Slot s[N_DATE_FIELDS] = { { 0 } };
  DateParts raw = { 0 };
  int start[3] = { 0 }, end[3] = { 0 };
  NaJsonToken t = next (l);
  NaDate *date = NULL;
  gboolean ok;

  g_clear_pointer (out, na_date_free);
  if (t == NA_JSON_TOKEN_NULL)
    return TRUE;
  if (t != NA_JSON_TOKEN_BEGIN_OBJECT)
    {
      if (t != NA_JSON_TOKEN_ERROR)
        report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &here, _("expected an object, found %s"),
                type_name (t));
      return skip (l, t);
    }

  ok = read_members (l, date_members, N_DATE_FIELDS, s, 1u << DATE_PARTS, read_date_parts, &raw,
                     &here);
  if (!ok)
    ;
  else if (raw.type == NA_JSON_TOKEN_ERROR)
    report (l, NA_LIBRARY_ERROR_MISSING, field, 0, &here,
            _("missing required member “%s”"), "date-parts");
  else if (raw.type != NA_JSON_TOKEN_BEGIN_ARRAY)
    report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &parts_path, _("expected an array, found %s"),
            type_name (raw.type));
  else if (raw.n < 1 || raw.n > 2)
    report (l, NA_LIBRARY_ERROR_VALUE, field, 0, &parts_path,
            _("expected one date, or two for a range"));
  else if (check_date_part (l, &raw, 0, field, &p0, start) &&
           (raw.n == 1 || check_date_part (l, &raw, 1, field, &p1, end)))
    {
      Path cp = { &here, "circa", 0 };

      date = na_date_new (start[0], start[1], start[2]);
      date->end_year = end[0];
      date->season = take_string (l, &s[DATE_SEASON], field, &here, "season", FALSE);
      if (slot_present (&s[DATE_CIRCA]) && s[DATE_CIRCA].type != NA_JSON_TOKEN_BOOLEAN)
        report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &cp, _("expected a boolean, found %s"),
                type_name (s[DATE_CIRCA].type));
      else if (slot_present (&s[DATE_CIRCA]))
        date->circa = s[DATE_CIRCA].boolean;
    }

  for (guint i = 0; i < N_DATE_FIELDS; i++)
    slot_clear (&s[i]);
  *out = date;
  return ok;
}

enum { ANCHOR_EXACT, ANCHOR_PREFIX, ANCHOR_SUFFIX, ANCHOR_START, ANCHOR_END, ANCHOR_PAGE,
       N_ANCHOR_FIELDS };
static const char * const anchor_members[] = { "exact", "prefix", "suffix", "start", "end",
                                               "page" };

/* Reads an anchor into *out, in the arena: the item makes its NaAnchor when first asked. */
static gboolean
read_anchor (Loader               *l,
             guint                 field,
             const Path           *path,
             const NaAnchorData  **out)
{
  Path here = { path, "anchor", 0 };
  Path pp = { &here, "page", 0 };
  Slot s[N_ANCHOR_FIELDS] = { { 0 } };
  gint64 start = -1, end = -1, page = 0;
  gboolean has_start, has_end;
  NaAnchorData *data;
  NaJsonToken t = next (l);

  *out = NULL;
  if (t == NA_JSON_TOKEN_NULL)
    return TRUE;
  if (t != NA_JSON_TOKEN_BEGIN_OBJECT)
    {
      if (t != NA_JSON_TOKEN_ERROR)
        report (l, NA_LIBRARY_ERROR_TYPE, field, 0, &here, _("expected an object, found %s"),
                type_name (t));
      return skip (l, t);
    }

  if (!read_members (l, anchor_members, N_ANCHOR_FIELDS, s, 0, NULL, NULL, &here))
    {
      for (guint i = 0; i < N_ANCHOR_FIELDS; i++)
        slot_clear (&s[i]);
      return FALSE;
    }

  data = na_arena_alloc (l->arena, sizeof *data, sizeof (gpointer));
  data->exact = take_string (l, &s[ANCHOR_EXACT], field, &here, "exact", TRUE);
  data->prefix = take_string (l, &s[ANCHOR_PREFIX], field, &here, "prefix", FALSE);
  data->suffix = take_string (l, &s[ANCHOR_SUFFIX], field, &here, "suffix", FALSE);

  has_start = get_int (l, &s[ANCHOR_START], field, &here, "start", FALSE, &start);
  has_end = get_int (l, &s[ANCHOR_END], field, &here, "end", FALSE, &end);
  if (has_start != has_end || start > end || start < -1 || end > G_MAXINT)
    {
      report (l, NA_LIBRARY_ERROR_VALUE, field, 0, &here,
              _("“start” and “end” must be given together, with 0 ≤ start ≤ end"));
      start = end = -1;
    }

  if (get_int (l, &s[ANCHOR_PAGE], field, &here, "page", FALSE, &page) &&
      (page < 1 || page > G_MAXINT))
    {
      report (l, NA_LIBRARY_ERROR_VALUE, field, 0, &pp, _("page must be 1 or more"));
      page = 0;
    }

  for (guint i = 0; i < N_ANCHOR_FIELDS; i++)
    slot_clear (&s[i]);
  data->start = start;
  data->end = end;
  data->page = page;
  *out = data;
  return TRUE;
}

/* Items ------------------------------------------------------------------------------------- */

enum { QUESTION_ID, QUESTION_TITLE, QUESTION_LABEL, QUESTION_DESCRIPTION, N_QUESTION_FIELDS };
static const char * const question_members[] = { "id", "title", "label", "description" };

static gboolean
read_question (Loader     *l,
               guint       index,
               const Path *item)
{
  Slot s[N_QUESTION_FIELDS] = { { 0 } };
  g_autoptr(NaQuestion) q = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  ok = read_members (l, question_members, N_QUESTION_FIELDS, s, 0, NULL, NULL, item);
  if (ok && (id = take_id (l, &s[QUESTION_ID], SECTION_QUESTIONS, item)))
    {
      title = take_string (l, &s[QUESTION_TITLE], QUESTION_TITLE, item, "title", TRUE);
      label = take_string (l, &s[QUESTION_LABEL], QUESTION_LABEL, item, "label", FALSE);
      description = take_string (l, &s[QUESTION_DESCRIPTION], QUESTION_DESCRIPTION, item,
                                 "description", FALSE);
      q = na_question_new ();
      na_question_set_id (q, id);
      na_question_set_title (q, title);
      na_question_set_label (q, label);
      na_question_set_description (q, description);
      remember_id (l, SECTION_QUESTIONS, q, na_question_get_id (q), index);
    }

  for (guint i = 0; i < N_QUESTION_FIELDS; i++)
    slot_clear (&s[i]);
  end_item (l, id != NULL);
  return ok;
}

enum { COUNTRY_CODE, COUNTRY_NAME, COUNTRY_REGION, N_COUNTRY_FIELDS };
static const char * const country_members[] = { "code", "name", "region" };

static gboolean
read_country (Loader     *l,
              guint       index,
              const Path *item)
{
  Path code_path = { item, "code", 0 };
  Slot s[N_COUNTRY_FIELDS] = { { 0 } };
  g_autoptr(NaCountry) c = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *region = NULL;
  gboolean ok, code_ok = FALSE;

  ok = read_members (l, country_members, N_COUNTRY_FIELDS, s, 0, NULL, NULL, item);
  if (!ok || (code = take_string (l, &s[COUNTRY_CODE], COUNTRY_CODE, item, "code", TRUE)) == NULL)
    ;
  else if (!is_valid_country_code (code))
    report (l, NA_LIBRARY_ERROR_COUNTRY, COUNTRY_CODE, 0, &code_path,
            _("malformed country code “%s”: expected three upper-case letters "
              "(ISO 3166-1 alpha-3)"), code);
  else if (na_library_lookup_country (l->library, code) != NULL)
    report (l, NA_LIBRARY_ERROR_DUPLICATE, COUNTRY_CODE, 0, &code_path,
            _("duplicate country “%s”"), code);
  else
    {
      code_ok = TRUE;
      name = take_string (l, &s[COUNTRY_NAME], COUNTRY_NAME, item, "name", TRUE);
      region = take_string (l, &s[COUNTRY_REGION], COUNTRY_REGION, item, "region", FALSE);
      c = na_country_new ();
      na_country_set_code (c, code);
      na_country_set_name (c, name);
      na_country_set_region (c, region);
      remember_id (l, SECTION_COUNTRIES, c, na_country_get_code (c), index);
    }

  for (guint i = 0; i < N_COUNTRY_FIELDS; i++)
    slot_clear (&s[i]);
  end_item (l, code_ok);
  return ok;
}

enum {
  ESSAY_ID, ESSAY_TYPE, ESSAY_TITLE, ESSAY_SUBTITLE, ESSAY_AUTHOR, ESSAY_EDITOR, ESSAY_ISSUED,
  ESSAY_CONTAINER_TITLE, ESSAY_PUBLISHER, ESSAY_PAGE, ESSAY_URL, ESSAY_ABSTRACT, ESSAY_KEYWORDS,
  ESSAY_NOTE, ESSAY_SOURCE, N_ESSAY_FIELDS
};
static const char * const essay_members[] = {
  "id", "type", "title", "subtitle", "author", "editor", "issued", "container-title",
  "publisher", "page", "URL", "abstract", "keywords", "note", "source",
};

typedef struct
{
  GPtrArray *authors;
  GPtrArray *editors;
  NaDate    *issued;
  char     **keywords;
  NaJsonToken author_type;
} EssayParts;

static gboolean
read_essay_member (Loader     *l,
                   gpointer    data,
                   guint       field,
                   const Path *path)
{
  EssayParts *parts = data;
  gboolean present;

  drop_field_problems (l, field);
  switch (field)
    {
    case ESSAY_AUTHOR:
      return read_names (l, field, path, "author", &parts->authors, &parts->author_type);
    case ESSAY_EDITOR:
      return read_names (l, field, path, "editor", &parts->editors, NULL);
    case ESSAY_ISSUED:
      return read_date (l, field, path, "issued", &parts->issued);
    case ESSAY_KEYWORDS:
      g_clear_pointer (&parts->keywords, g_strfreev);
      if (!read_strings (l, field, path, "keywords", &present))
        return FALSE;
      parts->keywords = present ? steal_codes (l) : NULL;
      if (present && parts->keywords == NULL)
        parts->keywords = g_new0 (char *, 1);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_essay (Loader     *l,
            guint       index,
            const Path *item)
{
  Slot s[N_ESSAY_FIELDS] = { { 0 } };
  EssayParts parts = { 0 };
  g_autoptr(NaEssay) e = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  ok = read_members (l, essay_members, N_ESSAY_FIELDS, s,
                     1u << ESSAY_AUTHOR | 1u << ESSAY_EDITOR | 1u << ESSAY_ISSUED |
                     1u << ESSAY_KEYWORDS, read_essay_member, &parts, item);
  if (ok && (id = take_id (l, &s[ESSAY_ID], SECTION_ESSAYS, item)))
    {
      static const struct { guint field; const char *name; } texts[] = {
        { ESSAY_SUBTITLE, "subtitle" }, { ESSAY_CONTAINER_TITLE, "container-title" },
        { ESSAY_PUBLISHER, "publisher" }, { ESSAY_PAGE, "page" }, { ESSAY_URL, "URL" },
        { ESSAY_ABSTRACT, "abstract" }, { ESSAY_NOTE, "note" }, { ESSAY_SOURCE, "source" },
      };
      g_autofree char *title = NULL;

      e = na_essay_new ();
      na_essay_set_id (e, id);
      na_essay_set_kind (e, take_enum (l, &s[ESSAY_TYPE], ESSAY_TYPE, item, "type",
                                       NA_TYPE_ESSAY_KIND, NA_ESSAY_KIND_ARTICLE));
      title = take_string (l, &s[ESSAY_TITLE], ESSAY_TITLE, item, "title", TRUE);
      na_essay_set_title (e, title);
      if (parts.author_type == NA_JSON_TOKEN_ERROR || parts.author_type == NA_JSON_TOKEN_NULL)
        report (l, NA_LIBRARY_ERROR_MISSING, ESSAY_AUTHOR, 0, item,
                _("missing required member “%s”"), "author");
      na_essay_set_authors (e, parts.authors);
      na_essay_set_editors (e, parts.editors);
      na_essay_set_issued (e, parts.issued);
      na_essay_set_keywords (e, (const char * const *) parts.keywords);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          g_autofree char *text = take_string (l, &s[texts[i].field], texts[i].field, item,
                                               texts[i].name, FALSE);

          switch (texts[i].field)
            {
            case ESSAY_SUBTITLE: na_essay_set_subtitle (e, text); break;
            case ESSAY_CONTAINER_TITLE: na_essay_set_container_title (e, text); break;
            case ESSAY_PUBLISHER: na_essay_set_publisher (e, text); break;
            case ESSAY_PAGE: na_essay_set_page (e, text); break;
            case ESSAY_URL: na_essay_set_url (e, text); break;
            case ESSAY_ABSTRACT: na_essay_set_abstract (e, text); break;
            case ESSAY_NOTE: na_essay_set_note (e, text); break;
            case ESSAY_SOURCE: na_essay_set_source (e, text); break;
            default: g_assert_not_reached ();
            }
        }
      remember_id (l, SECTION_ESSAYS, e, na_essay_get_id (e), index);
    }

  for (guint i = 0; i < N_ESSAY_FIELDS; i++)
    slot_clear (&s[i]);
  g_clear_pointer (&parts.authors, g_ptr_array_unref);
  g_clear_pointer (&parts.editors, g_ptr_array_unref);
  g_clear_pointer (&parts.issued, na_date_free);
  g_clear_pointer (&parts.keywords, g_strfreev);
  end_item (l, id != NULL);
  return ok;
}

/* The members of arguments and recommendations that are lists or objects. */
typedef struct
{
  char     **countries;
  guint     *indices;     /* of each code in the JSON array, or NULL when they are 0, 1, … */
  const NaAnchorData *anchor;
} ItemParts;

static gboolean
read_countries_member (Loader     *l,
                       ItemParts  *parts,
                       guint       field,
                       const Path *path)
{
  gboolean present;

  na_arena_clear_strv (l->arena, &parts->countries);
  g_clear_pointer (&parts->indices, g_free);
  if (!read_strings (l, field, path, "countries", &present))
    return FALSE;

  for (guint i = 0; i < l->code_indices->len; i++)
    if (g_array_index (l->code_indices, guint, i) != i)
      {
        parts->indices = g_memdup2 (l->code_indices->data, l->code_indices->len * sizeof (guint));
        break;
      }
  parts->countries = steal_codes (l);
  return TRUE;
}

static void
item_parts_clear (Loader    *l,
                  ItemParts *parts)
{
  na_arena_clear_strv (l->arena, &parts->countries);
  g_clear_pointer (&parts->indices, g_free);
  parts->anchor = NULL;
}

/* Checks the countries of the item just built, which now owns them. */
static void
check_item_countries (Loader              *l,
                      const char * const  *codes,
                      ItemParts           *parts,
                      guint                field,
                      const Path          *item)
{
  Path here = { item, "countries", 0 };

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      guint index = parts->indices ? parts->indices[i] : i;
      Path element = { &here, NULL, index };

      if (!is_valid_country_code (codes[i]))
        report (l, NA_LIBRARY_ERROR_COUNTRY, field, 1 + index, &element,
                _("malformed country code “%s”: expected three upper-case letters "
                  "(ISO 3166-1 alpha-3)"), codes[i]);
      else
        check_reference (l, codes[i], SECTION_COUNTRIES, field, 1 + index, &element);
    }
}

enum { ARG_ID, ARG_ESSAY, ARG_QUESTION, ARG_STANCE, ARG_CLAIM, ARG_GROUNDS, ARG_COUNTRIES,
       ARG_ANCHOR, N_ARG_FIELDS };
static const char * const argument_members[] = {
  "id", "essay", "question", "stance", "claim", "grounds", "countries", "anchor",
};

static gboolean
read_argument_member (Loader     *l,
                      gpointer    data,
                      guint       field,
                      const Path *path)
{
  ItemParts *parts = data;

  drop_field_problems (l, field);
  if (field == ARG_COUNTRIES)
    return read_countries_member (l, parts, field, path);
  return read_anchor (l, field, path, &parts->anchor);
}

static gboolean
read_argument (Loader     *l,
               guint       index,
               const Path *item)
{
  Path essay_path = { item, "essay", 0 };
  Path question_path = { item, "question", 0 };
  Slot s[N_ARG_FIELDS] = { { 0 } };
  ItemParts parts = { 0 };
  char *id = NULL;
  gboolean ok;

  ok = read_members (l, argument_members, N_ARG_FIELDS, s, 1u << ARG_COUNTRIES | 1u << ARG_ANCHOR,
                     read_argument_member, &parts, item);
  if (ok && (id = take_id (l, &s[ARG_ID], SECTION_ARGUMENTS, item)))
    {
      char *essay = take_string (l, &s[ARG_ESSAY], ARG_ESSAY, item, "essay", TRUE);
      char *question = take_string (l, &s[ARG_QUESTION], ARG_QUESTION, item, "question", TRUE);
      NaStance stance = take_enum (l, &s[ARG_STANCE], ARG_STANCE, item, "stance", NA_TYPE_STANCE,
                                   NA_STANCE_NEUTRAL);
      char *claim = take_string (l, &s[ARG_CLAIM], ARG_CLAIM, item, "claim", TRUE);
      char *grounds = take_string (l, &s[ARG_GROUNDS], ARG_GROUNDS, item, "grounds", FALSE);
      g_autoptr(NaArgument) a = NULL;

      a = _na_argument_new_take (l->arena, id, essay, question, stance, claim, grounds,
                                 g_steal_pointer (&parts.countries),
                                 parts.anchor);
      remember_id (l, SECTION_ARGUMENTS, a, na_argument_get_id (a), index);
      check_reference (l, na_argument_get_essay_id (a), SECTION_ESSAYS, ARG_ESSAY, 0,
                       &essay_path);
      check_reference (l, na_argument_get_question_id (a), SECTION_QUESTIONS, ARG_QUESTION, 0,
                       &question_path);
      check_item_countries (l, na_argument_get_countries (a), &parts, ARG_COUNTRIES, item);
    }

  for (guint i = 0; i < N_ARG_FIELDS; i++)
    slot_clear (&s[i]);
  item_parts_clear (l, &parts);
  end_item (l, id != NULL);
  return ok;
}

enum { REC_ID, REC_ESSAY, REC_ACTOR, REC_ACTION, REC_COUNTRIES, REC_QUESTION, REC_ANCHOR,
       N_REC_FIELDS };
static const char * const recommendation_members[] = {
  "id", "essay", "actor", "action", "countries", "question", "anchor",
};

static gboolean
read_recommendation_member (Loader     *l,
                            gpointer    data,
                            guint       field,
                            const Path *path)
{
  ItemParts *parts = data;

  drop_field_problems (l, field);
  if (field == REC_COUNTRIES)
    return read_countries_member (l, parts, field, path);
  return read_anchor (l, field, path, &parts->anchor);
}

static gboolean
read_recommendation (Loader     *l,
                     guint       index,
                     const Path *item)
{
  Path essay_path = { item, "essay", 0 };
  Path question_path = { item, "question", 0 };
  Slot s[N_REC_FIELDS] = { { 0 } };
  ItemParts parts = { 0 };
  char *id = NULL;
  gboolean ok;

  ok = read_members (l, recommendation_members, N_REC_FIELDS, s,
                     1u << REC_COUNTRIES | 1u << REC_ANCHOR, read_recommendation_member, &parts,
                     item);
  if (ok && (id = take_id (l, &s[REC_ID], SECTION_RECOMMENDATIONS, item)))
    {
      char *essay = take_string (l, &s[REC_ESSAY], REC_ESSAY, item, "essay", TRUE);
      NaActor actor = take_enum (l, &s[REC_ACTOR], REC_ACTOR, item, "actor", NA_TYPE_ACTOR,
                                 NA_ACTOR_OTHER);
      char *action = take_string (l, &s[REC_ACTION], REC_ACTION, item, "action", TRUE);
      char *question = take_string (l, &s[REC_QUESTION], REC_QUESTION, item, "question", FALSE);
      g_autoptr(NaRecommendation) r = NULL;

      r = _na_recommendation_new_take (l->arena, id, essay, actor, action,
                                       g_steal_pointer (&parts.countries), question,
                                       parts.anchor);
      remember_id (l, SECTION_RECOMMENDATIONS, r, na_recommendation_get_id (r), index);
      check_reference (l, na_recommendation_get_essay_id (r), SECTION_ESSAYS, REC_ESSAY, 0,
                       &essay_path);
      check_item_countries (l, na_recommendation_get_countries (r), &parts, REC_COUNTRIES, item);
      check_reference (l, na_recommendation_get_question_id (r), SECTION_QUESTIONS, REC_QUESTION,
                       0, &question_path);
    }

  for (guint i = 0; i < N_REC_FIELDS; i++)
    slot_clear (&s[i]);
  item_parts_clear (l, &parts);
  end_item (l, id != NULL);
  return ok;
}

/* Sections and the whole file ---------------------------------------------------------------- */

typedef gboolean (*ReadItem) (Loader *l, guint index, const Path *item);

static gboolean
read_section (Loader  *l,
              Section  section)
{
  static const ReadItem readers[N_SECTIONS] = {
    read_question, read_country, read_essay, read_argument, read_recommendation,
  };
  GType types[N_SECTIONS] = {
    NA_TYPE_QUESTION, NA_TYPE_COUNTRY, NA_TYPE_ESSAY, NA_TYPE_ARGUMENT, NA_TYPE_RECOMMENDATION,
  };
  Path here = { NULL, section_names[section], 0 };
  NaJsonToken t;
  guint index = 0;

  l->rank = RANK_FIRST_SECTION + section;
  l->item_key = 0;
  if (l->section_seen[section])
    {
      /* JSON-GLib kept the last one silently; a hand-edited file more likely has a stray copy. */
      report (l, NA_LIBRARY_ERROR_DUPLICATE, 0, 0, &here,
              _("given twice: a library has one “%s” member"), section_names[section]);
      return skip (l, next (l));
    }

  t = next (l);
  if (t == NA_JSON_TOKEN_ERROR)
    return FALSE;
  if (t == NA_JSON_TOKEN_NULL)
    return TRUE;  /* null counts as absent: reported as missing at the end */

  l->section_seen[section] = TRUE;
  if (t != NA_JSON_TOKEN_BEGIN_ARRAY)
    {
      report (l, NA_LIBRARY_ERROR_TYPE, 0, 0, &here, _("expected an array, found %s"),
              type_name (t));
      return skip (l, t);
    }

  l->use_arena = section == SECTION_ARGUMENTS || section == SECTION_RECOMMENDATIONS;
  while ((t = next (l)) != NA_JSON_TOKEN_END_ARRAY)
    {
      Path item = { &here, NULL, index };

      if (t == NA_JSON_TOKEN_ERROR)
        return FALSE;
      l->item_key = index + 1;
      if (t != NA_JSON_TOKEN_BEGIN_OBJECT)
        {
          report (l, NA_LIBRARY_ERROR_TYPE, 0, 0, &item, _("expected an object, found %s"),
                  type_name (t));
          if (!skip (l, t))
            return FALSE;
        }
      else
        {
          l->in_item = TRUE;
          if (!readers[section] (l, index, &item))
            return FALSE;
        }
      index++;
    }

  l->item_key = 0;
  l->use_arena = FALSE;
  _na_library_append_items (l->library, types[section], l->items);
  g_ptr_array_set_size (l->items, 0);
  g_array_set_size (l->item_indices, 0);
  g_clear_pointer (&l->first_index, g_hash_table_unref);
  l->section_done[section] = TRUE;
  return TRUE;
}

enum { ROOT_FORMAT, ROOT_VERSION, ROOT_TITLE, N_ROOT_FIELDS };
static const char * const root_members[] = { "format", "version", "title" };

/* Reads the top-level value; *root_type says what it was. FALSE on a syntax or read error. */
static gboolean
read_root (Loader      *l,
           Slot        *slots,
           NaJsonToken *root_type)
{
  NaJsonToken t = *root_type = next (l);

  if (t == NA_JSON_TOKEN_ERROR)
    return FALSE;
  if (t == NA_JSON_TOKEN_EOF)
    return TRUE;

  if (t != NA_JSON_TOKEN_BEGIN_OBJECT)
    {
      if (!skip (l, t))
        return FALSE;
    }
  else
    {
      while ((t = next (l)) != NA_JSON_TOKEN_END_OBJECT)
        {
          int field;

          if (t != NA_JSON_TOKEN_KEY)
            return FALSE;
          if ((field = match_member (l->reader, root_members, N_ROOT_FIELDS)) >= 0)
            {
              if (!read_slot (l, &slots[field]))
                return FALSE;
            }
          else if ((field = match_member (l->reader, section_names, N_SECTIONS)) >= 0)
            {
              if (!read_section (l, field))
                return FALSE;
            }
          else if (!skip (l, next (l)))
            return FALSE;
        }
    }

  return next (l) == NA_JSON_TOKEN_EOF;
}

static gboolean
check_header (Loader *l,
              Slot   *slots)
{
  g_autofree char *format = NULL;
  gint64 version = 0;
  Path fp = { NULL, "format", 0 };
  Path vp = { NULL, "version", 0 };

  l->rank = RANK_HEADER;
  l->item_key = 0;
  format = take_string (l, &slots[ROOT_FORMAT], ROOT_FORMAT, NULL, "format", TRUE);
  if (format != NULL && g_strcmp0 (format, NA_LIBRARY_FORMAT) != 0)
    {
      report (l, NA_LIBRARY_ERROR_FORMAT, ROOT_FORMAT, 0, &fp,
              _("not a NatoAsia library (format is “%s”, expected “%s”)"),
              format, NA_LIBRARY_FORMAT);
      return FALSE;
    }

  if (get_int (l, &slots[ROOT_VERSION], ROOT_VERSION, NULL, "version", TRUE, &version) &&
      version != NA_LIBRARY_VERSION)
    {
      report (l, NA_LIBRARY_ERROR_VERSION, ROOT_VERSION, 0, &vp,
              /* a plain %lld: xgettext cannot see through G_GINT64_FORMAT */
              _("unsupported version %lld (this NatoAsia reads version %d)"),
              (long long) version, NA_LIBRARY_VERSION);
      return FALSE;
    }

  return format != NULL && version == NA_LIBRARY_VERSION;
}

static gboolean
header_is_valid (Slot *slots)
{
  return slots[ROOT_FORMAT].type == NA_JSON_TOKEN_STRING &&
         g_str_equal (slots[ROOT_FORMAT].str, NA_LIBRARY_FORMAT) &&
         slots[ROOT_VERSION].type == NA_JSON_TOKEN_INTEGER &&
         slots[ROOT_VERSION].num == NA_LIBRARY_VERSION;
}

static void
clear_problems (Loader *l)
{
  g_array_set_size (l->problems, 0);
  l->n_problems = 0;
}

/* Checks what can only be checked once everything has been read. */
static void
finish (Loader *l,
        Slot   *slots)
{
  g_autofree char *title = NULL;

  if (!header_is_valid (slots))
    {
      /* Not a library of a version we know: what else it holds does not matter. */
      clear_problems (l);
      check_header (l, slots);
      return;
    }

  l->rank = RANK_TITLE;
  title = take_string (l, &slots[ROOT_TITLE], 0, NULL, "title", FALSE);
  na_library_set_title (l->library, title);

  for (guint i = 0; i < N_SECTIONS; i++)
    if (!l->section_seen[i])
      {
        l->rank = RANK_FIRST_SECTION + i;
        report (l, NA_LIBRARY_ERROR_MISSING, 0, 0, NULL, _("missing required member “%s”"),
                section_names[i]);
      }

  check_pending (l);
}

/* Turns the collected problems into one error, one problem a line, in the format's order. */
static void
set_problems_error (Loader  *l,
                    GError **error)
{
  g_autoptr(GString) msg = g_string_new (NULL);
  guint n;

  g_array_sort (l->problems, compare_problems);
  n = MIN (l->problems->len, MAX_REPORTED_ERRORS);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (msg, "%s%s", i ? "\n" : "",
                            g_array_index (l->problems, Problem, i).message);
  if (l->n_problems > n)
    {
      guint more = l->n_problems - n;

      g_string_append_printf (msg, "\n%s: ", l->name);
      g_string_append_printf (msg, ngettext ("and %u more problem", "and %u more problems",
                                             more), more);
    }
  g_set_error_literal (error, NA_LIBRARY_ERROR,
                       g_array_index (l->problems, Problem, 0).code, msg->str);
}

static void
set_fatal_error (Loader  *l,
                 GError **error)
{
  if (l->fatal->domain == NA_JSON_READER_ERROR)
    g_set_error_literal (error, NA_LIBRARY_ERROR,
                         l->fatal->code == NA_JSON_READER_ERROR_UTF8 ? NA_LIBRARY_ERROR_UTF8
                                                                     : NA_LIBRARY_ERROR_SYNTAX,
                         l->fatal->message);
  else
    g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_IO,
                 _("%s: cannot read the file: %s"), l->name,
                 na_error_get_reason (l->fatal, l->name));
}

static void
loader_clear (Loader *l)
{
  g_clear_error (&l->fatal);
  g_clear_object (&l->library);
  g_clear_pointer (&l->problems, g_array_unref);
  g_clear_pointer (&l->item_problems, g_array_unref);
  g_clear_pointer (&l->pending, g_array_unref);
  g_clear_pointer (&l->items, g_ptr_array_unref);
  if (l->codes != NULL)
    codes_reset (l);
  g_clear_pointer (&l->codes, g_ptr_array_unref);
  g_clear_pointer (&l->code_indices, g_array_unref);
  g_clear_pointer (&l->item_indices, g_array_unref);
  g_clear_pointer (&l->first_index, g_hash_table_unref);
  g_clear_pointer (&l->arena, na_arena_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static NaLibrary *
load (NaJsonReader  *reader,
      const char    *name,
      GError       **error)
{
  g_auto(Loader) l = { 0 };
  Slot slots[N_ROOT_FIELDS] = { { 0 } };
  NaJsonToken root_type;
  gboolean ok;

  l.name = name;
  l.reader = reader;
  l.library = na_library_new ();
  l.arena = na_arena_new ();
  l.problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (l.problems, clear_problem);
  l.item_problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  l.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  l.items = g_ptr_array_new_with_free_func (g_object_unref);
  l.codes = g_ptr_array_new ();
  l.code_indices = g_array_new (FALSE, FALSE, sizeof (guint));
  l.item_indices = g_array_new (FALSE, FALSE, sizeof (guint));

  ok = read_root (&l, slots, &root_type);
  if (!ok || l.fatal != NULL)
    {
      if (l.fatal == NULL)
        g_set_error (&l.fatal, NA_JSON_READER_ERROR, NA_JSON_READER_ERROR_SYNTAX,
                     _("%s: unexpected input"), name);
      set_fatal_error (&l, error);
    }
  else if (root_type == NA_JSON_TOKEN_EOF)
    g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_SYNTAX,
                 _("%s: the file is empty"), name);
  else if (root_type != NA_JSON_TOKEN_BEGIN_OBJECT)
    g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_FORMAT,
                 _("%s: $: expected an object at the top level, found %s"), name,
                 type_name (root_type));
  else
    {
      finish (&l, slots);
      if (l.n_problems > 0)
        set_problems_error (&l, error);
    }

  for (guint i = 0; i < N_ROOT_FIELDS; i++)
    slot_clear (&slots[i]);
  if (ok && l.fatal == NULL && root_type == NA_JSON_TOKEN_BEGIN_OBJECT && l.n_problems == 0)
    return g_steal_pointer (&l.library);
  return NULL;
}

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
  g_autoptr(NaJsonReader) reader = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  reader = na_json_reader_new_for_data (data, length, display_name);
  return load (reader, display_name, error);
}

/* Streams the file: only a window of it is in memory at a time. */
NaLibrary *
na_library_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(NaJsonReader) reader = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, NA_LIBRARY_ERROR, NA_LIBRARY_ERROR_IO,
                   _("%s: cannot read the file: %s"), name,
                   na_error_get_reason (local_error, name));
      return NULL;
    }

  reader = na_json_reader_new_for_stream (G_INPUT_STREAM (stream), 0, name, cancellable);
  return load (reader, name, error);
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
                   _("%s: cannot write the file: %s"), name,
                   na_error_get_reason (local_error, name));
      return FALSE;
    }

  return TRUE;
}
