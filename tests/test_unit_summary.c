/*
 * test_unit_summary.c - which failure of a function the summary and
 * "Next:" show first: a value failure that names its mistake ("SUMMARY:
 * DIAGNOSIS", docs/design.md "Diagnoses") before one that only describes
 * the value; otherwise the first in the report's order.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/summary.h"

static struct results_test *failed(struct results *results, const char *check,
				   const char *message)
{
	struct results_test *t = results_add(results, "relative_error", check,
					     check);

	t->outcome = RESULTS_FAILED;
	results_set_message(t, message);
	return t;
}

/* The first line of "Next:" for these results of 03_gradcheck.c. */
static char *next_of(struct results *results)
{
	struct summary summary;

	summary_init(&summary, "alice", 1);
	summary_add(&summary, catalog_find_exercise("03_gradcheck.c"), results);
	return summary_next_step(&summary);
}

Test(summary, names_mistake_reads_the_first_line)
{
	struct results results;
	const struct { const char *message; bool named; } cases[] = {
		{ "relative_error: wrong value\ninput: a = (1)", false },
		{ "relative_error: wrong value: the mean over i, not the "
		  "maximum\nhint: x", true },
		{ "wrong gradient (element 2): the wrong sign", true },
		{ "wrong loss: returned NaN", false },
		{ "wrong loss: returned NaN (element 3)", false },
		{ "wrong loss: returned +inf (overflow?)", false },
		{ "wrong loss (element 0)", false },
		{ "wrong loss: returned NaN from an unstable step", true },
	};

	results_init(&results);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct results_test *t = failed(&results, "c", cases[i].message);

		cr_expect_eq(summary_names_mistake(t), cases[i].named, "%s",
			     cases[i].message);
	}
	results_release(&results);
}

Test(summary, next_prefers_a_named_mistake)
{
	struct results results;
	char *next;

	results_init(&results);
	failed(&results, "maximum", "relative_error: wrong value with one bad "
	       "component\ninput: a = (1)");
	failed(&results, "ordinary", "relative_error: wrong value: divides by "
	       "|b_i| alone\ninput: a = (2)");
	failed(&results, "zeros", "relative_error: wrong value: the mean over "
	       "i, not the maximum\ninput: a = (3)");
	next = next_of(&results);
	cr_expect(strstr(next, "(relative_error: wrong value: divides by |b_i| "
			 "alone)"), "%s", next);
	free(next);
	results_release(&results);
}

Test(summary, next_keeps_a_crash_first)
{
	struct results results;
	struct results_test *t;
	char *next;

	results_init(&results);
	t = failed(&results, "zeros", "killed by SIGSEGV");
	t->outcome = RESULTS_CRASHED;
	failed(&results, "ordinary", "relative_error: wrong value: divides by "
	       "|b_i| alone");
	next = next_of(&results);
	cr_expect(strstr(next, "SIGSEGV"), "%s", next);
	free(next);
	results_release(&results);
}
