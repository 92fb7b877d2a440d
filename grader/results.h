/*
 * results.h - the tests of one exercise file and what became of them.
 *
 * Parses the suites' `wb` report (docs/design.md): one record a line,
 * tab-separated, fields escaped as \\, \t, \n, \r.  Unknown or garbled lines
 * are ignored, so a report cut short or scribbled on loses only what it
 * lost.  The grader also writes its own verdicts in the same format (with
 * `file` and `advice` records) to hand them from a worker to the reporter.
 */
#ifndef GRADER_RESULTS_H
#define GRADER_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "strbuf.h"

enum results_outcome {
	RESULTS_PASSED,
	RESULTS_FAILED,
	RESULTS_NOT_IMPLEMENTED,
	RESULTS_CRASHED,
	RESULTS_TIMED_OUT,
	RESULTS_INCOMPLETE,	/* ended the test process early */
	RESULTS_MISSING,	/* the file is not in the folder */
	RESULTS_FILE_ERROR,	/* the file could not be graded at all */
};

struct results_test {
	char *function;
	char *check;
	char *description;
	enum results_outcome outcome;
	int signal;
	int exit_code;
	char *message;		/* feedback, several lines */
	bool hidden;		/* a hidden test (instructor builds only) */
};

/* What happened to the file as a whole, before any test ran. */
enum results_file_status {
	RESULTS_FILE_OK,
	RESULTS_FILE_MISSING,
	RESULTS_FILE_NOT_TEXT,
	RESULTS_FILE_COMPILE_ERROR,
	RESULTS_FILE_REJECTED,
	RESULTS_FILE_LINK_ERROR,
	RESULTS_FILE_RUN_ERROR,
	RESULTS_FILE_INTERNAL,
};

struct results {
	struct results_test *tests;
	size_t nr, alloc;
	bool has_seed;
	uint64_t seed;
	enum results_file_status file_status;
	char *file_message;	/* for a status other than OK; may be NULL */
	char *advice;		/* compiler warnings; may be NULL */
};

void results_init(struct results *results);
void results_release(struct results *results);

/* Adds the records of a wb report (or the grader's own format). */
void results_parse(struct results *results, const char *text);
/* Writes results in the same format. */
void results_write(const struct results *results, FILE *out);

struct results_test *results_add(struct results *results,
				 const char *function, const char *check,
				 const char *description);
void results_set_message(struct results_test *test, const char *message);
void results_set_file(struct results *results,
		      enum results_file_status status, const char *message);

/* Removes every test. */
void results_clear_tests(struct results *results);
/* Keeps only the tests of these functions (NULL-terminated). */
void results_keep_functions(struct results *results,
			    const char *const *functions);

/*
 * Puts the tests in a fixed order: by function, in the order of `functions`
 * (NULL-terminated; others last), then by check name.  The suites run their
 * tests in parallel and report them as they end, so without this two runs
 * of the same file would list (and pick "the first failure") differently.
 */
void results_sort(struct results *results, const char *const *functions);

const char *results_outcome_name(enum results_outcome outcome);
bool results_outcome_parse(const char *name, enum results_outcome *outcome);
const char *results_file_status_name(enum results_file_status status);

#endif /* GRADER_RESULTS_H */
