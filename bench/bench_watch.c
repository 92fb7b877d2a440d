/*
 * bench_watch.c - save-to-verdict latency of build/grader --watch.
 *
 * The watch runs on a copy of the solutions with its output on a pipe (so
 * verdicts are appended, not redrawn); each run rewrites 02_bce.c with an
 * edit never seen before and times from the write to the moment the
 * verdict's last line ("graded 02_bce.c in", from -v) reaches the pipe:
 * the debounce, the grading and the report, everything the student waits
 * for.
 */
#define _GNU_SOURCE
#include "bench_watch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_gen.h"
#include "bench_proc.h"
#include "bench_table.h"

#define WATCH_DIR "build/bench/watch"
#define WATCH_RUNS_MAX 64
/* Generous limits, not timings: the first grading, then one verdict. */
#define WATCH_START_SECONDS 120.0
#define WATCH_VERDICT_SECONDS 20.0

struct watch_proc {
	pid_t pid;
	int out;
	char text[1 << 16];
	size_t len;
};

/* Reads until `needle` appears after `from`; false on timeout or EOF. */
static bool read_until(struct watch_proc *w, size_t from, const char *needle,
		       double seconds)
{
	double end = bench_now() + seconds;

	while (!strstr(w->text + from, needle)) {
		struct pollfd fd = { .fd = w->out, .events = POLLIN };
		int left = (int)((end - bench_now()) * 1000.0);
		ssize_t n;

		if (left <= 0 || poll(&fd, 1, left) <= 0)
			return false;
		/* Keep the tail only: a verdict's lines are what we look for. */
		if (w->len > sizeof w->text / 2) {
			w->len = 0;
			from = 0;
		}
		n = read(w->out, w->text + w->len, sizeof w->text - w->len - 1);
		if (n <= 0)
			return false;
		w->len += (size_t)n;
		w->text[w->len] = '\0';
	}
	return true;
}

static int start(const struct bench_config *c, struct watch_proc *w)
{
	int fds[2];

	if (pipe2(fds, O_CLOEXEC) != 0)
		return -1;
	w->len = 0;
	w->text[0] = '\0';
	w->pid = fork();
	if (w->pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		execl(c->grader, c->grader, "--watch", "-v", "--seed", "1",
		      "--only", "02_bce.c", WATCH_DIR, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	w->out = fds[0];
	return w->pid > 0 ? 0 : -1;
}

static void stop(struct watch_proc *w)
{
	if (w->pid > 0) {
		kill(w->pid, SIGINT);
		waitpid(w->pid, NULL, 0);
	}
	close(w->out);
}

void bench_watch(const struct bench_config *c)
{
	static struct watch_proc w;
	double seconds[WATCH_RUNS_MAX];
	unsigned n = 0, edit = (unsigned)time(NULL) * 256u + 128u;
	char value[32];
	const char *note = "";

	bench_table_section("1b. grader --watch: a save of 02_bce.c to its verdict");
	if (bench_copy_submission("solutions", WATCH_DIR) != 0 ||
	    start(c, &w) != 0) {
		bench_table_row("grader --watch", "error", "", "", "",
				"cannot start it");
		return;
	}
	if (!read_until(&w, 0, "Watching ", WATCH_START_SECONDS))
		note = "error: no first status";
	for (unsigned r = 0; !*note && r < c->runs && n < WATCH_RUNS_MAX;
	     r++) {
		size_t mark = w.len;
		double saved = bench_now();

		bench_edit_file(WATCH_DIR, "02_bce.c", ++edit);
		if (!read_until(&w, mark, "graded 02_bce.c in",
				WATCH_VERDICT_SECONDS)) {
			note = "error: no verdict";
			break;
		}
		seconds[n++] = bench_now() - saved;
	}
	stop(&w);
	if (!n) {
		bench_table_row("save to verdict", "n/a", "", "", "", note);
		return;
	}
	bench_fmt_seconds(value, sizeof value, bench_median(seconds, n));
	bench_table_row("save to verdict (median)", value, "", "", "< 0.3 s",
			*note ? note : bench_median(seconds, n) < 0.3 ? "yes" :
			"NO");
}
