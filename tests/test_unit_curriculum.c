/*
 * test_unit_curriculum.c - every exercise of the curriculum's manifest
 * (include/curriculum.def) has the files "Adding an exercise" in
 * docs/design.md lists, and no exercise file lives outside the manifest.
 * Reads the tree from the project's root (where make runs the tests).
 */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/catalog.h"
#include "hints/hints_table.h"
#include "support/catalog.h"
#include "support/harness.h"

/* The stub submissions of the hostile corpus hold every exercise file. */
static const char *const every_file_folders[] = {
	"tests/corpus/hostile/stub_constant_zero",
	"tests/corpus/hostile/stub_returns_input",
};

static void expect_file(const struct test_exercise *e, const char *folder,
			const char *name, const char *what)
{
	char *path = harness_join(folder, name);

	cr_expect(access(path, R_OK) == 0, "%s is in include/curriculum.def "
		  "but %s is missing (%s; docs/design.md, \"Adding an "
		  "exercise\")", e->stem, path, what);
	free(path);
}

/* How many paths match pattern. */
static size_t matches(const char *pattern)
{
	glob_t g;
	size_t n;

	if (glob(pattern, 0, NULL, &g) != 0)
		return 0;
	n = g.gl_pathc;
	globfree(&g);
	return n;
}

static void expect_corpus(const struct test_exercise *e, const char *kind)
{
	char *pattern;

	/* The file itself, or a patch against its solution (NN_name.c.patch). */
	cr_assert(asprintf(&pattern, "tests/corpus/%s/%s_*/%s*", kind,
			   e->stem, e->file) > 0);
	cr_expect(matches(pattern) > 0, "%s has no %s corpus entry (%s)",
		  e->stem, kind, pattern);
	free(pattern);
}

Test(curriculum, every_exercise_has_its_files)
{
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		const struct test_exercise *e = &test_exercises[i];
		char *suite_name;

		expect_file(e, "chapters", e->chapter_file, "its chapter");
		expect_file(e, "solutions", e->file, "its reference solution");
		expect_file(e, "exercises", e->file, "its stub: make release");
		expect_file(e, "grader/suites", e->file, "its suite");
		expect_file(e, "grader/hints", e->file, "its hints");
		for (size_t f = 0; f < ARRAY_SIZE(every_file_folders); f++)
			expect_file(e, every_file_folders[f], e->file,
				    "a stub of the hostile corpus");
		expect_corpus(e, "correct");
		expect_corpus(e, "buggy");
		for (size_t f = 0; e->functions[f]; f++)
			cr_expect(hints_find(e->functions[f], NULL),
				  "%s has no hints (grader/hints/NN_name.c)",
				  e->functions[f]);
		cr_assert(asprintf(&suite_name, "%s.judge", e->stem) > 0);
		expect_file(e, "build/suites", suite_name,
			    "its suite's judge: make suites");
		free(suite_name);
	}
}

Test(curriculum, names_agree_with_numbers_and_chapters)
{
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		const struct test_exercise *e = &test_exercises[i];
		char number[8], heading[256], *path, *text;

		snprintf(number, sizeof number, "%02d_", e->number);
		cr_expect(!strncmp(e->stem, number, 3),
			  "%s is exercise %d: its name starts with %s", e->stem,
			  e->number, number);
		snprintf(number, sizeof number, "%02d-", e->chapter);
		cr_expect(!strncmp(e->chapter_file, number, 3),
			  "%s is chapter %d: its name starts with %s",
			  e->chapter_file, e->chapter, number);
		cr_assert(asprintf(&path, "chapters/%s", e->chapter_file) > 0);
		text = harness_read_file(path);
		snprintf(heading, sizeof heading, "# %d. %s\n", e->chapter,
			 e->title);
		cr_expect(text && !strncmp(text, heading, strlen(heading)),
			  "%s does not start with \"%.*s\" (the title in "
			  "include/curriculum.def)", path,
			  (int)strlen(heading) - 1, heading);
		free(text);
		free(path);
		cr_expect(i == 0 || e->number > test_exercises[i - 1].number,
			  "%s is out of order in include/curriculum.def",
			  e->stem);
	}
}

/* An exercise file outside the manifest would never be graded. */
Test(curriculum, every_exercise_file_is_in_the_manifest)
{
	static const char *const patterns[] = {
		"solutions/[0-9][0-9]_*.c", "exercises/[0-9][0-9]_*.c",
	};

	for (size_t p = 0; p < ARRAY_SIZE(patterns); p++) {
		glob_t g;

		if (glob(patterns[p], 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			const char *name = strrchr(g.gl_pathv[i], '/') + 1;

			cr_expect(test_exercise_of(name), "%s is in no entry "
				  "of include/curriculum.def",
				  g.gl_pathv[i]);
			cr_expect(catalog_find_exercise(name),
				  "the grader's catalog lacks %s", name);
		}
		globfree(&g);
	}
}
