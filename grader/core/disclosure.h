/*
 * disclosure.h - what a student may learn about the hidden tests.
 *
 * A hidden test is a check a student could pass the visible tests without;
 * its name, inputs or feedback would tell them how to pass it without
 * understanding.  So every report a student may see (the text report, the
 * feedback pages, the Gradescope JSON, watch, hints, progress) is made from
 * a view in which the hidden tests are taken out of the results and only
 * counted: one line "N hidden tests: M passed", or, where the instructor
 * asks (--hidden-summary=none), nothing.  Only --instructor-view shows them
 * in full.  The gradebook, which only the instructor sees, keeps using the
 * full summary.
 */
#ifndef GRADER_DISCLOSURE_H
#define GRADER_DISCLOSURE_H

#include "results.h"
#include "summary.h"
#include "util/strbuf.h"

enum disclosure_mode {
	DISCLOSURE_LINE,	/* the default: one aggregate line */
	DISCLOSURE_NONE,	/* not even the line */
	DISCLOSURE_INSTRUCTOR,	/* every hidden test in full */
};

/* A summary over copies of the results, hidden tests taken out. */
struct disclosure_view {
	struct summary summary;
	struct results results[SUMMARY_MAX_EXERCISES];
};

/*
 * Fills view from full (whose results it copies: full may go first).  Its
 * summary's passed and total still count the hidden tests (they are the
 * score); its exercises and functions do not (summary.h).
 */
void disclosure_view_init(struct disclosure_view *view,
			  const struct summary *full,
			  enum disclosure_mode mode);
void disclosure_view_release(struct disclosure_view *view);

/*
 * Takes the hidden tests out of results in place (unless mode is
 * DISCLOSURE_INSTRUCTOR), adding how many there were and how many passed.
 */
void disclosure_strip(struct results *results, enum disclosure_mode mode,
		      size_t *passed, size_t *total);

/* "12 hidden tests: 9 passed", with " (9/12 points)" when points. */
void disclosure_describe(const struct summary *summary, bool points,
			 struct strbuf *out);
/*
 * The same and a newline; nothing when the summary has no hidden tests set
 * apart or is told to keep quiet about them.
 */
void disclosure_add_line(const struct summary *summary, bool points,
			 struct strbuf *out);

/* "line" or "none" (--hidden-summary); -1 for anything else. */
int disclosure_parse(const char *text, enum disclosure_mode *mode);

#endif /* GRADER_DISCLOSURE_H */
