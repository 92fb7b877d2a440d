/*
 * grade_explain.h - turning what the judge and the sandbox reported into
 * the words a student reads (grade.c's helper).
 */
#ifndef GRADER_GRADE_EXPLAIN_H
#define GRADER_GRADE_EXPLAIN_H

#include "results.h"
#include "run.h"

/* Gives a crashed, timed-out or incomplete test its message. */
void grade_explain_test(struct results_test *test);

/* Why a judged run of `file` left no usable report (malloc'd). */
char *grade_explain_lost_run(const struct run_judged_result *run,
			     const char *file);

#endif /* GRADER_GRADE_EXPLAIN_H */
