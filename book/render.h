/*
 * render.h - the site's HTML pages: the index, one page per chapter and a
 * single page holding the whole book for printing.
 */
#ifndef BOOK_RENDER_H
#define BOOK_RENDER_H

#include <stdio.h>

#include "chapter.h"
#include "plots.h"
#include "toc.h"

#define BOOK_TITLE "The Cross-Entropy Workbook"

/* A chapter ready to be laid out: its HTML body and its headings. */
struct render_chapter {
	const char *slug;	/* page is slug.html */
	char *body;		/* HTML of the chapter's content */
	struct toc toc;
};

struct render_book {
	struct render_chapter *chapters;
	size_t n;
};

/*
 * Turns a validated chapter into HTML: math for KaTeX, plot images pointed
 * at plots/NAME.svg (names recorded in *plot_names, see plots_link), heading
 * ids made from prefix + anchor.  Consumes the chapter's tree: call once.
 */
void render_chapter_init(struct render_chapter *out, struct book_chapter *ch,
			 const char *prefix, struct plots_names *plot_names);
void render_chapter_release(struct render_chapter *rc);

void render_index_page(FILE *out, const struct render_book *book);
void render_chapter_page(FILE *out, const struct render_book *book,
			 size_t index);
/* print holds the same chapters rendered with the prefix "SLUG--", so
 * that ids stay unique on the one long page. */
void render_print_page(FILE *out, const struct render_book *print);

#endif /* BOOK_RENDER_H */
