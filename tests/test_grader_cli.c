/*
 * test_grader_cli.c - the grader's command line: every bad input ends with
 * exit status 2 and one line naming it; --help and --version; the JSON
 * report; -q; no colours off a terminal; nothing written into the
 * student's folder.  WB_GRADER names the grader (default build/grader).
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
	cr_expect(strstr(run.out, "12/12 points"), "-q printed: %s", run.out);
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
