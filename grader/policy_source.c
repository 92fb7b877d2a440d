/*
 * policy_source.c - rejects inline assembly in a student's source, which
 * the object check cannot see (policy.h, policy_check_source).
 *
 * A small C tokenizer: line splices, comments, string and character
 * constants (GNU raw strings included, so a crafted literal cannot hide a
 * later token), pp-numbers (0asm is a number, not the keyword), #include
 * lines (<asm/...>), and the line markers of preprocessed output, which
 * tell which tokens came from the student's file.
 */
#define _GNU_SOURCE
#include "policy.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A preprocessed exercise is well under this. */
#define MAX_SOURCE_BYTES ((size_t)32 << 20)

struct scan {
	char *text;		/* splices removed, NUL-terminated */
	size_t at;
	long line;
	bool counting;		/* the tokens come from the main file */
	char main_file[256];	/* name in the first line marker */
};

/*
 * Reads path with backslash-newline removed; the newlines removed are put
 * back at the end of the logical line, so later line numbers stay right.
 */
static char *read_spliced(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, cap = 1 << 16, pending = 0;
	char *text = malloc(cap);
	int c;

	if (f == NULL || text == NULL) {
		if (f != NULL)
			fclose(f);
		free(text);
		return NULL;
	}
	while ((c = getc(f)) != EOF && n < MAX_SOURCE_BYTES) {
		if (c == '\\') {
			int d = getc(f);
			if (d == '\n' || (d == '\r' && (d = getc(f)) == '\n')) {
				pending++;
				continue;
			}
			if (d != EOF && ungetc(d, f) == EOF)
				break;
		}
		for (size_t k = 0; k < 1 + (c == '\n' ? pending : 0); k++) {
			if (n + 2 > cap) {
				char *more = realloc(text, cap *= 2);
				if (more == NULL)
					goto fail;
				text = more;
			}
			text[n++] = (char)c;
		}
		if (c == '\n')
			pending = 0;
	}
	if (ferror(f) || n >= MAX_SOURCE_BYTES)
		goto fail;
	fclose(f);
	text[n] = '\0';
	return text;
fail:
	fclose(f);
	free(text);
	return NULL;
}

static void skip_to_line_end(struct scan *s)
{
	while (s->text[s->at] != '\0' && s->text[s->at] != '\n')
		s->at++;
}

/* At the opening of a block comment: past its end, counting lines. */
static void skip_block_comment(struct scan *s)
{
	s->at += 2;
	while (s->text[s->at] != '\0' &&
	       !(s->text[s->at] == '*' && s->text[s->at + 1] == '/'))
		s->line += s->text[s->at++] == '\n';
	if (s->text[s->at] != '\0')
		s->at += 2;
}

/* A "..." or '...' constant; an unterminated one ends at the line. */
static void skip_quoted(struct scan *s)
{
	char quote = s->text[s->at++];

	while (s->text[s->at] != '\0' && s->text[s->at] != '\n' &&
	       s->text[s->at] != quote) {
		if (s->text[s->at] == '\\' && s->text[s->at + 1] != '\0' &&
		    s->text[s->at + 1] != '\n')
			s->at++;
		s->at++;
	}
	if (s->text[s->at] == quote)
		s->at++;
}

/* At the '"' of R"delim( ... )delim". */
static void skip_raw_string(struct scan *s)
{
	char close[20] = ")";
	size_t d = 0, start = ++s->at;

	while (d < 16 && s->text[start + d] != '\0' &&
	       s->text[start + d] != '(')
		d++;
	if (s->text[start + d] != '(')
		return;		/* not a raw string after all */
	memcpy(close + 1, s->text + start, d);
	memcpy(close + 1 + d, "\"", 2);
	char *end = strstr(s->text + start + d, close);
	size_t stop = end != NULL ? (size_t)(end - s->text) + strlen(close)
				  : strlen(s->text);
	for (; s->at < stop; s->at++)
		s->line += s->text[s->at] == '\n';
}

/*
 * At a '#' that starts a line: a line marker ("# 12 "file"" or
 * "#line 12 "file"") sets the line and the file; #include lines are
 * skipped whole; other directives are scanned as tokens.
 */
static void directive(struct scan *s)
{
	const char *p = s->text + s->at + 1;
	char *end;

	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "include", 7) == 0) {
		skip_to_line_end(s);
		return;
	}
	if (strncmp(p, "line", 4) == 0)
		p += 4;
	long line = strtol(p, &end, 10);
	if (end == p || !isspace((unsigned char)*end))
		return;		/* another directive: its tokens count */
	while (*end == ' ')
		end++;
	if (*end != '"')
		return;
	size_t n = strcspn(end + 1, "\"\n");
	if (s->main_file[0] == '\0' && n < sizeof(s->main_file))
		memcpy(s->main_file, end + 1, n);
	s->counting = strlen(s->main_file) == n &&
		      strncmp(end + 1, s->main_file, n) == 0;
	s->line = line - 1;	/* the newline ending the marker adds one */
	skip_to_line_end(s);
}

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* A pp-number: digits, letters, '.', and signs after e, E, p, P. */
static void skip_number(struct scan *s)
{
	while (ident_char(s->text[s->at]) || s->text[s->at] == '.' ||
	       ((s->text[s->at] == '+' || s->text[s->at] == '-') &&
		strchr("eEpP", s->text[s->at - 1]) != NULL))
		s->at++;
}

/* An identifier; returns its length, and skips a raw string it prefixes. */
static size_t identifier(struct scan *s, const char **start)
{
	*start = s->text + s->at;
	while (ident_char(s->text[s->at]))
		s->at++;
	size_t n = (size_t)(s->text + s->at - *start);
	if (s->text[s->at] == '"' && (*start)[n - 1] == 'R' &&
	    (n == 1 || (n <= 3 && strchr("LuU8", (*start)[0]) != NULL)))
		skip_raw_string(s);
	return n;
}

static bool asm_keyword(const char *p, size_t n)
{
	return (n == 3 && strncmp(p, "asm", 3) == 0) ||
	       (n == 5 && strncmp(p, "__asm", 5) == 0) ||
	       (n == 7 && strncmp(p, "__asm__", 7) == 0);
}

/* Scans; returns true at the first asm keyword (s->line is its line). */
static bool find_asm(struct scan *s, const char **word, size_t *length)
{
	bool line_start = true;

	while (s->text[s->at] != '\0') {
		char c = s->text[s->at], next = s->text[s->at + 1];
		if (c == '\n') {
			s->line++;
			s->at++;
			line_start = true;
			continue;
		}
		if (c == '#' && line_start) {
			directive(s);	/* leaves s->at at '#' or line end */
			s->at += s->text[s->at] == '#';
			line_start = false;
			continue;
		}
		line_start = line_start && (c == ' ' || c == '\t');
		if (c == '/' && next == '*')
			skip_block_comment(s);
		else if (c == '/' && next == '/')
			skip_to_line_end(s);
		else if (c == '"' || c == '\'')
			skip_quoted(s);
		else if (isdigit((unsigned char)c) ||
			 (c == '.' && isdigit((unsigned char)next)))
			skip_number(s);
		else if (ident_char(c) && !isdigit((unsigned char)c)) {
			*length = identifier(s, word);
			if (s->counting && asm_keyword(*word, *length))
				return true;
		} else
			s->at++;
	}
	return false;
}

int policy_check_source(const char *path, struct policy_verdict *verdict)
{
	struct scan s = { .line = 1, .counting = true };
	const char *word;
	size_t length;

	verdict->allowed = 1;
	verdict->message[0] = '\0';
	s.text = read_spliced(path);
	if (s.text == NULL) {
		verdict->allowed = 0;
		snprintf(verdict->message, sizeof(verdict->message),
			 "the source could not be read");
		return -1;
	}
	if (find_asm(&s, &word, &length)) {
		verdict->allowed = 0;
		snprintf(verdict->message, sizeof(verdict->message),
			 "uses inline assembly (`%.*s` on line %ld): write "
			 "the exercise in plain C", (int)length, word, s.line);
	}
	free(s.text);
	return 0;
}
