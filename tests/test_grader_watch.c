/*
 * test_grader_watch.c - build/grader --watch DIR through pipes, as a
 * student's editor would meet it: the first status, a save by rename that
 * re-grades only that file and shows what changed, a non-exercise file
 * that changes nothing, SIGINT (exit 0, no scratch folder left), the
 * folder going away, hidden tests (--hidden) counted, never named, a
 * compile error said once and new failures in full.  About 6 s; the waits
 * are generous limits, not timings.
 */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support/harness.h"
#include "support/leaks.h"

struct watcher {
	char *root, *dir, *tmp;
	pid_t pid;
	int out;		/* the grader's stdout and stderr */
	char *text;		/* everything read so far */
	size_t len;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* extra: one more option (or NULL). */
static void watcher_start(struct watcher *w, const char *from,
			  const char *extra)
{
	const char *argv[] = { harness_grader(), "--watch", "-v", "--seed",
			       "7", NULL, NULL, NULL };
	char *envp[5] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8" };
	int fds[2];

	memset(w, 0, sizeof *w);
	w->root = harness_tempdir();
	cr_assert(asprintf(&w->dir, "%s/work", w->root) > 0);
	cr_assert(asprintf(&w->tmp, "%s/tmp", w->root) > 0);
	cr_assert(mkdir(w->dir, 0700) == 0 && mkdir(w->tmp, 0700) == 0);
	harness_copy_files(from, w->dir);
	argv[5] = extra ? extra : w->dir;
	argv[6] = extra ? w->dir : NULL;
	cr_assert(asprintf(&envp[2], "TMPDIR=%s", w->tmp) > 0);
	cr_assert(asprintf(&envp[3], "HOME=%s", w->root) > 0);
	cr_assert(pipe2(fds, O_CLOEXEC) == 0);
	w->text = calloc(1, 1);
	fflush(NULL);
	w->pid = fork();
	cr_assert(w->pid >= 0);
	if (w->pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		dup2(null, STDIN_FILENO);
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		execve(argv[0], (char *const *)argv, envp);
		_exit(127);
	}
	close(fds[1]);
	w->out = fds[0];
	free(envp[2]);
	free(envp[3]);
}

/* Reads for up to `seconds`; stops early once `until` (if any) appears
 * after offset `from`.  Returns whether it appeared; false at EOF. */
static bool watcher_read(struct watcher *w, double seconds, size_t from,
			 const char *until)
{
	double end = now() + seconds;

	while (!(until && strstr(w->text + from, until))) {
		struct pollfd fd = { .fd = w->out, .events = POLLIN };
		int left = (int)((end - now()) * 1000.0);
		char buffer[4096];
		ssize_t n;

		if (left <= 0 || poll(&fd, 1, left) <= 0)
			return false;
		n = read(w->out, buffer, sizeof buffer);
		if (n <= 0)
			return false;
		w->text = realloc(w->text, w->len + (size_t)n + 1);
		memcpy(w->text + w->len, buffer, (size_t)n);
		w->len += (size_t)n;
		w->text[w->len] = '\0';
	}
	return true;
}

/* Waits (at most 30 s) for the grader to end; its exit status or -1. */
static int watcher_wait(struct watcher *w)
{
	int status;

	double end = now() + 20.0;

	watcher_read(w, 10.0, 0, NULL);
	while (now() < end) {
		struct timespec tick = { 0, 50 * 1000 * 1000 };

		if (waitpid(w->pid, &status, WNOHANG) == w->pid) {
			w->pid = 0;
			return WIFEXITED(status) ? WEXITSTATUS(status) :
						   128 + WTERMSIG(status);
		}
		nanosleep(&tick, NULL);
	}
	return -1;
}

static void watcher_release(struct watcher *w)
{
	if (w->pid > 0) {
		kill(w->pid, SIGKILL);
		waitpid(w->pid, NULL, 0);
	}
	close(w->out);
	harness_remove(w->root);
	free(w->root);
	free(w->dir);
	free(w->tmp);
	free(w->text);
}

/* Saves like an editor: a temporary name, then a rename over the file. */
static void save(const struct watcher *w, const char *from, const char *name)
{
	char *tmp, *path;

	cr_assert(asprintf(&tmp, "%s/.%s.swp", w->dir, name) > 0);
	cr_assert(asprintf(&path, "%s/%s", w->dir, name) > 0);
	harness_copy_file(from, tmp);
	cr_assert(rename(tmp, path) == 0);
	free(tmp);
	free(path);
}

Test(watch, save_regrades_that_file_and_shows_what_changed)
{
	struct watcher w;
	size_t mark;
	unsigned before, before_total, after, after_total;
	const char *verdict;
	char *notes;

	watcher_start(&w, "exercises", NULL);
	cr_assert(watcher_read(&w, 60.0, 0, "Watching "),
		  "no first status:\n%s", w.text);
	cr_expect(strstr(w.text, "01_sigmoid.c "), "%s", w.text);
	cr_expect(strstr(w.text, "Next: chapter 1,"), "%s", w.text);

	/* A file that is no exercise: no grading at all. */
	mark = w.len;
	cr_assert(asprintf(&notes, "%s/notes.txt", w.dir) > 0);
	harness_write_file(notes, "todo\n", 5);
	free(notes);
	watcher_read(&w, 0.5, mark, NULL);
	cr_expect_eq(w.len, mark, "notes.txt caused output:\n%s",
		     w.text + mark);

	save(&w, "solutions/01_sigmoid.c", "01_sigmoid.c");
	cr_assert(watcher_read(&w, 10.0, mark, "graded 01_sigmoid.c in"),
		  "no verdict within 10 s:\n%s", w.text + mark);
	verdict = strstr(w.text + mark, "01_sigmoid.c: ");
	cr_assert(verdict, "no points line:\n%s", w.text + mark);
	cr_assert_eq(sscanf(verdict, "01_sigmoid.c: %u/%u -> %u/%u points",
			    &before, &before_total, &after, &after_total), 4,
		     "%s", verdict);
	cr_expect_eq(before, 0);
	cr_expect(after == after_total && after > 0, "%u/%u", after,
		  after_total);
	cr_expect(strstr(verdict, "+ sigmoid: "), "not newly passing:\n%s",
		  verdict);
	cr_expect(!strstr(verdict, "02_bce.c:"), "graded another file:\n%s",
		  verdict);
	cr_expect(strstr(verdict, "Next: chapter 2,"), "%s", verdict);
	cr_expect(!harness_has_escape(w.text), "escapes off a terminal");

	kill(w.pid, SIGINT);
	cr_expect_eq(watcher_wait(&w), 0, "exit status after SIGINT:\n%s",
		     w.text);
	cr_expect_eq(harness_count_entries(w.tmp), 0,
		     "scratch folders left in TMPDIR");
	watcher_release(&w);
}

Test(watch, removed_folder_ends_the_watch_in_one_line)
{
	struct watcher w;
	size_t mark;

	watcher_start(&w, "exercises", NULL);
	cr_assert(watcher_read(&w, 60.0, 0, "Watching "), "%s", w.text);
	mark = w.len;
	harness_remove(w.dir);
	cr_expect_eq(watcher_wait(&w), 2, "%s", w.text);
	cr_expect(strstr(w.text + mark, "was removed or moved"), "%s",
		  w.text + mark);
	cr_expect_eq(harness_lines(w.text + mark), 1, "%s", w.text + mark);
	cr_expect_eq(harness_count_entries(w.tmp), 0,
		     "scratch folders left in TMPDIR");
	watcher_release(&w);
}

Test(watch, sigterm_ends_cleanly)
{
	struct watcher w;

	watcher_start(&w, "exercises", NULL);
	cr_assert(watcher_read(&w, 60.0, 0, "Watching "), "%s", w.text);
	kill(w.pid, SIGTERM);
	cr_expect_eq(watcher_wait(&w), 0, "%s", w.text);
	cr_expect_eq(harness_count_entries(w.tmp), 0,
		     "scratch folders left in TMPDIR");
	watcher_release(&w);
}

Test(watch, hidden_tests_are_counted_never_named,
     .description = "--watch --hidden: a save that breaks only hidden tests "
		    "says how many fail, not which")
{
	struct watcher w;
	struct leaks names;
	char *bug, *line;
	size_t mark;

	leaks_init_hidden(&names);
	cr_assert(asprintf(&line, "%zu hidden tests: %zu passed", names.count,
			   names.count) > 0);
	watcher_start(&w, "solutions", "--hidden");
	cr_assert(watcher_read(&w, 60.0, 0, "Watching "),
		  "no first status:\n%s", w.text);
	cr_expect(strstr(w.text, line), "no \"%s\" in:\n%s", line, w.text);
	cr_assert(asprintf(&bug, "%s/bug.c", w.root) > 0);
	harness_write_file(bug, leaks_hidden_only_bug,
			   strlen(leaks_hidden_only_bug));
	mark = w.len;
	save(&w, bug, "01_sigmoid.c");
	cr_assert(watcher_read(&w, 10.0, mark, "graded 01_sigmoid.c in"),
		  "no verdict within 10 s:\n%s", w.text + mark);
	leaks_add(&names, "wrong value near 0");
	cr_expect_null(leaks_find(&names, w.text), "%s", w.text);
	cr_expect(strstr(w.text + mark, "Next: every visible test passes, but "
		  "2 of the"), "%s", w.text + mark);
	watcher_release(&w);
	leaks_release(&names);
	free(bug);
	free(line);
}

static size_t occurrences(const char *text, const char *what)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

Test(watch, compile_error_once_then_failures_in_full,
     .description = "a save that does not compile says so once, with the "
		    "errors; the next save shows its new failures with "
		    "expected, got, hint and what the code printed")
{
	static const char broken[] = "double sigmoid(double z) { return z +; }\n";
	static const char printing[] =
		"#include <stdio.h>\n"
		"double sigmoid(double z) { printf(\"at %g\\n\", z); "
		"return z; }\n"
		"double sigmoid_grad(double z) { return z; }\n";
	struct watcher w;
	char *file;
	size_t mark;

	watcher_start(&w, "solutions", NULL);
	cr_assert(watcher_read(&w, 60.0, 0, "Watching "),
		  "no first status:\n%s", w.text);
	cr_assert(asprintf(&file, "%s/new.c", w.root) > 0);
	harness_write_file(file, broken, strlen(broken));
	mark = w.len;
	save(&w, file, "01_sigmoid.c");
	cr_assert(watcher_read(&w, 10.0, mark, "graded 01_sigmoid.c in"),
		  "no verdict within 10 s:\n%s", w.text + mark);
	cr_expect_eq(occurrences(w.text + mark, "does not compile"), 1,
		     "not said once:\n%s", w.text + mark);
	cr_expect(strstr(w.text + mark, "error: expected expression"),
		  "no compiler error:\n%s", w.text + mark);
	cr_expect(!strstr(w.text + mark, "  - sigmoid"),
		  "a line per test:\n%s", w.text + mark);
	harness_write_file(file, printing, strlen(printing));
	mark = w.len;
	save(&w, file, "01_sigmoid.c");
	cr_assert(watcher_read(&w, 10.0, mark, "graded 01_sigmoid.c in"),
		  "no verdict within 10 s:\n%s", w.text + mark);
	cr_expect(strstr(w.text + mark, "  - sigmoid: ") &&
		  strstr(w.text + mark, "expected: ") &&
		  strstr(w.text + mark, "got: ") &&
		  strstr(w.text + mark, "hint: ") &&
		  strstr(w.text + mark, "printed (by your code, during this "
			 "test):\n        at "),
		  "a new failure without its details:\n%s", w.text + mark);
	cr_expect(strstr(w.text + mark, "(details of these ") &&
		  strstr(w.text + mark, " --only sigmoid --all "),
		  "no pointer to the failures left out:\n%s", w.text + mark);
	watcher_release(&w);
	free(file);
}
