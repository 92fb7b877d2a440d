/*
 * test_grader_stubs.c - a stub scores 0, whatever constant it returns.
 *
 * tests/corpus/hostile/stub_constant_zero holds every exercise file with every
 * function returning STUB (0.0) and writing it into its outputs.  Here the
 * same files are graded with STUB set to other constants that property
 * tests have been fooled by (1/2 satisfies sigma(z) + sigma(-z) = 1, 1 is
 * "at most 1 per sample", -1, 42, NaN): the score must be 0 of the whole
 * maximum, hidden tests included.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/catalog.h"
#include "support/harness.h"
#include "support/json.h"

#define STUBS "tests/corpus/hostile/stub_constant_zero"
#define STUB_LINE "#define STUB 0.0\n"

/* Copies the stub folder into dir with STUB set to value. */
static void write_stubs(const char *dir, const char *value)
{
	for (size_t i = 0; i < TEST_EXERCISE_COUNT; i++) {
		char *src, *dst, *text, *at, *out;
		const char *file = test_exercises[i].file;

		cr_assert_geq(asprintf(&src, STUBS "/%s", file), 0);
		dst = harness_join(dir, file);
		text = harness_read_file(src);
		if (!text) {	/* not handed in: no points either */
			free(src);
			free(dst);
			continue;
		}
		at = strstr(text, STUB_LINE);
		cr_assert_not_null(at, "%s has no line %s", src, STUB_LINE);
		cr_assert_geq(asprintf(&out, "%.*s#define STUB %s\n%s",
				       (int)(at - text), text, value,
				       at + strlen(STUB_LINE)), 0);
		harness_write_file(dst, out, strlen(out));
		free(out);
		free(text);
		free(src);
		free(dst);
	}
}

/* The value as C source; held in the parameter itself, since the test
 * workers are new processes where a pointer would not hold. */
struct stub_value {
	char text[32];
};

ParameterizedTestParameters(stubs, score_zero)
{
	static const struct stub_value values[] = {
		{ "0.5" }, { "1.0" }, { "-1.0" }, { "42.0" },
		{ "__builtin_nan(\"\")" },
	};
	size_t n = sizeof values / sizeof *values;
	struct stub_value *params = cr_malloc(sizeof values);

	memcpy(params, values, sizeof values);
	return cr_make_param_array(struct stub_value, params, n);
}

ParameterizedTest(struct stub_value *stub, stubs, score_zero, .timeout = 120)
{
	char *dir = harness_tempdir(), *path, *text;
	struct harness_run run;
	const struct json *score, *max_score;
	struct json *root;

	write_stubs(dir, stub->text);
	cr_assert_geq(asprintf(&path, "%s/results.json", dir), 0);
	/* Hidden tests too; the student view sums them into one entry. */
	const char *args[] = { "--hidden", "--no-cache", "--seed", "7",
			       "--json", path, dir,
			       NULL };
	harness_grade(&run, args, NULL);
	cr_expect_eq(run.status, 1, "STUB %s: grader exit %d\n%s%s", stub->text,
		     run.status, run.out, run.err);
	text = harness_read_file(path);
	cr_assert_not_null(text, "STUB %s: no results.json", stub->text);
	root = json_parse(text);
	cr_assert_not_null(root, "STUB %s: results.json is not JSON",
			   stub->text);
	score = json_get(root, "score");
	max_score = json_get(root, "max_score");
	cr_assert(score && max_score, "STUB %s: no score", stub->text);
	cr_expect_gt(max_score->number, 0);
	cr_expect_eq(score->number, 0, "STUB %s scored %g of %g", stub->text,
		     score->number, max_score->number);
	json_free(root);
	free(text);
	harness_run_release(&run);
	free(path);
	harness_remove(dir);
	free(dir);
}
