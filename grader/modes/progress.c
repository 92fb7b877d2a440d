/*
 * progress.c - the workbook at a glance: a bar per exercise file, the
 * total, and where to go next.  Grading is the same as the plain grader's;
 * only the report is shorter.
 */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/disclosure.h"
#include "core/session.h"
#include "util/sanitize.h"
#include "util/terminal.h"

enum { BAR_WIDTH = 20 };

static void add_bar(struct strbuf *out, size_t passed, size_t total,
		    bool color)
{
	size_t filled = total ? passed * BAR_WIDTH / total : 0;
	const char *on = !color || !passed ? "" :
			 passed == total ? TERMINAL_GREEN : TERMINAL_YELLOW;

	/* A bar is never full while a test still fails. */
	if (filled == BAR_WIDTH && passed < total)
		filled--;
	strbuf_addf(out, "[%s", on);
	for (size_t i = 0; i < BAR_WIDTH; i++) {
		if (i == filled && *on)
			strbuf_addstr(out, TERMINAL_RESET);
		strbuf_addch(out, i < filled ? '#' : '-');
	}
	if (filled == BAR_WIDTH && *on)
		strbuf_addstr(out, TERMINAL_RESET);
	strbuf_addch(out, ']');
}

const char *progress_file_problem(enum results_file_status status)
{
	switch (status) {
	case RESULTS_FILE_OK:
		return NULL;
	case RESULTS_FILE_MISSING:
		return "missing";
	case RESULTS_FILE_COMPILE_ERROR:
		return "does not compile";
	case RESULTS_FILE_LINK_ERROR:
		return "does not link";
	default:
		return "cannot be graded";
	}
}

static bool entry_complete(const struct summary_exercise *entry)
{
	return entry->results->file_status == RESULTS_FILE_OK &&
	       entry->total && entry->passed == entry->total;
}

/* The first function of an exercise that does not pass everything. */
static const char *first_open_function(const struct summary_exercise *entry)
{
	for (size_t f = 0; f < entry->function_count; f++)
		if (entry->functions[f].passed < entry->functions[f].total)
			return entry->functions[f].name;
	return entry->exercise->functions[0];
}

void progress_render_next(const struct summary *summary, struct strbuf *out)
{
	char *step;

	for (size_t i = 0; i < summary->count; i++) {
		const struct summary_exercise *entry = &summary->exercises[i];

		if (entry_complete(entry))
			continue;
		step = summary_next_step(summary);
		strbuf_addf(out, "Next: chapter %d, %s: %s \u2014 ",
			    entry->exercise->chapter, entry->exercise->title,
			    entry->exercise->file);
		/* Function names and the step quote the suite's report. */
		sanitize_add(out, first_open_function(entry));
		strbuf_addstr(out, "\n      ");
		sanitize_add(out, step);
		strbuf_addch(out, '\n');
		free(step);
		return;
	}
	if (summary->passed < summary->total ||
	    summary->ungraded.state != SUMMARY_UNGRADED_NONE) {
		/*
		 * Only hidden tests fail, or --only left files out:
		 * summary_next_step says so.
		 */
		step = summary_next_step(summary);
		strbuf_addstr(out, "Next: ");
		sanitize_add(out, step);
		strbuf_addch(out, '\n');
		free(step);
		return;
	}
	strbuf_addstr(out, "Next: nothing - every exercise graded here "
		      "passes every test.\n");
}

void progress_render(const struct summary *summary, bool color,
		     struct strbuf *out)
{
	int width = (int)strlen("total");

	for (size_t i = 0; i < summary->count; i++) {
		int len = (int)strlen(summary->exercises[i].exercise->file);

		width = len > width ? len : width;
	}
	for (size_t i = 0; i < summary->count; i++) {
		const struct summary_exercise *entry = &summary->exercises[i];
		const char *problem;

		strbuf_addf(out, "%-*s  ", width, entry->exercise->file);
		add_bar(out, entry->passed, entry->total, color);
		problem = progress_file_problem(entry->results->file_status);
		strbuf_addf(out, " %3zu/%-3zu  %s%s%s%s\n", entry->passed,
			    entry->total, entry->exercise->title,
			    problem ? " (" : "", problem ? problem : "",
			    problem ? ")" : "");
	}
	strbuf_addf(out, "%-*s  ", width, "total");
	add_bar(out, summary->passed, summary->total, color);
	strbuf_addf(out, " %3zu/%-3zu  %zu of %zu exercises complete\n",
		    summary->passed, summary->total, summary->complete,
		    summary->count);
	disclosure_add_line(summary, true, out);
	progress_render_next(summary, out);
}

int progress_main(const struct options *options,
		  const struct resources *resources)
{
	struct session session;
	struct session_config config = {
		.resources = resources,
		.dir = options->dir,
		.seed = options->seed,
		.selected = options->selected,
		.jobs = options->jobs,
		.hidden = options->hidden,
	};
	struct strbuf out, error;
	int status;

	session_init(&session);
	strbuf_init(&out);
	strbuf_init(&error);
	if (session_grade(&session, &config, &error) != 0) {
		fprintf(stderr, "grader: %s\n", error.buf);
		status = 2;
	} else if (session.summary.internal_error) {
		fprintf(stderr, "grader: %s\n", session.summary.internal_error);
		status = 2;
	} else {
		struct disclosure_view *view = xmalloc(sizeof *view);

		disclosure_view_init(view, &session.summary,
				     options->disclosure);
		progress_render(&view->summary,
				terminal_use_color(options->no_color), &out);
		fputs(out.buf, stdout);
		fflush(stdout);
		status = session.summary.passed == session.summary.total ? 0 : 1;
		disclosure_view_release(view);
		free(view);
	}
	session_release(&session);
	strbuf_release(&out);
	strbuf_release(&error);
	return status;
}
