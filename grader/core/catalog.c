/*
 * catalog.c - the curriculum tables, read from its manifest
 * (include/curriculum.def): files, functions, chapters and the sections
 * that teach each function.
 */
#include "catalog.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "array_size.h"

static const struct catalog_exercise exercises[] = {
#define WB_EXERCISE(stem, number, chapter, chapter_file, title, points,      \
		    hidden_points)                                            \
	{ #stem, #stem ".c", chapter, title, {
#define WB_FUNCTION(name, ...) #name,
#define WB_EXERCISE_END(stem) NULL } },
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END
};

static const struct catalog_function functions[] = {
#define WB_EXERCISE(stem, ...)
#define WB_FUNCTION(name, chapter, section, ...) { #name, chapter, section },
#define WB_EXERCISE_END(stem)
#include "curriculum.def"
#undef WB_EXERCISE
#undef WB_FUNCTION
#undef WB_EXERCISE_END
};

size_t catalog_count(void)
{
	return ARRAY_SIZE(exercises);
}

const struct catalog_exercise *catalog_exercise_at(size_t index)
{
	return index < ARRAY_SIZE(exercises) ? &exercises[index] : NULL;
}

const struct catalog_exercise *catalog_exercise_of(const char *function)
{
	for (size_t i = 0; i < ARRAY_SIZE(exercises); i++)
		for (const char *const *f = exercises[i].functions; *f; f++)
			if (!strcmp(*f, function))
				return &exercises[i];
	return NULL;
}

static char file_range[2 * sizeof("NN_") + 160];

static void make_file_range(void)
{
	snprintf(file_range, sizeof file_range, "%s ... %s", exercises[0].file,
		 exercises[ARRAY_SIZE(exercises) - 1].file);
}

const char *catalog_file_range(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, make_file_range);
	return file_range;
}

const struct catalog_function *catalog_find_function(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(functions); i++)
		if (!strcmp(functions[i].name, name))
			return &functions[i];
	return NULL;
}

const char *catalog_chapter_title(int chapter)
{
	for (size_t i = 0; i < ARRAY_SIZE(exercises); i++)
		if (exercises[i].chapter == chapter)
			return exercises[i].title;
	return "";
}
