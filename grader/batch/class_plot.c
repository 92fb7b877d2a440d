/*
 * class_plot.c - histograms of a class by gnuplot.
 */
#include "class_plot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "plot_style.h"
#include "core/resources.h"
#include "core/run.h"
#include "core/workspace.h"

/* The largest SVG read back: a histogram is a few tens of KiB. */
#define PLOT_SVG_BYTES ((size_t)4 << 20)
/* About this many ticks on an axis, so labels never crowd. */
enum { PLOT_TICKS = 10 };

void class_plots_init(struct class_plots *plots)
{
	memset(plots, 0, sizeof *plots);
}

void class_plots_release(struct class_plots *plots)
{
	for (size_t i = 0; i < CLASS_PLOTS; i++)
		free(plots->svg[i]);
	class_plots_init(plots);
}

static size_t tick_step(size_t max)
{
	return max > PLOT_TICKS ? (max + PLOT_TICKS - 1) / PLOT_TICKS : 1;
}

static size_t largest(const size_t *counts, size_t n)
{
	size_t top = 0;

	for (size_t i = 0; i < n; i++)
		if (counts[i] > top)
			top = counts[i];
	return top;
}

/* One histogram: boxes of counts[0..n-1] at x = 0..n-1. */
static void add_histogram(struct strbuf *script, const char *name,
			  const char *title, const char *xlabel,
			  const size_t *counts, size_t n, const char *xtics)
{
	size_t top = largest(counts, n);

	strbuf_addf(script, "set output '%s.svg'\nset title '%s' noenhanced\n"
		    "set xlabel '%s'\nset xrange [-0.6:%zu.6]\n"
		    "set yrange [0:%zu]\nset ytics %zu\n%s\n"
		    "$%s << EOD\n", name, title, xlabel, n - 1,
		    top + tick_step(top), tick_step(top), xtics, name);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(script, "%zu %zu\n", i, counts[i]);
	strbuf_addf(script, "EOD\nplot $%s using 1:2 with boxes lt 1 "
		    "notitle\n", name);
}

static void add_totals(struct strbuf *script, const struct class_stats *stats)
{
	struct strbuf tics;

	strbuf_init(&tics);
	strbuf_addstr(&tics, "set xtics (");
	for (size_t i = 0; i < CLASS_TOTAL_BINS; i++)
		strbuf_addf(&tics, "%s'%s' %zu", i ? ", " : "",
			    class_stats_total_bin_name(i), i);
	strbuf_addstr(&tics, ")");
	add_histogram(script, "totals", "Total score of the graded students",
		      "share of the points (%)", stats->total_bins,
		      CLASS_TOTAL_BINS, tics.buf);
	strbuf_release(&tics);
}

static void write_script(struct strbuf *script,
			 const struct class_stats *stats)
{
	strbuf_addstr(script, PLOT_STYLE_PREAMBLE
		      "set style fill solid 0.85 border -1\n"
		      "set boxwidth 0.8\nset ylabel 'students'\n"
		      "set xtics nomirror\nset ytics nomirror\n");
	add_totals(script, stats);
	for (size_t i = 0; i < catalog_count(); i++) {
		const struct catalog_exercise *exercise =
			catalog_exercise_at(i);
		const struct class_histogram *h = &stats->exercises[i];
		char name[32], tics[64];

		snprintf(name, sizeof name, "ex%zu", i);
		snprintf(tics, sizeof tics, "set xtics 0, %zu",
			 tick_step(h->max));
		add_histogram(script, name, exercise->file,
			      "points (tests passed)",
			      h->counts, h->max + 1, tics);
	}
}

/*
 * Appends svg with every id (and reference to one) prefixed by prefix:
 * gnuplot names the parts of each drawing alike, and ids must be unique
 * in the page that holds them all.
 */
static void add_prefixed(struct strbuf *out, const char *svg,
			 const char *prefix)
{
	static const char *const marks[] = { "id='", "id=\"", "href='#",
					     "href=\"#", "url(#" };

	while (*svg) {
		size_t mark = 0, best = strlen(svg), len;

		for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
			const char *at = strstr(svg, marks[i]);

			if (at && (size_t)(at - svg) < best) {
				best = (size_t)(at - svg);
				mark = i + 1;
			}
		}
		if (!mark) {
			strbuf_addstr(out, svg);
			return;
		}
		len = best + strlen(marks[mark - 1]);
		strbuf_add(out, svg, len);
		strbuf_addstr(out, prefix);
		svg += len;
	}
}

/* The <svg> element of a file gnuplot wrote, its XML prolog dropped. */
static char *read_svg(const char *path, const char *prefix)
{
	struct strbuf text, svg;
	char *start;

	strbuf_init(&text);
	strbuf_init(&svg);
	if (strbuf_read_file(&text, path, PLOT_SVG_BYTES) &&
	    (start = strstr(text.buf, "<svg")) != NULL)
		add_prefixed(&svg, start, prefix);
	strbuf_release(&text);
	if (!svg.len) {
		strbuf_release(&svg);
		return NULL;
	}
	return strbuf_detach(&svg);
}

static int run_gnuplot(const char *dir, struct strbuf *error)
{
	char *gnuplot = resources_find_program("gnuplot");
	char *argv[] = { gnuplot, "plots.gp", NULL };
	const char *readable[] = { gnuplot, NULL };
	struct sandbox_result result;
	int status = -1;

	if (!gnuplot) {
		strbuf_addstr(error, "gnuplot is not installed, so the report "
			      "has no histograms; install gnuplot-nox (sh "
			      "scripts/install-deps.sh) and run the batch "
			      "again");
		return -1;
	}
	sandbox_result_init(&result);
	if (run_tool_limited(argv, dir, readable, CLASS_PLOT_SECONDS,
			     &result) != 0)
		strbuf_addstr(error, "cannot start gnuplot; the report has no "
			      "histograms");
	else if (result.timed_out || !WIFEXITED(result.wait_status) ||
		 WEXITSTATUS(result.wait_status) != 0)
		strbuf_addf(error, "gnuplot failed (%.200s), so the report "
			    "has no histograms", result.output_length ?
			    result.output : "no message");
	else
		status = 0;
	sandbox_result_release(&result);
	free(gnuplot);
	return status;
}

static void read_all(struct class_plots *plots, const char *dir)
{
	for (size_t i = 0; i < CLASS_PLOTS; i++) {
		char *path = i == CLASS_PLOT_TOTALS ?
			     xstrfmt("%s/totals.svg", dir) :
			     xstrfmt("%s/ex%zu.svg", dir, i - 1);
		char *prefix = xstrfmt("plot%zu-", i);

		plots->svg[i] = read_svg(path, prefix);
		free(prefix);
		free(path);
	}
}

int class_plots_draw(struct class_plots *plots,
		     const struct class_stats *stats, struct strbuf *error)
{
	struct workspace workspace;
	struct strbuf script;
	char *dir = NULL, *path = NULL;
	int status = -1;

	workspace_init(&workspace);
	strbuf_init(&script);
	write_script(&script, stats);
	if (workspace_create(&workspace, error) == 0 &&
	    (dir = workspace_subfolder(&workspace, "plots")) != NULL) {
		path = xstrfmt("%s/plots.gp", dir);
		if (strbuf_write_file(&script, path) != 0)
			strbuf_addf(error, "cannot write %s; the report has no "
				    "histograms", path);
		else if (run_gnuplot(dir, error) == 0)
			status = 0;
	}
	if (status == 0)
		read_all(plots, dir);
	free(path);
	free(dir);
	strbuf_release(&script);
	workspace_release(&workspace);
	return status;
}
