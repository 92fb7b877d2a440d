/*
 * batch_state.h - what makes a batch resumable: OUT/.state/ID holds the
 * student's gradebook row and a fingerprint of what was graded (the
 * submission's bytes and times, the seed, the grader build and what the
 * feedback shows of hidden tests) and when the student handed in.  A
 * student whose record is there with the same fingerprint is not graded
 * again.  The record is written last, after the student's other files, so
 * its presence means the student is done.
 */
#ifndef GRADER_BATCH_STATE_H
#define GRADER_BATCH_STATE_H

#include <stdbool.h>

#include "batch_entries.h"
#include "core/disclosure.h"
#include "util/strbuf.h"

/*
 * The fingerprint of an entry as it is now (malloc'd, one line); what the
 * feedback shows of hidden tests is part of it, so changing
 * --hidden-summary or --instructor-view rewrites every student's pages.
 */
char *batch_state_fingerprint(const struct batch_entry *entry,
			      enum disclosure_mode disclosure);

/*
 * Writes state_dir/ID through a temporary file: the fingerprint, when the
 * student handed in, and the gradebook row `record`.  0, or -1 with errno.
 */
int batch_state_write(const char *state_dir, const char *id,
		      const char *fingerprint,
		      const struct batch_time *submitted, const char *record);

/*
 * Reads state_dir/ID into record (the gradebook row with its line end) and
 * submitted.  Returns 1 when it is there and its fingerprint is this one,
 * else 0.
 */
int batch_state_read(const char *state_dir, const char *id,
		     const char *fingerprint, struct strbuf *record,
		     struct batch_time *submitted);

#endif /* GRADER_BATCH_STATE_H */
