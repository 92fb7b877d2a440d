/*
 * catalog.h - the exercise files, their functions and points, as the tests
 * know them: from the curriculum's manifest (include/curriculum.def), the
 * same data the grader is built from, so no test writes a count, a point
 * total or a list of files of its own.
 */
#ifndef TESTS_CATALOG_H
#define TESTS_CATALOG_H

#include <stddef.h>
#include <string.h>

#include "array_size.h"
#include "curriculum.h"

/* The most functions one exercise has. */
enum { TEST_MAX_FUNCTIONS = CURRICULUM_MAX_FUNCTIONS };
#define TEST_EXERCISE_COUNT ((size_t)CURRICULUM_EXERCISES)

static const struct test_exercise {
	const char *stem;		/* "02_bce" */
	const char *file;		/* "02_bce.c" */
	int number, chapter;
	const char *chapter_file;	/* "02-bce.md", under chapters/ */
	const char *title;
	unsigned points, hidden_points;
	const char *functions[TEST_MAX_FUNCTIONS + 1];	/* NULL-terminated */
} test_exercises[] = {
#define WB_EXERCISE(stem, number, chapter, chapter_file, title, points,      \
		    hidden_points)                                            \
	{ #stem, #stem ".c", number, chapter, chapter_file, title, points,    \
	  hidden_points, {
#define WB_FUNCTION(name, ...) #name,
#define WB_EXERCISE_END(stem) NULL } },
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END
};

_Static_assert(ARRAY_SIZE(test_exercises) == TEST_EXERCISE_COUNT,
	       "one row per exercise");

/* The file defining a function, or NULL. */
static inline const char *test_file_of(const char *function)
{
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		for (size_t f = 0; test_exercises[i].functions[f]; f++)
			if (!strcmp(test_exercises[i].functions[f], function))
				return test_exercises[i].file;
	return NULL;
}

/* The exercise of a file ("02_bce.c"), or NULL. */
static inline const struct test_exercise *test_exercise_of(const char *file)
{
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		if (!strcmp(test_exercises[i].file, file))
			return &test_exercises[i];
	return NULL;
}

/* Points of every exercise, with the hidden tests or without. */
static inline unsigned test_total_points(int hidden)
{
	unsigned total = 0;

	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++)
		total += test_exercises[i].points +
			 (hidden ? test_exercises[i].hidden_points : 0);
	return total;
}

#endif /* TESTS_CATALOG_H */
