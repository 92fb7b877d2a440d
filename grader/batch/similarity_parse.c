/*
 * similarity_parse.c - sim_c's output, read line by line with a cursor
 * that never passes the end of its line.
 */
#include "similarity_parse.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

struct cursor {
	const char *p, *end;
};

static bool literal(struct cursor *c, const char *text)
{
	size_t len = strlen(text);

	if ((size_t)(c->end - c->p) < len || memcmp(c->p, text, len))
		return false;
	c->p += len;
	return true;
}

static void skip_spaces(struct cursor *c)
{
	while (c->p < c->end && *c->p == ' ')
		c->p++;
}

/* Decimal digits, at most SIMILARITY_MAX_COUNT. */
static bool number(struct cursor *c, size_t *value)
{
	size_t n = 0;
	const char *start = c->p;

	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		n = n * 10 + (size_t)(*c->p - '0');
		if (n > SIMILARITY_MAX_COUNT)
			return false;
		c->p++;
	}
	*value = n;
	return c->p > start;
}

/* "s00003.c" naming a file below output->files. */
static bool file_name(struct cursor *c, const struct similarity_output *output,
		      size_t *index)
{
	const char *start = c->p;
	size_t n;

	if (!literal(c, "s") || !number(c, &n) ||
	    c->p - start != 1 + SIMILARITY_NAME_DIGITS || !literal(c, ".c") ||
	    n >= output->files)
		return false;
	*index = n;
	return true;
}

/* "token" or "tokens" (and the same for "line"). */
static bool plural(struct cursor *c, const char *word)
{
	if (!literal(c, word))
		return false;
	(void)literal(c, "s");
	return true;
}

/* "File s00003.c: 462 tokens, 223 lines" */
static bool file_line(struct cursor *c, struct similarity_output *output)
{
	size_t index, tokens, lines;

	if (!literal(c, "File ") || !file_name(c, output, &index) ||
	    !literal(c, ": ") || !number(c, &tokens) || !literal(c, " ") ||
	    !plural(c, "token") || !literal(c, ", ") || !number(c, &lines) ||
	    !literal(c, " ") || !plural(c, "line") || c->p != c->end)
		return false;
	output->tokens[index] = tokens;
	return true;
}

/* "s00003.c: line 40-223" */
static bool run_side(struct cursor *c, const struct similarity_output *output,
		     size_t *index, size_t *first, size_t *last)
{
	return file_name(c, output, index) && literal(c, ": line ") &&
	       number(c, first) && literal(c, "-") && number(c, last) &&
	       *first >= 1 && *first <= *last;
}

static bool run_line(struct cursor *c, struct similarity_output *output)
{
	struct similarity_run run;

	if (!run_side(c, output, &run.a, &run.a_first, &run.a_last))
		return false;
	skip_spaces(c);
	if (!literal(c, "|") ||
	    !run_side(c, output, &run.b, &run.b_first, &run.b_last))
		return false;
	skip_spaces(c);
	if (!literal(c, "[") || !number(c, &run.tokens) || !literal(c, "]") ||
	    c->p != c->end || run.a == run.b || !run.tokens)
		return false;
	if (output->nr == output->alloc) {
		output->alloc = output->alloc ? 2 * output->alloc : 64;
		output->runs = xrealloc(output->runs,
					output->alloc * sizeof *output->runs);
	}
	output->runs[output->nr++] = run;
	return true;
}

static void parse_line(struct similarity_output *output, const char *line,
		       const char *end)
{
	struct cursor c = { line, end };

	if (end > line && end[-1] == '\r')
		c.end--;
	if (c.p == c.end || literal(&c, "Total input: "))
		return;
	c.p = line;
	if (!file_line(&c, output)) {
		c.p = line;
		if (!run_line(&c, output))
			output->ignored++;
	}
}

void similarity_output_init(struct similarity_output *output, size_t files)
{
	memset(output, 0, sizeof *output);
	output->files = files;
	output->tokens = xcalloc(files ? files : 1, sizeof *output->tokens);
}

void similarity_output_release(struct similarity_output *output)
{
	free(output->tokens);
	free(output->runs);
	memset(output, 0, sizeof *output);
}

void similarity_parse(struct similarity_output *output, const char *text,
		      size_t len)
{
	const char *end = text + len;

	while (text < end) {
		const char *newline = memchr(text, '\n', (size_t)(end - text));
		const char *line_end = newline ? newline : end;

		parse_line(output, text, line_end);
		text = newline ? newline + 1 : end;
	}
}
