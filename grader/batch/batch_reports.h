/*
 * batch_reports.h - the reports on a whole class, written when its
 * gradebook.csv is (at the end of an unsharded batch, and by --merge):
 * class.html and class.md (class_report.h) always, similarity.html and
 * similarity.md (similarity.h) with --similarity.
 */
#ifndef GRADER_BATCH_REPORTS_H
#define GRADER_BATCH_REPORTS_H

#include <stdbool.h>

#include "util/strbuf.h"

/*
 * Writes the reports into out and appends to lines what the instructor
 * should know: where they are, and why a part is missing.  0, or -1 with
 * one line in error.
 */
int batch_reports_write(const char *out, bool similarity,
			struct strbuf *lines, struct strbuf *error);

#endif /* GRADER_BATCH_REPORTS_H */
