/*
 * report.c - checks results.json against the Gradescope format while
 * reading it: top-level score, max_score, execution_time, output,
 * visibility, stdout_visibility, tests[] with name, score, max_score,
 * status, output, visibility.
 */
#define _GNU_SOURCE
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static bool has(const struct json *object, const char *key,
		enum json_type type)
{
	const struct json *v = json_get(object, key);

	return v && v->type == type;
}

static const char *check_test(const struct json *t, struct report_test *out)
{
	const char *colon;

	if (!t || t->type != JSON_OBJECT)
		return "a test is not an object";
	if (!has(t, "name", JSON_STRING) || !has(t, "score", JSON_NUMBER) ||
	    !has(t, "max_score", JSON_NUMBER) ||
	    !has(t, "status", JSON_STRING) || !has(t, "output", JSON_STRING) ||
	    !has(t, "visibility", JSON_STRING))
		return "a test lacks name, score, max_score, status, output or "
		       "visibility";
	out->name = json_get(t, "name")->string;
	out->score = json_get(t, "score")->number;
	out->max_score = json_get(t, "max_score")->number;
	out->output = json_get(t, "output")->string;
	out->passed = !strcmp(json_get(t, "status")->string, "passed");
	if (!out->passed && strcmp(json_get(t, "status")->string, "failed"))
		return "a test's status is neither passed nor failed";
	if (strcmp(json_get(t, "visibility")->string, "visible"))
		return "a test is not visible";
	colon = strstr(out->name, ": ");
	if (!colon || colon == out->name)
		return "a test name is not \"function: what is checked\"";
	out->function = strndup(out->name, (size_t)(colon - out->name));
	if (out->score != (out->passed ? out->max_score : 0))
		return "a test's score does not match its status";
	return NULL;
}

static const char *check(struct report *report)
{
	const struct json *root = report->root, *tests;
	const char *problem;
	double sum = 0, max = 0;

	if (!root || root->type != JSON_OBJECT)
		return "not a JSON object";
	if (!has(root, "score", JSON_NUMBER) ||
	    !has(root, "max_score", JSON_NUMBER) ||
	    !has(root, "execution_time", JSON_NUMBER) ||
	    !has(root, "output", JSON_STRING) ||
	    !has(root, "visibility", JSON_STRING) ||
	    !has(root, "stdout_visibility", JSON_STRING) ||
	    !has(root, "tests", JSON_ARRAY))
		return "a top-level field is missing or of the wrong type";
	report->score = json_get(root, "score")->number;
	report->max_score = json_get(root, "max_score")->number;
	tests = json_get(root, "tests");
	report->tests = calloc(tests->count + 1, sizeof *report->tests);
	for (size_t i = 0; i < tests->count; i++) {
		problem = check_test(tests->items[i], &report->tests[i]);
		report->count = i + 1;
		if (problem)
			return problem;
		sum += report->tests[i].score;
		max += report->tests[i].max_score;
	}
	if (sum != report->score || max != report->max_score)
		return "score or max_score is not the sum over the tests";
	return NULL;
}

void report_load(struct report *report, const char *path)
{
	char *text = harness_read_file(path);
	const char *problem;

	memset(report, 0, sizeof *report);
	if (!text) {
		report->problem = strdup("the file was not written");
		return;
	}
	report->root = json_parse(text);
	free(text);
	problem = report->root ? check(report) : "not valid JSON";
	if (problem)
		report->problem = strdup(problem);
}

void report_release(struct report *report)
{
	for (size_t i = 0; i < report->count; i++)
		free((char *)report->tests[i].function);
	free(report->tests);
	free(report->problem);
	json_free(report->root);
	memset(report, 0, sizeof *report);
}
