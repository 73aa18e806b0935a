/* na-essay-page.c — the bibliographic page of one essay */
#define G_LOG_DOMAIN "na-essay-page"

#include "config.h"

#include <glib/gi18n.h>

#include "na-essay-page.h"

struct _NaEssayPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel          *kind_label;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkLabel          *authors_label;
  AdwActionRow      *date_row;
  AdwActionRow      *venue_row;
  AdwActionRow      *editors_row;
  AdwActionRow      *publisher_row;
  AdwActionRow      *pages_row;
  AdwActionRow      *link_row;
  GtkWidget         *link_button;
  AdwActionRow      *analysis_row;
  GtkWidget         *note_box;
  GtkLabel          *note_label;
  GtkWidget         *abstract_box;
  GtkLabel          *abstract_label;
  GtkWidget         *keywords_box;
  GtkFlowBox        *keywords_flow;

  /* Owned references */
  NaEssay           *essay;
  NaLibrary         *library;
};

G_DEFINE_FINAL_TYPE (NaEssayPage, na_essay_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ESSAY,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Shows @row with @text as its value, or hides it when there is nothing to say. */
static void
set_row (AdwActionRow *row,
         const char   *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  adw_action_row_set_subtitle (row, has_text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), has_text);
}

static void
set_label (GtkLabel   *label,
           GtkWidget  *container,
           const char *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (container ? container : GTK_WIDGET (label), has_text);
}

/* "Jane Doe (Univ. A) and John Roe", keeping each author's affiliation beside their name. */
static char *
dup_byline (GPtrArray *authors)
{
  GString *str = g_string_new (NULL);

  if (authors == NULL || authors->len == 0)
    return g_strdup (_("Author not named in the source"));

  for (guint i = 0; i < authors->len; i++)
    {
      NaName *name = g_ptr_array_index (authors, i);
      g_autofree char *display = na_name_dup_display (name);

      if (i > 0)
        g_string_append (str, i == authors->len - 1 ? _(" and ") : ", ");
      g_string_append (str, display);
      if (name->affiliation != NULL)
        g_string_append_printf (str, " (%s)", name->affiliation);
    }

  return g_string_free (str, FALSE);
}

static char *
dup_analysis_summary (NaEssayPage *self)
{
  g_autoptr(GListModel) arguments = NULL;
  g_autoptr(GListModel) recommendations = NULL;
  g_autoptr(GHashTable) questions = g_hash_table_new (g_str_hash, g_str_equal);
  const char *id = na_essay_get_id (self->essay);
  guint n_args, n_recs, n_questions;
  g_autofree char *args_text = NULL;
  g_autofree char *questions_text = NULL;
  g_autofree char *recs_text = NULL;

  arguments = na_library_dup_arguments (self->library, id, NULL, NULL);
  recommendations = na_library_dup_recommendations (self->library, id, NULL, NULL);
  n_args = g_list_model_get_n_items (arguments);
  n_recs = g_list_model_get_n_items (recommendations);
  for (guint i = 0; i < n_args; i++)
    {
      g_autoptr(NaArgument) arg = g_list_model_get_item (arguments, i);

      g_hash_table_add (questions, (gpointer) na_argument_get_question_id (arg));
    }

  n_questions = g_hash_table_size (questions);
  args_text = g_strdup_printf (ngettext ("%u argument", "%u arguments", n_args), n_args);
  /* Translators: follows "N arguments" */
  questions_text = g_strdup_printf (ngettext ("on %u question", "on %u questions", n_questions),
                                    n_questions);
  recs_text = g_strdup_printf (ngettext ("%u recommendation", "%u recommendations", n_recs),
                               n_recs);
  return g_strdup_printf ("%s %s · %s", args_text, questions_text, recs_text);
}

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static void
update (NaEssayPage *self)
{
  g_autofree char *byline = NULL;
  g_autofree char *date = NULL;
  g_autofree char *editors = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *kind = NULL;
  const char * const *keywords;

  clear_flow_box (self->keywords_flow);
  if (self->essay == NULL)
    return;

  kind = g_utf8_strup (na_essay_kind_to_label (na_essay_get_kind (self->essay)), -1);
  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->title_label, na_essay_get_title (self->essay));
  set_label (self->subtitle_label, NULL, na_essay_get_subtitle (self->essay));
  byline = dup_byline (na_essay_get_authors (self->essay));
  gtk_label_set_text (self->authors_label, byline);

  date = na_date_dup_display (na_essay_get_issued (self->essay));
  set_row (self->date_row, date);
  set_row (self->venue_row, na_essay_get_container_title (self->essay));
  if (na_essay_get_editors (self->essay)->len > 0)
    editors = na_names_dup_display (na_essay_get_editors (self->essay));
  set_row (self->editors_row, editors);
  set_row (self->publisher_row, na_essay_get_publisher (self->essay));
  set_row (self->pages_row, na_essay_get_page (self->essay));
  set_row (self->link_row, na_essay_get_url (self->essay));
  if (self->library != NULL)
    summary = dup_analysis_summary (self);
  set_row (self->analysis_row, summary);

  set_label (self->note_label, self->note_box, na_essay_get_note (self->essay));
  set_label (self->abstract_label, self->abstract_box, na_essay_get_abstract (self->essay));

  keywords = na_essay_get_keywords (self->essay);
  gtk_widget_set_visible (self->keywords_box, keywords != NULL && keywords[0] != NULL);
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    {
      GtkWidget *pill = gtk_label_new (keywords[i]);

      gtk_widget_add_css_class (pill, "keyword");
      gtk_flow_box_append (self->keywords_flow, pill);
    }

  /* A new essay starts at its top, not where the previous one was scrolled to. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

NaEssay *
na_essay_page_get_essay (NaEssayPage *self)
{
  g_return_val_if_fail (NA_IS_ESSAY_PAGE (self), NULL);

  return self->essay;
}

void
na_essay_page_set_essay (NaEssayPage *self,
                         NaEssay     *essay)
{
  gboolean web;

  g_return_if_fail (NA_IS_ESSAY_PAGE (self));
  g_return_if_fail (!essay || NA_IS_ESSAY (essay));

  if (!g_set_object (&self->essay, essay))
    return;

  update (self);
  /* A link saved before links were checked may be no address at all: shown, not opened. */
  web = essay != NULL && na_essay_url_is_web (na_essay_get_url (essay));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-link", web);
  gtk_widget_set_visible (self->link_button, web);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ESSAY]);
}

void
na_essay_page_set_library (NaEssayPage *self,
                           NaLibrary   *library)
{
  g_return_if_fail (NA_IS_ESSAY_PAGE (self));

  if (!g_set_object (&self->library, library))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NaEssayPage *self = NA_ESSAY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->essay != NULL && na_essay_url_is_web (na_essay_get_url (self->essay)))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                  na_essay_get_url (self->essay), GDK_CURRENT_TIME);
}

static void
na_essay_page_dispose (GObject *object)
{
  NaEssayPage *self = (NaEssayPage *)object;

  /* The bin's child is a bound template child: let go of it before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NA_TYPE_ESSAY_PAGE);
  g_clear_object (&self->essay);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (na_essay_page_parent_class)->dispose (object);
}

static void
na_essay_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NaEssayPage *self = NA_ESSAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ESSAY:
      g_value_set_object (value, self->essay);
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_essay_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NaEssayPage *self = NA_ESSAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ESSAY:
      na_essay_page_set_essay (self, g_value_get_object (value));
      break;

    case PROP_LIBRARY:
      na_essay_page_set_library (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_essay_page_class_init (NaEssayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = na_essay_page_dispose;
  object_class->get_property = na_essay_page_get_property;
  object_class->set_property = na_essay_page_set_property;

  properties [PROP_ESSAY] =
    g_param_spec_object ("essay", NULL, "The essay shown",
                         NA_TYPE_ESSAY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, "The library the essay belongs to",
                         NA_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/NatoAsia/na-essay-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, authors_label);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, editors_row);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, pages_row);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, link_row);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, link_button);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, analysis_row);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, note_box);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, abstract_box);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, abstract_label);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, keywords_box);
  gtk_widget_class_bind_template_child (widget_class, NaEssayPage, keywords_flow);

  gtk_widget_class_install_action (widget_class, "page.open-link", NULL, open_link_action);
}

static void
na_essay_page_init (NaEssayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
