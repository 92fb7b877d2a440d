/*
 * feedback.h - a student's feedback for the instructor to hand out:
 * Markdown (points per exercise file as a table, each failing test with its
 * feedback, what to do next, the seed and how to reproduce the run) and the
 * same rendered to a standalone HTML page by cmark-gfm.  Raw HTML in the
 * Markdown is never passed through, so nothing a student wrote can script
 * the page.  Give it a student's view (disclosure.h): it lists every
 * failing test it is given, and the hidden tests the view set apart as one
 * row of the points table.
 */
#ifndef GRADER_FEEDBACK_H
#define GRADER_FEEDBACK_H

#include <stdint.h>

#include "core/summary.h"
#include "util/strbuf.h"

struct feedback_info {
	const char *student;	/* any id (student_id.h) */
	/* What --student takes to give the same seed; NULL: student */
	const char *seed_key;
	uint64_t seed;
	const char *status;	/* the gradebook's status */
	const char *problem;	/* why the student was not graded, or NULL */
};

/* A graded student. */
void feedback_markdown(const struct summary *summary,
		       const struct feedback_info *info, struct strbuf *out);
/* A student who could not be graded: info->problem says why. */
void feedback_problem_markdown(const struct feedback_info *info,
			       struct strbuf *out);

/* Markdown -> a whole HTML page titled title. */
void feedback_html(const char *markdown, const char *title,
		   struct strbuf *out);

/*
 * The same in parts, for pages that add elements of their own between
 * rendered Markdown (the class report's drawings): the head (extra_style,
 * may be NULL, is added to the page's CSS), Markdown rendered as above,
 * and the end.
 */
void feedback_html_open(const char *title, const char *extra_style,
			struct strbuf *out);
void feedback_html_body(const char *markdown, struct strbuf *out);
void feedback_html_close(struct strbuf *out);

/*
 * Text in a Markdown heading, paragraph or table cell: no control
 * characters (sanitize.h), line breaks become spaces, and punctuation
 * cannot start markup.
 */
void feedback_add_escaped(struct strbuf *out, const char *text);
/* Text in HTML, sanitized and with < > & " escaped. */
void feedback_add_html_text(struct strbuf *out, const char *text);

/*
 * Writes folder/ID.md and folder/ID.html, ID encoded by
 * student_id_file_name() (each through a temporary file).
 * Returns 0, or -1 with errno set.
 */
int feedback_write(const char *folder, const char *student,
		   const char *markdown);

/* The fence for a block holding text: backticks, longer than any run in it. */
char *feedback_fence(const char *text);

#endif /* GRADER_FEEDBACK_H */
