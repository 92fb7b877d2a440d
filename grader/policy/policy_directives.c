/*
 * policy_directives.c - the directives in the student's own source file,
 * read as written (not preprocessed).
 *
 * The check on the preprocessed file (policy_source.c) trusts its line
 * markers to tell the student's text from the system headers', and gcc
 * writes a marker for every #line and "# 1 "file" 3" it meets: a student
 * who writes `# 1 "/usr/include/math.h" 3` makes the text after it look
 * like a system header's.  An #include of the student's own file ("./02_bce.c",
 * or <02_bce.c> through -I.) does the same under another name.  So here,
 * before any preprocessing:
 *   - no line directive or line marker (#line, # 12, %:line, ...);
 *   - #include only <name.h> (a relative name ending in .h, which in the
 *     scratch folder only the system headers and workbook.h have) and
 *     "workbook.h"; no header name from a macro, no #include_next or
 *     #import.
 * With those, every text in the preprocessed file is either the student's,
 * marked with the file's own name, or a real header's.
 *
 * Directives are found as gcc finds them: a # (or %:, or ??= with
 * trigraphs) that is the first token of its line after comments and
 * splices.  Directives in #if 0 blocks are checked too: simpler, and a
 * line directive has no business there either.
 */
#define _GNU_SOURCE
#include "policy_internal.h"

#include <string.h>

/* Past blanks and comments on the directive's line. */
static void blank(struct policy_lexer *lx)
{
	struct policy_lexer ahead = *lx;
	struct policy_token tok;

	/* lex one token ahead, then step back to its start */
	policy_lex(&ahead, &tok);
	if (tok.kind != POLICY_NEWLINE && tok.kind != POLICY_END) {
		lx->at = (size_t)(tok.start - lx->text);
		lx->line = tok.line;
	}
}

/* <name.h>: relative, no "..", plain characters, ending in ".h". */
static bool system_header(const char *name, size_t n)
{
	static const char plain[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"0123456789_-+./";

	if (n < 3 || name[0] == '/' || strncmp(name + n - 2, ".h", 2) != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strchr(plain, name[i]) == NULL ||
		    (name[i] == '.' && i + 1 < n && name[i + 1] == '.'))
			return false;
	return true;
}

/* The #include at lx (after the word include); true when refused. */
static bool include_refused(struct policy_lexer *lx, const char *file,
			    long line, struct policy_verdict *v)
{
	const char *p, *end;
	char shown[128];

	blank(lx);
	p = lx->text + lx->at;
	if (*p != '<' && *p != '"') {
		policy_refuse(v, "%s line %ld has an #include whose header "
			      "name comes from a macro: write the name itself, "
			      "<header.h> or \"workbook.h\"", file, line);
		return true;
	}
	end = strchr(p + 1, *p == '<' ? '>' : '"');
	size_t line_length = strcspn(p, "\n");
	if (end == NULL || end > p + line_length)
		end = p + line_length;	/* left open: show the rest */
	size_t n = (size_t)(end - p - 1);
	if (*p == '<' ? system_header(p + 1, n)
		      : n == strlen("workbook.h") &&
				strncmp(p + 1, "workbook.h", n) == 0)
		return false;
	policy_quote(shown, sizeof(shown), p,
		     (size_t)(end - p) + (end < p + line_length));
	policy_refuse(v, "%s line %ld includes %s: include only system "
		      "headers (such as <math.h>) and \"workbook.h\"; copy "
		      "what you need into the file", file, line, shown);
	return true;
}

/* The directive whose # was just read; true when refused. */
static bool directive_refused(struct policy_lexer *lx, const char *file,
			      long line, struct policy_verdict *v)
{
	struct policy_token name;

	policy_lex(lx, &name);
	if (name.kind == POLICY_NUMBER || policy_token_is(&name, "line")) {
		policy_refuse(v, "%s line %ld has a line directive (%s), which "
			      "would make the code after it seem to come from "
			      "another file: remove it", file, line,
			      name.kind == POLICY_NUMBER ? "# NUMBER" :
			      "#line");
		return true;
	}
	if (policy_token_is(&name, "include"))
		return include_refused(lx, file, line, v);
	if (policy_token_is(&name, "include_next") ||
	    policy_token_is(&name, "import")) {
		policy_refuse(v, "%s line %ld uses #%.*s: include headers with "
			      "#include <header.h> or #include \"workbook.h\"",
			      file, line, (int)name.length, name.start);
		return true;
	}
	return false;
}

bool policy_directives_refused(const char *text, const char *file,
			       struct policy_verdict *verdict)
{
	struct policy_lexer lx;
	struct policy_token tok;

	policy_lexer_init(&lx, text);
	do {
		policy_lex(&lx, &tok);
		if (tok.first && policy_punctuator(&tok) == '#' &&
		    directive_refused(&lx, file, tok.line, verdict))
			return true;
	} while (tok.kind != POLICY_END);
	return false;
}
