/*
 * test_gradescope.c - the Gradescope package as Gradescope uses it: the zip
 * (WB_GRADESCOPE_ZIP, made with the course secret WB_GRADESCOPE_SECRET) is
 * unpacked into a fake /autograder (AUTOGRADER_ROOT), its setup.sh builds
 * it, its run_autograder grades a submission, and results.json is read
 * back: hidden tests count, as one entry that names none of them.  Run by
 * `make test-gradescope` (about 30 s).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>

#include "support/catalog.h"
#include "support/harness.h"
#include "support/json.h"
#include "support/leaks.h"
#include "util/digest.h"

/* The contract functions of 02_bce.c: the exercise submitted as a stub. */
static const char *const stub_functions[] = {
	"bce_loss:", "bce_with_logits:", "bce_with_logits_grad:",
};

static char *format(const char *fmt, ...)
{
	va_list ap;
	char *text = NULL;

	va_start(ap, fmt);
	cr_assert_geq(vasprintf(&text, fmt, ap), 0);
	va_end(ap);
	return text;
}

static void run_shell(const char *fmt, ...)
{
	va_list ap;
	char *command = NULL;

	va_start(ap, fmt);
	cr_assert_geq(vasprintf(&command, fmt, ap), 0);
	va_end(ap);
	cr_assert_eq(system(command), 0, "failed: %s", command);
	free(command);
}

static const char *zip_path(void)
{
	const char *zip = getenv("WB_GRADESCOPE_ZIP");

	return zip ? zip : "build/gradescope/test/autograder.zip";
}

/* A fake /autograder with the zip unpacked in source/, as Gradescope does. */
static char *fake_autograder(void)
{
	char *root = harness_tempdir();
	char *submission = format("%s/submission", root);

	run_shell("unzip -q '%s' -d '%s/source'", zip_path(), root);
	cr_assert_eq(mkdir(submission, 0755), 0);
	free(submission);
	return root;
}

/* run_autograder of the zip, then results.json parsed (must be valid). */
static struct json *run_autograder(const char *root)
{
	char *path = format("%s/results/results.json", root);
	struct json *results;
	char *text;

	run_shell("AUTOGRADER_ROOT='%s' sh '%s/source/run_autograder' "
		  ">'%s/run.log' 2>&1", root, root, root);
	text = harness_read_file(path);
	cr_assert_not_null(text, "run_autograder wrote no %s", path);
	results = json_parse(text);
	cr_assert_not_null(results, "results.json is not valid JSON:\n%s", text);
	free(text);
	free(path);
	return results;
}

static bool starts_with_any(const char *name, const char *const *prefixes,
			    size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* Solutions for every exercise but 02_bce.c, which is its stub; nested two
 * folders down, as a student uploading their copy of the workbook would,
 * with a stray file beside them. */
static void write_submission(const char *root)
{
	char *top = format("%s/submission/my-workbook", root);
	char *folder = format("%s/exercises", top);
	char *stray = format("%s/notes.pdf", top);

	cr_assert_eq(mkdir(top, 0755), 0);
	cr_assert_eq(mkdir(folder, 0755), 0);
	harness_write_file(stray, "%PDF", 4);
	free(stray);
	free(top);
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		const char *file = test_exercises[i].file;
		const char *from = strcmp(file, "02_bce.c") ? "solutions" :
							      "exercises";
		char *src = format("%s/%s", from, file);
		char *dst = format("%s/%s", folder, file);

		harness_copy_file(src, dst);
		free(src);
		free(dst);
	}
	free(folder);
}

static void write_metadata(const char *root)
{
	static const char metadata[] =
		"{\"id\": 123456, \"created_at\": \"2024-01-01T10:00:00\",\n"
		" \"users\": [\n  {\"email\": \"ada@example.edu\", \"id\": 4242,"
		" \"name\": \"Ada\",\n   \"assignment\": {\"due_date\": null}}\n"
		" ],\n \"assignment\": {\"id\": 7, \"title\": \"Workbook\"}}\n";
	char *path = format("%s/submission_metadata.json", root);

	harness_write_file(path, metadata, strlen(metadata));
	free(path);
}

Test(gradescope, grades_a_submission,
     .description = "setup.sh builds the zip's sources and run_autograder "
		    "grades with hidden tests and the student's seed",
     .timeout = 240)
{
	const char *secret = getenv("WB_GRADESCOPE_SECRET");
	char *root = fake_autograder();
	struct json *results;
	const struct json *tests, *output;
	double score = 0, max_score = 0;
	size_t hidden_entries = 0, stub_hidden = 0;
	struct leaks leaks;
	char *seed, *log, *line;

	cr_assert_not_null(secret, "set WB_GRADESCOPE_SECRET to the zip's secret");
	run_shell("sh '%s/source/setup.sh' >'%s/setup.log' 2>&1", root, root);
	write_submission(root);
	write_metadata(root);
	results = run_autograder(root);
	leaks_init_hidden(&leaks);
	for (size_t i = 0; i < leaks.count; i++)
		stub_hidden += starts_with_any(leaks.items[i], stub_functions, 3);
	cr_assert_gt(stub_hidden, 0, "02_bce.c has no hidden tests to fail");

	tests = json_get(results, "tests");
	cr_assert(tests && tests->type == JSON_ARRAY && tests->count > 0);
	for (size_t i = 0; i < tests->count; i++) {
		const struct json *t = tests->items[i];
		const char *name = json_get(t, "name")->string;
		const char *visibility = json_get(t, "visibility")->string;
		bool stub = starts_with_any(name, stub_functions, 3);
		double points = json_get(t, "score")->number;

		score += points;
		max_score += json_get(t, "max_score")->number;
		/* Only the summed points and the count of the hidden tests. */
		if (!strcmp(name, "Hidden tests")) {
			hidden_entries++;
			cr_expect_eq(json_get(t, "max_score")->number,
				     (double)leaks.count);
			cr_expect_eq(points, (double)(leaks.count - stub_hidden));
			line = format("%zu hidden tests: %zu passed",
				      leaks.count, leaks.count - stub_hidden);
			cr_expect_str_eq(json_get(t, "output")->string, line);
			free(line);
		} else {
			cr_expect_eq(points, stub ? 0.0 : 1.0, "%s: score %g",
				     name, points);
		}
		cr_expect_str_eq(visibility, "visible", "%s", name);
	}
	cr_expect_eq(hidden_entries, 1);
	cr_expect_null(leaks_find_json(&leaks, results),
		       "results.json names a hidden test");
	log = format("%s/run.log", root);
	line = harness_read_file(log);
	cr_assert_not_null(line);
	cr_expect_null(leaks_find(&leaks, line), "stdout names a hidden test:"
		       "\n%s", line);
	free(line);
	free(log);
	leaks_release(&leaks);
	cr_expect_str_eq(json_get(results, "stdout_visibility")->string,
			 "visible");
	cr_expect_eq(json_get(results, "score")->number, score);
	cr_expect_eq(json_get(results, "max_score")->number, max_score);
	cr_expect_lt(score, max_score);

	seed = format("seed %llu", (unsigned long long)digest_student_seed(
		secret, strlen(secret), "ada@example.edu"));
	output = json_get(results, "output");
	cr_assert(output && output->type == JSON_STRING);
	cr_expect(strstr(output->string, seed), "no \"%s\" in the output:\n%s",
		  seed, output->string);
	free(seed);
	/* Paths relative to the submission, none of the grading machine. */
	cr_expect(strstr(output->string, "my-workbook/exercises/02_bce.c"),
		  "%s", output->string);
	cr_expect(strstr(output->string, "Not graded (it is no exercise file): "
			 "my-workbook/notes.pdf"), "%s", output->string);
	line = format("%s/results/results.json", root);
	log = harness_read_file(line);
	cr_assert_not_null(log);
	cr_expect_null(strstr(log, root), "results.json holds %s:\n%s", root,
		       log);
	cr_expect_null(strstr(log, "/tmp/"), "results.json holds /tmp/:\n%s",
		       log);
	free(log);
	free(line);
	json_free(results);
	harness_remove(root);
	free(root);
}

Test(gradescope, always_leaves_results,
     .description = "an unbuilt autograder or an empty submission still "
		    "gives a valid results.json telling the student what to do",
     .timeout = 60)
{
	char *root = fake_autograder();
	struct json *results = run_autograder(root);
	const struct json *output = json_get(results, "output");

	cr_expect_eq(json_get(results, "score")->number, 0.0);
	cr_assert(output && output->type == JSON_STRING);
	cr_expect(strstr(output->string, "tell your instructor"), "%s",
		  output->string);
	json_free(results);
	harness_remove(root);
	free(root);
}
