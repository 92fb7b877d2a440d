/*
 * batch_worker.h - one student of a batch, graded in a worker process of
 * its own: unpack (untrusted parsing stays out of the coordinator), find
 * the exercise files, grade them with hidden tests, and write the
 * student's feedback, Gradescope JSON and, last, resume record.
 */
#ifndef GRADER_BATCH_WORKER_H
#define GRADER_BATCH_WORKER_H

#include "adjust.h"
#include "batch_entries.h"
#include "options.h"
#include "core/resources.h"

struct batch_context {
	const struct options *options;
	const struct resources *resources;	/* hidden suites */
	char *out;			/* OUT */
	char *feedback_dir;		/* OUT/feedback */
	char *json_dir;			/* OUT/json */
	char *state_dir;		/* OUT/.state */
	char *cache_dir;		/* OUT/.cache (absolute), or NULL */
	/* Applied when the gradebook is written, never in a worker. */
	const struct adjust_file *adjustments;
};

/*
 * Grades entry and writes its files.  Returns the worker's exit status:
 * 0 when the student's record was written (whatever their result), else
 * non-zero with a line on stderr (the coordinator then records an error).
 */
int batch_worker_run(const struct batch_context *context,
		     const struct batch_entry *entry, const char *fingerprint);

/*
 * Records a student who got no grade from a worker (it crashed, timed out
 * or could not start): status "error", feedback saying why.  0 or -1.
 */
int batch_worker_record_problem(const struct batch_context *context,
				const struct batch_entry *entry,
				const char *fingerprint, const char *status,
				const char *problem);

/*
 * The problem text of an `error` the grader caused (its own timeout, a
 * worker killed under load) after its retry: says so, and that the
 * student has nothing to do (malloc'd).
 */
char *batch_worker_grader_failed(const char *why);

/*
 * Writes the feedback pages of an entry the coordinator already judged
 * (entry->status and entry->problem set).  0, or -1 with a line on stderr.
 */
int batch_worker_write_page(const struct batch_context *context,
			    const struct batch_entry *entry);

#endif /* GRADER_BATCH_WORKER_H */
