/*
 * alloc.h - the book builder's allocations, which never return NULL: when
 * memory runs out the builder prints one line and exits with status 2
 * (nothing half-written: pages are written through temporary files).
 */
#ifndef BOOK_ALLOC_H
#define BOOK_ALLOC_H

#include <stddef.h>
#include <stdio.h>

void *book_xmalloc(size_t size);
void *book_xcalloc(size_t count, size_t size);
/* count * size bytes, the product checked for overflow. */
void *book_xreallocarray(void *ptr, size_t count, size_t size);
char *book_xstrdup(const char *text);
char *book_xstrndup(const char *text, size_t length);
/*
 * open_memstream, which fails only when memory runs out; closing it
 * (fclose) leaves the text in *text, as open_memstream does.
 */
FILE *book_xopen_memstream(char **text, size_t *size);

/*
 * Makes room for `need` elements of `size` bytes in *array, whose capacity
 * is *alloc, doubling it (so n appends cost O(n) copies, not O(n^2)).
 */
void book_grow(void *array, size_t *alloc, size_t need, size_t size);

#endif /* BOOK_ALLOC_H */
