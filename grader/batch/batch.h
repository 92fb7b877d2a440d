/*
 * batch.h - grading a class: build/grader --batch SUBMISSIONS and
 * build/grader --merge DIR (see docs/instructors.md).
 */
#ifndef GRADER_BATCH_H
#define GRADER_BATCH_H

#include "options.h"
#include "core/resources.h"

/* Returns the grader's exit status. */
int batch_main(const struct options *options,
	       const struct resources *resources);
int batch_merge_main(const struct options *options);

#endif /* GRADER_BATCH_H */
