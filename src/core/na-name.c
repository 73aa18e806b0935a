/* na-name.c — a person's name */
#define G_LOG_DOMAIN "na-name"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "na-name.h"

G_DEFINE_BOXED_TYPE (NaName, na_name, na_name_copy, na_name_free)

NaName *
na_name_new (const char *family,
             const char *given,
             const char *affiliation)
{
  NaName *self;

  g_return_val_if_fail (family != NULL, NULL);

  self = g_new0 (NaName, 1);
  self->family = g_strdup (family);
  self->given = g_strdup (given);
  self->affiliation = g_strdup (affiliation);
  return self;
}

NaName *
na_name_copy (const NaName *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return na_name_new (name->family, name->given, name->affiliation);
}

void
na_name_free (NaName *name)
{
  if (name == NULL)
    return;

  g_free (name->family);
  g_free (name->given);
  g_free (name->affiliation);
  g_free (name);
}

gboolean
na_name_equal (const NaName *a,
               const NaName *b)
{
  return g_strcmp0 (a->family, b->family) == 0 &&
         g_strcmp0 (a->given, b->given) == 0 &&
         g_strcmp0 (a->affiliation, b->affiliation) == 0;
}

/* "Given Family", the way a name is read aloud and listed in a byline. */
char *
na_name_dup_display (const NaName *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (name->given == NULL || name->given[0] == '\0')
    return g_strdup (name->family);

  return g_strdup_printf ("%s %s", name->given, name->family);
}

/* "A", "A and B", "A, B and C". */
char *
na_names_dup_display (GPtrArray *names)
{
  GString *str;

  if (names == NULL || names->len == 0)
    return g_strdup (_("Unknown author"));

  str = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *one = na_name_dup_display (g_ptr_array_index (names, i));

      if (i > 0 && i == names->len - 1)
        /* Translators: joins the last two authors of a list, with spaces */
        g_string_append (str, _(" and "));
      else if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, one);
    }

  return g_string_free (str, FALSE);
}

/* "Family, Given" rather than two names: one comma, and before it a single family name,
 * which may carry lower-case particles ("de Cuyper", "van der Berg"). */
static gboolean
is_inverted_name (const char *part)
{
  const char *comma = strchr (part, ',');
  g_autofree char *family = NULL;
  g_auto(GStrv) words = NULL;

  if (comma == NULL || strchr (comma + 1, ',') != NULL)
    return FALSE;
  family = g_strstrip (g_strndup (part, comma - part));
  words = g_strsplit_set (family, " \t", -1);
  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    if (*words[i] != '\0' && !g_unichar_islower (g_utf8_get_char (words[i])))
      return FALSE;
  return *family != '\0';
}

static void
add_name (GStrvBuilder *names,
          const char   *name)
{
  g_autofree char *copy = g_strstrip (g_strdup (name));

  if (*copy != '\0')
    g_strv_builder_add (names, copy);
}

/**
 * na_names_dup_form_text:
 * @authors: (nullable): authors as found in the wild, such as a PDF's information dictionary
 *
 * The authors as the essay form writes them, "Given Family; Given Family". Understands
 * "A; B", "A and B", "A & B", "A, B, C" and "Family, Given", alone or in such lists.
 *
 * Returns: (transfer full) (nullable): the names, or %NULL if there are none
 */
char *
na_names_dup_form_text (const char *authors)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(GRegex) separators = NULL;
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) names = NULL;

  if (authors == NULL)
    return NULL;

  /* Semicolons and "and" always separate people; a comma may sit inside one name. */
  separators = g_regex_new ("\\s*(?:;|\\band\\b|&)\\s*", G_REGEX_CASELESS, 0, NULL);
  parts = g_regex_split (separators, authors, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (is_inverted_name (parts[i]))
        {
          const char *comma = strchr (parts[i], ',');
          g_autofree char *family = g_strstrip (g_strndup (parts[i], comma - parts[i]));
          g_autofree char *given = g_strstrip (g_strdup (comma + 1));
          g_autofree char *both = *given ? g_strdup_printf ("%s %s", given, family)
                                         : g_strdup (family);

          add_name (b, both);
        }
      else
        {
          g_auto(GStrv) listed = g_strsplit (parts[i], ",", -1);

          for (guint j = 0; listed[j] != NULL; j++)
            add_name (b, listed[j]);
        }
    }
  names = g_strv_builder_end (b);
  return names[0] != NULL ? g_strjoinv ("; ", names) : NULL;
}
