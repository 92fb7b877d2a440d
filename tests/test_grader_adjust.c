/*
 * test_grader_adjust.c - build/grader --batch with an adjustments file
 * (docs/instructors.md): adjustments, comments, an extension and a late
 * policy reach the gradebook's appended columns and the feedback pages,
 * submission times come from the files (inside an archive too), and an
 * edit of the file shows on the next run without grading anybody again.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/catalog.h"
#include "support/gradebook_lookup.h"
#include "support/harness.h"

/* The columns after the id, counted from 0 (the id): one per exercise,
 * then total, max, seed, status, ... */
enum { COL_TOTAL = 1 + CURRICULUM_EXERCISES, COL_STATUS = COL_TOTAL + 3,
       COL_ADJUSTMENT, COL_LATE_DAYS, COL_LATE_PENALTY, COL_FINAL };

/* Runs a command made by asprintf, and frees it. */
static void shell_and_free(char *command)
{
	cr_assert_eq(system(command), 0, "%s", command);
	free(command);
}

/* A folder of the given solution files, all modified at `when` (UTC). */
static void student(const char *subs, const char *id, const char *files,
		    const char *when)
{
	char *command;

	cr_assert(asprintf(&command, "set -e; mkdir '%s/%s'; for f in %s; do "
			   "cp solutions/$f '%s/%s/'; done; touch -d '%s' "
			   "'%s/%s'/*.c", subs, id, files, subs, id, when,
			   subs, id) > 0);
	shell_and_free(command);
}

/* Field `col` of id's row (ids here need no quoting), malloc'd. */
static char *field(const char *book, const char *id, int col)
{
	const char *p = book;
	char *key;

	cr_assert(asprintf(&key, "\n%s,", id) > 0);
	p = strstr(book, key);
	cr_assert_not_null(p, "no row %s in\n%s", id, book);
	p++;
	for (int i = 0; i < col; i++)
		p = strchr(p, ',') + 1;
	free(key);
	return strndup(p, strcspn(p, ",\n"));
}

static void expect_field(const char *book, const char *id, int col,
			 const char *want)
{
	char *got = field(book, id, col);

	cr_assert_str_eq(got, want, "%s column %d in\n%s", id, col, book);
	free(got);
}

static size_t count(const char *text, const char *needle)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static const char first_file[] =
	"[late]\n"
	"due = 2020-03-01 13:00 +01:00\n"
	"grace = 10m\n"
	"penalty = 3\n"
	"cap = 5\n"
	"[student alice]\n"
	"adjust = +5 02_bce graded by hand\n"
	"comment = Good work on the gradient check.\n"
	"[student carol]\n"
	"extension = 2020-03-03 00:00 Z\n";

static const char second_file[] =
	"[late]\n"
	"due = 2020-03-01 12:00 Z\n"
	"grace = 10m\n"
	"penalty = 3\n"
	"cap = 5\n"
	"[student alice]\n"
	"adjust = +7.5 02_bce graded by hand\n"
	"[student bob]\n"
	"adjust = -1 forgot the header\n";

/* A class of three: on time, two days late, late but extended. */
static char *make_class(const char *root)
{
	char *subs = harness_join(root, "subs"), *command;

	cr_assert_eq(mkdir(subs, 0755), 0);
	student(subs, "alice", "01_sigmoid.c 02_bce.c", "2020-03-01 11:00Z");
	/* 1 day, 10 min and 1 s after due: past grace, two days started. */
	student(subs, "bob", "01_sigmoid.c", "2020-03-02 12:10:01Z");
	/* An archive: the time inside it counts, not the unpacking's. */
	cr_assert(asprintf(&command, "set -e; cd '%s'; mkdir c; cp "
			   "'%s/solutions/01_sigmoid.c' c/; tar -czf "
			   "carol.tar.gz --mtime='2020-03-02 18:00Z' -C c "
			   "01_sigmoid.c; rm -r c", subs,
			   getenv("PWD")) > 0);
	shell_and_free(command);
	return subs;
}

static char *grade(const char *subs, const char *out, int want_status,
		   const char *extra)
{
	struct harness_run run;
	const char *args[] = { "--batch", subs, "--out", out, "-j", "2",
			       extra ? "--adjustments" : NULL, extra, NULL };
	char *err;

	harness_grade(&run, args, NULL);
	cr_assert_eq(run.status, want_status, "%s%s", run.out, run.err);
	err = strdup(run.err);
	harness_run_release(&run);
	return err;
}

static char *book_of(const char *out)
{
	char *path = harness_join(out, "gradebook.csv"), *text;

	text = harness_read_file(path);
	cr_assert_not_null(text);
	free(path);
	return text;
}

Test(adjust, applied_at_gradebook_time_and_surviving_regrades,
     .timeout = 300)
{
	char *root = harness_tempdir(), *subs = make_class(root);
	char *out = harness_join(root, "grades"), *adj = harness_join(out, "adjustments");
	char *err, *book, *md, *total;

	cr_assert_eq(mkdir(out, 0755), 0);
	harness_write_file(adj, first_file, strlen(first_file));
	err = grade(subs, out, 0, NULL);
	free(err);
	book = book_of(out);
	cr_assert(strstr(book, ",total,max,seed,status,adjustment,late_days,"
			 "late_penalty,final\n"), "%s", book);
	total = field(book, "alice", COL_TOTAL);
	cr_assert_gt(atoi(total), 0);
	expect_field(book, "alice", COL_ADJUSTMENT, "5");
	expect_field(book, "alice", COL_LATE_DAYS, "0");
	cr_assert_eq(atoi(field(book, "alice", COL_FINAL)), atoi(total) + 5);
	free(total);
	expect_field(book, "bob", COL_LATE_DAYS, "2");
	expect_field(book, "bob", COL_LATE_PENALTY, "5");	/* the cap */
	expect_field(book, "carol", COL_LATE_DAYS, "0");	/* extended */
	expect_field(book, "carol", COL_STATUS, "ok");
	md = batch_feedback_page(out, "alice", "md");
	cr_assert(strstr(md, "adjustment: 02\\_bce graded by hand | +5 |") &&
		  strstr(md, "Good work on the gradient check."), "%s", md);
	free(md);
	md = batch_feedback_page(out, "bob", "md");
	cr_assert(strstr(md, "2 days late") && strstr(md, "| -5 |"), "%s", md);
	free(md);
	md = batch_feedback_page(out, "carol", "md");
	cr_assert(strstr(md, "extended to 2020-03-03 01:00:00 +01:00; you "
			 "handed in on time"), "%s", md);
	free(md);
	free(book);

	/* An edited file: nobody is graded again, everything follows. */
	harness_write_file(adj, second_file, strlen(second_file));
	err = grade(subs, out, 0, NULL);
	cr_assert(strstr(err, "resuming: 3 of 3 already graded"), "%s", err);
	cr_assert_null(strstr(err, "\ngraded "), "%s", err);
	free(err);
	book = book_of(out);
	expect_field(book, "alice", COL_ADJUSTMENT, "7.5");
	expect_field(book, "bob", COL_ADJUSTMENT, "-1");
	/* carol's extension is gone: 2 days late against the new due. */
	expect_field(book, "carol", COL_LATE_DAYS, "2");
	md = batch_feedback_page(out, "alice", "md");
	cr_assert_eq(count(md, "## From your instructor"), 1, "%s", md);
	cr_assert_null(strstr(md, "Good work"), "the comment went: %s", md);
	cr_assert(strstr(md, "| +7.5 |"), "%s", md);
	free(md);
	free(book);

	/* No file at all: the plain scores, no section. */
	cr_assert_eq(remove(adj), 0);
	free(grade(subs, out, 0, NULL));
	book = book_of(out);
	expect_field(book, "alice", COL_ADJUSTMENT, "0");
	expect_field(book, "bob", COL_LATE_DAYS, "");
	expect_field(book, "bob", COL_LATE_PENALTY, "0");
	md = batch_feedback_page(out, "bob", "md");
	cr_assert_null(strstr(md, "From your instructor"), "%s", md);
	free(md);
	free(book);
	harness_remove(root);
}

Test(adjust, a_bad_file_stops_the_batch_before_anything_is_written,
     .timeout = 120)
{
	char *root = harness_tempdir(), *subs = make_class(root);
	char *out = harness_join(root, "grades"), *adj = harness_join(root, "adj.txt");
	static const char bad[] = "[student alice]\nadjust = +5\n";
	char *err;

	harness_write_file(adj, bad, strlen(bad));
	err = grade(subs, out, 2, adj);
	cr_assert(strstr(err, "adj.txt:2: adjust needs points and a reason; "),
		  "%s", err);
	cr_assert_eq(harness_lines(err), 1, "%s", err);
	cr_assert_eq(harness_count_entries(out), 0, "nothing written");
	free(err);
	/* A misspelt id is a warning: the batch goes on. */
	harness_write_file(adj, "[student alcie]\nadjust = +1 x\n", 30);
	err = grade(subs, out, 0, adj);
	cr_assert(strstr(err, "adj.txt:1: no student alcie in this batch"),
		  "%s", err);
	free(err);
	harness_remove(root);
}
