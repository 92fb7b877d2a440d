/*
 * class_plot.h - the class report's histograms, drawn by gnuplot into SVG
 * with the book's style (plot_style.h).  gnuplot runs once for all of
 * them, in a scratch folder, as a tool: sandboxed, with a clean
 * environment and CLASS_PLOT_SECONDS at most.  Its input is only numbers
 * and exercise names, never a student's text.
 */
#ifndef GRADER_CLASS_PLOT_H
#define GRADER_CLASS_PLOT_H

#include "class_stats.h"
#include "util/strbuf.h"

#define CLASS_PLOT_SECONDS 60.0

/* The drawings: the totals, then one per exercise file. */
enum { CLASS_PLOT_TOTALS = 0, CLASS_PLOTS = 1 + CATALOG_EXERCISES };

struct class_plots {
	char *svg[CLASS_PLOTS];	/* the <svg> element, or NULL */
};

void class_plots_init(struct class_plots *plots);
void class_plots_release(struct class_plots *plots);

/*
 * Draws every histogram of stats.  0, or -1 with one line in error saying
 * why there are none (gnuplot missing or failing): the report then goes
 * without them.
 */
int class_plots_draw(struct class_plots *plots,
		     const struct class_stats *stats, struct strbuf *error);

#endif /* GRADER_CLASS_PLOT_H */
