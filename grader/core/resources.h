/*
 * resources.h - the files the grader needs besides the student's, found
 * next to its own executable (/proc/self/exe), so build/grader works from
 * any folder: suites/NN_name.judge (the suite programs), runner/runner.o
 * (what a student's object is linked with), include/workbook.h; and the C
 * compiler.
 *
 * The suites come in two builds: suites/NN_name.* (the student build,
 * without hidden tests) and suites/hidden/NN_name.* (the instructor build,
 * with them), chosen by resources_use_hidden.
 */
#ifndef GRADER_RESOURCES_H
#define GRADER_RESOURCES_H

#include <stdbool.h>

#include "catalog.h"
#include "util/strbuf.h"

struct resources {
	char *root;		/* the grader's own folder */
	char *header;		/* its copy of workbook.h */
	char *runner;		/* runner/runner.o */
	char *cc;		/* absolute path of the C compiler */
	bool hidden;		/* use the suites with hidden tests */
};

void resources_init(struct resources *resources);
void resources_release(struct resources *resources);

/*
 * Chooses the instructor suites (hidden tests included) or the student
 * ones (the default).  Choose before resources_check_suite.
 */
void resources_use_hidden(struct resources *resources, bool hidden);

/* 0, or -1 with a one-line message naming what is missing. */
int resources_locate(struct resources *resources, struct strbuf *error);

/* 0 when the suite of an exercise is built, or -1 with a message. */
int resources_check_suite(const struct resources *resources,
			  const struct catalog_exercise *exercise,
			  struct strbuf *error);

/*
 * The judge of an exercise (malloc'd absolute path): its suite program,
 * built once per grader build, which never maps student code.
 */
char *resources_suite_judge(const struct resources *resources,
			    const struct catalog_exercise *exercise);

/* The absolute path of a program on PATH (malloc'd), or NULL. */
char *resources_find_program(const char *name);

/*
 * A file beside the grader (relative to its folder), resolved (malloc'd),
 * or NULL with a one-line message saying how to build it.
 */
char *resources_beside(const char *relative, struct strbuf *error);

#endif /* GRADER_RESOURCES_H */
