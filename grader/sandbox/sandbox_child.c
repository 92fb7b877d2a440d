/*
 * sandbox_child.c - the processes a job runs in: the keeper and the job.
 *
 *   grader --fork--> keeper (the grader's uid; child subreaper)
 *                      --fork--> job: setsid, stdio to the pipe, rlimits,
 *                                own uid, exec (bwrap or the program)
 *
 * The keeper waits until the job exits or the grader sends SIGTERM (wall
 * clock), then SIGKILLs the job's process group and, when the grader is
 * root, every process of the job's uid (which catches what left the group
 * with setsid), reaps everything that was reparented to it, reports the
 * job's wait status on a pipe and exits.  So when the keeper has exited,
 * no process of the job is left, zombies included.
 *
 * When the grader runs as root the job gets its own uid, SANDBOX_UID_BASE +
 * the job's pid: RLIMIT_NPROC binds only for a non-root uid and counts every
 * process of that uid, so a uid per job gives each job the whole limit, and
 * kill(-1) from that uid reaches exactly the job's processes.
 */
#define _GNU_SOURCE
#include "sandbox.h"
#include "sandbox_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How long the keeper waits for killed processes it cannot sweep by uid. */
#define REAP_SECONDS 1.0

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
static __attribute__((noreturn)) void child_fail(int error_fd)
{
	int error = errno;

	if (write(error_fd, &error, sizeof(error)) < 0) {
		/* Nothing left to report to. */
	}
	_exit(127);
}

/*
 * The passed descriptors become 3, 4, ... (moved above that range first,
 * so none is overwritten before it is copied); every descriptor above them,
 * whatever the grader inherited, is closed at exec.
 */
static int place_passed_fds(const struct sandbox_job *job)
{
	int first_free = 3 + (int)job->n_pass_fds;
	int moved[SANDBOX_MAX_PASS_FDS];

	for (size_t i = 0; i < job->n_pass_fds; i++)
		if ((moved[i] = fcntl(job->pass_fds[i], F_DUPFD_CLOEXEC,
				      first_free)) < 0)
			return -1;
	for (size_t i = 0; i < job->n_pass_fds; i++)
		if (dup2(moved[i], 3 + (int)i) < 0)
			return -1;
	if (close_range((unsigned)first_free, ~0U, CLOSE_RANGE_CLOEXEC) == 0)
		return 0;
	/* Kernels before 5.11: one descriptor at a time, as far as the
	 * limit of open files goes. */
	for (long fd = first_free; fd < sysconf(_SC_OPEN_MAX); fd++)
		fcntl((int)fd, F_SETFD, FD_CLOEXEC);
	return 0;
}

static __attribute__((noreturn)) void job_run(const struct sandbox_plan *plan)
{
	uid_t uid = SANDBOX_UID_BASE + (uid_t)getpid();

	if (setsid() < 0 || dup2(plan->null_fd, 0) < 0 ||
	    dup2(plan->out_fd, 1) < 0 || dup2(plan->out_fd, 2) < 0 ||
	    place_passed_fds(plan->job) != 0)
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


/* ---- the keeper ----------------------------------------------------------- */

/*
 * Reaps exited children other than the job; true when the job has exited
 * (left unreaped, so its pid, and with it its uid, stays taken).
 */
static bool reap_others(pid_t job)
{
	for (;;) {
		siginfo_t info;

		memset(&info, 0, sizeof(info));
		if (waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) != 0)
			return errno == ECHILD;
		if (info.si_pid == 0)
			return false;
		if (info.si_pid == job)
			return true;
		while (waitpid(info.si_pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
}

/* Returns when the job has exited or the grader sent SIGTERM. */
static void keeper_wait(const sigset_t *signals, pid_t job)
{
	for (;;) {
		siginfo_t info;

		if (sigwaitinfo(signals, &info) < 0)
			continue;	/* EINTR */
		if (info.si_signo == SIGTERM || reap_others(job))
			return;
	}
}

/* Reaps what is left; bounded, since without a uid sweep some may live on. */
static void keeper_reap_rest(const sigset_t *signals)
{
	double until = elapsed_now() + REAP_SECONDS;
	struct timespec tick = { 0, 10000000 };

	for (;;) {
		pid_t pid = waitpid(-1, NULL, WNOHANG);
		if (pid < 0 && errno == ECHILD)
			return;
		if (pid == 0 && elapsed_now() >= until)
			return;
		if (pid == 0 && sigtimedwait(signals, NULL, &tick) < 0 &&
		    errno != EAGAIN && errno != EINTR)
			return;
	}
}

/*
 * bwrap reports a program killed by signal N as exit status 128 + N; give it
 * back as the signal (a program that itself exits with 129-192 is misread).
 */
static int unwrap_status(int status)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) > 128 &&
	    WEXITSTATUS(status) - 128 < NSIG)
		return WEXITSTATUS(status) - 128;
	return status;
}

static void keeper_end_job(const struct sandbox_plan *plan, pid_t job,
			   const sigset_t *signals, int *status)
{
	kill(-job, SIGKILL);
	if (plan->drop_uid)
		sweep_uid(SANDBOX_UID_BASE + (uid_t)job);
	while (waitpid(job, status, 0) < 0 && errno == EINTR)
		;
	if (plan->isolated)
		*status = unwrap_status(*status);
	keeper_reap_rest(signals);
}

/*
 * Closes every descriptor but those in keep: the keeper was forked from a
 * grader that may hold another job's socket (the judge's end while the
 * runner starts), and a copy kept here would hide that job's end of file.
 */
/* Closes lo..hi; one at a time where close_range is missing (before 5.9). */
static void close_between(unsigned lo, unsigned hi)
{
	long open_max = sysconf(_SC_OPEN_MAX);

	if (close_range(lo, hi, 0) == 0)
		return;
	for (long fd = lo; fd <= (long)hi && fd < open_max; fd++)
		close((int)fd);
}

static void keep_only(int *keep, size_t n)
{
	unsigned next = 0;

	for (size_t i = 1; i < n; i++)	/* insertion sort: n is tiny */
		for (size_t j = i; j > 0 && keep[j - 1] > keep[j]; j--) {
			int t = keep[j];
			keep[j] = keep[j - 1];
			keep[j - 1] = t;
		}
	for (size_t i = 0; i < n; i++) {
		if (keep[i] < 0 || (unsigned)keep[i] < next)
			continue;
		if ((unsigned)keep[i] > next)
			close_between(next, (unsigned)keep[i] - 1);
		next = (unsigned)keep[i] + 1;
	}
	close_between(next, ~0U);
}

static void close_passed_fds(const struct sandbox_job *job)
{
	for (size_t i = 0; i < job->n_pass_fds; i++)
		close(job->pass_fds[i]);
}

void sandbox_keeper(const struct sandbox_plan *plan, int status_fd)
{
	int keep[SANDBOX_MAX_PASS_FDS + 7] = {
		0, 1, 2, status_fd, plan->null_fd, plan->out_fd, plan->error_fd,
	};
	sigset_t signals, previous;
	int status = 0;

	for (size_t i = 0; i < plan->job->n_pass_fds; i++)
		keep[7 + i] = plan->job->pass_fds[i];
	keep_only(keep, 7 + plan->job->n_pass_fds);

	sigemptyset(&signals);
	sigaddset(&signals, SIGCHLD);
	sigaddset(&signals, SIGTERM);
	/* SIGTERM also when the grader dies: the job is ended the same way. */
	if (sigprocmask(SIG_BLOCK, &signals, &previous) != 0 ||
	    prctl(PR_SET_CHILD_SUBREAPER, 1) != 0 ||
	    prctl(PR_SET_PDEATHSIG, SIGTERM) != 0)
		child_fail(plan->error_fd);
	pid_t job = fork();
	if (job == 0) {
		if (sigprocmask(SIG_SETMASK, &previous, NULL) != 0)
			child_fail(plan->error_fd);
		job_run(plan);
	}
	if (job < 0)
		child_fail(plan->error_fd);
	/* The pipes reach EOF when the job (and its children) closed them. */
	close(plan->out_fd);
	close(plan->error_fd);
	close_passed_fds(plan->job);
	keeper_wait(&signals, job);
	keeper_end_job(plan, job, &signals, &status);
	if (write(status_fd, &status, sizeof(status)) != sizeof(status))
		_exit(1);
	_exit(0);
}
