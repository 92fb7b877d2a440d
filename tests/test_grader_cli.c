/*
 * test_grader_cli.c - the grader's command line: every bad input ends with
 * exit status 2 and one line naming it (with "did you mean" for a near
 * miss); --help and --version; every name of an exercise; the JSON report;
 * -q; no colours off a terminal; "Next:" under --only; nothing written
 * into the student's folder.  WB_GRADER names the
 * grader (default build/grader).
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/catalog.h"
#include "support/harness.h"
#include "support/report.h"

/* Runs the grader; expects exit 2 and one stderr line holding `names`. */
static void expect_refusal(const char *const *args, const char *names)
{
	struct harness_run run;

	harness_grade(&run, args, NULL);
	cr_expect_eq(run.status, 2, "exit status %d for %s (stderr: %s)",
		     run.status, names, run.err);
	cr_expect_eq(harness_lines(run.err), 1,
		     "not one line on stderr for %s:\n%s", names, run.err);
	cr_expect(strstr(run.err, names), "the message does not name %s:\n%s",
		  names, run.err);
	cr_expect(strstr(run.err, "grader: ") == run.err,
		  "the message does not start with \"grader: \": %s", run.err);
	harness_run_release(&run);
}

Test(cli, unknown_option)
{
	expect_refusal((const char *[]){ "--frobnicate", NULL }, "--frobnicate");
	expect_refusal((const char *[]){ "-x", "exercises", NULL }, "-x");
}

Test(cli, missing_option_arguments)
{
	expect_refusal((const char *[]){ "--json", NULL }, "--json");
	expect_refusal((const char *[]){ "exercises", "--seed", NULL }, "--seed");
	expect_refusal((const char *[]){ "--only", NULL }, "--only");
	expect_refusal((const char *[]){ "-j", NULL }, "-j");
}

Test(cli, bad_values)
{
	expect_refusal((const char *[]){ "--seed", "abc", NULL }, "abc");
	expect_refusal((const char *[]){ "--seed", "-3", NULL }, "-3");
	expect_refusal((const char *[]){ "--only", "nosuch", NULL }, "nosuch");
	expect_refusal((const char *[]){ "-j", "0", NULL }, "0");
	expect_refusal((const char *[]){ "a", "b", NULL }, "b");
}

Test(cli, near_misses_get_suggestions)
{
	expect_refusal((const char *[]){ "--only", "sigmoud", NULL },
		       "did you mean 01_sigmoid.c or sigmoid?");
	expect_refusal((const char *[]){ "--hint", "bce", NULL },
		       "did you mean 02_bce.c, bce_loss or bce_with_logits?");
	expect_refusal((const char *[]){ "--resolve", "kl_divergance", NULL },
		       "did you mean kl_divergence?");
	expect_refusal((const char *[]){ "--only", "0", NULL },
		       "the exercises are 1 (01_sigmoid.c) to ");
}

Test(cli, what_a_seed_is)
{
	expect_refusal((const char *[]){ "--seed", "-5", NULL },
		       "--seed -5: a seed is a whole number from 0 to 2^64-1");
}

Test(cli, unreadable_folder)
{
	expect_refusal((const char *[]){ "/nonexistent/wb-folder", NULL },
		       "/nonexistent/wb-folder");
	expect_refusal((const char *[]){ "Makefile", NULL }, "Makefile");
}

Test(cli, folder_without_exercise_files)
{
	char *dir = harness_tempdir();

	expect_refusal((const char *[]){ dir, NULL }, dir);
	harness_remove(dir);
	free(dir);
}

Test(cli, json_into_missing_folder)
{
	expect_refusal((const char *[]){ "--json", "/nonexistent/wb/r.json",
					 "exercises", NULL },
		       "/nonexistent/wb");
}

Test(cli, help_and_version)
{
	struct harness_run run;

	harness_grade(&run, (const char *[]){ "--help", NULL }, NULL);
	cr_expect_eq(run.status, 0);
	cr_expect(strstr(run.out, "--json FILE") && strstr(run.out, "--only"),
		  "--help does not describe the options:\n%s", run.out);
	harness_run_release(&run);
	harness_grade(&run, (const char *[]){ "--version", NULL }, NULL);
	cr_expect_eq(run.status, 0);
	cr_expect_eq(harness_lines(run.out), 1, "--version: %s", run.out);
	harness_run_release(&run);
}

/* A copy of the sigmoid solution, graded alone: the quick real run. */
struct folder {
	char *dir;
	char *snapshot;
};

static void folder_with_solution(struct folder *f)
{
	char path[512];

	f->dir = harness_tempdir();
	snprintf(path, sizeof path, "%s/01_sigmoid.c", f->dir);
	harness_copy_file("solutions/01_sigmoid.c", path);
	f->snapshot = harness_snapshot(f->dir);
}

static void folder_release(struct folder *f)
{
	char *now = harness_snapshot(f->dir);

	cr_expect_str_eq(now, f->snapshot, "the grader changed %s", f->dir);
	free(now);
	free(f->snapshot);
	harness_remove(f->dir);
	free(f->dir);
}

Test(cli, a_file_given_as_the_folder)
{
	struct folder f;
	char path[512], says[600];

	folder_with_solution(&f);
	snprintf(path, sizeof path, "%s/01_sigmoid.c", f.dir);
	snprintf(says, sizeof says, "%s is a file, not a folder: to grade only "
		 "it, run build/grader --only 01_sigmoid.c %s", path, f.dir);
	expect_refusal((const char *[]){ path, NULL }, says);
	expect_refusal((const char *[]){ "--progress", path, NULL }, says);
	folder_release(&f);
}

/* "12/12 points": full points of 01_sigmoid.c, from the manifest. */
static const char *sigmoid_points(void)
{
	static char text[32];
	unsigned points = test_exercise_of("01_sigmoid.c")->points;

	snprintf(text, sizeof text, "%u/%u points", points, points);
	return text;
}

Test(cli, every_name_of_an_exercise_grades_it)
{
	static const char *const names[] = { "1", "01", "01_sigmoid",
					     "01_sigmoid.c" };
	struct folder f;
	struct harness_run run;

	folder_with_solution(&f);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		harness_grade(&run, (const char *[]){ "--only", names[i],
						      "--no-color", f.dir,
						      NULL }, NULL);
		cr_expect_eq(run.status, 0, "--only %s: exit %d: %s", names[i],
			     run.status, run.err);
		cr_expect(strstr(run.out, "01_sigmoid.c") &&
			  strstr(run.out, sigmoid_points()) &&
			  !strstr(run.out, "\n02_bce.c"),
			  "--only %s graded:\n%s", names[i], run.out);
		harness_run_release(&run);
		harness_grade(&run, (const char *[]){ "--resolve", names[i],
						      NULL }, NULL);
		cr_expect_eq(run.status, 0, "--resolve %s: %s", names[i],
			     run.err);
		cr_expect_str_eq(run.out, "01_sigmoid\n", "--resolve %s",
				 names[i]);
		harness_run_release(&run);
	}
	harness_grade(&run, (const char *[]){ "--resolve", "bce_loss", NULL },
		      NULL);
	cr_expect_str_eq(run.out, "02_bce\n");
	harness_run_release(&run);
	folder_release(&f);
}

Test(cli, hint_for_a_file_takes_its_first_failing_function)
{
	struct folder f;
	struct harness_run run;

	/* Every function passes: the file's last one, and what comes next. */
	folder_with_solution(&f);
	harness_grade(&run, (const char *[]){ "--hint", "1", f.dir, NULL },
		      NULL);
	cr_expect_eq(run.status, 0, "exit %d: %s", run.status, run.err);
	cr_expect(strstr(run.out, "sigmoid_grad passes all ") &&
		  strstr(run.out, "Next: bce_loss in 02_bce.c"), "%s", run.out);
	harness_run_release(&run);
	folder_release(&f);
}

/*
 * Runs make in a clean environment (no make running the tests, no
 * Criterion worker's variables for the judge it starts); its output.
 */
static char *run_make(const char *arguments, int *status)
{
	char command[256], chunk[4096];
	struct { char *buf; size_t len; } out = { NULL, 0 };
	FILE *pipe;
	size_t got;

	snprintf(command, sizeof command, "env -i PATH=\"$PATH\" LANG=C.UTF-8 "
		 "make -s --no-print-directory %s 2>&1", arguments);
	pipe = popen(command, "r");
	cr_assert(pipe, "cannot run %s", command);
	while ((got = fread(chunk, 1, sizeof chunk, pipe)) > 0) {
		out.buf = realloc(out.buf, out.len + got + 1);
		cr_assert(out.buf);
		memcpy(out.buf + out.len, chunk, got);
		out.len += got;
		out.buf[out.len] = '\0';
	}
	*status = pclose(pipe);
	return out.buf ? out.buf : strdup("");
}

Test(cli, make_rules_take_the_same_names, .timeout = 120)
{
	int status;
	char *out = run_make("check EX=sigmoud", &status);

	cr_expect_neq(status, 0, "make check EX=sigmoud passed:\n%s", out);
	cr_expect(strstr(out, "check: EX=sigmoud: no exercise or function is "
		  "named that; did you mean 01_sigmoid.c or sigmoid?"), "%s",
		  out);
	free(out);
	out = run_make("check EX=1 DIR=solutions", &status);
	cr_expect_eq(status, 0, "make check EX=1 DIR=solutions:\n%s", out);
	cr_expect(strstr(out, "Synthesis: Tested: 12"), "%s", out);
	free(out);
	out = run_make("read CH=bce_loss", &status);
	cr_expect_eq(status, 0, "make read CH=bce_loss:\n%s", out);
	cr_expect(strstr(out, "Binary cross-entropy from maximum likelihood"),
		  "make read CH=bce_loss:\n%.400s", out);
	free(out);
	out = run_make("read CH=99", &status);
	cr_expect(status != 0 && strstr(out, "read: CH=99: no exercise of that "
		  "number"), "%s", out);
	free(out);
}

/* --only 01 of a folder beside `second` as 02_bce.c (NULL: none). */
static void expect_next(const char *second, const char *next)
{
	struct folder f;
	struct harness_run run;
	char path[512], line[1024];

	folder_with_solution(&f);
	if (second) {
		snprintf(path, sizeof path, "%s/02_bce.c", f.dir);
		harness_copy_file(second, path);
		free(f.snapshot);
		f.snapshot = harness_snapshot(f.dir);
	}
	snprintf(line, sizeof line, next, f.dir, f.dir);
	harness_grade(&run, (const char *[]){ "--only", "01", "--hidden",
					      f.dir, NULL }, NULL);
	cr_expect_eq(run.status, 0, "exit %d: %s", run.status, run.err);
	cr_expect(strstr(run.out, line), "no \"%s\" in:\n%s", line, run.out);
	cr_expect(!strstr(run.out, "[hidden]"), "%s", run.out);
	harness_run_release(&run);
	folder_release(&f);
}

/*
 * The folder given is absolute (a scratch folder): the report names files
 * relative to it and never repeats it (no path of the grading machine).
 */
Test(cli, next_under_only_names_the_next_unfinished_file)
{
	expect_next("exercises/02_bce.c", "Next: every test graded here "
		    "passes; 02_bce.c is not finished (it still calls "
		    "workbook_todo()): build/grader --only 02_bce.c DIR grades "
		    "it");
	/* The solution's stub (in a comment) is no call. */
	expect_next("solutions/02_bce.c", "Next: every test graded here "
		    "passes; 03_gradcheck.c is missing: copy "
		    "exercises/03_gradcheck.c into your submission");
	expect_next(NULL, "Next: every test graded here passes; "
		    "02_bce.c is missing: copy exercises/02_bce.c into your "
		    "submission");
}

Test(cli, binary_exercise_file_loses_its_points)
{
	struct folder f;
	struct harness_run run;
	char path[512];

	folder_with_solution(&f);
	snprintf(path, sizeof path, "%s/02_bce.c", f.dir);
	harness_write_file(path, "\177ELF\0\1\2\3", 8);
	free(f.snapshot);
	f.snapshot = harness_snapshot(f.dir);
	harness_grade(&run, (const char *[]){ "--only", "01", "--only", "02",
					      "--no-color", f.dir, NULL },
		      NULL);
	cr_expect_eq(run.status, 1, "exit %d: %s", run.status, run.err);
	cr_expect(strstr(run.out, "02_bce.c is not a C source file"),
		  "no message about the binary file:\n%s", run.out);
	cr_expect(strstr(run.out, "01_sigmoid.c") &&
		  strstr(run.out, "12/12"),
		  "01_sigmoid.c did not keep its points:\n%s", run.out);
	harness_run_release(&run);
	folder_release(&f);
}

Test(cli, json_report_is_gradescope)
{
	struct folder f;
	struct harness_run run;
	struct report report;
	char json[600];

	folder_with_solution(&f);
	snprintf(json, sizeof json, "%s.json", f.dir);
	harness_grade(&run, (const char *[]){ "--json", json, "--seed", "7",
					      f.dir, NULL }, NULL);
	cr_expect_eq(run.status, 1, "exit %d: %s", run.status, run.err);
	report_load(&report, json);
	cr_assert(!report.problem, "results.json: %s", report.problem);
	cr_expect_gt(report.score, 0);
	cr_expect_gt(report.max_score, report.score);
	cr_expect(strstr(run.out, "Reproduce: ") &&
		  strstr(run.out, "--seed 7 "), "no reproduce line:\n%s",
		  run.out);
	report_release(&report);
	remove(json);
	harness_run_release(&run);
	folder_release(&f);
}

Test(cli, quiet_prints_one_line_without_colour)
{
	struct folder f;
	struct harness_run run;

	folder_with_solution(&f);
	harness_grade(&run, (const char *[]){ "-q", "--only", "01", f.dir,
					      NULL }, NULL);
	cr_expect_eq(run.status, 0, "exit %d: %s", run.status, run.err);
	cr_expect_eq(harness_lines(run.out), 1, "-q printed:\n%s", run.out);
	cr_expect(strstr(run.out, sigmoid_points()), "-q printed: %s", run.out);
	cr_expect(!harness_has_escape(run.out), "escape codes off a terminal");
	harness_run_release(&run);
	harness_grade(&run, (const char *[]){ "-v", "--only", "sigmoid",
					      f.dir, NULL },
		      (const char *[]){ "NO_COLOR=1", NULL });
	cr_expect_eq(run.status, 0, "exit %d: %s", run.status, run.err);
	cr_expect(strstr(run.out, "pass sigmoid: "), "-v lists no passing "
		  "test:\n%s", run.out);
	cr_expect(!strstr(run.out, "sigmoid_grad:"), "--only sigmoid graded "
		  "sigmoid_grad:\n%s", run.out);
	cr_expect(!harness_has_escape(run.out), "escape codes with NO_COLOR");
	harness_run_release(&run);
	folder_release(&f);
}
