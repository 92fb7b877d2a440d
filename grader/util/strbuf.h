/*
 * strbuf.h - a growable, always NUL-terminated byte buffer (after cmark's and
 * git's strbuf).  Allocation failure ends the grader with exit status 2.
 */
#ifndef GRADER_STRBUF_H
#define GRADER_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *buf;	/* never NULL after strbuf_init */
	size_t len;
	size_t alloc;
};

/*
 * An empty strbuf, owning nothing until it grows; STRBUF_INIT initialises
 * one where it is declared, as strbuf_init does later.  Never write to
 * strbuf_empty.
 */
extern char strbuf_empty[1];
#define STRBUF_INIT { .buf = strbuf_empty, .len = 0, .alloc = 0 }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
/* Hands the buffer over to the caller (malloc'd) and re-initialises sb. */
char *strbuf_detach(struct strbuf *sb);

void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *text);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *format, va_list args)
	__attribute__((format(printf, 2, 0)));
void strbuf_reset(struct strbuf *sb);

/*
 * Appends a whole file of at most `limit` bytes; false with errno set when
 * it cannot be read, and with errno EFBIG when it is longer than limit (sb
 * then holds its first limit bytes): nothing is cut short silently.
 */
bool strbuf_read_file(struct strbuf *sb, const char *path, size_t limit);
/*
 * Why strbuf_read_file(..., limit) just failed, for a message: "longer
 * than 1 MiB" when the file was past the limit, else strerror(errno).
 * Call it before anything that may change errno.
 */
void strbuf_add_read_error(struct strbuf *sb, size_t limit);
/* An amount of bytes as people read it: "4 MiB", "300 KiB", "70 bytes". */
void strbuf_add_bytes(struct strbuf *sb, size_t bytes);
/*
 * Writes the buffer to path through a temporary file beside it and a
 * rename, so path is never seen half-written; 0, or -1 (errno set).
 */
int strbuf_write_file(const struct strbuf *sb, const char *path);

/* malloc/strdup that end the grader on failure. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *text);
char *xstrfmt(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif /* GRADER_STRBUF_H */
