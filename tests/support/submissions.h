/*
 * submissions.h - a folder of mixed submissions for the batch tests, with
 * what the gradebook must say about each student: mostly copies of
 * solutions/ with one or two files broken in known ways (wrong formula,
 * compile error, missing file, stub), hostile files from the corpus
 * (infinite loop, fork bomb, exit(0), output flood), .tar.gz and .zip
 * archives, broken archives, a UTF-8 name with a space, a duplicate, a loose
 * file (README.txt, a row of its own) and a hidden folder (skipped).
 */
#ifndef TESTS_SUBMISSIONS_H
#define TESTS_SUBMISSIONS_H

#include <stddef.h>

#include "catalog.h"

enum { SUBMISSIONS_EXERCISES = CURRICULUM_EXERCISES, SUBMISSIONS_EXTRA = 3 };

struct submission_expect {
	char id[32];
	const char *status;
	/*
	 * Per exercise file: 'F' full points, '0' none, 'L' fewer than full
	 * (some test fails); empty for a student who is not graded.
	 */
	char points[SUBMISSIONS_EXERCISES + 1];
};

/*
 * Fills dir (it exists, empty) with `count` students s000 ... plus "张伟
 * Li", a duplicate and README.txt, and writes one expectation per
 * gradebook row into expect (room for count + SUBMISSIONS_EXTRA), sorted as the gradebook is.  Returns the
 * number of rows.  Run from the top of the repository.
 */
size_t submissions_make(const char *dir, size_t count,
			struct submission_expect *expect);

#endif /* TESTS_SUBMISSIONS_H */
