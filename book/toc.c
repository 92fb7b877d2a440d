/* toc.c - heading anchors and the per-chapter table of contents. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "alloc.h"
#include "toc.h"

void toc_init(struct toc *toc)
{
	*toc = (struct toc)TOC_INIT;
}

void toc_release(struct toc *toc)
{
	size_t i;

	for (i = 0; i < toc->n; i++) {
		free(toc->entries[i].anchor);
		free(toc->entries[i].text);
		free(toc->entries[i].html);
	}
	free(toc->entries);
	toc_init(toc);
}

char *toc_anchor(const char *title)
{
	char *anchor = book_xmalloc(strlen(title) + 1);
	size_t n = 0;
	int dash = 0;

	for (; *title; title++) {
		unsigned char c = (unsigned char)*title;

		if (c < 128 && isalnum(c)) {
			if (dash && n > 0)
				anchor[n++] = '-';
			anchor[n++] = (char)tolower(c);
			dash = 0;
		} else {
			dash = 1;
		}
	}
	anchor[n] = '\0';
	return anchor;
}

static int anchor_taken(const struct toc *toc, const char *anchor)
{
	size_t i;

	for (i = 0; i < toc->n; i++)
		if (!strcmp(toc->entries[i].anchor, anchor))
			return 1;
	return 0;
}

/* prefix + anchor, with -2, -3 ... when the page already has it. */
static char *unique_anchor(const struct toc *toc, const char *prefix,
			   const char *title)
{
	char *base = toc_anchor(title);
	size_t size = strlen(prefix) + strlen(base) + 24;
	char *anchor = book_xmalloc(size);
	int i;

	snprintf(anchor, size, "%s%s", prefix, base[0] ? base : "section");
	for (i = 2; anchor_taken(toc, anchor); i++)
		snprintf(anchor, size, "%s%s-%d", prefix,
			 base[0] ? base : "section", i);
	free(base);
	return anchor;
}

void toc_collect(struct toc *toc, cmark_node *doc, const char *prefix)
{
	cmark_iter *iter = cmark_iter_new(doc);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		struct toc_entry *entry;

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(node) != CMARK_NODE_HEADING)
			continue;
		book_grow(&toc->entries, &toc->alloc, toc->n + 1,
			  sizeof(*toc->entries));
		entry = &toc->entries[toc->n];
		entry->level = cmark_node_get_heading_level(node);
		entry->text = book_chapter_plain_text(node);
		entry->anchor = unique_anchor(toc, prefix, entry->text);
		entry->html = NULL;
		entry->heading = node;
		toc->n++;
	}
	cmark_iter_free(iter);
}

/* "<h2>inner</h2>\n" -> "inner" (cmark writes exactly that shape). */
static char *inner_html(const char *rendered)
{
	const char *start = strchr(rendered, '>');
	const char *end = strstr(rendered, "</h");

	if (!start || !end || end < start)
		return book_xstrdup("");
	return book_xstrndup(start + 1, end - start - 1);
}

static void apply_entry(struct toc_entry *entry)
{
	char *rendered = cmark_render_html(entry->heading, CMARK_OPT_UNSAFE,
					   NULL);
	cmark_node *block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
	char *html = NULL;
	size_t size = 0;
	FILE *out = book_xopen_memstream(&html, &size);

	entry->html = inner_html(rendered);
	fprintf(out,
		"<h%d id=\"%s\">%s<a class=\"anchor\" href=\"#%s\" aria-label=\"link to this section\">#</a></h%d>",
		entry->level, entry->anchor, entry->html, entry->anchor,
		entry->level);
	fclose(out);
	cmark_node_set_literal(block, html);
	cmark_node_replace(entry->heading, block);
	cmark_node_free(entry->heading);
	entry->heading = NULL;
	free(html);
	free(rendered);
}

void toc_apply(struct toc *toc)
{
	size_t i;

	for (i = 0; i < toc->n; i++)
		if (toc->entries[i].heading)
			apply_entry(&toc->entries[i]);
}
