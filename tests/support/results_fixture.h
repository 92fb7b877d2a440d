/*
 * results_fixture.h - the judge's results for 01_sigmoid.c that the unit
 * tests of the reports start from: "ordinary" passed, "tails" failed with
 * a message.  Static inline: only the unit tests, which link the grader's
 * results module, include it.
 */
#ifndef TESTS_RESULTS_FIXTURE_H
#define TESTS_RESULTS_FIXTURE_H

#include "core/results.h"

static inline void results_fixture_sigmoid(struct results *results)
{
	struct results_test *t;

	results_init(results);
	results_add(results, "sigmoid", "ordinary", "matches on ordinary "
		    "inputs")->outcome = RESULTS_PASSED;
	t = results_add(results, "sigmoid", "tails", "is right in the tails");
	results_set_message(t, "sigmoid: wrong in the tails\ninput: z = -40");
}

#endif /* TESTS_RESULTS_FIXTURE_H */
