/*
 * report_json.h - the Gradescope autograder results.json: score,
 * max_score, execution_time, output, visibility, stdout_visibility and one
 * entry per test (name "function: what is checked", score, max_score,
 * status, output, visibility).  Give it a student's view (disclosure.h):
 * the hidden tests it set apart become one entry, "Hidden tests", with
 * their summed points and the line "N hidden tests: M passed"; hidden tests
 * listed whole (the instructor's view) are "after_published".
 */
#ifndef GRADER_REPORT_JSON_H
#define GRADER_REPORT_JSON_H

#include "core/summary.h"
#include "util/strbuf.h"

/* output: the text report shown above the tests. */
void report_json_render(const struct summary *summary, const char *output,
			struct strbuf *out);

/* Appends text as a JSON string, sanitized first (sanitize.h). */
void report_json_add_string(struct strbuf *out, const char *text);

#endif /* GRADER_REPORT_JSON_H */
