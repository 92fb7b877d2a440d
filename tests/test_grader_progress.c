/*
 * test_grader_progress.c - build/grader --progress: a line per exercise
 * file with its points, the total and the next chapter; exit 0 only when
 * everything passes.  About 3 s (two full gradings).
 */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/catalog.h"
#include "support/harness.h"


/* The line of out that starts with `start`, or NULL. */
static const char *line_of(const char *out, const char *start)
{
	size_t len = strlen(start);

	for (const char *line = out; line && *line;) {
		if (!strncmp(line, start, len))
			return line;
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	return NULL;
}

/* "02_bce.c  [####----]  8/11  Title": passed and total of that line. */
static void points_of(const char *line, unsigned *passed, unsigned *total)
{
	const char *bar_end = strchr(line, ']');

	cr_assert(bar_end, "no bar in: %.80s", line);
	cr_assert_eq(sscanf(bar_end + 1, " %u/%u", passed, total), 2,
		     "no points in: %.80s", line);
}

static void run_progress(struct harness_run *run, const char *dir)
{
	char *tmp = harness_tempdir();
	char *env = NULL;

	cr_assert(asprintf(&env, "TMPDIR=%s", tmp) > 0);
	harness_grade(run, (const char *[]){ "--progress", dir, NULL },
		      (const char *[]){ env, NULL });
	cr_expect_eq(harness_count_entries(tmp), 0,
		     "--progress left scratch files in its TMPDIR");
	harness_remove(tmp);
	free(tmp);
	free(env);
}

Test(progress, stubs_have_no_points_and_start_at_chapter_1)
{
	struct harness_run run;
	unsigned passed, total;

	run_progress(&run, "exercises");
	cr_expect_eq(run.status, 1, "exit %d (stderr: %s)", run.status,
		     run.err);
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		const char *file = test_exercises[i].file;
		const char *line = line_of(run.out, file);

		cr_assert(line, "no line for %s in:\n%s", file, run.out);
		points_of(line, &passed, &total);
		cr_expect_eq(passed, 0, "%s has %u points", file, passed);
		cr_expect_gt(total, 0, "%s has no tests", file);
	}
	cr_expect(line_of(run.out, "total"), "no total in:\n%s", run.out);
	cr_expect(line_of(run.out, "Next: chapter 1, Probabilities and the "
				   "sigmoid: 01_sigmoid.c \u2014 sigmoid"),
		  "next is not chapter 1's sigmoid:\n%s", run.out);
	cr_expect(!harness_has_escape(run.out), "colours off a terminal");
	harness_run_release(&run);
}

Test(progress, solutions_pass_everything)
{
	struct harness_run run;
	unsigned passed, total;
	char complete[64];

	run_progress(&run, "solutions");
	cr_expect_eq(run.status, 0, "exit %d (stderr: %s)\n%s", run.status,
		     run.err, run.out);
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		const char *file = test_exercises[i].file;
		const char *line = line_of(run.out, file);

		cr_assert(line, "no line for %s in:\n%s", file, run.out);
		points_of(line, &passed, &total);
		cr_expect(passed == total && total > 0, "%s: %u/%u", file,
			  passed, total);
		cr_expect(strstr(line, "[####################]"),
			  "%s's bar is not full: %.80s", file, line);
	}
	snprintf(complete, sizeof complete, "%zu of %zu exercises complete",
		 TEST_EXERCISE_COUNT, TEST_EXERCISE_COUNT);
	cr_expect(strstr(run.out, complete), "no \"%s\" in:\n%s", complete,
		  run.out);
	cr_expect(line_of(run.out, "Next: nothing"), "%s", run.out);
	harness_run_release(&run);
}

Test(progress, unreadable_folder_is_refused)
{
	struct harness_run run;

	harness_grade(&run, (const char *[]){ "--progress",
					      "/nonexistent/wb", NULL },
		      NULL);
	cr_expect_eq(run.status, 2);
	cr_expect_eq(harness_lines(run.err), 1, "%s", run.err);
	cr_expect(strstr(run.err, "/nonexistent/wb"), "%s", run.err);
	harness_run_release(&run);
}
