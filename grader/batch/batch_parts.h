/*
 * batch_parts.h - the files of a student of a flat LMS download (Canvas,
 * Moodle without folders) copied into a scratch folder under the names
 * they were handed in with, so the student is graded as a folder is.
 */
#ifndef GRADER_BATCH_PARTS_H
#define GRADER_BATCH_PARTS_H

#include "batch_entries.h"
#include "util/strbuf.h"
#include "util/unpack.h"

/*
 * Copies entry's parts into dest (an existing empty folder) within the
 * limits an archive has.  A part whose name cannot name a file (".",
 * "..") is left out.  Returns 0, or -1 with one line in error naming the
 * file and what is wrong.
 */
int batch_parts_copy(const struct batch_entry *entry, const char *dest,
		     const struct unpack_limits *limits,
		     struct strbuf *error);

#endif /* GRADER_BATCH_PARTS_H */
