/*
 * class_report.h - OUT/class.md and OUT/class.html, the instructor's view
 * of a whole class: a histogram of the totals and of each exercise file's
 * points, the tests most students fail, the commonest first diagnosis of
 * each file and the students who need attention, with links to their
 * feedback.  The HTML page is standalone (the drawings are inline SVG, the
 * style inline; nothing is fetched).  Both are made from gradebook.csv and
 * the per-student results (class_store.h) alone, so the end of a batch and
 * a merge of shards make the same report.  They name students: they are
 * for the instructor, never to hand out.
 */
#ifndef GRADER_CLASS_REPORT_H
#define GRADER_CLASS_REPORT_H

#include "util/strbuf.h"

/* The longest lists of the report. */
enum { CLASS_REPORT_TOP_TESTS = 15, CLASS_REPORT_TOP_DIAGNOSES = 3 };

/*
 * Writes out/class.md and out/class.html (each through a temporary file)
 * from out/gradebook.csv.  Returns 0, or -1 with one line in error.  A
 * report that could be written without its drawings is written, and why
 * they are missing goes to note (one line) with 0 returned.
 */
int class_report_write(const char *out, struct strbuf *note,
		       struct strbuf *error);

#endif /* GRADER_CLASS_REPORT_H */
