/*
 * watch.c - build/grader --watch [DIR]: grades every exercise file once,
 * then waits on inotify and grades again only the file that was saved, a
 * few tens of milliseconds after its last write (editors write twice, or
 * save through a temporary file and a rename).  It shows what changed and
 * the next thing to fix.  One seed for the whole session, so a test that
 * changes its verdict changed because of the student's edit.
 *
 * Signals: SIGINT, SIGTERM and SIGHUP are blocked except inside ppoll()
 * and while grading (where jobs_run() catches them and stops its workers),
 * so they end the watch between two steps and the scratch folders go.
 */
#define _GNU_SOURCE /* ppoll */
#include "watch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "watch_book.h"
#include "core/session.h"
#include "util/elapsed.h"
#include "util/terminal.h"

enum { DEBOUNCE_MS = 40, EXIT_OK = 0, EXIT_TROUBLE = 2 };

#define FOLDER_GONE (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)
#define WATCHED (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | \
		 IN_MOVED_FROM | IN_DELETE_SELF | IN_MOVE_SELF)

static volatile sig_atomic_t stop_signal;

static void on_signal(int signal)
{
	stop_signal = signal;
}

struct watch {
	const struct options *options;
	const struct resources *resources;
	struct watch_book book;
	bool tty;
	int fd;			/* inotify */
	unsigned pending;	/* exercise files saved and not graded yet */
	double first_save;	/* when the first pending save came */
	double deadline;	/* grade the pending files then */
	sigset_t stoppers;	/* SIGINT, SIGTERM, SIGHUP */
	sigset_t open_mask;	/* the mask with them deliverable */
};

/* Blocks the stoppers and (again) routes them to on_signal. */
static void hold_signals(struct watch *watch)
{
	struct sigaction action;

	memset(&action, 0, sizeof action);
	action.sa_handler = on_signal;
	sigemptyset(&action.sa_mask);
	sigprocmask(SIG_BLOCK, &watch->stoppers, NULL);
	sigaction(SIGINT, &action, NULL);
	sigaction(SIGTERM, &action, NULL);
	sigaction(SIGHUP, &action, NULL);
}

/*
 * Grades the selected files into the book.  Returns 0, 1 when a signal
 * ended the grading (nothing to report), or -1 with an error.
 */
static int grade(struct watch *watch, const unsigned *selected,
		 struct strbuf *changes, struct strbuf *error)
{
	struct session_config config = {
		.resources = watch->resources,
		.dir = watch->options->dir,
		.seed = watch->options->seed,
		.selected = selected,
		.jobs = watch->options->jobs,
		.hidden = watch->options->hidden,
	};
	struct session session;
	int status;

	session_init(&session);
	sigprocmask(SIG_SETMASK, &watch->open_mask, NULL);
	status = session_grade(&session, &config, error);
	hold_signals(watch);
	if (status == 0 && session.summary.internal_error) {
		strbuf_addstr(error, session.summary.internal_error);
		status = -1;
	} else if (status != 0 && strstr(error->buf, "interrupted")) {
		status = 1;
	}
	if (status == 0)
		watch_book_take(&watch->book, &session, changes);
	session_release(&session);
	return status;
}

static void print(const struct strbuf *text)
{
	fputs(text->buf, stdout);
	fflush(stdout);
}

/* On a terminal a redraw replaces the screen; elsewhere text appends. */
static void show(const struct watch *watch, const struct strbuf *text)
{
	struct strbuf out;

	if (!watch->tty) {
		print(text);
		return;
	}
	strbuf_init(&out);
	terminal_add_redraw(&out, text->buf);
	print(&out);
	strbuf_release(&out);
}

static void add_watching(const struct watch *watch, struct strbuf *out)
{
	strbuf_addf(out, "Watching %s (seed %llu): save an exercise file to "
		    "grade it again; Ctrl-C stops.\n", watch->options->dir,
		    (unsigned long long)watch->options->seed);
}

/* The files that do not compile, each once, above the table that says so. */
static void show_start(struct watch *watch)
{
	struct strbuf out;

	strbuf_init(&out);
	for (size_t i = 0; i < catalog_count(); i++)
		if (watch->book.graded[i])
			watch_book_add_problem(&out, watch->options->dir,
					       catalog_exercise_at(i),
					       &watch->book.results[i]);
	if (out.len)
		strbuf_addch(&out, '\n');
	progress_render(&watch->book.summary,
			terminal_use_color(watch->options->no_color), &out);
	add_watching(watch, &out);
	show(watch, &out);
	strbuf_release(&out);
}

/*
 * What changed, then (on a terminal) the table whose "Next:" line may
 * point at the errors shown above it.
 */
static void show_verdict(struct watch *watch, const struct strbuf *changes,
			 const char *files, double started)
{
	struct strbuf out;
	double done = elapsed_now();

	strbuf_init(&out);
	strbuf_addstr(&out, changes->buf);
	if (watch->tty) {
		strbuf_addch(&out, '\n');
		progress_render(&watch->book.summary,
				terminal_use_color(watch->options->no_color),
				&out);
	} else {
		progress_render_next(&watch->book.summary, &out);
	}
	if (watch->options->verbose)
		strbuf_addf(&out, "graded %s in %.2f s (%.2f s after the "
			    "save)\n", files, done - started,
			    done - watch->first_save);
	if (watch->tty)
		add_watching(watch, &out);
	show(watch, &out);
	strbuf_release(&out);
}

/* Grades the files saved since the last time. */
static int regrade(struct watch *watch, struct strbuf *error)
{
	unsigned selected[OPTIONS_MAX_EXERCISES] = { 0 };
	struct strbuf changes, files;
	double started = elapsed_now();
	int status;

	strbuf_init(&changes);
	strbuf_init(&files);
	for (size_t i = 0; i < catalog_count(); i++) {
		if (!(watch->pending & (1u << i)))
			continue;
		selected[i] = watch->options->selected[i];
		strbuf_addf(&files, "%s%s", files.len ? ", " : "",
			    catalog_exercise_at(i)->file);
	}
	watch->pending = 0;
	status = grade(watch, selected, &changes, error);
	if (status == 0)
		show_verdict(watch, &changes, files.buf, started);
	strbuf_release(&changes);
	strbuf_release(&files);
	return status;
}

static void note_save(struct watch *watch, const char *name)
{
	const struct catalog_exercise *exercise = catalog_find_exercise(name);
	size_t index;

	/* Only the file names themselves: "02" or "02_bce" are no files. */
	if (!exercise || strcmp(exercise->file, name))
		return;
	index = (size_t)(exercise - catalog_exercise_at(0));
	if (!watch->options->selected[index])
		return;
	if (!watch->pending)
		watch->first_save = elapsed_now();
	watch->pending |= 1u << index;
	watch->deadline = elapsed_now() + DEBOUNCE_MS / 1000.0;
}

/* Reads the queued events; -1 when the folder itself went away. */
static int read_events(struct watch *watch)
{
	char buffer[16384]
		__attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t len = read(watch->fd, buffer, sizeof buffer);

	for (char *p = buffer; len > 0 && p < buffer + len;) {
		const struct inotify_event *event = (const void *)p;

		if (event->mask & FOLDER_GONE)
			return -1;
		if (event->len)
			note_save(watch, event->name);
		p += sizeof *event + event->len;
	}
	return 0;
}

/* Milliseconds until the pending files are due, or -1: nothing pending. */
static int timeout_ms(const struct watch *watch)
{
	double left = watch->deadline - elapsed_now();

	if (!watch->pending)
		return -1;
	return left > 0 ? (int)(left * 1000.0) + 1 : 0;
}

static int loop(struct watch *watch, struct strbuf *error)
{
	struct pollfd fd = { .fd = watch->fd, .events = POLLIN };

	while (!stop_signal) {
		int ms = timeout_ms(watch);
		struct timespec wait = { ms / 1000, (long)(ms % 1000) * 1000000 };
		int ready = ppoll(&fd, 1, ms < 0 ? NULL : &wait,
				  &watch->open_mask);
		int status;

		if (ready < 0 && errno != EINTR) {
			strbuf_addf(error, "cannot wait for changes in %s (%s)",
				    watch->options->dir, strerror(errno));
			return -1;
		}
		if (ready > 0 && read_events(watch) != 0) {
			strbuf_addf(error, "the folder %s was removed or moved; "
				    "the watch ended (start it again on the "
				    "folder)", watch->options->dir);
			return -1;
		}
		if (watch->pending && timeout_ms(watch) == 0 &&
		    (status = regrade(watch, error)) != 0)
			return status < 0 ? -1 : 0;
	}
	return 0;
}

static int start(struct watch *watch, struct strbuf *error)
{
	watch->fd = inotify_init1(IN_CLOEXEC);
	if (watch->fd < 0 ||
	    inotify_add_watch(watch->fd, watch->options->dir, WATCHED) < 0) {
		strbuf_addf(error, "cannot watch the folder %s (%s); grade it "
			    "without --watch, or raise the inotify limits",
			    watch->options->dir, strerror(errno));
		return -1;
	}
	return grade(watch, watch->options->selected, NULL, error);
}

int watch_main(const struct options *options,
	       const struct resources *resources)
{
	struct watch watch = { .options = options, .resources = resources,
			       .fd = -1, .tty = terminal_is_tty() };
	struct strbuf error;
	int status;

	strbuf_init(&error);
	watch_book_init(&watch.book, options->dir, options->seed,
			options->disclosure);
	sigemptyset(&watch.stoppers);
	sigaddset(&watch.stoppers, SIGINT);
	sigaddset(&watch.stoppers, SIGTERM);
	sigaddset(&watch.stoppers, SIGHUP);
	sigprocmask(SIG_SETMASK, NULL, &watch.open_mask);
	sigdelset(&watch.open_mask, SIGINT);
	sigdelset(&watch.open_mask, SIGTERM);
	sigdelset(&watch.open_mask, SIGHUP);
	stop_signal = 0;
	hold_signals(&watch);
	status = start(&watch, &error);
	if (status == 0) {
		show_start(&watch);
		status = loop(&watch, &error);
	}
	if (status < 0)
		fprintf(stderr, "grader: %s\n", error.buf);
	else
		printf("Stopped watching %s.\n", options->dir);
	fflush(stdout);
	if (watch.fd >= 0)
		close(watch.fd);
	watch_book_release(&watch.book);
	strbuf_release(&error);
	return status < 0 ? EXIT_TROUBLE : EXIT_OK;
}
