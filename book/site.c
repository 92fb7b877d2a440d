/* site.c - from chapter files to a complete, self-contained site. */
#define _GNU_SOURCE		/* renameat2 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "alloc.h"
#include "chapter.h"
#include "plots.h"
#include "proc.h"
#include "render.h"
#include "site.h"

struct site {
	const struct book_site_options *opt;
	struct book_chapter *chapters;
	size_t n;
	char *tmp;		/* the folder being written */
	struct plots_names plot_names;
	struct render_book web, print;
};

static void report(const struct book_error *err)
{
	fprintf(stderr, "%s\n", err->text);
}

/* Loads and checks every chapter, so one run reports every bad file. */
static int load_chapters(struct site *s, char *const paths[])
{
	struct book_error err = BOOK_ERROR_INIT;
	int failed = 0;
	size_t i;

	s->chapters = book_xcalloc(s->n, sizeof(*s->chapters));
	for (i = 0; i < s->n; i++) {
		book_chapter_init(&s->chapters[i]);
		if (book_chapter_load(&s->chapters[i], paths[i], &err) ||
		    book_chapter_validate(&s->chapters[i], &err)) {
			report(&err);
			failed = 1;
		}
	}
	return failed ? -1 : 0;
}

static char *join(const char *dir, const char *name)
{
	size_t size = strlen(dir) + strlen(name) + 2;
	char *path = book_xmalloc(size);

	snprintf(path, size, "%s/%s", dir, name);
	return path;
}

/* The print page needs its own copy of each tree (render consumes one),
 * parsed again from the text already in memory. */
static void render_all(struct site *s)
{
	size_t i;

	s->web.n = s->print.n = s->n;
	s->web.chapters = book_xcalloc(s->n, sizeof(*s->web.chapters));
	s->print.chapters = book_xcalloc(s->n, sizeof(*s->print.chapters));
	for (i = 0; i < s->n; i++) {
		struct book_chapter copy = BOOK_CHAPTER_INIT;
		struct book_error err = BOOK_ERROR_INIT;
		char prefix[512];

		book_chapter_parse(&copy, s->chapters[i].path,
				   s->chapters[i].source,
				   s->chapters[i].source_len, &err);
		snprintf(prefix, sizeof(prefix), "%s--", s->chapters[i].slug);
		render_chapter_init(&s->print.chapters[i], &copy, prefix,
				    &s->plot_names);
		render_chapter_init(&s->web.chapters[i], &s->chapters[i], "",
				    &s->plot_names);
		/* The print slug must outlive the copy: borrow the original. */
		s->print.chapters[i].slug = s->chapters[i].slug;
		book_chapter_release(&copy);
	}
}

typedef void (*page_writer)(FILE *out, const struct site *s, size_t index);

static int write_page(const struct site *s, const char *name,
		      page_writer writer, size_t index)
{
	char *path = join(s->tmp, name);
	FILE *out = fopen(path, "w");
	int ret = 0;

	if (!out || (writer(out, s, index), fclose(out) != 0)) {
		fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
		ret = -1;
	}
	free(path);
	return ret;
}

static void index_writer(FILE *out, const struct site *s, size_t index)
{
	(void)index;
	render_index_page(out, &s->web);
}

static void chapter_writer(FILE *out, const struct site *s, size_t index)
{
	render_chapter_page(out, &s->web, index);
}

static void print_writer(FILE *out, const struct site *s, size_t index)
{
	(void)index;
	render_print_page(out, &s->print);
}

static int write_pages(const struct site *s, struct book_site_stats *stats)
{
	size_t i;

	if (write_page(s, "index.html", index_writer, 0) ||
	    write_page(s, "print.html", print_writer, 0))
		return -1;
	for (i = 0; i < s->n; i++) {
		char name[512];

		snprintf(name, sizeof(name), "%s.html", s->chapters[i].slug);
		if (write_page(s, name, chapter_writer, i))
			return -1;
	}
	stats->pages = s->n + 2;
	return 0;
}

static int write_plots(const struct site *s, struct book_site_stats *stats)
{
	struct book_error err = BOOK_ERROR_INIT;
	char *dir = join(s->tmp, "plots");
	size_t i;
	int ret = 0;

	stats->plots = 0;
	if (mkdir(dir, 0755) != 0) {
		fprintf(stderr, "%s: cannot create: %s\n", dir, strerror(errno));
		ret = -1;
	}
	for (i = 0; !ret && i < s->plot_names.n; i++) {
		/* Validation already rejected unknown names. */
		ret = plots_render(plots_find(s->plot_names.v[i]), dir, &err);
		if (ret)
			report(&err);
		else
			stats->plots++;
	}
	free(dir);
	return ret;
}

/* cp -rL: KaTeX's fonts/ is a symlink that must become real files. */
static int copy_assets(const struct site *s)
{
	struct book_error err = BOOK_ERROR_INIT;
	char *css = join(s->opt->assets, "book.css");
	char *js = join(s->opt->assets, "book.js");
	char *katex = join(s->tmp, "katex");
	char *copy_own[] = { "cp", "--", css, js, s->tmp, NULL };
	char *copy_katex[] = { "cp", "-rL", "--", (char *)s->opt->katex, katex,
			       NULL };
	int ret = proc_run(copy_own, NULL, &err);

	if (!ret)
		ret = proc_run(copy_katex, NULL, &err);
	if (ret)
		fprintf(stderr, "book: copying assets: %s\n", err.text);
	free(css);
	free(js);
	free(katex);
	return ret;
}

/*
 * The new site replaces the old one in a single step: RENAME_EXCHANGE
 * swaps the two folders atomically, then the old one (now at tmp) goes.
 */
static int publish(struct site *s)
{
	struct book_error err = BOOK_ERROR_INIT;

	if (rename(s->tmp, s->opt->out) == 0)
		return 0;
	if ((errno == ENOTEMPTY || errno == EEXIST) &&
	    renameat2(AT_FDCWD, s->tmp, AT_FDCWD, s->opt->out,
		      RENAME_EXCHANGE) == 0)
		return proc_remove_tree(s->tmp, &err) ? (report(&err), -1) : 0;
	fprintf(stderr, "%s: cannot replace with %s: %s\n", s->opt->out, s->tmp,
		strerror(errno));
	return -1;
}

static int make_tmp(struct site *s)
{
	size_t size = strlen(s->opt->out) + 16;

	s->tmp = book_xmalloc(size);
	snprintf(s->tmp, size, "%s.tmp.XXXXXX", s->opt->out);
	if (!mkdtemp(s->tmp)) {
		fprintf(stderr, "%s: cannot create: %s\n", s->tmp,
			strerror(errno));
		free(s->tmp);
		s->tmp = NULL;
		return -1;
	}
	chmod(s->tmp, 0755);
	return 0;
}

static void site_release(struct site *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->web.chapters)
			render_chapter_release(&s->web.chapters[i]);
		if (s->print.chapters)
			render_chapter_release(&s->print.chapters[i]);
		book_chapter_release(&s->chapters[i]);
	}
	plots_names_release(&s->plot_names);
	free(s->web.chapters);
	free(s->print.chapters);
	free(s->chapters);
	free(s->tmp);
}

int book_site_build(const struct book_site_options *opt, char *const paths[],
		    size_t n, struct book_site_stats *stats)
{
	struct site s = { .opt = opt, .n = n };
	struct book_error err = BOOK_ERROR_INIT;
	int ret = load_chapters(&s, paths);

	stats->pages = stats->plots = 0;
	if (ret || opt->check_only) {
		site_release(&s);
		return ret;
	}
	render_all(&s);
	ret = make_tmp(&s);
	if (!ret)
		ret = write_pages(&s, stats);
	if (!ret)
		ret = write_plots(&s, stats);
	if (!ret)
		ret = copy_assets(&s);
	if (!ret)
		ret = publish(&s);
	if (ret && s.tmp && proc_remove_tree(s.tmp, &err))
		report(&err);
	site_release(&s);
	return ret;
}
