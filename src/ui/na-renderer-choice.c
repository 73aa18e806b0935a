/* na-renderer-choice.c — which GSK renderer draws NatoAsia's windows on a display
 *
 * GTK 4.8 draws with OpenGL whenever it can, even when OpenGL is Mesa's software rasterizer
 * (llvmpipe) on a machine without a GPU: a virtual machine, a remote session, Xvfb. There,
 * llvmpipe shades every frame on the CPU, and scrolling a PDF at 200 % stalls the main thread
 * two to three times longer than GTK's Cairo renderer does, with twice the memory
 * (`natoasia-bench pdf` measures both). GTK 4.14 and later pass over llvmpipe themselves when
 * they pick a renderer; on older GTK, whose only other choice is Cairo, NatoAsia makes that
 * choice for its windows. The user's GSK_RENDERER always wins.
 */
#define G_LOG_DOMAIN "natoasia"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "na-renderer-choice.h"

/* GTK reads a renderer name from this key of the display before GSK_RENDERER and its own
 * choice (get_renderer_for_display() in gsk/gskrenderer.c). It is not public API: it is used
 * only on GTK older than 4.14, and tests/test-renderer.c checks that it takes effect. */
#define DISPLAY_RENDERER_KEY "gsk-renderer"

/**
 * na_gl_renderer_is_software:
 * @gl_renderer: an OpenGL GL_RENDERER string
 *
 * Returns: whether @gl_renderer names one of Mesa's rasterizers that run on the CPU
 */
gboolean
na_gl_renderer_is_software (const char *gl_renderer)
{
  static const char *const software[] = { "llvmpipe", "softpipe", "Software Rasterizer", "swrast" };

  if (gl_renderer == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The GL_RENDERER of @display's OpenGL, or NULL, with @error set, if it has none. */
static char *
query_gl_renderer (GdkDisplay  *display,
                   GError     **error)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, error);
  char *name;

  if (context == NULL || !gdk_gl_context_realize (context, error))
    return NULL;
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

/**
 * na_renderer_choose:
 * @display: the display, before any of NatoAsia's windows is shown on it
 * @reason: (out) (optional) (transfer full): why, in a sentence, for the log and the benchmark
 *
 * Chooses GTK's Cairo renderer for @display's windows when its OpenGL runs on the CPU, on
 * GTK older than 4.14, unless the user set GSK_RENDERER.
 *
 * Returns: (nullable): "cairo" when NatoAsia chose it; NULL when the choice is left to GTK
 */
const char *
na_renderer_choose (GdkDisplay  *display,
                    char       **reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gl_renderer = NULL;
  const char *user = g_getenv ("GSK_RENDERER");
  const char *chosen = NULL;
  char *why;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (user != NULL && *user != '\0')
    why = g_strdup_printf ("GSK_RENDERER=%s is set: the user's choice", user);
  else if (gtk_get_major_version () > 4 || gtk_get_minor_version () >= 14)
    why = g_strdup ("GTK 4.14 and later choose the renderer themselves");
  else if ((gl_renderer = query_gl_renderer (display, &error)) == NULL)
    why = g_strdup_printf ("no OpenGL (%s): GTK draws with Cairo itself", error->message);
  else if (na_gl_renderer_is_software (gl_renderer))
    {
      chosen = "cairo";
      g_object_set_data (G_OBJECT (display), DISPLAY_RENDERER_KEY, (gpointer) chosen);
      why = g_strdup_printf ("OpenGL runs on the CPU here (%s): Cairo draws faster", gl_renderer);
    }
  else
    why = g_strdup_printf ("OpenGL on %s: GTK's default", gl_renderer);

  g_debug ("Renderer: %s", why);
  if (reason != NULL)
    *reason = why;
  else
    g_free (why);
  return chosen;
}
