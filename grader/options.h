/*
 * options.h - the grader's command line.
 *
 *   build/grader [--json FILE] [--seed N | --student ID] [--only WHAT]...
 *                [--hidden] [--hidden-summary=line|none | --instructor-view]
 *                [-j N] [-q | -v] [--all] [--no-color] [DIR]
 *   build/grader --watch | --progress | --hint NAME  [DIR]
 *   build/grader --resolve NAME
 *   build/grader --batch SUBMISSIONS [--out DIR] [--shard K/N] [-j N]
 *                [--from LMS] [--export LMS FILE] [--assignment NAME]
 *   build/grader --merge DIR
 */
#ifndef GRADER_OPTIONS_H
#define GRADER_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "batch/lms.h"
#include "core/catalog.h"
#include "core/disclosure.h"
#include "util/strbuf.h"

enum { OPTIONS_MAX_EXERCISES = CATALOG_EXERCISES };

enum options_mode {
	OPTIONS_GRADE,		/* one folder, one report */
	OPTIONS_BATCH,		/* a folder of submissions */
	OPTIONS_MERGE,		/* shard gradebooks into one */
	OPTIONS_WATCH,		/* re-grade a file when it is saved */
	OPTIONS_HINT,		/* the next hint of a function */
	OPTIONS_PROGRESS,	/* which exercises pass, what is next */
	OPTIONS_RESOLVE,	/* prints the exercise a name stands for */
};

struct options {
	enum options_mode mode;
	const char *dir;		/* default "exercises" */
	const char *batch;		/* --batch SUBMISSIONS */
	const char *merge;		/* --merge DIR */
	const char *out;		/* --out DIR, default "grades" */
	/*
	 * --hint NAME (named as catalog_resolve takes it): the exercise and
	 * the function; hint is NULL when NAME is a whole file, whose first
	 * function with a failing test gets the hint.
	 */
	const struct catalog_exercise *hint_exercise;
	const char *hint;
	/* --resolve NAME: the exercise NAME stands for (for make's rules) */
	const struct catalog_exercise *resolved;
	const char *student;		/* --student ID: seed from the secret */
	const char *secret_file;	/* --secret-file FILE, or NULL */
	const char *roster;		/* --roster FILE, or NULL */
	enum lms_kind from;		/* --from LMS: SUBMISSIONS's layout */
	enum lms_kind export_kind;	/* --export LMS FILE */
	const char *export_file;
	const char *assignment;		/* --assignment NAME, or NULL */
	const char *adjustments;	/* --adjustments FILE, or NULL */
	unsigned shard_index, shard_count; /* --shard K/N: 1..N of N; 1/1 */
	bool hidden;			/* include hidden tests */
	/* What the reports say of them: --hidden-summary, --instructor-view */
	enum disclosure_mode disclosure;
	bool disclosure_given;
	const char *json;		/* NULL: no JSON report */
	uint64_t seed;
	bool seed_given;
	unsigned jobs;			/* >= 1 */
	bool quiet, verbose, no_color, help, version;
	bool all;			/* --all: every failure's details */
	bool no_cache;			/* --no-cache */
	bool similarity;		/* --similarity */
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
