/* main.c — NatoAsia's entry point */
#define G_LOG_DOMAIN "natoasia"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "na-application.h"
#include "na-memory.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NaApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Before any thread allocates: see na-memory.c. */
  na_memory_keep_freed_pages ();

  app = na_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
