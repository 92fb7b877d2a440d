/*
 * unfinished.c - the first exercise file left out of a run that is surely
 * unfinished.  The stubs call workbook_todo() in every function, so a file
 * whose code (not a comment) still calls it has a function to write; a file
 * without the call may pass or fail, which only grading it tells.
 */
#include "unfinished.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compile.h"
#include "session.h"
#include "policy/policy_text.h"

/* Whether the code (comments and strings aside) calls workbook_todo. */
static bool calls_todo(const char *text)
{
	struct policy_lexer lexer;
	struct policy_token token;

	policy_lexer_init(&lexer, text);
	for (;;) {
		policy_lex(&lexer, &token);
		if (token.kind == POLICY_END)
			return false;
		if (token.kind == POLICY_IDENTIFIER &&
		    policy_token_is(&token, "workbook_todo"))
			return true;
	}
}

/* MISSING, TODO, or UNKNOWN for anything else (a link, a large file). */
static enum summary_ungraded_state look_at(const char *path)
{
	struct stat st;
	char *text;
	enum summary_ungraded_state state = SUMMARY_UNGRADED_UNKNOWN;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? SUMMARY_UNGRADED_MISSING : state;
	if (!S_ISREG(st.st_mode))
		return state;
	/* The policy's reader and lexer: the same C text the policy sees. */
	text = policy_read_text(path, false, COMPILE_MAX_SOURCE_BYTES);
	if (text && calls_todo(text))
		state = SUMMARY_UNGRADED_TODO;
	free(text);
	return state;
}

void unfinished_find(const char *dir, const unsigned *selected,
		     struct summary_ungraded *out)
{
	const unsigned *all = session_select_all();

	out->state = SUMMARY_UNGRADED_NONE;
	out->exercise = NULL;
	for (size_t i = 0; i < catalog_count(); i++) {
		const struct catalog_exercise *e = catalog_exercise_at(i);
		char *path;

		if (selected[i] == all[i])
			continue;
		path = xstrfmt("%s/%s", dir, e->file);
		out->state = look_at(path);
		free(path);
		if (out->state != SUMMARY_UNGRADED_UNKNOWN) {
			out->exercise = e;
			return;
		}
	}
}
