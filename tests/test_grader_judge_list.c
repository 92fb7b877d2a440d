/*
 * test_grader_judge_list.c - a judge asked only for its list of tests
 * (WB_LIST_ENV, what the grader reads to fail every test of a file that
 * did not build, and to hold a run's verdicts to) names exactly the tests
 * a run of it reports, with the same descriptions and visibility, for
 * every suite of the manifest, hidden tests included.
 */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/catalog.h"
#include "wb_format.h"

/* Ignoring the outcome: a run without the runner fails every test. */
static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The judge's `test` records, their name, description and visibility
 * only, sorted, one string; listing or running it alone (no runner).
 */
static char *records(const char *judge, bool list)
{
	char *command, *line = NULL, *lines[512], *joined;
	size_t cap = 0, n = 0, size = 1;
	FILE *out;

	/* env -i: a judge started from this test's worker must not take
	 * Criterion's variables for its own. */
	cr_assert(asprintf(&command, "env -i PATH=/usr/bin:/bin %s WB_SEED=1 "
			   "WB_REPORT_FD=3 %s "
			   "--output=wb:/dev/null -j2 3>&1 >/dev/null 2>&1",
			   list ? WB_LIST_ENV "=1" : "", judge) > 0);
	out = popen(command, "r");
	cr_assert_not_null(out, "cannot run %s", judge);
	while (getline(&line, &cap, out) > 0) {
		char *fields[10];

		if (strncmp(line, WB_RECORD_TEST "\t", 5))
			continue;
		cr_assert_lt(n, 512);
		cr_assert_geq(wb_split_fields(line, fields, 9), 9, "%s", line);
		cr_assert(asprintf(&lines[n++], "%s %s | %s | %s", fields[1],
				   fields[2], fields[3], fields[8]) > 0);
	}
	free(line);
	pclose(out);
	free(command);
	cr_assert_gt(n, 0, "%s reported no test", judge);
	qsort(lines, n, sizeof *lines, by_text);
	for (size_t i = 0; i < n; i++)
		size += strlen(lines[i]) + 1;
	joined = calloc(1, size);
	cr_assert_not_null(joined);
	for (size_t i = 0; i < n; i++) {
		strcat(strcat(joined, lines[i]), "\n");
		free(lines[i]);
	}
	return joined;
}

static void expect_same_tests(const char *folder)
{
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		char *judge, *listed, *run;

		cr_assert(asprintf(&judge, "%s/%s.judge", folder,
				   test_exercises[i].stem) > 0);
		listed = records(judge, true);
		run = records(judge, false);
		cr_expect_str_eq(listed, run, "%s lists other tests than it "
				 "runs", judge);
		free(listed);
		free(run);
		free(judge);
	}
}

Test(judge_list, names_the_tests_a_run_reports)
{
	expect_same_tests("build/suites");
}

Test(judge_list, names_the_hidden_tests_too)
{
	expect_same_tests("build/suites/hidden");
}

/*
 * Listing ends the judge as a run does: Criterion removes its socket
 * (/tmp/criterion_PID.sock, outside any scratch folder when the sandbox
 * has no private /tmp), which an _exit from the hook would leave behind,
 * one a listed file.
 */
Test(judge_list, leaves_no_socket_behind)
{
	char *command, *socket;
	int pid = 0;
	FILE *out;

	/* The shell's pid is the judge's: both execs keep it. */
	cr_assert(asprintf(&command, "echo $$; exec env -i PATH=/usr/bin:/bin "
			   WB_LIST_ENV "=1 WB_SEED=1 WB_REPORT_FD=3 "
			   "build/suites/%s.judge --output=wb:/dev/null "
			   "3>/dev/null 2>/dev/null", test_exercises[0].stem) > 0);
	out = popen(command, "r");
	cr_assert_not_null(out);
	cr_assert_eq(fscanf(out, "%d", &pid), 1);
	cr_assert_eq(pclose(out), 0, "%s failed", command);
	cr_assert(asprintf(&socket, "/tmp/criterion_%d.sock", pid) > 0);
	cr_expect_neq(access(socket, F_OK), 0, "listing left %s behind",
		      socket);
	unlink(socket);
	free(socket);
	free(command);
}
