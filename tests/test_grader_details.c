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

/*
 * sigmoid prints a line of 40 bytes a hundred times a call, with escape
 * sequences in it, and is wrong; sigmoid_grad prints, then crashes.
 */
static const char chatty_source[] =
	"#include <stdio.h>\n"
	"#include \"workbook.h\"\n"
	"double sigmoid(double z)\n"
	"{\n"
	"\tfor (int i = 0; i < 100; i++)\n"
	"\t\tprintf(\"chatty \\033[2J\\033]0;pwned\\007line %%02d of this call\\n\", i);\n"
	"\treturn z;\n"
	"}\n"
	"double sigmoid_grad(double z)\n"
	"{\n"
	"\tfprintf(stderr, \"about to crash at %%g\\n\", z);\n"
	"\t*(volatile int *)0 = 0;\n"
	"\treturn z;\n"
	"}\n";

Test(details, printed_output_shows_under_its_test_bounded_and_clean)
{
	char source[1024];
	char *dir;
	struct harness_run run;
	const char *crash;

	snprintf(source, sizeof source, chatty_source);
	dir = folder_with("01_sigmoid.c", source);
	harness_grade(&run, (const char *[]){ "--only", "01", "--no-color",
					      dir, NULL }, NULL);
	cr_expect_eq(run.status, 1, "exit %d: %s", run.status, run.err);
	cr_expect(strstr(run.out, "printed (by your code, during this test):\n"
			 "           chatty line 00 of this call"),
		  "no printed output under the test:\n%s", run.out);
	cr_expect(!harness_has_escape(run.out) && !strstr(run.out, "pwned\a"),
		  "escape sequences printed through:\n%s", run.out);
	cr_expect(strstr(run.out, "[the rest is not shown: a test keeps the "
			 "first 2048 bytes printed]"),
		  "no note that output was cut:\n%s", run.out);
	/* Two failures in full, each at most 2048 bytes of 30-byte lines. */
	cr_expect_leq(count(run.out, "chatty line"), 2 * (2048 / 30 + 1),
		      "printed output not bounded:\n%s", run.out);
	crash = strstr(run.out, "sigmoid_grad: ");
	cr_expect(crash && strstr(crash, "about to crash at"),
		  "what a crashing call printed is lost:\n%s", run.out);
	harness_run_release(&run);
	harness_remove(dir);
	free(dir);
}

/* Right everywhere but at a hidden test's input, where it prints. */
static const char hidden_source[] =
	"#include <math.h>\n"
	"#include <stdio.h>\n"
	"#include \"workbook.h\"\n"
	"double sigmoid(double z)\n"
	"{\n"
	"\tif (z == 1e-300) {\n"
	"\t\tprintf(\"SECRET-INPUT-OF-A-HIDDEN-TEST\\n\");\n"
	"\t\treturn 0.25;\n"
	"\t}\n"
	"\treturn z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z));\n"
	"}\n";

Test(details, printed_output_of_a_hidden_test_stays_hidden)
{
	char *dir = folder_with("01_sigmoid.c", hidden_source);
	char json[600];
	struct harness_run student, instructor;
	char *text;

	snprintf(json, sizeof json, "%s/results.json", dir);
	harness_grade(&student, (const char *[]){ "--only", "sigmoid",
		"--hidden", "--all", "-v", "--json", json, "--no-color", dir,
		NULL }, NULL);
	cr_expect_eq(student.status, 1, "exit %d: %s", student.status,
		     student.err);
	cr_expect(!strstr(student.out, "SECRET"),
		  "a hidden test's output reached a student:\n%s", student.out);
	text = harness_read_file(json);
	cr_expect(text && !strstr(text, "SECRET"),
		  "a hidden test's output is in the JSON:\n%s", text);
	free(text);
	/* The instructor sees it: the input does reach the hidden test. */
	harness_grade(&instructor, (const char *[]){ "--only", "sigmoid",
		"--hidden", "--instructor-view", "--no-color", dir, NULL },
		NULL);
	cr_expect(strstr(instructor.out, "SECRET-INPUT-OF-A-HIDDEN-TEST"),
		  "the instructor's view lacks it:\n%s", instructor.out);
	harness_run_release(&student);
	harness_run_release(&instructor);
	harness_remove(dir);
	free(dir);
}
