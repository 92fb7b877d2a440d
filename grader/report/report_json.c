/*
 * report_json.c - the Gradescope report.
 */
#include "report_json.h"
#include "report_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/disclosure.h"
#include "util/sanitize.h"

void report_json_add_string(struct strbuf *out, const char *text)
{
	struct strbuf clean;

	/* No control characters or invalid UTF-8 from here on. */
	strbuf_init(&clean);
	sanitize_add(&clean, text);
	strbuf_addch(out, '"');
	for (const char *p = clean.buf; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addf(out, "\\%c", *p);
		else if (*p == '\n')
			strbuf_addstr(out, "\\n");
		else if (*p == '\t')
			strbuf_addstr(out, "\\t");
		else
			strbuf_addch(out, *p);
	}
	strbuf_addch(out, '"');
	strbuf_release(&clean);
}

/*
 * A test's output (malloc'd): its feedback, but a file-level failure is
 * said in the file's first test only, by its first line (the compiler's
 * messages are in the report above, once), and a function not written
 * yet in a few words.
 */
static char *test_output(const struct results *results,
			 const struct results_test *test)
{
	const char *message = results->file_message;

	if (test->outcome == RESULTS_PASSED)
		return xstrdup("");
	if (results->file_status != RESULTS_FILE_OK && message &&
	    test == &results->tests[0])
		return xstrfmt("%.*s%s", (int)strcspn(message, "\n"), message,
			       strchr(message, '\n') ? " (in full in the "
			       "report above)" : "");
	if (results->file_status != RESULTS_FILE_OK)
		return xstrdup("Not run: the file could not be graded (see its "
			       "first test).");
	if (test->outcome == RESULTS_NOT_IMPLEMENTED)
		return xstrdup("This function is not implemented yet (it still "
			       "calls workbook_todo()).");
	return xstrdup(test->message);
}

static void add_test(struct strbuf *out, const struct results *results,
		     const struct results_test *test, bool first)
{
	bool passed = test->outcome == RESULTS_PASSED;
	char *name = xstrfmt("%s: %s", test->function, test->description);
	char *output = test_output(results, test);
	struct strbuf text;

	strbuf_addstr(out, first ? "\n    {" : ",\n    {");
	strbuf_addstr(out, "\"name\": ");
	report_json_add_string(out, name);
	strbuf_addf(out, ", \"score\": %d, \"max_score\": 1, \"status\": "
		    "\"%s\", \"output\": ", passed ? 1 : 0,
		    passed ? "passed" : "failed");
	strbuf_init(&text);
	strbuf_addstr(&text, output);
	if (text.len)
		strbuf_addch(&text, '\n');
	report_text_add_output(&text, "", test, !passed);
	report_json_add_string(out, text.buf);
	strbuf_release(&text);
	/* Gradescope shows a hidden test only once the grades are published. */
	strbuf_addf(out, ", \"visibility\": \"%s\"}",
		    test->hidden ? "after_published" : "visible");
	free(output);
	free(name);
}

/*
 * The hidden tests a student's view set apart, as one entry with their
 * summed points and the aggregate line; "hidden" (never shown to students)
 * when the instructor wants them not mentioned.
 */
static void add_hidden_entry(struct strbuf *out,
			     const struct summary *summary, bool first)
{
	struct strbuf line;

	strbuf_init(&line);
	disclosure_describe(summary, false, &line);
	strbuf_addf(out, "%s    {\"name\": \"Hidden tests\", \"score\": %zu, "
		    "\"max_score\": %zu, \"status\": \"%s\", \"output\": ",
		    first ? "\n" : ",\n", summary->hidden_passed,
		    summary->hidden_total,
		    summary->hidden_passed == summary->hidden_total ?
		    "passed" : "failed");
	report_json_add_string(out, line.buf);
	strbuf_addf(out, ", \"visibility\": \"%s\"}",
		    summary->hidden_quiet ? "hidden" : "visible");
	strbuf_release(&line);
}

/* Whether any hidden test is listed whole (the instructor's view). */
static bool lists_hidden(const struct summary *summary)
{
	for (size_t i = 0; i < summary->count; i++)
		for (size_t t = 0; t < summary->exercises[i].results->nr; t++)
			if (summary->exercises[i].results->tests[t].hidden)
				return true;
	return false;
}

void report_json_render(const struct summary *summary, const char *output,
			struct strbuf *out)
{
	bool first = true;

	strbuf_addf(out, "{\n  \"score\": %zu,\n  \"max_score\": %zu,\n"
		    "  \"execution_time\": %.3f,\n  \"output\": ",
		    summary->passed, summary->total, summary->elapsed_seconds);
	report_json_add_string(out, output);
	/* The instructor's view prints hidden tests on stdout too. */
	strbuf_addf(out, ",\n  \"visibility\": \"visible\",\n"
		    "  \"stdout_visibility\": \"%s\",\n  \"tests\": [",
		    lists_hidden(summary) ? "after_published" : "visible");
	for (size_t i = 0; i < summary->count; i++) {
		const struct results *results = summary->exercises[i].results;

		for (size_t t = 0; t < results->nr; t++) {
			add_test(out, results, &results->tests[t], first);
			first = false;
		}
	}
	if (summary->hidden_total) {
		add_hidden_entry(out, summary, first);
		first = false;
	}
	strbuf_addstr(out, first ? "]\n}\n" : "\n  ]\n}\n");
}
