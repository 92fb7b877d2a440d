/*
 * catalog.h - the curriculum as the grader knows it, from its manifest
 * (include/curriculum.def): the exercise files, their contract functions
 * and the chapter sections hints point to.
 */
#ifndef GRADER_CATALOG_H
#define GRADER_CATALOG_H

#include <stddef.h>

#include "curriculum.h"
#include "util/strbuf.h"

/*
 * CATALOG_EXERCISES is the number of exercise files in the manifest
 * (include/curriculum.def), for the arrays the grader keeps per exercise
 * (options.h, summary.h); CATALOG_MAX_FUNCTIONS the most functions one
 * has, for the arrays kept per function.
 */
enum {
	CATALOG_MAX_FUNCTIONS = CURRICULUM_MAX_FUNCTIONS,
	CATALOG_EXERCISES = CURRICULUM_EXERCISES
};
/* "Did you mean" names at most this many. */
enum { CATALOG_MAX_SUGGESTIONS = 3 };

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
/* "02_bce.c", "02_bce", "02" or "2": the exercise, or NULL. */
const struct catalog_exercise *catalog_find_exercise(const char *text);
/* The exercise defining a contract function, or NULL. */
const struct catalog_exercise *catalog_exercise_of(const char *function);
/*
 * "01_sigmoid.c ... NN_last.c": the manifest's first and last exercise
 * files, for messages that name them all.
 */
const char *catalog_file_range(void);
/* A contract function, or NULL. */
const struct catalog_function *catalog_find_function(const char *name);
/* The title of chapter n (one that has an exercise), or "". */
const char *catalog_chapter_title(int chapter);

/*
 * A name a student gives for an exercise, the same everywhere (--only,
 * --hint, --resolve, and through it make check EX= and make read CH=):
 * the file "01_sigmoid.c", its name "01_sigmoid", its number "01" or "1",
 * or a contract function "sigmoid" (catalog_resolve.c).
 */
struct catalog_match {
	const struct catalog_exercise *exercise;
	const char *function;	/* NULL: the whole exercise file */
};

/* 0 with *match filled, or -1 when nothing has that name. */
int catalog_resolve(const char *text, struct catalog_match *match);

/*
 * The names closest to an unknown `text` (a prefix of them, a part of
 * them, or a few typing slips away), best first: exercise files and
 * contract functions.  Returns how many (0..CATALOG_MAX_SUGGESTIONS).
 */
size_t catalog_suggest(const char *text,
		       const char *names[CATALOG_MAX_SUGGESTIONS]);

/*
 * Appends why `text` names nothing, and what to give instead, on one line
 * ("no exercise or function is named sigmoud; did you mean sigmoid?").
 */
void catalog_explain_unknown(const char *text, struct strbuf *out);

#endif /* GRADER_CATALOG_H */
