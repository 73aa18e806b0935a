/* na-application.h — the NatoAsia application */
#pragma once

#include <adwaita.h>

#include "na-user-store.h"

G_BEGIN_DECLS

#define NA_TYPE_APPLICATION (na_application_get_type ())

G_DECLARE_FINAL_TYPE (NaApplication, na_application, NA, APPLICATION, AdwApplication)

NaApplication *na_application_new (void);
NaUserStore   *na_application_get_user_store (NaApplication *self);
char          *na_application_take_user_store_problem (NaApplication *self);

G_END_DECLS
