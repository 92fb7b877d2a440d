/*
 * discover_notes.c - what a student is told about the files the grader
 * did not grade: the misnamed ones once per exercise file ("did you
 * mean"), the copies and the rest in one line each.
 */
#include "discover.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Copies an OS or browser adds to a name: "02_bce (1).c", "02_bce(2).c". */
static void drop_copy_number(char *name)
{
	char *open = strrchr(name, '(');
	char *close = open ? strchr(open, ')') : NULL;
	size_t digits = open ? strspn(open + 1, "0123456789") : 0;

	if (!open || !close || digits == 0 || open + 1 + digits != close)
		return;
	if (open > name && open[-1] == ' ')
		open--;
	memmove(open, close + 1, strlen(close + 1) + 1);
}

/* The name as a student meant it: lower case, no copy number, no .txt. */
static char *normalized(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *name = xstrdup(slash ? slash + 1 : path);
	char *dot_c;

	for (char *p = name; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	drop_copy_number(name);
	/* "02_bce.c.txt", "02_bce.c.bak": an editor's extension after .c */
	dot_c = strstr(name, ".c.");
	if (dot_c)
		dot_c[2] = '\0';
	return name;
}

const struct catalog_exercise *discover_guess(const char *path)
{
	char *name = normalized(path);
	size_t len = strlen(name);
	const char *names[CATALOG_MAX_SUGGESTIONS];
	const struct catalog_exercise *guess = NULL;
	size_t count = 0;

	if (len > 2 && !strcmp(name + len - 2, ".c")) {
		guess = catalog_find_exercise(name);
		if (guess && strcmp(guess->file, name))
			guess = NULL;	/* "02.c" is no exercise's name */
		if (!guess)
			count = catalog_suggest(name, names);
	}
	for (size_t i = 0; i < count && !guess; i++) {
		const struct catalog_exercise *e = catalog_find_exercise(names[i]);

		if (e && !strcmp(e->file, names[i]))
			guess = e;
	}
	free(name);
	return guess;
}

static int by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The paths, sorted, up to DISCOVER_MAX_NAMED, then "and N more". */
static void add_names(struct strbuf *out, char **paths, size_t nr)
{
	qsort(paths, nr, sizeof *paths, by_bytes);
	for (size_t i = 0; i < nr && i < DISCOVER_MAX_NAMED; i++)
		strbuf_addf(out, "%s%s", i ? ", " : "", paths[i]);
	if (nr > DISCOVER_MAX_NAMED)
		strbuf_addf(out, " and %zu more", nr - DISCOVER_MAX_NAMED);
}

/* The catalog index of an exercise, or catalog_count() for NULL. */
static size_t index_of(const struct catalog_exercise *e)
{
	size_t i = 0;

	while (i < catalog_count() && catalog_exercise_at(i) != e)
		i++;
	return i;
}

/* One line: the missing file, the files that may be it, the advice. */
static void add_guess_line(const struct catalog_exercise *e, char **paths,
			   size_t nr, struct strbuf *out)
{
	strbuf_addf(out, "%s is missing, but found ", e->file);
	add_names(out, paths, nr);
	strbuf_addf(out, ": did you mean %s? Rename the file to exactly %s "
		    "(only files named as in exercises/ are graded).\n",
		    e->file, e->file);
}

/*
 * The misnamed files of every missing exercise file, one line each; the
 * other files (no guess, or a guess for a file that is there) go to rest,
 * whose count is returned.
 */
static size_t add_misnamed(const struct discovery *d, char **rest,
			   struct strbuf *out)
{
	size_t n = d->others_nr;
	size_t *guess = xmalloc((n + 1) * sizeof *guess);
	char **mine = xmalloc((n + 1) * sizeof *mine);
	size_t left = 0;

	for (size_t k = 0; k < n; k++) {
		guess[k] = index_of(discover_guess(d->others[k]));
		if (guess[k] < catalog_count() && d->files[guess[k]])
			guess[k] = catalog_count();	/* it is there */
	}
	for (size_t i = 0; i < catalog_count(); i++) {
		size_t nr = 0;

		for (size_t k = 0; k < n; k++)
			if (guess[k] == i)
				mine[nr++] = d->others[k];
		if (nr)
			add_guess_line(catalog_exercise_at(i), mine, nr, out);
	}
	for (size_t k = 0; k < n; k++)
		if (guess[k] == catalog_count())
			rest[left++] = d->others[k];
	free(mine);
	free(guess);
	return left;
}

void discovery_notes(const struct discovery *discovery, struct strbuf *out)
{
	size_t n = discovery->others_nr;
	char **rest = xmalloc((n + 1) * sizeof *rest);
	size_t left = add_misnamed(discovery, rest, out);

	if (discovery->copies_nr) {
		char **copies = xmalloc(discovery->copies_nr * sizeof *copies);

		memcpy(copies, discovery->copies,
		       discovery->copies_nr * sizeof *copies);
		strbuf_addstr(out, "Not graded, because a copy nearer the top "
			      "(or first in byte order) is: ");
		add_names(out, copies, discovery->copies_nr);
		strbuf_addstr(out, ".\n");
		free(copies);
	}
	if (left) {
		strbuf_addf(out, "Not graded (%s no exercise file): ",
			    left == 1 ? "it is" : "they are");
		add_names(out, rest, left);
		strbuf_addstr(out, ".\n");
	}
	if (discovery->cut_short)
		strbuf_addf(out, "The grader stopped looking after %d folders "
			    "deep or %d entries: put your exercise files at "
			    "the top of your submission.\n", DISCOVER_MAX_DEPTH,
			    DISCOVER_MAX_ENTRIES);
	free(rest);
}
