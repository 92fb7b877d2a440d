/*
 * test_grader_hint.c - build/grader --hint FUNCTION: one more hint each
 * time, remembered outside the student's folder; a passing function names
 * the next; an unknown one is refused in one line.  About 2 s.
 */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/harness.h"

/* A scratch HOME, XDG_STATE_HOME and TMPDIR, and a copy of a folder. */
struct scene {
	char *root;
	char *dir;		/* the student's folder */
	char *tmp;		/* TMPDIR */
	char *env[4];
};

static void scene_init(struct scene *scene, const char *from)
{
	scene->root = harness_tempdir();
	cr_assert(asprintf(&scene->dir, "%s/work", scene->root) > 0);
	cr_assert(asprintf(&scene->tmp, "%s/tmp", scene->root) > 0);
	cr_assert(mkdir(scene->dir, 0700) == 0 && mkdir(scene->tmp, 0700) == 0);
	harness_copy_files(from, scene->dir);
	cr_assert(asprintf(&scene->env[0], "HOME=%s", scene->root) > 0);
	cr_assert(asprintf(&scene->env[1], "XDG_STATE_HOME=%s/state",
			   scene->root) > 0);
	cr_assert(asprintf(&scene->env[2], "TMPDIR=%s", scene->tmp) > 0);
	scene->env[3] = NULL;
}

static void scene_release(struct scene *scene)
{
	cr_expect_eq(harness_count_entries(scene->tmp), 0,
		     "scratch files left in TMPDIR");
	harness_remove(scene->root);
	free(scene->root);
	free(scene->dir);
	free(scene->tmp);
	for (int i = 0; i < 3; i++)
		free(scene->env[i]);
}

static void hint(struct harness_run *run, const char *const *env,
		 const char *function, const char *dir)
{
	harness_grade(run, (const char *[]){ "--hint", function, dir, NULL },
		      env);
}

Test(hint, successive_calls_show_one_more_hint)
{
	struct scene scene;
	struct harness_run first, second;
	char *before, *after, *state, *path;

	scene_init(&scene, "exercises");
	before = strdup(harness_snapshot(scene.dir));
	hint(&first, (const char *const *)scene.env, "sigmoid_grad", scene.dir);
	hint(&second, (const char *const *)scene.env, "sigmoid_grad", scene.dir);
	cr_expect_eq(first.status, 1, "exit %d (stderr: %s)", first.status,
		     first.err);
	cr_expect(strstr(first.out, "Hint 1: ") && !strstr(first.out, "Hint 2: "),
		  "%s", first.out);
	cr_expect(strstr(first.out, "hint 1 of "), "%s", first.out);
	cr_expect(strstr(first.out, "run the same command for the next"),
		  "%s", first.out);
	cr_expect(strstr(first.out, "chapter 1, \""), "no section cited: %s",
		  first.out);
	cr_expect(strstr(second.out, "Hint 1: ") &&
		  strstr(second.out, "Hint 2: "), "%s", second.out);
	cr_expect(strstr(second.out, "hint 2 of "), "%s", second.out);

	cr_assert(asprintf(&path, "%s/state/cross-entropy-workbook/hints",
			   scene.root) > 0);
	state = harness_read_file(path);
	cr_expect(state && strstr(state, "sigmoid_grad"),
		  "no state in %s: %s", path, state ? state : "(none)");
	free(state);
	free(path);
	after = harness_snapshot(scene.dir);
	cr_expect_str_eq(after, before, "the grader wrote into the folder");
	free(before);
	harness_run_release(&first);
	harness_run_release(&second);
	scene_release(&scene);
}

/* Asks for hints until the grader says there are no more (at most 20). */
static char *hints_until_the_last(struct scene *scene, const char *function,
				  char **first)
{
	struct harness_run run;

	*first = NULL;
	for (int i = 0; i < 20; i++) {
		char *out;

		hint(&run, (const char *const *)scene->env, function,
		     scene->dir);
		out = strdup(run.out);
		harness_run_release(&run);
		if (!*first)
			*first = strdup(out);
		if (strstr(out, "That was the last hint"))
			return out;
		free(out);
	}
	cr_assert_fail("--hint %s never said it was the last", function);
	return NULL;
}

Test(hint, starts_with_the_failing_check_and_ends_at_the_section)
{
	struct scene scene;
	char *first, *last;

	/* The naive MSE file: sigma' as s (1 - s) fails the "tails" check. */
	scene_init(&scene, "tests/corpus/buggy/05_mse_naive_sigmoid_prime");
	last = hints_until_the_last(&scene, "mse_sigmoid_grad", &first);
	cr_expect(strstr(first, "Hint 1: compute sigma'(z) as e / (1 + e)^2"),
		  "the first hint is not the failing check's: %s", first);
	cr_expect(strstr(first, "chapter 5, \"Exercise\""), "%s", first);
	cr_expect(!strstr(last, "Hint 1:"), "the last hint repeated: %s",
		  last);
	cr_expect(strstr(last, "That was the last hint for mse_sigmoid_grad. "
			 "Read chapter 5, \"Exercise\" again;"), "%s", last);
	free(first);
	free(last);
	scene_release(&scene);
}

Test(hint, without_home_shows_the_first_hint_and_says_so)
{
	struct harness_run run;

	/* The harness passes only PATH and LANG: no HOME, no state. */
	hint(&run, NULL, "sigmoid", "exercises");
	cr_expect_eq(run.status, 1, "exit %d (stderr: %s)", run.status, run.err);
	cr_expect(strstr(run.out, "Hint 1: "), "%s", run.out);
	cr_expect(strstr(run.out, "cannot remember"), "%s", run.out);
	harness_run_release(&run);
}

Test(hint, passing_function_names_the_next)
{
	struct scene scene;
	struct harness_run run;

	scene_init(&scene, "solutions");
	hint(&run, (const char *const *)scene.env, "sigmoid", scene.dir);
	cr_expect_eq(run.status, 0, "exit %d (stderr: %s)", run.status, run.err);
	cr_expect(strstr(run.out, "sigmoid passes all"), "%s", run.out);
	cr_expect(strstr(run.out, "Next: sigmoid_grad"), "%s", run.out);
	cr_expect(!strstr(run.out, "Hint"), "%s", run.out);
	harness_run_release(&run);
	scene_release(&scene);
}

Test(hint, unknown_function_is_refused_in_one_line)
{
	struct harness_run run;

	hint(&run, NULL, "bce", "exercises");
	cr_expect_eq(run.status, 2, "exit %d", run.status);
	cr_expect_eq(harness_lines(run.err), 1, "%s", run.err);
	cr_expect(strstr(run.err, "--hint bce:"), "%s", run.err);
	cr_expect(strstr(run.err, "did you mean 02_bce.c, bce_loss or "
		  "bce_with_logits?"), "%s", run.err);
	cr_expect_str_eq(run.out, "");
	harness_run_release(&run);
}

Test(hint, missing_file_says_what_to_copy)
{
	struct scene scene;
	struct harness_run run;
	char *path;

	scene_init(&scene, "exercises");
	cr_assert(asprintf(&path, "%s/02_bce.c", scene.dir) > 0);
	cr_assert(unlink(path) == 0);
	hint(&run, (const char *const *)scene.env, "bce_loss", scene.dir);
	cr_expect_eq(run.status, 1, "exit %d (stderr: %s)", run.status, run.err);
	cr_expect(strstr(run.out, "copy exercises/02_bce.c"), "%s", run.out);
	harness_run_release(&run);
	free(path);
	scene_release(&scene);
}
