/*
 * test_unit_locality.c - the proof of "Adding an exercise" (docs/design.md):
 * the manifest's newest exercise is named only by its own files.
 *
 * Outside its own files (chapter, solution, stub, suite, hints, corpus
 * entries), the manifest and what `make contract` writes from it, no code,
 * build file or test names its file or one of its functions: everything
 * else takes the exercises from include/curriculum.def.  No document but
 * its chapter and docs/contract.md names it, nor writes what it would make
 * stale: a range of the files, the gradebook's header, a count of the
 * exercises or of their points.  The book's figures (book/ and its
 * tests, tests/test_book_*.c) may call any reference function: a figure
 * is the book's, not part of adding an exercise.
 *
 * Reads the tree from the project's root (where make runs the tests).
 */
#define _GNU_SOURCE /* nftw's FTW_ACTIONRETVAL, strndup */
#include <criterion/criterion.h>

#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/catalog.h"
#include "support/harness.h"

/* Where code, build files and tests live, and where the documents do. */
static const char *const code_roots[] = {
	"grader", "include", "tools", "scripts", "gradescope", "bench",
	"tests", "Makefile", "solutions", "exercises", ".ci", "book/book.mk",
};
static const char *const document_roots[] = {
	"README.md", "docs", "chapters",
};

/* Not read at all: submissions, and what the book alone uses. */
static const char *const skipped_prefixes[] = {
	"tests/corpus/", "tests/test_book_",
};

/* The manifest, and what `make contract` writes from it. */
static const char *const generated_files[] = {
	"include/curriculum.def", "include/workbook.h", "docs/contract.md",
};

/* Where the exercise has a file of its own, named as the exercise file:
 * its hints, its reference solution and its stub. */
static const char *const own_folders[] = {
	"grader/hints", "solutions", "exercises",
};

static const struct test_exercise *newest(void)
{
	return &test_exercises[TEST_EXERCISE_COUNT - 1];
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* The exercise's own files: its suite (and parts), hints, solution, stub
 * and chapter. */
static bool own_file(const char *path)
{
	const struct test_exercise *e = newest();
	char prefix[256];

	for (size_t i = 0; i < ARRAY_SIZE(generated_files); i++)
		if (!strcmp(path, generated_files[i]))
			return true;
	snprintf(prefix, sizeof prefix, "grader/suites/%s", e->stem);
	if (starts_with(path, prefix) &&
	    (path[strlen(prefix)] == '.' || path[strlen(prefix)] == '_'))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(own_folders); i++) {
		snprintf(prefix, sizeof prefix, "%s/%s", own_folders[i],
			 e->file);
		if (!strcmp(path, prefix))
			return true;
	}
	snprintf(prefix, sizeof prefix, "chapters/%s", e->chapter_file);
	return !strcmp(path, prefix);
}

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* The first place name stands in text as a whole word, or NULL. */
static const char *find_word(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = text; (p = strstr(p, name)); p++)
		if ((p == text || !word_char(p[-1])) && !word_char(p[n]))
			return p;
	return NULL;
}

static size_t line_of(const char *text, const char *at)
{
	size_t line = 1;

	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

/* Code: neither the file's stem, its chapter's file nor a function of the
 * newest exercise. */
static void check_code(const char *path, const char *text)
{
	const struct test_exercise *e = newest();
	const char *at = find_word(text, e->stem);
	const char *name = e->stem;

	if (!at)
		at = find_word(text, name = e->chapter_file);
	for (size_t f = 0; !at && e->functions[f]; f++)
		at = find_word(text, name = e->functions[f]);
	cr_expect_null(at, "%s:%zu names %s, of %s, the manifest's newest "
		       "exercise: only its own files may (docs/design.md, "
		       "\"Adding an exercise\"); take it from "
		       "include/curriculum.def or say it in general terms",
		       path, at ? line_of(text, at) : 0, name, e->file);
}

/*
 * A range "01_sigmoid.c ... NN_last.c" (with or without backquotes, with
 * "...", "…" or "to" between) goes stale with the next exercise.
 */
static void check_ranges(const char *path, const char *text)
{
	const char *first = test_exercises[0].file;
	static const char *const between[] = { "...", "\xe2\x80\xa6", "to" };

	for (const char *p = text; (p = strstr(p, first)); p++) {
		const char *q = p + strlen(first);
		bool joined = false;

		q += *q == '`';
		q += *q == ' ';
		for (size_t i = 0; i < ARRAY_SIZE(between) && !joined; i++)
			if (starts_with(q, between[i])) {
				q += strlen(between[i]);
				joined = true;
			}
		q += joined && *q == ' ';
		q += joined && *q == '`';
		cr_expect(!joined || !(q[0] >= '0' && q[0] <= '9'),
			  "%s:%zu: a range of the exercise files, which the "
			  "next exercise makes stale: write \"%s, %s, ...\" "
			  "(docs/contract.md lists them all)", path,
			  line_of(text, p), first, test_exercises[1].file);
	}
}

/* The gradebook's header written out goes stale likewise. */
static void check_headers(const char *path, const char *text)
{
	char start[128];
	const char *at;

	/* "student,01_sigmoid,02_bce,..." is general; a third column is not. */
	cr_assert_geq(TEST_EXERCISE_COUNT, 3);
	snprintf(start, sizeof start, "student,%s,%s,%s,",
		 test_exercises[0].stem, test_exercises[1].stem,
		 test_exercises[2].stem);
	at = strstr(text, start);
	cr_expect_null(at, "%s:%zu: the gradebook's header written out, which "
		       "the next exercise makes stale: write its exercise "
		       "columns as \"%s,%s,...\"", path,
		       at ? line_of(text, at) : 0, test_exercises[0].stem,
		       test_exercises[1].stem);
}

/*
 * Counts of the curriculum in the grader's sayings as the documents quote
 * them: "1 of 9 exercises complete" (--progress), "20/107" on its total
 * line, "graded alice 95/131 ok" (--batch).  A document writes them as
 * letters it explains ("20/N", "1 of M exercises complete").
 */
static void check_counts(const char *path, const char *text)
{
	unsigned n;

	for (const char *p = text; (p = strstr(p, " exercises complete")); p++) {
		const char *of = p;

		while (of > text && of[-1] != '\n' && strncmp(of, " of ", 4))
			of--;
		cr_expect(sscanf(of, " of %u exercises complete", &n) != 1,
			  "%s:%zu: \"of %u exercises\": write a letter the "
			  "text explains, not today's count", path,
			  line_of(text, p), n);
	}
	for (const char *p = text; (p = strstr(p, "\ntotal ")); p++) {
		const char *slash = strchr(p + 1, '/'), *end = strchr(p + 1, '\n');

		cr_expect(!slash || (end && slash > end) ||
				  sscanf(slash, "/%u", &n) != 1,
			  "%s:%zu: a total of %u points: write a letter the "
			  "text explains, not today's count", path,
			  line_of(text, p) + 1, n);
	}
	for (const char *p = text; (p = strstr(p, "graded ")); p++)
		cr_expect(sscanf(p, "graded %*s %*f/%u", &n) != 1, "%s:%zu: "
			  "\"graded ... /%u\": write a letter the text "
			  "explains, not today's count", path, line_of(text, p),
			  n);
}

/* Documents: nothing that a new exercise would make stale. */
static void check_document(const char *path, const char *text)
{
	const struct test_exercise *e = newest();
	const char *at = find_word(text, e->stem);

	check_ranges(path, text);
	check_headers(path, text);
	check_counts(path, text);
	cr_expect_null(at, "%s:%zu names %s, the manifest's newest exercise: "
		       "say it in general terms (docs/contract.md lists the "
		       "files)", path, at ? line_of(text, at) : 0, e->file);
}

static size_t files_read;

static int visit(const char *path, const struct stat *st, int type,
		 struct FTW *ftw)
{
	char *text;

	(void)st;
	(void)ftw;
	for (size_t i = 0; i < ARRAY_SIZE(skipped_prefixes); i++)
		if (starts_with(path, skipped_prefixes[i]))
			return type == FTW_D ? FTW_SKIP_SUBTREE : FTW_CONTINUE;
	if (type != FTW_F || own_file(path))
		return FTW_CONTINUE;
	text = harness_read_file(path);
	cr_assert_not_null(text, "cannot read %s", path);
	if (ends_with(path, ".md"))
		check_document(path, text);
	else
		check_code(path, text);
	files_read++;
	free(text);
	return FTW_CONTINUE;
}

static void walk(const char *const *roots, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(nftw(roots[i], visit, 16, FTW_ACTIONRETVAL), 0,
			     "cannot walk %s", roots[i]);
}

Test(locality, only_its_own_files_name_the_newest_exercise)
{
	files_read = 0;
	walk(code_roots, ARRAY_SIZE(code_roots));
	walk(document_roots, ARRAY_SIZE(document_roots));
	/* The walk saw the tree, not an empty folder. */
	cr_expect_gt(files_read, 100, "only %zu files read", files_read);
}

/* The checker itself: a name inside a longer word is not the name. */
Test(locality, a_name_is_a_whole_word)
{
	cr_expect_null(find_word("softmax_regression", "softmax"));
	cr_expect_null(find_word("hints_02_bce[]", "02_bce"));
	cr_expect_not_null(find_word("see 02_bce.c", "02_bce"));
	cr_expect_not_null(find_word("(softmax)", "softmax"));
}
