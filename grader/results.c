/*
 * results.c - reading and writing the wb report format.
 */
#include "results.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *const outcome_names[] = {
	[RESULTS_PASSED] = "passed",
	[RESULTS_FAILED] = "failed",
	[RESULTS_NOT_IMPLEMENTED] = "not_implemented",
	[RESULTS_CRASHED] = "crashed",
	[RESULTS_TIMED_OUT] = "timed_out",
	[RESULTS_INCOMPLETE] = "incomplete",
	[RESULTS_MISSING] = "missing",
	[RESULTS_FILE_ERROR] = "file_error",
};

static const char *const file_status_names[] = {
	[RESULTS_FILE_OK] = "ok",
	[RESULTS_FILE_MISSING] = "missing",
	[RESULTS_FILE_NOT_TEXT] = "not_text",
	[RESULTS_FILE_COMPILE_ERROR] = "compile_error",
	[RESULTS_FILE_REJECTED] = "rejected",
	[RESULTS_FILE_LINK_ERROR] = "link_error",
	[RESULTS_FILE_RUN_ERROR] = "run_error",
	[RESULTS_FILE_INTERNAL] = "internal",
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

const char *results_outcome_name(enum results_outcome outcome)
{
	return (size_t)outcome < COUNT(outcome_names) ?
	       outcome_names[outcome] : "failed";
}

bool results_outcome_parse(const char *name, enum results_outcome *outcome)
{
	for (size_t i = 0; i < COUNT(outcome_names); i++) {
		if (!strcmp(name, outcome_names[i])) {
			*outcome = (enum results_outcome)i;
			return true;
		}
	}
	return false;
}

const char *results_file_status_name(enum results_file_status status)
{
	return (size_t)status < COUNT(file_status_names) ?
	       file_status_names[status] : "internal";
}

static bool file_status_parse(const char *name,
			      enum results_file_status *status)
{
	for (size_t i = 0; i < COUNT(file_status_names); i++) {
		if (!strcmp(name, file_status_names[i])) {
			*status = (enum results_file_status)i;
			return true;
		}
	}
	return false;
}

void results_init(struct results *results)
{
	memset(results, 0, sizeof *results);
}

static void test_release(struct results_test *test)
{
	free(test->function);
	free(test->check);
	free(test->description);
	free(test->message);
}

void results_release(struct results *results)
{
	for (size_t i = 0; i < results->nr; i++)
		test_release(&results->tests[i]);
	free(results->tests);
	free(results->file_message);
	free(results->advice);
	results_init(results);
}

struct results_test *results_add(struct results *results,
				 const char *function, const char *check,
				 const char *description)
{
	struct results_test *test;

	if (results->nr == results->alloc) {
		results->alloc = results->alloc ? 2 * results->alloc : 16;
		results->tests = xrealloc(results->tests, results->alloc *
					  sizeof *results->tests);
	}
	test = &results->tests[results->nr++];
	memset(test, 0, sizeof *test);
	test->function = xstrdup(function);
	test->check = xstrdup(check);
	test->description = xstrdup(*description ? description : check);
	test->message = xstrdup("");
	test->outcome = RESULTS_FAILED;
	return test;
}

void results_set_message(struct results_test *test, const char *message)
{
	char *copy = xstrdup(message);

	free(test->message);
	test->message = copy;
}

void results_set_file(struct results *results,
		      enum results_file_status status, const char *message)
{
	char *copy = message ? xstrdup(message) : NULL;

	free(results->file_message);
	results->file_status = status;
	results->file_message = copy;
}

void results_clear_tests(struct results *results)
{
	for (size_t i = 0; i < results->nr; i++)
		test_release(&results->tests[i]);
	results->nr = 0;
}

void results_keep_functions(struct results *results,
			    const char *const *functions)
{
	size_t kept = 0;

	for (size_t i = 0; i < results->nr; i++) {
		bool wanted = false;

		for (const char *const *f = functions; *f && !wanted; f++)
			wanted = !strcmp(*f, results->tests[i].function);
		if (wanted)
			results->tests[kept++] = results->tests[i];
		else
			test_release(&results->tests[i]);
	}
	results->nr = kept;
}

/* ---- reading ------------------------------------------------------------ */

enum { MAX_FIELDS = 9 };

/* Splits one line (unescaping in place) into at most MAX_FIELDS fields. */
static size_t split_fields(char *line, char **fields)
{
	size_t count = 0;
	char *out = line;

	fields[count++] = out;
	for (char *in = line; *in; in++) {
		if (*in == '\t') {
			*out++ = '\0';
			if (count == MAX_FIELDS)
				return MAX_FIELDS + 1; /* too many: garbled */
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

static bool parse_int(const char *text, int *value)
{
	char *end;
	long parsed = strtol(text, &end, 10);

	if (!*text || *end || parsed < -100000 || parsed > 100000)
		return false;
	*value = (int)parsed;
	return true;
}

/* The visibility field; a line from before it existed is visible. */
static bool parse_visibility(char **fields, size_t count, bool *hidden)
{
	if (count == 8) {
		*hidden = false;
		return true;
	}
	*hidden = !strcmp(fields[8], "hidden");
	return *hidden || !strcmp(fields[8], "visible");
}

static void parse_test(struct results *results, char **fields, size_t count)
{
	struct results_test *test;
	enum results_outcome outcome;
	int signal, exit_code;
	bool hidden;

	if (!*fields[1] || !*fields[2] ||
	    !parse_visibility(fields, count, &hidden) ||
	    !results_outcome_parse(fields[4], &outcome) ||
	    !parse_int(fields[5], &signal) || !parse_int(fields[6], &exit_code))
		return;
	for (size_t i = 0; i < results->nr; i++)
		if (!strcmp(results->tests[i].function, fields[1]) &&
		    !strcmp(results->tests[i].check, fields[2]))
			return; /* a second verdict for a test: keep the first */
	test = results_add(results, fields[1], fields[2], fields[3]);
	test->outcome = outcome;
	test->signal = signal;
	test->exit_code = exit_code;
	test->hidden = hidden;
	results_set_message(test, fields[7]);
}

static void parse_line(struct results *results, char *line)
{
	char *fields[MAX_FIELDS];
	size_t count = split_fields(line, fields);
	enum results_file_status status;

	if (count == 2 && !strcmp(fields[0], "seed")) {
		char *end;
		unsigned long long seed = strtoull(fields[1], &end, 10);

		if (*fields[1] && !*end) {
			results->seed = seed;
			results->has_seed = true;
		}
	} else if ((count == 8 || count == 9) && !strcmp(fields[0], "test")) {
		parse_test(results, fields, count);
	} else if (count == 3 && !strcmp(fields[0], "file") &&
		   file_status_parse(fields[1], &status)) {
		results_set_file(results, status, fields[2]);
	} else if (count == 2 && !strcmp(fields[0], "advice")) {
		free(results->advice);
		results->advice = xstrdup(fields[1]);
	}
}

void results_parse(struct results *results, const char *text)
{
	const char *start = text;

	while (*start) {
		const char *end = strchr(start, '\n');
		size_t len = end ? (size_t)(end - start) : strlen(start);
		char *line;

		if (!end)
			break; /* a last line without its newline was cut short */
		line = xmalloc(len + 1);
		memcpy(line, start, len);
		line[len] = '\0';
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		parse_line(results, line);
		free(line);
		start = end + 1;
	}
}

/* ---- order ------------------------------------------------------------ */

static const char *const *sort_functions;

static size_t function_rank(const char *function)
{
	size_t i = 0;

	while (sort_functions[i] && strcmp(sort_functions[i], function))
		i++;
	return i;
}

static int compare_tests(const void *a, const void *b)
{
	const struct results_test *x = a, *y = b;
	size_t rx = function_rank(x->function), ry = function_rank(y->function);

	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (strcmp(x->function, y->function))
		return strcmp(x->function, y->function);
	return strcmp(x->check, y->check);
}

void results_sort(struct results *results, const char *const *functions)
{
	/* qsort takes no context; the grader sorts from one thread only. */
	sort_functions = functions;
	if (results->nr > 1)
		qsort(results->tests, results->nr, sizeof *results->tests,
		      compare_tests);
	sort_functions = NULL;
}

/* ---- writing ------------------------------------------------------------ */

static void write_escaped(FILE *out, const char *text)
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

void results_write(const struct results *results, FILE *out)
{
	if (results->has_seed)
		fprintf(out, "seed\t%" PRIu64 "\n", results->seed);
	fprintf(out, "file\t%s\t", results_file_status_name(results->file_status));
	write_escaped(out, results->file_message);
	fputc('\n', out);
	if (results->advice) {
		fputs("advice\t", out);
		write_escaped(out, results->advice);
		fputc('\n', out);
	}
	for (size_t i = 0; i < results->nr; i++) {
		const struct results_test *test = &results->tests[i];

		fputs("test\t", out);
		write_escaped(out, test->function);
		fputc('\t', out);
		write_escaped(out, test->check);
		fputc('\t', out);
		write_escaped(out, test->description);
		fprintf(out, "\t%s\t%d\t%d\t", results_outcome_name(test->outcome),
			test->signal, test->exit_code);
		write_escaped(out, test->message);
		fprintf(out, "\t%s\n", test->hidden ? "hidden" : "visible");
	}
}
