/*
 * batch_progress.h - how far a batch is, on stderr: on a terminal one
 * line redrawn in place ("[#####.....] 57/200 students, 3 need attention,
 * 0:12 left"), otherwise one line per finished student ("graded alice
 * 87/97 ok").
 */
#ifndef GRADER_BATCH_PROGRESS_H
#define GRADER_BATCH_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "report/gradebook.h"

struct batch_progress {
	bool terminal;
	size_t total, done, attention;
	size_t done_at_start;		/* resumed ones do not set the pace */
	double started, last_drawn;
};

void batch_progress_init(struct batch_progress *progress, size_t total);
/* A student who needs no grading now (resumed, or not gradable). */
void batch_progress_count(struct batch_progress *progress,
			  const struct gradebook_row *row);
/* A student just graded. */
void batch_progress_finished(struct batch_progress *progress,
			     const struct gradebook_row *row);
/* Redraws the bar now and then; call while waiting. */
void batch_progress_tick(struct batch_progress *progress);
/* Clears the bar. */
void batch_progress_end(struct batch_progress *progress);

/*
 * Whether a row needs the instructor's attention: its status is not ok
 * (an error or timeout, a missing student, a submission that was not
 * graded) or it scored 0 points.
 */
bool batch_progress_needs_attention(const struct gradebook_row *row);

/* one when n is 1, else many: "1 student", "2 students". */
const char *batch_progress_plural(size_t n, const char *one,
				  const char *many);

#endif /* GRADER_BATCH_PROGRESS_H */
