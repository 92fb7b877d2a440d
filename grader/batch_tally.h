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
#include "gradebook.h"

/* The row of a student who is not graded: a bad name or a duplicate. */
void batch_tally_synthetic_row(const struct batch_entry *entry,
			       struct gradebook_row *row);

/*
 * Writes OUT/gradebook.csv (or the shard's) and prints the summary.
 * Returns the batch's exit status: 0, or 2 when a record is missing or the
 * gradebook cannot be written.
 */
int batch_tally_write(const struct batch_context *context,
		      const struct options *options,
		      const struct batch_entries *entries);

#endif /* GRADER_BATCH_TALLY_H */
