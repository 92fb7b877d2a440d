/*
 * test_unit_gradebook.c - gradebook CSV: quoting, rows back and forth,
 * and merging shards (and the errors of a bad merge).
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/gradebook.h"
#include "support/catalog.h"
#include "support/gradebook_lookup.h"
#include "support/harness.h"

Test(gradebook, fields_are_quoted_when_needed)
{
	struct strbuf sb;

	strbuf_init(&sb);
	gradebook_add_field(&sb, "plain");
	strbuf_addch(&sb, '|');
	gradebook_add_field(&sb, "a,b");
	strbuf_addch(&sb, '|');
	gradebook_add_field(&sb, "say \"hi\"");
	strbuf_addch(&sb, '|');
	gradebook_add_field(&sb, "two\nlines");
	cr_assert_str_eq(sb.buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"");
	strbuf_release(&sb);
}

Test(gradebook, header_names_every_exercise)
{
	struct strbuf sb;
	char *header;

	strbuf_init(&sb);
	gradebook_header(&sb);
	header = gradebook_expected_header();
	cr_assert_eq(sb.len, strlen(header) + 1, "%s", sb.buf);
	cr_assert(!strncmp(sb.buf, header, strlen(header)), "%s", sb.buf);
	cr_assert_eq(sb.buf[sb.len - 1], '\n');
	free(header);
	strbuf_release(&sb);
}

Test(gradebook, rows_survive_formatting_and_parsing)
{
	struct gradebook_row row = {
		.student = "odd, \"name\"\n", .graded = true, .max = 105,
		.seed = 123456789, .status = "ok",
	}, back;
	struct gradebook_fields fields;
	struct strbuf sb;
	const char *cursor;

	/* Each exercise its own number of points: 1, 2, 3, ... */
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		row.points[i] = i + 1;
		row.total += row.points[i];
	}
	strbuf_init(&sb);
	gradebook_fields_init(&fields);
	gradebook_format_row(&row, &sb);
	cursor = sb.buf;
	cr_assert_eq(gradebook_parse_record(&cursor, &fields), 1);
	cr_assert_eq(*cursor, '\0');
	cr_assert_eq(gradebook_row_parse(&fields, &back), 0);
	cr_assert_str_eq(back.student, row.student);
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		cr_assert_eq(back.points[i], i + 1, "exercise %zu", i + 1);
	cr_assert_eq(back.total, row.total);
	cr_assert_eq(back.max, 105);
	cr_assert_eq(back.seed, 123456789);
	cr_assert_str_eq(back.status, "ok");
	cr_assert_eq(gradebook_parse_record(&cursor, &fields), 0);

	cursor = "\"never closed";
	cr_assert_eq(gradebook_parse_record(&cursor, &fields), -1);
	cursor = "too,few\n";
	cr_assert_eq(gradebook_parse_record(&cursor, &fields), 1);
	cr_assert_eq(gradebook_row_parse(&fields, &back), -1);
	gradebook_fields_release(&fields);
	strbuf_release(&sb);
}

Test(gradebook, ungraded_rows_leave_max_empty)
{
	struct gradebook_row row = { .student = "bob", .status = "bad-archive",
				     .seed = 7 };
	struct strbuf sb;

	strbuf_init(&sb);
	struct strbuf want;

	strbuf_init(&want);
	strbuf_addstr(&want, "bob");
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		strbuf_addstr(&want, ",0");
	strbuf_addstr(&want, ",0,,7,bad-archive,0,,0,0\n");
	gradebook_format_row(&row, &sb);
	cr_assert_str_eq(sb.buf, want.buf);
	strbuf_release(&want);
	strbuf_release(&sb);
}


/* A row: id, each exercise's points, then the rest ("9,9,3,ok,..."). */
static void add_row(struct strbuf *out, const char *id, const char *points,
		    const char *rest)
{
	strbuf_addstr(out, id);
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		strbuf_addf(out, ",%s", points);
	strbuf_addf(out, ",%s\n", rest);
}

static void write_shard(const char *dir, const char *name, const char *rows)
{
	char *header = gradebook_expected_header();
	struct strbuf text = STRBUF_INIT;

	strbuf_addf(&text, "%s\n%s", header, rows);
	free(header);
	harness_write_text(dir, name, text.buf);
	strbuf_release(&text);
}

static int merge(const char *dir, struct strbuf *error)
{
	struct strbuf out;
	int status;

	strbuf_init(&out);
	strbuf_reset(error);
	status = gradebook_merge(dir, &out, error);
	strbuf_release(&out);
	return status;
}

Test(gradebook, merge_sorts_rows_of_every_shard)
{
	char *dir = harness_tempdir(), *path, *text;
	char *header = gradebook_expected_header();
	struct strbuf error, alice, bob, carol, shard, want;

	strbuf_init(&error);
	strbuf_init(&alice);
	strbuf_init(&bob);
	strbuf_init(&carol);
	strbuf_init(&shard);
	strbuf_init(&want);
	add_row(&alice, "alice", "1", "9,9,1,ok,2.5,1,1.25,10.25");
	add_row(&bob, "\"b,ob\"", "0", "0,,2,bad-name,0,,0,0");
	add_row(&carol, "carol", "1", "9,9,3,ok,0,,0,9");
	strbuf_addf(&shard, "%s%s", carol.buf, alice.buf);
	write_shard(dir, "gradebook.shard-1-of-2.csv", shard.buf);
	write_shard(dir, "gradebook.shard-2-of-2.csv", bob.buf);
	cr_assert_eq(merge(dir, &error), 0, "%s", error.buf);
	path = harness_join(dir, "gradebook.csv");
	text = harness_read_file(path);
	cr_assert_not_null(text);
	strbuf_addf(&want, "%s\n%s%s%s", header, alice.buf, bob.buf, carol.buf);
	cr_assert_str_eq(text, want.buf);
	strbuf_release(&alice);
	strbuf_release(&bob);
	strbuf_release(&carol);
	strbuf_release(&shard);
	strbuf_release(&want);
	free(header);
	free(text);
	free(path);
	strbuf_release(&error);
	harness_remove(dir);
	free(dir);
}

Test(gradebook, merge_errors_say_what_is_wrong)
{
	char *dir = harness_tempdir();
	struct strbuf error;
	struct strbuf row_text = STRBUF_INIT;
	const char *row;

	add_row(&row_text, "alice", "1", "9,9,1,ok,2.5,1,1.25,10.25");
	row = row_text.buf;
	strbuf_init(&error);
	cr_assert_eq(merge(dir, &error), -1);
	cr_assert(strstr(error.buf, "no gradebook.shard-K-of-N.csv"), "%s", error.buf);

	write_shard(dir, "gradebook.shard-1-of-3.csv", row);
	cr_assert_eq(merge(dir, &error), -1);
	cr_assert(strstr(error.buf, "shard 2 of 3 is missing"), "%s", error.buf);

	write_shard(dir, "gradebook.shard-2-of-2.csv", "");
	cr_assert_eq(merge(dir, &error), -1);
	cr_assert(strstr(error.buf, "disagree on N"), "%s", error.buf);
	harness_remove(dir);
	free(dir);

	dir = harness_tempdir();
	write_shard(dir, "gradebook.shard-1-of-2.csv", row);
	write_shard(dir, "gradebook.shard-2-of-2.csv", row);
	cr_assert_eq(merge(dir, &error), -1);
	cr_assert(strstr(error.buf, "alice is in shard 1 and shard 2"), "%s",
		  error.buf);
	harness_write_text(dir, "gradebook.shard-2-of-2.csv", "student,other\n");
	cr_assert_eq(merge(dir, &error), -1);
	cr_assert(strstr(error.buf, "header"), "%s", error.buf);
	cr_assert_null(strchr(error.buf, '\n'));
	strbuf_release(&error);
	strbuf_release(&row_text);
	harness_remove(dir);
	free(dir);
}
