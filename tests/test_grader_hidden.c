/*
 * test_grader_hidden.c - hidden tests: absent from the student build of the
 * suites (not even compiled in), present in the instructor build, reported
 * as hidden ("[hidden]" in the text, "after_published" in the JSON) only
 * with --hidden, and passed by the reference solutions.  WB_GRADER names
 * the grader (default build/grader); about 3 s.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/harness.h"
#include "support/json.h"

/* Counts of a --json report: tests, hidden tests, passed tests. */
struct counts {
	size_t tests, hidden, passed;
};

static struct counts grade_json(bool hidden, struct harness_run *run)
{
	char *dir = harness_tempdir();
	char *json_path = NULL;
	struct counts counts = { 0, 0, 0 };
	const struct json *tests;
	struct json *report;
	char *text;

	cr_assert_geq(asprintf(&json_path, "%s/results.json", dir), 0);
	harness_grade(run, hidden ?
		      (const char *[]){ "--hidden", "-v", "--seed", "7",
					"--json", json_path, "solutions", NULL } :
		      (const char *[]){ "-v", "--seed", "7", "--json",
					json_path, "solutions", NULL }, NULL);
	cr_assert_eq(run->status, 0, "the solutions fail (status %d):\n%s%s",
		     run->status, run->out, run->err);
	text = harness_read_file(json_path);
	cr_assert_not_null(text);
	report = json_parse(text);
	cr_assert_not_null(report, "not JSON:\n%s", text);
	tests = json_get(report, "tests");
	cr_assert(tests && tests->type == JSON_ARRAY);
	for (size_t i = 0; i < tests->count; i++) {
		const char *visibility =
			json_get(tests->items[i], "visibility")->string;

		cr_expect(!strcmp(visibility, "visible") ||
			  !strcmp(visibility, "after_published"), "%s",
			  visibility);
		counts.tests++;
		counts.hidden += !strcmp(visibility, "after_published");
		counts.passed += json_get(tests->items[i], "score")->number == 1;
	}
	json_free(report);
	free(text);
	free(json_path);
	harness_remove(dir);
	free(dir);
	return counts;
}

Test(hidden, student_build_has_none,
     .description = "without --hidden no hidden test runs or shows")
{
	struct harness_run run;
	struct counts counts = grade_json(false, &run);

	cr_expect_eq(counts.hidden, 0);
	cr_expect_eq(counts.passed, counts.tests);
	cr_expect_null(strstr(run.out, "[hidden]"), "%s", run.out);
	harness_run_release(&run);
}

Test(hidden, instructor_build_marks_them,
     .description = "--hidden adds hidden tests, marked in both reports, "
		    "and the solutions pass them")
{
	struct harness_run student, instructor;
	struct counts visible = grade_json(false, &student);
	struct counts all = grade_json(true, &instructor);

	cr_expect_geq(all.hidden, 8, "only %zu hidden tests", all.hidden);
	cr_expect_eq(all.tests, visible.tests + all.hidden);
	cr_expect_eq(all.passed, all.tests);
	cr_expect(strstr(instructor.out, "[hidden]"), "%s", instructor.out);
	harness_run_release(&student);
	harness_run_release(&instructor);
}

/* The names a suite program lists (criterion --list), run in a clean
 * environment: Criterion's own variables would make it act as a worker. */
static char *list_tests(const char *binary)
{
	char *command = NULL, *path = NULL, *text;
	char *dir = harness_tempdir();

	cr_assert_geq(asprintf(&path, "%s/list", dir), 0);
	cr_assert_geq(asprintf(&command, "env -i PATH=/usr/bin:/bin '%s' "
			       "--list >'%s' 2>&1", binary, path), 0);
	cr_assert_eq(system(command), 0, "%s", command);
	text = harness_read_file(path);
	cr_assert_not_null(text);
	free(command);
	free(path);
	harness_remove(dir);
	free(dir);
	return text;
}

Test(hidden, not_compiled_into_student_suites,
     .description = "a student's suite program does not contain the hidden "
		    "tests at all")
{
	char *student = list_tests("build/suites/02_bce.judge");
	char *instructor = list_tests("build/suites/hidden/02_bce.judge");

	cr_expect(strstr(instructor, "extreme_probabilities"), "%s", instructor);
	cr_expect_null(strstr(student, "extreme_probabilities"), "%s", student);
	cr_expect(strstr(student, "ordinary_inputs"), "%s", student);
	free(student);
	free(instructor);
}
