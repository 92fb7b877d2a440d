/*
 * corpus_patch.h - the corpus keeps a near-copy of a reference solution as a
 * unified diff against it (docs/design.md, "Corpora and their expect
 * files"); this rebuilds the file.
 *
 * The diff is taken against the base: the solution as a student would hand
 * it in, its release markers and stubs dropped.  Applying is strict: every
 * hunk must start at the line it names and its context must match exactly,
 * so a patch that a changed solution has outdated is an error, never a
 * silent guess.
 */
#ifndef TESTS_CORPUS_PATCH_H
#define TESTS_CORPUS_PATCH_H

#include <stddef.h>

/*
 * The base of a solution's text: its BEGIN SOLUTION and END SOLUTION marker
 * lines dropped, and each BEGIN STUB ... END STUB comment dropped with the
 * lines between (malloc'd; NULL when out of memory).
 */
char *corpus_patch_base(const char *solution);

/*
 * Applies the unified diff patch to base.  Returns 0 and the result in *out
 * (malloc'd), or -1 with *out NULL and one line saying what did not match
 * in error.
 */
int corpus_patch_apply(const char *base, const char *patch, char **out,
		       char *error, size_t error_size);

#endif /* TESTS_CORPUS_PATCH_H */
