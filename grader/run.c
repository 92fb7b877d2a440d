/*
 * run.c - starting the compiler, the linker and the suite programs through
 * sandbox_run.
 */
#define _GNU_SOURCE
#include "run.h"

#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Big enough for cc1 and ld on one small file. */
#define TOOL_SECONDS 30.0
#define TOOL_MEMORY ((size_t)2 << 30)
#define TOOL_FILE_BYTES ((size_t)256 << 20)
#define TOOL_OUTPUT_BYTES ((size_t)64 << 10)

int run_tool(char *const *argv, const char *workdir,
	     const char *const *readable, struct sandbox_result *result)
{
	char *tmpdir = xstrfmt("TMPDIR=%s", workdir);
	char *envp[] = { "PATH=/usr/bin:/bin", "LANG=C", "LC_ALL=C", tmpdir,
			 NULL };
	struct sandbox_job job = {
		.argv = argv,
		.envp = envp,
		.workdir = workdir,
		.readable = readable,
	};
	int status;

	sandbox_limits_default(&job.limits);
	job.limits.wall_seconds = TOOL_SECONDS;
	job.limits.cpu_seconds = TOOL_SECONDS;
	if (job.limits.memory_bytes < TOOL_MEMORY)
		job.limits.memory_bytes = TOOL_MEMORY;
	if (job.limits.file_bytes < TOOL_FILE_BYTES)
		job.limits.file_bytes = TOOL_FILE_BYTES;
	job.limits.output_bytes = TOOL_OUTPUT_BYTES;
	status = sandbox_run(&job, result);
	free(tmpdir);
	return status;
}

static int create_empty(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int run_suite(const struct run_suite_job *job, struct sandbox_result *result,
	      struct strbuf *report_text)
{
	char *output = xstrfmt("--output=wb:%s", job->report);
	char *filter = job->filter ? xstrfmt("--filter=%s", job->filter) : NULL;
	char *seed = xstrfmt("WB_SEED=%" PRIu64, job->seed);
	/*
	 * Two Criterion workers: measured against 1 and 4 with the static
	 * runtime (docs/performance.md), 2 is as fast for one file and for
	 * a whole workbook, whose files already run side by side.
	 */
	char *argv[] = { (char *)job->binary, output, "--color=never", "-j2",
			 filter, NULL };
	char *envp[] = { seed, "LANG=C", "LC_ALL=C", "PATH=/usr/bin:/bin",
			 NULL };
	const char *readable[16] = { job->binary, job->report };
	struct sandbox_job sandbox_job = {
		.argv = argv,
		.envp = envp,
		.workdir = job->workdir,
		.readable = readable,
	};
	int status = -1;
	size_t n = 2;

	for (const char *const *r = job->readable; r && *r && n < 15; r++)
		readable[n++] = *r;
	sandbox_limits_default(&sandbox_job.limits);
	sandbox_job.limits.wall_seconds = RUN_SUITE_SECONDS;
	sandbox_job.limits.output_bytes = RUN_OUTPUT_BYTES;
	if (create_empty(job->report) == 0) {
		status = sandbox_run(&sandbox_job, result);
		if (status == 0)
			strbuf_read_file(report_text, job->report,
					 (size_t)16 << 20);
	}
	free(output);
	free(filter);
	free(seed);
	return status;
}

const char *run_signal_name(int signal, char *buf, size_t size)
{
	const char *abbrev = sigabbrev_np(signal);

	if (abbrev)
		snprintf(buf, size, "SIG%s", abbrev);
	else
		snprintf(buf, size, "signal %d", signal);
	return buf;
}
