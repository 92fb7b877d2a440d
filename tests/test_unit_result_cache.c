/*
 * test_unit_result_cache.c - verdicts kept for a chosen seed: the key
 * (seed, selection, hidden, program), what is never kept (timeouts, kills
 * by the limits, lost files), damaged entries; then real gradings of
 * 01_sigmoid.c through grade_exercise with a private cache.  The
 * grader's own JSON, fresh and cached: tests/test_grader_regrade.c.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include "core/cache.h"
#include "core/catalog.h"
#include "core/grade.h"
#include "core/result_cache.h"
#include "core/workspace.h"
#include "support/harness.h"

static const char *const both[] = { "sigmoid", "sigmoid_grad", NULL };

static void key_identity(struct strbuf *identity, uint64_t seed, bool hidden,
			 const char *const *functions, bool whole,
			 const char *binary)
{
	struct strbuf binary_key;
	struct result_cache_key key = {
		.binary_key = &binary_key, .seed = seed,
		.functions = functions, .whole = whole, .hidden = hidden,
		.sandbox = "bubblewrap",
	};

	strbuf_init(&binary_key);
	strbuf_addstr(&binary_key, binary);
	strbuf_init(identity);
	result_cache_identity(&key, identity);
	strbuf_release(&binary_key);
}

static bool same_identity(uint64_t seed, bool hidden,
			  const char *const *functions, bool whole,
			  const char *binary)
{
	struct strbuf a, b;
	bool same;

	key_identity(&a, 1, false, both, true, "program A");
	key_identity(&b, seed, hidden, functions, whole, binary);
	same = a.len == b.len && !memcmp(a.buf, b.buf, a.len);
	strbuf_release(&a);
	strbuf_release(&b);
	return same;
}

Test(result_cache, key_names_seed_selection_hidden_and_program)
{
	static const char *const one[] = { "sigmoid", NULL };

	cr_assert(same_identity(1, false, both, true, "program A"));
	cr_assert_not(same_identity(2, false, both, true, "program A"));
	cr_assert_not(same_identity(1, true, both, true, "program A"));
	cr_assert_not(same_identity(1, false, one, false, "program A"));
	cr_assert_not(same_identity(1, false, both, true, "program B"));
}

static void sample_results(struct results *results, uint64_t seed)
{
	struct results_test *test;

	results_init(results);
	results->has_seed = true;
	results->seed = seed;
	test = results_add(results, "sigmoid", "ordinary", "matches\tthe ref");
	test->outcome = RESULTS_PASSED;
	test = results_add(results, "sigmoid", "tails", "both tails");
	test->outcome = RESULTS_FAILED;
	test->hidden = true;
	results_set_message(test, "wrong\ninput: z = -800\\n\texpected: 0");
	test = results_add(results, "sigmoid_grad", "even", "is even");
	test->outcome = RESULTS_CRASHED;
	test->signal = SIGSEGV;
	results_set_message(test, "crashed with SIGSEGV");
}

static char *written(const struct results *results)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert(out);
	results_write(results, out);
	fclose(out);
	return buf;
}

Test(result_cache, repeatable_only_without_time_or_load)
{
	struct results results;

	sample_results(&results, 1);
	cr_assert(result_cache_repeatable(&results));
	results.tests[2].signal = SIGKILL;
	cr_assert_not(result_cache_repeatable(&results));
	results.tests[2].signal = SIGXCPU;
	cr_assert_not(result_cache_repeatable(&results));
	results.tests[2].outcome = RESULTS_TIMED_OUT;
	results.tests[2].signal = 0;
	cr_assert_not(result_cache_repeatable(&results));
	results.tests[2].outcome = RESULTS_INCOMPLETE;
	cr_assert(result_cache_repeatable(&results));
	results_set_file(&results, RESULTS_FILE_RUN_ERROR, "lost");
	cr_assert_not(result_cache_repeatable(&results));
	results_set_file(&results, RESULTS_FILE_INTERNAL, "broken");
	cr_assert_not(result_cache_repeatable(&results));
	results_release(&results);
	results_init(&results);
	cr_assert_not(result_cache_repeatable(&results), "no tests at all");
	results_release(&results);
}

/* The verdicts kept for `identity` and seed, written out, or NULL. */
static char *fetched(const char *dir, const struct strbuf *identity,
		     uint64_t seed)
{
	struct results results;
	char *text = NULL;

	results_init(&results);
	if (result_cache_fetch(dir, identity, seed, &results) == 0)
		text = written(&results);
	results_release(&results);
	return text;
}

Test(result_cache, round_trip_is_exact)
{
	char *dir = harness_tempdir(), *fresh, *got;
	struct strbuf identity;
	struct results results;

	key_identity(&identity, 5, false, both, true, "program A");
	cr_assert_null(fetched(dir, &identity, 5));
	sample_results(&results, 5);
	result_cache_store(dir, &identity, &results);
	fresh = written(&results);
	got = fetched(dir, &identity, 5);
	cr_assert_not_null(got);
	cr_assert_str_eq(got, fresh);
	cr_assert_null(fetched(dir, &identity, 6), "served for another seed");
	free(got);
	free(fresh);
	results_release(&results);
	strbuf_release(&identity);
	harness_remove(dir);
	free(dir);
}

/* Number of result entries in dir; *last: one of them (malloc'd). */
static size_t result_entries(const char *dir, char **last)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	cr_assert(d);
	while ((e = readdir(d))) {
		char *entry = xstrfmt("%s/%s", dir, e->d_name);
		char *identity = xstrfmt("%s/identity", entry);
		char *text = harness_read_file(identity);

		if (text && !strncmp(text, "wb-results 1\n", 13)) {
			n++;
			if (last) {
				free(*last);
				*last = entry;
				entry = NULL;
			}
		}
		free(text);
		free(identity);
		free(entry);
	}
	closedir(d);
	return n;
}

/* The folder of the only result entry in dir (malloc'd). */
static char *only_entry(const char *dir)
{
	char *found = NULL;
	size_t n = result_entries(dir, &found);

	cr_assert_eq(n, 1, "%zu result entries in %s", n, dir);
	return found;
}

static void damage(const char *dir, const char *file, const char *text)
{
	char *entry = only_entry(dir), *path = xstrfmt("%s/%s", entry, file);

	remove(path);
	harness_write_file(path, text, strlen(text));
	free(path);
	free(entry);
}

Test(result_cache, damaged_entries_are_misses_and_replaced)
{
	char *dir = harness_tempdir(), *got;
	struct strbuf identity;
	struct results results;

	key_identity(&identity, 5, false, both, true, "program A");
	sample_results(&results, 5);
	result_cache_store(dir, &identity, &results);
	damage(dir, "results", "seed\t5\nfile\tok\t\n");	/* cut short */
	cr_assert_null(fetched(dir, &identity, 5));
	damage(dir, "count", "tests 3");			/* no newline */
	cr_assert_null(fetched(dir, &identity, 5));
	result_cache_store(dir, &identity, &results);
	got = fetched(dir, &identity, 5);
	cr_assert_not_null(got, "a store did not replace the damaged entry");
	free(got);
	results_release(&results);
	strbuf_release(&identity);
	harness_remove(dir);
	free(dir);
}

/* ---- real gradings ------------------------------------------------------ */

static char *real(const char *path)
{
	char *resolved = realpath(path, NULL);

	cr_assert(resolved, "%s is not built: run make build-all", path);
	return resolved;
}

struct bench {
	struct resources resources;
	char *cache, *student;
};

static void bench_init(struct bench *b)
{
	resources_init(&b->resources);
	b->resources.root = real("build");
	b->resources.header = real("build/include/workbook.h");
	b->resources.runner = real("build/runner/runner.o");
	b->resources.cc = real("/usr/bin/cc");
	b->cache = harness_tempdir();
	b->student = harness_tempdir();
}

static void bench_release(struct bench *b)
{
	resources_release(&b->resources);
	harness_remove(b->cache);
	harness_remove(b->student);
	free(b->cache);
	free(b->student);
}

static void write_student(struct bench *b, const char *source)
{
	char *path = xstrfmt("%s/01_sigmoid.c", b->student);

	remove(path);
	harness_write_file(path, source, strlen(source));
	free(path);
}

/* Grades 01_sigmoid.c; returns the verdicts written out (malloc'd). */
static char *grade(struct bench *b, uint64_t seed, bool chosen)
{
	char *workdir = harness_tempdir(), *text;
	struct grade_task task = {
		.resources = &b->resources,
		.exercise = catalog_exercise_at(0),
		.dir = b->student, .workdir = workdir, .seed = seed,
		.selected = 3, .whole = true, .seed_chosen = chosen,
		.cache_dir = b->cache,
	};
	struct results results;

	results_init(&results);
	grade_exercise(&task, &results);
	text = written(&results);
	results_release(&results);
	harness_remove(workdir);
	free(workdir);
	return text;
}

/* Whether grading gave the verdict planted in the cache. */
static bool served(struct bench *b, uint64_t seed, bool chosen)
{
	char *text = grade(b, seed, chosen);
	bool planted = strstr(text, "served from the cache") != NULL;

	free(text);
	return planted;
}

#define SIGMOID_OK \
	"#include <math.h>\n#include \"workbook.h\"\n" \
	"double sigmoid(double z)\n{\n\tdouble e;\n\n" \
	"\tif (isnan(z))\n\t\treturn z;\n\tHANG\n\tif (z >= 0.0)\n" \
	"\t\treturn 1.0 / (1.0 + exp(-z));\n\te = exp(z);\n" \
	"\treturn e / (1.0 + e);\n}\n"

Test(result_cache, grading_served_from_cache_only_for_same_key,
     .timeout = 120)
{
	static const char *planted = "test\tsigmoid\tsymmetry\tplanted\t"
		"failed\t0\t0\tserved from the cache\tvisible\n";
	struct bench b;
	char *first, *entry, *path, *old, *text;

	bench_init(&b);
	write_student(&b, "#define HANG\n" SIGMOID_OK);
	first = grade(&b, 7, true);
	cr_assert(strstr(first, "test\tsigmoid\tsymmetry"), "%s", first);
	/* Plant a verdict no run gives: seen again only if served. */
	entry = only_entry(b.cache);
	path = xstrfmt("%s/results", entry);
	old = harness_read_file(path);
	text = xstrfmt("%s%s", planted, old);
	remove(path);
	harness_write_file(path, text, strlen(text));
	cr_assert(served(&b, 7, true), "the same grading was not served");
	cr_assert_not(served(&b, 8, true), "served for another seed");
	cr_assert_not(served(&b, 7, false), "served for a fresh seed");
	write_student(&b, "#define HANG\n" SIGMOID_OK "/* edited */\n");
	cr_assert_not(served(&b, 7, true), "served for an edited file");
	free(text);
	free(old);
	free(path);
	free(entry);
	free(first);
	bench_release(&b);
}

Test(result_cache, timed_out_test_is_run_again, .timeout = 120)
{
	struct bench b;
	char *first;

	bench_init(&b);
	/* Hangs on one input of one test: that test times out. */
	write_student(&b, "#define HANG if (z == 1e300) for (;;) ;\n"
		      SIGMOID_OK);
	first = grade(&b, 7, true);
	cr_assert(strstr(first, "\ttimed_out\t"), "%s", first);
	cr_assert_eq(result_entries(b.cache, NULL), 0,
		     "a grading with a timed-out test was cached");
	free(first);
	bench_release(&b);
}
