/*
 * test_unit_strbuf.c - strbuf_read_file reads whole files or says why not:
 * a file longer than the limit is an error (EFBIG), never cut short, and
 * the reason a caller shows names the limit.
 */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "support/harness.h"
#include "util/strbuf.h"

static char *file_of(const char *dir, size_t size)
{
	char *path = xstrfmt("%s/f%zu", dir, size);
	char *data = xmalloc(size + 1);

	memset(data, 'x', size);
	harness_write_file(path, data, size);
	free(data);
	return path;
}

Test(strbuf, read_file_up_to_the_limit, .description = "a file of exactly "
     "the limit is read whole; one byte more is EFBIG, never cut short")
{
	char *dir = harness_tempdir();
	char *exact = file_of(dir, 20000), *longer = file_of(dir, 20001);
	struct strbuf sb;

	strbuf_init(&sb);
	cr_expect(strbuf_read_file(&sb, exact, 20000));
	cr_expect_eq(sb.len, 20000);
	strbuf_reset(&sb);
	errno = 0;
	cr_expect_not(strbuf_read_file(&sb, longer, 20000));
	cr_expect_eq(errno, EFBIG);
	cr_expect_eq(sb.len, 20000, "holds its first limit bytes");
	strbuf_reset(&sb);
	cr_expect_not(strbuf_read_file(&sb, "/nonexistent/file", 10));
	cr_expect_eq(errno, ENOENT);
	strbuf_release(&sb);
	free(exact);
	free(longer);
	harness_remove(dir);
	free(dir);
}

Test(strbuf, read_error_names_the_limit, .description = "the reason for a "
     "failed read names the limit for a file too long, else the system's")
{
	struct strbuf why = STRBUF_INIT;

	errno = EFBIG;
	strbuf_add_read_error(&why, (size_t)4 << 20);
	cr_expect_str_eq(why.buf, "longer than 4 MiB");
	cr_expect_eq(errno, EFBIG, "errno is kept for the caller");
	strbuf_reset(&why);
	strbuf_add_read_error(&why, 300 << 10);
	cr_expect_str_eq(why.buf, "longer than 300 KiB");
	strbuf_reset(&why);
	errno = ENOENT;
	strbuf_add_read_error(&why, 10);
	cr_expect_str_eq(why.buf, strerror(ENOENT));
	strbuf_reset(&why);
	strbuf_add_bytes(&why, 70);
	cr_expect_str_eq(why.buf, "70 bytes");
	strbuf_release(&why);
}
