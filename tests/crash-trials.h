/* crash-trials.h — kill a store writer at random moments and check what it saved survives;
 * shared by the crash test and `natoasia-bench crash` */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint trials;
  guint trials_with_saves;
  guint saves_checked;
  guint max_kill_us;
} CrashStats;

gboolean crash_run_trials (const char  *writer,
                           guint        n_trials,
                           guint32      seed,
                           CrashStats  *stats,
                           GError     **error);

G_END_DECLS
