/*
 * hints_table.h - progressive hints for the exercises: for each contract
 * function a few hints from gentle to specific, and for the checks students
 * fail most often (a suite's WB_TEST check name) hints of their own.  Hints
 * point at the idea and at a chapter section; they never give the answer
 * away.  Beside them, each exercise's traps.
 */
#ifndef GRADER_HINTS_TABLE_H
#define GRADER_HINTS_TABLE_H

#include <stddef.h>

struct hints_entry {
	const char *function;		/* a contract function */
	const char *check;		/* NULL: the function's own hints */
	const char *const *hints;	/* NULL-terminated, gentle first */
};

size_t hints_count(void);
const struct hints_entry *hints_at(size_t index);

/*
 * A trap: a mistake a chapter warns against ("do not do X"), the place it
 * warns and the check that fails it (docs/design.md, "Fairness").  Each
 * exercise writes its traps beside its hints (HINTS_TRAPS in
 * grader/hints/NN_name.c), so a new exercise brings its own;
 * test_unit_fairness reads them against the chapters and the suites.
 */
struct hints_trap {
	const char *mistake;	/* what the student writes, as the book says */
	int chapter;		/* where the book warns: chapter ... */
	const char *section;	/* ... and the `## ` title of its section */
	const char *term;	/* words of that section naming the mistake */
	const char *function;	/* the check (a suite's WB_TEST) failing it */
	const char *check;
};

/* Every exercise's traps, in the manifest's order; NULL past the last. */
const struct hints_trap *hints_trap_at(size_t index);

/*
 * The hints for a failed test: the check's own when it has some, else the
 * function's (check may be NULL).  NULL for a function without hints.
 */
const struct hints_entry *hints_find(const char *function, const char *check);

/* How many hints an entry holds. */
size_t hints_length(const struct hints_entry *entry);

/* The longest sequence hints_sequence writes. */
#define HINTS_MAX_SEQUENCE 16

/*
 * The hints --hint shows for a function whose first failing test is
 * `check` (NULL: the function is not written yet), in order: `first` (the
 * failed check's own hint line, or NULL), the check's hints, then the
 * function's general ones, each once.  Writes at most HINTS_MAX_SEQUENCE
 * pointers into `out` (they point into the table or at `first`) and
 * returns how many.
 */
size_t hints_sequence(const char *function, const char *check,
		      const char *first, const char **out);

#endif /* GRADER_HINTS_TABLE_H */
