/*
 * toc.h - the headings of a chapter: anchors, ids and table-of-contents
 * entries.
 *
 * Anchors follow docs/design.md: the title lower-cased, every run of
 * characters other than a-z and 0-9 turned into one '-' (and none left at
 * either end), so "Could MSE work anyway?" is #could-mse-work-anyway.
 */
#ifndef BOOK_TOC_H
#define BOOK_TOC_H

#include <stddef.h>
#include <cmark-gfm.h>

struct toc_entry {
	int level;
	char *anchor;		/* id in the page (prefix included) */
	char *text;		/* plain title, for <title> and man pages */
	char *html;		/* inner HTML of the heading, math included */
	cmark_node *heading;	/* until toc_apply replaces it */
};

struct toc {
	struct toc_entry *entries;
	size_t n;
	size_t alloc;		/* capacity of entries */
};

#define TOC_INIT { NULL, 0, 0 }

void toc_init(struct toc *toc);
void toc_release(struct toc *toc);

/* The anchor of a title, malloc'd. */
char *toc_anchor(const char *title);

/*
 * Records every heading of doc with its anchor (prefix + anchor of its
 * title, "-2", "-3" added to repeats).  Call before texmath_transform: the
 * anchor is made from the title's TeX source, not from its HTML.
 */
void toc_collect(struct toc *toc, cmark_node *doc, const char *prefix);

/* Replaces each recorded heading by the same heading carrying its id,
 * and fills the entries' html.  Call after texmath_transform. */
void toc_apply(struct toc *toc);

#endif /* BOOK_TOC_H */
