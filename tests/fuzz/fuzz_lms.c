/*
 * fuzz_lms.c - libFuzzer target for the LMS layouts' readers
 * (grader/batch/lms_names.c, grader/batch/lms_metadata.c): the names of a Canvas or
 * Moodle download, which students choose in part, and Gradescope's
 * submission_metadata.yml, whose names and emails are theirs.
 *
 * Each input is read as a file name (up to its first NUL) and as a whole
 * metadata file.  Checked besides "no crash, no leak, no undefined
 * behaviour": a parsed name has its parts (a user, a file), the file's
 * name holds no '/' when the input held none, and every submission of
 * the metadata has a folder and complete submitters.
 */
#define _GNU_SOURCE
#include <string.h>

#include "fuzz.h"
#include "batch/lms.h"

static void check_canvas(const char *name)
{
	struct lms_canvas_name got;
	char *plain;

	if (lms_canvas_parse(name, &got) == 0) {
		REQUIRE(got.login && got.user && got.file);
		REQUIRE(*got.user && *got.file);
		REQUIRE(strlen(got.file) < strlen(name));
		REQUIRE(strchr(name, '/') || !strchr(got.file, '/'));
		lms_canvas_name_release(&got);
	}
	plain = lms_canvas_unrepeat(name);
	REQUIRE(strlen(plain) <= strlen(name));
	free(plain);
}

static void check_moodle(const char *name)
{
	struct lms_moodle_name got;

	if (lms_moodle_parse(name, &got) == 0) {
		REQUIRE(got.full_name && got.participant && got.plugin &&
			got.file);
		REQUIRE(*got.participant && *got.plugin);
		REQUIRE(!strchr(got.full_name, '_'));
		lms_moodle_name_release(&got);
	}
}

static void check_metadata(const char *text, size_t len)
{
	struct lms_metadata m;

	lms_metadata_parse(&m, text, len);
	for (size_t i = 0; i < m.nr; i++) {
		REQUIRE(m.items[i].folder);
		for (size_t j = 0; j < m.items[i].nr; j++) {
			const struct lms_submitter *who =
				&m.items[i].submitters[j];

			REQUIRE(who->name && who->sid && who->email);
		}
	}
	lms_metadata_release(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	REQUIRE(text);
	memcpy(text, data, size);
	text[size] = '\0';
	check_canvas(text);
	check_moodle(text);
	check_metadata(text, size);
	free(text);
	return 0;
}
