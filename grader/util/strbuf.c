/*
 * strbuf.c - growable strings and allocation that cannot fail silently.
 */
#include "strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void die_out_of_memory(void)
{
	static const char message[] =
		"grader: out of memory; close other programs and try again\n";

	if (write(STDERR_FILENO, message, sizeof message - 1) < 0)
		_exit(2);
	_exit(2);
}

void *xmalloc(size_t size)
{
	void *ptr = malloc(size ? size : 1);

	if (!ptr)
		die_out_of_memory();
	return ptr;
}

void *xcalloc(size_t count, size_t size)
{
	void *ptr = calloc(count ? count : 1, size ? size : 1);

	if (!ptr)
		die_out_of_memory();
	return ptr;
}

void *xrealloc(void *ptr, size_t size)
{
	void *grown = realloc(ptr, size ? size : 1);

	if (!grown)
		die_out_of_memory();
	return grown;
}

char *xstrdup(const char *text)
{
	size_t len = strlen(text);
	char *copy = xmalloc(len + 1);

	memcpy(copy, text, len + 1);
	return copy;
}

char *xstrfmt(const char *format, ...)
{
	struct strbuf sb;
	va_list args;

	strbuf_init(&sb);
	va_start(args, format);
	strbuf_vaddf(&sb, format, args);
	va_end(args);
	return strbuf_detach(&sb);
}

/* The buffer of an empty strbuf that owns nothing yet (git's slopbuf). */
char strbuf_empty[1];

void strbuf_init(struct strbuf *sb)
{
	sb->alloc = 0;
	sb->len = 0;
	sb->buf = strbuf_empty;
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	strbuf_init(sb);
}

char *strbuf_detach(struct strbuf *sb)
{
	char *result = sb->alloc ? sb->buf : xstrdup("");

	strbuf_init(sb);
	return result;
}

static void grow(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1, alloc = sb->alloc ? sb->alloc : 64;

	if (need <= sb->alloc)
		return;
	while (alloc < need)
		alloc *= 2;
	if (sb->alloc) {
		sb->buf = xrealloc(sb->buf, alloc);
	} else {
		sb->buf = xmalloc(alloc);
		sb->buf[0] = '\0';
	}
	sb->alloc = alloc;
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *text)
{
	strbuf_add(sb, text, strlen(text));
}

void strbuf_addch(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void strbuf_vaddf(struct strbuf *sb, const char *format, va_list args)
{
	va_list copy;
	int needed;

	grow(sb, 64);
	va_copy(copy, args);
	needed = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, format, copy);
	va_end(copy);
	if (needed < 0)
		return;
	if ((size_t)needed >= sb->alloc - sb->len) {
		grow(sb, (size_t)needed);
		vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, format, args);
	}
	sb->len += (size_t)needed;
}

void strbuf_addf(struct strbuf *sb, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	strbuf_vaddf(sb, format, args);
	va_end(args);
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->alloc)
		sb->buf[0] = '\0';
}

bool strbuf_read_file(struct strbuf *sb, const char *path, size_t limit)
{
	char chunk[8192];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t taken = 0;

	if (fd < 0)
		return false;
	for (;;) {
		ssize_t got = read(fd, chunk, sizeof chunk);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int saved = errno;

			close(fd);
			errno = saved;
			return false;
		}
		if (got == 0)
			break;
		if ((size_t)got > limit - taken) {
			strbuf_add(sb, chunk, limit - taken);
			close(fd);
			errno = EFBIG;
			return false;
		}
		strbuf_add(sb, chunk, (size_t)got);
		taken += (size_t)got;
	}
	close(fd);
	return true;
}

void strbuf_add_bytes(struct strbuf *sb, size_t bytes)
{
	if (bytes && !(bytes & (((size_t)1 << 20) - 1)))
		strbuf_addf(sb, "%zu MiB", bytes >> 20);
	else if (bytes && !(bytes & (((size_t)1 << 10) - 1)))
		strbuf_addf(sb, "%zu KiB", bytes >> 10);
	else
		strbuf_addf(sb, "%zu bytes", bytes);
}

void strbuf_add_read_error(struct strbuf *sb, size_t limit)
{
	int saved = errno;

	if (saved == EFBIG) {
		strbuf_addstr(sb, "longer than ");
		strbuf_add_bytes(sb, limit);
	} else {
		strbuf_addstr(sb, strerror(saved));
	}
	errno = saved;
}

int strbuf_write_file(const struct strbuf *text, const char *path)
{
	char *partial = xstrfmt("%s.partial-%ld", path, (long)getpid());
	int fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	size_t done = 0;
	int saved;

	if (fd < 0) {
		free(partial);
		return -1;
	}
	while (done < text->len) {
		ssize_t wrote = write(fd, text->buf + done, text->len - done);

		if (wrote < 0 && errno == EINTR)
			continue;
		if (wrote <= 0)
			break;
		done += (size_t)wrote;
	}
	if (close(fd) != 0 || done < text->len ||
	    rename(partial, path) != 0) {
		saved = errno;
		unlink(partial);
		free(partial);
		errno = saved ? saved : EIO;
		return -1;
	}
	free(partial);
	return 0;
}
