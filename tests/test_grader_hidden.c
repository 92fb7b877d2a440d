/*
 * test_grader_hidden.c - hidden tests: absent from the student build of the
 * suites (not even compiled in), present in the instructor build, reported
 * as hidden ("[hidden]" in the text, "after_published" in the JSON) only
 * with --hidden --instructor-view, passed by the reference solutions, and
 * never named in anything a student sees (tests/support/disclosure.c).
 * WB_GRADER names the grader (default build/grader); about 10 s.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support/harness.h"
#include "support/json.h"
#include "support/leaks.h"

/* Counts of a --json report: tests, hidden tests, passed tests. */
struct counts {
	size_t tests, hidden, passed;
};

static struct counts grade_json(bool hidden, struct harness_run *run)
{
	char *dir = harness_tempdir();
	char *json_path = NULL;
	struct counts counts = { 0, 0, 0 };
	const struct json *tests;
	struct json *report;
	char *text;

	cr_assert_geq(asprintf(&json_path, "%s/results.json", dir), 0);
	harness_grade(run, hidden ?
		      (const char *[]){ "--hidden", "--instructor-view", "-v",
					"--seed", "7", "--json", json_path,
					"solutions", NULL } :
		      (const char *[]){ "-v", "--seed", "7", "--json",
					json_path, "solutions", NULL }, NULL);
	cr_assert_eq(run->status, 0, "the solutions fail (status %d):\n%s%s",
		     run->status, run->out, run->err);
	text = harness_read_file(json_path);
	cr_assert_not_null(text);
	report = json_parse(text);
	cr_assert_not_null(report, "not JSON:\n%s", text);
	tests = json_get(report, "tests");
	cr_assert(tests && tests->type == JSON_ARRAY);
	for (size_t i = 0; i < tests->count; i++) {
		const char *visibility =
			json_get(tests->items[i], "visibility")->string;

		cr_expect(!strcmp(visibility, "visible") ||
			  !strcmp(visibility, "after_published"), "%s",
			  visibility);
		counts.tests++;
		counts.hidden += !strcmp(visibility, "after_published");
		counts.passed += json_get(tests->items[i], "score")->number == 1;
	}
	json_free(report);
	free(text);
	free(json_path);
	harness_remove(dir);
	free(dir);
	return counts;
}

Test(hidden, student_build_has_none,
     .description = "without --hidden no hidden test runs or shows")
{
	struct harness_run run;
	struct counts counts = grade_json(false, &run);

	cr_expect_eq(counts.hidden, 0);
	cr_expect_eq(counts.passed, counts.tests);
	cr_expect_null(strstr(run.out, "[hidden]"), "%s", run.out);
	harness_run_release(&run);
}

Test(hidden, instructor_build_marks_them,
     .description = "--hidden --instructor-view adds hidden tests, marked "
		    "in both reports, and the solutions pass them")
{
	struct harness_run student, instructor;
	struct counts visible = grade_json(false, &student);
	struct counts all = grade_json(true, &instructor);

	cr_expect_geq(all.hidden, 8, "only %zu hidden tests", all.hidden);
	cr_expect_eq(all.tests, visible.tests + all.hidden);
	cr_expect_eq(all.passed, all.tests);
	cr_expect(strstr(instructor.out, "[hidden]"), "%s", instructor.out);
	harness_run_release(&student);
	harness_run_release(&instructor);
}

/* The names a suite program lists (criterion --list), run in a clean
 * environment: Criterion's own variables would make it act as a worker. */
static char *list_tests(const char *binary)
{
	char *command = NULL, *path = NULL, *text;
	char *dir = harness_tempdir();

	cr_assert_geq(asprintf(&path, "%s/list", dir), 0);
	cr_assert_geq(asprintf(&command, "env -i PATH=/usr/bin:/bin '%s' "
			       "--list >'%s' 2>&1", binary, path), 0);
	cr_assert_eq(system(command), 0, "%s", command);
	text = harness_read_file(path);
	cr_assert_not_null(text);
	free(command);
	free(path);
	harness_remove(dir);
	free(dir);
	return text;
}

Test(hidden, not_compiled_into_student_suites,
     .description = "a student's suite program does not contain the hidden "
		    "tests at all")
{
	char *student = list_tests("build/suites/02_bce.judge");
	char *instructor = list_tests("build/suites/hidden/02_bce.judge");

	cr_expect(strstr(instructor, "extreme_probabilities"), "%s", instructor);
	cr_expect_null(strstr(student, "extreme_probabilities"), "%s", student);
	cr_expect(strstr(student, "ordinary_inputs"), "%s", student);
	free(student);
	free(instructor);
}

/*
 * A class of one: dir/class/ada holds the solutions with
 * leaks_hidden_only_bug as 01_sigmoid.c; secrets are every hidden test's name and the two failures'
 * own feedback; line and short_line the aggregate line with and without
 * the points.  Every hidden test runs (all eight files), two fail.
 */
struct scene {
	char *dir, *class, *folder, *line, *short_line;
	struct leaks secrets;
	size_t hidden;			/* hidden tests in all */
};

static void scene_init(struct scene *s)
{
	char *file;

	s->dir = harness_tempdir();
	s->class = harness_join(s->dir, "class");
	s->folder = harness_join(s->class, "ada");
	cr_assert_eq(mkdir(s->class, 0755), 0);
	cr_assert_eq(mkdir(s->folder, 0755), 0);
	harness_copy_files("solutions", s->folder);
	file = harness_join(s->folder, "01_sigmoid.c");
	harness_write_file(file, leaks_hidden_only_bug,
			   strlen(leaks_hidden_only_bug));
	free(file);
	leaks_init_hidden(&s->secrets);
	s->hidden = s->secrets.count;
	leaks_add(&s->secrets, "wrong value near 0");
	leaks_add(&s->secrets, "[hidden]");
	cr_assert_geq(asprintf(&s->short_line, "%zu hidden tests: %zu passed",
			       s->hidden, s->hidden - 2), 0);
	cr_assert_geq(asprintf(&s->line, "%s (%zu/%zu points)", s->short_line,
			       s->hidden - 2, s->hidden), 0);
}

static void scene_release(struct scene *s)
{
	leaks_release(&s->secrets);
	harness_remove(s->dir);
	free(s->short_line);
	free(s->line);
	free(s->folder);
	free(s->class);
	free(s->dir);
}

/* The one entry standing for the hidden tests, and that no other is. */
static void expect_hidden_entry(const struct scene *s,
				const struct json *report,
				const char *visibility)
{
	const struct json *tests = json_get(report, "tests");
	double score = 0;
	size_t entries = 0;

	cr_expect_null(leaks_find_json(&s->secrets, report),
		       "the JSON names a hidden test");
	cr_assert(tests && tests->type == JSON_ARRAY);
	for (size_t i = 0; i < tests->count; i++) {
		const struct json *t = tests->items[i];
		const char *name = json_get(t, "name")->string;

		score += json_get(t, "score")->number;
		if (strcmp(name, "Hidden tests")) {
			cr_expect_str_eq(json_get(t, "visibility")->string,
					 "visible", "%s", name);
			continue;
		}
		entries++;
		cr_expect_eq(json_get(t, "score")->number, s->hidden - 2.0);
		cr_expect_eq(json_get(t, "max_score")->number,
			     (double)s->hidden);
		cr_expect_str_eq(json_get(t, "output")->string, s->short_line);
		cr_expect_str_eq(json_get(t, "visibility")->string, visibility);
	}
	cr_expect_eq(entries, 1, "%zu entries for the hidden tests", entries);
	cr_expect_eq(json_get(report, "score")->number, score);
	cr_expect_str_eq(json_get(report, "stdout_visibility")->string,
			 "visible");
}

static struct json *read_json(const char *path)
{
	char *text = harness_read_file(path);
	struct json *value;

	cr_assert_not_null(text, "no %s", path);
	value = json_parse(text);
	cr_assert_not_null(value, "%s is not JSON:\n%s", path, text);
	free(text);
	return value;
}

/* Grades the scene's folder with args and --json; checks both reports. */
static void grade_scene(const struct scene *s, const char *const *args,
			const char *visibility, struct harness_run *run)
{
	const char *argv[16];
	char *json_path = harness_join(s->dir, "results.json");
	const char *leak;
	struct json *report;
	size_t n = 0;

	while (*args)
		argv[n++] = *args++;
	argv[n++] = "--json";
	argv[n++] = json_path;
	argv[n++] = s->folder;
	argv[n] = NULL;
	harness_grade(run, argv, NULL);
	cr_assert_eq(run->status, 1, "status %d:\n%s%s", run->status, run->out,
		     run->err);
	leak = leaks_find(&s->secrets, run->out);
	cr_expect_null(leak, "the report shows \"%s\":\n%s", leak, run->out);
	report = read_json(json_path);
	expect_hidden_entry(s, report, visibility);
	cr_expect_eq(!strstr(json_get(report, "output")->string, "hidden test"),
		     !strcmp(visibility, "hidden"));
	json_free(report);
	free(json_path);
}

Test(hidden, student_reports_only_count_them,
     .description = "with --hidden the text report and the JSON of a "
		    "submission failing hidden tests name none of them: one "
		    "line, one JSON entry; --instructor-view shows them",
     .timeout = 120)
{
	struct scene s;
	struct harness_run run, full;

	scene_init(&s);
	grade_scene(&s, (const char *[]){ "--hidden", "-v", "--seed", "3",
					  NULL }, "visible", &run);
	cr_expect(strstr(run.out, s.line), "no \"%s\" in:\n%s", s.line,
		  run.out);
	cr_expect(strstr(run.out, "Next: every visible test passes, but 2 of "
		  "the"), "%s", run.out);

	/* The control: the same run in the instructor's view names them. */
	harness_grade(&full, (const char *[]){ "--hidden", "--instructor-view",
			"--seed", "3", s.folder, NULL }, NULL);
	cr_expect(strstr(full.out, "wrong value near 0") &&
		  strstr(full.out, "[hidden]"), "%s", full.out);
	cr_expect_null(strstr(full.out, s.short_line), "%s", full.out);
	harness_run_release(&full);
	harness_run_release(&run);
	scene_release(&s);
}

Test(hidden, summary_none_says_nothing,
     .description = "--hidden-summary=none: no hidden-test line, and the "
		    "JSON entry is never shown to students",
     .timeout = 120)
{
	struct scene s;
	struct harness_run run;

	scene_init(&s);
	grade_scene(&s, (const char *[]){ "--hidden", "--seed", "3",
					  "--hidden-summary=none", NULL },
		    "hidden", &run);
	cr_expect_null(strstr(run.out, "hidden test"), "%s", run.out);
	harness_run_release(&run);
	scene_release(&s);
}

Test(hidden, progress_and_hints_name_none,
     .description = "--progress and --hint with --hidden count the hidden "
		    "tests without naming them",
     .timeout = 120)
{
	struct scene s;
	struct harness_run progress, hint;
	char *state = NULL;

	scene_init(&s);
	cr_assert_geq(asprintf(&state, "XDG_STATE_HOME=%s", s.dir), 0);
	harness_grade(&progress, (const char *[]){ "--progress", "--hidden",
			"--seed", "3", s.folder, NULL }, NULL);
	cr_expect_eq(progress.status, 1, "%s%s", progress.out, progress.err);
	cr_expect_null(leaks_find(&s.secrets, progress.out), "%s",
		       progress.out);
	cr_expect(strstr(progress.out, s.line), "%s", progress.out);
	harness_grade(&hint, (const char *[]){ "--hint", "sigmoid_grad",
			"--hidden", s.folder, NULL },
		      (const char *[]){ state, NULL });
	cr_expect_eq(hint.status, 1, "%s%s", hint.out, hint.err);
	cr_expect_null(leaks_find(&s.secrets, hint.out), "%s", hint.out);
	cr_expect(strstr(hint.out, "1 of the 1 hidden tests fail"), "%s",
		  hint.out);
	harness_run_release(&progress);
	harness_run_release(&hint);
	free(state);
	scene_release(&s);
}

/* A feedback file without its Markdown escapes, as a reader sees it. */
static char *read_unescaped(const char *dir, const char *name)
{
	char *path = harness_join(dir, name);
	char *text = harness_read_file(path);
	char *to = text;

	cr_assert_not_null(text, "no %s", path);
	for (const char *from = text; *from; from++)
		if (*from != '\\')
			*to++ = *from;
	*to = '\0';
	free(path);
	return text;
}

Test(hidden, batch_feedback_names_none,
     .description = "the batch's feedback pages and per-student JSON, which "
		    "the instructor hands out, only count the hidden tests",
     .timeout = 180)
{
	struct scene s;
	struct harness_run run;
	char *out, *secret, *json_path, *md, *html;
	struct json *report;

	scene_init(&s);
	out = harness_join(s.dir, "grades");
	secret = harness_join(s.dir, "secret");
	json_path = harness_join(out, "json/ada.json");
	harness_write_file(secret, "s3cret\n", 7);
	harness_grade(&run, (const char *[]){ "--batch", s.class, "--out", out,
			"--secret-file", secret, NULL }, NULL);
	cr_assert_eq(run.status, 0, "%s%s", run.out, run.err);
	md = read_unescaped(out, "feedback/ada.md");
	html = read_unescaped(out, "feedback/ada.html");
	cr_expect_null(leaks_find(&s.secrets, md), "%s", md);
	cr_expect_null(leaks_find(&s.secrets, html), "%s", html);
	cr_expect(strstr(md, s.short_line), "no \"%s\" in:\n%s", s.short_line,
		  md);
	cr_expect(strstr(html, s.short_line), "%s", html);
	report = read_json(json_path);
	expect_hidden_entry(&s, report, "visible");
	json_free(report);
	free(md);
	free(html);
	harness_run_release(&run);
	free(json_path);
	free(secret);
	free(out);
	scene_release(&s);
}
