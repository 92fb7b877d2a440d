/*
 * hint.h - build/grader --hint FUNCTION [DIR]: the next of a function's
 * progressive hints, chosen by the test it fails first.
 */
#ifndef GRADER_HINT_H
#define GRADER_HINT_H

#include "options.h"
#include "core/resources.h"

/* Returns the grader's exit status. */
int hint_main(const struct options *options,
	      const struct resources *resources);

#endif /* GRADER_HINT_H */
