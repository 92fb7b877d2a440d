/*
 * report_text.c - the terminal report.
 */
#include "report_text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/disclosure.h"
#include "util/sanitize.h"

/* The column of the file names: one wider than the manifest's longest
 * file name, so that every file's points line up. */
static int file_column_width(void)
{
	size_t longest = 0;

	for (size_t i = 0; i < catalog_count(); i++) {
		size_t n = strlen(catalog_exercise_at(i)->file);

		longest = n > longest ? n : longest;
	}
	return (int)longest + 1;
}

#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *paint(const struct report_text_style *style,
			 const char *code)
{
	return style->color ? code : "";
}

/* Every line of text (a student's: sanitized), prefixed with indent. */
static void add_indented(struct strbuf *out, const char *indent,
			 const char *text)
{
	while (*text) {
		const char *end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);

		strbuf_addstr(out, indent);
		sanitize_add_len(out, text, len);
		strbuf_addch(out, '\n');
		text += len + (end ? 1 : 0);
	}
}

void report_text_add_output(struct strbuf *out, const char *indent,
			    const struct results_test *test, bool details)
{
	struct strbuf inner;

	if (!details || !test->output || !*test->output)
		return;
	strbuf_init(&inner);
	strbuf_addf(&inner, "%s  ", indent);
	strbuf_addf(out, "%sprinted (by your code, during this test):\n",
		    indent);
	add_indented(out, inner.buf, test->output);
	strbuf_release(&inner);
}

static void add_test(struct strbuf *out, const struct results_test *test,
		     bool feedback, const struct report_text_style *style)
{
	bool passed = test->outcome == RESULTS_PASSED;

	strbuf_addf(out, "    %s%s%s ", paint(style, passed ? GREEN : RED),
		    passed ? "pass" : "FAIL", paint(style, RESET));
	sanitize_add(out, test->function);
	strbuf_addstr(out, ": ");
	sanitize_add(out, test->description);
	strbuf_addf(out, "%s\n", test->hidden ? " [hidden]" : "");
	if (feedback && !passed && *test->message)
		add_indented(out, "         ", test->message);
	report_text_add_output(out, "         ", test, feedback);
}

/* A function whose tests all failed for one reason: one line. */
static const char *grouped_reason(const struct summary_exercise *entry,
				  const struct summary_function *function)
{
	if (entry->results->file_status == RESULTS_FILE_MISSING)
		return "not graded, file missing";
	if (entry->results->file_status != RESULTS_FILE_OK)
		return "not graded, see above";
	if (summary_function_absent(function))
		return "not implemented";
	return NULL;
}

/* Under failures listed without details: how many, and where they are. */
static void add_details_pointer(struct strbuf *out, const char *function,
				size_t without,
				const struct report_text_style *style)
{
	char *command;

	if (!without || !style->details_command)
		return;
	command = style->details_command(function, style->details_context);
	strbuf_addf(out, "    (details of these %zu failure%s: ", without,
		    without == 1 ? "" : "s");
	sanitize_add(out, command);
	strbuf_addstr(out, ")\n");
	free(command);
}

static bool details_shown(const struct report_text_style *style,
			  size_t failures_before)
{
	return style->verbose || !style->shown_failures ||
	       failures_before < style->shown_failures;
}

static void add_function(struct strbuf *out,
			 const struct summary_exercise *entry,
			 const struct summary_function *function,
			 const struct report_text_style *style)
{
	const char *reason = grouped_reason(entry, function);
	char *where = summary_where(function->where);
	size_t failures = 0, without = 0;

	if (!reason && function->passed == function->total &&
	    !style->verbose) {
		free(where);
		return;
	}
	/* The name comes from the suite's report: sanitized like the rest. */
	strbuf_addstr(out, "  ");
	sanitize_add(out, function->name);
	if (reason) {
		strbuf_addf(out, ": %s (%zu test%s) - %s\n",
			    reason, function->total,
			    function->total == 1 ? "" : "s", where);
		free(where);
		return;
	}
	strbuf_addf(out, ": %zu/%zu tests pass%s%s\n",
		    function->passed, function->total,
		    function->passed < function->total ? " - " : "",
		    function->passed < function->total ? where : "");
	/* The failure "Next:" quotes first (summary.c), then the others. */
	if (function->first_failure) {
		add_test(out, function->first_failure,
			 details_shown(style, failures), style);
		without += !details_shown(style, failures);
		failures++;
	}
	for (size_t i = 0; i < entry->results->nr; i++) {
		const struct results_test *test = &entry->results->tests[i];
		bool failed = test->outcome != RESULTS_PASSED;

		if (strcmp(test->function, function->name) ||
		    (!failed && !style->verbose) ||
		    test == function->first_failure)
			continue;
		add_test(out, test, details_shown(style, failures), style);
		without += failed && !details_shown(style, failures);
		failures += failed;
	}
	add_details_pointer(out, function->name, without, style);
	free(where);
}

static void add_exercise(struct strbuf *out, const struct summary *summary,
			 const struct summary_exercise *entry,
			 const struct report_text_style *style)
{
	const struct results *results = entry->results;
	bool full = entry->total && entry->passed == entry->total &&
		    results->file_status == RESULTS_FILE_OK;

	strbuf_addf(out, "%s%s%-*s%s %3zu/%-3zu points\n",
		    paint(style, BOLD), paint(style, full ? GREEN : RED),
		    file_column_width(), entry->exercise->file,
		    paint(style, RESET), entry->passed, entry->total);
	if (results->file_status != RESULTS_FILE_OK && results->file_message)
		add_indented(out, "  ", results->file_message);
	for (size_t f = 0; f < entry->function_count; f++)
		add_function(out, entry, &entry->functions[f], style);
	if (results->advice && *results->advice) {
		strbuf_addf(out, "  %sadvice%s (compiler warnings; they cost "
			    "no points, but often point at a bug):\n",
			    paint(style, YELLOW), paint(style, RESET));
		add_indented(out, "    ", results->advice);
	}
	(void)summary;
}

void report_text_summary_line(const struct summary *summary,
			      const struct report_text_style *style,
			      struct strbuf *out)
{
	bool all = summary->total && summary->passed == summary->total;

	strbuf_addf(out, "%s%s%zu/%zu exercises, %zu/%zu points%s (seed %"
		    PRIu64 ")\n", paint(style, BOLD),
		    paint(style, all ? GREEN : ""), summary->complete,
		    summary->count, summary->passed, summary->total,
		    paint(style, RESET), summary->seed);
}

void report_text_render(const struct summary *summary,
			const struct report_text_style *style,
			struct strbuf *out)
{
	char *next = summary_next_step(summary);

	strbuf_addstr(out, "Grading ");
	sanitize_add(out, summary->dir && *summary->dir ? summary->dir :
		     "your submission");
	strbuf_addf(out, " with seed %" PRIu64 " (sandbox: %s)\n\n",
		    summary->seed, style->sandbox);
	if (summary->notes && *summary->notes) {
		add_indented(out, "Note: ", summary->notes);
		strbuf_addch(out, '\n');
	}
	for (size_t i = 0; i < summary->count; i++)
		add_exercise(out, summary, &summary->exercises[i], style);
	strbuf_addch(out, '\n');
	disclosure_add_line(summary, true, out);
	report_text_summary_line(summary, style, out);
	/* Quotes the first line of a test's feedback. */
	add_indented(out, "Next: ", next);
	add_indented(out, "Reproduce: ", style->reproduce);
	free(next);
}
