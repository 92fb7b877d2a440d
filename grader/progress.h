/*
 * progress.h - build/grader --progress [DIR]: which exercises pass, with a
 * bar, and the next chapter and exercise to do.
 */
#ifndef GRADER_PROGRESS_H
#define GRADER_PROGRESS_H

#include "options.h"
#include "resources.h"

/* Returns the grader's exit status. */
int progress_main(const struct options *options,
		  const struct resources *resources);

#endif /* GRADER_PROGRESS_H */
