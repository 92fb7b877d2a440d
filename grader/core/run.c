/*
 * run.c - starting the compiler, the linker, and a judge with its runner,
 * through sandbox_run.
 */
#define _GNU_SOURCE
#include "run.h"
#include "wb_format.h"
#include "wire/wire_socket.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/stat.h>
#include <unistd.h>

/* The runner's socket, in the judge's scratch folder (its cwd). */
#define RUN_RUNNER_SOCKET "runner.sock"
/*
 * How much longer than the judge the runner may live: it ends when the
 * judge hangs up, so this only bounds a runner whose judge vanished.
 */
#define RUN_RUNNER_GRACE_SECONDS 5.0
/* Connections not yet accepted: the judge runs two tests at a time. */
#define RUN_RUNNER_BACKLOG 16

/* Big enough for cc1 and ld on one small file. */
#define TOOL_MEMORY ((size_t)2 << 30)
#define TOOL_FILE_BYTES ((size_t)256 << 20)
#define TOOL_OUTPUT_BYTES ((size_t)64 << 10)

int run_tool_limited(char *const *argv, const char *workdir,
		     const char *const *readable, double seconds,
		     struct sandbox_result *result)
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
	job.limits.wall_seconds = seconds;
	job.limits.cpu_seconds = seconds;
	if (job.limits.memory_bytes < TOOL_MEMORY)
		job.limits.memory_bytes = TOOL_MEMORY;
	if (job.limits.file_bytes < TOOL_FILE_BYTES)
		job.limits.file_bytes = TOOL_FILE_BYTES;
	job.limits.output_bytes = TOOL_OUTPUT_BYTES;
	status = sandbox_run(&job, result);
	free(tmpdir);
	return status;
}

int run_tool(char *const *argv, const char *workdir,
	     const char *const *readable, struct sandbox_result *result)
{
	return run_tool_limited(argv, workdir, readable, RUN_TOOL_SECONDS,
				result);
}

void run_judged_result_init(struct run_judged_result *result)
{
	sandbox_result_init(&result->judge);
	sandbox_result_init(&result->runner);
	strbuf_init(&result->report);
	result->report_too_long = false;
	result->start_error = 0;
}

void run_judged_result_release(struct run_judged_result *result)
{
	sandbox_result_release(&result->judge);
	sandbox_result_release(&result->runner);
	strbuf_release(&result->report);
}

/* The runner in its sandbox, on a thread of its own while the judge runs. */
struct runner_thread {
	struct sandbox_job job;
	char *argv[2];
	const char *readable[2];
	struct sandbox_result *result;
	int status;
	int error;
};

static void *run_runner(void *arg)
{
	struct runner_thread *t = arg;

	t->status = sandbox_run(&t->job, t->result);
	t->error = errno;
	return NULL;
}

/* Reads the report the judge wrote through its copy of fd. */
static void read_report(int fd, struct run_judged_result *result)
{
	struct stat st;
	char buf[65536];
	ssize_t n;

	if (fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_SET) != 0)
		return;
	if ((size_t)st.st_size > RUN_REPORT_BYTES) {
		result->report_too_long = true;
		return;
	}
	while ((n = read(fd, buf, sizeof buf)) > 0 &&
	       result->report.len + (size_t)n <= RUN_REPORT_BYTES)
		strbuf_add(&result->report, buf, (size_t)n);
}

static void limit_run(struct sandbox_job *job, double seconds)
{
	sandbox_limits_default(&job->limits);
	job->limits.wall_seconds = seconds;
	job->limits.cpu_seconds = seconds;
	job->limits.output_bytes = RUN_OUTPUT_BYTES;
}

/*
 * The socket the judge's tests connect to: a path inside the judge's own
 * scratch folder, which only the judge's sandbox shows; the runner gets the
 * listening descriptor itself.  -1 with errno set.
 */
static int listen_socket(const char *path)
{
	struct sockaddr_un address;
	int fd = wire_socket(path, &address);

	if (fd < 0)
		return -1;
	/* The judge runs as a uid of its own: it must be able to connect. */
	if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0 ||
	    chmod(path, 0666) != 0 || listen(fd, RUN_RUNNER_BACKLOG) != 0) {
		int error = errno;

		close(fd);
		errno = error;
		return -1;
	}
	return fd;
}

/*
 * Starts the runner's thread: its listening socket as descriptor 3, the
 * read end of the lifeline as 4; the write end, in *lifeline, is closed
 * once the judge is done, and the runner ends with it.
 */
static int start_runner(const struct run_judged_job *job, const char *path,
			pthread_t *thread, struct runner_thread *t,
			int *lifeline)
{
	static char *const envp[] = { "LANG=C", "LC_ALL=C", NULL };
	int listener = listen_socket(path), pipe_ends[2];

	if (listener < 0)
		return -1;
	if (pipe2(pipe_ends, O_CLOEXEC) != 0) {
		close(listener);
		return -1;
	}
	t->job.argv = t->argv;
	t->job.envp = envp;
	t->job.workdir = job->workdir;
	t->job.readable = t->readable;
	/* It outlives the judge a little: it ends when the judge has. */
	limit_run(&t->job, RUN_SUITE_SECONDS + RUN_RUNNER_GRACE_SECONDS);
	t->job.pass_fds[0] = listener;
	t->job.pass_fds[1] = pipe_ends[0];
	t->job.n_pass_fds = 2;
	*lifeline = pipe_ends[1];
	errno = pthread_create(thread, NULL, run_runner, t);
	if (errno != 0) {
		close(listener);
		close(pipe_ends[0]);
		close(pipe_ends[1]);
		return -1;
	}
	return 0;
}

int run_judged(const struct run_judged_job *job,
	       struct run_judged_result *result)
{
	char *seed = xstrfmt("WB_SEED=%" PRIu64, job->seed);
	char *filter = job->filter ? xstrfmt("--filter=%s", job->filter) : NULL;
	/* See docs/performance.md for why two Criterion workers. */
	char *argv[] = { (char *)job->judge, "--output=wb:/dev/null",
			 "--color=never", "-j2", filter, NULL };
	char *envp[] = { seed, "WB_REPORT_FD=3", "LANG=C", "LC_ALL=C",
			 "PATH=/usr/bin:/bin", NULL, NULL };
	char *path = xstrfmt("%s/" RUN_RUNNER_SOCKET, job->judge_workdir);
	const char *readable[] = { job->judge, NULL };
	struct sandbox_job judge = {
		.argv = argv, .envp = envp, .workdir = job->judge_workdir,
		.readable = readable,
	};
	struct runner_thread t = { .result = &result->runner };
	int report = memfd_create("wb-report", MFD_CLOEXEC), status = -1;
	pthread_t thread;
	int lifeline = -1;

	(void)sandbox_mode();	/* the probe runs once, before the thread */
	t.argv[0] = (char *)job->runner;
	t.readable[0] = job->runner;
	limit_run(&judge, RUN_SUITE_SECONDS);
	if (report < 0 || (judge.pass_fds[0] = dup(report)) < 0)
		goto done;
	judge.n_pass_fds = 1;
	if (job->runner) {
		if (start_runner(job, path, &thread, &t, &lifeline) != 0) {
			close(judge.pass_fds[0]);
			goto done;
		}
		envp[5] = "WB_RUNNER_SOCKET=" RUN_RUNNER_SOCKET;
	} else if (job->list_only) {
		envp[5] = WB_LIST_ENV "=1";
	}
	status = sandbox_run(&judge, &result->judge);
	if (status == 0)
		read_report(report, result);
done:
	if (status != 0)
		result->start_error = errno ? errno : EIO;
	if (lifeline >= 0) {
		close(lifeline);
		pthread_join(thread, NULL);
		unlink(path);
	}
	if (report >= 0)
		close(report);
	free(path);
	free(seed);
	free(filter);
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
