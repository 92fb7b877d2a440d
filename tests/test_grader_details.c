/*
 * test_grader_details.c - every failure shows its details, or the report
 * says how many it left out and the one command that shows them; what a
 * student's function printed shows (bounded, sanitized) under the test
 * that printed it, never under a hidden test in a student's view.
 * WB_GRADER names the grader (default build/grader).
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/harness.h"

/* bce_loss without the mean: four tests fail, each with expected/got. */
static const char sum_source[] =
	"#include <math.h>\n"
	"#include <stddef.h>\n"
	"#include \"workbook.h\"\n"
	"double bce_loss(const double *y, const double *p, size_t n)\n"
	"{\n"
	"\tdouble sum = 0.0;\n"
	"\tfor (size_t i = 0; i < n; i++) {\n"
	"\t\tif (y[i] > 0) sum -= y[i] * log(p[i]);\n"
	"\t\tif (y[i] < 1) sum -= (1 - y[i]) * log1p(-p[i]);\n"
	"\t}\n"
	"\treturn sum;\n"
	"}\n";

static char *folder_with(const char *file, const char *source)
{
	char *dir = harness_tempdir();
	char path[512];

	snprintf(path, sizeof path, "%s/%s", dir, file);
	harness_write_file(path, source, strlen(source));
	return dir;
}

static size_t count(const char *text, const char *what)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* The command of "(details of these N failures: COMMAND)", split. */
static size_t pointer_args(const char *out, const char *program,
			   char *copy, size_t size, const char **args,
			   size_t max)
{
	const char *start = strstr(out, "failures: ");
	size_t n = 0;
	char *end, *word;

	cr_assert(start, "no pointer to the other failures:\n%s", out);
	snprintf(copy, size, "%s", start + strlen("failures: "));
	end = strchr(copy, ')');
	cr_assert(end, "the pointer does not end with ')':\n%s", out);
	*end = '\0';
	cr_assert(!strncmp(copy, program, strlen(program)),
		  "the pointer does not start with %s: %s", program, copy);
	for (word = strtok(copy + strlen(program), " "); word && n + 1 < max;
	     word = strtok(NULL, " "))
		args[n++] = word;
	args[n] = NULL;
	return n;
}

Test(details, a_pointer_to_the_failures_left_out_and_it_works)
{
	char *dir = folder_with("02_bce.c", sum_source);
	char expected[1024], copy[1024];
	const char *args[16];
	struct harness_run run, all;

	harness_grade(&run, (const char *[]){ "--only", "02", "--seed", "5",
					      "--no-color", dir, NULL }, NULL);
	cr_expect_eq(run.status, 1, "exit %d: %s", run.status, run.err);
	cr_expect_eq(count(run.out, "expected:"), 2,
		     "not two failures in full:\n%s", run.out);
	snprintf(expected, sizeof expected, "(details of these 2 failures: "
		 "%s --seed 5 --only bce_loss --all %s)", harness_grader(),
		 dir);
	cr_expect(strstr(run.out, expected), "no line %s:\n%s", expected,
		  run.out);
	pointer_args(run.out, harness_grader(), copy, sizeof copy, args,
		     sizeof args / sizeof *args);
	harness_grade(&all, args, NULL);
	cr_expect_eq(all.status, 1, "exit %d: %s", all.status, all.err);
	cr_expect_eq(count(all.out, "expected:"), 4,
		     "the pointer's command does not show all four:\n%s",
		     all.out);
	cr_expect(!strstr(all.out, "details of these"),
		  "--all still leaves failures out:\n%s", all.out);
	harness_run_release(&run);
	harness_run_release(&all);
	harness_remove(dir);
	free(dir);
}

Test(details, the_json_report_has_every_failure_in_full)
{
	char *dir = folder_with("02_bce.c", sum_source);
	char json[600];
	struct harness_run run;
	char *text;

	snprintf(json, sizeof json, "%s/results.json", dir);
	harness_grade(&run, (const char *[]){ "--only", "02", "--json", json,
					      "--no-color", dir, NULL }, NULL);
	cr_expect_eq(run.status, 1, "exit %d: %s", run.status, run.err);
	text = harness_read_file(json);
	cr_assert(text, "no %s", json);
	/* Twice each: in the text report it carries, and per test. */
	cr_expect_eq(count(text, "expected:"), 8,
		     "the JSON report leaves failures out:\n%s", text);
	cr_expect(!strstr(text, "details of these"), "%s", text);
	free(text);
	harness_run_release(&run);
	harness_remove(dir);
	free(dir);
}
