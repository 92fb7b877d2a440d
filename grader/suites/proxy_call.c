/*
 * proxy_call.c - the judge's end of one test's socket: connecting to a
 * fresh runner child, sending a call, serving its callbacks, and turning
 * whatever comes back into values or into that test's failure.
 *
 * Nothing the runner sends is believed beyond what it can prove: its
 * outputs are plain numbers the suite checks against the reference, the
 * arrays must come back with exactly the shape they were sent, a callback
 * must carry the token and the length it was given, and a process that
 * crashed or exited can only fail its own test.
 */
#define _GNU_SOURCE
#include "proxy.h"

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/options.h>

#include "check.h"
#include "wire_socket.h"

/* What a runner child exits with on its own (grader/runner/runner.h). */
#define RUNNER_EXIT_SETUP 120
#define RUNNER_EXIT_PROTOCOL 121

static struct {
	bool tried;		/* connect() ran in this test's worker */
	int fd;			/* this test's socket, or -1 */
	uint64_t defined;	/* HELLO: the functions the file defines */
} runner = { false, -1, 0 };

static unsigned char frame[WIRE_MAX_FRAME];

/* What this test (this worker) kept of the printed output so far. */
static struct {
	size_t kept;
	bool cut;		/* some was left out, and the report says so */
} output;

/* Records the failure and ends the test. */
static void __attribute__((noreturn, format(printf, 1, 2)))
fail_test(const char *format, ...)
{
	char message[1024];
	va_list args;

	va_start(args, format);
	vsnprintf(message, sizeof message, format, args);
	va_end(args);
	cr_assert_fail("%s", message);
	abort();	/* not reached: cr_assert_fail ends the test */
}

/*
 * The core this test and its runner share: a round trip within one core
 * costs a few microseconds, across two about 70 (docs/performance.md).
 * Consecutive workers take different cores of those allowed.
 */
static unsigned choose_cpu(void)
{
	cpu_set_t allowed, mine;
	int count, pick, seen = 0;

	if (sched_getaffinity(0, sizeof allowed, &allowed) != 0 ||
	    (count = CPU_COUNT(&allowed)) <= 0)
		return 0;
	pick = (int)(getpid() % count);
	for (unsigned cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &allowed) || seen++ != pick)
			continue;
		CPU_ZERO(&mine);
		CPU_SET(cpu, &mine);
		if (sched_setaffinity(0, sizeof mine, &mine) != 0) {
			/* only a speed-up */
		}
		return cpu;
	}
	return 0;
}

/* Connects to the runner's socket (WB_RUNNER_SOCKET, a path). */
static int connect_socket(const char *path)
{
	struct sockaddr_un address;
	int fd = wire_socket(path, &address);

	if (fd >= 0 && connect(fd, (struct sockaddr *)&address,
			       sizeof address) != 0) {
		int error = errno;

		close(fd);
		errno = error;
		return -1;
	}
	return fd;
}

/* One frame from the runner; 0 at end of file.  Ends the test on error. */
static size_t receive(void)
{
	ssize_t n;

	do
		n = recv(runner.fd, frame, sizeof frame, MSG_TRUNC);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		fail_test("the test lost the process running your code (%s); "
			  "grade again, and report it if it persists",
			  strerror(errno));
	if ((size_t)n > sizeof frame)
		fail_test("the process running your code sent a message "
			  "longer than any answer can be: counted as failed");
	return (size_t)n;
}

static void __attribute__((noreturn)) ended(uint64_t status, bool hello);
static void send_frame(const struct wire_writer *w);

/*
 * Connects to the zygote, which forks a child for this test alone, tells
 * it the core to share (SPAWN) and reads its HELLO.
 */
static void connect_runner(void)
{
	const char *path = getenv("WB_RUNNER_SOCKET");
	unsigned char spawn[8];
	struct wire_writer w;
	struct wire_reader r;
	size_t n;

	runner.tried = true;
	if (!path || !*path)
		return;		/* listing the tests: nothing is defined */
	runner.fd = connect_socket(path);
	if (runner.fd < 0)
		fail_test("the test could not reach the process running your "
			  "file (%s); grade again, and report it if it "
			  "persists", strerror(errno));
	wire_writer_init(&w, spawn, sizeof spawn);
	wire_put_u8(&w, WIRE_SPAWN);
	wire_put_u32(&w, choose_cpu());
	send_frame(&w);
	n = receive();
	wire_reader_init(&r, frame, n);
	switch (n ? wire_get_u8(&r) : 0) {
	case WIRE_HELLO:
		runner.defined = wire_get_u64(&r);
		if (wire_reader_done(&r))
			return;
		break;
	case WIRE_STATUS:
		ended(wire_get_u64(&r), true);
	case 0:
		fail_test("the process running your file could not start a "
			  "test (too many at once?); grade again");
	}
	fail_test("the process running your file answered with a malformed "
		  "message: counted as failed; write only with printf and "
		  "friends");
}

bool wb_proxy_defined(const char *name)
{
	if (!runner.tried)
		connect_runner();
	for (unsigned id = 0; id < WIRE_FUNCTIONS; id++)
		if (strcmp(wire_function_name(id), name) == 0)
			return runner.defined >> id & 1;
	return false;
}

/* The runner child ended: the test fails with what ended it. */
static void ended(uint64_t status, bool hello)
{
	int s = (int)status;

	if (WIFSIGNALED(s))
		fail_test(WB_PROXY_CRASHED "%d]", WTERMSIG(s));
	if (WIFEXITED(s) && WEXITSTATUS(s) == RUNNER_EXIT_SETUP)
		fail_test("the sandbox could not load its system-call filter "
			  "for your code; report it to your instructor");
	if (WIFEXITED(s) && WEXITSTATUS(s) == RUNNER_EXIT_PROTOCOL && !hello)
		fail_test("the process running your code stopped on a "
			  "malformed call (a grader bug); report it");
	fail_test(WB_PROXY_EXITED "%d]", WIFEXITED(s) ? WEXITSTATUS(s) : -1);
}

static void send_frame(const struct wire_writer *w)
{
	/* The zygote keeps the socket open, so a dead child still reads as
	 * a STATUS frame after this. */
	if (send(runner.fd, w->buf, w->len, MSG_NOSIGNAL) != (ssize_t)w->len)
		fail_test("the test lost the process running your code (%s); "
			  "grade again, and report it if it persists",
			  strerror(errno));
}

/* f(x, n, ctx) for the runner: the suite's own function, in this process. */
static void serve_callback(const struct wire_call *call, const char *name,
			   struct wire_reader *r)
{
	static double x[WIRE_MAX_ELEMENTS];
	const struct wire_arg *fn = NULL, *ctx = NULL;
	unsigned char answer[16];
	struct wire_writer w;

	for (unsigned i = 0; i < call->nargs; i++) {
		if (call->args[i].kind == WIRE_ARG_FN)
			fn = &call->args[i];
		if (call->args[i].kind == WIRE_ARG_CTX)
			ctx = &call->args[i];
	}
	if (!fn || !ctx || fn->count > WIRE_MAX_ELEMENTS ||
	    wire_decode_callback(r, ctx->size, fn->count, x) != 0)
		fail_test("%s: called f with an x, n or ctx other than the "
			  "ones it was given\nhint:     call f(x, n, ctx) with "
			  "its own x, n and ctx, perturbing x in place",
			  name);
	wire_writer_init(&w, answer, sizeof answer);
	wire_put_u8(&w, WIRE_VALUE);
	wire_put_f64(&w, fn->fn(x, (size_t)fn->count, ctx->ctx));
	send_frame(&w);
}

/* Keeps text (n bytes, NUL-terminated) as a passing assertion. */
static void keep_output(char *text, size_t n, bool cut)
{
	size_t room = WIRE_OUTPUT_KEPT_BYTES - output.kept;

	if (output.cut)
		return;
	/* A NUL would end the message early; the report shows it as '?'. */
	for (size_t i = 0; i < n; i++)
		text[i] = text[i] ? text[i] : '\x01';
	if (n > room) {
		n = room;
		cut = true;
	}
	text[n] = '\0';
	/* Passing assertions reach the reporter only with full stats. */
	criterion_options.full_stats = true;
	if (n)
		cr_expect(1, WB_PROXY_OUTPUT "%s", text);
	output.kept += n;
	if (cut) {
		cr_expect(1, WB_PROXY_OUTPUT "\n[the rest is not shown: a test "
			  "keeps the first %zu bytes printed]\n",
			  WIRE_OUTPUT_KEPT_BYTES);
		output.cut = true;
	}
}

/*
 * An OUTPUT frame: what the student's code printed.  A flood fails the
 * test; the rest is kept for the report, and shown on the terminal of a
 * student running make check (WB_RUNNER).
 */
static void printed(const char *name, struct wire_reader *r)
{
	static char text[WIRE_OUTPUT_KEPT_BYTES + 1];
	uint64_t total;
	size_t n;

	if (wire_decode_output(r, text, &n, &total) != 0)
		fail_test("%s: the process running your code answered with a "
			  "malformed message: counted as failed", name);
	if (getenv("WB_RUNNER") && fwrite(text, 1, n, stderr) != n) {
		/* the student's terminal: nothing to recover */
	}
	if (total >= WIRE_OUTPUT_FLOOD_BYTES)
		fail_test("%s printed more than %zu KiB of output in one call: "
			  "remove the printf calls (debugging output), or print "
			  "less", name, WIRE_OUTPUT_FLOOD_BYTES >> 10);
	keep_output(text, n, total > n);
}

static double returned(const struct wire_call *call, const char *name,
		       struct wire_reader *r)
{
	struct wire_return ret;

	if (wire_decode_return(r, call, &ret) != 0)
		fail_test("%s: the process running your code answered with a "
			  "malformed message: counted as failed; write "
			  "only with printf and friends, never to a "
			  "descriptor of your own", name);
	for (unsigned i = 0; i < call->nargs; i++)
		if (ret.overrun >> i & 1)
			fail_test("%s: wrote outside the array %s (%llu "
				  "elements)\nhint:     write only indices 0 "
				  ".. n-1 (or n*k-1) of each array; check "
				  "your loop bounds", name, call->args[i].name,
				  (unsigned long long)call->args[i].count);
	for (unsigned i = 0; i < call->nargs; i++)
		if (ret.modified >> i & 1)
			fail_test("%s: modified its input %s, which is "
				  "read-only (const)\nhint:     write results "
				  "only into the output arrays; copy an input "
				  "first if you need to change it", name,
				  call->args[i].name);
	if (ret.flags & WIRE_RETURN_TODO) {
		if (wb_probing)
			return NAN;
		fail_test(WB_NOT_IMPLEMENTED ": %s() still calls "
			  "workbook_todo(); replace that call with your code",
			  name);
	}
	return ret.value;
}

double wb_proxy_call(struct wire_call *call)
{
	const char *name = wire_function_name(call->function);
	struct wire_writer w;
	struct wire_reader r;

	if (!wb_proxy_defined(name)) {
		if (wb_probing)
			return NAN;
		fail_test(WB_NOT_IMPLEMENTED ": %s() is not defined in your "
			  "file (missing, misspelled, or declared static?)",
			  name);
	}
	wire_writer_init(&w, frame, sizeof frame);
	if (!wire_encode_call(&w, call))
		fail_test("%s: the test's inputs do not fit in one message "
			  "(a grader bug); report it", name);
	send_frame(&w);
	for (;;) {
		size_t n = receive();

		wire_reader_init(&r, frame, n);
		switch (n ? wire_get_u8(&r) : 0) {
		case WIRE_CALLBACK:
			serve_callback(call, name, &r);
			break;
		case WIRE_OUTPUT:
			printed(name, &r);
			break;
		case WIRE_RETURN:
			return returned(call, name, &r);
		case WIRE_STATUS:
			ended(wire_get_u64(&r), false);
		case 0:
			fail_test("%s: the process running your code ended "
				  "without an answer: counted as failed", name);
		default:
			fail_test("%s: the process running your code answered "
				  "with a malformed message: counted as failed; "
				  "write only with printf and friends",
				  name);
		}
	}
}
