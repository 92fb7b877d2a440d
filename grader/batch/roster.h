/*
 * roster.h - the class list given by --roster FILE: a CSV file (RFC 4180
 * quoting, UTF-8, "\n" or "\r\n" line ends) whose first line is the
 * header `id,name,email` and each further line one student.  The id is
 * the name of that student's entry in SUBMISSIONS (without the archive
 * extension; with --from, the LMS's id); name and email may be empty.  Blank lines are skipped.
 */
#ifndef GRADER_ROSTER_H
#define GRADER_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "batch_entries.h"
#include "util/strbuf.h"

/* The largest roster file read. */
#define ROSTER_MAX_BYTES ((size_t)16 << 20)

struct roster_student {
	char *id, *name, *email;	/* name and email may be "" */
};

struct roster {
	struct roster_student *students;	/* sorted by id */
	size_t nr, alloc;
};

void roster_init(struct roster *roster);
void roster_release(struct roster *roster);

/*
 * Reads path.  Returns 0, or -1 with one line in error naming the file,
 * the line and what to fix.
 */
int roster_load(struct roster *roster, const char *path,
		struct strbuf *error);

/*
 * Adds a "missing" entry for every roster student with no entry, marks
 * the entries whose id the roster lacks (off_roster), and gives each
 * entry the roster's name and email (over what an LMS layout said, when
 * the roster's are not empty).
 */
void roster_apply(const struct roster *roster,
		  struct batch_entries *entries);

#endif /* GRADER_ROSTER_H */
