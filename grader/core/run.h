/*
 * run.h - running the compiler, the linker, and a judge with its runner,
 * through the sandbox, with a clean environment (nothing from the user's).
 */
#ifndef GRADER_RUN_H
#define GRADER_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "sandbox/sandbox.h"
#include "util/strbuf.h"

/* Wall-clock limit of one suite run (a test alone: WB_TIMEOUT_SECONDS). */
#define RUN_SUITE_SECONDS SANDBOX_DEFAULT_SECONDS
/* Wall-clock and CPU limit of the compiler or the linker on one file. */
#define RUN_TOOL_SECONDS 30.0
/* Output the student's code may print before it counts as flooding. */
#define RUN_OUTPUT_BYTES (256 * 1024)

/* The compiler or the linker: 0, or -1 when it could not be started. */
int run_tool(char *const *argv, const char *workdir,
	     const char *const *readable, struct sandbox_result *result);

/*
 * Another helper program (gnuplot, sim_c) the same way, with a wall-clock
 * and CPU limit of its own; it writes its results into files in workdir
 * (at most 256 MiB), the output captured is a message's worth.
 */
int run_tool_limited(char *const *argv, const char *workdir,
		     const char *const *readable, double seconds,
		     struct sandbox_result *result);

/* The largest report a judge may write; a longer one is a lost run. */
#define RUN_REPORT_BYTES ((size_t)4 << 20)

/*
 * One judged run: the judge (a suite program, trusted) and the runner (the
 * student's code, untrusted) each in a sandbox of its own, with its own
 * uid, joined by one socket (grader/wire/wire.h).  The judge writes its
 * report into a file the grader created and opened, which the runner
 * cannot reach; nothing the runner prints, writes or exits with reaches
 * the report except through the judge's checks.
 */
struct run_judged_job {
	const char *judge;	/* absolute path of the suite program */
	const char *runner;	/* the student's runner program; NULL: none */
	const char *workdir;	/* the runner's scratch folder */
	const char *judge_workdir; /* the judge's own, empty */
	const char *filter;	/* Criterion --filter pattern, or NULL */
	bool list_only;		/* only list the tests (WB_LIST_ENV) */
	uint64_t seed;
};

struct run_judged_result {
	struct sandbox_result judge;	/* how the judge ended */
	struct sandbox_result runner;	/* what the student's code printed */
	struct strbuf report;		/* the judge's report, complete */
	bool report_too_long;		/* longer than RUN_REPORT_BYTES */
	int start_error;		/* errno when it could not start, or 0 */
};

void run_judged_result_init(struct run_judged_result *result);
void run_judged_result_release(struct run_judged_result *result);

/*
 * Runs the judge against the runner (or alone, to list the tests).  0, or
 * -1 when the judge could not be started (errno set).
 */
int run_judged(const struct run_judged_job *job,
	       struct run_judged_result *result);

/* "SIGSEGV", "signal 77". */
const char *run_signal_name(int signal, char *buf, size_t size);

#endif /* GRADER_RUN_H */
