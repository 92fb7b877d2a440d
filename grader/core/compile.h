/*
 * compile.h - from a student's exercise file to a runner program: copy the
 * file into a private scratch folder, compile it against the grader's own
 * workbook.h, check it with the symbol policy and link it with the runner
 * (grader/runner/runner.h): the program that runs the student's code.
 */
#ifndef GRADER_COMPILE_H
#define GRADER_COMPILE_H

#include "catalog.h"
#include "resources.h"
#include "results.h"
#include "util/strbuf.h"

/* Files larger than this are not exercise files. */
#define COMPILE_MAX_SOURCE_BYTES ((size_t)1 << 20)

struct compile_job {
	const struct resources *resources;
	const struct catalog_exercise *exercise;
	const char *student_path;	/* the file to read */
	/* Its name in messages: relative to the submission, never absolute. */
	const char *shown;
	const char *workdir;		/* private scratch folder */
	const char *cache_dir;		/* see cache.h; NULL: no cache */
};

struct compile_result {
	/* RESULTS_FILE_OK when binary is ready to run. */
	enum results_file_status status;
	struct strbuf message;		/* why the file cannot be graded */
	struct strbuf warnings;		/* compiler warnings: advice */
	char *binary;			/* the linked runner program */
	bool transient;			/* may not repeat (a timeout): not cached */
	/* The cache identity the binary was built from; empty: not cached. */
	struct strbuf key;
};

void compile_result_init(struct compile_result *result);
void compile_result_release(struct compile_result *result);

/*
 * Returns 0 when the file was dealt with (see result->status), -1 when the
 * grader itself failed (a tool could not be started); message says why.
 */
int compile_exercise(const struct compile_job *job,
		     struct compile_result *result);

#endif /* GRADER_COMPILE_H */
