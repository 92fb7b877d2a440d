/*
 * gradebook_lookup.c - a field of a gradebook CSV by column name.  The
 * grader tests do not link the grader, so this reads RFC 4180 records
 * itself: an independent reader also checks that the grader's quoting
 * is the standard one.
 */
#include "support/gradebook_lookup.h"

#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/catalog.h"
#include "support/harness.h"

/* Field number col (0-based) of the record at *p, malloc'd, or NULL
 * when the record is shorter; *p moves to the next record. */
static char *record_field(const char **p, size_t col)
{
	char *found = NULL;
	size_t index = 0;
	bool more = **p != '\0';

	while (more) {
		const char *s = *p;
		bool quoted = *s == '"';
		char *field = malloc(strlen(s) + 1), *out = field;

		cr_assert_not_null(field);
		for (s += quoted; *s; s++) {
			if (quoted && *s == '"' && s[1] == '"')
				*out++ = *s++;
			else if (quoted && *s == '"')
				quoted = false;
			else if (!quoted && (*s == ',' || *s == '\n'))
				break;
			else if (*s != '\r')
				*out++ = *s;
		}
		*out = '\0';
		if (index++ == col)
			found = field;
		else
			free(field);
		more = *s == ',';
		*p = *s ? s + 1 : s;
	}
	return found;
}

static size_t column_index(const char *book, const char *column)
{
	for (size_t i = 0;; i++) {
		const char *p = book;
		char *name = record_field(&p, i);
		bool match = name && !strcmp(name, column);

		cr_assert_not_null(name, "the gradebook has no column %s in\n%s",
				   column, book);
		free(name);
		if (match)
			return i;
	}
}

char *gradebook_lookup(const char *book, const char *id, const char *column)
{
	size_t col = column_index(book, column);
	const char *p = book;

	free(record_field(&p, 0));	/* the header */
	while (*p) {
		const char *start = p;
		char *student = record_field(&p, 0);
		bool match = student && !strcmp(student, id);

		free(student);
		if (match)
			return record_field(&start, col);
	}
	return NULL;
}

char *gradebook_expected_header(void)
{
	static const char tail[] = ",total,max,seed,status,adjustment,"
				   "late_days,late_penalty,final";
	size_t size = sizeof "student" + sizeof tail;
	char *header;

	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		size += strlen(test_exercises[i].stem) + 1;
	header = malloc(size);
	cr_assert_not_null(header);
	strcpy(header, "student");
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		strcat(header, ",");
		strcat(header, test_exercises[i].stem);
	}
	strcat(header, tail);
	return header;
}

char *batch_feedback_page(const char *out, const char *stem, const char *ext)
{
	size_t size = strlen(out) + strlen(stem) + strlen(ext) +
		      sizeof "/feedback/.";
	char *path = malloc(size), *text;

	cr_assert_not_null(path);
	snprintf(path, size, "%s/feedback/%s.%s", out, stem, ext);
	text = harness_read_file(path);
	cr_assert_not_null(text, "no feedback page %s", path);
	free(path);
	return text;
}
