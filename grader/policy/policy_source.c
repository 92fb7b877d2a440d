/*
 * policy_source.c - what the object check cannot see: assembly written in
 * the source, or carried into the compiler's assembly output by a string
 * (policy.h, policy_check_source).
 *
 * gcc pastes some strings into its assembly output as they are: a section
 * name (`section(".text.x,\"ax\",@progbits\nlabel:\n\tsyscall")` puts
 * instructions in the object without any asm keyword), the names in alias,
 * weakref, symver and ifunc attributes, and #ident.  A newline or a ';'
 * (the assembler's statement separator) in one of them starts a line of
 * assembly.  Three checks, each closing what the others cannot:
 *
 *   1. the student's file as written (policy_directives.c): no line
 *      directive or marker and no #include but <header.h> and
 *      "workbook.h", so that in the preprocessed file the student's text
 *      cannot pass for a system header's;
 *   2. the preprocessed file (NAME.i), the text the compiler really read,
 *      after every macro: in the text that is not a system header's, no
 *      asm, __asm or __asm__; no section attribute; in any attribute, no
 *      string with a backslash (an escape: \n, \012) or a ';', and in
 *      alias, weakref, symver and ifunc only a plain symbol name; no
 *      #ident or #sccs;
 *   3. the assembly gcc wrote (NAME.s, policy_assembly.c): no #APP, which
 *      gcc writes before the text of every asm statement whatever spelled
 *      it, also one inlined from a header.
 * The sections in the object are checked against an allowlist afterwards
 * (policy_sections.c), so a section name that gets past 2 still cannot be
 * Criterion's or run code before main.
 */
#define _GNU_SOURCE
#include "policy_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A preprocessed exercise is well under this. */
#define MAX_SOURCE_BYTES ((size_t)32 << 20)

/* Where the preprocessed text comes from, per its line markers. */
struct origin {
	bool system;		/* a system header (flag 3) */
	char file[128];		/* the marker's name, quoted for messages */
	long line;		/* the file's line of physical line `at` */
	long at;
};

struct scan {
	struct policy_lexer lexer;
	struct origin origin;
	const char *file;	/* the student's file, for messages */
	int attribute;		/* paren depth in __attribute__((...)), 0 out */
	bool attribute_next;	/* __attribute__ read, its '(' not yet */
	int standard;		/* bracket depth in [[...]], 0 out */
	int standard_parens;
	char previous;		/* the previous punctuator, or 0 */
	const char *name_wanted; /* alias, weakref...: awaits a name */
};

static long line_of(const struct scan *s, const struct policy_token *tok)
{
	return s->origin.line + (tok->line - s->origin.at);
}

/* "# 12 "file" 1 3": where the next line comes from. */
static void line_marker(struct scan *s, const struct policy_token *number)
{
	struct policy_token tok;

	s->origin.line = strtol(number->start, NULL, 10);
	s->origin.at = number->line + 1;
	s->origin.system = false;
	policy_lex(&s->lexer, &tok);
	if (tok.kind == POLICY_STRING)
		policy_quote(s->origin.file, sizeof(s->origin.file),
			     tok.start + 1, tok.length - 2);
	for (; tok.kind != POLICY_NEWLINE && tok.kind != POLICY_END;
	     policy_lex(&s->lexer, &tok))
		if (tok.kind == POLICY_NUMBER && policy_token_is(&tok, "3"))
			s->origin.system = true;
}

/* After a '#' at a line's start: a marker, #ident, or another directive. */
static bool directive_refused(struct scan *s, struct policy_verdict *v)
{
	struct policy_token tok;

	policy_lex(&s->lexer, &tok);
	if (tok.kind == POLICY_NUMBER) {
		line_marker(s, &tok);
		return false;
	}
	if (policy_token_is(&tok, "include")) {
		/* <asm/errno.h> names no keyword (unpreprocessed text only) */
		while (tok.kind != POLICY_NEWLINE && tok.kind != POLICY_END)
			policy_lex(&s->lexer, &tok);
		return false;
	}
	if (!s->origin.system && (policy_token_is(&tok, "ident") ||
				  policy_token_is(&tok, "sccs"))) {
		policy_refuse(v, "%s line %ld uses #%.*s, whose text goes into "
			      "the compiled file as it is: remove it", s->file,
			      line_of(s, &tok), (int)tok.length, tok.start);
		return true;
	}
	return false;
}

/* "where": the student's file and line, or the file the text came from. */
static void where(const struct scan *s, const struct policy_token *tok,
		  char *out, size_t cap)
{
	snprintf(out, cap, "%s line %ld", s->origin.file, line_of(s, tok));
}

static bool asm_keyword(const struct policy_token *tok)
{
	return policy_token_is(tok, "asm") || policy_token_is(tok, "__asm") ||
	       policy_token_is(tok, "__asm__");
}

/* section, __section__ -> section */
static bool attribute_is(const struct policy_token *tok, const char *name)
{
	size_t n = strlen(name);

	if (policy_token_is(tok, name))
		return true;
	return tok->length == n + 4 && strncmp(tok->start, "__", 2) == 0 &&
	       strncmp(tok->start + 2, name, n) == 0 &&
	       strncmp(tok->start + 2 + n, "__", 2) == 0;
}

/* The string after `section (`, if any, without its quotes. */
static void section_name(const struct scan *s, char *out, size_t cap)
{
	struct policy_lexer ahead = s->lexer;
	struct policy_token tok;

	out[0] = '\0';
	policy_lex(&ahead, &tok);
	if (policy_punctuator(&tok) == '(')
		policy_lex(&ahead, &tok);
	if (tok.kind == POLICY_STRING && tok.length >= 2)
		policy_quote(out, cap, tok.start + 1, tok.length - 2);
}

static bool section_refused(struct scan *s, const struct policy_token *tok,
			    struct policy_verdict *v)
{
	char at[200], name[128];

	where(s, tok, at, sizeof(at));
	section_name(s, name, sizeof(name));
	if (policy_criterion_section(name, strlen(name)))
		policy_refuse(v, "%s places data in section `%s`, which only "
			      "the grader's test framework (Criterion) may "
			      "use: remove the section attribute", at, name);
	else if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRST"
			"UVWXYZ0123456789_.$-") != strlen(name))
		policy_refuse(v, "%s puts assembler text in a section name "
			      "(`%s`): write the exercise in plain C, without "
			      "the section attribute", at, name);
	else
		policy_refuse(v, "%s places code or data in section `%s` (the "
			      "section attribute): remove the attribute, the "
			      "compiler chooses sections itself", at, name);
	return true;
}

/* A string in an attribute's arguments: true when refused. */
static bool attribute_string_refused(struct scan *s,
				     const struct policy_token *tok,
				     struct policy_verdict *v)
{
	const char *text = tok->start + 1;
	size_t n = tok->length >= 2 ? tok->length - 2 : 0;
	bool plain = strcspn(text, "\\;") >= n;
	char at[200], shown[128];

	if (s->name_wanted != NULL)
		plain = strspn(text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM"
			       "NOPQRSTUVWXYZ0123456789_.$@") >= n;
	if (plain)
		return false;
	where(s, tok, at, sizeof(at));
	policy_quote(shown, sizeof(shown), text, n);
	policy_refuse(v, "%s puts assembler text in %s%s%s attribute (`%s`): "
		      "%s", at, s->name_wanted ? "the `" : "an",
		      s->name_wanted ? s->name_wanted : "",
		      s->name_wanted ? "`" : "", shown,
		      s->name_wanted ? "name only a function there"
				     : "write the exercise in plain C");
	return true;
}

/* An attribute's name (depth 2 of __attribute__, or in [[...]]). */
static bool attribute_refused(struct scan *s, const struct policy_token *tok,
			      struct policy_verdict *v)
{
	static const char *const named[] = {
		"alias", "weakref", "symver", "ifunc", NULL,
	};

	if (attribute_is(tok, "section"))
		return section_refused(s, tok, v);
	s->name_wanted = NULL;
	for (size_t i = 0; named[i] != NULL; i++)
		if (attribute_is(tok, named[i]))
			s->name_wanted = named[i];
	return false;
}

/* Follows __attribute__((...)) and [[...]]; true when refused. */
static bool track_attributes(struct scan *s, const struct policy_token *tok,
			     struct policy_verdict *v)
{
	char c = policy_punctuator(tok);
	bool inside = s->attribute > 0 || s->standard > 0;

	if (tok->kind == POLICY_IDENTIFIER &&
	    (policy_token_is(tok, "__attribute__") ||
	     policy_token_is(tok, "__attribute")))
		s->attribute_next = true;
	else if (c == '(' && (s->attribute_next || s->attribute > 0))
		s->attribute++, s->attribute_next = false;
	else if (c == ')' && s->attribute > 0)
		s->attribute--;
	else if (c == '[' && s->previous == '[' && s->standard == 0)
		s->standard = 2, s->standard_parens = 0;
	else if (c == '[' && s->standard > 0)
		s->standard++;
	else if (c == ']' && s->standard > 0)
		s->standard--;
	else if (c == '(' && s->standard > 0)
		s->standard_parens++;
	else if (c == ')' && s->standard > 0)
		s->standard_parens--;
	s->previous = c;
	if (!inside)
		return false;
	if (tok->kind == POLICY_STRING)
		return attribute_string_refused(s, tok, v);
	if (tok->kind == POLICY_IDENTIFIER &&
	    (s->attribute == 2 ||
	     (s->standard > 0 && s->standard_parens == 0)))
		return attribute_refused(s, tok, v);
	return false;
}

/* The preprocessed text; true when refused. */
static bool preprocessed_refused(struct scan *s, struct policy_verdict *v)
{
	struct policy_token tok;
	char at[200];

	do {
		policy_lex(&s->lexer, &tok);
		if (tok.first && policy_punctuator(&tok) == '#') {
			if (directive_refused(s, v))
				return true;
			continue;
		}
		if (s->origin.system)
			continue;
		if (tok.kind == POLICY_IDENTIFIER && asm_keyword(&tok)) {
			where(s, &tok, at, sizeof(at));
			policy_refuse(v, "%s uses inline assembly (`%.*s`): "
				      "write the exercise in plain C", at,
				      (int)tok.length, tok.start);
			return true;
		}
		if (track_attributes(s, &tok, v))
			return true;
	} while (tok.kind != POLICY_END);
	return false;
}

/* ---- the three files -------------------------------------------------- */

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* path with its last n characters replaced by ending. */
static char *sibling(const char *path, size_t n, const char *ending)
{
	char *out = NULL;

	if (asprintf(&out, "%.*s%s", (int)(strlen(path) - n), path,
		     ending) < 0)
		return NULL;
	return out;
}

/* 0 when read (verdict set), -1 when a file could not be read. */
static int check_files(const char *raw, const char *preprocessed,
		       const char *assembly, struct policy_verdict *verdict)
{
	const char *file = base_name(raw);
	char *text = policy_read_text(raw, true, MAX_SOURCE_BYTES);
	struct scan s = { .file = file };
	int rc = -1;

	if (text == NULL)
		return -1;
	if (policy_directives_refused(text, file, verdict))
		rc = 0;
	else if (preprocessed != raw) {
		free(text);
		text = policy_read_text(preprocessed, false, MAX_SOURCE_BYTES);
	}
	if (rc == 0 || text == NULL)
		goto done;
	policy_lexer_init(&s.lexer, text);
	policy_quote(s.origin.file, sizeof(s.origin.file), file, strlen(file));
	s.origin.line = s.origin.at = 1;
	if (preprocessed_refused(&s, verdict) || assembly == NULL) {
		rc = 0;
		goto done;
	}
	free(text);
	text = policy_read_text(assembly, false, MAX_SOURCE_BYTES);
	if (text != NULL) {
		policy_assembly_refused(text, file, verdict);
		rc = 0;
	}
done:
	free(text);
	return rc;
}

int policy_check_source(const char *path, struct policy_verdict *verdict)
{
	size_t n = strlen(path);
	bool stem = n > 2 && strcmp(path + n - 2, ".i") == 0;
	char *raw = stem ? sibling(path, 2, ".c") : NULL;
	char *assembly = stem ? sibling(path, 2, ".s") : NULL;
	int rc = -1;

	verdict->allowed = 1;
	verdict->message[0] = '\0';
	if (!stem || (raw != NULL && assembly != NULL))
		rc = check_files(stem ? raw : path, path, assembly, verdict);
	free(raw);
	free(assembly);
	if (rc != 0) {
		verdict->allowed = 0;
		snprintf(verdict->message, sizeof(verdict->message),
			 "the source could not be read");
	}
	return rc;
}
