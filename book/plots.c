/*
 * plots.c - looking plots up, running gnuplot on them, and pointing the
 * chapters' plot: images at the SVG files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plots.h"
#include "plot_style.h"
#include "alloc.h"
#include "proc.h"

/* Shared by every plot so they look alike (and by the grader's class
 * report, which includes the same file). */
static const char plot_preamble[] = PLOT_STYLE_PREAMBLE;

const struct plots_entry *plots_find(const char *name)
{
	size_t i;

	for (i = 0; i < plots_table_len; i++)
		if (!strcmp(plots_table[i].name, name))
			return &plots_table[i];
	return NULL;
}

const char *plots_known_names(void)
{
	static char names[512];
	size_t i, len = 0;

	if (names[0])
		return names;
	for (i = 0; i < plots_table_len && len < sizeof(names); i++)
		len += snprintf(names + len, sizeof(names) - len, "%s%s",
				i ? ", " : "", plots_table[i].name);
	return names;
}

/* dir/NAME.ext, malloc'd. */
static char *plot_path(const char *dir, const char *name, const char *ext)
{
	size_t size = strlen(dir) + strlen(name) + strlen(ext) + 3;
	char *path = book_xmalloc(size);

	snprintf(path, size, "%s/%s.%s", dir, name, ext);
	return path;
}

static int write_data(const struct plots_entry *plot, const char *path,
		      struct book_error *err)
{
	FILE *out = fopen(path, "w");

	if (!out) {
		book_error_set(err, path, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	plot->data(out);
	if (fclose(out) != 0) {
		book_error_set(err, path, 0, "write error: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* The file names inside the script are relative: gnuplot runs in dir. */
static int write_script(const struct plots_entry *plot, const char *path,
			struct book_error *err)
{
	FILE *out = fopen(path, "w");

	if (!out) {
		book_error_set(err, path, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	fputs(plot_preamble, out);
	fprintf(out, "set output '%s.svg'\ndata = '%s.dat'\n", plot->name,
		plot->name);
	fputs(plot->script, out);
	if (fclose(out) != 0) {
		book_error_set(err, path, 0, "write error: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int plots_render(const struct plots_entry *plot, const char *dir,
		 struct book_error *err)
{
	char *data = plot_path(dir, plot->name, "dat");
	char *script = plot_path(dir, plot->name, "gp");
	char *script_name = plot_path(".", plot->name, "gp");
	char *argv[] = { "gnuplot", script_name, NULL };
	int ret = write_data(plot, data, err);

	if (!ret)
		ret = write_script(plot, script, err);
	if (!ret && proc_run(argv, dir, err)) {
		struct book_error inner = *err;

		book_error_set(err, script, 0, "plot '%s': %s", plot->name,
			       inner.text);
		ret = -1;
	}
	free(data);
	free(script);
	free(script_name);
	return ret;
}

void plots_names_release(struct plots_names *names)
{
	for (size_t i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
	*names = (struct plots_names)PLOTS_NAMES_INIT;
}

/* A book has a few dozen plots: a linear search is enough. */
static void add_name(struct plots_names *names, const char *name)
{
	for (size_t i = 0; i < names->n; i++)
		if (!strcmp(names->v[i], name))
			return;
	book_grow(&names->v, &names->alloc, names->n + 1, sizeof(*names->v));
	names->v[names->n++] = book_xstrdup(name);
}

size_t plots_link(cmark_node *doc, const char *prefix,
		  struct plots_names *names)
{
	cmark_iter *iter = cmark_iter_new(doc);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		const char *url = cmark_node_get_url(node);
		char *svg;

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(node) != CMARK_NODE_IMAGE ||
		    !url || strncmp(url, "plot:", 5))
			continue;
		add_name(names, url + 5);
		svg = plot_path(prefix, url + 5, "svg");
		cmark_node_set_url(node, svg);
		free(svg);
	}
	cmark_iter_free(iter);
	return names->n;
}
