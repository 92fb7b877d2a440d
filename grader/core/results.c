/*
 * results.c - the records of one file's tests, their order, and writing
 * them in the wb format (results_parse.c reads it).
 */
#include "results.h"
#include "results_internal.h"

#include <stdlib.h>
#include <string.h>

#include "array_size.h"

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


const char *results_outcome_name(enum results_outcome outcome)
{
	const char *name = wb_outcome_name((enum wb_outcome)outcome);

	return name ? name : wb_outcome_name(WB_OUTCOME_FAILED);
}

bool results_outcome_parse(const char *name, enum results_outcome *outcome)
{
	enum wb_outcome parsed = wb_outcome_parse(name);

	if (parsed == WB_OUTCOME_COUNT)
		return false;
	*outcome = (enum results_outcome)parsed;
	return true;
}

const char *results_file_status_name(enum results_file_status status)
{
	return (size_t)status < ARRAY_SIZE(file_status_names) ?
	       file_status_names[status] : "internal";
}

bool results_file_status_parse(const char *name,
			       enum results_file_status *status)
{
	for (size_t i = 0; i < ARRAY_SIZE(file_status_names); i++) {
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

void results_test_release(struct results_test *test)
{
	free(test->function);
	free(test->check);
	free(test->description);
	free(test->message);
	free(test->output);
}

void results_release(struct results *results)
{
	for (size_t i = 0; i < results->nr; i++)
		results_test_release(&results->tests[i]);
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
	test->output = xstrdup("");
	test->outcome = RESULTS_FAILED;
	return test;
}

void results_set_message(struct results_test *test, const char *message)
{
	char *copy = xstrdup(message);

	free(test->message);
	test->message = copy;
}

void results_set_output(struct results_test *test, const char *output)
{
	char *copy = xstrdup(output);

	free(test->output);
	test->output = copy;
}

void results_copy_verdict(struct results_test *dst,
			  const struct results_test *src)
{
	dst->outcome = src->outcome;
	dst->signal = src->signal;
	dst->exit_code = src->exit_code;
	results_set_message(dst, src->message);
	results_set_output(dst, src->output);
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
		results_test_release(&results->tests[i]);
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
			results_test_release(&results->tests[i]);
	}
	results->nr = kept;
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

void results_write(const struct results *results, FILE *out)
{
	if (results->has_seed)
		wb_write_seed(out, results->seed);
	fprintf(out, WB_RECORD_FILE "\t%s\t",
		results_file_status_name(results->file_status));
	wb_write_escaped(out, results->file_message);
	fputc('\n', out);
	if (results->advice) {
		fputs(WB_RECORD_ADVICE "\t", out);
		wb_write_escaped(out, results->advice);
		fputc('\n', out);
	}
	for (size_t i = 0; i < results->nr; i++) {
		const struct results_test *test = &results->tests[i];
		struct wb_test_record record = {
			test->function, test->check, test->description,
			(enum wb_outcome)test->outcome, test->signal,
			test->exit_code, test->message, test->hidden,
		};

		wb_write_test_fields(out, &record);
		wb_write_escaped(out, test->output);
		fputc('\n', out);
	}
}
