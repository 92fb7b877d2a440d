/*
 * manpage.h - a chapter as a man page for the terminal (make read): math
 * as Unicode text, question prompts kept ("Question: ..." then the
 * answer), tables and code laid out as plain text with tabs expanded,
 * plots and the slider replaced by a line pointing to the HTML book.
 */
#ifndef BOOK_MANPAGE_H
#define BOOK_MANPAGE_H

#include <stdio.h>

#include "chapter.h"

/* Where the pointer lines send the reader: SITE/SLUG.html. */
#define MANPAGE_SITE "build/book"
/* Columns a code block's tab advances to a multiple of. */
#define MANPAGE_TAB 4
/* The width cmark lays the page out for (man re-fills paragraphs). */
#define MANPAGE_WIDTH 78

/* Writes the validated chapter ch as man source; consumes its tree. */
void manpage_write(FILE *out, struct book_chapter *ch);

#endif /* BOOK_MANPAGE_H */
