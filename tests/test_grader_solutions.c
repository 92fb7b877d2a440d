/*
 * test_grader_solutions.c - the grader against the project's own folders:
 * the reference solutions get every point, the stubs none (every function
 * "not implemented"), and one solution copied into the stubs gets exactly
 * its own exercise's points.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/catalog.h"
#include "support/harness.h"
#include "support/report.h"

static void grade(const char *dir, struct harness_run *run,
		  struct report *report)
{
	char *scratch = harness_tempdir();
	char json[600];

	snprintf(json, sizeof json, "%s/results.json", scratch);
	harness_grade(run, (const char *[]){ "--json", json, "--no-color",
					     dir, NULL }, NULL);
	report_load(report, json);
	harness_remove(scratch);
	free(scratch);
}

Test(solutions, get_every_point, .timeout = 120)
{
	struct harness_run run;
	struct report report;
	char line[64];

	grade("solutions", &run, &report);
	cr_expect_eq(run.status, 0, "exit %d\n%s%s", run.status, run.out,
		     run.err);
	cr_assert(!report.problem, "results.json: %s", report.problem);
	cr_expect_gt(report.max_score, 0);
	cr_expect_eq(report.score, report.max_score, "%s", run.out);
	for (size_t i = 0; i < report.count; i++)
		cr_expect(report.tests[i].passed, "%s failed:\n%s",
			  report.tests[i].name, report.tests[i].output);
	snprintf(line, sizeof line, "%zu/%zu exercises", TEST_EXERCISE_COUNT,
		 TEST_EXERCISE_COUNT);
	cr_expect(strstr(run.out, line), "no \"%s\" in:\n%s", line, run.out);
	cr_expect_eq(report.max_score, test_total_points(0),
		     "include/curriculum.def promises %u points, the suites "
		     "have %g: update its points", test_total_points(0),
		     report.max_score);
	report_release(&report);
	harness_run_release(&run);
}

/* Each exercise has the points the manifest gives it, hidden ones too. */
Test(solutions, each_exercise_has_its_points, .timeout = 120)
{
	struct harness_run run;
	char line[128];

	harness_grade(&run, (const char *[]){ "--hidden", "--no-color",
					      "solutions", NULL }, NULL);
	cr_expect_eq(run.status, 0, "exit %d\n%s%s", run.status, run.out,
		     run.err);
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		const struct test_exercise *e = &test_exercises[i];
		const char *at = strstr(run.out, e->file);
		unsigned passed = 0, total = 0;

		cr_assert(at, "no line of %s in:\n%s", e->file, run.out);
		cr_expect(sscanf(at + strlen(e->file), " %u/%u", &passed,
				 &total) == 2 && total == e->points,
			  "%s has %u visible tests, include/curriculum.def "
			  "says %u: update its points", e->file, total,
			  e->points);
	}
	snprintf(line, sizeof line, "%u hidden tests: %u passed",
		 test_total_points(1) - test_total_points(0),
		 test_total_points(1) - test_total_points(0));
	cr_expect(strstr(run.out, line), "no \"%s\" (include/curriculum.def's "
		  "hidden points) in:\n%s", line, run.out);
	harness_run_release(&run);
}

Test(exercises, get_no_point, .timeout = 120)
{
	struct harness_run run;
	struct report report;

	grade("exercises", &run, &report);
	cr_expect_eq(run.status, 1, "exit %d\n%s", run.status, run.err);
	cr_assert(!report.problem, "results.json: %s", report.problem);
	cr_expect_eq(report.score, 0);
	cr_expect_gt(report.max_score, 0);
	for (size_t i = 0; i < report.count; i++)
		cr_expect(strstr(report.tests[i].output, "not implemented"),
			  "%s: %s", report.tests[i].name,
			  report.tests[i].output);
	for (size_t e = 0; e < TEST_EXERCISE_COUNT; e++)
		for (size_t f = 0; test_exercises[e].functions[f]; f++) {
			char line[128];

			snprintf(line, sizeof line, "  %s: not implemented (",
				 test_exercises[e].functions[f]);
			cr_expect(strstr(run.out, line), "no line \"%s\" in:\n%s",
				  line, run.out);
		}
	report_release(&report);
	harness_run_release(&run);
}

Test(exercises, one_solution_brings_its_points, .timeout = 120)
{
	char *dir = harness_tempdir(), path[600], line[64];
	struct harness_run run;
	struct report report;
	double earned = 0, possible = 0;

	harness_copy_files("exercises", dir);
	snprintf(path, sizeof path, "%s/06_information.c", dir);
	harness_copy_file("solutions/06_information.c", path);
	grade(dir, &run, &report);
	cr_expect_eq(run.status, 1, "exit %d\n%s", run.status, run.err);
	cr_assert(!report.problem, "results.json: %s", report.problem);
	for (size_t i = 0; i < report.count; i++) {
		const struct report_test *t = &report.tests[i];
		const char *file = test_file_of(t->function);

		if (file && !strcmp(file, "06_information.c")) {
			possible += t->max_score;
			earned += t->score;
		} else {
			cr_expect(!t->passed, "%s passed in a stub", t->name);
		}
	}
	cr_expect_gt(possible, 0);
	cr_expect_eq(earned, possible);
	cr_expect_eq(report.score, earned);
	snprintf(line, sizeof line, "1/%zu exercises", TEST_EXERCISE_COUNT);
	cr_expect(strstr(run.out, line), "no \"%s\" in:\n%s", line, run.out);
	report_release(&report);
	harness_run_release(&run);
	harness_remove(dir);
	free(dir);
}
