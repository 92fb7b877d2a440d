/*
 * plot_style.h - the gnuplot settings every drawing of the project starts
 * with: the grader's class report (class_plot.c) and the book's plots
 * (book/plots.c), so both look alike.  It lives with the grader, which is
 * also built alone (the Gradescope package has no book/).  The size is
 * fixed by design; pages scale the SVG.
 */
#ifndef GRADER_PLOT_STYLE_H
#define GRADER_PLOT_STYLE_H

#define PLOT_STYLE_PREAMBLE \
	"set terminal svg size 640,400 dynamic enhanced font \"sans,12\" background rgb 'white'\n" \
	"set encoding utf8\n" \
	"set grid lc rgb '#dddddd'\n" \
	"set border lc rgb '#444444'\n" \
	"set key noopaque\n" \
	"set linetype 1 lc rgb '#1f5fa8' lw 2\n" \
	"set linetype 2 lc rgb '#c0392b' lw 2\n" \
	"set linetype 3 lc rgb '#2e8b57' lw 2\n" \
	"set linetype 4 lc rgb '#8e44ad' lw 2\n" \
	"set linetype 5 lc rgb '#d68910' lw 2\n" \
	"set samples 500\n"

#endif /* GRADER_PLOT_STYLE_H */
