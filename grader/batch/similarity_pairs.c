/*
 * similarity_pairs.c - sim_c's runs gathered by pair of students, and the
 * pairs ranked.
 */
#include "similarity_internal.h"

#include <stdlib.h>
#include <string.h>

unsigned similarity_percent(size_t shared, size_t tokens)
{
	if (!tokens || shared >= tokens)
		return tokens ? 100 : 0;
	return (unsigned)(shared * 100 / tokens);
}

/* Turns a run so that its file a is the one of lower index. */
static void orient(struct similarity_run *run)
{
	if (run->a > run->b) {
		struct similarity_run turned = {
			.a = run->b, .b = run->a,
			.a_first = run->b_first, .a_last = run->b_last,
			.b_first = run->a_first, .b_last = run->a_last,
			.tokens = run->tokens,
		};

		*run = turned;
	}
}

/* By pair, then longest first. */
static int by_pair(const void *x, const void *y)
{
	const struct similarity_run *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	if (a->tokens != b->tokens)
		return a->tokens > b->tokens ? -1 : 1;
	return a->a_first < b->a_first ? -1 : a->a_first > b->a_first;
}

static struct similarity_pair *new_pair(struct similarity_class *class)
{
	if (class->nr == class->alloc) {
		class->alloc = class->alloc ? 2 * class->alloc : 64;
		class->pairs = xrealloc(class->pairs,
					class->alloc * sizeof *class->pairs);
	}
	memset(&class->pairs[class->nr], 0, sizeof *class->pairs);
	return &class->pairs[class->nr++];
}

/* The runs of one pair, runs[0..n-1], in students' terms. */
static void add_pair(struct similarity_class *class,
		     const struct catalog_exercise *exercise,
		     const size_t *members,
		     const struct similarity_output *output,
		     const struct similarity_run *runs, size_t n)
{
	struct similarity_pair *pair = new_pair(class);

	pair->exercise = exercise;
	pair->a = members[runs[0].a];
	pair->b = members[runs[0].b];
	pair->tokens_a = output->tokens[runs[0].a];
	pair->tokens_b = output->tokens[runs[0].b];
	pair->runs_total = n;
	for (size_t i = 0; i < n; i++) {
		pair->shared += runs[i].tokens;
		if (i < SIMILARITY_RUNS_SHOWN) {
			pair->runs[i] = runs[i];
			pair->runs[i].a = pair->a;
			pair->runs[i].b = pair->b;
			pair->runs_nr++;
		}
	}
}

/* Most shared tokens first; then by exercise and students. */
static int by_shared(const void *x, const void *y)
{
	const struct similarity_pair *a = x, *b = y;

	if (a->shared != b->shared)
		return a->shared > b->shared ? -1 : 1;
	if (a->exercise != b->exercise)
		return a->exercise < b->exercise ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

/* Keeps the SIMILARITY_TOP_PAIRS pairs that share the most. */
static void rank(struct similarity_class *class)
{
	if (class->nr)
		qsort(class->pairs, class->nr, sizeof *class->pairs,
		      by_shared);
	if (class->nr > SIMILARITY_TOP_PAIRS)
		class->nr = SIMILARITY_TOP_PAIRS;
}

void similarity_add_pairs(struct similarity_class *class,
			  const struct catalog_exercise *exercise,
			  const size_t *members,
			  struct similarity_output *output)
{
	struct similarity_run *runs = output->runs;
	size_t start = 0;

	for (size_t i = 0; i < output->nr; i++)
		orient(&runs[i]);
	if (output->nr)
		qsort(runs, output->nr, sizeof *runs, by_pair);
	for (size_t i = 1; i <= output->nr; i++)
		if (i == output->nr || runs[i].a != runs[start].a ||
		    runs[i].b != runs[start].b) {
			add_pair(class, exercise, members, output,
				 runs + start, i - start);
			start = i;
		}
	rank(class);
}
