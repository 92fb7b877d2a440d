/*
 * catalog.h - the curriculum as the grader knows it: the nine exercise
 * files, their contract functions and the chapter sections hints point to
 * (docs/design.md, "Chapter files and section titles").
 */
#ifndef GRADER_CATALOG_H
#define GRADER_CATALOG_H

#include <stddef.h>

/*
 * CATALOG_EXERCISES is the number of exercise files, for the arrays the
 * grader keeps per exercise (options.h, summary.h); catalog.c checks at
 * compile time that its table has exactly that many.
 */
enum { CATALOG_MAX_FUNCTIONS = 4, CATALOG_EXERCISES = 9 };

struct catalog_function {
	const char *name;
	int chapter;		/* where the hint points */
	const char *section;	/* a section title of that chapter */
};

struct catalog_exercise {
	const char *name;	/* "02_bce" */
	const char *file;	/* "02_bce.c" */
	int chapter;
	const char *title;	/* chapter title without its number */
	const char *functions[CATALOG_MAX_FUNCTIONS + 1]; /* NULL-terminated */
};

size_t catalog_count(void);
const struct catalog_exercise *catalog_exercise_at(size_t index);
/* "02_bce.c", "02_bce" or "02": the exercise, or NULL. */
const struct catalog_exercise *catalog_find_exercise(const char *text);
/* The exercise defining a contract function, or NULL. */
const struct catalog_exercise *catalog_exercise_of(const char *function);
/* A contract function, or NULL. */
const struct catalog_function *catalog_find_function(const char *name);
/* The title of chapter n (1..9), or "". */
const char *catalog_chapter_title(int chapter);

#endif /* GRADER_CATALOG_H */
