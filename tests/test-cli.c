/* test-cli.c — the command line, run as a user runs it: no display, no session bus */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs natoasia with @args in an environment with no display and no bus, in the C locale. */
static void
run_natoasia (Run                *run,
              const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) argvv = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_strv_builder_add (argv, g_getenv ("NATOASIA_BIN"));
  g_strv_builder_addv (argv, (const char **) args);
  argvv = g_strv_builder_end (argv);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);

  g_spawn_sync (NULL, argvv, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_natoasia (&run, (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "natoasia " PACKAGE_VERSION "\n");
}

static void
test_list (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  int previous_year = G_MAXINT;

  run_natoasia (&run, (const char *[]) { "--list", NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 19);   /* 18 lines and the empty tail */
  g_assert_cmpstr (lines[18], ==, "");

  for (guint i = 0; i < 18; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      int year = atoi (fields[1]);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpint (year, <=, previous_year);   /* newest first */
      previous_year = year;
    }
  g_assert_true (g_str_has_prefix (lines[0], "ashtakala-2023\t2023\tDiya Ashtakala\t"));
  /* UTF-8 survives a C locale. */
  g_assert_nonnull (strstr (run.out, "Piotr Kłodkowski"));
}

static void
test_export_then_validate (void)
{
  g_auto(Run) exported = { 0 };
  g_auto(Run) validated = { 0 };
  g_auto(Run) listed = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("natoasia-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.json", NULL);
  g_autofree char *contents = NULL;

  run_natoasia (&exported, (const char *[]) { "--export-library", path, NULL });
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"format\" : \"org.example.NatoAsia.library\""));

  run_natoasia (&validated, (const char *[]) { "--validate", path, NULL });
  g_assert_cmpint (validated.status, ==, 0);
  g_assert_nonnull (strstr (validated.out, "valid library: 18 essays"));

  /* --library makes every command work on that file. */
  contents[0] = '\0';
  g_file_set_contents (path,
                       "{\"format\": \"org.example.NatoAsia.library\", \"version\": 1, "
                       "\"questions\": [], \"countries\": [], \"arguments\": [], "
                       "\"recommendations\": [], \"essays\": [{\"id\": \"mine\", \"type\": "
                       "\"report\", \"title\": \"My Essay\", \"author\": [{\"family\": \"Roe\"}], "
                       "\"issued\": {\"date-parts\": [[1999]]}}]}", -1, &error);
  g_assert_no_error (error);
  run_natoasia (&listed, (const char *[]) { "--library", path, "--list", NULL });
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_cmpstr (listed.out, ==, "mine\t1999\tRoe\tMy Essay\n");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_validate_reports_problems (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("natoasia-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);

  g_file_set_contents (path, "{\"format\": \"org.example.NatoAsia.library\", \"version\": 1,\n"
                       "\"questions\": [], \"countries\": [], \"essays\": [{\"id\": \"x\"}],\n"
                       "\"arguments\": [], \"recommendations\": []}", -1, &error);
  run_natoasia (&run, (const char *[]) { "--validate", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "broken.json: $.essays[0]: missing required member"));

  g_unlink (path);
  g_rmdir (dir);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Errors name the file once and the problem once, on stderr, with a non-zero status. */
static void
test_errors_go_to_stderr (void)
{
  g_auto(Run) missing = { 0 };
  g_auto(Run) unwritable = { 0 };
  g_auto(Run) map = { 0 };
  g_auto(Run) malformed = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("natoasia-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "malformed.json", NULL);

  run_natoasia (&missing, (const char *[]) { "--library", "/nonexistent/lib.json", "--list",
                                             NULL });
  g_assert_cmpint (missing.status, !=, 0);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_cmpstr (missing.err, ==,
                   "/nonexistent/lib.json: cannot read the file: No such file or directory\n");

  run_natoasia (&unwritable, (const char *[]) { "--export-library", "/nonexistent/out.json",
                                                NULL });
  g_assert_cmpint (unwritable.status, !=, 0);
  g_assert_nonnull (strstr (unwritable.err, "/nonexistent/out.json: cannot write the file: "));
  g_assert_cmpuint (count_occurrences (unwritable.err, "/nonexistent/out.json"), ==, 1);
  g_assert_cmpuint (count_occurrences (unwritable.err, "No such file or directory"), ==, 1);

  run_natoasia (&map, (const char *[]) { "--export-map", "/nonexistent/map.svg", NULL });
  g_assert_cmpint (map.status, !=, 0);
  g_assert_cmpuint (count_occurrences (map.err, "/nonexistent/map.svg"), ==, 1);
  g_assert_cmpuint (count_occurrences (map.err, "No such file or directory"), ==, 1);

  /* A file that is there but broken is still named, with where it breaks. */
  g_assert_no_error (error);
  g_file_set_contents (path, "{\"format\": ", -1, &error);
  g_assert_no_error (error);
  run_natoasia (&malformed, (const char *[]) { "--library", path, "--list", NULL });
  g_assert_cmpint (malformed.status, ==, 1);
  g_assert_true (g_str_has_prefix (malformed.err, path));
  g_assert_nonnull (strstr (malformed.err, "malformed.json:1:"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  g_auto(GStrv) lines = NULL;

  run_natoasia (&run, (const char *[]) { "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--export-library"));
  g_assert_nonnull (strstr (run.out, "--validate"));
  g_assert_nonnull (strstr (run.out, "--library"));

  /* One placeholder for the arguments ("…" is "?" in the C locale), explained below. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Usage:");
  g_assert_true (g_str_has_prefix (lines[1], "  natoasia [OPTION"));
  g_assert_true (g_str_has_suffix (lines[1], "] [LIBRARY-FILE?]"));
  g_assert_cmpuint (count_occurrences (lines[1], "["), ==, 2);
  g_assert_nonnull (strstr (run.out, "Each LIBRARY-FILE opens in a window."));
  g_assert_nonnull (strstr (run.out, "Exit status:"));
  g_assert_nonnull (strstr (run.out, "  3  --attach or --check-anchors found none"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/list", test_list);
  g_test_add_func ("/cli/export-then-validate", test_export_then_validate);
  g_test_add_func ("/cli/validate-reports-problems", test_validate_reports_problems);
  g_test_add_func ("/cli/errors-go-to-stderr", test_errors_go_to_stderr);

  return g_test_run ();
}
