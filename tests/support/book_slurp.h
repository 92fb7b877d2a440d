/*
 * book_slurp.h - the book tests' one file reader (header-only: each book
 * test is built from its single .c file).
 */
#ifndef TESTS_BOOK_SLURP_H
#define TESTS_BOOK_SLURP_H

#include <stdio.h>

/* The whole file, malloc'd and NUL-terminated; "" when it cannot be
 * read, so a caller's strstr finds nothing rather than crashing. */
static inline char *book_slurp(const char *path)
{
	char *text = NULL, chunk[8192];
	size_t size = 0, got;
	FILE *in = fopen(path, "r"), *out = open_memstream(&text, &size);

	while (in && (got = fread(chunk, 1, sizeof(chunk), in)) > 0)
		fwrite(chunk, 1, got, out);
	if (in)
		fclose(in);
	fclose(out);
	return text;
}

#endif /* TESTS_BOOK_SLURP_H */
