/*
 * fuzz_discover.c - libFuzzer target for what discovery makes of a file
 * name a student chose (grader/core/discover_notes.c): the guess of the
 * exercise a misnamed file is, and the notes about it.  Each input is one
 * path (bytes up to the first NUL).  Checked besides "no crash, no leak,
 * no undefined behaviour": a guess is an exercise of the catalog, the
 * notes are whole lines, and a path with a hidden or __MACOSX component
 * gets no note.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "core/discover.h"

static bool known(const struct catalog_exercise *e)
{
	for (size_t i = 0; i < catalog_count(); i++)
		if (catalog_exercise_at(i) == e)
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = strndup((const char *)data, size);
	const struct catalog_exercise *guess;
	struct discovery d;
	struct strbuf notes;

	guess = discover_guess(path);
	REQUIRE(!guess || known(guess));
	discovery_init(&d);
	strbuf_init(&notes);
	discovery_add_other(&d, path);
	discovery_notes(&d, &notes);
	REQUIRE(!notes.len || notes.buf[notes.len - 1] == '\n');
	REQUIRE(!(*path == '.' || !strncmp(path, "__MACOSX/", 9)) ||
		notes.len == 0);
	strbuf_release(&notes);
	discovery_release(&d);
	free(path);
	return 0;
}
