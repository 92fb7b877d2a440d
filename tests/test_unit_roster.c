/*
 * test_unit_roster.c - student ids (student_id.h: validity, file names,
 * shell words) and the roster (roster.h: reading, matching the entries).
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/batch_entries.h"
#include "batch/roster.h"
#include "batch/student_id.h"
#include "support/harness.h"

Test(student_id, any_file_system_name_is_valid)
{
	cr_assert(student_id_valid("Mary Jane"));
	cr_assert(student_id_valid("张伟"));
	cr_assert(student_id_valid("John Smith_12345_assignsubmission_file_"));
	cr_assert(student_id_valid("-dash"));
	cr_assert(student_id_valid(".x"));
	cr_assert_not(student_id_valid(""));
	cr_assert_not(student_id_valid("."));
	cr_assert_not(student_id_valid(".."));
	cr_assert_not(student_id_valid("a/b"));
}

static void expect_file_name(const char *id, const char *want)
{
	char *got = student_id_file_name(id);

	cr_assert_str_eq(got, want, "%s", id);
	free(got);
}

Test(student_id, file_names_are_percent_encoded)
{
	expect_file_name("alice", "alice");
	expect_file_name("a.b_c@d+e-f", "a.b_c@d+e-f");
	expect_file_name("Mary Jane", "Mary%20Jane");
	expect_file_name("张伟", "%E5%BC%A0%E4%BC%9F");
	expect_file_name(".hidden", "%2Ehidden");
	expect_file_name("50%", "50%25");
	expect_file_name("a\nb", "a%0Ab");
	expect_file_name("<x>", "%3Cx%3E");
}

Test(student_id, long_file_names_are_cut_and_stay_distinct)
{
	char a[400], b[400];
	char *name_a, *name_b;

	memset(a, 'x', sizeof a - 1);
	a[sizeof a - 1] = '\0';
	memcpy(b, a, sizeof b);
	b[sizeof b - 2] = 'y';
	name_a = student_id_file_name(a);
	name_b = student_id_file_name(b);
	cr_assert_leq(strlen(name_a), STUDENT_ID_FILE_MAX);
	cr_assert_not_null(strchr(name_a, '~'));
	cr_assert_str_neq(name_a, name_b);
	free(name_a);
	free(name_b);

	/* A cut never splits a %XX. */
	memset(a, ' ', 150);
	a[150] = '\0';
	name_a = student_id_file_name(a);
	cr_assert_leq(strlen(name_a), STUDENT_ID_FILE_MAX);
	cr_assert_eq(strchr(name_a, '~')[-3], '%', "%s", name_a);
	free(name_a);
}

static void expect_shell(const char *id, const char *want)
{
	struct strbuf sb;

	strbuf_init(&sb);
	student_id_shell_quote(&sb, id);
	cr_assert_str_eq(sb.buf, want);
	strbuf_release(&sb);
}

Test(student_id, shell_words_are_quoted_when_needed)
{
	expect_shell("alice", "alice");
	expect_shell("Mary Jane", "'Mary Jane'");
	expect_shell("O'Brien", "'O'\\''Brien'");
	expect_shell("$(rm -rf ~)", "'$(rm -rf ~)'");
}

/* Loads text as a roster; returns the status, error in *error. */
static int load(struct roster *roster, const char *text, char **error)
{
	char *dir = harness_tempdir(), *path;
	struct strbuf sb;
	int status;

	cr_assert(asprintf(&path, "%s/roster.csv", dir) >= 0);
	harness_write_file(path, text, strlen(text));
	strbuf_init(&sb);
	roster_init(roster);
	status = roster_load(roster, path, &sb);
	*error = strbuf_detach(&sb);
	harness_remove(dir);
	free(path);
	free(dir);
	return status;
}

Test(roster, reads_ids_with_quotes_crlf_bom_and_blank_lines)
{
	struct roster roster;
	char *error;

	cr_assert_eq(load(&roster, "\xEF\xBB\xBFid,name,email\r\n"
			  "bob,Bob,b@x\r\n\r\n\"Smith, J\",\"J \"\"Jo\"\" Smith\","
			  "\r\nMary Jane,Mary,m@x", &error), 0, "%s", error);
	cr_assert_eq(roster.nr, 3);
	/* Sorted by id in byte order. */
	cr_assert_str_eq(roster.students[0].id, "Mary Jane");
	cr_assert_str_eq(roster.students[1].id, "Smith, J");
	cr_assert_str_eq(roster.students[2].id, "bob");
	/* Name and email kept, quotes undone; an empty email stays "". */
	cr_assert_str_eq(roster.students[1].name, "J \"Jo\" Smith");
	cr_assert_str_eq(roster.students[1].email, "");
	cr_assert_str_eq(roster.students[2].email, "b@x");
	roster_release(&roster);
	free(error);
}

static void expect_error(const char *text, const char *want)
{
	struct roster roster;
	char *error;

	cr_assert_eq(load(&roster, text, &error), -1);
	cr_assert(strstr(error, want), "want \"%s\" in %s", want, error);
	cr_assert_null(strchr(error, '\n'), "one line: %s", error);
	roster_release(&roster);
	free(error);
}

Test(roster, a_bad_file_names_the_line)
{
	expect_error("", "line 1: the file is empty");
	expect_error("id,name\n", "line 1: 2 fields, expected 3");
	expect_error("ID,Name,Email\n", "line 1: the header is not");
	expect_error("id,name,email\na,b,c,d\n", "line 2: 4 fields");
	expect_error("id,name,email\na,\"b\nc\",d\ne\n", "line 4: 1 field, expected 3");
	expect_error("id,name,email\n,b,c\n", "line 2: the id \"\"");
	expect_error("id,name,email\na/b,b,c\n", "line 2: the id \"a/b\"");
	expect_error("id,name,email\na,b,c\nb,c,d\na,x,y\n",
		     "line 4: the id \"a\" is listed on an earlier line");
}

static void add_entry(struct batch_entries *entries, const char *id)
{
	entries->items = realloc(entries->items,
				 (entries->nr + 1) * sizeof *entries->items);
	memset(&entries->items[entries->nr], 0, sizeof *entries->items);
	entries->items[entries->nr].id = strdup(id);
	entries->items[entries->nr].path = strdup(id);
	entries->nr++;
	entries->alloc = entries->nr;
}

Test(roster, adds_missing_students_and_flags_the_others)
{
	struct batch_entries entries;
	struct roster roster;
	char *error;

	cr_assert_eq(load(&roster, "id,name,email\nalice,,\nghost,,\n"
			  "Mary Jane,,\n", &error), 0, "%s", error);
	batch_entries_init(&entries);
	add_entry(&entries, "alice");
	add_entry(&entries, "Mary Jane");
	add_entry(&entries, "intruder");
	roster_apply(&roster, &entries);
	batch_entries_sort(&entries);
	cr_assert_eq(entries.nr, 4);
	cr_assert_str_eq(entries.items[0].id, "Mary Jane");
	cr_assert_not(entries.items[0].off_roster);
	cr_assert_str_eq(entries.items[1].id, "alice");
	cr_assert_null(entries.items[1].status);
	cr_assert_str_eq(entries.items[2].id, "ghost");
	cr_assert_str_eq(entries.items[2].status, "missing");
	cr_assert_null(entries.items[2].path);
	cr_assert(strstr(entries.items[2].problem, "no entry named ghost"));
	cr_assert_str_eq(entries.items[3].id, "intruder");
	cr_assert(entries.items[3].off_roster);
	batch_entries_release(&entries);
	roster_release(&roster);
	free(error);
}
