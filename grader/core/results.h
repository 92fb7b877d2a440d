/*
 * results.h - the tests of one exercise file and what became of them.
 *
 * Parses the suites' `wb` report (docs/design.md): one record a line,
 * tab-separated, fields escaped as \\, \t, \n, \r.  Unknown or garbled lines
 * are ignored (and counted), so a report cut short or scribbled on loses
 * only what it lost; reading takes time linear in the report's size (times
 * the log of its line count) and stops at RESULTS_MAX_LINES lines or at a
 * line longer than RESULTS_MAX_LINE_BYTES.  The grader also writes its own
 * verdicts in the same format (with `file` and `advice` records) to hand
 * them from a worker to the reporter.
 */
#ifndef GRADER_RESULTS_H
#define GRADER_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "wb_format.h"
#include "util/strbuf.h"

/*
 * What became of a test: the outcomes of the wb format, RESULTS_PASSED
 * for WB_OUTCOME_PASSED and so on (include/wb_format.h lists them).
 */
#define RESULTS_OUTCOME_ENUM(name, text) RESULTS_##name = WB_OUTCOME_##name,
enum results_outcome { WB_OUTCOMES(RESULTS_OUTCOME_ENUM) };
#undef RESULTS_OUTCOME_ENUM

struct results_test {
	char *function;
	char *check;
	char *description;
	enum results_outcome outcome;
	int signal;
	int exit_code;
	char *message;		/* feedback, several lines */
	bool hidden;		/* a hidden test (instructor builds only) */
	/*
	 * What the student's code printed during the test ("" for nothing),
	 * at most WIRE_OUTPUT_KEPT_BYTES and a note (grader/wire/wire.h):
	 * shown under the test, sanitized, never read as a verdict.
	 */
	char *output;
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

/*
 * The most lines a report may have.  A suite has about 20 tests and the
 * grader's own format adds three lines (seed, file, advice), so this is
 * room for 200 times the largest suite; a report past it is no honest one.
 */
#define RESULTS_MAX_LINES 4096
/*
 * The longest line, newline excluded.  The longest the grader writes
 * itself holds a compiler's output (at most RUN_OUTPUT_BYTES, 256 KiB),
 * which escaping can double; this is twice that again.
 */
#define RESULTS_MAX_LINE_MIB 1
#define RESULTS_MAX_LINE_BYTES ((size_t)RESULTS_MAX_LINE_MIB << 20)

/* Why results_parse stopped where it did. */
enum results_parse_status {
	RESULTS_PARSE_OK,		/* read to the end */
	RESULTS_PARSE_TOO_MANY_LINES,	/* stopped after RESULTS_MAX_LINES */
	RESULTS_PARSE_LINE_TOO_LONG,	/* stopped at a longer line */
};

/* What results_parse read and what it left out. */
struct results_parse_info {
	enum results_parse_status status;
	size_t lines;		/* lines read, garbled ones included */
	size_t garbled;		/* lines that are no valid record: ignored */
	size_t duplicates;	/* later verdicts for a test: ignored */
	bool cut_short;		/* a last line without newline: ignored */
};

/*
 * Adds the records of a wb report (or the grader's own format) of len
 * bytes; info (may be NULL) says what was read.  A second verdict for a
 * test, also one already in results, is dropped: the first one counts.
 * Reading stops at the first line past either bound, keeping what came
 * before; the caller decides whether such a report can be trusted at all.
 */
enum results_parse_status results_parse_buffer(struct results *results,
					       const char *text, size_t len,
					       struct results_parse_info *info);
/* The same for a NUL-terminated text. */
enum results_parse_status results_parse(struct results *results,
					const char *text);
/* Why reading stopped, e.g. "has more than 4096 lines", for messages. */
const char *results_parse_status_text(enum results_parse_status status);
/* Writes results in the same format. */
void results_write(const struct results *results, FILE *out);

struct results_test *results_add(struct results *results,
				 const char *function, const char *check,
				 const char *description);
void results_set_message(struct results_test *test, const char *message);
void results_set_output(struct results_test *test, const char *output);
/* Copies src's outcome, signal, exit code, message and output to dst. */
void results_copy_verdict(struct results_test *dst,
			  const struct results_test *src);
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

/*
 * The message of an expected test that has no verdict (results_reconcile).
 */
#define RESULTS_NOT_REPORTED_MESSAGE "this test did not report a result " \
	"(the test program stopped before it): counted as failed; look for " \
	"a crash, an endless loop or a call to exit() in this file's " \
	"functions, then grade again"

/* What results_reconcile changed. */
struct results_reconcile_info {
	size_t missing;		/* expected tests without a verdict: failed */
	size_t unknown;		/* verdicts of tests not expected: dropped */
	size_t duplicates;	/* later verdicts for a test: dropped */
};

/*
 * Makes found (a suite's verdicts) hold exactly the tests of expected (the
 * suite's known test list), in expected's order: each with its first
 * verdict in found, or failed with RESULTS_NOT_REPORTED_MESSAGE when found
 * has none.  Description and hidden flag come from expected, the trusted
 * list; verdicts for tests expected does not name are dropped.  info (may
 * be NULL) counts what changed.  found's other records stay.  O(n log n)
 * comparisons of names.
 */
void results_reconcile(struct results *found, const struct results *expected,
		       struct results_reconcile_info *info);

const char *results_outcome_name(enum results_outcome outcome);
bool results_outcome_parse(const char *name, enum results_outcome *outcome);
const char *results_file_status_name(enum results_file_status status);

#endif /* GRADER_RESULTS_H */
