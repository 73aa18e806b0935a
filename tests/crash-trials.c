/* crash-trials.c — run the store writer, SIGKILL it after a random delay, then load the store
 * as the app would and check that every save the writer reported is there. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "na-user-store.h"
#include "crash-trials.h"

static gboolean
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  return g_rmdir (path) == 0;
}

/* Runs one writer, kills it after @delay_us, and returns the ids it reported saved. */
static GPtrArray *
run_writer (const char  *writer,
            const char  *dir,
            guint        first,
            guint        delay_us,
            GError     **error)
{
  g_autofree char *first_str = g_strdup_printf ("%u", first);
  const char *argv[] = { writer, dir, first_str, NULL };
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GPid pid;
  int out_fd, status;
  char buffer[4096];
  gssize n;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, error))
    return NULL;

  /* Wait for the writer to have loaded the store, then kill it at a random moment. */
  for (char c = 0; c != '\n' && read (out_fd, &c, 1) == 1; )
    g_string_append_c (out, c);
  g_usleep (delay_us);
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  /* Everything in the pipe was written before the kill: each line is a completed save. */
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (out_fd);

  if (WIFEXITED (status))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "the writer exited with status %d before it was killed",
                   WEXITSTATUS (status));
      return NULL;
    }

  lines = g_strsplit (out->str, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "saved "))
      g_ptr_array_add (saved, g_strdup (lines[i] + 6));
  return g_steal_pointer (&saved);
}

gboolean
crash_run_trials (const char  *writer,
                  guint        n_trials,
                  guint32      seed,
                  CrashStats  *stats,
                  GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  guint next = 0;

  memset (stats, 0, sizeof *stats);
  if ((dir = g_dir_make_tmp ("natoasia-crash-XXXXXX", error)) == NULL)
    return FALSE;

  for (guint t = 0; t < n_trials; t++)
    {
      g_autoptr(GPtrArray) saved = NULL;
      g_autoptr(NaUserStore) store = NULL;
      g_autoptr(GError) load_error = NULL;
      /* Anywhere in the first few saves (about 10 ms each with fsync), often inside one. */
      guint delay_us = g_rand_int_range (rand, 0, 40000);

      /* Start afresh now and then so the file stays small and trials stay fast. */
      if (t % 25 == 0)
        g_ptr_array_set_size (expected, 0), rm_rf (dir), g_mkdir (dir, 0700);

      if ((saved = run_writer (writer, dir, next, delay_us, error)) == NULL)
        break;
      next += saved->len + 1000;
      stats->trials++;
      stats->max_kill_us = MAX (stats->max_kill_us, delay_us);
      if (saved->len > 0)
        stats->trials_with_saves++;
      for (guint i = 0; i < saved->len; i++)
        g_ptr_array_add (expected, g_strdup (saved->pdata[i]));

      store = na_user_store_new (dir);
      if (!na_user_store_load (store, &load_error))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       "trial %u (killed after %u µs): the store did not load: %s",
                       t, delay_us, load_error->message);
          break;
        }
      for (guint i = 0; i < expected->len; i++)
        {
          if (na_user_store_lookup_annotation (store, expected->pdata[i]) == NULL)
            {
              g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                           "trial %u (killed after %u µs): annotation %s was reported saved "
                           "but is not in the store", t, delay_us,
                           (char *) expected->pdata[i]);
              goto out;
            }
          stats->saves_checked++;
        }
    }

out:
  rm_rf (dir);
  return error == NULL || *error == NULL;
}
