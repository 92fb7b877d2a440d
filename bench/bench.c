/*
 * bench.c - `make bench`: one table of medians for the grader, the book
 * builder and the reference kernels (build/bench/kernels, run last so its
 * rows join the same table).
 *
 * Environment: BENCH_RUNS (latency repeats, default 7), BENCH_BATCH_RUNS
 * (default 3: one batch of 200 takes minutes), BENCH_BATCH_SIZE (200).
 * Run from the top of the tree; generated files go to build/bench/.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench_grader.h"
#include "bench_proc.h"
#include "bench_table.h"

#define BOOK_BUILDER "build/book-builder"
#define KERNELS "build/bench/kernels"
#define BOUNDARY "build/bench/boundary"

static unsigned env_unsigned(const char *name, unsigned fallback,
			     unsigned max)
{
	const char *text = getenv(name);
	char *end;
	unsigned long value;

	if (!text || !*text)
		return fallback;
	value = strtoul(text, &end, 10);
	if (*end || value == 0 || value > max) {
		fprintf(stderr, "bench: %s=%s ignored (1 to %u)\n", name, text,
			max);
		return fallback;
	}
	return (unsigned)value;
}

/* 5: the builder itself on every chapter, into a folder of our own so
 * that build/book is never touched. */
static void bench_book(unsigned runs)
{
	glob_t chapters;
	double seconds[64];
	unsigned n = 0;
	int bad = 0;
	char value[32], note[64] = "";

	bench_table_section("5. book build (all chapters, plots included)");
	if (!bench_executable(BOOK_BUILDER) ||
	    glob("chapters/*.md", 0, NULL, &chapters) != 0) {
		bench_table_row("book-builder", "n/a", "", "", "< 2.0 s",
				"(no builder or chapters yet)");
		return;
	}
	{
		char **argv = calloc(chapters.gl_pathc + 4, sizeof *argv);

		argv[0] = BOOK_BUILDER;
		argv[1] = "--out";
		argv[2] = "build/bench/book";
		memcpy(argv + 3, chapters.gl_pathv,
		       chapters.gl_pathc * sizeof *argv);
		for (unsigned r = 0; r < runs; r++) {
			struct bench_run run;

			if (bench_run_argv(argv, true, &run) != 0)
				break;
			seconds[n++] = run.seconds;
			if (run.exit_code && !bad)
				bad = run.exit_code;
		}
		free(argv);
	}
	if (bad)
		snprintf(note, sizeof note, " (builder exit %d)", bad);
	{
		double m = bench_median(seconds, n);
		char label[64], met[80];

		snprintf(label, sizeof label, "book-builder, %zu chapters",
			 chapters.gl_pathc);
		snprintf(met, sizeof met, "%s%s", m < 2.0 ? "yes" : "NO", note);
		bench_table_row(label, bench_fmt_seconds(value, sizeof value, m),
				"", "", "< 2.0 s", met);
	}
	globfree(&chapters);
}

/* A part that prints its own rows (built separately), when built. */
static void run_part(const char *path)
{
	char *argv[] = { (char *)path, NULL };
	struct bench_run run;

	if (!bench_executable(path))
		return;
	fflush(stdout);
	if (bench_run_argv(argv, false, &run) != 0 || run.exit_code)
		fprintf(stderr, "bench: %s failed\n", path);
}

int main(void)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct bench_config config = {
		.grader = "build/grader",
		.runs = env_unsigned("BENCH_RUNS", 7, 64),
		.batch_runs = env_unsigned("BENCH_BATCH_RUNS", 3, 64),
		.batch_size = env_unsigned("BENCH_BATCH_SIZE", 200, 100000),
		.cores = cores > 0 ? (unsigned)cores : 1,
	};
	char title[128];

	snprintf(title, sizeof title, "make bench: medians of %u runs "
		 "(batch: %u runs)", config.runs, config.batch_runs);
	bench_table_header(title);
	bench_grader(&config);
	run_part(BOUNDARY);
	bench_book(config.runs);
	run_part(KERNELS);
	return 0;
}
