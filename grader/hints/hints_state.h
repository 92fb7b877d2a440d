/*
 * hints_state.h - how many hints of each (folder, function, check) a
 * student has seen, remembered in a small file outside their folder:
 * ${XDG_STATE_HOME:-$HOME/.local/state}/cross-entropy-workbook/hints, one
 * "count<TAB>folder<TAB>function<TAB>check" line per key, rewritten
 * atomically (temporary file + rename).
 */
#ifndef GRADER_HINTS_STATE_H
#define GRADER_HINTS_STATE_H

#include "util/strbuf.h"

struct hints_state {
	char *path;		/* the state file; NULL: nowhere to keep it */
	struct strbuf lines;	/* the file's lines, each ending in \n */
};

void hints_state_init(struct hints_state *state);
void hints_state_release(struct hints_state *state);

/*
 * Finds the state file and reads it (a missing file is an empty state).
 * Returns 0, or -1 with a reason in `why` when there is no usable place.
 */
int hints_state_load(struct hints_state *state, struct strbuf *why);

/* A key: folder, function and check (NULL: the function's own hints). */
char *hints_state_key(const char *folder, const char *function,
		      const char *check);

/* How many hints of `key` were shown (0 for a key never seen). */
unsigned hints_state_get(const struct hints_state *state, const char *key);

/* Records `count` for `key` and writes the file; 0, or -1 (errno set). */
int hints_state_set(struct hints_state *state, const char *key,
		    unsigned count);

#endif /* GRADER_HINTS_STATE_H */
