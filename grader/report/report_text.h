/*
 * report_text.h - the report for a terminal: one line per exercise file
 * with its points, the failing tests with their feedback, compiler warnings
 * as advice, a closing progress line and what to fix next.  Give it a
 * student's view (disclosure.h): it lists every test it is given, marking
 * hidden ones "[hidden]", and adds the hidden tests' line when the view set
 * them apart.
 */
#ifndef GRADER_REPORT_TEXT_H
#define GRADER_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/summary.h"
#include "util/strbuf.h"

/*
 * Failures of one function shown with their details on a terminal: the
 * first two usually name the mistake; the rest are listed by title, with
 * the command that shows their details (--all).
 */
enum { REPORT_TEXT_SHOWN_FAILURES = 2 };

struct report_text_style {
	bool color;		/* ANSI colours */
	bool verbose;		/* also list passing tests, all feedback */
	/* Failures shown with details per function; 0 shows every one. */
	size_t shown_failures;
	/*
	 * The command that shows every failure of `function` (malloc'd),
	 * for the line under the failures shown without details; NULL when
	 * shown_failures is 0.
	 */
	char *(*details_command)(const char *function, const void *context);
	const void *details_context;
	const char *reproduce;	/* the command that repeats this run */
	const char *sandbox;	/* sandbox_mode() */
};

/* The whole report. */
void report_text_render(const struct summary *summary,
			const struct report_text_style *style,
			struct strbuf *out);
/*
 * What the student's code printed during test (sanitized, each line after
 * indent), when there is some and details are shown.
 */
void report_text_add_output(struct strbuf *out, const char *indent,
			    const struct results_test *test, bool details);
/* Only the closing line: "5/8 exercises, 61/95 points (seed N)". */
void report_text_summary_line(const struct summary *summary,
			      const struct report_text_style *style,
			      struct strbuf *out);

#endif /* GRADER_REPORT_TEXT_H */
