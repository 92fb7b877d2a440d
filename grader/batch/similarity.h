/*
 * similarity.h - build/grader --batch ... --similarity (and --merge DIR
 * --similarity): each exercise file of the class compared with every other
 * student's by sim_c (Debian's similarity-tester), which matches runs of
 * tokens whatever the layout, comments and names of identifiers, numbers
 * and strings.  The stub every student started from (exercises/NN_name.c,
 * kept beside the grader as stubs/NN_name.c) would match everywhere, so
 * each line of a student's file that is a line of the stub (spaces aside,
 * and holding a letter or digit) is blanked before sim_c reads it.
 *
 * The result is OUT/similarity.md and OUT/similarity.html: the pairs that
 * share the most tokens, ranked, each with its longest shared runs side by
 * side.  A signal for a human to look at, never a verdict.  sim_c runs as a
 * tool (sandboxed, SIMILARITY_SECONDS per exercise file) and what it writes
 * is read as untrusted text (similarity_parse.h).
 */
#ifndef GRADER_SIMILARITY_H
#define GRADER_SIMILARITY_H

#include "util/strbuf.h"

/* The most one exercise's sim_c run may take. */
#define SIMILARITY_SECONDS 600.0
/* The largest output of sim_c read. */
#define SIMILARITY_OUTPUT_MIB 64
#define SIMILARITY_OUTPUT_BYTES ((size_t)SIMILARITY_OUTPUT_MIB << 20)

/* The report: the pairs ranked, and of each its longest runs. */
enum { SIMILARITY_TOP_PAIRS = 20, SIMILARITY_RUNS_SHOWN = 3,
       SIMILARITY_RUN_LINES = 40 };

/*
 * Before a batch: 0 when sim_c and the stubs are there, or -1 with one
 * line in error saying what to install or build.
 */
int similarity_check(struct strbuf *error);

/*
 * Compares the graded students of out/gradebook.csv (their files kept in
 * out/.results, class_store.h) and writes the report.  0, or -1 with one
 * line in error.
 */
int similarity_write(const char *out, struct strbuf *error);

#endif /* GRADER_SIMILARITY_H */
