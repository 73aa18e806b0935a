/* store-writer.c — helper of the crash test: writes annotations through the real store, one
 * save each, and reports every completed save on stdout ("saved ID") until it is killed. */
#include "config.h"

#include <stdio.h>

#include "na-user-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NaUserStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint start;

  if (argc != 3)
    {
      fprintf (stderr, "usage: store-writer DIRECTORY FIRST-NUMBER\n");
      return 2;
    }

  store = na_user_store_new (argv[1]);
  if (!na_user_store_load (store, &error))
    {
      fprintf (stderr, "store-writer: %s\n", error->message);
      return 1;
    }
  start = g_ascii_strtoull (argv[2], NULL, 10);
  /* Lets the test time its kill from here rather than from process start-up. */
  printf ("ready\n");
  fflush (stdout);

  for (guint i = start; ; i++)
    {
      g_autoptr(NaAnnotation) a = na_annotation_new (NA_ANNOTATION_HIGHLIGHT);
      g_autofree char *id = g_strdup_printf ("w%u", i);
      g_autofree char *note = g_strdup_printf ("Note number %u, written before a crash", i);

      na_annotation_set_id (a, id);
      na_annotation_set_essay_id (a, "crash-essay");
      na_annotation_set_range (a, i, i + 10);
      na_annotation_set_note (a, note);
      na_annotation_set_color (a, "yellow");
      na_user_store_add_annotation (store, a);
      if (!na_user_store_save (store, &error))
        {
          fprintf (stderr, "store-writer: %s\n", error->message);
          return 1;
        }
      /* Only now is the save complete: the file has been renamed into place. */
      printf ("saved %s\n", id);
      fflush (stdout);
    }

  return 0;
}
