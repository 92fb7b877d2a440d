/*
 * similarity_report.c - the ranked pairs in Markdown and HTML.  The runs
 * are shown from the students' own files (class_store.h): their text is
 * sanitized and escaped (feedback.h), never trusted.
 */
#include "similarity_internal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "batch_progress.h"
#include "class_store.h"
#include "report/feedback.h"

static const char page_style[] =
	"table.runs{width:100%;table-layout:fixed}"
	"table.runs td{vertical-align:top;padding:0}"
	"table.runs pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;"
	"tab-size:4}"
	"body{max-width:75em}";

/* Lines first..last of a student's kept file (at most a screenful). */
static void run_text(const struct similarity_class *class,
		     const struct similarity_pair *pair, size_t student,
		     size_t first, size_t last, struct strbuf *out)
{
	char *path = class_store_source(class->out, class->ids[student],
					pair->exercise);
	struct strbuf text;
	size_t line = 1, shown = 0;

	strbuf_init(&text);
	if (!strbuf_read_file(&text, path, CLASS_STORE_SOURCE_BYTES)) {
		strbuf_addstr(out, "(the kept copy cannot be read: ");
		strbuf_add_read_error(out, CLASS_STORE_SOURCE_BYTES);
		strbuf_addstr(out, "; run --similarity again)\n");
		strbuf_reset(&text);
	}
	for (const char *p = text.buf; *p && line <= last; line++) {
		size_t len = strcspn(p, "\n");

		if (line >= first && shown++ < SIMILARITY_RUN_LINES) {
			strbuf_add(out, p, len);
			strbuf_addch(out, '\n');
		}
		p += len + (p[len] == '\n');
	}
	if (shown > SIMILARITY_RUN_LINES)
		strbuf_addf(out, "... %zu more lines\n",
			    shown - SIMILARITY_RUN_LINES);
	strbuf_release(&text);
	free(path);
}

static void intro(const struct similarity_class *class, struct strbuf *md)
{
	bool none = true;

	for (size_t i = 0; i < catalog_count(); i++)
		none &= class->compared[i] < 2;
	strbuf_addstr(md, "# Similar files\n\nsim_c (similarity-tester) "
		      "looked for the runs each exercise file shares with the other "
		      "students' files, "
		      "after blanking the lines of the stub everyone started "
		      "from; it matches runs of at least 24 tokens whatever "
		      "the layout, the comments and the names. Compared:");
	for (size_t i = 0, shown = 0; i < catalog_count(); i++)
		if (class->compared[i] >= 2)
			strbuf_addf(md, "%s %s (%zu files)", shown++ ? "," : "",
				    catalog_exercise_at(i)->file,
				    class->compared[i]);
	strbuf_addf(md, "%s.\n\nThis is a signal for a human to look at, not a "
		    "verdict: short files, the chapter's formulas and common "
		    "idioms match too. Read the runs before you conclude "
		    "anything, and keep this page to yourself: it names "
		    "students.\n\n## The %zu %s the most\n\n", none ?
		    " nothing: no exercise file was handed in by two graded "
		    "students" : "", class->nr, batch_progress_plural(
			    class->nr, "pair that shares", "pairs that share"));
}

static void pair_table(const struct similarity_class *class,
		       struct strbuf *md)
{
	if (!class->nr) {
		strbuf_addstr(md, "No two files share a run.\n\n");
		return;
	}
	strbuf_addstr(md, "| rank | file | student | student | shared "
		      "tokens | of the first's | of the second's |\n"
		      "|---:|---|---|---|---:|---:|---:|\n");
	for (size_t i = 0; i < class->nr; i++) {
		const struct similarity_pair *p = &class->pairs[i];

		strbuf_addf(md, "| %zu | %s | ", i + 1, p->exercise->file);
		feedback_add_escaped(md, class->ids[p->a]);
		strbuf_addstr(md, " | ");
		feedback_add_escaped(md, class->ids[p->b]);
		strbuf_addf(md, " | %zu | %u %% | %u %% |\n", p->shared,
			    similarity_percent(p->shared, p->tokens_a),
			    similarity_percent(p->shared, p->tokens_b));
	}
	strbuf_addstr(md, "\n");
}

static void pair_heading(const struct similarity_class *class, size_t i,
			 struct strbuf *md)
{
	const struct similarity_pair *p = &class->pairs[i];

	strbuf_addf(md, "### %zu. %s: ", i + 1, p->exercise->file);
	feedback_add_escaped(md, class->ids[p->a]);
	strbuf_addstr(md, " and ");
	feedback_add_escaped(md, class->ids[p->b]);
	strbuf_addf(md, "\n\n%zu shared %s in %zu %s; the longest:\n\n",
		    p->shared, batch_progress_plural(p->shared, "token",
						     "tokens"),
		    p->runs_total, batch_progress_plural(p->runs_total, "run",
							 "runs"));
}

/* A student's side of a run in Markdown: a caption and a fenced block. */
static void md_side(struct strbuf *md, const char *id, size_t first,
		    size_t last, const char *text)
{
	char *fence = feedback_fence(text);

	feedback_add_escaped(md, id);
	strbuf_addf(md, ", lines %zu-%zu:\n\n%s c\n%s%s\n\n", first, last,
		    fence, text, fence);
	free(fence);
}

static void html_side(struct strbuf *html, const char *id, size_t first,
		      size_t last, const char *text)
{
	strbuf_addstr(html, "<td><p>");
	feedback_add_html_text(html, id);
	strbuf_addf(html, ", lines %zu-%zu</p><pre>", first, last);
	feedback_add_html_text(html, text);
	strbuf_addstr(html, "</pre></td>");
}

static void pair_runs(const struct similarity_class *class, size_t i,
		      struct strbuf *md, struct strbuf *html)
{
	const struct similarity_pair *p = &class->pairs[i];
	struct strbuf a, b;

	strbuf_init(&a);
	strbuf_init(&b);
	for (size_t r = 0; r < p->runs_nr; r++) {
		const struct similarity_run *run = &p->runs[r];

		strbuf_reset(&a);
		strbuf_reset(&b);
		run_text(class, p, p->a, run->a_first, run->a_last, &a);
		run_text(class, p, p->b, run->b_first, run->b_last, &b);
		strbuf_addf(md, "Run %zu, %zu tokens.\n\n", r + 1,
			    run->tokens);
		md_side(md, class->ids[p->a], run->a_first, run->a_last,
			a.buf);
		md_side(md, class->ids[p->b], run->b_first, run->b_last,
			b.buf);
		strbuf_addf(html, "<p>Run %zu, %zu tokens.</p>\n"
			    "<table class=\"runs\"><tr>", r + 1, run->tokens);
		html_side(html, class->ids[p->a], run->a_first, run->a_last,
			  a.buf);
		html_side(html, class->ids[p->b], run->b_first, run->b_last,
			  b.buf);
		strbuf_addstr(html, "</tr></table>\n");
	}
	strbuf_release(&a);
	strbuf_release(&b);
}

void similarity_report(const struct similarity_class *class,
		       struct strbuf *md, struct strbuf *html)
{
	struct strbuf part;

	strbuf_init(&part);
	intro(class, &part);
	pair_table(class, &part);
	if (class->nr)
		strbuf_addstr(&part, "## The shared runs\n\n");
	feedback_html_open("Similar files", page_style, html);
	feedback_html_body(part.buf, html);
	strbuf_addstr(md, part.buf);
	for (size_t i = 0; i < class->nr; i++) {
		strbuf_reset(&part);
		pair_heading(class, i, &part);
		feedback_html_body(part.buf, html);
		strbuf_addstr(md, part.buf);
		pair_runs(class, i, md, html);
	}
	feedback_html_close(html);
	strbuf_release(&part);
}
