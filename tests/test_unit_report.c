/*
 * test_unit_report.c - the table of report formats: each format renders
 * every failure with its details and without colour, report_write writes
 * the same bytes as report_render, atomically, and says when it cannot.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "report/report.h"
#include "support/harness.h"
#include "support/results_fixture.h"

/*
 * 01_sigmoid.c with one test passed and one failed with a message; the
 * summary keeps the results by reference, so they are the caller's.
 */
static void make_summary(struct summary *summary, struct results *results)
{
	results_fixture_sigmoid(results);
	summary_init(summary, "alice", 7);
	summary_add(summary, catalog_find_exercise("01_sigmoid.c"), results);
}

static const struct report_context context = {
	.reproduce = "build/grader --seed 7 DIR",
	.sandbox = "none",
};

Test(report, every_format_has_the_failure_in_full_without_colour)
{
	static const enum report_format formats[] = { REPORT_FORMAT_TEXT,
						      REPORT_FORMAT_JSON };
	struct summary summary;
	struct results results;

	make_summary(&summary, &results);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		struct strbuf out;

		strbuf_init(&out);
		report_render(&summary, formats[i], &context, &out);
		cr_expect(strstr(out.buf, "wrong in the tails"), "%s", out.buf);
		cr_expect(strstr(out.buf, "z = -40"), "%s", out.buf);
		cr_expect_null(strchr(out.buf, '\033'), "no colour: %s",
			       out.buf);
		strbuf_release(&out);
	}
	results_release(&results);
}

Test(report, write_is_render_and_says_when_it_cannot)
{
	char *dir = harness_tempdir(), *path = harness_join(dir, "r.json");
	char *bad = harness_join(dir, "missing/r.json"), *text;
	struct summary summary;
	struct results results;
	struct strbuf want;

	make_summary(&summary, &results);
	strbuf_init(&want);
	report_render(&summary, REPORT_FORMAT_JSON, &context, &want);
	cr_assert(want.buf[0] == '{', "%s", want.buf);
	cr_assert_eq(report_write(&summary, REPORT_FORMAT_JSON, &context,
				  path), 0);
	text = harness_read_file(path);
	cr_assert_not_null(text);
	cr_expect_str_eq(text, want.buf);
	errno = 0;
	cr_expect_eq(report_write(&summary, REPORT_FORMAT_JSON, &context,
				  bad), -1);
	cr_expect_eq(errno, ENOENT);
	cr_expect_eq(harness_count_entries(dir), 1, "nothing half-written");
	free(text);
	strbuf_release(&want);
	results_release(&results);
	harness_remove(dir);
	free(bad);
	free(path);
	free(dir);
}
