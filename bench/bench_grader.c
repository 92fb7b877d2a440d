/*
 * bench_grader.c - regrade latency, a fresh workbook, batch throughput and
 * peak memory of build/grader, each beside its floor.
 *
 * The floor of one exercise is what any grader must do at least: compile
 * the file with the grader's own compiler flags, link it with its suite and
 * the reference, run the suite.  Run as shell pipelines without sandbox,
 * catalog or report, it shows the grader's overhead as a ratio.
 */
#include "bench_grader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_gen.h"
#include "bench_proc.h"
#include "bench_table.h"
#include "bench_watch.h"

#define WORK "build/bench"
#define MAX_RUNS 64

/* Medians of a measure, and the largest peak memory seen in its runs. */
struct sample {
	double seconds[MAX_RUNS];
	double cpu[MAX_RUNS];	/* user + system of the whole tree */
	unsigned n;
	long maxrss_kib;
	int bad_exit;		/* an unexpected exit status, or 0 */
};

static void record(struct sample *s, const struct bench_run *run,
		   int expected_exit)
{
	if (s->n < MAX_RUNS) {
		s->cpu[s->n] = run->cpu_seconds;
		s->seconds[s->n++] = run->seconds;
	}
	if (run->maxrss_kib > s->maxrss_kib)
		s->maxrss_kib = run->maxrss_kib;
	/* expected_exit < 0: pass or fail both fine (a batch), 2 is not. */
	if ((expected_exit < 0 ? run->exit_code > 1 :
	     run->exit_code != expected_exit) && !s->bad_exit)
		s->bad_exit = run->exit_code ? run->exit_code : -1;
}

/* The floor pipeline of exercise `file` of submission `dir`. */
static char *floor_line(const char *dir, const char *file)
{
	char stem[64], suite[128], link_run[1024] = "";
	char *line = malloc(2048);

	if (!line)
		abort();
	snprintf(stem, sizeof stem, "%.*s", (int)(strlen(file) - 2), file);
	snprintf(suite, sizeof suite, "build/suites/%s.judge", stem);
	/* A suite that is not built yet leaves only the compile.  The link
	 * is grader/core/compile.c's (the runner), and the judge starts that
	 * runner itself, unsandboxed (WB_RUNNER, as make check does). */
	if (access(suite, R_OK) == 0)
		snprintf(link_run, sizeof link_run,
			 " && cc build/runner/runner.o " WORK "/floor/%s.o"
			 " -s -lm -o " WORK "/floor/%s && WB_SEED=1 WB_RUNNER="
			 WORK "/floor/%s %s --output=wb:" WORK "/floor/%s.wb"
			 " --ascii -j2", stem, stem, stem, suite, stem);
	/* The compiler flags are grader/core/compile.c's. */
	snprintf(line, 2048,
		 "test -f %s/%s || exit 0; cc -std=c11 -O2 -g -Wall -Wextra "
		 "-Wpedantic -pipe -Iinclude -c %s/%s -o " WORK "/floor/%s.o%s",
		 dir, file, dir, file, stem, link_run);
	return line;
}

/* Times the floor of the files of `dir` (only `file` when not NULL). */
static void time_floor(const char *dir, const char *file, unsigned jobs,
		       struct sample *s)
{
	char *lines[BENCH_EXERCISES] = { NULL };
	size_t n = 0;
	struct bench_run run;

	for (size_t i = 0; bench_exercise_files[i]; i++)
		if (!file || !strcmp(file, bench_exercise_files[i]))
			lines[n++] = floor_line(dir, bench_exercise_files[i]);
	if (bench_run_shell_set(lines, n, jobs, &run) == 0)
		record(s, &run, 0);
	while (n > 0)
		free(lines[--n]);
}

/* Times `grader ARGS… dir` once (args NULL-terminated, at most 6). */
static void time_grader_argv(const struct bench_config *c,
			     const char *const *args, const char *dir,
			     int expected_exit, struct sample *s)
{
	char *argv[9];
	size_t n = 0;
	struct bench_run run;

	argv[n++] = (char *)c->grader;
	for (size_t i = 0; args[i] && n < 7; i++)
		argv[n++] = (char *)args[i];
	if (dir)
		argv[n++] = (char *)dir;
	argv[n] = NULL;
	if (bench_run_argv(argv, true, &run) == 0)
		record(s, &run, expected_exit);
	else
		s->bad_exit = 127;
}

static void time_grader(const struct bench_config *c, const char *arg1,
			const char *arg2, const char *arg3, const char *dir,
			int expected_exit, struct sample *s)
{
	const char *args[4] = { arg1, arg1 ? arg2 : NULL,
				arg1 && arg2 ? arg3 : NULL, NULL };

	time_grader_argv(c, args, dir, expected_exit, s);
}

static void latency_row(const char *what, struct sample *s,
			struct sample *floor, double goal)
{
	char value[32], floor_text[32] = "", ratio[16] = "", goal_text[16] = "";
	const char *met = "";
	double m = bench_median(s->seconds, s->n);
	double f = floor ? bench_median(floor->seconds, floor->n) : 0.0;

	bench_fmt_seconds(value, sizeof value, m);
	if (floor)
		bench_fmt_seconds(floor_text, sizeof floor_text, f);
	bench_fmt_ratio(ratio, sizeof ratio, m, f);
	if (goal > 0.0) {
		snprintf(goal_text, sizeof goal_text, "< %.1f s", goal);
		met = m < goal ? "yes" : "NO";
	}
	if (s->bad_exit) {
		char note[64];

		/* A run that did not grade says nothing about speed. */
		snprintf(note, sizeof note, "error: grader exit %d",
			 s->bad_exit);
		bench_table_row(what, value, floor_text, ratio, goal_text, note);
		return;
	}
	bench_table_row(what, value, floor_text, ratio, goal_text, met);
}

static void memory_row(const char *what, const struct sample *s)
{
	char value[32];

	snprintf(value, sizeof value, "%.1f MiB", (double)s->maxrss_kib / 1024);
	bench_table_row(what, value, "", "", "", "");
}

/* 1, 2, 4, 7: regrade after one edit, a fresh workbook, their floors. */
static void bench_latency(const struct bench_config *c)
{
	const char *dir = WORK "/regrade", *fresh = WORK "/fresh";
	struct sample only = { 0 }, only_floor = { 0 }, full = { 0 };
	struct sample full_floor = { 0 }, first = { 0 }, warm = { 0 };
	struct sample drawn = { 0 };
	/* Edits never seen before, not even by an earlier `make bench`:
	 * an edit met again would be a compile cache hit, not an edit. */
	unsigned edit = (unsigned)time(NULL) * 256u;

	if (bench_copy_submission("solutions", dir) != 0 ||
	    bench_fresh_dir(WORK "/floor") != 0) {
		bench_table_row("regrade", "error", "", "", "",
				"cannot write " WORK);
		return;
	}
	/* The student graded once before: whatever the grader keeps
	 * between runs is there, as it would be (with --seed 1, the
	 * verdicts of the seven files left alone). */
	time_grader(c, "--seed", "1", NULL, dir, 0, &warm);
	for (unsigned r = 0; r < c->runs; r++) {
		bench_edit_file(dir, "02_bce.c", ++edit);
		time_grader(c, "--only", "02_bce.c", NULL, dir, 0, &only);
		time_floor(dir, "02_bce.c", 1, &only_floor);
	}
	for (unsigned r = 0; r < c->runs; r++) {
		bench_edit_file(dir, "02_bce.c", ++edit);
		time_grader(c, "--seed", "1", NULL, dir, 0, &full);
		time_floor(dir, NULL, c->cores, &full_floor);
	}
	/* A seed drawn afresh each run: seven suites run again. */
	for (unsigned r = 0; r < c->runs; r++) {
		bench_edit_file(dir, "02_bce.c", ++edit);
		time_grader(c, NULL, NULL, NULL, dir, 0, &drawn);
	}
	for (unsigned r = 0; r < c->runs; r++) {
		if (bench_copy_submission("solutions", fresh) != 0)
			break;
		/* Fresh: nothing the cache (build/cache) kept may help. */
		time_grader(c, "--no-cache", NULL, NULL, fresh, 0, &first);
	}
	bench_table_section("1. regrade after editing 02_bce.c (copy of solutions/)");
	latency_row("grader --only 02_bce.c DIR", &only, &only_floor, 0.3);
	latency_row("grader --seed 1 DIR (every file)", &full,
		    &full_floor, 0.3);
	latency_row("grader DIR (every file, fresh seed)", &drawn,
		    &full_floor, 0.0);
	bench_table_section("2. full workbook, fresh copy of solutions/");
	latency_row("grader DIR", &first, &full_floor, 1.0);
	bench_table_section("7. peak memory (largest process of the tree)");
	memory_row("grader DIR, full workbook", &first);
}

/*
 * The least CPU a submission can cost: `cc -c` of its files with the
 * grader's flags, one after the other (CPU seconds).
 */
static double compile_floor_cpu(const char *dir)
{
	char *lines[BENCH_EXERCISES] = { NULL };
	size_t n = 0;
	struct bench_run run = { 0 };

	for (size_t i = 0; bench_exercise_files[i]; i++) {
		lines[n] = malloc(1024);
		if (!lines[n])
			abort();
		snprintf(lines[n++], 1024, "cc -std=c11 -O2 -g -Wall -Wextra "
			 "-Wpedantic -Iinclude -c %s/%s -o /dev/null", dir,
			 bench_exercise_files[i]);
	}
	if (bench_run_shell_set(lines, n, 1, &run) != 0)
		run.cpu_seconds = 0;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	return run.cpu_seconds;
}

/* CPU seconds per submission beside the compile floor. */
static void cpu_row(const char *what, struct sample *s, unsigned size,
		    double floor_cpu)
{
	char value[32], floor_text[32], ratio[16];
	double per = size ? bench_median(s->cpu, s->n) / size : 0;

	snprintf(value, sizeof value, "%.3f s", per);
	snprintf(floor_text, sizeof floor_text, "%.3f s", floor_cpu);
	bench_fmt_ratio(ratio, sizeof ratio, per, floor_cpu);
	bench_table_row(what, value, floor_text, ratio, "", "");
}

/* 3, 7: --batch on one core and on all of them. */
static void bench_batch(const struct bench_config *c)
{
	char *help[] = { (char *)c->grader, "--help", NULL };
	const char *dir = WORK "/batch", *out = WORK "/batch-out";
	struct sample floor1 = { 0 };
	size_t kinds[4];
	unsigned jobs[2] = { 1, c->cores };
	double floor_s, floor_cpu = compile_floor_cpu("solutions");

	bench_table_section("3. batch throughput");
	if (!bench_output_mentions(help, "--batch")) {
		bench_table_row("grader --batch DIR", "n/a", "", "", "",
				"(no --batch in this grader)");
		return;
	}
	if (bench_make_batch(dir, c->batch_size, kinds) != 0) {
		bench_table_row("grader --batch DIR", "error", "", "", "",
				"cannot write " WORK "/batch");
		return;
	}
	printf("  %u distinct submissions: %zu correct, %zu buggy, %zu broken, "
	       "%zu untouched stubs; %u runs each\n", c->batch_size, kinds[0],
	       kinds[1], kinds[2], kinds[3], c->batch_runs);
	/* The floor of one correct submission on one core; the batch's
	 * floor is that per submission, spread over the cores. */
	for (unsigned r = 0; r < c->batch_runs; r++)
		time_floor(WORK "/regrade", NULL, 1, &floor1);
	floor_s = bench_median(floor1.seconds, floor1.n);
	for (unsigned i = 0; i < (c->cores > 1 ? 2u : 1u); i++) {
		struct sample s = { 0 };
		char what[64], value[32], floor_text[32], ratio[16], j[16];
		double m, rate, floor_rate;

		snprintf(j, sizeof j, "-j%u", jobs[i]);
		for (unsigned r = 0; r < c->batch_runs; r++) {
			/* A fresh OUT each run: no gradebook to resume, an
			 * empty OUT/.cache (duplicates still share it). */
			const char *args[] = { "--batch", dir, "--out", out, j,
					       NULL };

			if (bench_fresh_dir(out) != 0)
				break;
			time_grader_argv(c, args, NULL, -1, &s);
		}
		m = bench_median(s.seconds, s.n);
		rate = m > 0 ? c->batch_size / m : 0;
		floor_rate = floor_s > 0 ? jobs[i] / floor_s : 0;
		snprintf(what, sizeof what, "grader --batch DIR %s (sub/s)", j);
		snprintf(value, sizeof value, "%.2f/s", rate);
		snprintf(floor_text, sizeof floor_text, "%.2f/s", floor_rate);
		bench_fmt_ratio(ratio, sizeof ratio, floor_rate, rate);
		bench_table_row(what, value, floor_text, ratio, "",
				s.bad_exit ? "error: grader exit > 1" : "");
		snprintf(what, sizeof what, "CPU per submission, batch %s", j);
		cpu_row(what, &s, c->batch_size, floor_cpu);
		snprintf(what, sizeof what, "peak memory, batch %s", j);
		memory_row(what, &s);
	}
}

void bench_grader(const struct bench_config *c)
{
	if (!bench_executable(c->grader)) {
		bench_table_section("1-3. grader");
		bench_table_row(c->grader, "n/a", "", "", "", "(not built yet)");
		return;
	}
	bench_latency(c);
	bench_watch(c);
	bench_batch(c);
}
