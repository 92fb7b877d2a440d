/*
 * report.h - reading the grader's results.json in the tests.
 */
#ifndef TESTS_REPORT_H
#define TESTS_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"

struct report_test {
	const char *function;	/* before ": " in the name (copied) */
	const char *name;
	bool passed;
	double score, max_score;
	const char *output;
};

struct report {
	struct json *root;
	double score, max_score;
	struct report_test *tests;
	size_t count;
	char *problem;		/* why it is not valid Gradescope JSON */
};

/* Reads path; on failure report->problem says why (root may be NULL). */
void report_load(struct report *report, const char *path);
void report_release(struct report *report);

#endif /* TESTS_REPORT_H */
