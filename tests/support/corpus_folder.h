/*
 * corpus_folder.h - a corpus folder as the grader must see it: its files
 * copied, each NAME.patch replaced by the NAME it rebuilds from
 * solutions/NAME (tests/support/corpus_patch.h).  Shared by the corpus test
 * and the batch tests' generated class.
 */
#ifndef TESTS_CORPUS_FOLDER_H
#define TESTS_CORPUS_FOLDER_H

#include <stddef.h>

/*
 * Copies the regular files of folder into dst (which exists), rebuilding
 * patches.  Returns 0, or -1 with one line in error saying what failed and
 * how to regenerate the patch.  Run from the project's root.
 */
int corpus_folder_copy(const char *folder, const char *dst, char *error,
		       size_t error_size);

#endif /* TESTS_CORPUS_FOLDER_H */
