/* na-country.c — a country the essays discuss */
#define G_LOG_DOMAIN "na-country"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

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

/* What a user may type for a country, from Debian's iso-codes: every ISO 3166-1 alpha-3 code,
 * and its English names (short, common, official), folded, each to the codes it names. */
typedef struct
{
  GHashTable *codes;        /* alpha-3 → itself */
  GHashTable *alpha_2;      /* alpha-2 ("US") → alpha-3 ("USA"), as often typed */
  GHashTable *names;        /* folded name → GPtrArray of alpha-3 codes */
  GHashTable *first_parts;  /* "korea" from "Korea, Republic of" → GPtrArray of codes */
} IsoNames;

static void
add_name (GHashTable *table,
          const char *name,
          const char *code)
{
  g_autofree char *key = na_fold (name);
  GPtrArray *codes = g_hash_table_lookup (table, key);

  if (codes == NULL)
    {
      codes = g_ptr_array_new ();
      g_hash_table_insert (table, g_steal_pointer (&key), codes);
    }
  if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
    g_ptr_array_add (codes, (gpointer) code);
}

/**
 * na_country_load_iso_3166:
 *
 * Reads Debian's iso-codes table of countries (ISO 3166-1), for the codes and English names
 * a user may type and for the names the map translates.
 *
 * Returns: (transfer full): the table's entries, or %NULL with @error set
 */
JsonArray *
na_country_load_iso_3166 (GError **error)
{
  g_autofree char *path = g_build_filename (ISO_CODES_DIR, "iso_3166-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root, *list;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  if ((root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (list = json_object_get_member (json_node_get_object (root), "3166-1")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not the iso-codes table we know", path);
      return NULL;
    }
  return json_array_ref (json_node_get_array (list));
}

/* Names in common English use that ISO 3166 spells otherwise ("Türkiye", "Russian
 * Federation") or no longer uses ("Swaziland"), and the usual initials. */
static const struct
{
  const char *name;
  const char *code;
} common_names[] = {
  { "Britain", "GBR" }, { "Great Britain", "GBR" }, { "UK", "GBR" },
  { "Brunei", "BRN" },
  { "Burma", "MMR" },
  { "Cape Verde", "CPV" },
  { "DPRK", "PRK" },
  { "DRC", "COD" },
  { "East Timor", "TLS" },
  { "Holland", "NLD" },
  { "Ivory Coast", "CIV" },
  { "Macau", "MAC" },
  { "Macedonia", "MKD" },
  { "PRC", "CHN" },
  { "ROK", "KOR" },
  { "Russia", "RUS" },
  { "Swaziland", "SWZ" },
  { "Turkey", "TUR" },
  { "UAE", "ARE" },
  { "Vatican", "VAT" }, { "Vatican City", "VAT" },
};

static const IsoNames *
iso_names (void)
{
  static IsoNames *iso;

  if (g_once_init_enter (&iso))
    {
      static const char * const fields[] = { "name", "common_name", "official_name" };
      IsoNames *t = g_new0 (IsoNames, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonArray) array = na_country_load_iso_3166 (&error);

      t->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      t->alpha_2 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      t->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
      t->first_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
      if (array == NULL)
        g_warning ("Only the library's countries will be recognised: %s", error->message);
      else
        {
          for (guint i = 0, n = json_array_get_length (array); i < n; i++)
            {
              JsonObject *o = json_array_get_object_element (array, i);
              const char *alpha_3 = json_object_get_string_member_with_default (o, "alpha_3",
                                                                                NULL);
              const char *alpha_2 = json_object_get_string_member_with_default (o, "alpha_2",
                                                                                NULL);
              char *code;

              if (alpha_3 == NULL || g_hash_table_contains (t->codes, alpha_3))
                continue;
              code = g_strdup (alpha_3);
              g_hash_table_add (t->codes, code);
              if (alpha_2 != NULL)
                g_hash_table_insert (t->alpha_2, g_strdup (alpha_2), code);
              for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
                {
                  const char *name = json_object_get_string_member_with_default (o, fields[f],
                                                                                 NULL);
                  const char *comma = name ? strstr (name, ", ") : NULL;

                  if (name == NULL)
                    continue;
                  add_name (t->names, name, code);
                  if (comma != NULL)
                    {
                      g_autofree char *first = g_strndup (name, comma - name);
                      /* "Korea, Republic of" as people write it: "Republic of Korea". */
                      g_autofree char *natural = g_strconcat (comma + 2, " ", first, NULL);

                      add_name (t->first_parts, first, code);
                      add_name (t->names, natural, code);
                      if (g_str_has_prefix (natural, "The "))
                        add_name (t->names, natural + 4, code);
                    }
                }
            }
        }

      for (guint i = 0; array != NULL && i < G_N_ELEMENTS (common_names); i++)
        if (g_hash_table_contains (t->codes, common_names[i].code))
          add_name (t->names, common_names[i].name, common_names[i].code);

      g_once_init_leave (&iso, t);
    }

  return iso;
}

static void
add_match (GPtrArray  *matches,
           const char *code)
{
  if (!g_ptr_array_find_with_equal_func (matches, code, g_str_equal, NULL))
    g_ptr_array_add (matches, g_strdup (code));
}

static void
add_matches (GPtrArray *matches,
             GPtrArray *codes)
{
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    add_match (matches, g_ptr_array_index (codes, i));
}

static gboolean
is_code_shaped (const char *entry)
{
  return strlen (entry) == 3 && g_ascii_isalpha (entry[0]) && g_ascii_isalpha (entry[1])
         && g_ascii_isalpha (entry[2]);
}

/* The codes @entry may stand for, in turn: a code ("jpn", "jp"), the countries so named ("japan",
 * "South Korea"), those whose inverted ISO name starts so ("Korea" for "Korea, Republic of"
 * and "Korea, Democratic People's Republic of": two, so ambiguous). The library's countries
 * count with iso-codes', as it may name some in its own way ("Vietnam"). */
static void
match_country (const char *entry,
               GListModel *countries,
               GPtrArray  *matches)
{
  const IsoNames *iso = iso_names ();
  guint n = countries ? g_list_model_get_n_items (countries) : 0;
  g_autofree char *folded = NULL;

  /* "US", "gb": ISO's two-letter codes, which people type as often as the three-letter ones. */
  if (strlen (entry) == 2 && g_ascii_isalpha (entry[0]) && g_ascii_isalpha (entry[1]))
    {
      g_autofree char *code2 = g_ascii_strup (entry, -1);
      const char *code = g_hash_table_lookup (iso->alpha_2, code2);

      if (code != NULL)
        {
          add_match (matches, code);
          return;
        }
    }

  if (is_code_shaped (entry))
    {
      g_autofree char *code = g_ascii_strup (entry, -1);

      for (guint i = 0; i < n && matches->len == 0; i++)
        {
          g_autoptr(NaCountry) country = g_list_model_get_item (countries, i);

          if (g_strcmp0 (na_country_get_code (country), code) == 0)
            add_match (matches, code);
        }
      if (g_hash_table_contains (iso->codes, code))
        add_match (matches, code);
      if (matches->len > 0)
        return;
    }

  /* "the Philippines", "The Netherlands": ISO names them without the article. */
  if (g_ascii_strncasecmp (entry, "the ", 4) == 0 && entry[4] != '\0')
    {
      match_country (entry + 4, countries, matches);
      if (matches->len > 0)
        return;
    }

  folded = na_fold (entry);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NaCountry) country = g_list_model_get_item (countries, i);
      g_autofree char *name = na_country_get_name (country)
                              ? na_fold (na_country_get_name (country)) : NULL;

      if (name != NULL && na_country_get_code (country) != NULL && g_str_equal (name, folded))
        add_match (matches, na_country_get_code (country));
    }
  add_matches (matches, g_hash_table_lookup (iso->names, folded));
  if (matches->len == 0)
    add_matches (matches, g_hash_table_lookup (iso->first_parts, folded));
}

/**
 * na_country_parse_list:
 * @text: (nullable): countries as a user typed them, separated by commas or semicolons:
 *   alpha-3 or alpha-2 codes or English names (ISO's, their natural order, or the common
 *   one: "Turkey", "Russia"), in any case
 * @countries: (nullable): the library's #NaCountry items, whose names count too
 * @unknown: (out) (optional): the entries that name no country
 * @ambiguous: (out) (optional): the entries that name more than one
 *
 * Reads a list of countries into ISO 3166-1 alpha-3 codes, each once, in the order typed.
 * The list is valid when @unknown and @ambiguous come back empty.
 *
 * Returns: (transfer full): the codes of the entries that name one country
 */
char **
na_country_parse_list (const char   *text,
                       GListModel   *countries,
                       char       ***unknown,
                       char       ***ambiguous)
{
  g_auto(GStrv) entries = na_split_list (text);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) unknown_b = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) ambiguous_b = g_strv_builder_new ();

  g_return_val_if_fail (countries == NULL || G_IS_LIST_MODEL (countries), NULL);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_free);

      match_country (entries[i], countries, matches);
      if (matches->len == 1)
        add_match (codes, g_ptr_array_index (matches, 0));
      else
        g_strv_builder_add (matches->len == 0 ? unknown_b : ambiguous_b, entries[i]);
    }
  if (unknown != NULL)
    *unknown = g_strv_builder_end (unknown_b);
  if (ambiguous != NULL)
    *ambiguous = g_strv_builder_end (ambiguous_b);
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}
