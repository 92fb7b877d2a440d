/*
 * results_reconcile.c - tests matched by name: dropping a second verdict
 * for a test, and matching a suite's verdicts to its known test list.
 *
 * Both sort indexes by name instead of hashing: O(n log n) comparisons
 * whatever the names, where a hash table has a worst case that chosen
 * names can reach.  glibc's qsort_r merge-sorts arrays of this size.
 */
#define _GNU_SOURCE
#include "results.h"
#include "results_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int compare_names(const struct results_test *x,
			 const struct results_test *y)
{
	int c = strcmp(x->function, y->function);

	return c ? c : strcmp(x->check, y->check);
}

/* By name, then by index: the first of equal names comes first. */
static int compare_order(const void *a, const void *b, void *tests)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct results_test *all = tests;
	int c = compare_names(&all[i], &all[j]);

	if (c)
		return c;
	return i < j ? -1 : i > j;
}

/* The indexes of results' tests, sorted by name (then index). */
static size_t *name_order(const struct results *results)
{
	size_t *order = xmalloc((results->nr ? results->nr : 1) *
				sizeof *order);

	for (size_t i = 0; i < results->nr; i++)
		order[i] = i;
	if (results->nr > 1)
		qsort_r(order, results->nr, sizeof *order, compare_order,
			results->tests);
	return order;
}

/* The end of the run of equal names that starts at order[at]. */
static size_t run_end(const struct results *results, const size_t *order,
		      size_t at)
{
	size_t end = at + 1;

	while (end < results->nr &&
	       !compare_names(&results->tests[order[at]],
			      &results->tests[order[end]]))
		end++;
	return end;
}

size_t results_drop_duplicates(struct results *results, size_t from)
{
	size_t *order, dropped = 0, kept = 0;
	bool *drop;

	if (from >= results->nr)
		return 0;
	order = name_order(results);
	drop = xcalloc(results->nr, sizeof *drop);
	for (size_t at = 0, end; at < results->nr; at = end) {
		end = run_end(results, order, at);
		/* order[at] is the first; tests before `from` all stay. */
		for (size_t k = at + 1; k < end; k++)
			if (order[k] >= from) {
				drop[order[k]] = true;
				dropped++;
			}
	}
	for (size_t i = 0; i < results->nr; i++) {
		if (drop[i])
			results_test_release(&results->tests[i]);
		else
			results->tests[kept++] = results->tests[i];
	}
	results->nr = kept;
	free(drop);
	free(order);
	return dropped;
}

/* match[] for an expected test named twice: it is listed once. */
#define MATCH_SKIP SIZE_MAX

/*
 * For each expected test, the index + 1 of its first verdict in found, 0
 * when there is none, or MATCH_SKIP; counts what it leaves out in info.
 */
static size_t *match_tests(const struct results *found,
			   const struct results *expected,
			   struct results_reconcile_info *info)
{
	size_t *found_order = name_order(found);
	size_t *expected_order = name_order(expected);
	size_t *match = xcalloc(expected->nr ? expected->nr : 1,
				sizeof *match);
	size_t f = 0, e = 0;

	while (f < found->nr || e < expected->nr) {
		int c = f == found->nr ? 1 : e == expected->nr ? -1 :
			compare_names(&found->tests[found_order[f]],
				      &expected->tests[expected_order[e]]);
		size_t found_end = c <= 0 ? run_end(found, found_order, f) : f;
		size_t expected_end = c >= 0 ?
			run_end(expected, expected_order, e) : e;

		if (c < 0) {
			info->unknown += found_end - f;
		} else {
			if (c == 0) {
				match[expected_order[e]] = found_order[f] + 1;
				info->duplicates += found_end - f - 1;
			} else {
				info->missing++;
			}
			for (size_t k = e + 1; k < expected_end; k++)
				match[expected_order[k]] = MATCH_SKIP;
		}
		f = found_end;
		e = expected_end;
	}
	free(found_order);
	free(expected_order);
	return match;
}

void results_reconcile(struct results *found, const struct results *expected,
		       struct results_reconcile_info *info)
{
	struct results_reconcile_info local;
	struct results out;
	size_t *match;

	if (!info)
		info = &local;
	memset(info, 0, sizeof *info);
	match = match_tests(found, expected, info);
	results_init(&out);
	for (size_t i = 0; i < expected->nr; i++) {
		const struct results_test *want = &expected->tests[i];
		struct results_test *test;

		if (match[i] == MATCH_SKIP)
			continue;
		test = results_add(&out, want->function, want->check,
				   want->description);
		test->hidden = want->hidden;
		if (match[i]) {
			const struct results_test *got =
				&found->tests[match[i] - 1];

			results_copy_verdict(test, got);
		} else {
			test->outcome = RESULTS_FAILED;
			results_set_message(test, RESULTS_NOT_REPORTED_MESSAGE);
		}
	}
	free(match);
	results_clear_tests(found);
	free(found->tests);
	found->tests = out.tests;
	found->nr = out.nr;
	found->alloc = out.alloc;
}
