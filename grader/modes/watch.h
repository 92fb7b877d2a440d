/*
 * watch.h - build/grader --watch [DIR]: re-grades an exercise file as soon
 * as it is saved and shows what changed and the next thing to fix.
 */
#ifndef GRADER_WATCH_H
#define GRADER_WATCH_H

#include "options.h"
#include "core/resources.h"

/* Returns the grader's exit status when the watch ends. */
int watch_main(const struct options *options,
	       const struct resources *resources);

#endif /* GRADER_WATCH_H */
