/* na-name.h — a person's name, after CSL-JSON's name variable */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NA_TYPE_NAME (na_name_get_type ())

typedef struct _NaName NaName;

struct _NaName
{
  char *family;
  char *given;
  char *affiliation;
};

GType   na_name_get_type    (void) G_GNUC_CONST;
NaName *na_name_new         (const char   *family,
                             const char   *given,
                             const char   *affiliation);
NaName *na_name_copy        (const NaName *name);
void    na_name_free        (NaName       *name);
gboolean na_name_equal      (const NaName *a,
                             const NaName *b);
char   *na_name_dup_display (const NaName *name);
char   *na_names_dup_display (GPtrArray   *names);
char   *na_names_dup_form_text (const char *authors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NaName, na_name_free)

G_END_DECLS
