/*
 * test_grader_lms.c - a class in each LMS's bulk-download layout goes in
 * (build/grader --batch --from LMS) and its gradebook comes back in that
 * LMS's import format (--export LMS FILE): every student has a row under
 * the LMS's id, the identity columns and the points possible are there,
 * and a student is seeded the same way in the batch as by
 * gradescope/run_autograder (by email) and by --student.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/catalog.h"
#include "support/gradebook_lookup.h"
#include "support/harness.h"

static void folder(const char *dir, const char *name)
{
	char *path = harness_join(dir, name);

	cr_assert_eq(mkdir(path, 0755), 0, "%s", path);
	free(path);
}

/* Runs the batch; returns the export's text (the gradebook in *book). */
static char *grade(const char *subs, const char *lms, const char *roster,
		   char **book)
{
	char *out = harness_join(subs, "../out"), *file = harness_join(subs, "../lms.csv");
	char *path = harness_join(out, "gradebook.csv"), *text;
	const char *args[] = { "--batch", subs, "--from", lms, "--out", out,
			       "--export", lms, file, "-j", "2",
			       roster ? "--roster" : NULL, roster, NULL };
	const char *env[] = { "WB_COURSE_SECRET=lms-test", NULL };
	struct harness_run run;

	harness_grade(&run, args, env);
	cr_assert_eq(run.status, 0, "%s%s", run.out, run.err);
	cr_assert(strstr(run.out, " gradebook: "), "%s", run.out);
	*book = harness_read_file(path);
	text = harness_read_file(file);
	cr_assert_not_null(*book);
	cr_assert_not_null(text);
	harness_run_release(&run);
	free(path);
	free(file);
	free(out);
	return text;
}

static void expect_field(const char *book, const char *id,
			 const char *column, const char *want)
{
	char *got = gradebook_lookup(book, id, column);

	cr_assert_not_null(got, "no row %s in\n%s", id, book);
	cr_assert_str_eq(got, want, "%s's %s in\n%s", id, column, book);
	free(got);
}

/* The full points of the first exercise (the copies of its solution the
 * classes below hand in), hidden tests included. */
static double sigmoid_points(void)
{
	return test_exercises[0].points + test_exercises[0].hidden_points;
}

/* The penalty of a day's lateness at rate (of the points possible) on a
 * submission of sigmoid_points(): capped at what it scored. */
static double late_penalty(double rate)
{
	double penalty = rate * test_total_points(1);

	return penalty < sigmoid_points() ? penalty : sigmoid_points();
}

/* A score column, to the cent the gradebook writes. */
static void expect_score(const char *book, const char *id,
			 const char *column, double want)
{
	char *got = gradebook_lookup(book, id, column), *end;
	double value;

	cr_assert_not_null(got, "no row %s in\n%s", id, book);
	value = strtod(got, &end);
	cr_assert(end != got && !*end && fabs(value - want) < 0.005,
		  "%s's %s is %s, want %.2f, in\n%s", id, column, got, want,
		  book);
	free(got);
}

/* The LMS's row of a student: the gradebook's final score, as written. */
static void expect_csv_score(const char *csv, const char *book,
			     const char *row, const char *id)
{
	char *final = gradebook_lookup(book, id, "final"), *line;

	cr_assert_not_null(final, "no row %s in\n%s", id, book);
	cr_assert(asprintf(&line, "\n%s,%s,", row, final) > 0);
	cr_assert(strstr(csv, line), "the final score goes to the LMS: no "
		  "\"%s\" in %s", line + 1, csv);
	free(line);
	free(final);
}

static void expect_status(const char *book, const char *id,
			  const char *status)
{
	expect_field(book, id, "status", status);
}

Test(lms, canvas_class_in_and_out, .timeout = 300)
{
	char *root = harness_tempdir(), *subs = harness_join(root, "subs");
	char *roster = harness_join(root, "roster.csv"), *book, *csv;

	folder(root, "subs");
	harness_copy_into("solutions/01_sigmoid.c", subs,
			  "smithjohn_12345_67890_01_sigmoid.c");
	/* A second upload of the same file: Canvas's -1, the later wins. */
	harness_copy_into("exercises/01_sigmoid.c", subs,
			  "smithjohn_LATE_12345_67000_01_sigmoid-1.c");
	harness_copy_into("exercises/01_sigmoid.c", subs,
			  "doejane_222_5000_01_sigmoid.c");
	harness_write_text(subs, "wu_444_text.html", "<p>my answer</p>\n");
	harness_write_text(subs, "stray.pdf", "%PDF-1.4\n");
	harness_write_text(root, "roster.csv", "id,name,email\n"
		   "12345,\"Smith, John\",js@example.org\n"
		   "222,Jane Doe,jd@example.org\n"
		   "444,Wu Lin,wl@example.org\n"
		   "999,Al Absent,aa@example.org\n");
	csv = grade(subs, "canvas", roster, &book);
	expect_status(book, "12345", "ok");
	expect_status(book, "222", "ok");
	expect_status(book, "444", "no-files");
	expect_status(book, "999", "missing");
	expect_status(book, "stray.pdf", "loose-file");
	cr_assert_eq(harness_lines(book), 6, "%s", book);
	/* The solution (attachment 67890) wins over the later stub. */
	expect_score(book, "12345", "total", sigmoid_points());
	cr_assert(strstr(csv, "Student,ID,SIS User ID,SIS Login ID,Section,"
			 "Cross-Entropy Workbook\nPoints Possible,,,,,"), "%s",
		  csv);
	cr_assert(strstr(csv, "\n\"Smith, John\",12345,,,,15\n"), "%s", csv);
	cr_assert(strstr(csv, "\nJane Doe,222,,,,0\n"), "%s", csv);
	cr_assert(strstr(csv, "\nAl Absent,999,,,,\n"), "no grade: %s", csv);
	cr_assert_eq(harness_lines(csv), 2 + 5, "%s", csv);
	harness_remove(root);
	free(book);
	free(csv);
	free(roster);
	free(subs);
	free(root);
}

Test(lms, moodle_class_in_and_out, .timeout = 300)
{
	char *root = harness_tempdir(), *subs = harness_join(root, "subs");
	char *john = harness_join(subs, "John Smith_101_assignsubmission_file_");
	char *mary = harness_join(subs, "Mary Jane_102_assignsubmission_file_");
	char *zip, *book, *csv, *command;

	folder(root, "subs");
	folder(subs, "John Smith_101_assignsubmission_file_");
	folder(subs, "Mary Jane_102_assignsubmission_file_");
	folder(subs, "Mary Jane_102_assignsubmission_onlinetext_");
	folder(subs, "张伟_103_assignsubmission_onlinetext_");
	harness_copy_into("solutions/01_sigmoid.c", john, "01_sigmoid.c");
	/* A folder holding only a zip is graded as the zip. */
	zip = harness_join(mary, "work.zip");
	cr_assert(asprintf(&command, "cd solutions && zip -q '%s' 01_sigmoid.c",
			   zip) >= 0);
	cr_assert_eq(system(command), 0, "%s", command);
	harness_write_text(subs, "张伟_103_assignsubmission_onlinetext_/onlinetext.html",
		   "<p>text</p>\n");
	/* Without "download in folders": the files themselves. */
	harness_copy_into("solutions/01_sigmoid.c", subs,
			  "Ann Lee_104_assignsubmission_file_01_sigmoid.c");
	csv = grade(subs, "moodle", NULL, &book);
	expect_score(book, "101", "total", sigmoid_points());
	expect_score(book, "102", "total", sigmoid_points());
	expect_score(book, "104", "total", sigmoid_points());
	expect_status(book, "103", "no-files");
	cr_assert_eq(harness_lines(book), 5, "%s", book);
	cr_assert(strstr(csv, "Identifier,Full name,Email address,ID number,"
			 "Grade,Maximum Grade\n"), "%s", csv);
	cr_assert(strstr(csv, "\nParticipant 101,John Smith,,,15,"), "%s", csv);
	cr_assert(strstr(csv, "\nParticipant 103,张伟,,,0,"), "%s", csv);
	cr_assert_eq(harness_lines(csv), 5, "%s", csv);
	harness_remove(root);
	free(command);
	free(zip);
	free(book);
	free(csv);
	free(john);
	free(mary);
	free(subs);
	free(root);
}

static const char metadata[] =
	"submission_1:\n"
	"  :submitters:\n"
	"  - :name: Solo Student\n"
	"    :sid: '100'\n"
	"    :email: solo@example.edu\n"
	"  :score: 3.0\n"
	"  :created_at: 2027-03-02 11:00:00.524451000 +00:00\n"
	"submission_2:\n"
	"  :created_at: 2027-03-01 03:59:00.1 -08:00\n"
	"  :submitters:\n"
	"  - :name: Pair One\n"
	"    :sid: '200'\n"
	"    :email: one@example.edu\n"
	"  - :name: Pair Two\n"
	"    :sid: '201'\n"
	"    :email: two@example.edu\n"
	"submission_9:\n"
	"  :submitters:\n"
	"  - :name: Ghost\n"
	"    :sid: '900'\n"
	"    :email: ghost@example.edu\n";

/* --student EMAIL gives the seed the batch gave (and Gradescope does). */
static void expect_student_seed(const char *email, const char *seed)
{
	const char *args[] = { "--student", email, "--only", "01", "-q",
			       "solutions", NULL };
	const char *env[] = { "WB_COURSE_SECRET=lms-test", NULL };
	struct harness_run run;
	char *want;

	cr_assert(asprintf(&want, "seed %s", seed) >= 0);
	harness_grade(&run, args, env);
	cr_assert(strstr(run.out, want), "want %s in %s", want, run.out);
	harness_run_release(&run);
	free(want);
}

Test(lms, gradescope_class_in_and_out, .timeout = 300)
{
	char *root = harness_tempdir(), *subs = harness_join(root, "subs");
	char *book, *csv, *solo, *one, *two;

	folder(root, "subs");
	folder(subs, "submission_1");
	folder(subs, "submission_2");
	folder(subs, "submission_2/work");
	harness_copy_into("solutions/01_sigmoid.c", subs,
			  "submission_1/01_sigmoid.c");
	harness_copy_into("solutions/01_sigmoid.c", subs,
			  "submission_2/work/01_sigmoid.c");
	harness_write_text(subs, "submission_metadata.yml", metadata);
	/* The late policy reads Gradescope's created_at, not file times. */
	folder(root, "out");
	harness_write_text(root, "out/adjustments",
		   "[late]\ndue = 2027-03-01 12:00 Z\npenalty = 10%\n");
	csv = grade(subs, "gradescope", NULL, &book);
	expect_field(book, "100", "late_days", "1");
	/* 10% a day of the points possible (hidden tests too), as Canvas
	 * counts, from 01_sigmoid.c's full points; never more than those
	 * (adjust_apply), which a longer curriculum's 10% would be. */
	expect_score(book, "100", "late_penalty", late_penalty(0.1));
	expect_score(book, "100", "final",
		     sigmoid_points() - late_penalty(0.1));
	expect_field(book, "200", "late_days", "0");
	expect_score(book, "201", "final", sigmoid_points());
	expect_status(book, "100", "ok");
	expect_status(book, "200", "ok");
	expect_status(book, "201", "ok");
	expect_status(book, "900", "missing");
	cr_assert_eq(harness_lines(book), 5, "%s", book);
	solo = gradebook_lookup(book, "100", "seed");
	one = gradebook_lookup(book, "200", "seed");
	two = gradebook_lookup(book, "201", "seed");
	/* A group is seeded by its first student, as run_autograder does. */
	cr_assert_str_eq(one, two);
	expect_student_seed("solo@example.edu", solo);
	expect_student_seed("one@example.edu", one);
	cr_assert(strstr(csv, "Name,SID,Email,Total Score,Max Points\n"),
		  "%s", csv);
	expect_csv_score(csv, book, "Solo Student,100,solo@example.edu", "100");
	expect_csv_score(csv, book, "Pair Two,201,two@example.edu", "201");
	cr_assert(strstr(csv, "\nGhost,900,ghost@example.edu,,"), "%s", csv);
	cr_assert_eq(harness_lines(csv), 5, "%s", csv);
	harness_remove(root);
	free(solo);
	free(one);
	free(two);
	free(book);
	free(csv);
	free(subs);
	free(root);
}

Test(lms, bad_lms_options_are_one_line_and_exit_2)
{
	static const char *const cases[][6] = {
		{ "--batch", "x", "--from", "blackboard", NULL },
		{ "--batch", "x", "--export", "canvas", NULL },
		{ "--from", "canvas", NULL },
		{ "--batch", "x", "--export", "canvas", "c.csv", "--shard" },
	};
	const char *args[8];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct harness_run run;
		size_t n = 0;

		for (; n < 6 && cases[i][n]; n++)
			args[n] = cases[i][n];
		if (n == 6)
			args[n++] = "1/2";
		args[n] = NULL;
		harness_grade(&run, args, NULL);
		cr_assert_eq(run.status, 2, "case %zu: %s", i, run.err);
		cr_assert_eq(harness_lines(run.err), 1, "%s", run.err);
		harness_run_release(&run);
	}
}
