/*
 * lms_entries.h - the students of an LMS bulk download (--from): Canvas's
 * flat files grouped by user id, Moodle's folders or files grouped by
 * participant, Gradescope's submission folders with the students
 * submission_metadata.yml names.  Every entry of the folder still gets a
 * row: one the layout does not explain is listed as a plain batch lists
 * it (a loose file, a folder, ...).
 */
#ifndef GRADER_LMS_ENTRIES_H
#define GRADER_LMS_ENTRIES_H

#include <sys/types.h>

#include "batch_entries.h"
#include "lms.h"

/*
 * Lists dir as the given LMS lays it out (LMS_NONE: as a plain batch).
 * Returns 0, or -1 with one line in error.
 */
int lms_entries_list(struct batch_entries *entries, enum lms_kind kind,
		     const char *dir, dev_t skip_dev, ino_t skip_ino,
		     struct strbuf *error);

#endif /* GRADER_LMS_ENTRIES_H */
