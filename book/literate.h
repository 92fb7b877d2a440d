/*
 * literate.h - the chapters' code blocks, pulled out for the tests that
 * keep them compiling and their printed output true.
 */
#ifndef BOOK_LITERATE_H
#define BOOK_LITERATE_H

#include <stddef.h>

#include "chapter.h"

enum literate_kind {
	LITERATE_C,		/* ```c: must compile (-fsyntax-only) */
	LITERATE_EXAMPLE,	/* ```c example: run, compare with output */
};

struct literate_block {
	enum literate_kind kind;
	int line;		/* line of the opening fence */
	char *code;
	char *expected;		/* the ```output right after (examples) */
	int expected_line;
};

struct literate {
	struct literate_block *blocks;
	size_t n;
	size_t alloc;		/* capacity of blocks */
};

#define LITERATE_INIT { NULL, 0, 0 }

void literate_init(struct literate *lit);
void literate_release(struct literate *lit);

/* Appends the c and c example blocks of a validated chapter. */
void literate_extract(struct literate *lit, const struct book_chapter *ch);

#endif /* BOOK_LITERATE_H */
