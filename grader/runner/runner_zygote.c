/*
 * runner_zygote.c - the runner's main: forks a fresh child for every test.
 *
 * The zygote never calls student code (the policy refuses constructors,
 * IFUNC resolvers and every section that could run code before main), so
 * it stays the clean parent of every test's process: a child that crashed,
 * looped or scribbled over its memory takes nothing with it.  It waits on:
 *   - the listening socket: each connection is one test of the judge, and
 *     gets a child of its own;
 *   - SIGCHLD: the wait status of a child that ended goes to the judge as a
 *     STATUS frame on that test's socket (the zygote kept a copy), so the
 *     judge can say "crashed with SIGSEGV"; before it, in an OUTPUT frame,
 *     what the child printed in the call that ended it (each child's
 *     stdout and stderr are a pipe whose read end the zygote keeps too);
 *   - hang-up of a test's socket: the judge gave up on that test (its
 *     time ran out), so the child, perhaps in an endless loop, is killed;
 *   - the lifeline: when the grader closes its end, the judge is done, and
 *     so is the zygote.
 */
#define _GNU_SOURCE
#include "runner.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* Tests served at once: the judge runs a few workers, each one test. */
#define RUNNER_MAX_CHILDREN 16

struct child {
	pid_t pid;
	int fd;			/* the zygote's copy of the test's socket */
	int output;		/* the read end of the child's stdout pipe */
};

struct zygote {
	int listener;
	int lifeline;		/* end of file: the judge is done */
	int signals;		/* signalfd for SIGCHLD */
	struct child children[RUNNER_MAX_CHILDREN];
	size_t count;
};

static void forget(struct zygote *z, size_t i)
{
	close(z->children[i].fd);
	close(z->children[i].output);
	z->children[i] = z->children[--z->count];
}

/*
 * The pipe a child prints into, non-blocking at both ends: a call that
 * prints more than it holds loses the rest instead of hanging (the judge
 * calls that a flood), and draining it never waits.
 */
static int output_pipe(int ends[2])
{
	if (pipe2(ends, O_NONBLOCK | O_CLOEXEC) != 0)
		return -1;
	/* Only a bound: the default size is the same on Linux. */
	if (fcntl(ends[0], F_SETPIPE_SZ, (int)WIRE_OUTPUT_PIPE_BYTES) < 0) {
	}
	return 0;
}

/* In the child: the zygote's descriptors closed, printing into the pipe. */
static void __attribute__((noreturn)) become_test(struct zygote *z, int fd,
						  const int output[2])
{
	sigset_t none;

	close(z->listener);
	close(z->lifeline);
	close(z->signals);
	for (size_t i = 0; i < z->count; i++) {
		close(z->children[i].fd);
		close(z->children[i].output);
	}
	if (dup2(output[1], STDOUT_FILENO) < 0 ||
	    dup2(output[1], STDERR_FILENO) < 0)
		_exit(RUNNER_EXIT_SETUP);
	close(output[1]);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGABRT, SIG_DFL);
	runner_serve(fd, output[0]);
}

/* Accepts one test's connection and forks its child. */
static void spawn(struct zygote *z)
{
	int fd = accept4(z->listener, NULL, NULL, SOCK_CLOEXEC);
	int output[2];
	pid_t pid;

	if (fd < 0)
		return;
	if (z->count == RUNNER_MAX_CHILDREN) {
		close(fd);	/* the judge reads end of file: no runner */
		return;
	}
	if (output_pipe(output) != 0) {
		close(fd);
		return;
	}
	if ((pid = fork()) < 0) {
		close(fd);
		close(output[0]);
		close(output[1]);
		return;
	}
	if (pid == 0)
		become_test(z, fd, output);
	close(output[1]);
	z->children[z->count++] = (struct child){ pid, fd, output[0] };
}

/* What the child printed in its last call, before its STATUS. */
static void send_last_output(const struct child *child)
{
	static unsigned char frame[WIRE_OUTPUT_KEPT_BYTES + 64];
	size_t len = runner_output_frame(child->output, frame, sizeof frame);

	/* A judge that already left needs no answer. */
	if (len && send(child->fd, frame, len,
			MSG_DONTWAIT | MSG_NOSIGNAL) < 0) {
	}
}

/* Reports the status of every child that ended. */
static void reap(struct zygote *z)
{
	struct signalfd_siginfo info;
	int status;
	pid_t pid;

	while (read(z->signals, &info, sizeof info) == sizeof info)
		;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (size_t i = 0; i < z->count; i++) {
			unsigned char frame[16];
			struct wire_writer w;

			if (z->children[i].pid != pid)
				continue;
			send_last_output(&z->children[i]);
			wire_writer_init(&w, frame, sizeof frame);
			wire_put_u8(&w, WIRE_STATUS);
			wire_put_u64(&w, (uint64_t)(unsigned)status);
			/* A judge that already left needs no answer. */
			if (send(z->children[i].fd, frame, w.len,
				 MSG_DONTWAIT | MSG_NOSIGNAL) < 0) {
			}
			forget(z, i);
			break;
		}
	}
}

static void end_all(struct zygote *z)
{
	for (size_t i = 0; i < z->count; i++)
		kill(z->children[i].pid, SIGKILL);
}

/* One round of poll; false when the zygote is done. */
static bool serve_round(struct zygote *z)
{
	struct pollfd fds[RUNNER_MAX_CHILDREN + 3];
	size_t n = 0;

	fds[n++] = (struct pollfd){ .fd = z->listener, .events = POLLIN };
	fds[n++] = (struct pollfd){ .fd = z->signals, .events = POLLIN };
	fds[n++] = (struct pollfd){ .fd = z->lifeline, .events = POLLIN };
	for (size_t i = 0; i < z->count; i++)
		fds[n++] = (struct pollfd){ .fd = z->children[i].fd };
	if (poll(fds, n, -1) < 0)
		return errno == EINTR;
	if (fds[1].revents)
		reap(z);
	if (fds[2].revents)
		return false;	/* the grader closed the lifeline */
	/* A hang-up: the judge closed the test's socket; end its child. */
	for (size_t i = 3; i < n; i++)
		if (fds[i].revents & (POLLHUP | POLLERR))
			for (size_t c = 0; c < z->count; c++)
				if (z->children[c].fd == fds[i].fd)
					kill(z->children[c].pid, SIGKILL);
	if (fds[0].revents & POLLIN)
		spawn(z);
	return true;
}

int main(void)
{
	struct zygote z = { .listener = RUNNER_LISTEN_FD,
			    .lifeline = RUNNER_LIFELINE_FD };
	sigset_t chld;

	if (fcntl(z.listener, F_GETFD) < 0 || fcntl(z.lifeline, F_GETFD) < 0) {
		fprintf(stderr, "runner: no socket on descriptor %d or no "
			"lifeline on %d: the grader starts this program, run "
			"build/grader\n", RUNNER_LISTEN_FD,
			RUNNER_LIFELINE_FD);
		return 2;
	}
	/* A child's abort() may not end the zygote (they share a uid). */
	signal(SIGABRT, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &chld, NULL) != 0 ||
	    (z.signals = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC)) < 0) {
		perror("runner: signalfd");
		return 2;
	}
	while (serve_round(&z))
		;
	end_all(&z);
	return 0;
}
