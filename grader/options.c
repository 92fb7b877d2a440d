/*
 * options.c - parsing and validating the command line; nothing here touches
 * the file system.
 */
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HELP_HINT " (build/grader --help lists the options)"

void options_init(struct options *options)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	memset(options, 0, sizeof *options);
	options->dir = "exercises";
	options->jobs = cores > 0 ? (unsigned)cores : 1;
}

void options_release(struct options *options)
{
	memset(options, 0, sizeof *options);
}

static unsigned all_functions(const struct catalog_exercise *exercise)
{
	unsigned bits = 0;

	for (unsigned i = 0; exercise->functions[i]; i++)
		bits |= 1u << i;
	return bits;
}

bool options_whole_exercise(const struct options *options, size_t index)
{
	return options->selected[index] ==
	       all_functions(catalog_exercise_at(index));
}

static int parse_unsigned(const char *text, uint64_t max, uint64_t *value)
{
	char *end;
	unsigned long long parsed;

	if (!*text || *text == '-' || *text == '+' || *text == ' ')
		return -1;
	errno = 0;
	parsed = strtoull(text, &end, 10);
	if (errno || *end || parsed > max)
		return -1;
	*value = parsed;
	return 0;
}

/* --only 02_bce.c, --only 02, --only 02_bce, --only bce_loss */
static int select_only(struct options *options, const char *text,
		       struct strbuf *error)
{
	const struct catalog_exercise *exercise = catalog_find_exercise(text);
	size_t index;

	if (!options->only_given)
		memset(options->selected, 0, sizeof options->selected);
	options->only_given = true;
	if (exercise) {
		index = (size_t)(exercise - catalog_exercise_at(0));
		options->selected[index] = all_functions(exercise);
		return 0;
	}
	exercise = catalog_exercise_of(text);
	if (!exercise) {
		strbuf_addf(error, "--only %s: no exercise file or function of "
			    "that name; give a file (02_bce.c or 02) or a "
			    "function (bce_loss)", text);
		return -1;
	}
	index = (size_t)(exercise - catalog_exercise_at(0));
	for (unsigned i = 0; exercise->functions[i]; i++)
		if (!strcmp(exercise->functions[i], text))
			options->selected[index] |= 1u << i;
	return 0;
}

/* The value of an option: "--json=F", "--json F", "-jN" or "-j N". */
static const char *option_value(int argc, char **argv, int *i,
				const char *inline_value, const char *name,
				struct strbuf *error)
{
	if (inline_value)
		return inline_value;
	if (*i + 1 >= argc) {
		strbuf_addf(error, "%s needs a value, e.g. %s", name,
			    !strcmp(name, "--json") ? "--json results.json" :
			    !strcmp(name, "--seed") ? "--seed 42" :
			    !strcmp(name, "--only") ? "--only 02_bce.c" :
			    "-j 4");
		return NULL;
	}
	return argv[++*i];
}

static int take_value(struct options *options, const char *name,
		      const char *value, struct strbuf *error)
{
	uint64_t number;

	if (!strcmp(name, "--json")) {
		if (!*value) {
			strbuf_addstr(error, "--json needs a file name, e.g. "
				      "--json results.json");
			return -1;
		}
		options->json = value;
	} else if (!strcmp(name, "--seed")) {
		if (parse_unsigned(value, UINT64_MAX, &number)) {
			strbuf_addf(error, "--seed %s: not a seed; give a "
				    "whole number such as --seed 42", value);
			return -1;
		}
		options->seed = number;
		options->seed_given = true;
	} else if (!strcmp(name, "--only")) {
		return select_only(options, value, error);
	} else {
		if (parse_unsigned(value, 256, &number) || number == 0) {
			strbuf_addf(error, "-j %s: give a number of parallel "
				    "jobs from 1 to 256, e.g. -j 4", value);
			return -1;
		}
		options->jobs = (unsigned)number;
	}
	return 0;
}

static bool takes_value(const char *name)
{
	return !strcmp(name, "--json") || !strcmp(name, "--seed") ||
	       !strcmp(name, "--only") || !strcmp(name, "-j") ||
	       !strcmp(name, "--jobs");
}

static int take_flag(struct options *options, const char *arg,
		     struct strbuf *error)
{
	if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet"))
		options->quiet = true;
	else if (!strcmp(arg, "-v") || !strcmp(arg, "--verbose"))
		options->verbose = true;
	else if (!strcmp(arg, "--no-color") || !strcmp(arg, "--no-colour"))
		options->no_color = true;
	else if (!strcmp(arg, "-h") || !strcmp(arg, "--help"))
		options->help = true;
	else if (!strcmp(arg, "--version"))
		options->version = true;
	else {
		strbuf_addf(error, "unknown option %s" HELP_HINT, arg);
		return -1;
	}
	return 0;
}

static int take_option(struct options *options, int argc, char **argv,
		       int *i, struct strbuf *error)
{
	char name[32];
	const char *arg = argv[*i], *inline_value = NULL, *value;
	const char *equals = strchr(arg, '=');

	if (!strncmp(arg, "-j", 2) && arg[2] && arg[1] != '-') {
		inline_value = arg + 2;
		arg = "-j";
	} else if (!strncmp(arg, "--", 2) && equals &&
		   (size_t)(equals - arg) < sizeof name) {
		memcpy(name, arg, (size_t)(equals - arg));
		name[equals - arg] = '\0';
		inline_value = equals + 1;
		arg = name;
		if (!takes_value(arg)) {
			strbuf_addf(error, "option %s takes no value"
				    HELP_HINT, arg);
			return -1;
		}
	}
	if (!takes_value(arg))
		return take_flag(options, arg, error);
	if (!strcmp(arg, "--jobs"))
		arg = "-j";
	value = option_value(argc, argv, i, inline_value, arg, error);
	if (!value)
		return -1;
	return take_value(options, arg, value, error);
}

int options_parse(struct options *options, int argc, char **argv,
		  struct strbuf *error)
{
	bool dir_given = false, only_options = false;

	for (size_t i = 0; i < catalog_count(); i++)
		options->selected[i] = all_functions(catalog_exercise_at(i));
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (!only_options && !strcmp(arg, "--")) {
			only_options = true;
		} else if (!only_options && arg[0] == '-' && arg[1]) {
			if (take_option(options, argc, argv, &i, error))
				return -1;
		} else if (dir_given) {
			strbuf_addf(error, "unexpected argument %s: give one "
				    "folder to grade" HELP_HINT, arg);
			return -1;
		} else if (!*arg) {
			strbuf_addstr(error, "the folder to grade is an empty "
				      "string; give a folder such as exercises");
			return -1;
		} else {
			options->dir = arg;
			dir_given = true;
		}
	}
	if (options->quiet && options->verbose) {
		strbuf_addstr(error, "-q and -v contradict each other; give "
			      "one of them");
		return -1;
	}
	return 0;
}

void options_print_help(const char *program)
{
	printf("Usage: %s [options] [DIR]\n"
	       "\n"
	       "Grades the exercise files in DIR (default: exercises) against "
	       "the workbook's\ntest suites and prints what to fix next.\n"
	       "\n"
	       "Options:\n"
	       "  --json FILE     also write the results as Gradescope "
	       "results.json to FILE\n"
	       "  --seed N        use seed N for the random test inputs "
	       "(default: a fresh one)\n"
	       "  --only WHAT     grade only WHAT: a file (02_bce.c or 02) or "
	       "a function\n"
	       "                  (bce_loss); may be given more than once\n"
	       "  -j N            grade N exercise files in parallel "
	       "(default: the number of cores)\n"
	       "  -q              print only the summary line\n"
	       "  -v              also list the tests that pass\n"
	       "  --no-color      no colours (also when NO_COLOR is set or "
	       "output is not a terminal)\n"
	       "  --help          show this help\n"
	       "  --version       show the grader's version\n"
	       "\n"
	       "Exit status: 0 every test passed, 1 some test failed, 2 the "
	       "grader could not run.\n", program);
}
