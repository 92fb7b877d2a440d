/*
 * batch_run.h - the coordinator's pool of student workers: at most
 * `parallel` at once, each in its own process group so that a timeout or
 * an interrupt ends the worker and everything it started.  A worker that
 * crashes or runs past its wall clock (300 s, or $WB_BATCH_TIMEOUT) gets
 * the status `error`; the batch goes on.  Only each student's small
 * record is read back.
 */
#ifndef GRADER_BATCH_RUN_H
#define GRADER_BATCH_RUN_H

/* A student's worker is stopped after this long (WB_BATCH_TIMEOUT). */
#define BATCH_RUN_SECONDS 300.0

#include <stddef.h>

#include "batch_progress.h"
#include "batch_worker.h"

struct batch_job {
	const struct batch_entry *entry;
	char *fingerprint;
};

/*
 * Grades every job.  Returns 0 when each one has a record, or the number
 * of the signal (SIGINT, SIGTERM, SIGHUP) that interrupted the batch, after
 * its workers were stopped.
 */
int batch_run_workers(const struct batch_context *context,
		      const struct batch_job *jobs, size_t count,
		      unsigned parallel, struct batch_progress *progress);

/*
 * Reads a student's record back as a row and when they handed in
 * (submitted may be NULL); 0, or -1 when it is missing.
 */
int batch_run_read_row(const struct batch_context *context,
		       const struct batch_job *job, struct strbuf *record,
		       struct gradebook_fields *fields,
		       struct gradebook_row *row, struct batch_time *submitted);

#endif /* GRADER_BATCH_RUN_H */
