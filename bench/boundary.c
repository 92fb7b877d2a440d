/*
 * boundary.c - what one call across the judge-runner boundary costs: the
 * judge's proxy of sigmoid, answered by a runner child (the solution of
 * 01_sigmoid.c linked with build/runner/runner.o), beside the reference
 * called in the same process.  The runner is started as `make check`
 * starts it (no sandbox: the boundary is what is measured, not bwrap).
 *
 * Each call is one SEQPACKET round trip, both ends pinned to one core;
 * docs/performance.md explains why the pinning matters (about 3 us against
 * 70 across cores).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_table.h"
#include "reference.h"
#include "workbook.h"
#include "wire_socket.h"

#define WORK "build/bench/boundary-work"
#define CALLS 20000

static volatile double sink;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The runner's zygote, listening on WORK/runner.sock; its pid, or -1. */
static pid_t start_runner(int *lifeline)
{
	struct sockaddr_un address;
	int listener, ends[2];
	pid_t pid;

	if (system("mkdir -p " WORK " && cc -O2 -Iinclude -c "
		   "solutions/01_sigmoid.c -o " WORK "/sigmoid.o && cc "
		   "build/runner/runner.o " WORK "/sigmoid.o -lm -o " WORK
		   "/runner") != 0)
		return -1;
	unlink(WORK "/runner.sock");
	listener = wire_socket(WORK "/runner.sock", &address);
	if (listener < 0 || bind(listener, (struct sockaddr *)&address,
				 sizeof address) != 0 ||
	    listen(listener, 4) != 0 || pipe2(ends, O_CLOEXEC) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		/* Moved above 4 first: either may already be 3 or 4. */
		int l = fcntl(listener, F_DUPFD_CLOEXEC, 5);
		int e = fcntl(ends[0], F_DUPFD_CLOEXEC, 5);

		if (l < 0 || e < 0 || dup2(l, 3) < 0 || dup2(e, 4) < 0)
			_exit(127);
		execl(WORK "/runner", "runner", (char *)NULL);
		_exit(127);
	}
	close(listener);
	close(ends[0]);
	*lifeline = ends[1];
	setenv("WB_RUNNER_SOCKET", address.sun_path, 1);
	return pid;
}

static double per_call(double (*f)(double))
{
	double start = now();

	for (int i = 0; i < CALLS; i++)
		sink += f(-4.0 + 8.0 * i / CALLS);
	return (now() - start) / CALLS;
}

int main(void)
{
	char value[32], floor_text[32], ratio[16];
	double across, direct;
	int lifeline = -1;
	pid_t runner = start_runner(&lifeline);

	bench_table_section("4. the judge-runner boundary (sigmoid)");
	if (runner < 0) {
		bench_table_row("one call through the proxy", "error", "", "",
				"", "cannot build or start the runner");
		return 1;
	}
	sink += sigmoid(0.0);	/* connects: a fresh child, pinned */
	across = per_call(sigmoid);
	direct = per_call(ref_sigmoid);
	snprintf(value, sizeof value, "%.2f us", across * 1e6);
	snprintf(floor_text, sizeof floor_text, "%.3f us", direct * 1e6);
	bench_fmt_ratio(ratio, sizeof ratio, across, direct);
	bench_table_row("one call through the proxy", value, floor_text,
			ratio, "", "floor: the reference in-process");
	close(lifeline);
	waitpid(runner, NULL, 0);
	unlink(WORK "/runner.sock");
	return 0;
}
