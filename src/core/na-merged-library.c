/* na-merged-library.c — a library kept merged with the user's analysis as both change
 *
 * The views that show the analysis (the comparison, the map) show the user's part too: this
 * object holds the library and the user store, and :merged is na_user_analysis_merge() of the
 * two, made again when either is replaced (at once) or the store changes (once per burst of
 * edits, on an idle: an undo of several steps or a load brings many "changed").
 */
#define G_LOG_DOMAIN "na-merged-library"

#include "config.h"

#include "na-merged-library.h"
#include "na-user-analysis.h"

struct _NaMergedLibrary
{
  GObject      parent_instance;

  NaLibrary   *library;
  NaUserStore *store;
  NaLibrary   *merged;
  guint        idle_id;
};

G_DEFINE_FINAL_TYPE (NaMergedLibrary, na_merged_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_USER_STORE,
  PROP_MERGED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

NaMergedLibrary *
na_merged_library_new (void)
{
  return g_object_new (NA_TYPE_MERGED_LIBRARY, NULL);
}

static void
remerge (NaMergedLibrary *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->merged);
  if (self->library != NULL && self->store != NULL)
    self->merged = na_user_analysis_merge (self->library, self->store);
  else if (self->library != NULL)
    self->merged = g_object_ref (self->library);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MERGED]);
}

static gboolean
remerge_idle (gpointer user_data)
{
  NaMergedLibrary *self = user_data;

  self->idle_id = 0;
  remerge (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (NaMergedLibrary *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (remerge_idle, self);
}

NaLibrary *
na_merged_library_get_library (NaMergedLibrary *self)
{
  g_return_val_if_fail (NA_IS_MERGED_LIBRARY (self), NULL);
  return self->library;
}

void
na_merged_library_set_library (NaMergedLibrary *self,
                               NaLibrary       *library)
{
  g_return_if_fail (NA_IS_MERGED_LIBRARY (self));
  g_return_if_fail (!library || NA_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;
  remerge (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
}

NaUserStore *
na_merged_library_get_user_store (NaMergedLibrary *self)
{
  g_return_val_if_fail (NA_IS_MERGED_LIBRARY (self), NULL);
  return self->store;
}

void
na_merged_library_set_user_store (NaMergedLibrary *self,
                                  NaUserStore     *store)
{
  g_return_if_fail (NA_IS_MERGED_LIBRARY (self));
  g_return_if_fail (!store || NA_IS_USER_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  remerge (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_STORE]);
}

/**
 * na_merged_library_get_merged:
 *
 * Returns: (transfer none) (nullable): the library with the user's analysis merged in (the
 *   library itself without a store), %NULL without a library
 */
NaLibrary *
na_merged_library_get_merged (NaMergedLibrary *self)
{
  g_return_val_if_fail (NA_IS_MERGED_LIBRARY (self), NULL);
  return self->merged;
}

static void
na_merged_library_dispose (GObject *object)
{
  NaMergedLibrary *self = NA_MERGED_LIBRARY (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->merged);

  G_OBJECT_CLASS (na_merged_library_parent_class)->dispose (object);
}

static void
na_merged_library_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NaMergedLibrary *self = NA_MERGED_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_USER_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MERGED:
      g_value_set_object (value, self->merged);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_merged_library_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NaMergedLibrary *self = NA_MERGED_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      na_merged_library_set_library (self, g_value_get_object (value));
      break;

    case PROP_USER_STORE:
      na_merged_library_set_user_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_merged_library_class_init (NaMergedLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = na_merged_library_dispose;
  object_class->get_property = na_merged_library_get_property;
  object_class->set_property = na_merged_library_set_property;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, "The library", NA_TYPE_LIBRARY, flags);
  properties [PROP_USER_STORE] =
    g_param_spec_object ("user-store", NULL, "The user's data", NA_TYPE_USER_STORE, flags);
  properties [PROP_MERGED] =
    g_param_spec_object ("merged", NULL, "The library with the user's analysis merged in",
                         NA_TYPE_LIBRARY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_merged_library_init (NaMergedLibrary *self)
{
}
