/*
 * policy_text.h - C text as the policy reads it (policy_text.c): a file
 * after translation phases 1 and 2, and its preprocessing tokens.  The one
 * part of the policy other rooms use: core/unfinished.c looks for a call of
 * workbook_todo() in code, not in comments or strings, with this lexer.
 */
#ifndef GRADER_POLICY_TEXT_H
#define GRADER_POLICY_TEXT_H

#include <stdbool.h>
#include <stddef.h>

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

#endif /* GRADER_POLICY_TEXT_H */
