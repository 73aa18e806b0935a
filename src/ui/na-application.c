/* na-application.c — the NatoAsia application: command line, app actions, windows */
#define G_LOG_DOMAIN "na-application"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "na-application.h"
#include "na-cli.h"
#include "na-renderer-choice.h"
#include "na-window.h"

struct _NaApplication
{
  AdwApplication parent_instance;

  /* The user's annotations, shared by all windows; loaded on first use, saved on quit. */
  NaUserStore   *user_store;
  char          *user_store_problem;
  char          *renderer_reason;   /* for the About window's troubleshooting page */
};

G_DEFINE_FINAL_TYPE (NaApplication, na_application, ADW_TYPE_APPLICATION)

NaApplication *
na_application_new (void)
{
  return g_object_new (NA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/NatoAsia",
                       NULL);
}

/* Command-line commands run here, in the launching process, before the application registers
 * on the session bus or touches a display. */
static int
na_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autofree char *library_path = NULL;
  g_autofree char **rest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  status = na_cli_run (options);
  if (status >= 0)
    return status;

  /* The CLI collects the remaining arguments (for --attach ID FILE): open them as before. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest) && rest[0] != NULL)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("natoasia: %s\n", error->message);
          return 1;
        }
      for (guint i = 0; rest[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (rest[i]));
      g_application_open (app, (GFile **) files->pdata, files->len, "");
      return 0;
    }

  if (!g_variant_dict_lookup (options, "library", "^ay", &library_path))
    return -1;

  /* A window on another library: hand it to the primary instance as a file to open. */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("natoasia: %s\n", error->message);
      return 1;
    }
  file = g_file_new_for_commandline_arg (library_path);
  g_application_open (app, &file, 1, "");
  return 0;
}

NaUserStore *
na_application_get_user_store (NaApplication *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NA_IS_APPLICATION (self), NULL);

  if (self->user_store == NULL)
    {
      self->user_store = na_user_store_new (NULL);
      if (!na_user_store_load (self->user_store, &error))
        self->user_store_problem = g_strdup (error->message);
    }
  return self->user_store;
}

/* Why the annotations file could not be read (and where it was kept), once: the first window
 * to ask tells the user. */
char *
na_application_take_user_store_problem (NaApplication *self)
{
  g_return_val_if_fail (NA_IS_APPLICATION (self), NULL);
  return g_steal_pointer (&self->user_store_problem);
}

static void
na_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (na_window_new (NA_APPLICATION (app)));
      na_window_load_bundled (NA_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
na_application_shutdown (GApplication *app)
{
  NaApplication *self = NA_APPLICATION (app);

  /* Whatever the debounce has not written yet (or an emergency copy, if it cannot be). */
  if (self->user_store != NULL)
    na_user_store_close (self->user_store);

  G_APPLICATION_CLASS (na_application_parent_class)->shutdown (app);
}

static void
na_application_finalize (GObject *object)
{
  NaApplication *self = NA_APPLICATION (object);

  g_clear_object (&self->user_store);
  g_clear_pointer (&self->user_store_problem, g_free);
  g_clear_pointer (&self->renderer_reason, g_free);

  G_OBJECT_CLASS (na_application_parent_class)->finalize (object);
}

static void
library_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(NaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  library = na_library_load_file_finish (result, &error);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (library == NULL && NA_IS_WINDOW (window))
    na_window_show_library_error (NA_WINDOW (window), error->message);
  else
    {
      /* A library of its own: its window. All windows closed meanwhile: the usual one. */
      window = GTK_WINDOW (na_window_new (NA_APPLICATION (app)));
      if (library != NULL)
        na_window_set_library (NA_WINDOW (window), library);
      else
        {
          na_window_load_bundled (NA_WINDOW (window));
          na_window_show_library_error (NA_WINDOW (window), error->message);
        }
      gtk_window_present (window);
    }
  g_application_release (app);
}

/* Library files from the command line, or sent by a second instance. Each opens in a window
 * of its own, but one that cannot be read gets no window: an empty one behind the error would
 * only have to be closed. With a window open already, the file is read first and the error
 * shown over that window; at start, the first file's window shows the bundled library, as at
 * any start, if the file cannot be read (na-window.c), so the error is over a useful window. */
static void
na_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      NaWindow *window;

      if (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL)
        {
          /* Running until the file is read, even if the user closes every window. */
          g_application_hold (app);
          na_library_load_file_async (files[i], NULL, library_opened_cb, g_object_ref (app));
          continue;
        }
      window = na_window_new (NA_APPLICATION (app));
      na_window_open_library (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The NatoAsia developers", NULL };
  GtkApplication *app = user_data;
  NaApplication *self = NA_APPLICATION (app);
  AdwAboutWindow *about;
  g_autofree char *debug_info = NULL;

  /* What a bug report about drawing or PDFs needs; not translated, for the developers. */
  debug_info = g_strdup_printf ("NatoAsia %s\nGTK %u.%u.%u\nlibadwaita %u.%u.%u\n"
                                "Poppler %s\nRenderer: %s\n", PACKAGE_VERSION,
                                gtk_get_major_version (), gtk_get_minor_version (),
                                gtk_get_micro_version (), adw_get_major_version (),
                                adw_get_minor_version (), adw_get_micro_version (),
                                poppler_get_version (),
                                self->renderer_reason ? self->renderer_reason : "GTK's default");

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("NatoAsia"),
                        "application-icon", APP_ID,
                        "developer-name", _("The NatoAsia developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Read, annotate and compare essays on NATO and the "
                                      "Asia-Pacific"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* The same addresses as the AppStream metainfo's. */
                        "website", "https://example.org/natoasia",
                        "issue-url", "https://example.org/natoasia/issues",
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "debug-info", debug_info,
                        NULL);
  adw_about_window_add_legal_section (about, _("Country shapes"),
                                      _("Made with Natural Earth, public domain."),
                                      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (about, _("Bundled analysis"),
                                      _("The bundled library holds bibliographic facts and the "
                                        "NatoAsia team's own analysis. The essays belong to "
                                        "their authors; only short anchoring quotes are "
                                        "included."),
                                      GTK_LICENSE_CUSTOM, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  NaWindow *window = na_window_new (user_data);

  na_window_load_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
  { "new-window", new_window_action },
};

static void
na_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "win.open-library", { "<Control>o", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.focus-search", { "<Control>f", NULL } },
    { "win.new-essay", { "<Control><Shift>n", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.add-highlight('yellow')", { "<Control>h", NULL } },
    { "win.mark-argument", { "<Control>m", NULL } },
    { "win.mark-recommendation", { "<Control><Shift>m", NULL } },
    { "win.back-to-essay", { "<Alt>Left", NULL } },
  };

  GtkSettings *settings;

  G_APPLICATION_CLASS (na_application_parent_class)->startup (app);

  /* Before the first window is realized: its renderer is chosen then. */
  if (gdk_display_get_default () != NULL)
    na_renderer_choose (gdk_display_get_default (), &NA_APPLICATION (app)->renderer_reason);

  /* A selectable label given the focus (a view switched while the focus was in another, a
   * dialog closed) would select all its text: a selection the user did not make. They stay
   * focusable and selectable from the keyboard (Shift+arrows, Ctrl+A). */
  if ((settings = gtk_settings_get_default ()) != NULL)
    g_object_set (settings, "gtk-label-select-on-focus", FALSE, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
na_application_class_init (NaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = na_application_handle_local_options;
  app_class->activate = na_application_activate;
  app_class->open = na_application_open;
  app_class->startup = na_application_startup;
  app_class->shutdown = na_application_shutdown;
  G_OBJECT_CLASS (klass)->finalize = na_application_finalize;
}

static void
na_application_init (NaApplication *self)
{
  /* The entries' G_OPTION_REMAINING names the arguments in the usage line; a parameter
   * string would add a second placeholder after it. */
  g_application_add_main_option_entries (G_APPLICATION (self), na_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read, annotate and compare essays on NATO and "
                                              "the Asia-Pacific."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                na_cli_get_help_description ());
}
