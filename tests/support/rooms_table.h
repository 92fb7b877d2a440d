/*
 * rooms_table.h - the table of docs/design.md, "The grader's rooms", read
 * into memory: each room, the rooms it may include and the single headers
 * it may include by exception.  Only tests/test_unit_rooms.c includes it
 * (static inline: the other test programs do not link it).
 */
#ifndef TESTS_ROOMS_TABLE_H
#define TESTS_ROOMS_TABLE_H

#include <criterion/criterion.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "support/harness.h"

#define DESIGN "docs/design.md"
#define ROOMS_TITLE "The grader's rooms"
#define ROOMS_HEADING "## " ROOMS_TITLE
#define GRADER_MK "grader/grader.mk"
#define ROOMS_VARIABLE "GRADER_ROOMS :="
/* The table's row for main.c and options*.c, in grader/ itself. */
#define TOP_ROW "top"

/* More than the table has; a longer table fails the parse, not memory. */
enum { ROOMS_MAX = 16, ROOM_NAMES_MAX = 16 };

struct room {
	char *name;			/* "core", or TOP_ROW */
	char *may[ROOM_NAMES_MAX];	/* rooms (and folders) it may include */
	size_t may_count;
	char *headers[ROOM_NAMES_MAX];	/* single headers it may include */
	bool header_used[ROOM_NAMES_MAX];
	size_t header_count;
};

struct rooms {
	struct room room[ROOMS_MAX];
	size_t count;
};

static inline void rooms_release(struct rooms *rooms)
{
	for (size_t i = 0; i < rooms->count; i++) {
		struct room *r = &rooms->room[i];

		free(r->name);
		for (size_t k = 0; k < r->may_count; k++)
			free(r->may[k]);
		for (size_t k = 0; k < r->header_count; k++)
			free(r->headers[k]);
	}
	rooms->count = 0;
}

/* The next `word` of a cell that ends at end; NULL when there is none. */
static inline char *next_word(const char **at, const char *end)
{
	const char *open = memchr(*at, '`', (size_t)(end - *at)), *close;

	if (!open)
		return NULL;
	close = memchr(open + 1, '`', (size_t)(end - open - 1));
	if (!close)
		return NULL;
	*at = close + 1;
	return strndup(open + 1, (size_t)(close - open - 1));
}

static inline bool is_header(const char *word)
{
	size_t n = strlen(word);

	return n > 2 && !strcmp(word + n - 2, ".h");
}

/* One row, "| `room` | `a`, `b` | `x/y.h`: why |", into room. */
static inline void parse_row(const char *line, struct room *room)
{
	const char *cell[4] = { line, NULL, NULL, NULL }, *end, *at;
	char *word;

	for (int i = 1; i < 4; i++) {
		cell[i] = strchr(cell[i - 1] + 1, '|');
		cr_assert_not_null(cell[i], DESIGN ": a rooms row needs three "
				   "cells: %.60s", line);
	}
	memset(room, 0, sizeof(*room));
	at = cell[0];
	room->name = next_word(&at, cell[1]);
	cr_assert_not_null(room->name, DESIGN ": a rooms row names its room "
			   "in backquotes: %.60s", line);
	for (at = cell[1]; (word = next_word(&at, cell[2]));) {
		cr_assert_lt(room->may_count, ROOM_NAMES_MAX);
		room->may[room->may_count++] = word;
	}
	end = cell[3];
	for (at = cell[2]; (word = next_word(&at, end));) {
		if (!is_header(word)) {
			free(word);	/* a function named in the reason */
			continue;
		}
		cr_assert_lt(room->header_count, ROOM_NAMES_MAX);
		room->headers[room->header_count++] = word;
	}
}

/* The table under ROOMS_HEADING: its rows after the header and the rule. */
static inline void rooms_read(struct rooms *rooms)
{
	char *text = harness_read_file(DESIGN);
	const char *at;

	cr_assert_not_null(text, "run the tests from the top of the repository");
	at = strstr(text, "\n" ROOMS_HEADING "\n");
	cr_assert_not_null(at, DESIGN " has no section \"" ROOMS_TITLE "\"");
	at = strstr(at, "\n| room |");
	cr_assert_not_null(at, DESIGN ", \"" ROOMS_TITLE "\", has no table");
	at = strchr(at + 1, '\n');		/* the |---| rule */
	rooms->count = 0;
	while (at && (at = strchr(at + 1, '\n')) && at[1] == '|') {
		cr_assert_lt(rooms->count, ROOMS_MAX);
		parse_row(at + 1, &rooms->room[rooms->count++]);
	}
	free(text);
	cr_assert_gt(rooms->count, 1, DESIGN ", \"" ROOMS_TITLE "\": no rows "
		     "read");
}

static inline struct room *room_named(struct rooms *rooms, const char *name)
{
	for (size_t i = 0; i < rooms->count; i++)
		if (!strcmp(rooms->room[i].name, name))
			return &rooms->room[i];
	return NULL;
}

#endif /* TESTS_ROOMS_TABLE_H */
