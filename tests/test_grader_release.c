/*
 * test_grader_release.c - the student release (make student-release) as a
 * student unpacks it: its README is the students' (build, read, grade,
 * hint, watch, where the grade of record comes from), the instructors'
 * docs are not there, `make test` says what it does; and
 * tools/check_student_release.sh refuses a release that carries the
 * instructors' README or docs.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/harness.h"

#define TARBALL "build/release/workbook-student.tar.gz"

static void run_shell(const char *command)
{
	cr_assert_eq(system(command), 0, "%s", command);
}

/* The release unpacked into a fresh folder (malloc'd path of its top). */
static char *unpack_release(char **root)
{
	char *command, *top;

	run_shell("make -s --no-print-directory student-release >/dev/null");
	*root = harness_tempdir();
	cr_assert(asprintf(&command, "tar -C '%s' -xzf " TARBALL, *root) >= 0);
	run_shell(command);
	free(command);
	cr_assert(asprintf(&top, "%s/workbook-student", *root) >= 0);
	return top;
}

/* Output of a shell command (stdout and stderr, malloc'd). */
static char *output_of(const char *command)
{
	char *path, *full, *text;
	char *root = harness_tempdir();

	cr_assert(asprintf(&path, "%s/out", root) >= 0);
	cr_assert(asprintf(&full, "(%s) >'%s' 2>&1", command, path) >= 0);
	(void)system(full);
	text = harness_read_file(path);
	cr_assert_not_null(text);
	free(full);
	free(path);
	harness_remove(root);
	free(root);
	return text;
}

static void expect_for_students(const char *top)
{
	static const char *const sections[] = {
		"## Build", "## Read", "## Grade", "--hint", "--watch",
		"grade of record",
	};
	char *path, *text, *command;

	cr_assert(asprintf(&path, "%s/README.md", top) >= 0);
	text = harness_read_file(path);
	cr_assert_not_null(text);
	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
		cr_expect(strstr(text, sections[i]), "README lacks %s",
			  sections[i]);
	cr_expect_null(strstr(text, "For instructors"));
	cr_expect_null(strstr(text, "instructors.md"));
	free(text);
	free(path);
	for (size_t i = 0; i < 2; i++) {
		static const char *const gone[] = { "docs/instructors.md",
						    "docs/threat-model.md" };

		cr_assert(asprintf(&path, "%s/%s", top, gone[i]) >= 0);
		cr_expect_neq(access(path, F_OK), 0, "%s is shipped", gone[i]);
		free(path);
	}
	cr_assert(asprintf(&command, "make -C '%s' -n test", top) >= 0);
	text = output_of(command);
	cr_expect_null(strstr(text, "Nothing to be done"), "%s", text);
	cr_expect(strstr(text, "this copy has no project tests"), "%s", text);
	free(text);
	free(command);
}

static void expect_check_refuses_instructor_files(const char *root,
						  const char *top)
{
	char *command, *text;

	cr_assert(asprintf(&command, "cp README.md '%s/README.md' && "
			   "cp docs/instructors.md '%s/docs/' && "
			   "tar -C '%s' -czf '%s/bad.tar.gz' workbook-student",
			   top, top, root, root) >= 0);
	run_shell(command);
	free(command);
	cr_assert(asprintf(&command, "sh tools/check_student_release.sh "
			   "'%s/bad.tar.gz'; echo status=$?", root) >= 0);
	text = output_of(command);
	cr_expect(strstr(text, "docs/instructors.md is for instructors"), "%s",
		  text);
	cr_expect(strstr(text, "README.md is the instructors' README"), "%s",
		  text);
	cr_expect(strstr(text, "links to docs/threat-model.md, which the "
			 "release does not hold"), "%s", text);
	cr_expect(strstr(text, "status=1"), "%s", text);
	free(text);
	free(command);
}

/* One test: make student-release rewrites the tarball, so no two at once. */
Test(release, is_for_students_and_the_check_says_so, .timeout = 300)
{
	char *root, *top = unpack_release(&root);

	expect_for_students(top);
	expect_check_refuses_instructor_files(root, top);
	harness_remove(root);
	free(root);
	free(top);
}
