/* na-name.c — a person's name */
#define G_LOG_DOMAIN "na-name"

#include "config.h"

#include <glib/gi18n-lib.h>

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
