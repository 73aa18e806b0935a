/* na-util.c — small helpers shared inside the core */
#define G_LOG_DOMAIN "na-util"

#include "config.h"

#include <string.h>

#include "na-name.h"
#include "na-util.h"

/* Replaces *dest with a copy of @value; returns TRUE when it changed, so callers notify only
 * then (GLib 2.76's g_set_str() is newer than our platform). */
gboolean
na_set_string (char       **dest,
               const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

/* Like g_strv_equal(), but %NULL equals an empty vector. */
gboolean
na_strv_equal0 (const char * const *a,
                const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal ((const char * const *) (a ? a : empty),
                       (const char * const *) (b ? b : empty));
}

gboolean
na_names_equal (GPtrArray *a,
                GPtrArray *b)
{
  guint la = a ? a->len : 0;
  guint lb = b ? b->len : 0;

  if (la != lb)
    return FALSE;

  for (guint i = 0; i < la; i++)
    if (!na_name_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

/* A list as typed in a form field: items separated by commas or semicolons, trimmed, empty
 * ones dropped. Returns: (transfer full): never %NULL */
char **
na_split_list (const char *text)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ",;", -1);

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (b, parts[i]);
  return g_strv_builder_end (b);
}

/* @text as compared without regard to case: "Türkiye", "TÜRKIYE" and a decomposed "türkiye"
 * fold alike. */
char *
na_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* The cause alone in @error when its message names the file @name and then says what is
 * wrong, as GIO's and GLib's file errors do ("Error opening file /x.pdf: No such file or
 * directory", "Failed to open file “/x.pdf”: Permission denied"); else the whole message.
 * For messages that name the file themselves, so they name it once and the problem once. */
const char *
na_error_get_reason (const GError *error,
                     const char   *name)
{
  const char *found, *after;

  g_return_val_if_fail (error != NULL, NULL);

  if (name == NULL || *name == '\0' || (found = strstr (error->message, name)) == NULL)
    return error->message;
  after = found + strlen (name);
  /* GIO quotes some names and not others. */
  if (g_str_has_prefix (after, "”"))
    after += strlen ("”");
  else if (*after == '"' || *after == '\'')
    after++;
  if (!g_str_has_prefix (after, ": ") || after[2] == '\0')
    return error->message;
  return after + 2;
}
