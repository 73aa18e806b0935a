/* test-export.c — comparison summaries read back in every format: Markdown tables split and
 * unescaped, HTML parsed as XML (libxml2), CSV with an RFC 4180 reader written here, JSON with
 * json-glib, PDF text with poppler; hostile strings (markup, pipes, quotes, commas, line
 * breaks) must come out inert and intact. Also `natoasia --export-comparison`. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <poppler.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#include <string.h>
#include <sys/wait.h>

#include "na-export.h"
#include "na-user-store.h"
#include "comparison-fixture.h"

#define HOSTILE_NOTE "<script>alert(\"x\")</script> | a, \"b\"\nsecond line & more"
#define HOSTILE_CLAIM \
  "Claim with <script>alert(1)</script>, a | pipe and \"quotes\"\nover two lines"
/* The hostile essay's citation: its title's double quotes nested as single ones, and no
 * period after its question mark. */
#define HOSTILE_CITATION \
  "Alex Alpha (2019). “Alpha <b>bold</b> & ‘co’, | one\nline two?” In Fixture Papers."
#define QUESTION_NOTE "Question note: ask \"who\", then\r\nwhy, twice"

static GHashTable *
hostile_notes (void)
{
  GHashTable *notes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (notes, "e1-a1", HOSTILE_NOTE);
  g_hash_table_insert (notes, "e2", "Essay note, with \"quotes\"");
  g_hash_table_insert (notes, "e1-r1", HOSTILE_NOTE);
  g_hash_table_insert (notes, "q2", QUESTION_NOTE);
  return notes;
}

static GBytes *
export_fixture (NaExportFormat   format,
                NaComparison   **out_cmp)
{
  g_autoptr(NaLibrary) library = fixture_library (TRUE);
  g_autoptr(GHashTable) notes = hostile_notes ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 14, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  NaComparison *cmp = na_comparison_new (library, NULL, NULL, &error);
  NaExportOptions options = { "Hostile <title> | test", date, notes, NA_PAPER_A4 };
  GBytes *bytes;

  g_assert_no_error (error);
  bytes = na_export_comparison (cmp, format, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  *out_cmp = cmp;
  return bytes;
}

/* ---- Markdown ---- */

/* Splits a pipe-table row on unescaped '|' and undoes md escaping in each cell. */
static GPtrArray *
md_split_row (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  GString *cell = NULL;

  g_assert_true (line[0] == '|');
  for (const char *p = line + 1; *p; p++)
    {
      if (cell == NULL)
        cell = g_string_new (NULL);
      if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        g_string_append_c (cell, *++p);
      else if (*p == '|')
        {
          g_strstrip (cell->str);
          g_string_set_size (cell, strlen (cell->str));
          g_ptr_array_add (cells, g_string_free (g_steal_pointer (&cell), FALSE));
        }
      else if (g_str_has_prefix (p, "<br>"))
        {
          g_string_append_c (cell, '\n');
          p += 3;
        }
      else
        g_string_append_c (cell, *p);
    }
  g_assert_true (cell == NULL || *g_strstrip (cell->str) == '\0');
  if (cell)
    g_string_free (cell, TRUE);
  return cells;
}

static void
test_markdown (void)
{
  g_autoptr(NaComparison) cmp = NULL;
  g_autoptr(GBytes) bytes = export_fixture (NA_EXPORT_FORMAT_MARKDOWN, &cmp);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint columns = 0, n_rows = 0;
  gboolean claim_found = FALSE, note_found = FALSE, rec_found = FALSE;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  /* No raw markup from the data: every '<' we did not write ourselves is escaped. */
  for (const char *p = strchr (text, '<'); p != NULL; p = strchr (p + 1, '<'))
    g_assert_true ((p > text && p[-1] == '\\') || g_str_has_prefix (p, "<br>"));
  g_assert_nonnull (strstr (text, "\\<script\\>"));
  g_assert_nonnull (strstr (text, "# Hostile \\<title\\> \\| test\n"));
  g_assert_nonnull (strstr (text, "2026-03-14"));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (lines[i][0] != '|')
        {
          columns = 0;
          continue;
        }
      cells = md_split_row (lines[i]);
      if (columns == 0)
        {
          columns = cells->len;
          g_assert_true (g_str_has_prefix (lines[i + 1], "| --- |"));
        }
      /* Every row of a table has the header's number of cells: no pipe escaped. */
      g_assert_cmpuint (cells->len, ==, columns);
      n_rows++;
      for (guint c = 0; c < cells->len; c++)
        {
          const char *cell = cells->pdata[c];

          if (g_str_has_prefix (cell, HOSTILE_CLAIM))
            {
              claim_found = TRUE;
              /* The note follows the claim, intact. */
              g_assert_nonnull (strstr (cell, "Note:* " HOSTILE_NOTE));
              note_found = TRUE;
            }
          if (g_str_has_prefix (cell, "Hold talks | now, \"soon\" <em>please</em>"))
            rec_found = TRUE;
        }
    }
  g_assert_true (claim_found);
  g_assert_true (note_found);
  g_assert_true (rec_found);
  g_assert_cmpuint (n_rows, >, 20);
  /* The sections a summary promises. */
  g_assert_nonnull (strstr (text, "## Essays Compared"));
  g_assert_nonnull (strstr (text, "## Agreement Summary"));
  g_assert_nonnull (strstr (text, "## Closeness"));
  g_assert_nonnull (strstr (text, "### NATO"));
  g_assert_nonnull (strstr (text, "## Countries Concerned"));
  g_assert_nonnull (strstr (text, "Fixture Papers"));   /* full citations */
  g_assert_nonnull (strstr (text, "Alex Alpha (2019). “Alpha \\<b\\>bold\\</b\\> \\& ‘co’, \\| "
                                  "one<br>line two?” In Fixture Papers."));
  g_assert_nonnull (strstr (text, "p. 3"));             /* page of e1-a1 */
}

/* ---- HTML ---- */

static void
collect_html (xmlNode  *node,
              GString  *text,
              guint    *n_elements)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          (*n_elements)++;
          g_assert_cmpstr ((const char *) node->name, !=, "script");
          g_assert_cmpstr ((const char *) node->name, !=, "b");
          g_assert_cmpstr ((const char *) node->name, !=, "em");
          g_assert_cmpstr ((const char *) node->name, !=, "i");
          for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
            g_assert_false (g_str_has_prefix ((const char *) attr->name, "on"));
          if (g_str_equal ((const char *) node->name, "br"))
            g_string_append_c (text, '\n');
        }
      else if (node->type == XML_TEXT_NODE)
        g_string_append (text, (const char *) node->content);
      collect_html (node->children, text, n_elements);
    }
}

static void
test_html (void)
{
  g_autoptr(NaComparison) cmp = NULL;
  g_autoptr(GBytes) bytes = export_fixture (NA_EXPORT_FORMAT_HTML, &cmp);
  const char *data = g_bytes_get_data (bytes, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  xmlDoc *doc;
  guint n_elements = 0;

  /* Strict XML parsing: any unbalanced or unescaped markup fails here. */
  doc = xmlReadMemory (data, g_bytes_get_size (bytes), "summary.html", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "html");
  collect_html (xmlDocGetRootElement (doc), text, &n_elements);
  xmlFreeDoc (doc);

  g_assert_cmpuint (n_elements, >, 50);
  g_assert_nonnull (strstr (text->str, HOSTILE_CLAIM));
  g_assert_nonnull (strstr (text->str, HOSTILE_NOTE));
  g_assert_nonnull (strstr (text->str, HOSTILE_CITATION));
  g_assert_nonnull (strstr (text->str, "Hostile <title> | test"));
  g_assert_nonnull (strstr (text->str, "Essay note, with \"quotes\""));
  /* Self-contained, readable in dark and in print. */
  g_assert_null (strstr (data, "<link"));
  g_assert_null (strstr (data, "src="));
  g_assert_nonnull (strstr (data, "prefers-color-scheme:dark"));
  g_assert_nonnull (strstr (data, "@media print"));
}

/* ---- CSV ---- */

/* An RFC 4180 reader: quoted or bare fields, "" inside quotes, CRLF (or LF) records. */
static GPtrArray *
csv_parse (const char *data,
           gsize       length)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gsize i = 0;

  while (i < length)
    {
      if (data[i] == '"')
        {
          for (i++; ; i++)
            {
              g_assert_cmpuint (i, <, length);   /* unterminated quote */
              if (data[i] == '"' && i + 1 < length && data[i + 1] == '"')
                g_string_append_c (field, data[i++]);
              else if (data[i] == '"')
                break;
              else
                g_string_append_c (field, data[i]);
            }
          i++;
        }
      else
        while (i < length && data[i] != ',' && data[i] != '\r' && data[i] != '\n')
          {
            g_assert_true (data[i] != '"');   /* a quote in a bare field is not RFC 4180 */
            g_string_append_c (field, data[i++]);
          }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (i < length && data[i] == ',')
        i++;
      else
        {
          if (i < length && data[i] == '\r')
            i++;
          g_assert_true (i >= length || data[i] == '\n');
          i++;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static int
column (GPtrArray  *header,
        const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (header->pdata[i], name))
      return i;
  g_assert_not_reached ();
}

static void
test_csv (void)
{
  g_autoptr(NaComparison) cmp = NULL;
  g_autoptr(GBytes) bytes = export_fixture (NA_EXPORT_FORMAT_CSV, &cmp);
  g_autoptr(GPtrArray) rows = csv_parse (g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes));
  GPtrArray *header = rows->pdata[0];
  guint expected = 0, silent = 0;
  gboolean found = FALSE;

  /* One row per essay × question × argument, and one for each silent cell. */
  for (guint e = 0; e < 4; e++)
    for (guint q = 0; q < 4; q++)
      {
        guint n;

        na_comparison_get_arguments (cmp, e, q, &n);
        expected += MAX (n, 1);
      }
  g_assert_cmpuint (rows->len, ==, expected + 1);
  g_assert_cmpuint (header->len, ==, 16);
  /* Columns added later come last, so scripts counting columns find the older ones in place. */
  g_assert_cmpint (column (header, "note"), ==, 13);

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = rows->pdata[r];

      g_assert_cmpuint (row->len, ==, header->len);
      if (g_str_equal (row->pdata[column (header, "position")], "silent"))
        {
          silent++;
          g_assert_cmpstr (row->pdata[column (header, "argument_id")], ==, "");
        }
      /* Notes on the essay (its highlights') and the question repeat on each of their rows,
       * like the citation and the question's title. */
      g_assert_cmpstr (row->pdata[column (header, "essay_note")], ==,
                       g_str_equal (row->pdata[column (header, "essay_id")], "e2")
                       ? "Essay note, with \"quotes\"" : "");
      g_assert_cmpstr (row->pdata[column (header, "question_note")], ==,
                       g_str_equal (row->pdata[column (header, "question_id")], "q2")
                       ? QUESTION_NOTE : "");
      if (g_str_equal (row->pdata[column (header, "argument_id")], "e1-a1"))
        {
          found = TRUE;
          g_assert_cmpstr (row->pdata[column (header, "essay_id")], ==, "e1");
          g_assert_cmpstr (row->pdata[column (header, "question")], ==,
                           "Should <i>NATO</i> | go, \"east\"?");
          g_assert_cmpstr (row->pdata[column (header, "claim")], ==, HOSTILE_CLAIM);
          g_assert_cmpstr (row->pdata[column (header, "grounds")], ==,
                           "Because the fixture says so, with \"quotes\", commas.");
          g_assert_cmpstr (row->pdata[column (header, "note")], ==, HOSTILE_NOTE);
          g_assert_cmpstr (row->pdata[column (header, "page")], ==, "3");
          g_assert_cmpstr (row->pdata[column (header, "stance")], ==, "supports");
          g_assert_cmpstr (row->pdata[column (header, "agreement")], ==, "dissent");
          g_assert_cmpstr (row->pdata[column (header, "countries")], ==, "JPN");
          g_assert_cmpstr (row->pdata[column (header, "essay")], ==, HOSTILE_CITATION);
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (silent, ==, 5);
}

/* ---- JSON ---- */

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

static void
test_json (void)
{
  g_autoptr(NaComparison) cmp = NULL;
  g_autoptr(GBytes) bytes = export_fixture (NA_EXPORT_FORMAT_JSON, &cmp);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *q1, *counts, *closeness, *position, *argument, *aligned;
  JsonArray *essays, *questions, *positions, *recs, *countries, *pairs;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==,
                   "org.example.NatoAsia.comparison");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Hostile <title> | test");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "created"),
                                   "2026-03-14T09:30:00"));

  essays = json_object_get_array_member (root, "essays");
  g_assert_cmpuint (json_array_get_length (essays), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (essays, 1), "id"),
                   ==, "e2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (essays, 1),
                                                  "note"), ==, "Essay note, with \"quotes\"");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (essays, 0),
                                                  "citation"), ==, HOSTILE_CITATION);
  g_assert_false (json_object_has_member (json_array_get_object_element (essays, 0), "note"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "questions"), 1), "note"), ==,
                   QUESTION_NOTE);

  questions = json_object_get_array_member (root, "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 4);
  q1 = json_array_get_object_element (questions, 0);
  g_assert_cmpstr (json_object_get_string_member (q1, "id"), ==, "q1");
  g_assert_cmpstr (json_object_get_string_member (q1, "agreement"), ==, "dissent");
  counts = member_object (q1, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "supports"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "opposes"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "silent"), ==, 1);
  positions = json_object_get_array_member (q1, "positions");
  g_assert_cmpuint (json_array_get_length (positions), ==, 4);
  position = json_array_get_object_element (positions, 0);
  g_assert_cmpstr (json_object_get_string_member (position, "position"), ==, "supports");
  argument = json_array_get_object_element (json_object_get_array_member (position,
                                                                        "arguments"), 0);
  g_assert_cmpstr (json_object_get_string_member (argument, "claim"), ==, HOSTILE_CLAIM);
  g_assert_cmpstr (json_object_get_string_member (argument, "note"), ==, HOSTILE_NOTE);
  g_assert_cmpint (json_object_get_int_member (argument, "page"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (argument, "quote"), ==, "quoted words for e1-a1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (positions, 3),
                                                  "position"), ==, "silent");

  closeness = member_object (root, "closeness");
  aligned = member_object (closeness, "most-aligned");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (aligned,
                                                                               "essays"), 1),
                   ==, "e4");
  g_assert_cmpfloat (json_object_get_double_member (aligned, "closeness"), ==, 1.0);
  pairs = json_object_get_array_member (closeness, "pairs");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 6);

  recs = json_object_get_array_member (root, "recommendations");
  g_assert_cmpuint (json_array_get_length (recs), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (recs, 0), "actor"),
                   ==, "nato");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (recs, 0), "items")), ==, 3);

  countries = json_object_get_array_member (root, "countries");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (countries, 0),
                                                  "code"), ==, "JPN");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (countries, 0),
                                               "mentions"), ==, 4);
}

/* ---- PDF ---- */

/* Without whitespace: lines wrap wherever the page width puts them. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
pdf_text (GBytes  *bytes,
          int     *n_pages,
          double  *width,
          double  *height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < *n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      if (i == 0)
        poppler_page_get_size (page, width, height);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
assert_pdf_contains (const char *squeezed,
                     const char *text)
{
  g_autofree char *needle = squeeze (text);

  if (strstr (squeezed, needle) == NULL)
    g_error ("PDF text lacks “%s”", text);
}

static void
test_pdf_fixture (void)
{
  g_autoptr(NaComparison) cmp = NULL;
  g_autoptr(GBytes) bytes = export_fixture (NA_EXPORT_FORMAT_PDF, &cmp);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  double width, height;
  int n_pages;

  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  text = pdf_text (bytes, &n_pages, &width, &height);
  squeezed = squeeze (text);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.5);    /* A4 */
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  for (guint e = 0; e < na_comparison_get_n_essays (cmp); e++)
    {
      g_autofree char *citation = na_essay_dup_citation (na_comparison_get_essay (cmp, e));

      assert_pdf_contains (squeezed, citation);
    }
  assert_pdf_contains (squeezed, HOSTILE_CITATION);
  for (guint q = 0; q < na_comparison_get_n_questions (cmp); q++)
    assert_pdf_contains (squeezed, na_question_get_title (na_comparison_get_question (cmp, q)));
  /* Plain text, not markup: the hostile strings are printed as they are. */
  assert_pdf_contains (squeezed, HOSTILE_NOTE);
  assert_pdf_contains (squeezed, "Page 1");
}

static void
test_pdf_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NaLibrary) library = na_library_new_bundled (&error);
  g_autoptr(NaComparison) cmp = na_comparison_new (library, NULL, NULL, &error);
  NaExportOptions options = { NULL, NULL, NULL, NA_PAPER_LETTER };
  g_autoptr(GBytes) bytes = na_export_comparison (cmp, NA_EXPORT_FORMAT_PDF, &options, &error);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *last_page = NULL;
  double width, height;
  int n_pages;

  g_assert_no_error (error);
  text = pdf_text (bytes, &n_pages, &width, &height);
  squeezed = squeeze (text);
  g_assert_cmpfloat (width, ==, 612);   /* Letter */
  g_assert_cmpfloat (height, ==, 792);
  g_assert_cmpint (n_pages, >, 5);
  for (guint e = 0; e < 18; e++)
    {
      g_autofree char *citation = na_essay_dup_citation (na_comparison_get_essay (cmp, e));

      assert_pdf_contains (squeezed, citation);
    }
  for (guint q = 0; q < 12; q++)
    assert_pdf_contains (squeezed, na_question_get_title (na_comparison_get_question (cmp, q)));
  /* Numbered to the end, the running header on every page. */
  last_page = g_strdup_printf ("Page %d", n_pages);
  assert_pdf_contains (squeezed, last_page);
  assert_pdf_contains (squeezed, "Comparison of 18 essays");
}

/* A note longer than a page: its row is split between lines over several pages, and every
 * line arrives, in order. */
static void
test_pdf_tall_row (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autoptr(NaComparison) cmp = na_comparison_new (library, NULL, NULL, NULL);
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  NaExportOptions options = { NULL, NULL, notes, NA_PAPER_A4 };
  const char *last = NULL;
  double width, height;
  int n_pages;

  for (guint i = 1; i <= 250; i++)
    g_string_append_printf (note, "marker%03u\n", i);
  g_hash_table_insert (notes, "e2-a1", g_string_free (g_steal_pointer (&note), FALSE));
  bytes = na_export_comparison (cmp, NA_EXPORT_FORMAT_PDF, &options, &error);
  g_assert_no_error (error);
  text = pdf_text (bytes, &n_pages, &width, &height);
  squeezed = squeeze (text);
  g_assert_cmpint (n_pages, >=, 4);
  for (guint i = 1; i <= 250; i++)
    {
      g_autofree char *marker = g_strdup_printf ("marker%03u", i);
      const char *at = strstr (squeezed, marker);

      if (at == NULL)
        g_error ("PDF text lacks %s", marker);
      g_assert_true (last == NULL || at > last);
      last = at;
    }
  /* The table goes on after the tall row. */
  assert_pdf_contains (squeezed, "Charlie says stay.");
}

/* ---- Formats and files ---- */

static void
test_format_names (void)
{
  NaExportFormat format;

  g_assert_true (na_export_format_from_name ("md", &format));
  g_assert_cmpint (format, ==, NA_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (na_export_format_from_name ("PDF", &format));
  g_assert_cmpint (format, ==, NA_EXPORT_FORMAT_PDF);
  g_assert_false (na_export_format_from_name ("docx", &format));
  g_assert_true (na_export_format_from_path ("/tmp/a.b/summary.json", &format));
  g_assert_cmpint (format, ==, NA_EXPORT_FORMAT_JSON);
  g_assert_true (na_export_format_from_path ("x.htm", &format));
  g_assert_cmpint (format, ==, NA_EXPORT_FORMAT_HTML);
  g_assert_false (na_export_format_from_path ("/tmp/a.csv/summary", &format));
  g_assert_false (na_export_format_from_path ("summary", &format));
}

static void
test_unwritable (void)
{
  g_autoptr(NaLibrary) library = fixture_library (FALSE);
  g_autoptr(NaComparison) cmp = na_comparison_new (library, NULL, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-dir/summary.md");
  g_autoptr(GError) error = NULL;

  g_assert_false (na_export_comparison_to_file (cmp, NA_EXPORT_FORMAT_MARKDOWN, NULL, file, NULL,
                                                &error));
  g_assert_error (error, NA_EXPORT_ERROR, NA_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/summary.md"));
}

/* ---- Command line ---- */

static const char *cli_data_home;

static int
run_natoasia (const char * const *args,
              char              **out,
              char              **err)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status;

  g_strv_builder_add (builder, g_getenv ("NATOASIA_BIN"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  /* Never the developer's own annotations: each test says whose data the command sees. */
  env = g_environ_setenv (env, "XDG_DATA_HOME", cli_data_home ? cli_data_home : "/nonexistent",
                          TRUE);
  g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("natoasia-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *out_path = g_build_filename (dir, "summary.txt", NULL);
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  char *out = NULL, *err = NULL;

  /* The format from the extension; a selection of essays and questions. */
  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison", path, "--essays",
                                                    "chan-2013, cottey-2020", "--questions",
                                                    "q-china,q-engagement", NULL },
                                 &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (json_parser_load_from_mapped_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "essays")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "questions"), 0), "id"), ==, "q-china");

  /* --format wins over the extension. */
  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison", out_path, "--format",
                                                    "csv", NULL }, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (out_path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "\"essay_id\",\"essay\","));

  /* Standard output. */
  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison", "-", "--format", "md",
                                                    NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "# Comparison of 18 essays\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Errors name what is wrong, exit 1. */
  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison", path, "--essays",
                                                    "chan-2013,no-such-essay", NULL },
                                 &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-essay"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison", path, "--questions",
                                                    "q-nothing", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "q-nothing"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison", path, "--format",
                                                    "docx", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "docx"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison", "summary.docx", NULL },
                                 &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "summary.docx"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison",
                                                    "/nonexistent-dir/s.md", NULL },
                                 &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent-dir/s.md"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_unlink (path);
  g_unlink (out_path);
  g_rmdir (dir);
}

/* The position and arguments of @essay on @question in an exported JSON summary. */
static JsonObject *
json_position (JsonObject *root,
               const char *question,
               const char *essay)
{
  JsonArray *questions = json_object_get_array_member (root, "questions");

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *q = json_array_get_object_element (questions, i);
      JsonArray *positions = json_object_get_array_member (q, "positions");

      if (g_strcmp0 (json_object_get_string_member (q, "id"), question) != 0)
        continue;
      for (guint j = 0; j < json_array_get_length (positions); j++)
        {
          JsonObject *p = json_array_get_object_element (positions, j);

          if (g_strcmp0 (json_object_get_string_member (p, "essay"), essay) == 0)
            return p;
        }
    }
  return NULL;
}

/* The first argument of @essay on any question of an exported JSON summary. */
static JsonObject *
json_first_argument (JsonObject *root,
                     const char *essay)
{
  JsonArray *questions = json_object_get_array_member (root, "questions");

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *q = json_array_get_object_element (questions, i);
      JsonObject *p = json_position (root, json_object_get_string_member (q, "id"), essay);
      JsonArray *arguments = p ? json_object_get_array_member (p, "arguments") : NULL;

      if (arguments != NULL && json_array_get_length (arguments) > 0)
        return json_array_get_object_element (arguments, 0);
    }
  return NULL;
}

static JsonObject *
export_json (const char * const *args,
             JsonParser         *parser)
{
  char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = run_natoasia (args, &out, &err);

  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  g_free (out);
  g_free (err);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The command line compares the user's own analysis too, and their notes when asked, from
 * their annotations file, with the pages of the PDFs they attached; --bundled-only leaves it
 * out; a broken file is an error that names it and is left untouched. */
static void
test_cli_user_analysis (void)
{
  g_autofree char *home = g_dir_make_tmp ("natoasia-cli-user-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (home, "natoasia", NULL);
  g_autoptr(NaUserStore) store = na_user_store_new (dir);
  g_autoptr(NaAnnotation) mine = na_annotation_new (NA_ANNOTATION_ARGUMENT);
  g_autoptr(NaAnnotation) highlight = na_annotation_new (NA_ANNOTATION_HIGHLIGHT);
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;
  guint n_mine = 0, n_chan = 0;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *attached_id = NULL;
  g_autofree char *attachments_json = NULL;
  g_autofree char *attachments_path = NULL;
  const char *mine_id;
  const char *without_notes[] = { "--export-comparison", "-", "--format", "json", "--essays",
                                  "chan-2013,cottey-2020", "--questions", "q-china", NULL };
  const char *with_notes[] = { "--export-comparison", "-", "--format", "json", "--essays",
                               "chan-2013,cottey-2020", "--questions", "q-china", "--notes",
                               NULL };
  const char *csv_notes[] = { "--export-comparison", "-", "--format", "csv", "--essays",
                              "chan-2013,cottey-2020", "--notes", NULL };
  const char *bundled[] = { "--export-comparison", "-", "--format", "json", "--essays",
                            "chan-2013,cottey-2020", "--questions", "q-china", "--bundled-only",
                            NULL };
  const char *all[] = { "--export-comparison", "-", "--format", "json", "--essays",
                        "chan-2013,cottey-2020", NULL };
  const char *all_bundled[] = { "--export-comparison", "-", "--format", "json", "--essays",
                                "chan-2013,cottey-2020", "--bundled-only", NULL };
  JsonObject *root, *position, *argument;
  JsonArray *arguments;
  guint n_bundled;
  char *out = NULL, *err = NULL;

  na_annotation_set_essay_id (mine, "chan-2013");
  na_annotation_set_question_id (mine, "q-china");
  na_annotation_set_stance (mine, NA_STANCE_OPPOSES);
  na_annotation_set_claim (mine, "My reading: Chan <b>warns</b> against it.");
  na_annotation_set_quote (mine, "a passage I marked");
  na_annotation_set_note (mine, "Check with the 2015 piece, | \"maybe\"");
  mine_id = na_user_store_add_annotation (store, mine);
  na_annotation_set_essay_id (highlight, "chan-2013");
  na_annotation_set_quote (highlight, "words I highlighted");
  na_annotation_set_note (highlight, "Compare, later, with \"the 2020 piece\"\nsecond line");
  na_annotation_set_color (highlight, "yellow");
  na_user_store_add_annotation (store, highlight);
  g_assert_true (na_user_store_save (store, &error));
  g_assert_no_error (error);
  cli_data_home = home;

  root = export_json (bundled, parser);
  position = json_position (root, "q-china", "chan-2013");
  g_assert_nonnull (position);
  n_bundled = json_array_get_length (json_object_get_array_member (position, "arguments"));

  root = export_json (without_notes, parser);
  position = json_position (root, "q-china", "chan-2013");
  arguments = json_object_get_array_member (position, "arguments");
  g_assert_cmpuint (json_array_get_length (arguments), ==, n_bundled + 1);
  argument = json_array_get_object_element (arguments, n_bundled);
  g_assert_cmpstr (json_object_get_string_member (argument, "id"), ==, mine_id);
  g_assert_cmpstr (json_object_get_string_member (argument, "stance"), ==, "opposes");
  g_assert_cmpstr (json_object_get_string_member (argument, "claim"), ==,
                   "My reading: Chan <b>warns</b> against it.");
  g_assert_false (json_object_has_member (argument, "note"));

  root = export_json (with_notes, parser);
  arguments = json_object_get_array_member (json_position (root, "q-china", "chan-2013"),
                                            "arguments");
  argument = json_array_get_object_element (arguments, n_bundled);
  g_assert_cmpstr (json_object_get_string_member (argument, "note"), ==,
                   "Check with the 2015 piece, | \"maybe\"");

  /* The CSV carries the same notes: the highlight's under its essay, on each of its rows,
   * and the user's argument's in its own row. */
  g_assert_cmpint (run_natoasia (csv_notes, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  rows = csv_parse (out, strlen (out));
  header = rows->pdata[0];
  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = rows->pdata[r];
      gboolean chan = g_str_equal (row->pdata[column (header, "essay_id")], "chan-2013");

      g_assert_cmpuint (row->len, ==, header->len);
      n_chan += chan;
      g_assert_cmpstr (row->pdata[column (header, "essay_note")], ==,
                       chan ? "“words I highlighted” — Compare, later, with \"the 2020 piece\"\n"
                              "second line" : "");
      if (g_str_equal (row->pdata[column (header, "argument_id")], mine_id))
        {
          n_mine++;
          g_assert_cmpstr (row->pdata[column (header, "note")], ==,
                           "Check with the 2015 piece, | \"maybe\"");
        }
    }
  g_assert_cmpuint (n_chan, >, 1);
  g_assert_cmpuint (n_mine, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_natoasia ((const char *[]) { "--export-comparison", "-", "--format", "md",
                                                    "--notes", "--bundled-only", NULL },
                                 &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Pages resolved in a PDF the user attached (--attach) show in the export, as in the
   * window; not with --bundled-only. */
  argument = json_first_argument (export_json (all_bundled, parser), "chan-2013");
  g_assert_nonnull (argument);
  g_assert_false (json_object_has_member (argument, "page"));
  attached_id = g_strdup (json_object_get_string_member (argument, "id"));
  attachments_json = g_strdup_printf ("{ \"format\": \"org.example.NatoAsia.attachments\", "
                                      "\"version\": 1, \"attachments\": { \"chan-2013\": "
                                      "{ \"path\": \"/nowhere/chan.pdf\", \"sha256\": \"00\", "
                                      "\"pages\": { \"%s\": 7 } } } }", attached_id);
  attachments_path = g_build_filename (dir, "attachments.json", NULL);
  g_assert_true (g_file_set_contents (attachments_path, attachments_json, -1, NULL));
  argument = json_first_argument (export_json (all, parser), "chan-2013");
  g_assert_cmpstr (json_object_get_string_member (argument, "id"), ==, attached_id);
  g_assert_cmpint (json_object_get_int_member (argument, "page"), ==, 7);
  argument = json_first_argument (export_json (all_bundled, parser), "chan-2013");
  g_assert_false (json_object_has_member (argument, "page"));

  /* A broken attachments file: named, left as it is. */
  g_assert_true (g_file_set_contents (attachments_path, "[ broken", -1, NULL));
  g_assert_cmpint (run_natoasia (all, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, attachments_path));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (attachments_path, &broken, NULL, NULL));
  g_assert_cmpstr (broken, ==, "[ broken");
  g_clear_pointer (&broken, g_free);
  g_unlink (attachments_path);

  /* A broken annotations file: named, kept as it is, nothing written. */
  g_assert_true (g_file_set_contents (na_user_store_get_path (store), "{ broken", -1, NULL));
  g_assert_cmpint (run_natoasia (without_notes, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, na_user_store_get_path (store)));
  g_assert_nonnull (strstr (err, "--bundled-only"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (na_user_store_get_path (store), &broken, NULL, NULL));
  g_assert_cmpstr (broken, ==, "{ broken");

  cli_data_home = NULL;
  na_user_store_close (store);
  g_unlink (na_user_store_get_path (store));
  g_rmdir (dir);
  g_rmdir (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/markdown", test_markdown);
  g_test_add_func ("/export/html", test_html);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/json", test_json);
  g_test_add_func ("/export/pdf-fixture", test_pdf_fixture);
  g_test_add_func ("/export/pdf-bundled", test_pdf_bundled);
  g_test_add_func ("/export/pdf-tall-row", test_pdf_tall_row);
  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/unwritable", test_unwritable);
  g_test_add_func ("/export/cli", test_cli);
  g_test_add_func ("/export/cli-user-analysis", test_cli_user_analysis);

  return g_test_run ();
}
