/*
 * feedback.c - per-student feedback in Markdown.
 */
#include "feedback.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "batch/student_id.h"
#include "core/catalog.h"
#include "core/disclosure.h"
#include "util/sanitize.h"

char *feedback_fence(const char *text)
{
	size_t longest = 0, run = 0;
	char *fence;

	for (const char *p = text; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	longest = longest < 3 ? 3 : longest + 1;
	fence = xmalloc(longest + 1);
	memset(fence, '`', longest);
	fence[longest] = '\0';
	return fence;
}

void feedback_add_escaped(struct strbuf *out, const char *text)
{
	char *clean = sanitize_dup(text);

	for (const char *p = clean; *p; p++) {
		if (*p == '\n' || *p == '\t') {
			strbuf_addch(out, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>|~&", *p))
			strbuf_addch(out, '\\');
		strbuf_addch(out, *p);
	}
	free(clean);
}

/* A student's text, verbatim but for control characters. */
static void add_block(struct strbuf *out, const char *text)
{
	char *clean = sanitize_dup(text);
	char *fence = feedback_fence(clean);
	size_t len = strlen(clean);

	strbuf_addf(out, "%s text\n%s%s%s\n\n", fence, clean,
		    len && clean[len - 1] == '\n' ? "" : "\n", fence);
	free(fence);
	free(clean);
}

static void add_points_table(const struct summary *summary,
			     struct strbuf *out)
{
	strbuf_addstr(out, "| Exercise file | Points |\n|---|---:|\n");
	for (size_t i = 0; i < summary->count; i++) {
		const struct summary_exercise *e = &summary->exercises[i];

		strbuf_addf(out, "| %s | %zu/%zu |\n", e->exercise->file,
			    e->passed, e->total);
	}
	if (summary->hidden_total && !summary->hidden_quiet) {
		strbuf_addstr(out, "| ");
		disclosure_describe(summary, false, out);
		strbuf_addf(out, " | %zu/%zu |\n", summary->hidden_passed,
			    summary->hidden_total);
	}
	strbuf_addf(out, "| **Total** | **%zu/%zu** |\n\n", summary->passed,
		    summary->total);
}

/* A file that could not be graded: once, whatever its number of tests. */
static void add_file_problem(const struct summary_exercise *e,
			     struct strbuf *out)
{
	const struct results *r = e->results;

	strbuf_addf(out, "### %s: ", e->exercise->file);
	feedback_add_escaped(out, results_file_status_name(r->file_status));
	strbuf_addf(out, " (%zu test%s not run)\n\n", e->total,
		    e->total == 1 ? "" : "s");
	if (r->file_message)
		add_block(out, r->file_message);
}

static void add_test(const struct summary_exercise *e,
		     const struct results_test *test, struct strbuf *out)
{
	strbuf_addf(out, "### %s: ", e->exercise->file);
	feedback_add_escaped(out, test->function);
	strbuf_addstr(out, ": ");
	feedback_add_escaped(out, test->description ? test->description : "");
	strbuf_addstr(out, " (");
	feedback_add_escaped(out, results_outcome_name(test->outcome));
	strbuf_addstr(out, ")\n\n");
	if (test->message && *test->message)
		add_block(out, test->message);
	if (test->output && *test->output) {
		strbuf_addstr(out, "Printed by your code during this test:\n\n");
		add_block(out, test->output);
	}
}

/* A function still a stub: one line for all its tests. */
static void add_absent(const struct summary_exercise *e,
		       const struct summary_function *f, struct strbuf *out)
{
	char *where = summary_where(f->where);

	strbuf_addf(out, "### %s: ", e->exercise->file);
	feedback_add_escaped(out, f->name);
	strbuf_addf(out, ": not implemented yet (%zu test%s)\n\n", f->total,
		    f->total == 1 ? "" : "s");
	strbuf_addstr(out, "Write it: ");
	feedback_add_escaped(out, where);
	strbuf_addstr(out, ".\n\n");
	free(where);
}

/* The failing tests of one function that is there. */
static void add_function(const struct summary_exercise *e,
			 const struct summary_function *f, struct strbuf *out)
{
	if (summary_function_absent(f)) {
		add_absent(e, f, out);
		return;
	}
	for (size_t t = 0; t < e->results->nr; t++) {
		const struct results_test *test = &e->results->tests[t];

		if (test->outcome != RESULTS_PASSED &&
		    !strcmp(test->function, f->name))
			add_test(e, test, out);
	}
}

static bool all_passed(const struct summary_exercise *e)
{
	return e->results->file_status == RESULTS_FILE_OK &&
	       e->passed == e->total;
}

static void add_failures(const struct summary *summary, struct strbuf *out)
{
	bool any = false;

	for (size_t i = 0; i < summary->count; i++) {
		const struct summary_exercise *e = &summary->exercises[i];

		if (all_passed(e))
			continue;
		if (!any)
			strbuf_addstr(out, "## What failed\n\n");
		any = true;
		if (e->results->file_status != RESULTS_FILE_OK) {
			add_file_problem(e, out);
			continue;
		}
		for (size_t f = 0; f < e->function_count; f++)
			add_function(e, &e->functions[f], out);
	}
	if (!any)
		strbuf_addstr(out, summary->passed == summary->total ?
			      "Every test passed.\n\n" :
			      "No test listed here failed; the points above "
			      "count the others.\n\n");
}

/* What discovery says about the files it did not grade. */
static void add_notes(const struct summary *summary, struct strbuf *out)
{
	const char *line = summary->notes;

	if (!line || !*line)
		return;
	strbuf_addstr(out, "## Files\n\n");
	while (*line) {
		size_t len = strcspn(line, "\n");
		char *text = xstrfmt("%.*s", (int)len, line);

		strbuf_addstr(out, "- ");
		feedback_add_escaped(out, text);
		strbuf_addch(out, '\n');
		free(text);
		line += len + (line[len] == '\n');
	}
	strbuf_addch(out, '\n');
}

static void add_reproduce(const struct feedback_info *info,
			  struct strbuf *out)
{
	char *command = student_id_reproduce_command(info->seed_key ?
		info->seed_key : info->student);
	char *clean = sanitize_dup(command);
	/* A backtick in the id needs a longer fence, and room around it. */
	bool tick = strchr(clean, '`') != NULL;
	char *fence = tick ? feedback_fence(clean) : xstrdup("`");
	const char *pad = tick ? " " : "";

	strbuf_addf(out, "Seed: %" PRIu64 ". To reproduce this grading: "
		    "%s%s%s%s%s, with the course secret in FILE and the "
		    "submission's exercise files in DIR.\n", info->seed,
		    fence, pad, clean, pad, fence);
	free(fence);
	free(clean);
	free(command);
}

void feedback_markdown(const struct summary *summary,
		       const struct feedback_info *info, struct strbuf *out)
{
	char *next = summary_next_step(summary);

	strbuf_addstr(out, "# Feedback for ");
	feedback_add_escaped(out, info->student);
	strbuf_addstr(out, "\n\n");
	add_points_table(summary, out);
	add_notes(summary, out);
	add_failures(summary, out);
	strbuf_addstr(out, "**Next:** ");
	feedback_add_escaped(out, next);
	strbuf_addstr(out, "\n\n");
	add_reproduce(info, out);
	free(next);
}

/* What the student does about a submission that was not graded. */
static char *problem_next(const char *status, const char *problem)
{
	if (problem && strstr(problem, "did you mean"))
		return xstrdup("rename each file named above to exactly the "
			       "name it suggests, then ask for a new grading.");
	if (status && !strcmp(status, "error"))
		return xstrdup("nothing: the failure was the grader's, not "
			       "yours, and your instructor grades your "
			       "submission again.");
	return xstrfmt("submit a folder or a .zip or .tar.gz archive holding "
		       "your exercise files, named exactly as in exercises/ "
		       "(%s), then ask for a new grading.",
		       catalog_file_range());
}

void feedback_problem_markdown(const struct feedback_info *info,
			       struct strbuf *out)
{
	char *next;

	strbuf_addstr(out, "# Feedback for ");
	feedback_add_escaped(out, info->student);
	strbuf_addstr(out, "\n\nThis submission was not graded (status ");
	feedback_add_escaped(out, info->status);
	strbuf_addstr(out, "):\n\n");
	add_block(out, info->problem ? info->problem : "no reason recorded");
	next = problem_next(info->status, info->problem);
	strbuf_addstr(out, "**Next:** ");
	feedback_add_escaped(out, next);
	strbuf_addstr(out, "\n\n");
	add_reproduce(info, out);
	free(next);
}

int feedback_write(const char *folder, const char *student,
		   const char *markdown)
{
	char *stem = student_id_file_name(student);
	char *md = xstrfmt("%s/%s.md", folder, stem);
	char *html = xstrfmt("%s/%s.html", folder, stem);
	char *title = xstrfmt("Feedback for %s", student);
	struct strbuf text, page;
	int status;

	strbuf_init(&text);
	strbuf_init(&page);
	strbuf_addstr(&text, markdown);
	feedback_html(markdown, title, &page);
	status = strbuf_write_file(&text, md) == 0 &&
		 strbuf_write_file(&page, html) == 0 ? 0 : -1;
	strbuf_release(&text);
	strbuf_release(&page);
	free(title);
	free(html);
	free(md);
	free(stem);
	return status;
}
