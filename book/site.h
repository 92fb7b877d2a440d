/*
 * site.h - building the whole site: chapters checked, pages and plots
 * written to a temporary folder next to the target, which then replaces
 * the target in one rename, so a failed build never leaves half a site.
 */
#ifndef BOOK_SITE_H
#define BOOK_SITE_H

#include <stddef.h>

struct book_site_options {
	const char *out;	/* the site folder, e.g. build/book */
	const char *assets;	/* book.css and book.js */
	const char *katex;	/* /usr/share/javascript/katex */
	int check_only;		/* parse and validate, write nothing */
};

struct book_site_stats {
	size_t pages;
	size_t plots;
};

/*
 * Builds the site from the chapters (in the given order).  Every problem
 * is printed to stderr as one "file:line: message" line; returns 0 on
 * success, -1 otherwise.
 */
int book_site_build(const struct book_site_options *opt, char *const paths[],
		    size_t n, struct book_site_stats *stats);

#endif /* BOOK_SITE_H */
