/*
 * sandbox.c - the grader's side of a sandboxed run: starts the keeper (see
 * sandbox_child.c), captures the job's merged output up to the cap (and
 * drains the rest, so the job never blocks on a full pipe), enforces the
 * wall clock by telling the keeper to end the job, and collects the job's
 * wait status once the keeper has left nothing behind.
 */
#define _GNU_SOURCE
#include "sandbox.h"
#include "sandbox_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* Seconds the pipe may stay open after the keeper has exited. */
#define DRAIN_GRACE_SECONDS 0.5
/* How long the keeper may take to end a job once told to. */
#define KEEPER_GRACE_SECONDS 3.0

void sandbox_limits_default(struct sandbox_limits *limits)
{
	limits->wall_seconds = SANDBOX_DEFAULT_SECONDS;
	limits->cpu_seconds = SANDBOX_DEFAULT_SECONDS;
	limits->memory_bytes = SANDBOX_DEFAULT_MEMORY_BYTES;
	limits->file_bytes = SANDBOX_DEFAULT_FILE_BYTES;
	limits->processes = SANDBOX_DEFAULT_PROCESSES;
	limits->output_bytes = SANDBOX_DEFAULT_OUTPUT_BYTES;
}

void sandbox_result_init(struct sandbox_result *result)
{
	memset(result, 0, sizeof(*result));
}

void sandbox_result_release(struct sandbox_result *result)
{
	free(result->output);
	sandbox_result_init(result);
}

/* ---- the parent: output, wall clock, sweep ---------------------------- */

struct capture {
	char *buf;
	size_t length;
	size_t cap;		/* limits.output_bytes; buf has one more */
	bool truncated;
	bool eof;
};

/* One read; beyond the cap the bytes are dropped so the job never blocks. */
static void capture_read(struct capture *c, int fd)
{
	char chunk[16384];
	ssize_t n = read(fd, chunk, sizeof(chunk));

	if (n <= 0) {
		if (n == 0 || (errno != EINTR && errno != EAGAIN))
			c->eof = true;
		return;
	}
	size_t keep = c->cap - c->length;
	if ((size_t)n < keep)
		keep = (size_t)n;
	memcpy(c->buf + c->length, chunk, keep);
	c->length += keep;
	if (keep < (size_t)n)
		c->truncated = true;
}

/* Whether the keeper has exited; it stays unreaped until collected. */
static bool exited(pid_t pid)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0)
		return errno == ECHILD;
	return info.si_pid != 0;
}

/*
 * Reads output until the keeper exits (true) or the deadline passes (false).
 * Without a pidfd the loop ticks every 20 ms to notice the exit.
 */
static bool watch(pid_t pid, int pidfd, int out, struct capture *c,
		  double deadline)
{
	for (;;) {
		if (exited(pid))
			return true;
		double left = deadline - elapsed_now();
		if (left <= 0)
			return false;
		int ms = (int)ceil(left * 1000.0);
		if ((pidfd < 0 || c->eof) && ms > 20)
			ms = 20;
		struct pollfd fds[2] = {
			{ .fd = c->eof ? -1 : out, .events = POLLIN },
			{ .fd = pidfd, .events = POLLIN },
		};
		if (poll(fds, 2, ms) > 0 && fds[0].revents != 0)
			capture_read(c, out);
	}
}

/* Reads what the killed job left in the pipe, for a short while at most. */
static void drain(int out, struct capture *c)
{
	double deadline = elapsed_now() + DRAIN_GRACE_SECONDS;

	while (!c->eof) {
		double left = deadline - elapsed_now();
		if (left <= 0)
			return;
		struct pollfd fd = { .fd = out, .events = POLLIN };
		if (poll(&fd, 1, (int)ceil(left * 1000.0)) > 0)
			capture_read(c, out);
	}
}

/*
 * The job's status from the keeper, then the keeper reaped.  A keeper that
 * died without reporting (SIGKILLed) gives its own status.
 */
static void collect(pid_t keeper, int status_fd, struct sandbox_result *result)
{
	int status, keeper_status = 0;
	ssize_t n;

	while ((n = read(status_fd, &status, sizeof(status))) < 0 &&
	       errno == EINTR)
		;
	while (waitpid(keeper, &keeper_status, 0) < 0 && errno == EINTR)
		;
	result->wait_status = n == (ssize_t)sizeof(status) ? status
							   : keeper_status;
}

/*
 * On the wall clock, SIGTERM asks the keeper to end the job; a keeper that
 * does not finish within KEEPER_GRACE_SECONDS is killed.
 */
static void supervise(const struct sandbox_job *job, pid_t keeper, int out,
		      int status_fd, struct sandbox_result *result)
{
	struct capture c = { .cap = job->limits.output_bytes };
	double start = elapsed_now();
	int pidfd = (int)syscall(SYS_pidfd_open, keeper, 0);

	c.buf = malloc(c.cap + 1);
	if (c.buf == NULL)
		c.cap = 0;	/* still drained, nothing kept */
	if (fcntl(out, F_SETFL, O_NONBLOCK) != 0) {
		/* poll says when a read will not block; this only guards it */
	}
	if (!watch(keeper, pidfd, out, &c, start + job->limits.wall_seconds)) {
		result->timed_out = true;
		kill(keeper, SIGTERM);
		if (!watch(keeper, pidfd, out, &c,
			   elapsed_now() + KEEPER_GRACE_SECONDS))
			kill(keeper, SIGKILL);
	}
	drain(out, &c);
	collect(keeper, status_fd, result);
	if (pidfd >= 0)
		close(pidfd);
	if (c.buf != NULL)
		c.buf[c.length] = '\0';
	result->output = c.buf;
	result->output_length = c.length;
	result->output_truncated = c.truncated;
	result->elapsed_seconds = elapsed_now() - start;
}

/* Waits for the child's exec; returns 0, or the errno it could not exec with. */
static int exec_error(int error_fd)
{
	int error = 0;
	ssize_t n;

	while ((n = read(error_fd, &error, sizeof(error))) < 0 && errno == EINTR)
		;
	return n == (ssize_t)sizeof(error) ? error : 0;
}

struct pipes {
	int out[2];		/* the job's stdout and stderr */
	int err[2];		/* errno of a failed exec */
	int status[2];		/* the job's wait status, from the keeper */
};

static void close_fd(int *fd)
{
	if (*fd >= 0 && close(*fd) != 0) {
		/* a pipe end: nothing to flush, nothing to recover */
	}
	*fd = -1;
}

static void close_pipes(struct pipes *p)
{
	for (int i = 0; i < 2; i++) {
		close_fd(&p->out[i]);
		close_fd(&p->err[i]);
		close_fd(&p->status[i]);
	}
}

/* Close-on-exec everywhere: jobs started by other threads must not inherit. */
static int open_pipes(struct pipes *p)
{
	if (pipe2(p->out, O_CLOEXEC) != 0 || pipe2(p->err, O_CLOEXEC) != 0 ||
	    pipe2(p->status, O_CLOEXEC) != 0)
		return -1;
	return 0;
}

/* The caller's copies of the passed descriptors: the job owns them now. */
static void close_passed(const struct sandbox_job *job)
{
	int error = errno;

	for (size_t i = 0; i < job->n_pass_fds; i++)
		close(job->pass_fds[i]);
	errno = error;
}

int sandbox_execute(const struct sandbox_job *job, bool isolated,
		    struct sandbox_result *result)
{
	struct sandbox_plan plan;
	struct pipes p = { { -1, -1 }, { -1, -1 }, { -1, -1 } };
	int error = 0;

	sandbox_result_init(result);
	if (sandbox_plan_build(&plan, job, isolated, geteuid() == 0) != 0) {
		close_passed(job);
		return -1;
	}
	plan.null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (plan.null_fd < 0 || open_pipes(&p) != 0) {
		error = errno;
		close_passed(job);
		goto done;
	}
	plan.out_fd = p.out[1];
	plan.error_fd = p.err[1];
	pid_t keeper = fork();
	if (keeper == 0)
		sandbox_keeper(&plan, p.status[1]);
	if (keeper < 0)
		error = errno;
	close_passed(job);
	close_fd(&p.out[1]);
	close_fd(&p.err[1]);
	close_fd(&p.status[1]);
	/* A job that could not exec ends at once; its keeper follows. */
	if (keeper > 0 && (error = exec_error(p.err[0])) != 0)
		while (waitpid(keeper, NULL, 0) < 0 && errno == EINTR)
			;
	else if (keeper > 0)
		supervise(job, keeper, p.out[0], p.status[0], result);
done:
	close_pipes(&p);
	close_fd(&plan.null_fd);
	sandbox_plan_release(&plan);
	errno = error;
	return error != 0 ? -1 : 0;
}

int sandbox_run(const struct sandbox_job *job, struct sandbox_result *result)
{
	return sandbox_execute(job, sandbox_isolation_available(), result);
}
