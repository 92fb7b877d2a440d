/*
 * proxy_local.c - `make check`: the judge starts the runner itself.
 *
 * The grader starts judge and runner in sandboxes of their own; a student
 * running one suite by hand (make check EX=02) has no grader, so a judge
 * given WB_RUNNER=PROGRAM (and no WB_RUNNER_SOCKET) starts that runner
 * before its first test, unsandboxed (it is the student's own code on the
 * student's own machine), with a listening socket in a temporary folder
 * and a lifeline the judge holds until it exits.
 */
#define _GNU_SOURCE
#include "proxy.h"
#include "wire_socket.h"

#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static char folder[] = "/tmp/wb-check-XXXXXX";
static char socket_path[sizeof folder + 16];

static void remove_folder(void)
{
	unlink(socket_path);
	rmdir(folder);
}

static int listen_socket(void)
{
	struct sockaddr_un address;
	int fd;

	if (!mkdtemp(folder))
		return -1;
	snprintf(socket_path, sizeof socket_path, "%s/runner.sock", folder);
	atexit(remove_folder);
	fd = wire_socket(socket_path, &address);
	if (fd < 0 || bind(fd, (struct sockaddr *)&address, sizeof address) ||
	    listen(fd, 16) != 0)
		return -1;
	return fd;
}

/* In the runner: the socket as 3, the lifeline as 4, then exec. */
static void __attribute__((noreturn)) exec_runner(const char *program,
						  int listener, int lifeline)
{
	/* Moved above 4 first: either may already be 3 or 4. */
	listener = fcntl(listener, F_DUPFD_CLOEXEC, 5);
	lifeline = fcntl(lifeline, F_DUPFD_CLOEXEC, 5);
	if (listener < 0 || lifeline < 0 || dup2(listener, 3) < 0 ||
	    dup2(lifeline, 4) < 0)
		_exit(127);
	execl(program, program, (char *)NULL);
	fprintf(stderr, "wb: cannot run %s\n", program);
	_exit(127);
}

static void start_local_runner(void)
{
	const char *program = getenv("WB_RUNNER");
	int listener, lifeline[2];
	pid_t pid;

	if (!program || !*program || getenv("WB_RUNNER_SOCKET"))
		return;
	listener = listen_socket();
	if (listener < 0 || pipe2(lifeline, O_CLOEXEC) != 0 ||
	    (pid = fork()) < 0) {
		perror("wb: cannot start the runner");
		return;		/* every test then says it cannot reach it */
	}
	if (pid == 0)
		exec_runner(program, listener, lifeline[0]);
	close(listener);
	close(lifeline[0]);
	/* lifeline[1] stays open (close-on-exec) until the judge exits. */
	setenv("WB_RUNNER_SOCKET", socket_path, 1);
}

ReportHook(PRE_ALL)(struct criterion_test_set *tests)
{
	(void)tests;
	start_local_runner();
}
