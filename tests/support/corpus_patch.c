/*
 * corpus_patch.c - rebuilding a corpus file from its solution and a unified
 * diff, strictly (see corpus_patch.h).
 */
#include "corpus_patch.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line of a text: its bytes without the newline, and whether one ends it. */
struct line {
	const char *text;
	size_t len;
	bool newline;
};

/* Reads the line at `at` into l; returns where the next one starts. */
static const char *next_line(const char *at, struct line *l)
{
	const char *end = strchr(at, '\n');

	l->text = at;
	l->newline = end != NULL;
	l->len = end ? (size_t)(end - at) : strlen(at);
	return at + l->len + l->newline;
}

/* Whether l holds marker alone, give or take blanks (as tools/release.awk). */
static bool is_marker(const struct line *l, const char *marker)
{
	size_t start = 0, end = l->len, n = strlen(marker);

	while (start < end && (l->text[start] == ' ' || l->text[start] == '\t'))
		start++;
	while (end > start && (l->text[end - 1] == ' ' ||
			       l->text[end - 1] == '\t'))
		end--;
	return end - start == n && !memcmp(l->text + start, marker, n);
}

char *corpus_patch_base(const char *solution)
{
	char *out = malloc(strlen(solution) + 1), *to = out;
	const char *at = solution;
	bool stub = false;
	struct line l;

	if (!out)
		return NULL;
	while (*at) {
		at = next_line(at, &l);
		if (is_marker(&l, "/* BEGIN STUB"))
			stub = true;
		else if (is_marker(&l, "END STUB */"))
			stub = false;
		else if (!stub && !is_marker(&l, "/* BEGIN SOLUTION */") &&
			 !is_marker(&l, "/* END SOLUTION */")) {
			memcpy(to, l.text, l.len);
			to += l.len;
			if (l.newline)
				*to++ = '\n';
		}
	}
	*to = '\0';
	return out;
}

/* ---- applying ------------------------------------------------------------ */

struct applier {
	struct line *base;	/* the base's lines */
	size_t base_count;
	size_t next;		/* first base line not yet copied or replaced */
	size_t out_lines;	/* lines written so far */
	const char *patch;	/* the patch line being read */
	size_t patch_line;	/* its number, from 1 */
	char *out, *to;
	char *error;
	size_t error_size;
};

static int fail(struct applier *a, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct applier *a, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	vsnprintf(a->error, a->error_size, format, args);
	va_end(args);
	return -1;
}

static void emit(struct applier *a, const struct line *l)
{
	memcpy(a->to, l->text, l->len);
	a->to += l->len;
	if (l->newline)
		*a->to++ = '\n';
	a->out_lines++;
}

static int split_base(struct applier *a, const char *base)
{
	size_t cap = 1;

	for (const char *p = base; *p; p++)
		cap += *p == '\n';
	a->base = malloc(cap * sizeof *a->base);
	if (!a->base)
		return fail(a, "out of memory");
	for (a->base_count = 0; *base; a->base_count++)
		base = next_line(base, &a->base[a->base_count]);
	return 0;
}

/* Parses "N" or "N,M" at *s (M defaults to 1). */
static bool parse_range(const char **s, size_t *start, size_t *count)
{
	char *end;

	*start = strtoul(*s, &end, 10);
	if (end == *s)
		return false;
	*count = 1;
	if (*end == ',') {
		const char *digits = end + 1;

		*count = strtoul(digits, &end, 10);
		if (end == digits)
			return false;
	}
	*s = end;
	return true;
}

/* "@@ -A[,B] +C[,D] @@": the old and new ranges of a hunk. */
static bool parse_header(const struct line *l, size_t range[4])
{
	const char *s = l->text;

	if (strncmp(s, "@@ -", 4))
		return false;
	s += 4;
	if (!parse_range(&s, &range[0], &range[1]) || strncmp(s, " +", 2))
		return false;
	s += 2;
	return parse_range(&s, &range[2], &range[3]) && !strncmp(s, " @@", 3);
}

/* Checks that base line a->next is body (text and final newline). */
static int match_base(struct applier *a, const struct line *body)
{
	const struct line *b;

	if (a->next >= a->base_count)
		return fail(a, "patch line %zu: the base has only %zu lines",
			    a->patch_line, a->base_count);
	b = &a->base[a->next];
	if (b->len != body->len || memcmp(b->text, body->text, b->len) ||
	    b->newline != body->newline)
		return fail(a, "patch line %zu: base line %zu is \"%.*s\", the "
			    "patch expects \"%.*s\"", a->patch_line, a->next + 1,
			    (int)(b->len < 60 ? b->len : 60), b->text,
			    (int)(body->len < 60 ? body->len : 60), body->text);
	a->next++;
	return 0;
}

/* One line of a hunk: kind ' ' (context), '-' (removed) or '+' (added). */
static int apply_line(struct applier *a, char kind, const struct line *body)
{
	if (kind != '+' && match_base(a, body))
		return -1;
	if (kind != '-')
		emit(a, body);
	return 0;
}

/* The hunk whose header is h; a->patch is at its first body line. */
static int apply_hunk(struct applier *a, const struct line *h)
{
	size_t r[4], old_left, new_left, start;

	if (!parse_header(h, r))
		return fail(a, "patch line %zu: \"%.*s\" is not a hunk header "
			    "\"@@ -A,B +C,D @@\"", a->patch_line,
			    (int)(h->len < 60 ? h->len : 60), h->text);
	/* An empty old range names the line after which it inserts. */
	start = r[1] ? r[0] - 1 : r[0];
	if (start < a->next || start > a->base_count)
		return fail(a, "patch line %zu: the hunk starts at base line %zu, "
			    "outside lines %zu to %zu", a->patch_line, r[0],
			    a->next + 1, a->base_count);
	while (a->next < start)
		emit(a, &a->base[a->next++]);
	if ((r[3] ? r[2] - 1 : r[2]) != a->out_lines)
		return fail(a, "patch line %zu: the hunk says its result starts "
			    "at line %zu, but that is line %zu", a->patch_line,
			    r[2], a->out_lines + 1);
	for (old_left = r[1], new_left = r[3]; old_left || new_left;) {
		struct line l, body, note;
		char kind;

		if (!*a->patch)
			return fail(a, "patch line %zu: the patch ends inside a "
				    "hunk", a->patch_line);
		a->patch = next_line(a->patch, &l);
		a->patch_line++;
		/* GNU diff may write an empty context line without its blank. */
		kind = l.len ? l.text[0] : ' ';
		body = (struct line){ l.text + !!l.len, l.len - !!l.len, true };
		/* "\ No newline at end of file" is about the line before. */
		if (*a->patch == '\\') {
			a->patch = next_line(a->patch, &note);
			a->patch_line++;
			body.newline = false;
		}
		if (kind != ' ' && kind != '-' && kind != '+')
			return fail(a, "patch line %zu: \"%.*s\" is not a line of "
				    "a hunk", a->patch_line,
				    (int)(l.len < 60 ? l.len : 60), l.text);
		if ((kind != '+' && !old_left) || (kind != '-' && !new_left))
			return fail(a, "patch line %zu: the hunk has more lines "
				    "than its header says", a->patch_line);
		old_left -= kind != '+';
		new_left -= kind != '-';
		if (apply_line(a, kind, &body))
			return -1;
	}
	return 0;
}

int corpus_patch_apply(const char *base, const char *patch, char **out,
		       char *error, size_t error_size)
{
	struct applier a = { .patch = patch, .error = error,
			     .error_size = error_size };
	bool in_header = true;
	int status = 0;

	*out = NULL;
	if (split_base(&a, base))
		return -1;
	a.out = a.to = malloc(strlen(base) + strlen(patch) + 1);
	if (!a.out) {
		free(a.base);
		return fail(&a, "out of memory");
	}
	while (!status && *a.patch) {
		struct line l;

		a.patch = next_line(a.patch, &l);
		a.patch_line++;
		/* Before the first hunk: the "---" and "+++" lines, or notes. */
		if (in_header && strncmp(l.text, "@@", 2))
			continue;
		in_header = false;
		status = apply_hunk(&a, &l);
	}
	while (!status && a.next < a.base_count)
		emit(&a, &a.base[a.next++]);
	*a.to = '\0';
	free(a.base);
	if (status)
		free(a.out);
	else
		*out = a.out;
	return status;
}
