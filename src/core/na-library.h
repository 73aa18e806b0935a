/* na-library.h — a collection of essays with their questions, arguments and recommendations */
#pragma once

#include <gio/gio.h>

#include "na-argument.h"
#include "na-country.h"
#include "na-essay.h"
#include "na-question.h"
#include "na-recommendation.h"

G_BEGIN_DECLS

#define NA_TYPE_LIBRARY (na_library_get_type ())
#define NA_LIBRARY_ERROR (na_library_error_quark ())

G_DECLARE_FINAL_TYPE (NaLibrary, na_library, NA, LIBRARY, GObject)

typedef enum
{
  NA_LIBRARY_ERROR_IO,
  NA_LIBRARY_ERROR_UTF8,
  NA_LIBRARY_ERROR_SYNTAX,
  NA_LIBRARY_ERROR_FORMAT,
  NA_LIBRARY_ERROR_VERSION,
  NA_LIBRARY_ERROR_MISSING,
  NA_LIBRARY_ERROR_TYPE,
  NA_LIBRARY_ERROR_ENUM,
  NA_LIBRARY_ERROR_INVALID_ID,
  NA_LIBRARY_ERROR_DUPLICATE,
  NA_LIBRARY_ERROR_REFERENCE,
  NA_LIBRARY_ERROR_COUNTRY,
  NA_LIBRARY_ERROR_VALUE,
} NaLibraryError;

#define NA_LIBRARY_FORMAT "org.example.NatoAsia.library"
#define NA_LIBRARY_VERSION 1

GQuark            na_library_error_quark          (void);
NaLibrary        *na_library_new                  (void);
const char       *na_library_get_title            (NaLibrary   *self);
void              na_library_set_title            (NaLibrary   *self,
                                                   const char  *title);
GListModel       *na_library_get_essays           (NaLibrary   *self);
GListModel       *na_library_get_questions        (NaLibrary   *self);
GListModel       *na_library_get_countries        (NaLibrary   *self);
GListModel       *na_library_get_arguments        (NaLibrary   *self);
GListModel       *na_library_get_recommendations  (NaLibrary   *self);
gboolean          na_library_add_essay            (NaLibrary   *self,
                                                   NaEssay     *essay);
gboolean          na_library_add_question         (NaLibrary   *self,
                                                   NaQuestion  *question);
gboolean          na_library_add_country          (NaLibrary   *self,
                                                   NaCountry   *country);
gboolean          na_library_add_argument         (NaLibrary   *self,
                                                   NaArgument  *argument);
gboolean          na_library_add_recommendation   (NaLibrary   *self,
                                                   NaRecommendation *recommendation);
NaEssay          *na_library_lookup_essay         (NaLibrary   *self,
                                                   const char  *id);
NaQuestion       *na_library_lookup_question      (NaLibrary   *self,
                                                   const char  *id);
NaCountry        *na_library_lookup_country       (NaLibrary   *self,
                                                   const char  *code);
NaArgument       *na_library_lookup_argument      (NaLibrary   *self,
                                                   const char  *id);
NaRecommendation *na_library_lookup_recommendation (NaLibrary  *self,
                                                   const char  *id);
GListModel       *na_library_dup_arguments        (NaLibrary   *self,
                                                   const char  *essay_id,
                                                   const char  *question_id,
                                                   const char  *country_code);
GListModel       *na_library_dup_recommendations  (NaLibrary   *self,
                                                   const char  *essay_id,
                                                   const char  *question_id,
                                                   const char  *country_code);

/* na-library-io.c */
NaLibrary        *na_library_new_from_bytes       (GBytes      *bytes,
                                                   const char  *display_name,
                                                   GError     **error);
NaLibrary        *na_library_new_from_file        (GFile       *file,
                                                   GCancellable *cancellable,
                                                   GError     **error);
NaLibrary        *na_library_new_bundled          (GError     **error);
void              na_library_load_file_async      (GFile       *file,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer     user_data);
NaLibrary        *na_library_load_file_finish     (GAsyncResult *result,
                                                   GError     **error);
char             *na_library_to_data              (NaLibrary   *self,
                                                   gsize       *length);
gboolean          na_library_save_to_file         (NaLibrary   *self,
                                                   GFile       *file,
                                                   GCancellable *cancellable,
                                                   GError     **error);

G_END_DECLS
