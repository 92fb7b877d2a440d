/*
 * test_grader_batch_entries.c - build/grader --batch never drops a
 * student: one generated class holding every kind of entry (folders named
 * as LMSs name them, unsupported archives, loose files, empty folders and
 * archives) gets a row and a feedback page each; --roster adds the missing
 * students and flags the entries it lacks; a bad roster or an empty batch
 * is one line and exit 2; the closing summary counts in correct English.
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

static void run_shell(const char *command)
{
	cr_assert_eq(system(command), 0, "%s", command);
}

/* A folder holding the given exercise file, copied from dir_from. */
static void student(const char *subs, const char *id, const char *dir_from,
		    const char *file)
{
	char *dir = harness_join(subs, id), *dst = harness_join(dir, file), *src;

	src = harness_join(dir_from, file);
	cr_assert_eq(mkdir(dir, 0755), 0);
	harness_copy_file(src, dst);
	free(src);
	free(dst);
	free(dir);
}

struct row_expect {
	const char *id;		/* as the gradebook writes the field */
	const char *status;
	const char *page;	/* feedback file stem */
	const char *found;	/* in the page of a student not graded */
};

/* Every entry kind of SUBMISSIONS, in gradebook order (byte order). */
static const struct row_expect class_rows[] = {
	{ "02_bce.c", "loose-file", "02_bce.c", "found the single file 02_bce.c" },
	{ "John Smith_12345_assignsubmission_file_", "ok",
	  "John%20Smith_12345_assignsubmission_file_", NULL },
	{ "Mary Jane", "ok", "Mary%20Jane", NULL },
	{ "alice", "ok", "alice", NULL },
	{ "broken", "unreadable", "broken", "found broken, but the grader "
	  "cannot read it" },
	{ "emptydir", "empty", "emptydir", "found a folder that holds no file" },
	{ "hollow", "empty", "hollow", "found hollow.zip, an archive of 0 bytes" },
	{ "notes.pdf", "loose-file", "notes.pdf", "found the single file notes.pdf" },
	{ "rar", "unsupported-archive", "rar", "a .rar archive" },
	{ "seven", "unsupported-archive", "seven", "a .7z archive" },
	{ "tarball", "unsupported-archive", "tarball", "a .tar archive" },
	{ "vacant", "empty", "vacant", "found an archive that holds no file" },
	{ "xz", "unsupported-archive", "xz", "a .tar.xz archive" },
	{ "zeroes", "ok", "zeroes", NULL },
	{ "张伟", "ok", "%E5%BC%A0%E4%BC%9F", NULL },
};
enum { CLASS_ROWS = sizeof class_rows / sizeof *class_rows };

static char *make_class(const char *root)
{
	char *subs = harness_join(root, "subs"), *command;

	cr_assert_eq(mkdir(subs, 0755), 0);
	student(subs, "alice", "solutions", "01_sigmoid.c");
	student(subs, "Mary Jane", "solutions", "01_sigmoid.c");
	student(subs, "张伟", "solutions", "01_sigmoid.c");
	student(subs, "John Smith_12345_assignsubmission_file_", "solutions",
		"01_sigmoid.c");
	student(subs, "zeroes", "exercises", "01_sigmoid.c");	/* a stub */
	cr_assert(asprintf(&command, "cd '%s' && mkdir emptydir inner && "
			   "cp alice/01_sigmoid.c inner/ && tar cf tarball.tar "
			   "inner && tar cJf xz.tar.xz inner && "
			   "echo 7z > seven.7z && echo rar > rar.rar && "
			   ": > hollow.zip && mkdir -p vacant/sub && "
			   "tar czf vacant.tar.gz vacant && rm -r vacant inner && "
			   "ln -s nowhere broken",
			   subs) >= 0);
	run_shell(command);
	free(command);
	harness_write_text(subs, "02_bce.c", "double bce_loss(void);\n");
	harness_write_text(subs, "notes.pdf", "%PDF-1.4\n");
	harness_write_text(subs, ".DS_Store", "hidden\n");
	return subs;
}

/* The status field of the row of id, or NULL (malloc'd). */
static char *row_status(const char *gradebook, const char *id)
{
	size_t len = strlen(id);

	for (const char *p = gradebook; p && *p;
	     p = strchr(p, '\n'), p = p ? p + 1 : p) {
		if (!strncmp(p, id, len) && p[len] == ',') {
			/* After the id: one field per exercise, total, max
			 * and seed, then the status; adjusted ones follow. */
			p += len;
			for (size_t i = 0; i < TEST_EXERCISE_COUNT + 4; i++)
				p = strchr(p, ',') + 1;
			return strndup(p, strcspn(p, ",\n"));
		}
	}
	return NULL;
}

/* Field `column` of the row of id (no quoted fields before it). */
static long row_field(const char *gradebook, const char *id, int column)
{
	const char *p = strstr(gradebook, id);

	cr_assert_not_null(p);
	p += strlen(id);
	for (int i = 0; i < column; i++) {
		p = strchr(p, ',');
		cr_assert_not_null(p);
		p++;
	}
	return strtol(p, NULL, 10);
}

static void check_class(const char *out, const char *gradebook)
{
	for (size_t i = 0; i < CLASS_ROWS; i++) {
		const struct row_expect *e = &class_rows[i];
		char *status = row_status(gradebook, e->id);
		char *md = batch_feedback_page(out, e->page, "md");
		char *html = batch_feedback_page(out, e->page, "html");

		cr_assert_not_null(status, "no row for %s:\n%s", e->id,
				   gradebook);
		cr_assert_str_eq(status, e->status, "%s: status %s, want %s:\n%s",
				 e->id, status, e->status, gradebook);
		if (e->found) {
			cr_assert(strstr(md, e->found) && strstr(md, "expected"),
				  "%s: %s", e->id, md);
		}
		cr_assert(strstr(html, "<html"));
		free(status);
		free(md);
		free(html);
	}
	/* Header and one row per entry; .DS_Store is not a student. */
	cr_assert_eq(harness_lines(gradebook), 1 + CLASS_ROWS, "%s", gradebook);
	cr_assert(row_field(gradebook, "alice", 1) > 0);
	cr_assert_eq(row_field(gradebook, "zeroes", 1), 0);
}

Test(batch_entries, every_entry_gets_a_row_and_the_roster_is_applied,
     .timeout = 300)
{
	char *root = harness_tempdir(), *subs = make_class(root);
	char *out = harness_join(root, "out"), *roster = harness_join(root, "roster.csv");
	char *book_path = harness_join(out, "gradebook.csv"), *book, *md, *status;
	struct harness_run run;
	const char *args[] = { "--batch", subs, "--out", out, "-j", "2",
			       NULL, NULL, NULL };

	harness_grade(&run, args, NULL);
	cr_assert_eq(run.status, 0, "%s", run.err);
	book = harness_read_file(book_path);
	cr_assert_not_null(book);
	check_class(out, book);
	cr_assert(strstr(run.out, "15 students in the gradebook: 5 ok, "
			 "4 unsupported-archive, 2 loose-file, 3 empty, "
			 "1 unreadable\n"), "%s", run.out);
	/* Ten not ok and one stub with 0 points. */
	cr_assert(strstr(run.out, "11 need attention"), "%s", run.out);
	md = batch_feedback_page(out, "Mary%20Jane", "md");
	cr_assert(strstr(md, "--student 'Mary Jane' --secret-file"), "%s", md);
	free(md);
	free(book);
	harness_run_release(&run);

	/* The same class against a roster: resumed, two missing, flags. */
	harness_write_text(root, "roster.csv", "id,name,email\r\n"
		   "alice,Alice A,alice@example.org\r\n"
		   "Mary Jane,Mary Jane,mj@example.org\r\n"
		   "\r\n"
		   "张伟,Zhang Wei,zw@example.org\r\n"
		   "ghost,,\r\n"
		   "\"Late, Student\",\"Late, Student\",late@example.org\r\n");
	args[6] = "--roster";
	args[7] = roster;
	harness_grade(&run, args, NULL);
	cr_assert_eq(run.status, 0, "%s", run.err);
	book = harness_read_file(book_path);
	cr_assert_eq(harness_lines(book), 1 + CLASS_ROWS + 2, "%s", book);
	status = row_status(book, "ghost");
	cr_assert_str_eq(status, "missing");
	free(status);
	status = row_status(book, "\"Late, Student\"");
	cr_assert_str_eq(status, "missing", "%s", book);
	free(status);
	md = batch_feedback_page(out, "Late%2C%20Student", "md");
	cr_assert(strstr(md, "the roster lists this student"), "%s", md);
	free(md);
	status = row_status(book, "John Smith_12345_assignsubmission_file_");
	cr_assert_str_eq(status, "not-on-roster");
	free(status);
	status = row_status(book, "zeroes");
	cr_assert_str_eq(status, "not-on-roster");
	free(status);
	status = row_status(book, "seven");
	cr_assert_str_eq(status, "unsupported-archive", "its own status wins");
	free(status);
	status = row_status(book, "alice");
	cr_assert_str_eq(status, "ok");
	free(status);
	cr_assert(strstr(run.out, "12 entries are not on the roster"), "%s",
		  run.out);
	cr_assert(strstr(run.out, "2 missing"), "%s", run.out);
	free(book);
	harness_run_release(&run);
	harness_remove(root);
}

static void expect_roster_error(const char *root, const char *subs,
				const char *text, const char *want)
{
	char *roster = harness_join(root, "bad.csv"), *out = harness_join(root, "never");
	struct harness_run run;
	const char *args[] = { "--batch", subs, "--out", out, "--roster",
			       roster, NULL };
	struct stat st;

	harness_write_text(root, "bad.csv", text);
	harness_grade(&run, args, NULL);
	cr_assert_eq(run.status, 2, "%s", run.err);
	cr_assert_eq(harness_lines(run.err), 1, "%s", run.err);
	cr_assert(strstr(run.err, roster) && strstr(run.err, want),
		  "want %s in %s", want, run.err);
	cr_assert_neq(stat(out, &st), 0, "nothing is created");
	harness_run_release(&run);
	free(roster);
	free(out);
}

Test(batch_entries, a_bad_roster_is_one_line_naming_file_and_line)
{
	char *root = harness_tempdir(), *subs = harness_join(root, "subs");

	cr_assert_eq(mkdir(subs, 0755), 0);
	student(subs, "alice", "solutions", "01_sigmoid.c");
	expect_roster_error(root, subs, "", "line 1: the file is empty");
	expect_roster_error(root, subs, "student,name,email\n", "line 1: the "
			    "header is not id,name,email");
	expect_roster_error(root, subs, "id,name,email\nalice,A\n",
			    "line 2: 2 fields, expected 3");
	expect_roster_error(root, subs, "id,name,email\nalice,A,a@x\n"
			    "\"bob,B,b@x\n", "line 3: a quoted field is not "
			    "closed");
	expect_roster_error(root, subs, "id,name,email\nalice,A,a@x\n\n"
			    "alice,A2,a2@x\n", "line 4: the id \"alice\" is "
			    "listed on an earlier line");
	expect_roster_error(root, subs, "id,name,email\n..,A,a@x\n",
			    "line 2: the id \"..\" cannot name a submission");
	harness_remove(root);
}

Test(batch_entries, an_empty_batch_exits_2_saying_what_was_expected)
{
	char *root = harness_tempdir(), *subs = harness_join(root, "subs");
	char *out = harness_join(root, "out");
	struct harness_run run;
	const char *args[] = { "--batch", subs, "--out", out, NULL };

	cr_assert_eq(mkdir(subs, 0755), 0);
	harness_write_text(subs, ".DS_Store", "x");
	harness_grade(&run, args, NULL);
	cr_assert_eq(run.status, 2);
	cr_assert(strstr(run.err, "holds no student") &&
		  strstr(run.err, "expected one folder"), "%s", run.err);
	cr_assert_null(strstr(run.out, "Next: hand out"), "%s", run.out);
	harness_run_release(&run);
	harness_remove(root);
}

Test(batch_entries, one_student_is_counted_in_the_singular, .timeout = 120)
{
	char *root = harness_tempdir(), *subs = harness_join(root, "subs");
	char *out = harness_join(root, "out"), *out2 = harness_join(root, "out2");
	struct harness_run run;
	const char *args[] = { "--batch", subs, "--out", out, NULL };
	const char *args2[] = { "--batch", subs, "--out", out2, NULL };
	const char *slow[] = { "WB_BATCH_TIMEOUT=0.001", NULL };

	cr_assert_eq(mkdir(subs, 0755), 0);
	student(subs, "solo", "exercises", "01_sigmoid.c");
	harness_grade(&run, args, NULL);
	cr_assert_eq(run.status, 0, "%s", run.err);
	cr_assert(strstr(run.out, "1 student in the gradebook: 1 ok\n"), "%s",
		  run.out);
	cr_assert(strstr(run.out, "1 needs attention"), "0 points: %s",
		  run.out);
	cr_assert(strstr(run.out, "look at the 1 student who needs "
			 "attention"), "%s", run.out);
	cr_assert_null(strstr(run.out, "1 students"), "%s", run.out);
	harness_run_release(&run);

	/* Stopped by the batch's wall clock: an error, in the singular. */
	harness_grade(&run, args2, slow);
	cr_assert_eq(run.status, 0, "%s", run.err);
	cr_assert(strstr(run.out, "1 error"), "%s", run.out);
	cr_assert(strstr(run.out, "1 needs attention"), "%s", run.out);
	cr_assert(strstr(run.out, "retry the 1 student with status error"),
		  "%s", run.out);
	harness_run_release(&run);
	harness_remove(root);
}
