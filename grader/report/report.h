/*
 * report.h - a student's report written to a file, in any of its formats,
 * through one table of formats: adding a format is adding a row.  A file
 * is read at leisure, so it shows every failure with its details and no
 * colour; the terminal's own report is report_text.h's.
 */
#ifndef GRADER_REPORT_H
#define GRADER_REPORT_H

#include <stdbool.h>

#include "core/summary.h"
#include "util/strbuf.h"

enum report_format {
	REPORT_FORMAT_TEXT,	/* the terminal's report, plain */
	REPORT_FORMAT_JSON,	/* Gradescope's results.json */
};

/* What every format may say besides the summary. */
struct report_context {
	const char *reproduce;	/* the command that repeats this grading */
	const char *sandbox;	/* sandbox_mode() */
	bool verbose;		/* also list passing tests */
};

/* Renders summary (give it a student's view, disclosure.h) into out. */
void report_render(const struct summary *summary, enum report_format format,
		   const struct report_context *context, struct strbuf *out);

/*
 * Writes the report to path atomically (write, then rename).  0, or -1
 * with errno set; nothing half-written is left.
 */
int report_write(const struct summary *summary, enum report_format format,
		 const struct report_context *context, const char *path);

#endif /* GRADER_REPORT_H */
