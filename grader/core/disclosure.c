/*
 * disclosure.c - the student's view of the hidden tests.
 */
#include "disclosure.h"

#include <stdlib.h>
#include <string.h>

/* Copies src into the empty dst, with or without its hidden tests. */
static void copy_results(struct results *dst, const struct results *src,
			 bool keep_hidden, size_t *passed, size_t *total)
{
	dst->has_seed = src->has_seed;
	dst->seed = src->seed;
	results_set_file(dst, src->file_status, src->file_message);
	dst->advice = src->advice ? xstrdup(src->advice) : NULL;
	for (size_t i = 0; i < src->nr; i++) {
		const struct results_test *test = &src->tests[i];
		struct results_test *copy;

		if (test->hidden && !keep_hidden) {
			*total += 1;
			*passed += test->outcome == RESULTS_PASSED;
			continue;
		}
		copy = results_add(dst, test->function, test->check,
				   test->description);
		copy->hidden = test->hidden;
		results_copy_verdict(copy, test);
	}
}

void disclosure_strip(struct results *results, enum disclosure_mode mode,
		      size_t *passed, size_t *total)
{
	struct results kept;

	if (mode == DISCLOSURE_INSTRUCTOR)
		return;
	results_init(&kept);
	copy_results(&kept, results, false, passed, total);
	results_release(results);
	*results = kept;
}

void disclosure_view_init(struct disclosure_view *view,
			  const struct summary *full,
			  enum disclosure_mode mode)
{
	struct summary *summary = &view->summary;

	summary_init(summary, full->dir, full->seed);
	summary->shown = full->shown;
	summary->notes = full->notes;
	summary->elapsed_seconds = full->elapsed_seconds;
	summary->hidden_quiet = mode == DISCLOSURE_NONE;
	/* Names files only, never a test: nothing hidden shows through. */
	summary->ungraded = full->ungraded;
	for (size_t i = 0; i < full->count; i++) {
		size_t passed = 0, total = 0;

		results_init(&view->results[i]);
		copy_results(&view->results[i], full->exercises[i].results,
			     mode == DISCLOSURE_INSTRUCTOR, &passed, &total);
		summary_add(summary, full->exercises[i].exercise,
			    &view->results[i]);
		summary_add_hidden(summary, passed, total);
	}
}

void disclosure_view_release(struct disclosure_view *view)
{
	for (size_t i = 0; i < view->summary.count; i++)
		results_release(&view->results[i]);
	memset(view, 0, sizeof *view);
}

void disclosure_describe(const struct summary *summary, bool points,
			 struct strbuf *out)
{
	strbuf_addf(out, "%zu hidden test%s: %zu passed", summary->hidden_total,
		    summary->hidden_total == 1 ? "" : "s",
		    summary->hidden_passed);
	if (points)
		strbuf_addf(out, " (%zu/%zu points)", summary->hidden_passed,
			    summary->hidden_total);
}

void disclosure_add_line(const struct summary *summary, bool points,
			 struct strbuf *out)
{
	if (!summary->hidden_total || summary->hidden_quiet)
		return;
	disclosure_describe(summary, points, out);
	strbuf_addch(out, '\n');
}

int disclosure_parse(const char *text, enum disclosure_mode *mode)
{
	if (!strcmp(text, "line"))
		*mode = DISCLOSURE_LINE;
	else if (!strcmp(text, "none"))
		*mode = DISCLOSURE_NONE;
	else
		return -1;
	return 0;
}
