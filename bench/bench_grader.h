/*
 * bench_grader.h - the grader's latency, throughput and memory, each
 * beside the floor of the same work done without the grader.
 */
#ifndef BENCH_GRADER_H
#define BENCH_GRADER_H

struct bench_config {
	const char *grader;	/* build/grader */
	unsigned runs;		/* repeats of each latency measure */
	unsigned batch_runs;	/* repeats of each batch measure */
	unsigned batch_size;	/* submissions in the batch */
	unsigned cores;		/* cores online */
};

/* Measures 1-4 and 7 of `make bench` and prints their rows. */
void bench_grader(const struct bench_config *config);

#endif /* BENCH_GRADER_H */
