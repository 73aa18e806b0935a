/* na-anchor.c — where a passage sits in a source, after the W3C Web Annotation selectors */
#define G_LOG_DOMAIN "na-anchor"

#include "config.h"

#include "na-arena.h"
#include "na-model-private.h"
#include "na-util.h"
#include "na-anchor.h"

struct _NaAnchor
{
  GObject parent_instance;

  char *exact;
  char *prefix;
  char *suffix;
  int start;
  int end;
  int page;

  /* Owned reference: holds the strings of a loaded item (see na-arena.h) */
  NaArena *arena;
};

G_DEFINE_FINAL_TYPE (NaAnchor, na_anchor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXACT,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_START,
  PROP_END,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
na_anchor_finalize (GObject *object)
{
  NaAnchor *self = (NaAnchor *)object;

  na_arena_clear_string (self->arena, &self->exact);
  na_arena_clear_string (self->arena, &self->prefix);
  na_arena_clear_string (self->arena, &self->suffix);

  g_clear_pointer (&self->arena, na_arena_unref);

  G_OBJECT_CLASS (na_anchor_parent_class)->finalize (object);
}

static void
na_anchor_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NaAnchor *self = NA_ANCHOR (object);

  switch (prop_id)
    {
    case PROP_EXACT:
      g_value_set_string (value, na_anchor_get_exact (self));
      break;

    case PROP_PREFIX:
      g_value_set_string (value, na_anchor_get_prefix (self));
      break;

    case PROP_SUFFIX:
      g_value_set_string (value, na_anchor_get_suffix (self));
      break;

    case PROP_START:
      g_value_set_int (value, na_anchor_get_start (self));
      break;

    case PROP_END:
      g_value_set_int (value, na_anchor_get_end (self));
      break;

    case PROP_PAGE:
      g_value_set_int (value, na_anchor_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_anchor_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  NaAnchor *self = NA_ANCHOR (object);

  switch (prop_id)
    {
    case PROP_EXACT:
      na_anchor_set_exact (self, g_value_get_string (value));
      break;

    case PROP_PREFIX:
      na_anchor_set_prefix (self, g_value_get_string (value));
      break;

    case PROP_SUFFIX:
      na_anchor_set_suffix (self, g_value_get_string (value));
      break;

    case PROP_START:
      na_anchor_set_start (self, g_value_get_int (value));
      break;

    case PROP_END:
      na_anchor_set_end (self, g_value_get_int (value));
      break;

    case PROP_PAGE:
      na_anchor_set_page (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_anchor_class_init (NaAnchorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_anchor_finalize;
  object_class->get_property = na_anchor_get_property;
  object_class->set_property = na_anchor_set_property;

  properties [PROP_EXACT] =
    g_param_spec_string ("exact", NULL, "The exact quote",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, "Text before the quote",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUFFIX] =
    g_param_spec_string ("suffix", NULL, "Text after the quote",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_START] =
    g_param_spec_int ("start", NULL, "Character offset of the start, or -1",
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_END] =
    g_param_spec_int ("end", NULL, "Character offset past the end, or -1",
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PAGE] =
    g_param_spec_int ("page", NULL, "Page number, or 0 when unknown",
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_anchor_init (NaAnchor *self)
{
  self->start = -1;
  self->end = -1;
}

NaAnchor *
na_anchor_new (void)
{
  return g_object_new (NA_TYPE_ANCHOR, NULL);
}

const char *
na_anchor_get_exact (NaAnchor *self)
{
  g_return_val_if_fail (NA_ANCHOR (self), NULL);

  return self->exact;
}

void
na_anchor_set_exact (NaAnchor *self,
                     const char *exact)
{
  g_return_if_fail (NA_ANCHOR (self));

  if (na_arena_set_string (self->arena, &self->exact, exact))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXACT]);
}

const char *
na_anchor_get_prefix (NaAnchor *self)
{
  g_return_val_if_fail (NA_ANCHOR (self), NULL);

  return self->prefix;
}

void
na_anchor_set_prefix (NaAnchor *self,
                      const char *prefix)
{
  g_return_if_fail (NA_ANCHOR (self));

  if (na_arena_set_string (self->arena, &self->prefix, prefix))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREFIX]);
}

const char *
na_anchor_get_suffix (NaAnchor *self)
{
  g_return_val_if_fail (NA_ANCHOR (self), NULL);

  return self->suffix;
}

void
na_anchor_set_suffix (NaAnchor *self,
                      const char *suffix)
{
  g_return_if_fail (NA_ANCHOR (self));

  if (na_arena_set_string (self->arena, &self->suffix, suffix))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUFFIX]);
}

int
na_anchor_get_start (NaAnchor *self)
{
  g_return_val_if_fail (NA_ANCHOR (self), 0);

  return self->start;
}

void
na_anchor_set_start (NaAnchor *self,
                     int start)
{
  g_return_if_fail (NA_ANCHOR (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
}

int
na_anchor_get_end (NaAnchor *self)
{
  g_return_val_if_fail (NA_ANCHOR (self), 0);

  return self->end;
}

void
na_anchor_set_end (NaAnchor *self,
                   int end)
{
  g_return_if_fail (NA_ANCHOR (self));

  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END]);
}

int
na_anchor_get_page (NaAnchor *self)
{
  g_return_val_if_fail (NA_ANCHOR (self), 0);

  return self->page;
}

void
na_anchor_set_page (NaAnchor *self,
                    int page)
{
  g_return_if_fail (NA_ANCHOR (self));

  if (self->page == page)
    return;

  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}

NaAnchor *
_na_anchor_new_take (NaArena *arena,
                     char    *exact,
                     char    *prefix,
                     char    *suffix,
                     int      start,
                     int      end,
                     int      page)
{
  NaAnchor *self = g_object_new (NA_TYPE_ANCHOR, NULL);

  self->arena = arena ? na_arena_ref (arena) : NULL;

  self->exact = exact;
  self->prefix = prefix;
  self->suffix = suffix;
  self->start = start;
  self->end = end;
  self->page = page;
  return self;
}

/* Makes the anchor of a loaded item the first time it is asked for: most never are while a
 * large library loads, and a quarter of a million GObjects is a fifth of the load time. Safe
 * when two threads ask at once. */
NaAnchor *
_na_anchor_ensure (NaAnchor           **anchor,
                   NaArena             *arena,
                   const NaAnchorData  *data)
{
  NaAnchor *made;

  if (g_atomic_pointer_get (anchor) != NULL || data == NULL)
    return g_atomic_pointer_get (anchor);

  made = _na_anchor_new_take (arena, data->exact, data->prefix, data->suffix, data->start,
                              data->end, data->page);
  if (!g_atomic_pointer_compare_and_exchange (anchor, NULL, made))
    g_object_unref (made);
  return g_atomic_pointer_get (anchor);
}
