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

#include "strbuf.h"
#include "summary.h"

struct report_text_style {
	bool color;		/* ANSI colours */
	bool verbose;		/* also list passing tests, all feedback */
	const char *reproduce;	/* the command that repeats this run */
	const char *sandbox;	/* sandbox_mode() */
};

/* The whole report. */
void report_text_render(const struct summary *summary,
			const struct report_text_style *style,
			struct strbuf *out);
/* Only the closing line: "5/8 exercises, 61/95 points (seed N)". */
void report_text_summary_line(const struct summary *summary,
			      const struct report_text_style *style,
			      struct strbuf *out);

#endif /* GRADER_REPORT_TEXT_H */
