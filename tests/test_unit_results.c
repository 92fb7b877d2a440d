/*
 * test_unit_results.c - the wb report: the visibility field written and
 * read back (lines from before it existed read as visible), escapes,
 * duplicates, the bounds on lines and their length (reading stops with a
 * status, in linear time), garbled lines counted, and results_reconcile
 * matching verdicts to the known test list.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/results.h"
#include "util/strbuf.h"

/* results_write's text (malloc'd). */
static char *written(const struct results *results)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	cr_assert(out);
	results_write(results, out);
	cr_assert_eq(fclose(out), 0);
	return text;
}

Test(results, visibility_and_output_round_trip)
{
	struct results results, back;
	char *text;

	results_init(&results);
	results_init(&back);
	results_add(&results, "sigmoid", "tails", "the tails")->hidden = true;
	results_set_output(results_add(&results, "sigmoid", "values",
				       "the values"), "z =\t1\n\\ done\n");
	text = written(&results);
	cr_expect(strstr(text, "\thidden\t\n"), "%s", text);
	cr_expect(strstr(text, "\tvisible\tz =\\t1\\n\\\\ done\\n\n"), "%s",
		  text);
	results_parse(&back, text);
	cr_assert_eq(back.nr, 2, "%s", text);
	cr_expect(back.tests[0].hidden);
	cr_expect(!back.tests[1].hidden);
	cr_expect_str_eq(back.tests[0].output, "");
	cr_expect_str_eq(back.tests[1].output, "z =\t1\n\\ done\n");
	results_release(&results);
	results_release(&back);
	free(text);
}

Test(results, old_lines_and_bad_visibility)
{
	struct results results;

	results_init(&results);
	results_parse(&results,
		      "seed\t5\n"
		      "test\tsigmoid\told\tan old line\tpassed\t0\t0\t\n"
		      "test\tsigmoid\tbad\tgarbled\tpassed\t0\t0\t\tmaybe\n");
	cr_assert_eq(results.nr, 1);
	cr_expect_str_eq(results.tests[0].check, "old");
	cr_expect(!results.tests[0].hidden);
	results_release(&results);
}

/* One `test` line of the wb format (fields not escaped). */
static void add_line(struct strbuf *text, const char *function,
		     const char *check, const char *outcome)
{
	strbuf_addf(text, "test\t%s\t%s\t%s %s\t%s\t0\t0\tmessage\tvisible\n",
		    function, check, function, check, outcome);
}

Test(results, escapes_round_trip)
{
	struct results results, back;
	char *text;

	results_init(&results);
	results_init(&back);
	results_set_message(results_add(&results, "sigmoid", "tab\there",
					"a \\ back\\slash"),
			    "line one\nline two\r\n\tindented \\n literal");
	text = written(&results);
	cr_assert_eq(results_parse(&back, text), RESULTS_PARSE_OK);
	cr_assert_eq(back.nr, 1, "%s", text);
	cr_expect_str_eq(back.tests[0].check, "tab\there");
	cr_expect_str_eq(back.tests[0].description, "a \\ back\\slash");
	cr_expect_str_eq(back.tests[0].message,
			 "line one\nline two\r\n\tindented \\n literal");
	results_release(&results);
	results_release(&back);
	free(text);
}

Test(results, duplicates_keep_the_first)
{
	struct results results;
	struct results_parse_info info;
	struct strbuf text;

	results_init(&results);
	strbuf_init(&text);
	results_add(&results, "sigmoid", "known", "already there")->outcome =
		RESULTS_PASSED;
	add_line(&text, "sigmoid", "b", "passed");
	add_line(&text, "sigmoid", "a", "failed");
	add_line(&text, "sigmoid", "b", "failed");
	add_line(&text, "sigmoid", "known", "failed");
	add_line(&text, "sigmoid", "a", "passed");
	add_line(&text, "sigmoid_grad", "a", "passed");
	results_parse_buffer(&results, text.buf, text.len, &info);
	cr_assert_eq(results.nr, 4);
	cr_expect_eq(info.duplicates, 3);
	cr_expect_eq(info.lines, 6);
	cr_expect_eq(info.garbled, 0);
	/* The first verdict of each, in the order they came. */
	cr_expect_str_eq(results.tests[0].check, "known");
	cr_expect_eq(results.tests[0].outcome, RESULTS_PASSED);
	cr_expect_str_eq(results.tests[1].check, "b");
	cr_expect_eq(results.tests[1].outcome, RESULTS_PASSED);
	cr_expect_str_eq(results.tests[2].check, "a");
	cr_expect_eq(results.tests[2].outcome, RESULTS_FAILED);
	cr_expect_str_eq(results.tests[3].function, "sigmoid_grad");
	results_release(&results);
	strbuf_release(&text);
}

/* 160,000 fake lines took 119 s of CPU in the old duplicate check. */
Test(results, flood_stops_at_the_line_bound, .timeout = 10)
{
	struct results results;
	struct results_parse_info info;
	struct strbuf text;

	results_init(&results);
	strbuf_init(&text);
	strbuf_addstr(&text, "seed\t1\n");
	for (int i = 0; i < 160000; i++) {
		char check[32];

		snprintf(check, sizeof check, "fake%d", i);
		add_line(&text, "sigmoid", check, "passed");
	}
	cr_assert_eq(results_parse_buffer(&results, text.buf, text.len, &info),
		     RESULTS_PARSE_TOO_MANY_LINES);
	cr_expect_eq(info.lines, RESULTS_MAX_LINES);
	cr_expect_eq(results.nr, RESULTS_MAX_LINES - 1);
	cr_expect(results.has_seed);
	cr_expect(strstr(results_parse_status_text(info.status), "4096"));
	results_release(&results);
	strbuf_release(&text);
}

/*
 * The most lines, all with long names alike up to their last bytes and
 * each twice: read whole, every second one dropped as a duplicate.
 */
Test(results, duplicates_at_the_line_bound, .timeout = 10)
{
	struct results results;
	struct results_parse_info info;
	struct strbuf text, prefix;

	results_init(&results);
	strbuf_init(&text);
	strbuf_init(&prefix);
	for (int i = 0; i < 2000; i++)
		strbuf_addch(&prefix, 'f');
	for (int i = 0; i < RESULTS_MAX_LINES; i++) {
		char check[32];

		snprintf(check, sizeof check, "c%d", i / 2);
		add_line(&text, prefix.buf, check, "passed");
	}
	cr_assert_eq(results_parse_buffer(&results, text.buf, text.len, &info),
		     RESULTS_PARSE_OK);
	cr_expect_eq(results.nr, RESULTS_MAX_LINES / 2);
	cr_expect_eq(info.duplicates, RESULTS_MAX_LINES / 2);
	results_release(&results);
	strbuf_release(&text);
	strbuf_release(&prefix);
}

Test(results, line_length_bound)
{
	struct results results;
	struct results_parse_info info;
	struct strbuf text, line;

	results_init(&results);
	strbuf_init(&text);
	strbuf_init(&line);
	/* A line of exactly the bound is read... */
	strbuf_addstr(&line, "test\tsigmoid\tlong\tlong\tfailed\t0\t0\t");
	while (line.len < RESULTS_MAX_LINE_BYTES)
		strbuf_addch(&line, 'm');
	strbuf_addf(&text, "%s\n", line.buf);
	/* ...one byte more stops reading there, newline or not. */
	strbuf_addf(&text, "x%s\n", line.buf);
	add_line(&text, "sigmoid", "after", "passed");
	cr_assert_eq(results_parse_buffer(&results, text.buf, text.len, &info),
		     RESULTS_PARSE_LINE_TOO_LONG);
	cr_assert_eq(results.nr, 1);
	cr_expect_eq(strlen(results.tests[0].message),
		     RESULTS_MAX_LINE_BYTES - strlen("test\tsigmoid\tlong\t"
						     "long\tfailed\t0\t0\t"));
	cr_expect_eq(info.lines, 1);
	results_release(&results);
	results_init(&results);
	cr_expect_eq(results_parse_buffer(&results, line.buf + 1,
					  line.len - 1, &info),
		     RESULTS_PARSE_OK, "a short last line without newline");
	cr_expect(info.cut_short);
	strbuf_addch(&line, 'm');
	cr_expect_eq(results_parse_buffer(&results, line.buf, line.len, &info),
		     RESULTS_PARSE_LINE_TOO_LONG, "a long one without newline");
	cr_expect_eq(results.nr, 0);
	results_release(&results);
	strbuf_release(&text);
	strbuf_release(&line);
}

Test(results, garbled_lines_counted)
{
	static const char text[] =
		"seed\t-1\n"
		"seed\t18446744073709551616\n"
		"test\tsigmoid\tnul\tx\0y\tpassed\t0\t0\t\tvisible\n"
		"test\tsigmoid\t\tno check\tpassed\t0\t0\t\n"
		"test\tsigmoid\tbad\tbad outcome\twon\t0\t0\t\n"
		"test\tsigmoid\tmany\ttoo many\tpassed\t0\t0\t\tvisible\tx\ty\n"
		"\n"
		"seed\t18446744073709551615\r\n"
		"test\tsigmoid\tok\tfine\tpassed\t0\t0\t\n"
		"test\tsigmoid\tcut\tcut short\tpassed\t0\t0\t";
	struct results results;
	struct results_parse_info info;

	results_init(&results);
	cr_assert_eq(results_parse_buffer(&results, text, sizeof text - 1,
					  &info), RESULTS_PARSE_OK);
	cr_expect_eq(info.lines, 9);
	cr_expect_eq(info.garbled, 7);
	cr_expect(info.cut_short);
	cr_expect(results.has_seed);
	cr_expect_eq(results.seed, UINT64_MAX);
	cr_assert_eq(results.nr, 1);
	cr_expect_str_eq(results.tests[0].check, "ok");
	results_release(&results);
}

static void expect_test(const struct results_test *test, const char *check,
			enum results_outcome outcome, const char *message,
			bool hidden)
{
	cr_expect_str_eq(test->check, check);
	cr_expect_eq(test->outcome, outcome, "%s", check);
	cr_expect_str_eq(test->message, message);
	cr_expect_eq(test->hidden, hidden, "%s", check);
}

Test(results, reconcile_with_the_known_tests)
{
	struct results expected, found;
	struct results_reconcile_info info;

	results_init(&expected);
	results_init(&found);
	results_add(&expected, "sigmoid", "a", "checks a");
	results_add(&expected, "sigmoid", "b", "checks b")->hidden = true;
	results_add(&expected, "sigmoid", "c", "checks c")->hidden = true;
	results_add(&expected, "sigmoid", "a", "named twice");
	results_parse(&found,
		      "seed\t3\n"
		      "test\tsigmoid\tb\tforged\tpassed\t0\t0\tfine\tvisible\n"
		      "test\tsigmoid\ta\tx\tcrashed\t11\t0\tboom\tvisible\n"
		      "test\tsigmoid\tz\tx\tpassed\t0\t0\t\tvisible\n"
		      "test\tsigmoid_grad\ta\tx\tpassed\t0\t0\t\tvisible\n");
	results_add(&found, "sigmoid", "b", "later")->outcome = RESULTS_FAILED;
	results_add(&found, "aaa", "z", "unknown, sorted first");
	results_reconcile(&found, &expected, &info);
	cr_expect_eq(info.missing, 1);
	cr_expect_eq(info.unknown, 3);
	cr_expect_eq(info.duplicates, 1);
	cr_expect(found.has_seed && found.seed == 3, "other records stay");
	cr_assert_eq(found.nr, 3);
	expect_test(&found.tests[0], "a", RESULTS_CRASHED, "boom", false);
	cr_expect_eq(found.tests[0].signal, 11);
	cr_expect_str_eq(found.tests[0].description, "checks a");
	expect_test(&found.tests[1], "b", RESULTS_PASSED, "fine", true);
	cr_expect_str_eq(found.tests[1].description, "checks b");
	expect_test(&found.tests[2], "c", RESULTS_FAILED,
		    RESULTS_NOT_REPORTED_MESSAGE, true);
	results_release(&expected);
	results_release(&found);
}

Test(results, reconcile_empty_sides)
{
	struct results expected, found;
	struct results_reconcile_info info;

	results_init(&expected);
	results_init(&found);
	results_add(&expected, "softmax", "sums", "sums to one");
	results_add(&expected, "softmax", "shift", "shift invariant");
	results_reconcile(&found, &expected, &info);
	cr_expect_eq(info.missing, 2);
	cr_assert_eq(found.nr, 2);
	cr_expect_eq(found.tests[1].outcome, RESULTS_FAILED);
	results_release(&expected);
	results_init(&expected);
	results_reconcile(&found, &expected, &info);
	cr_expect_eq(info.unknown, 2);
	cr_expect_eq(info.missing, 0);
	cr_expect_eq(found.nr, 0);
	results_release(&expected);
	results_release(&found);
}
