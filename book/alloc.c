/* alloc.c - allocations that end the builder cleanly when memory runs out. */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *checked(void *ptr)
{
	if (!ptr) {
		fputs("book-builder: out of memory\n", stderr);
		exit(2);
	}
	return ptr;
}

void *book_xmalloc(size_t size)
{
	return checked(malloc(size ? size : 1));
}

void *book_xcalloc(size_t count, size_t size)
{
	return checked(calloc(count ? count : 1, size ? size : 1));
}

void *book_xreallocarray(void *ptr, size_t count, size_t size)
{
	size_t bytes;

	if (size && count > SIZE_MAX / size)
		return checked(NULL);
	bytes = count * size;
	return checked(realloc(ptr, bytes ? bytes : 1));
}

char *book_xstrdup(const char *text)
{
	return checked(strdup(text));
}

char *book_xstrndup(const char *text, size_t length)
{
	return checked(strndup(text, length));
}

FILE *book_xopen_memstream(char **text, size_t *size)
{
	return checked(open_memstream(text, size));
}

void book_grow(void *array, size_t *alloc, size_t need, size_t size)
{
	void **ptr = array;
	size_t capacity = *alloc ? *alloc : 8;

	if (need <= *alloc)
		return;
	while (capacity < need)
		capacity = capacity > SIZE_MAX / 2 ? need : 2 * capacity;
	*ptr = book_xreallocarray(*ptr, capacity, size);
	*alloc = capacity;
}
