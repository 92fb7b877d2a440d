/*
 * fuzz_results.c - libFuzzer target for the wb report parser
 * (grader/core/results_parse.c) and results_reconcile.
 *
 * Besides "no crash, no leak, no undefined behaviour", each input checks
 * what the grader relies on: the bounds hold, no test is left twice, what
 * results_write writes reads back to the same text, and reconciling with a
 * known test list yields exactly that list.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "core/results.h"
#include "core/results_internal.h"

/* results_write into a malloc'd text. */
static char *write_text(const struct results *results, size_t *len)
{
	char *text = NULL;
	FILE *out = open_memstream(&text, len);

	REQUIRE(out);
	results_write(results, out);
	REQUIRE(fclose(out) == 0);
	return text;
}

static void check_bounds(struct results *results,
			 const struct results_parse_info *info)
{
	REQUIRE(info->lines <= RESULTS_MAX_LINES);
	REQUIRE(info->garbled <= info->lines);
	REQUIRE(results->nr + info->duplicates <= info->lines);
	REQUIRE(results_drop_duplicates(results, 0) == 0);
	for (size_t i = 0; i < results->nr; i++) {
		REQUIRE(*results->tests[i].function && *results->tests[i].check);
		REQUIRE(results->tests[i].message);
	}
}

/* Written and read again, the records write the same text. */
static void check_round_trip(const struct results *results)
{
	struct results again;
	size_t len, len_again;
	char *text = write_text(results, &len), *text_again;

	results_init(&again);
	/* Escaping may lengthen a line past the bound: nothing to compare. */
	if (results_parse_buffer(&again, text, len, NULL) == RESULTS_PARSE_OK) {
		text_again = write_text(&again, &len_again);
		REQUIRE(len == len_again && !memcmp(text, text_again, len));
		free(text_again);
	}
	results_release(&again);
	free(text);
}

static void check_reconcile(struct results *found)
{
	static const char *const names[][2] = {
		{ "sigmoid", "ordinary" }, { "sigmoid", "tails" },
		{ "sigmoid_grad", "ordinary" },
	};
	const size_t count = sizeof names / sizeof names[0];
	struct results expected;
	struct results_reconcile_info info;

	results_init(&expected);
	for (size_t i = 0; i < count; i++)
		results_add(&expected, names[i][0], names[i][1], "")->hidden =
			i == 1;
	results_reconcile(found, &expected, &info);
	REQUIRE(found->nr == count && info.missing <= count);
	for (size_t i = 0; i < count; i++) {
		REQUIRE(!strcmp(found->tests[i].function, names[i][0]));
		REQUIRE(!strcmp(found->tests[i].check, names[i][1]));
		REQUIRE(found->tests[i].hidden == (i == 1));
	}
	results_release(&expected);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct results results;
	struct results_parse_info info;
	enum results_parse_status status;

	results_init(&results);
	status = results_parse_buffer(&results, (const char *)data, size,
				      &info);
	REQUIRE(status == info.status);
	REQUIRE(*results_parse_status_text(status));
	check_bounds(&results, &info);
	check_round_trip(&results);
	check_reconcile(&results);
	results_release(&results);
	return 0;
}
