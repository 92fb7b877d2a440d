/*
 * test_unit_results.c - the wb report's visibility field: written and read
 * back, and lines from before it existed still accepted (as visible).
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"

Test(results, visibility_round_trip)
{
	struct results results, back;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	results_init(&results);
	results_init(&back);
	results_add(&results, "sigmoid", "tails", "the tails")->hidden = true;
	results_add(&results, "sigmoid", "values", "the values");
	results_write(&results, out);
	fclose(out);
	cr_expect(strstr(text, "\thidden\n"), "%s", text);
	cr_expect(strstr(text, "\tvisible\n"), "%s", text);
	results_parse(&back, text);
	cr_assert_eq(back.nr, 2, "%s", text);
	cr_expect(back.tests[0].hidden);
	cr_expect(!back.tests[1].hidden);
	results_release(&results);
	results_release(&back);
	free(text);
}

Test(results, old_lines_and_bad_visibility)
{
	struct results results;

	results_init(&results);
	results_parse(&results,
		      "seed\t5\n"
		      "test\tsigmoid\told\tan old line\tpassed\t0\t0\t\n"
		      "test\tsigmoid\tbad\tgarbled\tpassed\t0\t0\t\tmaybe\n");
	cr_assert_eq(results.nr, 1);
	cr_expect_str_eq(results.tests[0].check, "old");
	cr_expect(!results.tests[0].hidden);
	results_release(&results);
}
