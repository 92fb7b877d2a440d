/*
 * hints_state.c - the hints already shown, per (folder, function, check).
 * The file lives outside the student's folder: the grader never writes
 * there, and a fresh copy of the folder should not forget the hints.
 */
#include "hints_state.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


#define STATE_SUBDIR "cross-entropy-workbook"
#define STATE_LIMIT ((size_t)1 << 20)

void hints_state_init(struct hints_state *state)
{
	state->path = NULL;
	strbuf_init(&state->lines);
}

void hints_state_release(struct hints_state *state)
{
	free(state->path);
	strbuf_release(&state->lines);
	hints_state_init(state);
}

/* $XDG_STATE_HOME (absolute, as the XDG spec asks) or $HOME/.local/state. */
static char *state_home(struct strbuf *why)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xstrdup(xdg);
	if (home && home[0] == '/')
		return xstrfmt("%s/.local/state", home);
	strbuf_addstr(why, "HOME is not set");
	return NULL;
}

/* mkdir -p, for the folders that lead to the state file. */
static int make_folders(const char *path)
{
	char *copy = xstrdup(path);
	int status = 0;

	for (char *p = copy + 1; *p && !status; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST)
			status = -1;
		*p = '/';
	}
	if (!status && mkdir(copy, 0700) != 0 && errno != EEXIST)
		status = -1;
	free(copy);
	return status;
}

int hints_state_load(struct hints_state *state, struct strbuf *why)
{
	char *home = state_home(why), *folder;

	if (!home)
		return -1;
	folder = xstrfmt("%s/" STATE_SUBDIR, home);
	free(home);
	if (make_folders(folder) != 0) {
		strbuf_addf(why, "cannot create %s (%s)", folder,
			    strerror(errno));
		free(folder);
		return -1;
	}
	state->path = xstrfmt("%s/hints", folder);
	free(folder);
	strbuf_reset(&state->lines);
	if (!strbuf_read_file(&state->lines, state->path, STATE_LIMIT)) {
		if (errno != ENOENT) {	/* ENOENT: no hint shown yet */
			strbuf_addf(why, "cannot read %s (", state->path);
			strbuf_add_read_error(why, STATE_LIMIT);
			strbuf_addstr(why, "; remove it to start the hints "
				      "over)");
			return -1;
		}
		strbuf_reset(&state->lines);
	}
	if (state->lines.len && state->lines.buf[state->lines.len - 1] != '\n')
		strbuf_addch(&state->lines, '\n');
	return 0;
}

/* Tabs and newlines would split a line; no real folder name has them. */
static void add_field(struct strbuf *sb, const char *text)
{
	for (; *text; text++)
		strbuf_addch(sb, *text == '\t' || *text == '\n' ? ' ' : *text);
}

char *hints_state_key(const char *folder, const char *function,
		      const char *check)
{
	struct strbuf key;

	strbuf_init(&key);
	add_field(&key, folder);
	strbuf_addch(&key, '\t');
	add_field(&key, function);
	strbuf_addch(&key, '\t');
	add_field(&key, check ? check : "*");
	return strbuf_detach(&key);
}

/* The line of key: its start, or NULL. */
static const char *find_line(const struct hints_state *state,
			     const char *key, const char **end)
{
	size_t key_len = strlen(key);

	for (const char *line = state->lines.buf; *line; line = *end + 1) {
		const char *tab = strchr(line, '\t');

		*end = strchr(line, '\n');
		if (!*end)
			return NULL;
		if (tab && tab < *end && (size_t)(*end - tab - 1) == key_len &&
		    !memcmp(tab + 1, key, key_len))
			return line;
	}
	return NULL;
}

unsigned hints_state_get(const struct hints_state *state, const char *key)
{
	const char *end, *line = find_line(state, key, &end);
	unsigned long count;

	if (!line)
		return 0;
	count = strtoul(line, NULL, 10);
	return count > 1000 ? 1000 : (unsigned)count;
}

int hints_state_set(struct hints_state *state, const char *key,
		    unsigned count)
{
	const char *end, *line = find_line(state, key, &end);
	struct strbuf next;
	int status;

	if (!state->path) {
		errno = ENOENT;
		return -1;
	}
	strbuf_init(&next);
	if (line) {
		strbuf_add(&next, state->lines.buf,
			   (size_t)(line - state->lines.buf));
		strbuf_addstr(&next, end + 1);
	} else {
		strbuf_addstr(&next, state->lines.buf);
	}
	strbuf_addf(&next, "%u\t%s\n", count, key);
	status = strbuf_write_file(&next, state->path);
	if (status == 0) {
		strbuf_reset(&state->lines);
		strbuf_addstr(&state->lines, next.buf);
	}
	strbuf_release(&next);
	return status;
}
