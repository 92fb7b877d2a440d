/*
 * lms_export.h - the gradebook in an LMS's import format (--export LMS
 * FILE): Canvas's gradebook CSV (with its "Points Possible" row), a Moodle
 * grading worksheet, or Gradescope's score upload CSV.  The identity
 * columns come from the roster or the LMS layout; docs/instructors.md
 * ("Gradebooks for an LMS") says what goes where.
 */
#ifndef GRADER_LMS_EXPORT_H
#define GRADER_LMS_EXPORT_H

#include "batch_entries.h"
#include "lms.h"
#include "report/gradebook.h"

/* The assignment's column (Canvas) when --assignment is not given. */
#define LMS_EXPORT_ASSIGNMENT "Cross-Entropy Workbook"

struct lms_export_row {
	const struct batch_entry *entry;	/* borrowed */
	char *score;			/* "" when there is no grade to give */
	size_t max;			/* 0 for a student not graded */
};

struct lms_export {
	enum lms_kind kind;
	enum lms_kind from;		/* where the ids came from */
	const char *assignment;
	struct lms_export_row *rows;
	size_t nr, alloc;
};

void lms_export_init(struct lms_export *export, enum lms_kind kind,
		     enum lms_kind from, const char *assignment);
void lms_export_release(struct lms_export *export);

/* Adds the student's row (row as the gradebook has it). */
void lms_export_add(struct lms_export *export,
		    const struct batch_entry *entry,
		    const struct gradebook_row *row);

/*
 * Writes the file (through a temporary one).  Returns 0, or -1 with one
 * line in error.
 */
int lms_export_write(const struct lms_export *export, const char *path,
		     struct strbuf *error);

#endif /* GRADER_LMS_EXPORT_H */
