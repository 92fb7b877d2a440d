/*
 * policy_internal.h - shared by the policy's modules: policy.c (the object
 * check), policy_allowed.c (the allowlist of C library and libm
 * references), policy_sections.c (the allowlist of ELF sections),
 * policy_text.c (reading and tokenising C text), policy_directives.c (the
 * student's own directives), policy_source.c (the preprocessed source) and
 * policy_assembly.c (the assembly gcc wrote).
 */
#ifndef GRADER_POLICY_INTERNAL_H
#define GRADER_POLICY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"

/* Whether an exercise object may reference (call or read) this symbol. */
bool policy_reference_allowed(const char *name);

/* What to do instead of calling a refused function, in a student's words. */
const char *policy_reference_hint(const char *name);

/* Sets verdict to "refused" with the formatted message. */
void policy_refuse(struct policy_verdict *verdict, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Copies n bytes of untrusted text (a section name, a header name) into out
 * as one printable line: control and non-ASCII bytes become \n, \t or \xHH,
 * and a long text is cut with "...".  Messages reach terminals and HTML.
 */
void policy_quote(char *out, size_t cap, const char *text, size_t n);

/* ---- sections (policy_sections.c) ---------------------------------------- */

/*
 * Checks one section of an exercise object; file names it in the message.
 * Returns true, with verdict refused, when the section is not one gcc or
 * clang produce for plain C at the grader's flags.
 */
bool policy_section_refused(const char *file, const char *name, uint32_t type,
			    uint64_t flags, struct policy_verdict *verdict);

/* "cr_tst", "cr_pot", ...: the sections Criterion registers from. */
bool policy_criterion_section(const char *name, size_t n);

/* ---- C text (policy_text.c) ---------------------------------------------- */

/*
 * Reads a C file as translation phases 1 and 2 leave it: CR LF and lone CR
 * as LF (as gcc does), trigraphs replaced when asked (-std=c11 turns them
 * on), and backslash-newline splices removed (also with blanks between the
 * backslash and the newline, as gcc accepts); each removed newline is put
 * back after the logical line, so later line numbers stay right.  NULL when
 * the file cannot be read or is larger than max_bytes.
 */
char *policy_read_text(const char *path, bool trigraphs, size_t max_bytes);

enum policy_token_kind {
	POLICY_END,
	POLICY_NEWLINE,
	POLICY_IDENTIFIER,
	POLICY_NUMBER,		/* a pp-number: 12, 0x1p3, 1e+5, 0asm */
	POLICY_STRING,		/* "..." with its quotes */
	POLICY_CHARACTER,	/* '...' with its quotes */
	POLICY_PUNCTUATOR,
};

struct policy_token {
	enum policy_token_kind kind;
	const char *start;
	size_t length;
	long line;		/* physical line, from 1 */
	bool first;		/* first token of its line (a directive's #) */
};

struct policy_lexer {
	const char *text;
	size_t at;
	long line;
	bool line_start;
};

void policy_lexer_init(struct policy_lexer *lexer, const char *text);

/*
 * The next token, past blanks and comments, as gcc's preprocessor splits
 * the text: a string or character constant left open ends at the line's
 * end; a newline inside a block comment is no token.
 */
void policy_lex(struct policy_lexer *lexer, struct policy_token *token);

/* The punctuator as one character: '#' for # and %:, '[' for [ and <:, ... */
char policy_punctuator(const struct policy_token *token);

bool policy_token_is(const struct policy_token *token, const char *word);

/* ---- the checks on text -------------------------------------------------- */

/*
 * The student's own source (not preprocessed): refuses line directives and
 * line markers, and #include of anything but <header.h> and "workbook.h".
 * Returns true when refused.
 */
bool policy_directives_refused(const char *text, const char *file,
			       struct policy_verdict *verdict);

/*
 * The assembly gcc wrote: refuses #APP blocks (inline assembly, whatever
 * produced it).  Returns true when refused.
 */
bool policy_assembly_refused(const char *text, const char *file,
			     struct policy_verdict *verdict);

#endif /* GRADER_POLICY_INTERNAL_H */
