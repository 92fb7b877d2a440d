/*
 * grade.c - one exercise file from source to verdicts.
 */
#define _GNU_SOURCE
#include "grade.h"

#include <errno.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cache.h"
#include "compile.h"
#include "grade_explain.h"
#include "result_cache.h"
#include "run.h"
#include "sandbox/sandbox.h"

/* The functions selected, NULL-terminated, and the --filter pattern. */
struct selection {
	const char *functions[CATALOG_MAX_FUNCTIONS + 1];
	char *filter;		/* NULL: the whole suite */
};

static void selection_init(struct selection *selection,
			   const struct grade_task *task)
{
	struct strbuf pattern;
	size_t n = 0;

	strbuf_init(&pattern);
	for (unsigned i = 0; task->exercise->functions[i]; i++)
		if (task->selected & (1u << i))
			selection->functions[n++] = task->exercise->functions[i];
	selection->functions[n] = NULL;
	selection->filter = NULL;
	if (task->whole || n == 0) {
		strbuf_release(&pattern);
		return;
	}
	if (n == 1) {
		strbuf_addf(&pattern, "%s/*", selection->functions[0]);
	} else {
		strbuf_addstr(&pattern, "@(");
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&pattern, "%s%s", i ? "|" : "",
				    selection->functions[i]);
		strbuf_addstr(&pattern, ")/*");
	}
	selection->filter = strbuf_detach(&pattern);
	strbuf_release(&pattern);
}

static void selection_release(struct selection *selection)
{
	free(selection->filter);
	selection->filter = NULL;
}

/*
 * Runs the judge once, against the runner, or, when runner is NULL, only
 * to list its tests (no test runs); false when it left no usable report.
 */
static bool run_once(const struct grade_task *task, const char *runner,
		     const char *filter, struct results *results,
		     struct run_judged_result *run)
{
	char *judge = resources_suite_judge(task->resources, task->exercise);
	char *judge_dir = xstrfmt("%s/judge", task->workdir);
	struct run_judged_job job = {
		.judge = judge,
		.runner = runner,
		.workdir = task->workdir,
		.judge_workdir = judge_dir,
		.filter = filter,
		.seed = task->seed,
		.list_only = runner == NULL,
	};
	bool usable = false;

	if ((mkdir(judge_dir, 0700) == 0 || errno == EEXIST) &&
	    run_judged(&job, run) == 0) {
		results_parse(results, run->report.buf);
		usable = results->has_seed && !run->report_too_long &&
			 !run->judge.timed_out &&
			 WIFEXITED(run->judge.wait_status);
	}
	free(judge_dir);
	free(judge);
	return usable;
}

/*
 * The judge's list of its tests (run_once without a runner), from the
 * cache when there is one: the same for every student, so listed once per
 * grader build.  False when the suite program failed.
 */
static bool list_tests(const struct grade_task *task,
		       const struct selection *selection, const char *judge,
		       struct results *list)
{
	struct run_judged_result run;
	struct strbuf identity, text;
	char *entry = NULL, *buf = NULL;
	size_t len = 0;
	bool listed = false;
	FILE *out;

	strbuf_init(&identity);
	strbuf_init(&text);
	if (task->cache_dir) {
		strbuf_addstr(&identity, "wb-list 1\n");
		cache_add_file_identity(&identity, "grader", "/proc/self/exe");
		cache_add_file_identity(&identity, "judge", judge);
		entry = cache_lookup(task->cache_dir, &identity);
	}
	if (entry && cache_read(entry, "tests", &text)) {
		results_parse(list, text.buf);
		listed = list->nr > 0;
	}
	if (!listed) {
		results_clear_tests(list);
		run_judged_result_init(&run);
		/* Unfiltered when kept: one entry serves every selection. */
		listed = run_once(task, NULL, task->cache_dir ? NULL :
				  selection->filter, list, &run) &&
			 list->nr > 0;
		run_judged_result_release(&run);
		if (listed && task->cache_dir &&
		    (out = open_memstream(&buf, &len))) {
			struct cache_writer writer;

			results_write(list, out);
			if (fclose(out) == 0) {
				cache_writer_init(&writer, task->cache_dir,
						  &identity);
				cache_writer_add(&writer, "tests", buf, len);
				cache_writer_commit(&writer);
			}
			free(buf);
		}
	}
	free(entry);
	strbuf_release(&identity);
	strbuf_release(&text);
	return listed;
}

/* Every test of the selection, each marked with outcome and message. */
static void fail_every_test(const struct grade_task *task,
			    const struct selection *selection,
			    enum results_outcome outcome, const char *message,
			    struct results *results)
{
	char *judge = resources_suite_judge(task->resources, task->exercise);
	struct results list;

	results_init(&list);
	if (!list_tests(task, selection, judge, &list)) {
		results_set_file(results, RESULTS_FILE_INTERNAL,
				 "the grader could not list the tests of this "
				 "file (its suite program failed); run `make "
				 "build-all` and try again");
	}
	results_keep_functions(&list, selection->functions);
	for (size_t i = 0; i < list.nr; i++) {
		struct results_test *test = results_add(results,
			list.tests[i].function, list.tests[i].check,
			list.tests[i].description);

		test->outcome = outcome;
		test->hidden = list.tests[i].hidden;
		results_set_message(test, message);
	}
	results_release(&list);
	free(judge);
}

static bool run_student(const struct grade_task *task,
			const struct selection *selection, const char *binary,
			struct results *results);

/*
 * Holds the verdicts to the judge's own test list (list_tests): a test
 * that did not report is a failed test, a name the list lacks is dropped.
 * The judge is the grader's code, so either means a grader fault; the
 * student is never credited for it.
 */
static void reconcile(const struct grade_task *task,
		      const struct selection *selection, struct results *found)
{
	char *judge = resources_suite_judge(task->resources, task->exercise);
	struct results_reconcile_info info = { 0 };
	struct results list;

	results_init(&list);
	results_keep_functions(found, selection->functions);
	if (list_tests(task, selection, judge, &list)) {
		results_keep_functions(&list, selection->functions);
		results_reconcile(found, &list, &info);
	}
	if (info.unknown || info.duplicates)
		fprintf(stderr, "grader: %s: ignored %zu results of unknown "
			"tests and %zu repeated ones\n", task->exercise->file,
			info.unknown, info.duplicates);
	results_release(&list);
	free(judge);
}

static void append_tests(struct results *results, const struct results *from)
{
	for (size_t i = 0; i < from->nr; i++) {
		struct results_test *test = results_add(results,
			from->tests[i].function, from->tests[i].check,
			from->tests[i].description);

		test->hidden = from->tests[i].hidden;
		results_copy_verdict(test, &from->tests[i]);
	}
}

/* Output flooded: learn which functions printed it, one run each. */
static void attribute_flood(const struct grade_task *task,
			    const struct selection *selection,
			    const char *binary, struct results *results)
{
	char *message;

	if (!selection->functions[0] || !selection->functions[1]) {
		message = xstrfmt("printed more than %d bytes of output: remove "
				  "the printf calls (debugging output) from %s",
				  RUN_OUTPUT_BYTES, selection->functions[0] ?
				  selection->functions[0] : task->exercise->file);
		results_clear_tests(results);
		fail_every_test(task, selection, RESULTS_FAILED, message,
				results);
		free(message);
		return;
	}
	results_clear_tests(results);
	for (size_t f = 0; selection->functions[f]; f++) {
		struct grade_task one = *task;
		struct selection single = { { selection->functions[f], NULL },
					    NULL };

		one.whole = false;
		single.filter = xstrfmt("%s/*", selection->functions[f]);
		run_student(&one, &single, binary, results);
		free(single.filter);
	}
}

/*
 * Runs the suite and adds its verdicts; false when they depend on more than
 * the program and the seed (the run was lost, or flooded its output).
 */
static bool run_student(const struct grade_task *task,
			const struct selection *selection, const char *binary,
			struct results *results)
{
	struct run_judged_result run;
	struct results found;
	char *message;
	bool usable, flooded;

	run_judged_result_init(&run);
	results_init(&found);
	usable = run_once(task, binary, selection->filter, &found, &run);
	flooded = run.runner.output_truncated;
	if (!usable) {
		message = grade_explain_lost_run(&run, task->exercise->file);
		fail_every_test(task, selection, RESULTS_FAILED, message,
				results);
		free(message);
	} else {
		reconcile(task, selection, &found);
		for (size_t i = 0; i < found.nr; i++)
			grade_explain_test(&found.tests[i]);
		if (flooded)
			attribute_flood(task, selection, binary, &found);
		append_tests(results, &found);
	}
	results_release(&found);
	run_judged_result_release(&run);
	return usable && !flooded;
}

/*
 * run_student, or its verdicts kept from an earlier run of the same program
 * with the same chosen seed and selection (result_cache.h).
 */
static void run_or_recall(const struct grade_task *task,
			  const struct selection *selection,
			  const struct compile_result *compiled,
			  struct results *results)
{
	struct result_cache_key key = {
		.binary_key = &compiled->key,
		.seed = task->seed,
		.functions = selection->functions,
		.whole = task->whole,
		.hidden = task->hidden,
		.sandbox = sandbox_mode(),
	};
	struct results kept;
	struct strbuf identity;

	if (!task->cache_dir || !task->seed_chosen || !compiled->key.len) {
		run_student(task, selection, compiled->binary, results);
		return;
	}
	strbuf_init(&identity);
	results_init(&kept);
	result_cache_identity(&key, &identity);
	if (result_cache_fetch(task->cache_dir, &identity, task->seed,
			       &kept) == 0)
		append_tests(results, &kept);
	else if (run_student(task, selection, compiled->binary, results))
		result_cache_store(task->cache_dir, &identity, results);
	results_release(&kept);
	strbuf_release(&identity);
}

void grade_exercise(const struct grade_task *task, struct results *results)
{
	struct compile_job job = {
		.resources = task->resources,
		.exercise = task->exercise,
		.workdir = task->workdir,
		.cache_dir = task->cache_dir,
	};
	struct compile_result compiled;
	struct selection selection;
	char *student = xstrfmt("%s/%s", task->dir, task->file ? task->file :
				task->exercise->file);

	job.student_path = student;
	job.shown = task->shown ? task->shown : task->exercise->file;
	selection_init(&selection, task);
	compile_result_init(&compiled);
	results->seed = task->seed;
	results->has_seed = true;
	if (compile_exercise(&job, &compiled) != 0) {
		results_set_file(results, RESULTS_FILE_INTERNAL,
				 compiled.message.buf);
	} else if (compiled.status != RESULTS_FILE_OK) {
		results_set_file(results, compiled.status, compiled.message.buf);
		fail_every_test(task, &selection,
				compiled.status == RESULTS_FILE_MISSING ?
				RESULTS_MISSING : RESULTS_FILE_ERROR,
				compiled.message.buf, results);
	} else {
		run_or_recall(task, &selection, &compiled, results);
	}
	if (compiled.warnings.len)
		results->advice = xstrdup(compiled.warnings.buf);
	compile_result_release(&compiled);
	selection_release(&selection);
	free(student);
}
