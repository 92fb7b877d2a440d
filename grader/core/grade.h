/*
 * grade.h - grading one exercise file: compile and link it, run its suite,
 * and turn whatever happened into one verdict per test, each with feedback
 * a student can act on.  A missing, broken or misbehaving file loses only
 * its own tests; which tests those are is learnt from the suite linked
 * without a student file.
 */
#ifndef GRADER_GRADE_H
#define GRADER_GRADE_H

#include <stdint.h>

#include "catalog.h"
#include "resources.h"
#include "results.h"

struct grade_task {
	const struct resources *resources;
	const struct catalog_exercise *exercise;
	const char *dir;		/* the student's folder */
	/* The file below dir (discover.h); NULL: the exercise's name. */
	const char *file;
	const char *shown;		/* its name in messages (compile.h) */
	const char *workdir;		/* private scratch folder */
	uint64_t seed;
	unsigned selected;		/* a bit per function of the exercise */
	bool whole;			/* every function selected */
	bool hidden;			/* instructor grading: hidden tests too */
	/* The seed was given or derived, not drawn: verdicts may be cached. */
	bool seed_chosen;
	/*
	 * A folder for linked suite programs keyed by the file's content and
	 * shared by every grading of this grader build, or NULL: no cache.
	 */
	const char *cache_dir;
};

/*
 * Fills results (which the caller initialised).  Failures of the grader
 * itself are recorded as RESULTS_FILE_INTERNAL with a message.
 */
void grade_exercise(const struct grade_task *task, struct results *results);

#endif /* GRADER_GRADE_H */
