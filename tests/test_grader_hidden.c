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
	char *student = list_tests("build/suites/02_bce.bare");
	char *instructor = list_tests("build/suites/hidden/02_bce.bare");

	cr_expect(strstr(instructor, "extreme_probabilities"), "%s", instructor);
	cr_expect_null(strstr(student, "extreme_probabilities"), "%s", student);
	cr_expect(strstr(student, "ordinary_inputs"), "%s", student);
	free(student);
	free(instructor);
}

/*
 * A 01_sigmoid.c right wherever the visible tests look and wrong for tiny
 * nonzero z, where only the hidden near_zero tests of sigmoid and
 * sigmoid_grad look: the other files are the solutions, so exactly two
 * hidden tests fail and every visible test passes.
 */
static const char hidden_only_bug[] =
	"#include <math.h>\n#include \"workbook.h\"\n"
	"double sigmoid(double z)\n{\n\tdouble e;\n\n"
	"\tif (z != 0.0 && fabs(z) < 1e-200)\n\t\treturn 0.25;\n"
	"\tif (isnan(z) || z >= 0.0)\n\t\treturn 1.0 / (1.0 + exp(-z));\n"
	"\te = exp(z);\n\treturn e / (1.0 + e);\n}\n"
	"double sigmoid_grad(double z)\n{\n\tdouble s = sigmoid(-fabs(z));\n\n"
	"\tif (z != 0.0 && fabs(z) < 1e-200)\n\t\treturn 0.125;\n"
	"\treturn s * (1.0 - s);\n}\n";

/* The solutions with hidden_only_bug as 01_sigmoid.c, in dir/name. */
static char *hidden_bug_folder(const char *dir, const char *name)
{
	char *folder = NULL, *file = NULL;

	cr_assert_geq(asprintf(&folder, "%s/%s", dir, name), 0);
	cr_assert_eq(mkdir(folder, 0755), 0);
	harness_copy_files("solutions", folder);
	cr_assert_geq(asprintf(&file, "%s/01_sigmoid.c", folder), 0);
	harness_write_file(file, hidden_only_bug, strlen(hidden_only_bug));
	free(file);
	return folder;
}

/* Every hidden test's name, and the two failures' own feedback. */
static void hidden_secrets(struct leaks *leaks)
{
	leaks_init_hidden(leaks);
	leaks_add(leaks, "wrong value near 0");
	leaks_add(leaks, "[hidden]");
}

/* "N hidden tests: M passed" for the whole workbook with two failing. */
static char *expected_line(const struct leaks *leaks, bool points)
{
	/* leaks holds every hidden test and the two strings above. */
	size_t total = leaks->count - 2, passed = total - 2;
	char *line = NULL;

	cr_assert_geq(points ? asprintf(&line, "%zu hidden tests: %zu passed "
					"(%zu/%zu points)", total, passed,
					passed, total) :
			       asprintf(&line, "%zu hidden tests: %zu passed",
					total, passed), 0);
	return line;
}

/* The one entry standing for the hidden tests, and that no other is. */
static void expect_hidden_entry(const struct json *report,
				const char *line, const char *visibility,
				size_t hidden_total)
{
	const struct json *tests = json_get(report, "tests");
	double score = 0;
	size_t entries = 0;

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
		cr_expect_eq(json_get(t, "score")->number, hidden_total - 2.0);
		cr_expect_eq(json_get(t, "max_score")->number,
			     (double)hidden_total);
		cr_expect_str_eq(json_get(t, "output")->string, line);
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

Test(hidden, student_reports_only_count_them,
     .description = "with --hidden the text report and the JSON of a "
		    "submission failing hidden tests name none of them: one "
		    "line, one JSON entry; --instructor-view shows them",
     .timeout = 120)
{
	char *dir = harness_tempdir();
	char *folder = hidden_bug_folder(dir, "work");
	char *json_path = NULL, *line, *short_line;
	struct harness_run run, full;
	struct json *report;
	struct leaks leaks;
	const char *leak;

	hidden_secrets(&leaks);
	line = expected_line(&leaks, true);
	short_line = expected_line(&leaks, false);
	cr_assert_geq(asprintf(&json_path, "%s/results.json", dir), 0);
	harness_grade(&run, (const char *[]){ "--hidden", "-v", "--seed", "3",
			"--json", json_path, folder, NULL }, NULL);
	cr_assert_eq(run.status, 1, "status %d:\n%s%s", run.status, run.out,
		     run.err);
	leak = leaks_find(&leaks, run.out);
	cr_expect_null(leak, "the report shows \"%s\":\n%s", leak, run.out);
	cr_expect(strstr(run.out, line), "no \"%s\" in:\n%s", line, run.out);
	cr_expect(strstr(run.out, "Next: every visible test passes, but 2 of "
		  "the"), "%s", run.out);
	report = read_json(json_path);
	leak = leaks_find_json(&leaks, report);
	cr_expect_null(leak, "the JSON shows \"%s\"", leak);
	expect_hidden_entry(report, short_line, "visible", leaks.count - 2);
	json_free(report);

	/* The control: the same run in the instructor's view names them. */
	harness_grade(&full, (const char *[]){ "--hidden", "--instructor-view",
			"--seed", "3", folder, NULL }, NULL);
	cr_expect(strstr(full.out, "wrong value near 0") &&
		  strstr(full.out, "[hidden]"), "%s", full.out);
	cr_expect_null(strstr(full.out, short_line), "%s", full.out);
	harness_run_release(&full);
	harness_run_release(&run);
	leaks_release(&leaks);
	free(short_line);
	free(line);
	free(json_path);
	free(folder);
	harness_remove(dir);
	free(dir);
}

Test(hidden, summary_none_says_nothing,
     .description = "--hidden-summary=none: no hidden-test line, and the "
		    "JSON entry is never shown to students",
     .timeout = 120)
{
	char *dir = harness_tempdir();
	char *folder = hidden_bug_folder(dir, "work");
	char *json_path = NULL, *short_line;
	struct harness_run run;
	struct json *report;
	struct leaks leaks;

	hidden_secrets(&leaks);
	short_line = expected_line(&leaks, false);
	cr_assert_geq(asprintf(&json_path, "%s/results.json", dir), 0);
	harness_grade(&run, (const char *[]){ "--hidden", "--seed", "3",
			"--hidden-summary=none", "--json", json_path, folder,
			NULL }, NULL);
	cr_assert_eq(run.status, 1, "%s%s", run.out, run.err);
	cr_expect_null(leaks_find(&leaks, run.out), "%s", run.out);
	cr_expect_null(strstr(run.out, "hidden test"), "%s", run.out);
	report = read_json(json_path);
	cr_expect_null(leaks_find_json(&leaks, report));
	cr_expect_null(strstr(json_get(report, "output")->string,
			      "hidden test"));
	expect_hidden_entry(report, short_line, "hidden", leaks.count - 2);
	json_free(report);
	harness_run_release(&run);
	leaks_release(&leaks);
	free(short_line);
	free(json_path);
	free(folder);
	harness_remove(dir);
	free(dir);
}

Test(hidden, progress_and_hints_name_none,
     .description = "--progress and --hint with --hidden count the hidden "
		    "tests without naming them",
     .timeout = 120)
{
	char *dir = harness_tempdir();
	char *folder = hidden_bug_folder(dir, "work");
	char *line, *state = NULL;
	struct harness_run progress, hint;
	struct leaks leaks;

	hidden_secrets(&leaks);
	line = expected_line(&leaks, true);
	cr_assert_geq(asprintf(&state, "XDG_STATE_HOME=%s", dir), 0);
	harness_grade(&progress, (const char *[]){ "--progress", "--hidden",
			"--seed", "3", folder, NULL }, NULL);
	cr_expect_eq(progress.status, 1, "%s%s", progress.out, progress.err);
	cr_expect_null(leaks_find(&leaks, progress.out), "%s", progress.out);
	cr_expect(strstr(progress.out, line), "%s", progress.out);
	harness_grade(&hint, (const char *[]){ "--hint", "sigmoid_grad",
			"--hidden", folder, NULL },
		      (const char *[]){ state, NULL });
	cr_expect_eq(hint.status, 1, "%s%s", hint.out, hint.err);
	cr_expect_null(leaks_find(&leaks, hint.out), "%s", hint.out);
	cr_expect(strstr(hint.out, "1 of the 1 hidden tests fail"), "%s",
		  hint.out);
	harness_run_release(&progress);
	harness_run_release(&hint);
	leaks_release(&leaks);
	free(state);
	free(line);
	free(folder);
	harness_remove(dir);
	free(dir);
}

/* The feedback Markdown without its escapes, as a reader sees it. */
static char *unescaped_markdown(const char *path)
{
	char *text = harness_read_file(path);
	char *to = text;

	cr_assert_not_null(text, "no %s", path);
	for (const char *from = text; *from; from++)
		if (*from != '\\')
			*to++ = *from;
	*to = '\0';
	return text;
}

Test(hidden, batch_feedback_names_none,
     .description = "the batch's feedback pages and per-student JSON, which "
		    "the instructor hands out, only count the hidden tests",
     .timeout = 180)
{
	char *dir = harness_tempdir();
	char *subs = NULL, *out = NULL, *secret = NULL, *md = NULL;
	char *html = NULL, *json_path = NULL, *folder, *line, *short_line;
	char *md_text, *html_text;
	struct harness_run run;
	struct json *report;
	struct leaks leaks;

	hidden_secrets(&leaks);
	line = expected_line(&leaks, false);
	short_line = expected_line(&leaks, false);
	cr_assert_geq(asprintf(&subs, "%s/subs", dir), 0);
	cr_assert_geq(asprintf(&out, "%s/grades", dir), 0);
	cr_assert_geq(asprintf(&secret, "%s/secret", dir), 0);
	cr_assert_geq(asprintf(&md, "%s/feedback/ada.md", out), 0);
	cr_assert_geq(asprintf(&html, "%s/feedback/ada.html", out), 0);
	cr_assert_geq(asprintf(&json_path, "%s/json/ada.json", out), 0);
	cr_assert_eq(mkdir(subs, 0755), 0);
	folder = hidden_bug_folder(subs, "ada");
	harness_write_file(secret, "s3cret\n", 7);
	harness_grade(&run, (const char *[]){ "--batch", subs, "--out", out,
			"--secret-file", secret, NULL }, NULL);
	cr_assert_eq(run.status, 0, "%s%s", run.out, run.err);
	md_text = unescaped_markdown(md);
	html_text = harness_read_file(html);
	cr_assert_not_null(html_text);
	cr_expect_null(leaks_find(&leaks, md_text), "%s", md_text);
	cr_expect_null(leaks_find(&leaks, html_text), "%s", html_text);
	cr_expect(strstr(md_text, line), "no \"%s\" in:\n%s", line, md_text);
	cr_expect(strstr(html_text, line), "%s", html_text);
	report = read_json(json_path);
	cr_expect_null(leaks_find_json(&leaks, report));
	expect_hidden_entry(report, short_line, "visible", leaks.count - 2);
	json_free(report);
	free(md_text);
	free(html_text);
	harness_run_release(&run);
	leaks_release(&leaks);
	free(short_line);
	free(line);
	free(folder);
	free(json_path);
	free(html);
	free(md);
	free(secret);
	free(out);
	free(subs);
	harness_remove(dir);
	free(dir);
}
