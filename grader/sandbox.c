/*
 * sandbox.c - runs one untrusted program: limits, process group, captured
 * output, wall clock, and a sweep that leaves no process behind.
 *
 * Shape of a run (sandbox_run):
 *   parent                               child (forked)
 *   prepare env, argv, pipes      ->     setsid, stdio to the pipe, chdir,
 *                                        rlimits, drop to the job's uid,
 *                                        exec (bwrap or the program)
 *   poll output + child exit, until the child exits or the wall clock ends;
 *   then SIGKILL the group and every process of the job's uid, drain the
 *   pipe, reap.
 *
 * When the grader runs as root the job gets its own uid, SANDBOX_UID_BASE +
 * the child's pid: RLIMIT_NPROC binds only for a non-root uid and counts
 * every process of that uid, so a uid per job gives each job the whole limit,
 * and lets the sweep kill(-1) exactly the job's processes, including ones
 * that left the process group (setsid + double fork).
 */
#define _GNU_SOURCE
#include "sandbox.h"
#include "sandbox_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Seconds the pipe may stay open after the job was killed. */
#define DRAIN_GRACE_SECONDS 0.5
/* How long the sweep waits for killed processes to be reaped by their parent. */
#define SWEEP_WAIT_SECONDS 1.0

void sandbox_limits_default(struct sandbox_limits *limits)
{
	/* A suite runs each test in a forked worker with its own 2 s limit. */
	limits->wall_seconds = 20.0;
	limits->cpu_seconds = 20.0;
	limits->memory_bytes = (size_t)1 << 30;
	limits->file_bytes = (size_t)16 << 20;
	/* bwrap itself takes two; Criterion forks a worker per test. */
	limits->processes = 64;
	limits->output_bytes = (size_t)64 << 10;
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

static double now_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0.0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the child ------------------------------------------------------- */

static int limit(int resource, rlim_t value)
{
	struct rlimit rl = { value, value };

	return setrlimit(resource, &rl);
}

static int apply_limits(const struct sandbox_limits *l)
{
	/* The hard CPU limit one second later turns SIGXCPU into SIGKILL. */
	rlim_t cpu = (rlim_t)ceil(l->cpu_seconds > 0 ? l->cpu_seconds : 1);
	struct rlimit rl_cpu = { cpu, cpu + 1 };

	if (setrlimit(RLIMIT_CPU, &rl_cpu) != 0 ||
	    limit(RLIMIT_AS, l->memory_bytes) != 0 ||
	    limit(RLIMIT_FSIZE, l->file_bytes) != 0 ||
	    limit(RLIMIT_NPROC, l->processes) != 0 ||
	    limit(RLIMIT_CORE, 0) != 0)
		return -1;
	return 0;
}

/* getdents64 rather than opendir: the child must not call malloc. */
struct dirent64_raw {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

static int give_files(int dir, uid_t uid)
{
	char buf[4096];
	long n;

	while ((n = syscall(SYS_getdents64, dir, buf, sizeof(buf))) > 0) {
		for (long at = 0; at < n;) {
			struct dirent64_raw *d = (struct dirent64_raw *)(buf + at);
			struct stat st;

			at += d->reclen;
			if (fstatat(dir, d->name, &st, AT_SYMLINK_NOFOLLOW) != 0)
				return -1;
			if (S_ISREG(st.st_mode) && st.st_nlink == 1 &&
			    fchownat(dir, d->name, uid, uid,
				     AT_SYMLINK_NOFOLLOW) != 0)
				return -1;
		}
	}
	close(dir);
	return n < 0 ? -1 : 0;
}

/*
 * Gives the scratch folder and the files the caller created in it to the
 * job's uid.  Only regular files with one link: a hard link planted by an
 * earlier job must not turn this into a chown of someone else's file.
 */
static int give_workdir(const char *workdir, uid_t uid)
{
	int dir = open(workdir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dir < 0 || fchown(dir, uid, uid) != 0 || fchmod(dir, 0700) != 0)
		return -1;
	return give_files(dir, uid);
}

static int drop_privileges(uid_t uid)
{
	if (setgroups(0, NULL) != 0 || setresgid(uid, uid, uid) != 0 ||
	    setresuid(uid, uid, uid) != 0)
		return -1;
	/* Cleared by the uid change; so the job dies if the grader does. */
	return prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 ? -1 : 0;
}

/* Tells the parent why the child could not exec, then ends the child. */
static void child_fail(int error_fd)
{
	int error = errno;

	if (write(error_fd, &error, sizeof(error)) < 0) {
		/* Nothing left to report to. */
	}
	_exit(127);
}

static void child_run(const struct sandbox_plan *plan)
{
	uid_t uid = SANDBOX_UID_BASE + (uid_t)getpid();

	if (setsid() < 0 || dup2(plan->null_fd, 0) < 0 ||
	    dup2(plan->out_fd, 1) < 0 || dup2(plan->out_fd, 2) < 0)
		child_fail(plan->error_fd);
	if (plan->drop_uid && give_workdir(plan->job->workdir, uid) != 0)
		child_fail(plan->error_fd);
	/* bwrap changes directory itself, after the staging covered /tmp. */
	if (!plan->isolated && chdir(plan->job->workdir) != 0)
		child_fail(plan->error_fd);
	if (sandbox_stage_binds(plan) != 0 ||
	    apply_limits(&plan->job->limits) != 0)
		child_fail(plan->error_fd);
	if (plan->drop_uid && drop_privileges(uid) != 0)
		child_fail(plan->error_fd);
	execve(plan->argv[0], plan->argv, plan->envp);
	child_fail(plan->error_fd);
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

/* Whether the child has exited; it stays unreaped, so its pid stays ours. */
static bool child_exited(pid_t pid)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0)
		return errno == ECHILD;
	return info.si_pid != 0;
}

/*
 * Reads output until the child exits (true) or the deadline passes (false).
 * Without a pidfd the loop ticks every 20 ms to notice the exit.
 */
static bool watch(pid_t pid, int pidfd, int out, struct capture *c,
		  double deadline)
{
	for (;;) {
		if (child_exited(pid))
			return true;
		double left = deadline - now_seconds();
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
	double deadline = now_seconds() + DRAIN_GRACE_SECONDS;

	while (!c->eof) {
		double left = deadline - now_seconds();
		if (left <= 0)
			return;
		struct pollfd fd = { .fd = out, .events = POLLIN };
		if (poll(&fd, 1, (int)ceil(left * 1000.0)) > 0)
			capture_read(c, out);
	}
}

/*
 * SIGKILLs every process of the job's uid, from a helper that takes that
 * uid (kill(-1) spares only the caller).  Two passes: a fork racing the
 * first is caught by the second.
 */
static void sweep_uid(uid_t uid)
{
	pid_t killer = fork();

	if (killer == 0) {
		if (setgroups(0, NULL) != 0 || setresgid(uid, uid, uid) != 0 ||
		    setresuid(uid, uid, uid) != 0)
			_exit(1);
		kill(-1, SIGKILL);
		kill(-1, SIGKILL);
		_exit(0);
	}
	if (killer > 0)
		while (waitpid(killer, NULL, 0) < 0 && errno == EINTR)
			;
}

/* Whether some process (a zombie too) has real uid `uid`. */
static bool uid_has_processes(uid_t uid)
{
	DIR *proc = opendir("/proc");
	struct dirent *d;
	bool found = false;

	while (proc != NULL && !found && (d = readdir(proc)) != NULL) {
		char path[300], line[128];
		unsigned long real;
		FILE *f;

		if (d->d_name[0] < '1' || d->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/status", d->d_name);
		if ((f = fopen(path, "re")) == NULL)
			continue;	/* it just ended */
		while (fgets(line, sizeof(line), f) != NULL)
			if (sscanf(line, "Uid: %lu", &real) == 1) {
				found = real == uid;
				break;
			}
		fclose(f);
	}
	if (proc != NULL)
		closedir(proc);
	return found;
}

/* Killed processes vanish once their parent (often init) reaps them. */
static void wait_uid_gone(uid_t uid)
{
	double until = now_seconds() + SWEEP_WAIT_SECONDS;

	while (uid_has_processes(uid) && now_seconds() < until) {
		struct timespec ms = { 0, 2000000 };
		nanosleep(&ms, NULL);
	}
}

/* Ends the job: group, uid sweep, remaining output, reap. */
static void finish(const struct sandbox_plan *plan, pid_t pid, int out,
		   struct capture *c, struct sandbox_result *result)
{
	uid_t uid = SANDBOX_UID_BASE + (uid_t)pid;

	kill(-pid, SIGKILL);
	if (plan->drop_uid)
		sweep_uid(uid);
	drain(out, c);
	while (waitpid(pid, &result->wait_status, 0) < 0 && errno == EINTR)
		;
	if (plan->drop_uid)
		wait_uid_gone(uid);
}

static void supervise(const struct sandbox_plan *plan, pid_t pid, int out,
		      struct sandbox_result *result)
{
	const struct sandbox_limits *l = &plan->job->limits;
	struct capture c = { .cap = l->output_bytes };
	double start = now_seconds();
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);

	c.buf = malloc(c.cap + 1);
	if (c.buf == NULL)
		c.cap = 0;	/* still drained, nothing kept */
	if (fcntl(out, F_SETFL, O_NONBLOCK) != 0) {
		/* poll says when a read will not block; this only guards it */
	}
	result->timed_out = !watch(pid, pidfd, out, &c, start + l->wall_seconds);
	finish(plan, pid, out, &c, result);
	if (pidfd >= 0)
		close(pidfd);
	if (c.buf != NULL)
		c.buf[c.length] = '\0';
	result->output = c.buf;
	result->output_length = c.length;
	result->output_truncated = c.truncated;
	result->elapsed_seconds = now_seconds() - start;
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

static int open_pipes(struct sandbox_plan *plan, int out[2], int err[2])
{
	plan->null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (plan->null_fd < 0)
		return -1;
	if (pipe2(out, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(err, O_CLOEXEC) != 0) {
		close(out[0]);
		close(out[1]);
		return -1;
	}
	plan->out_fd = out[1];
	plan->error_fd = err[1];
	return 0;
}

int sandbox_execute(const struct sandbox_job *job, bool isolated,
		    struct sandbox_result *result)
{
	struct sandbox_plan plan;
	int out[2], err[2], error = 0;

	sandbox_result_init(result);
	if (sandbox_plan_build(&plan, job, isolated, geteuid() == 0) != 0)
		return -1;
	if (open_pipes(&plan, out, err) != 0) {
		error = errno;
		goto done;
	}
	pid_t pid = fork();
	if (pid == 0)
		child_run(&plan);
	if (pid < 0)
		error = errno;
	close(out[1]);
	close(err[1]);
	if (pid > 0 && (error = exec_error(err[0])) != 0)
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	else if (pid > 0)
		supervise(&plan, pid, out[0], result);
	close(out[0]);
	close(err[0]);
done:
	if (plan.null_fd >= 0)
		close(plan.null_fd);
	sandbox_plan_release(&plan);
	errno = error;
	return error != 0 ? -1 : 0;
}

int sandbox_run(const struct sandbox_job *job, struct sandbox_result *result)
{
	return sandbox_execute(job, sandbox_isolation_available(), result);
}
