/*
 * texmath.h - the book's math in the cmark tree.
 *
 * Inline math is written $`x_i`$, which cmark parses as TEXT ending in '$',
 * CODE, TEXT starting with '$' (anywhere inline: paragraphs, emphasis, table
 * cells, headings).  Display math is a ```math fence.  (The file is not
 * called math.h so that it can never shadow <math.h>.)
 */
#ifndef BOOK_TEXMATH_H
#define BOOK_TEXMATH_H

#include <cmark-gfm.h>

#include "error.h"

enum texmath_output {
	/* <span class="math inline">TeX</span> and <div class="math
	 * display">TeX</div>, TeX HTML-escaped, for KaTeX to render. */
	TEXMATH_HTML,
	/* The dollars dropped, TeX left as code. */
	TEXMATH_PLAIN,
	/* Unicode text (unimath.h): inline math becomes text, a display a
	 * code block of its rows.  For the terminal reader. */
	TEXMATH_TEXT,
};

/* Rewrites every math item in doc; returns how many there were. */
int texmath_transform(cmark_node *doc, enum texmath_output output);

/* Reports a $`...` without its closing $ (or the reverse) at file:line. */
int texmath_check(cmark_node *doc, const char *path, struct book_error *err);

/* HTML-escapes text (& < > "); the result is malloc'd. */
char *texmath_escape_html(const char *text);

#endif /* BOOK_TEXMATH_H */
