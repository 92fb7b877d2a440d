/*
 * test_unit_options.c - the command line: modes, their options and the
 * combinations that are refused with a message saying what to do; every
 * name of an exercise (1, 01, 01_sigmoid, 01_sigmoid.c, a function) in
 * --only, --hint and --resolve, and the "did you mean" for the others.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
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

/* The exercise a name stands for in --only, --hint and --resolve. */
static void expect_names(const char *name, size_t index, unsigned bits,
			 const char *function)
{
	const char *only[] = { "--only", name, NULL };
	const char *hint[] = { "--hint", name, NULL };
	const char *resolve[] = { "--resolve", name, NULL };
	const struct catalog_exercise *e = catalog_exercise_at(index);
	struct options o;
	struct strbuf error;

	cr_assert_eq(parse(&o, &error, only), 0, "--only %s: %s", name,
		     error.buf);
	for (size_t i = 0; i < catalog_count(); i++)
		cr_expect_eq(o.selected[i], i == index ? bits : 0,
			     "--only %s selected %x of %s", name,
			     o.selected[i], catalog_exercise_at(i)->file);
	strbuf_release(&error);
	cr_assert_eq(parse(&o, &error, hint), 0, "--hint %s: %s", name,
		     error.buf);
	cr_expect_eq(o.hint_exercise, e, "--hint %s", name);
	if (function)
		cr_expect(o.hint && !strcmp(o.hint, function), "--hint %s",
			  name);
	else
		cr_expect_null(o.hint, "--hint %s names a function", name);
	strbuf_release(&error);
	cr_assert_eq(parse(&o, &error, resolve), 0, "--resolve %s: %s", name,
		     error.buf);
	cr_expect_eq(o.mode, OPTIONS_RESOLVE);
	cr_expect_eq(o.resolved, e, "--resolve %s", name);
	strbuf_release(&error);
}

Test(options, every_name_of_an_exercise)
{
	char number[8], padded[8];

	for (size_t i = 0; i < catalog_count(); i++) {
		const struct catalog_exercise *e = catalog_exercise_at(i);
		unsigned all = 0;

		for (unsigned f = 0; e->functions[f]; f++)
			all |= 1u << f;
		snprintf(number, sizeof number, "%d", e->chapter);
		snprintf(padded, sizeof padded, "%02d", e->chapter);
		expect_names(number, i, all, NULL);
		expect_names(padded, i, all, NULL);
		expect_names(e->name, i, all, NULL);
		expect_names(e->file, i, all, NULL);
		for (unsigned f = 0; e->functions[f]; f++)
			expect_names(e->functions[f], i, 1u << f,
				     e->functions[f]);
	}
}

struct unknown_name {
	char args[2][40];
	char says[96];		/* part of the message */
	char not_says[24];	/* not in it, or "" */
};

ParameterizedTestParameters(options, unknown_names)
{
	static struct unknown_name cases[] = {
		{ { "--only", "sigmoud" }, "--only sigmoud: no exercise or "
		  "function is named that; did you mean ", "sigmoid_grad" },
		{ { "--only", "sigmoud" }, " sigmoid?", "" },
		{ { "--hint", "bce" }, "did you mean 02_bce.c, bce_loss or "
		  "bce_with_logits?", "" },
		{ { "--hint", "sigmoid_grd" }, "did you mean sigmoid_grad?",
		  "" },
		{ { "--only", "focal" }, "focal_loss", "" },
		{ { "--only", "xyzzy" }, "give a file (02_bce.c, 02_bce, 02 "
		  "or 2) or a function (bce_loss)", "did you mean" },
		{ { "--only", "99" }, "--only 99: no exercise of that number; "
		  "the exercises are 1 (01_sigmoid.c) to ",
		  "" },
		{ { "--only", "exercises/01_sigmoid.c" }, "name the exercise "
		  "without its folder, e.g. 01_sigmoid.c", "" },
		{ { "--resolve", "sigmoud" }, "sigmoud: no exercise", "--" },
		{ { "--seed", "-5" }, "--seed -5: a seed is a whole number "
		  "from 0 to 2^64-1", "" },
		{ { "--seed", "18446744073709551616" }, "a seed is a whole "
		  "number from 0 to 2^64-1 (18446744073709551615)", "" },
	};

	return cr_make_param_array(struct unknown_name, cases,
				   sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct unknown_name *c, options, unknown_names)
{
	const char *args[] = { c->args[0], c->args[1], NULL };
	struct options o;
	struct strbuf error;

	cr_assert_eq(parse(&o, &error, args), -1, "accepted %s %s",
		     c->args[0], c->args[1]);
	cr_expect(strstr(error.buf, c->says), "message \"%s\" lacks \"%s\"",
		  error.buf, c->says);
	cr_expect(!*c->not_says || !strstr(error.buf, c->not_says),
		  "message \"%s\" has \"%s\"", error.buf, c->not_says);
	cr_expect_null(strchr(error.buf, '\n'), "one line: %s", error.buf);
	strbuf_release(&error);
}

Test(options, suggestions_are_few_and_close)
{
	const char *names[CATALOG_MAX_SUGGESTIONS];
	char long_name[200];
	size_t count = catalog_suggest("loss", names);

	cr_assert_eq(count, CATALOG_MAX_SUGGESTIONS, "loss: %zu", count);
	for (size_t i = 0; i < count; i++)
		cr_expect(strstr(names[i], "loss"), "loss: %s", names[i]);
	cr_assert_eq(catalog_suggest("sigmod", names), 2);
	cr_expect_str_eq(names[0], "01_sigmoid.c");
	cr_expect_str_eq(names[1], "sigmoid");
	/* Case aside, an exact name comes first: the file's, then its own. */
	cr_assert_eq(catalog_suggest("SoftMax", names), 3);
	cr_expect_str_eq(names[0], "07_softmax.c");
	cr_expect_str_eq(names[1], "softmax");
	cr_expect_eq(catalog_suggest("qqqqqqqq", names), 0);
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	cr_expect_eq(catalog_suggest(long_name, names), 0);
}

Test(options, largest_seed)
{
	const char *args[] = { "--seed", "18446744073709551615", NULL };
	struct options o;
	struct strbuf error;

	cr_assert_eq(parse(&o, &error, args), 0, "%s", error.buf);
	cr_expect_eq(o.seed, UINT64_MAX);
	strbuf_release(&error);
}
