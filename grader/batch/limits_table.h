/*
 * limits_table.h - every limit the grader puts on a submission, as one Markdown
 * table made from the constants that set them, so that the table in
 * docs/instructors.md ("Limits") cannot drift from the code: a test
 * compares the two.
 */
#ifndef GRADER_LIMITS_TABLE_H
#define GRADER_LIMITS_TABLE_H

#include "util/strbuf.h"

/* Appends the table (header included), one limit a row. */
void limits_table(struct strbuf *out);

#endif /* GRADER_LIMITS_TABLE_H */
