/*
 * test_grader_log.c - OUT/grading.log as an instructor reads it after
 * grading a class, changing one submission and grading again: one entry
 * per run, how many were graded and kept, and exactly the students whose
 * row changed.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/harness.h"

static void student(const char *subs, const char *id, const char *from)
{
	char *dir = harness_join(subs, id);

	mkdir(dir, 0755);
	harness_copy_into(from, dir, "01_sigmoid.c");
	free(dir);
}

/* Runs the batch and returns the log (malloc'd). */
static char *grade(const char *subs, const char *out)
{
	const char *args[] = { "--batch", subs, "--out", out, "-j", "2",
			       NULL };
	const char *env[] = { "WB_COURSE_SECRET=log-test", NULL };
	struct harness_run run;
	char *path = harness_join(out, "grading.log"), *log;

	harness_grade(&run, args, env);
	cr_assert_eq(run.status, 0, "%s%s", run.out, run.err);
	harness_run_release(&run);
	log = harness_read_file(path);
	cr_assert_not_null(log, "no %s", path);
	free(path);
	return log;
}

Test(log, each_run_says_what_it_graded_and_what_changed, .timeout = 300)
{
	char *root = harness_tempdir(), *subs = harness_join(root, "subs");
	char *out = harness_join(root, "out"), *log, *second;

	mkdir(subs, 0755);
	student(subs, "alice", "solutions/01_sigmoid.c");
	student(subs, "bob", "exercises/01_sigmoid.c");
	log = grade(subs, out);
	cr_expect_eq(harness_lines(log), 3, "%s", log);
	cr_expect(strstr(log, " finished, exit 0: 2 graded in this run, 0 "
			 "kept from earlier runs\n"), "%s", log);
	cr_expect(strstr(log, "\n  alice: (new) -> ok 15\n"), "%s", log);
	cr_expect(strstr(log, "\n  bob: (new) -> ok 0\n"), "%s", log);
	free(log);

	student(subs, "bob", "solutions/01_sigmoid.c");
	log = grade(subs, out);
	second = strstr(log, "\n20");
	cr_assert_not_null(second, "one entry per run:\n%s", log);
	cr_expect(strstr(second, ": 1 graded in this run, 1 kept from "
			 "earlier runs\n  bob: ok 0 -> ok 15\n"), "%s", log);
	cr_expect_null(strstr(second, "alice"), "alice did not change:\n%s",
		       log);
	free(log);

	log = grade(subs, out);
	cr_expect(strstr(log, ": 0 graded in this run, 2 kept from earlier "
			 "runs\n  no student's status or final score "
			 "changed\n"), "%s", log);
	free(log);
	harness_remove(root);
	free(out);
	free(subs);
	free(root);
}
