/*
 * test_unit_lms.c - the LMS layouts (grader/batch/lms.h): Canvas's and Moodle's
 * file names, Gradescope's submission_metadata.yml, and the gradebooks
 * written for each LMS (grader/batch/lms_export.h).
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/lms.h"
#include "batch/lms_export.h"
#include "support/harness.h"

static void canvas(const char *name, const char *login, const char *user,
		   unsigned long long attachment, const char *file, bool late)
{
	struct lms_canvas_name got;

	cr_assert_eq(lms_canvas_parse(name, &got), 0, "%s", name);
	cr_assert_str_eq(got.login, login, "%s", name);
	cr_assert_str_eq(got.user, user, "%s", name);
	cr_assert_eq(got.attachment, attachment, "%s", name);
	cr_assert_str_eq(got.file, file, "%s", name);
	cr_assert_eq(got.late, late, "%s", name);
	lms_canvas_name_release(&got);
}

Test(lms, canvas_names)
{
	canvas("smithjohn_12345_67890_02_bce.c", "smithjohn", "12345", 67890,
	       "02_bce.c", false);
	/* LATE, and Canvas's -1 for a name it has seen already, cut. */
	canvas("smithjohn_LATE_12345_67890_02_bce-1.c", "smithjohn", "12345",
	       67890, "02_bce.c", true);
	canvas("van_der_berg_7_8_work-12.tar.gz", "van_der_berg", "7", 8,
	       "work.tar.gz", false);
	/* Anonymous grading: no name, anon_ and Canvas's anonymous id. */
	canvas("LATE_anon_a1B2c_555_01_sigmoid.c", "", "anon_a1B2c", 555,
	       "01_sigmoid.c", true);
	/* A text entry has no attachment. */
	canvas("wu_444_text.html", "wu", "444", 0, "text.html", false);
	canvas("张伟_9_10_01_sigmoid.c", "张伟", "9", 10, "01_sigmoid.c",
	       false);
}

Test(lms, not_canvas_names)
{
	static const char *const names[] = {
		"02_bce.c", "alice", "alice.zip", "smith_12_", "smith_12_34_",
		"smith_x_y_02_bce.c", "_", "", "anon_", "smith_12_34",
		"smith_1_9999999999999999999_x",
	};
	struct lms_canvas_name got = { 0 };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		cr_assert_eq(lms_canvas_parse(names[i], &got), -1, "%s",
			     names[i]);
	cr_assert_null(got.file);
}

Test(lms, canvas_repeats)
{
	static const char *const pairs[][2] = {
		{ "02_bce-1.c", "02_bce.c" }, { "a-12.tar.gz", "a.tar.gz" },
		{ "notes-x.c", "notes-x.c" }, { "-1.c", "-1.c" },
		{ "02_bce.c", "02_bce.c" }, { "x-3", "x" }, { "", "" },
		{ "v1.2-3.c", "v1.2.c" },
	};

	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		char *got = lms_canvas_unrepeat(pairs[i][0]);

		cr_assert_str_eq(got, pairs[i][1], "%s", pairs[i][0]);
		free(got);
	}
}

Test(lms, moodle_names)
{
	struct lms_moodle_name got;

	cr_assert_eq(lms_moodle_parse("John Smith_12345_assignsubmission_file_",
				      &got), 0);
	cr_assert_str_eq(got.full_name, "John Smith");
	cr_assert_str_eq(got.participant, "12345");
	cr_assert_str_eq(got.plugin, "file");
	cr_assert_str_eq(got.file, "");
	lms_moodle_name_release(&got);
	cr_assert_eq(lms_moodle_parse("Ann Lee_7_assignsubmission_file_"
				      "02_bce_v2.c", &got), 0);
	cr_assert_str_eq(got.file, "02_bce_v2.c");
	lms_moodle_name_release(&got);
	cr_assert_eq(lms_moodle_parse("John_Smith", &got), -1);
	cr_assert_eq(lms_moodle_parse("x_12_other_file_", &got), -1);
	cr_assert_eq(lms_moodle_parse("x_y_assignsubmission_file_", &got), -1);
}

static const char metadata_text[] =
	"---\n"
	"submission_1:\n"
	"  :submitters:\n"
	"  - :name: Solo Student\n"
	"    :sid: '100'\n"
	"    :email: solo@example.edu # a comment\n"
	"  :results:\n"
	"    output: |\n"
	"      :submitters:\n"
	"      - :name: Forged\n"
	"  :score: 10.0\r\n"
	"  :created_at: 2027-03-01 23:59:30.524451000 -08:00\r\n"
	":submission_2:\r\n"
	"  :submitters:\r\n"
	"  - :name: \"Pair \\\"One\\\" \\u5f20\"\r\n"
	"    :sid: 'it''s'\r\n"
	"  - :email: two@example.edu\r\n"
	"    :name: ~\r\n";

Test(lms, gradescope_metadata)
{
	struct lms_metadata m;
	const struct lms_submission *s;

	lms_metadata_parse(&m, metadata_text, strlen(metadata_text));
	cr_assert_eq(m.nr, 2);
	s = &m.items[0];
	cr_assert_str_eq(s->folder, "submission_1");
	cr_assert_eq(s->nr, 1, "the autograder's output adds no one");
	cr_assert_str_eq(s->submitters[0].name, "Solo Student");
	cr_assert_str_eq(s->submitters[0].sid, "100");
	cr_assert_str_eq(s->submitters[0].email, "solo@example.edu");
	cr_assert_str_eq(s->created_at,
			 "2027-03-01 23:59:30.524451000 -08:00");
	s = &m.items[1];
	cr_assert_null(s->created_at);
	cr_assert_str_eq(s->folder, "submission_2");
	cr_assert_eq(s->nr, 2);
	cr_assert_str_eq(s->submitters[0].name, "Pair \"One\" 张");
	cr_assert_str_eq(s->submitters[0].sid, "it's");
	cr_assert_str_eq(s->submitters[0].email, "");
	cr_assert_str_eq(s->submitters[1].name, "");
	cr_assert_str_eq(s->submitters[1].email, "two@example.edu");
	lms_metadata_release(&m);
}

/* Entries and rows for the export tests. */
static struct batch_entry entries[3];
static const struct gradebook_row rows[3] = {
	{ .student = "12", .graded = true, .total = 7, .max = 21,
	  .status = "ok" },
	{ .student = "34", .status = "no-files" },
	{ .student = "56", .status = "missing" },
};

static char *export_text(enum lms_kind kind, enum lms_kind from)
{
	char *dir = harness_tempdir(), *path, *text;
	struct lms_export export;
	struct strbuf error;

	entries[0] = (struct batch_entry){ .id = "12", .path = "p",
		.name = "Smith, \"Jo\"", .email = "jo@x.org", .lms_id = "12" };
	entries[1] = (struct batch_entry){ .id = "34", .path = "q",
		.name = "张伟", .lms_id = "34" };
	entries[2] = (struct batch_entry){ .id = "56" };
	cr_assert(asprintf(&path, "%s/out.csv", dir) >= 0);
	lms_export_init(&export, kind, from, NULL);
	for (size_t i = 0; i < 3; i++)
		lms_export_add(&export, &entries[i], &rows[i]);
	strbuf_init(&error);
	cr_assert_eq(lms_export_write(&export, path, &error), 0, "%s",
		     error.buf);
	text = harness_read_file(path);
	strbuf_release(&error);
	lms_export_release(&export);
	harness_remove(dir);
	free(path);
	free(dir);
	return text;
}

Test(lms, canvas_export)
{
	char *text = export_text(LMS_CANVAS, LMS_CANVAS);

	cr_assert_str_eq(text,
		"Student,ID,SIS User ID,SIS Login ID,Section,"
		LMS_EXPORT_ASSIGNMENT "\n"
		"Points Possible,,,,,21\n"
		"\"Smith, \"\"Jo\"\"\",12,,,,7\n"
		"张伟,34,,,,0\n"
		"56,56,,,,\n");
	free(text);
}

Test(lms, moodle_export)
{
	char *text = export_text(LMS_MOODLE, LMS_MOODLE);

	cr_assert_str_eq(text,
		"Identifier,Full name,Email address,ID number,Grade,"
		"Maximum Grade\n"
		"Participant 12,\"Smith, \"\"Jo\"\"\",jo@x.org,,7,21\n"
		"Participant 34,张伟,,,0,21\n"
		"Participant 56,56,,,,21\n");
	free(text);
}

Test(lms, gradescope_export_of_a_plain_batch)
{
	char *text = export_text(LMS_GRADESCOPE, LMS_NONE);

	cr_assert_str_eq(text,
		"Name,SID,Email,Total Score,Max Points\n"
		"\"Smith, \"\"Jo\"\"\",12,jo@x.org,7,21\n"
		"张伟,34,,0,21\n"
		"56,56,,,21\n");
	free(text);
}

Test(lms, export_needs_a_graded_student)
{
	struct batch_entry entry = { .id = "a" };
	struct lms_export export;
	struct strbuf error;

	lms_export_init(&export, LMS_CANVAS, LMS_NONE, "A (1)");
	lms_export_add(&export, &entry, &rows[2]);
	strbuf_init(&error);
	cr_assert_eq(lms_export_write(&export, "/nonexistent/x.csv", &error),
		     -1);
	cr_assert(strstr(error.buf, "points possible are unknown"), "%s",
		  error.buf);
	strbuf_release(&error);
	lms_export_release(&export);
}
