/*
 * texmath.c - finding $`...`$ and ```math in the tree and turning them into
 * elements KaTeX renders at load time (or plain code for man pages).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "alloc.h"
#include "texmath.h"
#include "unimath.h"

static int is_text(cmark_node *node)
{
	return node && cmark_node_get_type(node) == CMARK_NODE_TEXT;
}

static int opens_math(cmark_node *code)
{
	cmark_node *prev = cmark_node_previous(code);
	const char *s;

	if (!is_text(prev))
		return 0;
	s = cmark_node_get_literal(prev);
	return s[0] && s[strlen(s) - 1] == '$';
}

static int closes_math(cmark_node *code)
{
	cmark_node *next = cmark_node_next(code);

	return is_text(next) && cmark_node_get_literal(next)[0] == '$';
}

static int is_math_fence(cmark_node *node)
{
	char kind[64];

	if (cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK)
		return 0;
	book_chapter_fence_kind(node, kind, sizeof(kind));
	return !strcmp(kind, "math");
}

char *texmath_escape_html(const char *text)
{
	char *html = NULL;
	size_t size = 0;
	FILE *out = book_xopen_memstream(&html, &size);

	for (; *text; text++) {
		switch (*text) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*text, out); break;
		}
	}
	fclose(out);
	return html;
}

/* Drops one '$' from the end (at_end) or the start of a text node, and the
 * node itself once it is empty, so no stray empty text is rendered. */
static void strip_dollar(cmark_node *text, int at_end)
{
	const char *s = cmark_node_get_literal(text);
	size_t len = strlen(s);
	char *rest = at_end ? book_xstrndup(s, len - 1) : book_xstrdup(s + 1);

	if (rest[0])
		cmark_node_set_literal(text, rest);
	else
		cmark_node_free(text);
	free(rest);
}

/* Wraps TeX in the element KaTeX looks for, as a raw HTML node. */
static cmark_node *math_node(const char *tex, int display)
{
	cmark_node *node = cmark_node_new(display ? CMARK_NODE_HTML_BLOCK :
					  CMARK_NODE_HTML_INLINE);
	char *escaped = texmath_escape_html(tex);
	char *html = NULL;
	size_t size = 0;
	FILE *out = book_xopen_memstream(&html, &size);

	if (display)
		fprintf(out, "<div class=\"math display\">%s</div>", escaped);
	else
		fprintf(out, "<span class=\"math inline\">%s</span>", escaped);
	fclose(out);
	cmark_node_set_literal(node, html);
	free(html);
	free(escaped);
	return node;
}

static void transform_inline(cmark_node *code, enum texmath_output output)
{
	strip_dollar(cmark_node_previous(code), 1);
	strip_dollar(cmark_node_next(code), 0);
	if (output == TEXMATH_HTML) {
		cmark_node_replace(code, math_node(cmark_node_get_literal(code), 0));
		cmark_node_free(code);
	} else if (output == TEXMATH_TEXT) {
		cmark_node *text = cmark_node_new(CMARK_NODE_TEXT);
		char *unicode = unimath_from_tex(cmark_node_get_literal(code));

		cmark_node_set_literal(text, unicode);
		cmark_node_replace(code, text);
		cmark_node_free(code);
		free(unicode);
	}
}

static void transform_display(cmark_node *block, enum texmath_output output)
{
	char *tex;
	size_t len;

	if (output == TEXMATH_TEXT) {
		char *unicode = unimath_from_tex(cmark_node_get_literal(block));

		cmark_node_set_literal(block, unicode);
		cmark_node_set_fence_info(block, "text");
		free(unicode);
		return;
	}
	if (output != TEXMATH_HTML)
		return;
	/* cmark keeps the fence's final newline; KaTeX does not need it. */
	tex = book_xstrdup(cmark_node_get_literal(block));
	len = strlen(tex);
	while (len > 0 && (tex[len - 1] == '\n' || tex[len - 1] == ' '))
		tex[--len] = '\0';
	cmark_node_replace(block, math_node(tex, 1));
	cmark_node_free(block);
	free(tex);
}

/*
 * The nodes are collected first and rewritten afterwards: replacing nodes
 * while a cmark iterator stands on them would free what it walks.
 */
static size_t collect_math(cmark_node *doc, cmark_node ***found)
{
	cmark_iter *iter = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t n = 0, alloc = 0;

	*found = NULL;
	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		int inline_math = cmark_node_get_type(node) == CMARK_NODE_CODE &&
				  opens_math(node) && closes_math(node);

		if (ev != CMARK_EVENT_ENTER ||
		    !(inline_math || is_math_fence(node)))
			continue;
		book_grow(found, &alloc, n + 1, sizeof(**found));
		(*found)[n++] = node;
	}
	cmark_iter_free(iter);
	return n;
}

int texmath_transform(cmark_node *doc, enum texmath_output output)
{
	cmark_node **found;
	size_t i, n = collect_math(doc, &found);

	for (i = 0; i < n; i++) {
		if (cmark_node_get_type(found[i]) == CMARK_NODE_CODE_BLOCK)
			transform_display(found[i], output);
		else if (opens_math(found[i]) && closes_math(found[i]))
			/* Checked again: $`a`$`b`$ shares its middle '$'. */
			transform_inline(found[i], output);
	}
	free(found);
	return (int)n;
}

int texmath_check(cmark_node *doc, const char *path, struct book_error *err)
{
	cmark_iter *iter = cmark_iter_new(doc);
	cmark_event_type ev;
	int ret = 0;

	while (!ret && (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		int opens, closes;

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(node) != CMARK_NODE_CODE)
			continue;
		opens = opens_math(node);
		closes = closes_math(node);
		if (opens == closes)
			continue;
		book_error_set(err, path, book_chapter_node_line(node),
			       "unterminated inline math $`%s`%s: write $`...`$",
			       cmark_node_get_literal(node), closes ? "$" : "");
		ret = -1;
	}
	cmark_iter_free(iter);
	return ret;
}
