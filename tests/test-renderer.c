/* test-renderer.c — the renderer NatoAsia's windows get: Cairo where OpenGL runs on the CPU,
 * GTK's choice elsewhere, the user's GSK_RENDERER always.
 *
 * Run twice (tests/meson.build): without GSK_RENDERER, and with GSK_RENDERER=gl and
 * NA_TEST_KEEP_GSK_RENDERER=1. GTK reads the variable once per process, hence two runs. */
#include "config.h"

#include <epoxy/gl.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "na-application.h"
#include "na-renderer-choice.h"
#include "na-test-display.h"

static void
test_software_names (void)
{
  g_assert_true (na_gl_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (na_gl_renderer_is_software ("softpipe"));
  g_assert_true (na_gl_renderer_is_software ("Software Rasterizer"));
  g_assert_false (na_gl_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (na_gl_renderer_is_software ("AMD Radeon RX 5500 XT (navi14, LLVM 15.0.7, "
                                              "DRM 3.52)"));
  g_assert_false (na_gl_renderer_is_software ("NVIDIA GeForce RTX 3060/PCIe/SSE2"));
  g_assert_false (na_gl_renderer_is_software (NULL));
}

/* What this display's OpenGL is, asked independently of the code under test: NULL if none. */
static char *
display_gl_renderer (void)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (gdk_display_get_default (),
                                                                   NULL);
  char *name;

  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

/* The renderer's type name: GTK 4.8's gtk.h does not declare the GL renderer's type. */
static const char *
renderer_of_new_window (void)
{
  GtkWidget *window = gtk_window_new ();
  const char *type;

  gtk_window_present (GTK_WINDOW (window));
  na_test_iterate (50);
  type = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  return type;
}

/* The app makes the choice at startup, before its first window. */
static void
test_application_choice (void)
{
  g_autoptr(NaApplication) app = na_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *gl = display_gl_renderer ();
  const char *user = g_getenv ("GSK_RENDERER");
  const char *type;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  type = renderer_of_new_window ();
  g_test_message ("GL_RENDERER %s, GSK_RENDERER %s: %s", gl ? gl : "(no OpenGL)",
                  user ? user : "(unset)", type);

  if (user != NULL)
    {
      /* The user's choice, whatever the machine. */
      if (g_str_equal (user, "gl") && gl != NULL)
        g_assert_cmpstr (type, ==, "GskGLRenderer");
      else if (g_str_equal (user, "cairo"))
        g_assert_cmpstr (type, ==, "GskCairoRenderer");
    }
  else if (gl == NULL || na_gl_renderer_is_software (gl))
    g_assert_cmpstr (type, ==, "GskCairoRenderer");
  else
    g_assert_cmpstr (type, ==, "GskGLRenderer");

  /* The About window's troubleshooting page says which, and why, for bug reports. */
  {
    g_autofree char *info = NULL;
    GtkWidget *about;

    g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
    about = na_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
    g_assert_nonnull (about);
    g_object_get (about, "debug-info", &info, NULL);
    g_test_message ("%s", info);
    g_assert_nonnull (strstr (info, "Renderer: "));
    g_assert_nonnull (strstr (info, user != NULL ? "GSK_RENDERER" :
                                    gl != NULL ? gl : "no OpenGL"));
    gtk_window_destroy (GTK_WINDOW (about));
  }
}

static void
test_reason (void)
{
  g_autofree char *reason = NULL;
  g_autofree char *gl = display_gl_renderer ();
  const char *user = g_getenv ("GSK_RENDERER");
  const char *chosen = na_renderer_choose (gdk_display_get_default (), &reason);

  g_test_message ("%s", reason);
  g_assert_nonnull (reason);
  if (user != NULL)
    {
      g_assert_null (chosen);
      g_assert_nonnull (strstr (reason, "GSK_RENDERER"));
    }
  else if (gl != NULL && na_gl_renderer_is_software (gl))
    {
      g_assert_cmpstr (chosen, ==, "cairo");
      g_assert_nonnull (strstr (reason, gl));
    }
  else
    g_assert_null (chosen);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GTK or any thread starts; the suite's display tests set GSK_RENDERER=cairo. */
  if (g_getenv ("NA_TEST_KEEP_GSK_RENDERER") == NULL)
    g_unsetenv ("GSK_RENDERER");
  na_test_isolate_xdg ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/software-names", test_software_names);
  g_test_add_func ("/renderer/application", test_application_choice);
  g_test_add_func ("/renderer/reason", test_reason);
  return g_test_run ();
}
