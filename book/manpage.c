/*
 * manpage.c - the chapter's tree rewritten for cmark's man renderer (see
 * manpage.h).  groff cannot draw math, folded answers, images or wide
 * tables, so each becomes something a terminal shows well.
 */
#include <stdlib.h>
#include <string.h>

#include "manpage.h"
#include "alloc.h"
#include "texmath.h"

/* Columns a UTF-8 string takes: combining accents (U+0300-036F) take
 * none, every other character one. */
static size_t display_width(const char *s)
{
	size_t width = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c & 0xC0) == 0x80)
			continue;
		if (c == 0xCC || (c == 0xCD && (unsigned char)s[1] < 0xB0))
			continue;
		width++;
	}
	return width;
}

static int is_type(cmark_node *node, const char *type)
{
	return !strcmp(cmark_node_get_type_string(node), type);
}

/* A table as aligned plain text: columns two spaces apart, a rule under
 * the header.  Rows are table_row nodes, their children table_cell. */
static char *table_text(cmark_node *table)
{
	enum { MAX_COLUMNS = 16 };
	size_t widths[MAX_COLUMNS] = { 0 }, c;
	char *text = NULL;
	size_t size = 0;
	FILE *out = book_xopen_memstream(&text, &size);
	cmark_node *row, *cell;

	for (row = cmark_node_first_child(table); row; row = cmark_node_next(row))
		for (cell = cmark_node_first_child(row), c = 0; cell && c < MAX_COLUMNS;
		     cell = cmark_node_next(cell), c++) {
			char *t = book_chapter_plain_text(cell);

			if (display_width(t) > widths[c])
				widths[c] = display_width(t);
			free(t);
		}
	for (row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
		for (cell = cmark_node_first_child(row), c = 0; cell && c < MAX_COLUMNS;
		     cell = cmark_node_next(cell), c++) {
			char *t = book_chapter_plain_text(cell);

			fputs(t, out);
			if (cmark_node_next(cell))
				fprintf(out, "%*s", (int)(widths[c] - display_width(t) + 2), "");
			free(t);
		}
		fputc('\n', out);
		if (row == cmark_node_first_child(table)) {
			for (c = 0; c < MAX_COLUMNS && widths[c]; c++)
				for (size_t i = 0; i < widths[c] + (widths[c + 1] ? 2 : 0); i++)
					fputc(i < widths[c] ? '-' : ' ', out);
			fputc('\n', out);
		}
	}
	fclose(out);
	return text;
}

static cmark_node *code_block(const char *literal)
{
	cmark_node *block = cmark_node_new(CMARK_NODE_CODE_BLOCK);

	cmark_node_set_literal(block, literal);
	cmark_node_set_fence_info(block, "text");
	return block;
}

/* A paragraph: strong lead (may be NULL) followed by text. */
static cmark_node *paragraph(const char *lead, const char *text)
{
	cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	cmark_node *plain = cmark_node_new(CMARK_NODE_TEXT);

	if (lead) {
		cmark_node *strong = cmark_node_new(CMARK_NODE_STRONG);
		cmark_node *word = cmark_node_new(CMARK_NODE_TEXT);

		cmark_node_set_literal(word, lead);
		cmark_node_append_child(strong, word);
		cmark_node_append_child(para, strong);
	}
	cmark_node_set_literal(plain, text);
	cmark_node_append_child(para, plain);
	return para;
}

/* The text between <summary> and </summary>, malloc'd, or NULL. */
static char *summary_of(const char *html)
{
	const char *start = strstr(html, "<summary>"), *end;

	if (!start)
		return NULL;
	start += strlen("<summary>");
	end = strstr(start, "</summary>");
	return end ? book_xstrndup(start, end - start) : NULL;
}

/* The replacement of a raw HTML block, or NULL to drop it. */
static cmark_node *html_replacement(const char *html, const char *slug)
{
	char *summary = summary_of(html), line[512];
	cmark_node *node;

	if (summary) {
		node = paragraph("Question: ", summary);
		free(summary);
		return node;
	}
	if (strstr(html, "wb-slider")) {
		snprintf(line, sizeof(line),
			 "[An interactive slider stands here: open "
			 MANPAGE_SITE "/%s.html in a browser to use it.]", slug);
		return paragraph(NULL, line);
	}
	return NULL;	/* </details> and the like */
}

/* Expands the tabs of a code block to multiples of MANPAGE_TAB. */
static void expand_tabs(cmark_node *block)
{
	const char *s = cmark_node_get_literal(block);
	char *text = NULL;
	size_t size = 0, column = 0;
	FILE *out;

	if (!strchr(s, '\t'))
		return;
	out = book_xopen_memstream(&text, &size);
	for (; *s; s++) {
		if (*s == '\t') {
			do
				fputc(' ', out);
			while (++column % MANPAGE_TAB);
			continue;
		}
		fputc(*s, out);
		column = *s == '\n' ? 0 : column + ((*s & 0xC0) != 0x80);
	}
	fclose(out);
	cmark_node_set_literal(block, text);
	free(text);
}

/* The replacement of node, NULL to drop it, or node itself to keep it. */
static cmark_node *replacement(cmark_node *node, const char *slug)
{
	char *text, line[1024];
	cmark_node *plain;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HTML_BLOCK:
		return html_replacement(cmark_node_get_literal(node), slug);
	case CMARK_NODE_IMAGE:
		text = book_chapter_plain_text(node);
		snprintf(line, sizeof(line), "[Plot: %s. See it in "
			 MANPAGE_SITE "/%s.html.]", text, slug);
		free(text);
		plain = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(plain, line);
		return plain;
	case CMARK_NODE_CODE_BLOCK:
		expand_tabs(node);
		return node;
	default:
		if (!is_type(node, "table"))
			return node;
		text = table_text(node);
		plain = code_block(text);
		free(text);
		return plain;
	}
}

static int wanted(cmark_node *node)
{
	cmark_node_type type = cmark_node_get_type(node);

	return type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_IMAGE ||
	       type == CMARK_NODE_CODE_BLOCK || is_type(node, "table");
}

/*
 * Nodes are collected first and replaced afterwards, as in texmath.c;
 * nothing inside a collected node is collected (it goes with it).
 */
static void rewrite(cmark_node *doc, const char *slug)
{
	cmark_iter *iter = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **found = NULL, *inside = NULL;
	size_t n = 0, alloc = 0, i;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);

		if (inside) {
			if (ev == CMARK_EVENT_EXIT && node == inside)
				inside = NULL;
			continue;
		}
		if (ev != CMARK_EVENT_ENTER || !wanted(node))
			continue;
		book_grow(&found, &alloc, n + 1, sizeof(*found));
		found[n++] = node;
		if (cmark_node_first_child(node))
			inside = node;
	}
	cmark_iter_free(iter);
	for (i = 0; i < n; i++) {
		cmark_node *with = replacement(found[i], slug);

		if (with == found[i])
			continue;
		if (with)
			cmark_node_replace(found[i], with);
		else
			cmark_node_unlink(found[i]);
		cmark_node_free(found[i]);
	}
	free(found);
}

void manpage_write(FILE *out, struct book_chapter *ch)
{
	char *man;

	texmath_transform(ch->doc, TEXMATH_TEXT);
	rewrite(ch->doc, ch->slug);
	man = cmark_render_man(ch->doc, CMARK_OPT_DEFAULT, MANPAGE_WIDTH);
	/* No hyphenation and no justification: math and code words stay
	 * whole and evenly spaced. */
	fprintf(out, ".TH \"%s\" 7 \"\" \"\" \"The Cross-Entropy Workbook\"\n"
		".nh\n.ad l\n%s", ch->slug, man);
	free(man);
}
