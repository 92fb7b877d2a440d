/*
 * main.c - the book builder's command line.
 *
 *   book-builder [--out DIR] [--check-only] CHAPTER.md...   build the site
 *   book-builder --man CHAPTER.md                           man source
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "manpage.h"
#include "chapter.h"
#include "site.h"

static const char usage[] =
	"usage: book-builder [--out DIR] [--assets DIR] [--katex DIR] [--check-only] CHAPTER.md...\n"
	"       book-builder --man CHAPTER.md\n";

/* Writes one chapter as a man page (for make read). */
static int print_man(const char *path)
{
	struct book_chapter ch = BOOK_CHAPTER_INIT;
	struct book_error err = BOOK_ERROR_INIT;

	if (book_chapter_load(&ch, path, &err) ||
	    book_chapter_validate(&ch, &err)) {
		fprintf(stderr, "%s\n", err.text);
		book_chapter_release(&ch);
		return 1;
	}
	manpage_write(stdout, &ch);
	book_chapter_release(&ch);
	return 0;
}

/* An option taking a value: "--out DIR".  Returns the value or NULL. */
static const char *option_value(int argc, char **argv, int *i,
				const char *name)
{
	if (strcmp(argv[*i], name))
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "book-builder: %s needs a value\n%s", name, usage);
		exit(2);
	}
	return argv[++*i];
}

int main(int argc, char **argv)
{
	struct book_site_options opt = {
		.out = "build/book",
		.assets = "book/assets",
		.katex = "/usr/share/javascript/katex",
	};
	struct book_site_stats stats;
	const char *value;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if ((value = option_value(argc, argv, &i, "--out")))
			opt.out = value;
		else if ((value = option_value(argc, argv, &i, "--assets")))
			opt.assets = value;
		else if ((value = option_value(argc, argv, &i, "--katex")))
			opt.katex = value;
		else if ((value = option_value(argc, argv, &i, "--man")))
			return print_man(value);
		else if (!strcmp(argv[i], "--check-only"))
			opt.check_only = 1;
		else {
			fprintf(stderr, "book-builder: unknown option %s\n%s",
				argv[i], usage);
			return 2;
		}
	}
	if (i == argc) {
		fprintf(stderr, "book-builder: no chapters given\n%s", usage);
		return 2;
	}
	if (book_site_build(&opt, argv + i, argc - i, &stats))
		return 1;
	if (opt.check_only)
		printf("book: %d chapters checked\n", argc - i);
	else
		printf("book: wrote %s/index.html (%zu pages, %zu plots)\n",
		       opt.out, stats.pages, stats.plots);
	return 0;
}
