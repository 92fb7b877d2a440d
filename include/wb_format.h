/*
 * wb_format.h - the `wb` report format, written by the judges
 * (grader/suites/reporter.c) and by the grader's workers (grader/results.c),
 * read by the grader (grader/results_parse.c).  One header, so the two
 * sides cannot drift apart.  Not part of the exercise contract.
 *
 * One record a line, fields separated by tabs, with \\, \t, \n and \r
 * escaped inside a field (docs/design.md):
 *
 *   seed	<seed>
 *   test	<function>	<check>	<description>	<outcome>	<signal>	<exit>	<message>	<visibility>	<output>
 *   file	<status>	<message>	(the grader's own records only)
 *   advice	<text>			(the grader's own records only)
 *
 * Header-only (static inline), so the judges, which link no grader module,
 * and the grader share it without a library of its own.
 */
#ifndef WB_FORMAT_H
#define WB_FORMAT_H

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The first field of each record. */
#define WB_RECORD_SEED "seed"
#define WB_RECORD_TEST "test"
#define WB_RECORD_FILE "file"
#define WB_RECORD_ADVICE "advice"

/*
 * The fields of a `test` record, the tag included.  A line written before
 * visibility and output existed ends after the message; the reader takes
 * it as visible with no output.
 */
enum wb_test_field {
	WB_TEST_TAG,
	WB_TEST_FUNCTION,
	WB_TEST_CHECK,
	WB_TEST_DESCRIPTION,
	WB_TEST_OUTCOME,
	WB_TEST_SIGNAL,
	WB_TEST_EXIT,
	WB_TEST_MESSAGE,
	WB_TEST_VISIBILITY,
	WB_TEST_OUTPUT,
	WB_TEST_FIELDS,		/* how many a current line has */
	WB_TEST_FIELDS_OLDEST = WB_TEST_VISIBILITY,
};

/*
 * Set in a judge's environment (to any value), the judge lists its tests
 * (a `test` record each, outcome not_implemented) before any runs, and
 * ends: the grader's list of a suite's tests, without a worker.
 */
#define WB_LIST_ENV "WB_LIST_TESTS"

#define WB_VISIBLE "visible"
#define WB_HIDDEN "hidden"

/*
 * The outcomes of a test, in the order of enum results_outcome
 * (grader/results.h builds it from this list).  The judges write the first
 * six; `missing` and `file_error` are the grader's, for a file no judge ran.
 */
#define WB_OUTCOMES(X) \
	X(PASSED, "passed") \
	X(FAILED, "failed") \
	X(NOT_IMPLEMENTED, "not_implemented") \
	X(CRASHED, "crashed")		/* the student's code or the judge */ \
	X(TIMED_OUT, "timed_out") \
	X(INCOMPLETE, "incomplete")	/* ended the test process early */ \
	X(MISSING, "missing")		/* the file is not in the folder */ \
	X(FILE_ERROR, "file_error")	/* the file could not be graded */

#define WB_OUTCOME_NAME(name, text) [WB_OUTCOME_##name] = text,
#define WB_OUTCOME_ENUM(name, text) WB_OUTCOME_##name,
enum wb_outcome { WB_OUTCOMES(WB_OUTCOME_ENUM) WB_OUTCOME_COUNT };
#undef WB_OUTCOME_ENUM

/* The outcome's name in a record; NULL for no outcome. */
static inline const char *wb_outcome_name(enum wb_outcome outcome)
{
	static const char *const names[] = { WB_OUTCOMES(WB_OUTCOME_NAME) };

	return (size_t)outcome < WB_OUTCOME_COUNT ? names[outcome] : NULL;
}
#undef WB_OUTCOME_NAME

/* The outcome named `name`; WB_OUTCOME_COUNT for no outcome's name. */
static inline enum wb_outcome wb_outcome_parse(const char *name)
{
	int i = 0;

	while (i < WB_OUTCOME_COUNT &&
	       strcmp(name, wb_outcome_name((enum wb_outcome)i)) != 0)
		i++;
	return (enum wb_outcome)i;
}

/* Writes text (NULL: nothing) as one field. */
static inline void wb_write_escaped(FILE *out, const char *text)
{
	for (; text && *text; text++) {
		switch (*text) {
		case '\\': fputs("\\\\", out); break;
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		default: fputc(*text, out); break;
		}
	}
}

/* A `test` record but its output, which each writer gathers its own way. */
struct wb_test_record {
	const char *function;
	const char *check;
	const char *description;
	enum wb_outcome outcome;
	int signal;
	int exit_code;
	const char *message;
	bool hidden;
};

static inline void wb_write_seed(FILE *out, uint64_t seed)
{
	fprintf(out, WB_RECORD_SEED "\t%" PRIu64 "\n", seed);
}

/*
 * Writes a `test` record up to its last field, the output: the caller
 * writes that (wb_write_escaped) and ends the line.
 */
static inline void wb_write_test_fields(FILE *out,
					const struct wb_test_record *test)
{
	const char *outcome = wb_outcome_name(test->outcome);

	fputs(WB_RECORD_TEST "\t", out);
	wb_write_escaped(out, test->function);
	fputc('\t', out);
	wb_write_escaped(out, test->check);
	fputc('\t', out);
	wb_write_escaped(out, test->description);
	fprintf(out, "\t%s\t%d\t%d\t",
		outcome ? outcome : wb_outcome_name(WB_OUTCOME_FAILED),
		test->signal, test->exit_code);
	wb_write_escaped(out, test->message);
	fprintf(out, "\t%s\t", test->hidden ? WB_HIDDEN : WB_VISIBLE);
}

/*
 * Splits one line into at most `max` fields, unescaping in place (a field
 * ends at an unescaped tab); the number of fields, or max + 1 when the line
 * has more (the fields past max are not split).  An unknown escape stands
 * for the character escaped; a backslash at the end of the line for itself.
 */
static inline size_t wb_split_fields(char *line, char **fields, size_t max)
{
	size_t count = 0;
	char *out = line;

	fields[count++] = out;
	for (char *in = line; *in; in++) {
		if (*in == '\t') {
			*out++ = '\0';
			if (count == max)
				return max + 1;
			fields[count++] = out;
		} else if (*in == '\\' && in[1]) {
			in++;
			*out++ = *in == 't' ? '\t' : *in == 'n' ? '\n' :
				 *in == 'r' ? '\r' : *in;
		} else {
			*out++ = *in;
		}
	}
	*out = '\0';
	return count;
}

#endif /* WB_FORMAT_H */
