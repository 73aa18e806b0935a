/* na-essay.c — a publication with its bibliographic data, after CSL-JSON */
#define G_LOG_DOMAIN "na-essay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "na-util.h"
#include "na-essay.h"

struct _NaEssay
{
  GObject parent_instance;

  char *id;
  NaEssayKind kind;
  char *title;
  char *subtitle;
  GPtrArray *authors;
  GPtrArray *editors;
  NaDate *issued;
  char *container_title;
  char *publisher;
  char *page;
  char *url;
  char *abstract;
  char **keywords;
  char *note;
  char *source;
};

G_DEFINE_FINAL_TYPE (NaEssay, na_essay, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_AUTHORS,
  PROP_EDITORS,
  PROP_ISSUED,
  PROP_CONTAINER_TITLE,
  PROP_PUBLISHER,
  PROP_PAGE,
  PROP_URL,
  PROP_ABSTRACT,
  PROP_KEYWORDS,
  PROP_NOTE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
na_essay_finalize (GObject *object)
{
  NaEssay *self = (NaEssay *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->issued, na_date_free);
  g_clear_pointer (&self->container_title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->abstract, g_free);
  g_clear_pointer (&self->keywords, g_strfreev);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (na_essay_parent_class)->finalize (object);
}

static void
na_essay_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  NaEssay *self = NA_ESSAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, na_essay_get_id (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, na_essay_get_kind (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, na_essay_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, na_essay_get_subtitle (self));
      break;

    case PROP_AUTHORS:
      g_value_set_boxed (value, na_essay_get_authors (self));
      break;

    case PROP_EDITORS:
      g_value_set_boxed (value, na_essay_get_editors (self));
      break;

    case PROP_ISSUED:
      g_value_set_boxed (value, na_essay_get_issued (self));
      break;

    case PROP_CONTAINER_TITLE:
      g_value_set_string (value, na_essay_get_container_title (self));
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, na_essay_get_publisher (self));
      break;

    case PROP_PAGE:
      g_value_set_string (value, na_essay_get_page (self));
      break;

    case PROP_URL:
      g_value_set_string (value, na_essay_get_url (self));
      break;

    case PROP_ABSTRACT:
      g_value_set_string (value, na_essay_get_abstract (self));
      break;

    case PROP_KEYWORDS:
      g_value_set_boxed (value, na_essay_get_keywords (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, na_essay_get_note (self));
      break;

    case PROP_SOURCE:
      g_value_set_string (value, na_essay_get_source (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_essay_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  NaEssay *self = NA_ESSAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      na_essay_set_id (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      na_essay_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      na_essay_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE:
      na_essay_set_subtitle (self, g_value_get_string (value));
      break;

    case PROP_AUTHORS:
      na_essay_set_authors (self, g_value_get_boxed (value));
      break;

    case PROP_EDITORS:
      na_essay_set_editors (self, g_value_get_boxed (value));
      break;

    case PROP_ISSUED:
      na_essay_set_issued (self, g_value_get_boxed (value));
      break;

    case PROP_CONTAINER_TITLE:
      na_essay_set_container_title (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHER:
      na_essay_set_publisher (self, g_value_get_string (value));
      break;

    case PROP_PAGE:
      na_essay_set_page (self, g_value_get_string (value));
      break;

    case PROP_URL:
      na_essay_set_url (self, g_value_get_string (value));
      break;

    case PROP_ABSTRACT:
      na_essay_set_abstract (self, g_value_get_string (value));
      break;

    case PROP_KEYWORDS:
      na_essay_set_keywords (self, g_value_get_boxed (value));
      break;

    case PROP_NOTE:
      na_essay_set_note (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      na_essay_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
na_essay_class_init (NaEssayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = na_essay_finalize;
  object_class->get_property = na_essay_get_property;
  object_class->set_property = na_essay_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, "Identifier",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "Kind of publication",
                       NA_TYPE_ESSAY_KIND, NA_ESSAY_KIND_ARTICLE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, "Subtitle",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHORS] =
    g_param_spec_boxed ("authors", NULL, "Authors",
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EDITORS] =
    g_param_spec_boxed ("editors", NULL, "Editors of the container",
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ISSUED] =
    g_param_spec_boxed ("issued", NULL, "Date of publication",
                        NA_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTAINER_TITLE] =
    g_param_spec_string ("container-title", NULL, "Volume, journal or site",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, "Publisher",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PAGE] =
    g_param_spec_string ("page", NULL, "Page range",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, "Web address",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ABSTRACT] =
    g_param_spec_string ("abstract", NULL, "Summary in our words",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KEYWORDS] =
    g_param_spec_boxed ("keywords", NULL, "Keywords",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, "Note for readers",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SOURCE] =
    g_param_spec_string ("source", NULL, "File name of the source text",
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
na_essay_init (NaEssay *self)
{
  self->kind = NA_ESSAY_KIND_ARTICLE;
  self->authors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
  self->editors = g_ptr_array_new_with_free_func ((GDestroyNotify) na_name_free);
}

NaEssay *
na_essay_new (void)
{
  return g_object_new (NA_TYPE_ESSAY, NULL);
}

const char *
na_essay_get_id (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->id;
}

void
na_essay_set_id (NaEssay *self,
                 const char *id)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

NaEssayKind
na_essay_get_kind (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), 0);

  return self->kind;
}

void
na_essay_set_kind (NaEssay *self,
                   NaEssayKind kind)
{
  g_return_if_fail (NA_ESSAY (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

const char *
na_essay_get_title (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->title;
}

void
na_essay_set_title (NaEssay *self,
                    const char *title)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
na_essay_get_subtitle (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->subtitle;
}

void
na_essay_set_subtitle (NaEssay *self,
                       const char *subtitle)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->subtitle, subtitle))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
}

GPtrArray *
na_essay_get_authors (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->authors;
}

void
na_essay_set_authors (NaEssay *self,
                      GPtrArray *authors)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_names_equal (self->authors, authors))
    return;

  g_ptr_array_set_size (self->authors, 0);
  for (guint i = 0; authors != NULL && i < authors->len; i++)
    g_ptr_array_add (self->authors, na_name_copy (g_ptr_array_index (authors, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTHORS]);
}

GPtrArray *
na_essay_get_editors (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->editors;
}

void
na_essay_set_editors (NaEssay *self,
                      GPtrArray *editors)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_names_equal (self->editors, editors))
    return;

  g_ptr_array_set_size (self->editors, 0);
  for (guint i = 0; editors != NULL && i < editors->len; i++)
    g_ptr_array_add (self->editors, na_name_copy (g_ptr_array_index (editors, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EDITORS]);
}

const NaDate *
na_essay_get_issued (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->issued;
}

void
na_essay_set_issued (NaEssay *self,
                     const NaDate *issued)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_date_equal (self->issued, issued))
    return;

  g_clear_pointer (&self->issued, na_date_free);
  if (issued != NULL)
    self->issued = na_date_copy (issued);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ISSUED]);
}

const char *
na_essay_get_container_title (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->container_title;
}

void
na_essay_set_container_title (NaEssay *self,
                              const char *container_title)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->container_title, container_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTAINER_TITLE]);
}

const char *
na_essay_get_publisher (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->publisher;
}

void
na_essay_set_publisher (NaEssay *self,
                        const char *publisher)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUBLISHER]);
}

const char *
na_essay_get_page (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->page;
}

void
na_essay_set_page (NaEssay *self,
                   const char *page)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->page, page))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}

const char *
na_essay_get_url (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->url;
}

void
na_essay_set_url (NaEssay *self,
                  const char *url)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_URL]);
}

const char *
na_essay_get_abstract (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->abstract;
}

void
na_essay_set_abstract (NaEssay *self,
                       const char *abstract)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->abstract, abstract))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ABSTRACT]);
}

const char * const *
na_essay_get_keywords (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return (const char * const *) self->keywords;
}

void
na_essay_set_keywords (NaEssay *self,
                       const char * const *keywords)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_strv_equal0 ((const char * const *) self->keywords, keywords))
    return;

  g_strfreev (self->keywords);
  self->keywords = g_strdupv ((char **) keywords);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KEYWORDS]);
}

const char *
na_essay_get_note (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->note;
}

void
na_essay_set_note (NaEssay *self,
                   const char *note)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}

const char *
na_essay_get_source (NaEssay *self)
{
  g_return_val_if_fail (NA_ESSAY (self), NULL);

  return self->source;
}

void
na_essay_set_source (NaEssay *self,
                     const char *source)
{
  g_return_if_fail (NA_ESSAY (self));

  if (na_set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
}

char *
na_essay_dup_authors_display (NaEssay *self)
{
  g_return_val_if_fail (NA_IS_ESSAY (self), NULL);

  return na_names_dup_display (self->authors);
}

/* Whether the first @len bytes of @text end in a stop of their own, after which a citation
 * adds no period: "Can it last?" rather than "Can it last?." */
static gboolean
ends_in_stop (const char *text,
              gsize       len)
{
  const char *last;

  if (len == 0)
    return FALSE;

  last = g_utf8_find_prev_char (text, text + len);
  return strchr ("?!.", *last) != NULL || strncmp (last, "…", text + len - last) == 0;
}

static gboolean
title_has_end_punctuation (const char *title)
{
  if (title == NULL)
    return FALSE;

  return ends_in_stop (title, strlen (title)) || g_str_has_suffix (title, ":");
}

/* "Title: Subtitle", the form citations use. */
char *
na_essay_dup_full_title (NaEssay *self)
{
  g_return_val_if_fail (NA_IS_ESSAY (self), NULL);

  if (self->subtitle == NULL || self->subtitle[0] == '\0')
    return g_strdup (self->title);

  /* A title that ends in its own punctuation takes no colon: "Is it?: No" reads wrong. */
  if (title_has_end_punctuation (self->title))
    return g_strdup_printf ("%s %s", self->title, self->subtitle);

  return g_strdup_printf ("%s: %s", self->title, self->subtitle);
}

int
na_essay_get_year (NaEssay *self)
{
  g_return_val_if_fail (NA_IS_ESSAY (self), 0);

  return self->issued != NULL ? self->issued->year : 0;
}

/* Orders newest first, then by title, as the library's list does "By Date". */
int
na_essay_compare_newest_first (NaEssay *a,
                               NaEssay *b)
{
  int cmp;

  g_return_val_if_fail (NA_IS_ESSAY (a), 0);
  g_return_val_if_fail (NA_IS_ESSAY (b), 0);

  cmp = na_date_compare (b->issued, a->issued);
  return cmp != 0 ? cmp : g_utf8_collate (a->title ? a->title : "", b->title ? b->title : "");
}

/* "Chan Arthur\nLee Mina": family names first, as a catalogue files people, so "Arthur
 * Chan" goes under C; one author per line, so a sole author comes before the same author
 * with others. */
static char *
dup_author_sort_key (NaEssay *self)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; self->authors != NULL && i < self->authors->len; i++)
    {
      const NaName *name = g_ptr_array_index (self->authors, i);

      if (i > 0)
        g_string_append_c (key, '\n');
      g_string_append (key, name->family ? name->family : "");
      g_string_append_c (key, ' ');
      g_string_append (key, name->given ? name->given : "");
    }
  return g_string_free (key, FALSE);
}

/* Orders by the authors' family names, then newest first: the library's list "By Author",
 * and any other list that names essays by their authors. */
int
na_essay_compare_by_author (NaEssay *a,
                            NaEssay *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  int cmp;

  g_return_val_if_fail (NA_IS_ESSAY (a), 0);
  g_return_val_if_fail (NA_IS_ESSAY (b), 0);

  x = dup_author_sort_key (a);
  y = dup_author_sort_key (b);
  cmp = g_utf8_collate (x, y);
  return cmp != 0 ? cmp : na_essay_compare_newest_first (a, b);
}

/* @text followed by a period, unless it ends in a stop of its own. */
static void
append_sentence (GString    *str,
                 const char *text)
{
  g_string_append (str, text);
  if (!ends_in_stop (text, strlen (text)))
    g_string_append_c (str, '.');
}

/* A citation quotes the title, so the title's own double quotes become single ones, as quotes
 * within quotes do; @ends_quoted says whether the title ends in one. */
static char *
dup_nested_quotes (const char *title,
                   gboolean   *ends_quoted)
{
  GString *str = g_string_sized_new (strlen (title) + 8);
  gunichar prev = 0;

  *ends_quoted = FALSE;
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      *ends_quoted = c == '"' || c == 0x201C || c == 0x201D;
      /* A straight quote opens at the start of a word, closes anywhere else. */
      if (c == '"')
        c = prev == 0 || g_unichar_isspace (prev)
            || g_unichar_type (prev) == G_UNICODE_OPEN_PUNCTUATION
            || g_unichar_type (prev) == G_UNICODE_DASH_PUNCTUATION ? 0x201C : 0x201D;
      if (c == 0x201C)
        c = 0x2018;
      else if (c == 0x201D)
        c = 0x2019;
      g_string_append_unichar (str, c);
      prev = c;
    }
  return g_string_free (str, FALSE);
}

/* “Title.” — the period inside a closing quote that ends the title, as in “Beyond ‘Pivots.’”,
 * and none after a title that ends in its own stop. */
static void
append_quoted_title (GString    *str,
                     const char *title)
{
  gboolean ends_quoted;
  g_autofree char *inner = dup_nested_quotes (title ? title : "", &ends_quoted);
  gsize end = strlen (inner) - (ends_quoted ? strlen ("’") : 0);

  g_string_append (str, "“");
  g_string_append_len (str, inner, end);
  if (!ends_in_stop (inner, end))
    g_string_append_c (str, '.');
  g_string_append (str, inner + end);
  g_string_append (str, "”");
}

/* A plain-text citation in author–date style: Authors (Date). "Title." Container. Publisher,
 * pages. URL — every citation NatoAsia shows or exports is made here. */
char *
na_essay_dup_citation (NaEssay *self)
{
  g_autofree char *authors = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  GString *str;

  g_return_val_if_fail (NA_IS_ESSAY (self), NULL);

  authors = na_essay_dup_authors_display (self);
  date = na_date_dup_display (self->issued);
  title = na_essay_dup_full_title (self);

  str = g_string_new (NULL);
  g_string_append_printf (str, "%s (%s). ", authors, date);
  append_quoted_title (str, title);
  if (self->container_title != NULL)
    {
      /* Translators: the volume or journal an essay appeared in, in a citation; a period
       * follows unless the volume's name ends in its own */
      g_autofree char *in = g_strdup_printf (_(" In %s"), self->container_title);

      append_sentence (str, in);
    }
  if (self->publisher != NULL)
    {
      g_string_append_c (str, ' ');
      append_sentence (str, self->publisher);
    }
  if (self->page != NULL)
    /* Translators: a page range in a citation */
    g_string_append_printf (str, _(" pp. %s."), self->page);
  if (self->url != NULL)
    g_string_append_printf (str, " %s", self->url);

  return g_string_free (str, FALSE);
}

/* Whether @url is an absolute http or https address with a host: one a browser can open, as
 * an essay's link must be. */
gboolean
na_essay_url_is_web (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *host;

  if (url == NULL)
    return FALSE;
  /* GUri lets a space through in the host; no address has one unescaped. */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      return FALSE;
  if ((uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL)) == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
         && host != NULL && *host != '\0';
}
