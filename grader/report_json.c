/*
 * report_json.c - the Gradescope report.
 */
#include "report_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disclosure.h"

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_length(const unsigned char *s)
{
	size_t len;
	unsigned min;
	unsigned code;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0)
		len = 2, min = 0x80, code = s[0] & 0x1fu;
	else if ((s[0] & 0xf0) == 0xe0)
		len = 3, min = 0x800, code = s[0] & 0x0fu;
	else if ((s[0] & 0xf8) == 0xf0)
		len = 4, min = 0x10000, code = s[0] & 0x07u;
	else
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		code = (code << 6) | (s[i] & 0x3fu);
	}
	if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
		return 0;
	return len;
}

void report_json_add_string(struct strbuf *out, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");

	strbuf_addch(out, '"');
	while (*s) {
		size_t len = utf8_length(s);

		if (len == 0) {
			strbuf_addstr(out, "\\ufffd");
			s++;
			continue;
		}
		if (*s == '"' || *s == '\\')
			strbuf_addf(out, "\\%c", *s);
		else if (*s == '\n')
			strbuf_addstr(out, "\\n");
		else if (*s == '\t')
			strbuf_addstr(out, "\\t");
		else if (*s < 0x20 || *s == 0x7f)
			strbuf_addf(out, "\\u%04x", *s);
		else
			strbuf_add(out, s, len);
		s += len;
	}
	strbuf_addch(out, '"');
}

static void add_test(struct strbuf *out, const struct results_test *test,
		     bool first)
{
	bool passed = test->outcome == RESULTS_PASSED;
	char *name = xstrfmt("%s: %s", test->function, test->description);

	strbuf_addstr(out, first ? "\n    {" : ",\n    {");
	strbuf_addstr(out, "\"name\": ");
	report_json_add_string(out, name);
	strbuf_addf(out, ", \"score\": %d, \"max_score\": 1, \"status\": "
		    "\"%s\", \"output\": ", passed ? 1 : 0,
		    passed ? "passed" : "failed");
	report_json_add_string(out, passed ? "" : test->message);
	/* Gradescope shows a hidden test only once the grades are published. */
	strbuf_addf(out, ", \"visibility\": \"%s\"}",
		    test->hidden ? "after_published" : "visible");
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
			add_test(out, &results->tests[t], first);
			first = false;
		}
	}
	if (summary->hidden_total) {
		add_hidden_entry(out, summary, first);
		first = false;
	}
	strbuf_addstr(out, first ? "]\n}\n" : "\n  ]\n}\n");
}
