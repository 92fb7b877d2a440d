/*
 * batch_tally.h - the end of a batch: the gradebook (every student's row
 * read back from their record, in id order, written at once) and the
 * summary for the instructor (counts per status, mean score, where the
 * files are, what to do next).
 */
#ifndef GRADER_BATCH_TALLY_H
#define GRADER_BATCH_TALLY_H

#include "batch_entries.h"
#include "batch_worker.h"
#include "report/gradebook.h"

/* The row of a student who is not graded: a bad name or a duplicate. */
void batch_tally_synthetic_row(const struct batch_entry *entry,
			       struct gradebook_row *row);

/*
 * A finished batch: writes OUT/gradebook.csv (or the shard's), removes a
 * partial one, and prints the summary.  An unfinished (interrupted) one:
 * writes OUT/gradebook.partial.csv (or the shard's), whose students with
 * no result yet have the status `pending`.  Either applies the
 * adjustments file (batch_adjust.h).  Returns 0, or 2 when a record of a
 * finished batch is missing or a file cannot be written.
 */
int batch_tally_write(const struct batch_context *context,
		      const struct options *options,
		      const struct batch_entries *entries, bool finished);

#endif /* GRADER_BATCH_TALLY_H */
