/*
 * reporter.c - the suites' machine-readable report for the grader.
 *
 * Criterion 2.4.1's JSON does not escape quotes or backslashes, and its TAP
 * report cannot tell "passed" from "ended the process early", so the suites
 * register their own output provider, "wb" (--output=wb:FILE).  It runs in
 * Criterion's runner process, which never executes student code.
 *
 * The format is one record per line, tab-separated, with \\, \t, \n and \r
 * escaped inside fields (docs/design.md):
 *
 *   seed	<seed>
 *   test	<function>	<check>	<description>	<outcome>	<signal>	<exit>	<message>	<visibility>
 *
 * visibility is `hidden` for a test written with WB_HIDDEN_TEST, `visible`
 * for every other.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/output.h>

#include "check.h"

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

static const struct criterion_assert_stats *
first_failure(const struct criterion_test_stats *stats)
{
	for (const struct criterion_assert_stats *a = stats->asserts; a;
	     a = a->next)
		if (!a->passed)
			return a;
	return NULL;
}

/*
 * A test passed only if it failed no check and reached the "completed"
 * assertion that WB_TEST places after the body: the checks record failures
 * only, so that assertion is the only passing one.
 */
static const char *outcome(const struct criterion_test_stats *stats,
			   const char **message)
{
	const struct criterion_assert_stats *failure = first_failure(stats);

	*message = failure ? failure->message : "";
	if (stats->timed_out)
		return "timed_out";
	if (stats->crashed)
		return "crashed";
	if (failure)
		return strncmp(failure->message, WB_NOT_IMPLEMENTED,
			       strlen(WB_NOT_IMPLEMENTED)) == 0 ?
			       "not_implemented" : "failed";
	if (stats->passed_asserts < 1)
		return "incomplete";
	return stats->test_status == CR_STATUS_PASSED ? "passed" : "failed";
}

static void write_test(FILE *out, const struct criterion_test_stats *stats)
{
	const char *message;
	const char *result = outcome(stats, &message);
	const char *description = stats->test->data->description;

	fputs("test\t", out);
	write_escaped(out, stats->test->category);
	fputc('\t', out);
	write_escaped(out, stats->test->name);
	fputc('\t', out);
	write_escaped(out, description ? description : stats->test->name);
	fprintf(out, "\t%s\t%d\t%d\t", result, stats->signal,
		stats->exit_code);
	write_escaped(out, message);
	fprintf(out, "\t%s\n", stats->test->data->data == &wb_hidden_tag ?
		"hidden" : "visible");
}

static void wb_report_write(FILE *out, struct criterion_global_stats *stats)
{
	fprintf(out, "seed\t%llu\n", (unsigned long long)wb_seed());
	for (struct criterion_suite_stats *suite = stats->suites; suite;
	     suite = suite->next)
		for (struct criterion_test_stats *test = suite->tests; test;
		     test = test->next)
			write_test(out, test);
}

ReportHook(PRE_ALL)(struct criterion_test_set *tests)
{
	(void)tests;
	criterion_register_output_provider("wb", wb_report_write);
}
