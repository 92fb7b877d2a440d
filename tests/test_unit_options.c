/*
 * test_unit_options.c - the command line: modes, their options and the
 * combinations that are refused with a message saying what to do.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "options.h"

static int parse(struct options *options, struct strbuf *error,
		 const char *const *args)
{
	char *argv[16];
	int argc = 0;

	argv[argc++] = "grader";
	while (*args)
		argv[argc++] = (char *)*args++;
	argv[argc] = NULL;
	options_init(options);
	strbuf_init(error);
	return options_parse(options, argc, argv, error);
}

Test(options, batch_mode_with_its_options)
{
	const char *args[] = { "--batch", "subs", "--out", "marks", "-j", "3",
			       "--shard", "2/5", "--secret-file", "s",
			       "--roster", "class list.csv", NULL };
	struct options o;
	struct strbuf error;

	cr_assert_eq(parse(&o, &error, args), 0, "%s", error.buf);
	cr_assert_eq(o.mode, OPTIONS_BATCH);
	cr_assert_str_eq(o.batch, "subs");
	cr_assert_str_eq(o.out, "marks");
	cr_assert_eq(o.jobs, 3);
	cr_assert_eq(o.shard_index, 2);
	cr_assert_eq(o.shard_count, 5);
	cr_assert_str_eq(o.secret_file, "s");
	cr_assert_str_eq(o.roster, "class list.csv");
	strbuf_release(&error);
}

Test(options, defaults_of_a_batch)
{
	const char *args[] = { "--batch=subs", NULL };
	struct options o;
	struct strbuf error;

	cr_assert_eq(parse(&o, &error, args), 0, "%s", error.buf);
	cr_assert_str_eq(o.out, "grades");
	cr_assert_eq(o.shard_index, 1);
	cr_assert_eq(o.shard_count, 1);
	strbuf_release(&error);
}

Test(options, student_modes_take_a_folder)
{
	const char *watch[] = { "--watch", "mine", NULL };
	const char *hint[] = { "--hint", "bce_loss", "mine", NULL };
	const char *progress[] = { "--progress", NULL };
	struct options o;
	struct strbuf error;

	cr_assert_eq(parse(&o, &error, watch), 0);
	cr_assert_eq(o.mode, OPTIONS_WATCH);
	cr_assert_str_eq(o.dir, "mine");
	strbuf_release(&error);
	cr_assert_eq(parse(&o, &error, hint), 0);
	cr_assert_eq(o.mode, OPTIONS_HINT);
	cr_assert_str_eq(o.hint, "bce_loss");
	strbuf_release(&error);
	cr_assert_eq(parse(&o, &error, progress), 0);
	cr_assert_eq(o.mode, OPTIONS_PROGRESS);
	cr_assert_str_eq(o.dir, "exercises");
	strbuf_release(&error);
}

/*
 * Criterion runs each parameter in a fresh process of the same binary (at
 * other addresses), so the cases hold arrays, not pointers.
 */
struct refused {
	char args[6][16];	/* "" ends the list */
	char says[32];		/* part of the message */
};

ParameterizedTestParameters(options, refused_combinations)
{
	static struct refused cases[] = {
		{ { "--watch", "--progress" }, "cannot be combined" },
		{ { "--batch", "a", "--merge", "b" }, "cannot be combined" },
		{ { "--batch", "a", "--seed", "4" }, "course secret" },
		{ { "--student", "x", "--seed", "4" }, "give one of them" },
		{ { "--shard", "1/2" }, "only applies to --batch" },
		{ { "--batch", "a", "--shard", "3/2" }, "1 <= K <= N" },
		{ { "--batch", "a", "--shard", "0/2" }, "1 <= K <= N" },
		{ { "--batch", "a", "--shard", "x" }, "--shard 1/4" },
		{ { "--out", "g" }, "only applies to --batch" },
		{ { "--roster", "r.csv" }, "--roster only applies" },
		{ { "--batch", "a", "--roster" }, "--roster roster.csv" },
		{ { "--merge", "g", "--out", "h" }, "leave out --out" },
		{ { "--batch", "a", "extra" }, "unexpected argument extra" },
		{ { "--hint" }, "--hint bce_loss" },
		{ { "--student=" }, "non-empty" },
	};

	return cr_make_param_array(struct refused, cases,
				   sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct refused *c, options, refused_combinations)
{
	const char *args[7] = { NULL };
	struct options o;
	struct strbuf error;

	for (int i = 0; i < 6 && c->args[i][0]; i++)
		args[i] = c->args[i];
	cr_assert_eq(parse(&o, &error, args), -1, "accepted %s %s",
		     c->args[0], c->args[1]);
	cr_assert(strstr(error.buf, c->says), "message \"%s\" lacks \"%s\"",
		  error.buf, c->says);
	cr_assert_null(strchr(error.buf, '\n'), "one line: %s", error.buf);
	strbuf_release(&error);
}

Test(options, what_reports_show_of_hidden_tests)
{
	const char *plain[] = { "--hidden", "dir", NULL };
	const char *none[] = { "--batch", "subs", "--hidden-summary=none",
			       NULL };
	const char *full[] = { "--hidden", "--instructor-view", "dir", NULL };
	struct options o;
	struct strbuf error;

	cr_assert_eq(parse(&o, &error, plain), 0, "%s", error.buf);
	cr_expect_eq(o.disclosure, DISCLOSURE_LINE);
	strbuf_release(&error);
	cr_assert_eq(parse(&o, &error, none), 0, "%s", error.buf);
	cr_expect_eq(o.disclosure, DISCLOSURE_NONE);
	strbuf_release(&error);
	cr_assert_eq(parse(&o, &error, full), 0, "%s", error.buf);
	cr_expect_eq(o.disclosure, DISCLOSURE_INSTRUCTOR);
	strbuf_release(&error);
}

Test(options, hidden_summary_refuses_other_values_and_both)
{
	const char *bad[] = { "--hidden-summary", "names", NULL };
	const char *both[] = { "--hidden-summary=line", "--instructor-view",
			       NULL };
	struct options o;
	struct strbuf error;

	cr_assert_eq(parse(&o, &error, bad), -1);
	cr_expect(strstr(error.buf, "--hidden-summary names: give line"), "%s",
		  error.buf);
	strbuf_release(&error);
	cr_assert_eq(parse(&o, &error, both), -1);
	cr_expect(strstr(error.buf, "give one of them"), "%s", error.buf);
	strbuf_release(&error);
}
