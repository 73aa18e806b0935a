/* na-country.c — a country the essays discuss */
#define G_LOG_DOMAIN "na-country"

#include "config.h"

#include "na-util.h"
#include "na-country.h"

struct _NaCountry
{
  GObject parent_instance;

  char *code;
  char *name;
  char *region;
};

G_DEFINE_FINAL_TYPE (NaCountry, na_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
na_country_finalize (GObject *object)
{
  NaCountry *self = (NaCountry *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (na_country_parent_class)->finalize (object);
}

static void
na_country_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NaCountry *self = NA_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, na_country_get_code (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, na_country_get_name (self));
      break;

    case PROP_REGION:
      g_value_set_string (value, na_country_get_region (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_country_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NaCountry *self = NA_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      na_country_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      na_country_set_name (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      na_country_set_region (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_country_class_init (NaCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_country_finalize;
  object_class->get_property = na_country_get_property;
  object_class->set_property = na_country_set_property;

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, "ISO 3166-1 alpha-3 code",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, "English short name",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REGION] =
    g_param_spec_string ("region", NULL, "Region",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_country_init (NaCountry *self)
{
}

NaCountry *
na_country_new (void)
{
  return g_object_new (NA_TYPE_COUNTRY, NULL);
}

const char *
na_country_get_code (NaCountry *self)
{
  g_return_val_if_fail (NA_COUNTRY (self), NULL);

  return self->code;
}

void
na_country_set_code (NaCountry *self,
                     const char *code)
{
  g_return_if_fail (NA_COUNTRY (self));

  if (na_set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE]);
}

const char *
na_country_get_name (NaCountry *self)
{
  g_return_val_if_fail (NA_COUNTRY (self), NULL);

  return self->name;
}

void
na_country_set_name (NaCountry *self,
                     const char *name)
{
  g_return_if_fail (NA_COUNTRY (self));

  if (na_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
na_country_get_region (NaCountry *self)
{
  g_return_val_if_fail (NA_COUNTRY (self), NULL);

  return self->region;
}

void
na_country_set_region (NaCountry *self,
                       const char *region)
{
  g_return_if_fail (NA_COUNTRY (self));

  if (na_set_string (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION]);
}
