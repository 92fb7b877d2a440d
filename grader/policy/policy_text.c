/*
 * policy_text.c - reading and tokenising C text for the source checks, and
 * the verdict helpers every check shares.
 *
 * The tokeniser only has to agree with gcc's preprocessor (libcpp) on one
 * thing: which characters are code, and which are inside a comment or a
 * literal.  Where the two could disagree, this one errs towards "code", so
 * a disagreement shows more to the checks, never less:
 *   - a lone CR ends a line (gcc agrees), so does CR LF;
 *   - a string or character constant left open ends at the line's end, as
 *     in gcc (which makes it one "other" token);
 *   - no GNU raw strings (R"x(...)x"): -std=c11 has none, and treating
 *     R"x( as one would hide the lines up to )x" from the checks.
 */
#define _GNU_SOURCE
#include "policy_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void policy_refuse(struct policy_verdict *verdict, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(verdict->message, sizeof(verdict->message), fmt, ap);
	va_end(ap);
	verdict->allowed = 0;
}

/* A quoted text longer than this is cut: a message is one line. */
#define QUOTE_MAX 48

void policy_quote(char *out, size_t cap, const char *text, size_t n)
{
	size_t used = 0;

	if (cap == 0)
		return;
	for (size_t i = 0; i < n && used + 8 < cap; i++) {
		unsigned char c = (unsigned char)text[i];
		if (i == QUOTE_MAX) {
			used += (size_t)snprintf(out + used, cap - used, "...");
			break;
		}
		if (c == '\n')
			used += (size_t)snprintf(out + used, cap - used, "\\n");
		else if (c == '\t')
			used += (size_t)snprintf(out + used, cap - used, "\\t");
		else if (c < 0x20 || c >= 0x7f || c == '`')
			used += (size_t)snprintf(out + used, cap - used,
						 "\\x%02x", c);
		else
			out[used++] = (char)c;
	}
	out[used] = '\0';
}

/* ---- phases 1 and 2 --------------------------------------------------- */

static char *read_whole(const char *path, size_t max_bytes, size_t *length)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16, n = 0, got;
	char *text = malloc(cap + 1);

	if (f == NULL || text == NULL)
		goto fail;
	while ((got = fread(text + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > max_bytes)
			goto fail;
		if (n == cap) {
			char *more = realloc(text, (cap *= 2) + 1);
			if (more == NULL)
				goto fail;
			text = more;
		}
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	text[n] = '\0';
	*length = n;
	return text;
fail:
	if (f != NULL)
		fclose(f);
	free(text);
	return NULL;
}

/* ??= -> #, ??/ -> \, ... ; 0 when "??c" is no trigraph. */
static char trigraph(char c)
{
	static const char from[] = "=/'()!<>-", to[] = "#\\^[]|{}~";
	const char *p = c != '\0' ? strchr(from, c) : NULL;

	return p != NULL ? to[p - from] : '\0';
}

/* Phase 1 in place: line ends to LF, and trigraphs if asked. */
static size_t phase1(char *text, size_t n, bool trigraphs)
{
	size_t out = 0;

	for (size_t i = 0; i < n; i++) {
		char c = text[i];
		if (c == '\r') {
			c = '\n';
			i += i + 1 < n && text[i + 1] == '\n';
		} else if (trigraphs && c == '?' && i + 2 < n &&
			   text[i + 1] == '?' && trigraph(text[i + 2])) {
			c = trigraph(text[i + 2]);
			i += 2;
		}
		text[out++] = c;
	}
	text[out] = '\0';
	return out;
}

/* The length of a splice at text (backslash, blanks, newline), or 0. */
static size_t splice_at(const char *text)
{
	size_t k = 1;

	if (text[0] != '\\')
		return 0;
	while (text[k] == ' ' || text[k] == '\t' || text[k] == '\f' ||
	       text[k] == '\v')
		k++;
	return text[k] == '\n' ? k + 1 : 0;
}

char *policy_read_text(const char *path, bool trigraphs, size_t max_bytes)
{
	size_t n, out = 0, pending = 0, k;
	char *text = read_whole(path, max_bytes, &n);

	if (text == NULL)
		return NULL;
	n = phase1(text, n, trigraphs);
	/* Phase 2 in place: a splice is longer than the newlines it defers. */
	for (size_t i = 0; i < n; i++) {
		if ((k = splice_at(text + i)) != 0) {
			pending++;
			i += k - 1;
			continue;
		}
		text[out++] = text[i];
		for (; text[i] == '\n' && pending > 0; pending--)
			text[out++] = '\n';
	}
	text[out] = '\0';
	return text;
}

/* ---- tokens ----------------------------------------------------------- */

void policy_lexer_init(struct policy_lexer *lexer, const char *text)
{
	lexer->text = text;
	lexer->at = 0;
	lexer->line = 1;
	lexer->line_start = true;
}

/* Past blanks and comments (a block comment's newlines counted). */
static void skip_blank(struct policy_lexer *lx)
{
	const char *t = lx->text;

	for (;;) {
		char c = t[lx->at];
		if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
			lx->at++;
		} else if (c == '/' && t[lx->at + 1] == '*') {
			lx->at += 2;
			while (t[lx->at] != '\0' &&
			       !(t[lx->at] == '*' && t[lx->at + 1] == '/'))
				lx->line += t[lx->at++] == '\n';
			if (t[lx->at] != '\0')
				lx->at += 2;
		} else if (c == '/' && t[lx->at + 1] == '/') {
			while (t[lx->at] != '\0' && t[lx->at] != '\n')
				lx->at++;
		} else {
			return;
		}
	}
}

static bool ident_char(char c)
{
	/* bytes >= 0x80: UTF-8 in identifiers, which gcc accepts */
	return isalnum((unsigned char)c) || c == '_' || c == '$' ||
	       (unsigned char)c >= 0x80;
}

/* A "..." or '...' constant; one left open ends at the line's end. */
static void skip_quoted(struct policy_lexer *lx)
{
	const char *t = lx->text;
	char quote = t[lx->at++];

	while (t[lx->at] != '\0' && t[lx->at] != '\n' && t[lx->at] != quote) {
		if (t[lx->at] == '\\' && t[lx->at + 1] != '\0' &&
		    t[lx->at + 1] != '\n')
			lx->at++;
		lx->at++;
	}
	if (t[lx->at] == quote)
		lx->at++;
}

/* A pp-number: digits, letters, '.', and signs after e, E, p, P. */
static void skip_number(struct policy_lexer *lx)
{
	const char *t = lx->text;

	while (ident_char(t[lx->at]) || t[lx->at] == '.' ||
	       ((t[lx->at] == '+' || t[lx->at] == '-') &&
		strchr("eEpP", t[lx->at - 1]) != NULL))
		lx->at++;
}

/* ##, %:%:, %: <: :> as one punctuator; any other character alone. */
static size_t punctuator_length(const char *p)
{
	if (strncmp(p, "%:%:", 4) == 0)
		return 4;
	if (strncmp(p, "##", 2) == 0 || strncmp(p, "%:", 2) == 0 ||
	    strncmp(p, "<:", 2) == 0 || strncmp(p, ":>", 2) == 0)
		return 2;
	return 1;
}

void policy_lex(struct policy_lexer *lx, struct policy_token *tok)
{
	skip_blank(lx);
	const char *p = lx->text + lx->at;
	char c = *p;

	tok->start = p;
	tok->line = lx->line;
	tok->first = lx->line_start;
	lx->line_start = false;
	if (c == '\0') {
		tok->kind = POLICY_END;
	} else if (c == '\n') {
		tok->kind = POLICY_NEWLINE;
		lx->at++;
		lx->line++;
		lx->line_start = true;
	} else if (c == '"' || c == '\'') {
		tok->kind = c == '"' ? POLICY_STRING : POLICY_CHARACTER;
		skip_quoted(lx);
	} else if (isdigit((unsigned char)c) ||
		   (c == '.' && isdigit((unsigned char)p[1]))) {
		tok->kind = POLICY_NUMBER;
		lx->at++;
		skip_number(lx);
	} else if (ident_char(c)) {
		tok->kind = POLICY_IDENTIFIER;
		while (ident_char(lx->text[lx->at]))
			lx->at++;
	} else {
		tok->kind = POLICY_PUNCTUATOR;
		lx->at += punctuator_length(p);
	}
	tok->length = (size_t)(lx->text + lx->at - p);
}

char policy_punctuator(const struct policy_token *tok)
{
	if (tok->kind != POLICY_PUNCTUATOR)
		return '\0';
	if (tok->length == 1)
		return tok->start[0];
	if (tok->length == 2 && strncmp(tok->start, "%:", 2) == 0)
		return '#';
	if (tok->length == 2 && strncmp(tok->start, "<:", 2) == 0)
		return '[';
	if (tok->length == 2 && strncmp(tok->start, ":>", 2) == 0)
		return ']';
	return '\0';	/* ## and %:%: */
}

bool policy_token_is(const struct policy_token *tok, const char *word)
{
	return tok->length == strlen(word) &&
	       strncmp(tok->start, word, tok->length) == 0;
}
