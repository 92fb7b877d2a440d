/*
 * plots.h - the book's plots: data computed in C with the reference
 * solutions, drawn by gnuplot into SVG.
 *
 * A chapter asks for a plot with ![Alt text](plot:NAME).  Each plot is one
 * table entry: a function writing the data and the gnuplot commands that
 * draw it; the common terminal and file names are added here.
 */
#ifndef BOOK_PLOTS_H
#define BOOK_PLOTS_H

#include <stdio.h>
#include <cmark-gfm.h>

#include "error.h"

struct plots_entry {
	const char *name;
	/* Writes whitespace-separated columns (blocks separated by two blank
	 * lines when the script uses `index`). */
	void (*data)(FILE *out);
	/* gnuplot commands; the data file is the variable `data`. */
	const char *script;
};

/* Every plot the book knows (plots_table.c). */
extern const struct plots_entry plots_table[];
extern const size_t plots_table_len;

/* The entry called name, or NULL. */
const struct plots_entry *plots_find(const char *name);

/* "sigmoid, bce_loss, ...", for error messages. */
const char *plots_known_names(void);

/*
 * Writes dir/NAME.dat and dir/NAME.gp and runs gnuplot to make
 * dir/NAME.svg.  dir must exist.
 */
int plots_render(const struct plots_entry *plot, const char *dir,
		 struct book_error *err);

/* The distinct plot names pages use, in order of first use. */
struct plots_names {
	char **v;
	size_t n, alloc;
};
#define PLOTS_NAMES_INIT { NULL, 0, 0 }
void plots_names_release(struct plots_names *names);

/*
 * Points every ![..](plot:NAME) in doc at prefix/NAME.svg and adds the
 * names not in *names yet (extended across calls).  Returns the number of
 * distinct names.
 */
size_t plots_link(cmark_node *doc, const char *prefix,
		  struct plots_names *names);

#endif /* BOOK_PLOTS_H */
