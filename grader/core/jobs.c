/*
 * jobs.c - a small pool of worker processes.  A worker grades one exercise
 * file and writes its verdicts (results_write) into its scratch folder; the
 * parent reads them back when the worker has ended.
 */
#include "jobs.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define VERDICT_FILE "verdicts.wb"
/*
 * The most a worker's verdicts may take: a file's report is at most
 * RESULTS_MAX_LINES lines, of a few KiB each in practice.
 */
#define VERDICT_MAX_BYTES ((size_t)64 << 20)

static volatile sig_atomic_t interrupted;

static void on_signal(int signal)
{
	interrupted = signal;
}

static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define CAUGHT_COUNT (sizeof caught_signals / sizeof caught_signals[0])

/* Sets handler for the caught signals, keeping the old ones in saved. */
static void set_signals(void (*handler)(int), struct sigaction *saved)
{
	struct sigaction action;

	memset(&action, 0, sizeof action);
	action.sa_handler = handler;
	sigemptyset(&action.sa_mask);
	for (size_t i = 0; i < CAUGHT_COUNT; i++)
		sigaction(caught_signals[i], &action, saved ? &saved[i] : NULL);
}

/*
 * The caller's own handlers come back afterwards (watch mode blocks and
 * handles SIGINT itself between gradings), never the defaults.
 */
static void restore_signals(const struct sigaction *saved)
{
	for (size_t i = 0; i < CAUGHT_COUNT; i++)
		sigaction(caught_signals[i], &saved[i], NULL);
}

int jobs_interrupted_by(void)
{
	return (int)interrupted;
}

/* The verdicts for the parent, written atomically (strbuf_write_file). */
static void write_verdicts(const struct jobs_item *item)
{
	char *path = xstrfmt("%s/%s", item->task.workdir, VERDICT_FILE);
	struct strbuf text = STRBUF_INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	if (out) {
		results_write(&item->results, out);
		if (fclose(out) == 0) {
			strbuf_add(&text, buf, len);
			strbuf_write_file(&text, path);
		}
		free(buf);
	}
	strbuf_release(&text);
	free(path);
}

static void __attribute__((noreturn)) worker(struct jobs_item *item,
					      pid_t *pids)
{
	free(pids); /* the parent's bookkeeping */
	set_signals(SIG_DFL, NULL);
	grade_exercise(&item->task, &item->results);
	write_verdicts(item);
	results_release(&item->results);
	exit(0);
}

static void read_verdicts(struct jobs_item *item, int wait_status)
{
	char *path = xstrfmt("%s/%s", item->task.workdir, VERDICT_FILE);
	struct strbuf text, message = STRBUF_INIT;

	strbuf_init(&text);
	if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
		strbuf_addf(&message, "the grader's worker for %s failed "
			    "(wait status %d)", item->task.exercise->file,
			    wait_status);
	} else if (!strbuf_read_file(&text, path, VERDICT_MAX_BYTES)) {
		strbuf_addf(&message, "cannot read the verdicts the grader's "
			    "worker wrote for %s in %s (",
			    item->task.exercise->file, path);
		strbuf_add_read_error(&message, VERDICT_MAX_BYTES);
		strbuf_addch(&message, ')');
	} else {
		results_parse(&item->results, text.buf);
	}
	if (message.len) {
		strbuf_addstr(&message, "; run again, and report it if it "
			      "happens again");
		results_set_file(&item->results, RESULTS_FILE_INTERNAL,
				 message.buf);
	}
	strbuf_release(&message);
	strbuf_release(&text);
	free(path);
}

static void stop_workers(pid_t *pids, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	for (size_t i = 0; i < count; i++)
		if (pids[i] > 0)
			while (waitpid(pids[i], NULL, 0) < 0 && errno == EINTR)
				;
}

/* Waits for one worker; returns its index, or count when interrupted. */
static size_t reap_one(struct jobs_item *items, pid_t *pids, size_t count)
{
	int status;
	pid_t pid;

	do {
		pid = waitpid(-1, &status, 0);
	} while (pid < 0 && errno == EINTR && !interrupted);
	if (pid < 0)
		return count;
	for (size_t i = 0; i < count; i++) {
		if (pids[i] == pid) {
			pids[i] = 0;
			read_verdicts(&items[i], status);
			return i;
		}
	}
	return count;
}

int jobs_run(struct jobs_item *items, size_t count, unsigned parallel,
	     struct strbuf *error)
{
	pid_t *pids = xcalloc(count, sizeof *pids);
	size_t started = 0, running = 0;
	struct sigaction saved[CAUGHT_COUNT];
	int status = 0;

	interrupted = 0;
	set_signals(on_signal, saved);
	fflush(stdout);
	fflush(stderr);
	while ((started < count || running > 0) && !interrupted) {
		if (started < count && running < parallel) {
			pid_t pid = fork();

			if (pid == 0)
				worker(&items[started], pids);
			if (pid < 0) {
				strbuf_addf(error, "cannot start a worker "
					    "process (%s); try -j 1",
					    strerror(errno));
				status = -1;
				break;
			}
			pids[started++] = pid;
			running++;
			continue;
		}
		if (reap_one(items, pids, count) < count) {
			running--;
		} else if (!interrupted) {
			strbuf_addf(error, "lost track of the worker processes "
				    "(%s); try -j 1", strerror(errno));
			status = -1;
			break;
		}
	}
	if (interrupted) {
		strbuf_addf(error, "interrupted by signal %d; nothing was "
			    "graded", (int)interrupted);
		status = -1;
	}
	stop_workers(pids, count);
	restore_signals(saved);
	free(pids);
	return status;
}
