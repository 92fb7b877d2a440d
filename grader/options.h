/*
 * options.h - the grader's command line.
 *
 *   build/grader [--json FILE] [--seed N] [--only FILE_OR_FUNCTION]...
 *                [-j N] [-q | -v] [--no-color] [DIR]
 */
#ifndef GRADER_OPTIONS_H
#define GRADER_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"
#include "strbuf.h"

enum { OPTIONS_MAX_EXERCISES = 8 };

struct options {
	const char *dir;		/* default "exercises" */
	const char *json;		/* NULL: no JSON report */
	uint64_t seed;
	bool seed_given;
	unsigned jobs;			/* >= 1 */
	bool quiet, verbose, no_color, help, version;
	/*
	 * What --only selected: per exercise (catalog order) a bit per
	 * function of that exercise; 0 means not graded.  Without --only
	 * every bit is set.
	 */
	unsigned selected[OPTIONS_MAX_EXERCISES];
	bool only_given;
};

void options_init(struct options *options);
void options_release(struct options *options);

/*
 * Parses argv.  Returns 0, or -1 with a one-line message (naming the
 * argument and what to do) in error.
 */
int options_parse(struct options *options, int argc, char **argv,
		  struct strbuf *error);

/* Whether every function of exercise `index` is selected. */
bool options_whole_exercise(const struct options *options, size_t index);

void options_print_help(const char *program);

#endif /* GRADER_OPTIONS_H */
