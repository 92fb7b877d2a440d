/*
 * fuzz_similarity.c - libFuzzer target for the reader of sim_c's output
 * (grader/batch/similarity_parse.c), whose input the students' files shape, and
 * the gathering of its runs into ranked pairs (similarity_pairs.c).
 *
 * The first byte says how many files were compared (1 to 16); the rest
 * is the output.  Besides "no crash, no leak, no undefined behaviour",
 * each input checks what the report relies on: every run names two
 * different files the grader gave, with lines from 1 and in order, and the
 * pairs kept are at most SIMILARITY_TOP_PAIRS, ranked, each of two
 * students with the sum of its runs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "batch/similarity_internal.h"

enum { MAX_FILES = 16 };

static void check_runs(const struct similarity_output *output, size_t files,
		       size_t len)
{
	REQUIRE(output->nr + output->ignored <= len + 1);
	for (size_t i = 0; i < output->nr; i++) {
		const struct similarity_run *run = &output->runs[i];

		REQUIRE(run->a < files && run->b < files && run->a != run->b);
		REQUIRE(run->a_first >= 1 && run->a_first <= run->a_last);
		REQUIRE(run->b_first >= 1 && run->b_first <= run->b_last);
		REQUIRE(run->tokens > 0 && run->tokens <= SIMILARITY_MAX_COUNT);
	}
}

static void check_pairs(struct similarity_output *output, size_t files)
{
	struct similarity_class class = { .students = files };
	size_t members[MAX_FILES], total = 0;

	for (size_t i = 0; i < files; i++)
		members[i] = i;
	for (size_t i = 0; i < output->nr; i++)
		total += output->runs[i].tokens;
	similarity_add_pairs(&class, catalog_exercise_at(0), members, output);
	REQUIRE(class.nr <= SIMILARITY_TOP_PAIRS);
	for (size_t i = 0; i < class.nr; i++) {
		const struct similarity_pair *p = &class.pairs[i];
		size_t shown = 0;

		REQUIRE(p->a < p->b && p->b < files);
		REQUIRE(p->runs_nr <= SIMILARITY_RUNS_SHOWN &&
			p->runs_nr <= p->runs_total && p->runs_nr > 0);
		for (size_t r = 0; r < p->runs_nr; r++)
			shown += p->runs[r].tokens;
		REQUIRE(shown <= p->shared && p->shared <= total);
		REQUIRE(i == 0 || class.pairs[i - 1].shared >= p->shared);
		REQUIRE(similarity_percent(p->shared, p->tokens_a) <= 100);
	}
	free(class.pairs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct similarity_output output;
	size_t files;

	if (size < 1)
		return 0;
	files = 1 + data[0] % MAX_FILES;
	similarity_output_init(&output, files);
	similarity_parse(&output, (const char *)data + 1, size - 1);
	check_runs(&output, files, size - 1);
	check_pairs(&output, files);
	similarity_output_release(&output);
	return 0;
}
