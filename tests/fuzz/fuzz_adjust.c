/*
 * fuzz_adjust.c - libFuzzer target for the instructor's adjustments file
 * (grader/batch/adjust.c, adjust_time.c, adjust_apply.c).
 *
 * Besides "no crash, no leak, no undefined behaviour": a refused file
 * gives one line naming the file, and keeps nothing; an accepted one has
 * its students sorted without a repeat, and applying it to any row keeps
 * the columns adding up and the final score at 0 or above.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "batch/adjust.h"

static void check_refused(const struct adjust_file *file,
			  const struct strbuf *error)
{
	REQUIRE(file->nr == 0 && !file->late.set);
	REQUIRE(!strncmp(error->buf, "fuzz:", 5));
	REQUIRE(!strchr(error->buf, '\n'));
}

static void check_outcome(const struct adjust_file *file,
			  const struct adjust_student *student,
			  int64_t submitted)
{
	struct adjust_outcome out;
	struct strbuf section;

	adjust_apply(file, student, 37, 129, true, submitted, &out);
	REQUIRE(out.final >= 0 && out.late_penalty >= 0 && out.late_days >= 0);
	REQUIRE(out.late_penalty == 0 ||
		out.final == out.raw + out.adjustment - out.late_penalty);
	strbuf_init(&section);
	adjust_feedback_section(file, student, &out, submitted, &section);
	REQUIRE(!section.len || !strncmp(section.buf, ADJUST_SECTION_MARK,
					 strlen(ADJUST_SECTION_MARK)));
	strbuf_release(&section);
}

static void check_accepted(const struct adjust_file *file)
{
	static const int64_t times[] = { INT64_MIN, -1, 0, 1800000000,
					 INT64_MAX };

	for (size_t i = 0; i < file->nr; i++) {
		REQUIRE(i == 0 || strcmp(file->students[i - 1].id,
					 file->students[i].id) < 0);
		REQUIRE(adjust_find(file, file->students[i].id) ==
			&file->students[i]);
	}
	for (size_t t = 0; t < sizeof times / sizeof *times; t++) {
		check_outcome(file, NULL, times[t]);
		if (file->nr)
			check_outcome(file, &file->students[0], times[t]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct adjust_file file;
	struct strbuf error;

	adjust_file_init(&file);
	strbuf_init(&error);
	if (adjust_parse(&file, "fuzz", (const char *)data, size, &error))
		check_refused(&file, &error);
	else
		check_accepted(&file);
	adjust_file_release(&file);
	strbuf_release(&error);
	return 0;
}
