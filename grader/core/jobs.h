/*
 * jobs.h - grading several exercise files at once, each in its own worker
 * process (the sandbox forks and waits; separate processes keep that simple
 * and keep one worker's failure away from the others).
 */
#ifndef GRADER_JOBS_H
#define GRADER_JOBS_H

#include "grade.h"
#include "results.h"
#include "util/strbuf.h"

struct jobs_item {
	struct grade_task task;
	struct results results;		/* filled by jobs_run */
};

/*
 * Grades every item, at most `parallel` at a time.  Returns 0, or -1 when
 * the grader was interrupted or could not start a worker (error says so).
 */
int jobs_run(struct jobs_item *items, size_t count, unsigned parallel,
	     struct strbuf *error);

/* The signal that interrupted the last jobs_run, or 0. */
int jobs_interrupted_by(void);

#endif /* GRADER_JOBS_H */
