/*
 * test_book_read.c - make read: each chapter as the terminal shows it
 * (book-builder --man, then groff as man would run it) keeps every
 * question prompt, shows no raw TeX command, no tab and no groff
 * warning, and points to the HTML page where an interactive part stood.
 *
 * The chapters come from $BOOK_LITERATE (as for test_literate), the
 * builder is build/book-builder.  Run from the top of the repository.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "support/harness.h"

/* As make read: no hyphenation or fill changes of our own, 80 columns;
 * -P-cbou gives plain text without bold or underline overstrikes. */
#define RENDER "build/book-builder --man %s | groff -k -t -man -Tutf8 -ww " \
	"-rLL=78n -P-cbou 2>%s >%s"


/* Runs of blanks and newlines squeezed to one space (groff re-fills). */
static char *squeeze(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;
	int blank = 0;

	for (; *text; text++) {
		if (isspace((unsigned char)*text)) {
			blank = 1;
			continue;
		}
		if (blank && o > out)
			*o++ = ' ';
		blank = 0;
		*o++ = *text;
	}
	*o = '\0';
	return out;
}

/* Each TeX command of the chapter's math ("\frac", "\sigma", ...) must be
 * absent from the output when followed by a non-letter (C code's "\n"
 * and "\t" are not TeX commands of any chapter). */
static void check_no_tex(const char *path, const char *source,
			 const char *output)
{
	const char *s = source;

	while ((s = strchr(s, '\\'))) {
		char name[40];
		size_t len = 1;
		const char *o = output;

		while (isalpha((unsigned char)s[len]) && len < sizeof(name) - 1)
			len++;
		if (len > 2) {	/* \n, \t: C escapes, not math */
			memcpy(name, s, len);
			name[len] = '\0';
			while ((o = strstr(o, name))) {
				cr_expect(isalpha((unsigned char)o[len]),
					  "%s: raw TeX %s in make read's output: %.60s",
					  path, name, o);
				o += len;
			}
		}
		s += len;
	}
}

static void check_chapter(const char *path)
{
	char command[1024], *source = harness_read_text(path), *output, *warnings, *flat;
	char out_path[64], err_path[64];
	const char *s = source;
	int prompts = 0;

	snprintf(out_path, sizeof(out_path), "/tmp/book-read-%d.out", (int)getpid());
	snprintf(err_path, sizeof(err_path), "/tmp/book-read-%d.err", (int)getpid());
	snprintf(command, sizeof(command), RENDER, path, err_path, out_path);
	cr_expect_eq(system(command), 0, "%s: book-builder --man | groff failed",
		     path);
	output = harness_read_text(out_path);
	warnings = harness_read_text(err_path);
	remove(out_path);
	remove(err_path);
	flat = squeeze(output);
	cr_expect_str_empty(warnings, "%s: groff says: %s", path, warnings);
	cr_expect_null(strchr(output, '\t'), "%s: a tab is left in the output",
		       path);
	while ((s = strstr(s, "<summary>"))) {
		const char *end = strstr(s, "</summary>");
		char *prompt = strndup(s + 9, end - s - 9), *want = squeeze(prompt);
		char *line = malloc(strlen(want) + 16);

		sprintf(line, "Question: %s", want);
		cr_expect(strstr(flat, line), "%s: question prompt missing: %s",
			  path, want);
		prompts++;
		free(line);
		free(prompt);
		free(want);
		s = end;
	}
	if (!strncmp(path, "chapters/", 9) && strstr(source, "## Questions"))
		cr_expect_geq(prompts, 2, "%s: fewer than two questions", path);
	if (strstr(source, "wb-slider"))
		cr_expect(strstr(flat, "An interactive slider stands here: open"),
			  "%s: the slider left no pointer to the HTML page", path);
	check_no_tex(path, source, output);
	free(source);
	free(output);
	free(warnings);
	free(flat);
}

Test(read, every_chapter_reads_in_a_terminal, .timeout = 120)
{
	const char *list = getenv("BOOK_LITERATE");
	char *copy = strdup(list ? list : ""), *save = NULL, *path;
	int chapters = 0;

	for (path = strtok_r(copy, " \t\n", &save); path;
	     path = strtok_r(NULL, " \t\n", &save), chapters++)
		check_chapter(path);
	free(copy);
	cr_expect_gt(chapters, 0, "BOOK_LITERATE names no chapters");
}
