/* na-search.c — full-text search with SQLite FTS5 in memory: one row per essay, its fields in
 * columns weighted so a title match ranks above a match deep in the text */
#define G_LOG_DOMAIN "na-search"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "na-search.h"

struct _NaSearch
{
  GObject       parent_instance;

  sqlite3      *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *remove;
  sqlite3_stmt *query;
  /* rowid → essay id, and back: SQLite holds only integers for the ids. */
  GPtrArray    *ids;
  GHashTable   *rowids;
  /* The fields of each essay, kept so attaching a text only replaces the body. */
  GHashTable   *fields;
};

G_DEFINE_FINAL_TYPE (NaSearch, na_search, G_TYPE_OBJECT)

enum { COL_TITLE, COL_AUTHORS, COL_KEYWORDS, COL_ABSTRACT, COL_BODY, N_COLS };

static void
na_search_finalize (GObject *object)
{
  NaSearch *self = (NaSearch *)object;

  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->remove, sqlite3_finalize);
  g_clear_pointer (&self->query, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->rowids, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (na_search_parent_class)->finalize (object);
}

static void
na_search_class_init (NaSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = na_search_finalize;
}

static void
prepare (NaSearch      *self,
         const char    *sql,
         sqlite3_stmt **stmt)
{
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    g_error ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
}

static void
na_search_init (NaSearch *self)
{
  char *message = NULL;

  self->ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->ids, NULL);  /* rowids start at 1 */
  self->rowids = g_hash_table_new (g_str_hash, g_str_equal);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_strfreev);

  if (sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL) != SQLITE_OK
      || sqlite3_exec (self->db,
                       "CREATE VIRTUAL TABLE essays USING fts5("
                       " title, authors, keywords, abstract, body,"
                       " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')",
                       NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQLite FTS5 is not available: %s", message ? message : "?");
  /* Weights as the table's rank: FTS5 then sorts by it itself, faster than ORDER BY bm25(). */
  sqlite3_exec (self->db,
                "INSERT INTO essays (essays, rank) VALUES ('rank', 'bm25(10.0, 5.0, 5.0, 2.0, 1.0)')",
                NULL, NULL, NULL);

  prepare (self, "INSERT INTO essays (rowid, title, authors, keywords, abstract, body) "
                 "VALUES (?, ?, ?, ?, ?, ?)", &self->insert);
  prepare (self, "DELETE FROM essays WHERE rowid = ?", &self->remove);
  prepare (self, "SELECT rowid FROM essays WHERE essays MATCH ? ORDER BY rank", &self->query);
}

NaSearch *
na_search_new (void)
{
  return g_object_new (NA_TYPE_SEARCH, NULL);
}

static void
exec_stmt (NaSearch     *self,
           sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_warning ("Search index: %s", sqlite3_errmsg (self->db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
write_row (NaSearch   *self,
           const char *essay_id,
           char      **fields)
{
  gpointer value;
  sqlite3_int64 rowid;

  if (g_hash_table_lookup_extended (self->rowids, essay_id, NULL, &value))
    {
      rowid = GPOINTER_TO_SIZE (value);
      sqlite3_bind_int64 (self->remove, 1, rowid);
      exec_stmt (self, self->remove);
    }
  else
    {
      rowid = self->ids->len;
      g_ptr_array_add (self->ids, g_strdup (essay_id));
      g_hash_table_insert (self->rowids, g_ptr_array_index (self->ids, rowid),
                           GSIZE_TO_POINTER (rowid));
    }

  sqlite3_bind_int64 (self->insert, 1, rowid);
  for (guint i = 0; i < N_COLS; i++)
    sqlite3_bind_text (self->insert, 2 + i, fields[i] ? fields[i] : "", -1, SQLITE_STATIC);
  exec_stmt (self, self->insert);
}

/**
 * na_search_set_essay:
 * @full_text: (nullable): the attached source's text, or %NULL
 *
 * Indexes @essay, replacing what was indexed under its id.
 */
void
na_search_set_essay (NaSearch   *self,
                     NaEssay    *essay,
                     const char *full_text)
{
  const char * const *keywords;
  char **fields;

  g_return_if_fail (NA_IS_SEARCH (self));
  g_return_if_fail (NA_IS_ESSAY (essay));

  keywords = na_essay_get_keywords (essay);
  fields = g_new0 (char *, N_COLS + 1);
  fields[COL_TITLE] = na_essay_dup_full_title (essay);
  fields[COL_AUTHORS] = na_essay_dup_authors_display (essay);
  fields[COL_KEYWORDS] = keywords ? g_strjoinv (" ", (char **) keywords) : g_strdup ("");
  fields[COL_ABSTRACT] = g_strdup (na_essay_get_abstract (essay));
  fields[COL_BODY] = g_strdup (full_text);
  for (guint i = 0; i < N_COLS; i++)
    if (fields[i] == NULL)
      fields[i] = g_strdup ("");

  write_row (self, na_essay_get_id (essay), fields);
  g_hash_table_replace (self->fields, g_strdup (na_essay_get_id (essay)), fields);
}

/* Replaces only the attached text of an indexed essay (%NULL to drop it). */
void
na_search_set_text (NaSearch   *self,
                    const char *essay_id,
                    const char *full_text)
{
  char **fields;

  g_return_if_fail (NA_IS_SEARCH (self));

  if ((fields = g_hash_table_lookup (self->fields, essay_id)) == NULL)
    return;
  g_free (fields[COL_BODY]);
  fields[COL_BODY] = g_strdup (full_text ? full_text : "");
  write_row (self, essay_id, fields);
}

void
na_search_remove_essay (NaSearch   *self,
                        const char *essay_id)
{
  gpointer value;

  g_return_if_fail (NA_IS_SEARCH (self));

  if (!g_hash_table_lookup_extended (self->rowids, essay_id, NULL, &value))
    return;
  sqlite3_bind_int64 (self->remove, 1, GPOINTER_TO_SIZE (value));
  exec_stmt (self, self->remove);
  g_hash_table_remove (self->fields, essay_id);
  /* The rowid stays reserved for the id, so re-adding reuses it. */
}

guint
na_search_get_n_essays (NaSearch *self)
{
  g_return_val_if_fail (NA_IS_SEARCH (self), 0);
  return g_hash_table_size (self->fields);
}

/**
 * na_search_build_match:
 *
 * Turns what the user typed into an FTS5 query: every word must occur, each word quoted so
 * operators and punctuation are taken literally, the last one as a prefix because the user
 * may still be typing it. Returns %NULL when there is no word.
 */
char *
na_search_build_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  guint n = 0;

  if (text == NULL)
    return NULL;

  folded = g_strdup (text);
  /* Everything not a letter or digit separates words, as for the tokenizer. */
  for (char *p = folded; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isalnum (g_utf8_get_char (p)) && g_utf8_get_char (p) < 0x80)
      *p = ' ';
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        g_string_append_printf (match, "%s\"%s\"", n++ ? " " : "", words[i]);
      }
  if (n == 0)
    return NULL;
  g_string_append_c (match, '*');
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/**
 * na_search_query:
 *
 * Returns: (transfer full) (element-type utf8): the ids of the essays matching every word of
 * @text, best first; an empty array when nothing matches or @text has no word.
 */
GPtrArray *
na_search_query (NaSearch    *self,
                 const char  *text,
                 GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  g_autofree char *match = NULL;
  int rc;

  g_return_val_if_fail (NA_IS_SEARCH (self), NULL);

  if ((match = na_search_build_match (text)) == NULL)
    return g_steal_pointer (&result);

  sqlite3_bind_text (self->query, 1, match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (self->query)) == SQLITE_ROW)
    {
      sqlite3_int64 rowid = sqlite3_column_int64 (self->query, 0);

      if (rowid > 0 && rowid < self->ids->len)
        g_ptr_array_add (result, g_ptr_array_index (self->ids, rowid));
    }
  sqlite3_reset (self->query);
  sqlite3_clear_bindings (self->query);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Search failed: %s"),
                   sqlite3_errmsg (self->db));
      return NULL;
    }

  /* The ids belong to the index; copy them so results outlive later changes. */
  for (guint i = 0; i < result->len; i++)
    result->pdata[i] = g_strdup (result->pdata[i]);
  g_ptr_array_set_free_func (result, g_free);
  return g_steal_pointer (&result);
}
