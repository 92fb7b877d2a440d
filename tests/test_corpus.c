/*
 * test_corpus.c - grades every folder of tests/corpus/{buggy,correct,
 * hostile}/ with the real grader and checks its `expect` file
 * (docs/design.md, "Corpora and their expect files"), and that the grader
 * exited 1 (0 for `passes`), wrote nothing into the folder, left its TMPDIR
 * and HOME empty, left no process behind, and printed no control byte
 * but newline and tab.
 *
 * A corpus file NAME.patch is a unified diff against the base of
 * solutions/NAME (tests/support/corpus_patch.h): each folder is graded as a
 * fresh copy under the test's scratch folder, its patches applied.
 *
 * Environment: WB_GRADER (the grader, default build/grader);
 * WB_CORPUS_SAMPLE=N grades only every N-th folder (the sanitizer run).
 */
#define _GNU_SOURCE /* memmem */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/catalog.h"
#include "support/corpus_folder.h"
#include "support/harness.h"
#include "support/report.h"

#define CORPUS "tests/corpus"

struct corpus_case {
	char path[512];
};

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct corpus_case *)a)->path,
		      ((const struct corpus_case *)b)->path);
}

static size_t list_cases(struct corpus_case *cases, size_t max)
{
	static const char *const kinds[] = { "buggy", "correct", "hostile" };
	size_t count = 0;

	for (size_t k = 0; k < 3; k++) {
		char dir[256];
		DIR *d;
		struct dirent *e;

		snprintf(dir, sizeof dir, CORPUS "/%s", kinds[k]);
		d = opendir(dir);
		while (d && (e = readdir(d)) && count < max) {
			if (e->d_name[0] == '.')
				continue;
			if (cases)
				snprintf(cases[count].path,
					 sizeof cases[count].path, "%s/%s",
					 dir, e->d_name);
			count++;
		}
		if (d)
			closedir(d);
	}
	return count;
}

ParameterizedTestParameters(corpus, folder)
{
	size_t count = list_cases(NULL, 4096), kept = 0;
	const char *sample = getenv("WB_CORPUS_SAMPLE");
	size_t every = sample ? (size_t)atol(sample) : 1;
	struct corpus_case *all = calloc(count + 1, sizeof *all), *cases;

	list_cases(all, count);
	qsort(all, count, sizeof *all, by_path);
	cases = cr_malloc((count + 1) * sizeof *cases);
	for (size_t i = 0; i < count; i++)
		if (every <= 1 || i % every == 0)
			cases[kept++] = all[i];
	free(all);
	return cr_make_param_array(struct corpus_case, cases, kept);
}

/* ---- the expect file -------------------------------------------------- */

enum { MAX_LINES = 64 };

struct expect {
	bool passes;
	const char *fails[MAX_LINES];
	size_t n_fails;
	const char *fails_file[MAX_LINES];
	size_t n_fails_file;
	bool fails_every_file;
	const char *message_name[MAX_LINES], *message_text[MAX_LINES];
	size_t n_messages;
	const char *first;	/* in the report's "Next:" line, or NULL */
	double timeout;
	char *text;
};

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
			   end[-1] == '\r'))
		*--end = '\0';
	return s;
}

static void read_expect(struct expect *ex, const char *folder)
{
	char path[600], *line, *save = NULL;

	memset(ex, 0, sizeof *ex);
	ex->timeout = 20;
	snprintf(path, sizeof path, "%s/expect", folder);
	ex->text = harness_read_file(path);
	cr_assert(ex->text, "%s has no expect file", folder);
	for (line = strtok_r(ex->text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *hash = strchr(line, '#'), *rest;

		if (hash)
			*hash = '\0';
		line = trim(line);
		if (!*line)
			continue;
		rest = line + strcspn(line, " \t");
		if (*rest)
			*rest++ = '\0';
		rest = trim(rest);
		if (!strcmp(line, "passes")) {
			ex->passes = true;
		} else if (!strcmp(line, "fails") && ex->n_fails < MAX_LINES) {
			ex->fails[ex->n_fails++] = rest;
		} else if (!strcmp(line, "fails-every-file")) {
			ex->fails_every_file = true;
		} else if (!strcmp(line, "fails-file") &&
			   ex->n_fails_file < MAX_LINES) {
			ex->fails_file[ex->n_fails_file++] = rest;
		} else if (!strcmp(line, "message") &&
			   ex->n_messages < MAX_LINES) {
			char *text = rest + strcspn(rest, " \t");

			if (*text)
				*text++ = '\0';
			ex->message_name[ex->n_messages] = rest;
			ex->message_text[ex->n_messages++] = trim(text);
		} else if (!strcmp(line, "first")) {
			ex->first = rest;
		} else if (!strcmp(line, "timeout")) {
			ex->timeout = atof(rest);
		} else {
			cr_assert_fail("%s/expect: unknown line \"%s\"", folder,
				       line);
		}
	}
}

/* ---- the folder the grader is given ------------------------------------- */

/*
 * The submission: a copy of the corpus folder's files at scratch/submission
 * (malloc'd path), each NAME.patch replaced by the NAME it rebuilds.
 */
static char *materialise(const char *folder, const char *scratch)
{
	char *dst = malloc(strlen(scratch) + sizeof "/submission");
	char error[1200];

	cr_assert(dst, "out of memory");
	sprintf(dst, "%s/submission", scratch);
	mkdir(dst, 0777);
	cr_assert(!corpus_folder_copy(folder, dst, error, sizeof error), "%s",
		  error);
	return dst;
}

/* ---- checks --------------------------------------------------------------- */

static bool named(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

/* Whether a test of function counts for name (a function or a file). */
static bool belongs(const char *function, const char *name)
{
	const char *file = test_file_of(function);

	return !strcmp(function, name) || (file && !strcmp(file, name));
}

static void check_report(const struct report *r, const struct expect *ex,
			 const char *folder)
{
	for (size_t i = 0; i < ex->n_fails; i++) {
		bool failed = false;

		for (size_t t = 0; t < r->count; t++)
			failed |= !r->tests[t].passed &&
				  !strcmp(r->tests[t].function, ex->fails[i]);
		cr_expect(failed, "%s: expected %s to fail a test; it passed "
			  "every one", folder, ex->fails[i]);
	}
	for (size_t i = 0; i < ex->n_fails_file; i++)
		for (size_t t = 0; t < r->count; t++)
			cr_expect(!belongs(r->tests[t].function,
					   ex->fails_file[i]) ||
				  !r->tests[t].passed,
				  "%s: expected every test of %s to fail; "
				  "\"%s\" passed", folder, ex->fails_file[i],
				  r->tests[t].name);
	for (size_t t = 0; ex->fails_every_file && t < r->count; t++)
		cr_expect(!r->tests[t].passed, "%s: expected every test to "
			  "fail; \"%s\" passed", folder, r->tests[t].name);
	for (size_t i = 0; i < ex->n_messages; i++) {
		/* A file-level message is in full once, in the report. */
		const char *report = json_get(r->root, "output")->string;
		bool found = false;

		for (size_t t = 0; t < r->count && !found; t++)
			found = !r->tests[t].passed &&
				belongs(r->tests[t].function,
					ex->message_name[i]) &&
				(strstr(r->tests[t].output,
					ex->message_text[i]) ||
				 strstr(report, ex->message_text[i]));
		cr_expect(found, "%s: no failed test of %s, nor the report, "
			  "says \"%s\"",
			  folder, ex->message_name[i], ex->message_text[i]);
	}
	for (size_t t = 0; t < r->count; t++) {
		const struct report_test *test = &r->tests[t];
		const char *file = test_file_of(test->function);

		if (ex->fails_every_file ||
		    named(ex->fails, ex->n_fails, test->function) ||
		    (file && named(ex->fails_file, ex->n_fails_file, file)))
			continue;
		cr_expect(test->passed, "%s: \"%s\" should pass, but failed:\n%s",
			  folder, test->name, test->output);
	}
	cr_expect(r->count > 0, "%s: the report lists no tests", folder);
}

/* --only FILE for each exercise file in the folder. */
static size_t only_args(const char *folder, const char **args, size_t n)
{
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		char path[700];
		FILE *f;

		snprintf(path, sizeof path, "%s/%s", folder,
			 test_exercises[i].file);
		if (!(f = fopen(path, "r")))
			continue;
		fclose(f);
		args[n++] = "--only";
		args[n++] = test_exercises[i].file;
	}
	return n;
}

/*
 * The diagnosis a student sees first: the text report's "Next:" line
 * quotes the first line of the first failure it lists (summary.c).
 */
static void check_first(const char *out, const struct expect *ex,
			const char *folder)
{
	const char *next = strstr(out, "\nNext: ");
	size_t len = next ? strcspn(next + 1, "\n") : 0;

	if (!ex->first)
		return;
	cr_expect(next, "%s: the report has no \"Next:\" line:\n%s", folder,
		  out);
	if (next)
		cr_expect(memmem(next + 1, len, ex->first, strlen(ex->first)),
			  "%s: the first diagnosis should say \"%s\":\n%.*s",
			  folder, ex->first, (int)len, next + 1);
}

/* The first control byte of text but newline and tab (ESC too), or 0. */
static int control_byte(const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return *p;
	return 0;
}

ParameterizedTest(struct corpus_case *c, corpus, folder, .timeout = 120)
{
	struct expect ex;
	struct harness_run run;
	struct report report;
	char *scratch = harness_tempdir(), *submission;
	char json[600], tmp[600], home[600], tmpdir_env[620], home_env[620];
	const char *args[48] = { "--json", json, "--no-color" };
	const char *env[] = { tmpdir_env, home_env, NULL };
	char *before, *after;
	size_t n;

	read_expect(&ex, c->path);
	snprintf(json, sizeof json, "%s/results.json", scratch);
	snprintf(tmp, sizeof tmp, "%s/tmp", scratch);
	snprintf(home, sizeof home, "%s/home", scratch);
	mkdir(tmp, 0777);
	mkdir(home, 0777);
	snprintf(tmpdir_env, sizeof tmpdir_env, "TMPDIR=%s", tmp);
	snprintf(home_env, sizeof home_env, "HOME=%s", home);
	submission = materialise(c->path, scratch);
	n = only_args(submission, args, 3);
	args[n++] = submission;
	args[n] = NULL;

	before = harness_snapshot(submission);
	harness_grade(&run, args, env);
	after = harness_snapshot(submission);

	cr_expect_eq(run.status, ex.passes ? 0 : 1,
		     "%s: exit status %d, expected %d\nstderr: %s", c->path,
		     run.status, ex.passes ? 0 : 1, run.err);
	cr_expect(run.seconds < ex.timeout, "%s: grading took %.1f s, the "
		  "limit is %.0f s", c->path, run.seconds, ex.timeout);
	cr_expect_str_eq(after, before, "%s: the grader changed the folder",
			 c->path);
	cr_expect_eq(harness_count_entries(tmp), 0,
		     "%s: the grader left files in its TMPDIR", c->path);
	cr_expect_eq(harness_count_entries(home), 0,
		     "%s: the grader left files in its HOME", c->path);
	cr_expect_eq(run.leftover, 0, "%s: %d process(es) left running",
		     c->path, run.leftover);
	/* Whatever the files say, nothing reaches the terminal raw. */
	cr_expect_eq(control_byte(run.out), 0, "%s: the grader printed the "
		     "control byte 0x%02x", c->path, control_byte(run.out));
	check_first(run.out, &ex, c->path);
	report_load(&report, json);
	cr_expect(!report.problem, "%s: results.json: %s", c->path,
		  report.problem);
	if (!report.problem)
		check_report(&report, &ex, c->path);

	report_release(&report);
	harness_run_release(&run);
	free(before);
	free(after);
	free(ex.text);
	free(submission);
	harness_remove(scratch);
	free(scratch);
}
