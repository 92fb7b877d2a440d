/*
 * options.c - parsing and validating the command line; nothing here touches
 * the file system.
 */
#include "options.h"
#include "options_internal.h"

#include <errno.h>
#include <inttypes.h>
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

/* An example for each option that takes a value, for error messages. */
static const struct {
	const char *name, *example;
} value_options[] = {
	{ "--json", "--json results.json" },
	{ "--seed", "--seed 42" },
	{ "--only", "--only 02_bce.c" },
	{ "-j", "-j 4" },
	{ "--batch", "--batch submissions" },
	{ "--merge", "--merge grades" },
	{ "--out", "--out grades" },
	{ "--hint", "--hint bce_loss" },
	{ "--resolve", "--resolve 02" },
	{ "--student", "--student alice" },
	{ "--secret-file", "--secret-file course.secret" },
	{ "--roster", "--roster roster.csv" },
	{ "--from", "--from canvas" },
	{ "--assignment", "--assignment \"Workbook (1234)\"" },
	{ "--adjustments", "--adjustments grades/adjustments" },
	{ "--shard", "--shard 1/4" },
	{ "--hidden-summary", "--hidden-summary=none" },
};

static const char *value_example(const char *name)
{
	for (size_t i = 0; i < sizeof value_options / sizeof *value_options; i++)
		if (!strcmp(value_options[i].name, name))
			return value_options[i].example;
	return NULL;
}

static bool takes_value(const char *name)
{
	return value_example(name) != NULL || !strcmp(name, "--jobs");
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
			    value_example(name));
		return NULL;
	}
	return argv[++*i];
}

static int set_mode(struct options *options, enum options_mode mode,
		    const char *name, struct strbuf *error)
{
	if (options->mode != OPTIONS_GRADE && options->mode != mode) {
		strbuf_addf(error, "%s cannot be combined with --batch, "
			    "--merge, --watch, --hint, --progress or --resolve; "
			    "give one of them", name);
		return -1;
	}
	options->mode = mode;
	return 0;
}

/* --shard K/N with 1 <= K <= N <= 100000. */
static int take_shard(struct options *options, const char *value,
		      struct strbuf *error)
{
	char *copy = xstrdup(value), *slash = strchr(copy, '/');
	uint64_t k, n;
	int status = -1;

	if (slash) {
		*slash = '\0';
		if (!parse_unsigned(copy, 100000, &k) &&
		    !parse_unsigned(slash + 1, 100000, &n) && k >= 1 && k <= n) {
			options->shard_index = (unsigned)k;
			options->shard_count = (unsigned)n;
			status = 0;
		}
	}
	if (status)
		strbuf_addf(error, "--shard %s: give K/N with 1 <= K <= N, "
			    "e.g. --shard 1/4 for the first of four", value);
	free(copy);
	return status;
}

static int take_path(const char **field, const char *name, const char *value,
		     struct strbuf *error)
{
	if (!*value) {
		strbuf_addf(error, "%s needs a non-empty value, e.g. %s", name,
			    value_example(name));
		return -1;
	}
	*field = value;
	return 0;
}

static int take_number(struct options *options, const char *name,
		       const char *value, struct strbuf *error)
{
	uint64_t number;

	if (!strcmp(name, "--seed")) {
		if (parse_unsigned(value, UINT64_MAX, &number)) {
			strbuf_addf(error, "--seed %s: a seed is a whole "
				    "number from 0 to 2^64-1 (%" PRIu64 "), "
				    "e.g. --seed 42", value, UINT64_MAX);
			return -1;
		}
		options->seed = number;
		options->seed_given = true;
		return 0;
	}
	if (parse_unsigned(value, 256, &number) || number == 0) {
		strbuf_addf(error, "-j %s: give a number of parallel jobs from "
			    "1 to 256, e.g. -j 4", value);
		return -1;
	}
	options->jobs = (unsigned)number;
	return 0;
}

/* --hidden-summary and --instructor-view: one of them, once. */
static int take_disclosure(struct options *options, const char *name,
			   const char *value, struct strbuf *error)
{
	if (options->disclosure_given) {
		strbuf_addstr(error, "--hidden-summary and --instructor-view "
			      "each say what the reports show of the hidden "
			      "tests; give one of them, once");
		return -1;
	}
	options->disclosure_given = true;
	if (!value) {
		options->disclosure = DISCLOSURE_INSTRUCTOR;
		return 0;
	}
	if (disclosure_parse(value, &options->disclosure) != 0) {
		strbuf_addf(error, "%s %s: give line (one line \"N hidden "
			    "tests: M passed\", the default) or none (nothing "
			    "about them)", name, value);
		return -1;
	}
	return 0;
}

static int take_value(struct options *options, const char *name,
		      const char *value, struct strbuf *error)
{
	if (!strcmp(name, "--hidden-summary"))
		return take_disclosure(options, name, value, error);
	if (!strcmp(name, "--only"))
		return options_select_only(options, value, error);
	if (!strcmp(name, "--shard"))
		return take_shard(options, value, error);
	if (!strcmp(name, "--seed") || !strcmp(name, "-j"))
		return take_number(options, name, value, error);
	if (!strcmp(name, "--batch"))
		return set_mode(options, OPTIONS_BATCH, name, error) ||
		       take_path(&options->batch, name, value, error);
	if (!strcmp(name, "--merge"))
		return set_mode(options, OPTIONS_MERGE, name, error) ||
		       take_path(&options->merge, name, value, error);
	if (!strcmp(name, "--hint"))
		return set_mode(options, OPTIONS_HINT, name, error) ||
		       options_take_hint(options, value, error);
	if (!strcmp(name, "--resolve"))
		return set_mode(options, OPTIONS_RESOLVE, name, error) ||
		       options_take_resolve(options, value, error);
	if (!strcmp(name, "--json"))
		return take_path(&options->json, name, value, error);
	if (!strcmp(name, "--out"))
		return take_path(&options->out, name, value, error);
	if (!strcmp(name, "--student"))
		return take_path(&options->student, name, value, error);
	if (!strcmp(name, "--roster"))
		return take_path(&options->roster, name, value, error);
	if (!strcmp(name, "--from"))
		return options_take_from(options, value, error);
	if (!strcmp(name, "--assignment"))
		return options_take_assignment(options, value, error);
	if (!strcmp(name, "--adjustments"))
		return take_path(&options->adjustments, name, value, error);
	return take_path(&options->secret_file, name, value, error);
}

static int take_flag(struct options *options, const char *arg,
		     struct strbuf *error)
{
	if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet"))
		options->quiet = true;
	else if (!strcmp(arg, "-v") || !strcmp(arg, "--verbose"))
		options->verbose = true;
	else if (!strcmp(arg, "--all"))
		options->all = true;
	else if (!strcmp(arg, "--no-color") || !strcmp(arg, "--no-colour"))
		options->no_color = true;
	else if (!strcmp(arg, "-h") || !strcmp(arg, "--help"))
		options->help = true;
	else if (!strcmp(arg, "--version"))
		options->version = true;
	else if (!strcmp(arg, "--hidden"))
		options->hidden = true;
	else if (!strcmp(arg, "--instructor-view"))
		return take_disclosure(options, arg, NULL, error);
	else if (!strcmp(arg, "--no-cache"))
		options->no_cache = true;
	else if (!strcmp(arg, "--similarity"))
		options->similarity = true;
	else if (!strcmp(arg, "--watch"))
		return set_mode(options, OPTIONS_WATCH, arg, error);
	else if (!strcmp(arg, "--progress"))
		return set_mode(options, OPTIONS_PROGRESS, arg, error);
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

	if (!strcmp(arg, "--export") || !strncmp(arg, "--export=", 9))
		return options_take_export(options, argc, argv, i, error);
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

/* Combinations that make no sense, each with what to do instead. */
static int check_combinations(const struct options *options,
			      bool dir_given, struct strbuf *error)
{
	bool many = options->mode == OPTIONS_BATCH ||
		    options->mode == OPTIONS_MERGE;

	if (options->quiet && options->verbose)
		strbuf_addstr(error, "-q and -v contradict each other; give "
			      "one of them");
	else if (many && dir_given)
		strbuf_addf(error, "unexpected argument %s: --batch and --merge "
			    "take their folder as the option's value",
			    options->dir);
	else if (many && (options->seed_given || options->student))
		strbuf_addstr(error, "--seed and --student grade one folder; "
			      "a batch derives each student's seed from the "
			      "course secret (--secret-file)");
	else if (options->seed_given && options->student)
		strbuf_addstr(error, "--seed and --student both choose the "
			      "seed; give one of them");
	else if (options->shard_count && options->mode != OPTIONS_BATCH)
		strbuf_addstr(error, "--shard only applies to --batch, e.g. "
			      "--batch submissions --shard 1/4");
	else if (options->mode == OPTIONS_MERGE && options->out)
		strbuf_addstr(error, "--merge writes into the folder it is "
			      "given; leave out --out");
	else if (options->roster && options->mode != OPTIONS_BATCH)
		strbuf_addstr(error, "--roster only applies to --batch, e.g. "
			      "--batch submissions --roster roster.csv");
	else if (options->similarity && !many)
		strbuf_addstr(error, "--similarity compares a class; give it "
			      "with --batch SUBMISSIONS or --merge DIR");
	else if (options->similarity && options->shard_count > 1)
		strbuf_addstr(error, "--similarity compares the whole class, "
			      "not a shard: leave it out here and give it to "
			      "--merge DIR once every shard is done");
	else if (options->adjustments && options->mode != OPTIONS_BATCH)
		strbuf_addstr(error, "--adjustments only applies to --batch, "
			      "e.g. --batch submissions --adjustments "
			      "grades/adjustments");
	else if (options->out && options->mode != OPTIONS_BATCH)
		strbuf_addstr(error, "--out only applies to --batch, e.g. "
			      "--batch submissions --out grades");
	else
		return options_check_lms(options, error);
	return -1;
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
	if (check_combinations(options, dir_given, error))
		return -1;
	if (!options->shard_count)
		options->shard_index = options->shard_count = 1;
	if (!options->out)
		options->out = "grades";
	return 0;
}
