/*
 * bench_proc.c - posix_spawn, wait4 and the clock.
 *
 * Why wait4 and not waitpid: the rusage it returns for a reaped child holds
 * the largest ru_maxrss of that child and of every descendant it reaped,
 * which is the grader's peak memory without sampling /proc.
 */
#include "bench_proc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int exit_code_of(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return -1;
}

/* Spawns argv with stdout/stderr to `out_fd` (or inherited when < 0). */
static pid_t spawn(char *const argv[], int out_fd)
{
	posix_spawn_file_actions_t actions;
	pid_t pid;
	int err;

	posix_spawn_file_actions_init(&actions);
	if (out_fd >= 0) {
		posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
		posix_spawn_file_actions_adddup2(&actions, out_fd, 2);
	}
	posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
	err = posix_spawnp(&pid, argv[0], &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	if (err) {
		errno = err;
		return -1;
	}
	return pid;
}

/* User and system time of a reaped child and every descendant it reaped. */
static double cpu_of(const struct rusage *usage)
{
	return (double)usage->ru_utime.tv_sec + usage->ru_utime.tv_usec * 1e-6 +
	       (double)usage->ru_stime.tv_sec + usage->ru_stime.tv_usec * 1e-6;
}

int bench_run_argv(char *const argv[], bool quiet, struct bench_run *run)
{
	int null_fd = -1, status;
	struct rusage usage;
	double start;
	pid_t pid;

	if (quiet)
		null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	start = bench_now();
	pid = spawn(argv, null_fd);
	if (null_fd >= 0)
		close(null_fd);
	if (pid < 0)
		return -1;
	while (wait4(pid, &status, 0, &usage) < 0)
		if (errno != EINTR)
			return -1;
	run->seconds = bench_now() - start;
	run->cpu_seconds = cpu_of(&usage);
	run->maxrss_kib = usage.ru_maxrss;
	run->exit_code = exit_code_of(status);
	return 0;
}

int bench_run_shell_set(char *const lines[], size_t count, unsigned jobs,
			struct bench_run *run)
{
	size_t next = 0, running = 0;
	int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	double start = bench_now();

	run->maxrss_kib = 0;
	run->cpu_seconds = 0;
	run->exit_code = 0;
	while (next < count || running > 0) {
		struct rusage usage;
		int status;

		while (next < count && running < jobs) {
			char *argv[] = { "/bin/sh", "-c", lines[next], NULL };

			if (spawn(argv, null_fd) < 0) {
				close(null_fd);
				return -1;
			}
			next++;
			running++;
		}
		if (wait4(-1, &status, 0, &usage) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		running--;
		run->cpu_seconds += cpu_of(&usage);
		if (usage.ru_maxrss > run->maxrss_kib)
			run->maxrss_kib = usage.ru_maxrss;
		if (!run->exit_code)
			run->exit_code = exit_code_of(status);
	}
	run->seconds = bench_now() - start;
	close(null_fd);
	return 0;
}

bool bench_executable(const char *path)
{
	return access(path, X_OK) == 0;
}

bool bench_output_mentions(char *const argv[], const char *needle)
{
	char path[] = "/tmp/bench-help-XXXXXX", buf[65536];
	int fd = mkstemp(path), status;
	bool found = false;
	ssize_t n;
	pid_t pid;

	if (fd < 0)
		return false;
	unlink(path);
	pid = spawn(argv, fd);
	if (pid >= 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		n = pread(fd, buf, sizeof buf - 1, 0);
		if (n > 0) {
			buf[n] = '\0';
			found = strstr(buf, needle) != NULL;
		}
	}
	close(fd);
	return found;
}
