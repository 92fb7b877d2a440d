/*
 * bench_proc.h - spawning and timing the programs the benchmark measures.
 */
#ifndef BENCH_PROC_H
#define BENCH_PROC_H

#include <stdbool.h>
#include <stddef.h>

/* What one timed run cost. */
struct bench_run {
	double seconds;		/* wall clock, spawn to reaped */
	double cpu_seconds;	/* user + system, the whole reaped tree */
	long maxrss_kib;	/* largest resident set in the process tree */
	int exit_code;		/* exit status, or 128 + signal, or -1 */
};

/* Seconds on CLOCK_MONOTONIC. */
double bench_now(void);

/*
 * Runs argv (argv[0] looked up in PATH) with stdout and stderr sent to
 * /dev/null unless `quiet` is false, waits for it, and fills `run`.
 * Returns 0, or -1 when the program could not be started.
 */
int bench_run_argv(char *const argv[], bool quiet, struct bench_run *run);

/*
 * Runs `count` shell command lines (/bin/sh -c), at most `jobs` at a time,
 * and times the whole set: the floor of a graded workbook is its compile,
 * link and run pipelines run as a parallel make would run them.  exit_code
 * is the first non-zero exit of any line.
 */
int bench_run_shell_set(char *const lines[], size_t count, unsigned jobs,
			struct bench_run *run);

/* Whether a file exists and is executable (a built tool we may time). */
bool bench_executable(const char *path);

/* Runs argv and reports whether its output contains `needle`. */
bool bench_output_mentions(char *const argv[], const char *needle);

#endif /* BENCH_PROC_H */
