/*
 * test_unit_adjust.c - the adjustments file (grader/adjust*.c): what it
 * accepts, a one-line "FILE:LINE:" message for what it does not, times in
 * any zone, and the late penalty's arithmetic at its boundaries.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "batch/adjust.h"

static const char good[] =
	"\xEF\xBB\xBF# a comment\r\n"
	"[late]\n"
	"due = 2027-03-01 23:59 +01:00\n"
	"grace = 15m\n"
	"penalty = 10%\n"
	"cap = 25%\n"
	"\n"
	"[student alice]\n"
	"adjust = +5 02_bce graded by hand\n"
	"comment = Good work.\n"
	"[student Mary Jane]\n"
	"  extension = 2027-03-04T12:00:30Z  \n"
	"[student alice]\n"
	"adjust = -0.5 late form\n"
	"comment = See me.\n";

static void parse_ok(struct adjust_file *file, const char *text)
{
	struct strbuf error;

	strbuf_init(&error);
	adjust_file_init(file);
	cr_assert_eq(adjust_parse(file, "adj", text, strlen(text), &error), 0,
		     "%s", error.buf);
	strbuf_release(&error);
}

Test(adjust, a_good_file_is_read_whole)
{
	struct adjust_file file;
	const struct adjust_student *alice, *mj;
	struct strbuf sb;

	parse_ok(&file, good);
	cr_assert(file.late.set);
	/* 23:59 at +01:00 is 22:59 UTC. */
	strbuf_init(&sb);
	adjust_format_time(&sb, file.late.due, 0);
	cr_assert_str_eq(sb.buf, "2027-03-01 22:59:00 +00:00");
	cr_assert_eq(file.late.due_offset, 3600);
	cr_assert_eq(file.late.grace, 900);
	cr_assert_eq(file.late.penalty.centi, 1000);
	cr_assert(file.late.penalty.percent);
	cr_assert(file.late.has_cap);
	cr_assert_eq(file.nr, 2, "alice's two sections are one");
	alice = adjust_find(&file, "alice");
	cr_assert_not_null(alice);
	cr_assert_eq(alice->nr_changes, 2);
	cr_assert_eq(alice->changes[0].centi, 500);
	cr_assert_str_eq(alice->changes[0].reason, "02_bce graded by hand");
	cr_assert_eq(alice->changes[1].centi, -50);
	cr_assert_eq(alice->nr_comments, 2);
	cr_assert_str_eq(alice->comments[1], "See me.");
	mj = adjust_find(&file, "Mary Jane");
	cr_assert(mj && mj->has_extension);
	strbuf_reset(&sb);
	adjust_format_time(&sb, mj->extension, 3600);
	cr_assert_str_eq(sb.buf, "2027-03-04 13:00:30 +01:00");
	cr_assert_null(adjust_find(&file, "bob"));
	strbuf_release(&sb);
	adjust_file_release(&file);
}

/* text must be refused with a message starting with `where`. */
static void refused(const char *text, const char *where, const char *says)
{
	struct adjust_file file;
	struct strbuf error;

	strbuf_init(&error);
	adjust_file_init(&file);
	cr_assert_eq(adjust_parse(&file, "adj", text, strlen(text), &error),
		     -1, "accepted: %s", text);
	cr_assert(!strncmp(error.buf, where, strlen(where)),
		  "%s: want %s", error.buf, where);
	cr_assert(strstr(error.buf, says), "%s: want %s", error.buf, says);
	cr_assert_null(strchr(error.buf, '\n'), "one line: %s", error.buf);
	cr_assert(strstr(error.buf, "; "), "says what to do: %s", error.buf);
	cr_assert_eq(file.nr, 0, "nothing of a bad file is kept");
	adjust_file_release(&file);
	strbuf_release(&error);
}

Test(adjust, each_problem_is_one_line_naming_file_and_line)
{
	refused("adjust = +1 x\n", "adj:1:", "before any section");
	refused("[late]\ndue = 2027-02-29 10:00 Z\npenalty = 1\n", "adj:2:",
		"due is not a time");
	refused("[late]\ndue = 2027-03-01 10:00\npenalty = 1\n", "adj:2:",
		"with its zone");
	refused("[late]\ndue = 2027-03-01 10:00 Z\n", "adj:",
		"needs both due and penalty");
	refused("[late]\ngrace = 15 minutes\n", "adj:2:", "not a duration");
	refused("[late]\npenalty = -5\n", "adj:2:", "not an amount");
	refused("[late]\npenalty = 10.125%\n", "adj:2:", "not an amount");
	refused("[late]\n[late]\n", "adj:2:", "second [late]");
	refused("[late]\ndue = 2027-03-01 10:00 Z\ndue = 2027-03-01 10:00 Z\n",
		"adj:3:", "due given twice");
	refused("[late]\nwhen = now\n", "adj:2:", "unknown key in [late]");
	refused("[student a]\nadjust = +5\n", "adj:2:", "points and a reason");
	refused("[student a]\nadjust = 5% x\n", "adj:2:", "points and a reason");
	refused("[student a]\nadjust = 1000001 x\n", "adj:2:", "points");
	refused("[student a]\nbonus = 1\n", "adj:2:", "unknown key");
	refused("[student a]\ncomment =\n", "adj:2:", "without a value");
	refused("[student]\n", "adj:1:", "without an id");
	refused("[students a]\n", "adj:1:", "unknown section");
	refused("[student a\n", "adj:1:", "closing ']'");
	refused("[student a]\njust words\n", "adj:2:", "neither KEY = VALUE");
	refused("[student a]\nextension = 2027-03-01 10:00 Z\n[student a]\n"
		"extension = 2027-03-02 10:00 Z\n", "adj:3:",
		"second extension");
}

Test(adjust, a_nul_byte_is_refused)
{
	static const char text[] = "[student a]\ncomment = x\0y\n";
	struct adjust_file file;
	struct strbuf error;

	strbuf_init(&error);
	adjust_file_init(&file);
	cr_assert_eq(adjust_parse(&file, "adj", text, sizeof text - 1, &error),
		     -1);
	cr_assert(strstr(error.buf, "adj:2: a NUL byte"), "%s", error.buf);
	strbuf_release(&error);
}

Test(adjust, times_and_durations)
{
	int64_t t, u, d;
	int offset;

	cr_assert_eq(adjust_parse_time("1970-01-01 00:00 Z", &t, &offset), 0);
	cr_assert_eq(t, 0);
	cr_assert_eq(adjust_parse_time("2028-02-29 12:00:01 UTC", &t,
				       &offset), 0, "a leap day");
	cr_assert_eq(adjust_parse_time("2028-02-29 07:00:01 -0500", &u,
				       &offset), 0);
	cr_assert_eq(t, u);
	cr_assert_eq(offset, -5 * 3600);
	cr_assert_eq(adjust_parse_time("2028-02-29 04:00:01.524451000 -08:00",
				       &u, &offset), 0,
		     "Gradescope's created_at, fraction dropped");
	cr_assert_eq(t, u);
	cr_assert_eq(adjust_parse_time("2028-02-29 04:00:01. -08:00", &u,
				       &offset), -1);
	cr_assert_eq(adjust_parse_time("2027-04-31 10:00 Z", &t, &offset), -1);
	cr_assert_eq(adjust_parse_time("2027-03-01 24:00 Z", &t, &offset), -1);
	cr_assert_eq(adjust_parse_time("2027-03-01 10:00 +15:00", &t, &offset),
		     -1);
	cr_assert_eq(adjust_parse_time("2027-03-01 10:00 Z junk", &t, &offset),
		     -1);
	cr_assert_eq(adjust_parse_duration("1h30m", &d), 0);
	cr_assert_eq(d, 5400);
	cr_assert_eq(adjust_parse_duration("0", &d), 0);
	cr_assert_eq(d, 0);
	cr_assert_eq(adjust_parse_duration("2d", &d), 0);
	cr_assert_eq(d, 172800);
	cr_assert_eq(adjust_parse_duration("15", &d), -1, "a unit is needed");
	cr_assert_eq(adjust_parse_duration("99999999999999999999d", &d), -1);
}

Test(adjust, amounts_print_as_short_decimals)
{
	static const struct {
		int64_t centi;
		const char *text;
	} cases[] = { { 0, "0" }, { 500, "5" }, { -250, "-2.5" },
		      { 1175, "11.75" }, { -5, "-0.05" }, { 1290, "12.9" } };
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		strbuf_reset(&sb);
		adjust_format_centi(&sb, cases[i].centi);
		cr_assert_str_eq(sb.buf, cases[i].text);
	}
	strbuf_release(&sb);
}

/* A [late] policy: due at 0, 15 min grace, 10% a day of 200, cap 25%. */
static void late_file(struct adjust_file *file)
{
	parse_ok(file, "[late]\ndue = 1970-01-01 00:00 Z\ngrace = 15m\n"
		 "penalty = 10%\ncap = 25%\n"
		 "[student ext]\nextension = 1970-01-03 00:00 Z\n"
		 "[student neg]\nadjust = -150 copied\n");
}

static struct adjust_outcome at(const struct adjust_file *file,
				const char *id, int64_t submitted)
{
	struct adjust_outcome out;

	adjust_apply(file, adjust_find(file, id), 150, 200, true, submitted,
		     &out);
	cr_assert_eq(out.final, out.raw + out.adjustment - out.late_penalty,
		     "the columns add up");
	return out;
}

Test(adjust, late_penalty_at_the_boundaries)
{
	struct adjust_file file;
	struct adjust_outcome out;

	late_file(&file);
	out = at(&file, "x", 0);
	cr_assert_eq(out.late_days, 0, "exactly at due");
	cr_assert_eq(out.final, 15000);
	out = at(&file, "x", 900);
	cr_assert_eq(out.late_days, 0, "the last second of grace");
	out = at(&file, "x", 901);
	cr_assert_eq(out.late_days, 1, "1 s after grace: a day started");
	cr_assert_eq(out.late_penalty, 2000, "10%% of 200 points");
	cr_assert_eq(out.final, 13000);
	out = at(&file, "x", 86400);
	cr_assert_eq(out.late_days, 1, "exactly one day");
	out = at(&file, "x", 86401);
	cr_assert_eq(out.late_days, 2);
	cr_assert_eq(out.late_penalty, 4000);
	out = at(&file, "x", 10 * 86400);
	cr_assert_eq(out.late_penalty, 5000, "the cap: 25%% of 200");
	out = at(&file, "x", -86400);
	cr_assert_eq(out.late_days, 0, "early");
	/* The extension moves the due time; the grace still applies. */
	out = at(&file, "ext", 2 * 86400 + 900);
	cr_assert_eq(out.late_days, 0, "within grace of the extension");
	out = at(&file, "ext", 2 * 86400 + 901);
	cr_assert_eq(out.late_days, 1, "1 s after the extension's grace");
	/* Nothing below 0: the penalty takes what is left. */
	out = at(&file, "neg", 901);
	cr_assert_eq(out.adjustment, -15000);
	cr_assert_eq(out.late_penalty, 0);
	cr_assert_eq(out.final, 0);
	/* No time, or not graded: no penalty. */
	adjust_apply(&file, NULL, 150, 200, false, 0, &out);
	cr_assert(!out.late_known);
	cr_assert_eq(out.final, 15000);
	adjust_apply(&file, NULL, 0, 0, true, 99 * 86400, &out);
	cr_assert(!out.late_known);
	cr_assert_eq(out.late_penalty, 0);
	adjust_file_release(&file);
}

Test(adjust, points_penalty_and_rounding)
{
	struct adjust_file file;
	struct adjust_outcome out;

	parse_ok(&file, "[late]\ndue = 1970-01-01 00:00 Z\npenalty = 2.5\n");
	adjust_apply(&file, NULL, 10, 129, true, 3 * 86400, &out);
	cr_assert_eq(out.late_days, 3);
	cr_assert_eq(out.late_penalty, 750, "2.5 points a day, no cap");
	adjust_file_release(&file);
	parse_ok(&file, "[late]\ndue = 1970-01-01 00:00 Z\npenalty = 10%\n");
	adjust_apply(&file, NULL, 100, 129, true, 1, &out);
	cr_assert_eq(out.late_penalty, 1290, "10%% of 129 is 12.9");
	adjust_apply(&file, NULL, 100, 129, true, INT64_MAX / 2, &out);
	cr_assert_eq(out.final, 0, "far-off times do not overflow");
	adjust_file_release(&file);
}
