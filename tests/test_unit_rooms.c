/*
 * test_unit_rooms.c - grader/'s rooms include only what docs/design.md
 * ("The grader's rooms") lets them: another room's header by its room
 * ("util/strbuf.h", between quotes or angle brackets) and only from a
 * room the table allows, their own headers by name, and no header of the
 * top level unless the table says so.
 * The table is read from the docs, so it is written once.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "array_size.h"
#include "support/harness.h"
#include "support/rooms_table.h"
#include "util/strbuf.h"

static bool listed(char *const *names, size_t count, const char *name,
		   size_t n)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(names[i]) == n && !strncmp(names[i], name, n))
			return true;
	return false;
}

/* grader/ for the top, grader/ROOM/ for a room. */
static char *room_dir(const struct room *room)
{
	if (!strcmp(room->name, TOP_ROW))
		return strdup("grader");
	return harness_join("grader", room->name);
}

static bool file_in(const char *dir, const char *name)
{
	char *path = harness_join(dir, name);
	bool found = access(path, F_OK) == 0;

	free(path);
	return found;
}

/* Marks the exception used; whether room names header as one. */
static bool excepted(struct room *room, const char *header)
{
	for (size_t i = 0; i < room->header_count; i++)
		if (!strcmp(room->headers[i], header))
			return room->header_used[i] = true;
	return false;
}

/* How to include a header of another room named alone. */
static void add_room_path(const struct rooms *rooms, const char *header,
			  struct strbuf *why)
{
	strbuf_addstr(why, "not in its own room: include another room's "
		      "header by its room");
	for (size_t i = 0; i < rooms->count; i++) {
		char *dir = room_dir(&rooms->room[i]);
		bool here = file_in(dir, header);

		free(dir);
		if (here) {
			strbuf_addf(why, " (\"%s/%s\")", rooms->room[i].name,
				    header);
			return;
		}
	}
}

/*
 * Why room may not include "header", appended to why; false when it may.
 * A name with a slash is another room's header; one without is the room's
 * own, or one of include/.
 */
static bool include_refused(const struct rooms *rooms, struct room *room,
			    const char *header, struct strbuf *why)
{
	const char *slash = strchr(header, '/');
	char *dir;
	bool own;

	if (excepted(room, header))
		return false;
	if (slash) {
		size_t n = (size_t)(slash - header);

		if (strlen(room->name) == n && !strncmp(room->name, header, n)) {
			strbuf_addf(why, "a header of its own room: include "
				    "it as \"%s\"", slash + 1);
			return true;
		}
		if (listed(room->may, room->may_count, header, n))
			return false;
		strbuf_addf(why, "%s may not include %.*s/ (add it to the "
			    "table only if the dependency is right)",
			    room->name, (int)n, header);
		return true;
	}
	dir = room_dir(room);
	own = file_in(dir, header) || file_in("include", header);
	free(dir);
	if (own)
		return false;
	if (file_in("grader", header))
		strbuf_addf(why, "a header of the top level: %s may not "
			    "include it", room->name);
	else
		add_room_path(rooms, header, why);
	return true;
}

/*
 * The name a line `#include "name"` or `#include <name>` includes; NULL
 * otherwise.  A name between angle brackets is a grader header only when
 * -Igrader finds it (`<core/session.h>`, `<options.h>`): the C library's
 * and include/'s are not there.
 */
static char *included_name(const char *line, const char *end)
{
	const char *p = line, *close;
	char *name;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p++ != '#')
		return NULL;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) < 8 || strncmp(p, "include", 7))
		return NULL;
	for (p += 7; p < end && isspace((unsigned char)*p); p++)
		;
	if (p == end || (*p != '"' && *p != '<'))
		return NULL;
	close = memchr(p + 1, *p == '"' ? '"' : '>', (size_t)(end - p - 1));
	if (!close)
		return NULL;
	name = strndup(p + 1, (size_t)(close - p - 1));
	if (*p == '<' && !file_in("grader", name)) {
		free(name);
		return NULL;
	}
	return name;
}

/* Each refused include of the file as "path:line: ...\n" into problems. */
static void check_file(const struct rooms *rooms, struct room *room,
		       const char *path, struct strbuf *problems)
{
	char *text = harness_read_file(path);
	const char *line = text;
	long number = 1;

	cr_assert_not_null(text, "cannot read %s", path);
	for (; *line; number++) {
		const char *end = strchr(line, '\n');
		char *header;

		if (!end)
			end = line + strlen(line);
		header = included_name(line, end);
		if (header) {
			struct strbuf why = STRBUF_INIT;

			if (include_refused(rooms, room, header, &why))
				strbuf_addf(problems, "%s:%ld: \"%s\": %s\n",
					    path, number, header, why.buf);
			strbuf_release(&why);
			free(header);
		}
		line = *end ? end + 1 : end;
	}
	free(text);
}

static bool source_name(const char *name)
{
	size_t n = strlen(name);

	return n > 2 && name[0] != '.' &&
	       (!strcmp(name + n - 2, ".c") || !strcmp(name + n - 2, ".h"));
}

static void check_room(const struct rooms *rooms, struct room *room,
		       struct strbuf *problems)
{
	char *dir = room_dir(room);
	DIR *d = opendir(dir);
	struct dirent *entry;

	cr_assert_not_null(d, "%s, in " DESIGN "'s rooms table, is not a "
			   "folder", dir);
	while ((entry = readdir(d))) {
		char *path;

		if (!source_name(entry->d_name))
			continue;
		path = harness_join(dir, entry->d_name);
		check_file(rooms, room, path, problems);
		free(path);
	}
	closedir(d);
	free(dir);
}

Test(rooms, every_include_keeps_to_the_table)
{
	struct rooms rooms;
	struct strbuf problems = STRBUF_INIT;

	rooms_read(&rooms);
	for (size_t i = 0; i < rooms.count; i++)
		check_room(&rooms, &rooms.room[i], &problems);
	for (size_t i = 0; i < rooms.count; i++)
		for (size_t k = 0; k < rooms.room[i].header_count; k++)
			if (!rooms.room[i].header_used[k])
				strbuf_addf(&problems, DESIGN ": %s's exception "
					    "%s is included nowhere any more: "
					    "remove it from the table\n",
					    rooms.room[i].name,
					    rooms.room[i].headers[k]);
	cr_expect_eq(problems.len, 0, "the includes of grader/ cross the "
		     "rooms table (" DESIGN ", \"" ROOMS_TITLE "\"):\n%s",
		     problems.buf);
	strbuf_release(&problems);
	rooms_release(&rooms);
}

/* The rooms grader/grader.mk builds are the table's, top aside. */
Test(rooms, the_table_has_the_rooms_the_build_has)
{
	struct rooms rooms;
	char *mk = harness_read_file(GRADER_MK);
	const char *at, *end;
	size_t built = 0;

	cr_assert_not_null(mk, "run the tests from the top of the repository");
	rooms_read(&rooms);
	at = strstr(mk, "\n" ROOMS_VARIABLE);
	cr_assert_not_null(at, GRADER_MK " has no " ROOMS_VARIABLE " line");
	at += strlen("\n" ROOMS_VARIABLE);
	end = strchr(at, '\n');
	while (at < end) {
		size_t n;
		char *name;

		at += strspn(at, " \t");
		n = strcspn(at, " \t\n");
		if (!n)
			break;
		name = strndup(at, n);
		cr_expect_not_null(room_named(&rooms, name), GRADER_MK " builds "
				   "grader/%s/, which " DESIGN "'s rooms table "
				   "has no row for", name);
		free(name);
		built++;
		at += n;
	}
	cr_expect_eq(built + 1, rooms.count, DESIGN "'s rooms table has %zu "
		     "rows besides `" TOP_ROW "`, " GRADER_MK " builds %zu rooms",
		     rooms.count - 1, built);
	free(mk);
	rooms_release(&rooms);
}

/* An include between angle brackets is read too, when it is the grader's. */
Test(rooms, an_angle_include_of_a_grader_header_is_read)
{
	static const char line[] = "#include <core/session.h>";
	static const char top[] = "# include <options.h>";
	static const char library[] = "#include <stdio.h>";
	char *name;

	name = included_name(line, line + strlen(line));
	cr_expect_str_eq(name ? name : "(none)", "core/session.h");
	free(name);
	name = included_name(top, top + strlen(top));
	cr_expect_str_eq(name ? name : "(none)", "options.h");
	free(name);
	cr_expect_null(included_name(library, library + strlen(library)));
}

/* The check itself refuses each kind of crossing (so it can fail). */
Test(rooms, the_check_refuses_each_kind_of_crossing)
{
	static const struct {
		const char *room, *header;
		bool refused;
	} cases[] = {
		{ "util", "strbuf.h", false },		/* its own */
		{ "util", "array_size.h", false },	/* include/ */
		{ "util", "core/catalog.h", true },	/* not allowed */
		{ "util", "util/strbuf.h", true },	/* own room by path */
		{ "core", "strbuf.h", true },		/* another's, alone */
		{ "core", "util/strbuf.h", false },
		{ "core", "options.h", true },		/* the top level */
		{ "batch", "options.h", false },	/* an exception */
		{ "policy", "core/catalog.h", false },	/* an exception */
		{ "policy", "core/session.h", true },	/* only that one */
		{ TOP_ROW, "options.h", false },
		{ TOP_ROW, "session.h", true },
	};
	struct rooms rooms;

	rooms_read(&rooms);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct room *room = room_named(&rooms, cases[i].room);
		struct strbuf why = STRBUF_INIT;

		cr_assert_not_null(room, "no row %s", cases[i].room);
		cr_expect_eq(include_refused(&rooms, room, cases[i].header,
					     &why),
			     cases[i].refused, "%s including \"%s\": %s",
			     cases[i].room, cases[i].header,
			     why.len ? why.buf : "allowed");
		strbuf_release(&why);
	}
	rooms_release(&rooms);
}
