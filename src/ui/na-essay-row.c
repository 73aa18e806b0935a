/* na-essay-row.c — one essay in the library list: title, authors, year, kind and venue */
#define G_LOG_DOMAIN "na-essay-row"

#include "config.h"

#include <glib/gi18n.h>

#include "na-essay-row.h"

struct _NaEssayRow
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkLabel  *title_label;
  GtkLabel  *authors_label;
  GtkLabel  *details_label;

  /* Owned references */
  NaEssay   *essay;
};

G_DEFINE_FINAL_TYPE (NaEssayRow, na_essay_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ESSAY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update (NaEssayRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *authors = NULL;
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  const char *venue;

  if (self->essay == NULL)
    return;

  title = na_essay_dup_full_title (self->essay);
  authors = na_essay_dup_authors_display (self->essay);
  date = na_date_dup_display (na_essay_get_issued (self->essay));
  venue = na_essay_get_container_title (self->essay);
  if (venue == NULL)
    venue = na_essay_get_publisher (self->essay);

  if (venue != NULL)
    details = g_strdup_printf ("%s · %s · %s", date,
                               na_essay_kind_to_label (na_essay_get_kind (self->essay)), venue);
  else
    details = g_strdup_printf ("%s · %s", date,
                               na_essay_kind_to_label (na_essay_get_kind (self->essay)));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->authors_label, authors);
  gtk_label_set_text (self->details_label, details);

  /* Translators: how a screen reader announces a row: title, authors, details */
  accessible = g_strdup_printf (_("%s, by %s, %s"), title, authors, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

NaEssay *
na_essay_row_get_essay (NaEssayRow *self)
{
  g_return_val_if_fail (NA_IS_ESSAY_ROW (self), NULL);

  return self->essay;
}

void
na_essay_row_set_essay (NaEssayRow *self,
                        NaEssay    *essay)
{
  g_return_if_fail (NA_IS_ESSAY_ROW (self));

  if (!g_set_object (&self->essay, essay))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ESSAY]);
}

static void
na_essay_row_dispose (GObject *object)
{
  NaEssayRow *self = (NaEssayRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NA_TYPE_ESSAY_ROW);
  g_clear_object (&self->essay);

  G_OBJECT_CLASS (na_essay_row_parent_class)->dispose (object);
}

static void
na_essay_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NaEssayRow *self = NA_ESSAY_ROW (object);

  switch (prop_id)
    {
    case PROP_ESSAY:
      g_value_set_object (value, self->essay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_essay_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NaEssayRow *self = NA_ESSAY_ROW (object);

  switch (prop_id)
    {
    case PROP_ESSAY:
      na_essay_row_set_essay (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_essay_row_class_init (NaEssayRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = na_essay_row_dispose;
  object_class->get_property = na_essay_row_get_property;
  object_class->set_property = na_essay_row_set_property;

  properties [PROP_ESSAY] =
    g_param_spec_object ("essay", NULL, "The essay shown",
                         NA_TYPE_ESSAY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/NatoAsia/na-essay-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NaEssayRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, NaEssayRow, authors_label);
  gtk_widget_class_bind_template_child (widget_class, NaEssayRow, details_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
na_essay_row_init (NaEssayRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
