/*
 * test_grader_discovery.c - a class of awkward submissions made here (a
 * zip of workbook/exercises/, misnamed files, a stray 6 MiB binary beside
 * the files, a compile error, a stub) graded by build/grader --batch: the
 * same files are found at any depth as in a single-folder run, strays are
 * notes and not refusals, a misnamed file gets one "did you mean", a
 * file-level failure is said once, a stub is one line per function, and
 * no path of the grading machine reaches a student's page.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/catalog.h"
#include "support/gradebook_lookup.h"
#include "support/harness.h"


static void run_shell(const char *command)
{
	cr_assert_eq(system(command), 0, "%s", command);
}

/* dir (made with its parents) holding every exercise from `from`. */
static void fill(const char *dir, const char *from)
{
	char *command;

	cr_assert(asprintf(&command, "mkdir -p '%s' && cp %s/[0-9][0-9]_*.c "
			   "'%s'/", dir, from, dir) >= 0);
	run_shell(command);
	free(command);
}

static size_t count(const char *text, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The class: one student per kind of awkward submission. */
static char *make_class(const char *root)
{
	char *subs = harness_join(root, "subs"), *command;

	cr_assert_eq(mkdir(subs, 0755), 0);
	char *top = getcwd(NULL, 0);

	cr_assert_not_null(top);
	cr_assert(asprintf(&command,
		"cd '%s' && "
		/* nested: a zip of workbook/exercises/ */
		"mkdir -p n/workbook/exercises && "
		"cp '%s'/solutions/[0-9]*.c n/workbook/exercises/ && "
		"(cd n && zip -qr ../nested.zip workbook) && rm -r n && "
		/* stray: a 6 MiB binary beside the files, in a zip */
		"mkdir s && cp '%s'/solutions/[0-9]*.c s/ && "
		"head -c 6291456 /dev/urandom > s/data.bin && "
		"(cd s && zip -q ../stray.zip *) && rm -r s && "
		/* misnamed: only 02_bce.c, under four wrong names */
		"mkdir misnamed && cp '%s'/solutions/02_bce.c misnamed/bce.c && "
		"cp misnamed/bce.c misnamed/02_BCE.c && "
		"cp misnamed/bce.c 'misnamed/02_bce (1).c' && "
		"cp misnamed/bce.c misnamed/02_bce.c.txt",
		subs, top, top, top) >= 0);
	free(top);
	run_shell(command);
	free(command);
	/* broken: every solution, 02_bce.c with a compile error */
	command = harness_join(subs, "broken");
	fill(command, "solutions");
	free(command);
	command = harness_join(subs, "broken/02_bce.c");
	harness_write_file(command, "double bce_loss(void) { return }\n"
			   "int oops = ;\n", 45);
	free(command);
	/* stub: the exercises as handed out */
	command = harness_join(subs, "stub");
	fill(command, "exercises");
	free(command);
	return subs;
}

/* The field column of the row of id, as a number. */
static long field(const char *gradebook, const char *id, const char *column)
{
	char *text = gradebook_lookup(gradebook, id, column);
	long value;

	cr_assert_not_null(text, "no row %s in\n%s", id, gradebook);
	value = strtol(text, NULL, 10);
	free(text);
	return value;
}

static void no_machine_path(const char *text, const char *root,
			    const char *what)
{
	cr_expect_null(strstr(text, root), "%s holds %s", what, root);
	cr_expect_null(strstr(text, "/tmp/"), "%s holds /tmp/", what);
}

/* The most lines a stub's feedback page may have: a table row per exercise
 * and a short paragraph (four lines) per function, never one per test. */
static size_t stub_page_lines(void)
{
	size_t lines = 20 + TEST_EXERCISE_COUNT;

	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		for (size_t f = 0; test_exercises[i].functions[f]; f++)
			lines += 4;
	return lines;
}

Test(discovery, a_class_of_awkward_submissions, .timeout = 600)
{
	char *root = harness_tempdir();
	char *subs = make_class(root), *out = harness_join(root, "out");
	const char *args[] = { "--batch", subs, "--out", out, "-j", "2",
			       NULL };
	const char *const env[] = { "WB_COURSE_SECRET=discovery", NULL };
	struct harness_run run;
	char *gradebook, *path, *text, *status;

	harness_grade(&run, args, env);
	cr_assert_eq(run.status, 0, "stderr:\n%s", run.err);
	path = harness_join(out, "gradebook.csv");
	gradebook = harness_read_file(path);
	cr_assert_not_null(gradebook);
	free(path);

	/* Found at depth 2, as run_autograder and build/grader find them. */
	cr_expect(strstr(gradebook, "\nnested,"), "%s", gradebook);
	cr_expect_eq(field(gradebook, "nested", "total"),
		     field(gradebook, "nested", "max"), "%s", gradebook);
	/* A stray 6 MiB file is a note, not a bad archive. */
	cr_expect_eq(field(gradebook, "stray", "total"),
		     field(gradebook, "stray", "max"), "%s", gradebook);
	text = batch_feedback_page(out, "stray", "md");
	cr_expect(strstr(text, "Not graded (it is no exercise file): "
			 "data.bin."), "%s", text);
	free(text);

	/* Misnamed: no exercise file, one "did you mean", all four named. */
	status = gradebook_lookup(gradebook, "misnamed", "status");
	cr_expect(status && !strcmp(status, "no-files"), "%s", gradebook);
	free(status);
	text = batch_feedback_page(out, "misnamed", "md");
	cr_expect_eq(count(text, "did you mean 02_bce.c?"), 1, "%s", text);
	cr_expect(strstr(text, "02_BCE.c, 02_bce (1).c, 02_bce.c.txt, bce.c"),
		  "%s", text);
	cr_expect(strstr(text, "**Next:** rename"), "%s", text);
	free(text);

	/* A compile error: the compiler's log once, not under each test. */
	text = batch_feedback_page(out, "broken", "md");
	cr_expect_eq(count(text, "does not compile"), 1, "%s", text);
	cr_expect_eq(count(text, "### 02_bce.c"), 1, "%s", text);
	cr_expect_lt(harness_lines(text), 60, "%s", text);
	cr_expect(strstr(text, "in broken/02\\_bce.c"), "%s", text);
	no_machine_path(text, root, "broken.md");
	free(text);
	cr_expect_eq(field(gradebook, "broken", "02_bce"), 0);

	/* A stub: one line per function. */
	text = batch_feedback_page(out, "stub", "md");
	cr_expect_geq(count(text, ": not implemented yet ("), TEST_EXERCISE_COUNT,
		      "%s", text);
	cr_expect_eq(count(text, "(not\\_implemented)"), 0, "%s", text);
	cr_expect_lt(harness_lines(text), stub_page_lines(), "%s", text);
	free(text);

	/* HTML code blocks wrap. */
	text = batch_feedback_page(out, "broken", "html");
	cr_expect(strstr(text, "white-space:pre-wrap"), "no wrapping style");
	free(text);

	/* No absolute path in any student's JSON either. */
	for (size_t i = 0; i < 3; i++) {
		static const char *const ids[] = { "broken", "stub", "nested" };

		cr_assert(asprintf(&path, "%s/json/%s.json", out, ids[i]) >= 0);
		text = harness_read_file(path);
		cr_assert_not_null(text, "%s", path);
		no_machine_path(text, root, path);
		/* The compiler's message once (in the report), not per test. */
		cr_expect_eq(count(text, "expected expression before '}'"), i == 0 ? 1 : 0,
			     "%s", path);
		free(text);
		free(path);
	}
	harness_run_release(&run);
	free(gradebook);
	harness_remove(root);
	free(out);
	free(subs);
	free(root);
}

Test(discovery, single_folder_runs_find_the_same_files, .timeout = 300)
{
	char *root = harness_tempdir();
	char *deep = harness_join(root, "workbook/exercises");
	const char *args[] = { "--seed", "7", "--only", "01_sigmoid.c", root,
			       NULL };
	const char *none[] = { "--seed", "7", NULL, NULL };
	struct harness_run run;
	char *misnamed;

	fill(deep, "solutions");
	harness_grade(&run, args, NULL);
	cr_expect_eq(run.status, 0, "stdout:\n%s\nstderr:\n%s", run.out, run.err);
	cr_expect(strstr(run.out, "01_sigmoid.c"), "%s", run.out);
	harness_run_release(&run);

	/* Nothing but a misnamed file: one line, exit 2, did you mean. */
	harness_remove(root);
	free(root);
	root = harness_tempdir();
	misnamed = harness_join(root, "sigmoid.c");
	harness_write_file(misnamed, "int x;\n", 7);
	none[2] = root;
	harness_grade(&run, none, NULL);
	cr_expect_eq(run.status, 2);
	cr_expect(strstr(run.err, "holds no exercise file"), "%s", run.err);
	cr_expect(strstr(run.err, "did you mean 01_sigmoid.c?"), "%s", run.err);
	cr_expect_eq(harness_lines(run.err), 1, "%s", run.err);
	harness_run_release(&run);
	free(misnamed);
	free(deep);
	harness_remove(root);
	free(root);
}

/*
 * The batch's own wall clock stops a worker: that is the grader's failure,
 * so the student is graded once more, and only then reported, with a page
 * that says so and asks nothing of the student.
 */
Test(discovery, a_grader_failure_is_retried_and_told_as_such, .timeout = 120)
{
	char *root = harness_tempdir(), *subs = harness_join(root, "subs");
	char *out = harness_join(root, "out"), *dir, *text;
	const char *args[] = { "--batch", subs, "--out", out, NULL };
	const char *slow[] = { "WB_BATCH_TIMEOUT=0.001", NULL };
	struct harness_run run;

	dir = harness_join(subs, "solo");
	fill(dir, "solutions");
	harness_grade(&run, args, slow);
	cr_assert_eq(run.status, 0, "%s", run.err);
	cr_expect_eq(count(run.err, "solo: the worker timed out; grading this "
			   "student once more"), 1, "%s", run.err);
	cr_expect(strstr(run.out, "1 error"), "%s", run.out);
	text = batch_feedback_page(out, "solo", "md");
	cr_expect(strstr(text, "the grader itself failed on this submission, "
			 "and again when it tried once more"), "%s", text);
	cr_expect(strstr(text, "nothing for you to fix"), "%s", text);
	cr_expect(strstr(text, "**Next:** nothing"), "%s", text);
	cr_expect_null(strstr(text, "submit"), "%s", text);
	cr_expect_null(strstr(text, "run the same command"), "%s", text);
	free(text);
	harness_run_release(&run);
	harness_remove(root);
	free(dir);
	free(out);
	free(subs);
	free(root);
}
