/*
 * nogit.c - the three libgit2 functions Criterion refers to, for suite
 * programs that link Criterion statically (grader/grader.mk, "the suites'
 * runtime").
 *
 * Why: the shared libcriterion needs libgit2, which loads libcrypto, krb5,
 * ssh2 and a dozen more libraries, and Criterion re-executes the suite
 * program for every test, so each test paid about 10 ms of dynamic loading
 * (docs/performance.md).  Criterion uses libgit2 only to draw diffs of
 * failed string comparisons in its cr_assert(eq(str, ...)) API, which the
 * suites do not use (they report through wb_fail*), so these stand-ins
 * never diff: git_diff_buffers reports an error, as libgit2 does when it
 * cannot.
 */
#include <stddef.h>

int git_libgit2_init(void);
int git_libgit2_shutdown(void);
int git_diff_buffers(const void *old_buffer, size_t old_len,
		     const char *old_as_path, const void *new_buffer,
		     size_t new_len, const char *new_as_path,
		     const void *options, void *file_cb, void *binary_cb,
		     void *hunk_cb, void *line_cb, void *payload);

/* libgit2 returns the number of initialisations. */
int git_libgit2_init(void)
{
	return 1;
}

int git_libgit2_shutdown(void)
{
	return 0;
}

int git_diff_buffers(const void *old_buffer, size_t old_len,
		     const char *old_as_path, const void *new_buffer,
		     size_t new_len, const char *new_as_path,
		     const void *options, void *file_cb, void *binary_cb,
		     void *hunk_cb, void *line_cb, void *payload)
{
	(void)old_buffer, (void)old_len, (void)old_as_path;
	(void)new_buffer, (void)new_len, (void)new_as_path;
	(void)options, (void)file_cb, (void)binary_cb;
	(void)hunk_cb, (void)line_cb, (void)payload;
	return -1;	/* GIT_ERROR: no diff, the message stays as it is */
}
