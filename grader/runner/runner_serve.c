/*
 * runner_serve.c - a runner child: one test, one socket, one filter.
 *
 * The child reads which core the judge's test runs on (SPAWN) and pins
 * itself to it (a round trip between two cores costs about 25 times one
 * on the same core: docs/performance.md), says which contract functions
 * the file defines (HELLO), loads the seccomp filter and from then on only
 * answers CALL frames.  It ends when the judge closes the socket.
 */
#define _GNU_SOURCE
#include "runner.h"

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

static int test_socket = -1;
static int test_output = -1;	/* the read end of stdout's pipe */
static unsigned char in_frame[WIRE_MAX_FRAME];
static unsigned char out_frame[WIRE_MAX_FRAME];

static void send_frame(const struct wire_writer *w)
{
	/* write(), not send(): the filter allows read and write only. */
	if (w->overflow || write(test_socket, w->buf, w->len) != (ssize_t)w->len)
		_exit(RUNNER_EXIT_DONE);	/* the judge has gone */
}

/*
 * Reads one frame (a SOCK_SEQPACKET read is one whole message; the judge
 * never sends one longer than WIRE_MAX_FRAME); ends the child at end of
 * file.
 */
static size_t receive_frame(void)
{
	ssize_t n = read(test_socket, in_frame, sizeof in_frame);

	if (n <= 0)
		_exit(RUNNER_EXIT_DONE);
	return (size_t)n;
}

static void install_filter(void)
{
	struct sock_fprog prog = {
		.len = runner_filter_length,
		.filter = (struct sock_filter *)runner_filter,
	};

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
		_exit(RUNNER_EXIT_SETUP);
}

static void pin(unsigned cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	/* Only a speed-up: a core this process may not use is ignored. */
	if (cpu < CPU_SETSIZE && sched_setaffinity(0, sizeof set, &set) != 0) {
	}
}

size_t runner_output_frame(int output, unsigned char *frame, size_t cap)
{
	static char text[WIRE_OUTPUT_PIPE_BYTES];
	struct wire_writer w;
	size_t printed = 0;
	ssize_t n;

	/* The pipe holds at most its size: one pass empties it. */
	while (printed < sizeof text &&
	       (n = read(output, text + printed, sizeof text - printed)) > 0)
		printed += (size_t)n;
	if (!printed)
		return 0;
	wire_writer_init(&w, frame, cap);
	wire_encode_output(&w, printed, text, printed);
	return w.overflow ? 0 : w.len;
}

/* What the call printed, out before its answer. */
static void send_output(void)
{
	static unsigned char frame[WIRE_OUTPUT_KEPT_BYTES + 64];
	size_t len;

	fflush(NULL);
	len = runner_output_frame(test_output, frame, sizeof frame);
	if (len && write(test_socket, frame, len) != (ssize_t)len)
		_exit(RUNNER_EXIT_DONE);	/* the judge has gone */
}

double runner_callback(const double *x, size_t n, void *ctx)
{
	static unsigned char frame[WIRE_MAX_FRAME];
	struct wire_writer w;
	struct wire_reader r;
	double value;

	wire_writer_init(&w, frame, sizeof frame);
	wire_put_u8(&w, WIRE_CALLBACK);
	wire_put_u64(&w, (uint64_t)(uintptr_t)ctx);
	wire_put_doubles(&w, x, n);
	if (w.overflow) {	/* too many elements: tell the judge so */
		wire_writer_init(&w, frame, sizeof frame);
		wire_put_u8(&w, WIRE_CALLBACK);
		wire_put_u64(&w, (uint64_t)(uintptr_t)ctx);
		wire_put_u8(&w, 1);
		wire_put_u64(&w, n);
	}
	send_frame(&w);
	wire_reader_init(&r, in_frame, receive_frame());
	if (wire_get_u8(&r) != WIRE_VALUE)
		_exit(RUNNER_EXIT_PROTOCOL);
	value = wire_get_f64(&r);
	if (!wire_reader_done(&r))
		_exit(RUNNER_EXIT_PROTOCOL);
	return value;
}

void runner_serve(int fd, int output)
{
	struct wire_writer w;
	struct wire_reader r;
	unsigned cpu;

	test_socket = fd;
	test_output = output;
	/*
	 * stdout stays fully buffered (a pipe): a flood then costs a write
	 * per BUFSIZ bytes, not one per line, and ends well inside a test's
	 * time.  stderr is unbuffered: what it got before a crash is kept.
	 */
	wire_reader_init(&r, in_frame, receive_frame());
	if (wire_get_u8(&r) != WIRE_SPAWN)
		_exit(RUNNER_EXIT_PROTOCOL);
	cpu = wire_get_u32(&r);
	if (!wire_reader_done(&r))
		_exit(RUNNER_EXIT_PROTOCOL);
	pin(cpu);
	wire_writer_init(&w, out_frame, sizeof out_frame);
	wire_put_u8(&w, WIRE_HELLO);
	wire_put_u64(&w, runner_defined_functions());
	send_frame(&w);
	install_filter();
	for (;;) {
		wire_reader_init(&r, in_frame, receive_frame());
		wire_writer_init(&w, out_frame, sizeof out_frame);
		if (wire_get_u8(&r) != WIRE_CALL || runner_call(&r, &w) != 0)
			_exit(RUNNER_EXIT_PROTOCOL);
		/* What the call printed, out before the answer: the child
		 * may be ended at any moment after it. */
		send_output();
		send_frame(&w);
	}
}
