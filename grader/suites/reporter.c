/*
 * reporter.c - the suites' machine-readable report for the grader.
 *
 * Criterion 2.4.1's JSON does not escape quotes or backslashes, and its TAP
 * report cannot tell "passed" from "ended the process early", so the suites
 * register their own output provider, "wb" (--output=wb:FILE; the grader
 * passes a descriptor it opened, --output=wb:/dev/fd/4).  It runs in the
 * judge, which never maps student code: only the verdicts the suites
 * recorded reach it.
 *
 * The format (one record a line, tab-separated, fields escaped) is the
 * grader's too: include/wb_format.h holds its layout, names and escaping.
 *
 * visibility is `hidden` for a test written with WB_HIDDEN_TEST, `visible`
 * for every other; output is what the student's code printed during the
 * test (proxy_call.c keeps it bounded), which decides nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/output.h>

#include "check.h"
#include "proxy.h"
#include "wb_format.h"

static const struct criterion_assert_stats *
first_failure(const struct criterion_test_stats *stats)
{
	for (const struct criterion_assert_stats *a = stats->asserts; a;
	     a = a->next)
		if (!a->passed)
			return a;
	return NULL;
}

static bool is_output(const struct criterion_assert_stats *a)
{
	return a->passed && a->message &&
	       !strncmp(a->message, WB_PROXY_OUTPUT, strlen(WB_PROXY_OUTPUT));
}

/* The printed output, in the order it came (the list is newest first). */
static void write_output(FILE *out, const struct criterion_assert_stats *a)
{
	if (!a)
		return;
	write_output(out, a->next);
	if (is_output(a))
		wb_write_escaped(out, a->message + strlen(WB_PROXY_OUTPUT));
}

/* The verdict of one test, as the report states it. */
struct verdict {
	enum wb_outcome outcome;
	const char *message;
	int signal;
	int exit_code;
};

/*
 * A message the proxies started with WB_PROXY_CRASHED or WB_PROXY_EXITED
 * ("[wb:crashed:11]"): the runner child ended with that signal or status.
 * Only the judge's own code writes these prefixes; the student's process
 * sends numbers, never messages.
 */
static bool runner_ended(const char *message, const char *prefix, int *number,
			 const char **rest)
{
	size_t length = strlen(prefix);
	char *end;
	long value;

	if (strncmp(message, prefix, length) != 0)
		return false;
	value = strtol(message + length, &end, 10);
	if (*end != ']')
		return false;
	*number = (int)value;
	*rest = end + 1 + (end[1] == ' ');
	return true;
}

/*
 * A test passed only if it failed no check and reached the "completed"
 * assertion that WB_TEST places after the body: the checks record failures
 * only, so that assertion is the only passing one.
 */
static struct verdict judge(const struct criterion_test_stats *stats)
{
	const struct criterion_assert_stats *failure = first_failure(stats);
	struct verdict v = { WB_OUTCOME_FAILED, failure ? failure->message : "",
			     stats->signal, stats->exit_code };
	/* Passing assertions besides the output: "completed" alone. */
	int completed = stats->passed_asserts;

	for (const struct criterion_assert_stats *a = stats->asserts; a;
	     a = a->next)
		completed -= is_output(a);

	if (stats->timed_out)
		v.outcome = WB_OUTCOME_TIMED_OUT;
	else if (stats->crashed)
		v.outcome = WB_OUTCOME_CRASHED;	/* the judge itself: a suite bug */
	else if (failure && runner_ended(v.message, WB_PROXY_CRASHED,
					 &v.signal, &v.message))
		v.outcome = WB_OUTCOME_CRASHED;
	else if (failure && runner_ended(v.message, WB_PROXY_EXITED,
					 &v.exit_code, &v.message))
		v.outcome = WB_OUTCOME_INCOMPLETE;
	else if (failure && strncmp(v.message, WB_NOT_IMPLEMENTED,
				    strlen(WB_NOT_IMPLEMENTED)) == 0)
		v.outcome = WB_OUTCOME_NOT_IMPLEMENTED;
	else if (!failure && completed < 1)
		v.outcome = WB_OUTCOME_INCOMPLETE;
	else if (!failure && stats->test_status == CR_STATUS_PASSED)
		v.outcome = WB_OUTCOME_PASSED;
	return v;
}

static void write_test(FILE *out, const struct criterion_test_stats *stats)
{
	struct verdict v = judge(stats);
	const char *description = stats->test->data->description;
	struct wb_test_record record = {
		stats->test->category, stats->test->name,
		description ? description : stats->test->name,
		v.outcome, v.signal, v.exit_code, v.message,
		stats->test->data->data == &wb_hidden_tag,
	};

	wb_write_test_fields(out, &record);
	write_output(out, stats->asserts);
	fputc('\n', out);
}

/*
 * Where the report goes: the descriptor in WB_REPORT_FD (the grader's,
 * opened before the judge started), else the file Criterion opened for
 * --output=wb:FILE (a suite run by hand).
 */
static FILE *report_file(FILE *given)
{
	const char *text = getenv("WB_REPORT_FD");
	char *end;
	long fd;
	FILE *file;

	if (!text || !*text)
		return given;
	fd = strtol(text, &end, 10);
	if (*end || fd < 0 || fd > 1024 || !(file = fdopen((int)fd, "w")))
		return given;
	return file;
}

static void wb_report_write(FILE *given, struct criterion_global_stats *stats)
{
	FILE *out;

	if (getenv(WB_LIST_ENV))
		return;		/* wb_list_write wrote the list instead */
	out = report_file(given);

	wb_write_seed(out, wb_seed());
	for (struct criterion_suite_stats *suite = stats->suites; suite;
	     suite = suite->next)
		for (struct criterion_test_stats *test = suite->tests; test;
		     test = test->next)
			write_test(out, test);
	if (out != given && fclose(out) != 0)
		fprintf(stderr, "wb: the report could not be written\n");
}

/* Whether Criterion skips test: disabled itself or by its suite. */
static bool is_disabled(const struct criterion_suite_set *suite,
			const struct criterion_test *test)
{
	return test->data->disabled ||
	       (suite->suite.data && suite->suite.data->disabled);
}

/*
 * The list of the judge's tests (WB_LIST_ENV): each test's record as the
 * report would have it, written before any test runs.  Disabled tests
 * never run, so they are not listed; every listed test is then disabled,
 * so Criterion starts no worker and ends as usual (an _exit here would
 * leave its socket, /tmp/criterion_PID.sock, behind on a host without
 * bubblewrap's private /tmp).
 */
static void wb_list_write(struct criterion_test_set *set)
{
	FILE *out = report_file(stdout);

	wb_write_seed(out, wb_seed());
	for (struct criterion_ordered_set_node *s = set->suites->first; s;
	     s = s->next) {
		struct criterion_suite_set *suite = (void *)(s + 1);

		for (struct criterion_ordered_set_node *t =
			     suite->tests ? suite->tests->first : NULL;
		     t; t = t->next) {
			struct criterion_test *test = (void *)(t + 1);
			const char *description = test->data->description;
			struct wb_test_record record = {
				test->category, test->name,
				description ? description : test->name,
				WB_OUTCOME_NOT_IMPLEMENTED, 0, 0, NULL,
				test->data->data == &wb_hidden_tag,
			};

			if (is_disabled(suite, test))
				continue;
			wb_write_test_fields(out, &record);
			fputc('\n', out);
			test->data->disabled = true;
		}
	}
	if ((out == stdout ? fflush(out) : fclose(out)) != 0)
		fprintf(stderr, "wb: the list could not be written\n");
}

ReportHook(PRE_ALL)(struct criterion_test_set *tests)
{
	criterion_register_output_provider("wb", wb_report_write);
	if (getenv(WB_LIST_ENV))
		wb_list_write(tests);	/* and no test runs */
}
