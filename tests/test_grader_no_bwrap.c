/*
 * test_grader_no_bwrap.c - the grader where bubblewrap cannot start (a
 * container without the rights it needs, as Gradescope's may be) and the
 * grader runs as root: the sandbox falls back to limits only, each job
 * under a uid of its own, and a correct workbook still earns every point.
 * Each job's uid must reach its folder in the grader's scratch folder;
 * when it could not, every file "did not compile".
 *
 * bubblewrap is hidden by a bind mount in a mount namespace of the test's
 * own (unshare -m), which needs root: the test is skipped otherwise.
 */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/catalog.h"
#include "support/harness.h"

#define BWRAP "/usr/bin/bwrap"

Test(no_bwrap, a_correct_workbook_earns_every_point_as_root, .timeout = 120)
{
	char *dir, *command, *out = NULL, *want;
	size_t cap = 0, len = 0;
	FILE *pipe;
	char chunk[4096];
	size_t got;
	int status;

	if (geteuid() != 0 || access("/usr/bin/unshare", X_OK) != 0 ||
	    access(BWRAP, X_OK) != 0)
		cr_skip_test("needs root, unshare and bubblewrap to hide");
	dir = harness_tempdir();
	harness_copy_files("solutions", dir);
	cr_assert(asprintf(&command, "unshare -m sh -c 'mount --bind "
			   "/bin/false " BWRAP " && exec %s --no-cache "
			   "--no-color %s' 2>&1", harness_grader(), dir) > 0);
	pipe = popen(command, "r");
	cr_assert_not_null(pipe);
	while ((got = fread(chunk, 1, sizeof chunk, pipe)) > 0) {
		if (len + got + 1 > cap) {
			cap = 2 * (len + got + 1);
			out = realloc(out, cap);
			cr_assert_not_null(out);
		}
		memcpy(out + len, chunk, got);
		out[len += got] = '\0';
	}
	status = pclose(pipe);
	cr_assert_not_null(out, "the grader printed nothing");
	cr_expect(strstr(out, "(sandbox: limits only"), "bubblewrap was not "
		  "hidden:\n%s", out);
	cr_assert(asprintf(&want, "%zu/%zu exercises, %u/%u points",
			   TEST_EXERCISE_COUNT, TEST_EXERCISE_COUNT,
			   test_total_points(0), test_total_points(0)) > 0);
	cr_expect(strstr(out, want), "want \"%s\" in:\n%s", want, out);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		  "status %d:\n%s", status, out);
	free(want);
	free(out);
	free(command);
	harness_remove(dir);
	free(dir);
}
