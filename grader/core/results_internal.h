/*
 * results_internal.h - shared by results.c (the records), results_parse.c
 * (reading the wb format) and results_reconcile.c (matching verdicts to the
 * known tests).
 */
#ifndef GRADER_RESULTS_INTERNAL_H
#define GRADER_RESULTS_INTERNAL_H

#include "results.h"

/* Frees what one test owns (not the test itself). */
void results_test_release(struct results_test *test);

bool results_file_status_parse(const char *name,
			       enum results_file_status *status);

/*
 * Drops every test from index `from` on whose function and check an
 * earlier test already has, keeping the order of the rest; returns how
 * many it dropped.  O(n log n) comparisons, whatever the names.
 */
size_t results_drop_duplicates(struct results *results, size_t from);

#endif /* GRADER_RESULTS_INTERNAL_H */
