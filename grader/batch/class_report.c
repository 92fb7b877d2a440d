/*
 * class_report.c - the class report in Markdown and HTML.
 */
#include "class_report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch_progress.h"
#include "class_plot.h"
#include "class_stats.h"
#include "student_id.h"
#include "report/feedback.h"
#include "report/gradebook.h"

/* Sections of the page; a drawing follows the first CLASS_PLOTS. */
enum { SECTION_TESTS = CLASS_PLOTS, SECTION_DIAGNOSES, SECTION_ATTENTION,
       SECTIONS };

static const char page_style[] =
	"svg{display:block;width:100%;max-width:34em;height:auto}"
	"td:last-child{overflow-wrap:anywhere}";

static void add_bins(struct strbuf *md, const size_t *counts, size_t n,
		     const char *label, const char *const *names)
{
	strbuf_addf(md, "| %s |", label);
	for (size_t i = 0; i < n; i++)
		if (counts[i]) {
			if (names)
				strbuf_addf(md, " %s |", names[i]);
			else
				strbuf_addf(md, " %zu |", i);
		}
	strbuf_addstr(md, "\n|---|");
	for (size_t i = 0; i < n; i++)
		if (counts[i])
			strbuf_addstr(md, "---:|");
	strbuf_addstr(md, "\n| students |");
	for (size_t i = 0; i < n; i++)
		if (counts[i])
			strbuf_addf(md, " %zu |", counts[i]);
	strbuf_addstr(md, "\n\n");
}

static void overview(struct strbuf *md, const struct class_stats *stats)
{
	const char *names[CLASS_TOTAL_BINS];

	for (size_t i = 0; i < CLASS_TOTAL_BINS; i++)
		names[i] = class_stats_total_bin_name(i);
	strbuf_addf(md, "# The class\n\n%zu %s in the gradebook, %zu graded "
		    "(status ok or not-on-roster), %zu %s attention. This "
		    "report names students: keep it to yourself.\n\n"
		    "## Totals\n\n", stats->students,
		    batch_progress_plural(stats->students, "student",
					  "students"),
		    stats->graded, stats->attention_nr,
		    batch_progress_plural(stats->attention_nr, "needs",
					  "need"));
	if (stats->graded)
		add_bins(md, stats->total_bins, CLASS_TOTAL_BINS,
			 "share of the points (%)", names);
	else
		strbuf_addstr(md, "No student was graded.\n\n");
}

static void exercise_section(struct strbuf *md,
			     const struct class_stats *stats, size_t i)
{
	const struct class_histogram *h = &stats->exercises[i];

	if (i == 0)
		strbuf_addstr(md, "## Points per exercise file\n\n");
	strbuf_addf(md, "### %s\n\nHanded in by %zu of the %zu graded "
		    "students; %zu %s.\n\n", catalog_exercise_at(i)->file,
		    stats->handed_in[i], stats->graded, h->max,
		    batch_progress_plural(h->max, "test", "tests"));
	if (stats->graded)
		add_bins(md, h->counts, h->max + 1, "points", NULL);
}

static void tests_section(struct strbuf *md, const struct class_stats *stats)
{
	size_t shown = stats->failures_nr < CLASS_REPORT_TOP_TESTS ?
		       stats->failures_nr : CLASS_REPORT_TOP_TESTS;

	strbuf_addf(md, "## The tests most students fail\n\nCounted among "
		    "the students whose file compiled; the %zu most failed "
		    "of %zu failing.\n\n", shown, stats->failures_nr);
	if (!shown)
		return;
	strbuf_addstr(md, "| file | test | failed by |\n|---|---|---:|\n");
	for (size_t i = 0; i < shown; i++) {
		const struct class_failure *f = &stats->failures[i];

		strbuf_addf(md, "| %s | ", f->exercise->file);
		feedback_add_escaped(md, f->function);
		strbuf_addstr(md, ": ");
		feedback_add_escaped(md, f->description);
		strbuf_addf(md, "%s | %zu |\n", f->hidden ? " (hidden)" : "",
			    f->count);
	}
	strbuf_addstr(md, "\n");
}

static void diagnoses_section(struct strbuf *md,
			      const struct class_stats *stats)
{
	const struct catalog_exercise *last = NULL;
	size_t shown = 0;

	strbuf_addf(md, "## The commonest first diagnosis\n\nPer file, what "
		    "its students see first: the first failing test's "
		    "message, or why the file could not be graded (the %d "
		    "commonest).\n\n", CLASS_REPORT_TOP_DIAGNOSES);
	if (!stats->diagnoses_nr)
		return;
	strbuf_addstr(md, "| file | first diagnosis | students |\n"
		      "|---|---|---:|\n");
	for (size_t i = 0; i < stats->diagnoses_nr; i++) {
		const struct class_diagnosis *d = &stats->diagnoses[i];

		shown = d->exercise == last ? shown + 1 : 1;
		last = d->exercise;
		if (shown > CLASS_REPORT_TOP_DIAGNOSES)
			continue;
		strbuf_addf(md, "| %s | ", d->exercise->file);
		feedback_add_escaped(md, d->text);
		strbuf_addf(md, " | %zu |\n", d->count);
	}
	strbuf_addstr(md, "\n");
}

/* [id](feedback/STEM.html): the stem's % escaped again for the URL. */
static void student_link(struct strbuf *md, const char *id)
{
	char *stem = student_id_file_name(id);

	strbuf_addch(md, '[');
	feedback_add_escaped(md, id);
	strbuf_addstr(md, "](feedback/");
	for (const char *p = stem; *p; p++)
		if (*p == '%')
			strbuf_addstr(md, "%25");
		else
			strbuf_addch(md, *p);
	strbuf_addstr(md, ".html)");
	free(stem);
}

static void attention_section(struct strbuf *md,
			      const struct class_stats *stats)
{
	strbuf_addf(md, "## Students who need attention\n\n%zu %s: a status "
		    "other than ok (an error or timeout, a missing student, a "
		    "submission that could not be graded, an entry not on the "
		    "roster) or 0 points.\n\n", stats->attention_nr,
		    batch_progress_plural(stats->attention_nr, "student",
					  "students"));
	if (!stats->attention_nr)
		return;
	strbuf_addstr(md, "| student | status | points | why |\n"
		      "|---|---|---:|---|\n");
	for (size_t i = 0; i < stats->attention_nr; i++) {
		const struct class_student *s = &stats->attention[i];

		strbuf_addstr(md, "| ");
		student_link(md, s->id);
		strbuf_addf(md, " | %s | ", s->status);
		if (s->graded)
			strbuf_addf(md, "%zu/%zu", s->total, s->max);
		else
			strbuf_addstr(md, "-");
		strbuf_addstr(md, " | ");
		feedback_add_escaped(md, s->reason);
		strbuf_addstr(md, " |\n");
	}
	strbuf_addstr(md, "\n");
}

static void write_sections(struct strbuf sections[SECTIONS],
			   const struct class_stats *stats)
{
	overview(&sections[CLASS_PLOT_TOTALS], stats);
	for (size_t i = 0; i < catalog_count(); i++)
		exercise_section(&sections[1 + i], stats, i);
	tests_section(&sections[SECTION_TESTS], stats);
	diagnoses_section(&sections[SECTION_DIAGNOSES], stats);
	attention_section(&sections[SECTION_ATTENTION], stats);
}

static void render(struct strbuf sections[SECTIONS],
		   const struct class_plots *plots, struct strbuf *md,
		   struct strbuf *html)
{
	feedback_html_open("The class", page_style, html);
	for (size_t i = 0; i < SECTIONS; i++) {
		strbuf_addstr(md, sections[i].buf);
		feedback_html_body(sections[i].buf, html);
		if (i < CLASS_PLOTS && plots->svg[i])
			strbuf_addf(html, "<figure>%s</figure>\n",
				    plots->svg[i]);
	}
	feedback_html_close(html);
}

static int write_files(const char *out, const struct strbuf *md,
		       const struct strbuf *html, struct strbuf *error)
{
	char *md_path = xstrfmt("%s/class.md", out);
	char *html_path = xstrfmt("%s/class.html", out);
	int status = 0;

	if (strbuf_write_file(md, md_path) != 0 ||
	    strbuf_write_file(html, html_path) != 0) {
		strbuf_addf(error, "cannot write %s/class.md and class.html "
			    "(%s); free some space and run the same command "
			    "again", out, strerror(errno));
		status = -1;
	}
	free(md_path);
	free(html_path);
	return status;
}

static int report(const char *out, const char *gradebook, struct strbuf *note,
		  struct strbuf *error)
{
	struct strbuf sections[SECTIONS], md, html;
	struct class_stats stats;
	struct class_plots plots;
	int status;

	class_stats_init(&stats);
	class_plots_init(&plots);
	if (class_stats_collect(&stats, out, gradebook, error) != 0) {
		class_stats_release(&stats);
		return -1;
	}
	(void)class_plots_draw(&plots, &stats, note);
	for (size_t i = 0; i < SECTIONS; i++)
		strbuf_init(&sections[i]);
	strbuf_init(&md);
	strbuf_init(&html);
	write_sections(sections, &stats);
	render(sections, &plots, &md, &html);
	status = write_files(out, &md, &html, error);
	for (size_t i = 0; i < SECTIONS; i++)
		strbuf_release(&sections[i]);
	strbuf_release(&md);
	strbuf_release(&html);
	class_plots_release(&plots);
	class_stats_release(&stats);
	return status;
}

int class_report_write(const char *out, struct strbuf *note,
		       struct strbuf *error)
{
	struct strbuf gradebook;
	int status = -1;

	strbuf_init(&gradebook);
	if (gradebook_read(out, &gradebook, error) == 0)
		status = report(out, gradebook.buf, note, error);
	strbuf_release(&gradebook);
	return status;
}
