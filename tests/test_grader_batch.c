/*
 * test_grader_batch.c - build/grader --batch and --merge end to end: a
 * generated class of 200 mixed submissions graded in one command, then
 * interrupted half-way (an old gradebook withdrawn, a partial one marked
 * as such) and resumed into the same gradebook; shards merged
 * into the gradebook of an unsharded run; bad arguments.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support/gradebook_lookup.h"
#include "support/harness.h"
#include "support/submissions.h"

enum { CLASS_MAX = 200 };

/* 200 students, or $WB_BATCH_CLASS (at least 80) for a quicker look. */
static size_t class_size(void)
{
	const char *text = getenv("WB_BATCH_CLASS");
	long n = text ? atol(text) : CLASS_MAX;

	return n >= 80 && n <= CLASS_MAX ? (size_t)n : CLASS_MAX;
}

static char *make_class(const char *root, size_t count,
			struct submission_expect *expect, size_t *rows)
{
	char *subs = harness_join(root, "subs");
	char *secret = harness_join(root, "course.secret");

	cr_assert_eq(mkdir(subs, 0755), 0);
	*rows = submissions_make(subs, count, expect);
	harness_write_file(secret, "a test secret\n", 14);
	free(secret);
	return subs;
}

/* Field `column` (0-based) of a CSV line without quoted fields. */
static long field(const char *line, int column)
{
	for (int i = 0; i < column; i++) {
		line = strchr(line, ',');
		cr_assert_not_null(line);
		line++;
	}
	return strtol(line, NULL, 10);
}

/* The status column (after id, exercises, total, max, seed), malloc'd. */
static char *status_of(const char *line)
{
	const char *p = line;

	for (size_t i = 0; i < TEST_EXERCISE_COUNT + 4; i++) {
		p = strchr(p, ',');
		cr_assert_not_null(p, "%s", line);
		p++;
	}
	return strndup(p, strcspn(p, ","));
}

/* Checks every row against what the generator planted. */
static void check_gradebook(const char *text,
			    const struct submission_expect *expect,
			    size_t rows)
{
	char *copy = strdup(text), *save = NULL, *status;
	char *line = strtok_r(copy, "\n", &save);
	long full[SUBMISSIONS_EXERCISES] = { 0 };
	char *header = gradebook_expected_header();

	cr_assert_str_eq(line, header);
	cr_assert_null(strchr(text, '/'), "no paths in the gradebook");
	for (size_t r = 0; r < rows; r++) {
		line = strtok_r(NULL, "\n", &save);
		cr_assert_not_null(line, "row %zu (%s) missing", r,
				   expect[r].id);
		cr_assert(!strncmp(line, expect[r].id, strlen(expect[r].id)) &&
			  line[strlen(expect[r].id)] == ',',
			  "row %zu is %s, expected %s", r, line, expect[r].id);
		status = status_of(line);
		cr_assert_str_eq(status, expect[r].status, "%s", line);
		free(status);
		if (!strcmp(expect[r].id, "s000"))
			for (int e = 0; e < SUBMISSIONS_EXERCISES; e++)
				full[e] = field(line, 1 + e);
		for (int e = 0; expect[r].points[e]; e++) {
			long got = field(line, 1 + e);

			cr_assert(full[e] > 0, "s000 sorts first and has points");
			if (expect[r].points[e] == 'F')
				cr_assert_eq(got, full[e], "%s column %d", line, e);
			else if (expect[r].points[e] == '0')
				cr_assert_eq(got, 0, "%s column %d", line, e);
			else
				cr_assert(got < full[e], "%s column %d", line, e);
		}
	}
	cr_assert_null(strtok_r(NULL, "\n", &save), "one row per student");
	free(header);
	free(copy);
}

/* State records, not counting files still being written. */
static size_t records(const char *out)
{
	char *state = harness_join(out, ".state");
	size_t count = 0;
	char *listing = NULL;
	FILE *pipe;
	char command[1024];

	snprintf(command, sizeof command, "ls %s 2>/dev/null | grep -vc partial",
		 state);
	pipe = popen(command, "r");
	if (pipe && fscanf(pipe, "%zu", &count) != 1)
		count = 0;
	if (pipe)
		pclose(pipe);
	free(listing);
	free(state);
	return count;
}

/* Runs the grader until `half` records exist, then sends SIGINT. */
static int interrupt_when(const char *const *args, const char *out,
			  size_t half, const char *err_path)
{
	const char *argv[16] = { harness_grader() };
	int status = 0;
	size_t n = 1;
	pid_t pid;

	for (; *args; args++)
		argv[n++] = *args;
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		freopen(err_path, "w", stderr);
		freopen("/dev/null", "w", stdout);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	for (int i = 0; i < 4000 && records(out) < half; i++)
		usleep(50000);
	kill(pid, SIGINT);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Whether processes the grader left behind are still around. */
static bool strays(void)
{
	for (int i = 0; i < 40; i++) {
		pid_t pid = waitpid(-1, NULL, WNOHANG);

		if (pid < 0 && errno == ECHILD)
			return false;
		if (pid == 0)
			usleep(50000);
	}
	return true;
}

static size_t count_lines_starting(const char *text, const char *prefix)
{
	size_t count = 0;

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		count += !strncmp(p, prefix, strlen(prefix));
	return count;
}

Test(batch, class_graded_interrupted_and_resumed, .timeout = 600)
{
	static struct submission_expect expect[CLASS_MAX + SUBMISSIONS_EXTRA];
	size_t class = class_size();
	char *root = harness_tempdir(), *subs, *secret, *a, *b, *err;
	char *book_a, *book_b, *text, *link_target, *link, *partial;
	struct harness_run run;
	size_t rows, done;
	char resuming[128];

	subs = make_class(root, class, expect, &rows);
	secret = harness_join(root, "course.secret");
	a = harness_join(root, "a");
	b = harness_join(root, "b");
	err = harness_join(root, "b.err");

	const char *args_a[] = { "--batch", subs, "--out", a, "-j", "3",
				 "--secret-file", secret, NULL };
	harness_grade(&run, args_a, NULL);
	cr_assert_eq(run.status, 0, "status %d: %s", run.status, run.err);
	cr_assert_eq(run.leftover, 0);
	cr_assert(strstr(run.err, ".hidden"), "skipped entries are named: %s",
		  run.err);
	cr_assert(strstr(run.out, "1 loose-file"), "%s", run.out);
	book_a = harness_join(a, "gradebook.csv");
	text = harness_read_file(book_a);
	cr_assert_not_null(text);
	check_gradebook(text, expect, rows);
	free(text);
	text = harness_read_file(strcat(strcpy(malloc(strlen(a) + 64), a),
					"/feedback/s010.html"));
	cr_assert(text && strstr(text, "<meta charset=\"utf-8\">") &&
		  strstr(text, "bce_loss") && strstr(text, "<table>"));
	free(text);
	text = harness_read_file(strcat(strcpy(malloc(strlen(a) + 64), a),
					"/json/s005.json"));
	cr_assert(text && strstr(text, "\"score\""));
	free(text);
	text = harness_read_file(strcat(strcpy(malloc(strlen(a) + 64), a),
					"/feedback/s060.md"));
	cr_assert(text && strstr(text, "bad-archive"));
	free(text);
	harness_run_release(&run);

	/* The same class again, interrupted half-way, then resumed. */
	cr_assert_eq(mkdir(b, 0755), 0);
	link_target = harness_join(a, ".cache");
	link = harness_join(b, ".cache");
	cr_assert_eq(symlink(link_target, link), 0);
	/* A gradebook from an earlier run must not pass for this one's. */
	book_b = harness_join(b, "gradebook.csv");
	harness_copy_file(book_a, book_b);
	const char *args_b[] = { "--batch", subs, "--out", b, "-j", "3",
				 "--secret-file", secret, NULL };
	cr_assert_eq(interrupt_when(args_b, b, class / 2, err), 130);
	cr_assert(!strays(), "no process outlives an interrupted batch");
	text = harness_read_file(err);
	cr_assert(text && strstr(text, "interrupted after") &&
		  strstr(text, "run the same command again"), "%s", text);
	free(text);
	cr_assert_null(harness_read_file(book_b), "no gradebook when interrupted");
	done = records(b);
	cr_assert(done >= class / 2 && done <= class, "%zu records", done);
	partial = harness_join(b, "gradebook.partial.csv");
	text = harness_read_file(partial);
	cr_assert(text && strstr(text, ",pending,"), "%s", text);
	cr_assert_eq(harness_lines(text), 1 + rows, "every student has a row");
	free(text);

	harness_grade(&run, args_b, NULL);
	cr_assert_eq(run.status, 0, "%s", run.err);
	/* The class and 张伟 Li are graded; dup and README.txt are not. */
	snprintf(resuming, sizeof resuming, "resuming: %zu of %zu already graded",
		 done, class + 1);
	cr_assert(strstr(run.err, resuming), "want \"%s\" in %s", resuming,
		  run.err);
	cr_assert_eq(count_lines_starting(run.err, "graded "), class + 1 - done);
	text = harness_read_file(book_b);
	cr_assert_str_eq(text, harness_read_file(book_a),
			 "resumed gradebook equals the uninterrupted one");
	cr_assert_null(harness_read_file(partial), "the partial one is gone");
	harness_run_release(&run);
	harness_remove(root);
}

static int grade_quiet(const char *const *args)
{
	struct harness_run run;
	int status;

	harness_grade(&run, args, NULL);
	status = run.status;
	if (status)
		fprintf(stderr, "%s", run.err);
	harness_run_release(&run);
	return status;
}

Test(batch, shards_merge_into_the_unsharded_gradebook, .timeout = 300)
{
	struct submission_expect expect[6 + SUBMISSIONS_EXTRA];
	char *root = harness_tempdir(), *subs, *u, *s, *book_u, *book_s;
	char *lonely, *lonely_shard, *shard1;
	struct harness_run run;
	size_t rows;

	subs = make_class(root, 6, expect, &rows);
	u = harness_join(root, "u");
	s = harness_join(root, "s");
	const char *whole[] = { "--batch", subs, "--out", u, NULL };
	const char *first[] = { "--batch", subs, "--out", s, "--shard", "1/2",
				NULL };
	const char *second[] = { "--batch", subs, "--out", s, "--shard", "2/2",
				 NULL };
	const char *merge[] = { "--merge", s, NULL };

	cr_assert_eq(grade_quiet(whole), 0);
	cr_assert_eq(grade_quiet(first), 0);
	shard1 = harness_join(s, "gradebook.shard-1-of-2.csv");
	cr_assert_not_null(harness_read_file(shard1));
	cr_assert_null(harness_read_file(harness_join(s, "gradebook.csv")));
	cr_assert_eq(grade_quiet(second), 0);
	cr_assert_eq(grade_quiet(merge), 0);
	book_u = harness_read_file(harness_join(u, "gradebook.csv"));
	book_s = harness_read_file(harness_join(s, "gradebook.csv"));
	cr_assert_not_null(book_u);
	cr_assert_str_eq(book_s, book_u);

	/* One shard alone cannot be merged. */
	lonely = harness_join(root, "lonely");
	cr_assert_eq(mkdir(lonely, 0755), 0);
	lonely_shard = harness_join(lonely, "gradebook.shard-1-of-2.csv");
	harness_copy_file(shard1, lonely_shard);
	const char *merge_lonely[] = { "--merge", lonely, NULL };
	harness_grade(&run, merge_lonely, NULL);
	cr_assert_eq(run.status, 2);
	cr_assert(strstr(run.err, "shard 2 of 2 is missing"), "%s", run.err);
	cr_assert_eq(harness_lines(run.err), 1);
	harness_run_release(&run);
	harness_remove(root);
}

Test(batch, trouble_exits_2_with_one_line)
{
	char *root = harness_tempdir();
	char *missing = harness_join(root, "nowhere");
	char *file = harness_join(root, "file");
	char *out = harness_join(root, "out");
	struct harness_run run;

	const char *no_folder[] = { "--batch", missing, "--out", out, NULL };
	harness_grade(&run, no_folder, NULL);
	cr_assert_eq(run.status, 2);
	cr_assert(strstr(run.err, missing) && harness_lines(run.err) == 1,
		  "%s", run.err);
	harness_run_release(&run);

	harness_write_file(file, "x", 1);
	const char *bad_out[] = { "--batch", root, "--out", file, NULL };
	harness_grade(&run, bad_out, NULL);
	cr_assert_eq(run.status, 2);
	cr_assert(strstr(run.err, "--out"), "%s", run.err);
	harness_run_release(&run);
	harness_remove(root);
}
