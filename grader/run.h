/*
 * run.h - running the compiler, the linker and the suites through the
 * sandbox, with a clean environment (nothing from the user's).
 */
#ifndef GRADER_RUN_H
#define GRADER_RUN_H

#include <stdint.h>

#include "sandbox.h"
#include "strbuf.h"

/* Wall-clock limit of one suite run (a test alone has 2 s). */
#define RUN_SUITE_SECONDS 20.0
/* Output a suite may print before it counts as flooding. */
#define RUN_OUTPUT_BYTES (256 * 1024)

/* The compiler or the linker: 0, or -1 when it could not be started. */
int run_tool(char *const *argv, const char *workdir,
	     const char *const *readable, struct sandbox_result *result);

struct run_suite_job {
	const char *binary;	/* absolute path of the suite program */
	const char *workdir;
	const char *report;	/* absolute path, created by run_suite */
	const char *filter;	/* Criterion --filter pattern, or NULL */
	uint64_t seed;
	const char *const *readable; /* more files it reads, or NULL */
};

/*
 * Runs a suite with --output=wb:REPORT; the report's text goes to
 * report_text (empty when it wrote none).  0, or -1 when it could not be
 * started (errno set).
 */
int run_suite(const struct run_suite_job *job, struct sandbox_result *result,
	      struct strbuf *report_text);

/* "SIGSEGV", "signal 77". */
const char *run_signal_name(int signal, char *buf, size_t size);

#endif /* GRADER_RUN_H */
