/*
 * summary.h - points per function, per exercise file and in all, and the
 * first thing a student should fix: what both reports are made of.
 */
#ifndef GRADER_SUMMARY_H
#define GRADER_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "results.h"

enum { SUMMARY_MAX_EXERCISES = CATALOG_EXERCISES };

struct summary_function {
	const char *name;
	const struct catalog_function *where;	/* chapter and section */
	size_t passed, total;
	size_t not_implemented;			/* tests that said so */
	const struct results_test *first_failure;
};

struct summary_exercise {
	const struct catalog_exercise *exercise;
	const struct results *results;
	size_t passed, total;
	struct summary_function functions[CATALOG_MAX_FUNCTIONS];
	size_t function_count;			/* functions with tests */
};

/*
 * The exercise files a run left out (--only) or graded only in part, and
 * the first of them known to be unfinished (unfinished.c): "Next:" names it
 * once every test graded passes.
 */
enum summary_ungraded_state {
	SUMMARY_UNGRADED_NONE,		/* every function was graded */
	SUMMARY_UNGRADED_UNKNOWN,	/* none is known to be unfinished */
	SUMMARY_UNGRADED_MISSING,	/* exercise's file is missing */
	SUMMARY_UNGRADED_TODO,		/* it still calls workbook_todo() */
};

struct summary_ungraded {
	enum summary_ungraded_state state;
	const struct catalog_exercise *exercise; /* MISSING and TODO */
};

struct summary {
	const char *dir;			/* as shown; "": not shown */
	/*
	 * Per exercise (catalog order) the file's name as shown, relative to
	 * the submission (discover.h), or NULL: dir/02_bce.c.  May be NULL.
	 */
	char *const *shown;
	const char *notes;			/* discovery_notes(), or NULL */
	uint64_t seed;
	double elapsed_seconds;
	struct summary_exercise exercises[SUMMARY_MAX_EXERCISES];
	size_t count;				/* exercises graded */
	size_t complete;			/* exercises with full points */
	size_t passed, total;			/* points */
	/*
	 * Hidden tests a student's view took out of the results and only
	 * counted (disclosure.h): in passed and total, in no exercise.
	 */
	size_t hidden_passed, hidden_total;
	bool hidden_quiet;			/* and does not mention them */
	const char *internal_error;		/* first grader failure */
	struct summary_ungraded ungraded;	/* set by the session */
};

void summary_init(struct summary *summary, const char *dir, uint64_t seed);

/*
 * Which failure of a function the summary and "Next:" show first: the
 * first in the report's order, unless it is a value failure that names no
 * mistake and a later one names one (docs/design.md, "Diagnoses").
 */
bool summary_names_mistake(const struct results_test *test);
/* test, a later failure, is shown before `shown`. */
bool summary_ranks_before(const struct results_test *test,
			  const struct results_test *shown);
/* Adds an exercise's results (kept by reference: they must outlive it). */
void summary_add(struct summary *summary,
		 const struct catalog_exercise *exercise,
		 const struct results *results);

/* Counts hidden tests set apart from the exercises (disclosure.h). */
void summary_add_hidden(struct summary *summary, size_t passed,
			size_t total);

/* A function that failed every test by not being there. */
bool summary_function_absent(const struct summary_function *function);

/* An exercise file as the reports name it (malloc'd). */
char *summary_file_shown(const struct summary *summary,
			 const struct catalog_exercise *exercise);

/* "Next: ..." without the prefix, in a student's words (malloc'd). */
char *summary_next_step(const struct summary *summary);

/* "chapter 2, \"The loss in numbers\"" (malloc'd). */
char *summary_where(const struct catalog_function *where);

#endif /* GRADER_SUMMARY_H */
