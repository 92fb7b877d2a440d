/*
 * batch_adjust.h - the instructor's adjustments file (adjust.h) in a
 * batch: found (--adjustments FILE, else OUT/adjustments when there is
 * one), checked before anything is graded, and applied to each row as the
 * gradebook is written, with the section of the student's feedback page
 * that explains it.  Records and the cache never hold any of it, so an
 * edit shows on the next run without grading anybody again.
 */
#ifndef GRADER_BATCH_ADJUST_H
#define GRADER_BATCH_ADJUST_H

#include "adjust.h"
#include "batch_entries.h"
#include "batch_worker.h"
#include "report/gradebook.h"

/*
 * Loads the file into `file` (left empty when there is none).  0, or -1
 * with one line "FILE:LINE: ..." in error.
 */
int batch_adjust_load(struct adjust_file *file, const char *given,
		      const char *out, struct strbuf *error);

/*
 * Warns on stderr (one line each) of students the file names that are not
 * in the batch: a misspelt id would otherwise change nothing, silently.
 */
void batch_adjust_check_ids(const struct adjust_file *file,
			    const struct batch_entries *entries);

/*
 * Sets the adjusted columns of row and rewrites the student's feedback
 * page's section from the instructor (removed when there is nothing to
 * say).  A `pending` row (not graded yet) is left as it is.  0, or -1 with a line on stderr when the page cannot be written.
 */
int batch_adjust_row(const struct batch_context *context,
		     const struct batch_entry *entry,
		     const struct batch_time *submitted,
		     struct gradebook_row *row);

#endif /* GRADER_BATCH_ADJUST_H */
